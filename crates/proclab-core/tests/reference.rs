//! Reference cases computed by programs ProcLab did not write (OSTEP `scheduler.py`, `mlfq.py`,
//! `process-run.py`, the boonsuen web solver, an independent textbook simulator).
//!
//! Each case states its conventions in `params`; this harness maps them onto ProcLab's own
//! settings (nothing here special-cases a file) and checks per-job completion, turnaround,
//! response and wait, and the merged Gantt chart of CPU 0.

use proclab_core::spec::{
    BoostOrder, BoostTiming, DispatchTiming, EntryOrder, IoCompletion, PickOrder, RequeueOrder,
};
use proclab_core::{
    simulate, BurstSpec, LevelSpec, MlfqSpec, PolicySpec, ProcessSpec, QueueSpec, Scenario,
    ScenarioSpec, SliceKind,
};
use serde_json::Value;

fn number(value: &Value) -> u64 {
    value.as_u64().unwrap_or(0)
}

fn text<'a>(params: &'a Value, key: &str) -> &'a str {
    params.get(key).and_then(Value::as_str).unwrap_or("")
}

/// Maps one reference case onto a ProcLab scenario spec.
pub fn spec_of(case: &Value) -> ScenarioSpec {
    let params = &case["params"];
    let mut spec = ScenarioSpec::default();
    for job in case["jobs"].as_array().expect("jobs") {
        let bursts = job["bursts"]
            .as_array()
            .expect("bursts")
            .iter()
            .map(|burst| match burst.get("cpu") {
                Some(length) => BurstSpec::Cpu(number(length)),
                None => BurstSpec::Io(number(&burst["io"])),
            })
            .collect();
        spec.processes.push(ProcessSpec {
            name: format!("J{}", number(&job["id"])),
            arrival: number(&job["arrival"]),
            priority: number(&job["priority"]) as u32,
            class: number(&job["queue"]) as u32,
            bursts,
            ..ProcessSpec::default()
        });
    }
    spec.machine.cpus = case["cpus"].as_u64().unwrap_or(1) as u32;
    spec.machine.dispatch_latency = number(&params["cs_cost"]);
    let conventions = &mut spec.conventions;
    match text(params, "requeue_order") {
        "before_arrivals" => conventions.requeue_order = RequeueOrder::BeforeArrivals,
        "after_arrivals" => conventions.requeue_order = RequeueOrder::AfterArrivals,
        _ => {}
    }
    let entry = text(params, "same_time_entry_order");
    let arrivals = entry.find("arrivals");
    let io = entry.find("I/O completions");
    if let (Some(arrivals), Some(io)) = (arrivals, io) {
        conventions.entry_order = if arrivals < io {
            EntryOrder::ArrivalsThenIo
        } else {
            EntryOrder::IoThenArrivals
        };
    }
    if text(params, "boost_time").contains("before arrivals") {
        conventions.boost_timing = BoostTiming::BeforeArrivals;
    }
    if text(params, "boost_order") == "lowest_first" {
        conventions.boost_order = BoostOrder::LowestFirst;
    }
    let quantum = number(&params["quantum"]);
    spec.policy = match case["policy"].as_str().expect("policy") {
        "FCFS" => PolicySpec::Fcfs,
        "SJF" => PolicySpec::Sjf { prediction: None },
        "SRTF" => PolicySpec::Srtf,
        "RR" => PolicySpec::Rr { quantum },
        "PRIO" => PolicySpec::Priority {
            preemptive: false,
            aging_every: None,
            lower_is_higher: true,
        },
        "PPRIO" => PolicySpec::Priority {
            preemptive: true,
            aging_every: None,
            lower_is_higher: true,
        },
        "HRRN" => PolicySpec::Hrrn,
        "MLQ" => PolicySpec::Mlq {
            queues: params["queues"]
                .as_array()
                .expect("queues")
                .iter()
                .map(|queue| match queue["policy"].as_str() {
                    Some("RR") => QueueSpec::Rr {
                        quantum: number(&queue["quantum"]),
                    },
                    Some("SJF") => QueueSpec::Sjf,
                    _ => QueueSpec::Fcfs,
                })
                .collect(),
        },
        "MLFQ" => PolicySpec::Mlfq(MlfqSpec {
            levels: params["levels"]
                .as_array()
                .expect("levels")
                .iter()
                .map(|level| LevelSpec {
                    quantum: Some(number(&level["quantum"])),
                    allotment: number(&level["allotment"]) as u32,
                })
                .collect(),
            boost_period: Some(number(&params["boost_period"])).filter(|period| *period > 0),
            old_rules_4ab: params["stay_on_io"].as_bool().unwrap_or(false),
            io_bump: params["io_bump"].as_bool().unwrap_or(false),
        }),
        "PROCESS_RUN" => {
            conventions.pick_order = PickOrder::CyclicScan;
            conventions.dispatch_timing = DispatchTiming::AtSliceEnd;
            conventions.hold_cpu_during_io = text(params, "switch") == "on_end";
            if text(params, "io_done") == "immediate" {
                conventions.io_completion = IoCompletion::Preempt;
            }
            PolicySpec::Fcfs
        }
        other => panic!("unknown policy {other}"),
    };
    spec
}

