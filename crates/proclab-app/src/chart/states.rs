//! The Gantt chart's thread rows: each thread's Ready / Running / Blocked segments, from one
//! replay of the run's transitions.

use proclab_core::{Cause, ProcessState, ThreadRef};

use crate::simulation::Simulation;

use super::model::{Segment, SegmentKind, SharedWords};

/// Where one thread of control is while the events are replayed.
struct Tracker {
    state: ProcessState,
    since: u64,
    cpu: Option<u32>,
    segments: Vec<Segment>,
}

/// The Ready / Running / Blocked segments of the first `count` threads (in [`Scenario::threads`]
/// order), from one pass over the transitions.
pub(super) fn state_segments(
    simulation: &Simulation,
    words: &SharedWords,
    extent: u64,
    count: usize,
) -> Vec<Vec<Segment>> {
    let scenario = &simulation.scenario;
    let mut trackers: Vec<Tracker> = scenario
        .threads()
        .iter()
        .take(count)
        .map(|_| Tracker {
            state: ProcessState::New,
            since: 0,
            cpu: None,
            segments: Vec::new(),
        })
        .collect();
    for event in simulation.run.trace().iter() {
        if event.from == event.to {
            continue; // a level change (boost, demotion): the state is unchanged
        }
        let Some(tracker) = words
            .index(event.thread)
            .and_then(|index| trackers.get_mut(index))
        else {
            continue;
        };
        let span = (tracker.since, event.tick);
        let thread = event.thread;
        if let Some(segment) = state_segment(words, tracker.state, tracker.cpu, thread, span) {
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
            if let Some(segment) = state_segment(words, tracker.state, tracker.cpu, thread, span) {
                push_merged(&mut tracker.segments, segment);
            }
            tracker.segments
        })
        .collect()
}

pub(super) fn state_segment(
    words: &SharedWords,
    state: ProcessState,
    cpu: Option<u32>,
    thread: ThreadRef,
    (start, end): (u64, u64),
) -> Option<Segment> {
    if end <= start {
        return None;
    }
    let (kind, (label, detail)) = match state {
        ProcessState::Ready => (SegmentKind::Ready { thread }, words.ready.clone()),
        ProcessState::Running => (SegmentKind::Running { thread, cpu }, words.running(cpu)),
        ProcessState::Blocked => (SegmentKind::Blocked { thread }, words.blocked.clone()),
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
pub(super) fn push_merged(segments: &mut Vec<Segment>, segment: Segment) {
    match segments.last_mut() {
        Some(last) if last.kind == segment.kind && last.end == segment.start => {
            last.end = segment.end;
        }
        _ => segments.push(segment),
    }
}
