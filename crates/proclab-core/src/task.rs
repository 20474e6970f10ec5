//! A thread of control as the scheduler keeps it, split by owner, and the typed indices that
//! name threads and CPUs.
//!
//! [`Task`] is what the engine owns about a thread: its progress through its bursts, where it
//! is in the process model, when it became ready, and its accounting; [`ColdTask`] the part of it
//! that only blocking, waking, preemption and exit touch. [`PolicyState`] is what the
//! scheduling policy owns: its level, slice, allotment, rank, prediction, and the process's
//! scheduling parameters it reads. A policy is handed `&[Task]` to order threads and
//! `&mut PolicyState` to update one thread's scheduling fields, so it cannot write the engine's
//! part; the engine writes the policy's part only through [`PolicyState::spend`] and
//! [`PolicyState::carry_over`].
//!
//! This module depends on neither the engine nor the policies; both depend on it.

use core::ops::{Index, IndexMut};

use crate::trace::ThreadRef;
use crate::ProcessState;

/// A thread's index in the scenario's thread table (`Scenario::threads`), grouped by process.
/// It is also the last tie-break of every policy: lower index first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ThreadIx(pub(crate) u32);

impl ThreadIx {
    /// Position in a per-thread table.
    pub(crate) fn slot(self) -> usize {
        self.0 as usize
    }
}

/// A CPU's index, `0..machine.cpus`. Lower index first wherever CPUs are visited in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct CpuIx(pub(crate) u32);

impl CpuIx {
    /// Position in a per-CPU table.
    pub(crate) fn slot(self) -> usize {
        self.0 as usize
    }

    /// Every CPU of a machine with `count` CPUs, in index order.
    pub(crate) fn all(count: usize) -> impl DoubleEndedIterator<Item = CpuIx> + Clone {
        (0..count as u32).map(CpuIx)
    }
}

/// Accounting of one thread of control that its time slices update, in ticks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub(crate) struct Accounting {
    pub(crate) cpu: u64,
    pub(crate) ready: u64,
    pub(crate) switch: u64,
    pub(crate) stall: u64,
    pub(crate) dispatches: u64,
    pub(crate) first_run: Option<u64>,
    pub(crate) last_run: Option<u64>,
    /// Cache units needed and found cold at its dispatches (cache model on).
    pub(crate) cache_needed: u64,
    pub(crate) cache_cold: u64,
}

/// What the engine keeps about a thread but touches only when it blocks, wakes, is preempted or
/// exits: kept out of [`Task`], in a table of its own with the same indices
/// (`Engine::cold`), so that a time slice's fields share fewer cache lines. With 40,000 threads
/// on 4 CPUs each dispatch's thread is a miss of the CPU's own cache, and each further line of it
/// another.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ColdTask {
    pub(crate) blocked_since: u64,
    pub(crate) io_done_at: u64,
    /// Ticks blocked on I/O.
    pub(crate) io: u64,
    /// Ticks blocked waiting for a mutex, a semaphore or a condition.
    pub(crate) blocked: u64,
    pub(crate) preemptions: u64,
    pub(crate) completion: Option<u64>,
}

/// What a scheduling policy owns about a thread: the fields a policy may write.
///
/// `priority`, `class` and `tickets` are the process's parameters, copied at creation and never
/// changed; the policy reads them. The rest is the policy's ordering state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C)]
pub(crate) struct PolicyState {
    /// Ticks left in the slice the policy granted (`None`: no slice, run to the end of the
    /// burst). The engine counts it down as the thread runs ([`PolicyState::spend`]).
    pub(crate) quantum_left: Option<u64>,
    /// Rank the thread runs with (priority policies: its aged rank when dispatched).
    pub(crate) run_rank: u64,
    /// Predicted next CPU burst in thousandths of a tick (SJF with prediction).
    pub(crate) prediction_milli: Option<u64>,
    /// Level or queue (MLQ, MLFQ); 0 is the highest.
    pub(crate) level: u32,
    /// Quanta left at this level before a demotion (MLFQ).
    pub(crate) allotment_left: u32,
    pub(crate) priority: u32,
    pub(crate) class: u32,
    pub(crate) tickets: u32,
    /// Preempted: the next dispatch keeps the rest of the slice (queue-based policies).
    pub(crate) keep_quantum: bool,
}

impl PolicyState {
    /// The process's scheduling parameters, before any policy has looked at the thread.
    pub(crate) fn new(priority: u32, class: u32, tickets: u32) -> PolicyState {
        PolicyState {
            priority,
            class,
            tickets,
            ..PolicyState::default()
        }
    }

    /// The engine's clock: the thread ran `ticks` of its slice.
    pub(crate) fn spend(&mut self, ticks: u64) {
        if let Some(quantum) = &mut self.quantum_left {
            *quantum = quantum.saturating_sub(ticks);
        }
    }

    /// A user-level thread continues its process's slice where `from` (the thread the
    /// user-level scheduler switched away from) left it: the kernel sees one process.
    pub(crate) fn carry_over(&mut self, from: &PolicyState) {
        self.level = from.level;
        self.quantum_left = from.quantum_left;
        self.allotment_left = from.allotment_left;
        self.run_rank = from.run_rank;
    }
}

