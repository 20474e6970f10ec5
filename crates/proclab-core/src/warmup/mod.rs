//! The `warmup` cache model: OSTEP `multi.py`'s multiprocessor, tick by tick.
//!
//! With `machine.cache.model = "warmup"` a scenario is a list of jobs (one CPU burst each, all
//! there at 0) run by round robin on `machine.cpus` CPUs, each with a cache of `capacity` units
//! ([`cache`]). A job runs at rate 1 while cold and at `warm_rate` while the cache of its CPU is
//! warm for it: each tick its time left drops by the rate (never below 0). The rules, in the
//! order of one tick (named in `docs/semantics.md`, "The warm-up cache model"):
//! 1. *Timer.* At every multiple of the quantum after 0, every CPU's job goes back to the tail of
//!    the queue (its CPU's queue with per-CPU queues), CPU by CPU in index order: the timer is one
//!    clock for the whole machine, not a quantum counted from each dispatch.
//! 2. *Peeking* (per-CPU queues with `peek_interval = p > 0`): at every multiple of `p` after 0,
//!    CPU by CPU in index order, a CPU whose queue is empty picks one other CPU at random (Python's
//!    generator seeded with `seed`, [`python_random`]) and moves to its own queue the first job
//!    there that has no CPU list (`cpus`): a pinned job is never stolen.
//! 3. *Dispatch.* CPU by CPU in index order, an idle CPU takes the first job of its queue allowed
//!    to run on it (hard affinity), and its cache starts warming for that job.
//! 4. *Run.* CPU by CPU, the job runs one tick at its rate, its warm-up counts one tick, and a job
//!    with no time left ends (completion = the next tick).
//!
//! With per-CPU queues jobs are placed once at the start: CPU by CPU in index order, round after
//! round, each CPU takes the first unplaced job allowed on it. The run is stored tick by tick
//! ([`WarmupRun::tick`]), which [`MAX_WARMUP_WORK`](crate::scenario::error::MAX_WARMUP_WORK)
//! bounds; [`state_at`] stops the same machine at a tick (the page's machine view). The event engine ([`crate::simulate`]) does not apply this model yet: it runs such a
//! scenario as if the cache were off.

mod cache;
pub mod python_random;
pub mod render;

use alloc::collections::VecDeque;
use alloc::vec;
use alloc::vec::Vec;

use crate::scenario::Scenario;
use crate::spec::{PolicySpec, QueueTopology};
use cache::WarmCache;
use python_random::PythonRandom;

/// What one CPU did during one tick: the job (process index) it ran, its time left after the
/// tick, and whether the CPU's cache was warm for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WarmupSlot {
    /// The job: its process index.
    pub job: u32,
    /// Its time left after the tick.
    pub left: u64,
    /// True when the job ran warm (at `warm_rate`).
    pub warm: bool,
}

/// A finished run of the `warmup` model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarmupRun {
    cpus: usize,
    /// Per tick, per CPU: what ran (`None`: idle).
    slots: Vec<Option<WarmupSlot>>,
    completion: Vec<u64>,
    busy: Vec<u64>,
    warm: Vec<u64>,
}

impl WarmupRun {
    /// When the last job ended (`multi.py`'s "Finished time").
    pub fn end(&self) -> u64 {
        (self.slots.len() / self.cpus.max(1)) as u64
    }
    /// What each CPU did during `tick` (empty past the end).
    pub fn tick(&self, tick: u64) -> &[Option<WarmupSlot>] {
        let start = (tick as usize).saturating_mul(self.cpus);
        self.slots.get(start..start + self.cpus).unwrap_or(&[])
    }
    /// Each job's completion tick, by process index.
    pub fn completion(&self) -> &[u64] {
        &self.completion
    }
    /// Ticks each CPU ran a job.
    pub fn busy(&self) -> &[u64] {
        &self.busy
    }
    /// Ticks each CPU ran a job faster than rate 1 (warm, with `warm_rate` above 1): `multi.py`'s
    /// "warm" figure.
    pub fn warm(&self) -> &[u64] {
        &self.warm
    }
}

/// One CPU at the start of a tick, after the timer, the peeks and the dispatch of that tick and
/// before it runs: what it runs and what its cache holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarmupCpuState {
    /// The job it runs this tick (`None`: idle).
    pub running: Option<u32>,
    /// True when its cache is warm for that job (it runs at `warm_rate`).
    pub warm: bool,
    /// Jobs its cache is warm for, most recently warmed first (the back leaves first).
    pub cached: Vec<u32>,
    /// Jobs warming here and the ticks each still has to run here, by job index.
    pub warming: Vec<(u32, u64)>,
}

