//! From words to terms: speakers spotted, stop words dropped, words stemmed,
//! synonyms mapped to concepts, and each term marked when a negation covers it.
//!
//! The same analysis runs over claim texts (once, when the index is built)
//! and over selections (on every check), so the two sides always agree.

use crate::sort::{FirstBytes, WordSet};

use crate::stem;

use crate::claims::{Bundle, EntityKind};
use crate::lexicon::Lexicon;
use crate::normalize::{fold, tokenize, Token};
use crate::verdict::Lang;

/// Longest alias, in words, looked for among the words cut by the end of a
/// selection.
const MAX_CUT_ALIAS_WORDS: usize = 6;

/// Both languages, in index order.
pub const LANGS: [Lang; 2] = [Lang::It, Lang::En];

/// Index of a language in per-language arrays.
pub fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::It => 0,
        Lang::En => 1,
    }
}

/// The list of language `li` (an index of [`LANGS`]).
fn in_lang(lists: &crate::lexicon::PerLang, li: usize) -> &[String] {
    if li == 0 {
        &lists.it
    } else {
        &lists.en
    }
}

/// What a lexicon phrase does when it occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Negator,
    Denial,
    Expletive,
    Reporting,
    Concept(u32),
    /// An alias of the entity with this index.
    Entity(usize),
    /// A place standing for the entity with this index when it speaks.
    Metonym(usize),
}

/// Phrases starting with one key: each phrase's keys and its value,
/// longest first.
type Phrases<V> = Vec<(Vec<String>, V)>;

/// Phrases (sequences of keys) looked up longest-first from their first key.
#[derive(Debug, PartialEq)]
struct PhraseTable<V> {
    /// Phrases by their first key, sorted by it (a sorted list, not a hash
    /// map: it is built once and the wasm carries no hash table code).
    by_first: Vec<(String, Phrases<V>)>,
    /// `by_first` indexed by first byte, once the table is complete.
    first: Option<FirstBytes>,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            by_first: Vec::new(),
            first: None,
        }
    }
}

impl<V: Copy + PartialEq> PhraseTable<V> {
    fn insert(&mut self, keys: Vec<String>, value: V) {
        if keys.is_empty() {
            return;
        }
        self.first = None;
        let at = self
            .by_first
            .binary_search_by(|(k, _)| k.as_str().cmp(&keys[0]))
            .unwrap_or_else(|at| {
                self.by_first.insert(at, (keys[0].clone(), Vec::new()));
                at
            });
        let entries = &mut self.by_first[at].1;
        if !entries.iter().any(|(k, v)| *k == keys && *v == value) {
            // Longest first, as `longest` expects.
            let at = entries
                .iter()
                .take_while(|(k, _)| k.len() >= keys.len())
                .count();
            entries.insert(at, (keys, value));
        }
    }

    /// Indexes the complete table for faster lookups.
    fn finish(&mut self) {
        self.first = Some(FirstBytes::new(
            self.by_first.iter().map(|(k, _)| k.as_str()),
        ));
    }

    /// Where the phrases starting with `key` are in `by_first`.
    fn position(&self, key: &str) -> Option<usize> {
        let range = match &self.first {
            Some(first) => first.range(key),
            None => 0..self.by_first.len(),
        };
        let from = range.start;
        let at = self.by_first.get(range)?;
        let i = at.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(from + i)
    }

