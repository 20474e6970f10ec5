//! Downloads: hands text or a data URL to the browser as a file.

use wasm_bindgen::JsCast;

/// Offers `contents` as a file download named `name`.
pub fn download_text(name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers the resource at `url` (an object or data URL) as a download named `name`.
pub fn download_url(name: &str, url: &str) {
    let document = gloo::utils::document();
    let Ok(element) = document.create_element("a") else {
        return;
    };
    let anchor: web_sys::HtmlAnchorElement = element.unchecked_into();
    anchor.set_href(url);
    anchor.set_download(name);
    let _ = gloo::utils::body().append_child(&anchor);
    anchor.click();
    anchor.remove();
}
