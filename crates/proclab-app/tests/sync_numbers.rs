//! The synchronization lesson's figures (`counter-*`, `race-*`, `lock-*`, `mutex-blocking`,
//! `deadlock-*`, `philosophers-*`, `producer-consumer-semaphores`, `readers-writers`), each
//! recomputed from the
//! preset's own run in both languages: what the counter ends at against what the threads were
//! asked to add (the sum of their `%bx`; `%cx` for Peterson's), the interleaving that lost an
//! update, the tick from which two threads were inside, the instructions spent on tries that
//! failed, the swaps of a taken lock, the order of tickets and entries, the ticks spent
//! Blocked, who waits for whom when a run deadlocks (as the page's deadlock line says it), and
//! the items a bounded buffer hands over.
//!
//! The programs mark their parts with labels (`.lock`, `.critical`, `.unlock`, see
//! `proclab_core::presets`); the checks find every address through them.

mod common;

use common::{claim, claim_in, run};
use proclab_app::draft::Draft;
use proclab_app::lang::Lang;
use proclab_app::program_words;
use proclab_core::presets::{preset, PresetId};
use proclab_core::program::{AccessKind, Deadlock, Program, Register, RunEnd, StepOutcome};
use proclab_core::{simulate_spec, Cause, PolicySpec, Run};

/// The synchronization presets: every preset whose processes run programs (a new one is covered
/// without being listed here).
fn sync_presets() -> Vec<PresetId> {
    PresetId::ALL
        .into_iter()
        .filter(|id| {
            preset(id.as_str())
                .is_some_and(|preset| preset.spec.processes.iter().any(|p| !p.program.is_empty()))
        })
        .collect()
}

/// The presets whose lesson is a deadlock: their runs end in one, every other one finishes.
const DEADLOCKS: [PresetId; 2] = [PresetId::DeadlockTwoLocks, PresetId::PhilosophersDeadlock];

/// The program of the run's first process.
fn program(run: &Run) -> &Program {
    run.scenario().processes()[0]
        .program()
        .expect("a synchronization preset runs a program")
}

fn label(run: &Run, name: &str) -> u32 {
    program(run)
        .labels()
        .iter()
        .find(|label| label.name == name)
        .unwrap_or_else(|| panic!("the program has no label {name}"))
        .address
}

fn address(run: &Run, variable: &str) -> u32 {
    program(run)
        .variables()
        .iter()
        .find(|declared| declared.name == variable)
        .unwrap_or_else(|| panic!("the program has no variable {variable}"))
        .address
}

fn thread_name(run: &Run, thread: u32) -> String {
    run.scenario().threads()[thread as usize].name().to_string()
}

/// Variable `name` of process `pid` when the run ends.
fn final_value(run: &Run, pid: u32, name: &str) -> i64 {
    let state = run.state_at(run.end_tick());
    let memory = state
        .memories
        .iter()
        .find(|memory| memory.pid == pid)
        .expect("a program's memory");
    memory
        .words
        .iter()
        .find(|(word, _, _)| word == name)
        .expect("the variable")
        .2
}

/// What the threads of process `pid` were asked to add: the sum of their initial `register`.
fn asked(run: &Run, pid: u32, register: Register) -> Vec<i64> {
    run.scenario()
        .threads()
        .iter()
        .filter(|thread| thread.pid() == pid)
        .map(|thread| {
            thread
                .registers()
                .iter()
                .find(|(name, _)| *name == register)
                .map_or(0, |(_, value)| *value)
        })
        .collect()
}

/// The lesson's "ends at 5 (expected 6)": the shared counter against the sum asked for.
fn claim_end(id: PresetId, run: &Run, register: Register) -> (i64, i64) {
    let got = final_value(run, 0, "counter");
    let want: i64 = asked(run, 0, register).iter().sum();
    claim_in(id, Lang::En, &format!("ends at {got} (expected {want})"));
    claim_in(
        id,
        Lang::Ko,
        &format!("최종값은 {got}입니다(기대값 {want})"),
    );
    (got, want)
}

/// The lesson's timer: "every 4 instructions".
fn claim_timer(id: PresetId, run: &Run) {
    let PolicySpec::Rr { quantum } = run.scenario().policy() else {
        panic!("{id} has a timer");
    };
    claim_in(id, Lang::En, &format!("every {quantum} instructions"));
    claim_in(id, Lang::Ko, &format!("명령어 {quantum}개마다"));
}

/// One load or store of a variable, in the order the machine made them.
#[derive(Clone, Copy, Debug)]
struct Access {
    tick: u64,
    thread: u32,
    address: u32,
    store: bool,
    value: i64,
}

/// The loads and stores of the words in `words`, in order (an `xchg` or `fetchadd` gives both).
fn accesses(run: &Run, words: impl Fn(u32) -> bool) -> Vec<Access> {
    run.program_steps()
        .iter()
        .flat_map(|step| {
            step.accesses.as_slice().iter().map(|access| Access {
                tick: step.tick,
                thread: step.thread,
                address: access.address,
                store: access.kind == AccessKind::Write,
                value: access.value,
            })
        })
        .filter(|access| words(access.address))
        .collect()
}

fn counter_accesses(run: &Run) -> Vec<Access> {
    let counter = address(run, "counter");
    accesses(run, |word| word == counter)
}

/// Every `counter += 1` of a lock-free program: a load and the same thread's next store.
fn updates(counter: &[Access]) -> Vec<(usize, usize)> {
    counter
        .iter()
        .enumerate()
        .filter(|(_, access)| !access.store)
        .filter_map(|(load, access)| {
            let store = counter[load + 1..]
                .iter()
                .position(|later| later.thread == access.thread && later.store)?;
            Some((load, load + 1 + store))
        })
        .collect()
}

/// The first lost update: the first store that overwrote another thread's store made since its
/// load, with the loads and stores (in order) of every update that loaded the same value.
fn first_lost_update(counter: &[Access]) -> Vec<Access> {
    let updates = updates(counter);
    let &(load, store) = updates
        .iter()
        .filter(|(load, store)| {
            updates
                .iter()
                .any(|(_, other)| other > load && other < store)
        })
        .min_by_key(|(_, store)| *store)
        .expect("an update is lost");
    let loaded = counter[load].value;
    let mut round: Vec<usize> = updates
        .iter()
        .filter(|(other, _)| counter[*other].value == loaded && *other < store)
        .flat_map(|(load, store)| [*load, *store])
        .collect();
    round.sort_unstable();
    round.into_iter().map(|index| counter[index]).collect()
}

/// The interleaving as each language writes it: "T1 loads 2, T2 loads 2, T1 stores 3, ...".
fn interleaving(run: &Run, round: &[Access]) -> [String; 2] {
    interleaving_named(round, |thread| thread_name(run, thread))
}

