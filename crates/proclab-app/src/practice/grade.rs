//! A student's answer and its grading, cell by cell, against the engine's run.
//!
//! Every cell is [`Verdict::Right`] when it equals the engine's value. A wrong value that follows
//! correctly from the student's own earlier cells is [`Verdict::Consistent`], so one slip does not
//! cascade: the chart is aligned to the run's (a segment left out or one too many costs only
//! itself, see [`super::align`]); a Gantt end whose segment length is right after a wrong earlier
//! end; a completion equal
//! to the end of that process's last segment in the student's chart; turnaround = the student's
//! completion - arrival; waiting = the student's turnaround - (CPU + I/O + switch); response = the
//! start of its first segment in the student's chart - arrival; an average of the student's column.

use super::align::{align, Alignment, Omitted, PairMarks};
use super::deadlock::{DeadlockAnswer, DeadlockGrading};
use super::exercise::{Exercise, KeySegment, Who};
use super::pipe::{PipeAnswer, PipeGrading};
use super::race::{RaceAnswer, RaceGrading};
use super::semaphore::{SemaphoreAnswer, SemaphoreGrading};
use super::transition::{question, TransitionAnswer};
use crate::i18n::Lang;
use crate::lang::halfwidth;
use proclab_core::{Metrics, Ratio};
use serde::{Deserialize, Serialize};

/// One Gantt segment as typed: who holds the CPU, and until when (raw text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentAnswer {
    pub who: Who,
    pub end: String,
}

/// The per-process cells, in [`Column`] order.
pub type RowAnswer = [String; 4];

/// A whole answer, exactly as typed (nothing is parsed away, so nothing typed is lost).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    pub segments: Vec<SegmentAnswer>,
    /// One row per process, in index order.
    pub rows: Vec<RowAnswer>,
    /// Average turnaround, waiting and response.
    pub averages: [String; 3],
    /// The state transition question's answer.
    pub transition: TransitionAnswer,
    /// The racing counter's two answers (empty in a scheduling exercise).
    #[serde(skip_serializing_if = "RaceAnswer::is_empty")]
    pub race: RaceAnswer,
    /// An MLFQ exercise's levels, one per process in index order (empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<String>,
    /// A context-switch exercise's six cells in [`super::switch`] order: PC, %ax, %bx saved,
    /// then loaded (empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    /// A deadlock exercise's answers (empty elsewhere).
    #[serde(skip_serializing_if = "DeadlockAnswer::is_empty")]
    pub deadlock: DeadlockAnswer,
    /// A semaphore exercise's answers (empty elsewhere).
    #[serde(skip_serializing_if = "SemaphoreAnswer::is_empty")]
    pub semaphore: SemaphoreAnswer,
    /// A pipe exercise's answers (empty elsewhere).
    #[serde(skip_serializing_if = "PipeAnswer::is_empty")]
    pub pipe: PipeAnswer,
}

/// A per-process column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Completion,
    Turnaround,
    Waiting,
    Response,
}

impl Column {
    pub const ALL: [Column; 4] = [
        Column::Completion,
        Column::Turnaround,
        Column::Waiting,
        Column::Response,
    ];
    /// The columns that have an average, in [`Answer::averages`] order.
    pub const AVERAGED: [Column; 3] = [Column::Turnaround, Column::Waiting, Column::Response];
}

/// The mark of one cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    Right,
    /// Wrong, but computed correctly from the student's own earlier wrong cell.
    Consistent,
    Wrong,
    /// Left empty.
    Missing,
    /// Not a number.
    NotANumber,
}

impl Verdict {
    /// Right or consistent: not a mistake of this cell.
    pub fn is_fine(self) -> bool {
        matches!(self, Verdict::Right | Verdict::Consistent)
    }
}

/// The marks of one of the student's Gantt segments (both wrong for a segment the run does not have).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SegmentVerdict {
    pub who: Verdict,
    pub end: Verdict,
}

/// The first cell that is neither right nor consistent, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mistake {
    /// The student's Gantt segment `index` (0-based): its owner or its end, or a segment the run
    /// does not have ([`Grading::paired`] says which).
    Segment {
        index: usize,
        who_wrong: bool,
    },
    /// The run's segment `key`, which the chart leaves out before its segment `before` (after
    /// the last when `before` is the chart's length).
    Omitted {
        before: usize,
        key: usize,
    },
    /// A per-process cell.
    Cell {
        pid: u32,
        column: Column,
    },
    /// An average.
    Average {
        column: Column,
    },
    /// The state transition question, with the answer given (its explanation speaks of the
    /// reason chosen).
    Transition {
        answer: TransitionAnswer,
    },
    /// The racing counter's final value (question A).
    RaceValue,
    /// The racing counter's interleaving (question B).
    RaceInterleaving,
    /// The MLFQ level of process `pid`.
    Level {
        pid: u32,
    },
    /// A cell of the context-switch question, by its index in [`super::switch`] order.
    Context {
        cell: usize,
    },
    /// A deadlock exercise: is there one, who waits forever, the cycle.
    DeadlockPresent,
    DeadlockBlocked,
    DeadlockCycle,
    /// A semaphore exercise: the value of semaphore `index`, or what thread `thread` waits on.
    SemaphoreValue {
        index: usize,
    },
    SemaphoreWait {
        thread: usize,
    },
    /// A pipe exercise: the bytes it holds, or what process `process` waits for.
    PipeHeld,
    PipeWait {
        process: usize,
    },
}

