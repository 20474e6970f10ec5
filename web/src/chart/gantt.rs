//! Drawing the Gantt chart: [`draw_gantt`] on any plotters backend, [`gantt_svg`] for the SVG
//! download, and the [`GanttChart`] component (a high-DPI canvas plus the same data as a table).

use proclab_app::lang::Words;
use std::rc::Rc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::canvas;
use super::paint::{self, DrawResult, Swatch, FONT_FAMILY};
use proclab_app::chart::model::{gantt_model, gantt_takeaway, GanttModel, RowKind};
use proclab_app::chart::palette::{Pattern, Rgb, GRID, INK, PAPER};
use proclab_app::chart::text::{self, ChartText};
use proclab_app::i18n::Lang;
use proclab_app::simulation::Simulation;

/// The id of the Gantt chart's canvas, for the page's PNG download button.
pub const GANTT_CANVAS_ID: &str = "gantt-canvas";

/// Height of one row band in pixels.
const ROW_HEIGHT: u32 = 28;
/// Size of the words inside a segment: 12 CSS px, the smallest text the page draws.
const SEGMENT_FONT: u32 = 12;
/// Outer margin in pixels.
const MARGIN: u32 = 10;
/// Height of the x axis: tick labels and its title.
const X_AXIS: u32 = 44;
/// Width of the SVG download.
const SVG_WIDTH: u32 = 960;
/// Most rows drawn: beyond this the bands would be unreadable and the canvas too tall for a browser.
pub const MAX_DRAWN_ROWS: usize = 120;
/// Most segments listed in the data table, so a very long run does not freeze the page.
pub const MAX_TABLE_ROWS: usize = 2_000;

fn drawn_rows(model: &GanttModel) -> u32 {
    model.rows.len().clamp(1, MAX_DRAWN_ROWS) as u32
}

fn legend_entries(model: &GanttModel) -> Vec<(Swatch, String)> {
    model
        .legend
        .iter()
        .map(|entry| (Swatch::Fill(entry.fill), entry.text.clone()))
        .collect()
}

fn legend_height(model: &GanttModel, width: u32) -> u32 {
    let entries = legend_entries(model);
    paint::legend_height(
        entries.iter().map(|(_, text)| text.as_str()),
        width.saturating_sub(2 * MARGIN),
    )
}

/// The height in pixels the chart of `model` needs when drawn `width` pixels wide.
pub fn gantt_height(model: &GanttModel, width: u32) -> u32 {
    legend_height(model, width) + 3 * MARGIN + X_AXIS + drawn_rows(model) * ROW_HEIGHT
}

/// Where the time axis lies on the drawing, in its pixels: the page puts the playback cursor on
/// it and turns clicks into ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PlotSpan {
    /// x of tick 0.
    pub left: i32,
    /// x of the last tick.
    pub right: i32,
    /// y of the top of the bands.
    pub top: i32,
    /// y of the bottom of the bands.
    pub bottom: i32,
    /// The last tick.
    pub extent: u64,
    /// Rows drawn, top to bottom.
    pub rows: u32,
}

impl PlotSpan {
    /// The x of `tick` (clamped to the axis).
    pub fn x_of(&self, tick: u64) -> i32 {
        let tick = tick.min(self.extent);
        let width = i64::from(self.right - self.left);
        self.left + (width * tick as i64 / self.extent.max(1) as i64) as i32
    }

    /// The row under `y`, if `y` is on a band (0 = the top row).
    pub fn row_at(&self, y: i32) -> Option<usize> {
        if y < self.top || y >= self.bottom || self.rows == 0 {
            return None;
        }
        let band =
            i64::from(y - self.top) * i64::from(self.rows) / i64::from(self.bottom - self.top);
        Some(band as usize)
    }

    /// The tick under `x`, if `x` is on the axis.
    pub fn tick_at(&self, x: i32) -> Option<u64> {
        if x < self.left || x > self.right || self.right <= self.left {
            return None;
        }
        let offset =
            i64::from(x - self.left) * self.extent as i64 / i64::from(self.right - self.left);
        Some((offset as u64).min(self.extent.saturating_sub(1)))
    }
}

/// Draws `model` on `area`: a legend, one labelled band per row, segments as patterned
/// rectangles labelled when wide enough, and an x axis in ticks. Only the first
/// [`MAX_DRAWN_ROWS`] rows are drawn.
pub fn draw_gantt<DB: DrawingBackend>(
    model: &GanttModel,
    area: DrawingArea<DB, Shift>,
) -> DrawResult<DB> {
    draw_gantt_span(model, area).map(|_| ())
}

