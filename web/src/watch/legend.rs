//! What every mark of the canvas means, in words, under the picture (and in presentation mode
//! too): the short symbols a chip or a box cannot spell out (`q3`, `a0`, `r3`, `p2`, `(3)`,
//! `+4`), the counts, rings, colours and panels.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::text::WatchText;
use proclab_view::TurnKey;
use yew::prelude::*;

/// The entries, in the order a reader meets the marks (diagram, then machine).
const ENTRIES: [WatchText; 17] = [
    WatchText::LegendCount,
    WatchText::LegendColour,
    WatchText::LegendRing,
    WatchText::LegendQuantum,
    WatchText::LegendQuantumLevel,
    WatchText::LegendAllotment,
    WatchText::LegendBurstLeft,
    WatchText::LegendPredicted,
    WatchText::LegendRatio,
    WatchText::LegendPriorityLow,
    WatchText::LegendPriorityHigh,
    WatchText::LegendMore,
    WatchText::LegendIo,
    WatchText::LegendSyncWait,
    WatchText::LegendChannel,
    WatchText::LegendSwitch,
    WatchText::LegendCache,
];

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub lang: Lang,
    /// What the policy picks by: `q3`, `r3`, `τ4.5` or `p2` can show.
    #[prop_or_default]
    pub turn_key: TurnKey,
    /// A multilevel feedback queue: `a0` can show.
    #[prop_or(true)]
    pub allotments: bool,
    /// The run has mutexes, semaphores or conditions: a wait for one can show.
    #[prop_or(true)]
    pub sync_waits: bool,
    /// The run has pipes or message queues: `P2 → c [· ·]` can show.
    #[prop_or(true)]
    pub channels: bool,
    /// A thread can wait for I/O (bursts of I/O, or programs, whose `io` blocks): `P1 (3)`.
    #[prop_or(true)]
    pub io: bool,
    /// The cache model is on: the CPUs' cache bars show.
    #[prop_or(true)]
    pub cache: bool,
}

#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let lang = props.lang;
    html! {
        <details class="watch-legend" open=true>
            <summary>{ WatchText::Legend.get(lang) }</summary>
            <ul id="watch-legend">
                // Only the marks this run can show.
                { for ENTRIES.iter().filter(|entry| match entry {
                    // A multilevel feedback queue's waiting threads always show their slice.
                    WatchText::LegendQuantum => props.turn_key == TurnKey::Slice && !props.allotments,
                    WatchText::LegendQuantumLevel => props.turn_key == TurnKey::Slice && props.allotments,
                    WatchText::LegendBurstLeft => props.turn_key == TurnKey::BurstLeft,
                    WatchText::LegendPredicted => props.turn_key == TurnKey::Predicted,
                    WatchText::LegendPriorityLow => props.turn_key == TurnKey::Priority { lower_first: true },
                    WatchText::LegendPriorityHigh => props.turn_key == TurnKey::Priority { lower_first: false },
                    WatchText::LegendRatio => props.turn_key == TurnKey::Ratio,
                    WatchText::LegendAllotment => props.allotments,
                    WatchText::LegendSyncWait => props.sync_waits,
                    WatchText::LegendChannel => props.channels,
                    WatchText::LegendIo => props.io,
                    WatchText::LegendCache => props.cache,
                    _ => true,
                }).map(|entry| html! { <li>{ entry.get(lang) }</li> }) }
            </ul>
        </details>
    }
}
