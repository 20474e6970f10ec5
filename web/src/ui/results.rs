//! The numbers of a run: the metrics table per process with each column's definition, the totals,
//! and the conventions in force. Every figure is read from the core's `Metrics`.
//!
//! A long table builds only the rows in view ([`proclab_app::rows`]): its box scrolls, with the
//! header and the averages kept in sight, and two spacer rows stand for the rows not built.

use proclab_app::lang::Words;
use std::rc::Rc;

use proclab_app::chart::text::stopped_note;
use proclab_app::i18n::{Lang, Text};
use proclab_app::simulation::Simulation;
use proclab_app::terms;
use proclab_core::Convention;
use proclab_core::ProcessMetrics;
use yew::prelude::*;

use super::windowed::{use_windowed, Windowed};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
}

/// A column header whose definition shows on hover and on keyboard focus.
fn header(lang: Lang, name: Text, definition: Text) -> Html {
    let class = match name {
        Text::Arrival => Some("arrival"),
        Text::Completion => Some("completion"),
        _ => None,
    };
    // The heading's name is its word alone (read at every column change); the definition is its
    // description.
    let id = format!("definition-{:?}", name).to_lowercase();
    html! {
        <th scope="col" {class}>
            <span class="defined" tabindex="0" title={definition.get(lang)} aria-describedby={id.clone()}>
                { name.get(lang) }
                <span class="definition" role="tooltip" {id}>{ definition.get(lang) }</span>
            </span>
        </th>
    }
}

/// A total's name with its definition, shown as a column heading's is (on hover and focus; on
/// a phone along the bottom of the screen): a title alone was never seen on a touch screen.
fn defined_total(lang: Lang, name: Text, definition: Text) -> Html {
    let id = format!("definition-{:?}", name).to_lowercase();
    html! {
        <dt>
            <span class="defined" tabindex="0" aria-describedby={id.clone()}>
                { name.get(lang) }
                <span class="definition" role="tooltip" {id}>{ definition.get(lang) }</span>
            </span>
        </dt>
    }
}

