//! The conventions of the instruction machine and of `x86.py`'s driver, one named test each
//! (`docs/semantics.md`, "Threads that run instructions", points here), plus the machine's
//! faults, the driver's set-up errors and the `-a` / `-P` readers.

use proclab_core::program::x86::{
    self, parse_argv, parse_schedule, ArgvError, Timing, X86Config, X86ConfigError, X86End, X86Run,
};
use proclab_core::program::{
    AccessKind, Fault, Machine, MemoryAccess, Program, Register, Registers, StepError, StepOutcome,
};

fn program(source: &str) -> Program {
    Program::parse(source).unwrap_or_else(|errors| panic!("{errors:?}"))
}

fn run(source: &str, argv: &str, threads: u32, timing: Timing) -> X86Run {
    let config = X86Config {
        registers: parse_argv(argv, threads).expect("argv"),
        timing,
        ..X86Config::new(threads)
    };
    x86::run(&program(source), &config).expect("set-up accepted")
}

fn every(every: u32) -> Timing {
    Timing::Interrupt { every }
}

fn schedule(text: &str) -> Timing {
    Timing::Schedule(parse_schedule(text).expect("digits"))
}

/// The (thread, pc) of each step.
fn trace(run: &X86Run) -> Vec<(u32, u32)> {
    run.steps()
        .iter()
        .map(|step| (step.thread, step.pc))
        .collect()
}

/// Four nops then halt: each thread runs 1000..=1004.
const FIVE: &str = "nop\nnop\nnop\nnop\nhalt\n";

#[test]
fn the_timer_switches_after_every_n_instructions_of_the_running_thread() {
    let run = run(FIVE, "", 2, every(2));
    assert_eq!(
        trace(&run),
        vec![
            (0, 1000),
            (0, 1001),
            (1, 1000),
            (1, 1001),
            (0, 1002),
            (0, 1003),
            (1, 1002),
            (1, 1003),
            (0, 1004),
            (1, 1004),
        ]
    );
    assert_eq!(run.end(), X86End::AllHalted);
}

#[test]
fn halt_passes_the_cpu_at_once_without_restarting_the_countdown() {
    // Thread 0 (bx = 0) halts with its third instruction.
    let source = "test $0, %bx\nje .stop\nnop\nnop\n.stop\nhalt\n";
    // A quantum of 4: thread 1 gets only the 1 instruction left of the countdown.
    let run_of_4 = run(source, "bx=0,bx=1,bx=1", 3, every(4));
    assert_eq!(
        &trace(&run_of_4)[..6],
        &[
            (0, 1000),
            (0, 1001),
            (0, 1004),
            (1, 1000),
            (2, 1000),
            (2, 1001)
        ]
    );
    // A quantum of 3 expires on the halt itself: the thread after it is skipped.
    let run_of_3 = run(source, "bx=0,bx=1,bx=1", 3, every(3));
    assert_eq!(
        &trace(&run_of_3)[..6],
        &[
            (0, 1000),
            (0, 1001),
            (0, 1004),
            (2, 1000),
            (2, 1001),
            (2, 1002)
        ]
    );
}

#[test]
fn a_schedule_runs_one_instruction_per_entry_and_a_halt_consumes_two() {
    // Thread 0's halt moves the CPU to entry 1 (thread 1) and the expired countdown at once to
    // entry 2: thread 2 runs before thread 1 although the schedule says 0, 1, 2.
    let halting = run("nop\nhalt\n", "", 3, schedule("012"));
    assert_eq!(
        trace(&halting),
        vec![
            (0, 1000),
            (1, 1000),
            (2, 1000),
            (0, 1001),
            (2, 1001),
            (1, 1001)
        ]
    );
    let alternating = run("nop\nnop\nhalt\n", "", 2, schedule("01"));
    assert_eq!(
        trace(&alternating),
        vec![
            (0, 1000),
            (1, 1000),
            (0, 1001),
            (1, 1001),
            (0, 1002),
            (1, 1002)
        ]
    );
}

