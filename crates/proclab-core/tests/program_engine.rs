//! Threads that run programs, driven by the scheduling engine: what the course teaches with them
//! (threads share an address space, processes do not; an unlocked counter loses updates on two
//! CPUs) and the engine's rules for them (one instruction per tick, halt and faults end a
//! thread, `yield` ends a slice, the instruction budget, explicit schedules, the timer across an
//! exit, switch costs and policies), plus the validation of programs, registers and schedules.

use proclab_core::program::{
    AccessKind, Fault, Memory, ParseError, ParseErrorKind, RunEnd, StepOutcome,
};
use proclab_core::{
    simulate, BurstSpec, Cause, MachineSpec, PolicySpec, ProcessSpec, ProcessState, Run, Scenario,
    ScenarioError, ScenarioSpec, ScheduleSpec, SliceKind, ThreadRef, ThreadSpec,
};

mod common;
use common::programs::program_process;

const RACE: &str = include_str!("data/x86/counter-race.s");
const SWAP_LOCK: &str = include_str!("data/x86/counter-swap-lock.s");

/// Counts `%bx` down to 0 without touching memory; a thread with `%bx` = 0 runs
/// `test`, `je`, `halt` (3 instructions).
const COUNTDOWN: &str = "\
.main
test $0, %bx
je .done
.again
sub $1, %bx
test $0, %bx
jgt .again
.done
halt
";

fn scenario(processes: Vec<ProcessSpec>, policy: PolicySpec) -> ScenarioSpec {
    ScenarioSpec {
        processes,
        policy,
        ..ScenarioSpec::default()
    }
}

