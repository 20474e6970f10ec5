//! Tests of the charts' pure view-models: Gantt rows and segments, policy comparison, quantum sweep.

use proclab_app::chart::compare_model::{compare_takeaway, sweep_takeaway};
use proclab_app::chart::palette::Pattern;
use proclab_app::chart::text::stopped_note;
use proclab_app::chart::{
    compare_rows, gantt_model, gantt_takeaway, quantum_sweep, GanttModel, RowKind, SegmentKind,
};
use proclab_app::i18n::Lang;
use proclab_app::simulation::Simulation;
use proclab_core::{BurstSpec, MachineSpec, PolicySpec, ProcessSpec, ScenarioSpec, ThreadSpec};

fn process(arrival: u64, bursts: &[BurstSpec]) -> ProcessSpec {
    ProcessSpec {
        arrival,
        bursts: bursts.to_vec(),
        ..ProcessSpec::default()
    }
}

/// Silberschatz's first example (P1 24, P2 3, P3 3, all at time 0) under `policy`.
fn silberschatz(policy: PolicySpec) -> ScenarioSpec {
    let mut spec = proclab_core::presets::preset("rr-silberschatz")
        .expect("the preset")
        .spec;
    spec.policy = policy;
    spec
}

/// The ticks of `row`'s segments of the kinds `wanted` accepts.
fn ticks_of(row: &proclab_app::chart::GanttRow, wanted: fn(&SegmentKind) -> bool) -> u64 {
    row.segments
        .iter()
        .filter(|segment| wanted(&segment.kind))
        .map(|segment| segment.end - segment.start)
        .sum()
}

/// The cache on, `capacity` units, one tick of stall per cold unit.
fn cache_on(spec: &mut ScenarioSpec, capacity: u32) {
    spec.machine.cache.enabled = true;
    spec.machine.cache.capacity = capacity;
    spec.machine.cache.refill_per_unit = 1;
}

fn simulation(spec: &ScenarioSpec) -> Simulation {
    Simulation::new(spec).expect("valid scenario")
}

/// `(start, end, label)` of every segment of row `index`.
fn spans(model: &GanttModel, index: usize) -> Vec<(u64, u64, String)> {
    model.rows[index]
        .segments
        .iter()
        .map(|segment| (segment.start, segment.end, segment.label.to_string()))
        .collect()
}

fn span(start: u64, end: u64, label: &str) -> (u64, u64, String) {
    (start, end, label.to_string())
}

#[test]
fn fcfs_model_has_a_cpu_row_then_one_row_per_process() {
    let model = gantt_model(&simulation(&silberschatz(PolicySpec::Fcfs)), Lang::En);
    assert_eq!(model.extent, 30);
    let labels: Vec<&str> = model.rows.iter().map(|row| row.label.as_str()).collect();
    assert_eq!(labels, ["CPU0", "P1", "P2", "P3"]);
    assert_eq!(model.rows[0].kind, RowKind::Cpu { cpu: 0 });
    assert_eq!(
        spans(&model, 0),
        [span(0, 24, "P1"), span(24, 27, "P2"), span(27, 30, "P3")]
    );
    assert!(model.rows[0]
        .segments
        .iter()
        .all(|segment| matches!(segment.kind, SegmentKind::Run { .. })));
    assert_eq!(spans(&model, 1), [span(0, 24, "run")]);
    assert_eq!(
        spans(&model, 2),
        [span(0, 24, "ready"), span(24, 27, "run")]
    );
    assert_eq!(
        spans(&model, 3),
        [span(0, 27, "ready"), span(27, 30, "run")]
    );
    let p2 = &model.rows[2].segments;
    assert!(matches!(p2[0].kind, SegmentKind::Ready { thread } if thread.pid == 1));
    assert!(matches!(p2[1].kind, SegmentKind::Running { thread, cpu: Some(0) } if thread.pid == 1));
}

#[test]
fn takeaway_states_the_end_and_the_average_waiting() {
    let simulation = simulation(&silberschatz(PolicySpec::Fcfs));
    let english = gantt_takeaway(&simulation, Lang::En);
    assert!(
        english.contains("3 processes on 1 CPU finish at t=30"),
        "{english}"
    );
    assert!(english.contains("average waiting 17.00 ticks"), "{english}");
    let korean = gantt_takeaway(&simulation, Lang::Ko);
    assert!(
        korean.contains("프로세스 3개") && korean.contains("17.00"),
        "{korean}"
    );
    assert_eq!(gantt_model(&simulation, Lang::En).takeaway, english);
}