/// Checks one case; returns a description of every disagreement.
pub fn check_case(case: &Value) -> Vec<String> {
    let spec = spec_of(case);
    let scenario = match Scenario::new(&spec) {
        Ok(scenario) => scenario,
        Err(errors) => return vec![format!("rejected: {errors:?}")],
    };
    let run = simulate(&scenario);
    let mut problems = Vec::new();
    let disagreement = case.get("known_disagreement");
    let expected_jobs = match disagreement {
        Some(known) => &known["ref_per_job"],
        None => &case["expected"]["per_job"],
    };
    for expected in expected_jobs.as_array().expect("per_job") {
        let id = number(&expected["id"]) as usize;
        let process = &run.metrics().processes[id];
        let wait = process.waiting + process.switch + process.stall;
        let actual = [
            process.completion,
            process.turnaround,
            process.response,
            wait,
        ];
        let wanted =
            ["completion", "turnaround", "response", "wait"].map(|key| number(&expected[key]));
        if actual != wanted {
            problems.push(format!("job {id}: got (completion, turnaround, response, wait) {actual:?}, want {wanted:?}"));
        }
    }
    if disagreement.is_none() {
        let mut gantt: Vec<(u64, u64, Value)> = Vec::new();
        for slice in run.gantt().iter().filter(|slice| slice.cpu == 0) {
            let label = match slice.kind {
                SliceKind::Run { thread } => Value::from(thread.pid),
                SliceKind::Idle => Value::Null,
                SliceKind::Dispatch { .. } | SliceKind::CacheStall { .. } => Value::from("CS"),
            };
            match gantt.last_mut() {
                Some(last) if last.2 == label && last.1 == slice.start => last.1 = slice.end,
                _ => gantt.push((slice.start, slice.end, label)),
            }
        }
        let wanted: Vec<(u64, u64, Value)> = case["expected"]["gantt"]
            .as_array()
            .expect("gantt")
            .iter()
            .map(|segment| (number(&segment[0]), number(&segment[1]), segment[2].clone()))
            .collect();
        if gantt != wanted {
            problems.push(format!("gantt: got {gantt:?}\n        want {wanted:?}"));
        }
    }
    problems
}

fn check_file(name: &str, json: &str) -> (usize, usize) {
    let cases: Vec<Value> = serde_json::from_str(json).expect("reference file parses");
    let mut passed = 0;
    for case in &cases {
        let problems = check_case(case);
        if problems.is_empty() {
            passed += 1;
        } else {
            println!(
                "{name} {} ({}) disagrees:",
                case["id"].as_str().unwrap_or("?"),
                case["command"].as_str().unwrap_or("")
            );
            for problem in problems {
                println!("    {problem}");
            }
        }
    }
    println!("{name}: {passed}/{} agree", cases.len());
    (passed, cases.len())
}

macro_rules! reference_file {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            let (passed, total) = check_file($file, include_str!(concat!("data/", $file)));
            assert_eq!(
                passed,
                total,
                "{} of {} cases in {} disagree (run with --nocapture)",
                total - passed,
                total,
                $file
            );
        }
    };
}

reference_file!(ostep_scheduler_cases_agree, "ostep_scheduler.json");
reference_file!(ostep_mlfq_cases_agree, "ostep_mlfq.json");
reference_file!(ostep_process_run_cases_agree, "ostep_process_run.json");
reference_file!(boonsuen_cases_agree, "boonsuen.json");
reference_file!(ref_extra_cases_agree, "ref_extra.json");

// Regressions found by cross-checking random MLFQ scenarios against a port of `mlfq.py`'s loop:
// an I/O bump only puts a thread ahead of the runner at the instant it happens.
reference_file!(
    mlfq_io_bump_regressions_agree,
    "mlfq_io_bump_regressions.json"
);
