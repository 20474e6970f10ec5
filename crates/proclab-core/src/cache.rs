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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
/// The order is a doubly linked list threaded through a slab of entries by index, so moving an
/// entry to the most recent end and evicting from the least recent end cost a few links, and two
/// tables indexed by owner (a process's shared part by pid, a stack by the thread's index in the
/// scenario's thread table) find an entry: every step takes the same time however many entries
/// there are. A cache of a million units may hold tens of thousands of entries (a scan at every
/// dispatch made the largest accepted scenarios take minutes), and a small one is loaded at every
/// dispatch (on 4 CPUs with 40,000 threads, the order and the index kept as two ordered maps cost
/// a quarter of the run, and a hash map still an eighth). The tables grow to the largest owner
/// seen: four bytes a process and a thread.
#[derive(Clone, Debug)]
pub(crate) struct CpuCache {
    capacity: u32,
    /// The entries; a removed one's place is reused (`vacant`).
    slots: Vec<Slot>,
    /// Places in `slots` free for reuse.
    vacant: Vec<u32>,
    /// The least and the most recently used entry ([`NONE`] when empty).
    oldest: u32,
    newest: u32,
    /// Each process's shared part's place in `slots`, by pid ([`NONE`]: not resident).
    shared_places: Vec<u32>,
    /// Each thread's stack's place in `slots`, by thread index ([`NONE`]: not resident).
    stack_places: Vec<u32>,
    /// Units held: the sum of the entries' units.
    used: u32,
}

/// No entry: the end of the list, or an owner with nothing resident.
const NONE: u32 = u32::MAX;

/// Whose lines a slot holds, as the tables index them: a pid, or a thread's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Shared(u32),
    Stack(u32),
}

/// An entry in the recency list.
#[derive(Clone, Copy, Debug)]
struct Slot {
    entry: CacheEntry,
    key: Key,
    /// The next older and next newer entry.
    older: u32,
    newer: u32,
}

/// Two caches are equal when they hold the same entries in the same order (where each sits in
/// the slab is only bookkeeping).
impl PartialEq for CpuCache {
    fn eq(&self, other: &CpuCache) -> bool {
        self.capacity == other.capacity
            && self.used == other.used
            && self.oldest_first().eq(other.oldest_first())
    }
}

impl Eq for CpuCache {}

impl CpuCache {
    pub(crate) fn new(capacity: u32) -> CpuCache {
        CpuCache {
            capacity,
            slots: Vec::new(),
            vacant: Vec::new(),
            oldest: NONE,
            newest: NONE,
            shared_places: Vec::new(),
            stack_places: Vec::new(),
            used: 0,
        }
    }

