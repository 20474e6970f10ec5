//! The per-CPU cache model, simple enough to state in three sentences.
//!
//! Each CPU's cache holds up to `capacity` units, evicting the least recently used first. A
//! thread needs its process's working set (code, data and heap, shared by all its threads) plus
//! its own stack; every needed unit not already in the cache of the CPU that dispatches it costs
//! `refill_per_unit` ticks of stall before it runs. A thread's stack lives only in the cache of the
//! CPU it last ran on, so a migration starts its stack cold (and its process's shared part too,
//! unless a sibling ran there recently).

use alloc::collections::BTreeMap;
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
///
/// Entries are kept by a recency stamp (a counter, larger is more recent) with an index from
/// owner to stamp, so finding, moving and evicting an entry cost a logarithm of the entries, not
/// a scan: a cache of a million units may hold tens of thousands of entries, and a scan at every
/// dispatch made the largest accepted scenarios take minutes.
#[derive(Clone, Debug)]
pub(crate) struct CpuCache {
    capacity: u32,
    /// Entries by recency stamp, least recently used first.
    entries: BTreeMap<u64, CacheEntry>,
    /// Each resident owner's stamp in `entries`.
    stamps: BTreeMap<CacheOwner, u64>,
    /// The stamp the next entry gets.
    next_stamp: u64,
    /// Units held: the sum of the entries' units.
    used: u32,
}

/// Two caches are equal when they hold the same entries in the same order (stamps are only
/// bookkeeping).
impl PartialEq for CpuCache {
    fn eq(&self, other: &CpuCache) -> bool {
        self.capacity == other.capacity
            && self.used == other.used
            && self.entries.values().eq(other.entries.values())
    }
}

impl Eq for CpuCache {}

impl CpuCache {
    pub(crate) fn new(capacity: u32) -> CpuCache {
        CpuCache {
            capacity,
            entries: BTreeMap::new(),
            stamps: BTreeMap::new(),
            next_stamp: 0,
            used: 0,
        }
    }

    fn take(&mut self, owner: CacheOwner) -> u32 {
        match self.stamps.remove(&owner) {
            Some(stamp) => {
                let units = self.entries.remove(&stamp).map_or(0, |entry| entry.units);
                self.used -= units;
                units
            }
            None => 0,
        }
    }

    /// Makes `owner` the most recently used entry, with `units` units.
    fn push(&mut self, owner: CacheOwner, units: u32) {
        let stamp = self.next_stamp;
        self.next_stamp += 1;
        self.entries.insert(stamp, CacheEntry { owner, units });
        self.stamps.insert(owner, stamp);
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
        while freed < excess {
            let Some(mut oldest) = self.entries.first_entry() else {
                break;
            };
            let entry = oldest.get_mut();
            if entry.units <= excess - freed {
                freed += entry.units;
                let owner = entry.owner;
                oldest.remove();
                self.stamps.remove(&owner);
            } else {
                entry.units -= excess - freed;
                freed = excess;
            }
        }
        self.used = self.used - freed + needed;
        if shared_units > 0 {
            self.push(shared_owner, shared_units);
        }
        if stack_units > 0 {
            self.push(stack_owner, stack_units);
        }
        cold
    }

    /// Drops a thread's stack (it migrated to another CPU).
    pub(crate) fn forget_stack(&mut self, pid: u32, tid: u32) {
        self.take(CacheOwner::Stack { pid, tid });
    }

    /// The entries, least recently used first.
    pub(crate) fn entries(&self) -> Vec<CacheEntry> {
        self.entries.values().copied().collect()
    }
}
