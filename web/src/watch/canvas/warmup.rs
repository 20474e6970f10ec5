//! The warm-up cache model's machine on a canvas, an imperative island like the watch canvas:
//! it measures its box, asks [`proclab_app::chart::warmup_machine::machine_scene`] for the
//! picture of the machine at the tick (laid out by `proclab_view`) and paints it. A job
//! running cold is striped in its colour with its warm-up so far as a bar, a job running warm is
//! solid, as in the warm-up Gantt chart.

use std::rc::Rc;

use proclab_app::chart::palette::{Fill, Pattern};
use proclab_app::chart::warmup::segment_fill;
use proclab_app::chart::warmup_machine::machine_scene;
use proclab_app::i18n::Lang;
use proclab_app::simulation::Simulation;
use proclab_core::warmup::WarmupState;
use proclab_view::{ChipRow, Rect, WarmupScene};
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::context_2d;
use super::fit::use_fit;
use super::pen::{Pen, Type, INK, LINE, MUTED, PANEL, TEXT};

/// The id of the warm-up machine canvas.
pub const WARMUP_CANVAS_ID: &str = "warmup-canvas";

#[derive(Properties, PartialEq)]
pub struct WarmupCanvasProps {
    pub lang: Lang,
    pub simulation: Rc<Simulation>,
    /// The machine at the tick shown.
    pub state: Rc<WarmupState>,
    /// What the picture shows, in words (its `aria-label`).
    pub label: AttrValue,
}

/// Fills `rect` as the Gantt chart fills a segment: solid, or white striped with the colour
/// and ringed in it (cold).
fn paint_fill(pen: &Pen, rect: Rect, fill: Fill, radius: f64) {
    let colour = fill.colour.hex();
    let context = pen.context;
    pen.rounded(rect, radius);
    if fill.pattern == Pattern::Hatch {
        pen.fill("#ffffff");
        context.save();
        pen.rounded(rect, radius);
        context.clip();
        context.set_global_alpha(0.35);
        context.set_stroke_style_str(&colour);
        context.set_line_width(4.0);
        let (x, y, w, h) = (
            rect.x as f64,
            rect.y as f64,
            rect.width as f64,
            rect.height as f64,
        );
        let mut offset = -h;
        while offset < w {
            context.begin_path();
            context.move_to(x + offset, y + h);
            context.line_to(x + offset + h, y);
            context.stroke();
            offset += 10.0;
        }
        context.restore();
        pen.rounded(rect, radius);
        context.set_stroke_style_str(&colour);
        context.set_line_width(2.5);
        context.stroke();
    } else {
        pen.fill(&colour);
    }
}

fn ink_of(fill: Fill) -> &'static str {
    if fill.pattern != Pattern::Hatch && fill.ink.is_light() {
        "#ffffff"
    } else {
        INK
    }
}

/// A row of jobs: warming ones striped as cold running is; waiting ones white, ringed in their
/// colour (neither cold nor warm: not running).
fn chips(pen: &Pen, row: &ChipRow, warming: bool) {
    pen.text_in(&row.caption.text, row.caption.rect, Type::left(TEXT, MUTED));
    for chip in &row.chips {
        let fill = segment_fill(Some(chip.job), false);
        if warming {
            paint_fill(pen, chip.label.rect, fill, 4.0);
        } else {
            pen.rounded(chip.label.rect, 4.0);
            pen.fill("#ffffff");
            pen.context.set_stroke_style_str(&fill.colour.hex());
            pen.context.set_line_width(2.0);
            pen.context.stroke();
        }
        pen.text_in(&chip.label.text, chip.label.rect, Type::centred(TEXT, INK));
    }
    if let Some(more) = &row.more {
        pen.text_in(&more.text, more.rect, Type::left(TEXT, MUTED));
    }
}

