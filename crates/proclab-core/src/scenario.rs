//! Validation at the boundary: the one fallible constructor from a raw [`ScenarioSpec`] to a
//! [`Scenario`] the engine can trust.
//!
//! [`Scenario::new`] reports *every* problem it finds as a [`ScenarioError`] code naming the
//! process, thread, burst, level or queue and the rule broken, never text, and never panics.
//! The limits keep the largest accepted scenario well under a second of simulation in a browser.
//! After validation the engine has no "impossible" branches: fields are private, there are no setters.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::spec::{
    BurstSpec, Conventions, MachineSpec, PolicySpec, ProcessSpec, QueueSpec, ScenarioSpec,
    SPEC_VERSION,
};

/// Most processes in one scenario.
pub const MAX_PROCESSES: u32 = 10_000;
/// Most threads of control in one scenario (all processes together).
pub const MAX_THREADS_TOTAL: u32 = 40_000;
/// Most threads in one process.
pub const MAX_THREADS_PER_PROCESS: u32 = 64;
/// Most bursts (CPU and I/O together) of one thread.
pub const MAX_BURSTS: u32 = 1_000;
/// Largest arrival tick, burst length, quantum, period or cost.
pub const MAX_TICK: u64 = 1_000_000_000;
/// Most CPUs.
pub const MAX_CPUS: u32 = 64;
/// Largest priority number.
pub const MAX_PRIORITY: u32 = 255;
/// Most MLFQ levels or MLQ queues.
pub const MAX_LEVELS: u32 = 16;
/// Longest name in bytes.
pub const MAX_NAME_LEN: u32 = 32;
/// Most lottery tickets of one process.
pub const MAX_TICKETS: u32 = 1_000_000;
/// Largest working set, stack or cache capacity in cache units.
pub const MAX_CACHE_UNITS: u32 = 1_000_000;
/// Most time slices a scenario may need (total CPU ticks divided by the smallest quantum, plus
/// one per burst), which bounds the number of events and so the simulation time.
pub const MAX_SLICES: u64 = 2_500_000;
/// Most periodic boosts over the longest possible run.
pub const MAX_BOOSTS: u64 = 1_000_000;
/// Most (boost x thread) steps over the longest possible run.
pub const MAX_BOOST_WORK: u64 = 50_000_000;

/// A cost of the machine, in ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Cost {
    /// `machine.dispatch_latency`.
    DispatchLatency,
    /// `machine.thread_switch_latency`.
    ThreadSwitchLatency,
    /// `machine.cache.refill_per_unit`.
    CacheRefill,
}