#[function_component(MetricsTable)]
pub fn metrics_table(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let run = &props.simulation.run;
    let metrics = props.simulation.run.metrics();
    let totals = &metrics.totals;
    // The four numbers every exercise asks for come first; the rest is one click away.
    let more = use_state(|| false);
    let toggle = {
        let more = more.clone();
        Callback::from(move |event: Event| {
            more.set(
                event
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            )
        })
    };
    let extra = *more;
    let total = metrics.processes.len();
    // A process of several threads: its waiting and the rest are sums over threads that live
    // side by side (a sum can exceed the turnaround); such cells say so.
    let processes = props.simulation.scenario.processes();
    let summed = |pid: u32| {
        let threads = processes
            .get(pid as usize)
            .map_or(1, |process| process.thread_count());
        (threads > 1).then(|| {
            lang.pick([
                format!("스레드 {threads}개의 합"),
                format!("the sum over its {threads} threads"),
            ])
        })
    };
    let any_summed = processes.iter().any(|process| process.thread_count() > 1);
    // Ticks blocked on a lock, a semaphore, a condition or a message, per process: a column of
    // its own where any thread has some, so that the other columns add up to the turnaround.
    let blocked = metrics.blocked_per_process();
    // The processes a stopped run left unfinished: their completion is the stop, marked so.
    let unfinished = use_memo(Rc::clone(&props.simulation), |simulation| {
        proclab_app::chart::text::unfinished_processes(&simulation.run)
    });
    let stopped_at = |pid: u32| {
        unfinished
            .get(pid as usize)
            .copied()
            .unwrap_or(false)
            .then(|| {
                let end = run.end_tick();
                lang.pick([
                    format!("끝나기 전에 t={end}에 멈춤: 그때까지로 셈"),
                    format!("stopped at t={end} before it exited: counted up to then"),
                ])
            })
    };
    let Windowed {
        scroller,
        onscroll,
        windowed,
        window,
    } = use_windowed(total, "tbody tr[data-pid]", extra);
    let columns = match (extra, blocked.is_some()) {
        (false, _) => 6,
        (true, false) => 12,
        (true, true) => 13,
    };
    let spacer = |height: u64| {
        (height > 0).then(|| html! {
            <tr class="spacer" aria-hidden="true" style={format!("height:{height}px")}><td colspan={columns.to_string()}></td></tr>
        })
    };
    html! {
        <section class="metrics" aria-labelledby="metrics-title">
            <div class="metrics-head">
                <h2 id="metrics-title">{ Text::Metrics.get(lang) }</h2>
                <label class="inline-check">
                    <input type="checkbox" id="more-metrics" checked={extra} onchange={toggle} />
                    { Text::MoreColumns.get(lang) }
                </label>
            </div>
            if !extra {
                <p id="phone-columns-hint" class="hint">{ Text::PhoneColumnsHint.get(lang) }</p>
            }
            if let Some(note) = stopped_note(run, lang) {
                <p id="run-stopped" class="warning">{ note }</p>
            }
            <div class={classes!("table-scroll", windowed.then_some("windowed"))} tabindex="0" role="region"
                aria-labelledby="metrics-title" ref={scroller} {onscroll}>
            <table id="metrics-table" class={classes!(extra.then_some("all-columns"))}
                aria-rowcount={windowed.then(|| (total + 2).to_string())}>
                <thead><tr>
                    <th scope="col">{ Text::Process.get(lang) }</th>
                    { header(lang, Text::Arrival, Text::ArrivalHint) }
                    { header(lang, Text::Completion, Text::CompletionDef) }
                    { header(lang, Text::Turnaround, Text::TurnaroundDef) }
                    { header(lang, Text::Waiting, Text::WaitingDef) }
                    { header(lang, Text::Response, Text::ResponseDef) }
                    if extra {
                        { header(lang, Text::CpuTime, Text::CpuTimeDef) }
                        { header(lang, Text::IoTime, Text::IoTimeDef) }
                        if blocked.is_some() {
                            { header(lang, Text::SyncTime, Text::SyncTimeDef) }
                        }
                        { header(lang, Text::SwitchTime, Text::SwitchTimeDef) }
                        { header(lang, Text::StallTime, Text::StallTimeDef) }
                        { header(lang, Text::Dispatches, Text::DispatchesDef) }
                        { header(lang, Text::Preemptions, Text::PreemptionsDef) }
                    }
                </tr></thead>
                <tbody>
                    { spacer(window.above) }
                    { for metrics.processes[window.rows.clone()].iter().zip(window.rows.clone())
                        .map(|(process, index)| metrics_row(process, index, windowed, extra, summed(process.pid), stopped_at(process.pid),
                            blocked.as_ref().map(|blocked| blocked.get(process.pid as usize).copied().unwrap_or(0)))) }
                    { spacer(window.below) }
                </tbody>
                <tfoot><tr>
                    <th scope="row">{ Text::Average.get(lang) }</th>
                    <td class="arrival"></td><td class="completion"></td>
                    <td id="avg-turnaround">{ totals.average_turnaround.to_string() }</td>
                    <td id="avg-waiting">{ totals.average_waiting.to_string() }</td>
                    <td id="avg-response">{ totals.average_response.to_string() }</td>
                    if extra { <td></td><td></td><td></td><td></td><td></td><td></td> }
                    if extra && blocked.is_some() { <td></td> }
                </tr></tfoot>
            </table>
            </div>
            <dl class="totals">
                <div>{ defined_total(lang, Text::Utilisation, Text::UtilisationDef) }<dd id="utilisation" title={Text::UtilisationDef.get(lang)}>{ format!("{} %", totals.utilisation.percent()) }</dd></div>
                <div>{ defined_total(lang, Text::Throughput, Text::ThroughputDef) }<dd id="throughput" title={Text::ThroughputDef.get(lang)}>{ format!("{}/{} = {} / {}", totals.throughput.num, totals.throughput.den, totals.throughput, Text::Tick.get(lang)) }</dd></div>
                <div><dt>{ Text::ContextSwitches.get(lang) }</dt><dd id="context-switches">{ totals.context_switches }</dd></div>
                <div><dt>{ Text::SwitchTicks.get(lang) }</dt><dd id="switch-ticks">{ totals.switch_ticks }</dd></div>
                <div><dt>{ Text::StallTicks.get(lang) }</dt><dd id="stall-ticks">{ totals.stall_ticks }</dd></div>
                <div>{ defined_total(lang, Text::Migrations, Text::MigrationsDef) }<dd id="migrations" title={Text::MigrationsDef.get(lang)}>{ totals.migrations }</dd></div>
                <div><dt>{ Text::Makespan.get(lang) }</dt><dd id="makespan">{ format!("{}–{}", totals.first_arrival, totals.last_completion) }</dd></div>
            </dl>
            <p class="hint">{ Text::MetricsExplain.get(lang) }</p>
            // With switch or refill ticks, turnaround − burst is more than waiting: said where
            // it shows, not only in the column's tooltip (a phone has none).
            if totals.switch_ticks + totals.stall_ticks > 0 {
                <p class="hint" id="waiting-note">{ Text::WaitingApartNote.get(lang) }</p>
            }
            if any_summed {
                <p class="hint" id="summed-note">{ Text::SummedNote.get(lang) }</p>
            }
        </section>
    }
}