/// Every mark of an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grading {
    pub segments: Vec<SegmentVerdict>,
    /// For each of the student's segments, the run's segment it was graded against (`None`: one
    /// the run does not have); see [`align`].
    pub paired: Vec<Option<usize>>,
    /// The run's segments the chart leaves out.
    pub omitted: Vec<Omitted>,
    /// For each of the student's segments, whether it has the owner of the one before or after
    /// it (one run written as two segments, where the chart draws one).
    pub continues: Vec<bool>,
    /// For each of the student's segments, its end as typed, if it can be read: an end written
    /// before the run's is explained at that tick (why the process did not lose the CPU there).
    pub ends: Vec<Option<u64>>,
    pub rows: Vec<[Verdict; 4]>,
    pub averages: [Verdict; 3],
    /// From, to and reason of the transition question (none when the run has no question).
    pub transition: Option<[Verdict; 3]>,
    /// The racing counter's two marks (a racing-counter exercise has no other cells).
    pub race: Option<RaceGrading>,
    /// The MLFQ levels' marks, one per process (an MLFQ exercise has no other cells).
    pub levels: Option<Vec<Verdict>>,
    /// The context-switch cells' marks (a context-switch exercise has no other cells).
    pub context: Option<Vec<Verdict>>,
    /// A deadlock exercise's marks (it has no other cells).
    pub deadlock: Option<DeadlockGrading>,
    /// A semaphore exercise's marks (it has no other cells).
    pub semaphore: Option<SemaphoreGrading>,
    /// A pipe exercise's marks (it has no other cells).
    pub pipe: Option<PipeGrading>,
    pub first_mistake: Option<Mistake>,
}

impl Grading {
    /// The marks of an exercise without a chart or a table (racing counter, context switch, MLFQ
    /// levels, deadlock): every field empty; the caller fills in its own kind's marks.
    fn without_chart(first_mistake: Option<Mistake>) -> Grading {
        Grading {
            segments: Vec::new(),
            paired: Vec::new(),
            omitted: Vec::new(),
            continues: Vec::new(),
            ends: Vec::new(),
            rows: Vec::new(),
            averages: [Verdict::Missing; 3],
            transition: None,
            race: None,
            levels: None,
            context: None,
            deadlock: None,
            semaphore: None,
            pipe: None,
            first_mistake,
        }
    }

    /// The run's segment the student's segment `index` stands for: the one it is graded against,
    /// or for a segment the run does not have, the run's next after those the chart has before
    /// it (the number of the run's segments when the run has none left).
    pub fn run_segment_of(&self, index: usize) -> usize {
        match self.paired.get(index).copied().flatten() {
            Some(key) => key,
            None => self.paired[..index.min(self.paired.len())]
                .iter()
                .rev()
                .find_map(|paired| *paired)
                .map_or(0, |key| key + 1),
        }
    }

    /// How many of the run's segments, from the first, the chart has right (owner and end, none
    /// left out, none too many before them): where the next hint should start.
    pub fn run_segments_right(&self, run_segments: usize) -> usize {
        let left_out = self.omitted.first().map(|left_out| left_out.key);
        let first_wrong = self
            .segments
            .iter()
            .position(|marks| marks.who != Verdict::Right || marks.end != Verdict::Right)
            .map(|index| self.run_segment_of(index));
        [left_out, first_wrong]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(run_segments)
            .min(run_segments)
    }

    /// The chart has segments the run does not have.
    pub fn has_extra_segments(&self) -> bool {
        self.paired.iter().any(Option::is_none)
    }

    /// True when every cell is right or consistent and nothing is missing.
    pub fn all_fine(&self) -> bool {
        self.first_mistake.is_none()
    }

    /// The chart's segments the run does not have. They are not cells of the exercise, whose
    /// cells are the key's, so that every answer to it is out of the same total; they are
    /// counted apart, and keep it from being solved.
    pub fn extra_segments(&self) -> usize {
        self.paired.iter().filter(|paired| paired.is_none()).count()
    }

    /// The key's cells marked wrong or unreadable, and the cells of segments the chart has too
    /// many (two each): every cell the page marks as a mistake but ≈ and empty ones.
    pub fn wrong_cells(&self) -> usize {
        let (right, consistent, total) = self.counts();
        total - right - consistent - self.left_empty() + 2 * self.extra_segments()
    }

