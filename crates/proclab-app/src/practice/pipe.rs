//! Pipes: processes write to and read from one pipe of a few bytes, one operation per step in an
//! order the exercise lists; the core runs them.
//!
//! The student is given the pipe's size and the steps ("3. W: write(p, 7)"), and says, after the
//! last step, what the pipe holds (oldest first) and whether each process waits, to write (the
//! pipe is full) or to read (it is empty). The key is the core's machine state just after the
//! last step (`Run::state_at`); the explanation retells the run step by step from the pipe's
//! state before and after each operation, so it is the engine's rule that it states
//! (`docs/semantics.md`, "Pipes"): a `write` with a reader waiting hands the byte straight to it,
//! with room puts it at the end, on a full pipe waits with it; a `read` takes the oldest byte
//! and lets a waiting writer's byte in, on an empty pipe waits while a write end is open and
//! otherwise returns -1 (end-of-file); a `close` of the last write end gives the waiting readers
//! end-of-file.
//!
//! Levels: a writer and a reader of a pipe of 2 bytes; two writers and a reader; a writer that
//! may close its end, and two readers, of a pipe of 2 or 3 bytes. The order of the steps is drawn
//! from the seed among the processes that are not waiting; a case is kept only if some process
//! waits and some step wakes it, and if the core's run performs exactly the steps listed.

use super::exercise::{Difficulty, ExerciseId};
use super::grade::Verdict;
use crate::lang::{halfwidth, object_particle, subject_particle, topic_particle, Lang};
use proclab_core::program::{Instruction, MessageOp, Register};
use proclab_core::rng::Pcg32;
use proclab_core::spec::ThreadSpec;
use proclab_core::spec::{MachineSpec, PolicySpec, ProcessSpec, ScenarioSpec, ScheduleSpec};
use proclab_core::state::QueueSnapshot;
use proclab_core::Run;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Derived seeds tried for a case of the wanted kind.
const ATTEMPTS: u64 = 64;

/// The pipe's name in the programs and the words.
pub const PIPE: &str = "p";

/// The registers a writer writes from, in order: one byte each, set before the run.
const SOURCES: [Register; 6] = [
    Register::Ax,
    Register::Bx,
    Register::Cx,
    Register::Dx,
    Register::Ex,
    Register::Fx,
];

/// The kind of operation of a step; a write carries its byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Write(i64),
    Read,
    Close,
}

/// One listed step: a process (input order, one thread each) and its operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub process: u32,
    pub op: Op,
}

/// The processes (name, writes?) of a level, its pipe sizes and its fewest and most steps.
struct Shape {
    processes: &'static [(&'static str, bool)],
    sizes: (u32, u32),
    steps: (usize, usize),
    /// The writer may close its end (as its last step).
    closes: bool,
}

fn shape(difficulty: Difficulty) -> Shape {
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
            if written == SOURCES.len() || (may_close && rng.below(4) == 0) {
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
                        format!("write {PIPE}, %{}\n", SOURCES[written - 1].name())
                    }
                    Op::Read => format!("read {PIPE}, %ax\n"),
                    Op::Close => format!("close {PIPE}\n"),
                };
            }
            text += "halt\n";
            let registers: Vec<String> = candidate.bytes[process]
                .iter()
                .zip(SOURCES)
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
    let mut fallback = None;
    for attempt in 0..ATTEMPTS {
        let candidate = draw(id, attempt);
        if !candidate.blocks || !candidate.wakes {
            continue;
        }
        let Ok(run) = proclab_core::simulate_spec(&spec_of(&shape, &candidate)) else {
            continue;
        };
        if steps(&run) != candidate.steps {
            continue;
        }
        if wanted(&candidate, id.seed) {
            return Some(run);
        }
        fallback.get_or_insert(run);
    }
    fallback
}

/// The processes' names, in input order.
pub fn names(run: &Run) -> Vec<String> {
    run.scenario()
        .spec()
        .processes
        .iter()
        .map(|process| process.name.clone())
        .collect()
}

/// The pipe at `tick` (the state before that tick's instruction).
fn pipe_at(run: &Run, tick: u64) -> Option<QueueSnapshot> {
    run.state_at(tick)
        .queues
        .into_iter()
        .find(QueueSnapshot::is_pipe)
}

/// How many bytes the pipe holds at most.
pub fn size(run: &Run) -> u32 {
    pipe_at(run, 0).map_or(0, |pipe| pipe.capacity)
}

