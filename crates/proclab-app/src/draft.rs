//! The workspace as the student typed it: every field kept as raw text, so nothing is ever lost.
//!
//! [`Draft::to_spec`] turns the text into a [`ScenarioSpec`] and reports every field that is not a
//! number or not valid burst notation; the core then validates the spec. [`Draft::from_spec`] goes
//! the other way for presets, links and files. The draft is what the page autosaves.

use proclab_core::spec::{
    BurstSpec, CacheSpec, Conventions, LevelSpec, MachineSpec, MlfqSpec, PolicySpec,
    PredictionSpec, ProcessSpec, QueueSpec, QueueTopology, ScenarioSpec, ThreadModel, ThreadSpec,
};
use proclab_core::{PolicyKind, QueueKind};
use serde::{Deserialize, Serialize};

/// Where a field lives in the form; every error message is attached to one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldId {
    Processes,
    Name(usize),
    Arrival(usize),
    Priority(usize),
    Class(usize),
    Bursts(usize),
    WorkingSet(usize),
    Tickets(usize),
    ThreadName(usize, usize),
    ThreadBursts(usize, usize),
    ThreadStack(usize, usize),
    Quantum,
    AgingEvery,
    Alpha,
    Tau0,
    BoostPeriod,
    LevelQuantum(usize),
    LevelAllotment(usize),
    QueueQuantum(usize),
    Cpus,
    DispatchLatency,
    ThreadSwitchLatency,
    CacheCapacity,
    CacheRefill,
    Seed,
    Version,
}

impl FieldId {
    /// The process a field belongs to, if any.
    pub fn process(self) -> Option<usize> {
        match self {
            FieldId::Name(p)
            | FieldId::Arrival(p)
            | FieldId::Priority(p)
            | FieldId::Class(p)
            | FieldId::Bursts(p)
            | FieldId::WorkingSet(p)
            | FieldId::Tickets(p)
            | FieldId::ThreadName(p, _)
            | FieldId::ThreadBursts(p, _)
            | FieldId::ThreadStack(p, _) => Some(p),
            _ => None,
        }
    }

    /// Where the field lives in a scenario file, as a JSON path (`processes[2].bursts`): how the
    /// command line points at a problem.
    pub fn json_path(self) -> String {
        let thread =
            |p: usize, t: usize, field: &str| format!("processes[{p}].threads[{t}].{field}");
        match self {
            FieldId::Processes => "processes".into(),
            FieldId::Name(p) => format!("processes[{p}].name"),
            FieldId::Arrival(p) => format!("processes[{p}].arrival"),
            FieldId::Priority(p) => format!("processes[{p}].priority"),
            FieldId::Class(p) => format!("processes[{p}].class"),
            FieldId::Bursts(p) => format!("processes[{p}].bursts"),
            FieldId::WorkingSet(p) => format!("processes[{p}].working_set"),
            FieldId::Tickets(p) => format!("processes[{p}].tickets"),
            FieldId::ThreadName(p, t) => thread(p, t, "name"),
            FieldId::ThreadBursts(p, t) => thread(p, t, "bursts"),
            FieldId::ThreadStack(p, t) => thread(p, t, "stack"),
            FieldId::Quantum => "policy.quantum".into(),
            FieldId::AgingEvery => "policy.aging_every".into(),
            FieldId::Alpha => "policy.prediction.alpha_percent".into(),
            FieldId::Tau0 => "policy.prediction.tau0".into(),
            FieldId::BoostPeriod => "policy.boost_period".into(),
            FieldId::LevelQuantum(l) => format!("policy.levels[{l}].quantum"),
            FieldId::LevelAllotment(l) => format!("policy.levels[{l}].allotment"),
            FieldId::QueueQuantum(q) => format!("policy.queues[{q}].quantum"),
            FieldId::Cpus => "machine.cpus".into(),
            FieldId::DispatchLatency => "machine.dispatch_latency".into(),
            FieldId::ThreadSwitchLatency => "machine.thread_switch_latency".into(),
            FieldId::CacheCapacity => "machine.cache.capacity".into(),
            FieldId::CacheRefill => "machine.cache.refill_per_unit".into(),
            FieldId::Seed => "seed".into(),
            FieldId::Version => "version".into(),
        }
    }

