//! The pen the painters draw with: the 2D context, the device pixel ratio it was set up for and
//! the text zoom of this picture, passed in (never kept between paints), and the few strokes
//! every part of the picture uses.

use proclab_view::{Point, Rect};
use web_sys::CanvasRenderingContext2d;

/// Okabe–Ito, distinguishable with every common colour-vision deficiency.
const PALETTE: [&str; 8] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
];
pub const INK: &str = "#1b1f24";
pub const MUTED: &str = "#57606a";
pub const LINE: &str = "#aeb7c2";
pub const PANEL: &str = "#f5f7fa";
pub const ACTIVE: &str = "#D55E00";
const FONT: &str = "sans-serif";

/// The colour of a process (its id picks a palette entry).
pub fn colour(index: u32) -> &'static str {
    PALETTE[index as usize % PALETTE.len()]
}

/// How a text is set: its nominal size in CSS pixels, colour and alignment.
#[derive(Clone, Copy)]
pub struct Type {
    pub size: f64,
    pub colour: &'static str,
    pub align: &'static str,
}

impl Type {
    pub const fn left(size: f64, colour: &'static str) -> Type {
        Type {
            size,
            colour,
            align: "left",
        }
    }

    pub const fn centred(size: f64, colour: &'static str) -> Type {
        Type {
            size,
            colour,
            align: "center",
        }
    }

    pub const fn right(size: f64, colour: &'static str) -> Type {
        Type {
            size,
            colour,
            align: "right",
        }
    }
}

/// A 2D context set up for one paint: coordinates in CSS pixels, texts `zoom` times their size.
pub struct Pen<'a> {
    pub context: &'a CanvasRenderingContext2d,
    zoom: f64,
}

impl<'a> Pen<'a> {
    /// Scales the context for a device pixel ratio of `scale`.
    pub fn new(context: &'a CanvasRenderingContext2d, scale: f64, zoom: f64) -> Pen<'a> {
        let _ = context.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
        Pen { context, zoom }
    }

    /// Traces a rectangle with rounded corners (to fill or stroke next).
    pub fn rounded(&self, rect: Rect, radius: f64) {
        let context = self.context;
        let (x, y, w, h) = (
            rect.x as f64,
            rect.y as f64,
            rect.width as f64,
            rect.height as f64,
        );
        let r = radius.min(w / 2.0).min(h / 2.0);
        context.begin_path();
        context.move_to(x + r, y);
        let _ = context.arc_to(x + w, y, x + w, y + h, r);
        let _ = context.arc_to(x + w, y + h, x, y + h, r);
        let _ = context.arc_to(x, y + h, x, y, r);
        let _ = context.arc_to(x, y, x + w, y, r);
        context.close_path();
    }

    /// Fills the path just traced.
    pub fn fill(&self, colour: &str) {
        self.context.set_fill_style_str(colour);
        self.context.fill();
    }

    /// Strokes the path just traced.
    pub fn stroke(&self, colour: &str, width: f64) {
        self.context.set_stroke_style_str(colour);
        self.context.set_line_width(width);
        self.context.stroke();
    }

    pub fn fill_rect(&self, rect: Rect, colour: &str) {
        self.context.set_fill_style_str(colour);
        self.context.fill_rect(
            rect.x as f64,
            rect.y as f64,
            rect.width as f64,
            rect.height as f64,
        );
    }

    /// A text, vertically centred on `at`.
    pub fn text(&self, value: &str, at: Point, style: Type) {
        self.text_within(value, at, style, f64::INFINITY);
    }

    /// [`Pen::text`], squeezed horizontally (by the canvas itself) so it never runs past `max_width`.
    pub fn text_within(&self, value: &str, at: Point, style: Type, max_width: f64) {
        let context = self.context;
        context.set_font(&format!("{}px {FONT}", style.size * self.zoom));
        context.set_fill_style_str(style.colour);
        context.set_text_align(style.align);
        context.set_text_baseline("middle");
        let _ = if max_width.is_finite() {
            context.fill_text_with_max_width(value, at.x as f64, at.y as f64, max_width.max(8.0))
        } else {
            context.fill_text(value, at.x as f64, at.y as f64)
        };
    }

    /// A straight arrow with a filled head; an active one is thicker and coloured.
    pub fn arrow(&self, from: Point, to: Point, active: bool) {
        let context = self.context;
        let colour = if active { ACTIVE } else { LINE };
        context.begin_path();
        context.move_to(from.x as f64, from.y as f64);
        context.line_to(to.x as f64, to.y as f64);
        self.stroke(colour, if active { 3.0 } else { 1.5 });
        let (dx, dy) = ((to.x - from.x) as f64, (to.y - from.y) as f64);
        let length = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ux, uy) = (dx / length, dy / length);
        let head = 9.0;
        let (tip_x, tip_y) = (to.x as f64, to.y as f64);
        context.begin_path();
        context.move_to(tip_x, tip_y);
        context.line_to(
            tip_x - head * ux + head * 0.5 * uy,
            tip_y - head * uy - head * 0.5 * ux,
        );
        context.line_to(
            tip_x - head * ux - head * 0.5 * uy,
            tip_y - head * uy + head * 0.5 * ux,
        );
        context.close_path();
        self.fill(colour);
    }
}
