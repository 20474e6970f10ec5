//! The scenario file format: plain serde types, exactly what a JSON file or a share link holds.
//!
//! Nothing here is trusted. [`crate::Scenario::new`] turns a [`ScenarioSpec`] into a validated
//! scenario and reports every problem at once. Almost every field has a default, so a small
//! file such as `{"processes":[{"bursts":[{"cpu":5}]}],"policy":{"kind":"fcfs"}}` is complete.
//! The format is versioned by [`ScenarioSpec::version`]; fields are only ever added.

mod conventions;
pub mod read;

pub use conventions::*;

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use serde::{Deserialize, Serialize};

/// The only format version this crate reads and writes.
pub const SPEC_VERSION: u32 = 1;

/// A whole scenario: the workload, the policy, the conventions, the machine and the seed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct ScenarioSpec {
    /// Format version; must be [`SPEC_VERSION`].
    pub version: u32,
    /// The processes, in input order (input order is the process id: the first is P1).
    pub processes: Vec<ProcessSpec>,
    /// The scheduling policy and its parameters.
    pub policy: PolicySpec,
    /// Every convention on which textbooks and tools disagree, with ProcLab's defaults.
    pub conventions: Conventions,
    /// The hardware: CPUs, switch costs, caches, thread model.
    pub machine: MachineSpec,
    /// Seed of the PCG32 generator (lottery draws).
    pub seed: u64,
    /// "You are the scheduler": which thread runs each next instruction, overriding the policy's
    /// picks (`None`: the policy decides).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<ScheduleSpec>,
    /// The initial values of semaphores named between bursts (`wait s`, `signal s`); one not
    /// listed starts at 0.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub semaphores: Vec<SemaphoreSpec>,
}

/// A semaphore named between bursts, with its initial value: `{"name": "s", "initial": 1}`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SemaphoreSpec {
    /// The name the bursts' `wait` and `signal` use.
    pub name: String,
    /// Its value before any operation.
    pub initial: u32,
}

/// An explicit schedule (`x86.py -P`, or a student's choices): one entry per tick of CPU.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct ScheduleSpec {
    /// Threads by their index in the scenario's thread table (processes in input order, each
    /// process's threads in order), one per tick.
    pub threads: Vec<u32>,
    /// Start over at the first entry when the last is used (`x86.py -P`); false: the run pauses
    /// there, waiting for the next choice.
    pub repeat: bool,
}

impl Default for ScenarioSpec {
    fn default() -> Self {
        ScenarioSpec {
            version: SPEC_VERSION,
            processes: Vec::new(),
            policy: PolicySpec::Fcfs,
            conventions: Conventions::default(),
            machine: MachineSpec::default(),
            seed: 0,
            schedule: None,
            semaphores: Vec::new(),
        }
    }
}

/// One process of the workload.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct ProcessSpec {
    /// Display name; empty means `P<n>` with n = input position + 1.
    pub name: String,
    /// Tick at which the process is created (enters New, then Ready).
    pub arrival: u64,
    /// Priority number (lower = higher priority unless the policy says otherwise).
    pub priority: u32,
    /// Queue class for multilevel-queue scheduling (0 = highest queue).
    pub class: u32,
    /// Alternating CPU and I/O bursts, starting and ending with CPU. Used when `threads` is empty.
    pub bursts: Vec<BurstSpec>,
    /// Threads of the process; empty means a single-threaded process running `bursts`.
    pub threads: Vec<ThreadSpec>,
    /// Size of the process's shared working set (code, data, heap) in cache units.
    pub working_set: u32,
    /// Lottery tickets.
    pub tickets: u32,
    /// A program in `x86.py`'s assembly that every thread of the process runs instead of bursts
    /// (empty: the threads run bursts). The threads share its variables; each has its own
    /// registers and stack.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub program: String,
    /// Hard affinity: the CPUs (indices) this process's threads may run on; empty = any CPU
    /// (OSTEP `multi.py -A`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cpus: Vec<u32>,
}

impl Default for ProcessSpec {
    fn default() -> Self {
        ProcessSpec {
            name: String::new(),
            arrival: 0,
            priority: 0,
            class: 0,
            bursts: Vec::new(),
            threads: Vec::new(),
            working_set: 4,
            tickets: 100,
            program: String::new(),
            cpus: Vec::new(),
        }
    }
}

/// One thread of a multi-threaded process.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct ThreadSpec {
    /// Display name; empty means `T<n>`.
    pub name: String,
    /// Alternating CPU and I/O bursts of this thread.
    pub bursts: Vec<BurstSpec>,
    /// Size of the thread's own stack in cache units (the rest of the working set is shared).
    pub stack: u32,
    /// Initial registers when the process runs a program: `bx=3:cx=1` (as `x86.py -a`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub registers: String,
}

