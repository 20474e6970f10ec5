//! The watch canvas, an imperative island. [`WatchCanvas`] measures its box, computes the scene
//! of the instant once per change (`use_memo`), paints it, and hit-tests clicks against that same
//! scene. The painters ([`diagram`], [`machine`], [`switch`]) keep no state and decide nothing:
//! every position, size and the text zoom come from `proclab_view`.

mod diagram;
mod fit;
mod machine;
mod pen;
mod switch;
pub mod warmup;

use std::rc::Rc;

use proclab_app::i18n::Lang;
use proclab_core::ThreadRef;
use proclab_view::{
    canvas_size, queue_entry_at, scene, token_at, token_radius, Point, Rect, Scene, Size,
};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

use super::Instant;
use fit::use_fit;
use pen::Pen;

/// The id of the watch canvas.
pub const WATCH_CANVAS_ID: &str = "watch-canvas";

#[derive(Properties, PartialEq)]
pub struct WatchCanvasProps {
    pub lang: Lang,
    pub instant: Rc<Instant>,
    pub tick: u64,
    /// Permille through the instant's animation, as playback has it.
    pub progress: u32,
    /// The reader asked for less motion: every instant is drawn settled.
    pub reduced_motion: bool,
    /// Units a CPU cache holds (0 when the cache model is off).
    pub cache_capacity: u32,
    /// What the policy picks by, marked under each queued name and beside each running one.
    pub turn_key: proclab_view::TurnKey,
    pub selected: Option<ThreadRef>,
    pub onselect: Callback<ThreadRef>,
    /// What the picture shows, in words (its `aria-label`).
    pub label: AttrValue,
    /// A schedule of the student's own is in force: the policy's timer does not decide who runs.
    #[prop_or_default]
    pub scheduled: bool,
    /// The student's schedule is used up at this instant: an idle CPU waits for their choice.
    #[prop_or_default]
    pub awaiting: bool,
    /// The run stopped in a deadlock at this instant (said beside the clock).
    #[prop_or_default]
    pub deadlocked: bool,
    /// Per CPU running a program: the instruction its thread runs in this tick, as
    /// [`proclab_app::program_view::running_code`] says it (drawn in the CPU's box when no
    /// switch fills it).
    #[prop_or_default]
    pub code: Rc<Vec<(u32, String)>>,
    /// User-level threads (many-to-one): the kernel switches processes, so a switch saves and
    /// loads PCBs, whatever thread runs.
    #[prop_or_default]
    pub processes_only: bool,
    /// Presentation mode: muted texts and lines drawn in full ink and the whole picture
    /// magnified ([`canvas_for`]), for a projector.
    #[prop_or_default]
    pub strong: bool,
}

/// How much a presented picture is magnified at most: its scene is laid out for a box this many
/// times narrower and drawn that much larger. The scene is never laid out narrower than
/// [`PRESENTED_WIDTH`], where tokens still have room for their names, so a box up to
/// `PRESENTED * PRESENTED_WIDTH` wide shows the scene laid out at [`PRESENTED_WIDTH`], its texts
/// as large as the box allows: 14.5 px on a 1280 x 720 projector (laid out at 620 px, three
/// user-level threads in Blocked had lost their names), 24 px at 1920 x 1080. Texts also grow
/// with a scene wider than 1,000 px ([`proclab_view::text_zoom`]), but only as fast as its boxes
/// do: at 1920 x 1080 a scene laid out at its full 1,470 px had 17.7 px texts in half-empty boxes.
const PRESENTED: f32 = 2.0;

/// The narrowest scene a presented picture is laid out for.
const PRESENTED_WIDTH: f32 = 720.0;

/// The canvas of a picture in a box `available` CSS pixels wide with `room` down to the window's
/// bottom, of `cpus` CPUs, presented or not.
///
/// Presented, the magnification steps down from [`PRESENTED`] until the magnified picture keeps
/// within the room (rows of CPUs make a narrower scene relatively taller); it is never smaller
/// than the picture the box would show unmagnified.
fn canvas_for(available: f32, room: f32, cpus: usize, scale: f64, presented: bool) -> CanvasSize {
    let plain = CanvasSize {
        size: canvas_size(available, cpus),
        scale,
        magnified: 1.0,
    };
    if !presented {
        return plain;
    }
    let budget = (room - 8.0).max(plain.size.height);
    let mut magnified = (available / PRESENTED_WIDTH).clamp(1.0, PRESENTED);
    while magnified > 1.0 {
        let size = canvas_size(available / magnified, cpus);
        if size.height * magnified <= budget {
            return CanvasSize {
                size,
                scale: scale * f64::from(magnified),
                magnified,
            };
        }
        magnified -= 0.05;
    }
    plain
}

/// The canvas's size in CSS pixels and the device pixel ratio it is drawn for.
#[derive(Clone, Copy)]
struct CanvasSize {
    size: Size,
    scale: f64,
    /// CSS pixels per pixel of the scene ([`canvas_for`]).
    magnified: f32,
}

fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// Paints the whole scene, back to front.
fn paint(
    pen: &Pen,
    scene: &Scene,
    lang: Lang,
    selected: Option<ThreadRef>,
    (scheduled, awaiting, deadlocked): (bool, bool, bool),
    code: &[(u32, String)],
    processes_only: bool,
) {
    let Size { width, height } = scene.size;
    let page = Rect {
        x: 0.0,
        y: 0.0,
        width,
        height,
    };
    pen.fill_rect(page, "#ffffff");
    diagram::arrows(pen, scene);
    diagram::nodes(pen, scene, lang);
    diagram::tokens(pen, scene, selected);
    // Captions last: a token passing along its arrow must not hide why it moves.
    diagram::captions(pen, scene, lang, scheduled);
    diagram::clock(pen, scene, lang, deadlocked);
    for cpu in &scene.cpus {
        machine::cpu(pen, cpu, lang, awaiting);
        // The instruction it runs: on the box's first line, or, while a switch is drawn over
        // those lines (the incoming thread's first instruction runs in the switch's own tick when
        // it costs nothing), on the cache's line where the cache model is off.
        let switching = scene.switches.iter().any(|view| view.cpu == cpu.cpu);
        let cache_line_free = cpu.cache_capacity == 0 && cpu.cache.is_empty();
        if let Some((_, text)) = code.iter().find(|(at, _)| *at == cpu.cpu) {
            let line = match (switching, cache_line_free) {
                (false, _) => Some(cpu.lines[0]),
                (true, true) => Some(cpu.cache_caption),
                (true, false) => None,
            };
            if let Some(line) = line {
                pen.text_in(text, line, pen::Type::left(pen::TEXT, pen::INK));
            }
        }
    }
    for lane in &scene.lanes {
        machine::lane(pen, lane, scene.line, lang, scheduled);
    }
    machine::io(pen, scene, lang);
    for view in &scene.switches {
        if let Some(cpu) = scene.cpus.iter().find(|cpu| cpu.cpu == view.cpu) {
            switch::switch(pen, cpu, view, lang, processes_only);
        }
    }
}

/// The size of the smallest text on screen, in CSS pixels (as `data-text`, for tests).
fn text_size(scene: &Scene, fit: CanvasSize) -> String {
    format!("{:.1}", proclab_view::MIN_TEXT * scene.zoom * fit.magnified)
}

/// The thread under a point of the scene: a token (with a little slack) or a queue entry.
fn thread_at(scene: &Scene, point: Point) -> Option<ThreadRef> {
    token_at(scene, point, token_radius(scene) + 3.0).or_else(|| queue_entry_at(scene, point))
}

#[function_component(WatchCanvas)]
pub fn watch_canvas(props: &WatchCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let box_ref = use_node_ref();
    let fit = use_fit(box_ref.clone());
    // Rows of CPUs make the canvas taller, so the size follows the machine as well as the box.
    let cpus = props.instant.after.cpus.len();
    let fit = fit.map(|fit| canvas_for(fit.available, fit.room, cpus, fit.scale, props.strong));
    let progress = if props.reduced_motion {
        1000
    } else {
        props.progress
    };
    // The one scene of this moment: painted below and searched by clicks.
    let scene = use_memo(
        (
            props.instant.clone(),
            progress,
            fit.map(|fit| fit.size),
            props.cache_capacity,
            props.turn_key,
        ),
        |(instant, progress, size, cache_capacity, key)| {
            size.map(|size| {
                scene(
                    &instant.before,
                    &instant.after,
                    &instant.events,
                    *progress,
                    size,
                    *cache_capacity,
                    *key,
                )
            })
        },
    );

    {
        let (canvas_ref, scene) = (canvas_ref.clone(), scene.clone());
        let (lang, selected, strong) = (props.lang, props.selected, props.strong);
        let (scheduled, awaiting, deadlocked) = (props.scheduled, props.awaiting, props.deadlocked);
        let (code, processes_only) = (props.code.clone(), props.processes_only);
        let scale = fit.map(|fit| fit.scale);
        use_effect(move || {
            // A hidden canvas (its panel not shown yet) has no fit, so no scene: it is painted
            // when it is shown, at its size. Nothing here reads the layout.
            let canvas = canvas_ref.cast::<HtmlCanvasElement>();
            let context = canvas.as_ref().and_then(context_2d);
            if let (Some(scene), Some(scale), Some(context)) = (scene.as_ref(), scale, context) {
                let pen = Pen::new(&context, scale, scene.zoom as f64, strong);
                paint(
                    &pen,
                    scene,
                    lang,
                    selected,
                    (scheduled, awaiting, deadlocked),
                    &code,
                    processes_only,
                );
            }
        });
    }

    let onclick = {
        let (canvas_ref, scene) = (canvas_ref.clone(), scene.clone());
        let onselect = props.onselect.clone();
        Callback::from(move |event: MouseEvent| {
            let (Some(scene), Some(canvas)) =
                (scene.as_ref(), canvas_ref.cast::<web_sys::Element>())
            else {
                return;
            };
            // From where the canvas is on screen (CSS may shrink it) to the scene's coordinates.
            let bounds = canvas.get_bounding_client_rect();
            let point = Point {
                x: ((event.client_x() as f64 - bounds.left()) / bounds.width().max(1.0)) as f32
                    * scene.size.width,
                y: ((event.client_y() as f64 - bounds.top()) / bounds.height().max(1.0)) as f32
                    * scene.size.height,
            };
            if let Some(thread) = thread_at(scene, point) {
                onselect.emit(thread);
            }
        })
    };

    let pixels = |length: f32, scale: f64| ((length as f64 * scale) as u32).to_string();
    let width = fit.map(|fit| pixels(fit.size.width, fit.scale));
    let height = fit.map(|fit| pixels(fit.size.height, fit.scale));
    let style = fit.map(|fit| {
        format!(
            "width: {}px; height: {}px;",
            fit.size.width * fit.magnified,
            fit.size.height * fit.magnified
        )
    });
    html! {
        <div class="watch-canvas-box" ref={box_ref}>
            <canvas id={WATCH_CANVAS_ID} ref={canvas_ref} role="img" aria-label={props.label.clone()} {onclick}
                data-tick={props.tick.to_string()} data-progress={props.progress.to_string()}
                data-text={scene.as_ref().as_ref().zip(fit).map(|(scene, fit)| text_size(scene, fit))}
                {width} {height} {style}></canvas>
        </div>
    }
}
