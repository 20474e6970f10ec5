//! The narrated event log: each event in a sentence that says what happened and why.

use crate::i18n::Lang;
use crate::lang::{object_particle, subject_particle, ticks};
use crate::program_words::sync_kind;
use proclab_core::state::MachineState;
use proclab_core::{Cause, Event, PreemptReason, ProcessState, SyncKind};
use proclab_view::{control_block, thread_label};

use same_tick::same_tick_words;

mod same_tick;

/// A dispatch in words: the context saved (none from an idle CPU or after an exit) and loaded,
/// with the latency and the cache refill it costs.
fn dispatch_words(
    (who, loaded): (&str, &str),
    cpu: &str,
    saved: Option<(&str, &str)>,
    saved_exited: bool,
    (latency, stall): (u64, u64),
    lang: Lang,
) -> String {
    // The Korean sentence ends its verb, or joins the cache refill with -고.
    let (stem, end, join) = match saved {
        Some((old, _)) if saved_exited => (
            format!(
                "CPU {cpu}: {old}{} 끝나 저장할 상태가 없고, {who}의 {loaded}를 적재",
                subject_particle(old)
            ),
            "합니다",
            "하고",
        ),
        Some((old, block)) => (
            format!("CPU {cpu}: {old}의 상태를 {block}에 저장하고 {who}의 {loaded}를 적재"),
            "합니다",
            "하고",
        ),
        None => (
            format!("디스패처가 {who}{} CPU {cpu}에 올", object_particle(who)),
            "립니다",
            "리고",
        ),
    };
    let mut korean = format!("{stem}{}", if stall > 0 { join } else { end });
    let mut english = match saved {
        Some((old, _)) if saved_exited => {
            format!(
                "CPU {cpu}: {old} has exited, so there is nothing to save; load {who}'s {loaded}"
            )
        }
        Some((old, block)) => {
            format!("CPU {cpu}: save {old}'s state into its {block}, load {who}'s {loaded}")
        }
        None => format!("The dispatcher puts {who} on CPU {cpu}"),
    };
    if latency > 0 {
        korean.push_str(&format!(" (디스패치 지연 {latency}틱)"));
        english.push_str(&format!(" (dispatch latency {latency} {})", ticks(latency)));
    }
    if stall > 0 {
        korean.push_str(&format!(", 식은 캐시를 채우느라 {stall}틱 동안 멈춥니다"));
        english.push_str(&format!(", then {stall} {} of cache refill", ticks(stall)));
    }
    korean.push('.');
    english.push('.');
    lang.pick([korean, english])
}

