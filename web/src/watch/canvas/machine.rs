//! Paints the machine: each CPU with what it does and its cache, the ready queues, and the
//! threads waiting for I/O.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::text::WatchText;
use proclab_core::cache::CacheOwner;
use proclab_core::state::CpuActivity;
use proclab_view::{fits_two_lines, CpuBox, Lane, Point, Rect, Scene};

use super::pen::{colour, Pen, Type, ACTIVE, INK, LINE, MUTED, PANEL};

/// One CPU box: what it runs, loads or refills for, the countdown of a dispatch or stall, and
/// its cache.
pub fn cpu(pen: &Pen, cpu: &CpuBox, lang: Lang) {
    pen.rounded(cpu.rect, 8.0);
    let busy = matches!(cpu.activity, CpuActivity::Running { .. });
    pen.fill(if busy { "#eaf3fb" } else { PANEL });
    pen.stroke(INK, 1.5);
    let doing = match (&cpu.label, cpu.activity) {
        (_, CpuActivity::Idle) => WatchText::Idle.get(lang).to_string(),
        (Some(label), CpuActivity::Dispatching { .. }) => format!("→ {label}"),
        (Some(label), CpuActivity::Stalling { .. }) => {
            format!("{label} ({})", WatchText::Refill.get(lang))
        }
        (Some(label), _) => label.clone(),
        (None, _) => String::new(),
    };
    pen.text_within(
        &format!("{} {}: {doing}", WatchText::Cpu.get(lang), cpu.cpu),
        Point {
            x: cpu.rect.x + 8.0,
            y: cpu.rect.y + 12.0,
        },
        Type::left(13.0, INK),
        cpu.rect.width as f64 - 48.0,
    );
    if let Some(left) = cpu.countdown {
        pen.text(
            &format!("-{left}"),
            Point {
                x: cpu.rect.x + cpu.rect.width - 8.0,
                y: cpu.rect.y + 12.0,
            },
            Type::right(13.0, ACTIVE),
        );
    }
    if cpu.cache_capacity > 0 || !cpu.cache.is_empty() {
        cache(pen, cpu, lang);
    }
}

/// The cache bar along the bottom of a CPU box: one slice per owner, bright where warm for the
/// thread on this CPU, with a caption above.
fn cache(pen: &Pen, cpu: &CpuBox, lang: Lang) {
    let bar = Rect {
        x: cpu.rect.x + 8.0,
        y: cpu.rect.y + cpu.rect.height - 20.0,
        width: cpu.rect.width - 16.0,
        height: 12.0,
    };
    pen.context.set_stroke_style_str(LINE);
    pen.context.stroke_rect(
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
        pen.context
            .set_global_alpha(if slice.warm_for_current { 1.0 } else { 0.35 });
        pen.fill_rect(Rect { x, width, ..bar }, colour(pid));
        pen.context.set_global_alpha(1.0);
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
    pen.text(
        &caption,
        Point {
            x: bar.x,
            y: bar.y - 8.0,
        },
        Type::left(10.0, MUTED),
    );
}

/// One ready queue: its title, a cell per drawn entry (label, and slice words when the cell is
/// tall enough), and how many more wait.
pub fn lane(pen: &Pen, lane: &Lane, lanes: usize, lang: Lang) {
    pen.rounded(lane.rect, 6.0);
    pen.stroke(LINE, 1.0);
    let title = if lanes > 1 {
        format!("{} {}", WatchText::ReadyQueue.get(lang), lane.level)
    } else {
        WatchText::ReadyQueue.get(lang).to_string()
    };
    pen.text(
        &title,
        Point {
            x: lane.rect.x + 6.0,
            y: lane.rect.y + 10.0,
        },
        Type::left(11.0, MUTED),
    );
    for (((thread, label), rect), details) in
        lane.entries.iter().zip(&lane.cells).zip(lane.details())
    {
        pen.rounded(*rect, 4.0);
        pen.fill(colour(thread.pid));
        let within = rect.width as f64 - 4.0;
        let centre = rect.center();
        if details.is_empty() || !fits_two_lines(*rect) {
            let size = (rect.height * 0.45).min(12.0) as f64;
            pen.text_within(label, centre, Type::centred(size, INK), within);
        } else {
            let above = Point {
                y: centre.y - 6.0,
                ..centre
            };
            let below = Point {
                y: centre.y + 7.0,
                ..centre
            };
            pen.text_within(label, above, Type::centred(11.0, INK), within);
            pen.text_within(&details, below, Type::centred(9.0, INK), within);
        }
    }
    if let Some((at, count)) = lane.more {
        pen.text(&format!("+{count}"), at, Type::left(12.0, MUTED));
    }
}

/// The I/O box: its title and the line of threads waiting, as [`proclab_view::io_row`] set it.
pub fn io(pen: &Pen, scene: &Scene, lang: Lang) {
    pen.rounded(scene.io_rect, 6.0);
    pen.stroke(LINE, 1.0);
    pen.text(
        WatchText::Io.get(lang),
        Point {
            x: scene.io_rect.x + 6.0,
            y: scene.io_rect.y + 10.0,
        },
        Type::left(11.0, MUTED),
    );
    for (at, label) in &scene.io_row.labels {
        pen.text(label, *at, Type::left(12.0, INK));
    }
    if let Some(at) = scene.io_row.more {
        pen.text("…", at, Type::left(14.0, MUTED));
    }
}
