//! Watch the machine run: the five-state diagram, the CPUs, queues, I/O and caches on a canvas,
//! the context switch step by step, playback controls, the PCB inspector and a narrated log.
//!
//! [`Watch`] only puts the parts together: [`controls`] (buttons, speed, scrub bar),
//! [`canvas`] (the picture: one memoised `proclab_view::scene` painted and hit-tested),
//! [`machine_text`] (the same machine in words), [`inspector`] (one PCB) and [`event_log`]
//! (narration). Time enters through [`animation`] (animation frames) and keys through
//! [`keyboard`]. Playback state is a pure reducer (`proclab_app::watch::playback`) owned by the
//! results panel, so the Gantt chart's cursor follows the same tick.

pub mod animation;
#[cfg(feature = "bench-frames")]
mod bench_frames;
pub mod canvas;
pub mod controls;
pub mod event_log;
pub mod inspector;
pub mod keyboard;
pub mod legend;
pub mod machine_text;
pub mod present;

use proclab_core::PolicyKind;
use std::rc::Rc;

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::simulation::Simulation;
use proclab_app::watch::playback::{Playback, PlaybackAction};
use proclab_app::watch::text::WatchText;
use proclab_core::state::MachineState;
use proclab_core::{Event, ThreadRef};
use proclab_view::has_switch;
use yew::prelude::*;

use crate::store::Store;

pub use canvas::WATCH_CANVAS_ID;
pub use keyboard::key_action;
pub use proclab_app::watch::playback::Playback as PlaybackState;

#[derive(Properties, PartialEq)]
pub struct WatchProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
    pub playback: UseReducerHandle<Store<Playback>>,
    /// The thread whose PCB the inspector shows (shared with the Gantt chart's rows).
    pub selected: Option<ThreadRef>,
    pub onselect: Callback<ThreadRef>,
    /// Workloads loaded so far ([`proclab_app::session::Session::loads`]).
    #[prop_or_default]
    pub loads: u64,
    /// The tick the last workload loaded opens at ([`proclab_app::session::Session::opened_at`]).
    #[prop_or_default]
    pub opened_at: u64,
    /// What a Learn page's example asks to watch for, while its banner stands: said again under
    /// the machine's title, where the example opens (the banner is at the page's top, out of view).
    #[prop_or_default]
    pub lesson: Option<AttrValue>,
}

