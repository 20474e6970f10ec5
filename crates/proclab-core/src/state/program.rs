//! What the machine state holds for threads that run programs: each one's real context, each
//! address space's variables and sync objects, and the message queues processes share.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use crate::program::{Register, Wait};
use crate::task::ThreadIx;
use crate::trace::ThreadRef;

/// The context of a thread that runs a program: what a context switch saves and loads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramContext {
    /// Address of the next instruction.
    pub pc: u32,
    /// `ax bx cx dx ex fx sp bp`, in that order.
    pub registers: [i64; 8],
    /// The condition codes: how the last `test` compared (-1 less, 0 equal, 1 greater).
    pub comparison: Option<i8>,
    /// It executed `halt` (or faulted).
    pub halted: bool,
    /// The mutex, semaphore or condition it waits for, by name, and the thread holding that
    /// mutex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_for: Option<(String, Option<ThreadRef>)>,
    /// Ticks of its last `cpu $n` still to compute before its next instruction (0 when none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub computing: u64,
}

fn is_zero(ticks: &u64) -> bool {
    *ticks == 0
}

/// A message queue or a pipe at one tick.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueSnapshot {
    /// Its name as declared.
    pub name: String,
    /// Most messages it holds.
    pub capacity: u32,
    /// Its messages, oldest first.
    pub messages: Vec<i64>,
    /// Threads waiting to send (the queue is full), first first.
    pub senders: Vec<ThreadRef>,
    /// Threads waiting to receive (the queue is empty), first first.
    pub receivers: Vec<ThreadRef>,
    /// A pipe's write ends still open (its writers that have neither closed nor exited), in
    /// thread order; `None` for a message queue. Empty: a `read` of the empty pipe gets -1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_writers: Option<Vec<ThreadRef>>,
}

impl QueueSnapshot {
    /// Whether this is a pipe (`.pipe`) rather than a message queue.
    pub fn is_pipe(&self) -> bool {
        self.open_writers.is_some()
    }

    /// A pipe at end-of-file: empty with every write end closed.
    pub fn at_end_of_file(&self) -> bool {
        self.messages.is_empty() && self.open_writers.as_ref().is_some_and(Vec::is_empty)
    }
}

/// The variables of one process's address space at one tick.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessMemory {
    /// The process.
    pub pid: u32,
    /// Every word of every variable, named as `x86.py` names them (`want`, `want[1]`), with
    /// its address and value, in declaration order.
    pub words: Vec<(String, u32, i64)>,
    /// Its mutexes, then its semaphores, then its condition variables, in declaration order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sync: Vec<SyncObjectState>,
}

/// A mutex or a semaphore at one tick: who holds it or its value, and who waits, first first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncObjectState {
    /// Its name as declared.
    pub name: String,
    /// Mutex, semaphore or condition variable.
    pub kind: crate::SyncKind,
    /// A semaphore's value (a mutex: 1 while held, 0 while free; a condition: 0).
    pub value: u32,
    /// The thread holding a mutex.
    pub holder: Option<ThreadRef>,
    /// The threads waiting, first first.
    pub waiters: Vec<ThreadRef>,
}

/// The real context of thread `index` if it runs a program.
pub(super) fn program_context(engine: &Engine, index: usize) -> Option<ProgramContext> {
    let programs = engine.programs.as_ref()?;
    let thread = &engine.scenario.threads()[index];
    let machine = programs.machines[thread.pid() as usize].as_ref()?;
    let state = machine.thread(thread.tid())?;
    let registers = Register::ALL.map(|register| state.registers().get(register));
    let waiting_for = programs.waiting[index].map(|wait| {
        let name = match wait {
            Wait::Queue(queue) | Wait::Pipe(queue) => programs.queue_name(queue).to_string(),
            Wait::SharedSemaphore(sem) => programs.shared_semaphore_name(sem).to_string(),
            Wait::SharedMutex(mutex) => programs.shared_mutex_name(mutex).to_string(),
            _ => machine.program().sync_name(wait.object()).to_string(),
        };
        let holder = match wait {
            Wait::Mutex(mutex) => machine.sync().holder(mutex).map(|tid| ThreadRef {
                pid: thread.pid(),
                tid,
            }),
            Wait::SharedMutex(mutex) => programs
                .shared_mutexes
                .get(mutex as usize)
                .and_then(|mutex| mutex.holder)
                .map(|holder| engine.tasks[holder].thread_ref()),
            Wait::Semaphore(_)
            | Wait::Condition(_)
            | Wait::Queue(_)
            | Wait::Pipe(_)
            | Wait::SharedSemaphore(_) => None,
        };
        (name, holder)
    });
    Some(ProgramContext {
        pc: state.pc(),
        registers,
        comparison: state.comparison().map(|ordering| ordering as i8),
        halted: state.halted() || programs.done(crate::task::ThreadIx(index as u32)),
        waiting_for,
        computing: programs.compute_due[index],
    })
}

