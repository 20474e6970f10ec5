//! The semaphore exercise: the steps as a table (step, thread, operation) under the starting
//! values, and the questions: each semaphore's value after the last step (a labelled field) and
//! what each thread waits on then (a labelled list: not waiting, or one of the semaphores). Every
//! cell is marked after Check; what is typed is kept as typed.

use super::answer::{choice_cell, number_cell, AnswerProps, NumberCell};
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::practice::explain::still_empty_later;
use proclab_app::practice::grade::Verdict;
use proclab_app::practice::semaphore::{
    call, initial_values, names, steps, thread_label, value_form, values_text, SemaphoreAnswer,
};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::text::PracticeText as T;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The starting values and the steps, in order.
pub fn steps_section(lang: Lang, state: &PracticeState) -> Html {
    let run = &state.exercise().run;
    let names = names(run);
    let start = values_text(&names, &initial_values(run));
    html! {
        <section class="race-program" aria-labelledby="semaphore-steps-title">
            <h4 id="semaphore-steps-title">{ T::SemaphoreSteps.get(lang) }</h4>
            <p id="semaphore-start">{ format!("{}: ", T::SemaphoreStart.get(lang)) }<code>{ start }</code></p>
            <div class="race-table-wrap">
                <table id="semaphore-steps" class="race-interleaving semaphore-steps">
                    <caption class="visually-hidden">{ T::SemaphoreSteps.get(lang) }</caption>
                    <thead><tr>
                        <th scope="col">{ T::SemaphoreStep.get(lang) }</th>
                        <th scope="col">{ T::Thread.get(lang) }</th>
                        <th scope="col">{ T::SemaphoreCall.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for steps(run).iter().enumerate().map(|(index, step)| {
                            let name = names.get(step.semaphore).map_or("s", String::as_str);
                            html! {
                                <tr data-thread={step.thread.to_string()}>
                                    <th scope="row">{ index + 1 }</th>
                                    <td class="thread">{ thread_label(step.thread) }</td>
                                    <td class="call"><code>{ call(step.op, name) }</code></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[function_component(SemaphoreQuestions)]
pub fn semaphore_questions(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let exercise = props.state.exercise();
    let names = names(&exercise.run);
    let threads = exercise.run.scenario().threads().len();
    let answer = props.state.answer().semaphore.clone();
    let marks = props
        .state
        .grading
        .as_ref()
        .and_then(|grading| grading.semaphore.clone());
    let set = {
        let dispatch = props.dispatch.clone();
        move |next: SemaphoreAnswer| dispatch.emit(PracticeAction::SetSemaphore(next))
    };
    let value_mark = |index: usize| {
        marks
            .as_ref()
            .and_then(|marks| marks.values.get(index).copied())
    };
    let wait_mark = |thread: usize| {
        marks
            .as_ref()
            .and_then(|marks| marks.waits.get(thread).copied())
    };
    let unreadable: Vec<&str> = names
        .iter()
        .enumerate()
        .filter(|(index, _)| value_mark(*index) == Some(Verdict::NotANumber))
        .map(|(_, name)| name.as_str())
        .collect();
    // The explanation says so when the first mistake is an empty cell; a later empty one is
    // pointed out here.
    let all: Vec<Verdict> = marks
        .as_ref()
        .map(|marks| marks.values.iter().chain(&marks.waits).copied().collect())
        .unwrap_or_default();
    let first_empty = props
        .state
        .grading
        .as_ref()
        .is_some_and(proclab_app::practice::explain::first_mistake_is_empty);
    let any_empty = !first_empty && all.contains(&Verdict::Missing);
    html! {
        <section class="race-question semaphore-question" aria-labelledby="semaphore-values-title">
            <h4 id="semaphore-values-title" class="visually-hidden">{ T::SemaphoreAnswers.get(lang) }</h4>
            <div class="mlfq-levels semaphore-values" id="semaphore-values">
                { for names.iter().enumerate().map(|(index, name)| {
                    let verdict = value_mark(index);
                    let id = format!("semaphore-value-{}", index + 1);
                    let base = T::SemaphoreValue.get(lang).replace("{name}", name);
                    let oninput = {
                        let set = set.clone();
                        let answer = answer.clone();
                        Callback::from(move |event: InputEvent| {
                            let text = event.target_unchecked_into::<HtmlInputElement>().value();
                            set(answer.with_value(index, text))
                        })
                    };
                    number_cell(NumberCell {
                        id,
                        class: "semaphore-value",
                        shown: &base,
                        name: base.clone(),
                        value: answer.values.get(index).cloned().unwrap_or_default(),
                        verdict,
                        error: Some("semaphore-error"),
                        oninput,
                    }, lang)
                }) }
            </div>
            if !unreadable.is_empty() {
                <p class="field-error" id="semaphore-error" role="alert">
                    { format!("{}: {}", unreadable.join(", "), value_form(lang)) }
                </p>
            }
            <fieldset id="semaphore-waits" class="deadlock-question semaphore-waits">
                <legend>{ T::SemaphoreWaits.get(lang) }</legend>
                <p class="hint">{ T::SemaphoreWaitsHelp.get(lang) }</p>
                { for (0..threads).map(|thread| {
                    let verdict = wait_mark(thread);
                    let id = format!("semaphore-wait-{}", thread + 1);
                    let who = thread_label(thread as u32);
                    let chosen = answer.waits.get(thread).copied().flatten();
                    let onchange = {
                        let set = set.clone();
                        let answer = answer.clone();
                        Callback::from(move |event: Event| {
                            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
                            set(answer.with_wait(thread, value.parse::<u32>().ok()))
                        })
                    };
                    let option = |value: u32, text: String| html! {
                        <option value={value.to_string()} selected={chosen == Some(value)}>{ text }</option>
                    };
                    let options = html! {
                        <>
                            { option(0, T::SemaphoreNotWaiting.get(lang).to_string()) }
                            { for names.iter().enumerate().map(|(index, name)| {
                                option(index as u32 + 1, lang.pick([format!("{name}에서 기다림"), format!("waits on {name}")]))
                            }) }
                        </>
                    };
                    choice_cell(id, who, chosen, verdict, options, onchange, lang)
                }) }
            </fieldset>
            if any_empty {
                <p class="hint" id="semaphore-empty">{ still_empty_later(lang) }</p>
            }
        </section>
    }
}
