//! Scheduling exercises from a seed, a topic and a difficulty: the workload, the policy and the
//! conventions in force, plus the engine's own run of it (the answer key is never stored).
//!
//! The same [`ExerciseId`] gives the same exercise on every platform (PCG32 through
//! `proclab_core::gen`). A generated workload is kept only if its schedule does not depend on the
//! input order of the processes, so no tie is decided by a process's number; the ties left are
//! decided by the conventions the exercise states ([`conventions`](super::text::conventions)).
//!
//! The racing counter ([`Topic::Race`]) is not a scheduling exercise: its spec is the lesson's
//! `race.s` run by two or three threads with question A's interleaving as the schedule, and its
//! run is the instruction machine's ([`super::race`]); it has no chart, table, hints or
//! transition question.
//!
//! A context-switch exercise ([`Topic::Switch`]) is threads running the lesson's `race.s` under
//! round robin ([`super::switch`]); it asks the PC and registers saved and loaded at one switch.
//!
//! An MLFQ exercise ([`Topic::Mlfq`]) is generated like a scheduling one, and kept only if some
//! tick has one clear answer with jobs at two levels or more ([`super::mlfq::asked_tick`]); it
//! asks the level of every job at that tick instead of a chart and a table.
//!
//! A deadlock exercise ([`Topic::Deadlock`]) is the core's run of threads taking mutexes
//! ([`super::deadlock`]); it asks about the resource-allocation graph at one moment.
//!
//! A semaphore exercise ([`Topic::Semaphore`]) is the core's run of listed `wait` and `signal`
//! steps ([`super::semaphore`]); it asks the semaphores' values and who waits after the last.
//! A pipe exercise ([`Topic::Pipe`]) is the core's run of listed `write`, `read` and `close` steps
//! on a pipe between processes ([`super::pipe`]); it asks the bytes held and who waits.

use proclab_core::gen::{generate, GenOptions};
use proclab_core::spec::{BurstSpec, PolicySpec, ScenarioSpec};
use proclab_core::{simulate, Cause, Run, Scenario, SliceKind};
use serde::{Deserialize, Serialize};

/// The policy an exercise practises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Topic {
    Fcfs,
    Sjf,
    Srtf,
    Priority,
    Rr,
    Hrrn,
    /// The racing counter: threads of one process run a non-atomic increment in an interleaving
    /// ([`super::race`]). Appended, so the index of every older topic (the set link) stays.
    Race,
    /// The PC and registers saved and loaded at one context switch between threads running
    /// programs ([`super::switch`]).
    Switch,
    /// The level of every job of a multilevel feedback queue during one tick ([`super::mlfq`]).
    Mlfq,
    /// A deadlock in a resource-allocation graph: threads that take mutexes in an order
    /// ([`super::deadlock`]). Appended, like the racing counter.
    Deadlock,
    /// Counting semaphores: the values and the waiting threads after listed `wait` and `signal`
    /// steps ([`super::semaphore`]). Appended.
    Semaphore,
    /// A pipe between processes: the bytes it holds and who waits after listed `write`, `read`
    /// and `close` steps ([`super::pipe`]). Appended.
    Pipe,
}

impl Topic {
    /// Every topic, in the order the page offers them.
    pub const ALL: [Topic; 12] = [
        Topic::Fcfs,
        Topic::Sjf,
        Topic::Srtf,
        Topic::Priority,
        Topic::Rr,
        Topic::Hrrn,
        Topic::Race,
        Topic::Switch,
        Topic::Mlfq,
        Topic::Deadlock,
        Topic::Semaphore,
        Topic::Pipe,
    ];

