//! The matcher, case by case: every verdict and every kind of selection a
//! reader makes, in Italian and English. The sentences are our own; the
//! larger labelled sets live in `tests/data/` (see `tests/corpus.rs`).
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use fonte::{Lang, Matcher, Verdict};

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(Matcher::bundled)
}

/// One expectation: the text, the verdict, the claim id (for matches) and
/// the person named (for misattributions).
struct Case {
    text: &'static str,
    verdict: Verdict,
    claim: Option<&'static str>,
    attributed_to: Option<&'static str>,
}

const fn ok(text: &'static str, claim: &'static str) -> Case {
    Case {
        text,
        verdict: Verdict::Supported,
        claim: Some(claim),
        attributed_to: None,
    }
}

const fn wrong_speaker(text: &'static str, claim: &'static str, who: &'static str) -> Case {
    Case {
        text,
        verdict: Verdict::Misattributed,
        claim: Some(claim),
        attributed_to: Some(who),
    }
}

const fn opposite(text: &'static str, claim: &'static str) -> Case {
    Case {
        text,
        verdict: Verdict::Contradicted,
        claim: Some(claim),
        attributed_to: None,
    }
}

const fn nothing(text: &'static str) -> Case {
    Case {
        text,
        verdict: Verdict::NoMatch,
        claim: None,
        attributed_to: None,
    }
}

fn run(group: &str, cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let got = matcher().check(case.text);
        let claim = got.claim.as_ref().map(|c| c.id.as_str());
        let right = got.verdict == case.verdict
            && (case.claim.is_none() || claim == case.claim)
            && (case.attributed_to.is_none() || got.attributed_to.as_deref() == case.attributed_to);
        if !right {
            failures.push(format!(
                "  {:?}\n    want {:?} {:?} {:?}\n    got  {:?} {:?} {:?} score {}",
                case.text,
                case.verdict,
                case.claim,
                case.attributed_to,
                got.verdict,
                claim,
                got.attributed_to,
                got.score
            ));
        }
    }
    assert!(failures.is_empty(), "{group}:\n{}", failures.join("\n"));
}

#[test]
fn verbatim_sentences_and_fragments() {
    run(
        "verbatim",
        &[
            ok(
                "La premier Meloni ha inoltre ribadito la posizione italiana di non partecipare con truppe sul terreno in Ucraina",
                "meloni-niente-truppe-sul-terreno",
            ),
            ok(
                "Il vertice si è concluso con la conferma del mantenimento delle sanzioni verso la Russia",
                "sanzioni-alla-russia-fino-alla-pace",
            ),
            ok("forza di “rassicurazione” europea, composta da diversi Paesi", "macron-forza-rassicurazione"),
            ok("un meccanismo di monitoraggio del cessate il fuoco", "pacchetto-monitoraggio-cessate-il-fuoco"),
            ok("a step up military and financial support for Kyiv", "impegno-a-intensificare-sostegno-a-kiev"),
            // Four words or more of one claim state it, even with only two
            // content words, word for word or stem for stem.
            ok("la mancanza di unanimità sull’invio", "starmer-merz-nessuna-unanimita-sul-peacekeeping"),
            ok("pointing out the lack of unanimity", "starmer-merz-nessuna-unanimita-sul-peacekeeping"),
            ok("with interest by the other partic", "articolo-5-accolto-con-interesse"),
            // Three are a topic, not a statement.
            nothing("lack of unanimity"),
            nothing("la linea di"),
            // Copied from the report, the words belong to the quote they
            // mostly come from, even across the end of that quote.
            ok("importante vertice della Coalizione dei Volenterosi, al qu", "vertice-parigi"),
            // A sentence holding two quotes states the first one first; a
            // quote inside a longer one is part of it.
            ok(
                "La premier Meloni ha inoltre ribadito la posizione italiana di non partecipare con truppe sul terreno in Ucraina, rispettando la volontarietà di adesione delle nazioni",
                "meloni-niente-truppe-sul-terreno",
            ),
            // A cut selection is the quote it nearly fills, not a longer
            // one that also holds it.
            ok("nto tra i rappresentanti di una trentina di Paesi h", "rappresentanti-trentina-di-paesi"),
        ],
    );
}

#[test]
fn selections_cut_mid_word_and_odd_typography() {
    run(
        "typography",
        &[
            ok("ecipare con truppe sul terreno in Ucr", "meloni-niente-truppe-sul-terreno"),
            ok(
                "IL VERTICE SI È CONCLUSO CON LA CONFERMA DEL MANTENIMENTO DELLE SANZIONI VERSO LA RUSSIA",
                "sanzioni-alla-russia-fino-alla-pace",
            ),
            ok(
                "Macron ha annunciato la creazione di una forza di \"rassicurazione\" europea",
                "macron-forza-rassicurazione",
            ),
            ok(
                "non sostituira' l'esercito ucraino[2]",
                "forza-rassicurazione-non-sostituira-esercito",
            ),
            ok(
                "👉 la mancanza di unanimità sull’invio\ndi una missione di peacekeeping",
                "starmer-merz-nessuna-unanimita-sul-peacekeeping",
            ),
        ],
    );
}

