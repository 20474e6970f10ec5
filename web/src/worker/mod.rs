//! The page's end of its workers (`src/bin/proclab-worker.rs`, built by Trunk beside the app):
//! long runs ([`run`]) and the comparison of every policy ([`compare`]) happen off the main
//! thread, so the page keeps answering while they run.
//!
//! [`Channel`] is one worker: it waits for the worker's "ready" before posting (a message posted
//! earlier finds no handler and is lost), turns what comes back into [`Reply`]s (a run's trace
//! and metrics arrive as typed arrays beside the text), and ends the worker when dropped, which
//! is how work the student has moved on from is cancelled. Where a worker cannot start (an old
//! browser, a page opened from a file), the hooks do the work on the page instead.

pub mod compare;
pub mod run;

use std::cell::RefCell;
use std::rc::Rc;

use proclab_app::worker::Reply;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};

pub use compare::{use_comparison, ComparisonState};
pub use run::use_background_run;

/// The worker's loader script, next to the app's own files in `dist/`.
const WORKER_SCRIPT: &str = "proclab-worker_loader.js";

/// What a channel's handlers share with it.
struct Link {
    worker: Worker,
    /// True once the worker said it listens.
    ready: bool,
    /// The message to post when it does.
    queued: Option<String>,
}

/// One worker, its handlers, and the message waiting for it to be ready.
pub struct Channel {
    link: Rc<RefCell<Link>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl Drop for Channel {
    fn drop(&mut self) {
        // The handlers go first: a reply the worker posted before it was ended may still be
        // waiting in the page's event queue, and would call the closures dropped here.
        let link = self.link.borrow();
        link.worker.set_onmessage(None);
        link.worker.set_onerror(None);
        link.worker.terminate();
    }
}

impl Channel {
    /// Starts a worker; `on_reply` gets every reply but "ready", `on_error` the reason the worker
    /// failed (its script missing, say).
    pub fn start(
        on_reply: impl Fn(Result<Reply, String>) + 'static,
        on_error: impl Fn(String) + 'static,
    ) -> Option<Channel> {
        let worker = Worker::new(&worker_url()).ok()?;
        let link = Rc::new(RefCell::new(Link {
            worker: worker.clone(),
            ready: false,
            queued: None,
        }));
        let on_message = {
            let link = Rc::downgrade(&link);
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let reply = read(&event.data());
                if reply == Ok(Reply::Ready) {
                    if let Some(link) = link.upgrade() {
                        let mut link = link.borrow_mut();
                        link.ready = true;
                        if let Some(message) = link.queued.take() {
                            let _ = link.worker.post_message(&JsValue::from_str(&message));
                        }
                    }
                    return;
                }
                on_reply(reply);
            })
        };
        // A script that fails to run gives an `ErrorEvent`; one that never arrives (a 404 from
        // a plain static host, no network) a bare `Event`, which has no message to read.
        let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            on_error(
                event
                    .dyn_ref::<ErrorEvent>()
                    .map(ErrorEvent::message)
                    .unwrap_or_else(|| String::from("the worker's script did not load")),
            )
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Channel {
            link,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Posts `message` now if the worker listens, else as soon as it does; false if the browser
    /// refused it.
    pub fn send(&self, message: String) -> bool {
        let mut link = self.link.borrow_mut();
        if link.ready {
            link.worker
                .post_message(&JsValue::from_str(&message))
                .is_ok()
        } else {
            link.queued = Some(message);
            true
        }
    }
}

/// A reply as the worker posted it: its text, or `[text, trace, metrics, program]` for a run.
fn read(data: &JsValue) -> Result<Reply, String> {
    if let Some(text) = data.as_string() {
        return Reply::from_message(&text);
    }
    let parts: js_sys::Array = data.clone().dyn_into().map_err(|_| "not a reply")?;
    let text = parts.get(0).as_string().ok_or("not a reply")?;
    let reply = Reply::from_message(&text)?;
    let Reply::Ran {
        id,
        end_tick,
        instant_count,
        ..
    } = reply
    else {
        return Ok(reply);
    };
    let trace: js_sys::Uint32Array = parts.get(1).dyn_into().map_err(|_| "no trace")?;
    let metrics: js_sys::Uint8Array = parts.get(2).dyn_into().map_err(|_| "no metrics")?;
    let program: js_sys::Uint32Array = parts.get(3).dyn_into().map_err(|_| "no program")?;
    Ok(Reply::Ran {
        id,
        end_tick,
        instant_count,
        trace: trace.to_vec(),
        metrics: metrics.to_vec(),
        program: program.to_vec(),
    })
}

/// The worker's address: beside the app's own script, wherever the site is served from.
fn worker_url() -> String {
    let document = web_sys::window().and_then(|window| window.document());
    let script = document
        .as_ref()
        .and_then(|document| {
            document
                .query_selector("link[rel=modulepreload]")
                .ok()
                .flatten()
        })
        .and_then(|link| link.get_attribute("href"));
    let base = document.and_then(|document| document.base_uri().ok().flatten());
    let resolved = match (script, base) {
        (Some(script), Some(base)) => web_sys::Url::new_with_base(&script, &base).ok(),
        (None, Some(base)) => web_sys::Url::new(&base).ok(),
        _ => None,
    };
    resolved
        .and_then(|url| web_sys::Url::new_with_base(WORKER_SCRIPT, &url.href()).ok())
        .map(|url| url.href())
        .unwrap_or_else(|| String::from(WORKER_SCRIPT))
}
