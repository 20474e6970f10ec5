//! The Gantt chart as a function of the trace.
//!
//! A CPU's timeline changes only at transitions that involve it: a dispatch lays out its
//! dispatch latency, cache stall and run; the end of a running slice (expiry, preemption, I/O
//! request, exit) leaves it idle. [`Change::slice_switches`] states this once; the engine counts
//! each CPU's time through it as it records, and [`gantt`] replays the stored trace through it to
//! draw the chart on demand, so the two agree by construction.

use alloc::vec::Vec;

use super::transition::{thread_ref, Change, Transitions};
use crate::scenario::Scenario;
use crate::spec::MachineSpec;
use crate::task::ThreadIx;
use crate::trace::{GanttSlice, SliceKind};

/// What a CPU does, by thread index ([`SliceKind`] is what a reader gets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CpuSlice {
    Run(ThreadIx),
    Idle,
    Dispatch {
        from: Option<ThreadIx>,
        to: ThreadIx,
    },
    CacheStall(ThreadIx),
}

/// The slice in progress on one CPU: it runs from `start` until the next switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OpenSlice {
    pub(crate) start: u64,
    pub(crate) kind: CpuSlice,
}

impl OpenSlice {
    /// An idle CPU at tick 0.
    pub(crate) fn idle() -> OpenSlice {
        OpenSlice {
            start: 0,
            kind: CpuSlice::Idle,
        }
    }

    /// The CPU does `kind` from `tick` on. Returns the part of the slice in progress it closes,
    /// `(start, end, kind)`, if not empty. A switch dated before the slice in progress (laid
    /// out ahead by a dispatch) leaves that slice open.
    pub(crate) fn switch(&mut self, tick: u64, kind: CpuSlice) -> Option<(u64, u64, CpuSlice)> {
        let closed = (tick > self.start).then_some((self.start, tick, self.kind));
        if tick >= self.start {
            *self = OpenSlice { start: tick, kind };
        }
        closed
    }
}

impl Change {
    /// Applies the switches this change makes at `now` on the timeline of its CPU, in order, to
    /// `switch`. `thread` is the thread it happens to.
    pub(crate) fn slice_switches(
        self,
        now: u64,
        thread: ThreadIx,
        machine: &MachineSpec,
        mut switch: impl FnMut(u64, CpuSlice),
    ) {
        match self {
            Change::Dispatched {
                cold,
                saved,
                latency,
            } => {
                let latency = latency.ticks(machine);
                let stall = Change::stall_ticks(cold, machine);
                if latency > 0 {
                    let from = saved.option();
                    switch(now, CpuSlice::Dispatch { from, to: thread });
                }
                if stall > 0 {
                    switch(now + latency, CpuSlice::CacheStall(thread));
                }
                switch(now + latency + stall, CpuSlice::Run(thread));
            }
            Change::QuantumExpired
            | Change::Preempted { .. }
            | Change::IoRequested { .. }
            | Change::Waits { .. }
            | Change::Exited => switch(now, CpuSlice::Idle),
            Change::Admitted
            | Change::IoCompleted
            | Change::Woken { .. }
            | Change::Boosted { .. }
            | Change::Demoted { .. } => {}
        }
    }
}

/// The Gantt chart of a run whose trace is `transitions` and which ended at `end`: slices
/// grouped by CPU (CPU 0 first), each CPU's slices in time order covering `[0, end)`, adjacent
/// slices of the same kind merged.
pub(crate) fn gantt(transitions: &Transitions, scenario: &Scenario, end: u64) -> Vec<GanttSlice> {
    let cpu_count = scenario.machine().cpus as usize;
    let mut per_cpu: Vec<Vec<GanttSlice>> = alloc::vec![Vec::new(); cpu_count];
    each_slice(transitions, scenario, end, |slice| {
        per_cpu[slice.cpu as usize].push(slice)
    });
    per_cpu.concat()
}

/// The slices of [`gantt`], handed to `sink` as each is complete without keeping them: each CPU's
/// slices in time order, the CPUs' interleaved.
pub(crate) fn each_slice(
    transitions: &Transitions,
    scenario: &Scenario,
    end: u64,
    mut sink: impl FnMut(GanttSlice),
) {
    let machine = scenario.machine();
    let cpu_count = machine.cpus as usize;
    let mut open = alloc::vec![OpenSlice::idle(); cpu_count];
    // Each CPU's last closed slice, held until the next one shows it is not of the same kind.
    let mut held: Vec<Option<(u64, u64, CpuSlice)>> = alloc::vec![None; cpu_count];
    let to_slice = |cpu: usize, (start, end, kind): (u64, u64, CpuSlice)| {
        let thread_ref = |index: ThreadIx| thread_ref(scenario, index);
        GanttSlice {
            cpu: cpu as u32,
            start,
            end,
            kind: match kind {
                CpuSlice::Run(thread) => SliceKind::Run {
                    thread: thread_ref(thread),
                },
                CpuSlice::Idle => SliceKind::Idle,
                CpuSlice::Dispatch { from, to } => SliceKind::Dispatch {
                    from: from.map(thread_ref),
                    to: thread_ref(to),
                },
                CpuSlice::CacheStall(thread) => SliceKind::CacheStall {
                    thread: thread_ref(thread),
                },
            },
        }
    };
    let mut close = |cpu: usize, tick: u64, kind: CpuSlice| {
        if let Some(closed) = open[cpu].switch(tick, kind) {
            match &mut held[cpu] {
                Some(last) if last.2 == closed.2 && last.1 == closed.0 => last.1 = closed.1,
                slot => {
                    if let Some(done) = slot.replace(closed) {
                        sink(to_slice(cpu, done));
                    }
                }
            }
        }
    };
    for (index, entry) in transitions.entries().iter().enumerate() {
        let Some(cpu) = entry.cpu() else { continue };
        let now = transitions.tick(index);
        entry
            .change
            .slice_switches(now, entry.thread(), machine, |tick, kind| {
                close(cpu.slot(), tick, kind)
            });
    }
    for cpu in 0..cpu_count {
        close(cpu, end, CpuSlice::Idle);
    }
    for (cpu, last) in held.into_iter().enumerate() {
        if let Some(last) = last {
            sink(to_slice(cpu, last));
        }
    }
}
