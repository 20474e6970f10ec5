//! The link format's frozen types: the envelope [`Link`], one variant per version, and each
//! version's copies of the scenario types with their conversions. A version once written is
//! never changed, so every link made with it opens the same scenario.

use super::Shared;
use crate::i18n::Lang;
use proclab_core::spec::{
    BurstSpec, CacheModel, CacheSpec, Conventions, LevelSpec, MachineSpec, MlfqSpec, PolicySpec,
    PredictionSpec, ProcessSpec, QueueSpec, QueueTopology, ScenarioSpec, ScheduleSpec,
    SemaphoreSpec, ThreadModel, ThreadSpec,
};
use proclab_core::Convention;
use serde::{Deserialize, Serialize};

/// The envelope: its variant index is the first byte of every link.
#[derive(Serialize, Deserialize)]
pub(super) enum Link {
    V1(LinkV1),
    /// V1 plus the ready-queue topology, for what V1's `affinity` flag cannot say (per-CPU
    /// queues). Links that V1 can hold are still written as V1.
    V2(LinkV1, TopologyV2),
    /// V2 plus what programs need: each process's program, each thread's initial registers, the
    /// explicit schedule, the instruction budget and the tenth convention. Links without any of
    /// them are still written as V1 or V2.
    V3(LinkV1, TopologyV2, ProgramsV3),
    /// V3 plus the kernel entry cost (`machine.kernel_entry_cost`), written only when it is not
    /// 0; links without it are still written as V1, V2 or V3.
    V4(LinkV1, TopologyV2, ProgramsV3, u64),
    /// V4 plus several CPUs' settings: each process's CPU list (hard affinity), the peek
    /// interval, and the cache model with its warm-up time and warm rate. Links without any of
    /// them are still written as V1 to V4.
    V5(LinkV1, TopologyV2, ProgramsV3, u64, MultiV5),
    /// V5 plus the operations between bursts (`lock m`...): the whole bursts of each process
    /// and thread that holds one. Links without any are still written as V1 to V5.
    V6(LinkV1, TopologyV2, ProgramsV3, u64, MultiV5, OperationsV6),
}

/// One burst or operation, frozen as links write it.
#[derive(Serialize, Deserialize, PartialEq)]
pub(super) enum BurstV6 {
    Cpu(u64),
    Io(u64),
    Lock(String),
    Unlock(String),
    Wait(String),
    Signal(String),
}

impl BurstV6 {
    pub(super) fn from_spec(burst: &BurstSpec) -> BurstV6 {
        match burst {
            BurstSpec::Cpu(length) => BurstV6::Cpu(*length),
            BurstSpec::Io(length) => BurstV6::Io(*length),
            BurstSpec::Lock(name) => BurstV6::Lock(name.clone()),
            BurstSpec::Unlock(name) => BurstV6::Unlock(name.clone()),
            BurstSpec::Wait(name) => BurstV6::Wait(name.clone()),
            BurstSpec::Signal(name) => BurstV6::Signal(name.clone()),
        }
    }

    pub(super) fn into_spec(self) -> BurstSpec {
        match self {
            BurstV6::Cpu(length) => BurstSpec::Cpu(length),
            BurstV6::Io(length) => BurstSpec::Io(length),
            BurstV6::Lock(name) => BurstSpec::Lock(name),
            BurstV6::Unlock(name) => BurstSpec::Unlock(name),
            BurstV6::Wait(name) => BurstSpec::Wait(name),
            BurstV6::Signal(name) => BurstSpec::Signal(name),
        }
    }
}

/// Per process: its own bursts, then each thread's, written whole when they hold an operation
/// and empty otherwise (V1's lengths say those).
#[derive(Serialize, Deserialize, PartialEq)]
pub(super) struct OperationsV6 {
    processes: Vec<(Vec<BurstV6>, Vec<Vec<BurstV6>>)>,
    /// The semaphores' initial values (`semaphores`), by name.
    semaphores: Vec<(String, u32)>,
}

