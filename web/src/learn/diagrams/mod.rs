//! Diagrams drawn by the app as inline SVG: each is a `role="img"` with a translated
//! `aria-label` and `<title>` stating its takeaway, and carries its words in the page text too.
//! Every one is drawn through [`figure`], whose [`frame::Frame`] keeps its text readable on a phone.

pub mod frame;
pub mod ipc;
pub mod memory;
pub mod os;
pub mod states;
pub mod switch;
pub mod threads;
pub mod timeline;

use frame::Frame;
use proclab_app::i18n::Lang;
use yew::prelude::*;

/// An SVG figure with a viewBox of `width` × `height`, drawn at most `width` CSS pixels wide (and
/// exactly that on a phone, where it scrolls): `label` is what a screen reader hears and what the
/// picture should teach.
pub fn figure(lang: Lang, label: &str, width: u32, height: u32, body: Html) -> Html {
    html! {
        <Frame {lang} label={label.to_string()} {width} {height}>{ body }</Frame>
    }
}

/// One picture drawn twice: `wide` (width, height, drawing) on a wide screen, `upright` on a
/// phone, where the wide one would scroll sideways with part of it out of sight. Each drawing
/// defines its own arrow marker: one in the hidden picture would not be drawn in the other.
pub fn wide_or_upright(
    lang: Lang,
    label: &str,
    wide: (u32, u32, Html),
    upright: (u32, u32, Html),
) -> Html {
    html! {
        <>
            <div class="diagram-landscape">{ figure(lang, label, wide.0, wide.1, wide.2) }</div>
            <div class="diagram-portrait">{ figure(lang, label, upright.0, upright.1, upright.2) }</div>
        </>
    }
}

/// A rectangle with one or more centred lines of text.
pub fn labelled_box(x: i32, y: i32, width: i32, height: i32, class: &str, lines: &[&str]) -> Html {
    let line_height = 16;
    let count = lines.len() as i32;
    let first = y + height / 2 - (count - 1) * line_height / 2 + 5;
    html! {
        <g class={class.to_string()}>
            <rect x={x.to_string()} y={y.to_string()} width={width.to_string()} height={height.to_string()} rx="5" />
            { for lines.iter().enumerate().map(|(index, line)| html! {
                <text x={(x + width / 2).to_string()} y={(first + index as i32 * line_height).to_string()}
                    text-anchor="middle">{ *line }</text>
            }) }
        </g>
    }
}

/// Plain text at a point; `anchor` is `start`, `middle` or `end`.
pub fn label(x: i32, y: i32, anchor: &str, class: &str, text: &str) -> Html {
    html! {
        <text x={x.to_string()} y={y.to_string()} text-anchor={anchor.to_string()} class={class.to_string()}>{ text.to_string() }</text>
    }
}

/// The arrowhead marker, defined once per SVG under `id`.
pub fn arrow_marker(id: &str) -> Html {
    html! {
        <defs>
            <marker id={id.to_string()} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"
                orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" />
            </marker>
        </defs>
    }
}

/// A straight arrow from (x1, y1) to (x2, y2), with heads at the end (and the start if `both`).
pub fn arrow(marker: &str, from: (i32, i32), to: (i32, i32), both: bool) -> Html {
    let url = format!("url(#{marker})");
    html! {
        <line class="arrow" x1={from.0.to_string()} y1={from.1.to_string()} x2={to.0.to_string()} y2={to.1.to_string()}
            marker-end={url.clone()} marker-start={both.then_some(url)} />
    }
}
