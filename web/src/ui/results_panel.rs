//! The results side of the page: the run (Gantt chart, metrics, conventions) or the comparison of
//! every policy on the same workload, with the downloads of each.

use proclab_app::lang::Words;
use std::rc::Rc;

use crate::files;
use crate::store::Store;
use crate::ui::results::{ConventionsInForce, MetricsTable, PractiseWorkload};
use crate::watch::Watch;
use crate::worker::ComparisonState;
use proclab_app::files as file_formats;
use proclab_app::i18n::{Lang, Text};
use proclab_app::messages;
use proclab_app::simulation::Simulation;
use proclab_core::ScenarioSpec;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
    pub spec: Option<Rc<ScenarioSpec>>,
    /// Sends the choices of "you are the scheduler".
    pub dispatch: crate::session::Dispatch,
    /// The form has problems: these results are the last valid ones, not what it holds.
    #[prop_or_default]
    pub stale: bool,
    /// [`proclab_app::session::Session::loads`]: another workload's run is watched from its start.
    #[prop_or_default]
    pub loads: u64,
    /// [`proclab_app::session::Session::opened_at`]: the tick a link names.
    #[prop_or_default]
    pub opened_at: u64,
    /// [`proclab_app::session::Session::opened_on_compare`]: the link names the comparison tab.
    #[prop_or_default]
    pub opened_on_compare: bool,
    /// "Hand back to the policy" has just set aside this many choices ([`Notice::ScheduleSetAside`]).
    #[prop_or_default]
    pub set_aside: Option<(usize, proclab_core::spec::ScheduleSpec)>,
    /// A Learn example's lesson while its banner stands ([`crate::watch::WatchProps::lesson`]).
    #[prop_or_default]
    pub lesson: Option<AttrValue>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Run,
    Compare,
}

impl Tab {
    fn id(self) -> &'static str {
        match self {
            Tab::Run => "tab-run",
            Tab::Compare => "tab-compare",
        }
    }
}

