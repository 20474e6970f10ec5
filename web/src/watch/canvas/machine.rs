//! Paints the machine: each CPU with what it does and its cache, the ready queues, and the
//! threads waiting for I/O, each text in the box `proclab_view` gave it.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::watch::text::WatchText;
use proclab_core::cache::CacheOwner;
use proclab_core::state::CpuActivity;
use proclab_view::{CpuBox, IoEntry, Lane, LaneForm, Rect, Scene};

use super::pen::{colour, Pen, Type, INK, LINE, MUTED, PANEL, TEXT};

/// One CPU box: what it runs, loads or refills for, and its cache. (How long a dispatch or a
/// refill still takes is said in words by the switch panel over it.)
pub fn cpu(pen: &Pen, cpu: &CpuBox, lang: Lang, awaiting: bool) {
    pen.rounded(cpu.rect, 8.0);
    let busy = matches!(cpu.activity, CpuActivity::Running { .. });
    pen.fill(if busy { "#eaf3fb" } else { PANEL });
    pen.stroke(INK, 1.5);
    let doing = match (&cpu.label, cpu.activity) {
        // With the student's schedule used up the run waits for them, not for work.
        (_, CpuActivity::Idle) if awaiting => WatchText::AwaitingChoice.get(lang).to_string(),
        (_, CpuActivity::Idle) => WatchText::Idle.get(lang).to_string(),
        (Some(label), CpuActivity::Dispatching { .. }) => {
            format!("{} {label}", WatchText::Loading.get(lang))
        }
        (Some(label), CpuActivity::Stalling { .. }) => {
            format!("{label} ({})", WatchText::Refill.get(lang))
        }
        (Some(label), _) => label.clone(),
        (None, _) => String::new(),
    };
    let mut title = format!("{} {}: {doing}", WatchText::Cpu.get(lang), cpu.cpu);
    // On a multilevel queue, the level of the thread it runs, then the ticks left of its time
    // slice (the legend's q3), each where the title has room.
    let level = cpu.level.map(|level| {
        WatchText::Level
            .get(lang)
            .replace("{n}", &level.to_string())
    });
    // Spelt as the queues' entries spell it (`q3`, `r2`, `p1`): the legend says what each is.
    let mark = (!cpu.mark.is_empty()).then(|| cpu.mark.clone());
    for extra in [level, mark].into_iter().flatten() {
        let longer = format!("{title} · {extra}");
        if pen.measure(&longer, Type::left(13.0, INK)) <= cpu.title.width as f64 {
            title = longer;
        }
    }
    pen.text_in(&title, cpu.title, Type::left(13.0, INK));
    if cpu.cache_capacity > 0 || !cpu.cache.is_empty() {
        cache(pen, cpu, lang);
    }
}

/// The cache bar along the bottom of a CPU box: one slice per owner, bright where warm for the
/// thread on this CPU, with a caption above.
fn cache(pen: &Pen, cpu: &CpuBox, lang: Lang) {
    let bar = cpu.cache_bar;
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
    // The units the refill after a switch loads are already listed as the incoming thread's, but
    // cold until the stall has run: drawn half-tone (the newest of its lines), the rest solid.
    let cold = match cpu.activity {
        CpuActivity::Dispatching { cold, .. } | CpuActivity::Stalling { cold, .. } => cold,
        _ => 0,
    };
    let mut cold_left = cold;
    let mut cold_of: Vec<u32> = vec![0; cpu.cache.len()];
    for (slice, share) in cpu.cache.iter().zip(cold_of.iter_mut()).rev() {
        if slice.warm_for_current {
            *share = slice.units.min(cold_left);
            cold_left -= *share;
        }
    }
    let mut x = bar.x;
    for (slice, &cold_units) in cpu.cache.iter().zip(&cold_of) {
        let pid = match slice.owner {
            CacheOwner::Shared { pid } | CacheOwner::Stack { pid, .. } => pid,
        };
        let parts = [
            (
                slice.units - cold_units,
                if slice.warm_for_current { 1.0 } else { 0.35 },
            ),
            (cold_units, 0.65),
        ];
        for (units, alpha) in parts {
            if units == 0 {
                continue;
            }
            let width = bar.width * units as f32 / capacity;
            pen.context.set_global_alpha(alpha);
            pen.fill_rect(Rect { x, width, ..bar }, colour(pid));
            x += width;
        }
        pen.context.set_global_alpha(1.0);
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
            .sum::<u32>()
            - cold;
        // During the switch the units to refill are cold; during the stall, refilling.
        let cold_words = match cpu.activity {
            _ if cold == 0 => String::new(),
            CpuActivity::Stalling { .. } => format!(", {} {cold}", WatchText::Refilling.get(lang)),
            _ => format!(", {} {cold}", WatchText::Cold.get(lang)),
        };
        format!(
            "{}: {} {warm}{cold_words} / {}",
            WatchText::Cache.get(lang),
            WatchText::Warm.get(lang),
            capacity as u32
        )
    };
    pen.text_in(&caption, cpu.cache_caption, Type::left(TEXT, MUTED));
}

