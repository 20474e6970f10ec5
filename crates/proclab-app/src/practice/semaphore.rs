//! Semaphores: threads of one process call `wait` (P) and `signal` (V) on counting semaphores,
//! one operation per step in an order the exercise lists; the core runs them.
//!
//! The student is given each semaphore's starting value and the steps ("3. T2: wait(s)"), and
//! says, after the last step, each semaphore's value and which semaphore each thread waits on, if
//! any. The key is the core's machine state at the end of the run (`Run::state_at`); the
//! explanation retells the run step by step from the states before and after each operation, so
//! it is the engine's rule that it states: a `wait` on a positive value takes 1, on 0 the thread
//! waits at the end of the semaphore's queue; a `signal` lets the first waiter go on (the value
//! stays 0) or, with nobody waiting, adds 1 (`docs/semantics.md`, "Semaphores").
//!
//! Levels: two threads signalling each other through one semaphore starting at 0 or 1; three
//! threads sharing a counting semaphore starting at 1 or 2, each taking it and giving it back;
//! a producer and two consumers of a bounded buffer (`empty` starting at 1 or 2, `full` at 0).
//! The order of the steps is drawn from the seed among the threads that are not waiting; a case
//! is kept only if some thread waits and some `signal` wakes a waiter, and if the core's run
//! performs exactly the steps listed.

use super::exercise::{Difficulty, ExerciseId};
use super::grade::Verdict;
use crate::lang::{halfwidth, subject_particle, topic_particle, Lang};
use proclab_core::program::{Instruction, SyncOp};
use proclab_core::rng::Pcg32;
use proclab_core::spec::ScheduleSpec;
use proclab_core::spec::{MachineSpec, PolicySpec, ProcessSpec, ScenarioSpec, ThreadSpec};
use proclab_core::{Run, SyncKind};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Derived seeds tried for a case of the wanted kind.
const ATTEMPTS: u64 = 64;

/// The kind of operation of a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Wait,
    Signal,
}

/// Threads, semaphores (name, lowest and highest starting value) and the fewest and most steps
/// of a level.
struct Shape {
    threads: usize,
    semaphores: &'static [(&'static str, u32, u32)],
    steps: (usize, usize),
}

fn shape(difficulty: Difficulty) -> Shape {
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

/// One listed step: a thread (from 0), its operation and the semaphore (declaration order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub thread: u32,
    pub op: Op,
    pub semaphore: usize,
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
    super::first_listed_run(
        ATTEMPTS,
        |attempt| draw(id, attempt),
        |candidate| candidate.blocks && candidate.wakes,
        |candidate| spec_of(&shape, candidate),
        |run, candidate| steps(run) == candidate.steps,
        |candidate| wanted(candidate, id.difficulty, id.seed),
    )
}

/// The semaphores' names, in declaration order.
pub fn names(run: &Run) -> Vec<String> {
    objects_at(run, 0)
        .into_iter()
        .map(|object| object.name)
        .collect()
}

/// The semaphores at `tick`, in declaration order.
fn objects_at(run: &Run, tick: u64) -> Vec<proclab_core::state::SyncObjectState> {
    run.state_at(tick)
        .memories
        .first()
        .map(|memory| {
            memory
                .sync
                .iter()
                .filter(|object| object.kind == SyncKind::Semaphore)
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// The semaphores' starting values.
pub fn initial_values(run: &Run) -> Vec<u32> {
    objects_at(run, 0)
        .iter()
        .map(|object| object.value)
        .collect()
}

/// The operations the run performed, in order (the threads' jumps to their parts left out).
pub fn steps(run: &Run) -> Vec<Step> {
    timed_steps(run).map(|(step, _)| step).collect()
}

/// The operations with the tick each ran in.
fn timed_steps(run: &Run) -> impl Iterator<Item = (Step, u64)> + '_ {
    run.program_steps().iter().filter_map(|step| {
        let program = crate::program_view::program_of(run.scenario(), step.thread)?;
        let (op, semaphore) = match program.instruction_at(step.pc)? {
            Instruction::Sync(SyncOp::Wait(semaphore)) => (Op::Wait, semaphore),
            Instruction::Sync(SyncOp::Signal(semaphore)) => (Op::Signal, semaphore),
            _ => return None,
        };
        let listed = Step {
            thread: step.thread,
            op,
            semaphore: semaphore as usize,
        };
        Some((listed, step.tick))
    })
}

/// The key: each semaphore's value after the last step, and for each thread the semaphore it
/// waits on then (`None`: it does not wait).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SemaphoreKey {
    pub values: Vec<u32>,
    pub waits: Vec<Option<usize>>,
}

/// The key of `run`, read from the core's state at its end.
pub fn key(run: &Run) -> SemaphoreKey {
    let objects = objects_at(run, run.end_tick());
    let threads = run.scenario().threads().len();
    SemaphoreKey {
        values: objects.iter().map(|object| object.value).collect(),
        waits: (0..threads as u32)
            .map(|thread| {
                objects
                    .iter()
                    .position(|object| object.waiters.iter().any(|waiter| waiter.tid == thread))
            })
            .collect(),
    }
}

/// The answers as typed: a value per semaphore, and per thread the semaphore it waits on
/// (`Some(0)`: it does not wait; `Some(k + 1)`: semaphore `k`; `None`: not answered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SemaphoreAnswer {
    pub values: Vec<String>,
    pub waits: Vec<Option<u32>>,
}