    /// Whether some phrase starts with `key`.
    fn starts(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Every value of the longest phrase starting at `keys[0]`, and its length.
    fn longest(&self, keys: &[&str]) -> Option<(usize, Vec<V>)> {
        let entries = &self.by_first[self.position(keys.first()?)?].1;
        let mut best: Option<(usize, Vec<V>)> = None;
        for (phrase, value) in entries {
            let n = phrase.len();
            if let Some((len, values)) = best.as_mut() {
                if n < *len {
                    break;
                }
                if n == *len && phrase.iter().zip(keys).all(|(a, b)| a == b) {
                    values.push(*value);
                }
                continue;
            }
            if n <= keys.len() && phrase.iter().zip(keys).all(|(a, b)| a == b) {
                best = Some((n, vec![*value]));
            }
        }
        best
    }

    /// Like [`PhraseTable::longest`] for words cut by the edges of a
    /// selection: `keys[0]` may be the end of the phrase's first word
    /// ("lian prime minister" for "italian prime minister") when
    /// `cut_start`, and the last key may be the start of the phrase's last
    /// word ("giorgia mel") when `cut_end`. Only phrases of two or more
    /// words, and cut words of three or more letters, so that a stray
    /// syllable never becomes a name.
    fn longest_cut(&self, keys: &[&str], cut_start: bool, cut_end: bool) -> Option<(usize, V)> {
        let first = *keys.first()?;
        if first.chars().count() < 3 {
            return None;
        }
        let mut best: Option<(usize, V)> = None;
        for (_, entries) in &self.by_first {
            for (phrase, value) in entries {
                let n = phrase.len();
                if n < 2 || n > keys.len() || best.is_some_and(|(len, _)| len >= n) {
                    continue;
                }
                let fits = phrase.iter().zip(keys).enumerate().all(|(i, (a, b))| {
                    if i == 0 && cut_start && a.len() > b.len() {
                        a.ends_with(b)
                    } else if i == n - 1 && cut_end && n == keys.len() && a.len() > b.len() {
                        b.chars().count() >= 3 && a.starts_with(b)
                    } else {
                        a == b
                    }
                });
                if fits {
                    best = Some((n, *value));
                }
            }
        }
        best
    }
}

/// One content word (or lexicon phrase) of an analysed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The stem (for a multi-word concept phrase: its stems joined by `_`).
    pub stem: String,
    /// The folded surface word, for fuzzy matching of cut or mistyped words.
    pub word: String,
    /// Concepts the term expresses.
    pub concepts: Vec<u32>,
    /// A negation covers this term (its clause has a negator).
    pub negated: bool,
    /// Index of the term's clause in the text.
    pub clause: usize,
    /// The term is itself a negator with a meaning ("respinto", "rejected"):
    /// its negation already reverses the clause.
    pub negator: bool,
    /// The term is negated but stands before the negator, as a subject
    /// does ("la forza ... non sostituirà"): in a claim it says nothing
    /// about polarity.
    pub before_negation: bool,
    /// Offset of the term's first char in the analysed text.
    pub start: usize,
    /// Offset one past the term's last char.
    pub end: usize,
    /// The term is the first word of the text (a selection may cut it).
    pub first: bool,
    /// The term is the last word of the text (a selection may cut it).
    pub last: bool,
    /// The word was capitalized mid-sentence: likely a proper noun.
    pub proper: bool,
}

/// An entity named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index of the entity in the bundle.
    pub entity: usize,
    /// Offset of the first char of the alias in the analysed text.
    pub start: usize,
    /// Offset one past its last char.
    pub end: usize,
    /// The text presents the entity as the one speaking: a reporting phrase
    /// next to it ("Rutte said", "secondo Rutte") or a colon after it
    /// ("Rutte: ...").
    pub speaking: bool,
}

/// A capitalized name the text has speaking that no alias knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSpeaker {
    /// Its folded words.
    pub words: Vec<String>,
    /// Offset of its first char in the analysed text.
    pub start: usize,
    /// Offset one past its last char.
    pub end: usize,
}

/// A text, analysed.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Content terms, in order.
    pub terms: Vec<Term>,
    /// Entities named, in order.
    pub mentions: Vec<Mention>,
    /// Capitalized names right before or after a reporting phrase that are
    /// no known entity ("Rutte announced ..."): someone the text quotes.
    pub unknown_speakers: Vec<UnknownSpeaker>,
    /// The stem of every word, stop words included, space-separated with a
    /// space at each end: the text as a run of stems, to find it inside a
    /// claim's.
    pub stems: String,
}

