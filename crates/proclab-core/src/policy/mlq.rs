//! Multilevel queue: each process belongs to the queue of its class for life; queue 0 is the
//! highest. Between queues: fixed priority, preemptive (a ready thread of a strictly higher queue
//! takes the CPU at once). Inside a queue: its own policy (RR with its quantum, FCFS or SJF).
//!
//! A preempted thread returns to the head of its queue, resumes first and keeps the rest of its
//! quantum.

use alloc::collections::VecDeque;
use alloc::vec;
use alloc::vec::Vec;

use super::Entry;
use crate::spec::QueueSpec;
use crate::task::{PolicyState, Task, ThreadIx};

#[derive(Clone, Debug)]
pub(crate) struct Mlq {
    specs: Vec<QueueSpec>,
    queues: Vec<VecDeque<ThreadIx>>,
    /// Per queue: the head is a preempted thread that must resume first (matters for SJF).
    resume_first: Vec<bool>,
}

impl Mlq {
    pub(crate) fn new(specs: &[QueueSpec]) -> Mlq {
        Mlq {
            specs: specs.to_vec(),
            queues: vec![VecDeque::new(); specs.len()],
            resume_first: vec![false; specs.len()],
        }
    }

    pub(crate) fn admit(&mut self, thread: &mut PolicyState) {
        thread.level = thread.class;
    }

    pub(crate) fn enqueue(&mut self, tasks: &[Task], index: ThreadIx, entry: Entry) {
        let queue = tasks[index].policy.level as usize;
        if matches!(entry, Entry::Preempted | Entry::PutBack) {
            self.queues[queue].push_front(index);
            self.resume_first[queue] = true;
        } else {
            self.queues[queue].push_back(index);
        }
    }

    pub(crate) fn pick(&mut self, tasks: &[Task]) -> Option<ThreadIx> {
        let queue = self.queues.iter().position(|queue| !queue.is_empty())?;
        let resume = core::mem::replace(&mut self.resume_first[queue], false);
        if resume || !matches!(self.specs[queue], QueueSpec::Sjf) {
            return self.queues[queue].pop_front();
        }
        let position = self.queues[queue]
            .iter()
            .enumerate()
            .min_by_key(|(_, index)| {
                let task = &tasks[**index];
                (task.left, task.seq)
            })
            .map(|(position, _)| position)?;
        self.queues[queue].remove(position)
    }

    pub(crate) fn best_rank(&self) -> Option<u64> {
        self.queues
            .iter()
            .position(|queue| !queue.is_empty())
            .map(|queue| queue as u64)
    }

    pub(crate) fn on_dispatch(&mut self, thread: &mut PolicyState) {
        match self.specs[thread.level as usize] {
            QueueSpec::Rr { quantum } => {
                if !(thread.keep_quantum && thread.quantum_left.is_some()) {
                    thread.quantum_left = Some(quantum);
                }
            }
            QueueSpec::Fcfs | QueueSpec::Sjf => thread.quantum_left = None,
        }
        thread.keep_quantum = false;
    }

    pub(crate) fn lists(&self, tasks: &[Task]) -> Vec<Vec<ThreadIx>> {
        self.queues
            .iter()
            .enumerate()
            .map(|(queue, entries)| {
                let mut list: Vec<ThreadIx> = entries.iter().copied().collect();
                if matches!(self.specs[queue], QueueSpec::Sjf) {
                    let skip = usize::from(self.resume_first[queue]).min(list.len());
                    list[skip..].sort_by_key(|index| {
                        let task = &tasks[*index];
                        (task.left, task.seq)
                    });
                }
                list
            })
            .collect()
    }

    pub(crate) fn len(&self) -> usize {
        self.queues.iter().map(VecDeque::len).sum()
    }
}
