//! First come, first served: one FIFO ready queue, never preempts.
//!
//! With `PickOrder::CyclicScan` (OSTEP `process-run.py`) the next thread is instead the first
//! ready one scanning thread indices cyclically after the one dispatched last.

use alloc::collections::{BTreeSet, VecDeque};
use alloc::vec::Vec;

use super::Entry;
use crate::task::ThreadIx;

#[derive(Clone, Debug)]
pub(crate) struct Fcfs {
    queue: VecDeque<ThreadIx>,
    cyclic: Option<BTreeSet<ThreadIx>>,
}

impl Fcfs {
    pub(crate) fn new(cyclic: bool) -> Fcfs {
        Fcfs {
            queue: VecDeque::new(),
            cyclic: cyclic.then(BTreeSet::new),
        }
    }

    pub(crate) fn enqueue(&mut self, index: ThreadIx, entry: Entry) {
        if let Some(set) = &mut self.cyclic {
            set.insert(index);
        } else if matches!(entry, Entry::Preempted | Entry::PutBack) {
            self.queue.push_front(index);
        } else {
            self.queue.push_back(index);
        }
    }

    pub(crate) fn pick(&mut self, last_dispatched: Option<ThreadIx>) -> Option<ThreadIx> {
        match &mut self.cyclic {
            Some(set) => {
                let after = ThreadIx(last_dispatched.map_or(0, |last| last.0.saturating_add(1)));
                let found = set
                    .range(after..)
                    .next()
                    .or_else(|| set.iter().next())
                    .copied();
                if let Some(index) = found {
                    set.remove(&index);
                }
                found
            }
            None => self.queue.pop_front(),
        }
    }

    pub(crate) fn list(&self) -> Vec<ThreadIx> {
        match &self.cyclic {
            Some(set) => set.iter().copied().collect(),
            None => self.queue.iter().copied().collect(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match &self.cyclic {
            Some(set) => set.len(),
            None => self.queue.len(),
        }
    }
}
