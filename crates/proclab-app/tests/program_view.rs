//! The programs panel's analysis: lost updates, threads inside a critical section, starvation,
//! and the interleaving in words, on schedules whose outcome is worked out by hand.

use proclab_app::lang::Lang;
use proclab_app::program_view::{
    address_spaces, analyse, blocked_at_the_pause, blocked_words, choices_that_run, choosable,
    end_sentence, race_table, step_lines, Goal,
};
use proclab_core::{
    simulate, PolicySpec, ProcessSpec, Scenario, ScenarioSpec, ScheduleSpec, ThreadSpec,
};

const COUNTER: &str = "# add 1 to a shared counter, %bx times
.var counter
.main
.top
mov counter, %ax
add $1, %ax
mov %ax, counter
sub $1, %bx
test $0, %bx
jgt .top
halt
";

const SWAP_LOCK: &str = ".var mutex
.var counter
.main
.top
.acquire
mov $1, %ax
xchg %ax, mutex
test $0, %ax
jne .acquire
mov counter, %ax
add $1, %ax
mov %ax, counter
mov $0, mutex
sub $1, %bx
test $0, %bx
jgt .top
halt
";

/// Two mutexes: a thread with `%bx` = 0 takes a then b, one with `%bx` = 1 takes b then a.
const TWO_LOCKS: &str = ".mutex a
.mutex b
.main
test $0, %bx
jne .other
lock a
lock b
j .work
.other
lock b
lock a
.work
unlock a
unlock b
halt
";

fn two_threads(program: &str, bx: u32, schedule: Option<Vec<u32>>) -> ScenarioSpec {
    ScenarioSpec {
        processes: vec![ProcessSpec {
            program: program.into(),
            threads: (0..2)
                .map(|_| ThreadSpec {
                    registers: format!("bx={bx}"),
                    ..ThreadSpec::default()
                })
                .collect(),
            ..ProcessSpec::default()
        }],
        policy: PolicySpec::Rr { quantum: 1 },
        schedule: schedule.map(|threads| ScheduleSpec {
            threads,
            repeat: false,
        }),
        ..ScenarioSpec::default()
    }
}

#[test]
fn a_store_from_a_stale_load_is_one_lost_update_named_in_the_interleaving() {
    // T1 load 0, T2 load 0, T1 add, T1 store 1, T2 add, T2 store 1: T2 overwrites T1's update.
    let spec = two_threads(
        COUNTER,
        1,
        Some(vec![0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1]),
    );
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    let analysis = analyse(&run);
    assert_eq!(analysis.lost.len(), 1);
    let lost = analysis.lost[0];
    assert_eq!(
        (lost.step, lost.thread, lost.overwritten, lost.read),
        (5, 1, 0, 0)
    );
    assert!(Goal::LoseAnUpdate.reached(&analysis));
    assert!(Goal::BothInside.reached(&analysis));
    assert!(!Goal::Starve.reached(&analysis));
    let lines = step_lines(&run, &analysis, Lang::En);
    assert_eq!(lines[0].effect, "load counter = 0");
    assert_eq!(lines[3].effect, "store counter = 1");
    assert_eq!(lines[5].effect, "store counter = 1");
    assert!(lines[5]
        .lost
        .as_deref()
        .is_some_and(|text| text.contains("P1.T1")));
    assert_eq!(lines[0].code, "mov counter, %ax");
    // The counter ends at 1, not 2, and its last writer is T2.
    let state = run.state_at(run.end_tick());
    let spaces = address_spaces(&run, &state, Lang::En);
    assert_eq!(spaces[0].words[0].value, 1);
    assert_eq!(
        spaces[0].words[0]
            .last_writer
            .as_ref()
            .map(|w| w.0.as_str()),
        Some("P1.T2")
    );
    let end = end_sentence(&run, Lang::En);
    assert!(end.contains("every thread runs to its end"), "{end}");
    assert!(end.contains(&format!("t={}", run.end_tick())), "{end}");
    // The race table runs from the first of the two loads (T1's) to the lost store, so both
    // loads of 0 show; the counter after each step.
    let (word, rows) = race_table(&run, Lang::En).expect("a lost update");
    assert_eq!(word, "counter");
    let loads: Vec<&str> = rows
        .iter()
        .filter(|row| row.effect.starts_with("load"))
        .map(|row| row.who.as_str())
        .collect();
    assert_eq!(loads, ["P1.T1", "P1.T2"], "both loads are in the table");
    let table: Vec<(&str, i64)> = rows
        .iter()
        .map(|row| (row.who.as_str(), row.memory))
        .collect();
    assert_eq!(
        table,
        [
            ("P1.T1", 0),
            ("P1.T2", 0),
            ("P1.T1", 0),
            ("P1.T1", 1),
            ("P1.T2", 1),
            ("P1.T2", 1)
        ]
    );
}

