//! The dispatcher: a ready thread onto a CPU (Ready -> Running), paying the dispatch latency
//! (or the cheaper switch between threads of one process) and the cache refill stall.
//!
//! A dispatch saves the CPU's previous context, counts a migration when the thread leaves its
//! home CPU, and lays the CPU's slices out in order: dispatch, cache stall, run.

use super::{Activity, Engine};
use crate::task::{CpuIx, ThreadIx};
use crate::trace::{Change, Latency, Slot};
use crate::ProcessState;

impl Engine {
    /// Starts dispatching `index` on `cpu`: Ready -> Running, with latency and stall.
    pub(super) fn dispatch(&mut self, cpu: CpuIx, index: ThreadIx) {
        let now = self.now;
        self.leave_displaced_cpu(cpu, index);
        self.leave_ready(index);
        self.count_migration(cpu, index);
        let previous = self.cpus[cpu].last;
        let latency = Latency::between(previous, index, |last| {
            self.tasks[last].pid == self.tasks[index].pid
        });
        let cold = self.refill_cache(cpu, index);
        let machine = self.scenario.machine();
        let (latency_ticks, stall) = (latency.ticks(machine), Change::stall_ticks(cold, machine));
        let saved = previous.filter(|last| *last != index);
        let ready_since = self.tasks[index].ready_since;
        self.touch(index);
        self.queues[0].on_dispatch(&mut self.tasks[index].policy, ready_since, now);
        if let Some(left) = self.cpus[cpu].carry.take() {
            // The timer goes on: the rest of the exited thread's quantum.
            if let Some(quantum) = &mut self.tasks[index].policy.quantum_left {
                *quantum = left.min(*quantum);
            }
        }
        let task = &mut self.tasks[index];
        task.state = ProcessState::Running;
        task.acc.dispatches += 1;
        task.acc.switch += latency_ticks;
        task.acc.stall += stall;
        task.last_cpu = Some(cpu);
        // Lays out the CPU's slices: dispatch, cache stall, run.
        self.record(
            Some(cpu),
            index,
            Change::Dispatched {
                cold,
                saved: Slot::from_option(saved),
                latency,
            },
        );
        self.cpus[cpu].last = Some(index);
        if saved.is_some() {
            self.cpus[cpu].time.switches += 1;
        }
        self.last_dispatched = Some(index);
        let run_at = now + latency_ticks + stall;
        if run_at == now {
            self.start_running(cpu, index);
        } else {
            self.cpus[cpu].set_activity(Activity::Switching {
                task: index,
                stall_from: now + latency_ticks,
                run_at,
                // Lines a free refill (no stall) loads at once: none is left cold.
                cold: if stall > 0 { cold } else { 0 },
            });
        }
    }

    /// A thread displaced by a boost from another CPU migrates: it leaves that CPU first.
    fn leave_displaced_cpu(&mut self, cpu: CpuIx, index: ThreadIx) {
        if self.displaced_cpus == 0 {
            return;
        }
        if let Some(other) = self
            .cpu_ixs()
            .find(|other| *other != cpu && self.cpus[*other].displaced == Some(index))
        {
            self.cpus[other].displaced = None;
            self.displaced_cpus -= 1;
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

    /// Cache model on: loads `index`'s working set and stack into `cpu`'s cache (its stack
    /// leaves every other cache), counts the units needed and found cold, and returns the cold
    /// units (each costs `refill_per_unit` ticks of stall). Off, or the `warmup` model (which
    /// `crate::warmup` runs, not this engine): none.
    fn refill_cache(&mut self, cpu: CpuIx, index: ThreadIx) -> u32 {
        let cache = self.scenario.machine().cache;
        if !cache.enabled || cache.warmup() {
            return 0;
        }
        let task = &self.tasks[index];
        let (pid, tid, working_set, stack) = (task.pid, task.tid, task.working_set, task.stack);
        // Its stack leaves the one other cache that may hold it.
        if let Some(other) = self.tasks[index].stack_cpu.filter(|other| *other != cpu) {
            self.cpus[other].cache.forget_stack(index.0);
        }
        self.tasks[index].stack_cpu = Some(cpu);
        let cold = self.cpus[cpu]
            .cache
            .load((pid, tid, index.0), working_set, stack);
        let needed = u64::from(working_set) + u64::from(stack);
        self.cpus[cpu].time.cache_needed += needed;
        self.cpus[cpu].time.cache_cold += u64::from(cold);
        let accounting = &mut self.tasks[index].acc;
        accounting.cache_needed += needed;
        accounting.cache_cold += u64::from(cold);
        cold
    }
}
