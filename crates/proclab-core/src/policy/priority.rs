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
use crate::scenario::MAX_PRIORITY;
use crate::task::{PolicyState, Task, ThreadIx};

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
    groups: BTreeMap<u64, VecDeque<ThreadIx>>,
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

    fn base_rank(&self, thread: &PolicyState) -> u64 {
        let number = u64::from(thread.priority);
        if self.lower_is_higher {
            number
        } else {
            u64::from(MAX_PRIORITY).saturating_sub(number)
        }
    }

    /// Rank at `now` of a thread ready since `ready_since`, aging included.
    fn rank_at(&self, thread: &PolicyState, ready_since: u64, now: u64) -> u64 {
        let base = self.base_rank(thread);
        match self.aging_every {
            Some(period) => base.saturating_sub(now.saturating_sub(ready_since) / period),
            None => base,
        }
    }

    /// Rank of a ready thread at `now`, aging included.
    fn ready_rank(&self, task: &Task, now: u64) -> u64 {
        self.rank_at(&task.policy, task.ready_since, now)
    }

    /// The priority number aging has given `task` at `now`, as the policy compares it: a ready
    /// thread's aged from its base by its wait, a running one's as it was dispatched with. None
    /// without aging (the number is the base one) or for a thread neither ready nor running.
    pub(crate) fn aged_number(&self, task: &Task, now: u64) -> Option<u32> {
        self.aging_every?;
        let rank = match task.state {
            crate::ProcessState::Ready => self.ready_rank(task, now),
            crate::ProcessState::Running => task.policy.run_rank,
            _ => return None,
        };
        let number = if self.lower_is_higher {
            rank
        } else {
            u64::from(MAX_PRIORITY).saturating_sub(rank)
        };
        u32::try_from(number).ok()
    }

    /// The dispatched thread runs with its rank at `now` and no slice.
    pub(crate) fn on_dispatch(&self, thread: &mut PolicyState, ready_since: u64, now: u64) {
        thread.run_rank = self.rank_at(thread, ready_since, now);
        thread.quantum_left = None;
    }

    /// A running thread keeps the rank it was dispatched with (aged or not).
    pub(crate) fn running_rank(thread: &PolicyState) -> u64 {
        thread.run_rank
    }

    pub(crate) fn enqueue(&mut self, tasks: &[Task], index: ThreadIx) {
        let task = &tasks[index];
        let base = self.base_rank(&task.policy);
        if self.aging_every.is_some() {
            let group = self.groups.entry(base).or_default();
            // Keep entry order (almost always an append).
            let position = group
                .iter()
                .rposition(|other| tasks[*other].seq < task.seq)
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
                let head = &tasks[*group.front()?];
                Some((self.ready_rank(head, now), head.seq, *base))
            })
            .min()
            .map(|(rank, _, base)| (base, rank))
    }

    pub(crate) fn pick(&mut self, tasks: &[Task], now: u64) -> Option<ThreadIx> {
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
                let head = &tasks[*group.front()?];
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

    pub(crate) fn list(&self, tasks: &[Task], now: u64) -> Vec<ThreadIx> {
        if self.aging_every.is_some() {
            let mut order: Vec<ThreadIx> = self.groups.values().flatten().copied().collect();
            order.sort_by_key(|index| {
                let task = &tasks[*index];
                (self.ready_rank(task, now), task.seq)
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
