//! The teacher's mixed set: exercises chosen one by one (topic, difficulty, seed), listed,
//! removed or moved, and shared as one set link ([`super::set`]'s format, unchanged).
//!
//! The list is plain data and every change is a [`BuilderAction`], so the page only draws it.
//! A seed is read once, here; a typo is a [`SetupError`], never a guessed number.

use super::exercise::{Difficulty, ExerciseId, Topic};
use super::set::{ExerciseSet, Feedback, SetRules, SetupError, MAX_EXERCISES};

/// The exercises a teacher has chosen so far, in the order students will get them, and the
/// homework rules they go out under.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Builder {
    pub entries: Vec<ExerciseId>,
    /// Carried in the list's link and kept with it (they had gone to whatever set was open
    /// below, and the list's link went out without them).
    pub rules: SetRules,
}

/// Every change to the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuilderAction {
    /// Append one exercise (refused past [`MAX_EXERCISES`], or when the list holds it already).
    Add(ExerciseId),
    /// Take out the entry at this index.
    Remove(usize),
    /// Move the entry at `from` to `to` (both indices of the list as it is).
    Move {
        from: usize,
        to: usize,
    },
    Clear,
    /// The homework rules the list's link carries.
    Rules(SetRules),
}

impl Builder {
    /// The list after `action`, or the problem that refused it; `Ok(false)` when nothing changed.
    pub fn apply(&mut self, action: BuilderAction) -> Result<bool, SetupError> {
        let length = self.entries.len();
        match action {
            BuilderAction::Add(id) => {
                if length >= MAX_EXERCISES {
                    return Err(SetupError::Full);
                }
                if self.entries.contains(&id) {
                    return Err(SetupError::AlreadyInList);
                }
                self.entries.push(id);
            }
            BuilderAction::Remove(index) => {
                if index >= length {
                    return Ok(false);
                }
                self.entries.remove(index);
            }
            BuilderAction::Move { from, to } => {
                if from >= length || to >= length || from == to {
                    return Ok(false);
                }
                let entry = self.entries.remove(from);
                self.entries.insert(to, entry);
            }
            BuilderAction::Rules(mut rules) => {
                // As a set takes them: nothing told until handed in counts no checks.
                if rules.feedback == Feedback::Hidden {
                    rules.checks = None;
                }
                if rules == self.rules {
                    return Ok(false);
                }
                self.rules = rules;
            }
            BuilderAction::Clear => {
                if length == 0 {
                    return Ok(false);
                }
                self.entries.clear();
            }
        }
        Ok(true)
    }

    /// The set these entries make, if there is at least one.
    pub fn set(&self) -> Option<ExerciseSet> {
        (!self.entries.is_empty()).then(|| ExerciseSet {
            exercises: self.entries.clone(),
            workloads: Vec::new(),
            rules: self.rules,
        })
    }

    /// The list as the page keeps it between visits: the set's link code (empty for an empty
    /// list), so a teacher who leaves the page or reloads finds the list as it was.
    pub fn saved(&self) -> String {
        self.set().map(|set| set.encode()).unwrap_or_default()
    }

    /// The list [`saved`](Builder::saved) gave; an empty list for anything unreadable (an
    /// older or damaged save is no reason to stop the page).
    pub fn from_saved(code: &str) -> Builder {
        ExerciseSet::decode(code)
            .map(|set| Builder {
                entries: set.exercises,
                rules: set.rules,
            })
            .unwrap_or_default()
    }
}

/// Reads the builder's seed as typed: `None` when left empty (the page draws one),
/// else a whole number from 0 to `u64::MAX`.
pub fn read_seed(text: &str) -> Result<Option<u64>, SetupError> {
    match text.trim() {
        "" => Ok(None),
        seed => crate::lang::whole_number(seed)
            .map(Some)
            .ok_or(SetupError::Seed),
    }
}

/// One exercise from the builder's fields; `draw` gives the seed when the field is empty.
pub fn entry(
    topic: Topic,
    difficulty: Difficulty,
    seed: &str,
    draw: impl FnOnce() -> u64,
) -> Result<ExerciseId, SetupError> {
    Ok(ExerciseId {
        topic,
        difficulty,
        seed: read_seed(seed)?.unwrap_or_else(draw),
    })
}

/// An entry as the list shows it: `FCFS (…) · Easy · seed 12`.
pub fn entry_label(id: &ExerciseId, lang: crate::lang::Lang) -> String {
    let seed = lang.pick(["시드", "seed"]);
    format!(
        "{} · {} · {seed} {}",
        id.topic.label(lang),
        id.difficulty.label_for(id.topic, lang),
        id.seed
    )
}
