//! Shared plotters helpers: colours, fonts, text widths, patterned fills, markers and legends.
//! Part of the imperative island: they draw what they are given and hold no state.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use proclab_app::chart::palette::{Fill, Pattern, Rgb, INK, PAPER};

/// Result of drawing on an area of backend `DB`.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The font family of every chart text (a Korean font is installed, so Hangul renders).
pub const FONT_FAMILY: &str = "sans-serif";

/// A plotters colour from a palette colour.
pub fn colour(rgb: Rgb) -> RGBColor {
    RGBColor(rgb.0, rgb.1, rgb.2)
}

/// Chart text of `size` pixels in `rgb`, anchored at `pos`.
pub fn font(size: u32, rgb: Rgb, pos: Pos) -> TextStyle<'static> {
    (FONT_FAMILY, size).into_font().color(&colour(rgb)).pos(pos)
}

/// Left-aligned, vertically centred text.
pub fn left_middle() -> Pos {
    Pos::new(HPos::Left, VPos::Center)
}

/// Centred text.
pub fn centre() -> Pos {
    Pos::new(HPos::Center, VPos::Center)
}

/// Right-aligned, vertically centred text.
pub fn right_middle() -> Pos {
    Pos::new(HPos::Right, VPos::Center)
}

/// An estimate of the width in pixels of `text` at `size` pixels: Latin glyphs about 0.6 em,
/// Hangul and other wide glyphs 1 em. Cheap and deterministic (no DOM measuring per label).
pub fn text_width(text: &str, size: u32) -> u32 {
    let tenths: u32 = text
        .chars()
        .map(|glyph| if glyph.is_ascii() { 6 } else { 10 })
        .sum();
    (tenths * size).div_ceil(10)
}

/// `text` broken at spaces into lines no wider than `width` pixels at `size` pixels (by
/// [`text_width`]); a word wider than a line stands on a line of its own.
pub fn wrap_words(text: &str, size: u32, width: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && text_width(&format!("{line} {word}"), size) > width {
            lines.push(core::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Width in pixels of a downloaded chart.
pub const DOWNLOAD_WIDTH: u32 = 960;
/// Size of the caption's words above a downloaded chart.
const CAPTION_FONT: u32 = 14;
/// Height of one line of the caption.
const CAPTION_LINE: u32 = 20;
/// Margin around the caption.
const CAPTION_MARGIN: u32 = 10;

/// A downloaded chart: a standalone SVG document, `width` x `height` pixels.
pub struct ChartDownload {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// A chart as a standalone SVG document [`DOWNLOAD_WIDTH`] wide, `caption` above it (wrapped),
/// so a picture pasted into a handout still says what it shows. `chart_height` is the chart's
/// height at that width; `draw` draws it on the area below the caption. The page's PNG
/// downloads are this SVG drawn by the browser.
pub fn captioned_svg(
    caption: &str,
    chart_height: u32,
    draw: impl FnOnce(DrawingArea<SVGBackend<'_>, Shift>),
) -> ChartDownload {
    let lines = wrap_words(caption, CAPTION_FONT, DOWNLOAD_WIDTH - 2 * CAPTION_MARGIN);
    let caption_height = lines.len() as u32 * CAPTION_LINE + CAPTION_MARGIN;
    let height = caption_height + chart_height;
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (DOWNLOAD_WIDTH, height)).into_drawing_area();
        let _ = clear(&area);
        let (top, chart) = area.split_vertically(caption_height);
        for (index, line) in lines.iter().enumerate() {
            let y = CAPTION_MARGIN + index as u32 * CAPTION_LINE + CAPTION_LINE / 2;
            let _ = top.draw_text(
                line,
                &font(CAPTION_FONT, INK, left_middle()),
                (CAPTION_MARGIN as i32, y as i32),
            );
        }
        draw(chart);
    }
    ChartDownload {
        svg,
        width: DOWNLOAD_WIDTH,
        height,
    }
}

/// Paints `fill` over the pixel rectangle `[x0, x1) x [y0, y1)` of `area`.
pub fn paint_fill<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    fill: Fill,
) -> DrawResult<DB> {
    if x1 <= x0 || y1 <= y0 {
        return Ok(());
    }
    area.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        colour(fill.colour).filled(),
    ))?;
    let ink = colour(fill.ink).stroke_width(1);
    let height = y1 - y0;
    match fill.pattern {
        Pattern::Solid => {}
        Pattern::Hatch | Pattern::CrossHatch => {
            let spacing = 6;
            let mut offset = x0 - height;
            while offset < x1 {
                // `/`: (offset + t, y1 - t); `\`: (offset + t, y0 + t); t in [0, height], x clipped.
                let low = (x0 - offset).max(0);
                let high = (x1 - offset).min(height);
                if low < high {
                    let rising = [(offset + low, y1 - low), (offset + high, y1 - high)];
                    area.draw(&PathElement::new(rising, ink))?;
                    if fill.pattern == Pattern::CrossHatch {
                        let falling = [(offset + low, y0 + low), (offset + high, y0 + high)];
                        area.draw(&PathElement::new(falling, ink))?;
                    }
                }
                offset += spacing;
            }
        }
        Pattern::Dots => {
            let spacing = 5;
            let mut row = 0;
            let mut y = y0 + 2;
            while y < y1 - 1 {
                let mut x = x0 + 2 + if row % 2 == 0 { 0 } else { spacing / 2 };
                while x < x1 - 1 {
                    area.draw(&Rectangle::new([(x, y), (x + 2, y + 2)], ink.filled()))?;
                    x += spacing;
                }
                y += spacing;
                row += 1;
            }
        }
        Pattern::Outline => {
            let border = colour(fill.ink).stroke_width(2);
            area.draw(&Rectangle::new(
                [(x0 + 1, y0 + 1), (x1 - 1, y1 - 1)],
                border,
            ))?;
        }
    }
    Ok(())
}

