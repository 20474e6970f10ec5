//! The dispatcher: a ready thread onto a CPU (Ready -> Running), paying the dispatch latency
//! (or the cheaper switch between threads of one process) and the cache refill stall.
//!
//! A dispatch saves the CPU's previous context, counts a migration when the thread leaves its
//! home CPU, and lays the CPU's Gantt slices out in order: dispatch, cache stall, run.

use super::{Activity, Engine};
use crate::task::{CpuIx, ThreadIx};
use crate::trace::{Cause, SliceKind, ThreadRef};
use crate::ProcessState;

impl Engine {
    /// Starts dispatching `index` on `cpu`: Ready -> Running, with latency and stall.
    pub(super) fn dispatch(&mut self, cpu: CpuIx, index: ThreadIx) {
        let now = self.now;
        self.leave_displaced_cpu(cpu, index);
        self.leave_ready(index);
        self.count_migration(cpu, index);
        let previous = self.cpus[cpu].last;
        let latency = self.switch_latency(previous, index);
        let stall = self.cache_stall(cpu, index);
        let saved = previous
            .filter(|last| *last != index)
            .map(|last| self.tasks[last].thread_ref());
        let ready_since = self.tasks[index].ready_since;
        self.touch(index);
        self.queues[0].on_dispatch(&mut self.tasks[index].policy, ready_since, now);
        let task = &mut self.tasks[index];
        task.state = ProcessState::Running;
        task.acc.dispatches += 1;
        task.acc.switch += latency;
        task.acc.stall += stall;
        task.last_cpu = Some(cpu);
        self.record(
            Some(cpu),
            index,
            ProcessState::Ready,
            ProcessState::Running,
            Cause::Dispatched {
                saved,
                latency,
                stall,
            },
        );
        self.cpus[cpu].last = Some(index);
        if saved.is_some() {
            self.cpus[cpu].time.switches += 1;
        }
        self.last_dispatched = Some(index);
        self.begin_switch(cpu, index, saved, latency, stall);
    }

    /// A thread displaced by a boost from another CPU migrates: it leaves that CPU first.
    fn leave_displaced_cpu(&mut self, cpu: CpuIx, index: ThreadIx) {
        if let Some(other) = self
            .cpu_ixs()
            .find(|other| *other != cpu && self.cpus[*other].displaced == Some(index))
        {
            self.cpus[other].displaced = None;
            self.end_displaced(other, index, index);
        }
    }

    /// A migration: dispatched onto a CPU other than its home, the CPU whose queue it joined
    /// (per-CPU queues) or the CPU it last ran on (shared queue).
    fn count_migration(&mut self, cpu: CpuIx, index: ThreadIx) {
        let home = if self.per_cpu {
            Some(self.tasks[index].queued_on)
        } else {
            self.tasks[index].last_cpu
        };
        if home.is_some_and(|home| home != cpu) {
            self.tasks[index].migrations += 1;
            self.cpus[cpu].time.migrations += 1;
        }
    }

    /// The latency of switching the CPU from `previous` to `index`: none for the same thread or
    /// a CPU that ran nothing yet, the thread-switch latency within one process, else the
    /// dispatch latency.
    fn switch_latency(&self, previous: Option<ThreadIx>, index: ThreadIx) -> u64 {
        let machine = self.scenario.machine();
        match previous {
            None => 0,
            Some(last) if last == index => 0,
            Some(last) if self.tasks[last].pid == self.tasks[index].pid => {
                machine.thread_switch_latency
            }
            Some(_) => machine.dispatch_latency,
        }
    }

    /// Cache model on: loads `index`'s working set and stack into `cpu`'s cache (its stack
    /// leaves every other cache), counts the units needed and found cold, and returns the
    /// refill stall. Off: no stall.
    fn cache_stall(&mut self, cpu: CpuIx, index: ThreadIx) -> u64 {
        let cache = self.scenario.machine().cache;
        if !cache.enabled {
            return 0;
        }
        let (pid, tid) = (self.tasks[index].pid, self.tasks[index].tid);
        let process = &self.scenario.processes()[pid as usize];
        let working_set = process.working_set();
        let stack = self.scenario.threads()[index.slot()].stack();
        for other in self.cpu_ixs() {
            if other != cpu {
                self.cpus[other].cache.forget_stack(pid, tid);
            }
        }
        let cold = self.cpus[cpu].cache.load(pid, tid, working_set, stack);
        let needed = u64::from(working_set) + u64::from(stack);
        self.cpus[cpu].time.cache_needed += needed;
        self.cpus[cpu].time.cache_cold += u64::from(cold);
        let accounting = &mut self.tasks[index].acc;
        accounting.cache_needed += needed;
        accounting.cache_cold += u64::from(cold);
        u64::from(cold).saturating_mul(cache.refill_per_unit)
    }

    /// Lays out the CPU's next slices (dispatch, cache stall, run) and starts the thread now if
    /// there is nothing to wait for.
    fn begin_switch(
        &mut self,
        cpu: CpuIx,
        index: ThreadIx,
        saved: Option<ThreadRef>,
        latency: u64,
        stall: u64,
    ) {
        let now = self.now;
        let thread = self.tasks[index].thread_ref();
        if latency > 0 {
            self.set_slice(
                cpu,
                now,
                SliceKind::Dispatch {
                    from: saved,
                    to: thread,
                },
            );
        }
        if stall > 0 {
            self.set_slice(cpu, now + latency, SliceKind::CacheStall { thread });
        }
        let run_at = now + latency + stall;
        self.set_slice(cpu, run_at, SliceKind::Run { thread });
        if run_at == now {
            self.start_running(cpu, index);
        } else {
            self.cpus[cpu].activity = Activity::Switching {
                task: index,
                stall_from: now + latency,
                run_at,
            };
        }
    }
}
