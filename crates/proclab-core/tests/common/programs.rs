//! Helpers for the tests of threads that run programs: a process whose threads run one program,
//! and random machines to run it on.

use proclab_core::program::ParseErrorKind;
use proclab_core::rng::Pcg32;
use proclab_core::spec::QueueTopology;
use proclab_core::{
    PolicySpec, ProcessSpec, Scenario, ScenarioError, ScenarioSpec, ScheduleSpec, ThreadSpec,
};

/// A process whose threads run `program`, one thread per entry of `registers` (`bx=3:cx=1`).
pub fn program_process(program: &str, registers: &[&str]) -> ProcessSpec {
    ProcessSpec {
        program: program.to_owned(),
        threads: registers
            .iter()
            .map(|registers| ThreadSpec {
                registers: (*registers).to_owned(),
                ..ThreadSpec::default()
            })
            .collect(),
        ..ProcessSpec::default()
    }
}

/// `processes` on a random machine: half the time a repeating explicit schedule naming every
/// thread once plus up to `extra_entries` more (shuffled), else RR (quantum 1 to 6) or FCFS on
/// 1 to 4 CPUs with a random queue topology; either way random dispatch and thread-switch
/// latencies (0 to 2), a budget of 50,000 instructions and, with `random_timer`, a random
/// `timer_continues_after_exit`.
pub fn random_machine(
    rng: &mut Pcg32,
    processes: Vec<ProcessSpec>,
    extra_entries: u64,
    random_timer: bool,
) -> ScenarioSpec {
    let thread_count: u32 = processes
        .iter()
        .map(|process| process.threads.len() as u32)
        .sum();
    let mut spec = ScenarioSpec {
        processes,
        ..ScenarioSpec::default()
    };
    if rng.below(2) == 0 {
        let mut entries: Vec<u32> = (0..thread_count).collect();
        for _ in 0..rng.below(extra_entries) {
            entries.push(rng.below(u64::from(thread_count)) as u32);
        }
        for index in (1..entries.len()).rev() {
            entries.swap(index, rng.below(index as u64 + 1) as usize);
        }
        spec.schedule = Some(ScheduleSpec {
            threads: entries,
            repeat: true,
        });
    } else {
        spec.machine.cpus = rng.between(1, 4) as u32;
        spec.machine.topology = [
            QueueTopology::Shared,
            QueueTopology::Affinity,
            QueueTopology::PerCpu,
        ][rng.below(3) as usize];
        spec.policy = if rng.below(3) == 0 {
            PolicySpec::Fcfs
        } else {
            PolicySpec::Rr {
                quantum: rng.between(1, 6),
            }
        };
    }
    spec.machine.dispatch_latency = rng.below(3);
    spec.machine.thread_switch_latency = rng.below(3);
    spec.machine.instruction_budget = 50_000;
    if random_timer {
        spec.conventions.timer_continues_after_exit = rng.below(2) == 0;
    }
    spec
}

/// The problems of a one-thread process running `program`, as (line, kind), in line order.
pub fn program_errors(program: &str) -> Vec<(u32, ParseErrorKind)> {
    match Scenario::new(&ScenarioSpec {
        processes: vec![program_process(program, &[""])],
        ..ScenarioSpec::default()
    }) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .filter_map(|error| match error {
                ScenarioError::ProgramLine { error, .. } => Some((error.line, error.kind)),
                _ => None,
            })
            .collect(),
    }
}
