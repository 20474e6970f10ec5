//! Running slices: a thread's progress on a CPU, and how a slice ends (quantum expiry, exit,
//! a request for I/O, or a preemption).
//!
//! A running thread's progress is settled lazily: `Task::left`, its slice and its CPU time are
//! brought up to `now` only when something looks at them or the slice ends.

use super::{Activity, Engine};
use crate::policy::Entry;
use crate::spec::RequeueOrder;
use crate::task::{CpuIx, ThreadIx};
use crate::trace::{Change, PreemptReason, Slot};
use crate::ProcessState;

impl Engine {
    /// Brings the thread running on `cpu` (if any) up to `now`: burst left, slice left, CPU
    /// time, first and last run.
    pub(super) fn settle(&mut self, cpu: CpuIx) {
        if let Activity::Running { task, since, until } = self.cpus[cpu].activity {
            self.touch(task);
            let ran = self.now - since;
            let entry = &mut self.tasks[task];
            // A program thread's burst is only an estimate: it may run longer.
            entry.left = entry.left.saturating_sub(ran);
            entry.policy.spend(ran);
            entry.acc.cpu += ran;
            if ran > 0 {
                entry.acc.last_run = Some(self.now);
                entry.acc.first_run.get_or_insert(since);
            }
            self.cpus[cpu].set_activity(Activity::Running {
                task,
                since: self.now,
                until,
            });
        }
    }

    /// When a slice of `task` starting now ends: at the end of its burst or of its quantum.
    pub(super) fn slice_end(&self, task: ThreadIx) -> u64 {
        let entry = &self.tasks[task];
        // A program's burst is open-ended: its program ends it (`execute_programs`).
        let left = if self
            .programs
            .as_ref()
            .is_some_and(|programs| programs.runs(task))
        {
            u64::MAX / 4
        } else {
            entry.left
        };
        let slice = match entry.policy.quantum_left {
            Some(quantum) => left.min(quantum),
            None => left,
        };
        self.now + slice
    }

    /// `task` starts executing on `cpu` now.
    pub(super) fn start_running(&mut self, cpu: CpuIx, task: ThreadIx) {
        let until = self.slice_end(task);
        self.cpus[cpu].set_activity(Activity::Running {
            task,
            since: self.now,
            until,
        });
    }

    /// The thread running on `cpu`, if it is executing (not switching in, not held).
    pub(super) fn running_task(&self, cpu: CpuIx) -> Option<ThreadIx> {
        match self.cpus[cpu].activity {
            Activity::Running { task, .. } => Some(task),
            _ => None,
        }
    }

    /// A running slice ends at `now`: the quantum expired, or the burst is done (exit or I/O).
    pub(super) fn end_slice(&mut self, cpu: CpuIx, index: ThreadIx, requeue: RequeueOrder) {
        self.settle(cpu);
        self.cpus[cpu].set_activity(Activity::Free);
        if let Some(programs) = &self.programs {
            if programs.runs(index) {
                // The program ended the thread, or the quantum or a `yield` ended the slice.
                if programs.done(index) {
                    self.exit(cpu, index);
                } else if let Some(wait) = programs.waiting[index.slot()] {
                    self.block_on_sync(cpu, index, wait);
                } else if let Some(ticks) = self.programs.as_mut().and_then(|p| p.take_io(index)) {
                    self.block_program_for_io(cpu, index, ticks);
                } else {
                    self.expire(cpu, index, requeue);
                }
                return;
            }
        }
        if self.tasks[index].left > 0 {
            self.expire(cpu, index, requeue);
            return;
        }
        let task = &self.tasks[index];
        if task.burst + 1 >= task.bursts {
            self.exit(cpu, index);
        } else {
            self.block_for_io(cpu, index);
        }
    }

    /// The quantum of `index` expired on `cpu` before the end of its burst: Running -> Ready,
    /// now or behind this instant's arrivals (`requeue`).
    fn expire(&mut self, cpu: CpuIx, index: ThreadIx, requeue: RequeueOrder) {
        let now = self.now;
        self.touch(index);
        let change = self.queues[0].on_expired(&mut self.tasks[index].policy);
        self.record(Some(cpu), index, Change::QuantumExpired);
        self.report_level(Some(cpu), index, ProcessState::Ready, change);
        self.tasks[index].state = ProcessState::Ready;
        match requeue {
            RequeueOrder::BeforeArrivals => self.make_ready(index, Entry::Expired),
            RequeueOrder::AfterArrivals => {
                self.tasks[index].ready_since = now;
                self.expired.push(index);
            }
        }
    }

    /// `index` finished its last burst on `cpu`: Running -> Exit. A user-level thread hands its
    /// process's CPU to the next thread of the process.
    fn exit(&mut self, cpu: CpuIx, index: ThreadIx) {
        self.tasks[index].state = ProcessState::Exit;
        self.cold[index].completion = Some(self.now);
        if self.scenario.conventions().timer_continues_after_exit {
            match self.tasks[index].policy.quantum_left {
                // The countdown ran out on the exit itself: the next thread loses its turn.
                Some(0) => {
                    let queue = self.queue_of(cpu);
                    self.queues[queue].skip_next(&self.tasks);
                }
                left => self.cpus[cpu].carry = left,
            }
        }
        self.alive_or_new -= 1;
        self.record(Some(cpu), index, Change::Exited);
        if self.tasks[index].user_level {
            if let Some(next) = self.next_user_thread(index) {
                self.user_switch(cpu, index, next);
            }
        }
    }

    /// Takes `victim` (running on `cpu`) off the CPU in favour of `by`: Running -> Ready.
    pub(super) fn preempt(
        &mut self,
        cpu: CpuIx,
        victim: ThreadIx,
        by: ThreadIx,
        reason: PreemptReason,
    ) {
        self.settle(cpu);
        let by = Slot::of(by);
        self.record(Some(cpu), victim, Change::Preempted { by, reason });
        self.touch(victim);
        self.queues[0].on_preempted(&mut self.tasks[victim].policy);
        self.cold[victim].preemptions += 1;
        self.cpus[cpu].set_activity(Activity::Free);
        self.make_ready(victim, Entry::Preempted);
    }
}
