//! The playback controls: to the start or end, a tick or an event back and forth, play/pause,
//! the speed, the clock, and the scrub bar. They show playback's state and send its actions up.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::playback::{Playback, PlaybackAction, SPEEDS};
use proclab_app::watch::text::WatchText;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub lang: Lang,
    pub playback: Playback,
    /// Last tick of the run.
    pub end: u64,
    /// The nearest ticks with events after and before the current one.
    pub next_event: Option<u64>,
    pub previous_event: Option<u64>,
    pub onaction: Callback<PlaybackAction>,
    /// Said at the row's end (presentation mode: the programs' variables and locks).
    #[prop_or_default]
    pub aside: Option<AttrValue>,
}

#[function_component(Controls)]
pub fn controls(props: &ControlsProps) -> Html {
    let lang = props.lang;
    let Playback {
        tick,
        playing,
        speed,
        ..
    } = props.playback;
    let end = props.end;
    let speed_ref = use_node_ref();
    crate::ui::field::use_select_value(speed_ref.clone(), speed.to_string());

    let seek = |tick: Option<u64>, animate: bool| {
        let onaction = props.onaction.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(tick) = tick {
                onaction.emit(PlaybackAction::Seek { tick, animate });
            }
        })
    };
    let toggle = props
        .onaction
        .reform(|_: MouseEvent| PlaybackAction::Toggle);
    let on_scrub = {
        let onaction = props.onaction.clone();
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(tick) = value.parse::<u64>() {
                onaction.emit(PlaybackAction::Seek {
                    tick,
                    animate: false,
                });
            }
        })
    };
    let on_speed = {
        let onaction = props.onaction.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(index) = value.parse::<usize>() {
                onaction.emit(PlaybackAction::SetSpeed(index));
            }
        })
    };
    let (next_event, previous_event) = (props.next_event, props.previous_event);

    html! {
        <>
            // A step that cannot go further is marked so (`aria-disabled`), not disabled: a
            // disabled button would drop the keyboard's focus to the page at the run's ends.
            <div class="playback" role="toolbar" aria-label={WatchText::Playback.get(lang)}>
                <button type="button" id="to-start" onclick={seek(Some(0), false)} aria-label={WatchText::ToStart.get(lang)} title={WatchText::ToStart.get(lang)}>{ "⇤" }</button>
                <button type="button" id="event-back" onclick={seek(previous_event, false)} aria-disabled={previous_event.is_none().to_string()} aria-label={WatchText::EventBack.get(lang)} title={WatchText::EventBack.get(lang)}>{ "«" }</button>
                <button type="button" id="tick-back" onclick={seek(Some(tick.saturating_sub(1)), false)} aria-disabled={(tick == 0).to_string()} aria-label={WatchText::TickBack.get(lang)} title={WatchText::TickBack.get(lang)}>{ "‹" }</button>
                // Its name says what it does next (Play, Pause); a pressed state as well would say "Pause,
                // pressed" while playing. `data-playing` is for tests and styles.
                // Both words take one place, the other hidden (and so unnamed): the button is as
                // wide playing as paused, so the speed beside it does not move when it is pressed.
                <button type="button" id="play" class="primary" onclick={toggle} data-playing={playing.to_string()}>
                    <span class={classes!("play-word", (!playing).then_some("shown"))}>{ WatchText::Play.get(lang) }</span>
                    <span class={classes!("play-word", playing.then_some("shown"))}>{ WatchText::Pause.get(lang) }</span>
                </button>
                <button type="button" id="tick-forward" onclick={seek(Some((tick + 1).min(end)), true)} aria-disabled={(tick >= end).to_string()} aria-label={WatchText::TickForward.get(lang)} title={WatchText::TickForward.get(lang)}>{ "›" }</button>
                <button type="button" id="event-forward" onclick={seek(next_event, true)} aria-disabled={next_event.is_none().to_string()} aria-label={WatchText::EventForward.get(lang)} title={WatchText::EventForward.get(lang)}>{ "»" }</button>
                <button type="button" id="to-end" onclick={seek(Some(end), false)} aria-label={WatchText::ToEnd.get(lang)} title={WatchText::ToEnd.get(lang)}>{ "⇥" }</button>
                // The label and its list wrap to the next line together.
                <span class="speed">
                    <label for="speed">{ WatchText::Speed.get(lang) }</label>
                    <select id="speed" ref={speed_ref} onchange={on_speed}>
                        { for SPEEDS.iter().enumerate().map(|(index, rate)| html! {
                            <option value={index.to_string()} selected={index == speed}>{ format!("{}×", *rate as f64 / 100.0) }</option>
                        }) }
                    </select>
                </span>
                <output id="clock" aria-live="off">{ format!("t = {tick} / {end}") }</output>
                if let Some(aside) = &props.aside {
                    <span id="present-memory" class="present-memory" title={aside.clone()}>{ aside.clone() }</span>
                }
            </div>
            <label for="scrub" class="visually-hidden">{ WatchText::Scrub.get(lang) }</label>
            <input id="scrub" type="range" min="0" max={end.to_string()} value={tick.to_string()} oninput={on_scrub} class="scrub" />
        </>
    }
}
