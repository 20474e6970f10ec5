//! Step 6 of an instant, the scheduling decision: which thread each CPU runs next.
//!
//! [`Engine::decide`] applies named steps in a fixed order (see the module documentation of
//! `engine`): resume held CPUs, let I/O completions claim CPUs, place with affinity, fill free
//! CPUs, steal (per-CPU queues), preempt, then schedule the next aging check. Every loop over
//! CPUs goes in index order.

use alloc::vec::Vec;

use super::{Activity, Engine};
use crate::policy::Entry;
use crate::spec::QueueTopology;
use crate::task::{CpuIx, ThreadIx};
use crate::trace::PreemptReason;

impl Engine {
    /// The scheduling decision of the current instant.
    pub(super) fn decide(&mut self) {
        self.resume_held();
        self.claim_cpus_for_io();
        if self.scenario.machine().topology == QueueTopology::Affinity {
            self.place_with_affinity();
        }
        self.fill_free_cpus();
        if self.per_cpu && self.ready_total() > 0 && self.peeks_now() {
            self.steal_for_idle_cpus();
        }
        if self.queues[0].preemptive() {
            self.preempt_worse_running();
        }
        for queue in &mut self.queues {
            queue.end_of_instant();
        }
        self.schedule_aging();
    }

    /// CPUs held for a blocked thread (`hold_cpu_during_io`) resume it as its I/O completes.
    fn resume_held(&mut self) {
        let direct = core::mem::take(&mut self.direct);
        for (cpu, index) in &direct {
            self.dispatch(*cpu, *index);
        }
        self.direct = direct;
        self.direct.clear();
    }

    /// I/O completions that claim a CPU (`IoCompletion::Preempt`), the last claimant first: each
    /// takes a CPU (undoing a reservation, preempting the thread running there) or, if none is
    /// left, joins its ready queue with the entry number of its completion.
    fn claim_cpus_for_io(&mut self) {
        if self.claims.is_empty() {
            return;
        }
        let claims = core::mem::take(&mut self.claims);
        let mut claimed: Vec<CpuIx> = Vec::new();
        let mut losers: Vec<ThreadIx> = Vec::new();
        for index in claims.iter().rev() {
            match self.claim_target(*index, &claimed) {
                Some(cpu) => {
                    claimed.push(cpu);
                    if let Some(reserved) = self.cpus[cpu].reserved.take() {
                        let queue = self.queue_of(cpu);
                        self.enqueue_on(queue, reserved, Entry::PutBack);
                    }
                    if let Some(victim) = self.running_task(cpu) {
                        self.preempt(cpu, victim, *index, PreemptReason::IoCompletion);
                    }
                    self.dispatch(cpu, *index);
                }
                None => losers.push(*index),
            }
        }
        for index in losers.iter().rev() {
            // Already numbered as ready at its completion; keep that place.
            let queue = self.home_queue(*index);
            self.enqueue_on(queue, *index, Entry::IoDone);
        }
        self.claims = claims;
        self.claims.clear();
    }

    /// Affinity topology: picks one thread per unclaimed free CPU (in policy order) and places
    /// each on the CPU it last ran on if that CPU is one of them, the rest on the remaining free
    /// CPUs in index order. With fewer than two such CPUs there is no choice to make.
    fn place_with_affinity(&mut self) {
        let now = self.now;
        let mut free: Vec<CpuIx> = self
            .cpu_ixs()
            .filter(|cpu| self.cpus[*cpu].is_unclaimed())
            .collect();
        if free.len() < 2 {
            return;
        }
        let mut picked = Vec::new();
        while picked.len() < free.len() && self.queues[0].ready_count() > 0 {
            match self.queues[0].pick(&self.tasks, now, self.last_dispatched) {
                Some(index) => picked.push(index),
                None => break,
            }
        }
        let mut homeless = Vec::new();
        for index in picked {
            let home = self.tasks[index].last_cpu;
            match home.and_then(|home| free.iter().position(|cpu| *cpu == home)) {
                Some(position) => {
                    let cpu = free.remove(position);
                    self.dispatch(cpu, index);
                }
                None => homeless.push(index),
            }
        }
        for (index, cpu) in homeless.into_iter().zip(free) {
            self.dispatch(cpu, index);
        }
    }

