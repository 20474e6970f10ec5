//! OSTEP `x86.py` as a driver of the [`Machine`]: several threads run one program on one CPU,
//! switched by a timer or by an explicit schedule, exactly as `x86.py` switches them.
//!
//! The conventions (each pinned by a test in `tests/x86_semantics.rs`, listed in
//! `docs/semantics.md`):
//! - every thread starts at the first instruction with its own registers (`-a bx=3:cx=1,bx=4`),
//!   `%sp` at its stack bottom: `memory_kb * 1000` for thread 0, 1000 lower for each next one;
//! - the memory has `memory_kb * 1024` addresses (`-m`, 128 by default);
//! - [`Timing::Interrupt`] (`-i N`): the running thread keeps the CPU until N instructions have run
//!   since the countdown was last reset, or it yields; the next unfinished thread in cyclic order
//!   follows and the countdown is reset;
//! - `halt` passes the CPU at once to the next unfinished thread but does *not* reset the
//!   countdown: if it reaches zero on the `halt` itself, that next thread is skipped too;
//! - [`Timing::Schedule`] (`-P 0011`): the threads run in the cyclic order of the schedule, one
//!   instruction per entry, skipping entries of finished threads (the countdown is 1, so a `halt`
//!   consumes two entries, by the rule above);
//! - the run ends when every thread has halted, after `budget` instructions, or at a fault.
//!
//! `x86.py -r` (random interrupt points, from Python's generator) is not modelled.

use alloc::vec::Vec;

use super::isa::{Program, Register, Registers};
use super::machine::{Accesses, Fault, Machine, MachineError, Memory, StepOutcome};

/// Default address space size in KB (`x86.py -m`).
pub const DEFAULT_MEMORY_KB: u32 = 128;
/// Largest address space in KB.
pub const MAX_MEMORY_KB: u32 = 4096;
/// Distance between the stack bottoms of consecutive threads.
pub const STACK_SPACING: u32 = 1000;
/// Most threads in one run.
pub const MAX_THREADS: u32 = 64;
/// Default timer period (`x86.py -i`).
pub const DEFAULT_INTERRUPT_EVERY: u32 = 50;
/// Largest instruction budget of one run.
pub const MAX_BUDGET: u64 = 1_000_000;

/// How the CPU passes between threads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Timing {
    /// A timer interrupt after every `every` instructions (`-i`).
    Interrupt {
        /// The period, at least 1.
        every: u32,
    },
    /// Exactly this cyclic order of thread ids, one instruction per entry (`-P`).
    Schedule(Vec<u32>),
}

/// One run's set-up. The number of threads is the length of `registers`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct X86Config {
    /// Per thread, the registers to set before it starts (the others start at 0).
    pub registers: Vec<Vec<(Register, i64)>>,
    /// Timer or schedule.
    pub timing: Timing,
    /// Address space size in KB.
    pub memory_kb: u32,
    /// Most instructions to execute before giving up.
    pub budget: u64,
}

impl X86Config {
    /// `threads` threads with no registers set, the default timer, memory and a budget of 10,000.
    pub fn new(threads: u32) -> X86Config {
        X86Config {
            registers: (0..threads).map(|_| Vec::new()).collect(),
            timing: Timing::Interrupt {
                every: DEFAULT_INTERRUPT_EVERY,
            },
            memory_kb: DEFAULT_MEMORY_KB,
            budget: 10_000,
        }
    }
}

/// A set-up that cannot run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum X86ConfigError {
    /// No thread.
    NoThreads,
    /// More than [`MAX_THREADS`] threads.
    TooManyThreads {
        /// How many were given.
        count: u32,
    },
    /// A timer period of 0.
    InterruptZero,
    /// An empty schedule.
    ScheduleEmpty,
    /// A schedule entry names a thread that does not exist.
    ScheduleThreadOutOfRange {
        /// 0-based position in the schedule.
        position: u32,
    },
    /// A thread never appears in the schedule (it could never finish).
    ScheduleMissesThread {
        /// The thread.
        thread: u32,
    },
    /// A thread's initial registers set `%sp`, which is its stack bottom.
    StackPointerSet {
        /// The thread.
        thread: u32,
    },
    /// The memory size is 0 or above [`MAX_MEMORY_KB`].
    MemoryOutOfRange,
    /// The code does not fit in the address space (`load address + instructions > memory_kb * 1024`).
    CodeOutsideMemory,
    /// A thread's stack bottom is 0 or below (too many threads for the memory size).
    StackOutsideMemory {
        /// The thread.
        thread: u32,
    },
    /// A thread's first push would land on an instruction: its stack bottom is in
    /// `load address + 1 ..= end of the code`.
    StackOnCode {
        /// The thread.
        thread: u32,
    },
    /// The budget is above [`MAX_BUDGET`].
    BudgetTooLarge,
}

