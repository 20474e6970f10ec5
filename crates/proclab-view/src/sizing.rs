//! The sizes the painter would otherwise have to choose: the canvas's height for the width its
//! box offers, how large texts are and how much room a line takes, how wide a label is, and
//! where the labels of a row go when they may not all fit. The canvas paints what these say.
//!
//! No text is smaller than [`MIN_TEXT`] CSS pixels, at any width: when room runs out a part says
//! less (an ellipsis, a `+N`, a label under its token), it never shrinks its type.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::{IoEntry, Rect, Size, IO_LINES_WITH_SYNC};

/// The narrowest canvas drawn, in CSS pixels (a narrower box scrolls).
pub const MIN_WIDTH: f32 = 280.0;

/// The width of the box when it cannot be measured.
pub const FALLBACK_WIDTH: f32 = 800.0;

/// The smallest type on the canvas, in CSS pixels before the [`text_zoom`].
pub const MIN_TEXT: f32 = 12.0;

/// Room one character takes at 7 px per character (kept for rough widths; see [`text_width`]).
const CHARACTER_WIDTH: f32 = 7.0;

/// The canvas for a box `available_width` CSS pixels wide showing a machine of `cpus` CPUs:
/// narrow boxes stack the diagram over the machine ([`Size::split`]), so they get twice their
/// width in height; the height stays within 340–760, except that it grows as far as the CPUs'
/// rows need ([`crate::geometry::machine_height_needed`], with room for the longest waiting box),
/// so four CPUs on a phone keep every line of their boxes.
pub fn canvas_size(available_width: f32, cpus: usize) -> Size {
    let width = available_width.max(MIN_WIDTH);
    // Computed in f64 and rounded to f32 once, as the page always has: the same width gives the
    // same size to the last bit, so the picture never shifts by a fraction of a pixel.
    let wide = f64::from(width);
    let height = if wide < 600.0 {
        wide * 2.0
    } else {
        wide * 0.55
    };
    let mut size = Size {
        width,
        height: height.clamp(340.0, 760.0) as f32,
    };
    let line = line_height(text_zoom(size));
    // Growing the height may stack a side-by-side picture, which narrows its machine: settle in
    // a few steps (each only grows the height).
    for _ in 0..3 {
        let (_, machine) = size.split();
        let needed =
            crate::geometry::machine_height_needed(machine.width, cpus, line, IO_LINES_WITH_SYNC);
        if machine.height >= needed {
            break;
        }
        // Whole pixels, rounded up (no `ceil` without std).
        size.height = ((size.height + needed - machine.height) as u32 + 1) as f32;
    }
    size
}

/// How much larger than their nominal size texts are drawn: they grow with the picture on wide
/// screens (a projector in presentation mode: 23 px at 1920), never shrink below their size.
pub fn text_zoom(size: Size) -> f32 {
    (size.width / 1000.0).clamp(1.0, 2.0)
}

/// The height of one line of [`MIN_TEXT`] type at `zoom`.
pub fn line_height(zoom: f32) -> f32 {
    MIN_TEXT * zoom * 1.4
}

/// The room a label takes: a fixed width per character.
pub fn label_width(text: &str) -> f32 {
    CHARACTER_WIDTH * text.chars().count() as f32
}

/// A generous estimate of how wide `text` is set in sans-serif at `size` pixels: a Hangul or
/// other wide character takes a full em, any other character 0.62 em.
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| if is_wide(c) { size } else { size * 0.62 })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60)
}

/// The line of the I/O box: each blocked thread with its ticks left (or the sync object it
/// waits for), in the box it is set in.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct IoRow {
    pub labels: Vec<(Rect, String)>,
    /// Where an ellipsis stands for the threads that did not fit, if some did not.
    pub more: Option<Rect>,
}

/// The I/O box's lines (under its title line), `lines` of them: each entry's text
/// ([`IoEntry::text`]) left to right, on to the next line when it does not fit, while the text
/// and room for an ellipsis fit; an ellipsis for the rest on the last line.
pub fn io_row(rect: Rect, entries: &[IoEntry], zoom: f32, lines: usize) -> IoRow {
    let line = line_height(zoom);
    let size = MIN_TEXT * zoom;
    let ellipsis = 2.0 * size;
    let left = rect.x + 6.0;
    let right = rect.right() - 6.0;
    let mut row = IoRow::default();
    let (mut x, mut current) = (left, 0);
    for (index, entry) in entries.iter().enumerate() {
        let label = entry.text();
        let width = text_width(&label, size);
        let last_entry = index + 1 == entries.len();
        loop {
            let last_line = current + 1 >= lines.max(1);
            let room = if last_entry || !last_line {
                right
            } else {
                right - ellipsis
            };
            if x + width <= room {
                break;
            }
            if last_line || x == left {
                row.more = Some(Rect {
                    x,
                    y: rect.y + 4.0 + line * (current + 1) as f32,
                    width: ellipsis.min(right - x).max(1.0),
                    height: line,
                });
                return row;
            }
            current += 1;
            x = left;
        }
        row.labels.push((
            Rect {
                x,
                y: rect.y + 4.0 + line * (current + 1) as f32,
                width,
                height: line,
            },
            label,
        ));
        x += width + size;
    }
    row
}

