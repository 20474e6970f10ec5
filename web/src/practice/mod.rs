//! The Practice page: a set of scheduling exercises the student solves by hand and checks cell by
//! cell. The state and its reducer live in `proclab_app::practice::state`; this module draws it,
//! keeps the progress in `localStorage` per set, and puts the set's link in the address bar.

mod answer;
mod builder;
mod deadlock;
mod exercise_view;
mod gradebook;
mod mlfq;
mod pipe;
mod race;
mod rules;
mod semaphore;
mod switch;
mod transition;

use crate::store::Store;
use crate::{browser, files, storage};
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::practice::exercise::{Difficulty, Topic};
use proclab_app::practice::set::{
    export_csv, export_file_name, export_json, read_setup, ExerciseSet, Feedback, SetupError, PARAM,
};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::text::{self as practice_text, PracticeText as T};
use proclab_app::watch::playback::Playback;
use proclab_core::ScenarioSpec;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

thread_local! {
    /// The playback "Show" asks the simulator to open with, taken once by the results panel.
    static SHOW_PLAYBACK: std::cell::Cell<Option<Playback>> = const { std::cell::Cell::new(None) };
    /// The simulator's "Open as an exercise" was followed: the page opens at its exercise.
    static TO_EXERCISE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The sets made in this tab (New set, the builder, the rules): Back or Forward to one of
    /// them is not a link followed.
    static MADE_HERE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn made_here(code: &str) -> bool {
    MADE_HERE.with(|made| made.borrow().iter().any(|known| known == code))
}

/// Asks the Practice page about to open to start at the top with the exercise's heading
/// focused (a link from the simulator would keep the simulator's scroll and no focus).
pub fn open_at_exercise() {
    TO_EXERCISE.with(|cell| cell.set(true));
}

/// Asks the next results panel to open its playback as `playback` (paused at the start, or
/// playing up to the first mistake).
pub(crate) fn show_with(playback: Playback) {
    SHOW_PLAYBACK.with(|cell| cell.set(Some(playback)));
}

/// The playback "Show" asked for, once.
pub fn take_show_playback() -> Option<Playback> {
    SHOW_PLAYBACK.with(|cell| cell.take())
}

#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    pub lang: Lang,
    /// Loads a scenario into the simulator and shows it.
    pub on_open: Callback<ScenarioSpec>,
}

/// The set the address bar names, or (with no link, or one unreadable) the one last opened here,
/// or a fresh one.
fn initial_set() -> ExerciseSet {
    match browser::query_param(PARAM).map(|code| ExerciseSet::decode(&code)) {
        Some(Ok(set)) => set,
        // The set last opened here (left for the simulator, say), else a fresh one.
        _ => storage::load_last_set()
            .and_then(|code| ExerciseSet::decode(&code).ok())
            .unwrap_or_else(|| default_set(Topic::Fcfs, Difficulty::Easy, fresh_seed(), 3)),
    }
}

/// Whether the address bar names a set other than the one last opened here, and not one the
/// simulator just opened: a link followed, not this page reloaded.
fn arrived_by_link() -> bool {
    !TO_EXERCISE.with(|cell| cell.get())
        && browser::query_param(PARAM).is_some_and(|code| {
            ExerciseSet::decode(&code).is_ok()
                && storage::load_last_set().as_deref() != Some(code.as_str())
        })
}

fn default_set(topic: Topic, difficulty: Difficulty, seed: u64, count: usize) -> ExerciseSet {
    ExerciseSet::generated(topic, difficulty, seed, count)
}

/// A seed for a new set (the page's only randomness; the exercises follow from it).
pub(crate) fn fresh_seed() -> u64 {
    (js_sys::Math::random() * 100_000.0) as u64
}

