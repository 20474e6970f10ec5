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

/// How many bytes a writer writes at most: one from each of its first registers (`%ax` to
/// `%fx`), set before the run.
const SOURCES: usize = 6;

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
    super::first_listed_run(
        ATTEMPTS,
        |attempt| draw(id, attempt),
        |candidate| candidate.blocks && candidate.wakes,
        |candidate| spec_of(&shape, candidate),
        |run, candidate| steps(run) == candidate.steps,
        |candidate| wanted(candidate, id.seed),
    )
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
        super::set_at(&mut next.waits, process, choice, None);
        next
    }
}

/// The marks of a pipe exercise: the bytes held, and one per process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipeGrading {
    pub held: Verdict,
    pub waits: Vec<Verdict>,
    /// The bytes as typed and read (none when empty or unreadable), for the explanation.
    pub typed: Option<Vec<i64>>,
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
    let typed = read_held(&answer.held).ok().flatten();
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
    PipeGrading { held, waits, typed }
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

/// What became of a byte by the last step: the step (from 0) and what it did to it.
enum Fate {
    /// Written into the pipe at that step (or let in by a read that made room).
    WentIn(usize),
    /// Read at that step, by that process.
    Read(usize, u32),
    /// Handed straight to that waiting reader at that step: it never entered the pipe.
    Handed(usize, u32),
    /// Its writer still waits with it.
    Waiting(usize),
}

/// The last thing that happened to `byte` over the run's steps.
fn fate(effects: &[(Step, Effect)], byte: i64) -> Option<Fate> {
    let mut fate = None;
    for (index, (step, effect)) in effects.iter().enumerate() {
        match (step.op, effect) {
            (Op::Write(written), Effect::Put(_)) if written == byte => {
                fate = Some(Fate::WentIn(index))
            }
            (Op::Write(written), Effect::WaitsFull) if written == byte => {
                fate = Some(Fate::Waiting(index))
            }
            (Op::Write(written), Effect::Handed(reader)) if written == byte => {
                fate = Some(Fate::Handed(index, *reader))
            }
            (_, Effect::Took(taken, _, _)) if *taken == byte => {
                fate = Some(Fate::Read(index, step.process))
            }
            (_, Effect::Took(_, after, Some(_))) if after.last() == Some(&byte) => {
                fate = Some(Fate::WentIn(index))
            }
            _ => {}
        }
    }
    fate
}

