//! The MLFQ level question: one labelled field per job for its level during the asked tick,
//! each marked after Check. What is typed is kept as typed.

use super::answer::{number_cell, AnswerProps, NumberCell};
use proclab_app::lang::Words;
use proclab_app::practice::explain::still_empty_later;
use proclab_app::practice::grade::Verdict;
use proclab_app::practice::mlfq::level_form;
use proclab_app::practice::state::PracticeAction;
use proclab_app::practice::text::PracticeText as T;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component(LevelQuestion)]
pub fn level_question(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let exercise = props.state.exercise();
    let tick = exercise.asked.unwrap_or(0);
    let typed = &props.state.answer().levels;
    let marks = props
        .state
        .grading
        .as_ref()
        .and_then(|grading| grading.levels.clone());
    let title = T::MlfqQuestion.get(lang).replace("{t}", &tick.to_string());
    let verdict_of = |pid: usize| marks.as_ref().and_then(|marks| marks.get(pid).copied());
    // After Check, the fields that could not be read are named with what a level is, and an
    // empty one is pointed out (the explanation below covers only the first mistake).
    let unreadable: Vec<String> = exercise
        .spec
        .processes
        .iter()
        .enumerate()
        .filter(|(pid, _)| verdict_of(*pid) == Some(Verdict::NotANumber))
        .map(|(_, process)| format!("{} {}", process.name, T::Level.get(lang)))
        .collect();
    // The explanation already says so when the first mistake (the levels are the exercise's only
    // cells) is an empty field.
    let levels = marks.as_deref().unwrap_or_default();
    let first_empty = levels.iter().find(|mark| !mark.is_fine()) == Some(&Verdict::Missing);
    let any_empty = !first_empty && levels.contains(&Verdict::Missing);
    html! {
        <section class="mlfq-question" aria-labelledby="mlfq-title">
            <h4 id="mlfq-title">{ &title }</h4>
            <div class="mlfq-levels" id="mlfq-levels">
                { for exercise.spec.processes.iter().enumerate().map(|(pid, process)| {
                    let verdict = verdict_of(pid);
                    let id = format!("mlfq-level-{}", pid + 1);
                    let base = format!("{} {}", process.name, T::Level.get(lang));
                    let dispatch = props.dispatch.clone();
                    let oninput = Callback::from(move |event: InputEvent| {
                        dispatch.emit(PracticeAction::SetLevel(
                            pid as u32,
                            event.target_unchecked_into::<HtmlInputElement>().value(),
                        ))
                    });
                    number_cell(NumberCell {
                        id,
                        class: "mlfq-level",
                        shown: &base,
                        name: base.clone(),
                        value: typed.get(pid).cloned().unwrap_or_default(),
                        verdict,
                        error: Some("mlfq-error"),
                        oninput,
                    }, lang)
                }) }
            </div>
            if !unreadable.is_empty() {
                <p class="field-error" id="mlfq-error" role="alert">
                    { format!("{}: {}", unreadable.join(", "), level_form(&exercise.run, lang)) }
                </p>
            }
            if any_empty {
                <p class="hint" id="mlfq-empty">{ still_empty_later(lang) }</p>
            }
        </section>
    }
}
