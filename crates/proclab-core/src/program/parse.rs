//! The one fallible constructor of a [`Program`]: `x86.py` assembly text in, a validated
//! program or every problem found (as [`ParseError`] codes with their 1-based line) out.
//! This file owns lines, labels, `.var` and assembling the program; reading one operand is in
//! `operand.rs`, choosing the instruction in `select.rs`, the error codes in `parse_error.rs`.
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
//!
//! ProcLab's sync objects (a program using them runs only in a scenario, not in `proclab x86`):
//! `.mutex name`, `.sem name initial` and `.cond name` declare them (so none of these is a
//! label), in one set of names; `lock m`, `unlock m`, `wait s`, `signal s`, `wait c, m`,
//! `signal c` and `broadcast c` name them, and each operand must be a declared object of the
//! kind the instruction takes (`signal` takes a semaphore or a condition).

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::isa::{Instruction, Label, MessageOp, Program, QueueDecl, Semaphore, SyncOp, Variable};
use super::opcode::Opcode;
use super::operand::{is_name, split_operands};
use super::parse_error::{ParseError, ParseErrorKind};
use super::select::Build;

/// Address of the first `.var` word (`x86.py`'s data segment).
pub const DATA_ADDRESS: u32 = 100;
/// Default address of the first instruction (`x86.py -L`).
pub const DEFAULT_LOAD_ADDRESS: u32 = 1000;
/// Most instructions in one program.
pub const MAX_INSTRUCTIONS: u32 = 10_000;
/// Longest I/O an `io $n` instruction may ask for, in ticks.
pub const MAX_IO_TICKS: u64 = 1_000_000;
/// The most ticks one `cpu $n` computes, as many as one `io $n` waits (each tick counts against
/// the instruction budget, which bounds the run).
pub const MAX_CPU_TICKS: u64 = 1_000_000;
/// Most messages a queue holds.
pub const MAX_QUEUE_CAPACITY: u32 = 1_000;
/// Highest load address: the code must end below `u32::MAX`.
pub const MAX_LOAD_ADDRESS: u32 = u32::MAX - MAX_INSTRUCTIONS - 1;

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
            mutexes: Vec::new(),
            semaphores: Vec::new(),
            queues: Vec::new(),
            pipes: Vec::new(),
            conditions: Vec::new(),
            shared: Vec::new(),
            shared_semaphores: Vec::new(),
            shared_semaphore_lines: Vec::new(),
            shared_mutexes: Vec::new(),
            sync_lines: BTreeMap::new(),
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
            mutexes: parser.mutexes,
            semaphores: parser.semaphores,
            queues: parser.queues,
            pipes: parser.pipes,
            conditions: parser.conditions,
            shared: parser.shared,
            shared_semaphores: parser.shared_semaphores,
            shared_semaphore_lines: parser.shared_semaphore_lines,
            shared_mutexes: parser.shared_mutexes,
        })
    }
}

