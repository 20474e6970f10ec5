//! The `<canvas>` side of the charts: sizing a canvas for high-DPI screens and handing plotters an
//! area in CSS pixels, exporting it as PNG, and redrawing when the window is resized.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Sizes `canvas` to its laid-out CSS width and `height_for(width)` CSS pixels, with a pixel
/// buffer `devicePixelRatio` times larger so it is sharp on high-DPI screens, then hands
/// `draw` an area of the CSS size (the context is scaled, so drawing code thinks in CSS pixels).
pub fn paint_canvas(
    canvas: &HtmlCanvasElement,
    height_for: impl Fn(u32) -> u32,
    draw: impl FnOnce(DrawingArea<CanvasBackend, Shift>),
) {
    let _ = canvas.set_attribute("style", "display:block;width:100%");
    let measured = canvas.client_width();
    let width = if measured > 0 { measured as u32 } else { 720 };
    let height = height_for(width);
    let _ = canvas.set_attribute(
        "style",
        &format!("display:block;width:100%;height:{height}px"),
    );
    let ratio = web_sys::window()
        .map(|window| window.device_pixel_ratio())
        .filter(|ratio| ratio.is_finite() && *ratio > 0.0)
        .unwrap_or(1.0);
    canvas.set_width((f64::from(width) * ratio).round() as u32);
    canvas.set_height((f64::from(height) * ratio).round() as u32);
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    // Resizing the buffer reset the transform; scale so one unit is one CSS pixel.
    let _ = context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        let area = backend.into_drawing_area().shrink((0, 0), (width, height));
        draw(area);
    }
}

/// The PNG image of the canvas with id `canvas_id`, as a `data:` URL (`canvas.toDataURL()`).
pub fn png_data_url(canvas_id: &str) -> Option<String> {
    let canvas = web_sys::window()?
        .document()?
        .get_element_by_id(canvas_id)?
        .dyn_into::<HtmlCanvasElement>()
        .ok()?;
    canvas.to_data_url().ok()
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
