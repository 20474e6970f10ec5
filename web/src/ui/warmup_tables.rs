//! The warm-up model's tables: each job's figures and each CPU's. A long job table builds only
//! the rows in view ([`proclab_app::rows`], as the default model's metrics table does): its box
//! scrolls with the header in sight, and two spacer rows stand for the rows not built.

use std::rc::Rc;

use proclab_app::chart::warmup::{WarmupChart, WarmupJob};
use proclab_app::i18n::{Lang, Text};
use proclab_app::lang::Words;
use yew::prelude::*;

use super::windowed::{use_windowed, Windowed};

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
    let total = chart.jobs.len();
    let Windowed {
        scroller,
        onscroll,
        windowed,
        window,
    } = use_windowed(total, "tbody tr[data-job]", false);
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
