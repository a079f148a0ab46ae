//! The data compiled into Fonte: the claims, the lexicon and the report
//! they quote. They are read with [`crate::json`] on every target.

/// The bundled claims (`data/claims.json`).
pub const BUNDLED_CLAIMS: &str = include_str!("../data/claims.json");

/// The bundled lexicon (`data/lexicon.json`).
pub const BUNDLED_LEXICON: &str = include_str!("../data/lexicon.json");

/// The summit report the bundled claims quote (`data/source/...`).
pub const BUNDLED_SOURCE: &str = include_str!("../data/source/vertice-parigi-2026-01-06.it.txt");
