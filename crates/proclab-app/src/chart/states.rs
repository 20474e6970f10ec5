//! The Gantt chart's thread rows: each thread's Ready / Running / Blocked segments, from one
//! replay of the run's transitions.

use proclab_core::spec::ThreadModel;
use std::rc::Rc;

use proclab_core::{Cause, GanttSlice, ProcessState, SliceKind, ThreadRef};

use crate::simulation::Simulation;

use super::model::{Segment, SegmentKind, SharedWords};
use super::text;

/// Where one thread of control is while the events are replayed.
struct Tracker {
    state: ProcessState,
    since: u64,
    cpu: Option<u32>,
    /// Blocked on another thread (a mutex, semaphore, condition, queue or pipe), not on I/O.
    waits: bool,
    segments: RowBuilder,
    /// The first of its loading slices (switch-in, cache stall) not yet drawn.
    loading: usize,
    /// Under MLFQ or MLQ, the queue it is in (its class under MLQ; the top at admission under
    /// MLFQ, then as demotions and boosts move it).
    level: Option<u32>,
}

/// The Ready / Running / Blocked segments of the first `count` threads (in [`Scenario::threads`]
/// order), from one pass over the transitions.
pub(super) fn state_segments(
    simulation: &Simulation,
    words: &SharedWords,
    extent: u64,
    count: usize,
    column: u64,
    loading: &[Vec<GanttSlice>],
) -> Vec<Vec<Segment>> {
    let scenario = &simulation.scenario;
    let mut trackers: Vec<Tracker> = scenario
        .threads()
        .iter()
        .take(count)
        .map(|thread| Tracker {
            state: ProcessState::New,
            since: 0,
            cpu: None,
            waits: false,
            segments: RowBuilder::new(column),
            loading: 0,
            level: words.has_levels().then(|| match scenario.policy() {
                proclab_core::PolicySpec::Mlq { .. } => scenario
                    .processes()
                    .get(thread.pid() as usize)
                    .map_or(0, |process| process.class()),
                _ => 0,
            }),
        })
        .collect();
    let held = held_spans(simulation, extent, count);
    let push = |tracker: &mut Tracker, segment: Segment| match segment.kind {
        SegmentKind::Ready { thread } if !held.is_empty() => {
            let spans = held.get(thread.pid as usize).map_or(&[][..], Vec::as_slice);
            for piece in split_held(segment, spans, thread, words) {
                tracker.segments.push(piece);
            }
        }
        SegmentKind::Running { thread, .. } => {
            let spans = words
                .index(thread)
                .and_then(|at| loading.get(at))
                .map_or(&[][..], Vec::as_slice);
            let (pieces, next) = split_loading(segment, spans, tracker.loading, thread, words);
            tracker.loading = next;
            for piece in pieces {
                tracker.segments.push(piece);
            }
        }
        _ => tracker.segments.push(segment),
    };
    for event in simulation.run.trace().of_first_threads(count) {
        let Some(tracker) = words
            .index(event.thread)
            .and_then(|index| trackers.get_mut(index))
        else {
            continue;
        };
        let span = (tracker.since, event.tick);
        let thread = event.thread;
        let waits = tracker.waits;
        let (state, cpu, level) = (tracker.state, tracker.cpu, tracker.level);
        if event.from == event.to {
            // A level change (boost, demotion): the state is unchanged, the queue is not; the
            // segment so far is of the old queue (with no levels drawn, nothing to cut).
            let new_level = match event.cause {
                Cause::Boosted => Some(0),
                Cause::Demoted { level } => Some(level),
                _ => level,
            };
            if level.is_some() && new_level != level {
                if let Some(segment) = state_segment(words, state, cpu, waits, thread, span, level)
                {
                    push(tracker, segment);
                }
                tracker.since = event.tick;
                tracker.level = new_level;
            }
            continue;
        }
        if let Some(segment) = state_segment(words, state, cpu, waits, thread, span, level) {
            push(tracker, segment);
        }
        tracker.waits = matches!(event.cause, Cause::Waits { .. });
        tracker.state = event.to;
        tracker.since = event.tick;
        if let Cause::Dispatched { .. } = event.cause {
            tracker.cpu = event.cpu;
        }
    }
    scenario
        .threads()
        .iter()
        .zip(trackers)
        .map(|(thread, mut tracker)| {
            let thread = ThreadRef {
                pid: thread.pid(),
                tid: thread.tid(),
            };
            let span = (tracker.since, extent);
            let (state, cpu, waits) = (tracker.state, tracker.cpu, tracker.waits);
            let level = tracker.level;
            if let Some(segment) = state_segment(words, state, cpu, waits, thread, span, level) {
                push(&mut tracker, segment);
            }
            tracker.segments.finish()
        })
        .collect()
}

