//! The synchronization lesson's figures (`counter-*`, `race-*`, `lock-*`), each recomputed from
//! the preset's own run in both languages: what the counter ends at against what the threads
//! were asked to add (the sum of their `%bx`; `%cx` for Peterson's), the interleaving that lost
//! an update, the tick from which two threads were inside, the instructions spent on tries that
//! failed, the swaps of a taken lock, and the order of tickets and entries.
//!
//! The programs mark their parts with labels (`.lock`, `.critical`, `.unlock`, see
//! `proclab_core::presets`); the checks find every address through them.

mod common;

use common::{claim, claim_in, run};
use proclab_app::draft::Draft;
use proclab_app::lang::Lang;
use proclab_core::presets::{preset, PresetId};
use proclab_core::program::{AccessKind, Program, Register, RunEnd};
use proclab_core::{simulate_spec, Cause, PolicySpec, Run};

const SYNC: [PresetId; 11] = [
    PresetId::CounterThreads,
    PresetId::CounterProcesses,
    PresetId::RaceTwoThreads,
    PresetId::RaceThreeThreads,
    PresetId::RaceTwoCpus,
    PresetId::LockFlagBroken,
    PresetId::LockXchg,
    PresetId::LockTtas,
    PresetId::LockYield,
    PresetId::LockTicket,
    PresetId::LockPeterson,
];

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
    claim_in(id, Lang::Ko, &format!("{quantum}명령마다"));
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
    let words = |load: &str, store: &str, korean: bool| {
        round
            .iter()
            .map(|access| {
                let name = thread_name(run, access.thread);
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
/// lock's check, and the lock not yet given back.
fn first_tick_two_inside(run: &Run) -> Option<u64> {
    let inside = label(run, ".critical")..=label(run, ".unlock");
    (0..=run.end_tick()).find(|&tick| {
        let state = run.state_at(tick);
        let count = state
            .threads
            .iter()
            .filter_map(|thread| thread.program.as_ref())
            .filter(|context| !context.halted && inside.contains(&context.pc))
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

#[test]
fn every_synchronization_preset_finishes_well_inside_its_budget() {
    for id in SYNC {
        let run = run(id);
        assert_eq!(run.end(), RunEnd::Finished, "{id}");
        let budget = run.scenario().machine().instruction_budget;
        assert!(run.program_steps().len() as u64 * 4 < budget, "{id}");
    }
}

#[test]
fn every_synchronization_preset_survives_the_page_editor() {
    // The page shows a preset's banner only while the workspace holds exactly its spec.
    for id in SYNC {
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
        &format!("{raiser}이 깃발을 올리기 전에 {other}도 내려간 깃발을 보고"),
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
    claim_in(id, Lang::Ko, &format!("실패한 시도에 명령 {spent}개"));
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
        &format!("실패한 시도에 명령 {waited}개를 쓰고, 같은 타이머에서 돌며 기다리는 xchg 잠금(lock-xchg)은 {spun}개"),
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
