//! The claims bundle: the sourced statements Fonte checks selections against.
//!
//! A bundle is one JSON document (schema documented in `data/SCHEMA.md`):
//! the source document it was built from, the entities that speak or are
//! named in it (with the aliases a reader may meet in Italian or English),
//! the sources the report cites, and one [`Claim`] per atomic statement.
//!
//! The bundled claims (`data/claims.json`) are compiled into the binary
//! ([`Bundle::bundled`]); an alternative bundle with the same schema can be
//! loaded at run time with [`Bundle::from_json`], which applies the same
//! rules ([`Bundle::validate`]) and says what is wrong in one line:
//!
//! ```
//! use fonte::claims::Bundle;
//!
//! let bundle = Bundle::bundled();
//! assert!(bundle.validate().is_ok());
//!
//! let err = Bundle::from_json(r#"{"schema": "fonte-claims/2"}"#).unwrap_err();
//! assert!(err.to_string().contains("schema"));
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::normalize::tokenize;
use crate::verdict::Lang;

/// The schema tag this version of Fonte reads.
pub const SCHEMA: &str = "fonte-claims/1";

/// The values [`Claim::kind`] may take.
pub const CLAIM_KINDS: [&str; 7] = [
    "position",
    "announcement",
    "commitment",
    "disagreement",
    "outcome",
    "framing",
    "assessment",
];

/// A text in both languages Fonte speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Localized {
    /// Italian.
    pub it: String,
    /// English.
    pub en: String,
}

impl Localized {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::It => &self.it,
            Lang::En => &self.en,
        }
    }
}

