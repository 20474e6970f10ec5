//! What a CPU box says of a switch: a process or a thread switch, or nothing to save, after
//! idling or after an exit, read from the run's own switch views.

mod common;

use proclab_app::watch::text::{switch_kind, WatchText};
use proclab_core::spec::BurstSpec;
use proclab_core::{simulate_spec, PolicySpec, ProcessSpec, ProcessState, Run, ScenarioSpec};
use proclab_view::switch_view;

fn process(name: &str, arrival: u64, burst: u64) -> ProcessSpec {
    common::process(name, arrival, &[BurstSpec::Cpu(burst)])
}

/// The kind said on CPU 0 at the dispatch of `name`'s `nth` run, mid-save.
fn said_at_dispatch(run: &Run, pid: u32, nth: usize) -> (WatchText, WatchText) {
    let tick = run
        .events()
        .iter()
        .filter(|event| event.thread.pid == pid && event.to == ProcessState::Running)
        .nth(nth)
        .map(|event| event.tick)
        .expect("the dispatch");
    let events: Vec<_> = run
        .events()
        .iter()
        .filter(|event| event.tick == tick)
        .copied()
        .collect();
    let before = run.state_at(tick.saturating_sub(1));
    let view = switch_view(&before, &run.state_at(tick), &events, 0, 400).expect("a switch");
    switch_kind(&view, false)
}

#[test]
fn a_switch_says_whether_it_follows_an_exit_idling_or_a_running_process() {
    // Round robin, quantum 4 (Silberschatz): P1 24, P2 3, P3 3; P2 exits at 7 and P3 is loaded.
    let spec = ScenarioSpec {
        processes: vec![
            process("P1", 0, 24),
            process("P2", 0, 3),
            process("P3", 0, 3),
        ],
        policy: PolicySpec::Rr { quantum: 4 },
        ..ScenarioSpec::default()
    };
    let run = simulate_spec(&spec).expect("a run");
    assert_eq!(said_at_dispatch(&run, 1, 0).0, WatchText::ProcessSwitch);
    assert_eq!(said_at_dispatch(&run, 2, 0).0, WatchText::LoadAfterExit);
    // Idle between an exit and the next arrival: nothing to save, and no exit at that instant.
    let gap = ScenarioSpec {
        processes: vec![process("P1", 0, 2), process("P2", 5, 2)],
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    let run = simulate_spec(&gap).expect("a run");
    assert_eq!(said_at_dispatch(&run, 1, 0).0, WatchText::LoadFromIdle);
}
