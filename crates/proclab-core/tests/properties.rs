//! Laws every policy obeys, checked over random scenarios drawn with ProcLab's own PCG32.

mod common;

use common::{all_policies, random_scenario};
use proclab_core::spec::{IoDevices, QueueTopology, ThreadModel};
use proclab_core::{
    simulate, Cause, ProcessState, Run, Scenario, ScenarioSpec, SliceKind, ThreadRef,
};

const SEEDS_PER_POLICY: u64 = 24;

/// Every law is checked on each random scenario as drawn (shared queue or affinity) and again
/// with per-CPU ready queues.
fn for_every_run(check: impl Fn(&Scenario, &Run)) {
    for (policy_index, policy) in all_policies().into_iter().enumerate() {
        for seed in 0..SEEDS_PER_POLICY {
            let spec = random_scenario(seed * 131 + policy_index as u64, policy.clone());
            for spec in [spec.clone(), per_cpu(spec)] {
                let scenario = Scenario::new(&spec)
                    .unwrap_or_else(|errors| panic!("generated scenario invalid: {errors:?}"));
                check(&scenario, &simulate(&scenario));
            }
        }
    }
}

fn per_cpu(mut spec: ScenarioSpec) -> ScenarioSpec {
    spec.machine.topology = QueueTopology::PerCpu;
    spec
}

#[test]
fn nothing_runs_before_it_arrives() {
    for_every_run(|scenario, run| {
        for slice in run.gantt() {
            if let SliceKind::Run { thread } = slice.kind {
                assert!(slice.start >= scenario.processes()[thread.pid as usize].arrival());
            }
        }
        for event in run.events() {
            assert!(event.tick >= scenario.processes()[event.thread.pid as usize].arrival());
        }
    });
}

#[test]
fn every_thread_gets_exactly_its_bursts_and_exits_once() {
    for_every_run(|scenario, run| {
        for (index, thread) in scenario.threads().iter().enumerate() {
            let metrics = &run.metrics().threads[index];
            assert_eq!(metrics.cpu, thread.total_cpu());
            if scenario.conventions().io_devices == IoDevices::Unlimited {
                assert_eq!(metrics.io, thread.total_io());
            } else {
                assert!(metrics.io >= thread.total_io());
            }
            let reference = ThreadRef {
                pid: thread.pid(),
                tid: thread.tid(),
            };
            let exits = run
                .events()
                .iter()
                .filter(|event| event.thread == reference && event.cause == Cause::Exited)
                .count();
            assert_eq!(exits, 1);
            let requests = run
                .events()
                .iter()
                .filter(|event| {
                    event.thread == reference && matches!(event.cause, Cause::IoRequested { .. })
                })
                .count();
            assert_eq!(requests, thread.bursts().len() / 2);
        }
    });
}

#[test]
fn turnaround_is_cpu_plus_io_plus_waiting_plus_switch_plus_stall() {
    for_every_run(|_, run| {
        for thread in &run.metrics().threads {
            assert_eq!(
                thread.turnaround,
                thread.cpu + thread.io + thread.waiting + thread.switch + thread.stall,
                "{thread:?}"
            );
        }
    });
}

#[test]
fn without_costs_waiting_is_turnaround_minus_bursts() {
    for_every_run(|scenario, run| {
        let machine = scenario.machine();
        if machine.dispatch_latency > 0
            || machine.thread_switch_latency > 0
            || machine.cache.enabled
        {
            return;
        }
        for thread in &run.metrics().threads {
            assert_eq!(thread.waiting, thread.turnaround - thread.cpu - thread.io);
        }
    });
}

#[test]
fn each_cpu_timeline_is_contiguous_and_no_thread_runs_twice_at_once() {
    for_every_run(|scenario, run| {
        for cpu in 0..scenario.machine().cpus {
            let mut tick = 0;
            for slice in run.gantt().iter().filter(|slice| slice.cpu == cpu) {
                assert_eq!(slice.start, tick, "gap or overlap on CPU{cpu}");
                assert!(slice.end > slice.start);
                tick = slice.end;
            }
            assert_eq!(tick, run.end_tick());
        }
        let mut runs: Vec<(ThreadRef, u64, u64)> = run
            .gantt()
            .iter()
            .filter_map(|slice| match slice.kind {
                SliceKind::Run { thread } => Some((thread, slice.start, slice.end)),
                _ => None,
            })
            .collect();
        runs.sort();
        for pair in runs.windows(2) {
            if pair[0].0 == pair[1].0 {
                assert!(
                    pair[0].2 <= pair[1].1,
                    "{:?} runs on two CPUs at once",
                    pair[0].0
                );
            }
        }
    });
}