fn run(spec: &ScenarioSpec) -> Run {
    simulate(&Scenario::new(spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

fn errors(spec: &ScenarioSpec) -> Vec<ScenarioError> {
    match Scenario::new(spec) {
        Ok(_) => panic!("accepted"),
        Err(errors) => errors,
    }
}

/// The thread (index in `Scenario::threads`) of every executed instruction.
fn threads_of(run: &Run) -> Vec<u32> {
    run.program_steps().iter().map(|step| step.thread).collect()
}

/// The value of variable `name` of process `pid` at the end of the run.
fn final_word(run: &Run, pid: u32, name: &str) -> i64 {
    let state = run.state_at(run.end_tick());
    let memory = state
        .memories
        .iter()
        .find(|memory| memory.pid == pid)
        .unwrap_or_else(|| panic!("process {pid} has an address space"));
    memory
        .words
        .iter()
        .find(|(word, _, _)| word == name)
        .unwrap_or_else(|| panic!("process {pid} has {name}"))
        .2
}

fn thread_ref(pid: u32, tid: u32) -> ThreadRef {
    ThreadRef { pid, tid }
}

// ---------------------------------------------------------------------------------------------
// Processes and threads: who shares memory

#[test]
fn threads_of_one_process_share_its_variables() {
    // FCFS on one CPU: thread 0 runs to its halt, then thread 1; no interleaving, no loss.
    let spec = scenario(
        vec![program_process(RACE, &["bx=3", "bx=4"])],
        PolicySpec::Fcfs,
    );
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    let threads = threads_of(&run);
    let switch = threads
        .iter()
        .position(|&thread| thread == 1)
        .expect("T2 ran");
    assert!(threads[..switch].iter().all(|&thread| thread == 0));
    assert!(threads[switch..].iter().all(|&thread| thread == 1));
    // Both threads added to the one counter of their process.
    assert_eq!(final_word(&run, 0, "counter"), 7);
    assert_eq!(run.state_at(run.end_tick()).memories.len(), 1);
}

#[test]
fn two_processes_running_one_program_each_have_their_own_variables() {
    // The same program and the same addresses, but two address spaces: even with an
    // instruction-by-instruction interleaving nothing is lost, because nothing is shared.
    let spec = scenario(
        vec![
            program_process(RACE, &["bx=3"]),
            program_process(RACE, &["bx=4"]),
        ],
        PolicySpec::Rr { quantum: 1 },
    );
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    let threads = threads_of(&run);
    assert_eq!(&threads[..4], &[0, 1, 0, 1], "they interleave");
    let state = run.state_at(run.end_tick());
    let pids: Vec<u32> = state.memories.iter().map(|memory| memory.pid).collect();
    assert_eq!(pids, vec![0, 1]);
    assert_eq!(state.memories[0].words[0].1, state.memories[1].words[0].1);
    assert_eq!(final_word(&run, 0, "counter"), 3);
    assert_eq!(final_word(&run, 1, "counter"), 4);
}

// ---------------------------------------------------------------------------------------------
// Two CPUs really race

#[test]
fn two_cpus_running_the_unlocked_counter_lose_updates_exactly_as_the_steps_say() {
    let mut spec = scenario(
        vec![program_process(RACE, &["bx=5", "bx=5"])],
        PolicySpec::Fcfs,
    );
    spec.machine.cpus = 2;
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    let steps = run.program_steps();
    // Both threads run at once, one per CPU; within a tick CPU 0 executes first.
    for pair in steps.windows(2) {
        assert!(
            (pair[0].tick, pair[0].cpu) < (pair[1].tick, pair[1].cpu),
            "{pair:?}"
        );
    }
    assert!(steps.iter().any(|step| step.cpu == 1));
    assert_eq!(steps[0].tick, steps[1].tick);
    let counter = final_word(&run, 0, "counter");
    // In lockstep both threads load the same value every time: half the updates are lost.
    assert_eq!(counter, 5);
    // A naive replay: fold every step's accesses over a zeroed memory.
    let mut memory = Memory::new(128 * 1024);
    for step in steps {
        for access in step.accesses.as_slice() {
            memory.apply(access);
        }
    }
    let state = run.state_at(run.end_tick());
    for (name, address, value) in &state.memories[0].words {
        assert_eq!(memory.read(*address), *value, "{name}");
    }
    // And the counter is the value of the last store into it.
    let last_store = steps
        .iter()
        .flat_map(|step| step.accesses.as_slice())
        .rfind(|access| access.kind == AccessKind::Write)
        .expect("a store");
    assert_eq!(last_store.value, counter);
}

// ---------------------------------------------------------------------------------------------
// The instruction budget and faults

#[test]
fn a_spin_lock_never_released_ends_at_the_instruction_budget() {
    // The first thread takes the lock and halts holding it; the second spins for ever.
    let program = "\
.var lock
.main
.spin
mov $1, %ax
xchg %ax, lock
test $0, %ax
jne .spin
halt
";
    let mut spec = scenario(
        vec![program_process(program, &["", ""])],
        PolicySpec::Rr { quantum: 3 },
    );
    spec.machine.instruction_budget = 1000;
    let run = run(&spec);
    assert_eq!(
        run.end(),
        RunEnd::BudgetExhausted {
            instructions: 1000,
            tick: 1000
        }
    );
    assert_eq!(run.program_steps().len(), 1000);
    assert_eq!(run.end_tick(), 1000);
    let state = run.state_at(run.end_tick());
    assert_eq!(state.threads[0].state, ProcessState::Exit);
    assert_ne!(state.threads[1].state, ProcessState::Exit);
    assert_eq!(final_word(&run, 0, "lock"), 1);

    // On two CPUs both execute their instruction of the last tick: at most one more.
    spec.machine.cpus = 2;
    spec.machine.instruction_budget = 999;
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    match run.end() {
        RunEnd::BudgetExhausted { instructions, .. } => {
            assert!((999..=1000).contains(&instructions), "{instructions}");
            assert_eq!(run.program_steps().len() as u64, instructions);
        }
        end => panic!("{end:?}"),
    }
}

#[test]
fn a_fault_ends_only_the_thread_that_faults() {
    for (fault, expected) in [
        (
            "mov 999999999, %ax",
            Fault::AddressOutOfRange {
                address: 999_999_999,
            },
        ),
        ("ret", Fault::ReturnOutsideProgram { target: 0 }),
    ] {
        // The thread with %bx = 1 faults; the other adds 1 to the counter.
        let program = format!(
            "\
.var counter
.main
test $0, %bx
je .work
{fault}
.work
mov counter, %ax
add $1, %ax
mov %ax, counter
halt
"
        );
        let spec = scenario(
            vec![program_process(&program, &["bx=1", "bx=0"])],
            PolicySpec::Rr { quantum: 5 },
        );
        let run = run(&spec);
        assert_eq!(run.end(), RunEnd::Finished, "{fault}");
        let faulted = run
            .program_steps()
            .iter()
            .find(|step| matches!(step.outcome, StepOutcome::Fault(_)))
            .expect("a fault");
        assert_eq!(faulted.thread, 0);
        assert_eq!(faulted.outcome, StepOutcome::Fault(expected), "{fault}");
        assert!(
            faulted.accesses.as_slice().is_empty(),
            "a fault changes nothing"
        );
        // The thread exits at the end of the faulting tick; the other one goes on and halts.
        let exit = run
            .events()
            .iter()
            .find(|event| event.thread == thread_ref(0, 0) && event.to == ProcessState::Exit)
            .expect("the faulting thread exits");
        assert_eq!(exit.tick, faulted.tick + 1);
        assert_eq!(exit.cause, Cause::Exited);
        let context = run.state_at(exit.tick).threads[0]
            .program
            .clone()
            .expect("a program thread");
        assert!(context.halted);
        assert!(run
            .program_steps()
            .iter()
            .any(|step| step.thread == 1 && step.outcome == StepOutcome::Halted));
        assert_eq!(final_word(&run, 0, "counter"), 1, "{fault}");
    }
}

// ---------------------------------------------------------------------------------------------
// Yield and the timer

#[test]
fn yield_ends_the_slice_and_the_thread_goes_ready() {
    let program = "\
.main
mov $1, %ax
yield
mov $2, %ax
halt
";
    let spec = scenario(
        vec![program_process(program, &["", ""])],
        PolicySpec::Rr { quantum: 10 },
    );
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    // With a quantum of 10, only the yields switch threads.
    assert_eq!(threads_of(&run), vec![0, 0, 1, 1, 0, 0, 1, 1]);
    let yielded = run.program_steps()[1];
    assert_eq!(yielded.outcome, StepOutcome::Yielded);
    let back = run
        .events()
        .iter()
        .find(|event| event.thread == thread_ref(0, 0) && event.from == ProcessState::Running)
        .expect("T1 leaves the CPU");
    assert_eq!(back.tick, yielded.tick + 1);
    assert_eq!(back.to, ProcessState::Ready);
    assert_eq!(back.cause, Cause::QuantumExpired);
    assert_eq!(
        run.state_at(back.tick).threads[0].state,
        ProcessState::Ready
    );
}

/// Three threads of [`COUNTDOWN`] under round robin with `quantum`: thread 0 halts after 3
/// instructions, threads 1 and 2 count from 5.
fn halt_then_two_counters(quantum: u64, timer_continues_after_exit: bool) -> Run {
    let mut spec = scenario(
        vec![program_process(COUNTDOWN, &["bx=0", "bx=5", "bx=5"])],
        PolicySpec::Rr { quantum },
    );
    spec.conventions.timer_continues_after_exit = timer_continues_after_exit;
    run(&spec)
}

#[test]
fn every_dispatch_gets_a_fresh_quantum_unless_the_timer_continues_after_exit() {
    // Quantum 2: thread 0 runs 2, then threads 1 and 2 run 2 each, then thread 0 halts after
    // 1 tick of its quantum.
    let fresh = halt_then_two_counters(2, false);
    assert_eq!(&threads_of(&fresh)[..10], &[0, 0, 1, 1, 2, 2, 0, 1, 1, 2]);
    let halt_tick = fresh.program_steps()[6].tick;
    assert_eq!(fresh.program_steps()[6].outcome, StepOutcome::Halted);
    assert_eq!(
        fresh.state_at(halt_tick + 1).threads[1].quantum_left,
        Some(2)
    );
    // x86.py's rule: thread 1 only gets the tick thread 0 left.
    let continued = halt_then_two_counters(2, true);
    assert_eq!(
        &threads_of(&continued)[..10],
        &[0, 0, 1, 1, 2, 2, 0, 1, 2, 2]
    );
    assert_eq!(
        continued.state_at(halt_tick + 1).threads[1].quantum_left,
        Some(1)
    );

    // Quantum 3: thread 0 halts on the last tick of its first quantum. Fresh: thread 1 runs
    // next; continued: nothing was left, so thread 1 loses its turn to thread 2.
    let fresh = halt_then_two_counters(3, false);
    assert_eq!(&threads_of(&fresh)[..6], &[0, 0, 0, 1, 1, 1]);
    let continued = halt_then_two_counters(3, true);
    assert_eq!(&threads_of(&continued)[..6], &[0, 0, 0, 2, 2, 2]);
    for run in [&fresh, &continued] {
        assert_eq!(run.end(), RunEnd::Finished);
        // Every thread still runs all its instructions: 3 + 2 * (2 + 3 * 5 + 1).
        assert_eq!(run.program_steps().len(), 3 + 2 * 18);
    }
}

// ---------------------------------------------------------------------------------------------
// Explicit schedules

#[test]
fn a_schedule_that_does_not_repeat_runs_exactly_its_entries_then_pauses() {
    let mut spec = scenario(
        vec![program_process(COUNTDOWN, &["bx=9", "bx=9"])],
        PolicySpec::Fcfs,
    );
    let entries = vec![0, 1, 1, 0, 0, 0, 1];
    spec.schedule = Some(ScheduleSpec {
        threads: entries.clone(),
        repeat: false,
    });
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::ScheduleUsedUp { tick: 7 });
    assert_eq!(threads_of(&run), entries);
    let ticks: Vec<u64> = run.program_steps().iter().map(|step| step.tick).collect();
    assert_eq!(ticks, (0..7).collect::<Vec<u64>>());
    // Paused, not finished: both threads are still waiting for a CPU.
    let state = run.state_at(run.end_tick());
    assert!(state
        .threads
        .iter()
        .all(|tcb| tcb.state == ProcessState::Ready));
    // Counted up to the pause, each thread's time adds up, its last stay in the ready queue
    // included: T1 waited at ticks 1, 2 and 6, T2 at 0, 3, 4 and 5.
    let threads = &run.metrics().threads;
    let waiting: Vec<u64> = threads.iter().map(|thread| thread.waiting).collect();
    assert_eq!(waiting, vec![3, 4]);
    for thread in threads {
        assert_eq!(
            thread.turnaround,
            thread.cpu + thread.io + thread.waiting + thread.switch + thread.stall + thread.blocked,
            "{thread:?}"
        );
    }
}

#[test]
fn schedule_entries_of_an_exited_thread_are_used_up_without_running() {
    // Thread 0 halts on its third entry; its next entry runs nothing and takes no time.
    let entries = vec![0, 0, 0, 1, 0, 1, 0, 1];
    let mut spec = scenario(
        vec![program_process(COUNTDOWN, &["bx=0", "bx=9"])],
        PolicySpec::Fcfs,
    );
    spec.schedule = Some(ScheduleSpec {
        threads: entries,
        repeat: false,
    });
    let run = run(&spec);
    assert_eq!(threads_of(&run), vec![0, 0, 0, 1, 1, 1]);
    assert_eq!(run.end(), RunEnd::ScheduleUsedUp { tick: 6 });

    // With the timer going on after the exit (x86.py -P), the halt used up the entry's one
    // tick, so the next live entry is used up too.
    spec.conventions.timer_continues_after_exit = true;
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    assert_eq!(threads_of(&run), vec![0, 0, 0, 1, 1]);
    assert_eq!(run.end(), RunEnd::ScheduleUsedUp { tick: 5 });
}

#[test]
fn a_repeating_schedule_overrides_the_policy_until_every_thread_halts() {
    // The policy would run thread 0 to its halt; the schedule alternates.
    let mut spec = scenario(
        vec![program_process(COUNTDOWN, &["bx=1", "bx=1"])],
        PolicySpec::Fcfs,
    );
    spec.schedule = Some(ScheduleSpec {
        threads: vec![1, 0],
        repeat: true,
    });
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(threads_of(&run), vec![1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
}

// ---------------------------------------------------------------------------------------------
// Switch costs and policies

#[test]
fn dispatch_latency_separates_instructions_of_different_processes() {
    let mut spec = scenario(
        vec![
            program_process(RACE, &["bx=2"]),
            program_process(RACE, &["bx=2"]),
        ],
        PolicySpec::Rr { quantum: 2 },
    );
    spec.machine = MachineSpec {
        dispatch_latency: 1,
        ..MachineSpec::default()
    };
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    let ticks: Vec<(u32, u64)> = run
        .program_steps()
        .iter()
        .take(6)
        .map(|step| (step.thread, step.tick))
        .collect();
    assert_eq!(ticks, vec![(0, 0), (0, 1), (1, 3), (1, 4), (0, 6), (0, 7)]);
    let gantt = run.gantt();
    for pair in run.program_steps().windows(2) {
        if pair[0].thread == pair[1].thread {
            assert_eq!(pair[1].tick, pair[0].tick + 1, "no cost within a thread");
            continue;
        }
        let to = thread_ref(pair[1].thread, 0);
        assert!(
            gantt.iter().any(|slice| slice.start == pair[0].tick + 1
                && slice.end == pair[1].tick
                && matches!(slice.kind, SliceKind::Dispatch { to: loaded, .. } if loaded == to)),
            "no dispatch slice between {pair:?}"
        );
    }
}

#[test]
fn threads_of_one_process_switch_at_the_thread_switch_cost() {
    let mut spec = scenario(
        vec![program_process(RACE, &["bx=2", "bx=2"])],
        PolicySpec::Rr { quantum: 2 },
    );
    spec.machine.dispatch_latency = 3;
    spec.machine.thread_switch_latency = 1;
    let run = run(&spec);
    let ticks: Vec<(u32, u64)> = run
        .program_steps()
        .iter()
        .take(4)
        .map(|step| (step.thread, step.tick))
        .collect();
    assert_eq!(ticks, vec![(0, 0), (0, 1), (1, 3), (1, 4)]);
}

#[test]
fn fcfs_runs_each_program_thread_to_its_halt() {
    let spec = scenario(
        vec![
            program_process(RACE, &["bx=2"]),
            program_process(RACE, &["bx=1", "bx=1"]),
        ],
        PolicySpec::Fcfs,
    );
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    let steps = run.program_steps();
    let mut order = threads_of(&run);
    order.dedup();
    assert_eq!(order, vec![0, 1, 2]);
    // Each thread leaves the CPU only at its halt: its last step is the halt.
    for thread in 0..3 {
        let last = steps
            .iter()
            .rfind(|step| step.thread == thread)
            .expect("ran");
        assert_eq!(last.outcome, StepOutcome::Halted);
    }
    let ticks: Vec<u64> = steps.iter().map(|step| step.tick).collect();
    assert_eq!(ticks, (0..steps.len() as u64).collect::<Vec<u64>>());
    assert_eq!(run.end_tick(), steps.len() as u64);
}

#[test]
fn sjf_estimates_a_program_thread_by_its_instruction_count() {
    // The long program (many instructions of text) halts at once; SJF still runs the short
    // text first, since the number of instructions is its only estimate.
    let long_text = "\
.main
halt
mov $1, %ax
mov $1, %ax
mov $1, %ax
mov $1, %ax
mov $1, %ax
mov $1, %ax
mov $1, %ax
mov $1, %ax
";
    let short_text = "\
.main
mov $1, %ax
mov $2, %ax
halt
";
    let spec = scenario(
        vec![
            program_process(long_text, &[""]),
            program_process(short_text, &[""]),
        ],
        PolicySpec::Sjf { prediction: None },
    );
    let sjf = run(&spec);
    assert_eq!(sjf.end(), RunEnd::Finished);
    assert_eq!(threads_of(&sjf), vec![1, 1, 1, 0]);
    assert_eq!(sjf.state_at(0).threads[0].next_cpu_burst, 9);
    // FCFS keeps the input order.
    let fcfs = run(&scenario(spec.processes.clone(), PolicySpec::Fcfs));
    assert_eq!(threads_of(&fcfs), vec![0, 1, 1, 1]);
}

// ---------------------------------------------------------------------------------------------
// Validation

#[test]
fn a_program_that_does_not_assemble_is_reported_on_its_line() {
    let broken = "\
.var counter
.main
mov counter, %ax
frobnicate %ax
halt
";
    let spec = scenario(
        vec![program_process(RACE, &[""]), program_process(broken, &[""])],
        PolicySpec::Fcfs,
    );
    assert_eq!(
        errors(&spec),
        vec![ScenarioError::ProgramLine {
            process: 1,
            error: ParseError {
                line: 4,
                kind: ParseErrorKind::UnknownOpcode,
            },
        }]
    );
}

#[test]
fn programs_registers_and_schedules_are_checked() {
    // Bursts beside a program, for the process or one of its threads.
    let mut with_bursts = program_process(RACE, &[]);
    with_bursts.bursts = vec![BurstSpec::Cpu(3)];
    assert!(
        errors(&scenario(vec![with_bursts], PolicySpec::Fcfs)).contains(
            &ScenarioError::ProgramAndBursts {
                process: 0,
                thread: None
            }
        )
    );
    let mut thread_bursts = program_process(RACE, &["bx=1", "bx=1"]);
    thread_bursts.threads[1].bursts = vec![BurstSpec::Cpu(3)];
    assert_eq!(
        errors(&scenario(vec![thread_bursts], PolicySpec::Fcfs)),
        vec![ScenarioError::ProgramAndBursts {
            process: 0,
            thread: Some(1)
        }]
    );

    // Registers that do not read as `bx=3:cx=1`.
    for bad in ["bx", "qx=1", "bx=one", "sp=5", "bx=1,bx=2"] {
        let spec = scenario(
            vec![program_process(RACE, &["bx=1", bad])],
            PolicySpec::Fcfs,
        );
        let found = errors(&spec);
        assert!(
            matches!(
                found.as_slice(),
                [ScenarioError::RegistersInvalid {
                    process: 0,
                    thread: 1,
                    ..
                }]
            ),
            "{bad}: {found:?}"
        );
    }

    // Registers for a thread that runs bursts.
    let bursts_only = ProcessSpec {
        threads: vec![ThreadSpec {
            bursts: vec![BurstSpec::Cpu(2)],
            registers: "bx=1".to_owned(),
            ..ThreadSpec::default()
        }],
        ..ProcessSpec::default()
    };
    assert_eq!(
        errors(&scenario(vec![bursts_only], PolicySpec::Fcfs)),
        vec![ScenarioError::RegistersWithoutProgram {
            process: 0,
            thread: 0
        }]
    );

    // A schedule entry naming a thread that does not exist (3 threads: 0, 1, 2).
    let mut spec = scenario(
        vec![
            program_process(RACE, &["bx=1", "bx=1"]),
            program_process(RACE, &[""]),
        ],
        PolicySpec::Fcfs,
    );
    spec.schedule = Some(ScheduleSpec {
        threads: vec![0, 1, 2, 3],
        repeat: true,
    });
    assert_eq!(
        errors(&spec),
        vec![ScenarioError::ScheduleUnknownThread {
            position: 3,
            thread: 3,
            threads: 3
        }]
    );

    // A budget of 0 instructions.
    let mut spec = scenario(
        vec![program_process(SWAP_LOCK, &["bx=1"])],
        PolicySpec::Fcfs,
    );
    spec.machine.instruction_budget = 0;
    assert!(matches!(
        errors(&spec).as_slice(),
        [ScenarioError::InstructionBudgetOutOfRange { .. }]
    ));
    spec.machine.instruction_budget = 1_000_001;
    assert_eq!(
        errors(&spec),
        vec![ScenarioError::InstructionBudgetOutOfRange { max: 1_000_000 }]
    );
    spec.machine.instruction_budget = 1;
    assert!(Scenario::new(&spec).is_ok());
    spec.machine.instruction_budget = 1_000_000;
    assert!(Scenario::new(&spec).is_ok());

    // A schedule of more than 100,000 entries.
    spec.schedule = Some(ScheduleSpec {
        threads: vec![0; 100_001],
        repeat: false,
    });
    assert_eq!(
        errors(&spec),
        vec![ScenarioError::ScheduleTooLong {
            count: 100_001,
            max: 100_000
        }]
    );
}

#[test]
fn io_blocks_the_thread_for_its_ticks_and_it_resumes_at_the_next_instruction() {
    // T1: one instruction, then 3 ticks of I/O, then halt. T2 counts down meanwhile.
    let program = ".main\ntest $0, %bx\nje .count\nio $3\nhalt\n.count\nmov $4, %bx\n.again\nsub $1, %bx\ntest $0, %bx\njgt .again\nhalt\n";
    let spec = scenario(
        vec![program_process(program, &["bx=1", "bx=0"])],
        PolicySpec::Fcfs,
    );
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    let t1 = ThreadRef { pid: 0, tid: 0 };
    let blocked: Vec<(u64, ProcessState)> = run
        .events()
        .iter()
        .filter(|event| event.thread == t1 && event.from != event.to)
        .map(|event| (event.tick, event.to))
        .collect();
    // test, je (not taken), io at ticks 0..3: blocked at 3, ready at 6, running again when T2 is
    // done (FCFS: T2 keeps the CPU), and its next instruction is the halt.
    assert!(blocked.contains(&(3, ProcessState::Blocked)), "{blocked:?}");
    assert!(blocked.contains(&(6, ProcessState::Ready)), "{blocked:?}");
    let steps: Vec<(u32, StepOutcome)> = run
        .program_steps()
        .iter()
        .filter(|step| step.thread == 0)
        .map(|step| (step.pc, step.outcome))
        .collect();
    assert_eq!(
        steps,
        [
            (1000, StepOutcome::Continued),
            (1001, StepOutcome::Continued),
            (1002, StepOutcome::Io(3)),
            (1003, StepOutcome::Halted)
        ]
    );
    // T2 ran while T1 waited: the CPU was not idle during the I/O.
    let t2_first = run
        .program_steps()
        .iter()
        .find(|step| step.thread == 1)
        .map(|step| step.tick);
    assert_eq!(t2_first, Some(3));
    assert_eq!(run.metrics().threads[0].io, 3);
}

#[test]
fn io_out_of_range_is_reported_on_its_line() {
    let spec = scenario(
        vec![program_process(".main\nio $-1\nhalt\n", &[""])],
        PolicySpec::Fcfs,
    );
    assert_eq!(
        errors(&spec),
        [ScenarioError::ProgramLine {
            process: 0,
            error: ParseError {
                line: 2,
                kind: ParseErrorKind::IoTicksOutOfRange
            }
        }]
    );
}
