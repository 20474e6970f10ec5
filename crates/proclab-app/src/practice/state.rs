//! The Practice page's state and its pure reducer: the set, the exercises made from it, what the
//! student typed, and the last check. The web crate keeps it in a reducer hook; saving the
//! progress and the address bar are its effects.

use super::exercise::{Exercise, Who};
use super::grade::{grade, Column, Grading, SegmentAnswer};
use super::set::{ExerciseSet, Progress};
use crate::reduce::Reduce;
use std::rc::Rc;

/// Everything the Practice page shows.
#[derive(Clone, Debug)]
pub struct PracticeState {
    pub set: ExerciseSet,
    /// The set's exercises, generated once.
    pub exercises: Rc<Vec<Exercise>>,
    pub progress: Progress,
    /// Index of the exercise on screen.
    pub current: usize,
    /// The marks of the exercise on screen, as of the last Check (cleared by an edit).
    pub grading: Option<Grading>,
    /// The last Check was not counted, and showed no marks: the set limits checks and a cell
    /// could not be read. A typo (`1O` for `10`) spent one of a few checks; not counting it and
    /// showing every other mark would have handed out a free check. Cleared by the next action.
    pub check_refused: bool,
}

impl PartialEq for PracticeState {
    /// The exercises follow from the set; the same `Rc` is the same list.
    fn eq(&self, other: &PracticeState) -> bool {
        self.set == other.set
            && Rc::ptr_eq(&self.exercises, &other.exercises)
            && self.progress == other.progress
            && self.current == other.current
            && self.grading == other.grading
            && self.check_refused == other.check_refused
    }
}

/// Every change the student can make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PracticeAction {
    /// Open a set with the progress saved for it.
    Open(ExerciseSet, Progress),
    /// A set's link was opened in this tab (typed or pasted into the address bar): opened with
    /// its saved progress, unless it is the set already open (nothing changes then).
    FollowLink(ExerciseSet, Progress),
    /// The progress another tab saved for this same set: taken as it is, so two tabs of one set
    /// show the same answers instead of overwriting each other's unseen. The exercise on screen
    /// stays.
    Adopt(Progress),
    Goto(usize),
    AddSegment(Who),
    SetWho(usize, Who),
    SetEnd(usize, String),
    RemoveSegment(usize),
    /// The whole chart at once (typed on one line).
    ReplaceSegments(Vec<SegmentAnswer>),
    SetCell(u32, Column, String),
    SetAverage(usize, String),
    SetTransition(super::transition::TransitionAnswer),
    /// The racing counter's final value, as typed (question A).
    SetRaceValue(String),
    /// The racing counter's interleaving, as typed or built by the thread buttons (question B).
    SetRaceInterleaving(String),
    /// The MLFQ level of process `pid`, as typed.
    SetLevel(u32, String),
    /// A context-switch cell (index in `switch` order), as typed.
    SetContext(usize, String),
    /// A deadlock exercise's answers, as chosen.
    SetDeadlock(super::deadlock::DeadlockAnswer),
    /// A semaphore exercise's answers, as typed and chosen.
    SetSemaphore(super::semaphore::SemaphoreAnswer),
    /// A pipe exercise's answers, as typed and chosen.
    SetPipe(super::pipe::PipeAnswer),
    Check,
    /// Reveal one more decision.
    Hint,
    /// The exercise was opened in the simulator, where every answer shows (the answers file
    /// says so).
    Shown,
    /// The set came from a link: opened again, it shows what to hand in, its maker folded.
    MarkLinked,
}

impl PracticeState {
    /// The state for `set`, with `progress` fitted to its exercises.
    pub fn open(set: ExerciseSet, progress: Progress) -> PracticeState {
        let exercises: Vec<Exercise> = set.exercises();
        let progress = fit(progress, &exercises);
        // Where the student was: back from the simulator, or the set opened again.
        let current = progress.current.min(exercises.len().saturating_sub(1));
        let grading = checked_marks(&exercises, &progress, current);
        PracticeState {
            set,
            exercises: Rc::new(exercises),
            progress,
            current,
            grading,
            check_refused: false,
        }
    }

    /// For each exercise, whether its last check found it all right and nothing changed since:
    /// what its tab shows (a phone's row of tabs had said nothing of the work done). None is
    /// solved under a rule of nothing checked until handed in.
    pub fn solved(&self) -> Vec<bool> {
        let marks_shown = self.set.rules.feedback != super::set::Feedback::Hidden;
        (0..self.exercises.len())
            .map(|index| {
                marks_shown
                    && self.progress.checked.get(index) == Some(&true)
                    && match (index == self.current, &self.grading) {
                        (true, Some(grading)) => grading.all_fine(),
                        _ => {
                            grade(&self.exercises[index], &self.progress.answers[index]).all_fine()
                        }
                    }
            })
            .collect()
    }