#[test]
fn each_thread_starts_with_its_own_registers_and_stack_bottom() {
    let run = run("push %ax\nhalt\n", "ax=7:cx=-2,ax=8,", 3, every(1));
    let machine = run.machine();
    let sp: Vec<i64> = (0..3)
        .map(|thread| {
            machine
                .thread(thread)
                .unwrap()
                .registers()
                .get(Register::Sp)
        })
        .collect();
    assert_eq!(sp, vec![127996, 126996, 125996]);
    assert_eq!(x86::stack_bottom(128, 2), 126000);
    assert_eq!(machine.memory().read(127996), 7);
    assert_eq!(machine.memory().read(126996), 8);
    assert_eq!(machine.memory().read(125996), 0);
    assert_eq!(machine.thread(0).unwrap().registers().get(Register::Cx), -2);
    assert_eq!(machine.thread(2).unwrap().registers().get(Register::Cx), 0);
    // One `-a` entry applies to every thread.
    let one = parse_argv("bx=3", 2).unwrap();
    assert_eq!(one, vec![vec![(Register::Bx, 3)], vec![(Register::Bx, 3)]]);
}

#[test]
fn variables_are_4_bytes_apart_from_100_and_code_is_one_address_per_instruction_from_1000() {
    let program = program(".var a\n.var b 3\n.var c\n.main\nmov $1, c\nmov $2, 4(%fx)\nhalt\n");
    let layout: Vec<(&str, u32, u32)> = program
        .variables()
        .iter()
        .map(|variable| (variable.name.as_str(), variable.address, variable.words))
        .collect();
    assert_eq!(layout, vec![("a", 100, 1), ("b", 104, 3), ("c", 116, 1)]);
    assert_eq!(program.load_address(), 1000);
    assert_eq!(program.end_address(), 1003);
    assert_eq!(
        program.variable_at(112).map(|(v, i)| (v.name.as_str(), i)),
        Some(("b", 2))
    );
    let moved = Program::parse_at("halt", 2000).unwrap();
    assert_eq!(moved.load_address(), 2000);
}

#[test]
fn yield_switches_at_once_and_restarts_the_countdown() {
    let run = run("yield\nnop\nnop\nnop\nhalt\n", "", 2, every(3));
    assert_eq!(
        &trace(&run)[..6],
        &[
            (0, 1000),
            (1, 1000),
            (0, 1001),
            (0, 1002),
            (0, 1003),
            (1, 1001)
        ]
    );
    assert_eq!(run.steps()[0].outcome, StepOutcome::Yielded);
}

#[test]
fn a_run_that_never_halts_ends_at_its_budget() {
    let config = X86Config {
        budget: 1000,
        timing: every(7),
        ..X86Config::new(2)
    };
    let run = x86::run(&program(".spin\nj .spin\n"), &config).unwrap();
    assert_eq!(run.instructions(), 1000);
    // 1000 = 142 quanta of 7 + 6: thread 0 ran the 143rd quantum's first 6.
    assert_eq!(
        run.end(),
        X86End::BudgetExhausted {
            instructions: 1000,
            thread: 0,
            pc: 1000
        }
    );
}

#[test]
fn test_compares_the_second_operand_with_the_first() {
    // `test $0, %bx` then `jgt` jumps when bx > 0.
    let source = "test $0, %bx\njgt .positive\nmov $-1, %ax\nhalt\n.positive\nmov $1, %ax\nhalt\n";
    for (bx, ax) in [(5, 1), (0, -1), (-5, -1)] {
        let run = run(source, &format!("bx={bx}"), 1, every(50));
        let last = run.steps().last().unwrap();
        assert_eq!(last.registers.get(Register::Ax), ax, "bx = {bx}");
    }
    // Before any test every condition is false: only `j` jumps.
    let run = run(
        "jne .a\nje .a\njlt .a\njgte .a\nhalt\n.a\nhalt\n",
        "",
        1,
        every(50),
    );
    assert_eq!(run.steps().last().unwrap().pc, 1004);
}

#[test]
fn push_of_a_memory_operand_pushes_its_address() {
    let run = run(
        ".var x\nmov $9, x\npush x\npop %ax\nhalt\n",
        "",
        1,
        every(50),
    );
    assert_eq!(run.steps()[2].registers.get(Register::Ax), 100);
}

#[test]
fn call_pushes_the_address_of_the_next_instruction() {
    let run = run("call .f\nhalt\n.f\nmov (%sp), %ax\nret\n", "", 1, every(50));
    assert_eq!(
        trace(&run),
        vec![(0, 1000), (0, 1002), (0, 1003), (0, 1001)]
    );
    assert_eq!(run.steps()[1].registers.get(Register::Ax), 1001);
}