    /// Every mark of the key's cells, and the cells of key segments the chart does not reach
    /// (two each, who and end), which have no mark and count as empty. Segments the chart has
    /// too many are left out ([`Grading::extra_segments`]).
    fn marks(&self) -> (Vec<Verdict>, usize) {
        if let Some(race) = self.race {
            return (vec![race.value, race.interleaving], 0);
        }
        if let Some(levels) = self.levels.as_ref().or(self.context.as_ref()) {
            return (levels.clone(), 0);
        }
        if let Some(semaphore) = &self.semaphore {
            let marks = semaphore.values.iter().chain(&semaphore.waits).copied();
            return (marks.collect(), 0);
        }
        if let Some(pipe) = &self.pipe {
            let marks = core::iter::once(pipe.held).chain(pipe.waits.iter().copied());
            return (marks.collect(), 0);
        }
        if let Some(deadlock) = self.deadlock {
            let marks = [
                Some(deadlock.present),
                Some(deadlock.blocked),
                deadlock.cycle,
            ];
            return (marks.into_iter().flatten().collect(), 0);
        }
        let marks = self
            .segments
            .iter()
            .zip(&self.paired)
            .filter(|(_, paired)| paired.is_some())
            .flat_map(|(segment, _)| [segment.who, segment.end])
            .chain(self.rows.iter().flatten().copied())
            .chain(self.averages)
            .chain(self.transition.into_iter().flatten());
        (marks.collect(), self.omitted.len() * 2)
    }

    /// (right, consistent, total) over the key's cells, for the summary line: the total is the
    /// same for every answer to the exercise.
    pub fn counts(&self) -> (usize, usize, usize) {
        let (marks, unreached) = self.marks();
        (
            count_of(&marks, Verdict::Right),
            count_of(&marks, Verdict::Consistent),
            marks.len() + unreached,
        )
    }

    /// The key's cells whose answer cannot be read (marked ?).
    pub fn unreadable(&self) -> usize {
        count_of(&self.marks().0, Verdict::NotANumber)
    }

    /// The cells left empty (the key's segments a chart does not reach among them).
    pub fn left_empty(&self) -> usize {
        let (marks, unreached) = self.marks();
        count_of(&marks, Verdict::Missing) + unreached
    }
}

/// Why `text`, typed in a cell, cannot be read, quoting it: below 0, too large, not a whole
/// number (where one is asked for: `whole`), or not a number at all. The table had said "not a
/// number" of `-3` and of twenty digits alike.
pub fn unreadable_reason(text: &str, whole: bool, lang: Lang) -> String {
    let text = halfwidth(text).replace('−', "-");
    let typed = text.trim();
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    let why = match typed.strip_prefix('-') {
        Some(_)
            if typed.len() > 1
                && typed[1..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || ".,/".contains(c)) =>
        {
            lang.pick(["0보다 작습니다", "below 0"])
        }
        _ if digits(typed) => lang.pick(["너무 큽니다", "too large"]),
        _ if whole && typed.contains(['.', ',', '/']) => {
            lang.pick(["정수가 아닙니다", "not a whole number"])
        }
        _ if typed.split(['/', '.', ',']).enumerate().any(|(at, part)| {
            let part = part.trim();
            let decimals = at > 0 && !typed.contains('/');
            !decimals && digits(part) && part.parse::<u64>().is_err()
        }) =>
        {
            lang.pick(["너무 큽니다", "too large"])
        }
        _ if typed
            .split_once('/')
            .is_some_and(|(_, den)| den.trim() == "0") =>
        {
            lang.pick(["0으로 나눕니다", "divides by 0"])
        }
        _ if typed
            .split_once(['.', ','])
            .is_some_and(|(_, places)| places.len() > 6 && digits(places)) =>
        {
            lang.pick([
                "소수점 아래가 6자리를 넘습니다(분수로 쓰세요)",
                "more than 6 decimal places (write it as a fraction)",
            ])
        }
        _ => lang.pick(["숫자로 읽을 수 없습니다", "not a number"]),
    };
    format!("“{typed}”: {why}")
}

/// How many of `marks` are `verdict`.
fn count_of(marks: &[Verdict], verdict: Verdict) -> usize {
    marks.iter().filter(|mark| **mark == verdict).count()
}

/// A whole number typed in a cell, perhaps negative: full-width digits (a Korean keyboard's) and
/// the minus sign `−` are read as ASCII; an empty cell is [`Verdict::Missing`].
pub fn read_whole<T: core::str::FromStr>(text: &str) -> Result<T, Verdict> {
    let text = halfwidth(text).replace('−', "-");
    let text = text.trim();
    if text.is_empty() {
        return Err(Verdict::Missing);
    }
    text.parse().map_err(|_| Verdict::NotANumber)
}

/// A whole number typed in a cell.
pub fn parse_tick(text: &str) -> Result<u64, Verdict> {
    let text = halfwidth(text);
    let text = text.trim();
    if text.is_empty() {
        return Err(Verdict::Missing);
    }
    text.parse().map_err(|_| Verdict::NotANumber)
}

