//! The trace as a run keeps it: one 16-byte [`Transition`] per event, indices and ticks only.
//!
//! Everything an [`Event`] adds is derived when it is read: the thread's pid and tid come from
//! the scenario's thread table, the states before and after from the cause, the latency and the
//! stall in ticks from the machine. A tick is stored as its low 32 bits; [`Transitions`] keeps
//! the few places where the high bits change (none in a run shorter than 2^32 ticks).

use alloc::vec::Vec;

use crate::scenario::{Scenario, MAX_CPUS, MAX_LEVELS, MAX_THREADS_TOTAL, MAX_TICK};
use crate::spec::MachineSpec;
use crate::task::{CpuIx, ThreadIx};
use crate::trace::{Cause, Event, PreemptReason, SyncKind, SyncObject, ThreadRef};
use crate::ProcessState;

// What the compact fields rely on: a thread index fits in 16 bits (with one value to spare for
// "none"), a CPU index in 8, a level in 8, an I/O length in 32.
const _: () = assert!(MAX_THREADS_TOTAL < u16::MAX as u32);
const _: () = assert!(MAX_CPUS < u8::MAX as u32);
const _: () = assert!(MAX_LEVELS <= u8::MAX as u32 + 1);
const _: () = assert!(MAX_TICK <= u32::MAX as u64);

/// A thread index in 16 bits; [`Slot::NONE`] is no thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot(u16);

impl Slot {
    pub(crate) const NONE: Slot = Slot(u16::MAX);

    pub(crate) fn of(index: ThreadIx) -> Slot {
        Slot(index.0 as u16)
    }

    pub(crate) fn from_option(index: Option<ThreadIx>) -> Slot {
        index.map_or(Slot::NONE, Slot::of)
    }

    /// The thread (the slot must not be [`Slot::NONE`]).
    pub(crate) fn thread(self) -> ThreadIx {
        ThreadIx(u32::from(self.0))
    }

    pub(crate) fn option(self) -> Option<ThreadIx> {
        (self != Slot::NONE).then_some(self.thread())
    }

    /// The stored 16 bits.
    pub(crate) fn raw(self) -> u16 {
        self.0
    }

    pub(crate) fn from_raw(raw: u16) -> Slot {
        Slot(raw)
    }
}

/// Which switch latency a dispatch paid; the ticks are the machine's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Latency {
    /// None: the CPU ran nothing yet or ran this thread last, or a user-level switch.
    Zero,
    /// `thread_switch_latency`: the CPU ran a thread of the same process last.
    ThreadSwitch,
    /// `dispatch_latency`.
    Dispatch,
}

impl Latency {
    pub(crate) fn ticks(self, machine: &MachineSpec) -> u64 {
        match self {
            Latency::Zero => 0,
            Latency::ThreadSwitch => machine.thread_switch_latency,
            Latency::Dispatch => machine.dispatch_latency,
        }
    }

    /// The latency of switching a CPU that ran `previous` last to `next`.
    pub(crate) fn between(
        previous: Option<ThreadIx>,
        next: ThreadIx,
        same_process: impl Fn(ThreadIx) -> bool,
    ) -> Latency {
        match previous {
            None => Latency::Zero,
            Some(last) if last == next => Latency::Zero,
            Some(last) if same_process(last) => Latency::ThreadSwitch,
            Some(_) => Latency::Dispatch,
        }
    }
}

/// The cause of a transition, as stored ([`Cause`] is what a reader gets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    Admitted,
    /// `cold` cache units refilled (the stall is `cold × refill_per_unit` ticks).
    Dispatched {
        cold: u32,
        saved: Slot,
        latency: Latency,
    },
    QuantumExpired,
    Preempted {
        by: Slot,
        reason: PreemptReason,
    },
    IoRequested {
        length: u32,
    },
    IoCompleted,
    /// A program thread waits for a mutex, a semaphore or a condition of its address space.
    Waits {
        kind: SyncKind,
        object: u16,
    },
    /// An `unlock`, a `wait c, m`, a `signal` or a `broadcast` of `by` ended its wait.
    Woken {
        by: Slot,
    },
    Exited,
    /// A level change in `state`.
    Boosted {
        state: ProcessState,
    },
    Demoted {
        state: ProcessState,
        level: u8,
    },
}