impl OperationsV6 {
    pub(super) fn from_spec(spec: &ScenarioSpec) -> OperationsV6 {
        let whole = |bursts: &[BurstSpec]| -> Vec<BurstV6> {
            if bursts.iter().any(|burst| burst.operation().is_some()) {
                bursts.iter().map(BurstV6::from_spec).collect()
            } else {
                Vec::new()
            }
        };
        OperationsV6 {
            processes: spec
                .processes
                .iter()
                .map(|process| {
                    let threads = process.threads.iter().map(|t| whole(&t.bursts)).collect();
                    (whole(&process.bursts), threads)
                })
                .collect(),
            semaphores: spec
                .semaphores
                .iter()
                .map(|semaphore| (semaphore.name.clone(), semaphore.initial))
                .collect(),
        }
    }

    /// True if V5 says it all (no operation anywhere).
    pub(super) fn is_unused(&self) -> bool {
        self.semaphores.is_empty()
            && self
                .processes
                .iter()
                .all(|(own, threads)| own.is_empty() && threads.iter().all(Vec::is_empty))
    }

    pub(super) fn apply(self, spec: &mut ScenarioSpec) {
        let whole = |bursts: Vec<BurstV6>| bursts.into_iter().map(BurstV6::into_spec).collect();
        for (process, (own, threads)) in spec.processes.iter_mut().zip(self.processes) {
            if !own.is_empty() {
                process.bursts = whole(own);
            }
            for (thread, bursts) in process.threads.iter_mut().zip(threads) {
                if !bursts.is_empty() {
                    thread.bursts = whole(bursts);
                }
            }
        }
        spec.semaphores = self
            .semaphores
            .into_iter()
            .map(|(name, initial)| SemaphoreSpec { name, initial })
            .collect();
    }
}

#[derive(Serialize, Deserialize, PartialEq)]
pub(super) struct MultiV5 {
    /// Per process: the CPUs it may run on (empty: any).
    cpus: Vec<Vec<u32>>,
    peek_interval: Option<u64>,
    /// `machine.cache.model`: true for `warmup`.
    warmup: bool,
    warmup_time: u64,
    warm_rate: u64,
}

impl MultiV5 {
    pub(super) fn from_spec(spec: &ScenarioSpec) -> MultiV5 {
        let cache = &spec.machine.cache;
        MultiV5 {
            cpus: spec
                .processes
                .iter()
                .map(|process| process.cpus.clone())
                .collect(),
            peek_interval: spec.machine.peek_interval,
            warmup: cache.model == CacheModel::Warmup,
            warmup_time: cache.warmup_time,
            warm_rate: cache.warm_rate,
        }
    }

    /// True if V3 says it all (every setting here is at its default).
    pub(super) fn is_unused(&self) -> bool {
        let defaults = CacheSpec::default();
        self.cpus.iter().all(Vec::is_empty)
            && self.peek_interval.is_none()
            && !self.warmup
            && self.warmup_time == defaults.warmup_time
            && self.warm_rate == defaults.warm_rate
    }

    pub(super) fn apply(self, spec: &mut ScenarioSpec) {
        for (process, cpus) in spec.processes.iter_mut().zip(self.cpus) {
            process.cpus = cpus;
        }
        let machine = &mut spec.machine;
        machine.peek_interval = self.peek_interval;
        machine.cache.model = if self.warmup {
            CacheModel::Warmup
        } else {
            CacheModel::Stall
        };
        machine.cache.warmup_time = self.warmup_time;
        machine.cache.warm_rate = self.warm_rate;
    }
}

#[derive(Serialize, Deserialize, Default, PartialEq)]
pub(super) struct ProgramsV3 {
    /// Per process: its program (empty: bursts).
    programs: Vec<String>,
    /// Per process, per thread: its initial registers.
    registers: Vec<Vec<String>>,
    /// The explicit schedule and whether it repeats.
    schedule: Option<(Vec<u32>, bool)>,
    instruction_budget: u64,
    timer_continues_after_exit: bool,
}

