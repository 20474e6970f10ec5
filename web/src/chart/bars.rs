//! The policy comparison drawn with plotters: grouped horizontal bars, one group per policy,
//! a plain function of the rows computed by [`proclab_app::chart::compare_model`].

use plotters::coord::Shift;
use plotters::prelude::*;
use proclab_app::lang::Words;
use proclab_core::{Ratio, Totals};

use super::paint::{self, DrawResult, Marker, Swatch, FONT_FAMILY};
use proclab_app::chart::compare_model::CompareRow;
use proclab_app::chart::palette::{
    Fill, Pattern, Rgb, BLUE, BLUISH_GREEN, GRID, INK, ORANGE, PAPER,
};
use proclab_app::chart::text::ChartText;
use proclab_app::i18n::Lang;

/// Outer margin in pixels.
pub(super) const MARGIN: u32 = 10;
/// Height of an x axis with its title.
pub(super) const X_AXIS: u32 = 44;
/// Height of one policy's group of three bars: each bar 16 px, a little over its 12 px value label,
/// so the labels of neighbouring bars never touch.
const GROUP_HEIGHT: u32 = 56;

/// The three averages compared, in the order of the bars, with their fills and markers.
pub(super) const MEASURES: [(ChartText, Fill, Marker); 3] = [
    (
        ChartText::AverageWaiting,
        Fill {
            colour: BLUE,
            pattern: Pattern::Solid,
            ink: PAPER,
        },
        Marker::Circle,
    ),
    (
        ChartText::AverageTurnaround,
        Fill {
            colour: ORANGE,
            pattern: Pattern::Hatch,
            ink: INK,
        },
        Marker::Triangle,
    ),
    (
        ChartText::AverageResponse,
        Fill {
            colour: BLUISH_GREEN,
            pattern: Pattern::Dots,
            ink: INK,
        },
        Marker::Square,
    ),
];

/// The three averages of `totals`, in the order of [`MEASURES`].
pub fn averages(totals: &Totals) -> [Ratio; 3] {
    [
        totals.average_waiting,
        totals.average_turnaround,
        totals.average_response,
    ]
}

/// A ratio as a plot position (pixels only; the words show the exact value).
pub(super) fn position(ratio: &Ratio) -> f64 {
    ratio.centi() as f64 / 100.0
}

fn ran(rows: &[CompareRow]) -> Vec<(&CompareRow, &Totals)> {
    rows.iter()
        .filter_map(|row| row.outcome.as_ref().ok().map(|totals| (row, totals)))
        .collect()
}

fn bar_legend(lang: Lang) -> Vec<(Swatch, String)> {
    MEASURES
        .iter()
        .map(|(words, fill, _)| (Swatch::Fill(*fill), words.get(lang).to_string()))
        .collect()
}

pub(super) fn legend_height(entries: &[(Swatch, String)], width: u32) -> u32 {
    paint::legend_height(
        entries.iter().map(|(_, words)| words.as_str()),
        width.saturating_sub(2 * MARGIN),
    )
}

/// Height in pixels of the bar chart of `rows` drawn `width` pixels wide.
pub fn compare_height(rows: &[CompareRow], lang: Lang, width: u32) -> u32 {
    let groups = ran(rows).len().max(1) as u32;
    legend_height(&bar_legend(lang), width) + 3 * MARGIN + X_AXIS + groups * GROUP_HEIGHT
}