thread_local! {
    /// The comparison of every policy is on screen, for the share link ("Copy link" opens on the
    /// tab the teacher shows).
    static COMPARE_SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the results show the comparison of every policy now.
pub fn compare_shown() -> bool {
    COMPARE_SHOWN.with(std::cell::Cell::get)
}

thread_local! {
    /// A Learn page's example was opened ("press Play to watch it run"): the next results panel
    /// brings its machine into view.
    static MACHINE_ON_OPEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Asks the next results panel to open with its machine in view, where a lesson asks the reader to
/// watch it run (the page had opened at the top, the machine a screen and a half below).
pub fn show_machine_on_open() {
    MACHINE_ON_OPEN.with(|cell| cell.set(true));
}

#[function_component(ResultsPanel)]
pub fn results_panel(props: &ResultsPanelProps) -> Html {
    let lang = props.lang;
    let tab = use_state(|| {
        if props.opened_on_compare {
            Tab::Compare
        } else {
            Tab::Run
        }
    });
    // A link copied on the comparison opens on it, in this tab as in a new one.
    {
        let tab = tab.clone();
        use_effect_with(
            (props.loads, props.opened_on_compare),
            move |(_, on_compare)| {
                if *on_compare {
                    tab.set(Tab::Compare);
                }
            },
        );
    }
    // The warm-up model runs round robin only: there is nothing to compare.
    let comparable = props.simulation.warmup.is_none();
    COMPARE_SHOWN.with(|cell| cell.set(*tab == Tab::Compare && comparable));
    let comparison =
        crate::worker::use_comparison(props.spec.clone(), *tab == Tab::Compare && comparable);
    // Practice's "Show" plays the run up to the student's first mistake, with the machine in
    // view (the page had opened at its top, the replay below the fold on a phone).
    let shown = use_memo((), |_| crate::practice::take_show_playback());
    let playback = {
        let shown = shown.clone();
        use_reducer(move || Store((*shown).clone().unwrap_or_default()))
    };
    // The warm-up model's results have no machine and no instant to share.
    crate::watch::note_watched(if comparable { playback.0.tick } else { 0 });
    {
        let shown = shown.is_some() || MACHINE_ON_OPEN.with(|cell| cell.replace(false));
        use_effect_with((), move |_| {
            if shown {
                crate::browser::go_to("watch-title");
            }
        });
    }
    let selected = use_state(|| None::<proclab_core::ThreadRef>);
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |thread: proclab_core::ThreadRef| selected.set(Some(thread)))
    };
    let select = |choice: Tab| {
        let tab = tab.clone();
        Callback::from(move |_: MouseEvent| tab.set(choice))
    };
    // The tabs' keys (the ARIA tabs pattern): an arrow moves to the other tab, Home to the first,
    // End to the last; the tab chosen takes the focus, and only it is a Tab stop.
    let on_tab_key = {
        let tab = tab.clone();
        Callback::from(move |event: KeyboardEvent| {
            let next = match event.key().as_str() {
                "ArrowLeft" | "ArrowRight" => match *tab {
                    Tab::Run => Tab::Compare,
                    Tab::Compare => Tab::Run,
                },
                "Home" => Tab::Run,
                "End" => Tab::Compare,
                _ => return,
            };
            event.prevent_default();
            tab.set(next);
            crate::browser::focus(next.id());
        })
    };
    let tab_stop = |choice: Tab| if *tab == choice { "0" } else { "-1" };
    let simulation = props.simulation.clone();
    let on_jump = {
        let playback = playback.clone();
        Callback::from(move |tick: u64| {
            playback.dispatch(proclab_app::watch::playback::PlaybackAction::Seek {
                tick,
                animate: false,
            })
        })
    };
    let on_csv = {
        let simulation = simulation.clone();
        Callback::from(move |_| {
            files::download_text(
                &file_formats::download_name(simulation.scenario.spec(), "metrics", "csv"),
                "text/csv",
                &file_formats::metrics_csv(&simulation.run, lang),
            )
        })
    };
    let on_svg = {
        let simulation = simulation.clone();
        Callback::from(move |_| {
            let model = crate::chart::gantt_model(&simulation, lang);
            files::download_text(
                &file_formats::download_name(simulation.scenario.spec(), "gantt", "svg"),
                "image/svg+xml",
                &crate::chart::gantt_download(&model).svg,
            );
        })
    };
    let on_png = {
        let simulation = simulation.clone();
        Callback::from(move |_| {
            let model = crate::chart::gantt_model(&simulation, lang);
            let download = crate::chart::gantt_download(&model);
            files::download_svg_as_png(
                &file_formats::download_name(simulation.scenario.spec(), "gantt", "png"),
                &download.svg,
                download.width,
                download.height,
            );
        })
    };
    html! {
        <>
            <div class="tabs" role="tablist" aria-label={Text::Results.get(lang)} onkeydown={on_tab_key}>
                <button type="button" role="tab" id="tab-run" aria-selected={(*tab == Tab::Run).to_string()}
                    aria-controls="results-panel" tabindex={tab_stop(Tab::Run)} onclick={select(Tab::Run)}>
                    { Text::Results.get(lang) }</button>
                <button type="button" role="tab" id="tab-compare" aria-selected={(*tab == Tab::Compare).to_string()}
                    aria-controls="results-panel" tabindex={tab_stop(Tab::Compare)} onclick={select(Tab::Compare)}>
                    { Text::Compare.get(lang) }</button>
            </div>
            // The panel adds no box of its own (display: contents): the page lays its parts out
            // as before.
            <div role="tabpanel" id="results-panel" class="results-panel" aria-labelledby={(*tab).id()}>
            if simulation.warmup.is_some() {
                if *tab == Tab::Run {
                    <crate::ui::warmup::WarmupResults {lang} simulation={simulation.clone()} />
                } else {
                    <p class="notice" id="warmup-no-compare">{ Text::WarmupNoCompare.get(lang) }</p>
                }
            } else if *tab == Tab::Run {
                <section class="gantt" aria-labelledby="gantt-title">
                    <div class="section-head">
                        <h2 id="gantt-title">{ Text::Gantt.get(lang) }</h2>
                        <div class="downloads">
                            // Their names say what they download, as the comparison's do.
                            <button type="button" id="download-png" class="small" onclick={on_png}
                                aria-label={format!("{} · {}", Text::DownloadPng.get(lang), Text::Gantt.get(lang))}>{ Text::DownloadPng.get(lang) }</button>
                            <button type="button" id="download-svg" class="small" onclick={on_svg}
                                aria-label={format!("{} · {}", Text::DownloadSvg.get(lang), Text::Gantt.get(lang))}>{ Text::DownloadSvg.get(lang) }</button>
                            <button type="button" id="download-csv" class="small" onclick={on_csv}>{ Text::DownloadCsv.get(lang) }</button>
                        </div>
                    </div>
                    <crate::chart::GanttChart simulation={simulation.clone()} {lang} cursor={Some(playback.tick)} onjump={on_jump} onselect={on_select.clone()} />
                </section>
                if simulation.scenario.has_programs() {
                    <crate::ui::programs::Programs {lang} simulation={simulation.clone()} playback={playback.clone()} dispatch={props.dispatch.clone()} set_aside={props.set_aside.clone()} />
                }
                <MetricsTable {lang} simulation={simulation.clone()} />
                <Watch {lang} simulation={simulation.clone()} playback={playback.clone()} selected={*selected} onselect={on_select.clone()} loads={props.loads} opened_at={props.opened_at} lesson={props.lesson.clone()} />
                <ConventionsInForce {lang} simulation={simulation.clone()} />
                <PractiseWorkload {lang} simulation={simulation.clone()} stale={props.stale} />
            } else {
                <CompareProgress {comparison} {lang} file_stem={file_formats::download_stem(simulation.scenario.spec())}
                    note={proclab_app::chart::compare_model::compare_note(simulation.scenario.spec(), lang).map(AttrValue::from)} />
            }
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CompareProgressProps {
    comparison: ComparisonState,
    lang: Lang,
    /// How the downloads' names start.
    file_stem: AttrValue,
    /// What the comparison runs with that the form may not show.
    note: Option<AttrValue>,
}

/// The comparison once the worker has it; until then how far it has got.
#[function_component(CompareProgress)]
fn compare_progress(props: &CompareProgressProps) -> Html {
    let lang = props.lang;
    match &props.comparison {
        ComparisonState::Ready(comparison) => {
            html! { <crate::chart::CompareView comparison={Rc::clone(comparison)} {lang} file_stem={props.file_stem.clone()} note={props.note.clone()} /> }
        }
        ComparisonState::Running { finished, total } => html! {
            <div class="compare-progress" role="status" aria-live="polite">
                <p>{ Text::Comparing.get(lang) }</p>
                <progress id="compare-progress" max={total.max(&1).to_string()}
                    value={finished.to_string()}
                    aria-label={Text::Comparing.get(lang)}></progress>
                <p class="compare-count">{ messages::runs_done(*finished, *total, lang) }</p>
            </div>
        },
        ComparisonState::Failed(reason) => html! {
            <p class="compare-progress" role="alert">
                { Text::CompareFailed.get(lang) }{ " " }<code>{ reason }</code>
            </p>
        },
        ComparisonState::Idle => Html::default(),
    }
}
