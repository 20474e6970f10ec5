//! The instruction machine: one address space (a [`Program`] and its [`Memory`]) shared by
//! threads that each own registers, condition codes, a program counter and a halted flag.
//!
//! [`Machine::step`] executes exactly one instruction of one thread and reports which memory
//! words it read and wrote ([`MemoryAccess`]), so a front end can say "T1 load counter = 5".
//! Who runs next is not decided here: a driver (`x86.rs`, later the engine, one instruction per
//! tick) calls `step`. A step either completes or changes nothing: a [`Fault`] leaves registers,
//! memory and the program counter as they were.
//!
//! Arithmetic is on `i64`. `x86.py` computes with Python's unbounded integers; a result outside
//! `i64` is [`Fault::Overflow`] here instead of a wrong number (no wrapping, no saturation).

use alloc::collections::BTreeMap;
use alloc::vec::Vec;
use core::cmp::Ordering;

use super::isa::{
    Address, Arithmetic, Condition, Instruction, Program, Register, Registers, Value,
};

/// Whether an access read or wrote memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccessKind {
    /// The word was read (its value before the instruction).
    Read,
    /// The word was written (its new value).
    Write,
}

/// One memory word touched by one instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MemoryAccess {
    /// Read or write.
    pub kind: AccessKind,
    /// The word's address.
    pub address: u32,
    /// The value read, or the value written.
    pub value: i64,
}

/// The accesses of one instruction in the order they happen (at most two: `xchg` and
/// `fetchadd` read then write one word).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Accesses {
    items: [MemoryAccess; 2],
    count: u8,
}

impl Accesses {
    const EMPTY: MemoryAccess = MemoryAccess {
        kind: AccessKind::Read,
        address: 0,
        value: 0,
    };

    fn new() -> Accesses {
        Accesses {
            items: [Accesses::EMPTY; 2],
            count: 0,
        }
    }

    fn push(&mut self, access: MemoryAccess) {
        self.items[usize::from(self.count)] = access;
        self.count += 1;
    }

    /// The accesses, in order.
    pub fn as_slice(&self) -> &[MemoryAccess] {
        &self.items[..usize::from(self.count)]
    }
}

/// The words of one address space. Never-written words read as 0 (`x86.py` zeroes its memory).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Memory {
    words: BTreeMap<u32, i64>,
    size: u32,
}

impl Memory {
    /// An all-zero memory of `size` addresses (`0..size`).
    pub fn new(size: u32) -> Memory {
        Memory {
            words: BTreeMap::new(),
            size,
        }
    }

    /// How many addresses there are.
    pub fn size(&self) -> u32 {
        self.size
    }

    /// The word at an address (0 if never written).
    pub fn read(&self, address: u32) -> i64 {
        self.words.get(&address).copied().unwrap_or(0)
    }

    /// Replays one access: a write stores its value, a read changes nothing. Folding the
    /// accesses of every step over the initial memory gives the memory after each step.
    pub fn apply(&mut self, access: &MemoryAccess) {
        if access.kind == AccessKind::Write {
            if access.value == 0 {
                self.words.remove(&access.address);
            } else {
                self.words.insert(access.address, access.value);
            }
        }
    }

    /// The non-zero words, in address order.
    pub fn nonzero(&self) -> impl Iterator<Item = (u32, i64)> + '_ {
        self.words.iter().map(|(&address, &value)| (address, value))
    }
}

/// What one thread owns: the state a context switch saves and restores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ThreadState {
    registers: Registers,
    comparison: Option<Ordering>,
    pc: u32,
    halted: bool,
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
}

/// One executed (or faulted) instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Step {
    /// The address of the instruction.
    pub pc: u32,
    /// The memory words it read and wrote, in order (none if it faulted).
    pub accesses: Accesses,
    /// How it ended.
    pub outcome: StepOutcome,
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
    program: Program,
    memory: Memory,
    threads: Vec<ThreadState>,
}

impl Machine {
    /// An address space of `memory_size` addresses holding `program`, with no thread yet.
    pub fn new(program: Program, memory_size: u32) -> Result<Machine, MachineError> {
        if program.end_address() > memory_size {
            return Err(MachineError::CodeOutsideMemory);
        }
        Ok(Machine {
            program,
            memory: Memory::new(memory_size),
            threads: Vec::new(),
        })
    }

    /// Adds a thread that starts at the first instruction with these registers (the caller
    /// sets `%sp` to its stack bottom); returns its id, 0 for the first.
    pub fn add_thread(&mut self, registers: Registers) -> u32 {
        self.threads.push(ThreadState {
            registers,
            comparison: None,
            pc: self.program.load_address(),
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
        })
    }
}

/// One instruction being executed on a copy of the thread; writes are collected, applied by
/// [`Machine::step`] only if the instruction completes.
struct Execution<'m> {
    machine: &'m Machine,
    state: ThreadState,
    accesses: Accesses,
}

