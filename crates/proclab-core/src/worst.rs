//! The worst scenario validation still accepts, one per kind of limit, and the same scenario one
//! step past that limit.
//!
//! Each [`WorstKind`] pushes one limit of [`crate::scenario`] to its edge with the others as
//! high as they can go beside it: the most processes and threads, the most bursts, the smallest
//! quantum, the most CPUs with the cache and switch costs on, the longest instruction budget, the
//! most MLFQ boosts and the warm-up model's most work. `proclab bench --worst` times them
//! natively and writes them as files for `bench/worst.mjs`, which times them in the page; the
//! tests check that [`worst`] is accepted and [`past_limit`] refused with the limit's own error.
//! Bursts are one or two ticks long so that the files stay under the page's size limit.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::scenario::{
    MAX_BOOSTS, MAX_BURSTS, MAX_CACHE_UNITS, MAX_CPUS, MAX_INSTRUCTION_BUDGET, MAX_PROCESSES,
    MAX_PROGRAM_THREADS, MAX_SLICES, MAX_THREADS_TOTAL, MAX_WARMUP_WORK,
};
use crate::spec::{
    BurstSpec, CacheModel, LevelSpec, MlfqSpec, PolicySpec, ProcessSpec, QueueTopology,
    ScenarioSpec, ThreadSpec,
};

/// A kind of limit, and so one worst accepted scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorstKind {
    /// [`MAX_PROCESSES`] processes of 4 threads ([`MAX_THREADS_TOTAL`]), each thread alternating
    /// CPU and I/O bursts up to [`MAX_SLICES`]; FCFS.
    Processes,
    /// Threads of 999 bursts each (the most a thread can have: [`MAX_BURSTS`], less one because
    /// the last must be CPU), CPU and I/O alternating, as many as [`MAX_SLICES`] allows; RR.
    Bursts,
    /// Round robin with a quantum of 1 on the most work [`MAX_SLICES`] accepts:
    /// [`MAX_PROCESSES`] processes of 250 ticks.
    Quantum,
    /// [`MAX_CPUS`] CPUs with the cache (capacity [`MAX_CACHE_UNITS`]), dispatch and thread-switch
    /// costs on and per-CPU queues, [`MAX_THREADS_TOTAL`] threads, RR q=1 up to [`MAX_SLICES`].
    Cpus,
    /// [`MAX_PROGRAM_THREADS`] threads (64 processes of 4) spinning in a loop that never ends,
    /// RR q=1 on one CPU, until the instruction budget ([`MAX_INSTRUCTION_BUDGET`]) stops the
    /// run.
    Instructions,
    /// MLFQ (quantum 1) with a boost every 2 ticks on 2,000,000 ticks of work:
    /// [`MAX_BOOSTS`] boosts.
    Boosts,
    /// The warm-up cache model at its most work ([`MAX_WARMUP_WORK`]): 10,000 jobs of 200 ticks
    /// on one CPU, RR q=1, working sets of 20 in a cache of 100 (five jobs fit, so jobs keep
    /// leaving it and warming again).
    Warmup,
}

impl WorstKind {
    /// Every kind, in the order the benchmark reports them.
    pub const ALL: [WorstKind; 7] = [
        WorstKind::Processes,
        WorstKind::Bursts,
        WorstKind::Quantum,
        WorstKind::Cpus,
        WorstKind::Instructions,
        WorstKind::Boosts,
        WorstKind::Warmup,
    ];

    /// A stable name (file names, `--only`).
    pub fn id(self) -> &'static str {
        match self {
            WorstKind::Processes => "processes",
            WorstKind::Bursts => "bursts",
            WorstKind::Quantum => "quantum",
            WorstKind::Cpus => "cpus",
            WorstKind::Instructions => "instructions",
            WorstKind::Boosts => "boosts",
            WorstKind::Warmup => "warmup",
        }
    }

    /// The kind named `id`.
    pub fn from_id(id: &str) -> Option<WorstKind> {
        WorstKind::ALL.into_iter().find(|kind| kind.id() == id)
    }
}

