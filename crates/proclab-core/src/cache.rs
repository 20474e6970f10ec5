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
/// The order is a log: an entry is appended at the most recent end when loaded, and taking it
/// out only marks its place empty (no units), so loading, taking and evicting from the least
/// recent end (`head`) each touch one entry and one table cell. Two tables indexed by owner (a
/// process's shared part by pid, a stack by the thread's index in the scenario's thread table)
/// find an entry's place, so every step takes the same time however many entries there are. A
/// cache of a million units may hold tens of thousands of entries (a scan at every dispatch made
/// the largest accepted scenarios take minutes), and a small one is loaded at every dispatch (on
/// 4 CPUs with 40,000 threads, the order kept as two ordered maps cost a quarter of the run, a
/// hash map an eighth, and a doubly linked list relinking neighbours and recycling places still
/// a tenth; looking along a small cache's log instead of the tables was slower again). Once the
/// emptied places outnumber the entries the log is compacted, in order, which costs at most a
/// place moved per place emptied. The tables grow to the largest owner seen: four bytes a
/// process and a thread.
#[derive(Clone, Debug)]
pub(crate) struct CpuCache {
    capacity: u32,
    /// The entries from least to most recently used, with emptied places (`units == 0`) among
    /// them, after [`EMPTY`]; places before `head` are all empty.
    log: Vec<Slot>,
    /// The first place that may hold an entry.
    head: usize,
    /// Entries in the log (places with units).
    live: usize,
    /// Each process's shared part's place in `log`, by pid ([`NONE`]: not resident).
    shared_places: Vec<u32>,
    /// Each thread's stack's place in `log`, by thread index ([`NONE`]: not resident).
    stack_places: Vec<u32>,
    /// Units held: the sum of the entries' units.
    used: u32,
}

/// No entry: an owner with nothing resident.
const NONE: u32 = u32::MAX;

/// The log's first place, always empty: taking an owner that is not resident takes from it (no
/// units), so that a look-up's outcome, which is a coin toss at most dispatches, picks a place
/// rather than a branch.
const EMPTY: usize = 0;

/// Emptied places the log may hold beyond as many as it has entries before it is compacted.
const SLACK: usize = 32;

/// Whose lines a slot holds, as the tables index them: a pid, or a thread's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Shared(u32),
    Stack(u32),
}

/// A place in the log: an entry, or an emptied place (no units; an entry always has some).
#[derive(Clone, Copy, Debug)]
struct Slot {
    entry: CacheEntry,
    key: Key,
}

impl Slot {
    /// The log's [`EMPTY`] place.
    const EMPTY: Slot = Slot {
        entry: CacheEntry {
            owner: CacheOwner::Shared { pid: 0 },
            units: 0,
        },
        key: Key::Shared(0),
    };
}

/// Two caches are equal when they hold the same entries in the same order (where each sits in
/// the log is only bookkeeping).
impl PartialEq for CpuCache {
    fn eq(&self, other: &CpuCache) -> bool {
        self.capacity == other.capacity
            && self.used == other.used
            && self.oldest_first().eq(other.oldest_first())
    }
}

impl Eq for CpuCache {}

/// The table cell that holds `key`'s place, grown to reach it.
#[inline]
fn place_of<'a>(shared: &'a mut Vec<u32>, stacks: &'a mut Vec<u32>, key: Key) -> &'a mut u32 {
    let (table, index) = match key {
        Key::Shared(pid) => (shared, pid as usize),
        Key::Stack(thread) => (stacks, thread as usize),
    };
    if index >= table.len() {
        table.resize(index + 1, NONE);
    }
    &mut table[index]
}

impl CpuCache {
    pub(crate) fn new(capacity: u32) -> CpuCache {
        CpuCache {
            capacity,
            log: alloc::vec![Slot::EMPTY],
            head: EMPTY + 1,
            live: 0,
            shared_places: Vec::new(),
            stack_places: Vec::new(),
            used: 0,
        }
    }