impl ProgramsV3 {
    pub(super) fn from_spec(spec: &ScenarioSpec) -> ProgramsV3 {
        ProgramsV3 {
            programs: spec
                .processes
                .iter()
                .map(|process| process.program.clone())
                .collect(),
            registers: spec
                .processes
                .iter()
                .map(|process| {
                    process
                        .threads
                        .iter()
                        .map(|thread| thread.registers.clone())
                        .collect()
                })
                .collect(),
            schedule: spec
                .schedule
                .as_ref()
                .map(|schedule| (schedule.threads.clone(), schedule.repeat)),
            instruction_budget: spec.machine.instruction_budget,
            timer_continues_after_exit: spec.conventions.timer_continues_after_exit,
        }
    }

    /// True if V2 says it all (nothing here differs from a scenario without programs).
    pub(super) fn is_unused(&self, spec: &ScenarioSpec) -> bool {
        let mut plain = spec.clone();
        for process in &mut plain.processes {
            process.program.clear();
            for thread in &mut process.threads {
                thread.registers.clear();
            }
        }
        plain.schedule = None;
        plain.machine.instruction_budget = MachineSpec::default().instruction_budget;
        plain.conventions.timer_continues_after_exit = false;
        *self == ProgramsV3::from_spec(&plain)
    }

    pub(super) fn apply(self, spec: &mut ScenarioSpec) {
        for (process, program) in spec.processes.iter_mut().zip(self.programs) {
            process.program = program;
        }
        for (process, registers) in spec.processes.iter_mut().zip(self.registers) {
            for (thread, registers) in process.threads.iter_mut().zip(registers) {
                thread.registers = registers;
            }
        }
        spec.schedule = self
            .schedule
            .map(|(threads, repeat)| ScheduleSpec { threads, repeat });
        spec.machine.instruction_budget = self.instruction_budget;
        spec.conventions.timer_continues_after_exit = self.timer_continues_after_exit;
    }
}

#[derive(Serialize, Deserialize, Clone, Copy)]
pub(super) enum TopologyV2 {
    Shared,
    Affinity,
    PerCpu,
}

#[derive(Serialize, Deserialize)]
pub(super) struct LinkV1 {
    korean: bool,
    seed: u64,
    processes: Vec<ProcessV1>,
    policy: PolicyV1,
    conventions: [u8; 9],
    machine: MachineV1,
}

#[derive(Serialize, Deserialize)]
pub(super) struct ProcessV1 {
    /// Empty when the name is the default `P<n>`.
    name: String,
    arrival: u64,
    priority: u32,
    class: u32,
    /// Alternating CPU and I/O lengths, CPU first.
    bursts: Vec<u64>,
    threads: Vec<ThreadV1>,
    working_set: u32,
    tickets: u32,
}

#[derive(Serialize, Deserialize)]
pub(super) struct ThreadV1 {
    name: String,
    bursts: Vec<u64>,
    stack: u32,
}

#[derive(Serialize, Deserialize)]
pub(super) enum PolicyV1 {
    Fcfs,
    Sjf {
        prediction: Option<(u32, u64)>,
    },
    Srtf,
    Priority {
        preemptive: bool,
        aging_every: Option<u64>,
        lower_is_higher: bool,
    },
    Hrrn,
    Rr {
        quantum: u64,
    },
    /// Each queue's quantum; `None` is FCFS, `Some(0)` would be invalid and is kept as such.
    Mlq {
        queues: Vec<QueueV1>,
    },
    Mlfq {
        levels: Vec<(Option<u64>, u32)>,
        boost_period: Option<u64>,
        old_rules_4ab: bool,
        io_bump: bool,
    },
    Lottery {
        quantum: u64,
    },
}

#[derive(Serialize, Deserialize)]
pub(super) enum QueueV1 {
    Fcfs,
    Rr(u64),
    Sjf,
}

#[derive(Serialize, Deserialize)]
pub(super) struct MachineV1 {
    cpus: u32,
    dispatch_latency: u64,
    thread_switch_latency: u64,
    cache: Option<(u32, u64)>,
    cache_settings_when_off: (u32, u64),
    user_threads: bool,
    affinity: bool,
}

