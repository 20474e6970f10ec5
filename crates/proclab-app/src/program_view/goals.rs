//! "You are the scheduler": its goals and the threads a student may choose.

use proclab_core::Run;

use super::*;

/// The goals of "you are the scheduler".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// Make a store overwrite another thread's update.
    LoseAnUpdate,
    /// Have two threads between their load and their store of one variable at once.
    BothInside,
    /// Run 20 instructions in a row while a thread that has not finished waits.
    Starve,
}

/// Instructions in a row that count as starving a waiting thread.
pub const STARVE_AFTER: usize = 20;

impl Goal {
    pub const ALL: [Goal; 3] = [Goal::LoseAnUpdate, Goal::BothInside, Goal::Starve];

    /// Whether the run reached it.
    pub fn reached(self, analysis: &Analysis) -> bool {
        match self {
            Goal::LoseAnUpdate => !analysis.lost.is_empty(),
            Goal::BothInside => analysis.most_inside.0 >= 2,
            Goal::Starve => analysis.longest_wait.0 >= STARVE_AFTER,
        }
    }

    pub fn words(self) -> ProgramText {
        match self {
            Goal::LoseAnUpdate => ProgramText::GoalLose,
            Goal::BothInside => ProgramText::GoalInside,
            Goal::Starve => ProgramText::GoalStarve,
        }
    }
}

/// The threads a student may choose next: those that have not finished.
pub fn choosable(run: &Run) -> Vec<u32> {
    let state = run.state_at(run.end_tick());
    state
        .threads
        .iter()
        .enumerate()
        .filter(|(_, tcb)| {
            tcb.program.as_ref().is_some_and(|context| !context.halted)
                && tcb.state != proclab_core::ProcessState::Exit
        })
        .map(|(index, _)| index as u32)
        .collect()
}
