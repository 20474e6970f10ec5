//! A semaphore exercise drawn from its seed: the threads, the starting values, the steps and
//! the run that performs them.

use std::collections::VecDeque;

use super::{steps, Op, Step};
use crate::practice::exercise::{Difficulty, ExerciseId};
use crate::practice::first_listed_run;
use proclab_core::rng::Pcg32;
use proclab_core::spec::{
    MachineSpec, PolicySpec, ProcessSpec, ScenarioSpec, ScheduleSpec, ThreadSpec,
};
use proclab_core::Run;

/// Derived seeds tried for a case of the wanted kind.
const ATTEMPTS: u64 = 64;

/// Threads, semaphores (name, lowest and highest starting value) and the fewest and most steps
/// of a level.
pub(super) struct Shape {
    threads: usize,
    semaphores: &'static [(&'static str, u32, u32)],
    pub(super) steps: (usize, usize),
}

pub(super) fn shape(difficulty: Difficulty) -> Shape {
    match difficulty {
        Difficulty::Easy => Shape {
            threads: 2,
            semaphores: &[("s", 0, 1)],
            steps: (4, 6),
        },
        Difficulty::Medium => Shape {
            threads: 3,
            semaphores: &[("s", 2, 3)],
            steps: (6, 8),
        },
        Difficulty::Hard => Shape {
            threads: 3,
            semaphores: &[("empty", 1, 2), ("full", 0, 0)],
            steps: (6, 9),
        },
    }
}

/// The operation thread `thread` calls at its `count`-th step (from 0) at `difficulty`, drawn
/// from `rng` where the level leaves it free.
fn next_op(difficulty: Difficulty, thread: usize, count: usize, rng: &mut Pcg32) -> (Op, usize) {
    let alternate = if count.is_multiple_of(2) {
        Op::Wait
    } else {
        Op::Signal
    };
    match difficulty {
        // Signalling: either operation, at any step.
        Difficulty::Easy => (
            if rng.below(2) == 0 {
                Op::Wait
            } else {
                Op::Signal
            },
            0,
        ),
        // A shared resource: take it, give it back.
        Difficulty::Medium => (alternate, 0),
        // The bounded buffer: the producer (T1) waits for an empty slot and signals a full one;
        // a consumer waits for a full slot and signals an empty one.
        Difficulty::Hard => {
            let (waits_on, signals) = if thread == 0 { (0, 1) } else { (1, 0) };
            match alternate {
                Op::Wait => (Op::Wait, waits_on),
                Op::Signal => (Op::Signal, signals),
            }
        }
    }
}
/// A candidate: the semaphores' starting values and the steps, drawn against a plain model of
/// the rule so that no step is listed for a thread that is waiting.
struct Candidate {
    initial: Vec<u32>,
    steps: Vec<Step>,
    /// Some `wait` made a thread wait, and some `signal` woke one.
    blocks: bool,
    wakes: bool,
    /// Some thread waits after the last step.
    waiting_at_end: bool,
    /// The semaphores' values after the last step, and the semaphore the first thread (the
    /// producer, at the hard level) waits on then.
    values: Vec<u32>,
    first_waits_on: Option<usize>,
}

fn draw(id: ExerciseId, attempt: u64) -> Candidate {
    let shape = shape(id.difficulty);
    let mut rng = Pcg32::new(id.seed.wrapping_mul(ATTEMPTS).wrapping_add(attempt), 29);
    let initial: Vec<u32> = shape
        .semaphores
        .iter()
        .map(|(_, low, high)| low + rng.below(u64::from(high - low) + 1) as u32)
        .collect();
    let (fewest, most) = shape.steps;
    let wanted_steps = fewest + rng.below((most - fewest) as u64 + 1) as usize;
    let mut values = initial.clone();
    let mut queues: Vec<VecDeque<usize>> = vec![VecDeque::new(); values.len()];
    let mut waiting = vec![false; shape.threads];
    let mut counts = vec![0; shape.threads];
    let (mut blocks, mut wakes) = (false, false);
    let mut steps = Vec::new();
    while steps.len() < wanted_steps {
        let free: Vec<usize> = (0..shape.threads).filter(|t| !waiting[*t]).collect();
        if free.is_empty() {
            break;
        }
        // The producer (hard level) runs as often as both consumers together, so that full
        // slots pile up and the producer too ends up waiting for an empty one.
        let thread = if id.difficulty == Difficulty::Hard && free[0] == 0 && rng.below(2) == 0 {
            0
        } else {
            free[rng.below(free.len() as u64) as usize]
        };
        let (op, semaphore) = next_op(id.difficulty, thread, counts[thread], &mut rng);
        counts[thread] += 1;
        match op {
            Op::Wait if values[semaphore] > 0 => values[semaphore] -= 1,
            Op::Wait => {
                queues[semaphore].push_back(thread);
                waiting[thread] = true;
                blocks = true;
            }
            Op::Signal => match queues[semaphore].pop_front() {
                Some(woken) => {
                    waiting[woken] = false;
                    wakes = true;
                }
                None => values[semaphore] += 1,
            },
        }
        steps.push(Step {
            thread: thread as u32,
            op,
            semaphore,
        });
    }
    let first_waits_on = queues.iter().position(|queue| queue.contains(&0));
    Candidate {
        initial,
        steps,
        blocks,
        wakes,
        waiting_at_end: waiting.contains(&true),
        values,
        first_waits_on,
    }
}