/// A problem in an `x86.py -a` text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArgvError {
    /// Neither one entry (for every thread) nor one per thread.
    CountMismatch {
        /// Entries given.
        given: u32,
        /// Threads.
        threads: u32,
    },
    /// A part of an entry is not `register=value`.
    NotAssignment {
        /// 0-based entry (thread).
        entry: u32,
    },
    /// A name that is not a register (or is `sp`, which is the stack bottom).
    UnknownRegister {
        /// 0-based entry (thread).
        entry: u32,
    },
    /// A value that is not a whole number in the 64-bit range.
    BadValue {
        /// 0-based entry (thread).
        entry: u32,
    },
}

/// Reads `x86.py -a`: entries separated by `,` (one per thread, or one for all), each a
/// `:`-separated list of `register=value`; an empty entry sets nothing.
pub fn parse_argv(text: &str, threads: u32) -> Result<Vec<Vec<(Register, i64)>>, ArgvError> {
    let entries: Vec<&str> = text.split(',').collect();
    let given = entries.len() as u32;
    if given != 1 && given != threads {
        return Err(ArgvError::CountMismatch { given, threads });
    }
    let mut parsed = Vec::new();
    for (entry, item) in entries.iter().enumerate() {
        let entry = entry as u32;
        let mut registers = Vec::new();
        if !item.trim().is_empty() {
            for assignment in item.split(':') {
                let (name, value) = assignment
                    .split_once('=')
                    .ok_or(ArgvError::NotAssignment { entry })?;
                let register = Register::from_name(name.trim())
                    .filter(|&register| register != Register::Sp)
                    .ok_or(ArgvError::UnknownRegister { entry })?;
                let value = value.trim();
                let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
                if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
                    return Err(ArgvError::BadValue { entry });
                }
                let value = value
                    .parse::<i64>()
                    .map_err(|_| ArgvError::BadValue { entry })?;
                registers.push((register, value));
            }
        }
        parsed.push(registers);
    }
    if given == 1 {
        let only = parsed.pop().unwrap_or_default();
        parsed = (0..threads).map(|_| only.clone()).collect();
    }
    Ok(parsed)
}

/// Reads `x86.py -P`: one digit per entry. Returns the 0-based position of the first non-digit.
pub fn parse_schedule(text: &str) -> Result<Vec<u32>, u32> {
    text.chars()
        .enumerate()
        .map(|(position, character)| character.to_digit(10).ok_or(position as u32))
        .collect()
}

/// One executed instruction of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct X86Step {
    /// The thread that executed it.
    pub thread: u32,
    /// Its address.
    pub pc: u32,
    /// The memory words it read and wrote.
    pub accesses: Accesses,
    /// The thread's registers after it.
    pub registers: Registers,
    /// [`StepOutcome::Continued`], [`StepOutcome::Yielded`] or [`StepOutcome::Halted`].
    pub outcome: StepOutcome,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum X86End {
    /// Every thread halted.
    AllHalted,
    /// `budget` instructions ran and some thread has not halted; `thread` would run the
    /// instruction at `pc` next.
    BudgetExhausted {
        /// Instructions executed.
        instructions: u64,
        /// The thread that holds the CPU.
        thread: u32,
        /// Its next instruction.
        pc: u32,
    },
    /// `thread` could not execute the instruction at `pc` (it is not counted as executed).
    Fault {
        /// The thread.
        thread: u32,
        /// The instruction's address.
        pc: u32,
        /// Why.
        fault: Fault,
    },
}

/// A finished run: every step, how it ended, and the machine at the end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct X86Run {
    steps: Vec<X86Step>,
    end: X86End,
    machine: Machine,
}

impl X86Run {
    /// The executed instructions in order.
    pub fn steps(&self) -> &[X86Step] {
        &self.steps
    }

    /// How the run ended.
    pub fn end(&self) -> X86End {
        self.end
    }

    /// Instructions executed.
    pub fn instructions(&self) -> u64 {
        self.steps.len() as u64
    }

    /// The machine after the last step.
    pub fn machine(&self) -> &Machine {
        &self.machine
    }

    /// The memory after each step, in order (one replay of the steps' writes, one copy per step).
    pub fn memories(&self) -> impl Iterator<Item = Memory> + '_ {
        let mut memory = Memory::new(self.machine.memory().size());
        self.steps.iter().map(move |step| {
            for access in step.accesses.as_slice() {
                memory.apply(access);
            }
            memory.clone()
        })
    }

    /// The memory after the first `count` steps (replays their writes over a zeroed memory).
    pub fn memory_after(&self, count: usize) -> Memory {
        let mut memory = Memory::new(self.machine.memory().size());
        for step in self.steps.iter().take(count) {
            for access in step.accesses.as_slice() {
                memory.apply(access);
            }
        }
        memory
    }
}

/// `x86.py`'s dispatcher: a cyclic list of thread ids, a cursor and the interrupt countdown.
struct Dispatcher {
    order: Vec<u32>,
    cursor: usize,
    every: u32,
    countdown: u32,
}

impl Dispatcher {
    fn current(&self) -> u32 {
        self.order[self.cursor]
    }

    /// Moves to the next entry whose thread has not halted (one exists: the caller checks).
    fn advance(&mut self, machine: &Machine) {
        loop {
            self.cursor = (self.cursor + 1) % self.order.len();
            let thread = self.order[self.cursor];
            if !machine.thread(thread).is_some_and(|state| state.halted()) {
                return;
            }
        }
    }
}

