//! The narrated event log: each event in a sentence that says what happened and why.

use crate::i18n::Lang;
use crate::lang::{object_particle, subject_particle, ticks};
use crate::program_words::sync_kind;
use proclab_core::program::StepOutcome;
use proclab_core::spec::RequeueOrder;
use proclab_core::state::MachineState;
use proclab_core::{Cause, Event, PreemptReason, ProcessState, SyncKind};
use proclab_view::{control_block, thread_label};

use super::picked_again;

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
            let (mine, theirs) = (
                state
                    .thread(event.thread)
                    .map(|tcb| tcb.priority)
                    .unwrap_or_default(),
                state.thread(by).map(|tcb| tcb.priority).unwrap_or_default(),
            );
            let (korean_reason, english_reason) = match reason {
                PreemptReason::HigherPriority => (
                    format!("우선순위 {theirs}{} {mine}보다 높음", subject_particle(&theirs.to_string())),
                    format!("priority {theirs} beats {mine}"),
                ),
                PreemptReason::ShorterRemaining => (
                    "남은 시간이 더 짧음".into(),
                    "shorter remaining time".into(),
                ),
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

/// What an event means given the others of its tick, where that changes the sentence:
/// - a thread switched out in the instant it exited has nothing saved;
/// - a program's thread ends at its `halt` or by a fault;
/// - the thread whose quantum just ended, picked again with nobody else ready, is no switch (and
///   its timer interrupt says so);
/// - a thread sent back to the ready queue goes behind the threads that arrive in the same tick
///   (the default convention), though the log lists their arrival after it;
/// - with an explicit schedule ("schedule it yourself", `x86.py -P`) each choice runs one tick
///   and the next choice, not a timer or an empty ready queue, says who runs next.
fn same_tick_words(
    run: &proclab_core::Run,
    index: usize,
    event: &Event,
    state: &MachineState,
    lang: Lang,
) -> Option<String> {
    // Walked out from `index` through the compact trace, never the whole event list.
    let trace = run.trace();
    let earlier = || {
        (0..index)
            .rev()
            .map_while(|at| trace.get(at).filter(|other| other.tick == event.tick))
    };
    let later = || {
        (index + 1..trace.len())
            .map_while(|at| trace.get(at).filter(|other| other.tick == event.tick))
    };
    let who = thread_label(state, event.thread);
    let scheduled = run.scenario().spec().schedule.is_some();
    // Another CPU was given a thread in this instant.
    let several_picked = || {
        earlier()
            .chain(later())
            .any(|other| other.cpu != event.cpu && matches!(other.cause, Cause::Dispatched { .. }))
    };
    match event.cause {
        Cause::Dispatched {
            saved: None,
            latency: 0,
            stall: 0,
        } => {
            let continues = earlier().any(|before| {
                before.thread == event.thread
                    && before.cpu == event.cpu
                    && before.from == ProcessState::Running
            });
            let cpu = event.cpu?;
            if continues && scheduled {
                return Some(lang.pick([
                    format!(
                        "스케줄의 다음 선택도 {who}입니다. CPU {cpu}에서 계속 실행하므로 저장하거나 적재할 것이 없고, 문맥 교환이 아닙니다."
                    ),
                    format!(
                        "The schedule's next choice is {who} again: it keeps running on CPU {cpu}, so nothing is saved or loaded and there is no context switch."
                    ),
                ]));
            }
            if !continues {
                return None;
            }
            let again = picked_again::why(run, event, several_picked());
            Some(picked_again::keeps_running(&again, &who, cpu, lang))
        }
        Cause::Dispatched {
            saved: Some(old),
            latency,
            stall,
        } => {
            // Whether the thread saved exited in this instant: the trace says, not `state`,
            // which is the machine at the playhead (the thread may have exited since).
            let exited =
                earlier().any(|before| before.thread == old && before.to == ProcessState::Exit);
            let cpu = event.cpu?.to_string();
            let saved = thread_label(state, old);
            Some(dispatch_words(
                (&who, control_block(state, event.thread)),
                &cpu,
                Some((&saved, control_block(state, old))),
                exited,
                (latency, stall),
                lang,
            ))
        }
        Cause::Exited => {
            // A thread running a program ends at its `halt` or at a fault: say which.
            let scenario = run.scenario();
            let index = scenario
                .processes()
                .get(event.thread.pid as usize)?
                .first_thread()
                + event.thread.tid;
            let steps = run.program_steps();
            let upto = steps.partition_point(|step| step.tick <= event.tick);
            let last = steps[..upto]
                .iter()
                .rev()
                .find(|step| step.thread == index)?;
            match &last.outcome {
                StepOutcome::Fault(what) => Some(lang.pick([
                    format!(
                        "{who}{} 오류로 끝납니다: {}.",
                        subject_particle(&who),
                        crate::program_words::fault_words(what, lang)
                    ),
                    format!(
                        "{who} ends by a fault: {}.",
                        crate::program_words::fault_words(what, lang)
                    ),
                ])),
                StepOutcome::Halted => Some(lang.pick([
                    format!("{who}{} halt를 실행해 끝납니다.", subject_particle(&who)),
                    format!("{who} runs halt and exits."),
                ])),
                _ => None,
            }
        }
        Cause::QuantumExpired => {
            let picked_again = later().any(|after| {
                after.thread == event.thread
                    && after.cpu == event.cpu
                    && matches!(after.cause, Cause::Dispatched { saved: None, .. })
            });
            if scheduled {
                // Each choice of the schedule runs one tick; the policy's quantum plays no part.
                return Some(if picked_again {
                    lang.pick([
                        format!("{who}의 한 틱이 끝났습니다. 스케줄의 다음 선택도 {who}입니다."),
                        format!(
                            "{who}'s tick is over, and the schedule's next choice is {who} again."
                        ),
                    ])
                } else {
                    lang.pick([
                        format!("{who}의 한 틱이 끝나 준비 큐로 돌아갑니다. 다음에 실행할 스레드는 스케줄이 정합니다."),
                        format!("{who}'s tick is over: back to the ready queue. The schedule names the thread that runs next."),
                    ])
                });
            }
            if picked_again {
                let again = picked_again::why(run, event, several_picked());
                let cpu = event.cpu.unwrap_or_default();
                return Some(picked_again::timer_interrupt(&again, &who, cpu, lang));
            }
            if run.scenario().conventions().requeue_order != RequeueOrder::AfterArrivals {
                return None;
            }
            // Threads entering the ready queue in this tick go first: arrivals and I/O
            // completions alike (`docs/semantics.md`, "Same-instant order").
            // With several levels (MLFQ, MLQ) only those entering the same level are ahead of
            // it: the machine after the instant says who is where.
            let now = run.state_at(event.tick);
            let level = |thread| now.thread(thread).map(|tcb| tcb.level);
            let same_level = |thread| now.ready.len() <= 1 || level(thread) == level(event.thread);
            let entering = |cause: Cause| -> Vec<String> {
                later()
                    .filter(|after| after.cause == cause && same_level(after.thread))
                    .map(|after| thread_label(state, after.thread))
                    .collect()
            };
            let (arrivals, back) = (entering(Cause::Admitted), entering(Cause::IoCompleted));
            let (arrivals, back) = (arrivals.join(", "), back.join(", "));
            let [ko, en] = match (arrivals.is_empty(), back.is_empty()) {
                (true, true) => return None,
                (false, true) => [
                    format!("같은 틱에 도착하는 {arrivals}의 뒤에 섭니다(같은 틱에는 새로 도착한 쪽이 먼저 줄을 섭니다)"),
                    format!("behind {arrivals}, arriving in this tick (arrivals of the same tick queue first)"),
                ],
                (true, false) => [
                    format!("같은 틱에 I/O가 끝나는 {back}의 뒤에 섭니다(같은 틱에 준비 상태가 되는 쪽이 먼저 줄을 섭니다)"),
                    format!("behind {back}, whose I/O ends in this tick (threads that become ready in the same tick queue first)"),
                ],
                (false, false) => [
                    format!("같은 틱에 I/O가 끝나는 {back}, 도착하는 {arrivals}의 뒤에 섭니다(같은 틱에 준비 상태가 되는 쪽이 먼저 줄을 섭니다)"),
                    format!("behind {back}, whose I/O ends, and {arrivals}, arriving, in this tick (threads that become ready in the same tick queue first)"),
                ],
            };
            Some(lang.pick([
                format!("타이머 인터럽트: {who}의 퀀텀이 끝나 준비 큐로 돌아가는데, {ko}."),
                format!(
                    "Timer interrupt: {who}'s quantum is used up; back to the ready queue, {en}."
                ),
            ]))
        }
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
mod tests {
    use super::*;

    /// The whole log as the page shows it at the end, every line worded with the end state.
    fn said_at_end(run: &proclab_core::Run) -> Vec<String> {
        let end = run.state_at(run.end_tick());
        run.events()
            .iter()
            .enumerate()
            .map(|(index, event)| narrate_in(run, index, event, &end, Lang::En))
            .collect()
    }

    /// The log's lines of `tick`, as the page words them with the machine at that tick.
    fn said_at(run: &proclab_core::Run, tick: u64, lang: Lang) -> Vec<String> {
        let state = run.state_at(tick);
        run.events()
            .iter()
            .enumerate()
            .filter(|(_, event)| event.tick == tick)
            .map(|(index, event)| narrate_in(run, index, event, &state, lang))
            .collect()
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_blocking_user_level_thread_holds_its_ready_siblings_and_threads_keep_tcbs() {
        let spec = proclab_core::presets::preset("threads-user-level")
            .unwrap()
            .spec;
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let mut told = 0;
        for event in run.events() {
            if !matches!(event.cause, Cause::IoRequested { .. }) {
                continue;
            }
            let state = run.state_at(event.tick);
            // Its siblings the kernel holds: ready at user level, in a process seen as Blocked.
            let held: Vec<String> = state
                .threads
                .iter()
                .filter(|tcb| tcb.thread.pid == event.thread.pid && tcb.thread != event.thread)
                .filter(|tcb| tcb.state == ProcessState::Ready)
                .map(|tcb| thread_label(&state, tcb.thread))
                .collect();
            let line = said_at(&run, event.tick, Lang::En)
                .into_iter()
                .find(|line| line.contains("requests I/O"))
                .unwrap();
            if held.is_empty() {
                assert!(!line.contains("many-to-one"), "{line}");
            } else {
                told += 1;
                for name in &held {
                    assert!(
                        line.contains(name.as_str()) && line.contains("many-to-one"),
                        "{line}"
                    );
                }
                let korean = said_at(&run, event.tick, Lang::Ko).join(" ");
                assert!(korean.contains("다대일"), "{korean}");
            }
        }
        assert!(told > 0, "a thread's I/O holds its siblings");
        // Kernel-level threads: the same work, nobody held.
        let spec = proclab_core::presets::preset("threads-kernel-level")
            .unwrap()
            .spec;
        let kernel = proclab_core::simulate_spec(&spec).unwrap();
        assert!(said_at_end(&kernel)
            .iter()
            .all(|line| !line.contains("many-to-one")));
        // Many-to-one: the library makes a thread's TCB; the kernel switches PCBs.
        let lines = said_at_end(&run);
        assert!(
            lines
                .iter()
                .any(|line| line.contains("the thread library makes its TCB")),
            "{lines:?}"
        );
        assert!(
            lines.iter().all(|line| !line.contains("into its TCB")),
            "{lines:?}"
        );
        // Kernel-level threads: each has its TCB, which a switch saves and loads.
        let lines = said_at_end(&kernel);
        assert!(
            lines
                .iter()
                .any(|line| line.contains("is created: its TCB is made")),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|line| line.contains("into its TCB")),
            "{lines:?}"
        );
        let fcfs = proclab_core::presets::preset("fcfs-convoy").unwrap().spec;
        let lone = said_at_end(&proclab_core::simulate_spec(&fcfs).unwrap());
        assert!(lone.iter().all(|line| !line.contains("TCB")), "{lone:?}");
        assert!(lone.iter().any(|line| line.contains("its PCB is made")));
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_continuing_thread_is_no_switch_an_exited_one_saves_nothing_and_arrivals_queue_first() {
        // Silberschatz's SRTF workload under RR q=2.
        let spec: proclab_core::ScenarioSpec = serde_json::from_str(
            r#"{"processes":[{"name":"P1","arrival":0,"bursts":[{"cpu":8}]},{"name":"P2","arrival":1,"bursts":[{"cpu":4}]},{"name":"P3","arrival":2,"bursts":[{"cpu":9}]},{"name":"P4","arrival":3,"bursts":[{"cpu":5}]}],"policy":{"kind":"rr","quantum":2}}"#,
        )
        .unwrap();
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let said = |tick: u64, lang: Lang| said_at(&run, tick, lang);
        // t=2: P1's quantum ends as P3 arrives; P3 is ahead of P1 in the queue.
        let at_two = said(2, Lang::En);
        assert!(
            at_two.iter().any(|line| {
                line.contains(
                "P1's quantum is used up; back to the ready queue, behind P3, arriving in this tick"
            )
            }),
            "{at_two:?}"
        );
        assert_eq!(
            run.state_at(2).ready[0].first().map(|thread| thread.pid),
            Some(2),
            "P3 first"
        );
        // t=23: P4 exits and P3 is loaded: nothing of P4's is saved.
        let at_exit = said(23, Lang::En);
        assert!(
            at_exit
                .iter()
                .any(|line| line
                    .contains("P4 has exited, so there is nothing to save; load P3's PCB")),
            "{at_exit:?}"
        );
        assert!(!at_exit.iter().any(|line| line.contains("save P4's state")));
        assert!(said(23, Lang::Ko)
            .iter()
            .any(|line| line.contains("P4가 끝나 저장할 상태가 없고")));
        // t=25: P3, alone, goes on after its quantum: no switch.
        let at_end = said(25, Lang::En);
        assert!(
            at_end.iter().any(|line| line.contains(
                "P3's quantum is used up, but no other thread is ready, so P3 is picked again"
            )),
            "{at_end:?}"
        );
        assert!(
            at_end
                .iter()
                .any(|line| line.contains("P3 keeps running on CPU 0")
                    && line.contains("no context switch")),
            "{at_end:?}"
        );
        assert!(said(25, Lang::Ko)
            .iter()
            .any(|line| line.contains("P3이 CPU 0에서 계속 실행합니다")));
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_thread_sent_back_queues_behind_an_io_completion_of_the_same_tick() {
        // RR q=2: P1 runs 0-2, P2 2-3 then I/O until 5, P1 3-5; at 5 P2's I/O ends as P1's
        // quantum does, and P2 runs first.
        let spec: proclab_core::ScenarioSpec = serde_json::from_str(
            r#"{"processes":[{"name":"P1","arrival":0,"bursts":[{"cpu":6}]},{"name":"P2","arrival":0,"bursts":[{"cpu":1},{"io":2},{"cpu":1}]}],"policy":{"kind":"rr","quantum":2}}"#,
        )
        .unwrap();
        let run = proclab_core::simulate_spec(&spec).unwrap();
        assert_eq!(
            run.state_at(5).cpus[0].last.map(|thread| thread.pid),
            Some(1),
            "P2 is on the CPU at 5"
        );
        let en = said_at(&run, 5, Lang::En).join("\n");
        assert!(
            en.contains("P1's quantum is used up; back to the ready queue, behind P2, whose I/O ends in this tick"),
            "{en}"
        );
        let ko = said_at(&run, 5, Lang::Ko).join("\n");
        assert!(
            ko.contains("같은 틱에 I/O가 끝나는 P2의 뒤에 섭니다"),
            "{ko}"
        );
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_thread_picked_again_is_said_alone_only_when_no_other_is_ready() {
        // Every preset and several policies over one workload: whenever a timer interrupt's line
        // says nobody else is ready, the machine of that instant agrees.
        let mut specs: Vec<proclab_core::ScenarioSpec> = proclab_core::presets::presets()
            .into_iter()
            .map(|preset| preset.spec)
            .collect();
        let base = proclab_core::presets::preset("affinity-on").unwrap().spec;
        for policy in [
            r#"{"kind":"mlfq","levels":[{"quantum":2},{"quantum":4}],"boost_period":20}"#,
            r#"{"kind":"lottery","quantum":2}"#,
        ] {
            let mut spec = base.clone();
            spec.policy = serde_json::from_str(policy).unwrap();
            specs.push(spec);
        }
        let mut checked = 0;
        for spec in &specs {
            let Ok(run) = proclab_core::simulate_spec(spec) else {
                continue;
            };
            for (index, event) in run.events().iter().enumerate() {
                if event.cause != Cause::QuantumExpired {
                    continue;
                }
                let state = run.state_at(event.tick);
                let line = narrate_in(&run, index, event, &state, Lang::En);
                if line.contains("no other thread is ready") {
                    checked += 1;
                    let others = state.ready.iter().flatten().filter(|t| **t != event.thread);
                    assert_eq!(others.count(), 0, "{line}");
                }
            }
        }
        assert!(checked > 10, "{checked} lines checked");
        // With affinity, at t=8 A is among the picks for the two free CPUs, with B still ready.
        let run = proclab_core::simulate_spec(&base).unwrap();
        let at_eight = said_at(&run, 8, Lang::En).join("\n");
        assert!(
            at_eight.contains("affinity puts it back on CPU 0, where it last ran"),
            "{at_eight}"
        );
        assert!(!at_eight.contains("no other thread is ready"), "{at_eight}");
        assert!(said_at(&run, 8, Lang::Ko)
            .join("\n")
            .contains("친화성에 따라 A를 마지막으로 실행했던 CPU 0에 다시 놓습니다"));
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_schedule_of_ones_own_is_told_as_choices_not_as_timer_interrupts() {
        // The lost-update example under RR q=4, scheduled by hand: T1 one tick, T2 five, T1 two.
        // T1 waits in the ready queue throughout T2's five ticks; the quantum plays no part.
        let mut spec = proclab_core::presets::preset("race-two-threads")
            .unwrap()
            .spec;
        spec.schedule = Some(proclab_core::ScheduleSpec {
            threads: vec![0, 1, 1, 1, 1, 1, 0, 0],
            repeat: false,
        });
        let run = proclab_core::simulate_spec(&spec).unwrap();
        for lang in [Lang::En, Lang::Ko] {
            let said: Vec<String> = (0..=run.end_tick())
                .flat_map(|tick| said_at(&run, tick, lang))
                .collect();
            let text = said.join("\n");
            for wrong in [
                "Timer interrupt",
                "no other thread is ready",
                "타이머 인터럽트",
                "준비된 다른 스레드가 없어",
            ] {
                assert!(!text.contains(wrong), "{lang:?}: {wrong} in {text}");
            }
            let again = lang.pick([
                "스케줄의 다음 선택도 P1.T2",
                "the schedule's next choice is P1.T2 again",
            ]);
            assert!(text.contains(again), "{lang:?}: {text}");
        }
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn the_log_read_at_the_end_still_saves_threads_that_exited_later_and_names_a_fault() {
        let mut spec = proclab_core::presets::preset("pipe-writer-reader")
            .unwrap()
            .spec;
        let run = proclab_core::simulate_spec(&spec).unwrap();
        // The whole log as the page shows it at the end, every line worded with the end state.
        let said = said_at_end(&run);
        assert!(
            said.iter()
                .any(|line| line.contains("save Writer's state into its PCB")),
            "{said:?}"
        );
        // Only a thread that exits in that very instant has nothing saved.
        for (line, event) in said.iter().zip(run.events()) {
            if let Cause::Dispatched {
                saved: Some(old), ..
            } = event.cause
            {
                let exits_then = run.events().iter().any(|other| {
                    other.tick == event.tick
                        && other.thread == old
                        && other.to == ProcessState::Exit
                });
                assert_eq!(line.contains("has exited"), exits_then, "{line}");
            }
        }
        assert!(
            said.iter().any(|line| line.contains("runs halt and exits")),
            "{said:?}"
        );
        // Writing 300 to a pipe of bytes faults and ends the writer: the log says so.
        let program = &mut spec.processes[0].program;
        *program = program.replace("mov $1, %ax", "mov $300, %ax");
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let end = run.state_at(run.end_tick());
        let exits = |lang: Lang| -> Vec<String> {
            run.events()
                .iter()
                .enumerate()
                .filter(|(_, event)| matches!(event.cause, Cause::Exited))
                .map(|(index, event)| narrate_in(&run, index, event, &end, lang))
                .collect()
        };
        let english = exits(Lang::En);
        assert!(
            english
                .iter()
                .any(|line| line.contains("Writer ends by a fault:") && line.contains("300")),
            "{english:?}"
        );
        let korean = exits(Lang::Ko);
        assert!(
            korean
                .iter()
                .any(|line| line.contains("Writer가 오류로 끝납니다")),
            "{korean:?}"
        );
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_condition_wait_says_it_releases_the_mutex() {
        let spec: proclab_core::ScenarioSpec = serde_json::from_str(
            r#"{"processes":[{"program":".mutex m\n.cond c\n.main\nlock m\nwait c, m\nhalt\n","threads":[{}]}]}"#,
        )
        .unwrap();
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let waits = run
            .events()
            .iter()
            .find(|event| matches!(event.cause, Cause::Waits { .. }))
            .cloned()
            .unwrap();
        let state = run.state_at(waits.tick);
        assert_eq!(
            narrate(&waits, &state, Lang::En),
            "t=2: P1 releases the mutex and blocks on the condition until signalled (at the end of its wait queue)."
        );
        assert_eq!(
            narrate(&waits, &state, Lang::Ko),
            "t=2: P1이 뮤텍스를 놓고 조건 변수에서 signal을 기다리며 대기 상태가 됩니다(그 대기 큐의 끝)."
        );
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_pipe_wait_says_full_or_empty_and_who_wakes_whom() {
        let spec = proclab_core::presets::preset("pipe-writer-reader")
            .unwrap()
            .spec;
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let said: Vec<String> = run
            .events()
            .iter()
            .filter(|event| matches!(event.cause, Cause::Waits { .. } | Cause::Woken { .. }))
            .map(|event| narrate(event, &run.state_at(event.tick), Lang::En))
            .collect();
        assert_eq!(said.len(), 4, "{said:?}");
        assert!(
            said[0].ends_with("Writer blocks: pipe p full (until a value is read)."),
            "{said:?}"
        );
        assert!(said[1].contains("Reader wakes Writer"), "{said:?}");
        assert!(
            said[2].ends_with("Reader blocks: pipe p empty (until a value is written)."),
            "{said:?}"
        );
        assert!(said[3].contains("Writer wakes Reader"), "{said:?}");
        let first_wait = run
            .events()
            .iter()
            .find(|event| matches!(event.cause, Cause::Waits { .. }))
            .unwrap();
        let korean = narrate(first_wait, &run.state_at(first_wait.tick), Lang::Ko);
        assert!(
            korean.contains("Writer가 대기 상태가 됩니다: 파이프 p가 가득 참"),
            "{korean}"
        );
        // The log reads every line with the state at its playhead: at the run's end, where the
        // reader no longer waits, its wait still says empty (it said full from t=39 on).
        let end = run.state_at(run.end_tick());
        let logged: Vec<String> = run
            .events()
            .iter()
            .enumerate()
            .filter(|(_, event)| matches!(event.cause, Cause::Waits { .. }))
            .map(|(index, event)| narrate_in(&run, index, event, &end, Lang::En))
            .collect();
        assert_eq!(logged.len(), 2, "{logged:?}");
        assert!(logged[0].ends_with("Writer blocks: pipe p full (until a value is read)."));
        assert!(
            logged[1].ends_with("Reader blocks: pipe p empty (until a value is written)."),
            "{logged:?}"
        );
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_wake_up_in_the_log_names_what_its_thread_waited_for() {
        for (preset, object) in [
            ("pipe-writer-reader", "pipe p"),
            ("mutex-blocking", "mutex"),
        ] {
            let spec = proclab_core::presets::preset(preset).unwrap().spec;
            let run = proclab_core::simulate_spec(&spec).unwrap();
            let mut woken = 0;
            for (index, event) in run.events().iter().enumerate() {
                if !matches!(event.cause, Cause::Woken { .. }) {
                    continue;
                }
                woken += 1;
                let state = run.state_at(event.tick);
                let english = narrate_in(&run, index, event, &state, Lang::En);
                assert!(english.contains(object), "{preset}: {english}");
                assert!(!english.contains("the mutex, the semaphore"), "{english}");
                let korean = narrate_in(&run, index, event, &state, Lang::Ko);
                assert!(korean.contains("깨웁니다: "), "{korean}");
                assert!(!korean.contains("뮤텍스, 세마포어, 메시지"), "{korean}");
            }
            assert!(woken > 0, "{preset} has no wake-up");
        }
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_steal_from_another_cpus_queue_is_said_and_each_is_a_migration() {
        use proclab_core::spec::{PolicySpec, QueueTopology, ScenarioSpec};
        // A (0, 6) and B (0, 2) start on the two CPUs; C (1, 3) joins CPU 0's queue; at t=2 B is
        // done and CPU 1, its own queue empty, takes C from CPU 0's.
        let mut spec = ScenarioSpec {
            processes: vec![
                proclab_core::presets::process("A", 0, &[6]),
                proclab_core::presets::process("B", 0, &[2]),
                proclab_core::presets::process("C", 1, &[3]),
            ],
            policy: PolicySpec::Fcfs,
            ..ScenarioSpec::default()
        };
        spec.machine.cpus = 2;
        spec.machine.topology = QueueTopology::PerCpu;
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let said = said_at_end(&run);
        let steals: Vec<&String> = said
            .iter()
            .filter(|line| line.contains("took the thread from CPU"))
            .collect();
        assert_eq!(steals.len(), 1, "{said:#?}");
        assert!(
            steals[0].starts_with("t=2: CPU 1")
                && steals[0].contains("load C's PCB")
                && steals[0].contains("from CPU 0's ready queue"),
            "{}",
            steals[0]
        );
        assert_eq!(run.metrics().totals.migrations, 1);
        // C is created into CPU 0's queue, where CPU 1 finds it.
        assert!(
            said.iter().any(|line| line.starts_with("t=1: C is created")
                && line.ends_with("(CPU 0's ready queue)")),
            "{said:#?}"
        );
        // The example of per-CPU queues: as many steals said as migrations counted.
        let example = proclab_core::presets::preset("per-cpu-queues")
            .unwrap()
            .spec;
        let run = proclab_core::simulate_spec(&example).unwrap();
        let end = run.state_at(run.end_tick());
        let said = run
            .events()
            .iter()
            .enumerate()
            .filter(|(index, event)| {
                narrate_in(&run, *index, event, &end, Lang::En).contains("took the thread from CPU")
            })
            .count() as u64;
        assert!(said > 0);
        assert_eq!(said, run.metrics().totals.migrations);
        // A shared queue steals nothing.
        spec.machine.topology = QueueTopology::Shared;
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let end = run.state_at(run.end_tick());
        assert!(run
            .events()
            .iter()
            .enumerate()
            .all(
                |(index, event)| !narrate_in(&run, index, event, &end, Lang::En)
                    .contains("took the thread")
            ));
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_demoted_thread_is_not_said_to_queue_behind_an_arrival_on_another_level() {
        use proclab_core::spec::{LevelSpec, MlfqSpec, PolicySpec, ScenarioSpec};
        // A's first quantum ends at t=2 as C arrives: A drops to level 1, C enters level 0.
        let level = |quantum| LevelSpec {
            quantum,
            allotment: 1,
        };
        let spec = ScenarioSpec {
            processes: vec![
                proclab_core::presets::process("A", 0, &[12]),
                proclab_core::presets::process("B", 1, &[1, 3, 1, 3, 1]),
                proclab_core::presets::process("C", 2, &[6]),
            ],
            policy: PolicySpec::Mlfq(MlfqSpec {
                levels: vec![level(Some(2)), level(Some(4)), level(None)],
                boost_period: Some(10),
                ..MlfqSpec::default()
            }),
            ..ScenarioSpec::default()
        };
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let said = said_at_end(&run);
        let expired = said
            .iter()
            .find(|line| line.starts_with("t=2: Timer interrupt: A's quantum is used up"))
            .expect("A's quantum ends at t=2");
        assert!(!expired.contains("behind C"), "{expired}");
        // Every "behind X" names a thread on the same level as the one sent back.
        for (event, line) in run.events().iter().zip(&said) {
            let Some((_, rest)) = line.split_once(", behind ") else {
                continue;
            };
            let now = run.state_at(event.tick);
            let mine = now.thread(event.thread).unwrap().level;
            for other in now.threads.iter().filter(|tcb| {
                rest.starts_with(&format!("{},", tcb.name))
                    || rest.starts_with(&format!("{} ", tcb.name))
            }) {
                assert_eq!(other.level, mine, "{line}");
            }
        }
    }
}