/// For user-level (many-to-one) threads: when each process was blocked, because one of its
/// threads was (the kernel then holds the whole process), as spans in time order by pid. Empty
/// for kernel-level threads.
fn held_spans(simulation: &Simulation, extent: u64, count: usize) -> Vec<Vec<(u64, u64)>> {
    let scenario = &simulation.scenario;
    if scenario.machine().thread_model != ThreadModel::User {
        return Vec::new();
    }
    let mut spans: Vec<Vec<(u64, u64)>> = vec![Vec::new(); scenario.processes().len()];
    let mut since: Vec<Option<u64>> = vec![None; scenario.threads().len()];
    let index = |thread: ThreadRef| {
        scenario
            .processes()
            .get(thread.pid as usize)
            .map(|process| (process.first_thread() + thread.tid) as usize)
    };
    for event in simulation.run.trace().of_first_threads(count) {
        let Some(slot) = index(event.thread).and_then(|at| since.get_mut(at)) else {
            continue;
        };
        if event.to == ProcessState::Blocked && event.from != ProcessState::Blocked {
            *slot = Some(event.tick);
        } else if event.from == ProcessState::Blocked && event.to != ProcessState::Blocked {
            if let Some(start) = slot.take() {
                spans[event.thread.pid as usize].push((start, event.tick));
            }
        }
    }
    for (at, start) in since.iter().enumerate() {
        if let (Some(start), Some(thread)) = (start, scenario.threads().get(at)) {
            spans[thread.pid() as usize].push((*start, extent));
        }
    }
    for process in &mut spans {
        process.sort_unstable();
    }
    spans
}

/// A Running segment of `thread` cut where it was being loaded (`spans`: its switch-in and cache
/// stall slices in time order, from `from` on): those parts take their CPU row's kind, so the row
/// shows when the thread began to execute, which is when its response ends. Returns the pieces
/// and the first slice after the segment.
fn split_loading(
    segment: Segment,
    spans: &[GanttSlice],
    from: usize,
    thread: ThreadRef,
    words: &SharedWords,
) -> (Vec<Segment>, usize) {
    let mut next = from;
    while spans
        .get(next)
        .is_some_and(|slice| slice.end <= segment.start)
    {
        next += 1;
    }
    let mut pieces = Vec::new();
    let mut at = segment.start;
    while let Some(slice) = spans.get(next).filter(|slice| slice.start < segment.end) {
        let (start, end) = (slice.start.max(at), slice.end.min(segment.end));
        if at < start {
            pieces.push(Segment {
                start: at,
                end: start,
                ..segment.clone()
            });
        }
        if start < end {
            let name = words.name(thread);
            let (kind, label, detail) = match slice.kind {
                SliceKind::CacheStall { .. } => (
                    SegmentKind::CacheStall { thread },
                    Rc::from(format!("${name}")),
                    text::describe_thread_stall(
                        &name,
                        slice.cpu,
                        words.lang(),
                        slice.end - slice.start,
                    ),
                ),
                _ => (
                    SegmentKind::Dispatch { to: thread },
                    words.dispatch(),
                    text::describe_thread_loading(
                        &name,
                        slice.cpu,
                        words.lang(),
                        slice.end - slice.start,
                    ),
                ),
            };
            pieces.push(Segment {
                start,
                end,
                kind,
                label,
                detail: Rc::from(detail),
            });
            at = end;
        }
        if slice.end > segment.end {
            break;
        }
        next += 1;
    }
    if at < segment.end {
        pieces.push(Segment {
            start: at,
            ..segment
        });
    }
    (pieces, next)
}

/// A Ready segment of `thread` cut where its process was held (`spans`, in time order): those
/// parts are [`SegmentKind::HeldReady`].
fn split_held(
    segment: Segment,
    spans: &[(u64, u64)],
    thread: ThreadRef,
    words: &SharedWords,
) -> Vec<Segment> {
    let (label, detail) = words.held.clone();
    let held = |start: u64, end: u64| Segment {
        start,
        end,
        kind: SegmentKind::HeldReady { thread },
        label: label.clone(),
        detail: detail.clone(),
    };
    let ready = |start: u64, end: u64| Segment {
        start,
        end,
        ..segment.clone()
    };
    let mut pieces = Vec::new();
    let mut at = segment.start;
    for &(start, end) in spans {
        let (start, end) = (start.max(at), end.min(segment.end));
        if start >= end {
            continue;
        }
        if at < start {
            pieces.push(ready(at, start));
        }
        pieces.push(held(start, end));
        at = end;
    }
    if at < segment.end {
        pieces.push(ready(at, segment.end));
    }
    pieces
}

