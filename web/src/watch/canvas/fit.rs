//! How big the canvas is: the width its box offers, reported by a `ResizeObserver` (when the box
//! is first laid out and whenever its size changes: a window resize, a panel opened or closed,
//! the page's layout moving), with the device pixel ratio to draw for. Each canvas turns the
//! width into its size ([`proclab_view::canvas_size`] for the machine, which also needs the
//! number of CPUs).
//!
//! The observer reads the box after the browser's own layout of the frame. Measuring in an
//! effect after each render instead forced a layout in the middle of the task that builds a
//! run's results (30-45 ms of a 100-process upload), and on every frame of playback.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The width the canvas's box offers in CSS pixels and the device pixel ratio it is drawn for.
#[derive(Clone, Copy, PartialEq)]
pub struct Fit {
    pub available: f32,
    pub scale: f64,
    /// The height from the box's top to the bottom of the window, in CSS pixels: what a
    /// presented picture may fill.
    pub room: f32,
}

/// The fit of the box, or none while it is hidden (no width to fit).
fn measure(box_ref: &NodeRef) -> Option<Fit> {
    let element = box_ref.cast::<web_sys::Element>()?;
    let available = element.client_width() as f32;
    if available <= 0.0 {
        return None;
    }
    let window = web_sys::window();
    let scale = window
        .as_ref()
        .map(|window| window.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    // Read after the browser's layout (this runs in the observer's callback): no forced layout.
    let height = window
        .and_then(|window| window.inner_height().ok())
        .and_then(|height| height.as_f64())
        .unwrap_or(0.0);
    let room = (height - element.get_bounding_client_rect().top()) as f32;
    Some(Fit {
        available,
        scale,
        room,
    })
}

/// The fit of the box in `box_ref`: `None` until the box is first laid out and while it is
/// hidden, so a hidden canvas is neither sized nor painted.
#[hook]
pub fn use_fit(box_ref: NodeRef) -> Option<Fit> {
    let fit = use_state_eq(|| None::<Fit>);
    {
        let fit = fit.clone();
        use_effect_with(box_ref, move |box_ref| {
            let update = {
                let (fit, box_ref) = (fit.clone(), box_ref.clone());
                move || fit.set(measure(&box_ref))
            };
            let observed = {
                let update = update.clone();
                Closure::<dyn FnMut()>::new(update)
            };
            let observer = web_sys::ResizeObserver::new(observed.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, box_ref.cast::<web_sys::Element>())
            {
                observer.observe(&element);
            }
            // A new device pixel ratio (the page zoomed, the window moved to another screen)
            // resizes the window, not always the box.
            let resized = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "resize", move |_| update())
            });
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop((observed, resized));
            }
        });
    }
    *fit
}