#[test]
fn one_thread_after_the_other_loses_nothing_and_a_long_wait_starves() {
    // Six instructions a round, four rounds and a halt: 25 instructions each.
    let mut schedule: Vec<u32> = vec![0; 25];
    schedule.extend([1; 25]);
    let spec = two_threads(COUNTER, 4, Some(schedule));
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    let analysis = analyse(&run);
    assert!(analysis.lost.is_empty());
    assert!(!Goal::BothInside.reached(&analysis));
    assert!(Goal::Starve.reached(&analysis));
    let state = run.state_at(run.end_tick());
    assert_eq!(address_spaces(&run, &state, Lang::En)[0].words[0].value, 8);
    assert_eq!(analysis.longest_wait, (25, Some(1)));
}

#[test]
fn a_paused_schedule_offers_the_threads_that_have_not_finished() {
    let spec = two_threads(COUNTER, 1, Some(vec![0; 7]));
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    assert_eq!(choosable(&run), vec![1]);
    assert!(end_sentence(&run, Lang::En).contains("choose the thread"));
    assert!(end_sentence(&run, Lang::Ko).contains("고르세요"));
}

#[test]
fn run_five_records_only_the_choices_that_run_an_instruction() {
    // Seven instructions a thread (one round and a halt); T1 has run four of them.
    let spec = two_threads(COUNTER, 1, Some(vec![0; 4]));
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    assert_eq!(choices_that_run(&run, 0, 5), 3, "T1 halts after three more");
    assert_eq!(choices_that_run(&run, 1, 5), 5, "T2 has all seven left");
    assert_eq!(choices_that_run(&run, 0, 1), 1);
    // The three recorded choices end the run where five would.
    let mut three = spec.clone();
    three
        .schedule
        .as_mut()
        .expect("a schedule")
        .threads
        .extend([0; 3]);
    let run = simulate(&Scenario::new(&three).expect("valid"));
    assert_eq!(choosable(&run), vec![1]);
}

#[test]
fn a_thread_blocked_on_a_mutex_at_the_pause_is_offered_no_choice_until_it_is_released() {
    let program = ".mutex m
.main
lock m
mov $1, %ax
unlock m
halt
";
    // T1 takes m; T2 asks for it and blocks.
    let run = simulate(&Scenario::new(&two_threads(program, 0, Some(vec![0, 1]))).expect("valid"));
    let open = choosable(&run);
    assert_eq!(open, vec![0, 1]);
    assert_eq!(
        blocked_at_the_pause(&run, &open),
        [None, Some("m".to_string())]
    );
    assert_eq!(
        proclab_app::program_view::channel_wait_at_the_pause(&run, 1),
        None
    );
    assert!(blocked_words("m", None, Lang::En)
        .contains("blocked on m: wakes when another thread releases"));
    assert!(blocked_words("m", None, Lang::Ko).contains("m에서 블록됨"));
    // A choice of T2 now is used up without running: the run stays where it was.
    let wasted =
        simulate(&Scenario::new(&two_threads(program, 0, Some(vec![0, 1, 1]))).expect("valid"));
    assert_eq!(wasted.program_steps().len(), run.program_steps().len());
    // T1 runs on and releases m: T2 is woken, and may be chosen again.
    let run =
        simulate(&Scenario::new(&two_threads(program, 0, Some(vec![0, 1, 0, 0]))).expect("valid"));
    let open = choosable(&run);
    assert_eq!(blocked_at_the_pause(&run, &open), vec![None; open.len()]);
    assert!(open.contains(&1));
}

