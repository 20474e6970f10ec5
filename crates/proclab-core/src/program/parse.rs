//! The one fallible constructor of a [`Program`]: `x86.py` assembly text in, a validated
//! program or every problem found (as [`ParseError`] codes with their 1-based line) out.
//!
//! Two passes, like `x86.py`'s loader: the first gives `.var` words their addresses (from
//! [`DATA_ADDRESS`], 4 apart, in declaration order) and labels theirs (one address per
//! instruction from the load address); the second reads the instructions, so variables and
//! labels may be used before the line that declares them.
//!
//! Accepted exactly as `x86.py` reads it: comments from `#`, `.var name [words]`, `.label` on a
//! line of its own, operands `$imm`, `%reg`, `variable`, `address`, `off(%base)`,
//! `off(%base,%index)` and `off(%base,%index,scale)` (a missing offset or register counts as 0).
//! Stricter than `x86.py`, where it would crash later, mangle the program, or silently pick one
//! of two meanings: duplicate labels and variables, a `.var` size below 1, extra operands on
//! `halt`/`nop`/`yield`, a jump to a label after the last instruction, the indexed forms outside
//! `mov` (`x86.py` splits `lea`, `xchg`, `fetchadd` and `push` operands at the first comma, so
//! there it drops or misreads the index), text after a closing parenthesis, and names other than
//! letters, digits and `_` (a variable starts with a letter). More lenient in one way: labels and
//! `.var` may be indented.

use alloc::collections::BTreeMap;
use alloc::string::ToString;
use alloc::vec::Vec;

use super::isa::{
    Address, Arithmetic, Condition, Instruction, Label, Opcode, Program, Register, Value, Variable,
};

/// Address of the first `.var` word (`x86.py`'s data segment).
pub const DATA_ADDRESS: u32 = 100;
/// Default address of the first instruction (`x86.py -L`).
pub const DEFAULT_LOAD_ADDRESS: u32 = 1000;
/// Most instructions in one program.
pub const MAX_INSTRUCTIONS: u32 = 10_000;
/// Highest load address: the code must end below `u32::MAX`.
pub const MAX_LOAD_ADDRESS: u32 = u32::MAX - MAX_INSTRUCTIONS - 1;

/// One problem in a program's text, with the 1-based line it is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The 1-based source line.
    pub line: u32,
    /// What is wrong there.
    pub kind: ParseErrorKind,
}

/// What kind of operand was found where it is not allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParseErrorKind {
    /// The program has no instruction at all (reported on its last line, or line 1 if empty).
    NoInstructions,
    /// The load address is above [`MAX_LOAD_ADDRESS`] (reported on line 1).
    LoadAddressTooHigh,
    /// This line holds instruction number [`MAX_INSTRUCTIONS`] + 1.
    TooManyInstructions,
    /// The first word is not one of the opcodes `x86.py` knows.
    UnknownOpcode,
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

impl Program {
    /// Parses a program loaded at [`DEFAULT_LOAD_ADDRESS`].
    pub fn parse(source: &str) -> Result<Program, Vec<ParseError>> {
        Program::parse_at(source, DEFAULT_LOAD_ADDRESS)
    }

    /// Parses a program whose first instruction is at `load_address` (`x86.py -L`). Every error
    /// is reported, sorted by line.
    pub fn parse_at(source: &str, load_address: u32) -> Result<Program, Vec<ParseError>> {
        if load_address > MAX_LOAD_ADDRESS {
            return Err(alloc::vec![ParseError {
                line: 1,
                kind: ParseErrorKind::LoadAddressTooHigh,
            }]);
        }
        let mut parser = Parser {
            load_address,
            errors: Vec::new(),
            variables: Vec::new(),
            variable_lines: BTreeMap::new(),
            labels: Vec::new(),
            label_lines: BTreeMap::new(),
            instruction_lines: Vec::new(),
        };
        let mut last_line = 1;
        for (index, raw) in source.lines().enumerate() {
            let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
            last_line = line;
            parser.first_pass(line, raw);
        }
        let end = load_address.saturating_add(parser.instruction_lines.len() as u32);
        let mut instructions = Vec::new();
        let mut lines = Vec::new();
        for (line, text) in core::mem::take(&mut parser.instruction_lines) {
            match parser.instruction(text, end) {
                Ok(instruction) => instructions.push(instruction),
                Err(kind) => parser.errors.push(ParseError { line, kind }),
            }
            lines.push(line);
        }
        if lines.is_empty() && parser.errors.is_empty() {
            parser.errors.push(ParseError {
                line: last_line,
                kind: ParseErrorKind::NoInstructions,
            });
        }
        if !parser.errors.is_empty() {
            let mut errors = parser.errors;
            errors.sort_by_key(|error| error.line);
            return Err(errors);
        }
        Ok(Program {
            load_address,
            instructions,
            lines,
            variables: parser.variables,
            labels: parser.labels,
        })
    }
}