/// One ready queue: its title, a chip per drawn entry (its name, and its slice words when the
/// lane has room for two lines), and how many more wait.
/// With a schedule of the student's own (`scheduled`) no entry shows the policy's slice left: the
/// schedule, not a quantum, decides how long a thread runs.
pub fn lane(pen: &Pen, lane: &Lane, line: f32, lang: Lang, scheduled: bool) {
    pen.rounded(lane.rect, 6.0);
    pen.stroke(LINE, 1.0);
    let queue = if lane.numbered {
        format!("{} {}", WatchText::ReadyQueue.get(lang), lane.level)
    } else {
        WatchText::ReadyQueue.get(lang).to_string()
    };
    let title = match lane.cpu {
        Some(cpu) => format!("{} {cpu} · {queue}", WatchText::Cpu.get(lang)),
        None => queue,
    };
    pen.text_in(&title, lane.title, Type::left(TEXT, MUTED));
    for (((thread, label), rect), details) in lane.entries.iter().zip(&lane.cells).zip(&lane.marks)
    {
        pen.rounded(*rect, 4.0);
        pen.tint(colour(thread.pid));
        let first = Rect {
            height: line,
            y: rect.y + 1.0,
            ..*rect
        };
        if lane.form == LaneForm::TwoLines && !details.is_empty() && !scheduled {
            pen.text_in(label, first, Type::centred(TEXT, INK));
            let second = Rect {
                y: first.y + line,
                ..first
            };
            pen.text_in(details, second, Type::centred(TEXT, INK));
        } else if !details.is_empty() && !scheduled {
            // One line: the name and its marks side by side, as the cell was sized.
            pen.text_in(
                &format!("{label} {details}"),
                *rect,
                Type::centred(TEXT, INK),
            );
        } else {
            pen.text_in(label, *rect, Type::centred(TEXT, INK));
        }
    }
    if let Some((rect, count)) = lane.more {
        pen.text_in(&format!("+{count}"), rect, Type::left(TEXT, MUTED));
    }
}

/// The I/O box: its title and the line of threads waiting, as [`proclab_view::io_row`] set it.
pub fn io(pen: &Pen, scene: &Scene, lang: Lang) {
    pen.rounded(scene.io_rect, 6.0);
    pen.stroke(LINE, 1.0);
    // Once a thread waits for a sync object or a channel shows, the title says how to read its
    // entries.
    let title = if scene.io.iter().any(IoEntry::is_channel) {
        WatchText::WaitingChannels
    } else if scene.io.iter().any(|entry| entry.waits_for.is_some()) {
        WatchText::Waiting
    } else {
        WatchText::Io
    };
    // Squeezed to its box a long title is unreadable (a phone's box is a third of it): a
    // narrow box says it shortly, the legend under the picture in full.
    let style = Type::left(TEXT, MUTED);
    let fits =
        |title: WatchText| pen.measure(title.get(lang), style) <= f64::from(scene.io_title.width);
    let title = match title {
        WatchText::WaitingChannels if !fits(title) && fits(WatchText::WaitingChannelsShort) => {
            WatchText::WaitingChannelsShort
        }
        WatchText::Waiting | WatchText::WaitingChannels if !fits(title) => WatchText::WaitingShort,
        _ => title,
    };
    pen.text_in(title.get(lang), scene.io_title, style);
    for (rect, label) in &scene.io_row.labels {
        pen.text_in(label, *rect, Type::left(TEXT, INK));
    }
    if let Some(rect) = scene.io_row.more {
        pen.text_in("…", rect, Type::left(TEXT, MUTED));
    }
}