    /// The DOM id of the input, so tests and `aria-describedby` can find it.
    pub fn dom_id(self) -> String {
        match self {
            FieldId::Processes => "processes".into(),
            FieldId::Name(p) => format!("p{p}-name"),
            FieldId::Arrival(p) => format!("p{p}-arrival"),
            FieldId::Priority(p) => format!("p{p}-priority"),
            FieldId::Class(p) => format!("p{p}-class"),
            FieldId::Bursts(p) => format!("p{p}-bursts"),
            FieldId::WorkingSet(p) => format!("p{p}-ws"),
            FieldId::Tickets(p) => format!("p{p}-tickets"),
            FieldId::ThreadName(p, t) => format!("p{p}-t{t}-name"),
            FieldId::ThreadBursts(p, t) => format!("p{p}-t{t}-bursts"),
            FieldId::ThreadStack(p, t) => format!("p{p}-t{t}-stack"),
            FieldId::Quantum => "quantum".into(),
            FieldId::AgingEvery => "aging".into(),
            FieldId::Alpha => "alpha".into(),
            FieldId::Tau0 => "tau0".into(),
            FieldId::BoostPeriod => "boost".into(),
            FieldId::LevelQuantum(l) => format!("level{l}-quantum"),
            FieldId::LevelAllotment(l) => format!("level{l}-allotment"),
            FieldId::QueueQuantum(q) => format!("queue{q}-quantum"),
            FieldId::Cpus => "cpus".into(),
            FieldId::DispatchLatency => "dispatch-latency".into(),
            FieldId::ThreadSwitchLatency => "thread-switch-latency".into(),
            FieldId::CacheCapacity => "cache-capacity".into(),
            FieldId::CacheRefill => "cache-refill".into(),
            FieldId::Seed => "seed".into(),
            FieldId::Version => "version".into(),
        }
    }
}

/// Why a field's text could not be read (before the core sees it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Empty where a number is needed.
    Missing,
    /// Not a whole number in range.
    NotANumber,
    /// A burst token that is neither `N` nor `ioN`.
    BadBurstToken { position: usize },
}

/// One thread as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ThreadDraft {
    pub name: String,
    pub bursts: String,
    pub stack: String,
}

impl ThreadDraft {
    /// An unnamed thread with these bursts and a one-unit stack.
    pub fn with_bursts(bursts: String) -> ThreadDraft {
        ThreadDraft {
            name: String::new(),
            bursts,
            stack: "1".into(),
        }
    }
}

/// One process as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ProcessDraft {
    pub name: String,
    pub arrival: String,
    pub priority: String,
    pub class: String,
    /// Burst notation: `5 io3 2` is CPU 5, I/O 3, CPU 2.
    pub bursts: String,
    pub threads: Vec<ThreadDraft>,
    pub working_set: String,
    pub tickets: String,
    /// Identifies the row while processes are added, removed and reordered (a list key), never
    /// saved: [`Draft::assign_keys`] numbers the rows of a loaded draft.
    #[serde(skip)]
    pub key: u64,
}

/// One MLFQ level as typed. An empty quantum means "no slice" (FCFS at that level).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct LevelDraft {
    pub quantum: String,
    pub allotment: String,
}

/// One multilevel-queue queue as typed: its own policy and, for round robin, its quantum (kept
/// as typed while another kind is chosen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QueueDraft {
    pub kind: QueueKind,
    pub quantum: String,
}

impl QueueDraft {
    fn from_spec(queue: &QueueSpec) -> QueueDraft {
        QueueDraft {
            kind: QueueKind::of(queue),
            quantum: match queue {
                QueueSpec::Rr { quantum } => quantum.to_string(),
                QueueSpec::Fcfs | QueueSpec::Sjf => String::new(),
            },
        }
    }
}