/// The operations the run performed, in order.
pub fn steps(run: &Run) -> Vec<Step> {
    timed_steps(run).map(|(step, _)| step).collect()
}

/// The operations with the tick each ran in.
fn timed_steps(run: &Run) -> impl Iterator<Item = (Step, u64)> + '_ {
    run.program_steps().iter().filter_map(|step| {
        let program = crate::program_view::program_of(run.scenario(), step.thread)?;
        let op = match program.instruction_at(step.pc)? {
            Instruction::Message(MessageOp::Write { register, .. }) => {
                let state = run.state_at(step.tick);
                let context = state.threads.get(step.thread as usize)?.program.as_ref()?;
                Op::Write(context.registers[register as usize])
            }
            Instruction::Message(MessageOp::Read { .. }) => Op::Read,
            Instruction::Message(MessageOp::Close { .. }) => Op::Close,
            _ => return None,
        };
        let process = run.scenario().threads().get(step.thread as usize)?.pid();
        Some((Step { process, op }, step.tick))
    })
}

/// What a process does after the last step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waits {
    No,
    /// To write: the pipe is full.
    ToWrite,
    /// To read: the pipe is empty and a write end is open.
    ToRead,
}

impl Waits {
    /// The choice's number in the answer (0, 1, 2).
    pub fn code(self) -> u32 {
        match self {
            Waits::No => 0,
            Waits::ToWrite => 1,
            Waits::ToRead => 2,
        }
    }

    pub const ALL: [Waits; 3] = [Waits::No, Waits::ToWrite, Waits::ToRead];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Waits::No => lang.pick(["기다리지 않음", "not waiting"]),
            Waits::ToWrite => lang.pick(["쓰려고 기다림 (가득 참)", "waits to write (full)"]),
            Waits::ToRead => lang.pick(["읽으려고 기다림 (비어 있음)", "waits to read (empty)"]),
        }
    }
}

/// The key: the bytes in the pipe after the last step, oldest first, and what each process
/// waits for then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipeKey {
    pub held: Vec<i64>,
    pub waits: Vec<Waits>,
}

/// The tick just after the last listed step: the state the questions ask about (after it, the
/// processes halt, and a writer's exit closes its end).
pub fn after_last_step(run: &Run) -> u64 {
    timed_steps(run).last().map_or(0, |(_, tick)| tick + 1)
}

fn waits_in(pipe: &QueueSnapshot, process: u32) -> Waits {
    if pipe.senders.iter().any(|thread| thread.pid == process) {
        Waits::ToWrite
    } else if pipe.receivers.iter().any(|thread| thread.pid == process) {
        Waits::ToRead
    } else {
        Waits::No
    }
}

/// The key of `run`, read from the core's state just after its last step.
pub fn key(run: &Run) -> PipeKey {
    let processes = run.scenario().processes().len() as u32;
    match pipe_at(run, after_last_step(run)) {
        Some(pipe) => PipeKey {
            held: pipe.messages.clone(),
            waits: (0..processes)
                .map(|process| waits_in(&pipe, process))
                .collect(),
        },
        None => PipeKey {
            held: Vec::new(),
            waits: vec![Waits::No; processes as usize],
        },
    }
}

/// The answers as typed: the pipe's bytes (`5 9`, `-` for none), and per process its choice
/// (`Some(code)` of [`Waits`]; `None`: not answered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PipeAnswer {
    pub held: String,
    pub waits: Vec<Option<u32>>,
}

impl PipeAnswer {
    pub fn is_empty(&self) -> bool {
        self.held.is_empty() && self.waits.iter().all(Option::is_none)
    }

    pub fn with_held(&self, text: String) -> PipeAnswer {
        PipeAnswer {
            held: text,
            ..self.clone()
        }
    }

    /// The answer with process `process`'s choice set.
    pub fn with_wait(&self, process: usize, choice: Option<u32>) -> PipeAnswer {
        let mut next = self.clone();
        if next.waits.len() <= process {
            next.waits.resize(process + 1, None);
        }
        next.waits[process] = choice;
        next
    }
}

/// The marks of a pipe exercise: the bytes held, and one per process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipeGrading {
    pub held: Verdict,
    pub waits: Vec<Verdict>,
}

/// A list of bytes that cannot be read (a word that is not a whole number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable;

