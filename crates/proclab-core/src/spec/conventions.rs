//! The conventions on which textbooks and tools disagree, each an enum whose default is
//! ProcLab's documented choice (`docs/semantics.md`); [`crate::kinds::Convention`] lists them.

use serde::{Deserialize, Serialize};

/// Where a thread whose quantum expired re-enters, relative to arrivals at the same tick.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum RequeueOrder {
    /// Behind the threads that arrive at that tick (Silberschatz, most web tools). Default.
    #[default]
    AfterArrivals,
    /// Ahead of them (OSTEP `mlfq.py`).
    BeforeArrivals,
}

/// Order in which simultaneous entries into the ready queue are applied.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum EntryOrder {
    /// I/O completions first, then arrivals (the guide's default order).
    #[default]
    IoThenArrivals,
    /// Arrivals first, then I/O completions.
    ArrivalsThenIo,
}

/// When a periodic MLFQ boost is applied relative to the arrivals and I/O completions of its tick.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum BoostTiming {
    /// After arrivals and I/O completions. Default.
    #[default]
    AfterArrivals,
    /// Before them (OSTEP `mlfq.py`).
    BeforeArrivals,
}

/// In which order a boost moves the threads of lower levels to the top level.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum BoostOrder {
    /// Highest lower level first, keeping each queue's order. Default.
    #[default]
    HighestFirst,
    /// Lowest level first (OSTEP `mlfq.py`).
    LowestFirst,
}

/// How the next thread is chosen among equals by FCFS-like queues.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum PickOrder {
    /// The ready queue, first in first out. Default.
    #[default]
    ReadyQueue,
    /// The first ready process scanning ids cyclically after the last dispatched one
    /// (OSTEP `process-run.py`).
    CyclicScan,
}

/// What an I/O completion does to the CPU.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum IoCompletion {
    /// The thread joins the tail of its ready queue. Default.
    #[default]
    Requeue,
    /// The thread takes the CPU at once, preempting whatever runs (`process-run.py -I IO_RUN_IMMEDIATE`).
    Preempt,
}

/// When the dispatcher decides after a running slice ends.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum DispatchTiming {
    /// After every event of the instant (I/O completions, arrivals, boost). Default.
    #[default]
    AfterAllEvents,
    /// At once when the slice ends, before that instant's I/O completions and arrivals
    /// (`process-run.py`).
    AtSliceEnd,
}

/// The I/O device model.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum IoDevices {
    /// Unlimited parallel devices: an I/O burst takes exactly its length. Default.
    #[default]
    Unlimited,
    /// One FIFO device: requests queue and are served one at a time.
    SingleFifo,
}

/// Every convention on which sources disagree. Each field's default is ProcLab's documented choice.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Conventions {
    /// Quantum expiry at the same tick as an arrival.
    pub requeue_order: RequeueOrder,
    /// Simultaneous I/O completions and arrivals.
    pub entry_order: EntryOrder,
    /// MLFQ boost relative to the same tick's arrivals.
    pub boost_timing: BoostTiming,
    /// MLFQ boost queue order.
    pub boost_order: BoostOrder,
    /// FIFO queue or cyclic id scan.
    pub pick_order: PickOrder,
    /// What an I/O completion does.
    pub io_completion: IoCompletion,
    /// When the dispatcher decides after a slice ends.
    pub dispatch_timing: DispatchTiming,
    /// The I/O device model.
    pub io_devices: IoDevices,
    /// If true, a thread that blocks keeps its CPU idle until its I/O is done and it runs to its
    /// end (`process-run.py -S SWITCH_ON_END`, uniprogramming). Default false.
    pub hold_cpu_during_io: bool,
    /// If true, the timer's countdown is not restarted when a thread exits: the next thread gets
    /// what is left of the quantum, and nothing if it ran out on the exit (`x86.py`'s `halt`).
    /// Default false: every dispatch gets a fresh quantum.
    pub timer_continues_after_exit: bool,
}
