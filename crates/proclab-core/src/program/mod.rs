//! Threads that run real instructions: the tiny assembly language of OSTEP's `x86.py`
//! (Operating Systems: Three Easy Pieces, chapters 26-28), parsed, validated and executed one
//! instruction at a time.
//!
//! ```text
//! source --Program::parse--> Program --Machine::new + add_thread--> Machine --step(thread)--> Step
//!                                   `--x86::run(program, config)--> X86Run (x86.py's timer / -P schedule)
//! ```
//!
//! - `isa`: registers, addresses, [`Instruction`] and the validated [`Program`].
//! - `opcode`: the mnemonics ([`Opcode`]) and their operand counts.
//! - `parse`: the one fallible constructor, [`Program::parse`]: lines, labels, `.var`, assembly.
//!   - `parse_error`: [`ParseError`] codes with lines.
//!   - `operand`: reading one operand and its addressing mode.
//!   - `select`: which [`Instruction`] an opcode and its operands make.
//! - `machine`: one address space and its threads; [`Machine::step`] executes one instruction
//!   and reports the memory words it touched.
//!   - `memory`: [`Memory`] and the [`MemoryAccess`]es of one step.
//!   - `exec`: what each instruction does (arithmetic, memory, jumps, the stack).
//! - `x86`: `x86.py`'s driver (threads, initial registers, stacks, timer, schedule, budget).
//!
//! Standalone: nothing here knows the scheduling engine. An engine that gives a thread one tick
//! can call [`Machine::step`] once for it and act on the [`StepOutcome`] (yield, halt, fault).
//! Everything is integers and ordered maps: the same input gives the same run everywhere.

mod exec;
mod isa;
mod machine;
mod memory;
mod opcode;
mod operand;
mod parse;
mod parse_error;
mod record;
mod select;
mod sync;
pub mod x86;

pub use isa::{
    Address, Arithmetic, Condition, Instruction, Label, MessageOp, Program, QueueDecl, Register,
    Registers, Semaphore, SharedKind, SyncOp, Value, Variable,
};
pub use machine::{Fault, Machine, MachineError, Step, StepError, StepOutcome, ThreadState};
pub use memory::{AccessKind, Accesses, Memory, MemoryAccess};
pub use opcode::Opcode;
pub use parse::{
    DATA_ADDRESS, DEFAULT_LOAD_ADDRESS, MAX_CPU_TICKS, MAX_INSTRUCTIONS, MAX_IO_TICKS,
    MAX_LOAD_ADDRESS, MAX_QUEUE_CAPACITY,
};
pub use parse_error::{OperandKind, ParseError, ParseErrorKind};
pub use record::{Deadlock, ExecutedStep, KernelSpan, RunEnd, WaitEdge};
pub use sync::{Requeued, SyncState, Wait};