#[test]
fn a_process_of_several_threads_has_its_summed_waiting_said_even_below_its_turnaround() {
    let threads = |count| ProcessSpec {
        threads: vec![
            ThreadSpec {
                bursts: vec![BurstSpec::Cpu(5)],
                ..ThreadSpec::default()
            };
            count
        ],
        ..ProcessSpec::default()
    };
    let spec = |count| ScenarioSpec {
        processes: vec![threads(count)],
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    let two = gantt_takeaway(&simulation(&spec(2)), Lang::En);
    assert!(
        two.contains("average waiting 5.00 ticks, average turnaround 10.00"),
        "{two}"
    );
    assert!(two.contains("sum of its threads' time Ready"), "{two}");
    let one = gantt_takeaway(&simulation(&spec(1)), Lang::En);
    assert!(!one.contains("sum of its threads"), "{one}");
}

#[test]
fn waiting_above_turnaround_is_explained_by_threads_that_wait_together() {
    // One process, four threads of 10 ticks under FCFS: its threads wait 0 + 10 + 20 + 30 = 60
    // ticks, summed, over a turnaround of 40.
    let spec = ScenarioSpec {
        processes: vec![ProcessSpec {
            threads: vec![
                ThreadSpec {
                    bursts: vec![BurstSpec::Cpu(10)],
                    ..ThreadSpec::default()
                };
                4
            ],
            ..ProcessSpec::default()
        }],
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    let english = gantt_takeaway(&simulation(&spec), Lang::En);
    assert!(
        english.contains("average waiting 60.00 ticks, average turnaround 40.00"),
        "{english}"
    );
    assert!(
        english.ends_with("so average waiting can even exceed average turnaround."),
        "{english}"
    );
    let korean = gantt_takeaway(&simulation(&spec), Lang::Ko);
    assert!(
        korean.contains("평균 대기가 평균 반환보다 길 수도 있습니다"),
        "{korean}"
    );
    // One thread a process: nothing to explain.
    let plain = gantt_takeaway(&simulation(&silberschatz(PolicySpec::Fcfs)), Lang::En);
    assert!(!plain.contains("exceed"), "{plain}");
}

#[test]
fn a_run_that_stops_before_every_thread_exits_says_why_and_never_finishes() {
    // The three philosophers deadlock at t=19 with nobody exited: nothing "finishes" then.
    let deadlocked = simulation(
        &proclab_core::presets::preset("philosophers-deadlock")
            .unwrap()
            .spec,
    );
    assert_eq!(deadlocked.run.end_tick(), 19);
    let english = gantt_takeaway(&deadlocked, Lang::En);
    assert!(
        english.contains("1 process on 1 CPU stops in a deadlock at t=19"),
        "{english}"
    );
    assert!(!english.contains("finish"), "{english}");
    let korean = gantt_takeaway(&deadlocked, Lang::Ko);
    assert!(korean.contains("t=19에 교착 상태로 멈춥니다"), "{korean}");
    assert!(!korean.contains("모두 끝납니다"), "{korean}");
    // No process completed: a throughput of 0, not 1 process in 19 ticks.
    assert_eq!(deadlocked.run.metrics().totals.throughput.num, 0);
    let note = stopped_note(&deadlocked.run, Lang::En).expect("a note for a run that stopped");
    assert!(
        note.contains("Throughput counts only the processes whose threads all exited"),
        "{note}"
    );
    assert!(
        note.contains("deadlock at t=19") && note.contains("counted up to t=19"),
        "{note}"
    );
    // A program that spins past its budget stops too; a finished one gets no note.
    let mut spinning = proclab_core::presets::preset("race-two-threads")
        .unwrap()
        .spec;
    spinning.processes[0].program = String::from(".main\n.top\nj .top\n");
    spinning.machine.instruction_budget = 40;
    let spun = simulation(&spinning);
    let english = gantt_takeaway(&spun, Lang::En);
    assert!(
        english.contains("the instruction budget ran out"),
        "{english}"
    );
    let finished = simulation(&silberschatz(PolicySpec::Fcfs));
    assert_eq!(stopped_note(&finished.run, Lang::En), None);
    assert_eq!(stopped_note(&finished.run, Lang::Ko), None);
    // Threads that wait for a lock whose holder halted: stuck, but no circle of waits.
    let mut stuck = proclab_core::presets::preset("race-two-threads")
        .unwrap()
        .spec;
    stuck.processes[0].program = String::from(".mutex m\n.main\nlock m\nhalt\n");
    let stuck = simulation(&stuck);
    assert!(matches!(
        stuck.run.end(),
        proclab_core::program::RunEnd::Deadlock { .. }
    ));
    let english = gantt_takeaway(&stuck, Lang::En);
    assert!(
        english.contains("waits for something nobody will give (no cycle)"),
        "{english}"
    );
    let note = stopped_note(&stuck.run, Lang::En).unwrap();
    assert!(
        note.contains("no red cycle") && !note.contains("in a deadlock"),
        "{note}"
    );
}

#[test]
fn a_scheduled_run_is_named_by_its_schedule_and_a_paused_one_gives_no_averages() {
    let mut spec = proclab_core::presets::preset("race-two-threads")
        .unwrap()
        .spec;
    // The student's choices: T1 for two instructions, then nothing more chosen.
    spec.schedule = Some(proclab_core::spec::ScheduleSpec {
        threads: vec![0, 0],
        repeat: false,
    });
    let paused = simulation(&spec);
    let english = gantt_takeaway(&paused, Lang::En);
    assert!(
        english.starts_with("Your schedule: 1 process on 1 CPU pauses at t=2"),
        "{english}"
    );
    assert!(!english.contains("average"), "{english}");
    assert!(
        !english.contains("RR"),
        "the policy is not in use: {english}"
    );
    let korean = gantt_takeaway(&paused, Lang::Ko);
    assert!(korean.starts_with("직접 고른 순서: "), "{korean}");
    assert!(!korean.contains("평균"), "{korean}");
    // x86.py's -P: a fixed schedule that starts over, run to the end.
    spec.schedule = Some(proclab_core::spec::ScheduleSpec {
        threads: vec![0, 1],
        repeat: true,
    });
    let english = gantt_takeaway(&simulation(&spec), Lang::En);
    assert!(
        english.starts_with("Fixed schedule (x86.py -P): 1 process on 1 CPU finishes")
            && english.contains("average waiting"),
        "{english}"
    );
}

#[test]
fn a_stay_on_the_cpu_cut_by_kernel_time_is_one_stay_named_by_its_thread() {
    let spec = proclab_core::presets::preset("ipc-cost-pipe").unwrap().spec;
    let simulation = simulation(&spec);
    let model = gantt_model(&simulation, Lang::En);
    let cpu = &model.rows[0];
    let stays = cpu.thread_stays();
    assert!(!stays.is_empty(), "the pipe's system calls cut the CPU row");
    for stay in &stays {
        let pieces = &cpu.segments[stay.segments.clone()];
        assert!(pieces.len() >= 2);
        assert_eq!(
            (pieces[0].start, pieces[pieces.len() - 1].end),
            (stay.start, stay.end)
        );
        assert!(pieces.windows(2).all(|pair| pair[0].end == pair[1].start));
        assert!(pieces
            .iter()
            .any(|piece| matches!(piece.kind, SegmentKind::Kernel { .. })));
        let thread = |kind: &SegmentKind| match kind {
            SegmentKind::Run { thread } | SegmentKind::Kernel { thread } => Some(*thread),
            _ => None,
        };
        let first = thread(&pieces[0].kind).unwrap();
        assert!(pieces
            .iter()
            .all(|piece| thread(&piece.kind) == Some(first)));
        assert!(
            ["Writer.T1", "Reader.T1"].contains(&&*stay.label),
            "{}",
            stay.label
        );
    }
    // Thread rows have no stays: their Running is one segment already.
    assert!(model.rows[1..]
        .iter()
        .all(|row| row.thread_stays().is_empty()));
}

#[test]
fn idle_dispatch_and_stall_differ_by_pattern_and_label() {
    let mut spec = ScenarioSpec {
        processes: vec![
            process(0, &[BurstSpec::Cpu(3)]),
            process(20, &[BurstSpec::Cpu(3)]),
        ],
        machine: MachineSpec {
            dispatch_latency: 1,
            ..MachineSpec::default()
        },
        ..ScenarioSpec::default()
    };
    cache_on(&mut spec, 16);
    let model = gantt_model(&simulation(&spec), Lang::En);
    let cpu = &model.rows[0].segments;
    let find = |wanted: fn(&SegmentKind) -> bool| {
        cpu.iter()
            .find(|segment| wanted(&segment.kind))
            .unwrap_or_else(|| panic!("missing kind in {cpu:?}"))
    };
    let idle = find(|kind| matches!(kind, SegmentKind::Idle));
    let dispatch = find(|kind| matches!(kind, SegmentKind::Dispatch { .. }));
    let stall = find(|kind| matches!(kind, SegmentKind::CacheStall { .. }));
    assert_eq!(&*idle.label, "idle");
    assert_eq!(&*dispatch.label, "CS");
    assert!(stall.label.starts_with('$'), "{}", stall.label);
    let patterns = [
        idle.kind.fill().pattern,
        dispatch.kind.fill().pattern,
        stall.kind.fill().pattern,
    ];
    assert_eq!(
        patterns,
        [Pattern::Solid, Pattern::Hatch, Pattern::CrossHatch]
    );
    assert_ne!(idle.kind.fill().colour, dispatch.kind.fill().colour);
    assert_ne!(dispatch.kind.fill().colour, stall.kind.fill().colour);
    // The CPU row covers [0, extent) without gaps.
    assert_eq!(cpu.first().map(|segment| segment.start), Some(0));
    assert_eq!(cpu.last().map(|segment| segment.end), Some(model.extent));
    assert!(cpu.windows(2).all(|pair| pair[0].end == pair[1].start));
    // The legend names each kind present.
    let legend: Vec<&str> = model
        .legend
        .iter()
        .map(|entry| entry.text.as_str())
        .collect();
    assert!(
        legend.iter().any(|text| text.starts_with("idle")),
        "{legend:?}"
    );
    assert!(
        legend.iter().any(|text| text.starts_with("CS")),
        "{legend:?}"
    );
    assert!(
        legend.iter().any(|text| text.starts_with('$')),
        "{legend:?}"
    );
}

#[test]
fn io_shows_as_blocked_and_threads_get_their_own_rows() {
    let spec = ScenarioSpec {
        processes: vec![
            process(0, &[BurstSpec::Cpu(2), BurstSpec::Io(3), BurstSpec::Cpu(2)]),
            ProcessSpec {
                threads: vec![
                    ThreadSpec {
                        bursts: vec![BurstSpec::Cpu(1)],
                        ..ThreadSpec::default()
                    },
                    ThreadSpec {
                        bursts: vec![BurstSpec::Cpu(1)],
                        ..ThreadSpec::default()
                    },
                ],
                ..ProcessSpec::default()
            },
        ],
        ..ScenarioSpec::default()
    };
    let model = gantt_model(&simulation(&spec), Lang::En);
    let labels: Vec<&str> = model.rows.iter().map(|row| row.label.as_str()).collect();
    assert_eq!(labels, ["CPU0", "P1", "P2.T1", "P2.T2"]);
    let p1 = &model.rows[1].segments;
    assert!(p1.iter().any(
        |segment| matches!(segment.kind, SegmentKind::Blocked { .. })
            && (segment.start, segment.end) == (2, 5)
            && &*segment.label == "I/O"
    ));
    assert!(model.rows[0]
        .segments
        .iter()
        .any(|segment| &*segment.label == "P2.T2"));
}

#[test]
fn compare_rows_match_silberschatz() {
    let rows = compare_rows(&silberschatz(PolicySpec::Fcfs));
    let kinds: Vec<&str> = rows.iter().map(|row| row.policy.kind_name()).collect();
    assert_eq!(
        kinds,
        ["fcfs", "sjf", "srtf", "priority", "priority", "hrrn", "rr", "mlq", "mlfq", "lottery"]
    );
    let waiting = |index: usize| {
        rows[index]
            .outcome
            .as_ref()
            .expect("ran")
            .average_waiting
            .to_string()
    };
    assert_eq!(waiting(0), "17.00");
    assert_eq!(waiting(1), "3.00");
    assert_eq!(waiting(2), "3.00");
    assert_eq!(rows[6].policy, PolicySpec::Rr { quantum: 4 });
    assert!(rows.iter().all(|row| row.outcome.is_ok()));
    // The spec's own quantum is used.
    let rows = compare_rows(&silberschatz(PolicySpec::Rr { quantum: 6 }));
    assert_eq!(rows[6].policy, PolicySpec::Rr { quantum: 6 });
}

#[test]
fn a_workload_that_cannot_run_is_reported_not_hidden() {
    let rows = compare_rows(&ScenarioSpec::default());
    assert_eq!(rows.len(), 10);
    assert!(rows.iter().all(|row| row.outcome.is_err()));
    let sentence = compare_takeaway(&rows, Lang::En);
    assert!(sentence.contains("Nothing to compare"), "{sentence}");
}

#[test]
fn the_gantt_model_has_the_mlfq_boost_period_on_whose_multiples_the_engine_boosts() {
    let spec = proclab_core::presets::preset("mlfq-ostep-boost")
        .unwrap()
        .spec;
    let PolicySpec::Mlfq(mlfq) = &spec.policy else {
        panic!("an MLFQ example")
    };
    let period = mlfq.boost_period.expect("it boosts");
    let simulation = simulation(&spec);
    let model = gantt_model(&simulation, Lang::En);
    assert_eq!(model.boost_every, Some(period));
    // The lines drawn at the period's multiples are where the engine raised threads.
    let raised: Vec<u64> = simulation
        .run
        .events()
        .iter()
        .filter(|event| matches!(event.cause, proclab_core::Cause::Boosted))
        .map(|event| event.tick)
        .collect();
    assert!(!raised.is_empty());
    assert!(raised.iter().all(|tick| tick % period == 0), "{raised:?}");
    let legend = model.boost_legend.expect("named in the legend");
    assert!(
        legend.contains(&format!("every {period} ticks")),
        "{legend}"
    );
    // The same workload without boosts, one boosting only after its end, and another policy
    // have none.
    let mut quiet = spec.clone();
    let mut late = spec.clone();
    if let PolicySpec::Mlfq(mlfq) = &mut quiet.policy {
        mlfq.boost_period = None;
    }
    if let PolicySpec::Mlfq(mlfq) = &mut late.policy {
        mlfq.boost_period = Some(model.extent + 1);
    }
    for spec in [quiet, late, silberschatz(PolicySpec::Fcfs)] {
        let model = gantt_model(&self::simulation(&spec), Lang::En);
        assert!(model.boost_every.is_none() && model.boost_legend.is_none());
    }
}

#[test]
fn quantum_sweep_runs_rr_from_one_to_the_longest_burst_capped_at_twenty() {
    let spec = silberschatz(PolicySpec::Fcfs);
    let points = quantum_sweep(&spec);
    let quanta: Vec<u64> = points.iter().map(|point| point.quantum).collect();
    assert_eq!(quanta, (1..=20).collect::<Vec<u64>>());
    let rr4 = compare_rows(&spec).swap_remove(6);
    assert_eq!(points[3].outcome, rr4.outcome);
    let switches = |index: usize| {
        points[index]
            .outcome
            .as_ref()
            .expect("ran")
            .context_switches
    };
    assert!(switches(0) > switches(19));
    let short = ScenarioSpec {
        processes: vec![
            process(0, &[BurstSpec::Cpu(3)]),
            process(0, &[BurstSpec::Cpu(2)]),
        ],
        ..ScenarioSpec::default()
    };
    assert_eq!(quantum_sweep(&short).len(), 3);
    let sentence = sweep_takeaway(&points, Lang::En);
    assert!(sentence.contains("q from 1 to 20"), "{sentence}");
    // The sweep marks the quantum of the comparison's RR row: the default under FCFS, the
    // workload's own under RR.
    let marked =
        |spec: &ScenarioSpec| proclab_app::chart::compare_model::rr_quantum(&compare_rows(spec));
    assert_eq!(marked(&spec), Some(proclab_core::compare::DEFAULT_QUANTUM));
    assert_eq!(
        marked(&silberschatz(PolicySpec::Rr { quantum: 7 })),
        Some(7)
    );
    let legend = proclab_app::chart::text::sweep_marked(7, Lang::Ko);
    assert!(
        legend.contains("q = 7") && legend.contains("정책 비교"),
        "{legend}"
    );
}
#[test]
fn a_policy_that_would_take_too_long_is_skipped_and_said_so() {
    let spec = ScenarioSpec {
        processes: vec![process(0, &[BurstSpec::Cpu(100_000_000)])],
        ..ScenarioSpec::default()
    };
    let rows = compare_rows(&spec);
    assert!(rows[0].outcome.is_ok(), "FCFS runs at once");
    assert_eq!(
        rows[6].outcome,
        Err(proclab_app::chart::compare_model::Skipped::TooMuchWork),
        "RR q=4 is skipped"
    );
    let sentence = compare_takeaway(&rows, Lang::En);
    assert!(sentence.contains("could not run"), "{sentence}");
}

#[test]
fn on_several_cpus_a_running_segment_names_its_cpu() {
    let spec = ScenarioSpec {
        processes: vec![
            process(0, &[BurstSpec::Cpu(5)]),
            process(0, &[BurstSpec::Cpu(5)]),
        ],
        machine: MachineSpec {
            cpus: 2,
            ..MachineSpec::default()
        },
        ..ScenarioSpec::default()
    };
    let model = gantt_model(&simulation(&spec), Lang::En);
    let labels: Vec<&str> = model.rows.iter().map(|row| row.label.as_str()).collect();
    assert_eq!(labels, ["CPU0", "CPU1", "P1", "P2"]);
    assert_eq!(spans(&model, 0), [span(0, 5, "P1")]);
    assert_eq!(spans(&model, 1), [span(0, 5, "P2")]);
    assert_eq!(spans(&model, 2), [span(0, 5, "CPU0")]);
    assert_eq!(spans(&model, 3), [span(0, 5, "CPU1")]);
    assert!(
        model.takeaway.contains("2 processes on 2 CPUs"),
        "{}",
        model.takeaway
    );
}

#[test]
fn comparison_sentences_exist_in_both_languages() {
    let spec = silberschatz(PolicySpec::Fcfs);
    let rows = compare_rows(&spec);
    let points = quantum_sweep(&spec);
    let english = compare_takeaway(&rows, Lang::En);
    assert!(english.starts_with("10 policies compared"), "{english}");
    // Policies that tie are all named, in table order: all jobs arrive at 0, so SRTF is SJF.
    assert!(
        english.contains("lowest average waiting is 3.00 ticks, by SJF, SRTF;"),
        "{english}"
    );
    assert!(
        english.contains("the highest 17.00 ticks, by FCFS, Priority (non-preemptive), Priority (preemptive), HRRN."),
        "{english}"
    );
    let korean = compare_takeaway(&rows, Lang::Ko);
    assert!(
        korean.contains("가장 짧은 것은 3.00틱인 SJF, SRTF,"),
        "{korean}"
    );
    let korean = sweep_takeaway(&points, Lang::Ko);
    assert!(korean.contains("q=1..20"), "{korean}");
}

#[test]
fn a_large_run_builds_only_the_rows_the_chart_can_show_and_each_is_exact() {
    use proclab_app::chart::model::MAX_ROWS;
    // 300 processes with I/O under RR q=2 on 2 CPUs: far more rows than a chart can show.
    let spec = ScenarioSpec {
        processes: (0..300u64)
            .map(|index| {
                process(
                    index % 7,
                    &[
                        BurstSpec::Cpu(1 + index % 5),
                        BurstSpec::Io(2),
                        BurstSpec::Cpu(1 + index % 3),
                    ],
                )
            })
            .collect(),
        policy: PolicySpec::Rr { quantum: 2 },
        machine: MachineSpec {
            cpus: 2,
            ..MachineSpec::default()
        },
        ..ScenarioSpec::default()
    };
    let simulation = simulation(&spec);
    let model = gantt_model(&simulation, Lang::En);
    assert_eq!(model.rows.len(), MAX_ROWS);
    assert_eq!(model.total_rows, 2 + 300);
    // Every thread row that is built is whole: its Running time is the process's CPU demand, its
    // Blocked time its I/O.
    for row in &model.rows[2..] {
        let RowKind::Thread { thread } = row.kind else {
            panic!("CPU rows come first");
        };
        let ticks = |wanted: fn(&SegmentKind) -> bool| ticks_of(row, wanted);
        let index = u64::from(thread.pid);
        assert_eq!(
            ticks(|kind| matches!(kind, SegmentKind::Running { .. })),
            1 + index % 5 + 1 + index % 3,
            "{}",
            row.label
        );
        assert_eq!(ticks(|kind| matches!(kind, SegmentKind::Blocked { .. })), 2);
    }
    // The legend still names every kind present, in its fixed order.
    let legend: Vec<&str> = model
        .legend
        .iter()
        .map(|entry| entry.text.as_str())
        .collect();
    let idle = simulation
        .run
        .gantt()
        .iter()
        .any(|slice| matches!(slice.kind, proclab_core::SliceKind::Idle));
    assert!(!idle, "the CPUs never idle in this run");
    assert_eq!(
        legend,
        [
            "running on a CPU (each process in its colour)",
            "ready: waiting for a CPU",
            "blocked: waiting for I/O or another thread"
        ]
    );
}

#[test]
fn a_long_run_is_drawn_at_columns_and_listed_exactly() {
    use proclab_app::chart::model::{gantt_model_exact, COLUMNS};
    // 2,000 processes under RR q=1: about 50,000 ticks, a dozen ticks a column.
    let spec = ScenarioSpec {
        processes: (0..2_000u64)
            .map(|index| process(0, &[BurstSpec::Cpu(1 + index * 7 % 50)]))
            .collect(),
        policy: PolicySpec::Rr { quantum: 1 },
        ..ScenarioSpec::default()
    };
    let simulation = simulation(&spec);
    let drawn = gantt_model(&simulation, Lang::En);
    let exact = gantt_model_exact(&simulation, Lang::En);
    assert!(drawn.gathered && !exact.gathered);
    assert_eq!(drawn.rows.len(), exact.rows.len());
    for (drawn_row, exact_row) in drawn.rows.iter().zip(&exact.rows) {
        let (first, last) = (&drawn_row.segments[0], drawn_row.segments.last().unwrap());
        // The same span, covered without gaps or overlaps where the exact row has none.
        assert_eq!(
            first.start, exact_row.segments[0].start,
            "{}",
            drawn_row.label
        );
        assert_eq!(last.end, exact_row.segments.last().unwrap().end);
        for pair in drawn_row.segments.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{}: overlap", drawn_row.label);
        }
        // A few segments a column at most, and each one's kind is one the exact row has there.
        assert!(
            drawn_row.segments.len() as u64 <= 2 * COLUMNS,
            "{}",
            drawn_row.label
        );
        for segment in &drawn_row.segments {
            assert!(
                exact_row
                    .segments
                    .iter()
                    .any(|exact| exact.kind == segment.kind
                        && exact.start < segment.end
                        && segment.start < exact.end),
                "{}: {:?} at {}..{} is not in the run",
                drawn_row.label,
                segment.kind,
                segment.start,
                segment.end
            );
        }
    }
    // The CPU row really is gathered: the exact one has a slice per tick.
    assert!(exact.rows[0].segments.len() > 10 * drawn.rows[0].segments.len());
}

/// A program that writes to its own pipe and reads it back: two system calls.
fn pipe_program(cost: u64) -> ScenarioSpec {
    let mut spec = ScenarioSpec {
        processes: vec![ProcessSpec {
            program: ".pipe p 2\n.main\nmov $5, %ax\nwrite p, %ax\nread p, %bx\nhalt\n".into(),
            threads: vec![ThreadSpec::default()],
            ..ProcessSpec::default()
        }],
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    spec.machine.kernel_entry_cost = cost;
    spec
}

#[test]
fn kernel_time_after_a_system_call_is_its_own_segment_of_the_cpu_row() {
    let simulation = simulation(&pipe_program(3));
    for lang in [Lang::En, Lang::Ko] {
        let model = gantt_model(&simulation, lang);
        // Each instruction takes a tick; the write (tick 1) and the read (tick 5) are each
        // followed by 3 ticks in the kernel, as the core recorded them.
        let expected: Vec<(u64, u64, String)> = [
            (0, 2, false),
            (2, 5, true),
            (5, 6, false),
            (6, 9, true),
            (9, 10, false),
        ]
        .into_iter()
        .map(|(start, end, kernel)| span(start, end, if kernel { "P1.T1·k" } else { "P1.T1" }))
        .collect();
        assert_eq!(spans(&model, 0), expected);
        let kernel: Vec<_> = simulation
            .run
            .kernel_spans()
            .iter()
            .map(|span| (span.start, span.end))
            .collect();
        let drawn: Vec<_> = model.rows[0]
            .segments
            .iter()
            .filter(|segment| matches!(segment.kind, SegmentKind::Kernel { .. }))
            .map(|segment| (segment.start, segment.end))
            .collect();
        assert_eq!(drawn, kernel);
        // The thread row shows the whole time as Running: kernel time is the thread's CPU time.
        assert_eq!(
            model.rows[1]
                .segments
                .iter()
                .map(|s| s.end - s.start)
                .sum::<u64>(),
            10
        );
        assert!(model
            .legend
            .iter()
            .any(|entry| entry
                .text
                .contains(if lang == Lang::En { "kernel" } else { "커널" })));
    }
    let free = gantt_model(&Simulation::new(&pipe_program(0)).unwrap(), Lang::En);
    assert_eq!(spans(&free, 0), [span(0, 4, "P1.T1")]);
    assert!(!free
        .legend
        .iter()
        .any(|entry| entry.text.contains("kernel")));
}

#[test]
fn a_thread_row_says_whether_it_waits_for_io_or_for_another_thread() {
    // The dining philosophers deadlock: every philosopher ends waiting for a fork (a mutex).
    let spec = proclab_core::presets::preset("philosophers-deadlock")
        .expect("the preset")
        .spec;
    let model = gantt_model(&simulation(&spec), Lang::En);
    let blocked: Vec<&str> = model
        .rows
        .iter()
        .flat_map(|row| &row.segments)
        .filter(|segment| matches!(segment.kind, SegmentKind::Blocked { .. }))
        .map(|segment| &*segment.label)
        .collect();
    assert!(!blocked.is_empty());
    assert!(blocked.iter().all(|label| *label == "wait"), "{blocked:?}");
    // A burst process blocked by its I/O burst: "I/O".
    let io = gantt_model(
        &simulation(&ScenarioSpec {
            processes: vec![process(0, &BurstSpec::alternating(&[2, 3, 1]))],
            ..ScenarioSpec::default()
        }),
        Lang::En,
    );
    let row = &io.rows[1].segments;
    assert!(row.iter().any(
        |segment| matches!(segment.kind, SegmentKind::Blocked { .. })
            && &*segment.label == "I/O"
            && segment.detail.contains("I/O")
    ));
}

#[test]
fn a_compared_run_cut_short_by_a_deadlock_is_marked_and_never_the_lowest() {
    use proclab_app::chart::compare_model::{sweep_range, Comparison, CutShort};
    let spec = proclab_core::presets::preset("deadlock-two-locks")
        .unwrap()
        .spec;
    let comparison = Comparison::of(&spec);
    let cut: Vec<_> = comparison
        .rows
        .iter()
        .filter(|row| matches!(row.cut_short, Some(CutShort::Deadlock { .. })))
        .collect();
    let finished: Vec<_> = comparison
        .rows
        .iter()
        .filter(|row| row.outcome.is_ok() && row.cut_short.is_none())
        .collect();
    assert!(!cut.is_empty() && !finished.is_empty(), "{comparison:?}");
    let rr = cut
        .iter()
        .find(|row| matches!(row.policy, PolicySpec::Rr { .. }))
        .expect("RR deadlocks here, as the example says");
    assert_eq!(rr.label(Lang::En), "RR (q=3; deadlock at t=8)");
    let said = compare_takeaway(&comparison.rows, Lang::En);
    let lowest = said
        .split("the lowest average waiting is ")
        .nth(1)
        .and_then(|rest| rest.split(" (").next())
        .unwrap();
    assert!(
        !lowest.contains("RR"),
        "a deadlocked run named the lowest: {said}"
    );
    assert!(
        said.contains(
            "Left out, as they stopped before every thread finished (their times end there): RR (q=3; deadlock at t=8)"
        ),
        "{said}"
    );
    assert!(compare_takeaway(&comparison.rows, Lang::Ko).contains("비교에서 뺐습니다"));
    // Threads running programs have no bursts: the sweep tries quanta 1 to 10 (it tried only 1).
    assert_eq!(sweep_range(&spec), 1..=10);
    assert_eq!(comparison.points.len(), 10);
    let sweep = sweep_takeaway(&comparison.points, Lang::En);
    assert!(
        sweep.starts_with("Round robin with q from 1 to 10"),
        "{sweep}"
    );
}

#[test]
fn the_comparison_says_why_waiting_can_exceed_turnaround_when_it_does() {
    let spec = proclab_core::presets::preset("philosophers-deadlock")
        .unwrap()
        .spec;
    let rows = compare_rows(&spec);
    assert!(rows
        .iter()
        .filter_map(|row| row.outcome.as_ref().ok())
        .any(proclab_app::chart::compare_model::waits_exceed_turnaround));
    let english = compare_takeaway(&rows, Lang::En);
    assert!(
        english.ends_with("so average waiting can even exceed average turnaround."),
        "{english}"
    );
    assert!(
        compare_takeaway(&rows, Lang::Ko).contains("평균 대기가 평균 반환보다 길 수도 있습니다")
    );
    let swept = sweep_takeaway(&quantum_sweep(&spec), Lang::En);
    assert!(
        swept.ends_with("can even exceed average turnaround."),
        "{swept}"
    );
    let plain = sweep_takeaway(&quantum_sweep(&silberschatz(PolicySpec::Fcfs)), Lang::En);
    assert!(!plain.contains("can exceed"), "{plain}");
    let single = compare_rows(&silberschatz(PolicySpec::Fcfs));
    assert!(!compare_takeaway(&single, Lang::En).contains("can exceed"));
}

#[test]
fn the_comparison_says_when_priority_and_mlq_have_nothing_to_tell_apart() {
    use proclab_app::chart::compare_model::{uniform_note, Comparison};
    use proclab_core::PolicySpec;
    let mut spec = proclab_core::presets::preset("rr-silberschatz")
        .unwrap()
        .spec;
    let note = uniform_note(&spec, Lang::En).expect("all priorities and classes are equal");
    assert!(
        note.contains("Priority runs as FCFS") && note.contains("MLQ runs as its one queue"),
        "{note}"
    );
    // What the note claims is what the engine did.
    let comparison = Comparison::of(&spec);
    let totals = |wanted: fn(&PolicySpec) -> bool| {
        comparison
            .rows
            .iter()
            .find(|row| wanted(&row.policy))
            .and_then(|row| row.outcome.clone().ok())
            .expect("ran")
    };
    let fcfs = totals(|policy| matches!(policy, PolicySpec::Fcfs));
    for preemptive in [false, true] {
        let priority = comparison
            .rows
            .iter()
            .find(|row| matches!(row.policy, PolicySpec::Priority { preemptive: p, .. } if p == preemptive))
            .and_then(|row| row.outcome.clone().ok())
            .expect("ran");
        assert_eq!(priority.average_waiting, fcfs.average_waiting);
    }
    // Priorities that differ: only the class is left to mention; both set, nothing.
    spec.processes[1].priority = 3;
    let note = uniform_note(&spec, Lang::Ko).expect("classes still equal");
    assert!(note.contains("MLQ") && !note.contains("FCFS"), "{note}");
    spec.processes[2].class = 1;
    assert_eq!(uniform_note(&spec, Lang::En), None);
}

#[test]
fn the_comparison_says_which_quantum_round_robin_runs_with() {
    use proclab_app::chart::compare_model::{compare_note, quantum_note, Comparison};
    use proclab_core::PolicySpec;
    let mut spec = proclab_core::presets::preset("rr-silberschatz")
        .unwrap()
        .spec;
    let rr_quantum = |comparison: &Comparison| {
        proclab_app::chart::compare_model::rr_quantum(&comparison.rows).expect("RR is compared")
    };
    // Under RR the workload's own quantum is used, and nothing needs saying.
    let PolicySpec::Rr { quantum } = spec.policy else {
        panic!("an RR example")
    };
    assert_eq!(rr_quantum(&Comparison::of(&spec)), quantum);
    assert_eq!(quantum_note(&spec, Lang::En), None);
    // Under SJF the workload has no quantum: the note names the one the engine used.
    spec.policy = PolicySpec::Sjf { prediction: None };
    let used = rr_quantum(&Comparison::of(&spec));
    for lang in [Lang::Ko, Lang::En] {
        let note = compare_note(&spec, lang).expect("a note");
        assert!(note.contains(&format!("q = {used}")), "{note}");
    }
    // Joined with the note on equal priorities and classes, not instead of it.
    assert!(compare_note(&spec, Lang::En)
        .unwrap()
        .contains("Priority runs as FCFS"));
    // An MLQ workload keeps its own queues in the comparison: only RR and lottery take q = 4.
    spec.policy = PolicySpec::Mlq {
        queues: vec![proclab_core::QueueSpec::Rr { quantum: 2 }],
    };
    let comparison = Comparison::of(&spec);
    assert!(comparison.rows.iter().any(|row| row.policy == spec.policy));
    assert_eq!(rr_quantum(&comparison), used);
    let note = quantum_note(&spec, Lang::En).expect("a note");
    assert!(
        note.starts_with(&format!(
            "Round robin and lottery run here with the default q = {used}"
        )),
        "{note}"
    );
    // MLFQ has quanta of its own levels, which it does not lend: said so, not "no quantum".
    spec.policy = proclab_core::presets::preset("mlfq-ostep-short-job")
        .map(|preset| preset.spec.policy)
        .unwrap_or(PolicySpec::Fcfs);
    assert!(matches!(spec.policy, PolicySpec::Mlfq { .. }));
    for lang in [Lang::Ko, Lang::En] {
        let note = quantum_note(&spec, lang).expect("a note");
        assert!(
            note.contains("MLFQ") && note.contains(&format!("q = {used}")),
            "{note}"
        );
        assert!(
            !note.contains("has no quantum") && !note.contains("퀀텀이 없어"),
            "{note}"
        );
    }
}

#[test]
fn a_user_level_thread_held_by_its_blocked_process_is_not_drawn_waiting_for_a_cpu() {
    use proclab_app::chart::model::{gantt_model_exact, RowKind};
    use proclab_core::ProcessState;
    let spec = proclab_core::presets::preset("threads-user-level")
        .unwrap()
        .spec;
    let sim = simulation(&spec);
    let model = gantt_model_exact(&sim, Lang::En);
    let mut held_ticks = 0;
    for row in &model.rows {
        let RowKind::Thread { thread } = row.kind else {
            continue;
        };
        for segment in &row.segments {
            for tick in segment.start..segment.end {
                // Whether a sibling of this thread is blocked at this tick, from the core's state.
                let state = sim.run.state_at(tick);
                let sibling_blocked = state.threads.iter().any(|tcb| {
                    tcb.thread.pid == thread.pid
                        && tcb.thread != thread
                        && tcb.state == ProcessState::Blocked
                });
                match segment.kind {
                    SegmentKind::Ready { .. } => assert!(
                        !sibling_blocked,
                        "{thread:?} drawn waiting for a CPU at t={tick} while its process is blocked"
                    ),
                    SegmentKind::HeldReady { .. } => {
                        assert!(sibling_blocked, "{thread:?} held at t={tick} with no sibling blocked");
                        held_ticks += 1;
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(
        held_ticks > 0,
        "the example holds threads while one does I/O"
    );
    assert!(model
        .legend
        .iter()
        .any(|entry| entry.text.starts_with("ready, but its process is blocked")));
    // Kernel-level threads: nothing is held.
    let mut kernel = spec.clone();
    kernel.machine.thread_model = proclab_core::spec::ThreadModel::Kernel;
    let model = gantt_model_exact(&simulation(&kernel), Lang::En);
    assert!(model
        .rows
        .iter()
        .flat_map(|row| &row.segments)
        .all(|segment| !matches!(segment.kind, SegmentKind::HeldReady { .. })));
}

#[test]
fn a_switch_away_from_a_thread_that_has_exited_saves_nothing_in_the_chart_data() {
    use proclab_app::chart::model::gantt_model_exact;
    let spec = proclab_core::presets::preset("per-cpu-queues")
        .unwrap()
        .spec;
    let sim = simulation(&spec);
    let model = gantt_model_exact(&sim, Lang::En);
    let completion = |name: &str| {
        sim.run
            .metrics()
            .processes
            .iter()
            .find(|process| process.name == name)
            .map(|process| process.completion)
            .expect("a process")
    };
    let mut switches = 0;
    let mut loads_after_exit = 0;
    for segment in model.rows.iter().flat_map(|row| &row.segments) {
        if !matches!(segment.kind, SegmentKind::Dispatch { .. }) {
            continue;
        }
        if let Some(rest) = segment.detail.strip_prefix("context switch: save ") {
            let saved = rest.split(',').next().unwrap();
            assert!(
                completion(saved) > segment.start,
                "{} at t={}",
                segment.detail,
                segment.start
            );
            switches += 1;
        } else {
            loads_after_exit += 1;
        }
    }
    // B exits at t=17 as CPU 1 switches to C: that one only loads.
    assert!(
        switches > 0 && loads_after_exit > 0,
        "{switches} {loads_after_exit}"
    );
}

#[test]
fn the_sweep_names_every_quantum_tied_for_the_lowest_waiting() {
    use proclab_app::chart::compare_model::Comparison;
    let spec = proclab_core::presets::preset("threads-kernel-level")
        .unwrap()
        .spec;
    let comparison = Comparison::of(&spec);
    let finished: Vec<(u64, f64)> = comparison
        .points
        .iter()
        .filter(|point| point.cut_short.is_none())
        .filter_map(|point| {
            let totals = point.outcome.as_ref().ok()?;
            let waiting = totals.average_waiting;
            Some((point.quantum, waiting.num as f64 / waiting.den as f64))
        })
        .collect();
    let lowest = finished
        .iter()
        .map(|(_, waiting)| *waiting)
        .fold(f64::MAX, f64::min);
    let tied: Vec<String> = finished
        .iter()
        .filter(|(_, waiting)| (waiting - lowest).abs() < 1e-9)
        .map(|(quantum, _)| format!("q={quantum}"))
        .collect();
    assert!(tied.len() >= 2, "this example ties: {finished:?}");
    let sentence = sweep_takeaway(&comparison.points, Lang::En);
    assert!(
        sentence.contains(&format!("lowest at {} (", tied.join(", "))),
        "{sentence}"
    );
}

/// A thread row shows its switch-in latency and cache stalls as its CPU row does, so what it draws
/// as Running is its execution: the first Running tick ends its response, Running adds up to its
/// CPU time, the loading pieces to its switch and stall, Ready to its waiting.
#[test]
fn thread_rows_show_loading_apart_from_running() {
    let mut spec = ScenarioSpec {
        processes: vec![
            process(0, &[BurstSpec::Cpu(5), BurstSpec::Io(2), BurstSpec::Cpu(3)]),
            process(1, &[BurstSpec::Cpu(4)]),
            process(2, &[BurstSpec::Cpu(2), BurstSpec::Io(3), BurstSpec::Cpu(4)]),
            process(6, &[BurstSpec::Cpu(6)]),
        ],
        policy: PolicySpec::Rr { quantum: 2 },
        machine: MachineSpec {
            cpus: 2,
            dispatch_latency: 2,
            ..MachineSpec::default()
        },
        ..ScenarioSpec::default()
    };
    cache_on(&mut spec, 8);
    let simulation = simulation(&spec);
    let metrics = &simulation.run.metrics().threads;
    assert!(
        metrics.iter().all(|thread| thread.switch > 0)
            && metrics.iter().any(|thread| thread.stall > 0)
    );
    for lang in [Lang::En, Lang::Ko] {
        let model = gantt_model(&simulation, lang);
        for (row, thread) in model.rows[2..].iter().zip(metrics) {
            let ticks = |wanted: fn(&SegmentKind) -> bool| ticks_of(row, wanted);
            let label = &row.label;
            type Kind = fn(&SegmentKind) -> bool;
            let sums: [(Kind, u64); 4] = [
                (
                    |kind| matches!(kind, SegmentKind::Running { .. }),
                    thread.cpu,
                ),
                (
                    |kind| matches!(kind, SegmentKind::Dispatch { .. }),
                    thread.switch,
                ),
                (
                    |kind| matches!(kind, SegmentKind::CacheStall { .. }),
                    thread.stall,
                ),
                (
                    |kind| matches!(kind, SegmentKind::Ready { .. }),
                    thread.waiting,
                ),
            ];
            for (index, (kind, expected)) in sums.into_iter().enumerate() {
                assert_eq!(ticks(kind), expected, "{label}, sum {index}");
            }
            let first_run = row
                .segments
                .iter()
                .find(|segment| matches!(segment.kind, SegmentKind::Running { .. }))
                .expect("it runs");
            assert_eq!(first_run.start - thread.arrival, thread.response, "{label}");
            // Each loading piece says it is not execution yet, and lies on its CPU row too.
            for piece in row.segments.iter().filter(|segment| {
                matches!(
                    segment.kind,
                    SegmentKind::Dispatch { .. } | SegmentKind::CacheStall { .. }
                )
            }) {
                assert!(
                    piece.detail.contains(
                        lang.pick(["아직 명령을 실행하지 않습니다", "not executing yet"])
                    ),
                    "{}",
                    piece.detail
                );
                let on_cpu = model.rows[..2].iter().any(|cpu| {
                    cpu.segments.iter().any(|segment| {
                        segment.kind == piece.kind
                            && segment.start <= piece.start
                            && piece.end <= segment.end
                    })
                });
                assert!(on_cpu, "{label}: {piece:?}");
            }
        }
    }
}

#[test]
fn a_short_runs_axis_is_labelled_where_its_segments_begin_and_end_as_a_textbook_draws_it() {
    use proclab_app::chart::model::boundary_ticks;
    // Silberschatz's SRTF example: his chart reads 0 1 5 10 17 26.
    let spec = ScenarioSpec {
        processes: [(0, 8), (1, 4), (2, 9), (3, 5)]
            .iter()
            .map(|&(arrival, cpu)| process(arrival, &[BurstSpec::Cpu(cpu)]))
            .collect(),
        policy: PolicySpec::Srtf,
        ..ScenarioSpec::default()
    };
    let model = gantt_model(&simulation(&spec), Lang::En);
    assert_eq!(
        boundary_ticks(&model, 1000, 24),
        Some(vec![0, 1, 5, 10, 17, 26])
    );
    // On a phone's axis a label too close to the last one kept is left out, never the end.
    let narrow = boundary_ticks(&model, 300, 24).expect("most still fit");
    assert_eq!((narrow[0], *narrow.last().unwrap()), (0, 26));
    for pair in narrow.windows(2) {
        assert!(
            (pair[1] - pair[0]) as f64 * 300.0 / 26.0 >= 24.0,
            "{narrow:?}"
        );
    }
    assert!(narrow
        .iter()
        .all(|tick| [0, 1, 5, 10, 17, 26].contains(tick)));
    // An MLFQ boost's line is labelled too, where there are few.
    let mut boosted = spec.clone();
    boosted.policy = proclab_core::presets::preset("mlfq-silberschatz")
        .unwrap()
        .spec
        .policy;
    let PolicySpec::Mlfq(mlfq) = &mut boosted.policy else {
        panic!("an MLFQ example")
    };
    mlfq.boost_period = Some(7);
    let model = gantt_model(&simulation(&boosted), Lang::En);
    assert_eq!(model.boost_every, Some(7));
    let labelled = boundary_ticks(&model, 1000, 24).expect("a short run");
    for boost in [7, 14, 21] {
        assert!(labelled.contains(&boost), "{labelled:?}");
    }
    // A run with too many boundaries to label most of them keeps round numbers.
    let mut busy = silberschatz(PolicySpec::Rr { quantum: 1 });
    busy.processes
        .iter_mut()
        .for_each(|p| p.bursts = vec![BurstSpec::Cpu(20)]);
    let model = gantt_model(&simulation(&busy), Lang::En);
    assert_eq!(boundary_ticks(&model, 400, 24), None);
}

#[test]
fn a_policy_with_nothing_to_show_on_the_workload_says_why_it_looks_like_another() {
    use proclab_app::run_notes::policy_effect;
    use proclab_core::{Cause, PolicySpec};
    // The RR example under Silberschatz's MLFQ (8, 16, FCFS): P1's burst of 24 is demoted.
    let mut spec = proclab_core::presets::preset("rr-silberschatz")
        .unwrap()
        .spec;
    spec.policy = PolicySpec::mlfq_silberschatz();
    let demotes = |spec: &proclab_core::ScenarioSpec| {
        simulation(spec)
            .run
            .trace()
            .iter()
            .any(|event| matches!(event.cause, Cause::Demoted { .. }))
    };
    assert!(demotes(&spec));
    assert_eq!(policy_effect(&simulation(&spec).run, Lang::En), None);
    // Bursts of 3 and a level-0 budget of 8: nobody is demoted, and the note says so with the
    // numbers the engine used.
    spec.processes.remove(0);
    assert!(!demotes(&spec));
    let sim = simulation(&spec);
    let note = policy_effect(&sim.run, Lang::En).expect("a note");
    assert!(note.contains("1 × quantum 8 = 8 ticks"), "{note}");
    assert!(policy_effect(&sim.run, Lang::Ko)
        .unwrap()
        .contains("q = 8인 RR"));
    // What it claims: the run is round robin's with that quantum, tick for tick.
    let mut rr = spec.clone();
    rr.policy = PolicySpec::Rr { quantum: 8 };
    assert_eq!(
        simulation(&rr).run.metrics().totals,
        sim.run.metrics().totals
    );
    // Priority over equal priorities is FCFS; one priority set apart, nothing to say.
    spec.policy = PolicySpec::Priority {
        preemptive: true,
        aging_every: None,
        lower_is_higher: true,
    };
    let sim = simulation(&spec);
    assert!(policy_effect(&sim.run, Lang::En)
        .unwrap()
        .contains("runs as FCFS"));
    let mut fcfs = spec.clone();
    fcfs.policy = PolicySpec::Fcfs;
    assert_eq!(
        simulation(&fcfs).run.metrics().totals,
        sim.run.metrics().totals
    );
    spec.processes[1].priority = 0;
    spec.processes[0].priority = 3;
    assert_eq!(policy_effect(&simulation(&spec).run, Lang::En), None);
}

#[test]
fn a_thread_that_exits_holding_a_lock_is_named_with_the_lock() {
    use proclab_app::run_notes::held_at_exit;
    use BurstSpec::{Cpu, Io, Lock, Unlock};
    let lock = || String::from("m");
    // P1 locks m and unlocks it; P2 ("5 io3 2 lock m") locks it as it ends.
    let mut spec = silberschatz(PolicySpec::Rr { quantum: 4 });
    spec.processes.truncate(2);
    spec.processes[0].bursts = vec![Cpu(2), Lock(lock()), Cpu(3), Unlock(lock())];
    spec.processes[1].bursts = vec![Cpu(5), Io(3), Cpu(2), Lock(lock())];
    let sim = simulation(&spec);
    assert_eq!(
        sim.run.end(),
        proclab_core::program::RunEnd::Finished,
        "nobody waits for it after"
    );
    let said = held_at_exit(&sim.run, Lang::En);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("P2 exited still holding the lock m "),
        "{said:?}"
    );
    assert!(held_at_exit(&sim.run, Lang::Ko)[0].starts_with("P2가 락 m을 잡은 채"));
    // Given back before the end: nothing to say.
    spec.processes[1].bursts.push(Unlock(lock()));
    assert_eq!(
        held_at_exit(&simulation(&spec).run, Lang::En),
        Vec::<String>::new()
    );
    // Kept by P1, which locks it first, while P2 waits for it: the run stops on the wait, and
    // the note names who waits forever.
    spec.processes[0].bursts = vec![Cpu(1), Lock(lock()), Cpu(1)];
    spec.processes[1].bursts = vec![Cpu(2), Lock(lock()), Cpu(3), Unlock(lock())];
    let sim = simulation(&spec);
    assert!(matches!(
        sim.run.end(),
        proclab_core::program::RunEnd::Deadlock { .. }
    ));
    assert_eq!(
        held_at_exit(&sim.run, Lang::En),
        ["P1 exited still holding the lock m (it locked it and never unlocked it): P2 waits for it forever."]
    );
    assert!(held_at_exit(&sim.run, Lang::Ko)[0].ends_with("P2는 그 락을 영원히 기다립니다."));
}

/// An I/O of 0 ticks is taken at its word, and said: the thread leaves the CPU there and is back
/// in the ready queue at once (a teacher had typed `io0`, seen a switch more and no message).
#[test]
fn an_io_of_zero_ticks_is_said_to_leave_the_cpu() {
    use proclab_app::run_notes::zero_io;
    let mut spec = silberschatz(PolicySpec::Fcfs);
    assert_eq!(zero_io(&simulation(&spec).run, Lang::En), None);
    spec.processes[1].bursts = vec![BurstSpec::Cpu(2), BurstSpec::Io(0), BurstSpec::Cpu(1)];
    let run = simulation(&spec).run;
    let name = run.scenario().processes()[1].name().to_string();
    assert_eq!(
        zero_io(&run, Lang::En).unwrap(),
        format!("Item 2 of {name}'s bursts is an I/O of 0 ticks: {name} still asks for I/O, so it leaves the CPU there, goes Blocked and is back in the ready queue at once.")
    );
    // What it says happens: Running -> Blocked -> Ready at one tick.
    let leaves = run
        .trace()
        .iter()
        .filter(|event| event.thread.pid == 1 && event.to == proclab_core::ProcessState::Blocked)
        .map(|event| event.tick)
        .collect::<Vec<_>>();
    assert_eq!(leaves.len(), 1);
    assert!(run.trace().iter().any(|event| event.thread.pid == 1
        && event.tick == leaves[0]
        && event.from == proclab_core::ProcessState::Blocked
        && event.to == proclab_core::ProcessState::Ready));
    spec.processes[2].bursts = vec![BurstSpec::Cpu(2), BurstSpec::Io(0), BurstSpec::Cpu(1)];
    let korean = zero_io(&simulation(&spec).run, Lang::Ko).unwrap();
    assert!(
        korean.starts_with(&format!(
            "{name}의 버스트 칸 2번째 항목은 0틱짜리 I/O입니다."
        )),
        "{korean}"
    );
    assert!(
        korean.ends_with("이런 버스트가 1개 더 있습니다."),
        "{korean}"
    );
}

/// Each Ready and Running segment of every thread row of `id`'s run, checked against the
/// queue the core's machine state puts the thread in at the segment's first tick; returns the
/// labels seen in order for the first thread.
fn queues_said(id: &str) -> Vec<String> {
    let spec = proclab_core::presets::preset(id).expect("the preset").spec;
    let simulation = simulation(&spec);
    let model = gantt_model(&simulation, Lang::En);
    let mut first = Vec::new();
    for row in &model.rows {
        let RowKind::Thread { thread } = row.kind else {
            continue;
        };
        for segment in &row.segments {
            if !matches!(
                segment.kind,
                SegmentKind::Ready { .. } | SegmentKind::Running { .. }
            ) {
                continue;
            }
            let state = simulation.run.state_at(segment.start);
            let level = state.thread(thread).expect("the thread").level;
            assert_eq!(
                &*segment.label,
                format!("Q{level}"),
                "{id}: {} at {}..{}",
                row.label,
                segment.start,
                segment.end
            );
            assert!(segment.detail.ends_with(&format!("(in Q{level})")));
            if thread.pid == 0 {
                first.push(segment.label.to_string());
            }
        }
    }
    assert!(
        model
            .levels_legend
            .as_deref()
            .is_some_and(|text| text.starts_with("Q0, Q1, …: in a thread's row, the queue")),
        "{id}"
    );
    // Beside a label of its own, not a fill of the chart's: no fill's entry says it.
    assert!(!model
        .legend
        .iter()
        .any(|entry| entry.text.starts_with("Q0")));
    first
}

#[test]
fn a_multilevel_runs_thread_rows_say_the_queue_each_segment_is_in() {
    // OSTEP's long job A with a boost every 50 ticks: it sinks to Q2, a boost brings it back to
    // Q0 and it sinks again.
    let a = queues_said("mlfq-ostep-boost");
    let lowest = a
        .iter()
        .position(|label| label == "Q2")
        .expect("A reaches Q2");
    assert_eq!(a[0], "Q0");
    assert!(a[lowest..].iter().any(|label| label == "Q0"), "{a:?}");
    // Under MLQ each process stays in its class's queue.
    let mlq = queues_said("mlq");
    assert!(!mlq.is_empty());
    // Other policies keep their words.
    let model = gantt_model(
        &simulation(&silberschatz(PolicySpec::Rr { quantum: 4 })),
        Lang::En,
    );
    assert!(model
        .rows
        .iter()
        .flat_map(|row| &row.segments)
        .all(|segment| !segment.label.starts_with('Q')));
}