impl TopologyV2 {
    pub(super) fn into_spec(self) -> QueueTopology {
        match self {
            TopologyV2::Shared => QueueTopology::Shared,
            TopologyV2::Affinity => QueueTopology::Affinity,
            TopologyV2::PerCpu => QueueTopology::PerCpu,
        }
    }
}

pub(super) fn bursts_to_lengths(bursts: &[BurstSpec]) -> Vec<u64> {
    bursts.iter().filter_map(BurstSpec::length).collect()
}

pub(super) fn default_name(index: usize) -> String {
    format!("P{}", index + 1)
}

impl LinkV1 {
    pub(super) fn from_spec(spec: &ScenarioSpec, lang: Lang) -> LinkV1 {
        let conventions = &spec.conventions;
        LinkV1 {
            korean: lang == Lang::Ko,
            seed: spec.seed,
            processes: spec
                .processes
                .iter()
                .enumerate()
                .map(|(index, process)| ProcessV1 {
                    name: if process.name == default_name(index) {
                        String::new()
                    } else {
                        process.name.clone()
                    },
                    arrival: process.arrival,
                    priority: process.priority,
                    class: process.class,
                    bursts: bursts_to_lengths(&process.bursts),
                    threads: process
                        .threads
                        .iter()
                        .map(|thread| ThreadV1 {
                            name: thread.name.clone(),
                            bursts: bursts_to_lengths(&thread.bursts),
                            stack: thread.stack,
                        })
                        .collect(),
                    working_set: process.working_set,
                    tickets: process.tickets,
                })
                .collect(),
            policy: PolicyV1::from_spec(&spec.policy),
            // The nine conventions V1 knows (frozen); V3 carries the tenth.
            conventions: core::array::from_fn(|index| {
                Convention::ALL[index].is_on(conventions) as u8
            }),
            machine: MachineV1 {
                cpus: spec.machine.cpus,
                dispatch_latency: spec.machine.dispatch_latency,
                thread_switch_latency: spec.machine.thread_switch_latency,
                cache: spec.machine.cache.enabled.then_some((
                    spec.machine.cache.capacity,
                    spec.machine.cache.refill_per_unit,
                )),
                cache_settings_when_off: (
                    spec.machine.cache.capacity,
                    spec.machine.cache.refill_per_unit,
                ),
                user_threads: spec.machine.thread_model == ThreadModel::User,
                affinity: spec.machine.topology == QueueTopology::Affinity,
            },
        }
    }

    pub(super) fn into_shared(self) -> Shared {
        let mut conventions = Conventions::default();
        for (convention, flag) in Convention::ALL.into_iter().zip(self.conventions) {
            convention.set(&mut conventions, flag != 0);
        }
        let (capacity, refill_per_unit) = self
            .machine
            .cache
            .unwrap_or(self.machine.cache_settings_when_off);
        let machine = MachineSpec {
            cpus: self.machine.cpus,
            dispatch_latency: self.machine.dispatch_latency,
            thread_switch_latency: self.machine.thread_switch_latency,
            cache: CacheSpec {
                enabled: self.machine.cache.is_some(),
                capacity,
                refill_per_unit,
                ..CacheSpec::default()
            },
            thread_model: if self.machine.user_threads {
                ThreadModel::User
            } else {
                ThreadModel::Kernel
            },
            topology: if self.machine.affinity {
                QueueTopology::Affinity
            } else {
                QueueTopology::Shared
            },
            ..MachineSpec::default()
        };
        let processes = self
            .processes
            .into_iter()
            .enumerate()
            .map(|(index, process)| ProcessSpec {
                name: if process.name.is_empty() {
                    default_name(index)
                } else {
                    process.name
                },
                arrival: process.arrival,
                priority: process.priority,
                class: process.class,
                bursts: BurstSpec::alternating(&process.bursts),
                threads: process
                    .threads
                    .into_iter()
                    .map(|thread| ThreadSpec {
                        name: thread.name,
                        bursts: BurstSpec::alternating(&thread.bursts),
                        stack: thread.stack,
                        ..ThreadSpec::default()
                    })
                    .collect(),
                working_set: process.working_set,
                tickets: process.tickets,
                ..ProcessSpec::default()
            })
            .collect();
        Shared {
            spec: ScenarioSpec {
                processes,
                policy: self.policy.into_spec(),
                conventions,
                machine,
                seed: self.seed,
                ..ScenarioSpec::default()
            },
            lang: if self.korean { Lang::Ko } else { Lang::En },
            tick: None,
            compare: false,
        }
    }
}

