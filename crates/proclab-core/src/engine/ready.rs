//! Entering the ready structures: arrivals, a thread becoming ready, and which queue it joins.
//!
//! Every entry into Ready takes the next entry number (`Task::seq`), which makes the engine's
//! same-instant order a total order for the policies' tie-breaks. A put-back (a tentative pick
//! undone) keeps its number and its queue.

use alloc::rc::Rc;
use alloc::vec::Vec;
use core::cmp::Reverse;

use super::{Activity, Engine};
use crate::policy::{Entry, Policy};
use crate::task::{CpuIx, ThreadIx};
use crate::trace::Change;
use crate::ProcessState;

impl Engine {
    /// Admits the processes arriving at `now` (input order), each thread New -> Ready.
    pub(super) fn admit_arrivals(&mut self) {
        let scenario = Rc::clone(&self.scenario);
        while let Some(pid) = self.arrival_order.get(self.next_arrival).copied() {
            let process = &scenario.processes()[pid as usize];
            if process.arrival() != self.now {
                break;
            }
            self.next_arrival += 1;
            let first = process.first_thread();
            for index in (first..first + process.thread_count()).map(ThreadIx) {
                self.queues[0].admit(&mut self.tasks[index].policy);
                self.record(None, index, Change::Admitted);
                if self.tasks[index].user_level && index.0 != first {
                    // User-level threads: the kernel queues the process once, through the
                    // thread the user-level scheduler runs; the others wait inside the process.
                    self.park(index);
                } else {
                    self.make_ready(index, Entry::Arrival);
                }
            }
        }
    }

    /// `index` is Ready from `now` on, with the next entry number; not yet in a queue.
    pub(super) fn mark_ready(&mut self, index: ThreadIx) {
        let task = &mut self.tasks[index];
        task.state = ProcessState::Ready;
        task.ready_since = self.now;
        task.seq = self.next_seq;
        self.next_seq += 1;
    }

    /// `index` becomes ready and joins its home queue.
    pub(super) fn make_ready(&mut self, index: ThreadIx, entry: Entry) {
        let queue = self.home_queue(index);
        self.make_ready_on(index, entry, queue);
    }

    /// `index` becomes ready (unless put back) and joins ready queue `queue`.
    pub(super) fn make_ready_on(&mut self, index: ThreadIx, entry: Entry, queue: usize) {
        if entry != Entry::PutBack {
            self.mark_ready(index);
        }
        self.enqueue_on(queue, index, entry);
    }

    /// Puts `index` into ready queue `queue` (a put-back keeps the thread's home CPU).
    pub(super) fn enqueue_on(&mut self, queue: usize, index: ThreadIx, entry: Entry) {
        if entry != Entry::PutBack {
            self.tasks[index].queued_on = CpuIx(queue as u32);
        }
        self.queues[queue].enqueue(&self.tasks, index, entry);
    }

    /// A ready thread is leaving the ready state: its wait is counted.
    pub(super) fn leave_ready(&mut self, index: ThreadIx) {
        let now = self.now;
        let task = &mut self.tasks[index];
        task.acc.ready += now - task.ready_since;
    }

    /// The ready queue that serves `cpu` (its own with per-CPU queues, else the shared one).
    pub(super) fn queue_of(&self, cpu: CpuIx) -> usize {
        if self.per_cpu {
            cpu.slot()
        } else {
            0
        }
    }

    /// Ready threads in all queues.
    pub(super) fn ready_total(&self) -> usize {
        self.queues.iter().map(Policy::ready_count).sum()
    }

    /// The queue a thread becoming ready joins. Per-CPU queues: the CPU it last ran on (its
    /// cache is warm there); a thread that never ran joins the queue with the fewest ready
    /// threads, then one whose CPU has nothing on it, then the lowest index.
    pub(super) fn home_queue(&self, index: ThreadIx) -> usize {
        if self.per_cpu {
            self.home_cpu(index).slot()
        } else {
            0
        }
    }

    /// Per-CPU queues: the CPU whose queue `index` joins when it becomes ready (see
    /// [`Engine::home_queue`]).
    pub(super) fn home_cpu(&self, index: ThreadIx) -> CpuIx {
        if let Some(cpu) = self.tasks[index].last_cpu {
            return cpu;
        }
        self.cpu_ixs()
            .filter(|cpu| self.allowed_on(index, *cpu))
            .min_by_key(|cpu| {
                let occupied = !self.cpus[*cpu].is_unclaimed();
                (self.queues[cpu.slot()].ready_count(), occupied, *cpu)
            })
            .unwrap_or(CpuIx(0))
    }

