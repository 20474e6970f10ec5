//! Highest response ratio next: R = (W + S) / S, non-preemptive.
//!
//! W is the time waited in the ready queue since the thread last became ready, S its next CPU
//! burst. Ratios are compared by cross-multiplying integers (`u128`), never as floats; equal
//! ratios go to the earlier ready-queue entry.

use alloc::vec::Vec;

use crate::engine::Task;

#[derive(Clone, Debug)]
pub(crate) struct Hrrn {
    ready: Vec<u32>,
}

/// True if ratio (wa + sa) / sa is strictly greater than (wb + sb) / sb.
fn higher_ratio(wait_a: u64, burst_a: u64, wait_b: u64, burst_b: u64) -> bool {
    (u128::from(wait_a) + u128::from(burst_a)) * u128::from(burst_b)
        > (u128::from(wait_b) + u128::from(burst_b)) * u128::from(burst_a)
}

impl Hrrn {
    pub(crate) fn new() -> Hrrn {
        Hrrn { ready: Vec::new() }
    }

    pub(crate) fn enqueue(&mut self, index: u32) {
        self.ready.push(index);
    }

    /// Position in `ready` of the thread with the highest ratio (first entry wins ties).
    fn best(&self, tasks: &[Task], now: u64) -> Option<usize> {
        let mut best: Option<(usize, u64, u64, u64)> = None;
        for (position, index) in self.ready.iter().enumerate() {
            let task = &tasks[*index as usize];
            let wait = now.saturating_sub(task.ready_since);
            let better = match best {
                None => true,
                Some((_, best_wait, best_burst, best_seq)) => {
                    higher_ratio(wait, task.left, best_wait, best_burst)
                        || (!higher_ratio(best_wait, best_burst, wait, task.left)
                            && task.seq < best_seq)
                }
            };
            if better {
                best = Some((position, wait, task.left, task.seq));
            }
        }
        best.map(|found| found.0)
    }

    pub(crate) fn pick(&mut self, tasks: &[Task], now: u64) -> Option<u32> {
        let position = self.best(tasks, now)?;
        Some(self.ready.swap_remove(position))
    }

    pub(crate) fn list(&self, tasks: &[Task], now: u64) -> Vec<u32> {
        let mut copy = self.clone();
        let mut order = Vec::with_capacity(self.ready.len());
        while let Some(index) = copy.pick(tasks, now) {
            order.push(index);
        }
        order
    }

    pub(crate) fn len(&self) -> usize {
        self.ready.len()
    }
}
