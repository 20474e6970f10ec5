//! Downloads: hands text or a data URL to the browser as a file.

use wasm_bindgen::JsCast;

/// Offers `contents` as a file download named `name`.
pub fn download_text(name: &str, mime: &str, contents: &str) {
    // A spreadsheet opens a CSV file as UTF-8 (Korean names and words intact) only when it starts
    // with the byte-order mark; Excel reads it in the system's legacy code page otherwise.
    let contents = if mime.starts_with("text/csv") {
        format!("\u{FEFF}{contents}")
    } else {
        contents.to_string()
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&contents));
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

/// Offers `svg` (`width` × `height` pixels) as a PNG download named `name`: the browser draws
/// it as an image onto a canvas at the device pixel ratio (at least 2), and the canvas gives the
/// PNG.
pub fn download_svg_as_png(name: &str, svg: &str, width: u32, height: u32) {
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = name.to_string();
    let loaded = image.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        // At least twice the chart's size, so a handout printed from it stays sharp even when
        // it was saved on a screen of one device pixel per CSS pixel.
        let scale = web_sys::window()
            .map(|window| window.device_pixel_ratio())
            .unwrap_or(1.0)
            .clamp(2.0, 3.0);
        let Ok(element) = gloo::utils::document().create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = element.unchecked_into();
        canvas.set_width((f64::from(width) * scale) as u32);
        canvas.set_height((f64::from(height) * scale) as u32);
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|context| context.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.scale(scale, scale);
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
            &loaded,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        );
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            download_url(&name, &url);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let encoded = js_sys::encode_uri_component(svg);
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}