/// The segment of `thread` in `state` over `[start, end)`; a Ready or Running one under a policy
/// with levels is labelled with its queue (`Q1`) and says it.
pub(super) fn state_segment(
    words: &SharedWords,
    state: ProcessState,
    cpu: Option<u32>,
    waits: bool,
    thread: ThreadRef,
    (start, end): (u64, u64),
    level: Option<u32>,
) -> Option<Segment> {
    if end <= start {
        return None;
    }
    let (kind, (mut label, mut detail)) = match state {
        ProcessState::Ready => (SegmentKind::Ready { thread }, words.ready.clone()),
        ProcessState::Running => (SegmentKind::Running { thread, cpu }, words.running(cpu)),
        ProcessState::Blocked if waits => (SegmentKind::Blocked { thread }, words.waiting.clone()),
        ProcessState::Blocked => (SegmentKind::Blocked { thread }, words.blocked.clone()),
        ProcessState::New | ProcessState::Exit => return None,
    };
    if let (ProcessState::Ready | ProcessState::Running, Some(queue)) =
        (state, level.and_then(|level| words.level(level)))
    {
        detail = Rc::from(text::in_level(&detail, &queue, words.lang()));
        label = queue;
    }
    Some(Segment {
        start,
        end,
        kind,
        label,
        detail,
    })
}

/// What a row is built of: a span `[start, end)` of some kind. [`Segment`] is one; the CPU rows
/// push lighter pieces and put words only on the few that survive gathering.
pub(super) trait Spanned {
    fn span(&self) -> (u64, u64);
    fn set_span(&mut self, start: u64, end: u64);
    /// True when two touching spans of these kinds are one segment.
    fn same_kind(&self, other: &Self) -> bool;
}

impl Spanned for Segment {
    fn span(&self) -> (u64, u64) {
        (self.start, self.end)
    }
    fn set_span(&mut self, start: u64, end: u64) {
        self.start = start;
        self.end = end;
    }
    /// Of one kind and one label: a thread's Ready time in one queue and then in another (a
    /// boost between) are two segments.
    fn same_kind(&self, other: &Segment) -> bool {
        self.kind == other.kind && self.label == other.label
    }
}

/// Appends `segment`, extending the last one instead if it is the same kind and touches it.
pub(super) fn push_merged<T: Spanned>(segments: &mut Vec<T>, segment: T) {
    match segments.last_mut() {
        Some(last) if last.same_kind(&segment) && last.span().1 == segment.span().0 => {
            let start = last.span().0;
            last.set_span(start, segment.span().1);
        }
        _ => segments.push(segment),
    }
}

/// A row's segments as they are pushed in time order: touching segments of one kind merged, and
/// segments narrower than a column (of `column` ticks) gathered per column into one segment of the
/// kind of the longest of them, so a row holds at most a few segments per column however many
/// slices the run has.
pub(super) struct RowBuilder<T = Segment> {
    column: u64,
    segments: Vec<T>,
    /// Narrow segments of the column being gathered, and that column.
    gathered: Vec<T>,
    at: u64,
}

impl<T: Spanned> RowBuilder<T> {
    /// A row built at columns of `column` ticks (1: every segment as it is).
    pub(super) fn new(column: u64) -> RowBuilder<T> {
        RowBuilder {
            column: column.max(1),
            segments: Vec::new(),
            gathered: Vec::new(),
            at: 0,
        }
    }

    pub(super) fn push(&mut self, segment: T) {
        let (start, end) = segment.span();
        if end - start >= self.column {
            self.flush();
            push_merged(&mut self.segments, segment);
            return;
        }
        let column = start / self.column;
        if column != self.at {
            self.flush();
            self.at = column;
        }
        self.gathered.push(segment);
    }

    fn flush(&mut self) {
        let (Some(first), Some(last)) = (self.gathered.first(), self.gathered.last()) else {
            return;
        };
        let span = (first.span().0, last.span().1);
        // The longest of them stands for the column (the first such on a tie): one pass, however
        // many threads shared the column.
        let most = self
            .gathered
            .iter()
            .enumerate()
            .fold((0, 0), |(best, longest), (index, segment)| {
                let (start, end) = segment.span();
                let ticks = end - start;
                if ticks > longest {
                    (index, ticks)
                } else {
                    (best, longest)
                }
            })
            .0;
        let mut merged = self.gathered.swap_remove(most);
        merged.set_span(span.0, span.1);
        self.gathered.clear();
        push_merged(&mut self.segments, merged);
    }

    /// The row's segments.
    pub(super) fn finish(mut self) -> Vec<T> {
        self.flush();
        self.segments
    }
}
