//! The Gantt chart's view-model: a pure function of a [`Simulation`] and a [`Lang`].
//!
//! Rows come first one per CPU (from [`proclab_core::Run::gantt`]), then one per thread of
//! control (one per process for single-threaded processes) showing its Ready / Running / Blocked
//! state over time, derived from [`proclab_core::Run::events`]. Every segment carries its kind,
//! a short label for the picture and a sentence for the data table. Nothing here touches the DOM.
//!
//! Labels and sentences are shared (`Rc<str>`): made once per thread, CPU or state and cloned
//! into each segment, since RR q=1 on 10,000 processes makes about 1.5 million segments and two
//! fresh strings for each was most of the model's time on the page.

use std::rc::Rc;

use crate::lang::Words;
use proclab_core::render::thread_label;
use proclab_core::{Scenario, SliceKind, ThreadRef};

use super::palette::{self, Fill, Pattern};
use super::states::{state_segments, RowBuilder, Spanned};
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
    /// CPU row: dispatch latency, loading `to`; on `to`'s row, the same ticks.
    Dispatch {
        /// The thread loaded.
        to: ThreadRef,
    },
    /// CPU row: cache refill before `thread` runs; on `thread`'s row, the same ticks.
    CacheStall {
        /// The thread.
        thread: ThreadRef,
    },
    /// CPU row: `thread` is in the kernel, paying the cost of its last system call
    /// (`machine.kernel_entry_cost`); its thread row shows Running.
    Kernel {
        /// The thread.
        thread: ThreadRef,
    },
    /// Thread row: waiting for a CPU.
    Ready {
        /// The thread.
        thread: ThreadRef,
    },
    /// Thread row: a user-level thread ready in its process's scheduler while its process is
    /// blocked (a sibling waits): no CPU can take it, though it counts as waiting.
    HeldReady {
        /// The thread.
        thread: ThreadRef,
    },
    /// Thread row: on a CPU and executing (its dispatch latency and cache stall, Running states
    /// too, are [`SegmentKind::Dispatch`] and [`SegmentKind::CacheStall`] pieces, as on its CPU's
    /// row).
    Running {
        /// The thread.
        thread: ThreadRef,
        /// The CPU.
        cpu: Option<u32>,
    },
    /// Thread row: waiting for I/O, or for another thread (its words say which).
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
            // The thread's colour, hatched: still its time on the CPU, but the kernel's work.
            SegmentKind::Kernel { thread } => Fill {
                colour: palette::process_colour(thread.pid),
                pattern: Pattern::Hatch,
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
            // Ready's outline in the thread's colour, on Blocked's grey: ready, held back.
            SegmentKind::HeldReady { thread } => Fill {
                colour: palette::BLOCKED,
                pattern: Pattern::Outline,
                ink: palette::process_colour(thread.pid),
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
    pub label: Rc<str>,
    /// A sentence for the data table.
    pub detail: Rc<str>,
}

/// A thread's stay on a CPU cut into pieces by its kernel time (`P1`, `P1·k`, `P1`, ...): the
/// segments `segments` of a CPU row, from `start` to `end`, all of one thread and back to back.
/// When each piece is too narrow for a name, the chart names the whole stay once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadStay {
    pub start: u64,
    pub end: u64,
    /// The thread's name (the label of its running pieces).
    pub label: Rc<str>,
    /// Indices into the row's segments.
    pub segments: core::ops::Range<usize>,
}

