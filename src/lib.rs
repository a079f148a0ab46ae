//! Fonte: an in-browser fact-check widget.
//!
//! A reader highlights a sentence on a news page; Fonte matches it against a
//! bundle of sourced claims and says who made the statement, in which source,
//! when and where, quoting the source passage, with a verdict: supported,
//! misattributed, contradicted, or no match.
//!
//! ```
//! use fonte::{Matcher, Verdict};
//!
//! let matcher = Matcher::bundled();
//! let result = matcher.check("Merz ha annunciato una forza di rassicurazione europea");
//! assert_eq!(result.verdict, Verdict::Misattributed);
//! assert_eq!(result.attributed_to.as_deref(), Some("Friedrich Merz"));
//! assert_eq!(result.claim.unwrap().speaker, "Emmanuel Macron");
//! ```
//!
//! The crate is a pure-Rust matching core that runs natively (CLI, tests,
//! benchmarks) and in the browser, where the `web` module, compiled only for
//! `wasm32`, exports it to JS. It imports nothing from the browser: the page
//! (selections, the tooltip) is the JS widget's, `www/widget.js`.
//!
//! - [`claims`]: the bundle of sourced claims, its JSON reader and its rules
//!   (run by `fonte pack`, not in the widget); [`pack`]: the form claims
//!   ship and load in; [`data`]:
//!   the bundled claims, lexicon and report; [`claimreview`]: schema.org
//!   ClaimReview export (native only);
//! - [`normalize`]: folding, words and sentences; [`lexicon`]: stop words,
//!   negators, synonyms and opposites from data; [`stem`]: the Snowball
//!   Italian and English stemmers; [`analysis`]: from words to terms,
//!   speakers and negated clauses;
//! - [`matcher`]: the index, the scoring and the verdict; [`explain`]: the
//!   sentence saying why; [`verdict`]: the result type;
//! - [`scan`]: checking a whole article; [`json`]: a small JSON reader (for
//!   bundles and the lexicon) and the writer of results the widget ships
//!   instead of serde; [`sort`]: the one sort the crate ships, and sorted
//!   word sets;
//! - `web` (wasm32): the JS API, an `Engine` handle; `heap` (wasm32): the
//!   allocator.

#![deny(missing_docs)]

pub mod analysis;
#[cfg(not(target_arch = "wasm32"))]
pub mod claimreview;
pub mod claims;
pub mod data;
pub mod explain;
// The wasm32 build's global allocator, smaller than Rust's default (issue 5).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod heap;
pub mod json;
pub mod lexicon;
pub mod matcher;
pub mod normalize;
pub mod pack;
pub mod scan;
pub mod sort;
pub mod stem;
pub mod verdict;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use claims::Bundle;
pub use matcher::Matcher;
pub use verdict::{CheckResult, ClaimRef, Lang, Verdict};

/// The longest input checked, in bytes; longer input is cut at a character
/// boundary and the result says `truncated: true`.
pub const MAX_INPUT_BYTES: usize = 1 << 20;
