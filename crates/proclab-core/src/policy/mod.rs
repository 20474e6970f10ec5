//! Scheduling policies: who runs next, and who may take the CPU from whom.
//!
//! Each policy owns its ready structure and lives in its own file. The engine calls it through
//! [`Policy`], an enum (no trait objects: the set is closed and each call is a plain `match`).
//! Every policy honours the same tie-break: its criterion, then earlier entry into the ready
//! queue (the engine numbers entries in its documented same-instant order), then lower id.
//! An equal value never preempts. Ranks are integers; lower is better.

mod fcfs;
mod hrrn;
mod lottery;
mod mlfq;
mod mlq;
mod priority;
mod rr;
mod sjf;
mod srtf;

use alloc::vec::Vec;

use crate::engine::Task;
use crate::scenario::Scenario;
use crate::spec::PolicySpec;
use crate::trace::PreemptReason;

/// Why a thread enters the ready structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    /// Admitted at its arrival.
    Arrival,
    /// Its I/O completed.
    IoDone,
    /// Its time slice ran out.
    Expired,
    /// It was preempted (queue-based policies put it back at the head of its queue).
    Preempted,
    /// A tentative pick was undone: restore exactly where it was.
    PutBack,
}

/// A level change the policy made, reported as an event by the engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LevelChange {
    /// Nothing changed.
    None,
    /// Moved down to this level.
    Demoted(u32),
}

/// The scheduling policy of a run, with its ready structure.
#[derive(Clone, Debug)]
pub(crate) enum Policy {
    Fcfs(fcfs::Fcfs),
    Sjf(sjf::Sjf),
    Srtf(srtf::Srtf),
    Priority(priority::Priority),
    Hrrn(hrrn::Hrrn),
    Rr(rr::Rr),
    Mlq(mlq::Mlq),
    Mlfq(mlfq::Mlfq),
    Lottery(lottery::Lottery),
}

impl Policy {
    pub(crate) fn new(scenario: &Scenario) -> Policy {
        let cyclic = scenario.conventions().pick_order == crate::spec::PickOrder::CyclicScan;
        let task_count = scenario.threads().len();
        match scenario.policy() {
            PolicySpec::Fcfs => Policy::Fcfs(fcfs::Fcfs::new(cyclic)),
            PolicySpec::Sjf { prediction } => Policy::Sjf(sjf::Sjf::new(*prediction)),
            PolicySpec::Srtf => Policy::Srtf(srtf::Srtf::new()),
            PolicySpec::Priority {
                preemptive,
                aging_every,
                lower_is_higher,
            } => Policy::Priority(priority::Priority::new(
                *preemptive,
                *aging_every,
                *lower_is_higher,
            )),
            PolicySpec::Hrrn => Policy::Hrrn(hrrn::Hrrn::new()),
            PolicySpec::Rr { quantum } => Policy::Rr(rr::Rr::new(*quantum)),
            PolicySpec::Mlq { queues } => Policy::Mlq(mlq::Mlq::new(queues)),
            PolicySpec::Mlfq(spec) => {
                Policy::Mlfq(mlfq::Mlfq::new(spec, scenario.conventions().boost_order))
            }
            PolicySpec::Lottery { quantum } => {
                Policy::Lottery(lottery::Lottery::new(*quantum, task_count, scenario.seed()))
            }
        }
    }

    /// Prepares a thread's scheduling fields at admission (level, quantum, prediction).
    pub(crate) fn admit(&mut self, task: &mut Task) {
        match self {
            Policy::Mlq(policy) => policy.admit(task),
            Policy::Mlfq(policy) => policy.admit(task),
            Policy::Sjf(policy) => policy.admit(task),
            _ => {}
        }
    }

