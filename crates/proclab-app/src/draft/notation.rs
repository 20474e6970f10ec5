//! Reading the typed text: whole numbers field by field ([`Reader`], which records every field
//! that could not be read) and the burst notation (`5 io3 2`).

use proclab_core::spec::{BurstSpec, SemaphoreSpec};

use super::field::{FieldId, InputError};
use crate::lang::halfwidth;

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
        let text = halfwidth(text);
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
        let text = halfwidth(text);
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
        let text = halfwidth(text);
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
        let text = halfwidth(text);
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

    pub(super) fn semaphores(&mut self, text: &str) -> Vec<SemaphoreSpec> {
        parse_semaphores(text).unwrap_or_else(|error| {
            self.errors.push((FieldId::Semaphores, error));
            Vec::new()
        })
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
    match text.strip_prefix('-') {
        Some(rest) if is_whole(rest) => InputError::Negative,
        _ if is_whole(text.strip_prefix('+').unwrap_or(text)) => InputError::TooLarge,
        _ => InputError::NotANumber,
    }
}

/// Digits only, at least one: a whole number however large.
fn is_whole(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// Why the number of a burst at `position` (`digits`, after any `io`) is not one: a minus sign,
/// too many ticks to hold, a fraction, or not a number at all.
fn unreadable_burst(digits: &str, position: usize) -> InputError {
    if digits.strip_prefix('-').is_some_and(is_whole) {
        InputError::NegativeBurst { position }
    } else if is_whole(digits) {
        InputError::BurstTooLarge { position }
    } else if digits
        .split_once('.')
        .is_some_and(|(units, fraction)| is_whole(units) && is_whole(fraction))
    {
        InputError::FractionalBurst { position }
    } else {
        InputError::BadBurstToken {
            position,
            meant: None,
        }
    }
}

/// The operation a word is a slip or two from (`lok`, `unlcok`, `singal`), if any: at most one
/// edit for a word of four letters or fewer, two for longer ones, never the word itself.
fn meant_operation(word: &str) -> Option<&'static str> {
    let word = word.to_ascii_lowercase();
    let limit = if word.chars().count() <= 4 { 1 } else { 2 };
    ["lock", "unlock", "wait", "signal"]
        .into_iter()
        .map(|known| (crate::program_words::edits(&word, known), known))
        .filter(|(distance, _)| (1..=limit).contains(distance))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, known)| known)
}

/// Makes an operation from its object's name.
type MakeOperation = fn(String) -> BurstSpec;

/// The operations the burst notation names, with the textbook's P and V for `wait` and `signal`.
const OPERATIONS: [(&str, MakeOperation); 6] = [
    ("lock", BurstSpec::Lock),
    ("unlock", BurstSpec::Unlock),
    ("wait", BurstSpec::Wait),
    ("signal", BurstSpec::Signal),
    ("p", BurstSpec::Wait),
    ("v", BurstSpec::Signal),
];

