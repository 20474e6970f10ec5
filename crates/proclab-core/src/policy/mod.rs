//! Scheduling policies: who runs next, and who may take the CPU from whom.
//!
//! Each policy owns its ready structure and lives in its own file. The engine calls it through
//! [`Policy`], an enum (no trait objects: the set is closed and each call is a plain `match`).
//! Every policy honours the same tie-break: its criterion, then earlier entry into the ready
//! queue (the engine numbers entries in its documented same-instant order), then lower id.
//! An equal value never preempts. Ranks are integers; lower is better.
//!
//! A policy owns only its ordering: it reads threads through `&[Task]` (the engine's part, never
//! written here) and writes one thread's [`PolicyState`] when the engine hands it over. It
//! depends on `crate::task`, never on the engine.

mod fcfs;
mod hrrn;
mod lottery;
mod mlfq;
mod mlq;
mod priority;
mod rr;
mod script;
mod sjf;
mod srtf;

use alloc::vec::Vec;

use crate::scenario::Scenario;
use crate::spec::PolicySpec;
use crate::task::{PolicyState, Task, ThreadIx};
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
    /// An explicit schedule (`ScenarioSpec::schedule`) replaces the policy's picks.
    Script(script::Script),
}

impl Policy {
    /// The scenario's policy with an empty ready structure.
    pub(crate) fn new(scenario: &Scenario) -> Policy {
        let cyclic = scenario.conventions().pick_order == crate::spec::PickOrder::CyclicScan;
        let task_count = scenario.threads().len();
        if let Some(schedule) = scenario.schedule() {
            return Policy::Script(script::Script::new(schedule));
        }
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

    /// Prepares a thread's scheduling fields at admission: its queue (MLQ), its level, slice and
    /// allotment (MLFQ), its first prediction (SJF with prediction).
    pub(crate) fn admit(&mut self, thread: &mut PolicyState) {
        match self {
            Policy::Mlq(policy) => policy.admit(thread),
            Policy::Mlfq(policy) => policy.admit(thread),
            Policy::Sjf(policy) => policy.admit(thread),
            _ => {}
        }
    }

    /// Puts ready thread `index` into the ready structure; `entry` says why it enters.
    pub(crate) fn enqueue(&mut self, tasks: &[Task], index: ThreadIx, entry: Entry) {
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
            Policy::Script(policy) => policy.enqueue(index),
        }
    }

