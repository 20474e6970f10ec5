//! The page's worker: compares every policy and quantum on a workload off the main thread, so the
//! page keeps answering while it runs. The work and its messages live in
//! `proclab_app::worker`; this is only the browser's glue.

use proclab_app::worker::Reply;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = event.data().as_string().unwrap_or_default();
        proclab_app::worker::serve(&message, |reply| {
            let _ = replies.post_message(&JsValue::from_str(&reply.to_message()));
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Messages posted before this point found no handler; the page waits for this word.
    let _ = scope.post_message(&JsValue::from_str(&Reply::Ready.to_message()));
    // The handler lives as long as the worker.
    on_message.forget();
}