#[test]
fn xchg_and_fetchadd_are_one_step_that_reads_then_writes() {
    let run = run(
        ".var lock\n.var ticket\nmov $1, %ax\nxchg %ax, lock\nmov $5, %bx\nfetchadd %bx, ticket\nhalt\n",
        "",
        1,
        every(50),
    );
    let read_write = |address, before, after| {
        vec![
            MemoryAccess {
                kind: AccessKind::Read,
                address,
                value: before,
            },
            MemoryAccess {
                kind: AccessKind::Write,
                address,
                value: after,
            },
        ]
    };
    assert_eq!(
        run.steps()[1].accesses.as_slice(),
        read_write(100, 0, 1).as_slice()
    );
    assert_eq!(
        run.steps()[3].accesses.as_slice(),
        read_write(104, 0, 5).as_slice()
    );
    assert_eq!(run.steps()[3].registers.get(Register::Bx), 0);
}

#[test]
fn a_load_says_which_word_it_read() {
    let run = run(
        ".var counter\nmov $5, counter\nmov counter, %ax\nhalt\n",
        "",
        1,
        every(50),
    );
    let access = run.steps()[1].accesses.as_slice()[0];
    let memories: Vec<_> = run.memories().collect();
    assert_eq!(memories.len(), 3);
    assert_eq!(memories[0].read(100), 5);
    assert_eq!(memories[2], run.memory_after(3));
    assert_eq!(run.memory_after(0).nonzero().count(), 0);
    assert_eq!(
        access,
        MemoryAccess {
            kind: AccessKind::Read,
            address: 100,
            value: 5
        }
    );
    let program = run.machine().program();
    assert_eq!(
        program.variable_at(access.address).unwrap().0.name,
        "counter"
    );
}

#[test]
fn arithmetic_overflow_is_a_fault_not_a_wrap() {
    let run = run(
        "mov $9223372036854775807, %ax\nadd $1, %ax\nhalt\n",
        "",
        1,
        every(50),
    );
    assert_eq!(
        run.end(),
        X86End::Fault {
            thread: 0,
            pc: 1001,
            fault: Fault::Overflow
        }
    );
    assert_eq!(run.instructions(), 1);
}

#[test]
fn faults_change_nothing_and_name_the_instruction() {
    let cases: Vec<(&str, u32, Fault)> = vec![
        ("nop\n", 1001, Fault::PcOutsideProgram),
        ("ret\n", 1000, Fault::ReturnOutsideProgram { target: 0 }),
        (
            "mov 131072, %ax\nhalt\n",
            1000,
            Fault::AddressOutOfRange { address: 131072 },
        ),
        (
            "mov $1, -4(%bx)\nhalt\n",
            1000,
            Fault::AddressOutOfRange { address: -4 },
        ),
        (
            "mov 1001, %ax\nhalt\n",
            1000,
            Fault::CodeAddress { address: 1001 },
        ),
        (
            "mov $-9223372036854775807, %ax\nsub $2, %ax\nhalt\n",
            1001,
            Fault::Overflow,
        ),
        (
            "mov $-9223372036854775807, %ax\nsub $1, %ax\nneg %ax\nhalt\n",
            1002,
            Fault::Overflow,
        ),
    ];
    for (source, pc, fault) in cases {
        let mut machine = Machine::new(program(source), 131072).unwrap();
        let mut registers = Registers::default();
        registers.set(Register::Sp, 128000);
        let thread = machine.add_thread(registers);
        let step = loop {
            let step = machine.step(thread).unwrap();
            if let StepOutcome::Fault(_) = step.outcome {
                break step;
            }
        };
        assert_eq!(
            (step.pc, step.outcome),
            (pc, StepOutcome::Fault(fault)),
            "{source}"
        );
        assert!(step.accesses.as_slice().is_empty());
        let before = machine.clone();
        assert_eq!(
            machine.step(thread).unwrap(),
            step,
            "{source}: a fault repeats"
        );
        assert_eq!(machine, before, "{source}: a fault changes nothing");
    }
}

#[test]
fn stepping_a_halted_or_missing_thread_is_a_caller_error() {
    let mut machine = Machine::new(program("halt\n"), 131072).unwrap();
    assert_eq!(machine.step(0), Err(StepError::NoSuchThread));
    let thread = machine.add_thread(Registers::default());
    assert_eq!(machine.step(thread).unwrap().outcome, StepOutcome::Halted);
    assert!(machine.thread(thread).unwrap().halted());
    assert_eq!(machine.step(thread), Err(StepError::ThreadHalted));
}

