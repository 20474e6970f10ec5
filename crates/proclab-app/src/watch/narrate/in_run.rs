//! The log's sentences that read the run around an event, not only the machine after it: what a
//! woken thread waited for, whether a pipe's waiter reads or writes, the numbers a preemption
//! under aging compared, and the words of the instant's other events ([`same_tick_words`]).

use super::same_tick::same_tick_words;
use super::{narrate, object_name, pipe_wait};
use crate::i18n::Lang;
use crate::lang::{object_particle, subject_particle};
use crate::program_words::sync_kind;
use proclab_core::state::MachineState;
use proclab_core::{Cause, Event, SyncKind};
use proclab_view::thread_label;

/// Whether `event`'s thread blocked on its pipe reading (else writing): the instruction of its
/// last blocked step at or before the event. The same at whatever tick the log is read (the
/// pipe's waiting readers, in a later state, no longer hold a reader that went on or ended).
fn blocked_reading(run: &proclab_core::Run, event: &Event) -> Option<bool> {
    use proclab_core::program::{Instruction, MessageOp, StepOutcome, Wait};
    let scenario = run.scenario();
    let thread =
        scenario.threads().iter().position(|thread| {
            thread.pid() == event.thread.pid && thread.tid() == event.thread.tid
        })? as u32;
    let steps = run.program_steps();
    let end = steps.partition_point(|step| step.tick <= event.tick);
    let step = steps[..end].iter().rev().take(4_096).find(|step| {
        step.thread == thread && matches!(step.outcome, StepOutcome::Blocked(Wait::Pipe(_)))
    })?;
    match crate::program_view::program_of(scenario, thread)?.instruction_at(step.pc)? {
        Instruction::Message(MessageOp::Read { .. }) => Some(true),
        Instruction::Message(MessageOp::Write { .. }) => Some(false),
        _ => None,
    }
}

/// [`narrate`] for the event at `index` of `run`'s trace: a wake-up names what its thread waited
/// for (the object of its last wait before it), where the event alone cannot; a wait on a pipe
/// says empty or full from the instruction that blocked.
pub fn narrate_in(
    run: &proclab_core::Run,
    index: usize,
    event: &Event,
    state: &MachineState,
    lang: Lang,
) -> String {
    let words = narrate_in_context(run, index, event, state, lang);
    let words = crate::watch::many_to_one::words(run, event, state, words, lang);
    let words = crate::watch::choice::with_choice_words(run, index, event, state, words, lang);
    crate::watch::cpu_queues::with_queue_words(run, event, words, lang)
}