    /// Short stable code (links, exports, element ids).
    pub fn code(self) -> &'static str {
        match self {
            Topic::Fcfs => "fcfs",
            Topic::Sjf => "sjf",
            Topic::Srtf => "srtf",
            Topic::Priority => "priority",
            Topic::Rr => "rr",
            Topic::Hrrn => "hrrn",
            Topic::Race => "race",
            Topic::Switch => "switch",
            Topic::Mlfq => "mlfq",
            Topic::Deadlock => "deadlock",
            Topic::Semaphore => "semaphore",
            Topic::Pipe => "pipe",
        }
    }

    /// True for the scheduling topics, answered with a Gantt chart and a table (not the racing
    /// counter nor the MLFQ level question).
    pub fn has_chart(self) -> bool {
        !matches!(
            self,
            Topic::Race
                | Topic::Switch
                | Topic::Mlfq
                | Topic::Deadlock
                | Topic::Semaphore
                | Topic::Pipe
        )
    }

    /// The topic with this [`Topic::code`].
    pub fn from_code(code: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|topic| topic.code() == code)
    }
}

/// How hard an exercise is: more processes, then I/O and a context-switch cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Difficulty {
    /// Four processes, CPU only.
    Easy,
    /// Five processes, CPU only, longer bursts and later arrivals.
    Medium,
    /// Five processes, some with I/O, and a context switch of one tick.
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn code(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    pub fn from_code(code: &str) -> Option<Difficulty> {
        Difficulty::ALL
            .into_iter()
            .find(|level| level.code() == code)
    }
}

/// What names an exercise: the same id is the same exercise everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExerciseId {
    pub topic: Topic,
    pub difficulty: Difficulty,
    pub seed: u64,
}

/// One segment of a single CPU's timeline, as the student writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Who {
    /// Process by its index (P1 is 0).
    Process(u32),
    Idle,
    /// A context switch (dispatch latency).
    Switch,
}

/// A segment of the answer key: who holds the CPU from the previous segment's end to `end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySegment {
    pub who: Who,
    pub start: u64,
    pub end: u64,
}

/// A generated exercise with the engine's run of it.
#[derive(Clone, Debug)]
pub struct Exercise {
    pub id: ExerciseId,
    pub spec: ScenarioSpec,
    pub run: Run,
    /// The tick an MLFQ exercise asks the levels at (`None` for every other topic).
    pub asked: Option<u64>,
    /// The switch a context-switch exercise asks about (`None` for every other topic).
    pub switch: Option<super::switch::SwitchPoint>,
    /// A workload of the student's or the teacher's own ([`Exercise::of_workload`]), not one
    /// generated from the id's seed.
    pub own: bool,
}

/// Why a workload cannot be a Practice exercise: the Gantt chart and table a student fills in
/// are those of one CPU running single-threaded processes of CPU and I/O bursts under one of the
/// six policies of the chart exercises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkloadProblem {
    /// The scenario itself does not run (the page's own messages say why).
    Invalid,
    /// MLQ, MLFQ or lottery.
    Policy,
    /// SJF ordered by predicted bursts.
    Prediction,
    /// Priority with aging.
    Aging,
    Cpus,
    /// A process with several threads.
    Threads,
    /// Programs, or lock/unlock/wait/signal between bursts.
    Programs,
    Cache,
    KernelEntry,
    /// A schedule chosen by hand ("you are the scheduler").
    Schedule,
    /// More processes than [`MAX_OWN_PROCESSES`].
    TooManyProcesses,
    /// A run longer than [`MAX_OWN_TICKS`].
    TooLong,
}

/// Most processes in an exercise made of one's own workload (a chart row and a table row each).
pub const MAX_OWN_PROCESSES: usize = 10;
/// The longest run an exercise made of one's own workload may have, in ticks.
pub const MAX_OWN_TICKS: u64 = 200;

/// How many derived seeds are tried before settling for the last candidate.
const ATTEMPTS: u64 = 64;

