//! The warm-up model's machine at a tick: the canvas (each CPU's job cold or warm, its cache and
//! the queues), play, pause, a tick back or on and a slider, and the same machine in words. The
//! playback is [`WarmupPlayback`], owned by the results panel so the Gantt chart's cursor
//! follows it; playing advances it on a timer.

use std::rc::Rc;

use gloo::timers::callback::Interval;
use proclab_app::chart::warmup::machine_at;
use proclab_app::chart::warmup_machine::{cache_lines, canvas_label, WarmupPlay, WarmupPlayback};
use proclab_app::i18n::{Lang, Text};
use proclab_app::lang::Words;
use proclab_app::simulation::Simulation;
use proclab_app::watch::text::WatchText;
use yew::prelude::*;

use crate::watch::canvas::warmup::WarmupCanvas;

/// How long a tick stays on screen while playing.
const TICK_MS: u32 = 400;

/// The playback as the page's reducer holds it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Player(pub WarmupPlayback);

impl Reducible for Player {
    type Action = WarmupPlay;
    fn reduce(self: Rc<Self>, action: WarmupPlay) -> Rc<Self> {
        let next = Player(self.0.apply(action));
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct WarmupMachineProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
    /// The tick shown (within the run).
    pub tick: u64,
    /// The run's last tick.
    pub last: u64,
    pub playing: bool,
    pub onplay: Callback<WarmupPlay>,
}

#[function_component(WarmupMachine)]
pub fn warmup_machine(props: &WarmupMachineProps) -> Html {
    let (lang, at, last) = (props.lang, props.tick, props.last);
    {
        let onplay = props.onplay.clone();
        use_effect_with(props.playing, move |playing| {
            let timer = playing
                .then(|| Interval::new(TICK_MS, move || onplay.emit(WarmupPlay::Advance { last })));
            move || drop(timer)
        });
    }
    let on_tick = {
        let onplay = props.onplay.clone();
        Callback::from(move |event: InputEvent| {
            let input = event.target_unchecked_into::<web_sys::HtmlInputElement>();
            if let Ok(tick) = input.value().parse::<u64>() {
                onplay.emit(WarmupPlay::Seek { tick, last });
            }
        })
    };
    let emit = |action: WarmupPlay| {
        let onplay = props.onplay.clone();
        Callback::from(move |_: MouseEvent| onplay.emit(action))
    };
    let scenario = &props.simulation.scenario;
    let machine = props
        .simulation
        .warmup
        .as_ref()
        .map(|run| machine_at(scenario, run, at, lang))
        .unwrap_or_default();
    // The machine at the tick, computed once for the canvas and the words.
    let state = use_memo((props.simulation.clone(), at), |(simulation, tick)| {
        proclab_core::warmup::state_at(&simulation.scenario, *tick).map(Rc::new)
    });
    let caches = state
        .as_ref()
        .as_ref()
        .map(|state| cache_lines(scenario, state, lang))
        .unwrap_or_default();
    // Presented full screen as the event engine's machine is, for a lecture on cache warm-up.
    let section = use_node_ref();
    let (presenting, toggle_presentation) =
        crate::watch::present::use_presentation(section.clone(), "warmup-present");
    let play_word = if props.playing {
        WatchText::Pause
    } else {
        WatchText::Play
    };
    html! {
        <section class={classes!("warmup-machine", presenting.then_some("presenting"))} aria-labelledby="warmup-machine-title"
            tabindex="-1" ref={section}>
            <div class="watch-head">
                <h3 id="warmup-machine-title">{ Text::WarmupAtTick.get(lang) }{ " " }<output id="warmup-tick-value">{ at }</output></h3>
                <button type="button" id="warmup-present" aria-pressed={presenting.to_string()} title={WatchText::PresentHint.get(lang)} onclick={toggle_presentation}>
                    { if presenting { WatchText::PresentLeave.get(lang) } else { WatchText::Present.get(lang) } }
                    if presenting { <span class="keyboard-help">{ " (Esc)" }</span> }
                </button>
            </div>
            <p class="hint" id="warmup-no-watch">{ Text::WarmupNoWatch.get(lang) }</p>
            <div class="playback warmup-playback" role="toolbar" aria-label={WatchText::Title.get(lang)}>
                <button type="button" id="warmup-back" onclick={emit(WarmupPlay::Back)} disabled={at == 0}
                    aria-label={WatchText::TickBack.get(lang)}>{ "‹" }</button>
                <button type="button" id="warmup-play" class="primary" onclick={emit(WarmupPlay::Toggle { last })}
                    data-playing={props.playing.to_string()} disabled={last == 0}>{ play_word.get(lang) }</button>
                <button type="button" id="warmup-forward" onclick={emit(WarmupPlay::Forward { last })} disabled={at >= last}
                    aria-label={WatchText::TickForward.get(lang)}>{ "›" }</button>
                <input type="range" id="warmup-tick" min="0" max={last.to_string()} value={at.to_string()}
                    aria-label={Text::WarmupAtTick.get(lang)} oninput={on_tick} />
            </div>
            if let Some(state) = (*state).clone() {
                <WarmupCanvas {lang} simulation={props.simulation.clone()} {state}
                    label={AttrValue::from(canvas_label(at, lang))} />
            }
            <ul id="warmup-machine">
                { for machine.iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>
            <ul id="warmup-caches">
                { for caches.iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>
        </section>
    }
}