#[test]
fn a_cpu_never_idles_while_a_thread_is_ready() {
    for_every_run(|scenario, run| {
        if scenario.conventions().hold_cpu_during_io {
            return;
        }
        for slice in run
            .gantt()
            .iter()
            .filter(|slice| slice.kind == SliceKind::Idle)
        {
            let state = run.state_at(slice.start);
            let ready: usize = state.ready.iter().map(Vec::len).sum();
            assert_eq!(
                ready, 0,
                "CPU{} idle at {} with ready threads {:?}",
                slice.cpu, slice.start, state.ready
            );
        }
    });
}

#[test]
fn the_same_scenario_gives_the_same_trace() {
    for_every_run(|scenario, run| {
        let again = simulate(scenario);
        assert_eq!(run.events(), again.events());
        assert_eq!(run.gantt(), again.gantt());
        assert_eq!(run.metrics(), again.metrics());
    });
}

#[test]
fn state_at_agrees_with_a_naive_replay_of_the_events() {
    for_every_run(|scenario, run| {
        let mut states = vec![ProcessState::New; scenario.threads().len()];
        let index_of = |thread: ThreadRef| {
            (scenario.processes()[thread.pid as usize].first_thread() + thread.tid) as usize
        };
        let mut position = 0;
        let events = run.events();
        let end = run.end_tick();
        let step = (end / 40).max(1);
        let mut tick = 0;
        while tick <= end {
            while position < events.len() && events[position].tick <= tick {
                let event = &events[position];
                assert_eq!(
                    states[index_of(event.thread)],
                    event.from,
                    "event {event:?}"
                );
                states[index_of(event.thread)] = event.to;
                position += 1;
            }
            let state = run.state_at(tick);
            let captured: Vec<ProcessState> = state.threads.iter().map(|tcb| tcb.state).collect();
            assert_eq!(captured, states, "tick {tick}");
            tick += step;
        }
    });
}

#[test]
fn stepping_between_event_ticks_is_consistent() {
    for_every_run(|_, run| {
        let mut tick = 0;
        let mut visited = 0;
        while let Some(next) = run.next_event_tick(tick) {
            assert!(next > tick);
            assert_eq!(
                run.previous_event_tick(next),
                Some(tick)
                    .filter(|_| visited > 0)
                    .or(run.previous_event_tick(next))
            );
            tick = next;
            visited += 1;
        }
        assert!(tick <= run.end_tick());
    });
}

#[test]
fn a_user_level_process_never_runs_two_threads_nor_runs_while_one_blocks() {
    for_every_run(|scenario, run| {
        if scenario.machine().thread_model != ThreadModel::User {
            return;
        }
        // Replay states; after every instant, check each multi-threaded process.
        let mut states = vec![ProcessState::New; scenario.threads().len()];
        let events = run.events();
        let mut position = 0;
        while position < events.len() {
            let tick = events[position].tick;
            while position < events.len() && events[position].tick == tick {
                let event = &events[position];
                let process = &scenario.processes()[event.thread.pid as usize];
                states[(process.first_thread() + event.thread.tid) as usize] = event.to;
                position += 1;
            }
            for process in scenario
                .processes()
                .iter()
                .filter(|process| process.thread_count() > 1)
            {
                let first = process.first_thread() as usize;
                let own = &states[first..first + process.thread_count() as usize];
                let running = own
                    .iter()
                    .filter(|state| **state == ProcessState::Running)
                    .count();
                let blocked = own
                    .iter()
                    .filter(|state| **state == ProcessState::Blocked)
                    .count();
                assert!(
                    running <= 1,
                    "two user-level threads of {} run at {tick}",
                    process.name()
                );
                assert!(
                    running == 0 || blocked == 0,
                    "{} runs while one of its threads blocks at {tick}",
                    process.name()
                );
                assert!(blocked <= 1);
            }
        }
    });
}