/// Turns texts into terms for one lexicon and one bundle's entities.
#[derive(PartialEq)]
pub struct Analyzer {
    stopwords: [WordSet; 2],
    /// Words that open a clause, matched as written (folded), not stemmed:
    /// the Italian stem of "però" is the stem of "per".
    clause_words: [WordSet; 2],
    phrases: [PhraseTable<Role>; 2],
    /// Aliases, on folded words ([`Role::Entity`] only): one table type
    /// for phrases and names keeps the wasm small.
    aliases: PhraseTable<Role>,
    /// Folded words that occur in any alias or place name (never an
    /// unknown speaker).
    alias_words: WordSet,
    /// Folded words of place names ("britain", "regno", "unito").
    place_words: WordSet,
    /// Per entity: whether its aliases are names only (people, groups of
    /// people), or also words with a meaning that a claim may state ("Stati
    /// Uniti", "ONU", "la coalizione").
    names_only: Vec<bool>,
    /// Concept ids, by index.
    pub concept_ids: Vec<String>,
    /// For each concept, the concepts opposite to it.
    pub opposites: Vec<Vec<u32>>,
    /// Abbreviations of both languages, folded, for
    /// [`crate::normalize::sentences_with`].
    pub abbreviations: WordSet,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("concepts", &self.concept_ids.len())
            .finish_non_exhaustive()
    }
}

impl Analyzer {
    /// Builds an analyzer for a lexicon and the entities of a bundle.
    pub fn new(lexicon: &Lexicon, bundle: &Bundle) -> Analyzer {
        // Loops rather than iterator chains, here and in the analysis: each
        // chain costs the wasm a few functions of its own.
        let folded = |lists: &[&Vec<String>]| {
            let mut words = Vec::new();
            for list in lists {
                for w in *list {
                    words.push(fold(w));
                }
            }
            WordSet::new(words)
        };
        let stopwords = [
            folded(&[&lexicon.stopwords.it]),
            folded(&[&lexicon.stopwords.en]),
        ];
        let clause_words = [
            folded(&[&lexicon.clause_breaks.it]),
            folded(&[&lexicon.clause_breaks.en]),
        ];
        let mut names_only = Vec::with_capacity(bundle.entities.len());
        for e in &bundle.entities {
            names_only.push(matches!(e.kind, EntityKind::Person | EntityKind::Group));
        }
        let mut concept_ids = Vec::with_capacity(lexicon.concepts.len());
        let mut opposites = Vec::with_capacity(lexicon.concepts.len());
        for c in &lexicon.concepts {
            concept_ids.push(c.id.clone());
            opposites.push(Vec::new());
        }
        let mut analyzer = Analyzer {
            stopwords,
            clause_words,
            phrases: [PhraseTable::default(), PhraseTable::default()],
            aliases: PhraseTable::default(),
            alias_words: WordSet::default(),
            place_words: WordSet::default(),
            names_only,
            concept_ids,
            opposites,
            abbreviations: folded(&[&lexicon.abbreviations.it, &lexicon.abbreviations.en]),
        };
        for (li, _) in LANGS.iter().enumerate() {
            let pick = |p| in_lang(p, li);
            let lists = [
                (pick(&lexicon.negators), Role::Negator),
                (pick(&lexicon.denials), Role::Denial),
                (pick(&lexicon.expletives), Role::Expletive),
                (pick(&lexicon.reporting), Role::Reporting),
            ];
            for (words, role) in lists {
                for phrase in words {
                    let keys = analyzer.stem_phrase(phrase, li, lexicon.stemmed);
                    analyzer.phrases[li].insert(keys, role);
                }
            }
            for (ci, concept) in lexicon.concepts.iter().enumerate() {
                let words = if li == 0 { &concept.it } else { &concept.en };
                for phrase in words {
                    let keys = analyzer.stem_phrase(phrase, li, lexicon.stemmed);
                    analyzer.phrases[li].insert(keys, Role::Concept(ci as u32));
                }
            }
        }
        let index_of = |id: &str| lexicon.concepts.iter().position(|c| c.id == id);
        for [a, b] in &lexicon.opposites {
            if let (Some(a), Some(b)) = (index_of(a), index_of(b)) {
                analyzer.opposites[a].push(b as u32);
                analyzer.opposites[b].push(a as u32);
            }
        }
        let mut place_words = Vec::new();
        let mut alias_words = Vec::new();
        for places in [&lexicon.places.it, &lexicon.places.en] {
            for place in places {
                for t in tokenize(place) {
                    alias_words.push(t.text.clone());
                    place_words.push(t.text);
                }
            }
        }
        for (ei, entity) in bundle.entities.iter().enumerate() {
            let names = [
                (&entity.aliases[..], Role::Entity(ei)),
                (std::slice::from_ref(&entity.name), Role::Entity(ei)),
                (&entity.metonyms[..], Role::Metonym(ei)),
            ];
            for (names, role) in names {
                for alias in names {
                    let mut keys = Vec::new();
                    for t in tokenize(alias) {
                        alias_words.push(t.text.clone());
                        keys.push(t.text);
                    }
                    analyzer.aliases.insert(keys, role);
                }
            }
        }
        analyzer.place_words = WordSet::new(place_words);
        analyzer.alias_words = WordSet::new(alias_words);
        analyzer.aliases.finish();
        for table in &mut analyzer.phrases {
            table.finish();
        }
        analyzer
    }

