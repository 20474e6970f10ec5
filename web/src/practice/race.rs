//! The racing counter: the program, question A's interleaving as a table (one column per thread,
//! one row per step) with the final value to type, and question B's interleaving, typed or built
//! with one button per thread (each button says the instruction that thread runs next). What
//! is typed is kept as typed; an entry that cannot be read is named at once.

use super::answer::{label, mark, verdict_class, AnswerProps};
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::practice::race::{
    append_thread, drop_last, lengths, next_lines, parse_interleaving, problem_text, step_rows,
    value_problem, ScheduleProblem,
};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::text::PracticeText as T;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The program every thread runs, as the lesson's `race.s` has it.
pub fn program_section(lang: Lang, state: &PracticeState) -> Html {
    let workload = state.exercise().race_workload();
    let program = workload
        .processes
        .first()
        .map(|process| proclab_app::program_words::program_in(&process.program, lang))
        .unwrap_or_default();
    html! {
        <section class="race-program" aria-labelledby="race-program-title">
            <h4 id="race-program-title">{ T::RaceProgram.get(lang) }</h4>
            <pre id="race-program" class="race-source">{ program.trim_end() }</pre>
        </section>
    }
}

#[function_component(RaceQuestions)]
pub fn race_questions(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let exercise = props.state.exercise();
    let answer = &props.state.answer().race;
    let marks = props
        .state
        .grading
        .as_ref()
        .and_then(|grading| grading.race);
    let workload = exercise.race_workload();
    let lengths = lengths(&workload);
    let threads = lengths.len() as u32;
    let rows = step_rows(&exercise.run);
    let thread_word = T::Thread.get(lang);
    let set = |make: fn(String) -> PracticeAction| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            dispatch.emit(make(
                event.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let typed = answer.interleaving.clone();
    let edit = |change: Box<dyn Fn(&str) -> String>| {
        let dispatch = props.dispatch.clone();
        let typed = typed.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(PracticeAction::SetRaceInterleaving(change(&typed)))
        })
    };
    let problem = match parse_interleaving(&typed, &lengths) {
        Err(ScheduleProblem::Empty) | Ok(_) => None,
        Err(problem) => Some(problem_text(&problem, lengths.len(), lang)),
    };
    let next = next_lines(&exercise.run, &lengths, &typed);
    let value_mark = marks.map(|marks| marks.value);
    let value_problem = value_problem(&answer.value, lang);
    let interleaving_mark = marks.map(|marks| marks.interleaving);
    html! {
        <>
            <section class="race-question" aria-labelledby="race-a-title">
                <h4 id="race-a-title">{ T::RaceQuestionA.get(lang) }</h4>
                <div class="race-table-wrap">
                    <table id="race-interleaving" class="race-interleaving by-column">
                        <caption>{ T::RaceInterleaving.get(lang) }</caption>
                        <thead><tr>
                            <th scope="col">{ T::Step.get(lang) }</th>
                            { for (1..=threads).map(|thread| html! {
                                <th scope="col">{ format!("{thread_word} {thread}") }</th>
                            }) }
                        </tr></thead>
                        <tbody>
                            { for rows.iter().map(|row| html! {
                                <tr class={classes!(format!("thread-{}", row.thread + 1))}>
                                    <th scope="row">{ row.step }</th>
                                    { for (0..threads).map(|thread| if thread == row.thread {
                                        html! { <td><code>{ &row.text }</code></td> }
                                    } else {
                                        html! { <td aria-hidden="true"></td> }
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    // Phones: the same steps in three columns (one column per thread does not fit).
                    <table id="race-interleaving-list" class="race-interleaving by-row">
                        <caption>{ T::RaceInterleaving.get(lang) }</caption>
                        <thead><tr>
                            <th scope="col">{ T::Step.get(lang) }</th>
                            <th scope="col">{ T::Thread.get(lang) }</th>
                            <th scope="col">{ T::Instruction.get(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for rows.iter().map(|row| html! {
                                <tr class={classes!(format!("thread-{}", row.thread + 1))}>
                                    <th scope="row">{ row.step }</th>
                                    <td>{ row.thread + 1 }</td>
                                    <td><code>{ &row.text }</code></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <div class="field race-value">
                    <label for="race-value">{ T::RaceValue.get(lang) }</label>
                    <div class="cell">
                        <input id="race-value" inputmode="numeric" autocomplete="off" value={answer.value.clone()}
                            class={classes!(verdict_class(value_mark))}
                            aria-label={label(T::RaceValue.get(lang).to_string(), value_mark, lang)}
                            aria-invalid={value_problem.is_some().then_some("true")}
                            aria-describedby={value_problem.is_some().then_some("race-value-error")}
                            oninput={set(PracticeAction::SetRaceValue)} />
                        { mark(value_mark, lang) }
                    </div>
                    if let Some(problem) = &value_problem {
                        <p class="field-error" id="race-value-error" role="alert">{ problem }</p>
                    }
                </div>
            </section>
            <section class="race-question" aria-labelledby="race-b-title">
                <h4 id="race-b-title">{ T::RaceQuestionB.get(lang) }</h4>
                <p class="hint" id="race-interleaving-help">{ T::RaceTypedHelp.get(lang) }</p>
                <div class="field race-typed">
                    <label for="race-typed">{ T::RaceTyped.get(lang) }</label>
                    <div class="cell">
                        <input id="race-typed" autocomplete="off" spellcheck="false" value={typed.clone()}
                            class={classes!(verdict_class(interleaving_mark))}
                            aria-label={label(T::RaceTyped.get(lang).to_string(), interleaving_mark, lang)}
                            aria-describedby={if problem.is_some() { "race-interleaving-help race-typed-error" } else { "race-interleaving-help" }}
                            aria-invalid={problem.is_some().then_some("true")}
                            oninput={set(PracticeAction::SetRaceInterleaving)} />
                        { mark(interleaving_mark, lang) }
                    </div>
                    if let Some(problem) = problem {
                        <p id="race-typed-error" class="field-error" role="alert">{ problem }</p>
                    }
                </div>
                <div class="race-buttons" role="group" aria-label={ T::RaceTyped.get(lang) }>
                    { for (1..=threads).map(|thread| {
                        let next_line = next.as_ref().map(|lines| lines[thread as usize - 1].clone());
                        let finished = matches!(next_line, Some(None));
                        let detail = match &next_line {
                            Some(Some(line)) => format!("{}: {line}", T::RaceNext.get(lang)),
                            Some(None) => T::RaceDone.get(lang).to_string(),
                            None => String::new(),
                        };
                        html! {
                            <button type="button" id={format!("race-add-{thread}")} class="race-thread"
                                disabled={finished}
                                onclick={edit(Box::new(move |text| append_thread(text, thread)))}>
                                <span class="race-thread-name">{ format!("+ {thread_word} {thread}") }</span>
                                if !detail.is_empty() { <span class="race-thread-next">{ detail }</span> }
                            </button>
                        }
                    }) }
                    <button type="button" id="race-undo" disabled={typed.trim().is_empty()}
                        onclick={edit(Box::new(drop_last))}>{ T::RaceUndo.get(lang) }</button>
                    <button type="button" id="race-clear" disabled={typed.is_empty()}
                        onclick={edit(Box::new(|_| String::new()))}>{ T::RaceClear.get(lang) }</button>
                </div>
            </section>
        </>
    }
}
