//! The page's components, one concept per file.

pub mod bursts;
pub mod clamped;
pub mod field;
pub mod program_editor;
pub mod programs;
pub mod results;
pub mod results_panel;
pub mod settings;
pub mod toolbar;
pub mod warmup;
pub mod warmup_machine;
pub mod warmup_tables;
pub mod windowed;
pub mod workload;

use yew::prelude::*;

/// Whether a `<details>` is open, as the student last left it, and the `ontoggle` that keeps it
/// so: the page's state rather than the element's, so a re-render that sets `open` (a problem
/// that unfolds it, a table built only while it is open) never fights the student's click.
#[hook]
pub fn use_details_open() -> (UseStateHandle<bool>, Callback<Event>) {
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            open.set(
                event
                    .target_unchecked_into::<web_sys::HtmlDetailsElement>()
                    .open(),
            )
        })
    };
    (open, ontoggle)
}

/// A sentence whose code is written between backticks (`` `j .top` ``), with the code set as
/// code and the backticks dropped.
pub fn with_code(text: &str) -> Html {
    html! {
        { for text.split('`').enumerate().map(|(index, part)| {
            if index % 2 == 1 { html! { <code>{ part }</code> } } else { html! { { part } } }
        }) }
    }
}
