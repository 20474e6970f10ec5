//! The canvas view-model, checked against the core's own machine state for real runs.

use proclab_core::presets::process;
use proclab_core::spec::{PolicySpec, ProcessSpec, ScenarioSpec, ThreadSpec};
use proclab_core::state::MachineState;
use proclab_core::{simulate, Event, ProcessState, Run, Scenario, ThreadRef};
use proclab_view::{scene, switch_view, token_at, token_radius, Scene, Size, SwitchPhase};

const SIZE: Size = Size {
    width: 1000.0,
    height: 500.0,
};

fn run(spec: &ScenarioSpec) -> Run {
    simulate(&Scenario::new(spec).expect("valid scenario"))
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
        assert_eq!(counted, state.threads.len());
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
    assert_eq!(view.outgoing.as_ref().map(|(thread, _)| *thread), Some(P1));
    assert_eq!(view.incoming.0, P2);
    assert!(view.address_space_change);
    assert_eq!(
        view.registers_in,
        run.state_at(switch_tick).thread(P2).unwrap().registers
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
    assert_eq!(scene.tokens.len(), 100);
    for token in &scene.tokens {
        assert!(node_of(&scene, token.state).contains(token.at));
    }
    assert!(token_radius(&scene) >= 3.0);
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
    let spec = proclab_core::presets::preset("mlfq-silberschatz")
        .expect("preset")
        .spec;
    let run = run(&spec);
    let tick = 12;
    let scene = scene_at(&run, tick, 1000);
    let state = run.state_at(tick);
    assert!(scene.lanes.len() > 1, "one lane per MLFQ level");
    let mut seen = 0;
    for lane in &scene.lanes {
        assert_eq!(lane.slices_left.len(), lane.cells.len());
        for ((thread, _), (quantum, allotment)) in lane.entries.iter().zip(&lane.slices_left) {
            let tcb = state.thread(*thread).unwrap();
            assert_eq!(*quantum, tcb.quantum_left);
            assert_eq!(*allotment, Some(tcb.allotment_left));
            seen += 1;
        }
    }
    assert!(seen > 0, "someone is waiting at t={tick}");
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
    let phone = canvas_size(360.0);
    assert_eq!(phone.width, 360.0);
    assert!(
        phone.height > phone.width,
        "narrow: the diagram stacks over the machine"
    );
    let (diagram, machine) = phone.split();
    assert!(machine.y >= diagram.y + diagram.height, "stacked");
    let desk = canvas_size(1000.0);
    assert!((desk.height - 550.0).abs() < 0.01);
    assert!(desk.width >= desk.height * 1.2, "wide: side by side");
    assert_eq!(canvas_size(3000.0).height, 760.0);
    assert_eq!(canvas_size(100.0).width, MIN_WIDTH);
    assert!(canvas_size(100.0).height >= 340.0);
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
    assert_eq!(at(4000.0), 1.5);
}

#[test]
fn an_arrow_caption_sits_over_the_arrow_middle_and_grows_with_its_label() {
    use proclab_view::{arrow_caption, label_width, Point};
    let (from, to) = (Point { x: 100.0, y: 200.0 }, Point { x: 300.0, y: 200.0 });
    let short = arrow_caption(from, to, "exit");
    let long = arrow_caption(from, to, "preempted by P12");
    for caption in [short, long] {
        assert_eq!(caption.at.x, 200.0);
        assert!(
            caption.backdrop.contains(caption.at),
            "the text is on its backdrop"
        );
        assert!((caption.backdrop.center().x - 200.0).abs() < 1e-3);
        assert!(
            caption.backdrop.y + caption.backdrop.height <= 200.0,
            "above the line"
        );
    }
    assert!(long.backdrop.width > short.backdrop.width);
    assert!(long.backdrop.width >= label_width("preempted by P12"));
    assert_eq!(
        label_width("준비 큐"),
        label_width("abcd"),
        "characters, not bytes"
    );
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
    for ((point, label), entry) in row.labels.iter().zip(&state.blocked) {
        let name = &state.processes[entry.thread.pid as usize].name;
        assert_eq!(*label, format!("{name} ({})", entry.io_left));
        assert!(
            scene.io_rect.contains(*point),
            "{label} starts inside the box"
        );
        assert!(point.x <= scene.io_rect.x + scene.io_rect.width - 40.0);
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
    assert!(narrow.io_rect.contains(more));
    let last = narrow.io_row.labels.last().unwrap().0;
    assert!(more.x > last.x, "after the last label");
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
    )
}

#[test]
fn a_full_lane_counts_the_entries_it_cannot_show_after_its_last_cell() {
    let run = crowd();
    let scene = scene_at(&run, 0, 1000);
    let lane = &scene.lanes[0];
    assert!(lane.cells.len() < lane.entries.len(), "too many to draw");
    let (point, count) = lane.more.expect("a +N");
    assert_eq!(count, lane.entries.len() - lane.cells.len());
    assert!(lane.rect.contains(point));
    let last = lane.cells.last().unwrap();
    assert!(point.x >= last.x + last.width || point.x == lane.rect.x + lane.rect.width - 30.0);
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
