//! The PCB inspector: every field the course lists for one process (and its threads' TCBs) at
//! the current tick, read from the core's machine state.

use proclab_app::lang::Words;
use std::rc::Rc;

use proclab_app::i18n::Lang;
use proclab_app::simulation::Simulation;
use proclab_app::watch::text::{state_name, WatchText};
use proclab_core::render::thread_label;
use proclab_core::state::MachineState;
use proclab_core::ThreadRef;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
    pub state: Rc<MachineState>,
    pub selected: Option<ThreadRef>,
    pub onselect: Callback<ThreadRef>,
}

#[derive(Properties, PartialEq)]
struct PickerProps {
    simulation: Rc<Simulation>,
    lang: Lang,
    selected: Option<ThreadRef>,
    onselect: Callback<ThreadRef>,
}

/// Most threads the picker lists as a drop-down; beyond this the student types a name (a list of
/// 10,000 options made the page build 10,000 elements it could not usefully show).
pub const PICKER_LIST_MAX: usize = 200;

/// The threads to inspect: a list for a classroom run, a name to type for a large one. It depends
/// on the run, not on the tick, so playback does not rebuild it.
#[function_component(ThreadPicker)]
fn thread_picker(props: &PickerProps) -> Html {
    if props.simulation.scenario.threads().len() > PICKER_LIST_MAX {
        html! { <NamePicker simulation={props.simulation.clone()} selected={props.selected} onselect={props.onselect.clone()} lang={props.lang} /> }
    } else {
        html! { <ListPicker simulation={props.simulation.clone()} selected={props.selected} onselect={props.onselect.clone()} lang={props.lang} /> }
    }
}

/// A thread by the name every view gives it.
fn find_thread(simulation: &Simulation, name: &str) -> Option<ThreadRef> {
    let scenario = &simulation.scenario;
    let name = name.trim();
    scenario
        .threads()
        .iter()
        .map(|thread| ThreadRef {
            pid: thread.pid(),
            tid: thread.tid(),
        })
        .find(|&reference| thread_label(scenario, reference).eq_ignore_ascii_case(name))
}

/// The picker of a large run: a name typed, looked up on Enter or when the field is left.
#[function_component(NamePicker)]
fn name_picker(props: &PickerProps) -> Html {
    let lang = props.lang;
    let typed = use_state(String::new);
    let missing = use_state(|| false);
    let onchange = {
        let (typed, missing) = (typed.clone(), missing.clone());
        let (simulation, onselect) = (props.simulation.clone(), props.onselect.clone());
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let found = find_thread(&simulation, &value);
            missing.set(found.is_none() && !value.trim().is_empty());
            match found {
                // Found: the field follows the selection from now on (a click on the machine too).
                Some(thread) => {
                    typed.set(String::new());
                    onselect.emit(thread);
                }
                // Not found: what was typed stays, to be corrected.
                None => typed.set(value),
            }
        })
    };
    let shown = props
        .selected
        .filter(|_| typed.is_empty())
        .map(|thread| thread_label(&props.simulation.scenario, thread))
        .unwrap_or_else(|| (*typed).clone());
    html! {
        <>
            <input id="inspect-name" type="text" value={shown} {onchange}
                autocomplete="off" spellcheck="false"
                aria-invalid={missing.to_string()} aria-describedby="inspect-missing" />
            <span id="inspect-missing" class="field-error" role="status">
                { if *missing { WatchText::InspectorNotFound.get(lang) } else { "" } }
            </span>
        </>
    }
}

/// The picker of a classroom run: every thread in a drop-down.
#[function_component(ListPicker)]
fn list_picker(props: &PickerProps) -> Html {
    let onchange = {
        let onselect = props.onselect.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let mut parts = value.split('.').filter_map(|part| part.parse::<u32>().ok());
            if let (Some(pid), Some(tid)) = (parts.next(), parts.next()) {
                onselect.emit(ThreadRef { pid, tid });
            }
        })
    };
    let node = use_node_ref();
    let selected_value = props
        .selected
        .map(|thread| format!("{}.{}", thread.pid, thread.tid))
        .unwrap_or_default();
    crate::ui::field::use_select_value(node.clone(), selected_value.clone());
    let scenario = &props.simulation.scenario;
    html! {
        <select id="inspect-select" ref={node} {onchange}>
            <option value="" selected={props.selected.is_none()}>{ "—" }</option>
            { for scenario.threads().iter().map(|thread| {
                let reference = ThreadRef { pid: thread.pid(), tid: thread.tid() };
                let value = format!("{}.{}", reference.pid, reference.tid);
                html! { <option value={value.clone()} selected={value == selected_value}>{ thread_label(scenario, reference) }</option> }
            }) }
        </select>
    }
}

