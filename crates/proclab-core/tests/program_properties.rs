//! Laws of threads that run programs under the scheduling engine, on random machines drawn from
//! the core's PCG32: explicit schedules (repeating, every thread named at least once) and round
//! robin or FCFS on 1 to 4 CPUs, with random switch costs and timer convention. A counter
//! guarded by a correct lock never loses an update whenever the run finishes; the unlocked
//! counter is always exactly what its executed steps say it is.

use proclab_core::program::{AccessKind, Memory, Program, RunEnd, StepOutcome};
use proclab_core::rng::Pcg32;
use proclab_core::{simulate, ProcessSpec, Run, Scenario, ScenarioSpec, ThreadSpec};

mod common;
use common::programs::random_machine;

const SWAP_LOCK: &str = include_str!("data/x86/counter-swap-lock.s");
const TTAS: &str = include_str!("data/x86/counter-ttas.s");
const YIELD_LOCK: &str = include_str!("data/x86/counter-yield-lock.s");
const TICKET: &str = include_str!("data/x86/counter-ticket.s");
const PETERSON: &str = include_str!("data/x86/two-flags.s");
const RACE: &str = include_str!("data/x86/counter-race.s");
const FLAG_LOCK: &str = include_str!("data/x86/counter-flag-lock.s");

/// Random runs per lock (five locks, and the broken one).
const LOCK_SEEDS: u64 = 200;
/// Random runs of the unlocked counter.
const RACE_SEEDS: u64 = 300;

/// A random workload of `source`: one or two processes (each its own address space), each with
/// 2 to 4 threads (Peterson: exactly 2, `%bx` = the thread's id 0 or 1) adding 1 to the
/// process's counter `%bx` times (1 to 3; Peterson: once). Returns the processes and, per
/// process, the total its counter must reach.
fn random_processes(rng: &mut Pcg32, source: &str) -> (Vec<ProcessSpec>, Vec<i64>) {
    let peterson = source == PETERSON;
    let mut processes = Vec::new();
    let mut totals = Vec::new();
    for _ in 0..rng.between(1, 2) {
        let thread_count = if peterson { 2 } else { rng.between(2, 4) };
        let mut threads = Vec::new();
        let mut total = 0;
        for tid in 0..thread_count {
            let bx = if peterson { tid } else { rng.between(1, 3) };
            total += if peterson { 1 } else { bx as i64 };
            threads.push(ThreadSpec {
                registers: format!("bx={bx}"),
                ..ThreadSpec::default()
            });
        }
        processes.push(ProcessSpec {
            program: source.to_owned(),
            threads,
            ..ProcessSpec::default()
        });
        totals.push(total);
    }
    (processes, totals)
}

fn run(spec: &ScenarioSpec) -> Run {
    simulate(&Scenario::new(spec).unwrap_or_else(|errors| panic!("rejected: {errors:?}")))
}

fn counter_address(program: &Program) -> u32 {
    program
        .variables()
        .iter()
        .find(|variable| variable.name == "counter")
        .expect("a counter")
        .address
}

/// Laws of every run: instructions in tick order, CPU by CPU within a tick; each CPU and each
/// thread executes at most one instruction per tick; a finished run ran every thread to its
/// `halt`.
fn check_steps(run: &Run, context: &str) {
    let steps = run.program_steps();
    for pair in steps.windows(2) {
        assert!(
            (pair[0].tick, pair[0].cpu) < (pair[1].tick, pair[1].cpu),
            "{context}: {pair:?}"
        );
    }
    for tick in steps.chunk_by(|one, other| one.tick == other.tick) {
        let mut threads: Vec<u32> = tick.iter().map(|step| step.thread).collect();
        threads.sort_unstable();
        threads.dedup();
        assert_eq!(threads.len(), tick.len(), "{context}: {tick:?}");
    }
    for step in steps {
        assert!(
            !matches!(step.outcome, StepOutcome::Fault(_)),
            "{context}: {step:?}"
        );
    }
    if run.end() == RunEnd::Finished {
        let threads = run.scenario().threads().len() as u32;
        for thread in 0..threads {
            let last = steps
                .iter()
                .rfind(|step| step.thread == thread)
                .unwrap_or_else(|| panic!("{context}: thread {thread} never ran"));
            assert_eq!(last.outcome, StepOutcome::Halted, "{context}");
        }
    }
}

fn final_counters(run: &Run, program: &Program) -> Vec<i64> {
    let address = counter_address(program);
    run.state_at(run.end_tick())
        .memories
        .iter()
        .map(|memory| {
            memory
                .words
                .iter()
                .find(|(_, word_address, _)| *word_address == address)
                .expect("a counter")
                .2
        })
        .collect()
}

