//! Reading one operand: `$imm`, `%reg`, `.label`, a variable, or a memory address in any of
//! `x86.py`'s addressing modes; and splitting an instruction's operand text at its commas.

use alloc::vec::Vec;

use super::isa::{Address, Register};
use super::parse::Parser;
use super::parse_error::{OperandKind, ParseErrorKind};

pub(super) enum Operand<'a> {
    Immediate(i64),
    Register(Register),
    Label(&'a str),
    Memory { address: Address, indexed: bool },
}

impl Operand<'_> {
    pub(super) fn kind(&self) -> OperandKind {
        match self {
            Operand::Immediate(_) => OperandKind::Immediate,
            Operand::Register(_) => OperandKind::Register,
            Operand::Label(_) => OperandKind::Label,
            Operand::Memory { .. } => OperandKind::Memory,
        }
    }
}

pub(super) fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || character == '_')
}

impl<'a> Parser<'a> {
    pub(super) fn operand(&self, text: &'a str, number: u8) -> Result<Operand<'a>, ParseErrorKind> {
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
pub(super) fn split_operands(rest: &str) -> Result<Vec<&str>, ParseErrorKind> {
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
