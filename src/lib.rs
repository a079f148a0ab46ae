//! Fonte: an in-browser fact-check widget.
//!
//! A reader highlights a sentence on a news page; Fonte matches it against a
//! bundle of sourced claims and says who made the statement, in which source,
//! when and where, quoting the source passage, with a verdict: supported,
//! misattributed, contradicted, or no match.
//!
//! The crate is a pure-Rust matching core ([`claims`], [`matcher`],
//! [`verdict`]) that runs natively (CLI, tests, benchmarks) and in the
//! browser, plus a thin `web` layer, compiled only for `wasm32`, that is the
//! only code touching the DOM.

#![deny(missing_docs)]

pub mod analysis;
#[cfg(not(target_arch = "wasm32"))]
pub mod claimreview;
pub mod claims;
pub mod data;
pub mod explain;
pub mod hash;
pub mod json;
pub mod lexicon;
pub mod matcher;
pub mod normalize;
pub mod scan;
pub mod verdict;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use claims::Bundle;
pub use matcher::Matcher;
pub use verdict::{CheckResult, ClaimRef, Lang, Verdict};

/// The longest input checked, in bytes; longer input is cut at a character
/// boundary and the result says `truncated: true`.
pub const MAX_INPUT_BYTES: usize = 1 << 20;
