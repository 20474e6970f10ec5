//! The outputs of a run as plain data: the ordered event trace and the Gantt slices per CPU.
//!
//! Every state transition of every thread of control is one [`Event`] carrying its cause.
//! Events are ordered by tick and, inside one tick, in the engine's documented same-instant
//! order. Gantt slices of one CPU are contiguous, non-overlapping and cover `[0, end)`;
//! consecutive runs of the same thread are merged.
//!
//! [`Event`] and [`GanttSlice`] are what a reader gets, built when read: a run stores each event
//! in 16 bytes of indices and ticks (`transition`) and draws the Gantt chart from them when asked
//! (`gantt`). [`Trace`] reads the stored events one by one.

mod gantt;
mod transition;
mod wire;

use core::ops::Range;

pub(crate) use gantt::{each_slice, gantt, CpuSlice, OpenSlice};
pub(crate) use transition::{Change, Latency, Slot, Transitions};
pub use wire::WireError;

use crate::scenario::Scenario;
use crate::ProcessState;
use serde::{Deserialize, Serialize};

/// The events of a run, in order, each built from its stored form when read
/// ([`crate::Run::trace`]). Serializes as a sequence of [`Event`]s.
#[derive(Clone, Copy)]
pub struct Trace<'a> {
    transitions: &'a Transitions,
    scenario: &'a Scenario,
}

impl<'a> Trace<'a> {
    pub(crate) fn new(transitions: &'a Transitions, scenario: &'a Scenario) -> Trace<'a> {
        Trace {
            transitions,
            scenario,
        }
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.transitions.len()
    }

    /// True if the run has no event.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Event `index`, if it exists.
    pub fn get(&self, index: usize) -> Option<Event> {
        (index < self.len()).then(|| self.transitions.event(index, self.scenario))
    }

    /// The tick of event `index`, if it exists.
    pub fn tick(&self, index: usize) -> Option<u64> {
        (index < self.len()).then(|| self.transitions.tick(index))
    }

    /// Index of the first event at or after `tick` (`len()` if none).
    pub fn index_at(&self, tick: u64) -> usize {
        self.transitions.index_at(tick)
    }

    /// Every event, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Event> + 'a {
        self.range(0..self.len())
    }

    /// The events of the first `count` threads (in [`Scenario::threads`] order), in order; the
    /// others are skipped without being read (the Gantt chart shows the first rows of a large run).
    pub fn of_first_threads(&self, count: usize) -> impl Iterator<Item = Event> + 'a {
        let Trace {
            transitions,
            scenario,
        } = *self;
        transitions
            .entries()
            .iter()
            .enumerate()
            .filter(move |(_, entry)| entry.thread().slot() < count)
            .map(move |(index, _)| transitions.event(index, scenario))
    }

    /// Events `range` (indices, as in slicing; an index past the end is cut to the end).
    pub fn range(&self, range: Range<usize>) -> impl ExactSizeIterator<Item = Event> + 'a {
        let Trace {
            transitions,
            scenario,
        } = *self;
        let end = range.end.min(self.len());
        (range.start.min(end)..end).map(move |index| transitions.event(index, scenario))
    }
}

#[cfg(test)]
mod tests {
    use crate::presets::presets;
    use crate::{simulate, Scenario};

    #[test]
    fn the_events_of_the_first_threads_are_those_events_of_the_whole_trace() {
        for preset in presets() {
            let scenario = Scenario::new(&preset.spec).expect("valid preset");
            let run = simulate(&scenario);
            let index = |thread: crate::ThreadRef| {
                scenario
                    .threads()
                    .iter()
                    .position(|t| t.pid() == thread.pid && t.tid() == thread.tid)
                    .unwrap()
            };
            for count in 0..=scenario.threads().len() {
                let expected: alloc::vec::Vec<_> = run
                    .trace()
                    .iter()
                    .filter(|event| index(event.thread) < count)
                    .collect();
                let got: alloc::vec::Vec<_> = run.trace().of_first_threads(count).collect();
                assert_eq!(
                    got,
                    expected,
                    "{} first {count}",
                    preset.spec.processes.len()
                );
            }
        }
    }
}

impl core::fmt::Debug for Trace<'_> {
    fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        formatter
            .debug_struct("Trace")
            .field("len", &self.len())
            .finish()
    }
}

impl Serialize for Trace<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// A thread of control: process id (input position, 0-based) and thread id inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ThreadRef {
    /// Process id (0-based input position; displayed as `P{pid+1}` unless named).
    pub pid: u32,
    /// Thread id inside the process (0-based; a single-threaded process has tid 0).
    pub tid: u32,
}

/// Why a running thread lost its CPU to another one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PreemptReason {
    /// A thread with strictly higher priority became ready.
    HigherPriority,
    /// A thread with a strictly shorter remaining burst became ready (SRTF).
    ShorterRemaining,
    /// A thread of a strictly higher queue or level became ready (MLQ, MLFQ).
    HigherQueue,
    /// An MLFQ I/O bump put a thread ahead of it in its own level.
    IoBump,
    /// An I/O completion took the CPU at once (`IoCompletion::Preempt`).
    IoCompletion,
    /// A priority boost reordered the queues.
    Boost,
}

