//! Threads that run programs: one instruction per tick of CPU.
//!
//! Each process that runs a program has one address space ([`Machine`]): its threads share the
//! variables and each has its own registers, program counter and stack. While any CPU runs a
//! program thread the engine visits every tick (`Engine::next_instant`), and at the start of
//! each instant the CPUs, in index order, each execute one instruction of the program thread
//! they ran during the tick that just ended. So on several CPUs two threads really run at once
//! and still race, in a fixed order.
//!
//! What an instruction ends:
//! - `halt` (or a fault, which ends the thread as the kernel would): the slice ends at this
//!   instant and the thread exits;
//! - `yield`: the slice ends at this instant and the thread goes back to Ready, as at the end of
//!   a quantum;
//! - `io $n`: the slice ends at this instant and the thread blocks for `n` ticks of I/O, as at the
//!   end of a CPU burst (the I/O conventions apply), then resumes at the next instruction;
//! - `cpu $n`: nothing ends; the thread's next `n - 1` ticks on a CPU execute no instruction
//!   (a burst written between operations), wherever it is dispatched again after a preemption;
//! - the instruction budget: the run stops at the first instant at which at least that many
//!   instructions have run (every CPU executes its instruction of the tick first; each tick a
//!   `cpu $n` computes counts as one).
//!
//! Message queues and pipes are the kernel's, shared by the processes that declare the same
//! name, so the engine applies `send`, `recv`, `write`, `read` and `close` itself
//! ([`Programs::message`]). A pipe's writers are the threads whose program writes to it; once
//! every one of them has closed its write end or exited, a `read` of the empty pipe gets -1
//! (end-of-file), and the readers that were waiting wake with -1.

use alloc::collections::VecDeque;
use alloc::string::String;
use alloc::string::ToString;
use alloc::vec;
use alloc::vec::Vec;

use super::{Activity, Engine};
use crate::policy::Entry;
use crate::program::x86::{stack_bottom, DEFAULT_MEMORY_KB};
use crate::program::{Deadlock, Fault, MessageOp, WaitEdge};
use crate::program::{ExecutedStep, KernelSpan, Machine, Register, Registers, StepOutcome, Wait};
use crate::scenario::Scenario;
use crate::scenario::Thread;
use crate::task::{CpuIx, ThreadIx};
use crate::trace::{Change, Slot};
use crate::ProcessState;

/// The programs' side of the engine.
#[derive(Clone, Debug)]
pub(crate) struct Programs {
    /// One address space per process that runs a program (index = pid).
    pub(crate) machines: Vec<Option<Machine>>,
    /// Per thread: whether it runs a program.
    runs: Vec<bool>,
    /// Per thread: its program ended it (halt or fault).
    done: Vec<bool>,
    /// Per thread: the I/O its last instruction asked for (`io $n`), until its slice ends.
    io: Vec<Option<u64>>,
    /// Per thread: the mutex, semaphore or condition it waits for, from its `lock` or `wait`
    /// until it is woken (a condition's waiter that a `signal` or `broadcast` moves to its
    /// mutex's queue waits for the mutex from then on).
    pub(crate) waiting: Vec<Option<Wait>>,
    /// Threads woken during the tick just executed (by an `unlock`, a `wait c, m`, a `signal`
    /// or a `broadcast`), with the thread that woke them, in execution order.
    wakes: Vec<(ThreadIx, ThreadIx)>,
    /// Instructions executed so far, each tick of a `cpu $n` after its first counted as one.
    pub(crate) executed: u64,
    budget: u64,
    /// The run stopped at the budget.
    pub(crate) out_of_budget: bool,
    /// Every executed instruction, when recording.
    pub(crate) steps: Option<Vec<ExecutedStep>>,
    /// Every span of kernel time, when recording.
    pub(crate) kernel_spans: Option<KernelSpans>,
    /// The scenario's channels: message queues and pipes, shared by the processes that declare
    /// the same name, in order of first declaration (`Wait::Queue` and `Wait::Pipe` index here).
    pub(crate) queues: Vec<QueueState>,
    /// Per process: its declared queues' indices in `queues`.
    queue_ids: Vec<Vec<u32>>,
    /// Per process: its declared pipes' indices in `queues`.
    pipe_ids: Vec<Vec<u32>>,
    /// The semaphores of the shared segment (shared by the processes that declare the same
    /// name), in order of first declaration (`Wait::SharedSemaphore` indexes here).
    pub(crate) shared_semaphores: Vec<SharedSemaphore>,
    /// Per process: its shared semaphores' indices in `shared_semaphores`.
    shared_semaphore_ids: Vec<Vec<u32>>,
    /// The mutexes of the shared segment (shared by the processes that declare the same name),
    /// in order of first declaration (`Wait::SharedMutex` indexes here).
    pub(crate) shared_mutexes: Vec<SharedMutex>,
    /// Per process: its shared mutexes' indices in `shared_mutexes`.
    shared_mutex_ids: Vec<Vec<u32>>,
    /// `machine.kernel_entry_cost`.
    kernel_entry_cost: u64,
    /// Per thread: kernel ticks still to spend before its next instruction.
    kernel_due: Vec<u64>,
    /// Per thread: ticks of its last `cpu $n` still to compute before its next instruction.
    pub(crate) compute_due: Vec<u64>,
    /// Per thread: instructions that entered the kernel, and ticks spent there.
    pub(crate) kernel_entries: Vec<u64>,
    pub(crate) kernel_ticks: Vec<u64>,
}