/// Grouped horizontal bars: for each policy that ran, its average waiting, turnaround and
/// response, each bar labelled with its exact value.
pub fn draw_compare<DB: DrawingBackend>(
    rows: &[CompareRow],
    lang: Lang,
    area: DrawingArea<DB, Shift>,
) -> DrawResult<DB> {
    paint::clear(&area)?;
    let legend = bar_legend(lang);
    let (width, _) = area.dim_in_pixel();
    let (legend_area, chart_area) = area.split_vertically(legend_height(&legend, width) + MARGIN);
    let margin = MARGIN as i32;
    paint::draw_legend(&legend_area.margin(margin, 0, margin, margin), &legend)?;

    let ran = ran(rows);
    let groups = ran.len().max(1) as u32;
    let names: Vec<String> = ran.iter().map(|(row, _)| row.short_label(lang)).collect();
    let label_width = names
        .iter()
        .map(|name| paint::text_width(name, 12))
        .max()
        .unwrap_or(0)
        + 14;
    let largest = ran
        .iter()
        .flat_map(|(_, totals)| averages(totals))
        .map(|ratio| position(&ratio))
        .fold(0.0, f64::max);
    // Room right of the longest bar for its value: on a phone's narrow plot a share of the scale
    // (it was 18%) is fewer pixels than the label ("27.00" was cut at the edge).
    let widest_value = ran
        .iter()
        .flat_map(|(_, totals)| averages(totals))
        .map(|ratio| paint::text_width(&ratio.to_string(), 12))
        .max()
        .unwrap_or(0);
    let plot_estimate = f64::from(width.saturating_sub(2 * MARGIN + label_width));
    let room = f64::from(widest_value + 8);
    let top = match largest {
        largest if largest <= 0.0 => 1.0,
        largest if plot_estimate > 2.0 * room => {
            (largest * plot_estimate / (plot_estimate - room)).max(largest * 1.18)
        }
        largest => largest * 2.0,
    };
    let mut chart = ChartBuilder::on(&chart_area)
        .margin(MARGIN)
        .x_label_area_size(X_AXIS)
        .y_label_area_size(label_width)
        .build_cartesian_2d(0f64..top, 0u32..groups)?;
    let plot_width = chart.plotting_area().dim_in_pixel().0;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(groups as usize + 1)
        .y_label_formatter(&|_| String::new())
        .x_labels((plot_width / 64).clamp(2, 12) as usize)
        .x_label_formatter(&paint::tick_label)
        .x_desc(ChartText::TicksAxis.get(lang))
        .label_style((FONT_FAMILY, 12))
        .axis_desc_style((FONT_FAMILY, 13))
        .max_light_lines(4)
        .light_line_style(paint::colour(Rgb(0xEE, 0xEE, 0xEE)))
        .bold_line_style(paint::colour(GRID))
        .axis_style(paint::colour(INK))
        .draw()?;

    let plot = chart.plotting_area();
    let base = plot.get_base_pixel();
    let to_pixel = |value: f64, band: u32| {
        let (x, y) = plot.map_coordinate(&(value, band));
        (x - base.0, y - base.1)
    };
    let canvas = plot.strip_coord_spec();
    let outer = chart_area.get_base_pixel();
    for (index, ((_, totals), name)) in ran.iter().zip(&names).enumerate() {
        let band = groups - index as u32;
        let (band_top, band_bottom) = (to_pixel(0.0, band).1, to_pixel(0.0, band - 1).1);
        chart_area.draw_text(
            name,
            &paint::font(12, INK, paint::right_middle()),
            (
                base.0 - outer.0 - 6,
                (band_top + band_bottom) / 2 + base.1 - outer.1,
            ),
        )?;
        let bar = (band_bottom - band_top - 8) / 3;
        for (slot, (ratio, (_, fill, _))) in averages(totals).iter().zip(MEASURES).enumerate() {
            let y0 = band_top + 4 + bar * slot as i32;
            let (left, right) = (to_pixel(0.0, 0).0, to_pixel(position(ratio), 0).0);
            paint::paint_fill(&canvas, (left, y0), (right.max(left + 1), y0 + bar), fill)?;
            canvas.draw_text(
                &ratio.to_string(),
                &paint::font(12, INK, paint::left_middle()),
                (right.max(left + 1) + 3, y0 + bar / 2),
            )?;
        }
    }
    Ok(())
}
