//! Highest response ratio next: R = (W + S) / S, non-preemptive.
//!
//! W is the time waited in the ready queue since the thread last became ready, S its next CPU
//! burst. Ratios are compared by cross-multiplying integers (`u128`), never as floats; equal
//! ratios go to the earlier ready-queue entry.
//!
//! Threads that became ready at the same tick share W, so among them the shortest burst has the
//! highest ratio: ready threads are grouped by the tick they became ready, each group a min-heap
//! by (S, entry), and a choice compares only the group heads. (A group with W = 0 has ratio 1
//! for every thread: there the earliest entry wins; such a group is chosen only when it is alone.)

use alloc::collections::{BTreeMap, BinaryHeap};
use alloc::vec::Vec;
use core::cmp::Reverse;

use super::HeapKey;
use crate::task::{Task, ThreadIx};

#[derive(Clone, Debug)]
pub(crate) struct Hrrn {
    groups: BTreeMap<u64, BinaryHeap<HeapKey>>,
    count: usize,
}

/// True if ratio (wa + sa) / sa is strictly greater than (wb + sb) / sb.
fn higher_ratio(wait_a: u64, burst_a: u64, wait_b: u64, burst_b: u64) -> bool {
    (u128::from(wait_a) + u128::from(burst_a)) * u128::from(burst_b)
        > (u128::from(wait_b) + u128::from(burst_b)) * u128::from(burst_a)
}

impl Hrrn {
    pub(crate) fn new() -> Hrrn {
        Hrrn {
            groups: BTreeMap::new(),
            count: 0,
        }
    }

    pub(crate) fn enqueue(&mut self, tasks: &[Task], index: ThreadIx) {
        let task = &tasks[index];
        self.groups
            .entry(task.ready_since)
            .or_default()
            .push(Reverse((task.left, task.seq, index)));
        self.count += 1;
    }

    /// The ready-since tick of the group whose head has the highest ratio (earliest entry on ties).
    fn best(&self, now: u64) -> Option<u64> {
        let mut best: Option<(u64, u64, u64, u64)> = None;
        for (since, heap) in &self.groups {
            let Some(Reverse((burst, seq, _))) = heap.peek() else {
                continue;
            };
            let wait = now.saturating_sub(*since);
            let better = match best {
                None => true,
                Some((_, best_wait, best_burst, best_seq)) => {
                    higher_ratio(wait, *burst, best_wait, best_burst)
                        || (!higher_ratio(best_wait, best_burst, wait, *burst) && *seq < best_seq)
                }
            };
            if better {
                best = Some((*since, wait, *burst, *seq));
            }
        }
        best.map(|found| found.0)
    }

    pub(crate) fn pick(&mut self, now: u64) -> Option<ThreadIx> {
        let since = self.best(now)?;
        let heap = self.groups.get_mut(&since)?;
        let index = if since == now {
            // W = 0: every ratio is exactly 1, so the earliest entry wins, whatever its burst.
            let mut entries = core::mem::take(heap).into_vec();
            let position = entries
                .iter()
                .enumerate()
                .min_by_key(|(_, key)| key.0 .1)
                .map(|(position, _)| position);
            let index = position.map(|position| entries.swap_remove(position).0 .2);
            *heap = BinaryHeap::from(entries);
            index
        } else {
            heap.pop().map(|key| key.0 .2)
        };
        if heap.is_empty() {
            self.groups.remove(&since);
        }
        self.count -= usize::from(index.is_some());
        index
    }

    /// Every ready thread, highest ratio first (earliest entry first among equal ratios).
    pub(crate) fn list(&self, now: u64) -> Vec<ThreadIx> {
        let mut entries: Vec<(u64, u64, u64, ThreadIx)> = self
            .groups
            .iter()
            .flat_map(|(since, heap)| {
                let wait = now.saturating_sub(*since);
                heap.iter()
                    .map(move |key| (wait, key.0 .0, key.0 .1, key.0 .2))
            })
            .collect();
        entries.sort_by(|a, b| {
            let left = (u128::from(b.0) + u128::from(b.1)) * u128::from(a.1);
            let right = (u128::from(a.0) + u128::from(a.1)) * u128::from(b.1);
            left.cmp(&right).then(a.2.cmp(&b.2))
        });
        entries.into_iter().map(|entry| entry.3).collect()
    }

    pub(crate) fn len(&self) -> usize {
        self.count
    }
}