/// The whole `warmup` machine at the start of a tick ([`state_at`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarmupState {
    /// The tick (past the end: the end).
    pub tick: u64,
    /// Units each cache holds.
    pub capacity: u64,
    /// Ticks a job runs on a CPU before that CPU's cache is warm for it.
    pub warmup_time: u64,
    /// Each CPU, by index.
    pub cpus: Vec<WarmupCpuState>,
    /// The waiting jobs, in order: one shared queue, or one per CPU.
    pub queues: Vec<Vec<u32>>,
    /// True with one queue per CPU.
    pub per_cpu: bool,
    /// Each job's time left before this tick (0: done).
    pub left: Vec<u64>,
    /// Each job's working set, in units of cache.
    pub working_sets: Vec<u64>,
}

/// The machine of one run, stepped tick by tick: [`simulate`] runs it to the end, [`state_at`]
/// stops it at a tick.
struct Machine<'a> {
    scenario: &'a Scenario,
    quantum: u64,
    per_cpu: bool,
    peek: Option<u64>,
    working_sets: Vec<u64>,
    left: Vec<u64>,
    /// The waiting jobs, front first (a deque: a CPU takes from the front of a long queue).
    queues: Vec<VecDeque<u32>>,
    caches: Vec<WarmCache>,
    random: PythonRandom,
    running: Vec<Option<u32>>,
    completion: Vec<u64>,
    busy: Vec<u64>,
    warm: Vec<u64>,
    slots: Vec<Option<WarmupSlot>>,
    finished: usize,
    now: u64,
    /// Every tick some job runs (each queued job waits in a queue of a CPU it may run on), so
    /// the run ends by the total run time; the bound only makes that certain.
    total: u64,
}