/// The bytes as typed, read: whole numbers apart (spaces or commas), oldest first; `-` (or
/// "empty", "비어 있음", "없음") for none; `None` when nothing is typed.
pub fn read_held(text: &str) -> Result<Option<Vec<i64>>, Unreadable> {
    let text = halfwidth(text);
    let text = text.trim().replace('−', "-");
    if text.is_empty() {
        return Ok(None);
    }
    if matches!(
        text.to_lowercase().as_str(),
        "-" | "—" | "–" | "empty" | "none" | "비어 있음" | "비어있음" | "없음"
    ) {
        return Ok(Some(Vec::new()));
    }
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '、')
        .filter(|part| !part.is_empty())
        .map(|part| part.parse::<i64>().map_err(|_| Unreadable))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Grades the answers against the core's state just after the last step.
pub fn grade(run: &Run, answer: &PipeAnswer) -> PipeGrading {
    let key = key(run);
    let held = match read_held(&answer.held) {
        Err(Unreadable) => Verdict::NotANumber,
        Ok(None) => Verdict::Missing,
        Ok(Some(typed)) if typed == key.held => Verdict::Right,
        Ok(Some(_)) => Verdict::Wrong,
    };
    let waits = key
        .waits
        .iter()
        .enumerate()
        .map(
            |(process, wait)| match answer.waits.get(process).copied().flatten() {
                None => Verdict::Missing,
                Some(choice) if choice == wait.code() => Verdict::Right,
                Some(_) => Verdict::Wrong,
            },
        )
        .collect();
    PipeGrading { held, waits }
}

/// The key as an answer.
pub fn key_answer(run: &Run) -> PipeAnswer {
    let key = key(run);
    PipeAnswer {
        held: held_words(&key.held, Lang::En, false),
        waits: key.waits.iter().map(|wait| Some(wait.code())).collect(),
    }
}

/// `write(p, 7)`, `read(p)` or `close(p)`.
pub fn call(op: Op) -> String {
    match op {
        Op::Write(byte) => format!("write({PIPE}, {byte})"),
        Op::Read => format!("read({PIPE})"),
        Op::Close => format!("close({PIPE})"),
    }
}

/// The bytes in words: `5 9` (`5, 9` in a sentence), or `-` / "empty".
pub fn held_words(held: &[i64], lang: Lang, sentence: bool) -> String {
    if held.is_empty() {
        return match sentence {
            true => lang.pick(["비어 있음", "empty"]).to_string(),
            false => String::from("-"),
        };
    }
    let bytes: Vec<String> = held.iter().map(i64::to_string).collect();
    bytes.join(if sentence { ", " } else { " " })
}

/// The pipe's bytes in a sentence: "p holds 8, 7" or "p is empty".
fn pipe_now(held: &[i64], lang: Lang) -> String {
    match held.is_empty() {
        true => lang.pick([format!("{PIPE}는 비어 있음"), format!("{PIPE} is empty")]),
        false => {
            let bytes = held_words(held, lang, true);
            lang.pick([
                format!("{PIPE}에 {bytes}{} 있음", subject_particle(&bytes)),
                format!("{PIPE} holds {bytes}"),
            ])
        }
    }
}

/// What one step did, read from the pipe before and after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// A write with room: the bytes after.
    Put(Vec<i64>),
    /// A write on a full pipe: the writer waits with its byte.
    WaitsFull,
    /// A write while a reader waited: the byte went straight to that process.
    Handed(u32),
    /// A read of the oldest byte (the byte, the bytes after, and the waiting writer whose byte
    /// went in, if any).
    Took(i64, Vec<i64>, Option<u32>),
    /// A read of an empty pipe with a write end open: the reader waits.
    WaitsEmpty,
    /// A read of an empty pipe with every write end closed: -1.
    EndOfFile,
    /// A close; the waiting readers it gave end-of-file.
    Closed(Vec<u32>),
}