impl SemaphoreAnswer {
    pub fn is_empty(&self) -> bool {
        self.values.iter().all(String::is_empty) && self.waits.iter().all(Option::is_none)
    }

    /// The answer with semaphore `index`'s value typed as `text`.
    pub fn with_value(&self, index: usize, text: String) -> SemaphoreAnswer {
        let mut next = self.clone();
        super::set_at(&mut next.values, index, text, String::new());
        next
    }

    /// The answer with thread `thread`'s choice set.
    pub fn with_wait(&self, thread: usize, choice: Option<u32>) -> SemaphoreAnswer {
        let mut next = self.clone();
        super::set_at(&mut next.waits, thread, choice, None);
        next
    }
}

/// The marks of a semaphore exercise: one per semaphore's value, one per thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SemaphoreGrading {
    pub values: Vec<Verdict>,
    pub waits: Vec<Verdict>,
    /// Some value was typed below 0, as textbooks that count the waiters in the value have it
    /// (`-1`): wrong here, and the explanation says why.
    pub below_zero: bool,
}

/// A value as typed, read: a whole number (full-width digits too; below 0 is read, and wrong).
fn read_value(text: &str) -> Result<Option<i64>, ()> {
    let text = halfwidth(text);
    let text = text.trim().replace('−', "-");
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>().map(Some).map_err(|_| ())
}

/// Grades the answers against the core's state at the end of the run.
pub fn grade(run: &Run, answer: &SemaphoreAnswer) -> SemaphoreGrading {
    let key = key(run);
    let values = key
        .values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            match read_value(answer.values.get(index).map_or("", String::as_str)) {
                Err(()) => Verdict::NotANumber,
                Ok(None) => Verdict::Missing,
                Ok(Some(typed)) if typed == i64::from(*value) => Verdict::Right,
                Ok(Some(_)) => Verdict::Wrong,
            }
        })
        .collect();
    let below_zero = answer
        .values
        .iter()
        .any(|text| matches!(read_value(text), Ok(Some(typed)) if typed < 0));
    let waits = key
        .waits
        .iter()
        .enumerate()
        .map(
            |(thread, wait)| match answer.waits.get(thread).copied().flatten() {
                None => Verdict::Missing,
                Some(choice) if choice == wait.map_or(0, |semaphore| semaphore as u32 + 1) => {
                    Verdict::Right
                }
                Some(_) => Verdict::Wrong,
            },
        )
        .collect();
    SemaphoreGrading {
        values,
        waits,
        below_zero,
    }
}

/// The key as an answer.
pub fn key_answer(run: &Run) -> SemaphoreAnswer {
    let key = key(run);
    SemaphoreAnswer {
        values: key.values.iter().map(u32::to_string).collect(),
        waits: key
            .waits
            .iter()
            .map(|wait| Some(wait.map_or(0, |semaphore| semaphore as u32 + 1)))
            .collect(),
    }
}