/// Autosaves written before queues had a kind stored `{quantum, allotment}`: an empty quantum
/// meant FCFS and any other text round robin.
impl<'de> Deserialize<'de> for QueueDraft {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Stored {
            #[serde(default)]
            kind: Option<QueueKind>,
            #[serde(default)]
            quantum: String,
        }
        let stored = Stored::deserialize(deserializer)?;
        let kind = stored.kind.unwrap_or(if stored.quantum.trim().is_empty() {
            QueueKind::Fcfs
        } else {
            QueueKind::Rr
        });
        Ok(QueueDraft {
            kind,
            quantum: stored.quantum,
        })
    }
}

/// The policy and all its parameters as typed; switching the kind keeps every value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyDraft {
    pub kind: PolicyKind,
    pub quantum: String,
    pub preemptive: bool,
    pub aging: bool,
    pub aging_every: String,
    pub lower_is_higher: bool,
    pub predict: bool,
    pub alpha: String,
    pub tau0: String,
    pub mlq_queues: Vec<QueueDraft>,
    pub mlfq_levels: Vec<LevelDraft>,
    pub boost: bool,
    pub boost_period: String,
    pub old_rules_4ab: bool,
    pub io_bump: bool,
}

impl Default for PolicyDraft {
    fn default() -> Self {
        PolicyDraft {
            kind: PolicyKind::Fcfs,
            quantum: "4".into(),
            preemptive: false,
            aging: false,
            aging_every: "10".into(),
            lower_is_higher: true,
            predict: false,
            alpha: "50".into(),
            tau0: "10".into(),
            mlq_queues: vec![
                QueueDraft {
                    kind: QueueKind::Rr,
                    quantum: "4".into(),
                },
                QueueDraft {
                    kind: QueueKind::Fcfs,
                    quantum: String::new(),
                },
            ],
            mlfq_levels: vec![
                LevelDraft {
                    quantum: "8".into(),
                    allotment: "1".into(),
                },
                LevelDraft {
                    quantum: "16".into(),
                    allotment: "1".into(),
                },
                LevelDraft {
                    quantum: String::new(),
                    allotment: "1".into(),
                },
            ],
            boost: false,
            boost_period: "100".into(),
            old_rules_4ab: false,
            io_bump: false,
        }
    }
}

/// The machine as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineDraft {
    pub cpus: String,
    pub dispatch_latency: String,
    pub thread_switch_latency: String,
    pub cache: bool,
    pub cache_capacity: String,
    pub cache_refill: String,
    pub user_threads: bool,
    pub topology: QueueTopology,
}

impl Default for MachineDraft {
    fn default() -> Self {
        MachineDraft::from_spec(&MachineSpec::default())
    }
}

/// The whole workspace as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub processes: Vec<ProcessDraft>,
    pub policy: PolicyDraft,
    pub conventions: Conventions,
    pub machine: MachineDraft,
    pub seed: String,
    /// The key the next new process row gets.
    #[serde(skip)]
    next_key: u64,
}

impl Default for Draft {
    fn default() -> Self {
        Draft::from_spec(&ScenarioSpec::default())
    }
}

/// Reads whole numbers, recording which fields could not be read.
struct Reader {
    errors: Vec<(FieldId, InputError)>,
}

impl Reader {
    fn number<T: core::str::FromStr + Default>(&mut self, field: FieldId, text: &str) -> T {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            self.errors.push((field, InputError::Missing));
            return T::default();
        }
        trimmed.parse().unwrap_or_else(|_| {
            self.errors.push((field, InputError::NotANumber));
            T::default()
        })
    }

    /// A number, or `default` when the field is empty.
    fn number_or<T: core::str::FromStr>(&mut self, field: FieldId, text: &str, default: T) -> T {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return default;
        }
        trimmed.parse().unwrap_or_else(|_| {
            self.errors.push((field, InputError::NotANumber));
            default
        })
    }

    fn optional<T: core::str::FromStr>(&mut self, field: FieldId, text: &str) -> Option<T> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        match trimmed.parse() {
            Ok(value) => Some(value),
            Err(_) => {
                self.errors.push((field, InputError::NotANumber));
                None
            }
        }
    }

    fn bursts(&mut self, field: FieldId, text: &str) -> Vec<BurstSpec> {
        match parse_bursts(text) {
            Ok(bursts) => bursts,
            Err(error) => {
                self.errors.push((field, error));
                Vec::new()
            }
        }
    }
}

