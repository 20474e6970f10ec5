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
//!
//! Here: the steps and the key as read from a run. `generate` draws a case from the seed,
//! `grade` reads and marks an answer, `explain` says it all in words.

use crate::lang::Lang;
use proclab_core::program::{Instruction, MessageOp};
use proclab_core::state::QueueSnapshot;
use proclab_core::Run;

/// The pipe's name in the programs and the words.
pub const PIPE: &str = "p";

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

mod explain;
mod generate;
mod grade;
#[cfg(test)]
mod tests;

pub use explain::{
    call, effects, explain, explain_held, explain_wait, held_form, held_words, hints, retell,
    Effect,
};
pub use generate::generate;
pub use grade::{grade, key_answer, read_held, PipeAnswer, PipeGrading, Unreadable};

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
