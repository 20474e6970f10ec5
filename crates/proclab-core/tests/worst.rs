//! The worst scenario of each kind of limit (`proclab_core::worst`): validation accepts it, and
//! refuses it one step past the limit with that limit's own error. That each one finishes is
//! checked where it is quick, in the optimised build: `proclab bench --worst` (`./dev bench`)
//! fails when a run does not end as it should; the ignored test below does the same in a debug
//! build (a minute or more).
use proclab_core::program::RunEnd;
use proclab_core::scenario::{
    MAX_BOOSTS, MAX_BURSTS, MAX_CPUS, MAX_INSTRUCTION_BUDGET, MAX_PROCESSES, MAX_SLICES,
    MAX_WARMUP_WORK,
};
use proclab_core::worst::{past_limit, worst, WorstKind};
use proclab_core::{simulate, warmup, Scenario, ScenarioError};

/// Whether `error` is the one limit `kind` sits at.
fn is_its_limit(kind: WorstKind, error: &ScenarioError) -> bool {
    match (kind, error) {
        (WorstKind::Processes, ScenarioError::TooManyProcesses { count, max }) => {
            *count == MAX_PROCESSES + 1 && *max == MAX_PROCESSES
        }
        (WorstKind::Bursts, ScenarioError::TooManyBursts { count, max, .. }) => {
            *count == MAX_BURSTS + 1 && *max == MAX_BURSTS
        }
        (WorstKind::Quantum, ScenarioError::TooManySlices { estimate, max, .. }) => {
            *estimate == MAX_SLICES + 1 && *max == MAX_SLICES
        }
        (WorstKind::Cpus, ScenarioError::TooManyCpus { count, max }) => {
            *count == MAX_CPUS + 1 && *max == MAX_CPUS
        }
        (WorstKind::Instructions, ScenarioError::InstructionBudgetOutOfRange { max }) => {
            *max == MAX_INSTRUCTION_BUDGET
        }
        (WorstKind::Boosts, ScenarioError::BoostTooFrequent { max_boosts }) => {
            *max_boosts == MAX_BOOSTS
        }
        (WorstKind::Warmup, ScenarioError::WarmupTooLong { work, max }) => {
            *work == MAX_WARMUP_WORK + 1 && *max == MAX_WARMUP_WORK
        }
        _ => false,
    }
}

#[test]
fn the_worst_of_each_kind_is_accepted_and_one_step_past_it_refused_with_its_limit() {
    for kind in WorstKind::ALL {
        let accepted = Scenario::new(&worst(kind));
        assert!(accepted.is_ok(), "{kind:?}: {:?}", accepted.err());
        let errors = Scenario::new(&past_limit(kind)).expect_err("past the limit");
        assert!(
            errors.len() == 1 && is_its_limit(kind, &errors[0]),
            "{kind:?}: {errors:?}"
        );
        assert_eq!(WorstKind::from_id(kind.id()), Some(kind));
    }
}

#[test]
fn the_worst_scenarios_sit_at_their_limits() {
    let spec = worst(WorstKind::Processes);
    assert_eq!(spec.processes.len(), MAX_PROCESSES as usize);
    let bursts = worst(WorstKind::Bursts);
    assert_eq!(bursts.processes[0].bursts.len(), MAX_BURSTS as usize - 1);
    let cpus = worst(WorstKind::Cpus);
    assert_eq!(cpus.machine.cpus, MAX_CPUS);
    assert!(cpus.machine.cache.enabled);
    let instructions = worst(WorstKind::Instructions);
    assert_eq!(
        instructions.machine.instruction_budget,
        MAX_INSTRUCTION_BUDGET
    );
}

#[test]
#[ignore = "a minute or more in a debug build; `proclab bench --worst` checks the same optimised"]
fn every_worst_scenario_finishes_or_stops_at_the_budget() {
    for kind in WorstKind::ALL {
        let scenario = Scenario::new(&worst(kind)).expect("accepted");
        if scenario.machine().cache.warmup() {
            let run = warmup::simulate(&scenario).expect("a warm-up run");
            assert!(run.completion().iter().all(|tick| *tick > 0), "{kind:?}");
            continue;
        }
        let run = simulate(&scenario);
        match kind {
            WorstKind::Instructions => assert!(
                matches!(run.end(), RunEnd::BudgetExhausted { instructions, .. } if instructions == MAX_INSTRUCTION_BUDGET),
                "{kind:?}: {:?}",
                run.end()
            ),
            _ => assert_eq!(run.end(), RunEnd::Finished, "{kind:?}"),
        }
    }
}

#[test]
fn one_thread_past_the_program_threads_is_refused() {
    use proclab_core::scenario::MAX_PROGRAM_THREADS;
    use proclab_core::worst::past_program_threads;
    let errors = Scenario::new(&past_program_threads()).expect_err("past the limit");
    assert_eq!(
        errors,
        vec![ScenarioError::TooManyProgramThreads {
            count: MAX_PROGRAM_THREADS + 1,
            max: MAX_PROGRAM_THREADS
        }]
    );
}
