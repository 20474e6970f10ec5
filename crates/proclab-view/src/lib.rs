//! What the "watch the machine" canvas draws, computed by pure functions from the core's state.
//!
//! [`scene`] takes the machine just before an instant, the machine after it, the events of that
//! instant and how far the animation of the instant has progressed (in permille), and returns a
//! [`Scene`]: every shape's position and label, with no drawing API in sight. The web crate's
//! canvas module only paints a `Scene`; everything worth testing is tested here, natively.
//!
//! Coordinates are CSS pixels in an area of the given [`Size`]; floats are fine here because
//! nothing flows back into the simulation.
#![no_std]

extern crate alloc;

mod geometry;
mod sizing;
mod switch;

pub use geometry::{Point, Rect, Size};
pub use sizing::{
    arrow_caption, canvas_size, fits_two_lines, io_row, label_width, slice_words, text_zoom,
    Caption, IoRow, FALLBACK_WIDTH, MIN_WIDTH,
};
pub use switch::{switch_view, SwitchPhase, SwitchView};

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use proclab_core::cache::CacheOwner;
use proclab_core::state::{CpuActivity, MachineState};
use proclab_core::{Cause, Event, ProcessState, ThreadRef};

/// The five states as nodes of the diagram, in [`ProcessState::ALL`] order.
#[derive(Clone, Debug, PartialEq)]
pub struct StateNode {
    pub state: ProcessState,
    pub rect: Rect,
    /// Threads of control in this state after the instant.
    pub count: usize,
}

/// The transitions of the five-state model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    Admit,
    Dispatch,
    Interrupt,
    IoRequest,
    IoComplete,
    Exit,
}

impl Transition {
    pub const ALL: [Transition; 6] = [
        Transition::Admit,
        Transition::Dispatch,
        Transition::Interrupt,
        Transition::IoRequest,
        Transition::IoComplete,
        Transition::Exit,
    ];

    pub fn endpoints(self) -> (ProcessState, ProcessState) {
        use ProcessState::*;
        match self {
            Transition::Admit => (New, Ready),
            Transition::Dispatch => (Ready, Running),
            Transition::Interrupt => (Running, Ready),
            Transition::IoRequest => (Running, Blocked),
            Transition::IoComplete => (Blocked, Ready),
            Transition::Exit => (Running, Exit),
        }
    }

    fn of(from: ProcessState, to: ProcessState) -> Option<Transition> {
        Transition::ALL
            .into_iter()
            .find(|transition| transition.endpoints() == (from, to))
    }
}

/// One arrow of the diagram; `active` when some thread takes it at this instant.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub transition: Transition,
    pub from: Point,
    pub to: Point,
    /// The causes of this instant's moves along it (in event order).
    pub causes: Vec<Cause>,
}

/// One thread of control drawn as a labelled token.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub thread: ThreadRef,
    pub label: String,
    /// The node it is drawn in ([`shown_state`]).
    pub state: ProcessState,
    pub at: Point,
    /// Moving along an arrow at this instant.
    pub moving: bool,
    /// Index into the palette (the process id), so threads of one process share a colour.
    pub colour: u32,
}

/// One ready queue (one lane per MLQ queue or MLFQ level).
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub level: usize,
    pub rect: Rect,
    /// Threads in queue order, head first.
    pub entries: Vec<(ThreadRef, String)>,
    /// Where the first entries are drawn (as many as fit); the rest are summed up by an ellipsis.
    pub cells: Vec<Rect>,
    /// For each drawn entry: ticks left of its time slice (if the policy slices) and, on a
    /// multilevel queue, quanta of allotment left at its level.
    pub slices_left: Vec<(Option<u64>, Option<u32>)>,
    /// When not every entry has a cell: where `+N` goes and N.
    pub more: Option<(Point, usize)>,
}

