//! The matcher: a selection in, the sourced claim and a verdict out.
//!
//! Each claim is indexed twice, once per language: its Italian text and
//! verbatim quote, and its English rendering. A selection is split into
//! sentences; each sentence is analysed in its language (see
//! [`crate::analysis`]), candidate claims are gathered from an inverted
//! index, and each candidate is scored on how much of the selection it
//! covers (IDF-weighted, with synonyms, opposites and a fuzzy signal for cut
//! or mistyped words) and how much of the claim the selection covers.
//! The best candidate above the threshold decides the verdict:
//! negations that disagree make it *contradicted*, a named entity other than
//! the speaker makes it *misattributed*, anything else *supported*.

use crate::analysis::{lang_index, Analysis, Analyzer, Term, LANGS};
use crate::claims::{Bundle, Claim, EntityKind};
use crate::explain;
use crate::lexicon::Lexicon;
use crate::normalize::{sentences_with, tokenize, Token};
use crate::verdict::{CheckResult, ClaimRef, Lang, Verdict};

/// Most sentences of one selection that are checked; the rest is reported
/// as truncated. A page-long selection stays fast.
pub const MAX_SENTENCES: usize = 256;

/// Candidates scored in detail per sentence and language.
const CANDIDATES: usize = 8;

/// Postings lists up to this long are always walked when gathering
/// candidates; longer ones only in bundles where they are over an eighth of
/// all claims and a rarer word is at hand.
const COMMON_POSTINGS: usize = 1000;

/// Match strength of a synonym (same concept) relative to the same stem.
const CONCEPT_MATCH: f32 = 0.9;
/// Match strength of a fuzzy match (cut or mistyped word).
const FUZZY_MATCH: f32 = 0.75;

/// Weight of a word no claim uses, relative to the rarest word of the
/// bundle: paraphrases bring words of their own, so an unknown word counts
/// against a match, but less than a known word of another claim.
const UNKNOWN_WEIGHT: f32 = 0.7;

/// Score factor for a negative claim of which the selection shares only
/// the subject (see [`Features::misses_negated_core`]).
const CORE_MISS: f32 = 0.6;

/// Least share of the matched evidence that must fall in what a negative
/// claim denies for the selection to be about that denial.
const CORE_SHARE: f32 = 0.25;

/// How far below the best candidate a claim of the person the sentence
/// names may rank and still be preferred to it.
const SPEAKER_MARGIN: f32 = 0.15;

/// Ranking nudge for a claim whose speaker, or someone it names, the text
/// names too (see [`Candidate::rank`]).
const NAMED_BONUS: f32 = 0.04;

/// A selection is judged to state a claim when its score reaches this.
/// Calibrated on `tests/data/dev.jsonl` (see `tests/corpus.rs`).
pub const MATCH_THRESHOLD: f32 = 0.42;
/// The fewest words that can state a claim: shorter selections are names
/// and topics ("la pace", "truppe sul terreno"). A selection this long
/// copied from a claim states it.
pub const FRAGMENT_WORDS: usize = 4;
/// The least score of such a fragment.
const FRAGMENT_SCORE: f32 = 0.6;
/// Share of the matched evidence whose polarity disagrees with the claim
/// from which the selection is judged to contradict it.
const FLIP_SHARE: f32 = 0.5;

/// Where a term was seen: in a positive clause, under a negation, or both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Polarity {
    pos: bool,
    neg: bool,
}

impl Polarity {
    fn add(&mut self, negated: bool) {
        if negated {
            self.neg = true
        } else {
            self.pos = true
        }
    }

    fn merge(&mut self, other: Polarity) {
        self.pos |= other.pos;
        self.neg |= other.neg;
    }

    /// Seen both ways: says nothing about polarity.
    fn neutral(self) -> bool {
        self.pos && self.neg
    }

    fn agrees(self, other: Polarity) -> bool {
        (self.pos && other.pos) || (self.neg && other.neg)
    }
}

/// One claim's text in one language, as a bag of terms. Sorted vectors
/// rather than maps: a claim has a few dozen terms, and at 100,000 claims
/// a map per claim costs kilobytes each.
#[derive(Debug, Clone, Default)]
struct Field {
    /// Distinct terms and where they occur, sorted by term id.
    terms: Vec<(u32, Polarity)>,
    /// Concepts, where they occur, and the terms expressing them, sorted by
    /// concept id.
    concepts: Vec<(u32, Polarity, Vec<u32>)>,
    /// Sum of the IDF of the field's distinct terms.
    mass: f32,
}

impl Field {
    fn term(&self, id: u32) -> Option<Polarity> {
        let i = self.terms.binary_search_by_key(&id, |e| e.0).ok()?;
        Some(self.terms[i].1)
    }

    fn concept(&self, id: u32) -> Option<(Polarity, &[u32])> {
        let i = self.concepts.binary_search_by_key(&id, |e| e.0).ok()?;
        let (_, p, terms) = &self.concepts[i];
        Some((*p, terms))
    }

    /// Adds an occurrence of term `id` expressing `concepts`; `polar` says
    /// whether its polarity counts.
    fn add(&mut self, id: u32, concepts: &[u32], polarity: Polarity, polar: bool) {
        let i = match self.terms.binary_search_by_key(&id, |e| e.0) {
            Ok(i) => i,
            Err(i) => {
                self.terms.insert(i, (id, Polarity::default()));
                i
            }
        };
        if polar {
            self.terms[i].1.merge(polarity);
        }
        for &c in concepts {
            let j = match self.concepts.binary_search_by_key(&c, |e| e.0) {
                Ok(j) => j,
                Err(j) => {
                    self.concepts
                        .insert(j, (c, Polarity::default(), Vec::new()));
                    j
                }
            };
            let entry = &mut self.concepts[j];
            if polar {
                entry.1.merge(polarity);
            }
            if !entry.2.contains(&id) {
                entry.2.push(id);
            }
        }
    }
}

/// Postings key: a stem or a concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Term(u32),
    Concept(u32),
}

#[derive(Debug, Clone, Default)]
struct LangIndex {
    fields: Vec<Field>,
    /// Claims holding each term, indexed by term id.
    term_postings: Vec<Vec<u32>>,
    /// Claims holding each concept, indexed by concept id.
    concept_postings: Vec<Vec<u32>>,
    /// Folded surface words with their term ids, sorted, for fuzzy matching.
    surfaces: Vec<(String, u32)>,
    /// The same words spelled backwards, sorted: words by their ending.
    reversed: Vec<(String, u32)>,
}

