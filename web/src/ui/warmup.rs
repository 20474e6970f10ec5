//! The results of the warm-up cache model (OSTEP `multi.py`'s machine): a Gantt row per CPU
//! where cold running is striped and warm running solid and starred, the CPUs at a chosen tick in
//! words, each job's completion and turnaround, and each CPU's utilisation and warm share. The
//! figures come from [`proclab_app::chart::warmup`], which reads the core's `WarmupRun`; this
//! file only lays them out.

use std::rc::Rc;

use crate::files;
use crate::ui::warmup_machine::{Player, WarmupMachine};
use crate::ui::warmup_tables::WarmupTables;
use proclab_app::chart::palette::{Fill, Pattern};
use proclab_app::chart::warmup::{self, WarmupChart, WarmupSegment, MIN_TICK_PX};
use proclab_app::chart::warmup_export;
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

/// The width in CSS pixels of the chart's bars, measured after every render and on resize
/// (`None` until measured): labels are shown where they fit at that width.
#[hook]
fn use_bar_width(scroll_ref: NodeRef) -> Option<u32> {
    let width = use_state_eq(|| None::<u32>);
    let measure = |scroll_ref: &NodeRef| {
        scroll_ref
            .cast::<web_sys::Element>()
            .and_then(|element| element.query_selector(".warmup-bar").ok().flatten())
            .map(|bar| bar.client_width())
            .filter(|width| *width > 0)
            .map(|width| width as u32)
    };
    {
        let (width, scroll_ref) = (width.clone(), scroll_ref.clone());
        use_effect(move || {
            if let Some(measured) = measure(&scroll_ref) {
                width.set(Some(measured));
            }
        });
    }
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "resize", move |_| {
                    if let Some(measured) = measure(&scroll_ref) {
                        width.set(Some(measured));
                    }
                })
            });
            move || drop(listener)
        });
    }
    *width
}

/// True when the label of `segment` is drawn: it fits at the measured scale (`px_per_tick`), or
/// at the narrowest before the chart is measured.
fn labelled(segment: &WarmupSegment, px_per_tick: Option<f64>) -> bool {
    match px_per_tick {
        Some(scale) => warmup::label_fits_at(segment, scale),
        None => segment.label_fits,
    }
}

fn segment(segment: &WarmupSegment, end: u64, px_per_tick: Option<f64>) -> Html {
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
            if labelled(segment, px_per_tick) { <span class="warmup-label">{ &segment.label }</span> }
        </div>
    }
}

fn swatch(fill: Fill, label: &str) -> Html {
    html! {
        <li><span class="warmup-swatch" style={background(fill)}></span>{ label }</li>
    }
}

