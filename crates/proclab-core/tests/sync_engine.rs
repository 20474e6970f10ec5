//! Mutexes, semaphores and deadlock in the engine (`lock`, `unlock`, `wait`, `signal`): each rule
//! of `program/sync.rs` and of `docs/semantics.md` ("Mutexes, semaphores and deadlock") pinned by
//! a test, textbook cases (two locks in opposite orders, the dining philosophers and their fix by
//! lock ordering) and laws (mutual exclusion holds, a reported deadlock is a real cycle).

use proclab_core::program::{Fault, ParseErrorKind, RunEnd, StepOutcome, Wait};
use proclab_core::rng::Pcg32;
use proclab_core::{
    simulate, Cause, PolicySpec, ProcessSpec, ProcessState, Run, Scenario, ScenarioSpec,
    ScheduleSpec, ThreadRef,
};

mod common;
use common::programs::{program_errors, program_process};

fn run_with(process: ProcessSpec, policy: PolicySpec, schedule: Option<Vec<u32>>) -> Run {
    let spec = ScenarioSpec {
        processes: vec![process],
        policy,
        schedule: schedule.map(|threads| ScheduleSpec {
            threads,
            repeat: false,
        }),
        ..ScenarioSpec::default()
    };
    simulate(&Scenario::new(&spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

/// The counter guarded by a mutex, `%bx` rounds per thread.
const MUTEX_COUNTER: &str = ".mutex m
.var counter
.main
.top
lock m
mov counter, %ax
add $1, %ax
mov %ax, counter
unlock m
sub $1, %bx
test $0, %bx
jgt .top
halt
";

fn counter(run: &Run) -> i64 {
    let state = run.state_at(run.end_tick());
    state.memories[0]
        .words
        .iter()
        .find(|(name, _, _)| name == "counter")
        .map(|(_, _, value)| *value)
        .expect("a counter")
}

#[test]
fn a_held_mutex_blocks_the_locker_and_unlock_hands_it_to_the_first_waiter() {
    // T1 locks, T2 tries (blocks), T3 tries (blocks), T1 unlocks: T2 is woken holding it.
    let run = run_with(
        program_process(MUTEX_COUNTER, &["bx=1", "bx=1", "bx=1"]),
        PolicySpec::Rr { quantum: 1 },
        Some(vec![0, 1, 2, 0, 0, 0, 0]),
    );
    let t = |tid| ThreadRef { pid: 0, tid };
    let events = run.events();
    let waits: Vec<(u64, ThreadRef)> = events
        .iter()
        .filter(|event| matches!(event.cause, Cause::Waits { .. }))
        .map(|event| (event.tick, event.thread))
        .collect();
    assert_eq!(waits, [(2, t(1)), (3, t(2))]);
    let woken: Vec<(u64, ThreadRef, ThreadRef)> = events
        .iter()
        .filter_map(|event| match event.cause {
            Cause::Woken { by } => Some((event.tick, event.thread, by)),
            _ => None,
        })
        .collect();
    // T1's unlock is its 5th instruction (lock, mov, add, mov, unlock), executed in tick 6.
    assert_eq!(woken, [(7, t(1), t(0))]);
    let state = run.state_at(run.end_tick());
    let t3 = &state.threads[2];
    assert_eq!(t3.state, ProcessState::Blocked);
    let waiting = t3
        .program
        .as_ref()
        .and_then(|context| context.waiting_for.clone());
    assert_eq!(
        waiting,
        Some(("m".to_string(), Some(t(1)))),
        "T3 waits for m, held by T2 now"
    );
    assert!(state.blocked.is_empty(), "a mutex wait is not I/O");
}

#[test]
fn unlocking_a_mutex_you_do_not_hold_is_a_fault_of_that_instruction() {
    let run = run_with(
        program_process(".mutex m\n.main\nunlock m\nhalt\n", &[""]),
        PolicySpec::Fcfs,
        None,
    );
    assert_eq!(
        run.program_steps()[0].outcome,
        StepOutcome::Fault(Fault::UnlockNotHeld { mutex: 0 })
    );
    assert_eq!(
        run.end(),
        RunEnd::Finished,
        "the faulting thread ends, the run goes on"
    );
}

#[test]
fn a_semaphore_counts_down_then_blocks_and_signal_wakes_the_first_waiter_or_counts_up() {
    // Two permits, three threads: the third waits until one signals.
    let program = ".sem s 2\n.main\nwait s\nnop\nsignal s\nhalt\n";
    let run = run_with(
        program_process(program, &["", "", ""]),
        PolicySpec::Rr { quantum: 1 },
        Some(vec![0, 1, 2, 0, 0, 1, 1, 0, 1, 2, 2, 2]),
    );
    let waits: Vec<u64> = run
        .events()
        .iter()
        .filter(|event| matches!(event.cause, Cause::Waits { .. }))
        .map(|event| event.tick)
        .collect();
    assert_eq!(waits, [3], "only the third wait finds the semaphore at 0");
    let woken: Vec<ThreadRef> = run
        .events()
        .iter()
        .filter_map(|event| match event.cause {
            Cause::Woken { by } => Some(by),
            _ => None,
        })
        .collect();
    assert_eq!(
        woken,
        [ThreadRef { pid: 0, tid: 0 }],
        "T1's signal wakes T3"
    );
    assert_eq!(run.end(), RunEnd::Finished);
    // Value plus waiters is conserved: back at 2 with nobody waiting.
    assert_eq!(
        run.metrics().threads[2].blocked,
        2,
        "T3 waited from tick 4 to tick 6"
    );
}

/// Two threads take two locks in opposite orders (`%bx` = 0 takes a then b, 1 takes b then a).
const OPPOSITE: &str = ".mutex a
.mutex b
.main
test $0, %bx
jne .other
lock a
lock b
j .work
.other
lock b
lock a
.work
nop
unlock a
unlock b
halt
";

#[test]
fn two_locks_taken_in_opposite_orders_deadlock_and_the_report_is_the_cycle() {
    let run = run_with(
        program_process(OPPOSITE, &["bx=0", "bx=1"]),
        PolicySpec::Rr { quantum: 3 },
        None,
    );
    assert!(
        matches!(run.end(), RunEnd::Deadlock { .. }),
        "{:?}",
        run.end()
    );
    let report = run.deadlock().expect("a report");
    assert_eq!(report.cycle, [0, 1]);
    let edges: Vec<(u32, &str, Option<u32>)> = report
        .waits
        .iter()
        .map(|edge| (edge.thread, edge.name.as_str(), edge.holder))
        .collect();
    assert_eq!(edges, [(0, "b", Some(1)), (1, "a", Some(0))]);
}

#[test]
fn the_same_locks_taken_in_one_order_never_deadlock() {
    let ordered = OPPOSITE.replace("lock b\nlock a", "lock a\nlock b");
    for quantum in 1..8 {
        let run = run_with(
            program_process(&ordered, &["bx=0", "bx=1"]),
            PolicySpec::Rr { quantum },
            None,
        );
        assert_eq!(run.end(), RunEnd::Finished, "quantum {quantum}");
        assert!(run.deadlock().is_none());
    }
}

/// Dining philosophers: philosopher `%bx` of `%cx` takes fork bx then fork (bx+1) mod n; the
/// forks are mutexes f0..f2. With `%dx` = 1 the last one takes its forks the other way round.
const PHILOSOPHERS: &str = ".mutex f0
.mutex f1
.mutex f2
.main
test $0, %bx
je .p0
test $1, %bx
je .p1
test $0, %dx
jne .p2fixed
lock f2
lock f0
j .eat2
.p2fixed
lock f0
lock f2
.eat2
nop
unlock f2
unlock f0
halt
.p0
lock f0
lock f1
nop
unlock f0
unlock f1
halt
.p1
lock f1
lock f2
nop
unlock f1
unlock f2
halt
";

#[test]
fn dining_philosophers_deadlock_in_a_circle_and_lock_ordering_fixes_them() {
    // Each philosopher runs up to its first fork (3, 5 and 7 instructions in), then they take
    // turns: every one holds its left fork and waits for its right one.
    let mut schedule: Vec<u32> = [vec![0; 3], vec![1; 5], vec![2; 7]].concat();
    schedule.extend((0..120).map(|tick| tick % 3));
    let naive = run_with(
        program_process(PHILOSOPHERS, &["bx=0", "bx=1", "bx=2"]),
        PolicySpec::Rr { quantum: 1 },
        Some(schedule.clone()),
    );
    assert!(
        matches!(naive.end(), RunEnd::Deadlock { .. }),
        "{:?}",
        naive.end()
    );
    assert_eq!(naive.deadlock().expect("report").cycle, [0, 1, 2]);
    let fixed = run_with(
        program_process(PHILOSOPHERS, &["bx=0", "bx=1", "bx=2:dx=1"]),
        PolicySpec::Rr { quantum: 1 },
        Some(schedule),
    );
    assert_eq!(fixed.end(), RunEnd::Finished);
}

#[test]
fn a_mutex_keeps_the_counter_right_and_a_reported_deadlock_is_a_real_cycle_under_any_schedule() {
    let mut rng = Pcg32::new(7, 11);
    for round in 0..150 {
        let schedule: Vec<u32> = (0..400).map(|_| rng.below(3) as u32).collect();
        let run = run_with(
            program_process(MUTEX_COUNTER, &["bx=3", "bx=2", "bx=4"]),
            PolicySpec::Rr { quantum: 1 },
            Some(schedule.clone()),
        );
        if run.end() == RunEnd::Finished {
            assert_eq!(counter(&run), 9, "round {round}: {schedule:?}");
        }
        assert!(run.deadlock().is_none(), "one mutex cannot deadlock");
        let opposite = run_with(
            program_process(OPPOSITE, &["bx=0", "bx=1"]),
            PolicySpec::Rr { quantum: 1 },
            Some(schedule.iter().map(|thread| thread % 2).collect()),
        );
        if let Some(report) = opposite.deadlock() {
            // Each thread of the cycle waits for a mutex the next one holds.
            for (position, thread) in report.cycle.iter().enumerate() {
                let next = report.cycle[(position + 1) % report.cycle.len()];
                let edge = report
                    .waits
                    .iter()
                    .find(|edge| edge.thread == *thread)
                    .expect("waits");
                assert_eq!(edge.holder, Some(next));
            }
            assert!(!report.cycle.is_empty());
        }
    }
}

#[test]
fn sync_objects_are_declared_and_named_or_reported_on_their_line() {
    let errors = program_errors;
    assert_eq!(errors(".main\nlock m\nhalt\n")[0].0, 2);
    assert!(matches!(
        errors(".main\nlock m\nhalt\n")[0].1,
        ParseErrorKind::UnknownSyncObject { .. }
    ));
    assert_eq!(
        errors(".sem s -1\n.main\nhalt\n"),
        [(1, ParseErrorKind::BadSyncDeclaration)]
    );
    assert_eq!(
        errors(".mutex m\n.mutex m\n.main\nhalt\n"),
        [(2, ParseErrorKind::DuplicateSyncObject { first_line: 1 })]
    );
    assert_eq!(
        errors(".mutex m\n.sem m 1\n.main\nhalt\n"),
        [(2, ParseErrorKind::DuplicateSyncObject { first_line: 1 })],
        "mutexes and semaphores share one set of names"
    );
    assert!(matches!(
        errors(".sem s 1\n.main\nlock s\nhalt\n")[0].1,
        ParseErrorKind::UnknownSyncObject { .. }
    ));
}

fn simulate_processes(processes: Vec<ProcessSpec>, policy: PolicySpec) -> Run {
    let spec = ScenarioSpec {
        processes,
        policy,
        ..ScenarioSpec::default()
    };
    simulate(&Scenario::new(&spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

/// (thread, the object's name, its holder) of every wait in the run's deadlock report.
fn report_waits(run: &Run) -> Vec<(u32, String, Option<u32>)> {
    run.deadlock()
        .expect("a deadlock report")
        .waits
        .iter()
        .map(|edge| (edge.thread, edge.name.clone(), edge.holder))
        .collect()
}

#[test]
fn a_woken_thread_already_holds_the_mutex_and_goes_on_at_the_next_instruction() {
    // T1 locks (tick 0), T2's lock blocks (tick 1); T1's unlock hands m over; T2's next step is
    // the instruction after its `lock`, which it does not execute again.
    let run = run_with(
        program_process(MUTEX_COUNTER, &["bx=1", "bx=1"]),
        PolicySpec::Rr { quantum: 1 },
        Some(vec![0, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]),
    );
    assert_eq!(run.end(), RunEnd::Finished);
    let steps: Vec<(u64, u32, StepOutcome)> = run
        .program_steps()
        .iter()
        .filter(|step| step.thread == 1)
        .map(|step| (step.tick, step.pc, step.outcome))
        .collect();
    let lock = 1000;
    assert_eq!(steps[0], (1, lock, StepOutcome::Blocked(Wait::Mutex(0))));
    assert_eq!(
        steps[1].1,
        lock + 1,
        "the next instruction, not the lock again"
    );
    assert_eq!(
        steps.iter().filter(|(_, pc, _)| *pc == lock).count(),
        1,
        "one lock for one round"
    );
    // It holds m: its `unlock` (no `lock` executed since) is not a fault.
    let unlock = lock + 4;
    assert!(steps.contains(&(steps[1].0 + 3, unlock, StepOutcome::Continued)));
    assert_eq!(counter(&run), 2);
}

#[test]
fn unlocking_a_mutex_another_thread_holds_is_a_fault_and_the_holder_keeps_it() {
    let program = ".mutex m
.main
test $0, %bx
jne .thief
lock m
nop
unlock m
halt
.thief
unlock m
halt
";
    let run = run_with(
        program_process(program, &["bx=0", "bx=1"]),
        PolicySpec::Rr { quantum: 1 },
        Some(vec![0, 0, 0, 1, 1, 1, 0, 0, 0, 0]),
    );
    let outcomes: Vec<(u32, StepOutcome)> = run
        .program_steps()
        .iter()
        .filter(|step| step.pc >= 1004) // the unlocks (1004, 1006) and T1's halt (1005)
        .map(|step| (step.thread, step.outcome))
        .collect();
    assert_eq!(
        outcomes,
        [
            (1, StepOutcome::Fault(Fault::UnlockNotHeld { mutex: 0 })),
            (0, StepOutcome::Continued),
            (0, StepOutcome::Halted),
        ],
        "T2's unlock faults; T1 still holds m and its own unlock works"
    );
    assert_eq!(run.end(), RunEnd::Finished);
}

#[test]
fn relocking_your_own_mutex_waits_for_yourself_forever() {
    let run = run_with(
        program_process(".mutex m\n.main\nlock m\nlock m\nhalt\n", &[""]),
        PolicySpec::Fcfs,
        None,
    );
    assert_eq!(run.end(), RunEnd::Deadlock { tick: 2 });
    assert_eq!(report_waits(&run), [(0, "m".to_string(), Some(0))]);
    assert_eq!(
        run.deadlock().expect("report").cycle,
        [0],
        "a circle of one"
    );
    // The wait began at the instant the run stopped: 0 ticks so far.
    assert_eq!(run.metrics().threads[0].blocked, 0);
}

#[test]
fn signal_with_nobody_waiting_adds_one_and_a_wait_nobody_will_signal_deadlocks_with_no_cycle() {
    // `.sem s` starts at 0: two signals let exactly two waits through.
    let run = run_with(
        program_process(
            ".sem s\n.main\nsignal s\nsignal s\nwait s\nwait s\nwait s\nhalt\n",
            &[""],
        ),
        PolicySpec::Fcfs,
        None,
    );
    let outcomes: Vec<StepOutcome> = run
        .program_steps()
        .iter()
        .map(|step| step.outcome)
        .collect();
    let blocked = StepOutcome::Blocked(Wait::Semaphore(0));
    assert_eq!(
        outcomes,
        [
            StepOutcome::Continued,
            StepOutcome::Continued,
            StepOutcome::Continued,
            StepOutcome::Continued,
            blocked,
        ],
        "two signals let exactly two waits through"
    );
    assert_eq!(run.end(), RunEnd::Deadlock { tick: 5 });
    assert_eq!(report_waits(&run), [(0, "s".to_string(), None)]);
    assert!(run.deadlock().expect("report").cycle.is_empty());
}

#[test]
fn a_thread_that_exits_holding_a_mutex_keeps_it_and_its_waiters_deadlock_with_no_cycle() {
    let run = run_with(
        program_process(".mutex m\n.main\nlock m\nhalt\n", &["", ""]),
        PolicySpec::Fcfs,
        None,
    );
    assert!(
        matches!(run.end(), RunEnd::Deadlock { .. }),
        "{:?}",
        run.end()
    );
    assert_eq!(report_waits(&run), [(1, "m".to_string(), Some(0))]);
    assert!(run.deadlock().expect("report").cycle.is_empty());
}

#[test]
fn deadlock_is_declared_only_when_no_io_arrival_or_cpu_work_is_left() {
    // T1 waits on s while T2 is in I/O (5 ticks), then T2 signals: no deadlock.
    let program = ".sem s 0
.main
test $0, %bx
jne .late
wait s
halt
.late
io $5
signal s
halt
";
    let run = run_with(
        program_process(program, &["bx=0", "bx=1"]),
        PolicySpec::Fcfs,
        None,
    );
    assert_eq!(run.end(), RunEnd::Finished);
    let both_blocked = (0..run.end_tick()).any(|tick| {
        let state = run.state_at(tick);
        state.blocked.len() == 1
            && state.threads[0]
                .program
                .as_ref()
                .is_some_and(|context| context.waiting_for.is_some())
    });
    assert!(both_blocked, "one waits for s while the other is in I/O");
    // P1's only thread waits for itself from tick 2; P2 arrives at 10 and runs 3 ticks: the
    // deadlock is declared once P2 has exited, at 13.
    let relock = ProcessSpec {
        name: "P1".into(),
        ..program_process(".mutex m\n.main\nlock m\nlock m\nhalt\n", &[""])
    };
    let late = ProcessSpec {
        name: "P2".into(),
        arrival: 10,
        bursts: proclab_core::BurstSpec::alternating(&[3]),
        ..ProcessSpec::default()
    };
    let run = simulate_processes(vec![relock, late], PolicySpec::Fcfs);
    assert_eq!(run.end(), RunEnd::Deadlock { tick: 13 });
    assert_eq!(report_waits(&run), [(0, "m".to_string(), Some(0))]);
}

#[test]
fn each_process_has_its_own_mutexes_and_semaphores() {
    let program = ".mutex m\n.sem s 1\n.main\nlock m\nwait s\nnop\nsignal s\nunlock m\nhalt\n";
    let process = |name: &str| ProcessSpec {
        name: name.into(),
        ..program_process(program, &[""])
    };
    let run = simulate_processes(
        vec![process("P1"), process("P2")],
        PolicySpec::Rr { quantum: 1 },
    );
    assert_eq!(run.end(), RunEnd::Finished);
    assert!(
        !run.events()
            .iter()
            .any(|event| matches!(event.cause, Cause::Waits { .. })),
        "the same names in two processes are two mutexes and two semaphores"
    );
}

#[test]
fn the_x86_py_driver_refuses_sync_instructions() {
    use proclab_core::program::x86::{self, X86Config, X86ConfigError};
    let program =
        proclab_core::program::Program::parse(".sem s 1\n.main\nnop\nwait s\nhalt\n").unwrap();
    assert_eq!(
        x86::run(&program, &X86Config::new(1)).map(|_| ()),
        Err(X86ConfigError::SyncNotInX86 { address: 1001 })
    );
    // Queues and pipes are the scheduler's too: x86.py would have no meaning for them.
    for (body, address) in [
        (".queue q 2\n.main\nsend q, %ax\nhalt\n", 1000),
        (".queue q 2\n.main\nnop\nrecv q, %ax\nhalt\n", 1001),
        (".pipe p 2\n.main\nwrite p, %ax\nhalt\n", 1000),
        (".pipe p 2\n.main\nread p, %ax\nhalt\n", 1000),
        (".pipe p 2\n.main\nclose p\nhalt\n", 1000),
    ] {
        let program = proclab_core::program::Program::parse(body).expect(body);
        assert_eq!(
            x86::run(&program, &X86Config::new(1)).map(|_| ()),
            Err(X86ConfigError::SyncNotInX86 { address }),
            "{body}"
        );
    }
}

#[test]
fn a_wait_still_going_on_at_a_deadlock_counts_up_to_the_end_of_the_run() {
    // Opposite lock orders, RR 3: T1 blocks at tick 7, T2 at tick 8, the run stops at 8.
    let run = run_with(
        program_process(OPPOSITE, &["bx=0", "bx=1"]),
        PolicySpec::Rr { quantum: 3 },
        None,
    );
    assert_eq!(run.end(), RunEnd::Deadlock { tick: 8 });
    let blocked: Vec<u64> = run
        .metrics()
        .threads
        .iter()
        .map(|thread| thread.blocked)
        .collect();
    assert_eq!(blocked, [1, 0]);
}