fn options(id: ExerciseId) -> GenOptions {
    let preemptive = id.difficulty != Difficulty::Easy;
    let policy = match id.topic {
        Topic::Fcfs => PolicySpec::Fcfs,
        Topic::Sjf => PolicySpec::Sjf { prediction: None },
        Topic::Srtf => PolicySpec::Srtf,
        Topic::Priority => PolicySpec::Priority {
            preemptive,
            aging_every: None,
            lower_is_higher: true,
        },
        Topic::Rr => PolicySpec::Rr {
            quantum: if preemptive { 3 } else { 2 },
        },
        Topic::Hrrn => PolicySpec::Hrrn,
        Topic::Race | Topic::Switch | Topic::Deadlock | Topic::Semaphore | Topic::Pipe => {
            PolicySpec::Fcfs
        }
        Topic::Mlfq => PolicySpec::Mlfq(super::mlfq::policy(id.difficulty)),
    };
    let base = GenOptions {
        policy,
        priorities: 6,
        ..GenOptions::default()
    };
    match id.difficulty {
        Difficulty::Easy => GenOptions {
            processes: 4,
            max_arrival: 6,
            cpu_burst: (1, 6),
            max_cpu_bursts: 1,
            ..base
        },
        Difficulty::Medium => GenOptions {
            processes: 5,
            max_arrival: 10,
            cpu_burst: (1, 8),
            max_cpu_bursts: 1,
            ..base
        },
        Difficulty::Hard => GenOptions {
            processes: 5,
            max_arrival: 10,
            cpu_burst: (1, 6),
            io_burst: (1, 5),
            max_cpu_bursts: 2,
            ..base
        },
    }
}

/// The generated spec for one attempt, before any check.
fn candidate(id: ExerciseId, attempt: u64) -> ScenarioSpec {
    let seed = id.seed.wrapping_mul(ATTEMPTS).wrapping_add(attempt);
    let mut spec = generate(seed, &options(id));
    for process in &mut spec.processes {
        process.tickets = 1;
        process.working_set = 1;
    }
    if id.difficulty == Difficulty::Hard && id.topic != Topic::Mlfq {
        spec.machine.dispatch_latency = 1;
    }
    spec
}

/// The segments of CPU 0 in order (idle, switch and process runs; no cache stalls here).
pub fn key_segments(run: &Run) -> Vec<KeySegment> {
    let mut segments: Vec<KeySegment> = Vec::new();
    for slice in run.gantt().iter().filter(|slice| slice.cpu == 0) {
        let who = match slice.kind {
            SliceKind::Run { thread } | SliceKind::CacheStall { thread } => {
                Who::Process(thread.pid)
            }
            SliceKind::Idle => Who::Idle,
            SliceKind::Dispatch { .. } => Who::Switch,
        };
        match segments.last_mut() {
            Some(last)
                if last.who == who && last.end == slice.start && matches!(who, Who::Process(_)) =>
            {
                last.end = slice.end
            }
            _ => segments.push(KeySegment {
                who,
                start: slice.start,
                end: slice.end,
            }),
        }
    }
    segments
}

/// The schedule as names and ends, to compare runs whose processes are in another order.
fn named_schedule(spec: &ScenarioSpec, run: &Run) -> Vec<(Option<String>, u64)> {
    key_segments(run)
        .into_iter()
        .map(|segment| {
            let name = match segment.who {
                Who::Process(pid) => Some(spec.processes[pid as usize].name.clone()),
                Who::Idle => None,
                Who::Switch => Some(String::new()),
            };
            (name, segment.end)
        })
        .collect()
}

/// True if listing the processes in reverse changes nothing: no tie was decided by a number.
fn order_free(spec: &ScenarioSpec, run: &Run) -> bool {
    let mut reversed = spec.clone();
    reversed.processes.reverse();
    let Ok(scenario) = Scenario::new(&reversed) else {
        return false;
    };
    named_schedule(&reversed, &simulate(&scenario)) == named_schedule(spec, run)
}

