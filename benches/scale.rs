//! How do Fonte's costs grow with the number of claims? Synthetic bundles of
//! 1,000, 10,000 and 100,000 claims (seeded, see `support/synth.rs`):
//! the time to build the index, the latency of one `check`, and the heap
//! the built index holds, counted by a global allocator in this binary.
//!
//! Run with `cargo bench --bench scale`; `FONTE_BENCH_SCALES=1000,10000`
//! picks other sizes. Samples are few and short so that 100,000 claims
//! finish in minutes on two cores.

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/synth.rs"]
mod synth;

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/queries.rs"]
mod queries;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::hint::black_box;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    use criterion::{BatchSize, BenchmarkId, Criterion};
    use fonte::Matcher;

    use super::{queries, synth};

    /// Bytes currently allocated by the process: the system allocator plus
    /// a counter, so memory is measured where it is spent, not estimated.
    struct Counting;

    static LIVE: AtomicUsize = AtomicUsize::new(0);

    // SAFETY: every call forwards to `System` unchanged; the counter only
    // observes sizes.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = System.alloc(layout);
            if !p.is_null() {
                LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            }
            p
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = System.alloc_zeroed(layout);
            if !p.is_null() {
                LIVE.fetch_add(layout.size(), Ordering::Relaxed);
            }
            p
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            System.dealloc(ptr, layout);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = System.realloc(ptr, layout, new_size);
            if !p.is_null() {
                LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
                LIVE.fetch_add(new_size, Ordering::Relaxed);
            }
            p
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    const SEED: u64 = 0x5EED_F047E;

    /// Real selections from `tests/data/dev.jsonl`; against synthetic
    /// claims they meet long postings lists but no true match.
    const QUERIES: [(&str, &str); 2] = [
        ("italian_sentence", queries::ITALIAN_SENTENCE),
        ("english_sentence", queries::ENGLISH_SENTENCE),
    ];

    fn scales() -> Vec<usize> {
        std::env::var("FONTE_BENCH_SCALES")
            .ok()
            .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .filter(|v: &Vec<usize>| !v.is_empty())
            .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
    }

    fn mib(bytes: usize) -> f64 {
        bytes as f64 / (1024.0 * 1024.0)
    }

    pub fn run() {
        let mut c = Criterion::default()
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2))
            .configure_from_args();
        let mut memory = Vec::new();
        for n in scales() {
            let before = LIVE.load(Ordering::Relaxed);
            let bundle = synth::bundle(n, SEED);
            let with_bundle = LIVE.load(Ordering::Relaxed);
            let started = Instant::now();
            let matcher = Matcher::new(bundle.clone());
            let one_build = started.elapsed();
            let after = LIVE.load(Ordering::Relaxed);
            // `matcher` owns its own copy of the bundle: its heap is the
            // growth minus the copy we keep for rebuilding.
            let bundle_bytes = with_bundle - before;
            let matcher_bytes = after - with_bundle;
            memory.push((n, bundle_bytes, matcher_bytes, one_build));

            let mut group = c.benchmark_group(format!("scale/{n}"));
            group.bench_with_input(BenchmarkId::new("build", n), &bundle, |b, bundle| {
                b.iter_batched(
                    || bundle.clone(),
                    |bundle| Matcher::new(black_box(bundle)),
                    BatchSize::LargeInput,
                )
            });
            let own = bundle.claims[n / 2].text.it.clone();
            let queries = QUERIES
                .iter()
                .map(|&(name, text)| (name, text.to_owned()))
                .chain([("own_claim", own)]);
            for (name, text) in queries {
                group.bench_with_input(BenchmarkId::new(name, n), &text, |b, text| {
                    b.iter(|| matcher.check(black_box(text)))
                });
            }
            group.finish();
        }
        c.final_summary();
        println!();
        println!("Heap held (counting allocator), seed {SEED:#x}:");
        println!();
        println!("| claims | bundle | matcher (bundle + index) | per claim | one build |");
        println!("|---:|---:|---:|---:|---:|");
        for (n, bundle, matcher, build) in memory {
            println!(
                "| {n} | {:.1} MiB | {:.1} MiB | {:.0} B | {:.0} ms |",
                mib(bundle),
                mib(matcher),
                matcher as f64 / n as f64,
                build.as_secs_f64() * 1000.0
            );
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

// The benchmarks are native; clippy for wasm32 still builds this target.
#[cfg(target_arch = "wasm32")]
fn main() {}
