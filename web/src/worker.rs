//! The page's end of the comparison worker: sends a workload, shows the progress, keeps the last
//! answer, and cancels work the student has moved on from.
//!
//! The worker (`src/bin/proclab-worker.rs`, built by Trunk beside the app) runs every policy and
//! quantum off the main thread, so opening the Compare tab on ten thousand processes never
//! freezes the page. A new workload while one is still running ends that worker and starts a
//! fresh one: the old answer would be thrown away anyway. Where a worker cannot start (an old
//! browser, a page opened from a file), the comparison runs on the page as before.

use std::cell::RefCell;
use std::rc::Rc;

use proclab_app::chart::compare_model::Comparison;
use proclab_app::worker::{Reply, Request};
use proclab_core::ScenarioSpec;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::prelude::*;

/// The worker's loader script, next to the app's own files in `dist/`.
const WORKER_SCRIPT: &str = "proclab-worker_loader.js";

/// Where the comparison of the workload shown stands.
#[derive(Clone, PartialEq)]
pub enum ComparisonState {
    /// Nothing asked yet (the Compare tab is closed, or there is no valid workload).
    Idle,
    /// Runs done of the total; the total is 0 until the worker has started.
    Running { finished: usize, total: usize },
    /// The answer for the workload shown.
    Ready(Rc<Comparison>),
    /// The worker failed (its files missing, say): the reason, for the page to say.
    Failed(String),
}

