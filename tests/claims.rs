//! The claims bundle: the shipped data is valid and complete, every
//! validation rule rejects what it should with a message naming the item and
//! the field, and the ClaimReview export carries what schema.org needs.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};

use fonte::claimreview::{claim_reviews, claim_reviews_in};
use fonte::claims::{Bundle, EntityKind, CLAIM_KINDS};
use fonte::data::{BUNDLED_CLAIMS, BUNDLED_SOURCE};
use fonte::normalize::tokenize;
use fonte::Lang;
use serde_json::{json, Value};

fn bundled() -> Bundle {
    Bundle::bundled()
}

/// The bundled JSON with the report attached, ready to be broken.
fn bundled_value() -> Value {
    let mut v: Value = serde_json::from_str(BUNDLED_CLAIMS).expect("data/claims.json is JSON");
    v["document"]["text"] = BUNDLED_SOURCE.into();
    v
}

fn reject(v: &Value) -> String {
    match Bundle::from_json(&v.to_string()) {
        Ok(_) => panic!("the broken bundle was accepted"),
        Err(err) => err.to_string(),
    }
}

fn id_of(v: &Value, list: &str, i: usize) -> String {
    v[list][i]["id"].as_str().expect("an id").to_owned()
}

fn index_of(v: &Value, list: &str, id: &str) -> usize {
    v[list]
        .as_array()
        .and_then(|items| items.iter().position(|x| x["id"] == id))
        .unwrap_or_else(|| panic!("{list} has no {id:?}"))
}

fn remove(v: &mut Value, field: &str) {
    v.as_object_mut().expect("an object").remove(field);
}

fn words(text: &str) -> Vec<String> {
    tokenize(text).into_iter().map(|t| t.text).collect()
}

// ---------------------------------------------------------------------------
// The shipped data

#[test]
fn bundled_bundle_is_valid() {
    let bundle = bundled();
    assert_eq!(bundle.document.text.as_deref(), Some(BUNDLED_SOURCE));
    // The same JSON through the public loader, with and without the report.
    let without_text = Bundle::from_json(BUNDLED_CLAIMS).expect("data/claims.json is valid");
    assert!(without_text.document.text.is_none());
    Bundle::from_json(&bundled_value().to_string()).expect("valid with the report attached");
    assert!(
        (20..=30).contains(&bundle.claims.len()),
        "{} claims",
        bundle.claims.len()
    );
}

#[test]
fn every_quote_is_verbatim_at_its_offsets() {
    let report: Vec<char> = BUNDLED_SOURCE.chars().collect();
    for claim in &bundled().claims {
        let q = &claim.quote;
        assert!(q.start < q.end, "{}", claim.id);
        let passage: String = report[q.start..q.end].iter().collect();
        assert_eq!(passage, q.text, "{}", claim.id);
    }
}

#[test]
fn ids_are_unique() {
    let bundle = bundled();
    let mut seen = HashSet::new();
    for id in bundle.claims.iter().map(|c| &c.id) {
        assert!(seen.insert(("claim", id)), "claim {id}");
    }
    for id in bundle.entities.iter().map(|e| &e.id) {
        assert!(seen.insert(("entity", id)), "entity {id}");
    }
    for id in bundle.sources.iter().map(|s| &s.id) {
        assert!(seen.insert(("source", id)), "source {id}");
    }
}

#[test]
fn every_reference_is_known() {
    let bundle = bundled();
    for claim in &bundle.claims {
        assert!(bundle.entity(&claim.speaker).is_some(), "{}", claim.id);
        assert!(bundle.source(&claim.source).is_some(), "{}", claim.id);
        for m in &claim.mentions {
            assert!(bundle.entity(m).is_some(), "{}: {m}", claim.id);
        }
        assert!(CLAIM_KINDS.contains(&claim.kind.as_str()), "{}", claim.id);
    }
    for e in &bundle.entities {
        for m in &e.members {
            assert!(bundle.entity(m).is_some(), "{}: {m}", e.id);
        }
    }
    // The report is one of the sources: claims it states itself cite it.
    assert!(bundle.source(&bundle.document.id).is_some());
}

#[test]
fn no_phrase_names_two_entities() {
    let mut owner: HashMap<Vec<String>, &str> = HashMap::new();
    let bundle = bundled();
    for e in &bundle.entities {
        for phrase in e.aliases.iter().chain([&e.name]) {
            let key = words(phrase);
            assert!(!key.is_empty(), "{}: {phrase:?}", e.id);
            if let Some(other) = owner.insert(key, &e.id) {
                assert_eq!(other, e.id, "{phrase:?} names {other} and {}", e.id);
            }
        }
    }
}

