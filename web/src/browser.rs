//! The app's few contacts with the browser: the preferred language and where the choice is
//! remembered, and the address bar (routes live in the fragment, `#/learn/states`, so the page
//! works from any folder of any static server without rewrite rules).
//!
//! Every call here tolerates a missing `window`, storage that throws (private mode), or an empty
//! language list: the app then falls back to English and simply does not remember.

use proclab_app::i18n::Lang;

const LANGUAGE_KEY: &str = "proclab.lang";

/// The language to start in: the one a link pins (not to be remembered: [`pin_language`]), else
/// the remembered choice, else the browser's preference.
pub fn initial_language() -> Lang {
    if let Some(lang) = link_language() {
        pin_language(lang);
        return lang;
    }
    remembered_language().unwrap_or_else(browser_language)
}

/// The language a link pins (`&lang=ko` in a practice set's link, put there only when its
/// teacher chose "opens in Korean" over "each student's language": it opens in Korean even
/// where the student chose English before, at page load, after a reload, and when the link is
/// opened in a tab already on the page). Not remembered as the student's own choice: see
/// [`pin_language`].
pub fn link_language() -> Option<Lang> {
    match query_param("lang")?.as_str() {
        "ko" => Some(Lang::Ko),
        "en" => Some(Lang::En),
        _ => None,
    }
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

/// Notes that the page is about to take `lang` because a link pins it, so that
/// [`apply_language`] does not remember it as the student's choice.
pub fn pin_language(lang: Lang) {
    PINNED.with(|pinned| pinned.set(Some(lang)));
}

/// The language the page shows now (`<html lang>`, which [`apply_language`] keeps).
fn shown_language() -> Option<Lang> {
    let tag = web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")?;
    Some(Lang::from_tag(&tag))
}

/// A link opened in this tab that pins another language than the one shown: the page takes it
/// ([`pin_language`]) and returns it.
pub fn language_to_follow() -> Option<Lang> {
    let lang = link_language().filter(|lang| Some(*lang) != shown_language())?;
    pin_language(lang);
    Some(lang)
}

/// Sets `<html lang>` (so screen readers and fonts follow) and remembers the choice, unless a
/// link pinned it ([`pin_language`]). A language chosen on the page also takes the link's pin
/// off the address, so a reload keeps the choice.
pub fn apply_language(lang: Lang) {
    let pinned = PINNED.with(|pinned| pinned.take()) == Some(lang);
    if !pinned && link_language().is_some_and(|linked| linked != lang) {
        drop_query_param("lang");
    }
    apply_language_as(lang, !pinned);
}

fn apply_language_as(lang: Lang, remember: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window
        .document()
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
    if !remember {
        return;
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

/// Loads the page again (the saved workspace, when no share link is in the address bar).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The attribute [`note_press`] puts on an input its press is focusing.
const JUST_FOCUSED: &str = "data-just-focused";

/// The text input a press or click landed on, if it landed on one.
fn pressed_input(event: &web_sys::MouseEvent) -> Option<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()
}

/// Marks an input that a press is about to focus, for [`select_after_click`] (a press into the
/// input already focused, to place the caret, is left alone; focus by the keyboard selects the
/// whole value already).
pub fn note_press(event: web_sys::MouseEvent) {
    let Some(input) = pressed_input(&event) else {
        return;
    };
    let focused = gloo::utils::document().active_element();
    if focused.is_some_and(|element| element == **input) {
        // A drag that ended outside left its mark: this press is not the focusing one.
        let _ = input.remove_attribute(JUST_FOCUSED);
    } else {
        let _ = input.set_attribute(JUST_FOCUSED, "");
    }
}

/// Selects the whole text of an input the click (or tap) has just focused, when the click left
/// only a caret: a click into a filled cell then replaces its value, as Tab into it does, instead
/// of typing "10" after a "5" into "510". A drag over part of the text keeps that part; a second
/// click places the caret as usual.
pub fn select_after_click(event: web_sys::MouseEvent) {
    let Some(input) = pressed_input(&event) else {
        return;
    };
    if !input.has_attribute(JUST_FOCUSED) {
        return;
    }
    let _ = input.remove_attribute(JUST_FOCUSED);
    let caret = matches!(
        (input.selection_start(), input.selection_end()),
        (Ok(start), Ok(end)) if start == end
    );
    if caret {
        input.select();
    }
}

/// Focuses the element `id` once the render under way is done (it may not exist yet), and
/// selects its text if it is an input.
pub fn focus_later(id: String) {
    use wasm_bindgen::JsCast;
    gloo::timers::callback::Timeout::new(0, move || {
        let Some(element) = gloo::utils::document().get_element_by_id(&id) else {
            return;
        };
        if let Ok(input) = element.clone().dyn_into::<web_sys::HtmlInputElement>() {
            let _ = input.focus();
            input.select();
        } else if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    })
    .forget();
}

/// Once the render under way is done, scrolls so that the element `id` starts in the upper part
/// of the window if it would start below its middle (an answer's feedback, under the fold on a
/// phone); an element already well in view stays where it is.
pub fn bring_into_view(id: String) {
    gloo::timers::callback::Timeout::new(0, move || {
        let (Some(window), Some(element)) = (
            web_sys::window(),
            gloo::utils::document().get_element_by_id(&id),
        ) else {
            return;
        };
        let height = window
            .inner_height()
            .ok()
            .and_then(|height| height.as_f64())
            .unwrap_or(0.0);
        let top = element.get_bounding_client_rect().top();
        if top > height / 2.0 {
            window.scroll_by_with_x_and_y(0.0, top - height / 4.0);
        }
    })
    .forget();
}

/// Scrolls the box `id`, and nothing around it, so that the line a CPU runs (`li.running`, else
/// the first `li.current`) is in view.
pub fn reveal_current_line(id: &str) {
    let Some(container) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    // The line a CPU runs first (another thread's next line may be far from it), else any
    // thread's.
    let line = container
        .query_selector("li.running")
        .ok()
        .flatten()
        .or_else(|| container.query_selector("li.current").ok().flatten());
    let Some(line) = line else {
        return;
    };
    let (outer, inner) = (
        container.get_bounding_client_rect(),
        line.get_bounding_client_rect(),
    );
    let margin = inner.height();
    let above = inner.top() - outer.top() - margin;
    let below = inner.bottom() - outer.bottom() + margin;
    if above < 0.0 {
        container.set_scroll_top(container.scroll_top() + above.floor() as i32);
    } else if below > 0.0 {
        container.set_scroll_top(container.scroll_top() + below.ceil() as i32);
    }
}

/// Scrolls the element `id` to the top of the window and focuses it once the render under way
/// is done (a skip link's target).
pub fn go_to(id: &str) {
    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
        element.scroll_into_view();
    }
    focus_later(id.to_string());
}

pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Removes a share link (`#/?s=...`) that opened the page or was copied from the address bar,
/// without reloading or adding history: the workspace has moved on from it, and a reload must
/// show the saved work. The workload's own link ([`follow_workload`]) may stay.
pub fn clear_share_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window
        .location()
        .hash()
        .unwrap_or_default()
        .starts_with(proclab_app::share::PREFIX)
        && !address_is_own()
    {
        replace_address(&window, None, "#/");
    }
}

