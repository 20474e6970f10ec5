//! Component tests of the app in headless Chromium (wasm-bindgen-test).

use proclab_app::i18n::{Lang, Text, Words};
use proclab_web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn language_switch_changes_every_visible_string() {
    let root = mount();
    yew::scheduler::flush().await;

    root.query_selector("#lang-ko")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(
        text_of(&root, "#empty-title"),
        Text::EmptyTitle.get(Lang::Ko)
    );
    assert_eq!(
        gloo::utils::document_element()
            .get_attribute("lang")
            .as_deref(),
        Some("ko")
    );

    root.query_selector("#lang-en")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(
        text_of(&root, "#empty-title"),
        Text::EmptyTitle.get(Lang::En)
    );
    assert_eq!(
        root.query_selector("#lang-en")
            .unwrap()
            .unwrap()
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
fn browser_tags_map_to_languages() {
    assert_eq!(Lang::from_tag("ko-KR"), Lang::Ko);
    assert_eq!(Lang::from_tag("KO"), Lang::Ko);
    assert_eq!(Lang::from_tag("en-US"), Lang::En);
    assert_eq!(Lang::from_tag(""), Lang::En);
}

#[wasm_bindgen_test]
fn the_log_shows_each_instant_whole_its_cause_with_its_effect() {
    use proclab_web::watch::event_log::log_lines;
    let spec = proclab_core::presets::preset("message-queue-client-server")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let lines_at = |shown: u64, instant: u64| {
        log_lines(&run, &run.state_at(shown), shown, Lang::En)
            .iter()
            .filter(|line| line.tick == instant)
            .count()
    };
    let mut cut = 0;
    for tick in 0..=run.end_tick() {
        let lines = log_lines(&run, &run.state_at(tick), tick, Lang::En);
        let Some(oldest) = lines.first().map(|line| line.tick) else {
            continue;
        };
        if oldest > 0 {
            cut += 1;
        }
        // Shown at its own tick, an instant's lines are all there (the log ends with them).
        assert_eq!(
            lines_at(tick, oldest),
            lines_at(oldest, oldest),
            "t={tick}: the oldest instant shown, t={oldest}, is not whole"
        );
    }
    assert!(
        cut > 0,
        "the run is long enough for the log to leave events out"
    );
}

#[wasm_bindgen_test]
fn a_past_wait_for_a_mutex_reads_the_same_whatever_tick_is_shown() {
    use proclab_web::watch::event_log::log_lines;
    let spec = proclab_core::presets::preset("mutex-blocking")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let wait = *run
        .events()
        .iter()
        .find(|event| matches!(event.cause, proclab_core::Cause::Waits { .. }))
        .expect("a thread waits for the mutex");
    let said_at = |tick: u64| -> String {
        log_lines(&run, &run.state_at(tick), tick, Lang::En)
            .into_iter()
            .find(|line| line.tick == wait.tick && line.text.contains("waits for mutex"))
            .map(|line| line.text)
            .unwrap_or_default()
    };
    let then = said_at(wait.tick);
    assert!(then.contains(", held by "), "{then}");
    // Later, once the holder has let go, the same line still names the holder of that instant.
    let mut after_release = 0;
    for later in wait.tick + 1..=run.end_tick() {
        let line = said_at(later);
        if line.is_empty() {
            break; // out of the log's window
        }
        assert_eq!(line, then, "at t={later}");
        let still_waits = run
            .state_at(later)
            .thread(wait.thread)
            .and_then(|tcb| tcb.program.as_ref())
            .is_some_and(|context| context.waiting_for.is_some());
        if !still_waits {
            after_release += 1;
        }
    }
    assert!(
        after_release > 0,
        "the log still shows the wait once it is over"
    );
}
