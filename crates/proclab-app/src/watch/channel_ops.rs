//! What threads put into and take out of pipes and message queues, told in the event log.
//!
//! A `write`, `read`, `send`, `recv` or `close` that does not block changes no thread's state,
//! so the trace has no event for it; the run's executed steps do. An instruction runs from its
//! tick to the next, so its effect is told at the instant after it (`t+1`), as the trace tells
//! the block or wake-up it leads to, and before that instant's events: a write comes before the
//! wake-up of the reader it feeds.

use proclab_core::program::{ExecutedStep, MessageOp, StepOutcome};
use proclab_core::Run;

use crate::lang::{object_particle, subject_particle, Lang};
use crate::program_view::{program_of, woken_thread};

/// Whether a step put a value into, took one out of, or closed a pipe or message queue.
fn is_channel_operation(step: &ExecutedStep) -> bool {
    matches!(
        step.outcome,
        StepOutcome::Message {
            operation: MessageOp::Send { .. }
                | MessageOp::Recv { .. }
                | MessageOp::Write { .. }
                | MessageOp::Read { .. }
                | MessageOp::Close { .. },
            ..
        }
    )
}

/// Every instant at which some thread's channel operation is told, in order, each once.
pub fn channel_instants(run: &Run) -> Vec<u64> {
    let mut instants: Vec<u64> = run
        .program_steps()
        .iter()
        .filter(|step| is_channel_operation(step))
        .map(|step| step.tick + 1)
        .collect();
    instants.dedup();
    instants
}

/// The first instant after `tick` in `instants` (see [`channel_instants`]).
pub fn next_instant(instants: &[u64], tick: u64) -> Option<u64> {
    instants
        .get(instants.partition_point(|&instant| instant <= tick))
        .copied()
}

/// The last instant before `tick` in `instants`.
pub fn previous_instant(instants: &[u64], tick: u64) -> Option<u64> {
    instants
        .partition_point(|&instant| instant < tick)
        .checked_sub(1)
        .map(|at| instants[at])
}

/// The sentences of the channel operations told at instants `from..=to`, with their instants,
/// in the order they ran.
pub fn channel_lines(run: &Run, from: u64, to: u64, lang: Lang) -> Vec<(u64, String)> {
    let steps = run.program_steps();
    let first = steps.partition_point(|step| step.tick + 1 < from);
    steps[first..]
        .iter()
        .take_while(|step| step.tick < to)
        .filter(|step| is_channel_operation(step))
        .filter_map(|step| {
            let instant = step.tick + 1;
            Some((instant, format!("t={instant}: {}", said(run, step, lang)?)))
        })
        .collect()
}

/// One channel operation in a sentence.
fn said(run: &Run, step: &ExecutedStep, lang: Lang) -> Option<String> {
    let StepOutcome::Message { operation, value } = step.outcome else {
        return None;
    };
    let scenario = run.scenario();
    let program = program_of(scenario, step.thread)?;
    let thread = &scenario.threads()[step.thread as usize];
    let who = label(
        run,
        proclab_core::ThreadRef {
            pid: thread.pid(),
            tid: thread.tid(),
        },
    );
    let is = subject_particle(&who);
    let pipe = |index: u32| program.pipes().get(index as usize).map(|pipe| &pipe.name);
    let queue = |index: u32| {
        program
            .queues()
            .get(index as usize)
            .map(|queue| &queue.name)
    };
    // The thread this operation woke: a reader or receiver the value went straight to, or a
    // writer or sender whose waiting value took the place this one freed.
    let woken = woken_thread(run, step.tick, step.thread).map(|woken| label(run, woken));
    let v = value.to_string();
    let of = object_particle(&v);
    let sentence = match operation {
        MessageOp::Write { pipe: index, .. } => {
            let name = pipe(index)?;
            let put = lang.pick([
                format!("{who}{is} 파이프 {name}에 {v}{of} 씁니다"),
                format!("{who} writes {v} into pipe {name}"),
            ]);
            handed(put, woken, ["읽으려고", "read"], lang)
        }
        MessageOp::Send { queue: index, .. } => {
            let name = queue(index)?;
            let put = lang.pick([
                format!("{who}{is} 메시지 큐 {name}에 {v}{of} 보냅니다"),
                format!("{who} sends {v} to message queue {name}"),
            ]);
            handed(put, woken, ["받으려고", "receive"], lang)
        }
        MessageOp::Read { pipe: index, .. } if value < 0 => {
            let name = pipe(index)?;
            lang.pick([
                format!("{who}{is} 파이프 {name}에서 파일 끝(-1)을 읽습니다: 비어 있고 쓰기 끝이 모두 닫혔습니다."),
                format!("{who} reads end-of-file (-1) from pipe {name}: it is empty and every write end is closed."),
            ])
        }
        MessageOp::Read { pipe: index, .. } => {
            let name = pipe(index)?;
            let read = lang.pick([
                format!("{who}{is} 파이프 {name}에서 {v}{of} 읽습니다"),
                format!("{who} reads {v} from pipe {name}"),
            ]);
            freed(read, woken, lang)
        }
        MessageOp::Recv { queue: index, .. } => {
            let name = queue(index)?;
            let received = lang.pick([
                format!("{who}{is} 메시지 큐 {name}에서 {v}{of} 받습니다"),
                format!("{who} receives {v} from message queue {name}"),
            ]);
            freed(received, woken, lang)
        }
        MessageOp::Close { pipe: index } => {
            let name = pipe(index)?;
            lang.pick([
                format!("{who}{is} 파이프 {name}의 쓰기 끝을 닫습니다."),
                format!("{who} closes its write end of pipe {name}."),
            ])
        }
        _ => return None,
    };
    Some(sentence)
}

/// A write or send, with the reader or receiver it went straight to, who was waiting to `do` it.
fn handed(put: String, woken: Option<String>, [ko_do, en_do]: [&str; 2], lang: Lang) -> String {
    match woken {
        Some(reader) => lang.pick([
            format!("{put}: {ko_do} 기다리던 {reader}에게 바로 갑니다."),
            format!("{put}; it goes straight to {reader}, who was waiting to {en_do}."),
        ]),
        None => format!("{put}."),
    }
}

/// A read or receive, with the writer or sender it let go on: its waiting value took the freed
/// place.
fn freed(taken: String, woken: Option<String>, lang: Lang) -> String {
    match woken {
        Some(writer) => lang.pick([
            format!("{taken}: 자리가 비어 기다리던 {writer}의 값이 들어갑니다."),
            format!("{taken}; the place it frees takes the value {writer} was waiting to put."),
        ]),
        None => format!("{taken}."),
    }
}

/// A thread named as the log's other lines name it: by its process alone when that process has
/// one thread.
fn label(run: &Run, thread: proclab_core::ThreadRef) -> String {
    let scenario = run.scenario();
    let process = &scenario.processes()[thread.pid as usize];
    let name = (process.thread_count() > 1)
        .then(|| scenario.threads()[(process.first_thread() + thread.tid) as usize].name());
    proclab_view::isolate(proclab_core::render::label(process.name(), name))
}
