//! Presentation mode, for a teacher at a projector: the watch section alone, full screen (the
//! Fullscreen API, or a fixed overlay over the whole viewport where that is refused), in large,
//! high-contrast type. The button or Escape leaves it; the playback keys keep working because
//! they listen on the document and the section takes the focus.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// Asks for `element` to fill the screen; a refusal (no user gesture, no API) leaves the overlay.
fn request_fullscreen(element: &Element) {
    let Ok(method) = js_sys::Reflect::get(element, &JsValue::from_str("requestFullscreen")) else {
        return;
    };
    let Some(method) = method.dyn_ref::<js_sys::Function>() else {
        return;
    };
    if let Ok(promise) = method.call0(element) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

fn leave_fullscreen() {
    let document = gloo::utils::document();
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    }
}

/// Whether the section in `section` is presented, and the toggle for its button (`button`, its
/// id, which takes the focus back on leaving).
#[hook]
pub fn use_presentation(section: NodeRef, button: &'static str) -> (bool, Callback<MouseEvent>) {
    let presenting = use_state_eq(|| false);
    {
        let presenting = presenting.clone();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let on_change = presenting.clone();
            let change =
                gloo::events::EventListener::new(&document, "fullscreenchange", move |_| {
                    if gloo::utils::document().fullscreen_element().is_none() {
                        on_change.set(false);
                    }
                });
            let escape = gloo::events::EventListener::new(&document, "keydown", move |event| {
                if event
                    .dyn_ref::<KeyboardEvent>()
                    .is_some_and(|key| key.key() == "Escape")
                {
                    leave_fullscreen();
                    presenting.set(false);
                }
            });
            move || drop((change, escape))
        });
    }
    {
        // Leaving, by the button, Escape or the browser, gives the focus back to the button.
        let was_presenting = use_mut_ref(|| false);
        use_effect_with(*presenting, move |now| {
            if *was_presenting.borrow() && !*now {
                if let Some(button) = gloo::utils::document().get_element_by_id(button) {
                    if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                        let _ = button.focus();
                    }
                }
            }
            *was_presenting.borrow_mut() = *now;
        });
    }
    let toggle = {
        let presenting = presenting.clone();
        Callback::from(move |_: MouseEvent| {
            if *presenting {
                leave_fullscreen();
                presenting.set(false);
            } else {
                presenting.set(true);
                if let Some(element) = section.cast::<web_sys::HtmlElement>() {
                    request_fullscreen(&element);
                    // Keys go to the section, not the button (which keeps Space and arrows for
                    // itself), so playback keys work at once.
                    let _ = element.focus();
                }
            }
        })
    };
    (*presenting, toggle)
}
