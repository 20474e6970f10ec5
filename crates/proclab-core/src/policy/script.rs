//! An explicit schedule: the thread of each next entry runs for one tick (`x86.py -P`, or the
//! student's own choices in "you are the scheduler").
//!
//! Entries are thread indices, used in order, one per dispatch. An entry whose thread has exited
//! or is not ready (not arrived yet, blocked, or already on another CPU), or may not run on the
//! CPU being filled (hard affinity: the engine passes it over), is used up without running
//! anything. After the last entry the schedule starts over (`repeat`) or gives no more
//! picks: the run pauses there, waiting for the next choice.

use alloc::vec::Vec;

use crate::spec::ScheduleSpec;
use crate::task::{PolicyState, Task, ThreadIx};
use crate::ProcessState;

#[derive(Clone, Debug)]
pub(crate) struct Script {
    entries: Vec<u32>,
    repeat: bool,
    cursor: usize,
    /// The ready threads, in the order they entered.
    ready: Vec<ThreadIx>,
}

impl Script {
    pub(crate) fn new(schedule: &ScheduleSpec) -> Script {
        Script {
            entries: schedule.threads.clone(),
            repeat: schedule.repeat,
            cursor: 0,
            ready: Vec::new(),
        }
    }

    pub(crate) fn enqueue(&mut self, index: ThreadIx) {
        self.ready.push(index);
    }

    /// The next entry's thread if it is ready; entries of threads that are not are used up on the
    /// way. `None` once the schedule is used up (or, repeating, when no entry can run).
    pub(crate) fn pick(&mut self) -> Option<ThreadIx> {
        let mut looked = 0;
        while looked < self.entries.len() {
            if self.cursor == self.entries.len() {
                if !self.repeat {
                    return None;
                }
                self.cursor = 0;
            }
            let thread = ThreadIx(self.entries[self.cursor]);
            self.cursor += 1;
            looked += 1;
            if let Some(position) = self.ready.iter().position(|ready| *ready == thread) {
                self.ready.remove(position);
                return Some(thread);
            }
            // Not ready, or ready but passed over for the CPU being filled (hard affinity):
            // either way the entry is used up.
        }
        None
    }

    /// The timer ran out as a thread exited (`timer_continues_after_exit`): the next live entry is
    /// used up without running (`x86.py`'s countdown of 1 after a `halt`).
    pub(crate) fn skip_next(&mut self, tasks: &[Task]) {
        let mut looked = 0;
        while looked < self.entries.len() {
            if self.cursor == self.entries.len() {
                if !self.repeat {
                    return;
                }
                self.cursor = 0;
            }
            let thread = ThreadIx(self.entries[self.cursor]);
            self.cursor += 1;
            looked += 1;
            if tasks[thread].state != ProcessState::Exit {
                return;
            }
        }
    }

    /// One tick per entry.
    pub(crate) fn on_dispatch(thread: &mut PolicyState) {
        thread.quantum_left = Some(1);
    }

    pub(crate) fn list(&self) -> Vec<ThreadIx> {
        self.ready.clone()
    }

    pub(crate) fn len(&self) -> usize {
        self.ready.len()
    }
}
