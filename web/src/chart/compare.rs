//! The compare view: every policy of the core on the same workload (grouped bars) and a
//! round-robin quantum sweep (lines), each a high-DPI canvas with its takeaway and a data table.

use proclab_app::lang::Words;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use proclab_core::Totals;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::bars::{compare_height, draw_compare};
use super::canvas;
use super::paint;
use super::sweep::{draw_sweep, sweep_height};
use crate::files;
use proclab_app::chart::compare_model::{
    compare_takeaway, rr_quantum, sweep_takeaway, Comparison, Skipped,
};
use proclab_app::chart::text::ChartText;
use proclab_app::files as file_formats;
use proclab_app::i18n::Lang;
use proclab_app::i18n::Text;

/// The id of the policy-comparison canvas.
pub const COMPARE_CANVAS_ID: &str = "compare-canvas";
/// The id of the quantum-sweep canvas.
pub const SWEEP_CANVAS_ID: &str = "sweep-canvas";

/// Props of [`CompareView`].
#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    /// Every policy and the quantum sweep run on one workload.
    pub comparison: Rc<Comparison>,
    /// The language of the words.
    pub lang: Lang,
    /// How the downloads' names start: `proclab-rr-q4-3-processes`.
    pub file_stem: AttrValue,
    /// What the comparison runs with that the form may not show (all priorities equal…).
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// Shows both comparisons as charts and tables.
#[function_component(CompareView)]
pub fn compare_view(props: &CompareViewProps) -> Html {
    let comparison = Rc::clone(&props.comparison);
    let lang = props.lang;
    let compare_canvas = use_node_ref();
    let sweep_canvas = use_node_ref();
    let window_width = canvas::use_window_width();
    {
        let (compare_canvas, sweep_canvas) = (compare_canvas.clone(), sweep_canvas.clone());
        use_effect_with(
            (Rc::clone(&comparison), lang, window_width),
            move |(comparison, lang, _)| {
                let lang = *lang;
                let marked = rr_quantum(&comparison.rows);
                if let Some(element) = compare_canvas.cast::<HtmlCanvasElement>() {
                    canvas::paint_canvas(
                        &element,
                        |width| compare_height(&comparison.rows, lang, width),
                        |area: DrawingArea<canvas::ChartBackend, Shift>| {
                            let _ = draw_compare(&comparison.rows, lang, area);
                        },
                    );
                }
                if let Some(element) = sweep_canvas.cast::<HtmlCanvasElement>() {
                    canvas::paint_canvas(
                        &element,
                        |width| sweep_height(&comparison.points, marked, lang, width),
                        |area: DrawingArea<canvas::ChartBackend, Shift>| {
                            let _ = draw_sweep(&comparison.points, marked, lang, area);
                        },
                    );
                }
            },
        );
    }
    let compare_label = compare_takeaway(&comparison.rows, lang);
    let sweep_label = sweep_takeaway(&comparison.points, lang);
    let stem = props.file_stem.clone();
    // The downloads: each chart as SVG or PNG with its takeaway above it, and its
    // table as CSV, in the page's language.
    let compare_picture = {
        let comparison = Rc::clone(&comparison);
        move || {
            let caption = compare_takeaway(&comparison.rows, lang);
            paint::captioned_svg(
                &caption,
                compare_height(&comparison.rows, lang, paint::DOWNLOAD_WIDTH),
                |area| {
                    let _ = draw_compare(&comparison.rows, lang, area);
                },
            )
        }
    };
    let marked = rr_quantum(&comparison.rows);
    let tried = |quantum: &u64| {
        comparison
            .points
            .iter()
            .any(|point| point.quantum == *quantum)
    };
    let beyond = match (marked, comparison.points.first(), comparison.points.last()) {
        (Some(quantum), Some(first), Some(last)) if !tried(&quantum) => Some(
            proclab_app::chart::text::sweep_beyond(quantum, (first.quantum, last.quantum), lang),
        ),
        _ => None,
    };
    let sweep_picture = {
        let comparison = Rc::clone(&comparison);
        move || {
            let caption = sweep_takeaway(&comparison.points, lang);
            paint::captioned_svg(
                &caption,
                sweep_height(&comparison.points, marked, lang, paint::DOWNLOAD_WIDTH),
                |area| {
                    let _ = draw_sweep(&comparison.points, marked, lang, area);
                },
            )
        }
    };
    let compare_buttons = download_buttons(
        "compare",
        ChartText::CompareTitle.get(lang),
        format!("{stem}-compare"),
        compare_picture,
        {
            let comparison = Rc::clone(&comparison);
            move || file_formats::compare_csv(&comparison, lang)
        },
        lang,
    );
    let sweep_buttons = download_buttons(
        "sweep",
        ChartText::SweepTitle.get(lang),
        format!("{stem}-quantum-sweep"),
        sweep_picture,
        {
            let comparison = Rc::clone(&comparison);
            move || file_formats::sweep_csv(&comparison, lang)
        },
        lang,
    );
    let compare_rows = comparison
        .rows
        .iter()
        .map(|row| figures_row(row.label(lang), row.outcome.as_ref(), false, lang));
    let sweep_rows = comparison.points.iter().map(|point| {
        let key = point.label(marked, lang);
        figures_row(
            key,
            point.outcome.as_ref(),
            marked == Some(point.quantum),
            lang,
        )
    });
    html! {
        <div class="compare-view">
            <figure class="chart compare-chart" aria-labelledby="compare-title">
                <div class="section-head">
                    <h3 id="compare-title" class="chart-title">{ ChartText::CompareTitle.get(lang) }</h3>
                    { compare_buttons }
                </div>
                <canvas id={COMPARE_CANVAS_ID} ref={compare_canvas} role="img"
                    aria-label={compare_label.clone()}></canvas>
                <p class="chart-takeaway">{ compare_label }</p>
                if let Some(note) = &props.note {
                    <p class="hint" id="compare-note">{ note.clone() }</p>
                }
                { data_table(ChartText::Policy, compare_rows.collect::<Html>(), lang) }
            </figure>
            <figure class="chart sweep-chart" aria-labelledby="sweep-title">
                <div class="section-head">
                    <h3 id="sweep-title" class="chart-title">{ ChartText::SweepTitle.get(lang) }</h3>
                    { sweep_buttons }
                </div>
                <canvas id={SWEEP_CANVAS_ID} ref={sweep_canvas} role="img"
                    aria-label={sweep_label.clone()}></canvas>
                <p class="chart-takeaway">{ sweep_label }</p>
                if let Some(beyond) = &beyond {
                    <p class="hint" id="sweep-beyond">{ beyond.clone() }</p>
                }
                { data_table(ChartText::Quantum, sweep_rows.collect::<Html>(), lang) }
            </figure>
        </div>
    }
}