#[test]
fn the_scheduler_sets_the_goals_that_fit_the_example_and_a_deadlock_reaches_its_goal() {
    let fitting = |id: &str| {
        let spec = proclab_core::presets::preset(id).expect("an example").spec;
        Goal::fitting(&Scenario::new(&spec).expect("valid"))
    };
    use Goal::*;
    assert_eq!(
        fitting("race-two-threads"),
        [LoseAnUpdate, BothInside, Starve]
    );
    assert_eq!(
        fitting("deadlock-two-locks"),
        [LoseAnUpdate, BothInside, Starve, Deadlock]
    );
    assert_eq!(
        fitting("philosophers-deadlock"),
        [LoseAnUpdate, BothInside, Starve, Deadlock]
    );
    // Processes that share no variable and no mutex: only starving fits.
    assert_eq!(fitting("pipe-writer-reader"), [Starve]);
    assert_eq!(fitting("message-queue-client-server"), [Starve]);
    // Two mutexes taken in opposite orders: T1 takes a, T2 takes b, each then asks for the other.
    let mut spec = two_threads(TWO_LOCKS, 0, Some(vec![0, 0, 0, 1, 1, 1, 0, 1]));
    spec.processes[0].threads[1].registers = "bx=1".into();
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    assert!(run.deadlock().is_some(), "{:?}", run.end());
    assert!(Goal::Deadlock.reached(&analyse(&run)));
    spec.schedule = Some(ScheduleSpec {
        threads: vec![0; 3],
        repeat: false,
    });
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    assert!(!Goal::Deadlock.reached(&analyse(&run)));
}

#[test]
fn the_exchange_lock_never_loses_an_update_on_any_drawn_schedule() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..60 {
        let schedule: Vec<u32> = (0..200)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 2) as u32
            })
            .collect();
        let spec = two_threads(SWAP_LOCK, 2, Some(schedule.clone()));
        let run = simulate(&Scenario::new(&spec).expect("valid"));
        let analysis = analyse(&run);
        assert!(
            analysis.lost.is_empty(),
            "lost an update under {schedule:?}"
        );
        assert!(
            !Goal::BothInside.reached(&analysis),
            "two inside under {schedule:?}"
        );
    }
}

#[test]
fn a_spinning_lock_stops_at_the_budget_naming_the_spinner_and_the_lock() {
    // T1 takes the lock and halts without releasing it; T2 spins on it.
    let program = ".var mutex
.main
.acquire
mov $1, %ax
xchg %ax, mutex
test $0, %ax
jne .acquire
test $0, %bx
jgt .keep
mov $0, mutex
.keep
halt
";
    let mut spec = two_threads(program, 0, None);
    spec.processes[0].threads[0].registers = "bx=1".into();
    spec.machine.instruction_budget = 300;
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    let sentence = end_sentence(&run, Lang::En);
    assert!(
        sentence.contains("Stopped after 300 instructions"),
        "{sentence}"
    );
    assert!(sentence.contains("P1.T2"), "{sentence}");
    assert!(sentence.contains("`mutex`"), "{sentence}");
    // Where it stopped, by the listing's line, not by address.
    let at = line_after(&sentence);
    let line = program.lines().nth(at - 1).expect("a line of the program");
    assert!(
        sentence.contains(&format!("(`{}`)", line.trim())),
        "{sentence}"
    );
    assert!(!sentence.contains("is at 10"), "{sentence}");
    let korean = end_sentence(&run, Lang::Ko);
    assert!(korean.contains(&format!("{at}행(`")), "{korean}");
}

