//! The `<canvas>` side of the charts: sizing a canvas for high-DPI screens and handing plotters an
//! area in CSS pixels, exporting it as PNG, and redrawing when the window is resized.

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Sizes `canvas` to its laid-out CSS width and `height_for(width)` CSS pixels, with a pixel
/// buffer `devicePixelRatio` times larger so it is sharp on high-DPI screens, then hands
/// `draw` an area of the CSS size (the context is scaled, so drawing code thinks in CSS pixels).
pub fn paint_canvas(
    canvas: &HtmlCanvasElement,
    height_for: impl Fn(u32) -> u32,
    draw: impl FnOnce(DrawingArea<ChartBackend, Shift>),
) {
    paint_canvas_zoomed(canvas, 1.0, height_for, draw)
}

/// [`paint_canvas`] with everything drawn `zoom` times larger: the chart is laid out for a
/// canvas `zoom` times narrower and the context scaled up, so its texts and bars are sharp at
/// any size (a projector's presented Gantt chart).
pub fn paint_canvas_zoomed(
    canvas: &HtmlCanvasElement,
    zoom: f64,
    height_for: impl Fn(u32) -> u32,
    draw: impl FnOnce(DrawingArea<ChartBackend, Shift>),
) {
    let _ = canvas.set_attribute("style", "display:block;width:100%");
    let measured = canvas.client_width();
    let css_width = if measured > 0 { measured as u32 } else { 720 };
    let zoom = if zoom.is_finite() && zoom >= 1.0 {
        zoom
    } else {
        1.0
    };
    let width = (f64::from(css_width) / zoom).floor() as u32;
    let height = height_for(width);
    let css_height = (f64::from(height) * zoom).round() as u32;
    let _ = canvas.set_attribute(
        "style",
        &format!("display:block;width:100%;height:{css_height}px"),
    );
    let ratio = web_sys::window()
        .map(|window| window.device_pixel_ratio())
        .filter(|ratio| ratio.is_finite() && *ratio > 0.0)
        .unwrap_or(1.0);
    let (pixels_wide, pixels_high) = (
        (f64::from(css_width) * ratio).round() as u32,
        (f64::from(css_height) * ratio).round() as u32,
    );
    canvas.set_width(pixels_wide);
    canvas.set_height(pixels_high);
    let Some(context) = context_2d(canvas) else {
        return;
    };
    // Resizing the buffer reset the transform; scale so one unit is one CSS pixel of the
    // layout, `zoom` CSS pixels on the screen.
    let scale = ratio * zoom;
    let _ = context.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    if let Some(backend) = ChartBackend::new(canvas) {
        let area = backend.into_drawing_area().shrink((0, 0), (width, height));
        draw(area);
    }
}

fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
}

/// The charts' plotters backend: a 2D canvas context, with each style set only when it changes.
///
/// plotters-canvas formats a colour string and sets the context's styles before every stroke and
/// text (a hundred-row Gantt chart sets the font about 190 times for 310 texts), and plotters
/// measures a text by adding a `<span>` to the page and reading its size, a layout of the whole
/// page each time. Here the context keeps what it was last given, and `measureText` measures.
pub struct ChartBackend {
    context: CanvasRenderingContext2d,
    /// The canvas's size in its own pixels.
    size: (u32, u32),
    /// What the context was last given: fill colour, stroke colour and width, font.
    fill: Option<BackendColor>,
    stroke: Option<(BackendColor, u32)>,
    font: RefCell<String>,
}

type ChartError = DrawingErrorKind<CanvasError>;

/// An error the canvas reported (a text it could not draw, an arc of negative radius).
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

fn canvas_error(error: wasm_bindgen::JsValue) -> ChartError {
    DrawingErrorKind::DrawingError(CanvasError(
        error.as_string().unwrap_or_else(|| "canvas error".into()),
    ))
}

fn css_colour(colour: BackendColor) -> String {
    let (red, green, blue) = colour.rgb;
    format!("rgba({red},{green},{blue},{})", colour.alpha)
}

fn same(one: BackendColor, other: BackendColor) -> bool {
    one.rgb == other.rgb && one.alpha == other.alpha
}

/// A point of a horizontal or vertical line moved half a pixel, so a one-pixel line covers one
/// row or column of pixels instead of two half-lit ones.
fn crisp((from, to): (BackendCoord, BackendCoord)) -> ((f64, f64), (f64, f64)) {
    let shift = |a: i32, b: i32| if a == b { 0.5 } else { 0.0 };
    let (dx, dy) = (shift(from.0, to.0), shift(from.1, to.1));
    (
        (f64::from(from.0) - dx, f64::from(from.1) - dy),
        (f64::from(to.0) - dx, f64::from(to.1) - dy),
    )
}

