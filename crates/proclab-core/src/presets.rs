//! Ready-made scenarios, one lesson each, for the CLI and the web page's preset list.
//!
//! Ids are stable (they appear in links and on the command line). Pairs of presets that differ
//! in one setting (`switch-processes` / `switch-threads`, `threads-user-level` /
//! `threads-kernel-level`, `cpus-1` / `cpus-2` / `cpus-4`, `affinity-off` / `affinity-on` /
//! `per-cpu-queues`) are meant to be compared side by side.
//!
//! The synchronization presets (`sync`) run programs instead of bursts: `counter-threads` /
//! `counter-processes` (shared or separate memory), three races (`race-*`) and the locks that
//! end them (`lock-*`; `lock-xchg` / `lock-ttas` / `lock-yield` share all but how they wait), the
//! blocking mutex beside them (`mutex-blocking`), deadlock and its fix by lock ordering in pairs
//! (`deadlock-two-locks` / `deadlock-two-locks-ordered`, `philosophers-deadlock` /
//! `philosophers-ordered`), a bounded buffer on semaphores (`producer-consumer-semaphores`) and
//! readers sharing a variable that a writer changes alone (`readers-writers`); and CPU bursts
//! written as `cpu $n` with a lock between them (`bursts-lock`).
//!
//! The warm-up cache model's presets (`warmup`, [`warmup_presets`]) are a list of their own: the
//! event engine's runs of them (as if the cache were off) are not their lesson, so the tests that
//! read [`presets`]' runs skip them; the page lists both.

mod sync;
mod warmup;

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::spec::{
    BoostOrder, BoostTiming, BurstSpec, LevelSpec, MachineSpec, MlfqSpec, PolicySpec, ProcessSpec,
    QueueSpec, QueueTopology, RequeueOrder, ScenarioSpec, ThreadModel, ThreadSpec,
};

/// A named scenario that shows one lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Which preset.
    pub id: PresetId,
    /// The scenario.
    pub spec: ScenarioSpec,
}

