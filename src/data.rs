//! The data compiled into Fonte: the bundled claims as a pack (with the
//! report they quote) and the lexicon, which every target reads; and, for
//! native code, the JSON they are made from.

/// The claims pack and the lexicon lines, one after the other (see
/// `build.rs`): one piece of the wasm's data.
const BUNDLED: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled.txt"));

// PACK_END and SOURCE_START: where the pack ends in BUNDLED, and where the
// report starts inside it.
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

/// The bundled claims as a [pack](crate::pack) (`data/claims.pack`, written
/// by `fonte pack` from `data/claims.json` and the report).
pub const BUNDLED_PACK: &str = part(0, PACK_END);

/// The summit report the bundled claims quote
/// (`data/source/vertice-parigi-2026-01-06.it.txt`), as the pack holds it.
pub const BUNDLED_SOURCE: &str = part(SOURCE_START, PACK_END);

/// The bundled lexicon as lines of `|`-separated entries, written by
/// `build.rs` from `data/lexicon.json` for [`crate::lexicon::Lexicon::bundled`].
pub const BUNDLED_LEXICON_LINES: &str = part(PACK_END, BUNDLED.len());

/// The bundled claims as authored (`data/claims.json`, whitespace removed
/// by `build.rs`). Not in the wasm, which reads the pack.
pub const BUNDLED_CLAIMS: &str = include_str!(concat!(env!("OUT_DIR"), "/claims.min.json"));

/// The bundled lexicon as authored (`data/lexicon.json`, whitespace removed
/// by `build.rs`). Not in the wasm, which reads the lines above.
pub const BUNDLED_LEXICON: &str = include_str!(concat!(env!("OUT_DIR"), "/lexicon.min.json"));
