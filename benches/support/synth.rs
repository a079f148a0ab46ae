//! Deterministic synthetic claims bundles, for measuring how Fonte scales.
//!
//! Words come from the bundled claims and the bundled lexicon, recombined
//! by a seeded xorshift generator: the vocabulary, its stems and its
//! synonyms are the real ones, so the index sees realistic postings, and
//! the same seed always gives the same bundle. Every synthetic claim
//! borrows speaker, source, mentions, date, place, kind and verbatim quote
//! (with its offsets) from a random real claim, so the bundle stays valid
//! under [`Bundle::validate`].

use std::collections::BTreeSet;

use fonte::claims::{Bundle, Claim, Localized};
use fonte::lexicon::Lexicon;

/// xorshift64*: tiny, fast, and the same sequence on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Zero is xorshift's fixed point.
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Words of `text`, without surrounding punctuation.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Italian and English word lists: the bundled claims' own words plus the
/// lexicon's synonym sets, sorted so the generator's picks are stable.
fn vocabulary(bundle: &Bundle, lexicon: &Lexicon) -> (Vec<String>, Vec<String>) {
    let mut it = BTreeSet::new();
    let mut en = BTreeSet::new();
    for claim in &bundle.claims {
        it.extend(words(&claim.text.it).map(str::to_owned));
        it.extend(words(&claim.quote.text).map(str::to_owned));
        en.extend(words(&claim.text.en).map(str::to_owned));
    }
    for concept in &lexicon.concepts {
        it.extend(concept.it.iter().cloned());
        en.extend(concept.en.iter().cloned());
    }
    (it.into_iter().collect(), en.into_iter().collect())
}

fn sentence(rng: &mut Rng, vocabulary: &[String]) -> String {
    let len = 8 + rng.below(17);
    let mut out = String::new();
    for i in 0..len {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick(vocabulary).as_str());
    }
    out.push('.');
    out
}

/// A valid bundle of `n` synthetic claims, the same for the same `n` and
/// `seed`. The document text is dropped: quotes stay verbatim passages of
/// the bundled report, but validation need not scan it.
pub fn bundle(n: usize, seed: u64) -> Bundle {
    let real = Bundle::bundled();
    let lexicon = Lexicon::bundled();
    let (it, en) = vocabulary(&real, &lexicon);
    let mut rng = Rng::new(seed);
    let claims = (0..n)
        .map(|i| {
            let model = rng.pick(&real.claims);
            Claim {
                id: format!("synth-{i}"),
                text: Localized {
                    it: sentence(&mut rng, &it),
                    en: sentence(&mut rng, &en),
                },
                negated: rng.below(10) == 0,
                ..model.clone()
            }
        })
        .collect();
    let mut document = real.document.clone();
    document.text = None;
    let bundle = Bundle {
        claims,
        document,
        ..real
    };
    if let Err(err) = bundle.validate() {
        panic!("synthetic bundle of {n} claims is invalid: {err}");
    }
    bundle
}