/// A wrong list of bytes explained from what was typed: -1 taken for a byte, the right bytes in
/// the wrong order, or where each byte too many went and each one missing came in; then the run
/// retold.
pub fn explain_held(run: &Run, typed: Option<&[i64]>, lang: Lang) -> String {
    let key = key(run);
    let effects = effects(run);
    let names = names(run);
    let name = |process: u32| names.get(process as usize).cloned().unwrap_or_default();
    let typed = typed.unwrap_or_default();
    let mut why: Vec<String> = Vec::new();
    if typed.iter().any(|byte| *byte < 0) {
        why.push(lang.pick([
            String::from("-1은 바이트가 아닙니다: 파일 끝에서 read가 돌려주는 값이고, 파이프에 들어가지 않습니다."),
            String::from("-1 is not a byte: it is what a read returns at end-of-file, and it never enters the pipe."),
        ]));
    }
    let sorted = |bytes: &[i64]| {
        let mut bytes = bytes.to_vec();
        bytes.sort_unstable();
        bytes
    };
    if why.is_empty() && typed.len() > 1 && sorted(typed) == sorted(&key.held) {
        why.push(lang.pick([
            String::from("바이트는 맞지만 순서가 다릅니다: 파이프는 먼저 들어간 것이 먼저 나오므로(FIFO), 오래된 것, 곧 먼저 들어간 것부터 씁니다."),
            String::from("The bytes are right but not their order: a pipe is first in, first out, so the oldest, the first to go in, comes first."),
        ]));
    }
    if why.is_empty() {
        for byte in typed.iter().filter(|byte| !key.held.contains(byte)) {
            let step = |index: usize| index + 1;
            why.push(match fate(&effects, *byte) {
                Some(Fate::Read(index, reader)) => lang.pick([
                    format!("{byte}{} {}단계에서 {}{} 읽어 갔습니다.", topic_particle(&byte.to_string()), step(index), name(reader), subject_particle(&name(reader))),
                    format!("{byte} was read by {} at step {}.", name(reader), step(index)),
                ]),
                Some(Fate::Handed(index, reader)) => lang.pick([
                    format!("{byte}{} {}단계에서 기다리던 {}에게 바로 건네져 파이프에 들어가지 않았습니다.", topic_particle(&byte.to_string()), step(index), name(reader)),
                    format!("{byte} went straight to {}, who was waiting, at step {}: it never entered the pipe.", name(reader), step(index)),
                ]),
                Some(Fate::Waiting(index)) => lang.pick([
                    format!("{byte}{} 아직 들어가지 못했습니다: {}단계에서 가득 찬 파이프에 쓰려던 프로세스가 그것을 든 채 기다립니다.", topic_particle(&byte.to_string()), step(index)),
                    format!("{byte} is not in yet: its writer has waited with it since step {}, when the pipe was full.", step(index)),
                ]),
                _ => lang.pick([
                    format!("{byte}{} 쓰인 적이 없습니다.", topic_particle(&byte.to_string())),
                    format!("{byte} was never written."),
                ]),
            });
        }
        for byte in key.held.iter().filter(|byte| !typed.contains(byte)) {
            if let Some(Fate::WentIn(index)) = fate(&effects, *byte) {
                let (step, effect) = &effects[index];
                why.push(match (step.op, effect) {
                    (Op::Read, Effect::Took(..)) => lang.pick([
                        format!("{byte}{} {}단계에서 {}의 read가 자리를 내자 기다리던 프로세스에게서 들어갔습니다.", topic_particle(&byte.to_string()), index + 1, name(step.process)),
                        format!("{byte} went in at step {}, when {}'s read made room for the writer waiting with it.", index + 1, name(step.process)),
                    ]),
                    _ => lang.pick([
                        format!("{byte}{} {}단계에서 들어가 그 뒤로 읽히지 않았습니다.", topic_particle(&byte.to_string()), index + 1),
                        format!("{byte} went in at step {} and was not read after.", index + 1),
                    ]),
                });
            }
        }
    }
    let order = match key.held.len() {
        0 | 1 => "",
        _ => lang.pick(["(오래된 것부터)", " (oldest first)"]),
    };
    // A sentence of its own, in the polite style of the words after it (the note style "있음"
    // had switched mid-paragraph).
    let held_now = match key.held.is_empty() {
        true => format!("{PIPE}는 비어 있습니다"),
        false => {
            let bytes = held_words(&key.held, lang, true);
            format!("{PIPE}에 {bytes}{} 남아 있습니다", subject_particle(&bytes))
        }
    };
    let lead = lang.pick([
        format!("마지막 단계 뒤 {held_now}{order}."),
        format!("After the last step {}{order}.", pipe_now(&key.held, lang)),
    ]);
    let why: Vec<String> = why.into_iter().take(3).collect();
    match why.is_empty() {
        true => format!("{lead}\n{}", explain(run, lang)),
        false => format!("{lead} {}\n{}", why.join(" "), explain(run, lang)),
    }
}