impl LangIndex {
    fn postings(&self, key: Key) -> &[u32] {
        let (lists, at) = match key {
            Key::Term(t) => (&self.term_postings, t),
            Key::Concept(c) => (&self.concept_postings, c),
        };
        lists.get(at as usize).map_or(&[], Vec::as_slice)
    }

    fn idf(&self, key: Key) -> f32 {
        let n = self.fields.len() as f32;
        let df = self.postings(key).len() as f32;
        idf(n, df)
    }
}

/// BM25's IDF, always positive.
fn idf(n: f32, df: f32) -> f32 {
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// A query term resolved against the vocabulary.
#[derive(Debug, Clone)]
struct QueryTerm<'a> {
    id: Option<u32>,
    concepts: &'a [u32],
    fuzzy: Vec<u32>,
    /// Each occurrence's clause and whether a negator is in that clause.
    occurrences: Vec<(usize, bool)>,
    /// The term is a negator itself ("rejected"): matched as an opposite
    /// ("welcomed"), it must not reverse its clause a second time.
    negator: bool,
    weight: f32,
}

/// The evidence for one (sentence, claim) pair: what calibration looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features {
    /// IDF-weighted share of the selection's terms found in the claim.
    pub query_coverage: f32,
    /// IDF-weighted share of the claim's terms found in the selection.
    pub claim_coverage: f32,
    /// Sum of the IDF weight of the matched terms.
    pub evidence: f32,
    /// Distinct selection terms matched.
    pub matched: usize,
    /// Share of the polar evidence whose polarity (its clause negated or
    /// reversed by an opposite, or not) disagrees with the claim. Polar: the
    /// claim has the term one way only (a claim's subject before its
    /// negator is neither way).
    pub flip_share: f32,
    /// The claim is a negative statement and the selection touches little
    /// of what it denies (it only shares the subject: "Merz announced a
    /// reassurance force" against "the reassurance force will not replace
    /// the Ukrainian army"), or none of its subject.
    pub misses_negated_core: bool,
    /// The selection names the claim's speaker or someone the claim names.
    pub names_claim_entity: bool,
    /// The selection is a run of at least [`FRAGMENT_WORDS`] words of the
    /// claim's text or quote, word for word (its edge words may be cut) or
    /// stem for stem ("highlighting the lack of unanimity").
    pub fragment: bool,
}

impl Features {
    /// The match score, 0 to 1.
    ///
    /// The selection must be mostly made of the claim (query coverage), carry
    /// enough evidence that it is not a couple of common words (evidence,
    /// saturating), and the more of the claim it covers the surer the match.
    pub fn score(&self) -> f32 {
        // Fewer than three content words can't state a claim ("la pace",
        // "reassurance force", "truppe sul terreno"); the speaker or someone
        // the claim names counts as one ("Macron ha annunciato la forza").
        // A fragment copied from the claim needs two: "highlighting the lack
        // of unanimity" is four words of one sentence, not a topic.
        let needed = if self.fragment { 2 } else { 3 };
        if self.matched + usize::from(self.names_claim_entity) < needed {
            return 0.0;
        }
        let qc = self.query_coverage;
        let cc = self.claim_coverage.min(1.0);
        let evidence = 1.0 - (-self.evidence / 4.0).exp();
        let raw = 0.62 * qc + 0.23 * (cc * 1.6).min(1.0) + 0.15 * evidence;
        // Stretch so that the threshold sits in the middle of the scale.
        let z = (raw - 0.62) * 9.0;
        let score = 1.0 / (1.0 + (-z).exp());
        let score = if self.misses_negated_core {
            score * CORE_MISS
        } else {
            score
        };
        if self.fragment {
            score.max(FRAGMENT_SCORE)
        } else {
            score
        }
    }
}

/// A candidate claim for one sentence, for calibration and debugging.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index of the claim in the bundle.
    pub claim: usize,
    /// Language of the field that matched.
    pub lang: Lang,
    /// The evidence.
    pub features: Features,
    /// The ranking key: the score, nudged up when the text names the
    /// claim's speaker or someone the claim names, so that "Meloni took part
    /// in the summit" prefers the claim about Meloni over the one about
    /// the summit alone. Never decides a verdict.
    pub rank: f32,
}

/// A bundle indexed for matching. Build once, then [`Matcher::check`] many times.
#[derive(Debug)]
pub struct Matcher {
    bundle: Bundle,
    analyzer: Analyzer,
    /// Every stem of the claims with its term id, sorted by stem: searched
    /// by halves, which keeps hash table code (1.5 KB of the gzipped wasm) out
    /// of the wasm.
    vocab: Vec<(String, u32)>,
    index: [LangIndex; 2],
    /// Per claim: entities its own texts name, or its `mentions` list.
    named_by_claim: Vec<Vec<usize>>,
    /// Per claim: the speaker entity and, for a group, its members.
    speakers: Vec<Vec<usize>>,
    /// Each claim's quote and texts, as [`plain`] text: a selection found in
    /// its claim's, or in the document's, is a quotation, never a
    /// contradiction or a misattribution.
    plain_claims: Vec<String>,
    /// The source document as [`plain`] text, when the bundle carries it.
    plain_document: Option<String>,
    /// Per claim: where its quote lies in `plain_document`, in bytes.
    quote_spans: Vec<Option<(usize, usize)>>,
    /// Per language, per claim: the stems of every word of its text (and,
    /// in Italian, its quote), space-separated with a space at each end,
    /// to find fragments that inflect a word differently.
    stem_claims: [Vec<String>; 2],
}

impl Matcher {
    /// Indexes a validated bundle with the bundled lexicon.
    pub fn new(bundle: Bundle) -> Matcher {
        Matcher::with_lexicon(bundle, &Lexicon::bundled())
    }

    /// The bundled claims, indexed.
    pub fn bundled() -> Matcher {
        Matcher::new(Bundle::bundled())
    }

