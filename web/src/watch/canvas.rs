//! Paints a [`Scene`] on a 2D canvas. An imperative island: no state, no decisions; everything it
//! draws was decided by `proclab_view::scene`.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::text::{cause_label, state_name, WatchText};
use proclab_core::cache::CacheOwner;
use proclab_core::state::CpuActivity;
use proclab_view::{token_radius, Point, Rect, Scene, SwitchPhase, SwitchView};
use std::cell::Cell;
use web_sys::CanvasRenderingContext2d;

/// Okabe–Ito, distinguishable with every common colour-vision deficiency.
const PALETTE: [&str; 8] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
];
const INK: &str = "#1b1f24";
const MUTED: &str = "#57606a";
const LINE: &str = "#aeb7c2";
const PANEL: &str = "#f5f7fa";
const ACTIVE: &str = "#D55E00";
const FONT: &str = "sans-serif";

thread_local! {
    /// How much larger than their nominal size texts are drawn in the current paint.
    static TEXT_ZOOM: Cell<f64> = const { Cell::new(1.0) };
}

pub fn colour(index: u32) -> &'static str {
    PALETTE[index as usize % PALETTE.len()]
}

fn rounded(context: &CanvasRenderingContext2d, rect: Rect, radius: f64) {
    let (x, y, w, h) = (
        rect.x as f64,
        rect.y as f64,
        rect.width as f64,
        rect.height as f64,
    );
    let r = radius.min(w / 2.0).min(h / 2.0);
    context.begin_path();
    context.move_to(x + r, y);
    let _ = context.arc_to(x + w, y, x + w, y + h, r);
    let _ = context.arc_to(x + w, y + h, x, y + h, r);
    let _ = context.arc_to(x, y + h, x, y, r);
    let _ = context.arc_to(x, y, x + w, y, r);
    context.close_path();
}

fn text(
    context: &CanvasRenderingContext2d,
    value: &str,
    at: Point,
    size: f64,
    colour: &str,
    align: &str,
) {
    text_within(context, value, at, size, colour, align, f64::INFINITY);
}

/// [`text`], squeezed horizontally (by the canvas itself) so it never runs past `max_width`.
fn text_within(
    context: &CanvasRenderingContext2d,
    value: &str,
    at: Point,
    size: f64,
    colour: &str,
    align: &str,
    max_width: f64,
) {
    let size = size * TEXT_ZOOM.with(Cell::get);
    context.set_font(&format!("{size}px {FONT}"));
    context.set_fill_style_str(colour);
    context.set_text_align(align);
    context.set_text_baseline("middle");
    let _ = if max_width.is_finite() {
        context.fill_text_with_max_width(value, at.x as f64, at.y as f64, max_width.max(8.0))
    } else {
        context.fill_text(value, at.x as f64, at.y as f64)
    };
}

fn arrow(context: &CanvasRenderingContext2d, from: Point, to: Point, active: bool) {
    context.set_stroke_style_str(if active { ACTIVE } else { LINE });
    context.set_line_width(if active { 3.0 } else { 1.5 });
    context.begin_path();
    context.move_to(from.x as f64, from.y as f64);
    context.line_to(to.x as f64, to.y as f64);
    context.stroke();
    let (dx, dy) = ((to.x - from.x) as f64, (to.y - from.y) as f64);
    let length = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / length, dy / length);
    let head = 9.0;
    context.set_fill_style_str(if active { ACTIVE } else { LINE });
    context.begin_path();
    context.move_to(to.x as f64, to.y as f64);
    context.line_to(
        to.x as f64 - head * ux + head * 0.5 * uy,
        to.y as f64 - head * uy - head * 0.5 * ux,
    );
    context.line_to(
        to.x as f64 - head * ux - head * 0.5 * uy,
        to.y as f64 - head * uy + head * 0.5 * ux,
    );
    context.close_path();
    context.fill();
}

