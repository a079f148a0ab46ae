//! One small sort for the whole crate.
//!
//! Every `sort_unstable` of a new element type ships its own copy of the
//! standard library's pattern-defeating quicksort (2 to 3.5 KB of wasm each,
//! with its small-sort and heapsort helpers). The sorts here share one
//! heapsort that sees the items only through a table of two methods, so a
//! new element type costs two tiny functions. Heapsort is unstable and
//! O(n log n) in the worst case, which is all validation and indexing need.

/// What the heapsort sees of the items it sorts: positions `0..len`.
trait Table {
    fn less(&self, a: usize, b: usize) -> bool;
    fn swap(&mut self, a: usize, b: usize);
}

/// Moves the item at `root` down the max-heap held in `0..end`.
fn sift_down(table: &mut dyn Table, mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && table.less(child, child + 1) {
            child += 1;
        }
        if !table.less(root, child) {
            return;
        }
        table.swap(root, child);
        root = child;
    }
}

fn heapsort(table: &mut dyn Table, len: usize) {
    for root in (0..len / 2).rev() {
        sift_down(table, root, len);
    }
    for end in (1..len).rev() {
        table.swap(0, end);
        sift_down(table, 0, end);
    }
}

/// Moves the first item of each run of equal items of a sorted table to
/// the front, in order; returns how many there are.
fn dedup(table: &mut dyn Table, len: usize) -> usize {
    let mut kept = usize::from(len > 0);
    for i in 1..len {
        // Sorted: the item is new when the last one kept is less.
        if table.less(kept - 1, i) {
            table.swap(kept, i);
            kept += 1;
        }
    }
    kept
}

struct Slice<'a, T, F> {
    items: &'a mut [T],
    less: F,
}

impl<T, F: Fn(&T, &T) -> bool> Table for Slice<'_, T, F> {
    fn less(&self, a: usize, b: usize) -> bool {
        (self.less)(&self.items[a], &self.items[b])
    }

    fn swap(&mut self, a: usize, b: usize) {
        self.items.swap(a, b);
    }
}

/// Sorts `items` so that no item is `less` than the one before it
/// (unstable: equal items may come in any order).
pub fn sort_by<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let len = items.len();
    heapsort(&mut Slice { items, less }, len);
}

/// Sorts `items` in ascending order (unstable).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, |a, b| a < b);
}

/// Sorts `items` in ascending order and drops repeats, keeping the first
/// of each: `sort` then `Vec::dedup`, through the same table, so that a
/// new element type costs no `dedup` of its own.
pub fn sort_unique<T: Ord>(items: &mut Vec<T>) {
    let len = items.len();
    let mut table = Slice {
        items: &mut items[..],
        less: |a: &T, b: &T| a < b,
    };
    heapsort(&mut table, len);
    let kept = dedup(&mut table, len);
    items.truncate(kept);
}

/// Where the keys starting with each byte lie in a sorted list, so that
/// looking a key up searches only the keys sharing its first byte: a few
/// comparisons instead of a dozen, for no hash table code in the wasm.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstBytes(Vec<u32>);

/// A key's bucket: 0 for the empty key, else its first byte plus one (the
/// order of sorted keys).
fn bucket(key: &str) -> usize {
    key.as_bytes().first().map_or(0, |&b| usize::from(b) + 1)
}

impl FirstBytes {
    /// The index of `keys`, which must be sorted.
    pub fn new<'a>(keys: impl Iterator<Item = &'a str>) -> FirstBytes {
        // Entry k + 1 counts bucket k's keys, then the running sum makes
        // entry k where bucket k begins.
        let mut starts = vec![0u32; 258];
        for key in keys {
            starts[bucket(key) + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        FirstBytes(starts)
    }

    /// The positions of the keys sharing `key`'s first byte (none before
    /// the index is built).
    pub fn range(&self, key: &str) -> std::ops::Range<usize> {
        let b = bucket(key);
        match (self.0.get(b), self.0.get(b + 1)) {
            (Some(&from), Some(&to)) => from as usize..to as usize,
            _ => 0..0,
        }
    }
}

/// A set of words that never changes once built: a sorted list searched by
/// halves among the words sharing the first byte. Smaller in the wasm than
/// a hash set of strings (no hash table code), and about as fast for the
/// few hundred words of a lexicon list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordSet {
    words: Vec<String>,
    first: FirstBytes,
}

impl WordSet {
    /// The set of `words` (repeats kept once).
    pub fn new(mut words: Vec<String>) -> WordSet {
        sort_unique(&mut words);
        let first = FirstBytes::new(words.iter().map(String::as_str));
        WordSet { words, first }
    }

    /// Whether `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        let range = self.first.range(word);
        self.words
            .get(range)
            .is_some_and(|w| w.binary_search_by(|w| w.as_str().cmp(word)).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library() {
        // A small deterministic generator: no dev-dependency for this.
        let mut x = 0x2545_f491_u32;
        for len in [0, 1, 2, 3, 5, 8, 31, 100, 1000] {
            let mut items: Vec<u32> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    x % 50
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_unstable();
            let mut unique = items.clone();
            sort(&mut items);
            assert_eq!(items, expected, "{len} items");
            expected.dedup();
            sort_unique(&mut unique);
            assert_eq!(unique, expected, "{len} items, unique");
        }
        let set = WordSet::new(
            ["ma", "but", "ma", "", "é", "zz", "a"]
                .map(String::from)
                .to_vec(),
        );
        for w in ["ma", "but", "", "é", "zz", "a"] {
            assert!(set.contains(w), "{w:?}");
        }
        for w in ["m", "mad", "b", "z", "e", "aa"] {
            assert!(!set.contains(w), "{w:?}");
        }
        assert!(!WordSet::default().contains("ma"));
        let mut words = vec!["truppe", "", "Macron", "alleati", "alleati", "é"];
        sort_by(&mut words, |a, b| b < a);
        assert_eq!(words, ["é", "truppe", "alleati", "alleati", "Macron", ""]);
    }
}
