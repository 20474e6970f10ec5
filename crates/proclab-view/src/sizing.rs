//! The sizes the painter would otherwise have to choose: the canvas's height for the width its
//! box offers, how much texts grow with the picture, how much room a label is given, and where
//! the labels of a row go when they may not all fit. The canvas paints what these say.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::{IoEntry, Lane, Point, Rect, Size};

/// The narrowest canvas drawn, in CSS pixels (a narrower box scrolls).
pub const MIN_WIDTH: f32 = 280.0;

/// The width of the box when it cannot be measured.
pub const FALLBACK_WIDTH: f32 = 800.0;

/// Room one character of a label of nominal 11–12 px takes (the canvas squeezes a wider label).
const CHARACTER_WIDTH: f32 = 7.0;

/// The canvas for a box `available_width` CSS pixels wide: narrow boxes stack the diagram over
/// the machine ([`Size::split`]), so they get more height; the height stays within 340–760.
pub fn canvas_size(available_width: f32) -> Size {
    let width = available_width.max(MIN_WIDTH);
    // Computed in f64 and rounded to f32 once, as the page always has: the same width gives the
    // same size to the last bit, so the picture never shifts by a fraction of a pixel.
    let wide = f64::from(width);
    let height = if wide < 600.0 {
        wide * 1.5
    } else {
        wide * 0.55
    };
    Size {
        width,
        height: height.clamp(340.0, 760.0) as f32,
    }
}

/// How much larger than their nominal size texts are drawn: they grow with the picture on wide
/// screens (a projector), never shrink below their size.
pub fn text_zoom(size: Size) -> f32 {
    (size.width / 1000.0).clamp(1.0, 1.5)
}

/// The room a label takes: a fixed width per character.
pub fn label_width(text: &str) -> f32 {
    CHARACTER_WIDTH * text.chars().count() as f32
}

/// Where an arrow's caption goes: a light backdrop over the arrow's middle and the text's centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Caption {
    pub backdrop: Rect,
    pub at: Point,
}

/// The caption `label` of the arrow from `from` to `to`, just above its middle.
pub fn arrow_caption(from: Point, to: Point, label: &str) -> Caption {
    let middle = from.lerp(to, 0.5);
    let width = label_width(label) + 8.0;
    Caption {
        backdrop: Rect {
            x: middle.x - width / 2.0,
            y: middle.y - 16.0,
            width,
            height: 14.0,
        },
        at: Point {
            x: middle.x,
            y: middle.y - 9.0,
        },
    }
}

/// The line of the I/O box: each blocked thread with its ticks left, left-aligned at its point.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct IoRow {
    pub labels: Vec<(Point, String)>,
    /// Where an ellipsis stands for the threads that did not fit, if some did not.
    pub more: Option<Point>,
}

/// The I/O box's line: `label (ticks left)` for each entry, left to right, while a label can start
/// more than 40 px before the box's right edge; an ellipsis for the rest.
pub fn io_row(rect: Rect, entries: &[IoEntry]) -> IoRow {
    let y = rect.y + 28.0;
    let right = rect.x + rect.width - 40.0;
    let mut row = IoRow::default();
    let mut x = rect.x + 6.0;
    for entry in entries {
        if x > right {
            row.more = Some(Point { x, y });
            break;
        }
        let label = format!("{} ({})", entry.label, entry.io_left);
        let advance = 12.0 + label_width(&label);
        row.labels.push((Point { x, y }, label));
        x += advance;
    }
    row
}

/// Where a lane says how many entries did not fit (`+N`): after its last cell, inside the lane.
pub(crate) fn lane_more(rect: Rect, cells: &[Rect], entries: usize) -> Option<(Point, usize)> {
    if entries <= cells.len() {
        return None;
    }
    let after_last = cells
        .last()
        .map_or(rect.x + 6.0, |cell| cell.x + cell.width + 4.0);
    let point = Point {
        x: after_last.min(rect.x + rect.width - 30.0),
        y: rect.y + 18.0 + (rect.height - 18.0).clamp(10.0, 30.0) / 2.0,
    };
    Some((point, entries - cells.len()))
}

/// The small words under a queue entry: its time slice left (`q3`) and, on a multilevel queue,
/// its allotment left (`a2`); empty when there is neither.
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

impl Lane {
    /// The small words under each drawn entry ([`slice_words`]), in cell order.
    pub fn details(&self) -> impl Iterator<Item = String> + '_ {
        self.slices_left
            .iter()
            .map(|(quantum, allotment)| slice_words(*quantum, *allotment))
    }
}

/// Whether a queue cell is tall enough for the entry's label and a line of small words under it.
pub fn fits_two_lines(cell: Rect) -> bool {
    cell.height >= 22.0
}