/// The document the claims were taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// Stable identifier of the document. A [`Source`] with this id stands
    /// for the document itself.
    pub id: String,
    /// Title in both languages.
    pub title: Localized,
    /// Language of the document's text (`"it"` or `"en"`).
    pub lang: String,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`).
    pub date: String,
    /// Place the document reports from.
    pub place: Localized,
    /// The full text. Optional in a bundle; when present every quote is
    /// checked against it. The bundled report is attached by the loader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// One person.
    Person,
    /// An institution or office (e.g. Palazzo Chigi).
    Body,
    /// Several entities speaking together; see [`Entity::members`].
    Group,
    /// A document speaking for itself (the report).
    Document,
}

/// A speaker, or a person or body a reader may name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable identifier, referenced by claims.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// Role or title, in both languages.
    pub role: Localized,
    /// Phrases that denote this entity and no other, in either language
    /// ("Meloni", "la premier", "Italian prime minister").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// For groups: the member entity ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// A source a claim is attributed through (a note, the report itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Stable identifier, referenced by claims. The id of the
    /// [`SourceDocument`] denotes the document itself.
    pub id: String,
    /// Name in both languages.
    pub name: Localized,
}

/// The verbatim passage of the source document that states a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The exact text.
    pub text: String,
    /// Offset of the first character, counted in Unicode scalar values.
    pub start: usize,
    /// Offset one past the last character, counted in Unicode scalar values.
    pub end: usize,
}

/// One atomic, attributable statement of the source document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable identifier.
    pub id: String,
    /// Entity id of who made the statement.
    pub speaker: String,
    /// Source id: through what the report attributes it.
    pub source: String,
    /// Entity ids the statement names without being their statement; naming
    /// them in a selection is not a misattribution.
    #[serde(default)]
    pub mentions: Vec<String>,
    /// Date of the statement, ISO 8601.
    pub date: String,
    /// Where the statement was made.
    pub place: Localized,
    /// The claim, self-contained, in Italian and a faithful English rendering.
    pub text: Localized,
    /// The verbatim passage of the source document.
    pub quote: Quote,
    /// Whether the statement is a negative one ("non parteciperà").
    #[serde(default)]
    pub negated: bool,
    /// One of [`CLAIM_KINDS`]: position, announcement, commitment,
    /// disagreement, outcome, framing or assessment.
    pub kind: String,
}

/// A whole claims bundle as it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    /// Schema tag, [`SCHEMA`].
    pub schema: String,
    /// The document the claims come from.
    pub document: SourceDocument,
    /// The sources claims are attributed through.
    pub sources: Vec<Source>,
    /// Speakers and other entities readers may name.
    pub entities: Vec<Entity>,
    /// The claims.
    pub claims: Vec<Claim>,
}

impl Bundle {
    /// The bundled claims (`data/claims.json`) with the bundled report
    /// attached as [`SourceDocument::text`], validated.
    ///
    /// # Panics
    ///
    /// Never with the shipped data: `tests/claims.rs` proves it valid.
    pub fn bundled() -> Bundle {
        let mut bundle = read::bundle(crate::data::BUNDLED_CLAIMS).unwrap_or_else(|e| {
            panic!("data/claims.json should parse (tests/claims.rs checks it): {e}")
        });
        bundle.document.text = Some(crate::data::BUNDLED_SOURCE.to_owned());
        if let Err(err) = bundle.validate() {
            panic!("data/claims.json should be valid (tests/claims.rs checks it): {err}");
        }
        bundle
    }

    /// Parses and validates a bundle.
    ///
    /// Missing or mistyped fields are reported with the claim, entity or
    /// source they belong to (`claim #3: missing field "speaker"`); text
    /// that is not JSON with the line and column where it goes wrong.
    pub fn from_json(json: &str) -> Result<Bundle, BundleError> {
        let bundle = read::bundle(json)?;
        bundle.validate()?;
        Ok(bundle)
    }

    /// Checks every rule of `data/SCHEMA.md`; the error names the first
    /// offending claim, entity or source and the field.
    pub fn validate(&self) -> Result<(), BundleError> {
        if self.schema != SCHEMA {
            return Err(Item::Bundle.err(Problem::Schema(self.schema.clone())));
        }
        self.validate_document()?;
        let source_ids = sorted_ids(self.sources.iter().map(|s| s.id.as_str()));
        for (i, source) in self.sources.iter().enumerate() {
            let item = Item::Source(i, &source.id);
            required(&item, "id", &source.id)?;
            required(&item, "name.it", &source.name.it)?;
            required(&item, "name.en", &source.name.en)?;
            unique(&item, &source_ids, &source.id)?;
        }
        let entity_ids = sorted_ids(self.entities.iter().map(|e| e.id.as_str()));
        for (i, entity) in self.entities.iter().enumerate() {
            self.validate_entity(&Item::Entity(i, &entity.id), entity, &entity_ids)?;
        }
        self.validate_aliases()?;
        let claim_ids = sorted_ids(self.claims.iter().map(|c| c.id.as_str()));
        for (i, claim) in self.claims.iter().enumerate() {
            let item = Item::Claim(i, &claim.id);
            validate_claim(&item, claim, &entity_ids, &source_ids)?;
            unique(&item, &claim_ids, &claim.id)?;
        }
        if let Some(text) = &self.document.text {
            self.validate_quotes(text)?;
        }
        Ok(())
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// A plain-text table of the claims, one per line: id, speaker, kind,
    /// whether the statement is negative, and the claim in `lang`, cut at a
    /// word boundary to keep lines readable in a terminal.
    pub fn table(&self, lang: Lang) -> String {
        const TEXT_WIDTH: usize = 72;
        let (id_h, speaker_h, kind_h, neg_h, text_h) = match lang {
            Lang::It => ("ID", "FONTE", "TIPO", "NEG", "AFFERMAZIONE"),
            Lang::En => ("ID", "SPEAKER", "KIND", "NEG", "CLAIM"),
        };
        let width = |header: &str, column: &dyn Fn(&Claim) -> &str| {
            self.claims
                .iter()
                .map(|c| column(c).chars().count())
                .chain(std::iter::once(header.chars().count()))
                .max()
                .unwrap_or(0)
        };
        let id_w = width(id_h, &|c| c.id.as_str());
        let speaker_w = width(speaker_h, &|c| c.speaker.as_str());
        let kind_w = width(kind_h, &|c| c.kind.as_str());
        let mut out = String::new();
        let mut row = |id: &str, speaker: &str, kind: &str, neg: &str, text: &str| {
            out.push_str(&format!(
                "{id:<id_w$}  {speaker:<speaker_w$}  {kind:<kind_w$}  {neg:<3}  {text}"
            ));
            // No trailing spaces when the text column is empty.
            out.truncate(out.trim_end().len());
            out.push('\n');
        };
        row(id_h, speaker_h, kind_h, neg_h, text_h);
        let (yes, no) = match lang {
            Lang::It => ("sì", "no"),
            Lang::En => ("yes", "no"),
        };
        for claim in &self.claims {
            let neg = if claim.negated { yes } else { no };
            let text = truncate_words(claim.text.get(lang), TEXT_WIDTH);
            row(&claim.id, &claim.speaker, &claim.kind, neg, &text);
        }
        out
    }

    fn validate_document(&self) -> Result<(), BundleError> {
        let doc = &self.document;
        let item = Item::Document;
        required(&item, "id", &doc.id)?;
        required(&item, "title.it", &doc.title.it)?;
        required(&item, "title.en", &doc.title.en)?;
        required(&item, "lang", &doc.lang)?;
        if Lang::parse(&doc.lang).is_none() {
            return Err(item.err(Problem::Lang(doc.lang.clone())));
        }
        date(&item, "date", &doc.date)?;
        required(&item, "place.it", &doc.place.it)?;
        required(&item, "place.en", &doc.place.en)
    }

    fn validate_entity(
        &self,
        item: &Item<'_>,
        entity: &Entity,
        entity_ids: &[&str],
    ) -> Result<(), BundleError> {
        required(item, "id", &entity.id)?;
        required(item, "name", &entity.name)?;
        required(item, "role.it", &entity.role.it)?;
        required(item, "role.en", &entity.role.en)?;
        unique(item, entity_ids, &entity.id)?;
        for alias in &entity.aliases {
            required(item, "aliases", alias)?;
        }
        match (entity.kind, entity.members.is_empty()) {
            (EntityKind::Group, true) => return Err(item.err(Problem::Missing("members"))),
            (EntityKind::Group, false) => {}
            (_, true) => return Ok(()),
            (_, false) => return Err(item.err(Problem::MembersOfNonGroup)),
        }
        for (i, member) in entity.members.iter().enumerate() {
            known(item, "members", entity_ids, member)?;
            if *member == entity.id || entity.members[..i].contains(member) {
                return Err(item.err(Problem::BadMember(member.clone())));
            }
            if self.entity(member).map(|m| m.kind) == Some(EntityKind::Group) {
                return Err(item.err(Problem::BadMember(member.clone())));
            }
        }
        Ok(())
    }

    /// Rejects a phrase that names two entities. The name counts as an
    /// alias (the matcher spots names too). Phrases are compared the way the
    /// matcher reads text: folded and split into words.
    fn validate_aliases(&self) -> Result<(), BundleError> {
        let mut keys: Vec<(String, usize, &str)> = Vec::new();
        for (ei, entity) in self.entities.iter().enumerate() {
            let phrases = std::iter::once(&entity.name).chain(&entity.aliases);
            for phrase in phrases {
                let words: Vec<String> = tokenize(phrase).into_iter().map(|t| t.text).collect();
                if words.is_empty() {
                    let item = Item::Entity(ei, &entity.id);
                    return Err(item.err(Problem::AliasWithoutWords(phrase.clone())));
                }
                keys.push((words.join(" "), ei, phrase));
            }
        }
        crate::sort::sort(&mut keys);
        for pair in keys.windows(2) {
            let ((a, ea, _), (b, eb, phrase)) = (&pair[0], &pair[1]);
            if a == b && ea != eb {
                let item = Item::Entity(*eb, &self.entities[*eb].id);
                let other = self.entities[*ea].id.clone();
                return Err(item.err(Problem::SharedAlias((*phrase).to_owned(), other)));
            }
        }
        Ok(())
    }

    /// Checks every quote against the document text in one pass over the
    /// text, claims taken in the order of their offsets.
    fn validate_quotes(&self, text: &str) -> Result<(), BundleError> {
        let mut order: Vec<usize> = (0..self.claims.len()).collect();
        let start = |i: usize| (self.claims[i].quote.start, i);
        crate::sort::sort_by(&mut order, |&a, &b| start(a) < start(b));
        let mut cursor = (0usize, 0usize); // (char offset, byte offset)
        for i in order {
            let claim = &self.claims[i];
            let quote = &claim.quote;
            let item = Item::Claim(i, &claim.id);
            let not_verbatim = || {
                let found = text.find(quote.text.as_str()).map(|b| {
                    let start = text[..b].chars().count();
                    (start, start + quote.text.chars().count())
                });
                item.err(Problem::NotVerbatim(quote.start, quote.end, found))
            };
            let Some(byte) = advance(text, cursor, quote.start) else {
                return Err(not_verbatim());
            };
            cursor = (quote.start, byte);
            let mut passage = text[byte..].chars();
            let same = quote.text.chars().all(|c| passage.next() == Some(c));
            if !same {
                return Err(not_verbatim());
            }
        }
        Ok(())
    }
}