/// True if some process has an I/O burst (its bursts, or its one thread's).
fn has_io(spec: &ScenarioSpec) -> bool {
    spec.processes.iter().any(|process| {
        process.bursts.len() > 1 || process.threads.iter().any(|thread| thread.bursts.len() > 1)
    })
}

/// True unless the difficulty promises I/O (the hardest does) and `spec` has none: about one
/// seed in fifty drew none, and a "hard" exercise without I/O is not the one a student chose.
fn promised_io(id: ExerciseId, spec: &ScenarioSpec) -> bool {
    id.difficulty != Difficulty::Hard || id.topic == Topic::Mlfq || has_io(spec)
}

/// True if no thread is switched in and preempted before it runs (two switches in a row): the
/// engine's rule, but a distraction in an exercise about the policy.
fn plain_switches(run: &Run) -> bool {
    key_segments(run)
        .windows(2)
        .all(|pair| !(pair[0].who == Who::Switch && pair[1].who == Who::Switch))
}

/// True if the run shows what the topic is about (a preemption, a quantum running out).
fn shows_the_topic(spec: &ScenarioSpec, run: &Run) -> bool {
    let preempts = run
        .events()
        .iter()
        .any(|event| matches!(event.cause, Cause::Preempted { .. }));
    let expires = run
        .events()
        .iter()
        .any(|event| matches!(event.cause, Cause::QuantumExpired));
    match spec.policy {
        PolicySpec::Srtf
        | PolicySpec::Priority {
            preemptive: true, ..
        } => preempts,
        PolicySpec::Rr { .. } => expires,
        _ => true,
    }
}

impl Exercise {
    /// The exercise named by `id`: the first derived seed whose schedule is free of number ties
    /// and shows the topic; the first free of ties if none shows it; the first otherwise.
    pub fn generate(id: ExerciseId) -> Exercise {
        if id.topic == Topic::Race {
            if let Some(exercise) = Exercise::race(id) {
                return exercise;
            }
        }
        if id.topic == Topic::Switch {
            if let Some((spec, run, point)) = super::switch::generate(id) {
                return Exercise {
                    switch: Some(point),
                    ..Exercise::asking_nothing_more(id, spec, run)
                };
            }
        }
        if id.topic == Topic::Pipe {
            if let Some(run) = super::pipe::generate(id) {
                let spec = run.scenario().spec().clone();
                return Exercise::asking_nothing_more(id, spec, run);
            }
        }
        if id.topic == Topic::Semaphore {
            if let Some(run) = super::semaphore::generate(id) {
                let spec = run.scenario().spec().clone();
                return Exercise::asking_nothing_more(id, spec, run);
            }
        }
        if id.topic == Topic::Deadlock {
            if let Some(run) = super::deadlock::generate(id) {
                let spec = run.scenario().spec().clone();
                return Exercise::asking_nothing_more(id, spec, run);
            }
        }
        let mut fallback: Option<(ScenarioSpec, Run, bool)> = None;
        // An MLFQ exercise whose tick comes before the first boost: kept in case none comes after.
        let mut before_boost: Option<(ScenarioSpec, Run, u64)> = None;
        for attempt in 0..ATTEMPTS {
            let spec = candidate(id, attempt);
            let Ok(scenario) = Scenario::new(&spec) else {
                continue;
            };
            let run = simulate(&scenario);
            let free = order_free(&spec, &run) && plain_switches(&run);
            if id.topic == Topic::Mlfq {
                let asked = free
                    .then(|| super::mlfq::asked_tick(&run, id.seed))
                    .flatten();
                if let Some(asked) = asked.filter(|asked| !super::mlfq::shows_boost(&run, *asked)) {
                    if before_boost.is_none() {
                        before_boost = Some((spec.clone(), run.clone(), asked));
                    }
                } else if let Some(asked) = asked {
                    return Exercise {
                        asked: Some(asked),
                        ..Exercise::asking_nothing_more(id, spec, run)
                    };
                }
            } else if free && shows_the_topic(&spec, &run) && promised_io(id, &spec) {
                return Exercise::asking_nothing_more(id, spec, run);
            }
            if fallback
                .as_ref()
                .is_none_or(|(_, _, was_free)| free && !was_free)
            {
                fallback = Some((spec, run, free));
            }
        }
        let (spec, run, _) = fallback.unwrap_or_else(|| {
            let spec = ScenarioSpec {
                processes: vec![proclab_core::spec::ProcessSpec {
                    name: "P1".into(),
                    bursts: vec![proclab_core::spec::BurstSpec::Cpu(1)],
                    ..Default::default()
                }],
                ..ScenarioSpec::default()
            };
            let run = proclab_core::simulate_spec(&spec).expect("one process of one tick is valid");
            (spec, run, false)
        });
        if let Some((spec, run, asked)) = before_boost {
            return Exercise {
                asked: Some(asked),
                ..Exercise::asking_nothing_more(id, spec, run)
            };
        }
        let asked =
            (id.topic == Topic::Mlfq).then(|| super::mlfq::asked_tick(&run, id.seed).unwrap_or(0));
        Exercise {
            asked,
            ..Exercise::asking_nothing_more(id, spec, run)
        }
    }