/// The cells of a lane's first entries, left to right, as many as fit in its width.
fn lane_cells(rect: Rect, entries: usize) -> Vec<Rect> {
    let cell = (rect.height - 18.0).clamp(10.0, 30.0);
    let width = cell * 1.8;
    let fit = ((rect.width - 12.0 + 4.0) / (width + 4.0)).max(0.0) as usize;
    (0..entries.min(fit))
        .map(|index| Rect {
            x: rect.x + 6.0 + index as f32 * (width + 4.0),
            y: rect.y + 18.0,
            width,
            height: cell,
        })
        .collect()
}

/// One slice of a CPU's cache bar.
#[derive(Clone, Debug, PartialEq)]
pub struct CacheSlice {
    pub owner: CacheOwner,
    pub units: u32,
    /// Belongs to the thread this CPU is running or loading (warm for it).
    pub warm_for_current: bool,
}

/// One CPU box with its cache.
#[derive(Clone, Debug, PartialEq)]
pub struct CpuBox {
    pub cpu: u32,
    pub rect: Rect,
    pub activity: CpuActivity,
    /// Label of the thread it runs, loads or stalls for.
    pub label: Option<String>,
    /// Ticks left of a dispatch or stall.
    pub countdown: Option<u64>,
    pub cache: Vec<CacheSlice>,
    /// Units the cache holds when full (0 when the cache model is off).
    pub cache_capacity: u32,
}

/// One thread blocked on I/O.
#[derive(Clone, Debug, PartialEq)]
pub struct IoEntry {
    pub thread: ThreadRef,
    pub label: String,
    pub io_left: u64,
}

/// Everything the canvas paints for one moment.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub size: Size,
    pub tick: u64,
    pub progress: u32,
    pub diagram: Rect,
    pub nodes: Vec<StateNode>,
    pub arrows: Vec<Arrow>,
    pub tokens: Vec<Token>,
    pub lanes: Vec<Lane>,
    pub cpus: Vec<CpuBox>,
    pub io_rect: Rect,
    pub io: Vec<IoEntry>,
    /// The I/O box's line of labels ([`io_row`]).
    pub io_row: IoRow,
    /// The context switch in progress on each CPU that is switching.
    pub switches: Vec<SwitchView>,
}

/// Display label of a thread, as [`proclab_core::render::label`] names it everywhere.
pub fn thread_label(state: &MachineState, thread: ThreadRef) -> String {
    let Some(process) = state.processes.get(thread.pid as usize) else {
        return format!("P{}", thread.pid + 1);
    };
    let thread_name = (process.threads.len() > 1)
        .then(|| state.threads.iter().find(|tcb| tcb.thread == thread))
        .flatten()
        .map(|tcb| tcb.name.as_str());
    proclab_core::render::label(&process.name, thread_name)
}

/// Position of the `index`-th of `count` tokens inside a node.
fn slot_point(rect: Rect, index: usize, count: usize) -> Point {
    let columns = ceil_sqrt(count.max(1)).max(1);
    let rows = count.max(1).div_ceil(columns);
    let column = index % columns;
    let row = index / columns;
    let inner = rect.inset(rect.height * 0.22, rect.height * 0.28);
    Point {
        x: inner.x + inner.width * (column as f32 + 0.5) / columns as f32,
        y: inner.y + inner.height * (row as f32 + 0.5) / rows as f32,
    }
}

fn ceil_sqrt(value: usize) -> usize {
    let mut root = 0;
    while root * root < value {
        root += 1;
    }
    root
}

/// Smooth start and stop for a progress in permille.
pub fn ease(progress: u32) -> f32 {
    let t = progress.min(1000) as f32 / 1000.0;
    t * t * (3.0 - 2.0 * t)
}

/// The node a thread's token sits in: its own state, except that a ready thread of a process the
/// kernel sees as Blocked (a many-to-one process with a blocked thread) waits with it in Blocked.
pub fn shown_state(state: &MachineState, tcb: &proclab_core::state::Tcb) -> ProcessState {
    let process_blocked = state
        .processes
        .get(tcb.thread.pid as usize)
        .is_some_and(|pcb| pcb.state == ProcessState::Blocked);
    if tcb.state == ProcessState::Ready && process_blocked {
        ProcessState::Blocked
    } else {
        tcb.state
    }
}