    /// The keys of a lexicon phrase: its words' stems, or, from a lexicon
    /// already `stemmed` (see [`Lexicon::stemmed`]), the space-separated
    /// stems it holds.
    fn stem_phrase(&self, phrase: &str, li: usize, stemmed: bool) -> Vec<String> {
        let mut keys = Vec::new();
        if stemmed {
            for key in phrase.split(' ') {
                keys.push(key.to_owned());
            }
        } else {
            for t in tokenize(phrase) {
                keys.push(self.stem(&t.text, li));
            }
        }
        keys
    }

    /// Whether entity `e` of the bundle is named by its names alone (a
    /// person or a group of people), not a body, country or document.
    pub fn names_person(&self, e: usize) -> bool {
        self.names_only.get(e).copied().unwrap_or(false)
    }

    /// The stem of a folded word in language `li`.
    pub fn stem(&self, word: &str, li: usize) -> String {
        stem::stem(word, li)
    }

    /// Whether a folded word is a stop word of language `li`.
    pub fn is_stopword(&self, word: &str, li: usize) -> bool {
        self.stopwords[li].contains(word)
    }

    /// Counts stop words of each language among the words of `text`.
    pub fn stopword_hits(&self, tokens: &[Token]) -> [usize; 2] {
        let mut hits = [0, 0];
        for t in tokens {
            for (li, h) in hits.iter_mut().enumerate() {
                if self.stopwords[li].contains(&t.text) {
                    *h += 1;
                }
            }
        }
        hits
    }

    /// Analyses a text in language `lang`.
    pub fn analyze(&self, text: &str, lang: Lang) -> Analysis {
        let tokens = tokenize(text);
        self.analyze_tokens(&tokens, lang)
    }

