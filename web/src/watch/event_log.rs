//! The narrated event log: the last events up to the current tick, each in a sentence, newest
//! tick first but, within a tick, in the order the engine recorded them (a cause before its
//! effect: "preempted" before the "dispatch" it leads to), and this tick's sentences announced
//! to screen readers.

use std::rc::Rc;

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::channel_ops::channel_lines;
use proclab_app::watch::narrate::narrate_in;
use proclab_app::watch::text::WatchText;
use proclab_core::spec::RequeueOrder;
use proclab_core::state::MachineState;
use proclab_core::{Cause, Run};
use yew::prelude::*;

/// How many events the log keeps.
const KEPT: usize = 40;

/// The most threads a run may have for its log's past preemptions to say their numbers.
const NUMBERS_UP_TO: usize = 64;

/// One line of the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    pub tick: u64,
    pub text: String,
    /// The event happens at the current tick.
    pub now: bool,
}

/// The last [`KEPT`] events up to `tick`, oldest first, narrated with the machine `state` after it,
/// with the channel operations of their span ([`channel_lines`]).
/// A wait for a mutex is told with its holder at the wait's own instant, so a past line reads
/// the same whatever tick is shown (the machine at each such earlier tick is read once).
pub fn log_lines(run: &Run, state: &MachineState, tick: u64, lang: Lang) -> Vec<LogLine> {
    let upto = run.event_index_at(tick + 1);
    let from = whole_ticks_from(run, upto.saturating_sub(KEPT), upto);
    let mut earlier: Vec<(u64, MachineState)> = Vec::new();
    let many_to_one =
        run.scenario().machine().thread_model == proclab_core::spec::ThreadModel::User;
    // A preemption, and a dispatch out of a queue of several, says the priorities, times left or
    // ratios it compared, as they were at its instant; in a run of a textbook's size only (the machine of each such instant is rebuilt,
    // which a run of thousands of threads cannot afford at every tick of playback).
    let told_with_numbers = run.scenario().threads().len() <= NUMBERS_UP_TO;
    let mut causes = Vec::new();
    let mut lines = run
        .trace()
        .range(from..upto)
        .zip(from..)
        .map(|(event, index)| {
            causes.push(event.cause);
            // A wait, and under many-to-one threads an I/O request (which holds its process's
            // other threads), is told with the machine of its own instant.
            let waits = matches!(event.cause, proclab_core::Cause::Waits { .. })
                || (many_to_one && matches!(event.cause, proclab_core::Cause::IoRequested { .. }))
                || (told_with_numbers
                    && matches!(
                        event.cause,
                        proclab_core::Cause::Preempted { .. }
                            | proclab_core::Cause::Dispatched { .. }
                    ));
            let at = if waits && event.tick != tick {
                if !earlier.iter().any(|(at, _)| *at == event.tick) {
                    earlier.push((event.tick, run.state_at(event.tick)));
                }
                earlier
                    .iter()
                    .find(|(at, _)| *at == event.tick)
                    .map_or(state, |(_, state)| state)
            } else {
                state
            };
            LogLine {
                tick: event.tick,
                text: narrate_in(run, index, &event, at, lang),
                now: event.tick == tick,
            }
        })
        .collect::<Vec<LogLine>>();
    if run.scenario().conventions().requeue_order == RequeueOrder::AfterArrivals {
        lines = arrivals_before_requeue(lines, &causes);
    }
    // What threads put into and took out of pipes and queues in the same span, each before its
    // instant's events (a write before the wake-up of the reader it feeds).
    let first = lines.first().map_or(0, |line| line.tick);
    let told = channel_lines(run, first, tick, lang);
    if !told.is_empty() {
        let events = core::mem::take(&mut lines);
        let mut events = events.into_iter().peekable();
        for (instant, text) in told {
            while let Some(event) = events.next_if(|event| event.tick < instant) {
                lines.push(event);
            }
            lines.push(LogLine {
                tick: instant,
                text,
                now: instant == tick,
            });
        }
        lines.extend(events);
    }
    // A run that stops before every thread exits (a deadlock, a budget used up) says so last:
    // its last event is an ordinary wait.
    let end = run.end_tick();
    if tick >= end {
        if let Some(note) = proclab_app::chart::text::stopped_note(run, lang) {
            lines.push(LogLine {
                tick: end,
                text: format!("t={end}: {note}"),
                now: tick == end,
            });
        }
    }
    lines
}