#[test]
fn kernel_threads_without_costs_behave_like_separate_processes() {
    use proclab_core::ProcessSpec;
    let compared = std::cell::Cell::new(0);
    for_every_run(|scenario, run| {
        let machine = scenario.machine();
        if machine.cpus != 1
            || machine.dispatch_latency > 0
            || machine.thread_switch_latency > 0
            || machine.cache.enabled
        {
            return;
        }
        if machine.thread_model != ThreadModel::Kernel
            || !scenario
                .processes()
                .iter()
                .any(|process| process.is_multithreaded())
        {
            return;
        }
        // Every thread becomes a process of its own, in the same order.
        let mut flat: ScenarioSpec = scenario.spec().clone();
        flat.processes = scenario
            .spec()
            .processes
            .iter()
            .flat_map(|process| {
                let threads: Vec<ProcessSpec> = if process.threads.is_empty() {
                    vec![process.clone()]
                } else {
                    process
                        .threads
                        .iter()
                        .map(|thread| ProcessSpec {
                            bursts: thread.bursts.clone(),
                            threads: Vec::new(),
                            ..process.clone()
                        })
                        .collect()
                };
                threads
            })
            .collect();
        // Each its own name, as a scenario requires.
        for (index, process) in flat.processes.iter_mut().enumerate() {
            process.name = format!("F{}", index + 1);
        }
        let flat_run = simulate(&Scenario::new(&flat).expect("flattened scenario is valid"));
        let starts = |run: &Run| -> Vec<(u64, u64, Option<usize>)> {
            run.gantt()
                .iter()
                .map(|slice| {
                    let index = match slice.kind {
                        SliceKind::Run { thread } => Some(
                            (run.scenario().processes()[thread.pid as usize].first_thread()
                                + thread.tid) as usize,
                        ),
                        _ => None,
                    };
                    (slice.start, slice.end, index)
                })
                .collect()
        };
        assert_eq!(starts(run), starts(&flat_run));
        compared.set(compared.get() + 1);
        for (thread, flat_thread) in run
            .metrics()
            .threads
            .iter()
            .zip(&flat_run.metrics().threads)
        {
            assert_eq!(
                (thread.completion, thread.waiting, thread.response),
                (
                    flat_thread.completion,
                    flat_thread.waiting,
                    flat_thread.response
                )
            );
        }
    });
    assert!(
        compared.get() > 0,
        "no multi-threaded scenario was compared"
    );
}

#[test]
fn state_at_is_the_same_in_any_call_order() {
    use proclab_core::rng::Pcg32;
    for_every_run(|scenario, run| {
        let end = run.end_tick();
        let ticks: Vec<u64> = (0..=end.min(60)).collect();
        let in_order: Vec<_> = ticks.iter().map(|tick| run.state_at(*tick)).collect();
        let mut rng = Pcg32::new(u64::from(scenario.processes()[0].arrival() as u32), 5);
        for _ in 0..ticks.len() {
            let index = rng.below(ticks.len() as u64) as usize;
            let fresh = proclab_core::simulate(scenario).state_at(ticks[index]);
            assert_eq!(run.state_at(ticks[index]), in_order[index]);
            assert_eq!(fresh, in_order[index]);
        }
    });
}

#[test]
fn per_cpu_queues_on_one_cpu_behave_exactly_as_the_shared_queue() {
    for (policy_index, policy) in all_policies().into_iter().enumerate() {
        for seed in 0..SEEDS_PER_POLICY {
            let mut spec = random_scenario(seed * 131 + policy_index as u64, policy.clone());
            spec.machine.cpus = 1;
            spec.machine.topology = QueueTopology::Shared;
            let shared = simulate(&Scenario::new(&spec).expect("valid"));
            let per_cpu = simulate(&Scenario::new(&per_cpu(spec)).expect("valid"));
            assert_eq!(shared.events(), per_cpu.events());
            assert_eq!(shared.gantt(), per_cpu.gantt());
            assert_eq!(shared.metrics(), per_cpu.metrics());
            let tick = shared.end_tick() / 2;
            let (shared_state, per_cpu_state) = (shared.state_at(tick), per_cpu.state_at(tick));
            assert_eq!(shared_state.ready, per_cpu_state.ready);
            assert_eq!(
                per_cpu_state.ready_per_cpu,
                vec![per_cpu_state.ready.clone()]
            );
            assert!(shared_state.ready_per_cpu.is_empty());
        }
    }
}