/// A point marker of a line chart, so lines differ without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// A filled circle.
    Circle,
    /// A triangle outline.
    Triangle,
    /// A filled square.
    Square,
    /// An `x`.
    Cross,
}

/// Draws `marker` centred on `point` of `area`.
pub fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    point: (i32, i32),
    marker: Marker,
    rgb: Rgb,
) -> DrawResult<DB> {
    let style = colour(rgb);
    let (x, y) = point;
    match marker {
        Marker::Circle => area.draw(&Circle::new(point, 4, style.filled())),
        Marker::Triangle => area.draw(&TriangleMarker::new(point, 5, style.stroke_width(2))),
        Marker::Square => area.draw(&Rectangle::new(
            [(x - 4, y - 4), (x + 4, y + 4)],
            style.filled(),
        )),
        Marker::Cross => area.draw(&Cross::new(point, 4, style.stroke_width(2))),
    }
}

/// What a legend entry shows next to its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swatch {
    /// A patterned box.
    Fill(Fill),
    /// A short line with a marker.
    Line(Rgb, Marker),
    /// A short dashed line.
    Dashed(Rgb),
    /// A short dashed line, 1 px wide.
    ThinDashed(Rgb),
    /// A label as the chart prints it in a segment (`Q1`), for an entry about such labels.
    Word(&'static str),
}

/// Draws a dashed straight line from `from` to `to` (4 pixels drawn, 3 left out), 2 px wide.
pub fn draw_dashed<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    from: (i32, i32),
    to: (i32, i32),
    rgb: Rgb,
) -> DrawResult<DB> {
    draw_dashed_width(area, from, to, rgb, 2)
}

/// [`draw_dashed`], `width` pixels wide.
pub fn draw_dashed_width<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    from: (i32, i32),
    to: (i32, i32),
    rgb: Rgb,
    width: u32,
) -> DrawResult<DB> {
    let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
    let length = (dx * dx + dy * dy).sqrt();
    let mut at = 0.0;
    while at < length {
        let end = (at + 4.0).min(length);
        let point = |along: f64| {
            (
                from.0 + (dx * along / length).round() as i32,
                from.1 + (dy * along / length).round() as i32,
            )
        };
        area.draw(&PathElement::new(
            [point(at), point(end)],
            colour(rgb).stroke_width(width),
        ))?;
        at += 7.0;
    }
    Ok(())
}

/// Legend font size in pixels.
const LEGEND_FONT: u32 = 12;
/// Height of one legend line.
const LEGEND_LINE: u32 = 20;

