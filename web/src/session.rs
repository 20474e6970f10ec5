//! The session in the browser: the pure [`Session`] of `proclab-app` held in a Yew reducer, and
//! its effects. Autosave and dropping a share link from the address bar run here, after an
//! edit, never inside the reducer.

use proclab_app::edit::Edit;
use proclab_app::lang::Lang;
use proclab_app::session::{Action, Session};
use yew::prelude::*;

use crate::store::Store;
use crate::{browser, storage};

/// The session as components hold it.
pub type SessionHandle = UseReducerHandle<Store<Session>>;

/// The handle components use to send actions.
pub type Dispatch = UseReducerDispatcher<Store<Session>>;

/// Sends one edit.
pub fn edit(dispatch: &Dispatch, edit: Edit) {
    dispatch.dispatch(Action::Edit(edit));
}

/// A callback that turns the value it receives into an edit.
pub fn on_edit<T: 'static>(dispatch: &Dispatch, make: impl Fn(T) -> Edit + 'static) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |value: T| edit(&dispatch, make(value)))
}

/// A button's callback that sends one fixed edit.
pub fn on_click(dispatch: &Dispatch, change: Edit) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| edit(&dispatch, change.clone()))
}

/// Whether this tab's edits are being saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Autosave {
    On,
    /// The browser refuses storage (turned off, private mode, or full).
    Off,
    /// Another tab saved its workspace after this one loaded; this tab no longer saves over it
    /// until the student chooses.
    Elsewhere,
}

/// The autosave's state and the two choices a tab has once another tab has saved.
#[derive(Clone, PartialEq)]
pub struct AutosaveHandle {
    pub state: Autosave,
    /// Saves this tab's workspace now (over the other tab's) and autosaves again.
    pub keep_here: Callback<MouseEvent>,
    /// Reloads the page with the saved workspace (the other tab's work).
    pub open_saved: Callback<MouseEvent>,
}

/// Most processes a workspace may have to be saved in the task of the edit itself.
const SAVE_AT_ONCE_MAX_PROCESSES: usize = 500;

/// Saves the workspace after every edit while this tab owns the saved copy; stops (and says so)
/// when the browser refuses storage or when another tab saves.
#[hook]
pub fn use_autosave(session: &SessionHandle) -> AutosaveHandle {
    let state = use_state(|| {
        if storage::works() {
            Autosave::On
        } else {
            Autosave::Off
        }
    });
    {
        let setter = state.setter();
        use_effect_with((), move |_| {
            let listener = storage::on_saved_elsewhere(move || setter.set(Autosave::Elsewhere));
            move || drop(listener)
        });
    }
    {
        let draft = session.draft.clone();
        let current = *state;
        let setter = state.setter();
        let last_run = session.last_valid().cloned();
        use_effect_with(session.edits, move |edits| {
            let edited = *edits > 0;
            if edited {
                // The workspace has moved on from any share link in the address bar; a reload
                // must show the saved work, not the link.
                browser::clear_share_fragment();
            }
            let processes = draft.processes.len();
            let save = move || {
                if !storage::save_workspace(&draft) {
                    setter.set(Autosave::Off);
                }
                storage::save_last_run(last_run.as_ref());
            };
            // A large workspace is saved in a task of its own, after the edit is on screen:
            // writing thousands of processes takes milliseconds the keystroke's own task should
            // not carry (a newer edit's save replaces one not yet made). A small one, at once.
            let later = match (edited && current == Autosave::On, processes) {
                (false, _) => None,
                (true, processes) if processes <= SAVE_AT_ONCE_MAX_PROCESSES => {
                    save();
                    None
                }
                (true, _) => Some(gloo::timers::callback::Timeout::new(0, save)),
            };
            move || drop(later)
        });
    }
    let keep_here = {
        let draft = session.draft.clone();
        let setter = state.setter();
        Callback::from(move |_: MouseEvent| {
            setter.set(if storage::save_workspace(&draft) {
                Autosave::On
            } else {
                Autosave::Off
            });
        })
    };
    let open_saved = Callback::from(|_: MouseEvent| {
        browser::clear_share_fragment();
        browser::reload();
    });
    AutosaveHandle {
        state: *state,
        keep_here,
        open_saved,
    }
}