fn validate_claim(
    item: &Item<'_>,
    claim: &Claim,
    entity_ids: &[&str],
    source_ids: &[&str],
) -> Result<(), BundleError> {
    required(item, "id", &claim.id)?;
    required(item, "speaker", &claim.speaker)?;
    known(item, "speaker", entity_ids, &claim.speaker)?;
    required(item, "source", &claim.source)?;
    known(item, "source", source_ids, &claim.source)?;
    for mention in &claim.mentions {
        known(item, "mentions", entity_ids, mention)?;
        if *mention == claim.speaker {
            return Err(item.err(Problem::MentionsSpeaker(mention.clone())));
        }
    }
    date(item, "date", &claim.date)?;
    required(item, "place.it", &claim.place.it)?;
    required(item, "place.en", &claim.place.en)?;
    required(item, "text.it", &claim.text.it)?;
    required(item, "text.en", &claim.text.en)?;
    required(item, "kind", &claim.kind)?;
    if !CLAIM_KINDS.contains(&claim.kind.as_str()) {
        return Err(item.err(Problem::Kind(claim.kind.clone())));
    }
    let quote = &claim.quote;
    // Not `required`: a quote of spaces is still a passage of the text.
    if quote.text.is_empty() {
        return Err(item.err(Problem::Missing("quote.text")));
    }
    if quote.start >= quote.end {
        return Err(item.err(Problem::QuoteRange(quote.start, quote.end)));
    }
    let len = quote.text.chars().count();
    if quote.end - quote.start != len {
        return Err(item.err(Problem::QuoteLength(quote.start, quote.end, len)));
    }
    Ok(())
}

