//! What a run of programs records beyond its trace (every executed instruction, the spans of
//! kernel time, how the run ended and its deadlock report) as plain 32-bit words, so the page's
//! worker can send it with the trace and the page never simulates a run of programs again.
//!
//! Layout (a 64-bit number is two words, low first; an `i64` as its two's complement):
//! - the number of steps, then each step:
//!   - its tick (2 words), its thread, its instruction's address;
//!   - a packed word: the CPU (bits 0-7), the number of memory accesses (8-9), whether the first
//!     and the second is a write (10, 11), the outcome's tag (16-23) and its sub-tag (24-31);
//!   - each access: its address and its value (3 words);
//!   - the outcome's fields: none (continued, yielded, halted), a number of ticks (2 words: I/O,
//!     compute), a channel operation (its channel, register, value: 4 words), a wait (its
//!     object's index: 1 word), a fault (3 words);
//! - the number of kernel spans, then each: CPU, thread, start (2 words), end (2 words);
//! - the end: its tag and two numbers (2 words each);
//! - the deadlock report: 0 for none, else 1, the number of waits, each wait (thread, object
//!   kind, object index, holder + 1 or 0 for none), the number of threads in the cycle and
//!   those threads.
//!
//! Reading checks every index against the scenario (threads that run programs, CPUs, the
//! addresses of their program and memory, every mutex, semaphore, condition, queue and pipe
//! named) and that ticks never go back, and names each waited object from its declaration, as
//! the engine does.

use alloc::vec::Vec;

use crate::engine::Programs;
use crate::program::{
    AccessKind, Accesses, Deadlock, ExecutedStep, Fault, KernelSpan, MemoryAccess, MessageOp,
    Register, RunEnd, StepOutcome, Wait, WaitEdge,
};
use crate::scenario::Scenario;
use crate::trace::{SyncKind, SyncObject, WireError};

/// What [`write`] writes and [`read`] reads back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ProgramRecord {
    pub(crate) steps: Vec<ExecutedStep>,
    pub(crate) kernel: Vec<KernelSpan>,
    pub(crate) end: Option<RunEnd>,
    pub(crate) deadlock: Option<Deadlock>,
}

fn push_u64(words: &mut Vec<u32>, value: u64) {
    words.push(value as u32);
    words.push((value >> 32) as u32);
}

fn push_i64(words: &mut Vec<u32>, value: i64) {
    push_u64(words, value as u64);
}

fn register_code(register: Register) -> u32 {
    Register::ALL
        .iter()
        .position(|&each| each == register)
        .unwrap_or(0) as u32
}

/// A channel operation's sub-tag and its channel and register.
fn message_words(operation: MessageOp) -> (u32, u32, u32) {
    match operation {
        MessageOp::Send { queue, register } => (0, queue, register_code(register)),
        MessageOp::Recv { queue, register } => (1, queue, register_code(register)),
        MessageOp::Write { pipe, register } => (2, pipe, register_code(register)),
        MessageOp::Read { pipe, register } => (3, pipe, register_code(register)),
        MessageOp::Close { pipe } => (4, pipe, 0),
        MessageOp::SharedWait { sem } => (5, sem, 0),
        MessageOp::SharedSignal { sem } => (6, sem, 0),
        MessageOp::SharedLock { mutex } => (7, mutex, 0),
        MessageOp::SharedUnlock { mutex } => (8, mutex, 0),
    }
}

/// A fault's sub-tag and its fields (a small number and a large one).
fn fault_words(fault: Fault) -> (u32, u32, i64) {
    match fault {
        Fault::PcOutsideProgram => (0, 0, 0),
        Fault::ReturnOutsideProgram { target } => (1, 0, target),
        Fault::AddressOutOfRange { address } => (2, 0, address),
        Fault::CodeAddress { address } => (3, address, 0),
        Fault::Overflow => (4, 0, 0),
        Fault::UnlockNotHeld { mutex } => (5, mutex, 0),
        Fault::WaitWithoutMutex { condition, mutex } => (6, condition, i64::from(mutex)),
        Fault::WriteAfterClose { pipe } => (7, pipe, 0),
        Fault::NotAByte { pipe, value } => (8, pipe, value),
    }
}

