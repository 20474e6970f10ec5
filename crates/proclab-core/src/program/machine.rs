//! The instruction machine: one address space (a [`Program`] and its [`Memory`]) shared by
//! threads that each own registers, condition codes, a program counter and a halted flag.
//!
//! [`Machine::step`] executes exactly one instruction of one thread and reports which memory
//! words it read and wrote ([`MemoryAccess`](super::MemoryAccess)), so a front end can say
//! "T1 load counter = 5". This file owns the state and the dispatch of a step; what each
//! instruction does is in `exec.rs`, the words and accesses in `memory.rs`.
//! Who runs next is not decided here: a driver (`x86.rs`, later the engine, one instruction per
//! tick) calls `step`. A step either completes or changes nothing: a [`Fault`] leaves registers,
//! memory and the program counter as they were.
//!
//! Arithmetic is on `i64`. `x86.py` computes with Python's unbounded integers; a result outside
//! `i64` is [`Fault::Overflow`] here instead of a wrong number (no wrapping, no saturation).

use alloc::vec::Vec;
use core::cmp::Ordering;

use super::exec::Execution;
use super::isa::{Condition, Instruction, MessageOp, Program, Registers};
use super::memory::{Accesses, Memory};
use super::sync::{Requeued, SyncState, Wait};

/// What one thread owns: the state a context switch saves and restores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ThreadState {
    pub(super) registers: Registers,
    pub(super) comparison: Option<Ordering>,
    pub(super) pc: u32,
    pub(super) halted: bool,
}

impl ThreadState {
    /// The registers.
    pub fn registers(&self) -> &Registers {
        &self.registers
    }

    /// The address of the next instruction.
    pub fn pc(&self) -> u32 {
        self.pc
    }

    /// Whether it executed `halt`.
    pub fn halted(&self) -> bool {
        self.halted
    }

    /// The condition codes: how the second operand of the last `test` compared with the first
    /// (`None` before any `test`: every condition false).
    pub fn comparison(&self) -> Option<Ordering> {
        self.comparison
    }

    /// Whether a jump with this condition would be taken now.
    pub fn holds(&self, condition: Condition) -> bool {
        let Some(ordering) = self.comparison else {
            return condition == Condition::Always;
        };
        match condition {
            Condition::Always => true,
            Condition::Equal => ordering == Ordering::Equal,
            Condition::NotEqual => ordering != Ordering::Equal,
            Condition::Less => ordering == Ordering::Less,
            Condition::LessOrEqual => ordering != Ordering::Greater,
            Condition::Greater => ordering == Ordering::Greater,
            Condition::GreaterOrEqual => ordering != Ordering::Less,
        }
    }
}

/// How one executed instruction ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepOutcome {
    /// The thread can go on.
    Continued,
    /// `yield`: the thread asks to give up the CPU.
    Yielded,
    /// `halt`: the thread is finished and will not run again.
    Halted,
    /// `io $n`: the thread asks for `n` ticks of I/O.
    Io(u64),
    /// `cpu $n`: the thread computes for `n` ticks in all, this one included; it keeps the CPU
    /// (the next `n - 1` ticks it runs execute no instruction).
    Compute(u64),
    /// `send`, `recv`, `write`, `read` or `close`: the engine puts `value` (the register of
    /// `send` or `write`) on the queue or pipe, or takes a message, and blocks the thread if it
    /// must wait. In a recorded step `value` is what was sent or received (-1: a `read` at
    /// end-of-file).
    Message {
        /// The operation.
        operation: MessageOp,
        /// The value sent or received (0 for `close`).
        value: i64,
    },
    /// `lock` of a held mutex, `wait s` on a semaphore at 0, or `wait c, m`: the thread waits
    /// (the instruction is done; it goes on at the next one once handed the mutex or the
    /// semaphore, or, after `wait c, m`, once signalled and holding `m` again).
    Blocked(Wait),
    /// The instruction could not execute; nothing changed.
    Fault(Fault),
}

/// Why an instruction could not execute (a problem of the program, not of the caller).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// The program counter is not the address of an instruction (the thread ran past the last
    /// instruction without `halt`).
    PcOutsideProgram,
    /// `ret` popped a value that is not the address of an instruction (nothing was pushed by `call`).
    ReturnOutsideProgram {
        /// The value popped.
        target: i64,
    },
    /// A data address outside the address space (negative, or at least its size).
    AddressOutOfRange {
        /// The address computed.
        address: i64,
    },
    /// A load or store to an address that holds an instruction.
    CodeAddress {
        /// The address.
        address: u32,
    },
    /// An arithmetic result or address does not fit a 64-bit signed integer.
    Overflow,
    /// `unlock` of a mutex the thread does not hold.
    UnlockNotHeld {
        /// The mutex.
        mutex: u32,
    },
    /// `wait c, m` by a thread that does not hold `m`.
    WaitWithoutMutex {
        /// The condition.
        condition: u32,
        /// The mutex it should hold.
        mutex: u32,
    },
    /// `write p, %r` by a thread that closed its write end of pipe `p` (index in
    /// `Program::pipes`).
    WriteAfterClose {
        /// The pipe.
        pipe: u32,
    },
    /// `write p, %r` of a value that is not a byte (0 to 255): a pipe carries bytes.
    NotAByte {
        /// The pipe.
        pipe: u32,
        /// The value the register held.
        value: i64,
    },
}

