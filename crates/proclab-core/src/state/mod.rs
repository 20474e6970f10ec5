//! The whole machine at one tick: CPUs, ready queues, blocked list, caches and every PCB/TCB.
//!
//! A [`MachineState`] is captured from the engine after every event of an instant; it is plain
//! data for the scrub bar and the PCB inspector. Figures that change during a slice (progress,
//! CPU used, quantum left, I/O left) are given as of the start of the requested tick. What it holds
//! for threads that run programs (their real context, variables, sync objects, message queues) is
//! in `program.rs`.

use alloc::string::String;
use alloc::vec::Vec;
use serde::{Deserialize, Serialize};

use crate::cache::CacheEntry;
use crate::engine::{Activity, Engine};
use crate::spec::QueueTopology;
use crate::task::ThreadIx;
use crate::trace::ThreadRef;
use crate::ProcessState;

mod program;

use program::{memories, program_context, queues, shared_sync};
pub use program::{ProcessMemory, ProgramContext, QueueSnapshot, SyncObjectState};

/// What one CPU does at the tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CpuActivity {
    /// Nothing to run.
    Idle,
    /// Executing a thread.
    Running {
        /// The thread.
        thread: ThreadRef,
    },
    /// Dispatch latency: saving the previous context, loading `thread`'s.
    Dispatching {
        /// The thread being loaded.
        thread: ThreadRef,
        /// Tick at which the dispatch ends.
        until: u64,
        /// Units of `thread`'s cache lines the refill after the dispatch loads (cold now, though
        /// the cache already lists them as the thread's).
        cold: u32,
    },
    /// Cache refill before `thread` runs.
    Stalling {
        /// The thread.
        thread: ThreadRef,
        /// Tick at which it starts executing.
        until: u64,
        /// Units of its cache lines being refilled.
        cold: u32,
    },
    /// Kept idle for a thread blocked on I/O (uniprogramming convention).
    HeldFor {
        /// The blocked thread.
        thread: ThreadRef,
    },
}

/// One CPU.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CpuState {
    /// CPU index.
    pub cpu: u32,
    /// What it does.
    pub activity: CpuActivity,
    /// The thread whose context it holds (ran last).
    pub last: Option<ThreadRef>,
    /// Cache contents, least recently used first.
    pub cache: Vec<CacheEntry>,
    /// Threads that migrated onto this CPU so far (dispatched here away from their home CPU).
    #[serde(default)]
    pub migrations: u64,
}

/// A thread blocked on I/O.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockedEntry {
    /// The thread.
    pub thread: ThreadRef,
    /// Ticks until its I/O completes.
    pub io_left: u64,
}

/// A thread control block as shown in the inspector.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tcb {
    /// The thread.
    pub thread: ThreadRef,
    /// Thread name.
    pub name: String,
    /// State.
    pub state: ProcessState,
    /// Index of the current burst (even = CPU, odd = I/O).
    pub burst: u32,
    /// Length of the current burst.
    pub burst_length: u64,
    /// Program counter: ticks done in the current burst.
    pub program_counter: u64,
    /// A thread that runs a program: what its context holds, its program counter and registers
    /// (the field above then only counts ticks). A thread given as bursts runs no instructions,
    /// so it has no register values to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<ProgramContext>,
    /// Priority number.
    pub priority: u32,
    /// Under priority scheduling with aging, the number the policy compares now: a ready
    /// thread's aged by its wait, a running one's as dispatched. None without aging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aged_priority: Option<u32>,
    /// Under HRRN, the ticks a ready thread has waited since it last became ready: the W of its
    /// response ratio (W + S) / S, S being [`next_cpu_burst`](Tcb::next_cpu_burst). None under
    /// other policies and for a thread not ready.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio_wait: Option<u64>,
    /// MLFQ level or MLQ queue.
    pub level: u32,
    /// Ticks left in the current time slice, if the policy slices (none once exited).
    pub quantum_left: Option<u64>,
    /// Quanta of allotment left at the level (MLFQ).
    pub allotment_left: u32,
    /// Length of the next (or current) CPU burst still to do.
    pub next_cpu_burst: u64,
    /// SJF prediction in thousandths of a tick.
    pub predicted_milli: Option<u64>,
    /// CPU ticks used so far.
    pub cpu_used: u64,
    /// Tick at which it last ran (end of its last slice so far).
    pub last_run: Option<u64>,
    /// CPU it runs on or last ran on.
    pub cpu: Option<u32>,
    /// Ticks of I/O left if blocked.
    pub io_left: Option<u64>,
    /// Times it migrated so far (dispatched onto a CPU other than its home).
    #[serde(default)]
    pub migrations: u64,
}

