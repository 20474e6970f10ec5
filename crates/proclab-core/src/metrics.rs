//! Exact metrics: per thread, per process, per CPU, and totals.
//!
//! Definitions: turnaround = completion - arrival; response = first tick executing on a CPU -
//! arrival (dispatch latency and cache stall before the first run count); waiting = ticks spent
//! Ready (never I/O, never switch overhead). Every tick of a thread's life is exactly one of
//! CPU, I/O (blocked), ready, switch-in (dispatch latency) or cache stall, so
//! `turnaround = cpu + io + waiting + switch + stall`. Averages keep integer sums and counts
//! ([`Ratio`]); nothing is ever a float.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use crate::scenario::Scenario;
use crate::trace::ThreadRef;
use crate::ProcessState;

/// An exact rational `num / den` (den 0 means "no data" and displays as `-`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratio {
    /// Numerator.
    pub num: u64,
    /// Denominator.
    pub den: u64,
}

impl Ratio {
    /// `num / den`.
    pub fn new(num: u64, den: u64) -> Ratio {
        Ratio { num, den }
    }

    /// Value in thousandths, rounded half up (0 if den is 0).
    pub fn milli(&self) -> u64 {
        if self.den == 0 {
            return 0;
        }
        let scaled = u128::from(self.num) * 1000 + u128::from(self.den) / 2;
        u64::try_from(scaled / u128::from(self.den)).unwrap_or(u64::MAX)
    }

    /// Value in hundredths, rounded half up (0 if den is 0).
    pub fn centi(&self) -> u64 {
        if self.den == 0 {
            return 0;
        }
        let scaled = u128::from(self.num) * 100 + u128::from(self.den) / 2;
        u64::try_from(scaled / u128::from(self.den)).unwrap_or(u64::MAX)
    }

    /// Value in percent, with two decimals (as a `Ratio` of hundredths of a percent).
    pub fn percent(&self) -> Ratio {
        Ratio {
            num: self.num.saturating_mul(100),
            den: self.den,
        }
    }
}

impl fmt::Display for Ratio {
    /// Two decimals, rounded half up: `17.00`, `5.66`.
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 0 {
            return formatter.write_str("-");
        }
        let centi = self.centi();
        write!(formatter, "{}.{:02}", centi / 100, centi % 100)
    }
}

/// Figures of one thread of control.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadMetrics {
    /// The thread.
    pub thread: ThreadRef,
    /// Arrival of its process.
    pub arrival: u64,
    /// Tick it exited.
    pub completion: u64,
    /// completion - arrival.
    pub turnaround: u64,
    /// Ticks spent Ready.
    pub waiting: u64,
    /// First executing tick - arrival.
    pub response: u64,
    /// Ticks executed.
    pub cpu: u64,
    /// Ticks blocked on I/O (including any device queue).
    pub io: u64,
    /// Ticks blocked waiting for a mutex, a semaphore or a condition.
    #[serde(default)]
    pub blocked: u64,
    /// Instructions that entered the kernel (`machine.kernel_entry_cost`'s rule), and the ticks
    /// it spent there for them (part of `cpu`).
    #[serde(default)]
    pub kernel_entries: u64,
    /// Ticks spent in the kernel for `kernel_entries` (part of `cpu`).
    #[serde(default)]
    pub kernel: u64,
    /// Dispatch latency paid to switch it in.
    pub switch: u64,
    /// Cache refill stall paid before it ran.
    pub stall: u64,
    /// Times dispatched.
    pub dispatches: u64,
    /// Times preempted: taken off its CPU mid-burst for a more urgent thread (an arrival, an I/O
    /// completion, a boost); the end of a quantum is not counted.
    pub preemptions: u64,
    /// Cache units needed at its dispatches, and how many of them were cold (cache model on);
    /// the warm fraction is `1 - cold / needed`.
    pub cache_needed: u64,
    /// Cold units refilled at its dispatches.
    pub cache_cold: u64,
    /// Migrations: dispatches onto a CPU other than its home (the CPU whose ready queue it
    /// joined with per-CPU queues, else the CPU it last ran on).
    #[serde(default)]
    pub migrations: u64,
}