#[test]
fn a_correct_lock_never_loses_an_update_under_any_schedule_or_machine() {
    for (name, source) in [
        ("xchg test-and-set", SWAP_LOCK),
        ("test, then test-and-set", TTAS),
        ("xchg with yield", YIELD_LOCK),
        ("ticket (fetchadd)", TICKET),
        ("Peterson", PETERSON),
    ] {
        let program = Program::parse(source).expect("parses");
        let mut rng = Pcg32::new(2026, 17);
        let mut finished = 0;
        for seed in 0..LOCK_SEEDS {
            let (processes, totals) = random_processes(&mut rng, source);
            let spec = random_machine(&mut rng, processes, 10, true);
            let context = format!("{name} #{seed}: {:?} {:?}", spec.machine, spec.schedule);
            let run = run(&spec);
            check_steps(&run, &context);
            match run.end() {
                RunEnd::Finished => {
                    finished += 1;
                    assert_eq!(final_counters(&run, &program), totals, "{context}");
                }
                RunEnd::BudgetExhausted { instructions, .. } => {
                    assert!(instructions >= 50_000, "{context}");
                }
                RunEnd::ScheduleUsedUp { .. } => panic!("{context}: a repeating schedule"),
                RunEnd::Deadlock { .. } => panic!("{context}: these locks use no mutex"),
            }
        }
        // The law is not vacuous: nearly every run finishes well inside the budget.
        assert!(
            finished * 10 >= LOCK_SEEDS * 9,
            "{name}: {finished} of {LOCK_SEEDS}"
        );
    }
}

#[test]
fn the_broken_flag_lock_is_caught_by_the_same_law() {
    // The control experiment: testing the flag and setting it in two steps loses updates on
    // the same random machines, so the law above has teeth.
    let program = Program::parse(FLAG_LOCK).expect("parses");
    let mut rng = Pcg32::new(2026, 17);
    let mut lost = 0;
    for _ in 0..LOCK_SEEDS {
        let (processes, totals) = random_processes(&mut rng, FLAG_LOCK);
        let run = run(&random_machine(&mut rng, processes, 10, true));
        if run.end() == RunEnd::Finished {
            let counters = final_counters(&run, &program);
            lost += counters
                .iter()
                .zip(&totals)
                .filter(|(counter, total)| counter < total)
                .count();
        }
    }
    assert!(lost > 0, "the flag lock never lost an update");
}

#[test]
fn the_unlocked_counter_is_exactly_what_its_steps_say() {
    let program = Program::parse(RACE).expect("parses");
    let counter = counter_address(&program);
    // counter-race.s: `mov counter, %ax` at the load address, `add $1, %ax`, `mov %ax, counter`.
    let load = program.load_address();
    let mut rng = Pcg32::new(11, 29);
    let mut lost_somewhere = 0;
    for seed in 0..RACE_SEEDS {
        let (processes, totals) = random_processes(&mut rng, RACE);
        let spec = random_machine(&mut rng, processes, 10, true);
        let context = format!("#{seed}: {:?} {:?}", spec.machine, spec.schedule);
        let run = run(&spec);
        check_steps(&run, &context);
        assert_eq!(run.end(), RunEnd::Finished, "{context}");
        let threads = run.scenario().threads();
        // Replay from the program text alone: per thread its own %ax, per process its counter.
        let mut ax = vec![0i64; threads.len()];
        let mut replayed = vec![0i64; totals.len()];
        // And the accesses the engine recorded, folded over a zeroed memory per process.
        let mut memories = vec![Memory::new(128 * 1024); totals.len()];
        for step in run.program_steps() {
            let thread = step.thread as usize;
            let pid = threads[thread].pid() as usize;
            let accesses = step.accesses.as_slice();
            match step.pc - load {
                0 => {
                    assert_eq!(accesses[0].kind, AccessKind::Read, "{context}");
                    assert_eq!(accesses[0].value, replayed[pid], "{context}: {step:?}");
                    ax[thread] = replayed[pid];
                }
                1 => ax[thread] += 1,
                2 => {
                    assert_eq!(accesses[0].kind, AccessKind::Write, "{context}");
                    assert_eq!(accesses[0].value, ax[thread], "{context}: {step:?}");
                    replayed[pid] = ax[thread];
                }
                _ => assert!(accesses.is_empty(), "{context}: {step:?}"),
            }
            for access in accesses {
                memories[pid].apply(access);
            }
        }
        let result = final_counters(&run, &program);
        assert_eq!(result, replayed, "{context}");
        let state = run.state_at(run.end_tick());
        for (memory, replay) in state.memories.iter().zip(&memories) {
            for (name, address, value) in &memory.words {
                assert_eq!(replay.read(*address), *value, "{context}: {name}");
            }
        }
        assert_eq!(replay_counter(&memories, counter), result, "{context}");
        // The machine at any tick, visited in any order, holds the stores of the ticks before.
        for _ in 0..4 {
            let tick = rng.below(run.end_tick() + 1);
            let mut before = vec![Memory::new(128 * 1024); totals.len()];
            for step in run.program_steps().iter().filter(|step| step.tick < tick) {
                let pid = threads[step.thread as usize].pid() as usize;
                for access in step.accesses.as_slice() {
                    before[pid].apply(access);
                }
            }
            let state = run.state_at(tick);
            let counters: Vec<i64> = state
                .memories
                .iter()
                .map(|memory| memory.words[0].2)
                .collect();
            assert_eq!(
                counters,
                replay_counter(&before, counter),
                "{context}: tick {tick}"
            );
        }
        for (value, total) in result.iter().zip(&totals) {
            assert!(
                (1..=*total).contains(value),
                "{context}: {value} of {total}"
            );
            lost_somewhere += u32::from(value < total);
        }
    }
    assert!(lost_somewhere > 0, "the race never lost an update");
}

fn replay_counter(memories: &[Memory], counter: u32) -> Vec<i64> {
    memories.iter().map(|memory| memory.read(counter)).collect()
}