struct Parser<'a> {
    load_address: u32,
    errors: Vec<ParseError>,
    variables: Vec<Variable>,
    variable_lines: BTreeMap<&'a str, u32>,
    labels: Vec<Label>,
    label_lines: BTreeMap<&'a str, u32>,
    instruction_lines: Vec<(u32, &'a str)>,
}

enum Operand<'a> {
    Immediate(i64),
    Register(Register),
    Label(&'a str),
    Memory { address: Address, indexed: bool },
}

impl Operand<'_> {
    fn kind(&self) -> OperandKind {
        match self {
            Operand::Immediate(_) => OperandKind::Immediate,
            Operand::Register(_) => OperandKind::Register,
            Operand::Label(_) => OperandKind::Label,
            Operand::Memory { .. } => OperandKind::Memory,
        }
    }
}

fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || character == '_')
}

fn without_comment(raw: &str) -> &str {
    raw.split('#').next().unwrap_or("").trim()
}

impl<'a> Parser<'a> {
    fn error(&mut self, line: u32, kind: ParseErrorKind) {
        self.errors.push(ParseError { line, kind });
    }

    fn first_pass(&mut self, line: u32, raw: &'a str) {
        let text = without_comment(raw);
        let mut fields = text.split_whitespace();
        let Some(first) = fields.next() else {
            return;
        };
        if first == ".var" {
            self.declare_variable(line, text);
        } else if let Some(name) = first.strip_prefix('.') {
            if fields.next().is_some() {
                self.error(line, ParseErrorKind::TextAfterLabel);
            } else if !is_name(name) {
                self.error(line, ParseErrorKind::BadLabelName);
            } else if let Some(&first_line) = self.label_lines.get(first) {
                self.error(line, ParseErrorKind::DuplicateLabel { first_line });
            } else {
                self.label_lines.insert(first, line);
                let address = self
                    .load_address
                    .saturating_add(self.instruction_lines.len() as u32);
                self.labels.push(Label {
                    name: first.to_string(),
                    address,
                });
            }
        } else if first.ends_with(':') {
            self.error(line, ParseErrorKind::LabelWithColon);
        } else if self.instruction_lines.len() as u32 == MAX_INSTRUCTIONS {
            self.error(line, ParseErrorKind::TooManyInstructions);
        } else {
            self.instruction_lines.push((line, text));
        }
    }

    fn declare_variable(&mut self, line: u32, text: &'a str) {
        let fields: Vec<&str> = text.split_whitespace().collect();
        if fields.len() != 2 && fields.len() != 3 {
            return self.error(line, ParseErrorKind::VarFieldCount);
        }
        let name = fields[1];
        if !name.starts_with(|character: char| character.is_ascii_alphabetic()) || !is_name(name) {
            return self.error(line, ParseErrorKind::BadVarName);
        }
        let words = match fields.get(2) {
            None => 1,
            Some(size) => match size.parse::<u32>() {
                Ok(words) if words >= 1 && size.bytes().all(|byte| byte.is_ascii_digit()) => words,
                _ => return self.error(line, ParseErrorKind::BadVarSize),
            },
        };
        if let Some(&first_line) = self.variable_lines.get(name) {
            return self.error(line, ParseErrorKind::DuplicateVariable { first_line });
        }
        let address = self
            .variables
            .last()
            .map_or(DATA_ADDRESS, |last| last.address + 4 * last.words);
        let end = words
            .checked_mul(4)
            .and_then(|bytes| address.checked_add(bytes));
        match end {
            Some(end) if end < self.load_address => {}
            _ => return self.error(line, ParseErrorKind::DataOverrunsCode),
        }
        self.variable_lines.insert(name, line);
        self.variables.push(Variable {
            name: name.to_string(),
            address,
            words,
        });
    }

    fn instruction(&self, text: &'a str, end: u32) -> Result<Instruction, ParseErrorKind> {
        let (mnemonic, rest) = match text.split_once(char::is_whitespace) {
            Some((mnemonic, rest)) => (mnemonic, rest.trim()),
            None => (text, ""),
        };
        let opcode = Opcode::from_name(mnemonic).ok_or(ParseErrorKind::UnknownOpcode)?;
        let texts = split_operands(rest)?;
        let (fewest, most) = opcode.operand_counts();
        let found = u8::try_from(texts.len()).unwrap_or(u8::MAX);
        if found < fewest || found > most {
            return Err(ParseErrorKind::WrongOperandCount { opcode, found });
        }
        let mut operands = Vec::with_capacity(texts.len());
        for (index, operand_text) in texts.into_iter().enumerate() {
            operands.push(self.operand(operand_text, index as u8 + 1)?);
        }
        Build {
            opcode,
            operands: &operands,
            parser: self,
            end,
        }
        .instruction()
    }