/// The line number after "is at line " in `sentence`.
fn line_after(sentence: &str) -> usize {
    let at = sentence.find("is at line ").expect("a line") + "is at line ".len();
    sentence[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("a number")
}

#[test]
fn a_deadlock_draws_its_cycle_as_a_resource_allocation_graph() {
    let program = TWO_LOCKS;
    let run = simulate(&Scenario::new(&two_threads(program, 0, None)).expect("valid"));
    assert!(run.deadlock().is_none(), "both take a first: no deadlock");
    let mut spec = two_threads(program, 0, None);
    spec.processes[0].threads[1].registers = "bx=1".into();
    spec.policy = PolicySpec::Rr { quantum: 3 };
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    let (nodes, edges) = proclab_app::program_view::wait_graph(&run).expect("a deadlock");
    let labels: Vec<(&str, bool, bool)> = nodes
        .iter()
        .map(|node| (node.label.as_str(), node.resource, node.in_cycle))
        .collect();
    assert_eq!(
        labels,
        [
            ("P1.T1", false, true),
            ("P1:b", true, true),
            ("P1.T2", false, true),
            ("P1:a", true, true)
        ]
    );
    // T1 requests b, b is held by T2, T2 requests a, a is held by T1: all four in the cycle.
    let arrows: Vec<(usize, usize, bool)> = edges
        .iter()
        .map(|edge| (edge.from, edge.to, edge.request))
        .collect();
    assert_eq!(
        arrows,
        [(0, 1, true), (2, 3, true), (1, 2, false), (3, 0, false)]
    );
    assert!(edges.iter().all(|edge| edge.in_cycle));
    let state = run.state_at(run.end_tick());
    let spaces = address_spaces(&run, &state, Lang::En);
    let sync: Vec<(&str, &str, Vec<String>)> = spaces[0]
        .sync
        .iter()
        .map(|row| (row.name.as_str(), row.state.as_str(), row.waiters.clone()))
        .collect();
    assert_eq!(
        sync,
        [
            ("a", "held by P1.T1", vec!["P1.T2".to_string()]),
            ("b", "held by P1.T2", vec!["P1.T1".to_string()])
        ]
    );
}

#[test]
fn a_shared_word_shows_as_shared_in_every_process_with_its_last_writer_whatever_the_process() {
    let spec = proclab_core::presets::preset("shm-race").unwrap().spec;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let state = run.state_at(run.end_tick());
    let spaces =
        proclab_app::program_view::address_spaces(&run, &state, proclab_app::lang::Lang::En);
    assert_eq!(spaces.len(), 2);
    let last_store = run
        .program_steps()
        .iter()
        .rev()
        .find(|step| {
            !step
                .accesses
                .as_slice()
                .iter()
                .all(|a| a.kind != proclab_core::program::AccessKind::Write)
        })
        .unwrap();
    let writer = proclab_app::program_words::thread_name(run.scenario(), last_store.thread);
    for space in &spaces {
        let counter = &space.words[0];
        assert!(counter.shared);
        assert_eq!(counter.last_writer, Some((writer.clone(), last_store.tick)));
    }
}

#[test]
fn a_step_that_blocks_says_why_full_empty_or_held() {
    let spec = proclab_core::presets::preset("pipe-writer-reader")
        .expect("the pipe preset")
        .spec;
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    let analysis = analyse(&run);
    let lines = step_lines(&run, &analysis, Lang::En);
    let blocked = |who: &str| -> Vec<&str> {
        lines
            .iter()
            .filter(|line| line.who.starts_with(who) && line.effect.contains("blocks"))
            .map(|line| line.effect.as_str())
            .collect()
    };
    // The writer's third write finds 1 and 2 in the pipe of 2; the reader later finds it empty.
    assert_eq!(blocked("Writer"), ["pipe full: waits (blocks)"]);
    assert_eq!(blocked("Reader"), ["pipe empty: waits (blocks)"]);
    let korean = step_lines(&run, &analysis, Lang::Ko);
    assert!(korean
        .iter()
        .any(|line| line.effect == "파이프가 가득 참: 기다림(대기)"));

    let deadlock = proclab_core::presets::preset("philosophers-deadlock")
        .expect("the philosophers")
        .spec;
    let run = simulate(&Scenario::new(&deadlock).expect("valid"));
    let lines = step_lines(&run, &analyse(&run), Lang::En);
    let held = lines
        .iter()
        .filter(|line| line.effect == "mutex held by another thread: waits (blocks)")
        .count();
    assert_eq!(held, 3, "each philosopher waits once for the right fork");
}

#[test]
fn every_semaphore_and_mutex_step_says_what_it_did_as_the_machine_state_shows() {
    // The bounded buffer: each wait takes 1 or blocks, each signal adds 1 or wakes the waiter the
    // next instant's state no longer lists, each lock and unlock of m says so.
    let spec = proclab_core::presets::preset("producer-consumer-semaphores")
        .expect("the bounded buffer")
        .spec;
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    let lines = step_lines(&run, &analyse(&run), Lang::En);
    let value = |tick: u64, name: &str| {
        run.state_at(tick).memories[0]
            .sync
            .iter()
            .find(|object| object.name == name)
            .map(|object| (object.value, object.waiters.len()))
            .expect("declared")
    };
    let mut seen = [0; 5];
    for line in &lines {
        let code = line.code.split('#').next().unwrap_or_default().trim();
        let name = code.split_whitespace().nth(1).unwrap_or_default();
        let synchronizes = ["wait ", "signal ", "lock ", "unlock "]
            .iter()
            .any(|verb| code.starts_with(verb));
        if !synchronizes {
            continue;
        }
        let (before, after) = (value(line.tick, name), value(line.tick + 1, name));
        if code.starts_with("wait ") && !line.effect.contains("blocks") {
            assert_eq!(line.effect, format!("takes 1 from {name} (it was above 0)"));
            assert_eq!(after.0 + 1, before.0, "{code} at t={}", line.tick);
            seen[0] += 1;
        } else if code.starts_with("signal ") && line.effect.starts_with("wakes ") {
            assert!(
                line.effect.ends_with(&format!(", first in {name}'s queue")),
                "{}",
                line.effect
            );
            assert_eq!(
                (after.0, after.1 + 1),
                (before.0, before.1),
                "{code} at t={}",
                line.tick
            );
            seen[1] += 1;
        } else if code.starts_with("signal ") {
            assert_eq!(line.effect, format!("adds 1 to {name} (nobody waits)"));
            assert_eq!(after.0, before.0 + 1, "{code} at t={}", line.tick);
            seen[2] += 1;
        } else if code.starts_with("lock ") {
            assert_eq!(line.effect, format!("takes mutex {name}"));
            seen[3] += 1;
        } else if code.starts_with("unlock ") {
            assert!(
                line.effect.starts_with(&format!("frees mutex {name}"))
                    || line.effect.starts_with(&format!("hands mutex {name} to ")),
                "{}",
                line.effect
            );
            seen[4] += 1;
        }
    }
    assert!(
        seen.iter().all(|count| *count > 0),
        "every kind met: {seen:?}"
    );
    let korean = step_lines(&run, &analyse(&run), Lang::Ko);
    assert!(korean
        .iter()
        .any(|line| line.effect == "empty에서 1을 가져감(0보다 컸음)"));
}

/// The longest wait and the threads still to finish as first defined: every thread's count of
/// instructions by others since it last ran, stepped through the whole run, and the machine at
/// the end. The panel computes both in time that does not grow with the number of threads.
fn longest_wait_by_counting(run: &proclab_core::Run) -> (usize, Option<u32>) {
    let threads = run.scenario().threads().len();
    let mut waited = vec![0usize; threads];
    let mut finished = vec![false; threads];
    let mut longest = (0, None);
    for step in run.program_steps() {
        if matches!(
            step.outcome,
            proclab_core::program::StepOutcome::Halted
                | proclab_core::program::StepOutcome::Fault(_)
        ) {
            finished[step.thread as usize] = true;
        }
        for (other, count) in waited.iter_mut().enumerate() {
            if other as u32 == step.thread {
                *count = 0;
            } else if !finished[other] {
                *count += 1;
                if *count > longest.0 {
                    longest = (*count, Some(other as u32));
                }
            }
        }
    }
    longest
}

fn unfinished_at_the_end(run: &proclab_core::Run) -> Vec<u32> {
    let state = run.state_at(run.end_tick());
    (0..state.threads.len() as u32)
        .filter(|index| {
            let tcb = &state.threads[*index as usize];
            tcb.program.as_ref().is_some_and(|context| !context.halted)
                && tcb.state != proclab_core::ProcessState::Exit
        })
        .collect()
}

#[test]
fn the_longest_wait_and_the_threads_to_choose_agree_with_counting_on_every_example() {
    let mut specs: Vec<ScenarioSpec> = proclab_core::presets::presets()
        .into_iter()
        .map(|preset| preset.spec)
        .filter(|spec| {
            spec.processes
                .iter()
                .any(|process| !process.program.is_empty())
        })
        .collect();
    // Paused schedules, with a thread that never runs or stops halfway.
    for length in [0, 3, 7, 20] {
        specs.push(two_threads(COUNTER, 2, Some(vec![0; length])));
        specs.push(two_threads(
            COUNTER,
            2,
            Some((0..length as u32).map(|i| i % 2).collect()),
        ));
    }
    assert!(specs.len() > 20);
    for spec in specs {
        let run = simulate(&Scenario::new(&spec).expect("valid"));
        assert_eq!(analyse(&run).longest_wait, longest_wait_by_counting(&run));
        assert_eq!(choosable(&run), unfinished_at_the_end(&run));
    }
}

#[test]
fn a_thread_locking_a_mutex_it_holds_is_told_so_not_that_another_holds_it() {
    // One thread locks m twice: it waits for itself, forever.
    let spec = ScenarioSpec {
        processes: vec![ProcessSpec {
            program: ".mutex m\n.main\nlock m\nlock m\nunlock m\nhalt\n".into(),
            ..ProcessSpec::default()
        }],
        policy: PolicySpec::Rr { quantum: 1 },
        ..ScenarioSpec::default()
    };
    let run = simulate(&Scenario::new(&spec).unwrap());
    let lines = step_lines(&run, &analyse(&run), Lang::En);
    let last = &lines.last().unwrap().effect;
    assert_eq!(
        last,
        "mutex already held by this same thread (it cannot lock it twice): waits forever"
    );
    assert!(!lines
        .iter()
        .any(|line| line.effect.contains("another thread")));
    let said = proclab_app::program_words::deadlock(&run, Lang::En);
    assert!(
        said.contains("waits for mutex m, which it holds itself")
            && said.ends_with("waits for itself: only it could unlock that mutex."),
        "{said}"
    );
    let korean = proclab_app::program_words::deadlock(&run, Lang::Ko);
    assert!(korean.contains("자기 자신을 기다립니다"), "{korean}");
}

#[test]
fn a_pipe_operation_that_wakes_a_blocked_thread_says_so() {
    // The pipe holds two values: the writer writes 1 and 2 and blocks on 3; the reader's first
    // read makes room and wakes it. Later the reader finds the pipe empty and blocks; the
    // writer's next write wakes it.
    let spec = proclab_core::presets::preset("pipe-writer-reader")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let effects = |lang| -> Vec<String> {
        step_lines(&run, &analyse(&run), lang)
            .into_iter()
            .map(|line| format!("{}: {}", line.who, line.effect))
            .filter(|line| !line.ends_with(": "))
            .collect()
    };
    let english = effects(Lang::En);
    let blocked = english
        .iter()
        .position(|line| line == "Writer.T1: pipe full: waits (blocks)")
        .expect("the writer blocks on a full pipe");
    assert_eq!(
        english[blocked + 1],
        "Reader.T1: reads 1, waking Writer.T1 (the value it waited to put in goes in)"
    );
    let empty = english
        .iter()
        .position(|line| line == "Reader.T1: pipe empty: waits (blocks)")
        .expect("the reader blocks on an empty pipe");
    // The value goes straight to the waiting reader: said in the writer's line, the reader
    // having none of its own for that read.
    assert_eq!(
        english[empty + 1],
        "Writer.T1: writes 4, handed straight to Reader.T1, which was waiting (its read returns 4)"
    );
    // Only those two wake anyone.
    assert_eq!(
        english
            .iter()
            .filter(|line| line.contains("waking") || line.contains("handed straight"))
            .count(),
        2,
        "{english:#?}"
    );
    let korean = effects(Lang::Ko);
    assert!(
        korean.contains(
            &"Reader.T1: 파이프에서 1 읽음, 기다리던 Writer.T1을 깨움(기다리던 값이 들어감)"
                .to_string()
        ),
        "{korean:#?}"
    );
}

#[test]
fn each_cpu_box_names_the_instruction_its_thread_runs_in_the_tick_as_the_run_executed_it() {
    for id in [
        "race-two-threads",
        "race-two-cpus",
        "pipe-writer-reader",
        "mutex-blocking",
    ] {
        let spec = proclab_core::presets::preset(id).expect("a preset").spec;
        let run = proclab_core::simulate_spec(&spec).expect("valid");
        let scenario = run.scenario();
        let mut shown = 0;
        for tick in 0..run.end_tick() {
            let state = run.state_at(tick);
            let code = proclab_app::program_view::running_code(scenario, &state);
            // The run's own record: the instructions executed during this tick, by CPU.
            let executed: Vec<_> = run
                .program_steps()
                .iter()
                .filter(|step| step.tick == tick)
                .collect();
            for (cpu, text) in &code {
                let step = executed
                    .iter()
                    .find(|step| step.cpu == *cpu)
                    .unwrap_or_else(|| {
                        panic!("{id} t={tick}: CPU {cpu} shows {text} but ran none")
                    });
                let (line, source) =
                    proclab_app::program_view::source_of(scenario, step.thread, step.pc);
                assert_eq!(
                    *text,
                    format!("▶ {}: {}", line.expect("a line"), source.trim()),
                    "{id} t={tick}"
                );
                shown += 1;
            }
        }
        assert!(shown > 10, "{id}: {shown}");
    }
}

#[test]
fn the_presented_line_gives_the_counter_the_updates_lost_so_far_and_the_locks() {
    use proclab_app::program_view::{analyse, presented_line};
    let race = proclab_core::presets::preset("race-two-threads")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&race).unwrap();
    let analysis = analyse(&run);
    assert!(!analysis.lost.is_empty(), "the race loses an update");
    let end = run.state_at(run.end_tick());
    let line = presented_line(&run, &end, &analysis, Lang::En).unwrap();
    let counter = proclab_app::program_view::address_spaces(&run, &end, Lang::En)[0]
        .words
        .iter()
        .find(|word| word.name == "counter")
        .unwrap()
        .value;
    assert_eq!(
        line,
        format!(
            "counter = {counter} · Updates lost: {}",
            analysis.lost.len()
        )
    );
    // At the start nothing is lost yet.
    let start = presented_line(&run, &run.state_at(0), &analysis, Lang::En).unwrap();
    assert_eq!(start, "counter = 0 · Updates lost: 0");
    // A mutex says who holds it, a semaphore its value; a run of bursts has no line.
    let mutex = proclab_core::presets::preset("mutex-blocking")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&mutex).unwrap();
    let analysis = analyse(&run);
    let held = (0..run.end_tick())
        .filter_map(|tick| presented_line(&run, &run.state_at(tick), &analysis, Lang::En))
        .find(|line| line.contains("held by"));
    assert!(held.is_some(), "the mutex is held at some tick");
    let fcfs = proclab_core::presets::preset("fcfs-convoy").unwrap().spec;
    let run = proclab_core::simulate_spec(&fcfs).unwrap();
    assert_eq!(
        presented_line(&run, &run.state_at(0), &analyse(&run), Lang::En),
        None
    );
}