/// `lines`, told from events of `causes`, with each timer interrupt of an instant said after the
/// arrivals and I/O completions recorded after it and before the instant's next dispatch: those
/// threads queue ahead of it (arrivals of one tick queue first), so the log tells them first (a
/// student read "back to the ready queue, behind P5, arriving in this tick" above "P5 is
/// created", under a heading that promises the order things happened in).
fn arrivals_before_requeue(lines: Vec<LogLine>, causes: &[Cause]) -> Vec<LogLine> {
    let entering = |cause: Cause| matches!(cause, Cause::Admitted | Cause::IoCompleted);
    let mut order: Vec<usize> = (0..lines.len()).collect();
    // Each stretch of one instant's timer interrupts, arrivals and completions, nothing between
    // them: the entering ones first, each kind in recorded order.
    for stretch in order.chunk_by_mut(|&first, &second| {
        let queueing =
            |index: usize| entering(causes[index]) || causes[index] == Cause::QuantumExpired;
        lines[first].tick == lines[second].tick && queueing(first) && queueing(second)
    }) {
        stretch.sort_by_key(|&index| !entering(causes[index]));
    }
    let mut lines: Vec<Option<LogLine>> = lines.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|index| lines[index].take())
        .collect()
}

/// `from`, or the first event of the next tick if `from` falls inside a tick: the log shows an
/// instant whole or not at all (its first lines had been an effect without its cause, "saves
/// Client's PCB and loads Server's" without the timer interrupt before it). A single instant of
/// more than [`KEPT`] events is shown from `from` still.
fn whole_ticks_from(run: &Run, from: usize, upto: usize) -> usize {
    let mut pair = run.trace().range(from.saturating_sub(1)..from + 1);
    match (from > 0, pair.next(), pair.next()) {
        (true, Some(before), Some(first)) if before.tick == first.tick => {
            let next_tick = run.event_index_at(first.tick + 1);
            if next_tick < upto {
                next_tick
            } else {
                from
            }
        }
        _ => from,
    }
}

/// Whether the log at `tick` leaves out older events (more than [`KEPT`] up to it).
pub fn leaves_out_earlier(run: &Run, tick: u64) -> bool {
    run.event_index_at(tick + 1) > KEPT
}

/// The lines as the log shows them: ticks newest first, each tick's lines in recorded order.
pub fn shown_order(lines: &[LogLine]) -> impl Iterator<Item = &LogLine> {
    lines
        .chunk_by(|first, second| first.tick == second.tick)
        .rev()
        .flatten()
}