/// `T1`, the name a thread has in the exercise.
pub fn thread_label(thread: u32) -> String {
    super::deadlock::thread_label(thread)
}

/// `wait(s)` or `signal(s)`.
pub fn call(op: Op, name: &str) -> String {
    match op {
        Op::Wait => format!("wait({name})"),
        Op::Signal => format!("signal({name})"),
    }
}

/// What one step did, read from the core's states before and after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// `wait` on a positive value: it took 1 (the value after).
    Took(u32),
    /// `wait` on 0: the thread waits; the queue after, first first.
    Waits(Vec<u32>),
    /// `signal` with a waiter: that thread goes on; the value stays (as it is, given).
    Woke(u32, u32),
    /// `signal` with nobody waiting: the value after.
    Added(u32),
}

/// Each listed step with what it did, from the core's states around its tick.
pub fn effects(run: &Run) -> Vec<(Step, Effect)> {
    timed_steps(run)
        .map(|(step, tick)| {
            let before = objects_at(run, tick);
            let after = objects_at(run, tick + 1);
            let (Some(before), Some(after)) =
                (before.get(step.semaphore), after.get(step.semaphore))
            else {
                return (step, Effect::Added(0));
            };
            let tids = |object: &proclab_core::state::SyncObjectState| -> Vec<u32> {
                object.waiters.iter().map(|waiter| waiter.tid).collect()
            };
            let effect = match step.op {
                Op::Wait if after.waiters.len() > before.waiters.len() => {
                    Effect::Waits(tids(after))
                }
                Op::Wait => Effect::Took(after.value),
                Op::Signal => match before.waiters.first() {
                    Some(first) if after.waiters.len() < before.waiters.len() => {
                        Effect::Woke(first.tid, after.value)
                    }
                    _ => Effect::Added(after.value),
                },
            };
            (step, effect)
        })
        .collect()
}

fn list(threads: &[u32]) -> String {
    let names: Vec<String> = threads.iter().map(|thread| thread_label(*thread)).collect();
    names.join(", ")
}