/// Each listed step with what it did, from the core's states around its tick.
pub fn effects(run: &Run) -> Vec<(Step, Effect)> {
    timed_steps(run)
        .map(|(step, tick)| {
            let (Some(before), Some(after)) = (pipe_at(run, tick), pipe_at(run, tick + 1)) else {
                return (step, Effect::Put(Vec::new()));
            };
            let effect = match step.op {
                Op::Write(_) if after.senders.len() > before.senders.len() => Effect::WaitsFull,
                Op::Write(_) => match before.receivers.first() {
                    Some(reader) if after.receivers.len() < before.receivers.len() => {
                        Effect::Handed(reader.pid)
                    }
                    _ => Effect::Put(after.messages.clone()),
                },
                Op::Read => match before.messages.first() {
                    Some(byte) => {
                        let let_in = (after.senders.len() < before.senders.len())
                            .then(|| before.senders.first().map(|writer| writer.pid))
                            .flatten();
                        Effect::Took(*byte, after.messages.clone(), let_in)
                    }
                    None if after.receivers.len() > before.receivers.len() => Effect::WaitsEmpty,
                    None => Effect::EndOfFile,
                },
                Op::Close => Effect::Closed(
                    before
                        .receivers
                        .iter()
                        .filter(|reader| !after.receivers.contains(reader))
                        .map(|reader| reader.pid)
                        .collect(),
                ),
            };
            (step, effect)
        })
        .collect()
}

fn list(names: &[String], processes: &[u32]) -> String {
    let named: Vec<&str> = processes
        .iter()
        .filter_map(|process| names.get(*process as usize).map(String::as_str))
        .collect();
    named.join(", ")
}

/// One step retold: "3. W write(p, 7): p is full (2 of 2), so W waits with 7."
pub fn retell(index: usize, step: Step, effect: &Effect, run: &Run, lang: Lang) -> String {
    let names = names(run);
    let size = size(run);
    let who = names
        .get(step.process as usize)
        .cloned()
        .unwrap_or_default();
    let call = call(step.op);
    let number = index + 1;
    let byte = match step.op {
        Op::Write(byte) => byte,
        _ => 0,
    };
    let now = |bytes: &[i64]| pipe_now(bytes, lang);
    match effect {
        Effect::Put(after) => lang.pick([
            format!("{number}. {who} {call}: 자리가 있으므로 {byte}{} 끝에 들어갑니다({}).", subject_particle(&byte.to_string()), now(after)),
            format!("{number}. {who} {call}: there is room, so {byte} goes in at the end: {}.", now(after)),
        ]),
        Effect::WaitsFull => lang.pick([
            format!("{number}. {who} {call}: {PIPE}{} 가득 찼으므로({size}바이트 중 {size}) {who}{} {byte}{} 든 채 쓰려고 기다립니다.", subject_particle(PIPE), subject_particle(&who), object_particle(&byte.to_string())),
            format!("{number}. {who} {call}: {PIPE} is full ({size} of {size} bytes), so {who} waits to write, holding {byte}."),
        ]),
        Effect::Handed(reader) => {
            let reader = names.get(*reader as usize).cloned().unwrap_or_default();
            lang.pick([
                format!("{number}. {who} {call}: {reader}{} 읽으려고 기다리고 있었으므로 {byte}{} {reader}에게 바로 건네지고(그 read가 {byte}{} 돌려줌) {reader}{} 계속합니다. {PIPE}에는 들어가지 않습니다.", subject_particle(&reader), topic_particle(&byte.to_string()), object_particle(&byte.to_string()), subject_particle(&reader)),
                format!("{number}. {who} {call}: {reader} was waiting to read, so {byte} goes straight to {reader} (its read returns {byte}) and {reader} goes on; nothing goes into {PIPE}."),
            ])
        }
        Effect::Took(taken, after, let_in) => {
            let first = lang.pick([
                format!("{number}. {who} {call}: {who}{} 가장 오래된 {taken}{} 읽습니다", subject_particle(&who), object_particle(&taken.to_string())),
                format!("{number}. {who} {call}: {who} reads {taken}, the oldest"),
            ]);
            match let_in.and_then(|writer| names.get(writer as usize)) {
                Some(writer) => lang.pick([
                    format!("{first}. 자리가 났으므로 기다리던 {writer}의 바이트가 들어가고 {writer}{} 계속합니다({}).", subject_particle(writer), now(after)),
                    format!("{first}; the room it leaves takes the byte {writer} was waiting with, and {writer} goes on: {}.", now(after)),
                ]),
                None => lang.pick([
                    format!("{first}({}).", now(after)),
                    format!("{first}: {}.", now(after)),
                ]),
            }
        }
        Effect::WaitsEmpty => lang.pick([
            format!("{number}. {who} {call}: {PIPE}{} 비어 있고 쓰기 끝이 아직 열려 있으므로 {who}{} 읽으려고 기다립니다.", subject_particle(PIPE), subject_particle(&who)),
            format!("{number}. {who} {call}: {PIPE} is empty and a write end is still open, so {who} waits to read."),
        ]),
        Effect::EndOfFile => lang.pick([
            format!("{number}. {who} {call}: {PIPE}{} 비어 있고 쓰기 끝이 모두 닫혔으므로 read는 -1(파일 끝)을 돌려주고 {who}{} 계속합니다.", subject_particle(PIPE), subject_particle(&who)),
            format!("{number}. {who} {call}: {PIPE} is empty and every write end is closed, so the read returns -1 (end-of-file) and {who} goes on."),
        ]),
        Effect::Closed(readers) => {
            let closed = lang.pick([
                format!("{number}. {who} {call}: {who}{} 쓰기 끝을 닫습니다", subject_particle(&who)),
                format!("{number}. {who} {call}: {who} closes its write end"),
            ]);
            match readers.as_slice() {
                [] => format!("{closed}."),
                _ => {
                    let (get, go) = if readers.len() == 1 { ("gets", "goes") } else { ("get", "go") };
                    let readers = list(&names, readers);
                    lang.pick([
                        format!("{closed}. {PIPE}{} 비어 있고 열린 쓰기 끝이 없으므로, 읽으려고 기다리던 {readers}{} -1(파일 끝)을 받고 계속합니다.", subject_particle(PIPE), subject_particle(&readers)),
                        format!("{closed}; {PIPE} is empty and no write end is left open, so {readers}, waiting to read, {get} -1 (end-of-file) and {go} on."),
                    ])
                }
            }
        }
    }
}

