//! OSTEP `multi.py`'s cases (`data/multi/`) against the `warmup` cache model, tick by tick: which
//! job each CPU runs and its time left after every tick, completion times, and each CPU's
//! utilisation and warm percentage as `multi.py` prints them.

use proclab_core::spec::{CacheModel, QueueTopology};
use proclab_core::warmup::{self, python_random::PythonRandom};
use proclab_core::{BurstSpec, PolicySpec, ProcessSpec, Scenario, ScenarioSpec};
use serde_json::Value;

const CASES: &str = include_str!("data/multi/multi.json");

fn number(value: &Value) -> u64 {
    value.as_u64().expect("a number")
}

/// One case as a ProcLab scenario: a process per job, RR with `-q`, the warm-up cache model.
fn spec_of(case: &Value) -> ScenarioSpec {
    let params = &case["params"];
    let mut spec = ScenarioSpec::default();
    for job in case["jobs"].as_array().expect("jobs") {
        spec.processes.push(ProcessSpec {
            name: job["name"].as_str().expect("name").to_string(),
            bursts: vec![BurstSpec::Cpu(number(&job["run_time"]))],
            working_set: number(&job["working_set"]) as u32,
            ..ProcessSpec::default()
        });
    }
    // `-A a:0.2.3,b:1`: the CPUs each listed job may run on.
    if let Some(affinity) = params["affinity"].as_str() {
        for entry in affinity.split(',') {
            let (name, cpus) = entry.split_once(':').expect("job:cpus");
            let process = spec
                .processes
                .iter_mut()
                .find(|process| process.name == name)
                .expect("a listed job exists");
            process.cpus = cpus
                .split('.')
                .map(|cpu| cpu.parse().expect("cpu"))
                .collect();
        }
    }
    spec.policy = PolicySpec::Rr {
        quantum: number(&params["quantum"]),
    };
    let machine = &mut spec.machine;
    machine.cpus = number(&case["cpus"]) as u32;
    machine.cache.enabled = true;
    machine.cache.model = CacheModel::Warmup;
    machine.cache.capacity = number(&params["cache_size"]) as u32;
    machine.cache.warmup_time = number(&params["warmup_time"]);
    machine.cache.warm_rate = number(&params["warm_rate"]);
    if params["per_cpu_queues"].as_bool() == Some(true) {
        machine.topology = QueueTopology::PerCpu;
        machine.peek_interval = Some(number(&params["peek_interval"]));
    }
    spec
}

/// `multi.py`'s `%3.2f` of `100 * part / whole`.
fn percent(part: u64, whole: u64) -> String {
    format!("{:.2}", 100.0 * part as f64 / whole as f64)
}

/// Every difference between the model and the case, in words.
fn differences(case: &Value) -> Vec<String> {
    let spec = spec_of(case);
    let scenario = match Scenario::new(&spec) {
        Ok(scenario) => scenario,
        Err(errors) => return vec![format!("invalid: {errors:?}")],
    };
    let run = warmup::simulate(&scenario).expect("the warmup model is on");
    let names: Vec<&str> = spec.processes.iter().map(|p| p.name.as_str()).collect();
    let expected = &case["expected"];
    let mut problems = Vec::new();
    let end = number(&expected["finished_time"]);
    if run.end() != end {
        problems.push(format!("finished at {} instead of {end}", run.end()));
    }
    for (tick, cpus) in expected["ticks"]
        .as_array()
        .expect("ticks")
        .iter()
        .enumerate()
    {
        let ours: Vec<Option<(&str, u64)>> = run
            .tick(tick as u64)
            .iter()
            .map(|slot| slot.map(|slot| (names[slot.job as usize], slot.left)))
            .collect();
        let theirs: Vec<Option<(&str, u64)>> = cpus
            .as_array()
            .expect("cpus")
            .iter()
            .map(|slot| {
                slot.as_array()
                    .map(|pair| (pair[0].as_str().expect("job"), number(&pair[1])))
            })
            .collect();
        if ours != theirs {
            problems.push(format!("tick {tick}: {ours:?} instead of {theirs:?}"));
            break;
        }
    }
    for (name, completion) in expected["completion"].as_object().expect("completion") {
        let pid = names.iter().position(|n| n == name).expect("job");
        if run.completion()[pid] != number(completion) {
            problems.push(format!(
                "{name} completed at {} instead of {completion}",
                run.completion()[pid]
            ));
        }
    }
    let figures = expected["per_cpu_utilization_and_warm_percent"]
        .as_array()
        .expect("figures");
    for (cpu, pair) in figures.iter().enumerate() {
        let ours = (
            percent(run.busy()[cpu], run.end()),
            percent(run.warm()[cpu], run.end()),
        );
        let theirs = (
            format!("{:.2}", pair[0].as_f64().expect("utilisation")),
            format!("{:.2}", pair[1].as_f64().expect("warm")),
        );
        if ours != theirs {
            problems.push(format!("CPU {cpu}: {ours:?} instead of {theirs:?}"));
        }
    }
    problems
}

#[test]
fn ostep_multi_cases_agree_tick_by_tick() {
    let cases: Vec<Value> = serde_json::from_str(CASES).expect("multi.json");
    assert_eq!(cases.len(), 24);
    let mut failures = Vec::new();
    for case in &cases {
        let problems = differences(case);
        if !problems.is_empty() {
            failures.push(format!(
                "{} ({}): {problems:?}",
                case["id"], case["command"]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 24 differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Python's `random.seed(s)` then `getrandbits(32)` and `choice`, values printed by CPython 3.
#[test]
fn python_random_draws_as_cpython_does() {
    let mut random = PythonRandom::new(0);
    let draws: Vec<u32> = (0..3).map(|_| random.next_u32()).collect();
    assert_eq!(draws, [3_626_764_237, 1_654_615_998, 3_255_389_356]);
    let mut random = PythonRandom::new(0);
    let choices: Vec<u32> = (0..10).map(|_| random.below(3)).collect();
    assert_eq!(choices, [1, 1, 0, 1, 2, 1, 1, 1, 1, 1]);
    let mut random = PythonRandom::new(12_345_678_901);
    let draws: Vec<u32> = (0..2).map(|_| random.next_u32()).collect();
    assert_eq!(draws, [4_063_089_813, 2_562_312_935]);
}