/// Most processes a workload may have for its link to follow it in the address bar: a larger one
/// leaves the bare address (its link is long, and "Copy link" still makes it).
const FOLLOW_MAX_PROCESSES: usize = SAVE_AT_ONCE_MAX_PROCESSES;

/// How long the address waits after an edit before it follows: typing a number writes it once.
const FOLLOW_DELAY_MS: u32 = 250;

/// Keeps the share link of the workload on screen in the address bar, so that what the browser
/// itself shares (a phone's Share button, the address copied) opens the same run elsewhere. A
/// workspace with a problem, empty or too large leaves the bare simulator address.
///
/// The saved workspace's link is marked as this tab's own ([`browser::address_is_own`]): a
/// reload opens the saved work, with every field as typed. A link opened in this tab and not yet
/// edited is not saved: it stays as it came (its instant, its tab), and a reload opens it again.
/// After a reload, Back or Forward (which keep the work on screen) the address is written again
/// for the work shown (it had kept an older link, one that opened another run). While this tab
/// does not save (storage refused, or another tab's work kept), its link is not marked: a reload
/// opens the link, the work as it was, rather than an older save.
#[hook]
pub fn use_address_follows(session: &SessionHandle, on_simulator: bool, saving: bool) {
    let spec = session
        .problems
        .is_none()
        .then(|| session.spec.clone())
        .flatten()
        .filter(|_| session.draft.processes.len() <= FOLLOW_MAX_PROCESSES);
    // Whether the work on screen is a link opened and not edited since: opened with the page, or
    // followed in this tab (a load that is no edit). A link that could not be opened counts too:
    // it stays in the address bar, as it came, to be sent back to whoever sent it.
    let from_link = use_mut_ref(|| {
        use proclab_app::session::Notice;
        !browser::address_is_own()
            && browser::fragment().starts_with(proclab_app::share::PREFIX)
            && matches!(
                session.notice,
                Some(
                    Notice::LinkOpened
                        | Notice::Preset(_)
                        | Notice::LinkInvalid(_)
                        | Notice::LinkBroken(_)
                )
            )
    });
    let seen = use_mut_ref(|| (session.edits, session.loads));
    {
        let mut seen = seen.borrow_mut();
        if session.edits != seen.0 {
            *from_link.borrow_mut() = false;
        } else if session.loads != seen.1 {
            *from_link.borrow_mut() = true;
        }
        *seen = (session.edits, session.loads);
    }
    // Back or Forward onto an address the page wrote keeps the work on screen (see `Page`): the
    // address is then written again.
    let returns = use_state(|| 0u32);
    {
        let setter = returns.setter();
        use_effect_with((), move |_| {
            let count = std::rc::Rc::new(std::cell::Cell::new(0u32));
            let listener = browser::on_fragment_change(move |_| {
                if browser::address_is_own() {
                    count.set(count.get() + 1);
                    setter.set(count.get());
                }
            });
            move || drop(listener)
        });
    }
    let saved = saving && !*from_link.borrow();
    use_effect_with(
        (
            session.edits,
            session.loads,
            session.lang,
            on_simulator,
            *returns,
            saved,
        ),
        move |&(_, _, lang, on_simulator, _, saved)| {
            let later = on_simulator.then(|| {
                gloo::timers::callback::Timeout::new(FOLLOW_DELAY_MS, move || {
                    let link = spec
                        .map(|spec| proclab_app::share::encode(&spec, lang))
                        .filter(|link| link.len() <= proclab_app::share::MAX_FRAGMENT);
                    browser::follow_workload(link.as_deref(), saved);
                })
            });
            move || drop(later)
        },
    );
}

/// The page's session: started from the address bar and the saved workspace ([`use_autosave`]
/// saves it after every edit).
#[hook]
pub fn use_session() -> SessionHandle {
    let session = use_reducer(|| {
        Store(
            Session::start(
                browser::initial_language(),
                &browser::opening_fragment(),
                storage::load_workspace(),
                browser::remembered_language(),
            )
            .with_last_run(storage::load_last_run()),
        )
    });
    // Remembered as the student's choice unless a link pinned it (`browser::pin_language`).
    use_effect_with(session.lang, move |lang: &Lang| {
        browser::apply_language(*lang)
    });
    session
}
