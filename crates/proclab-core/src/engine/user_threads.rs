//! Many-to-one threads (`ThreadModel::User`): the kernel schedules the process through one of its
//! threads at a time; the user-level scheduler switches between the others without the kernel.
//!
//! The other ready threads of the process are parked: Ready, but in no kernel queue. When the
//! running thread exits, the next ready thread of the process (cyclically by tid) continues on
//! the same CPU with the process's slice, with no dispatch latency.

use super::Engine;
use crate::policy::Entry;
use crate::task::{CpuIx, ThreadIx};
use crate::trace::{Change, Latency, Slot};
use crate::ProcessState;

impl Engine {
    /// Ready, but invisible to the kernel: a user-level thread waiting for its process's CPU.
    pub(super) fn park(&mut self, index: ThreadIx) {
        self.mark_ready(index);
    }

    /// The next unfinished user-level thread of `index`'s process, cyclically by tid.
    pub(super) fn next_user_thread(&self, index: ThreadIx) -> Option<ThreadIx> {
        let process = &self.scenario.processes()[self.tasks[index].pid as usize];
        let first = process.first_thread();
        let count = process.thread_count();
        let offset = index.0 - first;
        (1..count)
            .map(|step| ThreadIx(first + (offset + step) % count))
            .find(|candidate| self.tasks[*candidate].state == ProcessState::Ready)
    }

    /// The user-level scheduler switches the running process from `old` (exited) to `new` on
    /// `cpu`, with no kernel involvement: no dispatch latency, the process keeps its slice.
    pub(super) fn user_switch(&mut self, cpu: CpuIx, old: ThreadIx, new: ThreadIx) {
        let process_slice = self.tasks[old].policy;
        self.touch(new);
        self.tasks[new].policy.carry_over(&process_slice);
        if process_slice.quantum_left == Some(0) {
            // The process's slice ended with the thread: it goes back to the ready queue,
            // represented by the thread the user-level scheduler runs next.
            let change = self.queues[0].on_expired(&mut self.tasks[new].policy);
            self.report_level(Some(cpu), new, ProcessState::Ready, change);
            self.leave_ready(new);
            let queue = self.queue_of(cpu);
            self.make_ready_on(new, Entry::Expired, queue);
            return;
        }
        self.leave_ready(new);
        let task = &mut self.tasks[new];
        task.state = ProcessState::Running;
        task.acc.dispatches += 1;
        task.last_cpu = Some(cpu);
        // No latency, no stall: the CPU runs `new` from now on.
        let change = Change::Dispatched {
            cold: 0,
            saved: Slot::of(old),
            latency: Latency::Zero,
        };
        self.record(Some(cpu), new, change);
        self.cpus[cpu].last = Some(new);
        self.last_dispatched = Some(new);
        self.start_running(cpu, new);
    }
}
