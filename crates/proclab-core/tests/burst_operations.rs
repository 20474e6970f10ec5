//! Operations between bursts (`docs/semantics.md`, Operations between bursts): `lock m`,
//! `unlock m`, `wait s` and `signal s` among a thread's CPU and I/O bursts, on objects every
//! process that names them shares.

use proclab_core::program::RunEnd;
use proclab_core::rng::Pcg32;
use proclab_core::spec::{BurstSpec, ThreadSpec};
use proclab_core::{
    simulate, PolicySpec, ProcessSpec, Run, Scenario, ScenarioError, ScenarioSpec, SyncKind,
};

fn cpu(ticks: u64) -> BurstSpec {
    BurstSpec::Cpu(ticks)
}
fn io(ticks: u64) -> BurstSpec {
    BurstSpec::Io(ticks)
}
fn lock(name: &str) -> BurstSpec {
    BurstSpec::Lock(name.into())
}
fn unlock(name: &str) -> BurstSpec {
    BurstSpec::Unlock(name.into())
}
fn wait(name: &str) -> BurstSpec {
    BurstSpec::Wait(name.into())
}
fn signal(name: &str) -> BurstSpec {
    BurstSpec::Signal(name.into())
}

fn process(bursts: Vec<BurstSpec>) -> ProcessSpec {
    ProcessSpec {
        bursts,
        ..ProcessSpec::default()
    }
}

fn threaded(threads: Vec<Vec<BurstSpec>>) -> ProcessSpec {
    ProcessSpec {
        threads: threads
            .into_iter()
            .map(|bursts| ThreadSpec {
                bursts,
                ..ThreadSpec::default()
            })
            .collect(),
        ..ProcessSpec::default()
    }
}

fn spec(processes: Vec<ProcessSpec>, policy: PolicySpec) -> ScenarioSpec {
    ScenarioSpec {
        processes,
        policy,
        ..ScenarioSpec::default()
    }
}

