//! One exercise: what is asked (policy, conventions, workload), the answer forms, Check, Hint and
//! Show, and the verdicts announced in an `aria-live` region.

use super::answer::{GanttBuilder, TimesTable};
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::practice::explain::{explain, hints, show_span};
use proclab_app::practice::grade::Mistake;
use proclab_app::practice::race;
use proclab_app::practice::set::{unreadable_cells, Feedback};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::summary::summary;
use proclab_app::practice::text::{
    bursts_text, changed_unchecked_sentence, check_not_counted_sentence, conventions_for,
    rules_sentence, PracticeText as T,
};
use proclab_app::watch::playback::Playback;
use proclab_core::spec::PolicySpec;
use proclab_core::ScenarioSpec;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExerciseViewProps {
    pub lang: Lang,
    pub state: PracticeState,
    pub dispatch: Callback<PracticeAction>,
    pub on_open: Callback<ScenarioSpec>,
}

#[function_component(ExerciseView)]
pub fn exercise_view(props: &ExerciseViewProps) -> Html {
    let lang = props.lang;
    let state = &props.state;
    let exercise = state.exercise();
    let id = exercise.id;
    let race = exercise.is_race();
    let mlfq = exercise.is_mlfq();
    let switch = exercise.is_switch();
    let deadlock = exercise.is_deadlock();
    let semaphore = exercise.is_semaphore();
    let pipe = exercise.is_pipe();
    let shows_priority = matches!(exercise.spec.policy, PolicySpec::Priority { .. });
    // The heading explains the notation where there is some to explain.
    let any_io = exercise.spec.processes.iter().any(|process| {
        process
            .bursts
            .iter()
            .any(|burst| matches!(burst, proclab_core::spec::BurstSpec::Io(_)))
    });
    // The teacher's rules for the set (none: everything told, checks without limit).
    let rules = state.set.rules;
    let explains = rules.explains();
    let action = |action: PracticeAction| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    // The racing counter, graded, shows the student's own interleaving (question B, completed
    // as it was graded) rather than question A's.
    let mine = (race && state.grading.is_some())
        .then(|| {
            let workload = exercise.race_workload();
            let lengths = race::lengths(&workload);
            let typed =
                race::parse_interleaving(&state.answer().race.interleaving, &lengths).ok()?;
            (!typed.is_empty()).then(|| proclab_core::ScenarioSpec {
                schedule: Some(proclab_core::ScheduleSpec {
                    threads: race::complete(&typed, &lengths),
                    repeat: false,
                }),
                ..workload
            })
        })
        .flatten();
    let show_label = if mine.is_some() { T::ShowMine } else { T::Show };
    // The simulator shows every answer and the answers files note it: an exercise not yet
    // solved nor shown asks first, so one stray click does not count against the student.
    let confirming = use_state(|| None::<(String, usize)>);
    let here = (state.set.storage_key(), state.current);
    let asks_first = state.progress.shown.get(state.current) == Some(&false)
        && !state.solved().get(state.current).copied().unwrap_or(false);
    let confirm_open = confirming.as_ref() == Some(&here);
    let ask = {
        let confirming = confirming.clone();
        let here = here.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(Some(here.clone()));
            crate::browser::focus_later(String::from("practice-show-confirm"));
        })
    };
    // Keep working (or Escape) closes the question and gives the focus back to Show.
    let close = {
        let confirming = confirming.clone();
        move || {
            confirming.set(None);
            crate::browser::focus_later(String::from("practice-show"));
        }
    };
    let cancel = {
        let close = close.clone();
        Callback::from(move |_: MouseEvent| close())
    };
    let on_ask_key = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            close();
        }
    });
    let show = {
        let on_open = props.on_open.clone();
        let dispatch = props.dispatch.clone();
        let (key, progress, current) = (
            state.set.storage_key(),
            state.progress.clone(),
            state.current,
        );
        let playback = match show_span(exercise, state.grading.as_ref()) {
            Some((from, to)) if mine.is_none() => Playback::play_until(from, to),
            _ => Playback::default(),
        };
        let spec = mine.unwrap_or_else(|| exercise.spec.clone());
        Callback::from(move |_: MouseEvent| {
            // Noted in the answers files: the simulator shows every answer. Saved here, as
            // the page leaves before its effects would save it.
            if progress.shown.get(current) == Some(&false) {
                let mut progress = progress.clone();
                progress.shown[current] = true;
                crate::storage::save_practice(&key, &progress);
            }
            dispatch.emit(PracticeAction::Shown);
            super::show_with(playback.clone());
            on_open.emit(spec.clone())
        })
    };
    let feedback = state.grading.as_ref().map(|grading| {
        let summary = summary(grading, lang);
        let (_, _, total) = grading.counts();
        let empty = grading.left_empty();
        // With nothing filled in, the summary says all there is to say; under a teacher's rule
        // of marks only, the marks are all there is.
        let explanation = (empty < total && explains)
            .then(|| explain(exercise, grading, lang))
            .flatten()
            .map(|words| {
                // A race's two answers are explained apart: each says which question it is of.
                match grading.first_mistake {
                    Some(Mistake::RaceValue) => {
                        format!("{}: {words}", T::RaceValueResult.get(lang))
                    }
                    _ => words,
                }
            });
        let interleaving = grading.race.filter(|_| explains).map(|marks| {
            let workload = exercise.race_workload();
            let lengths = race::lengths(&workload);
            let words = race::explain_interleaving(
                &workload,
                &lengths,
                &state.answer().race.interleaving,
                lang,
            );
            (
                format!("{}: {words}", T::RaceResult.get(lang)),
                marks.interleaving == proclab_app::practice::grade::Verdict::Right,
            )
        });
        (summary, explanation, interleaving, grading.all_fine())
    });
    let shown_hints = match explains {
        true => hints(exercise, state.hints_shown(), lang),
        false => Vec::new(),
    };
    let used = state.progress.checks[state.current];
    let may_check = rules.may_check(used);
    let charted = !(race || switch || mlfq || deadlock || semaphore || pipe);
    let mut told = rules_sentence(rules, used, charted, lang);
    if rules.checks.is_some() && used > 0 && !may_check && !state.progress.checked[state.current] {
        told = format!("{told} {}", changed_unchecked_sentence(lang));
    }
    let rules_note = (!told.is_empty()).then_some("practice-rules-note");
    let solved = feedback
        .as_ref()
        .is_some_and(|(_, _, _, all_fine)| *all_fine);
    html! {
        <article class="exercise" aria-labelledby="exercise-title">
            <h3 id="exercise-title" tabindex="-1">
                { format!("{} {} / {}: {} · {}", T::Exercise.get(lang), state.current + 1, state.exercises.len(), id.topic.label(lang),
                    if exercise.own { T::OwnWorkload.get(lang) } else { id.difficulty.label_for(id.topic, lang) }) }
            </h3>
            <div class="exercise-question">
                <div class="question-left">
                    <section aria-labelledby="rules-title">
                        <h4 id="rules-title">{ T::Rules.get(lang) }</h4>
                        <ul class="rules">
                            { for conventions_for(exercise, explains, lang).into_iter().map(|rule| html! { <li>{ rule }</li> }) }
                        </ul>
                    </section>
                    if deadlock {
                        { super::deadlock::graph_section(lang, state) }
                    }
                </div>
                if race {
                    { super::race::program_section(lang, state) }
                } else if switch {
                    { super::switch::program_section(lang, state) }
                } else if deadlock {
                    { super::deadlock::question_section(lang, state) }
                } else if semaphore {
                    { super::semaphore::steps_section(lang, state) }
                } else if pipe {
                    { super::pipe::steps_section(lang, state) }
                } else {
                <section aria-labelledby="question-workload-title">
                    <h4 id="question-workload-title">{ T::Workload.get(lang) }</h4>
                    <table class="practice-workload" id="practice-workload">
                        <thead><tr>
                            <th scope="col">{ T::Process.get(lang) }</th>
                            <th scope="col">{ T::Arrival.get(lang) }</th>
                            <th scope="col">{ if any_io { T::Bursts.get(lang) } else { T::CpuBurst.get(lang) } }</th>
                            if shows_priority { <th scope="col">{ T::Priority.get(lang) }</th> }
                        </tr></thead>
                        <tbody>
                            { for exercise.spec.processes.iter().enumerate().map(|(pid, process)| html! {
                                <tr>
                                    <th scope="row">{ &process.name }</th>
                                    <td class="arrival">{ process.arrival }</td>
                                    <td class="bursts">{ bursts_text(exercise, pid) }</td>
                                    if shows_priority { <td class="priority">{ process.priority }</td> }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </section>
                }
            </div>
            if race {
                <super::race::RaceQuestions {lang} state={state.clone()} dispatch={props.dispatch.clone()} />
            } else if switch {
                <super::switch::SwitchQuestion {lang} state={state.clone()} dispatch={props.dispatch.clone()} />
            } else if mlfq {
                <super::mlfq::LevelQuestion {lang} state={state.clone()} dispatch={props.dispatch.clone()} />
            } else if deadlock {
                <super::deadlock::DeadlockQuestions {lang} state={state.clone()} dispatch={props.dispatch.clone()} />
            } else if semaphore {
                <super::semaphore::SemaphoreQuestions {lang} state={state.clone()} dispatch={props.dispatch.clone()} />
            } else if pipe {
                <super::pipe::PipeQuestions {lang} state={state.clone()} dispatch={props.dispatch.clone()} />
            } else {
                // Keyed by the exercise: its one-line box is the builder's own state, and the
                // line typed for one exercise had stayed in the next one's box.
                <GanttBuilder key={format!("{}#{}", state.set.encode(), state.current)} {lang} state={state.clone()} dispatch={props.dispatch.clone()} />
                <TimesTable {lang} state={state.clone()} dispatch={props.dispatch.clone()} />
                <super::transition::TransitionQuestionView {lang} state={state.clone()} dispatch={props.dispatch.clone()} />
            }
            if rules_note.is_some() {
                <p id="practice-rules-note" class="notice">{ told }</p>
            }
            <div class="practice-actions">
                if rules.feedback != Feedback::Hidden {
                <button type="button" id="practice-check" class="primary" disabled={!may_check}
                    aria-describedby={rules_note} onclick={
                    let check = action(PracticeAction::Check);
                    // The verdict comes under the button: brought up where it can be read.
                    Callback::from(move |event: MouseEvent| {
                        check.emit(event);
                        crate::browser::bring_into_view(String::from("practice-feedback"));
                    })
                }>{ match rules.checks_left(used) {
                    // "0번 남음" read oddly: none left is said so.
                    Some(0) => lang.pick([format!("{} (남은 횟수 없음)", T::Check.get(lang)), format!("{} (none left)", T::Check.get(lang))]),
                    Some(left) => lang.pick([format!("{} ({left}번 남음)", T::Check.get(lang)), format!("{} ({left} left)", T::Check.get(lang))]),
                    None => T::Check.get(lang).to_string(),
                } }</button>
                }
                if explains {
                <button type="button" id="practice-hint" onclick={action(PracticeAction::Hint)}
                    disabled={state.next_hint().is_none()} aria-describedby={state.next_hint().is_none().then_some("practice-no-hint")}>{ T::Hint.get(lang) }</button>
                <button type="button" id="practice-show" onclick={if asks_first { ask } else { show.clone() }}
                    aria-expanded={asks_first.then(|| confirm_open.to_string())} aria-controls={asks_first.then_some("practice-show-ask")}
                    title={T::ShowNoted.get(lang)}>{ show_label.get(lang) }</button>
                }
                if explains && asks_first && confirm_open {
                    <span class="show-ask" id="practice-show-ask" role="group" aria-label={show_label.get(lang)} onkeydown={on_ask_key}>
                        <span>{ T::ShowAsk.get(lang) }</span>
                        <button type="button" id="practice-show-confirm" onclick={show}>{ T::ShowConfirm.get(lang) }</button>
                        <button type="button" id="practice-show-cancel" onclick={cancel}>{ T::ShowCancel.get(lang) }</button>
                    </span>
                }
                if explains && state.next_hint().is_none() {
                    // Why Hint is off: said, not left to guess.
                    <span class="hint" id="practice-no-hint">
                        { if feedback.as_ref().is_some_and(|feedback| feedback.3) {
                            T::HintsNoneNeeded.get(lang)
                        } else if state.grading.as_ref().is_some_and(|grading| grading.has_extra_segments()) {
                            T::HintsChartExtra.get(lang)
                        } else if state.hints_shown() >= exercise.hint_count() {
                            T::HintsAllShown.get(lang)
                        } else {
                            T::HintsChartRight.get(lang)
                        } }
                    </span>
                }
            </div>
            <div id="practice-feedback" class="practice-feedback" role="status" aria-live="polite" aria-atomic="true">
                if state.check_refused {
                    <p id="practice-not-counted" class="notice">
                        { check_not_counted_sentence(&unreadable_cells(exercise, state.answer(), lang), lang) }
                    </p>
                }
                if let Some((summary, explanation, interleaving, all_fine)) = feedback {
                    <p id="practice-summary" class={classes!("summary", all_fine.then_some("all-right"))}>
                        { if all_fine { format!("{} {summary}", T::AllRight.get(lang)) } else { summary } }
                    </p>
                    // All right, and more to do: the next one a press away (its tab had scrolled
                    // off the top).
                    if all_fine && state.current + 1 < state.exercises.len() {
                        <button type="button" id="practice-next" class="primary" onclick={{
                            let (dispatch, next) = (props.dispatch.clone(), state.current + 1);
                            Callback::from(move |_: MouseEvent| {
                                dispatch.emit(PracticeAction::Goto(next));
                                crate::browser::go_to("exercise-title");
                            })
                        }}>{ T::NextExercise.get(lang) }</button>
                    }
                    if let Some(explanation) = explanation {
                        { explanation_view(&explanation, semaphore || pipe || deadlock, lang) }
                    }
                    if let Some((words, right)) = interleaving {
                        <p id="race-feedback" class={classes!("explanation", right.then_some("right"))}>{ crate::ui::with_code(&words) }</p>
                    }
                }
            </div>
            // The latest hint, said by a screen reader when Hint adds it (the list below is not a
            // live region: it would read every hint again).
            <p id="hint-announcement" class="visually-hidden" aria-live="polite">{ shown_hints.last().cloned().unwrap_or_default() }</p>
            if !shown_hints.is_empty() {
                if solved {
                    // All right: the hints used fold away under the verdict (they had read as
                    // an explanation of a mistake still there).
                    <details class="practice-hints">
                        <summary id="hints-title">{ format!("{} ({})", T::Hints.get(lang), shown_hints.len()) }</summary>
                        <ul id="practice-hints" class="hint-list">
                            { for shown_hints.into_iter().map(|hint| html! { <li>{ crate::ui::with_code(&hint) }</li> }) }
                        </ul>
                    </details>
                } else {
                    <section class="practice-hints" aria-labelledby="hints-title">
                        <h4 id="hints-title">{ T::Hints.get(lang) }</h4>
                        <ul id="practice-hints" class="hint-list">
                            { for shown_hints.into_iter().map(|hint| html! { <li>{ crate::ui::with_code(&hint) }</li> }) }
                        </ul>
                    </section>
                }
            }
        </article>
    }
}

/// A wrong answer's explanation. Of a semaphore or deadlock exercise, only its first line (the
/// answer's first mistake, or what to look at again) shows; the worked answer, step by step,
/// is folded under it, so a student can try again, or take hints, before reading it all.
fn explanation_view(explanation: &str, folded: bool, lang: Lang) -> Html {
    let split = folded
        .then(|| explanation.split_once('\n'))
        .flatten()
        .filter(|(_, rest)| !rest.trim().is_empty());
    match split {
        Some((lead, rest)) => html! {
            <div id="practice-explanation" class="explanation">
                <p>{ crate::ui::with_code(lead) }</p>
                <details class="worked-answer">
                    <summary>{ T::WorkedAnswer.get(lang) }</summary>
                    <p class="by-line">{ crate::ui::with_code(rest) }</p>
                </details>
            </div>
        },
        None => html! {
            <p id="practice-explanation" class="explanation">{ crate::ui::with_code(explanation) }</p>
        },
    }
}