impl PolicyV1 {
    pub(super) fn from_spec(policy: &PolicySpec) -> PolicyV1 {
        match policy {
            PolicySpec::Fcfs => PolicyV1::Fcfs,
            PolicySpec::Sjf { prediction } => PolicyV1::Sjf {
                prediction: prediction
                    .map(|prediction| (prediction.alpha_percent, prediction.tau0)),
            },
            PolicySpec::Srtf => PolicyV1::Srtf,
            PolicySpec::Priority {
                preemptive,
                aging_every,
                lower_is_higher,
            } => PolicyV1::Priority {
                preemptive: *preemptive,
                aging_every: *aging_every,
                lower_is_higher: *lower_is_higher,
            },
            PolicySpec::Hrrn => PolicyV1::Hrrn,
            PolicySpec::Rr { quantum } => PolicyV1::Rr { quantum: *quantum },
            PolicySpec::Mlq { queues } => PolicyV1::Mlq {
                queues: queues
                    .iter()
                    .map(|queue| match queue {
                        QueueSpec::Fcfs => QueueV1::Fcfs,
                        QueueSpec::Rr { quantum } => QueueV1::Rr(*quantum),
                        QueueSpec::Sjf => QueueV1::Sjf,
                    })
                    .collect(),
            },
            PolicySpec::Mlfq(mlfq) => PolicyV1::Mlfq {
                levels: mlfq
                    .levels
                    .iter()
                    .map(|level| (level.quantum, level.allotment))
                    .collect(),
                boost_period: mlfq.boost_period,
                old_rules_4ab: mlfq.old_rules_4ab,
                io_bump: mlfq.io_bump,
            },
            PolicySpec::Lottery { quantum } => PolicyV1::Lottery { quantum: *quantum },
        }
    }

    pub(super) fn into_spec(self) -> PolicySpec {
        match self {
            PolicyV1::Fcfs => PolicySpec::Fcfs,
            PolicyV1::Sjf { prediction } => PolicySpec::Sjf {
                prediction: prediction.map(|(alpha_percent, tau0)| PredictionSpec {
                    alpha_percent,
                    tau0,
                }),
            },
            PolicyV1::Srtf => PolicySpec::Srtf,
            PolicyV1::Priority {
                preemptive,
                aging_every,
                lower_is_higher,
            } => PolicySpec::Priority {
                preemptive,
                aging_every,
                lower_is_higher,
            },
            PolicyV1::Hrrn => PolicySpec::Hrrn,
            PolicyV1::Rr { quantum } => PolicySpec::Rr { quantum },
            PolicyV1::Mlq { queues } => PolicySpec::Mlq {
                queues: queues
                    .into_iter()
                    .map(|queue| match queue {
                        QueueV1::Fcfs => QueueSpec::Fcfs,
                        QueueV1::Rr(quantum) => QueueSpec::Rr { quantum },
                        QueueV1::Sjf => QueueSpec::Sjf,
                    })
                    .collect(),
            },
            PolicyV1::Mlfq {
                levels,
                boost_period,
                old_rules_4ab,
                io_bump,
            } => PolicySpec::Mlfq(MlfqSpec {
                levels: levels
                    .into_iter()
                    .map(|(quantum, allotment)| LevelSpec { quantum, allotment })
                    .collect(),
                boost_period,
                old_rules_4ab,
                io_bump,
            }),
            PolicyV1::Lottery { quantum } => PolicySpec::Lottery { quantum },
        }
    }
}
