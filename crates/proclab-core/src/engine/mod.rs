//! The event-driven engine: N CPUs, threads of control, the dispatcher and the clock.
//!
//! The engine owns the simulation state ([`Engine`]): the clock, every thread's progress and
//! accounting ([`Task`]), the CPUs, the pending I/O and arrivals, and the ready structures (one
//! [`Policy`] per queue). It guarantees that a [`Scenario`] fully determines a run: it never
//! reads a clock or an entropy source, and every same-instant choice follows the order below.
//!
//! The engine jumps from one instant to the next instant at which something happens (a slice
//! ends, a dispatch finishes, an I/O completes, a process arrives, a boost or an aging step is
//! due), so its cost grows with events, not ticks. At one instant it applies, in this fixed order:
//! 1. the CPUs' activity ends, CPU by CPU in index order (a dispatch finishes; a running slice
//!    ends because the burst is done, the thread asks for I/O or exits, or its quantum expired;
//!    with `RequeueOrder::BeforeArrivals` an expired thread re-enters the ready queue now);
//!    with `DispatchTiming::AtSliceEnd` each freed CPU tentatively picks its next thread here;
//! 2. an MLFQ boost, if `BoostTiming::BeforeArrivals`;
//! 3. I/O completions (by pid, tid) and arrivals (input order), in the `EntryOrder` convention;
//! 4. threads whose quantum expired (`RequeueOrder::AfterArrivals`, the default);
//! 5. an MLFQ boost, if `BoostTiming::AfterArrivals` (the default);
//! 6. the scheduling decision: CPUs held for a blocked thread resume it, I/O completions that
//!    claim the CPU take it, free CPUs (in index order) take the policy's pick, then a ready
//!    thread with a strictly better rank preempts the running thread with the worst rank
//!    (highest CPU index on ties), repeatedly. A CPU in dispatch latency or cache stall is not
//!    preempted: the check happens when it starts running.
//!
//! With per-CPU queues ([`QueueTopology::PerCpu`]) each CPU has its own ready structure (the same
//! policy in each). A thread that never ran joins the queue with the fewest ready threads (then a
//! CPU with nothing on it, then the lowest index); a thread that ran goes back to the queue of the
//! CPU it last ran on. In step 6 free CPUs first take their own queue's pick (index order), then
//! a free CPU whose queue is empty steals the pick of the longest other queue (lowest index on
//! ties); a ready thread can preempt only the CPU whose queue holds it. With a peek interval
//! `p` (`machine.peek_interval`) that stealing happens only at multiples of `p` after 0, which
//! are instants of their own while a CPU is free and a queue holds a thread.
//!
//! Hard affinity (`ProcessSpec::cpus`): a CPU takes, from any queue, the first thread in that
//! queue's pick order allowed to run on it (the others keep their places); a new thread joins
//! the shortest queue among its CPUs; an I/O completion claims only a CPU it may run on; on a
//! shared queue a ready thread preempts only a CPU it may run on (the worst runner it beats).
//!
//! Where each part lives: `cpu` (what a CPU does and holds), `ready` (arrivals, readiness,
//! which queue), `slice` (running slices: progress, expiry, exit, preemption), `io` (blocking,
//! devices, completions), `boost` (MLFQ boost), `user_threads` (many-to-one), `dispatch`
//! (Ready -> Running with latency and cache stall), `decide` (step 6), `record` (the trace and
//! each CPU's time).

mod boost;
mod cpu;
mod decide;
mod dispatch;
mod io;
mod program;
mod ready;
mod record;
mod slice;
mod user_threads;

use alloc::collections::BinaryHeap;
use alloc::rc::Rc;
use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Reverse;

pub(crate) use cpu::{Activity, Cpu};
pub(crate) use program::Programs;

use crate::policy::{Entry, Policy};
use crate::scenario::Scenario;
use crate::spec::{
    BoostTiming, Conventions, DispatchTiming, EntryOrder, QueueTopology, ThreadModel,
};
use crate::task::{ColdTask, CpuIx, PolicyState, Task, ThreadIx};
use crate::trace::Transitions;

