//! The MLFQ level question: one labelled field per job for its level during the asked tick,
//! each marked after Check. What is typed is kept as typed.

use super::answer::{label, mark, verdict_class};
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::text::PracticeText as T;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LevelProps {
    pub lang: Lang,
    pub state: PracticeState,
    pub dispatch: Callback<PracticeAction>,
}

#[function_component(LevelQuestion)]
pub fn level_question(props: &LevelProps) -> Html {
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
    html! {
        <section class="mlfq-question" aria-labelledby="mlfq-title">
            <h4 id="mlfq-title">{ &title }</h4>
            <div class="mlfq-levels" id="mlfq-levels">
                { for exercise.spec.processes.iter().enumerate().map(|(pid, process)| {
                    let verdict = marks.as_ref().and_then(|marks| marks.get(pid).copied());
                    let id = format!("mlfq-level-{}", pid + 1);
                    let base = format!("{} {}", process.name, T::Level.get(lang));
                    let dispatch = props.dispatch.clone();
                    let oninput = Callback::from(move |event: InputEvent| {
                        dispatch.emit(PracticeAction::SetLevel(
                            pid as u32,
                            event.target_unchecked_into::<HtmlInputElement>().value(),
                        ))
                    });
                    html! {
                        <div class="field mlfq-level">
                            <label for={id.clone()}>{ &base }</label>
                            <div class="cell">
                                <input id={id} inputmode="numeric" autocomplete="off"
                                    value={typed.get(pid).cloned().unwrap_or_default()}
                                    class={classes!(verdict_class(verdict))}
                                    aria-label={label(base.clone(), verdict, lang)}
                                    {oninput} />
                                { mark(verdict, lang) }
                            </div>
                        </div>
                    }
                }) }
            </div>
        </section>
    }
}