/// What a process waits for, in words.
fn waits_words(who: &str, wait: Waits, lang: Lang) -> String {
    match wait {
        Waits::No => lang.pick([
            format!("{who}{} 기다리지 않습니다", topic_particle(who)),
            format!("{who} does not wait"),
        ]),
        Waits::ToWrite => lang.pick([
            format!("{who}{} 쓰려고 기다립니다", topic_particle(who)),
            format!("{who} waits to write"),
        ]),
        Waits::ToRead => lang.pick([
            format!("{who}{} 읽으려고 기다립니다", topic_particle(who)),
            format!("{who} waits to read"),
        ]),
    }
}

/// Why the answer is what it is: the run retold step by step from the core's states, then the
/// state after the last step; a line each (the page keeps the line breaks).
pub fn explain(run: &Run, lang: Lang) -> String {
    let size = size(run);
    let mut words = vec![lang.pick([
        format!(
            "처음에 {PIPE}{} 비어 있습니다({size}바이트까지 담음).",
            subject_particle(PIPE)
        ),
        format!("At the start {PIPE} is empty (it holds up to {size} bytes)."),
    ])];
    for (index, (step, effect)) in effects(run).iter().enumerate() {
        words.push(retell(index, *step, effect, run, lang));
    }
    let key = key(run);
    let names = names(run);
    let waits: Vec<String> = names
        .iter()
        .zip(&key.waits)
        .map(|(who, wait)| waits_words(who, *wait, lang))
        .collect();
    words.push(lang.pick([
        format!(
            "마지막 단계 뒤: {}; {}.",
            pipe_now(&key.held, lang),
            waits.join(", ")
        ),
        format!(
            "After the last step: {}; {}.",
            pipe_now(&key.held, lang),
            waits.join("; ")
        ),
    ]));
    words.join("\n")
}

/// The first `count` steps retold, one hint each.
pub fn hints(run: &Run, count: usize, lang: Lang) -> Vec<String> {
    effects(run)
        .iter()
        .take(count)
        .enumerate()
        .map(|(index, (step, effect))| retell(index, *step, effect, run, lang))
        .collect()
}

/// A wrong list of bytes explained: what the pipe holds, the steps that are easy to miscount,
/// then the run retold.
pub fn explain_held(run: &Run, lang: Lang) -> String {
    let key = key(run);
    let effects = effects(run);
    // The steps whose byte did not go where a student puts it: a write handed to a waiting
    // reader (it never enters the pipe), and a read that let a waiting writer's byte in.
    let handed: Vec<String> = effects
        .iter()
        .enumerate()
        .filter(|(_, (_, effect))| {
            matches!(effect, Effect::Handed(_) | Effect::Took(_, _, Some(_)))
        })
        .map(|(number, _)| (number + 1).to_string())
        .collect();
    let traps = match handed.as_slice() {
        [] => String::new(),
        steps => lang.pick([
            format!(" {}단계를 다시 보세요: 읽으려고 기다리던 프로세스에게 건넨 바이트는 파이프에 들어가지 않고, 읽어서 난 자리에는 쓰려고 기다리던 프로세스의 바이트가 바로 들어갑니다.", steps.join(", ")),
            format!(" Look again at step(s) {}: a byte handed to a waiting reader never enters the pipe, and the room a read makes takes a waiting writer's byte at once.", steps.join(", ")),
        ]),
    };
    let lead = lang.pick([
        format!(
            "마지막 단계 뒤 {}(오래된 것부터).{traps}",
            pipe_now(&key.held, lang)
        ),
        format!(
            "After the last step {} (oldest first).{traps}",
            pipe_now(&key.held, lang)
        ),
    ]);
    format!("{lead}\n{}", explain(run, lang))
}

