//! The per-burst editor: the same bursts as the notation field, one number input per burst,
//! labelled CPU or I/O, with buttons to add or remove a CPU + I/O pair. It edits the notation
//! text, so the two views never disagree.

use proclab_app::draft::{format_bursts, parse_bursts};
use proclab_app::i18n::{Lang, Text};
use proclab_app::lang::Words;
use proclab_core::spec::BurstSpec;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BurstEditorProps {
    /// DOM id prefix (the notation field's id).
    pub id: AttrValue,
    pub lang: Lang,
    /// The notation text.
    pub value: AttrValue,
    pub onchange: Callback<String>,
}

#[function_component(BurstEditor)]
pub fn burst_editor(props: &BurstEditorProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let toggle_button = html! {
        <button type="button" class="small" id={format!("{}-toggle", props.id)} aria-expanded={open.to_string()} onclick={toggle}>
            { Text::EditBursts.get(lang) }
        </button>
    };
    if !*open {
        return toggle_button;
    }
    let Ok(bursts) = parse_bursts(&props.value) else {
        return html! { <>{ toggle_button }<p class="hint">{ Text::FixNotationFirst.get(lang) }</p></> };
    };
    let write = |bursts: Vec<BurstSpec>| {
        let onchange = props.onchange.clone();
        move || onchange.emit(format_bursts(&bursts))
    };
    let add_pair = {
        let mut longer = bursts.clone();
        longer.push(BurstSpec::Io(1));
        longer.push(BurstSpec::Cpu(1));
        let write = write(longer);
        Callback::from(move |_: MouseEvent| write())
    };
    let remove_pair = {
        let mut shorter = bursts.clone();
        shorter.truncate(bursts.len().saturating_sub(2).max(1));
        let write = write(shorter);
        Callback::from(move |_: MouseEvent| write())
    };
    html! {
        <>
            { toggle_button }
            <div class="burst-editor" role="group" aria-label={Text::Bursts.get(lang)}>
                { for bursts.iter().enumerate().map(|(index, burst)| {
                    let (is_io, length) = match burst {
                        BurstSpec::Cpu(length) => (false, *length),
                        BurstSpec::Io(length) => (true, *length),
                        operation => {
                            // An operation between bursts: shown as written, edited in the text.
                            let (word, name) = operation.operation().unwrap_or(("", ""));
                            return html! { <span class="burst op">{ format!("{word} {name}") }</span> };
                        }
                    };
                    let input_id = format!("{}-{index}", props.id);
                    let oninput = {
                        let bursts = bursts.clone();
                        let onchange = props.onchange.clone();
                        Callback::from(move |event: InputEvent| {
                            let text = event.target_unchecked_into::<HtmlInputElement>().value();
                            if let Some(length) = proclab_app::lang::whole_number(&text) {
                                let mut changed = bursts.clone();
                                changed[index] = if is_io { BurstSpec::Io(length) } else { BurstSpec::Cpu(length) };
                                onchange.emit(format_bursts(&changed));
                            }
                        })
                    };
                    html! {
                        <span class={classes!("burst", is_io.then_some("io"))}>
                            <label for={input_id.clone()}>{ if is_io { "I/O" } else { "CPU" } }</label>
                            <input id={input_id} type="number" min="0" value={length.to_string()} {oninput} />
                        </span>
                    }
                }) }
                <button type="button" class="small" onclick={add_pair}>{ Text::AddBurstPair.get(lang) }</button>
                <button type="button" class="small" onclick={remove_pair} disabled={bursts.len() < 3}>{ Text::RemoveBurstPair.get(lang) }</button>
            </div>
        </>
    }
}

/// Bursts that hold operations, as the machine will run them, one item after another and wrapped
/// (the notation field is one line): "Runs as: CPU 2 → lock m → CPU 3 → unlock m → I/O 2 → CPU 2".
/// Nothing for bursts without an operation, or that cannot be read (the field says why).
pub fn operations_line(id: &str, text: &str, lang: Lang) -> Html {
    let Ok(bursts) = parse_bursts(text) else {
        return Html::default();
    };
    if bursts.iter().all(|burst| burst.operation().is_none()) {
        return Html::default();
    }
    let items = bursts.iter().enumerate().map(|(index, burst)| {
        let (class, words) = match burst {
            BurstSpec::Cpu(length) => ("cpu", format!("CPU {length}")),
            BurstSpec::Io(length) => ("io", format!("I/O {length}")),
            operation => {
                let (word, name) = operation.operation().unwrap_or(("", ""));
                ("op", format!("{word} {name}"))
            }
        };
        html! {
            <>
                if index > 0 { <span class="arrow" aria-hidden="true">{ "→" }</span> }
                <span class={classes!("item", class)}>{ words }</span>
            </>
        }
    });
    html! {
        <p class="bursts-read" id={format!("{id}-read")}>
            <span class="label">{ format!("{}:", Text::BurstsReadAs.get(lang)) }</span>
            { for items }
        </p>
    }
}