/// The `history.state` of an address [`follow_workload`] wrote.
const OWN_ADDRESS: &str = "proclab:workload";

/// Whether this tab's address was written by [`follow_workload`]: the link of a workload already
/// saved. A reload, Back or Forward in this tab then keeps the saved workspace (as new as the
/// link, or newer, with every field as typed), while a copy of the address (a phone's Share
/// button, the address bar copied into another browser) carries no such state and opens the link.
pub fn address_is_own() -> bool {
    web_sys::window()
        .and_then(|window| window.history().ok())
        .and_then(|history| history.state().ok())
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == OWN_ADDRESS)
}

/// The fragment the page opens with: an address this tab wrote itself ([`address_is_own`]) opens
/// as no link at all.
pub fn opening_fragment() -> String {
    match address_is_own() {
        true => String::new(),
        false => fragment(),
    }
}

/// Puts the share link of the work on screen (`None`: the bare simulator, `#/`) in the address
/// bar, in place, so that the address is always one to share; marked as this tab's own when the
/// work is the `saved` workspace. Only on the simulator's own address. Work that is a link opened
/// and not yet edited (not `saved`) keeps the link it came by, as it came (its instant, its tab).
pub fn follow_workload(link: Option<&str>, saved: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let own = address_is_own();
    let is_link = hash.starts_with(proclab_app::share::PREFIX);
    let simulator = hash.is_empty() || hash == "#/" || is_link;
    let target = link.unwrap_or("#/");
    if !simulator || (!saved && is_link && !own) || (hash == target && own == saved) {
        return;
    }
    let state = match saved {
        true => wasm_bindgen::JsValue::from_str(OWN_ADDRESS),
        false => wasm_bindgen::JsValue::NULL,
    };
    write_address(&window, None, target, false, &state);
}