/// Threads per process in the kinds that fill [`MAX_THREADS_TOTAL`].
const THREADS: u32 = MAX_THREADS_TOTAL / MAX_PROCESSES;

/// Alternating bursts, CPU first and last: `count` of them (odd), CPU bursts `cpu` ticks long,
/// I/O bursts 1 tick.
fn alternating(count: u32, cpu: u64) -> Vec<BurstSpec> {
    (0..count)
        .map(|index| {
            if index % 2 == 0 {
                BurstSpec::Cpu(cpu)
            } else {
                BurstSpec::Io(1)
            }
        })
        .collect()
}

fn threaded(threads: u32, bursts: Vec<BurstSpec>) -> ProcessSpec {
    ProcessSpec {
        threads: vec![
            ThreadSpec {
                bursts,
                ..ThreadSpec::default()
            };
            threads as usize
        ],
        ..ProcessSpec::default()
    }
}

fn single(bursts: Vec<BurstSpec>) -> ProcessSpec {
    ProcessSpec {
        bursts,
        ..ProcessSpec::default()
    }
}

fn scenario(processes: Vec<ProcessSpec>, policy: PolicySpec) -> ScenarioSpec {
    ScenarioSpec {
        processes,
        policy,
        ..ScenarioSpec::default()
    }
}

/// The largest odd number of bursts per thread such that `threads` threads of them, CPU bursts
/// one slice each, stay within [`MAX_SLICES`].
fn bursts_per_thread(threads: u32) -> u32 {
    let most = (MAX_SLICES / u64::from(threads)) as u32;
    if most.is_multiple_of(2) {
        most - 1
    } else {
        most
    }
}

/// The worst scenario of `kind` that [`crate::Scenario::new`] accepts.
pub fn worst(kind: WorstKind) -> ScenarioSpec {
    match kind {
        WorstKind::Processes => {
            let bursts = alternating(bursts_per_thread(MAX_THREADS_TOTAL), 2);
            scenario(
                vec![threaded(THREADS, bursts); MAX_PROCESSES as usize],
                PolicySpec::Fcfs,
            )
        }
        WorstKind::Bursts => {
            let count = MAX_BURSTS - 1;
            let threads = (MAX_SLICES / u64::from(count)) as usize;
            scenario(
                vec![single(alternating(count, 2)); threads],
                PolicySpec::Rr { quantum: 2 },
            )
        }
        WorstKind::Quantum => {
            let length = MAX_SLICES / u64::from(MAX_PROCESSES);
            scenario(
                vec![single(vec![BurstSpec::Cpu(length)]); MAX_PROCESSES as usize],
                PolicySpec::Rr { quantum: 1 },
            )
        }
        WorstKind::Cpus => {
            // Per thread: 31 ticks of CPU, 1 of I/O, 30 of CPU: 62 slices at q=1, 40,000
            // threads: 2,480,000.
            let per_thread = MAX_SLICES / u64::from(MAX_THREADS_TOTAL);
            let first = per_thread / 2;
            let bursts = vec![
                BurstSpec::Cpu(first),
                BurstSpec::Io(1),
                BurstSpec::Cpu(per_thread - first - 1),
            ];
            let process = ProcessSpec {
                working_set: 100,
                ..threaded(THREADS, bursts)
            };
            let mut spec = scenario(
                vec![process; MAX_PROCESSES as usize],
                PolicySpec::Rr { quantum: 1 },
            );
            spec.machine.cpus = MAX_CPUS;
            spec.machine.dispatch_latency = 2;
            spec.machine.thread_switch_latency = 1;
            spec.machine.cache.enabled = true;
            spec.machine.cache.capacity = MAX_CACHE_UNITS;
            spec.machine.cache.refill_per_unit = 1;
            spec.machine.topology = QueueTopology::PerCpu;
            spec
        }
        WorstKind::Instructions => {
            let process = ProcessSpec {
                program: String::from(".main\n.top\nj .top\n"),
                threads: vec![ThreadSpec::default(); THREADS as usize],
                ..ProcessSpec::default()
            };
            let mut spec = scenario(
                vec![process; (MAX_PROGRAM_THREADS / THREADS) as usize],
                PolicySpec::Rr { quantum: 1 },
            );
            spec.machine.instruction_budget = MAX_INSTRUCTION_BUDGET;
            spec
        }
        WorstKind::Boosts => {
            let period = 2;
            let length = MAX_BOOSTS * period / u64::from(MAX_PROCESSES);
            let level = LevelSpec {
                quantum: Some(1),
                allotment: 1,
            };
            let mut spec = scenario(
                vec![single(vec![BurstSpec::Cpu(length)]); MAX_PROCESSES as usize],
                PolicySpec::Mlfq(MlfqSpec {
                    levels: vec![level; 3],
                    boost_period: Some(period),
                    ..MlfqSpec::default()
                }),
            );
            // The boost bound counts a cache refill per slice even with the cache off.
            spec.machine.cache.refill_per_unit = 0;
            spec
        }
        WorstKind::Warmup => {
            let jobs = 10_000;
            let process = ProcessSpec {
                working_set: 20,
                ..single(vec![BurstSpec::Cpu(MAX_WARMUP_WORK / jobs)])
            };
            let mut spec = scenario(vec![process; jobs as usize], PolicySpec::Rr { quantum: 1 });
            spec.machine.cache.enabled = true;
            spec.machine.cache.model = CacheModel::Warmup;
            spec.machine.cache.capacity = 100;
            spec
        }
    }
}

