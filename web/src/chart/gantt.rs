//! The [`GanttChart`] component: a high-DPI canvas drawn by [`super::gantt_draw`], the cursor
//! that follows playback, and the same data as a table.

use proclab_app::lang::Words;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::canvas;
use proclab_app::chart::model::{gantt_model, gantt_takeaway, GanttModel, RowKind};
use proclab_app::chart::text::{self, ChartText};
use proclab_app::i18n::Lang;
use proclab_app::simulation::Simulation;

use super::gantt_draw::*;

/// Props of [`GanttChart`].
#[derive(Properties, PartialEq)]
pub struct GanttChartProps {
    /// The run to draw.
    pub simulation: Rc<Simulation>,
    /// The language of its words.
    pub lang: Lang,
    /// The playback tick, drawn as a cursor line.
    #[prop_or_default]
    pub cursor: Option<u64>,
    /// Called with the tick under a click, to jump playback there.
    #[prop_or_default]
    pub onjump: Option<Callback<u64>>,
    /// Called with the thread of a clicked process row, to inspect its PCB.
    #[prop_or_default]
    pub onselect: Option<Callback<proclab_core::ThreadRef>>,
    /// The canvas's id: the results' chart has [`GANTT_CANVAS_ID`], a second chart its own.
    #[prop_or(AttrValue::Static(GANTT_CANVAS_ID))]
    pub canvas_id: AttrValue,
    /// How many times larger than on the page it is drawn (presentation mode).
    #[prop_or(1.0)]
    pub zoom: f64,
    /// The picture alone, without its sentence and its data table (presentation mode, which
    /// has the results' chart beneath it for those).
    #[prop_or_default]
    pub bare: bool,
}

/// Runs with more events than this get their chart in a task of its own, after the results are
/// on screen: the model of RR q=1 on 10,000 processes (about a million events) takes a few hundred
/// milliseconds, which would otherwise lengthen the one task that shows the results.
const DEFER_FROM_EVENTS: usize = 20_000;

/// The model a chart was built from: its run, language and model.
type Built = (Rc<Simulation>, Lang, Rc<GanttModel>);

/// The Gantt model of `simulation` in `lang`: built during the render for a short run, in a
/// later task for a long one (`None` until then).
#[hook]
fn use_gantt_model(simulation: &Rc<Simulation>, lang: Lang) -> Option<Rc<GanttModel>> {
    let built = use_mut_ref(|| None::<Built>);
    let update = use_force_update();
    let current = |built: &Option<Built>| {
        built
            .as_ref()
            .filter(|(of, in_lang, _)| Rc::ptr_eq(of, simulation) && *in_lang == lang)
            .map(|(_, _, model)| Rc::clone(model))
    };
    let deferred = simulation.run.event_count() > DEFER_FROM_EVENTS;
    let mut model = current(&built.borrow());
    if model.is_none() && !deferred {
        let fresh = Rc::new(gantt_model(simulation, lang));
        *built.borrow_mut() = Some((Rc::clone(simulation), lang, Rc::clone(&fresh)));
        model = Some(fresh);
    }
    {
        let built = built.clone();
        let waiting = model.is_none();
        let simulation = Rc::clone(simulation);
        use_effect_with(
            (Rc::as_ptr(&simulation) as usize, lang, waiting),
            move |_| {
                // The results are on screen while the chart is built.
                let pending = waiting.then(|| {
                    crate::browser::after_next_paint(move || {
                        let fresh = Rc::new(gantt_model(&simulation, lang));
                        *built.borrow_mut() = Some((simulation, lang, fresh));
                        update.force_update();
                    })
                });
                // A newer run or language cancels the one still waiting.
                move || drop(pending)
            },
        );
    }
    model
}