/// Parses burst notation: whitespace- or comma-separated tokens, `N` a CPU burst of N ticks and
/// `ioN` (or `iN`) an I/O burst. Order and alternation are the core's to check.
pub fn parse_bursts(text: &str) -> Result<Vec<BurstSpec>, InputError> {
    let mut bursts = Vec::new();
    for (position, token) in text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        let lower = token.to_ascii_lowercase();
        let (is_io, digits) = match lower.strip_prefix("io").or_else(|| lower.strip_prefix('i')) {
            Some(rest) => (true, rest.trim_start_matches(':')),
            None => (
                false,
                lower.trim_start_matches("cpu").trim_start_matches(':'),
            ),
        };
        let length: u64 = digits
            .parse()
            .map_err(|_| InputError::BadBurstToken { position })?;
        bursts.push(if is_io {
            BurstSpec::Io(length)
        } else {
            BurstSpec::Cpu(length)
        });
    }
    if bursts.is_empty() {
        return Err(InputError::Missing);
    }
    Ok(bursts)
}

/// Writes bursts in the notation [`parse_bursts`] reads.
pub fn format_bursts(bursts: &[BurstSpec]) -> String {
    bursts
        .iter()
        .map(|burst| match burst {
            BurstSpec::Cpu(length) => length.to_string(),
            BurstSpec::Io(length) => format!("io{length}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Draft {
    /// The scenario the text describes, or every field that could not be read.
    pub fn to_spec(&self) -> Result<ScenarioSpec, Vec<(FieldId, InputError)>> {
        let mut reader = Reader { errors: Vec::new() };
        let defaults = ProcessSpec::default();
        let processes = self
            .processes
            .iter()
            .enumerate()
            .map(|(p, process)| ProcessSpec {
                name: process.name.trim().to_string(),
                arrival: reader.number(FieldId::Arrival(p), &process.arrival),
                priority: reader.number_or(FieldId::Priority(p), &process.priority, 0),
                class: reader.number_or(FieldId::Class(p), &process.class, 0),
                bursts: if process.threads.is_empty() {
                    reader.bursts(FieldId::Bursts(p), &process.bursts)
                } else {
                    Vec::new()
                },
                threads: process
                    .threads
                    .iter()
                    .enumerate()
                    .map(|(t, thread)| ThreadSpec {
                        name: thread.name.trim().to_string(),
                        bursts: reader.bursts(FieldId::ThreadBursts(p, t), &thread.bursts),
                        stack: reader.number_or(
                            FieldId::ThreadStack(p, t),
                            &thread.stack,
                            ThreadSpec::default().stack,
                        ),
                    })
                    .collect(),
                working_set: reader.number_or(
                    FieldId::WorkingSet(p),
                    &process.working_set,
                    defaults.working_set,
                ),
                tickets: reader.number_or(FieldId::Tickets(p), &process.tickets, defaults.tickets),
            })
            .collect();
        let policy = self.policy.to_spec(&mut reader);
        let machine = self.machine.to_spec(&mut reader);
        let seed = reader.number_or(FieldId::Seed, &self.seed, 0);
        if !reader.errors.is_empty() {
            return Err(reader.errors);
        }
        Ok(ScenarioSpec {
            processes,
            policy,
            conventions: self.conventions,
            machine,
            seed,
            ..ScenarioSpec::default()
        })
    }

    /// The draft that shows `spec` (every value written out).
    pub fn from_spec(spec: &ScenarioSpec) -> Draft {
        let mut draft = Draft {
            processes: spec.processes.iter().map(ProcessDraft::from_spec).collect(),
            policy: PolicyDraft::from_spec(&spec.policy),
            conventions: spec.conventions,
            machine: MachineDraft::from_spec(&spec.machine),
            seed: spec.seed.to_string(),
            next_key: 0,
        };
        draft.assign_keys();
        draft
    }

    /// Numbers every process row afresh (after loading a saved draft, whose keys are not saved).
    pub fn assign_keys(&mut self) {
        for (index, process) in self.processes.iter_mut().enumerate() {
            process.key = index as u64;
        }
        self.next_key = self.processes.len() as u64;
    }

    /// A key no row of this draft has had.
    pub(crate) fn take_key(&mut self) -> u64 {
        let key = self.next_key;
        self.next_key += 1;
        key
    }

    /// Appends a process with a fresh key.
    pub(crate) fn push_process(&mut self, mut process: ProcessDraft) {
        process.key = self.take_key();
        self.processes.push(process);
    }
}

impl ProcessDraft {
    pub fn from_spec(process: &ProcessSpec) -> ProcessDraft {
        ProcessDraft {
            name: process.name.clone(),
            arrival: process.arrival.to_string(),
            priority: process.priority.to_string(),
            class: process.class.to_string(),
            bursts: format_bursts(&process.bursts),
            threads: process
                .threads
                .iter()
                .map(|thread| ThreadDraft {
                    name: thread.name.clone(),
                    bursts: format_bursts(&thread.bursts),
                    stack: thread.stack.to_string(),
                })
                .collect(),
            working_set: process.working_set.to_string(),
            tickets: process.tickets.to_string(),
            key: 0,
        }
    }

    /// A fresh single-threaded process named after its position.
    pub fn new_at(position: usize) -> ProcessDraft {
        ProcessDraft::from_spec(&ProcessSpec {
            name: format!("P{}", position + 1),
            arrival: 0,
            bursts: vec![BurstSpec::Cpu(5)],
            ..ProcessSpec::default()
        })
    }
}

impl PolicyDraft {
    fn to_spec(&self, reader: &mut Reader) -> PolicySpec {
        match self.kind {
            PolicyKind::Fcfs => PolicySpec::Fcfs,
            PolicyKind::Sjf => PolicySpec::Sjf {
                prediction: self.predict.then(|| PredictionSpec {
                    alpha_percent: reader.number(FieldId::Alpha, &self.alpha),
                    tau0: reader.number(FieldId::Tau0, &self.tau0),
                }),
            },
            PolicyKind::Srtf => PolicySpec::Srtf,
            PolicyKind::Priority => PolicySpec::Priority {
                preemptive: self.preemptive,
                aging_every: if self.aging {
                    Some(reader.number(FieldId::AgingEvery, &self.aging_every))
                } else {
                    None
                },
                lower_is_higher: self.lower_is_higher,
            },
            PolicyKind::Hrrn => PolicySpec::Hrrn,
            PolicyKind::Rr => PolicySpec::Rr {
                quantum: reader.number(FieldId::Quantum, &self.quantum),
            },
            PolicyKind::Lottery => PolicySpec::Lottery {
                quantum: reader.number(FieldId::Quantum, &self.quantum),
            },
            PolicyKind::Mlq => PolicySpec::Mlq {
                queues: self
                    .mlq_queues
                    .iter()
                    .enumerate()
                    .map(|(q, queue)| match queue.kind {
                        QueueKind::Rr => QueueSpec::Rr {
                            quantum: reader.number(FieldId::QueueQuantum(q), &queue.quantum),
                        },
                        QueueKind::Fcfs => QueueSpec::Fcfs,
                        QueueKind::Sjf => QueueSpec::Sjf,
                    })
                    .collect(),
            },
            PolicyKind::Mlfq => PolicySpec::Mlfq(MlfqSpec {
                levels: self
                    .mlfq_levels
                    .iter()
                    .enumerate()
                    .map(|(l, level)| LevelSpec {
                        quantum: reader.optional(FieldId::LevelQuantum(l), &level.quantum),
                        allotment: reader.number_or(
                            FieldId::LevelAllotment(l),
                            &level.allotment,
                            1,
                        ),
                    })
                    .collect(),
                boost_period: if self.boost {
                    Some(reader.number(FieldId::BoostPeriod, &self.boost_period))
                } else {
                    None
                },
                old_rules_4ab: self.old_rules_4ab,
                io_bump: self.io_bump,
            }),
        }
    }

    /// The draft for `policy`, keeping the defaults of every field it does not use.
    pub fn from_spec(policy: &PolicySpec) -> PolicyDraft {
        let mut draft = PolicyDraft::default();
        match policy {
            PolicySpec::Fcfs => draft.kind = PolicyKind::Fcfs,
            PolicySpec::Sjf { prediction } => {
                draft.kind = PolicyKind::Sjf;
                if let Some(prediction) = prediction {
                    draft.predict = true;
                    draft.alpha = prediction.alpha_percent.to_string();
                    draft.tau0 = prediction.tau0.to_string();
                }
            }
            PolicySpec::Srtf => draft.kind = PolicyKind::Srtf,
            PolicySpec::Priority {
                preemptive,
                aging_every,
                lower_is_higher,
            } => {
                draft.kind = PolicyKind::Priority;
                draft.preemptive = *preemptive;
                draft.lower_is_higher = *lower_is_higher;
                if let Some(every) = aging_every {
                    draft.aging = true;
                    draft.aging_every = every.to_string();
                }
            }
            PolicySpec::Hrrn => draft.kind = PolicyKind::Hrrn,
            PolicySpec::Rr { quantum } => {
                draft.kind = PolicyKind::Rr;
                draft.quantum = quantum.to_string();
            }
            PolicySpec::Lottery { quantum } => {
                draft.kind = PolicyKind::Lottery;
                draft.quantum = quantum.to_string();
            }
            PolicySpec::Mlq { queues } => {
                draft.kind = PolicyKind::Mlq;
                draft.mlq_queues = queues.iter().map(QueueDraft::from_spec).collect();
            }
            PolicySpec::Mlfq(mlfq) => {
                draft.kind = PolicyKind::Mlfq;
                draft.mlfq_levels = mlfq
                    .levels
                    .iter()
                    .map(|level| LevelDraft {
                        quantum: level.quantum.map(|q| q.to_string()).unwrap_or_default(),
                        allotment: level.allotment.to_string(),
                    })
                    .collect();
                if let Some(period) = mlfq.boost_period {
                    draft.boost = true;
                    draft.boost_period = period.to_string();
                }
                draft.old_rules_4ab = mlfq.old_rules_4ab;
                draft.io_bump = mlfq.io_bump;
            }
        }
        draft
    }
}

impl MachineDraft {
    fn to_spec(&self, reader: &mut Reader) -> MachineSpec {
        let defaults = MachineSpec::default();
        MachineSpec {
            cpus: reader.number(FieldId::Cpus, &self.cpus),
            dispatch_latency: reader.number_or(FieldId::DispatchLatency, &self.dispatch_latency, 0),
            thread_switch_latency: reader.number_or(
                FieldId::ThreadSwitchLatency,
                &self.thread_switch_latency,
                0,
            ),
            cache: CacheSpec {
                enabled: self.cache,
                capacity: reader.number_or(
                    FieldId::CacheCapacity,
                    &self.cache_capacity,
                    defaults.cache.capacity,
                ),
                refill_per_unit: reader.number_or(
                    FieldId::CacheRefill,
                    &self.cache_refill,
                    defaults.cache.refill_per_unit,
                ),
            },
            thread_model: if self.user_threads {
                ThreadModel::User
            } else {
                ThreadModel::Kernel
            },
            topology: self.topology,
        }
    }

    pub fn from_spec(machine: &MachineSpec) -> MachineDraft {
        MachineDraft {
            cpus: machine.cpus.to_string(),
            dispatch_latency: machine.dispatch_latency.to_string(),
            thread_switch_latency: machine.thread_switch_latency.to_string(),
            cache: machine.cache.enabled,
            cache_capacity: machine.cache.capacity.to_string(),
            cache_refill: machine.cache.refill_per_unit.to_string(),
            user_threads: machine.thread_model == ThreadModel::User,
            topology: machine.topology,
        }
    }
}
