//! The workspace as the student typed it: every field kept as raw text, so nothing is ever lost.
//!
//! [`Draft::to_spec`] turns the text into a [`ScenarioSpec`] and reports every field that is not a
//! number or not valid burst notation; the core then validates the spec. [`Draft::from_spec`] goes
//! the other way for presets, links and files. The draft is what the page autosaves.

mod field;
mod notation;
mod policy;

pub use field::{FieldId, InputError};
pub use notation::{format_bursts, format_semaphores, parse_bursts, parse_semaphores};
pub use policy::{LevelDraft, MachineDraft, PolicyDraft, QueueDraft};

use proclab_core::spec::{
    BurstSpec, CacheModel, Conventions, ProcessSpec, QueueTopology, ScenarioSpec, ScheduleSpec,
    ThreadSpec,
};
use proclab_core::PolicyKind;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

use notation::Reader;

/// One thread as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ThreadDraft {
    pub name: String,
    pub bursts: String,
    pub stack: String,
    /// Initial registers when the process runs a program (`bx=3:cx=1`).
    pub registers: String,
    /// Identifies the row as threads are added and removed (a list key), never saved.
    #[serde(skip)]
    pub key: u64,
}

impl ThreadDraft {
    /// An unnamed thread with these bursts and a one-unit stack.
    pub fn with_bursts(bursts: String) -> ThreadDraft {
        ThreadDraft {
            name: String::new(),
            bursts,
            stack: "1".into(),
            registers: String::new(),
            key: 0,
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
    /// Hard affinity: the CPUs it may run on, as typed (`0 2`; empty: any CPU).
    pub cpus: String,
    /// Its threads run [`ProcessDraft::program`] instead of bursts (the text of both is kept
    /// whichever is chosen, so switching back and forth loses nothing).
    pub runs_program: bool,
    /// A program in `x86.py`'s assembly its threads run instead of bursts.
    pub program: String,
    /// Its threads were added by switching the program on (two copies of its bursts), so that
    /// switching it off takes them away again while they are as added; never saved.
    #[serde(skip)]
    pub threads_from_program: bool,
    /// Identifies the row while processes are added, removed and reordered (a list key), never
    /// saved: [`Draft::assign_keys`] numbers the rows of a loaded draft.
    #[serde(skip)]
    pub key: u64,
}

/// The whole workspace as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// Shared, not copied, with every view of the workspace (the form, the autosave): a copy of
    /// ten thousand rows per render cost milliseconds; an edit copies them once, if shared.
    pub processes: Rc<Vec<ProcessDraft>>,
    pub policy: PolicyDraft,
    pub conventions: Conventions,
    pub machine: MachineDraft,
    pub seed: String,
    /// "You are the scheduler": the threads chosen so far, one per tick (not typed: clicked).
    pub schedule: Option<ScheduleSpec>,
    /// The initial values of the semaphores named between bursts, as typed (`s=1 full=0`).
    pub semaphores: String,
    /// The key the next new process row gets.
    #[serde(skip)]
    next_key: u64,
}

impl Default for Draft {
    fn default() -> Self {
        Draft::from_spec(&ScenarioSpec::default())
    }
}

/// What the scenario's seed draws for, in the settings as typed: the label of the seed field says
/// it, so a student knows whether changing it changes anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeedUse {
    /// Lottery scheduling's draws.
    Lottery,
    /// The warm-up model's random peeks (`multi.py -P`: per-CPU queues with a peek interval
    /// above 0, each empty CPU picks another at random).
    Peeks,
    /// Nothing in these settings is random.
    Unused,
}

impl Draft {
    /// What the seed draws for in these settings ([`SeedUse`]).
    pub fn seed_use(&self) -> SeedUse {
        let machine = &self.machine;
        let peeks = machine.cache
            && machine.cache_model == CacheModel::Warmup
            && machine.topology == QueueTopology::PerCpu
            && machine
                .peek_interval
                .trim()
                .parse::<u64>()
                .is_ok_and(|interval| interval > 0);
        if self.policy.kind == PolicyKind::Lottery {
            SeedUse::Lottery
        } else if peeks {
            SeedUse::Peeks
        } else {
            SeedUse::Unused
        }
    }

    /// The scenario the text describes, or every field that could not be read.
    pub fn to_spec(&self) -> Result<ScenarioSpec, Vec<(FieldId, InputError)>> {
        let (spec, errors) = self.read();
        if errors.is_empty() {
            Ok(spec)
        } else {
            Err(errors)
        }
    }

