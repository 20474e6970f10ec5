//! The per-CPU cache model, simple enough to state in three sentences.
//!
//! Each CPU's cache holds up to `capacity` units, evicting the least recently used first. A
//! thread needs its process's working set (code, data and heap, shared by all its threads) plus
//! its own stack; every needed unit not already in the cache of the CPU that dispatches it costs
//! `refill_per_unit` ticks of stall before it runs. A thread's stack lives only in the cache of the
//! CPU it last ran on, so a migration starts its stack cold (and its process's shared part too,
//! unless a sibling ran there recently).

use alloc::vec::Vec;
use serde::{Deserialize, Serialize};

/// Whose lines a cache entry holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CacheOwner {
    /// The shared part (code, data, heap) of process `pid`.
    Shared {
        /// Process id.
        pid: u32,
    },
    /// The stack of one thread.
    Stack {
        /// Process id.
        pid: u32,
        /// Thread id.
        tid: u32,
    },
}

/// Units of one owner resident in a cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheEntry {
    /// Whose lines.
    pub owner: CacheOwner,
    /// How many units.
    pub units: u32,
}

/// One CPU's cache: entries from least to most recently used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CpuCache {
    capacity: u32,
    entries: Vec<CacheEntry>,
    /// Units held: the sum of the entries' units.
    used: u32,
}

impl CpuCache {
    pub(crate) fn new(capacity: u32) -> CpuCache {
        CpuCache {
            capacity,
            entries: Vec::new(),
            used: 0,
        }
    }

    fn take(&mut self, owner: CacheOwner) -> u32 {
        match self.entries.iter().rposition(|entry| entry.owner == owner) {
            Some(position) => {
                let units = self.entries.remove(position).units;
                self.used -= units;
                units
            }
            None => 0,
        }
    }

    /// Loads a thread's working set; returns the number of cold units that had to be refilled.
    pub(crate) fn load(&mut self, pid: u32, tid: u32, working_set: u32, stack: u32) -> u32 {
        let shared_owner = CacheOwner::Shared { pid };
        let stack_owner = CacheOwner::Stack { pid, tid };
        let warm_shared = self.take(shared_owner).min(working_set);
        let warm_stack = self.take(stack_owner).min(stack);
        let cold = (working_set - warm_shared) + (stack - warm_stack);
        let shared_units = working_set.min(self.capacity);
        let stack_units = stack.min(self.capacity - shared_units);
        let needed = shared_units + stack_units;
        // Evict from the least recently used end: whole entries, then part of one.
        let excess = (self.used + needed).saturating_sub(self.capacity);
        let mut freed = 0;
        let mut gone = 0;
        for entry in &mut self.entries {
            if freed == excess {
                break;
            }
            if entry.units <= excess - freed {
                freed += entry.units;
                gone += 1;
            } else {
                entry.units -= excess - freed;
                freed = excess;
            }
        }
        self.entries.drain(..gone);
        self.used = self.used - freed + needed;
        if shared_units > 0 {
            self.entries.push(CacheEntry {
                owner: shared_owner,
                units: shared_units,
            });
        }
        if stack_units > 0 {
            self.entries.push(CacheEntry {
                owner: stack_owner,
                units: stack_units,
            });
        }
        cold
    }

    /// Drops a thread's stack (it migrated to another CPU).
    pub(crate) fn forget_stack(&mut self, pid: u32, tid: u32) {
        self.take(CacheOwner::Stack { pid, tid });
    }

    pub(crate) fn entries(&self) -> &[CacheEntry] {
        &self.entries
    }
}
