//! Shared by the test files that declare `mod common;`.

/// A seeded linear congruential generator (Knuth's MMIX constants): the
/// same sequence on every run, and no dependency for it.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}
