//! The MLFQ priority boost: every unfinished thread back to the top level.
//!
//! A running thread below the top level is displaced as if preempted: it goes back to the head
//! of the (new) top level, and continues on its CPU at the decision if the policy picks it
//! again; otherwise it is reported preempted by the thread that takes its place.

use alloc::vec::Vec;

use super::{Activity, Engine};
use crate::policy::Entry;
use crate::task::{CpuIx, ThreadIx};
use crate::trace::{Change, PreemptReason, Slot};
use crate::ProcessState;

impl Engine {
    /// Boosts now: displaces running threads below the top level, moves every queued thread to
    /// the top, renews every unfinished thread's slice and allotment, and reports the threads
    /// that moved up.
    pub(super) fn boost(&mut self) {
        for cpu in self.cpu_ixs() {
            if let Activity::Running { task, .. } = self.cpus[cpu].activity {
                self.settle(cpu);
                if self.tasks[task].policy.level > 0 {
                    self.tasks[task].ready_since = self.now;
                    let queue = self.queue_of(cpu);
                    self.enqueue_on(queue, task, Entry::Preempted);
                    self.cpus[cpu].set_activity(Activity::Free);
                    if self.cpus[cpu].displaced.replace(task).is_none() {
                        self.displaced_cpus += 1;
                    }
                }
            }
        }
        // Only threads touched since the last boost can differ from fresh at the top level; the
        // others are left as they are, so the boost costs in proportion to the threads it moves.
        let mut touched = core::mem::take(&mut self.touched);
        touched.sort_unstable();
        for index in &touched {
            self.touched_flags[index.slot()] = false;
        }
        let lowered: Vec<ThreadIx> = touched
            .iter()
            .copied()
            .filter(|index| {
                let task = &self.tasks[*index];
                task.is_alive() && task.policy.level > 0
            })
            .collect();
        for queue in &mut self.queues {
            queue.boost();
        }
        let policy = &self.queues[0];
        for index in &touched {
            let task = &mut self.tasks[*index];
            if task.is_alive() {
                policy.boost_thread(&mut task.policy);
            }
        }
        for index in lowered {
            let state = self.tasks[index].state;
            self.record(None, index, Change::Boosted { state });
        }
        touched.clear();
        self.touched = touched;
        // Threads still running got a fresh slice, and spend it from now on.
        for cpu in self.cpu_ixs() {
            if let Activity::Running { task, since, .. } = self.cpus[cpu].activity {
                let until = self.slice_end(task);
                self.cpus[cpu].set_activity(Activity::Running { task, since, until });
            }
            match self.cpus[cpu].activity {
                Activity::Running { task, .. }
                | Activity::Switching { task, .. }
                | Activity::Held { task } => self.touch(task),
                Activity::Free => {}
            }
        }
    }

    /// A thread displaced from `cpu` by the boost does not continue there: Running -> Ready,
    /// reported as preempted by `by`, and the CPU's slice ends.
    pub(super) fn end_displaced(&mut self, cpu: CpuIx, displaced: ThreadIx, by: ThreadIx) {
        let change = Change::Preempted {
            by: Slot::of(by),
            reason: PreemptReason::Boost,
        };
        self.record(Some(cpu), displaced, change);
        self.cold[displaced].preemptions += 1;
        self.tasks[displaced].state = ProcessState::Ready;
    }
}
