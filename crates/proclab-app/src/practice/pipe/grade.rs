//! A student's answer to a pipe exercise, read and marked against the key.

use super::{held_words, key};
use crate::lang::{halfwidth, Lang};
use crate::practice::grade::Verdict;
use crate::practice::set_at;
use proclab_core::Run;
use serde::{Deserialize, Serialize};

/// The answers as typed: the pipe's bytes (`5 9`, `-` for none), and per process its choice
/// (`Some(code)` of [`Waits`]; `None`: not answered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PipeAnswer {
    pub held: String,
    pub waits: Vec<Option<u32>>,
}

impl PipeAnswer {
    pub fn is_empty(&self) -> bool {
        self.held.is_empty() && self.waits.iter().all(Option::is_none)
    }

    pub fn with_held(&self, text: String) -> PipeAnswer {
        PipeAnswer {
            held: text,
            ..self.clone()
        }
    }

    /// The answer with process `process`'s choice set.
    pub fn with_wait(&self, process: usize, choice: Option<u32>) -> PipeAnswer {
        let mut next = self.clone();
        set_at(&mut next.waits, process, choice, None);
        next
    }
}

/// The marks of a pipe exercise: the bytes held, and one per process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipeGrading {
    pub held: Verdict,
    pub waits: Vec<Verdict>,
    /// The bytes as typed and read (none when empty or unreadable), for the explanation.
    pub typed: Option<Vec<i64>>,
}

/// A list of bytes that cannot be read (a word that is not a whole number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable;

/// The bytes as typed, read: whole numbers apart (spaces or commas), oldest first; `-` (or
/// "empty", "비어 있음", "없음") for none; `None` when nothing is typed.
pub fn read_held(text: &str) -> Result<Option<Vec<i64>>, Unreadable> {
    let text = halfwidth(text);
    let text = text.trim().replace('−', "-");
    if text.is_empty() {
        return Ok(None);
    }
    if matches!(
        text.to_lowercase().as_str(),
        "-" | "—" | "–" | "empty" | "none" | "비어 있음" | "비어있음" | "없음"
    ) {
        return Ok(Some(Vec::new()));
    }
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '、')
        .filter(|part| !part.is_empty())
        .map(|part| part.parse::<i64>().map_err(|_| Unreadable))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Grades the answers against the core's state just after the last step.
pub fn grade(run: &Run, answer: &PipeAnswer) -> PipeGrading {
    let key = key(run);
    let typed = read_held(&answer.held).ok().flatten();
    let held = match read_held(&answer.held) {
        Err(Unreadable) => Verdict::NotANumber,
        Ok(None) => Verdict::Missing,
        Ok(Some(typed)) if typed == key.held => Verdict::Right,
        Ok(Some(_)) => Verdict::Wrong,
    };
    let waits = key
        .waits
        .iter()
        .enumerate()
        .map(
            |(process, wait)| match answer.waits.get(process).copied().flatten() {
                None => Verdict::Missing,
                Some(choice) if choice == wait.code() => Verdict::Right,
                Some(_) => Verdict::Wrong,
            },
        )
        .collect();
    PipeGrading { held, waits, typed }
}

/// The key as an answer.
pub fn key_answer(run: &Run) -> PipeAnswer {
    let key = key(run);
    PipeAnswer {
        held: held_words(&key.held, Lang::En, false),
        waits: key.waits.iter().map(|wait| Some(wait.code())).collect(),
    }
}
