//! ProcLab's simulation core: a pure, deterministic model of processes and CPU scheduling.
//!
//! The core owns no clock, no randomness source, no I/O: every input comes in through a
//! validated scenario and every output is plain data. It builds without `std`.
#![cfg_attr(not(test), no_std)]

extern crate alloc;

/// The five states of the process model taught in every OS course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ProcessState {
    New,
    Ready,
    Running,
    Blocked,
    Exit,
}

impl ProcessState {
    /// All five states, in the order a process normally meets them.
    pub const ALL: [ProcessState; 5] = [
        ProcessState::New,
        ProcessState::Ready,
        ProcessState::Running,
        ProcessState::Blocked,
        ProcessState::Exit,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_states_in_lifecycle_order() {
        assert_eq!(ProcessState::ALL.len(), 5);
        assert_eq!(ProcessState::ALL[0], ProcessState::New);
        assert_eq!(ProcessState::ALL[4], ProcessState::Exit);
    }
}