impl Change {
    /// The states before and after.
    fn states(self) -> (ProcessState, ProcessState) {
        use ProcessState::*;
        match self {
            Change::Admitted => (New, Ready),
            Change::Dispatched { .. } => (Ready, Running),
            Change::QuantumExpired | Change::Preempted { .. } => (Running, Ready),
            Change::IoRequested { .. } | Change::Waits { .. } => (Running, Blocked),
            Change::IoCompleted | Change::Woken { .. } => (Blocked, Ready),
            Change::Exited => (Running, Exit),
            Change::Boosted { state } | Change::Demoted { state, .. } => (state, state),
        }
    }

    /// Ticks of refill stall for `cold` units on `machine`.
    pub(crate) fn stall_ticks(cold: u32, machine: &MachineSpec) -> u64 {
        u64::from(cold).saturating_mul(machine.cache.refill_per_unit)
    }
}

/// One transition of one thread: 16 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Transition {
    tick_low: u32,
    thread: Slot,
    /// CPU index, or `u8::MAX` for none.
    cpu: u8,
    pub(crate) change: Change,
}

impl Transition {
    pub(crate) const NO_CPU: u8 = u8::MAX;

    pub(crate) fn from_parts(tick_low: u32, thread: Slot, cpu: u8, change: Change) -> Transition {
        Transition {
            tick_low,
            thread,
            cpu,
            change,
        }
    }

    pub(crate) fn tick_low(&self) -> u32 {
        self.tick_low
    }

    pub(crate) fn slot(&self) -> Slot {
        self.thread
    }

    pub(crate) fn cpu_byte(&self) -> u8 {
        self.cpu
    }

    /// The thread.
    pub(crate) fn thread(&self) -> ThreadIx {
        self.thread.thread()
    }

    /// The CPU involved, if any.
    pub(crate) fn cpu(&self) -> Option<CpuIx> {
        (self.cpu != Transition::NO_CPU).then_some(CpuIx(u32::from(self.cpu)))
    }
}

/// The (pid, tid) of thread `index` of `scenario`.
pub(crate) fn thread_ref(scenario: &Scenario, index: ThreadIx) -> ThreadRef {
    let thread = &scenario.threads()[index.slot()];
    ThreadRef {
        pid: thread.pid(),
        tid: thread.tid(),
    }
}

/// The transitions of a run in order, and the high 32 bits of their ticks.
#[derive(Clone, Debug, Default)]
pub(crate) struct Transitions {
    entries: Vec<Transition>,
    /// (first index, high bits) wherever the high 32 bits of the tick change from the entry
    /// before (from 0 at the start).
    epochs: Vec<(u32, u32)>,
}

impl Transitions {
    pub(crate) fn with_capacity(capacity: usize) -> Transitions {
        Transitions {
            entries: Vec::with_capacity(capacity),
            epochs: Vec::new(),
        }
    }

    /// Appends a transition at `tick` (never before the last one's).
    pub(crate) fn push(&mut self, tick: u64, thread: ThreadIx, cpu: Option<CpuIx>, change: Change) {
        let high = (tick >> 32) as u32;
        if high != self.epochs.last().map_or(0, |epoch| epoch.1) {
            self.epochs.push((self.entries.len() as u32, high));
        }
        self.entries.push(Transition {
            tick_low: tick as u32,
            thread: Slot::of(thread),
            cpu: cpu.map_or(Transition::NO_CPU, |cpu| cpu.0 as u8),
            change,
        });
    }