impl GanttRow {
    /// The stays of one thread made of two or more pieces (running and kernel time back to
    /// back); empty for a thread row.
    pub fn thread_stays(&self) -> Vec<ThreadStay> {
        let thread_of = |segment: &Segment| match segment.kind {
            SegmentKind::Run { thread } | SegmentKind::Kernel { thread } => Some(thread),
            _ => None,
        };
        let mut stays = Vec::new();
        if !matches!(self.kind, RowKind::Cpu { .. }) {
            return stays;
        }
        let mut first = 0;
        while first < self.segments.len() {
            let Some(thread) = thread_of(&self.segments[first]) else {
                first += 1;
                continue;
            };
            let mut last = first;
            while let Some(next) = self.segments.get(last + 1) {
                if thread_of(next) != Some(thread) || next.start != self.segments[last].end {
                    break;
                }
                last += 1;
            }
            let pieces = &self.segments[first..=last];
            let name = pieces
                .iter()
                .find(|segment| matches!(segment.kind, SegmentKind::Run { .. }))
                .map(|segment| Rc::clone(&segment.label));
            if let (true, Some(label)) = (last > first, name) {
                stays.push(ThreadStay {
                    start: pieces[0].start,
                    end: pieces[pieces.len() - 1].end,
                    label,
                    segments: first..last + 1,
                });
            }
            first = last + 1;
        }
        stays
    }
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

/// Most rows a chart has: beyond this the bands would be unreadable and the canvas too tall for a
/// browser, so the rows after it are not built at all (a run of 10,000 processes builds 120 rows,
/// not 10,000).
pub const MAX_ROWS: usize = 120;

/// Everything the Gantt chart draws and its table lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GanttModel {
    /// CPU rows, then thread rows: the first [`MAX_ROWS`] of them.
    pub rows: Vec<GanttRow>,
    /// How many rows the whole chart would have (CPUs and threads), for "120 of 10,002 shown".
    pub total_rows: usize,
    /// True when segments narrower than a column may have been gathered (a long run): the data
    /// table then lists [`gantt_model_exact`] instead.
    pub gathered: bool,
    /// The x axis runs from tick 0 to this tick (the end of the run, at least 1).
    pub extent: u64,
    /// Legend entries for the kinds that appear.
    pub legend: Vec<LegendEntry>,
    /// Title of the x axis.
    pub axis_label: String,
    /// The one-sentence takeaway (also the canvas's `aria-label`).
    pub takeaway: String,
    /// The MLFQ boost's period, when the run boosts within its length: a line is drawn across
    /// the chart at each multiple of it (a boost changes no state, so the bands alone do not show
    /// it, and one that found every thread at the top had left no trace at all).
    pub boost_every: Option<u64>,
    /// The legend's words for those lines, when there are any.
    pub boost_legend: Option<String>,
    /// The legend's words for the queue labels (`Q1`) of a multilevel run's thread rows, when a
    /// row shows one: drawn beside a label, not a fill (the running colour had read as if the
    /// queues were a way of running).
    pub levels_legend: Option<String>,
}

/// The ticks a short run's time axis is labelled at, as a textbook labels a Gantt chart: where
/// the CPUs' segments begin and end (0, 5, 10, 17, 26), left to right, each at least `spacing`
/// pixels after the last one kept on an axis `width` pixels wide, and always the run's end. `None`
/// (round numbers instead) when that would leave out more than a third of those ticks, or the
/// run was gathered into columns: the boundaries of a long run are too dense to read.
pub fn boundary_ticks(model: &GanttModel, width: u32, spacing: u32) -> Option<Vec<u64>> {
    if model.gathered || model.extent == 0 {
        return None;
    }
    let cpu_rows = model
        .rows
        .iter()
        .filter(|row| matches!(row.kind, RowKind::Cpu { .. }));
    let mut ticks: Vec<u64> = cpu_rows
        .flat_map(|row| {
            row.segments
                .iter()
                .flat_map(|segment| [segment.start, segment.end])
        })
        .chain([0, model.extent])
        // The boosts' dashed lines, where there are few (a teacher had counted the grid to
        // find the boost at 7).
        .chain(
            model
                .boost_every
                .filter(|&period| model.extent / period <= 8)
                .map(|period| (1..=model.extent / period).map(move |at| at * period))
                .into_iter()
                .flatten(),
        )
        .filter(|&tick| tick <= model.extent)
        .collect();
    ticks.sort_unstable();
    ticks.dedup();
    if ticks.len() > 64 {
        return None;
    }
    let x = |tick: u64| tick as f64 * f64::from(width) / model.extent as f64;
    let room = f64::from(spacing);
    let mut kept: Vec<u64> = Vec::new();
    for &tick in &ticks {
        match kept.last() {
            Some(&last) if x(tick) - x(last) < room => {}
            _ => kept.push(tick),
        }
    }
    // The run's end is always labelled: it takes the place of a label too close before it.
    if kept.last() != Some(&model.extent) {
        if kept.len() > 1 && x(model.extent) - x(kept[kept.len() - 1]) < room {
            kept.pop();
        }
        kept.push(model.extent);
    }
    (kept.len() * 3 >= ticks.len() * 2).then_some(kept)
}