    /// Indexes a validated bundle with a given lexicon.
    pub fn with_lexicon(bundle: Bundle, lexicon: &Lexicon) -> Matcher {
        let analyzer = Analyzer::new(lexicon, &bundle);
        let mut vocab: Vec<(String, u32)> = Vec::new();
        let mut recent: Vec<(String, u32)> = Vec::new();
        let mut index = [LangIndex::default(), LangIndex::default()];
        let mut named_by_claim = Vec::with_capacity(bundle.claims.len());
        let entity_index = |id: &str| bundle.entities.iter().position(|e| e.id == id);
        let mut speakers = Vec::with_capacity(bundle.claims.len());
        let mut stem_claims: [Vec<String>; 2] = [Vec::new(), Vec::new()];
        // Per language, the length of `surfaces` after its last sorting.
        let mut compacted = [1024, 1024];
        for claim in &bundle.claims {
            // Loops rather than iterator chains here and below: each chain
            // costs the wasm a few functions of its own.
            let mut named: Vec<usize> = Vec::new();
            for m in &claim.mentions {
                named.extend(entity_index(m));
            }
            for (li, lang) in LANGS.iter().enumerate() {
                // The claim's own text decides polarity; the verbatim quote
                // adds its words (and their polarity only where the text
                // lacks them): "né sarà impegnata" is a fragment whose
                // negation the claim text spells out.
                let mut sources = vec![analyzer.analyze(claim.text.get(*lang), *lang)];
                if *lang == Lang::It {
                    sources.push(analyzer.analyze(&claim.quote.text, Lang::It));
                }
                let mut stems = String::new();
                for analysis in &sources {
                    stems.push_str(&analysis.stems);
                }
                stem_claims[li].push(stems);
                let mut field = Field::default();
                for (si, analysis) in sources.iter().enumerate() {
                    for m in &analysis.mentions {
                        if !named.contains(&m.entity) {
                            named.push(m.entity);
                        }
                    }
                    for term in &analysis.terms {
                        let next = (vocab.len() + recent.len()) as u32;
                        let id = intern(&mut vocab, &mut recent, &term.stem, next);
                        let known = si > 0 && field.term(id).is_some();
                        // A claim's subject before its negator ("la forza
                        // ... non sostituirà") is neither for nor against.
                        let polarity = if term.before_negation {
                            Polarity {
                                pos: true,
                                neg: true,
                            }
                        } else {
                            let mut p = Polarity::default();
                            p.add(term.negated);
                            p
                        };
                        field.add(id, &term.concepts, polarity, !known);
                        if term.word.contains(' ') {
                            // The words of a phrase ("trattato di washington")
                            // stand for it when a selection cuts or splits it.
                            for w in term.word.split(' ') {
                                if analyzer.is_stopword(w, li) || w.chars().count() < 3 {
                                    continue;
                                }
                                intern(&mut vocab, &mut recent, &analyzer.stem(w, li), id);
                                index[li].surfaces.push((w.to_owned(), id));
                            }
                        } else {
                            index[li].surfaces.push((term.word.clone(), id));
                        }
                    }
                }
                index[li].fields.push(field);
                // Words repeat from claim to claim: sorting out the repeats
                // whenever the list has doubled keeps it near the number of
                // distinct words (memory, and sorting time at 100,000
                // claims) without a hash set in the wasm.
                let surfaces = &mut index[li].surfaces;
                if surfaces.len() >= 2 * compacted[li] {
                    sort_unique(surfaces);
                    compacted[li] = surfaces.len().max(1024);
                }
            }
            let mut speaker = Vec::new();
            if let Some(s) = entity_index(&claim.speaker) {
                speaker.push(s);
                for m in &bundle.entities[s].members {
                    speaker.extend(entity_index(m));
                }
            }
            named_by_claim.push(named);
            speakers.push(speaker);
        }
        vocab.append(&mut recent);
        crate::sort::sort(&mut vocab);
        for li in index.iter_mut() {
            sort_unique(&mut li.surfaces);
            let mut reversed = Vec::with_capacity(li.surfaces.len());
            for (w, t) in &li.surfaces {
                reversed.push((w.chars().rev().collect::<String>(), *t));
            }
            crate::sort::sort(&mut reversed);
            li.reversed = reversed;
            for (ci, field) in li.fields.iter().enumerate() {
                for t in &field.terms {
                    post(&mut li.term_postings, t.0, ci);
                }
                for c in &field.concepts {
                    post(&mut li.concept_postings, c.0, ci);
                }
            }
            let n = li.fields.len() as f32;
            for ci in 0..li.fields.len() {
                // From -0.0, as `f32`'s `Sum` does.
                let mut mass = -0.0;
                for t in &li.fields[ci].terms {
                    mass += idf(n, li.postings(Key::Term(t.0)).len() as f32);
                }
                li.fields[ci].mass = mass;
            }
        }
        let plain_document = bundle.document.text.as_deref().map(plain);
        let mut plain_claims = Vec::with_capacity(bundle.claims.len());
        let mut quote_spans = Vec::with_capacity(bundle.claims.len());
        for c in &bundle.claims {
            plain_claims.push(plain(
                &[&c.quote.text, " | ", &c.text.it, " | ", &c.text.en].concat(),
            ));
            let quote = plain(&c.quote.text);
            let at = (plain_document.as_ref())
                .and_then(|document| find(document, &quote))
                .filter(|_| !quote.is_empty());
            quote_spans.push(at.map(|at| (at, at + quote.len())));
        }
        Matcher {
            plain_claims,
            stem_claims,
            plain_document,
            quote_spans,
            bundle,
            analyzer,
            vocab,
            index,
            named_by_claim,
            speakers,
        }
    }

    /// The bundle this matcher checks against.
    pub fn bundle(&self) -> &Bundle {
        &self.bundle
    }

    /// Checks a selection; the explanation is in the selection's language.
    pub fn check(&self, text: &str) -> CheckResult {
        self.check_in(text, None)
    }

    /// Checks a selection, answering in `lang` (or the selection's language).
    ///
    /// Never panics. Input longer than [`crate::MAX_INPUT_BYTES`] is cut at a
    /// character boundary, and at most [`MAX_SENTENCES`] sentences are
    /// checked; either way the result says `truncated: true`.
    pub fn check_in(&self, text: &str, lang: Option<Lang>) -> CheckResult {
        let (text, mut truncated) = clip(text, crate::MAX_INPUT_BYTES);
        let mut spans = self.sentences(text);
        if spans.len() > MAX_SENTENCES {
            spans.truncate(MAX_SENTENCES);
            truncated = true;
        }
        let reader_lang = || lang.unwrap_or_else(|| self.languages(&tokenize(text)).0);
        // Each part with its weight as the most relevant one: its score,
        // discounted when the evidence is thin, so that a full sentence
        // wins over a three-word heading above it.
        let mut parts: Vec<CheckResult> = Vec::with_capacity(spans.len());
        let mut relevance: Vec<f32> = Vec::with_capacity(spans.len());
        // Spans count chars and come in order: each sentence's bytes are
        // found from where the previous one ended, a slice of `text`
        // rather than a copy of a char vector.
        let (mut char_at, mut byte_at) = (0, 0);
        for &(s, e) in &spans {
            let from = byte_at + byte_offset(&text[byte_at..], s - char_at);
            let to = from + byte_offset(&text[from..], e - s);
            (char_at, byte_at) = (e, to);
            let (mut r, evidence) = self.check_sentence(&text[from..to], lang);
            r.start += s;
            r.end += s;
            relevance.push(r.score as f32 * (1.0 - (-evidence / 4.0).exp()));
            parts.push(r);
        }
        let len = || text.chars().count();
        let mut top = match parts.len() {
            0 => self.no_match(reader_lang(), 0, len(), 1.0),
            1 => parts.pop().expect("one part"),
            _ => {
                let best = (0..parts.len())
                    .filter(|&i| parts[i].verdict != Verdict::NoMatch)
                    .max_by(|&a, &b| relevance[a].total_cmp(&relevance[b]));
                let mut top = match best {
                    Some(i) => without_parts(&parts[i]),
                    None => self.no_match(reader_lang(), 0, len(), min_score(&parts)),
                };
                top.parts = parts;
                top
            }
        };
        top.truncated = truncated;
        top
    }

