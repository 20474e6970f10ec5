//! Condition variables in the engine (`.cond c`, `wait c, m`, `signal c`, `broadcast c`): each
//! rule of `program/sync.rs` pinned by a test, then the two textbook programs as laws under
//! random schedules and machines: "wait for me" (a join on a `done` flag) and the bounded-buffer
//! producer-consumer with one mutex and two conditions, which never loses or duplicates an item;
//! and why Mesa waiters re-check in a `while` loop (an `if` lets a consumer take from an empty
//! buffer).

use proclab_core::program::{
    Fault, Machine, ParseErrorKind, Program, Register, Registers, Requeued, RunEnd, StepOutcome,
    Wait,
};
use proclab_core::rng::Pcg32;
use proclab_core::{
    simulate, Cause, PolicySpec, ProcessSpec, ProcessState, Run, Scenario, ScenarioSpec,
    ScheduleSpec, SyncKind, SyncObject, ThreadRef,
};

mod common;
use common::programs::{program_errors, program_process, random_machine};

fn simulate_spec(spec: &ScenarioSpec) -> Run {
    simulate(&Scenario::new(spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

/// One process; a one-tick-per-entry schedule if given (round robin, quantum 1, otherwise).
fn run_with(process: ProcessSpec, policy: PolicySpec, schedule: Option<Vec<u32>>) -> Run {
    simulate_spec(&ScenarioSpec {
        processes: vec![process],
        policy,
        schedule: schedule.map(|threads| ScheduleSpec {
            threads,
            repeat: false,
        }),
        ..ScenarioSpec::default()
    })
}

fn t(tid: u32) -> ThreadRef {
    ThreadRef { pid: 0, tid }
}

const CONDITION: SyncObject = SyncObject {
    kind: SyncKind::Condition,
    index: 0,
};
const MUTEX: SyncObject = SyncObject {
    kind: SyncKind::Mutex,
    index: 0,
};

/// The waits and wakes of a run, as (tick, thread, what happened).
#[derive(Debug, PartialEq, Eq)]
enum SyncEvent {
    Waits(SyncObject),
    WokenBy(ThreadRef),
}

fn sync_events(run: &Run) -> Vec<(u64, ThreadRef, SyncEvent)> {
    run.events()
        .iter()
        .filter_map(|event| {
            let what = match event.cause {
                Cause::Waits { object } => SyncEvent::Waits(object),
                Cause::Woken { by } => SyncEvent::WokenBy(by),
                _ => return None,
            };
            Some((event.tick, event.thread, what))
        })
        .collect()
}

fn faults(run: &Run) -> Vec<StepOutcome> {
    run.program_steps()
        .iter()
        .map(|step| step.outcome)
        .filter(|outcome| matches!(outcome, StepOutcome::Fault(_)))
        .collect()
}

/// What thread `tid` waits for at `tick`, by name, and who holds it.
fn waiting_for(run: &Run, tick: u64, tid: u32) -> Option<(String, Option<ThreadRef>)> {
    let state = run.state_at(tick);
    let thread = &state.threads[tid as usize];
    assert_eq!(thread.state, ProcessState::Blocked, "T{tid} at {tick}");
    thread.program.as_ref()?.waiting_for.clone()
}

fn label(source: &str, name: &str) -> u32 {
    let program = Program::parse(source).expect("assembles");
    let found = program.labels().iter().find(|label| label.name == name);
    found.expect("a label").address
}

fn word(run: &Run, name: &str) -> i64 {
    let state = run.state_at(run.end_tick());
    state.memories[0]
        .words
        .iter()
        .find(|(word, _, _)| word == name)
        .map(|(_, _, value)| *value)
        .unwrap_or_else(|| panic!("no word {name}"))
}

/// `%bx` = 0: lock m, wait on c, unlock, halt. `%bx` = 1: `OTHER` (then halt).
fn waiter_and(other: &str) -> String {
    format!(
        ".mutex m
.cond c
.main
test $0, %bx
jne .other
lock m
wait c, m
unlock m
halt
.other
{other}
halt
"
    )
}

#[test]
fn waiting_on_a_condition_without_holding_its_mutex_is_a_fault() {
    let fault = StepOutcome::Fault(Fault::WaitWithoutMutex {
        condition: 0,
        mutex: 0,
    });
    // The mutex free.
    let alone = run_with(
        program_process(".mutex m\n.cond c\n.main\nwait c, m\nhalt\n", &[""]),
        PolicySpec::Fcfs,
        None,
    );
    assert_eq!(faults(&alone), [fault]);
    // The mutex held by another thread: T1 locks m, then T0 tries to wait with it.
    let program = ".mutex m\n.cond c\n.main\ntest $0, %bx\njne .other\nwait c, m\nhalt\n.other\nlock m\nnop\nnop\nunlock m\nhalt\n";
    let run = run_with(
        program_process(program, &["bx=0", "bx=1"]),
        PolicySpec::Rr { quantum: 1 },
        Some(vec![1, 1, 1, 0, 0, 0, 1, 1, 1, 1]),
    );
    assert_eq!(faults(&run), [fault]);
    assert_eq!(run.end(), RunEnd::Finished, "only the faulting thread ends");
    assert!(sync_events(&run).is_empty(), "a fault waits for nothing");
}

#[test]
fn wait_releases_the_mutex_handing_it_to_its_first_waiter_and_blocks_on_the_condition() {
    // T0 locks m; T1 blocks on it; T0's wait hands m to T1 and blocks on c. T1 signals while it
    // holds m: T0 now waits for m, held by T1, until T1's unlock hands it over.
    let run = run_with(
        program_process(&waiter_and("lock m\nsignal c\nunlock m"), &["bx=0", "bx=1"]),
        PolicySpec::Rr { quantum: 1 },
        Some(vec![0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 1]),
    );
    assert_eq!(
        sync_events(&run),
        [
            (6, t(1), SyncEvent::Waits(MUTEX)),
            (7, t(0), SyncEvent::Waits(CONDITION)),
            (7, t(1), SyncEvent::WokenBy(t(0))),
            (9, t(0), SyncEvent::WokenBy(t(1))),
        ]
    );
    assert_eq!(waiting_for(&run, 7, 0), Some(("c".to_string(), None)));
    assert_eq!(run.end(), RunEnd::Finished);
    assert!(faults(&run).is_empty(), "T0's unlock finds it holding m");
}

#[test]
fn signal_with_the_mutex_free_wakes_the_waiter_holding_it() {
    let run = run_with(
        program_process(&waiter_and("signal c"), &["bx=0", "bx=1"]),
        PolicySpec::Rr { quantum: 1 },
        Some(vec![0, 0, 0, 0, 1, 1, 1, 0, 0, 1]),
    );
    assert_eq!(
        sync_events(&run),
        [
            (4, t(0), SyncEvent::Waits(CONDITION)),
            (7, t(0), SyncEvent::WokenBy(t(1))),
        ]
    );
    assert_eq!(run.end(), RunEnd::Finished);
    assert!(
        faults(&run).is_empty(),
        "T0 holds m: its unlock is no fault"
    );
}

#[test]
fn signal_with_the_mutex_held_moves_the_waiter_to_the_mutex_queue() {
    // T1 locks m and signals: T0 stays blocked, waiting for m now, until T1 unlocks.
    let run = run_with(
        program_process(
            &waiter_and("lock m\nsignal c\nnop\nunlock m"),
            &["bx=0", "bx=1"],
        ),
        PolicySpec::Rr { quantum: 1 },
        Some(vec![0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1]),
    );
    assert_eq!(waiting_for(&run, 7, 0), Some(("c".to_string(), None)));
    assert_eq!(
        waiting_for(&run, 8, 0),
        Some(("m".to_string(), Some(t(1)))),
        "after the signal"
    );
    assert_eq!(
        sync_events(&run),
        [
            (4, t(0), SyncEvent::Waits(CONDITION)),
            (10, t(0), SyncEvent::WokenBy(t(1))),
        ],
        "woken by the unlock, not by the signal"
    );
    assert_eq!(run.end(), RunEnd::Finished);
}

#[test]
fn broadcast_moves_every_waiter_and_they_get_the_mutex_in_fifo_order() {
    // T2, then T0, then T1 wait; T3 broadcasts holding m: all three wait for m, then each
    // unlock hands it to the next in the order they waited on c.
    let run = run_with(
        program_process(
            &waiter_and("lock m\nbroadcast c\nunlock m"),
            &["bx=0", "bx=0", "bx=0", "bx=1"],
        ),
        PolicySpec::Rr { quantum: 1 },
        Some(
            [
                vec![2; 4],
                vec![0; 4],
                vec![1; 4],
                vec![3; 5],
                vec![2, 2, 0, 0, 1, 1, 3],
            ]
            .concat(),
        ),
    );
    for waiter in [0, 1, 2] {
        assert_eq!(
            waiting_for(&run, 16, waiter),
            Some(("m".to_string(), Some(t(3)))),
            "T{waiter} after the broadcast"
        );
    }
    let woken: Vec<(u64, ThreadRef, SyncEvent)> = sync_events(&run)
        .into_iter()
        .filter(|(_, _, what)| matches!(what, SyncEvent::WokenBy(_)))
        .collect();
    assert_eq!(
        woken,
        [
            (17, t(2), SyncEvent::WokenBy(t(3))),
            (18, t(0), SyncEvent::WokenBy(t(2))),
            (20, t(1), SyncEvent::WokenBy(t(0))),
        ]
    );
    assert_eq!(run.end(), RunEnd::Finished);
}

#[test]
fn broadcast_with_the_mutex_free_wakes_the_first_waiter_and_queues_the_rest_for_the_mutex() {
    // On the machine itself, what one `broadcast` step reports: T0, T1, T2 wait; T3 broadcasts
    // without the mutex.
    let source = waiter_and("broadcast c");
    let mut machine =
        Machine::new(Program::parse(&source).expect("assembles"), 128 * 1024).expect("fits");
    for bx in [0, 0, 0, 1] {
        let mut registers = Registers::default();
        registers.set(Register::Bx, bx);
        machine.add_thread(registers);
    }
    for thread in 0..3 {
        let outcomes: Vec<StepOutcome> = (0..4)
            .map(|_| machine.step(thread).expect("runs").outcome)
            .collect();
        assert_eq!(outcomes[3], StepOutcome::Blocked(Wait::Condition(0)));
    }
    assert_eq!(machine.sync().holder(0), None, "each wait released m");
    let steps: Vec<_> = (0..3).map(|_| machine.step(3).expect("runs")).collect();
    let broadcast = &steps[2];
    assert_eq!(broadcast.outcome, StepOutcome::Continued);
    assert_eq!(broadcast.woke, [0]);
    assert_eq!(
        broadcast.requeued,
        [
            Requeued {
                thread: 1,
                mutex: 0
            },
            Requeued {
                thread: 2,
                mutex: 0
            },
        ]
    );
    assert_eq!(machine.sync().holder(0), Some(0));
    assert_eq!(
        machine.sync().waiters(Wait::Mutex(0)).collect::<Vec<u32>>(),
        [1, 2]
    );
    assert_eq!(machine.sync().waiting_for(2), Some(Wait::Mutex(0)));
    assert_eq!(machine.sync().waiters(Wait::Condition(0)).count(), 0);
}

#[test]
fn a_signal_with_no_waiter_is_lost_unlike_a_semaphore_s() {
    // T0 signals before T1 waits: nothing remembers it, T1 waits for ever.
    let lost = run_with(
        program_process(
            ".mutex m\n.cond c\n.main\ntest $0, %bx\njne .wait\nsignal c\nhalt\n.wait\nlock m\nwait c, m\nunlock m\nhalt\n",
            &["bx=0", "bx=1"],
        ),
        PolicySpec::Fcfs,
        None,
    );
    assert!(
        matches!(lost.end(), RunEnd::Deadlock { .. }),
        "{:?}",
        lost.end()
    );
    let report = lost.deadlock().expect("a report");
    let edges: Vec<(u32, SyncObject, &str, Option<u32>)> = report
        .waits
        .iter()
        .map(|edge| (edge.thread, edge.object, edge.name.as_str(), edge.holder))
        .collect();
    assert_eq!(
        edges,
        [(1, CONDITION, "c", None)],
        "nobody holds a condition"
    );
    assert!(report.cycle.is_empty());
    // A semaphore counts the early signal: the same order finishes.
    let counted = run_with(
        program_process(
            ".sem s 0\n.main\ntest $0, %bx\njne .wait\nsignal s\nhalt\n.wait\nwait s\nhalt\n",
            &["bx=0", "bx=1"],
        ),
        PolicySpec::Fcfs,
        None,
    );
    assert_eq!(counted.end(), RunEnd::Finished);
}

#[test]
fn conditions_are_declared_and_named_by_kind_or_reported_on_their_line() {
    let errors = program_errors;
    let declared = ".mutex m\n.sem s 1\n.cond c\n.main\n";
    let with = |line: &str| format!("{declared}{line}\nhalt\n");
    for fine in [
        "wait c, m",
        "wait c,m",
        "signal c",
        "broadcast c",
        "wait s",
        "signal s",
    ] {
        assert_eq!(errors(&with(fine)), [], "{fine}");
    }
    let unknown = |opcode| ParseErrorKind::UnknownSyncObject { opcode };
    use proclab_core::program::Opcode;
    for (line, kind) in [
        ("wait c", unknown(Opcode::Wait)),
        ("wait m, c", unknown(Opcode::Wait)),
        ("wait s, m", unknown(Opcode::Wait)),
        ("broadcast s", unknown(Opcode::Broadcast)),
        ("signal m", unknown(Opcode::Signal)),
        ("lock c", unknown(Opcode::Lock)),
        (
            "wait c, m, m",
            ParseErrorKind::WrongOperandCount {
                opcode: Opcode::Wait,
                found: 3,
            },
        ),
        (
            "broadcast",
            ParseErrorKind::WrongOperandCount {
                opcode: Opcode::Broadcast,
                found: 0,
            },
        ),
        ("wait c,", ParseErrorKind::BadOperand { operand: 2 }),
    ] {
        assert_eq!(errors(&with(line)), [(5, kind)], "{line}");
    }
    assert_eq!(
        errors(".cond c 1\n.main\nhalt\n"),
        [(1, ParseErrorKind::BadSyncDeclaration)]
    );
    assert_eq!(
        errors(".cond\n.main\nhalt\n"),
        [(1, ParseErrorKind::BadSyncDeclaration)],
        "a declaration, not a label"
    );
    assert_eq!(
        errors(".mutex c\n.cond c\n.main\nhalt\n"),
        [(2, ParseErrorKind::DuplicateSyncObject { first_line: 1 })],
        "one set of names, so `signal c` means one thing"
    );
}

/// "Wait for me": `%bx` = 0 is the parent, which waits on c until `done` is 1 (re-checking in a
/// loop); `%bx` = 1 is the child, which sets `done` and signals, both under m.
const JOIN: &str = ".mutex m
.cond c
.var done
.main
test $0, %bx
jne .child
lock m
.check
mov done, %ax
test $0, %ax
jne .joined
wait c, m
j .check
.joined
unlock m
halt
.child
lock m
mov $1, done
signal c
unlock m
halt
";

#[test]
fn wait_for_me_joins_under_any_schedule_and_machine() {
    let mut rng = Pcg32::new(2026, 5);
    let mut parent_waited = 0;
    for round in 0..300 {
        let spec = random_machine(
            &mut rng,
            vec![program_process(JOIN, &["bx=0", "bx=1"])],
            12,
            false,
        );
        let run = simulate_spec(&spec);
        let context = format!("round {round}: {:?} {:?}", spec.schedule, spec.policy);
        assert_eq!(run.end(), RunEnd::Finished, "{context}");
        assert!(faults(&run).is_empty(), "{context}");
        assert_eq!(word(&run, "done"), 1, "{context}");
        // The parent passes `.joined` only after the child's `mov $1, done` (the instruction
        // after `.child`'s `lock m`).
        let steps = run.program_steps();
        let set = steps
            .iter()
            .position(|step| step.thread == 1 && step.pc == label(JOIN, ".child") + 1);
        let joined = steps
            .iter()
            .position(|step| step.thread == 0 && step.pc == label(JOIN, ".joined"));
        assert!(set.is_some() && set < joined, "{context}");
        if sync_events(&run)
            .iter()
            .any(|(_, thread, what)| *thread == t(0) && *what == SyncEvent::Waits(CONDITION))
        {
            parent_waited += 1;
        }
    }
    // Both orders happen: the parent waits on c, or finds `done` already 1.
    assert!((1..300).contains(&parent_waited), "{parent_waited}");
}

#[test]
fn wait_for_me_without_the_flag_hangs_when_the_child_signals_first() {
    // The parent waits without checking `done`: if the child ran first, its signal is lost.
    let no_flag = JOIN.replace(
        "mov done, %ax\ntest $0, %ax\njne .joined\nwait c, m\nj .check\n",
        "wait c, m\n",
    );
    let mut rng = Pcg32::new(2026, 6);
    let mut hung = 0;
    for _ in 0..100 {
        let run = simulate_spec(&random_machine(
            &mut rng,
            vec![program_process(&no_flag, &["bx=0", "bx=1"])],
            12,
            false,
        ));
        if let Some(report) = run.deadlock() {
            assert_eq!(report.waits.len(), 1);
            assert_eq!(report.waits[0].object, CONDITION);
            hung += 1;
        }
    }
    assert!(hung > 0, "some schedule runs the child first");
    let child_first = run_with(
        program_process(&no_flag, &["bx=1", "bx=0"]),
        PolicySpec::Fcfs,
        None,
    );
    assert!(matches!(child_first.end(), RunEnd::Deadlock { .. }));
}

/// The bounded buffer of OSTEP chapter 30 with one mutex and two conditions. `%dx` = 0 is a
/// producer of `%cx` items numbered from `%bx`; `%dx` = 1 a consumer of `%cx` items, which
/// counts each item it takes in `seen[item]`. Both re-check their condition in a `while` loop.
const BOUNDED_BUFFER: &str = ".mutex m
.cond not_full
.cond not_empty
.var buffer 2
.var fill
.var use
.var count
.var seen 13
.main
lea buffer, %fx
lea seen, %ex
test $0, %dx
jne .consume
.produce
lock m
.while_full
mov count, %ax
test $2, %ax
jlt .put
wait not_full, m
j .while_full
.put
mov fill, %ax
mov %bx, (%fx,%ax,4)
add $1, %ax
test $2, %ax
jlt .put_wrap
mov $0, %ax
.put_wrap
mov %ax, fill
mov count, %ax
add $1, %ax
mov %ax, count
signal not_empty
unlock m
add $1, %bx
sub $1, %cx
test $0, %cx
jgt .produce
halt
.consume
lock m
.while_empty
mov count, %ax
test $0, %ax
jgt .get
wait not_empty, m
j .while_empty
.get
mov use, %ax
mov (%fx,%ax,4), %bx
add $1, %ax
test $2, %ax
jlt .get_wrap
mov $0, %ax
.get_wrap
mov %ax, use
mov count, %ax
sub $1, %ax
mov %ax, count
mov (%ex,%bx,4), %ax
add $1, %ax
mov %ax, (%ex,%bx,4)
signal not_full
unlock m
sub $1, %cx
test $0, %cx
jgt .consume
halt
";

/// 1 or 2 producers of 1 to 4 items each (numbered from 1, one range per producer) and up to
/// 3 consumers sharing them (each takes at least one). Returns the threads' registers and the
/// number of items.
fn random_workload(rng: &mut Pcg32, producers: u64, consumers: u64) -> (Vec<String>, i64) {
    let per_producer = rng.between(1, 4) as i64;
    let items = producers as i64 * per_producer;
    let consumers = consumers.min(items as u64);
    let mut takes = vec![1i64; consumers as usize];
    for _ in consumers as i64..items {
        takes[rng.below(consumers) as usize] += 1;
    }
    let mut registers: Vec<String> = (0..producers as i64)
        .map(|producer| format!("dx=0:bx={}:cx={per_producer}", producer * per_producer + 1))
        .collect();
    registers.extend(takes.iter().map(|take| format!("dx=1:cx={take}")));
    (registers, items)
}

/// Every item 1..=items taken exactly once, no other word of `seen` touched, the buffer empty.
fn every_item_once(run: &Run, items: i64) -> bool {
    let seen_once = (0..13).all(|index| {
        let name = if index == 0 {
            "seen".to_string()
        } else {
            format!("seen[{index}]")
        };
        word(run, &name) == i64::from(index >= 1 && index <= items)
    });
    run.end() == RunEnd::Finished && faults(run).is_empty() && seen_once && word(run, "count") == 0
}

#[test]
fn the_bounded_buffer_never_loses_or_duplicates_an_item_under_any_schedule_and_machine() {
    let mut rng = Pcg32::new(30, 1);
    let (mut waited_full, mut waited_empty) = (0, 0);
    for round in 0..300 {
        let producers = rng.between(1, 2);
        let consumers = rng.between(1, 3);
        let (registers, items) = random_workload(&mut rng, producers, consumers);
        let registers: Vec<&str> = registers.iter().map(String::as_str).collect();
        let spec = random_machine(
            &mut rng,
            vec![program_process(BOUNDED_BUFFER, &registers)],
            12,
            false,
        );
        let run = simulate_spec(&spec);
        let context = format!(
            "round {round}: {registers:?} {:?} {:?} {:?}",
            spec.schedule,
            spec.policy,
            run.end()
        );
        assert!(every_item_once(&run, items), "{context}");
        for (_, _, what) in sync_events(&run) {
            match what {
                SyncEvent::Waits(object) if object.kind == SyncKind::Condition => {
                    if object.index == 0 {
                        waited_full += 1;
                    } else {
                        waited_empty += 1;
                    }
                }
                _ => {}
            }
        }
    }
    assert!(
        waited_full > 0 && waited_empty > 0,
        "producers waited on not_full ({waited_full}) and consumers on not_empty ({waited_empty})"
    );
}

#[test]
fn an_if_instead_of_a_while_lets_a_woken_consumer_take_from_an_empty_buffer() {
    // Mesa: between the signal and the woken consumer's turn another consumer may take the item.
    let with_if = BOUNDED_BUFFER.replace(
        "wait not_empty, m\nj .while_empty",
        "wait not_empty, m\nj .get",
    );
    let mut rng = Pcg32::new(30, 2);
    let broken = (0..300).find(|_| {
        let (registers, items) = random_workload(&mut rng, 1, 2);
        let registers: Vec<&str> = registers.iter().map(String::as_str).collect();
        let run = simulate_spec(&random_machine(
            &mut rng,
            vec![program_process(&with_if, &registers)],
            12,
            false,
        ));
        !every_item_once(&run, items)
    });
    assert!(broken.is_some(), "some schedule breaks the if version");
}
