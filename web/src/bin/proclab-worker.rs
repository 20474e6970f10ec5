//! The page's worker: simulates a long workload, and compares every policy and quantum on one,
//! off the main thread, so the page keeps answering while it runs. The work and its messages
//! live in `proclab_app::worker`; this is only the browser's glue.
//!
//! A reply is posted as its text, except a run: `[text, trace, metrics, program]`, the trace and
//! a run of programs' record as `Uint32Array`s and the metrics as a `Uint8Array`, whose buffers
//! are transferred, not copied.

use proclab_app::worker::Reply;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn post(scope: &DedicatedWorkerGlobalScope, reply: Reply) {
    let text = JsValue::from_str(&reply.to_message());
    let Reply::Ran {
        trace,
        metrics,
        program,
        ..
    } = reply
    else {
        let _ = scope.post_message(&text);
        return;
    };
    let trace = js_sys::Uint32Array::from(trace.as_slice());
    let metrics = js_sys::Uint8Array::from(metrics.as_slice());
    let program = js_sys::Uint32Array::from(program.as_slice());
    let message = js_sys::Array::of4(&text, &trace, &metrics, &program);
    let transfer = js_sys::Array::of3(&trace.buffer(), &metrics.buffer(), &program.buffer());
    let _ = scope.post_message_with_transfer(&message, &transfer);
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = event.data().as_string().unwrap_or_default();
        proclab_app::worker::serve(&message, |reply| post(&replies, reply));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Messages posted before this point found no handler; the page waits for this word.
    post(&scope, Reply::Ready);
    // The handler lives as long as the worker.
    on_message.forget();
}