#[test]
fn paraphrases_in_both_languages() {
    run(
        "paraphrase",
        &[
            ok(
                "Italy will not send troops to Ukraine, Meloni reiterated",
                "meloni-niente-truppe-sul-terreno",
            ),
            // Negative concord is one negation: "non ... mai", "ruled out".
            ok(
                "L'Italia non manderà mai truppe sul terreno in Ucraina, ha ribadito Meloni",
                "meloni-niente-truppe-sul-terreno",
            ),
            ok(
                "Meloni ruled out sending Italian troops into Ukraine",
                "meloni-niente-truppe-sul-terreno",
            ),
            ok(
                "Sanctions against Russia will stay in place until there is a clear and stable peace deal",
                "sanzioni-alla-russia-fino-alla-pace",
            ),
            ok(
                "Macron unveiled a European reassurance force made up of several countries",
                "macron-forza-rassicurazione",
            ),
            ok(
                "I leader si sono impegnati ad aumentare il sostegno militare e finanziario all'Ucraina",
                "impegno-a-intensificare-sostegno-a-kiev",
            ),
            ok(
                "The German chancellor and the British prime minister confirmed unanimous support for Ukraine",
                "starmer-merz-sostegno-unanime-all-ucraina",
            ),
            // A headline's topic before its colon is not outside the
            // negation that follows it.
            ok(
                "Missione di peacekeeping in Ucraina, Starmer e Merz: manca l'unanimità",
                "starmer-merz-nessuna-unanimita-sul-peacekeeping",
            ),
            ok(
                "Article 5 guarantees: Macron among those who warmed to the model",
                "articolo-5-accolto-con-interesse",
            ),
            // Naming a person a claim is about prefers that claim to a
            // broader one that says nearly as much.
            ok(
                "A PARIGI IL VERTICE DEI VOLENTEROSI, C'È ANCHE GIORGIA MELONI",
                "meloni-partecipa-al-vertice",
            ),
            // "No" in "made no secret" negates nothing.
            ok(
                "Meloni made no secret of her wish for a more direct US involvement in the coming coordination meetings",
                "meloni-auspicio-coinvolgimento-usa",
            ),
            ok(
                "The European reassurance force will steer clear of the line of contact",
                "forza-rassicurazione-non-sulla-linea-di-contatto",
            ),
            // "Ms." ends no sentence: the hope stays Meloni's.
            ok(
                "The summit stressed the importance of a more direct US involvement in the next coordination meetings, a subject on which Ms. Meloni voiced an explicit hope",
                "meloni-auspicio-coinvolgimento-usa",
            ),
            // Denying the opposite affirms: no halt to the sanctions keeps them.
            ok(
                "Nessuno stop alle sanzioni alla Russia prima di un accordo di pace chiaro e stabile",
                "sanzioni-alla-russia-fino-alla-pace",
            ),
            // Idioms whose "no" or "non" negates nothing.
            ok(
                "Non a caso il vertice di Parigi viene descritto come una pietra angolare della strategia europea e occidentale",
                "incontro-tassello-fondamentale",
            ),
            ok(
                "No daylight between London and Berlin: both said support for Ukraine is unanimous",
                "starmer-merz-sostegno-unanime-all-ucraina",
            ),
        ],
    );
}

#[test]
fn misattributions_by_name_and_by_role() {
    run(
        "misattributed",
        &[
            wrong_speaker(
                "Merz ha annunciato la creazione di una forza di rassicurazione europea",
                "macron-forza-rassicurazione",
                "Friedrich Merz",
            ),
            wrong_speaker(
                "The French president reiterated that Italy will not take part with troops on the ground in Ukraine",
                "meloni-niente-truppe-sul-terreno",
                "Emmanuel Macron",
            ),
            wrong_speaker(
                "Zelensky said the reassurance force will not replace the Ukrainian army",
                "forza-rassicurazione-non-sostituira-esercito",
                "Volodymyr Zelensky",
            ),
            // REGRESSION: the negative claims about the force repeat its
            // name as their subject; sharing only the subject is no
            // contradiction of them.
            wrong_speaker(
                "Merz ha annunciato una forza di rassicurazione europea",
                "macron-forza-rassicurazione",
                "Friedrich Merz",
            ),
            wrong_speaker(
                "La premier Meloni ha confermato un sostegno unanime all'Ucraina",
                "starmer-merz-sostegno-unanime-all-ucraina",
                "Giorgia Meloni",
            ),
            // A capital speaks for its government only when it speaks.
            wrong_speaker(
                "Berlino: la forza di rassicurazione europea non sostituirà l'esercito ucraino",
                "forza-rassicurazione-non-sostituira-esercito",
                "Friedrich Merz",
            ),
            // A surname that is also a common word names its person only
            // when it speaks ("costa" is a coast).
            wrong_speaker(
                "Costa: il pacchetto di intese servirà a rafforzare le forze militari ucraine",
                "pacchetto-rafforzare-forze-ucraine",
                "António Costa",
            ),
            // The one the sentence has speak is the speaker, even when the
            // claim's speaker is mentioned further on.
            wrong_speaker(
                "Witkoff vowed to intensify military and financial support for Kyiv, as the coalition wished",
                "impegno-a-intensificare-sostegno-a-kiev",
                "Steve Witkoff",
            ),
        ],
    );
}