/// Figures of one process (sums over its threads; completion is its last thread's exit).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessMetrics {
    /// Process id.
    pub pid: u32,
    /// Display name.
    pub name: String,
    /// Arrival.
    pub arrival: u64,
    /// Exit of its last thread.
    pub completion: u64,
    /// completion - arrival.
    pub turnaround: u64,
    /// Ticks its threads spent Ready (summed).
    pub waiting: u64,
    /// First executing tick of any of its threads - arrival.
    pub response: u64,
    /// CPU ticks (summed).
    pub cpu: u64,
    /// I/O ticks (summed).
    pub io: u64,
    /// Dispatch latency (summed).
    pub switch: u64,
    /// Cache stall (summed).
    pub stall: u64,
    /// Dispatches (summed).
    pub dispatches: u64,
    /// Preemptions (summed).
    pub preemptions: u64,
    /// Migrations (summed).
    #[serde(default)]
    pub migrations: u64,
}

/// Figures of one CPU.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpuMetrics {
    /// CPU index.
    pub cpu: u32,
    /// Ticks executing threads.
    pub busy: u64,
    /// Ticks of dispatch latency.
    pub dispatch: u64,
    /// Ticks of cache stall.
    pub stall: u64,
    /// Ticks idle (up to the end of the run).
    pub idle: u64,
    /// Context switches: dispatches of a thread other than the one it held.
    pub context_switches: u64,
    /// Cache units needed by the threads it dispatched (cache model on).
    pub cache_needed: u64,
    /// Of those, units that were cold and refilled; hit ratio = 1 - cold / needed.
    pub cache_cold: u64,
    /// Threads that migrated onto this CPU.
    #[serde(default)]
    pub migrations: u64,
    /// busy / (last completion - first arrival).
    pub utilisation: Ratio,
}

/// Totals and averages over all processes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Number of processes.
    pub processes: u64,
    /// First arrival.
    pub first_arrival: u64,
    /// Last completion.
    pub last_completion: u64,
    /// Average turnaround per process.
    pub average_turnaround: Ratio,
    /// Average waiting per process.
    pub average_waiting: Ratio,
    /// Average response per process.
    pub average_response: Ratio,
    /// Processes completed (every thread exited) per tick over the span.
    pub throughput: Ratio,
    /// All CPUs' busy ticks over (CPUs x span).
    pub utilisation: Ratio,
    /// Context switches on all CPUs.
    pub context_switches: u64,
    /// Ticks lost to dispatch latency on all CPUs.
    pub switch_ticks: u64,
    /// Ticks lost to cache stalls on all CPUs.
    pub stall_ticks: u64,
    /// Cache units needed at all dispatches (cache model on).
    pub cache_needed: u64,
    /// Of those, units refilled cold.
    pub cache_cold: u64,
    /// Migrations on all CPUs.
    #[serde(default)]
    pub migrations: u64,
}

/// Everything measured in a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metrics {
    /// Per process, in pid order.
    pub processes: Vec<ProcessMetrics>,
    /// Per thread, grouped by process.
    pub threads: Vec<ThreadMetrics>,
    /// Per CPU.
    pub cpus: Vec<CpuMetrics>,
    /// Totals.
    pub totals: Totals,
}

impl Metrics {
    /// Per process (in pid order), the ticks its threads were Blocked waiting for a mutex, a
    /// semaphore, a condition or a message; `None` when no thread waited on one (a table shows
    /// that column only then).
    pub fn blocked_per_process(&self) -> Option<Vec<u64>> {
        if self.threads.iter().all(|thread| thread.blocked == 0) {
            return None;
        }
        let mut blocked = alloc::vec![0; self.processes.len()];
        for thread in &self.threads {
            if let Some(sum) = blocked.get_mut(thread.thread.pid as usize) {
                *sum += thread.blocked;
            }
        }
        Some(blocked)
    }

