//! The round-robin quantum sweep drawn with plotters: average waiting, turnaround and response
//! (left axis) and context switches (right axis) against the quantum, each line with its own marker.

use plotters::coord::Shift;
use plotters::prelude::*;
use proclab_app::lang::Words;

use super::bars::{averages, legend_height, position, MARGIN, MEASURES, X_AXIS};
use super::paint::{self, DrawResult, Marker, Swatch, FONT_FAMILY};
use proclab_app::chart::compare_model::SweepPoint;
use proclab_app::chart::palette::{Fill, Pattern, Rgb, GRID, IDLE, INK, VERMILLION};
use proclab_app::chart::text::{sweep_marked, ChartText};
use proclab_app::i18n::Lang;

/// Height of the sweep's plotting area.
const SWEEP_PLOT_HEIGHT: u32 = 240;

/// Height in pixels of the sweep chart of `points` drawn `width` pixels wide, with a dashed line
/// at the quantum `marked` if the sweep has it.
pub fn sweep_height(points: &[SweepPoint], marked: Option<u64>, lang: Lang, width: u32) -> u32 {
    legend_height(&sweep_legend(points, marked, lang), width)
        + 3 * MARGIN
        + X_AXIS
        + SWEEP_PLOT_HEIGHT
}

/// The quantum to mark, if the sweep tried it.
fn shown_mark(points: &[SweepPoint], marked: Option<u64>) -> Option<u64> {
    marked.filter(|quantum| points.iter().any(|point| point.quantum == *quantum))
}

/// The band behind a quantum whose run stopped before every thread finished: its figures are
/// those of a cut-off run, not comparable with the others'.
const STOPPED_EARLY: Fill = Fill {
    colour: IDLE,
    pattern: Pattern::Hatch,
    ink: GRID,
};

/// The quanta whose run stopped early (a deadlock, the instruction budget).
fn stopped_early(points: &[SweepPoint]) -> Vec<u64> {
    points
        .iter()
        .filter(|point| point.cut_short.is_some() && point.outcome.is_ok())
        .map(|point| point.quantum)
        .collect()
}

fn sweep_legend(points: &[SweepPoint], marked: Option<u64>, lang: Lang) -> Vec<(Swatch, String)> {
    let mut legend: Vec<(Swatch, String)> = MEASURES
        .iter()
        .map(|(words, fill, marker)| {
            (
                Swatch::Line(fill.colour, *marker),
                words.get(lang).to_string(),
            )
        })
        .collect();
    legend.push((
        Swatch::Line(VERMILLION, Marker::Cross),
        ChartText::ContextSwitchesRightAxis.get(lang).to_string(),
    ));
    if let Some(quantum) = shown_mark(points, marked) {
        legend.push((Swatch::Dashed(INK), sweep_marked(quantum, lang)));
    }
    if !stopped_early(points).is_empty() {
        legend.push((
            Swatch::Fill(STOPPED_EARLY),
            ChartText::StoppedEarlyBand.get(lang).to_string(),
        ));
    }
    legend
}