impl Execution<'_> {
    fn register(&self, register: Register) -> i64 {
        self.state.registers.get(register)
    }

    fn set(&mut self, register: Register, value: i64) {
        self.state.registers.set(register, value);
    }

    fn value(&self, value: Value) -> i64 {
        match value {
            Value::Immediate(number) => number,
            Value::Register(register) => self.register(register),
        }
    }

    fn optional(&self, register: Option<Register>) -> i64 {
        register.map_or(0, |register| self.register(register))
    }

    /// `offset + base + scale * index`, checked.
    fn effective(&self, address: &Address) -> Result<i64, Fault> {
        address
            .scale
            .checked_mul(self.optional(address.index))
            .and_then(|scaled| scaled.checked_add(self.optional(address.base)))
            .and_then(|sum| sum.checked_add(address.offset))
            .ok_or(Fault::Overflow)
    }

    /// A data address: inside the address space, not on the code.
    fn data_address(&self, address: i64) -> Result<u32, Fault> {
        let word = u32::try_from(address)
            .ok()
            .filter(|&word| word < self.machine.memory.size())
            .ok_or(Fault::AddressOutOfRange { address })?;
        let program = &self.machine.program;
        if (program.load_address()..program.end_address()).contains(&word) {
            return Err(Fault::CodeAddress { address: word });
        }
        Ok(word)
    }

    fn load(&mut self, address: i64) -> Result<i64, Fault> {
        let address = self.data_address(address)?;
        let value = self.machine.memory.read(address);
        self.accesses.push(MemoryAccess {
            kind: AccessKind::Read,
            address,
            value,
        });
        Ok(value)
    }

    fn store(&mut self, address: i64, value: i64) -> Result<(), Fault> {
        let address = self.data_address(address)?;
        self.accesses.push(MemoryAccess {
            kind: AccessKind::Write,
            address,
            value,
        });
        Ok(())
    }

    fn push(&mut self, value: i64) -> Result<(), Fault> {
        let top = self
            .register(Register::Sp)
            .checked_sub(4)
            .ok_or(Fault::Overflow)?;
        self.store(top, value)?;
        self.set(Register::Sp, top);
        Ok(())
    }

    fn pop(&mut self) -> Result<i64, Fault> {
        let top = self.register(Register::Sp);
        let value = self.load(top)?;
        let below = top.checked_add(4).ok_or(Fault::Overflow)?;
        self.set(Register::Sp, below);
        Ok(value)
    }

    fn run(&mut self) -> Result<StepOutcome, Fault> {
        let pc = self.state.pc;
        let instruction = self
            .machine
            .program
            .instruction_at(pc)
            .ok_or(Fault::PcOutsideProgram)?;
        // Like x86.py, the program counter moves on before the instruction executes: `call`
        // pushes the address of the next instruction.
        self.state.pc = pc + 1;
        match instruction {
            Instruction::MoveToRegister {
                source,
                destination,
            } => {
                let value = self.value(source);
                self.set(destination, value);
            }
            Instruction::Load {
                source,
                destination,
            } => {
                let address = self.effective(&source)?;
                let value = self.load(address)?;
                self.set(destination, value);
            }
            Instruction::Store {
                source,
                destination,
            } => {
                let address = self.effective(&destination)?;
                self.store(address, self.value(source))?;
            }
            Instruction::LoadAddress {
                source,
                destination,
            } => {
                let address = self.effective(&source)?;
                self.set(destination, address);
            }
            Instruction::Arithmetic {
                operation,
                source,
                destination,
            } => {
                let (left, right) = (self.register(destination), self.value(source));
                let result = match operation {
                    Arithmetic::Add => left.checked_add(right),
                    Arithmetic::Sub => left.checked_sub(right),
                    Arithmetic::Mul => left.checked_mul(right),
                };
                self.set(destination, result.ok_or(Fault::Overflow)?);
            }
            Instruction::Negate { register } => {
                let negated = self.register(register).checked_neg();
                self.set(register, negated.ok_or(Fault::Overflow)?);
            }
            Instruction::Test { first, second } => {
                self.state.comparison = Some(self.value(second).cmp(&self.value(first)));
            }
            Instruction::Jump { condition, target } => {
                if self.state.holds(condition) {
                    self.state.pc = target;
                }
            }
            Instruction::Exchange { register, address } => {
                let address = self.effective(&address)?;
                let old = self.load(address)?;
                self.store(address, self.register(register))?;
                self.set(register, old);
            }
            Instruction::FetchAdd { register, address } => {
                let address = self.effective(&address)?;
                let old = self.load(address)?;
                let sum = old
                    .checked_add(self.register(register))
                    .ok_or(Fault::Overflow)?;
                self.store(address, sum)?;
                self.set(register, old);
            }
            Instruction::PushRegister { register } => self.push(self.register(register))?,
            Instruction::PushAddress { address } => {
                let address = self.effective(&address)?;
                self.push(address)?;
            }
            Instruction::PopRegister { register } => {
                let value = self.pop()?;
                self.set(register, value);
            }
            Instruction::Pop => {
                // x86.py only moves %sp: no word is read.
                let below = self
                    .register(Register::Sp)
                    .checked_add(4)
                    .ok_or(Fault::Overflow)?;
                self.set(Register::Sp, below);
            }
            Instruction::Call { target } => {
                self.push(i64::from(pc + 1))?;
                self.state.pc = target;
            }
            Instruction::Return => {
                let target = self.pop()?;
                let address = u32::try_from(target)
                    .ok()
                    .filter(|&address| self.machine.program.instruction_at(address).is_some())
                    .ok_or(Fault::ReturnOutsideProgram { target })?;
                self.state.pc = address;
            }
            Instruction::Yield => return Ok(StepOutcome::Yielded),
            Instruction::Nop => {}
            Instruction::Halt => {
                self.state.halted = true;
                return Ok(StepOutcome::Halted);
            }
        }
        Ok(StepOutcome::Continued)
    }
}