/// A thread's initial `%sp`: `memory_kb * 1000` for thread 0, [`STACK_SPACING`] lower for each
/// next thread (0 or below when there are too many threads for the memory).
pub fn stack_bottom(memory_kb: u32, thread: u32) -> i64 {
    i64::from(memory_kb) * 1000 - i64::from(STACK_SPACING) * i64::from(thread)
}

fn validate(program: &Program, config: &X86Config) -> Result<(), X86ConfigError> {
    let threads = config.registers.len() as u32;
    if threads == 0 {
        return Err(X86ConfigError::NoThreads);
    }
    if config.registers.len() > MAX_THREADS as usize {
        return Err(X86ConfigError::TooManyThreads {
            count: u32::try_from(config.registers.len()).unwrap_or(u32::MAX),
        });
    }
    match &config.timing {
        Timing::Interrupt { every: 0 } => return Err(X86ConfigError::InterruptZero),
        Timing::Interrupt { .. } => {}
        Timing::Schedule(order) => {
            if order.is_empty() {
                return Err(X86ConfigError::ScheduleEmpty);
            }
            if let Some(position) = order.iter().position(|&thread| thread >= threads) {
                return Err(X86ConfigError::ScheduleThreadOutOfRange {
                    position: position as u32,
                });
            }
            if let Some(thread) = (0..threads).find(|thread| !order.contains(thread)) {
                return Err(X86ConfigError::ScheduleMissesThread { thread });
            }
        }
    }
    for (thread, registers) in config.registers.iter().enumerate() {
        if registers
            .iter()
            .any(|&(register, _)| register == Register::Sp)
        {
            return Err(X86ConfigError::StackPointerSet {
                thread: thread as u32,
            });
        }
    }
    if config.memory_kb == 0 || config.memory_kb > MAX_MEMORY_KB {
        return Err(X86ConfigError::MemoryOutOfRange);
    }
    if program.end_address() > config.memory_kb * 1024 {
        return Err(X86ConfigError::CodeOutsideMemory);
    }
    let code = i64::from(program.load_address()) + 1..=i64::from(program.end_address());
    for thread in 0..threads {
        let bottom = stack_bottom(config.memory_kb, thread);
        if bottom <= 0 {
            return Err(X86ConfigError::StackOutsideMemory { thread });
        }
        if code.contains(&bottom) {
            return Err(X86ConfigError::StackOnCode { thread });
        }
    }
    if config.budget > MAX_BUDGET {
        return Err(X86ConfigError::BudgetTooLarge);
    }
    Ok(())
}

/// Runs `program` as `x86.py` would with this set-up.
pub fn run(program: &Program, config: &X86Config) -> Result<X86Run, X86ConfigError> {
    validate(program, config)?;
    let memory_size = config.memory_kb * 1024;
    let mut machine = Machine::new(program.clone(), memory_size).map_err(|error| match error {
        MachineError::CodeOutsideMemory => X86ConfigError::CodeOutsideMemory,
    })?;
    for (thread, initial) in config.registers.iter().enumerate() {
        let mut registers = Registers::default();
        for &(register, value) in initial {
            registers.set(register, value);
        }
        registers.set(Register::Sp, stack_bottom(config.memory_kb, thread as u32));
        machine.add_thread(registers);
    }
    let threads = config.registers.len() as u32;
    let (order, every) = match &config.timing {
        Timing::Interrupt { every } => ((0..threads).collect(), *every),
        Timing::Schedule(order) => (order.clone(), 1),
    };
    let mut dispatcher = Dispatcher {
        order,
        cursor: 0,
        every,
        countdown: every,
    };
    let mut steps: Vec<X86Step> = Vec::new();
    let mut halted = 0;
    let end = loop {
        let thread = dispatcher.current();
        if steps.len() as u64 == config.budget {
            let pc = machine.thread(thread).map_or(0, |state| state.pc());
            break X86End::BudgetExhausted {
                instructions: config.budget,
                thread,
                pc,
            };
        }
        let Ok(step) = machine.step(thread) else {
            unreachable!("the dispatcher only picks existing threads that have not halted");
        };
        if let StepOutcome::Fault(fault) = step.outcome {
            break X86End::Fault {
                thread,
                pc: step.pc,
                fault,
            };
        }
        steps.push(X86Step {
            thread,
            pc: step.pc,
            accesses: step.accesses,
            registers: machine
                .thread(thread)
                .map_or_else(Registers::default, |state| *state.registers()),
            outcome: step.outcome,
        });
        if step.outcome == StepOutcome::Halted {
            halted += 1;
            if halted == threads {
                break X86End::AllHalted;
            }
            dispatcher.advance(&machine);
        }
        dispatcher.countdown -= 1;
        if dispatcher.countdown == 0 || step.outcome == StepOutcome::Yielded {
            dispatcher.countdown = dispatcher.every;
            dispatcher.advance(&machine);
        }
    };
    Ok(X86Run {
        steps,
        end,
        machine,
    })
}