    /// Free CPUs, in index order, take their reserved thread or their own queue's pick. A CPU
    /// whose thread was displaced by a boost continues it if it is the pick.
    fn fill_free_cpus(&mut self) {
        let now = self.now;
        for cpu in self.cpu_ixs() {
            if self.cpus[cpu].activity != Activity::Free {
                continue;
            }
            let displaced = self.cpus[cpu].displaced.take();
            if displaced.is_some() {
                self.displaced_cpus -= 1;
            }
            let pick = match self.cpus[cpu].reserved.take() {
                Some(reserved) => Some(reserved),
                None => self.pick_own(cpu),
            };
            match (displaced, pick) {
                // Picked again: it simply goes on running, no dispatch.
                (Some(old), Some(new)) if old == new => self.start_running(cpu, new),
                (Some(old), Some(new)) => {
                    self.tasks[old].ready_since = now;
                    self.end_displaced(cpu, old, new);
                    self.dispatch(cpu, new);
                }
                (_, Some(new)) => self.dispatch(cpu, new),
                (_, None) => {}
            }
        }
    }

    /// The thread free `cpu` takes from its own queue (the shared queue unless per-CPU).
    fn pick_own(&mut self, cpu: CpuIx) -> Option<ThreadIx> {
        let queue = self.queue_of(cpu);
        if self.queues[queue].ready_count() == 0 {
            return None;
        }
        self.pick_allowed(queue, cpu)
    }

    /// Per-CPU queues: a CPU still free has an empty queue and steals the pick of the longest
    /// other queue; stops once no other queue holds a thread. With hard affinity it steals the
    /// first thread allowed on it in that queue's pick order, trying the queues from the longest
    /// (lowest index on ties) until one has such a thread.
    fn steal_for_idle_cpus(&mut self) {
        for cpu in self.cpu_ixs() {
            if self.cpus[cpu].activity != Activity::Free {
                continue;
            }
            let Some(victim) = self.steal_from(cpu) else {
                break;
            };
            if self.affinity.is_empty() {
                if let Some(index) =
                    self.queues[victim].pick(&self.tasks, self.now, self.last_dispatched)
                {
                    self.dispatch(cpu, index);
                }
                continue;
            }
            let mut victims: Vec<CpuIx> = self
                .cpu_ixs()
                .filter(|other| *other != cpu && self.queues[other.slot()].ready_count() > 0)
                .collect();
            victims.sort_by_key(|other| {
                (
                    core::cmp::Reverse(self.queues[other.slot()].ready_count()),
                    *other,
                )
            });
            for victim in victims {
                if let Some(index) = self.pick_allowed(victim.slot(), cpu) {
                    self.dispatch(cpu, index);
                    break;
                }
            }
        }
    }

    /// Preemption: the best ready thread against the worst running one (per-CPU queues: each
    /// CPU's queue against that CPU only).
    fn preempt_worse_running(&mut self) {
        if self.per_cpu {
            for cpu in self.cpu_ixs() {
                self.preempt_within(cpu);
            }
        } else {
            self.preempt_across();
        }
    }

    /// Shared queue: while the best ready thread is strictly better than the worst running one
    /// (highest CPU index on ties), it preempts that one.
    fn preempt_across(&mut self) {
        if !self.affinity.is_empty() {
            self.preempt_across_allowed();
            return;
        }
        let now = self.now;
        while let Some(best) = self.queues[0].best_rank(&self.tasks, now) {
            let mut victim: Option<(CpuIx, u64)> = None;
            for cpu in self.cpu_ixs() {
                if let Some(rank) = self.running_rank_on(cpu) {
                    if victim.is_none_or(|(_, worst)| rank >= worst) {
                        victim = Some((cpu, rank));
                    }
                }
            }
            let Some((cpu, rank)) = victim else { break };
            if !self.preempt_if_better(cpu, 0, best, rank) {
                break;
            }
        }
    }

