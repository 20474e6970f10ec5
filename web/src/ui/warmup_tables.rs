//! The warm-up model's tables: each job's figures and each CPU's. A long job table builds only
//! the rows in view ([`proclab_app::rows`], as the default model's metrics table does): its box
//! scrolls with the header in sight, and two spacer rows stand for the rows not built.

use std::rc::Rc;

use proclab_app::chart::warmup::{WarmupChart, WarmupJob};
use proclab_app::i18n::{Lang, Text};
use proclab_app::lang::Words;
use proclab_app::rows::{row_window, WINDOW_FROM};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Height in CSS pixels of a windowed table's box (`.windowed` in style.css) and of its rows,
/// until a row has been measured.
const VIEW_HEIGHT: u64 = 480;
const ROW_HEIGHT: u64 = 29;
const JOB_COLUMNS: usize = 7;

#[derive(Properties, PartialEq)]
pub struct WarmupTablesProps {
    pub lang: Lang,
    pub chart: Rc<WarmupChart>,
}

/// One job's row; `aria-rowindex` (1-based, after the header) when the table is windowed.
fn job_row(job: &WarmupJob, index: usize, windowed: bool) -> Html {
    html! {
        <tr data-job={job.name.clone()} aria-rowindex={windowed.then(|| (index + 2).to_string())}>
            <th scope="row">{ &job.name }</th>
            <td class="run-time">{ job.run_time }</td>
            <td class="working-set">{ job.working_set }</td>
            <td class="completion">{ job.completion }</td>
            <td class="turnaround">{ job.turnaround }</td>
            <td class="warm-ticks">{ job.warm_ticks }</td>
            <td class="cold-ticks">{ job.cold_ticks }</td>
        </tr>
    }
}

#[function_component(WarmupTables)]
pub fn warmup_tables(props: &WarmupTablesProps) -> Html {
    let (lang, chart) = (props.lang, &props.chart);
    let scroll_top = use_state_eq(|| 0u64);
    let row_height = use_state_eq(|| ROW_HEIGHT);
    let scroller = use_node_ref();
    let total = chart.jobs.len();
    let windowed = total > WINDOW_FROM;
    let onscroll = {
        let (scroll_top, scroller) = (scroll_top.clone(), scroller.clone());
        Callback::from(move |_: Event| {
            if let Some(element) = scroller.cast::<HtmlElement>() {
                scroll_top.set(element.scroll_top().max(0) as u64);
            }
        })
    };
    {
        // Rows grow with the text size: measure one once the browser has laid it out (reading
        // it here would force a layout in the middle of the task that builds the results).
        let (row_height, scroller) = (row_height.clone(), scroller.clone());
        use_effect_with(windowed, move |windowed| {
            let row = scroller
                .cast::<HtmlElement>()
                .filter(|_| *windowed)
                .and_then(|element| element.query_selector("tbody tr[data-job]").ok().flatten());
            let wait = row.and_then(|row| {
                crate::browser::after_layout(&row, move |row| {
                    let measured = row
                        .dyn_ref::<HtmlElement>()
                        .map_or(0, |row| row.offset_height());
                    if measured > 0 {
                        row_height.set(measured as u64);
                    }
                })
            });
            move || drop(wait)
        });
    }
    let window = row_window(total, *scroll_top, VIEW_HEIGHT, *row_height);
    let spacer = |height: u64| {
        (height > 0).then(|| html! {
            <tr class="spacer" aria-hidden="true" style={format!("height:{height}px")}><td colspan={JOB_COLUMNS.to_string()}></td></tr>
        })
    };
    html! {
        <section class="metrics warmup-metrics" aria-labelledby="metrics-title">
            <h2 id="metrics-title">{ Text::WarmupJobs.get(lang) }</h2>
            <div class={classes!("table-scroll", windowed.then_some("windowed"))} tabindex="0" role="region"
                aria-labelledby="metrics-title" ref={scroller} {onscroll}>
            <table id="warmup-jobs" aria-rowcount={windowed.then(|| (total + 1).to_string())}>
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
                    { spacer(window.above) }
                    { for chart.jobs[window.rows.clone()].iter().zip(window.rows.clone())
                        .map(|(job, index)| job_row(job, index, windowed)) }
                    { spacer(window.below) }
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
    }
}