/// Bare common words ("premier", "costa") must not be aliases: a one-word
/// alias is a proper name or an acronym, written capitalized.
#[test]
fn one_word_aliases_are_proper_names() {
    for e in &bundled().entities {
        for alias in &e.aliases {
            if words(alias).len() == 1 {
                let first = alias.chars().next().unwrap_or(' ');
                assert!(first.is_uppercase(), "{}: {alias:?}", e.id);
            }
        }
    }
}

#[test]
fn every_speaker_but_the_document_has_an_alias() {
    let bundle = bundled();
    for claim in &bundle.claims {
        let speaker = bundle.entity(&claim.speaker).expect("known speaker");
        if speaker.kind != EntityKind::Document {
            assert!(!speaker.aliases.is_empty(), "{}", speaker.id);
        }
    }
    let group = bundle
        .entity("starmer-merz")
        .expect("the Starmer and Merz group");
    assert_eq!(group.kind, EntityKind::Group);
    assert_eq!(group.members, ["starmer", "merz"]);
}

/// Phrases of the bundle, scanned leftmost-longest on folded words as the
/// matcher scans a selection; returns (first word, word count, entity id).
fn spot<'a>(bundle: &'a Bundle, text: &str) -> Vec<(usize, usize, &'a str)> {
    let table: Vec<(Vec<String>, &str)> = bundle
        .entities
        .iter()
        .flat_map(|e| {
            e.aliases
                .iter()
                .chain([&e.name])
                .map(move |a| (words(a), e.id.as_str()))
        })
        .collect();
    let text = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let best = table
            .iter()
            .filter(|(k, _)| text[i..].starts_with(k))
            .max_by_key(|(k, _)| k.len());
        match best {
            Some((k, id)) => {
                found.push((i, k.len(), *id));
                i += k.len();
            }
            None => i += 1,
        }
    }
    found
}

/// A longer phrase of another entity must not swallow an alias, or part of
/// it, in the contexts readers write it in ("il presidente del Consiglio europeo" is
/// Costa even though "il presidente del Consiglio" is Meloni).
#[test]
fn aliases_survive_leftmost_longest_scanning() {
    let bundle = bundled();
    for e in &bundle.entities {
        for alias in &e.aliases {
            let n = words(alias).len();
            let spotted = |prefix: &str, suffix: &str| {
                let text = format!("{prefix} {alias} {suffix}");
                let at = words(prefix).len();
                let over: Vec<&str> = spot(&bundle, &text)
                    .into_iter()
                    .filter(|&(i, len, _)| i < at + n && at < i + len)
                    .map(|(_, _, id)| id)
                    .collect();
                !over.is_empty() && over.iter().all(|id| *id == e.id)
            };
            for (prefix, suffix) in [
                ("", ""),
                ("the", "said"),
                ("according to", "."),
                ("secondo", "ha detto che"),
            ] {
                assert!(
                    spotted(prefix, suffix),
                    "{}: {prefix} {alias:?} {suffix}",
                    e.id
                );
            }
            // Italian articles agree with the noun; one of them must work.
            assert!(
                spotted("il", "") || spotted("la", ""),
                "{}: il/la {alias:?}",
                e.id
            );
        }
    }
}

/// Who a quote names is its speaker, a member of it, or in `mentions`: a
/// reader repeating the passage must not be told it is misattributed.
#[test]
fn entities_named_in_quotes_and_texts_are_speaker_or_mentions() {
    let bundle = bundled();
    for claim in &bundle.claims {
        let speaker = bundle.entity(&claim.speaker).expect("known speaker");
        let allowed = |id: &str| {
            id == speaker.id
                || speaker.members.iter().any(|m| m == id)
                || claim.mentions.iter().any(|m| m == id)
        };
        for text in [&claim.quote.text, &claim.text.it, &claim.text.en] {
            for (_, _, id) in spot(&bundle, text) {
                assert!(allowed(id), "{}: {id} named in {text:?}", claim.id);
            }
        }
        // A person or body speaking in the report is named in its quote or
        // its claim text.
        if matches!(speaker.kind, EntityKind::Person | EntityKind::Group) {
            let named = |t: &str| {
                spot(&bundle, t)
                    .iter()
                    .any(|&(_, _, id)| id == speaker.id || speaker.members.iter().any(|m| m == id))
            };
            assert!(named(&claim.text.it), "{}: speaker not named", claim.id);
            assert!(named(&claim.text.en), "{}: speaker not named", claim.id);
        }
    }
}

