//! ProcLab's web app: a Yew single-page app on top of `proclab-core`.
//!
//! [`App`] owns the session through one reducer ([`session::Session`]); components below it take
//! props and send actions up. Browser access is confined to `browser`, `storage`, `files` and the
//! chart modules; the link format to `share`; words to `i18n` and `messages`.

#[cfg(feature = "bench-frames")]
pub mod bench_engine;
pub mod browser;
pub mod chart;
pub mod files;
pub mod learn;
pub mod offline;
pub mod practice;
pub mod route;
pub mod session;
pub mod storage;
pub mod store;
pub mod ui;
pub mod watch;
pub mod worker;

use proclab_app::i18n::{Lang, Text, Words};
use proclab_app::messages;
use proclab_app::practice::text::PracticeText;
use proclab_app::session::{Action, Notice};
use route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

/// The example the workspace still holds unchanged, if one was loaded: the examples menu shows it
/// (after an edit it offers every example again, the one just edited included).
fn shown_preset(
    session: &proclab_app::session::Session,
) -> Option<proclab_core::presets::PresetId> {
    let Some(Notice::Preset(id)) = session.notice else {
        return None;
    };
    let as_loaded = session
        .spec
        .as_deref()
        .is_some_and(|spec| proclab_app::program_words::is_preset(spec, id.as_str()));
    (session.problems.is_none() && as_loaded).then_some(id)
}

thread_local! {
    /// Set by a move to another page that places the window itself: the next change of page
    /// leaves the scroll where that move put it.
    static PLACED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The root component: the router around the page, so every route shares one session. Routes
/// live in the fragment (`#/learn/states`): a static server with no rewrite rules serves every
/// one of them from the folder's `index.html`, whatever folder that is.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <HashRouter>
            <Page />
        </HashRouter>
    }
}

