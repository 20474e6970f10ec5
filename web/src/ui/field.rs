//! Labelled form controls that show their own problem inline.

use proclab_app::draft::FieldId;
use proclab_app::messages::FieldMessage;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub field: FieldId,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub messages: Vec<FieldMessage>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub wide: bool,
    #[prop_or(true)]
    pub numeric: bool,
}

/// A text input with its label, an optional hint, and every problem found in it.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let id = props.field.dom_id();
    let error_id = format!("{id}-error");
    let problems: Vec<&FieldMessage> = props
        .messages
        .iter()
        .filter(|message| message.field == props.field)
        .collect();
    let invalid = !problems.is_empty();
    let oninput = {
        let callback = props.oninput.clone();
        Callback::from(move |event: InputEvent| {
            callback.emit(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let class = classes!(
        "field",
        props.wide.then_some("wide"),
        invalid.then_some("invalid")
    );
    html! {
        <div {class}>
            <label for={id.clone()}>{ props.label.clone() }</label>
            <input id={id.clone()} type="text" value={props.value.clone()} {oninput}
                inputmode={ if props.numeric { "numeric" } else { "text" } }
                aria-invalid={ invalid.to_string() }
                aria-describedby={ invalid.then(|| error_id.clone()) }
                title={ props.hint.clone() } />
            if invalid {
                <div class="field-error" id={error_id} role="alert">
                    { for problems.iter().map(|message| html! { <p>{ &message.text }</p> }) }
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub onchange: Callback<bool>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A checkbox with its label.
#[function_component(Check)]
pub fn check(props: &CheckProps) -> Html {
    let onchange = {
        let callback = props.onchange.clone();
        Callback::from(move |event: Event| {
            callback.emit(event.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    html! {
        <div class="check">
            <input type="checkbox" id={props.id.clone()} checked={props.checked} {onchange} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint { <p class="hint">{ hint.clone() }</p> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, text) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub selected: AttrValue,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// Keeps a `<select>`'s current value equal to `value` after every render. The `selected`
/// attribute alone is ignored by browsers once the user has used the select.
#[hook]
pub fn use_select_value(node: NodeRef, value: String) {
    use_effect(move || {
        if let Some(select) = node.cast::<web_sys::HtmlSelectElement>() {
            if select.value() != value {
                select.set_value(&value);
            }
        }
    });
}

/// A select with its label and a plain-language explanation.
#[function_component(Choice)]
pub fn choice(props: &ChoiceProps) -> Html {
    let node = use_node_ref();
    use_select_value(node.clone(), props.selected.to_string());
    let onchange = {
        let callback = props.onchange.clone();
        Callback::from(move |event: Event| {
            callback.emit(
                event
                    .target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            )
        })
    };
    html! {
        <div class="field choice">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} ref={node} {onchange}>
                { for props.options.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={*value == props.selected}>{ text.clone() }</option>
                }) }
            </select>
            if let Some(hint) = &props.hint { <p class="hint">{ hint.clone() }</p> }
        </div>
    }
}