/// Parses burst notation: whitespace- or comma-separated tokens, `N` a CPU burst of N ticks,
/// `ioN` (or `iN`) an I/O burst, and an operation between bursts followed by its object's name:
/// `lock m`, `unlock m`, `wait s`, `signal s` (also `lock(m)`, `lock:m`, and `P(s)`, `V(s)` for
/// `wait` and `signal`). Order, alternation and names are the core's to check.
/// A problem's position counts items as the core counts bursts: an operation and its name are
/// one item, so that "item 4" is the same item in every message.
pub fn parse_bursts(text: &str) -> Result<Vec<BurstSpec>, InputError> {
    let text = halfwidth(text);
    let mut bursts = Vec::new();
    let mut tokens = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .peekable();
    while let Some(token) = tokens.next() {
        let position = bursts.len();
        // The common token, a CPU burst's digits, goes straight to its number.
        if token.as_bytes()[0].is_ascii_digit() {
            let length = token
                .parse()
                .map_err(|_| unreadable_burst(token, position))?;
            bursts.push(BurstSpec::Cpu(length));
            continue;
        }
        if let Some(operation) = operation(token) {
            let burst = match operation {
                Ok(burst) => burst,
                // The name is the next item.
                Err(make) => match tokens.next_if(|next| !next.is_empty()) {
                    Some(name) => make(String::from(name)),
                    None => return Err(InputError::OperationWithoutName { position }),
                },
            };
            bursts.push(burst);
            continue;
        }
        // Letters in any case, read without copying the token: a file of millions of bursts
        // becomes its scenario again without a string for each.
        let (is_io, digits) = match strip_word(token, "io").or_else(|| strip_word(token, "i")) {
            Some(rest) => (true, rest.trim_start_matches(':')),
            None => {
                let mut rest = token;
                while let Some(after) = strip_word(rest, "cpu") {
                    rest = after;
                }
                (false, rest.trim_start_matches(':'))
            }
        };
        if is_io && digits.is_empty() {
            return Err(InputError::IoWithoutLength { position });
        }
        let length: u64 = digits
            .parse()
            .map_err(|_| match unreadable_burst(digits, position) {
                InputError::BadBurstToken { position, .. } => InputError::BadBurstToken {
                    position,
                    meant: meant_operation(token),
                },
                other => other,
            })?;
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

/// An operation token: with its name attached (`lock(m)`, `lock:m`) the operation, else (`lock`)
/// how to make it from the next item. `None` if the token is no operation.
fn operation(token: &str) -> Option<Result<BurstSpec, MakeOperation>> {
    OPERATIONS.iter().find_map(|&(word, make)| {
        // The name keeps its case: it is cut from the token as typed.
        let name = strip_word(token, word)?;
        if name.is_empty() {
            return Some(Err(make));
        }
        let name = match name.strip_prefix('(') {
            Some(inner) => inner.strip_suffix(')')?,
            None => name.strip_prefix(':')?,
        };
        (!name.is_empty()).then(|| Ok(make(String::from(name))))
    })
}

/// `text` after `word` (ASCII letters) written in any case at its start.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let head = text.as_bytes().get(..word.len())?;
    // Equal to ASCII letters, the head is ASCII, so `word.len()` is a character boundary.
    head.eq_ignore_ascii_case(word.as_bytes())
        .then(|| &text[word.len()..])
}

/// Parses the initial values of semaphores named between bursts: `s=1 full=0` (whitespace- or
/// comma-separated `name=value`; empty: none listed, every one starts at 0). Names and ranges are
/// the core's to check.
pub fn parse_semaphores(text: &str) -> Result<Vec<SemaphoreSpec>, InputError> {
    halfwidth(text)
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .enumerate()
        .map(|(position, token)| {
            let bad = InputError::BadSemaphoreToken { position };
            let (name, value) = token.split_once('=').ok_or(bad)?;
            let value = value.trim();
            if value.starts_with('-') && unreadable(value) == InputError::Negative {
                return Err(InputError::NegativeSemaphore { position });
            }
            let initial = value.parse::<u32>().map_err(|_| match unreadable(value) {
                InputError::TooLarge => InputError::TooLarge,
                _ => bad,
            })?;
            Ok(SemaphoreSpec {
                name: String::from(name.trim()),
                initial,
            })
        })
        .collect()
}

/// Writes semaphores' initial values as [`parse_semaphores`] reads them.
pub fn format_semaphores(semaphores: &[SemaphoreSpec]) -> String {
    semaphores
        .iter()
        .map(|semaphore| format!("{}={}", semaphore.name, semaphore.initial))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes bursts in the notation [`parse_bursts`] reads.
pub fn format_bursts(bursts: &[BurstSpec]) -> String {
    use core::fmt::Write;
    // One string for the whole list: a file of millions of bursts becomes its form without a
    // string for each burst.
    let mut text = String::with_capacity(bursts.len() * 4);
    for (index, burst) in bursts.iter().enumerate() {
        if index > 0 {
            text.push(' ');
        }
        let _ = match burst {
            BurstSpec::Cpu(length) => write!(text, "{length}"),
            BurstSpec::Io(length) => write!(text, "io{length}"),
            other => {
                let (operation, name) = other.operation().unwrap_or(("", ""));
                write!(text, "{operation} {name}")
            }
        };
    }
    text
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

    #[test]
    fn full_width_digits_from_an_input_method_read_as_numbers() {
        let mut reader = Reader { errors: Vec::new() };
        assert_eq!(reader.number::<u64>(FieldId::Quantum, "１２"), 12);
        assert_eq!(reader.number_or::<u64>(FieldId::Quantum, "３", 7), 3);
        assert_eq!(reader.optional::<u64>(FieldId::Quantum, "４"), Some(4));
        assert_eq!(reader.cpu_list(FieldId::Quantum, "０，２"), [0, 2]);
        assert_eq!(reader.errors, []);
        assert_eq!(parse_bursts("２　ｉｏ３ １"), parse_bursts("2 io3 1"));
        assert_eq!(parse_semaphores("ｓ＝１"), parse_semaphores("s=1"));
    }

    #[test]
    fn operations_between_bursts_are_read_in_every_spelling_and_written_back_one_way() {
        let lock = |name: &str| BurstSpec::Lock(name.into());
        let expected = vec![
            BurstSpec::Cpu(3),
            lock("Mx"),
            BurstSpec::Cpu(2),
            BurstSpec::Unlock("Mx".into()),
            BurstSpec::Io(4),
            BurstSpec::Wait("s".into()),
            BurstSpec::Signal("s".into()),
            BurstSpec::Cpu(1),
        ];
        for text in [
            "3 lock Mx 2 unlock Mx io4 wait s signal s 1",
            "3, LOCK(Mx), 2, unlock:Mx, io4, P(s), V s, 1",
        ] {
            assert_eq!(parse_bursts(text), Ok(expected.clone()), "{text}");
        }
        let written = format_bursts(&expected);
        assert_eq!(written, "3 lock Mx 2 unlock Mx io4 wait s signal s 1");
        assert_eq!(parse_bursts(&written), Ok(expected));
        assert_eq!(
            parse_bursts("3 lock"),
            Err(InputError::OperationWithoutName { position: 1 })
        );
        // A word that only starts like an operation is not one (but is taken for a slip).
        assert_eq!(
            parse_bursts("3 locked"),
            Err(InputError::BadBurstToken {
                position: 1,
                meant: Some("lock")
            })
        );
        // A slip of the keys is taken for the operation it nearly is.
        for (text, position, meant) in [
            ("2 lok m 3", 1, Some("lock")),
            ("2 lock m 3 unlcok m 1", 3, Some("unlock")),
            ("2 singal s 1", 1, Some("signal")),
            ("2 Wiat s 1", 1, Some("wait")),
            ("2 xyz 1", 1, None),
            ("2 io3x 1", 1, None),
        ] {
            assert_eq!(
                parse_bursts(text),
                Err(InputError::BadBurstToken { position, meant }),
                "{text}"
            );
        }
    }

    #[test]
    fn a_burst_with_a_minus_sign_is_told_apart_from_an_unreadable_one() {
        assert_eq!(
            parse_bursts("-5"),
            Err(InputError::NegativeBurst { position: 0 })
        );
        assert_eq!(
            parse_bursts("3 io-2"),
            Err(InputError::NegativeBurst { position: 1 })
        );
        // Too many ticks to hold, or a fraction: said as such, not as an unreadable item.
        for (text, error) in [
            (
                "99999999999999999999",
                InputError::BurstTooLarge { position: 0 },
            ),
            (
                "3 io99999999999999999999",
                InputError::BurstTooLarge { position: 1 },
            ),
            ("3.5", InputError::FractionalBurst { position: 0 }),
            ("2 io2.5", InputError::FractionalBurst { position: 1 }),
            (
                "3.",
                InputError::BadBurstToken {
                    position: 0,
                    meant: None,
                },
            ),
            (
                "3.5.1",
                InputError::BadBurstToken {
                    position: 0,
                    meant: None,
                },
            ),
        ] {
            assert_eq!(parse_bursts(text), Err(error), "{text}");
        }
        for text in ["3 -", "3 -x", "3 io-"] {
            assert_eq!(
                parse_bursts(text),
                Err(InputError::BadBurstToken {
                    position: 1,
                    meant: None
                }),
                "{text}"
            );
        }
    }

    #[test]
    fn bursts_are_read_in_any_case_and_spelling_and_written_back_one_way() {
        let expected = vec![
            BurstSpec::Cpu(5),
            BurstSpec::Io(3),
            BurstSpec::Cpu(12),
            BurstSpec::Io(7),
            BurstSpec::Cpu(1),
            BurstSpec::Io(2),
        ];
        for text in [
            "5 io3 12 io7 1 io2",
            "CPU5, IO:3, cpu:12 I7 Cpu1 iO2",
            "  5\tio:3\n12,,i:7 cpu:1 io2 ",
        ] {
            assert_eq!(parse_bursts(text), Ok(expected.clone()), "{text}");
        }
        assert_eq!(format_bursts(&expected), "5 io3 12 io7 1 io2");
        // A token that is neither digits nor a known spelling says where it is.
        for (text, position) in [("5 5io", 1), ("5 x3", 1), ("é5", 0)] {
            assert_eq!(
                parse_bursts(text),
                Err(InputError::BadBurstToken {
                    position,
                    meant: None
                }),
                "{text}"
            );
        }
        assert_eq!(parse_bursts(" , "), Err(InputError::Missing));
        // An I/O burst without its ticks (or with them after a space) is told so.
        for text in ["5 io", "5 io 3", "5 IO: 3", "5 i"] {
            assert_eq!(
                parse_bursts(text),
                Err(InputError::IoWithoutLength { position: 1 }),
                "{text}"
            );
        }
    }

    #[test]
    fn semaphores_initial_values_read_and_write_back() {
        let read = parse_semaphores(" s=1, full=0 ").expect("reads");
        assert_eq!(format_semaphores(&read), "s=1 full=0");
        assert_eq!(parse_semaphores(""), Ok(Vec::new()));
        assert_eq!(
            parse_semaphores("s=1 t"),
            Err(InputError::BadSemaphoreToken { position: 1 })
        );
        assert_eq!(
            parse_semaphores("s=-1"),
            Err(InputError::NegativeSemaphore { position: 0 })
        );
        assert_eq!(
            parse_semaphores("s=x"),
            Err(InputError::BadSemaphoreToken { position: 0 })
        );
        assert_eq!(
            parse_semaphores("s=1 t=99999999999"),
            Err(InputError::TooLarge)
        );
        assert_eq!(
            parse_semaphores("s=-99999999999999999999"),
            Err(InputError::NegativeSemaphore { position: 0 })
        );
    }
}
