//! The Gantt chart's view-model: a pure function of a [`Simulation`] and a [`Lang`].
//!
//! Rows come first one per CPU (from [`proclab_core::Run::gantt`]), then one per thread of
//! control (one per process for single-threaded processes) showing its Ready / Running / Blocked
//! state over time, derived from [`proclab_core::Run::events`]. Every segment carries its kind,
//! a short label for the picture and a sentence for the data table. Nothing here touches the DOM.

use crate::lang::Words;
use proclab_core::render::thread_label;
use proclab_core::{Cause, ProcessState, Scenario, SliceKind, ThreadRef};

use super::palette::{self, Fill, Pattern};
use super::text::{self, ChartText, GanttSummary};
use crate::i18n::Lang;
use crate::simulation::Simulation;

/// What a row of the chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// One CPU's timeline.
    Cpu {
        /// CPU index.
        cpu: u32,
    },
    /// One thread of control's states.
    Thread {
        /// The thread.
        thread: ThreadRef,
    },
}

/// What a segment is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// CPU row: a thread executes.
    Run {
        /// The thread.
        thread: ThreadRef,
    },
    /// CPU row: nothing to run.
    Idle,
    /// CPU row: dispatch latency, loading `to`.
    Dispatch {
        /// The thread loaded.
        to: ThreadRef,
    },
    /// CPU row: cache refill before `thread` runs.
    CacheStall {
        /// The thread.
        thread: ThreadRef,
    },
    /// Thread row: waiting for a CPU.
    Ready {
        /// The thread.
        thread: ThreadRef,
    },
    /// Thread row: on a CPU (including its dispatch latency and cache stall).
    Running {
        /// The thread.
        thread: ThreadRef,
        /// The CPU.
        cpu: Option<u32>,
    },
    /// Thread row: waiting for I/O.
    Blocked {
        /// The thread.
        thread: ThreadRef,
    },
}

impl SegmentKind {
    /// How this kind is painted: process colours for running, greys and patterns for the rest.
    pub fn fill(self) -> Fill {
        match self {
            SegmentKind::Run { thread } | SegmentKind::Running { thread, .. } => {
                Fill::solid(palette::process_colour(thread.pid))
            }
            SegmentKind::Idle => Fill {
                colour: palette::IDLE,
                pattern: Pattern::Solid,
                ink: palette::INK,
            },
            SegmentKind::Dispatch { .. } => Fill {
                colour: palette::DISPATCH,
                pattern: Pattern::Hatch,
                ink: palette::INK,
            },
            SegmentKind::CacheStall { .. } => Fill {
                colour: palette::YELLOW,
                pattern: Pattern::CrossHatch,
                ink: palette::INK,
            },
            SegmentKind::Ready { thread } => Fill {
                colour: palette::PAPER,
                pattern: Pattern::Outline,
                ink: palette::process_colour(thread.pid),
            },
            SegmentKind::Blocked { .. } => Fill {
                colour: palette::BLOCKED,
                pattern: Pattern::Dots,
                ink: palette::INK,
            },
        }
    }
}

/// One segment `[start, end)` of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// First tick.
    pub start: u64,
    /// One past the last tick.
    pub end: u64,
    /// What it is.
    pub kind: SegmentKind,
    /// Short label drawn inside it when it is wide enough: `P1`, `CS`, `idle`, `$P1`.
    pub label: String,
    /// A sentence for the data table.
    pub detail: String,
}

/// One labelled band of the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GanttRow {
    /// `CPU0`, `P1`, `P2.T1`.
    pub label: String,
    /// CPU or thread.
    pub kind: RowKind,
    /// Segments in time order, non-overlapping.
    pub segments: Vec<Segment>,
}

/// One entry of the legend: a swatch and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    /// The swatch.
    pub fill: Fill,
    /// The words.
    pub text: String,
}

/// Everything the Gantt chart draws and its table lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GanttModel {
    /// CPU rows, then thread rows.
    pub rows: Vec<GanttRow>,
    /// The x axis runs from tick 0 to this tick (the end of the run, at least 1).
    pub extent: u64,
    /// Legend entries for the kinds that appear.
    pub legend: Vec<LegendEntry>,
    /// Title of the x axis.
    pub axis_label: String,
    /// The one-sentence takeaway (also the canvas's `aria-label`).
    pub takeaway: String,
}

