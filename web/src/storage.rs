//! The autosaved workspace (the draft exactly as typed) and each practice set's progress, in
//! `localStorage`.
//!
//! Storage that is missing or full is not an error the student can act on, so failures here are
//! silent: the page keeps working, it just does not remember.

use proclab_app::draft::Draft;
use proclab_app::practice::set::Progress;

const WORKSPACE_KEY: &str = "proclab.workspace.v1";

/// The saved draft, if there is one that can be read.
pub fn load_workspace() -> Option<Draft> {
    let storage = web_sys::window()?.local_storage().ok()??;
    let text = storage.get_item(WORKSPACE_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// Saves the draft (even an invalid one: nothing typed is lost).
pub fn save_workspace(draft: &Draft) {
    let Some(storage) = web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    else {
        return;
    };
    if let Ok(text) = serde_json::to_string(draft) {
        let _ = storage.set_item(WORKSPACE_KEY, &text);
    }
}

/// A practice set's saved progress (answers as typed, hints shown), under the set's own key.
pub fn load_practice(key: &str) -> Option<Progress> {
    let storage = web_sys::window()?.local_storage().ok()??;
    let text = storage.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

/// Saves a practice set's progress under its key.
pub fn save_practice(key: &str, progress: &Progress) {
    let Some(storage) = web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    else {
        return;
    };
    if let Ok(text) = serde_json::to_string(progress) {
        let _ = storage.set_item(key, &text);
    }
}

const LAST_SET_KEY: &str = "proclab.practice.last";

/// The code of the practice set last opened here (the Practice tab reopens it).
pub fn load_last_set() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(LAST_SET_KEY)
        .ok()?
}

/// Remembers the practice set on screen.
pub fn save_last_set(code: &str) {
    if let Some(storage) =
        web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    {
        let _ = storage.set_item(LAST_SET_KEY, code);
    }
}
