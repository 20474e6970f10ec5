//! Priority scheduling, non-preemptive or preemptive, with optional aging.
//!
//! Rank = the priority number when lower is higher (the default), else `MAX_PRIORITY - number`.
//! Aging: a ready thread's rank improves by one step for every `aging_every` ticks it has waited
//! since it last entered the ready queue (never past the top). The running thread does not age:
//! it keeps the rank it was dispatched with; when it re-enters the ready queue it starts again
//! from its base priority. Preemption needs a strictly better rank.

use alloc::collections::{BTreeMap, BinaryHeap, VecDeque};
use alloc::vec::Vec;
use core::cmp::Reverse;

use super::{sorted_heap, HeapKey};
use crate::engine::Task;
use crate::scenario::MAX_PRIORITY;

#[derive(Clone, Debug)]
pub(crate) struct Priority {
    preemptive: bool,
    aging_every: Option<u64>,
    lower_is_higher: bool,
    /// Used without aging: ranks never change while ready.
    heap: BinaryHeap<HeapKey>,
    /// Used with aging: ready threads grouped by base rank, each group in ready-entry order.
    /// Inside a group the head has waited longest, so it has the best aged rank; a choice only
    /// compares the group heads.
    groups: BTreeMap<u64, VecDeque<u32>>,
    count: usize,
}

impl Priority {
    pub(crate) fn new(
        preemptive: bool,
        aging_every: Option<u64>,
        lower_is_higher: bool,
    ) -> Priority {
        Priority {
            preemptive,
            aging_every,
            lower_is_higher,
            heap: BinaryHeap::new(),
            groups: BTreeMap::new(),
            count: 0,
        }
    }

    pub(crate) fn preemptive(&self) -> bool {
        self.preemptive
    }

    /// True if aging is on and can cause preemptions.
    pub(crate) fn ages(&self) -> bool {
        self.preemptive && self.aging_every.is_some()
    }

    fn base_rank(&self, task: &Task) -> u64 {
        let number = u64::from(task.priority);
        if self.lower_is_higher {
            number
        } else {
            u64::from(MAX_PRIORITY).saturating_sub(number)
        }
    }

    /// Rank of a ready thread at `now`, aging included.
    pub(crate) fn rank_at(&self, task: &Task, now: u64) -> u64 {
        let base = self.base_rank(task);
        match self.aging_every {
            Some(period) => base.saturating_sub(now.saturating_sub(task.ready_since) / period),
            None => base,
        }
    }

    /// A running thread keeps the rank it was dispatched with (aged or not).
    pub(crate) fn running_rank(&self, task: &Task) -> u64 {
        task.run_rank
    }

    pub(crate) fn enqueue(&mut self, tasks: &[Task], index: u32) {
        let task = &tasks[index as usize];
        let base = self.base_rank(task);
        if self.aging_every.is_some() {
            let group = self.groups.entry(base).or_default();
            // Keep entry order (almost always an append).
            let position = group
                .iter()
                .rposition(|other| tasks[*other as usize].seq < task.seq)
                .map_or(0, |position| position + 1);
            group.insert(position, index);
            self.count += 1;
        } else {
            self.heap.push(Reverse((base, task.seq, index)));
        }
    }

    /// The base rank of the group whose head is the best ready thread, and that rank.
    fn best_group(&self, tasks: &[Task], now: u64) -> Option<(u64, u64)> {
        self.groups
            .iter()
            .filter_map(|(base, group)| {
                let head = &tasks[*group.front()? as usize];
                Some((self.rank_at(head, now), head.seq, *base))
            })
            .min()
            .map(|(rank, _, base)| (base, rank))
    }

    pub(crate) fn pick(&mut self, tasks: &[Task], now: u64) -> Option<u32> {
        if self.aging_every.is_some() {
            let (base, _) = self.best_group(tasks, now)?;
            let group = self.groups.get_mut(&base)?;
            let index = group.pop_front();
            if group.is_empty() {
                self.groups.remove(&base);
            }
            self.count -= usize::from(index.is_some());
            index
        } else {
            self.heap.pop().map(|key| key.0 .2)
        }
    }

    pub(crate) fn best_rank(&self, tasks: &[Task], now: u64) -> Option<u64> {
        if self.aging_every.is_some() {
            self.best_group(tasks, now).map(|(_, rank)| rank)
        } else {
            self.heap.peek().map(|key| key.0 .0)
        }
    }

    /// The first instant after `now` at which some ready thread ages to a rank strictly better
    /// than `running` (only group heads can be first).
    pub(crate) fn next_aging(&self, tasks: &[Task], now: u64, running: Option<u64>) -> Option<u64> {
        let period = self.aging_every?;
        let running = running?;
        if !self.preemptive || running == 0 {
            return None;
        }
        self.groups
            .iter()
            .filter_map(|(base, group)| {
                let head = &tasks[*group.front()? as usize];
                if *base < running {
                    return None;
                }
                let steps = base - running + 1;
                let at = head
                    .ready_since
                    .saturating_add(steps.saturating_mul(period));
                (at > now).then_some(at)
            })
            .min()
    }

    pub(crate) fn list(&self, tasks: &[Task], now: u64) -> Vec<u32> {
        if self.aging_every.is_some() {
            let mut order: Vec<u32> = self.groups.values().flatten().copied().collect();
            order.sort_by_key(|index| {
                let task = &tasks[*index as usize];
                (self.rank_at(task, now), task.seq)
            });
            order
        } else {
            sorted_heap(&self.heap)
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.heap.len() + self.count
    }
}