/// The Gantt chart of `simulation`, with its words in `lang`.
pub fn gantt_model(simulation: &Simulation, lang: Lang) -> GanttModel {
    let scenario = &simulation.scenario;
    let run = &simulation.run;
    let extent = run.end_tick().max(1);
    let mut rows: Vec<GanttRow> = (0..scenario.machine().cpus)
        .map(|cpu| GanttRow {
            label: format!("CPU{cpu}"),
            kind: RowKind::Cpu { cpu },
            segments: Vec::new(),
        })
        .collect();
    for slice in run.gantt() {
        if let Some(row) = rows.get_mut(slice.cpu as usize) {
            push_merged(&mut row.segments, cpu_segment(scenario, slice, lang));
        }
    }
    let many_cpus = scenario.machine().cpus > 1;
    let states = state_segments(simulation, extent, many_cpus, lang);
    for (thread, segments) in scenario.threads().iter().zip(states) {
        let thread = ThreadRef {
            pid: thread.pid(),
            tid: thread.tid(),
        };
        rows.push(GanttRow {
            label: thread_label(scenario, thread),
            kind: RowKind::Thread { thread },
            segments,
        });
    }
    GanttModel {
        legend: legend(&rows, lang),
        rows,
        extent,
        axis_label: ChartText::TimeAxis.get(lang).into(),
        takeaway: gantt_takeaway(simulation, lang),
    }
}

/// One sentence saying what the chart shows, for `aria-label`.
pub fn gantt_takeaway(simulation: &Simulation, lang: Lang) -> String {
    let totals = &simulation.run.metrics().totals;
    let policy = crate::terms::policy_label(simulation.scenario.policy(), lang);
    text::gantt_sentence(
        &GanttSummary {
            policy: &policy,
            processes: totals.processes,
            cpus: simulation.scenario.machine().cpus,
            end: simulation.run.end_tick(),
            waiting: totals.average_waiting.to_string(),
            turnaround: totals.average_turnaround.to_string(),
            switches: totals.context_switches,
        },
        lang,
    )
}

fn cpu_segment(scenario: &Scenario, slice: &proclab_core::GanttSlice, lang: Lang) -> Segment {
    let (kind, label, detail) = match slice.kind {
        SliceKind::Run { thread } => {
            let label = thread_label(scenario, thread);
            let detail = text::describe_run(&label, lang);
            (SegmentKind::Run { thread }, label, detail)
        }
        SliceKind::Idle => {
            let label = String::from(ChartText::Idle.get(lang));
            (SegmentKind::Idle, label.clone(), label)
        }
        SliceKind::Dispatch { from, to } => {
            let from = from.map(|from| thread_label(scenario, from));
            let detail =
                text::describe_dispatch(from.as_deref(), &thread_label(scenario, to), lang);
            let label = String::from(ChartText::Dispatch.get(lang));
            (SegmentKind::Dispatch { to }, label, detail)
        }
        SliceKind::CacheStall { thread } => {
            let name = thread_label(scenario, thread);
            let detail = text::describe_stall(&name, lang);
            (
                SegmentKind::CacheStall { thread },
                format!("${name}"),
                detail,
            )
        }
    };
    Segment {
        start: slice.start,
        end: slice.end,
        kind,
        label,
        detail,
    }
}

/// Where one thread of control is while the events are replayed.
struct Tracker {
    state: ProcessState,
    since: u64,
    cpu: Option<u32>,
    segments: Vec<Segment>,
}