/// Every preset, by name: links, the command line and the page's texts key on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PresetId {
    /// `fcfs-convoy`.
    FcfsConvoy,
    /// `sjf-starvation`.
    SjfStarvation,
    /// `srtf-vs-sjf`.
    SrtfVsSjf,
    /// `sjf-vs-srtf`.
    SjfVsSrtf,
    /// `sjf-predicted`.
    SjfPredicted,
    /// `priority-starvation`.
    PriorityStarvation,
    /// `priority-aging`.
    PriorityAging,
    /// `hrrn`.
    Hrrn,
    /// `rr-tiny-quantum`.
    RrTinyQuantum,
    /// `rr-huge-quantum`.
    RrHugeQuantum,
    /// `rr-silberschatz`.
    RrSilberschatz,
    /// `mlq`.
    Mlq,
    /// `mlfq-ostep-long-job`.
    MlfqOstepLongJob,
    /// `mlfq-ostep-short-job`.
    MlfqOstepShortJob,
    /// `mlfq-ostep-io-job`.
    MlfqOstepIoJob,
    /// `mlfq-ostep-no-boost`.
    MlfqOstepNoBoost,
    /// `mlfq-ostep-boost`.
    MlfqOstepBoost,
    /// `mlfq-gaming-old-rule-4`.
    MlfqGamingOldRule4,
    /// `mlfq-gaming-new-rule-4`.
    MlfqGamingNewRule4,
    /// `mlfq-silberschatz`.
    MlfqSilberschatz,
    /// `lottery`.
    Lottery,
    /// `switch-processes`.
    SwitchProcesses,
    /// `switch-threads`.
    SwitchThreads,
    /// `threads-user-level`.
    ThreadsUserLevel,
    /// `threads-kernel-level`.
    ThreadsKernelLevel,
    /// `cpus-1`.
    Cpus1,
    /// `cpus-2`.
    Cpus2,
    /// `cpus-4`.
    Cpus4,
    /// `affinity-off`.
    AffinityOff,
    /// `affinity-on`.
    AffinityOn,
    /// `per-cpu-queues`.
    PerCpuQueues,
    /// `counter-threads`.
    CounterThreads,
    /// `counter-processes`.
    CounterProcesses,
    /// `race-two-threads`.
    RaceTwoThreads,
    /// `race-three-threads`.
    RaceThreeThreads,
    /// `race-two-cpus`.
    RaceTwoCpus,
    /// `lock-flag-broken`.
    LockFlagBroken,
    /// `lock-xchg`.
    LockXchg,
    /// `lock-ttas`.
    LockTtas,
    /// `lock-yield`.
    LockYield,
    /// `lock-ticket`.
    LockTicket,
    /// `lock-peterson`.
    LockPeterson,
    /// `mutex-blocking`.
    MutexBlocking,
    /// `deadlock-two-locks`.
    DeadlockTwoLocks,
    /// `deadlock-two-locks-ordered`.
    DeadlockTwoLocksOrdered,
    /// `philosophers-deadlock`.
    PhilosophersDeadlock,
    /// `philosophers-ordered`.
    PhilosophersOrdered,
    /// `producer-consumer-semaphores`.
    ProducerConsumerSemaphores,
    /// `message-queue-client-server`.
    MessageQueueClientServer,
    /// `pipe-writer-reader`.
    PipeWriterReader,
    /// `shm-race`.
    ShmRace,
    /// `shm-semaphore`.
    ShmSemaphore,
    /// `ipc-cost-threads`.
    IpcCostThreads,
    /// `ipc-cost-pipe`.
    IpcCostPipe,
    /// `producer-consumer-condvar`.
    ProducerConsumerCondvar,
    /// `bursts-lock`.
    BurstsLock,
    /// `bursts-lock-processes`.
    BurstsLockProcesses,
    /// `warmup-cache-too-small`.
    WarmupCacheTooSmall,
    /// `warmup-cache-fits`.
    WarmupCacheFits,
    /// `warmup-two-cpus`.
    WarmupTwoCpus,
    /// `warmup-two-cpus-affinity`.
    WarmupTwoCpusAffinity,
    /// `warmup-per-cpu-no-peek`.
    WarmupPerCpuNoPeek,
    /// `warmup-per-cpu-peek`.
    WarmupPerCpuPeek,
    /// `superlinear-1-cpu`.
    Superlinear1Cpu,
    /// `superlinear-3-cpus`.
    Superlinear3Cpus,
    /// `readers-writers`.
    ReadersWriters,
}

impl PresetId {
    /// Every preset id, in the order [`presets`] lists them.
    pub const ALL: [PresetId; 66] = [
        PresetId::FcfsConvoy,
        PresetId::SjfStarvation,
        PresetId::SrtfVsSjf,
        PresetId::SjfVsSrtf,
        PresetId::SjfPredicted,
        PresetId::PriorityStarvation,
        PresetId::PriorityAging,
        PresetId::Hrrn,
        PresetId::RrTinyQuantum,
        PresetId::RrHugeQuantum,
        PresetId::RrSilberschatz,
        PresetId::Mlq,
        PresetId::MlfqOstepLongJob,
        PresetId::MlfqOstepShortJob,
        PresetId::MlfqOstepIoJob,
        PresetId::MlfqOstepNoBoost,
        PresetId::MlfqOstepBoost,
        PresetId::MlfqGamingOldRule4,
        PresetId::MlfqGamingNewRule4,
        PresetId::MlfqSilberschatz,
        PresetId::Lottery,
        PresetId::SwitchProcesses,
        PresetId::SwitchThreads,
        PresetId::ThreadsUserLevel,
        PresetId::ThreadsKernelLevel,
        PresetId::Cpus1,
        PresetId::Cpus2,
        PresetId::Cpus4,
        PresetId::AffinityOff,
        PresetId::AffinityOn,
        PresetId::PerCpuQueues,
        PresetId::CounterThreads,
        PresetId::CounterProcesses,
        PresetId::RaceTwoThreads,
        PresetId::RaceThreeThreads,
        PresetId::RaceTwoCpus,
        PresetId::LockFlagBroken,
        PresetId::LockXchg,
        PresetId::LockTtas,
        PresetId::LockYield,
        PresetId::LockTicket,
        PresetId::LockPeterson,
        PresetId::MutexBlocking,
        PresetId::DeadlockTwoLocks,
        PresetId::DeadlockTwoLocksOrdered,
        PresetId::PhilosophersDeadlock,
        PresetId::PhilosophersOrdered,
        PresetId::ProducerConsumerSemaphores,
        PresetId::ReadersWriters,
        PresetId::MessageQueueClientServer,
        PresetId::PipeWriterReader,
        PresetId::ShmRace,
        PresetId::ShmSemaphore,
        PresetId::IpcCostThreads,
        PresetId::IpcCostPipe,
        PresetId::ProducerConsumerCondvar,
        PresetId::BurstsLock,
        PresetId::BurstsLockProcesses,
        PresetId::WarmupCacheTooSmall,
        PresetId::WarmupCacheFits,
        PresetId::WarmupTwoCpus,
        PresetId::WarmupTwoCpusAffinity,
        PresetId::WarmupPerCpuNoPeek,
        PresetId::WarmupPerCpuPeek,
        PresetId::Superlinear1Cpu,
        PresetId::Superlinear3Cpus,
    ];