#[test]
fn claim_texts_are_complete_sentences_in_both_languages() {
    for claim in &bundled().claims {
        for text in [&claim.text.it, &claim.text.en] {
            assert!(text.ends_with('.'), "{}: {text:?}", claim.id);
            assert!(
                text.chars().next().is_some_and(char::is_uppercase),
                "{text:?}"
            );
        }
        assert_ne!(claim.text.it, claim.text.en, "{}", claim.id);
        assert_eq!(claim.date, "2026-01-06", "{}", claim.id);
    }
}

/// No statement of the report is left out: every sentence (headings, the
/// lines without a final full stop, aside) is covered by the quotes, apart
/// from the punctuation and conjunctions that join two claims.
#[test]
fn every_sentence_of_the_report_is_quoted() {
    let bundle = bundled();
    let report: Vec<char> = BUNDLED_SOURCE.chars().collect();
    let mut covered = vec![false; report.len()];
    for claim in &bundle.claims {
        covered[claim.quote.start..claim.quote.end].fill(true);
    }
    let mut line_start = 0;
    let mut sentences = 0;
    for line in BUNDLED_SOURCE.split('\n') {
        let len = line.chars().count();
        let (from, to) = (line_start, line_start + len);
        line_start = to + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if !trimmed.ends_with(['.', '!', '?']) {
            assert!(len < 80, "a long line without a full stop: {line:?}");
            continue;
        }
        let mut s = from;
        for i in from..=to {
            if i < to && report[i] != '.' {
                continue;
            }
            let letters: Vec<usize> = (s..i).filter(|&j| report[j].is_alphanumeric()).collect();
            s = i + 1;
            if letters.is_empty() {
                continue;
            }
            sentences += 1;
            let out: String = letters
                .iter()
                .filter(|&&j| !covered[j])
                .map(|&j| report[j])
                .collect();
            let share = 1.0 - out.chars().count() as f64 / letters.len() as f64;
            assert!(share > 0.97, "{share:.2} covered; left out: {out:?}");
        }
    }
    assert!(sentences >= 10, "{sentences} sentences found");
}

#[test]
fn table_lists_every_claim() {
    let bundle = bundled();
    for lang in [Lang::It, Lang::En] {
        let table = bundle.table(lang);
        assert_eq!(table.lines().count(), bundle.claims.len() + 1, "{table}");
        for (claim, line) in bundle.claims.iter().zip(table.lines().skip(1)) {
            assert!(line.starts_with(&claim.id), "{line}");
            assert!(line.contains(&claim.speaker) && line.contains(&claim.kind));
            assert!(line.chars().count() < 200, "{line}");
            assert!(!line.ends_with(' '), "{line:?}");
        }
    }
    let it = bundle.table(Lang::It);
    let en = bundle.table(Lang::En);
    assert!(it.contains("Macron ha annunciato"), "{it}");
    assert!(en.contains("Macron announced"), "{en}");
}

#[test]
fn a_bundle_round_trips_through_json() {
    let bundle = bundled();
    let json = serde_json::to_string(&bundle).expect("serializes");
    assert_eq!(Bundle::from_json(&json).expect("valid"), bundle);
}

// ---------------------------------------------------------------------------
// Validation rules: each broken bundle is rejected and the message names the
// item and the field.

macro_rules! rejects {
    ($($name:ident: $break_it:expr;)+) => {$(
        #[test]
        fn $name() {
            let mut v = bundled_value();
            let break_it: fn(&mut Value) -> Vec<String> = $break_it;
            let needles = break_it(&mut v);
            let message = reject(&v);
            assert!(!message.contains('\n'), "{message:?}");
            for needle in needles {
                assert!(message.contains(&needle), "{message:?} should say {needle:?}");
            }
        }
    )+};
}