/// Paints the whole scene; `scale` is the device pixel ratio.
pub fn paint(
    context: &CanvasRenderingContext2d,
    scene: &Scene,
    scale: f64,
    lang: Lang,
    selected: Option<proclab_core::ThreadRef>,
) {
    let _ = context.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    // Text grows with the picture on wide screens (a projector), never shrinks below its size.
    TEXT_ZOOM.with(|zoom| zoom.set((scene.size.width as f64 / 1000.0).clamp(1.0, 1.5)));
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, scene.size.width as f64, scene.size.height as f64);

    // The five-state diagram.
    for arrow_shape in &scene.arrows {
        arrow(
            context,
            arrow_shape.from,
            arrow_shape.to,
            !arrow_shape.causes.is_empty(),
        );
    }
    for arrow_shape in scene.arrows.iter().filter(|shape| !shape.causes.is_empty()) {
        let cause = &arrow_shape.causes[0];
        let by = match cause {
            proclab_core::Cause::Preempted { by, .. } => scene
                .tokens
                .iter()
                .find(|token| token.thread == *by)
                .map(|token| token.label.as_str()),
            _ => None,
        };
        let mut label = cause_label(cause, by, lang);
        if arrow_shape.causes.len() > 1 {
            label.push_str(&format!(" ×{}", arrow_shape.causes.len()));
        }
        let middle = arrow_shape.from.lerp(arrow_shape.to, 0.5);
        let width = 7.0 * label.chars().count() as f64 + 8.0;
        context.set_fill_style_str("rgba(255, 255, 255, 0.9)");
        context.fill_rect(
            middle.x as f64 - width / 2.0,
            middle.y as f64 - 16.0,
            width,
            14.0,
        );
        text(
            context,
            &label,
            Point {
                x: middle.x,
                y: middle.y - 9.0,
            },
            11.0,
            ACTIVE,
            "center",
        );
    }
    for node in &scene.nodes {
        rounded(context, node.rect, 10.0);
        context.set_fill_style_str(PANEL);
        context.fill();
        context.set_stroke_style_str(INK);
        context.set_line_width(1.5);
        context.stroke();
        let title = Point {
            x: node.rect.center().x,
            y: node.rect.y + 11.0,
        };
        text_within(
            context,
            &format!("{} · {}", state_name(node.state, lang), node.count),
            title,
            12.0,
            INK,
            "center",
            node.rect.width as f64 - 4.0,
        );
    }
    let radius = token_radius(scene) as f64;
    for token in &scene.tokens {
        context.begin_path();
        let _ = context.arc(
            token.at.x as f64,
            token.at.y as f64,
            radius,
            0.0,
            std::f64::consts::TAU,
        );
        context.set_fill_style_str(colour(token.colour));
        context.fill();
        let chosen = selected == Some(token.thread);
        context.set_stroke_style_str(if token.moving || chosen { ACTIVE } else { INK });
        context.set_line_width(if token.moving || chosen { 3.0 } else { 1.0 });
        context.stroke();
        if radius >= 9.0 {
            text_within(
                context,
                &token.label,
                token.at,
                (radius * 0.75).min(11.0),
                INK,
                "center",
                2.0 * radius - 2.0,
            );
        }
    }
    text(
        context,
        &format!("{} = {}", WatchText::Clock.get(lang), scene.tick),
        Point { x: 8.0, y: 12.0 },
        15.0,
        INK,
        "left",
    );

    // The machine: CPUs with their caches, ready lanes, I/O.
    for cpu in &scene.cpus {
        paint_cpu(context, cpu, lang);
    }
    for lane in &scene.lanes {
        rounded(context, lane.rect, 6.0);
        context.set_stroke_style_str(LINE);
        context.set_line_width(1.0);
        context.stroke();
        let title = if scene.lanes.len() > 1 {
            format!("{} {}", WatchText::ReadyQueue.get(lang), lane.level)
        } else {
            WatchText::ReadyQueue.get(lang).to_string()
        };
        text(
            context,
            &title,
            Point {
                x: lane.rect.x + 6.0,
                y: lane.rect.y + 10.0,
            },
            11.0,
            MUTED,
            "left",
        );
        for (index, ((thread, label), rect)) in lane.entries.iter().zip(&lane.cells).enumerate() {
            rounded(context, *rect, 4.0);
            context.set_fill_style_str(colour(thread.pid));
            context.fill();
            let details = lane
                .slices_left
                .get(index)
                .map(|(quantum, allotment)| {
                    let mut words = quantum.map(|left| format!("q{left}")).unwrap_or_default();
                    if let Some(allotment) = allotment {
                        words.push_str(&format!(" a{allotment}"));
                    }
                    words
                })
                .unwrap_or_default();
            if details.is_empty() || rect.height < 22.0 {
                text_within(
                    context,
                    label,
                    rect.center(),
                    (rect.height * 0.45).min(12.0) as f64,
                    INK,
                    "center",
                    rect.width as f64 - 4.0,
                );
            } else {
                let centre = rect.center();
                text_within(
                    context,
                    label,
                    Point {
                        x: centre.x,
                        y: centre.y - 6.0,
                    },
                    11.0,
                    INK,
                    "center",
                    rect.width as f64 - 4.0,
                );
                text_within(
                    context,
                    details.trim(),
                    Point {
                        x: centre.x,
                        y: centre.y + 7.0,
                    },
                    9.0,
                    INK,
                    "center",
                    rect.width as f64 - 4.0,
                );
            }
        }
        if lane.entries.len() > lane.cells.len() {
            let after_last = lane
                .cells
                .last()
                .map_or(lane.rect.x + 6.0, |cell| cell.x + cell.width + 4.0);
            let middle = lane.rect.y + 18.0 + (lane.rect.height - 18.0).clamp(10.0, 30.0) / 2.0;
            let more = format!("+{}", lane.entries.len() - lane.cells.len());
            text(
                context,
                &more,
                Point {
                    x: after_last.min(lane.rect.x + lane.rect.width - 30.0),
                    y: middle,
                },
                12.0,
                MUTED,
                "left",
            );
        }
    }
    rounded(context, scene.io_rect, 6.0);
    context.set_stroke_style_str(LINE);
    context.stroke();
    text(
        context,
        WatchText::Io.get(lang),
        Point {
            x: scene.io_rect.x + 6.0,
            y: scene.io_rect.y + 10.0,
        },
        11.0,
        MUTED,
        "left",
    );
    let mut x = scene.io_rect.x + 6.0;
    for entry in &scene.io {
        let label = format!("{} ({})", entry.label, entry.io_left);
        if x > scene.io_rect.x + scene.io_rect.width - 40.0 {
            text(
                context,
                "…",
                Point {
                    x,
                    y: scene.io_rect.y + 28.0,
                },
                14.0,
                MUTED,
                "left",
            );
            break;
        }
        text(
            context,
            &label,
            Point {
                x,
                y: scene.io_rect.y + 28.0,
            },
            12.0,
            INK,
            "left",
        );
        x += 12.0 + 7.0 * label.chars().count() as f32;
    }
    for view in &scene.switches {
        if let Some(cpu) = scene.cpus.iter().find(|cpu| cpu.cpu == view.cpu) {
            paint_switch(context, cpu.rect, view, lang);
        }
    }
}