    /// The stable text id (`"fcfs-convoy"`), used in links and by the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            PresetId::FcfsConvoy => "fcfs-convoy",
            PresetId::SjfStarvation => "sjf-starvation",
            PresetId::SrtfVsSjf => "srtf-vs-sjf",
            PresetId::SjfVsSrtf => "sjf-vs-srtf",
            PresetId::SjfPredicted => "sjf-predicted",
            PresetId::PriorityStarvation => "priority-starvation",
            PresetId::PriorityAging => "priority-aging",
            PresetId::Hrrn => "hrrn",
            PresetId::RrTinyQuantum => "rr-tiny-quantum",
            PresetId::RrHugeQuantum => "rr-huge-quantum",
            PresetId::RrSilberschatz => "rr-silberschatz",
            PresetId::Mlq => "mlq",
            PresetId::MlfqOstepLongJob => "mlfq-ostep-long-job",
            PresetId::MlfqOstepShortJob => "mlfq-ostep-short-job",
            PresetId::MlfqOstepIoJob => "mlfq-ostep-io-job",
            PresetId::MlfqOstepNoBoost => "mlfq-ostep-no-boost",
            PresetId::MlfqOstepBoost => "mlfq-ostep-boost",
            PresetId::MlfqGamingOldRule4 => "mlfq-gaming-old-rule-4",
            PresetId::MlfqGamingNewRule4 => "mlfq-gaming-new-rule-4",
            PresetId::MlfqSilberschatz => "mlfq-silberschatz",
            PresetId::Lottery => "lottery",
            PresetId::SwitchProcesses => "switch-processes",
            PresetId::SwitchThreads => "switch-threads",
            PresetId::ThreadsUserLevel => "threads-user-level",
            PresetId::ThreadsKernelLevel => "threads-kernel-level",
            PresetId::Cpus1 => "cpus-1",
            PresetId::Cpus2 => "cpus-2",
            PresetId::Cpus4 => "cpus-4",
            PresetId::AffinityOff => "affinity-off",
            PresetId::AffinityOn => "affinity-on",
            PresetId::PerCpuQueues => "per-cpu-queues",
            PresetId::CounterThreads => "counter-threads",
            PresetId::CounterProcesses => "counter-processes",
            PresetId::RaceTwoThreads => "race-two-threads",
            PresetId::RaceThreeThreads => "race-three-threads",
            PresetId::RaceTwoCpus => "race-two-cpus",
            PresetId::LockFlagBroken => "lock-flag-broken",
            PresetId::LockXchg => "lock-xchg",
            PresetId::LockTtas => "lock-ttas",
            PresetId::LockYield => "lock-yield",
            PresetId::LockTicket => "lock-ticket",
            PresetId::LockPeterson => "lock-peterson",
            PresetId::MutexBlocking => "mutex-blocking",
            PresetId::DeadlockTwoLocks => "deadlock-two-locks",
            PresetId::DeadlockTwoLocksOrdered => "deadlock-two-locks-ordered",
            PresetId::PhilosophersDeadlock => "philosophers-deadlock",
            PresetId::PhilosophersOrdered => "philosophers-ordered",
            PresetId::ProducerConsumerSemaphores => "producer-consumer-semaphores",
            PresetId::MessageQueueClientServer => "message-queue-client-server",
            PresetId::PipeWriterReader => "pipe-writer-reader",
            PresetId::ShmRace => "shm-race",
            PresetId::ShmSemaphore => "shm-semaphore",
            PresetId::IpcCostThreads => "ipc-cost-threads",
            PresetId::IpcCostPipe => "ipc-cost-pipe",
            PresetId::ProducerConsumerCondvar => "producer-consumer-condvar",
            PresetId::BurstsLock => "bursts-lock",
            PresetId::BurstsLockProcesses => "bursts-lock-processes",
            PresetId::WarmupCacheTooSmall => "warmup-cache-too-small",
            PresetId::WarmupCacheFits => "warmup-cache-fits",
            PresetId::WarmupTwoCpus => "warmup-two-cpus",
            PresetId::WarmupTwoCpusAffinity => "warmup-two-cpus-affinity",
            PresetId::WarmupPerCpuNoPeek => "warmup-per-cpu-no-peek",
            PresetId::WarmupPerCpuPeek => "warmup-per-cpu-peek",
            PresetId::Superlinear1Cpu => "superlinear-1-cpu",
            PresetId::Superlinear3Cpus => "superlinear-3-cpus",
            PresetId::ReadersWriters => "readers-writers",
        }
    }

    /// The preset whose text id is `id`.
    pub fn from_id(id: &str) -> Option<PresetId> {
        PresetId::ALL
            .into_iter()
            .find(|preset| preset.as_str() == id)
    }
}