    /// The entries, least recently used first.
    fn oldest_first(&self) -> impl Iterator<Item = CacheEntry> + '_ {
        let mut at = self.oldest;
        core::iter::from_fn(move || {
            let slot = self.slots.get(at as usize)?;
            at = slot.newer;
            Some(slot.entry)
        })
    }

    /// The table cell that holds `key`'s place, grown to reach it.
    fn place_of(&mut self, key: Key) -> &mut u32 {
        let (table, index) = match key {
            Key::Shared(pid) => (&mut self.shared_places, pid as usize),
            Key::Stack(thread) => (&mut self.stack_places, thread as usize),
        };
        if index >= table.len() {
            table.resize(index + 1, NONE);
        }
        &mut table[index]
    }

    /// Where `key`'s entry is ([`NONE`]: not resident), without growing a table.
    fn find(&self, key: Key) -> u32 {
        let place = match key {
            Key::Shared(pid) => self.shared_places.get(pid as usize),
            Key::Stack(thread) => self.stack_places.get(thread as usize),
        };
        place.copied().unwrap_or(NONE)
    }

    /// Takes the entry at `place` out of the list and frees its place.
    #[inline]
    fn unlink(&mut self, place: u32) -> CacheEntry {
        let Slot {
            entry,
            key,
            older,
            newer,
        } = self.slots[place as usize];
        match older {
            NONE => self.oldest = newer,
            older => self.slots[older as usize].newer = newer,
        }
        match newer {
            NONE => self.newest = older,
            newer => self.slots[newer as usize].older = older,
        }
        *self.place_of(key) = NONE;
        self.vacant.push(place);
        entry
    }

    /// Removes `key`'s entry, if resident; returns its units.
    #[inline]
    fn take(&mut self, key: Key) -> u32 {
        match self.find(key) {
            NONE => 0,
            place => {
                let units = self.unlink(place).units;
                self.used -= units;
                units
            }
        }
    }

    /// Makes `owner` (`key` in the tables) the most recently used entry, with `units` units.
    #[inline]
    fn push(&mut self, owner: CacheOwner, key: Key, units: u32) {
        let slot = Slot {
            entry: CacheEntry { owner, units },
            key,
            older: self.newest,
            newer: NONE,
        };
        let place = match self.vacant.pop() {
            Some(place) => {
                self.slots[place as usize] = slot;
                place
            }
            None => {
                self.slots.push(slot);
                (self.slots.len() - 1) as u32
            }
        };
        match self.newest {
            NONE => self.oldest = place,
            newest => self.slots[newest as usize].newer = place,
        }
        self.newest = place;
        *self.place_of(key) = place;
    }

    /// Loads the working set of thread `tid` of process `pid`, at `thread` in the scenario's
    /// thread table; returns the number of cold units that had to be refilled.
    pub(crate) fn load(
        &mut self,
        (pid, tid, thread): (u32, u32, u32),
        working_set: u32,
        stack: u32,
    ) -> u32 {
        let shared_owner = CacheOwner::Shared { pid };
        let stack_owner = CacheOwner::Stack { pid, tid };
        let (shared_key, stack_key) = (Key::Shared(pid), Key::Stack(thread));
        let warm_shared = self.take(shared_key).min(working_set);
        let warm_stack = self.take(stack_key).min(stack);
        let cold = (working_set - warm_shared) + (stack - warm_stack);
        let shared_units = working_set.min(self.capacity);
        let stack_units = stack.min(self.capacity - shared_units);
        let needed = shared_units + stack_units;
        // Evict from the least recently used end: whole entries, then part of one.
        let excess = (self.used + needed).saturating_sub(self.capacity);
        let mut freed = 0;
        while freed < excess && self.oldest != NONE {
            let oldest = self.oldest;
            let entry = &mut self.slots[oldest as usize].entry;
            if entry.units <= excess - freed {
                freed += entry.units;
                self.unlink(oldest);
            } else {
                entry.units -= excess - freed;
                freed = excess;
            }
        }
        self.used = self.used - freed + needed;
        if shared_units > 0 {
            self.push(shared_owner, shared_key, shared_units);
        }
        if stack_units > 0 {
            self.push(stack_owner, stack_key, stack_units);
        }
        cold
    }

    /// Drops the stack of the thread at `thread` in the thread table (it migrated to another CPU).
    pub(crate) fn forget_stack(&mut self, thread: u32) {
        self.take(Key::Stack(thread));
    }

    /// The entries, least recently used first.
    pub(crate) fn entries(&self) -> Vec<CacheEntry> {
        self.oldest_first().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Pcg32;

    /// The model in its three sentences, on a plain list scanned at every step.
    #[derive(Default)]
    struct Plain {
        capacity: u32,
        entries: Vec<CacheEntry>,
    }

    impl Plain {
        fn take(&mut self, owner: CacheOwner) -> u32 {
            match self.entries.iter().position(|entry| entry.owner == owner) {
                Some(at) => self.entries.remove(at).units,
                None => 0,
            }
        }

        fn load(&mut self, pid: u32, tid: u32, working_set: u32, stack: u32) -> u32 {
            let (shared, own) = (CacheOwner::Shared { pid }, CacheOwner::Stack { pid, tid });
            let cold = (working_set - self.take(shared).min(working_set))
                + (stack - self.take(own).min(stack));
            let shared_units = working_set.min(self.capacity);
            let stack_units = stack.min(self.capacity - shared_units);
            let used: u32 = self.entries.iter().map(|entry| entry.units).sum();
            let mut excess = (used + shared_units + stack_units).saturating_sub(self.capacity);
            while excess > 0 {
                let oldest = &mut self.entries[0];
                if oldest.units <= excess {
                    excess -= oldest.units;
                    self.entries.remove(0);
                } else {
                    oldest.units -= excess;
                    excess = 0;
                }
            }
            for (owner, units) in [(shared, shared_units), (own, stack_units)] {
                if units > 0 {
                    self.entries.push(CacheEntry { owner, units });
                }
            }
            cold
        }
    }

    #[test]
    fn the_linked_cache_is_the_model_on_random_loads_and_migrations() {
        let mut rng = Pcg32::new(7, 11);
        for round in 0..200 {
            let capacity = [0, 1, 3, 8, 16, 40][round % 6];
            let (mut cache, mut plain) = (
                CpuCache::new(capacity),
                Plain {
                    capacity,
                    ..Plain::default()
                },
            );
            for _ in 0..300 {
                let mut below = |bound: u32| rng.below(u64::from(bound)) as u32;
                let (pid, tid) = (below(6), below(3));
                // Thread index in a table of 6 processes of 3 threads.
                let thread = pid * 3 + tid;
                if below(5) == 0 {
                    cache.forget_stack(thread);
                    plain.take(CacheOwner::Stack { pid, tid });
                } else {
                    let (working_set, stack) = (below(capacity + 3), below(4));
                    let cold = cache.load((pid, tid, thread), working_set, stack);
                    assert_eq!(cold, plain.load(pid, tid, working_set, stack));
                }
                assert_eq!(cache.entries(), plain.entries);
                assert_eq!(
                    cache.used,
                    plain.entries.iter().map(|e| e.units).sum::<u32>()
                );
            }
        }
    }

    #[test]
    fn caches_holding_the_same_entries_in_the_same_order_are_equal() {
        // The same content reached through different histories sits in different places.
        let (mut one, mut other) = (CpuCache::new(4), CpuCache::new(4));
        one.load((1, 0, 1), 2, 0);
        one.load((2, 0, 2), 2, 0);
        other.load((3, 0, 3), 1, 0);
        other.load((1, 0, 1), 2, 0);
        other.load((2, 0, 2), 2, 0);
        assert_eq!(one.entries(), other.entries());
        assert_eq!(one, other);
        other.load((1, 0, 1), 2, 0);
        assert_ne!(one, other, "the same entries in another order");
    }
}
