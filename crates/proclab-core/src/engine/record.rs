//! What the engine writes down: the trace of transitions, and where each CPU's time went.
//!
//! Recording is optional (checkpoints for `state_at` run without it); CPU time is counted either
//! way, so metrics never depend on it. A CPU's timeline changes only through the transitions
//! that involve it (`Change::slice_switches`), which is what lets a run draw its Gantt chart from
//! the stored trace alone.

use super::Engine;
use crate::policy::LevelChange;
use crate::scenario::Scenario;
use crate::task::{CpuIx, ThreadIx};
use crate::trace::{Change, CpuSlice, Transitions};
use crate::ProcessState;

/// Most trace entries reserved up front (more are allocated as needed): a valid scenario's
/// estimate stays below it.
const MAX_RESERVED_EVENTS: usize = 6_000_000;

/// The trace buffer, sized from the validated scenario so that recording never reallocates in
/// the common case (each slice starts with one event and ends with another; each thread is
/// admitted and exits).
pub(super) fn trace_for(scenario: &Scenario) -> Transitions {
    let slices = usize::try_from(scenario.slice_estimate()).unwrap_or(0);
    let threads = scenario.threads().len();
    Transitions::with_capacity((2 * slices + 4 * threads).min(MAX_RESERVED_EVENTS))
}

impl Engine {
    /// Writes down that `index` changed at `now` (on `cpu`, if on one), and lays out what the
    /// change does to that CPU's timeline.
    pub(super) fn record(&mut self, cpu: Option<CpuIx>, index: ThreadIx, change: Change) {
        self.work += 1;
        if let Some(cpu) = cpu {
            let state = &mut self.cpus[cpu];
            change.slice_switches(self.now, index, self.scenario.machine(), |tick, kind| {
                state.switch_slice(tick, kind)
            });
        }
        if let Some(trace) = &mut self.trace {
            trace.push(self.now, index, cpu, change);
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
            let level = level as u8;
            self.record(cpu, index, Change::Demoted { state, level });
        }
    }

    /// Closes every CPU's slice in progress at the end of the run.
    pub(super) fn close_slices(&mut self) {
        let end = self.now;
        for cpu in self.cpu_ixs() {
            self.cpus[cpu].switch_slice(end, CpuSlice::Idle);
        }
    }
}
