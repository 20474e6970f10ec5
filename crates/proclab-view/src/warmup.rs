//! The machine of the warm-up cache model (OSTEP `multi.py`) at one tick, as the page's canvas
//! draws it: a card per CPU with the job it runs (cold, striped, with its warm-up so far; or
//! warm, solid, at the warm rate), its cache (the warm working sets against the capacity, and
//! the jobs warming there), its queue when each CPU has one, and the shared queue otherwise.
//!
//! Everything comes from [`WarmupState`], the core's machine at the tick. The words come in
//! [`WarmupWords`] (the page's catalogue has both languages); every text's box is sized for its
//! words here, so the tests can say that none is under [`MIN_TEXT`], none leaves its part and no
//! two overlap, at any width. The canvas paints these boxes and decides nothing.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use proclab_core::warmup::WarmupState;

use crate::geometry::{Rect, Size};
use crate::isolate;
use crate::sizing::{line_height, text_width, text_zoom, MIN_TEXT, MIN_WIDTH};
use crate::text::TextBox;

/// The words of the picture, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarmupWords {
    /// Before the tick number (`tick`).
    pub tick: String,
    pub idle: String,
    /// Running on a cold cache / on a warm one.
    pub cold: String,
    pub warm: String,
    /// Time left (`left`).
    pub left: String,
    /// Warm-up done so far (`warm-up`).
    pub warming: String,
    pub cache: String,
    pub queue: String,
    pub shared_queue: String,
    /// An empty queue or cache list.
    pub none: String,
}

/// A text and the box it is set in.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub rect: Rect,
    pub text: String,
}

/// What a CPU runs: the box, the job (`None`: idle), and whether warm.
#[derive(Clone, Debug, PartialEq)]
pub struct RunBox {
    pub rect: Rect,
    pub job: Option<u32>,
    pub warm: bool,
    /// Name and cold or warm, with the rate.
    pub status: Label,
    /// Warm-up so far and time left (empty when idle).
    pub detail: Label,
    /// The warm-up bar of a cold job: its box and the part done (0 to 1).
    pub progress: Option<(Rect, f32)>,
}

/// One warm working set in a cache: its share of the capacity, and its name when it fits.
#[derive(Clone, Debug, PartialEq)]
pub struct CachePart {
    pub job: u32,
    pub rect: Rect,
    pub label: Option<Label>,
}

/// A cache: its caption (`cache used/capacity`), the bar that stands for the capacity and the
/// warm working sets in it, most recently warmed at the left.
#[derive(Clone, Debug, PartialEq)]
pub struct CacheBar {
    pub caption: Label,
    pub bar: Rect,
    pub parts: Vec<CachePart>,
}

/// One job in a row of chips.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    pub job: u32,
    pub label: Label,
}

/// A captioned row of jobs (a queue, or the jobs warming in a cache) with a `+N` for the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct ChipRow {
    pub rect: Rect,
    pub caption: Label,
    pub chips: Vec<Chip>,
    /// The `+N` when some did not fit, or the word for none when the row is empty.
    pub more: Option<Label>,
}

/// One CPU.
#[derive(Clone, Debug, PartialEq)]
pub struct WarmupCard {
    pub cpu: u32,
    pub rect: Rect,
    pub title: Label,
    pub running: RunBox,
    pub cache: CacheBar,
    pub warming: ChipRow,
    /// Its own queue (per-CPU queues only).
    pub queue: Option<ChipRow>,
}

/// The whole picture at one tick.
#[derive(Clone, Debug, PartialEq)]
pub struct WarmupScene {
    pub size: Size,
    pub zoom: f32,
    /// Every text's size in CSS pixels (never under [`MIN_TEXT`]).
    pub text_size: f32,
    pub clock: Label,
    pub cards: Vec<WarmupCard>,
    /// The one queue of all CPUs (shared queues only).
    pub shared: Option<ChipRow>,
}

