//! The kernel entry cost (`machine.kernel_entry_cost`): ticks a program thread spends in the
//! kernel, on its CPU and before its next instruction, for every message queue or pipe
//! operation, and for a mutex, semaphore or condition operation only when it blocks or wakes a
//! thread.

mod common;

use common::programs::program_process;
use proclab_core::program::RunEnd;
use proclab_core::{simulate, PolicySpec, Run, Scenario, ScenarioError, ScenarioSpec};

fn run(program: &str, registers: &[&str], cost: u64) -> Run {
    let mut spec = ScenarioSpec {
        processes: vec![program_process(program, registers)],
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    spec.machine.kernel_entry_cost = cost;
    simulate(&Scenario::new(&spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

/// The tick of each executed instruction.
fn ticks(run: &Run) -> Vec<u64> {
    run.program_steps().iter().map(|step| step.tick).collect()
}

#[test]
fn each_pipe_operation_costs_the_kernel_entry_before_the_next_instruction() {
    // One process writes to its own pipe and reads it back.
    let program = ".pipe p 2\n.main\nmov $5, %ax\nwrite p, %ax\nread p, %bx\nhalt\n";
    let free = run(program, &[""], 0);
    assert_eq!(ticks(&free), [0, 1, 2, 3]);
    for cost in [1, 3] {
        let costly = run(program, &[""], cost);
        assert_eq!(costly.end(), RunEnd::Finished);
        assert_eq!(
            ticks(&costly),
            [0, 1, 2 + cost, 3 + 2 * cost],
            "cost {cost}: the write's kernel time, then the read's"
        );
        let thread = &costly.metrics().threads[0];
        assert_eq!((thread.kernel_entries, thread.kernel), (2, 2 * cost));
        assert_eq!(thread.cpu, 4 + 2 * cost, "kernel time is CPU time");
        assert_eq!(costly.end_tick(), free.end_tick() + 2 * cost);
    }
}

#[test]
fn an_uncontended_mutex_stays_in_user_space_and_a_contended_one_enters_the_kernel() {
    let program = ".mutex m\n.main\nlock m\nmov $1, %ax\nyield\nunlock m\nhalt\n";
    // One thread: never blocks nor wakes anyone.
    let alone = run(program, &[""], 3);
    assert_eq!(alone.metrics().threads[0].kernel_entries, 0);
    assert_eq!(ticks(&alone), [0, 1, 2, 3, 4]);
    // Two threads under FCFS: T1 yields holding m, T2's lock blocks (an entry), T1's unlock
    // wakes T2 (an entry), T2 runs on after its kernel time.
    let both = run(program, &["", ""], 3);
    assert_eq!(both.end(), RunEnd::Finished);
    let entries: Vec<(u64, u64)> = both
        .metrics()
        .threads
        .iter()
        .map(|thread| (thread.kernel_entries, thread.kernel))
        .collect();
    assert_eq!(entries, [(1, 3), (1, 3)]);
    let free = run(program, &["", ""], 0);
    assert_eq!(both.end_tick(), free.end_tick() + 6);
}

#[test]
fn the_cost_is_a_checked_machine_setting() {
    let mut spec = ScenarioSpec {
        processes: vec![program_process("halt\n", &[""])],
        ..ScenarioSpec::default()
    };
    spec.machine.kernel_entry_cost = 1_000;
    assert!(Scenario::new(&spec).is_ok());
    spec.machine.kernel_entry_cost = 1_001;
    assert_eq!(
        Scenario::new(&spec).err(),
        Some(vec![ScenarioError::CostTooLarge {
            cost: proclab_core::scenario::Cost::KernelEntry,
            max: 1_000
        }])
    );
}

#[test]
fn kernel_time_is_recorded_as_spans_between_the_instructions() {
    // The pipe program at cost 3: the write at tick 1 is followed by kernel ticks 2..5, the read
    // at tick 5 by 6..9, then the halt.
    let program = ".pipe p 2\n.main\nmov $5, %ax\nwrite p, %ax\nread p, %bx\nhalt\n";
    let costly = run(program, &[""], 3);
    let spans: Vec<(u32, u32, u64, u64)> = costly
        .kernel_spans()
        .iter()
        .map(|span| (span.cpu, span.thread, span.start, span.end))
        .collect();
    assert_eq!(spans, [(0, 0, 2, 5), (0, 0, 6, 9)]);
    assert!(run(program, &[""], 0).kernel_spans().is_empty());
}

#[test]
fn kernel_spans_add_up_to_each_threads_kernel_time_inside_its_running_slices() {
    // Two threads, each contending for the mutex under RR q=2 on 2 CPUs, and a pipe: kernel
    // time cut by the quantum and on both CPUs.
    let program = ".mutex m\n.pipe p 8\n.main\nlock m\nmov $1, %ax\nwrite p, %ax\nyield\nunlock m\nread p, %bx\nhalt\n";
    for cpus in [1, 2] {
        let mut spec = ScenarioSpec {
            processes: vec![program_process(program, &["", "", ""])],
            policy: PolicySpec::Rr { quantum: 2 },
            ..ScenarioSpec::default()
        };
        spec.machine.cpus = cpus;
        spec.machine.kernel_entry_cost = 3;
        let run = simulate(&Scenario::new(&spec).unwrap());
        assert_eq!(run.end(), RunEnd::Finished);
        for (index, thread) in run.metrics().threads.iter().enumerate() {
            let spans = run
                .kernel_spans()
                .iter()
                .filter(|span| span.thread == index as u32);
            let ticks: u64 = spans.clone().map(|span| span.end - span.start).sum();
            assert_eq!(ticks, thread.kernel, "thread {index} on {cpus} CPU(s)");
            for span in spans {
                let inside = run.gantt().iter().any(|slice| {
                    slice.cpu == span.cpu
                        && slice.start <= span.start
                        && span.end <= slice.end
                        && matches!(slice.kind, proclab_core::SliceKind::Run { thread }
                            if (thread.tid as usize) == index)
                });
                assert!(inside, "{span:?} lies in a running slice of its thread");
                assert!(
                    !run.program_steps()
                        .iter()
                        .any(|step| step.thread == span.thread
                            && (span.start..span.end).contains(&step.tick)),
                    "no instruction of the thread runs in its kernel time"
                );
            }
        }
    }
}