    /// Shared queue with hard affinity: while some CPU runs a thread that the best ready thread
    /// allowed on that CPU strictly beats, the worst such runner (highest CPU index on ties) is
    /// preempted by it. Without CPU lists this is [`Engine::preempt_across`]'s rule.
    fn preempt_across_allowed(&mut self) {
        loop {
            let mut runners: Vec<(u64, CpuIx)> = self
                .cpu_ixs()
                .filter_map(|cpu| self.running_rank_on(cpu).map(|rank| (rank, cpu)))
                .collect();
            runners.sort_unstable_by(|a, b| b.cmp(a));
            let mut preempted = false;
            for (rank, cpu) in runners {
                let Some(best) = self.best_allowed_rank(0, cpu) else {
                    continue;
                };
                if best >= rank {
                    continue;
                }
                let Some(victim) = self.running_task(cpu) else {
                    continue;
                };
                let Some(by) = self.pick_allowed(0, cpu) else {
                    continue;
                };
                let reason = self.queues[0].preempt_reason(&self.tasks, by, &self.tasks[victim]);
                self.preempt(cpu, victim, by, reason);
                self.dispatch(cpu, by);
                preempted = true;
                break;
            }
            if !preempted {
                break;
            }
        }
    }

    /// Per-CPU queues: the best thread of `cpu`'s queue preempts the thread running on `cpu` if
    /// it is strictly better.
    fn preempt_within(&mut self, cpu: CpuIx) {
        let now = self.now;
        while let Some(best) = self.queues[cpu.slot()].best_rank(&self.tasks, now) {
            let Some(rank) = self.running_rank_on(cpu) else {
                break;
            };
            if !self.preempt_if_better(cpu, cpu.slot(), best, rank) {
                break;
            }
        }
    }

    /// The rank of the thread running on `cpu` against the ready ones, if one is running.
    fn running_rank_on(&self, cpu: CpuIx) -> Option<u64> {
        match self.cpus[cpu].activity {
            Activity::Running { task, since, .. } => {
                let remaining = self.tasks[task].left.saturating_sub(self.now - since);
                Some(self.queues[0].running_rank(&self.tasks[task], remaining))
            }
            _ => None,
        }
    }

    /// Preempts the thread running on `cpu` in favour of `queue`'s pick if `best < rank`.
    fn preempt_if_better(&mut self, cpu: CpuIx, queue: usize, best: u64, rank: u64) -> bool {
        if best >= rank {
            return false;
        }
        let Some(victim) = self.running_task(cpu) else {
            return false;
        };
        let Some(by) = self.queues[queue].pick(&self.tasks, self.now, self.last_dispatched) else {
            return false;
        };
        let reason = self.queues[0].preempt_reason(&self.tasks, by, &self.tasks[victim]);
        self.preempt(cpu, victim, by, reason);
        self.dispatch(cpu, by);
        true
    }

    /// Preemptive priority with aging: the next instant at which aging alone could let a ready
    /// thread preempt a running one (per-CPU queues: the earliest over the CPUs).
    fn schedule_aging(&mut self) {
        if !self.queues[0].ages() {
            return;
        }
        let now = self.now;
        self.aging_at = if self.per_cpu {
            self.cpu_ixs()
                .filter_map(|cpu| {
                    let running = self
                        .running_task(cpu)
                        .map(|task| self.queues[0].running_rank(&self.tasks[task], 0));
                    self.queues[cpu.slot()].next_aging(&self.tasks, now, running)
                })
                .min()
        } else {
            let worst_running = self
                .cpu_ixs()
                .filter_map(|cpu| self.running_task(cpu))
                .map(|task| self.queues[0].running_rank(&self.tasks[task], 0))
                .max();
            self.queues[0].next_aging(&self.tasks, now, worst_running)
        };
    }
}
