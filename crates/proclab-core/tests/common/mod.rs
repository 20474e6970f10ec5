//! Shared helpers for the integration tests: random scenarios for every policy.

#![allow(dead_code)]

pub mod programs;

use proclab_core::gen::{generate, GenOptions};
use proclab_core::rng::Pcg32;
use proclab_core::spec::{
    BoostOrder, BoostTiming, DispatchTiming, EntryOrder, IoCompletion, IoDevices, PickOrder,
    QueueTopology, RequeueOrder, ThreadModel,
};
use proclab_core::{render, simulate, Scenario};
use proclab_core::{LevelSpec, MlfqSpec, PolicySpec, PredictionSpec, QueueSpec, ScenarioSpec};

/// One policy of every kind, with small parameters.
pub fn all_policies() -> Vec<PolicySpec> {
    vec![
        PolicySpec::Fcfs,
        PolicySpec::Sjf { prediction: None },
        PolicySpec::Sjf {
            prediction: Some(PredictionSpec {
                alpha_percent: 50,
                tau0: 5,
            }),
        },
        PolicySpec::Srtf,
        PolicySpec::Priority {
            preemptive: false,
            aging_every: None,
            lower_is_higher: true,
        },
        PolicySpec::Priority {
            preemptive: true,
            aging_every: None,
            lower_is_higher: false,
        },
        PolicySpec::Priority {
            preemptive: true,
            aging_every: Some(3),
            lower_is_higher: true,
        },
        PolicySpec::Priority {
            preemptive: false,
            aging_every: Some(4),
            lower_is_higher: true,
        },
        PolicySpec::Hrrn,
        PolicySpec::Rr { quantum: 1 },
        PolicySpec::Rr { quantum: 4 },
        PolicySpec::Mlq {
            queues: vec![
                QueueSpec::Rr { quantum: 2 },
                QueueSpec::Sjf,
                QueueSpec::Fcfs,
            ],
        },
        PolicySpec::Mlfq(MlfqSpec {
            levels: vec![
                LevelSpec {
                    quantum: Some(2),
                    allotment: 2,
                },
                LevelSpec {
                    quantum: Some(4),
                    allotment: 1,
                },
                LevelSpec {
                    quantum: None,
                    allotment: 1,
                },
            ],
            boost_period: Some(25),
            old_rules_4ab: false,
            io_bump: true,
        }),
        PolicySpec::mlfq_ostep(3, 3, 1, Some(17)),
        PolicySpec::mlfq_silberschatz(),
        PolicySpec::Lottery { quantum: 2 },
    ]
}

/// A random scenario for `policy`: random workload, conventions and machine.
pub fn random_scenario(seed: u64, policy: PolicySpec) -> ScenarioSpec {
    let mut rng = Pcg32::new(seed, 99);
    let options = GenOptions {
        processes: 1 + rng.below(7) as u32,
        max_arrival: rng.below(20),
        cpu_burst: (1, 1 + rng.below(12)),
        io_burst: (0, rng.below(8)),
        max_cpu_bursts: 1 + rng.below(4) as u32,
        threads: if rng.below(4) == 0 {
            1 + rng.below(3) as u32
        } else {
            1
        },
        priorities: 1 + rng.below(5) as u32,
        classes: 3,
        policy,
    };
    let mut spec = generate(seed, &options);
    let conventions = &mut spec.conventions;
    if rng.below(2) == 0 {
        conventions.requeue_order = RequeueOrder::BeforeArrivals;
    }
    if rng.below(2) == 0 {
        conventions.entry_order = EntryOrder::ArrivalsThenIo;
    }
    if rng.below(2) == 0 {
        conventions.boost_timing = BoostTiming::BeforeArrivals;
    }
    if rng.below(2) == 0 {
        conventions.boost_order = BoostOrder::LowestFirst;
    }
    if rng.below(4) == 0 {
        conventions.pick_order = PickOrder::CyclicScan;
    }
    if rng.below(4) == 0 {
        conventions.io_completion = IoCompletion::Preempt;
    }
    if rng.below(4) == 0 {
        conventions.io_devices = IoDevices::SingleFifo;
    }
    if rng.below(4) == 0 {
        conventions.dispatch_timing = DispatchTiming::AtSliceEnd;
    }
    if rng.below(6) == 0 {
        conventions.hold_cpu_during_io = true;
    }
    spec.machine.cpus = 1 + rng.below(3) as u32;
    if rng.below(2) == 0 {
        spec.machine.dispatch_latency = rng.below(3);
        spec.machine.thread_switch_latency = rng.below(2);
    }
    if rng.below(3) == 0 {
        spec.machine.thread_model = ThreadModel::User;
    }
    if rng.below(3) == 0 {
        spec.machine.topology = QueueTopology::Affinity;
    }
    if rng.below(3) == 0 {
        spec.machine.cache.enabled = true;
        spec.machine.cache.capacity = 1 + rng.below(12) as u32;
    }
    spec
}

/// Runs `spec` and compares its answer key with `expected` (surrounding blank lines and indentation ignored).
pub fn check(spec: ScenarioSpec, expected: &str) {
    let scenario = Scenario::new(&spec).expect("valid scenario");
    let actual = render::answer_key(&simulate(&scenario));
    let expected: String = expected
        .trim()
        .lines()
        .map(|line| format!("{}\n", line.trim()))
        .collect();
    let actual_trimmed: String = actual
        .lines()
        .map(|line| format!("{}\n", line.trim()))
        .collect();
    if expected.is_empty() {
        println!("BLESS\n{actual}END");
        panic!("no expected text yet: paste the answer key printed above");
    }
    assert_eq!(actual_trimmed, expected, "\nactual answer key:\n{actual}");
}