/// A semaphore of the shared segment: its value and its waiters, first first.
#[derive(Clone, Debug)]
pub(crate) struct SharedSemaphore {
    pub(crate) name: String,
    pub(crate) value: u32,
    pub(crate) waiters: VecDeque<ThreadIx>,
}

/// A mutex of the shared segment: who holds it and who waits for it, first first.
#[derive(Clone, Debug)]
pub(crate) struct SharedMutex {
    pub(crate) name: String,
    pub(crate) holder: Option<ThreadIx>,
    pub(crate) waiters: VecDeque<ThreadIx>,
}

/// One message queue or pipe: its messages (a pipe's buffered values), and who waits to send
/// (write) or to receive (read), first first.
#[derive(Clone, Debug)]
pub(crate) struct QueueState {
    pub(crate) name: String,
    pub(crate) capacity: u32,
    pub(crate) messages: VecDeque<i64>,
    /// Blocked senders with the value each sends.
    pub(crate) senders: VecDeque<(ThreadIx, i64)>,
    /// Blocked receivers with the register each receives into.
    pub(crate) receivers: VecDeque<(ThreadIx, Register)>,
    /// A pipe's write ends still open (its writers that have neither closed nor exited), in
    /// thread order; `None` for a message queue.
    pub(crate) open_writers: Option<Vec<ThreadIx>>,
}

/// The value a `read` gets at end-of-file.
pub(crate) const END_OF_FILE: i64 = -1;

impl Programs {
    /// The name of the scenario's shared semaphore `sem`.
    pub(crate) fn shared_semaphore_name(&self, sem: u32) -> &str {
        self.shared_semaphores
            .get(sem as usize)
            .map_or("", |state| state.name.as_str())
    }

    /// The name of the scenario's shared mutex `mutex`.
    pub(crate) fn shared_mutex_name(&self, mutex: u32) -> &str {
        self.shared_mutexes
            .get(mutex as usize)
            .map_or("", |state| state.name.as_str())
    }

    /// The name of the scenario's queue `queue`.
    pub(crate) fn queue_name(&self, queue: u32) -> &str {
        self.queues
            .get(queue as usize)
            .map_or("", |state| state.name.as_str())
    }

    /// The size of every address space, in words.
    pub(crate) fn memory_size(&self) -> u32 {
        DEFAULT_MEMORY_KB * 1024
    }

    /// The declared name of what a thread of process `pid` waits for.
    pub(crate) fn wait_name(&self, pid: u32, wait: Wait) -> &str {
        match wait {
            Wait::Queue(queue) | Wait::Pipe(queue) => self.queue_name(queue),
            Wait::SharedSemaphore(sem) => self.shared_semaphore_name(sem),
            Wait::SharedMutex(mutex) => self.shared_mutex_name(mutex),
            Wait::Mutex(_) | Wait::Semaphore(_) | Wait::Condition(_) => self
                .machines
                .get(pid as usize)
                .and_then(Option::as_ref)
                .map_or("", |machine| machine.program().sync_name(wait.object())),
        }
    }