/// Columns a chart's time axis is built at: finer than any screen (a 4K canvas has 3,840 pixels
/// across), so gathering the slices narrower than a column changes no pixel of the picture,
/// while RR q=1 on 10,000 processes gives a CPU row a few thousand segments, not 500,000.
pub const COLUMNS: u64 = 4_096;

/// The Gantt chart of `simulation` as it is drawn, with its words in `lang`: segments narrower
/// than one of [`COLUMNS`] columns are gathered ([`GanttModel::gathered`] says whether any were).
pub fn gantt_model(simulation: &Simulation, lang: Lang) -> GanttModel {
    let extent = simulation.run.end_tick().max(1);
    gantt_model_at(simulation, lang, extent.div_ceil(COLUMNS))
}

/// The Gantt chart of `simulation` with every segment as it is (the data table).
pub fn gantt_model_exact(simulation: &Simulation, lang: Lang) -> GanttModel {
    gantt_model_at(simulation, lang, 1)
}

fn gantt_model_at(simulation: &Simulation, lang: Lang, column: u64) -> GanttModel {
    let scenario = &simulation.scenario;
    let run = &simulation.run;
    let extent = run.end_tick().max(1);
    let many_cpus = scenario.machine().cpus > 1;
    let mut words = SharedWords::new(scenario, many_cpus, lang);
    // When each thread exited: a switch away from a thread that has exited saves nothing.
    for thread in &run.metrics().threads {
        if let Some(index) = words.index(thread.thread) {
            if let Some(slot) = words.exits.get_mut(index) {
                *slot = Some(thread.completion);
            }
        }
    }
    let cpus = scenario.machine().cpus;
    // The slices are gathered first and worded after: a long run has millions of slices but a
    // row keeps a few per column, and only those need their label and sentence.
    let mut builders: Vec<RowBuilder<CpuPiece>> =
        (0..cpus).map(|_| RowBuilder::new(column)).collect();
    let mut kernel = KernelCursor::new(run.kernel_spans(), cpus);
    let thread_rows = MAX_ROWS.saturating_sub(cpus as usize);
    // Each drawn thread's switch-in latency and cache stalls: Running in the engine's states, but
    // not yet executing, so its row shows them as its CPU row does.
    let mut loading: Vec<Vec<proclab_core::GanttSlice>> =
        vec![Vec::new(); thread_rows.min(scenario.threads().len())];
    run.each_gantt_slice(|slice| {
        if let SliceKind::Dispatch { to: thread, .. } | SliceKind::CacheStall { thread } =
            slice.kind
        {
            if let Some(spans) = words.index(thread).and_then(|at| loading.get_mut(at)) {
                spans.push(slice);
            }
        }
        if let Some(row) = builders.get_mut(slice.cpu as usize) {
            kernel.split(slice, |piece| row.push(piece));
        }
    });
    for spans in &mut loading {
        spans.sort_unstable_by_key(|slice| slice.start);
    }
    let mut rows: Vec<GanttRow> = builders
        .into_iter()
        .zip(0..cpus)
        .map(|(builder, cpu)| GanttRow {
            label: format!("CPU{cpu}"),
            kind: RowKind::Cpu { cpu },
            segments: builder
                .finish()
                .iter()
                .map(|piece| cpu_segment(&words, piece, lang))
                .collect(),
        })
        .collect();
    let total_rows = rows.len() + scenario.threads().len();
    let states = state_segments(simulation, &words, extent, thread_rows, column, &loading);
    for ((thread, segments), name) in scenario.threads().iter().zip(states).zip(&words.threads) {
        let thread = ThreadRef {
            pid: thread.pid(),
            tid: thread.tid(),
        };
        rows.push(GanttRow {
            label: String::from(&**name),
            kind: RowKind::Thread { thread },
            segments,
        });
    }
    let legend = legend(&rows, lang);
    // The queues' labels, where a thread row shows one.
    let levels_legend = (words.has_levels()
        && rows
            .iter()
            .flat_map(|row| &row.segments)
            .any(|segment| segment.label.starts_with('Q')))
    .then(|| text::levels_legend(lang));
    GanttModel {
        legend,
        rows,
        total_rows,
        gathered: column > 1,
        extent,
        axis_label: ChartText::TimeAxis.get(lang).into(),
        takeaway: gantt_takeaway(simulation, lang),
        boost_every: boost_every(simulation),
        boost_legend: None,
        levels_legend,
    }
    .with_boost_legend(lang)
}

