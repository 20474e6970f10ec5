//! OSTEP `x86.py` as a driver of the [`Machine`]: several threads run one program on one CPU,
//! switched by a timer or by an explicit schedule, exactly as `x86.py` switches them.
//! This file owns the run loop and its record ([`X86Run`]); the set-up and its checks are in
//! `x86/config.rs`, reading the `-a` and `-P` texts in `x86/argv.rs`.
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

mod argv;
mod config;

use alloc::vec::Vec;

use super::isa::{Program, Register, Registers};
use super::machine::{Fault, Machine, MachineError, StepOutcome};
use super::memory::{Accesses, Memory};
use config::validate;

pub use argv::{parse_argv, parse_schedule, ArgvError};
pub use config::{
    stack_bottom, Timing, X86Config, X86ConfigError, DEFAULT_INTERRUPT_EVERY, DEFAULT_MEMORY_KB,
    MAX_BUDGET, MAX_MEMORY_KB, MAX_THREADS, STACK_SPACING,
};

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
        // `io` (ProcLab's, not x86.py's) gives up the CPU like `yield`: this driver has no devices.
        let gives_up = matches!(step.outcome, StepOutcome::Yielded | StepOutcome::Io(_));
        if dispatcher.countdown == 0 || gives_up {
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
