//! A finished simulation: the trace, the Gantt chart, the metrics, and the machine state at any tick.
//!
//! [`Run::state_at`] takes time that does not grow with the length of the run: it re-simulates
//! without recording, as far as the tick asked for and no further, keeping a checkpoint (a clone
//! of the engine) each time the work since the last one (instants plus transitions) reaches `K`,
//! with `K` proportional to the number of threads, like the cost of a clone; every call then
//! clones the nearest checkpoint at or before the tick and replays at most about `K` units of
//! work, however the events are spread over instants. A call for a later tick than the previous
//! one continues from where that call stopped (playback costs only the events in between), and
//! the state at tick 0 of a long run costs nothing more than that of a short one.
//!
//! A run can be taken apart into plain data ([`Run::to_parts`]) and rebuilt for the same scenario
//! ([`Run::from_parts`]): the page simulates in its worker and rebuilds the run on its own thread.
//! A run of programs brings its executed instructions along (`program_wire`), so it is never
//! simulated twice either.

mod program_wire;

use alloc::rc::Rc;
use alloc::vec::Vec;
use core::cell::{OnceCell, RefCell};

use crate::engine::Engine;
use crate::metrics::Metrics;
use crate::program::{Deadlock, ExecutedStep, KernelSpan, RunEnd};
use crate::scenario::Scenario;
use crate::state::MachineState;
use crate::trace::{self, Event, GanttSlice, Trace, Transitions, WireError};

/// The result of [`crate::simulate`].
#[derive(Clone, Debug)]
pub struct Run {
    scenario: Rc<Scenario>,
    /// Every transition, in its stored form (16 bytes each).
    transitions: Transitions,
    /// The Gantt chart, drawn from the trace when first asked for.
    gantt: OnceCell<Vec<GanttSlice>>,
    /// The trace as [`Event`]s, built when [`Run::events`] is first called.
    events: OnceCell<Vec<Event>>,
    metrics: Metrics,
    end_tick: u64,
    instant_count: u64,
    checkpoints: RefCell<Checkpoints>,
    /// The engine of the last `state_at` call: playback moving forward continues from it.
    cursor: RefCell<Option<Engine>>,
    /// Every instruction executed, if some process runs a program.
    steps: Vec<ExecutedStep>,
    /// Every span of kernel time of a program thread.
    kernel: Vec<KernelSpan>,
    end: RunEnd,
    deadlock: Option<Deadlock>,
}

impl Run {
    pub(crate) fn new(scenario: &Scenario) -> Run {
        let scenario = Rc::new(scenario.clone());
        let mut engine = Engine::new(Rc::clone(&scenario), true);
        engine.run();
        let end_tick = engine.now;
        let instant_count = engine.instants;
        let transitions = engine.trace.take().unwrap_or_default();
        let metrics = Metrics::compute(&scenario, &engine);
        let deadlock = engine.deadlock();
        let end = if engine.finished() {
            RunEnd::Finished
        } else if deadlock.is_some() {
            RunEnd::Deadlock { tick: end_tick }
        } else if engine
            .programs
            .as_ref()
            .is_some_and(|programs| programs.out_of_budget)
        {
            RunEnd::BudgetExhausted {
                instructions: engine
                    .programs
                    .as_ref()
                    .map_or(0, |programs| programs.executed),
                tick: end_tick,
            }
        } else {
            RunEnd::ScheduleUsedUp { tick: end_tick }
        };
        let steps = engine
            .programs
            .as_mut()
            .and_then(|programs| programs.steps.take())
            .unwrap_or_default();
        let kernel = engine
            .programs
            .as_mut()
            .and_then(|programs| programs.kernel_spans.take())
            .map(|kernel| kernel.spans)
            .unwrap_or_default();
        Run {
            scenario,
            transitions,
            gantt: OnceCell::new(),
            events: OnceCell::new(),
            metrics,
            end_tick,
            instant_count,
            checkpoints: RefCell::new(Checkpoints::default()),
            cursor: RefCell::new(None),
            steps,
            kernel,
            end,
            deadlock,
        }
    }