fn paint_cpu(context: &CanvasRenderingContext2d, cpu: &proclab_view::CpuBox, lang: Lang) {
    rounded(context, cpu.rect, 8.0);
    let busy = matches!(cpu.activity, CpuActivity::Running { .. });
    context.set_fill_style_str(if busy { "#eaf3fb" } else { PANEL });
    context.fill();
    context.set_stroke_style_str(INK);
    context.set_line_width(1.5);
    context.stroke();
    let head = Point {
        x: cpu.rect.x + 8.0,
        y: cpu.rect.y + 12.0,
    };
    let doing = match (&cpu.label, cpu.activity) {
        (_, CpuActivity::Idle) => WatchText::Idle.get(lang).to_string(),
        (Some(label), CpuActivity::Dispatching { .. }) => format!("→ {label}"),
        (Some(label), CpuActivity::Stalling { .. }) => {
            format!("{label} ({})", WatchText::Refill.get(lang))
        }
        (Some(label), _) => label.clone(),
        (None, _) => String::new(),
    };
    text_within(
        context,
        &format!("{} {}: {doing}", WatchText::Cpu.get(lang), cpu.cpu),
        head,
        13.0,
        INK,
        "left",
        cpu.rect.width as f64 - 48.0,
    );
    if let Some(left) = cpu.countdown {
        text(
            context,
            &format!("-{left}"),
            Point {
                x: cpu.rect.x + cpu.rect.width - 8.0,
                y: cpu.rect.y + 12.0,
            },
            13.0,
            ACTIVE,
            "right",
        );
    }
    if cpu.cache_capacity == 0 && cpu.cache.is_empty() {
        return;
    }
    // Cache bar along the bottom of the CPU box.
    let bar = Rect {
        x: cpu.rect.x + 8.0,
        y: cpu.rect.y + cpu.rect.height - 20.0,
        width: cpu.rect.width - 16.0,
        height: 12.0,
    };
    context.set_stroke_style_str(LINE);
    context.stroke_rect(
        bar.x as f64,
        bar.y as f64,
        bar.width as f64,
        bar.height as f64,
    );
    let capacity = cpu
        .cache_capacity
        .max(cpu.cache.iter().map(|slice| slice.units).sum::<u32>())
        .max(1) as f32;
    let mut x = bar.x;
    for slice in &cpu.cache {
        let width = bar.width * slice.units as f32 / capacity;
        let pid = match slice.owner {
            CacheOwner::Shared { pid } | CacheOwner::Stack { pid, .. } => pid,
        };
        context.set_fill_style_str(colour(pid));
        context.set_global_alpha(if slice.warm_for_current { 1.0 } else { 0.35 });
        context.fill_rect(x as f64, bar.y as f64, width as f64, bar.height as f64);
        context.set_global_alpha(1.0);
        x += width;
    }
    let caption = if cpu.cache.is_empty() {
        format!(
            "{}: {}",
            WatchText::Cache.get(lang),
            WatchText::CacheEmpty.get(lang)
        )
    } else {
        let warm: u32 = cpu
            .cache
            .iter()
            .filter(|slice| slice.warm_for_current)
            .map(|slice| slice.units)
            .sum();
        format!(
            "{}: {} {warm} / {}",
            WatchText::Cache.get(lang),
            WatchText::Warm.get(lang),
            capacity as u32
        )
    };
    text(
        context,
        &caption,
        Point {
            x: bar.x,
            y: bar.y - 8.0,
        },
        10.0,
        MUTED,
        "left",
    );
}