fn fault(sub: u32, small: u32, large: i64) -> Option<Fault> {
    Some(match sub {
        0 => Fault::PcOutsideProgram,
        1 => Fault::ReturnOutsideProgram { target: large },
        2 => Fault::AddressOutOfRange { address: large },
        3 => Fault::CodeAddress { address: small },
        4 => Fault::Overflow,
        5 => Fault::UnlockNotHeld { mutex: small },
        6 => Fault::WaitWithoutMutex {
            condition: small,
            mutex: u32::try_from(large).ok()?,
        },
        7 => Fault::WriteAfterClose { pipe: small },
        8 => Fault::NotAByte {
            pipe: small,
            value: large,
        },
        _ => return None,
    })
}

/// The words of a run's program record (layout in the module's documentation).
pub(crate) fn write(
    steps: &[ExecutedStep],
    kernel: &[KernelSpan],
    end: RunEnd,
    deadlock: Option<&Deadlock>,
) -> Vec<u32> {
    let mut words = Vec::with_capacity(1 + 8 * steps.len() + 6 * kernel.len() + 8);
    words.push(steps.len() as u32);
    for step in steps {
        push_u64(&mut words, step.tick);
        words.push(step.thread);
        words.push(step.pc);
        let accesses = step.accesses.as_slice();
        let mut packed = (step.cpu & 0xFF) | ((accesses.len() as u32) << 8);
        for (index, access) in accesses.iter().enumerate() {
            if access.kind == AccessKind::Write {
                packed |= 1 << (10 + index);
            }
        }
        let (tag, sub) = match step.outcome {
            StepOutcome::Continued => (0, 0),
            StepOutcome::Yielded => (1, 0),
            StepOutcome::Halted => (2, 0),
            StepOutcome::Io(_) => (3, 0),
            StepOutcome::Compute(_) => (4, 0),
            StepOutcome::Message { operation, .. } => (5, message_words(operation).0),
            StepOutcome::Blocked(wait) => (6, wait.object().kind.code()),
            StepOutcome::Fault(fault) => (7, fault_words(fault).0),
        };
        words.push(packed | (tag << 16) | (sub << 24));
        for access in accesses {
            words.push(access.address);
            push_i64(&mut words, access.value);
        }
        match step.outcome {
            StepOutcome::Continued | StepOutcome::Yielded | StepOutcome::Halted => {}
            StepOutcome::Io(ticks) | StepOutcome::Compute(ticks) => push_u64(&mut words, ticks),
            StepOutcome::Message { operation, value } => {
                let (_, channel, register) = message_words(operation);
                words.push(channel);
                words.push(register);
                push_i64(&mut words, value);
            }
            StepOutcome::Blocked(wait) => words.push(wait.object().index),
            StepOutcome::Fault(fault) => {
                let (_, small, large) = fault_words(fault);
                words.push(small);
                push_i64(&mut words, large);
            }
        }
    }
    words.push(kernel.len() as u32);
    for span in kernel {
        words.push(span.cpu);
        words.push(span.thread);
        push_u64(&mut words, span.start);
        push_u64(&mut words, span.end);
    }
    let (tag, first, second) = match end {
        RunEnd::Finished => (0, 0, 0),
        RunEnd::BudgetExhausted { instructions, tick } => (1, instructions, tick),
        RunEnd::Deadlock { tick } => (2, tick, 0),
        RunEnd::ScheduleUsedUp { tick } => (3, tick, 0),
    };
    words.push(tag);
    push_u64(&mut words, first);
    push_u64(&mut words, second);
    match deadlock {
        None => words.push(0),
        Some(deadlock) => {
            words.push(1);
            words.push(deadlock.waits.len() as u32);
            for edge in &deadlock.waits {
                words.push(edge.thread);
                words.push(edge.object.kind.code());
                words.push(edge.object.index);
                words.push(edge.holder.map_or(0, |holder| holder + 1));
            }
            words.push(deadlock.cycle.len() as u32);
            words.extend_from_slice(&deadlock.cycle);
        }
    }
    words
}

/// Reads the words one at a time; every read past the end is [`WireError::Length`].
struct Reader<'a> {
    words: &'a [u32],
    at: usize,
}

