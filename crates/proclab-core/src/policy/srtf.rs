//! Shortest remaining time first: preemptive SJF on the remaining part of the current CPU burst.
//!
//! A newly ready thread preempts only if its burst is strictly shorter than what the running
//! thread has left; the preempted thread re-enters the ready queue at that instant, after the
//! instant's arrivals.

use alloc::collections::BinaryHeap;
use alloc::vec::Vec;
use core::cmp::Reverse;

use super::{sorted_heap, HeapKey};
use crate::task::{Task, ThreadIx};

#[derive(Clone, Debug)]
pub(crate) struct Srtf {
    heap: BinaryHeap<HeapKey>,
}

impl Srtf {
    pub(crate) fn new() -> Srtf {
        Srtf {
            heap: BinaryHeap::new(),
        }
    }

    pub(crate) fn enqueue(&mut self, tasks: &[Task], index: ThreadIx) {
        let task = &tasks[index];
        self.heap.push(Reverse((task.left, task.seq, index)));
    }

    pub(crate) fn pick(&mut self) -> Option<ThreadIx> {
        self.heap.pop().map(|key| key.0 .2)
    }

    pub(crate) fn best_rank(&self) -> Option<u64> {
        self.heap.peek().map(|key| key.0 .0)
    }

    pub(crate) fn list(&self) -> Vec<ThreadIx> {
        sorted_heap(&self.heap)
    }

    pub(crate) fn len(&self) -> usize {
        self.heap.len()
    }
}
