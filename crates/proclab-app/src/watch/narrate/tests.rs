//! The narration's words checked on runs of the core: every cause, in both languages.

use super::*;

/// The whole log as the page shows it at the end, every line worded with the end state.
fn said_at_end(run: &proclab_core::Run) -> Vec<String> {
    let end = run.state_at(run.end_tick());
    run.events()
        .iter()
        .enumerate()
        .map(|(index, event)| narrate_in(run, index, event, &end, Lang::En))
        .collect()
}

/// The log's lines of `tick`, as the page words them with the machine at that tick.
fn said_at(run: &proclab_core::Run, tick: u64, lang: Lang) -> Vec<String> {
    let state = run.state_at(tick);
    run.events()
        .iter()
        .enumerate()
        .filter(|(_, event)| event.tick == tick)
        .map(|(index, event)| narrate_in(run, index, event, &state, lang))
        .collect()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_blocking_user_level_thread_holds_its_ready_siblings_and_threads_keep_tcbs() {
    let spec = proclab_core::presets::preset("threads-user-level")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let mut told = 0;
    for event in run.events() {
        if !matches!(event.cause, Cause::IoRequested { .. }) {
            continue;
        }
        let state = run.state_at(event.tick);
        // Its siblings the kernel holds: ready at user level, in a process seen as Blocked.
        let held: Vec<String> = state
            .threads
            .iter()
            .filter(|tcb| tcb.thread.pid == event.thread.pid && tcb.thread != event.thread)
            .filter(|tcb| tcb.state == ProcessState::Ready)
            .map(|tcb| thread_label(&state, tcb.thread))
            .collect();
        let line = said_at(&run, event.tick, Lang::En)
            .into_iter()
            .find(|line| line.contains("requests I/O"))
            .unwrap();
        if held.is_empty() {
            assert!(!line.contains("many-to-one"), "{line}");
        } else {
            told += 1;
            for name in &held {
                assert!(
                    line.contains(name.as_str()) && line.contains("many-to-one"),
                    "{line}"
                );
            }
            let korean = said_at(&run, event.tick, Lang::Ko).join(" ");
            assert!(korean.contains("다대일"), "{korean}");
        }
    }
    assert!(told > 0, "a thread's I/O holds its siblings");
    // Kernel-level threads: the same work, nobody held.
    let spec = proclab_core::presets::preset("threads-kernel-level")
        .unwrap()
        .spec;
    let kernel = proclab_core::simulate_spec(&spec).unwrap();
    assert!(said_at_end(&kernel)
        .iter()
        .all(|line| !line.contains("many-to-one")));
    // Many-to-one: the library makes a thread's TCB; the kernel switches PCBs.
    let lines = said_at_end(&run);
    assert!(
        lines
            .iter()
            .any(|line| line.contains("the thread library makes its TCB")),
        "{lines:?}"
    );
    assert!(
        lines.iter().all(|line| !line.contains("into its TCB")),
        "{lines:?}"
    );
    // Kernel-level threads: each has its TCB, which a switch saves and loads.
    let lines = said_at_end(&kernel);
    assert!(
        lines
            .iter()
            .any(|line| line.contains("is created: its TCB is made")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|line| line.contains("into its TCB")),
        "{lines:?}"
    );
    let fcfs = proclab_core::presets::preset("fcfs-convoy").unwrap().spec;
    let lone = said_at_end(&proclab_core::simulate_spec(&fcfs).unwrap());
    assert!(lone.iter().all(|line| !line.contains("TCB")), "{lone:?}");
    assert!(lone.iter().any(|line| line.contains("its PCB is made")));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_continuing_thread_is_no_switch_an_exited_one_saves_nothing_and_arrivals_queue_first() {
    // Silberschatz's SRTF workload under RR q=2.
    let spec: proclab_core::ScenarioSpec = serde_json::from_str(
        r#"{"processes":[{"name":"P1","arrival":0,"bursts":[{"cpu":8}]},{"name":"P2","arrival":1,"bursts":[{"cpu":4}]},{"name":"P3","arrival":2,"bursts":[{"cpu":9}]},{"name":"P4","arrival":3,"bursts":[{"cpu":5}]}],"policy":{"kind":"rr","quantum":2}}"#,
    )
    .unwrap();
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let said = |tick: u64, lang: Lang| said_at(&run, tick, lang);
    // t=2: P1's quantum ends as P3 arrives; P3 is ahead of P1 in the queue.
    let at_two = said(2, Lang::En);
    assert!(
        at_two.iter().any(|line| {
            line.contains(
            "P1's quantum is used up; back to the ready queue, behind P3, arriving in this tick"
        )
        }),
        "{at_two:?}"
    );
    assert_eq!(
        run.state_at(2).ready[0].first().map(|thread| thread.pid),
        Some(2),
        "P3 first"
    );
    // t=23: P4 exits and P3 is loaded: nothing of P4's is saved.
    let at_exit = said(23, Lang::En);
    assert!(
        at_exit
            .iter()
            .any(|line| line.contains("P4 has exited, so there is nothing to save; load P3's PCB")),
        "{at_exit:?}"
    );
    assert!(!at_exit.iter().any(|line| line.contains("save P4's state")));
    assert!(said(23, Lang::Ko)
        .iter()
        .any(|line| line.contains("P4가 끝나 저장할 상태가 없고")));
    // t=25: P3, alone, goes on after its quantum: no switch.
    let at_end = said(25, Lang::En);
    assert!(
        at_end.iter().any(|line| line.contains(
            "P3's quantum is used up, but no other thread is ready, so P3 is picked again"
        )),
        "{at_end:?}"
    );
    assert!(
        at_end
            .iter()
            .any(|line| line.contains("P3 keeps running on CPU 0")
                && line.contains("no context switch")),
        "{at_end:?}"
    );
    assert!(said(25, Lang::Ko)
        .iter()
        .any(|line| line.contains("P3이 CPU 0에서 계속 실행합니다")));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_thread_sent_back_queues_behind_an_io_completion_of_the_same_tick() {
    // RR q=2: P1 runs 0-2, P2 2-3 then I/O until 5, P1 3-5; at 5 P2's I/O ends as P1's
    // quantum does, and P2 runs first.
    let spec: proclab_core::ScenarioSpec = serde_json::from_str(
        r#"{"processes":[{"name":"P1","arrival":0,"bursts":[{"cpu":6}]},{"name":"P2","arrival":0,"bursts":[{"cpu":1},{"io":2},{"cpu":1}]}],"policy":{"kind":"rr","quantum":2}}"#,
    )
    .unwrap();
    let run = proclab_core::simulate_spec(&spec).unwrap();
    assert_eq!(
        run.state_at(5).cpus[0].last.map(|thread| thread.pid),
        Some(1),
        "P2 is on the CPU at 5"
    );
    let en = said_at(&run, 5, Lang::En).join("\n");
    assert!(
        en.contains("P1's quantum is used up; back to the ready queue, behind P2, whose I/O ends in this tick"),
        "{en}"
    );
    let ko = said_at(&run, 5, Lang::Ko).join("\n");
    assert!(
        ko.contains("같은 틱에 I/O가 끝나는 P2의 뒤에 섭니다"),
        "{ko}"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_thread_picked_again_is_said_alone_only_when_no_other_is_ready() {
    // Every preset and several policies over one workload: whenever a timer interrupt's line
    // says nobody else is ready, the machine of that instant agrees.
    let mut specs: Vec<proclab_core::ScenarioSpec> = proclab_core::presets::presets()
        .into_iter()
        .map(|preset| preset.spec)
        .collect();
    let base = proclab_core::presets::preset("affinity-on").unwrap().spec;
    for policy in [
        r#"{"kind":"mlfq","levels":[{"quantum":2},{"quantum":4}],"boost_period":20}"#,
        r#"{"kind":"lottery","quantum":2}"#,
    ] {
        let mut spec = base.clone();
        spec.policy = serde_json::from_str(policy).unwrap();
        specs.push(spec);
    }
    let mut checked = 0;
    for spec in &specs {
        let Ok(run) = proclab_core::simulate_spec(spec) else {
            continue;
        };
        for (index, event) in run.events().iter().enumerate() {
            if event.cause != Cause::QuantumExpired {
                continue;
            }
            let state = run.state_at(event.tick);
            let line = narrate_in(&run, index, event, &state, Lang::En);
            if line.contains("no other thread is ready") {
                checked += 1;
                let others = state.ready.iter().flatten().filter(|t| **t != event.thread);
                assert_eq!(others.count(), 0, "{line}");
            }
        }
    }
    assert!(checked > 10, "{checked} lines checked");
    // With affinity, at t=8 A is among the picks for the two free CPUs, with B still ready.
    let run = proclab_core::simulate_spec(&base).unwrap();
    let at_eight = said_at(&run, 8, Lang::En).join("\n");
    assert!(
        at_eight.contains("affinity puts it back on CPU 0, where it last ran"),
        "{at_eight}"
    );
    assert!(!at_eight.contains("no other thread is ready"), "{at_eight}");
    assert!(said_at(&run, 8, Lang::Ko)
        .join("\n")
        .contains("친화성에 따라 A를 마지막으로 실행했던 CPU 0에 다시 놓습니다"));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_schedule_of_ones_own_is_told_as_choices_not_as_timer_interrupts() {
    // The lost-update example under RR q=4, scheduled by hand: T1 one tick, T2 five, T1 two.
    // T1 waits in the ready queue throughout T2's five ticks; the quantum plays no part.
    let mut spec = proclab_core::presets::preset("race-two-threads")
        .unwrap()
        .spec;
    spec.schedule = Some(proclab_core::ScheduleSpec {
        threads: vec![0, 1, 1, 1, 1, 1, 0, 0],
        repeat: false,
    });
    let run = proclab_core::simulate_spec(&spec).unwrap();
    for lang in [Lang::En, Lang::Ko] {
        let said: Vec<String> = (0..=run.end_tick())
            .flat_map(|tick| said_at(&run, tick, lang))
            .collect();
        let text = said.join("\n");
        for wrong in [
            "Timer interrupt",
            "no other thread is ready",
            "타이머 인터럽트",
            "준비된 다른 스레드가 없어",
        ] {
            assert!(!text.contains(wrong), "{lang:?}: {wrong} in {text}");
        }
        let again = lang.pick([
            "스케줄의 다음 선택도 P1.T2",
            "the schedule's next choice is P1.T2 again",
        ]);
        assert!(text.contains(again), "{lang:?}: {text}");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_log_read_at_the_end_still_saves_threads_that_exited_later_and_names_a_fault() {
    let mut spec = proclab_core::presets::preset("pipe-writer-reader")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    // The whole log as the page shows it at the end, every line worded with the end state.
    let said = said_at_end(&run);
    assert!(
        said.iter()
            .any(|line| line.contains("save Writer's state into its PCB")),
        "{said:?}"
    );
    // Only a thread that exits in that very instant has nothing saved.
    for (line, event) in said.iter().zip(run.events()) {
        if let Cause::Dispatched {
            saved: Some(old), ..
        } = event.cause
        {
            let exits_then = run.events().iter().any(|other| {
                other.tick == event.tick && other.thread == old && other.to == ProcessState::Exit
            });
            assert_eq!(line.contains("has exited"), exits_then, "{line}");
        }
    }
    assert!(
        said.iter().any(|line| line.contains("runs halt and exits")),
        "{said:?}"
    );
    // Writing 300 to a pipe of bytes faults and ends the writer: the log says so.
    let program = &mut spec.processes[0].program;
    *program = program.replace("mov $1, %ax", "mov $300, %ax");
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let end = run.state_at(run.end_tick());
    let exits = |lang: Lang| -> Vec<String> {
        run.events()
            .iter()
            .enumerate()
            .filter(|(_, event)| matches!(event.cause, Cause::Exited))
            .map(|(index, event)| narrate_in(&run, index, event, &end, lang))
            .collect()
    };
    let english = exits(Lang::En);
    assert!(
        english
            .iter()
            .any(|line| line.contains("Writer ends by a fault:") && line.contains("300")),
        "{english:?}"
    );
    let korean = exits(Lang::Ko);
    assert!(
        korean
            .iter()
            .any(|line| line.contains("Writer가 오류로 끝납니다")),
        "{korean:?}"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_condition_wait_says_it_releases_the_mutex() {
    let spec: proclab_core::ScenarioSpec = serde_json::from_str(
        r#"{"processes":[{"program":".mutex m\n.cond c\n.main\nlock m\nwait c, m\nhalt\n","threads":[{}]}]}"#,
    )
    .unwrap();
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let waits = run
        .events()
        .iter()
        .find(|event| matches!(event.cause, Cause::Waits { .. }))
        .cloned()
        .unwrap();
    let state = run.state_at(waits.tick);
    assert_eq!(
        narrate(&waits, &state, Lang::En),
        "t=2: P1 releases the mutex and blocks on the condition until signalled (at the end of its wait queue)."
    );
    assert_eq!(
        narrate(&waits, &state, Lang::Ko),
        "t=2: P1이 뮤텍스를 놓고 조건 변수에서 signal을 기다리며 대기 상태가 됩니다(그 대기 큐의 끝)."
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_pipe_wait_says_full_or_empty_and_who_wakes_whom() {
    let spec = proclab_core::presets::preset("pipe-writer-reader")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let said: Vec<String> = run
        .events()
        .iter()
        .filter(|event| matches!(event.cause, Cause::Waits { .. } | Cause::Woken { .. }))
        .map(|event| narrate(event, &run.state_at(event.tick), Lang::En))
        .collect();
    assert_eq!(said.len(), 4, "{said:?}");
    assert!(
        said[0].ends_with("Writer blocks: pipe p full (until a value is read)."),
        "{said:?}"
    );
    assert!(said[1].contains("Reader wakes Writer"), "{said:?}");
    assert!(
        said[2].ends_with("Reader blocks: pipe p empty (until a value is written)."),
        "{said:?}"
    );
    assert!(said[3].contains("Writer wakes Reader"), "{said:?}");
    let first_wait = run
        .events()
        .iter()
        .find(|event| matches!(event.cause, Cause::Waits { .. }))
        .unwrap();
    let korean = narrate(first_wait, &run.state_at(first_wait.tick), Lang::Ko);
    assert!(
        korean.contains("Writer가 대기 상태가 됩니다: 파이프 p가 가득 참"),
        "{korean}"
    );
    // The log reads every line with the state at its playhead: at the run's end, where the
    // reader no longer waits, its wait still says empty (it said full from t=39 on).
    let end = run.state_at(run.end_tick());
    let logged: Vec<String> = run
        .events()
        .iter()
        .enumerate()
        .filter(|(_, event)| matches!(event.cause, Cause::Waits { .. }))
        .map(|(index, event)| narrate_in(&run, index, event, &end, Lang::En))
        .collect();
    assert_eq!(logged.len(), 2, "{logged:?}");
    assert!(logged[0].ends_with("Writer blocks: pipe p full (until a value is read)."));
    assert!(
        logged[1].ends_with("Reader blocks: pipe p empty (until a value is written)."),
        "{logged:?}"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_wake_up_in_the_log_names_what_its_thread_waited_for() {
    for (preset, object) in [
        ("pipe-writer-reader", "pipe p"),
        ("mutex-blocking", "mutex"),
    ] {
        let spec = proclab_core::presets::preset(preset).unwrap().spec;
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let mut woken = 0;
        for (index, event) in run.events().iter().enumerate() {
            if !matches!(event.cause, Cause::Woken { .. }) {
                continue;
            }
            woken += 1;
            let state = run.state_at(event.tick);
            let english = narrate_in(&run, index, event, &state, Lang::En);
            assert!(english.contains(object), "{preset}: {english}");
            assert!(!english.contains("the mutex, the semaphore"), "{english}");
            let korean = narrate_in(&run, index, event, &state, Lang::Ko);
            assert!(korean.contains("깨웁니다: "), "{korean}");
            assert!(!korean.contains("뮤텍스, 세마포어, 메시지"), "{korean}");
        }
        assert!(woken > 0, "{preset} has no wake-up");
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_steal_from_another_cpus_queue_is_said_and_each_is_a_migration() {
    use proclab_core::spec::{PolicySpec, QueueTopology, ScenarioSpec};
    // A (0, 6) and B (0, 2) start on the two CPUs; C (1, 3) joins CPU 0's queue; at t=2 B is
    // done and CPU 1, its own queue empty, takes C from CPU 0's.
    let mut spec = ScenarioSpec {
        processes: vec![
            proclab_core::presets::process("A", 0, &[6]),
            proclab_core::presets::process("B", 0, &[2]),
            proclab_core::presets::process("C", 1, &[3]),
        ],
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    spec.machine.cpus = 2;
    spec.machine.topology = QueueTopology::PerCpu;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let said = said_at_end(&run);
    let steals: Vec<&String> = said
        .iter()
        .filter(|line| line.contains("took the thread from CPU"))
        .collect();
    assert_eq!(steals.len(), 1, "{said:#?}");
    assert!(
        steals[0].starts_with("t=2: CPU 1")
            && steals[0].contains("load C's PCB")
            && steals[0].contains("from CPU 0's ready queue"),
        "{}",
        steals[0]
    );
    assert_eq!(run.metrics().totals.migrations, 1);
    // C is created into CPU 0's queue, where CPU 1 finds it.
    assert!(
        said.iter()
            .any(|line| line.starts_with("t=1: C is created")
                && line.ends_with("(CPU 0's ready queue)")),
        "{said:#?}"
    );
    // The example of per-CPU queues: as many steals said as migrations counted.
    let example = proclab_core::presets::preset("per-cpu-queues")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&example).unwrap();
    let end = run.state_at(run.end_tick());
    let said = run
        .events()
        .iter()
        .enumerate()
        .filter(|(index, event)| {
            narrate_in(&run, *index, event, &end, Lang::En).contains("took the thread from CPU")
        })
        .count() as u64;
    assert!(said > 0);
    assert_eq!(said, run.metrics().totals.migrations);
    // A shared queue steals nothing.
    spec.machine.topology = QueueTopology::Shared;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let end = run.state_at(run.end_tick());
    assert!(run
        .events()
        .iter()
        .enumerate()
        .all(
            |(index, event)| !narrate_in(&run, index, event, &end, Lang::En)
                .contains("took the thread")
        ));
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_demoted_thread_is_not_said_to_queue_behind_an_arrival_on_another_level() {
    use proclab_core::spec::{LevelSpec, MlfqSpec, PolicySpec, ScenarioSpec};
    // A's first quantum ends at t=2 as C arrives: A drops to level 1, C enters level 0.
    let level = |quantum| LevelSpec {
        quantum,
        allotment: 1,
    };
    let spec = ScenarioSpec {
        processes: vec![
            proclab_core::presets::process("A", 0, &[12]),
            proclab_core::presets::process("B", 1, &[1, 3, 1, 3, 1]),
            proclab_core::presets::process("C", 2, &[6]),
        ],
        policy: PolicySpec::Mlfq(MlfqSpec {
            levels: vec![level(Some(2)), level(Some(4)), level(None)],
            boost_period: Some(10),
            ..MlfqSpec::default()
        }),
        ..ScenarioSpec::default()
    };
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let said = said_at_end(&run);
    let expired = said
        .iter()
        .find(|line| line.starts_with("t=2: Timer interrupt: A's quantum is used up"))
        .expect("A's quantum ends at t=2");
    assert!(!expired.contains("behind C"), "{expired}");
    // Every "behind X" names a thread on the same level as the one sent back.
    for (event, line) in run.events().iter().zip(&said) {
        let Some((_, rest)) = line.split_once(", behind ") else {
            continue;
        };
        let now = run.state_at(event.tick);
        let mine = now.thread(event.thread).unwrap().level;
        for other in now.threads.iter().filter(|tcb| {
            rest.starts_with(&format!("{},", tcb.name))
                || rest.starts_with(&format!("{} ", tcb.name))
        }) {
            assert_eq!(other.level, mine, "{line}");
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn an_srtf_preemption_says_the_two_times_left_it_compared_at_its_own_instant() {
    // Silberschatz's SRTF example: P2 (4 ticks) arrives at 1 while P1 (8) has 7 left.
    let spec = proclab_core::presets::preset("srtf-vs-sjf").unwrap().spec;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let preempted = |lang| {
        said_at(&run, 1, lang)
            .into_iter()
            .find(|line| line.contains("preempt") || line.contains("선점"))
            .unwrap()
    };
    assert_eq!(
        preempted(Lang::En),
        "t=1: P1 is preempted by P2 (4 ticks left against 7)."
    );
    assert_eq!(
        preempted(Lang::Ko),
        "t=1: P2가 P1을 선점합니다 (남은 시간 4틱이 7틱보다 짧음)."
    );
    // Told with a later machine, whose times have moved on, it says no numbers.
    let later = said_at_end(&run);
    assert!(
        later.contains(&"t=1: P1 is preempted by P2 (shorter remaining time).".to_string()),
        "{later:?}"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_preemption_under_aging_says_the_aged_numbers_compared() {
    // Aging every 2 ticks, lower first: worked out from the trace, a ready thread's number is
    // its own less one for every 2 ticks since it became ready; the running one's, the number it
    // was dispatched with.
    let spec = proclab_core::presets::preset("priority-aging")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let last = |thread: proclab_core::ThreadRef, to: ProcessState, at: u64| {
        run.events()
            .iter()
            .filter(|event| event.thread == thread && event.to == to && event.tick <= at)
            .map(|event| event.tick)
            .max()
            .unwrap()
    };
    let base = |thread: proclab_core::ThreadRef| {
        u64::from(run.state_at(0).thread(thread).unwrap().priority)
    };
    let aged = |thread: proclab_core::ThreadRef, at: u64| {
        base(thread).saturating_sub((at - last(thread, ProcessState::Ready, at)) / 2)
    };
    let (mut told, mut restarted) = (0, 0);
    for event in run.events() {
        let Cause::Preempted { by, .. } = event.cause else {
            continue;
        };
        let before = event.tick - 1;
        let dispatched = last(event.thread, ProcessState::Running, before);
        let (mine, theirs) = (aged(event.thread, dispatched), aged(by, event.tick));
        let line = said_at(&run, event.tick, Lang::En)
            .into_iter()
            .find(|line| line.contains("is preempted by"))
            .unwrap();
        assert!(
            line.contains(&format!("(priority {theirs} beats {mine}).")),
            "{line}"
        );
        assert!(theirs < mine, "{line}");
        // Aged while it waited, it starts again from its base: the line says so, as the next
        // dispatch's reason compares that number.
        let again = base(event.thread);
        if mine == again {
            assert!(line.ends_with(&format!("beats {mine}).")), "{line}");
        } else {
            assert!(
                line.ends_with(&format!(
                    "Back in the ready queue, {}'s priority starts again from its base {again}; aging counts its wait from now.",
                    thread_label(&run.state_at(0), event.thread)
                )),
                "{line}"
            );
            restarted += 1;
        }
        told += 1;
    }
    assert!(told > 0 && restarted > 0, "{told} {restarted}");
}
