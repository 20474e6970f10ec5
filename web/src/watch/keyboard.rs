//! Playback from the keyboard: Space plays or pauses, arrows step a tick, Shift+arrows step an
//! event (so do Page Down and Page Up while presenting: a clicker's keys), Home and End jump to
//! the ends. The keys work anywhere on the page except while typing
//! in a field or on a control that has keys of its own.

use std::rc::Rc;

use proclab_app::simulation::Simulation;
use proclab_app::watch::playback::{Playback, PlaybackAction};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::store::Store;

/// The playback action of a key at `tick` of `simulation`'s run (Shift+arrows stop where
/// something is told: an event or a channel operation).
pub fn key_action(
    key: &str,
    shift: bool,
    tick: u64,
    simulation: &Simulation,
) -> Option<PlaybackAction> {
    let run = &simulation.run;
    let seek = |tick: u64, animate: bool| PlaybackAction::Seek { tick, animate };
    match (key, shift) {
        (" ", _) => Some(PlaybackAction::Toggle),
        ("ArrowRight", false) => Some(seek(tick + 1, true)),
        ("ArrowLeft", false) => Some(seek(tick.saturating_sub(1), false)),
        ("ArrowRight", true) => simulation.next_told_tick(tick).map(|tick| seek(tick, true)),
        ("ArrowLeft", true) => simulation
            .previous_told_tick(tick)
            .map(|tick| seek(tick, false)),
        ("Home", _) => Some(seek(0, false)),
        ("End", _) => Some(seek(run.end_tick(), false)),
        _ => None,
    }
}

/// True when the key goes to a field or a control with keys of its own. The time slider is not
/// one: on it the playback keys do what they do anywhere (Shift+arrow steps an event, Space
/// plays), where the browser's own slider keys moved a tick and ignored Space. A button (a
/// playback button just clicked keeps the focus) has only Space and Enter: the arrows, Home and
/// End step the playback there too.
fn typing_target(event: &KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    if element.id() == "scrub" {
        return false;
    }
    // A tab's arrows, Home and End move between the tabs.
    if element.get_attribute("role").as_deref() == Some("tab") {
        return true;
    }
    let tag = element.tag_name();
    if tag == "BUTTON" {
        return matches!(event.key().as_str(), " " | "Enter");
    }
    matches!(
        tag.as_str(),
        "INPUT" | "SELECT" | "TEXTAREA" | "SUMMARY" | "A"
    ) || element
        .closest("[contenteditable]")
        .ok()
        .flatten()
        .is_some()
}

/// Whether a view is presented (full screen, [`super::present`]).
fn presenting() -> bool {
    gloo::utils::document()
        .query_selector(".presenting")
        .ok()
        .flatten()
        .is_some()
}

/// Listens for playback keys on the document while the view is shown. The listener is made once
/// per run and reads the current tick from a cell each render keeps up to date.
#[hook]
pub fn use_playback_keys(
    dispatcher: UseReducerDispatcher<Store<Playback>>,
    simulation: Rc<Simulation>,
    tick: u64,
) {
    let tick_now = use_mut_ref(|| 0u64);
    *tick_now.borrow_mut() = tick;
    use_effect_with(Rc::as_ptr(&simulation) as usize, move |_| {
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if event.alt_key() || event.ctrl_key() || event.meta_key() || typing_target(event) {
                    return;
                }
                let tick = *tick_now.borrow();
                // A presenter's clicker sends Page Down and Page Up: while presenting they step
                // an event, as Shift+arrows do (they had scrolled the picture off the screen).
                let key = event.key();
                let (key, shift) = match key.as_str() {
                    "PageDown" | "PageUp" if presenting() => (
                        if key == "PageDown" {
                            "ArrowRight"
                        } else {
                            "ArrowLeft"
                        },
                        true,
                    ),
                    _ => (key.as_str(), event.shift_key()),
                };
                if let Some(action) = key_action(key, shift, tick, &simulation) {
                    event.prevent_default();
                    dispatcher.dispatch(action);
                }
            },
        );
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proclab_core::presets::process;
    use proclab_core::spec::{PolicySpec, ScenarioSpec};

    use wasm_bindgen_test::wasm_bindgen_test;

    fn seek(action: Option<PlaybackAction>) -> Option<(u64, bool)> {
        match action {
            Some(PlaybackAction::Seek { tick, animate }) => Some((tick, animate)),
            _ => None,
        }
    }

    #[wasm_bindgen_test]
    fn keys_step_by_tick_and_by_event_and_jump_to_the_ends() {
        let spec = ScenarioSpec {
            processes: vec![process("P1", 0, &[4]), process("P2", 2, &[3])],
            policy: PolicySpec::Fcfs,
            ..ScenarioSpec::default()
        };
        let simulation = Simulation::new(&spec).expect("valid");
        let run = &simulation.run;
        assert_eq!(
            seek(key_action("ArrowRight", false, 2, &simulation)),
            Some((3, true))
        );
        assert_eq!(
            seek(key_action("ArrowLeft", false, 0, &simulation)),
            Some((0, false))
        );
        let next = run.next_event_tick(0).expect("an event after t=0");
        assert_eq!(
            seek(key_action("ArrowRight", true, 0, &simulation)),
            Some((next, true))
        );
        assert_eq!(
            seek(key_action("ArrowLeft", true, next, &simulation)),
            Some((0, false))
        );
        assert_eq!(
            seek(key_action("Home", true, 5, &simulation)),
            Some((0, false))
        );
        assert_eq!(
            seek(key_action("End", false, 0, &simulation)),
            Some((run.end_tick(), false))
        );
        assert!(matches!(
            key_action(" ", false, 0, &simulation),
            Some(PlaybackAction::Toggle)
        ));
        assert!(key_action("a", false, 0, &simulation).is_none());
    }
}