/// Lines of average waiting, turnaround and response (left axis, ticks) and context switches
/// (right axis) against the round-robin quantum, with a dashed line at the quantum `marked` (the
/// one the policy comparison's round robin ran with).
pub fn draw_sweep<DB: DrawingBackend>(
    points: &[SweepPoint],
    marked: Option<u64>,
    lang: Lang,
    area: DrawingArea<DB, Shift>,
) -> DrawResult<DB> {
    paint::clear(&area)?;
    let legend = sweep_legend(points, marked, lang);
    let (width, _) = area.dim_in_pixel();
    let (legend_area, chart_area) = area.split_vertically(legend_height(&legend, width) + MARGIN);
    let margin = MARGIN as i32;
    paint::draw_legend(&legend_area.margin(margin, 0, margin, margin), &legend)?;

    let ran = proclab_app::chart::compare_model::ran(points);
    let first_quantum = points.first().map_or(1, |point| point.quantum);
    let last_quantum = points.last().map_or(1, |point| point.quantum);
    // The axis runs half a step past the quanta either side, so the end points are not on its
    // edges; those extra ticks are not quanta that ran, so they get no number.
    let quantum_label = |quantum: &u64| {
        if (first_quantum..=last_quantum).contains(quantum) {
            quantum.to_string()
        } else {
            String::new()
        }
    };
    let largest = ran
        .iter()
        .flat_map(|(_, totals)| averages(totals))
        .map(|ratio| position(&ratio))
        .fold(0.0, f64::max);
    let top = if largest > 0.0 { largest * 1.1 } else { 1.0 };
    let most_switches = ran
        .iter()
        .map(|(_, totals)| totals.context_switches)
        .max()
        .unwrap_or(0);
    let switches_top = (most_switches as f64 * 1.1).max(1.0);
    let mut chart = ChartBuilder::on(&chart_area)
        .margin(MARGIN)
        .x_label_area_size(X_AXIS)
        .y_label_area_size(52)
        .right_y_label_area_size(52)
        .build_cartesian_2d(0u64..last_quantum + 1, 0f64..top)?
        .set_secondary_coord(0u64..last_quantum + 1, 0f64..switches_top);
    chart
        .configure_mesh()
        .x_labels((last_quantum + 2).min(12) as usize)
        .x_label_formatter(&quantum_label)
        .x_desc(ChartText::Quantum.get(lang))
        .y_label_formatter(&paint::tick_label)
        .y_desc(ChartText::TicksAxis.get(lang))
        .label_style((FONT_FAMILY, 12))
        .axis_desc_style((FONT_FAMILY, 13))
        .max_light_lines(4)
        .light_line_style(paint::colour(Rgb(0xEE, 0xEE, 0xEE)))
        .bold_line_style(paint::colour(GRID))
        .axis_style(paint::colour(INK))
        .draw()?;
    chart
        .configure_secondary_axes()
        .y_label_formatter(&paint::tick_label)
        .y_desc(ChartText::ContextSwitches.get(lang))
        .label_style((FONT_FAMILY, 12))
        .axis_desc_style((FONT_FAMILY, 13))
        .axis_style(paint::colour(INK))
        .draw()?;

    let plot = chart.plotting_area();
    let base = plot.get_base_pixel();
    let canvas = plot.strip_coord_spec();
    let relative = |(x, y): (i32, i32)| (x - base.0, y - base.1);
    // Each stopped-early quantum's column, half a step either side, under the lines.
    for quantum in stopped_early(points) {
        let (left, bottom) = relative(plot.map_coordinate(&(quantum, 0.0)));
        let (right, top_pixel) = relative(plot.map_coordinate(&(quantum + 1, top)));
        let half = ((right - left) / 2).max(3);
        paint::paint_fill(
            &canvas,
            (left - half, top_pixel),
            (left + half, bottom),
            STOPPED_EARLY,
        )?;
    }
    if let Some(quantum) = shown_mark(points, marked) {
        let (x, bottom) = relative(plot.map_coordinate(&(quantum, 0.0)));
        let (_, top_pixel) = relative(plot.map_coordinate(&(quantum, top)));
        paint::draw_dashed(&canvas, (x, bottom), (x, top_pixel), INK)?;
    }
    for (slot, (_, fill, marker)) in MEASURES.iter().enumerate() {
        let line: Vec<(i32, i32)> = ran
            .iter()
            .map(|(quantum, totals)| {
                let value = position(&averages(totals)[slot]);
                relative(plot.map_coordinate(&(*quantum, value)))
            })
            .collect();
        draw_line(&canvas, &line, fill.colour, *marker)?;
    }
    let secondary = chart.secondary_plotting_area();
    let line: Vec<(i32, i32)> = ran
        .iter()
        .map(|(quantum, totals)| {
            let value = totals.context_switches as f64;
            relative(secondary.map_coordinate(&(*quantum, value)))
        })
        .collect();
    draw_line(&canvas, &line, VERMILLION, Marker::Cross)
}

fn draw_line<DB: DrawingBackend>(
    canvas: &DrawingArea<DB, Shift>,
    line: &[(i32, i32)],
    rgb: Rgb,
    marker: Marker,
) -> DrawResult<DB> {
    canvas.draw(&PathElement::new(
        line.to_vec(),
        paint::colour(rgb).stroke_width(2),
    ))?;
    for point in line {
        paint::draw_marker(canvas, *point, marker, rgb)?;
    }
    Ok(())
}
