//! The context-switch question: the program with its addresses, then two labelled groups of
//! fields, what is saved into the outgoing thread's TCB and what is loaded from the incoming
//! one's (PC, %ax, %bx), each marked after Check. What is typed is kept as typed.

use super::answer::{number_cell, AnswerProps, NumberCell};
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::switch::{listing, name, register_name, CELLS, REGISTERS};
use proclab_app::practice::text::PracticeText as T;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The program every thread runs, one row per address.
pub fn program_section(lang: Lang, state: &PracticeState) -> Html {
    let run = &state.exercise().run;
    let lines = listing(run);
    // A jump names a label: it is shown where it points, before that address's instruction.
    let labels: Vec<(u32, String)> = proclab_app::program_view::program_of(run.scenario(), 0)
        .map_or_else(Vec::new, |program| {
            program
                .labels()
                .iter()
                .map(|label| (label.address, label.name.clone()))
                .collect()
        });
    let label_at = |pc: u32| -> Html {
        labels
            .iter()
            .filter(|(address, _)| *address == pc)
            .map(|(_, name)| html! { <span class="switch-label">{ format!("{name}:") }</span> })
            .collect()
    };
    html! {
        <section class="switch-program" aria-labelledby="switch-program-title">
            <h4 id="switch-program-title">{ T::SwitchProgram.get(lang) }</h4>
            <table id="switch-program" class="switch-listing">
                <thead><tr>
                    <th scope="col">{ T::Address.get(lang) }</th>
                    <th scope="col">{ T::Instruction.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for lines.into_iter().map(|(pc, text)| html! {
                        <tr><th scope="row">{ pc }</th><td>{ label_at(pc) }<code>{ text }</code></td></tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

#[function_component(SwitchQuestion)]
pub fn switch_question(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let exercise = props.state.exercise();
    let Some(point) = exercise.switch else {
        return Html::default();
    };
    let typed = &props.state.answer().context;
    let marks = props
        .state
        .grading
        .as_ref()
        .and_then(|grading| grading.context.clone());
    let half = CELLS / 2;
    let group = |outgoing: bool| {
        let thread = name(&exercise.run, if outgoing { point.from } else { point.to });
        let title = if outgoing { T::Saved } else { T::Loaded }
            .get(lang)
            .replace("{t}", &thread);
        let side = if outgoing { "saved" } else { "loaded" };
        let offset = if outgoing { 0 } else { half };
        html! {
            <fieldset class="switch-group" id={format!("switch-{side}")}>
                <legend>{ &title }</legend>
                { for (0..half).map(|position| {
                    let cell = offset + position;
                    let field = if position == 0 { "PC".to_string() } else { register_name(REGISTERS[position - 1]) };
                    let id = format!("switch-{side}-{}", if position == 0 { "pc".to_string() } else { REGISTERS[position - 1].name().to_string() });
                    let verdict = marks.as_ref().and_then(|marks| marks.get(cell).copied());
                    let base = format!("{thread} {field}");
                    let dispatch = props.dispatch.clone();
                    let oninput = Callback::from(move |event: InputEvent| {
                        dispatch.emit(PracticeAction::SetContext(
                            cell,
                            event.target_unchecked_into::<HtmlInputElement>().value(),
                        ))
                    });
                    number_cell(NumberCell {
                        id,
                        class: "switch-cell",
                        shown: &field,
                        name: base,
                        value: typed.get(cell).cloned().unwrap_or_default(),
                        verdict,
                        error: None,
                        oninput,
                    }, lang)
                }) }
            </fieldset>
        }
    };
    html! {
        <section class="switch-question">
            <div class="switch-groups">
                { group(true) }
                { group(false) }
            </div>
        </section>
    }
}