    fn operand(&self, text: &'a str, number: u8) -> Result<Operand<'a>, ParseErrorKind> {
        let bad = ParseErrorKind::BadOperand { operand: number };
        if let Some(value) = text.strip_prefix('$') {
            return signed_decimal(value, number).map(Operand::Immediate);
        }
        if let Some(name) = text.strip_prefix('%') {
            return register(name, number).map(Operand::Register);
        }
        if let Some(name) = text.strip_prefix('.') {
            return if is_name(name) {
                Ok(Operand::Label(text))
            } else {
                Err(bad)
            };
        }
        if text.starts_with(|character: char| character.is_ascii_alphabetic()) {
            if !is_name(text) {
                return Err(bad);
            }
            let variable = self
                .variables
                .iter()
                .find(|variable| variable.name == text)
                .ok_or(ParseErrorKind::UnknownVariable { operand: number })?;
            return Ok(Operand::Memory {
                address: Address {
                    offset: i64::from(variable.address),
                    base: None,
                    index: None,
                    scale: 1,
                },
                indexed: false,
            });
        }
        memory(text, number)
    }
}

/// Splits at commas outside parentheses; rejects nested or unbalanced parentheses and empty operands.
fn split_operands(rest: &str) -> Result<Vec<&str>, ParseErrorKind> {
    let mut operands = Vec::new();
    if rest.is_empty() {
        return Ok(operands);
    }
    let mut depth = 0u8;
    let mut start = 0;
    for (position, character) in rest.char_indices() {
        let number = operands.len() as u8 + 1;
        match character {
            '(' if depth == 0 => depth = 1,
            ')' if depth == 1 => depth = 0,
            '(' | ')' => return Err(ParseErrorKind::BadOperand { operand: number }),
            ',' if depth == 0 => {
                operands.push(rest[start..position].trim());
                start = position + 1;
            }
            _ => {}
        }
    }
    operands.push(rest[start..].trim());
    let number = operands.len() as u8;
    if depth != 0 {
        return Err(ParseErrorKind::BadOperand { operand: number });
    }
    match operands.iter().position(|operand| operand.is_empty()) {
        Some(index) => Err(ParseErrorKind::BadOperand {
            operand: index as u8 + 1,
        }),
        None => Ok(operands),
    }
}

fn register(name: &str, number: u8) -> Result<Register, ParseErrorKind> {
    Register::from_name(name).ok_or(ParseErrorKind::UnknownRegister { operand: number })
}

/// `digits` or `-digits`, as `x86.py` accepts after `$` and in addresses.
fn signed_decimal(text: &str, number: u8) -> Result<i64, ParseErrorKind> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(ParseErrorKind::BadOperand { operand: number });
    }
    text.parse::<i64>()
        .map_err(|_| ParseErrorKind::NumberTooLarge { operand: number })
}

fn optional_register(text: &str, number: u8) -> Result<Option<Register>, ParseErrorKind> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.strip_prefix('%') {
        Some(name) => register(name, number).map(Some),
        None => Err(ParseErrorKind::BadOperand { operand: number }),
    }
}

/// `address`, `-address`, `off(%base)`, `(%base)`, `off(%base,%index)`, `off(%base,%index,scale)`.
fn memory(text: &str, number: u8) -> Result<Operand<'static>, ParseErrorKind> {
    let bad = ParseErrorKind::BadOperand { operand: number };
    let Some((prefix, inside)) = text.split_once('(') else {
        let offset = signed_decimal(text, number)?;
        return Ok(Operand::Memory {
            address: Address {
                offset,
                base: None,
                index: None,
                scale: 1,
            },
            indexed: false,
        });
    };
    let inside = inside.strip_suffix(')').ok_or(bad)?;
    let offset = if prefix.trim().is_empty() {
        0
    } else {
        signed_decimal(prefix.trim(), number)?
    };
    let parts: Vec<&str> = inside.split(',').collect();
    let base = optional_register(parts[0], number)?;
    let (index, scale) = match parts.as_slice() {
        [_] => (None, 1),
        [_, index] => (optional_register(index, number)?, 1),
        [_, index, scale] => (
            optional_register(index, number)?,
            signed_decimal(scale.trim(), number)?,
        ),
        _ => return Err(bad),
    };
    Ok(Operand::Memory {
        address: Address {
            offset,
            base,
            index,
            scale,
        },
        indexed: parts.len() > 1,
    })
}

struct Build<'p, 'a> {
    opcode: Opcode,
    operands: &'p [Operand<'a>],
    parser: &'p Parser<'a>,
    end: u32,
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

    fn instruction(&self) -> Result<Instruction, ParseErrorKind> {
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