#[test]
fn migrations_add_up_and_per_cpu_threads_change_cpu_only_by_migrating() {
    for_every_run(|scenario, run| {
        let metrics = run.metrics();
        let by_thread: u64 = metrics.threads.iter().map(|thread| thread.migrations).sum();
        let by_process: u64 = metrics
            .processes
            .iter()
            .map(|process| process.migrations)
            .sum();
        let by_cpu: u64 = metrics.cpus.iter().map(|cpu| cpu.migrations).sum();
        assert_eq!(
            (by_thread, by_process, by_cpu),
            (metrics.totals.migrations, by_thread, by_thread)
        );
        let machine = scenario.machine();
        if machine.cpus == 1 {
            assert_eq!(by_thread, 0);
        }
        if machine.topology != QueueTopology::PerCpu || machine.thread_model != ThreadModel::Kernel
        {
            return;
        }
        // Kernel-level threads with per-CPU queues: every dispatch on a CPU other than the one
        // the thread ran on before is a migration (a steal), counted for the thread.
        let mut last_cpu: Vec<Option<u32>> = vec![None; scenario.threads().len()];
        let mut moves = vec![0u64; scenario.threads().len()];
        for event in run.events() {
            if let Cause::Dispatched { .. } = event.cause {
                let process = &scenario.processes()[event.thread.pid as usize];
                let index = (process.first_thread() + event.thread.tid) as usize;
                if last_cpu[index].is_some_and(|cpu| Some(cpu) != event.cpu) {
                    moves[index] += 1;
                }
                last_cpu[index] = event.cpu;
            }
        }
        for (thread, moved) in metrics.threads.iter().zip(moves) {
            assert!(moved <= thread.migrations, "{thread:?} moved {moved} times");
        }
    });
}

#[test]
fn per_cpu_state_lists_each_cpu_queue_and_their_union() {
    for_every_run(|scenario, run| {
        if scenario.machine().topology != QueueTopology::PerCpu {
            return;
        }
        for tick in (0..=run.end_tick()).step_by(3) {
            let state = run.state_at(tick);
            assert_eq!(state.ready_per_cpu.len(), scenario.machine().cpus as usize);
            let levels = state.ready.len();
            for level in 0..levels {
                let union: Vec<ThreadRef> = state
                    .ready_per_cpu
                    .iter()
                    .filter_map(|lists| lists.get(level))
                    .flatten()
                    .copied()
                    .collect();
                assert_eq!(union, state.ready[level], "tick {tick} level {level}");
            }
            let migrations: u64 = state.cpus.iter().map(|cpu| cpu.migrations).sum();
            let by_thread: u64 = state.threads.iter().map(|tcb| tcb.migrations).sum();
            assert_eq!(migrations, by_thread);
        }
    });
}

#[test]
fn per_cpu_peeking_keeps_the_accounting_laws_and_repeats_exactly() {
    // Peeking lets a CPU idle while another queue holds a thread (until the next multiple of the
    // peek interval), so the no-idle law does not apply; every other law does.
    for (policy_index, policy) in all_policies().into_iter().enumerate() {
        for seed in 0..SEEDS_PER_POLICY / 2 {
            let mut spec = per_cpu(random_scenario(
                seed * 131 + policy_index as u64,
                policy.clone(),
            ));
            spec.machine.peek_interval = Some(seed % 7);
            let scenario = Scenario::new(&spec).expect("valid");
            let run = simulate(&scenario);
            for (index, thread) in scenario.threads().iter().enumerate() {
                let metrics = &run.metrics().threads[index];
                assert_eq!(metrics.cpu, thread.total_cpu());
                assert_eq!(
                    metrics.turnaround,
                    metrics.cpu + metrics.io + metrics.waiting + metrics.switch + metrics.stall
                );
            }
            let again = simulate(&scenario);
            assert_eq!(run.events(), again.events());
            for tick in [0, run.end_tick() / 3, run.end_tick() / 2, run.end_tick()] {
                assert_eq!(run.state_at(tick), again.state_at(tick));
            }
        }
    }
}