/// This tick's lines in one paragraph (empty when nothing happens now).
pub fn announcement(lines: &[LogLine]) -> String {
    lines
        .iter()
        .filter(|line| line.now)
        .map(|line| line.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the live region says at `tick`: this tick's lines, or, when the student stepped to it,
/// that nothing new happens at it (while playing, a quiet tick says nothing: the reader would
/// fall behind the ticks).
fn spoken(lines: &[LogLine], tick: u64, playing: bool, lang: Lang) -> String {
    let words = announcement(lines);
    if words.is_empty() && !playing {
        format!("t={tick}: {}", WatchText::NothingThisTick.get(lang))
    } else {
        words
    }
}

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lang: Lang,
    pub lines: Rc<Vec<LogLine>>,
    /// Older events were left out (see [`leaves_out_earlier`]).
    #[prop_or_default]
    pub earlier: bool,
    /// The playback's tick: announced alone when nothing happens at it, so a step is never
    /// silent.
    #[prop_or_default]
    pub tick: u64,
    /// The playback is playing (quiet ticks go unsaid).
    #[prop_or_default]
    pub playing: bool,
}

#[function_component(EventLog)]
pub fn event_log(props: &EventLogProps) -> Html {
    let lang = props.lang;
    let lines = &props.lines;
    html! {
        <section class="event-log" aria-labelledby="log-title">
            <h3 id="log-title">{ WatchText::Log.get(lang) }</h3>
            <ul id="event-log">
                if lines.is_empty() { <li>{ WatchText::LogEmpty.get(lang) }</li> }
                { for shown_order(lines).map(|line| html! { <li class={classes!(line.now.then_some("now"))} data-tick={line.tick.to_string()}>{ &line.text }</li> }) }
            </ul>
            if props.earlier { <p class="hint" id="log-earlier">{ WatchText::LogEarlier.get(lang) }</p> }
            <p id="narration" class="visually-hidden" aria-live="polite">{ spoken(lines, props.tick, props.playing, lang) }</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn only_this_ticks_lines_are_announced() {
        let line = |text: &str, now: bool| LogLine {
            tick: if now { 2 } else { 1 },
            text: text.to_string(),
            now,
        };
        let lines = [
            line("t=1: a.", false),
            line("t=2: b.", true),
            line("t=2: c.", true),
        ];
        assert_eq!(announcement(&lines), "t=2: b. t=2: c.");
        assert_eq!(announcement(&lines[..1]), "");
        assert_eq!(
            spoken(&lines[..1], 5, false, Lang::En),
            "t=5: Nothing new happens at this tick."
        );
        assert_eq!(spoken(&lines, 2, false, Lang::En), "t=2: b. t=2: c.");
        // Playing, a quiet tick is not said; a tick with events is.
        assert_eq!(spoken(&lines[..1], 5, true, Lang::En), "");
        assert_eq!(spoken(&lines, 2, true, Lang::En), "t=2: b. t=2: c.");
        let shown: Vec<&str> = shown_order(&lines).map(|line| line.text.as_str()).collect();
        assert_eq!(
            shown,
            ["t=2: b.", "t=2: c.", "t=1: a."],
            "newest tick first, each tick in recorded order"
        );
    }

    /// The texts of the log's lines at `tick` of a round robin (q=2) where P2 and P3 arrive as
    /// P1's and P2's quanta end, with the same-tick rule `order`.
    fn lines_at(tick: u64, order: RequeueOrder) -> Vec<String> {
        use proclab_core::presets::process;
        use proclab_core::spec::{PolicySpec, ScenarioSpec};
        let mut spec = ScenarioSpec {
            processes: vec![
                process("P1", 0, &[4]),
                process("P2", 2, &[4]),
                process("P3", 4, &[2]),
            ],
            policy: PolicySpec::Rr { quantum: 2 },
            ..ScenarioSpec::default()
        };
        spec.conventions.requeue_order = order;
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let state = run.state_at(tick);
        log_lines(&run, &state, tick, Lang::En)
            .into_iter()
            .filter(|line| line.tick == tick)
            .map(|line| line.text)
            .collect()
    }

    #[wasm_bindgen_test]
    fn an_arrival_that_queues_ahead_of_a_timer_interrupt_is_told_first() {
        // Arrivals of the tick queue first: P2 is created, then P1 goes back behind it, then the
        // dispatch that follows from both.
        let lines = lines_at(2, RequeueOrder::AfterArrivals);
        let at = |words: &str| lines.iter().position(|line| line.contains(words));
        let (created, requeued, dispatched) = (
            at("P2 is created").unwrap(),
            at("Timer interrupt: P1's quantum is used up").unwrap(),
            at("load P2's PCB").unwrap(),
        );
        assert!(created < requeued && requeued < dispatched, "{lines:?}");
        // The other rule puts the interrupted thread first, and the log as recorded says so.
        let lines = lines_at(2, RequeueOrder::BeforeArrivals);
        let at = |words: &str| lines.iter().position(|line| line.contains(words));
        assert!(
            at("Timer interrupt: P1's quantum").unwrap() < at("P2 is created").unwrap(),
            "{lines:?}"
        );
    }
}
