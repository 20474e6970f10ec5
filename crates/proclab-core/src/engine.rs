//! The event-driven engine: N CPUs, threads of control, the dispatcher and the clock.
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
//! ties); a ready thread can preempt only the CPU whose queue holds it.
//!
//! The engine never reads a clock or an entropy source; a [`Scenario`] fully determines it.

use alloc::collections::BinaryHeap;
use alloc::rc::Rc;
use alloc::vec;
use alloc::vec::Vec;
use core::cmp::Reverse;

use crate::cache::CpuCache;
use crate::policy::{Entry, LevelChange, Policy};
use crate::scenario::Scenario;
use crate::spec::{
    BoostTiming, DispatchTiming, EntryOrder, IoCompletion, IoDevices, QueueTopology, RequeueOrder,
    ThreadModel,
};
use crate::trace::{Cause, Event, GanttSlice, PreemptReason, SliceKind, ThreadRef};
use crate::ProcessState;

/// Accounting of one thread of control, in ticks.
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
    pub(crate) preemptions: u64,
    pub(crate) io: u64,
    pub(crate) completion: Option<u64>,
    /// Cache units needed and found cold at its dispatches (cache model on).
    pub(crate) cache_needed: u64,
    pub(crate) cache_cold: u64,
}

/// The thread control block as the engine keeps it. Fields are laid out hot-first (`repr(C)`):
/// a time slice touches the first two cache lines only.
#[derive(Clone, Debug)]
#[repr(C)]
pub(crate) struct Task {
    /// Ticks left in the current burst.
    pub(crate) left: u64,
    pub(crate) ready_since: u64,
    /// Ready-queue entry number: the engine's same-instant order made total.
    pub(crate) seq: u64,
    pub(crate) quantum_left: Option<u64>,
    pub(crate) pid: u32,
    pub(crate) tid: u32,
    pub(crate) last_cpu: Option<u32>,
    /// Per-CPU queues: the CPU whose ready queue it joined last.
    pub(crate) queued_on: u32,
    pub(crate) state: ProcessState,
    pub(crate) keep_quantum: bool,
    /// One of several user-level threads (many-to-one): the kernel sees only its process.
    pub(crate) user_level: bool,
    pub(crate) acc: Accounting,
    /// Index of the current burst (even = CPU, odd = I/O).
    pub(crate) burst: u32,
    pub(crate) level: u32,
    pub(crate) allotment_left: u32,
    pub(crate) priority: u32,
    pub(crate) class: u32,
    pub(crate) tickets: u32,
    /// Rank the thread runs with (priority policies: its aged rank when dispatched).
    pub(crate) run_rank: u64,
    pub(crate) blocked_since: u64,
    pub(crate) io_done_at: u64,
    pub(crate) prediction_milli: Option<u64>,
    /// Dispatches onto a CPU other than its home (cold: kept last, out of the hot cache lines).
    pub(crate) migrations: u64,
}

impl Task {
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

/// What a CPU is doing between two instants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Activity {
    /// Nothing to run.
    Free,
    /// Dispatch latency then cache stall for `task`; it starts executing at `run_at`.
    Switching {
        task: u32,
        stall_from: u64,
        run_at: u64,
    },
    /// Executing `task` since `since`; the slice ends at `until` unless something preempts it.
    Running { task: u32, since: u64, until: u64 },
    /// Held idle for `task`, blocked on I/O (`hold_cpu_during_io`).
    Held { task: u32 },
}

/// Where one CPU's time went, in ticks, plus its context switches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CpuTime {
    pub(crate) busy: u64,
    pub(crate) idle: u64,
    pub(crate) dispatch: u64,
    pub(crate) stall: u64,
    pub(crate) switches: u64,
    pub(crate) cache_needed: u64,
    pub(crate) cache_cold: u64,
    /// Threads that migrated onto this CPU.
    pub(crate) migrations: u64,
}

#[derive(Clone, Debug)]
pub(crate) struct Cpu {
    pub(crate) activity: Activity,
    pub(crate) time: CpuTime,
    /// The thread whose context this CPU holds (the one it ran last).
    pub(crate) last: Option<u32>,
    pub(crate) cache: CpuCache,
    /// A thread picked at the slice end under `DispatchTiming::AtSliceEnd`, not yet dispatched.
    reserved: Option<u32>,
    /// A thread displaced by a boost, which continues if the policy picks it again.
    displaced: Option<u32>,
    /// Start and kind of the Gantt slice in progress.
    open_start: u64,
    open_kind: SliceKind,
}

/// Most trace entries reserved up front (more are allocated as needed).
const MAX_RESERVED_EVENTS: usize = 2_500_000;

/// Trace buffers, kept out of the engine so that checkpoints stay small.
#[derive(Clone, Debug, Default)]
pub(crate) struct Recorder {
    pub(crate) events: Vec<Event>,
    pub(crate) gantt: Vec<Vec<GanttSlice>>,
}

