//! The scenarios built here because no core preset shows the point, one function each.

use proclab_core::presets::process;
use proclab_core::spec::{MachineSpec, PolicySpec, ProcessSpec, ScenarioSpec};

fn spec(processes: Vec<ProcessSpec>, policy: PolicySpec) -> ScenarioSpec {
    ScenarioSpec {
        processes,
        policy,
        ..ScenarioSpec::default()
    }
}

pub fn os_sharing() -> ScenarioSpec {
    spec(
        vec![
            process("Editor", 0, &[2, 4, 2, 4, 2]),
            process("Compiler", 0, &[8, 2, 6]),
            process("Player", 1, &[3, 3, 3, 3, 3]),
        ],
        PolicySpec::Rr { quantum: 3 },
    )
}

pub fn program_twice() -> ScenarioSpec {
    spec(
        vec![
            process("chrome#1", 0, &[4, 3, 4]),
            process("chrome#2", 2, &[4, 3, 4]),
        ],
        PolicySpec::Rr { quantum: 2 },
    )
}

pub fn states_io() -> ScenarioSpec {
    spec(
        vec![
            process("A", 0, &[3, 4, 3]),
            process("B", 0, &[4, 2, 2]),
            process("C", 2, &[2]),
        ],
        PolicySpec::Fcfs,
    )
}

fn io_return(preemptive: bool) -> ScenarioSpec {
    spec(
        vec![
            ProcessSpec {
                priority: 1,
                ..process("High", 0, &[2, 4, 3])
            },
            ProcessSpec {
                priority: 5,
                ..process("Low", 0, &[10])
            },
        ],
        PolicySpec::Priority {
            preemptive,
            aging_every: None,
            lower_is_higher: true,
        },
    )
}

pub fn io_return_preemptive() -> ScenarioSpec {
    io_return(true)
}

pub fn io_return_non_preemptive() -> ScenarioSpec {
    io_return(false)
}

fn dispatch(latency: u64) -> ScenarioSpec {
    ScenarioSpec {
        machine: MachineSpec {
            dispatch_latency: latency,
            ..MachineSpec::default()
        },
        ..spec(
            vec![
                process("P1", 0, &[6]),
                process("P2", 0, &[6]),
                process("P3", 0, &[6]),
            ],
            PolicySpec::Rr { quantum: 2 },
        )
    }
}

pub fn dispatch_free() -> ScenarioSpec {
    dispatch(0)
}

pub fn dispatch_costly() -> ScenarioSpec {
    dispatch(2)
}

pub fn pcb_fields() -> ScenarioSpec {
    spec(
        vec![
            ProcessSpec {
                priority: 2,
                ..process("Shell", 0, &[2, 3, 2])
            },
            ProcessSpec {
                priority: 1,
                ..process("Daemon", 1, &[3, 2, 1])
            },
            ProcessSpec {
                priority: 3,
                ..process("Batch", 0, &[6])
            },
        ],
        PolicySpec::Priority {
            preemptive: true,
            aging_every: None,
            lower_is_higher: true,
        },
    )
}

pub fn idle_cpu() -> ScenarioSpec {
    spec(
        vec![process("A", 0, &[2, 6, 2]), process("B", 0, &[2, 6, 2])],
        PolicySpec::Fcfs,
    )
}

fn io_bound_trio(hold_cpu_during_io: bool) -> ScenarioSpec {
    let mut scenario = spec(
        vec![
            process("A", 0, &[3, 5, 3]),
            process("B", 0, &[3, 5, 3]),
            process("C", 0, &[3, 5, 3]),
        ],
        PolicySpec::Fcfs,
    );
    scenario.conventions.hold_cpu_during_io = hold_cpu_during_io;
    scenario
}

pub fn uniprogramming() -> ScenarioSpec {
    io_bound_trio(true)
}

pub fn multiprogramming() -> ScenarioSpec {
    io_bound_trio(false)
}

/// Two processes on one CPU whose working sets (4 shared units and a 1-unit stack each) fit the
/// cache together or not: with `capacity` 5 every switch evicts the other's lines.
fn cache_one_cpu(capacity: u32) -> ScenarioSpec {
    let mut scenario = spec(
        vec![process("A", 0, &[9]), process("B", 0, &[9])],
        PolicySpec::Rr { quantum: 3 },
    );
    scenario.machine.cache.enabled = true;
    scenario.machine.cache.capacity = capacity;
    scenario.machine.cache.refill_per_unit = 1;
    scenario
}

pub fn cache_evicted() -> ScenarioSpec {
    cache_one_cpu(5)
}

pub fn cache_fits() -> ScenarioSpec {
    cache_one_cpu(10)
}
