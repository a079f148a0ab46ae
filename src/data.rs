//! The data compiled into Fonte: the claims, the lexicon and the report
//! they quote. They are read with [`crate::json`] on every target.

/// The bundled claims (`data/claims.json`, whitespace removed by `build.rs`).
pub const BUNDLED_CLAIMS: &str = include_str!(concat!(env!("OUT_DIR"), "/claims.min.json"));

/// The bundled lexicon (`data/lexicon.json`, whitespace removed by
/// `build.rs`).
pub const BUNDLED_LEXICON: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.min.json"));

/// The bundled lexicon as lines of `|`-separated entries, written by
/// `build.rs` from `data/lexicon.json` for [`crate::lexicon::Lexicon::bundled`].
pub const BUNDLED_LEXICON_LINES: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.lines"));

/// The summit report the bundled claims quote (`data/source/...`).
pub const BUNDLED_SOURCE: &str = include_str!("../data/source/vertice-parigi-2026-01-06.it.txt");