impl Default for ThreadSpec {
    fn default() -> Self {
        ThreadSpec {
            name: String::new(),
            bursts: Vec::new(),
            stack: 1,
            registers: String::new(),
        }
    }
}

/// One burst: `{"cpu": n}` or `{"io": n}` (an I/O burst may be 0: the request completes at once),
/// or an operation between bursts on a mutex or a semaphore the processes share by name:
/// `{"lock": "m"}`, `{"unlock": "m"}`, `{"wait": "s"}`, `{"signal": "s"}`. A thread whose bursts
/// hold an operation runs them as instructions (`docs/semantics.md`, Operations between bursts).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum BurstSpec {
    /// `n` ticks of computation.
    Cpu(u64),
    /// `n` ticks blocked on I/O.
    Io(u64),
    /// `lock m`: take mutex `m`, or wait (Blocked) until its holder's `unlock` hands it over.
    Lock(String),
    /// `unlock m`: give mutex `m` back (to its first waiter, if any).
    Unlock(String),
    /// `wait s` (P): take one from semaphore `s`, or wait while it is 0.
    Wait(String),
    /// `signal s` (V): wake the first waiter of `s`, or add one.
    Signal(String),
}

impl BurstSpec {
    /// The operation's name and object, if this is an operation rather than a burst.
    pub fn operation(&self) -> Option<(&'static str, &str)> {
        match self {
            BurstSpec::Cpu(_) | BurstSpec::Io(_) => None,
            BurstSpec::Lock(name) => Some(("lock", name)),
            BurstSpec::Unlock(name) => Some(("unlock", name)),
            BurstSpec::Wait(name) => Some(("wait", name)),
            BurstSpec::Signal(name) => Some(("signal", name)),
        }
    }

    /// The length of a CPU or I/O burst (`None` for an operation).
    pub fn length(&self) -> Option<u64> {
        match self {
            BurstSpec::Cpu(length) | BurstSpec::Io(length) => Some(*length),
            _ => None,
        }
    }

    /// Bursts from their lengths, alternating CPU and I/O and starting with CPU:
    /// `[5, 3, 2]` is CPU 5, I/O 3, CPU 2.
    pub fn alternating(lengths: &[u64]) -> Vec<BurstSpec> {
        lengths
            .iter()
            .enumerate()
            .map(|(index, length)| {
                if index % 2 == 0 {
                    BurstSpec::Cpu(*length)
                } else {
                    BurstSpec::Io(*length)
                }
            })
            .collect()
    }
}

/// Exponential averaging of CPU bursts for SJF: `tau_next = alpha * t_last + (1 - alpha) * tau`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct PredictionSpec {
    /// Alpha in percent (0..=100).
    pub alpha_percent: u32,
    /// Initial guess tau0 in ticks.
    pub tau0: u64,
}

impl Default for PredictionSpec {
    fn default() -> Self {
        PredictionSpec {
            alpha_percent: 50,
            tau0: 10,
        }
    }
}

/// The policy of one queue of a multilevel queue.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields,
    from = "read::Queue"
)]
pub enum QueueSpec {
    /// First come, first served inside the queue.
    Fcfs,
    /// Round robin with its own quantum.
    Rr {
        /// Time slice in ticks.
        quantum: u64,
    },
    /// Shortest next CPU burst first inside the queue (non-preemptive within the queue).
    Sjf,
}

/// One level of a multilevel feedback queue (level 0 is the highest).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LevelSpec {
    /// Time slice in ticks; `None` = no slice (FCFS level, as Silberschatz's bottom queue).
    /// Written in a file, as a round robin's quantum is: a number, or `null` for no slice (a
    /// level without it had silently become a slice of 10).
    #[serde(deserialize_with = "required")]
    pub quantum: Option<u64>,
    /// Allotment in quanta: a thread that has used this many full quanta at the level is demoted.
    #[serde(default = "one")]
    pub allotment: u32,
}

/// A field that may be `null` but not left out.
fn required<'de, D: serde::Deserializer<'de>>(reader: D) -> Result<Option<u64>, D::Error> {
    Option::<u64>::deserialize(reader)
}

fn one() -> u32 {
    1
}

impl Default for LevelSpec {
    fn default() -> Self {
        LevelSpec {
            quantum: Some(10),
            allotment: 1,
        }
    }
}

