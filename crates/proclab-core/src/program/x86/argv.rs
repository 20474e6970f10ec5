//! Reading `x86.py`'s command-line texts: `-a` (initial registers per thread, [`parse_argv`])
//! and `-P` (the schedule, [`parse_schedule`]).

use alloc::vec::Vec;

use crate::program::isa::Register;

/// A problem in an `x86.py -a` text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ArgvError {
    /// Neither one entry (for every thread) nor one per thread.
    CountMismatch {
        /// Entries given.
        given: u32,
        /// Threads.
        threads: u32,
    },
    /// A part of an entry is not `register=value`.
    NotAssignment {
        /// 0-based entry (thread).
        entry: u32,
    },
    /// A name that is not a register (or is `sp`, which is the stack bottom).
    UnknownRegister {
        /// 0-based entry (thread).
        entry: u32,
    },
    /// A value that is not a whole number.
    BadValue {
        /// 0-based entry (thread).
        entry: u32,
    },
    /// A whole number outside a register's 64-bit range.
    ValueTooLarge {
        /// 0-based entry (thread).
        entry: u32,
    },
}

/// Reads `x86.py -a`: entries separated by `,` (one per thread, or one for all), each a
/// `:`-separated list of `register=value`; an empty entry sets nothing.
pub fn parse_argv(text: &str, threads: u32) -> Result<Vec<Vec<(Register, i64)>>, ArgvError> {
    let entries: Vec<&str> = text.split(',').collect();
    let given = entries.len() as u32;
    if given != 1 && given != threads {
        return Err(ArgvError::CountMismatch { given, threads });
    }
    let mut parsed = Vec::new();
    for (entry, item) in entries.iter().enumerate() {
        let entry = entry as u32;
        let mut registers = Vec::new();
        if !item.trim().is_empty() {
            for assignment in item.split(':') {
                let (name, value) = assignment
                    .split_once('=')
                    .ok_or(ArgvError::NotAssignment { entry })?;
                let register = Register::from_name(name.trim())
                    .filter(|&register| register != Register::Sp)
                    .ok_or(ArgvError::UnknownRegister { entry })?;
                let value = value.trim();
                let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
                if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
                    return Err(ArgvError::BadValue { entry });
                }
                let value = value
                    .parse::<i64>()
                    .map_err(|_| ArgvError::ValueTooLarge { entry })?;
                registers.push((register, value));
            }
        }
        parsed.push(registers);
    }
    if given == 1 {
        let only = parsed.pop().unwrap_or_default();
        parsed = (0..threads).map(|_| only.clone()).collect();
    }
    Ok(parsed)
}

/// Reads `x86.py -P`: one digit per entry. Returns the 0-based position of the first non-digit.
pub fn parse_schedule(text: &str) -> Result<Vec<u32>, u32> {
    text.chars()
        .enumerate()
        .map(|(position, character)| character.to_digit(10).ok_or(position as u32))
        .collect()
}