const MARGIN: f32 = 8.0;
const GAP: f32 = 8.0;
/// The narrowest a CPU card is at zoom 1.
const MIN_CARD: f32 = 240.0;

/// `text` as it fits in `width` at `size`: whole, or cut with an ellipsis.
fn fitted(text: &str, width: f32, size: f32) -> String {
    if text_width(text, size) <= width {
        return String::from(text);
    }
    let mut kept = String::new();
    for character in text.chars() {
        let mut candidate = kept.clone();
        candidate.push(character);
        candidate.push('…');
        if text_width(&candidate, size) > width {
            break;
        }
        kept.push(character);
    }
    kept.push('…');
    kept
}

/// The scene's measures: zoom, text size and line.
struct Measure {
    size: f32,
    line: f32,
}

impl Measure {
    fn label(&self, text: &str, x: f32, y: f32, width: f32) -> Label {
        let text = fitted(text, width, self.size);
        Label {
            rect: Rect {
                x,
                y,
                width: text_width(&text, self.size).min(width).max(1.0),
                height: self.line,
            },
            text,
        }
    }

    /// A row of chips in `rect`: the caption, then each job's label while it fits with room
    /// for a `+N`; the word for none when there are no jobs.
    fn chips(&self, rect: Rect, caption: &str, jobs: &[(u32, String)], none: &str) -> ChipRow {
        let pad = 4.0;
        let caption = self.label(caption, rect.x, rect.y + 2.0, rect.width * 0.5);
        let mut x = caption.rect.right() + 6.0;
        let right = rect.right();
        let more_width = text_width("+999", self.size) + 4.0;
        let mut row = ChipRow {
            rect,
            caption,
            chips: Vec::new(),
            more: None,
        };
        if jobs.is_empty() {
            row.more = Some(self.label(none, x, rect.y + 2.0, (right - x).max(1.0)));
            return row;
        }
        for (index, (job, text)) in jobs.iter().enumerate() {
            let last = index + 1 == jobs.len();
            let width = text_width(text, self.size) + 2.0 * pad;
            let room = if last {
                right
            } else {
                right - more_width - 4.0
            };
            if x + width > room {
                let rest = jobs.len() - index;
                let more = format!("+{rest}");
                row.more = Some(Label {
                    rect: Rect {
                        x,
                        y: rect.y + 2.0,
                        width: text_width(&more, self.size).min((right - x).max(1.0)),
                        height: self.line,
                    },
                    text: more,
                });
                break;
            }
            row.chips.push(Chip {
                job: *job,
                label: Label {
                    rect: Rect {
                        x,
                        y: rect.y + 2.0,
                        width,
                        height: self.line,
                    },
                    text: text.clone(),
                },
            });
            x += width + 4.0;
        }
        row
    }
}

/// How many CPU cards sit side by side in `width` at `zoom`.
fn columns(width: f32, zoom: f32, cpus: usize) -> usize {
    let fit = ((width - 2.0 * MARGIN + GAP) / (MIN_CARD * zoom + GAP)) as usize;
    fit.clamp(1, cpus.max(1))
}