#[function_component(Page)]
fn page() -> Html {
    let session = session::use_session();
    let autosave = session::use_autosave(&session);
    let route = use_route::<Route>().unwrap_or(Route::Simulator);
    session::use_address_follows(
        &session,
        route == Route::Simulator,
        autosave.state == session::Autosave::On,
    );
    worker::use_background_run(&session);
    let lang = session.lang;
    let dispatch = session.dispatcher();
    let navigator = use_navigator();
    let update = offline::use_waiting_update();
    // Another page starts at its top: the router keeps the window's scroll, and a page opened
    // from the bottom of a Learn page had opened at the bottom of the next one, its first lines
    // out of sight. The first page of a visit keeps the browser's own starting point, and a move
    // that placed the window itself (a scenario opened in the simulator: at its top, or at the
    // machine a lesson asks to watch) is left alone.
    // Back and Forward return to where the page was left.
    {
        use_effect_with((), |_| {
            let listeners = browser::remember_scrolls();
            move || drop(listeners)
        });
        let first = use_mut_ref(|| true);
        use_effect_with(route.clone(), move |_| {
            let back_forward = browser::back_forward_position();
            if first.replace(false) || PLACED.with(|placed| placed.replace(false)) {
                return;
            }
            match back_forward {
                Some(y) => browser::scroll_to_later(y),
                None => browser::scroll_to_top(),
            }
        });
    }
    // A share link typed or pasted into the address bar of this tab changes only the fragment:
    // no page load, so the session opens it here.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            // Back or Forward onto an address the page wrote itself (the workload's own link)
            // keeps the workspace: it is the saved one, as new as that link or newer.
            let listener = browser::on_fragment_change(move |fragment| {
                // A set's link opened here pins its language as at a page load.
                if let Some(lang) = browser::language_to_follow() {
                    dispatch.dispatch(Action::SetLang(lang));
                }
                if !browser::address_is_own() {
                    dispatch.dispatch(Action::FollowLink(fragment))
                }
            });
            move || drop(listener)
        });
    }

    let choose = |choice: Lang| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetLang(choice)))
    };
    // Loads a scenario into the simulator and shows it. One of the examples (most Learn pages
    // open one) shows as that example, with its lesson, as when it is chosen from the menu;
    // another may bring its own banner (a Learn page's example built for the page).
    let load = {
        let dispatch = dispatch.clone();
        let on_another_page = route != Route::Simulator;
        Callback::from(
            move |(spec, banner): (proclab_core::ScenarioSpec, Option<Notice>)| {
                // Its programs' comments in the page's language (a practice exercise's are
                // written in English).
                let spec = proclab_app::program_words::spec_in(&spec, lang);
                let notice = proclab_app::program_words::example_of(&spec)
                    .map(Notice::Preset)
                    .or(banner);
                dispatch.dispatch(Action::Load(Box::new(spec), notice));
                if let Some(navigator) = &navigator {
                    if on_another_page {
                        PLACED.with(|placed| placed.set(true));
                    }
                    navigator.push(&Route::Simulator);
                }
                browser::scroll_to_top();
            },
        )
    };
    let open_in_simulator = load.reform(|spec| (spec, None));
    let open_lesson = load.reform(|opened: learn::Opened| {
        ui::results_panel::show_machine_on_open();
        let notice = Notice::Lesson {
            title: opened.title,
            lesson: opened.notice,
            edited: false,
        };
        (opened.spec, Some(notice))
    });
    // Each page names itself in the tab's title (a screen reader says it on arrival; tabs and
    // history tell the pages apart).
    {
        let title = match &route {
            Route::Simulator | Route::NotFound => Text::NavSimulator.get(lang).to_string(),
            Route::Practice => PracticeText::NavPractice.get(lang).to_string(),
            Route::Learn => Text::NavLearn.get(lang).to_string(),
            Route::LearnTopic { topic } => match learn::topic::Topic::from_slug(topic) {
                Some(topic) => format!("{} · {}", topic.title(lang), Text::NavLearn.get(lang)),
                None => Text::NavLearn.get(lang).to_string(),
            },
        };
        use_effect_with(title, |title| {
            gloo::utils::document().set_title(&format!("{title} — ProcLab"));
        });
    }
    let on_simulator = matches!(route, Route::Simulator | Route::NotFound);
    let on_practice = route == Route::Practice;
    let on_learn = !on_simulator && !on_practice;
    let current_page = |current: bool| {
        html! {
            if current {
                <span class="visually-hidden">{ Text::CurrentPage.get(lang) }</span>
            }
        }
    };
    html! {
        <div class="app">
            if let Some(worker) = update {
                <div id="update-ready" class="notice update-ready" role="status">
                    <p>{ Text::UpdateReady.get(lang) }</p>
                    <button type="button" id="update-reload" class="primary"
                        onclick={ Callback::from(move |_: MouseEvent| offline::switch_to(&worker)) }>
                        { Text::UpdateReload.get(lang) }
                    </button>
                </div>
            }
            <header class="app-header">
                <div class="brand">
                    <h1 id="app-title">{ Text::AppTitle.get(lang) }</h1>
                    <p class="tagline">{ Text::Tagline.get(lang) }</p>
                </div>
                <nav class="main-nav" aria-label={ Text::MainNav.get(lang) }>
                    // The page shown is marked for the eye by its class, for a screen reader in words.
                    <Link<Route> to={Route::Simulator} classes={classes!(on_simulator.then_some("current"))}>{ Text::NavSimulator.get(lang) }{ current_page(on_simulator) }</Link<Route>>
                    <Link<Route> to={Route::Learn} classes={classes!(on_learn.then_some("current"))}>{ Text::NavLearn.get(lang) }{ current_page(on_learn) }</Link<Route>>
                    <Link<Route> to={Route::Practice} classes={classes!(on_practice.then_some("current"))}>{ PracticeText::NavPractice.get(lang) }{ current_page(on_practice) }</Link<Route>>
                </nav>
                <div class="lang-switch" role="group" aria-label={ Text::LanguageLabel.get(lang) }>
                    <button id="lang-ko" lang="ko" aria-pressed={ (lang == Lang::Ko).to_string() }
                        onclick={ choose(Lang::Ko) }>{ "한국어" }</button>
                    <button id="lang-en" lang="en" aria-pressed={ (lang == Lang::En).to_string() }
                        onclick={ choose(Lang::En) }>{ "English" }</button>
                </div>
            </header>
            { match route {
                Route::Simulator | Route::NotFound => html! { <Workspace session={session.clone()} {autosave} /> },
                Route::Practice => html! { <practice::Practice {lang} on_open={open_in_simulator} /> },
                Route::Learn => html! { <learn::Learn {lang} topic={None::<AttrValue>} on_open={open_lesson.clone()} /> },
                Route::LearnTopic { topic } => html! { <learn::Learn {lang} topic={Some(AttrValue::from(topic))} on_open={open_lesson} /> },
            } }
        </div>
    }
}

