//! The mutexes, semaphores and condition variables of one address space: who holds each mutex,
//! each semaphore's value, and who waits for each, first come first served.
//!
//! The rules (`docs/semantics.md`): `lock` of a free mutex takes it; of a held one (even by the
//! same thread: mutexes are not recursive) the thread waits at the end of the queue. `unlock` by
//! the holder hands the mutex to the first waiter, which becomes the holder and goes on; with no
//! waiter the mutex is free. `unlock` by anyone else is a fault. `wait` on a positive semaphore
//! takes one; at 0 the thread waits at the end of the queue. `signal` lets the first waiter go on
//! (the value stays 0) or, with no waiter, adds one. A woken thread does not retry: its `lock` or
//! `wait` is done.
//!
//! Condition variables are Mesa's, as pthreads': `wait c, m` by the holder of `m` (anyone else
//! faults) releases `m` exactly as `unlock` does and waits at the end of `c`'s queue, in one
//! step. `signal c` takes `c`'s first waiter off the queue to take its mutex again: a free mutex
//! it takes at once and goes on (woken); a held one it waits for at the end of that mutex's
//! queue, still blocked, until an `unlock` hands it over. `broadcast c` does the same for every
//! waiter, first first. With no waiter both do nothing: a condition has no memory. A woken
//! waiter goes on after its `wait` holding the mutex, but what it waited for may no longer be
//! true (another thread may have run first), so a program re-checks it in a loop.

use alloc::collections::VecDeque;
use alloc::vec::Vec;

use super::isa::{Program, SyncOp};
use super::machine::{Fault, StepOutcome};
use crate::trace::{SyncKind, SyncObject};

/// What a blocked thread waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Wait {
    /// The mutex (index in `Program::mutexes`).
    Mutex(u32),
    /// The semaphore (index in `Program::semaphores`).
    Semaphore(u32),
    /// The condition (index in `Program::conditions`): a `signal` or a `broadcast`.
    Condition(u32),
    /// A message queue, by its index among the scenario's queues (queues are shared by
    /// processes): a `send` to a full queue or a `recv` from an empty one.
    Queue(u32),
    /// A pipe, by its index among the scenario's channels (the same numbering as `Queue`: queues
    /// and pipes are shared by processes): a `write` to a full pipe or a `read` from an empty one
    /// that a writer may still write to.
    Pipe(u32),
    /// A semaphore of the shared segment, by its index among the scenario's shared semaphores
    /// (shared by the processes that declare the same name).
    SharedSemaphore(u32),
    /// A mutex of the shared segment, by its index among the scenario's shared mutexes (shared
    /// by the processes that declare the same name, or name it in their bursts).
    SharedMutex(u32),
}

impl Wait {
    /// The wait for `object` (the inverse of [`Wait::object`]).
    pub fn of_object(object: SyncObject) -> Wait {
        let index = object.index;
        match object.kind {
            SyncKind::Mutex => Wait::Mutex(index),
            SyncKind::Semaphore => Wait::Semaphore(index),
            SyncKind::Condition => Wait::Condition(index),
            SyncKind::Queue => Wait::Queue(index),
            SyncKind::Pipe => Wait::Pipe(index),
            SyncKind::SharedSemaphore => Wait::SharedSemaphore(index),
            SyncKind::SharedMutex => Wait::SharedMutex(index),
        }
    }

    /// The object waited for, as the trace names it.
    pub fn object(self) -> SyncObject {
        let (kind, index) = match self {
            Wait::Mutex(index) => (SyncKind::Mutex, index),
            Wait::Semaphore(index) => (SyncKind::Semaphore, index),
            Wait::Condition(index) => (SyncKind::Condition, index),
            Wait::Queue(index) => (SyncKind::Queue, index),
            Wait::Pipe(index) => (SyncKind::Pipe, index),
            Wait::SharedSemaphore(index) => (SyncKind::SharedSemaphore, index),
            Wait::SharedMutex(index) => (SyncKind::SharedMutex, index),
        };
        SyncObject { kind, index }
    }
}

/// A thread a `signal` or `broadcast` took off a condition whose mutex was held: still blocked,
/// it now waits for that mutex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Requeued {
    /// The thread.
    pub thread: u32,
    /// The mutex it now waits for.
    pub mutex: u32,
}

/// What one sync operation did: how the caller's step ends and what it did to other threads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct SyncEffect {
    pub(super) outcome: StepOutcome,
    /// Threads whose wait ended, in the order they were handed their mutex or semaphore.
    pub(super) woke: Vec<u32>,
    /// Threads moved from a condition's queue to its mutex's, in order.
    pub(super) requeued: Vec<Requeued>,
}

impl SyncEffect {
    fn of(outcome: StepOutcome) -> SyncEffect {
        SyncEffect {
            outcome,
            woke: Vec::new(),
            requeued: Vec::new(),
        }
    }
}

/// The sync objects of one address space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncState {
    holders: Vec<Option<u32>>,
    mutex_queues: Vec<VecDeque<u32>>,
    values: Vec<u32>,
    semaphore_queues: Vec<VecDeque<u32>>,
    /// Per condition: each waiter with the mutex it released (and will take again).
    condition_queues: Vec<VecDeque<(u32, u32)>>,
}

