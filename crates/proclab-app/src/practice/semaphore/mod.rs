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
//!
//! Here: the steps and the key as read from a run. `generate` draws a case from the seed,
//! `grade` reads and marks an answer, `explain` says it all in words.

use proclab_core::program::{Instruction, SyncOp};
use proclab_core::{Run, SyncKind};

mod explain;
mod generate;
mod grade;
#[cfg(test)]
mod tests;

pub use explain::{
    call, effects, explain, explain_value, explain_wait, hints, never_below_zero, retell,
    thread_label, value_form, values_text, Effect,
};
pub use generate::generate;
pub use grade::{grade, key_answer, SemaphoreAnswer, SemaphoreGrading};

/// The kind of operation of a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Wait,
    Signal,
}

/// One listed step: a thread (from 0), its operation and the semaphore (declaration order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub thread: u32,
    pub op: Op,
    pub semaphore: usize,
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