    /// A text's sentences as this matcher reads them: char spans, as
    /// [`crate::normalize::sentences`] gives them, except that a full stop
    /// after one of the lexicon's abbreviations ("Ms.", "Art.") ends none.
    pub fn sentences(&self, text: &str) -> Vec<(usize, usize)> {
        sentences_with(text, &|w| self.analyzer.abbreviations.contains(w))
    }

    /// The best candidates for one sentence, best first (for calibration).
    pub fn candidates(&self, sentence: &str) -> Vec<Candidate> {
        let tokens = tokenize(sentence);
        let mut all = Vec::new();
        let fragment = Fragment::new(sentence, &tokens);
        for &lang in self.languages(&tokens).1 {
            let analysis = self.analyzer.analyze_tokens(&tokens, lang);
            all.extend(self.rank(&analysis, &fragment, lang));
        }
        sort_by_rank(&mut all);
        all
    }

    /// A text's language (English when it has more English stop words than
    /// Italian ones, else Italian) and the languages to read it in: that
    /// one, or both when the stop words do not tell.
    fn languages(&self, tokens: &[Token]) -> (Lang, &'static [Lang]) {
        let hits = self.analyzer.stopword_hits(tokens);
        match hits[0].cmp(&hits[1]) {
            std::cmp::Ordering::Greater => (Lang::It, &[Lang::It]),
            std::cmp::Ordering::Less => (Lang::En, &[Lang::En]),
            std::cmp::Ordering::Equal => (Lang::It, &LANGS),
        }
    }

    /// One sentence's result, and the evidence behind it (0 for no match).
    fn check_sentence(&self, sentence: &str, lang: Option<Lang>) -> (CheckResult, f32) {
        let tokens = tokenize(sentence);
        let (sentence_lang, readings) = self.languages(&tokens);
        let out_lang = lang.unwrap_or(sentence_lang);
        let len = sentence.chars().count();
        // Three words are a name or a topic ("European reassurance force",
        // "la pace"), not a statement.
        if tokens.len() < FRAGMENT_WORDS {
            return (self.no_match(out_lang, 0, len, 1.0), 0.0);
        }
        let mut best: Option<(Candidate, Analysis)> = None;
        let fragment = Fragment::new(sentence, &tokens);
        for &l in readings {
            let analysis = self.analyzer.analyze_tokens(&tokens, l);
            let ranked = self.rank(&analysis, &fragment, l);
            let Some(top) = ranked.first() else { continue };
            // A sentence that names someone is first about that person's
            // claim, if one says nearly as much: "Meloni ha chiesto un ruolo
            // più diretto degli USA" is Meloni's hope, not the report's
            // remark misattributed to her.
            // Only people, or a body the sentence has speak its own claim
            // ("..., Palazzo Chigi said"), can be the one a sentence puts
            // words in the mouth of; "gli Stati Uniti" in it is a subject,
            // not a speaker, even before a headline's colon.
            let names = |ci: usize| {
                analysis.mentions.iter().any(|m| {
                    let e = m.entity;
                    (self.analyzer.names_person(e) && self.involves(ci, e))
                        || (m.speaking && self.speakers[ci].contains(&e))
                })
            };
            let mut c = top;
            if !names(top.claim) {
                let own = ranked.iter().find(|c| {
                    c.features.score() >= MATCH_THRESHOLD
                        && c.rank + SPEAKER_MARGIN >= top.rank
                        && names(c.claim)
                });
                c = own.unwrap_or(top);
            }
            let c = c.clone();
            let better = best.as_ref().is_none_or(|(b, _)| c.rank > b.rank);
            if better {
                best = Some((c, analysis));
            }
        }
        // Words copied from the report belong to the claim quoting them,
        // whatever the words say alone: "importante vertice della
        // Coalizione dei Volenterosi, al qu" is the summit, though it runs
        // into the next quote.
        let copied = self.copied_claim(&fragment.plain);
        if let Some(ci) = copied {
            if best.as_ref().is_none_or(|(c, _)| c.claim != ci) {
                let evidence = best.as_ref().map_or(0.0, |(c, _)| c.features.evidence);
                let result =
                    self.result(ci, Verdict::Supported, FRAGMENT_SCORE, None, out_lang, len);
                return (result, evidence);
            }
        }
        let Some((cand, analysis)) = best else {
            return (self.no_match(out_lang, 0, len, 1.0), 0.0);
        };
        let mut score = cand.features.score();
        if copied.is_some() {
            score = score.max(FRAGMENT_SCORE);
        }
        if score < MATCH_THRESHOLD {
            return (self.no_match(out_lang, 0, len, 1.0 - score), 0.0);
        }
        // A selection copied from the source can't contradict it, even when
        // it starts right after a negation ("...ecipare con truppe").
        let quoted = || {
            let p = &fragment.plain;
            p.len() >= 12
                && (find(&self.plain_claims[cand.claim], p).is_some()
                    || self
                        .plain_document
                        .as_ref()
                        .is_some_and(|d| find(d, p).is_some()))
        };
        let mut verdict = Verdict::Supported;
        let mut attributed_to = None;
        if cand.features.flip_share >= FLIP_SHARE && !quoted() {
            verdict = Verdict::Contradicted;
        } else if let Some(who) = self.misattribution(cand.claim, sentence, &analysis, cand.lang) {
            // Nor can it put words in the wrong mouth: the report's own
            // heading "Meloni, pressione collettiva su Mosca" is the report
            // speaking.
            if !quoted() {
                verdict = Verdict::Misattributed;
                attributed_to = Some(who);
            }
        }
        let result = self.result(cand.claim, verdict, score, attributed_to, out_lang, len);
        (result, cand.features.evidence)
    }