/// A running worker and its message handler (which must live as long as the worker).
struct Running {
    worker: Worker,
    /// True once the worker said it listens.
    ready: bool,
    /// The request to post when it does.
    pending: Option<String>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// What the hook keeps between renders.
#[derive(Default)]
struct Comparer {
    /// The last finished comparison and its workload.
    cached: Option<(Rc<ScenarioSpec>, Rc<Comparison>)>,
    /// The workload being compared now, with its request id.
    asked: Option<(Rc<ScenarioSpec>, u32)>,
    worker: Option<Running>,
    next_id: u32,
}

/// The comparison of `spec`, computed in the worker when `wanted` (the Compare tab is open) and
/// kept while the workload stays the same.
#[hook]
pub fn use_comparison(spec: Option<Rc<ScenarioSpec>>, wanted: bool) -> ComparisonState {
    let state = use_state(|| ComparisonState::Idle);
    let comparer = use_mut_ref(Comparer::default);
    let spec_now = spec.clone().filter(|_| wanted);
    {
        let state = state.clone();
        let comparer = Rc::clone(&comparer);
        use_effect_with((spec, wanted), move |(spec, wanted)| {
            ask(&comparer, spec.as_ref(), *wanted, &state);
        });
    }
    let shown = match (&*state, &comparer.borrow().cached, spec_now) {
        // An answer for an earlier workload is not shown, even for the frame before the
        // effect asks for the new one.
        (ComparisonState::Ready(_), Some((cached, _)), Some(spec)) if !same(cached, &spec) => {
            ComparisonState::Running {
                finished: 0,
                total: 0,
            }
        }
        (shown, _, _) => shown.clone(),
    };
    shown
}

fn same(left: &Rc<ScenarioSpec>, right: &Rc<ScenarioSpec>) -> bool {
    Rc::ptr_eq(left, right) || **left == **right
}

fn ask(
    comparer: &Rc<RefCell<Comparer>>,
    spec: Option<&Rc<ScenarioSpec>>,
    wanted: bool,
    state: &UseStateHandle<ComparisonState>,
) {
    let mut inner = comparer.borrow_mut();
    let Some(spec) = spec.filter(|_| wanted) else {
        // A workload that changed while the tab is closed is not worth finishing.
        let still_current =
            matches!((&inner.asked, spec), (Some((asked, _)), Some(spec)) if same(asked, spec));
        if inner.asked.is_some() && !still_current {
            inner.asked = None;
            inner.worker = None;
        }
        return;
    };
    if let Some((cached, comparison)) = &inner.cached {
        if same(cached, spec) {
            state.set(ComparisonState::Ready(Rc::clone(comparison)));
            return;
        }
    }
    if let Some((asked, _)) = &inner.asked {
        if same(asked, spec) && inner.worker.is_some() {
            return;
        }
    }
    inner.next_id = inner.next_id.wrapping_add(1);
    let id = inner.next_id;
    // A worker still busy with an earlier workload is ended; an idle one takes the new request.
    if inner.asked.take().is_some() {
        inner.worker = None;
    }
    if inner.worker.is_none() {
        inner.worker = start(comparer, state).ok();
    }
    let request = Request {
        id,
        spec: (**spec).clone(),
    }
    .to_message();
    let posted = match inner.worker.as_mut() {
        Some(running) if running.ready => running
            .worker
            .post_message(&JsValue::from_str(&request))
            .is_ok(),
        Some(running) => {
            running.pending = Some(request);
            true
        }
        None => false,
    };
    if posted {
        inner.asked = Some((Rc::clone(spec), id));
        state.set(ComparisonState::Running {
            finished: 0,
            total: 0,
        });
    } else {
        inner.worker = None;
        compare_here(&mut inner, spec, state);
    }
}

/// The fallback: the comparison on the page's own thread.
fn compare_here(
    inner: &mut Comparer,
    spec: &Rc<ScenarioSpec>,
    state: &UseStateHandle<ComparisonState>,
) {
    let comparison = Rc::new(Comparison::of(spec));
    inner.cached = Some((Rc::clone(spec), Rc::clone(&comparison)));
    inner.asked = None;
    state.set(ComparisonState::Ready(comparison));
}

/// Starts a worker whose replies update `state`.
fn start(
    comparer: &Rc<RefCell<Comparer>>,
    state: &UseStateHandle<ComparisonState>,
) -> Result<Running, ()> {
    let worker = Worker::new(&worker_url()).map_err(|_| ())?;
    let on_message = {
        let comparer = Rc::downgrade(comparer);
        let state = state.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(comparer) = comparer.upgrade() else {
                return;
            };
            let text = event.data().as_string().unwrap_or_default();
            receive(&comparer, Reply::from_message(&text), &state);
        })
    };
    let on_error = {
        let comparer = Rc::downgrade(comparer);
        let state = state.clone();
        Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
            if let Some(comparer) = comparer.upgrade() {
                let mut inner = comparer.borrow_mut();
                inner.asked = None;
                inner.worker = None;
            }
            state.set(ComparisonState::Failed(event.message()));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running {
        worker,
        ready: false,
        pending: None,
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn receive(
    comparer: &Rc<RefCell<Comparer>>,
    reply: Result<Reply, String>,
    state: &UseStateHandle<ComparisonState>,
) {
    let mut inner = comparer.borrow_mut();
    let asked = inner.asked.as_ref().map(|(_, id)| *id);
    match reply {
        Ok(Reply::Ready) => {
            if let Some(running) = inner.worker.as_mut() {
                running.ready = true;
                if let Some(request) = running.pending.take() {
                    let _ = running.worker.post_message(&JsValue::from_str(&request));
                }
            }
        }
        // A reply to a workload the student has moved on from is dropped.
        Ok(Reply::Progress { id, .. } | Reply::Done { id, .. }) if Some(id) != asked => {}
        Ok(Reply::Progress {
            finished, total, ..
        }) => state.set(ComparisonState::Running { finished, total }),
        Ok(Reply::Done { comparison, .. }) => {
            let comparison = Rc::new(comparison);
            if let Some((spec, _)) = inner.asked.take() {
                inner.cached = Some((spec, Rc::clone(&comparison)));
            }
            // The worker stays, idle, for the next workload.
            state.set(ComparisonState::Ready(comparison));
        }
        Ok(Reply::Unreadable { reason }) | Err(reason) => {
            if inner.asked.take().is_some() {
                state.set(ComparisonState::Failed(reason));
            }
        }
    }
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
