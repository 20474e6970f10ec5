//! The canvas view-model, checked against the core's own machine state for real runs.

use proclab_core::presets::process;
use proclab_core::spec::{PolicySpec, ProcessSpec, ScenarioSpec, ThreadSpec};
use proclab_core::state::{CpuActivity, MachineState};
use proclab_core::{simulate, Event, ProcessState, Run, Scenario, ThreadRef};
use proclab_view::{
    scene, switch_view, thread_label, token_at, token_radius, Scene, Size, SwitchPhase, TurnKey,
};

const SIZE: Size = Size {
    width: 1000.0,
    height: 500.0,
};

fn run(spec: &ScenarioSpec) -> Run {
    simulate(&Scenario::new(spec).expect("valid scenario"))
}

/// The waiting box's entries as set, left to right.
fn io_labels(scene: &Scene) -> Vec<&str> {
    scene
        .io_row
        .labels
        .iter()
        .map(|(_, label)| label.as_str())
        .collect()
}

/// The run of the example `id`.
fn preset_run(id: &str) -> Run {
    run(&proclab_core::presets::preset(id).expect("the preset").spec)
}

fn fcfs_with_latency(latency: u64) -> Run {
    let mut spec = ScenarioSpec {
        processes: vec![
            process("P1", 0, &[4]),
            process("P2", 0, &[3]),
            process("P3", 1, &[2]),
        ],
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    spec.machine.dispatch_latency = latency;
    run(&spec)
}

fn events_at(run: &Run, tick: u64) -> Vec<Event> {
    run.events()
        .iter()
        .filter(|event| event.tick == tick)
        .copied()
        .collect()
}

fn before(run: &Run, tick: u64) -> MachineState {
    if tick == 0 {
        run.state_at(0)
    } else {
        run.state_at(tick - 1)
    }
}

fn scene_at(run: &Run, tick: u64, progress: u32) -> Scene {
    scene(
        &before(run, tick),
        &run.state_at(tick),
        &events_at(run, tick),
        progress,
        SIZE,
        0,
        TurnKey::of(run.scenario().policy()),
    )
}

const P1: ThreadRef = ThreadRef { pid: 0, tid: 0 };
const P2: ThreadRef = ThreadRef { pid: 1, tid: 0 };
const P3: ThreadRef = ThreadRef { pid: 2, tid: 0 };

fn node_of(scene: &Scene, state: ProcessState) -> proclab_view::Rect {
    scene
        .nodes
        .iter()
        .find(|node| node.state == state)
        .unwrap()
        .rect
}

#[test]
fn tokens_sit_in_the_node_of_their_state_when_the_instant_is_done() {
    let run = fcfs_with_latency(0);
    for tick in 0..run.end_tick() {
        let scene = scene_at(&run, tick, 1000);
        let state = run.state_at(tick);
        for token in &scene.tokens {
            let expected = state.thread(token.thread).unwrap().state;
            assert_eq!(token.state, expected, "tick {tick}");
            assert!(
                node_of(&scene, expected).contains(token.at),
                "tick {tick}: {} outside {:?}",
                token.label,
                expected
            );
        }
        let counted: usize = scene.nodes.iter().map(|node| node.count).sum();
        let arrived = state
            .threads
            .iter()
            .filter(|tcb| state.processes[tcb.thread.pid as usize].arrival <= tick)
            .count();
        assert_eq!(counted, arrived, "tick {tick}");
        assert_eq!(scene.tokens.len(), arrived, "tick {tick}");
    }
}

#[test]
fn a_process_has_no_token_before_it_arrives_and_starts_in_new_when_it_does() {
    let run = fcfs_with_latency(0);
    let state = run.state_at(0);
    let late: Vec<(ThreadRef, u64)> = state
        .threads
        .iter()
        .map(|tcb| (tcb.thread, state.processes[tcb.thread.pid as usize].arrival))
        .filter(|(_, arrival)| *arrival > 0)
        .collect();
    assert!(
        !late.is_empty(),
        "the workload has a process arriving after 0"
    );
    for (thread, arrival) in late {
        for tick in 0..arrival {
            let scene = scene_at(&run, tick, 1000);
            assert!(
                scene.tokens.iter().all(|token| token.thread != thread),
                "{thread:?} drawn at {tick}, before it arrives at {arrival}"
            );
        }
        // At its arrival it is admitted: its token starts in New and ends in Ready.
        let start = scene_at(&run, arrival, 0);
        let token = start
            .tokens
            .iter()
            .find(|token| token.thread == thread)
            .unwrap();
        assert!(node_of(&start, ProcessState::New).contains(token.at));
        let end = scene_at(&run, arrival, 1000);
        let token = end
            .tokens
            .iter()
            .find(|token| token.thread == thread)
            .unwrap();
        assert_ne!(token.state, ProcessState::New);
    }
}

#[test]
fn the_ready_lane_shows_the_queue_in_order() {
    let run = fcfs_with_latency(0);
    let scene = scene_at(&run, 1, 1000);
    let lane: Vec<&str> = scene.lanes[0]
        .entries
        .iter()
        .map(|(_, label)| label.as_str())
        .collect();
    assert_eq!(lane, ["P2", "P3"]);
    assert_eq!(scene.cpus[0].label.as_deref(), Some("P1"));
}

#[test]
fn a_moving_token_travels_from_its_old_node_to_its_new_one() {
    let run = fcfs_with_latency(0);
    // At t=4, P1 exits and P2 is dispatched.
    let start = scene_at(&run, 4, 0);
    let end = scene_at(&run, 4, 1000);
    let p1_start = start
        .tokens
        .iter()
        .find(|token| token.thread == P1)
        .unwrap();
    let p1_end = end.tokens.iter().find(|token| token.thread == P1).unwrap();
    assert!(p1_start.moving);
    assert!(node_of(&start, ProcessState::Running).contains(p1_start.at));
    assert!(node_of(&end, ProcessState::Exit).contains(p1_end.at));
    let middle = scene_at(&run, 4, 500)
        .tokens
        .into_iter()
        .find(|token| token.thread == P1)
        .unwrap();
    assert!(
        middle.at.x > p1_start.at.x && middle.at.x < p1_end.at.x + 1.0,
        "halfway along the arrow"
    );
    let exit_arrow = end
        .arrows
        .iter()
        .find(|arrow| arrow.transition == proclab_view::Transition::Exit)
        .unwrap();
    assert_eq!(exit_arrow.causes.len(), 1);
}

#[test]
fn a_process_switch_goes_through_trap_save_load_then_latency() {
    let run = fcfs_with_latency(2);
    let switch_tick = run
        .events()
        .iter()
        .find(|event| event.thread == P2 && event.to == ProcessState::Running)
        .map(|event| event.tick)
        .unwrap();
    let phases: Vec<SwitchPhase> = [100, 400, 800]
        .iter()
        .map(|progress| scene_at(&run, switch_tick, *progress).switches[0].phase)
        .collect();
    assert_eq!(
        phases,
        [
            SwitchPhase::Trap,
            SwitchPhase::SaveOutgoing,
            SwitchPhase::LoadIncoming
        ]
    );
    let view = &scene_at(&run, switch_tick, 400).switches[0];
    // P1 has just exited (FCFS): nothing of it is saved, only P2 is loaded.
    assert_eq!(view.outgoing, None);
    assert_eq!(view.incoming.0, P2);
    assert!(view.address_space_change);
    let loaded = run.state_at(switch_tick).thread(P2).unwrap().clone();
    assert_eq!(
        view.context_in,
        format!("PC={}/{}", loaded.program_counter, loaded.burst_length)
    );
    let later = scene_at(&run, switch_tick + 1, 0);
    assert_eq!(later.switches[0].phase, SwitchPhase::Latency { left: 1 });
    assert_eq!(later.cpus[0].countdown, Some(1));
    assert!(
        scene_at(&run, switch_tick + 2, 0).switches.is_empty(),
        "P2 runs once the latency is paid"
    );
}

#[test]
fn a_thread_switch_keeps_the_address_space() {
    let bursts = vec![proclab_core::spec::BurstSpec::Cpu(3)];
    let spec = ScenarioSpec {
        processes: vec![ProcessSpec {
            name: "Web".into(),
            threads: vec![
                ThreadSpec {
                    bursts: bursts.clone(),
                    ..ThreadSpec::default()
                },
                ThreadSpec {
                    bursts,
                    ..ThreadSpec::default()
                },
            ],
            ..ProcessSpec::default()
        }],
        policy: PolicySpec::Rr { quantum: 1 },
        ..ScenarioSpec::default()
    };
    let run = run(&spec);
    let tick = run
        .events()
        .iter()
        .find(|event| event.thread.tid == 1 && event.to == ProcessState::Running)
        .map(|event| event.tick)
        .unwrap();
    let view = switch_view(
        &before(&run, tick),
        &run.state_at(tick),
        &events_at(&run, tick),
        0,
        500,
    )
    .unwrap();
    assert!(!view.address_space_change);
    assert_eq!(view.incoming.1, "Web.T2");
}

#[test]
fn a_cold_cache_shows_a_refill_countdown_and_whose_lines_are_warm() {
    let mut spec = ScenarioSpec {
        processes: vec![process("A", 0, &[3]), process("B", 0, &[3])],
        policy: PolicySpec::Rr { quantum: 2 },
        ..ScenarioSpec::default()
    };
    spec.machine.cache.enabled = true;
    spec.machine.cache.capacity = 6;
    spec.machine.cache.refill_per_unit = 1;
    let run = run(&spec);
    let stall = run
        .gantt()
        .iter()
        .find(|slice| matches!(slice.kind, proclab_core::SliceKind::CacheStall { .. }))
        .copied()
        .expect("a cold start stalls");
    assert!(
        stall.end - stall.start >= 2,
        "A's 4-unit working set and stack refill at 1 tick a unit"
    );
    let tick = stall.start + 1;
    let scene = scene(
        &before(&run, tick),
        &run.state_at(tick),
        &events_at(&run, tick),
        0,
        SIZE,
        6,
        TurnKey::of(run.scenario().policy()),
    );
    let refill = scene
        .switches
        .iter()
        .find(|view| matches!(view.phase, SwitchPhase::Refill { .. }))
        .expect("refilling");
    assert_eq!(
        refill.phase,
        SwitchPhase::Refill {
            left: stall.end - tick
        }
    );
    assert_eq!(scene.cpus[0].cache_capacity, 6);
    let running = scene_at(&run, stall.end, 1000);
    let cache = &running.cpus[0].cache;
    assert!(
        cache.iter().any(|slice| slice.warm_for_current),
        "the running process's lines are warm"
    );
}

#[test]
fn clicking_a_token_finds_it() {
    let run = fcfs_with_latency(0);
    let scene = scene_at(&run, 1, 1000);
    let radius = token_radius(&scene);
    for token in &scene.tokens {
        assert_eq!(token_at(&scene, token.at, radius), Some(token.thread));
    }
    assert_eq!(
        token_at(&scene, proclab_view::Point { x: -50.0, y: -50.0 }, radius),
        None
    );
    assert!(scene.tokens.iter().any(|token| token.thread == P3));
}

#[test]
fn a_hundred_processes_fit_in_their_nodes() {
    let processes = (0..100)
        .map(|index| process(&format!("P{}", index + 1), index % 7, &[3, 2, 1]))
        .collect();
    let run = run(&ScenarioSpec {
        processes,
        policy: PolicySpec::Rr { quantum: 2 },
        ..ScenarioSpec::default()
    });
    let scene = scene_at(&run, 20, 1000);
    let counted: usize = scene.nodes.iter().map(|node| node.count).sum();
    assert_eq!(counted, 100, "every process is counted in its node");
    for token in &scene.tokens {
        assert!(node_of(&scene, token.state).contains(token.at));
    }
    assert!(token_radius(&scene) >= 3.0);
    // A node draws what fits; on a large canvas that is all of them.
    let large = proclab_view::scene(
        &before(&run, 20),
        &run.state_at(20),
        &events_at(&run, 20),
        1000,
        proclab_view::Size {
            width: 1600.0,
            height: 900.0,
        },
        0,
        TurnKey::of(run.scenario().policy()),
    );
    assert_eq!(large.tokens.len(), 100);
}

#[test]
fn a_crowded_node_draws_what_fits_and_counts_the_rest() {
    // 10,000 processes ready at once: far more than a node can draw.
    let processes = (0..10_000)
        .map(|index| process(&format!("P{}", index + 1), 0, &[1 + index % 5]))
        .collect();
    let run = run(&ScenarioSpec {
        processes,
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    });
    let scene = scene_at(&run, 0, 1000);
    let ready = scene
        .nodes
        .iter()
        .find(|node| node.state == ProcessState::Ready)
        .unwrap();
    assert!(ready.count > 9_000, "the title counts them all");
    let drawn = scene
        .tokens
        .iter()
        .filter(|token| token.state == ProcessState::Ready)
        .count();
    assert!(drawn > 0 && drawn < 1_000, "{drawn} tokens drawn");
    let radius = token_radius(&scene);
    assert!(radius >= 3.0);
    // Drawn tokens stay inside their node and do not overlap.
    for (index, token) in scene.tokens.iter().enumerate() {
        assert!(node_of(&scene, token.state).contains(token.at));
        for other in &scene.tokens[index + 1..] {
            let (dx, dy) = (token.at.x - other.at.x, token.at.y - other.at.y);
            assert!(dx * dx + dy * dy >= (2.0 * radius) * (2.0 * radius) - 0.01);
        }
    }
}

#[test]
fn clicking_a_queue_entry_finds_it_in_queue_order() {
    let run = fcfs_with_latency(0);
    let scene = scene_at(&run, 2, 1000);
    let lane = &scene.lanes[0];
    assert_eq!(lane.cells.len(), lane.entries.len(), "two entries fit");
    for (cell, (thread, _)) in lane.cells.iter().zip(&lane.entries) {
        assert_eq!(
            proclab_view::queue_entry_at(&scene, cell.center()),
            Some(*thread)
        );
    }
    assert_eq!(
        lane.entries
            .iter()
            .map(|(thread, _)| *thread)
            .collect::<Vec<_>>(),
        [P2, P3]
    );
}

#[test]
fn queue_entries_carry_their_slice_and_allotment_left() {
    let run = preset_run("mlfq-silberschatz");
    let tick = 12;
    let scene = scene_at(&run, tick, 1000);
    let state = run.state_at(tick);
    assert!(scene.lanes.len() > 1, "one lane per MLFQ level");
    let mut seen = 0;
    for lane in &scene.lanes {
        assert_eq!(lane.marks.len(), lane.cells.len());
        for ((thread, _), mark) in lane.entries.iter().zip(&lane.marks) {
            let tcb = state.thread(*thread).unwrap();
            let quantum = tcb
                .quantum_left
                .filter(|left| *left > 0)
                .map(|left| format!("q{left} "))
                .unwrap_or_default();
            assert_eq!(*mark, format!("{quantum}a{}", tcb.allotment_left));
            seen += 1;
        }
    }
    assert!(seen > 0, "someone is waiting at t={tick}");
}

/// The marks every queued entry and running thread of `run` carries, checked against the
/// machine state by `expected`, at every tick; returns how many were seen.
fn marks_checked(run: &Run, expected: impl Fn(&proclab_core::state::Tcb, u64) -> String) -> usize {
    let mut seen = 0;
    for tick in 0..=run.end_tick() {
        let scene = scene_at(run, tick, 1000);
        let state = run.state_at(tick);
        for lane in &scene.lanes {
            for ((thread, _), mark) in lane.entries.iter().zip(&lane.marks) {
                assert_eq!(
                    *mark,
                    expected(state.thread(*thread).unwrap(), tick),
                    "t={tick}"
                );
                seen += 1;
            }
        }
        for cpu in &scene.cpus {
            if let CpuActivity::Running { thread } = cpu.activity {
                assert_eq!(
                    cpu.mark,
                    expected(state.thread(thread).unwrap(), tick),
                    "t={tick}"
                );
                seen += 1;
            }
        }
    }
    seen
}

#[test]
fn srtf_marks_the_burst_left_it_picks_by_in_the_queue_and_on_the_cpu() {
    let run = preset_run("srtf-vs-sjf");
    // Silberschatz's SRTF example: P1 (8 ticks) runs 1 tick, then P2 (4) arrives and preempts it;
    // the queue says P1 has 7 left and the CPU that P2 has 4 (then 3, 2, 1).
    let scene = scene_at(&run, 1, 1000);
    assert_eq!(scene.cpus[0].mark, "r4");
    assert_eq!(scene.lanes[0].marks[0], "r7");
    let seen = marks_checked(&run, |tcb, _| format!("r{}", tcb.next_cpu_burst));
    assert!(seen > 20, "{seen}");
}

#[test]
fn priority_marks_its_number_sjf_its_prediction_and_fcfs_nothing() {
    // Aging every 2 ticks, lower numbers first: a ready thread's number drops by one for every
    // 2 ticks since it last became ready; a running one keeps the number it was dispatched with.
    // Worked out from the trace's transitions, not from the machine state.
    let run = preset_run("priority-aging");
    let last = |thread: ThreadRef, to: ProcessState, at: u64| {
        run.events()
            .iter()
            .filter(|event| event.thread == thread && event.to == to && event.tick <= at)
            .map(|event| event.tick)
            .max()
            .unwrap()
    };
    let aged = |tcb: &proclab_core::state::Tcb, tick: u64| {
        let compared_at = match tcb.state {
            ProcessState::Running => last(tcb.thread, ProcessState::Running, tick),
            _ => tick,
        };
        let since = last(tcb.thread, ProcessState::Ready, compared_at);
        format!(
            "p{}",
            u64::from(tcb.priority).saturating_sub((compared_at - since) / 2)
        )
    };
    let seen = marks_checked(&run, aged);
    // The example's point: Low, number 9, waits until aging brings it level with the arrivals.
    let low_ran_at = |mark: &str| {
        (0..=run.end_tick()).any(|tick| {
            let scene = scene_at(&run, tick, 1000);
            scene.cpus[0].label.as_deref() == Some("Low") && scene.cpus[0].mark == mark
        })
    };
    assert!(!low_ran_at("p9"), "Low runs aged, not at its base number");
    let predicted = preset_run("sjf-predicted");
    let seen_predicted = marks_checked(&predicted, |tcb, _| {
        let milli = tcb.predicted_milli.unwrap();
        format!("τ{}", milli as f64 / 1000.0)
    });
    assert!(seen_predicted > 5, "{seen_predicted}");
    assert!(seen > 10, "{seen}");
    let fcfs = preset_run("fcfs-convoy");
    marks_checked(&fcfs, |_, _| String::new());
}

#[test]
fn hrrn_marks_each_waiting_threads_response_ratio_and_picks_the_highest() {
    // W is the time since the thread last became ready, worked out from the trace's
    // transitions, not from the machine state; S the CPU burst it waits to run.
    let run = preset_run("hrrn");
    let became_ready = |thread: ThreadRef, at: u64| {
        run.events()
            .iter()
            .filter(|event| {
                event.thread == thread && event.to == ProcessState::Ready && event.tick <= at
            })
            .map(|event| event.tick)
            .max()
            .unwrap()
    };
    let bursts = |thread: ThreadRef| {
        let spec = run
            .scenario()
            .threads()
            .iter()
            .find(|spec| spec.pid() == thread.pid && spec.tid() == thread.tid);
        spec.unwrap().bursts().to_vec()
    };
    let seen = marks_checked(&run, |tcb, tick| match tcb.state {
        ProcessState::Ready => {
            let burst = bursts(tcb.thread)[tcb.burst as usize];
            let wait = tick - became_ready(tcb.thread, tick);
            format!("R{}/{burst}", wait + burst)
        }
        _ => String::new(),
    });
    assert!(seen > 10, "{seen}");
    // At each dispatch from a queue of several, the thread chosen had the highest ratio the
    // picture showed the tick before (ties to the earlier arrival).
    let ratio = |mark: &str| {
        let (top, bottom) = mark[1..].split_once('/').unwrap();
        (top.parse::<u64>().unwrap(), bottom.parse::<u64>().unwrap())
    };
    let mut compared = 0;
    for event in run
        .events()
        .iter()
        .filter(|event| event.to == ProcessState::Running)
    {
        let Some(before) = event.tick.checked_sub(1) else {
            continue;
        };
        let scene = scene_at(&run, before, 1000);
        let lane = &scene.lanes[0];
        if lane.entries.len() < 2 || !lane.entries.iter().any(|(t, _)| *t == event.thread) {
            continue;
        }
        let chosen = lane
            .entries
            .iter()
            .position(|(t, _)| *t == event.thread)
            .unwrap();
        let (top, bottom) = ratio(&lane.marks[chosen]);
        for mark in &lane.marks {
            let (other_top, other_bottom) = ratio(mark);
            // One tick later every W grows by one: compare the ratios at the dispatch.
            assert!(
                (top + 1) * other_bottom >= (other_top + 1) * bottom,
                "t={} {mark} beat {}",
                event.tick,
                lane.marks[chosen]
            );
        }
        compared += 1;
    }
    assert!(compared > 0, "a choice among several");
}

#[test]
fn each_policy_is_marked_by_what_it_picks_by() {
    let key = |policy: PolicySpec| TurnKey::of(&policy);
    assert_eq!(key(PolicySpec::Srtf), TurnKey::BurstLeft);
    assert_eq!(
        key(PolicySpec::Sjf { prediction: None }),
        TurnKey::BurstLeft
    );
    assert_eq!(key(PolicySpec::Hrrn), TurnKey::Ratio);
    assert_eq!(key(PolicySpec::Fcfs), TurnKey::None);
    assert_eq!(key(PolicySpec::Rr { quantum: 2 }), TurnKey::Slice);
    assert_eq!(
        key(PolicySpec::Priority {
            preemptive: true,
            aging_every: None,
            lower_is_higher: false
        }),
        TurnKey::Priority { lower_first: false }
    );
}

#[test]
fn a_user_level_process_blocked_by_one_thread_shows_all_its_threads_blocked() {
    let user = proclab_core::presets::preset("threads-user-level")
        .expect("preset")
        .spec;
    let kernel = proclab_core::presets::preset("threads-kernel-level")
        .expect("preset")
        .spec;
    let (user_run, kernel_run) = (run(&user), run(&kernel));
    let blocked_tick = (0..user_run.end_tick())
        .find(|tick| {
            let state = user_run.state_at(*tick);
            state
                .threads
                .iter()
                .any(|tcb| tcb.thread.pid == 0 && tcb.state == ProcessState::Blocked)
                && state
                    .threads
                    .iter()
                    .any(|tcb| tcb.thread.pid == 0 && tcb.state == ProcessState::Ready)
        })
        .expect("a tick where one thread of P1 waits for I/O while a sibling is ready");
    let state = user_run.state_at(blocked_tick);
    assert_eq!(
        state.processes[0].state,
        ProcessState::Blocked,
        "the kernel sees the process blocked"
    );
    let scene = scene_at(&user_run, blocked_tick, 1000);
    for token in scene.tokens.iter().filter(|token| token.thread.pid == 0) {
        let tcb = state.thread(token.thread).unwrap();
        if tcb.state != ProcessState::Exit {
            assert_eq!(
                token.state,
                ProcessState::Blocked,
                "{} at t={blocked_tick}",
                token.label
            );
            assert!(node_of(&scene, ProcessState::Blocked).contains(token.at));
        }
    }
    // With kernel-level threads the same moment never blocks the siblings.
    let kernel_state = kernel_run.state_at(blocked_tick);
    for tcb in kernel_state
        .threads
        .iter()
        .filter(|tcb| tcb.state == ProcessState::Ready)
    {
        let scene = scene_at(&kernel_run, blocked_tick, 1000);
        let token = scene
            .tokens
            .iter()
            .find(|token| token.thread == tcb.thread)
            .unwrap();
        assert_eq!(token.state, ProcessState::Ready);
    }
}

#[test]
fn the_canvas_is_taller_when_narrow_and_stays_within_bounds() {
    use proclab_view::{canvas_size, MIN_WIDTH};
    let phone = canvas_size(360.0, 1);
    assert_eq!(phone.width, 360.0);
    assert!(
        phone.height > phone.width,
        "narrow: the diagram stacks over the machine"
    );
    let (diagram, machine) = phone.split();
    assert!(machine.y >= diagram.y + diagram.height, "stacked");
    let desk = canvas_size(1000.0, 1);
    assert!((desk.height - 550.0).abs() < 0.01);
    assert!(desk.width >= desk.height * 1.2, "wide: side by side");
    assert_eq!(canvas_size(3000.0, 1).height, 760.0);
    assert_eq!(canvas_size(100.0, 1).width, MIN_WIDTH);
    assert!(canvas_size(100.0, 1).height >= 340.0);
}

#[test]
fn text_grows_with_a_wide_picture_but_never_shrinks() {
    use proclab_view::text_zoom;
    let at = |width: f32| {
        text_zoom(Size {
            width,
            height: 500.0,
        })
    };
    assert_eq!(at(400.0), 1.0);
    assert_eq!(at(1000.0), 1.0);
    assert!((at(1200.0) - 1.2).abs() < 1e-6);
    assert_eq!(at(4000.0), 2.0);
}

#[test]
fn a_label_is_measured_in_characters_and_hangul_is_wide() {
    use proclab_view::{label_width, text_width};
    assert_eq!(
        label_width("준비 큐"),
        label_width("abcd"),
        "characters, not bytes"
    );
    assert!(text_width("준비", 12.0) > text_width("ab", 12.0));
    assert!((text_width("준", 12.0) - 12.0).abs() < 1e-6);
}

/// Sixty processes that all arrive at once, run one tick and then wait ten ticks for I/O.
fn crowd() -> Run {
    let processes = (0..60)
        .map(|index| process(&format!("P{}", index + 1), 0, &[1, 10, 1]))
        .collect();
    run(&ScenarioSpec {
        processes,
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    })
}

#[test]
fn the_io_line_names_the_blocked_in_order_until_the_box_is_full_then_an_ellipsis() {
    let run = crowd();
    let tick = 8;
    let state = run.state_at(tick);
    let scene = scene_at(&run, tick, 1000);
    assert!(state.blocked.len() >= 8, "a crowd waits for I/O");
    let row = &scene.io_row;
    assert!(!row.labels.is_empty());
    for ((rect, label), entry) in row.labels.iter().zip(&state.blocked) {
        let name = &state.processes[entry.thread.pid as usize].name;
        assert_eq!(*label, format!("{name} ({})", entry.io_left));
        assert!(scene.io_rect.holds(*rect, 0.5), "{label} inside the box");
    }
    assert!(row.labels.windows(2).all(|pair| pair[0].0.x < pair[1].0.x));
    let narrow = scene_with_size(
        &run,
        tick,
        Size {
            width: 300.0,
            height: 450.0,
        },
    );
    assert!(narrow.io_row.labels.len() < state.blocked.len());
    let more = narrow.io_row.more.expect("an ellipsis for the rest");
    assert!(narrow.io_rect.holds(more, 0.5));
    let last = narrow.io_row.labels.last().unwrap().0;
    assert!(more.x >= last.right(), "after the last label");
    // Nothing blocked: nothing to write.
    assert_eq!(
        scene_at(&run, 0, 1000).io_row,
        proclab_view::IoRow::default()
    );
}

fn scene_with_size(run: &Run, tick: u64, size: Size) -> Scene {
    scene(
        &before(run, tick),
        &run.state_at(tick),
        &events_at(run, tick),
        1000,
        size,
        0,
        TurnKey::of(run.scenario().policy()),
    )
}

#[test]
fn a_full_lane_counts_the_entries_it_cannot_show_after_its_last_cell() {
    let run = crowd();
    // A phone-sized canvas: sixty entries do not fit even row after row.
    let scene = scene_with_size(&run, 0, proclab_view::canvas_size(340.0, 1));
    let lane = &scene.lanes[0];
    assert!(lane.cells.len() < lane.entries.len(), "too many to draw");
    let (more, count) = lane.more.expect("a +N");
    assert_eq!(count, lane.entries.len() - lane.cells.len());
    assert!(lane.rect.holds(more, 0.5));
    let last = lane.cells.last().unwrap();
    assert!(
        more.x >= last.x + last.width || more.y >= last.y + last.height,
        "after the last cell, on its row or the next"
    );
    assert!(lane.cells.iter().all(|cell| !cell.overlaps(more, 0.5)));
    let quiet = fcfs_with_latency(0);
    assert!(scene_at(&quiet, 1, 1000).lanes[0].more.is_none());
}

#[test]
fn a_queue_entry_says_its_slice_and_allotment_left_in_short() {
    use proclab_view::slice_words;
    assert_eq!(slice_words(Some(3), None), "q3");
    assert_eq!(slice_words(Some(3), Some(2)), "q3 a2");
    assert_eq!(slice_words(None, Some(2)), "a2");
    assert_eq!(slice_words(None, None), "");
}

/// The workloads the overlap check runs on: a quiet one, one with a context switch on the way,
/// one busy multilevel queue, and a two-CPU machine with a cache.
fn workloads() -> Vec<(&'static str, Run)> {
    let textbook = run(&ScenarioSpec {
        processes: vec![
            process("P1", 0, &[8]),
            process("P2", 1, &[4]),
            process("P3", 2, &[9]),
            process("P4", 3, &[5]),
            process("P5", 4, &[2]),
        ],
        policy: PolicySpec::Srtf,
        ..ScenarioSpec::default()
    });
    let mut io = ScenarioSpec {
        processes: vec![
            process("Editor", 0, &[5, 3, 4]),
            process("Compiler", 1, &[6]),
            process("P3", 2, &[3, 2, 2]),
        ],
        policy: PolicySpec::Rr { quantum: 2 },
        ..ScenarioSpec::default()
    };
    io.machine.dispatch_latency = 1;
    let mlfq = run(&ScenarioSpec {
        processes: (0..9)
            .map(|index| process(&format!("P{}", index + 1), index / 2, &[6, 2, 3]))
            .collect(),
        policy: PolicySpec::Mlfq(proclab_core::spec::MlfqSpec {
            boost_period: Some(40),
            ..Default::default()
        }),
        ..ScenarioSpec::default()
    });
    let mut two = io.clone();
    two.machine.cpus = 2;
    two.machine.cache.enabled = true;
    two.machine.cache.capacity = 8;
    // Two CPUs with their own three-level queues: six lanes.
    let mut per_cpu = mlfq.scenario().spec().clone();
    per_cpu.machine.cpus = 2;
    per_cpu.machine.topology = proclab_core::spec::QueueTopology::PerCpu;
    let philosophers = proclab_core::presets::preset("philosophers-deadlock")
        .expect("the preset")
        .spec;
    let four = proclab_core::presets::preset("cpus-4")
        .expect("the preset")
        .spec;
    // Four CPUs, each with its own queue and a cache, over two rows on a phone: four lanes.
    let mut four_per_cpu = two.clone();
    four_per_cpu.machine.cpus = 4;
    four_per_cpu.machine.topology = proclab_core::spec::QueueTopology::PerCpu;
    vec![
        ("textbook SRTF", textbook),
        ("I/O and latency", run(&io)),
        ("MLFQ", mlfq),
        ("two CPUs", run(&two)),
        ("per-CPU MLFQ on two CPUs", run(&per_cpu)),
        ("philosophers' waits", run(&philosophers)),
        ("four CPUs", run(&four)),
        ("per-CPU queues on four CPUs", run(&four_per_cpu)),
    ]
}

fn cpus_of(run: &Run) -> usize {
    run.scenario().spec().machine.cpus as usize
}

#[test]
fn at_every_width_no_two_texts_overlap_and_none_leaves_its_part() {
    use proclab_view::{canvas_size, line_height, MIN_TEXT};
    // Phone, laptop column, wide laptop, projector in presentation mode.
    for width in [340.0, 700.0, 1200.0, 1920.0] {
        for (name, run) in workloads() {
            let size = canvas_size(width, cpus_of(&run));
            for tick in 0..=run.end_tick() {
                for progress in [0, 400, 1000] {
                    let scene = scene(
                        &before(&run, tick),
                        &run.state_at(tick),
                        &events_at(&run, tick),
                        progress,
                        size,
                        8,
                        TurnKey::of(run.scenario().policy()),
                    );
                    if scene.tokens.len() <= 5 {
                        assert!(
                            scene.tokens.iter().all(|token| token.label_box.is_some()),
                            "{name} at {width} px, t={tick}, {progress}‰: a token lost its name"
                        );
                    }
                    let boxes = scene.text_boxes();
                    let whole = proclab_view::Rect {
                        x: 0.0,
                        y: 0.0,
                        width: size.width,
                        height: size.height,
                    };
                    for text in &boxes {
                        let at = format!(
                            "{name} at {width} px, t={tick}, {progress}‰: {} {:?}",
                            text.what, text.rect
                        );
                        assert!(
                            text.rect.height + 0.01 >= line_height(1.0).min(MIN_TEXT * 1.3),
                            "{at} is a line high"
                        );
                        assert!(whole.holds(text.rect, 0.5), "{at} is on the canvas");
                        // A moving token's name crosses between nodes; only settled ones are held.
                        if progress == 1000 || text.what != "token name" {
                            assert!(
                                text.container.holds(text.rect, 0.5),
                                "{at} leaves its part {:?}",
                                text.container
                            );
                        }
                    }
                    if progress != 1000 {
                        continue;
                    }
                    for (index, first) in boxes.iter().enumerate() {
                        for second in &boxes[index + 1..] {
                            assert!(
                                !first.rect.overlaps(second.rect, 0.5),
                                "{name} at {width} px, t={tick}: {} {:?} overlaps {} {:?}",
                                first.what,
                                first.rect,
                                second.what,
                                second.rect
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn every_cpu_box_gets_the_height_its_lines_need_at_every_width() {
    use proclab_view::{canvas_size, line_height, text_zoom};
    // Four CPUs stand in two rows below 1000 px: the canvas grows for the second row instead of
    // squeezing both (a CPU box holds a title, three lines of a switch, a caption and a bar).
    for width in [280.0, 340.0, 390.0, 700.0, 1000.0, 1200.0, 1920.0] {
        for (name, run) in workloads() {
            let size = canvas_size(width, cpus_of(&run));
            let line = line_height(text_zoom(size));
            let scene = scene_with_size(&run, 1, size);
            for cpu in &scene.cpus {
                assert!(
                    cpu.rect.height + 0.01 >= 5.0 * line + 34.0,
                    "{name} at {width} px: a CPU box {} high, its lines need {}",
                    cpu.rect.height,
                    5.0 * line + 34.0
                );
            }
            assert!(
                scene.lanes.iter().all(|lane| lane.rect.height >= line),
                "{name} at {width} px: a lane lower than a line"
            );
        }
    }
    // One CPU on a phone keeps the canvas it always had.
    assert_eq!(canvas_size(360.0, 1).height, 720.0);
    assert_eq!(canvas_size(360.0, 2).height, 720.0);
    assert!(canvas_size(360.0, 4).height > 720.0);
}

#[test]
fn queue_entries_stay_in_their_lanes_and_names_fit_their_tokens() {
    use proclab_view::{canvas_size, text_width, MIN_TEXT};
    for width in [340.0, 700.0, 1200.0, 1920.0] {
        for (name, run) in workloads() {
            let size = canvas_size(width, cpus_of(&run));
            for tick in 0..=run.end_tick() {
                let scene = scene_with_size(&run, tick, size);
                let size_px = MIN_TEXT * scene.zoom;
                for lane in &scene.lanes {
                    for (cell, (_, label)) in lane.cells.iter().zip(&lane.entries) {
                        assert!(
                            lane.rect.holds(*cell, 0.5),
                            "{name} {width}: chip in its lane"
                        );
                        assert!(
                            text_width(label, size_px) <= cell.width,
                            "{name} {width}: {label} fits its chip"
                        );
                    }
                }
                for token in &scene.tokens {
                    if let Some(rect) = token.label_box {
                        assert!(
                            text_width(&token.label, size_px) <= rect.width + 0.01,
                            "{name} {width} t={tick}: {} fits its box {rect:?}",
                            token.label
                        );
                    }
                }
                // Settled tokens stay inside their nodes and clear of each other.
                let radius = scene.token_radius;
                for (index, token) in scene.tokens.iter().enumerate() {
                    let node = node_of(&scene, token.state);
                    let circle = proclab_view::Rect {
                        x: token.at.x - radius,
                        y: token.at.y - radius,
                        width: 2.0 * radius,
                        height: 2.0 * radius,
                    };
                    assert!(
                        node.holds(circle, 0.5),
                        "{name} {width} t={tick}: {} in its node",
                        token.label
                    );
                    for other in &scene.tokens[index + 1..] {
                        assert!(
                            token.at.distance(other.at) >= 2.0 * radius + 2.0,
                            "{name} {width} t={tick}: {} and {} apart",
                            token.label,
                            other.label
                        );
                    }
                }
                // Five processes or fewer: every token is named.
                if scene.tokens.len() <= 5 {
                    assert!(
                        scene.tokens.iter().all(|token| token.label_box.is_some()),
                        "{name} at {width}: every token named"
                    );
                }
            }
        }
    }
}

#[test]
fn the_switch_panel_leaves_the_cpu_title_and_cache_caption_clear() {
    use proclab_view::canvas_size;
    for width in [340.0, 700.0, 1200.0] {
        let run = fcfs_with_latency(2);
        let scene = scene_with_size(&run, 1, canvas_size(width, 1));
        for cpu in &scene.cpus {
            let panel = cpu.switch_panel();
            assert!(
                !panel.overlaps(cpu.title, 0.0),
                "{width}: panel clear of the title"
            );
            assert!(
                !panel.overlaps(cpu.cache_caption, 0.0),
                "{width}: panel clear of the caption"
            );
            assert!(cpu.rect.holds(panel, 0.0) && cpu.rect.holds(cpu.cache_bar, 0.0));
            for line in cpu.lines {
                assert!(panel.holds(line, 0.0));
            }
        }
    }
}

/// Silberschatz's SRTF workload (P1 0/8, P2 1/4, P3 2/9, P4 3/5) under RR q=2.
fn silberschatz_under_rr2() -> Run {
    run(&ScenarioSpec {
        processes: vec![
            process("P1", 0, &[8]),
            process("P2", 1, &[4]),
            process("P3", 2, &[9]),
            process("P4", 3, &[5]),
        ],
        policy: PolicySpec::Rr { quantum: 2 },
        ..ScenarioSpec::default()
    })
}

#[test]
fn a_thread_picked_again_shows_no_switch_and_an_exited_one_has_nothing_saved() {
    let run = silberschatz_under_rr2();
    // t=25: P3, alone, is picked again when its quantum ends: no panel at any moment of it.
    for progress in [0, 400, 800] {
        assert_eq!(
            switch_view(
                &before(&run, 25),
                &run.state_at(25),
                &events_at(&run, 25),
                0,
                progress
            ),
            None,
            "progress {progress}"
        );
    }
    // t=23: P4 exits and P3 is loaded: a switch with nothing to save.
    let view = switch_view(
        &before(&run, 23),
        &run.state_at(23),
        &events_at(&run, 23),
        0,
        800,
    )
    .expect("a switch to P3");
    assert_eq!(view.outgoing, None);
    assert_eq!(view.context_out, None);
    assert_eq!(view.incoming.1, "P3");
    assert!(view.address_space_change);
    // t=2: P1's quantum ends and P3 (arrived at 2, ahead of it) is loaded: P1 is saved.
    let view = switch_view(
        &before(&run, 2),
        &run.state_at(2),
        &events_at(&run, 2),
        0,
        400,
    )
    .expect("a switch");
    assert_eq!(view.outgoing.map(|(_, label)| label).as_deref(), Some("P1"));
    // Its context: 2 ticks done of its burst of 8.
    assert_eq!(view.context_out.as_deref(), Some("PC=2/8"));
}

#[test]
fn on_a_phone_the_names_that_fit_inside_their_circles_are_written_there() {
    // The Silberschatz MLFQ example at t=13 on a 360 px phone (a 310 px canvas): three threads
    // Ready and one Running, each named in its circle. A name used to need 4 px less than the
    // circle's width, and all four went unnamed for a tenth of a pixel.
    let spec = proclab_core::presets::preset("mlfq-silberschatz")
        .unwrap()
        .spec;
    let run = run(&spec);
    let scene = scene(
        &before(&run, 13),
        &run.state_at(13),
        &events_at(&run, 13),
        1000,
        Size {
            width: 310.0,
            height: 620.0,
        },
        0,
        TurnKey::of(run.scenario().policy()),
    );
    assert_eq!(scene.tokens.len(), 4);
    for token in &scene.tokens {
        let name = token.label_box.expect("a name");
        assert!(
            (name.x + name.width / 2.0 - token.at.x).abs() < 0.01,
            "{} centred on its circle",
            token.label
        );
    }
}

#[test]
fn the_ready_node_draws_its_threads_in_ready_queue_order() {
    // At t=2 P1's quantum ends as P3 arrives; P3 queues ahead of P1.
    let run = silberschatz_under_rr2();
    let queue: Vec<u32> = run.state_at(2).ready[0]
        .iter()
        .map(|thread| thread.pid)
        .collect();
    assert_eq!(queue.first(), Some(&2), "P3 first: {queue:?}");
    let scene = scene_at(&run, 2, 1000);
    let mut ready: Vec<_> = scene
        .tokens
        .iter()
        .filter(|token| token.state == ProcessState::Ready)
        .collect();
    // Reading order: row by row, left to right.
    ready.sort_by(|a, b| (a.at.y, a.at.x).partial_cmp(&(b.at.y, b.at.x)).unwrap());
    let drawn: Vec<u32> = ready.iter().map(|token| token.thread.pid).collect();
    assert_eq!(drawn, queue);
}

#[test]
fn threads_of_one_process_are_named_by_their_own_names_where_the_full_ones_do_not_fit() {
    // The four-CPU example at t=3: four threads of P1 Running. "P1.T1" does not fit in their
    // circles at a laptop's or a tablet's width, and all four were drawn unnamed; "T1" does.
    let spec = proclab_core::presets::preset("cpus-4").unwrap().spec;
    let four = run(&spec);
    for available in [700.0, 780.0] {
        let scene = scene_with_size(&four, 3, proclab_view::canvas_size(available, 4));
        let mut names: Vec<&str> = scene
            .tokens
            .iter()
            .filter(|token| token.label_box.is_some())
            .map(|token| token.label.as_str())
            .collect();
        names.sort_unstable();
        assert_eq!(names, ["T1", "T2", "T3", "T4"], "at {available} px");
    }
    // Threads of several processes keep their full names: "T1" alone would not say whose.
    let spec = proclab_core::presets::preset("switch-processes")
        .unwrap()
        .spec;
    let several = run(&spec);
    let scene = scene_with_size(&several, 1, proclab_view::canvas_size(700.0, 1));
    assert!(scene
        .tokens
        .iter()
        .all(|token| token.label.starts_with('P')));
}

#[test]
fn the_waiting_box_says_what_each_blocked_thread_waits_for_and_who_holds_it() {
    let run = preset_run("deadlock-two-locks");
    let end = run.end_tick();
    let state = run.state_at(end);
    let scene = scene_at(&run, end, 1000);
    // The wait-for graph's arrows, read from the mutexes: each waiter, the mutex, its holder.
    let mut expected = Vec::new();
    for object in state.memories.iter().flat_map(|memory| memory.sync.iter()) {
        for waiter in &object.waiters {
            let holder = object.holder.expect("a mutex waited for is held");
            expected.push(format!(
                "{} → {} ({})",
                thread_label(&state, *waiter),
                object.name,
                thread_label(&state, holder)
            ));
        }
    }
    assert_eq!(expected.len(), 2, "both threads wait at the deadlock");
    let shown = io_labels(&scene);
    assert_eq!(shown, expected);
    for (rect, label) in &scene.io_row.labels {
        assert!(scene.io_rect.holds(*rect, 0.5), "{label} inside the box");
    }
}

#[test]
fn on_a_phone_the_waiting_box_wraps_the_philosophers_waits_onto_its_lines() {
    let run = preset_run("philosophers-deadlock");
    let end = run.end_tick();
    let waiting: usize = run
        .state_at(end)
        .memories
        .iter()
        .flat_map(|memory| memory.sync.iter())
        .map(|object| object.waiters.len())
        .sum();
    assert_eq!(waiting, 3, "every philosopher waits for a fork");
    let scene = scene_with_size(&run, end, proclab_view::canvas_size(374.0, 1));
    let labels = &scene.io_row.labels;
    assert_eq!(labels.len(), 3, "{labels:?}");
    assert!(scene.io_row.more.is_none());
    assert!(
        labels[2].0.y > labels[0].0.y,
        "wrapped onto a second line: {labels:?}"
    );
    for (index, (rect, label)) in labels.iter().enumerate() {
        assert!(scene.io_rect.holds(*rect, 0.5), "{label} inside the box");
        for (other, _) in &labels[index + 1..] {
            assert!(!rect.overlaps(*other, 0.5), "{label} overlaps another");
        }
    }
}

#[test]
fn per_cpu_queues_are_drawn_one_lane_per_cpu_with_that_cpus_threads() {
    let run = preset_run("per-cpu-queues");
    let mut seen_queued = false;
    for tick in 0..=run.end_tick() {
        let state = run.state_at(tick);
        let scene = scene_at(&run, tick, 1000);
        assert!(
            !state.ready_per_cpu.is_empty(),
            "per-CPU queues at t={tick}"
        );
        // One lane per CPU: its levels in the order it picks from them.
        let expected: Vec<(Option<u32>, Vec<ThreadRef>)> = state
            .ready_per_cpu
            .iter()
            .enumerate()
            .map(|(cpu, levels)| (Some(cpu as u32), levels.concat()))
            .collect();
        let lanes: Vec<(Option<u32>, Vec<ThreadRef>)> = scene
            .lanes
            .iter()
            .map(|lane| {
                (
                    lane.cpu,
                    lane.entries.iter().map(|(thread, _)| *thread).collect(),
                )
            })
            .collect();
        assert_eq!(lanes, expected, "t={tick}");
        seen_queued |= lanes.iter().any(|(_, queue)| !queue.is_empty());
        for lane in &scene.lanes {
            assert!(
                scene.size.width >= lane.rect.right(),
                "lane inside the picture"
            );
        }
    }
    assert!(seen_queued, "some thread waits in a CPU's queue");
}

#[test]
fn a_thread_its_cpu_picks_again_at_once_moves_along_no_arrow() {
    use proclab_view::Transition;
    let count = |scene: &Scene, transition: Transition| {
        scene
            .arrows
            .iter()
            .find(|arrow| arrow.transition == transition)
            .map_or(0, |arrow| arrow.causes.len())
    };
    // Four threads on four CPUs under RR: at each expiry every thread is alone on its CPU and
    // picked again, Running → Ready → Running within the instant, on the same CPU.
    let spec = proclab_core::presets::preset("cpus-4").unwrap().spec;
    let four = run(&spec);
    let mut round_trips = 0;
    for tick in 1..four.end_tick() {
        let events = events_at(&four, tick);
        let interrupted: Vec<_> = events
            .iter()
            .filter(|event| event.from == ProcessState::Running && event.to == ProcessState::Ready)
            .collect();
        if interrupted.is_empty() {
            continue;
        }
        // Each went straight back to the CPU it left: no one moved.
        let before = before(&four, tick);
        let after = four.state_at(tick);
        assert_eq!(
            before.cpus, after.cpus,
            "t={tick}: the same thread on every CPU"
        );
        round_trips += interrupted.len();
        let scene = scene_at(&four, tick, 1000);
        assert_eq!(count(&scene, Transition::Interrupt), 0, "t={tick}");
        assert_eq!(count(&scene, Transition::Dispatch), 0, "t={tick}");
    }
    assert!(round_trips >= 4, "the preset's quanta expire");
    // One CPU, two processes: an expiry that hands the CPU over is one arrow each way.
    let rr = run(&ScenarioSpec {
        processes: vec![process("P1", 0, &[4]), process("P2", 0, &[4])],
        policy: PolicySpec::Rr { quantum: 2 },
        ..ScenarioSpec::default()
    });
    let scene = scene_at(&rr, 2, 1000);
    assert_eq!(count(&scene, Transition::Interrupt), 1);
    assert_eq!(count(&scene, Transition::Dispatch), 1);
}

#[test]
fn a_thread_waiting_for_a_pipe_is_shown_with_the_pipes_places() {
    let run = preset_run("pipe-writer-reader");
    let (mut full, mut empty) = (0, 0);
    for tick in 0..=run.end_tick() {
        let state = run.state_at(tick);
        let scene = scene_at(&run, tick, 1000);
        let pipe = &state.queues[0];
        let shown = io_labels(&scene);
        // Its places from the pipe's messages: each byte in its place, `·` where there is none.
        let mut places: Vec<String> = pipe.messages.iter().map(|m| m.to_string()).collect();
        places.resize(pipe.capacity as usize, "·".into());
        let places = format!("[{}]", places.join(" "));
        let waiters: Vec<ThreadRef> = pipe
            .senders
            .iter()
            .chain(&pipe.receivers)
            .copied()
            .collect();
        if waiters.is_empty() {
            let eof = if pipe.at_end_of_file() { " EOF" } else { "" };
            assert_eq!(shown, [format!("p {places}{eof}")], "t={tick}");
        } else {
            let expected: Vec<String> = waiters
                .iter()
                .map(|waiter| format!("{} → p {places}", thread_label(&state, *waiter)))
                .collect();
            assert_eq!(shown, expected, "t={tick}");
        }
        full += pipe.senders.len();
        empty += pipe.receivers.len();
    }
    assert!(
        full > 0 && empty > 0,
        "the writer waits on a full pipe and the reader on an empty one"
    );
}

#[test]
fn every_blocked_thread_of_a_program_says_in_the_waiting_box_what_it_waits_for() {
    for preset in proclab_core::presets::PresetId::ALL {
        let spec = proclab_core::presets::preset(preset.as_str())
            .expect("the preset")
            .spec;
        let run = run(&spec);
        for tick in 0..=run.end_tick().min(400) {
            let state = run.state_at(tick);
            let scene = scene_at(&run, tick, 1000);
            for tcb in &state.threads {
                if tcb.state != ProcessState::Blocked {
                    continue;
                }
                let entries = scene
                    .io
                    .iter()
                    .filter(|entry| entry.thread == Some(tcb.thread))
                    .count();
                assert_eq!(
                    entries,
                    1,
                    "{} t={tick}: {} is blocked",
                    preset.as_str(),
                    thread_label(&state, tcb.thread)
                );
            }
        }
    }
}

#[test]
fn a_thread_waiting_for_a_semaphore_is_shown_with_its_value() {
    let run = preset_run("producer-consumer-semaphores");
    let mut seen = 0;
    for tick in 0..=run.end_tick() {
        let state = run.state_at(tick);
        let scene = scene_at(&run, tick, 1000);
        for object in state.memories.iter().flat_map(|memory| memory.sync.iter()) {
            if object.kind != proclab_core::SyncKind::Semaphore {
                continue;
            }
            for waiter in &object.waiters {
                let said = format!(
                    "{} → {} = {}",
                    thread_label(&state, *waiter),
                    object.name,
                    object.value
                );
                assert!(
                    scene.io_row.labels.iter().any(|(_, label)| *label == said),
                    "t={tick}: {said}"
                );
                seen += 1;
            }
        }
    }
    assert!(seen > 0, "the producer and the consumer each wait");
}

#[test]
fn on_a_switch_the_thread_going_out_and_the_one_coming_in_keep_to_their_own_arrows() {
    let run = preset_run("rr-silberschatz");
    // The first quantum's end: P1 back to Ready, P2 dispatched, in one instant.
    let tick = run
        .events()
        .iter()
        .find(|event| matches!(event.cause, proclab_core::Cause::QuantumExpired))
        .expect("a quantum ends")
        .tick;
    let arrow = |scene: &Scene, transition| {
        let arrow = scene
            .arrows
            .iter()
            .find(|arrow| arrow.transition == transition)
            .expect("the arrow");
        arrow.from.lerp(arrow.to, 0.5)
    };
    let halfway = scene_at(&run, tick, 500);
    let at = |scene: &Scene, thread| {
        scene
            .tokens
            .iter()
            .find(|token| token.thread == thread)
            .expect("a token")
            .at
    };
    assert!(at(&halfway, P2).distance(arrow(&halfway, proclab_view::Transition::Dispatch)) < 1.0);
    assert!(at(&halfway, P1).distance(arrow(&halfway, proclab_view::Transition::Interrupt)) < 1.0);
    for progress in (0..=1000).step_by(50) {
        let scene = scene_at(&run, tick, progress);
        let gap = at(&scene, P1).distance(at(&scene, P2));
        assert!(gap >= 2.0 * scene.token_radius, "{progress}‰: {gap}");
    }
}

#[test]
fn a_running_threads_cpu_says_the_ticks_left_of_its_slice_counted_from_its_dispatch() {
    let processes = vec![
        process("P1", 0, &[24]),
        process("P2", 0, &[3]),
        process("P3", 0, &[3]),
    ];
    let rr = run(&ScenarioSpec {
        processes: processes.clone(),
        policy: PolicySpec::Rr { quantum: 4 },
        ..ScenarioSpec::default()
    });
    let mut shown = 0;
    for tick in 0..rr.end_tick() {
        let scene = scene_at(&rr, tick, 1000);
        let state = rr.state_at(tick);
        let running = match state.cpus[0].activity {
            proclab_core::state::CpuActivity::Running { thread } => Some(thread),
            _ => None,
        };
        // Its last dispatch: the quantum runs from there, one tick less per tick.
        let expected = running.map(|thread| {
            let dispatched = rr
                .events()
                .iter()
                .filter(|event| {
                    event.thread == thread
                        && event.tick <= tick
                        && event.to == ProcessState::Running
                })
                .map(|event| event.tick)
                .max()
                .expect("dispatched");
            4 - (tick - dispatched)
        });
        assert_eq!(
            scene.cpus[0].quantum,
            expected.filter(|left| *left > 0),
            "t={tick}"
        );
        shown += usize::from(scene.cpus[0].quantum.is_some());
    }
    assert!(shown > 20, "the slice is said while a thread runs");
    let fcfs = run(&ScenarioSpec {
        processes,
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    });
    for tick in 0..fcfs.end_tick() {
        assert_eq!(
            scene_at(&fcfs, tick, 1000).cpus[0].quantum,
            None,
            "no slices under FCFS"
        );
    }
}
