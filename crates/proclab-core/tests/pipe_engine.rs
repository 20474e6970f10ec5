//! Pipes between processes (`.pipe name capacity`, `write p, %r`, `read p, %r`, `close p`): the
//! processes that declare a name share the pipe; `write` blocks while it is full, `read` while it
//! is empty; once every writer has closed its end or exited, a `read` of the empty pipe gets -1
//! (end-of-file). Values keep their order and are never lost or duplicated.

mod common;

use common::programs::{program_errors, program_process, random_machine};
use proclab_core::program::{Fault, ParseErrorKind, RunEnd, StepOutcome};
use proclab_core::rng::Pcg32;
use proclab_core::{
    simulate, Cause, PolicySpec, ProcessSpec, Run, Scenario, ScenarioError, ScenarioSpec, SyncKind,
    ThreadRef,
};

/// Writes 1..=%bx to `p`, closes its end, halts.
const WRITER: &str = ".pipe p 2
.main
mov $1, %ax
.next
write p, %ax
add $1, %ax
test %ax, %bx
jgte .next
close p
halt
";

/// The same without `close`: its end closes when it exits.
const WRITER_NO_CLOSE: &str = ".pipe p 2
.main
mov $1, %ax
.next
write p, %ax
add $1, %ax
test %ax, %bx
jgte .next
halt
";

/// Reads `p` into `got[0..]` until end-of-file (-1), then stores how many it read in `count`.
const READER: &str = ".pipe p 2
.var got 8
.var count
.main
lea got, %fx
mov $0, %cx
.next
read p, %ax
test $0, %ax
jlt .eof
mov %ax, 0(%fx,%cx,4)
add $1, %cx
j .next
.eof
mov %cx, count
halt
";

fn process(name: &str, program: &str, registers: &[&str]) -> ProcessSpec {
    let mut process = program_process(program, registers);
    process.name = name.into();
    process
}

/// The processes under FCFS on one CPU, every other setting at its default.
fn fcfs(processes: Vec<ProcessSpec>) -> ScenarioSpec {
    ScenarioSpec {
        processes,
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    }
}