impl GanttModel {
    fn with_boost_legend(mut self, lang: Lang) -> GanttModel {
        self.boost_legend = self
            .boost_every
            .map(|period| text::boost_legend(period, lang));
        self
    }
}

/// The period of the run's MLFQ boost, if it has one shorter than the run (none under another
/// policy). Boosts fall on its multiples after tick 0.
pub fn boost_every(simulation: &Simulation) -> Option<u64> {
    match simulation.scenario.policy() {
        proclab_core::PolicySpec::Mlfq(mlfq) => mlfq
            .boost_period
            .filter(|period| *period > 0 && *period < simulation.run.end_tick()),
        _ => None,
    }
}

/// One sentence saying what the chart shows, for `aria-label`.
pub fn gantt_takeaway(simulation: &Simulation, lang: Lang) -> String {
    let totals = &simulation.run.metrics().totals;
    let policy = crate::terms::scheduler_label(&simulation.scenario, lang);
    text::gantt_sentence(
        &GanttSummary {
            policy: &policy,
            processes: totals.processes,
            cpus: simulation.scenario.machine().cpus,
            end: simulation.run.end_tick(),
            waiting: totals.average_waiting.to_string(),
            turnaround: totals.average_turnaround.to_string(),
            switches: totals.context_switches,
            ending: simulation.run.end(),
            circular: text::waits_close_a_circle(&simulation.run),
            // Said of any process of several threads: a waiting of 35 ticks in a run of 38 with
            // one process read as nonsense even where it stays under the turnaround.
            summed_waits: crate::chart::compare_model::waits_exceed_turnaround(totals)
                || simulation
                    .scenario
                    .processes()
                    .iter()
                    .any(|process| process.thread_count() > 1),
        },
        lang,
    )
}

/// The words segments share, each made once: thread names and "runs P1" by thread (in
/// [`Scenario::threads`] order), the state labels, and the Running words by CPU.
pub(super) struct SharedWords<'a> {
    scenario: &'a Scenario,
    threads: Vec<Rc<str>>,
    runs: Vec<Rc<str>>,
    idle: Rc<str>,
    dispatch: Rc<str>,
    pub(super) ready: (Rc<str>, Rc<str>),
    /// Ready while its user-level process is blocked.
    pub(super) held: (Rc<str>, Rc<str>),
    pub(super) blocked: (Rc<str>, Rc<str>),
    /// Blocked waiting for another thread, not for I/O.
    pub(super) waiting: (Rc<str>, Rc<str>),
    /// Label and sentence of Running: on no CPU named (index 0), then on each CPU.
    running: Vec<(Rc<str>, Rc<str>)>,
    /// When each thread exited (in [`Scenario::threads`] order), once known.
    exits: Vec<Option<u64>>,
    /// Under MLFQ or MLQ, each queue's label (`Q0`, `Q1`, ...): a thread row's Ready and Running
    /// segments say the queue they are in, so its way down (and a boost's way back up) reads off
    /// the chart. Empty under other policies.
    levels: Vec<Rc<str>>,
    lang: Lang,
}