rejects! {
    rejects_another_schema: |v| {
        v["schema"] = "fonte-claims/2".into();
        vec!["bundle: schema is \"fonte-claims/2\", expected \"fonte-claims/1\"".into()]
    };
    rejects_a_duplicate_claim_id: |v| {
        let id = id_of(v, "claims", 0);
        v["claims"][5]["id"] = id.clone().into();
        vec![format!("claim {id:?}: id is not unique")]
    };
    rejects_a_duplicate_entity_id: |v| {
        v["entities"][3]["id"] = "meloni".into();
        vec!["entity \"meloni\": id is not unique".into()]
    };
    rejects_a_duplicate_source_id: |v| {
        let id = id_of(v, "sources", 0);
        v["sources"][1]["id"] = id.clone().into();
        vec![format!("source {id:?}: id is not unique")]
    };
    rejects_a_claim_without_speaker: |v| {
        let id = id_of(v, "claims", 3);
        remove(&mut v["claims"][3], "speaker");
        vec![format!("claim {id:?}: missing field \"speaker\"")]
    };
    rejects_a_claim_without_id_by_index: |v| {
        remove(&mut v["claims"][3], "id");
        vec!["claim #3: missing field \"id\"".into()]
    };
    rejects_a_claim_without_quote_start: |v| {
        let id = id_of(v, "claims", 7);
        remove(&mut v["claims"][7]["quote"], "start");
        vec![format!("claim {id:?}: missing field \"quote.start\"")]
    };
    rejects_a_claim_without_english_text: |v| {
        let id = id_of(v, "claims", 2);
        remove(&mut v["claims"][2]["text"], "en");
        vec![format!("claim {id:?}: missing field \"text.en\"")]
    };
    rejects_an_entity_without_kind: |v| {
        remove(&mut v["entities"][1], "kind");
        vec!["entity \"meloni\": missing field \"kind\"".into()]
    };
    rejects_a_document_without_title: |v| {
        remove(&mut v["document"], "title");
        vec!["document: missing field \"title\"".into()]
    };
    rejects_a_bundle_without_claims: |v| {
        remove(v, "claims");
        vec!["bundle: missing field \"claims\"".into()]
    };
    rejects_an_empty_speaker: |v| {
        let id = id_of(v, "claims", 2);
        v["claims"][2]["speaker"] = "".into();
        vec![format!("claim {id:?}: missing field \"speaker\"")]
    };
    rejects_a_blank_claim_text: |v| {
        let id = id_of(v, "claims", 4);
        v["claims"][4]["text"]["it"] = "  ".into();
        vec![format!("claim {id:?}: missing field \"text.it\"")]
    };
    rejects_an_empty_claim_id_by_index: |v| {
        v["claims"][6]["id"] = "".into();
        vec!["claim #6: missing field \"id\"".into()]
    };
    rejects_an_empty_role: |v| {
        v["entities"][1]["role"]["en"] = "".into();
        vec!["entity \"meloni\": missing field \"role.en\"".into()]
    };
    rejects_an_empty_entity_name: |v| {
        v["entities"][1]["name"] = "".into();
        vec!["entity \"meloni\": missing field \"name\"".into()]
    };
    rejects_an_empty_source_name: |v| {
        let id = id_of(v, "sources", 0);
        v["sources"][0]["name"]["it"] = "".into();
        vec![format!("source {id:?}: missing field \"name.it\"")]
    };
    rejects_an_empty_place: |v| {
        let id = id_of(v, "claims", 1);
        v["claims"][1]["place"]["en"] = "".into();
        vec![format!("claim {id:?}: missing field \"place.en\"")]
    };
    rejects_an_empty_quote_text: |v| {
        let id = id_of(v, "claims", 1);
        v["claims"][1]["quote"]["text"] = "".into();
        vec![format!("claim {id:?}: missing field \"quote.text\"")]
    };
    rejects_a_date_in_another_format: |v| {
        let id = id_of(v, "claims", 0);
        v["claims"][0]["date"] = "6/1/2026".into();
        vec![format!("claim {id:?}: date \"6/1/2026\" is not a YYYY-MM-DD date")]
    };
    rejects_a_day_that_does_not_exist: |v| {
        v["document"]["date"] = "2026-02-29".into();
        vec!["document: date \"2026-02-29\" is not a YYYY-MM-DD date".into()]
    };
    rejects_an_unknown_language: |v| {
        v["document"]["lang"] = "fr".into();
        vec!["document: lang \"fr\"".into()]
    };
    rejects_an_unknown_speaker: |v| {
        let id = id_of(v, "claims", 8);
        v["claims"][8]["speaker"] = "salvini".into();
        vec![format!("claim {id:?}: speaker \"salvini\" is not the id of any entity")]
    };
    rejects_an_unknown_source: |v| {
        let id = id_of(v, "claims", 8);
        v["claims"][8]["source"] = "ansa".into();
        vec![format!("claim {id:?}: source \"ansa\" is not the id of any source")]
    };
    rejects_an_unknown_mention: |v| {
        let id = id_of(v, "claims", 9);
        v["claims"][9]["mentions"] = json!(["meloni", "nobody"]);
        vec![format!("claim {id:?}: mentions \"nobody\" is not the id of any entity")]
    };
    rejects_the_speaker_among_mentions: |v| {
        let id = id_of(v, "claims", 0);
        let speaker = v["claims"][0]["speaker"].clone();
        v["claims"][0]["mentions"] = json!([speaker]);
        vec![format!("claim {id:?}: mentions lists the speaker")]
    };
    rejects_an_unknown_kind: |v| {
        let id = id_of(v, "claims", 0);
        v["claims"][0]["kind"] = "rumour".into();
        vec![format!("claim {id:?}: kind \"rumour\" is not one of position,")]
    };
    rejects_a_quote_that_ends_before_it_starts: |v| {
        let id = id_of(v, "claims", 10);
        let q = &mut v["claims"][10]["quote"];
        let start = q["start"].clone();
        q["start"] = q["end"].clone();
        q["end"] = start;
        vec![format!("claim {id:?}: quote.start"), "is not before quote.end".into()]
    };
    rejects_offsets_that_do_not_span_the_quote: |v| {
        let id = id_of(v, "claims", 10);
        let end = v["claims"][10]["quote"]["end"].as_u64().unwrap_or(0);
        v["claims"][10]["quote"]["end"] = (end + 1).into();
        vec![format!("claim {id:?}: quote.text has")]
    };
    rejects_a_quote_not_at_its_offsets: |v| {
        let id = index_of(v, "claims", "macron-forza-rassicurazione");
        let q = &mut v["claims"][id]["quote"];
        let (start, end) = (q["start"].as_u64().unwrap_or(0), q["end"].as_u64().unwrap_or(0));
        q["start"] = (start + 1).into();
        q["end"] = (end + 1).into();
        vec![
            format!(
                "claim \"macron-forza-rassicurazione\": quote is not verbatim at {}..{} of the document",
                start + 1,
                end + 1
            ),
            format!("the text occurs at {start}..{end}"),
        ]
    };
    rejects_a_quote_not_in_the_document: |v| {
        let id = id_of(v, "claims", 11);
        let q = &mut v["claims"][11]["quote"];
        let text = q["text"].as_str().unwrap_or("").replace('a', "o");
        q["text"] = text.into();
        vec![format!("claim {id:?}: quote is not verbatim"), "does not occur".into()]
    };
    rejects_a_quote_beyond_the_document: |v| {
        let id = id_of(v, "claims", 0);
        let q = &mut v["claims"][0]["quote"];
        q["text"] = "abc".into();
        q["start"] = 1_000_000_000_000u64.into();
        q["end"] = 1_000_000_000_003u64.into();
        vec![format!("claim {id:?}: quote is not verbatim at 1000000000000..1000000000003")]
    };
    rejects_an_alias_of_two_entities: |v| {
        // Differs from Meloni's "Italy's prime minister" only by case,
        // spacing and the typographic apostrophe.
        let macron = index_of(v, "entities", "macron");
        if let Some(aliases) = v["entities"][macron]["aliases"].as_array_mut() {
            aliases.push("ITALY\u{2019}S  Prime minister".into());
        }
        vec![
            "entity \"macron\": alias \"ITALY\u{2019}S  Prime minister\" is also an alias of \"meloni\"".into(),
        ]
    };
    rejects_an_alias_equal_to_another_name: |v| {
        let merz = index_of(v, "entities", "merz");
        v["entities"][merz]["aliases"] = json!(["Merz", "Emmanuel Macrón"]);
        vec!["alias \"Emmanuel Macrón\" is also an alias of \"macron\"".into()]
    };
    rejects_an_alias_without_words: |v| {
        v["entities"][1]["aliases"] = json!(["Meloni", "\u{2019}"]);
        vec!["entity \"meloni\": alias \"\u{2019}\" has no words".into()]
    };
    rejects_an_empty_alias: |v| {
        v["entities"][1]["aliases"] = json!(["Meloni", ""]);
        vec!["entity \"meloni\": missing field \"aliases\"".into()]
    };
    rejects_an_empty_metonym: |v| {
        v["entities"][1]["metonyms"] = json!([""]);
        vec!["entity \"meloni\": missing field \"metonyms\"".into()]
    };
    rejects_a_metonym_that_is_another_entitys_alias: |v| {
        let merz = index_of(v, "entities", "merz");
        v["entities"][merz]["metonyms"] = json!(["Berlino", "Downing Street"]);
        vec!["alias \"Downing Street\" is also an alias of \"starmer\"".into()]
    };
    rejects_a_group_without_members: |v| {
        let group = index_of(v, "entities", "starmer-merz");
        remove(&mut v["entities"][group], "members");
        vec!["entity \"starmer-merz\": missing field \"members\"".into()]
    };
    rejects_an_unknown_member: |v| {
        let group = index_of(v, "entities", "starmer-merz");
        v["entities"][group]["members"] = json!(["starmer", "scholz"]);
        vec!["entity \"starmer-merz\": members \"scholz\" is not the id of any entity".into()]
    };
    rejects_a_member_listed_twice: |v| {
        let group = index_of(v, "entities", "starmer-merz");
        v["entities"][group]["members"] = json!(["starmer", "starmer"]);
        vec!["entity \"starmer-merz\": members lists \"starmer\"".into()]
    };
    rejects_members_of_a_person: |v| {
        v["entities"][1]["members"] = json!(["macron"]);
        vec!["entity \"meloni\": members are only for groups".into()]
    };
    rejects_json_that_is_not_an_object: |v| {
        *v = "not json".into();
        vec!["bundle is not valid JSON: the top level is a string, not an object".into()]
    };
    rejects_a_wrongly_typed_field_naming_the_claim: |v| {
        v["claims"][0]["negated"] = "yes".into();
        vec!["claim \"vertice-parigi\": field \"negated\" should be a boolean, not a string".into()]
    };
    rejects_a_wrongly_typed_offset_naming_the_claim: |v| {
        v["claims"][2]["quote"]["start"] = json!(-3);
        vec!["claim \"rappresentanti-trentina-di-paesi\": field \"quote.start\" should be a whole number".into()]
    };
    rejects_an_unknown_entity_kind: |v| {
        v["entities"][1]["kind"] = "robot".into();
        vec!["entity \"meloni\": kind \"robot\" is not one of person, body, group, document".into()]
    };
}