/// The MLFQ parameters (OSTEP rules 1-5 plus switches).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MlfqSpec {
    /// Levels, highest first: written in a file (`{"kind": "mlfq"}` alone had silently become
    /// three levels of 10).
    pub levels: Vec<LevelSpec>,
    /// Every this many ticks, all threads move to the top level (None = never; OSTEP `-B`).
    #[serde(default)]
    pub boost_period: Option<u64>,
    /// Old rules 4a/4b: giving up the CPU before the slice ends keeps the level and resets the
    /// slice and allotment (OSTEP `-S`).
    #[serde(default)]
    pub old_rules_4ab: bool,
    /// A thread finishing I/O goes to the head of its level's queue (OSTEP `-I`).
    #[serde(default)]
    pub io_bump: bool,
}

impl Default for MlfqSpec {
    fn default() -> Self {
        MlfqSpec {
            levels: vec![LevelSpec::default(); 3],
            boost_period: None,
            old_rules_4ab: false,
            io_bump: false,
        }
    }
}

/// The scheduling policy, tagged by `kind`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    deny_unknown_fields,
    from = "read::Policy"
)]
pub enum PolicySpec {
    /// First come, first served (non-preemptive).
    #[default]
    Fcfs,
    /// Shortest job first: shortest next CPU burst, non-preemptive.
    Sjf {
        /// Predict bursts by exponential averaging instead of knowing them.
        #[serde(default)]
        prediction: Option<PredictionSpec>,
    },
    /// Shortest remaining time first (preemptive SJF).
    Srtf,
    /// Priority scheduling.
    Priority {
        /// A newly ready thread with strictly better priority preempts the running one.
        #[serde(default)]
        preemptive: bool,
        /// Aging: every this many ticks spent ready raise the priority by one step.
        #[serde(default)]
        aging_every: Option<u64>,
        /// Lower number = higher priority (Silberschatz, Linux nice). Default true.
        #[serde(default = "default_true")]
        lower_is_higher: bool,
    },
    /// Highest response ratio next: (W + S) / S, non-preemptive.
    Hrrn,
    /// Round robin.
    Rr {
        /// Time slice in ticks.
        quantum: u64,
    },
    /// Multilevel queue: fixed classes, fixed priority between queues (queue 0 highest).
    Mlq {
        /// Queues, highest first; a process goes to queue `class`.
        queues: Vec<QueueSpec>,
    },
    /// Multilevel feedback queue.
    Mlfq(MlfqSpec),
    /// Lottery scheduling: each slice goes to a ticket drawn with the scenario's PCG32.
    Lottery {
        /// Time slice in ticks.
        quantum: u64,
    },
}

fn default_true() -> bool {
    true
}

impl PolicySpec {
    /// OSTEP `mlfq.py` with `-n levels -q quantum -a allotment -B boost [-S] [-I]`.
    pub fn mlfq_ostep(
        levels: u32,
        quantum: u64,
        allotment: u32,
        boost_period: Option<u64>,
    ) -> PolicySpec {
        let level = LevelSpec {
            quantum: Some(quantum),
            allotment,
        };
        PolicySpec::Mlfq(MlfqSpec {
            levels: vec![level; levels as usize],
            boost_period,
            old_rules_4ab: false,
            io_bump: false,
        })
    }

    /// Silberschatz's three-queue example: Q0 RR q=8, Q1 RR q=16, Q2 FCFS.
    pub fn mlfq_silberschatz() -> PolicySpec {
        PolicySpec::Mlfq(MlfqSpec {
            levels: vec![
                LevelSpec {
                    quantum: Some(8),
                    allotment: 1,
                },
                LevelSpec {
                    quantum: Some(16),
                    allotment: 1,
                },
                LevelSpec {
                    quantum: None,
                    allotment: 1,
                },
            ],
            boost_period: None,
            old_rules_4ab: false,
            io_bump: false,
        })
    }

    /// The smallest time slice the policy can hand out, if it slices time at all.
    pub fn smallest_quantum(&self) -> Option<u64> {
        match self {
            PolicySpec::Rr { quantum } | PolicySpec::Lottery { quantum } => Some(*quantum),
            PolicySpec::Mlq { queues } => queues
                .iter()
                .filter_map(|queue| match queue {
                    QueueSpec::Rr { quantum } => Some(*quantum),
                    QueueSpec::Fcfs | QueueSpec::Sjf => None,
                })
                .min(),
            PolicySpec::Mlfq(mlfq) => mlfq.levels.iter().filter_map(|level| level.quantum).min(),
            PolicySpec::Fcfs
            | PolicySpec::Sjf { .. }
            | PolicySpec::Srtf
            | PolicySpec::Priority { .. }
            | PolicySpec::Hrrn => None,
        }
    }

    /// A short lowercase name (`"rr"`, `"mlfq"`...), the same as the JSON `kind`.
    pub fn kind_name(&self) -> &'static str {
        crate::kinds::PolicyKind::of(self).id()
    }
}

