//! The narrated event log: each event in a sentence that says what happened and why.

use crate::i18n::Lang;
use crate::lang::{object_particle, subject_particle, ticks};
use crate::program_words::sync_kind;
use proclab_core::state::MachineState;
use proclab_core::{Cause, Event, PreemptReason, ProcessState, SyncKind};
use proclab_view::{control_block, thread_label};

pub use in_run::narrate_in;
pub use together::creations_together;

mod in_run;
mod same_tick;
mod together;

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

/// A creation in words: `who` is made its control block `block` (PCB or TCB) and queued.
fn admitted_words(who: &str, block: &str, lang: Lang) -> String {
    lang.pick([
        format!("{who} 생성: {block}를 만들고 준비 큐에 넣습니다."),
        format!("{who} is created: its {block} is made and it joins the ready queue."),
    ])
}

/// One sentence for `event`; `state` is the machine after its instant (for names and priorities).
pub fn narrate(event: &Event, state: &MachineState, lang: Lang) -> String {
    let who = thread_label(state, event.thread);
    let cpu = event.cpu.map(|cpu| cpu.to_string()).unwrap_or_default();
    let tick = event.tick;
    let body = match event.cause {
        Cause::Admitted => admitted_words(&who, control_block(state, event.thread), lang),
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