    /// `run` of `spec` as the exercise `id`, with no tick or switch asked about.
    fn asking_nothing_more(id: ExerciseId, spec: ScenarioSpec, run: Run) -> Exercise {
        Exercise {
            id,
            spec,
            run,
            asked: None,
            switch: None,
            own: false,
        }
    }

    /// A chart exercise of `spec` as it is: a teacher's workload for a class, or a student's
    /// own. Its id names the topic of its policy (the difficulty says whether it has I/O or a
    /// switch cost; the seed is 0 and unused).
    pub fn of_workload(spec: &ScenarioSpec) -> Result<Exercise, WorkloadProblem> {
        let topic = match spec.policy {
            PolicySpec::Fcfs => Topic::Fcfs,
            PolicySpec::Sjf { prediction: None } => Topic::Sjf,
            PolicySpec::Sjf { .. } => return Err(WorkloadProblem::Prediction),
            PolicySpec::Srtf => Topic::Srtf,
            PolicySpec::Priority {
                aging_every: None, ..
            } => Topic::Priority,
            PolicySpec::Priority { .. } => return Err(WorkloadProblem::Aging),
            PolicySpec::Rr { .. } => Topic::Rr,
            PolicySpec::Hrrn => Topic::Hrrn,
            _ => return Err(WorkloadProblem::Policy),
        };
        let machine = &spec.machine;
        if machine.cpus != 1 {
            return Err(WorkloadProblem::Cpus);
        }
        if spec.processes.len() > MAX_OWN_PROCESSES {
            return Err(WorkloadProblem::TooManyProcesses);
        }
        let scenario = Scenario::new(spec).map_err(|_| WorkloadProblem::Invalid)?;
        if scenario.has_programs()
            || spec.processes.iter().any(|process| {
                process
                    .bursts
                    .iter()
                    .chain(process.threads.iter().flat_map(|thread| &thread.bursts))
                    .any(|burst| !matches!(burst, BurstSpec::Cpu(_) | BurstSpec::Io(_)))
            })
        {
            return Err(WorkloadProblem::Programs);
        }
        if scenario.threads().len() != spec.processes.len() {
            return Err(WorkloadProblem::Threads);
        }
        if machine.cache.enabled {
            return Err(WorkloadProblem::Cache);
        }
        if machine.kernel_entry_cost > 0 {
            return Err(WorkloadProblem::KernelEntry);
        }
        if spec.schedule.is_some() {
            return Err(WorkloadProblem::Schedule);
        }
        let run = simulate(&scenario);
        if run.end_tick() > MAX_OWN_TICKS {
            return Err(WorkloadProblem::TooLong);
        }
        let harder = machine.dispatch_latency > 0 || has_io(spec);
        let id = ExerciseId {
            topic,
            difficulty: if harder {
                Difficulty::Hard
            } else {
                Difficulty::Medium
            },
            seed: 0,
        };
        Ok(Exercise {
            own: true,
            ..Exercise::asking_nothing_more(id, spec.clone(), run)
        })
    }

