//! The checks [`Scenario::new`](super::Scenario::new) runs, one function per part of the spec,
//! each pushing every problem it finds.

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

use super::error::*;
use super::{Process, Thread};
use crate::program::x86::{parse_argv, stack_bottom, ArgvError, DEFAULT_MEMORY_KB};
use crate::program::{ParseErrorKind, Program, Register, SharedKind};
use crate::spec::{
    BurstSpec, CacheModel, MachineSpec, PolicySpec, ProcessSpec, QueueSpec, QueueTopology,
    ScenarioSpec, ScheduleSpec, ThreadModel, ThreadSpec,
};

pub(super) fn saturate(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

pub(super) fn burst_lengths(bursts: &[BurstSpec]) -> Vec<u64> {
    bursts.iter().filter_map(BurstSpec::length).collect()
}

pub(super) fn check_process(
    pid: u32,
    process: &ProcessSpec,
    queue_count: Option<usize>,
    policy: &PolicySpec,
    errors: &mut Vec<ScenarioError>,
) {
    if process.name.len() > MAX_NAME_LEN as usize {
        errors.push(ScenarioError::NameTooLong {
            process: pid,
            thread: None,
            max: MAX_NAME_LEN,
        });
    }
    if process.arrival > MAX_TICK {
        errors.push(ScenarioError::ArrivalTooLate {
            process: pid,
            max: MAX_TICK,
        });
    }
    if process.priority > MAX_PRIORITY {
        errors.push(ScenarioError::PriorityOutOfRange {
            process: pid,
            value: process.priority,
            max: MAX_PRIORITY,
        });
    }
    if let Some(queues) = queue_count {
        if process.class as usize >= queues && queues > 0 {
            errors.push(ScenarioError::UnknownClass {
                process: pid,
                class: process.class,
                queues: queues as u32,
            });
        }
    }
    let tickets_matter = matches!(policy, PolicySpec::Lottery { .. });
    if (tickets_matter && process.tickets == 0) || process.tickets > MAX_TICKETS {
        errors.push(ScenarioError::TicketsOutOfRange {
            process: pid,
            value: process.tickets,
            max: MAX_TICKETS,
        });
    }
    if process.working_set > MAX_CACHE_UNITS {
        errors.push(ScenarioError::CacheUnitsTooLarge {
            process: Some(pid),
            max: MAX_CACHE_UNITS,
        });
    }
    if process.threads.len() > MAX_THREADS_PER_PROCESS as usize {
        errors.push(ScenarioError::TooManyThreadsInProcess {
            process: pid,
            count: saturate(process.threads.len()),
            max: MAX_THREADS_PER_PROCESS,
        });
    }
    if !process.program.is_empty() {
        // A program replaces bursts: `check_program` reports bursts given beside it.
    } else if process.threads.is_empty() {
        check_bursts(pid, None, &process.bursts, errors);
    } else if !process.bursts.is_empty() {
        errors.push(ScenarioError::BurstsAndThreads { process: pid });
    }
}

pub(super) fn check_bursts(
    process: u32,
    thread: Option<u32>,
    bursts: &[BurstSpec],
    errors: &mut Vec<ScenarioError>,
) {
    if bursts.is_empty() {
        errors.push(ScenarioError::NoBursts { process, thread });
        return;
    }
    if bursts.len() > MAX_BURSTS as usize {
        errors.push(ScenarioError::TooManyBursts {
            process,
            thread,
            count: saturate(bursts.len()),
            max: MAX_BURSTS,
        });
        return;
    }
    // Operations stand anywhere; two CPU bursts, or two I/O bursts, may not touch.
    if matches!(bursts[0], BurstSpec::Io(_)) {
        errors.push(ScenarioError::IoFirst { process, thread });
    }
    if bursts.len() > 1 && matches!(bursts[bursts.len() - 1], BurstSpec::Io(_)) {
        errors.push(ScenarioError::IoLast { process, thread });
    }
    for (index, burst) in bursts.iter().enumerate() {
        let burst_index = index as u32;
        let touches = |before: &BurstSpec| {
            matches!(
                (before, burst),
                (BurstSpec::Cpu(_), BurstSpec::Cpu(_)) | (BurstSpec::Io(_), BurstSpec::Io(_))
            )
        };
        if index > 0 && touches(&bursts[index - 1]) {
            errors.push(ScenarioError::NotAlternating {
                process,
                thread,
                burst: burst_index,
            });
        }
        match *burst {
            BurstSpec::Cpu(0) => errors.push(ScenarioError::BurstZero {
                process,
                thread,
                burst: burst_index,
            }),
            BurstSpec::Cpu(length) | BurstSpec::Io(length) if length > MAX_TICK => {
                errors.push(ScenarioError::BurstTooLong {
                    process,
                    thread,
                    burst: burst_index,
                    max: MAX_TICK,
                })
            }
            _ => {}
        }
    }
}

pub(super) fn check_quantum(quantum: u64, level: Option<u32>, errors: &mut Vec<ScenarioError>) {
    if quantum == 0 {
        errors.push(ScenarioError::QuantumZero { level });
    } else if quantum > MAX_TICK {
        errors.push(ScenarioError::QuantumTooLarge {
            level,
            max: MAX_TICK,
        });
    }
}

pub(super) fn check_level_count(count: usize, errors: &mut Vec<ScenarioError>) {
    if count == 0 {
        errors.push(ScenarioError::NoLevels);
    } else if count > MAX_LEVELS as usize {
        errors.push(ScenarioError::TooManyLevels {
            count: saturate(count),
            max: MAX_LEVELS,
        });
    }
}

pub(super) fn check_policy(policy: &PolicySpec, errors: &mut Vec<ScenarioError>) {
    match policy {
        PolicySpec::Fcfs | PolicySpec::Srtf | PolicySpec::Hrrn => {}
        PolicySpec::Sjf { prediction } => {
            if let Some(prediction) = prediction {
                if prediction.alpha_percent > 100 {
                    errors.push(ScenarioError::AlphaOutOfRange {
                        value: prediction.alpha_percent,
                    });
                }
                if prediction.tau0 == 0 || prediction.tau0 > MAX_TICK {
                    errors.push(ScenarioError::Tau0OutOfRange { max: MAX_TICK });
                }
            }
        }
        PolicySpec::Priority { aging_every, .. } => match aging_every {
            Some(0) => errors.push(ScenarioError::AgingZero),
            Some(period) if *period > MAX_TICK => {
                errors.push(ScenarioError::AgingTooLarge { max: MAX_TICK })
            }
            _ => {}
        },
        PolicySpec::Rr { quantum } | PolicySpec::Lottery { quantum } => {
            check_quantum(*quantum, None, errors)
        }
        PolicySpec::Mlq { queues } => {
            check_level_count(queues.len(), errors);
            for (index, queue) in queues.iter().enumerate() {
                if let QueueSpec::Rr { quantum } = queue {
                    check_quantum(*quantum, Some(index as u32), errors);
                }
            }
        }
        PolicySpec::Mlfq(mlfq) => {
            check_level_count(mlfq.levels.len(), errors);
            for (index, level) in mlfq.levels.iter().enumerate() {
                if let Some(quantum) = level.quantum {
                    check_quantum(quantum, Some(index as u32), errors);
                }
                if level.allotment == 0 {
                    errors.push(ScenarioError::AllotmentZero {
                        level: index as u32,
                    });
                }
            }
            if mlfq.boost_period == Some(0) {
                errors.push(ScenarioError::BoostPeriodZero);
            }
        }
    }
}

pub(super) fn check_machine(machine: &MachineSpec, errors: &mut Vec<ScenarioError>) {
    if machine.cpus == 0 {
        errors.push(ScenarioError::NoCpus);
    } else if machine.cpus > MAX_CPUS {
        errors.push(ScenarioError::TooManyCpus {
            count: machine.cpus,
            max: MAX_CPUS,
        });
    }
    for (cost, value, max) in [
        (Cost::DispatchLatency, machine.dispatch_latency, MAX_TICK),
        (
            Cost::ThreadSwitchLatency,
            machine.thread_switch_latency,
            MAX_TICK,
        ),
        (Cost::CacheRefill, machine.cache.refill_per_unit, MAX_TICK),
        (
            Cost::KernelEntry,
            machine.kernel_entry_cost,
            MAX_KERNEL_ENTRY_COST,
        ),
    ] {
        if value > max {
            errors.push(ScenarioError::CostTooLarge { cost, max });
        }
    }
    if machine.cache.capacity > MAX_CACHE_UNITS {
        errors.push(ScenarioError::CacheUnitsTooLarge {
            process: None,
            max: MAX_CACHE_UNITS,
        });
    }
    if machine.instruction_budget == 0 || machine.instruction_budget > MAX_INSTRUCTION_BUDGET {
        errors.push(ScenarioError::InstructionBudgetOutOfRange {
            max: MAX_INSTRUCTION_BUDGET,
        });
    }
}

/// What the event engine cannot combine with hard affinity, if anything.
fn affinity_limit(spec: &ScenarioSpec) -> Option<AffinityLimit> {
    let io_bump = matches!(&spec.policy, PolicySpec::Mlfq(mlfq) if mlfq.io_bump);
    if spec.machine.topology == QueueTopology::Affinity {
        Some(AffinityLimit::SoftAffinity)
    } else if io_bump {
        Some(AffinityLimit::IoBump)
    } else {
        None
    }
}

/// The `warmup` cache model (OSTEP `multi.py`'s machine), hard affinity and peeking: the model's
/// own settings, what it cannot run, and what hard affinity cannot be combined with.
pub(super) fn check_warmup(spec: &ScenarioSpec, errors: &mut Vec<ScenarioError>) {
    let machine = &spec.machine;
    let cache = &machine.cache;
    if cache.model == CacheModel::Warmup {
        if cache.warm_rate == 0 || cache.warm_rate > MAX_WARM_RATE {
            errors.push(ScenarioError::WarmRateOutOfRange {
                value: cache.warm_rate,
                max: MAX_WARM_RATE,
            });
        }
        if cache.warmup_time > MAX_TICK {
            errors.push(ScenarioError::WarmupTimeTooLarge { max: MAX_TICK });
        }
    }
    let warmup = cache.warmup();
    for (index, process) in spec.processes.iter().enumerate() {
        let pid = index as u32;
        if process.cpus.len() > MAX_CPUS as usize {
            errors.push(ScenarioError::AffinityTooLong {
                process: pid,
                count: saturate(process.cpus.len()),
                max: MAX_CPUS,
            });
        } else if let Some(cpu) = process.cpus.iter().find(|cpu| **cpu >= machine.cpus) {
            errors.push(ScenarioError::AffinityCpuOutOfRange {
                process: pid,
                cpu: *cpu,
                cpus: machine.cpus,
            });
        }
        if let Some(what) = affinity_limit(spec).filter(|_| !process.cpus.is_empty() && !warmup) {
            errors.push(ScenarioError::AffinityUnsupported { process: pid, what });
        }
    }
    if machine.peek_interval.is_some() && machine.topology != QueueTopology::PerCpu {
        errors.push(ScenarioError::PeekNeedsPerCpuQueues);
    }
    if !warmup {
        return;
    }
    let mut unsupported = |process: Option<u32>, what: WarmupLimit| {
        errors.push(ScenarioError::WarmupUnsupported { process, what });
    };
    if !matches!(spec.policy, PolicySpec::Rr { .. }) {
        unsupported(None, WarmupLimit::Policy);
    }
    if machine.dispatch_latency > 0 || machine.thread_switch_latency > 0 {
        unsupported(None, WarmupLimit::SwitchCost);
    }
    if machine.topology == QueueTopology::Affinity {
        unsupported(None, WarmupLimit::Topology);
    }
    if machine.thread_model == ThreadModel::User {
        unsupported(None, WarmupLimit::UserThreads);
    }
    if spec.schedule.is_some() {
        unsupported(None, WarmupLimit::Schedule);
    }
    let mut total_run_time: u64 = 0;
    for (index, process) in spec.processes.iter().enumerate() {
        let pid = Some(index as u32);
        if process.arrival != 0 {
            unsupported(pid, WarmupLimit::Arrival);
        }
        match process.bursts.as_slice() {
            [BurstSpec::Cpu(length)]
                if process.threads.is_empty() && process.program.is_empty() =>
            {
                total_run_time = total_run_time.saturating_add(*length);
            }
            _ => unsupported(pid, WarmupLimit::Bursts),
        }
    }
    let work = total_run_time.saturating_mul(u64::from(machine.cpus));
    if work > MAX_WARMUP_WORK {
        errors.push(ScenarioError::WarmupTooLong {
            work,
            max: MAX_WARMUP_WORK,
        });
    }
}

/// Bounds the work of the run: time slices (events) and periodic boosts. Returns the slice estimate.
pub(super) fn check_size(
    spec: &ScenarioSpec,
    threads: &[Thread],
    processes: &[Process],
    errors: &mut Vec<ScenarioError>,
) -> u64 {
    let quantum = spec.policy.smallest_quantum().unwrap_or(u64::MAX).max(1);
    let mut slices: u64 = 0;
    let mut work: u64 = 0;
    // The thread needing the most slices, and how many.
    let mut heaviest: Option<(&Thread, u64)> = None;
    for thread in threads {
        let mut own: u64 = 0;
        for (index, length) in thread.bursts.iter().enumerate() {
            work = work.saturating_add(*length);
            if index % 2 == 0 {
                own = own.saturating_add(length.div_ceil(quantum));
            } else {
                own = own.saturating_add(1);
            }
        }
        slices = slices.saturating_add(own);
        if heaviest.is_none_or(|(_, most)| own > most) {
            heaviest = Some((thread, own));
        }
    }
    // Preemptive priority with aging, SRTF and MLQ preempt at most once per arrival or I/O completion,
    // which the burst count above already covers.
    if slices > MAX_SLICES {
        let (process, thread) = heaviest.map_or((0, None), |(thread, _)| {
            let pid = thread.pid();
            let own_threads = spec
                .processes
                .get(pid as usize)
                .is_some_and(|process| !process.threads.is_empty());
            (pid, own_threads.then_some(thread.tid()))
        });
        errors.push(ScenarioError::TooManySlices {
            estimate: slices,
            max: MAX_SLICES,
            process,
            thread,
        });
    }
    if let PolicySpec::Mlfq(mlfq) = &spec.policy {
        if let Some(period) = mlfq.boost_period {
            let last_arrival = processes.iter().map(Process::arrival).max().unwrap_or(0);
            let switching = (spec
                .machine
                .dispatch_latency
                .max(spec.machine.thread_switch_latency))
            .saturating_add(
                spec.machine
                    .cache
                    .refill_per_unit
                    .saturating_mul(spec.machine.cache.capacity as u64),
            )
            .saturating_mul(slices);
            let horizon = last_arrival.saturating_add(work).saturating_add(switching);
            let boosts = horizon / period.max(1);
            // A boost costs the threads it moves (those that ran since the last one) plus a
            // step per CPU, so the bound is the same for every workload size.
            if boosts > MAX_BOOSTS {
                errors.push(ScenarioError::BoostTooFrequent {
                    max_boosts: MAX_BOOSTS,
                });
            }
        }
    }
    slices
}

/// The process's program, assembled, if it has one; its problems by line, a program given
/// with bursts, and code or stacks outside the address space.
pub(super) fn check_program(
    pid: u32,
    process: &ProcessSpec,
    errors: &mut Vec<ScenarioError>,
) -> Option<Program> {
    if process.program.is_empty() {
        return None;
    }
    if !process.bursts.is_empty() {
        errors.push(ScenarioError::ProgramAndBursts {
            process: pid,
            thread: None,
        });
    }
    match Program::parse(&process.program) {
        Ok(program) => {
            let threads = process.threads.len().max(1) as u32;
            let code_end = i64::from(program.end_address());
            let lowest_stack = stack_bottom(DEFAULT_MEMORY_KB, threads - 1);
            if program.end_address() > DEFAULT_MEMORY_KB * 1024 || lowest_stack <= code_end {
                errors.push(ScenarioError::ProgramTooLarge { process: pid });
                return None;
            }
            Some(program)
        }
        Err(problems) => {
            errors.extend(
                problems
                    .into_iter()
                    .map(|error| ScenarioError::ProgramLine {
                        process: pid,
                        error,
                    }),
            );
            None
        }
    }
}

/// The program written from a process's bursts with operations. Its bursts were checked on their
/// own, so the only way it can fail is by size (more instructions than a program may have).
pub(super) fn check_written_program(
    pid: u32,
    process: &ProcessSpec,
    text: &str,
    errors: &mut Vec<ScenarioError>,
) -> Option<Program> {
    let threads = process.threads.len().max(1) as u32;
    let fits = |program: &Program| {
        let lowest_stack = stack_bottom(DEFAULT_MEMORY_KB, threads - 1);
        program.end_address() <= DEFAULT_MEMORY_KB * 1024
            && lowest_stack > i64::from(program.end_address())
    };
    match Program::parse(text) {
        Ok(program) if fits(&program) => Some(program),
        Ok(_) => {
            errors.push(ScenarioError::ProgramTooLarge { process: pid });
            None
        }
        // Too many instructions; any other problem (a name used as a mutex and a semaphore) is
        // one the checks of the operations report in the student's words.
        Err(problems) => {
            if problems
                .iter()
                .any(|problem| problem.kind == ParseErrorKind::TooManyInstructions)
            {
                errors.push(ScenarioError::ProgramTooLarge { process: pid });
            }
            None
        }
    }
}

/// A thread's initial registers (`bx=3:cx=1`), which only a program thread may have, and no
/// bursts beside its process's program.
pub(super) fn check_thread_program(
    pid: u32,
    tid: u32,
    thread: &ThreadSpec,
    runs_bursts: bool,
    errors: &mut Vec<ScenarioError>,
) -> Vec<(Register, i64)> {
    if runs_bursts {
        if !thread.registers.trim().is_empty() {
            errors.push(ScenarioError::RegistersWithoutProgram {
                process: pid,
                thread: tid,
            });
        }
        return Vec::new();
    }
    if !thread.bursts.is_empty() {
        errors.push(ScenarioError::ProgramAndBursts {
            process: pid,
            thread: Some(tid),
        });
    }
    // One thread's entry: `,` would start another thread's, so it is a bad assignment (not
    // read as `:`, which would silently accept `bx=1,bx=2`).
    if thread.registers.contains(',') {
        errors.push(ScenarioError::RegistersInvalid {
            process: pid,
            thread: tid,
            error: ArgvError::NotAssignment { entry: 0 },
        });
        return Vec::new();
    }
    match parse_argv(&thread.registers, 1) {
        Ok(mut parsed) => parsed.pop().unwrap_or_default(),
        Err(error) => {
            errors.push(ScenarioError::RegistersInvalid {
                process: pid,
                thread: tid,
                error,
            });
            Vec::new()
        }
    }
}

/// Every entry names a thread; the schedule is not longer than [`MAX_SCHEDULE`].
pub(super) fn check_schedule(
    schedule: &ScheduleSpec,
    threads: usize,
    errors: &mut Vec<ScenarioError>,
) {
    if schedule.threads.len() > MAX_SCHEDULE as usize {
        errors.push(ScenarioError::ScheduleTooLong {
            count: saturate(schedule.threads.len()),
            max: MAX_SCHEDULE,
        });
        return;
    }
    if let Some(position) = schedule
        .threads
        .iter()
        .position(|&thread| thread as usize >= threads)
    {
        errors.push(ScenarioError::ScheduleUnknownThread {
            position: position as u32,
            thread: schedule.threads[position],
            threads: threads as u32,
        });
    }
}

/// Every process its own name, and every thread its own name within its process: the tables,
/// the Gantt chart and the practice answers name them (the defaults `P1`, `T1`... count too).
pub(super) fn check_names(
    processes: &[Process],
    threads: &[Thread],
    errors: &mut Vec<ScenarioError>,
) {
    let mut seen: BTreeMap<&str, u32> = BTreeMap::new();
    for (pid, process) in processes.iter().enumerate() {
        let pid = pid as u32;
        if let Some(&first) = seen.get(process.name()) {
            errors.push(ScenarioError::DuplicateName {
                process: pid,
                thread: None,
                first,
            });
        } else {
            seen.insert(process.name(), pid);
        }
    }
    for process in processes {
        let own = &threads[process.first_thread as usize..][..process.thread_count as usize];
        for (tid, thread) in own.iter().enumerate().skip(1) {
            if let Some(first) = own[..tid]
                .iter()
                .position(|earlier| earlier.name == thread.name)
            {
                errors.push(ScenarioError::DuplicateName {
                    process: thread.pid,
                    thread: Some(tid as u32),
                    first: first as u32,
                });
            }
        }
    }
}

/// Processes that declare a message queue or a pipe of the same name share it: they must agree
/// on its kind and capacity. Some program must read each pipe and some program write to it.
pub(super) fn check_queues(processes: &[Process], errors: &mut Vec<ScenarioError>) {
    // Per name: its capacity, whether it is a pipe, the first process and line declaring it, and
    // (pipes) whether some program reads it and some writes to it.
    struct First<'a> {
        name: &'a str,
        capacity: u32,
        pipe: bool,
        process: u32,
        line: u32,
        read: bool,
        written: bool,
    }
    let mut first: Vec<First> = Vec::new();
    for (pid, process) in processes.iter().enumerate() {
        let Some(program) = process.program() else {
            continue;
        };
        let queues = program
            .queues()
            .iter()
            .map(|queue| (queue, false, false, false));
        let pipes = program.pipes().iter().enumerate().map(|(local, pipe)| {
            let local = local as u32;
            (
                pipe,
                true,
                program.reads_pipe(local),
                program.writes_pipe(local),
            )
        });
        for (declared, pipe, read, written) in queues.chain(pipes) {
            let process = pid as u32;
            let line = declared.line;
            let Some(seen) = first.iter_mut().find(|seen| seen.name == declared.name) else {
                first.push(First {
                    name: &declared.name,
                    capacity: declared.capacity,
                    pipe,
                    process,
                    line,
                    read,
                    written,
                });
                continue;
            };
            let first_process = seen.process;
            if seen.pipe != pipe {
                errors.push(ScenarioError::ChannelKindMismatch {
                    process,
                    line,
                    first_process,
                });
            } else if seen.capacity != declared.capacity && pipe {
                errors.push(ScenarioError::PipeCapacityMismatch {
                    process,
                    line,
                    first_process,
                });
            } else if seen.capacity != declared.capacity {
                errors.push(ScenarioError::QueueCapacityMismatch {
                    process,
                    line,
                    first_process,
                });
            }
            seen.read |= read;
            seen.written |= written;
        }
    }
    // A program that could not be read may be the missing reader or writer: its own problem is
    // reported, and a pipe's missing end would only mislead (a typo in the writer had the
    // reader told that nobody writes to its pipe).
    let unread = errors.iter().any(|error| {
        matches!(
            error,
            ScenarioError::ProgramLine { .. } | ScenarioError::ProgramTooLarge { .. }
        )
    });
    for seen in first.iter().filter(|seen| seen.pipe && !unread) {
        let (process, line) = (seen.process, seen.line);
        if !seen.read {
            errors.push(ScenarioError::PipeWithoutReader { process, line });
        }
        if !seen.written {
            errors.push(ScenarioError::PipeWithoutWriter { process, line });
        }
    }
}