    /// The scenario the text describes, with a default wherever a field could not be read, and
    /// those fields: so the core can still check everything else in the same pass.
    pub fn read(&self) -> (ScenarioSpec, Vec<(FieldId, InputError)>) {
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
                bursts: if process.threads.is_empty() && !process.runs_program {
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
                        bursts: if !process.runs_program {
                            reader.bursts(FieldId::ThreadBursts(p, t), &thread.bursts)
                        } else {
                            Vec::new()
                        },
                        stack: reader.number_or(
                            FieldId::ThreadStack(p, t),
                            &thread.stack,
                            ThreadSpec::default().stack,
                        ),
                        registers: if !process.runs_program {
                            String::new()
                        } else {
                            thread.registers.trim().to_string()
                        },
                    })
                    .collect(),
                cpus: reader.cpu_list(FieldId::Affinity(p), &process.cpus),
                working_set: reader.number_or(
                    FieldId::WorkingSet(p),
                    &process.working_set,
                    defaults.working_set,
                ),
                tickets: reader.number_or(FieldId::Tickets(p), &process.tickets, defaults.tickets),
                program: match (process.runs_program, process.program.trim().is_empty()) {
                    (false, _) => String::new(),
                    // Not "no program": the core reports that it has no instruction, on line 1.
                    (true, true) => String::from("\n"),
                    (true, false) => process.program.clone(),
                },
            })
            .collect();
        let policy = self.policy.to_spec(&mut reader);
        let machine = self.machine.to_spec(&mut reader);
        let seed = reader.number_or(FieldId::Seed, &self.seed, 0);
        let semaphores = reader.semaphores(&self.semaphores);
        let spec = ScenarioSpec {
            processes,
            policy,
            conventions: self.conventions,
            machine,
            seed,
            schedule: self.schedule.clone(),
            semaphores,
            ..ScenarioSpec::default()
        };
        (spec, reader.errors)
    }

    /// The draft that shows `spec` (every value written out).
    pub fn from_spec(spec: &ScenarioSpec) -> Draft {
        let mut draft = Draft {
            processes: Rc::new(spec.processes.iter().map(ProcessDraft::from_spec).collect()),
            policy: PolicyDraft::from_spec(&spec.policy),
            conventions: spec.conventions,
            machine: MachineDraft::from_spec(&spec.machine),
            seed: spec.seed.to_string(),
            schedule: spec.schedule.clone(),
            semaphores: format_semaphores(&spec.semaphores),
            next_key: 0,
        };
        draft.assign_keys();
        draft
    }

    /// The draft's settings (policy, conventions, machine, seed) without its processes: what the
    /// settings panels read, cheap to copy however long the workload is.
    pub fn settings(&self) -> Draft {
        Draft {
            processes: Rc::default(),
            policy: self.policy.clone(),
            conventions: self.conventions,
            machine: self.machine.clone(),
            seed: self.seed.clone(),
            schedule: self.schedule.clone(),
            semaphores: self.semaphores.clone(),
            next_key: self.next_key,
        }
    }

    /// The characters of the workspace's longest texts (names, bursts, programs, registers):
    /// fewer than its saved form has, so a workspace above a store's size is known to be too
    /// large before it is written out.
    pub fn text_chars(&self) -> usize {
        let chars = |text: &String| text.chars().count();
        self.processes
            .iter()
            .map(|process| {
                let threads: usize = process
                    .threads
                    .iter()
                    .map(|thread| {
                        chars(&thread.name) + chars(&thread.bursts) + chars(&thread.registers)
                    })
                    .sum();
                chars(&process.name) + chars(&process.bursts) + chars(&process.program) + threads
            })
            .sum()
    }

    /// Numbers every process and thread row afresh (after loading a saved draft, whose keys are
    /// not saved).
    pub fn assign_keys(&mut self) {
        let mut next = 0;
        for process in Rc::make_mut(&mut self.processes) {
            process.key = next;
            next += 1;
            for thread in &mut process.threads {
                thread.key = next;
                next += 1;
            }
        }
        self.next_key = next;
    }

    /// A key no row of this draft has had.
    pub(crate) fn take_key(&mut self) -> u64 {
        let key = self.next_key;
        self.next_key += 1;
        key
    }

    /// `P<n>` for the first `n` past the processes' count that no process is called, explicitly
    /// or by default (`P` and its position): a scenario's processes need names of their own.
    pub(crate) fn free_process_name(&self) -> String {
        let taken = |name: &str| {
            self.processes
                .iter()
                .enumerate()
                .any(|(index, process)| match process.name.trim() {
                    "" => name == format!("P{}", index + 1),
                    own => own == name,
                })
        };
        (self.processes.len() + 1..)
            .map(|n| format!("P{n}"))
            .find(|name| !taken(name))
            .unwrap_or_default()
    }

    /// Appends a process with fresh keys.
    pub(crate) fn push_process(&mut self, mut process: ProcessDraft) {
        process.key = self.take_key();
        for thread in &mut process.threads {
            thread.key = self.take_key();
        }
        Rc::make_mut(&mut self.processes).push(process);
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
                    registers: thread.registers.clone(),
                    key: 0,
                })
                .collect(),
            working_set: process.working_set.to_string(),
            tickets: process.tickets.to_string(),
            cpus: process
                .cpus
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(" "),
            runs_program: !process.program.is_empty(),
            program: process.program.clone(),
            threads_from_program: false,
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
