//! Random workloads from a seed: the same seed and options give the same scenario everywhere.

use alloc::format;
use alloc::vec::Vec;

use crate::rng::Pcg32;
use crate::spec::{BurstSpec, PolicySpec, ProcessSpec, ScenarioSpec, ThreadSpec};

/// What kind of workload to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenOptions {
    /// Number of processes.
    pub processes: u32,
    /// Arrivals are uniform in `0..=max_arrival`.
    pub max_arrival: u64,
    /// CPU bursts are uniform in this inclusive range.
    pub cpu_burst: (u64, u64),
    /// I/O bursts are uniform in this inclusive range.
    pub io_burst: (u64, u64),
    /// CPU bursts per thread are uniform in `1..=max_cpu_bursts` (1 = no I/O).
    pub max_cpu_bursts: u32,
    /// Threads per process (1 = single-threaded).
    pub threads: u32,
    /// Priorities are uniform in `0..priorities` (0 or 1 = all 0).
    pub priorities: u32,
    /// Classes are uniform in `0..classes`.
    pub classes: u32,
    /// The policy written into the scenario.
    pub policy: PolicySpec,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions {
            processes: 5,
            max_arrival: 10,
            cpu_burst: (1, 10),
            io_burst: (1, 10),
            max_cpu_bursts: 3,
            threads: 1,
            priorities: 5,
            classes: 1,
            policy: PolicySpec::Rr { quantum: 4 },
        }
    }
}

fn bursts(rng: &mut Pcg32, options: &GenOptions) -> Vec<BurstSpec> {
    let count = rng.between(1, u64::from(options.max_cpu_bursts.max(1)));
    let mut bursts = Vec::new();
    for index in 0..count {
        if index > 0 {
            bursts.push(BurstSpec::Io(
                rng.between(options.io_burst.0, options.io_burst.1),
            ));
        }
        bursts.push(BurstSpec::Cpu(
            rng.between(options.cpu_burst.0.max(1), options.cpu_burst.1),
        ));
    }
    bursts
}

/// A random workload. Uses PCG32 stream 1 seeded with `seed`; the scenario's own seed is `seed`.
pub fn generate(seed: u64, options: &GenOptions) -> ScenarioSpec {
    let mut rng = Pcg32::new(seed, 1);
    let mut processes = Vec::with_capacity(options.processes as usize);
    for index in 0..options.processes {
        let arrival = rng.between(0, options.max_arrival);
        let priority = if options.priorities > 1 {
            rng.below(u64::from(options.priorities)) as u32
        } else {
            0
        };
        let class = if options.classes > 1 {
            rng.below(u64::from(options.classes)) as u32
        } else {
            0
        };
        let mut process = ProcessSpec {
            name: format!("P{}", index + 1),
            arrival,
            priority,
            class,
            tickets: 1 + rng.below(100) as u32,
            working_set: 1 + rng.below(8) as u32,
            ..ProcessSpec::default()
        };
        if options.threads > 1 {
            process.threads = (0..options.threads)
                .map(|thread| ThreadSpec {
                    name: format!("T{}", thread + 1),
                    bursts: bursts(&mut rng, options),
                    stack: 1,
                    ..ThreadSpec::default()
                })
                .collect();
        } else {
            process.bursts = bursts(&mut rng, options);
        }
        processes.push(process);
    }
    ScenarioSpec {
        processes,
        policy: options.policy.clone(),
        seed,
        ..ScenarioSpec::default()
    }
}