/// The byte offset of char `target`, walking on from `cursor` (a char
/// offset and its byte offset) when `target` lies after it.
fn advance(text: &str, cursor: (usize, usize), target: usize) -> Option<usize> {
    let (from_char, from_byte) = if target >= cursor.0 { cursor } else { (0, 0) };
    let rest = &text[from_byte..];
    let n = target - from_char;
    match rest.char_indices().nth(n) {
        Some((b, _)) => Some(from_byte + b),
        None if rest.chars().count() == n => Some(text.len()),
        None => None,
    }
}

/// Cuts `text` to at most `max` chars at a word boundary, marking the cut.
fn truncate_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

fn sorted_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = ids.collect();
    crate::sort::sort(&mut ids);
    ids
}

fn required(item: &Item<'_>, field: &'static str, value: &str) -> Result<(), BundleError> {
    if value.trim().is_empty() {
        return Err(item.err(Problem::Missing(field)));
    }
    Ok(())
}

fn unique(item: &Item<'_>, sorted: &[&str], id: &str) -> Result<(), BundleError> {
    let first = sorted.partition_point(|x| *x < id);
    if sorted.get(first + 1) == Some(&id) {
        return Err(item.err(Problem::Duplicate));
    }
    Ok(())
}

fn known(
    item: &Item<'_>,
    field: &'static str,
    sorted: &[&str],
    id: &str,
) -> Result<(), BundleError> {
    if sorted.binary_search(&id).is_err() {
        return Err(item.err(Problem::Unknown(field, id.to_owned())));
    }
    Ok(())
}