thread_local! {
    /// The tick on screen, for the share link ("Copy link" names the instant the student sees).
    static WATCHED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The tick the machine view shows now (0 before any run).
pub fn watched_tick() -> u64 {
    WATCHED.with(std::cell::Cell::get)
}

/// Sets the tick a link names: the playback's, kept while the comparison is on screen (the
/// machine is not, but its instant is the one the student left it at), 0 where a run has none.
pub fn note_watched(tick: u64) {
    WATCHED.with(|watched| watched.set(tick));
}

/// The machine just before an instant, after it, and the instant's events.
#[derive(PartialEq, Eq)]
pub struct Instant {
    pub before: Rc<MachineState>,
    pub after: Rc<MachineState>,
    pub events: Vec<Event>,
}

/// Computes the states around `tick` (state_at is checkpoint + replay: its cost does not grow
/// with the length of the run).
pub fn instant(simulation: &Simulation, tick: u64) -> Instant {
    let run = &simulation.run;
    // The earlier tick first: `state_at` goes on from where its previous call stopped, so the
    // later one replays a single instant instead of copying a checkpoint again.
    let (before, after) = if tick == 0 {
        let after = Rc::new(run.state_at(tick));
        (Rc::clone(&after), after)
    } else {
        let before = Rc::new(run.state_at(tick - 1));
        (before, Rc::new(run.state_at(tick)))
    };
    let start = run.event_index_at(tick);
    let end = run.event_index_at(tick + 1);
    Instant {
        before,
        after,
        events: run.trace().range(start..end).collect(),
    }
}

/// Threads from which a new run's machine is computed in a task of its own, after the frame that
/// paints the rest of its results. With 100 threads the machine view (its canvas, the inspector's
/// list of every thread) is about a quarter of the elements a run puts on the page; deferring it
/// took a 100-process upload from about 148 ms to 101-123 ms to its results on screen. With
/// 10,000, its first state (every thread admitted, an engine copied) took about 45 ms.
const DEFER_FROM_THREADS: usize = 50;

/// The machine view of a run. A run of many threads shows its machine in a task after the frame
/// that paints the rest of its results; until then the machine last on screen stays (whatever its
/// size), so the page neither waits for it nor jumps.
#[function_component(Watch)]
pub fn watch(props: &WatchProps) -> Html {
    let simulation = props.simulation.clone();
    let end = simulation.run.end_tick();
    // A new run keeps the tick (clamped), unless another workload was loaded since the last run
    // (it starts at 0); a run the student schedules by hand follows its end.
    {
        let playback = props.playback.clone();
        let follow = simulation
            .scenario
            .schedule()
            .is_some_and(|schedule| !schedule.repeat);
        // The loads counted when this view last took a run (none yet: its first run opens at
        // the link's tick, if it came from one).
        let watched = use_mut_ref(|| None::<u64>);
        let (loads, opened_at) = (props.loads, props.opened_at);
        // Keyed on the loads too: a link to the run on screen at another instant changes no run.
        use_effect_with(
            (Rc::as_ptr(&simulation) as usize, end, loads),
            move |(_, end, _)| {
                let restart = (*watched.borrow() != Some(loads)).then_some(opened_at);
                *watched.borrow_mut() = Some(loads);
                playback.dispatch(if follow {
                    PlaybackAction::Follow { end: *end }
                } else {
                    PlaybackAction::Reset { end: *end, restart }
                });
            },
        );
    }
    note_watched(props.playback.tick);
    let deferred = simulation.scenario.threads().len() >= DEFER_FROM_THREADS;
    // The deferred run whose machine may now be computed.
    let ready = use_state(|| None::<Rc<Simulation>>);
    // The run whose machine is on screen.
    let on_screen = use_mut_ref(|| None::<Rc<Simulation>>);
    {
        let ready = ready.clone();
        let simulation = simulation.clone();
        use_effect_with(Rc::as_ptr(&simulation) as usize, move |_| {
            let pending = if deferred {
                Some(crate::browser::after_next_paint(move || {
                    ready.set(Some(simulation))
                }))
            } else {
                // Let a large run go once a small one has replaced it.
                if ready.is_some() {
                    ready.set(None);
                }
                None
            };
            // A newer run cancels the machine of one not yet shown.
            move || drop(pending)
        });
    }
    let lang = props.lang;
    let is_ready = ready
        .as_ref()
        .is_some_and(|ready| Rc::ptr_eq(ready, &simulation));
    let shown = if !deferred || is_ready {
        simulation
    } else {
        match on_screen.borrow().clone() {
            Some(previous) => previous,
            None => {
                return html! {
                    <section class="watch" aria-labelledby="watch-title" aria-busy="true">
                        <div class="watch-head">
                            <h2 id="watch-title">{ WatchText::Title.get(lang) }</h2>
                        </div>
                        <p class="hint">{ WatchText::Preparing.get(lang) }</p>
                    </section>
                };
            }
        }
    };
    *on_screen.borrow_mut() = Some(shown.clone());
    html! {
        <WatchMachine {lang} simulation={shown} playback={props.playback.clone()}
            selected={props.selected} onselect={props.onselect.clone()} lesson={props.lesson.clone()} />
    }
}

/// The size of a presented caption's lines, as a share of their full size: the caption holds
/// three full lines, so four or five are made smaller to fit it (more scroll within it).
fn caption_fit(lines: usize) -> f64 {
    (3.0 / lines.max(3) as f64).max(0.6)
}

/// How much larger the presented Gantt chart is drawn: with the window, up to twice (its 12 px
/// texts 23 px on a 1920 px projector).
fn present_zoom() -> f64 {
    let width = gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|width| width.as_f64())
        .unwrap_or(1000.0);
    (width / 1000.0).clamp(1.0, 2.0)
}