#[test]
fn set_ups_that_cannot_run_are_reported() {
    let halt = program("halt\n");
    let base = X86Config::new(2);
    let with = |change: &dyn Fn(&mut X86Config)| {
        let mut config = base.clone();
        change(&mut config);
        x86::run(&halt, &config).map(|_| ())
    };
    assert_eq!(
        with(&|c| c.registers.clear()),
        Err(X86ConfigError::NoThreads)
    );
    assert_eq!(
        with(&|c| c.registers = vec![Vec::new(); 65]),
        Err(X86ConfigError::TooManyThreads { count: 65 })
    );
    assert_eq!(
        with(&|c| c.timing = every(0)),
        Err(X86ConfigError::InterruptZero)
    );
    assert_eq!(
        with(&|c| c.timing = Timing::Schedule(Vec::new())),
        Err(X86ConfigError::ScheduleEmpty)
    );
    assert_eq!(
        with(&|c| c.timing = schedule("012")),
        Err(X86ConfigError::ScheduleThreadOutOfRange { position: 2 })
    );
    assert_eq!(
        with(&|c| c.timing = schedule("000")),
        Err(X86ConfigError::ScheduleMissesThread { thread: 1 })
    );
    assert_eq!(
        with(&|c| c.registers[1] = vec![(Register::Sp, 5)]),
        Err(X86ConfigError::StackPointerSet { thread: 1 })
    );
    assert_eq!(
        with(&|c| c.memory_kb = 0),
        Err(X86ConfigError::MemoryOutOfRange)
    );
    assert_eq!(
        with(&|c| c.memory_kb = 1),
        Err(X86ConfigError::StackOutsideMemory { thread: 1 })
    );
    let mut config = X86Config::new(1);
    config.memory_kb = 1;
    // Thread 0's stack bottom, 1000, is the last instruction's address + 1: its first push
    // would land on the code.
    let on_code = Program::parse_at("nop\nhalt\n", 999).unwrap();
    assert_eq!(
        x86::run(&on_code, &config).map(|_| ()),
        Err(X86ConfigError::StackOnCode { thread: 0 })
    );
    let high = Program::parse_at("halt\n", 131_072).unwrap();
    config.memory_kb = 128;
    assert_eq!(
        x86::run(&high, &config).map(|_| ()),
        Err(X86ConfigError::CodeOutsideMemory)
    );
    // Stacks may lie below the code (threads 2 to 15 here), as with x86.py -L 14000 -m 16.
    config.memory_kb = 16;
    config.registers = vec![Vec::new(); 16];
    let above = Program::parse_at("halt\n", 14_000).unwrap();
    assert_eq!(x86::run(&above, &config).map(|_| ()), Ok(()));
    assert_eq!(with(&|_| ()), Ok(()));
}

#[test]
fn argv_and_schedule_texts_are_read_like_x86_py() {
    assert_eq!(
        parse_argv("bx=3:cx=1,bx=-2", 2),
        Ok(vec![
            vec![(Register::Bx, 3), (Register::Cx, 1)],
            vec![(Register::Bx, -2)]
        ])
    );
    assert_eq!(parse_argv("", 3), Ok(vec![Vec::new(); 3]));
    assert_eq!(
        parse_argv("bx=1,bx=2", 3),
        Err(ArgvError::CountMismatch {
            given: 2,
            threads: 3
        })
    );
    assert_eq!(
        parse_argv("bx=1,bx", 2),
        Err(ArgvError::NotAssignment { entry: 1 })
    );
    assert_eq!(
        parse_argv("qx=1", 1),
        Err(ArgvError::UnknownRegister { entry: 0 })
    );
    assert_eq!(
        parse_argv("sp=1", 1),
        Err(ArgvError::UnknownRegister { entry: 0 })
    );
    assert_eq!(
        parse_argv("ax=1,ax=z", 2),
        Err(ArgvError::BadValue { entry: 1 })
    );
    // A whole number too large for a register is said to be that, not "not a whole number".
    assert_eq!(
        parse_argv("bx=99999999999999999999", 1),
        Err(ArgvError::ValueTooLarge { entry: 0 })
    );
    assert_eq!(
        parse_argv("bx=-9223372036854775808", 1).map(|parsed| parsed[0][0].1),
        Ok(i64::MIN)
    );
    assert_eq!(parse_schedule("0110"), Ok(vec![0, 1, 1, 0]));
    assert_eq!(parse_schedule("01x"), Err(2));
}

#[test]
fn the_same_set_up_gives_the_same_run() {
    let source = include_str!("data/x86/counter-ticket.s");
    let first = run(source, "bx=3,bx=2,bx=4", 3, every(3));
    let second = run(source, "bx=3,bx=2,bx=4", 3, every(3));
    assert_eq!(first, second);
}