#[test]
fn the_right_speaker_or_a_mentioned_person_is_not_a_misattribution() {
    run(
        "right speaker",
        &[
            ok(
                "Starmer confirmed unanimous support for Ukraine",
                "starmer-merz-sostegno-unanime-all-ucraina",
            ),
            ok(
                "Il modello proposto dall'Italia è stato accolto con interesse anche dal presidente francese Emmanuel Macron",
                "articolo-5-accolto-con-interesse",
            ),
            // REGRESSION: the report's remark and Meloni's hope say the same
            // thing; naming Meloni means her claim, not a misattribution.
            ok(
                "Meloni ha chiesto agli Stati Uniti un ruolo più diretto nei prossimi incontri di coordinamento",
                "meloni-auspicio-coinvolgimento-usa",
            ),
            ok(
                "London and Berlin said support for Ukraine is unanimous",
                "starmer-merz-sostegno-unanime-all-ucraina",
            ),
            ok(
                "In Berlin, Macron announced a European reassurance force made up of several countries",
                "macron-forza-rassicurazione",
            ),
        ],
    );
}

#[test]
fn the_reports_own_words_are_never_misattributed_or_contradicted() {
    // Every sentence and heading of the report, selected as is, is the
    // source speaking: whatever claim it matches, the verdict is supported.
    for line in fonte::data::BUNDLED_SOURCE
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        for sentence in line.split_inclusive(". ") {
            let r = matcher().check(sentence);
            assert!(
                matches!(r.verdict, Verdict::Supported | Verdict::NoMatch),
                "{sentence:?} -> {:?} {:?}",
                r.verdict,
                r.attributed_to
            );
        }
    }
}

#[test]
fn contradictions_by_negation_and_by_opposites() {
    run(
        "contradicted",
        &[
            opposite("L'Italia parteciperà con truppe sul terreno in Ucraina", "meloni-niente-truppe-sul-terreno"),
            opposite(
                "The reassurance force will replace the Ukrainian army",
                "forza-rassicurazione-non-sostituira-esercito",
            ),
            opposite("Sanctions on Russia will be lifted", "sanzioni-alla-russia-fino-alla-pace"),
            opposite(
                "The reassurance force will be deployed along the line of contact",
                "forza-rassicurazione-non-sulla-linea-di-contatto",
            ),
            opposite(
                "Starmer e Merz: nessuna divisione sull'invio di una missione di peacekeeping",
                "starmer-merz-nessuna-unanimita-sul-peacekeeping",
            ),
            // A negated denial affirms: "non esclude più" opens the door.
            opposite(
                "Meloni: l'Italia non esclude più di inviare truppe sul terreno in Ucraina",
                "meloni-niente-truppe-sul-terreno",
            ),
            opposite(
                "Il vertice di Parigi della Coalizione dei Volenterosi è stato annullato",
                "vertice-parigi",
            ),
            opposite(
                "Il vertice si è concluso con l'impegno a ridurre il sostegno militare e finanziario a Kiev",
                "impegno-a-intensificare-sostegno-a-kiev",
            ),
            opposite(
                "The coalition members agreed to ease the pressure on Moscow",
                "coalizione-pressione-collettiva-su-mosca",
            ),
            opposite(
                "There was unanimity on sending a peacekeeping mission into Ukrainian territory",
                "starmer-merz-nessuna-unanimita-sul-peacekeeping",
            ),
            opposite(
                "The other participants brushed aside the Article 5 model proposed by Italy",
                "articolo-5-accolto-con-interesse",
            ),
            // A headline's topic before the colon is outside the clause
            // that reverses it, and says nothing either way.
            opposite(
                "Sanzioni alla Russia fino alla pace: i Volenterosi ora puntano alla revoca",
                "sanzioni-alla-russia-fino-alla-pace",
            ),
            opposite(
                "Collective pressure on Moscow: the coalition is split",
                "coalizione-pressione-collettiva-su-mosca",
            ),
            // The US before a headline's colon is its topic, not its
            // speaker: the sentence is about Meloni's hope.
            opposite(
                "La premier frena sugli USA: meglio lasciarli ai margini dei prossimi incontri di coordinamento",
                "meloni-auspicio-coinvolgimento-usa",
            ),
        ],
    );
}

