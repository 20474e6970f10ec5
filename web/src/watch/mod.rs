//! Watch the machine run: the five-state diagram, the CPUs, queues, I/O and caches on a canvas,
//! the context switch step by step, playback controls, the PCB inspector and a narrated log.
//!
//! The scene comes from `proclab_view::scene` (pure, tested natively); [`canvas`] only paints it.
//! Playback state is a reducer ([`playback`]) owned by the results panel, so the Gantt chart's
//! cursor follows the same tick.

pub mod canvas;
pub mod inspector;

use proclab_app::lang::Words;
use std::cell::RefCell;
use std::rc::Rc;

use crate::store::Store;
use proclab_app::i18n::Lang;
use proclab_app::simulation::Simulation;
use proclab_app::watch::playback::{Playback, PlaybackAction, SPEEDS};
use proclab_app::watch::text::WatchText;
use proclab_core::state::MachineState;
use proclab_core::{Event, ThreadRef};
use proclab_view::{has_switch, queue_entry_at, scene, token_at, token_radius, Point, Size};
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

pub use proclab_app::watch::playback::Playback as PlaybackState;

/// The id of the watch canvas.
pub const WATCH_CANVAS_ID: &str = "watch-canvas";

#[derive(Properties, PartialEq)]
pub struct WatchProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
    pub playback: UseReducerHandle<Store<Playback>>,
    /// The thread whose PCB the inspector shows (shared with the Gantt chart's rows).
    pub selected: Option<ThreadRef>,
    pub onselect: Callback<ThreadRef>,
}

/// The machine just before an instant, after it, and the instant's events.
#[derive(PartialEq)]
pub struct Instant {
    pub before: Rc<MachineState>,
    pub after: Rc<MachineState>,
    pub events: Vec<Event>,
}

/// Computes the states around `tick` (state_at is checkpoint + replay: its cost does not grow
/// with the length of the run).
pub fn instant(simulation: &Simulation, tick: u64) -> Instant {
    let run = &simulation.run;
    let after = Rc::new(run.state_at(tick));
    let before = if tick == 0 {
        Rc::clone(&after)
    } else {
        Rc::new(run.state_at(tick - 1))
    };
    let start = run.event_index_at(tick);
    let end = run.event_index_at(tick + 1);
    Instant {
        before,
        after,
        events: run.events()[start..end].to_vec(),
    }
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or(0.0)
}

/// Records frame intervals on `window.__proclabFrames` for the frame-time benchmark.
fn record_frame(interval: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = wasm_bindgen::JsValue::from_str("__proclabFrames");
    let frames = js_sys::Reflect::get(&window, &key)
        .ok()
        .filter(|value| value.is_object());
    let frames = frames.unwrap_or_else(|| {
        let array = js_sys::Array::new();
        let _ = js_sys::Reflect::set(&window, &key, &array);
        array.into()
    });
    let array: js_sys::Array = frames.unchecked_into();
    if array.length() < 100_000 {
        array.push(&wasm_bindgen::JsValue::from_f64(interval));
    }
}

/// The playback action of a key: Space plays or pauses, arrows step a tick, Shift+arrows step an
/// event, Home and End jump to the ends.
pub fn key_action(
    key: &str,
    shift: bool,
    tick: u64,
    run: &proclab_core::Run,
) -> Option<PlaybackAction> {
    let seek = |tick: u64, animate: bool| PlaybackAction::Seek { tick, animate };
    match (key, shift) {
        (" ", _) => Some(PlaybackAction::Toggle),
        ("ArrowRight", false) => Some(seek(tick + 1, true)),
        ("ArrowLeft", false) => Some(seek(tick.saturating_sub(1), false)),
        ("ArrowRight", true) => run.next_event_tick(tick).map(|tick| seek(tick, true)),
        ("ArrowLeft", true) => run.previous_event_tick(tick).map(|tick| seek(tick, false)),
        ("Home", _) => Some(seek(0, false)),
        ("End", _) => Some(seek(run.end_tick(), false)),
        _ => None,
    }
}

/// True when the key goes to a field or a control with keys of its own.
fn typing_target(event: &KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(
        element.tag_name().as_str(),
        "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON" | "SUMMARY" | "A"
    ) || element
        .closest("[contenteditable]")
        .ok()
        .flatten()
        .is_some()
}

/// Most entries a queue or the I/O list spells out; the rest are counted.
const LISTED: usize = 24;

/// `items` joined by `separator`, the first [`LISTED`] of them, then `… +N`; `—` when empty.
fn listed(items: impl ExactSizeIterator<Item = String>, separator: &str) -> String {
    let total = items.len();
    if total == 0 {
        return "—".to_string();
    }
    let mut text = items.take(LISTED).collect::<Vec<_>>().join(separator);
    if total > LISTED {
        text.push_str(&format!(" … +{}", total - LISTED));
    }
    text
}

