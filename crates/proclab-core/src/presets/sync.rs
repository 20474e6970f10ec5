//! The synchronization lesson: threads that run short `x86.py` programs (the `.s` files next to
//! this one) and race on a shared counter, then the locks that stop the race.
//!
//! Every counter program adds 1 to `counter`, `%bx` times per thread (Peterson's: `%cx` times,
//! `%bx` is the thread's id), so a correct run ends with the sum of those counts. The lock programs
//! mark their parts with labels that the lesson's checks read: `.lock` (the first instruction of
//! taking the lock), `.critical` (the first one after the lock let the thread through) and
//! `.unlock` (the one that gives it back). The exchange locks (`xchg`, TTAS, yield) share
//! everything but the way they take the lock, so their runs compare; the mutex program
//! (`mutex-lock.s`) is the exchange lock's with `lock m` / `unlock m`, labels included.
//!
//! Then the ProcLab sync objects (`.mutex`, `.sem`): two locks taken in opposite orders, and
//! three dining philosophers, each pair deadlocking under a plain round robin and finishing once
//! the program takes its locks in one order (the `-ordered.s` files differ from the others in
//! the order of two `lock` lines); and a bounded buffer whose producer and consumer threads
//! block on semaphores; and Silberschatz's first readers-writers solution, where readers share
//! `data` and the writer waits until the last of them leaves. A small instruction budget ends quickly a run that would spin forever
//! after an edit.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::{Preset, PresetId};
use crate::spec::{MachineSpec, PolicySpec, ProcessSpec, ScenarioSpec, ThreadSpec};

/// No lock: load, add, store.
const RACE: &str = include_str!("race.s");
/// A client and a server process that talk through two message queues.
const CLIENT: &str = include_str!("client.s");
const SERVER: &str = include_str!("server.s");
/// A writer and a reader process joined by a pipe of 2 values; the reader reads to end-of-file.
const PIPE_WRITER: &str = include_str!("pipe-writer.s");
const PIPE_READER: &str = include_str!("pipe-reader.s");
/// The race, by two processes on a word of a shared memory segment.
const SHM_RACE: &str = include_str!("shm-race.s");
/// The same inside a semaphore of the segment.
const SHM_SEMAPHORE: &str = include_str!("shm-semaphore.s");
/// Bursts (`cpu $n`) with a mutex taken between them, then I/O and a last burst.
const BURSTS_LOCK: &str = include_str!("bursts-lock.s");
/// The timer of `bursts-lock`: a quantum of 2 ticks, shorter than the bursts, so a thread is
/// preempted in the middle of one and the other finds `m` taken.
const BURSTS_LOCK_TIMER: PolicySpec = PolicySpec::Rr { quantum: 2 };
/// Two processes whose bursts take the mutex `m` both name, written in the bursts field itself:
/// P1 `2 lock m 3 unlock m io2 2`, P2 `2 lock m 3 unlock m 1`.
fn bursts_lock_processes() -> Vec<ProcessSpec> {
    use crate::spec::BurstSpec::{Cpu, Io, Lock, Unlock};
    let m = || String::from("m");
    let first = vec![Cpu(2), Lock(m()), Cpu(3), Unlock(m()), Io(2), Cpu(2)];
    let second = vec![Cpu(2), Lock(m()), Cpu(3), Unlock(m()), Cpu(1)];
    [first, second]
        .into_iter()
        .enumerate()
        .map(|(index, bursts)| ProcessSpec {
            name: format!("P{}", index + 1),
            bursts,
            ..ProcessSpec::default()
        })
        .collect()
}

/// The pipe's job (pass 1 to 6 and add them up) by two threads through a shared array.
const IPC_THREADS: &str = include_str!("ipc-threads.s");

/// Ticks in the kernel per system call in the thread-versus-process pair.
const KERNEL_ENTRY_COST: u64 = 3;

/// `spec` with [`KERNEL_ENTRY_COST`].
fn with_kernel_cost(mut spec: ScenarioSpec) -> ScenarioSpec {
    spec.machine.kernel_entry_cost = KERNEL_ENTRY_COST;
    spec
}
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
/// The exchange lock's counter with a mutex (`lock m` / `unlock m`): waiters block.
const MUTEX_LOCK: &str = include_str!("mutex-lock.s");
/// Two mutexes taken in opposite orders by two threads.
const TWO_LOCKS: &str = include_str!("two-locks.s");
/// The same, both threads taking `a` first.
const TWO_LOCKS_ORDERED: &str = include_str!("two-locks-ordered.s");
/// Three dining philosophers, each taking its left fork first.
const PHILOSOPHERS: &str = include_str!("philosophers.s");
/// The same, every philosopher taking its lower-numbered fork first.
const PHILOSOPHERS_ORDERED: &str = include_str!("philosophers-ordered.s");
/// A bounded buffer of 3 slots on semaphores `empty` and `full` and a mutex.
const PRODUCER_CONSUMER: &str = include_str!("producer-consumer.s");
/// Silberschatz's first readers-writers solution: two readers and a writer on semaphores.
const READERS_WRITERS: &str = include_str!("readers-writers.s");
/// The same bounded buffer on a mutex and two condition variables.
const PRODUCER_CONSUMER_CONDVAR: &str = include_str!("producer-consumer-condvar.s");

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