/// The interleaving with each access named by `name` of its thread.
fn interleaving_named(round: &[Access], name: impl Fn(u32) -> String) -> [String; 2] {
    let words = |load: &str, store: &str, korean: bool| {
        round
            .iter()
            .map(|access| {
                let name = name(access.thread);
                let verb = if access.store { store } else { load };
                if korean {
                    format!("{name} {verb}({})", access.value)
                } else {
                    format!("{name} {verb} {}", access.value)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    [words("읽기", "쓰기", true), words("loads", "stores", false)]
}

fn claim_interleaving(id: PresetId, run: &Run, round: &[Access]) {
    for (lang, text) in Lang::ALL.into_iter().zip(interleaving(run, round)) {
        claim_in(id, lang, &text);
    }
}

/// The first tick at which two threads are both between `.critical` and `.unlock`: past the
/// lock's check, and the lock not yet given back. A thread blocked in `lock m` is not inside:
/// its pc is already at `.critical` (the `lock` is done once the mutex is handed over) but it
/// waits for the mutex.
fn first_tick_two_inside(run: &Run) -> Option<u64> {
    let inside = label(run, ".critical")..=label(run, ".unlock");
    (0..=run.end_tick()).find(|&tick| {
        let state = run.state_at(tick);
        let count = state
            .threads
            .iter()
            .filter_map(|thread| thread.program.as_ref())
            .filter(|context| {
                !context.halted && context.waiting_for.is_none() && inside.contains(&context.pc)
            })
            .count();
        count >= 2
    })
}

/// Instructions spent on tries that failed. A try starts at each visit to `.lock`; it failed if
/// the thread came back to `.lock` before reaching `.critical`, and then every one of its
/// instructions was spent waiting.
fn failed_tries(run: &Run) -> u64 {
    let waiting = label(run, ".lock")..label(run, ".critical");
    let mut spent = 0;
    for thread in 0..run.scenario().threads().len() as u32 {
        let mut this_try = 0;
        for step in run
            .program_steps()
            .iter()
            .filter(|step| step.thread == thread)
        {
            if step.pc == waiting.start {
                spent += this_try;
                this_try = 0;
            }
            this_try = if waiting.contains(&step.pc) {
                this_try + 1
            } else {
                0
            };
        }
    }
    spent
}

/// `xchg`es of the lock word that found it taken: each one a write to a lock someone holds.
fn swaps_of_a_taken_lock(run: &Run) -> usize {
    let lock = address(run, "lock");
    let steps = run.program_steps();
    steps
        .iter()
        .filter(|step| match step.accesses.as_slice() {
            [read, write] => {
                read.address == lock
                    && read.kind == AccessKind::Read
                    && write.kind == AccessKind::Write
                    && read.value != 0
            }
            _ => false,
        })
        .count()
}

/// The steps at which a thread entered the critical section, in order.
fn entries(run: &Run) -> Vec<(u64, u32)> {
    let critical = label(run, ".critical");
    run.program_steps()
        .iter()
        .filter(|step| step.pc == critical)
        .map(|step| (step.tick, step.thread))
        .collect()
}

fn names(run: &Run, threads: impl IntoIterator<Item = u32>) -> String {
    threads
        .into_iter()
        .map(|thread| thread_name(run, thread))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether `name` read in Korean ends in a consonant, for the particle after it: the thread and
/// sync object names here end in a digit (read 영, 일, 삼, 육, 칠, 팔: a consonant) or in a
/// lone letter (read 엘, 엠, 엔, 알: a consonant).
fn ends_in_consonant(name: &str) -> bool {
    match name.chars().last() {
        Some(digit) if digit.is_ascii_digit() => matches!(digit, '0' | '1' | '3' | '6' | '7' | '8'),
        Some(letter) => matches!(letter.to_ascii_lowercase(), 'l' | 'm' | 'n' | 'r'),
        None => false,
    }
}

/// `name` and its topic particle (은/는).
fn topic(name: &str) -> String {
    let particle = if ends_in_consonant(name) {
        "은"
    } else {
        "는"
    };
    format!("{name}{particle}")
}

/// `name` and its subject particle (이/가).
fn subject(name: &str) -> String {
    let particle = if ends_in_consonant(name) {
        "이"
    } else {
        "가"
    };
    format!("{name}{particle}")
}

/// A thread as the page's deadlock line names it (`P1.T1`).
fn page_name(run: &Run, thread: u32) -> String {
    program_words::thread_name(run.scenario(), thread)
}

/// The instruction a step executed, as written (`lock a`).
fn instruction(run: &Run, pc: u32) -> &str {
    program_words::instruction_text(run.scenario(), 0, pc)
}

/// `thread` as an index in the scenario's thread table.
fn thread_index(run: &Run, thread: proclab_core::ThreadRef) -> u32 {
    run.scenario()
        .threads()
        .iter()
        .position(|entry| entry.pid() == thread.pid && entry.tid() == thread.tid)
        .expect("a thread of the scenario") as u32
}

/// Every wait for a sync object: (tick, thread, the object's name).
fn waits(run: &Run) -> Vec<(u64, u32, String)> {
    let program = program(run);
    run.events()
        .iter()
        .filter_map(|event| match event.cause {
            Cause::Waits { object } => {
                let name = program.sync_name(object).to_string();
                Some((event.tick, thread_index(run, event.thread), name))
            }
            _ => None,
        })
        .collect()
}

/// The tick of the instruction (as the interleaving lists it, `t=`) whose outcome was an event at
/// `event_tick`: `thread`'s step in the tick before, checked to be `text`.
fn step_before(run: &Run, thread: u32, event_tick: u64, text: &str) -> u64 {
    let step = run
        .program_steps()
        .iter()
        .find(|step| step.thread == thread && step.tick + 1 == event_tick)
        .expect("a step in the tick before the event");
    assert_eq!(instruction(run, step.pc), text);
    step.tick
}

/// Every wake-up: (tick, the woken thread, the thread whose `unlock` or `signal` woke it).
fn wakes(run: &Run) -> Vec<(u64, u32, u32)> {
    run.events()
        .iter()
        .filter_map(|event| match event.cause {
            Cause::Woken { by } => Some((
                event.tick,
                thread_index(run, event.thread),
                thread_index(run, by),
            )),
            _ => None,
        })
        .collect()
}

/// The program's source without comments and blank lines, one instruction or directive a line.
fn code(run: &Run) -> Vec<String> {
    run.scenario().spec().processes[0]
        .program
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

/// The two lines after `label` swapped: the fix by lock ordering, as a change of the program.
fn swapped_after(mut lines: Vec<String>, label: &str) -> Vec<String> {
    let at = lines
        .iter()
        .position(|line| line == label)
        .unwrap_or_else(|| panic!("no {label}"));
    lines.swap(at + 1, at + 2);
    lines
}

/// Every word of variable `name` when the run ends, in order.
fn final_words(run: &Run, name: &str) -> Vec<i64> {
    let variable = program(run)
        .variables()
        .iter()
        .find(|declared| declared.name == name)
        .unwrap_or_else(|| panic!("the program has no variable {name}"));
    let state = run.state_at(run.end_tick());
    (0..variable.words)
        .map(|index| {
            let address = variable.address + 4 * index;
            state.memories[0]
                .words
                .iter()
                .find(|(_, word, _)| *word == address)
                .expect("a word of the variable")
                .2
        })
        .collect()
}

fn listed(values: &[i64]) -> String {
    values
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The tick a run deadlocked at; the lesson says it, and the page's deadlock line too.
fn claim_deadlock_tick(id: PresetId, run: &Run) -> u64 {
    let RunEnd::Deadlock { tick } = run.end() else {
        panic!("{id} deadlocks: {:?}", run.end());
    };
    assert_eq!(tick, run.end_tick());
    claim_in(id, Lang::En, &format!("deadlock at tick {tick}"));
    claim_in(id, Lang::Ko, &format!("{tick}틱에 교착 상태"));
    for (lang, words) in [(Lang::En, "Deadlock at tick"), (Lang::Ko, "교착 상태(시각")] {
        assert!(program_words::deadlock(run, lang).contains(&format!("{words} {tick}")));
    }
    tick
}

/// Who waits for which mutex held by whom, and the circle they make, as the page's deadlock line
/// names them: every wait and the cycle in both languages, each of which the page also shows.
fn claim_circular_wait(id: PresetId, run: &Run) -> Deadlock {
    let report = run.deadlock().expect("a deadlock report").clone();
    let page = |lang| program_words::deadlock(run, lang);
    for edge in &report.waits {
        assert_eq!(
            edge.object.kind,
            proclab_core::SyncKind::Mutex,
            "{id} waits for mutexes"
        );
        let waiter = page_name(run, edge.thread);
        let holder = page_name(run, edge.holder.expect("a mutex has a holder"));
        let english = format!("{waiter} waits for mutex {}, held by {holder}", edge.name);
        assert!(page(Lang::En).contains(&english), "{}", page(Lang::En));
        claim_in(id, Lang::En, &english);
        claim_in(
            id,
            Lang::Ko,
            &format!(
                "{} {} 가진 뮤텍스 {}",
                topic(&waiter),
                subject(&holder),
                edge.name
            ),
        );
    }
    assert_eq!(
        report.waits.len(),
        run.scenario().threads().len(),
        "every thread waits"
    );
    let mut circle: Vec<String> = report
        .cycle
        .iter()
        .map(|&thread| page_name(run, thread))
        .collect();
    assert_eq!(
        circle.len(),
        report.waits.len(),
        "every thread is in the circle"
    );
    circle.push(circle[0].clone());
    let circle = circle.join(" → ");
    for lang in Lang::ALL {
        assert!(page(lang).contains(&circle), "{}", page(lang));
        claim_in(id, lang, &circle);
    }
    report
}

#[test]
fn every_synchronization_preset_finishes_or_deadlocks_well_inside_its_budget() {
    for id in sync_presets() {
        let run = run(id);
        if DEADLOCKS.contains(&id) {
            assert!(matches!(run.end(), RunEnd::Deadlock { .. }), "{id}");
        } else {
            assert_eq!(run.end(), RunEnd::Finished, "{id}");
        }
        let budget = run.scenario().machine().instruction_budget;
        assert!(run.program_steps().len() as u64 * 4 < budget, "{id}");
        // The metrics table marks the processes a deadlock left unfinished: here, all of them.
        let unfinished = proclab_app::chart::text::unfinished_processes(&run);
        if DEADLOCKS.contains(&id) {
            assert_eq!(
                unfinished,
                vec![true; run.scenario().processes().len()],
                "{id}"
            );
        } else {
            assert!(unfinished.is_empty(), "{id}");
        }
    }
}

/// A run stopped at its budget marks only the process that never finished (read from the
/// trace's exits).
#[test]
fn a_stopped_run_marks_only_its_unfinished_processes() {
    let mut spec = preset(PresetId::MutexBlocking.as_str()).unwrap().spec;
    let mut spinner = spec.processes[0].clone();
    spinner.name = "Spin".into();
    spinner.program = ".main\n.top\nj .top\nhalt\n".into();
    spinner.threads.truncate(1);
    spec.processes.push(spinner);
    let run = simulate_spec(&spec).expect("valid");
    assert!(
        matches!(run.end(), RunEnd::BudgetExhausted { .. }),
        "{:?}",
        run.end()
    );
    assert_eq!(
        proclab_app::chart::text::unfinished_processes(&run),
        [false, true]
    );
}

#[test]
fn every_synchronization_preset_survives_the_page_editor() {
    // The page shows a preset's banner only while the workspace holds exactly its spec.
    for id in sync_presets() {
        let spec = preset(id.as_str()).expect("a preset").spec;
        let (read, problems) = Draft::from_spec(&spec).read();
        assert!(problems.is_empty(), "{id}: {problems:?}");
        assert_eq!(read, spec, "{id}");
    }
}

#[test]
fn threads_share_one_counter_and_processes_have_one_each() {
    let threads = run(PresetId::CounterThreads);
    let each = asked(&threads, 0, Register::Bx);
    assert!(each.iter().all(|count| *count == each[0]));
    claim_in(
        PresetId::CounterThreads,
        Lang::En,
        &format!("each add {}", each[0]),
    );
    claim_in(
        PresetId::CounterThreads,
        Lang::Ko,
        &format!("각각 {}씩", each[0]),
    );
    let got = final_value(&threads, 0, "counter");
    assert_eq!(got, each.iter().sum::<i64>());
    let sum = each
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(" + ");
    claim(PresetId::CounterThreads, format!("{got} = {sum}"));
    claim_timer(PresetId::CounterThreads, &threads);
    // "Never falls between a load and its store": each load's next access is its own store.
    let counter = counter_accesses(&threads);
    for (load, store) in updates(&counter) {
        assert_eq!(store, load + 1, "an access between a load and its store");
    }

    let processes = run(PresetId::CounterProcesses);
    assert_eq!(processes.scenario().processes().len(), 2);
    assert_eq!(
        processes.scenario().policy(),
        threads.scenario().policy(),
        "the same timer as the threads"
    );
    let mut ends = Vec::new();
    for pid in 0..2 {
        let got = final_value(&processes, pid, "counter");
        assert_eq!(
            got,
            asked(&processes, pid, Register::Bx).iter().sum::<i64>()
        );
        ends.push(got);
    }
    assert_eq!(ends[0], ends[1]);
    claim_in(
        PresetId::CounterProcesses,
        Lang::En,
        &format!("each end at {}", ends[0]),
    );
    claim_in(
        PresetId::CounterProcesses,
        Lang::Ko,
        &format!("각각 {}이 됩니다", ends[0]),
    );
}

#[test]
fn two_threads_lose_one_update_and_the_lesson_shows_how() {
    let id = PresetId::RaceTwoThreads;
    let run = run(id);
    let (got, want) = claim_end(id, &run, Register::Bx);
    assert_eq!(want - got, 1, "one update is lost");
    claim_timer(id, &run);
    let round = first_lost_update(&counter_accesses(&run));
    claim_interleaving(id, &run, &round);
    // "T2 overwrites T1's update": the round's last store is T2's, over T1's.
    let stores: Vec<u32> = round
        .iter()
        .filter(|access| access.store)
        .map(|access| access.thread)
        .collect();
    let [first, last] = stores[..] else {
        panic!("two stores: {round:?}")
    };
    let (victim, winner) = (thread_name(&run, first), thread_name(&run, last));
    claim_in(
        id,
        Lang::En,
        &format!("{winner} overwrites {victim}'s update"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("{winner}가 {victim}의 갱신을 덮어써"),
    );
}

#[test]
fn three_threads_lose_two_updates_in_one_round() {
    let id = PresetId::RaceThreeThreads;
    let run = run(id);
    assert_eq!(run.scenario().threads().len(), 3);
    assert_eq!(
        run.scenario().policy(),
        &preset("race-two-threads").expect("a preset").spec.policy,
        "the same timer"
    );
    let (got, want) = claim_end(id, &run, Register::Bx);
    let round = first_lost_update(&counter_accesses(&run));
    claim_interleaving(id, &run, &round);
    // Every thread loaded the same value before any stored, and that round is every loss.
    let lost_at_once = round.len() / 2 - 1;
    assert_eq!(round.len() / 2, 3, "all three threads: {round:?}");
    assert!(round[..3].iter().all(|access| !access.store));
    assert_eq!(want - got, lost_at_once as i64);
    claim_in(
        id,
        Lang::En,
        &format!("{lost_at_once} updates are lost at once"),
    );
    claim_in(id, Lang::Ko, &format!("갱신 {lost_at_once}개를 한꺼번에"));
}

#[test]
fn two_cpus_race_with_no_timer_at_all() {
    let id = PresetId::RaceTwoCpus;
    let run = run(id);
    assert_eq!(run.scenario().machine().cpus, 2);
    claim_in(id, Lang::En, "T1 on CPU 0 and T2 on CPU 1");
    claim_in(id, Lang::Ko, "CPU 0의 T1과 CPU 1의 T2");
    // "Nothing preempts": no slice ends by the timer or by a preemption.
    assert!(!run
        .events()
        .iter()
        .any(|event| matches!(event.cause, Cause::QuantumExpired | Cause::Preempted { .. })));
    for step in run.program_steps() {
        assert_eq!(step.cpu, step.thread, "T1 on CPU 0, T2 on CPU 1");
    }
    let (got, want) = claim_end(id, &run, Register::Bx);
    let counter = counter_accesses(&run);
    claim_interleaving(id, &run, &first_lost_update(&counter));
    // "The same value every round": both threads load the same values, so every round loses one.
    let loads_of = |thread: u32| -> Vec<i64> {
        counter
            .iter()
            .filter(|access| access.thread == thread && !access.store)
            .map(|access| access.value)
            .collect()
    };
    assert_eq!(loads_of(0), loads_of(1));
    assert_eq!(want - got, loads_of(0).len() as i64);
}

#[test]
fn a_flag_looked_at_then_raised_lets_both_threads_in() {
    let id = PresetId::LockFlagBroken;
    let run = run(id);
    claim_timer(id, &run);
    let (got, want) = claim_end(id, &run, Register::Bx);
    assert!(got < want);
    let tick = first_tick_two_inside(&run).expect("two threads inside at once");
    claim_in(id, Lang::En, &format!("from tick {tick} both are inside"));
    claim_in(id, Lang::Ko, &format!("{tick}틱부터 둘 다 임계 구역 안에"));
    // "T2 sees the flag down before T1 has raised it."
    let busy = address(&run, "busy");
    let flag = accesses(&run, |word| word == busy);
    let raised = flag
        .iter()
        .position(|access| access.store && access.value == 1)
        .expect("the flag is raised");
    let raiser = flag[raised].thread;
    let other = flag[..raised]
        .iter()
        .find(|access| !access.store && access.value == 0 && access.thread != raiser)
        .expect("another thread saw the flag down first")
        .thread;
    let (raiser, other) = (thread_name(&run, raiser), thread_name(&run, other));
    claim_in(
        id,
        Lang::En,
        &format!("{other} sees the flag down before {raiser} has raised it"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("{raiser}이 플래그를 올리기 전에 {other}도 내려간 플래그를 보고"),
    );
}

#[test]
fn an_exchange_lock_counts_right_and_spins_while_the_holder_is_out() {
    let id = PresetId::LockXchg;
    let run = run(id);
    let (got, want) = claim_end(id, &run, Register::Bx);
    assert_eq!(got, want);
    assert_eq!(first_tick_two_inside(&run), None);
    claim_timer(id, &run);
    let spent = failed_tries(&run);
    assert!(spent > 0);
    claim_in(
        id,
        Lang::En,
        &format!("{spent} instructions go to tries that fail"),
    );
    claim_in(id, Lang::Ko, &format!("실패한 시도에 명령어 {spent}개"));
}

#[test]
fn yielding_spends_fewer_instructions_waiting_than_spinning() {
    let id = PresetId::LockYield;
    let yielding = run(id);
    let spinning = run(PresetId::LockXchg);
    assert_eq!(yielding.scenario().policy(), spinning.scenario().policy());
    assert_eq!(yielding.scenario().machine(), spinning.scenario().machine());
    let (got, want) = claim_end(id, &yielding, Register::Bx);
    assert_eq!(got, want);
    assert_eq!(first_tick_two_inside(&yielding), None);
    let (waited, spun) = (failed_tries(&yielding), failed_tries(&spinning));
    assert!(waited < spun);
    claim_in(
        id,
        Lang::En,
        &format!("tries that fail cost {waited} instructions, against {spun}"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("실패한 시도에 명령어 {waited}개를 쓰고, 같은 타이머에서 돌며 기다리는 ‘xchg 스핀 잠금 (test-and-set)’ 예제는 {spun}개"),
    );
}

#[test]
fn test_and_test_and_set_swaps_a_taken_lock_less_often() {
    let id = PresetId::LockTtas;
    let ttas = run(id);
    assert_eq!(ttas.scenario().machine().cpus, 2);
    claim_in(id, Lang::En, "On 2 CPUs");
    claim_in(id, Lang::Ko, "CPU 2개에서");
    let (got, want) = claim_end(id, &ttas, Register::Bx);
    assert_eq!(got, want);
    assert_eq!(first_tick_two_inside(&ttas), None);
    // The exchange lock's program on this preset's machine and threads.
    let mut spec = preset(id.as_str()).expect("a preset").spec;
    spec.processes[0].program = preset("lock-xchg").expect("a preset").spec.processes[0]
        .program
        .clone();
    let xchg = simulate_spec(&spec).expect("valid");
    assert_eq!(xchg.end(), RunEnd::Finished);
    let (looked, swapped) = (swaps_of_a_taken_lock(&ttas), swaps_of_a_taken_lock(&xchg));
    assert!(looked < swapped);
    claim_in(
        id,
        Lang::En,
        &format!("It swaps a taken lock {looked} times"),
    );
    claim_in(
        id,
        Lang::En,
        &format!("same 2 CPUs does so {swapped} times"),
    );
    claim_in(id, Lang::Ko, &format!("교환한 횟수는 {looked}번"));
    claim_in(id, Lang::Ko, &format!("xchg 잠금은 {swapped}번"));
}

#[test]
fn a_ticket_lock_lets_threads_in_in_ticket_order() {
    let id = PresetId::LockTicket;
    let run = run(id);
    let (got, want) = claim_end(id, &run, Register::Bx);
    assert_eq!(got, want);
    assert_eq!(first_tick_two_inside(&run), None);
    let next = address(&run, "next");
    // Each ticket: the value a `fetchadd` on `next` read, and the thread that took it.
    let mut tickets: Vec<(i64, u32)> = accesses(&run, |word| word == next)
        .iter()
        .filter(|access| !access.store)
        .map(|access| (access.value, access.thread))
        .collect();
    tickets.sort_unstable();
    let numbers: Vec<i64> = tickets.iter().map(|(ticket, _)| *ticket).collect();
    assert_eq!(numbers, (0..want).collect::<Vec<_>>());
    let takers = names(&run, tickets.iter().map(|(_, thread)| *thread));
    let entered = names(&run, entries(&run).into_iter().map(|(_, thread)| thread));
    assert_eq!(entered, takers, "threads enter in ticket order");
    let last = want - 1;
    claim_in(id, Lang::En, &format!("Tickets 0 to {last} go to {takers}"));
    claim_in(
        id,
        Lang::Ko,
        &format!("번호표 0부터 {last}까지가 {takers}에게"),
    );
}

#[test]
fn peterson_keeps_two_cpus_apart_with_loads_and_stores() {
    let id = PresetId::LockPeterson;
    let run = run(id);
    assert_eq!(run.scenario().machine().cpus, 2);
    claim_in(id, Lang::En, "on 2 CPUs at once");
    claim_in(id, Lang::Ko, "CPU 2개에서 동시에");
    let (got, want) = claim_end(id, &run, Register::Cx);
    assert_eq!(got, want);
    assert_eq!(first_tick_two_inside(&run), None, "never inside together");
    // Both raise their flag (`want[me] = 1`) at the same tick.
    let flags = address(&run, "want");
    let raised: Vec<Access> = accesses(&run, |word| word == flags || word == flags + 4)
        .into_iter()
        .filter(|access| access.store && access.value == 1)
        .collect();
    let first_raise = |thread: u32| {
        raised
            .iter()
            .find(|access| access.thread == thread)
            .expect("raises its flag")
            .tick
    };
    let tick = first_raise(0);
    assert_eq!(first_raise(1), tick);
    claim_in(
        id,
        Lang::En,
        &format!("At tick {tick} both raise their flag"),
    );
    claim_in(id, Lang::Ko, &format!("{tick}틱에 둘 다"));
    // The last to write `turn` before the first entry waits; the other goes first.
    let (entry_tick, first_in) = entries(&run)[0];
    let turn = address(&run, "turn");
    let last_writer = accesses(&run, |word| word == turn)
        .into_iter()
        .rev()
        .find(|access| access.store && access.tick < entry_tick)
        .expect("turn is written")
        .thread;
    assert_ne!(last_writer, first_in);
    let (waits, goes) = (thread_name(&run, last_writer), thread_name(&run, first_in));
    claim_in(
        id,
        Lang::En,
        &format!("{waits} writes turn last, so it waits and {goes} goes first"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("turn을 마지막에 쓴 {waits}가 양보해 {goes}이 먼저"),
    );
}

/// "Take out lock m and unlock m and it still ends at 6 ... set the quantum to 3, and it ends at
/// 4: 2 updates are lost": a student who takes the lock out to see what it guards had seen
/// nothing lost, and nothing said why.
#[test]
fn the_blocking_mutex_lesson_says_what_taking_the_lock_out_does_under_its_timer_and_a_shorter_one()
{
    let id = PresetId::MutexBlocking;
    let mut spec = preset(id.as_str()).unwrap().spec;
    let guarded = program_words::program_in(&spec.processes[0].program, Lang::En);
    let unguarded: Vec<&str> = guarded
        .lines()
        .filter(|line| !matches!(line.split_whitespace().next(), Some("lock" | "unlock")))
        .collect();
    assert_eq!(
        unguarded.len() + 2,
        guarded.lines().count(),
        "one lock m, one unlock m"
    );
    spec.processes[0].program = unguarded.join("\n");
    let same_timer = simulate_spec(&spec).expect("valid without the lock");
    let want: i64 = asked(&same_timer, 0, Register::Bx).iter().sum();
    let got = final_value(&same_timer, 0, "counter");
    assert_eq!(got, want);
    let PolicySpec::Rr { quantum } = spec.policy else {
        panic!("{id} has a timer");
    };
    assert!(quantum > 3);
    spec.policy = PolicySpec::Rr { quantum: 3 };
    let short = simulate_spec(&spec).expect("valid without the lock");
    let lost_at_3 = final_value(&short, 0, "counter");
    assert!(lost_at_3 < want);
    claim_in(
        id,
        Lang::En,
        &format!("Take out lock m and unlock m and it still ends at {got}: this timer never falls between a load and its store. Take them out and set the quantum to 3, and it ends at {lost_at_3}: {} updates are lost.", want - lost_at_3),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("lock m과 unlock m을 지워도 최종값은 {got}입니다: 이 타이머는 읽기와 쓰기 사이에 끼어들지 않습니다. 지운 채로 퀀텀을 3으로 줄이면 최종값은 {lost_at_3}가 되어 갱신 {}개를 잃습니다.", want - lost_at_3),
    );
}

#[test]
fn a_blocking_mutex_spends_no_instruction_on_failed_tries_but_ticks_blocked() {
    let id = PresetId::MutexBlocking;
    let blocking = run(id);
    let spinning = run(PresetId::LockXchg);
    assert_eq!(blocking.scenario().policy(), spinning.scenario().policy());
    assert_eq!(blocking.scenario().machine(), spinning.scenario().machine());
    assert_eq!(
        asked(&blocking, 0, Register::Bx),
        asked(&spinning, 0, Register::Bx)
    );
    claim_timer(id, &blocking);
    let (got, want) = claim_end(id, &blocking, Register::Bx);
    assert_eq!(got, want);
    assert_eq!(first_tick_two_inside(&blocking), None);
    // "0 instructions, against 48": a woken thread goes on at `.critical`, it never retries.
    let (tried, spun) = (failed_tries(&blocking), failed_tries(&spinning));
    assert_eq!(tried, 0);
    assert!(spun > 0);
    let critical = label(&blocking, ".critical");
    for (tick, woken, _) in wakes(&blocking) {
        let next = blocking
            .program_steps()
            .iter()
            .find(|step| step.thread == woken && step.tick >= tick)
            .expect("the woken thread runs again");
        assert_eq!(next.pc, critical, "goes on holding the mutex");
    }
    claim_in(
        id,
        Lang::En,
        &format!("Tries that fail cost {tried} instructions, against {spun} for “An xchg spin lock (test-and-set)”"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("실패한 시도에 쓰는 명령어는 {tried}개이고, ‘xchg 스핀 잠금 (test-and-set)’ 예제는 {spun}개"),
    );
    // "Blocked for 15 ticks in all, while the holder runs": each wait, from the `lock` that
    // blocked to the `unlock` that handed the mutex over, is a tick the other thread executes.
    let (waits, wakes) = (waits(&blocking), wakes(&blocking));
    assert_eq!(waits.len(), wakes.len(), "every wait ends");
    let mut blocked = 0;
    for ((from, thread, _), (until, woken, by)) in waits.into_iter().zip(wakes) {
        assert_eq!(thread, woken);
        for tick in from..until {
            assert!(blocking
                .program_steps()
                .iter()
                .any(|step| step.tick == tick && step.thread == by));
        }
        blocked += until - from;
    }
    let metric: u64 = blocking
        .metrics()
        .threads
        .iter()
        .map(|thread| thread.blocked)
        .sum();
    assert_eq!(metric, blocked);
    assert!(spinning
        .metrics()
        .threads
        .iter()
        .all(|thread| thread.blocked == 0));
    claim_in(id, Lang::En, &format!("Blocked for {blocked} ticks in all"));
    claim_in(
        id,
        Lang::Ko,
        &format!("대기 상태로 보낸 시간은 모두 {blocked}틱"),
    );
    let (done, spun_done) = (blocking.end_tick(), spinning.end_tick());
    assert!(done < spun_done);
    claim_in(
        id,
        Lang::En,
        &format!("at tick {done} instead of {spun_done}"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("{done}틱에 끝납니다(‘xchg 스핀 잠금 (test-and-set)’ 예제는 {spun_done}틱)"),
    );
}

#[test]
fn two_locks_taken_in_opposite_orders_deadlock_in_the_circle_the_page_shows() {
    let id = PresetId::DeadlockTwoLocks;
    let run = run(id);
    claim_timer(id, &run);
    claim_deadlock_tick(id, &run);
    let report = claim_circular_wait(id, &run);
    // "Switches each thread right after its first lock": each one's first slice ends with a
    // `lock` that took its mutex.
    for thread in 0..2 {
        let steps = run.program_steps();
        let first = steps
            .iter()
            .position(|step| step.thread == thread)
            .expect("runs");
        let last = steps[first..]
            .iter()
            .take_while(|step| step.thread == thread)
            .last()
            .expect("a slice");
        assert!(instruction(&run, last.pc).starts_with("lock "));
        assert_eq!(last.outcome, StepOutcome::Continued, "it took the mutex");
    }
    // "T1 holds a and T2 holds b": what each thread holds is what the other waits for.
    let holds = |thread: u32| {
        report
            .waits
            .iter()
            .find(|edge| edge.holder == Some(thread))
            .expect("holds one")
            .name
            .clone()
    };
    let (first, second) = (thread_name(&run, 0), thread_name(&run, 1));
    let (held_first, held_second) = (holds(0), holds(1));
    claim_in(
        id,
        Lang::En,
        &format!("{first} holds {held_first} and {second} holds {held_second}"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!(
            "{} {held_first}를, {} {held_second}를 쥐고",
            topic(&first),
            topic(&second)
        ),
    );
    let counter = final_value(&run, 0, "counter");
    assert_eq!(counter, 0, "nobody got both");
    claim_in(id, Lang::En, &format!("counter still {counter}"));
    claim_in(id, Lang::Ko, &format!("counter는 여전히 {counter}"));
}

#[test]
fn the_same_two_locks_in_one_order_finish_after_one_wait() {
    let id = PresetId::DeadlockTwoLocksOrdered;
    let ordered = run(id);
    let opposite = run(PresetId::DeadlockTwoLocks);
    assert_eq!(ordered.scenario().policy(), opposite.scenario().policy());
    assert_eq!(
        asked(&ordered, 0, Register::Bx),
        asked(&opposite, 0, Register::Bx)
    );
    // The one change: the second thread's two `lock`s, swapped.
    assert_eq!(code(&ordered), swapped_after(code(&opposite), ".other"));
    claim_timer(id, &ordered);
    assert_eq!(ordered.end(), RunEnd::Finished);
    assert!(ordered.deadlock().is_none());
    let [(from, waiter, object)] = &waits(&ordered)[..] else {
        panic!("one wait: {:?}", waits(&ordered));
    };
    let [(until, woken, by)] = wakes(&ordered)[..] else {
        panic!("one wake-up");
    };
    assert_eq!(woken, *waiter);
    let unlock = ordered
        .program_steps()
        .iter()
        .find(|step| step.tick + 1 == until && step.thread == by)
        .expect("the waker's step");
    assert_eq!(instruction(&ordered, unlock.pc), format!("unlock {object}"));
    let blocked = until - from;
    assert_eq!(ordered.metrics().threads[*waiter as usize].blocked, blocked);
    let (waiter, by) = (thread_name(&ordered, *waiter), thread_name(&ordered, by));
    claim_in(
        id,
        Lang::En,
        &format!(
            "{waiter} finds {object} taken and is Blocked until {by}'s unlock {object} \
             hands it over, {blocked} ticks later"
        ),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!(
            "{} {} 잠겨 있어 대기 상태가 되고, {blocked}틱 뒤 {by}의 unlock {object}",
            topic(&waiter),
            subject(object)
        ),
    );
    let got = final_value(&ordered, 0, "counter");
    let want = ordered.scenario().threads().len() as i64;
    assert_eq!(got, want, "each thread adds 1");
    claim_in(
        id,
        Lang::En,
        &format!("the counter ends at {got} (expected {want})"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("최종값은 {got}입니다(기대값 {want})"),
    );
    let done = ordered.end_tick();
    claim_in(id, Lang::En, &format!("finishes at tick {done}"));
    claim_in(id, Lang::Ko, &format!("{done}틱에 실행이 끝납니다"));
}

/// Each `lock` step of the run: (tick, thread, the mutex's name, whether it took it at once).
fn locks(run: &Run) -> Vec<(u64, u32, String, bool)> {
    run.program_steps()
        .iter()
        .filter_map(|step| {
            let mutex = instruction(run, step.pc).strip_prefix("lock ")?;
            Some((
                step.tick,
                step.thread,
                mutex.to_string(),
                step.outcome == StepOutcome::Continued,
            ))
        })
        .collect()
}

/// The philosopher each thread is (its `%bx`), in thread order.
fn philosophers(run: &Run) -> Vec<i64> {
    asked(run, 0, Register::Bx)
}

#[test]
fn philosophers_holding_their_left_fork_wait_in_a_circle() {
    let id = PresetId::PhilosophersDeadlock;
    let run = run(id);
    let seats = philosophers(&run);
    let forks = seats.len() as i64;
    assert_eq!(seats, (0..forks).collect::<Vec<_>>());
    let threads = names(&run, 0..forks as u32);
    claim_in(
        id,
        Lang::En,
        &format!("{threads} are philosophers {}", listed(&seats)),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("{} 철학자 {}", subject(&threads), listed(&seats)),
    );
    claim_timer(id, &run);
    // "All three pick up their left fork before any picks up its right one": each thread's first
    // `lock` takes fork %bx (its left), each one's second (fork %bx + 1, its right) waits, and
    // every first comes before every second.
    let locks = locks(&run);
    let left = |thread: usize| format!("f{}", seats[thread]);
    let right = |thread: usize| format!("f{}", (seats[thread] + 1) % forks);
    let mut last_left = 0;
    let mut first_right = u64::MAX;
    for thread in 0..seats.len() {
        let own: Vec<_> = locks
            .iter()
            .filter(|(_, who, _, _)| *who as usize == thread)
            .collect();
        let [taken, waited] = own[..] else {
            panic!("two locks each: {own:?}");
        };
        assert_eq!((&taken.2, taken.3), (&left(thread), true));
        assert_eq!((&waited.2, waited.3), (&right(thread), false));
        last_left = last_left.max(taken.0);
        first_right = first_right.min(waited.0);
    }
    assert!(last_left < first_right);
    claim_deadlock_tick(id, &run);
    let report = claim_circular_wait(id, &run);
    for edge in &report.waits {
        assert_eq!(edge.name, right(edge.thread as usize));
    }
    let ate = final_words(&run, "ate");
    assert!(ate.iter().all(|meal| *meal == 0), "nobody eats");
    claim_in(id, Lang::En, &format!("ate stays {}", listed(&ate)));
    claim_in(id, Lang::Ko, &format!("ate는 {} 그대로", listed(&ate)));
}

#[test]
fn philosophers_taking_the_lower_numbered_fork_first_all_eat() {
    let id = PresetId::PhilosophersOrdered;
    let ordered = run(id);
    let circle = run(PresetId::PhilosophersDeadlock);
    assert_eq!(ordered.scenario().policy(), circle.scenario().policy());
    assert_eq!(philosophers(&ordered), philosophers(&circle));
    // The one change: the last philosopher's two `lock`s, swapped.
    assert_eq!(code(&ordered), swapped_after(code(&circle), ".p2"));
    claim_timer(id, &ordered);
    assert_eq!(ordered.end(), RunEnd::Finished);
    assert!(ordered.deadlock().is_none());
    // "Philosopher 2 (T3) now takes f0 ... before f2": every first `lock` is of the lower fork.
    let seats = philosophers(&ordered);
    let last = seats.len() - 1;
    let locks = locks(&ordered);
    for thread in 0..seats.len() {
        let forks: Vec<&str> = locks
            .iter()
            .filter(|(_, who, _, _)| *who as usize == thread)
            .map(|(_, _, fork, _)| fork.as_str())
            .collect();
        assert_eq!(forks.len(), 2);
        assert!(
            forks[0] < forks[1],
            "the lower-numbered fork first: {forks:?}"
        );
    }
    let last_name = thread_name(&ordered, last as u32);
    claim_in(
        id,
        Lang::En,
        &format!("philosopher {} ({last_name}) now takes f0", seats[last]),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("철학자 {}({last_name})", seats[last]),
    );
    // "T3 waits for f0 while it holds no fork": its first `lock` is the one that waits.
    let first_lock = locks
        .iter()
        .find(|(_, who, _, _)| *who as usize == last)
        .expect("locks");
    assert!(!first_lock.3, "it waits");
    let fork = &first_lock.2;
    claim_in(
        id,
        Lang::En,
        &format!("{last_name} waits for {fork} while it holds no fork"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("{} 포크를 하나도 쥐지 않은 채 {fork}", topic(&last_name)),
    );
    // The order they eat in: the stores of 1 to ate.
    let start = address(&ordered, "ate");
    let eaters: Vec<u32> = accesses(&ordered, |word| {
        (start..start + 4 * seats.len() as u32).contains(&word)
    })
    .into_iter()
    .filter(|access| access.store && access.value == 1)
    .map(|access| access.thread)
    .collect();
    assert_eq!(eaters.len(), seats.len(), "each eats once");
    let [first, second, third] = eaters[..] else {
        panic!("three philosophers");
    };
    let [first, second, third] = [first, second, third].map(|thread| thread_name(&ordered, thread));
    claim_in(
        id,
        Lang::En,
        &format!("{first} eats first, then {second}, then {third}"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("{first}, {second}, {third} 순서로 먹고"),
    );
    let ate = final_words(&ordered, "ate");
    assert!(ate.iter().all(|meal| *meal == 1), "everyone eats");
    claim_in(id, Lang::En, &format!("ate ends {}", listed(&ate)));
    claim_in(id, Lang::Ko, &format!("ate는 {}", listed(&ate)));
    let done = ordered.end_tick();
    claim_in(id, Lang::En, &format!("finishes at tick {done}"));
    claim_in(id, Lang::Ko, &format!("{done}틱에 실행이 끝납니다"));
}

#[test]
fn the_bounded_buffer_hands_every_item_over_once_and_in_order() {
    let id = PresetId::ProducerConsumerSemaphores;
    let run = run(id);
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(run.scenario().policy(), &PolicySpec::Fcfs);
    assert_eq!(run.scenario().machine().cpus, 1);
    // The producer is `%bx` = 0, the consumer 1; both move `%cx` items.
    assert_eq!(asked(&run, 0, Register::Bx), [0, 1]);
    let counts = asked(&run, 0, Register::Cx);
    assert_eq!(counts[0], counts[1]);
    let items = counts[0];
    let (producer, consumer) = (0, 1);
    let program = program(&run);
    let buffer = program
        .variables()
        .iter()
        .find(|variable| variable.name == "buf")
        .expect("buf");
    let slots = buffer.words;
    let initial = |name: &str| {
        program
            .semaphores()
            .iter()
            .find(|semaphore| semaphore.name == name)
            .expect("declared")
            .initial
    };
    assert_eq!(initial("empty"), slots, "every slot free");
    claim_in(
        id,
        Lang::En,
        &format!("items 1 to {items} into buf, a buffer of {slots} slots"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("항목 1부터 {items}까지를 {slots}칸짜리 버퍼 buf"),
    );
    for (name, english, korean) in [
        ("empty", "Semaphore empty", "empty는"),
        ("full", "full", "full은"),
    ] {
        let value = initial(name);
        claim_in(id, Lang::En, &format!("{english} starts at {value}"));
        claim_in(id, Lang::Ko, &format!("{korean} {value}에서 시작"));
    }
    // The buffer's words: only the producer stores, only the consumer loads; each slot is
    // stored, then loaded, in turn (no item overwritten before it is taken, none taken twice).
    let slot_of = |word: u32| (word - buffer.address) / 4;
    let moves = accesses(&run, |word| {
        (buffer.address..buffer.address + 4 * slots).contains(&word)
    });
    for access in &moves {
        let mover = if access.store { producer } else { consumer };
        assert_eq!(access.thread, mover, "{access:?}");
    }
    for slot in 0..slots {
        let turns: Vec<bool> = moves
            .iter()
            .filter(|access| slot_of(access.address) == slot)
            .map(|access| access.store)
            .collect();
        assert!(
            turns.iter().step_by(2).all(|store| *store),
            "slot {slot}: {turns:?}"
        );
        assert!(
            turns.iter().skip(1).step_by(2).all(|store| !*store),
            "slot {slot}: {turns:?}"
        );
    }
    let values = |store: bool| -> Vec<i64> {
        moves
            .iter()
            .filter(|access| access.store == store)
            .map(|access| access.value)
            .collect()
    };
    let in_order: Vec<i64> = (1..=items).collect();
    assert_eq!(values(true), in_order, "produced");
    assert_eq!(values(false), in_order, "consumed");
    // "The producer fills the 3 slots and its wait empty blocks it; the consumer then takes 3
    // items and its wait full blocks it": the items in the buffer at each wait.
    let held_at = |tick: u64| {
        moves
            .iter()
            .filter(|access| access.tick < tick)
            .map(|access| if access.store { 1 } else { -1 })
            .sum::<i64>()
    };
    let waits = waits(&run);
    let [(full_at, first, first_on), (empty_at, second, second_on)] = &waits[..] else {
        panic!("one wait each: {waits:?}");
    };
    assert_eq!((*first, first_on.as_str()), (producer, "empty"));
    assert_eq!(held_at(*full_at), i64::from(slots), "the buffer is full");
    assert_eq!((*second, second_on.as_str()), (consumer, "full"));
    assert_eq!(held_at(*empty_at), 0, "the buffer is empty");
    let consumer_starts = run
        .program_steps()
        .iter()
        .find(|step| step.thread == consumer)
        .expect("runs")
        .tick;
    assert!(
        consumer_starts >= *full_at,
        "the consumer runs once the producer waits"
    );
    let taken = moves
        .iter()
        .filter(|access| !access.store && access.tick < *empty_at)
        .count();
    // Said at the tick of the wait instruction, as the interleaving lists it.
    let full_wait = step_before(&run, producer, *full_at, "wait empty");
    let empty_wait = step_before(&run, consumer, *empty_at, "wait full");
    claim_in(
        id,
        Lang::En,
        &format!(
            "the producer fills the {slots} slots, and its wait empty at t={full_wait} blocks it"
        ),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("생산자는 {slots}칸을 다 채우고 t={full_wait}의 wait empty에서 대기 상태"),
    );
    claim_in(
        id,
        Lang::En,
        &format!(
            "The consumer then takes {taken} items, and its wait full at t={empty_wait} blocks it"
        ),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("소비자가 {taken}개를 꺼내고 t={empty_wait}의 wait full에서 대기 상태"),
    );
    // And the tick the log and the picture show it Blocked: the instruction's tick over.
    claim_in(
        id,
        Lang::En,
        &format!("blocks it (Blocked in the log and the picture from t={full_at}, when"),
    );
    claim_in(
        id,
        Lang::En,
        &format!("blocks it (Blocked from t={empty_at})"),
    );
    claim_in(id, Lang::Ko, &format!("명령어가 끝나는 t={full_at}부터)"));
    claim_in(
        id,
        Lang::Ko,
        &format!("wait full에서 대기 상태가 됩니다(t={empty_at}부터)"),
    );
    // "Each time, the other thread's signal wakes it."
    let woken: Vec<(u32, u32)> = wakes(&run)
        .into_iter()
        .map(|(_, woken, by)| (woken, by))
        .collect();
    assert_eq!(woken, [(producer, consumer), (consumer, producer)]);
    let got = final_words(&run, "got");
    assert_eq!(got, in_order, "taken in order");
    claim_in(id, Lang::En, &format!("got ends {}", listed(&got)));
    claim_in(id, Lang::Ko, &format!("got은 {}", listed(&got)));
}

#[test]
fn readers_read_together_and_the_writer_waits_until_the_last_one_leaves() {
    let id = PresetId::ReadersWriters;
    let run = run(id);
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(run.scenario().machine().cpus, 1);
    claim_timer(id, &run);
    // Readers are `%bx` = 0 and 1, the writer 2.
    assert_eq!(asked(&run, 0, Register::Bx), [0, 1, 2]);
    let (readers, writer) = ([0, 1], 2);
    let program = program(&run);
    for name in ["rw_mutex", "mutex"] {
        let initial = program
            .semaphores()
            .iter()
            .find(|semaphore| semaphore.name == name)
            .expect("declared")
            .initial;
        assert_eq!(initial, 1, "{name}");
    }
    claim_in(id, Lang::En, "Semaphores rw_mutex and mutex start at 1");
    claim_in(id, Lang::Ko, "세마포어 rw_mutex와 mutex는 1에서 시작");
    // A reader is inside from the `signal mutex` that ends its way in (`.entered`) to the
    // `wait mutex` that starts its way out (`.leave`): inside at tick t when the first ran
    // before t and the second at t or later.
    let step_at = |thread: u32, pc: u32| {
        let ticks: Vec<u64> = run
            .program_steps()
            .iter()
            .filter(|step| step.thread == thread && step.pc == pc)
            .map(|step| step.tick)
            .collect();
        let [tick] = ticks[..] else {
            panic!("{} runs {pc} once: {ticks:?}", thread_name(&run, thread));
        };
        tick
    };
    let inside: Vec<(u64, u64)> = readers
        .iter()
        .map(|&reader| {
            (
                step_at(reader, label(&run, ".entered")),
                step_at(reader, label(&run, ".leave")),
            )
        })
        .collect();
    let readers_inside = |tick: u64| {
        inside
            .iter()
            .filter(|(entered, leaves)| *entered < tick && tick <= *leaves)
            .count()
    };
    let together: Vec<u64> = (0..=run.end_tick())
        .filter(|&tick| readers_inside(tick) == 2)
        .collect();
    let (Some(&from), Some(&to)) = (together.first(), together.last()) else {
        panic!("the readers are never inside together: {inside:?}");
    };
    assert_eq!(to - from + 1, together.len() as u64, "one stretch");
    claim_in(
        id,
        Lang::En,
        &format!("from t={from} to t={to} both readers are inside at once"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("t={from}부터 t={to}까지 두 읽기 스레드가 함께 안에"),
    );
    // The writer's only wait is for rw_mutex, while both readers are inside; the last reader
    // out wakes it.
    let waits = waits(&run);
    let [(blocked, waiter, object)] = &waits[..] else {
        panic!("only the writer waits: {waits:?}");
    };
    assert_eq!((*waiter, object.as_str()), (writer, "rw_mutex"));
    assert_eq!(
        readers_inside(*blocked),
        2,
        "blocked while the readers are inside"
    );
    // Said at the ticks of the instructions, as the interleaving lists them.
    let wait_tick = step_before(&run, writer, *blocked, "wait rw_mutex");
    claim_in(
        id,
        Lang::En,
        &format!(
            "At t={wait_tick} the writer's wait rw_mutex blocks it while the readers are inside"
        ),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!(
            "t={wait_tick}에 쓰기 스레드는 읽기 스레드가 안에 있는 동안 wait rw_mutex에서 대기 상태"
        ),
    );
    let wakes = wakes(&run);
    let [(woken_at, woken, by)] = wakes[..] else {
        panic!("one wake-up: {wakes:?}");
    };
    assert_eq!(woken, writer);
    let last_out = inside
        .iter()
        .zip(readers)
        .max_by_key(|((_, leaves), _)| *leaves)
        .map(|(_, reader)| reader)
        .expect("readers");
    assert_eq!(by, last_out, "the last reader out wakes the writer");
    let signal = program
        .labels()
        .iter()
        .find(|label| label.name == ".left")
        .expect(".left")
        .address
        - 1;
    assert_eq!(instruction(&run, signal), "signal rw_mutex");
    assert_eq!(
        step_at(by, signal) + 1,
        woken_at,
        "its signal rw_mutex wakes it"
    );
    let signalled = step_at(by, signal);
    let by = thread_name(&run, by);
    claim_in(
        id,
        Lang::En,
        &format!("the last reader out, {by}, signals rw_mutex at t={signalled} and wakes it"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!(
            "마지막으로 나가는 {} t={signalled}에 signal rw_mutex로 깨워",
            subject(&by)
        ),
    );
    // And the ticks the log and the picture show them: each instruction's tick over.
    claim_in(
        id,
        Lang::En,
        &format!("(Blocked in the log and the picture from t={blocked}, when"),
    );
    claim_in(id, Lang::Ko, &format!("명령어가 끝나는 t={blocked}부터)"));
    claim_in(id, Lang::En, &format!("wakes it (t={woken_at} in the log)"));
    claim_in(id, Lang::Ko, &format!("깨워 주고(로그에서는 t={woken_at})"));
    // The writer's store to data: once, after the wake-up, with no reader inside.
    let data = address(&run, "data");
    let writes: Vec<u64> = accesses(&run, |word| word == data)
        .into_iter()
        .filter(|access| access.store)
        .map(|access| {
            assert_eq!(access.thread, writer, "only the writer writes data");
            access.tick
        })
        .collect();
    let [wrote] = writes[..] else {
        panic!("one write: {writes:?}");
    };
    assert!(wrote > woken_at);
    assert_eq!(readers_inside(wrote), 0, "the writer writes alone");
    assert!(
        inside.iter().all(|(_, leaves)| *leaves < wrote),
        "every reader has left"
    );
    claim_in(
        id,
        Lang::En,
        &format!("adds 1 to data alone at t={wrote}, with no reader inside"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("t={wrote}에 읽기 스레드가 하나도 없는 채로 혼자 data에 1을 더합니다"),
    );
    let seen = final_words(&run, "seen");
    assert_eq!(seen, [0, 0], "both read before the write");
    let value = final_value(&run, 0, "data");
    assert_eq!(value, 1);
    claim_in(
        id,
        Lang::En,
        &format!("seen ends {} and data {value}", listed(&seen)),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("seen은 {}, data는 {value}", listed(&seen)),
    );
    // The known weakness, no figure: readers that keep coming starve the writer.
    claim_in(id, Lang::En, "the writer can starve");
    claim_in(id, Lang::Ko, "기아 상태에 빠질 수 있습니다");
}

#[test]
fn a_client_and_a_server_talk_only_through_two_queues_and_each_waits_three_times() {
    let id = PresetId::MessageQueueClientServer;
    let run = run(id);
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(run.scenario().policy(), &PolicySpec::Rr { quantum: 2 });
    let state = run.state_at(run.end_tick());
    // Two address spaces, one shared pair of queues of capacity 2.
    let queues: Vec<(&str, u32)> = state
        .queues
        .iter()
        .map(|queue| (queue.name.as_str(), queue.capacity))
        .collect();
    assert_eq!(queues, [("requests", 2), ("replies", 2)]);
    claim(id, "requests".into());
    claim_in(id, Lang::En, "capacity 2");
    // The server (process 2) waits for a request 3 times, the client for a reply 3 times.
    let waits = |pid: u32| {
        run.events()
            .iter()
            .filter(|event| {
                event.thread.pid == pid
                    && matches!(event.cause, Cause::Waits { object } if object.kind == proclab_core::SyncKind::Queue)
            })
            .count()
    };
    assert_eq!((waits(1), waits(0)), (3, 3));
    claim_in(
        id,
        Lang::En,
        "the server waits for a request 3 times and the client for a reply 3 times",
    );
    claim_in(
        id,
        Lang::Ko,
        "서버는 요청을 3번, 클라이언트는 답을 3번 기다리며",
    );
    // Every message went straight to a waiting receiver: the queues never held one.
    for tick in 0..=run.end_tick() {
        assert!(
            run.state_at(tick)
                .queues
                .iter()
                .all(|queue| queue.messages.is_empty()),
            "tick {tick}"
        );
    }
    claim_in(
        id,
        Lang::En,
        "every message sent goes straight to the process waiting for it",
    );
    // got ends 1, 4, 9: the squares of the requests.
    let got: Vec<i64> = state.memories[0]
        .words
        .iter()
        .map(|(_, _, value)| *value)
        .collect();
    assert_eq!(got, [1, 4, 9]);
    assert!(
        state.memories[1].words.is_empty(),
        "the server has no variables"
    );
    claim(id, "1, 4, 9".into());
}

#[test]
fn a_pipe_blocks_its_writer_when_full_its_reader_when_empty_and_ends_in_end_of_file() {
    let id = PresetId::PipeWriterReader;
    let run = run(id);
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(run.scenario().policy(), &PolicySpec::Fcfs);
    let state = run.state_at(run.end_tick());
    assert_eq!(state.queues.len(), 1);
    let capacity = state.queues[0].capacity;
    assert_eq!(capacity, 2);
    claim_in(id, Lang::En, "which holds 2 bytes");
    claim_in(id, Lang::Ko, "2바이트를 담는 파이프 p");
    // Who waits, in order: the writer on the full pipe, then the reader on the empty one.
    let waits: Vec<(u32, u64)> = run
        .events()
        .iter()
        .filter(|event| {
            matches!(event.cause, Cause::Waits { object } if object.kind == proclab_core::SyncKind::Pipe)
        })
        .map(|event| (event.thread.pid, event.tick))
        .collect();
    assert_eq!(waits.iter().map(|wait| wait.0).collect::<Vec<_>>(), [0, 1]);
    let full = run.state_at(waits[0].1);
    assert_eq!(full.queues[0].messages, [1, 2]);
    claim_in(
        id,
        Lang::En,
        "1 and 2 fill the pipe and its third write blocks (pipe full)",
    );
    let empty = run.state_at(waits[1].1);
    assert!(empty.queues[0].messages.is_empty());
    // The reads, in order: 1, 2, 3 before the reader waits, 4 handed over, then 5, 6, -1.
    let reads: Vec<(u64, Option<i64>)> = run
        .program_steps()
        .iter()
        .filter(|step| step.thread == 1)
        .filter_map(|step| match step.outcome {
            StepOutcome::Message { value, .. } => Some((step.tick, Some(value))),
            StepOutcome::Blocked(_) => Some((step.tick, None)),
            _ => None,
        })
        .collect();
    let values: Vec<Option<i64>> = reads.iter().map(|read| read.1).collect();
    assert_eq!(
        values,
        [Some(1), Some(2), Some(3), None, Some(5), Some(6), Some(-1)],
        "the 4th read waits and gets 4 handed over"
    );
    claim_in(
        id,
        Lang::En,
        "the writer's 4 goes straight to it and wakes it",
    );
    claim_in(id, Lang::En, "its 7th read gets -1");
    claim_in(id, Lang::Ko, "7번째 read에서 -1을 받습니다");
    // End-of-file only after the writer closed.
    let close = run
        .program_steps()
        .iter()
        .find(|step| {
            matches!(
                step.outcome,
                StepOutcome::Message {
                    operation: proclab_core::program::MessageOp::Close { .. },
                    ..
                }
            )
        })
        .expect("the writer closes")
        .tick;
    assert!(reads.last().unwrap().0 > close);
    let words: Vec<(&str, i64)> = state.memories[1]
        .words
        .iter()
        .map(|(name, _, value)| (name.as_str(), *value))
        .collect();
    assert_eq!(words, [("sum", 21), ("count", 6)]);
    claim_in(id, Lang::En, "sum ends 21 and count 6");
    claim_in(id, Lang::Ko, "sum은 21, count는 6");
    assert!(state.queues[0].at_end_of_file());
}

#[test]
fn the_synchronization_presets_are_the_ones_that_run_programs() {
    assert_eq!(sync_presets().len(), 26);
}

/// The interleaving of a round between processes, each named by its process ("P1").
fn process_interleaving(run: &Run, round: &[Access]) -> [String; 2] {
    interleaving_named(round, |thread| {
        let pid = run.scenario().threads()[thread as usize].pid();
        run.scenario().processes()[pid as usize].name().to_string()
    })
}

#[test]
fn two_processes_on_shared_memory_lose_an_update_as_threads_do_and_a_shared_semaphore_stops_it() {
    let id = PresetId::ShmRace;
    let racy = run(id);
    assert_eq!(racy.scenario().processes().len(), 2);
    assert_eq!(
        racy.scenario().policy(),
        run(PresetId::RaceTwoThreads).scenario().policy(),
        "the timer of the two threads' race"
    );
    claim_timer(id, &racy);
    let want: i64 = asked(&racy, 0, Register::Bx).iter().sum::<i64>()
        + asked(&racy, 1, Register::Bx).iter().sum::<i64>();
    let got = final_value(&racy, 0, "counter");
    assert_eq!(got, final_value(&racy, 1, "counter"), "one word for both");
    assert!(got < want);
    claim_in(id, Lang::En, &format!("ends at {got} (expected {want})"));
    claim_in(
        id,
        Lang::Ko,
        &format!("최종값은 {got}입니다(기대값 {want})"),
    );
    // The race analysis of the page finds it: a store of one process over the other's.
    let analysis = proclab_app::program_view::analyse(&racy);
    let lost = analysis.lost.first().expect("a lost update");
    let pid = |thread: u32| racy.scenario().threads()[thread as usize].pid();
    assert_ne!(pid(lost.thread), pid(lost.overwritten));
    assert_eq!(analysis.lost.len() as i64, want - got);
    let round = first_lost_update(&counter_accesses(&racy));
    for (lang, text) in Lang::ALL
        .into_iter()
        .zip(process_interleaving(&racy, &round))
    {
        claim_in(id, lang, &text);
    }
    // With a semaphore of the segment, the same machine never loses one.
    let id = PresetId::ShmSemaphore;
    let locked = run(id);
    assert_eq!(locked.scenario().policy(), racy.scenario().policy());
    let got = final_value(&locked, 0, "counter");
    assert_eq!(got, want);
    claim_in(id, Lang::En, &format!("ends at {want}"));
    claim_in(id, Lang::Ko, &format!("{want}으로 끝납니다"));
    assert!(proclab_app::program_view::analyse(&locked).lost.is_empty());
    let waits = locked
        .events()
        .iter()
        .filter(|event| {
            matches!(event.cause, Cause::Waits { object } if object.kind == proclab_core::SyncKind::SharedSemaphore)
        })
        .count();
    claim_in(id, Lang::En, &format!("waits {waits} times"));
    claim_in(id, Lang::Ko, &format!("{waits}번 기다립니다"));
}

#[test]
fn the_same_job_costs_no_kernel_entry_by_threads_and_one_per_system_call_through_a_pipe() {
    let threads = run(PresetId::IpcCostThreads);
    let pipe = run(PresetId::IpcCostPipe);
    let cost = pipe.scenario().machine().kernel_entry_cost;
    assert_eq!(threads.scenario().machine().kernel_entry_cost, cost);
    assert!(cost > 0);
    for id in [PresetId::IpcCostThreads, PresetId::IpcCostPipe] {
        claim_in(id, Lang::En, &format!("{cost} ticks"));
        claim_in(id, Lang::Ko, &format!("{cost}틱"));
    }
    // The same answer.
    assert_eq!(final_value(&threads, 0, "sum"), 21);
    assert_eq!(final_value(&pipe, 1, "sum"), 21);
    // Threads: no entry at all; the pipe: one per write, read and close.
    let entries = |run: &Run| -> Vec<u64> {
        run.metrics()
            .threads
            .iter()
            .map(|thread| thread.kernel_entries)
            .collect()
    };
    assert_eq!(entries(&threads), [0, 0]);
    let calls = |thread: u32| {
        pipe.program_steps()
            .iter()
            .filter(|step| {
                step.thread == thread
                    && matches!(
                        step.outcome,
                        StepOutcome::Message { .. } | StepOutcome::Blocked(_)
                    )
            })
            .count() as u64
    };
    assert_eq!(entries(&pipe), [calls(0), calls(1)]);
    let [writer, reader] = entries(&pipe)[..] else {
        panic!("two threads")
    };
    let in_kernel: u64 = pipe
        .metrics()
        .threads
        .iter()
        .map(|thread| thread.kernel)
        .sum();
    assert_eq!(in_kernel, (writer + reader) * cost);
    claim_in(
        PresetId::IpcCostPipe,
        Lang::En,
        &format!("the writer enters the kernel {writer} times and the reader {reader} times, {in_kernel} ticks"),
    );
    claim_in(
        PresetId::IpcCostPipe,
        Lang::Ko,
        &format!("모두 {in_kernel}틱을 커널에서"),
    );
    // The end ticks: the pipe pays exactly its kernel time over the free run.
    let mut free = preset(PresetId::IpcCostPipe.as_str())
        .expect("a preset")
        .spec;
    free.machine.kernel_entry_cost = 0;
    let free = simulate_spec(&free).unwrap();
    assert_eq!(pipe.end_tick(), free.end_tick() + in_kernel);
    claim_in(
        PresetId::IpcCostPipe,
        Lang::En,
        &format!(
            "ends at tick {} without the cost ends at tick {}",
            free.end_tick(),
            pipe.end_tick()
        ),
    );
    claim_in(
        PresetId::IpcCostThreads,
        Lang::En,
        &format!("It ends at tick {} with sum 21", threads.end_tick()),
    );
    claim_in(
        PresetId::IpcCostThreads,
        Lang::Ko,
        &format!("{}틱에 끝나고", threads.end_tick()),
    );
    claim_in(
        PresetId::IpcCostPipe,
        Lang::Ko,
        &format!("{}틱에 끝납니다", pipe.end_tick()),
    );
}

#[test]
fn the_condition_variable_buffer_waits_when_full_and_hands_every_item_over_once_in_order() {
    let id = PresetId::ProducerConsumerCondvar;
    let run = run(id);
    assert_eq!(run.end(), RunEnd::Finished);
    assert_eq!(run.scenario().policy(), &PolicySpec::Fcfs);
    // The producer's first wait is on a condition, with the buffer full.
    let first = run
        .events()
        .iter()
        .find(|event| matches!(event.cause, Cause::Waits { .. }))
        .expect("a wait");
    assert!(
        matches!(first.cause, Cause::Waits { object } if object.kind == proclab_core::SyncKind::Condition)
    );
    assert_eq!(first.thread.tid, 0, "the producer");
    let count = final_value_at(&run, first.tick, "count");
    let slots = program(&run)
        .variables()
        .iter()
        .find(|v| v.name == "buf")
        .unwrap()
        .words;
    assert_eq!(count, i64::from(slots));
    claim_in(
        id,
        Lang::En,
        &format!("finds count at {count} and waits on not_full"),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("count가 {count}인 것을 보고 not_full에서 기다립니다"),
    );
    // Its wake-up comes from the consumer's signal; then it waits for the mutex.
    let woken = run
        .events()
        .iter()
        .find(|event| event.thread.tid == 0 && matches!(event.cause, Cause::Woken { .. }))
        .expect("woken");
    assert!(matches!(woken.cause, Cause::Woken { by } if by.tid == 1));
    let got: Vec<i64> = (0..6)
        .map(|index| {
            let name = if index == 0 {
                "got".to_string()
            } else {
                format!("got[{index}]")
            };
            final_value(&run, 0, &name)
        })
        .collect();
    assert_eq!(got, [1, 2, 3, 4, 5, 6]);
    claim(id, "1, 2, 3, 4, 5, 6".into());
}

/// Variable `name` of process 0 at `tick`.
fn final_value_at(run: &Run, tick: u64, name: &str) -> i64 {
    run.state_at(tick).memories[0]
        .words
        .iter()
        .find(|(word, _, _)| word == name)
        .expect("the variable")
        .2
}

#[test]
fn bursts_lock_blocks_the_second_thread_for_the_lock_between_its_bursts() {
    let id = PresetId::BurstsLock;
    let lesson = run(id);
    let PolicySpec::Rr { quantum } = lesson.scenario().policy().clone() else {
        panic!("bursts-lock runs under round robin");
    };
    claim_in(id, Lang::En, &format!("quantum of {quantum}"));
    claim_in(id, Lang::Ko, &format!("타임 퀀텀 {quantum}"));
    let source = &preset(id.as_str()).expect("a preset").spec.processes[0].program;
    for operation in ["cpu $3", "lock m", "cpu $4", "unlock m", "io $3", "cpu $2"] {
        assert!(source.contains(operation), "{operation}");
        claim(id, operation.to_string());
    }
    // Where each thread executes a `lock` and an `unlock`.
    use proclab_core::program::{Instruction, SyncOp};
    let tick_of = |thread: u32, unlock: bool| {
        let index = program(&lesson)
            .instructions()
            .iter()
            .position(|instruction| match instruction {
                Instruction::Sync(SyncOp::Lock(_)) => !unlock,
                Instruction::Sync(SyncOp::Unlock(_)) => unlock,
                _ => false,
            })
            .expect("the program locks and unlocks");
        let address = program(&lesson).load_address() + index as u32;
        lesson
            .program_steps()
            .iter()
            .find(|step| step.thread == thread && step.pc == address)
            .expect("the thread executes it")
            .tick
    };
    let (t1_lock, t2_lock, t1_unlock) = (tick_of(0, false), tick_of(1, false), tick_of(0, true));
    claim_in(id, Lang::En, &format!("T1 takes m at tick {t1_lock}"));
    claim_in(id, Lang::Ko, &format!("T1은 틱 {t1_lock}에 m을 잡습니다"));
    claim_in(
        id,
        Lang::En,
        &format!("lock m at tick {t2_lock} finds it held"),
    );
    claim_in(id, Lang::Ko, &format!("lock m은 틱 {t2_lock}에"));
    // The unlock runs in tick t1_unlock and hands m over when that tick ends.
    claim_in(
        id,
        Lang::En,
        &format!(
            "unlock m, run in tick {t1_unlock}, hands m over at tick {}",
            t1_unlock + 1
        ),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!(
            "틱 {t1_unlock}에 실행된 T1의 unlock m이 틱 {}에 m을 넘겨줄",
            t1_unlock + 1
        ),
    );
    // T2 waits for the mutex from the end of its `lock` to the end of T1's `unlock`.
    let mid = lesson.state_at(t2_lock + 2);
    assert_eq!(mid.threads[1].state, proclab_core::ProcessState::Blocked);
    assert!(mid.blocked.is_empty(), "a mutex wait is no I/O");
    let blocked = lesson.metrics().threads[1].blocked;
    assert_eq!(blocked, t1_unlock - t2_lock);
    claim_in(id, Lang::En, &format!("from tick {} until", t2_lock + 1));
    claim_in(id, Lang::Ko, &format!("틱 {}부터", t2_lock + 1));
    assert_eq!(
        t2_lock + 1 + blocked,
        t1_unlock + 1,
        "from the wait to the hand-over"
    );
    claim_in(id, Lang::En, &format!("{blocked} ticks"));
    claim_in(id, Lang::Ko, &format!("{blocked}틱 동안 대기"));
    // The first bursts are cut by the quantum: T1 computes before and after T2's turn.
    let t1_bursts: Vec<u64> = lesson
        .gantt()
        .iter()
        .filter(|slice| {
            matches!(slice.kind, proclab_core::SliceKind::Run { thread } if thread.tid == 0)
                && slice.start < t1_lock
        })
        .map(|slice| slice.start)
        .collect();
    assert_eq!(t1_bursts.len(), 2, "T1's cpu $3 is preempted once");
    claim_in(id, Lang::En, &format!("tick {}", lesson.end_tick()));
    claim_in(id, Lang::Ko, &format!("{}틱에 끝납니다", lesson.end_tick()));
}

#[test]
fn bursts_lock_processes_blocks_p2_for_the_mutex_its_bursts_name_then_p1_for_io() {
    use proclab_core::program::MessageOp;
    let id = PresetId::BurstsLockProcesses;
    let lesson = run(id);
    let spec = &preset(id.as_str()).expect("a preset").spec;
    // The bursts fields as the page writes them, quoted in the lesson.
    for (pid, process) in spec.processes.iter().enumerate() {
        assert!(process.program.is_empty(), "written in the bursts field");
        let text = proclab_app::draft::format_bursts(&process.bursts);
        claim_in(id, Lang::En, &format!("P{} {text}", pid + 1));
        claim_in(id, Lang::Ko, &text);
    }
    let PolicySpec::Rr { quantum } = lesson.scenario().policy().clone() else {
        panic!("bursts-lock-processes runs under round robin");
    };
    claim_in(id, Lang::En, &format!("quantum of {quantum}"));
    claim_in(id, Lang::Ko, &format!("타임 퀀텀 {quantum}"));
    // Where each process executes its `lock m` and `unlock m` (on the shared mutex).
    let tick_of = |thread: u32, unlock: bool| {
        lesson
            .program_steps()
            .iter()
            .find(|step| {
                step.thread == thread
                    && match step.outcome {
                        StepOutcome::Message { operation, .. } => {
                            matches!(operation, MessageOp::SharedUnlock { .. }) == unlock
                                && matches!(
                                    operation,
                                    MessageOp::SharedLock { .. } | MessageOp::SharedUnlock { .. }
                                )
                        }
                        StepOutcome::Blocked(_) => !unlock,
                        _ => false,
                    }
            })
            .expect("the process locks and unlocks")
            .tick
    };
    let (p1_lock, p2_lock, p1_unlock) = (tick_of(0, false), tick_of(1, false), tick_of(0, true));
    claim_in(id, Lang::En, &format!("P1 takes m at tick {p1_lock}"));
    claim_in(id, Lang::Ko, &format!("P1은 틱 {p1_lock}에 m을 잡습니다"));
    claim_in(
        id,
        Lang::En,
        &format!("lock m at tick {p2_lock} finds it held"),
    );
    claim_in(id, Lang::Ko, &format!("lock m은 틱 {p2_lock}에"));
    claim_in(id, Lang::En, &format!("unlock m at tick {p1_unlock}"));
    claim_in(id, Lang::Ko, &format!("unlock m(틱 {p1_unlock})"));
    // P2 is Blocked on the mutex, not on I/O, from the end of its lock to the end of the unlock.
    let mid = lesson.state_at(p2_lock + 2);
    assert_eq!(mid.threads[1].state, proclab_core::ProcessState::Blocked);
    assert!(mid.blocked.is_empty(), "a mutex wait is no I/O");
    assert_eq!(mid.shared_sync[0].holder.map(|holder| holder.pid), Some(0));
    let blocked = lesson.metrics().threads[1].blocked;
    assert_eq!(blocked, p1_unlock - p2_lock);
    claim_in(id, Lang::En, &format!("from tick {} until", p2_lock + 1));
    claim_in(
        id,
        Lang::En,
        &format!("at tick {}: {blocked} ticks", p1_unlock + 1),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("틱 {}에 m을 넘겨줄 때까지 {blocked}틱", p1_unlock + 1),
    );
    // Then P1 waits for its I/O, asked for in its unlock's tick: Blocked again, for another cause.
    let io = lesson.metrics().threads[0].io;
    let io_start = p1_unlock + 1;
    let at = lesson.state_at(io_start);
    assert_eq!(at.threads[0].state, proclab_core::ProcessState::Blocked);
    assert_eq!(at.blocked.len(), 1, "P1 is in I/O");
    claim_in(
        id,
        Lang::En,
        &format!("from tick {io_start} to {}", io_start + io),
    );
    claim_in(
        id,
        Lang::Ko,
        &format!("틱 {io_start}부터 {}까지", io_start + io),
    );
    claim_in(id, Lang::En, &format!("ends at tick {}", lesson.end_tick()));
    claim_in(id, Lang::Ko, &format!("{}틱에 끝납니다", lesson.end_tick()));
    // The log's sentence for P2's wait names m whatever tick the page shows, and its holder
    // while P2 still waits.
    let wait = lesson
        .events()
        .iter()
        .find(|event| matches!(event.cause, Cause::Waits { .. }))
        .expect("P2 waits");
    let say = |tick: u64, lang: Lang| {
        proclab_app::watch::narrate::narrate(wait, &lesson.state_at(tick), lang)
    };
    assert_eq!(
        say(wait.tick, Lang::En),
        format!(
            "t={}: P2 waits for shared mutex m, held by P1, and blocks (at the end of its wait queue).",
            wait.tick
        )
    );
    assert_eq!(
        say(lesson.end_tick(), Lang::En),
        format!(
            "t={}: P2 waits for shared mutex m and blocks (at the end of its wait queue).",
            wait.tick
        )
    );
    assert!(say(lesson.end_tick(), Lang::Ko).contains("공유 뮤텍스 m을 기다리며"));
}

#[test]
fn a_deadlock_on_mutexes_named_in_bursts_draws_each_shared_mutex_once_by_its_name() {
    use proclab_core::spec::BurstSpec::{Cpu, Lock, Unlock};
    let m = |name: &str| String::from(name);
    let spec = proclab_core::ScenarioSpec {
        processes: [("a", "b"), ("b", "a")]
            .into_iter()
            .map(|(first, second)| proclab_core::ProcessSpec {
                bursts: vec![
                    Cpu(1),
                    Lock(m(first)),
                    Cpu(2),
                    Lock(m(second)),
                    Unlock(m(second)),
                    Unlock(m(first)),
                ],
                ..proclab_core::ProcessSpec::default()
            })
            .collect(),
        policy: PolicySpec::Rr { quantum: 2 },
        ..proclab_core::ScenarioSpec::default()
    };
    let run = simulate_spec(&spec).expect("valid");
    let (nodes, _) = proclab_app::program_view::wait_graph(&run).expect("a deadlock");
    let mut resources: Vec<&str> = nodes
        .iter()
        .filter(|node| node.resource)
        .map(|node| node.label.as_str())
        .collect();
    resources.sort_unstable();
    assert_eq!(
        resources,
        ["a", "b"],
        "one node per shared mutex, not one per process"
    );
}
