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
mod marks;
mod model;
mod sizing;
mod switch;
mod text;
mod tokens;
mod warmup;

pub use geometry::{Point, Rect, Size};
pub use marks::TurnKey;
pub use model::*;
pub use sizing::{
    canvas_size, io_row, label_width, lane_form, line_height, slice_words, text_width, text_zoom,
    IoRow, LaneForm, FALLBACK_WIDTH, MIN_TEXT, MIN_WIDTH,
};
pub use switch::{control_block, switch_view, SwitchPhase, SwitchView};
pub use text::TextBox;
use tokens::*;
pub use warmup::{
    warmup_scene, CacheBar, CachePart, Chip, ChipRow, Label, RunBox, WarmupCard, WarmupScene,
    WarmupWords,
};

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use proclab_core::cache::CacheOwner;
use proclab_core::state::{CpuActivity, MachineState};
use proclab_core::{Cause, Event, ProcessState, ThreadRef};

/// Display label of a thread, as [`proclab_core::render::label`] names it everywhere.
pub fn thread_label(state: &MachineState, thread: ThreadRef) -> String {
    let Some(process) = state.processes.get(thread.pid as usize) else {
        return format!("P{}", thread.pid + 1);
    };
    let thread_name = (process.threads.len() > 1)
        .then(|| state.thread(thread))
        .flatten()
        .map(|tcb| tcb.name.as_str());
    isolate(proclab_core::render::label(&process.name, thread_name))
}

/// The names of the tokens drawn and where they go. Threads are named as everywhere
/// (`P1.T2`); when those names do not all fit and every token drawn is a thread of one process
/// (the lessons on threads), by their own names (`T2`), which fit where `P1.T2` does not: the
/// node's neighbours (the CPU boxes, the queue) still say the process.
fn token_names(
    after: &MachineState,
    kept: &[(usize, Slot, Slot)],
    area: Rect,
    busiest: usize,
    zoom: f32,
) -> (Vec<String>, (f32, Naming)) {
    let labels: Vec<String> = kept
        .iter()
        .map(|(index, _, _)| thread_label(after, after.threads[*index].thread))
        .collect();
    let placed = token_naming(area, busiest, &labels, zoom);
    let threads = || kept.iter().map(|(index, _, _)| &after.threads[*index]);
    let one_process = threads()
        .map(|tcb| tcb.thread.pid)
        .reduce(|first, pid| if first == pid { first } else { u32::MAX })
        .is_some_and(|pid| pid != u32::MAX);
    let several_threads = after
        .processes
        .get(threads().next().map_or(0, |tcb| tcb.thread.pid as usize))
        .is_some_and(|process| process.threads.len() > 1);
    if !one_process || !several_threads || all_named(&labels, placed, zoom) {
        return (labels, placed);
    }
    let short: Vec<String> = threads().map(|tcb| isolate(tcb.name.clone())).collect();
    let shorter = token_naming(area, busiest, &short, zoom);
    if all_named(&short, shorter, zoom) {
        (short, shorter)
    } else {
        (labels, placed)
    }
}

/// A name as a sentence or a list may hold it: one that has right-to-left letters (Arabic,
/// Hebrew) or direction controls (U+202E) is wrapped in a first-strong isolate (U+2068 … U+2069),
/// so it cannot turn the words after it around or swap its neighbours in `A → B`; any other name
/// is returned as it is.
pub fn isolate(name: String) -> String {
    if name.chars().any(needs_isolation) {
        format!("\u{2068}{name}\u{2069}")
    } else {
        name
    }
}

fn needs_isolation(character: char) -> bool {
    matches!(character,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}'
        | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}')
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

/// The point `t` of the way along the parabola from `from` to `to` that passes through `middle`
/// halfway.
fn through(from: Point, middle: Point, to: Point, t: f32) -> Point {
    // The quadratic Bézier curve whose control point puts its midpoint on `middle`.
    let control = Point {
        x: 2.0 * middle.x - (from.x + to.x) / 2.0,
        y: 2.0 * middle.y - (from.y + to.y) / 2.0,
    };
    let u = 1.0 - t;
    Point {
        x: u * u * from.x + 2.0 * u * t * control.x + t * t * to.x,
        y: u * u * from.y + 2.0 * u * t * control.y + t * t * to.y,
    }
}

