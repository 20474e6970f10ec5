//! The pipe exercise: the processes' operations as a table (step, process, operation) under the
//! pipe's size, and the questions: the bytes the pipe holds after the last step (a labelled
//! field) and what each process waits for then (a labelled list). Every cell is marked after
//! Check; what is typed is kept as typed.

use super::answer::{choice_cell, label, mark, verdict_class, AnswerProps};
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::practice::explain::still_empty_later;
use proclab_app::practice::grade::Verdict;
use proclab_app::practice::pipe::{call, held_form, names, size, steps, PipeAnswer, Waits, PIPE};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::text::PracticeText as T;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The pipe's size and the steps, in order.
pub fn steps_section(lang: Lang, state: &PracticeState) -> Html {
    let run = &state.exercise().run;
    let names = names(run);
    let size = size(run);
    html! {
        <section class="race-program" aria-labelledby="pipe-steps-title">
            <h4 id="pipe-steps-title">{ T::SemaphoreSteps.get(lang) }</h4>
            <p id="pipe-start">{ lang.pick([
                format!("파이프 {PIPE}: 최대 {size}바이트, 처음에 비어 있음"),
                format!("Pipe {PIPE}: at most {size} bytes, empty at the start"),
            ]) }</p>
            <div class="race-table-wrap">
                <table id="pipe-steps" class="race-interleaving semaphore-steps">
                    <caption class="visually-hidden">{ T::SemaphoreSteps.get(lang) }</caption>
                    <thead><tr>
                        <th scope="col">{ T::SemaphoreStep.get(lang) }</th>
                        <th scope="col">{ T::Process.get(lang) }</th>
                        <th scope="col">{ T::SemaphoreCall.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for steps(run).iter().enumerate().map(|(index, step)| html! {
                            <tr data-process={step.process.to_string()}>
                                <th scope="row">{ index + 1 }</th>
                                <td class="process">{ names.get(step.process as usize).cloned().unwrap_or_default() }</td>
                                <td class="call"><code>{ call(step.op) }</code></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[function_component(PipeQuestions)]
pub fn pipe_questions(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let exercise = props.state.exercise();
    let names = names(&exercise.run);
    let answer = props.state.answer().pipe.clone();
    let marks = props
        .state
        .grading
        .as_ref()
        .and_then(|grading| grading.pipe.clone());
    let set = {
        let dispatch = props.dispatch.clone();
        move |next: PipeAnswer| dispatch.emit(PracticeAction::SetPipe(next))
    };
    let held_mark = marks.as_ref().map(|marks| marks.held);
    let wait_mark = |process: usize| {
        marks
            .as_ref()
            .and_then(|marks| marks.waits.get(process).copied())
    };
    let all: Vec<Verdict> = marks
        .as_ref()
        .map(|marks| {
            std::iter::once(marks.held)
                .chain(marks.waits.iter().copied())
                .collect()
        })
        .unwrap_or_default();
    let first_empty = props
        .state
        .grading
        .as_ref()
        .is_some_and(proclab_app::practice::explain::first_mistake_is_empty);
    let any_empty = !first_empty && all.contains(&Verdict::Missing);
    let held_label = lang.pick([
        format!("마지막 단계 뒤 {PIPE}에 남은 바이트 (오래된 것부터, 비었으면 -)"),
        format!("The bytes in {PIPE} after the last step (oldest first; - if empty)"),
    ]);
    let oninput = {
        let set = set.clone();
        let answer = answer.clone();
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            set(answer.with_held(text))
        })
    };
    html! {
        <section class="race-question semaphore-question" aria-labelledby="pipe-answers-title">
            <h4 id="pipe-answers-title" class="visually-hidden">{ lang.pick(["마지막 단계 뒤의 파이프와 기다리는 프로세스", "The pipe and the waiting processes after the last step"]) }</h4>
            <div class="mlfq-levels semaphore-values pipe-held" id="pipe-held-box">
                // Text, not a number pad: the bytes are several, with spaces between.
                <div class="field pipe-held">
                    <label for="pipe-held">{ &held_label }</label>
                    <div class="cell">
                        <input id="pipe-held" autocomplete="off" spellcheck="false" value={answer.held.clone()}
                            class={classes!(verdict_class(held_mark))}
                            aria-label={label(held_label.clone(), held_mark, lang)}
                            aria-invalid={(held_mark == Some(Verdict::NotANumber)).then_some("true")}
                            aria-describedby={(held_mark == Some(Verdict::NotANumber)).then_some("pipe-error")}
                            {oninput} />
                        { mark(held_mark, lang) }
                    </div>
                </div>
            </div>
            if held_mark == Some(Verdict::NotANumber) {
                <p class="field-error" id="pipe-error" role="alert">{ held_form(lang) }</p>
            }
            <fieldset id="pipe-waits" class="deadlock-question semaphore-waits pipe-waits">
                <legend>{ lang.pick(["마지막 단계 뒤 각 프로세스는 기다립니까?", "After the last step, does each process wait?"]) }</legend>
                { for names.iter().enumerate().map(|(process, who)| {
                    let verdict = wait_mark(process);
                    let id = format!("pipe-wait-{}", process + 1);
                    let chosen = answer.waits.get(process).copied().flatten();
                    let onchange = {
                        let set = set.clone();
                        let answer = answer.clone();
                        Callback::from(move |event: Event| {
                            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
                            set(answer.with_wait(process, value.parse::<u32>().ok()))
                        })
                    };
                    let options = html! {
                        { for Waits::ALL.iter().map(|wait| html! {
                            <option value={wait.code().to_string()} selected={chosen == Some(wait.code())}>{ wait.label(lang) }</option>
                        }) }
                    };
                    choice_cell(id, who.clone(), chosen, verdict, options, onchange, lang)
                }) }
            </fieldset>
            if any_empty {
                <p class="hint" id="pipe-empty">{ still_empty_later(lang) }</p>
            }
        </section>
    }
}