    /// The run as plain data: the stored trace as words, the figures, and what a run of
    /// programs recorded as words.
    pub fn to_parts(&self) -> RunParts {
        let program = if self.scenario.has_programs() {
            program_wire::write(&self.steps, &self.kernel, self.end, self.deadlock.as_ref())
        } else {
            Vec::new()
        };
        RunParts {
            trace: self.transitions.to_words(),
            metrics: self.metrics.clone(),
            end_tick: self.end_tick,
            instant_count: self.instant_count,
            program,
        }
    }

    /// The run of `scenario` that [`Run::to_parts`] took apart (the trace and the program record
    /// are checked against the scenario; the figures are taken as they are).
    pub fn from_parts(scenario: &Scenario, parts: RunParts) -> Result<Run, WireError> {
        let record = if scenario.has_programs() {
            program_wire::read(&parts.program, scenario)?
        } else if parts.program.is_empty() {
            program_wire::ProgramRecord::default()
        } else {
            return Err(WireError::Record);
        };
        let scenario = Rc::new(scenario.clone());
        let transitions = Transitions::from_words(&parts.trace, &scenario)?;
        Ok(Run {
            scenario,
            transitions,
            gantt: OnceCell::new(),
            events: OnceCell::new(),
            metrics: parts.metrics,
            end_tick: parts.end_tick,
            instant_count: parts.instant_count,
            checkpoints: RefCell::new(Checkpoints::default()),
            cursor: RefCell::new(None),
            steps: record.steps,
            kernel: record.kernel,
            end: record.end.unwrap_or(RunEnd::Finished),
            deadlock: record.deadlock,
        })
    }

    /// Every instruction executed, in order (ticks ascending, CPUs in index order within a tick);
    /// empty if no process runs a program.
    pub fn program_steps(&self) -> &[ExecutedStep] {
        &self.steps
    }

    /// Every span of kernel time (`machine.kernel_entry_cost` paid after a system call), in the
    /// order the spans began; empty if no process runs a program or the cost is 0. The Gantt
    /// chart's running slices include these ticks.
    pub fn kernel_spans(&self) -> &[KernelSpan] {
        &self.kernel
    }

    /// How the run ended: every thread finished, or it stopped at the instruction budget, or the
    /// explicit schedule was used up.
    pub fn end(&self) -> RunEnd {
        self.end
    }

    /// Who waits for what, if the run ended in a deadlock.
    pub fn deadlock(&self) -> Option<&Deadlock> {
        self.deadlock.as_ref()
    }

