//! Drawing the Gantt chart on any plotters backend: [`draw_gantt`] on the page's canvas,
//! [`gantt_download`] for the SVG and PNG downloads, with the chart's takeaway as a caption.

use plotters::coord::ranged1d::{LightPoints, Ranged};
use plotters::coord::types::RangedCoordu64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::paint::{self, ChartDownload, DrawResult, Swatch, FONT_FAMILY};
use proclab_app::chart::model::{GanttModel, RowKind, SegmentKind};
use proclab_app::chart::palette::{Fill, Pattern, Rgb, GRID, INK, PAPER};

/// The id of the Gantt chart's canvas.
pub const GANTT_CANVAS_ID: &str = "gantt-canvas";

/// The boosts' dashed lines: a grey that the segments' words stay readable over.
const BOOST: Rgb = Rgb(0x6E, 0x77, 0x81);

/// Height of one row band in pixels.
const ROW_HEIGHT: u32 = 28;
/// Size of the words inside a segment: 12 CSS px, the smallest text the page draws.
const SEGMENT_FONT: u32 = 12;
/// Outer margin in pixels.
const MARGIN: u32 = 10;
/// Height of the x axis: tick labels and its title.
const X_AXIS: u32 = 44;
/// Most rows drawn: the model builds no more (see [`proclab_app::chart::model::MAX_ROWS`]).
pub const MAX_DRAWN_ROWS: usize = proclab_app::chart::model::MAX_ROWS;
/// Most segments listed in the data table, so a very long run does not freeze the page.
pub const MAX_TABLE_ROWS: usize = 2_000;

fn drawn_rows(model: &GanttModel) -> u32 {
    model.rows.len().clamp(1, MAX_DRAWN_ROWS) as u32
}

