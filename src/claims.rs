//! The claims bundle: the sourced statements Fonte checks selections against.
//!
//! A bundle is one JSON document (schema documented in `data/SCHEMA.md`):
//! the source document it was built from, the entities that speak or are
//! named in it (with the aliases a reader may meet in Italian or English),
//! the sources the report cites, and one [`Claim`] per atomic statement.
//!
//! The bundled claims (`data/claims.json`) are compiled into the binary; an
//! alternative bundle with the same schema can be loaded at run time and is
//! validated with the same rules ([`Bundle::validate`]).

use serde::{Deserialize, Serialize};

/// A text in both languages Fonte speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Localized {
    /// Italian.
    pub it: String,
    /// English.
    pub en: String,
}

/// The document the claims were taken from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// Stable identifier of the document.
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
    /// ("Meloni", "la premier", "the Italian prime minister").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// For groups: the member entity ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// A source a claim is attributed through (a note, the report itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Stable identifier, referenced by claims.
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
    /// Position, announcement, commitment, disagreement, outcome or framing.
    pub kind: String,
}

/// A whole claims bundle as it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    /// Schema tag, `"fonte-claims/1"`.
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
    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
