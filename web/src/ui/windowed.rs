//! A long table built in proportion to what is visible: only the rows in its scrolled box, with
//! spacers for the rest ([`proclab_app::rows::row_window`]). Shared by the metrics table and the
//! warm-up model's job table.

use proclab_app::rows::{row_window, RowWindow, WINDOW_FROM};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Height in CSS pixels of a windowed table's box (`.windowed` in style.css) and of its rows,
/// until a row has been measured.
const VIEW_HEIGHT: u64 = 480;
const ROW_HEIGHT: u64 = 29;

/// What a windowed table needs: its scrolling box (`scroller`, with `onscroll`), whether it is
/// windowed at all (more than [`WINDOW_FROM`] rows) and the rows to build.
pub struct Windowed {
    pub scroller: NodeRef,
    pub onscroll: Callback<Event>,
    pub windowed: bool,
    pub window: RowWindow,
}

/// The window of a table of `total` rows whose rows match `row_selector`; a change of `layout`
/// (columns shown or hidden) measures a row again.
#[hook]
pub fn use_windowed(total: usize, row_selector: &'static str, layout: bool) -> Windowed {
    let scroll_top = use_state_eq(|| 0u64);
    let row_height = use_state_eq(|| ROW_HEIGHT);
    let scroller = use_node_ref();
    let windowed = total > WINDOW_FROM;
    let onscroll = {
        let (scroll_top, scroller) = (scroll_top.clone(), scroller.clone());
        Callback::from(move |_: Event| {
            if let Some(element) = scroller.cast::<HtmlElement>() {
                scroll_top.set(element.scroll_top().max(0) as u64);
            }
        })
    };
    {
        // Rows grow with the text size: measure one once the browser has laid it out (reading
        // it here would force a layout in the middle of the task that builds the results).
        let (row_height, scroller) = (row_height.clone(), scroller.clone());
        use_effect_with((windowed, layout), move |(windowed, _)| {
            let row = scroller
                .cast::<HtmlElement>()
                .filter(|_| *windowed)
                .and_then(|element| element.query_selector(row_selector).ok().flatten());
            let wait = row.and_then(|row| {
                crate::browser::after_layout(&row, move |row| {
                    let measured = row
                        .dyn_ref::<HtmlElement>()
                        .map_or(0, |row| row.offset_height());
                    if measured > 0 {
                        row_height.set(measured as u64);
                    }
                })
            });
            move || drop(wait)
        });
    }
    Windowed {
        scroller,
        onscroll,
        windowed,
        window: row_window(total, *scroll_top, VIEW_HEIGHT, *row_height),
    }
}
