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
//! bounds. The event engine ([`crate::simulate`]) does not apply this model yet: it runs such a
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

/// Runs `scenario` in the `warmup` model; `None` when its cache model is not `warmup`.
pub fn simulate(scenario: &Scenario) -> Option<WarmupRun> {
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
    let allowed = |job: u32, cpu: usize| {
        let cpus = &spec.processes[job as usize].cpus;
        cpus.is_empty() || cpus.contains(&(cpu as u32))
    };
    let mut left: Vec<u64> = scenario
        .threads()
        .iter()
        .map(|thread| thread.bursts()[0])
        .collect();
    let per_cpu = machine.topology == QueueTopology::PerCpu;
    // Queues are taken from the front: a deque, so a dispatch does not move the whole queue.
    let mut queues: Vec<VecDeque<u32>> = vec![VecDeque::new(); if per_cpu { cpu_count } else { 1 }];
    if per_cpu {
        let mut unplaced: VecDeque<u32> = (0..jobs as u32).collect();
        while !unplaced.is_empty() {
            for (cpu, queue) in queues.iter_mut().enumerate() {
                let position = unplaced.iter().position(|job| allowed(*job, cpu));
                if let Some(job) = position.and_then(|position| unplaced.remove(position)) {
                    queue.push_back(job);
                }
            }
        }
    } else {
        queues[0] = (0..jobs as u32).collect();
    }
    let queue_of = |cpu: usize| if per_cpu { cpu } else { 0 };
    let warm_rate = machine.cache.warm_rate;
    let mut caches = vec![
        WarmCache::new(
            u64::from(machine.cache.capacity),
            machine.cache.warmup_time,
            jobs
        );
        cpu_count
    ];
    let mut random = PythonRandom::new(spec.seed);
    let peek = machine
        .peek_interval
        .filter(|interval| per_cpu && *interval > 0);
    let mut running: Vec<Option<u32>> = vec![None; cpu_count];
    let mut completion = vec![0; jobs];
    let mut busy = vec![0; cpu_count];
    let mut warm = vec![0; cpu_count];
    let mut slots = Vec::new();
    let mut finished = 0;
    let mut now: u64 = 0;
    // Every tick some job runs (each queued job waits in a queue of a CPU it may run on), so the
    // run ends by the total run time; the bound only makes that certain.
    let total: u64 = left.iter().sum();
    while finished < jobs && now <= total {
        // 1. The timer.
        if now > 0 && now.is_multiple_of(quantum) {
            for (cpu, job) in running.iter_mut().enumerate() {
                if let Some(job) = job.take() {
                    queues[queue_of(cpu)].push_back(job);
                }
            }
        }
        // 2. Peeking.
        if let Some(interval) = peek {
            if now > 0 && now.is_multiple_of(interval) && cpu_count > 1 {
                for cpu in 0..cpu_count {
                    if !queues[cpu].is_empty() {
                        continue;
                    }
                    let mut other = random.below(cpu_count as u32 - 1) as usize;
                    if other >= cpu {
                        other += 1;
                    }
                    let unpinned = queues[other]
                        .iter()
                        .position(|job| spec.processes[*job as usize].cpus.is_empty());
                    if let Some(job) = unpinned.and_then(|position| queues[other].remove(position))
                    {
                        queues[cpu].push_back(job);
                    }
                }
            }
        }
        // 3. Dispatch.
        for cpu in 0..cpu_count {
            if running[cpu].is_some() {
                continue;
            }
            let queue = &mut queues[queue_of(cpu)];
            let position = queue.iter().position(|job| allowed(*job, cpu));
            if let Some(job) = position.and_then(|position| queue.remove(position)) {
                running[cpu] = Some(job);
                caches[cpu].start(job, &working_sets);
            }
        }
        // 4. Run.
        for cpu in 0..cpu_count {
            let Some(job) = running[cpu] else {
                slots.push(None);
                continue;
            };
            let is_warm = caches[cpu].is_warm(job);
            let rate = if is_warm { warm_rate } else { 1 };
            busy[cpu] += 1;
            if rate > 1 {
                warm[cpu] += 1;
            }
            let slot = &mut left[job as usize];
            *slot = slot.saturating_sub(rate);
            caches[cpu].ran(job, &working_sets);
            slots.push(Some(WarmupSlot {
                job,
                left: *slot,
                warm: is_warm,
            }));
            if *slot == 0 {
                running[cpu] = None;
                completion[job as usize] = now + 1;
                finished += 1;
            }
        }
        now += 1;
    }
    Some(WarmupRun {
        cpus: cpu_count,
        slots,
        completion,
        busy,
        warm,
    })
}
