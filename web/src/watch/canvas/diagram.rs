//! Paints the five-state diagram: its arrows (with the causes taken at this instant), its nodes,
//! the tokens of the threads, and the clock.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::text::{cause_label, state_name, WatchText};
use proclab_core::{Cause, ThreadRef};
use proclab_view::{arrow_caption, token_radius, Arrow, Point, Scene};

use super::pen::{colour, Pen, Type, ACTIVE, INK, PANEL};

/// Every arrow, then the captions of the active ones over them.
pub fn arrows(pen: &Pen, scene: &Scene, lang: Lang) {
    for arrow in &scene.arrows {
        pen.arrow(arrow.from, arrow.to, !arrow.causes.is_empty());
    }
    for arrow in scene.arrows.iter().filter(|arrow| !arrow.causes.is_empty()) {
        let label = caption_words(arrow, scene, lang);
        let caption = arrow_caption(arrow.from, arrow.to, &label);
        pen.fill_rect(caption.backdrop, "rgba(255, 255, 255, 0.9)");
        pen.text(&label, caption.at, Type::centred(11.0, ACTIVE));
    }
}

/// The first cause along an arrow in words (naming the thread that preempts), `×N` for several.
fn caption_words(arrow: &Arrow, scene: &Scene, lang: Lang) -> String {
    let cause = &arrow.causes[0];
    let by = match cause {
        Cause::Preempted { by, .. } => scene
            .tokens
            .iter()
            .find(|token| token.thread == *by)
            .map(|token| token.label.as_str()),
        _ => None,
    };
    let mut label = cause_label(cause, by, lang);
    if arrow.causes.len() > 1 {
        label.push_str(&format!(" ×{}", arrow.causes.len()));
    }
    label
}

/// The five states, each with how many threads are in it.
pub fn nodes(pen: &Pen, scene: &Scene, lang: Lang) {
    for node in &scene.nodes {
        pen.rounded(node.rect, 10.0);
        pen.fill(PANEL);
        pen.stroke(INK, 1.5);
        let title = Point {
            x: node.rect.center().x,
            y: node.rect.y + 11.0,
        };
        pen.text_within(
            &format!("{} · {}", state_name(node.state, lang), node.count),
            title,
            Type::centred(12.0, INK),
            node.rect.width as f64 - 4.0,
        );
    }
}

/// One token per thread; moving and selected ones are ringed. Labels only when tokens are large
/// enough to hold them.
pub fn tokens(pen: &Pen, scene: &Scene, selected: Option<ThreadRef>) {
    let radius = token_radius(scene) as f64;
    for token in &scene.tokens {
        pen.context.begin_path();
        let _ = pen.context.arc(
            token.at.x as f64,
            token.at.y as f64,
            radius,
            0.0,
            std::f64::consts::TAU,
        );
        pen.fill(colour(token.colour));
        let ringed = token.moving || selected == Some(token.thread);
        pen.stroke(
            if ringed { ACTIVE } else { INK },
            if ringed { 3.0 } else { 1.0 },
        );
        if radius >= 9.0 {
            pen.text_within(
                &token.label,
                token.at,
                Type::centred((radius * 0.75).min(11.0), INK),
                2.0 * radius - 2.0,
            );
        }
    }
}

/// The tick, top left.
pub fn clock(pen: &Pen, scene: &Scene, lang: Lang) {
    pen.text(
        &format!("{} = {}", WatchText::Clock.get(lang), scene.tick),
        Point { x: 8.0, y: 12.0 },
        Type::left(15.0, INK),
    );
}
