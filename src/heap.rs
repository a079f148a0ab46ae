//! The wasm32 build's global allocator: free lists of power-of-two blocks.
//!
//! Rust's default allocator on wasm32 is dlmalloc, several KB of the shipped
//! wasm (issue 5); this one made the shipped files 2.3 KB gzipped smaller
//! and a check in Node 6 % faster, with byte-identical results on all dev
//! selections. Fonte's heap has two lives: the index, built once and
//! kept, and the short-lived words, terms and JSON of each check, made and
//! dropped again for every selection a reader makes. Both fit an allocator
//! far simpler than dlmalloc that still reuses every byte it frees:
//!
//! - every request is rounded up to a block of 2^k bytes (k ≥ 3), aligned
//!   to its own size, so a block of class k fits every request of class k
//!   whatever its alignment;
//! - each class keeps a free list, linked through the first word of its free
//!   blocks: freeing pushes, allocating pops, both in constant time;
//! - when a list is empty the block is cut from the top of memory, grown a
//!   page at a time; the bytes skipped to align it go to the free lists;
//! - `realloc` is the trait's own: a new block, a copy, a free. Keeping a
//!   vector in place while it stays in its class saved no measurable time.
//!
//! Blocks are never split or merged, so a class holds as much memory as it
//! ever held live at once, plus up to half of it lost to rounding. That is
//! the right trade for a page that checks the same kinds of selection again
//! and again: memory stops growing after the largest check
//! (tests/heap.rs checks both that blocks are reused and that repeated
//! checks leave memory as it was).
//!
//! Only for wasm32 without the `atomics` feature, where there is one thread
//! and this module's `unsafe` is sound; other targets keep their system's
//! allocator, and a threaded wasm32 build keeps dlmalloc.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr;

/// The WebAssembly page, the unit `memory.grow` counts in.
const PAGE: usize = 64 * 1024;
/// The smallest class: an 8-byte block holds the free list's link and has
/// wasm32's usual largest alignment.
const MIN_CLASS: u32 = 3;
/// One free list per possible class; class 31 is a 2 GiB block.
const CLASSES: usize = usize::BITS as usize;

/// The allocator's state, behind the single `UnsafeCell` of [`Heap`].
struct Blocks {
    /// Address of the first free block of each class, 0 when none is free
    /// (address 0 is never handed out: it lies in the stack or static data).
    free: [usize; CLASSES],
    /// Start of the memory that no block has used yet.
    next: usize,
    /// End of the memory this allocator grew; `next..end` is unused.
    end: usize,
}

/// The global allocator of the wasm32 build.
struct Heap(UnsafeCell<Blocks>);

// SAFETY: without the `atomics` target feature (see the `mod` line in
// lib.rs) a wasm32 module runs on one thread, so the `&mut Blocks` that
// each method takes from the `UnsafeCell` is the only one at any time: no
// method allocates or calls out while it holds it.
unsafe impl Sync for Heap {}

#[global_allocator]
static HEAP: Heap = Heap(UnsafeCell::new(Blocks {
    free: [0; CLASSES],
    next: 0,
    end: 0,
}));

/// The class of the block that serves `size` bytes at `align`: the binary
/// logarithm of the smallest power of two at least as large as both.
fn class(size: usize, align: usize) -> usize {
    let n = size.max(align).max(1 << MIN_CLASS);
    // A `Layout` keeps `size` within isize::MAX, so this is at most 31.
    (usize::BITS - (n - 1).leading_zeros()) as usize
}

impl Blocks {
    /// Puts the block at `addr`, of `1 << k` bytes, on its free list.
    ///
    /// # Safety
    /// `addr..addr + (1 << k)` is heap memory that nothing else uses, aligned
    /// to `1 << k`, with `k >= MIN_CLASS`.
    unsafe fn push(&mut self, addr: usize, k: usize) {
        // SAFETY: the block is ours, aligned and big enough for a usize.
        unsafe { (addr as *mut usize).write(self.free[k]) };
        self.free[k] = addr;
    }

    /// Puts `lo..hi`, memory no block uses, on the free lists as the fewest
    /// blocks that are each aligned to their size.
    ///
    /// # Safety
    /// `lo..hi` is heap memory that nothing else uses, `lo` a multiple of 8.
    unsafe fn release(&mut self, mut lo: usize, hi: usize) {
        while hi - lo >= 1 << MIN_CLASS {
            // The largest block that `lo` is aligned to and that ends by `hi`.
            let k = lo
                .trailing_zeros()
                .min(usize::BITS - 1 - (hi - lo).leading_zeros());
            // SAFETY: `lo` is a multiple of `1 << k` and `lo + (1 << k) <= hi`.
            unsafe { self.push(lo, k as usize) };
            lo += 1 << k;
        }
    }

    /// A block of class `k`, or null when memory cannot grow.
    ///
    /// # Safety
    /// `MIN_CLASS <= k < CLASSES`.
    unsafe fn alloc(&mut self, k: usize) -> *mut u8 {
        let head = self.free[k];
        if head != 0 {
            // SAFETY: `head` is a free block of class k (see `push`), whose
            // first word links to the next one.
            self.free[k] = unsafe { (head as *const usize).read() };
            return head as *mut u8;
        }
        let size = 1usize << k;
        loop {
            let Some(start) = self.next.checked_add(size - 1).map(|n| n & !(size - 1)) else {
                return ptr::null_mut();
            };
            let Some(stop) = start.checked_add(size) else {
                return ptr::null_mut();
            };
            if stop <= self.end {
                // SAFETY: `next..start` is unused memory we grew, and `next`
                // is a multiple of 8 (a page start or the end of a block).
                unsafe { self.release(self.next, start) };
                self.next = stop;
                return start as *mut u8;
            }
            let pages = (stop - self.end).div_ceil(PAGE);
            let old = wasm32::memory_grow(0, pages);
            if old == usize::MAX {
                return ptr::null_mut();
            }
            let base = old * PAGE;
            if base != self.end {
                // Someone else grew memory since we last did (or this is the
                // first growth): our unused tail is not contiguous with the
                // new pages, so free it and carry on from them.
                // SAFETY: as above.
                unsafe { self.release(self.next, self.end) };
                self.next = base;
            }
            // Saturating: a memory of exactly 4 GiB ends past usize::MAX.
            self.end = base.saturating_add(pages * PAGE);
        }
    }
}

// SAFETY: blocks of class k are `1 << k` bytes aligned to `1 << k`, and
// `class` gives every layout a class at least as large as its size and its
// alignment; a block is on a free list only while no one holds it.
unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: one thread (see `Sync` above); `class` is in range.
        unsafe { (*self.0.get()).alloc(class(layout.size(), layout.align())) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` with this layout, so it is a block
        // of this class, and the caller no longer uses it.
        unsafe { (*self.0.get()).push(ptr as usize, class(layout.size(), layout.align())) }
    }
}