/// The picture of `state` for a box `available_width` CSS pixels wide; `names` are the jobs'
/// names by index, `warm_rate` the rate of a warm job.
pub fn warmup_scene(
    state: &WarmupState,
    names: &[String],
    warm_rate: u64,
    words: &WarmupWords,
    available_width: f32,
) -> WarmupScene {
    let width = available_width.max(MIN_WIDTH);
    let zoom = text_zoom(Size { width, height: 0.0 });
    let measure = Measure {
        size: MIN_TEXT * zoom,
        line: line_height(zoom),
    };
    let line = measure.line;
    let name = |job: u32| {
        isolate(
            names
                .get(job as usize)
                .cloned()
                .unwrap_or_else(|| format!("P{}", job + 1)),
        )
    };
    let clock = measure.label(
        &format!("{} {}", words.tick, state.tick),
        MARGIN,
        MARGIN,
        width - 2.0 * MARGIN,
    );
    let cpu_count = state.cpus.len();
    let columns = columns(width, zoom, cpu_count);
    let card_width = (width - 2.0 * MARGIN - GAP * (columns - 1) as f32) / columns as f32;
    let row_height = line + 4.0;
    let run_height = 2.0 * line + 14.0;
    let card_height = 6.0
        + line
        + 4.0
        + run_height
        + 6.0
        + line
        + 2.0
        + (line + 6.0)
        + 6.0
        + row_height
        + if state.per_cpu { 6.0 + row_height } else { 0.0 }
        + 8.0;
    let top = clock.rect.bottom() + 6.0;
    let mut cards = Vec::new();
    for (cpu, shown) in state.cpus.iter().enumerate() {
        let rect = Rect {
            x: MARGIN + (cpu % columns) as f32 * (card_width + GAP),
            y: top + (cpu / columns) as f32 * (card_height + GAP),
            width: card_width,
            height: card_height,
        };
        let inner_x = rect.x + 8.0;
        let inner_width = rect.width - 16.0;
        let mut y = rect.y + 6.0;
        let title = measure.label(&format!("CPU{cpu}"), inner_x, y, inner_width);
        y += line + 4.0;
        let run_rect = Rect {
            x: inner_x,
            y,
            width: inner_width,
            height: run_height,
        };
        let text_x = run_rect.x + 6.0;
        let text_width_room = run_rect.width - 12.0;
        let (status, detail, progress) = match shown.running {
            None => (words.idle.clone(), String::new(), None),
            Some(job) => {
                let left = state.left[job as usize];
                if shown.warm {
                    (
                        format!("{} · {} ×{warm_rate}", name(job), words.warm),
                        format!("{} {left}→{}", words.left, left.saturating_sub(warm_rate)),
                        None,
                    )
                } else {
                    let to_go = shown
                        .warming
                        .iter()
                        .find(|(warming, _)| *warming == job)
                        .map_or(0, |(_, to_go)| *to_go);
                    let done = state.warmup_time.saturating_sub(to_go);
                    let fraction = if state.warmup_time == 0 {
                        0.0
                    } else {
                        done as f32 / state.warmup_time as f32
                    };
                    let bar = Rect {
                        x: text_x,
                        y: run_rect.bottom() - 7.0,
                        width: text_width_room,
                        height: 4.0,
                    };
                    (
                        format!("{} · {} ×1", name(job), words.cold),
                        format!(
                            "{} {done}/{} · {} {left}→{}",
                            words.warming,
                            state.warmup_time,
                            words.left,
                            left.saturating_sub(1)
                        ),
                        Some((bar, fraction)),
                    )
                }
            }
        };
        let running = RunBox {
            rect: run_rect,
            job: shown.running,
            warm: shown.warm,
            status: measure.label(&status, text_x, run_rect.y + 3.0, text_width_room),
            detail: measure.label(&detail, text_x, run_rect.y + 3.0 + line, text_width_room),
            progress,
        };
        y += run_height + 6.0;
        let used: u64 = shown
            .cached
            .iter()
            .map(|job| working_set_of(state, *job))
            .sum();
        let caption = measure.label(
            &format!("{} {used}/{}", words.cache, state.capacity),
            inner_x,
            y,
            inner_width,
        );
        y += line + 2.0;
        let bar = Rect {
            x: inner_x,
            y,
            width: inner_width,
            height: line + 6.0,
        };
        let mut parts = Vec::new();
        let mut x = bar.x;
        for job in &shown.cached {
            let units = working_set_of(state, *job);
            let part_width = if state.capacity == 0 {
                0.0
            } else {
                bar.width * units as f32 / state.capacity as f32
            };
            let part = Rect {
                x,
                y: bar.y,
                width: part_width.min(bar.right() - x).max(0.0),
                height: bar.height,
            };
            let text = name(*job);
            let label = (text_width(&text, measure.size) + 8.0 <= part.width).then(|| Label {
                rect: Rect {
                    x: part.x + 4.0,
                    y: part.y + 3.0,
                    width: text_width(&text, measure.size),
                    height: line,
                },
                text,
            });
            parts.push(CachePart {
                job: *job,
                rect: part,
                label,
            });
            x = part.right();
        }
        y += bar.height + 6.0;
        let warming_jobs: Vec<(u32, String)> = shown
            .warming
            .iter()
            .map(|(job, to_go)| {
                let done = state.warmup_time.saturating_sub(*to_go);
                (*job, format!("{} {done}/{}", name(*job), state.warmup_time))
            })
            .collect();
        let warming_rect = Rect {
            x: inner_x,
            y,
            width: inner_width,
            height: row_height,
        };
        let warming = measure.chips(warming_rect, &words.warming, &warming_jobs, &words.none);
        y += row_height + 6.0;
        let queue = state.per_cpu.then(|| {
            let jobs: Vec<(u32, String)> = state.queues[cpu]
                .iter()
                .map(|job| (*job, name(*job)))
                .collect();
            let queue_rect = Rect {
                x: inner_x,
                y,
                width: inner_width,
                height: row_height,
            };
            measure.chips(queue_rect, &words.queue, &jobs, &words.none)
        });
        cards.push(WarmupCard {
            cpu: cpu as u32,
            rect,
            title,
            running,
            cache: CacheBar {
                caption,
                bar,
                parts,
            },
            warming,
            queue,
        });
    }
    let rows = cpu_count.div_ceil(columns);
    let mut bottom = top + rows as f32 * (card_height + GAP) - GAP;
    let shared = (!state.per_cpu).then(|| {
        let rect = Rect {
            x: MARGIN,
            y: bottom + GAP,
            width: width - 2.0 * MARGIN,
            height: row_height + 8.0,
        };
        bottom = rect.bottom();
        let jobs: Vec<(u32, String)> = state
            .queues
            .first()
            .map(|queue| queue.iter().map(|job| (*job, name(*job))).collect())
            .unwrap_or_default();
        measure.chips(
            rect.inset(8.0, 2.0),
            &words.shared_queue,
            &jobs,
            &words.none,
        )
    });
    WarmupScene {
        size: Size {
            width,
            height: bottom + MARGIN,
        },
        zoom,
        text_size: measure.size,
        clock,
        cards,
        shared,
    }
}

