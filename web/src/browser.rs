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

/// The value of `name` in the address bar's query (`?set=...`), if present.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .map(str::to_string)
}

/// Puts `?name=value` in the address bar (same path, no reload, no new history entry).
pub fn set_query_param(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = format!("{}?{name}={value}", location.pathname().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page's origin (`http://host:port`), for links.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default()
}

/// Moves the keyboard focus to the element with `id`, if there is one.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