    /// The scenario that was run.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Every transition, in order, each built from its stored form as it is read.
    pub fn trace(&self) -> Trace<'_> {
        Trace::new(&self.transitions, &self.scenario)
    }

    /// Every transition, in order, as one slice of [`Event`]s: built on the first call and kept
    /// (four times the memory of the stored trace); [`Run::trace`] reads them without a copy.
    pub fn events(&self) -> &[Event] {
        self.events.get_or_init(|| self.trace().iter().collect())
    }

    /// Gantt slices, grouped by CPU (CPU 0 first), each CPU's slices in time order covering
    /// `[0, end_tick)`: drawn from the trace on the first call and kept.
    pub fn gantt(&self) -> &[GanttSlice] {
        self.gantt
            .get_or_init(|| trace::gantt(&self.transitions, &self.scenario, self.end_tick))
    }

    /// The slices of [`Run::gantt`] handed to `sink` one by one without building or keeping the
    /// chart (each CPU's in time order, the CPUs' interleaved): for readers that reduce a long
    /// run to a few segments per column. Uses the chart if it is already built.
    pub fn each_gantt_slice(&self, sink: impl FnMut(GanttSlice)) {
        match self.gantt.get() {
            Some(slices) => slices.iter().copied().for_each(sink),
            None => trace::each_slice(&self.transitions, &self.scenario, self.end_tick, sink),
        }
    }

    /// Bytes the stored trace holds (not counting [`Run::events`] and [`Run::gantt`] once built).
    pub fn trace_bytes(&self) -> usize {
        self.transitions.bytes()
    }

    /// Exact metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The instant the last thread exited.
    pub fn end_tick(&self) -> u64 {
        self.end_tick
    }

    /// Number of events in the trace.
    pub fn event_count(&self) -> usize {
        self.transitions.len()
    }

    /// Number of distinct instants at which the engine did something.
    pub fn instant_count(&self) -> u64 {
        self.instant_count
    }

    /// Index of the first event at or after `tick` (`event_count()` if none).
    pub fn event_index_at(&self, tick: u64) -> usize {
        self.transitions.index_at(tick)
    }

    /// Tick of event `index`, if it exists.
    pub fn tick_of_event(&self, index: usize) -> Option<u64> {
        self.trace().tick(index)
    }

    /// The first tick after `tick` at which some event happens (stepping forward).
    pub fn next_event_tick(&self, tick: u64) -> Option<u64> {
        let index = self.transitions.index_at(tick.checked_add(1)?);
        self.tick_of_event(index)
    }

    /// The last tick before `tick` at which some event happens (stepping back).
    pub fn previous_event_tick(&self, tick: u64) -> Option<u64> {
        let index = self.transitions.index_at(tick);
        index
            .checked_sub(1)
            .and_then(|previous| self.tick_of_event(previous))
    }

    /// The machine just after event `index` and every other event of the same instant (events of
    /// one instant are applied together), or `None` past the end of the trace.
    pub fn state_after_event(&self, index: usize) -> Option<MachineState> {
        self.tick_of_event(index).map(|tick| self.state_at(tick))
    }

    /// Work between two checkpoints: a checkpoint costs a copy of every thread, so replaying
    /// up to `K` units of work costs about as much as taking one (and the checkpoints together
    /// take about as much memory as the trace).
    fn checkpoint_work(&self) -> u64 {
        (32 * self.scenario.threads().len() as u64).max(512)
    }

    /// Takes the checkpoints up to `tick` that are not taken yet.
    fn checkpoint_through(&self, tick: u64) {
        let every = self.checkpoint_work();
        let mut checkpoints = self.checkpoints.borrow_mut();
        let Checkpoints { taken, frontier } = &mut *checkpoints;
        if taken.is_empty() {
            let engine = Engine::new(Rc::clone(&self.scenario), false);
            taken.push(engine.clone());
            *frontier = Some((engine, 0));
        }
        let Some((engine, last)) = frontier else {
            return; // the whole run is checkpointed
        };
        loop {
            let Some(instant) = engine.next_instant() else {
                *frontier = None;
                return;
            };
            if instant > tick {
                return;
            }
            engine.step(instant);
            if engine.work - *last >= every {
                *last = engine.work;
                taken.push(engine.clone());
            }
        }
    }

    /// The whole machine during tick `tick` (the interval `[tick, tick+1)`), after every event of
    /// that instant. Ticks past the end show the final state.
    pub fn state_at(&self, tick: u64) -> MachineState {
        self.checkpoint_through(tick);
        let checkpoints = self.checkpoints.borrow();
        let checkpoints = &checkpoints.taken;
        // The last checkpoint taken at or before `tick` (the first one is the initial state).
        let position =
            checkpoints.partition_point(|engine| engine.instants == 0 || engine.now <= tick);
        let nearest = &checkpoints[position.saturating_sub(1)];
        // Continue from the previous call when it is between the nearest checkpoint and `tick`.
        let cursor = self.cursor.borrow_mut().take();
        let mut engine = match cursor {
            Some(cursor) if cursor.now <= tick && cursor.instants >= nearest.instants => cursor,
            _ => nearest.clone(),
        };
        while let Some(instant) = engine.next_instant() {
            if instant > tick {
                break;
            }
            engine.step(instant);
        }
        let state = MachineState::capture(&engine, tick);
        *self.cursor.borrow_mut() = Some(engine);
        state
    }
}

/// A run as plain data, to rebuild it elsewhere with [`Run::from_parts`] (the page's worker sends
/// it to the page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunParts {
    /// The stored trace as 32-bit words.
    pub trace: Vec<u32>,
    /// The run's metrics.
    pub metrics: Metrics,
    /// The instant the last thread exited.
    pub end_tick: u64,
    /// Number of distinct instants at which the engine did something.
    pub instant_count: u64,
    /// What a run of programs recorded (its instructions, kernel time, end and deadlock) as
    /// words; empty for a run without programs.
    pub program: Vec<u32>,
}

/// The checkpoints `state_at` has taken so far, and the engine that goes on taking them.
#[derive(Clone, Debug, Default)]
struct Checkpoints {
    /// Clones of the engine, in time order; the first is the initial state.
    taken: Vec<Engine>,
    /// The engine past the last checkpoint and the work at that checkpoint; `None` once the run
    /// is checkpointed to its end.
    frontier: Option<(Engine, u64)>,
}
