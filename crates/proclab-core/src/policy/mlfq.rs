//! Multilevel feedback queue (OSTEP rules 1-5): level 0 is the highest.
//!
//! A new thread enters level 0 with the level's quantum and allotment (counted in quanta).
//! Each time it uses up a whole quantum, one quantum of allotment is charged; when the allotment is
//! used up it is demoted one level (at the bottom it just gets a fresh allotment), however often it
//! gave up the CPU in between: the slice left over carries across I/O. With the old rules 4a/4b a
//! thread that blocks gets a fresh slice and allotment at its level (reset first, then the quantum
//! that may have ended at that very tick is charged, as OSTEP `mlfq.py -S` does).
//! A higher level preempts a lower one; a preempted thread stays at the head of its level with the
//! rest of its slice. With I/O bump a thread finishing I/O goes to the head of its level and takes
//! the CPU from a running thread of the same level. A boost moves every unfinished thread to the
//! top with a fresh slice and allotment.

use alloc::collections::VecDeque;
use alloc::vec;
use alloc::vec::Vec;

use super::{Entry, LevelChange};
use crate::spec::{BoostOrder, LevelSpec, MlfqSpec};
use crate::task::{PolicyState, Task, ThreadIx};

#[derive(Clone, Debug)]
pub(crate) struct Mlfq {
    levels: Vec<LevelSpec>,
    queues: Vec<VecDeque<ThreadIx>>,
    boost_period: Option<u64>,
    old_rules_4ab: bool,
    io_bump: bool,
    boost_order: BoostOrder,
    /// Threads put at the head of their level by an I/O bump, not yet dispatched.
    bumped: Vec<ThreadIx>,
}

impl Mlfq {
    pub(crate) fn new(spec: &MlfqSpec, boost_order: BoostOrder) -> Mlfq {
        Mlfq {
            levels: spec.levels.clone(),
            queues: vec![VecDeque::new(); spec.levels.len()],
            boost_period: spec.boost_period,
            old_rules_4ab: spec.old_rules_4ab,
            io_bump: spec.io_bump,
            boost_order,
            bumped: Vec::new(),
        }
    }

    /// Puts a thread at `level` with that level's full slice and allotment.
    fn fresh(&self, thread: &mut PolicyState, level: u32) {
        let spec = self.levels[level as usize];
        thread.level = level;
        thread.quantum_left = spec.quantum;
        thread.allotment_left = spec.allotment;
    }

    pub(crate) fn admit(&mut self, thread: &mut PolicyState) {
        self.fresh(thread, 0);
    }

    pub(crate) fn boost_period(&self) -> Option<u64> {
        self.boost_period
    }

    pub(crate) fn enqueue(&mut self, tasks: &[Task], index: ThreadIx, entry: Entry) {
        let level = tasks[index].policy.level as usize;
        match entry {
            // A preempted thread goes back to the head of its level, but behind threads bumped
            // ahead of it at this instant (in `mlfq.py` the runner never leaves its queue).
            Entry::Preempted => {
                let queue = &mut self.queues[level];
                let behind = queue
                    .iter()
                    .take_while(|queued| self.bumped.contains(queued))
                    .count();
                queue.insert(behind, index);
            }
            Entry::PutBack => self.queues[level].push_front(index),
            Entry::IoDone if self.io_bump => {
                self.queues[level].push_front(index);
                self.bumped.push(index);
            }
            _ => self.queues[level].push_back(index),
        }
    }

    pub(crate) fn pick(&mut self) -> Option<ThreadIx> {
        let level = self.queues.iter().position(|queue| !queue.is_empty())?;
        let index = self.queues[level].pop_front()?;
        self.bumped.retain(|bumped| *bumped != index);
        Some(index)
    }

    /// `2 * level + 1`, or `2 * level` for a bumped head: a bump beats a runner of its own level.
    pub(crate) fn best_rank(&self) -> Option<u64> {
        let level = self.queues.iter().position(|queue| !queue.is_empty())?;
        let head = self.queues[level][0];
        let bumped = self.bumped.contains(&head);
        Some(2 * level as u64 + u64::from(!bumped))
    }

    /// A bump only puts a thread ahead of the runner of its level at the instant it happens;
    /// afterwards it is just a thread at the head of its queue.
    pub(crate) fn end_of_instant(&mut self) {
        self.bumped.clear();
    }

    pub(crate) fn running_rank(thread: &PolicyState) -> u64 {
        2 * u64::from(thread.level) + 1
    }

    /// The slice is not renewed at a dispatch: it was set at admission, demotion or boost.
    pub(crate) fn on_dispatch(thread: &mut PolicyState) {
        thread.keep_quantum = false;
    }

    /// A whole quantum was used: charge it against the allotment, maybe demote.
    pub(crate) fn charge_quantum(&mut self, thread: &mut PolicyState) -> LevelChange {
        thread.allotment_left = thread.allotment_left.saturating_sub(1);
        if thread.allotment_left == 0 {
            let bottom = self.levels.len() as u32 - 1;
            if thread.level < bottom {
                let level = thread.level + 1;
                self.fresh(thread, level);
                return LevelChange::Demoted(level);
            }
            self.fresh(thread, bottom);
        } else {
            thread.quantum_left = self.levels[thread.level as usize].quantum;
        }
        LevelChange::None
    }

    /// A thread blocks for I/O: old rules 4a/4b renew its slice and allotment; a slice that
    /// ended at this very tick is charged.
    pub(crate) fn on_block(&mut self, thread: &mut PolicyState) -> LevelChange {
        let quantum_ended = thread.quantum_left == Some(0);
        if self.old_rules_4ab {
            let level = thread.level;
            self.fresh(thread, level);
        }
        if quantum_ended {
            self.charge_quantum(thread)
        } else {
            LevelChange::None
        }
    }

    /// Moves every queued thread to the top level in the configured order. The engine then
    /// calls [`Mlfq::boost_thread`] for every unfinished thread.
    pub(crate) fn boost(&mut self) {
        let mut top = core::mem::take(&mut self.queues[0]);
        let order: Vec<usize> = match self.boost_order {
            BoostOrder::HighestFirst => (1..self.queues.len()).collect(),
            BoostOrder::LowestFirst => (1..self.queues.len()).rev().collect(),
        };
        for level in order {
            top.extend(self.queues[level].drain(..));
        }
        self.queues[0] = top;
        // The boost re-queues everyone: no thread stays ahead of a runner by an I/O bump.
        self.bumped.clear();
    }

    /// A boosted thread: top level, fresh slice and allotment.
    pub(crate) fn boost_thread(&self, thread: &mut PolicyState) {
        self.fresh(thread, 0);
    }

    pub(crate) fn lists(&self) -> Vec<Vec<ThreadIx>> {
        self.queues
            .iter()
            .map(|queue| queue.iter().copied().collect())
            .collect()
    }

    pub(crate) fn len(&self) -> usize {
        self.queues.iter().map(VecDeque::len).sum()
    }
}