fn paint_switch(context: &CanvasRenderingContext2d, rect: Rect, view: &SwitchView, lang: Lang) {
    let middle = Rect {
        x: rect.x + 8.0,
        y: rect.y + 24.0,
        width: rect.width - 16.0,
        height: (rect.height - 66.0).max(16.0),
    };
    let (step, detail) = match view.phase {
        SwitchPhase::Trap => (WatchText::Trap.get(lang).to_string(), String::new()),
        SwitchPhase::SaveOutgoing => (
            WatchText::SaveOutgoing.get(lang).to_string(),
            match (&view.outgoing, view.registers_out, view.program_counter_out) {
                (Some((_, label)), Some(registers), Some(pc)) => format!(
                    "{label}: PC={pc} R0={:08x} R1={:08x} → PCB",
                    registers[0], registers[1]
                ),
                _ => String::new(),
            },
        ),
        SwitchPhase::LoadIncoming => (
            WatchText::LoadIncoming.get(lang).to_string(),
            format!(
                "PCB → {}: PC={} R0={:08x} R1={:08x}",
                view.incoming.1,
                view.program_counter_in,
                view.registers_in[0],
                view.registers_in[1]
            ),
        ),
        SwitchPhase::Latency { left } => (
            format!("{} ({left})", WatchText::Latency.get(lang)),
            String::new(),
        ),
        SwitchPhase::Refill { left } => (
            format!("{} ({left})", WatchText::Refill.get(lang)),
            String::new(),
        ),
    };
    // A process switch is drawn heavier than a thread switch: the address space changes too.
    let heavy = view.address_space_change;
    rounded(context, middle, 6.0);
    context.set_fill_style_str(if heavy {
        "rgba(213, 94, 0, 0.16)"
    } else {
        "rgba(0, 114, 178, 0.10)"
    });
    context.fill();
    context.set_stroke_style_str(if heavy { ACTIVE } else { "#0072B2" });
    context.set_line_width(if heavy { 3.0 } else { 1.5 });
    context.stroke();
    let kind = if heavy {
        WatchText::ProcessSwitch
    } else {
        WatchText::ThreadSwitch
    };
    text_within(
        context,
        &step,
        Point {
            x: middle.x + 6.0,
            y: middle.y + 10.0,
        },
        12.0,
        INK,
        "left",
        middle.width as f64 - 12.0,
    );
    if !detail.is_empty() {
        text_within(
            context,
            &detail,
            Point {
                x: middle.x + 6.0,
                y: middle.y + 26.0,
            },
            11.0,
            INK,
            "left",
            middle.width as f64 - 12.0,
        );
    }
    text_within(
        context,
        kind.get(lang),
        Point {
            x: middle.x + 6.0,
            y: middle.y + middle.height - 8.0,
        },
        10.0,
        MUTED,
        "left",
        middle.width as f64 - 12.0,
    );
}