/// The timer of the two-locks pair: every 3 instructions, so each thread is switched out right
/// after its first `lock` (the third instruction on both paths).
const TWO_LOCKS_TIMER: PolicySpec = PolicySpec::Rr { quantum: 3 };

/// The timer of the philosophers: every 6 instructions. Philosopher 0 and 1 reach their first
/// `lock` at their sixth instruction and are switched out holding one fork; philosopher 2,
/// whose path is shorter, takes its left fork and then waits for its right one.
const PHILOSOPHERS_TIMER: PolicySpec = PolicySpec::Rr { quantum: 6 };

/// The timer of the readers and the writer: every 12 instructions. A reader's way in is 11
/// instructions at most, so each reader is switched out inside, reading, and the writer, last in
/// line, finds both readers inside.
const READERS_WRITERS_TIMER: PolicySpec = PolicySpec::Rr { quantum: 12 };

/// The synchronization presets, in the order the page lists them.
pub(super) fn presets() -> Vec<Preset> {
    let two = &["bx=3", "bx=3"][..];
    let philosophers = &["bx=0", "bx=1", "bx=2"][..];
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
        Preset {
            id: PresetId::MutexBlocking,
            spec: on(threads(MUTEX_LOCK, two), LOCK_TIMER, 1),
        },
        Preset {
            id: PresetId::DeadlockTwoLocks,
            spec: on(threads(TWO_LOCKS, &["bx=0", "bx=1"]), TWO_LOCKS_TIMER, 1),
        },
        Preset {
            id: PresetId::DeadlockTwoLocksOrdered,
            spec: on(
                threads(TWO_LOCKS_ORDERED, &["bx=0", "bx=1"]),
                TWO_LOCKS_TIMER,
                1,
            ),
        },
        Preset {
            id: PresetId::PhilosophersDeadlock,
            spec: on(threads(PHILOSOPHERS, philosophers), PHILOSOPHERS_TIMER, 1),
        },
        Preset {
            id: PresetId::PhilosophersOrdered,
            spec: on(
                threads(PHILOSOPHERS_ORDERED, philosophers),
                PHILOSOPHERS_TIMER,
                1,
            ),
        },
        Preset {
            id: PresetId::ProducerConsumerSemaphores,
            spec: on(
                threads(PRODUCER_CONSUMER, &["bx=0:cx=6", "bx=1:cx=6"]),
                PolicySpec::Fcfs,
                1,
            ),
        },
        Preset {
            id: PresetId::ProducerConsumerCondvar,
            spec: on(
                threads(PRODUCER_CONSUMER_CONDVAR, &["bx=0:cx=6", "bx=1:cx=6"]),
                PolicySpec::Fcfs,
                1,
            ),
        },
        Preset {
            id: PresetId::MessageQueueClientServer,
            spec: on(
                vec![
                    program_process("Client", CLIENT, &[""]),
                    program_process("Server", SERVER, &[""]),
                ],
                PolicySpec::Rr { quantum: 2 },
                1,
            ),
        },
        Preset {
            id: PresetId::PipeWriterReader,
            spec: on(
                vec![
                    program_process("Writer", PIPE_WRITER, &[""]),
                    program_process("Reader", PIPE_READER, &[""]),
                ],
                PolicySpec::Fcfs,
                1,
            ),
        },
        Preset {
            id: PresetId::ShmRace,
            spec: on(
                vec![
                    program_process("P1", SHM_RACE, &["bx=3"]),
                    program_process("P2", SHM_RACE, &["bx=3"]),
                ],
                RACE_TIMER,
                1,
            ),
        },
        Preset {
            id: PresetId::ShmSemaphore,
            spec: on(
                vec![
                    program_process("P1", SHM_SEMAPHORE, &["bx=3"]),
                    program_process("P2", SHM_SEMAPHORE, &["bx=3"]),
                ],
                RACE_TIMER,
                1,
            ),
        },
        Preset {
            id: PresetId::IpcCostThreads,
            spec: with_kernel_cost(on(
                threads(IPC_THREADS, &["bx=0", "bx=1"]),
                PolicySpec::Fcfs,
                1,
            )),
        },
        Preset {
            id: PresetId::IpcCostPipe,
            spec: with_kernel_cost(on(
                vec![
                    program_process("Writer", PIPE_WRITER, &[""]),
                    program_process("Reader", PIPE_READER, &[""]),
                ],
                PolicySpec::Fcfs,
                1,
            )),
        },
        Preset {
            id: PresetId::ReadersWriters,
            spec: on(
                threads(READERS_WRITERS, &["bx=0", "bx=1", "bx=2"]),
                READERS_WRITERS_TIMER,
                1,
            ),
        },
        Preset {
            id: PresetId::BurstsLock,
            spec: on(threads(BURSTS_LOCK, &["", ""]), BURSTS_LOCK_TIMER, 1),
        },
        Preset {
            id: PresetId::BurstsLockProcesses,
            spec: on(bursts_lock_processes(), BURSTS_LOCK_TIMER, 1),
        },
    ]
}
