//! ProcLab's simulation core: a pure, deterministic model of processes, threads and CPU scheduling.
//!
//! The core owns no clock, no randomness source, no I/O: every input comes in through a
//! validated [`Scenario`] and every output is plain data. It builds without `std`.
//!
//! ```text
//! ScenarioSpec (serde) --Scenario::new--> Scenario --simulate--> Run
//!                                                              |-- trace()    transitions with causes
//!                                                              |-- gantt()    slices per CPU
//!                                                              |-- metrics()  exact per-thread/process/CPU figures
//!                                                              `-- state_at() whole machine at any tick
//! ```
#![cfg_attr(not(test), no_std)]
#![warn(missing_docs)]

extern crate alloc;

pub mod cache;
pub mod compare;
mod engine;
pub mod gen;
pub mod kinds;
pub mod metrics;
mod policy;
pub mod presets;
pub mod program;
pub mod render;
pub mod rng;
pub mod run;
pub mod scenario;
pub mod spec;
pub mod state;
mod task;
pub mod trace;
pub mod warmup;
pub mod worst;

pub use kinds::{Convention, PolicyKind, QueueKind};
pub use metrics::{CpuMetrics, Metrics, ProcessMetrics, Ratio, ThreadMetrics, Totals};
pub use run::{Run, RunParts};
pub use scenario::{Process, Scenario, ScenarioError, Thread};
pub use spec::{
    BurstSpec, CacheModel, Conventions, LevelSpec, MachineSpec, MlfqSpec, PolicySpec,
    PredictionSpec, ProcessSpec, QueueSpec, ScenarioSpec, ScheduleSpec, ThreadSpec,
};
pub use state::MachineState;
pub use trace::WireError;
pub use trace::{
    Cause, Event, GanttSlice, PreemptReason, SliceKind, SyncKind, SyncObject, ThreadRef, Trace,
};

/// The five states of the process model taught in every OS course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ProcessState {
    /// Created, not yet admitted.
    New,
    /// Waiting for a CPU.
    Ready,
    /// On a CPU (including its dispatch latency and cache stall).
    Running,
    /// Waiting for I/O.
    Blocked,
    /// Finished.
    Exit,
}

impl ProcessState {
    /// All five states, in the order a process normally meets them.
    pub const ALL: [ProcessState; 5] = [
        ProcessState::New,
        ProcessState::Ready,
        ProcessState::Running,
        ProcessState::Blocked,
        ProcessState::Exit,
    ];
}

/// Runs a validated scenario to the end.
pub fn simulate(scenario: &Scenario) -> Run {
    Run::new(scenario)
}

/// Parses nothing, validates and simulates: the common path for callers holding a spec.
pub fn simulate_spec(spec: &ScenarioSpec) -> Result<Run, alloc::vec::Vec<ScenarioError>> {
    Scenario::new(spec).map(|scenario| simulate(&scenario))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_states_in_lifecycle_order() {
        assert_eq!(ProcessState::ALL.len(), 5);
        assert_eq!(ProcessState::ALL[0], ProcessState::New);
        assert_eq!(ProcessState::ALL[4], ProcessState::Exit);
    }
}