/// The Gantt chart of a run: a canvas with `role="img"` and the takeaway as its `aria-label`,
/// the takeaway in words, and every segment in a table inside `<details>`.
#[function_component(GanttChart)]
pub fn gantt_chart(props: &GanttChartProps) -> Html {
    let model = use_gantt_model(&props.simulation, props.lang);
    let takeaway = use_memo(
        (Rc::as_ptr(&props.simulation) as usize, props.lang),
        |(_, lang)| gantt_takeaway(&props.simulation, *lang),
    );
    let canvas_ref = use_node_ref();
    let window_width = canvas::use_window_width();
    let span = use_state_eq(|| None::<PlotSpan>);
    {
        let canvas_ref = canvas_ref.clone();
        let span = span.clone();
        let zoom = props.zoom;
        use_effect_with(
            (model.clone(), window_width, (zoom * 100.0) as u32),
            move |(model, _, _)| {
                let element = canvas_ref.cast::<HtmlCanvasElement>();
                let pending = match (element, model) {
                    (None, _) => None,
                    (Some(element), None) => {
                        // The previous run's drawing must not stand for this one while it is built.
                        element.set_width(element.width());
                        span.set(None);
                        None
                    }
                    // Drawn in a task of its own after the one that built the results, so a new
                    // run's page and its chart are two shorter freezes, not one long one; a newer
                    // model cancels a drawing not yet made (the cleanup drops its timeout).
                    (Some(element), Some(model)) => {
                        let model = model.clone();
                        Some(gloo::timers::callback::Timeout::new(0, move || {
                            let drawn = std::cell::Cell::new(None);
                            canvas::paint_canvas_zoomed(
                                &element,
                                zoom,
                                |width| gantt_height(&model, width),
                                |area: DrawingArea<canvas::ChartBackend, Shift>| {
                                    drawn.set(draw_gantt_span(&model, area).ok());
                                },
                            );
                            span.set(drawn.get());
                        }))
                    }
                };
                move || drop(pending)
            },
        );
    }
    let onclick = {
        let span = *span;
        let onjump = props.onjump.clone();
        let onselect = props.onselect.clone();
        let model = model.clone();
        let zoom = props.zoom;
        Callback::from(move |event: MouseEvent| {
            let (Some(span), Some(model)) = (span, &model) else {
                return;
            };
            // The chart's own units: CSS pixels over its zoom.
            let (x, y) = (
                (f64::from(event.offset_x()) / zoom) as i32,
                (f64::from(event.offset_y()) / zoom) as i32,
            );
            if let (Some(onjump), Some(tick)) = (&onjump, span.tick_at(x)) {
                onjump.emit(tick);
            }
            let row = span.row_at(y).and_then(|index| model.rows.get(index));
            if let (Some(onselect), Some(RowKind::Thread { thread })) =
                (&onselect, row.map(|row| row.kind))
            {
                onselect.emit(thread);
            }
        })
    };
    // The cursor element is always there (hidden when there is nothing to show), so the canvas
    // beside it keeps its place in the DOM and its drawing.
    let zoom = props.zoom;
    let cursor_style = match (props.cursor, *span) {
        (Some(tick), Some(span)) => format!(
            "left:{}px;top:{}px;height:{}px",
            f64::from(span.x_of(tick)) * zoom,
            f64::from(span.top) * zoom,
            f64::from((span.bottom - span.top).max(0)) * zoom
        ),
        _ => String::from("display:none"),
    };
    let cursor_tick = props.cursor.map(|tick| tick.to_string());
    let lang = props.lang;
    html! {
        <figure class="chart gantt-chart" aria-busy={model.is_none().then_some("true")}>
            <div class="gantt-stage">
                <canvas id={props.canvas_id.clone()} ref={canvas_ref} role="img"
                    aria-label={(*takeaway).clone()} {onclick}></canvas>
                <div class="gantt-cursor" aria-hidden="true" data-tick={cursor_tick} style={cursor_style}></div>
            </div>
            if !props.bare {
                <figcaption class="chart-takeaway">{ &*takeaway }</figcaption>
            }
            if let (Some(model), false) = (&model, props.bare) {
                { shown_note(model.rows.len().min(MAX_DRAWN_ROWS), model.total_rows, lang) }
                <GanttData model={Rc::clone(model)} simulation={props.simulation.clone()} {lang} />
            }
        </figure>
    }
}

fn shown_note(shown: usize, total: usize, lang: Lang) -> Option<Html> {
    (shown < total)
        .then(|| html! { <p class="chart-note">{ text::shown_of(shown, total, lang) }</p> })
}

#[derive(Properties)]
struct GanttDataProps {
    model: Rc<GanttModel>,
    simulation: Rc<Simulation>,
    lang: Lang,
}

impl PartialEq for GanttDataProps {
    /// The same model object: the table is rebuilt only when the run or the language changes,
    /// not when the playback cursor moves.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.model, &other.model) && self.lang == other.lang
    }
}

/// The chart's data as a table (at most [`MAX_TABLE_ROWS`] segments), built only while its
/// `<details>` is open: thousands of rows nobody has asked for would cost every upload. The table
/// lists every segment as it is, even where the picture gathers slices narrower than a column.
#[function_component(GanttData)]
fn gantt_data(props: &GanttDataProps) -> Html {
    let lang = props.lang;
    let (open, ontoggle) = crate::ui::use_details_open();
    let exact = use_memo(
        (
            Rc::as_ptr(&props.model) as usize,
            *open && props.model.gathered,
        ),
        |(_, wanted)| {
            wanted.then(|| {
                Rc::new(proclab_app::chart::model::gantt_model_exact(
                    &props.simulation,
                    lang,
                ))
            })
        },
    );
    let model = match exact.as_ref() {
        Some(exact) => exact,
        None => &props.model,
    };
    let segments_total: usize = model.rows.iter().map(|row| row.segments.len()).sum();
    let cells = open.then(|| {
        model
            .rows
            .iter()
            .flat_map(|row| {
                row.segments.iter().map(move |segment| {
                    html! {
                        <tr>
                            <th scope="row">{ &row.label }</th>
                            <td>{ segment.start }</td>
                            <td>{ segment.end }</td>
                            <td>{ &*segment.detail }</td>
                        </tr>
                    }
                })
            })
            .take(MAX_TABLE_ROWS)
            .collect::<Html>()
    });
    html! {
            <details class="chart-data" open={*open} {ontoggle}>
                <summary>{ ChartText::ChartData.get(lang) }</summary>
                if *open {
                    <div class="table-scroll">
                    <table class="chart-segments">
                        <thead>
                            <tr>
                                <th scope="col">{ ChartText::Row.get(lang) }</th>
                                <th scope="col">{ ChartText::From.get(lang) }</th>
                                <th scope="col">{ ChartText::To.get(lang) }</th>
                                <th scope="col">{ ChartText::Activity.get(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>{ cells }</tbody>
                    </table>
                    </div>
                    { shown_note(segments_total.min(MAX_TABLE_ROWS), segments_total, lang) }
                }
            </details>
    }
}