/// What kind of synchronization object a program declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SyncKind {
    /// `.mutex name`: `lock`, `unlock`.
    Mutex,
    /// `.sem name initial`: `wait s` (P), `signal s` (V).
    Semaphore,
    /// `.cond name`: `wait c, m`, `signal c`, `broadcast c`.
    Condition,
    /// `.queue name capacity`: `send q, %r`, `recv q, %r`; shared by the processes that
    /// declare it, so its index counts the scenario's queues, not one process's.
    Queue,
    /// `.pipe name capacity`: `write p, %r`, `read p, %r`, `close p`; shared like a queue, and
    /// numbered with the queues (one index among the scenario's channels).
    Pipe,
    /// `.shared sem name initial`: a semaphore of the shared segment, `wait s` and `signal s`;
    /// numbered among the scenario's shared semaphores.
    SharedSemaphore,
    /// `.shared mutex name`: a mutex of the shared segment (a process-shared mutex), `lock m`
    /// and `unlock m`; numbered among the scenario's shared mutexes. A name in a process's
    /// bursts (`lock m`) is one of these.
    SharedMutex,
}

impl SyncKind {
    /// Every kind, in the order of their codes (the trace's wire format and the determinism
    /// test store a kind as its index here: 0 mutex, 1 semaphore, 2 condition, 3 queue, 4 pipe,
    /// 5 shared semaphore, 6 shared mutex).
    pub const ALL: [SyncKind; 7] = [
        SyncKind::Mutex,
        SyncKind::Semaphore,
        SyncKind::Condition,
        SyncKind::Queue,
        SyncKind::Pipe,
        SyncKind::SharedSemaphore,
        SyncKind::SharedMutex,
    ];

    /// The kind's code: its index in [`SyncKind::ALL`].
    pub fn code(self) -> u32 {
        self as u32
    }
}

/// A mutex, a semaphore or a condition variable of a process's address space, by its index
/// among the program's declarations of that kind (`.mutex`, `.sem`, `.cond`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncObject {
    /// Mutex, semaphore or condition.
    pub kind: SyncKind,
    /// Index among the process's objects of that kind.
    pub index: u32,
}

/// The cause of a transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// New -> Ready: the process (thread) was created.
    Admitted,
    /// Ready -> Running: the dispatcher chose it. `saved` is the thread whose state was saved into
    /// its PCB/TCB before loading this one; `latency` ticks of dispatch and `stall` ticks of cache
    /// refill follow before it executes.
    Dispatched {
        /// The thread the CPU ran last, if any and if different.
        saved: Option<ThreadRef>,
        /// Dispatch latency paid now.
        latency: u64,
        /// Cache refill stall paid after the latency.
        stall: u64,
    },
    /// Running -> Ready: its time slice ran out.
    QuantumExpired,
    /// Running -> Ready: another thread took the CPU.
    Preempted {
        /// The thread that takes the CPU.
        by: ThreadRef,
        /// Why.
        reason: PreemptReason,
    },
    /// Running -> Blocked: it asked for `length` ticks of I/O.
    IoRequested {
        /// Length of the I/O burst.
        length: u64,
    },
    /// Blocked -> Ready: the completion interrupt.
    IoCompleted,
    /// Running -> Blocked: a program's `lock` found the mutex held, its `wait s` found the
    /// semaphore at 0, or its `wait c, m` released the mutex and waits on the condition.
    Waits {
        /// The mutex, semaphore or condition.
        object: SyncObject,
    },
    /// Blocked -> Ready: `by`'s `unlock` (or `wait c, m`) handed it the mutex, `by`'s `signal`
    /// ended its semaphore wait, or `by`'s `signal`/`broadcast` of its condition found the
    /// mutex free and gave it to it.
    Woken {
        /// The thread that woke it.
        by: ThreadRef,
    },
    /// Running -> Exit: its last burst is done.
    Exited,
    /// Level change to the top level (MLFQ boost); state unchanged.
    Boosted,
    /// Level change one level down (MLFQ allotment used up); state unchanged.
    Demoted {
        /// The new level.
        level: u32,
    },
}

/// One transition of one thread of control.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The instant at which it happens.
    pub tick: u64,
    /// The CPU involved, if any.
    pub cpu: Option<u32>,
    /// The thread of control.
    pub thread: ThreadRef,
    /// State before.
    pub from: ProcessState,
    /// State after.
    pub to: ProcessState,
    /// Why.
    pub cause: Cause,
}

/// What a CPU does during a Gantt slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SliceKind {
    /// Executing a thread.
    Run {
        /// The thread.
        thread: ThreadRef,
    },
    /// Nothing to run.
    Idle,
    /// Dispatch latency: saving `from` (if any) and loading `to`.
    Dispatch {
        /// The thread saved.
        from: Option<ThreadRef>,
        /// The thread loaded.
        to: ThreadRef,
    },
    /// The thread waits for its working set to be refilled into this CPU's cache.
    CacheStall {
        /// The thread.
        thread: ThreadRef,
    },
}

/// One segment `[start, end)` of one CPU's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GanttSlice {
    /// CPU index.
    pub cpu: u32,
    /// First tick.
    pub start: u64,
    /// One past the last tick.
    pub end: u64,
    /// What the CPU does.
    pub kind: SliceKind,
}