/// A process control block as shown in the inspector.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pcb {
    /// Process id.
    pub pid: u32,
    /// Name.
    pub name: String,
    /// The process's state as the kernel sees it: Running if any thread runs; with user-level
    /// (many-to-one) threads, Blocked if any thread is blocked; else Ready if any is ready, else Blocked
    /// if any is blocked, else New or Exit.
    pub state: ProcessState,
    /// Arrival.
    pub arrival: u64,
    /// Priority number.
    pub priority: u32,
    /// Multilevel-queue class.
    pub class: u32,
    /// Parent process (ProcLab processes are all children of the simulated `init`).
    pub parent: Option<u32>,
    /// Child processes.
    pub children: Vec<u32>,
    /// Its threads' ids.
    pub threads: Vec<u32>,
    /// CPU ticks used by all its threads.
    pub cpu_used: u64,
}

/// Everything on the machine at one tick.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MachineState {
    /// The tick shown.
    pub tick: u64,
    /// CPUs.
    pub cpus: Vec<CpuState>,
    /// Ready threads in the order the policy would consider them, one list per level or queue.
    /// With per-CPU queues, each level lists CPU 0's threads, then CPU 1's, and so on.
    pub ready: Vec<Vec<ThreadRef>>,
    /// Per-CPU queues only (empty otherwise): CPU -> level or queue -> ready threads in the
    /// order that CPU would pick them.
    #[serde(default)]
    pub ready_per_cpu: Vec<Vec<Vec<ThreadRef>>>,
    /// Threads blocked on I/O, soonest completion first.
    pub blocked: Vec<BlockedEntry>,
    /// Every process.
    pub processes: Vec<Pcb>,
    /// Every thread.
    pub threads: Vec<Tcb>,
    /// The message queues, shared by the processes that declare them (declaration order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queues: Vec<QueueSnapshot>,
    /// The variables of each process that runs a program (pid order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub memories: Vec<ProcessMemory>,
    /// The sync objects of the shared segment, shared by the processes that name them: its
    /// mutexes (`.shared mutex`, or a name in bursts' `lock m`), then its semaphores.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_sync: Vec<SyncObjectState>,
}