/// PNG, SVG and CSV buttons (ids `{prefix}-download-png` and so on) for files named
/// `{name}.png`, `{name}.svg` and `{name}.csv`.
fn download_buttons(
    prefix: &str,
    title: &str,
    name: String,
    picture: impl Fn() -> paint::ChartDownload + 'static,
    table: impl Fn() -> String + 'static,
    lang: Lang,
) -> Html {
    let picture = Rc::new(picture);
    let on_png = {
        let (picture, name) = (Rc::clone(&picture), name.clone());
        Callback::from(move |_: MouseEvent| {
            let download = picture();
            files::download_svg_as_png(
                &format!("{name}.png"),
                &download.svg,
                download.width,
                download.height,
            );
        })
    };
    let on_svg = {
        let name = name.clone();
        Callback::from(move |_: MouseEvent| {
            files::download_text(&format!("{name}.svg"), "image/svg+xml", &picture().svg);
        })
    };
    let on_csv = Callback::from(move |_: MouseEvent| {
        files::download_text(&format!("{name}.csv"), "text/csv", &table());
    });
    html! {
        <div class="downloads">
            // Each chart has its own three: their names say whose.
            <button type="button" id={format!("{prefix}-download-png")} class="small" onclick={on_png}
                aria-label={format!("{} · {title}", Text::DownloadPng.get(lang))}>{ Text::DownloadPng.get(lang) }</button>
            <button type="button" id={format!("{prefix}-download-svg")} class="small" onclick={on_svg}
                aria-label={format!("{} · {title}", Text::DownloadSvg.get(lang))}>{ Text::DownloadSvg.get(lang) }</button>
            <button type="button" id={format!("{prefix}-download-csv")} class="small" onclick={on_csv}
                aria-label={format!("{} · {title}", Text::DownloadTableCsv.get(lang))}>{ Text::DownloadTableCsv.get(lang) }</button>
        </div>
    }
}

/// One table row: the key, then the three averages and the context switches, or "could not run";
/// `marked`, shaded (the sweep's row of the comparison's quantum).
fn figures_row(key: String, outcome: Result<&Totals, &Skipped>, marked: bool, lang: Lang) -> Html {
    match outcome {
        Ok(totals) => html! {
            <tr class={classes!(marked.then_some("marked"))}>
                <th scope="row">{ key }</th>
                <td>{ totals.average_waiting.to_string() }</td>
                <td>{ totals.average_turnaround.to_string() }</td>
                <td>{ totals.average_response.to_string() }</td>
                <td>{ totals.context_switches }</td>
            </tr>
        },
        Err(skipped) => {
            let reason = match skipped {
                Skipped::TooMuchWork => ChartText::TooMuchWork,
                Skipped::CouldNotRun => ChartText::CouldNotRun,
            };
            html! {
                <tr class="skipped">
                    <th scope="row">{ key }</th>
                    <td colspan="4">{ reason.get(lang) }</td>
                </tr>
            }
        }
    }
}

fn data_table(key: ChartText, body: Html, lang: Lang) -> Html {
    html! {
        <details class="chart-data">
            <summary>{ ChartText::ChartData.get(lang) }</summary>
            <div class="table-scroll">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{ key.get(lang) }</th>
                        <th scope="col">{ ChartText::AverageWaiting.get(lang) }</th>
                        <th scope="col">{ ChartText::AverageTurnaround.get(lang) }</th>
                        <th scope="col">{ ChartText::AverageResponse.get(lang) }</th>
                        <th scope="col">{ ChartText::ContextSwitches.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>{ body }</tbody>
            </table>
            </div>
        </details>
    }
}