impl Reader<'_> {
    fn word(&mut self) -> Result<u32, WireError> {
        let word = *self.words.get(self.at).ok_or(WireError::Length)?;
        self.at += 1;
        Ok(word)
    }

    fn u64(&mut self) -> Result<u64, WireError> {
        let low = self.word()?;
        let high = self.word()?;
        Ok(u64::from(low) | (u64::from(high) << 32))
    }

    fn i64(&mut self) -> Result<i64, WireError> {
        Ok(self.u64()? as i64)
    }

    /// A count of items of at least `size` words each, refused if the words left cannot hold
    /// them (so a damaged count never reserves memory).
    fn count(&mut self, size: usize) -> Result<usize, WireError> {
        let count = self.word()? as usize;
        let left = self.words.len() - self.at;
        match count.checked_mul(size) {
            Some(needed) if needed <= left => Ok(count),
            _ => Err(WireError::Length),
        }
    }
}

/// The scenario and its programs' tables, to check the indices a record names.
struct Tables<'a> {
    scenario: &'a Scenario,
    programs: Programs,
}

impl Tables<'_> {
    /// Whether `wait`, by a thread of process `pid`, names an object that exists.
    fn wait_exists(&self, pid: usize, wait: Wait) -> bool {
        let Some(program) = self.scenario.processes()[pid].program() else {
            return false;
        };
        let (index, count) = match wait {
            Wait::Mutex(index) => (index, program.mutexes().len()),
            Wait::Semaphore(index) => (index, program.semaphores().len()),
            Wait::Condition(index) => (index, program.conditions().len()),
            Wait::Queue(index) | Wait::Pipe(index) => (index, self.programs.queues.len()),
            Wait::SharedSemaphore(index) => (index, self.programs.shared_semaphores.len()),
            Wait::SharedMutex(index) => (index, self.programs.shared_mutexes.len()),
        };
        (index as usize) < count
    }

    /// Process `pid`'s channel operation `sub` on `channel`, an index among its own declarations
    /// of that kind.
    fn message(&self, pid: usize, sub: u32, channel: u32, register: u32) -> Option<MessageOp> {
        let program = self.scenario.processes()[pid].program()?;
        let register = *Register::ALL.get(register as usize)?;
        let index = channel as usize;
        let queue = index < program.queues().len();
        let pipe = index < program.pipes().len();
        let sem = index < program.shared_semaphores().len();
        let mutex = index < program.shared_mutexes().count();
        Some(match sub {
            0 if queue => MessageOp::Send {
                queue: channel,
                register,
            },
            1 if queue => MessageOp::Recv {
                queue: channel,
                register,
            },
            2 if pipe => MessageOp::Write {
                pipe: channel,
                register,
            },
            3 if pipe => MessageOp::Read {
                pipe: channel,
                register,
            },
            4 if pipe => MessageOp::Close { pipe: channel },
            5 if sem => MessageOp::SharedWait { sem: channel },
            6 if sem => MessageOp::SharedSignal { sem: channel },
            7 if mutex => MessageOp::SharedLock { mutex: channel },
            8 if mutex => MessageOp::SharedUnlock { mutex: channel },
            _ => return None,
        })
    }
}