/// [`draw_gantt`], returning where the time axis was drawn.
pub fn draw_gantt_span<DB: DrawingBackend>(
    model: &GanttModel,
    area: DrawingArea<DB, Shift>,
) -> Result<PlotSpan, plotters::drawing::DrawingAreaErrorKind<DB::ErrorType>> {
    paint::clear(&area)?;
    let (width, _) = area.dim_in_pixel();
    let (legend_area, chart_area) = area.split_vertically(legend_height(model, width) + MARGIN);
    let margin = MARGIN as i32;
    paint::draw_legend(
        &legend_area.margin(margin, 0, margin, margin),
        &legend_entries(model),
    )?;

    let rows = drawn_rows(model);
    let label_width = model
        .rows
        .iter()
        .map(|row| paint::text_width(&row.label, 13))
        .max()
        .unwrap_or(0)
        + 14;
    let mut chart = ChartBuilder::on(&chart_area)
        .margin(MARGIN)
        .x_label_area_size(X_AXIS)
        .y_label_area_size(label_width)
        .build_cartesian_2d(0u64..model.extent, 0u32..rows)?;
    let plot_width = chart.plotting_area().dim_in_pixel().0;
    // Room for the widest tick label, so long runs do not print numbers over each other.
    let tick_spacing = paint::text_width(&model.extent.to_string(), 12) + 28;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(rows as usize + 1)
        .y_label_formatter(&|_| String::new())
        .x_labels((plot_width / tick_spacing).clamp(2, 24) as usize)
        .x_desc(model.axis_label.clone())
        .label_style((FONT_FAMILY, 12))
        .axis_desc_style((FONT_FAMILY, 13))
        .light_line_style(paint::colour(Rgb(0xEE, 0xEE, 0xEE)))
        .bold_line_style(paint::colour(GRID))
        .axis_style(paint::colour(INK))
        .draw()?;

    let plot = chart.plotting_area();
    let base = plot.get_base_pixel();
    let span = PlotSpan {
        left: plot.map_coordinate(&(0, rows)).0,
        right: plot.map_coordinate(&(model.extent, rows)).0,
        top: plot.map_coordinate(&(0, rows)).1,
        bottom: plot.map_coordinate(&(0, 0)).1,
        extent: model.extent,
        rows,
    };
    let to_pixel = |tick: u64, band: u32| {
        let (x, y) = plot.map_coordinate(&(tick, band));
        (x - base.0, y - base.1)
    };
    let canvas = plot.strip_coord_spec();
    let outer = chart_area.get_base_pixel();
    for (index, row) in model.rows.iter().take(MAX_DRAWN_ROWS).enumerate() {
        let band = rows - index as u32;
        let (top, bottom) = (to_pixel(0, band).1, to_pixel(0, band - 1).1);
        chart_area.draw_text(
            &row.label,
            &paint::font(13, INK, paint::right_middle()),
            (base.0 - outer.0 - 6, (top + bottom) / 2 + base.1 - outer.1),
        )?;
        let (top, bottom) = (top + 3, bottom - 3);
        for segment in &row.segments {
            let (left, right) = (to_pixel(segment.start, 0).0, to_pixel(segment.end, 0).0);
            let fill = segment.kind.fill();
            paint::paint_fill(&canvas, (left, top), (right, bottom), fill)?;
            if fill.pattern == Pattern::Solid && right - left >= 4 {
                canvas.draw(&Rectangle::new(
                    [(left, top), (right, bottom)],
                    paint::colour(PAPER).stroke_width(1),
                ))?;
            }
            let text_width = paint::text_width(&segment.label, SEGMENT_FONT) as i32;
            if text_width + 6 > right - left || bottom - top < SEGMENT_FONT as i32 + 2 {
                continue;
            }
            let centre = ((left + right) / 2, (top + bottom) / 2);
            let ink = match fill.pattern {
                Pattern::Solid => fill.ink,
                Pattern::Outline => INK,
                Pattern::Hatch | Pattern::CrossHatch | Pattern::Dots => {
                    // A plain plate under the words so the pattern does not cross them.
                    canvas.draw(&Rectangle::new(
                        [
                            (centre.0 - text_width / 2 - 2, centre.1 - 8),
                            (centre.0 + text_width / 2 + 2, centre.1 + 8),
                        ],
                        paint::colour(fill.colour).filled(),
                    ))?;
                    fill.ink
                }
            };
            canvas.draw_text(
                &segment.label,
                &paint::font(SEGMENT_FONT, ink, paint::centre()),
                centre,
            )?;
        }
    }
    let cpu_rows = model
        .rows
        .iter()
        .filter(|row| matches!(row.kind, RowKind::Cpu { .. }))
        .count() as u32;
    if cpu_rows > 0 && cpu_rows < rows {
        let y = to_pixel(0, rows - cpu_rows).1;
        let right = to_pixel(model.extent, 0).0;
        canvas.draw(&PathElement::new(
            [(0, y), (right, y)],
            paint::colour(INK).stroke_width(1),
        ))?;
    }
    Ok(span)
}

