//! A pipe exercise drawn from its seed: the processes, the steps and the run that performs them.

use std::collections::VecDeque;

use super::{steps, Op, Step, PIPE};
use crate::practice::exercise::{Difficulty, ExerciseId};
use crate::practice::first_listed_run;
use proclab_core::program::Register;
use proclab_core::rng::Pcg32;
use proclab_core::spec::{
    MachineSpec, PolicySpec, ProcessSpec, ScenarioSpec, ScheduleSpec, ThreadSpec,
};
use proclab_core::Run;

/// Derived seeds tried for a case of the wanted kind.
const ATTEMPTS: u64 = 64;

/// How many bytes a writer writes at most: one from each of its first registers (`%ax` to
/// `%fx`), set before the run.
const SOURCES: usize = 6;

/// The processes (name, writes?) of a level, its pipe sizes and its fewest and most steps.
pub(super) struct Shape {
    pub(super) processes: &'static [(&'static str, bool)],
    sizes: (u32, u32),
    pub(super) steps: (usize, usize),
    /// The writer may close its end (as its last step).
    closes: bool,
}

pub(super) fn shape(difficulty: Difficulty) -> Shape {
    match difficulty {
        Difficulty::Easy => Shape {
            processes: &[("W", true), ("R", false)],
            sizes: (2, 2),
            steps: (4, 6),
            closes: false,
        },
        Difficulty::Medium => Shape {
            processes: &[("W1", true), ("W2", true), ("R", false)],
            sizes: (2, 2),
            steps: (6, 8),
            closes: false,
        },
        Difficulty::Hard => Shape {
            processes: &[("W", true), ("R1", false), ("R2", false)],
            sizes: (2, 3),
            steps: (6, 9),
            closes: true,
        },
    }
}

/// A candidate: the pipe's size, each writer's bytes and the steps, drawn against a plain model
/// of the rule so that no step is listed for a process that is waiting or done.
struct Candidate {
    size: u32,
    bytes: Vec<Vec<i64>>,
    steps: Vec<Step>,
    /// Some process waited, and some step let one go on.
    blocks: bool,
    wakes: bool,
    waiting_at_end: bool,
    held_at_end: usize,
}

/// The plain model's pipe.
#[derive(Default)]
struct Model {
    held: VecDeque<i64>,
    writers: VecDeque<(usize, i64)>,
    readers: VecDeque<usize>,
    open: usize,
}

fn draw(id: ExerciseId, attempt: u64) -> Candidate {
    let shape = shape(id.difficulty);
    let mut rng = Pcg32::new(id.seed.wrapping_mul(ATTEMPTS).wrapping_add(attempt), 31);
    let (small, large) = shape.sizes;
    let size = small + rng.below(u64::from(large - small) + 1) as u32;
    let (fewest, most) = shape.steps;
    let wanted_steps = fewest + rng.below((most - fewest) as u64 + 1) as usize;
    let count = shape.processes.len();
    // Distinct bytes from 1 to 9, so that each can be followed through the pipe.
    let mut pool: Vec<i64> = (1..=9).collect();
    let mut bytes = vec![Vec::new(); count];
    let mut model = Model {
        open: shape.processes.iter().filter(|(_, writes)| *writes).count(),
        ..Model::default()
    };
    let mut waiting = vec![false; count];
    let mut done = vec![false; count];
    let (mut blocks, mut wakes) = (false, false);
    let mut steps = Vec::new();
    while steps.len() < wanted_steps {
        let free: Vec<usize> = (0..count).filter(|p| !waiting[*p] && !done[*p]).collect();
        if free.is_empty() {
            break;
        }
        // Writers go twice as often as readers, so that the pipe fills and a writer waits too
        // (readers picked evenly waited on an empty pipe in most cases).
        let writers: Vec<usize> = free
            .iter()
            .copied()
            .filter(|process| shape.processes[*process].1)
            .collect();
        let pick = if !writers.is_empty() && writers.len() < free.len() && rng.below(3) < 2 {
            &writers
        } else {
            &free
        };
        let process = pick[rng.below(pick.len() as u64) as usize];
        let op = if shape.processes[process].1 {
            let written = bytes[process].len();
            let may_close = shape.closes && written >= 2;
            if written == SOURCES || (may_close && rng.below(4) == 0) {
                Op::Close
            } else {
                let byte = pool.remove(rng.below(pool.len() as u64) as usize);
                bytes[process].push(byte);
                Op::Write(byte)
            }
        } else {
            Op::Read
        };
        match op {
            Op::Write(byte) => match model.readers.pop_front() {
                Some(reader) => {
                    waiting[reader] = false;
                    wakes = true;
                }
                None if model.held.len() < size as usize => model.held.push_back(byte),
                None => {
                    model.writers.push_back((process, byte));
                    waiting[process] = true;
                    blocks = true;
                }
            },
            Op::Read => match model.held.pop_front() {
                Some(_) => {
                    if let Some((writer, byte)) = model.writers.pop_front() {
                        model.held.push_back(byte);
                        waiting[writer] = false;
                        wakes = true;
                    }
                }
                // End-of-file: nothing more to read.
                None if model.open == 0 => done[process] = true,
                None => {
                    model.readers.push_back(process);
                    waiting[process] = true;
                    blocks = true;
                }
            },
            Op::Close => {
                done[process] = true;
                model.open -= 1;
                if model.open == 0 && model.held.is_empty() {
                    for reader in model.readers.drain(..) {
                        waiting[reader] = false;
                        done[reader] = true;
                        wakes = true;
                    }
                }
            }
        }
        steps.push(Step {
            process: process as u32,
            op,
        });
    }
    Candidate {
        size,
        bytes,
        steps,
        blocks,
        wakes,
        waiting_at_end: waiting.contains(&true),
        held_at_end: model.held.len(),
    }
}

