//! A validated scenario together with its run: what every results view reads.

use proclab_core::{simulate, Run, Scenario, ScenarioError, ScenarioSpec};

/// A scenario that passed validation and the run the core computed for it.
#[derive(Debug)]
pub struct Simulation {
    /// The validated scenario (names, bursts, policy, machine).
    pub scenario: Scenario,
    /// Its complete run: events, Gantt slices, metrics, state at any tick.
    pub run: Run,
}

impl Simulation {
    /// Validates and runs `spec`, or returns every problem found.
    pub fn new(spec: &ScenarioSpec) -> Result<Simulation, Vec<ScenarioError>> {
        let scenario = Scenario::new(spec)?;
        let run = simulate(&scenario);
        Ok(Simulation { scenario, run })
    }
}

impl PartialEq for Simulation {
    /// Two simulations are equal when their scenarios are: the run is a pure function of it.
    fn eq(&self, other: &Simulation) -> bool {
        self.scenario.spec() == other.scenario.spec()
    }
}