#[test]
fn the_presented_line_puts_the_semaphores_first() {
    use proclab_app::program_view::{analyse, presented_line};
    let spec = proclab_core::presets::preset("producer-consumer-semaphores")
        .unwrap()
        .spec;
    let run = proclab_core::simulate_spec(&spec).unwrap();
    let line = presented_line(&run, &run.state_at(0), &analyse(&run), Lang::En).unwrap();
    assert!(line.starts_with("m: free · empty: value"), "{line}");
    // An array as one list, in index order.
    assert!(
        line.contains(
            "full: value 0 · buf = [0, 0, 0] · in = 0 · out = 0 · got = [0, 0, 0, 0, 0, 0]"
        ),
        "{line}"
    );
    let end = presented_line(
        &run,
        &run.state_at(run.end_tick()),
        &analyse(&run),
        Lang::En,
    )
    .unwrap();
    assert!(end.ends_with("got = [1, 2, 3, 4, 5, 6]"), "{end}");
}

/// A thread blocked on a full pipe is told a read wakes it, not a release or a signal (a student
/// in "you are the scheduler" had read lock words for a pipe).
#[test]
fn a_writer_blocked_on_a_full_pipe_is_told_what_wakes_it() {
    use proclab_app::program_view::{channel_wait_at_the_pause, ChannelWait};
    let process = |name: &str, program: &str| ProcessSpec {
        name: name.into(),
        program: program.into(),
        ..ProcessSpec::default()
    };
    let spec = ScenarioSpec {
        processes: vec![
            process(
                "W",
                ".pipe p 1\n.main\nmov $1, %ax\nwrite p, %ax\nwrite p, %ax\nhalt\n",
            ),
            process("R", ".pipe p 1\n.main\nread p, %ax\nhalt\n"),
        ],
        policy: PolicySpec::Rr { quantum: 1 },
        schedule: Some(ScheduleSpec {
            threads: vec![0, 0, 0],
            repeat: false,
        }),
        ..ScenarioSpec::default()
    };
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    let open = choosable(&run);
    let blocked = blocked_at_the_pause(&run, &open);
    let writer = open
        .iter()
        .position(|thread| *thread == 0)
        .expect("W offered");
    let object = blocked[writer].clone().expect("W blocked");
    assert_eq!(channel_wait_at_the_pause(&run, 0), Some(ChannelWait::Full));
    let words = blocked_words(&object, channel_wait_at_the_pause(&run, 0), Lang::En);
    assert!(
        words.contains("(full): wakes when another thread's read"),
        "{words}"
    );
    assert!(!words.contains("releases"), "{words}");
}

