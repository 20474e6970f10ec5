//! The results of the warm-up cache model (OSTEP `multi.py`'s machine): a Gantt row per CPU
//! where cold running is striped and warm running solid and starred, the CPUs at a chosen tick in
//! words, each job's completion and turnaround, and each CPU's utilisation and warm share. The
//! figures come from [`proclab_app::chart::warmup`], which reads the core's `WarmupRun`; this
//! file only lays them out.

use std::rc::Rc;

use crate::files;
use proclab_app::chart::palette::{Fill, Pattern};
use proclab_app::chart::warmup::{self, WarmupChart, WarmupSegment, MIN_TICK_PX};
use proclab_app::i18n::{Lang, Text};
use proclab_app::lang::Words;
use proclab_app::simulation::Simulation;
use proclab_core::warmup::render;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WarmupResultsProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
}

/// The CSS background of a fill: solid, or striped with white for cold running.
fn background(fill: Fill) -> String {
    let colour = fill.colour.hex();
    match fill.pattern {
        Pattern::Hatch => format!(
            "background: repeating-linear-gradient(135deg, {colour} 0 5px, #ffffff 5px 9px); border: 2px solid {colour};"
        ),
        _ => format!("background: {colour};"),
    }
}

fn percent_of(part: u64, whole: u64) -> String {
    // Thousandths of a percent are far below a pixel.
    let whole = whole.max(1);
    format!("{:.3}%", part as f64 * 100.0 / whole as f64)
}

fn segment(segment: &WarmupSegment, end: u64) -> Html {
    let style = format!(
        "left: {}; width: {}; {}",
        percent_of(segment.start, end),
        percent_of(segment.end - segment.start, end),
        background(segment.fill)
    );
    let class = classes!(
        "warmup-segment",
        match (segment.job, segment.warm) {
            (None, _) => "idle",
            (Some(_), true) => "warm",
            (Some(_), false) => "cold",
        }
    );
    let title = format!("{}–{}: {}", segment.start, segment.end, segment.label);
    html! {
        <div {class} {style} {title} data-start={segment.start.to_string()} data-end={segment.end.to_string()}>
            if segment.label_fits { <span class="warmup-label">{ &segment.label }</span> }
        </div>
    }
}

fn swatch(fill: Fill, label: &str) -> Html {
    html! {
        <li><span class="warmup-swatch" style={background(fill)}></span>{ label }</li>
    }
}

fn chart_html(chart: &WarmupChart, lang: Lang, tick: u64) -> Html {
    let end = chart.end.max(1);
    let track_style = format!("min-width: calc(4.5rem + {}px)", chart.end * MIN_TICK_PX);
    let cursor_style = format!(
        "left: {}; width: {}",
        percent_of(tick, end),
        percent_of(1, end)
    );
    html! {
        <div class="warmup-scroll" tabindex="0" role="img" aria-label={warmup::takeaway(chart, lang)}>
            <div class="warmup-track" style={track_style}>
                { for chart.cpus.iter().map(|cpu| html! {
                    <div class="warmup-row" data-cpu={cpu.cpu.to_string()}>
                        <span class="warmup-cpu">{ format!("CPU{}", cpu.cpu) }</span>
                        <div class="warmup-bar">
                            { for cpu.segments.iter().map(|part| segment(part, end)) }
                            <div class="warmup-cursor" style={cursor_style.clone()}></div>
                        </div>
                    </div>
                }) }
                <div class="warmup-row axis" aria-hidden="true">
                    <span class="warmup-cpu"></span>
                    <div class="warmup-axis">
                        { for chart.marks.iter().map(|mark| html! {
                            <span style={format!("left: {}", percent_of(*mark, end))}>{ mark }</span>
                        }) }
                    </div>
                </div>
            </div>
        </div>
    }
}

