//! Who talks to whom in each IPC mechanism: processes on the sides, the channel in the middle.

use super::{arrow, arrow_marker, label, labelled_box, wide_or_upright};
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
    // A phone gets the same picture stood upright: the senders above the channel, the
    // receivers below, all on the screen (the wide one scrolled the receivers out of sight).
    wide_or_upright(
        lang,
        t(channel.takeaway),
        (580, 128, body),
        (370, 272, upright(lang, channel, &middle_lines)),
    )
}

/// Where the arrow of the `index`th of `count` processes meets the upright channel.
fn meet_x(count: usize, index: usize) -> i32 {
    185 + (index as i32 * 2 - (count as i32 - 1)) * 20
}

/// The left of the `index`th of `count` boxes in an upright row.
fn row_x(count: usize, index: usize) -> i32 {
    if count == 1 {
        115
    } else {
        25 + index as i32 * 180
    }
}

/// [`channel`] for a phone: the left column as the top row, the right one as the bottom row.
fn upright(lang: Lang, channel: &Channel, middle_lines: &[&str]) -> Html {
    let t = |pair| tr(lang, pair);
    // Its own marker: a marker in the hidden wide picture would not be drawn.
    let marker = format!("{}-upright", channel.id);
    let (top, bottom) = (channel.left, channel.right);
    html! {
        <>
            { arrow_marker(&marker) }
            { for top.iter().enumerate().map(|(index, name)| {
                let x = row_x(top.len(), index);
                html! {
                    <>
                        { labelled_box(x, 10, 140, 40, "process-box", &[t(*name)]) }
                        { arrow(&marker, (x + 70, 52), (meet_x(top.len(), index), 88), channel.two_way) }
                    </>
                }
            }) }
            { labelled_box(90, 92, 190, 56, "channel-box", middle_lines) }
            { for bottom.iter().enumerate().map(|(index, name)| {
                let x = row_x(bottom.len(), index);
                html! {
                    <>
                        { arrow(&marker, (meet_x(bottom.len(), index), 152), (x + 70, 188), channel.two_way) }
                        { labelled_box(x, 192, 140, 40, "process-box", &[t(*name)]) }
                    </>
                }
            }) }
            { label(185, 258, "middle", "small waits", t(channel.waits)) }
        </>
    }
}
