//! Laws of the instruction machine under many interleavings drawn from the core's PCG32:
//! correct locks never lose an update and admit one thread at a time; the unlocked counter's
//! result is exactly what its steps say it is.

use proclab_core::program::x86::{self, Timing, X86Config, X86End, X86Run};
use proclab_core::program::{Instruction, Machine, Program, Register, Registers, StepOutcome};
use proclab_core::rng::Pcg32;

const SWAP_LOCK: &str = include_str!("data/x86/counter-swap-lock.s");
const TTAS: &str = include_str!("data/x86/counter-ttas.s");
const YIELD_LOCK: &str = include_str!("data/x86/counter-yield-lock.s");
const TICKET: &str = include_str!("data/x86/counter-ticket.s");
const PETERSON: &str = include_str!("data/x86/two-flags.s");
const RACE: &str = include_str!("data/x86/counter-race.s");
const FLAG_LOCK: &str = include_str!("data/x86/counter-flag-lock.s");

const SEEDS: u64 = 150;

fn program(source: &str) -> Program {
    Program::parse(source).unwrap_or_else(|errors| panic!("{errors:?}"))
}

fn counter_address(program: &Program) -> u32 {
    program
        .variables()
        .iter()
        .find(|variable| variable.name == "counter")
        .expect("a counter")
        .address
}

/// A timer of 1..=10 instructions, or a random schedule naming every thread.
fn random_timing(rng: &mut Pcg32, threads: u32) -> Timing {
    if rng.below(2) == 0 {
        return Timing::Interrupt {
            every: rng.between(1, 10) as u32,
        };
    }
    let mut order: Vec<u32> = (0..threads).collect();
    for _ in 0..rng.below(10) {
        order.push(rng.below(u64::from(threads)) as u32);
    }
    for index in (1..order.len()).rev() {
        order.swap(index, rng.below(index as u64 + 1) as usize);
    }
    Timing::Schedule(order)
}

/// Threads, each with `%bx` = how many times it adds 1 (Peterson: `%bx` = its id 0 or 1).
fn random_config(rng: &mut Pcg32, source: &str) -> (X86Config, i64) {
    let peterson = source == PETERSON;
    let threads = if peterson {
        2
    } else {
        rng.between(2, 4) as u32
    };
    let mut registers = Vec::new();
    let mut total = 0;
    for thread in 0..threads {
        let bx = if peterson {
            i64::from(thread)
        } else {
            rng.between(1, 4) as i64
        };
        total += if peterson { 1 } else { bx };
        registers.push(vec![(Register::Bx, bx)]);
    }
    let config = X86Config {
        registers,
        timing: random_timing(rng, threads),
        budget: 200_000,
        ..X86Config::new(threads)
    };
    (config, total)
}

fn final_counter(run: &X86Run, program: &Program) -> i64 {
    run.machine().memory().read(counter_address(program))
}

#[test]
fn a_correct_lock_never_loses_an_update_under_x86_py_interleavings() {
    for (name, source) in [
        ("xchg test-and-set", SWAP_LOCK),
        ("test, then test-and-set", TTAS),
        ("xchg with yield", YIELD_LOCK),
        ("ticket (fetchadd)", TICKET),
        ("Peterson", PETERSON),
    ] {
        let program = program(source);
        let mut rng = Pcg32::new(2026, 1);
        for seed in 0..SEEDS {
            let (config, total) = random_config(&mut rng, source);
            let run = x86::run(&program, &config).expect("set-up accepted");
            assert_eq!(run.end(), X86End::AllHalted, "{name} #{seed}: {config:?}");
            assert_eq!(
                final_counter(&run, &program),
                total,
                "{name} #{seed}: {config:?}"
            );
        }
    }
}

/// The code addresses from the load of `counter` to its store: the read-modify-write that
/// must not interleave.
fn critical_window(program: &Program) -> (u32, u32) {
    let counter = i64::from(counter_address(program));
    let at = |wanted: &dyn Fn(&Instruction) -> bool| {
        let index = program
            .instructions()
            .iter()
            .position(wanted)
            .expect("the counter is loaded and stored");
        program.load_address() + index as u32
    };
    let load = at(
        &|instruction| matches!(instruction, Instruction::Load { source, .. } if source.offset == counter),
    );
    let store = at(
        &|instruction| matches!(instruction, Instruction::Store { destination, .. } if destination.offset == counter),
    );
    (load, store)
}

