//! Reference cases computed by OSTEP's `threads-locks/x86.py` (`tests/data/x86/`, see its
//! README): every step (thread, pc), the running thread's registers and every variable after
//! each step, the final memory and the instruction count must agree exactly.

use proclab_core::program::x86::{self, parse_argv, parse_schedule, Timing, X86Config, X86End};
use proclab_core::program::{Memory, Program, Register};
use serde_json::Value;

const CASES: &str = include_str!("data/x86/x86.json");

/// The programs as files, so a test proves the JSON's copies are the same text.
const PROGRAMS: [(&str, &str); 10] = [
    (
        "call-increment.s",
        include_str!("data/x86/call-increment.s"),
    ),
    (
        "counter-flag-lock.s",
        include_str!("data/x86/counter-flag-lock.s"),
    ),
    ("counter-race.s", include_str!("data/x86/counter-race.s")),
    (
        "counter-swap-lock.s",
        include_str!("data/x86/counter-swap-lock.s"),
    ),
    (
        "counter-ticket.s",
        include_str!("data/x86/counter-ticket.s"),
    ),
    ("counter-ttas.s", include_str!("data/x86/counter-ttas.s")),
    (
        "counter-yield-lock.s",
        include_str!("data/x86/counter-yield-lock.s"),
    ),
    ("multiply-sum.s", include_str!("data/x86/multiply-sum.s")),
    ("signal-flag.s", include_str!("data/x86/signal-flag.s")),
    ("two-flags.s", include_str!("data/x86/two-flags.s")),
];

const TRACED: [(&str, Register); 7] = [
    ("ax", Register::Ax),
    ("bx", Register::Bx),
    ("cx", Register::Cx),
    ("dx", Register::Dx),
    ("ex", Register::Ex),
    ("fx", Register::Fx),
    ("sp", Register::Sp),
];

fn cases() -> Vec<Value> {
    serde_json::from_str::<Value>(CASES)
        .expect("x86.json parses")
        .as_array()
        .expect("a list of cases")
        .clone()
}

fn config_of(case: &Value) -> X86Config {
    let threads = case["threads"].as_u64().expect("threads") as u32;
    let argv = case["argv"].as_str().unwrap_or("");
    let timing = match case["schedule"].as_str() {
        Some(schedule) => Timing::Schedule(parse_schedule(schedule).expect("schedule digits")),
        None => Timing::Interrupt {
            every: case["interrupt_every"].as_u64().expect("interrupt_every") as u32,
        },
    };
    X86Config {
        registers: parse_argv(argv, threads).expect("argv"),
        timing,
        budget: 100_000,
        ..X86Config::new(threads)
    }
}

/// Every variable word as `x86.json` names it (`want`, `want[1]`) with its value.
fn variables(program: &Program, memory: &Memory) -> Vec<(String, i64)> {
    program.variable_words(memory)
}

fn expected_words(object: &Value) -> Vec<(String, i64)> {
    object
        .as_object()
        .expect("a memory object")
        .iter()
        .map(|(name, value)| (name.clone(), value.as_i64().expect("a word")))
        .collect()
}

fn sorted(mut words: Vec<(String, i64)>) -> Vec<(String, i64)> {
    words.sort();
    words
}

/// Compares one case; returns a message per disagreement, each naming the case and the step.
fn check(case: &Value) -> Vec<String> {
    let id = case["id"].as_str().expect("id");
    let mut problems = Vec::new();
    let program = match Program::parse(case["program"].as_str().expect("program")) {
        Ok(program) => program,
        Err(errors) => return vec![format!("{id}: does not parse: {errors:?}")],
    };
    let load_address = case["load_address"].as_u64().expect("load_address");
    if u64::from(program.load_address()) != load_address {
        problems.push(format!("{id}: load address {}", program.load_address()));
    }
    let run = match x86::run(&program, &config_of(case)) {
        Ok(run) => run,
        Err(error) => return vec![format!("{id}: set-up rejected: {error:?}")],
    };
    let expected = &case["expected"];
    if run.end() != X86End::AllHalted {
        problems.push(format!("{id}: ended with {:?}", run.end()));
    }
    let instructions = expected["instructions"].as_u64().expect("instructions");
    if run.instructions() != instructions {
        problems.push(format!(
            "{id}: {} instructions, x86.py ran {instructions}",
            run.instructions()
        ));
    }
    let steps = expected["steps"].as_array().expect("steps");
    let memories = expected["memory_after_each_step"]
        .as_array()
        .expect("memory");
    let registers = expected["registers_after_each_step"]
        .as_array()
        .expect("registers");
    let mut memory = Memory::new(run.machine().memory().size());
    for (index, step) in run.steps().iter().enumerate() {
        for access in step.accesses.as_slice() {
            memory.apply(access);
        }
        let Some(want) = steps.get(index) else {
            problems.push(format!("{id} step {index}: x86.py had stopped"));
            break;
        };
        let want = (
            want[0].as_u64().unwrap_or(99),
            want[1].as_u64().unwrap_or(0),
        );
        if (u64::from(step.thread), u64::from(step.pc)) != want {
            problems.push(format!(
                "{id} step {index}: ran (thread {}, pc {}), x86.py ran {want:?}",
                step.thread, step.pc
            ));
        }
        let words = sorted(variables(&program, &memory));
        let want_words = sorted(expected_words(&memories[index]));
        if words != want_words {
            problems.push(format!(
                "{id} step {index}: memory {words:?}, x86.py {want_words:?}"
            ));
        }
        for (name, register) in TRACED {
            let want = registers[index][name].as_i64().expect("a register");
            let have = step.registers.get(register);
            if have != want {
                problems.push(format!(
                    "{id} step {index}: %{name} = {have}, x86.py {want}"
                ));
            }
        }
    }
    if memory != *run.machine().memory() {
        problems.push(format!(
            "{id}: replaying the steps' writes does not give the final memory"
        ));
    }
    let final_words = sorted(variables(&program, run.machine().memory()));
    let want_final = sorted(expected_words(&expected["final_memory"]));
    if final_words != want_final {
        problems.push(format!(
            "{id}: final memory {final_words:?}, x86.py {want_final:?}"
        ));
    }
    problems
}

#[test]
fn all_32_x86_py_cases_agree_step_by_step() {
    let cases = cases();
    assert_eq!(cases.len(), 32);
    let mut problems = Vec::new();
    for case in &cases {
        problems.extend(check(case));
    }
    for problem in problems.iter().take(40) {
        println!("{problem}");
    }
    assert!(
        problems.is_empty(),
        "{} disagreements with x86.py, first: {}",
        problems.len(),
        problems[0]
    );
}

#[test]
fn the_json_programs_are_the_files_in_the_folder() {
    for case in cases() {
        let file = case["program_file"].as_str().expect("program_file");
        let text = PROGRAMS
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, text)| *text)
            .unwrap_or_else(|| panic!("{file} is not in tests/data/x86"));
        assert_eq!(case["program"].as_str(), Some(text), "{}", case["id"]);
    }
}

#[test]
fn every_case_uses_the_default_layout() {
    for case in cases() {
        assert_eq!(case["load_address"], 1000, "{}", case["id"]);
        let schedule = case["schedule"].as_str();
        if schedule.is_some() {
            // x86.py runs -P with an interrupt after every instruction.
            assert_eq!(case["interrupt_every"], 1, "{}", case["id"]);
        }
    }
}
