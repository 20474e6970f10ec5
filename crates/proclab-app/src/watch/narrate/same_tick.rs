//! The sentence of an event that the other events of its tick change.

use super::dispatch_words;
use crate::i18n::Lang;
use crate::lang::subject_particle;
use crate::watch::picked_again;
use proclab_core::program::StepOutcome;
use proclab_core::spec::RequeueOrder;
use proclab_core::state::MachineState;
use proclab_core::{Cause, Event, ProcessState};
use proclab_view::{control_block, thread_label};

/// What an event means given the others of its tick, where that changes the sentence:
/// - a thread switched out in the instant it exited has nothing saved;
/// - a program's thread ends at its `halt` or by a fault;
/// - the thread whose quantum just ended, picked again with nobody else ready, is no switch (and
///   its timer interrupt says so);
/// - a thread sent back to the ready queue goes behind the threads that arrive in the same tick
///   (the default convention), though the log lists their arrival after it;
/// - with an explicit schedule ("schedule it yourself", `x86.py -P`) each choice runs one tick
///   and the next choice, not a timer or an empty ready queue, says who runs next.
pub(super) fn same_tick_words(
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
                // Bursts with operations run as a program the scenario wrote: their student
                // wrote no halt, so the exit is told as the bursts' own.
                StepOutcome::Halted
                    if scenario
                        .spec()
                        .processes
                        .get(event.thread.pid as usize)
                        .is_some_and(|process| process.program.trim().is_empty()) =>
                {
                    None
                }
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
            // Demoted in this instant too: the demotion comes next in the log, and the pick after
            // it ("keeps running"), so the interrupt says only what it does (it had said the
            // thread was picked again before the demotion that comes first).
            let demoted = later().any(|after| {
                after.thread == event.thread && matches!(after.cause, Cause::Demoted { .. })
            });
            if picked_again && demoted {
                return Some(lang.pick([
                    format!("타이머 인터럽트: {who}의 퀀텀이 끝났습니다."),
                    format!("Timer interrupt: {who}'s quantum is used up."),
                ]));
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
