//! The transition question: from which state to which, and why, each a labelled select that
//! carries its verdict after Check.

use super::answer::{label, mark, verdict_class, AnswerProps};
use proclab_app::lang::Words;
use proclab_app::practice::state::PracticeAction;
use proclab_app::practice::text::PracticeText as T;
use proclab_app::practice::transition::{question, Reason, TransitionAnswer};
use proclab_app::watch::text::state_name;
use proclab_core::ProcessState;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

fn state_code(state: ProcessState) -> &'static str {
    match state {
        ProcessState::New => "new",
        ProcessState::Ready => "ready",
        ProcessState::Running => "running",
        ProcessState::Blocked => "blocked",
        ProcessState::Exit => "exit",
    }
}

#[function_component(TransitionQuestionView)]
pub fn transition_question(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let exercise = props.state.exercise();
    let Some(question) = question(exercise) else {
        return Html::default();
    };
    let answer = props.state.answer().transition;
    let marks = props
        .state
        .grading
        .as_ref()
        .and_then(|grading| grading.transition);
    let update = |change: fn(&mut TransitionAnswer, &str)| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = answer;
            change(&mut next, &value);
            dispatch.emit(PracticeAction::SetTransition(next));
        })
    };
    let state_select = |id: &'static str,
                        word: T,
                        chosen: Option<ProcessState>,
                        verdict,
                        onchange| {
        html! {
            <div class="field">
                <label for={id}>{ word.get(lang) }</label>
                <div class="cell">
                    <select {id} class={classes!(verdict_class(verdict))} aria-label={label(word.get(lang).to_string(), verdict, lang)} {onchange}>
                        <option value="" selected={chosen.is_none()}>{ format!("({})", T::Choose.get(lang)) }</option>
                        { for ProcessState::ALL.iter().map(|state| html! {
                            <option value={state_code(*state)} selected={chosen == Some(*state)}>{ state_name(*state, lang) }</option>
                        }) }
                    </select>
                    { mark(verdict, lang) }
                </div>
            </div>
        }
    };
    let from = update(|answer, code| {
        answer.from = ProcessState::ALL
            .into_iter()
            .find(|state| state_code(*state) == code)
    });
    let to = update(|answer, code| {
        answer.to = ProcessState::ALL
            .into_iter()
            .find(|state| state_code(*state) == code)
    });
    let reason = update(|answer, code| answer.reason = Reason::from_code(code));
    let reason_verdict = marks.map(|marks| marks[2]);
    html! {
        <section class="transition-question" aria-labelledby="transition-title">
            <h4 id="transition-title">{ T::Transition.get(lang) }</h4>
            <p id="transition-text">{ question.text(exercise, lang) }</p>
            <div class="transition-fields">
                { state_select("transition-from", T::From, answer.from, marks.map(|marks| marks[0]), from) }
                { state_select("transition-to", T::To, answer.to, marks.map(|marks| marks[1]), to) }
                <div class="field wide">
                    <label for="transition-reason">{ T::Reason.get(lang) }</label>
                    <div class="cell">
                        <select id="transition-reason" class={classes!(verdict_class(reason_verdict))}
                            aria-label={label(T::Reason.get(lang).to_string(), reason_verdict, lang)} onchange={reason}>
                            <option value="" selected={answer.reason.is_none()}>{ format!("({})", T::Choose.get(lang)) }</option>
                            { for Reason::ALL.iter().map(|reason| html! {
                                <option value={reason.code()} selected={answer.reason == Some(*reason)}>{ reason.label(lang) }</option>
                            }) }
                        </select>
                        { mark(reason_verdict, lang) }
                    </div>
                </div>
            </div>
        </section>
    }
}