fn legend_entries(model: &GanttModel) -> Vec<(Swatch, String)> {
    let mut entries: Vec<(Swatch, String)> = model
        .legend
        .iter()
        .map(|entry| (Swatch::Fill(entry.fill), entry.text.clone()))
        .collect();
    if let Some(words) = &model.levels_legend {
        entries.push((Swatch::Word("Q1"), words.clone()));
    }
    if let Some(words) = &model.boost_legend {
        entries.push((Swatch::ThinDashed(BOOST), words.clone()));
    }
    entries
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

/// A segment's words centred on `centre`, on a plain plate of `plate` when given, so that a
/// pattern under them does not cross them.
fn centred_words<DB: DrawingBackend>(
    canvas: &DrawingArea<DB, Shift>,
    words: &str,
    centre: (i32, i32),
    ink: Rgb,
    plate: Option<Rgb>,
) -> DrawResult<DB> {
    if let Some(plate) = plate {
        let half = paint::text_width(words, SEGMENT_FONT) as i32 / 2;
        canvas.draw(&Rectangle::new(
            [
                (centre.0 - half - 2, centre.1 - 8),
                (centre.0 + half + 2, centre.1 + 8),
            ],
            paint::colour(plate).filled(),
        ))?;
    }
    canvas.draw_text(
        words,
        &paint::font(SEGMENT_FONT, ink, paint::centre()),
        centre,
    )
}

/// Whether every thread named on the CPU rows as `P.T` belongs to one process, so that `T` alone
/// names it.
fn one_process_threads(model: &GanttModel) -> bool {
    let mut owners = model
        .rows
        .iter()
        .filter(|row| matches!(row.kind, RowKind::Cpu { .. }))
        .flat_map(|row| &row.segments)
        .filter(|segment| matches!(segment.kind, SegmentKind::Run { .. }))
        .filter_map(|segment| segment.label.split_once('.').map(|(owner, _)| owner));
    let first = owners.next();
    first.is_some() && owners.all(|owner| Some(owner) == first)
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
    // A tick label sits centred on its tick: the last one, at the run's end, needs half its
    // width to the right of the plot (a long run's "1000000" was cut off at the edge).
    let widest_tick = paint::text_width(&model.extent.to_string(), 12);
    let margin_right = MARGIN.max(widest_tick / 2 + 4);
    // Room for the widest tick label, so long runs do not print numbers over each other.
    let tick_spacing = widest_tick + 28;
    let plot_width = width
        .saturating_sub(MARGIN + label_width + margin_right)
        .max(1);
    let labels = (plot_width / tick_spacing).clamp(2, 24) as usize;
    // A short run is labelled where its segments begin and end, as a textbook draws a Gantt
    // chart (a phone's axis had said 0, 10, 20 under segments ending at 1, 5, 17 and 26); a
    // longer one at round numbers, with the light lines plotters puts between them.
    // Labels 4 px apart: a phone's round robin of two-tick slices is labelled at every
    // boundary (8 px had left out half of them, and the axis fell back to 0, 10, 20, 28).
    let boundaries = proclab_app::chart::model::boundary_ticks(model, plot_width, widest_tick + 4);
    let extent = model.extent;
    let round =
        move |hint: &dyn Fn(RangedCoordu64) -> Vec<u64>| hint(RangedCoordu64::from(0u64..extent));
    let room = f64::from(widest_tick + 8);
    let bold = {
        let boundaries = boundaries.clone();
        move |count: usize| match &boundaries {
            Some(ticks) => ticks.clone(),
            // Round numbers, and the run's end as a textbook's axis ends (a phone's 0, 10, 20
            // under a run ending at 26): it takes the place of a round label too close before it.
            None => {
                let mut ticks = round(&|axis| axis.key_points(count));
                let x = |tick: u64| tick as f64 * f64::from(plot_width) / extent.max(1) as f64;
                if ticks.last() != Some(&extent) {
                    if ticks.len() > 1
                        && ticks.last().is_some_and(|&last| x(extent) - x(last) < room)
                    {
                        ticks.pop();
                    }
                    ticks.push(extent);
                }
                ticks
            }
        }
    };
    let light = move |count: usize| round(&|axis| axis.key_points(LightPoints::new(labels, count)));
    let mut chart = ChartBuilder::on(&chart_area)
        .margin(MARGIN)
        .margin_right(margin_right)
        .x_label_area_size(X_AXIS)
        .y_label_area_size(label_width)
        .build_cartesian_2d(
            (0u64..model.extent)
                .with_key_point_func(bold)
                .with_light_point_func(light),
            0u32..rows,
        )?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(rows as usize + 1)
        .y_label_formatter(&|_| String::new())
        .x_labels(labels)
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
    // A segment's width as its ticks make it, before rounding to pixels: whether its label fits
    // is decided on this, so that segments of one length are all labelled or none (rounding had
    // left every fourth four-tick segment of a phone's chart blank beside labelled ones).
    let tick_width = f64::from(span.right - span.left) / model.extent.max(1) as f64;
    let width_of = |start: u64, end: u64| ((end - start) as f64 * tick_width).floor() as i32;
    let canvas = plot.strip_coord_spec();
    let outer = chart_area.get_base_pixel();
    let short = one_process_threads(model);
    for (index, row) in model.rows.iter().take(MAX_DRAWN_ROWS).enumerate() {
        let band = rows - index as u32;
        let (top, bottom) = (to_pixel(0, band).1, to_pixel(0, band - 1).1);
        chart_area.draw_text(
            &row.label,
            &paint::font(13, INK, paint::right_middle()),
            (base.0 - outer.0 - 6, (top + bottom) / 2 + base.1 - outer.1),
        )?;
        let (top, bottom) = (top + 3, bottom - 3);
        let mut column = PixelColumn::default();
        let mut run = PixelRun::default();
        let paint_run = |(x0, x1, fill): (i32, i32, Fill)| {
            paint::paint_fill(&canvas, (x0, top), (x1, bottom), fill)
        };
        for segment in &row.segments {
            let (left, right) = (to_pixel(segment.start, 0).0, to_pixel(segment.end, 0).0);
            let fill = segment.kind.fill();
            // Segments of a pixel or less (each covers at most column `left`) are gathered per
            // pixel column, in the fill that covers most of the column, and columns side by side
            // of one fill are drawn as one rectangle: RR q=1 on 10,000 processes puts about
            // 500,000 slices on a CPU row a thousand pixels wide, and 256 threads taking turns
            // every tick cut each thread's row into 8,000 stays in "ready".
            if right - left <= 1 {
                if let Some((x, fill)) = column.add(left, segment.end - segment.start, fill) {
                    run.add(x, fill).map(paint_run).transpose()?;
                }
                continue;
            }
            if let Some((x, fill)) = column.take() {
                run.add(x, fill).map(paint_run).transpose()?;
            }
            run.take().map(paint_run).transpose()?;
            paint::paint_fill(&canvas, (left, top), (right, bottom), fill)?;
            if fill.pattern == Pattern::Solid && right - left >= 4 {
                canvas.draw(&Rectangle::new(
                    [(left, top), (right, bottom)],
                    paint::colour(PAPER).stroke_width(1),
                ))?;
            }
            let (ink, plate) = match fill.pattern {
                Pattern::Solid => (fill.ink, None),
                Pattern::Outline => (INK, None),
                Pattern::Hatch | Pattern::CrossHatch | Pattern::Dots => {
                    (fill.ink, Some(fill.colour))
                }
            };
            // A plate reaches 2 px past the words on each side: room for it and a margin, or a
            // one-tick "sync wait" in Korean ran its plate into the segment's edges.
            let room = if plate.is_some() { 12 } else { 4 };
            let fits = |label: &str| {
                paint::text_width(label, SEGMENT_FONT) as i32 + room
                    <= width_of(segment.start, segment.end)
            };
            // Too narrow for P1.T2, a segment of the one process with threads says T2 (its
            // row and colour say whose).
            let label = match segment.label.split_once('.') {
                Some((_, thread)) if short && !fits(&segment.label) => thread,
                _ => &segment.label,
            };
            if !fits(label) || bottom - top < SEGMENT_FONT as i32 + 2 {
                continue;
            }
            let centre = ((left + right) / 2, (top + bottom) / 2);
            centred_words(&canvas, label, centre, ink, plate)?;
        }
        if let Some((x, fill)) = column.take() {
            run.add(x, fill).map(paint_run).transpose()?;
        }
        run.take().map(paint_run).transpose()?;
        // A stay on the CPU cut by kernel time into pieces too narrow for a name is named once,
        // across its pieces, on a plain plate.
        for stay in row.thread_stays() {
            let fits = |start: u64, end: u64, label: &str| {
                paint::text_width(label, SEGMENT_FONT) as i32 + 6 <= width_of(start, end)
            };
            let named = row.segments[stay.segments.clone()]
                .iter()
                .any(|segment| fits(segment.start, segment.end, &segment.label));
            if named
                || !fits(stay.start, stay.end, &stay.label)
                || bottom - top < SEGMENT_FONT as i32 + 2
            {
                continue;
            }
            let (left, right) = (to_pixel(stay.start, 0).0, to_pixel(stay.end, 0).0);
            let centre = ((left + right) / 2, (top + bottom) / 2);
            centred_words(&canvas, &stay.label, centre, INK, Some(PAPER))?;
        }
    }
    // A boost across every band, thin and grey under the words' weight, at most one line per 8
    // pixels (a boost every few ticks of a long run would fill the chart).
    if let Some(period) = model.boost_every {
        let (bands_top, bands_bottom) = (to_pixel(0, rows).1, to_pixel(0, 0).1);
        let per_line = (8.0 / (period as f64 * tick_width)).ceil().max(1.0) as u64;
        let step = period.saturating_mul(per_line);
        let mut tick = step;
        while tick < model.extent {
            let x = to_pixel(tick, 0).0;
            paint::draw_dashed_width(&canvas, (x, bands_top), (x, bands_bottom), BOOST, 1)?;
            tick = tick.saturating_add(step);
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

/// The sub-pixel segments of one pixel column of a row, gathered to be drawn as one.
#[derive(Default)]
struct PixelColumn {
    /// The column, and the fill with the most ticks in it so far.
    x: Option<i32>,
    best: Option<(Fill, u64)>,
    /// Ticks per fill seen in this column (a handful of kinds at most).
    seen: Vec<(Fill, u64)>,
}

impl PixelColumn {
    /// Adds `ticks` of `fill` at column `x`; returns the previous column to draw if `x` is new.
    fn add(&mut self, x: i32, ticks: u64, fill: Fill) -> Option<(i32, Fill)> {
        let finished = if self.x != Some(x) { self.take() } else { None };
        self.x = Some(x);
        let total = match self.seen.iter_mut().find(|(seen, _)| *seen == fill) {
            Some((_, total)) => {
                *total += ticks;
                *total
            }
            None => {
                self.seen.push((fill, ticks));
                ticks
            }
        };
        if self.best.is_none_or(|(_, most)| total > most) {
            self.best = Some((fill, total));
        }
        finished
    }

    /// The column gathered so far, if any, and an empty one in its place.
    fn take(&mut self) -> Option<(i32, Fill)> {
        let x = self.x.take()?;
        let best = self.best.take().map(|(fill, _)| fill);
        self.seen.clear();
        best.map(|fill| (x, fill))
    }
}

/// Gathered pixel columns side by side in one fill, `[start, end)`, to be drawn as one rectangle.
#[derive(Default)]
struct PixelRun {
    run: Option<(i32, i32, Fill)>,
}

impl PixelRun {
    /// Adds column `x` in `fill`; returns the run before it to draw if `x` does not extend it.
    fn add(&mut self, x: i32, fill: Fill) -> Option<(i32, i32, Fill)> {
        match &mut self.run {
            Some((_, end, current)) if *end == x && *current == fill => {
                *end = x + 1;
                None
            }
            _ => self.run.replace((x, x + 1, fill)),
        }
    }

    /// The run gathered so far, if any.
    fn take(&mut self) -> Option<(i32, i32, Fill)> {
        self.run.take()
    }
}

/// The chart with its takeaway (the policy, the workload, when it ends and its averages) as a
/// caption, for the SVG and PNG download buttons.
pub fn gantt_download(model: &GanttModel) -> ChartDownload {
    paint::captioned_svg(
        &model.takeaway,
        gantt_height(model, paint::DOWNLOAD_WIDTH),
        |area| {
            let _ = draw_gantt(model, area);
        },
    )
}