    /// Removes and returns the thread to dispatch next at `now`, if any is ready.
    /// `last_dispatched` is the thread dispatched last on any CPU: the cyclic scan of FCFS
    /// (`PickOrder::CyclicScan`) starts after it; the other policies ignore it.
    pub(crate) fn pick(
        &mut self,
        tasks: &[Task],
        now: u64,
        last_dispatched: Option<ThreadIx>,
    ) -> Option<ThreadIx> {
        match self {
            Policy::Fcfs(policy) => policy.pick(last_dispatched),
            Policy::Sjf(policy) => policy.pick(),
            Policy::Srtf(policy) => policy.pick(),
            Policy::Priority(policy) => policy.pick(tasks, now),
            Policy::Hrrn(policy) => policy.pick(now),
            Policy::Rr(policy) => policy.pick(),
            Policy::Mlq(policy) => policy.pick(tasks),
            Policy::Mlfq(policy) => policy.pick(),
            Policy::Lottery(policy) => policy.pick(),
            Policy::Script(policy) => policy.pick(),
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

    /// Rank of the best ready thread at `now` (lower is better), for preemption; `None` if no
    /// thread is ready or the policy never preempts.
    pub(crate) fn best_rank(&self, tasks: &[Task], now: u64) -> Option<u64> {
        match self {
            Policy::Srtf(policy) => policy.best_rank(),
            Policy::Priority(policy) => policy.best_rank(tasks, now),
            Policy::Mlq(policy) => policy.best_rank(),
            Policy::Mlfq(policy) => policy.best_rank(),
            _ => None,
        }
    }

    /// Rank of a running thread with `remaining` ticks left in its burst (`u64::MAX`, never
    /// preempted, for a policy that does not preempt).
    pub(crate) fn running_rank(&self, task: &Task, remaining: u64) -> u64 {
        match self {
            Policy::Srtf(_) => remaining,
            Policy::Priority(_) => priority::Priority::running_rank(&task.policy),
            Policy::Mlq(_) => u64::from(task.policy.level),
            Policy::Mlfq(_) => mlfq::Mlfq::running_rank(&task.policy),
            _ => u64::MAX,
        }
    }

    /// The reason reported when ready thread `by` preempts `victim`.
    pub(crate) fn preempt_reason(
        &self,
        tasks: &[Task],
        by: ThreadIx,
        victim: &Task,
    ) -> PreemptReason {
        match self {
            Policy::Srtf(_) => PreemptReason::ShorterRemaining,
            Policy::Priority(_) => PreemptReason::HigherPriority,
            Policy::Mlfq(_) if tasks[by].policy.level == victim.policy.level => {
                PreemptReason::IoBump
            }
            _ => PreemptReason::HigherQueue,
        }
    }

    /// True if ranks change while threads wait (preemptive priority with aging).
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

    /// A thread is being dispatched at `now`, ready since `ready_since`: the slice it runs with
    /// (fresh, kept after a preemption, or none) and, for priority policies, the rank it runs
    /// with.
    pub(crate) fn on_dispatch(&mut self, thread: &mut PolicyState, ready_since: u64, now: u64) {
        match self {
            Policy::Priority(policy) => policy.on_dispatch(thread, ready_since, now),
            Policy::Rr(policy) => policy.on_dispatch(thread),
            Policy::Lottery(policy) => policy.on_dispatch(thread),
            Policy::Mlq(policy) => policy.on_dispatch(thread),
            Policy::Mlfq(_) => mlfq::Mlfq::on_dispatch(thread),
            Policy::Script(_) => script::Script::on_dispatch(thread),
            _ => thread.quantum_left = None,
        }
    }

    /// Under priority scheduling with aging, the priority number `task` has at `now` as the
    /// policy compares it ([`priority::Priority::aged_number`]); None otherwise.
    pub(crate) fn aged_priority(&self, task: &Task, now: u64) -> Option<u32> {
        match self {
            Policy::Priority(policy) => policy.aged_number(task, now),
            _ => None,
        }
    }

    /// Under HRRN, the ticks a ready `task` has waited at `now` since it last became ready: the
    /// W of its response ratio (W + S) / S. None under other policies or for a thread not ready.
    pub(crate) fn ratio_wait(&self, task: &Task, now: u64) -> Option<u64> {
        match self {
            Policy::Hrrn(_) if task.state == crate::ProcessState::Ready => {
                Some(now.saturating_sub(task.ready_since))
            }
            _ => None,
        }
    }

    /// Whether a thread's slice at its next dispatch is what its PCB holds now. RR, lottery, a
    /// chosen schedule and a multilevel queue hand out a fresh slice at each dispatch, so a
    /// waiting thread's leftover means nothing unless it was preempted mid-slice where the
    /// policy keeps it; MLFQ sets the slice at admission, demotion and boost only.
    pub(crate) fn slice_kept(&self, thread: &PolicyState) -> bool {
        matches!(self, Policy::Mlfq(_)) || thread.keep_quantum
    }

    /// A running thread used up its slice while still in its burst. Returns the level change
    /// (MLFQ may demote it) for the engine to report.
    pub(crate) fn on_expired(&mut self, thread: &mut PolicyState) -> LevelChange {
        match self {
            Policy::Mlfq(policy) => policy.charge_quantum(thread),
            _ => LevelChange::None,
        }
    }

    /// A running thread finished a CPU burst of `burst_length` ticks and blocks for I/O (its
    /// slice may have ended at the same tick: `quantum_left == Some(0)`). SJF learns the burst;
    /// MLFQ may charge the slice. Returns the level change for the engine to report.
    pub(crate) fn on_block(&mut self, thread: &mut PolicyState, burst_length: u64) -> LevelChange {
        match self {
            Policy::Sjf(policy) => {
                policy.learn(thread, burst_length);
                LevelChange::None
            }
            Policy::Mlfq(policy) => policy.on_block(thread),
            _ => LevelChange::None,
        }
    }

    /// A running thread was preempted: queue-based policies (MLQ, MLFQ) let it keep the rest of
    /// its slice at its next dispatch; the others do nothing.
    pub(crate) fn on_preempted(&mut self, thread: &mut PolicyState) {
        if let Policy::Mlq(_) | Policy::Mlfq(_) = self {
            thread.keep_quantum = true;
        }
    }

    /// MLFQ boost of the ready structure: every queued thread moves to the top level. Does
    /// nothing for the other policies. The engine then calls [`Policy::boost_thread`] for every
    /// unfinished thread.
    pub(crate) fn boost(&mut self) {
        if let Policy::Mlfq(policy) = self {
            policy.boost();
        }
    }

    /// MLFQ boost of one unfinished thread: top level, fresh slice and allotment.
    pub(crate) fn boost_thread(&self, thread: &mut PolicyState) {
        if let Policy::Mlfq(policy) = self {
            policy.boost_thread(thread);
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
    pub(crate) fn ready_lists(&self, tasks: &[Task], now: u64) -> Vec<Vec<ThreadIx>> {
        match self {
            Policy::Fcfs(policy) => alloc::vec![policy.list()],
            Policy::Sjf(policy) => alloc::vec![policy.list()],
            Policy::Srtf(policy) => alloc::vec![policy.list()],
            Policy::Priority(policy) => alloc::vec![policy.list(tasks, now)],
            Policy::Hrrn(policy) => alloc::vec![policy.list(now)],
            Policy::Rr(policy) => alloc::vec![policy.list()],
            Policy::Mlq(policy) => policy.lists(tasks),
            Policy::Mlfq(policy) => policy.lists(),
            Policy::Lottery(policy) => alloc::vec![policy.list()],
            Policy::Script(policy) => alloc::vec![policy.list()],
        }
    }

    /// The timer ran out as a thread exited (`timer_continues_after_exit`): the thread that
    /// would run next loses its turn (round robin: the head of the queue goes to its tail; a
    /// schedule: its next entry is used up). The other policies have no turn to lose.
    pub(crate) fn skip_next(&mut self, tasks: &[Task]) {
        match self {
            Policy::Rr(policy) => policy.skip_next(),
            Policy::Script(policy) => policy.skip_next(tasks),
            _ => {}
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
            Policy::Script(policy) => policy.len(),
        }
    }
}

/// A heap key: criterion, then ready-entry sequence, then thread index. `Reverse`d for a min-heap.
pub(crate) type HeapKey = core::cmp::Reverse<(u64, u64, ThreadIx)>;

/// Sorted view of a min-heap's contents (for state snapshots).
pub(crate) fn sorted_heap(heap: &alloc::collections::BinaryHeap<HeapKey>) -> Vec<ThreadIx> {
    let mut keys: Vec<(u64, u64, ThreadIx)> = heap.iter().map(|key| key.0).collect();
    keys.sort_unstable();
    keys.into_iter().map(|key| key.2).collect()
}
