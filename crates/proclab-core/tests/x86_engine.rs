//! The same reference cases as `x86_reference.rs` (OSTEP `x86.py`), run by the scheduling
//! engine instead of the standalone driver: one process whose threads run the program, one CPU,
//! no switch cost, round robin with the quantum `x86.py -i` gives (or the `-P` schedule,
//! repeated), and the convention `timer_continues_after_exit`. Every step (thread, pc), the
//! variables and the running thread's registers after it, and the final memory must agree.

use proclab_core::program::x86::parse_argv;
use proclab_core::program::{Memory, Program, RunEnd};
use proclab_core::{
    simulate, PolicySpec, ProcessSpec, Scenario, ScenarioSpec, ScheduleSpec, ThreadSpec,
};
use serde_json::Value;

const CASES: &str = include_str!("data/x86/x86.json");

fn cases() -> Vec<Value> {
    serde_json::from_str::<Value>(CASES)
        .expect("x86.json parses")
        .as_array()
        .expect("a list of cases")
        .clone()
}

/// The case as a scenario the engine runs.
fn scenario_of(case: &Value) -> ScenarioSpec {
    let threads = case["threads"].as_u64().expect("threads") as u32;
    let argv = parse_argv(case["argv"].as_str().unwrap_or(""), threads).expect("argv");
    let mut spec = ScenarioSpec {
        processes: vec![ProcessSpec {
            program: case["program"].as_str().expect("program").to_owned(),
            threads: argv
                .iter()
                .map(|registers| ThreadSpec {
                    registers: registers
                        .iter()
                        .map(|(register, value)| format!("{}={value}", register.name()))
                        .collect::<Vec<_>>()
                        .join(":"),
                    ..ThreadSpec::default()
                })
                .collect(),
            ..ProcessSpec::default()
        }],
        policy: PolicySpec::Rr {
            quantum: case["interrupt_every"].as_u64().expect("interrupt_every"),
        },
        ..ScenarioSpec::default()
    };
    spec.conventions.timer_continues_after_exit = true;
    if let Some(schedule) = case["schedule"].as_str() {
        spec.schedule = Some(ScheduleSpec {
            threads: schedule
                .chars()
                .map(|digit| digit.to_digit(10).expect("digit"))
                .collect(),
            repeat: true,
        });
    }
    spec
}

const TRACED: [&str; 7] = ["ax", "bx", "cx", "dx", "ex", "fx", "sp"];

fn check(case: &Value) -> Vec<String> {
    let id = case["id"].as_str().expect("id");
    let spec = scenario_of(case);
    let scenario = match Scenario::new(&spec) {
        Ok(scenario) => scenario,
        Err(errors) => return vec![format!("{id}: rejected: {errors:?}")],
    };
    let program = Program::parse(&spec.processes[0].program).expect("parses");
    let run = simulate(&scenario);
    let mut problems = Vec::new();
    if run.end() != RunEnd::Finished {
        problems.push(format!("{id}: ended with {:?}", run.end()));
    }
    let expected = &case["expected"];
    let steps = expected["steps"].as_array().expect("steps");
    if run.program_steps().len() != steps.len() {
        problems.push(format!(
            "{id}: {} instructions, x86.py ran {}",
            run.program_steps().len(),
            steps.len()
        ));
    }
    let memories = expected["memory_after_each_step"]
        .as_array()
        .expect("memory");
    let registers = expected["registers_after_each_step"]
        .as_array()
        .expect("registers");
    let mut memory = Memory::new(128 * 1024);
    for (index, (step, want)) in run.program_steps().iter().zip(steps).enumerate() {
        for access in step.accesses.as_slice() {
            memory.apply(access);
        }
        let want_step = (
            want[0].as_u64().unwrap_or(99),
            want[1].as_u64().unwrap_or(0),
        );
        if (u64::from(step.thread), u64::from(step.pc)) != want_step {
            problems.push(format!(
                "{id} step {index}: ran (thread {}, pc {}), x86.py ran {want_step:?}",
                step.thread, step.pc
            ));
            break;
        }
        let mut words = program.variable_words(&memory);
        words.sort();
        let mut want_words: Vec<(String, i64)> = memories[index]
            .as_object()
            .expect("memory object")
            .iter()
            .map(|(name, value)| (name.clone(), value.as_i64().expect("word")))
            .collect();
        want_words.sort();
        if words != want_words {
            problems.push(format!(
                "{id} step {index}: memory {words:?}, x86.py {want_words:?}"
            ));
        }
        // The machine during the next tick: after this instruction.
        let state = run.state_at(step.tick + 1);
        let context = state.threads[step.thread as usize]
            .program
            .as_ref()
            .expect("a program thread has its context");
        for (slot, name) in TRACED.iter().enumerate() {
            let want = registers[index][name].as_i64().expect("register");
            if context.registers[slot] != want {
                problems.push(format!(
                    "{id} step {index}: %{name} = {}, x86.py {want}",
                    context.registers[slot]
                ));
            }
        }
    }
    let state = run.state_at(run.end_tick());
    let mut final_words: Vec<(String, i64)> = state.memories[0]
        .words
        .iter()
        .map(|(name, _, value)| (name.clone(), *value))
        .collect();
    final_words.sort();
    let mut want_final: Vec<(String, i64)> = expected["final_memory"]
        .as_object()
        .expect("final memory")
        .iter()
        .map(|(name, value)| (name.clone(), value.as_i64().expect("word")))
        .collect();
    want_final.sort();
    if final_words != want_final {
        problems.push(format!(
            "{id}: final memory {final_words:?}, x86.py {want_final:?}"
        ));
    }
    problems
}

#[test]
fn the_engine_runs_all_32_x86_py_cases_exactly() {
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
