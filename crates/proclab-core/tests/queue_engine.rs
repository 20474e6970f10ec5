//! Message queues between processes (`.queue name capacity`, `send q, %r`, `recv q, %r`): the
//! processes that declare a name share the queue; `send` blocks while it is full, `recv` while it
//! is empty; messages keep their order and are never lost or duplicated.

mod common;

use common::programs::{program_process, random_machine};
use proclab_core::program::RunEnd;
use proclab_core::rng::Pcg32;
use proclab_core::{
    simulate, Cause, PolicySpec, ProcessSpec, Run, Scenario, ScenarioError, ScenarioSpec, SyncKind,
    ThreadRef,
};

/// Sends 1..=%bx on `q`, then halts.
const CLIENT: &str = ".queue q 2
.main
mov $1, %ax
.next
send q, %ax
add $1, %ax
test %ax, %bx
jgte .next
halt
";

/// Receives %bx messages from `q` into `got[0..]` in order, then halts.
const SERVER: &str = ".queue q 2
.var got 8
.main
lea got, %fx
mov $0, %cx
.next
recv q, %ax
mov %ax, 0(%fx,%cx,4)
add $1, %cx
test %cx, %bx
jgt .next
halt
";

fn two_processes(client: &str, server: &str, bx: u32) -> Vec<ProcessSpec> {
    let mut client = program_process(client, &[&format!("bx={bx}")]);
    client.name = "Client".into();
    let mut server = program_process(server, &[&format!("bx={bx}")]);
    server.name = "Server".into();
    vec![client, server]
}

fn run(spec: &ScenarioSpec) -> Run {
    simulate(&Scenario::new(spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

fn got(run: &Run) -> Vec<i64> {
    let state = run.state_at(run.end_tick());
    state.memories[1]
        .words
        .iter()
        .filter(|(name, _, _)| name.starts_with("got"))
        .map(|(_, _, value)| *value)
        .collect()
}

#[test]
fn a_full_queue_blocks_the_sender_and_an_empty_one_the_receiver() {
    // The client runs first (FCFS): two messages fill the queue, the third send blocks; the
    // server takes them in order, which frees a slot and wakes the client.
    let spec = ScenarioSpec {
        processes: two_processes(CLIENT, SERVER, 5),
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(got(&run), [1, 2, 3, 4, 5, 0, 0, 0]);
    let client = ThreadRef { pid: 0, tid: 0 };
    let waits: Vec<(ThreadRef, SyncKind)> = run
        .events()
        .iter()
        .filter_map(|event| match event.cause {
            Cause::Waits { object } => Some((event.thread, object.kind)),
            _ => None,
        })
        .collect();
    assert_eq!(
        waits.first(),
        Some(&(client, SyncKind::Queue)),
        "the third send blocks"
    );
    let woken_client = run
        .events()
        .iter()
        .any(|event| event.thread == client && matches!(event.cause, Cause::Woken { .. }));
    assert!(
        woken_client,
        "a recv from the full queue wakes the blocked sender"
    );
    let state = run.state_at(0);
    assert_eq!(
        state.queues.len(),
        1,
        "one queue, shared by the two processes"
    );
}

#[test]
fn messages_are_never_lost_duplicated_or_reordered_on_any_machine() {
    let mut rng = Pcg32::new(17, 3);
    for round in 0..200 {
        let count = rng.between(1, 8) as u32;
        let spec = random_machine(&mut rng, two_processes(CLIENT, SERVER, count), 12, false);
        let run = run(&spec);
        assert_eq!(
            run.end(),
            RunEnd::Finished,
            "round {round}: {:?}",
            spec.machine
        );
        let expected: Vec<i64> = (1..=8)
            .map(|n| if n <= count as i64 { n } else { 0 })
            .collect();
        assert_eq!(got(&run), expected, "round {round}");
        let state = run.state_at(run.end_tick());
        assert!(state.queues[0].messages.is_empty());
    }
}

#[test]
fn two_processes_that_both_wait_to_receive_deadlock_with_no_cycle() {
    let waiter = ".queue a 1\n.queue b 1\n.main\nrecv a, %ax\nsend b, %ax\nhalt\n";
    let other = ".queue a 1\n.queue b 1\n.main\nrecv b, %ax\nsend a, %ax\nhalt\n";
    let spec = ScenarioSpec {
        processes: vec![
            program_process(waiter, &[""]),
            program_process(other, &[""]),
        ],
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    let run = run(&spec);
    assert!(
        matches!(run.end(), RunEnd::Deadlock { .. }),
        "{:?}",
        run.end()
    );
    let report = run.deadlock().expect("a report");
    let names: Vec<(u32, &str, Option<u32>)> = report
        .waits
        .iter()
        .map(|edge| (edge.thread, edge.name.as_str(), edge.holder))
        .collect();
    assert_eq!(names, [(0, "a", None), (1, "b", None)]);
    assert!(report.cycle.is_empty(), "a queue has no holder");
}

#[test]
fn processes_must_agree_on_a_shared_queue_capacity() {
    let spec = ScenarioSpec {
        processes: vec![
            program_process(".queue q 2\n.main\nhalt\n", &[""]),
            program_process("# server\n.queue q 3\n.main\nhalt\n", &[""]),
        ],
        ..ScenarioSpec::default()
    };
    assert_eq!(
        Scenario::new(&spec).err(),
        Some(vec![ScenarioError::QueueCapacityMismatch {
            process: 1,
            line: 2,
            first_process: 0
        }])
    );
}