#[test]
fn hard_affinity_keeps_every_thread_on_its_cpus_and_the_accounting_laws() {
    // Random CPU lists on random scenarios, on the queues as drawn, again per CPU, and with an
    // explicit schedule (MLFQ's I/O bump has no rule with them yet).
    for (policy_index, policy) in all_policies().into_iter().enumerate() {
        for seed in 0..SEEDS_PER_POLICY / 2 {
            let mut spec = random_scenario(seed * 131 + policy_index as u64, policy.clone());
            let cpus = spec.machine.cpus;
            if cpus < 2 {
                spec.machine.cpus = 2;
            }
            let cpus = spec.machine.cpus;
            for (pid, process) in spec.processes.iter_mut().enumerate() {
                if (pid as u64 + seed).is_multiple_of(3) {
                    process.cpus = (0..cpus)
                        .filter(|cpu| (cpu + pid as u32).is_multiple_of(2))
                        .collect();
                }
            }
            if spec.machine.topology == QueueTopology::Affinity {
                spec.machine.topology = QueueTopology::Shared;
            }
            if matches!(&spec.policy, proclab_core::PolicySpec::Mlfq(mlfq) if mlfq.io_bump) {
                continue;
            }
            // And with a repeating explicit schedule naming every thread, last to first.
            let mut scheduled = spec.clone();
            let threads: u32 = spec
                .processes
                .iter()
                .map(|process| process.threads.len().max(1) as u32)
                .sum();
            scheduled.schedule = Some(proclab_core::ScheduleSpec {
                threads: (0..threads).rev().collect(),
                repeat: true,
            });
            for spec in [spec.clone(), per_cpu(spec), scheduled] {
                let scenario = Scenario::new(&spec).expect("valid");
                let run = simulate(&scenario);
                for slice in run.gantt() {
                    if let SliceKind::Run { thread } = slice.kind {
                        let allowed = &scenario.spec().processes[thread.pid as usize].cpus;
                        assert!(
                            allowed.is_empty() || allowed.contains(&slice.cpu),
                            "{thread:?} on CPU{} outside {allowed:?}",
                            slice.cpu
                        );
                    }
                }
                for (index, thread) in scenario.threads().iter().enumerate() {
                    let metrics = &run.metrics().threads[index];
                    assert_eq!(metrics.cpu, thread.total_cpu());
                    assert_eq!(
                        metrics.turnaround,
                        metrics.cpu + metrics.io + metrics.waiting + metrics.switch + metrics.stall
                    );
                }
                let again = simulate(&scenario);
                assert_eq!(run.events(), again.events());
                for tick in [0, run.end_tick() / 2, run.end_tick()] {
                    assert_eq!(run.state_at(tick), again.state_at(tick));
                }
            }
        }
    }
}

/// The slices handed out one by one (for readers that gather a long run per column) are the
/// Gantt chart's: each CPU's in the chart's order, whether or not the chart was built first.
#[test]
fn slices_handed_out_one_by_one_are_the_gantt_chart() {
    for_every_run(|scenario, run| {
        let cpus = scenario.machine().cpus as usize;
        let by_cpu = |run: &Run| {
            let mut rows = vec![Vec::new(); cpus];
            run.each_gantt_slice(|slice| rows[slice.cpu as usize].push(slice));
            rows.concat()
        };
        let fresh = simulate(scenario);
        assert_eq!(by_cpu(&fresh), run.gantt(), "before the chart is built");
        assert_eq!(by_cpu(run), run.gantt(), "after");
    });
}