    pub(crate) fn from_parts(entries: Vec<Transition>, epochs: Vec<(u32, u32)>) -> Transitions {
        Transitions { entries, epochs }
    }

    pub(crate) fn epochs(&self) -> &[(u32, u32)] {
        &self.epochs
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn entries(&self) -> &[Transition] {
        &self.entries
    }

    /// Bytes held (capacity included).
    pub(crate) fn bytes(&self) -> usize {
        self.entries.capacity() * core::mem::size_of::<Transition>()
            + self.epochs.capacity() * core::mem::size_of::<(u32, u32)>()
    }

    /// The tick of entry `index` (which must exist).
    #[inline]
    pub(crate) fn tick(&self, index: usize) -> u64 {
        let low = u64::from(self.entries[index].tick_low);
        // Almost every run ends before tick 2^32: no epoch to look up.
        if self.epochs.is_empty() {
            return low;
        }
        let epoch = self
            .epochs
            .partition_point(|epoch| epoch.0 as usize <= index);
        let high = epoch.checked_sub(1).map_or(0, |epoch| self.epochs[epoch].1);
        (u64::from(high) << 32) | low
    }

    /// Index of the first entry at or after `tick` (`len()` if none).
    pub(crate) fn index_at(&self, tick: u64) -> usize {
        // Binary search on the index range: ticks never decrease.
        let (mut low, mut high) = (0, self.entries.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if self.tick(middle) < tick {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// Entry `index` as an [`Event`] of `scenario`'s run.
    pub(crate) fn event(&self, index: usize, scenario: &Scenario) -> Event {
        let entry = self.entries[index];
        let thread_ref = |index: ThreadIx| thread_ref(scenario, index);
        let machine = scenario.machine();
        let (from, to) = entry.change.states();
        let cause = match entry.change {
            Change::Admitted => Cause::Admitted,
            Change::Dispatched {
                cold,
                saved,
                latency,
            } => Cause::Dispatched {
                saved: saved.option().map(thread_ref),
                latency: latency.ticks(machine),
                stall: Change::stall_ticks(cold, machine),
            },
            Change::QuantumExpired => Cause::QuantumExpired,
            Change::Preempted { by, reason } => Cause::Preempted {
                by: thread_ref(by.thread()),
                reason,
            },
            Change::IoRequested { length } => Cause::IoRequested {
                length: u64::from(length),
            },
            Change::IoCompleted => Cause::IoCompleted,
            Change::Waits { kind, object } => Cause::Waits {
                object: SyncObject {
                    kind,
                    index: u32::from(object),
                },
            },
            Change::Woken { by } => Cause::Woken {
                by: thread_ref(by.thread()),
            },
            Change::Exited => Cause::Exited,
            Change::Boosted { .. } => Cause::Boosted,
            Change::Demoted { level, .. } => Cause::Demoted {
                level: u32::from(level),
            },
        };
        Event {
            tick: self.tick(index),
            cpu: entry.cpu().map(|cpu| cpu.0),
            thread: thread_ref(entry.thread()),
            from,
            to,
            cause,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transition_takes_16_bytes() {
        assert_eq!(core::mem::size_of::<Transition>(), 16);
    }

    #[test]
    fn ticks_past_32_bits_keep_their_high_bits() {
        let mut transitions = Transitions::default();
        let ticks = [0, 5, u64::from(u32::MAX), 1 << 32, (1 << 32) + 7, 3 << 33];
        for tick in ticks {
            transitions.push(tick, ThreadIx(1), None, Change::IoCompleted);
        }
        let read: Vec<u64> = (0..ticks.len())
            .map(|index| transitions.tick(index))
            .collect();
        assert_eq!(read, ticks);
        assert_eq!(transitions.index_at(1 << 32), 3);
        assert_eq!(transitions.index_at((1 << 32) + 1), 4);
        assert_eq!(transitions.index_at(u64::MAX), ticks.len());
    }
}