    /// Puts a ready thread into the ready structure.
    pub(crate) fn enqueue(&mut self, tasks: &[Task], index: u32, entry: Entry) {
        match self {
            Policy::Fcfs(policy) => policy.enqueue(index, entry),
            Policy::Sjf(policy) => policy.enqueue(tasks, index),
            Policy::Srtf(policy) => policy.enqueue(tasks, index),
            Policy::Priority(policy) => policy.enqueue(tasks, index),
            Policy::Hrrn(policy) => policy.enqueue(tasks, index),
            Policy::Rr(policy) => policy.enqueue(index, entry),
            Policy::Mlq(policy) => policy.enqueue(tasks, index, entry),
            Policy::Mlfq(policy) => policy.enqueue(tasks, index, entry),
            Policy::Lottery(policy) => policy.enqueue(tasks, index),
        }
    }

    /// Removes and returns the thread to dispatch next, if any is ready.
    /// `last_pid` is the process dispatched last (for the cyclic scan); `preferred` lets an
    /// affinity-aware caller prefer a thread (used only to break exact ties).
    pub(crate) fn pick(
        &mut self,
        tasks: &[Task],
        now: u64,
        last_index: Option<u32>,
    ) -> Option<u32> {
        match self {
            Policy::Fcfs(policy) => policy.pick(last_index),
            Policy::Sjf(policy) => policy.pick(),
            Policy::Srtf(policy) => policy.pick(),
            Policy::Priority(policy) => policy.pick(tasks, now),
            Policy::Hrrn(policy) => policy.pick(tasks, now),
            Policy::Rr(policy) => policy.pick(),
            Policy::Mlq(policy) => policy.pick(tasks),
            Policy::Mlfq(policy) => policy.pick(),
            Policy::Lottery(policy) => policy.pick(tasks),
        }
    }

    /// True if a ready thread may take the CPU from a running one.
    pub(crate) fn preemptive(&self) -> bool {
        match self {
            Policy::Srtf(_) | Policy::Mlq(_) | Policy::Mlfq(_) => true,
            Policy::Priority(policy) => policy.preemptive(),
            _ => false,
        }
    }

    /// Rank of the best ready thread (lower is better), for preemption.
    pub(crate) fn best_rank(&self, tasks: &[Task], now: u64) -> Option<u64> {
        match self {
            Policy::Srtf(policy) => policy.best_rank(tasks),
            Policy::Priority(policy) => policy.best_rank(tasks, now),
            Policy::Mlq(policy) => policy.best_rank(),
            Policy::Mlfq(policy) => policy.best_rank(tasks),
            _ => None,
        }
    }

    /// Rank of a running thread with `remaining` ticks left in its burst.
    pub(crate) fn running_rank(&self, task: &Task, remaining: u64) -> u64 {
        match self {
            Policy::Srtf(_) => remaining,
            Policy::Priority(policy) => policy.running_rank(task),
            Policy::Mlq(_) => u64::from(task.level),
            Policy::Mlfq(_) => mlfq::Mlfq::running_rank(task),
            _ => u64::MAX,
        }
    }

    /// The reason reported when the best ready thread preempts.
    pub(crate) fn preempt_reason(&self, tasks: &[Task], by: u32, victim: &Task) -> PreemptReason {
        match self {
            Policy::Srtf(_) => PreemptReason::ShorterRemaining,
            Policy::Priority(_) => PreemptReason::HigherPriority,
            Policy::Mlfq(_) if tasks[by as usize].level == victim.level => PreemptReason::IoBump,
            _ => PreemptReason::HigherQueue,
        }
    }

    /// True if ranks change while threads wait (priority aging).
    pub(crate) fn ages(&self) -> bool {
        matches!(self, Policy::Priority(policy) if policy.ages())
    }

    /// The next instant at which aging alone could make a ready thread preempt a running one
    /// whose rank is `running`.
    pub(crate) fn next_aging(&self, tasks: &[Task], now: u64, running: Option<u64>) -> Option<u64> {
        match self {
            Policy::Priority(policy) => policy.next_aging(tasks, now, running),
            _ => None,
        }
    }

    /// Fresh slice for a thread being dispatched (RR-like policies), or keep what it has.
    pub(crate) fn on_dispatch(&mut self, task: &mut Task, now: u64) {
        match self {
            Policy::Priority(policy) => {
                task.run_rank = policy.rank_at(task, now);
                task.quantum_left = None;
            }
            Policy::Rr(policy) => policy.on_dispatch(task),
            Policy::Lottery(policy) => policy.on_dispatch(task),
            Policy::Mlq(policy) => policy.on_dispatch(task),
            Policy::Mlfq(_) => mlfq::Mlfq::on_dispatch(task),
            _ => task.quantum_left = None,
        }
    }