/// During a switch and its refill, a CPU's state says how many of the incoming thread's cache
/// units are still cold: the stall's ticks over the cost per unit, the same in the dispatch and
/// in the stall that follows it.
#[test]
fn a_switch_states_the_cold_units_its_stall_refills() {
    use proclab_core::state::CpuActivity;
    let mut checked = 0;
    for seed in 0..40 {
        let mut spec = random_scenario(seed, proclab_core::PolicySpec::Rr { quantum: 2 });
        spec.machine.dispatch_latency = 1 + seed % 2;
        spec.machine.cache.enabled = true;
        spec.machine.cache.capacity = 4 + (seed % 5) as u32;
        spec.machine.cache.refill_per_unit = 1 + seed % 3;
        let scenario = Scenario::new(&spec).expect("valid");
        let run = simulate(&scenario);
        let per_unit = spec.machine.cache.refill_per_unit;
        for slice in run.gantt() {
            let SliceKind::Dispatch { to, .. } = slice.kind else {
                continue;
            };
            // The stall that follows on this CPU, if any.
            let stall = run
                .gantt()
                .iter()
                .find(|next| next.cpu == slice.cpu && next.start == slice.end)
                .filter(
                    |next| matches!(next.kind, SliceKind::CacheStall { thread } if thread == to),
                )
                .map_or(0, |next| next.end - next.start);
            let state = run.state_at(slice.start);
            let cpu = &state.cpus[slice.cpu as usize];
            let CpuActivity::Dispatching { thread, cold, .. } = cpu.activity else {
                panic!(
                    "seed {seed}: CPU{} at t={} is {:?}",
                    slice.cpu, slice.start, cpu.activity
                );
            };
            assert_eq!(
                (thread, u64::from(cold) * per_unit),
                (to, stall),
                "seed {seed}, t={}",
                slice.start
            );
            if stall > 0 {
                let state = run.state_at(slice.end);
                let cpu = &state.cpus[slice.cpu as usize];
                assert!(
                    matches!(cpu.activity, CpuActivity::Stalling { cold: again, .. } if again == cold),
                    "seed {seed}: {:?}",
                    cpu.activity
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "only {checked} switches with a refill");
}

#[test]
fn an_exited_thread_has_no_quantum_left_and_a_running_one_under_rr_has_one() {
    for_every_run(|scenario, run| {
        let state = run.state_at(run.end_tick());
        for tcb in &state.threads {
            assert_eq!(tcb.state, ProcessState::Exit, "{:?}", tcb.thread);
            assert_eq!(tcb.quantum_left, None, "{:?}", tcb.thread);
        }
        if matches!(scenario.spec().policy, proclab_core::PolicySpec::Rr { .. }) {
            let busy = run.gantt().iter().find(|slice| {
                matches!(slice.kind, SliceKind::Run { .. }) && slice.end > slice.start + 1
            });
            if let Some(slice) = busy {
                let SliceKind::Run { thread } = slice.kind else {
                    unreachable!()
                };
                let state = run.state_at(slice.start + 1);
                let tcb = state.thread(thread).expect("the thread");
                assert_eq!(tcb.state, ProcessState::Running);
                assert!(tcb.quantum_left.is_some(), "{thread:?}");
            }
        }
    });
}

#[test]
fn a_waiting_thread_shows_a_slice_only_where_its_next_dispatch_keeps_it() {
    let (rr_blocked, mlfq_blocked) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
    for_every_run(|scenario, run| {
        let (rr, mlfq) = match scenario.spec().policy {
            proclab_core::PolicySpec::Rr { .. } => (true, false),
            proclab_core::PolicySpec::Mlfq { .. } => (false, true),
            _ => return,
        };
        for tick in (0..run.end_tick()).step_by(3).take(60) {
            let state = run.state_at(tick);
            for tcb in state
                .threads
                .iter()
                .filter(|tcb| tcb.state == ProcessState::Blocked)
            {
                if rr {
                    // RR hands out a fresh slice at every dispatch: a leftover means nothing.
                    assert_eq!(tcb.quantum_left, None, "t={tick} {:?}", tcb.thread);
                    rr_blocked.set(rr_blocked.get() + 1);
                }
                // MLFQ's slice is set at admission, demotion and boost: it is still there
                // (where the level has one: a bottom FCFS level has none).
                if mlfq && tcb.quantum_left.is_some() {
                    mlfq_blocked.set(mlfq_blocked.get() + 1);
                }
            }
        }
    });
    let (rr_blocked, mlfq_blocked) = (rr_blocked.get(), mlfq_blocked.get());
    assert!(
        rr_blocked > 10 && mlfq_blocked > 10,
        "{rr_blocked} {mlfq_blocked}"
    );
}

#[test]
fn a_convention_that_does_not_apply_to_a_policy_changes_none_of_its_runs() {
    use proclab_core::{Convention, PolicyKind};
    for_every_run(|scenario, run| {
        let policy = PolicyKind::of(&scenario.spec().policy);
        for convention in Convention::ALL {
            if convention.applies_to(policy) {
                continue;
            }
            let mut spec = scenario.spec().clone();
            let on = convention.is_on(&spec.conventions);
            convention.set(&mut spec.conventions, !on);
            let flipped = simulate(&Scenario::new(&spec).expect("still valid"));
            assert_eq!(
                flipped.events(),
                run.events(),
                "{convention:?} under {policy:?}"
            );
        }
    });
}