    /// A verdict on claim `claim` for a sentence of `len` chars.
    fn result(
        &self,
        claim: usize,
        verdict: Verdict,
        score: f32,
        attributed_to: Option<String>,
        lang: Lang,
        len: usize,
    ) -> CheckResult {
        let claim_ref = self.claim_ref(&self.bundle.claims[claim], lang);
        CheckResult {
            verdict,
            score: round3(score as f64),
            explanation: explain::explain(
                verdict,
                &claim_ref,
                attributed_to.as_deref(),
                lang,
                self.by_document(claim),
            ),
            claim: Some(claim_ref),
            attributed_to,
            lang,
            start: 0,
            end: len,
            truncated: false,
            parts: Vec::new(),
        }
    }

    /// The claim whose quote a selection copied from the source document
    /// belongs to: the first quote it holds whole (a sentence quoted by two
    /// claims states the first one first; a quote inside a longer one held
    /// whole is part of that one), else, of the quotes covering at least
    /// half of it, the one closest to it in extent. `p` is the selection as
    /// [`plain`] text. `None` when the selection is not the document's
    /// words or is too short to be a statement.
    fn copied_claim(&self, p: &str) -> Option<usize> {
        let document = self.plain_document.as_ref()?;
        if p.len() < 12 || p.split(' ').count() < FRAGMENT_WORDS {
            return None;
        }
        let from = find(document, p)?;
        let to = from + p.len();
        let held = |(s, e): (usize, usize)| s >= from && e <= to;
        // The first quote held whole, but not one inside another held
        // whole: a quote that repeats the start of a longer one is part of
        // it. Plain loops, here and below: iterator chains cost the wasm a
        // function each.
        let mut first: Option<(usize, usize)> = None;
        for (ci, &span) in self.quote_spans.iter().enumerate() {
            let Some((s, e)) = span.filter(|&span| held(span)) else {
                continue;
            };
            let inside = |&(s2, e2): &(usize, usize)| {
                held((s2, e2)) && s2 <= s && e <= e2 && e2 - s2 > e - s
            };
            let in_another = self.quote_spans.iter().flatten().any(inside);
            if !in_another && first.is_none_or(|(start, _)| s < start) {
                first = Some((s, ci));
            }
        }
        if let Some((_, ci)) = first {
            return Some(ci);
        }
        // Otherwise the quote sharing most with the selection for their
        // two lengths (Dice): "tra i rappresentanti di una trentina di Paesi
        // ha con" is the short quote it nearly fills, not the long one
        // that holds it. Ties go to the first claim.
        let mut best: Option<(usize, usize)> = None;
        for (ci, &span) in self.quote_spans.iter().enumerate() {
            let Some((s, e)) = span else { continue };
            let overlap = e.min(to).saturating_sub(s.max(from));
            let dice = 2 * overlap * 1000 / (e - s + to - from);
            if 2 * overlap >= to - from && best.is_none_or(|(d, _)| dice > d) {
                best = Some((dice, ci));
            }
        }
        best.map(|(_, ci)| ci)
    }

    /// Whether claim `claim` has to do with entity `e`: its speaker (or a
    /// member of it), or someone it names.
    fn involves(&self, claim: usize, e: usize) -> bool {
        self.speakers[claim].contains(&e) || self.named_by_claim[claim].contains(&e)
    }

    /// Whether a claim is the report's own statement (its speaker is the
    /// document).
    fn by_document(&self, claim: usize) -> bool {
        self.speakers[claim]
            .iter()
            .all(|&s| self.bundle.entities[s].kind == EntityKind::Document)
    }

    /// Whom the sentence names as the author, when it is not the claim's
    /// speaker (or one of its members) and not someone the claim mentions.
    fn misattribution(
        &self,
        claim: usize,
        sentence: &str,
        analysis: &Analysis,
        lang: Lang,
    ) -> Option<String> {
        let speakers = &self.speakers[claim];
        let named = &self.named_by_claim[claim];
        // The speaker named is the speaker, unless someone else is the one
        // the sentence has speak and the speaker is only mentioned
        // ("Witkoff pledged to ..., in line with the coalition's
        // priorities").
        let speaker_named = |speaking: bool| {
            analysis
                .mentions
                .iter()
                .any(|m| speakers.contains(&m.entity) && (m.speaking || !speaking))
        };
        let someone_else_speaks = analysis
            .mentions
            .iter()
            .any(|m| m.speaking && !self.involves(claim, m.entity));
        if speaker_named(someone_else_speaks) {
            return None;
        }
        // A document states facts: naming a person there is naming the
        // subject of another fact, unless the text has that person speak
        // ("Mattarella: ...", "secondo Mattarella").
        let by_document = self.by_document(claim);
        let other = analysis
            .mentions
            .iter()
            .find(|m| !named.contains(&m.entity) && (m.speaking || !by_document));
        if let Some(m) = other {
            return Some(self.bundle.entities[m.entity].name.clone());
        }
        let li = lang_index(lang);
        let unknown = analysis.unknown_speakers.iter().find(|name| {
            // A word of the bundle's own texts is not an unknown person.
            !name
                .words
                .iter()
                .any(|w| lookup(&self.index[li].surfaces, w).is_ok())
        });
        // Named as the text writes it.
        unknown.map(|name| {
            let from = byte_offset(sentence, name.start);
            let to = from + byte_offset(&sentence[from..], name.end - name.start);
            sentence[from..to].to_owned()
        })
    }