/// The scenario: each process's program writes from its registers (set to its bytes) or reads,
/// once per listed step, then halts; the schedule runs one step a tick, in the listed order.
fn spec_of(shape: &Shape, candidate: &Candidate) -> ScenarioSpec {
    let processes = shape
        .processes
        .iter()
        .enumerate()
        .map(|(process, (name, _))| {
            let mut text = format!(".pipe {PIPE} {}\n.main\n", candidate.size);
            let mut written = 0;
            for step in candidate
                .steps
                .iter()
                .filter(|step| step.process as usize == process)
            {
                text += &match step.op {
                    Op::Write(_) => {
                        written += 1;
                        format!("write {PIPE}, %{}\n", Register::ALL[written - 1].name())
                    }
                    Op::Read => format!("read {PIPE}, %ax\n"),
                    Op::Close => format!("close {PIPE}\n"),
                };
            }
            text += "halt\n";
            let registers: Vec<String> = candidate.bytes[process]
                .iter()
                .zip(Register::ALL)
                .map(|(byte, register)| format!("{}={byte}", register.name()))
                .collect();
            ProcessSpec {
                name: (*name).into(),
                program: text,
                threads: vec![ThreadSpec {
                    registers: registers.join(":"),
                    ..ThreadSpec::default()
                }],
                ..ProcessSpec::default()
            }
        })
        .collect();
    ScenarioSpec {
        processes,
        policy: PolicySpec::Fcfs,
        machine: MachineSpec {
            cpus: 1,
            ..MachineSpec::default()
        },
        schedule: Some(ScheduleSpec {
            threads: candidate.steps.iter().map(|step| step.process).collect(),
            repeat: false,
        }),
        ..ScenarioSpec::default()
    }
}

/// The kind of end a seed asks for, so that no answer is a safe guess: a process still waiting,
/// or nobody waiting with bytes in the pipe, or nobody waiting and the pipe empty.
fn wanted(candidate: &Candidate, seed: u64) -> bool {
    match seed % 3 {
        0 => candidate.waiting_at_end,
        1 => !candidate.waiting_at_end && candidate.held_at_end > 0,
        _ => !candidate.waiting_at_end && candidate.held_at_end == 0,
    }
}

/// The run of a pipe exercise: the first derived seed whose case has a wait and a wake-up, ends
/// as the seed asks ([`wanted`]) and whose run performs the listed steps; failing that, the
/// first with a wait and a wake-up.
pub fn generate(id: ExerciseId) -> Option<Run> {
    let shape = shape(id.difficulty);
    first_listed_run(
        ATTEMPTS,
        |attempt| draw(id, attempt),
        |candidate| candidate.blocks && candidate.wakes,
        |candidate| spec_of(&shape, candidate),
        |run, candidate| steps(run) == candidate.steps,
        |candidate| wanted(candidate, id.seed),
    )
}