#[function_component(WarmupResults)]
pub fn warmup_results(props: &WarmupResultsProps) -> Html {
    let lang = props.lang;
    let chart = use_memo(props.simulation.clone(), |simulation| {
        simulation
            .warmup
            .as_ref()
            .map(|run| warmup::warmup_chart(&simulation.scenario, run))
    });
    let tick = use_state_eq(|| 0u64);
    let Some(chart) = chart.as_ref() else {
        return Html::default();
    };
    let last = chart.end.saturating_sub(1);
    let at = (*tick).min(last);
    let on_tick = {
        let tick = tick.clone();
        Callback::from(move |event: InputEvent| {
            let input = event.target_unchecked_into::<web_sys::HtmlInputElement>();
            if let Ok(value) = input.value().parse::<u64>() {
                tick.set(value);
            }
        })
    };
    let on_answer_key = {
        let simulation = props.simulation.clone();
        Callback::from(move |_| {
            if let Some(run) = &simulation.warmup {
                let text = render::answer_key(&simulation.scenario, run);
                files::download_text("proclab-answer-key.txt", "text/plain", &text);
            }
        })
    };
    let run = props.simulation.warmup.as_ref();
    let machine = run
        .map(|run| warmup::machine_at(&props.simulation.scenario, run, at, lang))
        .unwrap_or_default();
    let cold = warmup::segment_fill(Some(0), false);
    let warm = warmup::segment_fill(Some(0), true);
    let idle = warmup::segment_fill(None, false);
    html! {
        <>
        <section class="gantt warmup" aria-labelledby="gantt-title">
            <div class="section-head">
                <h2 id="gantt-title">{ Text::WarmupGantt.get(lang) }</h2>
                <div class="downloads">
                    <button type="button" id="download-answer-key" class="small" onclick={on_answer_key}>{ Text::DownloadAnswerKey.get(lang) }</button>
                </div>
            </div>
            <ul class="warmup-legend" id="warmup-legend">
                { swatch(warm, &warmup::legend_warm(chart.warm_rate, lang)) }
                { swatch(cold, Text::WarmupLegendCold.get(lang)) }
                { swatch(idle, Text::WarmupLegendIdle.get(lang)) }
            </ul>
            if let Some(segments) = chart.too_many {
                <p class="notice" id="warmup-too-many">{ warmup::too_many_words(segments, lang) }</p>
            } else {
                { chart_html(chart, lang, at) }
                <details class="warmup-text">
                    <summary>{ Text::WarmupAsText.get(lang) }</summary>
                    <pre id="warmup-gantt-text">{ &chart.gantt_text }</pre>
                </details>
            }
        </section>
        <section class="warmup-machine" aria-labelledby="warmup-machine-title">
            <h3 id="warmup-machine-title">{ Text::WarmupAtTick.get(lang) }{ " " }<output id="warmup-tick-value">{ at }</output></h3>
            <p class="hint" id="warmup-no-watch">{ Text::WarmupNoWatch.get(lang) }</p>
            <input type="range" id="warmup-tick" min="0" max={last.to_string()} value={at.to_string()}
                aria-label={Text::WarmupAtTick.get(lang)} oninput={on_tick} />
            <ul id="warmup-machine">
                { for machine.iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>
        </section>
        <section class="metrics warmup-metrics" aria-labelledby="metrics-title">
            <h2 id="metrics-title">{ Text::WarmupJobs.get(lang) }</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="metrics-title">
            <table id="warmup-jobs">
                <thead><tr>
                    <th scope="col">{ Text::Process.get(lang) }</th>
                    <th scope="col">{ Text::RunTime.get(lang) }</th>
                    <th scope="col">{ Text::WorkingSet.get(lang) }</th>
                    <th scope="col">{ Text::Completion.get(lang) }</th>
                    <th scope="col">{ Text::Turnaround.get(lang) }</th>
                    <th scope="col">{ Text::WarmTicks.get(lang) }</th>
                    <th scope="col">{ Text::ColdTicks.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for chart.jobs.iter().map(|job| html! {
                        <tr data-job={job.name.clone()}>
                            <th scope="row">{ &job.name }</th>
                            <td class="run-time">{ job.run_time }</td>
                            <td class="working-set">{ job.working_set }</td>
                            <td class="completion">{ job.completion }</td>
                            <td class="turnaround">{ job.turnaround }</td>
                            <td class="warm-ticks">{ job.warm_ticks }</td>
                            <td class="cold-ticks">{ job.cold_ticks }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            <dl class="totals">
                <div><dt>{ Text::FinishedAt.get(lang) }</dt><dd id="warmup-finished">{ chart.end }</dd></div>
            </dl>
            <h3 id="warmup-cpus-title">{ Text::WarmupCpus.get(lang) }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="warmup-cpus-title">
            <table id="warmup-cpus">
                <thead><tr>
                    <th scope="col">{ Text::Cpu.get(lang) }</th>
                    <th scope="col">{ Text::BusyTicks.get(lang) }</th>
                    <th scope="col">{ Text::WarmTicks.get(lang) }</th>
                    <th scope="col">{ Text::UtilisationOfEnd.get(lang) }</th>
                    <th scope="col" title={Text::WarmShareDef.get(lang)}>{ Text::WarmShare.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for chart.cpus.iter().map(|cpu| html! {
                        <tr data-cpu={cpu.cpu.to_string()}>
                            <th scope="row">{ format!("CPU{}", cpu.cpu) }</th>
                            <td class="busy">{ cpu.busy }</td>
                            <td class="warm">{ cpu.warm }</td>
                            <td class="utilisation">{ &cpu.utilisation }</td>
                            <td class="warm-share">{ &cpu.warm_share }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            <p class="hint">{ Text::WarmShareDef.get(lang) }</p>
        </section>
        </>
    }
}