    /// `task` (thread table `threads`) executed `operation`, sending `value`: applies it to the
    /// shared queue or pipe. Returns the step's outcome: `Blocked` when the thread must wait, a
    /// fault, or `Message` with the value sent or received (-1 for a `read` at end-of-file).
    fn message(
        &mut self,
        threads: &[Thread],
        task: ThreadIx,
        operation: MessageOp,
        value: i64,
    ) -> StepOutcome {
        let done = |value| StepOutcome::Message { operation, value };
        let thread = &threads[task.slot()];
        let pid = thread.pid() as usize;
        let (global, pipe) = match operation {
            MessageOp::SharedWait { sem } | MessageOp::SharedSignal { sem } => {
                return self.shared_semaphore(task, pid, operation, sem);
            }
            MessageOp::SharedLock { mutex } | MessageOp::SharedUnlock { mutex } => {
                return self.shared_mutex(task, pid, operation, mutex);
            }
            MessageOp::Send { queue, .. } | MessageOp::Recv { queue, .. } => {
                (self.queue_ids[pid][queue as usize], false)
            }
            MessageOp::Write { pipe, .. }
            | MessageOp::Read { pipe, .. }
            | MessageOp::Close { pipe } => (self.pipe_ids[pid][pipe as usize], true),
        };
        let wait = if pipe {
            Wait::Pipe(global)
        } else {
            Wait::Queue(global)
        };
        let queue = &mut self.queues[global as usize];
        match operation {
            MessageOp::SharedWait { .. }
            | MessageOp::SharedSignal { .. }
            | MessageOp::SharedLock { .. }
            | MessageOp::SharedUnlock { .. } => done(0),
            MessageOp::Close { .. } => {
                self.close_write_end(threads, task, global);
                done(0)
            }
            MessageOp::Write { pipe: local, .. }
                if !queue
                    .open_writers
                    .as_ref()
                    .is_some_and(|open| open.contains(&task)) =>
            {
                StepOutcome::Fault(Fault::WriteAfterClose { pipe: local })
            }
            // A pipe is a stream of bytes: a write puts one byte, 0 to 255.
            MessageOp::Write { pipe: local, .. } if !(0..=255).contains(&value) => {
                StepOutcome::Fault(Fault::NotAByte { pipe: local, value })
            }
            MessageOp::Send { .. } | MessageOp::Write { .. } => {
                if let Some((receiver, register)) = queue.receivers.pop_front() {
                    // A receiver waits: the message goes straight to it.
                    let target = &threads[receiver.slot()];
                    if let Some(machine) = self.machines[target.pid() as usize].as_mut() {
                        machine.set_register(target.tid(), register, value);
                    }
                    self.wakes.push((receiver, task));
                    done(value)
                } else if (queue.messages.len() as u32) < queue.capacity {
                    queue.messages.push_back(value);
                    done(value)
                } else {
                    queue.senders.push_back((task, value));
                    StepOutcome::Blocked(wait)
                }
            }
            MessageOp::Recv { register, .. } | MessageOp::Read { register, .. } => {
                let message = match queue.messages.pop_front() {
                    Some(message) => message,
                    // Every write end is closed: end-of-file.
                    None if queue.open_writers.as_ref().is_some_and(Vec::is_empty) => END_OF_FILE,
                    None => {
                        queue.receivers.push_back((task, register));
                        return StepOutcome::Blocked(wait);
                    }
                };
                // A slot is free: the first blocked sender's message takes it.
                if let Some((sender, sent)) = queue.senders.pop_front() {
                    queue.messages.push_back(sent);
                    self.wakes.push((sender, task));
                }
                if let Some(machine) = self.machines[pid].as_mut() {
                    machine.set_register(thread.tid(), register, message);
                }
                done(message)
            }
        }
    }