/// The starting values in words: `s = 1` or `empty = 2, full = 0`.
pub fn values_text(names: &[String], values: &[u32]) -> String {
    names
        .iter()
        .zip(values)
        .map(|(name, value)| format!("{name} = {value}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One step retold: "3. T2 wait(s): s is 0, so T2 waits (queue of s: T2)."
pub fn retell(index: usize, step: Step, effect: &Effect, names: &[String], lang: Lang) -> String {
    let name = names.get(step.semaphore).map_or("s", String::as_str);
    let who = thread_label(step.thread);
    let call = call(step.op, name);
    let number = index + 1;
    match effect {
        Effect::Took(value) => lang.pick([
            format!("{number}. {who} {call}: {name}{} 0보다 크므로 1을 빼고 계속합니다: {name} = {value}.", subject_particle(name)),
            format!("{number}. {who} {call}: {name} is above 0, so it takes 1 and goes on: {name} = {value}."),
        ]),
        Effect::Waits(queue) => lang.pick([
            format!("{number}. {who} {call}: {name}{} 0이므로 {who}{} 기다립니다({name}의 대기 큐: {}).", subject_particle(name), subject_particle(&who), list(queue)),
            format!("{number}. {who} {call}: {name} is 0, so {who} waits ({name}'s queue: {}).", list(queue)),
        ]),
        Effect::Woke(woken, value) => {
            let woken = thread_label(*woken);
            lang.pick([
                format!("{number}. {who} {call}: {woken}{} 맨 앞에서 기다리고 있었으므로 {woken}{} 깨어나 계속하고, {name}의 값은 그대로 {value}입니다(1을 더하지 않습니다).", subject_particle(&woken), subject_particle(&woken)),
                format!("{number}. {who} {call}: {woken} was first in {name}'s queue, so {woken} goes on and {name} stays {value} (nothing is added)."),
            ])
        }
        Effect::Added(value) => lang.pick([
            format!("{number}. {who} {call}: 기다리는 스레드가 없으므로 1을 더합니다: {name} = {value}."),
            format!("{number}. {who} {call}: nobody waits, so it adds 1: {name} = {value}."),
        ]),
    }
}

/// Why the answer is what it is: the run retold step by step from the core's states, then the
/// state after the last step; a line each (the page keeps the line breaks).
pub fn explain(run: &Run, lang: Lang) -> String {
    let names = names(run);
    let start = values_text(&names, &initial_values(run));
    let mut words = vec![lang.pick([format!("처음에 {start}."), format!("At the start {start}.")])];
    for (index, (step, effect)) in effects(run).iter().enumerate() {
        words.push(retell(index, *step, effect, &names, lang));
    }
    let key = key(run);
    let end = values_text(&names, &key.values);
    // Who waits, grouped by semaphore, in thread order.
    let waiting: Vec<String> = names
        .iter()
        .enumerate()
        .filter_map(|(index, name)| {
            let threads: Vec<u32> = (0..key.waits.len() as u32)
                .filter(|thread| key.waits[*thread as usize] == Some(index))
                .collect();
            if threads.is_empty() {
                return None;
            }
            let who = list(&threads);
            let verb = if threads.len() == 1 { "waits" } else { "wait" };
            Some(lang.pick([
                format!("{name}에서 {who}{} 기다립니다", subject_particle(&who)),
                format!("{who} {verb} on {name}"),
            ]))
        })
        .collect();
    words.push(if waiting.is_empty() {
        lang.pick([
            format!("마지막 단계 뒤: {end}, 기다리는 스레드는 없습니다."),
            format!("After the last step: {end}, and no thread waits."),
        ])
    } else {
        lang.pick([
            format!("마지막 단계 뒤: {end}; {}.", waiting.join(", ")),
            format!("After the last step: {end}; {}.", waiting.join("; ")),
        ])
    });
    words.join("\n")
}

/// The first `count` steps retold, one hint each: what the step did and the value after it.
pub fn hints(run: &Run, count: usize, lang: Lang) -> Vec<String> {
    let names = names(run);
    effects(run)
        .iter()
        .take(count)
        .enumerate()
        .map(|(index, (step, effect))| retell(index, *step, effect, &names, lang))
        .collect()
}

/// Why no value is below 0 here, for a student who typed one.
pub fn never_below_zero(lang: Lang) -> &'static str {
    lang.pick([
        "이 모델에서 세마포어의 값은 0 아래로 내려가지 않습니다: 값이 0일 때의 wait는 1을 빼는 대신 스레드를 대기 목록에 넣고 막습니다. (값을 음수로 두어 기다리는 스레드 수를 세는 교과서도 있지만, 여기서는 대기 목록이 그 수를 보여 줍니다.)",
        "In this model a semaphore's value never goes below 0: a wait at 0 does not subtract, it puts the thread on the wait list and blocks it. (Some textbooks let the value go negative to count the waiters; here the wait list shows them.)",
    ])
}

/// A wrong value explained: what it is, then the run retold.
pub fn explain_value(run: &Run, index: usize, lang: Lang) -> String {
    let names = names(run);
    let name = names.get(index).map_or("s", String::as_str);
    let value = key(run).values.get(index).copied().unwrap_or_default();
    // The last step that changed the value (a wait that took 1, a signal nobody waited for):
    // where to look again. A signal that wakes a waiter, or a wait that blocks, leaves it.
    let effects = effects(run);
    let last_change = effects
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (step, effect))| {
            step.semaphore == index && matches!(effect, Effect::Took(_) | Effect::Added(_))
        });
    // The steps that left the value as it was, wherever they are: the trap is counting them (a
    // signal that woke a waiter read as +1), before the last change as after it.
    let unchanged: Vec<String> = effects
        .iter()
        .enumerate()
        .filter(|(_, (step, effect))| {
            step.semaphore == index && matches!(effect, Effect::Woke(..) | Effect::Waits(_))
        })
        .map(|(number, _)| (number + 1).to_string())
        .collect();
    let kept = match unchanged.as_slice() {
        [] => String::new(),
        [one] => lang.pick([
            format!(" {one}단계는 {name}의 값을 바꾸지 않았습니다: 기다리던 스레드를 깨우는 signal과 막히는 wait는 값을 그대로 둡니다."),
            format!(" Step {one} left {name} as it was: a signal that wakes a waiter and a wait that blocks do not change it."),
        ]),
        [.., last] => {
            let others = unchanged[..unchanged.len() - 1].join(", ");
            lang.pick([
                format!(" {others}, {last}단계는 {name}의 값을 바꾸지 않았습니다: 기다리던 스레드를 깨우는 signal과 막히는 wait는 값을 그대로 둡니다."),
                format!(" Steps {others} and {last} left {name} as it was: a signal that wakes a waiter and a wait that blocks do not change it."),
            ])
        }
    };
    let why = match last_change {
        Some((number, (step, effect))) => {
            let retold = retell(number, *step, effect, &names, lang);
            lang.pick([
                format!("{kept} 마지막으로 {name}의 값을 바꾼 단계: {retold}"),
                format!("{kept} The last step that changed {name}: {retold}"),
            ])
        }
        None => lang.pick([
            format!(" 값을 바꾼 단계가 없습니다.{kept}"),
            format!(" No step changed it.{kept}"),
        ]),
    };
    let lead = lang.pick([
        format!("마지막 단계 뒤 {name} = {value}입니다.{why}"),
        format!("{name} is {value} after the last step.{why}"),
    ]);
    format!("{lead}\n{}", explain(run, lang))
}