/// [`narrate_in`] before a steal is said.
fn narrate_in_context(
    run: &proclab_core::Run,
    index: usize,
    event: &Event,
    state: &MachineState,
    lang: Lang,
) -> String {
    if let Cause::Waits { object } = event.cause {
        if object.kind == SyncKind::Pipe {
            if let Some(reads) = blocked_reading(run, event) {
                let who = thread_label(state, event.thread);
                let body = pipe_wait(&who, state, object, reads, lang);
                return format!("t={}: {body}", event.tick);
            }
        }
    }
    if let Some(body) = same_tick_words(run, index, event, state, lang) {
        return format!("t={}: {body}", event.tick);
    }
    // Under aging, the preempted thread was compared by the number it ran with, which the machine
    // after the instant no longer shows (back in the ready queue it starts again from its own):
    // read from the machine just before.
    if let (Cause::Preempted { .. }, true) = (event.cause, state.tick == event.tick) {
        let aged =
            |state: &MachineState| state.thread(event.thread).and_then(|tcb| tcb.aged_priority);
        if let (Some(again), Some(tick)) = (aged(state), event.tick.checked_sub(1)) {
            if let Some(ran_with) = aged(&run.state_at(tick)) {
                let mut compared = state.clone();
                if let Some(tcb) = compared
                    .threads
                    .iter_mut()
                    .find(|tcb| tcb.thread == event.thread)
                {
                    tcb.aged_priority = Some(ran_with);
                }
                let words = narrate(event, &compared, lang);
                // The next dispatch's line compares the number it starts again from: say so here,
                // or the 1 just beaten reads as a 9 from nowhere.
                if again == ran_with {
                    return words;
                }
                let who = thread_label(state, event.thread);
                return lang.pick([
                    format!(
                        "{words} 준비 큐로 돌아간 {who}의 우선순위는 기본값 {again}에서 다시 시작하고, 에이징은 이제부터 기다리는 시간을 셉니다."
                    ),
                    format!(
                        "{words} Back in the ready queue, {who}'s priority starts again from its base {again}; aging counts its wait from now."
                    ),
                ]);
            }
        }
    }
    let Cause::Woken { by } = event.cause else {
        return narrate(event, state, lang);
    };
    let Some(object) = waited_before(run, index, event.thread) else {
        return narrate(event, state, lang);
    };
    let (who, other) = (thread_label(state, event.thread), thread_label(state, by));
    let name = object_name(state, event.thread.pid, object);
    let kind = sync_kind(object.kind, lang);
    let what = if name.is_empty() {
        kind.to_string()
    } else {
        format!("{kind} {name}")
    };
    let last = if name.is_empty() { kind } else { name.as_str() };
    let (opening_ko, opening_en) = (
        format!(
            "{other}{} {who}{} 깨웁니다",
            subject_particle(&other),
            object_particle(&who)
        ),
        format!("{other} wakes {who}"),
    );
    let body = match object.kind {
        SyncKind::Mutex | SyncKind::SharedMutex => lang.pick([
            format!("{opening_ko}: {what}{} 얻어 준비 큐로 갑니다.", object_particle(last)),
            format!("{opening_en}: it now holds {what} and is ready again."),
        ]),
        SyncKind::Semaphore | SyncKind::SharedSemaphore => lang.pick([
            format!("{opening_ko}: {what}에 signal이 와서 wait가 끝나고 준비 큐로 갑니다."),
            format!("{opening_en}: {what} was signalled, so its wait is over and it is ready again."),
        ]),
        SyncKind::Condition => lang.pick([
            format!("{opening_ko}: {what}에 signal이 오고 뮤텍스가 비어, 뮤텍스를 얻어 준비 큐로 갑니다."),
            format!("{opening_en}: {what} was signalled and its mutex is free, so it holds the mutex and is ready again."),
        ]),
        SyncKind::Queue => lang.pick([
            format!("{opening_ko}: {what}에 기다리던 것(메시지나 빈자리)이 생겨 준비 큐로 갑니다."),
            format!("{opening_en}: {what} has what it waited for (a message or room), and it is ready again."),
        ]),
        SyncKind::Pipe => lang.pick([
            format!("{opening_ko}: {what}에 기다리던 것(값, 빈자리나 파일 끝)이 생겨 준비 큐로 갑니다."),
            format!("{opening_en}: {what} has what it waited for (a value, room or end-of-file), and it is ready again."),
        ]),
    };
    format!("t={}: {body}", event.tick)
}

/// The object `thread` last waited on before the event at `index`, looked for among the 16,384
/// events before it (a chunk at a time, newest first).
fn waited_before(
    run: &proclab_core::Run,
    index: usize,
    thread: proclab_core::ThreadRef,
) -> Option<proclab_core::SyncObject> {
    const CHUNK: usize = 512;
    const LOOK_BACK: usize = 16_384;
    let floor = index.saturating_sub(LOOK_BACK);
    let mut high = index;
    while high > floor {
        let low = high.saturating_sub(CHUNK).max(floor);
        let found = run
            .trace()
            .range(low..high)
            .filter(|event| event.thread == thread)
            .filter_map(|event| match event.cause {
                Cause::Waits { object } => Some(object),
                _ => None,
            })
            .last();
        if found.is_some() {
            return found;
        }
        high = low;
    }
    None
}
