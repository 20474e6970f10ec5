//! Instruction selection: which [`Instruction`] an opcode and its operands make, refusing every
//! operand combination `x86.py` would not execute (the proof the machine relies on).

use super::isa::{Address, Arithmetic, Condition, Instruction, Register, Value};
use super::opcode::Opcode;
use super::operand::Operand;
use super::parse::{Parser, MAX_CPU_TICKS, MAX_IO_TICKS};
use super::parse_error::ParseErrorKind;

pub(super) struct Build<'p, 'a> {
    pub(super) opcode: Opcode,
    pub(super) operands: &'p [Operand<'a>],
    pub(super) parser: &'p Parser<'a>,
    pub(super) end: u32,
}

impl Build<'_, '_> {
    fn not_allowed(&self, index: usize) -> ParseErrorKind {
        ParseErrorKind::OperandNotAllowed {
            opcode: self.opcode,
            operand: index as u8 + 1,
            found: self.operands[index].kind(),
        }
    }

    fn register(&self, index: usize) -> Result<Register, ParseErrorKind> {
        match self.operands[index] {
            Operand::Register(register) => Ok(register),
            _ => Err(self.not_allowed(index)),
        }
    }

    fn value(&self, index: usize) -> Result<Value, ParseErrorKind> {
        match self.operands[index] {
            Operand::Immediate(value) => Ok(Value::Immediate(value)),
            Operand::Register(register) => Ok(Value::Register(register)),
            _ => Err(self.not_allowed(index)),
        }
    }

    /// A memory operand without an index register (everything but `mov` accepts only these).
    fn plain_address(&self, index: usize) -> Result<Address, ParseErrorKind> {
        match self.operands[index] {
            Operand::Memory { indexed: true, .. } => {
                Err(ParseErrorKind::IndexedAddressOutsideMov {
                    opcode: self.opcode,
                    operand: index as u8 + 1,
                })
            }
            Operand::Memory { address, .. } => Ok(address),
            _ => Err(self.not_allowed(index)),
        }
    }

    fn target(&self, index: usize) -> Result<u32, ParseErrorKind> {
        let Operand::Label(name) = self.operands[index] else {
            return Err(self.not_allowed(index));
        };
        let operand = index as u8 + 1;
        let label = self
            .parser
            .labels
            .iter()
            .find(|label| label.name == name)
            .ok_or(ParseErrorKind::UnknownLabel { operand })?;
        if label.address >= self.end {
            return Err(ParseErrorKind::JumpOutOfProgram { operand });
        }
        Ok(label.address)
    }

    pub(super) fn instruction(&self) -> Result<Instruction, ParseErrorKind> {
        let arithmetic = |operation| -> Result<Instruction, ParseErrorKind> {
            Ok(Instruction::Arithmetic {
                operation,
                source: self.value(0)?,
                destination: self.register(1)?,
            })
        };
        let jump = |condition| -> Result<Instruction, ParseErrorKind> {
            Ok(Instruction::Jump {
                condition,
                target: self.target(0)?,
            })
        };
        match self.opcode {
            Opcode::Mov => self.mov(),
            Opcode::Lea => {
                let source = self.plain_address(0)?;
                Ok(Instruction::LoadAddress {
                    source,
                    destination: self.register(1)?,
                })
            }
            Opcode::Add => arithmetic(Arithmetic::Add),
            Opcode::Sub => arithmetic(Arithmetic::Sub),
            Opcode::Mul => arithmetic(Arithmetic::Mul),
            Opcode::Neg => Ok(Instruction::Negate {
                register: self.register(0)?,
            }),
            Opcode::Test => {
                let first = self.value(0)?;
                let second = self.value(1)?;
                if let (Value::Immediate(_), Value::Immediate(_)) = (first, second) {
                    return Err(self.not_allowed(1));
                }
                Ok(Instruction::Test { first, second })
            }
            Opcode::J => jump(Condition::Always),
            Opcode::Je => jump(Condition::Equal),
            Opcode::Jne => jump(Condition::NotEqual),
            Opcode::Jlt => jump(Condition::Less),
            Opcode::Jlte => jump(Condition::LessOrEqual),
            Opcode::Jgt => jump(Condition::Greater),
            Opcode::Jgte => jump(Condition::GreaterOrEqual),
            Opcode::Xchg => Ok(Instruction::Exchange {
                register: self.register(0)?,
                address: self.plain_address(1)?,
            }),
            Opcode::Fetchadd => Ok(Instruction::FetchAdd {
                register: self.register(0)?,
                address: self.plain_address(1)?,
            }),
            Opcode::Push => match self.operands[0] {
                Operand::Register(register) => Ok(Instruction::PushRegister { register }),
                _ => Ok(Instruction::PushAddress {
                    address: self.plain_address(0)?,
                }),
            },
            Opcode::Pop => match self.operands.first() {
                None => Ok(Instruction::Pop),
                Some(_) => Ok(Instruction::PopRegister {
                    register: self.register(0)?,
                }),
            },
            Opcode::Call => Ok(Instruction::Call {
                target: self.target(0)?,
            }),
            Opcode::Ret => Ok(Instruction::Return),
            Opcode::Yield => Ok(Instruction::Yield),
            Opcode::Nop => Ok(Instruction::Nop),
            // Read by `Parser::sync` before operands are parsed.
            Opcode::Send | Opcode::Recv | Opcode::Write | Opcode::Read | Opcode::Close => {
                Err(ParseErrorKind::UnknownSyncObject {
                    opcode: self.opcode,
                })
            }
            Opcode::Lock | Opcode::Unlock | Opcode::Wait | Opcode::Signal | Opcode::Broadcast => {
                Err(ParseErrorKind::UnknownSyncObject {
                    opcode: self.opcode,
                })
            }
            Opcode::Io => match self.operands[0] {
                Operand::Immediate(ticks) if (0..=MAX_IO_TICKS as i64).contains(&ticks) => {
                    Ok(Instruction::Io {
                        ticks: ticks as u64,
                    })
                }
                Operand::Immediate(_) => Err(ParseErrorKind::IoTicksOutOfRange),
                _ => Err(self.not_allowed(0)),
            },
            Opcode::Cpu => match self.operands[0] {
                Operand::Immediate(ticks) if (1..=MAX_CPU_TICKS as i64).contains(&ticks) => {
                    Ok(Instruction::Cpu {
                        ticks: ticks as u64,
                    })
                }
                Operand::Immediate(_) => Err(ParseErrorKind::CpuTicksOutOfRange),
                _ => Err(self.not_allowed(0)),
            },
            Opcode::Halt => Ok(Instruction::Halt),
        }
    }

    fn mov(&self) -> Result<Instruction, ParseErrorKind> {
        match (&self.operands[0], &self.operands[1]) {
            (Operand::Label(_), _) => Err(self.not_allowed(0)),
            (Operand::Memory { address, .. }, Operand::Register(destination)) => {
                Ok(Instruction::Load {
                    source: *address,
                    destination: *destination,
                })
            }
            (_, Operand::Register(destination)) => Ok(Instruction::MoveToRegister {
                source: self.value(0)?,
                destination: *destination,
            }),
            (Operand::Immediate(_) | Operand::Register(_), Operand::Memory { address, .. }) => {
                Ok(Instruction::Store {
                    source: self.value(0)?,
                    destination: *address,
                })
            }
            _ => Err(self.not_allowed(1)),
        }
    }
}
