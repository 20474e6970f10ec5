//! The page's components, one concept per file.

pub mod bursts;
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

use yew::{html, Html};

/// A sentence whose code is written between backticks (`` `j .top` ``), with the code set as
/// code and the backticks dropped.
pub fn with_code(text: &str) -> Html {
    html! {
        { for text.split('`').enumerate().map(|(index, part)| {
            if index % 2 == 1 { html! { <code>{ part }</code> } } else { html! { { part } } }
        }) }
    }
}
