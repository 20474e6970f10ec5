//! Long runs computed in a worker: when the session leaves a scenario pending (its run would take
//! more than a few milliseconds), the worker simulates it and sends back the trace, which the
//! page joins to the scenario it already checked, without simulating again. A newer pending
//! scenario ends a worker still busy with an older one.

use std::cell::RefCell;
use std::rc::Rc;

use proclab_app::session::Action;
use proclab_app::simulation::Simulation;
use proclab_app::worker::{rebuild, Reply, Request};
use proclab_core::{simulate, Scenario};
use yew::prelude::*;

use super::Channel;
use crate::session::{Dispatch, SessionHandle};

/// What the hook keeps between renders.
#[derive(Default)]
struct Runner {
    /// The scenario being simulated now, with its request id.
    asked: Option<(Scenario, u32)>,
    channel: Option<Channel>,
    next_id: u32,
}

/// Simulates the session's pending scenario off the main thread and hands the run to the session.
#[hook]
pub fn use_background_run(session: &SessionHandle) {
    let runner = use_mut_ref(Runner::default);
    let dispatch = session.dispatcher();
    let pending = session.pending.clone();
    use_effect_with(
        pending
            .as_ref()
            .map(|scenario| std::ptr::from_ref(scenario.spec()) as usize),
        move |_| ask(&runner, pending, dispatch),
    );
}

fn ask(runner: &Rc<RefCell<Runner>>, pending: Option<Scenario>, dispatch: Dispatch) {
    let mut inner = runner.borrow_mut();
    // A worker still busy with a spec that is no longer pending is ended.
    if inner.asked.take().is_some() {
        inner.channel = None;
    }
    let Some(scenario) = pending else {
        return;
    };
    inner.next_id = inner.next_id.wrapping_add(1);
    let id = inner.next_id;
    if inner.channel.is_none() {
        inner.channel = start(runner, dispatch.clone());
    }
    let request = Request::Run {
        id,
        spec: scenario.spec(),
    };
    let sent = inner
        .channel
        .as_ref()
        .is_some_and(|channel| channel.send(request.to_message()));
    if sent {
        inner.asked = Some((scenario, id));
    } else {
        inner.channel = None;
        run_here(scenario, dispatch);
    }
}

/// The fallback: the run on the page's own thread, in a task of its own so the "simulating"
/// status is painted first.
fn run_here(scenario: Scenario, dispatch: Dispatch) {
    gloo::timers::callback::Timeout::new(0, move || {
        let run = simulate(&scenario);
        dispatch.dispatch(Action::Ran(Rc::new(Simulation::with_run(scenario, run))));
    })
    .forget();
}

fn start(runner: &Rc<RefCell<Runner>>, dispatch: Dispatch) -> Option<Channel> {
    let on_reply = {
        let runner = Rc::downgrade(runner);
        let dispatch = dispatch.clone();
        move |reply: Result<Reply, String>| {
            if let Some(runner) = runner.upgrade() {
                receive(&runner, reply, &dispatch);
            }
        }
    };
    let on_error = {
        let runner = Rc::downgrade(runner);
        move |_reason: String| {
            let Some(runner) = runner.upgrade() else {
                return;
            };
            let mut inner = runner.borrow_mut();
            inner.channel = None;
            if let Some((scenario, _)) = inner.asked.take() {
                run_here(scenario, dispatch.clone());
            }
        }
    };
    Channel::start(on_reply, on_error)
}

fn receive(runner: &Rc<RefCell<Runner>>, reply: Result<Reply, String>, dispatch: &Dispatch) {
    let mut inner = runner.borrow_mut();
    let Some((scenario, asked)) = inner.asked.clone() else {
        return;
    };
    match reply {
        // A reply to a spec the student has moved on from is dropped.
        Ok(Reply::Ran { id, .. } | Reply::NotRun { id, .. }) if id != asked => {}
        Ok(reply @ Reply::Ran { .. }) => {
            inner.asked = None;
            drop(inner);
            match rebuild(&scenario, reply) {
                // Shown in a task of its own: reading a long run's words and drawing its views
                // are each tens of milliseconds, and the page answers keys and clicks between them.
                // (A run of a spec edited away meanwhile is dropped by the session.)
                Ok(simulation) => {
                    let dispatch = dispatch.clone();
                    gloo::timers::callback::Timeout::new(0, move || {
                        dispatch.dispatch(Action::Ran(Rc::new(simulation)))
                    })
                    .forget();
                }
                Err(_) => run_here(scenario, dispatch.clone()),
            }
        }
        Ok(Reply::NotRun { .. } | Reply::Unreadable { .. }) | Err(_) => {
            inner.asked = None;
            drop(inner);
            run_here(scenario, dispatch.clone());
        }
        Ok(Reply::Ready | Reply::Progress { .. } | Reply::Done { .. }) => {}
    }
}
