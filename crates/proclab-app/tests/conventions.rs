//! A changed convention is stated with whether it changes this run: the scenario run again with
//! the default and the two schedules compared.

mod common;
use common::process;
use proclab_app::simulation::{Simulation, RERUN_EVENTS};
use proclab_core::{BurstSpec, Convention, PolicySpec, ScenarioSpec};

/// RR q=2: A's quantum expires at 2, the very tick B arrives.
fn expiry_meets_arrival() -> ScenarioSpec {
    ScenarioSpec {
        processes: vec![
            process("A", 0, &[BurstSpec::Cpu(4)]),
            process("B", 2, &[BurstSpec::Cpu(2)]),
        ],
        policy: PolicySpec::Rr { quantum: 2 },
        ..ScenarioSpec::default()
    }
}

fn with(mut spec: ScenarioSpec, convention: Convention) -> Simulation {
    convention.set(&mut spec.conventions, true);
    Simulation::new(&spec).expect("valid scenario")
}

#[test]
fn a_convention_that_decides_a_tie_of_this_run_changes_it() {
    let simulation = with(expiry_meets_arrival(), Convention::RequeueBeforeArrivals);
    assert_eq!(
        simulation.convention_changes_run(Convention::RequeueBeforeArrivals),
        Some(true)
    );
}

#[test]
fn a_convention_with_nothing_to_decide_gives_the_same_schedule() {
    // No I/O: how an I/O completion is handled cannot change anything.
    let simulation = with(expiry_meets_arrival(), Convention::IoCompletionPreempts);
    assert_eq!(
        simulation.convention_changes_run(Convention::IoCompletionPreempts),
        Some(false)
    );
    // Nor does the order of expiry and arrival when they never meet.
    let mut apart = expiry_meets_arrival();
    apart.processes[1].arrival = 1;
    let simulation = with(apart, Convention::RequeueBeforeArrivals);
    assert_eq!(
        simulation.convention_changes_run(Convention::RequeueBeforeArrivals),
        Some(false)
    );
}

#[test]
fn a_default_convention_or_a_long_run_is_not_run_again() {
    let simulation = Simulation::new(&expiry_meets_arrival()).expect("valid scenario");
    assert_eq!(
        simulation.convention_changes_run(Convention::RequeueBeforeArrivals),
        None
    );
    let long = ScenarioSpec {
        processes: (0..200)
            .map(|at| process(&format!("P{at}"), at, &[BurstSpec::Cpu(60)]))
            .collect(),
        policy: PolicySpec::Rr { quantum: 1 },
        ..ScenarioSpec::default()
    };
    let simulation = with(long, Convention::RequeueBeforeArrivals);
    assert!(simulation.run.event_count() > RERUN_EVENTS);
    assert_eq!(
        simulation.convention_changes_run(Convention::RequeueBeforeArrivals),
        None
    );
}

/// When a switch is paid is stated only where a switch costs something, with the cost of each
/// kind that costs.
#[test]
fn the_switch_rule_states_each_cost_that_is_paid() {
    use proclab_app::i18n::Lang;
    use proclab_app::terms::switch_rule;
    use proclab_core::spec::ThreadSpec;
    let rule = |dispatch: u64, thread: u64, threads: usize| {
        let mut spec = expiry_meets_arrival();
        spec.machine.dispatch_latency = dispatch;
        spec.machine.thread_switch_latency = thread;
        if threads > 1 {
            spec.processes[0].bursts.clear();
            spec.processes[0].threads = (0..threads)
                .map(|_| ThreadSpec {
                    bursts: vec![BurstSpec::Cpu(2)],
                    ..ThreadSpec::default()
                })
                .collect();
        }
        let scenario = proclab_core::Scenario::new(&spec).expect("valid");
        switch_rule(&scenario, Lang::En)
    };
    assert_eq!(rule(0, 0, 1), None);
    let process = rule(3, 0, 1).expect("a rule");
    assert!(
        process.starts_with("A context switch costs 3 ticks each time"),
        "{process}"
    );
    let both = rule(3, 1, 2).expect("a rule");
    assert!(
        both.starts_with("A context switch costs 3 ticks (1 tick between threads of one process)"),
        "{both}"
    );
    let threads = rule(0, 2, 2).expect("a rule");
    assert!(
        threads.starts_with("A switch between threads of one process costs 2 ticks"),
        "{threads}"
    );
}