impl<'a> SharedWords<'a> {
    fn new(scenario: &'a Scenario, many_cpus: bool, lang: Lang) -> SharedWords<'a> {
        let threads: Vec<Rc<str>> = scenario
            .threads()
            .iter()
            .map(|thread| {
                let thread = ThreadRef {
                    pid: thread.pid(),
                    tid: thread.tid(),
                };
                Rc::from(thread_label(scenario, thread))
            })
            .collect();
        let runs = threads
            .iter()
            .map(|name| Rc::from(text::describe_run(name, lang)))
            .collect();
        let unnamed = (
            Rc::from(ChartText::Running.get(lang)),
            Rc::from(text::describe_running(None, lang)),
        );
        let per_cpu = (0..scenario.machine().cpus).map(|cpu| {
            if many_cpus {
                (
                    Rc::from(format!("CPU{cpu}")),
                    Rc::from(text::describe_running(Some(cpu), lang)),
                )
            } else {
                unnamed.clone()
            }
        });
        let running = core::iter::once(unnamed.clone()).chain(per_cpu).collect();
        let pair = |label: ChartText, detail: ChartText| {
            (Rc::from(label.get(lang)), Rc::from(detail.get(lang)))
        };
        let levels = match scenario.policy() {
            proclab_core::PolicySpec::Mlfq(mlfq) => mlfq.levels.len(),
            proclab_core::PolicySpec::Mlq { queues } => queues.len(),
            _ => 0,
        };
        SharedWords {
            scenario,
            lang,
            levels: (0..levels)
                .map(|level| Rc::from(format!("Q{level}")))
                .collect(),
            exits: vec![None; threads.len()],
            threads,
            runs,
            idle: Rc::from(ChartText::Idle.get(lang)),
            dispatch: Rc::from(ChartText::Dispatch.get(lang)),
            ready: pair(ChartText::Ready, ChartText::LegendReady),
            held: pair(ChartText::HeldReady, ChartText::HeldReadyDetail),
            blocked: pair(ChartText::Blocked, ChartText::BlockedIo),
            waiting: pair(ChartText::Waiting, ChartText::WaitingDetail),
            running,
        }
    }

    /// The index of `thread` in [`Scenario::threads`].
    pub(super) fn index(&self, thread: ThreadRef) -> Option<usize> {
        let process = self.scenario.processes().get(thread.pid as usize)?;
        Some((process.first_thread() + thread.tid) as usize)
    }

    pub(super) fn name(&self, thread: ThreadRef) -> Rc<str> {
        self.index(thread)
            .and_then(|index| self.threads.get(index))
            .map_or_else(|| Rc::from(thread_label(self.scenario, thread)), Rc::clone)
    }

    pub(super) fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether thread rows say their queue: the policy has levels (MLFQ, MLQ).
    pub(super) fn has_levels(&self) -> bool {
        !self.levels.is_empty()
    }

    /// The label of queue `level` (`Q1`), under a policy with levels.
    pub(super) fn level(&self, level: u32) -> Option<Rc<str>> {
        self.levels.get(level as usize).cloned()
    }

    /// The label of a switch's segment (`CS`).
    pub(super) fn dispatch(&self) -> Rc<str> {
        Rc::clone(&self.dispatch)
    }

    pub(super) fn running(&self, cpu: Option<u32>) -> (Rc<str>, Rc<str>) {
        let index = cpu.map_or(0, |cpu| cpu as usize + 1);
        self.running.get(index).unwrap_or(&self.running[0]).clone()
    }
}

/// A slice of a CPU row before it has words; `kernel`: the part of a running slice that the
/// thread spends in the kernel ([`proclab_core::Run::kernel_spans`]).
struct CpuPiece {
    slice: proclab_core::GanttSlice,
    kernel: bool,
}

/// Each CPU's kernel spans in time order, walked once as the CPU's slices come in time order.
struct KernelCursor<'a> {
    per_cpu: Vec<std::iter::Peekable<std::vec::IntoIter<&'a proclab_core::program::KernelSpan>>>,
}

