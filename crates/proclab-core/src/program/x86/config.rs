//! One `x86.py` run's set-up: the defaults and limits, [`Timing`] (`-i` or `-P`), [`X86Config`],
//! where each thread's stack starts, and the checks that refuse a set-up that cannot run.

use alloc::vec::Vec;

use crate::program::isa::{Program, Register};

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
    /// The program uses a mutex, a semaphore or a condition (`lock`, `unlock`, `wait`, `signal`,
    /// `broadcast`), a message queue or a pipe (`send`, `recv`, `write`, `read`, `close`):
    /// ProcLab's, not `x86.py`'s, which only the scheduler runs; `address` is the first such
    /// instruction. (`io` runs, as a `yield`: this driver has no devices.)
    SyncNotInX86 {
        /// Its address.
        address: u32,
    },
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

/// A thread's initial `%sp`: `memory_kb * 1000` for thread 0, [`STACK_SPACING`] lower for each
/// next thread (0 or below when there are too many threads for the memory).
pub fn stack_bottom(memory_kb: u32, thread: u32) -> i64 {
    i64::from(memory_kb) * 1000 - i64::from(STACK_SPACING) * i64::from(thread)
}

pub(super) fn validate(program: &Program, config: &X86Config) -> Result<(), X86ConfigError> {
    let threads = config.registers.len() as u32;
    if threads == 0 {
        return Err(X86ConfigError::NoThreads);
    }
    if let Some(index) = program.instructions().iter().position(|instruction| {
        use crate::program::Instruction::{Message, Sync};
        matches!(instruction, Sync(_) | Message(_))
    }) {
        return Err(X86ConfigError::SyncNotInX86 {
            address: program.load_address() + index as u32,
        });
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
