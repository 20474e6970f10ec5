//! How big the canvas is: the width its box offers, measured after every render (the page's
//! layout may have moved) and on window resize, turned into a size by
//! [`proclab_view::canvas_size`], with the device pixel ratio to draw for.

use proclab_view::{canvas_size, Size, FALLBACK_WIDTH};
use yew::prelude::*;

/// The canvas's size in CSS pixels and the device pixel ratio it is drawn for.
#[derive(Clone, Copy, PartialEq)]
pub struct Fit {
    pub size: Size,
    pub scale: f64,
}

/// The fit of the box, or none while it is hidden (no width to fit).
fn measure(box_ref: &NodeRef) -> Option<Fit> {
    let available = box_ref
        .cast::<web_sys::Element>()
        .map_or(FALLBACK_WIDTH, |element| element.client_width() as f32);
    if available <= 0.0 {
        return None;
    }
    let scale = web_sys::window()
        .map(|window| window.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    Some(Fit {
        size: canvas_size(available),
        scale,
    })
}

/// The fit of the box in `box_ref`, measured after every render (the page's layout may have
/// moved) and on window resize; `None` until the box is first measured.
#[hook]
pub fn use_fit(box_ref: NodeRef) -> Option<Fit> {
    let fit = use_state_eq(|| None::<Fit>);
    {
        let (fit, box_ref) = (fit.clone(), box_ref.clone());
        use_effect(move || {
            if let Some(measured) = measure(&box_ref) {
                fit.set(Some(measured));
            }
        });
    }
    {
        let fit = fit.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "resize", move |_| {
                    if let Some(measured) = measure(&box_ref) {
                        fit.set(Some(measured));
                    }
                })
            });
            move || drop(listener)
        });
    }
    *fit
}