/// Runs `source` with every thread drawn at random before each instruction (not only x86.py's
/// round robin); returns the most threads ever inside the critical window at once, and the
/// counter at the end with the total it should reach.
fn random_interleaving(source: &str, rng: &mut Pcg32) -> (usize, i64, i64) {
    let program = program(source);
    let (first, last) = critical_window(&program);
    let (config, total) = random_config(rng, source);
    let mut machine = Machine::new(program.clone(), 131_072).expect("fits");
    for (thread, initial) in config.registers.iter().enumerate() {
        let mut registers = Registers::default();
        for &(register, value) in initial {
            registers.set(register, value);
        }
        registers.set(Register::Sp, 128_000 - 1000 * thread as i64);
        machine.add_thread(registers);
    }
    let mut most_inside = 0;
    for _ in 0..200_000 {
        let running: Vec<u32> = (0..machine.threads().len() as u32)
            .filter(|&thread| !machine.threads()[thread as usize].halted())
            .collect();
        if running.is_empty() {
            let counter = machine.memory().read(counter_address(&program));
            return (most_inside, counter, total);
        }
        let thread = running[rng.below(running.len() as u64) as usize];
        let step = machine.step(thread).expect("a running thread");
        assert!(!matches!(step.outcome, StepOutcome::Fault(_)), "{step:?}");
        let inside = machine
            .threads()
            .iter()
            .filter(|state| (first..=last).contains(&state.pc()))
            .count();
        most_inside = most_inside.max(inside);
    }
    panic!("no thread finished within 200,000 instructions");
}

#[test]
fn a_correct_lock_admits_one_thread_at_a_time_under_any_interleaving() {
    for (name, source) in [
        ("xchg test-and-set", SWAP_LOCK),
        ("test, then test-and-set", TTAS),
        ("xchg with yield", YIELD_LOCK),
        ("ticket (fetchadd)", TICKET),
        ("Peterson", PETERSON),
    ] {
        let mut rng = Pcg32::new(7, 3);
        for seed in 0..SEEDS {
            let (most_inside, counter, total) = random_interleaving(source, &mut rng);
            assert_eq!(most_inside, 1, "{name} #{seed}");
            assert_eq!(counter, total, "{name} #{seed}");
        }
    }
}

#[test]
fn the_broken_flag_lock_is_caught_by_the_same_laws() {
    // The control experiment: testing the flag and setting it in two steps lets two threads in.
    let mut rng = Pcg32::new(7, 3);
    let mut two_inside = 0;
    let mut lost = 0;
    for _ in 0..SEEDS {
        let (most_inside, counter, total) = random_interleaving(FLAG_LOCK, &mut rng);
        two_inside += u32::from(most_inside > 1);
        lost += u32::from(counter < total);
    }
    assert!(two_inside > 0 && lost > 0, "{two_inside} {lost}");
}

#[test]
fn the_unlocked_counter_equals_a_naive_replay_of_its_steps() {
    let program = program(RACE);
    let counter = counter_address(&program);
    let (load, _) = critical_window(&program);
    let mut rng = Pcg32::new(11, 5);
    let mut lost_somewhere = 0;
    for seed in 0..SEEDS * 2 {
        let (config, total) = random_config(&mut rng, RACE);
        let run = x86::run(&program, &config).expect("set-up accepted");
        assert_eq!(run.end(), X86End::AllHalted, "#{seed}");
        // Replay from the program text alone: load, add 1, store, per thread's own %ax.
        let mut ax = vec![0i64; config.registers.len()];
        let mut replayed = 0i64;
        for (index, (step, memory)) in run.steps().iter().zip(run.memories()).enumerate() {
            let thread = step.thread as usize;
            match step.pc - load {
                0 => ax[thread] = replayed,
                1 => ax[thread] += 1,
                2 => replayed = ax[thread],
                _ => {}
            }
            assert_eq!(memory.read(counter), replayed, "#{seed} step {index}");
        }
        let result = final_counter(&run, &program);
        assert_eq!(result, replayed, "#{seed}");
        assert!(
            result >= 1 && result <= total,
            "#{seed}: {result} of {total}"
        );
        if result < total {
            lost_somewhere += 1;
        }
    }
    assert!(lost_somewhere > 0, "the race never lost an update");
}