/// One sentence for `event`; `state` is the machine after its instant (for names and priorities).
pub fn narrate(event: &Event, state: &MachineState, lang: Lang) -> String {
    let who = thread_label(state, event.thread);
    let cpu = event.cpu.map(|cpu| cpu.to_string()).unwrap_or_default();
    let tick = event.tick;
    let body = match event.cause {
        Cause::Admitted => {
            let block = control_block(state, event.thread);
            lang.pick([
                format!("{who} 생성: {block}를 만들고 준비 큐에 넣습니다."),
                format!("{who} is created: its {block} is made and it joins the ready queue."),
            ])
        }
        Cause::Dispatched {
            saved,
            latency,
            stall,
        } => {
            let saved_text = saved.map(|thread| thread_label(state, thread));
            // A thread that has just exited leaves no context to save (`state` is the machine
            // after this instant here; the log, which shows older events too, asks the trace).
            let exited = saved
                .and_then(|thread| state.thread(thread))
                .is_some_and(|tcb| tcb.state == ProcessState::Exit);
            dispatch_words(
                (&who, control_block(state, event.thread)),
                &cpu,
                saved_text
                    .as_deref()
                    .zip(saved.map(|thread| control_block(state, thread))),
                exited,
                (latency, stall),
                lang,
            )
        }
        Cause::QuantumExpired => lang.pick([
            format!("타이머 인터럽트: {who}의 퀀텀이 끝나 준비 큐로 돌아갑니다."),
            format!("Timer interrupt: {who}'s quantum is used up; back to the ready queue."),
        ]),
        Cause::Preempted { by, reason } => {
            let other = thread_label(state, by);
            // The numbers compared: aged, where aging has moved them.
            let compared = |thread| {
                state
                    .thread(thread)
                    .map(|tcb| tcb.aged_priority.unwrap_or(tcb.priority))
                    .unwrap_or_default()
            };
            let (mine, theirs) = (compared(event.thread), compared(by));
            // The numbers compared are said only with the machine of the preemption's own
            // instant: a later one (the log's past lines in a long run) has moved on.
            let own_instant = state.tick == event.tick;
            let (korean_reason, english_reason) = match reason {
                PreemptReason::HigherPriority if !own_instant => {
                    ("우선순위가 더 높음".into(), "higher priority".into())
                }
                PreemptReason::ShorterRemaining if !own_instant => {
                    ("남은 시간이 더 짧음".into(), "shorter remaining time".into())
                }
                PreemptReason::HigherPriority => (
                    format!("우선순위 {theirs}{} {mine}보다 높음", subject_particle(&theirs.to_string())),
                    format!("priority {theirs} beats {mine}"),
                ),
                PreemptReason::ShorterRemaining => {
                    // The two numbers SRTF compared: each one's CPU burst left after the instant.
                    let left = |thread| state.thread(thread).map_or(0, |tcb| tcb.next_cpu_burst);
                    let (mine, theirs) = (left(event.thread), left(by));
                    (
                        format!("남은 시간 {theirs}틱이 {mine}틱보다 짧음"),
                        format!("{theirs} {} left against {mine}", ticks(theirs)),
                    )
                }
                PreemptReason::HigherQueue => ("더 높은 큐".into(), "a higher queue".into()),
                PreemptReason::IoBump => (
                    "I/O를 마치고 큐 맨 앞으로".into(),
                    "I/O done, to the head of the queue".into(),
                ),
                PreemptReason::IoCompletion => (
                    "I/O 완료 즉시 실행".into(),
                    "runs at once on I/O completion".into(),
                ),
                PreemptReason::Boost => ("우선순위 부스트".into(), "priority boost".into()),
            };
            lang.pick([
                // The active voice: "P4가 P1을 선점합니다" reads as Korean, a passive
                // "P1이 P4에게 선점됩니다" as a translation.
                format!(
                    "{other}{} {who}{} 선점합니다 ({korean_reason}).",
                    subject_particle(&other),
                    object_particle(&who)
                ),
                format!("{who} is preempted by {other} ({english_reason})."),
            ])
        }
        Cause::IoRequested { length } => lang.pick([
            format!(
                "{who}{} I/O를 요청해 {length}틱 동안 대기 상태가 됩니다 (CPU를 내놓음).",
                subject_particle(&who)
            ),
            format!(
                "{who} requests I/O and blocks for {length} {} (giving up the CPU).",
                ticks(length)
            ),
        ]),
        Cause::Waits { object } if object.kind == SyncKind::Condition => lang.pick([
            format!(
                "{who}{} 뮤텍스를 놓고 조건 변수에서 signal을 기다리며 대기 상태가 됩니다(그 대기 큐의 끝).",
                subject_particle(&who)
            ),
            format!(
                "{who} releases the mutex and blocks on the condition until signalled (at the end of its wait queue)."
            ),
        ]),
        Cause::Waits { object } if object.kind == SyncKind::Pipe => {
            // Without the run, read from `state`: a blocked reader waits in the pipe's readers
            // (right when `state` is this instant's; `narrate_in` reads the instruction instead).
            let reads = state
                .queues
                .get(object.index as usize)
                .is_some_and(|pipe| pipe.receivers.contains(&event.thread));
            pipe_wait(&who, state, object, reads, lang)
        }
        Cause::Waits { object } => {
            let kind = sync_kind(object.kind, lang);
            // Its name, which never changes; who holds it while this thread waits for it in
            // `state` (the log passes the machine of the wait's own instant, so a past line says
            // the same whatever tick is shown).
            let name = object_name(state, event.thread.pid, object);
            let holder = state
                .thread(event.thread)
                .and_then(|tcb| tcb.program.as_ref())
                .and_then(|context| context.waiting_for.as_ref())
                .filter(|(waited, _)| *waited == name)
                .and_then(|(_, holder)| *holder)
                .map(|holder| thread_label(state, holder));
            let object = if name.is_empty() { kind.to_string() } else { format!("{kind} {name}") };
            let particle = object_particle(if name.is_empty() { kind } else { &name });
            match holder {
                Some(holder) => lang.pick([
                    format!(
                        "{who}{} {holder}{} 가진 {object}{particle} 기다리며 대기 상태가 됩니다(그 대기 큐의 끝).",
                        subject_particle(&who),
                        subject_particle(&holder)
                    ),
                    format!(
                        "{who} waits for {object}, held by {holder}, and blocks (at the end of its wait queue)."
                    ),
                ]),
                None => lang.pick([
                    format!(
                        "{who}{} {object}{particle} 기다리며 대기 상태가 됩니다(그 대기 큐의 끝).",
                        subject_particle(&who)
                    ),
                    format!("{who} waits for {object} and blocks (at the end of its wait queue)."),
                ]),
            }
        }
        Cause::Woken { by } => {
            let other = thread_label(state, by);
            lang.pick([
                format!(
                    "{other}{} {who}{} 깨웁니다: 기다리던 것(뮤텍스, 세마포어, 메시지, 파이프의 값이나 자리, 파일 끝)을 받아 준비 큐로 갑니다.",
                    subject_particle(&other),
                    object_particle(&who)
                ),
                format!(
                    "{other} wakes {who}: it gets what it waited for (the mutex, the semaphore, a message, a pipe's value, room or end-of-file) and is ready again."
                ),
            ])
        }
        Cause::IoCompleted => lang.pick([
            format!(
                "I/O 완료 인터럽트: {who}{} 준비 큐로 돌아갑니다.",
                subject_particle(&who)
            ),
            format!("I/O completion interrupt: {who} is ready again."),
        ]),
        Cause::Exited => lang.pick([
            format!(
                "{who}{} 마지막 버스트를 마치고 종료합니다.",
                subject_particle(&who)
            ),
            format!("{who} finishes its last burst and exits."),
        ]),
        Cause::Boosted => lang.pick([
            format!(
                "우선순위 부스트: {who}{} 맨 위 단계로 올라갑니다.",
                subject_particle(&who)
            ),
            format!("Priority boost: {who} moves to the top level."),
        ]),
        Cause::Demoted { level } => lang.pick([
            format!(
                "{who}{} 할당량을 다 써서 {level}단계로 내려갑니다.",
                subject_particle(&who)
            ),
            format!("{who} used up its allotment and drops to level {level}."),
        ]),
    };
    let held = match event.cause {
        Cause::IoRequested { .. } | Cause::Waits { .. } => {
            super::many_to_one::held_with(state, event.thread, lang)
        }
        _ => String::new(),
    };
    format!("t={tick}: {body}{held}")
}