/// A wrong choice for a thread explained: what it waits on and the steps that decide it (the
/// wait that blocked it, the signal that woke it), then the run retold.
pub fn explain_wait(run: &Run, thread: usize, lang: Lang) -> String {
    let names = names(run);
    let who = thread_label(thread as u32);
    let name_of = |index: usize| names.get(index).map_or("s", String::as_str);
    let effects = effects(run);
    // Its last wait that blocked it, and the signal after it that woke it, if one did.
    let blocked = effects
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (step, effect))| {
            step.thread as usize == thread && matches!(effect, Effect::Waits(_))
        });
    let woken = blocked.and_then(|(at, _)| {
        effects.iter().enumerate().skip(at + 1).find(|(_, (_, effect))| {
            matches!(effect, Effect::Woke(woken, _) if *woken as usize == thread)
        })
    });
    let lead = match key(run).waits.get(thread).copied().flatten() {
        Some(index) => {
            let name = name_of(index);
            let why = match blocked {
                Some((at, _)) => lang.pick([
                    format!(" {}단계의 wait({name})에서 막혔고, 그 뒤 어떤 signal({name})도 {who}{} 깨우지 않았습니다.", at + 1, crate::lang::object_particle(&who)),
                    format!(" Its wait({name}) at step {} blocked it, and no later signal({name}) woke it.", at + 1),
                ]),
                None => String::new(),
            };
            lang.pick([
                format!(
                    "마지막 단계 뒤 {who}{} {name}에서 기다립니다.{why}",
                    topic_particle(&who)
                ),
                format!("After the last step {who} waits on {name}.{why}"),
            ])
        }
        None => {
            let why = match (blocked, woken) {
                (Some((at, (step, _))), Some((woke_at, (signal, _)))) => {
                    let (name, waker) = (name_of(step.semaphore), thread_label(signal.thread));
                    lang.pick([
                        format!(" {}단계의 wait({name})에서 기다렸지만, {}단계에서 {waker}의 signal({name})이 {who}{} 깨웠습니다.", at + 1, woke_at + 1, crate::lang::object_particle(&who)),
                        format!(" It waited at step {}, wait({name}), and step {}, {waker}'s signal({name}), woke it.", at + 1, woke_at + 1),
                    ])
                }
                _ if effects.iter().any(|(step, _)| step.thread as usize == thread && step.op == Op::Wait) => lang.pick([
                    format!(" {who}의 wait는 모두 값이 0보다 클 때 1을 빼고 지나갔으므로 한 번도 기다리지 않았습니다."),
                    " Each of its waits found a value above 0 and took 1, so it never waited.".to_string(),
                ]),
                _ => lang.pick([
                    format!(" {who}{} wait를 하지 않습니다.", topic_particle(&who)),
                     " It makes no wait.".to_string(),
                ]),
            };
            lang.pick([
                format!(
                    "마지막 단계 뒤 {who}{} 기다리지 않습니다(실행 가능).{why}",
                    topic_particle(&who)
                ),
                format!("After the last step {who} does not wait: it can run.{why}"),
            ])
        }
    };
    format!("{lead}\n{}", explain(run, lang))
}