impl SyncState {
    /// Every mutex free, every semaphore at its initial value, nobody waiting.
    pub fn new(program: &Program) -> SyncState {
        SyncState {
            holders: alloc::vec![None; program.mutexes().len()],
            mutex_queues: alloc::vec![VecDeque::new(); program.mutexes().len()],
            values: program.semaphores().iter().map(|s| s.initial).collect(),
            semaphore_queues: alloc::vec![VecDeque::new(); program.semaphores().len()],
            condition_queues: alloc::vec![VecDeque::new(); program.conditions().len()],
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
        let (plain, condition) = match wait {
            Wait::Mutex(index) => (self.mutex_queues.get(index as usize), None),
            Wait::Semaphore(index) => (self.semaphore_queues.get(index as usize), None),
            Wait::Condition(index) => (None, self.condition_queues.get(index as usize)),
            Wait::Queue(_) | Wait::Pipe(_) | Wait::SharedSemaphore(_) | Wait::SharedMutex(_) => {
                (None, None)
            }
        };
        let plain = plain.into_iter().flatten().copied();
        let condition = condition.into_iter().flatten().map(|&(thread, _)| thread);
        plain.chain(condition)
    }

    /// What `thread` waits for, if it waits.
    pub fn waiting_for(&self, thread: u32) -> Option<Wait> {
        let in_queue = |queues: &[VecDeque<u32>]| {
            queues
                .iter()
                .position(|queue| queue.contains(&thread))
                .map(|index| index as u32)
        };
        let on_condition = || {
            self.condition_queues
                .iter()
                .position(|queue| queue.iter().any(|(waiter, _)| *waiter == thread))
                .map(|index| Wait::Condition(index as u32))
        };
        in_queue(&self.mutex_queues)
            .map(Wait::Mutex)
            .or_else(|| in_queue(&self.semaphore_queues).map(Wait::Semaphore))
            .or_else(on_condition)
    }

    /// Executes `operation` for `thread`: how the step ends, and the threads it woke or moved.
    pub(super) fn apply(&mut self, thread: u32, operation: SyncOp) -> SyncEffect {
        match operation {
            SyncOp::Lock(mutex) => {
                let slot = mutex as usize;
                if self.holders[slot].is_none() {
                    self.holders[slot] = Some(thread);
                    SyncEffect::of(StepOutcome::Continued)
                } else {
                    self.mutex_queues[slot].push_back(thread);
                    SyncEffect::of(StepOutcome::Blocked(Wait::Mutex(mutex)))
                }
            }
            SyncOp::Unlock(mutex) => {
                if self.holders[mutex as usize] != Some(thread) {
                    return SyncEffect::of(StepOutcome::Fault(Fault::UnlockNotHeld { mutex }));
                }
                let mut effect = SyncEffect::of(StepOutcome::Continued);
                effect.woke.extend(self.release(mutex));
                effect
            }
            SyncOp::Wait(semaphore) => {
                let slot = semaphore as usize;
                if self.values[slot] > 0 {
                    self.values[slot] -= 1;
                    SyncEffect::of(StepOutcome::Continued)
                } else {
                    self.semaphore_queues[slot].push_back(thread);
                    SyncEffect::of(StepOutcome::Blocked(Wait::Semaphore(semaphore)))
                }
            }
            SyncOp::Signal(semaphore) => {
                let slot = semaphore as usize;
                let next = self.semaphore_queues[slot].pop_front();
                if next.is_none() {
                    self.values[slot] = self.values[slot].saturating_add(1);
                }
                let mut effect = SyncEffect::of(StepOutcome::Continued);
                effect.woke.extend(next);
                effect
            }
            SyncOp::WaitCondition { condition, mutex } => {
                if self.holders[mutex as usize] != Some(thread) {
                    let fault = Fault::WaitWithoutMutex { condition, mutex };
                    return SyncEffect::of(StepOutcome::Fault(fault));
                }
                let mut effect = SyncEffect::of(StepOutcome::Blocked(Wait::Condition(condition)));
                effect.woke.extend(self.release(mutex));
                self.condition_queues[condition as usize].push_back((thread, mutex));
                effect
            }
            SyncOp::SignalCondition(condition) => {
                let mut effect = SyncEffect::of(StepOutcome::Continued);
                if let Some((waiter, mutex)) = self.condition_queues[condition as usize].pop_front()
                {
                    self.reacquire(waiter, mutex, &mut effect);
                }
                effect
            }
            SyncOp::Broadcast(condition) => {
                let mut effect = SyncEffect::of(StepOutcome::Continued);
                let waiters = core::mem::take(&mut self.condition_queues[condition as usize]);
                for (waiter, mutex) in waiters {
                    self.reacquire(waiter, mutex, &mut effect);
                }
                effect
            }
        }
    }

    /// The holder lets `mutex` go: its first waiter (returned) holds it now, else it is free.
    fn release(&mut self, mutex: u32) -> Option<u32> {
        let slot = mutex as usize;
        let next = self.mutex_queues[slot].pop_front();
        self.holders[slot] = next;
        next
    }

    /// A signalled condition waiter takes its mutex again: at once if it is free (woken), else
    /// at the end of the mutex's queue (requeued, still blocked).
    fn reacquire(&mut self, waiter: u32, mutex: u32, effect: &mut SyncEffect) {
        let slot = mutex as usize;
        if self.holders[slot].is_none() {
            self.holders[slot] = Some(waiter);
            effect.woke.push(waiter);
        } else {
            self.mutex_queues[slot].push_back(waiter);
            effect.requeued.push(Requeued {
                thread: waiter,
                mutex,
            });
        }
    }
}