/// One problem found in a scenario. Indices are 0-based positions in the spec's arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ScenarioError {
    /// `version` is not [`SPEC_VERSION`].
    UnsupportedVersion {
        /// The version given.
        found: u32,
    },
    /// `processes` is empty.
    NoProcesses,
    /// More than [`MAX_PROCESSES`] processes.
    TooManyProcesses {
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// More than [`MAX_THREADS_TOTAL`] threads in total.
    TooManyThreads {
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// More than [`MAX_THREADS_PER_PROCESS`] threads in one process.
    TooManyThreadsInProcess {
        /// Index of the process in `processes`.
        process: u32,
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// A name longer than [`MAX_NAME_LEN`] bytes.
    NameTooLong {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own name).
        thread: Option<u32>,
        /// The limit.
        max: u32,
    },
    /// A process (or thread) without bursts.
    NoBursts {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
    },
    /// A process has both `bursts` and `threads`.
    BurstsAndThreads {
        /// Index of the process in `processes`.
        process: u32,
    },
    /// More than [`MAX_BURSTS`] bursts.
    TooManyBursts {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// A CPU burst of 0 ticks.
    BurstZero {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// Index of the burst.
        burst: u32,
    },
    /// The first burst is I/O.
    IoFirst {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
    },
    /// The last burst is I/O.
    IoLast {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
    },
    /// Two CPU bursts or two I/O bursts in a row.
    NotAlternating {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// Index of the burst.
        burst: u32,
    },
    /// A burst longer than [`MAX_TICK`].
    BurstTooLong {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// Index of the burst.
        burst: u32,
        /// The limit.
        max: u64,
    },
    /// An arrival later than [`MAX_TICK`].
    ArrivalTooLate {
        /// Index of the process in `processes`.
        process: u32,
        /// The limit.
        max: u64,
    },
    /// A priority above [`MAX_PRIORITY`].
    PriorityOutOfRange {
        /// Index of the process in `processes`.
        process: u32,
        /// The value given.
        value: u32,
        /// The limit.
        max: u32,
    },
    /// A class with no matching multilevel queue.
    UnknownClass {
        /// Index of the process in `processes`.
        process: u32,
        /// The class given.
        class: u32,
        /// How many queues the policy has.
        queues: u32,
    },
    /// Lottery tickets 0 or above [`MAX_TICKETS`].
    TicketsOutOfRange {
        /// Index of the process in `processes`.
        process: u32,
        /// The value given.
        value: u32,
        /// The limit.
        max: u32,
    },
    /// A process's working set (`process: Some`) or the cache capacity (`process: None`) above
    /// [`MAX_CACHE_UNITS`].
    CacheUnitsTooLarge {
        /// Index of the process in `processes`, or `None` for the cache capacity.
        process: Option<u32>,
        /// The limit.
        max: u32,
    },
    /// A thread's stack above [`MAX_CACHE_UNITS`].
    StackTooLarge {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads`.
        thread: u32,
        /// The limit.
        max: u32,
    },
    /// A quantum of 0 (`level` names the MLFQ level or MLQ queue, if any).
    QuantumZero {
        /// Index of the MLFQ level or MLQ queue (`None`: the policy's own quantum).
        level: Option<u32>,
    },
    /// A quantum above [`MAX_TICK`].
    QuantumTooLarge {
        /// Index of the MLFQ level or MLQ queue (`None`: the policy's own quantum).
        level: Option<u32>,
        /// The limit.
        max: u64,
    },
    /// An MLFQ allotment of 0 quanta.
    AllotmentZero {
        /// Index of the MLFQ level.
        level: u32,
    },
    /// No MLFQ levels or MLQ queues.
    NoLevels,
    /// More than [`MAX_LEVELS`] levels or queues.
    TooManyLevels {
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// A boost period of 0.
    BoostPeriodZero,
    /// The boost period is so short that the run could need more than `max_boosts` boosts
    /// ([`MAX_BOOSTS`], fewer for many threads: see [`MAX_BOOST_WORK`]).
    BoostTooFrequent {
        /// The most boosts allowed for this workload.
        max_boosts: u64,
    },
    /// Aging every 0 ticks.
    AgingZero,
    /// Aging period above [`MAX_TICK`].
    AgingTooLarge {
        /// The limit.
        max: u64,
    },
    /// Exponential-average alpha above 100 percent.
    AlphaOutOfRange {
        /// The value given.
        value: u32,
    },
    /// Initial prediction tau0 of 0 or above [`MAX_TICK`].
    Tau0OutOfRange {
        /// The limit.
        max: u64,
    },
    /// `machine.cpus` is 0.
    NoCpus,
    /// More than [`MAX_CPUS`] CPUs.
    TooManyCpus {
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// A switch latency or cache refill cost above [`MAX_TICK`].
    CostTooLarge {
        /// Which cost.
        cost: Cost,
        /// The limit.
        max: u64,
    },
    /// The scenario would need more than [`MAX_SLICES`] time slices (too much work for the quantum).
    TooManySlices {
        /// Estimated number of slices.
        estimate: u64,
        /// The limit.
        max: u64,
    },
}

/// A validated thread of control: its owner, its bursts and its stack size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thread {
    pid: u32,
    tid: u32,
    name: String,
    bursts: Vec<u64>,
    stack: u32,
}

impl Thread {
    /// Owning process id (input position).
    pub fn pid(&self) -> u32 {
        self.pid
    }
    /// Thread id inside its process (0-based).
    pub fn tid(&self) -> u32 {
        self.tid
    }
    /// Display name (`T1`... unless given).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Burst lengths: even positions are CPU bursts, odd positions I/O bursts.
    pub fn bursts(&self) -> &[u64] {
        &self.bursts
    }
    /// Stack size in cache units.
    pub fn stack(&self) -> u32 {
        self.stack
    }
    /// Sum of the CPU bursts.
    pub fn total_cpu(&self) -> u64 {
        self.bursts.iter().step_by(2).sum()
    }
    /// Sum of the I/O bursts.
    pub fn total_io(&self) -> u64 {
        self.bursts.iter().skip(1).step_by(2).sum()
    }
}

/// A validated process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Process {
    name: String,
    arrival: u64,
    priority: u32,
    class: u32,
    working_set: u32,
    tickets: u32,
    first_thread: u32,
    thread_count: u32,
    multithreaded: bool,
}

impl Process {
    /// Display name (`P1`... unless given).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Creation tick.
    pub fn arrival(&self) -> u64 {
        self.arrival
    }
    /// Priority number as given.
    pub fn priority(&self) -> u32 {
        self.priority
    }
    /// Multilevel-queue class.
    pub fn class(&self) -> u32 {
        self.class
    }
    /// Shared working set in cache units.
    pub fn working_set(&self) -> u32 {
        self.working_set
    }
    /// Lottery tickets.
    pub fn tickets(&self) -> u32 {
        self.tickets
    }
    /// Index of its first thread in [`Scenario::threads`]; its threads are contiguous.
    pub fn first_thread(&self) -> u32 {
        self.first_thread
    }
    /// Number of threads (1 for a single-threaded process).
    pub fn thread_count(&self) -> u32 {
        self.thread_count
    }
    /// True if the spec listed threads explicitly.
    pub fn is_multithreaded(&self) -> bool {
        self.multithreaded
    }
}

/// A scenario that passed validation: the only input the engine accepts.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    spec: ScenarioSpec,
    processes: Vec<Process>,
    threads: Vec<Thread>,
    /// Upper estimate of the time slices a run needs (sizes the trace buffers).
    slice_estimate: u64,
}

impl Scenario {
    /// Validates `spec`, returning every problem found (in field order) if there is any.
    pub fn new(spec: &ScenarioSpec) -> Result<Scenario, Vec<ScenarioError>> {
        let mut errors = Vec::new();
        if spec.version != SPEC_VERSION {
            errors.push(ScenarioError::UnsupportedVersion {
                found: spec.version,
            });
        }
        let process_count = spec.processes.len();
        if process_count == 0 {
            errors.push(ScenarioError::NoProcesses);
        }
        if process_count > MAX_PROCESSES as usize {
            errors.push(ScenarioError::TooManyProcesses {
                count: saturate(process_count),
                max: MAX_PROCESSES,
            });
            // Do not spend time on the details of a scenario that cannot run anyway.
            return Err(errors);
        }
        let total_threads: usize = spec
            .processes
            .iter()
            .map(|process| process.threads.len().max(1))
            .sum();
        if total_threads > MAX_THREADS_TOTAL as usize {
            errors.push(ScenarioError::TooManyThreads {
                count: saturate(total_threads),
                max: MAX_THREADS_TOTAL,
            });
            return Err(errors);
        }
        let queue_count = match &spec.policy {
            PolicySpec::Mlq { queues } => Some(queues.len()),
            _ => None,
        };
        let mut processes = Vec::with_capacity(process_count);
        let mut threads = Vec::with_capacity(total_threads);
        for (index, process_spec) in spec.processes.iter().enumerate() {
            let pid = index as u32;
            check_process(pid, process_spec, queue_count, &spec.policy, &mut errors);
            let first_thread = threads.len() as u32;
            if process_spec.threads.is_empty() {
                threads.push(Thread {
                    pid,
                    tid: 0,
                    name: String::from("T1"),
                    bursts: burst_lengths(&process_spec.bursts),
                    stack: 1,
                });
            } else {
                for (thread_index, thread_spec) in process_spec.threads.iter().enumerate() {
                    let tid = thread_index as u32;
                    let thread = Some(tid);
                    check_bursts(pid, thread, &thread_spec.bursts, &mut errors);
                    if thread_spec.name.len() > MAX_NAME_LEN as usize {
                        errors.push(ScenarioError::NameTooLong {
                            process: pid,
                            thread,
                            max: MAX_NAME_LEN,
                        });
                    }
                    if thread_spec.stack > MAX_CACHE_UNITS {
                        errors.push(ScenarioError::StackTooLarge {
                            process: pid,
                            thread: tid,
                            max: MAX_CACHE_UNITS,
                        });
                    }
                    let name = if thread_spec.name.is_empty() {
                        format!("T{}", tid + 1)
                    } else {
                        thread_spec.name.clone()
                    };
                    threads.push(Thread {
                        pid,
                        tid,
                        name,
                        bursts: burst_lengths(&thread_spec.bursts),
                        stack: thread_spec.stack,
                    });
                }
            }
            let name = if process_spec.name.is_empty() {
                format!("P{}", index + 1)
            } else {
                process_spec.name.clone()
            };
            processes.push(Process {
                name,
                arrival: process_spec.arrival,
                priority: process_spec.priority,
                class: process_spec.class,
                working_set: process_spec.working_set,
                tickets: process_spec.tickets,
                first_thread,
                thread_count: threads.len() as u32 - first_thread,
                multithreaded: !process_spec.threads.is_empty(),
            });
        }
        check_policy(&spec.policy, &mut errors);
        check_machine(&spec.machine, &mut errors);
        let mut slice_estimate = 0;
        if errors.is_empty() {
            slice_estimate = check_size(spec, &threads, &processes, &mut errors);
        }
        if errors.is_empty() {
            Ok(Scenario {
                spec: spec.clone(),
                processes,
                threads,
                slice_estimate,
            })
        } else {
            Err(errors)
        }
    }

    /// The spec this scenario was validated from.
    pub fn spec(&self) -> &ScenarioSpec {
        &self.spec
    }
    /// Processes in input order (index = pid).
    pub fn processes(&self) -> &[Process] {
        &self.processes
    }
    /// Every thread of control, grouped by process in pid order.
    pub fn threads(&self) -> &[Thread] {
        &self.threads
    }
    /// The policy.
    pub fn policy(&self) -> &PolicySpec {
        &self.spec.policy
    }
    /// The conventions.
    pub fn conventions(&self) -> &Conventions {
        &self.spec.conventions
    }
    /// The machine.
    pub fn machine(&self) -> &MachineSpec {
        &self.spec.machine
    }
    /// The RNG seed.
    pub fn seed(&self) -> u64 {
        self.spec.seed
    }

    /// Upper estimate of the number of time slices a run needs.
    pub(crate) fn slice_estimate(&self) -> u64 {
        self.slice_estimate
    }
}

fn saturate(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

fn burst_lengths(bursts: &[BurstSpec]) -> Vec<u64> {
    bursts
        .iter()
        .map(|burst| match burst {
            BurstSpec::Cpu(length) | BurstSpec::Io(length) => *length,
        })
        .collect()
}

fn check_process(
    pid: u32,
    process: &ProcessSpec,
    queue_count: Option<usize>,
    policy: &PolicySpec,
    errors: &mut Vec<ScenarioError>,
) {
    if process.name.len() > MAX_NAME_LEN as usize {
        errors.push(ScenarioError::NameTooLong {
            process: pid,
            thread: None,
            max: MAX_NAME_LEN,
        });
    }
    if process.arrival > MAX_TICK {
        errors.push(ScenarioError::ArrivalTooLate {
            process: pid,
            max: MAX_TICK,
        });
    }
    if process.priority > MAX_PRIORITY {
        errors.push(ScenarioError::PriorityOutOfRange {
            process: pid,
            value: process.priority,
            max: MAX_PRIORITY,
        });
    }
    if let Some(queues) = queue_count {
        if process.class as usize >= queues && queues > 0 {
            errors.push(ScenarioError::UnknownClass {
                process: pid,
                class: process.class,
                queues: queues as u32,
            });
        }
    }
    let tickets_matter = matches!(policy, PolicySpec::Lottery { .. });
    if (tickets_matter && process.tickets == 0) || process.tickets > MAX_TICKETS {
        errors.push(ScenarioError::TicketsOutOfRange {
            process: pid,
            value: process.tickets,
            max: MAX_TICKETS,
        });
    }
    if process.working_set > MAX_CACHE_UNITS {
        errors.push(ScenarioError::CacheUnitsTooLarge {
            process: Some(pid),
            max: MAX_CACHE_UNITS,
        });
    }
    if process.threads.len() > MAX_THREADS_PER_PROCESS as usize {
        errors.push(ScenarioError::TooManyThreadsInProcess {
            process: pid,
            count: saturate(process.threads.len()),
            max: MAX_THREADS_PER_PROCESS,
        });
    }
    if process.threads.is_empty() {
        check_bursts(pid, None, &process.bursts, errors);
    } else if !process.bursts.is_empty() {
        errors.push(ScenarioError::BurstsAndThreads { process: pid });
    }
}

fn check_bursts(
    process: u32,
    thread: Option<u32>,
    bursts: &[BurstSpec],
    errors: &mut Vec<ScenarioError>,
) {
    if bursts.is_empty() {
        errors.push(ScenarioError::NoBursts { process, thread });
        return;
    }
    if bursts.len() > MAX_BURSTS as usize {
        errors.push(ScenarioError::TooManyBursts {
            process,
            thread,
            count: saturate(bursts.len()),
            max: MAX_BURSTS,
        });
        return;
    }
    if matches!(bursts[0], BurstSpec::Io(_)) {
        errors.push(ScenarioError::IoFirst { process, thread });
    }
    if bursts.len() > 1 && matches!(bursts[bursts.len() - 1], BurstSpec::Io(_)) {
        errors.push(ScenarioError::IoLast { process, thread });
    }
    for (index, burst) in bursts.iter().enumerate() {
        let burst_index = index as u32;
        if index > 0
            && core::mem::discriminant(burst) == core::mem::discriminant(&bursts[index - 1])
        {
            errors.push(ScenarioError::NotAlternating {
                process,
                thread,
                burst: burst_index,
            });
        }
        match *burst {
            BurstSpec::Cpu(0) => errors.push(ScenarioError::BurstZero {
                process,
                thread,
                burst: burst_index,
            }),
            BurstSpec::Cpu(length) | BurstSpec::Io(length) if length > MAX_TICK => {
                errors.push(ScenarioError::BurstTooLong {
                    process,
                    thread,
                    burst: burst_index,
                    max: MAX_TICK,
                })
            }
            _ => {}
        }
    }
}

fn check_quantum(quantum: u64, level: Option<u32>, errors: &mut Vec<ScenarioError>) {
    if quantum == 0 {
        errors.push(ScenarioError::QuantumZero { level });
    } else if quantum > MAX_TICK {
        errors.push(ScenarioError::QuantumTooLarge {
            level,
            max: MAX_TICK,
        });
    }
}

fn check_level_count(count: usize, errors: &mut Vec<ScenarioError>) {
    if count == 0 {
        errors.push(ScenarioError::NoLevels);
    } else if count > MAX_LEVELS as usize {
        errors.push(ScenarioError::TooManyLevels {
            count: saturate(count),
            max: MAX_LEVELS,
        });
    }
}

fn check_policy(policy: &PolicySpec, errors: &mut Vec<ScenarioError>) {
    match policy {
        PolicySpec::Fcfs | PolicySpec::Srtf | PolicySpec::Hrrn => {}
        PolicySpec::Sjf { prediction } => {
            if let Some(prediction) = prediction {
                if prediction.alpha_percent > 100 {
                    errors.push(ScenarioError::AlphaOutOfRange {
                        value: prediction.alpha_percent,
                    });
                }
                if prediction.tau0 == 0 || prediction.tau0 > MAX_TICK {
                    errors.push(ScenarioError::Tau0OutOfRange { max: MAX_TICK });
                }
            }
        }
        PolicySpec::Priority { aging_every, .. } => match aging_every {
            Some(0) => errors.push(ScenarioError::AgingZero),
            Some(period) if *period > MAX_TICK => {
                errors.push(ScenarioError::AgingTooLarge { max: MAX_TICK })
            }
            _ => {}
        },
        PolicySpec::Rr { quantum } | PolicySpec::Lottery { quantum } => {
            check_quantum(*quantum, None, errors)
        }
        PolicySpec::Mlq { queues } => {
            check_level_count(queues.len(), errors);
            for (index, queue) in queues.iter().enumerate() {
                if let QueueSpec::Rr { quantum } = queue {
                    check_quantum(*quantum, Some(index as u32), errors);
                }
            }
        }
        PolicySpec::Mlfq(mlfq) => {
            check_level_count(mlfq.levels.len(), errors);
            for (index, level) in mlfq.levels.iter().enumerate() {
                if let Some(quantum) = level.quantum {
                    check_quantum(quantum, Some(index as u32), errors);
                }
                if level.allotment == 0 {
                    errors.push(ScenarioError::AllotmentZero {
                        level: index as u32,
                    });
                }
            }
            if mlfq.boost_period == Some(0) {
                errors.push(ScenarioError::BoostPeriodZero);
            }
        }
    }
}

fn check_machine(machine: &MachineSpec, errors: &mut Vec<ScenarioError>) {
    if machine.cpus == 0 {
        errors.push(ScenarioError::NoCpus);
    } else if machine.cpus > MAX_CPUS {
        errors.push(ScenarioError::TooManyCpus {
            count: machine.cpus,
            max: MAX_CPUS,
        });
    }
    for (cost, value) in [
        (Cost::DispatchLatency, machine.dispatch_latency),
        (Cost::ThreadSwitchLatency, machine.thread_switch_latency),
        (Cost::CacheRefill, machine.cache.refill_per_unit),
    ] {
        if value > MAX_TICK {
            errors.push(ScenarioError::CostTooLarge {
                cost,
                max: MAX_TICK,
            });
        }
    }
    if machine.cache.capacity > MAX_CACHE_UNITS {
        errors.push(ScenarioError::CacheUnitsTooLarge {
            process: None,
            max: MAX_CACHE_UNITS,
        });
    }
}

/// The smallest time slice the policy can hand out, if it slices at all.
fn smallest_quantum(policy: &PolicySpec) -> Option<u64> {
    match policy {
        PolicySpec::Rr { quantum } | PolicySpec::Lottery { quantum } => Some(*quantum),
        PolicySpec::Mlq { queues } => queues
            .iter()
            .filter_map(|queue| match queue {
                QueueSpec::Rr { quantum } => Some(*quantum),
                _ => None,
            })
            .min(),
        PolicySpec::Mlfq(mlfq) => mlfq.levels.iter().filter_map(|level| level.quantum).min(),
        _ => None,
    }
}

/// Bounds the work of the run: time slices (events) and periodic boosts. Returns the slice estimate.
fn check_size(
    spec: &ScenarioSpec,
    threads: &[Thread],
    processes: &[Process],
    errors: &mut Vec<ScenarioError>,
) -> u64 {
    let quantum = smallest_quantum(&spec.policy).unwrap_or(u64::MAX).max(1);
    let mut slices: u64 = 0;
    let mut work: u64 = 0;
    for thread in threads {
        for (index, length) in thread.bursts.iter().enumerate() {
            work = work.saturating_add(*length);
            if index % 2 == 0 {
                slices = slices.saturating_add(length.div_ceil(quantum));
            } else {
                slices = slices.saturating_add(1);
            }
        }
    }
    // Preemptive priority with aging, SRTF and MLQ preempt at most once per arrival or I/O completion,
    // which the burst count above already covers.
    if slices > MAX_SLICES {
        errors.push(ScenarioError::TooManySlices {
            estimate: slices,
            max: MAX_SLICES,
        });
    }
    if let PolicySpec::Mlfq(mlfq) = &spec.policy {
        if let Some(period) = mlfq.boost_period {
            let last_arrival = processes.iter().map(Process::arrival).max().unwrap_or(0);
            let switching = (spec
                .machine
                .dispatch_latency
                .max(spec.machine.thread_switch_latency))
            .saturating_add(
                spec.machine
                    .cache
                    .refill_per_unit
                    .saturating_mul(spec.machine.cache.capacity as u64),
            )
            .saturating_mul(slices);
            let horizon = last_arrival.saturating_add(work).saturating_add(switching);
            let boosts = horizon / period.max(1);
            // Each boost touches every thread, so the bound shrinks as the workload grows.
            let max_boosts = MAX_BOOSTS.min(MAX_BOOST_WORK / (threads.len() as u64).max(1));
            if boosts > max_boosts {
                errors.push(ScenarioError::BoostTooFrequent { max_boosts });
            }
        }
    }
    slices
}