    /// `wait s` or `signal s` by `task` (of process `pid`) on shared semaphore `local` of its
    /// program: the rules of a process's own semaphores, on the one the processes share.
    fn shared_semaphore(
        &mut self,
        task: ThreadIx,
        pid: usize,
        operation: MessageOp,
        local: u32,
    ) -> StepOutcome {
        let global = self.shared_semaphore_ids[pid][local as usize];
        let semaphore = &mut self.shared_semaphores[global as usize];
        match operation {
            MessageOp::SharedWait { .. } if semaphore.value > 0 => semaphore.value -= 1,
            MessageOp::SharedWait { .. } => {
                semaphore.waiters.push_back(task);
                return StepOutcome::Blocked(Wait::SharedSemaphore(global));
            }
            _ => match semaphore.waiters.pop_front() {
                Some(waiter) => self.wakes.push((waiter, task)),
                None => semaphore.value = semaphore.value.saturating_add(1),
            },
        }
        StepOutcome::Message {
            operation,
            value: 0,
        }
    }

    /// `lock m` or `unlock m` by `task` (of process `pid`) on shared mutex `local` of its
    /// program: the rules of a process's own mutexes, on the one the processes share.
    fn shared_mutex(
        &mut self,
        task: ThreadIx,
        pid: usize,
        operation: MessageOp,
        local: u32,
    ) -> StepOutcome {
        let global = self.shared_mutex_ids[pid][local as usize];
        let mutex = &mut self.shared_mutexes[global as usize];
        match operation {
            MessageOp::SharedLock { .. } if mutex.holder.is_none() => mutex.holder = Some(task),
            MessageOp::SharedLock { .. } => {
                mutex.waiters.push_back(task);
                return StepOutcome::Blocked(Wait::SharedMutex(global));
            }
            _ if mutex.holder != Some(task) => {
                return StepOutcome::Fault(Fault::UnlockNotHeld { mutex: local });
            }
            _ => {
                mutex.holder = mutex.waiters.pop_front();
                if let Some(waiter) = mutex.holder {
                    self.wakes.push((waiter, task));
                }
            }
        }
        StepOutcome::Message {
            operation,
            value: 0,
        }
    }

    /// A store by process `pid` to `address`: when the word lies in a `.shared` variable, every
    /// other process that declares that variable sees it at once (its own address for it).
    fn share_store(&mut self, pid: usize, address: u32, value: i64) {
        let Some((name, index)) = self.machines[pid].as_ref().and_then(|machine| {
            let (variable, index) = machine.program().shared_at(address)?;
            Some((variable.name.clone(), index))
        }) else {
            return;
        };
        for (other, machine) in self.machines.iter_mut().enumerate() {
            let Some(machine) = machine.as_mut().filter(|_| other != pid) else {
                continue;
            };
            let target = machine
                .program()
                .shared_variables()
                .find(|variable| variable.name == name && index < variable.words)
                .map(|variable| variable.address + 4 * index);
            if let Some(target) = target {
                machine.store_shared(target, value);
            }
        }
    }

    /// `task` closes its write end of channel `global` (a `close`, or its exit). When it was the
    /// last one open, the readers waiting on the empty pipe wake with end-of-file, first first.
    fn close_write_end(&mut self, threads: &[Thread], task: ThreadIx, global: u32) {
        let queue = &mut self.queues[global as usize];
        let Some(open) = queue.open_writers.as_mut() else {
            return;
        };
        let Some(position) = open.iter().position(|&writer| writer == task) else {
            return;
        };
        open.remove(position);
        if !open.is_empty() {
            return;
        }
        for (reader, register) in core::mem::take(&mut queue.receivers) {
            let target = &threads[reader.slot()];
            if let Some(machine) = self.machines[target.pid() as usize].as_mut() {
                machine.set_register(target.tid(), register, END_OF_FILE);
            }
            self.wakes.push((reader, task));
        }
    }

    /// `task` ended (halt or fault): its write ends close, in channel order.
    fn close_every_write_end(&mut self, threads: &[Thread], task: ThreadIx) {
        for global in 0..self.queues.len() as u32 {
            self.close_write_end(threads, task, global);
        }
    }

