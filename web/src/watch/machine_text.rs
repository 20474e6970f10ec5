//! The machine in words: what each CPU does, each ready queue in order, who waits for I/O and who
//! waits for each mutex, semaphore or condition, in a list a screen reader (and a test) can read.

use std::rc::Rc;

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::text::{ticks_left, WatchText};
use proclab_core::state::{CpuActivity, CpuState, MachineState};
use proclab_core::ThreadRef;
use proclab_view::{thread_label, TurnKey};
use yew::prelude::*;

/// Most entries a queue or the I/O list spells out; the rest are counted.
const LISTED: usize = 24;

/// `items` joined by `separator`, the first [`LISTED`] of them, then `… +N`; `—` when empty.
fn listed(items: impl ExactSizeIterator<Item = String>, separator: &str) -> String {
    let total = items.len();
    if total == 0 {
        return "—".to_string();
    }
    let mut text = items.take(LISTED).collect::<Vec<_>>().join(separator);
    if total > LISTED {
        text.push_str(&format!(" … +{}", total - LISTED));
    }
    text
}

/// What goes on through a tick with no event of its own, in sentences: each CPU still loading a
/// thread's context or refilling its cache, or starting to run it now that both are done (empty
/// when no CPU is switching). `before` is the machine a tick earlier.
pub fn going_on(before: &MachineState, state: &MachineState, lang: Lang) -> String {
    let label = |thread: ThreadRef| thread_label(state, thread);
    state
        .cpus
        .iter()
        .filter_map(|cpu| {
            let number = cpu.cpu;
            let was_switching = |to: ThreadRef| {
                before.cpus.iter().any(|earlier| {
                    earlier.cpu == number
                        && matches!(earlier.activity,
                            CpuActivity::Dispatching { thread, .. } | CpuActivity::Stalling { thread, .. } if thread == to)
                })
            };
            match cpu.activity {
                CpuActivity::Running { thread } if was_switching(thread) => Some(lang.pick([
                    format!("CPU {number}이 {}{} 실행하기 시작합니다: 문맥 교환(과 캐시 채우기)이 끝났습니다.", label(thread), proclab_app::lang::object_particle(&label(thread))),
                    format!("CPU {number} starts running {}: the switch (and any cache refill) is done.", label(thread)),
                ])),
                CpuActivity::Dispatching { thread, until, .. } => Some(lang.pick([
                    format!("CPU {number}이 아직 {}의 문맥을 적재하는 중입니다(디스패치 지연, {}).", label(thread), ticks_left(until.saturating_sub(state.tick), lang)),
                    format!("CPU {number} is still loading {}'s context (dispatch latency, {}).", label(thread), ticks_left(until.saturating_sub(state.tick), lang)),
                ])),
                CpuActivity::Stalling { thread, until, cold } => Some(lang.pick([
                    format!("CPU {number}이 {}의 캐시를 채우는 중입니다(식은 단위 {cold}개, {}). 채운 뒤에야 실행합니다.", label(thread), ticks_left(until.saturating_sub(state.tick), lang)),
                    format!("CPU {number} is refilling {}'s cache ({cold} cold {}, {}); it runs once they are in.", label(thread), if cold == 1 { "unit" } else { "units" }, ticks_left(until.saturating_sub(state.tick), lang)),
                ])),
                _ => None,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The instructions the CPUs run through a tick with no event of its own, in sentences: `CPU 0
/// runs line 9 of P1.T1: test $0, %bx.` (such a tick had said only that nothing new happens,
/// beside a CPU box showing the instruction). Empty when no CPU runs a program's instruction.
pub fn running(
    state: &MachineState,
    instructions: &[proclab_app::program_view::RunningInstruction],
    lang: Lang,
) -> String {
    instructions
        .iter()
        .map(|running| {
            let (cpu, thread, code) = (
                running.cpu,
                thread_label(state, running.thread),
                &running.code,
            );
            match running.line {
                Some(line) => lang.pick([
                    format!("CPU {cpu}이 {thread}의 {line}행을 실행합니다: {code}."),
                    format!("CPU {cpu} runs line {line} of {thread}: {code}."),
                ]),
                None => lang.pick([
                    format!("CPU {cpu}이 {thread}의 명령어를 실행합니다: {code}."),
                    format!("CPU {cpu} runs an instruction of {thread}: {code}."),
                ]),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One CPU in words: what it runs, loads or waits for.
fn cpu_line(cpu: &CpuState, state: &MachineState, lang: Lang, awaiting: bool) -> String {
    let label = |thread: ThreadRef| thread_label(state, thread);
    let doing = match cpu.activity {
        CpuActivity::Idle if awaiting => WatchText::AwaitingChoice.get(lang).to_string(),
        CpuActivity::Idle => WatchText::Idle.get(lang).to_string(),
        CpuActivity::Running { thread } => label(thread),
        CpuActivity::HeldFor { thread } => {
            format!("{} ({})", WatchText::Idle.get(lang), label(thread))
        }
        CpuActivity::Dispatching { thread, until, .. } => format!(
            "{} → {} ({})",
            WatchText::Latency.get(lang),
            label(thread),
            ticks_left(until.saturating_sub(state.tick), lang)
        ),
        CpuActivity::Stalling { thread, until, .. } => format!(
            "{} {} ({})",
            WatchText::Refill.get(lang),
            label(thread),
            ticks_left(until.saturating_sub(state.tick), lang)
        ),
    };
    // On a multilevel queue, the queue its thread came from, as the picture says.
    let level = match cpu.activity {
        CpuActivity::Running { thread }
        | CpuActivity::Dispatching { thread, .. }
        | CpuActivity::Stalling { thread, .. }
            if state.ready.len() > 1 =>
        {
            state.thread(thread).map(|tcb| {
                format!(
                    " · {}",
                    WatchText::Level
                        .get(lang)
                        .replace("{n}", &tcb.level.to_string())
                )
            })
        }
        _ => None,
    };
    format!(
        "{} {}: {doing}{}",
        WatchText::Cpu.get(lang),
        cpu.cpu,
        level.unwrap_or_default()
    )
}

/// What the picture marks beside a queued thread, said after its name: what orders the queue
/// under SJF, SRTF, priority scheduling or HRRN (`r7`, `τ4.5`, `p2`, `R8/3`), or under round
/// robin and the multilevel queues the slice left of a preempted thread and, on more than one
/// level, the allotment left (`q1 a3`); none under FCFS.
fn queued_mark(key: TurnKey, state: &MachineState, thread: ThreadRef) -> Option<String> {
    let multilevel = state.ready.len() > 1;
    state
        .thread(thread)
        .map(|tcb| key.queued(tcb, multilevel))
        .filter(|mark| !mark.is_empty())
}

/// What the picture marks beside the thread a CPU runs: its slice left, or what the policy
/// compares an arrival's with (`q2`, `r4`, `p1`).
fn running_mark(key: TurnKey, state: &MachineState, thread: ThreadRef) -> Option<String> {
    state
        .thread(thread)
        .map(|tcb| key.running(tcb))
        .filter(|mark| !mark.is_empty())
}

/// The name of ready queue `level`: numbered only when there are several.
fn queue_title(level: usize, queues: usize, lang: Lang) -> String {
    let number = if queues > 1 {
        format!(" {level}")
    } else {
        String::new()
    };
    format!("{}{number}: ", WatchText::ReadyQueue.get(lang))
}

#[derive(Properties, PartialEq)]
pub struct MachineTextProps {
    pub lang: Lang,
    /// The machine after the current instant.
    pub state: Rc<MachineState>,
    /// The student's schedule is used up at this instant: an idle CPU waits for their choice.
    #[prop_or_default]
    pub awaiting: bool,
    /// What the policy picks by: each queued and running thread is followed by its mark, as the
    /// picture draws it (none under FCFS).
    #[prop_or_default]
    pub turn_key: TurnKey,
}

#[function_component(MachineText)]
pub fn machine_text(props: &MachineTextProps) -> Html {
    let (lang, state) = (props.lang, &*props.state);
    let key = props.turn_key;
    let label = |thread: ThreadRef| thread_label(state, thread);
    let queued = |thread: ThreadRef| match queued_mark(key, state, thread) {
        Some(mark) => format!("{} ({mark})", label(thread)),
        None => label(thread),
    };
    html! {
        <ul id="machine-text" class="machine-text" aria-label={WatchText::MachineNow.get(lang)}>
            { for state.cpus.iter().map(|cpu| html! {
                <li id={format!("cpu-{}", cpu.cpu)}>
                    { cpu_line(cpu, state, lang, props.awaiting) }
                    { match cpu.activity {
                        CpuActivity::Running { thread } => running_mark(key, state, thread).map(|mark| format!(" · {mark}")).unwrap_or_default(),
                        _ => String::new(),
                    } }
                </li>
            }) }
            if state.ready_per_cpu.is_empty() {
                { for state.ready.iter().enumerate().map(|(level, queue)| html! {
                    <li id={format!("ready-{level}")}>
                        { queue_title(level, state.ready.len(), lang) }
                        { listed(queue.iter().map(|thread| queued(*thread)), " → ") }
                    </li>
                }) }
            } else {
                // Per-CPU queues: each CPU's own, as the picture draws them.
                { for state.ready_per_cpu.iter().enumerate().flat_map(|(cpu, levels)| levels.iter().enumerate().map(move |(level, queue)| (cpu, level, queue))).map(|(cpu, level, queue)| html! {
                    <li id={format!("ready-cpu{cpu}-{level}")}>
                        { format!("{} {cpu} · ", WatchText::Cpu.get(lang)) }
                        { queue_title(level, state.ready.len(), lang) }
                        { listed(queue.iter().map(|thread| queued(*thread)), " → ") }
                    </li>
                }) }
            }
            <li id="io-now">
                { format!("{}: ", WatchText::Io.get(lang)) }
                { listed(state.blocked.iter().map(|entry| format!("{} ({})", label(entry.thread), entry.io_left)), ", ") }
            </li>
            // Each mutex, semaphore or condition someone waits for: its own wait queue.
            { for state.memories.iter().flat_map(|memory| memory.sync.iter().map(move |object| (Some(memory.pid), object))).chain(state.shared_sync.iter().map(|object| (None, object))).filter(|(_, object)| !object.waiters.is_empty()).map(|(pid, object)| {
                // Objects belong to a process: name it when several processes run programs (the
                // shared segment's belong to every process that names them).
                let owner = match pid {
                    Some(pid) if state.memories.len() > 1 => state.processes.get(pid as usize).map(|pcb| format!("{}:", pcb.name)).unwrap_or_default(),
                    _ => String::new(),
                };
                let kind = proclab_app::program_words::sync_kind(object.kind, lang);
                html! {
                    <li class="wait-queue" data-sync={object.name.clone()}>
                        { lang.pick([
                            format!("{kind} {owner}{} 대기 큐: ", object.name),
                            format!("Waiting for {kind} {owner}{}: ", object.name),
                        ]) }
                        { listed(object.waiters.iter().map(|thread| label(*thread)), " → ") }
                        { object.holder.map(|holder| lang.pick([
                            format!(" ({} 가짐)", label(holder)),
                            format!(" (held by {})", label(holder)),
                        ])).unwrap_or_default() }
                    </li>
                }
            }) }
            // Each message queue and pipe: what it holds and who waits to put in or take out.
            { for proclab_app::program_view::channel_rows(state, lang).into_iter().map(|row| html! {
                <li class="channel" data-channel={row.name.clone()}>
                    { lang.pick([
                        format!("{} {}: {}; 보내거나 쓰려고 기다림 {}; 받거나 읽으려고 기다림 {}", row.kind, row.name, row.held, row.senders, row.receivers),
                        format!("{} {}: {}; waiting to send or write {}; to receive or read {}", row.kind, row.name, row.held, row.senders, row.receivers),
                    ]) }
                    if row.pipe {
                        { lang.pick([format!("; 열린 쓰기 끝 {}", row.writers), format!("; write ends open: {}", row.writers)]) }
                    }
                </li>
            }) }
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_long_list_names_the_first_entries_and_counts_the_rest() {
        let names = |count: u32| (1..count + 1).map(|n| format!("P{n}"));
        assert_eq!(listed(names(0), ", "), "—");
        assert_eq!(listed(names(3), " → "), "P1 → P2 → P3");
        let long = listed(names(30), ", ");
        assert!(long.starts_with("P1, P2, "));
        assert!(long.ends_with("P24 … +6"), "{long}");
    }
}