    /// The entries, least recently used first.
    fn oldest_first(&self) -> impl Iterator<Item = CacheEntry> + '_ {
        self.log[self.head..]
            .iter()
            .filter(|slot| slot.entry.units > 0)
            .map(|slot| slot.entry)
    }

    /// The table cell that holds `key`'s place, grown to reach it.
    #[inline]
    fn place_of(&mut self, key: Key) -> &mut u32 {
        place_of(&mut self.shared_places, &mut self.stack_places, key)
    }

    /// Removes `key`'s entry, if resident; returns its units (none if it is not).
    #[inline(always)]
    fn take(&mut self, key: Key) -> u32 {
        let cell = self.place_of(key);
        let place = core::mem::replace(cell, NONE);
        let at = if place == NONE { EMPTY } else { place as usize };
        let units = core::mem::take(&mut self.log[at].entry.units);
        self.used -= units;
        self.live -= usize::from(units > 0);
        units
    }

    /// Makes `owner` (`key` in the tables) the most recently used entry, with `units` (> 0)
    /// units.
    #[inline]
    fn push(&mut self, owner: CacheOwner, key: Key, units: u32) {
        *self.place_of(key) = self.log.len() as u32;
        self.log.push(Slot {
            entry: CacheEntry { owner, units },
            key,
        });
        self.live += 1;
    }

    /// Evicts `excess` units (at most what is held) from the least recently used end: whole
    /// entries, then part of one.
    #[inline]
    fn evict(&mut self, excess: u32) {
        let mut freed = 0;
        while freed < excess && self.head < self.log.len() {
            let slot = &mut self.log[self.head];
            let want = excess - freed;
            if slot.entry.units == 0 {
                self.head += 1;
            } else if slot.entry.units <= want {
                freed += core::mem::take(&mut slot.entry.units);
                let key = slot.key;
                *self.place_of(key) = NONE;
                self.live -= 1;
                self.head += 1;
            } else {
                slot.entry.units -= want;
                freed = excess;
            }
        }
        self.used -= freed;
    }

    /// Compacts the log once its emptied places outnumber its entries by more than [`SLACK`]:
    /// the entries move to its front (after [`EMPTY`]), in order.
    #[inline]
    fn compact_if_sparse(&mut self) {
        if self.log.len() - 1 - self.live <= self.live + SLACK {
            return;
        }
        let mut to = EMPTY + 1;
        for from in self.head..self.log.len() {
            let slot = self.log[from];
            if slot.entry.units > 0 {
                self.log[to] = slot;
                *place_of(&mut self.shared_places, &mut self.stack_places, slot.key) = to as u32;
                to += 1;
            }
        }
        self.log.truncate(to);
        self.head = EMPTY + 1;
    }

    /// Loads the working set of thread `tid` of process `pid`, at `thread` in the scenario's
    /// thread table; returns the number of cold units that had to be refilled.
    pub(crate) fn load(
        &mut self,
        (pid, tid, thread): (u32, u32, u32),
        working_set: u32,
        stack: u32,
    ) -> u32 {
        let (shared_key, stack_key) = (Key::Shared(pid), Key::Stack(thread));
        let warm_shared = self.take(shared_key).min(working_set);
        let warm_stack = self.take(stack_key).min(stack);
        let cold = (working_set - warm_shared) + (stack - warm_stack);
        let shared_units = working_set.min(self.capacity);
        let stack_units = stack.min(self.capacity - shared_units);
        let needed = shared_units + stack_units;
        let excess = (self.used + needed).saturating_sub(self.capacity);
        self.evict(excess);
        self.used += needed;
        self.compact_if_sparse();
        if shared_units > 0 {
            self.push(CacheOwner::Shared { pid }, shared_key, shared_units);
        }
        if stack_units > 0 {
            self.push(CacheOwner::Stack { pid, tid }, stack_key, stack_units);
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
    fn the_cache_is_the_model_on_random_loads_and_migrations() {
        let mut rng = Pcg32::new(7, 11);
        for round in 0..400 {
            let capacity = [0, 1, 3, 8, 16, 40, 65, 100][round % 8];
            let (mut cache, mut plain) = (
                CpuCache::new(capacity),
                Plain {
                    capacity,
                    ..Plain::default()
                },
            );
            for _ in 0..300 {
                let mut below = |bound: u32| rng.below(u64::from(bound)) as u32;
                // Many owners in the large caches, whose tables then grow and whose compaction
                // moves many entries.
                let (pid, tid) = (below(if capacity > 50 { 60 } else { 6 }), below(3));
                // Thread index in a table of processes of 3 threads.
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