    fn rank(&self, analysis: &Analysis, fragment: &Fragment, lang: Lang) -> Vec<Candidate> {
        let li = lang_index(lang);
        let index = &self.index[li];
        let query = self.resolve(analysis, index);
        if query.is_empty() {
            return Vec::new();
        }
        // Gather candidates through the postings, scored coarsely by IDF,
        // in a dense accumulator (claims touched listed once). Loops
        // rather than iterator chains, here and in the scoring: each chain
        // costs the wasm a few functions of its own.
        let mut keys: Vec<Key> = Vec::new();
        for q in &query {
            if let Some(t) = q.id {
                keys.push(Key::Term(t));
            }
            for &t in &q.fuzzy {
                keys.push(Key::Term(t));
            }
            for &c in q.concepts {
                keys.push(Key::Concept(c));
                for &o in &self.analyzer.opposites[c as usize] {
                    keys.push(Key::Concept(o));
                }
            }
        }
        let n = index.fields.len();
        // In a large bundle a word most claims share ("Ukraine") finds no
        // claim that rarer words would not find, at a cost that grows with
        // the bundle: leave it to the detailed scoring. When every word is
        // that common, the two rarest still gather the candidates.
        let common = (n / 8).max(COMMON_POSTINGS);
        let mut lengths: Vec<usize> = Vec::with_capacity(keys.len());
        for &key in &keys {
            lengths.push(index.postings(key).len());
        }
        crate::sort::sort(&mut lengths);
        let walked = if lengths.first().is_some_and(|&l| l <= common) {
            common
        } else {
            lengths.get(1).or(lengths.first()).copied().unwrap_or(0)
        };
        let mut coarse = vec![0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        for &key in &keys {
            let list = index.postings(key);
            if list.len() > walked {
                continue;
            }
            let w = index.idf(key);
            for &ci in list {
                if coarse[ci as usize] == 0.0 {
                    touched.push(ci);
                }
                coarse[ci as usize] += w;
            }
        }
        // The best few by coarse score, kept in order as they come: no sort
        // of the whole candidate list, which at 100,000 claims is long.
        let mut top: Vec<(u32, f32)> = Vec::with_capacity(CANDIDATES + 1);
        for ci in touched {
            let w = coarse[ci as usize];
            let better = |&(c, x): &(u32, f32)| x > w || (x == w && c < ci);
            // Most claims touched are worse than the last of a full list:
            // one comparison, not a walk down it (at 10,000 claims the walk
            // was a third of a check).
            if top.len() == CANDIDATES && top.last().is_some_and(better) {
                continue;
            }
            let at = top.iter().take_while(|e| better(e)).count();
            top.insert(at, (ci, w));
            top.truncate(CANDIDATES);
        }
        let mut out: Vec<Candidate> = Vec::with_capacity(top.len());
        for (ci, _) in top {
            let ci = ci as usize;
            let mut features = self.features(&query, &index.fields[ci], index);
            let named = analysis
                .mentions
                .iter()
                .any(|m| self.involves(ci, m.entity));
            features.names_claim_entity = named;
            // A person the claim has nothing to do with is part of what
            // the selection says ("Witkoff held talks in Moscow" is not
            // the report's remark on talks), unless the selection puts
            // the claim in their mouth: that is a misattribution.
            let by_document = self.by_document(ci);
            let strangers = analysis
                .mentions
                .iter()
                .filter(|m| {
                    self.analyzer.names_person(m.entity)
                        && !self.involves(ci, m.entity)
                        && (named || (by_document && !m.speaking))
                })
                .count();
            if strangers > 0 && features.query_coverage > 0.0 {
                let total = features.evidence / features.query_coverage;
                let extra = strangers as f32 * UNKNOWN_WEIGHT * idf(n as f32, 0.0);
                features.query_coverage = features.evidence / (total + extra);
            }
            features.fragment = fragment.of(
                &analysis.stems,
                &self.plain_claims[ci],
                &self.stem_claims[lang_index(lang)][ci],
            );
            out.push(Candidate {
                claim: ci,
                lang,
                rank: features.score() + if named { NAMED_BONUS } else { 0.0 },
                features,
            });
        }
        sort_by_rank(&mut out);
        out
    }

    /// Resolves the analysed terms against the vocabulary, merging repeats.
    fn resolve<'a>(&self, analysis: &'a Analysis, index: &LangIndex) -> Vec<QueryTerm<'a>> {
        // A sentence has a few dozen terms: a list is all the map it needs.
        let mut stems: Vec<&str> = Vec::new();
        let mut out: Vec<QueryTerm> = Vec::new();
        for term in &analysis.terms {
            if let Some(i) = stems.iter().position(|s| *s == term.stem) {
                out[i].occurrences.push((term.clause, term.negated));
                continue;
            }
            let id = lookup(&self.vocab, &term.stem)
                .ok()
                .map(|i| self.vocab[i].1);
            let fuzzy = if id.is_none() && term.concepts.is_empty() {
                fuzzy_candidates(term, index)
            } else {
                Vec::new()
            };
            let unknown = UNKNOWN_WEIGHT * idf(index.fields.len() as f32, 0.0);
            let mut weight = match id {
                Some(t) if !index.postings(Key::Term(t)).is_empty() => index.idf(Key::Term(t)),
                // The rarest concept's, else the rarest fuzzy match's, at
                // most the unknown word's.
                _ => {
                    let mut rarest: Option<f32> = None;
                    for &c in &term.concepts {
                        let w = index.idf(Key::Concept(c));
                        rarest = Some(rarest.map_or(w, |a| a.min(w)));
                    }
                    rarest.unwrap_or_else(|| {
                        let mut w = unknown;
                        for &t in &fuzzy {
                            w = w.min(index.idf(Key::Term(t)));
                        }
                        w
                    })
                }
            };
            // An unmatched proper noun ("sanctions on Iran", "troops in
            // Greenland") is strong evidence that the sentence is about
            // something else: twice the rarest word, not a paraphrase's
            // discounted extra word.
            if term.proper && id.is_none() && term.concepts.is_empty() && fuzzy.is_empty() {
                weight = 2.0 * idf(index.fields.len() as f32, 0.0);
            }
            stems.push(term.stem.as_str());
            out.push(QueryTerm {
                id,
                concepts: &term.concepts,
                fuzzy,
                occurrences: vec![(term.clause, term.negated)],
                negator: term.negator,
                weight,
            });
        }
        out
    }

    fn features(&self, query: &[QueryTerm], field: &Field, index: &LangIndex) -> Features {
        let mut total = 0.0;
        // The claim's terms the selection matched (a few dozen at most).
        let mut claim_terms: Vec<u32> = Vec::new();
        // First the matches, then the polarity: an opposite predicate
        // ("lifted" against "maintained") reverses its whole clause, as a
        // negator does, so "sanctions" in "sanctions will be lifted" is
        // denied along with the verb.
        let mut hits: Vec<(usize, f32, Polarity, bool)> = Vec::new();
        for (qi, q) in query.iter().enumerate() {
            total += q.weight;
            let mut hit: Option<(f32, Polarity, bool)> = None;
            if let Some(p) = q.id.and_then(|t| field.term(t)) {
                hit = Some((1.0, p, false));
                claim_terms.push(q.id.expect("matched by id"));
            }
            if hit.is_none() {
                for c in q.concepts {
                    if let Some((p, ids)) = field.concept(*c) {
                        hit = Some((CONCEPT_MATCH, p, false));
                        claim_terms.extend(ids);
                        break;
                    }
                }
            }
            if hit.is_none() {
                'opp: for &c in q.concepts {
                    for o in &self.analyzer.opposites[c as usize] {
                        if let Some((p, ids)) = field.concept(*o) {
                            hit = Some((CONCEPT_MATCH, p, true));
                            claim_terms.extend(ids);
                            break 'opp;
                        }
                    }
                }
            }
            if hit.is_none() {
                if let Some((&t, p)) = q.fuzzy.iter().find_map(|t| field.term(*t).map(|p| (t, p))) {
                    hit = Some((FUZZY_MATCH, p, false));
                    claim_terms.push(t);
                }
            }
            if let Some((strength, p, opposite)) = hit {
                hits.push((qi, q.weight * strength, p, opposite));
            }
        }
        let mut reversed_clauses: Vec<usize> = Vec::new();
        // Clauses where the selection negates or reverses something.
        let mut polar_clauses: Vec<usize> = Vec::new();
        for &(qi, _, _, opposite) in &hits {
            if opposite && !query[qi].negator {
                for o in &query[qi].occurrences {
                    reversed_clauses.push(o.0);
                    polar_clauses.push(o.0);
                }
            }
        }
        let mut matched_w = 0.0;
        let mut polar_w = 0.0;
        let mut flipped_w = 0.0;
        let mut core_w = 0.0;
        for q in query {
            for &(clause, negated) in &q.occurrences {
                if negated {
                    polar_clauses.push(clause);
                }
            }
        }
        for &(qi, w, claim_polarity, _) in &hits {
            matched_w += w;
            if claim_polarity.neutral() {
                continue;
            }
            if claim_polarity.neg {
                core_w += w;
            }
            let mut mine = Polarity::default();
            for &(clause, negated) in &query[qi].occurrences {
                let reversals = reversed_clauses.iter().filter(|&&c| c == clause).count();
                mine.add(negated ^ (reversals % 2 == 1));
            }
            // A selection that negates in one clause and names the negated
            // thing in another ("Peacekeeping: no unanimity", a headline's
            // topic before its colon) has not dropped the claim's negation:
            // which clause the negation reaches is unknown, so the term says
            // nothing about polarity.
            let outside = |&(clause, _): &(usize, bool)| !polar_clauses.contains(&clause);
            if !polar_clauses.is_empty() && query[qi].occurrences.iter().all(outside) {
                continue;
            }
            polar_w += w;
            if !mine.agrees(claim_polarity) {
                flipped_w += w;
            }
        }
        let negated_core = field.terms.iter().any(|(_, p)| p.neg && !p.pos);
        let matched = hits.len();
        let n = index.fields.len() as f32;
        crate::sort::sort_unique(&mut claim_terms);
        // From -0.0, as `f32`'s `Sum` does.
        let mut covered = -0.0;
        for &t in &claim_terms {
            covered += idf(n, index.postings(Key::Term(t)).len() as f32);
        }
        Features {
            query_coverage: if total > 0.0 { matched_w / total } else { 0.0 },
            claim_coverage: if field.mass > 0.0 {
                covered / field.mass
            } else {
                0.0
            },
            evidence: matched_w,
            matched,
            flip_share: if polar_w > 0.0 {
                flipped_w / polar_w
            } else {
                0.0
            },
            // A negative claim is about what it denies: a selection must
            // touch a fair part of that.
            misses_negated_core: negated_core && core_w < CORE_SHARE * matched_w,
            names_claim_entity: false,
            fragment: false,
        }
    }

    fn claim_ref(&self, claim: &Claim, lang: Lang) -> ClaimRef {
        let pick = |l: &crate::claims::Localized| match lang {
            Lang::It => l.it.clone(),
            Lang::En => l.en.clone(),
        };
        let speaker = self.bundle.entity(&claim.speaker);
        ClaimRef {
            id: claim.id.clone(),
            speaker: speaker.map_or_else(|| claim.speaker.clone(), |e| e.name.clone()),
            speaker_role: speaker.map(|e| pick(&e.role)).unwrap_or_default(),
            text: pick(&claim.text),
            quote: claim.quote.text.clone(),
            quote_start: claim.quote.start,
            quote_end: claim.quote.end,
            source: self
                .bundle
                .source(&claim.source)
                .map(|s| pick(&s.name))
                .unwrap_or_default(),
            document: pick(&self.bundle.document.title),
            date: claim.date.clone(),
            place: pick(&claim.place),
        }
    }

    fn no_match(&self, lang: Lang, start: usize, end: usize, confidence: f32) -> CheckResult {
        CheckResult {
            verdict: Verdict::NoMatch,
            score: round3(confidence.clamp(0.0, 1.0) as f64),
            claim: None,
            attributed_to: None,
            explanation: explain::no_match(lang),
            lang,
            start,
            end,
            truncated: false,
            parts: Vec::new(),
        }
    }
}