/// What the engine owns about a thread and a time slice touches: its progress, state and
/// accounting (the rest is its [`ColdTask`]). Only the engine writes it; policies read it through
/// `&[Task]`. Fields are laid out hot-first (`repr(C)`).
#[derive(Clone, Debug)]
#[repr(C)]
pub(crate) struct Task {
    /// Ticks left in the current burst.
    pub(crate) left: u64,
    pub(crate) ready_since: u64,
    /// Ready-queue entry number: the engine's same-instant order made total.
    pub(crate) seq: u64,
    pub(crate) pid: u32,
    pub(crate) tid: u32,
    pub(crate) last_cpu: Option<CpuIx>,
    /// Per-CPU queues: the CPU whose ready queue it joined last.
    pub(crate) queued_on: CpuIx,
    pub(crate) state: ProcessState,
    /// One of several user-level threads (many-to-one): the kernel sees only its process.
    pub(crate) user_level: bool,
    /// The policy's part: the only fields a policy writes.
    pub(crate) policy: PolicyState,
    pub(crate) acc: Accounting,
    /// Index of the current burst (even = CPU, odd = I/O).
    pub(crate) burst: u32,
    /// How many bursts it has, copied from its spec so that the end of a burst need not read
    /// the spec to tell an exit from an I/O request (with 40,000 threads that read was a miss).
    pub(crate) bursts: u32,
    /// Dispatches onto a CPU other than its home (cold: kept last, out of the hot cache lines).
    pub(crate) migrations: u64,
    /// The CPU whose cache its stack was last loaded into (cache model on): the only cache that
    /// may hold it, since loading it anywhere drops it everywhere else.
    pub(crate) stack_cpu: Option<CpuIx>,
    /// Cache units it needs at a dispatch (cache model on): its process's working set and its
    /// own stack, copied from the specs so that a dispatch reads one structure, not three (with
    /// 40,000 threads each read was a miss of the CPU's own cache).
    pub(crate) working_set: u32,
    pub(crate) stack: u32,
}

impl Task {
    /// A thread not yet admitted, at the start of its first burst.
    pub(crate) fn new(
        pid: u32,
        tid: u32,
        first_burst: u64,
        user_level: bool,
        policy: PolicyState,
    ) -> Task {
        Task {
            left: first_burst,
            ready_since: 0,
            seq: 0,
            pid,
            tid,
            last_cpu: None,
            queued_on: CpuIx(0),
            state: ProcessState::New,
            user_level,
            policy,
            acc: Accounting::default(),
            burst: 0,
            bursts: 0,
            migrations: 0,
            stack_cpu: None,
            working_set: 0,
            stack: 0,
        }
    }

    /// The (pid, tid) pair the trace and the front ends use.
    pub(crate) fn thread_ref(&self) -> ThreadRef {
        ThreadRef {
            pid: self.pid,
            tid: self.tid,
        }
    }

    /// Admitted and not yet exited.
    pub(crate) fn is_alive(&self) -> bool {
        !matches!(self.state, ProcessState::New | ProcessState::Exit)
    }
}

impl Index<ThreadIx> for [Task] {
    type Output = Task;
    fn index(&self, index: ThreadIx) -> &Task {
        &self[index.slot()]
    }
}

impl IndexMut<ThreadIx> for [Task] {
    fn index_mut(&mut self, index: ThreadIx) -> &mut Task {
        &mut self[index.slot()]
    }
}

impl Index<ThreadIx> for alloc::vec::Vec<ColdTask> {
    type Output = ColdTask;
    fn index(&self, index: ThreadIx) -> &ColdTask {
        &self[index.slot()]
    }
}

impl IndexMut<ThreadIx> for alloc::vec::Vec<ColdTask> {
    fn index_mut(&mut self, index: ThreadIx) -> &mut ColdTask {
        &mut self[index.slot()]
    }
}

impl Index<ThreadIx> for alloc::vec::Vec<Task> {
    type Output = Task;
    fn index(&self, index: ThreadIx) -> &Task {
        &self[index.slot()]
    }
}

impl IndexMut<ThreadIx> for alloc::vec::Vec<Task> {
    fn index_mut(&mut self, index: ThreadIx) -> &mut Task {
        &mut self[index.slot()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_counts_a_slice_down_to_zero_and_no_slice_stays_none() {
        let mut thread = PolicyState::new(3, 0, 1);
        thread.quantum_left = Some(4);
        thread.spend(3);
        assert_eq!(thread.quantum_left, Some(1));
        thread.spend(5);
        assert_eq!(thread.quantum_left, Some(0));
        let mut unsliced = PolicyState::new(3, 0, 1);
        unsliced.spend(7);
        assert_eq!(unsliced.quantum_left, None);
    }

    #[test]
    fn a_user_level_thread_carries_over_the_process_slice_but_keeps_its_own_prediction() {
        let mut running = PolicyState::new(2, 1, 5);
        running.level = 2;
        running.quantum_left = Some(3);
        running.allotment_left = 1;
        running.run_rank = 7;
        running.prediction_milli = Some(4_000);
        let mut next = PolicyState::new(2, 1, 5);
        next.prediction_milli = Some(9_000);
        next.carry_over(&running);
        assert_eq!(
            (
                next.level,
                next.quantum_left,
                next.allotment_left,
                next.run_rank
            ),
            (2, Some(3), 1, 7)
        );
        assert_eq!(next.prediction_milli, Some(9_000));
    }

    #[test]
    fn cpus_are_visited_in_index_order() {
        let order: alloc::vec::Vec<u32> = CpuIx::all(3).map(|cpu| cpu.0).collect();
        assert_eq!(order, [0, 1, 2]);
    }
}
