//! Who talks to whom in each IPC mechanism: processes on the sides, the channel in the middle.

use super::{arrow, arrow_marker, figure, label, labelled_box};
use crate::learn::words::{tr, Pair};
use proclab_app::i18n::Lang;
use yew::prelude::*;

/// The shape of one IPC picture.
pub struct Channel {
    /// Marker id, unique on the page.
    pub id: &'static str,
    /// Processes on the left (one or two).
    pub left: &'static [Pair],
    /// The channel, up to two lines.
    pub middle: [Pair; 2],
    /// Processes (or a file) on the right.
    pub right: &'static [Pair],
    /// Arrows point both ways.
    pub two_way: bool,
    /// Who waits, and when, in a few words under the channel.
    pub waits: Pair,
    /// The takeaway, read by screen readers.
    pub takeaway: Pair,
}

fn column_y(count: usize, index: usize) -> i32 {
    if count == 1 {
        44
    } else {
        14 + index as i32 * 60
    }
}

/// Where the arrow of the `index`th of `count` processes meets the channel.
fn meet_y(count: usize, index: usize) -> i32 {
    64 + (index as i32 * 2 - (count as i32 - 1)) * 8
}

/// Draws `channel`.
pub fn channel(lang: Lang, channel: &Channel) -> Html {
    let t = |pair| tr(lang, pair);
    let left = channel.left;
    let right = channel.right;
    let middle = [t(channel.middle[0]), t(channel.middle[1])];
    let middle_lines: Vec<&str> = middle
        .iter()
        .copied()
        .filter(|line| !line.is_empty())
        .collect();
    let body = html! {
        <>
            { arrow_marker(channel.id) }
            { for left.iter().enumerate().map(|(index, name)| {
                let y = column_y(left.len(), index);
                html! {
                    <>
                        { labelled_box(10, y, 140, 40, "process-box", &[t(*name)]) }
                        { arrow(channel.id, (152, y + 20), (191, meet_y(left.len(), index)), channel.two_way) }
                    </>
                }
            }) }
            { labelled_box(195, 36, 190, 56, "channel-box", &middle_lines) }
            { label(290, 118, "middle", "small waits", t(channel.waits)) }
            { for right.iter().enumerate().map(|(index, name)| {
                let y = column_y(right.len(), index);
                html! {
                    <>
                        { arrow(channel.id, (389, meet_y(right.len(), index)), (426, y + 20), channel.two_way) }
                        { labelled_box(430, y, 140, 40, "process-box", &[t(*name)]) }
                    </>
                }
            }) }
        </>
    };
    figure(lang, t(channel.takeaway), 580, 128, body)
}