/// A wrong choice for a process explained: what it waits for and why, then the run retold.
pub fn explain_wait(run: &Run, process: usize, lang: Lang) -> String {
    let key = key(run);
    let names = names(run);
    let who = names.get(process).cloned().unwrap_or_default();
    let wait = key.waits.get(process).copied().unwrap_or(Waits::No);
    let why = match wait {
        Waits::No => lang.pick([
            String::from(" 마지막 단계에서 막혀 있지 않습니다(막혔다가 깨어났거나, 처음부터 막히지 않았습니다)."),
            String::from(" It is not held up after the last step (it never was, or a later step let it go on)."),
        ]),
        Waits::ToWrite => lang.pick([
            format!(" {PIPE}{} 가득 차 있고, 그 뒤 읽은 프로세스가 없습니다.", subject_particle(PIPE)),
            format!(" {PIPE} is full, and no read came after to make room."),
        ]),
        Waits::ToRead => lang.pick([
            format!(" {PIPE}{} 비어 있고, 쓰기 끝이 열려 있는 동안 그 뒤 쓴 프로세스가 없습니다.", subject_particle(PIPE)),
            format!(" {PIPE} is empty, no write came after, and a write end is still open."),
        ]),
    };
    let lead = lang.pick([
        format!("마지막 단계 뒤 {}.{why}", waits_words(&who, wait, lang)),
        format!(
            "After the last step {}.{why}",
            waits_words(&who, wait, lang)
        ),
    ]);
    format!("{lead}\n{}", explain(run, lang))
}