    pub fn exercise(&self) -> &Exercise {
        &self.exercises[self.current]
    }

    pub fn answer(&self) -> &super::grade::Answer {
        &self.progress.answers[self.current]
    }

    pub fn hints_shown(&self) -> usize {
        self.progress.hints[self.current]
    }

    /// How many hints show after the next Hint: one more, and after a Check of a chart, at least
    /// up to its first segment not right, so the new hint is the decision the student missed (not
    /// one the chart already has right). `None` when nothing is left to reveal, as when the
    /// checked chart is right throughout (the explanation covers the wrong cell).
    pub fn next_hint(&self) -> Option<usize> {
        let exercise = self.exercise();
        let mut shown = self.hints_shown();
        if let Some(grading) = &self.grading {
            // A chart exercise: its grading has segments, typed or left out (the racing counter,
            // the deadlock and the semaphores have none, and hints of their own).
            let chart = !grading.segments.is_empty() || !grading.omitted.is_empty();
            if chart && exercise.switch.is_none() && exercise.asked.is_none() {
                let right = grading.run_segments_right(exercise.hint_count());
                shown = shown.max(right);
            }
        }
        (shown < exercise.hint_count()).then_some(shown + 1)
    }
}

/// The marks of exercise `index` when it was checked since its answer last changed.
fn checked_marks(exercises: &[Exercise], progress: &Progress, index: usize) -> Option<Grading> {
    progress
        .checked
        .get(index)
        .copied()
        .unwrap_or(false)
        .then(|| grade(&exercises[index], &progress.answers[index]))
}

/// `progress` with an answer and a hint count for each of `exercises`, and a row for each process.
fn fit(mut progress: Progress, exercises: &[Exercise]) -> Progress {
    progress
        .answers
        .resize_with(exercises.len(), Default::default);
    progress.hints.resize(exercises.len(), 0);
    progress.checked.resize(exercises.len(), false);
    progress.checks.resize(exercises.len(), 0);
    progress.shown.resize(exercises.len(), false);
    for (answer, exercise) in progress.answers.iter_mut().zip(exercises) {
        answer
            .rows
            .resize_with(exercise.spec.processes.len(), Default::default);
        answer.segments.truncate(200);
        if exercise.is_mlfq() {
            answer
                .levels
                .resize_with(exercise.spec.processes.len(), Default::default);
        } else {
            answer.levels.clear();
        }
        if exercise.is_switch() {
            answer
                .context
                .resize_with(super::switch::CELLS, Default::default);
        } else {
            answer.context.clear();
        }
        // A semaphore exercise's answers have a cell per semaphore and per thread, whatever was
        // typed (the exports list every one, unanswered ones as null).
        if exercise.is_semaphore() {
            let semaphores = super::semaphore::names(&exercise.run).len();
            let threads = exercise.run.scenario().threads().len();
            answer.semaphore.values.resize(semaphores, String::new());
            answer.semaphore.waits.resize(threads, None);
        } else {
            answer.semaphore = Default::default();
        }
        // A pipe exercise's answers have a choice per process, whatever was chosen.
        if exercise.is_pipe() {
            let processes = exercise.run.scenario().processes().len();
            answer.pipe.waits.resize(processes, None);
        } else {
            answer.pipe = Default::default();
        }
    }
    progress
}

impl Reduce for PracticeState {
    type Action = PracticeAction;

