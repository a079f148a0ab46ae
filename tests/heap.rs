//! The wasm32 build's allocator (src/heap.rs) in a real page: blocks of
//! every size keep their contents and alignment, freed blocks are reused,
//! and the same work done again and again leaves memory the size it was,
//! as a widget checking selection after selection needs.
#![cfg(target_arch = "wasm32")]

use core::arch::wasm32;
use fonte::claims::Bundle;
use fonte::data::BUNDLED_SOURCE;
use fonte::Matcher;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// WebAssembly pages (64 KiB) of linear memory: it only ever grows.
fn pages() -> usize {
    wasm32::memory_size(0)
}

/// xorshift32: the same sizes on every run, without a dependency.
struct Rng(u32);

impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }

    fn below(&mut self, n: u32) -> usize {
        (self.next() % n) as usize
    }
}

#[repr(align(64))]
struct Align64([u8; 100]);

#[repr(align(4096))]
struct Align4096([u8; 10]);

/// One live allocation of each kind, filled with a byte of its own.
enum Block {
    Bytes(Vec<u8>, u8),
    Words(Vec<u64>, u8),
    Line(Box<Align64>, u8),
    Page(Box<Align4096>, u8),
}

impl Block {
    fn new(rng: &mut Rng, mark: u8) -> Block {
        match rng.below(16) {
            0 => Block::Line(Box::new(Align64([mark; 100])), mark),
            1 => Block::Page(Box::new(Align4096([mark; 10])), mark),
            // Now and then one larger than a page.
            2 => Block::Bytes(vec![mark; 65_536 + rng.below(200_000)], mark),
            3..=8 => Block::Words(vec![u64::from(mark); 1 + rng.below(600)], mark),
            _ => Block::Bytes(vec![mark; 1 + rng.below(3000)], mark),
        }
    }

    /// Panics when another block was handed the same bytes, or the block is
    /// not aligned as its type asks.
    fn check(&self) {
        match self {
            Block::Bytes(v, m) => assert!(v.iter().all(|b| b == m), "bytes overwritten"),
            Block::Words(v, m) => {
                assert_eq!(v.as_ptr() as usize % 8, 0);
                assert!(v.iter().all(|&w| w == u64::from(*m)), "words overwritten");
            }
            Block::Line(b, m) => {
                assert_eq!(&**b as *const Align64 as usize % 64, 0);
                assert!(b.0.iter().all(|x| x == m), "64-aligned block overwritten");
            }
            Block::Page(b, m) => {
                assert_eq!(&**b as *const Align4096 as usize % 4096, 0);
                assert!(b.0.iter().all(|x| x == m), "4096-aligned block overwritten");
            }
        }
    }

    /// Grows or shrinks the vectors (`realloc`), keeping their contents.
    fn resize(&mut self, rng: &mut Rng) {
        match self {
            Block::Bytes(v, m) => {
                v.resize(1 + rng.below(5000), *m);
                v.shrink_to_fit();
            }
            Block::Words(v, m) => {
                let more = rng.below(300);
                v.extend(std::iter::repeat_n(u64::from(*m), more));
                if rng.below(2) == 0 {
                    v.truncate(1 + v.len() / 3);
                    v.shrink_to_fit();
                }
            }
            Block::Line(..) | Block::Page(..) => {}
        }
    }
}

/// A few thousand allocations, resizes and frees in a shuffled order, up to
/// about 300 live at once; every live block is checked as it goes.
fn churn(seed: u32) {
    let mut rng = Rng(seed);
    let mut live: Vec<Block> = Vec::new();
    for step in 0..3000u32 {
        match rng.below(10) {
            0..=4 => live.push(Block::new(&mut rng, (step % 251) as u8 + 1)),
            5 | 6 if !live.is_empty() => {
                let i = rng.below(live.len() as u32);
                live[i].resize(&mut rng);
                live[i].check();
            }
            _ if !live.is_empty() => {
                let i = rng.below(live.len() as u32);
                live.swap_remove(i).check();
            }
            _ => {}
        }
        if live.len() > 300 {
            live.swap_remove(rng.below(300)).check();
        }
        if step % 500 == 0 {
            live.iter().for_each(Block::check);
        }
    }
    live.iter().for_each(Block::check);
}

#[wasm_bindgen_test]
fn blocks_keep_their_contents_and_alignment() {
    churn(0x2545_f491);
    churn(0x9e37_79b9);
}

#[wasm_bindgen_test]
fn a_freed_block_is_reused() {
    for size in [1, 7, 8, 9, 24, 100, 1000, 4096, 70_000, 300_000] {
        let first = vec![1u8; size];
        let at = first.as_ptr();
        drop(first);
        let second = vec![2u8; size];
        assert_eq!(
            second.as_ptr(),
            at,
            "{size} bytes freed, then asked for again"
        );
    }
}

#[wasm_bindgen_test]
fn reused_memory_is_zeroed_when_asked() {
    for size in [16, 1000, 100_000] {
        drop(vec![0xffu8; size]);
        // `vec![0; n]` asks the allocator for zeroed memory.
        assert!(vec![0u8; size].iter().all(|&b| b == 0), "{size} bytes");
    }
}

#[wasm_bindgen_test]
fn the_same_work_again_does_not_grow_memory() {
    // Each round allocates megabytes in all and frees it all: an allocator
    // that did not reuse what it freed would grow memory every round.
    churn(7);
    let after_first = pages();
    for _ in 0..30 {
        churn(7);
    }
    assert_eq!(pages(), after_first, "pages after 1 round, then after 31");
}

#[wasm_bindgen_test]
fn checking_selections_again_does_not_grow_memory() {
    // The selections: every claim's texts and quote, and every sentence of
    // the report, about 200 checks a round.
    let bundle = Bundle::bundled();
    let mut texts: Vec<String> = Vec::new();
    for claim in &bundle.claims {
        texts.extend([&claim.text.it, &claim.text.en, &claim.quote.text].map(String::clone));
    }
    // `sentences` gives spans in chars.
    let chars: Vec<char> = BUNDLED_SOURCE.chars().collect();
    texts.extend(
        fonte::normalize::sentences(BUNDLED_SOURCE)
            .into_iter()
            .map(|(s, e)| chars[s..e].iter().collect::<String>()),
    );
    let matcher = Matcher::bundled();
    let round = || {
        for text in &texts {
            let json = matcher.check(text).to_json();
            assert!(json.starts_with('{'), "{json}");
        }
    };
    round();
    let after_first = pages();
    for _ in 0..10 {
        round();
    }
    assert_eq!(
        pages(),
        after_first,
        "pages after 1 round of checks, then after 11"
    );
}
