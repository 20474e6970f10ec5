//! The editor in a real browser: typing into the forms runs the core, bad input is marked where it
//! is in the user's language, the last valid result stays, and the workspace survives a remount.

use proclab_app::draft::{parse_bursts, Draft, InputError};
use proclab_app::i18n::{Lang, Text, Words};
use proclab_core::spec::BurstSpec;
use proclab_web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount_fresh(lang: Lang) -> Element {
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    storage.set_item("proclab.lang", lang.tag()).unwrap();
    mount().await
}

async fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn forms_build_a_workload_and_the_core_runs_it() {
    let root = mount_fresh(Lang::En).await;
    click(&root, "#add-process").await;
    click(&root, "#add-process").await;
    type_into(&root, "#p0-bursts", "24").await;
    type_into(&root, "#p1-bursts", "3").await;
    assert_eq!(text(&root, "#avg-waiting"), "12.00");
    assert_eq!(text(&root, "#avg-turnaround"), "25.50");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_field_is_marked_in_place_and_the_last_result_stays() {
    let root = mount_fresh(Lang::Ko).await;
    click(&root, "#add-process").await;
    type_into(&root, "#p0-bursts", "5 io3 2").await;
    let before = text(&root, "#avg-turnaround");
    assert_eq!(before, "10.00");

    type_into(&root, "#p0-arrival", "soon").await;
    let input = find(&root, "#p0-arrival");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        text(&root, "#p0-arrival-error").contains("정수"),
        "Korean message expected"
    );
    assert_eq!(
        input.unchecked_ref::<HtmlInputElement>().value(),
        "soon",
        "what was typed is kept"
    );
    assert_eq!(
        text(&root, "#avg-turnaround"),
        before,
        "last valid result still shown"
    );
    assert!(root.query_selector(".results.stale").unwrap().is_some());

    type_into(&root, "#p0-bursts", "5 io3").await;
    type_into(&root, "#p0-arrival", "0").await;
    assert!(
        text(&root, "#p0-bursts-error").contains("I/O"),
        "core rule: last burst must be CPU"
    );
    type_into(&root, "#p0-bursts", "5 io3 4").await;
    assert!(root.query_selector("#p0-bursts-error").unwrap().is_none());
    assert_eq!(text(&root, "#avg-turnaround"), "12.00");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_workspace_survives_a_remount() {
    let root = mount_fresh(Lang::En).await;
    click(&root, "#add-process").await;
    type_into(&root, "#p0-name", "Editor").await;
    type_into(&root, "#p0-arrival", "oops").await;
    root.remove();
    let again = mount().await;
    let name: HtmlInputElement = find(&again, "#p0-name").unchecked_into();
    let arrival: HtmlInputElement = find(&again, "#p0-arrival").unchecked_into();
    assert_eq!(name.value(), "Editor");
    assert_eq!(arrival.value(), "oops", "even invalid input is kept");
    again.remove();
}

#[wasm_bindgen_test]
async fn validation_messages_exist_in_both_languages() {
    for lang in [Lang::Ko, Lang::En] {
        let root = mount_fresh(lang).await;
        click(&root, "#add-process").await;
        type_into(&root, "#p0-bursts", "0").await;
        let message = text(&root, "#p0-bursts-error");
        assert!(!message.is_empty());
        assert_ne!(Text::FixToRun.get(Lang::Ko), Text::FixToRun.get(Lang::En));
        root.remove();
    }
}

#[wasm_bindgen_test]
fn burst_notation_reads_and_writes() {
    assert_eq!(
        parse_bursts("5 io3 2"),
        Ok(vec![BurstSpec::Cpu(5), BurstSpec::Io(3), BurstSpec::Cpu(2)])
    );
    assert_eq!(
        parse_bursts("5, i3, 2"),
        Ok(vec![BurstSpec::Cpu(5), BurstSpec::Io(3), BurstSpec::Cpu(2)])
    );
    assert_eq!(
        parse_bursts("5 x3"),
        Err(InputError::BadBurstToken {
            position: 1,
            meant: None
        })
    );
    assert_eq!(parse_bursts("  "), Err(InputError::Missing));
    let draft = Draft::from_spec(&proclab_core::presets::presets()[0].spec);
    assert_eq!(Draft::from_spec(&draft.to_spec().unwrap()), draft);
}

#[wasm_bindgen_test]
async fn the_per_burst_editor_writes_the_notation() {
    let root = mount_fresh(Lang::En).await;
    click(&root, "#add-process").await;
    type_into(&root, "#p0-bursts", "5 io3 2").await;
    // Per-burst editing is one of the advanced columns, one click away.
    assert!(root.query_selector("#p0-bursts-toggle").unwrap().is_none());
    click(&root, "#advanced-columns").await;
    click(&root, "#p0-bursts-toggle").await;
    type_into(&root, "#p0-bursts-1", "7").await;
    let notation: HtmlInputElement = find(&root, "#p0-bursts").unchecked_into();
    assert_eq!(notation.value(), "5 io7 2");
    assert_eq!(text(&root, "#avg-turnaround"), "14.00");
    let add = root
        .query_selector_all(".burst-editor button")
        .unwrap()
        .get(0)
        .unwrap();
    add.unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
    assert_eq!(notation.value(), "5 io7 2 io1 1");
    root.remove();
}

/// Threads the inspector's list offers (its first option is "—", no thread).
fn listed_threads(root: &Element) -> u32 {
    root.query_selector_all("#inspect-select option")
        .unwrap()
        .length()
        .saturating_sub(1)
}

#[wasm_bindgen_test]
async fn a_run_of_many_threads_shows_its_machine_after_its_results_and_the_old_one_stays_until_then(
) {
    let root = mount_fresh(Lang::En).await;
    for _ in 0..49 {
        click(&root, "#add-process").await;
    }
    // A run of 49 threads is shown whole in the task that builds it.
    assert_eq!(listed_threads(&root), 49);
    click(&root, "#add-process").await;
    assert_eq!(
        root.query_selector_all("#metrics-table tbody tr[data-pid]")
            .unwrap()
            .length(),
        50,
        "the results of 50 threads are on the page at once"
    );
    assert_eq!(
        listed_threads(&root),
        49,
        "the machine on screen stays, not a placeholder, until the new one is computed"
    );
    assert!(root.query_selector(".watch[aria-busy]").unwrap().is_none());
    // After the next frame its own machine replaces it.
    for _ in 0..50 {
        if listed_threads(&root) == 50 {
            break;
        }
        gloo::timers::future::TimeoutFuture::new(20).await;
        yew::scheduler::flush().await;
    }
    assert_eq!(listed_threads(&root), 50);
    root.remove();
}
