//! A process's program: a code editor with line numbers whose gutter marks the lines that do not
//! assemble (the problems themselves are listed by line in the process's problem row, which the
//! editor's `aria-describedby` names).
//! Every keystroke is kept in the draft, so nothing typed is lost while it has problems.

use proclab_app::draft::FieldId;
use proclab_app::lang::{Lang, Words};
use proclab_app::messages::FieldMessage;
use proclab_app::program_view::ProgramText;
use proclab_core::program::Program;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::ui::field::FieldProblems;

#[derive(Properties, PartialEq)]
pub struct ProgramEditorProps {
    pub process: usize,
    /// The process's name, for labels.
    pub name: AttrValue,
    pub value: AttrValue,
    pub messages: Vec<FieldMessage>,
    pub lang: Lang,
    pub oninput: Callback<String>,
}

#[function_component(ProgramEditor)]
pub fn program_editor(props: &ProgramEditorProps) -> Html {
    let lang = props.lang;
    let field = FieldId::Program(props.process);
    let id = field.dom_id();
    let problems = FieldProblems::of(field, &props.messages);
    // The lines that do not assemble, for the gutter (the words come from the core's problems).
    let bad_lines: Vec<u32> = match Program::parse(&props.value) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|error| error.line).collect(),
    };
    let line_count = props.value.lines().count().max(1);
    // As wide as its widest line (a wide character, a Korean comment's, counted twice): the box
    // around it scrolls, so its sideways scroll bar is in sight under the box, not under the
    // whole program's height.
    let columns = props
        .value
        .lines()
        .map(|line| {
            line.chars()
                .map(|c| if c >= '\u{1100}' { 2 } else { 1 })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0)
        + 2;
    let oninput = {
        let callback = props.oninput.clone();
        Callback::from(move |event: InputEvent| {
            callback.emit(event.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let label = format!("{} · {}", props.name, ProgramText::ProgramLabel.get(lang));
    html! {
        <div class="program-editor">
            <label for={id.clone()} class="program-label">{ label }</label>
            <p class="hint">{ ProgramText::ProgramHint.get(lang) }</p>
            <div class="code-box">
                <div class="gutter" aria-hidden="true">
                    { for (1..=line_count as u32).map(|line| {
                        let bad = bad_lines.contains(&line);
                        html! { <span class={classes!("gutter-line", bad.then_some("bad"))}>{ line }</span> }
                    }) }
                </div>
                <textarea id={id} class="code" spellcheck="false" autocapitalize="off" autocomplete="off"
                    rows={(line_count + 1).to_string()} wrap="off" style={format!("width: calc({columns}ch + 1rem)")}
                    aria-invalid={problems.invalid().to_string()} aria-describedby={problems.described_by()}
                    data-bad-line={bad_lines.iter().min().map(|line| line.to_string())}
                    value={props.value.clone()} {oninput} />
            </div>
        </div>
    }
}