/// Every message queue and pipe.
pub(super) fn queues(engine: &Engine) -> Vec<QueueSnapshot> {
    let Some(programs) = &engine.programs else {
        return Vec::new();
    };
    let thread = |index: &ThreadIx| engine.tasks[*index].thread_ref();
    programs
        .queues
        .iter()
        .map(|queue| QueueSnapshot {
            name: queue.name.clone(),
            capacity: queue.capacity,
            messages: queue.messages.iter().copied().collect(),
            senders: queue.senders.iter().map(|(task, _)| thread(task)).collect(),
            receivers: queue
                .receivers
                .iter()
                .map(|(task, _)| thread(task))
                .collect(),
            open_writers: queue
                .open_writers
                .as_ref()
                .map(|open| open.iter().map(thread).collect()),
        })
        .collect()
}

/// The mutexes, then the semaphores, of the shared segment.
pub(super) fn shared_sync(engine: &Engine) -> Vec<SyncObjectState> {
    let Some(programs) = &engine.programs else {
        return Vec::new();
    };
    let thread = |index: &ThreadIx| engine.tasks[*index].thread_ref();
    let mutexes = programs.shared_mutexes.iter().map(|mutex| SyncObjectState {
        name: mutex.name.clone(),
        kind: crate::SyncKind::SharedMutex,
        value: u32::from(mutex.holder.is_some()),
        holder: mutex.holder.as_ref().map(thread),
        waiters: mutex.waiters.iter().map(thread).collect(),
    });
    let semaphores = programs
        .shared_semaphores
        .iter()
        .map(|semaphore| SyncObjectState {
            name: semaphore.name.clone(),
            kind: crate::SyncKind::SharedSemaphore,
            value: semaphore.value,
            holder: None,
            waiters: semaphore.waiters.iter().map(thread).collect(),
        });
    mutexes.chain(semaphores).collect()
}

/// The variables of every process that runs a program.
pub(super) fn memories(engine: &Engine) -> Vec<ProcessMemory> {
    let Some(programs) = &engine.programs else {
        return Vec::new();
    };
    programs
        .machines
        .iter()
        .enumerate()
        .filter_map(|(pid, machine)| {
            let machine = machine.as_ref()?;
            let words = machine
                .program()
                .variable_cells()
                .into_iter()
                .map(|(name, address)| (name, address, machine.memory().read(address)))
                .collect();
            let thread = |tid: u32| ThreadRef {
                pid: pid as u32,
                tid,
            };
            let program = machine.program();
            let sync = machine.sync();
            let mutexes = program.mutexes().iter().enumerate().map(|(index, name)| {
                let holder = sync.holder(index as u32);
                SyncObjectState {
                    name: name.clone(),
                    kind: crate::SyncKind::Mutex,
                    value: u32::from(holder.is_some()),
                    holder: holder.map(thread),
                    waiters: sync
                        .waiters(Wait::Mutex(index as u32))
                        .map(thread)
                        .collect(),
                }
            });
            let semaphores = program
                .semaphores()
                .iter()
                .enumerate()
                .map(|(index, semaphore)| SyncObjectState {
                    name: semaphore.name.clone(),
                    kind: crate::SyncKind::Semaphore,
                    value: sync.value(index as u32),
                    holder: None,
                    waiters: sync
                        .waiters(Wait::Semaphore(index as u32))
                        .map(thread)
                        .collect(),
                });
            let conditions = program
                .conditions()
                .iter()
                .enumerate()
                .map(|(index, name)| SyncObjectState {
                    name: name.clone(),
                    kind: crate::SyncKind::Condition,
                    value: 0,
                    holder: None,
                    waiters: sync
                        .waiters(Wait::Condition(index as u32))
                        .map(thread)
                        .collect(),
                });
            Some(ProcessMemory {
                pid: pid as u32,
                words,
                sync: mutexes.chain(semaphores).chain(conditions).collect(),
            })
        })
        .collect()
}
