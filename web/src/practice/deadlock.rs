//! The deadlock exercise: the program, the resource-allocation graph at the moment asked about
//! as a table (one row per thread: its state, what it holds, what it waits for and who holds
//! that), and the questions: is there a deadlock (two radio buttons), which threads wait forever
//! and, from the medium level, which form the cycle (a checkbox per thread). Each group is a
//! `fieldset` whose legend carries its verdict after Check.

use super::answer::{verdict_class, visible_label, AnswerProps};
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::practice::deadlock::{asks_cycle, moment, thread_label, DeadlockAnswer};
use proclab_app::practice::grade::Verdict;
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::text::PracticeText as T;
use yew::prelude::*;

/// The program the threads run and the graph at the moment.
pub fn question_section(lang: Lang, state: &PracticeState) -> Html {
    let exercise = state.exercise();
    let program = exercise
        .spec
        .processes
        .first()
        .map(|process| proclab_app::program_words::program_in(&process.program, lang))
        .unwrap_or_default();
    // The program branches on %bx: say what each thread starts with.
    let starts: Vec<String> = exercise
        .spec
        .processes
        .first()
        .map(|process| {
            process
                .threads
                .iter()
                .enumerate()
                .map(|(index, thread)| {
                    format!(
                        "{} %{}",
                        thread_label(index as u32),
                        thread.registers.replace('=', " = ")
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let starts = lang.pick([
        format!("처음 레지스터: {}.", starts.join(", ")),
        format!("Registers at the start: {}.", starts.join(", ")),
    ]);
    html! {
        <section class="race-program" aria-labelledby="deadlock-program-title">
            <h4 id="deadlock-program-title">{ T::RaceProgram.get(lang) }</h4>
            <pre id="deadlock-program" class="race-source">{ program.trim_end() }</pre>
            <p class="hint" id="deadlock-registers">{ starts }</p>
        </section>
    }
}

/// The resource-allocation graph at the moment asked about, as a table (under the rules, beside
/// the program: it is what the questions are about).
pub fn graph_section(lang: Lang, state: &PracticeState) -> Html {
    let exercise = state.exercise();
    let moment = moment(&exercise.run);
    let nothing = T::Nothing.get(lang);
    html! {
        <>
            <section class="deadlock-graph" aria-labelledby="deadlock-graph-title">
                <h4 id="deadlock-graph-title">{ format!("{} t={}", T::DeadlockGraph.get(lang), moment.tick) }</h4>
                <p class="hint">{ T::DeadlockGraphHelp.get(lang) }</p>
                <div class="race-table-wrap">
                    <table id="deadlock-moment" class="practice-workload deadlock-moment">
                        <caption class="visually-hidden">{ T::DeadlockGraph.get(lang) }</caption>
                        <thead><tr>
                            <th scope="col">{ T::Thread.get(lang) }</th>
                            <th scope="col">{ T::DeadlockState.get(lang) }</th>
                            <th scope="col">{ T::DeadlockHolds.get(lang) }</th>
                            <th scope="col">{ T::DeadlockWaitsFor.get(lang) }</th>
                            <th scope="col">{ T::DeadlockHeldBy.get(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for moment.threads.iter().map(|row| {
                                let status = if row.finished {
                                    T::Finished
                                } else if row.waits_for.is_some() {
                                    T::Blocked
                                } else {
                                    T::CanRun
                                };
                                let (wanted, holder) = match &row.waits_for {
                                    Some((name, holder)) => (name.clone(), holder.map(thread_label).unwrap_or_else(|| nothing.to_string())),
                                    None => (nothing.to_string(), String::from("—")),
                                };
                                html! {
                                    <tr data-thread={row.thread.to_string()}>
                                        <th scope="row">{ thread_label(row.thread) }</th>
                                        <td class="state">{ status.get(lang) }</td>
                                        <td class="holds">{ if row.holds.is_empty() { nothing.to_string() } else { row.holds.join(", ") } }</td>
                                        <td class="waits">{ wanted }</td>
                                        <td class="holder">{ holder }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            </section>
        </>
    }
}

#[function_component(DeadlockQuestions)]
pub fn deadlock_questions(props: &AnswerProps) -> Html {
    let lang = props.lang;
    let exercise = props.state.exercise();
    let answer = props.state.answer().deadlock.clone();
    let marks = props
        .state
        .grading
        .as_ref()
        .and_then(|grading| grading.deadlock);
    let threads = exercise.run.scenario().threads().len() as u32;
    let set = |next: DeadlockAnswer| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: Event| dispatch.emit(PracticeAction::SetDeadlock(next.clone())))
    };
    let present = |value: bool, id: &'static str, text: T| {
        let next = DeadlockAnswer {
            present: Some(value),
            ..answer.clone()
        };
        html! {
            <label class="choice" for={id}>
                <input type="radio" {id} name="deadlock-present" checked={answer.present == Some(value)} onchange={set(next)} />
                { text.get(lang) }
            </label>
        }
    };
    let ticks = |cycle: bool, verdict: Option<Verdict>| {
        let (prefix, chosen, title) = if cycle {
            ("deadlock-cycle", &answer.cycle, T::DeadlockCycle)
        } else {
            ("deadlock-blocked", &answer.blocked, T::DeadlockBlocked)
        };
        html! {
            <fieldset id={prefix} class={classes!("deadlock-question", verdict_class(verdict))}>
                <legend>{ visible_label(title.get(lang).to_string(), verdict, lang) }</legend>
                { for (0..threads).map(|thread| {
                    let id = format!("{prefix}-{}", thread + 1);
                    html! {
                        <label class="choice" for={id.clone()}>
                            <input type="checkbox" id={id} checked={chosen.contains(&thread)}
                                onchange={set(answer.toggled(thread, cycle))} />
                            { thread_label(thread) }
                        </label>
                    }
                }) }
            </fieldset>
        }
    };
    let present_mark = marks.map(|marks| marks.present);
    html! {
        <section class="race-question" aria-labelledby="deadlock-question-title">
            <h4 id="deadlock-question-title" class="visually-hidden">{ T::DeadlockQuestion.get(lang) }</h4>
            <fieldset id="deadlock-present" class={classes!("deadlock-question", verdict_class(present_mark))}>
                <legend>{ visible_label(T::DeadlockQuestion.get(lang).to_string(), present_mark, lang) }</legend>
                { present(true, "deadlock-yes", T::DeadlockYes) }
                { present(false, "deadlock-no", T::DeadlockNo) }
            </fieldset>
            { ticks(false, marks.map(|marks| marks.blocked)) }
            if asks_cycle(exercise.id.difficulty) {
                { ticks(true, marks.and_then(|marks| marks.cycle)) }
            }
        </section>
    }
}