#[test]
fn bursts_with_operations_exit_as_bursts_do_not_by_a_halt_nobody_wrote() {
    let bursts = proclab_app::draft::parse_bursts("2 lock m 3 unlock m 1").expect("bursts");
    let spec = ScenarioSpec {
        processes: vec![ProcessSpec {
            name: "P1".into(),
            bursts,
            ..ProcessSpec::default()
        }],
        policy: PolicySpec::Fcfs,
        ..ScenarioSpec::default()
    };
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    let end = run.state_at(run.end_tick());
    for lang in [Lang::En, Lang::Ko] {
        let said: Vec<String> = run
            .events()
            .iter()
            .enumerate()
            .map(|(index, event)| {
                proclab_app::watch::narrate::narrate_in(&run, index, event, &end, lang)
            })
            .collect();
        let exit = lang.pick([
            "마지막 버스트를 마치고 종료합니다",
            "finishes its last burst and exits",
        ]);
        assert!(said.iter().any(|line| line.contains(exit)), "{said:?}");
        assert!(!said.iter().any(|line| line.contains("halt")), "{said:?}");
    }
    // A program its student wrote still exits by its halt.
    let run = simulate(&Scenario::new(&two_threads(COUNTER, 1, None)).expect("valid"));
    let end = run.state_at(run.end_tick());
    assert!(run.events().iter().enumerate().any(|(index, event)| {
        proclab_app::watch::narrate::narrate_in(&run, index, event, &end, Lang::En)
            .contains("runs halt and exits")
    }));
}