fn chart_html(
    chart: &WarmupChart,
    lang: Lang,
    tick: u64,
    scroll_ref: NodeRef,
    px_per_tick: Option<f64>,
) -> Html {
    let end = chart.end.max(1);
    let track_style = format!("min-width: calc(4.5rem + {}px)", chart.end * MIN_TICK_PX);
    let cursor_style = format!(
        "left: {}; width: {}",
        percent_of(tick, end),
        percent_of(1, end)
    );
    html! {
        <div class="warmup-scroll" ref={scroll_ref} tabindex="0" role="img" aria-label={warmup::takeaway(chart, lang)}>
            <div class="warmup-track" style={track_style}>
                { for chart.cpus.iter().map(|cpu| html! {
                    <div class="warmup-row" data-cpu={cpu.cpu.to_string()}>
                        <span class="warmup-cpu">{ format!("CPU{}", cpu.cpu) }</span>
                        <div class="warmup-bar">
                            { for cpu.segments.iter().map(|part| segment(part, end, px_per_tick)) }
                            <div class="warmup-cursor" style={cursor_style.clone()}></div>
                        </div>
                    </div>
                }) }
                <div class="warmup-row axis" aria-hidden="true">
                    <span class="warmup-cpu"></span>
                    <div class="warmup-axis">
                        { for warmup::readable_marks(&chart.marks, px_per_tick.unwrap_or(MIN_TICK_PX as f64)).iter().map(|mark| html! {
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
            .map(|run| Rc::new(warmup::warmup_chart(&simulation.scenario, run)))
    });
    let player = use_reducer_eq(Player::default);
    let scroll_ref = use_node_ref();
    let bar_width = use_bar_width(scroll_ref.clone());
    let Some(chart) = (*chart).clone() else {
        return Html::default();
    };
    let px_per_tick = bar_width.map(|width| f64::from(width) / chart.end.max(1) as f64);
    // The running slices too short for their name: their text in a list (and in each slice's
    // tooltip).
    let unlabelled: Vec<String> = chart
        .cpus
        .iter()
        .flat_map(|cpu| {
            cpu.segments
                .iter()
                .filter(|segment| segment.job.is_some() && !labelled(segment, px_per_tick))
                .map(move |segment| {
                    format!(
                        "CPU{} {}–{}: {}",
                        cpu.cpu, segment.start, segment.end, segment.label
                    )
                })
        })
        .collect();
    let last = chart.end.saturating_sub(1);
    let at = player.0.tick.min(last);
    let on_play = {
        let player = player.clone();
        Callback::from(move |action| player.dispatch(action))
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
    let on_svg = {
        let chart = chart.clone();
        Callback::from(move |_| {
            files::download_text(
                "proclab-warmup-gantt.svg",
                "image/svg+xml",
                &warmup_export::warmup_svg(&chart, lang),
            )
        })
    };
    let on_png = {
        let chart = chart.clone();
        Callback::from(move |_| {
            let (width, height) = (
                warmup_export::SVG_WIDTH as u32,
                warmup_export::svg_height(&chart) as u32,
            );
            files::download_svg_as_png(
                "proclab-warmup-gantt.png",
                &warmup_export::warmup_svg(&chart, lang),
                width,
                height,
            );
        })
    };
    let on_jobs_csv = {
        let chart = chart.clone();
        Callback::from(move |_| {
            files::download_text(
                "proclab-warmup-jobs.csv",
                "text/csv",
                &warmup_export::jobs_csv(&chart),
            )
        })
    };
    let on_cpus_csv = {
        let chart = chart.clone();
        Callback::from(move |_| {
            files::download_text(
                "proclab-warmup-cpus.csv",
                "text/csv",
                &warmup_export::cpus_csv(&chart),
            )
        })
    };
    let drawn = chart.too_many.is_none();
    let cold = warmup::segment_fill(Some(0), false);
    let warm = warmup::segment_fill(Some(0), true);
    let idle = warmup::segment_fill(None, false);
    html! {
        <>
        <section class="gantt warmup" aria-labelledby="gantt-title">
            <div class="section-head">
                <h2 id="gantt-title">{ Text::WarmupGantt.get(lang) }</h2>
                <div class="downloads">
                    if drawn {
                        <button type="button" id="download-png" class="small" onclick={on_png}>{ Text::DownloadPng.get(lang) }</button>
                        <button type="button" id="download-svg" class="small" onclick={on_svg}>{ Text::DownloadSvg.get(lang) }</button>
                    }
                    <button type="button" id="download-jobs-csv" class="small" onclick={on_jobs_csv}>{ Text::DownloadJobsCsv.get(lang) }</button>
                    <button type="button" id="download-cpus-csv" class="small" onclick={on_cpus_csv}>{ Text::DownloadCpusCsv.get(lang) }</button>
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
                { chart_html(&chart, lang, at, scroll_ref, px_per_tick) }
                if !unlabelled.is_empty() {
                    <details class="warmup-text" id="warmup-unlabelled">
                        <summary>{ Text::WarmupUnlabelled.get(lang) }{ format!(" ({})", unlabelled.len()) }</summary>
                        <ul>{ for unlabelled.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                    </details>
                }
                <details class="warmup-text">
                    <summary>{ Text::WarmupAsText.get(lang) }</summary>
                    <pre id="warmup-gantt-text">{ &chart.gantt_text }</pre>
                </details>
            }
        </section>
        <WarmupMachine {lang} simulation={props.simulation.clone()} tick={at} {last}
            playing={player.0.playing} onplay={on_play} />
        <WarmupTables {lang} chart={chart.clone()} />
        </>
    }
}
