//! A validated scenario together with its run: what every results view reads.

use proclab_core::warmup::{self, WarmupRun};
use proclab_core::{simulate, Convention, Run, Scenario, ScenarioError, ScenarioSpec};

/// A scenario that passed validation and the run the core computed for it.
#[derive(Debug)]
pub struct Simulation {
    /// The validated scenario (names, bursts, policy, machine).
    pub scenario: Scenario,
    /// Its complete run: events, Gantt slices, metrics, state at any tick. With the warm-up cache
    /// model the event engine runs the scenario as if the cache were off, so the results views
    /// read [`Simulation::warmup`] instead.
    pub run: Run,
    /// The warm-up cache model's run (OSTEP `multi.py`'s machine, tick by tick), when the
    /// scenario uses that model.
    pub warmup: Option<WarmupRun>,
    /// The instants at which a thread's write, read, send, receive or close is told
    /// ([`crate::watch::channel_ops`]): the trace has no event there, yet something happens.
    pub channel_instants: Vec<u64>,
    /// The programs' loads and stores followed to the updates they lose, made the first time a
    /// view asks ([`Simulation::analysis`]) and then shared by every view.
    analysis: std::cell::OnceCell<crate::program_view::Analysis>,
}

impl Simulation {
    /// Validates and runs `spec`, or returns every problem found.
    pub fn new(spec: &ScenarioSpec) -> Result<Simulation, Vec<ScenarioError>> {
        let scenario = Scenario::new(spec)?;
        let run = simulate(&scenario);
        Ok(Simulation::with_run(scenario, run))
    }

    /// `scenario` with the event engine's `run` of it (computed here or in a worker), and the
    /// warm-up model's run when the scenario uses that model.
    pub fn with_run(scenario: Scenario, run: Run) -> Simulation {
        let warmup = warmup::simulate(&scenario);
        let channel_instants = crate::watch::channel_ops::channel_instants(&run);
        Simulation {
            scenario,
            run,
            warmup,
            channel_instants,
            analysis: std::cell::OnceCell::new(),
        }
    }

    /// The programs' analysis ([`crate::program_view::analyse`]), made once for every view that
    /// shows it (the programs' panel, the line under the picture, the presented bar): a run of a
    /// million instructions takes long enough to make twice.
    pub fn analysis(&self) -> &crate::program_view::Analysis {
        self.analysis
            .get_or_init(|| crate::program_view::analyse(&self.run))
    }

    /// The next instant after `tick` at which something is told: an event of the trace or a
    /// channel operation (where « and » and Shift+arrows stop).
    pub fn next_told_tick(&self, tick: u64) -> Option<u64> {
        let channel = crate::watch::channel_ops::next_instant(&self.channel_instants, tick);
        match (self.run.next_event_tick(tick), channel) {
            (Some(event), Some(channel)) => Some(event.min(channel)),
            (event, channel) => event.or(channel),
        }
    }

    /// The last instant before `tick` at which something is told ([`Simulation::next_told_tick`]).
    pub fn previous_told_tick(&self, tick: u64) -> Option<u64> {
        let channel = crate::watch::channel_ops::previous_instant(&self.channel_instants, tick);
        self.run.previous_event_tick(tick).max(channel)
    }
}

/// Most events a run may have for [`Simulation::convention_changes_run`] to run it again: a
/// classroom run has hundreds; past this, a second run would cost more than the answer is worth.
pub const RERUN_EVENTS: usize = 20_000;

impl Simulation {
    /// Whether `convention`, changed in this scenario, gives a schedule the default would not: the
    /// scenario is run again with the default and the two runs' events compared. `None` when the
    /// convention is the default here, when the run is too long to run again (more than
    /// [`RERUN_EVENTS`] events) or when the warm-up model, which has no conventions, runs it.
    pub fn convention_changes_run(&self, convention: Convention) -> Option<bool> {
        let spec = self.scenario.spec();
        if !convention.is_on(&spec.conventions)
            || self.run.event_count() > RERUN_EVENTS
            || self.warmup.is_some()
        {
            return None;
        }
        let mut default = spec.clone();
        convention.set(&mut default.conventions, false);
        let scenario = Scenario::new(&default).ok()?;
        let run = simulate(&scenario);
        Some(run.events() != self.run.events() || run.gantt() != self.run.gantt())
    }
}

impl PartialEq for Simulation {
    /// Two simulations are equal when their scenarios are: the runs are pure functions of it.
    fn eq(&self, other: &Simulation) -> bool {
        self.scenario.spec() == other.scenario.spec()
    }
}