#[function_component(Practice)]
pub fn practice(props: &PracticeProps) -> Html {
    let lang = props.lang;
    // A link that names no set (cut short in a message, say) stays in the address bar, so the
    // student can send it back; the set shown meanwhile is not written over it.
    let bad_link = use_state(|| {
        browser::query_param(PARAM).is_some_and(|code| ExerciseSet::decode(&code).is_err())
    });
    let store = {
        use_reducer(move || {
            let set = initial_set();
            let progress = storage::load_practice(&set.storage_key()).unwrap_or_default();
            Store(PracticeState::open(set, progress))
        })
    };
    // A student following a teacher's link sees the set first: making another is folded away,
    // and stays so when the set is opened again (its progress remembers the link).
    let from_link = use_state(|| arrived_by_link() || store.progress.linked);
    {
        // A set this page opened on its own (the last one, a fresh one) is the tab's too.
        let (code, linked) = (store.set.encode(), *from_link);
        use_effect_with((), move |_| {
            if !linked {
                MADE_HERE.with(|made| made.borrow_mut().push(code));
            }
        });
    }
    {
        let store = store.clone();
        let linked = *from_link;
        use_effect_with(linked, move |linked| {
            if *linked {
                store.dispatch(PracticeAction::MarkLinked);
            }
        });
    }
    // Arriving from the simulator's "Open as an exercise": at the top, the exercise's heading
    // focused, so a screen reader starts there.
    use_effect_with((), |_| {
        if TO_EXERCISE.with(|cell| cell.replace(false)) {
            browser::scroll_to_top();
            browser::focus_later(String::from("exercise-title"));
        }
    });
    // Effects: the link in the address bar, the progress in localStorage.
    // A set the student makes (New set, the builder) is a new entry in the tab's history: Back
    // returns to the set before, a teacher's (it had left the site).
    let push_next = use_mut_ref(|| false);
    {
        let code = store.set.encode();
        let push_next = push_next.clone();
        use_effect_with((code, *bad_link), move |(code, bad_link)| {
            if *push_next.borrow() {
                MADE_HERE.with(|made| made.borrow_mut().push(code.clone()));
                browser::push_query_param(PARAM, code);
            } else if !*bad_link {
                browser::set_query_param(PARAM, code);
            }
            *push_next.borrow_mut() = false;
            storage::save_last_set(code);
        });
    }
    {
        let key = store.set.storage_key();
        use_effect_with((key, store.progress.clone()), |(key, progress)| {
            storage::save_practice(key, progress)
        });
    }
    // Another tab of the same set saved its answers: they are shown here too, so neither tab
    // overwrites the other's work unseen (the next save carries both tabs' latest state).
    let synced = use_state(|| false);
    {
        let key = store.set.storage_key();
        let store = store.clone();
        let synced = synced.clone();
        use_effect_with(key, move |key| {
            let read_key = key.clone();
            let listener = storage::on_key_saved_elsewhere(key.clone(), move || {
                if let Some(progress) = storage::load_practice(&read_key) {
                    store.dispatch(PracticeAction::Adopt(progress));
                    synced.set(true);
                }
            });
            move || drop(listener)
        });
    }
    // A set's link typed or pasted into this tab's address bar opens that set.
    {
        let store = store.clone();
        let bad_link = bad_link.clone();
        let from_link = from_link.clone();
        use_effect_with((), move |_| {
            let from_link = from_link.clone();
            let listener = browser::on_fragment_change(move |_| {
                let Some(code) = browser::query_param(PARAM) else {
                    return;
                };
                match ExerciseSet::decode(&code) {
                    Ok(set) => {
                        let progress =
                            storage::load_practice(&set.storage_key()).unwrap_or_default();
                        bad_link.set(false);
                        // Back or Forward among the sets made here is no link followed.
                        let linked = !made_here(&code);
                        from_link.set(linked);
                        store.dispatch(PracticeAction::FollowLink(set, progress));
                        if linked {
                            store.dispatch(PracticeAction::MarkLinked);
                        }
                    }
                    Err(_) => bad_link.set(true),
                }
            });
            move || drop(listener)
        });
    }
    let dispatch = {
        let store = store.clone();
        Callback::from(move |action: PracticeAction| store.dispatch(action))
    };
    // The form starts from the set open when it is a set of one topic and difficulty; a teacher's
    // mixed set would read as four of its first exercise's kind, so the form starts as a new
    // page's does.
    let (first, uniform) = {
        let exercises = &store.set.exercises;
        let first = exercises[0];
        let uniform = exercises
            .iter()
            .all(|id| id.topic == first.topic && id.difficulty == first.difficulty);
        (first, uniform)
    };
    let choice_topic = use_state(|| if uniform { first.topic } else { Topic::Fcfs });
    let choice_difficulty = use_state(|| {
        if uniform {
            first.difficulty
        } else {
            Difficulty::Easy
        }
    });
    let choice_count = use_state(|| {
        if uniform {
            store.set.exercises.len().to_string()
        } else {
            String::from("3")
        }
    });
    // Empty: each "New set" draws a new seed, so pressing it twice gives two sets (a seed shown
    // here would give the same set again). A seed typed stays, to make one set again on purpose.
    let choice_seed = use_state(String::new);
    let setup_errors = use_state(Vec::<SetupError>::new);
    let new_set = {
        let (topic, difficulty, count, seed) = (
            choice_topic.clone(),
            choice_difficulty.clone(),
            choice_count.clone(),
            choice_seed.clone(),
        );
        let dispatch = dispatch.clone();
        let bad_link = bad_link.clone();
        let from_link = from_link.clone();
        let setup_errors = setup_errors.clone();
        let push_next = push_next.clone();
        let current = store.set.encode();
        Callback::from(move |_: MouseEvent| {
            let (count, seed) = match read_setup(&count, &seed) {
                Ok(setup) => setup,
                Err(errors) => {
                    setup_errors.set(errors);
                    return;
                }
            };
            setup_errors.set(Vec::new());
            let seed = seed.unwrap_or_else(fresh_seed);
            let set = default_set(*topic, *difficulty, seed, count);
            let progress = storage::load_practice(&set.storage_key()).unwrap_or_default();
            bad_link.set(false);
            from_link.set(false);
            // Only a set that changes the address is a new entry (the same again is none).
            *push_next.borrow_mut() = set.encode() != current;
            dispatch.emit(PracticeAction::Open(set, progress));
        })
    };
    let open_built = {
        let dispatch = dispatch.clone();
        let bad_link = bad_link.clone();
        let from_link = from_link.clone();
        let push_next = push_next.clone();
        let current = store.set.encode();
        Callback::from(move |set: ExerciseSet| {
            let progress = storage::load_practice(&set.storage_key()).unwrap_or_default();
            bad_link.set(false);
            from_link.set(false);
            *push_next.borrow_mut() = set.encode() != current;
            dispatch.emit(PracticeAction::Open(set, progress));
        })
    };
    // The teacher's rules: the same exercises under them, a new entry in the tab's history, the
    // answers typed so far kept (a teacher trying the set loses nothing).
    let change_rules = {
        let dispatch = dispatch.clone();
        let push_next = push_next.clone();
        let (set, progress) = (store.set.clone(), store.progress.clone());
        Callback::from(move |rules| {
            let next = set.with_rules(rules);
            if next == set {
                return;
            }
            *push_next.borrow_mut() = true;
            let progress =
                storage::load_practice(&next.storage_key()).unwrap_or_else(|| progress.clone());
            dispatch.emit(PracticeAction::Open(next, progress));
        })
    };
    let state = &store.0;
    let link_language = use_state(|| LinkLanguage::Page);
    let link = set_link(&state.set.encode(), lang, *link_language);
    let copied = use_state(|| false);
    let copy = {
        let link = link.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let clipboard = gloo::utils::window().navigator().clipboard();
            let promise = clipboard.write_text(&link);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                copied.set(true);
            });
        })
    };
    let student = use_state(|| storage::load_student().unwrap_or_default());
    let type_student = {
        let student = student.clone();
        Callback::from(move |event: InputEvent| {
            let name = event.target_unchecked_into::<HtmlInputElement>().value();
            storage::save_student(&name);
            student.set(name);
        })
    };
    let unnamed = use_state(|| false);
    let export = |csv: bool| {
        let set = state.set.clone();
        let progress = state.progress.clone();
        let student = (*student).clone();
        let unnamed = unnamed.clone();
        Callback::from(move |_: MouseEvent| {
            // Saved all the same (a student working alone needs no name), and said.
            unnamed.set(student.trim().is_empty());
            if csv {
                files::download_text(
                    &export_file_name(&student, "csv"),
                    "text/csv",
                    &export_csv(&set, &progress, &student),
                );
            } else {
                files::download_text(
                    &export_file_name(&student, "json"),
                    "application/json",
                    &export_json(&set, &progress, &student),
                );
            }
        })
    };
    let select_topic = {
        let choice_topic = choice_topic.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(topic) = Topic::from_code(&value) {
                choice_topic.set(topic);
            }
        })
    };
    let select_difficulty = {
        let choice_difficulty = choice_difficulty.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(level) = Difficulty::from_code(&value) {
                choice_difficulty.set(level);
            }
        })
    };
    let typed = |handle: UseStateHandle<String>| {
        Callback::from(move |event: InputEvent| {
            handle.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let count = state.exercises.len();
    // The set's link and the student's files.
    let link_label = if *from_link {
        T::CurrentSetLinkAbove
    } else {
        T::CurrentSetLink
    };
    let share = html! {
        <section class={classes!("practice-share", from_link.then_some("after-exercise"))} aria-labelledby="practice-link-label">
            // On a phone the section follows the exercise for every student: it then says "above"
            // (the style sheet shows the one word that holds where the section stands).
            <label class="share-label" id="practice-link-label" for="practice-link">
                if *from_link {
                    { link_label.get(lang) }
                } else {
                    <span class="where-wide">{ link_label.get(lang) }</span>
                    <span class="where-phone">{ T::CurrentSetLinkAbove.get(lang) }</span>
                }
            </label>
            <input id="practice-link" class="link-box" readonly=true value={link} />
            { link_language_select("practice-link-lang", lang, *link_language, {
                let link_language = link_language.clone();
                Callback::from(move |choice| link_language.set(choice))
            }) }
            <button type="button" id="practice-copy" onclick={copy}>{ T::CopyLink.get(lang) }</button>
            if *copied { <span class="hint" role="status">{ T::LinkCopied.get(lang) }</span> }
            // The student's own files on a line of their own: beside the link, a teacher had
            // read the name as part of sharing the set.
            <span class="hand-in" role="group" aria-labelledby="hand-in-label">
                <span id="hand-in-label" class="hand-in-label">{ T::HandIn.get(lang) }</span>
                <span class="student-name">
                    <label for="practice-student">{ T::StudentName.get(lang) }</label>
                    <input id="practice-student" autocomplete="name" value={(*student).clone()} oninput={type_student} />
                </span>
                <button type="button" id="practice-export-json" onclick={export(false)}>{ T::ExportJson.get(lang) }</button>
                <button type="button" id="practice-export-csv" onclick={export(true)}>{ T::ExportCsv.get(lang) }</button>
                if *unnamed && student.trim().is_empty() {
                    <span id="practice-unnamed" class="hint" role="status">{ T::NoNameExported.get(lang) }</span>
                }
                // A spreadsheet of a ruled set had shown an empty verdict column, unexplained.
                if !state.set.rules.exports_marks() {
                    <span id="practice-no-marks" class="hint">{ T::ExportWithoutMarks.get(lang) }</span>
                }
            </span>
        </section>
    };
    html! {
        <main class="practice" aria-labelledby="practice-title">
            <h2 id="practice-title">{ T::Title.get(lang) }</h2>
            // What Check does, as the set's rules have it (marks only had been promised the
            // explanation the rules take away).
            <p class="hint">{ match state.set.rules.feedback {
                Feedback::Full => T::Intro.get(lang),
                Feedback::Marks => T::IntroMarks.get(lang),
                Feedback::Hidden => T::IntroHidden.get(lang),
            } }</p>
            if *bad_link {
                <p class="notice error" role="alert">{ T::BadLink.get(lang) }</p>
            }
            if *synced {
                <p id="practice-synced" class="notice" role="status">{ T::SyncedFromOtherTab.get(lang) }</p>
            }
            if *from_link {
                <p id="practice-from-link" class="notice" role="status">{ practice_text::from_link(count, state.set.rules, lang) }</p>
            }
            // Folded on a page opened from a set's link (the summary shown only then): a student
            // had read the form above the teacher's set as the first thing to fill in. The same
            // element either way, so nothing typed in it or in the builder is lost.
            <details id="practice-make" class={classes!("practice-make", (!*from_link).then_some("unfolded"))} open={!*from_link}>
            <summary>{ T::MakeAnotherSet.get(lang) }</summary>
            // Titled as what it makes: while a set is open its choices could read as that set's.
            <section class="practice-setup setup-bar" aria-labelledby="practice-setup-title">
                <h3 id="practice-setup-title" class="practice-setup-title">{ T::NewSetTitle.get(lang) }</h3>
                <div class="field">
                    <label for="practice-topic">{ T::Topic.get(lang) }</label>
                    <select id="practice-topic" onchange={select_topic}>
                        { for Topic::ALL.iter().map(|topic| html! {
                            <option value={topic.code()} selected={*topic == *choice_topic}>{ topic.label(lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="practice-difficulty">{ T::Difficulty.get(lang) }</label>
                    <select id="practice-difficulty" onchange={select_difficulty}>
                        { for Difficulty::ALL.iter().map(|level| html! {
                            <option value={level.code()} selected={*level == *choice_difficulty}>{ level.label_for(*choice_topic, lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="field narrow">
                    <label for="practice-count">{ T::Count.get(lang) }</label>
                    <input id="practice-count" type="number" min="1" max="20" inputmode="numeric" value={(*choice_count).clone()} oninput={typed(choice_count.clone())}
                        aria-invalid={setup_errors.contains(&SetupError::Count).then_some("true")}
                        aria-describedby={(!setup_errors.is_empty()).then_some("practice-setup-error")} />
                </div>
                <div class="field narrow">
                    <label for="practice-seed">{ T::Seed.get(lang) }</label>
                    <input id="practice-seed" inputmode="numeric" value={(*choice_seed).clone()} oninput={typed(choice_seed.clone())}
                        placeholder={T::SeedPlaceholder.get(lang)}
                        aria-invalid={setup_errors.contains(&SetupError::Seed).then_some("true")}
                        aria-describedby={(!setup_errors.is_empty()).then_some("practice-setup-error")} />
                </div>
                <button type="button" id="practice-new" class="primary" onclick={new_set}>{ T::NewSet.get(lang) }</button>
                if !setup_errors.is_empty() {
                    <p id="practice-setup-error" class="field-error" role="alert">
                        { setup_errors.iter().map(|error| error.message(lang)).collect::<Vec<_>>().join(" ") }
                    </p>
                }
            </section>
            // The teachers' three folds side by side while closed, under one label (three full
            // rows had pushed a student's exercise below the fold of a laptop's screen); one opened
            // spans the row below them.
            <div class="teacher-tools" role="group" aria-labelledby="teacher-tools-label">
                <span id="teacher-tools-label" class="teacher-tools-label">{ lang.pick(["교사용:", "For teachers:"]) }</span>
                <builder::SetBuilder {lang} on_open={open_built.clone()} open_set={state.set.clone()} />
                <gradebook::Gradebook {lang} set={state.set.clone()} on_open={open_built} />
                <rules::SetRulesForm {lang} rules={state.set.rules} on_change={change_rules}
                    locked={*from_link && !state.set.rules.is_open()} />
            </div>
            </details>
            // A student who came from a link sees the exercise first and hands it in at the end
            // (on a phone the link and the hand-in buttons had filled the first screen).
            if !*from_link { { share.clone() } }
            if count > 1 {
                <nav class="exercise-tabs" aria-label={ T::Exercise.get(lang) }>
                    { for state.solved().into_iter().enumerate().map(|(index, solved)| {
                        let dispatch = dispatch.clone();
                        let current = index == state.current;
                        html! {
                            <button type="button" id={format!("exercise-{}", index + 1)} aria-current={current.then_some("step")}
                                class={classes!(current.then_some("current"), solved.then_some("solved"))}
                                onclick={Callback::from(move |_| dispatch.emit(PracticeAction::Goto(index)))}>
                                { format!("{} {}", T::Exercise.get(lang), index + 1) }
                                if solved {
                                    <span class="solved-mark" aria-hidden="true">{ " ✓" }</span>
                                    <span class="visually-hidden">{ lang.pick([" (풀었음)", " (solved)"]) }</span>
                                }
                            </button>
                        }
                    }) }
                </nav>
            }
            <exercise_view::ExerciseView {lang} state={store.0.clone()} dispatch={dispatch} on_open={props.on_open.clone()} />
            if *from_link { { share } }
        </main>
    }
}

/// The language a set's link opens in for a student who has not chosen one: the page's (the
/// default: a Korean teacher's set opens in Korean in a browser set to English), or each
/// student's own (a TA copying in Korean had given every student a Korean page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LinkLanguage {
    Page,
    Students,
}

/// A set's link: its code, with the page's language unless each student's own is chosen.
pub(crate) fn set_link(code: &str, lang: Lang, choice: LinkLanguage) -> String {
    let address = browser::page_address();
    match choice {
        LinkLanguage::Page => format!("{address}#/practice?{PARAM}={code}&lang={}", lang.tag()),
        LinkLanguage::Students => format!("{address}#/practice?{PARAM}={code}"),
    }
}

/// The choice of [`LinkLanguage`] beside a link box, named by the language it would pin.
pub(crate) fn link_language_select(
    id: &'static str,
    lang: Lang,
    choice: LinkLanguage,
    onchange: Callback<LinkLanguage>,
) -> Html {
    let onchange = Callback::from(move |event: Event| {
        let value = event.target_unchecked_into::<HtmlSelectElement>().value();
        onchange.emit(match value.as_str() {
            "students" => LinkLanguage::Students,
            _ => LinkLanguage::Page,
        })
    });
    html! {
        <select {id} class="link-language" aria-label={lang.pick(["링크를 연 학생의 페이지 언어", "The language the link opens in"])} {onchange}>
            <option value="page" selected={choice == LinkLanguage::Page}>{ lang.pick(["한국어로 열림", "Opens in English"]) }</option>
            <option value="students" selected={choice == LinkLanguage::Students}>{ lang.pick(["학생마다 자기 언어로 열림", "Opens in each student's language"]) }</option>
        </select>
    }
}
