//! The data compiled into Fonte: the claims, the lexicon and the report
//! they quote. They are read with [`crate::json`] on every target.

/// The bundled claims (`data/claims.json`, whitespace removed by `build.rs`).
pub const BUNDLED_CLAIMS: &str = include_str!(concat!(env!("OUT_DIR"), "/claims.min.json"));

/// The bundled lexicon (`data/lexicon.json`, whitespace removed by
/// `build.rs`).
pub const BUNDLED_LEXICON: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.min.json"));

/// The summit report the bundled claims quote (`data/source/...`).
pub const BUNDLED_SOURCE: &str = include_str!("../data/source/vertice-parigi-2026-01-06.it.txt");
