//! The engine timed inside the page, for `bench/engine.mjs`: built only with the `bench-frames`
//! feature (the benchmark build), never shipped.
//!
//! `window.__proclabEngine(json, runs)` validates the scenario once, then times `runs` calls of
//! the core's `simulate` with `performance.now()` and returns the times in milliseconds and the
//! run's event count: the same wasm, allocator and optimisation level a student's page runs.

use proclab_core::{simulate, Scenario, ScenarioSpec};
use wasm_bindgen::prelude::*;

/// Installs `window.__proclabEngine`.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let time = Closure::<dyn Fn(String, u32) -> JsValue>::new(|json: String, runs: u32| {
        let result = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&result, &JsValue::from_str(key), &value);
        };
        let spec: ScenarioSpec = match serde_json::from_str(&json) {
            Ok(spec) => spec,
            Err(error) => {
                set("error", JsValue::from_str(&error.to_string()));
                return result.into();
            }
        };
        let Ok(scenario) = Scenario::new(&spec) else {
            set("error", JsValue::from_str("invalid scenario"));
            return result.into();
        };
        let Some(performance) = web_sys::window().and_then(|window| window.performance()) else {
            set("error", JsValue::from_str("no performance clock"));
            return result.into();
        };
        let times = js_sys::Array::new();
        let mut events = 0;
        for _ in 0..runs.max(1) {
            let start = performance.now();
            let run = simulate(&scenario);
            times.push(&JsValue::from_f64(performance.now() - start));
            events = run.event_count();
        }
        set("times", times.into());
        set("events", JsValue::from_f64(events as f64));
        result.into()
    });
    let _ = js_sys::Reflect::set(
        &window,
        &JsValue::from_str("__proclabEngine"),
        time.as_ref(),
    );
    // The hook lives as long as the page.
    time.forget();
}
