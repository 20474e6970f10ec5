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

/// The threads a student may choose next: the program threads that have not finished (no
/// `halt` and no fault among their executed instructions, which is what ends one). Read from the
/// recorded instructions, not from the machine at the end, which would replay the whole run.
pub fn choosable(run: &Run) -> Vec<u32> {
    let scenario = run.scenario();
    let mut finished = vec![false; scenario.threads().len()];
    for step in run.program_steps() {
        if matches!(step.outcome, StepOutcome::Halted | StepOutcome::Fault(_)) {
            finished[step.thread as usize] = true;
        }
    }
    (0..finished.len() as u32)
        .filter(|thread| program_of(scenario, *thread).is_some() && !finished[*thread as usize])
        .collect()
}