    /// The address spaces of `scenario`'s programs, each thread at its first instruction with its
    /// initial registers and `%sp` at its stack bottom; `None` if no process runs a program.
    pub(crate) fn new(scenario: &Scenario, record: bool) -> Option<Programs> {
        if !scenario.has_programs() {
            return None;
        }
        let threads = scenario.threads();
        let machines = scenario
            .processes()
            .iter()
            .map(|process| {
                let program = process.program()?;
                let mut machine = Machine::new(program.clone(), DEFAULT_MEMORY_KB * 1024).ok()?;
                let first = process.first_thread() as usize;
                for (tid, thread) in threads[first..first + process.thread_count() as usize]
                    .iter()
                    .enumerate()
                {
                    let mut registers = Registers::default();
                    for &(register, value) in thread.registers() {
                        registers.set(register, value);
                    }
                    registers.set(Register::Sp, stack_bottom(DEFAULT_MEMORY_KB, tid as u32));
                    match thread.entry() {
                        Some(pc) => machine.add_thread_at(registers, pc),
                        None => machine.add_thread(registers),
                    };
                }
                Some(machine)
            })
            .collect();
        let processes = scenario.processes();
        let runs = threads
            .iter()
            .map(|thread| processes[thread.pid() as usize].program().is_some())
            .collect();
        // One channel per name across processes (validation checked that capacities agree and
        // that names of queues and pipes do not clash across processes).
        let mut queues: Vec<QueueState> = Vec::new();
        let mut channel = |declared: &crate::program::QueueDecl, pipe: bool| {
            let found = queues.iter().position(|queue| queue.name == declared.name);
            found.unwrap_or_else(|| {
                queues.push(QueueState {
                    name: declared.name.clone(),
                    capacity: declared.capacity,
                    messages: VecDeque::new(),
                    senders: VecDeque::new(),
                    receivers: VecDeque::new(),
                    open_writers: pipe.then(Vec::new),
                });
                queues.len() - 1
            }) as u32
        };
        let mut queue_ids = Vec::with_capacity(processes.len());
        let mut pipe_ids = Vec::with_capacity(processes.len());
        for process in processes {
            let Some(program) = process.program() else {
                queue_ids.push(Vec::new());
                pipe_ids.push(Vec::new());
                continue;
            };
            queue_ids.push(
                program
                    .queues()
                    .iter()
                    .map(|declared| channel(declared, false))
                    .collect(),
            );
            pipe_ids.push(
                program
                    .pipes()
                    .iter()
                    .map(|declared| channel(declared, true))
                    .collect(),
            );
        }
        // One shared semaphore per name across processes, with the first declaration's value, and
        // one shared mutex per name.
        let mut shared_semaphores: Vec<SharedSemaphore> = Vec::new();
        let shared_semaphore_ids = one_per_name(processes, &mut shared_semaphores, |program| {
            program
                .shared_semaphores()
                .iter()
                .map(|declared| SharedSemaphore {
                    name: declared.name.clone(),
                    value: declared.initial,
                    waiters: VecDeque::new(),
                })
                .collect()
        });
        let mut shared_mutexes: Vec<SharedMutex> = Vec::new();
        let shared_mutex_ids = one_per_name(processes, &mut shared_mutexes, |program| {
            program
                .shared_mutexes()
                .map(|name| SharedMutex {
                    name: name.to_string(),
                    holder: None,
                    waiters: VecDeque::new(),
                })
                .collect()
        });
        // A pipe's writers: every thread whose program writes to it, in thread order.
        for (index, thread) in threads.iter().enumerate() {
            let pid = thread.pid() as usize;
            let Some(program) = processes[pid].program() else {
                continue;
            };
            for (local, &global) in pipe_ids[pid].iter().enumerate() {
                if program.writes_pipe(local as u32) {
                    if let Some(open) = queues[global as usize].open_writers.as_mut() {
                        open.push(ThreadIx(index as u32));
                    }
                }
            }
        }
        Some(Programs {
            machines,
            runs,
            done: vec![false; threads.len()],
            io: vec![None; threads.len()],
            queues,
            queue_ids,
            pipe_ids,
            shared_semaphores,
            shared_semaphore_ids,
            shared_mutexes,
            shared_mutex_ids,
            kernel_entry_cost: scenario.machine().kernel_entry_cost,
            kernel_due: vec![0; threads.len()],
            compute_due: vec![0; threads.len()],
            kernel_entries: vec![0; threads.len()],
            kernel_ticks: vec![0; threads.len()],
            waiting: vec![None; threads.len()],
            wakes: Vec::new(),
            executed: 0,
            budget: scenario.machine().instruction_budget,
            out_of_budget: false,
            steps: record.then(Vec::new),
            kernel_spans: record.then(KernelSpans::default),
        })
    }