impl core::fmt::Display for PresetId {
    fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// A single-threaded process with the given arrival and alternating bursts (CPU first).
pub fn process(name: &str, arrival: u64, bursts: &[u64]) -> ProcessSpec {
    ProcessSpec {
        name: String::from(name),
        arrival,
        bursts: BurstSpec::alternating(bursts),
        ..ProcessSpec::default()
    }
}

/// A process with the given priority number.
pub fn prioritised(name: &str, arrival: u64, priority: u32, bursts: &[u64]) -> ProcessSpec {
    ProcessSpec {
        priority,
        ..process(name, arrival, bursts)
    }
}

/// A process of one multilevel-queue class.
pub fn classed(name: &str, arrival: u64, class: u32, bursts: &[u64]) -> ProcessSpec {
    ProcessSpec {
        class,
        ..process(name, arrival, bursts)
    }
}

/// A multi-threaded process: one burst list per thread.
pub fn threaded(name: &str, arrival: u64, threads: &[&[u64]]) -> ProcessSpec {
    ProcessSpec {
        name: String::from(name),
        arrival,
        threads: threads
            .iter()
            .enumerate()
            .map(|(index, bursts)| ThreadSpec {
                name: format!("T{}", index + 1),
                bursts: BurstSpec::alternating(bursts),
                stack: 1,
                ..ThreadSpec::default()
            })
            .collect(),
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

fn on_machine(mut spec: ScenarioSpec, machine: MachineSpec) -> ScenarioSpec {
    spec.machine = machine;
    spec
}

fn ostep_conventions(mut spec: ScenarioSpec) -> ScenarioSpec {
    spec.conventions.requeue_order = RequeueOrder::BeforeArrivals;
    spec.conventions.boost_timing = BoostTiming::BeforeArrivals;
    spec.conventions.boost_order = BoostOrder::LowestFirst;
    spec.conventions.entry_order = crate::spec::EntryOrder::ArrivalsThenIo;
    spec
}

fn mlfq(levels: &[u64], boost_period: Option<u64>, old_rules_4ab: bool) -> PolicySpec {
    PolicySpec::Mlfq(MlfqSpec {
        levels: levels
            .iter()
            .map(|quantum| LevelSpec {
                quantum: Some(*quantum),
                allotment: 1,
            })
            .collect(),
        boost_period,
        old_rules_4ab,
        io_bump: false,
    })
}

fn switching_machine(cpus: u32) -> MachineSpec {
    MachineSpec {
        cpus,
        dispatch_latency: 3,
        thread_switch_latency: 1,
        ..MachineSpec::default()
    }
}

/// The process-versus-thread pair: one CPU, a process switch costs 3 ticks and a thread switch
/// 1, and the cache is on. Each process needs 2 units of cache (a shared unit and a stack), so
/// the 5-unit cache holds about two of the four processes and every process switch finds the
/// next process's lines evicted; the four threads of one process need 1 + 4 units and stay warm.
fn switch_cost_machine() -> MachineSpec {
    let mut machine = switching_machine(1);
    machine.cache.enabled = true;
    machine.cache.capacity = 5;
    machine.cache.refill_per_unit = 1;
    machine
}

/// Four 8-tick jobs, each with a 1-unit shared working set.
fn switch_cost_workload(mut processes: Vec<ProcessSpec>) -> Vec<ProcessSpec> {
    for process in &mut processes {
        process.working_set = 1;
    }
    processes
}

fn short_jobs(first: u64, every: u64, count: u64, length: u64) -> Vec<ProcessSpec> {
    (0..count)
        .map(|index| process(&format!("S{}", index + 1), first + index * every, &[length]))
        .collect()
}

fn priority_stream() -> Vec<ProcessSpec> {
    let mut processes = vec![prioritised("Low", 0, 9, &[6])];
    processes
        .extend((0..8).map(|index| prioritised(&format!("H{}", index + 1), index * 4, 1, &[4])));
    processes
}

fn cache_machine(topology: QueueTopology) -> MachineSpec {
    let mut machine = MachineSpec {
        cpus: 2,
        dispatch_latency: 1,
        topology,
        ..MachineSpec::default()
    };
    machine.cache.enabled = true;
    machine.cache.capacity = 8;
    machine.cache.refill_per_unit = 1;
    machine
}

fn cache_workload() -> Vec<ProcessSpec> {
    ["A", "B", "C"]
        .iter()
        .map(|name| ProcessSpec {
            working_set: 4,
            ..process(name, 0, &[12])
        })
        .collect()
}

fn four_thread_process() -> Vec<ProcessSpec> {
    vec![threaded("P1", 0, &[&[8], &[8], &[8], &[8]])]
}

/// Every preset, in the order the page lists them.
pub fn presets() -> Vec<Preset> {
    let silberschatz_srtf = vec![
        process("P1", 0, &[8]),
        process("P2", 1, &[4]),
        process("P3", 2, &[9]),
        process("P4", 3, &[5]),
    ];
    let mut sjf_starvation = vec![process("First", 0, &[1]), process("Big", 1, &[12])];
    sjf_starvation.extend(short_jobs(1, 3, 8, 3));
    let thread_work: &[&[u64]] = &[&[4, 6, 4], &[4, 6, 4], &[4, 6, 4]];
    let mut presets = vec![
        Preset {
            id: PresetId::FcfsConvoy,
            spec: scenario(
                vec![
                    process("P1", 0, &[24]),
                    process("P2", 0, &[3]),
                    process("P3", 0, &[3]),
                ],
                PolicySpec::Fcfs,
            ),
        },
        Preset {
            id: PresetId::SjfStarvation,
            spec: scenario(sjf_starvation, PolicySpec::Sjf { prediction: None }),
        },
        Preset {
            id: PresetId::SrtfVsSjf,
            spec: scenario(silberschatz_srtf.clone(), PolicySpec::Srtf),
        },
        Preset {
            id: PresetId::SjfVsSrtf,
            spec: scenario(silberschatz_srtf, PolicySpec::Sjf { prediction: None }),
        },
        Preset {
            id: PresetId::SjfPredicted,
            spec: scenario(
                vec![
                    process("P1", 0, &[6, 2, 4, 2, 6, 2, 4, 2, 13, 2, 13]),
                    process("P2", 1, &[10, 3, 10]),
                ],
                PolicySpec::Sjf {
                    prediction: Some(crate::spec::PredictionSpec {
                        alpha_percent: 50,
                        tau0: 10,
                    }),
                },
            ),
        },
        Preset {
            id: PresetId::PriorityStarvation,
            spec: scenario(
                priority_stream(),
                PolicySpec::Priority {
                    preemptive: true,
                    aging_every: None,
                    lower_is_higher: true,
                },
            ),
        },
        Preset {
            id: PresetId::PriorityAging,
            spec: scenario(
                priority_stream(),
                PolicySpec::Priority {
                    preemptive: true,
                    aging_every: Some(2),
                    lower_is_higher: true,
                },
            ),
        },
        Preset {
            id: PresetId::Hrrn,
            spec: scenario(
                vec![
                    process("P1", 0, &[3]),
                    process("P2", 2, &[6]),
                    process("P3", 4, &[4]),
                    process("P4", 6, &[5]),
                    process("P5", 8, &[2]),
                ],
                PolicySpec::Hrrn,
            ),
        },
        Preset {
            id: PresetId::RrTinyQuantum,
            spec: on_machine(
                scenario(
                    vec![
                        process("P1", 0, &[10]),
                        process("P2", 0, &[10]),
                        process("P3", 0, &[10]),
                    ],
                    PolicySpec::Rr { quantum: 1 },
                ),
                MachineSpec {
                    dispatch_latency: 1,
                    ..MachineSpec::default()
                },
            ),
        },
        Preset {
            id: PresetId::RrHugeQuantum,
            spec: scenario(
                vec![
                    process("P1", 0, &[24]),
                    process("P2", 0, &[3]),
                    process("P3", 0, &[3]),
                ],
                PolicySpec::Rr { quantum: 100 },
            ),
        },
        Preset {
            id: PresetId::RrSilberschatz,
            spec: scenario(
                vec![
                    process("P1", 0, &[24]),
                    process("P2", 0, &[3]),
                    process("P3", 0, &[3]),
                ],
                PolicySpec::Rr { quantum: 4 },
            ),
        },
        Preset {
            id: PresetId::Mlq,
            spec: scenario(
                vec![
                    classed("System", 4, 0, &[3, 2, 3]),
                    classed("Editor", 0, 1, &[2, 4, 2, 4, 2]),
                    classed("Batch1", 0, 2, &[12]),
                    classed("Batch2", 1, 2, &[10]),
                ],
                PolicySpec::Mlq {
                    queues: vec![
                        QueueSpec::Rr { quantum: 2 },
                        QueueSpec::Rr { quantum: 4 },
                        QueueSpec::Fcfs,
                    ],
                },
            ),
        },
        Preset {
            id: PresetId::MlfqOstepLongJob,
            spec: ostep_conventions(scenario(
                vec![process("A", 0, &[200])],
                mlfq(&[10, 10, 10], None, false),
            )),
        },
        Preset {
            id: PresetId::MlfqOstepShortJob,
            spec: ostep_conventions(scenario(
                vec![process("A", 0, &[180]), process("B", 100, &[20])],
                mlfq(&[10, 10, 10], None, false),
            )),
        },
        Preset {
            id: PresetId::MlfqOstepIoJob,
            spec: ostep_conventions(scenario(
                vec![
                    process("A", 0, &[175]),
                    process("B", 50, &[1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1]),
                ],
                mlfq(&[10, 10, 10], None, false),
            )),
        },
        Preset {
            id: PresetId::MlfqOstepNoBoost,
            spec: ostep_conventions(scenario(
                vec![
                    process("A", 0, &[150]),
                    process("B", 100, &[5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
                    process("C", 100, &[5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
                ],
                // OSTEP's figure 8.5 comes before its better accounting: a job that gives up
                // the CPU before its slice ends keeps its level (old rules 4a/4b), so the two
                // interactive jobs stay on top and the long one starves.
                mlfq(&[10, 10, 10], None, true),
            )),
        },
        Preset {
            id: PresetId::MlfqOstepBoost,
            spec: ostep_conventions(scenario(
                vec![
                    process("A", 0, &[150]),
                    process("B", 100, &[5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
                    process("C", 100, &[5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]),
                ],
                mlfq(&[10, 10, 10], Some(50), true),
            )),
        },
        Preset {
            id: PresetId::MlfqGamingOldRule4,
            spec: ostep_conventions(scenario(
                vec![
                    process("Honest", 0, &[100]),
                    process("Gamer", 0, &[9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9]),
                ],
                mlfq(&[10, 10, 10], None, true),
            )),
        },
        Preset {
            id: PresetId::MlfqGamingNewRule4,
            spec: ostep_conventions(scenario(
                vec![
                    process("Honest", 0, &[100]),
                    process("Gamer", 0, &[9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9]),
                ],
                mlfq(&[10, 10, 10], None, false),
            )),
        },
        Preset {
            id: PresetId::MlfqSilberschatz,
            spec: scenario(
                vec![
                    process("P1", 0, &[30]),
                    process("P2", 0, &[6]),
                    process("P3", 10, &[20]),
                    process("P4", 12, &[4, 3, 4]),
                ],
                PolicySpec::mlfq_silberschatz(),
            ),
        },
        Preset {
            id: PresetId::Lottery,
            spec: scenario(
                vec![
                    ProcessSpec {
                        tickets: 75,
                        ..process("A", 0, &[40])
                    },
                    ProcessSpec {
                        tickets: 25,
                        ..process("B", 0, &[40])
                    },
                ],
                PolicySpec::Lottery { quantum: 1 },
            ),
        },
        Preset {
            id: PresetId::SwitchProcesses,
            spec: on_machine(
                scenario(
                    switch_cost_workload(vec![
                        process("P1", 0, &[8]),
                        process("P2", 0, &[8]),
                        process("P3", 0, &[8]),
                        process("P4", 0, &[8]),
                    ]),
                    PolicySpec::Rr { quantum: 2 },
                ),
                switch_cost_machine(),
            ),
        },
        Preset {
            id: PresetId::SwitchThreads,
            spec: on_machine(
                scenario(
                    switch_cost_workload(four_thread_process()),
                    PolicySpec::Rr { quantum: 2 },
                ),
                switch_cost_machine(),
            ),
        },
        Preset {
            id: PresetId::ThreadsUserLevel,
            spec: on_machine(
                scenario(
                    vec![threaded("P1", 0, thread_work), process("P2", 0, &[10])],
                    PolicySpec::Rr { quantum: 4 },
                ),
                MachineSpec {
                    thread_model: ThreadModel::User,
                    ..MachineSpec::default()
                },
            ),
        },
        Preset {
            id: PresetId::ThreadsKernelLevel,
            spec: scenario(
                vec![threaded("P1", 0, thread_work), process("P2", 0, &[10])],
                PolicySpec::Rr { quantum: 4 },
            ),
        },
        Preset {
            id: PresetId::Cpus1,
            spec: on_machine(
                scenario(four_thread_process(), PolicySpec::Rr { quantum: 4 }),
                switching_machine(1),
            ),
        },
        Preset {
            id: PresetId::Cpus2,
            spec: on_machine(
                scenario(four_thread_process(), PolicySpec::Rr { quantum: 4 }),
                switching_machine(2),
            ),
        },
        Preset {
            id: PresetId::Cpus4,
            spec: on_machine(
                scenario(four_thread_process(), PolicySpec::Rr { quantum: 4 }),
                switching_machine(4),
            ),
        },
        Preset {
            id: PresetId::AffinityOff,
            spec: on_machine(
                scenario(cache_workload(), PolicySpec::Rr { quantum: 3 }),
                cache_machine(QueueTopology::Shared),
            ),
        },
        Preset {
            id: PresetId::AffinityOn,
            spec: on_machine(
                scenario(cache_workload(), PolicySpec::Rr { quantum: 3 }),
                cache_machine(QueueTopology::Affinity),
            ),
        },
        Preset {
            id: PresetId::PerCpuQueues,
            spec: on_machine(
                scenario(cache_workload(), PolicySpec::Rr { quantum: 3 }),
                cache_machine(QueueTopology::PerCpu),
            ),
        },
    ];
    presets.extend(sync::presets());
    presets
}

/// The presets of the warm-up cache model (OSTEP `multi.py`), in lesson order. Not in
/// [`presets`] (the event engine's lessons); the page lists them after those, and runs them with
/// [`crate::warmup::simulate`], as `proclab run` does. The event engine does not apply the model
/// yet (`presets/warmup.rs`).
pub fn warmup_presets() -> Vec<Preset> {
    warmup::presets()
}

/// The preset with this id, if any (the page's and the warm-up model's).
pub fn preset(id: &str) -> Option<Preset> {
    let id = PresetId::from_id(id)?;
    presets()
        .into_iter()
        .chain(warmup_presets())
        .find(|preset| preset.id == id)
}
