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
