//! A run taken apart into plain data and rebuilt (what the page's worker sends the page) is the
//! same run: the same events, Gantt chart, metrics and machine at every tick. Words that are not
//! a trace of the scenario are refused with the reason.

mod common;

use common::{all_policies, random_scenario};
use proclab_core::{simulate, Run, RunParts, Scenario, ScenarioSpec, WireError};

fn rebuilt(scenario: &Scenario, run: &Run) -> Run {
    Run::from_parts(scenario, run.to_parts()).expect("a run's own parts read back")
}

fn assert_same(spec: &ScenarioSpec) {
    let scenario = Scenario::new(spec).expect("valid");
    let run = simulate(&scenario);
    let copy = rebuilt(&scenario, &run);
    assert_eq!(copy.events(), run.events());
    assert_eq!(copy.gantt(), run.gantt());
    assert_eq!(copy.metrics(), run.metrics());
    assert_eq!(copy.end_tick(), run.end_tick());
    assert_eq!(copy.instant_count(), run.instant_count());
    // The machine at a spread of ticks, asked backwards so no call continues from the last one.
    let end = run.end_tick();
    for tick in [end + 1, end, end / 2, end / 3, 1, 0] {
        assert_eq!(copy.state_at(tick), run.state_at(tick), "tick {tick}");
    }
}

#[test]
fn every_preset_survives_being_taken_apart() {
    for preset in proclab_core::presets::presets() {
        assert_same(&preset.spec);
    }
}

#[test]
fn random_scenarios_of_every_policy_survive_being_taken_apart() {
    for (index, policy) in all_policies().into_iter().enumerate() {
        for seed in 0..12 {
            assert_same(&random_scenario(seed * 31 + index as u64, policy.clone()));
        }
    }
}

fn parts_of(spec: &ScenarioSpec) -> (Scenario, RunParts) {
    let scenario = Scenario::new(spec).expect("valid");
    let parts = simulate(&scenario).to_parts();
    (scenario, parts)
}

#[test]
fn words_that_are_not_a_trace_of_the_scenario_are_refused() {
    let spec = random_scenario(7, all_policies()[0].clone());
    let (scenario, parts) = parts_of(&spec);
    assert!(parts.trace.len() > 10);
    let broken = |change: &dyn Fn(&mut Vec<u32>)| {
        let mut parts = parts.clone();
        change(&mut parts.trace);
        Run::from_parts(&scenario, parts).err()
    };
    assert_eq!(
        broken(&|words| {
            words.pop();
        }),
        Some(WireError::Length)
    );
    assert_eq!(broken(&|words| words.truncate(1)), Some(WireError::Length));
    // Entry 1's thread slot: one past the last thread.
    let threads = scenario.threads().len() as u32;
    assert_eq!(
        broken(&|words| words[2 + 4 + 1] = (words[2 + 4 + 1] & !0xFFFF) | threads),
        Some(WireError::Entry { index: 1 })
    );
    // Entry 0's tag: none has number 200.
    assert_eq!(
        broken(&|words| words[2 + 1] = (words[2 + 1] & 0x00FF_FFFF) | (200 << 24)),
        Some(WireError::Entry { index: 0 })
    );
    // The first entry moved to the last tick there is: the second is then earlier.
    assert_eq!(
        broken(&|words| words[2] = u32::MAX),
        Some(WireError::Order { index: 1 })
    );
}