impl<'a> KernelCursor<'a> {
    fn new(spans: &'a [proclab_core::program::KernelSpan], cpus: u32) -> KernelCursor<'a> {
        let mut per_cpu: Vec<Vec<&proclab_core::program::KernelSpan>> =
            (0..cpus).map(|_| Vec::new()).collect();
        for span in spans {
            if let Some(list) = per_cpu.get_mut(span.cpu as usize) {
                list.push(span);
            }
        }
        KernelCursor {
            per_cpu: per_cpu
                .into_iter()
                .map(|list| list.into_iter().peekable())
                .collect(),
        }
    }

    /// `slice` as pieces: a running slice cut where its thread is in the kernel.
    fn split(&mut self, slice: proclab_core::GanttSlice, mut push: impl FnMut(CpuPiece)) {
        let piece = |start: u64, end: u64, kernel: bool| CpuPiece {
            slice: proclab_core::GanttSlice {
                start,
                end,
                ..slice
            },
            kernel,
        };
        let Some(spans) = self.per_cpu.get_mut(slice.cpu as usize) else {
            return push(piece(slice.start, slice.end, false));
        };
        let SliceKind::Run { .. } = slice.kind else {
            return push(piece(slice.start, slice.end, false));
        };
        let mut from = slice.start;
        while let Some(span) = spans.peek() {
            if span.start >= slice.end {
                break;
            }
            let (start, end) = (span.start.max(from), span.end.min(slice.end));
            if start < end {
                if from < start {
                    push(piece(from, start, false));
                }
                push(piece(start, end, true));
                from = end;
            }
            if span.end > slice.end {
                break;
            }
            spans.next();
        }
        if from < slice.end {
            push(piece(from, slice.end, false));
        }
    }
}

/// The kind a CPU slice is drawn as (which thread a dispatch switched from is only in its words).
fn cpu_kind(kind: SliceKind) -> SegmentKind {
    match kind {
        SliceKind::Run { thread } => SegmentKind::Run { thread },
        SliceKind::Idle => SegmentKind::Idle,
        SliceKind::Dispatch { to, .. } => SegmentKind::Dispatch { to },
        SliceKind::CacheStall { thread } => SegmentKind::CacheStall { thread },
    }
}

impl Spanned for CpuPiece {
    fn span(&self) -> (u64, u64) {
        (self.slice.start, self.slice.end)
    }
    fn set_span(&mut self, start: u64, end: u64) {
        self.slice.start = start;
        self.slice.end = end;
    }
    fn same_kind(&self, other: &CpuPiece) -> bool {
        self.kernel == other.kernel && cpu_kind(self.slice.kind) == cpu_kind(other.slice.kind)
    }
}

fn cpu_segment(words: &SharedWords, piece: &CpuPiece, lang: Lang) -> Segment {
    let slice = &piece.slice;
    let (kind, label, detail) = match slice.kind {
        SliceKind::Run { thread } if piece.kernel => {
            let name = words.name(thread);
            (
                SegmentKind::Kernel { thread },
                Rc::from(format!("{name}{}", ChartText::KernelMark.get(lang))),
                Rc::from(text::describe_kernel(&name, lang)),
            )
        }
        SliceKind::Run { thread } => {
            let label = words.name(thread);
            let detail = words
                .index(thread)
                .and_then(|index| words.runs.get(index))
                .map_or_else(|| Rc::from(text::describe_run(&label, lang)), Rc::clone);
            (SegmentKind::Run { thread }, label, detail)
        }
        SliceKind::Idle => (SegmentKind::Idle, words.idle.clone(), words.idle.clone()),
        SliceKind::Dispatch { from, to } => {
            // A thread that exited as the switch began leaves nothing to save.
            let exited = |thread| {
                words
                    .index(thread)
                    .and_then(|index| words.exits.get(index).copied().flatten())
                    .is_some_and(|exit| exit <= slice.start)
            };
            let from = from
                .filter(|from| !exited(*from))
                .map(|from| words.name(from));
            let detail = text::describe_dispatch(from.as_deref(), &words.name(to), lang);
            (
                SegmentKind::Dispatch { to },
                words.dispatch.clone(),
                Rc::from(detail),
            )
        }
        SliceKind::CacheStall { thread } => {
            let name = words.name(thread);
            let detail = text::describe_stall(&name, lang);
            (
                SegmentKind::CacheStall { thread },
                Rc::from(format!("${name}")),
                Rc::from(detail),
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

/// Legend entries for the kinds of segment present, in a fixed order (one pass over the segments,
/// stopping once every kind has been seen).
fn legend(rows: &[GanttRow], lang: Lang) -> Vec<LegendEntry> {
    let slot = |kind: &SegmentKind| match kind {
        SegmentKind::Run { .. } => 0,
        SegmentKind::Idle => 1,
        SegmentKind::Dispatch { .. } => 2,
        SegmentKind::CacheStall { .. } => 3,
        SegmentKind::Kernel { .. } => 4,
        SegmentKind::Ready { .. } => 5,
        SegmentKind::HeldReady { .. } => 6,
        SegmentKind::Blocked { .. } => 7,
        SegmentKind::Running { .. } => 8,
    };
    // The first segment of each kind, by slot (Running rows are the Run entry's colour: no entry).
    let mut first: [Option<SegmentKind>; 9] = [None; 9];
    for segment in rows.iter().flat_map(|row| &row.segments) {
        let index = slot(&segment.kind);
        if first[index].is_none() {
            first[index] = Some(segment.kind);
            if first[..8].iter().all(Option::is_some) {
                break;
            }
        }
    }
    let words = [
        ChartText::LegendRun,
        ChartText::LegendIdle,
        ChartText::LegendDispatch,
        ChartText::LegendStall,
        ChartText::LegendKernel,
        ChartText::LegendReady,
        ChartText::LegendHeldReady,
        ChartText::LegendBlocked,
    ];
    first
        .into_iter()
        .zip(words)
        .filter_map(|(kind, words)| {
            kind.map(|kind| LegendEntry {
                fill: kind.fill(),
                text: words.get(lang).into(),
            })
        })
        .collect()
}