pub(super) struct Parser<'a> {
    load_address: u32,
    errors: Vec<ParseError>,
    pub(super) variables: Vec<Variable>,
    variable_lines: BTreeMap<&'a str, u32>,
    pub(super) labels: Vec<Label>,
    label_lines: BTreeMap<&'a str, u32>,
    instruction_lines: Vec<(u32, &'a str)>,
    mutexes: Vec<String>,
    semaphores: Vec<Semaphore>,
    queues: Vec<QueueDecl>,
    pipes: Vec<QueueDecl>,
    conditions: Vec<String>,
    shared: Vec<(u32, u32)>,
    shared_semaphores: Vec<Semaphore>,
    shared_semaphore_lines: Vec<u32>,
    shared_mutexes: Vec<(String, u32)>,
    sync_lines: BTreeMap<&'a str, u32>,
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
        } else if first == ".shared" {
            self.declare_shared(line, text);
        } else if first == ".queue" || first == ".pipe" {
            self.declare_queue(line, text, first == ".pipe");
        } else if first == ".mutex" || first == ".sem" || first == ".cond" {
            self.declare_sync(line, text);
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

    /// `.shared name [words]`, a variable of the shared segment (as `.var`),
    /// `.shared sem name [initial]`, a semaphore of the segment (as `.sem`), or
    /// `.shared mutex name`, a mutex of the segment (as `.mutex`).
    fn declare_shared(&mut self, line: u32, text: &'a str) {
        let fields: Vec<&str> = text.split_whitespace().collect();
        if fields.get(1) == Some(&"mutex") && fields.len() == 3 {
            let rest = text.trim_start()[".shared".len()..].trim_start();
            let before = self.mutexes.len();
            let errors = self.errors.len();
            // `mutex name` reads as `.mutex name`; the mutex then moves to the segment's list.
            self.declare_sync(line, rest);
            if self.errors.len() == errors && self.mutexes.len() > before {
                if let Some(mutex) = self.mutexes.pop() {
                    self.shared_mutexes.push((mutex, line));
                }
            }
            return;
        }
        if fields.get(1) == Some(&"sem") && (fields.len() == 3 || fields.len() == 4) {
            let rest = text.trim_start()[".shared".len()..].trim_start();
            let before = self.semaphores.len();
            let errors = self.errors.len();
            // `sem name initial` reads as `.sem name initial`; the semaphore then moves to the
            // segment's list.
            self.declare_sync(line, rest);
            if self.errors.len() == errors && self.semaphores.len() > before {
                if let Some(semaphore) = self.semaphores.pop() {
                    self.shared_semaphores.push(semaphore);
                    self.shared_semaphore_lines.push(line);
                }
            }
            return;
        }
        let before = self.variables.len();
        self.declare_variable(line, text);
        if self.variables.len() > before {
            self.shared.push((before as u32, line));
        }
    }

    /// `.mutex name`, `.sem name [initial]` (initial 0 unless given) or `.cond name`. The three
    /// kinds share one set of names, so `signal name` means one thing.
    fn declare_sync(&mut self, line: u32, text: &'a str) {
        let fields: Vec<&str> = text.split_whitespace().collect();
        let semaphore = fields[0] == ".sem" || fields[0] == "sem";
        let count_ok = fields.len() == 2 || (semaphore && fields.len() == 3);
        let name = fields.get(1).copied().unwrap_or("");
        let named =
            name.starts_with(|character: char| character.is_ascii_alphabetic()) && is_name(name);
        let initial = match fields.get(2) {
            None => Some(0),
            Some(value) if value.bytes().all(|byte| byte.is_ascii_digit()) => {
                value.parse::<u32>().ok()
            }
            Some(_) => None,
        };
        let (true, true, Some(initial)) = (count_ok, named, initial) else {
            return self.error(line, ParseErrorKind::BadSyncDeclaration);
        };
        if let Some(&first_line) = self.sync_lines.get(name) {
            return self.error(line, ParseErrorKind::DuplicateSyncObject { first_line });
        }
        self.sync_lines.insert(name, line);
        match fields[0] {
            ".mutex" | "mutex" => self.mutexes.push(name.to_string()),
            ".cond" => self.conditions.push(name.to_string()),
            _ => self.semaphores.push(Semaphore {
                name: name.to_string(),
                initial,
            }),
        }
    }

    /// `.queue name capacity` (1 to [`MAX_QUEUE_CAPACITY`] messages), or with `pipe`
    /// `.pipe name capacity` (1 to [`MAX_QUEUE_CAPACITY`] bytes; any other number is
    /// `PipeCapacityOutOfRange`).
    fn declare_queue(&mut self, line: u32, text: &'a str, pipe: bool) {
        let fields: Vec<&str> = text.split_whitespace().collect();
        let name = fields.get(1).copied().unwrap_or("");
        let named =
            name.starts_with(|character: char| character.is_ascii_alphabetic()) && is_name(name);
        let number = fields
            .get(2)
            .filter(|value| value.bytes().all(|byte| byte.is_ascii_digit()));
        let capacity = number
            .and_then(|value| value.parse::<u32>().ok())
            .filter(|capacity| (1..=MAX_QUEUE_CAPACITY).contains(capacity));
        if pipe && fields.len() == 3 && named && number.is_some() && capacity.is_none() {
            return self.error(
                line,
                ParseErrorKind::PipeCapacityOutOfRange {
                    max: MAX_QUEUE_CAPACITY,
                },
            );
        }
        let (true, true, Some(capacity)) = (fields.len() == 3, named, capacity) else {
            return self.error(line, ParseErrorKind::BadSyncDeclaration);
        };
        if let Some(&first_line) = self.sync_lines.get(name) {
            return self.error(line, ParseErrorKind::DuplicateSyncObject { first_line });
        }
        self.sync_lines.insert(name, line);
        let declared = QueueDecl {
            name: name.to_string(),
            capacity,
            line,
        };
        if pipe {
            self.pipes.push(declared);
        } else {
            self.queues.push(declared);
        }
    }

    /// `write p, %r`, `read p, %r` or `close p` on a declared pipe.
    fn pipe(&self, opcode: Opcode, texts: &[&str]) -> Result<Instruction, ParseErrorKind> {
        let name = texts.first().copied().unwrap_or("");
        let pipe = self
            .pipes
            .iter()
            .position(|pipe| pipe.name == name)
            .ok_or(ParseErrorKind::UnknownSyncObject { opcode })? as u32;
        if opcode == Opcode::Close {
            return Ok(Instruction::Message(MessageOp::Close { pipe }));
        }
        let register = match texts.get(1).map(|text| self.operand(text, 2)).transpose()? {
            Some(super::operand::Operand::Register(register)) => register,
            Some(other) => {
                return Err(ParseErrorKind::OperandNotAllowed {
                    opcode,
                    operand: 2,
                    found: other.kind(),
                })
            }
            None => return Err(ParseErrorKind::WrongOperandCount { opcode, found: 1 }),
        };
        Ok(Instruction::Message(if opcode == Opcode::Write {
            MessageOp::Write { pipe, register }
        } else {
            MessageOp::Read { pipe, register }
        }))
    }

    /// `send q, %r` or `recv q, %r` on a declared queue.
    fn message(&self, opcode: Opcode, texts: &[&str]) -> Result<Instruction, ParseErrorKind> {
        let [name, register] = texts else {
            return Err(ParseErrorKind::UnknownSyncObject { opcode });
        };
        let queue = self
            .queues
            .iter()
            .position(|queue| queue.name == *name)
            .ok_or(ParseErrorKind::UnknownSyncObject { opcode })? as u32;
        let register = match self.operand(register, 2)? {
            super::operand::Operand::Register(register) => register,
            other => {
                return Err(ParseErrorKind::OperandNotAllowed {
                    opcode,
                    operand: 2,
                    found: other.kind(),
                })
            }
        };
        Ok(Instruction::Message(if opcode == Opcode::Send {
            MessageOp::Send { queue, register }
        } else {
            MessageOp::Recv { queue, register }
        }))
    }

    /// The operation of `lock m`, `unlock m`, `wait s`, `signal s`, `wait c, m`, `signal c` or
    /// `broadcast c` on declared objects of the right kinds.
    fn sync(&self, opcode: Opcode, names: &[&str]) -> Result<Instruction, ParseErrorKind> {
        let index = |names: &[String], name: &str| {
            names
                .iter()
                .position(|declared| declared == name)
                .map(|index| index as u32)
        };
        let mutex = |name: &str| index(&self.mutexes, name);
        let condition = |name: &str| index(&self.conditions, name);
        let semaphore = |name: &str| {
            self.semaphores
                .iter()
                .position(|semaphore| semaphore.name == name)
                .map(|index| index as u32)
        };
        let shared = |name: &str| {
            self.shared_semaphores
                .iter()
                .position(|semaphore| semaphore.name == name)
                .map(|index| index as u32)
        };
        let shared_mutex = |name: &str| {
            self.shared_mutexes
                .iter()
                .position(|(declared, _)| declared == name)
                .map(|index| index as u32)
        };
        match (opcode, names) {
            (Opcode::Lock, [name]) if shared_mutex(name).is_some() => {
                let mutex = shared_mutex(name).unwrap_or(0);
                return Ok(Instruction::Message(MessageOp::SharedLock { mutex }));
            }
            (Opcode::Unlock, [name]) if shared_mutex(name).is_some() => {
                let mutex = shared_mutex(name).unwrap_or(0);
                return Ok(Instruction::Message(MessageOp::SharedUnlock { mutex }));
            }
            (Opcode::Wait, [name]) if shared(name).is_some() => {
                let sem = shared(name).unwrap_or(0);
                return Ok(Instruction::Message(MessageOp::SharedWait { sem }));
            }
            (Opcode::Signal, [name]) if shared(name).is_some() => {
                let sem = shared(name).unwrap_or(0);
                return Ok(Instruction::Message(MessageOp::SharedSignal { sem }));
            }
            _ => {}
        }
        let found = match (opcode, names) {
            (Opcode::Lock, [name]) => mutex(name).map(SyncOp::Lock),
            (Opcode::Unlock, [name]) => mutex(name).map(SyncOp::Unlock),
            (Opcode::Wait, [name]) => semaphore(name).map(SyncOp::Wait),
            (Opcode::Wait, [condition_name, mutex_name]) => condition(condition_name)
                .zip(mutex(mutex_name))
                .map(|(condition, mutex)| SyncOp::WaitCondition { condition, mutex }),
            (Opcode::Signal, [name]) => semaphore(name)
                .map(SyncOp::Signal)
                .or_else(|| condition(name).map(SyncOp::SignalCondition)),
            (Opcode::Broadcast, [name]) => condition(name).map(SyncOp::Broadcast),
            _ => None,
        };
        found
            .map(Instruction::Sync)
            .ok_or(ParseErrorKind::UnknownSyncObject { opcode })
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
        if matches!(
            opcode,
            Opcode::Lock | Opcode::Unlock | Opcode::Wait | Opcode::Signal | Opcode::Broadcast
        ) {
            return self.sync(opcode, &texts);
        }
        if matches!(opcode, Opcode::Send | Opcode::Recv) {
            return self.message(opcode, &texts);
        }
        if matches!(opcode, Opcode::Write | Opcode::Read | Opcode::Close) {
            return self.pipe(opcode, &texts);
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
}
