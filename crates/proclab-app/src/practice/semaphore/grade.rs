//! A student's answer to a semaphore exercise, read and marked against the key.

use super::key;
use crate::lang::halfwidth;
use crate::practice::grade::Verdict;
use crate::practice::set_at;
use proclab_core::Run;
use serde::{Deserialize, Serialize};

/// The answers as typed: a value per semaphore, and per thread the semaphore it waits on
/// (`Some(0)`: it does not wait; `Some(k + 1)`: semaphore `k`; `None`: not answered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SemaphoreAnswer {
    pub values: Vec<String>,
    pub waits: Vec<Option<u32>>,
}

impl SemaphoreAnswer {
    pub fn is_empty(&self) -> bool {
        self.values.iter().all(String::is_empty) && self.waits.iter().all(Option::is_none)
    }

    /// The answer with semaphore `index`'s value typed as `text`.
    pub fn with_value(&self, index: usize, text: String) -> SemaphoreAnswer {
        let mut next = self.clone();
        set_at(&mut next.values, index, text, String::new());
        next
    }

    /// The answer with thread `thread`'s choice set.
    pub fn with_wait(&self, thread: usize, choice: Option<u32>) -> SemaphoreAnswer {
        let mut next = self.clone();
        set_at(&mut next.waits, thread, choice, None);
        next
    }
}

/// The marks of a semaphore exercise: one per semaphore's value, one per thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SemaphoreGrading {
    pub values: Vec<Verdict>,
    pub waits: Vec<Verdict>,
    /// Some value was typed below 0, as textbooks that count the waiters in the value have it
    /// (`-1`): wrong here, and the explanation says why.
    pub below_zero: bool,
}

/// A value as typed, read: a whole number (full-width digits too; below 0 is read, and wrong).
fn read_value(text: &str) -> Result<Option<i64>, ()> {
    let text = halfwidth(text);
    let text = text.trim().replace('−', "-");
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i64>().map(Some).map_err(|_| ())
}

/// Grades the answers against the core's state at the end of the run.
pub fn grade(run: &Run, answer: &SemaphoreAnswer) -> SemaphoreGrading {
    let key = key(run);
    let values = key
        .values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            match read_value(answer.values.get(index).map_or("", String::as_str)) {
                Err(()) => Verdict::NotANumber,
                Ok(None) => Verdict::Missing,
                Ok(Some(typed)) if typed == i64::from(*value) => Verdict::Right,
                Ok(Some(_)) => Verdict::Wrong,
            }
        })
        .collect();
    let below_zero = answer
        .values
        .iter()
        .any(|text| matches!(read_value(text), Ok(Some(typed)) if typed < 0));
    let waits = key
        .waits
        .iter()
        .enumerate()
        .map(
            |(thread, wait)| match answer.waits.get(thread).copied().flatten() {
                None => Verdict::Missing,
                Some(choice) if choice == wait.map_or(0, |semaphore| semaphore as u32 + 1) => {
                    Verdict::Right
                }
                Some(_) => Verdict::Wrong,
            },
        )
        .collect();
    SemaphoreGrading {
        values,
        waits,
        below_zero,
    }
}

/// The key as an answer.
pub fn key_answer(run: &Run) -> SemaphoreAnswer {
    let key = key(run);
    SemaphoreAnswer {
        values: key.values.iter().map(u32::to_string).collect(),
        waits: key
            .waits
            .iter()
            .map(|wait| Some(wait.map_or(0, |semaphore| semaphore as u32 + 1)))
            .collect(),
    }
}