/// A number typed as an average: a decimal (`6.5`, `6,5`) or a fraction (`13/2`), as an exact
/// ratio `(numerator, denominator, decimals typed)`. Its whole numbers are read as ticks are (at
/// most `u64::MAX`, so twenty digits cannot be read in one cell and read in the other), which
/// also keeps the comparison's products within `u128`.
pub fn parse_average(text: &str) -> Result<(u128, u128, Option<u32>), Verdict> {
    let text = halfwidth(text).trim().replace(',', ".");
    if text.is_empty() {
        return Err(Verdict::Missing);
    }
    let whole_number = |part: &str| {
        part.trim()
            .parse::<u64>()
            .map(u128::from)
            .map_err(|_| Verdict::NotANumber)
    };
    if let Some((num, den)) = text.split_once('/') {
        let num = whole_number(num)?;
        let den = whole_number(den)?;
        if den == 0 {
            return Err(Verdict::NotANumber);
        }
        return Ok((num, den, None));
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits_ok = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty()
        || !digits_ok(whole)
        || !digits_ok(fraction)
        || fraction.len() > 6
    {
        return Err(Verdict::NotANumber);
    }
    let scale = 10u128.pow(fraction.len() as u32);
    let whole: u128 = if whole.is_empty() {
        0
    } else {
        whole_number(whole)?
    };
    let fraction_value: u128 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().map_err(|_| Verdict::NotANumber)?
    };
    Ok((
        whole * scale + fraction_value,
        scale,
        Some(fraction.len() as u32),
    ))
}

/// True if the typed average stands for `num / den`: exactly, or as a decimal of two places or
/// more, rounded half up or cut off at its last place (17/3 as 5.67, 5.66 as Silberschatz prints
/// it, 5.667, 5.666 or 5.670; not 5.7, nor 5.68).
fn average_matches(typed: (u128, u128, Option<u32>), num: u128, den: u128) -> bool {
    let (typed_num, typed_den, decimals) = typed;
    if den == 0 {
        return false;
    }
    if typed_num * den == num * typed_den {
        return true;
    }
    let Some(mut decimals) = decimals else {
        return false;
    };
    // Trailing zeros add no place: 5.670 is 5.67.
    let mut value = typed_num;
    while decimals > 2 && value % 10 == 0 {
        value /= 10;
        decimals -= 1;
    }
    if decimals < 2 {
        return false;
    }
    let scale = 10u128.pow(decimals);
    let cut = num * scale / den;
    let rounded = (num * scale * 2 + den) / (den * 2);
    value == cut || value == rounded
}

/// The engine's value of a per-process cell.
pub fn key_value(metrics: &Metrics, pid: u32, column: Column) -> u64 {
    let process = &metrics.processes[pid as usize];
    match column {
        Column::Completion => process.completion,
        Column::Turnaround => process.turnaround,
        Column::Waiting => process.waiting,
        Column::Response => process.response,
    }
}

/// The engine's average of a column.
pub fn key_average(metrics: &Metrics, column: Column) -> Ratio {
    match column {
        Column::Turnaround => metrics.totals.average_turnaround,
        Column::Waiting => metrics.totals.average_waiting,
        _ => metrics.totals.average_response,
    }
}

fn column_index(column: Column) -> usize {
    Column::ALL.iter().position(|c| *c == column).unwrap_or(0)
}

/// The student's chart read back: each segment's start and end where they parse.
fn student_timeline(answer: &Answer) -> Vec<(Who, Option<u64>, Option<u64>)> {
    let mut previous = Some(0);
    answer
        .segments
        .iter()
        .map(|segment| {
            let end = parse_tick(&segment.end).ok();
            let entry = (segment.who, previous, end);
            previous = end;
            entry
        })
        .collect()
}

/// The marks of the student's segment `index` against the run's segment `expected`.
fn mark_segment(
    timeline: &[(Who, Option<u64>, Option<u64>)],
    answer: &Answer,
    index: usize,
    expected: &KeySegment,
) -> SegmentVerdict {
    let (who, start, _) = timeline[index];
    let who_verdict = if who == expected.who {
        Verdict::Right
    } else {
        Verdict::Wrong
    };
    let end = match parse_tick(&answer.segments[index].end) {
        Err(verdict) => verdict,
        Ok(end) if end == expected.end => Verdict::Right,
        Ok(end)
            if who_verdict == Verdict::Right
                && start.is_some_and(|start| {
                    end > start && end - start == expected.end - expected.start
                }) =>
        {
            Verdict::Consistent
        }
        Ok(_) => Verdict::Wrong,
    };
    SegmentVerdict {
        who: who_verdict,
        end,
    }
}

/// Every segment's marks against the run's segment the chart aligns it with (see [`align`]),
/// and the alignment.
fn grade_segments(key: &[KeySegment], answer: &Answer) -> (Vec<SegmentVerdict>, Alignment) {
    let timeline = student_timeline(answer);
    let alignment = align(timeline.len(), key.len(), |i, j| {
        let marks = mark_segment(&timeline, answer, i, &key[j]);
        PairMarks {
            same_owner: marks.who.is_fine(),
            end_fine: marks.end.is_fine(),
            end_right: marks.end == Verdict::Right,
            distance: timeline[i].2.map_or(0, |typed| typed.abs_diff(key[j].end)),
        }
    });
    let verdicts = alignment
        .paired
        .iter()
        .enumerate()
        .map(|(index, paired)| match paired {
            Some(j) => mark_segment(&timeline, answer, index, &key[*j]),
            None => SegmentVerdict {
                who: Verdict::Wrong,
                end: Verdict::Wrong,
            },
        })
        .collect();
    (verdicts, alignment)
}