#[function_component(WatchMachine)]
fn watch_machine(props: &WatchProps) -> Html {
    let lang = props.lang;
    let playback = props.playback.clone();
    let simulation = props.simulation.clone();
    let run = &simulation.run;
    let end = run.end_tick();
    let tick = playback.tick;
    let reduced = animation::use_reduced_motion();
    let section = use_node_ref();
    let lesson_open = use_state(|| false);
    // The lesson's words are cut on a phone and in a presentation: its button only where they
    // are (a lesson that fitted its three lines exactly had one, by a count of characters).
    let (presenting, toggle_presentation) = present::use_presentation(section.clone(), "present");
    // Another lesson starts folded.
    {
        let lesson_open = lesson_open.clone();
        use_effect_with(props.lesson.clone(), move |_| lesson_open.set(false));
    }
    let lesson_ref = use_node_ref();
    let lesson_cut = crate::ui::clamped::use_cut_off(
        lesson_ref.clone(),
        *lesson_open,
        (props.lesson.clone(), presenting),
    );

    let current = {
        let simulation = simulation.clone();
        use_memo(
            (Rc::as_ptr(&simulation) as usize, tick),
            move |(_, tick)| instant(&simulation, *tick),
        )
    };
    animation::use_animation_frames(
        playback.dispatcher(),
        playback.playing || playback.animating,
        has_switch(&current.events),
    );
    keyboard::use_playback_keys(playback.dispatcher(), simulation.clone(), tick);
    let log = {
        let simulation = simulation.clone();
        use_memo(
            (current.clone(), tick, lang),
            move |(current, tick, lang)| {
                event_log::log_lines(&simulation.run, &current.after, *tick, *lang)
            },
        )
    };

    let announcement = event_log::announcement(&log);
    // A tick with no event of its own: what goes on (a switch, a refill), else that nothing does.
    let quiet = {
        let going_on = machine_text::going_on(&current.before, &current.after, lang);
        let running = || {
            let instructions = proclab_app::program_view::running_instructions(
                &simulation.scenario,
                &current.after,
            );
            machine_text::running(&current.after, &instructions, lang)
        };
        format!(
            "t={tick}: {}",
            if !going_on.is_empty() {
                going_on
            } else if log.is_empty() {
                WatchText::LogEmpty.get(lang).to_string()
            } else {
                Some(running())
                    .filter(|running| !running.is_empty())
                    .unwrap_or_else(|| WatchText::NothingThisTick.get(lang).to_string())
            }
        )
    };
    // This tick's lines already begin "t=N:"; the label says the tick once.
    let canvas_label = format!(
        "{} {}",
        WatchText::CanvasLabel.get(lang),
        if announcement.is_empty() {
            quiet.clone()
        } else {
            announcement.clone()
        }
    );
    let machine = simulation.scenario.machine();
    let cache_capacity = if machine.cache.enabled {
        machine.cache.capacity
    } else {
        0
    };
    let onaction = {
        let dispatcher = playback.dispatcher();
        Callback::from(move |action: PlaybackAction| dispatcher.dispatch(action))
    };
    // The programs' variables and locks at this tick on one line: presented, beside the playback
    // buttons; else under the picture (on a phone the programs panel is screens above it). The
    // race lesson's counter and its lost updates.
    let memory_line = simulation
        .scenario
        .has_programs()
        .then(|| {
            proclab_app::program_view::presented_line(
                &simulation.run,
                &current.after,
                simulation.analysis(),
                lang,
            )
        })
        .flatten()
        .map(AttrValue::from);
    let presented_memory = memory_line.clone().filter(|_| presenting);
    let present_jump = onaction.reform(|tick: u64| PlaybackAction::Seek {
        tick,
        animate: false,
    });

    // The legend lists only the marks this run can show: what the policy picks by (a slice left
    // `q3`, a burst left `r3`, a prediction `τ4.5`, a priority `p2`), an allotment left (`a0`)
    // under MLFQ. A schedule of the student's own decides instead of the policy's slices.
    let turn_key = match proclab_view::TurnKey::of(simulation.scenario.policy()) {
        proclab_view::TurnKey::Slice if simulation.scenario.schedule().is_some() => {
            proclab_view::TurnKey::None
        }
        key => key,
    };
    let allotments = PolicyKind::of(simulation.scenario.policy()) == PolicyKind::Mlfq;
    // As the waiting box has it: sync objects declared by the programs or the bursts.
    let sync_waits = current
        .after
        .memories
        .iter()
        .any(|memory| !memory.sync.is_empty())
        || !current.after.shared_sync.is_empty();
    let channels = !current.after.queues.is_empty();
    // The instruction each CPU runs in this tick, for the CPUs' boxes.
    // The student's schedule used up, shown at its last instant: the run waits for a choice.
    let awaiting = matches!(
        simulation.run.end(),
        proclab_core::program::RunEnd::ScheduleUsedUp { .. }
    ) && tick == simulation.run.end_tick();
    // A run stopped in a deadlock says so in the picture too, at its last instant (the
    // picture had shown the waiting threads and no word of why nothing moves any more).
    let deadlocked = matches!(
        simulation.run.end(),
        proclab_core::program::RunEnd::Deadlock { .. }
    ) && tick == simulation.run.end_tick();
    // The presented listing keeps the lines being run in its view (a long program's had
    // scrolled them out of it), scrolling only its own box.
    use_effect_with((tick, presenting), |(_, presenting)| {
        if *presenting {
            crate::browser::reveal_current_line("present-code");
        }
    });
    let code = {
        let (simulation, instant) = (simulation.clone(), current.clone());
        use_memo(Rc::as_ptr(&current) as usize, move |_| {
            proclab_app::program_view::running_code(&simulation.scenario, &instant.after)
        })
    };
    html! {
        <section class={classes!("watch", presenting.then_some("presenting"), props.lesson.is_some().then_some("with-lesson"), presented_memory.is_some().then_some("with-memory"))} aria-labelledby="watch-title" tabindex="0" ref={section}>
            <div class="watch-head">
                <h2 id="watch-title">{ WatchText::Title.get(lang) }</h2>
                <button type="button" id="present" aria-pressed={presenting.to_string()} title={WatchText::PresentHint.get(lang)} onclick={toggle_presentation}>
                    { if presenting { WatchText::PresentLeave.get(lang) } else { WatchText::Present.get(lang) } }
                    // The key that leaves it, where there is a keyboard (hidden on a touch screen).
                    if presenting { <span class="keyboard-help">{ " (Esc)" }</span> }
                </button>
                // The chart is under the picture, which fills the screen: a lecturer looking for
                // it had not thought to scroll.
                if presenting {
                    <button type="button" id="present-to-gantt"
                        onclick={Callback::from(|_: MouseEvent| crate::browser::go_to("present-gantt"))}>
                        { lang.pick(["간트 차트 ↓", "Gantt chart ↓"]) }
                    </button>
                }
            </div>
            if let Some(lesson) = &props.lesson {
                // Three lines of it on a phone (a long one had pushed the buttons and the picture
                // below the screen); a tap shows the rest.
                <p id="watch-lesson" lang={lang.tag()} class={classes!("watch-lesson", (!*lesson_open).then_some("clamped"))}
                    onclick={{ let lesson_open = lesson_open.clone(); Callback::from(move |_: MouseEvent| if lesson_cut || *lesson_open { lesson_open.set(!*lesson_open) }) }}>
                    <span ref={lesson_ref} class="watch-lesson-text"><strong>{ lang.pick(["지켜볼 것: ", "What to watch: "]) }</strong>{ lesson.clone() }</span>
                    // Where the lesson is cut short (a phone, a presentation) a button says there
                    // is more and reaches it from the keyboard too (its press is the paragraph's
                    // click); a lesson that fits whole has none.
                    if lesson_cut || *lesson_open {
                        <button type="button" class="lesson-more small" aria-expanded={lesson_open.to_string()} aria-controls="watch-lesson">
                            { if *lesson_open { lang.pick(["접기 ▴", "Less ▴"]) } else { lang.pick(["더 보기 ▾", "More ▾"]) } }
                        </button>
                    }
                </p>
            }
            <controls::Controls {lang} playback={playback.0.clone()} {end} aside={presented_memory}
                next_event={simulation.next_told_tick(tick)} previous_event={simulation.previous_told_tick(tick)} {onaction} />
            <p class="hint keyboard-help">{ WatchText::KeyboardHelp.get(lang) }</p>
            if reduced { <p class="hint">{ WatchText::ReducedMotion.get(lang) }</p> }
            // Full screen the log is hidden: this tick's sentences above the picture, large, for
            // the room (screen readers have them in the canvas's label already).
            if presenting {
                { {
                    // A tick's creations in one line: four creations and a dispatch had shared
                    // the caption's room at 12 px.
                    let now: Vec<String> = log.iter().filter(|line| line.now).map(|line| line.text.clone()).collect();
                    let lines = proclab_app::watch::narrate::creations_together(&now, lang);
                    html! {
                        <div id="present-caption" class="present-caption" aria-hidden="true"
                            style={format!("--fit:{:.3}", caption_fit(lines.len()))}>
                            if announcement.is_empty() {
                                <p>{ quiet }</p>
                            } else {
                                { for lines.into_iter().map(|line| html! { <p>{ line }</p> }) }
                            }
                        </div>
                    }
                } }
            }
            // Presented, what the picture cannot hold stands beside it: at a deadlock's last
            // instant its resource-allocation graph (the room had only the picture's small list
            // of who waits for what), else the programs with the line each thread runs next (a
            // lecturer could not point at a race's load and store).
            <div class={classes!("watch-stage", (presenting && (deadlocked || simulation.scenario.has_programs())).then_some("with-graph"))}>
                <canvas::WatchCanvas {lang} instant={current.clone()} {tick} progress={playback.progress} code={code}
                    reduced_motion={reduced} {cache_capacity} {turn_key} selected={props.selected}
                    onselect={props.onselect.clone()} label={canvas_label} strong={presenting}
                    scheduled={props.simulation.scenario.schedule().is_some()} {awaiting} {deadlocked}
                    processes_only={props.simulation.scenario.machine().thread_model == proclab_core::spec::ThreadModel::User} />
                if presenting && deadlocked {
                    <crate::ui::programs::WaitGraph {lang} simulation={props.simulation.clone()} id="present-wait-graph" />
                } else if presenting && simulation.scenario.has_programs() {
                    <div class="present-code" id="present-code">
                        { for simulation.scenario.processes().iter().enumerate().filter(|(_, process)| process.program().is_some())
                            .map(|(pid, _)| crate::ui::programs::listing(&simulation.scenario, &current.after, pid, lang, "present-", false)) }
                    </div>
                }
            </div>
            // Presented, the run's Gantt chart under the picture, its cursor at this tick and its
            // texts as large as the screen allows (a lecturer had to leave the presentation to
            // show it); a click on it moves playback there.
            if presenting {
                <div class="present-gantt" id="present-gantt" tabindex="-1">
                    <crate::chart::GanttChart simulation={simulation.clone()} {lang} cursor={Some(tick)}
                        onjump={present_jump} onselect={props.onselect.clone()}
                        canvas_id="present-gantt-canvas" zoom={present_zoom()} bare=true />
                </div>
            }
            // The programs' variables and locks under the picture, in the words of the presented
            // bar (a teacher on a phone had the tables three screens above it). Presented, only
            // on a phone (the style sheet), where the bar has room for two lines of it.
            if let Some(line) = memory_line {
                <p id="watch-memory" class="watch-memory" aria-live="off">{ line }</p>
            }
            // On a phone the PCB is far below the picture: a tapped token says where its PCB is.
            if let Some(thread) = props.selected {
                <button type="button" id="to-pcb" class="small to-pcb"
                    onclick={Callback::from(|_: MouseEvent| crate::browser::go_to("inspector-title"))}>
                    { lang.pick([
                        format!("{}의 PCB 보기 ↓", proclab_view::thread_label(&current.after, thread)),
                        format!("{}'s PCB ↓", proclab_view::thread_label(&current.after, thread)),
                    ]) }
                </button>
            }
            <legend::Legend {lang} {turn_key} {allotments} {sync_waits} {channels}
                io={simulation.scenario.has_programs() || simulation.scenario.threads().iter().any(|thread| thread.bursts().len() > 1)}
                cache={cache_capacity > 0} />
            <machine_text::MachineText {lang} state={current.after.clone()} {awaiting} {turn_key} />
            <div class="watch-side">
                <inspector::Inspector {lang} simulation={props.simulation.clone()} state={current.after.clone()} selected={props.selected} onselect={props.onselect.clone()} />
                <event_log::EventLog {lang} lines={log} earlier={event_log::leaves_out_earlier(&simulation.run, tick)} {tick} playing={playback.playing} />
            </div>
        </section>
    }
}
