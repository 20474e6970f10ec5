//! Validation at the boundary: the one fallible constructor from a raw [`ScenarioSpec`] to a
//! [`Scenario`] the engine can trust.
//!
//! [`Scenario::new`] reports *every* problem it finds as a [`ScenarioError`] code naming the
//! process, thread, burst, level or queue and the rule broken, never text, and never panics.
//! The limits keep the largest accepted scenario well under a second of simulation in a browser.
//! After validation the engine has no "impossible" branches: fields are private, there are no setters.
mod check;
mod error;
mod operations;

pub use error::*;
pub use operations::{has_operations, MAX_OPERATION_BURST};

use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::program::{Program, Register};
use crate::spec::{Conventions, MachineSpec, PolicySpec, ScenarioSpec, ScheduleSpec, SPEC_VERSION};
use check::*;

/// A validated thread of control: its owner, its bursts and its stack size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thread {
    pid: u32,
    tid: u32,
    name: String,
    bursts: Vec<u64>,
    stack: u32,
    /// Initial registers (program threads only; `%sp` is set by the engine).
    registers: Vec<(Register, i64)>,
    /// The address of its first instruction when it runs its own part of its process's program
    /// (a thread whose bursts hold operations); `None`: the program's first instruction.
    entry: Option<u32>,
}

impl Thread {
    /// Owning process id (input position).
    pub fn pid(&self) -> u32 {
        self.pid
    }
    /// Thread id inside its process (0-based).
    pub fn tid(&self) -> u32 {
        self.tid
    }
    /// Display name (`T1`... unless given).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The address of its first instruction, when it is not its program's first (a thread
    /// whose bursts hold operations runs its own part of its process's program).
    pub fn entry(&self) -> Option<u32> {
        self.entry
    }
    /// Burst lengths: even positions are CPU bursts, odd positions I/O bursts.
    pub fn bursts(&self) -> &[u64] {
        &self.bursts
    }
    /// Stack size in cache units.
    pub fn stack(&self) -> u32 {
        self.stack
    }
    /// Initial registers given to a program thread (without `%sp`).
    pub fn registers(&self) -> &[(Register, i64)] {
        &self.registers
    }
    /// Sum of the CPU bursts.
    pub fn total_cpu(&self) -> u64 {
        self.bursts.iter().step_by(2).sum()
    }
    /// Sum of the I/O bursts.
    pub fn total_io(&self) -> u64 {
        self.bursts.iter().skip(1).step_by(2).sum()
    }
}

/// A validated process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Process {
    name: String,
    arrival: u64,
    priority: u32,
    class: u32,
    working_set: u32,
    tickets: u32,
    first_thread: u32,
    thread_count: u32,
    multithreaded: bool,
    program: Option<Rc<Program>>,
    /// The program written from its bursts when they hold operations.
    written: Option<Rc<str>>,
    /// In that program, the addresses of the `io` and `halt` right after an operation, which run
    /// in the operation's tick.
    free: Vec<u32>,
}

impl Process {
    /// Display name (`P1`... unless given).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Creation tick.
    pub fn arrival(&self) -> u64 {
        self.arrival
    }
    /// Priority number as given.
    pub fn priority(&self) -> u32 {
        self.priority
    }
    /// Multilevel-queue class.
    pub fn class(&self) -> u32 {
        self.class
    }
    /// Shared working set in cache units.
    pub fn working_set(&self) -> u32 {
        self.working_set
    }
    /// Lottery tickets.
    pub fn tickets(&self) -> u32 {
        self.tickets
    }
    /// Index of its first thread in [`Scenario::threads`]; its threads are contiguous.
    pub fn first_thread(&self) -> u32 {
        self.first_thread
    }
    /// Number of threads (1 for a single-threaded process).
    pub fn thread_count(&self) -> u32 {
        self.thread_count
    }
    /// True if the spec listed threads explicitly.
    pub fn is_multithreaded(&self) -> bool {
        self.multithreaded
    }
    /// The program its threads run instead of bursts, if any.
    pub fn program(&self) -> Option<&Program> {
        self.program.as_deref()
    }
    /// The program written from its bursts, when they hold operations (`lock m`...): its
    /// threads run it instead, each its own part.
    pub fn written_program(&self) -> Option<&str> {
        self.written.as_deref()
    }
    /// Whether the instruction at `address` of its written program runs in the tick of the
    /// operation before it (an I/O request or the exit right after an operation).
    pub fn runs_with_operation(&self, address: u32) -> bool {
        self.free.contains(&address)
    }
}

/// A scenario that passed validation: the only input the engine accepts. It never changes, so
/// its tables are shared: a clone (each run keeps one) copies no process or thread.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    spec: Rc<ScenarioSpec>,
    processes: Rc<[Process]>,
    threads: Rc<[Thread]>,
    /// Upper estimate of the time slices a run needs (sizes the trace buffers).
    slice_estimate: u64,
}