/// How a lane sets its entries: under its title with room for the slice words, under its title
/// on one line, or on the title's own line when the lane is one line high.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneForm {
    TwoLines,
    OneLine,
    Inline,
}

/// The form of a lane `height` high.
pub fn lane_form(height: f32, zoom: f32) -> LaneForm {
    let line = line_height(zoom);
    if height >= 3.0 * line + 8.0 {
        LaneForm::TwoLines
    } else if height >= 2.0 * line + 6.0 {
        LaneForm::OneLine
    } else {
        LaneForm::Inline
    }
}

/// The title box of a lane of that form.
pub fn lane_title(rect: Rect, form: LaneForm, zoom: f32) -> Rect {
    let line = line_height(zoom);
    let width = match form {
        LaneForm::Inline => text_width("Ready queue 00", MIN_TEXT * zoom),
        _ => rect.width - 12.0,
    };
    Rect {
        x: rect.x + 6.0,
        y: rect.y + 2.0,
        width,
        height: line,
    }
}

/// The cells of a lane's first entries, left to right and, when the lane is tall enough, row
/// after row, each as wide as its label and marks (`words`, one per entry: over each other in
/// two lines, side by side in one), as many as fit with room left for a `+N`; and where the
/// `+N` goes.
pub fn lane_cells(
    rect: Rect,
    form: LaneForm,
    words: &[(String, String)],
    zoom: f32,
) -> (Vec<Rect>, Option<Rect>) {
    let line = line_height(zoom);
    let size = MIN_TEXT * zoom;
    let title = lane_title(rect, form, zoom);
    let (mut x, mut y, height) = match form {
        LaneForm::TwoLines => (rect.x + 6.0, title.bottom() + 2.0, 2.0 * line + 2.0),
        LaneForm::OneLine => (rect.x + 6.0, title.bottom() + 2.0, line + 2.0),
        LaneForm::Inline => (title.right() + 6.0, title.y, line),
    };
    let more_width = text_width("+999", size) + 4.0;
    let right = rect.right() - 6.0;
    let mut cells = Vec::new();
    for (index, (label, details)) in words.iter().enumerate() {
        // Two lines: the name over its marks; one line: the name and its marks side by side (a
        // phone's MLFQ lanes had dropped `q13 a1`, and the legend read that as a fresh slice).
        let text = if form == LaneForm::TwoLines {
            text_width(label, size).max(text_width(details, size))
        } else if details.is_empty() {
            text_width(label, size)
        } else {
            text_width(&format!("{label} {details}"), size)
        };
        let width = (text + 10.0).max(2.0 * line);
        let last = index + 1 == words.len();
        // Another row below this one, inside the lane?
        let below =
            |y: f32| form != LaneForm::Inline && y + 2.0 * height + 4.0 <= rect.bottom() - 4.0;
        if x + width > right && below(y) && !cells.is_empty() {
            x = rect.x + 6.0;
            y += height + 4.0;
        }
        let room = if last || below(y) {
            right
        } else {
            right - more_width - 4.0
        };
        if x + width > room {
            let more = Rect {
                x,
                y,
                width: more_width.min(right - x).max(1.0),
                height: height.min(line + 2.0),
            };
            return (cells, Some(more));
        }
        cells.push(Rect {
            x,
            y,
            width,
            height,
        });
        x += width + 4.0;
    }
    (cells, None)
}

/// The small words under a queue entry: its time slice left (`q3`) and, on a multilevel queue,
/// its allotment left (`a2`); empty when there is neither. The legend under the canvas says what
/// `q` and `a` stand for.
pub fn slice_words(quantum: Option<u64>, allotment: Option<u32>) -> String {
    let mut words = quantum.map(|left| format!("q{left}")).unwrap_or_default();
    if let Some(allotment) = allotment {
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(&format!("a{allotment}"));
    }
    words
}
