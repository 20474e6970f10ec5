//! Shared memory between processes (`.shared name [words]`, `.shared sem name initial`): the
//! processes that declare a name map one segment, so a store by one is the word every other one
//! loads; without a lock they lose updates exactly as threads do, and a semaphore of the segment
//! stops that.

mod common;

use common::programs::{program_errors, program_process, random_machine};
use proclab_core::program::{ParseErrorKind, RunEnd};
use proclab_core::rng::Pcg32;
use proclab_core::{
    simulate, Cause, PolicySpec, ProcessSpec, Run, Scenario, ScenarioError, ScenarioSpec, SyncKind,
    ThreadRef,
};

/// Adds 1 to the shared `counter`, `%bx` times, with no lock.
const RACE: &str = ".shared counter
.main
.again
mov counter, %ax
add $1, %ax
mov %ax, counter
sub $1, %bx
test $0, %bx
jgt .again
halt
";

/// The same inside a semaphore of the segment.
const LOCKED: &str = ".shared counter
.shared sem mutex 1
.main
.again
wait mutex
mov counter, %ax
add $1, %ax
mov %ax, counter
signal mutex
sub $1, %bx
test $0, %bx
jgt .again
halt
";

fn run(spec: &ScenarioSpec) -> Run {
    simulate(&Scenario::new(spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

fn two(program: &str, first: u32, second: u32) -> Vec<ProcessSpec> {
    vec![
        program_process(program, &[&format!("bx={first}")]),
        program_process(program, &[&format!("bx={second}")]),
    ]
}

/// The value of `name` in process `pid` at the end.
fn value(run: &Run, pid: usize, name: &str) -> i64 {
    let state = run.state_at(run.end_tick());
    state.memories[pid]
        .words
        .iter()
        .find(|(word, _, _)| word == name)
        .map(|(_, _, value)| *value)
        .unwrap_or_else(|| panic!("no {name} in process {pid}"))
}

#[test]
fn a_shared_word_is_one_word_for_every_process_that_maps_it_at_its_own_address() {
    // P2 declares a private word first, so its `counter` has another address; on 2 CPUs in the
    // same instant, CPU 0's store is what CPU 1's load reads.
    let writer =
        ".shared counter\n.var mine\n.main\nmov $7, %ax\nmov %ax, counter\nmov %ax, mine\nhalt\n";
    let reader = ".var mine\n.shared counter\n.main\nnop\nmov counter, %bx\nmov %bx, mine\nhalt\n";
    let spec = ScenarioSpec {
        processes: vec![
            program_process(writer, &[""]),
            program_process(reader, &[""]),
        ],
        policy: PolicySpec::Fcfs,
        machine: proclab_core::spec::MachineSpec {
            cpus: 2,
            ..Default::default()
        },
        ..ScenarioSpec::default()
    };
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(value(&run, 0, "counter"), 7);
    assert_eq!(value(&run, 1, "counter"), 7);
    assert_eq!(
        value(&run, 1, "mine"),
        7,
        "the load in the same instant saw the store"
    );
    let addresses: Vec<u32> = run
        .state_at(0)
        .memories
        .iter()
        .map(|memory| {
            memory
                .words
                .iter()
                .find(|(name, _, _)| name == "counter")
                .unwrap()
                .1
        })
        .collect();
    assert_ne!(addresses[0], addresses[1]);
}

#[test]
fn private_variables_beside_shared_ones_stay_private() {
    let program = ".shared total\n.var mine\n.main\nmov $1, %ax\nadd %bx, %ax\nmov %ax, mine\nmov %ax, total\nhalt\n";
    let run = run(&ScenarioSpec {
        processes: two(program, 10, 20),
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    });
    assert_eq!((value(&run, 0, "mine"), value(&run, 1, "mine")), (11, 21));
    assert_eq!((value(&run, 0, "total"), value(&run, 1, "total")), (21, 21));
}

#[test]
fn a_shared_semaphore_blocks_across_processes_and_signal_wakes_the_first_waiter() {
    let run = run(&ScenarioSpec {
        processes: two(LOCKED, 3, 3),
        policy: PolicySpec::Rr { quantum: 4 },
        ..ScenarioSpec::default()
    });
    assert_eq!(run.end(), RunEnd::Finished);
    let waits: Vec<(ThreadRef, SyncKind)> = run
        .events()
        .iter()
        .filter_map(|event| match event.cause {
            Cause::Waits { object } => Some((event.thread, object.kind)),
            _ => None,
        })
        .collect();
    assert!(!waits.is_empty());
    assert!(waits
        .iter()
        .all(|(_, kind)| *kind == SyncKind::SharedSemaphore));
    let p2 = ThreadRef { pid: 1, tid: 0 };
    assert_eq!(waits[0].0, p2, "P2 finds the semaphore taken by P1");
    let woken = run
        .events()
        .iter()
        .find(|event| event.thread == p2 && matches!(event.cause, Cause::Woken { .. }))
        .expect("P1's signal wakes P2");
    assert!(matches!(woken.cause, Cause::Woken { by } if by.pid == 0));
    let state = run.state_at(waits_tick(&run));
    let waiting = state.thread(p2).unwrap().program.as_ref().unwrap();
    assert_eq!(waiting.waiting_for, Some(("mutex".to_string(), None)));
    assert_eq!(value(&run, 0, "counter"), 6);
}

fn waits_tick(run: &Run) -> u64 {
    run.events()
        .iter()
        .find(|event| matches!(event.cause, Cause::Waits { .. }))
        .unwrap()
        .tick
}

#[test]
fn shared_memory_without_a_lock_loses_updates_under_some_schedule_and_with_a_shared_semaphore_never(
) {
    let mut rng = Pcg32::new(31, 7);
    let mut lost = 0;
    for round in 0..200 {
        let (first, second) = (rng.between(1, 5) as u32, rng.between(1, 5) as u32);
        let seed = rng.next_u32();
        let machine = |program: &str| {
            let mut same = Pcg32::new(u64::from(seed), 1);
            random_machine(&mut same, two(program, first, second), 12, false)
        };
        let racy = run(&machine(RACE));
        assert_eq!(racy.end(), RunEnd::Finished, "round {round}");
        let counter = value(&racy, 0, "counter");
        assert!(counter <= i64::from(first + second), "round {round}");
        assert_eq!(
            counter,
            value(&racy, 1, "counter"),
            "one word, round {round}"
        );
        if counter < i64::from(first + second) {
            lost += 1;
        }
        let locked = run(&machine(LOCKED));
        assert_eq!(locked.end(), RunEnd::Finished, "round {round}");
        assert_eq!(
            value(&locked, 0, "counter"),
            i64::from(first + second),
            "round {round}: {:?} {:?}",
            locked.scenario().machine(),
            locked.scenario().policy()
        );
    }
    assert!(lost > 0, "some schedule must lose an update without a lock");
}

/// The same inside a mutex of the segment.
const SHARED_MUTEX: &str = ".shared counter
.shared mutex m
.main
.again
lock m
mov counter, %ax
add $1, %ax
mov %ax, counter
unlock m
sub $1, %bx
test $0, %bx
jgt .again
halt
";

#[test]
fn a_shared_mutex_is_one_mutex_across_processes_and_only_its_holder_may_unlock_it() {
    let mut rng = Pcg32::new(5, 9);
    let mut contended = 0;
    for round in 0..100 {
        let (first, second) = (rng.between(1, 5) as u32, rng.between(1, 5) as u32);
        let spec = random_machine(&mut rng, two(SHARED_MUTEX, first, second), 12, false);
        let locked = run(&spec);
        assert_eq!(locked.end(), RunEnd::Finished, "round {round}");
        assert_eq!(value(&locked, 0, "counter"), i64::from(first + second));
        if locked
            .metrics()
            .threads
            .iter()
            .any(|thread| thread.blocked > 0)
        {
            contended += 1;
        }
    }
    assert!(
        contended > 0,
        "some schedule must make a process wait for m"
    );
    // Unlocking the segment's mutex without holding it ends the thread with a fault.
    let spec = ScenarioSpec {
        processes: vec![program_process(
            ".shared mutex m\n.main\nunlock m\nhalt\n",
            &[""],
        )],
        ..ScenarioSpec::default()
    };
    let faulted = run(&spec);
    let faults = faulted
        .program_steps()
        .iter()
        .filter(|step| matches!(step.outcome, proclab_core::program::StepOutcome::Fault(_)))
        .count();
    assert_eq!(faults, 1);
}

#[test]
fn shared_declarations_are_checked_on_their_lines_and_must_agree() {
    assert_eq!(
        program_errors(".shared\nhalt\n"),
        [(1, ParseErrorKind::VarFieldCount)]
    );
    assert_eq!(
        program_errors(".shared sem s x\nhalt\n"),
        [(1, ParseErrorKind::BadSyncDeclaration)]
    );
    assert_eq!(
        program_errors(".shared a\n.var a\nhalt\n"),
        [(2, ParseErrorKind::DuplicateVariable { first_line: 1 })]
    );
    let errors = |first: &str, second: &str| {
        Scenario::new(&ScenarioSpec {
            processes: vec![
                program_process(first, &[""]),
                program_process(second, &[""]),
            ],
            ..ScenarioSpec::default()
        })
        .err()
    };
    let mismatch = |line| {
        Some(vec![ScenarioError::SharedDeclarationMismatch {
            process: 1,
            line,
            first_process: 0,
        }])
    };
    assert_eq!(
        errors(".shared a 2\nhalt\n", "nop\n.shared a 3\nhalt\n"),
        mismatch(2)
    );
    assert_eq!(
        errors(".shared sem s 1\nhalt\n", ".shared sem s 0\nhalt\n"),
        mismatch(1)
    );
    assert_eq!(
        errors(".shared s\nhalt\n", ".shared sem s 1\nhalt\n"),
        mismatch(1)
    );
    assert_eq!(errors(".shared a 2\nhalt\n", ".shared a 2\nhalt\n"), None);
}