/// The whole simulation state. Cloning it is a checkpoint.
#[derive(Clone, Debug)]
pub(crate) struct Engine {
    pub(crate) scenario: Rc<Scenario>,
    pub(crate) now: u64,
    pub(crate) tasks: Vec<Task>,
    pub(crate) cpus: Vec<Cpu>,
    /// The ready structures: one shared by all CPUs, or one per CPU ([`QueueTopology::PerCpu`]).
    /// Every queue runs the same policy with the same parameters, so calls that only apply the
    /// rules to a thread (admit, dispatch, expiry, ranks) go to queue 0.
    pub(crate) queues: Vec<Policy>,
    per_cpu: bool,
    /// Pending I/O completions: (tick, thread index).
    io_heap: BinaryHeap<Reverse<(u64, u32)>>,
    /// Processes sorted by (arrival, pid) and the next one to admit.
    arrival_order: Vec<u32>,
    next_arrival: usize,
    next_seq: u64,
    next_boost: Option<u64>,
    aging_at: Option<u64>,
    device_free_at: u64,
    last_dispatched: Option<u32>,
    alive_or_new: usize,
    pub(crate) instants: u64,
    expired: Vec<u32>,
    claims: Vec<u32>,
    direct: Vec<(u32, u32)>,
    pub(crate) recorder: Option<alloc::boxed::Box<Recorder>>,
}

impl Engine {
    pub(crate) fn new(scenario: Rc<Scenario>, record: bool) -> Engine {
        let processes = scenario.processes();
        let tasks: Vec<Task> = scenario
            .threads()
            .iter()
            .map(|thread| {
                let process = &processes[thread.pid() as usize];
                Task {
                    pid: thread.pid(),
                    tid: thread.tid(),
                    state: ProcessState::New,
                    burst: 0,
                    left: thread.bursts()[0],
                    ready_since: 0,
                    blocked_since: 0,
                    io_done_at: 0,
                    seq: 0,
                    priority: process.priority(),
                    class: process.class(),
                    tickets: process.tickets(),
                    level: 0,
                    quantum_left: None,
                    keep_quantum: false,
                    allotment_left: 0,
                    prediction_milli: None,
                    run_rank: 0,
                    last_cpu: None,
                    queued_on: 0,
                    user_level: process.thread_count() > 1
                        && scenario.machine().thread_model == ThreadModel::User,
                    acc: Accounting::default(),
                    migrations: 0,
                }
            })
            .collect();
        let mut arrival_order: Vec<u32> = (0..processes.len() as u32).collect();
        arrival_order.sort_by_key(|pid| (processes[*pid as usize].arrival(), *pid));
        let cpu_count = scenario.machine().cpus as usize;
        let capacity = scenario.machine().cache.capacity;
        let cpus = vec![
            Cpu {
                activity: Activity::Free,
                time: CpuTime::default(),
                last: None,
                cache: CpuCache::new(capacity),
                reserved: None,
                displaced: None,
                open_start: 0,
                open_kind: SliceKind::Idle,
            };
            cpu_count
        ];
        let per_cpu = scenario.machine().topology == QueueTopology::PerCpu;
        let queue_count = if per_cpu { cpu_count } else { 1 };
        let queues: Vec<Policy> = (0..queue_count).map(|_| Policy::new(&scenario)).collect();
        let next_boost = queues[0].boost_period();
        let slices = usize::try_from(scenario.slice_estimate()).unwrap_or(0);
        let recorder = record.then(|| {
            // Sized from the validated scenario so that recording never reallocates in the
            // common case (each slice ends with one event and starts with another).
            let threads = scenario.threads().len();
            let events = (2 * slices + 4 * threads).min(MAX_RESERVED_EVENTS);
            let per_cpu = ((slices + threads) / cpu_count + 16).min(MAX_RESERVED_EVENTS / 2);
            alloc::boxed::Box::new(Recorder {
                events: Vec::with_capacity(events),
                gantt: (0..cpu_count)
                    .map(|_| Vec::with_capacity(per_cpu))
                    .collect(),
            })
        });
        Engine {
            scenario,
            now: 0,
            alive_or_new: tasks.len(),
            tasks,
            cpus,
            queues,
            per_cpu,
            io_heap: BinaryHeap::new(),
            arrival_order,
            next_arrival: 0,
            next_seq: 0,
            next_boost,
            aging_at: None,
            device_free_at: 0,
            last_dispatched: None,
            instants: 0,
            expired: Vec::new(),
            claims: Vec::new(),
            direct: Vec::new(),
            recorder,
        }
    }

    /// True once every thread has exited.
    pub(crate) fn finished(&self) -> bool {
        self.alive_or_new == 0
    }

    /// The next instant at which something happens, if any.
    pub(crate) fn next_instant(&self) -> Option<u64> {
        if self.finished() {
            return None;
        }
        let mut next = u64::MAX;
        for cpu in &self.cpus {
            match cpu.activity {
                Activity::Switching { run_at, .. } => next = next.min(run_at),
                Activity::Running { until, .. } => next = next.min(until),
                Activity::Free | Activity::Held { .. } => {}
            }
        }
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
        (next != u64::MAX).then_some(next)
    }

    /// Runs to the end.
    pub(crate) fn run(&mut self) {
        while let Some(instant) = self.next_instant() {
            self.step(instant);
        }
        self.close_gantt();
    }

