//! A run taken apart into plain data and rebuilt (what the page's worker sends the page) is the
//! same run: the same events, Gantt chart, metrics and machine at every tick, and for programs the
//! same instructions, kernel time, end and deadlock report. Words that are not a trace (or a
//! program record) of the scenario are refused with the reason.

mod common;

use common::programs::random_machine;
use common::{all_policies, random_scenario};
use proclab_core::presets::{preset, presets};
use proclab_core::rng::Pcg32;
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
    assert_eq!(copy.program_steps(), run.program_steps());
    assert_eq!(copy.kernel_spans(), run.kernel_spans());
    assert_eq!(copy.end(), run.end());
    assert_eq!(copy.deadlock(), run.deadlock());
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

#[test]
fn programs_on_random_machines_survive_being_taken_apart() {
    // Every lesson that runs programs (locks, semaphores, conditions, queues, pipes, shared
    // memory, deadlocks), its processes on random machines and schedules.
    let mut rng = Pcg32::new(2026, 12);
    let (mut programs, mut runs) = (0, 0);
    for preset in presets() {
        if !preset
            .spec
            .processes
            .iter()
            .any(|process| !process.program.is_empty())
        {
            continue;
        }
        programs += 1;
        for _ in 0..4 {
            let mut spec = random_machine(&mut rng, preset.spec.processes.clone(), 6, true);
            spec.semaphores = preset.spec.semaphores.clone();
            spec.machine.kernel_entry_cost = rng.below(3);
            if Scenario::new(&spec).is_ok() {
                assert_same(&spec);
                runs += 1;
            }
        }
    }
    assert!(programs >= 15, "only {programs} lessons run programs");
    assert!(
        runs >= 3 * 4 * programs / 4,
        "only {runs} of the random machines were valid"
    );
}

#[test]
fn a_program_record_that_does_not_fit_the_scenario_is_refused() {
    let spec = preset("philosophers-deadlock").unwrap().spec;
    let (scenario, parts) = parts_of(&spec);
    let run = simulate(&scenario);
    assert!(run.deadlock().is_some(), "the lesson deadlocks");
    let broken = |change: &dyn Fn(&mut Vec<u32>)| {
        let mut parts = parts.clone();
        change(&mut parts.program);
        Run::from_parts(&scenario, parts).err()
    };
    // Word 0 counts the steps; step 0 is tick (words 1-2), thread (3), address (4), packed (5).
    let threads = scenario.threads().len() as u32;
    assert_eq!(
        broken(&|words| words[3] = threads),
        Some(WireError::Step { index: 0 })
    );
    assert_eq!(
        broken(&|words| words[4] = u32::MAX),
        Some(WireError::Step { index: 0 })
    );
    let cpus = scenario.machine().cpus;
    assert_eq!(
        broken(&|words| words[5] = (words[5] & !0xFF) | cpus),
        Some(WireError::Step { index: 0 })
    );
    // An outcome tag that does not exist.
    assert_eq!(
        broken(&|words| words[5] = (words[5] & 0xFF00_FFFF) | (9 << 16)),
        Some(WireError::Step { index: 0 })
    );
    // The first step moved past the last tick: the second is then earlier.
    assert_eq!(
        broken(&|words| words[2] = u32::MAX),
        Some(WireError::Order { index: 1 })
    );
    assert_eq!(
        broken(&|words| {
            words.pop();
        }),
        Some(WireError::Length)
    );
    assert_eq!(broken(&|words| words.push(0)), Some(WireError::Length));
    assert_eq!(broken(&|words| words.clear()), Some(WireError::Length));
    // A step count larger than the words could hold.
    assert_eq!(
        broken(&|words| words[0] = u32::MAX),
        Some(WireError::Length)
    );
    // The last word is the last thread of the deadlock's cycle.
    assert_eq!(
        broken(&|words| *words.last_mut().unwrap() = threads),
        Some(WireError::Record)
    );
    // A run without programs carries no record.
    let (plain, mut plain_parts) = parts_of(&preset("fcfs-convoy").unwrap().spec);
    plain_parts.program = parts.program.clone();
    assert_eq!(
        Run::from_parts(&plain, plain_parts).err(),
        Some(WireError::Record)
    );
}

#[test]
fn a_blocked_step_names_an_object_that_exists() {
    // The first step that blocks, and its object's index made one too large.
    let spec = preset("mutex-blocking").unwrap().spec;
    let (scenario, parts) = parts_of(&spec);
    let run = simulate(&scenario);
    let blocked = run
        .program_steps()
        .iter()
        .position(|step| matches!(step.outcome, proclab_core::program::StepOutcome::Blocked(_)))
        .expect("a thread blocks");
    // Walk the words to that step's wait index, the last word of its record.
    let mut at = 1;
    for index in 0..=blocked {
        let packed = parts.program[at + 4];
        let accesses = ((packed >> 8) & 0b11) as usize;
        let fields = match (packed >> 16) & 0xFF {
            0..=2 => 0,
            3 | 4 => 2,
            5 => 4,
            6 => 1,
            _ => 3,
        };
        at += 5 + 3 * accesses + fields;
        if index == blocked {
            let mut broken = parts.clone();
            broken.program[at - 1] += 100;
            assert_eq!(
                Run::from_parts(&scenario, broken).err(),
                Some(WireError::Step { index: blocked })
            );
        }
    }
}
