//! Shortest job first: the shortest next CPU burst runs next, non-preemptive.
//!
//! With a prediction, the criterion is the exponential average
//! `tau_next = alpha * t_last + (1 - alpha) * tau` kept in thousandths of a tick (integer
//! arithmetic, rounded down), starting from `tau0`; the prediction is visible in the PCB.

use alloc::collections::BinaryHeap;
use alloc::vec::Vec;
use core::cmp::Reverse;

use super::{sorted_heap, HeapKey};
use crate::spec::PredictionSpec;
use crate::task::{PolicyState, Task, ThreadIx};

#[derive(Clone, Debug)]
pub(crate) struct Sjf {
    prediction: Option<PredictionSpec>,
    heap: BinaryHeap<HeapKey>,
}

impl Sjf {
    pub(crate) fn new(prediction: Option<PredictionSpec>) -> Sjf {
        Sjf {
            prediction,
            heap: BinaryHeap::new(),
        }
    }

    pub(crate) fn admit(&mut self, thread: &mut PolicyState) {
        if let Some(prediction) = self.prediction {
            thread.prediction_milli = Some(prediction.tau0 * 1000);
        }
    }

    fn criterion(task: &Task) -> u64 {
        task.policy.prediction_milli.unwrap_or(task.left)
    }

    pub(crate) fn enqueue(&mut self, tasks: &[Task], index: ThreadIx) {
        let task = &tasks[index];
        self.heap
            .push(Reverse((Self::criterion(task), task.seq, index)));
    }

    pub(crate) fn pick(&mut self) -> Option<ThreadIx> {
        self.heap.pop().map(|key| key.0 .2)
    }

    /// Updates the prediction after a CPU burst of `length` ticks.
    pub(crate) fn learn(&mut self, thread: &mut PolicyState, length: u64) {
        if let (Some(prediction), Some(tau)) = (self.prediction, thread.prediction_milli) {
            let alpha = u128::from(prediction.alpha_percent);
            let next = (alpha * u128::from(length) * 1000 + (100 - alpha) * u128::from(tau)) / 100;
            thread.prediction_milli = Some(u64::try_from(next).unwrap_or(u64::MAX));
        }
    }

    pub(crate) fn list(&self) -> Vec<ThreadIx> {
        sorted_heap(&self.heap)
    }

    pub(crate) fn len(&self) -> usize {
        self.heap.len()
    }
}