#[test]
fn a_demotion_is_told_before_the_pick_it_leads_to() {
    // OSTEP's boosted MLFQ: A alone at t=10 and t=20 uses up its quantum and its allotment at
    // once. The log reads cause before effect: the interrupt, the demotion, then A picked again.
    let spec = proclab_core::presets::preset("mlfq-ostep-boost")
        .expect("the preset")
        .spec;
    let run = proclab_core::simulate_spec(&spec).expect("valid");
    let mut told = 0;
    for (index, event) in run.events().iter().enumerate() {
        if !matches!(event.cause, proclab_core::Cause::Demoted { .. }) {
            continue;
        }
        let state = run.state_at(event.tick);
        for lang in [Lang::En, Lang::Ko] {
            let lines: Vec<(usize, String)> = run
                .events()
                .iter()
                .enumerate()
                .filter(|(_, other)| other.tick == event.tick && other.thread == event.thread)
                .map(|(at, other)| {
                    (
                        at,
                        proclab_app::watch::narrate::narrate_in(&run, at, other, &state, lang),
                    )
                })
                .collect();
            let again = lang.pick(["다시", "picked again"]);
            for (at, line) in &lines {
                if *at < index {
                    assert!(!line.contains(again), "before the demotion: {line}");
                }
            }
            told += 1;
        }
    }
    assert!(told >= 4, "demotions at t=10 and t=20, in both languages");
}
