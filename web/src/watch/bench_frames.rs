//! Frame-time instrumentation for `bench/page.mjs`, built only with the `bench-frames` feature
//! (`./dev bench` turns it on; the production build has none of it).

use wasm_bindgen::{JsCast, JsValue};

/// Most intervals kept, so a forgotten page does not grow without bound.
const KEPT: u32 = 100_000;

/// Appends a frame interval, in milliseconds, to `window.__proclabFrames` (made if missing).
pub fn record(interval: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str("__proclabFrames");
    let frames = js_sys::Reflect::get(&window, &key)
        .ok()
        .filter(|value| value.is_object())
        .unwrap_or_else(|| {
            let array = js_sys::Array::new();
            let _ = js_sys::Reflect::set(&window, &key, &array);
            array.into()
        });
    let array: js_sys::Array = frames.unchecked_into();
    if array.length() < KEPT {
        array.push(&JsValue::from_f64(interval));
    }
}
