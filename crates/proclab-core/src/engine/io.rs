//! I/O: a thread blocking at the end of a CPU burst, the devices that serve it, and its
//! completion (back to Ready, to the CPU held for it, or claiming a CPU).
//!
//! Completions at one instant are applied in (tick, thread index) order, which is (pid, tid).

use alloc::rc::Rc;
use core::cmp::Reverse;

use super::{Activity, Engine};
use crate::policy::Entry;
use crate::spec::{IoCompletion, IoDevices};
use crate::task::{CpuIx, ThreadIx};
use crate::trace::Change;
use crate::ProcessState;

impl Engine {
    /// `index` finished a CPU burst on `cpu` and asks for the I/O burst that follows:
    /// Running -> Blocked until its device is done.
    pub(super) fn block_for_io(&mut self, cpu: CpuIx, index: ThreadIx) {
        let now = self.now;
        let scenario = Rc::clone(&self.scenario);
        let bursts = scenario.threads()[index.slot()].bursts();
        let burst = self.tasks[index].burst as usize;
        let cpu_length = bursts[burst];
        let io_length = bursts[burst + 1];
        self.touch(index);
        let change = self.queues[0].on_block(&mut self.tasks[index].policy, cpu_length);
        // A burst is at most `MAX_TICK`, which fits in 32 bits.
        let length = io_length as u32;
        self.record(Some(cpu), index, Change::IoRequested { length });
        self.report_level(Some(cpu), index, ProcessState::Blocked, change);
        let done_at = self.io_done_at(io_length);
        let task = &mut self.tasks[index];
        task.state = ProcessState::Blocked;
        task.burst += 1;
        task.left = io_length;
        let cold = &mut self.cold[index];
        cold.blocked_since = now;
        cold.io_done_at = done_at;
        self.io_heap.push(Reverse((done_at, index)));
        if self.scenario.conventions().hold_cpu_during_io {
            self.cpus[cpu].set_activity(Activity::Held { task: index });
        }
    }

    /// A program thread on `cpu` executed `io $n`: Running -> Blocked for `ticks` ticks. Its
    /// single, open-ended CPU burst goes on after the I/O (its burst index does not move).
    pub(super) fn block_program_for_io(&mut self, cpu: CpuIx, index: ThreadIx, ticks: u64) {
        let now = self.now;
        let estimate = self.scenario.threads()[index.slot()].bursts()[0];
        self.touch(index);
        let change = self.queues[0].on_block(&mut self.tasks[index].policy, estimate);
        // At most `MAX_IO_TICKS`, which fits in 32 bits.
        let length = ticks as u32;
        self.record(Some(cpu), index, Change::IoRequested { length });
        self.report_level(Some(cpu), index, ProcessState::Blocked, change);
        let done_at = self.io_done_at(ticks);
        let task = &mut self.tasks[index];
        task.state = ProcessState::Blocked;
        task.left = estimate;
        let cold = &mut self.cold[index];
        cold.blocked_since = now;
        cold.io_done_at = done_at;
        self.io_heap.push(Reverse((done_at, index)));
        if self.scenario.conventions().hold_cpu_during_io {
            self.cpus[cpu].set_activity(Activity::Held { task: index });
        }
    }

    /// When an I/O of `length` ticks requested now completes: at once on its own device, or
    /// after the requests before it on the single FIFO device.
    fn io_done_at(&mut self, length: u64) -> u64 {
        match self.scenario.conventions().io_devices {
            IoDevices::Unlimited => self.now + length,
            IoDevices::SingleFifo => {
                let start = self.device_free_at.max(self.now);
                self.device_free_at = start + length;
                start + length
            }
        }
    }

    /// The I/O completions due now: Blocked -> Ready. A thread whose CPU was held resumes on it
    /// at the decision; under `IoCompletion::Preempt` it claims a CPU at the decision; otherwise
    /// it joins its ready queue.
    pub(super) fn complete_io(&mut self, completion: IoCompletion) {
        while let Some(Reverse((tick, index))) = self.io_heap.peek().copied() {
            if tick != self.now {
                break;
            }
            self.io_heap.pop();
            let now = self.now;
            let scenario = Rc::clone(&self.scenario);
            let bursts = scenario.threads()[index.slot()].bursts();
            let program = self
                .programs
                .as_ref()
                .is_some_and(|programs| programs.runs(index));
            let cold = &mut self.cold[index];
            cold.io += now - cold.blocked_since;
            let task = &mut self.tasks[index];
            if program {
                // Back to its one open-ended burst: the next instruction.
                task.left = bursts[0];
            } else {
                task.burst += 1;
                task.left = bursts[task.burst as usize];
            }
            self.record(None, index, Change::IoCompleted);
            let held = self
                .cpu_ixs()
                .find(|cpu| self.cpus[*cpu].activity == Activity::Held { task: index });
            if let Some(cpu) = held {
                let task = &mut self.tasks[index];
                task.state = ProcessState::Ready;
                task.ready_since = now;
                self.cpus[cpu].set_activity(Activity::Free);
                self.direct.push((cpu, index));
            } else if completion == IoCompletion::Preempt {
                self.mark_ready(index);
                self.claims.push(index);
            } else {
                self.make_ready(index, Entry::IoDone);
            }
        }
    }

    /// The CPU an I/O completion that claims a CPU takes, if it can take one now. Shared queue:
    /// the first free CPU, else the first running one. Per-CPU queues: only its home CPU. CPUs
    /// in `claimed` were taken by a later claimant already.
    pub(super) fn claim_target(&self, index: ThreadIx, claimed: &[CpuIx]) -> Option<CpuIx> {
        let available = |cpu: &CpuIx| !claimed.contains(cpu) && self.allowed_on(index, *cpu);
        if self.per_cpu {
            let home = self.home_cpu(index);
            let usable =
                self.cpus[home].activity == Activity::Free || self.running_task(home).is_some();
            return (usable && available(&home)).then_some(home);
        }
        self.cpu_ixs()
            .find(|cpu| self.cpus[*cpu].activity == Activity::Free && available(cpu))
            .or_else(|| {
                self.cpu_ixs()
                    .find(|cpu| self.running_task(*cpu).is_some() && available(cpu))
            })
    }
}