    /// Whether thread `index` runs a program.
    pub(crate) fn runs(&self, index: ThreadIx) -> bool {
        self.runs[index.slot()]
    }

    /// Whether its program ended thread `index` (halt or fault).
    pub(crate) fn done(&self, index: ThreadIx) -> bool {
        self.done[index.slot()]
    }

    /// The I/O thread `index` asked for at the end of its slice, if any (taken once).
    pub(crate) fn take_io(&mut self, index: ThreadIx) -> Option<u64> {
        self.io[index.slot()].take()
    }
}

impl Engine {
    /// A program thread on `cpu` executed a `lock` or `wait` it must wait for: Running -> Blocked,
    /// with no I/O to complete; an `unlock`, `signal` or `broadcast` wakes it
    /// ([`Engine::wake_waiters`]).
    pub(super) fn block_on_sync(&mut self, cpu: CpuIx, index: ThreadIx, wait: Wait) {
        let object = wait.object();
        self.touch(index);
        self.record(
            Some(cpu),
            index,
            Change::Waits {
                kind: object.kind,
                object: object.index as u16,
            },
        );
        self.tasks[index].state = ProcessState::Blocked;
        self.cold[index].blocked_since = self.now;
    }

    /// Step 1b: the threads an `unlock`, `wait c, m`, `signal` or `broadcast` of the tick just
    /// executed handed the mutex or semaphore to: Blocked -> Ready, in the order they were woken
    /// (after every slice that ends now, so a thread that blocked and was woken in the same tick
    /// blocks first).
    pub(super) fn wake_waiters(&mut self) {
        let Some(programs) = &mut self.programs else {
            return;
        };
        if programs.wakes.is_empty() {
            return;
        }
        let wakes = core::mem::take(&mut programs.wakes);
        for (woken, by) in wakes {
            if let Some(programs) = &mut self.programs {
                programs.waiting[woken.slot()] = None;
            }
            let now = self.now;
            let cold = &mut self.cold[woken];
            cold.blocked += now - cold.blocked_since;
            self.record(None, woken, Change::Woken { by: Slot::of(by) });
            self.make_ready(woken, Entry::IoDone);
        }
    }

    /// If the run stopped with every unfinished thread waiting for a mutex, a semaphore or a
    /// condition (and nothing left to happen), who waits for what.
    pub(crate) fn deadlock(&self) -> Option<Deadlock> {
        let programs = self.programs.as_ref()?;
        if self.finished() || programs.out_of_budget || self.next_instant().is_some() {
            return None;
        }
        let stuck = self.tasks.iter().enumerate().all(|(index, task)| {
            task.state == ProcessState::Exit || programs.waiting[index].is_some()
        });
        if !stuck {
            return None;
        }
        let threads = self.scenario.threads();
        let waits = programs
            .waiting
            .iter()
            .enumerate()
            .filter_map(|(index, wait)| {
                let wait = (*wait)?;
                let thread = &threads[index];
                let process = &self.scenario.processes()[thread.pid() as usize];
                let machine = programs.machines[thread.pid() as usize].as_ref()?;
                let object = wait.object();
                let holder = match wait {
                    Wait::Mutex(mutex) => machine
                        .sync()
                        .holder(mutex)
                        .map(|tid| process.first_thread() + tid),
                    Wait::SharedMutex(mutex) => programs
                        .shared_mutexes
                        .get(mutex as usize)
                        .and_then(|mutex| mutex.holder)
                        .map(|holder| holder.0),
                    Wait::Semaphore(_)
                    | Wait::Condition(_)
                    | Wait::Queue(_)
                    | Wait::Pipe(_)
                    | Wait::SharedSemaphore(_) => None,
                };
                Some(WaitEdge {
                    thread: index as u32,
                    object,
                    name: programs.wait_name(thread.pid(), wait).to_string(),
                    holder,
                })
            })
            .collect();
        Some(Deadlock::of(waits))
    }

    /// True if some CPU is executing a program thread (the next tick must be visited).
    pub(super) fn runs_program_now(&self) -> bool {
        let Some(programs) = &self.programs else {
            return false;
        };
        self.cpus.iter().any(
            |cpu| matches!(cpu.activity, Activity::Running { task, .. } if programs.runs(task)),
        )
    }