/// What to type in a value cell.
pub fn value_form(lang: Lang) -> &'static str {
    lang.pick([
        "세마포어의 값은 0 이상의 정수 하나입니다.",
        "A semaphore's value is one whole number of 0 or more.",
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(difficulty: Difficulty, seed: u64) -> ExerciseId {
        ExerciseId {
            topic: super::super::exercise::Topic::Semaphore,
            difficulty,
            seed,
        }
    }

    /// The rule of `docs/semantics.md` applied to the listed steps, independently of the core.
    fn model(initial: &[u32], steps: &[Step], threads: usize) -> SemaphoreKey {
        let mut values = initial.to_vec();
        let mut queues: Vec<Vec<u32>> = vec![Vec::new(); values.len()];
        for step in steps {
            match step.op {
                Op::Wait if values[step.semaphore] > 0 => values[step.semaphore] -= 1,
                Op::Wait => queues[step.semaphore].push(step.thread),
                Op::Signal if !queues[step.semaphore].is_empty() => {
                    queues[step.semaphore].remove(0);
                }
                Op::Signal => values[step.semaphore] += 1,
            }
        }
        SemaphoreKey {
            values,
            waits: (0..threads as u32)
                .map(|thread| queues.iter().position(|queue| queue.contains(&thread)))
                .collect(),
        }
    }

    #[test]
    fn every_generated_case_has_a_wait_and_a_wake_up_and_the_core_agrees_with_the_rule() {
        for difficulty in Difficulty::ALL {
            let mut waiting_ends = 0;
            for seed in 0..30 {
                let run = generate(id(difficulty, seed)).expect("a case");
                let effects = effects(&run);
                assert!(effects.iter().any(|(_, e)| matches!(e, Effect::Waits(_))));
                assert!(effects.iter().any(|(_, e)| matches!(e, Effect::Woke(..))));
                let threads = run.scenario().threads().len();
                let key = key(&run);
                assert_eq!(
                    key,
                    model(&initial_values(&run), &steps(&run), threads),
                    "{difficulty:?} seed {seed}"
                );
                let listed = steps(&run).len();
                assert!(
                    (3..=shape(difficulty).steps.1).contains(&listed),
                    "{difficulty:?} seed {seed}: {listed} steps"
                );
                if key.waits.iter().any(Option::is_some) {
                    waiting_ends += 1;
                }
                // No step is listed for a thread that is waiting at that step.
                let mut waiting = vec![false; threads];
                for (step, effect) in &effects {
                    assert!(!waiting[step.thread as usize], "{difficulty:?} seed {seed}");
                    match effect {
                        Effect::Waits(_) => waiting[step.thread as usize] = true,
                        Effect::Woke(thread, _) => waiting[*thread as usize] = false,
                        _ => {}
                    }
                }
            }
            assert!(
                (6..=20).contains(&waiting_ends),
                "{difficulty:?}: both kinds of end, {waiting_ends} of 30 with a waiter"
            );
        }
    }

    #[test]
    fn no_answer_is_a_safe_guess() {
        for difficulty in Difficulty::ALL {
            let ends: Vec<SemaphoreKey> = (0..30)
                .map(|seed| key(&generate(id(difficulty, seed)).unwrap()))
                .collect();
            let last_values: std::collections::BTreeSet<u32> =
                ends.iter().map(|end| *end.values.last().unwrap()).collect();
            assert!(last_values.len() >= 2, "{difficulty:?}: {last_values:?}");
            // Each thread waits at the end of some case and runs free at the end of another.
            for thread in 0..ends[0].waits.len() {
                let waits = ends
                    .iter()
                    .filter(|end| end.waits[thread].is_some())
                    .count();
                assert!(
                    (1..30).contains(&waits),
                    "{difficulty:?} T{}: {waits}",
                    thread + 1
                );
            }
        }
    }

    #[test]
    fn the_key_is_graded_right_and_a_changed_cell_wrong_there_only() {
        let run = generate(id(Difficulty::Hard, 4)).unwrap();
        let answer = key_answer(&run);
        let marks = grade(&run, &answer);
        assert!(marks
            .values
            .iter()
            .chain(&marks.waits)
            .all(|m| *m == Verdict::Right));
        let wrong_value = (key(&run).values[1] + 1).to_string();
        let marks = grade(&run, &answer.with_value(1, wrong_value));
        assert_eq!(marks.values, [Verdict::Right, Verdict::Wrong]);
        assert!(marks.waits.iter().all(|m| *m == Verdict::Right));
        let other = if answer.waits[2] == Some(0) {
            Some(1)
        } else {
            Some(0)
        };
        let marks = grade(&run, &answer.with_wait(2, other));
        assert_eq!(
            marks.waits,
            [Verdict::Right, Verdict::Right, Verdict::Wrong]
        );
        let marks = grade(&run, &answer.with_value(0, "two".into()).with_wait(0, None));
        assert_eq!(marks.values[0], Verdict::NotANumber);
        assert_eq!(marks.waits[0], Verdict::Missing);
        assert_eq!(
            grade(&run, &answer.with_value(0, format!(" {}", '\u{FF10}'))).values[0],
            if key(&run).values[0] == 0 {
                Verdict::Right
            } else {
                Verdict::Wrong
            },
            "full-width digits are read"
        );
        // A value below 0, as textbooks that count the waiters have it: read, wrong, and noted.
        assert!(!marks.below_zero);
        let marks = grade(&run, &answer.with_value(1, "-1".into()));
        assert_eq!(marks.values[1], Verdict::Wrong);
        assert!(marks.below_zero);
        assert!(!grade(&run, &answer).below_zero);
    }

    #[test]
    fn the_explanation_retells_every_step_and_the_end_in_both_languages() {
        let run = generate(id(Difficulty::Medium, 1)).unwrap();
        let steps = steps(&run);
        for lang in [Lang::En, Lang::Ko] {
            let text = explain(&run, lang);
            for (index, step) in steps.iter().enumerate() {
                let said = format!(
                    "{}. {} {}",
                    index + 1,
                    thread_label(step.thread),
                    call(step.op, "s")
                );
                assert!(text.contains(&said), "{lang:?}: {said} in {text}");
            }
            let end = values_text(&names(&run), &key(&run).values);
            assert!(text.contains(&end), "{lang:?}: {end} in {text}");
        }
        let english = explain(&run, Lang::En);
        assert!(english.contains("waits (s's queue:"), "{english}");
        // A wake-up says the value it leaves, as every other step does.
        let woke = effects(&run)
            .into_iter()
            .find_map(|(_, effect)| match effect {
                Effect::Woke(_, value) => Some(value),
                _ => None,
            })
            .expect("a wake-up");
        assert!(
            english.contains(&format!("goes on and s stays {woke} (nothing is added)")),
            "{english}"
        );
    }

    /// A wrong value is pointed at every step that left the value as it was, a wake-up before
    /// the last change among them (the trap a student falls in), not only at the last change.
    #[test]
    fn a_wrong_value_names_the_wake_ups_before_the_last_change_too() {
        let mut found = false;
        for seed in 0..30 {
            let run = generate(id(Difficulty::Easy, seed)).unwrap();
            let effects = effects(&run);
            let last_change = effects
                .iter()
                .rposition(|(_, effect)| matches!(effect, Effect::Took(_) | Effect::Added(_)));
            let Some(wake) = effects
                .iter()
                .position(|(_, effect)| matches!(effect, Effect::Woke(..)))
            else {
                continue;
            };
            if last_change.is_some_and(|last| wake < last) {
                found = true;
                let lead = explain_value(&run, 0, Lang::En);
                let lead = lead.lines().next().unwrap();
                // "Step 3 left s as it was" or "Steps 2 and 3 left s as it was".
                let clause = lead
                    .split(" left s as it was")
                    .next()
                    .and_then(|before| before.rsplit("Step").next())
                    .unwrap_or_default();
                let numbers: Vec<usize> = clause
                    .split(|c: char| !c.is_ascii_digit())
                    .filter_map(|number| number.parse().ok())
                    .collect();
                assert!(numbers.contains(&(wake + 1)), "{lead}");
                assert!(lead.contains("a signal that wakes a waiter"), "{lead}");
            }
        }
        assert!(found, "a case with a wake-up before the last change");
    }
}