fn state_index(state: ProcessState) -> usize {
    match state {
        ProcessState::New => 0,
        ProcessState::Ready => 1,
        ProcessState::Running => 2,
        ProcessState::Blocked => 3,
        ProcessState::Exit => 4,
    }
}

/// The scene of the instant `after.tick`, `progress` permille into its animation.
///
/// `before` is the machine just before the instant (the state of the previous tick; for tick 0,
/// pass `after` itself and every token starts in its node), `events` are the events of the instant.
pub fn scene(
    before: &MachineState,
    after: &MachineState,
    events: &[Event],
    progress: u32,
    size: Size,
    cache_capacity: u32,
) -> Scene {
    let progress = progress.min(1000);
    let (diagram, machine) = size.split();
    let nodes_rects = geometry::node_rects(diagram);
    let node_rect = |state: ProcessState| {
        nodes_rects[ProcessState::ALL
            .iter()
            .position(|s| *s == state)
            .unwrap_or(0)]
    };

    // Each thread's slot inside its node, before and after the instant: one pass over each list
    // (both list every thread in the same order), so a scene costs O(threads).
    let slots = |state: &MachineState| -> (Vec<(ProcessState, usize)>, [usize; 5]) {
        let mut counts = [0usize; 5];
        let slots = state
            .threads
            .iter()
            .map(|tcb| {
                let shown = shown_state(state, tcb);
                let group = state_index(shown);
                counts[group] += 1;
                (shown, counts[group] - 1)
            })
            .collect();
        (slots, counts)
    };
    let (after_slots, after_counts) = slots(after);
    let (before_slots, before_counts) = slots(before);
    let same_threads = before.threads.len() == after.threads.len();

    let nodes = ProcessState::ALL
        .iter()
        .enumerate()
        .map(|(index, state)| StateNode {
            state: *state,
            rect: nodes_rects[index],
            count: after_counts[index],
        })
        .collect();

    let arrows = Transition::ALL
        .iter()
        .map(|transition| {
            let (from, to) = transition.endpoints();
            let (start, end) = geometry::arrow_points(node_rect(from), node_rect(to), *transition);
            Arrow {
                transition: *transition,
                from: start,
                to: end,
                causes: events
                    .iter()
                    .filter(|event| Transition::of(event.from, event.to) == Some(*transition))
                    .map(|event| event.cause)
                    .collect(),
            }
        })
        .collect();

    let eased = ease(progress);
    let place = |(state, slot): (ProcessState, usize), counts: &[usize; 5]| {
        slot_point(node_rect(state), slot, counts[state_index(state)])
    };
    let tokens = after
        .threads
        .iter()
        .enumerate()
        .map(|(index, tcb)| {
            let target = place(after_slots[index], &after_counts);
            let origin = if same_threads {
                before_slots[index]
            } else {
                after_slots[index]
            };
            let moving = origin.0 != after_slots[index].0;
            let at = if moving {
                place(origin, &before_counts).lerp(target, eased)
            } else {
                target
            };
            Token {
                thread: tcb.thread,
                label: thread_label(after, tcb.thread),
                state: after_slots[index].0,
                at,
                moving,
                colour: tcb.thread.pid,
            }
        })
        .collect();

    let layout = geometry::machine_layout(machine, after.cpus.len(), after.ready.len().max(1));
    let lanes = after
        .ready
        .iter()
        .enumerate()
        .map(|(level, queue)| {
            let rect = layout.lanes[level.min(layout.lanes.len() - 1)];
            let cells = lane_cells(rect, queue.len());
            let multilevel = after.ready.len() > 1;
            let slices_left = queue
                .iter()
                .take(cells.len())
                .map(|thread| match after.thread(*thread) {
                    Some(tcb) => (tcb.quantum_left, multilevel.then_some(tcb.allotment_left)),
                    None => (None, None),
                })
                .collect();
            Lane {
                level,
                rect,
                slices_left,
                more: sizing::lane_more(rect, &cells, queue.len()),
                entries: queue
                    .iter()
                    .map(|thread| (*thread, thread_label(after, *thread)))
                    .collect(),
                cells,
            }
        })
        .collect();

    let cpus = after
        .cpus
        .iter()
        .enumerate()
        .map(|(index, cpu)| {
            let (current, countdown) = match cpu.activity {
                CpuActivity::Idle => (None, None),
                CpuActivity::Running { thread } | CpuActivity::HeldFor { thread } => {
                    (Some(thread), None)
                }
                CpuActivity::Dispatching { thread, until }
                | CpuActivity::Stalling { thread, until } => {
                    (Some(thread), Some(until.saturating_sub(after.tick)))
                }
            };
            let cache = cpu
                .cache
                .iter()
                .map(|entry| CacheSlice {
                    owner: entry.owner,
                    units: entry.units,
                    warm_for_current: current.is_some_and(|thread| match entry.owner {
                        CacheOwner::Shared { pid } => pid == thread.pid,
                        CacheOwner::Stack { pid, tid } => pid == thread.pid && tid == thread.tid,
                    }),
                })
                .collect();
            CpuBox {
                cpu: cpu.cpu,
                rect: layout.cpus[index.min(layout.cpus.len() - 1)],
                activity: cpu.activity,
                label: current.map(|thread| thread_label(after, thread)),
                countdown,
                cache,
                cache_capacity,
            }
        })
        .collect();

    let io = after
        .blocked
        .iter()
        .map(|entry| IoEntry {
            thread: entry.thread,
            label: thread_label(after, entry.thread),
            io_left: entry.io_left,
        })
        .collect::<Vec<_>>();
    let io_row = io_row(layout.io, &io);

    let switches = after
        .cpus
        .iter()
        .filter_map(|cpu| switch_view(before, after, events, cpu.cpu, progress))
        .collect();

    Scene {
        size,
        tick: after.tick,
        progress,
        diagram,
        nodes,
        arrows,
        tokens,
        lanes,
        cpus,
        io_rect: layout.io,
        io,
        io_row,
        switches,
    }
}