/// Paints the whole picture, back to front.
fn paint(pen: &Pen, scene: &WarmupScene) {
    pen.fill_rect(
        Rect {
            x: 0.0,
            y: 0.0,
            width: scene.size.width,
            height: scene.size.height,
        },
        "#ffffff",
    );
    pen.text_in(&scene.clock.text, scene.clock.rect, Type::left(TEXT, INK));
    for card in &scene.cards {
        pen.rounded(card.rect, 8.0);
        pen.fill(PANEL);
        pen.stroke(INK, 1.5);
        pen.text_in(&card.title.text, card.title.rect, Type::left(TEXT, INK));
        let running = &card.running;
        let fill = segment_fill(running.job, running.warm);
        paint_fill(pen, running.rect, fill, 6.0);
        let ink = ink_of(fill);
        if fill.pattern == Pattern::Hatch {
            // The stripes stay out from under the words.
            for label in [&running.status, &running.detail] {
                if !label.text.is_empty() {
                    pen.fill_rect(label.rect.inset(-2.0, 0.0), "rgba(255, 255, 255, 0.9)");
                }
            }
        }
        pen.text_in(
            &running.status.text,
            running.status.rect,
            Type::left(TEXT, ink),
        );
        pen.text_in(
            &running.detail.text,
            running.detail.rect,
            Type::left(TEXT, ink),
        );
        if let Some((bar, done)) = running.progress {
            pen.fill_rect(bar, "#ffffff");
            pen.fill_rect(
                Rect {
                    width: bar.width * done,
                    ..bar
                },
                INK,
            );
            pen.outline(bar, INK, 1.0);
        }
        let cache = &card.cache;
        pen.text_in(
            &cache.caption.text,
            cache.caption.rect,
            Type::left(TEXT, MUTED),
        );
        pen.fill_rect(cache.bar, "#ffffff");
        for part in &cache.parts {
            let fill = segment_fill(Some(part.job), true);
            pen.fill_rect(part.rect, &fill.colour.hex());
            pen.outline(part.rect, "#ffffff", 1.0);
            if let Some(label) = &part.label {
                pen.text_in(&label.text, label.rect, Type::left(TEXT, ink_of(fill)));
            }
        }
        pen.outline(cache.bar, LINE, 1.5);
        chips(pen, &card.warming, true);
        if let Some(queue) = &card.queue {
            chips(pen, queue, false);
        }
    }
    if let Some(shared) = &scene.shared {
        let outline = shared.rect.inset(-8.0, -2.0);
        pen.rounded(outline, 8.0);
        pen.fill(PANEL);
        pen.stroke(LINE, 1.5);
        chips(pen, shared, false);
    }
}

#[function_component(WarmupCanvas)]
pub fn warmup_canvas(props: &WarmupCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let box_ref = use_node_ref();
    let fit = use_fit(box_ref.clone());
    let width = fit.map(|fit| fit.available.max(proclab_view::MIN_WIDTH));
    let scene = use_memo(
        (
            props.simulation.clone(),
            props.state.clone(),
            props.lang,
            width.map(f32::to_bits),
        ),
        |(simulation, state, lang, width)| {
            let width = f32::from_bits((*width)?);
            Some(machine_scene(&simulation.scenario, state, *lang, width))
        },
    );
    {
        let (canvas_ref, scene) = (canvas_ref.clone(), scene.clone());
        let scale = fit.map(|fit| fit.scale);
        use_effect(move || {
            // Hidden, it has no fit and no scene (see `use_fit`).
            let canvas = canvas_ref.cast::<HtmlCanvasElement>();
            let context = canvas.as_ref().and_then(context_2d);
            if let (Some(scene), Some(scale), Some(context)) = (scene.as_ref(), scale, context) {
                let pen = Pen::new(&context, scale, scene.zoom as f64, false);
                paint(&pen, scene);
            }
        });
    }
    let scale = fit.map_or(1.0, |fit| fit.scale);
    // Where each CPU's job box is (CSS pixels), for the end-to-end tests that read its pixels.
    let boxes = scene.as_ref().as_ref().map(|scene| {
        scene
            .cards
            .iter()
            .map(|card| {
                let rect = card.running.rect;
                format!("{},{},{},{}", rect.x, rect.y, rect.width, rect.height)
            })
            .collect::<Vec<_>>()
            .join(";")
    });
    let (width, height, style) = match scene.as_ref() {
        Some(scene) => (
            Some(((scene.size.width as f64 * scale) as u32).to_string()),
            Some(((scene.size.height as f64 * scale) as u32).to_string()),
            Some(format!(
                "width: {}px; height: {}px;",
                scene.size.width, scene.size.height
            )),
        ),
        None => (None, None, None),
    };
    html! {
        <div class="watch-canvas-box warmup-canvas-box" ref={box_ref}>
            <canvas id={WARMUP_CANVAS_ID} ref={canvas_ref} role="img" aria-label={props.label.clone()}
                data-tick={props.state.tick.to_string()} data-run-boxes={boxes} {width} {height} {style}></canvas>
        </div>
    }
}
