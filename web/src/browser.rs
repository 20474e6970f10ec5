//! The app's few contacts with the browser: the preferred language and where the choice is remembered.
//!
//! Every call here tolerates a missing `window`, storage that throws (private mode), or an empty
//! language list: the app then falls back to English and simply does not remember.

use proclab_app::i18n::Lang;

const LANGUAGE_KEY: &str = "proclab.lang";

/// The language to start in: the remembered choice, else the browser's preference.
pub fn initial_language() -> Lang {
    remembered_language().unwrap_or_else(browser_language)
}

/// The language the user chose on an earlier visit, if any.
pub fn remembered_language() -> Option<Lang> {
    let storage = web_sys::window()?.local_storage().ok()??;
    let tag = storage.get_item(LANGUAGE_KEY).ok()??;
    Some(Lang::from_tag(&tag))
}

fn browser_language() -> Lang {
    web_sys::window()
        .and_then(|window| window.navigator().language())
        .map(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En)
}

/// Sets `<html lang>` (so screen readers and fonts follow) and remembers the choice.
pub fn apply_language(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window
        .document()
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(LANGUAGE_KEY, lang.tag());
    }
}

/// The URL fragment (`#...`), where share links carry their scenario.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Scrolls the window to the top (after switching pages).
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Removes a share link (`#s=...`) from the address bar without reloading or adding history.
pub fn clear_share_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    if !location
        .hash()
        .unwrap_or_default()
        .starts_with(proclab_app::share::PREFIX)
    {
        return;
    }
    let url = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
