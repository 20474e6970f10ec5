//! Share links: the whole scenario and the language in the URL fragment.
//!
//! This module alone knows the link format: `#/?s=` (the simulator's route, `#/`, with the
//! scenario as its query) then base64url (no padding) of the postcard encoding of [`Link`].
//! Links made while the page routed by path (`#s=...` after the path, or `?s=...`) still open:
//! [`upgrade`] moves them to today's form before the page starts. `Link` is an enum envelope whose first byte is the version, and its
//! `V1` types are frozen copies of the scenario types, converted explicitly, so a link made today
//! opens the same scenario for as long as `V1` is decoded. A decoder never panics: every failure
//! is a [`LinkError`].

use crate::i18n::Lang;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use proclab_core::spec::{
    BurstSpec, CacheModel, CacheSpec, Conventions, LevelSpec, MachineSpec, MlfqSpec, PolicySpec,
    PredictionSpec, ProcessSpec, QueueSpec, QueueTopology, ScenarioSpec, ScheduleSpec,
    SemaphoreSpec, ThreadModel, ThreadSpec,
};
use proclab_core::Convention;
use serde::{Deserialize, Serialize};

/// The fragment prefix of a share link.
pub const PREFIX: &str = "#/?s=";
/// The fragment prefix of links made before the page kept its routes in the fragment.
pub const OLD_PREFIX: &str = "#s=";
/// The query parameter form of an old link (`?s=...`), also opened.
const OLD_QUERY: &str = "s=";
/// Longest fragment the decoder looks at; anything longer is refused unread.
pub const MAX_FRAGMENT: usize = 64 * 1024;

/// Why a link could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_FRAGMENT`].
    TooLong,
    /// Not base64url.
    NotBase64,
    /// Cut short, garbled, or with bytes after the end.
    Corrupt,
    /// A version this build does not know (made by a newer ProcLab).
    UnknownVersion,
}

/// What a link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub spec: ScenarioSpec,
    pub lang: Lang,
    /// The instant to show the run at (`&t=N` after the payload), if the link names one.
    pub tick: Option<u64>,
    /// The link was copied with the comparison of every policy on screen (`&view=compare`): it
    /// opens on that tab.
    pub compare: bool,
}

/// What follows a link's payload to name the instant it shows: `#/?s=...&t=13`.
pub const TICK_PARAM: &str = "&t=";

/// What follows a link's payload when it opens on the comparison of every policy.
pub const COMPARE_PARAM: &str = "&view=compare";

/// The fragment that opens `spec` in `lang` at `tick` (the payload alone at tick 0), on the
/// comparison tab if `compare`.
pub fn encode_at(spec: &ScenarioSpec, lang: Lang, tick: u64, compare: bool) -> String {
    let mut link = encode(spec, lang);
    if tick != 0 {
        link.push_str(&format!("{TICK_PARAM}{tick}"));
    }
    if compare {
        link.push_str(COMPARE_PARAM);
    }
    link
}

/// The envelope: its variant index is the first byte of every link.
#[derive(Serialize, Deserialize)]
enum Link {
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
enum BurstV6 {
    Cpu(u64),
    Io(u64),
    Lock(String),
    Unlock(String),
    Wait(String),
    Signal(String),
}

impl BurstV6 {
    fn from_spec(burst: &BurstSpec) -> BurstV6 {
        match burst {
            BurstSpec::Cpu(length) => BurstV6::Cpu(*length),
            BurstSpec::Io(length) => BurstV6::Io(*length),
            BurstSpec::Lock(name) => BurstV6::Lock(name.clone()),
            BurstSpec::Unlock(name) => BurstV6::Unlock(name.clone()),
            BurstSpec::Wait(name) => BurstV6::Wait(name.clone()),
            BurstSpec::Signal(name) => BurstV6::Signal(name.clone()),
        }
    }