/// The token under a point (for clicks on the canvas), topmost last-drawn first.
pub fn token_at(scene: &Scene, point: Point, radius: f32) -> Option<ThreadRef> {
    scene
        .tokens
        .iter()
        .rev()
        .find(|token| token.at.distance(point) <= radius)
        .map(|token| token.thread)
}

/// The ready-queue entry under a point, if any.
pub fn queue_entry_at(scene: &Scene, point: Point) -> Option<ThreadRef> {
    scene.lanes.iter().find_map(|lane| {
        lane.cells
            .iter()
            .zip(&lane.entries)
            .find(|(cell, _)| cell.contains(point))
            .map(|(_, (thread, _))| *thread)
    })
}

/// Token radius for a scene: smaller as the busiest node fills up.
pub fn token_radius(scene: &Scene) -> f32 {
    let busiest = scene
        .nodes
        .iter()
        .map(|node| node.count)
        .max()
        .unwrap_or(1)
        .max(1);
    let columns = ceil_sqrt(busiest) as f32;
    let node = scene
        .nodes
        .first()
        .map(|node| node.rect)
        .unwrap_or_default();
    let rows = busiest.div_ceil(columns as usize) as f32;
    // Fit the busiest node both across (columns) and down (rows, inside the title and margins).
    let across = node.width / (columns * 2.6);
    let down = node.height * 0.44 / (rows * 2.2);
    across.min(down).clamp(3.0, 16.0)
}

/// Whether the instant holds a context switch worth slowing playback down for.
pub fn has_switch(events: &[Event]) -> bool {
    events
        .iter()
        .any(|event| matches!(event.cause, Cause::Dispatched { .. }))
}
