//! The autosaved workspace (the draft exactly as typed) and each practice set's progress, in
//! `localStorage`.
//!
//! Storage that is missing, refused (a `SecurityError` on `window.localStorage`) or full is not
//! an error: the page keeps working, it just does not remember. Only the workspace's autosave
//! tells the student ([`works`], [`save_workspace`]'s answer), since that is work they would lose.
//! Another tab of the page saving the workspace is announced by the browser's `storage` event
//! ([`on_saved_elsewhere`]), so two tabs need not overwrite each other's work unseen.

use proclab_app::draft::Draft;
use proclab_app::practice::set::Progress;

const WORKSPACE_KEY: &str = "proclab.workspace.v1";

/// The saved draft, if there is one that can be read. (Read as bytes, like every JSON the page
/// reads: one of `serde_json`'s readers in the wasm instead of two.)
pub fn load_workspace() -> Option<Draft> {
    let storage = web_sys::window()?.local_storage().ok()??;
    let text = storage.get_item(WORKSPACE_KEY).ok()??;
    serde_json::from_slice(text.as_bytes()).ok()
}

/// The most characters Chromium's `localStorage` holds for one page (5 MiB, keys and values);
/// Firefox and Safari hold about as much.
const STORAGE_MAX_CHARS: usize = 5 * 1024 * 1024;

/// Saves the draft (even an invalid one: nothing typed is lost). False when the browser refused,
/// or when the draft is too large for any browser's storage: then it is not written out at all
/// (a 25 MB workspace took a quarter of a second to write, only to be refused).
pub fn save_workspace(draft: &Draft) -> bool {
    let Some(storage) = web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    else {
        return false;
    };
    if draft.text_chars() > STORAGE_MAX_CHARS {
        return false;
    }
    serde_json::to_string(draft)
        .map(|text| storage.set_item(WORKSPACE_KEY, &text).is_ok())
        .unwrap_or(false)
}

const LAST_RUN_KEY: &str = "proclab.workspace.last-run.v1";

/// The last valid scenario of a workspace saved with problems, if there is one that can be read.
pub fn load_last_run() -> Option<proclab_core::ScenarioSpec> {
    let storage = web_sys::window()?.local_storage().ok()??;
    let text = storage.get_item(LAST_RUN_KEY).ok()??;
    serde_json::from_slice(text.as_bytes()).ok()
}

/// Keeps `spec` beside the workspace while its fields have problems, so that a reload shows the
/// run it had; removes it when there is none. As small as the workspace's own limit allows.
pub fn save_last_run(spec: Option<&proclab_core::ScenarioSpec>) {
    let Some(storage) = web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    else {
        return;
    };
    let text = spec.and_then(|spec| serde_json::to_string(spec).ok());
    match text {
        Some(text) if text.len() <= STORAGE_MAX_CHARS / 2 => {
            let _ = storage.set_item(LAST_RUN_KEY, &text);
        }
        _ => {
            let _ = storage.remove_item(LAST_RUN_KEY);
        }
    }
}

const PROBE_KEY: &str = "proclab.probe";

/// True when this page may store anything at all: storage is there and takes a small write.
pub fn works() -> bool {
    let Some(storage) = web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    else {
        return false;
    };
    let stored = storage.set_item(PROBE_KEY, "1").is_ok();
    let _ = storage.remove_item(PROBE_KEY);
    stored
}

/// Calls `saved` whenever another tab of this page saves its workspace (the browser's `storage`
/// event, which never fires in the tab that wrote). The listener lives as long as the value.
pub fn on_saved_elsewhere(saved: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    on_key_saved_elsewhere(String::from(WORKSPACE_KEY), saved)
}

/// Calls `saved` whenever another tab of this page writes `key`.
pub fn on_key_saved_elsewhere(
    key: String,
    saved: impl Fn() + 'static,
) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "storage",
        move |event| {
            let written = js_sys::Reflect::get(event, &"key".into())
                .ok()
                .and_then(|key| key.as_string());
            if written.as_deref() == Some(key.as_str()) {
                saved();
            }
        },
    ))
}

/// A practice set's saved progress (answers as typed, hints shown), under the set's own key.
pub fn load_practice(key: &str) -> Option<Progress> {
    let storage = web_sys::window()?.local_storage().ok()??;
    let text = storage.get_item(key).ok()??;
    serde_json::from_slice(text.as_bytes()).ok()
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

/// A short text kept under `key` (none when storage is off).
fn load_text(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

/// Keeps a short text under `key`; with storage off or full it is simply not kept.
fn save_text(key: &str, text: &str) {
    if let Some(storage) =
        web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    {
        let _ = storage.set_item(key, text);
    }
}

const LAST_SET_KEY: &str = "proclab.practice.last";

/// The code of the practice set last opened here (the Practice tab reopens it).
pub fn load_last_set() -> Option<String> {
    load_text(LAST_SET_KEY)
}

/// Remembers the practice set on screen.
pub fn save_last_set(code: &str) {
    save_text(LAST_SET_KEY, code)
}

const BUILDER_KEY: &str = "proclab.practice.builder";

/// The teacher's mixed-set list as [`proclab_app::practice::builder::Builder::saved`] wrote it
/// (empty when there is none).
pub fn load_builder() -> String {
    load_text(BUILDER_KEY).unwrap_or_default()
}

/// Keeps the teacher's list for the next visit.
pub fn save_builder(code: &str) {
    save_text(BUILDER_KEY, code)
}

const STUDENT_KEY: &str = "proclab.practice.student";

/// The name the student last typed for the answers files.
pub fn load_student() -> Option<String> {
    load_text(STUDENT_KEY)
}

/// Remembers the student's name for the next set's answers.
pub fn save_student(name: &str) {
    save_text(STUDENT_KEY, name)
}
