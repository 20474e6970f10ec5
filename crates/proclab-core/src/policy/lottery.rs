//! Lottery scheduling: at every dispatch a ticket is drawn uniformly with the scenario's PCG32;
//! the ready thread holding it runs for one quantum.
//!
//! Every thread holds its process's tickets. Ticket sums live in a Fenwick tree over thread
//! indices, so a draw costs O(log n); the winner is found by walking the tree, which makes the
//! result depend only on the seed and the ready set.

use alloc::vec;
use alloc::vec::Vec;

use crate::rng::Pcg32;
use crate::task::{PolicyState, Task, ThreadIx};

#[derive(Clone, Debug)]
pub(crate) struct Lottery {
    quantum: u64,
    rng: Pcg32,
    /// Fenwick tree of ready tickets by thread index (1-based internally).
    tree: Vec<u64>,
    tickets: Vec<u64>,
    total: u64,
    count: usize,
}

impl Lottery {
    pub(crate) fn new(quantum: u64, task_count: usize, seed: u64) -> Lottery {
        Lottery {
            quantum,
            rng: Pcg32::new(seed, 0x5eed),
            tree: vec![0; task_count + 1],
            tickets: vec![0; task_count],
            total: 0,
            count: 0,
        }
    }

    fn add(&mut self, index: usize, amount: u64, remove: bool) {
        let mut position = index + 1;
        while position < self.tree.len() {
            if remove {
                self.tree[position] -= amount;
            } else {
                self.tree[position] += amount;
            }
            position += position & position.wrapping_neg();
        }
    }

    pub(crate) fn enqueue(&mut self, tasks: &[Task], index: ThreadIx) {
        let tickets = u64::from(tasks[index].policy.tickets.max(1));
        self.tickets[index.slot()] = tickets;
        self.add(index.slot(), tickets, false);
        self.total += tickets;
        self.count += 1;
    }

    pub(crate) fn pick(&mut self) -> Option<ThreadIx> {
        if self.count == 0 {
            return None;
        }
        let mut target = self.rng.below(self.total);
        // Walk down the Fenwick tree to the first index whose prefix sum exceeds `target`.
        let mut position = 0usize;
        let mut step = (self.tree.len()).next_power_of_two();
        while step > 0 {
            let next = position + step;
            if next < self.tree.len() && self.tree[next] <= target {
                target -= self.tree[next];
                position = next;
            }
            step >>= 1;
        }
        let index = position;
        let tickets = self.tickets[index];
        self.add(index, tickets, true);
        self.tickets[index] = 0;
        self.total -= tickets;
        self.count -= 1;
        Some(ThreadIx(index as u32))
    }

    pub(crate) fn on_dispatch(&mut self, thread: &mut PolicyState) {
        thread.quantum_left = Some(self.quantum);
        thread.keep_quantum = false;
    }

    pub(crate) fn list(&self) -> Vec<ThreadIx> {
        (0..self.tickets.len())
            .filter(|index| self.tickets[*index] > 0)
            .map(|index| ThreadIx(index as u32))
            .collect()
    }

    pub(crate) fn len(&self) -> usize {
        self.count
    }
}
