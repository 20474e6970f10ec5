//! The pen the painters draw with: the 2D context, the device pixel ratio it was set up for and
//! the text zoom of this picture, passed in (never kept between paints), and the few strokes
//! every part of the picture uses.

use proclab_view::{Point, Rect};
use web_sys::CanvasRenderingContext2d;

/// Okabe–Ito, distinguishable with every common colour-vision deficiency.
/// The processes' colours, the Gantt chart's in its order
/// (`proclab_app::chart::palette::PROCESS_COLOURS`): a process is one colour on the whole page
/// (the machine had its own eight, and P4 was yellow here and vermillion in the chart).
pub const PALETTE: [&str; 6] = [
    "#e69f00", "#56b4e9", "#009e73", "#d55e00", "#0072b2", "#cc79a7",
];
pub const INK: &str = "#1b1f24";
pub const MUTED: &str = "#57606a";
pub const LINE: &str = "#aeb7c2";
pub const PANEL: &str = "#f5f7fa";
pub const ACTIVE: &str = "#D55E00";
/// The active colour darkened for text (4.5:1 on white and on the panels).
pub const ACTIVE_TEXT: &str = "#A34700";
const FONT: &str = "sans-serif";
/// The size of ordinary canvas text, never less than `proclab_view` allows.
pub const TEXT: f64 = proclab_view::MIN_TEXT as f64;

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
    /// High contrast: muted texts and pale lines in full ink.
    strong: bool,
}

impl<'a> Pen<'a> {
    /// Scales the context for a device pixel ratio of `scale`.
    pub fn new(
        context: &'a CanvasRenderingContext2d,
        scale: f64,
        zoom: f64,
        strong: bool,
    ) -> Pen<'a> {
        let _ = context.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
        Pen {
            context,
            zoom,
            strong,
        }
    }

    /// `colour`, or full ink for a muted one in high contrast.
    fn ink(&self, colour: &'static str) -> &'static str {
        if self.strong && (colour == MUTED || colour == LINE) {
            INK
        } else {
            colour
        }
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

    /// Fills the path just traced with a pale wash of `colour` and rings it in `colour`, so dark
    /// text on it keeps its contrast whatever the colour.
    pub fn tint(&self, colour: &'static str) {
        self.fill("#ffffff");
        self.context.set_global_alpha(0.4);
        self.fill(colour);
        self.context.set_global_alpha(1.0);
        self.stroke(colour, 2.0);
    }

    /// Strokes the path just traced.
    pub fn stroke(&self, colour: &'static str, width: f64) {
        self.context.set_stroke_style_str(self.ink(colour));
        self.context.set_line_width(width);
        self.context.stroke();
    }

    /// Rings `rect` in `colour`, `width` pixels wide.
    pub fn outline(&self, rect: Rect, colour: &str, width: f64) {
        self.context.set_stroke_style_str(colour);
        self.context.set_line_width(width);
        self.context.stroke_rect(
            rect.x as f64,
            rect.y as f64,
            rect.width as f64,
            rect.height as f64,
        );
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

    /// A text vertically centred on `at`, squeezed horizontally (by the canvas itself) so it never runs past `max_width`.
    pub fn text_within(&self, value: &str, at: Point, style: Type, max_width: f64) {
        let context = self.context;
        context.set_font(&format!("{}px {FONT}", style.size * self.zoom));
        context.set_fill_style_str(self.ink(style.colour));
        context.set_text_align(style.align);
        context.set_text_baseline("middle");
        let _ = if max_width.is_finite() {
            context.fill_text_with_max_width(value, at.x as f64, at.y as f64, max_width.max(8.0))
        } else {
            context.fill_text(value, at.x as f64, at.y as f64)
        };
    }

    /// A text on one line inside `rect`: at its left edge or centred, vertically centred, and
    /// squeezed by the canvas if the estimate that sized the box was short.
    pub fn text_in(&self, value: &str, rect: Rect, style: Type) {
        let x = match style.align {
            "center" => rect.x + rect.width / 2.0,
            "right" => rect.x + rect.width,
            _ => rect.x,
        };
        let at = Point {
            x,
            y: rect.y + rect.height / 2.0,
        };
        self.text_within(value, at, style, rect.width as f64);
    }

    /// How wide `value` is set in `style` at this pen's zoom, as `proclab_view` estimates it
    /// (the estimate errs wide, so a line it accepts fits).
    pub fn measure(&self, value: &str, style: Type) -> f64 {
        proclab_view::text_width(value, (style.size * self.zoom) as f32) as f64
    }

    /// A text wrapped at spaces into as many lines of `line` height as `rect` holds, centred;
    /// what does not fit on the last line is squeezed onto it, never cut. Over a picture
    /// (`backdrop`), each line gets a light backdrop.
    pub fn wrapped(&self, value: &str, rect: Rect, line: f32, style: Type, backdrop: bool) {
        let room = rect.width as f64;
        // A hair of slack: two lines of 16.8 px make 33.6 px, which divides to 1.999….
        let most = ((rect.height / line + 0.01).floor() as usize).max(1);
        let mut lines: Vec<String> = Vec::new();
        for word in value.split(' ') {
            let full = lines.len() >= most;
            match lines.last_mut() {
                Some(last) if full || self.measure(&format!("{last} {word}"), style) <= room => {
                    last.push(' ');
                    last.push_str(word);
                }
                _ => lines.push(word.to_string()),
            }
        }
        let top = rect.y + (rect.height - line * lines.len() as f32) / 2.0;
        for (index, text) in lines.iter().enumerate() {
            let row = Rect {
                y: top + line * index as f32,
                height: line,
                ..rect
            };
            let width = (self.measure(text, style).min(room) + 6.0) as f32;
            let x = match style.align {
                "left" => row.x,
                "right" => row.x + row.width - width,
                _ => row.x + (row.width - width) / 2.0,
            };
            if backdrop {
                self.fill_rect(Rect { x, width, ..row }, "rgba(255, 255, 255, 0.92)");
            }
            self.text_in(text, row, style);
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// The machine paints each process in the Gantt chart's colour.
    #[wasm_bindgen_test]
    fn the_machine_and_the_gantt_chart_give_a_process_one_colour() {
        use proclab_app::chart::palette::process_colour;
        for pid in 0..24 {
            assert_eq!(colour(pid), process_colour(pid).hex(), "P{}", pid + 1);
        }
    }
}