/// Says when the workspace is not being saved, and why; after another tab saved, offers the
/// two ways out (this tab's work, or the other tab's).
fn autosave_status(autosave: &session::AutosaveHandle, lang: Lang) -> Html {
    match autosave.state {
        session::Autosave::On => html! {},
        session::Autosave::Off => html! {
            <div id="autosave-status" class="notice autosave-off" role="status" data-state="off">
                <p>{ Text::AutosaveOff.get(lang) }</p>
            </div>
        },
        session::Autosave::Elsewhere => html! {
            <div id="autosave-status" class="notice autosave-elsewhere" role="status" data-state="elsewhere">
                <p>{ Text::AutosaveElsewhere.get(lang) }</p>
                <button type="button" id="autosave-keep-here" onclick={autosave.keep_here.clone()}>{ Text::AutosaveKeepHere.get(lang) }</button>
                <button type="button" id="autosave-open-saved" onclick={autosave.open_saved.clone()}>{ Text::AutosaveOpenSaved.get(lang) }</button>
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct WorkspaceProps {
    session: session::SessionHandle,
    autosave: session::AutosaveHandle,
}

/// The simulator: notices, the toolbar, the editor and settings, and the results.
#[function_component(Workspace)]
fn workspace(props: &WorkspaceProps) -> Html {
    let session = &props.session;
    let lang = session.lang;
    let dispatch = session.dispatcher();
    // The example on screen stays named in the menu while its workload is the one loaded, also
    // once another notice ("link copied") replaces its lesson: the menu had gone back to
    // "Choose an example".
    let example = {
        // The spec itself is held, not its address: a freed spec's address reused by another
        // workload had named an example the workload on screen was not.
        let remembered = use_mut_ref(|| {
            None::<(
                proclab_core::presets::PresetId,
                std::rc::Rc<proclab_core::ScenarioSpec>,
            )>
        });
        let shown = shown_preset(session);
        match (shown, session.spec.as_ref()) {
            (Some(id), Some(spec)) => {
                *remembered.borrow_mut() = Some((id, spec.clone()));
                Some(id)
            }
            (_, spec) => remembered
                .borrow()
                .as_ref()
                .filter(|(_, loaded)| {
                    spec.is_some_and(|spec| std::rc::Rc::ptr_eq(loaded, spec))
                        && session.problems.is_none()
                })
                .map(|(id, _)| *id),
        }
    };
    let dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Notify(None)))
    };
    let undo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Undo))
    };
    let messages = session.field_messages();
    let has_problems = session.problems.is_some();
    let settings = std::rc::Rc::new(session.draft.settings());
    html! {
        <>
            // A paste is said where it was made, under the paste box, with its own Undo: the
            // banner repeated it at the page's top, long after the paste was forgotten.
            if let Some(notice) = session.notice.as_ref().filter(|notice| !matches!(notice, Notice::Pasted(..) | Notice::PasteBroken(_))) {
                { {
                    let (is_error, text) = messages::notice_text(notice, lang);
                    html! {
                        <div id="notice" class={classes!("notice", is_error.then_some("error"), notice.is_stale().then_some("stale"))} role={ if is_error { "alert" } else { "status" } }>
                            <div class="notice-text">
                                if let Some(now) = session.lesson_now() {
                                    <p class="lesson-now">{ messages::lesson_now(now, lang) }</p>
                                }
                                // A description folds on a phone; what went wrong never does (the
                                // place of a file's mistake had been cut off behind "More").
                                if is_error {
                                    <p lang={lang.tag()}>{ text.clone() }</p>
                                } else {
                                    <ui::clamped::Clamped key={text.as_str()} {lang} text={AttrValue::from(text.clone())} />
                                }
                            </div>
                            if session.previous.is_some() && (notice.can_undo() || matches!(notice, Notice::Preset(_) | Notice::Lesson { .. } | Notice::FileOpened | Notice::FileInvalid(_))) {
                                <button type="button" id="undo" onclick={undo}>{ Text::Undo.get(lang) }</button>
                            }
                            <button type="button" onclick={dismiss} aria-label={Text::Dismiss.get(lang)}>{ "✕" }</button>
                        </div>
                    }
                } }
            }
            { autosave_status(&props.autosave, lang) }
            <ui::toolbar::Toolbar {lang} spec={session.spec.clone()} {has_problems} preset={example} dispatch={dispatch.clone()} />
            <main class="workspace">
                // The results come after the whole form on a phone, or many tabs later: one press
                // takes the eye and the keyboard there (shown on a phone, on focus elsewhere).
                if session.simulation.is_some() {
                    <button type="button" id="to-results" class="skip-link"
                        onclick={Callback::from(|_: MouseEvent| browser::go_to("tab-run"))}>{ Text::ToResults.get(lang) }</button>
                }
                <div class="inputs">
                    if session.draft.processes.is_empty() {
                        <section class="empty-state" aria-labelledby="empty-title">
                            <h2 id="empty-title">{ Text::EmptyTitle.get(lang) }</h2>
                            <p>{ Text::EmptyBody.get(lang) }</p>
                        </section>
                    }
                    <div class="setup-bar">
                        <ui::settings::PolicySettings {lang} draft={settings.clone()} messages={messages.clone()} dispatch={dispatch.clone()} />
                        <ui::settings::MachineSettings {lang} draft={settings.clone()} messages={messages.clone()} dispatch={dispatch.clone()}
                            programs={session.draft.processes.iter().any(|process| process.runs_program)} />
                    </div>
                    <ui::workload::Workload {lang} processes={session.draft.processes.clone()} semaphores={session.draft.semaphores.clone()} policy={session.policy()} messages={messages.clone()} dispatch={dispatch.clone()}
                        warmup={session.draft.machine.cache && session.draft.machine.cache_model == proclab_core::CacheModel::Warmup}
                        cache={session.draft.machine.cache}
                        pasted={match &session.notice {
                            Some(notice @ (Notice::Pasted(..) | Notice::PasteBroken(_))) => Some(ui::workload::PasteSaid {
                                words: AttrValue::from(messages::notice_text(notice, lang).1),
                                broken: matches!(notice, Notice::PasteBroken(_)),
                                undo: matches!(notice, Notice::Pasted(_, replaced) if *replaced > 0) && session.previous.is_some(),
                            }),
                            _ => None,
                        }} />
                    <ui::settings::ConventionSettings {lang} draft={settings} messages={messages.clone()} dispatch={dispatch.clone()} />
                </div>
                <div class="outputs">
                    if has_problems {
                        <div id="problems-banner" class="notice error problems-banner" role="status">
                            <p>
                                { match (session.simulation.is_some(), session.showing_run_before()) {
                                    (false, _) => Text::FixToRun.get(lang),
                                    (true, Some(_)) => Text::ShowingBeforeField.get(lang),
                                    (true, None) => Text::ShowingLastValid.get(lang),
                                } }
                                { format!(" ({})", messages.len()) }
                            </p>
                            if let Some(first) = messages.first() {
                                <p id="first-problem" class="first-problem">
                                    { Text::FirstProblem.get(lang) }{ " " }
                                    // Which field (its row may be far away): "P1 · Arrival: ",
                                    // "Time quantum: "; nothing where the message names the
                                    // process and the field already.
                                    // A process with no name is said by its place in the list.
                                    { match first.field.process().and_then(|at| session.draft.processes.get(at).map(|process| (at, process))) {
                                        Some((at, process)) => {
                                            let name = process.name.trim();
                                            let column = ui::workload::field_title(first.field, lang);
                                            if first.text.contains(name) && !name.is_empty() { String::new() }
                                            else if name.is_empty() { lang.pick([format!("{}번째 프로세스 · {column}: ", at + 1), format!("Process {} · {column}: ", at + 1)]) }
                                            else { format!("{name} · {column}: ") }
                                        }
                                        None => ui::settings::setting_title(first.field, lang).map(|title| format!("{title}: ")).unwrap_or_default(),
                                    } }
                                    { first.text.clone() }
                                </p>
                            }
                            if !messages.is_empty() {
                                <button type="button" id="go-to-problem" onclick={ {
                                    let ids: Vec<String> = messages.iter().map(|message| message.field.dom_id()).collect();
                                    // The problem the banner names first, then (if its field is
                                    // not on the page) the first on the page.
                                    Callback::from(move |_: MouseEvent| {
                                        if !browser::reveal_first(&ids[..1]) {
                                            browser::reveal_first(&ids);
                                        }
                                    })
                                } }>{ Text::GoToProblem.get(lang) }</button>
                            }
                        </div>
                    }
                    if session.pending.is_some() && session.problems.is_none() {
                        <div id="run-progress" class="notice run-progress" role="status" aria-live="polite">
                            <progress aria-label={Text::Simulating.get(lang)}></progress>
                            <span>{ Text::Simulating.get(lang) }</span>
                        </div>
                    }
                    if let Some(simulation) = &session.simulation {
                        <div class={classes!("results", session.results_are_stale().then_some("stale"))}>
                            <ui::results_panel::ResultsPanel {lang} simulation={simulation.clone()} spec={session.spec.clone()} dispatch={dispatch.clone()} stale={session.results_are_stale()} loads={session.loads} opened_at={session.opened_at} opened_on_compare={session.opened_on_compare}
                                set_aside={match (&session.notice, session.previous.as_ref().and_then(|draft| draft.schedule.clone())) {
                                    (Some(Notice::ScheduleSetAside(made)), Some(schedule)) => Some((*made, schedule)),
                                    _ => None,
                                }}
                                lesson={match &session.notice {
                                    Some(Notice::Lesson { lesson, edited: false, .. }) => Some(AttrValue::from(lang.pick(*lesson))),
                                    Some(Notice::Preset(id)) => Some(AttrValue::from(proclab_app::i18n::preset_text(*id, lang).1)),
                                    _ => None,
                                }} />
                        </div>
                    }
                </div>
            </main>
        </>
    }
}
