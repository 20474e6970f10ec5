//! What can be wrong with a program's text: [`ParseError`] (a 1-based line and a
//! [`ParseErrorKind`]) and the [`OperandKind`] an error names.

use super::opcode::Opcode;

/// One problem in a program's text, with the 1-based line it is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ParseError {
    /// The 1-based source line.
    pub line: u32,
    /// What is wrong there.
    pub kind: ParseErrorKind,
}

/// What kind of operand was found where it is not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum OperandKind {
    /// `$n`
    Immediate,
    /// `%reg`
    Register,
    /// A variable, an address or `off(...)`.
    Memory,
    /// `.label`
    Label,
}

/// The rule a line breaks. Operand numbers are 1-based, left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ParseErrorKind {
    /// The program has no instruction at all (reported on its last line, or line 1 if empty).
    NoInstructions,
    /// The load address is above [`MAX_LOAD_ADDRESS`](super::MAX_LOAD_ADDRESS) (reported on line 1).
    LoadAddressTooHigh,
    /// This line holds instruction number [`MAX_INSTRUCTIONS`](super::MAX_INSTRUCTIONS) + 1.
    TooManyInstructions,
    /// The first word is not one of the opcodes `x86.py` knows.
    UnknownOpcode,
    /// `io $n` with `n` negative or above [`MAX_IO_TICKS`](super::MAX_IO_TICKS).
    IoTicksOutOfRange,
    /// `cpu $n` with `n` below 1 or above [`MAX_CPU_TICKS`](super::MAX_CPU_TICKS).
    CpuTicksOutOfRange,
    /// `.mutex name`, `.sem name initial` or `.cond name` written wrong (fields, name, or initial
    /// value).
    BadSyncDeclaration,
    /// A mutex, semaphore or condition declared twice (the three kinds share their names).
    DuplicateSyncObject {
        /// Where it was declared first.
        first_line: u32,
    },
    /// An operand that is not a declared object of the kind the instruction takes: `lock m` and
    /// `unlock m` a mutex, `wait s` a semaphore, `wait c, m` a condition then a mutex, `signal`
    /// a semaphore or a condition, `broadcast c` a condition.
    UnknownSyncObject {
        /// Which instruction.
        opcode: Opcode,
    },
    /// `.pipe name capacity` with a capacity of 0 or above `max` values.
    PipeCapacityOutOfRange {
        /// The largest capacity.
        max: u32,
    },
    /// A label written `name:`; `x86.py` labels start with a dot (`.name`) and stand alone.
    LabelWithColon,
    /// A label line holds more than the label (`.loop mov ...`).
    TextAfterLabel,
    /// A label is a lone `.` or holds characters other than letters, digits and `_`.
    BadLabelName,
    /// The label was already defined.
    DuplicateLabel {
        /// Line of the first definition.
        first_line: u32,
    },
    /// `.var` needs a name and at most a size (`.var name` or `.var name 2`).
    VarFieldCount,
    /// A variable name must start with a letter and hold only letters, digits and `_`.
    BadVarName,
    /// The size of a `.var` (its third field) is not a whole number of at least 1.
    BadVarSize,
    /// The variable was already declared.
    DuplicateVariable {
        /// Line of the first declaration.
        first_line: u32,
    },
    /// This `.var` makes the data reach the load address of the code.
    DataOverrunsCode,
    /// The instruction takes another number of operands (see [`Opcode::operand_counts`]).
    WrongOperandCount {
        /// The instruction.
        opcode: Opcode,
        /// How many operands were written.
        found: u8,
    },
    /// The operand cannot be read: not `$n`, `%reg`, a variable, an address, `off(...)` or
    /// `.label` (also unbalanced parentheses, an empty operand, text after `)`).
    BadOperand {
        /// Which operand.
        operand: u8,
    },
    /// A `%name` that is not one of `ax bx cx dx ex fx sp bp`.
    UnknownRegister {
        /// Which operand.
        operand: u8,
    },
    /// A number does not fit a 64-bit signed integer.
    NumberTooLarge {
        /// Which operand.
        operand: u8,
    },
    /// The instruction does not take this kind of operand in this place (`mov` from memory to
    /// memory reports its second operand, `test` of two immediates its second).
    OperandNotAllowed {
        /// The instruction.
        opcode: Opcode,
        /// Which operand.
        operand: u8,
        /// What was written there.
        found: OperandKind,
    },
    /// `off(%base,%index[,scale])` outside `mov`: `x86.py` only reads the index in `mov`.
    IndexedAddressOutsideMov {
        /// The instruction.
        opcode: Opcode,
        /// Which operand.
        operand: u8,
    },
    /// A jump or call names a label no line defines.
    UnknownLabel {
        /// Which operand.
        operand: u8,
    },
    /// The operand names a variable no `.var` declares.
    UnknownVariable {
        /// Which operand.
        operand: u8,
    },
    /// A jump or call goes to a label after the last instruction: there is nothing to run there.
    JumpOutOfProgram {
        /// Which operand.
        operand: u8,
    },
}
