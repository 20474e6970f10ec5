//! Paints the five-state diagram: its arrows (with the causes taken at this instant), its nodes,
//! the tokens of the threads, and the clock, each text in the box `proclab_view` gave it.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::text::{cause_label, state_name, WatchText};
use proclab_core::{Cause, ThreadRef};
use proclab_view::{Align, Arrow, Scene};

use super::pen::{colour, Pen, Type, ACTIVE_TEXT, INK, PANEL, TEXT};

/// Every arrow, active ones thicker and coloured.
pub fn arrows(pen: &Pen, scene: &Scene) {
    for arrow in &scene.arrows {
        pen.arrow(arrow.from, arrow.to, !arrow.causes.is_empty());
    }
}

/// The captions of the active arrows, in their rooms beside them; with a schedule of the
/// student's own, a thread leaves the CPU because its one tick is over, not by the policy's timer.
pub fn captions(pen: &Pen, scene: &Scene, lang: Lang, scheduled: bool) {
    for arrow in scene.arrows.iter().filter(|arrow| !arrow.causes.is_empty()) {
        let label = caption_words(arrow, scene, lang, scheduled);
        let style = match arrow.caption_align {
            Align::Left => Type::left(TEXT, ACTIVE_TEXT),
            Align::Right => Type::right(TEXT, ACTIVE_TEXT),
            Align::Centre => Type::centred(TEXT, ACTIVE_TEXT),
        };
        pen.wrapped(&label, arrow.caption, scene.line, style, true);
    }
}

/// The first cause along an arrow in words (naming the thread that preempts), with how many
/// threads took it when several did.
fn caption_words(arrow: &Arrow, scene: &Scene, lang: Lang, scheduled: bool) -> String {
    let cause = &arrow.causes[0];
    let by = match cause {
        Cause::Preempted { by, .. } => scene
            .tokens
            .iter()
            .find(|token| token.thread == *by)
            .map(|token| token.label.as_str()),
        _ => None,
    };
    let mut label = if scheduled && matches!(cause, Cause::QuantumExpired) {
        WatchText::TickOver.get(lang).to_string()
    } else {
        cause_label(cause, by, lang)
    };
    if arrow.causes.len() > 1 {
        label.push_str(
            &WatchText::Times
                .get(lang)
                .replace("{n}", &arrow.causes.len().to_string()),
        );
    }
    label
}

/// The five states, each with how many threads are in it.
pub fn nodes(pen: &Pen, scene: &Scene, lang: Lang) {
    // "실행 (Running) · 1" where every state's full name fits; else the course's word alone in
    // all five ("실행 · 1"), never squeezed out of shape (one box with the English name and the
    // next without had read as two kinds of state).
    let style = Type::centred(TEXT, INK);
    let full = |node: &proclab_view::StateNode| {
        format!("{} · {}", state_name(node.state, lang), node.count)
    };
    let all_fit = scene
        .nodes
        .iter()
        .all(|node| pen.measure(&full(node), style) <= node.title.width as f64);
    for node in &scene.nodes {
        pen.rounded(node.rect, 10.0);
        pen.fill(PANEL);
        pen.stroke(INK, 1.5);
        let title = if all_fit {
            full(node)
        } else {
            let name = state_name(node.state, lang);
            let word = name.split(" (").next().unwrap_or(name);
            format!("{word} · {}", node.count)
        };
        pen.text_in(&title, node.title, style);
    }
}

/// One token per thread; moving and selected ones are ringed; each name in its box.
pub fn tokens(pen: &Pen, scene: &Scene, selected: Option<ThreadRef>) {
    let radius = scene.token_radius as f64;
    for token in &scene.tokens {
        pen.context.begin_path();
        let _ = pen.context.arc(
            token.at.x as f64,
            token.at.y as f64,
            radius,
            0.0,
            std::f64::consts::TAU,
        );
        if token.label_box.is_some() {
            pen.tint(colour(token.colour));
        } else {
            pen.fill(colour(token.colour));
        }
        let ringed = token.moving || selected == Some(token.thread);
        pen.stroke(
            if ringed { ACTIVE_TEXT } else { INK },
            if ringed { 3.0 } else { 1.0 },
        );
        if let Some(rect) = token.label_box {
            pen.text_in(&token.label, rect, Type::centred(TEXT, INK));
        }
    }
}

/// The tick, top left, and beside it that the run stopped in a deadlock, at its last instant.
pub fn clock(pen: &Pen, scene: &Scene, lang: Lang, deadlocked: bool) {
    let tick = format!("{} = {}", WatchText::Clock.get(lang), scene.tick);
    let style = Type::left(14.0, INK);
    pen.text_in(&tick, scene.clock, style);
    if deadlocked {
        let width = pen.measure(&format!("{tick} "), style) as f32;
        let rest = proclab_view::Rect {
            x: scene.clock.x + width,
            width: (scene.clock.width - width).max(0.0),
            ..scene.clock
        };
        pen.text_in(
            WatchText::StoppedDeadlocked.get(lang),
            rest,
            Type::left(14.0, ACTIVE_TEXT),
        );
    }
}