/// The Ready / Running / Blocked segments of every thread (in [`Scenario::threads`] order), from
/// one pass over the transitions.
fn state_segments(
    simulation: &Simulation,
    extent: u64,
    many_cpus: bool,
    lang: Lang,
) -> Vec<Vec<Segment>> {
    let scenario = &simulation.scenario;
    let mut trackers: Vec<Tracker> = scenario
        .threads()
        .iter()
        .map(|_| Tracker {
            state: ProcessState::New,
            since: 0,
            cpu: None,
            segments: Vec::new(),
        })
        .collect();
    let index_of = |thread: ThreadRef| {
        let process = scenario.processes().get(thread.pid as usize)?;
        Some((process.first_thread() + thread.tid) as usize)
    };
    for event in simulation.run.events() {
        if event.from == event.to {
            continue; // a level change (boost, demotion): the state is unchanged
        }
        let Some(tracker) = index_of(event.thread).and_then(|index| trackers.get_mut(index)) else {
            continue;
        };
        let span = (tracker.since, event.tick);
        let thread = event.thread;
        if let Some(segment) =
            state_segment(tracker.state, tracker.cpu, thread, span, many_cpus, lang)
        {
            push_merged(&mut tracker.segments, segment);
        }
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
            if let Some(segment) =
                state_segment(tracker.state, tracker.cpu, thread, span, many_cpus, lang)
            {
                push_merged(&mut tracker.segments, segment);
            }
            tracker.segments
        })
        .collect()
}

fn state_segment(
    state: ProcessState,
    cpu: Option<u32>,
    thread: ThreadRef,
    (start, end): (u64, u64),
    many_cpus: bool,
    lang: Lang,
) -> Option<Segment> {
    if end <= start {
        return None;
    }
    let (kind, label, detail) = match state {
        ProcessState::Ready => {
            let label = ChartText::Ready.get(lang);
            let detail = ChartText::LegendReady.get(lang);
            (SegmentKind::Ready { thread }, label.into(), detail.into())
        }
        ProcessState::Running => {
            let label = match cpu {
                Some(cpu) if many_cpus => format!("CPU{cpu}"),
                _ => ChartText::Running.get(lang).into(),
            };
            let detail = text::describe_running(cpu.filter(|_| many_cpus), lang);
            (SegmentKind::Running { thread, cpu }, label, detail)
        }
        ProcessState::Blocked => {
            let label = ChartText::Blocked.get(lang);
            let detail = ChartText::LegendBlocked.get(lang);
            (SegmentKind::Blocked { thread }, label.into(), detail.into())
        }
        ProcessState::New | ProcessState::Exit => return None,
    };
    Some(Segment {
        start,
        end,
        kind,
        label,
        detail,
    })
}

/// Appends `segment`, extending the last one instead if it is the same kind and touches it.
fn push_merged(segments: &mut Vec<Segment>, segment: Segment) {
    match segments.last_mut() {
        Some(last) if last.kind == segment.kind && last.end == segment.start => {
            last.end = segment.end;
        }
        _ => segments.push(segment),
    }
}

/// Legend entries for the kinds of segment present, in a fixed order.
fn legend(rows: &[GanttRow], lang: Lang) -> Vec<LegendEntry> {
    let kinds = || {
        rows.iter()
            .flat_map(|row| row.segments.iter().map(|s| s.kind))
    };
    let first = |wanted: fn(&SegmentKind) -> bool| kinds().find(wanted);
    let candidates: [(Option<SegmentKind>, ChartText); 6] = [
        (
            first(|kind| matches!(kind, SegmentKind::Run { .. })),
            ChartText::LegendRun,
        ),
        (
            first(|kind| matches!(kind, SegmentKind::Idle)),
            ChartText::LegendIdle,
        ),
        (
            first(|kind| matches!(kind, SegmentKind::Dispatch { .. })),
            ChartText::LegendDispatch,
        ),
        (
            first(|kind| matches!(kind, SegmentKind::CacheStall { .. })),
            ChartText::LegendStall,
        ),
        (
            first(|kind| matches!(kind, SegmentKind::Ready { .. })),
            ChartText::LegendReady,
        ),
        (
            first(|kind| matches!(kind, SegmentKind::Blocked { .. })),
            ChartText::LegendBlocked,
        ),
    ];
    candidates
        .into_iter()
        .filter_map(|(kind, words)| {
            kind.map(|kind| LegendEntry {
                fill: kind.fill(),
                text: words.get(lang).into(),
            })
        })
        .collect()
}