/// A thread blocked on a pipe: empty for a reader, full for a writer.
fn pipe_wait(
    who: &str,
    state: &MachineState,
    object: proclab_core::SyncObject,
    reads: bool,
    lang: Lang,
) -> String {
    let name = state
        .queues
        .get(object.index as usize)
        .map_or("", |pipe| pipe.name.as_str());
    match reads {
        true => lang.pick([
            format!(
                "{who}{} 대기 상태가 됩니다: 파이프 {name}{} 비어 있음(읽을 값이 들어올 때까지).",
                subject_particle(who),
                subject_particle(name)
            ),
            format!("{who} blocks: pipe {name} empty (until a value is written)."),
        ]),
        false => lang.pick([
            format!(
                "{who}{} 대기 상태가 됩니다: 파이프 {name}{} 가득 참(누가 읽어 자리가 날 때까지).",
                subject_particle(who),
                subject_particle(name)
            ),
            format!("{who} blocks: pipe {name} full (until a value is read)."),
        ]),
    }
}

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
    let words = super::many_to_one::words(run, event, state, words, lang);
    let words = super::choice::with_choice_words(run, index, event, state, words, lang);
    super::cpu_queues::with_queue_words(run, event, words, lang)
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

/// The declared name of a sync object a thread of process `pid` waits for, from the machine
/// state (names never change): a process's own objects in its memory, the shared segment's and
/// the channels for every process. Empty if the state does not list it.
fn object_name(state: &MachineState, pid: u32, object: proclab_core::SyncObject) -> String {
    let nth_of_kind = |objects: &[proclab_core::state::SyncObjectState]| {
        objects
            .iter()
            .filter(|listed| listed.kind == object.kind)
            .nth(object.index as usize)
            .map(|listed| listed.name.clone())
    };
    let name = match object.kind {
        SyncKind::Queue | SyncKind::Pipe => state
            .queues
            .get(object.index as usize)
            .map(|queue| queue.name.clone()),
        SyncKind::SharedMutex | SyncKind::SharedSemaphore => nth_of_kind(&state.shared_sync),
        SyncKind::Mutex | SyncKind::Semaphore | SyncKind::Condition => state
            .memories
            .iter()
            .find(|memory| memory.pid == pid)
            .and_then(|memory| nth_of_kind(&memory.sync)),
    };
    name.unwrap_or_default()
}

#[cfg(test)]
mod tests;
