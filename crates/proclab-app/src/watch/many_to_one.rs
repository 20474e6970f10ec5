//! User-level threads (many-to-one) in the narrated log: the kernel sees processes only, so a
//! thread that blocks holds its ready siblings, a switch saves and loads the process's PCB, and
//! a new thread's TCB is the thread library's.

use crate::i18n::Lang;
use crate::lang::subject_particle;
use proclab_core::state::MachineState;
use proclab_core::{Cause, Event, ProcessState};
use proclab_view::{control_block, thread_label};

/// Many-to-one: when a thread of a user-level process blocks, the kernel sees the whole process
/// blocked, and its other ready threads cannot run until it is back (" The kernel sees one
/// process (many-to-one): P1.T2 and P1.T3 wait with it."); empty otherwise. `state` is the machine
/// after the blocking instant.
pub(super) fn held_with(
    state: &MachineState,
    thread: proclab_core::ThreadRef,
    lang: Lang,
) -> String {
    let Some(process) = state.processes.get(thread.pid as usize) else {
        return String::new();
    };
    if process.state != ProcessState::Blocked {
        return String::new();
    }
    let held: Vec<String> = state
        .threads
        .iter()
        .filter(|tcb| {
            tcb.thread.pid == thread.pid && tcb.thread != thread && tcb.state == ProcessState::Ready
        })
        .map(|tcb| thread_label(state, tcb.thread))
        .collect();
    let Some(last) = held.last() else {
        return String::new();
    };
    let list = match (lang, held.split_last()) {
        (Lang::En, Some((last, rest))) if !rest.is_empty() => {
            format!("{} and {last}", rest.join(", "))
        }
        _ => held.join(", "),
    };
    lang.pick([
        format!(
            " 커널은 프로세스 하나만 봅니다(다대일): 준비된 {list}{} 함께 기다립니다.",
            subject_particle(last)
        ),
        format!(
            " The kernel sees one process (many-to-one): ready {list} {} with it.",
            if held.len() == 1 { "waits" } else { "wait" }
        ),
    ])
}

/// Under user-level threads (many-to-one) the kernel knows processes only: a switch saves and
/// loads a process's PCB, and a new thread is made by the thread library, which keeps its TCB in
/// a ready list of its own (the kernel's ready queue holds the process).
pub(super) fn words(
    run: &proclab_core::Run,
    event: &Event,
    state: &MachineState,
    words: String,
    lang: Lang,
) -> String {
    if run.scenario().machine().thread_model != proclab_core::spec::ThreadModel::User {
        return words;
    }
    match event.cause {
        Cause::Dispatched { .. } => words.replace("TCB", "PCB"),
        Cause::Admitted if control_block(state, event.thread) == "TCB" => {
            let who = thread_label(state, event.thread);
            let process = state
                .processes
                .get(event.thread.pid as usize)
                .map_or_else(String::new, |pcb| pcb.name.clone());
            lang.pick([
                format!(
                    "t={}: {who} 생성: 스레드 라이브러리가 TCB를 만들어 자기 준비 목록에 넣습니다(커널은 {process}만 봅니다).",
                    event.tick
                ),
                format!(
                    "t={}: {who} is created: the thread library makes its TCB and keeps it in its own ready list (the kernel sees only {process}).",
                    event.tick
                ),
            ])
        }
        _ => words,
    }
}