    fn reduce(&self, action: PracticeAction) -> Option<PracticeState> {
        match action {
            PracticeAction::Open(set, progress) => return Some(PracticeState::open(set, progress)),
            PracticeAction::FollowLink(set, progress) => {
                return (set != self.set).then(|| PracticeState::open(set, progress));
            }
            PracticeAction::Adopt(progress) => {
                let mut progress = fit(progress, &self.exercises);
                // Each tab keeps its own exercise on screen.
                progress.current = self.progress.current;
                if progress == self.progress {
                    return None;
                }
                let mut next = self.clone();
                next.grading = checked_marks(&self.exercises, &progress, self.current);
                next.check_refused = false;
                next.progress = progress;
                return Some(next);
            }
            _ => {}
        }
        let mut next = self.clone();
        next.check_refused = false;
        let current = self.current;
        let processes = self.exercise().spec.processes.len();
        let answer = &mut next.progress.answers[current];
        let edited = match action {
            PracticeAction::Open(..)
            | PracticeAction::FollowLink(..)
            | PracticeAction::Adopt(_) => unreachable!("handled above"),
            PracticeAction::Goto(index) => {
                if index >= self.exercises.len() || index == current {
                    return None;
                }
                next.current = index;
                next.progress.current = index;
                next.grading = checked_marks(&self.exercises, &self.progress, index);
                return Some(next);
            }
            PracticeAction::AddSegment(who) => {
                if answer.segments.len() >= 200 {
                    return None;
                }
                answer.segments.push(SegmentAnswer {
                    who,
                    end: String::new(),
                });
                true
            }
            PracticeAction::SetWho(index, who) => match answer.segments.get_mut(index) {
                Some(segment) if segment.who != who => {
                    segment.who = who;
                    true
                }
                _ => false,
            },
            PracticeAction::SetEnd(index, text) => match answer.segments.get_mut(index) {
                Some(segment) if segment.end != text => {
                    segment.end = text;
                    true
                }
                _ => false,
            },
            PracticeAction::RemoveSegment(index) => {
                if index >= answer.segments.len() {
                    return None;
                }
                answer.segments.remove(index);
                true
            }
            PracticeAction::ReplaceSegments(segments) => {
                if answer.segments == segments || segments.len() > 200 {
                    return None;
                }
                answer.segments = segments;
                true
            }
            PracticeAction::SetCell(pid, column, text) => {
                let column = Column::ALL.iter().position(|c| *c == column).unwrap_or(0);
                match answer.rows.get_mut(pid as usize) {
                    Some(row) if (pid as usize) < processes && row[column] != text => {
                        row[column] = text;
                        true
                    }
                    _ => false,
                }
            }
            PracticeAction::SetAverage(index, text) => match answer.averages.get_mut(index) {
                Some(cell) if *cell != text => {
                    *cell = text;
                    true
                }
                _ => false,
            },
            PracticeAction::SetTransition(transition) => {
                if answer.transition == transition {
                    return None;
                }
                answer.transition = transition;
                true
            }
            PracticeAction::SetRaceValue(text) => {
                if answer.race.value == text {
                    return None;
                }
                answer.race.value = text;
                true
            }
            PracticeAction::SetRaceInterleaving(text) => {
                if answer.race.interleaving == text {
                    return None;
                }
                answer.race.interleaving = text;
                true
            }
            PracticeAction::SetLevel(pid, text) => match answer.levels.get_mut(pid as usize) {
                Some(cell) if *cell != text => {
                    *cell = text;
                    true
                }
                _ => false,
            },
            PracticeAction::SetContext(cell, text) => match answer.context.get_mut(cell) {
                Some(typed) if *typed != text => {
                    *typed = text;
                    true
                }
                _ => false,
            },
            PracticeAction::SetDeadlock(deadlock) => {
                if answer.deadlock == deadlock {
                    return None;
                }
                answer.deadlock = deadlock;
                true
            }
            PracticeAction::SetSemaphore(semaphore) => {
                if answer.semaphore == semaphore {
                    return None;
                }
                answer.semaphore = semaphore;
                true
            }
            PracticeAction::SetPipe(pipe) => {
                if answer.pipe == pipe {
                    return None;
                }
                answer.pipe = pipe;
                true
            }
            // The set's rules are kept here, whatever a page offers.
            PracticeAction::Check => {
                if !self.set.rules.may_check(self.progress.checks[current]) {
                    return None;
                }
                let grading = grade(self.exercise(), self.answer());
                if self.set.rules.checks.is_some() && grading.unreadable() > 0 {
                    next.grading = None;
                    next.check_refused = true;
                    return Some(next);
                }
                next.grading = Some(grading);
                next.progress.checked[current] = true;
                next.progress.checks[current] = next.progress.checks[current].saturating_add(1);
                return Some(next);
            }
            PracticeAction::Hint => {
                if !self.set.rules.explains() {
                    return None;
                }
                next.progress.hints[current] = self.next_hint()?;
                return Some(next);
            }
            PracticeAction::MarkLinked => {
                if self.progress.linked {
                    return None;
                }
                next.progress.linked = true;
                return Some(next);
            }
            PracticeAction::Shown => {
                if self.progress.shown[current] {
                    return None;
                }
                next.progress.shown[current] = true;
                return Some(next);
            }
        };
        if !edited {
            return None;
        }
        next.grading = None;
        next.progress.checked[current] = false;
        Some(next)
    }
}