    /// A running thread used up its slice (still in its burst).
    pub(crate) fn on_expired(&mut self, task: &mut Task) -> LevelChange {
        match self {
            Policy::Mlfq(policy) => policy.charge_quantum(task),
            _ => LevelChange::None,
        }
    }

    /// A running thread finished a CPU burst and blocks (`quantum_ended`: its slice ended too).
    pub(crate) fn on_block(&mut self, task: &mut Task, burst_length: u64) -> LevelChange {
        match self {
            Policy::Sjf(policy) => {
                policy.learn(task, burst_length);
                LevelChange::None
            }
            Policy::Mlfq(policy) => policy.on_block(task),
            _ => LevelChange::None,
        }
    }

    /// A preempted thread keeps its slice (queue-based policies) — nothing to do by default.
    pub(crate) fn on_preempted(&mut self, task: &mut Task) {
        if let Policy::Mlq(_) | Policy::Mlfq(_) = self {
            task.keep_quantum = true;
        }
    }

    /// MLFQ boost: every unfinished thread to the top level with a fresh slice and allotment.
    /// Returns true if the policy has levels at all.
    pub(crate) fn boost(&mut self, tasks: &mut [Task]) {
        if let Policy::Mlfq(policy) = self {
            policy.boost(tasks);
        }
    }

    /// Called once the decision of an instant is made: forget what only mattered at that instant.
    pub(crate) fn end_of_instant(&mut self) {
        if let Policy::Mlfq(policy) = self {
            policy.end_of_instant();
        }
    }

    /// The MLFQ boost period, if any.
    pub(crate) fn boost_period(&self) -> Option<u64> {
        match self {
            Policy::Mlfq(policy) => policy.boost_period(),
            _ => None,
        }
    }

    /// The ready threads in the order the policy would consider them, one list per level/queue.
    pub(crate) fn ready_lists(&self, tasks: &[Task], now: u64) -> Vec<Vec<u32>> {
        match self {
            Policy::Fcfs(policy) => alloc::vec![policy.list()],
            Policy::Sjf(policy) => alloc::vec![policy.list()],
            Policy::Srtf(policy) => alloc::vec![policy.list()],
            Policy::Priority(policy) => alloc::vec![policy.list(tasks, now)],
            Policy::Hrrn(policy) => alloc::vec![policy.list(tasks, now)],
            Policy::Rr(policy) => alloc::vec![policy.list()],
            Policy::Mlq(policy) => policy.lists(tasks),
            Policy::Mlfq(policy) => policy.lists(),
            Policy::Lottery(policy) => alloc::vec![policy.list()],
        }
    }

    /// Number of ready threads.
    pub(crate) fn ready_count(&self) -> usize {
        match self {
            Policy::Fcfs(policy) => policy.len(),
            Policy::Sjf(policy) => policy.len(),
            Policy::Srtf(policy) => policy.len(),
            Policy::Priority(policy) => policy.len(),
            Policy::Hrrn(policy) => policy.len(),
            Policy::Rr(policy) => policy.len(),
            Policy::Mlq(policy) => policy.len(),
            Policy::Mlfq(policy) => policy.len(),
            Policy::Lottery(policy) => policy.len(),
        }
    }
}

/// A heap key: criterion, then ready-entry sequence, then thread index. `Reverse`d for a min-heap.
pub(crate) type HeapKey = core::cmp::Reverse<(u64, u64, u32)>;

/// Sorted view of a min-heap's contents (for state snapshots).
pub(crate) fn sorted_heap(heap: &alloc::collections::BinaryHeap<HeapKey>) -> Vec<u32> {
    let mut keys: Vec<(u64, u64, u32)> = heap.iter().map(|key| key.0).collect();
    keys.sort_unstable();
    keys.into_iter().map(|key| key.2).collect()
}
