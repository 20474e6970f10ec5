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

/// The page's session: started from the address bar and the saved workspace, saved after every
/// edit the student makes.
#[hook]
pub fn use_session() -> SessionHandle {
    let session = use_reducer(|| {
        Store(Session::start(
            browser::initial_language(),
            &browser::fragment(),
            storage::load_workspace(),
            browser::remembered_language(),
        ))
    });
    {
        let draft = session.draft.clone();
        use_effect_with(session.edits, move |edits| {
            if *edits > 0 {
                storage::save_workspace(&draft);
                // The workspace has moved on from any share link in the address bar; a reload
                // must show the saved work, not the link.
                browser::clear_share_fragment();
            }
        });
    }
    use_effect_with(session.lang, move |lang: &Lang| {
        browser::apply_language(*lang)
    });
    session
}
