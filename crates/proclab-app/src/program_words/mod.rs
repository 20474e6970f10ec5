//! Threads that run instructions, in words: every problem of a program's text (by line), of the
//! `x86.py`-style set-up (`-t`, `-a`, `-i`, `-P`), and how a run ended, in Korean and English;
//! and a scheduled run of programs (the engine's `Run`): each executed instruction's source
//! text, its memory accesses and outcome, how the run ended, and the headings of its sections.
//! The CLI's `proclab x86` and `proclab run` print them; the page will show them beside the
//! program's field.

//!
//! `problems.rs` holds the problems (text, set-up, faults), `typed.rs` a mistyped name quoted
//! back with the name meant, `run.rs` the words of a run.

mod comments;
mod problems;
mod run;
mod typed;

pub(crate) use typed::edits;

pub use comments::{example_of, is_preset, program_in, spec_in};
pub use problems::{
    argv_error, config_error, fault as fault_words, not_an_instruction, parse_error,
};
pub use run::{
    access, deadlock, end, instruction_text, kernel_entries, outcome, run_end, sync_kind,
    thread_name, word_name, RunText,
};
pub use typed::{as_typed, edits as edit_distance, operand_as_typed};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use proclab_core::program::{Program, StepOutcome};

    #[test]
    fn a_parse_error_names_its_line_in_both_languages() {
        let errors = Program::parse("mov $1, %ax\nfoo %ax\nhalt\n").unwrap_err();
        let first = errors[0];
        assert_eq!(first.line, 2);
        assert_eq!(
            parse_error(&first, Lang::En),
            "line 2: unknown instruction."
        );
        assert_eq!(
            parse_error(&first, Lang::Ko),
            "2번째 줄: 알 수 없는 명령어입니다."
        );
    }

    #[test]
    fn a_constant_without_its_dollar_is_told_to_take_one() {
        let errors = Program::parse("test 0, %ax\nhalt\n").unwrap_err();
        assert_eq!(
            parse_error(&errors[0], Lang::En),
            "line 1: test does not take a memory address as operand 1. A number or a name without $ is a memory address; for a constant, write $ before the number ($0)."
        );
        assert!(parse_error(&errors[0], Lang::Ko).ends_with("상수라면 수 앞에 $를 붙이세요($0)."));
        // A register where an immediate is wanted says nothing of $.
        let errors = Program::parse("mov %ax, $1\nhalt\n").unwrap_err();
        assert!(!parse_error(&errors[0], Lang::En).contains("write $"));
    }

    #[test]
    fn a_missing_comma_is_told_by_the_operands_the_instruction_takes() {
        let errors = Program::parse("add $1 %ax\nhalt $2\nj\n").unwrap_err();
        let words: Vec<String> = errors
            .iter()
            .map(|error| parse_error(error, Lang::En))
            .collect();
        assert_eq!(
            words,
            [
                "line 1: add takes 2 operands, separated by commas; this line has 1.",
                "line 2: halt takes 0 operands; this line has 1.",
                "line 3: j takes 1 operand; this line has 0.",
            ]
        );
        assert_eq!(
            parse_error(&errors[0], Lang::Ko),
            "1번째 줄: add의 피연산자는 2개(쉼표로 구분)인데 이 줄에는 1개가 있습니다."
        );
    }

    #[test]
    fn a_run_that_spins_forever_says_where() {
        use proclab_core::program::x86::{run, X86Config};
        let program = Program::parse(".top\nj .top\nhalt\n").unwrap();
        let config = X86Config {
            budget: 50,
            ..X86Config::new(1)
        };
        let ran = run(&program, &config).unwrap();
        let sentence = end(&ran.end(), &program, Lang::En);
        assert!(
            sentence.starts_with("stopped after 50 instructions: thread 0"),
            "{sentence}"
        );
        assert!(sentence.contains("(line 2)"), "{sentence}");
    }

    #[test]
    fn a_scheduled_run_out_of_budget_names_the_spinning_thread_and_what_it_reads() {
        // T1 takes the lock and halts without releasing it; T2 spins on it.
        let spec: proclab_core::ScenarioSpec = serde_json::from_str(
            r#"{"processes":[{"program":".var lock\n.main\n.acquire\nmov $1, %ax\nxchg %ax, lock\ntest $0, %ax\njne .acquire\nhalt\n","threads":[{},{}]}],"policy":{"kind":"rr","quantum":3},"machine":{"instruction_budget":40}}"#,
        )
        .unwrap();
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let sentence = run_end(&run, Lang::En);
        assert!(
            sentence.starts_with(
                "Stopped after 40 instructions (the budget) at tick 40: P1.T2 is still looping at "
            ),
            "{sentence}"
        );
        assert!(sentence.contains(", reading `lock`"), "{sentence}");
        let korean = run_end(&run, Lang::Ko);
        assert!(korean.contains("계속 반복하는 스레드: P1.T2"), "{korean}");
        let step = run.program_steps()[1];
        assert_eq!(
            instruction_text(run.scenario(), 0, step.pc),
            "xchg %ax, lock"
        );
        let program = run.scenario().processes()[0].program().unwrap();
        let accesses: Vec<String> = step
            .accesses
            .as_slice()
            .iter()
            .map(|one| access(one, program, Lang::En))
            .collect();
        assert_eq!(accesses, ["read lock=0", "write lock=1"]);
    }

    #[test]
    fn a_condition_wait_its_fault_and_its_lost_signal_in_both_languages() {
        // T1 waits on c holding m; T2 waits without m (a fault). Nobody signals: a deadlock.
        let spec: proclab_core::ScenarioSpec = serde_json::from_str(
            r#"{"processes":[{"program":".mutex m\n.cond c\n.main\ntest $0, %bx\njne .bad\nlock m\nwait c, m\nhalt\n.bad\nwait c, m\nhalt\n","threads":[{"registers":"bx=0"},{"registers":"bx=1"}]}]}"#,
        )
        .unwrap();
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let said = |step: usize, lang| outcome(&run.program_steps()[step].outcome, lang);
        let wait = run
            .program_steps()
            .iter()
            .position(|step| matches!(step.outcome, StepOutcome::Blocked(_)))
            .unwrap();
        assert_eq!(
            said(wait, Lang::En).as_deref(),
            Some("waits: releases the mutex and blocks until the condition is signalled")
        );
        assert_eq!(
            said(wait, Lang::Ko).as_deref(),
            Some("기다림: 뮤텍스를 놓고 조건 변수의 signal까지 대기")
        );
        let fault = run.program_steps().len() - 1;
        assert_eq!(
            said(fault, Lang::En).as_deref(),
            Some("fault: it waited on a condition without holding the mutex (lock m before wait c, m); the thread ends")
        );
        assert_eq!(
            run_end(&run, Lang::En),
            "Stuck at tick 7: P1.T1 waits for condition c. There is no cycle in the graph (a semaphore or a condition has no holder), but no thread is left to wake it."
        );
        assert_eq!(
            run_end(&run, Lang::Ko),
            "멈춤(시각 7): P1.T1은 조건 변수 c를 기다림. 그래프에 순환은 없지만(세마포어와 조건 변수에는 가진 스레드가 없습니다) 깨워 줄 스레드가 남아 있지 않습니다."
        );
    }
}