/// What to type in the bytes' field.
pub fn held_form(lang: Lang) -> &'static str {
    lang.pick([
        "파이프에 남은 바이트를 오래된 것부터 띄어 쓰세요(예: 5 9). 비어 있으면 - 를 쓰세요.",
        "Type the bytes left in the pipe, oldest first, with spaces between (e.g. 5 9); for an empty pipe, type -.",
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(difficulty: Difficulty, seed: u64) -> ExerciseId {
        ExerciseId {
            topic: super::super::exercise::Topic::Pipe,
            difficulty,
            seed,
        }
    }

    /// The plain model of the rule, run over the listed steps: the bytes held and who waits.
    fn model(size: usize, writers: &[bool], steps: &[Step]) -> PipeKey {
        let mut held = VecDeque::new();
        let mut senders: VecDeque<(usize, i64)> = VecDeque::new();
        let mut receivers: VecDeque<usize> = VecDeque::new();
        let mut open = writers.iter().filter(|writes| **writes).count();
        for step in steps {
            let process = step.process as usize;
            match step.op {
                Op::Write(byte) => {
                    if receivers.pop_front().is_none() {
                        if held.len() < size {
                            held.push_back(byte);
                        } else {
                            senders.push_back((process, byte));
                        }
                    }
                }
                Op::Read => {
                    if held.pop_front().is_some() {
                        if let Some((_, byte)) = senders.pop_front() {
                            held.push_back(byte);
                        }
                    } else if open > 0 {
                        receivers.push_back(process);
                    }
                }
                Op::Close => {
                    open -= 1;
                    if open == 0 && held.is_empty() {
                        receivers.clear();
                    }
                }
            }
        }
        PipeKey {
            held: held.into_iter().collect(),
            waits: (0..writers.len())
                .map(|process| {
                    if senders.iter().any(|(writer, _)| *writer == process) {
                        Waits::ToWrite
                    } else if receivers.contains(&process) {
                        Waits::ToRead
                    } else {
                        Waits::No
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn every_generated_case_waits_and_wakes_and_the_core_agrees_with_the_rule() {
        for difficulty in Difficulty::ALL {
            let mut ends = [0; 3];
            for seed in 0..30 {
                let run = generate(id(difficulty, seed)).expect("a case");
                let effects = effects(&run);
                assert!(effects
                    .iter()
                    .any(|(_, e)| matches!(e, Effect::WaitsFull | Effect::WaitsEmpty)));
                let writers: Vec<bool> = shape(difficulty)
                    .processes
                    .iter()
                    .map(|(_, writes)| *writes)
                    .collect();
                let key = key(&run);
                assert_eq!(
                    key,
                    model(size(&run) as usize, &writers, &steps(&run)),
                    "{difficulty:?} seed {seed}"
                );
                let listed = steps(&run).len();
                let (fewest, most) = shape(difficulty).steps;
                assert!(
                    (fewest.min(3)..=most).contains(&listed),
                    "{difficulty:?} seed {seed}: {listed} steps"
                );
                let end = if key.waits.iter().any(|wait| *wait != Waits::No) {
                    0
                } else if key.held.is_empty() {
                    2
                } else {
                    1
                };
                ends[end] += 1;
            }
            assert!(
                ends.iter().all(|count| *count >= 3),
                "{difficulty:?}: every kind of end, {ends:?} of 30"
            );
        }
    }

    #[test]
    fn the_key_is_graded_right_and_a_changed_cell_wrong_there_only() {
        let run = generate(id(Difficulty::Medium, 4)).unwrap();
        let answer = key_answer(&run);
        let marks = grade(&run, &answer);
        assert_eq!(marks.held, Verdict::Right);
        assert!(marks.waits.iter().all(|mark| *mark == Verdict::Right));
        let wrong = answer.with_held(String::from("1 2 3 4"));
        let marks = grade(&run, &wrong);
        assert_eq!(marks.held, Verdict::Wrong);
        assert!(marks.waits.iter().all(|mark| *mark == Verdict::Right));
        let changed = (key(&run).waits[0].code() + 1) % 3;
        let marks = grade(&run, &answer.with_wait(0, Some(changed)));
        assert_eq!(marks.waits[0], Verdict::Wrong);
        assert_eq!(marks.held, Verdict::Right);
        assert_eq!(
            grade(&run, &answer.with_held("5 x".into())).held,
            Verdict::NotANumber
        );
        assert_eq!(
            grade(&run, &answer.with_held(String::new())).held,
            Verdict::Missing
        );
    }

    #[test]
    fn bytes_are_read_as_a_student_types_them() {
        assert_eq!(read_held(" 5 9 "), Ok(Some(vec![5, 9])));
        assert_eq!(read_held("5, 9"), Ok(Some(vec![5, 9])));
        assert_eq!(read_held("５　９"), Ok(Some(vec![5, 9])));
        assert_eq!(read_held("-"), Ok(Some(vec![])));
        assert_eq!(read_held("비어 있음"), Ok(Some(vec![])));
        assert_eq!(read_held("Empty"), Ok(Some(vec![])));
        assert_eq!(read_held(""), Ok(None));
        assert_eq!(read_held("5 nine"), Err(Unreadable));
    }

    #[test]
    fn the_explanation_retells_every_step_and_the_end_in_both_languages() {
        for difficulty in Difficulty::ALL {
            let run = generate(id(difficulty, 2)).unwrap();
            let names = names(&run);
            for lang in [Lang::En, Lang::Ko] {
                let text = explain(&run, lang);
                for (index, step) in steps(&run).iter().enumerate() {
                    let said = format!(
                        "{}. {} {}",
                        index + 1,
                        names[step.process as usize],
                        call(step.op)
                    );
                    assert!(text.contains(&said), "{lang:?}: {said} in {text}");
                }
                let end = pipe_now(&key(&run).held, lang);
                assert!(text.contains(&end), "{lang:?}: {end} in {text}");
            }
        }
        // A byte handed to a waiting reader is said to skip the pipe.
        let handed = (0..30)
            .filter_map(|seed| generate(id(Difficulty::Easy, seed)))
            .find(|run| {
                effects(run)
                    .iter()
                    .any(|(_, effect)| matches!(effect, Effect::Handed(_)))
            })
            .expect("a write to a waiting reader");
        let english = explain(&handed, Lang::En);
        assert!(english.contains("goes straight to R"), "{english}");
        assert!(explain_held(&handed, Lang::En).contains("never enters the pipe"));
    }
}