    /// True when `index` may run on `cpu` (hard affinity).
    pub(super) fn allowed_on(&self, index: ThreadIx, cpu: CpuIx) -> bool {
        self.affinity
            .get(index.slot())
            .is_none_or(|mask| (mask >> cpu.0) & 1 == 1)
    }

    /// Removes and returns the first thread in `queue`'s pick order allowed to run on `cpu`;
    /// the threads passed over go back exactly where they were. Without affinity: the pick.
    pub(super) fn pick_allowed(&mut self, queue: usize, cpu: CpuIx) -> Option<ThreadIx> {
        let (now, last) = (self.now, self.last_dispatched);
        if self.affinity.is_empty() {
            return self.queues[queue].pick(&self.tasks, now, last);
        }
        let mut passed = Vec::new();
        let mut found = None;
        while let Some(index) = self.queues[queue].pick(&self.tasks, now, last) {
            if self.allowed_on(index, cpu) {
                found = Some(index);
                break;
            }
            passed.push(index);
        }
        for index in passed.into_iter().rev() {
            self.enqueue_on(queue, index, Entry::PutBack);
        }
        found
    }

    /// Hard affinity: the rank of the best thread in `queue` allowed to run on `cpu` (the one
    /// [`Engine::pick_allowed`] would take), leaving the queue as it was.
    pub(super) fn best_allowed_rank(&mut self, queue: usize, cpu: CpuIx) -> Option<u64> {
        let (now, last) = (self.now, self.last_dispatched);
        let mut passed = Vec::new();
        let mut rank = None;
        while let Some(index) = self.queues[queue].pick(&self.tasks, now, last) {
            if self.allowed_on(index, cpu) {
                // Back at the head of what is left: the best rank is now its own.
                self.enqueue_on(queue, index, Entry::PutBack);
                rank = self.queues[queue].best_rank(&self.tasks, now);
                break;
            }
            passed.push(index);
        }
        for index in passed.into_iter().rev() {
            self.enqueue_on(queue, index, Entry::PutBack);
        }
        rank
    }

    /// Per-CPU queues: true when free CPUs may steal at this instant (always, or with a peek
    /// interval `p` at multiples of `p` after 0).
    pub(super) fn peeks_now(&self) -> bool {
        match self.peek {
            None => true,
            Some(interval) => interval > 0 && self.now > 0 && self.now.is_multiple_of(interval),
        }
    }

    /// With a peek interval: the next multiple of it, while a CPU is free and some queue holds a
    /// thread (the only case in which peeking could change anything).
    pub(super) fn next_peek(&self) -> Option<u64> {
        let interval = self.peek.filter(|interval| *interval > 0)?;
        let free = self.cpus.iter().any(|cpu| cpu.activity == Activity::Free);
        if !free || self.ready_total() == 0 || !self.a_free_cpu_may_steal() {
            return None;
        }
        (self.now / interval).checked_add(1)?.checked_mul(interval)
    }

    /// False when hard affinity pins every ready thread away from every free CPU: no peek could
    /// change anything then, and a CPU idle through another's long switch must not peek every
    /// `p` ticks of it (a dispatch latency of 10^9 made 5 * 10^8 empty instants).
    fn a_free_cpu_may_steal(&self) -> bool {
        if self.affinity.is_empty() {
            return true;
        }
        self.cpu_ixs()
            .filter(|cpu| self.cpus[*cpu].activity == Activity::Free)
            .any(|cpu| {
                self.tasks.iter().enumerate().any(|(index, task)| {
                    task.state == ProcessState::Ready
                        && task.queued_on != cpu
                        && self.allowed_on(ThreadIx(index as u32), cpu)
                })
            })
    }

    /// Per-CPU queues: the queue an idle CPU with an empty queue steals from, the one with the
    /// most ready threads (lowest index on ties), if any other queue holds a thread.
    pub(super) fn steal_from(&self, cpu: CpuIx) -> Option<usize> {
        self.cpu_ixs()
            .filter(|other| *other != cpu && self.queues[other.slot()].ready_count() > 0)
            .max_by_key(|other| (self.queues[other.slot()].ready_count(), Reverse(*other)))
            .map(CpuIx::slot)
    }
}