/// Grades `answer` against the engine's run of `exercise`.
pub fn grade(exercise: &Exercise, answer: &Answer) -> Grading {
    if exercise.is_race() {
        return grade_race_exercise(exercise, answer);
    }
    if let Some(point) = exercise.switch {
        let context = super::switch::grade_cells(&exercise.run, point, &answer.context);
        let first_mistake = context
            .iter()
            .position(|mark| !mark.is_fine())
            .map(|cell| Mistake::Context { cell });
        return Grading {
            context: Some(context),
            ..Grading::without_chart(first_mistake)
        };
    }
    if let Some(asked) = exercise.asked {
        let levels = super::mlfq::grade_levels(&exercise.run, asked, &answer.levels);
        let first_mistake = levels
            .iter()
            .position(|mark| !mark.is_fine())
            .map(|pid| Mistake::Level { pid: pid as u32 });
        return Grading {
            levels: Some(levels),
            ..Grading::without_chart(first_mistake)
        };
    }
    if exercise.is_deadlock() {
        return grade_deadlock_exercise(exercise, answer);
    }
    if exercise.is_semaphore() {
        let marks = super::semaphore::grade(&exercise.run, &answer.semaphore);
        // The explanation retells the whole run, which answers every cell: while a cell is empty
        // or cannot be read, that cell is the mistake named (and the words ask for it instead).
        let cells = || {
            let values = marks
                .values
                .iter()
                .enumerate()
                .map(|(index, mark)| (Mistake::SemaphoreValue { index }, *mark));
            let waits = marks
                .waits
                .iter()
                .enumerate()
                .map(|(thread, mark)| (Mistake::SemaphoreWait { thread }, *mark));
            values.chain(waits)
        };
        let first_mistake = cells()
            .find(|(_, mark)| matches!(mark, Verdict::Missing | Verdict::NotANumber))
            .or_else(|| cells().find(|(_, mark)| !mark.is_fine()))
            .map(|(mistake, _)| mistake);
        return Grading {
            semaphore: Some(marks),
            ..Grading::without_chart(first_mistake)
        };
    }
    if exercise.is_pipe() {
        let marks = super::pipe::grade(&exercise.run, &answer.pipe);
        // As for semaphores: the explanation retells the whole run, so an empty or unreadable
        // cell is named first.
        let cells = || {
            let waits = marks
                .waits
                .iter()
                .enumerate()
                .map(|(process, mark)| (Mistake::PipeWait { process }, *mark));
            core::iter::once((Mistake::PipeHeld, marks.held)).chain(waits)
        };
        let first_mistake = cells()
            .find(|(_, mark)| matches!(mark, Verdict::Missing | Verdict::NotANumber))
            .or_else(|| cells().find(|(_, mark)| !mark.is_fine()))
            .map(|(mistake, _)| mistake);
        return Grading {
            pipe: Some(marks),
            ..Grading::without_chart(first_mistake)
        };
    }
    let key = exercise.key();
    let metrics = exercise.run.metrics();
    let (segments, alignment) = grade_segments(&key, answer);
    let timeline = student_timeline(answer);
    let processes = exercise.spec.processes.len();
    let empty_row = RowAnswer::default();
    let mut rows = Vec::with_capacity(processes);
    let mut typed_values: [Vec<Option<u64>>; 4] = Default::default();
    for pid in 0..processes as u32 {
        let row = answer.rows.get(pid as usize).unwrap_or(&empty_row);
        let typed: [Result<u64, Verdict>; 4] = core::array::from_fn(|i| parse_tick(&row[i]));
        let arrival = metrics.processes[pid as usize].arrival;
        let theirs = timeline
            .iter()
            .filter(|(who, _, _)| *who == Who::Process(pid));
        let student_completion = theirs.clone().next_back().and_then(|(_, _, end)| *end);
        let student_first_start = theirs.clone().next().and_then(|(_, start, _)| *start);
        let key_turnaround = key_value(metrics, pid, Column::Turnaround);
        let not_waiting = key_turnaround - key_value(metrics, pid, Column::Waiting);
        // The same, with the switches the student's own chart puts before this process's runs
        // (a chart drawn without them gives waiting as turnaround less CPU and I/O alone).
        let own_switches: u64 = timeline
            .windows(2)
            .filter(|pair| pair[0].0 == Who::Switch && pair[1].0 == Who::Process(pid))
            .filter_map(|pair| pair[0].2?.checked_sub(pair[0].1?))
            .sum();
        let process_metrics = &metrics.processes[pid as usize];
        let not_waiting_in_own_chart = process_metrics.cpu + process_metrics.io + own_switches;
        let derived = |column: Column| -> Option<u64> {
            let typed_ok = |c: Column| typed[column_index(c)].as_ref().ok().copied();
            match column {
                Column::Completion => student_completion,
                Column::Turnaround => typed_ok(Column::Completion)?.checked_sub(arrival),
                Column::Waiting => typed_ok(Column::Turnaround)?.checked_sub(not_waiting),
                Column::Response => student_first_start?.checked_sub(arrival),
            }
        };
        let verdicts: [Verdict; 4] = core::array::from_fn(|i| {
            let column = Column::ALL[i];
            match typed[i] {
                Err(verdict) => verdict,
                Ok(value) if value == key_value(metrics, pid, column) => Verdict::Right,
                Ok(value) if derived(column) == Some(value) => Verdict::Consistent,
                Ok(value)
                    if column == Column::Waiting
                        && typed[column_index(Column::Turnaround)]
                            .as_ref()
                            .ok()
                            .and_then(|turnaround| {
                                turnaround.checked_sub(not_waiting_in_own_chart)
                            })
                            == Some(value) =>
                {
                    Verdict::Consistent
                }
                Ok(_) => Verdict::Wrong,
            }
        });
        for (i, value) in typed.iter().enumerate() {
            typed_values[i].push(value.as_ref().ok().copied());
        }
        rows.push(verdicts);
    }
    let averages: [Verdict; 3] = core::array::from_fn(|i| {
        let column = Column::AVERAGED[i];
        let typed = match parse_average(&answer.averages[i]) {
            Err(verdict) => return verdict,
            Ok(typed) => typed,
        };
        let exact = key_average(metrics, column);
        if average_matches(typed, u128::from(exact.num), u128::from(exact.den)) {
            return Verdict::Right;
        }
        let column_values: Option<Vec<u64>> =
            typed_values[column_index(column)].iter().copied().collect();
        match column_values {
            Some(values) if !values.is_empty() => {
                let sum: u128 = values.iter().map(|v| u128::from(*v)).sum();
                if average_matches(typed, sum, values.len() as u128) {
                    Verdict::Consistent
                } else {
                    Verdict::Wrong
                }
            }
            _ => Verdict::Wrong,
        }
    });
    let transition = question(exercise).map(|question| question.grade(&answer.transition));
    let first_mistake =
        first_mistake(&segments, &alignment.omitted, &rows, &averages).or_else(|| {
            transition
                .is_some_and(|marks| marks.iter().any(|mark| !mark.is_fine()))
                .then_some(Mistake::Transition {
                    answer: answer.transition,
                })
        });
    Grading {
        segments,
        paired: alignment.paired,
        omitted: alignment.omitted,
        continues: (0..answer.segments.len())
            .map(|index| {
                let who = answer.segments[index].who;
                let before = index
                    .checked_sub(1)
                    .map(|before| answer.segments[before].who);
                let after = answer.segments.get(index + 1).map(|after| after.who);
                before == Some(who) || after == Some(who)
            })
            .collect(),
        ends: answer
            .segments
            .iter()
            .map(|segment| parse_tick(&segment.end).ok())
            .collect(),
        rows,
        averages,
        transition,
        race: None,
        levels: None,
        context: None,
        deadlock: None,
        semaphore: None,
        pipe: None,
        first_mistake,
    }
}