#[test]
fn the_same_people_saying_something_else_is_no_match() {
    run(
        "hard negatives",
        &[
            nothing("Meloni ha incontrato Zelensky a Roma"),
            nothing("Sanctions against Iran will be maintained"),
            nothing("Macron announced an increase in French defence spending"),
            nothing("Merz met Starmer in Berlin to discuss trade"),
            nothing("Il vertice del G7 si terrà in Canada"),
            // A person the claim has nothing to do with is part of what is
            // said: this is not the report's remark about talks.
            nothing("Merz held talks with Russian officials in Moscow"),
        ],
    );
}

#[test]
fn short_generic_and_empty_selections_are_no_match() {
    run(
        "short",
        &[
            nothing(""),
            nothing("   \n\t "),
            nothing("Meloni"),
            nothing("la pace"),
            nothing("the summit"),
            nothing("Oggi piove a Milano e fa freddo"),
            nothing("The stock market closed higher on Friday"),
            nothing("🇮🇹🇫🇷 !!! ???"),
            nothing("https://example.org/articolo?id=5"),
            // Three words are a topic, however well they match.
            nothing("European reassurance force"),
            nothing("Sanzioni alla Russia"),
        ],
    );
}

#[test]
fn several_sentences_give_parts_and_the_most_relevant_on_top() {
    let text = "Oggi piove a Milano.\nMacron ha annunciato la creazione di una forza di rassicurazione europea. Il mercato è chiuso.";
    let r = matcher().check(text);
    assert_eq!(r.parts.len(), 3);
    assert_eq!(r.verdict, Verdict::Supported);
    assert_eq!(r.claim.unwrap().id, "macron-forza-rassicurazione");
    assert_eq!(r.parts[0].verdict, Verdict::NoMatch);
    assert_eq!(r.parts[1].verdict, Verdict::Supported);
    let chars: Vec<char> = text.chars().collect();
    let second: String = chars[r.parts[1].start..r.parts[1].end].iter().collect();
    assert!(second.starts_with("Macron ha annunciato"), "{second}");
    assert!(second.ends_with("europea."), "{second}");
}

#[test]
fn results_speak_the_readers_language() {
    let it = matcher().check("Le sanzioni verso la Russia saranno mantenute");
    let en = matcher().check("Sanctions on Russia will be maintained");
    assert_eq!(it.lang, Lang::It);
    assert_eq!(en.lang, Lang::En);
    let (ci, ce) = (it.claim.unwrap(), en.claim.unwrap());
    assert_eq!(ci.id, ce.id);
    assert_eq!(ci.place, "Parigi");
    assert_eq!(ce.place, "Paris");
    assert!(
        en.explanation.contains("6 January 2026"),
        "{}",
        en.explanation
    );
    assert!(
        it.explanation.contains("6 gennaio 2026"),
        "{}",
        it.explanation
    );
    let forced = matcher().check_in("Sanctions on Russia will be maintained", Some(Lang::It));
    assert_eq!(forced.lang, Lang::It);
    assert_eq!(forced.claim.unwrap().place, "Parigi");
}

#[test]
fn a_match_carries_the_verbatim_quote_and_its_provenance() {
    let r =
        matcher().check("Meloni ha ribadito che l'Italia non parteciperà con truppe sul terreno");
    let claim = r.claim.expect("a claim");
    let report = fonte::data::BUNDLED_SOURCE;
    let quoted: String = report
        .chars()
        .skip(claim.quote_start)
        .take(claim.quote_end - claim.quote_start)
        .collect();
    assert_eq!(quoted, claim.quote);
    assert_eq!(claim.speaker, "Giorgia Meloni");
    assert_eq!(claim.date, "2026-01-06");
    assert!(!claim.source.is_empty() && !claim.speaker_role.is_empty());
    assert!(r.score > 0.5 && r.score <= 1.0);
}

#[test]
fn scores_are_calibrated_in_order() {
    let verbatim = matcher().check(
        "Macron ha annunciato la creazione di una forza di “rassicurazione” europea, composta da diversi Paesi",
    );
    let paraphrase =
        matcher().check("Macron unveiled a multinational European force to reassure Ukraine");
    assert!(verbatim.score >= paraphrase.score || paraphrase.verdict == Verdict::NoMatch);
    let unrelated = matcher().check("The weather in Paris was cold and rainy");
    assert_eq!(unrelated.verdict, Verdict::NoMatch);
    assert!(
        unrelated.score > 0.5,
        "sure it is nothing: {}",
        unrelated.score
    );
}