/// One CPU in words: what it runs, loads or waits for.
fn cpu_line(cpu: &proclab_core::state::CpuState, state: &MachineState, lang: Lang) -> String {
    use proclab_core::state::CpuActivity;
    let label = |thread: ThreadRef| proclab_view::thread_label(state, thread);
    let doing = match cpu.activity {
        CpuActivity::Idle => WatchText::Idle.get(lang).to_string(),
        CpuActivity::Running { thread } => label(thread),
        CpuActivity::HeldFor { thread } => {
            format!("{} ({})", WatchText::Idle.get(lang), label(thread))
        }
        CpuActivity::Dispatching { thread, until } => {
            format!(
                "{} → {} ({})",
                WatchText::Latency.get(lang),
                label(thread),
                until.saturating_sub(state.tick)
            )
        }
        CpuActivity::Stalling { thread, until } => {
            format!(
                "{} {} ({})",
                WatchText::Refill.get(lang),
                label(thread),
                until.saturating_sub(state.tick)
            )
        }
    };
    format!("{} {}: {doing}", WatchText::Cpu.get(lang), cpu.cpu)
}

#[function_component(Watch)]
pub fn watch(props: &WatchProps) -> Html {
    let lang = props.lang;
    let playback = props.playback.clone();
    let simulation = props.simulation.clone();
    let end = simulation.run.end_tick();
    let reduced = use_memo((), |_| reduced_motion());
    let selected = props.selected;
    let canvas_ref = use_node_ref();
    let speed_ref = use_node_ref();
    crate::ui::field::use_select_value(speed_ref.clone(), playback.speed.to_string());
    let resized = use_state(|| 0u32);

    // A new run starts at the beginning.
    {
        let playback = playback.clone();
        use_effect_with((Rc::as_ptr(&simulation) as usize, end), move |(_, end)| {
            playback.dispatch(PlaybackAction::Reset { end: *end });
        });
    }

    let current = {
        let simulation = simulation.clone();
        use_memo(
            (Rc::as_ptr(&simulation) as usize, playback.tick),
            move |(_, tick)| instant(&simulation, *tick),
        )
    };

    // Redraw on window resize.
    {
        let resized = resized.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "resize", move |_| {
                    resized.set(*resized + 1)
                })
            });
            move || drop(listener)
        });
    }

    // The animation-frame loop while playing.
    {
        let playback = playback.clone();
        let current = current.clone();
        let switching = has_switch(&current.events);
        use_effect_with(
            (playback.playing || playback.animating, switching),
            move |(playing, switching)| {
                let handle: Rc<RefCell<Option<gloo::render::AnimationFrame>>> =
                    Rc::new(RefCell::new(None));
                if *playing {
                    let switching = *switching;
                    let last = Rc::new(RefCell::new(now()));
                    fn schedule(
                        handle: Rc<RefCell<Option<gloo::render::AnimationFrame>>>,
                        last: Rc<RefCell<f64>>,
                        playback: UseReducerHandle<Store<Playback>>,
                        switching: bool,
                    ) {
                        let next_handle = Rc::clone(&handle);
                        let frame = gloo::render::request_animation_frame(move |timestamp| {
                            let elapsed = (timestamp - *last.borrow()).max(0.0);
                            *last.borrow_mut() = timestamp;
                            record_frame(elapsed);
                            playback.dispatch(PlaybackAction::Advance {
                                milliseconds: elapsed as u32,
                                switching,
                            });
                            schedule(next_handle, last, playback, switching);
                        });
                        *handle.borrow_mut() = Some(frame);
                    }
                    schedule(Rc::clone(&handle), last, playback, switching);
                }
                move || {
                    handle.borrow_mut().take();
                }
            },
        );
    }

    // Paint after every render.
    {
        let canvas_ref = canvas_ref.clone();
        let current = current.clone();
        let progress = if *reduced { 1000 } else { playback.progress };
        let selected = props.selected;
        let cache_capacity = if simulation.scenario.machine().cache.enabled {
            simulation.scenario.machine().cache.capacity
        } else {
            0
        };
        use_effect(move || {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                let width = canvas
                    .parent_element()
                    .map(|parent| parent.client_width())
                    .unwrap_or(800)
                    .max(280) as f64;
                // Narrow screens stack the diagram over the machine, so they need more height.
                let height = if width < 600.0 {
                    width * 1.5
                } else {
                    width * 0.55
                }
                .clamp(340.0, 760.0);
                let scale = web_sys::window()
                    .map(|window| window.device_pixel_ratio())
                    .unwrap_or(1.0)
                    .max(1.0);
                let (pixel_width, pixel_height) = ((width * scale) as u32, (height * scale) as u32);
                if canvas.width() != pixel_width || canvas.height() != pixel_height {
                    canvas.set_width(pixel_width);
                    canvas.set_height(pixel_height);
                }
                let style = canvas.style();
                let _ = style.set_property("width", &format!("{width}px"));
                let _ = style.set_property("height", &format!("{height}px"));
                let size = Size {
                    width: width as f32,
                    height: height as f32,
                };
                let picture = scene(
                    &current.before,
                    &current.after,
                    &current.events,
                    progress,
                    size,
                    cache_capacity,
                );
                if let Some(context) = canvas.get_context("2d").ok().flatten().and_then(|context| {
                    context.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()
                }) {
                    canvas::paint(&context, &picture, scale, lang, selected);
                }
            }
        });
    }

    let seek = |tick: Option<u64>, animate: bool| {
        let playback = playback.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(tick) = tick {
                playback.dispatch(PlaybackAction::Seek { tick, animate });
            }
        })
    };
    let tick = playback.tick;
    let run = &simulation.run;
    let next_event = run.next_event_tick(tick);
    let previous_event = run.previous_event_tick(tick);
    let toggle = {
        let playback = playback.clone();
        Callback::from(move |_: MouseEvent| playback.dispatch(PlaybackAction::Toggle))
    };
    let on_scrub = {
        let playback = playback.clone();
        Callback::from(move |event: InputEvent| {
            if let Ok(tick) = event
                .target_unchecked_into::<HtmlInputElement>()
                .value()
                .parse::<u64>()
            {
                playback.dispatch(PlaybackAction::Seek {
                    tick,
                    animate: false,
                });
            }
        })
    };
    let on_speed = {
        let playback = playback.clone();
        Callback::from(move |event: web_sys::Event| {
            if let Ok(index) = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value()
                .parse::<usize>()
            {
                playback.dispatch(PlaybackAction::SetSpeed(index));
            }
        })
    };
    // Playback keys work anywhere on the page except while typing in a field or on a control
    // that has its own keys; the listener reads the current tick from a cell kept up to date.
    let tick_now = use_mut_ref(|| 0u64);
    *tick_now.borrow_mut() = playback.tick;
    {
        let playback = playback.clone();
        let simulation = simulation.clone();
        let tick_now = tick_now.clone();
        use_effect_with(Rc::as_ptr(&simulation) as usize, move |_| {
            let listener = gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if event.alt_key()
                        || event.ctrl_key()
                        || event.meta_key()
                        || typing_target(event)
                    {
                        return;
                    }
                    let tick = *tick_now.borrow();
                    if let Some(action) =
                        key_action(&event.key(), event.shift_key(), tick, &simulation.run)
                    {
                        event.prevent_default();
                        playback.dispatch(action);
                    }
                },
            );
            move || drop(listener)
        });
    }
    let on_canvas_click = {
        let onselect = props.onselect.clone();
        let current = current.clone();
        let canvas_ref = canvas_ref.clone();
        let cache_capacity = 0;
        Callback::from(move |event: MouseEvent| {
            let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                return;
            };
            let bounds = canvas.get_bounding_client_rect();
            let size = Size {
                width: bounds.width() as f32,
                height: bounds.height() as f32,
            };
            let point = Point {
                x: (event.client_x() as f64 - bounds.left()) as f32,
                y: (event.client_y() as f64 - bounds.top()) as f32,
            };
            let picture = scene(
                &current.before,
                &current.after,
                &current.events,
                1000,
                size,
                cache_capacity,
            );
            let hit = token_at(&picture, point, token_radius(&picture) + 3.0)
                .or_else(|| queue_entry_at(&picture, point));
            if let Some(thread) = hit {
                onselect.emit(thread);
            }
        })
    };
    let on_select = props.onselect.clone();
    let log_lines: Vec<(u64, String, bool)> = {
        let events = run.events();
        let upto = run.event_index_at(tick + 1);
        let from = upto.saturating_sub(40);
        events[from..upto]
            .iter()
            .map(|event| {
                (
                    event.tick,
                    proclab_app::watch::narrate::narrate(event, &current.after, lang),
                    event.tick == tick,
                )
            })
            .collect()
    };
    let announcement: String = log_lines
        .iter()
        .filter(|(_, _, now)| *now)
        .map(|(_, line, _)| line.clone())
        .collect::<Vec<_>>()
        .join(" ");
    let canvas_label = format!(
        "{} t={}: {}",
        WatchText::CanvasLabel.get(lang),
        tick,
        if announcement.is_empty() {
            WatchText::LogEmpty.get(lang).to_string()
        } else {
            announcement.clone()
        }
    );

    html! {
        <section class="watch" aria-labelledby="watch-title" tabindex="0">
            <h2 id="watch-title">{ WatchText::Title.get(lang) }</h2>
            <div class="playback" role="toolbar" aria-label={WatchText::Title.get(lang)}>
                <button type="button" id="to-start" onclick={seek(Some(0), false)} aria-label={WatchText::ToStart.get(lang)}>{ "⇤" }</button>
                <button type="button" id="event-back" onclick={seek(previous_event, false)} disabled={previous_event.is_none()} aria-label={WatchText::EventBack.get(lang)}>{ "«" }</button>
                <button type="button" id="tick-back" onclick={seek(Some(tick.saturating_sub(1)), false)} disabled={tick == 0} aria-label={WatchText::TickBack.get(lang)}>{ "‹" }</button>
                <button type="button" id="play" class="primary" onclick={toggle} aria-pressed={playback.playing.to_string()}>
                    { if playback.playing { WatchText::Pause.get(lang) } else { WatchText::Play.get(lang) } }</button>
                <button type="button" id="tick-forward" onclick={seek(Some((tick + 1).min(end)), true)} disabled={tick >= end} aria-label={WatchText::TickForward.get(lang)}>{ "›" }</button>
                <button type="button" id="event-forward" onclick={seek(next_event, true)} disabled={next_event.is_none()} aria-label={WatchText::EventForward.get(lang)}>{ "»" }</button>
                <button type="button" id="to-end" onclick={seek(Some(end), false)} aria-label={WatchText::ToEnd.get(lang)}>{ "⇥" }</button>
                <label for="speed">{ WatchText::Speed.get(lang) }</label>
                <select id="speed" ref={speed_ref} onchange={on_speed}>
                    { for SPEEDS.iter().enumerate().map(|(index, speed)| html! {
                        <option value={index.to_string()} selected={index == playback.speed}>{ format!("{}×", *speed as f64 / 100.0) }</option>
                    }) }
                </select>
                <output id="clock" aria-live="off">{ format!("t = {tick} / {end}") }</output>
            </div>
            <label for="scrub" class="visually-hidden">{ WatchText::Scrub.get(lang) }</label>
            <input id="scrub" type="range" min="0" max={end.to_string()} value={tick.to_string()} oninput={on_scrub} class="scrub" />
            <p class="hint">{ WatchText::KeyboardHelp.get(lang) }</p>
            if *reduced { <p class="hint">{ WatchText::ReducedMotion.get(lang) }</p> }
            <div class="watch-canvas-box">
                <canvas id={WATCH_CANVAS_ID} ref={canvas_ref} role="img" aria-label={canvas_label} onclick={on_canvas_click}
                    data-tick={tick.to_string()} data-progress={playback.progress.to_string()}></canvas>
            </div>
            <ul id="machine-text" class="machine-text" aria-label={WatchText::MachineNow.get(lang)}>
                { for current.after.cpus.iter().map(|cpu| html! {
                    <li id={format!("cpu-{}", cpu.cpu)}>{ cpu_line(cpu, &current.after, lang) }</li>
                }) }
                { for current.after.ready.iter().enumerate().map(|(level, queue)| html! {
                    <li id={format!("ready-{level}")}>
                        { format!("{}{}: ", WatchText::ReadyQueue.get(lang), if current.after.ready.len() > 1 { format!(" {level}") } else { String::new() }) }
                        { listed(queue.iter().map(|thread| proclab_view::thread_label(&current.after, *thread)), " → ") }
                    </li>
                }) }
                <li id="io-now">
                    { format!("{}: ", WatchText::Io.get(lang)) }
                    { listed(current.after.blocked.iter().map(|entry| format!("{} ({})", proclab_view::thread_label(&current.after, entry.thread), entry.io_left)), ", ") }
                </li>
            </ul>
            <div class="watch-side">
                <inspector::Inspector {lang} state={current.after.clone()} selected={selected} onselect={on_select} />
                <section class="event-log" aria-labelledby="log-title">
                    <h3 id="log-title">{ WatchText::Log.get(lang) }</h3>
                    <ul id="event-log">
                        if log_lines.is_empty() { <li>{ WatchText::LogEmpty.get(lang) }</li> }
                        { for log_lines.iter().rev().map(|(_, line, now)| html! { <li class={classes!(now.then_some("now"))}>{ line }</li> }) }
                    </ul>
                    <p id="narration" class="visually-hidden" aria-live="polite">{ announcement }</p>
                </section>
            </div>
        </section>
    }
}
