//! What a scheduled run of programs records: every executed instruction ([`ExecutedStep`]) and
//! how the run ended ([`RunEnd`]). The engine writes them; `Run` hands them to readers.

use super::machine::StepOutcome;
use super::memory::Accesses;

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

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RunEnd {
    /// Every thread exited.
    Finished,
    /// `machine.instruction_budget` instructions ran and some thread has not finished (a lock
    /// never released, a loop that never ends).
    BudgetExhausted {
        /// Instructions executed.
        instructions: u64,
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