/// A racing-counter exercise: its two questions, each against a run of the core.
fn grade_race_exercise(exercise: &Exercise, answer: &Answer) -> Grading {
    let workload = exercise.race_workload();
    let lengths = super::race::lengths(&workload);
    let race = super::race::grade_race(&exercise.run, &workload, &lengths, &answer.race);
    let first_mistake = if !race.value.is_fine() {
        Some(Mistake::RaceValue)
    } else if !race.interleaving.is_fine() {
        Some(Mistake::RaceInterleaving)
    } else {
        None
    };
    Grading {
        race: Some(race),
        ..Grading::without_chart(first_mistake)
    }
}

/// A deadlock exercise: its questions against the core's deadlock report.
fn grade_deadlock_exercise(exercise: &Exercise, answer: &Answer) -> Grading {
    let marks =
        super::deadlock::grade_deadlock(&exercise.run, exercise.id.difficulty, &answer.deadlock);
    let first_mistake = if !marks.present.is_fine() {
        Some(Mistake::DeadlockPresent)
    } else if !marks.blocked.is_fine() {
        Some(Mistake::DeadlockBlocked)
    } else if marks.cycle.is_some_and(|mark| !mark.is_fine()) {
        Some(Mistake::DeadlockCycle)
    } else {
        None
    };
    Grading {
        deadlock: Some(marks),
        ..Grading::without_chart(first_mistake)
    }
}