fn run(spec: &ScenarioSpec) -> Run {
    simulate(&Scenario::new(spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

fn completions(run: &Run) -> Vec<u64> {
    let threads = &run.metrics().threads;
    threads.iter().map(|thread| thread.completion).collect()
}

#[test]
fn a_lock_between_bursts_blocks_the_other_process_until_the_unlock_hands_it_over() {
    // Each: 2 ticks, lock m, 3 ticks holding m, unlock m, 1 tick; RR q=2.
    // P1 0-2, P2 2-4, P1 4-6 (lock at 4, m taken), P2 6-7 (lock at 6: held, Blocked at 7),
    // P1 7-11 alone (unlock at 9 hands m to P2, halt at 10), P2 11-16.
    let bursts = || vec![cpu(2), lock("m"), cpu(3), unlock("m"), cpu(1)];
    let run = run(&spec(
        vec![process(bursts()), process(bursts())],
        PolicySpec::Rr { quantum: 2 },
    ));
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(completions(&run), vec![11, 16]);
    let p2 = &run.metrics().threads[1];
    assert_eq!(
        p2.blocked, 3,
        "P2 waits for m from 7 until P1's unlock at 10"
    );
    assert_eq!(p2.cpu, 8, "2 + lock + 3 + unlock + 1");
    // The machine at tick 8: P1 holds the shared mutex, P2 waits for it.
    let state = run.state_at(8);
    let m = &state.shared_sync[0];
    assert_eq!((m.name.as_str(), m.kind), ("m", SyncKind::SharedMutex));
    assert_eq!(m.holder.map(|holder| holder.pid), Some(0));
    assert_eq!(m.waiters.iter().map(|w| w.pid).collect::<Vec<_>>(), [1]);
    let context = state.threads[1]
        .program
        .as_ref()
        .expect("P2 runs its bursts as code");
    assert_eq!(
        context.waiting_for.as_ref().map(|w| w.0.as_str()),
        Some("m")
    );
}

#[test]
fn bursts_around_operations_take_the_ticks_they_say_and_each_operation_one() {
    // One thread with operations and I/O, against the same thread whose two operations are
    // two ticks of plain CPU: the same run, thread by thread (FCFS and RR, random lengths).
    let mut rng = Pcg32::new(7, 11);
    for case in 0..200 {
        let mut length = || 1 + rng.below(5);
        let (a, k, b, c) = (length(), length() - 1, length(), length());
        let with_operations = threaded(vec![
            vec![cpu(a), io(k), cpu(b)],
            vec![cpu(c), lock("m"), unlock("m"), cpu(a)],
        ]);
        let plain = threaded(vec![vec![cpu(a), io(k), cpu(b)], vec![cpu(c + 2 + a)]]);
        for policy in [PolicySpec::Fcfs, PolicySpec::Rr { quantum: 2 }] {
            let ran = run(&spec(vec![with_operations.clone()], policy.clone()));
            let expected = run(&spec(vec![plain.clone()], policy.clone()));
            let figures = |run: &Run| {
                run.metrics()
                    .threads
                    .iter()
                    .map(|t| (t.completion, t.waiting, t.cpu, t.io, t.blocked))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                figures(&ran),
                figures(&expected),
                "case {case}: {a} io{k} {b} / {c} lock unlock {a} under {policy:?}"
            );
        }
    }
}

#[test]
fn an_io_or_the_exit_right_after_an_operation_is_made_in_its_tick() {
    // `1 lock m io2 1 unlock m`: cpu 1, lock and the I/O request (1 tick), 2 of I/O, then
    // 1 tick, unlock and the exit (1 tick): CPU 4, done at 2 + 2 + 2 = 6.
    let run = run(&spec(
        vec![process(vec![cpu(1), lock("m"), io(2), cpu(1), unlock("m")])],
        PolicySpec::Fcfs,
    ));
    let thread = &run.metrics().threads[0];
    assert_eq!((thread.cpu, thread.io, thread.completion), (4, 2, 6));
    // Only operations: each one tick, the exit in the last one's.
    let run = run_spec_of(vec![process(vec![lock("m"), unlock("m")])]);
    assert_eq!(run.metrics().threads[0].completion, 2);
    // An operation that waited: the thread runs one more tick to exit once it is woken.
    // P1 holds m for 3 ticks; P2's last item is its lock.
    let run = run_spec_of(vec![
        process(vec![lock("m"), cpu(3), unlock("m")]),
        process(vec![lock("m")]),
    ]);
    // FCFS: P1 0-5 (lock, 3, unlock and exit), P2 5-6 (lock: m is free) and exits in it.
    assert_eq!(completions(&run), vec![5, 6]);
    let run = run_with(
        vec![
            process(vec![lock("m"), cpu(3), unlock("m")]),
            process(vec![lock("m")]),
        ],
        PolicySpec::Rr { quantum: 1 },
    );
    // RR q=1: P1 0-1 (lock), P2 1-2 (lock: held, Blocked), P1 2-6 alone (3, then unlock at 5
    // wakes P2 and P1 exits in that tick), P2 6-7 (woken: one tick to exit).
    assert_eq!(completions(&run), vec![6, 7]);
    assert_eq!(run.metrics().threads[1].cpu, 2);
    // The same for an I/O request after a wait that waited: `1 wait s io2 1` against `3 signal s`,
    // FCFS: P1 0-2 (the wait blocks), P2 2-6 (signal and exit at 5 wake P1), P1's I/O request at
    // 6-7, I/O 7-9, its last tick 9-10.
    let run = run_spec_of(vec![
        process(vec![cpu(1), wait("s"), io(2), cpu(1)]),
        process(vec![cpu(3), signal("s")]),
    ]);
    assert_eq!(completions(&run), vec![10, 6]);
    assert_eq!(run.metrics().threads[0].cpu, 4);
}

fn run_spec_of(processes: Vec<ProcessSpec>) -> Run {
    run_with(processes, PolicySpec::Fcfs)
}

fn run_with(processes: Vec<ProcessSpec>, policy: PolicySpec) -> Run {
    run(&spec(processes, policy))
}

#[test]
fn a_semaphore_named_in_bursts_starts_at_0_and_orders_two_processes() {
    // P1: 2, wait s, 3. P2: 5, signal s, 1. FCFS: P1 0-3 (wait at 2 blocks), P2 3-10
    // (signal at 8 wakes P1), P1 10-13.
    let run = run(&spec(
        vec![
            process(vec![cpu(2), wait("s"), cpu(3)]),
            process(vec![cpu(5), signal("s"), cpu(1)]),
        ],
        PolicySpec::Fcfs,
    ));
    assert_eq!(completions(&run), vec![13, 10]);
    assert_eq!(
        run.metrics().threads[0].blocked,
        6,
        "from 3 until the signal at 9"
    );
}

#[test]
fn two_locks_taken_in_opposite_orders_between_bursts_deadlock_in_a_cycle() {
    let spec = spec(
        vec![
            process(vec![
                cpu(1),
                lock("a"),
                cpu(2),
                lock("b"),
                cpu(1),
                unlock("b"),
                unlock("a"),
            ]),
            process(vec![
                cpu(1),
                lock("b"),
                cpu(2),
                lock("a"),
                cpu(1),
                unlock("a"),
                unlock("b"),
            ]),
        ],
        PolicySpec::Rr { quantum: 2 },
    );
    let stuck = run(&spec);
    let Some(deadlock) = stuck.deadlock() else {
        panic!("no deadlock: {:?}", stuck.end());
    };
    assert_eq!(deadlock.cycle, vec![0, 1]);
    let waits: Vec<(u32, &str, Option<u32>)> = deadlock
        .waits
        .iter()
        .map(|edge| (edge.thread, edge.name.as_str(), edge.holder))
        .collect();
    assert_eq!(waits, [(0, "b", Some(1)), (1, "a", Some(0))]);
    // Taken in one order, the same bursts finish.
    let mut ordered = spec.clone();
    ordered.processes[1] = process(vec![
        cpu(1),
        lock("a"),
        cpu(2),
        lock("b"),
        cpu(1),
        unlock("b"),
        unlock("a"),
    ]);
    assert_eq!(run(&ordered).end(), RunEnd::Finished);
}

#[test]
fn threads_of_one_process_each_run_their_own_bursts() {
    // T1 computes 4 ticks in m; T2 waits for m, then 1 tick. One CPU, FCFS.
    let run = run(&spec(
        vec![threaded(vec![
            vec![lock("m"), cpu(4), unlock("m")],
            vec![lock("m"), cpu(1), unlock("m")],
        ])],
        PolicySpec::Fcfs,
    ));
    // T1: lock 0-1, cpu 1-5, unlock and exit 5-6. T2: lock (m free again) 6-7, cpu 7-8,
    // unlock and exit 8-9.
    assert_eq!(completions(&run), vec![6, 9]);
}

#[test]
fn operations_in_bursts_are_checked() {
    let rejected = |processes: Vec<ProcessSpec>| {
        Scenario::new(&spec(processes, PolicySpec::Fcfs)).expect_err("accepted")
    };
    assert_eq!(
        rejected(vec![process(vec![cpu(1), unlock("m"), cpu(1)])]),
        [ScenarioError::UnlockWithoutLock {
            process: 0,
            thread: None,
            burst: 1
        }]
    );
    assert_eq!(
        rejected(vec![
            process(vec![lock("x"), cpu(1), unlock("x")]),
            process(vec![cpu(1), signal("x")]),
        ]),
        [ScenarioError::OperationKindClash {
            process: 1,
            thread: None,
            burst: 1,
            first_process: 0
        }]
    );
    // The same name as both kinds in one process: that is all that is said.
    assert_eq!(
        rejected(vec![process(vec![cpu(2), lock("m"), cpu(1), wait("m")])]),
        [ScenarioError::OperationKindClash {
            process: 0,
            thread: None,
            burst: 3,
            first_process: 0
        }]
    );
    assert_eq!(
        rejected(vec![process(vec![cpu(1), lock("2m")])]),
        [ScenarioError::BadOperationName {
            process: 0,
            thread: None,
            burst: 1
        }]
    );
    assert_eq!(
        rejected(vec![process(vec![cpu(2_000_000), lock("m")])]),
        [ScenarioError::OperationBurstTooLong {
            process: 0,
            thread: None,
            burst: 0,
            max: 1_000_000
        }]
    );
    // Too long for any burst as well: said once, with the operations' limit.
    assert_eq!(
        rejected(vec![process(vec![cpu(99_999_999_999_999), signal("s")])]),
        [ScenarioError::OperationBurstTooLong {
            process: 0,
            thread: None,
            burst: 0,
            max: 1_000_000
        }]
    );
    // The usual rules still hold for the bursts around the operations.
    assert_eq!(
        rejected(vec![process(vec![io(3), lock("m"), cpu(1), unlock("m")])]),
        [ScenarioError::IoFirst {
            process: 0,
            thread: None
        }]
    );
}

#[test]
fn a_bursts_mutex_and_a_programs_shared_mutex_of_one_name_are_one_mutex() {
    // The program takes `m` first and holds it for 3 ticks; the bursts' lock waits for it.
    let program = ProcessSpec {
        program: ".shared mutex m\n.main\nlock m\ncpu $3\nunlock m\nhalt\n".into(),
        ..ProcessSpec::default()
    };
    let run = run(&spec(
        vec![program, process(vec![lock("m"), cpu(1), unlock("m")])],
        PolicySpec::Rr { quantum: 1 },
    ));
    assert_eq!(run.end(), RunEnd::Finished);
    assert!(run.metrics().threads[1].blocked > 0, "P2 waited for P1's m");
}

#[test]
fn a_scenario_with_operations_round_trips_through_its_json() {
    let spec = spec(
        vec![process(vec![
            cpu(1),
            lock("m"),
            cpu(2),
            unlock("m"),
            io(1),
            cpu(1),
        ])],
        PolicySpec::Fcfs,
    );
    let json = serde_json::to_string(&spec).expect("serialises");
    assert!(json.contains(r#"{"lock":"m"}"#), "{json}");
    let back: ScenarioSpec = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, spec);
}

#[test]
fn a_semaphore_named_in_bursts_starts_at_its_listed_initial_value() {
    use proclab_core::spec::SemaphoreSpec;
    // s = 1: the first wait passes, the second waits for the first process's signal.
    // P1: 1, wait s, 3, signal s. P2: 1, wait s, 1, signal s.
    let mut scenario = spec(
        vec![
            process(vec![cpu(1), wait("s"), cpu(3), signal("s")]),
            process(vec![cpu(1), wait("s"), cpu(1), signal("s")]),
        ],
        PolicySpec::Rr { quantum: 2 },
    );
    let at_zero = run(&scenario);
    scenario.semaphores = vec![SemaphoreSpec {
        name: "s".into(),
        initial: 1,
    }];
    let at_one = run(&scenario);
    // At 0 both wait forever: a stuck run. At 1 they take turns and both finish.
    assert!(
        matches!(at_zero.end(), RunEnd::Deadlock { .. }),
        "{:?}",
        at_zero.end()
    );
    assert_eq!(at_one.end(), RunEnd::Finished);
    // RR q=2: P1 0-2 (cpu, wait: s 1 -> 0), P2 2-4 (cpu, wait: Blocked at 4), P1 4-8 alone (cpu 3,
    // signal and exit at 7 wake P2), P2 8-10 (cpu, signal and exit).
    assert_eq!(completions(&at_one), vec![8, 10]);
    assert_eq!(
        at_one.metrics().threads[1].blocked,
        4,
        "from 4 until the signal at 7 ends"
    );
    // The list is checked: a name no bursts wait for or signal, twice, or too large.
    let mut wrong = scenario.clone();
    wrong.semaphores = vec![
        SemaphoreSpec {
            name: "s".into(),
            initial: 2_000_000,
        },
        SemaphoreSpec {
            name: "t".into(),
            initial: 1,
        },
        SemaphoreSpec {
            name: "s".into(),
            initial: 1,
        },
    ];
    assert_eq!(
        Scenario::new(&wrong).expect_err("accepted"),
        [
            ScenarioError::SemaphoreInitialTooLarge {
                index: 0,
                max: 1_000_000
            },
            ScenarioError::UnknownSemaphore { index: 1 },
            ScenarioError::SemaphoreListedTwice { index: 2, first: 0 },
        ]
    );
    // A mutex takes no initial value: it starts unlocked.
    let mut mutex = spec(
        vec![process(vec![cpu(1), lock("m"), cpu(1), unlock("m")])],
        PolicySpec::Fcfs,
    );
    mutex.semaphores = vec![SemaphoreSpec {
        name: "m".into(),
        initial: 1,
    }];
    assert_eq!(
        Scenario::new(&mutex).expect_err("accepted"),
        [ScenarioError::SemaphoreIsMutex { index: 0 }]
    );
}

#[test]
fn random_bursts_with_operations_are_refused_or_run_as_written_code_and_never_hang() {
    let names = ["m", "s", "halt", "sem", "mutex", "lock", "T1", "x_2"];
    let mut rng = Pcg32::new(3, 5);
    let mut ran = 0;
    for case in 0..1000 {
        let processes = (0..1 + rng.below(3))
            .map(|_| {
                let bursts = (0..1 + rng.below(7))
                    .map(|_| {
                        let name = String::from(names[rng.below(names.len() as u64) as usize]);
                        match rng.below(7) {
                            0 => BurstSpec::Lock(name),
                            1 => BurstSpec::Unlock(name),
                            2 => BurstSpec::Wait(name),
                            3 => BurstSpec::Signal(name),
                            4 => io(rng.below(3)),
                            _ => cpu(1 + rng.below(4)),
                        }
                    })
                    .collect();
                process(bursts)
            })
            .collect();
        let scenario = spec(
            processes,
            PolicySpec::Rr {
                quantum: 1 + rng.below(3),
            },
        );
        let Ok(valid) = Scenario::new(&scenario) else {
            continue;
        };
        for (pid, process) in scenario.processes.iter().enumerate() {
            if process
                .bursts
                .iter()
                .any(|burst| burst.operation().is_some())
            {
                assert!(
                    valid.processes()[pid].program().is_some(),
                    "case {case}: accepted operations that do not run: {process:?}"
                );
            }
        }
        let run = simulate(&valid);
        assert!(run.end_tick() < 10_000, "case {case}");
        ran += 1;
    }
    assert!(ran > 80, "only {ran} of the random scenarios were valid");
}

#[test]
fn the_answer_keys_table_has_a_sync_column_exactly_when_a_thread_waited_on_one() {
    use proclab_core::render::metrics_table;
    let column = |table: &str, row: &str, heading: &str| -> u64 {
        let mut lines = table.lines();
        let headings: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
        let at = headings.iter().position(|h| *h == heading).unwrap();
        let cells: Vec<&str> = lines
            .find(|line| line.split_whitespace().next() == Some(row))
            .unwrap()
            .split_whitespace()
            .collect();
        cells[at].parse().unwrap()
    };
    let bursts = || vec![cpu(2), lock("m"), cpu(3), unlock("m"), io(2), cpu(1)];
    let locked = run(&spec(
        vec![process(bursts()), process(bursts())],
        PolicySpec::Rr { quantum: 2 },
    ));
    let table = metrics_table(&locked);
    assert!(
        table.lines().next().unwrap().contains(" io sync done "),
        "{table}"
    );
    for (index, name) in ["P1", "P2"].into_iter().enumerate() {
        let thread = &locked.metrics().threads[index];
        assert_eq!(column(&table, name, "sync"), thread.blocked, "{table}");
        // Each row's turnaround is what its columns add up to.
        let parts: u64 = ["cpu", "io", "sync", "wait", "switch", "stall"]
            .iter()
            .map(|heading| column(&table, name, heading))
            .sum();
        assert_eq!(parts, column(&table, name, "turn"), "{table}");
    }
    assert!(locked.metrics().threads.iter().any(|t| t.blocked > 0));
    let plain = run(&spec(
        vec![process(vec![cpu(3), io(2), cpu(1)]), process(vec![cpu(2)])],
        PolicySpec::Rr { quantum: 2 },
    ));
    assert!(!metrics_table(&plain).contains("sync"));
}