/// Reads words written by [`write`] for a run of `scenario`.
pub(crate) fn read(words: &[u32], scenario: &Scenario) -> Result<ProgramRecord, WireError> {
    let Some(programs) = Programs::new(scenario, false) else {
        return Err(WireError::Record);
    };
    let tables = Tables { scenario, programs };
    let threads = scenario.threads();
    let cpus = scenario.machine().cpus;
    let memory = tables.programs.memory_size();
    let mut reader = Reader { words, at: 0 };
    let count = reader.count(5)?;
    let mut steps = Vec::with_capacity(count);
    let mut last_tick = 0;
    for index in 0..count {
        let bad = WireError::Step { index };
        let tick = reader.u64()?;
        if tick < last_tick {
            return Err(WireError::Order { index });
        }
        last_tick = tick;
        let thread = reader.word()?;
        let pc = reader.word()?;
        let packed = reader.word()?;
        let pid = threads.get(thread as usize).ok_or(bad)?.pid() as usize;
        let program = scenario.processes()[pid].program().ok_or(bad)?;
        let cpu = packed & 0xFF;
        let access_count = (packed >> 8) & 0b11;
        let (tag, sub) = ((packed >> 16) & 0xFF, packed >> 24);
        // Bits 12-15 are unused, and a write flag needs its access.
        let flags = (packed >> 10) & 0b11;
        if cpu >= cpus || access_count > 2 || packed & 0xF000 != 0 || flags >> access_count != 0 {
            return Err(bad);
        }
        let mut accesses = Accesses::new();
        for position in 0..access_count {
            let address = reader.word()?;
            let value = reader.i64()?;
            if address >= memory {
                return Err(bad);
            }
            let kind = if flags & (1 << position) != 0 {
                AccessKind::Write
            } else {
                AccessKind::Read
            };
            accesses.push(MemoryAccess {
                kind,
                address,
                value,
            });
        }
        if !matches!(tag, 5..=7) && sub != 0 {
            return Err(bad);
        }
        let outcome = match tag {
            0 => StepOutcome::Continued,
            1 => StepOutcome::Yielded,
            2 => StepOutcome::Halted,
            3 => StepOutcome::Io(reader.u64()?),
            4 => StepOutcome::Compute(reader.u64()?),
            5 => {
                let channel = reader.word()?;
                let register = reader.word()?;
                let value = reader.i64()?;
                let operation = tables.message(pid, sub, channel, register).ok_or(bad)?;
                StepOutcome::Message { operation, value }
            }
            6 => {
                let kind = *SyncKind::ALL.get(sub as usize).ok_or(bad)?;
                let index = reader.word()?;
                let wait = Wait::of_object(SyncObject { kind, index });
                if !tables.wait_exists(pid, wait) {
                    return Err(bad);
                }
                StepOutcome::Blocked(wait)
            }
            7 => {
                let small = reader.word()?;
                let large = reader.i64()?;
                StepOutcome::Fault(fault(sub, small, large).ok_or(bad)?)
            }
            _ => return Err(bad),
        };
        // Only a thread that ran off its program has an address that is not an instruction's.
        let outside = outcome == StepOutcome::Fault(Fault::PcOutsideProgram);
        if !outside && program.instruction_at(pc).is_none() {
            return Err(bad);
        }
        steps.push(ExecutedStep {
            tick,
            thread,
            cpu,
            pc,
            accesses,
            outcome,
        });
    }
    let count = reader.count(6)?;
    let mut kernel = Vec::with_capacity(count);
    for _ in 0..count {
        let span = KernelSpan {
            cpu: reader.word()?,
            thread: reader.word()?,
            start: reader.u64()?,
            end: reader.u64()?,
        };
        if span.cpu >= cpus || span.thread as usize >= threads.len() || span.start >= span.end {
            return Err(WireError::Record);
        }
        kernel.push(span);
    }
    let tag = reader.word()?;
    let (first, second) = (reader.u64()?, reader.u64()?);
    let end = match tag {
        0 => RunEnd::Finished,
        1 => RunEnd::BudgetExhausted {
            instructions: first,
            tick: second,
        },
        2 => RunEnd::Deadlock { tick: first },
        3 => RunEnd::ScheduleUsedUp { tick: first },
        _ => return Err(WireError::Record),
    };
    let deadlock = match reader.word()? {
        0 => None,
        1 => Some(read_deadlock(&mut reader, &tables)?),
        _ => return Err(WireError::Record),
    };
    if reader.at != words.len() {
        return Err(WireError::Length);
    }
    Ok(ProgramRecord {
        steps,
        kernel,
        end: Some(end),
        deadlock,
    })
}

fn read_deadlock(reader: &mut Reader<'_>, tables: &Tables<'_>) -> Result<Deadlock, WireError> {
    let threads = tables.scenario.threads();
    let thread_index = |raw: u32| {
        if (raw as usize) < threads.len() {
            Ok(raw)
        } else {
            Err(WireError::Record)
        }
    };
    let count = reader.count(4)?;
    let mut waits = Vec::with_capacity(count);
    for _ in 0..count {
        let thread = thread_index(reader.word()?)?;
        let kind = *SyncKind::ALL
            .get(reader.word()? as usize)
            .ok_or(WireError::Record)?;
        let object = SyncObject {
            kind,
            index: reader.word()?,
        };
        let holder = match reader.word()? {
            0 => None,
            raw => Some(thread_index(raw - 1)?),
        };
        let pid = threads[thread as usize].pid();
        let wait = Wait::of_object(object);
        if !tables.wait_exists(pid as usize, wait) {
            return Err(WireError::Record);
        }
        waits.push(WaitEdge {
            thread,
            object,
            name: tables.programs.wait_name(pid, wait).into(),
            holder,
        });
    }
    let count = reader.count(1)?;
    let cycle = (0..count)
        .map(|_| thread_index(reader.word()?))
        .collect::<Result<Vec<u32>, WireError>>()?;
    Ok(Deadlock { waits, cycle })
}
