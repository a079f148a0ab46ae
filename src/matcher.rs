//! The matcher: a selection in, the sourced claim and a verdict out.
//!
//! (Placeholder while the engine is written: every selection is `no_match`.)

use crate::claims::Bundle;
use crate::verdict::{CheckResult, Lang, Verdict};

/// A bundle indexed for matching. Build once, then [`Matcher::check`] many times.
#[derive(Debug, Clone)]
pub struct Matcher {
    bundle: Bundle,
}

impl Matcher {
    /// Indexes a validated bundle.
    pub fn new(bundle: Bundle) -> Matcher {
        Matcher { bundle }
    }

    /// The bundled claims, indexed.
    pub fn bundled() -> Matcher {
        let bundle: Bundle = crate::data::parse(crate::data::BUNDLED_CLAIMS)
            .expect("the bundled claims should parse (checked by tests)");
        Matcher::new(bundle)
    }

    /// The bundle this matcher checks against.
    pub fn bundle(&self) -> &Bundle {
        &self.bundle
    }

    /// Checks a selection; the explanation is in the selection's language.
    pub fn check(&self, text: &str) -> CheckResult {
        self.check_in(text, None)
    }

    /// Checks a selection, answering in `lang` (or the selection's language).
    pub fn check_in(&self, text: &str, lang: Option<Lang>) -> CheckResult {
        let lang = lang.unwrap_or_default();
        CheckResult {
            verdict: Verdict::NoMatch,
            score: 0.0,
            claim: None,
            attributed_to: None,
            explanation: String::new(),
            lang,
            start: 0,
            end: text.chars().count(),
            truncated: false,
            parts: Vec::new(),
        }
    }
}
