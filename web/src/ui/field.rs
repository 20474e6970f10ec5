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
    /// The hint shown under the input as well as on hover (a format nobody would guess).
    #[prop_or_default]
    pub hint_shown: bool,
}

/// The problems reported for one field, and the id of the element that lists them.
pub struct FieldProblems<'a> {
    pub messages: Vec<&'a FieldMessage>,
    pub error_id: String,
}

impl<'a> FieldProblems<'a> {
    pub fn of(field: FieldId, messages: &'a [FieldMessage]) -> FieldProblems<'a> {
        FieldProblems {
            messages: messages
                .iter()
                .filter(|message| message.field == field)
                .collect(),
            error_id: format!("{}-error", field.dom_id()),
        }
    }

    pub fn invalid(&self) -> bool {
        !self.messages.is_empty()
    }

    /// `aria-describedby` for the input: the list, when there is one.
    pub fn described_by(&self) -> Option<String> {
        self.invalid().then(|| self.error_id.clone())
    }

    /// The list under the input, announced as it appears.
    pub fn list(&self) -> Html {
        self.list_titled(None)
    }

    /// The list, each message led by `title` (which field, when the list is not next to it).
    pub fn list_titled(&self, title: Option<&str>) -> Html {
        if !self.invalid() {
            return Html::default();
        }
        html! {
            <div class="field-error" id={self.error_id.clone()} role="alert">
                { for self.messages.iter().map(|message| html! {
                    <p>
                        if let Some(title) = title { <strong>{ format!("{title}: ") }</strong> }
                        { &message.text }
                    </p>
                }) }
            </div>
        }
    }
}

/// A text input with its label, an optional hint, and every problem found in it.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let id = props.field.dom_id();
    let problems = FieldProblems::of(props.field, &props.messages);
    let invalid = problems.invalid();
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
                onmousedown={Callback::from(crate::browser::note_press)} onmouseup={Callback::from(crate::browser::select_after_click)}
                inputmode={ if props.numeric { "numeric" } else { "text" } }
                aria-invalid={ invalid.to_string() }
                aria-describedby={ problems.described_by() }
                title={ props.hint.clone() } />
            if props.hint_shown {
                if let Some(hint) = props.hint.clone() {
                    <p class="hint field-hint">{ hint }</p>
                }
            }
            { problems.list() }
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
    // The hint is the box's description, read with its name.
    let hint_id = props.hint.as_ref().map(|_| format!("{}-hint", props.id));
    html! {
        <div class="check">
            <input type="checkbox" id={props.id.clone()} checked={props.checked} {onchange} aria-describedby={hint_id.clone()} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint { <p class="hint" id={hint_id}>{ hint.clone() }</p> }
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
