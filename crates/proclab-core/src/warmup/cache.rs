//! One CPU's cache in the `warmup` model (OSTEP `multi.py`).
//!
//! The cache holds the working sets of the jobs it is warm for, most recently warmed first, as
//! long as their sum fits its size. A job that starts running on a CPU whose cache is neither
//! warm nor warming for it starts warming there with `warmup_time` ticks to go; each tick it runs
//! there counts one down (a count survives the job running elsewhere meanwhile); when it reaches 0
//! the job's working set enters at the front, and while the sum exceeds the size the job at the
//! back leaves and starts warming again from `warmup_time`. A working set larger than the whole
//! cache evicts itself at once, so that job is never warm.

use alloc::vec;
use alloc::vec::Vec;

/// One CPU's warm and warming jobs (process indices).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct WarmCache {
    size: u64,
    warmup_time: u64,
    /// Jobs the cache is warm for, most recently warmed first.
    warm: Vec<u32>,
    /// Ticks each job still has to run here before the cache is warm for it, for the jobs
    /// warming here.
    warming: Vec<Option<u64>>,
}

impl WarmCache {
    pub(super) fn new(size: u64, warmup_time: u64, jobs: usize) -> WarmCache {
        WarmCache {
            size,
            warmup_time,
            warm: Vec::new(),
            warming: vec![None; jobs],
        }
    }

    /// True when the cache holds `job`'s working set.
    pub(super) fn is_warm(&self, job: u32) -> bool {
        self.warm.contains(&job)
    }

    /// The jobs the cache is warm for, most recently warmed first.
    pub(super) fn warm_jobs(&self) -> &[u32] {
        &self.warm
    }

    /// The jobs warming here and the ticks each still has to run here, by job index.
    pub(super) fn warming_jobs(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        self.warming
            .iter()
            .enumerate()
            .filter_map(|(job, left)| left.map(|left| (job as u32, left)))
    }

    /// `job` is put on this CPU: unless the cache is warm or warming for it, it starts warming
    /// (with a warm-up time of 0 it is warm at once).
    pub(super) fn start(&mut self, job: u32, working_sets: &[u64]) {
        if self.is_warm(job) || self.warming[job as usize].is_some() {
            return;
        }
        if self.warmup_time == 0 {
            self.warm.insert(0, job);
            self.evict(working_sets);
        } else {
            self.warming[job as usize] = Some(self.warmup_time);
        }
    }

    /// `job` ran one tick here: one tick less to warm, and warm when none is left.
    pub(super) fn ran(&mut self, job: u32, working_sets: &[u64]) {
        let Some(left) = self.warming[job as usize] else {
            return;
        };
        let left = left.saturating_sub(1);
        if left == 0 {
            self.warming[job as usize] = None;
            self.warm.insert(0, job);
            self.evict(working_sets);
        } else {
            self.warming[job as usize] = Some(left);
        }
    }

    /// While the warm working sets exceed the size, the one at the back leaves and warms again.
    fn evict(&mut self, working_sets: &[u64]) {
        let mut total: u64 = self
            .warm
            .iter()
            .map(|job| working_sets[*job as usize])
            .sum();
        while total > self.size {
            let Some(gone) = self.warm.pop() else {
                break;
            };
            total -= working_sets[gone as usize];
            self.warming[gone as usize] = Some(self.warmup_time);
        }
    }
}