/// The last step that concerns `process` (its own, or another's that woke it or let its byte
/// in), said as why it waits or goes on after the last step.
fn last_news(run: &Run, process: u32, lang: Lang) -> Option<String> {
    let names = names(run);
    let name = |process: u32| names.get(process as usize).cloned().unwrap_or_default();
    let who = name(process);
    let mut news = None;
    for (index, (step, effect)) in effects(run).iter().enumerate() {
        let number = index + 1;
        let other = name(step.process);
        let said = match effect {
            Effect::Closed(readers) if readers.contains(&process) => Some(lang.pick([
                format!("{number}단계에서 {other}{} 마지막 쓰기 끝을 닫았을 때 {PIPE}{} 비어 있었으므로, {who}의 read는 -1(파일 끝)을 받고 계속했습니다.", subject_particle(&other), subject_particle(PIPE)),
                format!("At step {number} {other} closed the last write end with {PIPE} empty, so {who}'s read got -1 (end-of-file) and {who} went on."),
            ])),
            Effect::Handed(reader) if *reader == process => {
                let byte = match step.op {
                    Op::Write(byte) => byte,
                    _ => 0,
                };
                Some(lang.pick([
                    format!("{number}단계에서 {other}의 write가 {byte}{} {who}에게 바로 건넸으므로 {who}{} 계속했습니다.", object_particle(&byte.to_string()), subject_particle(&who)),
                    format!("At step {number} {other}'s write handed {byte} straight to {who}, so {who} went on."),
                ]))
            }
            Effect::Took(_, _, Some(writer)) if *writer == process => Some(lang.pick([
                format!("{number}단계에서 {other}의 read가 자리를 내어 {who}의 바이트가 들어갔으므로 {who}{} 계속했습니다.", subject_particle(&who)),
                format!("At step {number} {other}'s read made room, so {who}'s byte went in and {who} went on."),
            ])),
            _ if step.process == process => Some(match effect {
                Effect::WaitsFull => lang.pick([
                    format!("{number}단계에서 가득 찬 {PIPE}에 쓰려다 기다리기 시작했고, 그 뒤 자리를 낸 read가 없습니다."),
                    format!("At step {number} it began to wait, writing to a full {PIPE}, and no read made room after."),
                ]),
                Effect::WaitsEmpty => lang.pick([
                    format!("{number}단계에서 빈 {PIPE}를 읽으려다 기다리기 시작했고, 그 뒤 쓴 프로세스가 없으며 쓰기 끝이 열려 있습니다."),
                    format!("At step {number} it began to wait, reading an empty {PIPE}, and no write came after while a write end is still open."),
                ]),
                Effect::EndOfFile => lang.pick([
                    format!("{number}단계의 read는 {PIPE}가 비고 쓰기 끝이 모두 닫혀 -1(파일 끝)을 받았으므로 막히지 않았습니다."),
                    format!("Its read at step {number} got -1 (end-of-file), {PIPE} being empty with every write end closed: it did not wait."),
                ]),
                _ => lang.pick([
                    format!("{number}단계, 그 마지막 연산은 막히지 않았습니다."),
                    format!("Its last operation, step {number}, did not wait."),
                ]),
            }),
            _ => None,
        };
        if said.is_some() {
            news = said;
        }
    }
    news
}

/// A wrong choice for a process explained: what it waits for and why, from the last step that
/// concerns it, then the run retold.
pub fn explain_wait(run: &Run, process: usize, lang: Lang) -> String {
    let key = key(run);
    let names = names(run);
    let who = names.get(process).cloned().unwrap_or_default();
    let wait = key.waits.get(process).copied().unwrap_or(Waits::No);
    let why = last_news(run, process as u32, lang)
        .map(|news| format!(" {news}"))
        .unwrap_or_default();
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

    /// A reader that does not wait after the last step is told why: a close gave it end-of-file,
    /// a write handed it a byte (the hard level's lesson had read "it never was, or a later step
    /// let it go on").
    #[test]
    fn a_process_that_goes_on_is_told_what_let_it() {
        let (run, reader) = (0..40)
            .filter_map(|seed| generate(id(Difficulty::Hard, seed)))
            .find_map(|run| {
                let reader = effects(&run).iter().find_map(|(_, effect)| match effect {
                    Effect::Closed(readers) => readers.first().copied(),
                    _ => None,
                })?;
                (key(&run).waits[reader as usize] == Waits::No).then_some((run, reader))
            })
            .expect("a close that gives a waiting reader end-of-file");
        let words = explain_wait(&run, reader as usize, Lang::En);
        let lead = words.lines().next().unwrap();
        assert!(
            lead.contains("closed the last write end with p empty"),
            "{lead}"
        );
        assert!(lead.contains("got -1 (end-of-file)"), "{lead}");
        let korean = explain_wait(&run, reader as usize, Lang::Ko);
        assert!(
            korean
                .lines()
                .next()
                .unwrap()
                .contains("마지막 쓰기 끝을 닫았을 때"),
            "{korean}"
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
        // A byte handed over, typed as if in the pipe, is said to have gone straight to the reader.
        let byte = effects(&handed)
            .iter()
            .find_map(|(step, effect)| match (step.op, effect) {
                (Op::Write(byte), Effect::Handed(_)) => Some(byte),
                _ => None,
            })
            .unwrap();
        let mut typed = key(&handed).held;
        typed.push(byte);
        let words = explain_held(&handed, Some(&typed), Lang::En);
        assert!(
            words.contains(&format!("{byte} went straight to R")),
            "{words}"
        );
        // The Korean lead is a sentence in the style of the rest ("있음" had switched style).
        let korean = explain_held(&handed, Some(&typed), Lang::Ko);
        let lead = korean.split('\n').next().unwrap();
        assert!(
            lead.starts_with("마지막 단계 뒤 p에 ") && lead.contains(" 남아 있습니다"),
            "{lead}"
        );
        assert!(!korean.contains("있음("), "{korean}");
    }
}
