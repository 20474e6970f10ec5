//! The warm-up model's downloads: its Gantt chart as SVG (the page turns the same SVG into a
//! PNG) and its job and CPU tables as CSV. Every figure is the chart model's
//! ([`super::warmup::warmup_chart`], read from the core's run); cold running is hatched, warm
//! running solid with a starred name, as on the page.

use std::fmt::Write;

use super::palette::{self, Pattern};
use super::warmup::{label_fits_at, takeaway, WarmupChart};
use crate::lang::Lang;

/// The SVG's width in pixels; the chart's track is what is left of it after the CPU names.
pub const SVG_WIDTH: u64 = 1000;
const GUTTER: u64 = 56;
const ROW: u64 = 32;
const GAP: u64 = 8;
const TOP: u64 = 8;
const AXIS: u64 = 24;

/// `text` with the five characters XML gives meaning to escaped.
fn xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// The SVG's height for `chart`.
pub fn svg_height(chart: &WarmupChart) -> u64 {
    TOP + chart.cpus.len() as u64 * (ROW + GAP) + AXIS
}

/// The Gantt chart as a standalone SVG, [`SVG_WIDTH`] wide: a row per CPU, its title the
/// chart's takeaway in `lang`; each segment keeps its text in a `<title>` (a tooltip), shown
/// as a label where it fits.
pub fn warmup_svg(chart: &WarmupChart, lang: Lang) -> String {
    let height = svg_height(chart);
    let track = (SVG_WIDTH - GUTTER - 8) as f64;
    let scale = track / chart.end.max(1) as f64;
    let x_of = |tick: u64| GUTTER as f64 + tick as f64 * scale;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{SVG_WIDTH}" height="{height}" viewBox="0 0 {SVG_WIDTH} {height}" font-family="sans-serif" font-size="12">"##
    );
    let _ = write!(svg, "<title>{}</title>", xml(&takeaway(chart, lang)));
    // One hatch per job colour that runs cold.
    let mut hatched: Vec<u32> = chart
        .cpus
        .iter()
        .flat_map(|cpu| &cpu.segments)
        .filter(|segment| segment.fill.pattern == Pattern::Hatch)
        .filter_map(|segment| segment.job)
        .map(|job| job % palette::PROCESS_COLOURS.len() as u32)
        .collect();
    hatched.sort_unstable();
    hatched.dedup();
    svg.push_str("<defs>");
    for colour in &hatched {
        let hex = palette::process_colour(*colour).hex();
        let _ = write!(
            svg,
            r##"<pattern id="cold-{colour}" width="9" height="9" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="9" height="9" fill="#ffffff"/><rect width="5" height="9" fill="{hex}"/></pattern>"##
        );
    }
    svg.push_str("</defs>");
    let _ = write!(
        svg,
        r##"<rect width="{SVG_WIDTH}" height="{height}" fill="#ffffff"/>"##
    );
    let ink = palette::INK.hex();
    for (row, cpu) in chart.cpus.iter().enumerate() {
        let y = TOP + row as u64 * (ROW + GAP);
        let _ = write!(
            svg,
            r##"<text x="4" y="{}" fill="{ink}" dominant-baseline="middle">CPU{}</text>"##,
            y + ROW / 2,
            cpu.cpu
        );
        for segment in &cpu.segments {
            let (x, width) = (
                x_of(segment.start),
                (segment.end - segment.start) as f64 * scale,
            );
            let colour = segment.fill.colour.hex();
            let fill = match (segment.fill.pattern, segment.job) {
                (Pattern::Hatch, Some(job)) => {
                    format!("url(#cold-{})", job % palette::PROCESS_COLOURS.len() as u32)
                }
                _ => colour.clone(),
            };
            let class = match (segment.job, segment.warm) {
                (None, _) => "idle",
                (Some(_), true) => "warm",
                (Some(_), false) => "cold",
            };
            let _ = write!(
                svg,
                r##"<g class="{class}"><title>{}–{}: {}</title><rect x="{x:.2}" y="{y}" width="{width:.2}" height="{ROW}" fill="{fill}" stroke="{colour}" stroke-width="1"/>"##,
                segment.start,
                segment.end,
                xml(&segment.label)
            );
            if label_fits_at(segment, scale) {
                let text_ink = if segment.fill.pattern == Pattern::Hatch {
                    ink.clone()
                } else {
                    segment.fill.ink.hex()
                };
                let _ = write!(
                    svg,
                    r##"<text x="{:.2}" y="{}" fill="{text_ink}" text-anchor="middle" dominant-baseline="middle" paint-order="stroke" stroke="{}" stroke-width="{}">{}</text>"##,
                    x + width / 2.0,
                    y + ROW / 2,
                    if segment.fill.pattern == Pattern::Hatch {
                        "#ffffff"
                    } else {
                        "none"
                    },
                    if segment.fill.pattern == Pattern::Hatch {
                        3
                    } else {
                        0
                    },
                    xml(&segment.label)
                );
            }
            svg.push_str("</g>");
        }
    }
    let axis_y = TOP + chart.cpus.len() as u64 * (ROW + GAP) + 4;
    for mark in &chart.marks {
        let anchor = if *mark == chart.end { "end" } else { "middle" };
        let _ = write!(
            svg,
            r##"<text x="{:.2}" y="{}" fill="{ink}" text-anchor="{anchor}" dominant-baseline="hanging">{mark}</text>"##,
            x_of(*mark),
            axis_y
        );
    }
    svg.push_str("</svg>");
    svg
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The job table: one row per job.
pub fn jobs_csv(chart: &WarmupChart) -> String {
    let mut csv =
        String::from("job,run_time,working_set,completion,turnaround,warm_ticks,cold_ticks\n");
    for job in &chart.jobs {
        let _ = writeln!(
            csv,
            "{},{},{},{},{},{},{}",
            csv_field(&job.name),
            job.run_time,
            job.working_set,
            job.completion,
            job.turnaround,
            job.warm_ticks,
            job.cold_ticks
        );
    }
    csv
}

/// The CPU table: one row per CPU, then the end.
pub fn cpus_csv(chart: &WarmupChart) -> String {
    let mut csv = String::from("cpu,busy,warm,utilisation_percent,warm_percent\n");
    for cpu in &chart.cpus {
        let _ = writeln!(
            csv,
            "CPU{},{},{},{},{}",
            cpu.cpu, cpu.busy, cpu.warm, cpu.utilisation, cpu.warm_share
        );
    }
    let _ = writeln!(csv, "finished,{},,,", chart.end);
    csv
}