/// Kernel-level (one-to-one) or user-level (many-to-one) threads.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum ThreadModel {
    /// Each thread is scheduled, and blocks, on its own. Default.
    #[default]
    Kernel,
    /// The kernel schedules the process; one blocking thread blocks the whole process.
    User,
}

/// Ready-queue topology on several CPUs.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum QueueTopology {
    /// One ready queue shared by all CPUs. Default.
    #[default]
    Shared,
    /// Shared queue, but the threads picked for several CPUs free at once go back to the CPU
    /// each last ran on, when it is one of them (soft affinity).
    Affinity,
    /// One ready queue per CPU: a thread goes back to the CPU it last ran on, a new one to the
    /// shortest queue, and an idle CPU with an empty queue steals from the longest one.
    PerCpu,
}

/// Which cache model a CPU's cache follows (`docs/semantics.md`, "Costs of switching").
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum CacheModel {
    /// A dispatch stalls `refill_per_unit` ticks per cold unit, then runs at rate 1. Default.
    #[default]
    Stall,
    /// OSTEP `multi.py`: no stall; a job runs at rate 1 until it has run `warmup_time` ticks on a
    /// CPU whose cache then holds its working set, and at `warm_rate` from then on.
    Warmup,
}

impl CacheModel {
    fn is_stall(&self) -> bool {
        *self == CacheModel::Stall
    }
}

/// The per-CPU cache model.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct CacheSpec {
    /// Off by default: no stalls.
    pub enabled: bool,
    /// Capacity of each CPU's cache in units.
    pub capacity: u32,
    /// Stall ticks per cold unit refilled (`stall` model).
    pub refill_per_unit: u64,
    /// The model: `stall` (default) or `warmup`.
    #[serde(skip_serializing_if = "CacheModel::is_stall")]
    pub model: CacheModel,
    /// `warmup` model: ticks a job must run on a CPU before that CPU's cache is warm for it
    /// (`multi.py -w`).
    #[serde(skip_serializing_if = "is_default_warmup_time")]
    pub warmup_time: u64,
    /// `warmup` model: how much a warm job's remaining time drops per tick (`multi.py -r`; a
    /// cold job's drops by 1).
    #[serde(skip_serializing_if = "is_default_warm_rate")]
    pub warm_rate: u64,
}

/// `multi.py`'s default `-w`.
pub const DEFAULT_WARMUP_TIME: u64 = 10;
/// `multi.py`'s default `-r`.
pub const DEFAULT_WARM_RATE: u64 = 2;

fn is_default_warmup_time(value: &u64) -> bool {
    *value == DEFAULT_WARMUP_TIME
}

fn is_default_warm_rate(value: &u64) -> bool {
    *value == DEFAULT_WARM_RATE
}

impl Default for CacheSpec {
    fn default() -> Self {
        CacheSpec {
            enabled: false,
            capacity: 16,
            refill_per_unit: 1,
            model: CacheModel::Stall,
            warmup_time: DEFAULT_WARMUP_TIME,
            warm_rate: DEFAULT_WARM_RATE,
        }
    }
}

impl CacheSpec {
    /// True when the `warmup` model is on.
    pub fn warmup(&self) -> bool {
        self.enabled && self.model == CacheModel::Warmup
    }
}

/// The machine the scenario runs on.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct MachineSpec {
    /// Number of identical CPUs.
    pub cpus: u32,
    /// Dispatch latency in ticks when a CPU switches to a thread of another process.
    pub dispatch_latency: u64,
    /// Dispatch latency in ticks when a CPU switches between threads of one process.
    pub thread_switch_latency: u64,
    /// Cache model.
    pub cache: CacheSpec,
    /// Thread model.
    pub thread_model: ThreadModel,
    /// Ready-queue topology.
    pub topology: QueueTopology,
    /// Programs: the run stops after this many instructions (a lock never released spins forever).
    pub instruction_budget: u64,
    /// Programs: ticks a thread spends in the kernel for each instruction that enters it (a
    /// message queue or pipe operation; a mutex, semaphore or condition operation that blocks or
    /// wakes a thread), before its next instruction.
    pub kernel_entry_cost: u64,
    /// Per-CPU queues: `None` (default) an idle CPU steals at once; `Some(p)` only at multiples
    /// of `p` after 0 (`multi.py -P`; 0 never). The `warmup` model peeks as `multi.py` does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peek_interval: Option<u64>,
}

impl Default for MachineSpec {
    fn default() -> Self {
        MachineSpec {
            cpus: 1,
            dispatch_latency: 0,
            thread_switch_latency: 0,
            cache: CacheSpec::default(),
            thread_model: ThreadModel::Kernel,
            topology: QueueTopology::Shared,
            instruction_budget: 100_000,
            kernel_entry_cost: 0,
            peek_interval: None,
        }
    }
}