    /// True when the schedule would change if the processes were listed in another order: a tie
    /// the stated rules leave to the order of the workload (never so in a generated exercise).
    pub fn ties_by_order(&self) -> bool {
        !order_free(&self.spec, &self.run)
    }

    /// A racing-counter exercise: the workload with question A's interleaving as its schedule.
    fn race(id: ExerciseId) -> Option<Exercise> {
        let workload = super::race::workload(id.difficulty);
        let schedule = super::race::interleaving(id, &workload);
        let run = super::race::run_with(&workload, &schedule)?;
        let spec = run.scenario().spec().clone();
        Some(Exercise::asking_nothing_more(id, spec, run))
    }

    /// True for a racing-counter exercise (no Gantt chart, table or transition question).
    pub fn is_race(&self) -> bool {
        self.id.topic == Topic::Race
    }

    /// True for an MLFQ level exercise (no Gantt chart, table or transition question).
    pub fn is_mlfq(&self) -> bool {
        self.id.topic == Topic::Mlfq
    }

    /// True for a context-switch exercise (no Gantt chart, table or transition question).
    pub fn is_switch(&self) -> bool {
        self.id.topic == Topic::Switch
    }

    /// True for a deadlock exercise (no Gantt chart, table or transition question).
    pub fn is_deadlock(&self) -> bool {
        self.id.topic == Topic::Deadlock
    }

    /// True for a semaphore exercise (no Gantt chart, table or transition question).
    pub fn is_semaphore(&self) -> bool {
        self.id.topic == Topic::Semaphore
    }

    /// True for a pipe exercise (no Gantt chart, table or transition question).
    pub fn is_pipe(&self) -> bool {
        self.id.topic == Topic::Pipe
    }

    /// True for an exercise about programs (racing counter, deadlock, semaphores, pipes): no
    /// chart, table or transition question.
    pub fn is_program(&self) -> bool {
        self.is_race() || self.is_deadlock() || self.is_semaphore() || self.is_pipe()
    }

    /// The racing counter's workload without question A's schedule.
    pub fn race_workload(&self) -> ScenarioSpec {
        ScenarioSpec {
            schedule: None,
            ..self.spec.clone()
        }
    }

    /// The answer key's Gantt segments.
    pub fn key(&self) -> Vec<KeySegment> {
        key_segments(&self.run)
    }

    /// How many hints there are: one per decision of the chart, one per step of a semaphore
    /// exercise, one per load and store of the racing counter (after the first), one per
    /// arrow of a deadlock's wait-for graph (between the first and the last).
    pub fn hint_count(&self) -> usize {
        if self.is_semaphore() {
            super::semaphore::steps(&self.run).len()
        } else if self.is_pipe() {
            super::pipe::steps(&self.run).len()
        } else if self.is_race() {
            super::race::hint_count(&self.run)
        } else if self.is_deadlock() {
            super::deadlock::hint_count(&self.run)
        } else if let Some(point) = self.switch {
            super::switch::hint_count(&self.run, point)
        } else if let Some(asked) = self.asked {
            super::mlfq::hint_total(&self.run, asked)
        } else {
            self.key().len()
        }
    }

    /// Process names, in index order.
    pub fn names(&self) -> Vec<String> {
        self.spec
            .processes
            .iter()
            .map(|process| process.name.clone())
            .collect()
    }

    /// Whether the exercise has I/O bursts.
    pub fn has_io(&self) -> bool {
        has_io(&self.spec)
    }
}