/// The whole simulation state. Cloning it is a checkpoint.
#[derive(Clone, Debug)]
pub(crate) struct Engine {
    pub(crate) scenario: Rc<Scenario>,
    pub(crate) now: u64,
    /// Every thread, indexed by [`ThreadIx`].
    pub(crate) tasks: Vec<Task>,
    /// Every thread's [`ColdTask`], indexed by [`ThreadIx`].
    pub(crate) cold: Vec<ColdTask>,
    /// Every CPU, indexed by [`CpuIx`].
    pub(crate) cpus: Vec<Cpu>,
    /// The ready structures: one shared by all CPUs, or one per CPU ([`QueueTopology::PerCpu`]).
    /// Every queue runs the same policy with the same parameters, so calls that only apply the
    /// rules to a thread (admit, dispatch, expiry, ranks) go to queue 0.
    pub(crate) queues: Vec<Policy>,
    per_cpu: bool,
    /// Per-CPU queues with `machine.peek_interval = Some(p)`: stealing happens only at multiples
    /// of `p` after 0 (never with 0); `None`: at every decision.
    peek: Option<u64>,
    /// Hard affinity: per thread, the CPUs it may run on as a bit mask (CPU `c` is bit `c`);
    /// empty when no process lists CPUs, so scenarios without affinity take no detour.
    affinity: Vec<u64>,
    /// Pending I/O completions: (tick, thread).
    io_heap: BinaryHeap<Reverse<(u64, ThreadIx)>>,
    /// Processes sorted by (arrival, pid) and the next one to admit.
    arrival_order: Vec<u32>,
    next_arrival: usize,
    next_seq: u64,
    next_boost: Option<u64>,
    /// With periodic boosts: the threads whose policy state may have changed since the last boost
    /// (every other live thread is still fresh at the top level, so a boost leaves it as it is),
    /// and a flag per thread so each is listed once. A boost costs in proportion to them.
    touched: Vec<ThreadIx>,
    touched_flags: Vec<bool>,
    /// CPUs holding a thread displaced by a boost (`Cpu::displaced`): while there is none, a
    /// dispatch need not look for one.
    displaced_cpus: usize,
    aging_at: Option<u64>,
    device_free_at: u64,
    last_dispatched: Option<ThreadIx>,
    alive_or_new: usize,
    pub(crate) instants: u64,
    /// Work done so far: one unit per instant and one per transition (recorded or not). What
    /// replaying from a checkpoint costs, so `Run` spaces its checkpoints by it.
    pub(crate) work: u64,
    /// Threads whose quantum expired at this instant, re-entering after the arrivals.
    expired: Vec<ThreadIx>,
    /// Threads whose I/O completed at this instant and claim a CPU (`IoCompletion::Preempt`).
    claims: Vec<ThreadIx>,
    /// CPUs held for a blocked thread whose I/O completed at this instant, and that thread.
    direct: Vec<(CpuIx, ThreadIx)>,
    /// The trace, when recording (checkpoints run without it).
    pub(crate) trace: Option<Transitions>,
    /// The address spaces and executed instructions of threads that run programs, if any.
    pub(crate) programs: Option<Programs>,
}

