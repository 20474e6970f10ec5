//! Reading the typed text: whole numbers field by field ([`Reader`], which records every field
//! that could not be read) and the burst notation (`5 io3 2`).

use proclab_core::spec::BurstSpec;

use super::field::{FieldId, InputError};

/// Reads whole numbers, recording which fields could not be read.
pub(super) struct Reader {
    pub(super) errors: Vec<(FieldId, InputError)>,
}

impl Reader {
    pub(super) fn number<T: core::str::FromStr + Default>(
        &mut self,
        field: FieldId,
        text: &str,
    ) -> T {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            self.errors.push((field, InputError::Missing));
            return T::default();
        }
        trimmed.parse().unwrap_or_else(|_| {
            self.errors.push((field, unreadable(trimmed)));
            T::default()
        })
    }

    /// A number, or `default` when the field is empty.
    pub(super) fn number_or<T: core::str::FromStr>(
        &mut self,
        field: FieldId,
        text: &str,
        default: T,
    ) -> T {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return default;
        }
        trimmed.parse().unwrap_or_else(|_| {
            self.errors.push((field, unreadable(trimmed)));
            default
        })
    }

    /// A list of CPU numbers separated by spaces, commas or dots (`0 2`, `0,2`, `multi.py`'s
    /// `0.2`); empty is no list (any CPU).
    pub(super) fn cpu_list(&mut self, field: FieldId, text: &str) -> Vec<u32> {
        let mut cpus = Vec::new();
        for token in text
            .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
            .filter(|token| !token.is_empty())
        {
            match token.parse() {
                Ok(cpu) => cpus.push(cpu),
                Err(_) => {
                    self.errors.push((field, unreadable(token)));
                    return Vec::new();
                }
            }
        }
        cpus
    }

    pub(super) fn optional<T: core::str::FromStr>(
        &mut self,
        field: FieldId,
        text: &str,
    ) -> Option<T> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        match trimmed.parse() {
            Ok(value) => Some(value),
            Err(_) => {
                self.errors.push((field, unreadable(trimmed)));
                None
            }
        }
    }

    pub(super) fn bursts(&mut self, field: FieldId, text: &str) -> Vec<BurstSpec> {
        match parse_bursts(text) {
            Ok(bursts) => bursts,
            Err(error) => {
                self.errors.push((field, error));
                Vec::new()
            }
        }
    }
}

/// Why `text` (trimmed, not read as a number of the field's type) is not one: a negative whole
/// number, a whole number too large for the field, or not a whole number at all.
fn unreadable(text: &str) -> InputError {
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit());
    match text.strip_prefix('-') {
        Some(rest) if digits(rest) => InputError::Negative,
        _ if digits(text.strip_prefix('+').unwrap_or(text)) => InputError::TooLarge,
        _ => InputError::NotANumber,
    }
}

/// Parses burst notation: whitespace- or comma-separated tokens, `N` a CPU burst of N ticks and
/// `ioN` (or `iN`) an I/O burst. Order and alternation are the core's to check.
pub fn parse_bursts(text: &str) -> Result<Vec<BurstSpec>, InputError> {
    let mut bursts = Vec::new();
    for (position, token) in text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        let lower = token.to_ascii_lowercase();
        let (is_io, digits) = match lower.strip_prefix("io").or_else(|| lower.strip_prefix('i')) {
            Some(rest) => (true, rest.trim_start_matches(':')),
            None => (
                false,
                lower.trim_start_matches("cpu").trim_start_matches(':'),
            ),
        };
        let length: u64 = digits
            .parse()
            .map_err(|_| InputError::BadBurstToken { position })?;
        bursts.push(if is_io {
            BurstSpec::Io(length)
        } else {
            BurstSpec::Cpu(length)
        });
    }
    if bursts.is_empty() {
        return Err(InputError::Missing);
    }
    Ok(bursts)
}

/// Writes bursts in the notation [`parse_bursts`] reads.
pub fn format_bursts(bursts: &[BurstSpec]) -> String {
    bursts
        .iter()
        .map(|burst| match burst {
            BurstSpec::Cpu(length) => length.to_string(),
            BurstSpec::Io(length) => format!("io{length}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_that_cannot_be_read_is_told_apart_negative_too_large_or_not_a_number() {
        let mut reader = Reader { errors: Vec::new() };
        let field = FieldId::Quantum;
        assert_eq!(reader.number::<u64>(field, " -1 "), 0);
        assert_eq!(reader.number_or::<u64>(field, "18446744073709551616", 7), 7);
        assert_eq!(reader.optional::<u64>(field, "abc"), None);
        assert_eq!(reader.cpu_list(field, "0 -2"), Vec::<u32>::new());
        assert_eq!(reader.number::<u64>(field, "1.5"), 0);
        let errors: Vec<InputError> = reader.errors.iter().map(|(_, error)| *error).collect();
        assert_eq!(
            errors,
            [
                InputError::Negative,
                InputError::TooLarge,
                InputError::NotANumber,
                InputError::Negative,
                InputError::NotANumber,
            ]
        );
    }
}