/// One process's row; `aria-rowindex` (1-based, after the header) when the table is windowed.
fn metrics_row(
    process: &ProcessMetrics,
    index: usize,
    windowed: bool,
    extra: bool,
    summed: Option<String>,
    stopped: Option<String>,
    blocked: Option<u64>,
) -> Html {
    // A sum over threads: marked Σ (by the style sheet) and named in the cell's title.
    let sum = |class: &'static str, value: u64| {
        html! { <td {class} data-summed={summed.is_some().then_some("true")} title={summed.clone()}>{ value }</td> }
    };
    html! {
        <tr data-pid={process.pid.to_string()} aria-rowindex={windowed.then(|| (index + 2).to_string())}>
            <th scope="row">{ &process.name }</th>
            <td class="arrival">{ process.arrival }</td>
            <td class="completion" data-stopped={stopped.is_some().then_some("true")} title={stopped.clone()}>{ process.completion }</td>
            <td class="turnaround" data-stopped={stopped.is_some().then_some("true")} title={stopped}>{ process.turnaround }</td>
            { sum("waiting", process.waiting) }
            <td class="response">{ process.response }</td>
            if extra {
                { sum("cpu", process.cpu) }
                { sum("io", process.io) }
                if let Some(blocked) = blocked {
                    { sum("sync", blocked) }
                }
                { sum("switch", process.switch) }
                { sum("stall", process.stall) }
                { sum("dispatches", process.dispatches) }
                { sum("preemptions", process.preemptions) }
            }
        </tr>
    }
}