/// Thread `thread`'s label in the program (`.t1` is T1's part).
fn part(thread: usize) -> String {
    format!(".t{}", thread + 1)
}

/// The program: each thread (`%bx` = its index) jumps to its part and calls its operations in
/// order, then halts. Returns it with the schedule that runs each thread's jumps first, then one
/// entry per step.
fn program(shape: &Shape, initial: &[u32], steps: &[Step]) -> (String, Vec<u32>) {
    let mut text =
        String::from("# generated: each thread calls its semaphore operations in turn\n");
    for ((name, _, _), value) in shape.semaphores.iter().zip(initial) {
        text += &format!(".sem {name} {value}\n");
    }
    text += ".main\n";
    for thread in 1..shape.threads {
        text += &format!("test ${thread}, %bx\nje {}\n", part(thread));
    }
    let mut schedule = Vec::new();
    // Thread 0 tests every other thread's number and falls through; thread k jumps at the k-th.
    for thread in 0..shape.threads {
        let jumps = if thread == 0 {
            2 * (shape.threads - 1)
        } else {
            2 * thread
        };
        schedule.extend(std::iter::repeat_n(thread as u32, jumps));
    }
    for thread in 0..shape.threads {
        text += &format!("{}\n", part(thread));
        for step in steps.iter().filter(|step| step.thread as usize == thread) {
            let name = shape.semaphores[step.semaphore].0;
            text += match step.op {
                Op::Wait => "wait ",
                Op::Signal => "signal ",
            };
            text += name;
            text += "\n";
        }
        text += "halt\n";
    }
    schedule.extend(steps.iter().map(|step| step.thread));
    (text, schedule)
}

fn spec_of(shape: &Shape, candidate: &Candidate) -> ScenarioSpec {
    let (text, schedule) = program(shape, &candidate.initial, &candidate.steps);
    ScenarioSpec {
        processes: vec![ProcessSpec {
            name: "P1".into(),
            program: text,
            threads: (0..shape.threads)
                .map(|thread| ThreadSpec {
                    registers: format!("bx={thread}"),
                    ..ThreadSpec::default()
                })
                .collect(),
            ..ProcessSpec::default()
        }],
        policy: PolicySpec::Fcfs,
        machine: MachineSpec {
            cpus: 1,
            ..MachineSpec::default()
        },
        schedule: Some(ScheduleSpec {
            threads: schedule,
            repeat: false,
        }),
        ..ScenarioSpec::default()
    }
}

/// The kind of end a seed asks for, so that no answer is a safe guess: at the two single-semaphore
/// levels, a thread still waiting (then `s` is 0) or none with `s` at 1 or at 2 or more; at the
/// hard level, a consumer waiting on `full`, the producer waiting on `empty`, or nobody waiting
/// with full slots.
fn wanted(candidate: &Candidate, difficulty: Difficulty, seed: u64) -> bool {
    let last = candidate.values.last().copied().unwrap_or_default();
    match (difficulty, seed % 3) {
        (Difficulty::Hard, 0) => candidate.waiting_at_end && candidate.first_waits_on.is_none(),
        (Difficulty::Hard, 1) => candidate.first_waits_on == Some(0),
        (Difficulty::Hard, _) => !candidate.waiting_at_end && last > 0,
        (_, 0) => candidate.waiting_at_end,
        (_, 1) => !candidate.waiting_at_end && last == 1,
        (_, _) => !candidate.waiting_at_end && last >= 2,
    }
}

/// The run of a semaphore exercise: the first derived seed whose case has a wait and a wake-up,
/// ends as the seed asks ([`wanted`]) and whose run performs the listed steps; failing that, the
/// first with a wait and a wake-up.
pub fn generate(id: ExerciseId) -> Option<Run> {
    let shape = shape(id.difficulty);
    first_listed_run(
        ATTEMPTS,
        |attempt| draw(id, attempt),
        |candidate| candidate.blocks && candidate.wakes,
        |candidate| spec_of(&shape, candidate),
        |run, candidate| steps(run) == candidate.steps,
        |candidate| wanted(candidate, id.difficulty, id.seed),
    )
}