    /// Analyses already tokenized text in language `lang`.
    pub fn analyze_tokens(&self, tokens: &[Token], lang: Lang) -> Analysis {
        let li = lang_index(lang);
        let mut out = Analysis::default();
        // In a headline in capitals, capitals say nothing about names.
        let (mut caps, mut words_n) = (0, 0);
        // Its words, and the stems of its words.
        let mut words: Vec<&str> = Vec::with_capacity(tokens.len());
        let mut stems: Vec<String> = Vec::with_capacity(tokens.len());
        for t in tokens {
            if t.text.chars().count() > 1 {
                caps += usize::from(t.all_caps);
                words_n += 1;
            }
            words.push(&t.text);
            stems.push(self.stem(&t.text, li));
        }
        let shouting = words_n > 0 && caps * 10 >= words_n * 6;
        // Entities first, on folded words: aliases are names, not stems.
        let mut is_entity = vec![false; tokens.len()];
        // Words of an institution's or country's name ("Stati Uniti",
        // "ONU"): not content, but a synonym set may know them.
        let mut in_body = vec![false; tokens.len()];
        // Places that may stand for an entity: (entity, first token, end).
        let mut metonyms: Vec<(usize, usize, usize)> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let found = self.aliases.longest(&words[i..]).or_else(|| {
                // Only the edges of the text can be cut, and only a word
                // that is no stop word can be the cut end of a name.
                let cut_word = |w: &str| w.len() >= 3 && !self.stopwords[li].contains(w);
                let near_end = words.len() - i <= MAX_CUT_ALIAS_WORDS
                    && words.last().is_some_and(|w| cut_word(w));
                ((i == 0 && cut_word(words[0])) || near_end)
                    .then(|| self.aliases.longest_cut(&words[i..], i == 0, true))
                    .flatten()
                    .map(|(len, e)| (len, vec![e]))
            });
            if let Some((len, roles)) = found {
                if let Some(e) = roles.iter().find_map(|r| match r {
                    Role::Metonym(e) => Some(*e),
                    _ => None,
                }) {
                    metonyms.push((e, i, i + len));
                }
                let entity = roles.iter().find_map(|r| match r {
                    Role::Entity(e) => Some(*e),
                    _ => None,
                });
                if let Some(e) = entity {
                    out.mentions.push(Mention {
                        entity: e,
                        start: i,
                        end: i + len,
                        speaking: tokens[i + len - 1].colon_after,
                    });
                    if self.names_only[e] {
                        is_entity[i..i + len].fill(true);
                        // "Britain's Keir Starmer": the country qualifies
                        // the name.
                        let mut j = i;
                        if j > 0 && words[j - 1] == "s" {
                            j -= 1;
                        }
                        if j > 0 && self.place_words.contains(words[j - 1]) {
                            is_entity[j - 1..i].fill(true);
                        }
                    } else {
                        in_body[i..i + len].fill(true);
                    }
                }
                i += len;
            } else {
                i += 1;
            }
        }
        let mut stem_refs: Vec<&str> = Vec::with_capacity(stems.len());
        out.stems.push(' ');
        for stem in &stems {
            stem_refs.push(stem);
            out.stems.push_str(stem);
            out.stems.push(' ');
        }
        // A negator negates its whole clause, wherever it stands in it:
        // "non c'è unanimità sull'invio" and "sull'invio non c'è unanimità"
        // deny the same thing.
        let mut clause = 0usize;
        // Per clause: where its first negator starts (char offset), if any,
        // and how many times it is negated: once for any negator particles
        // ("non ... mai" is one negation), once more for each denial. One
        // list of triples, not three lists: one push per new clause.
        let mut clauses: Vec<(Option<usize>, bool, usize)> = vec![(None, false, 0)];
        let mut i = 0;
        let last_index = tokens.len().saturating_sub(1);
        let mut reporting_at: Vec<usize> = Vec::new();
        while i < tokens.len() {
            let tok = &tokens[i];
            if tok.clause_start && i > 0 {
                clause += 1;
                clauses.push((None, false, 0));
            }
            if is_entity[i] {
                i += 1;
                continue;
            }
            if self.clause_words[li].contains(&tok.text) {
                clause += 1;
                clauses.push((None, false, 0));
                i += 1;
                continue;
            }
            // The phrase may not run into an entity, nor out of one.
            let mut end = i;
            while end < tokens.len() && !is_entity[end] && in_body[end] == in_body[i] {
                end += 1;
            }
            if let Some((len, roles)) = self.phrases[li].longest(&stem_refs[i..end]) {
                let mut concepts = Vec::new();
                for role in &roles {
                    match role {
                        _ if in_body[i] && !matches!(role, Role::Concept(_)) => {}
                        Role::Expletive | Role::Entity(_) | Role::Metonym(_) => {}
                        Role::Negator => {
                            clauses[clause].0.get_or_insert(tok.start);
                            clauses[clause].1 = true;
                        }
                        Role::Denial => {
                            clauses[clause].0.get_or_insert(tok.start);
                            clauses[clause].2 += 1;
                        }
                        Role::Reporting => reporting_at.push(i),
                        Role::Concept(c) => concepts.push(*c),
                    }
                }
                if !concepts.is_empty() {
                    let negator = roles.contains(&Role::Negator) || roles.contains(&Role::Denial);
                    let span = &tokens[i..i + len];
                    out.terms.push(Term {
                        stem: stem_refs[i..i + len].join("_"),
                        word: words[i..i + len].join(" "),
                        concepts,
                        negated: false,
                        clause,
                        negator,
                        before_negation: false,
                        start: span[0].start,
                        end: span[len - 1].end,
                        first: i == 0,
                        last: i + len - 1 == last_index,
                        proper: false,
                    });
                }
                i += len;
                continue;
            }
            if in_body[i] || self.stopwords[li].contains(&tok.text) || tok.text.chars().count() < 2
            {
                i += 1;
                continue;
            }
            out.terms.push(Term {
                stem: stems[i].clone(),
                word: tok.text.clone(),
                concepts: Vec::new(),
                negated: false,
                clause,
                negator: false,
                before_negation: false,
                start: tok.start,
                end: tok.end,
                first: i == 0,
                last: i == last_index,
                proper: tok.capitalized && !tok.clause_start && !shouting,
            });
            i += 1;
        }
        for t in out.terms.iter_mut() {
            let (first, particles, denials) = clauses[t.clause];
            let negations = usize::from(particles) + denials;
            if let (Some(at), true) = (first, negations % 2 == 1) {
                t.negated = true;
                t.before_negation = t.start < at;
            }
        }
        for m in out.mentions.iter_mut() {
            // Reporting phrase just after ("Rutte ha detto") or just before
            // ("secondo Rutte", "said Rutte"): token positions here.
            m.speaking |= reporting_at
                .iter()
                .any(|&r| (r >= m.end && r <= m.end + 2) || (r < m.start && r + 3 >= m.start));
            m.start = tokens[m.start].start;
            m.end = tokens[m.end - 1].end;
        }
        // A place speaks ("Berlino:", "London and Berlin said") or is where
        // something happens; only speaking does it name someone, and then
        // its words are the speaker, not content.
        for (entity, from, to) in metonyms {
            // Only a reporting phrase just after counts: "ha detto a
            // Berlino" is where it was said.
            let speaking =
                tokens[to - 1].colon_after || reporting_at.iter().any(|&r| r >= to && r <= to + 2);
            if speaking {
                let (start, end) = (tokens[from].start, tokens[to - 1].end);
                // `retain`, written out: its generic code costs more.
                let mut kept = 0;
                for j in 0..out.terms.len() {
                    let t = &out.terms[j];
                    if t.end <= start || t.start >= end {
                        out.terms.swap(kept, j);
                        kept += 1;
                    }
                }
                out.terms.truncate(kept);
                out.mentions.push(Mention {
                    entity,
                    start,
                    end,
                    speaking,
                });
            }
        }
        if !shouting {
            out.unknown_speakers = self.unknown_speakers(tokens, &is_entity, &reporting_at, li);
        }
        out
    }

    /// Capitalized words next to a reporting phrase ("Rutte announced",
    /// "secondo Rutte") that no alias knows: the text quotes someone the
    /// bundle has never heard of.
    fn unknown_speakers(
        &self,
        tokens: &[Token],
        is_entity: &[bool],
        reporting_at: &[usize],
        li: usize,
    ) -> Vec<UnknownSpeaker> {
        let mut found = Vec::new();
        let is_name = |i: usize| {
            let t = &tokens[i];
            t.capitalized
                && !is_entity[i]
                && t.text.chars().count() > 2
                && !self.stopwords[li].contains(&t.text)
                && !self.alias_words.contains(&t.text)
                // A word the lexicon knows ("Paesi", "Europe") is no name.
                && !self.phrases[li].starts(&self.stem(&t.text, li))
        };
        for &r in reporting_at {
            // Name before the verb: "Mark Rutte ha annunciato".
            let mut j = r;
            while j > 0 && is_name(j - 1) {
                j -= 1;
            }
            let mut span = j..r;
            // Or after it: "secondo Rutte", "ha detto Rutte".
            if span.is_empty() {
                let mut k = r + 1;
                while k < tokens.len() && !is_name(k) && k <= r + 3 {
                    k += 1;
                }
                let from = k;
                while k < tokens.len() && is_name(k) {
                    k += 1;
                }
                span = from..k;
            }
            if !span.is_empty() {
                let name = &tokens[span];
                let mut words = Vec::with_capacity(name.len());
                for t in name {
                    words.push(t.text.clone());
                }
                found.push(UnknownSpeaker {
                    words,
                    start: name[0].start,
                    end: name[name.len() - 1].end,
                });
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Concept, PerLang};

    fn lexicon() -> Lexicon {
        Lexicon {
            stopwords: PerLang {
                it: [
                    "il", "la", "di", "con", "sul", "in", "l", "a", "quando", "si",
                ]
                .map(String::from)
                .to_vec(),
                en: ["the", "will", "with", "on", "in", "of"]
                    .map(String::from)
                    .to_vec(),
            },
            negators: PerLang {
                it: vec!["non".into(), "mancanza di".into()],
                en: vec!["not".into(), "ruled out".into()],
            },
            expletives: PerLang {
                it: vec!["fino a quando non".into()],
                en: vec![],
            },
            clause_breaks: PerLang {
                it: vec!["ma".into()],
                en: vec!["but".into()],
            },
            reporting: PerLang {
                it: vec!["ha annunciato".into()],
                en: vec!["announced".into()],
            },
            concepts: vec![Concept {
                id: "troops".into(),
                it: vec!["truppe".into(), "soldati".into()],
                en: vec!["troops".into(), "boots on the ground".into()],
            }],
            opposites: vec![],
            denials: PerLang::default(),
            places: PerLang::default(),
            abbreviations: PerLang::default(),
            stemmed: false,
            comment: String::new(),
        }
    }

    fn bundle() -> Bundle {
        let mut b = Bundle::bundled();
        b.entities = vec![crate::claims::Entity {
            id: "meloni".into(),
            name: "Giorgia Meloni".into(),
            kind: crate::claims::EntityKind::Person,
            role: Default::default(),
            aliases: vec!["Meloni".into(), "la premier".into()],
            metonyms: vec![],
            members: vec![],
        }];
        b
    }

    #[test]
    fn negation_covers_its_clause_only() {
        let a = Analyzer::new(&lexicon(), &bundle());
        let r = a.analyze(
            "La premier non parteciperà con truppe, ma sosterrà Kiev",
            Lang::It,
        );
        let neg: Vec<(&str, bool)> = r
            .terms
            .iter()
            .map(|t| (t.word.as_str(), t.negated))
            .collect();
        assert_eq!(
            neg,
            [
                ("partecipera", true),
                ("truppe", true),
                ("sosterra", false),
                ("kiev", false)
            ]
        );
        assert_eq!(r.mentions.len(), 1);
    }

    #[test]
    fn expletive_negation_negates_nothing() {
        let a = Analyzer::new(&lexicon(), &bundle());
        let r = a.analyze(
            "sanzioni fino a quando non si raggiungerà la pace",
            Lang::It,
        );
        assert!(r.terms.iter().all(|t| !t.negated), "{:?}", r.terms);
    }

    #[test]
    fn phrases_map_to_concepts_across_languages() {
        let a = Analyzer::new(&lexicon(), &bundle());
        let en = a.analyze("Italy ruled out boots on the ground", Lang::En);
        let it = a.analyze("nessun invio di soldati", Lang::It);
        let concept = |r: &Analysis| r.terms.iter().find(|t| !t.concepts.is_empty()).cloned();
        let (en, it) = (concept(&en).unwrap(), concept(&it).unwrap());
        assert_eq!(en.concepts, it.concepts);
        assert!(en.negated);
    }

    #[test]
    fn spots_names_cut_by_the_edges_of_a_selection() {
        let a = Analyzer::new(&lexicon(), &bundle());
        assert_eq!(
            a.analyze("orgia Meloni ha detto", Lang::It).mentions.len(),
            1
        );
        assert_eq!(
            a.analyze("ha parlato Giorgia Mel", Lang::It).mentions.len(),
            1
        );
        // A cut word inside the text is not a name; neither is a syllable.
        assert!(a
            .analyze("ha parlato Giorgia Mel oggi", Lang::It)
            .mentions
            .is_empty());
        assert!(a.analyze("ia Meloni", Lang::It).mentions.len() == 1);
        assert!(a.analyze("oni ha detto", Lang::It).mentions.is_empty());
    }

    #[test]
    fn spots_unknown_speakers_next_to_reporting_verbs() {
        let a = Analyzer::new(&lexicon(), &bundle());
        let r = a.analyze("Mark Rutte announced a force", Lang::En);
        let found = &r.unknown_speakers[0];
        assert_eq!(found.words, ["mark", "rutte"]);
        assert_eq!((found.start, found.end), (0, 10));
        let r = a.analyze("Meloni announced a force", Lang::En);
        assert!(r.unknown_speakers.is_empty());
        assert_eq!(r.mentions.len(), 1);
    }
}