/// Processes that map the shared segment must agree on each name they declare in it: a variable
/// of the same size, a semaphore with the same initial value.
pub(super) fn check_shared(processes: &[Process], errors: &mut Vec<ScenarioError>) {
    // Each name's first declaration: what it is, the process and line, whether written from bursts.
    let mut first: Vec<(&str, SharedKind, u32, u32, bool)> = Vec::new();
    for (pid, process) in processes.iter().enumerate() {
        let Some(program) = process.program() else {
            continue;
        };
        let written = process.written_program().is_some();
        for (name, kind, line) in program.shared_declarations() {
            match first.iter().find(|seen| seen.0 == name) {
                // Bursts against bursts: `OperationKindClash` already names the operation.
                Some(&(_, _, _, _, true)) if written => {}
                // A program against bursts: the program's line is the one to show.
                Some(&(_, first_kind, first_process, first_line, false))
                    if first_kind != kind && written =>
                {
                    errors.push(ScenarioError::SharedDeclarationMismatch {
                        process: first_process,
                        line: first_line,
                        first_process: pid as u32,
                    });
                }
                Some(&(_, first_kind, first_process, _, _)) if first_kind != kind => {
                    errors.push(ScenarioError::SharedDeclarationMismatch {
                        process: pid as u32,
                        line,
                        first_process,
                    });
                }
                Some(_) => {}
                None => first.push((name, kind, pid as u32, line, written)),
            }
        }
    }
}