/// [`worst`] one step past the limit it sits at: one process, burst, tick of work, CPU or
/// instruction of budget too many. (The program threads of [`WorstKind::Instructions`], also
/// at their limit, are one process too many in [`past_program_threads`].)
pub fn past_limit(kind: WorstKind) -> ScenarioSpec {
    let mut spec = worst(kind);
    match kind {
        WorstKind::Processes => {
            let extra = spec.processes[0].clone();
            spec.processes.push(extra);
        }
        WorstKind::Bursts => {
            let bursts = &mut spec.processes[0].bursts;
            bursts.push(BurstSpec::Io(1));
            bursts.push(BurstSpec::Cpu(2));
        }
        WorstKind::Quantum | WorstKind::Boosts | WorstKind::Warmup => {
            // One tick more of work than the limit allows (two for the boosts: a boost every
            // 2 ticks).
            let extra = match kind {
                WorstKind::Quantum => 1,
                WorstKind::Boosts => 2,
                _ => 1,
            };
            if let Some(BurstSpec::Cpu(length)) = spec.processes[0].bursts.first_mut() {
                *length += extra;
            }
        }
        WorstKind::Cpus => spec.machine.cpus += 1,
        WorstKind::Instructions => spec.machine.instruction_budget += 1,
    }
    spec
}

/// [`WorstKind::Instructions`] with one more process running the program: one thread past
/// [`MAX_PROGRAM_THREADS`].
pub fn past_program_threads() -> ScenarioSpec {
    let mut spec = worst(WorstKind::Instructions);
    let mut extra = spec.processes[0].clone();
    extra.threads.truncate(1);
    spec.processes.push(extra);
    spec
}

/// The scenario of `kind` in a sentence (for the benchmark's report).
pub fn describe(kind: WorstKind) -> String {
    let spec = worst(kind);
    let threads: usize = spec
        .processes
        .iter()
        .map(|process| process.threads.len().max(1))
        .sum();
    let bursts: usize = spec
        .processes
        .iter()
        .map(|process| {
            process.bursts.len()
                + process
                    .threads
                    .iter()
                    .map(|thread| thread.bursts.len())
                    .sum::<usize>()
        })
        .sum();
    format!(
        "{} processes, {threads} threads, {bursts} bursts, {} CPU(s), {}",
        spec.processes.len(),
        spec.machine.cpus,
        spec.policy.kind_name()
    )
}