/// Before the page starts: moves an address made by an earlier version (a share link as `#s=...`
/// or `?s=...`) to today's form, and keeps every later fragment a route. The router reads the
/// fragment as a path and stops on one that is not (`#top` typed into the address bar), so a
/// listener registered before the router's turns such a fragment into the simulator's route
/// (`#/`) first. Old path routes (`/learn/states`) are moved by the script in `index.html`,
/// since under them the app's own files would not load.
pub fn upgrade_address() {
    let Some(window) = web_sys::window() else {
        return;
    };
    keep_fragment_a_route(&window);
    gloo::events::EventListener::new(&window, "popstate", |_| {
        if let Some(window) = web_sys::window() {
            keep_fragment_a_route(&window);
        }
    })
    .forget();
}

fn keep_fragment_a_route(window: &web_sys::Window) {
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if let Some((search, hash)) = proclab_app::share::upgrade(&search, &hash) {
        replace_address(window, Some(&search), &hash);
    } else if !hash.is_empty() && !hash.starts_with("#/") {
        replace_address(window, None, "#/");
    }
}

/// Replaces the address's query (when given) and fragment, without reloading or adding history.
fn replace_address(window: &web_sys::Window, search: Option<&str>, hash: &str) {
    write_address(window, search, hash, false, &wasm_bindgen::JsValue::NULL);
}

/// Writes the address's query (when given) and fragment without reloading: in place, or with
/// `push` as a new entry in the tab's history; `state` is the entry's `history.state`.
fn write_address(
    window: &web_sys::Window,
    search: Option<&str>,
    hash: &str,
    push: bool,
    state: &wasm_bindgen::JsValue,
) {
    let location = window.location();
    let search = search
        .map(str::to_string)
        .unwrap_or_else(|| location.search().unwrap_or_default());
    let url = format!("{}{search}{hash}", location.pathname().unwrap_or_default());
    if let Ok(history) = window.history() {
        let url = Some(url.as_str());
        let _ = match push {
            true => history.push_state_with_url(state, "", url),
            false => history.replace_state_with_url(state, "", url),
        };
    }
}

/// Calls `changed` with the new fragment whenever the address's fragment changes in this tab
/// (typed, pasted, or history), not when the page rewrites it itself (`replaceState`). Stops
/// when the returned listener is dropped.
pub fn on_fragment_change(
    changed: impl Fn(String) + 'static,
) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "hashchange",
        move |_| changed(fragment()),
    ))
}

/// The value of `name` in the query of the fragment's route (`#/practice?set=...`), if present.
pub fn query_param(name: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let (_, query) = hash.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .map(str::to_string)
}

/// Puts `?name=value` on the fragment's route (same route, no reload, no new history entry).
pub fn set_query_param(name: &str, value: &str) {
    write_query_param(name, value, false);
}

/// [`set_query_param`] as a new entry in the tab's history, so that Back returns to the address
/// before (a student's new practice set, Back returning to the teacher's).
pub fn push_query_param(name: &str, value: &str) {
    write_query_param(name, value, true);
}

