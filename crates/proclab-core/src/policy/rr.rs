//! Round robin: a FIFO ready queue and a fixed time slice.
//!
//! A thread gets a fresh quantum at every dispatch, except after a preemption (it keeps what was
//! left and returns to the head). Where a thread whose quantum expired re-enters relative to the
//! same tick's arrivals is the engine's `RequeueOrder` convention.

use alloc::collections::VecDeque;
use alloc::vec::Vec;

use super::Entry;
use crate::task::{PolicyState, ThreadIx};

#[derive(Clone, Debug)]
pub(crate) struct Rr {
    quantum: u64,
    queue: VecDeque<ThreadIx>,
}

impl Rr {
    pub(crate) fn new(quantum: u64) -> Rr {
        Rr {
            quantum,
            queue: VecDeque::new(),
        }
    }

    pub(crate) fn enqueue(&mut self, index: ThreadIx, entry: Entry) {
        if matches!(entry, Entry::Preempted | Entry::PutBack) {
            self.queue.push_front(index);
        } else {
            self.queue.push_back(index);
        }
    }

    pub(crate) fn pick(&mut self) -> Option<ThreadIx> {
        self.queue.pop_front()
    }

    /// The head loses its turn: it goes to the tail.
    pub(crate) fn skip_next(&mut self) {
        if let Some(head) = self.queue.pop_front() {
            self.queue.push_back(head);
        }
    }

    pub(crate) fn on_dispatch(&mut self, thread: &mut PolicyState) {
        if !(thread.keep_quantum && thread.quantum_left.is_some()) {
            thread.quantum_left = Some(self.quantum);
        }
        thread.keep_quantum = false;
    }

    pub(crate) fn list(&self) -> Vec<ThreadIx> {
        self.queue.iter().copied().collect()
    }

    pub(crate) fn len(&self) -> usize {
        self.queue.len()
    }
}