fn date(item: &Item<'_>, field: &'static str, value: &str) -> Result<(), BundleError> {
    required(item, field, value)?;
    if !is_iso_date(value) {
        return Err(item.err(Problem::Date(field, value.to_owned())));
    }
    Ok(())
}

/// `YYYY-MM-DD`, a day that exists.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// Why a bundle was rejected. Its `Display` is one lowercase line naming
/// the claim, entity or source and the field, e.g.
/// `claim "macron-forza": quote is not verbatim at 1234..1300 of the document`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    /// Not JSON, or JSON of another shape: the parser's message.
    Json(String),
    /// One item breaks a rule.
    Item { item: String, problem: Problem },
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    Missing(&'static str),
    Schema(String),
    Lang(String),
    Date(&'static str, String),
    Duplicate,
    Unknown(&'static str, String),
    MentionsSpeaker(String),
    Kind(String),
    QuoteRange(usize, usize),
    QuoteLength(usize, usize, usize),
    NotVerbatim(usize, usize, Option<(usize, usize)>),
    AliasWithoutWords(String),
    SharedAlias(String, String),
    MembersOfNonGroup,
    BadMember(String),
    /// A field of the wrong JSON type: field, expected, found.
    Type(&'static str, &'static str, &'static str),
    EntityKind(String),
}

/// What a problem is about; displayed as the start of the message.
enum Item<'a> {
    Bundle,
    Document,
    Source(usize, &'a str),
    Entity(usize, &'a str),
    Claim(usize, &'a str),
}

impl Item<'_> {
    fn err(&self, problem: Problem) -> BundleError {
        let item = match self {
            Item::Bundle => "bundle".to_owned(),
            Item::Document => "document".to_owned(),
            Item::Source(i, id) => labelled("source", *i, id),
            Item::Entity(i, id) => labelled("entity", *i, id),
            Item::Claim(i, id) => labelled("claim", *i, id),
        };
        BundleError {
            kind: ErrorKind::Item { item, problem },
        }
    }
}

/// `claim "id"`, or `claim #3` (its index in the array) when it has no id.
fn labelled(what: &str, index: usize, id: &str) -> String {
    if id.trim().is_empty() {
        format!("{what} #{index}")
    } else {
        format!("{what} \"{id}\"")
    }
}

impl BundleError {
    fn json(message: String) -> BundleError {
        // "bundle is not valid JSON: invalid JSON at line 3, column 5: ..."
        let message = message.trim_start_matches("invalid JSON ").to_owned();
        BundleError {
            kind: ErrorKind::Json(message),
        }
    }
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (item, problem) = match &self.kind {
            ErrorKind::Json(message) => return write!(f, "bundle is not valid JSON: {message}"),
            ErrorKind::Item { item, problem } => (item, problem),
        };
        write!(f, "{item}: ")?;
        match problem {
            Problem::Missing(field) => write!(f, "missing field \"{field}\""),
            Problem::Schema(found) => {
                write!(f, "schema is \"{found}\", expected \"{SCHEMA}\"")
            }
            Problem::Lang(found) => write!(f, "lang \"{found}\" is not \"it\" or \"en\""),
            Problem::Date(field, found) => {
                write!(f, "{field} \"{found}\" is not a YYYY-MM-DD date")
            }
            Problem::Duplicate => write!(f, "id is not unique"),
            Problem::Unknown(field, id) => {
                let what = if *field == "source" {
                    "source"
                } else {
                    "entity"
                };
                write!(f, "{field} \"{id}\" is not the id of any {what}")
            }
            Problem::MentionsSpeaker(id) => {
                write!(f, "mentions lists the speaker \"{id}\"")
            }
            Problem::Kind(found) => {
                write!(
                    f,
                    "kind \"{found}\" is not one of {}",
                    CLAIM_KINDS.join(", ")
                )
            }
            Problem::QuoteRange(start, end) => {
                write!(f, "quote.start {start} is not before quote.end {end}")
            }
            Problem::QuoteLength(start, end, len) => write!(
                f,
                "quote.text has {len} characters but {start}..{end} spans {}",
                end - start
            ),
            Problem::NotVerbatim(start, end, found) => {
                write!(f, "quote is not verbatim at {start}..{end} of the document")?;
                match found {
                    Some((s, e)) => write!(f, " (the text occurs at {s}..{e})"),
                    None => write!(f, " (the text does not occur in it)"),
                }
            }
            Problem::AliasWithoutWords(alias) => write!(f, "alias \"{alias}\" has no words"),
            Problem::SharedAlias(alias, other) => {
                write!(f, "alias \"{alias}\" is also an alias of \"{other}\"")
            }
            Problem::MembersOfNonGroup => write!(f, "members are only for groups"),
            Problem::BadMember(id) => write!(f, "members lists \"{id}\" twice, itself, or a group"),
            Problem::Type(field, expected, found) => {
                write!(f, "field \"{field}\" should be {expected}, not {found}")
            }
            Problem::EntityKind(found) => {
                write!(
                    f,
                    "kind \"{found}\" is not one of person, body, group, document"
                )
            }
        }
    }
}

impl std::error::Error for BundleError {}

/// Reads a bundle from JSON by hand (see [`crate::json`]): field by field,
/// so that a missing or mistyped field is reported with its claim.
mod read {
    use super::{
        Bundle, BundleError, Claim, Entity, EntityKind, Item, Localized, Problem, Quote, Source,
        SourceDocument, SCHEMA,
    };
    use crate::json::{self, Json};

    type Res<T> = Result<T, BundleError>;

    /// The members of an object, or an error naming what should be one.
    fn object<'a>(value: &'a Json, item: &Item<'_>, field: &'static str) -> Res<&'a Json> {
        match value {
            Json::Obj(_) => Ok(value),
            other => Err(item.err(Problem::Type(field, "an object", other.type_name()))),
        }
    }

    fn field<'a>(obj: &'a Json, item: &Item<'_>, name: &'static str) -> Res<&'a Json> {
        obj.get(name)
            .ok_or_else(|| item.err(Problem::Missing(name)))
    }

    fn string(obj: &Json, item: &Item<'_>, name: &'static str) -> Res<String> {
        match field(obj, item, name)? {
            Json::Str(s) => Ok(s.clone()),
            other => Err(item.err(Problem::Type(name, "a string", other.type_name()))),
        }
    }

    fn localized(obj: &Json, item: &Item<'_>, names: [&'static str; 3]) -> Res<Localized> {
        let value = object(field(obj, item, names[0])?, item, names[0])?;
        let part = |key: &str, name: &'static str| match value.get(key) {
            None => Err(item.err(Problem::Missing(name))),
            Some(Json::Str(s)) => Ok(s.clone()),
            Some(other) => Err(item.err(Problem::Type(name, "a string", other.type_name()))),
        };
        Ok(Localized {
            it: part("it", names[1])?,
            en: part("en", names[2])?,
        })
    }

    /// An optional array of strings (absent means empty).
    fn strings(obj: &Json, item: &Item<'_>, name: &'static str) -> Res<Vec<String>> {
        match obj.get(name) {
            None | Some(Json::Null) => Ok(Vec::new()),
            Some(Json::Arr(items)) => items
                .iter()
                .map(|v| {
                    v.as_str().map(str::to_owned).ok_or_else(|| {
                        item.err(Problem::Type(name, "an array of strings", v.type_name()))
                    })
                })
                .collect(),
            Some(other) => Err(item.err(Problem::Type(
                name,
                "an array of strings",
                other.type_name(),
            ))),
        }
    }

    fn array<'a>(obj: &'a Json, name: &'static str) -> Res<&'a [Json]> {
        match field(obj, &Item::Bundle, name)? {
            Json::Arr(items) => Ok(items),
            other => Err(Item::Bundle.err(Problem::Type(name, "an array", other.type_name()))),
        }
    }

    /// The id of an array element, for naming it in errors.
    fn id_of(value: &Json) -> &str {
        value.get("id").and_then(Json::as_str).unwrap_or("")
    }

    pub(super) fn bundle(text: &str) -> Res<Bundle> {
        let root = json::parse(text).map_err(BundleError::json)?;
        if !matches!(root, Json::Obj(_)) {
            let found = root.type_name();
            return Err(BundleError::json(format!(
                "the top level is {found}, not an object"
            )));
        }
        // Another schema version likely has another shape: say that first.
        let root = &root;
        let schema = string(root, &Item::Bundle, "schema")?;
        if schema != SCHEMA {
            return Err(Item::Bundle.err(Problem::Schema(schema)));
        }
        let doc = object(
            field(root, &Item::Bundle, "document")?,
            &Item::Bundle,
            "document",
        )?;
        let d = &Item::Document;
        let document = SourceDocument {
            id: string(doc, d, "id")?,
            title: localized(doc, d, ["title", "title.it", "title.en"])?,
            lang: string(doc, d, "lang")?,
            date: string(doc, d, "date")?,
            place: localized(doc, d, ["place", "place.it", "place.en"])?,
            text: match doc.get("text") {
                None | Some(Json::Null) => None,
                Some(Json::Str(s)) => Some(s.clone()),
                Some(other) => {
                    return Err(d.err(Problem::Type("text", "a string", other.type_name())))
                }
            },
        };
        let mut sources = Vec::new();
        for (i, v) in array(root, "sources")?.iter().enumerate() {
            let item = Item::Source(i, id_of(v));
            let v = object(v, &item, "sources")?;
            sources.push(Source {
                id: string(v, &item, "id")?,
                name: localized(v, &item, ["name", "name.it", "name.en"])?,
            });
        }
        let mut entities = Vec::new();
        for (i, v) in array(root, "entities")?.iter().enumerate() {
            let item = Item::Entity(i, id_of(v));
            let v = object(v, &item, "entities")?;
            let id = string(v, &item, "id")?;
            let name = string(v, &item, "name")?;
            let kind = match string(v, &item, "kind")?.as_str() {
                "person" => EntityKind::Person,
                "body" => EntityKind::Body,
                "group" => EntityKind::Group,
                "document" => EntityKind::Document,
                other => return Err(item.err(Problem::EntityKind(other.to_owned()))),
            };
            entities.push(Entity {
                id,
                name,
                kind,
                role: localized(v, &item, ["role", "role.it", "role.en"])?,
                aliases: strings(v, &item, "aliases")?,
                members: strings(v, &item, "members")?,
            });
        }
        let mut claims = Vec::new();
        for (i, v) in array(root, "claims")?.iter().enumerate() {
            let item = Item::Claim(i, id_of(v));
            let v = object(v, &item, "claims")?;
            let id = string(v, &item, "id")?;
            let speaker = string(v, &item, "speaker")?;
            let source = string(v, &item, "source")?;
            let date = string(v, &item, "date")?;
            let place = localized(v, &item, ["place", "place.it", "place.en"])?;
            let text = localized(v, &item, ["text", "text.it", "text.en"])?;
            let q = object(field(v, &item, "quote")?, &item, "quote")?;
            let offset = |name: &'static str, key: &str| match q.get(key) {
                None => Err(item.err(Problem::Missing(name))),
                Some(n) => n
                    .as_usize()
                    .ok_or_else(|| item.err(Problem::Type(name, "a whole number", n.type_name()))),
            };
            let quote = Quote {
                text: match q.get("text") {
                    None => return Err(item.err(Problem::Missing("quote.text"))),
                    Some(Json::Str(s)) => s.clone(),
                    Some(other) => {
                        return Err(item.err(Problem::Type(
                            "quote.text",
                            "a string",
                            other.type_name(),
                        )))
                    }
                },
                start: offset("quote.start", "start")?,
                end: offset("quote.end", "end")?,
            };
            let negated = match v.get("negated") {
                None | Some(Json::Null) => false,
                Some(b) => b.as_bool().ok_or_else(|| {
                    item.err(Problem::Type("negated", "a boolean", b.type_name()))
                })?,
            };
            claims.push(Claim {
                id,
                speaker,
                source,
                mentions: strings(v, &item, "mentions")?,
                date,
                place,
                text,
                quote,
                negated,
                kind: string(v, &item, "kind")?,
            });
        }
        Ok(Bundle {
            schema,
            document,
            sources,
            entities,
            claims,
        })
    }
}