fn write_query_param(name: &str, value: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let route = hash
        .split_once('?')
        .map_or(hash.as_str(), |(route, _)| route);
    // A language the link pinned stays with it while the page shows it: a reload opens the
    // teacher's set in the teacher's language still.
    let pinned = link_language()
        .filter(|lang| {
            let pinning = PINNED.with(|pinned| pinned.get()) == Some(*lang);
            name != "lang" && (pinning || Some(*lang) == shown_language())
        })
        .map_or(String::new(), |lang| format!("&lang={}", lang.tag()));
    write_address(
        &window,
        None,
        &format!("{route}?{name}={value}{pinned}"),
        push,
        &wasm_bindgen::JsValue::NULL,
    );
}

/// Takes `name` off the fragment's query, the rest as it was (no new history entry).
fn drop_query_param(name: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let Some((route, query)) = hash.split_once('?') else {
        return;
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| pair.split('=').next() != Some(name))
        .collect();
    let address = if kept.is_empty() {
        route.to_string()
    } else {
        format!("{route}?{}", kept.join("&"))
    };
    write_address(&window, None, &address, false, &wasm_bindgen::JsValue::NULL);
}

/// The page's address without query or fragment (`https://host/dir/index.html`), for links.
pub fn page_address() -> String {
    web_sys::window()
        .map(|window| {
            let location = window.location();
            format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            )
        })
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

