//! What a scheduled run of programs records: every executed instruction ([`ExecutedStep`]) and
//! how the run ended ([`RunEnd`]). The engine writes them; `Run` hands them to readers.

use alloc::string::String;
use alloc::vec::Vec;

use super::machine::StepOutcome;
use super::memory::Accesses;
use crate::trace::SyncObject;

/// One instruction executed by the engine: one tick of one CPU.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExecutedStep {
    /// The tick it took: it ran from `tick` to `tick + 1`.
    pub tick: u64,
    /// The thread, by its index in `Scenario::threads`.
    pub thread: u32,
    /// The CPU it ran on.
    pub cpu: u32,
    /// The instruction's address.
    pub pc: u32,
    /// The memory words it read and wrote (in its process's address space).
    pub accesses: Accesses,
    /// Continued, yielded, halted, or faulted (a fault ends the thread).
    pub outcome: StepOutcome,
}

/// Time a program thread spent in the kernel on one CPU, `[start, end)`: the ticks of
/// `machine.kernel_entry_cost` after an instruction that entered the kernel, on the CPU, with no
/// instruction run. Consecutive ticks of one thread on one CPU are one span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KernelSpan {
    /// The CPU.
    pub cpu: u32,
    /// The thread, by its index in `Scenario::threads`.
    pub thread: u32,
    /// First tick.
    pub start: u64,
    /// One past the last tick.
    pub end: u64,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RunEnd {
    /// Every thread exited.
    Finished,
    /// `machine.instruction_budget` instructions ran and some thread has not finished (a lock
    /// never released, a loop that never ends).
    BudgetExhausted {
        /// Instructions executed (each tick of a `cpu $n` after its first counted as one).
        instructions: u64,
        /// The tick the run stopped at.
        tick: u64,
    },
    /// Every thread that has not finished waits for a mutex, a semaphore or a condition, and
    /// nothing else can happen (no I/O, no arrival): [`Deadlock`] says who waits for what.
    Deadlock {
        /// The tick the run stopped at.
        tick: u64,
    },
    /// The explicit schedule is used up and some thread has not finished: the run waits for the
    /// next choice.
    ScheduleUsedUp {
        /// The tick the run paused at.
        tick: u64,
    },
}

/// One thread's wait at the end of a run: what it waits for and who holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitEdge {
    /// The waiting thread (index in `Scenario::threads`).
    pub thread: u32,
    /// The mutex, semaphore or condition.
    pub object: SyncObject,
    /// Its name as declared.
    pub name: String,
    /// The thread holding the mutex (a semaphore or a condition has no holder).
    pub holder: Option<u32>,
}

/// Who waits for what when a run deadlocks, and the cycle of the wait-for graph if there is one
/// (T1 waits for a mutex T2 holds, T2 for one T1 holds: `[T1, T2]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadlock {
    /// Every waiting thread, in thread order.
    pub waits: Vec<WaitEdge>,
    /// The threads of a cycle, starting from the lowest index, each waiting for the next's
    /// mutex and the last for the first's; empty if the waits form no cycle (a semaphore or a
    /// condition nobody will signal).
    pub cycle: Vec<u32>,
}

impl Deadlock {
    /// The report for these waits: the first cycle found following holders from the lowest
    /// waiting thread.
    pub(crate) fn of(waits: Vec<WaitEdge>) -> Deadlock {
        let next = |thread: u32| {
            waits
                .iter()
                .find(|edge| edge.thread == thread)
                .and_then(|edge| edge.holder)
        };
        let mut cycle = Vec::new();
        'start: for edge in &waits {
            let mut path = alloc::vec![edge.thread];
            let mut current = edge.thread;
            while let Some(holder) = next(current) {
                if let Some(position) = path.iter().position(|&seen| seen == holder) {
                    let mut found = path.split_off(position);
                    let lowest = found
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, thread)| **thread)
                        .map_or(0, |(index, _)| index);
                    found.rotate_left(lowest);
                    cycle = found;
                    break 'start;
                }
                path.push(holder);
                current = holder;
            }
        }
        Deadlock { waits, cycle }
    }
}