    /// Applies every event of `instant` (which must be [`Engine::next_instant`]).
    pub(crate) fn step(&mut self, instant: u64) {
        self.now = instant;
        self.instants += 1;
        let conventions = *self.scenario.conventions();
        // 1. Activity ends, CPU by CPU.
        for cpu in 0..self.cpus.len() {
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
                        let last = self.last_dispatched;
                        let queue = self.queue_of(cpu);
                        self.cpus[cpu].reserved =
                            self.queues[queue].pick(&self.tasks, instant, last);
                    }
                }
                _ => {}
            }
        }
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
        let expired = core::mem::take(&mut self.expired);
        for index in &expired {
            self.make_ready(*index, Entry::Expired);
        }
        self.expired = expired;
        self.expired.clear();
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

    fn record(
        &mut self,
        cpu: Option<usize>,
        index: u32,
        from: ProcessState,
        to: ProcessState,
        cause: Cause,
    ) {
        if let Some(recorder) = &mut self.recorder {
            let task = &self.tasks[index as usize];
            recorder.events.push(Event {
                tick: self.now,
                cpu: cpu.map(|cpu| cpu as u32),
                thread: task.thread_ref(),
                from,
                to,
                cause,
            });
        }
    }

    /// Switches the Gantt slice in progress on `cpu` to `kind` from `tick` on.
    fn set_slice(&mut self, cpu: usize, tick: u64, kind: SliceKind) {
        let state = &mut self.cpus[cpu];
        if tick > state.open_start {
            let length = tick - state.open_start;
            let time = &mut state.time;
            match state.open_kind {
                SliceKind::Run { .. } => time.busy += length,
                SliceKind::Idle => time.idle += length,
                SliceKind::Dispatch { .. } => time.dispatch += length,
                SliceKind::CacheStall { .. } => time.stall += length,
            }
        }
        if let Some(recorder) = &mut self.recorder {
            if tick > state.open_start {
                let slices = &mut recorder.gantt[cpu];
                match slices.last_mut() {
                    Some(last) if last.kind == state.open_kind && last.end == state.open_start => {
                        last.end = tick
                    }
                    _ => slices.push(GanttSlice {
                        cpu: cpu as u32,
                        start: state.open_start,
                        end: tick,
                        kind: state.open_kind,
                    }),
                }
            }
        }
        if tick >= state.open_start {
            state.open_start = tick;
            state.open_kind = kind;
        }
    }

    fn close_gantt(&mut self) {
        let end = self.now;
        for cpu in 0..self.cpus.len() {
            self.set_slice(cpu, end, SliceKind::Idle);
        }
    }

    /// Ticks executed by the thread running on `cpu` since its slice began (0 if none).
    fn settle(&mut self, cpu: usize) {
        if let Activity::Running { task, since, until } = self.cpus[cpu].activity {
            let ran = self.now - since;
            let entry = &mut self.tasks[task as usize];
            entry.left -= ran;
            if let Some(quantum) = &mut entry.quantum_left {
                *quantum = quantum.saturating_sub(ran);
            }
            entry.acc.cpu += ran;
            if ran > 0 {
                entry.acc.last_run = Some(self.now);
                entry.acc.first_run.get_or_insert(since);
            }
            self.cpus[cpu].activity = Activity::Running {
                task,
                since: self.now,
                until,
            };
        }
    }

    fn slice_end(&self, task: u32) -> u64 {
        let entry = &self.tasks[task as usize];
        let slice = match entry.quantum_left {
            Some(quantum) => entry.left.min(quantum),
            None => entry.left,
        };
        self.now + slice
    }

    fn start_running(&mut self, cpu: usize, task: u32) {
        let until = self.slice_end(task);
        self.cpus[cpu].activity = Activity::Running {
            task,
            since: self.now,
            until,
        };
    }

    fn make_ready(&mut self, index: u32, entry: Entry) {
        let queue = self.home_queue(index);
        self.make_ready_on(index, entry, queue);
    }

    fn make_ready_on(&mut self, index: u32, entry: Entry, queue: usize) {
        let task = &mut self.tasks[index as usize];
        if entry != Entry::PutBack {
            task.state = ProcessState::Ready;
            task.ready_since = self.now;
            task.seq = self.next_seq;
            self.next_seq += 1;
        }
        self.enqueue_on(queue, index, entry);
    }

    /// Puts `index` into ready queue `queue` (a put-back keeps the thread's home CPU).
    fn enqueue_on(&mut self, queue: usize, index: u32, entry: Entry) {
        if entry != Entry::PutBack {
            self.tasks[index as usize].queued_on = queue as u32;
        }
        self.queues[queue].enqueue(&self.tasks, index, entry);
    }

    /// The ready queue that serves `cpu`.
    fn queue_of(&self, cpu: usize) -> usize {
        if self.per_cpu {
            cpu
        } else {
            0
        }
    }

    /// Ready threads in all queues.
    fn ready_total(&self) -> usize {
        self.queues.iter().map(Policy::ready_count).sum()
    }

    /// The queue a thread becoming ready joins. Per-CPU queues: the CPU it last ran on (its
    /// cache is warm there); a thread that never ran joins the queue with the fewest ready
    /// threads, then one whose CPU has nothing on it, then the lowest index.
    fn home_queue(&self, index: u32) -> usize {
        if !self.per_cpu {
            return 0;
        }
        if let Some(cpu) = self.tasks[index as usize].last_cpu {
            return cpu as usize;
        }
        (0..self.cpus.len())
            .min_by_key(|cpu| {
                let state = &self.cpus[*cpu];
                let occupied = state.activity != Activity::Free
                    || state.reserved.is_some()
                    || state.displaced.is_some();
                (self.queues[*cpu].ready_count(), occupied, *cpu)
            })
            .unwrap_or(0)
    }

    /// Per-CPU queues: the queue an idle CPU with an empty queue steals from, the one with the
    /// most ready threads (lowest index on ties), if any other queue holds a thread.
    fn steal_from(&self, cpu: usize) -> Option<usize> {
        (0..self.cpus.len())
            .filter(|other| *other != cpu && self.queues[*other].ready_count() > 0)
            .max_by_key(|other| (self.queues[*other].ready_count(), Reverse(*other)))
    }

    /// Ready, but invisible to the kernel: a user-level thread waiting for its process's CPU.
    fn park(&mut self, index: u32) {
        let task = &mut self.tasks[index as usize];
        task.state = ProcessState::Ready;
        task.ready_since = self.now;
        task.seq = self.next_seq;
        self.next_seq += 1;
    }

    /// The next unfinished user-level thread of `index`'s process, cyclically by tid.
    fn next_user_thread(&self, index: u32) -> Option<u32> {
        let process = &self.scenario.processes()[self.tasks[index as usize].pid as usize];
        let first = process.first_thread();
        let count = process.thread_count();
        let offset = index - first;
        (1..count)
            .map(|step| first + (offset + step) % count)
            .find(|candidate| self.tasks[*candidate as usize].state == ProcessState::Ready)
    }

    /// The user-level scheduler switches the running process from `old` (exited) to `new` on
    /// `cpu`, with no kernel involvement: no dispatch latency, the process keeps its slice.
    fn user_switch(&mut self, cpu: usize, old: u32, new: u32) {
        let (level, quantum_left, allotment_left, run_rank) = {
            let task = &self.tasks[old as usize];
            (
                task.level,
                task.quantum_left,
                task.allotment_left,
                task.run_rank,
            )
        };
        if quantum_left == Some(0) {
            // The process's slice ended with the thread: it goes back to the ready queue,
            // represented by the thread the user-level scheduler runs next.
            let task = &mut self.tasks[new as usize];
            task.level = level;
            task.quantum_left = quantum_left;
            task.allotment_left = allotment_left;
            let change = self.queues[0].on_expired(&mut self.tasks[new as usize]);
            self.report_level(Some(cpu), new, ProcessState::Ready, change);
            self.leave_ready(new);
            let queue = self.queue_of(cpu);
            self.make_ready_on(new, Entry::Expired, queue);
            return;
        }
        self.leave_ready(new);
        let saved = Some(self.tasks[old as usize].thread_ref());
        let task = &mut self.tasks[new as usize];
        task.level = level;
        task.quantum_left = quantum_left;
        task.allotment_left = allotment_left;
        task.run_rank = run_rank;
        task.state = ProcessState::Running;
        task.acc.dispatches += 1;
        task.last_cpu = Some(cpu as u32);
        let thread = task.thread_ref();
        self.record(
            Some(cpu),
            new,
            ProcessState::Ready,
            ProcessState::Running,
            Cause::Dispatched {
                saved,
                latency: 0,
                stall: 0,
            },
        );
        self.cpus[cpu].last = Some(new);
        self.last_dispatched = Some(new);
        self.set_slice(cpu, self.now, SliceKind::Run { thread });
        self.start_running(cpu, new);
    }

    fn leave_ready(&mut self, index: u32) {
        let now = self.now;
        let task = &mut self.tasks[index as usize];
        task.acc.ready += now - task.ready_since;
    }

    fn report_level(
        &mut self,
        cpu: Option<usize>,
        index: u32,
        state: ProcessState,
        change: LevelChange,
    ) {
        if let LevelChange::Demoted(level) = change {
            self.record(cpu, index, state, state, Cause::Demoted { level });
        }
    }

    /// A running slice ends at `now`: the burst is done (I/O or exit) or the quantum expired.
    fn end_slice(&mut self, cpu: usize, index: u32, requeue: RequeueOrder) {
        self.settle(cpu);
        self.cpus[cpu].activity = Activity::Free;
        let now = self.now;
        if self.tasks[index as usize].left > 0 {
            let change = self.queues[0].on_expired(&mut self.tasks[index as usize]);
            self.record(
                Some(cpu),
                index,
                ProcessState::Running,
                ProcessState::Ready,
                Cause::QuantumExpired,
            );
            self.report_level(Some(cpu), index, ProcessState::Ready, change);
            self.tasks[index as usize].state = ProcessState::Ready;
            self.set_slice(cpu, now, SliceKind::Idle);
            match requeue {
                RequeueOrder::BeforeArrivals => self.make_ready(index, Entry::Expired),
                RequeueOrder::AfterArrivals => {
                    self.tasks[index as usize].ready_since = now;
                    self.expired.push(index);
                }
            }
            return;
        }
        let scenario = Rc::clone(&self.scenario);
        let bursts = scenario.threads()[index as usize].bursts();
        let task = &self.tasks[index as usize];
        let burst = task.burst as usize;
        self.set_slice(cpu, now, SliceKind::Idle);
        if burst + 1 >= bursts.len() {
            let task = &mut self.tasks[index as usize];
            task.state = ProcessState::Exit;
            task.acc.completion = Some(now);
            self.alive_or_new -= 1;
            self.record(
                Some(cpu),
                index,
                ProcessState::Running,
                ProcessState::Exit,
                Cause::Exited,
            );
            if self.tasks[index as usize].user_level {
                if let Some(next) = self.next_user_thread(index) {
                    self.user_switch(cpu, index, next);
                }
            }
            return;
        }
        let cpu_length = bursts[burst];
        let io_length = bursts[burst + 1];
        let change = self.queues[0].on_block(&mut self.tasks[index as usize], cpu_length);
        self.record(
            Some(cpu),
            index,
            ProcessState::Running,
            ProcessState::Blocked,
            Cause::IoRequested { length: io_length },
        );
        self.report_level(Some(cpu), index, ProcessState::Blocked, change);
        let done_at = match self.scenario.conventions().io_devices {
            IoDevices::Unlimited => now + io_length,
            IoDevices::SingleFifo => {
                let start = self.device_free_at.max(now);
                self.device_free_at = start + io_length;
                start + io_length
            }
        };
        let task = &mut self.tasks[index as usize];
        task.state = ProcessState::Blocked;
        task.burst += 1;
        task.left = io_length;
        task.blocked_since = now;
        task.io_done_at = done_at;
        self.io_heap.push(Reverse((done_at, index)));
        if self.scenario.conventions().hold_cpu_during_io {
            self.cpus[cpu].activity = Activity::Held { task: index };
        }
    }

    fn complete_io(&mut self, completion: IoCompletion) {
        while let Some(Reverse((tick, index))) = self.io_heap.peek().copied() {
            if tick != self.now {
                break;
            }
            self.io_heap.pop();
            let now = self.now;
            let scenario = Rc::clone(&self.scenario);
            let bursts = scenario.threads()[index as usize].bursts();
            let task = &mut self.tasks[index as usize];
            task.acc.io += now - task.blocked_since;
            task.burst += 1;
            task.left = bursts[task.burst as usize];
            self.record(
                None,
                index,
                ProcessState::Blocked,
                ProcessState::Ready,
                Cause::IoCompleted,
            );
            let held = self
                .cpus
                .iter()
                .position(|cpu| cpu.activity == Activity::Held { task: index });
            if let Some(cpu) = held {
                let task = &mut self.tasks[index as usize];
                task.state = ProcessState::Ready;
                task.ready_since = now;
                self.cpus[cpu].activity = Activity::Free;
                self.direct.push((cpu as u32, index));
            } else if completion == IoCompletion::Preempt {
                let task = &mut self.tasks[index as usize];
                task.state = ProcessState::Ready;
                task.ready_since = now;
                task.seq = self.next_seq;
                self.next_seq += 1;
                self.claims.push(index);
            } else {
                self.make_ready(index, Entry::IoDone);
            }
        }
    }

    fn admit_arrivals(&mut self) {
        let scenario = Rc::clone(&self.scenario);
        while let Some(pid) = self.arrival_order.get(self.next_arrival).copied() {
            let process = &scenario.processes()[pid as usize];
            if process.arrival() != self.now {
                break;
            }
            self.next_arrival += 1;
            let first = process.first_thread();
            for index in first..first + process.thread_count() {
                self.queues[0].admit(&mut self.tasks[index as usize]);
                self.record(
                    None,
                    index,
                    ProcessState::New,
                    ProcessState::Ready,
                    Cause::Admitted,
                );
                if self.tasks[index as usize].user_level && index != first {
                    // User-level threads: the kernel queues the process once, through the
                    // thread the user-level scheduler runs; the others wait inside the process.
                    self.park(index);
                } else {
                    self.make_ready(index, Entry::Arrival);
                }
            }
        }
    }

    fn boost(&mut self) {
        // Running threads below the top level go back to the head of their level first, as if
        // preempted; they continue at once if the policy picks them again.
        for cpu in 0..self.cpus.len() {
            if let Activity::Running { task, .. } = self.cpus[cpu].activity {
                self.settle(cpu);
                if self.tasks[task as usize].level > 0 {
                    self.tasks[task as usize].ready_since = self.now;
                    let queue = self.queue_of(cpu);
                    self.enqueue_on(queue, task, Entry::Preempted);
                    self.cpus[cpu].activity = Activity::Free;
                    self.cpus[cpu].displaced = Some(task);
                }
            }
        }
        let lowered: Vec<u32> = (0..self.tasks.len() as u32)
            .filter(|index| {
                self.tasks[*index as usize].is_alive() && self.tasks[*index as usize].level > 0
            })
            .collect();
        for queue in &mut self.queues {
            queue.boost(&mut self.tasks);
        }
        for index in lowered {
            let state = self.tasks[index as usize].state;
            self.record(None, index, state, state, Cause::Boosted);
        }
        for cpu in 0..self.cpus.len() {
            if let Activity::Running { task, since, .. } = self.cpus[cpu].activity {
                let until = self.slice_end(task);
                self.cpus[cpu].activity = Activity::Running { task, since, until };
            }
        }
    }

    /// Starts dispatching `index` on `cpu`: Ready -> Running, with latency and stall.
    fn dispatch(&mut self, cpu: usize, index: u32) {
        let now = self.now;
        // A thread displaced by a boost from another CPU migrates: it leaves that CPU first.
        if let Some(other) = (0..self.cpus.len())
            .find(|other| *other != cpu && self.cpus[*other].displaced == Some(index))
        {
            self.cpus[other].displaced = None;
            let by = self.tasks[index as usize].thread_ref();
            self.record(
                Some(other),
                index,
                ProcessState::Running,
                ProcessState::Ready,
                Cause::Preempted {
                    by,
                    reason: PreemptReason::Boost,
                },
            );
            self.tasks[index as usize].acc.preemptions += 1;
            self.tasks[index as usize].state = ProcessState::Ready;
            self.set_slice(other, now, SliceKind::Idle);
        }
        self.leave_ready(index);
        // A migration: dispatched onto a CPU other than its home, the CPU whose queue it joined
        // (per-CPU queues) or the CPU it last ran on (shared queue).
        let home = if self.per_cpu {
            Some(self.tasks[index as usize].queued_on)
        } else {
            self.tasks[index as usize].last_cpu
        };
        if home.is_some_and(|home| home as usize != cpu) {
            self.tasks[index as usize].migrations += 1;
            self.cpus[cpu].time.migrations += 1;
        }
        let machine = *self.scenario.machine();
        let previous = self.cpus[cpu].last;
        let task = &self.tasks[index as usize];
        let latency = match previous {
            None => 0,
            Some(last) if last == index => 0,
            Some(last) if self.tasks[last as usize].pid == task.pid => {
                machine.thread_switch_latency
            }
            Some(_) => machine.dispatch_latency,
        };
        let stall = if machine.cache.enabled {
            let process = &self.scenario.processes()[task.pid as usize];
            let stack = self.scenario.threads()[index as usize].stack();
            let (pid, tid) = (task.pid, task.tid);
            for (other, state) in self.cpus.iter_mut().enumerate() {
                if other != cpu {
                    state.cache.forget_stack(pid, tid);
                }
            }
            let cold = self.cpus[cpu]
                .cache
                .load(pid, tid, process.working_set(), stack);
            let needed = u64::from(process.working_set()) + u64::from(stack);
            self.cpus[cpu].time.cache_needed += needed;
            self.cpus[cpu].time.cache_cold += u64::from(cold);
            let accounting = &mut self.tasks[index as usize].acc;
            accounting.cache_needed += needed;
            accounting.cache_cold += u64::from(cold);
            u64::from(cold).saturating_mul(machine.cache.refill_per_unit)
        } else {
            0
        };
        let saved = previous
            .filter(|last| *last != index)
            .map(|last| self.tasks[last as usize].thread_ref());
        self.queues[0].on_dispatch(&mut self.tasks[index as usize], now);
        let task = &mut self.tasks[index as usize];
        task.state = ProcessState::Running;
        task.acc.dispatches += 1;
        task.acc.switch += latency;
        task.acc.stall += stall;
        task.last_cpu = Some(cpu as u32);
        let thread = task.thread_ref();
        self.record(
            Some(cpu),
            index,
            ProcessState::Ready,
            ProcessState::Running,
            Cause::Dispatched {
                saved,
                latency,
                stall,
            },
        );
        self.cpus[cpu].last = Some(index);
        if saved.is_some() {
            self.cpus[cpu].time.switches += 1;
        }
        self.last_dispatched = Some(index);
        if latency > 0 {
            self.set_slice(
                cpu,
                now,
                SliceKind::Dispatch {
                    from: saved,
                    to: thread,
                },
            );
        }
        if stall > 0 {
            self.set_slice(cpu, now + latency, SliceKind::CacheStall { thread });
        }
        let run_at = now + latency + stall;
        self.set_slice(cpu, run_at, SliceKind::Run { thread });
        if run_at == now {
            self.start_running(cpu, index);
        } else {
            self.cpus[cpu].activity = Activity::Switching {
                task: index,
                stall_from: now + latency,
                run_at,
            };
        }
    }

    /// Takes `victim` (running on `cpu`) off the CPU in favour of `by`.
    fn preempt(&mut self, cpu: usize, victim: u32, by: u32, reason: PreemptReason) {
        self.settle(cpu);
        let by_ref = self.tasks[by as usize].thread_ref();
        self.record(
            Some(cpu),
            victim,
            ProcessState::Running,
            ProcessState::Ready,
            Cause::Preempted { by: by_ref, reason },
        );
        self.queues[0].on_preempted(&mut self.tasks[victim as usize]);
        self.tasks[victim as usize].acc.preemptions += 1;
        self.cpus[cpu].activity = Activity::Free;
        self.set_slice(cpu, self.now, SliceKind::Idle);
        self.make_ready(victim, Entry::Preempted);
    }

    fn running_task(&self, cpu: usize) -> Option<u32> {
        match self.cpus[cpu].activity {
            Activity::Running { task, .. } => Some(task),
            _ => None,
        }
    }

    /// Picks one thread per plainly free CPU (in policy order) and places each on the CPU it
    /// last ran on if that CPU is free, the rest on the remaining free CPUs in index order.
    fn place_with_affinity(&mut self) {
        let now = self.now;
        let mut free: Vec<usize> = (0..self.cpus.len())
            .filter(|cpu| {
                let state = &self.cpus[*cpu];
                state.activity == Activity::Free
                    && state.reserved.is_none()
                    && state.displaced.is_none()
            })
            .collect();
        if free.len() < 2 {
            return;
        }
        let mut picked = Vec::new();
        while picked.len() < free.len() && self.queues[0].ready_count() > 0 {
            match self.queues[0].pick(&self.tasks, now, self.last_dispatched) {
                Some(index) => picked.push(index),
                None => break,
            }
        }
        let mut homeless = Vec::new();
        for index in picked {
            let home = self.tasks[index as usize].last_cpu.map(|cpu| cpu as usize);
            match home.and_then(|home| free.iter().position(|cpu| *cpu == home)) {
                Some(position) => {
                    let cpu = free.remove(position);
                    self.dispatch(cpu, index);
                }
                None => homeless.push(index),
            }
        }
        for (index, cpu) in homeless.into_iter().zip(free) {
            self.dispatch(cpu, index);
        }
    }

    /// The thread free `cpu` takes from its own queue (the shared queue unless per-CPU).
    fn pick_own(&mut self, cpu: usize) -> Option<u32> {
        let queue = self.queue_of(cpu);
        if self.queues[queue].ready_count() == 0 {
            return None;
        }
        self.queues[queue].pick(&self.tasks, self.now, self.last_dispatched)
    }

    /// A running thread's rank against the ready ones.
    fn running_rank_on(&self, cpu: usize) -> Option<(u32, u64)> {
        match self.cpus[cpu].activity {
            Activity::Running { task, since, .. } => {
                let remaining = self.tasks[task as usize].left - (self.now - since);
                let rank = self.queues[0].running_rank(&self.tasks[task as usize], remaining);
                Some((task, rank))
            }
            _ => None,
        }
    }

    /// The CPU an I/O completion that claims a CPU takes, if it can take one now. Shared queue:
    /// the first free CPU, else the first running one. Per-CPU queues: only its home CPU.
    fn claim_target(&self, index: u32, claimed: &[usize]) -> Option<usize> {
        let available = |cpu: &usize| !claimed.contains(cpu);
        if self.per_cpu {
            let home = self.home_queue(index);
            let usable =
                self.cpus[home].activity == Activity::Free || self.running_task(home).is_some();
            return (usable && available(&home)).then_some(home);
        }
        (0..self.cpus.len())
            .find(|cpu| self.cpus[*cpu].activity == Activity::Free && available(cpu))
            .or_else(|| {
                (0..self.cpus.len()).find(|cpu| self.running_task(*cpu).is_some() && available(cpu))
            })
    }

    fn decide(&mut self) {
        let now = self.now;
        // CPUs held for a blocked thread resume it.
        let direct = core::mem::take(&mut self.direct);
        for (cpu, index) in &direct {
            self.dispatch(*cpu as usize, *index);
        }
        self.direct = direct;
        self.direct.clear();
        // I/O completions that claim a CPU: the last claimant wins each CPU.
        if !self.claims.is_empty() {
            let claims = core::mem::take(&mut self.claims);
            let mut claimed: Vec<usize> = Vec::new();
            let mut losers: Vec<u32> = Vec::new();
            for index in claims.iter().rev() {
                match self.claim_target(*index, &claimed) {
                    Some(cpu) => {
                        claimed.push(cpu);
                        if let Some(reserved) = self.cpus[cpu].reserved.take() {
                            let queue = self.queue_of(cpu);
                            self.enqueue_on(queue, reserved, Entry::PutBack);
                        }
                        if let Some(victim) = self.running_task(cpu) {
                            self.preempt(cpu, victim, *index, PreemptReason::IoCompletion);
                        }
                        self.dispatch(cpu, *index);
                    }
                    None => losers.push(*index),
                }
            }
            for index in losers.iter().rev() {
                // Already numbered as ready at its completion; keep that place.
                let queue = self.home_queue(*index);
                self.enqueue_on(queue, *index, Entry::IoDone);
            }
            self.claims = claims;
            self.claims.clear();
        }
        // With affinity, threads picked for CPUs freed at the same instant go back to the CPU
        // they last ran on when it is one of them.
        if self.scenario.machine().topology == QueueTopology::Affinity {
            self.place_with_affinity();
        }
        // Free CPUs take the policy's pick (per-CPU queues: from their own queue).
        for cpu in 0..self.cpus.len() {
            if self.cpus[cpu].activity != Activity::Free {
                continue;
            }
            let displaced = self.cpus[cpu].displaced.take();
            let pick = match self.cpus[cpu].reserved.take() {
                Some(reserved) => Some(reserved),
                None => self.pick_own(cpu),
            };
            match (displaced, pick) {
                (Some(old), Some(new)) if old == new => {
                    let until = self.slice_end(new);
                    self.cpus[cpu].activity = Activity::Running {
                        task: new,
                        since: now,
                        until,
                    };
                }
                (Some(old), Some(new)) => {
                    let by = self.tasks[new as usize].thread_ref();
                    self.record(
                        Some(cpu),
                        old,
                        ProcessState::Running,
                        ProcessState::Ready,
                        Cause::Preempted {
                            by,
                            reason: PreemptReason::Boost,
                        },
                    );
                    self.tasks[old as usize].acc.preemptions += 1;
                    let task = &mut self.tasks[old as usize];
                    task.state = ProcessState::Ready;
                    task.ready_since = now;
                    self.set_slice(cpu, now, SliceKind::Idle);
                    self.dispatch(cpu, new);
                }
                (_, Some(new)) => self.dispatch(cpu, new),
                (_, None) => {}
            }
        }
        // Per-CPU queues: a CPU still free has an empty queue and steals from the longest one.
        if self.per_cpu && self.ready_total() > 0 {
            for cpu in 0..self.cpus.len() {
                if self.cpus[cpu].activity != Activity::Free {
                    continue;
                }
                let Some(victim) = self.steal_from(cpu) else {
                    break;
                };
                if let Some(index) =
                    self.queues[victim].pick(&self.tasks, now, self.last_dispatched)
                {
                    self.dispatch(cpu, index);
                }
            }
        }
        // Preemption: the best ready thread against the worst running one (per-CPU queues: each
        // CPU's queue against that CPU only).
        if self.queues[0].preemptive() {
            if self.per_cpu {
                for cpu in 0..self.cpus.len() {
                    self.preempt_within(cpu);
                }
            } else {
                self.preempt_across();
            }
        }
        for queue in &mut self.queues {
            queue.end_of_instant();
        }
        // When could aging alone cause the next preemption?
        if !self.queues[0].ages() {
            return;
        }
        self.aging_at = if self.per_cpu {
            (0..self.cpus.len())
                .filter_map(|cpu| {
                    let running = self
                        .running_task(cpu)
                        .map(|task| self.queues[0].running_rank(&self.tasks[task as usize], 0));
                    self.queues[cpu].next_aging(&self.tasks, now, running)
                })
                .min()
        } else {
            let worst_running = (0..self.cpus.len())
                .filter_map(|cpu| self.running_task(cpu))
                .map(|task| self.queues[0].running_rank(&self.tasks[task as usize], 0))
                .max();
            self.queues[0].next_aging(&self.tasks, now, worst_running)
        };
    }

    /// Shared queue: while the best ready thread is strictly better than the worst running one
    /// (highest CPU index on ties), it preempts that one.
    fn preempt_across(&mut self) {
        let now = self.now;
        while let Some(best) = self.queues[0].best_rank(&self.tasks, now) {
            let mut victim: Option<(usize, u64)> = None;
            for cpu in 0..self.cpus.len() {
                if let Some((_, rank)) = self.running_rank_on(cpu) {
                    if victim.is_none_or(|(_, worst)| rank >= worst) {
                        victim = Some((cpu, rank));
                    }
                }
            }
            let Some((cpu, rank)) = victim else { break };
            if !self.preempt_if_better(cpu, 0, best, rank) {
                break;
            }
        }
    }

    /// Per-CPU queues: the best thread of `cpu`'s queue preempts the thread running on `cpu` if
    /// it is strictly better.
    fn preempt_within(&mut self, cpu: usize) {
        let now = self.now;
        while let Some(best) = self.queues[cpu].best_rank(&self.tasks, now) {
            let Some((_, rank)) = self.running_rank_on(cpu) else {
                break;
            };
            if !self.preempt_if_better(cpu, cpu, best, rank) {
                break;
            }
        }
    }

    /// Preempts the thread running on `cpu` in favour of `queue`'s pick if `best < rank`.
    fn preempt_if_better(&mut self, cpu: usize, queue: usize, best: u64, rank: u64) -> bool {
        if best >= rank {
            return false;
        }
        let Some(victim_task) = self.running_task(cpu) else {
            return false;
        };
        let Some(by) = self.queues[queue].pick(&self.tasks, self.now, self.last_dispatched) else {
            return false;
        };
        let reason =
            self.queues[0].preempt_reason(&self.tasks, by, &self.tasks[victim_task as usize]);
        self.preempt(cpu, victim_task, by, reason);
        self.dispatch(cpu, by);
        true
    }
}
