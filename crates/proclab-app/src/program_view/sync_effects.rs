//! What a `wait`, `signal`, `lock` or `unlock` that did not block did, for the interleaving:
//! read from the program and the trace's wake-ups, never from a replay of the machine.

use crate::lang::{object_particle, Lang};
use proclab_core::program::{Instruction, SyncOp};
use proclab_core::Run;

/// The thread woken by `thread`'s instruction in `tick` (an `unlock` or a `signal`), by name: the
/// trace's wake-up at the end of that tick names it as the waker.
pub(super) fn woken_by(run: &Run, tick: u64, thread: u32) -> Option<String> {
    woken_thread(run, tick, thread)
        .map(|woken| proclab_core::render::thread_label(run.scenario(), woken))
}

/// [`woken_by`]'s thread.
pub(crate) fn woken_thread(run: &Run, tick: u64, thread: u32) -> Option<proclab_core::ThreadRef> {
    woken_threads(run, tick, thread).into_iter().next()
}

/// Every thread the step of `thread` at `tick` woke, in the order they were woken (a `close` of
/// a pipe's last write end wakes every waiting reader).
pub(crate) fn woken_threads(run: &Run, tick: u64, thread: u32) -> Vec<proclab_core::ThreadRef> {
    let scenario = run.scenario();
    let waker = &scenario.threads()[thread as usize];
    let trace = run.trace();
    // The first event of the instant after the tick (events are in tick order).
    let (mut low, mut high) = (0, trace.len());
    while low < high {
        let middle = (low + high) / 2;
        if trace.get(middle).is_some_and(|event| event.tick <= tick) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    trace
        .range(low..trace.len())
        .take_while(|event| event.tick == tick + 1)
        .filter_map(|event| match event.cause {
            proclab_core::Cause::Woken { by } if by.pid == waker.pid() && by.tid == waker.tid() => {
                Some(event.thread)
            }
            _ => None,
        })
        .collect()
}

/// What a `wait`, `signal`, `lock` or `unlock` that did not block did: "takes 1 from s",
/// "wakes P1.T2", "adds 1 to s (nobody waits)", "takes m", "hands m to P1.T2", "frees m".
pub(super) fn sync_note(
    run: &Run,
    step: &proclab_core::program::ExecutedStep,
    program: Option<&proclab_core::program::Program>,
    lang: Lang,
) -> Option<String> {
    let program = program?;
    let Instruction::Sync(operation) = program.instruction_at(step.pc)? else {
        return None;
    };
    let semaphore = |index: u32| {
        program
            .semaphores()
            .get(index as usize)
            .map_or_else(String::new, |semaphore| semaphore.name.clone())
    };
    let mutex = |index: u32| {
        program
            .mutexes()
            .get(index as usize)
            .cloned()
            .unwrap_or_default()
    };
    let woken = || woken_by(run, step.tick, step.thread);
    Some(match operation {
        SyncOp::Wait(index) => {
            let name = semaphore(index);
            lang.pick([
                format!("{name}에서 1을 가져감(0보다 컸음)"),
                format!("takes 1 from {name} (it was above 0)"),
            ])
        }
        SyncOp::Signal(index) => {
            let name = semaphore(index);
            match woken() {
                Some(other) => lang.pick([
                    format!(
                        "{name}에서 기다리던 {other}{} 깨움",
                        object_particle(&other)
                    ),
                    format!("wakes {other}, first in {name}'s queue"),
                ]),
                None => lang.pick([
                    format!("{name}에 1을 더함(기다리는 스레드 없음)"),
                    format!("adds 1 to {name} (nobody waits)"),
                ]),
            }
        }
        SyncOp::Lock(index) => {
            let name = mutex(index);
            lang.pick([
                format!("뮤텍스 {name}{} 잡음", object_particle(&name)),
                format!("takes mutex {name}"),
            ])
        }
        SyncOp::Unlock(index) => {
            let name = mutex(index);
            match woken() {
                Some(other) => lang.pick([
                    format!(
                        "뮤텍스 {name}{} 기다리던 {other}에게 넘김",
                        object_particle(&name)
                    ),
                    format!("hands mutex {name} to {other}, who was waiting"),
                ]),
                None => lang.pick([
                    format!("뮤텍스 {name}{} 놓음", object_particle(&name)),
                    format!("frees mutex {name}"),
                ]),
            }
        }
        _ => return None,
    })
}
