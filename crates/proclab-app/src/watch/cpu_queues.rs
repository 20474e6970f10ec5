//! With per-CPU ready queues, the log's words on which CPU's queue a thread joins and when a CPU
//! takes a thread from another CPU's queue (a steal, counted as a migration).

use crate::i18n::Lang;
use proclab_core::spec::QueueTopology;
use proclab_core::state::MachineState;
use proclab_core::{Cause, Event, Run, ThreadRef};

/// `words`, the log's sentence for `event`, with the CPU queue it names under per-CPU queues:
/// the queue a thread joins, or the queue a steal took it from.
pub(super) fn with_queue_words(run: &Run, event: &Event, words: String, lang: Lang) -> String {
    if run.scenario().machine().topology != QueueTopology::PerCpu {
        return words;
    }
    let words = match queued_on(run, event) {
        Some(cpu) => format!(
            "{words} {}",
            lang.pick([
                format!("(CPU {cpu}의 준비 큐)"),
                format!("(CPU {cpu}'s ready queue)"),
            ])
        ),
        None => words,
    };
    match stolen_from(run, event) {
        Some(from) => {
            let to = event.cpu.unwrap_or_default();
            format!(
                "{words} {}",
                lang.pick([
                    format!("(CPU {to}의 큐가 비어 CPU {from}의 준비 큐에서 가져옴: 이주 1회)"),
                    format!("(CPU {to}'s own queue was empty, so it took the thread from CPU {from}'s ready queue: a migration)"),
                ])
            )
        }
        None => words,
    }
}

/// The CPU whose ready queue holds `thread` in `state`, if any.
fn queue_holding(state: &MachineState, thread: ThreadRef) -> Option<u32> {
    state
        .ready_per_cpu
        .iter()
        .position(|levels| levels.iter().flatten().any(|queued| *queued == thread))
        .map(|cpu| cpu as u32)
}

/// The CPU whose ready queue a thread created, sent back or done with its I/O joins, read from
/// the machine after the instant (`None` if it was dispatched at once).
fn queued_on(run: &Run, event: &Event) -> Option<u32> {
    if !matches!(
        event.cause,
        Cause::Admitted | Cause::QuantumExpired | Cause::Preempted { .. } | Cause::IoCompleted
    ) {
        return None;
    }
    queue_holding(&run.state_at(event.tick), event.thread)
}

/// The CPU whose ready queue a thread dispatched onto another CPU was taken from (a steal,
/// counted as a migration): the queue it waited in at the end of the tick before, or, sent
/// back in this very instant, the CPU it had been running on.
fn stolen_from(run: &Run, event: &Event) -> Option<u32> {
    if !matches!(event.cause, Cause::Dispatched { .. }) || event.tick == 0 {
        return None;
    }
    let (before, after) = (run.state_at(event.tick - 1), run.state_at(event.tick));
    let migrations = |state: &MachineState| state.thread(event.thread).map(|tcb| tcb.migrations);
    if migrations(&after)? <= migrations(&before)? {
        return None;
    }
    queue_holding(&before, event.thread).or_else(|| before.thread(event.thread)?.cpu)
}