impl MachineState {
    pub(crate) fn capture(engine: &Engine, tick: u64) -> MachineState {
        let scenario = &engine.scenario;
        let tick = tick.max(engine.now);
        let thread_ref = |index: ThreadIx| engine.tasks[index].thread_ref();
        // Progress of running threads inside their current slice.
        let mut running_since: Vec<Option<u64>> = alloc::vec![None; engine.tasks.len()];
        let cpus = engine
            .cpus
            .iter()
            .enumerate()
            .map(|(cpu, state)| {
                let activity = match state.activity {
                    Activity::Free => CpuActivity::Idle,
                    Activity::Running { task, since, .. } => {
                        running_since[task.slot()] = Some(since);
                        CpuActivity::Running {
                            thread: thread_ref(task),
                        }
                    }
                    Activity::Switching {
                        task,
                        stall_from,
                        cold,
                        ..
                    } if tick < stall_from => CpuActivity::Dispatching {
                        thread: thread_ref(task),
                        until: stall_from,
                        cold,
                    },
                    Activity::Switching {
                        task, run_at, cold, ..
                    } => CpuActivity::Stalling {
                        thread: thread_ref(task),
                        until: run_at,
                        cold,
                    },
                    Activity::Held { task } => CpuActivity::HeldFor {
                        thread: thread_ref(task),
                    },
                };
                CpuState {
                    cpu: cpu as u32,
                    activity,
                    last: state.last.map(thread_ref),
                    cache: state.cache.entries(),
                    migrations: state.time.migrations,
                }
            })
            .collect();
        let per_queue: Vec<Vec<Vec<ThreadRef>>> = engine
            .queues
            .iter()
            .map(|queue| {
                queue
                    .ready_lists(&engine.tasks, engine.now)
                    .into_iter()
                    .map(|list| list.into_iter().map(thread_ref).collect())
                    .collect()
            })
            .collect();
        let (ready, ready_per_cpu) = if scenario.machine().topology == QueueTopology::PerCpu {
            let levels = per_queue.iter().map(Vec::len).max().unwrap_or(0);
            let union = (0..levels)
                .map(|level| {
                    per_queue
                        .iter()
                        .filter_map(|lists| lists.get(level))
                        .flatten()
                        .copied()
                        .collect()
                })
                .collect();
            (union, per_queue)
        } else {
            (per_queue.into_iter().next().unwrap_or_default(), Vec::new())
        };
        let waits_for_sync = |index: usize| {
            engine
                .programs
                .as_ref()
                .is_some_and(|programs| programs.waiting[index].is_some())
        };
        let mut blocked: Vec<BlockedEntry> = engine
            .tasks
            .iter()
            .enumerate()
            .filter(|(index, task)| task.state == ProcessState::Blocked && !waits_for_sync(*index))
            .map(|(index, task)| BlockedEntry {
                thread: task.thread_ref(),
                io_left: engine.cold[index].io_done_at.saturating_sub(tick),
            })
            .collect();
        blocked.sort_by_key(|entry| (entry.io_left, entry.thread));
        let threads: Vec<Tcb> = engine
            .tasks
            .iter()
            .enumerate()
            .map(|(index, task)| {
                let io_done_at = engine.cold[index].io_done_at;
                let spec = &scenario.threads()[index];
                let burst_length = spec.bursts()[task.burst as usize];
                let ran = running_since[index].map_or(0, |since| tick.saturating_sub(since));
                let left = task.left.saturating_sub(ran);
                let blocked = task.state == ProcessState::Blocked;
                let progress = if blocked {
                    burst_length.saturating_sub(io_done_at.saturating_sub(tick))
                } else if task.state == ProcessState::Exit {
                    burst_length
                } else {
                    burst_length - left
                };
                let next_cpu_burst = if task.burst % 2 == 0 {
                    left
                } else {
                    spec.bursts()
                        .get(task.burst as usize + 1)
                        .copied()
                        .unwrap_or(0)
                };
                Tcb {
                    thread: task.thread_ref(),
                    name: String::from(spec.name()),
                    state: task.state,
                    burst: task.burst,
                    burst_length,
                    program_counter: progress,
                    program: program_context(engine, index),
                    priority: task.policy.priority,
                    aged_priority: engine.queues[0].aged_priority(task, tick),
                    ratio_wait: engine.queues[0].ratio_wait(task, tick),
                    level: task.policy.level,
                    // An exited thread has no time slice left to speak of, nor has a waiting
                    // one whose next dispatch hands out a fresh slice (RR's blocked thread
                    // showed the 1 tick its last slice had left).
                    quantum_left: task
                        .policy
                        .quantum_left
                        .filter(|_| match task.state {
                            ProcessState::Exit => false,
                            ProcessState::Running => true,
                            _ => engine.queues[0].slice_kept(&task.policy),
                        })
                        .map(|quantum| quantum.saturating_sub(ran)),
                    allotment_left: task.policy.allotment_left,
                    next_cpu_burst,
                    predicted_milli: task.policy.prediction_milli,
                    cpu_used: task.acc.cpu + ran,
                    last_run: if ran > 0 {
                        Some(tick)
                    } else {
                        task.acc.last_run
                    },
                    cpu: task.last_cpu.map(|cpu| cpu.0),
                    io_left: (blocked && !waits_for_sync(index))
                        .then(|| io_done_at.saturating_sub(tick)),
                    migrations: task.migrations,
                }
            })
            .collect();
        let processes = scenario
            .processes()
            .iter()
            .enumerate()
            .map(|(pid, process)| {
                let first = process.first_thread() as usize;
                let own = &threads[first..first + process.thread_count() as usize];
                let has = |state: ProcessState| own.iter().any(|thread| thread.state == state);
                // Many-to-one: the kernel sees one process, and one blocking thread blocks it.
                let user_level = scenario.machine().thread_model == crate::spec::ThreadModel::User;
                let state = if has(ProcessState::Running) {
                    ProcessState::Running
                } else if user_level && has(ProcessState::Blocked) {
                    ProcessState::Blocked
                } else if has(ProcessState::Ready) {
                    ProcessState::Ready
                } else if has(ProcessState::Blocked) {
                    ProcessState::Blocked
                } else if has(ProcessState::New) {
                    ProcessState::New
                } else {
                    ProcessState::Exit
                };
                Pcb {
                    pid: pid as u32,
                    name: String::from(process.name()),
                    state,
                    arrival: process.arrival(),
                    priority: process.priority(),
                    class: process.class(),
                    parent: None,
                    children: Vec::new(),
                    threads: own.iter().map(|thread| thread.thread.tid).collect(),
                    cpu_used: own.iter().map(|thread| thread.cpu_used).sum(),
                }
            })
            .collect();
        MachineState {
            tick,
            cpus,
            ready,
            ready_per_cpu,
            blocked,
            processes,
            threads,
            memories: memories(engine),
            queues: queues(engine),
            shared_sync: shared_sync(engine),
        }
    }

    /// The TCB of one thread. The threads are listed in (process, thread) order, so this is a
    /// binary search: the watch view asks once per ready-queue entry, and a linear search made a
    /// scene of 10,000 ready threads cost 50 million comparisons.
    pub fn thread(&self, thread: ThreadRef) -> Option<&Tcb> {
        self.threads
            .binary_search_by_key(&thread, |tcb| tcb.thread)
            .ok()
            .map(|index| &self.threads[index])
    }
}
