//! Validation at the boundary: every problem is reported, as a code naming where and which rule.

use proclab_core::presets::process;
use proclab_core::scenario::{MAX_CPUS, MAX_PROCESSES, MAX_SLICES};
use proclab_core::{
    BurstSpec, LevelSpec, MlfqSpec, PolicySpec, ProcessSpec, QueueSpec, Scenario, ScenarioError,
    ScenarioSpec, ScheduleSpec, ThreadSpec,
};

fn errors_of(spec: &ScenarioSpec) -> Vec<ScenarioError> {
    Scenario::new(spec).err().unwrap_or_default()
}

#[test]
fn a_small_json_file_with_defaults_is_enough() {
    let spec: ScenarioSpec = serde_json::from_str(
        r#"{"processes":[{"bursts":[{"cpu":5}]}],"policy":{"kind":"rr","quantum":2}}"#,
    )
    .unwrap();
    let scenario = Scenario::new(&spec).unwrap();
    assert_eq!(scenario.processes()[0].name(), "P1");
    assert_eq!(scenario.machine().cpus, 1);
}

#[test]
fn the_serde_form_round_trips() {
    let mut spec = ScenarioSpec {
        processes: vec![process("A", 0, &[3, 2, 1])],
        policy: PolicySpec::mlfq_silberschatz(),
        ..ScenarioSpec::default()
    };
    spec.processes.push(ProcessSpec {
        threads: vec![
            ThreadSpec {
                bursts: vec![BurstSpec::Cpu(2)],
                ..ThreadSpec::default()
            };
            2
        ],
        ..ProcessSpec::default()
    });
    let json = serde_json::to_string(&spec).unwrap();
    let back: ScenarioSpec = serde_json::from_str(&json).unwrap();
    assert_eq!(back, spec);
    assert!(json.contains(r#""kind":"mlfq""#));
    assert!(json.contains(r#"{"cpu":3},{"io":2},{"cpu":1}"#));
}

#[test]
fn unknown_fields_are_rejected_by_the_parser() {
    let result = serde_json::from_str::<ScenarioSpec>(r#"{"processes":[{"brusts":[{"cpu":5}]}]}"#);
    assert!(result.is_err());
    let policy =
        r#"{"processes":[{"bursts":[{"cpu":5}]}],"policy":{"kind":"priority","preemtive":true}}"#;
    assert!(serde_json::from_str::<ScenarioSpec>(policy).is_err());
    let queue = r#"{"processes":[{"bursts":[{"cpu":5}]}],"policy":{"kind":"mlq","queues":[{"kind":"rr","quantum":2,"x":1}]}}"#;
    assert!(serde_json::from_str::<ScenarioSpec>(queue).is_err());
    let mlfq = r#"{"processes":[{"bursts":[{"cpu":5}]}],"policy":{"kind":"mlfq","levels":[{"quantum":2,"allotment":1}],"boost_period":5}}"#;
    assert!(serde_json::from_str::<ScenarioSpec>(mlfq).is_ok());
}

#[test]
fn every_problem_is_reported_at_once() {
    let spec = ScenarioSpec {
        version: 2,
        processes: vec![
            ProcessSpec {
                bursts: vec![BurstSpec::Io(1), BurstSpec::Cpu(0), BurstSpec::Io(2)],
                priority: 300,
                ..ProcessSpec::default()
            },
            ProcessSpec {
                bursts: vec![],
                class: 5,
                ..ProcessSpec::default()
            },
            ProcessSpec {
                bursts: vec![BurstSpec::Cpu(1), BurstSpec::Cpu(1)],
                ..ProcessSpec::default()
            },
        ],
        policy: PolicySpec::Mlq {
            queues: vec![QueueSpec::Rr { quantum: 0 }, QueueSpec::Fcfs],
        },
        ..ScenarioSpec::default()
    };
    let errors = errors_of(&spec);
    assert_eq!(
        errors,
        vec![
            ScenarioError::UnsupportedVersion { found: 2 },
            ScenarioError::PriorityOutOfRange {
                process: 0,
                value: 300,
                max: 255
            },
            ScenarioError::IoFirst {
                process: 0,
                thread: None
            },
            ScenarioError::IoLast {
                process: 0,
                thread: None
            },
            ScenarioError::BurstZero {
                process: 0,
                thread: None,
                burst: 1
            },
            ScenarioError::UnknownClass {
                process: 1,
                class: 5,
                queues: 2
            },
            ScenarioError::NoBursts {
                process: 1,
                thread: None
            },
            ScenarioError::NotAlternating {
                process: 2,
                thread: None,
                burst: 1
            },
            ScenarioError::QuantumZero { level: Some(0) },
        ]
    );
}

#[test]
fn every_process_and_every_thread_of_a_process_has_its_own_name() {
    // An unnamed process is called P and its position: the third here collides with the first.
    let mut spec = ScenarioSpec {
        processes: vec![
            process("P3", 0, &[2]),
            process("B", 0, &[2]),
            process("", 0, &[2]),
            process("B", 1, &[2]),
        ],
        ..ScenarioSpec::default()
    };
    spec.processes[1].bursts.clear();
    spec.processes[1].threads = ["T2", "", "x"]
        .iter()
        .map(|name| ThreadSpec {
            name: (*name).into(),
            bursts: vec![BurstSpec::Cpu(1)],
            ..ThreadSpec::default()
        })
        .collect();
    assert_eq!(
        errors_of(&spec),
        vec![
            ScenarioError::DuplicateName {
                process: 2,
                thread: None,
                first: 0
            },
            ScenarioError::DuplicateName {
                process: 3,
                thread: None,
                first: 1
            },
            ScenarioError::DuplicateName {
                process: 1,
                thread: Some(1),
                first: 0
            },
        ]
    );
    // Threads of different processes may share a name: P.T1 and Q.T1 are told apart.
    spec.processes[2].name = "C".into();
    spec.processes[3].name = "D".into();
    spec.processes[1].threads[1].name = "y".into();
    assert!(errors_of(&spec).is_empty(), "{:?}", errors_of(&spec));
}

#[test]
fn policy_and_machine_rules() {
    let mut spec = ScenarioSpec {
        processes: vec![process("A", 0, &[1])],
        policy: PolicySpec::Mlfq(MlfqSpec {
            levels: vec![LevelSpec {
                quantum: Some(0),
                allotment: 0,
            }],
            boost_period: Some(0),
            ..MlfqSpec::default()
        }),
        ..ScenarioSpec::default()
    };
    spec.machine.cpus = 0;
    assert_eq!(
        errors_of(&spec),
        vec![
            ScenarioError::QuantumZero { level: Some(0) },
            ScenarioError::AllotmentZero { level: 0 },
            ScenarioError::BoostPeriodZero,
            ScenarioError::NoCpus,
        ]
    );
    spec.policy = PolicySpec::Rr { quantum: 1 };
    spec.machine.cpus = MAX_CPUS + 1;
    assert_eq!(
        errors_of(&spec),
        vec![ScenarioError::TooManyCpus {
            count: MAX_CPUS + 1,
            max: MAX_CPUS
        }]
    );
}

#[test]
fn limits_are_reported_as_errors() {
    let spec = ScenarioSpec {
        processes: vec![process("A", 0, &[1]); MAX_PROCESSES as usize + 1],
        ..ScenarioSpec::default()
    };
    assert_eq!(
        errors_of(&spec),
        vec![ScenarioError::TooManyProcesses {
            count: MAX_PROCESSES + 1,
            max: MAX_PROCESSES
        }]
    );
    let spec = ScenarioSpec {
        processes: vec![
            process("A", 0, &[1_000_000_000]),
            process("B", 0, &[1_000_000_000]),
        ],
        policy: PolicySpec::Rr { quantum: 1 },
        ..ScenarioSpec::default()
    };
    assert_eq!(
        errors_of(&spec),
        vec![ScenarioError::TooManySlices {
            estimate: 2_000_000_000,
            max: MAX_SLICES,
            // The first of the two heaviest.
            process: 0,
            thread: None,
        }]
    );
}

#[test]
fn long_bursts_cost_no_more_than_short_ones() {
    let short = Scenario::new(&ScenarioSpec {
        processes: vec![process("A", 0, &[10, 5, 10])],
        ..ScenarioSpec::default()
    })
    .unwrap();
    let long = Scenario::new(&ScenarioSpec {
        processes: vec![process("A", 0, &[1_000_000_000, 5, 1_000_000_000])],
        ..ScenarioSpec::default()
    })
    .unwrap();
    let short_run = proclab_core::simulate(&short);
    let long_run = proclab_core::simulate(&long);
    assert_eq!(short_run.event_count(), long_run.event_count());
    assert_eq!(short_run.instant_count(), long_run.instant_count());
    assert_eq!(long_run.end_tick(), 2_000_000_005);
}

#[test]
fn every_preset_is_valid_and_runs() {
    let presets = proclab_core::presets::presets();
    assert!(presets.len() >= 25);
    for preset in &presets {
        let scenario = Scenario::new(&preset.spec)
            .unwrap_or_else(|errors| panic!("{}: {errors:?}", preset.id));
        let run = proclab_core::simulate(&scenario);
        assert!(run.end_tick() > 0, "{}", preset.id);
        assert_eq!(
            proclab_core::presets::preset(preset.id.as_str()).map(|found| found.id),
            Some(preset.id)
        );
    }
    let mut ids: Vec<&str> = presets.iter().map(|preset| preset.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), presets.len(), "preset ids are unique");
}

/// OSTEP's own large `mlfq.py` run: 10,000 jobs of 1..100 ticks, three levels, a boost every 100
/// ticks (about 5,000 boosts). A boost moves only the threads that ran since the last one, so the
/// limit on boosts no longer shrinks with the number of threads and this run is accepted.
#[test]
fn many_threads_with_frequent_boosts_are_accepted_and_run() {
    let mut rng = proclab_core::rng::Pcg32::new(1, 1);
    let processes = (0..10_000)
        .map(|index| {
            process(
                &format!("J{index}"),
                0,
                &[1 + u64::from(rng.next_u32() % 100)],
            )
        })
        .collect();
    let spec = ScenarioSpec {
        processes,
        policy: PolicySpec::mlfq_ostep(3, 10, 1, Some(100)),
        ..ScenarioSpec::default()
    };
    let run = proclab_core::simulate_spec(&spec).expect("accepted");
    assert_eq!(run.metrics().processes.len(), 10_000);
    let boosts = run
        .events()
        .iter()
        .filter(|event| matches!(event.cause, proclab_core::Cause::Boosted))
        .count();
    assert!(boosts > 0, "boosted threads are reported");
    // Past the limit the message names the same number whatever the workload.
    let mut too_often = spec.clone();
    too_often.policy = PolicySpec::mlfq_ostep(3, 10, 1, Some(1));
    too_often.processes.truncate(1);
    too_often.processes[0].bursts = BurstSpec::alternating(&[2_000_000]);
    assert!(
        errors_of(&too_often).contains(&ScenarioError::BoostTooFrequent {
            max_boosts: proclab_core::scenario::MAX_BOOSTS
        })
    );
}

#[test]
fn warmup_model_affinity_and_peek_rules() {
    use proclab_core::scenario::{AffinityLimit, WarmupLimit, MAX_WARMUP_WORK, MAX_WARM_RATE};
    use proclab_core::spec::{CacheModel, QueueTopology};
    let warm = |processes: Vec<ProcessSpec>, policy: PolicySpec| {
        let mut spec = ScenarioSpec {
            processes,
            policy,
            ..ScenarioSpec::default()
        };
        spec.machine.cpus = 2;
        spec.machine.cache.enabled = true;
        spec.machine.cache.model = CacheModel::Warmup;
        spec
    };
    let rr = PolicySpec::Rr { quantum: 10 };
    // A file without the new fields loads with the stall model and no affinity.
    let old: ScenarioSpec = serde_json::from_str(
        r#"{"processes":[{"bursts":[{"cpu":5}]}],"machine":{"cache":{"enabled":true}}}"#,
    )
    .unwrap();
    assert_eq!(old.machine.cache.model, CacheModel::Stall);
    assert!(old.processes[0].cpus.is_empty() && old.machine.peek_interval.is_none());
    let json = serde_json::to_string(&old).unwrap();
    assert!(!json.contains("warm") && !json.contains("cpus\":[") && !json.contains("peek"));
    // What the model has no rule for.
    let mut spec = warm(vec![process("A", 3, &[2, 1, 2])], PolicySpec::Fcfs);
    spec.machine.dispatch_latency = 1;
    spec.machine.topology = QueueTopology::Affinity;
    assert_eq!(
        errors_of(&spec),
        [
            ScenarioError::WarmupUnsupported {
                process: None,
                what: WarmupLimit::Policy
            },
            ScenarioError::WarmupUnsupported {
                process: None,
                what: WarmupLimit::SwitchCost
            },
            ScenarioError::WarmupUnsupported {
                process: None,
                what: WarmupLimit::Topology
            },
            ScenarioError::WarmupUnsupported {
                process: Some(0),
                what: WarmupLimit::Arrival
            },
            ScenarioError::WarmupUnsupported {
                process: Some(0),
                what: WarmupLimit::Bursts
            },
        ]
    );
    // Its own settings, affinity and the bound on its work.
    let mut spec = warm(
        vec![
            ProcessSpec {
                cpus: vec![0, 2],
                ..process("A", 0, &[MAX_WARMUP_WORK])
            },
            ProcessSpec {
                cpus: vec![0; 65],
                ..process("B", 0, &[1])
            },
        ],
        rr.clone(),
    );
    spec.machine.cache.warm_rate = 0;
    spec.machine.cache.warmup_time = u64::MAX;
    spec.machine.peek_interval = Some(5);
    assert_eq!(
        errors_of(&spec),
        [
            ScenarioError::WarmRateOutOfRange {
                value: 0,
                max: MAX_WARM_RATE
            },
            ScenarioError::WarmupTimeTooLarge { max: 1_000_000_000 },
            ScenarioError::AffinityCpuOutOfRange {
                process: 0,
                cpu: 2,
                cpus: 2
            },
            ScenarioError::AffinityTooLong {
                process: 1,
                count: 65,
                max: MAX_CPUS
            },
            ScenarioError::PeekNeedsPerCpuQueues,
            ScenarioError::WarmupTooLong {
                work: 2 * (MAX_WARMUP_WORK + 1),
                max: MAX_WARMUP_WORK
            },
        ]
    );
    // The event engine has hard affinity and peeking (with an explicit schedule too), but no
    // rule for CPU lists with soft affinity or MLFQ's I/O bump.
    let mut spec = warm(
        vec![ProcessSpec {
            cpus: vec![1],
            ..process("A", 0, &[5])
        }],
        rr,
    );
    spec.machine.cache.model = CacheModel::Stall;
    spec.machine.topology = QueueTopology::PerCpu;
    spec.machine.peek_interval = Some(5);
    assert_eq!(errors_of(&spec), []);
    spec.machine.topology = QueueTopology::Shared;
    spec.machine.peek_interval = None;
    spec.policy = PolicySpec::Srtf;
    assert_eq!(errors_of(&spec), []);
    spec.policy = PolicySpec::Mlfq(MlfqSpec {
        io_bump: true,
        ..MlfqSpec::default()
    });
    assert_eq!(
        errors_of(&spec),
        [ScenarioError::AffinityUnsupported {
            process: 0,
            what: AffinityLimit::IoBump
        }]
    );
    spec.machine.topology = QueueTopology::PerCpu;
    assert_eq!(errors_of(&spec).len(), 1);
    spec.policy = PolicySpec::Srtf;
    assert_eq!(errors_of(&spec), []);
    spec.schedule = Some(ScheduleSpec {
        threads: vec![0],
        repeat: true,
    });
    assert_eq!(errors_of(&spec), []);
    spec.schedule = None;
    spec.machine.topology = QueueTopology::Affinity;
    assert_eq!(
        errors_of(&spec),
        [ScenarioError::AffinityUnsupported {
            process: 0,
            what: AffinityLimit::SoftAffinity
        }]
    );
}

#[test]
fn too_many_slices_names_the_process_whose_bursts_need_the_most() {
    let spec = ScenarioSpec {
        processes: vec![
            process("A", 0, &[10]),
            process("B", 0, &[3_000_000]),
            process("C", 0, &[2_000_000]),
        ],
        policy: PolicySpec::Rr { quantum: 1 },
        ..ScenarioSpec::default()
    };
    assert!(matches!(
        errors_of(&spec)[..],
        [ScenarioError::TooManySlices {
            process: 1,
            thread: None,
            ..
        }]
    ));
}