/// Where each legend entry goes: `(x, line)` and its text's lines, for entries of the given
/// texts in `width` pixels. An entry wider than the legend is broken at spaces into lines of
/// its own (on a phone a long one had been cut at the canvas's edge), and the next entry starts
/// under it.
fn legend_layout<'a>(
    texts: impl Iterator<Item = &'a str>,
    width: u32,
) -> Vec<(u32, u32, Vec<String>)> {
    let mut places = Vec::new();
    let (mut x, mut line) = (0, 0);
    let room = width.saturating_sub(22).max(1);
    for text in texts {
        let entry = 22 + text_width(text, LEGEND_FONT) + 14;
        if x > 0 && x + entry > width {
            x = 0;
            line += 1;
        }
        if entry - 14 <= width {
            places.push((x, line, vec![text.to_string()]));
            x += entry;
            continue;
        }
        let lines = wrap_words(text, LEGEND_FONT, room);
        let count = lines.len() as u32;
        places.push((x, line, lines));
        (x, line) = (0, line + count);
    }
    places
}

/// Height in pixels of a legend of these texts drawn `width` pixels wide.
pub fn legend_height<'a>(texts: impl Iterator<Item = &'a str>, width: u32) -> u32 {
    legend_layout(texts, width)
        .last()
        .map_or(0, |(x, line, lines)| {
            // A broken entry leaves the next one a fresh line: the last line used is before it.
            let used = if *x == 0 && lines.len() > 1 {
                line + lines.len() as u32 - 1
            } else {
                *line
            };
            (used + 1) * LEGEND_LINE + 6
        })
}

/// Draws a legend at the top left of `area`, wrapping to the area's width.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(Swatch, String)],
) -> DrawResult<DB> {
    let (width, _) = area.dim_in_pixel();
    let places = legend_layout(entries.iter().map(|(_, text)| text.as_str()), width);
    for ((swatch, _), (x, line, lines)) in entries.iter().zip(places) {
        let (x, top) = (x as i32, (line * LEGEND_LINE) as i32 + 3);
        match *swatch {
            Swatch::Fill(fill) => {
                paint_fill(area, (x, top + 2), (x + 16, top + 16), fill)?;
                area.draw(&Rectangle::new(
                    [(x, top + 2), (x + 16, top + 16)],
                    colour(INK).stroke_width(1),
                ))?;
            }
            Swatch::Line(rgb, marker) => {
                let middle = top + 9;
                area.draw(&PathElement::new(
                    [(x, middle), (x + 18, middle)],
                    colour(rgb).stroke_width(2),
                ))?;
                draw_marker(area, (x + 9, middle), marker, rgb)?;
            }
            Swatch::Dashed(rgb) => {
                let middle = top + 9;
                draw_dashed(area, (x, middle), (x + 18, middle), rgb)?;
            }
            Swatch::ThinDashed(rgb) => {
                let middle = top + 9;
                draw_dashed_width(area, (x, middle), (x + 18, middle), rgb, 1)?;
            }
            Swatch::Word(word) => {
                area.draw_text(word, &font(11, INK, centre()), (x + 9, top + 9))?;
            }
        }
        for (below, text) in lines.iter().enumerate() {
            area.draw_text(
                text,
                &font(LEGEND_FONT, INK, left_middle()),
                (x + 22, top + 9 + below as i32 * LEGEND_LINE as i32),
            )?;
        }
    }
    Ok(())
}

/// An axis tick label: whole numbers without decimals, others with one.
pub fn tick_label(value: &f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// Fills `area` with the paper colour.
pub fn clear<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
    area.fill(&colour(PAPER))
}

#[cfg(test)]
mod legend_tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn an_entry_wider_than_the_legend_is_broken_into_lines_and_the_next_starts_under_it() {
        let long =
            "Q0, Q1, …: 스레드 줄에서 그 스레드가 실행되거나 기다린 큐(단계), Q0이 가장 높음";
        let places = legend_layout(["ready", long, "blocked"].into_iter(), 330);
        assert_eq!((places[0].0, places[0].1), (0, 0));
        let (x, line, lines) = &places[1];
        assert_eq!((*x, *line), (0, 1), "on a line of its own");
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines
            .iter()
            .all(|piece| 22 + text_width(piece, LEGEND_FONT) <= 330));
        assert_eq!(lines.join(" "), long);
        assert_eq!((places[2].0, places[2].1), (0, 1 + lines.len() as u32));
        assert_eq!(
            legend_height(["ready", long, "blocked"].into_iter(), 330),
            (places[2].1 + 1) * LEGEND_LINE + 6
        );
        // Wide enough, nothing is broken.
        assert!(legend_layout([long].into_iter(), 1200)[0].2.len() == 1);
    }
}