impl Scenario {
    /// Validates `spec`, returning every problem found (in field order) if there is any.
    pub fn new(spec: &ScenarioSpec) -> Result<Scenario, Vec<ScenarioError>> {
        let mut errors = Vec::new();
        if spec.version != SPEC_VERSION {
            errors.push(ScenarioError::UnsupportedVersion {
                found: spec.version,
            });
        }
        let process_count = spec.processes.len();
        if process_count == 0 {
            errors.push(ScenarioError::NoProcesses);
        }
        if process_count > MAX_PROCESSES as usize {
            errors.push(ScenarioError::TooManyProcesses {
                count: saturate(process_count),
                max: MAX_PROCESSES,
            });
            // Do not spend time on the details of a scenario that cannot run anyway.
            return Err(errors);
        }
        let total_threads: usize = spec
            .processes
            .iter()
            .map(|process| process.threads.len().max(1))
            .sum();
        if total_threads > MAX_THREADS_TOTAL as usize {
            errors.push(ScenarioError::TooManyThreads {
                count: saturate(total_threads),
                max: MAX_THREADS_TOTAL,
            });
            return Err(errors);
        }
        let program_threads: usize = spec
            .processes
            .iter()
            .filter(|process| !process.program.is_empty() || has_operations(process))
            .map(|process| process.threads.len().max(1))
            .sum();
        if program_threads > MAX_PROGRAM_THREADS as usize {
            errors.push(ScenarioError::TooManyProgramThreads {
                count: saturate(program_threads),
                max: MAX_PROGRAM_THREADS,
            });
            return Err(errors);
        }
        let queue_count = match &spec.policy {
            PolicySpec::Mlq { queues } => Some(queues.len()),
            _ => None,
        };
        let mut processes = Vec::with_capacity(process_count);
        let mut threads = Vec::with_capacity(total_threads);
        // Each name the bursts' operations use, whether it is a mutex (else a semaphore), and the
        // process that used it first.
        let mut operation_kinds: Vec<(&str, bool, u32)> = Vec::new();
        for (index, process_spec) in spec.processes.iter().enumerate() {
            let pid = index as u32;
            check_process(pid, process_spec, queue_count, &spec.policy, &mut errors);
            let first_thread = threads.len() as u32;
            let operations = has_operations(process_spec);
            let (written, free_lines) = match operations && operations::writable(process_spec) {
                true => {
                    let (text, free) =
                        operations::operations_program(process_spec, &spec.semaphores);
                    (Some(text), free)
                }
                false => (None, Vec::new()),
            };
            let program = match &written {
                Some(text) => check_written_program(pid, process_spec, text, &mut errors),
                None if operations => None,
                None => check_program(pid, process_spec, &mut errors),
            };
            // Where each thread's own part starts, in a program written from bursts.
            let entry = |tid: usize| {
                let label = operations::thread_label(tid);
                let program = program.as_ref().filter(|_| operations)?;
                let found = program.labels().iter().find(|found| found.name == label)?;
                Some(found.address)
            };
            // A program's threads have one CPU burst, open-ended: its length is only the
            // schedulers' estimate (its instructions once each, a `cpu $n` as `n` ticks), the
            // program decides the end. A thread with operations has its own estimate.
            let program_burst = program
                .as_ref()
                .map(|program| vec![program.estimated_ticks().max(1)]);
            let thread_bursts = |bursts: &[crate::spec::BurstSpec]| {
                if operations {
                    vec![operations::estimated_ticks(bursts)]
                } else {
                    program_burst
                        .clone()
                        .unwrap_or_else(|| burst_lengths(bursts))
                }
            };
            if operations && process_spec.threads.is_empty() {
                operations::check_operations(
                    pid,
                    None,
                    &process_spec.bursts,
                    &mut operation_kinds,
                    &mut errors,
                );
            }
            if process_spec.threads.is_empty() {
                threads.push(Thread {
                    pid,
                    tid: 0,
                    name: String::from("T1"),
                    bursts: thread_bursts(&process_spec.bursts),
                    stack: 1,
                    registers: Vec::new(),
                    entry: entry(0),
                });
            } else {
                for (thread_index, thread_spec) in process_spec.threads.iter().enumerate() {
                    let tid = thread_index as u32;
                    let thread = Some(tid);
                    let registers = check_thread_program(
                        pid,
                        tid,
                        thread_spec,
                        process_spec.program.is_empty(),
                        &mut errors,
                    );
                    if process_spec.program.is_empty() {
                        check_bursts(pid, thread, &thread_spec.bursts, &mut errors);
                    }
                    if operations {
                        operations::check_operations(
                            pid,
                            thread,
                            &thread_spec.bursts,
                            &mut operation_kinds,
                            &mut errors,
                        );
                    }
                    if thread_spec.name.len() > MAX_NAME_LEN as usize {
                        errors.push(ScenarioError::NameTooLong {
                            process: pid,
                            thread,
                            max: MAX_NAME_LEN,
                        });
                    }
                    if thread_spec.stack > MAX_CACHE_UNITS {
                        errors.push(ScenarioError::StackTooLarge {
                            process: pid,
                            thread: tid,
                            max: MAX_CACHE_UNITS,
                        });
                    }
                    let name = if thread_spec.name.is_empty() {
                        format!("T{}", tid + 1)
                    } else {
                        thread_spec.name.clone()
                    };
                    threads.push(Thread {
                        pid,
                        tid,
                        name,
                        bursts: thread_bursts(&thread_spec.bursts),
                        stack: thread_spec.stack,
                        registers,
                        entry: entry(thread_index),
                    });
                }
            }
            let name = if process_spec.name.is_empty() {
                format!("P{}", index + 1)
            } else {
                process_spec.name.clone()
            };
            processes.push(Process {
                name,
                arrival: process_spec.arrival,
                priority: process_spec.priority,
                class: process_spec.class,
                working_set: process_spec.working_set,
                tickets: process_spec.tickets,
                first_thread,
                thread_count: threads.len() as u32 - first_thread,
                multithreaded: !process_spec.threads.is_empty(),
                free: program.as_ref().map_or_else(Vec::new, |program| {
                    (program.load_address()..program.end_address())
                        .filter(|&address| {
                            program
                                .line_at(address)
                                .is_some_and(|line| free_lines.contains(&line))
                        })
                        .collect()
                }),
                program: program.map(Rc::new),
                written: written.map(Rc::from),
            });
        }
        operations::check_semaphores(spec, &operation_kinds, &mut errors);
        check_names(&processes, &threads, &mut errors);
        check_queues(&processes, &mut errors);
        check_shared(&processes, &mut errors);
        check_policy(&spec.policy, &mut errors);
        check_machine(&spec.machine, &mut errors);
        check_warmup(spec, &mut errors);
        if let Some(schedule) = &spec.schedule {
            check_schedule(schedule, threads.len(), &mut errors);
        }
        // A burst too long for the operations' stricter limit is said once, with that limit (it
        // had been said twice, with two maxima).
        let stricter: Vec<(u32, Option<u32>, u32)> = errors
            .iter()
            .filter_map(|error| match *error {
                ScenarioError::OperationBurstTooLong {
                    process,
                    thread,
                    burst,
                    ..
                } => Some((process, thread, burst)),
                _ => None,
            })
            .collect();
        errors.retain(|error| match *error {
            ScenarioError::BurstTooLong {
                process,
                thread,
                burst,
                ..
            } => !stricter.contains(&(process, thread, burst)),
            _ => true,
        });
        let mut slice_estimate = 0;
        if errors.is_empty() {
            slice_estimate = check_size(spec, &threads, &processes, &mut errors);
        }
        if errors.is_empty() {
            Ok(Scenario {
                spec: Rc::new(spec.clone()),
                processes: processes.into(),
                threads: threads.into(),
                slice_estimate,
            })
        } else {
            Err(errors)
        }
    }

