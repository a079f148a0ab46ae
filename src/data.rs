//! The data compiled into Fonte: the claims, the lexicon and the report
//! they quote. They are read with [`crate::json`] on every target.

/// The report, the claims and the lexicon lines, one after the other (see
/// `build.rs`): one piece of the wasm's data, in which gzip finds the
/// claims' quotes in the report just before them.
const BUNDLED: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled.txt"));

// REPORT_END and CLAIMS_END: where the report and the claims end in BUNDLED.
include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// `BUNDLED[from..to]`, at compile time.
const fn part(from: usize, to: usize) -> &'static str {
    let (head, _) = BUNDLED.as_bytes().split_at(to);
    let (_, part) = head.split_at(from);
    match std::str::from_utf8(part) {
        Ok(text) => text,
        Err(_) => panic!("build.rs cut bundled.txt inside a character"),
    }
}

/// The summit report the bundled claims quote
/// (`data/source/vertice-parigi-2026-01-06.it.txt`).
pub const BUNDLED_SOURCE: &str = part(0, REPORT_END);

/// The bundled claims (`data/claims.json`, whitespace removed by `build.rs`).
pub const BUNDLED_CLAIMS: &str = part(REPORT_END, CLAIMS_END);

/// The bundled lexicon as lines of `|`-separated entries, written by
/// `build.rs` from `data/lexicon.json` for [`crate::lexicon::Lexicon::bundled`].
pub const BUNDLED_LEXICON_LINES: &str = part(CLAIMS_END, BUNDLED.len());

/// The bundled lexicon (`data/lexicon.json`, whitespace removed by
/// `build.rs`). Not in the wasm: the widget reads the lines above.
pub const BUNDLED_LEXICON: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.min.json"));
