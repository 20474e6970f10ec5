//! The `proclab` binary on files: printed numbers, JSON output, named errors and exit codes.

use std::process::{Command, Output};

fn proclab(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proclab"))
        .args(arguments)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn run_prints_the_silberschatz_rr_answer_key() {
    let output = proclab(&["run", "tests/data/rr_silberschatz.json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("CPU0: 0 P1 4 P2 7 P3 10 P1 30\n"),
        "{text}"
    );
    assert!(
        text.contains("average                    15.67 5.67 3.67"),
        "{text}"
    );
}

#[test]
fn run_reproduces_a_reference_case_with_switch_cost() {
    // ref_extra.json ref-rr-188: RR q=4 with a context-switch cost of 3 ticks. The reference's
    // wait (turnaround - cpu - io) is ProcLab's waiting + switch.
    let output = proclab(&["run", "tests/data/ref_rr_188_cs3.json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("CPU0: 0 - 2 J4 6 CS 9 J1 10 CS 13 J2 16 CS 19 J4 20 CS 23 J0 27 CS 30 J3 34 CS 37 J0 38"), "{text}");
    for row in [
        "J0           7   5  0   38    31    20    16      6     0",
        "J1           4   1  0   10     6     2     5      3     0",
        "J4           2   5  0   20    18    10     0      3     0",
    ] {
        assert!(text.contains(row), "missing row {row:?} in\n{text}");
    }
}

#[test]
fn run_reproduces_an_ostep_mlfq_case() {
    let output = proclab(&["run", "tests/data/ostep_mlfq_001.json", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let processes = json["metrics"]["processes"].as_array().expect("processes");
    assert_eq!(processes[0]["completion"], 200);
    assert_eq!(processes[0]["response"], 0);
    assert_eq!(processes[1]["completion"], 120);
    assert_eq!(processes[1]["turnaround"], 20);
    assert_eq!(json["end_tick"], 200);
}

#[test]
fn a_bad_file_names_every_field_and_rule_and_exits_non_zero() {
    let output = proclab(&["run", "tests/data/bad.json"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains(
            "processes[0].bursts: The first burst of process 1 is I/O; bursts must start with CPU."
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "processes[0].bursts: Burst 2 of process 1 is 0; a CPU burst must be at least 1 tick."
        ),
        "{text}"
    );
    assert!(
        text.contains("processes[1].class: Process 2 is in class 3, but there is no such queue"),
        "{text}"
    );
    assert!(
        text.contains("policy.queues[0].quantum: A time quantum must be at least 1 tick."),
        "{text}"
    );
}

#[test]
fn errors_speak_korean_on_request() {
    let output = proclab(&["run", "tests/data/bad.json", "--lang", "ko"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("processes[0].bursts: 1번 프로세스의 첫 버스트가 I/O입니다."));
}

#[test]
fn malformed_json_and_missing_files_fail_cleanly() {
    let output = proclab(&["run", "tests/data/not_json.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not a scenario JSON file"));
    let output = proclab(&["run", "tests/data/does_not_exist.json"]);
    assert_eq!(output.status.code(), Some(1));
    let output = proclab(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn compare_runs_every_policy_on_the_same_workload() {
    let output = proclab(&["compare", "tests/data/rr_silberschatz.json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "FCFS                              27.00      17.00",
        "SJF                               13.00       3.00",
        "RR (q=4)                          15.67       5.67",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    assert!(
        text.contains("HRRN")
            && text.contains("MLFQ (8, 16, FCFS)")
            && text.contains("Lottery (q=4)")
    );
}

#[test]
fn gen_is_deterministic_and_its_output_runs() {
    let first = proclab(&["gen", "--seed", "42", "--processes", "6", "--io"]);
    let second = proclab(&["gen", "--seed", "42", "--processes", "6", "--io"]);
    assert!(first.status.success());
    assert_eq!(first.stdout, second.stdout);
    let spec: proclab_core::ScenarioSpec =
        serde_json::from_slice(&first.stdout).expect("a scenario");
    assert_eq!(spec.processes.len(), 6);
    assert!(proclab_core::Scenario::new(&spec).is_ok());
    let missing_seed = proclab(&["gen"]);
    assert_eq!(missing_seed.status.code(), Some(2));
}

#[test]
fn presets_are_listed_and_printable() {
    let output = proclab(&["presets"]);
    assert!(output.status.success());
    let first_id = stdout(&output)
        .split_whitespace()
        .next()
        .expect("a preset")
        .to_string();
    let output = proclab(&["presets", &first_id]);
    let spec: proclab_core::ScenarioSpec =
        serde_json::from_slice(&output.stdout).expect("preset JSON");
    assert!(proclab_core::Scenario::new(&spec).is_ok());
}
