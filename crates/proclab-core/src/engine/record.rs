//! What the engine writes down: the trace of transitions ([`Event`]) and the Gantt chart
//! ([`GanttSlice`] per CPU), and where each CPU's time went.
//!
//! Recording is optional (checkpoints for `state_at` run without it); CPU time is counted either
//! way, so metrics never depend on it. Adjacent slices of the same kind on a CPU are merged.

use alloc::vec::Vec;

use super::Engine;
use crate::policy::LevelChange;
use crate::scenario::Scenario;
use crate::task::{CpuIx, ThreadIx};
use crate::trace::{Cause, Event, GanttSlice, SliceKind};
use crate::ProcessState;

/// Most trace entries reserved up front (more are allocated as needed).
const MAX_RESERVED_EVENTS: usize = 2_500_000;

/// Trace buffers, kept out of the engine so that checkpoints stay small.
#[derive(Clone, Debug, Default)]
pub(crate) struct Recorder {
    pub(crate) events: Vec<Event>,
    /// Per CPU, in time order.
    pub(crate) gantt: Vec<Vec<GanttSlice>>,
}

impl Recorder {
    /// Sized from the validated scenario so that recording never reallocates in the common case
    /// (each slice ends with one event and starts with another).
    pub(super) fn sized_for(scenario: &Scenario) -> Recorder {
        let slices = usize::try_from(scenario.slice_estimate()).unwrap_or(0);
        let cpu_count = scenario.machine().cpus as usize;
        let threads = scenario.threads().len();
        let events = (2 * slices + 4 * threads).min(MAX_RESERVED_EVENTS);
        let per_cpu = ((slices + threads) / cpu_count + 16).min(MAX_RESERVED_EVENTS / 2);
        Recorder {
            events: Vec::with_capacity(events),
            gantt: (0..cpu_count)
                .map(|_| Vec::with_capacity(per_cpu))
                .collect(),
        }
    }
}

impl Engine {
    /// Writes down that `index` went from `from` to `to` at `now` (on `cpu`, if on one).
    pub(super) fn record(
        &mut self,
        cpu: Option<CpuIx>,
        index: ThreadIx,
        from: ProcessState,
        to: ProcessState,
        cause: Cause,
    ) {
        if let Some(recorder) = &mut self.recorder {
            let task = &self.tasks[index];
            recorder.events.push(Event {
                tick: self.now,
                cpu: cpu.map(|cpu| cpu.0),
                thread: task.thread_ref(),
                from,
                to,
                cause,
            });
        }
    }

    /// Writes down a demotion the policy made (a same-state event).
    pub(super) fn report_level(
        &mut self,
        cpu: Option<CpuIx>,
        index: ThreadIx,
        state: ProcessState,
        change: LevelChange,
    ) {
        if let LevelChange::Demoted(level) = change {
            self.record(cpu, index, state, state, Cause::Demoted { level });
        }
    }

    /// Switches the Gantt slice in progress on `cpu` to `kind` from `tick` on, counting the
    /// closed part in the CPU's time.
    pub(super) fn set_slice(&mut self, cpu: CpuIx, tick: u64, kind: SliceKind) {
        let state = &mut self.cpus[cpu];
        if tick > state.open_start {
            let length = tick - state.open_start;
            let time = &mut state.time;
            match state.open_kind {
                SliceKind::Run { .. } => time.busy += length,
                SliceKind::Idle => time.idle += length,
                SliceKind::Dispatch { .. } => time.dispatch += length,
                SliceKind::CacheStall { .. } => time.stall += length,
            }
        }
        if let Some(recorder) = &mut self.recorder {
            if tick > state.open_start {
                let slices = &mut recorder.gantt[cpu.slot()];
                match slices.last_mut() {
                    Some(last) if last.kind == state.open_kind && last.end == state.open_start => {
                        last.end = tick
                    }
                    _ => slices.push(GanttSlice {
                        cpu: cpu.0,
                        start: state.open_start,
                        end: tick,
                        kind: state.open_kind,
                    }),
                }
            }
        }
        if tick >= state.open_start {
            state.open_start = tick;
            state.open_kind = kind;
        }
    }

    /// Closes every CPU's slice in progress at the end of the run.
    pub(super) fn close_gantt(&mut self) {
        let end = self.now;
        for cpu in self.cpu_ixs() {
            self.set_slice(cpu, end, SliceKind::Idle);
        }
    }
}