fn first_mistake(
    segments: &[SegmentVerdict],
    omitted: &[Omitted],
    rows: &[[Verdict; 4]],
    averages: &[Verdict; 3],
) -> Option<Mistake> {
    let wrong = segments
        .iter()
        .position(|segment| !segment.who.is_fine() || !segment.end.is_fine());
    // In reading order: a segment left out comes before the student's segment it precedes.
    match (wrong, omitted.first()) {
        (_, Some(left_out)) if wrong.is_none_or(|index| left_out.before <= index) => {
            return Some(Mistake::Omitted {
                before: left_out.before,
                key: left_out.key,
            });
        }
        (Some(index), _) => {
            return Some(Mistake::Segment {
                index,
                who_wrong: !segments[index].who.is_fine(),
            });
        }
        _ => {}
    }
    for (pid, row) in rows.iter().enumerate() {
        if let Some(i) = row.iter().position(|verdict| !verdict.is_fine()) {
            return Some(Mistake::Cell {
                pid: pid as u32,
                column: Column::ALL[i],
            });
        }
    }
    averages
        .iter()
        .position(|verdict| !verdict.is_fine())
        .map(|i| Mistake::Average {
            column: Column::AVERAGED[i],
        })
}

/// The engine's own answer, typed as a student would (averages to two decimals).
pub fn key_answer(exercise: &Exercise) -> Answer {
    if exercise.is_deadlock() {
        return Answer {
            deadlock: super::deadlock::key_answer(&exercise.run),
            ..Answer::default()
        };
    }
    if exercise.is_semaphore() {
        return Answer {
            semaphore: super::semaphore::key_answer(&exercise.run),
            ..Answer::default()
        };
    }
    if exercise.is_pipe() {
        return Answer {
            pipe: super::pipe::key_answer(&exercise.run),
            ..Answer::default()
        };
    }
    if exercise.is_race() {
        let workload = exercise.race_workload();
        let lengths = super::race::lengths(&workload);
        return Answer {
            race: RaceAnswer {
                value: super::race::final_value(&exercise.run).to_string(),
                interleaving: super::race::lossy_example(&workload, &lengths).unwrap_or_default(),
            },
            ..Answer::default()
        };
    }
    if let Some(point) = exercise.switch {
        return Answer {
            context: super::switch::key(&exercise.run, point)
                .iter()
                .map(i64::to_string)
                .collect(),
            ..Answer::default()
        };
    }
    if let Some(asked) = exercise.asked {
        return Answer {
            levels: super::mlfq::levels_at(&exercise.run, asked)
                .iter()
                .map(u32::to_string)
                .collect(),
            ..Answer::default()
        };
    }
    let metrics = exercise.run.metrics();
    Answer {
        segments: exercise
            .key()
            .iter()
            .map(|segment| SegmentAnswer {
                who: segment.who,
                end: segment.end.to_string(),
            })
            .collect(),
        rows: (0..metrics.processes.len() as u32)
            .map(|pid| Column::ALL.map(|column| key_value(metrics, pid, column).to_string()))
            .collect(),
        averages: Column::AVERAGED.map(|column| centi_text(key_average(metrics, column))),
        transition: question(exercise)
            .map(|question| question.key())
            .unwrap_or_default(),
        race: RaceAnswer::default(),
        levels: Vec::new(),
        context: Vec::new(),
        deadlock: DeadlockAnswer::default(),
        semaphore: SemaphoreAnswer::default(),
        pipe: PipeAnswer::default(),
    }
}

/// A ratio rounded half up to two decimals (`6.75`, `7.00`).
pub fn centi_text(ratio: Ratio) -> String {
    let centi = ratio.centi();
    format!("{}.{:02}", centi / 100, centi % 100)
}

/// Why a chart typed on one line cannot be read; `position` counts words from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChartLineError {
    /// Neither a process of the exercise nor `idle` or `CS`.
    UnknownName { position: usize, word: String },
    /// `CS` where the exercise has no context switch.
    NoSwitch { position: usize },
    /// A name with no tick after it.
    MissingEnd { position: usize },
    /// Nothing typed: applying it would clear the chart.
    Empty,
    /// Where a tick was expected.
    NotATick { position: usize, word: String },
    /// Digits too many to be a tick.
    TickTooLarge { position: usize, word: String },
    /// A segment that ends at or before the segment before it.
    NotAfter {
        position: usize,
        end: u64,
        previous: u64,
    },
}