impl Engine {
    /// The machine at tick 0, before any arrival. `record`: keep the trace.
    pub(crate) fn new(scenario: Rc<Scenario>, record: bool) -> Engine {
        let processes = scenario.processes();
        let user_model = scenario.machine().thread_model == ThreadModel::User;
        let tasks: Vec<Task> = scenario
            .threads()
            .iter()
            .map(|thread| {
                let process = &processes[thread.pid() as usize];
                let policy =
                    PolicyState::new(process.priority(), process.class(), process.tickets());
                let user_level = process.thread_count() > 1 && user_model;
                Task {
                    working_set: process.working_set(),
                    stack: thread.stack(),
                    // At most `MAX_BURSTS`, which fits in 32 bits.
                    bursts: thread.bursts().len() as u32,
                    ..Task::new(
                        thread.pid(),
                        thread.tid(),
                        thread.bursts()[0],
                        user_level,
                        policy,
                    )
                }
            })
            .collect();
        let mut arrival_order: Vec<u32> = (0..processes.len() as u32).collect();
        arrival_order.sort_by_key(|pid| (processes[*pid as usize].arrival(), *pid));
        let cpu_count = scenario.machine().cpus as usize;
        let cpus = vec![Cpu::new(scenario.machine().cache.capacity); cpu_count];
        let per_cpu = scenario.machine().topology == QueueTopology::PerCpu;
        let peek = scenario.machine().peek_interval.filter(|_| per_cpu);
        let spec_processes = &scenario.spec().processes;
        let affinity = if spec_processes
            .iter()
            .any(|process| !process.cpus.is_empty())
        {
            scenario
                .threads()
                .iter()
                .map(|thread| {
                    let cpus = &spec_processes[thread.pid() as usize].cpus;
                    if cpus.is_empty() {
                        u64::MAX
                    } else {
                        cpus.iter().fold(0, |mask, cpu| mask | (1u64 << cpu))
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let queue_count = if per_cpu { cpu_count } else { 1 };
        let queues: Vec<Policy> = (0..queue_count).map(|_| Policy::new(&scenario)).collect();
        let next_boost = queues[0].boost_period();
        let thread_count = tasks.len();
        let trace = record.then(|| record::trace_for(&scenario));
        let programs = Programs::new(&scenario, record);
        Engine {
            scenario,
            now: 0,
            alive_or_new: tasks.len(),
            cold: vec![ColdTask::default(); tasks.len()],
            tasks,
            cpus,
            queues,
            per_cpu,
            peek,
            affinity,
            io_heap: BinaryHeap::new(),
            arrival_order,
            next_arrival: 0,
            next_seq: 0,
            next_boost,
            touched: Vec::new(),
            touched_flags: if next_boost.is_some() {
                vec![false; thread_count]
            } else {
                Vec::new()
            },
            displaced_cpus: 0,
            aging_at: None,
            device_free_at: 0,
            last_dispatched: None,
            instants: 0,
            work: 0,
            expired: Vec::new(),
            claims: Vec::new(),
            direct: Vec::new(),
            trace,
            programs,
        }
    }

    /// Notes that `index`'s policy state may change from now on (it runs, blocks, expires or is
    /// preempted), so that the next boost renews it. Only kept when the policy boosts.
    pub(super) fn touch(&mut self, index: ThreadIx) {
        if let Some(flag) = self.touched_flags.get_mut(index.slot()) {
            if !*flag {
                *flag = true;
                self.touched.push(index);
            }
        }
    }

    /// True once every thread has exited.
    pub(crate) fn finished(&self) -> bool {
        self.alive_or_new == 0
    }

    /// Every CPU, in index order.
    fn cpu_ixs(&self) -> impl DoubleEndedIterator<Item = CpuIx> + Clone {
        CpuIx::all(self.cpus.len())
    }

    /// The next instant at which something happens, if any.
    pub(crate) fn next_instant(&self) -> Option<u64> {
        if self.finished() {
            return None;
        }
        if let Some(programs) = &self.programs {
            if programs.out_of_budget {
                return None;
            }
            if self.runs_program_now() {
                // The next instruction ends the next tick: nothing can happen sooner.
                return Some(self.now + 1);
            }
        }
        let mut next = self
            .cpus
            .iter()
            .map(|cpu| cpu.due)
            .min()
            .unwrap_or(u64::MAX);
        if let Some(Reverse((tick, _))) = self.io_heap.peek() {
            next = next.min(*tick);
        }
        if let Some(pid) = self.arrival_order.get(self.next_arrival) {
            next = next.min(self.scenario.processes()[*pid as usize].arrival());
        }
        if let Some(boost) = self.next_boost {
            next = next.min(boost);
        }
        if let Some(aging) = self.aging_at {
            next = next.min(aging);
        }
        if let Some(peek) = self.next_peek() {
            next = next.min(peek);
        }
        (next != u64::MAX).then_some(next)
    }

    /// Runs to the end.
    pub(crate) fn run(&mut self) {
        while let Some(instant) = self.next_instant() {
            self.step(instant);
        }
        self.close_slices();
    }

    /// Applies every event of `instant` (which must be [`Engine::next_instant`]), in the order
    /// of the module documentation.
    pub(crate) fn step(&mut self, instant: u64) {
        self.execute_programs(instant);
        self.now = instant;
        self.instants += 1;
        self.work += 1;
        let conventions = *self.scenario.conventions();
        // 1. Activity ends, CPU by CPU; then the threads an unlock or a signal woke.
        self.end_activities(&conventions);
        self.wake_waiters();
        let boost_due = self.next_boost == Some(instant);
        // 2. Boost before arrivals (OSTEP).
        if boost_due && conventions.boost_timing == BoostTiming::BeforeArrivals {
            self.boost();
        }
        // 3. I/O completions and arrivals.
        match conventions.entry_order {
            EntryOrder::IoThenArrivals => {
                self.complete_io(conventions.io_completion);
                self.admit_arrivals();
            }
            EntryOrder::ArrivalsThenIo => {
                self.admit_arrivals();
                self.complete_io(conventions.io_completion);
            }
        }
        // 4. Expired quanta behind the arrivals.
        self.requeue_expired();
        // 5. Boost after arrivals (default).
        if boost_due {
            if conventions.boost_timing == BoostTiming::AfterArrivals {
                self.boost();
            }
            self.next_boost = self.queues[0]
                .boost_period()
                .map(|period| instant.saturating_add(period));
        }
        // 6. Decide.
        self.decide();
    }

    /// Step 1: dispatches that finish start running; running slices that end are settled.
    /// With `DispatchTiming::AtSliceEnd` a freed CPU reserves its next thread at once.
    fn end_activities(&mut self, conventions: &Conventions) {
        let instant = self.now;
        for cpu in self.cpu_ixs() {
            if self.cpus[cpu].due != instant {
                continue;
            }
            match self.cpus[cpu].activity {
                Activity::Switching { task, run_at, .. } if run_at == instant => {
                    self.start_running(cpu, task)
                }
                Activity::Running { task, until, .. } if until == instant => {
                    self.end_slice(cpu, task, conventions.requeue_order);
                    if conventions.dispatch_timing == DispatchTiming::AtSliceEnd
                        && self.cpus[cpu].activity == Activity::Free
                    {
                        // Only from the CPU's own queue: stealing waits for the decision.
                        let queue = self.queue_of(cpu);
                        self.cpus[cpu].reserved = self.pick_allowed(queue, cpu);
                    }
                }
                _ => {}
            }
        }
    }

    /// Step 4: threads whose quantum expired at this instant re-enter, behind the arrivals.
    fn requeue_expired(&mut self) {
        let expired = core::mem::take(&mut self.expired);
        for index in &expired {
            self.make_ready(*index, Entry::Expired);
        }
        self.expired = expired;
        self.expired.clear();
    }
}