    /// Executes the instructions of the tick from `self.now` to `instant` (= `now + 1`), CPU by
    /// CPU, and ends the slices that a `halt`, a `yield` or a fault ends at `instant`.
    pub(super) fn execute_programs(&mut self, instant: u64) {
        let Some(programs) = &mut self.programs else {
            return;
        };
        for (cpu_index, cpu) in self.cpus.iter_mut().enumerate() {
            let Activity::Running { task, since, .. } = cpu.activity else {
                continue;
            };
            if !programs.runs(task) {
                continue;
            }
            // The rest of the thread's `cpu $n`: a tick of computation, no instruction. It counts
            // against the budget like an instruction, so the budget still bounds the run's length.
            if programs.compute_due[task.slot()] > 0 {
                programs.compute_due[task.slot()] -= 1;
                programs.executed += 1;
                continue;
            }
            // Kernel time of the thread's last system call: a tick on the CPU, no instruction.
            if programs.kernel_due[task.slot()] > 0 {
                programs.kernel_due[task.slot()] -= 1;
                programs.kernel_ticks[task.slot()] += 1;
                if let Some(spans) = &mut programs.kernel_spans {
                    spans.add(cpu_index, task.0, self.now);
                }
                continue;
            }
            // Bursts written with operations (`Scenario::program_text`): an I/O request or the exit
            // right after an operation that went on is made in that operation's tick, so every
            // item of the bursts takes exactly its own ticks.
            loop {
                let thread = &self.scenario.threads()[task.slot()];
                let step = programs.machines[thread.pid() as usize]
                    .as_mut()
                    .and_then(|machine| machine.step(thread.tid()).ok());
                let Some(step) = step else {
                    // Unreachable after validation (every program thread has a live context); ending
                    // the thread keeps the run finite even so.
                    programs.done[task.slot()] = true;
                    cpu.set_activity(Activity::Running {
                        task,
                        since,
                        until: instant,
                    });
                    break;
                };
                programs.executed += 1;
                let wakes_before = programs.wakes.len();
                // A store to a `.shared` word is seen by every process that maps the segment, before
                // the next CPU's instruction of this instant.
                for access in step.accesses.as_slice() {
                    if access.kind == crate::program::AccessKind::Write {
                        programs.share_store(thread.pid() as usize, access.address, access.value);
                    }
                }
                // A `send` to a full queue or a `recv` from an empty one blocks (so do `write` and
                // `read` on a pipe): queues and pipes are the engine's (processes share them), so the
                // step's outcome is settled here.
                let mut step = step;
                let message = matches!(
                    step.outcome,
                    StepOutcome::Message { operation, .. } if operation.is_system_call()
                );
                if let StepOutcome::Message { operation, value } = step.outcome {
                    step.outcome =
                        programs.message(self.scenario.threads(), task, operation, value);
                }
                // Entering the kernel: every queue or pipe operation; a mutex, semaphore or condition
                // operation only when it blocks or wakes a thread (a futex's fast path stays in user
                // space). Its cost is paid before the thread's next instruction (after its wake-up if
                // it blocked).
                let woke_someone = programs.wakes.len() > wakes_before;
                let sync = matches!(step.outcome, StepOutcome::Blocked(_))
                    || !step.woke.is_empty()
                    || !step.requeued.is_empty()
                    || woke_someone;
                if message || sync {
                    programs.kernel_entries[task.slot()] += 1;
                    programs.kernel_due[task.slot()] = programs.kernel_entry_cost;
                }
                if let Some(steps) = &mut programs.steps {
                    steps.push(ExecutedStep {
                        tick: self.now,
                        thread: task.0,
                        cpu: cpu_index as u32,
                        pc: step.pc,
                        accesses: step.accesses,
                        outcome: step.outcome,
                    });
                }
                let first_thread = self.scenario.processes()[thread.pid() as usize].first_thread();
                for woken in &step.woke {
                    programs.wakes.push((ThreadIx(first_thread + woken), task));
                }
                // Still blocked: from now on it waits for the mutex (if it blocked in this same tick,
                // the trace's `Waits` will already name the mutex).
                for requeued in &step.requeued {
                    programs.waiting[(first_thread + requeued.thread) as usize] =
                        Some(Wait::Mutex(requeued.mutex));
                }
                match step.outcome {
                    StepOutcome::Continued => {}
                    StepOutcome::Compute(ticks) => {
                        programs.compute_due[task.slot()] = ticks.saturating_sub(1);
                    }
                    StepOutcome::Blocked(wait) => {
                        programs.waiting[task.slot()] = Some(wait);
                        cpu.set_activity(Activity::Running {
                            task,
                            since,
                            until: instant,
                        });
                    }
                    StepOutcome::Message { .. } => {}
                    StepOutcome::Io(ticks) => {
                        programs.io[task.slot()] = Some(ticks);
                        cpu.set_activity(Activity::Running {
                            task,
                            since,
                            until: instant,
                        });
                    }
                    StepOutcome::Yielded => {
                        cpu.set_activity(Activity::Running {
                            task,
                            since,
                            until: instant,
                        });
                    }
                    StepOutcome::Halted | StepOutcome::Fault(_) => {
                        programs.done[task.slot()] = true;
                        // An exit closes the thread's write ends, as the kernel closes a dead
                        // process's files.
                        programs.close_every_write_end(self.scenario.threads(), task);
                        cpu.set_activity(Activity::Running {
                            task,
                            since,
                            until: instant,
                        });
                    }
                }
                let thread = &self.scenario.threads()[task.slot()];
                let went_on = matches!(
                    step.outcome,
                    StepOutcome::Continued | StepOutcome::Message { .. }
                );
                let process = &self.scenario.processes()[thread.pid() as usize];
                let folds = went_on
                    && programs.kernel_due[task.slot()] == 0
                    && programs.machines[thread.pid() as usize]
                        .as_ref()
                        .and_then(|machine| machine.thread(thread.tid()))
                        .is_some_and(|state| process.runs_with_operation(state.pc()));
                if !folds {
                    break;
                }
            }
        }
        if programs.executed >= programs.budget {
            programs.out_of_budget = true;
        }
    }
}

