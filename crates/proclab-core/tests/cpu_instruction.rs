//! `cpu $n`: a burst of `n` ticks written as one instruction, so a program can be read as CPU
//! bursts with operations (`lock`, `signal`, `send`, `io $n`, ...) between them. One named test
//! per rule of `docs/semantics.md` ("Bursts between operations").

mod common;

use common::programs::{program_errors, program_process};
use proclab_core::program::x86::{self, X86Config};
use proclab_core::program::{ParseErrorKind, Program, RunEnd, MAX_CPU_TICKS};
use proclab_core::{
    simulate, BurstSpec, PolicySpec, ProcessSpec, ProcessState, Run, Scenario, ScenarioSpec,
};

/// Each executed instruction as (thread, tick), in order.
fn who_ran_when(run: &Run) -> Vec<(u32, u64)> {
    run.program_steps()
        .iter()
        .map(|step| (step.thread, step.tick))
        .collect()
}

fn run_spec(spec: &ScenarioSpec) -> Run {
    simulate(&Scenario::new(spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

fn run(processes: Vec<ProcessSpec>, policy: PolicySpec) -> Run {
    run_spec(&ScenarioSpec {
        processes,
        policy,
        ..ScenarioSpec::default()
    })
}

/// The tick of each executed instruction.
fn ticks(run: &Run) -> Vec<u64> {
    run.program_steps().iter().map(|step| step.tick).collect()
}

#[test]
fn cpu_computes_for_its_ticks_as_one_instruction() {
    let program = "cpu $3\nmov $1, %ax\nhalt\n";
    let alone = run(vec![program_process(program, &[""])], PolicySpec::Fcfs);
    assert_eq!(alone.end(), RunEnd::Finished);
    // The `cpu $3` executes at tick 0; ticks 1 and 2 execute nothing; then the `mov` and `halt`.
    assert_eq!(ticks(&alone), [0, 3, 4]);
    assert_eq!(alone.program_steps().len(), 3, "three instructions");
    let thread = &alone.metrics().threads[0];
    assert_eq!((thread.cpu, thread.completion), (5, 5));
    assert_eq!(
        thread.kernel_entries, 0,
        "computing never enters the kernel"
    );
    // `cpu $1` is one tick, like any instruction.
    let one = run(
        vec![program_process("cpu $1\nhalt\n", &[""])],
        PolicySpec::Fcfs,
    );
    assert_eq!(ticks(&one), [0, 1]);
}

#[test]
fn each_tick_of_a_cpu_instruction_counts_against_the_instruction_budget() {
    let mut spec = ScenarioSpec {
        processes: vec![program_process(".top\ncpu $5\nj .top\n", &[""])],
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    spec.machine.instruction_budget = 3;
    let stopped = run_spec(&spec);
    // `cpu $5` at tick 0 counts 1, its ticks 1 and 2 count 2 and 3: the run stops at 3.
    assert_eq!(ticks(&stopped), [0]);
    assert_eq!(
        stopped.end(),
        RunEnd::BudgetExhausted {
            instructions: 3,
            tick: 3
        }
    );
    // cpu (0, computes to 5: 5), j (5: 6), cpu (6: 7).
    spec.machine.instruction_budget = 7;
    let stopped = run_spec(&spec);
    assert_eq!(ticks(&stopped), [0, 5, 6]);
    assert_eq!(
        stopped.end(),
        RunEnd::BudgetExhausted {
            instructions: 7,
            tick: 7
        }
    );
    // A loop of `cpu $n` ends within the budget in ticks, whatever `n`.
    spec.processes = vec![program_process(".top\ncpu $1000000\nj .top\n", &[""])];
    spec.machine.instruction_budget = 1_000;
    assert_eq!(
        run_spec(&spec).end(),
        RunEnd::BudgetExhausted {
            instructions: 1_000,
            tick: 1_000
        }
    );
}

#[test]
fn preemption_mid_cpu_keeps_what_is_left_for_the_next_dispatch() {
    // Two processes, each `cpu $5` then `halt`, round robin with a quantum of 2.
    let program = "cpu $5\nhalt\n";
    let both = run(
        vec![
            program_process(program, &[""]),
            program_process(program, &[""]),
        ],
        PolicySpec::Rr { quantum: 2 },
    );
    assert_eq!(both.end(), RunEnd::Finished);
    // P1: cpu at 0, computes 1, 4, 5, 8; halt at 9. P2: cpu at 2, computes 3, 6, 7, 10; halt 11.
    let steps = who_ran_when(&both);
    assert_eq!(steps, [(0, 0), (1, 2), (0, 9), (1, 11)]);
    let completions: Vec<u64> = both
        .metrics()
        .threads
        .iter()
        .map(|thread| thread.completion)
        .collect();
    assert_eq!(completions, [10, 12]);
    assert!(both.metrics().threads.iter().all(|thread| thread.cpu == 6));
}

/// The same workload as programs of `cpu $n` and `io $n` and as bursts: `cpu $a`, `io $k`,
/// `cpu $b`, `halt` is CPU a + 1 (the `io` executes on the CPU), I/O k, CPU b + 1 (the `halt`).
#[test]
fn cpu_and_io_instructions_run_exactly_like_the_bursts_they_spell() {
    let shapes: [(u64, u64, u64); 3] = [(3, 4, 2), (1, 2, 5), (6, 1, 1)];
    let programs: Vec<ProcessSpec> = shapes
        .iter()
        .map(|(a, k, b)| program_process(&format!("cpu ${a}\nio ${k}\ncpu ${b}\nhalt\n"), &[""]))
        .collect();
    let bursts: Vec<ProcessSpec> = shapes
        .iter()
        .map(|(a, k, b)| ProcessSpec {
            bursts: vec![
                BurstSpec::Cpu(a + 1),
                BurstSpec::Io(*k),
                BurstSpec::Cpu(b + 1),
            ],
            ..ProcessSpec::default()
        })
        .collect();
    for policy in [
        PolicySpec::Fcfs,
        PolicySpec::Rr { quantum: 1 },
        PolicySpec::Rr { quantum: 2 },
        PolicySpec::Rr { quantum: 3 },
    ] {
        let as_program = run(programs.clone(), policy.clone());
        let as_bursts = run(bursts.clone(), policy.clone());
        assert_eq!(as_program.end(), RunEnd::Finished, "{policy:?}");
        assert_eq!(as_program.gantt(), as_bursts.gantt(), "{policy:?}");
        assert_eq!(as_program.end_tick(), as_bursts.end_tick(), "{policy:?}");
        for (program, burst) in as_program
            .metrics()
            .threads
            .iter()
            .zip(&as_bursts.metrics().threads)
        {
            assert_eq!(
                (program.completion, program.waiting, program.cpu, program.io),
                (burst.completion, burst.waiting, burst.cpu, burst.io),
                "{policy:?}"
            );
        }
    }
}

#[test]
fn the_machine_at_a_tick_mid_cpu_shows_the_ticks_left() {
    let program = "cpu $4\nhalt\n";
    let alone = run(vec![program_process(program, &[""])], PolicySpec::Fcfs);
    let context = |tick: u64| {
        let state = alone.state_at(tick);
        let thread = &state.threads[0];
        let program = thread.program.clone().expect("a program thread");
        (thread.state, program.pc, program.computing)
    };
    // The `cpu $4` executed at instant 1 (the pc is past it); 3 ticks left, then 2, 1, 0.
    assert_eq!(context(1), (ProcessState::Running, 1001, 3));
    assert_eq!(context(2), (ProcessState::Running, 1001, 2));
    assert_eq!(context(3), (ProcessState::Running, 1001, 1));
    assert_eq!(context(4), (ProcessState::Running, 1001, 0));
    assert_eq!(context(0).2, 0, "nothing before the instruction executes");
}

#[test]
fn a_lock_between_bursts_blocks_the_second_thread_until_the_unlock() {
    // Two threads of one process: 2 ticks, lock, 3 ticks holding it, unlock, 1 tick.
    let program = ".mutex m\n.main\ncpu $2\nlock m\ncpu $3\nunlock m\ncpu $1\nhalt\n";
    let both = run(
        vec![program_process(program, &["", ""])],
        PolicySpec::Rr { quantum: 2 },
    );
    assert_eq!(both.end(), RunEnd::Finished);
    // T1: cpu 0-1, T2: cpu 2-3, T1: lock 4 (takes m), cpu 5, T2: lock at 6 blocks (m held),
    // T1: computes 7-8 holding m, unlock at 9 hands m to T2 (Ready at 10).
    let steps = who_ran_when(&both);
    assert_eq!(
        &steps[..6],
        [(0, 0), (1, 2), (0, 4), (0, 5), (1, 6), (0, 9)],
        "T1's cpu $3 goes on at 7 and 8 after T2 blocked"
    );
    let t2 = both.state_at(7);
    assert_eq!(t2.threads[1].state, ProcessState::Blocked);
    let waiting = t2.threads[1].program.as_ref().unwrap().waiting_for.clone();
    assert_eq!(waiting.map(|(name, _)| name), Some("m".to_owned()));
    let blocked: Vec<u64> = both
        .metrics()
        .threads
        .iter()
        .map(|thread| thread.blocked)
        .collect();
    assert_eq!(
        blocked,
        [0, 3],
        "T2 waits from the end of tick 6 to the unlock's end, 10"
    );
}

#[test]
fn schedulers_estimate_a_cpu_instruction_by_its_ticks() {
    // Under SJF the estimate of `cpu $8` + `halt` is 9 ticks, more than 5 plain instructions.
    let long = program_process("cpu $8\nhalt\n", &[""]);
    let short = program_process("nop\nnop\nnop\nnop\nhalt\n", &[""]);
    let sjf = run(vec![long, short], PolicySpec::Sjf { prediction: None });
    let first = sjf.program_steps()[0].thread;
    assert_eq!(first, 1, "the five short instructions run first");
    assert_eq!(sjf.state_at(0).threads[0].next_cpu_burst, 9);
}

#[test]
fn cpu_ticks_out_of_range_are_reported_on_their_line() {
    assert!(Program::parse(&format!("cpu ${MAX_CPU_TICKS}\nhalt\n")).is_ok());
    for bad in ["cpu $0", "cpu $-1", &format!("cpu ${}", MAX_CPU_TICKS + 1)] {
        assert_eq!(
            program_errors(&format!("nop\n{bad}\nhalt\n")),
            [(2, ParseErrorKind::CpuTicksOutOfRange)],
            "{bad}"
        );
    }
    let register = program_errors("cpu %ax\nhalt\n");
    assert_eq!(register.len(), 1);
    assert_eq!(register[0].0, 1);
    assert_ne!(register[0].1, ParseErrorKind::CpuTicksOutOfRange);
}

#[test]
fn the_x86_py_driver_counts_a_cpu_instruction_as_one() {
    let program = Program::parse("cpu $7\nmov $1, %ax\nhalt\n").unwrap();
    let run = x86::run(&program, &X86Config::new(1)).unwrap();
    assert_eq!(run.instructions(), 3);
}