/// A token's place: its node's state and its position among that node's tokens.
type Slot = (ProcessState, usize);

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
/// pass `after` itself and every token starts in its node), `events` are the events of the instant;
/// `key` is what the policy picks by, marked under each queued name and beside each running one.
pub fn scene(
    before: &MachineState,
    after: &MachineState,
    events: &[Event],
    progress: u32,
    size: Size,
    cache_capacity: u32,
    key: TurnKey,
) -> Scene {
    let progress = progress.min(1000);
    let zoom = text_zoom(size);
    let line = line_height(zoom);
    let size_px = MIN_TEXT * zoom;
    let (diagram, machine) = size.split();
    let nodes_rects = geometry::node_rects(diagram);
    let node_rect = |state: ProcessState| {
        nodes_rects[ProcessState::ALL
            .iter()
            .position(|s| *s == state)
            .unwrap_or(0)]
    };

    // Each thread's slot inside its node, before and after the instant: one pass over each list
    // (both list every thread in the same order), so a scene costs O(threads). A process that has
    // not arrived by the instant does not exist yet: it has no token (one arriving at the instant
    // starts in New and is admitted during it).
    let now = after.tick;
    let arrived = |state: &MachineState, tcb: &proclab_core::state::Tcb| {
        state
            .processes
            .get(tcb.thread.pid as usize)
            .is_none_or(|pcb| pcb.arrival <= now)
    };
    // Each node's tokens in thread order, but Ready's in ready-queue order (levels in order), as
    // the queue lanes below show them.
    let slots = |state: &MachineState| -> (Vec<Option<Slot>>, [usize; 5]) {
        let mut counts = [0usize; 5];
        // (thread, its place in the queue), sorted by thread for a binary search.
        let mut queued: Vec<(ThreadRef, usize)> = state
            .ready
            .iter()
            .flatten()
            .enumerate()
            .map(|(place, thread)| (*thread, place))
            .collect();
        queued.sort_unstable();
        let place_in_queue = |thread: ThreadRef| {
            queued
                .binary_search_by_key(&thread, |(each, _)| *each)
                .map_or(usize::MAX, |found| queued[found].1)
        };
        let mut slots: Vec<Option<Slot>> = state
            .threads
            .iter()
            .map(|tcb| {
                arrived(state, tcb).then(|| {
                    let shown = shown_state(state, tcb);
                    let group = state_index(shown);
                    counts[group] += 1;
                    (shown, counts[group] - 1)
                })
            })
            .collect();
        let mut ready: Vec<usize> = (0..slots.len())
            .filter(|index| matches!(slots[*index], Some((ProcessState::Ready, _))))
            .collect();
        ready.sort_by_key(|index| (place_in_queue(state.threads[*index].thread), *index));
        for (slot, index) in ready.into_iter().enumerate() {
            slots[index] = Some((ProcessState::Ready, slot));
        }
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
            title: Rect {
                x: nodes_rects[index].x + 4.0,
                y: nodes_rects[index].y + 2.0,
                width: nodes_rects[index].width - 8.0,
                height: line,
            },
            count: after_counts[index],
        })
        .collect();

    // A thread whose slice ends and that the same CPU picks again at once (alone, or still the
    // best) goes Running → Ready → Running within the instant: it never leaves its CPU, and the
    // log says so. Its two transitions are no arrows' to count.
    let ends_and_starts =
        |transition: Transition| -> alloc::collections::BTreeSet<(u32, u32, Option<u32>)> {
            events
                .iter()
                .filter(|event| Transition::of(event.from, event.to) == Some(transition))
                .map(|event| (event.thread.pid, event.thread.tid, event.cpu))
                .collect()
        };
    let (interrupted, dispatched) = (
        ends_and_starts(Transition::Interrupt),
        ends_and_starts(Transition::Dispatch),
    );
    let picked_again = |event: &Event| {
        let key = (event.thread.pid, event.thread.tid, event.cpu);
        matches!(
            Transition::of(event.from, event.to),
            Some(Transition::Interrupt | Transition::Dispatch)
        ) && interrupted.contains(&key)
            && dispatched.contains(&key)
    };
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
                    .filter(|event| {
                        Transition::of(event.from, event.to) == Some(*transition)
                            && !picked_again(event)
                    })
                    .map(|event| event.cause)
                    .collect(),
                caption: geometry::caption_slot(&nodes_rects, *transition, line),
                caption_align: match transition {
                    Transition::Admit | Transition::IoRequest => Align::Left,
                    Transition::Exit | Transition::IoComplete => Align::Right,
                    Transition::Dispatch | Transition::Interrupt => Align::Centre,
                },
            }
        })
        .collect();

    let eased = ease(progress);
    // A node draws at most `room` tokens (cells big enough for a token and the air around it):
    // its title counts them all, and the machine in words names every thread. A token that moves
    // at this instant is always drawn.
    let area = token_area(nodes_rects[0], line);
    let room = token_room(area);
    // (thread index, its slot after the instant, its slot before it)
    let kept: Vec<(usize, Slot, Slot)> = after_slots
        .iter()
        .enumerate()
        .filter_map(|(index, slot)| {
            let slot = (*slot)?;
            let origin = if same_threads {
                before_slots[index].unwrap_or(slot)
            } else {
                slot
            };
            (slot.1 < room || origin.0 != slot.0).then_some((index, slot, origin))
        })
        .collect();
    let busiest = after_counts
        .iter()
        .chain(before_counts.iter())
        .map(|count| (*count).min(room))
        .max()
        .unwrap_or(1);
    let (labels, (radius, naming)) = token_names(after, &kept, area, busiest, zoom);
    let place = |(state, slot): Slot, counts: &[usize; 5]| {
        let shown = counts[state_index(state)].min(room);
        let cell = token_cell(
            token_area(node_rect(state), line),
            slot.min(shown.saturating_sub(1)),
            shown,
            naming,
        );
        (token_point(cell, radius, naming, line), cell)
    };
    let tokens = kept
        .iter()
        .zip(&labels)
        .map(|(&(index, slot, origin), label)| {
            let tcb = &after.threads[index];
            let (target, cell) = place(slot, &after_counts);
            let moving = origin.0 != slot.0;
            // Every token glides from its place before the instant to its place after it: one
            // that stays in its node may still change places as others come and go, and must
            // not sit on a neighbour that has not left yet.
            let at = if same_threads {
                let from = place(origin, &before_counts).0;
                match (origin.0, slot.0) {
                    // Between Ready and Running a token follows its own arrow of the two (the
                    // dispatch above, the interrupt below): on a switch the thread going out and
                    // the one coming in had slid along one line through each other.
                    (ProcessState::Ready, ProcessState::Running)
                    | (ProcessState::Running, ProcessState::Ready) => {
                        let transition = if origin.0 == ProcessState::Ready {
                            Transition::Dispatch
                        } else {
                            Transition::Interrupt
                        };
                        let (start, end) = geometry::arrow_points(
                            node_rect(origin.0),
                            node_rect(slot.0),
                            transition,
                        );
                        through(from, start.lerp(end, 0.5), target, eased)
                    }
                    _ => from.lerp(target, eased),
                }
            } else {
                target
            };
            let width = text_width(label, size_px);
            // Whether the name fits is decided where the token settles; the box goes with it.
            let fits = name_box(target, width, radius, naming, line)
                .is_some_and(|name| cell.holds(name, 0.5) && width <= name.width + 0.01);
            let label_box = name_box(at, width, radius, naming, line).filter(|_| fits);
            Token {
                thread: tcb.thread,
                label: label.clone(),
                state: slot.0,
                at,
                moving,
                colour: tcb.thread.pid,
                label_box,
            }
        })
        .collect();

    // A run whose programs declare sync objects or channels may have several threads waiting for them, each
    // said with its object and holder: its waiting box gets three lines, the same at every tick
    // so the picture does not move.
    let has_sync = after.memories.iter().any(|memory| !memory.sync.is_empty())
        || !after.shared_sync.is_empty()
        || !after.queues.is_empty();
    let io_lines = if has_sync { IO_LINES_WITH_SYNC } else { 1 };
    // The ready queues as lanes: one per level, or, with per-CPU queues, one per CPU (its own
    // queue, its levels in the order it picks from them, so a steal shows as a thread leaving
    // another CPU's lane).
    let queues: Vec<(Option<u32>, usize, Vec<ThreadRef>)> = if after.ready_per_cpu.is_empty() {
        after
            .ready
            .iter()
            .enumerate()
            .map(|(level, queue)| (None, level, queue.clone()))
            .collect()
    } else {
        after
            .ready_per_cpu
            .iter()
            .enumerate()
            .map(|(cpu, levels)| (Some(cpu as u32), 0, levels.concat()))
            .collect()
    };
    let multilevel = after.ready.len() > 1;
    let layout = geometry::machine_layout(
        machine,
        after.cpus.len(),
        queues.len().max(1),
        line,
        io_lines,
    );
    let lanes = queues
        .iter()
        .enumerate()
        .map(|(index, (cpu, level, queue))| {
            let (cpu, level) = (*cpu, *level);
            let rect = layout.lanes[index.min(layout.lanes.len() - 1)];
            let form = lane_form(rect.height, zoom);
            let marks: Vec<String> = queue
                .iter()
                .map(|thread| {
                    after
                        .thread(*thread)
                        .map(|tcb| key.queued(tcb, multilevel))
                        .unwrap_or_default()
                })
                .collect();
            let entries: Vec<(ThreadRef, String)> = queue
                .iter()
                .map(|thread| (*thread, thread_label(after, *thread)))
                .collect();
            let words: Vec<(String, String)> = entries
                .iter()
                .zip(&marks)
                .map(|((_, label), mark)| (label.clone(), mark.clone()))
                .collect();
            let (cells, more_box) = sizing::lane_cells(rect, form, &words, zoom);
            Lane {
                level,
                numbered: multilevel && cpu.is_none(),
                cpu,
                rect,
                form,
                title: sizing::lane_title(rect, form, zoom),
                marks: marks.into_iter().take(cells.len()).collect(),
                more: more_box.map(|at| (at, entries.len() - cells.len())),
                entries,
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
                CpuActivity::Dispatching { thread, until, .. }
                | CpuActivity::Stalling { thread, until, .. } => {
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
            let rect = layout.cpus[index.min(layout.cpus.len() - 1)];
            // The switch's three lines sit 4 px clear of the title and of the cache caption, so
            // the panel drawn around them touches neither.
            let row = |rows: f32, gap: f32| Rect {
                x: rect.x + 6.0,
                y: rect.y + 4.0 + rows * line + gap,
                width: rect.width - 12.0,
                height: line,
            };
            CpuBox {
                cpu: cpu.cpu,
                rect,
                title: row(0.0, 0.0),
                lines: [row(1.0, 4.0), row(2.0, 4.0), row(3.0, 4.0)],
                cache_caption: row(4.0, 8.0),
                cache_bar: Rect {
                    x: rect.x + 8.0,
                    y: rect.y + 16.0 + 5.0 * line,
                    width: rect.width - 16.0,
                    height: 10.0,
                },
                activity: cpu.activity,
                label: current.map(|thread| thread_label(after, thread)),
                level: current
                    .filter(|_| after.ready.len() > 1)
                    .and_then(|thread| after.thread(thread))
                    .map(|tcb| tcb.level),
                quantum: current
                    .filter(|_| matches!(cpu.activity, CpuActivity::Running { .. }))
                    .and_then(|thread| after.thread(thread))
                    .and_then(|tcb| tcb.quantum_left)
                    .filter(|left| *left > 0),
                mark: current
                    .filter(|_| matches!(cpu.activity, CpuActivity::Running { .. }))
                    .and_then(|thread| after.thread(thread))
                    .map(|tcb| key.running(tcb))
                    .unwrap_or_default(),
                countdown,
                cache,
                cache_capacity,
            }
        })
        .collect();

    // Who is blocked and on what: I/O first, then each mutex's, semaphore's or condition's
    // waiters in their queue's order, then each pipe's or message queue's (those waiting to put
    // in, then those waiting to take out) with its places, so the picture says why a token sits
    // in Blocked; a channel nobody waits on is shown for what it holds.
    let sync_waits = after
        .memories
        .iter()
        .flat_map(|memory| memory.sync.iter())
        .chain(after.shared_sync.iter())
        .flat_map(|object| {
            object.waiters.iter().map(move |waiter| IoEntry {
                thread: Some(*waiter),
                label: thread_label(after, *waiter),
                io_left: 0,
                waits_for: Some((
                    // A semaphore with its value: 0 is why its waiters wait.
                    if matches!(
                        object.kind,
                        proclab_core::SyncKind::Semaphore | proclab_core::SyncKind::SharedSemaphore
                    ) {
                        format!("{} = {}", object.name, object.value)
                    } else {
                        object.name.clone()
                    },
                    object.holder.map(|holder| thread_label(after, holder)),
                )),
                places: None,
            })
        });
    let channel_waits = after.queues.iter().flat_map(|queue| {
        let places = places(queue);
        let waiters = queue.senders.iter().chain(&queue.receivers);
        let alone = (queue.senders.is_empty() && queue.receivers.is_empty()).then(|| IoEntry {
            thread: None,
            label: queue.name.clone(),
            io_left: 0,
            waits_for: None,
            places: Some(places.clone()),
        });
        waiters
            .map(move |waiter| IoEntry {
                thread: Some(*waiter),
                label: thread_label(after, *waiter),
                io_left: 0,
                waits_for: Some((queue.name.clone(), None)),
                places: Some(places.clone()),
            })
            .chain(alone)
    });
    let io = after
        .blocked
        .iter()
        .map(|entry| IoEntry {
            thread: Some(entry.thread),
            label: thread_label(after, entry.thread),
            io_left: entry.io_left,
            waits_for: None,
            places: None,
        })
        .chain(sync_waits)
        .chain(channel_waits)
        .collect::<Vec<_>>();
    let io_row = io_row(layout.io, &io, zoom, io_lines);

    let switches = after
        .cpus
        .iter()
        .filter_map(|cpu| switch_view(before, after, events, cpu.cpu, progress))
        .collect();

    Scene {
        size,
        tick: after.tick,
        progress,
        zoom,
        line,
        // The row above the states, the diagram's width: room beside the tick for a word on
        // why the run stopped there.
        clock: Rect {
            x: 6.0,
            y: 2.0,
            width: (diagram.width - 12.0).max(text_width("시각 = 00000", 14.0 * zoom)),
            height: 14.0 * zoom * 1.4,
        },
        diagram,
        nodes,
        arrows,
        tokens,
        lanes,
        cpus,
        io_rect: layout.io,
        io_title: Rect {
            x: layout.io.x + 6.0,
            y: layout.io.y + 2.0,
            width: layout.io.width - 12.0,
            height: line,
        },
        io,
        io_row,
        switches,
        token_radius: radius,
    }
}

/// Lines of entries the waiting box has when the run's programs declare sync objects.
pub const IO_LINES_WITH_SYNC: usize = 3;

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

/// Token radius for a scene: smaller as the busiest node fills up ([`Scene::token_radius`]).
pub fn token_radius(scene: &Scene) -> f32 {
    scene.token_radius
}

/// Whether the instant holds a context switch worth slowing playback down for.
pub fn has_switch(events: &[Event]) -> bool {
    events
        .iter()
        .any(|event| matches!(event.cause, Cause::Dispatched { .. }))
}