#[test]
fn validate_checks_quotes_only_when_the_text_is_attached() {
    let mut bundle = Bundle::from_json(BUNDLED_CLAIMS).expect("valid");
    bundle.claims[0].quote.text = bundle.claims[0].quote.text.replace('a', "o");
    assert!(
        bundle.validate().is_ok(),
        "without the report, quotes are not compared"
    );
    bundle.document.text = Some(BUNDLED_SOURCE.to_owned());
    let err = bundle.validate().expect_err("with the report they are");
    assert!(err.to_string().contains("not verbatim"), "{err}");
    // A usable `std::error::Error`.
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert!(boxed.to_string().starts_with("claim "));
}

#[test]
fn text_that_is_not_json_is_rejected_with_its_position() {
    let err = Bundle::from_json("{\n  \"schema\": fonte\n}").expect_err("not JSON");
    assert_eq!(
        err.to_string(),
        "bundle is not valid JSON: at line 2, column 13: expected a value"
    );
}

#[test]
fn another_schema_is_named_before_its_missing_fields() {
    let err = Bundle::from_json(r#"{"schema": "fonte-claims/2", "items": []}"#)
        .expect_err("another schema");
    assert_eq!(
        err.to_string(),
        "bundle: schema is \"fonte-claims/2\", expected \"fonte-claims/1\""
    );
}

#[test]
fn garbage_never_panics() {
    for input in [
        "",
        "null",
        "[]",
        "{}",
        "{\"schema\": \"fonte-claims/1\"}",
        "{\"claims\": [{}]}",
        "{\"schema\": 1, \"document\": [], \"sources\": {}, \"entities\": 2, \"claims\": null}",
        "\u{feff}{",
    ] {
        let err = Bundle::from_json(input).expect_err(input);
        assert!(!err.to_string().is_empty(), "{input:?}");
    }
}

// ---------------------------------------------------------------------------
// ClaimReview

fn walk<'a>(v: &'a Value, out: &mut Vec<(&'a str, &'a Value)>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                out.push((k, x));
                walk(x, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|x| walk(x, out)),
        _ => {}
    }
}