/// The policy's own rule (ties, when it preempts), then one line when the textbook defaults hold;
/// otherwise only what differs from them.
#[function_component(ConventionsInForce)]
pub fn conventions_in_force(props: &ResultsProps) -> Html {
    let lang = props.lang;
    // Each changed convention with whether it changes this run (a second run each: once per run).
    let differing = use_memo(Rc::clone(&props.simulation), |simulation| {
        Convention::differing(simulation.scenario.conventions())
            .map(|convention| (convention, simulation.convention_changes_run(convention)))
            .collect::<Vec<(Convention, Option<bool>)>>()
    });
    // Read from the whole trace (and, for a lock held at exit, the machine at its end): once per
    // run and language, not per render.
    let notes = use_memo(
        (Rc::clone(&props.simulation), lang),
        |(simulation, lang)| {
            (
                proclab_app::run_notes::policy_effect(&simulation.run, *lang),
                proclab_app::run_notes::held_at_exit(&simulation.run, *lang),
                proclab_app::run_notes::zero_io(&simulation.run, *lang),
            )
        },
    );
    let (effect, held, zero_io) = &*notes;
    html! {
        <section class="in-force" aria-labelledby="in-force-title">
            <h3 id="in-force-title">{ Text::ConventionsInForce.get(lang) }</h3>
            <p id="policy-rule">{ terms::policy_rule(&props.simulation.scenario.spec().policy, lang) }</p>
            if let Some(note) = effect {
                <p id="policy-effect" class="policy-effect" role="note">{ note.clone() }</p>
            }
            { for held.iter().map(|note| html! { <p class="policy-effect held-at-exit" role="note">{ note }</p> }) }
            if let Some(note) = zero_io {
                <p id="zero-io" class="policy-effect" role="note">{ note.clone() }</p>
            }
            if let Some(rule) = terms::switch_rule(&props.simulation.scenario, lang) {
                <p id="switch-rule">{ rule }</p>
            }
            if differing.is_empty() {
                <p id="conventions-default">{ Text::TextbookDefaults.get(lang) }</p>
            } else {
                <p>{ Text::DefaultsExcept.get(lang) }</p>
                <ul>
                    { for differing.iter().map(|&(convention, changes)| {
                        let (label, hint) = terms::convention_words(convention, lang);
                        html! {
                            <li>{ label }<span class="hint">{ " (" }{ hint }{ ")" }</span>
                            // Whether it matters here, where the run could be made again to tell.
                            if let Some(changes) = changes {
                                <span class={classes!("difference", (!changes).then_some("no-difference"))}>{ " " }{
                                    if changes { Text::ChangesThisRun.get(lang) } else { Text::NoDifferenceHere.get(lang) }
                                }</span>
                            }
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

/// The run's workload and whether the form now holds something else (problems to fix).
#[derive(Properties, PartialEq)]
pub struct PractiseProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
    pub stale: bool,
}

/// An invitation to work the run out by hand in Practice: a link to the exercise of this
/// workload, or why this workload cannot be one. While the form has problems the results are
/// the last valid ones, so no exercise is offered of them.
#[function_component(PractiseWorkload)]
pub fn practise_workload(props: &PractiseProps) -> Html {
    use proclab_app::practice::set::ExerciseSet;
    use proclab_app::practice::text::PracticeText as T;
    let lang = props.lang;
    let set = use_memo(props.simulation.clone(), |simulation| {
        ExerciseSet::of_workload(simulation.scenario.spec())
    });
    // The same workload under every policy a chart exercise asks: one link for a lesson.
    let every = use_memo(props.simulation.clone(), |simulation| {
        ExerciseSet::under_every_policy(simulation.scenario.spec())
            .ok()
            .filter(|set| set.exercises.len() > 1)
    });
    html! {
        <section class="practise-own" aria-labelledby="practise-own-title">
            <h3 id="practise-own-title">{ T::PractiseOwnTitle.get(lang) }</h3>
            { match set.as_ref() {
                _ if props.stale => html! { <p id="practise-workload-why" class="hint">{ T::PractiseFixFirst.get(lang) }</p> },
                Ok(set) => html! {
                    <>
                        <p class="hint">{ T::PractiseOwnIntro.get(lang) }</p>
                        <a id="practise-workload" class="button" href={format!("#/practice?{}={}", proclab_app::practice::set::PARAM, set.encode())}
                        onclick={Callback::from(|_: MouseEvent| crate::practice::open_at_exercise())}>
                            { T::PractiseOwnButton.get(lang) }</a>
                        if let Some(every) = every.as_ref() {
                            { " " }
                            <a id="practise-every-policy" class="button" href={format!("#/practice?{}={}", proclab_app::practice::set::PARAM, every.encode())}
                            onclick={Callback::from(|_: MouseEvent| crate::practice::open_at_exercise())}>
                                { format!("{} ({})", T::PractiseEveryPolicy.get(lang), every.exercises.len()) }</a>
                        }
                    </>
                },
                Err(problem) => html! { <p id="practise-workload-why" class="hint">{ problem.message(lang) }</p> },
            } }
        </section>
    }
}
