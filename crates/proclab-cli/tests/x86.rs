//! `proclab x86` run as a user runs it, against the reference cases OSTEP's `x86.py` computed
//! (the core's test data, `crates/proclab-core/tests/data/x86/`): the same steps, instruction
//! count and final memory, through the command line's own options.

use std::process::{Command, Output};

use serde_json::Value;

const CASES: &str = include_str!("../../proclab-core/tests/data/x86/x86.json");
const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../proclab-core/tests/data/x86"
);

fn proclab(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proclab"))
        .args(arguments)
        .output()
        .expect("the proclab binary runs")
}

#[test]
fn every_reference_case_runs_as_x86_py_ran_it() {
    let cases: Vec<Value> = serde_json::from_str(CASES).expect("x86.json parses");
    assert_eq!(cases.len(), 32);
    for case in &cases {
        let id = case["id"].as_str().unwrap();
        let file = format!("{DATA}/{}", case["program_file"].as_str().unwrap());
        let threads = case["threads"].to_string();
        let mut arguments = vec!["x86", &file, "--threads", &threads, "--format", "json"];
        let argv = case["argv"].as_str().unwrap_or("");
        if !argv.is_empty() {
            arguments.extend(["--regs", argv]);
        }
        let interrupt = case["interrupt_every"].to_string();
        match case["schedule"].as_str() {
            Some(schedule) => arguments.extend(["--schedule", schedule]),
            None => arguments.extend(["--interrupt", &interrupt]),
        }
        let output = proclab(&arguments);
        assert!(
            output.status.success(),
            "{id}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let document: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let expected = &case["expected"];
        assert_eq!(document["instructions"], expected["instructions"], "{id}");
        assert_eq!(document["end"]["kind"], "all_halted", "{id}");
        let steps: Vec<(u64, u64)> = document["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|step| {
                (
                    step["thread"].as_u64().unwrap(),
                    step["pc"].as_u64().unwrap(),
                )
            })
            .collect();
        let reference: Vec<(u64, u64)> = expected["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|step| (step[0].as_u64().unwrap(), step[1].as_u64().unwrap()))
            .collect();
        assert_eq!(steps, reference, "{id}: steps");
        assert_eq!(
            document["final_memory"], expected["final_memory"],
            "{id}: final memory"
        );
        let last = document["steps"].as_array().unwrap().last().unwrap();
        let registers = expected["registers_after_each_step"]
            .as_array()
            .unwrap()
            .last()
            .unwrap();
        for (name, value) in registers.as_object().unwrap() {
            assert_eq!(&last["registers"][name], value, "{id}: last step's {name}");
        }
    }
}

#[test]
fn a_broken_program_is_reported_by_line_in_the_users_language() {
    let directory = std::env::temp_dir().join(format!("proclab-x86-{}", std::process::id()));
    std::fs::create_dir_all(&directory).unwrap();
    let file = directory.join("broken.s");
    std::fs::write(&file, "mov $1, %ax\nmvo %ax, %bx\nadd $1, %zz\nhalt\n").unwrap();
    let path = file.to_str().unwrap();
    let english = proclab(&["x86", path]);
    assert!(!english.status.success());
    let message = String::from_utf8_lossy(&english.stderr);
    assert!(
        message.contains("line 2: unknown instruction."),
        "{message}"
    );
    assert!(
        message.contains("line 3: operand 2: a register is one of"),
        "{message}"
    );
    let korean = proclab(&["x86", path, "--lang", "ko"]);
    let message = String::from_utf8_lossy(&korean.stderr);
    assert!(
        message.contains("2번째 줄: 알 수 없는 명령어입니다."),
        "{message}"
    );
    std::fs::remove_dir_all(&directory).unwrap();
}

#[test]
fn a_lock_never_released_stops_at_the_budget_and_says_where() {
    let file = format!("{DATA}/counter-flag-lock.s");
    // Ten instructions cannot finish two threads' 50 rounds each: the run stops at the budget.
    let output = proclab(&[
        "x86",
        &file,
        "--threads",
        "2",
        "--regs",
        "bx=50",
        "--budget",
        "10",
    ]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("stopped after 10 instructions: thread "),
        "{last}"
    );
    assert!(last.contains("(line "), "{last}");
}
