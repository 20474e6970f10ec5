//! The semantics of each instruction: [`Execution`] runs one instruction of one thread on a
//! copy of its state (arithmetic, loads and stores, tests and jumps, the stack, `call`/`ret`),
//! collecting memory writes that [`Machine::step`] applies only if it completes.

use super::isa::{Address, Arithmetic, Instruction, Register, Value};
use super::machine::{Fault, Machine, StepOutcome, ThreadState};
use super::memory::{AccessKind, Accesses, MemoryAccess};

/// One instruction being executed on a copy of the thread; writes are collected, applied by
/// [`Machine::step`] only if the instruction completes.
pub(super) struct Execution<'m> {
    pub(super) machine: &'m Machine,
    pub(super) state: ThreadState,
    pub(super) accesses: Accesses,
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

    pub(super) fn run(&mut self) -> Result<StepOutcome, Fault> {
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
            Instruction::Io { ticks } => return Ok(StepOutcome::Io(ticks)),
            Instruction::Cpu { ticks } => return Ok(StepOutcome::Compute(ticks)),
            // `Machine::step` executes these itself: they change the address space's sync objects.
            Instruction::Sync(_) | Instruction::Message(_) => {}
            Instruction::Halt => {
                self.state.halted = true;
                return Ok(StepOutcome::Halted);
            }
        }
        Ok(StepOutcome::Continued)
    }
}