    /// The spec this scenario was validated from.
    pub fn spec(&self) -> &ScenarioSpec {
        &self.spec
    }
    /// Processes in input order (index = pid).
    pub fn processes(&self) -> &[Process] {
        &self.processes
    }
    /// Every thread of control, grouped by process in pid order.
    pub fn threads(&self) -> &[Thread] {
        &self.threads
    }
    /// The policy.
    pub fn policy(&self) -> &PolicySpec {
        &self.spec.policy
    }
    /// The conventions.
    pub fn conventions(&self) -> &Conventions {
        &self.spec.conventions
    }
    /// The machine.
    pub fn machine(&self) -> &MachineSpec {
        &self.spec.machine
    }
    /// The RNG seed.
    pub fn seed(&self) -> u64 {
        self.spec.seed
    }
    /// The explicit schedule, if the student (or `x86.py -P`) is the scheduler.
    pub fn schedule(&self) -> Option<&ScheduleSpec> {
        self.spec.schedule.as_ref()
    }
    /// The text of process `pid`'s program: as the spec gives it, or as the scenario wrote it from
    /// bursts that hold operations (empty if the process runs plain bursts).
    pub fn program_text(&self, pid: u32) -> &str {
        let process = self.processes.get(pid as usize);
        match process.and_then(Process::written_program) {
            Some(written) => written,
            None => self
                .spec
                .processes
                .get(pid as usize)
                .map_or("", |process| process.program.as_str()),
        }
    }

    /// True if some process runs a program.
    pub fn has_programs(&self) -> bool {
        self.processes
            .iter()
            .any(|process| process.program.is_some())
    }

    /// Upper estimate of the number of time slices a run needs.
    pub(crate) fn slice_estimate(&self) -> u64 {
        self.slice_estimate
    }
}