impl<'a> Machine<'a> {
    fn new(scenario: &'a Scenario) -> Option<Machine<'a>> {
        let machine = scenario.machine();
        if !machine.cache.warmup() {
            return None;
        }
        let PolicySpec::Rr { quantum } = *scenario.policy() else {
            return None;
        };
        let spec = scenario.spec();
        let cpu_count = machine.cpus as usize;
        let jobs = spec.processes.len();
        let working_sets: Vec<u64> = spec
            .processes
            .iter()
            .map(|process| u64::from(process.working_set))
            .collect();
        let left: Vec<u64> = scenario
            .threads()
            .iter()
            .map(|thread| thread.bursts()[0])
            .collect();
        let per_cpu = machine.topology == QueueTopology::PerCpu;
        let mut queues: Vec<VecDeque<u32>> =
            vec![VecDeque::new(); if per_cpu { cpu_count } else { 1 }];
        if per_cpu {
            let mut unplaced: VecDeque<u32> = (0..jobs as u32).collect();
            while !unplaced.is_empty() {
                for (cpu, queue) in queues.iter_mut().enumerate() {
                    let position = unplaced.iter().position(|job| allowed(scenario, *job, cpu));
                    if let Some(job) = position.and_then(|position| unplaced.remove(position)) {
                        queue.push_back(job);
                    }
                }
            }
        } else {
            queues[0] = (0..jobs as u32).collect();
        }
        let caches = vec![
            WarmCache::new(
                u64::from(machine.cache.capacity),
                machine.cache.warmup_time,
                jobs
            );
            cpu_count
        ];
        let total = left.iter().sum();
        Some(Machine {
            scenario,
            quantum,
            per_cpu,
            peek: machine
                .peek_interval
                .filter(|interval| per_cpu && *interval > 0),
            working_sets,
            left,
            queues,
            caches,
            random: PythonRandom::new(spec.seed),
            running: vec![None; cpu_count],
            completion: vec![0; jobs],
            busy: vec![0; cpu_count],
            warm: vec![0; cpu_count],
            slots: Vec::new(),
            finished: 0,
            now: 0,
            total,
        })
    }

    fn cpu_count(&self) -> usize {
        self.running.len()
    }

    fn queue_of(&self, cpu: usize) -> usize {
        if self.per_cpu {
            cpu
        } else {
            0
        }
    }

    fn done(&self) -> bool {
        self.finished == self.left.len() || self.now > self.total
    }

    /// Steps 1 to 3 of tick `now`: the timer, the peeks and the dispatch.
    fn prepare(&mut self) {
        let now = self.now;
        let cpu_count = self.cpu_count();
        // 1. The timer.
        if now > 0 && now.is_multiple_of(self.quantum) {
            for cpu in 0..cpu_count {
                if let Some(job) = self.running[cpu].take() {
                    let queue = self.queue_of(cpu);
                    self.queues[queue].push_back(job);
                }
            }
        }
        // 2. Peeking.
        if let Some(interval) = self.peek {
            if now > 0 && now.is_multiple_of(interval) && cpu_count > 1 {
                let processes = &self.scenario.spec().processes;
                for cpu in 0..cpu_count {
                    if !self.queues[cpu].is_empty() {
                        continue;
                    }
                    let mut other = self.random.below(cpu_count as u32 - 1) as usize;
                    if other >= cpu {
                        other += 1;
                    }
                    let unpinned = self.queues[other]
                        .iter()
                        .position(|job| processes[*job as usize].cpus.is_empty());
                    if let Some(job) =
                        unpinned.and_then(|position| self.queues[other].remove(position))
                    {
                        self.queues[cpu].push_back(job);
                    }
                }
            }
        }
        // 3. Dispatch.
        for cpu in 0..cpu_count {
            if self.running[cpu].is_some() {
                continue;
            }
            let scenario = self.scenario;
            let queue = self.queue_of(cpu);
            let queue = &mut self.queues[queue];
            let position = queue.iter().position(|job| allowed(scenario, *job, cpu));
            if let Some(job) = position.and_then(|position| queue.remove(position)) {
                self.running[cpu] = Some(job);
                self.caches[cpu].start(job, &self.working_sets);
            }
        }
    }

    /// Step 4 of tick `now`: every CPU runs its job one tick; then the clock moves on.
    fn run(&mut self) {
        let warm_rate = self.scenario.machine().cache.warm_rate;
        for cpu in 0..self.cpu_count() {
            let Some(job) = self.running[cpu] else {
                self.slots.push(None);
                continue;
            };
            let is_warm = self.caches[cpu].is_warm(job);
            let rate = if is_warm { warm_rate } else { 1 };
            self.busy[cpu] += 1;
            if rate > 1 {
                self.warm[cpu] += 1;
            }
            let slot = &mut self.left[job as usize];
            *slot = slot.saturating_sub(rate);
            let left = *slot;
            self.caches[cpu].ran(job, &self.working_sets);
            self.slots.push(Some(WarmupSlot {
                job,
                left,
                warm: is_warm,
            }));
            if left == 0 {
                self.running[cpu] = None;
                self.completion[job as usize] = self.now + 1;
                self.finished += 1;
            }
        }
        self.now += 1;
    }

    fn state(&self) -> WarmupState {
        let cache = &self.scenario.machine().cache;
        WarmupState {
            tick: self.now,
            capacity: u64::from(cache.capacity),
            warmup_time: cache.warmup_time,
            cpus: self
                .running
                .iter()
                .zip(&self.caches)
                .map(|(running, cache)| WarmupCpuState {
                    running: *running,
                    warm: running.is_some_and(|job| cache.is_warm(job)),
                    cached: cache.warm_jobs().to_vec(),
                    warming: cache.warming_jobs().collect(),
                })
                .collect(),
            queues: self
                .queues
                .iter()
                .map(|queue| queue.iter().copied().collect())
                .collect(),
            per_cpu: self.per_cpu,
            left: self.left.clone(),
            working_sets: self.working_sets.clone(),
        }
    }
}

/// True when `job` may run on `cpu` (hard affinity: an empty CPU list allows every CPU).
fn allowed(scenario: &Scenario, job: u32, cpu: usize) -> bool {
    let cpus = &scenario.spec().processes[job as usize].cpus;
    cpus.is_empty() || cpus.contains(&(cpu as u32))
}

/// Runs `scenario` in the `warmup` model; `None` when its cache model is not `warmup`.
pub fn simulate(scenario: &Scenario) -> Option<WarmupRun> {
    let mut machine = Machine::new(scenario)?;
    while !machine.done() {
        machine.prepare();
        machine.run();
    }
    Some(WarmupRun {
        cpus: machine.cpu_count(),
        slots: machine.slots,
        completion: machine.completion,
        busy: machine.busy,
        warm: machine.warm,
    })
}

/// The machine of `scenario`'s `warmup` run at the start of `tick`, once that tick's timer,
/// peeks and dispatch are done and before it runs ([`WarmupRun::tick`] says how it ran); past
/// the end, the machine when the last job ended. `None` when its cache model is not `warmup`.
/// It runs the machine again from 0 (the run is bounded by
/// [`MAX_WARMUP_WORK`](crate::scenario::error::MAX_WARMUP_WORK) CPU-ticks).
pub fn state_at(scenario: &Scenario, tick: u64) -> Option<WarmupState> {
    let mut machine = Machine::new(scenario)?;
    while machine.now < tick && !machine.done() {
        machine.prepare();
        machine.run();
    }
    if !machine.done() {
        machine.prepare();
    }
    Some(machine.state())
}
