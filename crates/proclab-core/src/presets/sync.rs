//! The synchronization lesson: threads that run short `x86.py` programs (the `.s` files next to
//! this one) and race on a shared counter, then the locks that stop the race.
//!
//! Every program adds 1 to `counter`, `%bx` times per thread (Peterson's: `%cx` times, `%bx` is
//! the thread's id), so a correct run ends with the sum of those counts. The lock programs
//! mark their parts with labels that the lesson's checks read: `.lock` (the first instruction of
//! taking the lock), `.critical` (the first one after the lock let the thread through) and
//! `.unlock` (the one that gives it back). The exchange locks (`xchg`, TTAS, yield) share
//! everything but the way they take the lock, so their runs compare. A small instruction budget
//! ends quickly a run that would spin forever after an edit.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::{Preset, PresetId};
use crate::spec::{MachineSpec, PolicySpec, ProcessSpec, ScenarioSpec, ThreadSpec};

/// No lock: load, add, store.
const RACE: &str = include_str!("race.s");
/// A flag tested, then set, in two steps: not a lock.
const FLAG_LOCK: &str = include_str!("flag-lock.s");
/// A spin lock on `xchg` (test-and-set).
const XCHG_LOCK: &str = include_str!("xchg-lock.s");
/// Test-and-test-and-set: read until free, then `xchg`.
const TTAS_LOCK: &str = include_str!("ttas-lock.s");
/// The `xchg` lock that yields instead of spinning.
const YIELD_LOCK: &str = include_str!("yield-lock.s");
/// A ticket lock on `fetchadd`.
const TICKET_LOCK: &str = include_str!("ticket-lock.s");
/// Peterson's algorithm: loads and stores only.
const PETERSON: &str = include_str!("peterson.s");

/// Enough for every run here several times over; an edit that never releases stops at once.
const BUDGET: u64 = 2_000;

/// A process whose threads (one per entry of `registers`) run `program`.
fn program_process(name: &str, program: &str, registers: &[&str]) -> ProcessSpec {
    ProcessSpec {
        name: String::from(name),
        program: String::from(program),
        threads: registers
            .iter()
            .map(|registers| ThreadSpec {
                registers: String::from(*registers),
                ..ThreadSpec::default()
            })
            .collect(),
        ..ProcessSpec::default()
    }
}

/// One process, `P1`, whose threads run `program`.
fn threads(program: &str, registers: &[&str]) -> Vec<ProcessSpec> {
    vec![program_process("P1", program, registers)]
}

fn on(processes: Vec<ProcessSpec>, policy: PolicySpec, cpus: u32) -> ScenarioSpec {
    ScenarioSpec {
        processes,
        policy,
        machine: MachineSpec {
            cpus,
            instruction_budget: BUDGET,
            ..MachineSpec::default()
        },
        ..ScenarioSpec::default()
    }
}

/// The timer of the counters without a lock: every 4 instructions. The loop is 6 long, so the
/// switches drift through it and now and then fall between a load and its store.
const RACE_TIMER: PolicySpec = PolicySpec::Rr { quantum: 4 };

/// The timer of the sharing pair: every 3 instructions. The loop is 6 long, so every slice
/// holds whole updates and a switch never falls between a load and its store.
const SHARING_TIMER: PolicySpec = PolicySpec::Rr { quantum: 3 };

/// The timer of the spin-versus-yield pair: 16 instructions, so a thread is sometimes switched
/// out while it holds the lock and the other spends its slice waiting.
const LOCK_TIMER: PolicySpec = PolicySpec::Rr { quantum: 16 };

/// The synchronization presets, in the order the page lists them.
pub(super) fn presets() -> Vec<Preset> {
    let two = &["bx=3", "bx=3"][..];
    vec![
        Preset {
            id: PresetId::CounterThreads,
            spec: on(threads(RACE, two), SHARING_TIMER, 1),
        },
        Preset {
            id: PresetId::CounterProcesses,
            spec: on(
                vec![
                    program_process("P1", RACE, &["bx=3"]),
                    program_process("P2", RACE, &["bx=3"]),
                ],
                SHARING_TIMER,
                1,
            ),
        },
        Preset {
            id: PresetId::RaceTwoThreads,
            spec: on(threads(RACE, two), RACE_TIMER, 1),
        },
        Preset {
            id: PresetId::RaceThreeThreads,
            spec: on(threads(RACE, &["bx=3", "bx=3", "bx=3"]), RACE_TIMER, 1),
        },
        Preset {
            id: PresetId::RaceTwoCpus,
            spec: on(threads(RACE, two), PolicySpec::Fcfs, 2),
        },
        Preset {
            id: PresetId::LockFlagBroken,
            spec: on(threads(FLAG_LOCK, two), PolicySpec::Rr { quantum: 3 }, 1),
        },
        Preset {
            id: PresetId::LockXchg,
            spec: on(threads(XCHG_LOCK, two), LOCK_TIMER, 1),
        },
        Preset {
            id: PresetId::LockTtas,
            spec: on(threads(TTAS_LOCK, two), PolicySpec::Fcfs, 2),
        },
        Preset {
            id: PresetId::LockYield,
            spec: on(threads(YIELD_LOCK, two), LOCK_TIMER, 1),
        },
        Preset {
            id: PresetId::LockTicket,
            spec: on(
                threads(TICKET_LOCK, &["bx=2", "bx=2", "bx=2"]),
                PolicySpec::Rr { quantum: 6 },
                1,
            ),
        },
        Preset {
            id: PresetId::LockPeterson,
            spec: on(
                threads(PETERSON, &["bx=0:cx=3", "bx=1:cx=3"]),
                PolicySpec::Fcfs,
                2,
            ),
        },
    ]
}
