//! A CPU as the engine keeps it: what it is doing between two instants, where its time went,
//! the context and the cache it holds.
//!
//! A CPU's [`Activity`] names at most one thread; the engine keeps the invariant that a thread is
//! on at most one CPU (running, switching in, or held for it).

use core::ops::{Index, IndexMut};

use alloc::vec::Vec;

use crate::cache::CpuCache;
use crate::task::{CpuIx, ThreadIx};
use crate::trace::{CpuSlice, OpenSlice};

/// What a CPU is doing between two instants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Activity {
    /// Nothing to run.
    Free,
    /// Dispatch latency then cache stall for `task`; it starts executing at `run_at`.
    Switching {
        task: ThreadIx,
        stall_from: u64,
        run_at: u64,
        /// Cache units the stall refills (its ticks over `refill_per_unit`).
        cold: u32,
    },
    /// Executing `task` since `since`; the slice ends at `until` unless something preempts it.
    Running {
        task: ThreadIx,
        since: u64,
        until: u64,
    },
    /// Held idle for `task`, blocked on I/O (`hold_cpu_during_io`).
    Held { task: ThreadIx },
}

/// Where one CPU's time went, in ticks, plus its context switches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CpuTime {
    pub(crate) busy: u64,
    pub(crate) idle: u64,
    pub(crate) dispatch: u64,
    pub(crate) stall: u64,
    pub(crate) switches: u64,
    pub(crate) cache_needed: u64,
    pub(crate) cache_cold: u64,
    /// Threads that migrated onto this CPU.
    pub(crate) migrations: u64,
}

/// One CPU.
#[derive(Clone, Debug)]
pub(crate) struct Cpu {
    /// Written only through [`Cpu::set_activity`], which keeps `due` in step.
    pub(crate) activity: Activity,
    /// When the activity ends ([`Activity::ends_at`]), kept beside it so that finding the next
    /// instant and the CPUs whose activity ends at it is a comparison per CPU, not a `match`
    /// (on 4 CPUs with the cache model on, the `match` in both was mispredicted at most
    /// instants).
    pub(super) due: u64,
    pub(crate) time: CpuTime,
    /// The thread whose context this CPU holds (the one it ran last).
    pub(crate) last: Option<ThreadIx>,
    pub(crate) cache: CpuCache,
    /// A thread picked at the slice end under `DispatchTiming::AtSliceEnd`, not yet dispatched.
    pub(super) reserved: Option<ThreadIx>,
    /// A thread displaced by a boost, which continues if the policy picks it again.
    pub(super) displaced: Option<ThreadIx>,
    /// The slice of its timeline in progress.
    pub(super) slice: OpenSlice,
    /// What was left of the quantum when its thread exited (`timer_continues_after_exit`): the
    /// next thread dispatched here runs with it.
    pub(super) carry: Option<u64>,
}

impl Activity {
    /// The instant at which it ends on its own: a dispatch at `run_at`, a slice at `until`;
    /// never (`u64::MAX`) for a free CPU or one held for a blocked thread.
    pub(crate) fn ends_at(self) -> u64 {
        match self {
            Activity::Switching { run_at, .. } => run_at,
            Activity::Running { until, .. } => until,
            Activity::Free | Activity::Held { .. } => u64::MAX,
        }
    }
}

impl Cpu {
    /// Sets what the CPU does from now on.
    pub(super) fn set_activity(&mut self, activity: Activity) {
        self.activity = activity;
        self.due = activity.ends_at();
    }

    /// An idle CPU with a cold cache of `cache_capacity` units.
    pub(super) fn new(cache_capacity: u32) -> Cpu {
        Cpu {
            activity: Activity::Free,
            due: u64::MAX,
            time: CpuTime::default(),
            last: None,
            cache: CpuCache::new(cache_capacity),
            reserved: None,
            displaced: None,
            slice: OpenSlice::idle(),
            carry: None,
        }
    }

    /// Switches the slice in progress to `kind` from `tick` on, counting the closed part in the
    /// CPU's time.
    pub(super) fn switch_slice(&mut self, tick: u64, kind: CpuSlice) {
        if let Some((start, end, closed)) = self.slice.switch(tick, kind) {
            let length = end - start;
            let time = &mut self.time;
            match closed {
                CpuSlice::Run(_) => time.busy += length,
                CpuSlice::Idle => time.idle += length,
                CpuSlice::Dispatch { .. } => time.dispatch += length,
                CpuSlice::CacheStall(_) => time.stall += length,
            }
        }
    }

    /// Free, and promised to no thread (neither reserved at a slice end nor displaced by a
    /// boost).
    pub(super) fn is_unclaimed(&self) -> bool {
        self.activity == Activity::Free && self.reserved.is_none() && self.displaced.is_none()
    }
}

impl Index<CpuIx> for Vec<Cpu> {
    type Output = Cpu;
    fn index(&self, index: CpuIx) -> &Cpu {
        &self[index.slot()]
    }
}

impl IndexMut<CpuIx> for Vec<Cpu> {
    fn index_mut(&mut self, index: CpuIx) -> &mut Cpu {
        &mut self[index.slot()]
    }
}