impl ChartBackend {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<ChartBackend> {
        Some(ChartBackend {
            context: context_2d(canvas)?,
            size: (canvas.width(), canvas.height()),
            fill: None,
            stroke: None,
            font: RefCell::new(String::new()),
        })
    }

    fn use_fill(&mut self, colour: BackendColor) {
        if !self.fill.is_some_and(|current| same(current, colour)) {
            self.context.set_fill_style_str(&css_colour(colour));
            self.fill = Some(colour);
        }
    }

    fn use_stroke(&mut self, style: &impl BackendStyle) {
        let (colour, width) = (style.color(), style.stroke_width());
        match self.stroke {
            Some((current, _)) if same(current, colour) => {}
            _ => self.context.set_stroke_style_str(&css_colour(colour)),
        }
        if self.stroke.is_none_or(|(_, current)| current != width) {
            self.context.set_line_width(f64::from(width));
        }
        self.stroke = Some((colour, width));
    }

    fn use_font(&self, style: &impl BackendTextStyle) {
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        let mut current = self.font.borrow_mut();
        if *current != font {
            self.context.set_font(&font);
            *current = font;
        }
    }

    fn trace(&self, mut points: impl Iterator<Item = BackendCoord>) -> bool {
        self.context.begin_path();
        let Some((x, y)) = points.next() else {
            return false;
        };
        self.context.move_to(f64::from(x), f64::from(y));
        for (x, y) in points {
            self.context.line_to(f64::from(x), f64::from(y));
        }
        true
    }
}

impl DrawingBackend for ChartBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), ChartError> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), ChartError> {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, colour: BackendColor) -> Result<(), ChartError> {
        if colour.alpha > 0.0 {
            self.use_fill(colour);
            self.context.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), ChartError> {
        if style.color().alpha > 0.0 {
            let ((x0, y0), (x1, y1)) = crisp((from, to));
            self.use_stroke(style);
            self.context.begin_path();
            self.context.move_to(x0, y0);
            self.context.line_to(x1, y1);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (left, top): BackendCoord,
        (right, bottom): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), ChartError> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(left), f64::from(top));
        let (width, height) = (f64::from(right - left), f64::from(bottom - top));
        if fill {
            self.use_fill(style.color());
            self.context.fill_rect(x, y, width, height);
        } else {
            self.use_stroke(style);
            self.context.stroke_rect(x, y, width, height);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), ChartError> {
        if style.color().alpha > 0.0 {
            self.use_stroke(style);
            if self.trace(path.into_iter()) {
                self.context.stroke();
            }
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), ChartError> {
        if style.color().alpha > 0.0 {
            self.use_fill(style.color());
            if self.trace(vertices.into_iter()) {
                self.context.close_path();
                self.context.fill();
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), ChartError> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.use_fill(style.color());
        } else {
            self.use_stroke(style);
        }
        self.context.begin_path();
        self.context
            .arc(
                f64::from(x),
                f64::from(y),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(canvas_error)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), ChartError> {
        self.use_font(style);
        let metrics = self.context.measure_text(text).map_err(canvas_error)?;
        let height = metrics.font_bounding_box_ascent() + metrics.font_bounding_box_descent();
        let height = if height.is_finite() && height > 0.0 {
            height
        } else {
            1.2 * style.size()
        };
        Ok((metrics.width().ceil() as u32, height.ceil() as u32))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), ChartError> {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        let turn = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.5,
            FontTransform::Rotate180 => 1.0,
            FontTransform::Rotate270 => 1.5,
        } * std::f64::consts::PI;
        let (x, y) = if turn == 0.0 {
            (f64::from(x), f64::from(y))
        } else {
            self.context.save();
            self.context
                .translate(f64::from(x), f64::from(y))
                .map_err(canvas_error)?;
            self.context.rotate(turn).map_err(canvas_error)?;
            (0.0, 0.0)
        };
        self.context.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.context.set_text_align(match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.use_fill(colour);
        self.use_font(style);
        let drawn = self.context.fill_text(text, x, y).map_err(canvas_error);
        if turn != 0.0 {
            self.context.restore();
            // `restore` brought back the styles from before `save`: forget what was set since.
            self.fill = None;
            self.stroke = None;
            self.font.borrow_mut().clear();
        }
        drawn
    }
}

/// Re-renders the calling component when the window is resized; returns the window width.
#[yew::hook]
pub fn use_window_width() -> u32 {
    use wasm_bindgen::closure::Closure;
    let width = yew::use_state_eq(window_width);
    {
        let width = width.clone();
        yew::use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || width.set(window_width()));
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window
                    .add_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        "resize",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }
    *width
}

fn window_width() -> u32 {
    web_sys::window()
        .and_then(|window| window.inner_width().ok())
        .and_then(|width| width.as_f64())
        .map_or(0, |width| width.max(0.0) as u32)
}
