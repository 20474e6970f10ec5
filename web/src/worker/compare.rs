//! The comparison of every policy and quantum, computed in a worker when the Compare tab opens:
//! progress while it runs, the last answer kept per workload, and a busy worker ended when the
//! student moves on to another workload.

use std::cell::RefCell;
use std::rc::Rc;

use proclab_app::chart::compare_model::Comparison;
use proclab_app::worker::{Reply, Request};
use proclab_core::ScenarioSpec;
use yew::prelude::*;

use super::Channel;

/// Where the comparison of the workload shown stands.
#[derive(Clone, PartialEq)]
pub enum ComparisonState {
    /// Nothing asked yet (the Compare tab is closed, or there is no valid workload).
    Idle,
    /// Runs done of the total; the total is 0 until the worker has started.
    Running { finished: usize, total: usize },
    /// The answer for the workload shown.
    Ready(Rc<Comparison>),
    /// The worker could not read the request (a page and a worker of different versions).
    Failed(String),
}

/// What the hook keeps between renders.
#[derive(Default)]
struct Comparer {
    /// The last finished comparison and its workload.
    cached: Option<(Rc<ScenarioSpec>, Rc<Comparison>)>,
    /// The workload being compared now, with its request id.
    asked: Option<(Rc<ScenarioSpec>, u32)>,
    channel: Option<Channel>,
    next_id: u32,
}

fn same(left: &Rc<ScenarioSpec>, right: &Rc<ScenarioSpec>) -> bool {
    Rc::ptr_eq(left, right) || **left == **right
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
    // (A binding, so the borrow of the cache ends before the hook returns.)
    let shown = match (&*state, &comparer.borrow().cached, spec_now) {
        // An answer for an earlier workload is not shown, even for the frame before the effect
        // asks for the new one.
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
            inner.channel = None;
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
        if same(asked, spec) && inner.channel.is_some() {
            return;
        }
    }
    inner.next_id = inner.next_id.wrapping_add(1);
    let id = inner.next_id;
    // A worker still busy with an earlier workload is ended; an idle one takes the new request.
    if inner.asked.take().is_some() {
        inner.channel = None;
    }
    if inner.channel.is_none() {
        inner.channel = start(comparer, state);
    }
    let request = Request::Compare { id, spec: &**spec };
    let sent = inner
        .channel
        .as_ref()
        .is_some_and(|channel| channel.send(request.to_message()));
    if sent {
        inner.asked = Some((Rc::clone(spec), id));
        state.set(ComparisonState::Running {
            finished: 0,
            total: 0,
        });
    } else {
        inner.channel = None;
        drop(inner);
        compare_here(comparer, Rc::clone(spec), state.clone());
    }
}

/// The fallback: the comparison on the page's own thread, in a task of its own so the progress
/// is painted first.
fn compare_here(
    comparer: &Rc<RefCell<Comparer>>,
    spec: Rc<ScenarioSpec>,
    state: UseStateHandle<ComparisonState>,
) {
    let comparer = Rc::downgrade(comparer);
    state.set(ComparisonState::Running {
        finished: 0,
        total: 0,
    });
    gloo::timers::callback::Timeout::new(0, move || {
        let comparison = Rc::new(Comparison::of(&spec));
        if let Some(comparer) = comparer.upgrade() {
            comparer.borrow_mut().cached = Some((spec, Rc::clone(&comparison)));
        }
        state.set(ComparisonState::Ready(comparison));
    })
    .forget();
}

/// Starts a worker whose replies update `state`.
fn start(
    comparer: &Rc<RefCell<Comparer>>,
    state: &UseStateHandle<ComparisonState>,
) -> Option<Channel> {
    let on_reply = {
        let comparer = Rc::downgrade(comparer);
        let state = state.clone();
        move |reply: Result<Reply, String>| {
            if let Some(comparer) = comparer.upgrade() {
                receive(&comparer, reply, &state);
            }
        }
    };
    // A worker that fails to load (its script missing, say): the comparison is made on the
    // page instead, after the progress has been painted.
    let on_error = {
        let comparer = Rc::downgrade(comparer);
        let state = state.clone();
        move |_reason: String| {
            let Some(comparer) = comparer.upgrade() else {
                return;
            };
            let asked = {
                let mut inner = comparer.borrow_mut();
                inner.channel = None;
                inner.asked.take()
            };
            if let Some((spec, _)) = asked {
                compare_here(&comparer, spec, state.clone());
            }
        }
    };
    Channel::start(on_reply, on_error)
}

fn receive(
    comparer: &Rc<RefCell<Comparer>>,
    reply: Result<Reply, String>,
    state: &UseStateHandle<ComparisonState>,
) {
    let mut inner = comparer.borrow_mut();
    let asked = inner.asked.as_ref().map(|(_, id)| *id);
    match reply {
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
        Ok(Reply::Ready | Reply::Ran { .. } | Reply::NotRun { .. }) => {}
        Ok(Reply::Unreadable { reason }) | Err(reason) => {
            if inner.asked.take().is_some() {
                state.set(ComparisonState::Failed(reason));
            }
        }
    }
}