/// Cut `text` to at most `max` bytes at a character boundary.
fn clip(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// A selection as a possible fragment of a claim: its [`plain`] text, or
/// nothing when it is too short to be one.
struct Fragment {
    plain: String,
}

impl Fragment {
    fn new(sentence: &str, tokens: &[Token]) -> Fragment {
        let long_enough = tokens.len() >= FRAGMENT_WORDS;
        Fragment {
            plain: if long_enough {
                plain(sentence)
            } else {
                String::new()
            },
        }
    }

    /// Whether the selection is a run of words of a claim's `plain` text
    /// (edge words may be cut: it is a plain substring) or, read as
    /// `stems`, of its stems.
    fn of(&self, stems: &str, plain_claim: &str, stem_claim: &str) -> bool {
        !self.plain.is_empty()
            && (find(plain_claim, &self.plain).is_some() || find(stem_claim, stems).is_some())
    }
}

/// Where `key` is in `sorted`, or where it would go.
fn lookup(sorted: &[(String, u32)], key: &str) -> Result<usize, usize> {
    sorted.binary_search_by(|(s, _)| s.as_str().cmp(key))
}

/// Most stems added to the vocabulary while it is built before they are
/// sorted into it. A new stem goes into this short sorted list rather than
/// the long one, where each insertion would move half of the list: at tens
/// of thousands of stems (a bundle of thousands of claims) that is
/// gigabytes moved in all, against a few thousand comparisons per stem here.
const RECENT_STEMS: usize = 1024;

/// The id of `stem` in the sorted lists `vocab` and `recent`, added to
/// `recent` with `id` if new; a full `recent` is sorted into `vocab`.
fn intern(
    vocab: &mut Vec<(String, u32)>,
    recent: &mut Vec<(String, u32)>,
    stem: &str,
    id: u32,
) -> u32 {
    if let Ok(i) = lookup(vocab, stem) {
        return vocab[i].1;
    }
    match lookup(recent, stem) {
        Ok(i) => recent[i].1,
        Err(i) => {
            recent.insert(i, (stem.to_owned(), id));
            if recent.len() >= RECENT_STEMS {
                vocab.append(recent);
                crate::sort::sort(vocab);
            }
            id
        }
    }
}

/// Adds claim `ci` to postings list `at`.
fn post(lists: &mut Vec<Vec<u32>>, at: u32, ci: usize) {
    let at = at as usize;
    // Pushed, not `resize`d: that would clone an empty list.
    while lists.len() <= at {
        lists.push(Vec::new());
    }
    lists[at].push(ci as u32);
}

/// Sorts `list` and drops its repeats, releasing the room they took.
fn sort_unique(list: &mut Vec<(String, u32)>) {
    crate::sort::sort_unique(list);
    list.shrink_to_fit();
}

/// Where `needle` first occurs in `haystack`, in bytes. A plain scan: the
/// standard library's substring search (Two-Way) costs the widget more code
/// than it saves time on texts of a few hundred bytes.
fn find(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    if needle.is_empty() {
        return Some(0);
    }
    let first = needle[0];
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w[0] == first && w == needle)
}

