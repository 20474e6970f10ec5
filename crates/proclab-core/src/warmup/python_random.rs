//! The random choices of `multi.py`'s peeking, drawn as Python's `random` module draws them.
//!
//! `multi.py` picks the queue an idle CPU peeks at with `random.choice`, seeded with `-s` (0 by
//! default). To agree with it tick by tick, this is the same generator: MT19937, seeded the way
//! CPython seeds it from an integer (`init_by_array` over the seed's 32-bit words), and a choice
//! among `n` drawn as CPython's `_randbelow` draws it (the fewest bits that hold `n - 1`, drawn
//! again while the value is `n` or more). Written from the published algorithm (Matsumoto and
//! Nishimura, 1998) and CPython's documented seeding; pinned against Python's own outputs in
//! `tests/warmup_reference.rs`.

use alloc::vec::Vec;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// Python's `random.Random(seed)`, as far as `multi.py` uses it.
#[derive(Clone, Debug)]
pub struct PythonRandom {
    state: Vec<u32>,
    index: usize,
}

impl PythonRandom {
    /// `random.seed(seed)` for a non-negative integer seed.
    pub fn new(seed: u64) -> PythonRandom {
        let mut random = PythonRandom {
            state: alloc::vec![0; N],
            index: N,
        };
        random.init_genrand(19_650_218);
        let low = seed as u32;
        let high = (seed >> 32) as u32;
        if high == 0 {
            random.init_by_array(&[low]);
        } else {
            random.init_by_array(&[low, high]);
        }
        random
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let previous = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        let mut i = 1;
        let mut j = 0;
        for _ in 0..N.max(key.len()) {
            let previous = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let previous = self.state[i - 1];
            self.state[i] = (self.state[i]
                ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
            .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        for k in 0..N {
            let y = (self.state[k] & UPPER_MASK) | (self.state[(k + 1) % N] & LOWER_MASK);
            let mut next = self.state[(k + M) % N] ^ (y >> 1);
            if y & 1 != 0 {
                next ^= MATRIX_A;
            }
            self.state[k] = next;
        }
        self.index = 0;
    }

    /// The next 32 random bits (`random.getrandbits(32)`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// A uniform index below `n`, as `random.choice` draws it for a list of `n` (`n` of 0 is
    /// taken as 1).
    pub fn below(&mut self, n: u32) -> u32 {
        let n = n.max(1);
        let bits = 32 - n.leading_zeros();
        loop {
            let value = self.next_u32() >> (32 - bits);
            if value < n {
                return value;
            }
        }
    }
}
