//! How long does the reader wait? One `check` of a selection against the
//! bundled claims (the work done between mouse-up and the tooltip), for the
//! kinds of selection a reader makes, and the one-off cost of building the
//! index when the widget loads. Issue 4's target: a median under 50 µs for
//! one check, natively.
//!
//! Run with `cargo bench --bench check` (or `./scripts/bench` for every
//! benchmark and the comparison with the JavaScript peers).

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/queries.rs"]
mod queries;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::{BenchmarkId, Criterion};
    use fonte::claims::Bundle;
    use fonte::Matcher;

    use super::queries;

    /// One selection of each kind, taken from `tests/data/dev.jsonl`.
    const INPUTS: [(&str, &str); 4] = [
        ("fragment", "un modello proposto a lungo dall’Italia"),
        ("italian_sentence", queries::ITALIAN_SENTENCE),
        ("english_sentence", queries::ENGLISH_SENTENCE),
        (
            "unrelated",
            "Pioggia e vento forte a Parigi per tutta la giornata di domani.",
        ),
    ];

    pub fn check(c: &mut Criterion) {
        let matcher = Matcher::bundled();
        let mut group = c.benchmark_group("check");
        for (name, text) in INPUTS {
            group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
                b.iter(|| matcher.check(black_box(text)))
            });
        }
        group.finish();
    }

    pub fn build(c: &mut Criterion) {
        let bundle = Bundle::bundled();
        let mut group = c.benchmark_group("build");
        // What the widget pays on load: read the embedded pack, index it.
        group.bench_function(BenchmarkId::from_parameter("bundled"), |b| {
            b.iter(Matcher::bundled)
        });
        // The index alone, from an already parsed bundle.
        group.bench_with_input(
            BenchmarkId::from_parameter("index_only"),
            &bundle,
            |b, bundle| b.iter(|| Matcher::new(black_box(bundle.clone()))),
        );
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::check, native::build);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

// The benchmarks are native; clippy for wasm32 still builds this target.
#[cfg(target_arch = "wasm32")]
fn main() {}