fn text<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    let mut x = v;
    for key in path {
        x = &x[*key];
    }
    x.as_str()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| panic!("{path:?} is not a non-empty string in {v:#}"))
}

#[test]
fn claim_reviews_carry_every_required_field() {
    let bundle = bundled();
    for (lang, reviews) in [
        (Lang::It, claim_reviews(&bundle)),
        (Lang::En, claim_reviews_in(&bundle, Lang::En)),
    ] {
        // Through text and back, as a consumer reads it.
        let reviews: Value = serde_json::from_str(&reviews.to_string()).expect("JSON");
        let reviews = reviews.as_array().expect("a JSON array");
        assert_eq!(reviews.len(), bundle.claims.len());
        for (claim, r) in bundle.claims.iter().zip(reviews) {
            assert_eq!(text(r, &["@context"]), "https://schema.org");
            assert_eq!(text(r, &["@type"]), "ClaimReview");
            assert_eq!(text(r, &["identifier"]), claim.id);
            assert_eq!(text(r, &["claimReviewed"]), claim.text.get(lang));
            assert_eq!(text(r, &["inLanguage"]), lang.as_str());
            assert_eq!(text(r, &["datePublished"]), bundle.document.date);
            let item = &r["itemReviewed"];
            assert_eq!(text(item, &["@type"]), "Claim");
            assert_eq!(text(item, &["datePublished"]), claim.date);
            assert_eq!(
                text(item, &["locationCreated", "name"]),
                claim.place.get(lang)
            );
            let app = &item["appearance"];
            assert_eq!(text(app, &["@type"]), "CreativeWork");
            assert_eq!(text(app, &["name"]), bundle.document.title.get(lang));
            assert_eq!(text(app, &["datePublished"]), bundle.document.date);
            assert_eq!(text(app, &["text"]), claim.quote.text);
            assert_eq!(
                app.get("isBasedOn").is_some(),
                claim.source != bundle.document.id,
                "{}",
                claim.id
            );
            let rating = &r["reviewRating"];
            assert_eq!(text(rating, &["@type"]), "Rating");
            assert_eq!(
                text(rating, &["alternateName"]),
                fonte::claimreview::rating_label(lang)
            );
            let why = text(rating, &["ratingExplanation"]);
            assert!(why.contains(&format!("{}–{}", claim.quote.start, claim.quote.end)));

            let speaker = bundle.entity(&claim.speaker).expect("known speaker");
            let author = &item["author"];
            match speaker.kind {
                EntityKind::Person => {
                    assert_eq!(text(author, &["@type"]), "Person");
                    assert_eq!(text(author, &["name"]), speaker.name);
                    assert_eq!(text(author, &["jobTitle"]), speaker.role.get(lang));
                }
                EntityKind::Body => {
                    assert_eq!(text(author, &["@type"]), "Organization");
                    assert_eq!(text(author, &["name"]), speaker.name);
                }
                EntityKind::Group => {
                    let people = author.as_array().expect("one author per member");
                    assert_eq!(people.len(), speaker.members.len());
                    for (p, m) in people.iter().zip(&speaker.members) {
                        let member = bundle.entity(m).expect("known member");
                        assert_eq!(text(p, &["name"]), member.name);
                    }
                }
                // The report's author is unknown: no author is invented.
                EntityKind::Document => assert!(author.is_null(), "{}", claim.id),
            }

            let mut keys = Vec::new();
            walk(r, &mut keys);
            assert!(keys.iter().all(|(k, _)| *k != "url"), "no URL is invented");
            assert!(
                keys.iter().all(|(_, v)| !v
                    .as_str()
                    .is_some_and(|s| s.contains("http") && s != "https://schema.org")),
                "no link is invented"
            );
        }
    }
}

#[test]
fn claim_reviews_name_the_palazzo_chigi_note_where_the_report_cites_it() {
    let bundle = bundled();
    let reviews = claim_reviews_in(&bundle, Lang::En);
    let based_on: Vec<&str> = reviews
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["itemReviewed"]["appearance"]["isBasedOn"]["name"].as_str())
        .collect();
    assert!(!based_on.is_empty());
    assert!(
        based_on.iter().all(|n| *n == "Palazzo Chigi note"),
        "{based_on:?}"
    );
}
