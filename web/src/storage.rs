//! The autosaved workspace: the draft exactly as typed, in `localStorage`.
//!
//! Storage that is missing or full is not an error the student can act on, so failures here are
//! silent: the page keeps working, it just does not remember.

use proclab_app::draft::Draft;

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