/// Brings the first of the fields with `ids` (in the page's order) into view and gives it the
/// keyboard focus; when none of them is on the page (a thread's field while the threads are
/// folded), the first list of their problems (`{id}-error`) stands for them. Every folded section
/// around it opens first. False when neither is on the page.
pub fn reveal_first(ids: &[String]) -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    // Every id is a field's (`FieldId::dom_id`): letters, digits and hyphens, led by a letter.
    // The fields on the page first, in its order; the lists of problems only when none is.
    let selector = |suffix: &str| {
        ids.iter()
            .map(|id| format!("#{id}{suffix}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let first = |suffix: &str| document.query_selector(&selector(suffix)).ok().flatten();
    let Some(element) = first("").or_else(|| first("-error")) else {
        return false;
    };
    let mut folded = element.closest("details").ok().flatten();
    while let Some(details) = folded {
        if let Some(details) = details.dyn_ref::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
        folded = details
            .parent_element()
            .and_then(|parent| parent.closest("details").ok().flatten());
    }
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        // A list of problems takes the focus only when told it may (focusing scrolls it in).
        if !matches!(
            element.tag_name().as_str(),
            "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON"
        ) {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
        // A program's problem: the caret to the start of its first bad line, and that line in view.
        if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            caret_to_bad_line(area);
        }
    }
    true
}

/// Puts the caret of a program editor at the start of the line its gutter marks bad first
/// (`data-bad-line`), and scrolls that line's number into the middle of the window.
fn caret_to_bad_line(area: &web_sys::HtmlTextAreaElement) {
    let Some(line) = area
        .get_attribute("data-bad-line")
        .and_then(|line| line.parse::<usize>().ok())
    else {
        return;
    };
    // The selection counts UTF-16 units, as the textarea's value does.
    let value = area.value();
    let offset: usize = value
        .split('\n')
        .take(line.saturating_sub(1))
        .map(|text| text.encode_utf16().count() + 1)
        .sum();
    let offset = u32::try_from(offset).unwrap_or(u32::MAX);
    let _ = area.set_selection_range(offset, offset);
    let mark = area
        .parent_element()
        .and_then(|code_box| code_box.query_selector(".gutter-line.bad").ok().flatten());
    if let Some(mark) = mark {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        mark.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// When the keyboard focus was lost (its element was removed or disabled, and the focus fell back
/// to the page), moves it to the first element matching `selector` that can take it.
pub fn refocus_if_lost(selector: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let lost = document.active_element().is_none_or(|active| {
        Some(&active) == document.body().as_ref().map(|body| body.as_ref())
            || active.has_attribute("disabled")
    });
    if !lost {
        return;
    }
    let Ok(candidates) = document.query_selector_all(selector) else {
        return;
    };
    for index in 0..candidates.length() {
        let Some(element) = candidates
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if !element.has_attribute("disabled") {
            let _ = element.focus();
            return;
        }
    }
}

/// A wait for an element's first layout (see [`after_layout`]); dropping it stops waiting.
pub struct LayoutWait {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for LayoutWait {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `laid_out` with `element` once the browser has laid it out, from a `ResizeObserver`,
/// whose callback comes after the frame's own layout: reading the element's size there forces
/// no layout, where reading it in an effect right after a render would lay out the whole page
/// in the middle of the render's task. Nothing is called while the element is hidden.
pub fn after_layout(
    element: &web_sys::Element,
    laid_out: impl FnOnce(&web_sys::Element) + 'static,
) -> Option<LayoutWait> {
    use wasm_bindgen::JsCast;
    let target = element.clone();
    let mut once = Some(laid_out);
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        if let Some(laid_out) = once.take() {
            laid_out(&target);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(LayoutWait {
        observer,
        _callback: callback,
    })
}

/// A wait for [`after_next_paint`]; dropping it cancels the call not yet made.
pub struct PaintWait {
    _frame: gloo::render::AnimationFrame,
    cancelled: std::rc::Rc<std::cell::Cell<bool>>,
}

impl Drop for PaintWait {
    fn drop(&mut self) {
        self.cancelled.set(true);
    }
}

/// Calls `then` in a task of its own after the next frame is painted (a task queued from an
/// animation frame runs after that frame): what a render put on the page is on screen before
/// `then`'s work begins.
pub fn after_next_paint(then: impl FnOnce() + 'static) -> PaintWait {
    let cancelled = std::rc::Rc::new(std::cell::Cell::new(false));
    let waiting = std::rc::Rc::clone(&cancelled);
    let frame = gloo::render::request_animation_frame(move |_| {
        gloo::timers::callback::Timeout::new(0, move || {
            if !waiting.get() {
                then();
            }
        })
        .forget();
    });
    PaintWait {
        _frame: frame,
        cancelled,
    }
}

thread_local! {
    /// A language a link pinned, until the page has taken it ([`pin_language`]).
    static PINNED: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
    /// Each address's last scroll position, newest last (a short list: one entry an address).
    static SCROLLS: std::cell::RefCell<Vec<(String, f64)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The address Back or Forward has just gone to, and the position it was left at.
    static POPPED: std::cell::RefCell<Option<(String, f64)>> = const { std::cell::RefCell::new(None) };
}

/// The most addresses whose scroll positions are kept.
const SCROLLS_KEPT: usize = 64;

fn href() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

/// Remembers where each address was scrolled to, and, on Back or Forward, where the address gone
/// to was left, for [`back_forward_position`]. Read at the moment of the move, before the page
/// changes (a shorter page would clamp the position first).
pub fn remember_scrolls() -> Option<[gloo::events::EventListener; 2]> {
    let window = web_sys::window()?;
    let scrolled = gloo::events::EventListener::new(&window, "scroll", |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let (address, y) = (href(), window.scroll_y().unwrap_or(0.0));
        SCROLLS.with(|scrolls| {
            let mut scrolls = scrolls.borrow_mut();
            scrolls.retain(|(kept, _)| *kept != address);
            if scrolls.len() >= SCROLLS_KEPT {
                scrolls.remove(0);
            }
            scrolls.push((address, y));
        });
    });
    let popped = gloo::events::EventListener::new(&window, "popstate", |_| {
        let address = href();
        let y = SCROLLS.with(|scrolls| {
            scrolls
                .borrow()
                .iter()
                .find(|(kept, _)| *kept == address)
                .map_or(0.0, |(_, y)| *y)
        });
        POPPED.with(|popped| *popped.borrow_mut() = Some((address, y)));
    });
    Some([scrolled, popped])
}

/// Where the page now shown was left, if Back or Forward brought it back.
pub fn back_forward_position() -> Option<f64> {
    let (address, y) = POPPED.with(|popped| popped.borrow_mut().take())?;
    (address == href()).then_some(y)
}

/// Scrolls the window to `y` once the render under way is done.
pub fn scroll_to_later(y: f64) {
    gloo::timers::callback::Timeout::new(0, move || {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, y);
        }
    })
    .forget();
}