/// One field; `field` (its English name) is also the row's `data-field`, for tests.
/// HRRN's response ratio of a thread that waited `wait` ticks for a CPU burst of `burst`, as the
/// policy compares it: `(5 + 3) / 3 = 8/3 ≈ 2.67 (waited 5, burst 3)`.
fn ratio_words(wait: u64, burst: u64, lang: Lang) -> String {
    let top = wait + burst;
    // The fraction is the exact value; its decimal is rounded.
    let exact = if top.is_multiple_of(burst) {
        format!("{}", top / burst)
    } else {
        let approx = proclab_app::lang::hundredths(u128::from(top), u128::from(burst));
        format!("{top}/{burst} ≈ {approx}")
    };
    lang.pick([
        format!("({wait} + {burst}) / {burst} = {exact} (기다린 시간 {wait}, 버스트 {burst})"),
        format!("({wait} + {burst}) / {burst} = {exact} (waited {wait}, burst {burst})"),
    ])
}

fn row(field: &'static str, name: &str, value: String) -> Html {
    html! { <tr data-field={field}><th scope="row">{ name }</th><td>{ value }</td></tr> }
}

#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let (multilevel, feedback) = match props.simulation.scenario.spec().policy {
        proclab_core::PolicySpec::Mlfq(_) => (true, true),
        proclab_core::PolicySpec::Mlq { .. } => (true, false),
        _ => (false, false),
    };
    // A quantum means something only under the policies that slice time ("Quantum left 0"
    // under FCFS read as a fact).
    let slices = matches!(
        proclab_core::PolicyKind::of(props.simulation.scenario.policy()),
        proclab_core::PolicyKind::Rr
            | proclab_core::PolicyKind::Lottery
            | proclab_core::PolicyKind::Mlq
            | proclab_core::PolicyKind::Mlfq
    );
    let lang = props.lang;
    let state = &props.state;
    let selected = props
        .selected
        .and_then(|thread| state.thread(thread).map(|tcb| (thread, tcb)));
    html! {
        <section class="inspector" aria-labelledby="inspector-title">
            <h3 id="inspector-title">{ WatchText::Inspector.get(lang) }</h3>
            if props.simulation.scenario.threads().len() > PICKER_LIST_MAX {
                <label for="inspect-name" class="hint">{ WatchText::InspectorNameHint.get(lang) }</label>
            } else {
                <label for="inspect-select" class="hint">{ WatchText::InspectorHint.get(lang) }</label>
            }
            <ThreadPicker simulation={props.simulation.clone()} selected={props.selected} onselect={props.onselect.clone()} {lang} />
            if let Some((thread, tcb)) = selected {
                { {
                    let pcb = state.processes.get(thread.pid as usize);
                    html! {
                        <table id="pcb-table" class="pcb">
                            <caption>{ format!("PCB · {} · t={}", proclab_view::thread_label(state, thread), state.tick) }</caption>
                            <tbody>
                                { row("PID / TID", lang.pick(["PID / TID", "PID / TID"]), format!("{} / {}", thread.pid + 1, thread.tid + 1)) }
                                { row("State", lang.pick(["상태", "State"]), state_name(tcb.state, lang).to_string()) }
                                if let Some(context) = &tcb.program {
                                    // Which kind of burst it counts in: a thread in I/O counts through its I/O burst.
                                    { row("Program counter", lang.pick(["프로그램 카운터", "Program counter"]), if context.halted { "—".to_string() } else { context.pc.to_string() }) }
                                    { row("Registers", lang.pick(["레지스터", "Registers"]), proclab_core::program::Register::ALL.iter().zip(context.registers).map(|(register, value)| format!("%{}={value}", register.name())).collect::<Vec<_>>().join(" ")) }
                                    if context.computing > 0 {
                                        { row("Computing", lang.pick(["계산 중", "Computing"]), lang.pick([
                                            format!("cpu $n: {}틱 남음", context.computing),
                                            format!("cpu $n: {} ticks left", context.computing),
                                        ])) }
                                    }
                                    if let Some(wait) = proclab_app::program_view::channel_wait(state, thread, lang) {
                                        { row("Waits for", lang.pick(["기다리는 대상", "Waits for"]), wait) }
                                    } else if let Some((name, holder)) = &context.waiting_for {
                                        { row("Waits for", lang.pick(["기다리는 대상", "Waits for"]), match holder {
                                            Some(holder) => lang.pick([
                                                format!("{name} ({} 가짐)", proclab_view::thread_label(state, *holder)),
                                                format!("{name} (held by {})", proclab_view::thread_label(state, *holder)),
                                            ]),
                                            None => name.clone(),
                                        }) }
                                    }
                                } else {
                                    { row("Program counter", lang.pick(["프로그램 카운터", "Program counter"]), format!("{} / {} ({} {}: {})", tcb.program_counter, tcb.burst_length, lang.pick(["버스트", "burst"]), tcb.burst + 1, if tcb.burst % 2 == 0 { "CPU" } else { "I/O" })) }
                                    // Bursts run no instructions: there are no register values to show.
                                    { row("Registers", lang.pick(["레지스터", "Registers"]), lang.pick([
                                        "— (버스트로 정한 프로세스는 명령어를 실행하지 않아 레지스터 값이 없습니다. 프로그램을 주면 보입니다)",
                                        "— (a process given as bursts runs no instructions, so it has no register values; give it a program to see them)",
                                    ]).to_string()) }
                                }
                                { row("Priority", lang.pick(["우선순위", "Priority"]), match tcb.aged_priority {
                                    // Aging's number beside the base one: the one compared now.
                                    Some(aged) if aged != tcb.priority => lang.pick([format!("{} (에이징으로 지금 {aged})", tcb.priority), format!("{} (aged to {aged} now)", tcb.priority)]),
                                    _ => tcb.priority.to_string(),
                                }) }
                                // A level and an allotment mean something only under the policies
                                // that have them ("Allotment left 0" under SRTF read as a fact).
                                { row("Queue level", lang.pick(["큐 단계", "Queue level"]), if multilevel { tcb.level.to_string() } else { "—".into() }) }
                                { row("Quantum left", lang.pick(["남은 퀀텀", "Quantum left"]), tcb.quantum_left.filter(|_| slices).map(|q| q.to_string()).unwrap_or_else(|| "—".into())) }
                                { row("Allotment left", lang.pick(["남은 할당량", "Allotment left"]), if feedback { tcb.allotment_left.to_string() } else { "—".into() }) }
                                // A program's thread has no burst known ahead: its code decides when it blocks.
                                { row("CPU burst left", lang.pick(["남은 CPU 버스트", "CPU burst left"]), if tcb.program.is_some() || tcb.state == proclab_core::ProcessState::Exit { "—".into() } else { tcb.next_cpu_burst.to_string() }) }
                                { row("Predicted burst", lang.pick(["예측 버스트", "Predicted burst"]), tcb.predicted_milli.map(|m| format!("{}.{:03}", m / 1000, m % 1000)).unwrap_or_else(|| "—".into())) }
                                // HRRN's ratio, as a fraction with its parts: the exact number compared.
                                if let Some(wait) = tcb.ratio_wait.filter(|_| tcb.next_cpu_burst > 0) {
                                    { row("Response ratio", lang.pick(["응답률", "Response ratio"]), ratio_words(wait, tcb.next_cpu_burst, lang)) }
                                }
                                { row("CPU used", lang.pick(["사용한 CPU 시간", "CPU used"]), tcb.cpu_used.to_string()) }
                                { row("Last ran", lang.pick(["마지막 실행", "Last ran"]), if tcb.state == proclab_core::ProcessState::Running {
                                    lang.pick(["지금 실행 중", "running now"]).to_string()
                                } else {
                                    tcb.last_run.map(|t| format!("t={t}")).unwrap_or_else(|| "—".into())
                                }) }
                                { row("CPU", lang.pick(["CPU", "CPU"]), tcb.cpu.map(|c| c.to_string()).unwrap_or_else(|| "—".into())) }
                                { row("I/O status", lang.pick(["I/O 상태", "I/O status"]), tcb.io_left.map(|left| format!("{} {left}", lang.pick(["남은 I/O", "I/O left"]))).unwrap_or_else(|| "—".into())) }
                                if let Some(pcb) = pcb {
                                    { row("Process state", lang.pick(["프로세스 상태 (커널이 보는)", "Process state (as the kernel sees it)"]), state_name(pcb.state, lang).to_string()) }
                                    { row("Arrival", lang.pick(["도착", "Arrival"]), pcb.arrival.to_string()) }
                                    { row("Parent", lang.pick(["부모", "Parent"]), pcb.parent.map(|p| format!("P{}", p + 1)).unwrap_or_else(|| "init".into())) }
                                    { row("Children", lang.pick(["자식", "Children"]), if pcb.children.is_empty() { "—".into() } else { pcb.children.iter().map(|c| format!("P{}", c + 1)).collect::<Vec<_>>().join(", ") }) }
                                    { row("Threads", lang.pick(["스레드", "Threads"]), pcb.threads.iter().map(|t| format!("T{}", t + 1)).collect::<Vec<_>>().join(", ")) }
                                    { row("Process CPU total", lang.pick(["프로세스 CPU 합계", "Process CPU total"]), pcb.cpu_used.to_string()) }
                                }
                            </tbody>
                        </table>
                    }
                } }
            }
        </section>
    }
}