fn run(spec: &ScenarioSpec) -> Run {
    simulate(&Scenario::new(spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

/// The reader's `got[]` and `count` at the end (process `pid`).
fn got(run: &Run, pid: usize) -> (Vec<i64>, i64) {
    let state = run.state_at(run.end_tick());
    let memory = state
        .memories
        .iter()
        .find(|memory| memory.pid as usize == pid)
        .expect("the reader's memory");
    let value = |prefix: &str| {
        memory
            .words
            .iter()
            .filter(|(name, _, _)| name.starts_with(prefix))
            .map(|(_, _, value)| *value)
            .collect::<Vec<i64>>()
    };
    (value("got"), value("count")[0])
}

fn waits(run: &Run) -> Vec<(ThreadRef, SyncKind)> {
    run.events()
        .iter()
        .filter_map(|event| match event.cause {
            Cause::Waits { object } => Some((event.thread, object.kind)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_full_pipe_blocks_the_writer_and_an_empty_one_the_reader() {
    // FCFS, the writer first: two values fill the pipe, the third write blocks; the reader
    // drains it, which wakes the writer, then waits on the empty pipe until the writer writes
    // again (the value goes straight to it) or closes (end-of-file).
    let spec = fcfs(vec![
        process("Writer", WRITER, &["bx=5"]),
        process("Reader", READER, &[""]),
    ]);
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(got(&run, 1), (vec![1, 2, 3, 4, 5, 0, 0, 0], 5));
    let writer = ThreadRef { pid: 0, tid: 0 };
    let reader = ThreadRef { pid: 1, tid: 0 };
    let waits = waits(&run);
    assert_eq!(
        waits.first(),
        Some(&(writer, SyncKind::Pipe)),
        "the third write blocks"
    );
    assert!(
        waits.contains(&(reader, SyncKind::Pipe)),
        "the reader blocks on the empty pipe: {waits:?}"
    );
    let woken = |thread: ThreadRef| {
        run.events()
            .iter()
            .any(|event| event.thread == thread && matches!(event.cause, Cause::Woken { .. }))
    };
    assert!(woken(writer) && woken(reader));
    // At the first wait the buffer is full and the writer is its blocked sender.
    let first_wait = run
        .events()
        .iter()
        .find(|event| matches!(event.cause, Cause::Waits { .. }))
        .unwrap()
        .tick;
    let state = run.state_at(first_wait);
    assert_eq!(
        state.queues.len(),
        1,
        "one pipe, shared by the two processes"
    );
    let pipe = &state.queues[0];
    assert!(pipe.is_pipe());
    assert_eq!(pipe.messages, [1, 2]);
    assert_eq!(pipe.senders, [writer]);
    assert_eq!(pipe.open_writers.as_deref(), Some(&[writer][..]));
    assert!(run.state_at(run.end_tick()).queues[0].at_end_of_file());
}

#[test]
fn read_gets_end_of_file_once_every_writer_has_closed_or_exited_and_the_buffer_is_empty() {
    // Two writers, one closes and one just halts; the reader gets every value of both and then
    // -1, never before both are gone.
    let spec = ScenarioSpec {
        processes: vec![
            process("A", WRITER, &["bx=2"]),
            process("B", WRITER_NO_CLOSE, &["bx=3"]),
            process("Reader", READER, &[""]),
        ],
        policy: PolicySpec::Rr { quantum: 3 },
        ..ScenarioSpec::default()
    };
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    let (mut values, count) = got(&run, 2);
    assert_eq!(count, 5, "five values before end-of-file");
    values.truncate(5);
    values.sort_unstable();
    assert_eq!(values, [1, 1, 2, 2, 3]);
    let last_exit = run
        .events()
        .iter()
        .filter(|event| event.thread.pid < 2 && matches!(event.cause, Cause::Exited))
        .map(|event| event.tick)
        .max()
        .unwrap();
    let end_of_file = run
        .program_steps()
        .iter()
        .find(|step| {
            matches!(step.outcome, StepOutcome::Message { value: -1, .. }) && step.thread == 2
        })
        .expect("the reader reads end-of-file")
        .tick;
    assert!(
        end_of_file >= last_exit - 1,
        "{end_of_file} before {last_exit}"
    );
}

#[test]
fn a_reader_waiting_on_an_empty_pipe_wakes_with_end_of_file_when_the_last_writer_closes() {
    // The reader runs first and waits; the writer closes its end without writing (its `write`
    // after `halt` is never reached, but makes it the pipe's writer).
    let closer = ".pipe p 2\n.main\nclose p\nhalt\nwrite p, %ax\n";
    let spec = fcfs(vec![
        process("Reader", READER, &[""]),
        process("Writer", closer, &[""]),
    ]);
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(got(&run, 0).1, 0, "end-of-file at the first read");
    let reader = ThreadRef { pid: 0, tid: 0 };
    let writer = ThreadRef { pid: 1, tid: 0 };
    assert_eq!(waits(&run), [(reader, SyncKind::Pipe)]);
    let woken = run
        .events()
        .iter()
        .find(|event| event.thread == reader && matches!(event.cause, Cause::Woken { .. }))
        .expect("the close wakes the reader");
    assert!(matches!(woken.cause, Cause::Woken { by } if by == writer));
}

#[test]
fn waiting_readers_are_served_first_come_first_served() {
    let one = ".pipe p 2\n.var got\n.main\nread p, %ax\nmov %ax, got\nhalt\n";
    let spec = fcfs(vec![
        process("R1", one, &[""]),
        process("R2", one, &[""]),
        process("Writer", WRITER, &["bx=2"]),
    ]);
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    let state = run.state_at(run.end_tick());
    let values: Vec<i64> = state
        .memories
        .iter()
        .take(2)
        .map(|m| m.words[0].2)
        .collect();
    assert_eq!(
        values,
        [1, 2],
        "the first reader to wait gets the first value"
    );
}

#[test]
fn writing_after_close_is_a_fault_of_that_instruction() {
    let twice = ".pipe p 2\n.main\nmov $7, %ax\nwrite p, %ax\nclose p\nwrite p, %ax\nhalt\n";
    let spec = fcfs(vec![
        process("Writer", twice, &[""]),
        process("Reader", READER, &[""]),
    ]);
    let run = run(&spec);
    assert_eq!(run.end(), RunEnd::Finished);
    let fault = run
        .program_steps()
        .iter()
        .find(|step| matches!(step.outcome, StepOutcome::Fault(_)))
        .expect("a fault");
    assert_eq!(
        (fault.thread, fault.pc, fault.outcome),
        (
            0,
            1003,
            StepOutcome::Fault(Fault::WriteAfterClose { pipe: 0 })
        )
    );
    assert_eq!(got(&run, 1), (vec![7, 0, 0, 0, 0, 0, 0, 0], 1));
}

#[test]
fn a_pipe_carries_bytes_and_writing_anything_else_is_a_fault() {
    // 255 and 0 are bytes; 256 and -1 are not: the write faults, nothing enters the pipe, and
    // the writer ends (its write end closes, so the reader gets end-of-file after the bytes).
    for (value, delivered) in [(255, true), (0, true), (256, false), (-1, false)] {
        let writer = format!(".pipe p 2\n.main\nmov ${value}, %ax\nwrite p, %ax\nclose p\nhalt\n");
        let spec = fcfs(vec![
            process("Writer", &writer, &[""]),
            process("Reader", READER, &[""]),
        ]);
        let run = run(&spec);
        assert_eq!(run.end(), RunEnd::Finished, "{value}");
        let fault = run
            .program_steps()
            .iter()
            .find(|step| matches!(step.outcome, StepOutcome::Fault(_)));
        if delivered {
            assert_eq!(fault, None, "{value}");
            assert_eq!(got(&run, 1), (vec![value, 0, 0, 0, 0, 0, 0, 0], 1));
        } else {
            assert_eq!(
                fault.map(|step| step.outcome),
                Some(StepOutcome::Fault(Fault::NotAByte { pipe: 0, value })),
            );
            assert_eq!(got(&run, 1), (vec![0; 8], 0), "nothing was written");
        }
    }
}

#[test]
fn pipes_are_checked_capacity_reader_writer_and_agreement() {
    assert_eq!(
        program_errors("nop\n.pipe p 0\nhalt\n"),
        [(2, ParseErrorKind::PipeCapacityOutOfRange { max: 1_000 })]
    );
    assert_eq!(
        program_errors(".pipe p 1001\nhalt\n"),
        [(1, ParseErrorKind::PipeCapacityOutOfRange { max: 1_000 })]
    );
    assert_eq!(
        program_errors(".pipe p\nhalt\n"),
        [(1, ParseErrorKind::BadSyncDeclaration)]
    );
    assert_eq!(
        program_errors(".pipe p 1\nclose q\nhalt\n"),
        [(
            2,
            ParseErrorKind::UnknownSyncObject {
                opcode: proclab_core::program::Opcode::Close
            }
        )]
    );
    let errors = |processes: Vec<ProcessSpec>| {
        Scenario::new(&ScenarioSpec {
            processes,
            ..ScenarioSpec::default()
        })
        .err()
    };
    let only_writer = ".pipe p 2\n.main\nwrite p, %ax\nhalt\n";
    assert_eq!(
        errors(vec![process("W", only_writer, &[""])]),
        Some(vec![ScenarioError::PipeWithoutReader {
            process: 0,
            line: 1
        }])
    );
    assert_eq!(
        errors(vec![process("R", READER, &[""])]),
        Some(vec![ScenarioError::PipeWithoutWriter {
            process: 0,
            line: 1
        }])
    );
    // A typo in the writer is its own problem: the reader is not told nobody writes.
    let reported = errors(vec![
        process("W", &WRITER.replace("write p", "wrte p"), &[""]),
        process("R", READER, &[""]),
    ])
    .expect("the typo");
    assert!(
        matches!(
            reported.as_slice(),
            [ScenarioError::ProgramLine { process: 0, .. }]
        ),
        "{reported:?}"
    );
    assert_eq!(
        errors(vec![
            process("W", WRITER, &[""]),
            process(
                "R",
                &READER.replace(".pipe p 2", "# reader\n.pipe p 3"),
                &[""]
            ),
        ]),
        Some(vec![ScenarioError::PipeCapacityMismatch {
            process: 1,
            line: 2,
            first_process: 0
        }])
    );
    assert_eq!(
        errors(vec![
            process("W", WRITER, &[""]),
            process("Q", ".queue p 2\n.main\nhalt\n", &[""]),
            process("R", READER, &[""]),
        ]),
        Some(vec![ScenarioError::ChannelKindMismatch {
            process: 1,
            line: 1,
            first_process: 0
        }])
    );
}

#[test]
fn a_pipe_delivers_values_in_order_none_lost_or_duplicated_on_any_machine() {
    let mut rng = Pcg32::new(23, 5);
    for round in 0..200 {
        let count = rng.between(0, 8) as u32;
        let writer = if rng.between(0, 1) == 0 {
            WRITER
        } else {
            WRITER_NO_CLOSE
        };
        let processes = vec![
            process("Writer", writer, &[&format!("bx={count}")]),
            process("Reader", READER, &[""]),
        ];
        let spec = random_machine(&mut rng, processes, 12, false);
        let run = run(&spec);
        assert_eq!(
            run.end(),
            RunEnd::Finished,
            "round {round}: {:?}",
            spec.machine
        );
        // With bx=0 the loop still writes 1 once (it tests after writing).
        let written = count.max(1) as i64;
        let expected: Vec<i64> = (1..=8).map(|n| if n <= written { n } else { 0 }).collect();
        assert_eq!(got(&run, 1), (expected, written), "round {round}");
        assert!(run.state_at(run.end_tick()).queues[0].at_end_of_file());
    }
}
