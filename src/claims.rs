//! The claims bundle: the sourced statements Fonte checks selections against.
//!
//! A bundle is one JSON document (schema documented in `data/SCHEMA.md`):
//! the source document it was built from, the entities that speak or are
//! named in it (with the aliases a reader may meet in Italian or English),
//! the sources the report cites, and one [`Claim`] per atomic statement.
//!
//! Natively, [`Bundle::from_json`] reads a bundle and applies every rule of
//! the schema ([`Bundle::validate`]), saying what is wrong in one line; it
//! is what `fonte pack` runs before writing the bundle in the form the
//! widget loads, a [pack](crate::pack). The bundled claims
//! (`data/claims.json`) ship as such a pack ([`Bundle::bundled`]).
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
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

impl EntityKind {
    /// Every kind, in declaration order (which `as_str` relies on) and in
    /// the order of [`EntityKind::NAMES`].
    const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Body,
        EntityKind::Group,
        EntityKind::Document,
    ];

    /// How bundles and packs spell the kinds.
    pub const NAMES: [&'static str; 4] = ["person", "body", "group", "document"];

    /// The kind spelt `name`.
    pub fn parse(name: &str) -> Option<EntityKind> {
        let i = EntityKind::NAMES.iter().position(|n| *n == name)?;
        Some(EntityKind::ALL[i])
    }

    /// How bundles and packs spell this kind.
    pub fn as_str(self) -> &'static str {
        EntityKind::NAMES[self as usize]
    }
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
    /// Places that stand for the entity only when they speak: "Berlin
    /// said", "Londra:" (never "in Berlin"). The city hosting the event
    /// is no metonym: it is where things happen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metonyms: Vec<String>,
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
///
/// `Default` is the empty bundle the readers fill in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
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
    /// The bundled claims (`data/claims.json`, with the bundled report as
    /// [`SourceDocument::text`]), read from their pack (`data/claims.pack`).
    ///
    /// # Panics
    ///
    /// Never with the shipped data: `tests/claims.rs` checks that the pack
    /// reads back as the validated JSON bundle.
    pub fn bundled() -> Bundle {
        match crate::pack::read(crate::data::BUNDLED_PACK) {
            Ok(bundle) => bundle,
            Err(err) => panic!("data/claims.pack should read (tests/claims.rs checks it): {err}"),
        }
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

/// Why a bundle was rejected. Its `Display` is one lowercase line naming
/// the claim, entity or source and the field, e.g.
/// `claim "macron-forza": quote is not verbatim at 1234..1300 of the document`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError {
    // The line itself, written where the problem is found: one enum per
    // kind of problem and a `Display` with `write!` per variant cost
    // kilobytes of wasm more than the few strings each message joins.
    message: String,
}

impl BundleError {
    pub(crate) fn new(message: String) -> BundleError {
        BundleError { message }
    }

    /// The message, as `Display` writes it (without `core::fmt`, which the
    /// wasm module does not otherwise need).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BundleError {}

// The JSON reader and the rules. The wasm module's API (src/web.rs) reads
// packs only, so none of this ships in the widget.
mod rules;
