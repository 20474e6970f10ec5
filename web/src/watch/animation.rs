//! The animation-frame loop that drives playback: while playing (or finishing a step's
//! animation), each frame tells the playback reducer how much time passed. Time enters here and
//! nowhere else; the reducer is pure.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::{request_animation_frame, AnimationFrame};
use proclab_app::watch::playback::{Playback, PlaybackAction};
use yew::prelude::*;

use crate::store::Store;

type Dispatcher = UseReducerDispatcher<Store<Playback>>;

/// Whether the reader asked the system for less motion.
#[hook]
pub fn use_reduced_motion() -> bool {
    *use_memo((), |_| {
        web_sys::window()
            .and_then(|window| {
                window
                    .match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|query| query.matches())
    })
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or(0.0)
}

/// Sends `Advance` on every animation frame while `running`; `switching` (the instant holds a
/// context switch) slows it down. The loop stops when either changes or the view goes away.
#[hook]
pub fn use_animation_frames(dispatcher: Dispatcher, running: bool, switching: bool) {
    use_effect_with((running, switching), move |(running, switching)| {
        let handle: Rc<RefCell<Option<AnimationFrame>>> = Rc::new(RefCell::new(None));
        if *running {
            let last = Rc::new(RefCell::new(now()));
            schedule(Rc::clone(&handle), last, dispatcher, *switching);
        }
        move || {
            handle.borrow_mut().take();
        }
    });
}

/// Asks for the next frame; the frame advances playback and asks for the one after.
fn schedule(
    handle: Rc<RefCell<Option<AnimationFrame>>>,
    last: Rc<RefCell<f64>>,
    dispatcher: Dispatcher,
    switching: bool,
) {
    let next_handle = Rc::clone(&handle);
    let frame = request_animation_frame(move |timestamp| {
        let elapsed = (timestamp - *last.borrow()).max(0.0);
        *last.borrow_mut() = timestamp;
        #[cfg(feature = "bench-frames")]
        super::bench_frames::record(elapsed);
        dispatcher.dispatch(PlaybackAction::Advance {
            milliseconds: elapsed as u32,
            switching,
        });
        schedule(next_handle, last, dispatcher, switching);
    });
    *handle.borrow_mut() = Some(frame);
}