/// One executed (or faulted) instruction.
///
/// Only a sync instruction fills `woke` and `requeued` (an empty `Vec` does not allocate).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Step {
    /// The address of the instruction.
    pub pc: u32,
    /// The memory words it read and wrote, in order (none if it faulted).
    pub accesses: Accesses,
    /// How it ended.
    pub outcome: StepOutcome,
    /// The threads this step woke, in order: `unlock` or `wait c, m` handed one the mutex,
    /// `signal s` let one's `wait s` end, or `signal c`/`broadcast c` found a waiter's mutex free
    /// and gave it to it.
    pub woke: Vec<u32>,
    /// The threads `signal c`/`broadcast c` took off the condition while their mutex was held:
    /// still blocked, each now waits for the mutex, in this order.
    pub requeued: Vec<Requeued>,
}

/// A misuse of [`Machine::step`] by its caller (never caused by the program).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepError {
    /// No thread has this id.
    NoSuchThread,
    /// The thread has halted.
    ThreadHalted,
}

/// A [`Machine`] could not be built.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MachineError {
    /// The code does not fit in the address space.
    CodeOutsideMemory,
}

/// One address space running one program, with its threads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Machine {
    pub(super) program: Program,
    pub(super) memory: Memory,
    threads: Vec<ThreadState>,
    sync: SyncState,
}

impl Machine {
    /// An address space of `memory_size` addresses holding `program`, with no thread yet.
    pub fn new(program: Program, memory_size: u32) -> Result<Machine, MachineError> {
        if program.end_address() > memory_size {
            return Err(MachineError::CodeOutsideMemory);
        }
        let sync = SyncState::new(&program);
        Ok(Machine {
            program,
            memory: Memory::new(memory_size),
            threads: Vec::new(),
            sync,
        })
    }

    /// Adds a thread that starts at the first instruction with these registers (the caller
    /// sets `%sp` to its stack bottom); returns its id, 0 for the first.
    pub fn add_thread(&mut self, registers: Registers) -> u32 {
        self.add_thread_at(registers, self.program.load_address())
    }

    /// Adds a thread that starts at address `pc` (its own part of the program, as a thread
    /// created with its own start routine); returns its index.
    pub fn add_thread_at(&mut self, registers: Registers, pc: u32) -> u32 {
        self.threads.push(ThreadState {
            registers,
            comparison: None,
            pc,
            halted: false,
        });
        self.threads.len() as u32 - 1
    }

    /// The program.
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// The memory.
    pub fn memory(&self) -> &Memory {
        &self.memory
    }

    /// Sets one register of `thread` (a message received while it waited).
    pub fn set_register(&mut self, thread: u32, register: super::isa::Register, value: i64) {
        if let Some(state) = self.threads.get_mut(thread as usize) {
            state.registers.set(register, value);
        }
    }

    /// Writes `value` to the word at `address` (a store to shared memory another process made).
    pub fn store_shared(&mut self, address: u32, value: i64) {
        self.memory.apply(&super::memory::MemoryAccess {
            kind: super::memory::AccessKind::Write,
            address,
            value,
        });
    }

    /// The mutexes, semaphores and conditions: holders, values and waiters.
    pub fn sync(&self) -> &SyncState {
        &self.sync
    }

    /// Every thread, by id.
    pub fn threads(&self) -> &[ThreadState] {
        &self.threads
    }

    /// One thread.
    pub fn thread(&self, thread: u32) -> Option<&ThreadState> {
        self.threads.get(thread as usize)
    }

    /// Executes exactly one instruction of `thread`.
    pub fn step(&mut self, thread: u32) -> Result<Step, StepError> {
        let state = *self.thread(thread).ok_or(StepError::NoSuchThread)?;
        if state.halted {
            return Err(StepError::ThreadHalted);
        }
        if let Some(Instruction::Message(operation)) = self.program.instruction_at(state.pc) {
            // The engine applies it to the queue, shared by processes; the sent value is read now.
            self.threads[thread as usize].pc = state.pc + 1;
            let value = operation
                .sent_register()
                .map_or(0, |register| state.registers.get(register));
            return Ok(Step {
                pc: state.pc,
                accesses: Accesses::new(),
                outcome: StepOutcome::Message { operation, value },
                woke: Vec::new(),
                requeued: Vec::new(),
            });
        }
        if let Some(Instruction::Sync(operation)) = self.program.instruction_at(state.pc) {
            let effect = self.sync.apply(thread, operation);
            if !matches!(effect.outcome, StepOutcome::Fault(_)) {
                self.threads[thread as usize].pc = state.pc + 1;
            }
            return Ok(Step {
                pc: state.pc,
                accesses: Accesses::new(),
                outcome: effect.outcome,
                woke: effect.woke,
                requeued: effect.requeued,
            });
        }
        let mut execution = Execution {
            machine: self,
            state,
            accesses: Accesses::new(),
        };
        let outcome = match execution.run() {
            Ok(outcome) => outcome,
            Err(fault) => {
                return Ok(Step {
                    pc: state.pc,
                    accesses: Accesses::new(),
                    outcome: StepOutcome::Fault(fault),
                    woke: Vec::new(),
                    requeued: Vec::new(),
                })
            }
        };
        let (next, accesses) = (execution.state, execution.accesses);
        for access in accesses.as_slice() {
            self.memory.apply(access);
        }
        self.threads[thread as usize] = next;
        Ok(Step {
            pc: state.pc,
            accesses,
            outcome,
            woke: Vec::new(),
            requeued: Vec::new(),
        })
    }
}