impl ChartLineError {
    /// The message under the line, naming the word and what may stand there.
    pub fn message(&self, names: &[String], switches: bool, lang: Lang) -> String {
        // The words for idle and a switch the line reads in the page's language (both read
        // either): in Korean 유휴 and 문맥교환, as the buttons and the example say.
        let mut allowed = names.join(", ");
        allowed.push_str(lang.pick([", 유휴", ", idle"]));
        if switches {
            allowed.push_str(", CS");
        }
        match self {
            Self::UnknownName { position, word } => lang.pick([
                format!("{position}번째 단어 “{word}”: 이 문제의 프로세스가 아닙니다. {allowed} 중 하나를 쓰세요."),
                format!("Word {position}, “{word}”, is not a process of this exercise: write one of {allowed}."),
            ]),
            Self::NoSwitch { position } => lang.pick([
                format!("{position}번째 단어 “CS”: 이 문제에는 문맥 교환 시간이 없습니다. {allowed} 중 하나를 쓰세요."),
                format!("Word {position}, “CS”: this exercise has no context switch time; write one of {allowed}."),
            ]),
            Self::MissingEnd { position } => lang.pick([
                format!("{position}번째 단어가 없습니다: 이름 다음에는 그 구간이 끝나는 시각을 쓰세요."),
                format!("Word {position} is missing: after a name, write the tick its segment ends."),
            ]),
            Self::NotATick { position, word } => lang.pick([
                format!("{position}번째 단어 “{word}”: 끝나는 시각은 0 이상의 정수입니다."),
                format!("Word {position}, “{word}”: the tick a segment ends is a whole number, 0 or more."),
            ]),
            Self::Empty => lang.pick([
                "줄이 비어 있습니다: 차트를 한 줄로 적거나(예: P1 3 P2 7) 위의 버튼으로 만드세요. 차트는 그대로 두었습니다.".to_string(),
                "The line is empty: type the chart on it (such as P1 3 P2 7), or build it with the buttons above. The chart was left as it is.".to_string(),
            ]),
            Self::TickTooLarge { position, word } => lang.pick([
                format!("{position}번째 단어 “{word}”: 시각으로 쓰기에는 너무 큰 수입니다."),
                format!("Word {position}, “{word}”: this number is too large to be a tick."),
            ]),
            Self::NotAfter {
                position,
                end,
                previous: 0,
            } => lang.pick([
                format!("{position}번째 단어: 첫 구간이 {end}에 끝납니다. 차트는 0에서 시작하므로 첫 구간은 0보다 뒤에 끝나야 합니다."),
                format!("Word {position}: the first segment ends at {end}, but the chart starts at 0; it must end after 0."),
            ]),
            Self::NotAfter { position, end, previous } => lang.pick([
                format!("{position}번째 단어: 구간이 {end}에 끝나지만 앞 구간은 {previous}에 끝났습니다. 끝나는 시각은 앞 구간보다 뒤여야 합니다."),
                format!("Word {position}: this segment ends at {end}, but the one before it ended at {previous}; each segment ends after the one before."),
            ]),
        }
    }
}

/// Whether the chart's segment `index` has the owner of the segment before it: one stretch
/// written as two segments, which the chart draws as one. Said while the chart is typed, since it
/// is the chart's form, not its answer (under a teacher's rules a student may see no check).
pub fn repeats_owner(segments: &[SegmentAnswer], index: usize) -> bool {
    index > 0 && segments.get(index).map(|segment| segment.who) == Some(segments[index - 1].who)
}

/// The note under a segment that [`repeats_owner`]: `number` is its 1-based place, `name` its
/// owner.
pub fn repeats_owner_words(number: usize, name: &str, lang: Lang) -> String {
    let before = number - 1;
    lang.pick([
        format!("앞 구간({before})과 이 구간이 모두 {name}입니다. 이어지는 한 번의 실행은 한 구간이므로 둘을 하나로 합쳐 쓰세요(끝은 그 실행이 끝나는 시각)."),
        format!("Segments {before} and {number} are both {name}: one stretch is one segment. Write them as one, ending where the stretch ends."),
    ])
}

/// A chart typed on one line, as the answer key prints it: `P1 3 P2 7 idle 9 CS 10` (a name or
/// `idle`/`-`, or `CS`/`switch` where the exercise has context switches, then the tick the segment
/// ends; an optional leading `0`; commas or semicolons may separate the words, as in a pasted
/// table or a list).
pub fn parse_chart(
    text: &str,
    names: &[String],
    switches: bool,
) -> Result<Vec<SegmentAnswer>, ChartLineError> {
    let text = halfwidth(text);
    let mut words = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|word| !word.is_empty())
        .enumerate()
        .map(|(index, word)| (index + 1, word))
        .peekable();
    if words.peek().is_none() {
        return Err(ChartLineError::Empty);
    }
    if words.peek().is_some_and(|(_, word)| *word == "0") {
        words.next();
    }
    let mut segments = Vec::new();
    let mut previous = 0;
    while let Some((position, word)) = words.next() {
        let lower = word.to_lowercase();
        let who = match lower.as_str() {
            "idle" | "-" | "유휴" => Who::Idle,
            "cs" | "switch" | "문맥교환" if switches => Who::Switch,
            "cs" | "switch" | "문맥교환" => return Err(ChartLineError::NoSwitch { position }),
            _ => match names
                .iter()
                .position(|name| name.eq_ignore_ascii_case(word))
            {
                Some(pid) => Who::Process(pid as u32),
                None => {
                    return Err(ChartLineError::UnknownName {
                        position,
                        word: word.to_string(),
                    })
                }
            },
        };
        let Some((position, end)) = words.next() else {
            return Err(ChartLineError::MissingEnd {
                position: position + 1,
            });
        };
        let Ok(tick) = parse_tick(end) else {
            let word = end.to_string();
            return Err(match word.bytes().all(|byte| byte.is_ascii_digit()) {
                true => ChartLineError::TickTooLarge { position, word },
                false => ChartLineError::NotATick { position, word },
            });
        };
        if tick <= previous {
            return Err(ChartLineError::NotAfter {
                position,
                end: tick,
                previous,
            });
        }
        previous = tick;
        segments.push(SegmentAnswer {
            who,
            end: end.to_string(),
        });
    }
    Ok(segments)
}