/// Folded text with every run of non-alphanumerics collapsed to one space:
/// the form in which a quotation is recognised whatever its typography.
fn plain(text: &str) -> String {
    let folded = crate::normalize::fold(text);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Where char `n` of `text` starts, in bytes (the length of `text` when
/// it has no such char).
fn byte_offset(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(b, _)| b)
}

/// A copy of a part for the top level of a result (a part has no parts):
/// written out, the derived `Clone` would also clone the empty list.
fn without_parts(r: &CheckResult) -> CheckResult {
    CheckResult {
        verdict: r.verdict,
        score: r.score,
        claim: r.claim.clone(),
        attributed_to: r.attributed_to.clone(),
        explanation: r.explanation.clone(),
        lang: r.lang,
        start: r.start,
        end: r.end,
        truncated: r.truncated,
        parts: Vec::new(),
    }
}

fn min_score(parts: &[CheckResult]) -> f32 {
    parts.iter().map(|p| p.score as f32).fold(1.0, f32::min)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Most vocabulary words a cut word may stand for: a short stub ("con")
/// could begin thousands of words in a large bundle.
const MAX_FUZZY: usize = 16;

/// The entries of a sorted word list that start with `prefix`.
fn with_prefix<'a>(sorted: &'a [(String, u32)], prefix: &str) -> &'a [(String, u32)] {
    let from = sorted.partition_point(|(s, _)| s.as_str() < prefix);
    let len = sorted[from..]
        .iter()
        .take_while(|(s, _)| s.starts_with(prefix))
        .count();
    &sorted[from..from + len]
}

/// Vocabulary words a cut or mistyped word may stand for: the first word of a
/// selection may be cut at its start, the last at its end; any longer word
/// may carry one typo (two in long words) after its first letter.
fn fuzzy_candidates(term: &Term, index: &LangIndex) -> Vec<u32> {
    let word = term.word.as_str();
    let len = word.chars().count();
    let mut out: Vec<u32> = Vec::new();
    if term.last && len >= 3 {
        for &(_, t) in with_prefix(&index.surfaces, word) {
            out.push(t);
        }
    }
    if term.first && len >= 3 {
        let reversed: String = word.chars().rev().collect();
        for (s, t) in with_prefix(&index.reversed, &reversed) {
            if s.len() > word.len() {
                out.push(*t);
            }
        }
    }
    if out.is_empty() && len >= 5 {
        let max = if len >= 9 { 2 } else { 1 };
        let first = &word[..word.chars().next().map_or(0, char::len_utf8)];
        for (s, t) in with_prefix(&index.surfaces, first) {
            if within_edits(word, s, max) {
                out.push(*t);
            }
        }
    }
    let mut unique = Vec::with_capacity(out.len().min(MAX_FUZZY));
    for t in out {
        if unique.len() == MAX_FUZZY {
            break;
        }
        if !unique.contains(&t) {
            unique.push(t);
        }
    }
    unique
}

/// Best rank first, ties by claim order. Candidate lists are a handful
/// long: an insertion sort is plenty, and much smaller in wasm than the
/// standard library's general sorts.
fn sort_by_rank(list: &mut [Candidate]) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && {
            let (a, b) = (&list[j - 1], &list[j]);
            b.rank > a.rank || (b.rank == a.rank && b.claim < a.claim)
        } {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Whether `a` and `b` are at most `max` edits apart (Levenshtein).
fn within_edits(a: &str, b: &str, max: usize) -> bool {
    let (a, b) = (crate::normalize::chars(a), crate::normalize::chars(b));
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let mut prev = vec![0; b.len() + 1];
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interned_stems_keep_their_first_id_across_the_recent_list() {
        // Several times RECENT_STEMS distinct stems, in a scrambled order and
        // each seen twice, as a big bundle's claims would bring them.
        let n = 3 * RECENT_STEMS + 17;
        let stem = |k: usize| format!("s{}", (k * 7919) % n);
        let (mut vocab, mut recent) = (Vec::new(), Vec::new());
        for round in 0..2 {
            for k in 0..n {
                let next = (vocab.len() + recent.len()) as u32;
                let id = intern(&mut vocab, &mut recent, &stem(k), next);
                assert_eq!(id, k as u32, "round {round}, stem {}", stem(k));
                assert!(recent.len() < RECENT_STEMS);
            }
        }
        vocab.append(&mut recent);
        crate::sort::sort(&mut vocab);
        assert_eq!(vocab.len(), n);
        assert!(vocab.windows(2).all(|w| w[0].0 < w[1].0));
        for k in 0..n {
            assert_eq!(lookup(&vocab, &stem(k)).map(|i| vocab[i].1), Ok(k as u32));
        }
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert!(within_edits("sanzioni", "sanzoni", 1));
        assert!(within_edits("sanzioni", "sanzioni", 0));
        assert!(!within_edits("sanzioni", "stazioni", 1));
        assert!(within_edits("rassicurazione", "rasicurazone", 2));
    }

    #[test]
    fn clip_cuts_at_a_char_boundary() {
        let s = "aè";
        assert_eq!(clip(s, 2), ("a", true));
        assert_eq!(clip(s, 3), ("aè", false));
    }

    #[test]
    fn polarity_agreement() {
        let pos = Polarity {
            pos: true,
            neg: false,
        };
        let both = Polarity {
            pos: true,
            neg: true,
        };
        let neg = Polarity {
            pos: false,
            neg: true,
        };
        assert!(pos.agrees(both) && neg.agrees(both));
        assert!(!pos.agrees(neg));
    }
}