    pub(crate) fn compute(scenario: &Scenario, engine: &Engine) -> Metrics {
        let threads: Vec<ThreadMetrics> = engine
            .tasks
            .iter()
            .enumerate()
            .zip(&engine.cold)
            .map(|((index, task), cold)| {
                // A wait still going on when the run stops (a deadlock) counts up to the end.
                let still_waiting = engine
                    .programs
                    .as_ref()
                    .is_some_and(|programs| programs.waiting[index].is_some());
                let blocked = cold.blocked
                    + if still_waiting {
                        engine.now - cold.blocked_since
                    } else {
                        0
                    };
                let (kernel_entries, kernel) =
                    engine.programs.as_ref().map_or((0, 0), |programs| {
                        (programs.kernel_entries[index], programs.kernel_ticks[index])
                    });
                // So does a stay in the ready queue (a schedule used up while it waits).
                let still_ready = match task.state {
                    ProcessState::Ready => engine.now - task.ready_since,
                    _ => 0,
                };
                let arrival = scenario.processes()[task.pid as usize].arrival();
                let completion = cold.completion.unwrap_or(engine.now);
                ThreadMetrics {
                    thread: task.thread_ref(),
                    arrival,
                    completion,
                    turnaround: completion - arrival,
                    waiting: task.acc.ready + still_ready,
                    response: task.acc.first_run.unwrap_or(completion) - arrival,
                    cpu: task.acc.cpu,
                    io: cold.io,
                    blocked,
                    kernel_entries,
                    kernel,
                    switch: task.acc.switch,
                    stall: task.acc.stall,
                    dispatches: task.acc.dispatches,
                    preemptions: cold.preemptions,
                    cache_needed: task.acc.cache_needed,
                    cache_cold: task.acc.cache_cold,
                    migrations: task.migrations,
                }
            })
            .collect();
        let processes: Vec<ProcessMetrics> = scenario
            .processes()
            .iter()
            .enumerate()
            .map(|(pid, process)| {
                let first = process.first_thread() as usize;
                let own = &threads[first..first + process.thread_count() as usize];
                let completion = own
                    .iter()
                    .map(|thread| thread.completion)
                    .max()
                    .unwrap_or(process.arrival());
                let first_run = own
                    .iter()
                    .map(|thread| thread.arrival + thread.response)
                    .min()
                    .unwrap_or(completion);
                ProcessMetrics {
                    pid: pid as u32,
                    name: String::from(process.name()),
                    arrival: process.arrival(),
                    completion,
                    turnaround: completion - process.arrival(),
                    waiting: own.iter().map(|thread| thread.waiting).sum(),
                    response: first_run - process.arrival(),
                    cpu: own.iter().map(|thread| thread.cpu).sum(),
                    io: own.iter().map(|thread| thread.io).sum(),
                    switch: own.iter().map(|thread| thread.switch).sum(),
                    stall: own.iter().map(|thread| thread.stall).sum(),
                    dispatches: own.iter().map(|thread| thread.dispatches).sum(),
                    preemptions: own.iter().map(|thread| thread.preemptions).sum(),
                    migrations: own.iter().map(|thread| thread.migrations).sum(),
                }
            })
            .collect();
        let first_arrival = processes
            .iter()
            .map(|process| process.arrival)
            .min()
            .unwrap_or(0);
        let last_completion = processes
            .iter()
            .map(|process| process.completion)
            .max()
            .unwrap_or(0);
        let span = last_completion - first_arrival;
        let cpu_count = engine.cpus.len();
        let cpus: Vec<CpuMetrics> = engine
            .cpus
            .iter()
            .enumerate()
            .map(|(cpu, state)| CpuMetrics {
                cpu: cpu as u32,
                busy: state.time.busy,
                dispatch: state.time.dispatch,
                stall: state.time.stall,
                idle: state.time.idle,
                context_switches: state.time.switches,
                cache_needed: state.time.cache_needed,
                cache_cold: state.time.cache_cold,
                migrations: state.time.migrations,
                utilisation: Ratio::new(state.time.busy, span),
            })
            .collect();
        let count = processes.len() as u64;
        // Throughput counts the processes that completed: every thread exited. A run stopped
        // early (a deadlock, the instruction budget, a schedule used up) leaves some unfinished,
        // and their times, counted up to the stop, are no completions.
        let completed = scenario
            .processes()
            .iter()
            .filter(|process| {
                let first = process.first_thread() as usize;
                engine.cold[first..first + process.thread_count() as usize]
                    .iter()
                    .all(|cold| cold.completion.is_some())
            })
            .count() as u64;
        let busy: u64 = cpus.iter().map(|cpu| cpu.busy).sum();
        let totals = Totals {
            processes: count,
            first_arrival,
            last_completion,
            average_turnaround: Ratio::new(
                processes.iter().map(|process| process.turnaround).sum(),
                count,
            ),
            average_waiting: Ratio::new(
                processes.iter().map(|process| process.waiting).sum(),
                count,
            ),
            average_response: Ratio::new(
                processes.iter().map(|process| process.response).sum(),
                count,
            ),
            throughput: Ratio::new(completed, span),
            utilisation: Ratio::new(busy, span.saturating_mul(cpu_count as u64)),
            context_switches: cpus.iter().map(|cpu| cpu.context_switches).sum(),
            switch_ticks: cpus.iter().map(|cpu| cpu.dispatch).sum(),
            stall_ticks: cpus.iter().map(|cpu| cpu.stall).sum(),
            cache_needed: cpus.iter().map(|cpu| cpu.cache_needed).sum(),
            cache_cold: cpus.iter().map(|cpu| cpu.cache_cold).sum(),
            migrations: cpus.iter().map(|cpu| cpu.migrations).sum(),
        };
        Metrics {
            processes,
            threads,
            cpus,
            totals,
        }
    }
}