/// The chart as a standalone SVG document (960 pixels wide), for the download button.
pub fn gantt_svg(model: &GanttModel) -> String {
    let height = gantt_height(model, SVG_WIDTH);
    let mut svg = String::new();
    {
        let backend = SVGBackend::with_string(&mut svg, (SVG_WIDTH, height));
        let _ = draw_gantt(model, backend.into_drawing_area());
    }
    svg
}

/// The Gantt chart canvas (id [`GANTT_CANVAS_ID`]) as a PNG `data:` URL, for the download button.
pub fn gantt_png_data_url(canvas_id: &str) -> Option<String> {
    canvas::png_data_url(canvas_id)
}

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
    let deferred = simulation.run.events().len() > DEFER_FROM_EVENTS;
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
                // After the next frame is painted (a task queued from an animation frame runs
                // after it), so the results are on screen while the chart is built.
                let cancelled = Rc::new(std::cell::Cell::new(false));
                let frame = waiting.then(|| {
                    let cancelled = Rc::clone(&cancelled);
                    gloo::render::request_animation_frame(move |_| {
                        gloo::timers::callback::Timeout::new(0, move || {
                            if cancelled.get() {
                                return;
                            }
                            let fresh = Rc::new(gantt_model(&simulation, lang));
                            *built.borrow_mut() = Some((simulation, lang, fresh));
                            update.force_update();
                        })
                        .forget();
                    })
                });
                // A newer run or language cancels the one still waiting.
                move || {
                    cancelled.set(true);
                    drop(frame);
                }
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
        use_effect_with((model.clone(), window_width), move |(model, _)| {
            let Some(element) = canvas_ref.cast::<HtmlCanvasElement>() else {
                return;
            };
            let Some(model) = model else {
                // The previous run's drawing must not stand for this one while it is built.
                element.set_width(element.width());
                span.set(None);
                return;
            };
            let drawn = std::cell::Cell::new(None);
            canvas::paint_canvas(
                &element,
                |width| gantt_height(model, width),
                |area: DrawingArea<CanvasBackend, Shift>| {
                    drawn.set(draw_gantt_span(model, area).ok());
                },
            );
            span.set(drawn.get());
        });
    }
    let onclick = {
        let span = *span;
        let onjump = props.onjump.clone();
        let onselect = props.onselect.clone();
        let model = model.clone();
        Callback::from(move |event: MouseEvent| {
            let (Some(span), Some(model)) = (span, &model) else {
                return;
            };
            if let (Some(onjump), Some(tick)) = (&onjump, span.tick_at(event.offset_x())) {
                onjump.emit(tick);
            }
            let row = span
                .row_at(event.offset_y())
                .and_then(|index| model.rows.get(index));
            if let (Some(onselect), Some(RowKind::Thread { thread })) =
                (&onselect, row.map(|row| row.kind))
            {
                onselect.emit(thread);
            }
        })
    };
    // The cursor element is always there (hidden when there is nothing to show), so the canvas
    // beside it keeps its place in the DOM and its drawing.
    let cursor_style = match (props.cursor, *span) {
        (Some(tick), Some(span)) => format!(
            "left:{}px;top:{}px;height:{}px",
            span.x_of(tick),
            span.top,
            (span.bottom - span.top).max(0)
        ),
        _ => String::from("display:none"),
    };
    let cursor_tick = props.cursor.map(|tick| tick.to_string());
    let lang = props.lang;
    html! {
        <figure class="chart gantt-chart" aria-busy={model.is_none().then_some("true")}>
            <div class="gantt-stage">
                <canvas id={GANTT_CANVAS_ID} ref={canvas_ref} role="img"
                    aria-label={(*takeaway).clone()} {onclick}></canvas>
                <div class="gantt-cursor" aria-hidden="true" data-tick={cursor_tick} style={cursor_style}></div>
            </div>
            <figcaption class="chart-takeaway">{ &*takeaway }</figcaption>
            if let Some(model) = &model {
                { shown_note(model.rows.len().min(MAX_DRAWN_ROWS), model.rows.len(), lang) }
                <GanttData model={Rc::clone(model)} {lang} />
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
/// `<details>` is open: thousands of rows nobody has asked for would cost every upload.
#[function_component(GanttData)]
fn gantt_data(props: &GanttDataProps) -> Html {
    let model = &props.model;
    let lang = props.lang;
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            open.set(
                event
                    .target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            )
        })
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
                    <table>
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
                    { shown_note(segments_total.min(MAX_TABLE_ROWS), segments_total, lang) }
                }
            </details>
    }
}