    fn into_spec(self) -> BurstSpec {
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
struct OperationsV6 {
    processes: Vec<(Vec<BurstV6>, Vec<Vec<BurstV6>>)>,
    /// The semaphores' initial values (`semaphores`), by name.
    semaphores: Vec<(String, u32)>,
}

impl OperationsV6 {
    fn from_spec(spec: &ScenarioSpec) -> OperationsV6 {
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
    fn is_unused(&self) -> bool {
        self.semaphores.is_empty()
            && self
                .processes
                .iter()
                .all(|(own, threads)| own.is_empty() && threads.iter().all(Vec::is_empty))
    }

    fn apply(self, spec: &mut ScenarioSpec) {
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
struct MultiV5 {
    /// Per process: the CPUs it may run on (empty: any).
    cpus: Vec<Vec<u32>>,
    peek_interval: Option<u64>,
    /// `machine.cache.model`: true for `warmup`.
    warmup: bool,
    warmup_time: u64,
    warm_rate: u64,
}

impl MultiV5 {
    fn from_spec(spec: &ScenarioSpec) -> MultiV5 {
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
    fn is_unused(&self) -> bool {
        let defaults = CacheSpec::default();
        self.cpus.iter().all(Vec::is_empty)
            && self.peek_interval.is_none()
            && !self.warmup
            && self.warmup_time == defaults.warmup_time
            && self.warm_rate == defaults.warm_rate
    }

    fn apply(self, spec: &mut ScenarioSpec) {
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
struct ProgramsV3 {
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
    fn from_spec(spec: &ScenarioSpec) -> ProgramsV3 {
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
    fn is_unused(&self, spec: &ScenarioSpec) -> bool {
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

    fn apply(self, spec: &mut ScenarioSpec) {
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
enum TopologyV2 {
    Shared,
    Affinity,
    PerCpu,
}

#[derive(Serialize, Deserialize)]
struct LinkV1 {
    korean: bool,
    seed: u64,
    processes: Vec<ProcessV1>,
    policy: PolicyV1,
    conventions: [u8; 9],
    machine: MachineV1,
}

#[derive(Serialize, Deserialize)]
struct ProcessV1 {
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
struct ThreadV1 {
    name: String,
    bursts: Vec<u64>,
    stack: u32,
}

#[derive(Serialize, Deserialize)]
enum PolicyV1 {
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
enum QueueV1 {
    Fcfs,
    Rr(u64),
    Sjf,
}

#[derive(Serialize, Deserialize)]
struct MachineV1 {
    cpus: u32,
    dispatch_latency: u64,
    thread_switch_latency: u64,
    cache: Option<(u32, u64)>,
    cache_settings_when_off: (u32, u64),
    user_threads: bool,
    affinity: bool,
}

/// The fragment (with [`PREFIX`]) that opens `spec` in `lang`.
pub fn encode(spec: &ScenarioSpec, lang: Lang) -> String {
    let body = LinkV1::from_spec(spec, lang);
    let programs = ProgramsV3::from_spec(spec);
    let topology = match spec.machine.topology {
        QueueTopology::Shared => TopologyV2::Shared,
        QueueTopology::Affinity => TopologyV2::Affinity,
        QueueTopology::PerCpu => TopologyV2::PerCpu,
    };
    let kernel_entry_cost = spec.machine.kernel_entry_cost;
    let multi = MultiV5::from_spec(spec);
    let operations = OperationsV6::from_spec(spec);
    let link = if !operations.is_unused() {
        Link::V6(
            body,
            topology,
            programs,
            kernel_entry_cost,
            multi,
            operations,
        )
    } else if !multi.is_unused() {
        Link::V5(body, topology, programs, kernel_entry_cost, multi)
    } else if kernel_entry_cost != 0 {
        Link::V4(body, topology, programs, kernel_entry_cost)
    } else if !programs.is_unused(spec) {
        Link::V3(body, topology, programs)
    } else if spec.machine.topology == QueueTopology::PerCpu {
        Link::V2(body, topology)
    } else {
        Link::V1(body)
    };
    let bytes = postcard::to_allocvec(&link).unwrap_or_default();
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// Reads a fragment made by [`encode`]. `Ok(None)` when the fragment is not a share link at all.
pub fn decode(fragment: &str) -> Result<Option<Shared>, LinkError> {
    let Some(payload) = fragment
        .strip_prefix(PREFIX)
        .or_else(|| fragment.strip_prefix(OLD_PREFIX))
    else {
        return Ok(None);
    };
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLong);
    }
    // The payload, then parameters: `&t=N` names the instant; one unknown or unreadable is
    // left alone (the run opens at its start), so a link made by a later page still opens.
    let (payload, parameters) = payload.split_once('&').unwrap_or((payload, ""));
    let tick = parameters
        .split('&')
        .find_map(|parameter| parameter.strip_prefix("t="))
        .and_then(|tick| tick.parse::<u64>().ok());
    let compare = parameters
        .split('&')
        .any(|parameter| parameter == &COMPARE_PARAM[1..]);
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| LinkError::NotBase64)?;
    if bytes.first().is_some_and(|version| *version > 5) {
        return Err(LinkError::UnknownVersion);
    }
    let (link, rest): (Link, &[u8]) =
        postcard::take_from_bytes(&bytes).map_err(|_| LinkError::Corrupt)?;
    if !rest.is_empty() {
        return Err(LinkError::Corrupt);
    }
    let mut shared = match link {
        Link::V1(body) => body.into_shared(),
        Link::V2(body, topology) => {
            let mut shared = body.into_shared();
            shared.spec.machine.topology = topology.into_spec();
            shared
        }
        Link::V3(body, topology, programs) => {
            let mut shared = body.into_shared();
            shared.spec.machine.topology = topology.into_spec();
            programs.apply(&mut shared.spec);
            shared
        }
        Link::V4(body, topology, programs, kernel_entry_cost) => {
            let mut shared = body.into_shared();
            shared.spec.machine.topology = topology.into_spec();
            programs.apply(&mut shared.spec);
            shared.spec.machine.kernel_entry_cost = kernel_entry_cost;
            shared
        }
        Link::V5(body, topology, programs, kernel_entry_cost, multi) => {
            let mut shared = body.into_shared();
            shared.spec.machine.topology = topology.into_spec();
            programs.apply(&mut shared.spec);
            shared.spec.machine.kernel_entry_cost = kernel_entry_cost;
            multi.apply(&mut shared.spec);
            shared
        }
        Link::V6(body, topology, programs, kernel_entry_cost, multi, operations) => {
            let mut shared = body.into_shared();
            shared.spec.machine.topology = topology.into_spec();
            programs.apply(&mut shared.spec);
            shared.spec.machine.kernel_entry_cost = kernel_entry_cost;
            multi.apply(&mut shared.spec);
            operations.apply(&mut shared.spec);
            shared
        }
    };
    shared.tick = tick;
    shared.compare = compare;
    Ok(Some(shared))
}

/// Where an address of an earlier version must move so today's page opens what it meant: the new
/// query (with `?`, or empty) and fragment, or `None` when the address needs no change. An old
/// share link in the fragment (`#s=...`) or in the query (`?s=...`) becomes `#/?s=...`; the rest
/// of the query stays.
pub fn upgrade(search: &str, hash: &str) -> Option<(String, String)> {
    if let Some(payload) = hash.strip_prefix(OLD_PREFIX) {
        return Some((search.to_string(), format!("{PREFIX}{payload}")));
    }
    let query = search.strip_prefix('?')?;
    let mut payload = None;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| match pair.strip_prefix(OLD_QUERY) {
            Some(value) if payload.is_none() => {
                payload = Some(value);
                false
            }
            _ => true,
        })
        .collect();
    let payload = payload?;
    let hash = if hash.starts_with(PREFIX) {
        hash.to_string()
    } else {
        format!("{PREFIX}{payload}")
    };
    let search = if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    };
    Some((search, hash))
}

impl TopologyV2 {
    fn into_spec(self) -> QueueTopology {
        match self {
            TopologyV2::Shared => QueueTopology::Shared,
            TopologyV2::Affinity => QueueTopology::Affinity,
            TopologyV2::PerCpu => QueueTopology::PerCpu,
        }
    }
}

fn bursts_to_lengths(bursts: &[BurstSpec]) -> Vec<u64> {
    bursts.iter().filter_map(BurstSpec::length).collect()
}

fn default_name(index: usize) -> String {
    format!("P{}", index + 1)
}

impl LinkV1 {
    fn from_spec(spec: &ScenarioSpec, lang: Lang) -> LinkV1 {
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

    fn into_shared(self) -> Shared {
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
    fn from_spec(policy: &PolicySpec) -> PolicyV1 {
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

    fn into_spec(self) -> PolicySpec {
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