/// An object of the shared segment, known by its name.
trait Named {
    fn name(&self) -> &str;
}

impl Named for SharedSemaphore {
    fn name(&self) -> &str {
        &self.name
    }
}

impl Named for SharedMutex {
    fn name(&self) -> &str {
        &self.name
    }
}

/// One object per name across processes, in order of first declaration: per process, the index
/// in `objects` of each object its program declares (`declared`, in its order); a name's first
/// declaration is the one kept.
fn one_per_name<T: Named>(
    processes: &[crate::scenario::Process],
    objects: &mut Vec<T>,
    declared: impl Fn(&crate::program::Program) -> Vec<T>,
) -> Vec<Vec<u32>> {
    processes
        .iter()
        .map(|process| {
            let Some(program) = process.program() else {
                return Vec::new();
            };
            declared(program)
                .into_iter()
                .map(|object| {
                    let found = objects.iter().position(|seen| seen.name() == object.name());
                    found.unwrap_or_else(|| {
                        objects.push(object);
                        objects.len() - 1
                    }) as u32
                })
                .collect()
        })
        .collect()
}

/// Every span of kernel time of a run, as it is recorded.
#[derive(Clone, Debug, Default)]
pub(crate) struct KernelSpans {
    pub(crate) spans: Vec<KernelSpan>,
    /// Per CPU, the index of its last span: the one a tick of the same thread right after it
    /// extends.
    last: Vec<Option<usize>>,
}

impl KernelSpans {
    /// Adds the tick `now` of `thread`'s kernel time on `cpu`.
    fn add(&mut self, cpu: usize, thread: u32, now: u64) {
        if self.last.len() <= cpu {
            self.last.resize(cpu + 1, None);
        }
        let open = self.last[cpu]
            .and_then(|index| self.spans.get_mut(index))
            .filter(|span| span.thread == thread && span.end == now);
        match open {
            Some(span) => span.end = now + 1,
            None => {
                self.last[cpu] = Some(self.spans.len());
                self.spans.push(KernelSpan {
                    cpu: cpu as u32,
                    thread,
                    start: now,
                    end: now + 1,
                });
            }
        }
    }
}