/// A job's working set in units of cache.
fn working_set_of(state: &WarmupState, job: u32) -> u64 {
    state.working_sets.get(job as usize).copied().unwrap_or(0)
}

impl WarmupScene {
    /// The box of every text of the picture and the part it must stay inside.
    pub fn text_boxes(&self) -> Vec<TextBox> {
        let whole = Rect {
            x: 0.0,
            y: 0.0,
            width: self.size.width,
            height: self.size.height,
        };
        let mut boxes = Vec::new();
        let mut add = |what, rect, container| {
            boxes.push(TextBox {
                what,
                rect,
                container,
            })
        };
        add("tick", self.clock.rect, whole);
        let row = |add: &mut dyn FnMut(&'static str, Rect, Rect), row: &ChipRow, part: Rect| {
            add("row caption", row.caption.rect, part);
            for chip in &row.chips {
                add("chip", chip.label.rect, part);
            }
            if let Some(more) = &row.more {
                add("+N", more.rect, part);
            }
        };
        for card in &self.cards {
            add("CPU title", card.title.rect, card.rect);
            add("status", card.running.status.rect, card.running.rect);
            add("detail", card.running.detail.rect, card.running.rect);
            add("cache caption", card.cache.caption.rect, card.rect);
            for part in &card.cache.parts {
                if let Some(label) = &part.label {
                    add("cache part", label.rect, part.rect);
                }
            }
            row(&mut add, &card.warming, card.rect);
            if let Some(queue) = &card.queue {
                row(&mut add, queue, card.rect);
            }
        }
        if let Some(shared) = &self.shared {
            row(&mut add, shared, whole);
        }
        boxes
    }
}
