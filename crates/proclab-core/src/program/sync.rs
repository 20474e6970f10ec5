//! The mutexes and semaphores of one address space: who holds each mutex, each semaphore's
//! value, and who waits for each, first come first served.
//!
//! The rules (`docs/semantics.md`): `lock` of a free mutex takes it; of a held one (even by the
//! same thread: mutexes are not recursive) the thread waits at the end of the queue. `unlock` by
//! the holder hands the mutex to the first waiter, which becomes the holder and goes on; with no
//! waiter the mutex is free. `unlock` by anyone else is a fault. `wait` on a positive semaphore
//! takes one; at 0 the thread waits at the end of the queue. `signal` lets the first waiter go on
//! (the value stays 0) or, with no waiter, adds one. A woken thread does not retry: its `lock` or
//! `wait` is done.

use alloc::collections::VecDeque;
use alloc::vec::Vec;

use super::isa::{Program, SyncOp};
use super::machine::{Fault, StepOutcome};

/// What a blocked thread waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Wait {
    /// The mutex (index in `Program::mutexes`).
    Mutex(u32),
    /// The semaphore (index in `Program::semaphores`).
    Semaphore(u32),
}

/// The sync objects of one address space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncState {
    holders: Vec<Option<u32>>,
    mutex_queues: Vec<VecDeque<u32>>,
    values: Vec<u32>,
    semaphore_queues: Vec<VecDeque<u32>>,
}

impl SyncState {
    /// Every mutex free, every semaphore at its initial value, nobody waiting.
    pub fn new(program: &Program) -> SyncState {
        SyncState {
            holders: alloc::vec![None; program.mutexes().len()],
            mutex_queues: alloc::vec![VecDeque::new(); program.mutexes().len()],
            values: program.semaphores().iter().map(|s| s.initial).collect(),
            semaphore_queues: alloc::vec![VecDeque::new(); program.semaphores().len()],
        }
    }

    /// The thread holding mutex `mutex`, if any.
    pub fn holder(&self, mutex: u32) -> Option<u32> {
        self.holders.get(mutex as usize).copied().flatten()
    }

    /// Semaphore `semaphore`'s value.
    pub fn value(&self, semaphore: u32) -> u32 {
        self.values.get(semaphore as usize).copied().unwrap_or(0)
    }

    /// The threads waiting for `wait`, first first.
    pub fn waiters(&self, wait: Wait) -> impl Iterator<Item = u32> + '_ {
        let queue = match wait {
            Wait::Mutex(index) => self.mutex_queues.get(index as usize),
            Wait::Semaphore(index) => self.semaphore_queues.get(index as usize),
        };
        queue.into_iter().flatten().copied()
    }

    /// What `thread` waits for, if it waits.
    pub fn waiting_for(&self, thread: u32) -> Option<Wait> {
        let in_queue = |queues: &[VecDeque<u32>]| {
            queues
                .iter()
                .position(|queue| queue.contains(&thread))
                .map(|index| index as u32)
        };
        in_queue(&self.mutex_queues)
            .map(Wait::Mutex)
            .or_else(|| in_queue(&self.semaphore_queues).map(Wait::Semaphore))
    }

    /// Executes `operation` for `thread`: how the step ends, and the thread it woke.
    pub(super) fn apply(&mut self, thread: u32, operation: SyncOp) -> (StepOutcome, Option<u32>) {
        match operation {
            SyncOp::Lock(mutex) => {
                let slot = mutex as usize;
                if self.holders[slot].is_none() {
                    self.holders[slot] = Some(thread);
                    (StepOutcome::Continued, None)
                } else {
                    self.mutex_queues[slot].push_back(thread);
                    (StepOutcome::Blocked(Wait::Mutex(mutex)), None)
                }
            }
            SyncOp::Unlock(mutex) => {
                let slot = mutex as usize;
                if self.holders[slot] != Some(thread) {
                    return (StepOutcome::Fault(Fault::UnlockNotHeld { mutex }), None);
                }
                let next = self.mutex_queues[slot].pop_front();
                self.holders[slot] = next;
                (StepOutcome::Continued, next)
            }
            SyncOp::Wait(semaphore) => {
                let slot = semaphore as usize;
                if self.values[slot] > 0 {
                    self.values[slot] -= 1;
                    (StepOutcome::Continued, None)
                } else {
                    self.semaphore_queues[slot].push_back(thread);
                    (StepOutcome::Blocked(Wait::Semaphore(semaphore)), None)
                }
            }
            SyncOp::Signal(semaphore) => {
                let slot = semaphore as usize;
                let next = self.semaphore_queues[slot].pop_front();
                if next.is_none() {
                    self.values[slot] = self.values[slot].saturating_add(1);
                }
                (StepOutcome::Continued, next)
            }
        }
    }
}
