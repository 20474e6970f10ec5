//! PCG32 (O'Neill's `pcg32`, XSH-RR 64/32): a small, named, value-stable random generator.
//!
//! The same seed gives the same numbers on every platform and in every version of ProcLab;
//! a test pins the first outputs against the reference implementation's published values.

/// The PCG32 generator: 64-bit LCG state, 32-bit permuted output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcg32 {
    state: u64,
    increment: u64,
}

const MULTIPLIER: u64 = 6_364_136_223_846_793_005;

impl Pcg32 {
    /// Seeds the generator exactly like `pcg32_srandom(initstate, initseq)`.
    pub fn new(seed: u64, stream: u64) -> Pcg32 {
        let mut rng = Pcg32 {
            state: 0,
            increment: (stream << 1) | 1,
        };
        rng.next_u32();
        rng.state = rng.state.wrapping_add(seed);
        rng.next_u32();
        rng
    }

    /// The next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        let old = self.state;
        self.state = old.wrapping_mul(MULTIPLIER).wrapping_add(self.increment);
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        let rotation = (old >> 59) as u32;
        xorshifted.rotate_right(rotation)
    }

    /// The next 64 random bits (high word first).
    pub fn next_u64(&mut self) -> u64 {
        let high = u64::from(self.next_u32());
        let low = u64::from(self.next_u32());
        (high << 32) | low
    }

    /// A uniform number in `0..bound` (unbiased, by rejection); 0 if `bound` is 0.
    pub fn below(&mut self, bound: u64) -> u64 {
        if bound == 0 {
            return 0;
        }
        if bound <= u64::from(u32::MAX) {
            let bound32 = bound as u32;
            let threshold = bound32.wrapping_neg() % bound32;
            loop {
                let value = self.next_u32();
                if value >= threshold {
                    return u64::from(value % bound32);
                }
            }
        }
        let threshold = bound.wrapping_neg() % bound;
        loop {
            let value = self.next_u64();
            if value >= threshold {
                return value % bound;
            }
        }
    }

    /// A uniform number in `low..=high` (`low` if the range is empty).
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        if high <= low {
            return low;
        }
        low + self.below(high - low + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::Pcg32;

    #[test]
    fn matches_the_reference_pcg32_demo_output() {
        // pcg32-demo from the PCG reference C implementation: seed 42, sequence 54.
        let mut rng = Pcg32::new(42, 54);
        let first: [u32; 6] = core::array::from_fn(|_| rng.next_u32());
        assert_eq!(
            first,
            [0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e]
        );
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = Pcg32::new(7, 1);
        for bound in 1..200u64 {
            assert!(rng.below(bound) < bound);
        }
        assert!(rng.below(u64::MAX - 3) < u64::MAX - 3);
    }
}
