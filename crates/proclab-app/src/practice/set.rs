//! A set of exercises as one link, the progress kept per set, and the exports a student hands in.
//!
//! This module alone knows the practice link format: `?set=` then base64url (no padding) of the
//! postcard encoding of [`SetLink`], an enum envelope whose first byte is the version (as in
//! [`crate::share`]). Exercises are named by their [`ExerciseId`], so the same link gives every
//! student the same exercises. Decoding never panics.

use super::exercise::{Difficulty, Exercise, ExerciseId, Topic, Who, WorkloadProblem};
use super::grade::{grade, Answer, Column, Verdict};
use crate::i18n::Lang;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use proclab_core::spec::{PolicySpec, ScenarioSpec};
use serde::{Deserialize, Serialize};

/// Most exercises in one set.
pub const MAX_EXERCISES: usize = 20;
/// The query parameter of a set link.
pub const PARAM: &str = "set";

/// Why a set link could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetError {
    NotBase64,
    Corrupt,
    UnknownVersion,
    Empty,
    TooMany,
    /// A workload's link whose scenario cannot be an exercise (this build would refuse it).
    Workload(WorkloadProblem),
}

#[derive(Serialize, Deserialize)]
enum SetLink {
    /// Each exercise as (topic, difficulty, seed), topic and difficulty by their index in
    /// `Topic::ALL` and `Difficulty::ALL`. A new topic is appended (the racing counter is 6, the
    /// context switch 7, the MLFQ levels 8, the deadlock 9, the semaphores 10, the pipe 11), so every link made before it keeps
    /// its meaning.
    V1(Vec<(u8, u8, u64)>),
    /// One exercise made of a workload of one's own: the scenario as a share link carries it
    /// (the part after `#/?s=`, [`crate::share`]), so it keeps its meaning as share links do.
    Workload(String),
    /// Several such exercises: one workload under several policies, each as `Workload` has it.
    Workloads(Vec<String>),
    /// A set of any of the kinds above with a teacher's [`SetRules`] (never nested).
    Ruled(SetRules, Box<SetLink>),
}

/// How much a set tells while it is solved: a teacher's choice for homework, carried in the
/// set's link. Every rule is kept by this page; none is a lock (the exercise can always be run
/// in the simulator by hand), so they shape practice rather than police it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Feedback {
    /// Marks, the first mistake explained, hints, and Show in the simulator.
    #[default]
    Full,
    /// Marks only: each cell right or wrong; nothing explained, no hints, no Show.
    Marks,
    /// Nothing until handed in: no Check, hints or Show; the teacher's gradebook grades the file.
    Hidden,
}

impl Feedback {
    pub const ALL: [Feedback; 3] = [Feedback::Full, Feedback::Marks, Feedback::Hidden];

    pub fn code(self) -> &'static str {
        match self {
            Feedback::Full => "full",
            Feedback::Marks => "marks",
            Feedback::Hidden => "hidden",
        }
    }

    pub fn from_code(code: &str) -> Option<Feedback> {
        Feedback::ALL.into_iter().find(|each| each.code() == code)
    }
}

/// A teacher's rules for a set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SetRules {
    pub feedback: Feedback,
    /// Checks allowed per exercise (`None`: any number).
    pub checks: Option<u8>,
}

impl SetRules {
    /// The numbers of checks a teacher can allow per exercise.
    pub const CHECK_LIMITS: [u8; 4] = [1, 2, 3, 5];

    /// No rules: everything told, checks without limit.
    pub fn is_open(&self) -> bool {
        *self == SetRules::default()
    }

    /// Whether an exercise checked `used` times may be checked again.
    pub fn may_check(&self, used: u32) -> bool {
        self.feedback != Feedback::Hidden && self.checks_left(used) != Some(0)
    }

    /// Checks left after `used` (`None`: no limit).
    pub fn checks_left(&self, used: u32) -> Option<u32> {
        self.checks
            .map(|allowed| u32::from(allowed).saturating_sub(used))
    }

    /// Whether mistakes are explained, hints given and the simulator offered.
    pub fn explains(&self) -> bool {
        self.feedback == Feedback::Full
    }

    /// Whether the answers files carry marks: with any rule a file's marks would be a check
    /// outside the rules (the teacher's gradebook grades the files instead).
    pub fn exports_marks(&self) -> bool {
        self.is_open()
    }
}

/// Several exercises, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseSet {
    pub exercises: Vec<ExerciseId>,
    /// The workloads of a set made of one's own ([`ExerciseSet::of_workload`],
    /// [`ExerciseSet::under_every_policy`]): its exercises are these scenarios, not ones generated
    /// from the ids' seeds. Empty for a generated set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workloads: Vec<ScenarioSpec>,
    /// The teacher's rules (none by default).
    #[serde(default, skip_serializing_if = "SetRules::is_open")]
    pub rules: SetRules,
}

/// The policies a workload of one's own is practised under, in the textbook's order; round
/// robin at the workload's own quantum if it has one, else at 2.
fn practised_policies(spec: &ScenarioSpec) -> Vec<PolicySpec> {
    let quantum = match spec.policy {
        PolicySpec::Rr { quantum } => quantum,
        _ => 2,
    };
    // Priority over equal priorities is FCFS again: asked only where they differ.
    let priorities_differ = spec
        .processes
        .windows(2)
        .any(|pair| pair[0].priority != pair[1].priority);
    let mut policies = vec![
        PolicySpec::Fcfs,
        PolicySpec::Sjf { prediction: None },
        PolicySpec::Srtf,
    ];
    if priorities_differ {
        policies.push(PolicySpec::Priority {
            preemptive: false,
            aging_every: None,
            lower_is_higher: true,
        });
    }
    policies.extend([PolicySpec::Rr { quantum }, PolicySpec::Hrrn]);
    policies
}

fn index_of<T: PartialEq>(all: &[T], item: &T) -> u8 {
    all.iter().position(|x| x == item).unwrap_or(0) as u8
}

impl ExerciseSet {
    /// The one exercise of `spec` as it is ([`Exercise::of_workload`]).
    pub fn of_workload(spec: &ScenarioSpec) -> Result<ExerciseSet, WorkloadProblem> {
        ExerciseSet::of_workloads(core::slice::from_ref(spec))
    }

    /// An exercise of each of `specs`, in order; the first that cannot be one says why.
    fn of_workloads(specs: &[ScenarioSpec]) -> Result<ExerciseSet, WorkloadProblem> {
        let exercises = specs
            .iter()
            .map(Exercise::of_workload)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ExerciseSet {
            exercises: exercises.iter().map(|exercise| exercise.id).collect(),
            workloads: exercises
                .into_iter()
                .map(|exercise| exercise.spec)
                .collect(),
            rules: SetRules::default(),
        })
    }

    /// `spec`'s workload under each policy a chart exercise asks (FCFS, SJF, SRTF, Priority
    /// where the priorities differ, RR, HRRN), those it can be an exercise of: a teacher's one
    /// problem for a whole lesson. The workload's own problem when it can be none.
    pub fn under_every_policy(spec: &ScenarioSpec) -> Result<ExerciseSet, WorkloadProblem> {
        // A large upload is refused before six copies of it are made.
        if spec.processes.len() > super::exercise::MAX_OWN_PROCESSES {
            return Err(WorkloadProblem::TooManyProcesses);
        }
        let specs: Vec<ScenarioSpec> = practised_policies(spec)
            .into_iter()
            .map(|policy| ScenarioSpec {
                policy,
                ..spec.clone()
            })
            .filter(|spec| Exercise::of_workload(spec).is_ok())
            .collect();
        match specs.is_empty() {
            true => ExerciseSet::of_workload(spec),
            false => ExerciseSet::of_workloads(&specs),
        }
    }

    /// The set's exercises, made from their ids (or its workloads; from the ids should a
    /// workload not make one, so a set never has none).
    pub fn exercises(&self) -> Vec<Exercise> {
        if !self.workloads.is_empty() {
            let own: Vec<Exercise> = self
                .workloads
                .iter()
                .filter_map(|spec| Exercise::of_workload(spec).ok())
                .collect();
            if own.len() == self.workloads.len() {
                return own;
            }
        }
        self.exercises
            .iter()
            .map(|id| Exercise::generate(*id))
            .collect()
    }

    /// `count` exercises of one topic and difficulty, seeds `seed`, `seed + 1`, ...
    pub fn generated(topic: Topic, difficulty: Difficulty, seed: u64, count: usize) -> ExerciseSet {
        ExerciseSet {
            workloads: Vec::new(),
            rules: SetRules::default(),
            exercises: (0..count.clamp(1, MAX_EXERCISES) as u64)
                .map(|offset| ExerciseId {
                    topic,
                    difficulty,
                    seed: seed.wrapping_add(offset),
                })
                .collect(),
        }
    }

    /// The same exercises under `rules` (a limit of checks means nothing where nothing is
    /// checked: dropped, so one choice has one link).
    pub fn with_rules(&self, mut rules: SetRules) -> ExerciseSet {
        if rules.feedback == Feedback::Hidden {
            rules.checks = None;
        }
        ExerciseSet {
            rules,
            ..self.clone()
        }
    }

    /// The link code (the value of `?set=`).
    pub fn encode(&self) -> String {
        let link = match self.rules.is_open() {
            true => self.link(),
            false => SetLink::Ruled(self.rules, Box::new(self.link())),
        };
        URL_SAFE_NO_PAD.encode(postcard::to_allocvec(&link).unwrap_or_default())
    }

    /// The link of the exercises, without rules.
    fn link(&self) -> SetLink {
        if !self.workloads.is_empty() {
            let mut payloads: Vec<String> = self
                .workloads
                .iter()
                .map(|spec| {
                    let link = crate::share::encode(spec, crate::i18n::Lang::En);
                    link.strip_prefix(crate::share::PREFIX)
                        .unwrap_or(&link)
                        .to_string()
                })
                .collect();
            // One workload as links made before several could be (their progress stays theirs).
            return match payloads.len() {
                1 => SetLink::Workload(payloads.remove(0)),
                _ => SetLink::Workloads(payloads),
            };
        }
        SetLink::V1(
            self.exercises
                .iter()
                .map(|id| {
                    (
                        index_of(&Topic::ALL, &id.topic),
                        index_of(&Difficulty::ALL, &id.difficulty),
                        id.seed,
                    )
                })
                .collect(),
        )
    }

    /// Reads a code made by [`ExerciseSet::encode`].
    pub fn decode(code: &str) -> Result<ExerciseSet, SetError> {
        if code.len() > 16384 {
            return Err(SetError::TooMany);
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(code.trim().trim_end_matches('='))
            .map_err(|_| SetError::NotBase64)?;
        if bytes.first().is_some_and(|version| *version > 3) {
            return Err(SetError::UnknownVersion);
        }
        let (link, rest): (SetLink, &[u8]) =
            postcard::take_from_bytes(&bytes).map_err(|_| SetError::Corrupt)?;
        if !rest.is_empty() {
            return Err(SetError::Corrupt);
        }
        match link {
            SetLink::Ruled(rules, link) => {
                if matches!(*link, SetLink::Ruled(..)) || rules.checks == Some(0) {
                    return Err(SetError::Corrupt);
                }
                Ok(ExerciseSet::of_link(*link)?.with_rules(rules))
            }
            link => ExerciseSet::of_link(link),
        }
    }

    /// The exercises a link without rules names.
    fn of_link(link: SetLink) -> Result<ExerciseSet, SetError> {
        let entries = match link {
            SetLink::V1(entries) => entries,
            SetLink::Workload(payload) => {
                return ExerciseSet::of_workload(&workload_of(&payload)?)
                    .map_err(SetError::Workload);
            }
            SetLink::Workloads(payloads) => {
                if payloads.is_empty() {
                    return Err(SetError::Empty);
                }
                if payloads.len() > MAX_EXERCISES {
                    return Err(SetError::TooMany);
                }
                let specs = payloads
                    .iter()
                    .map(|payload| workload_of(payload))
                    .collect::<Result<Vec<_>, _>>()?;
                return ExerciseSet::of_workloads(&specs).map_err(SetError::Workload);
            }
            SetLink::Ruled(..) => return Err(SetError::Corrupt),
        };
        if entries.is_empty() {
            return Err(SetError::Empty);
        }
        if entries.len() > MAX_EXERCISES {
            return Err(SetError::TooMany);
        }
        entries
            .into_iter()
            .map(|(topic, difficulty, seed)| {
                Ok(ExerciseId {
                    topic: *Topic::ALL.get(topic as usize).ok_or(SetError::Corrupt)?,
                    difficulty: *Difficulty::ALL
                        .get(difficulty as usize)
                        .ok_or(SetError::Corrupt)?,
                    seed,
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|exercises| ExerciseSet {
                exercises,
                workloads: Vec::new(),
                rules: SetRules::default(),
            })
    }

    /// The `localStorage` key of this set's progress.
    pub fn storage_key(&self) -> String {
        format!("proclab.practice.{}", self.encode())
    }
}

/// The scenario of a share link's payload (the part after `#/?s=`).
fn workload_of(payload: &str) -> Result<ScenarioSpec, SetError> {
    let link = format!("{}{payload}", crate::share::PREFIX);
    crate::share::decode(&link)
        .ok()
        .flatten()
        .map(|shared| shared.spec)
        .ok_or(SetError::Corrupt)
}

/// What a student has done in a set: an answer and the hints shown, per exercise, and whether
/// it was checked since it last changed (so its marks come back after a reload, a visit to the
/// simulator or a change of language); and, for the teacher, how many times it was checked and
/// whether it was opened in the simulator, where every answer shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub answers: Vec<Answer>,
    pub hints: Vec<usize>,
    pub checked: Vec<bool>,
    pub checks: Vec<u32>,
    pub shown: Vec<bool>,
    /// The exercise on screen.
    pub current: usize,
    /// The set came from a link (a teacher's), not made here.
    pub linked: bool,
}

#[derive(Serialize)]
struct ExportedExercise<'a> {
    /// 1-based, as the page numbers it.
    number: usize,
    topic: &'static str,
    difficulty: &'static str,
    seed: u64,
    /// Cells right and worked out right (`null` in a set with rules, whose files carry no
    /// marks: the teacher's gradebook grades them).
    right: Option<usize>,
    consistent: Option<usize>,
    cells: usize,
    /// Every cell right or worked out right from an earlier slip: the exercise done, whatever
    /// its number of cells (a scheduling exercise has forty, a deadlock one three).
    solved: Option<bool>,
    hints: usize,
    /// How many times Check was pressed.
    checks: u32,
    /// Checked, then changed: the answer handed in is not the one last checked.
    changed_after_check: bool,
    /// Opened in the simulator ("Show"), where every answer shows.
    shown: bool,
    /// Each cell as the CSV has it: processes and threads by name, verdicts in words.
    marked: Vec<ExportedCell>,
    /// The answer as the page keeps it (indices from 0), to open it again.
    answer: &'a Answer,
}

/// The whole set's count of cells right, worked out right from an earlier slip, and in all;
/// and of exercises solved, and in all (a score per exercise, not weighed by its cells).
#[derive(Serialize)]
struct Score {
    right: usize,
    consistent: usize,
    cells: usize,
    solved: usize,
    exercises: usize,
}

#[derive(Serialize)]
struct Exported<'a> {
    /// The name the student typed (empty when none).
    student: &'a str,
    set: String,
    /// The teacher's rules, when the set has some.
    #[serde(skip_serializing_if = "Option::is_none")]
    rules: Option<ExportedRules>,
    /// The score (none in a set with rules: see [`SetRules::exports_marks`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<Score>,
    exercises: Vec<ExportedExercise<'a>>,
}

#[derive(Serialize)]
struct ExportedRules {
    feedback: &'static str,
    /// Checks allowed per exercise (`null`: any number).
    checks: Option<u8>,
}

/// An exercise with what the student did in it.
struct Done {
    exercise: Exercise,
    answer: Answer,
    hints: usize,
    checks: u32,
    shown: bool,
    changed_after_check: bool,
}

fn graded(set: &ExerciseSet, progress: &Progress) -> Vec<Done> {
    set.exercises()
        .into_iter()
        .enumerate()
        .map(|(index, exercise)| Done {
            exercise,
            answer: progress.answers.get(index).cloned().unwrap_or_default(),
            hints: progress.hints.get(index).copied().unwrap_or(0),
            checks: progress.checks.get(index).copied().unwrap_or(0),
            shown: progress.shown.get(index).copied().unwrap_or(false),
            changed_after_check: progress.checks.get(index).is_some_and(|checks| *checks > 0)
                && !progress.checked.get(index).copied().unwrap_or(false),
        })
        .collect()
}

/// The answers as JSON (what to hand in): the set's code, each exercise's id, answer as typed,
/// its score and the hints used.
pub fn export_json(set: &ExerciseSet, progress: &Progress, student: &str) -> String {
    let exercises = graded(set, progress);
    let exercises: Vec<ExportedExercise> = exercises
        .iter()
        .enumerate()
        .map(|(index, done)| {
            let Done {
                exercise, answer, ..
            } = done;
            let grading = grade(exercise, answer);
            let (right, consistent, cells) = grading.counts();
            let marks = set.rules.exports_marks();
            ExportedExercise {
                solved: marks.then(|| grading.all_fine()),
                number: index + 1,
                topic: exercise.id.topic.code(),
                difficulty: exercise.id.difficulty.code(),
                seed: exercise.id.seed,
                right: marks.then_some(right),
                consistent: marks.then_some(consistent),
                cells,
                hints: done.hints,
                checks: done.checks,
                changed_after_check: done.changed_after_check,
                shown: done.shown,
                marked: exported_cells(exercise, answer, marks),
                answer,
            }
        })
        .collect();
    let score = set.rules.exports_marks().then(|| Score {
        right: exercises.iter().filter_map(|exercise| exercise.right).sum(),
        consistent: exercises
            .iter()
            .filter_map(|exercise| exercise.consistent)
            .sum(),
        cells: exercises.iter().map(|exercise| exercise.cells).sum(),
        solved: exercises
            .iter()
            .filter(|exercise| exercise.solved == Some(true))
            .count(),
        exercises: exercises.len(),
    });
    let exported = Exported {
        student: student.trim(),
        set: set.encode(),
        rules: (!set.rules.is_open()).then_some(ExportedRules {
            feedback: set.rules.feedback.code(),
            checks: set.rules.checks,
        }),
        score,
        exercises,
    };
    serde_json::to_string_pretty(&exported).unwrap_or_default()
}

pub(crate) fn verdict_code(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Right => "right",
        Verdict::Consistent => "consistent",
        Verdict::Wrong => "wrong",
        Verdict::Missing => "missing",
        Verdict::NotANumber => "not_a_number",
    }
}

/// A field of a CSV file (the answers files and the gradebook's). What students typed (their names, their answers) goes into a
/// teacher's spreadsheet: text that a spreadsheet would run as a formula (`=`, `+`, `@`, or `-`
/// not starting a number) is kept as text by a leading `'`.
pub(crate) fn csv_field(text: &str) -> String {
    let formula = match text.as_bytes() {
        [b'=' | b'+' | b'@' | b'\t' | b'\r', ..] => true,
        [b'-', next, ..] => !next.is_ascii_digit() && *next != b'.',
        _ => false,
    };
    let text = match formula {
        true => format!("'{text}"),
        false => text.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// One answered cell as exported: what it is (`gantt 2 who`, `P1 completion`, `deadlock cycle`),
/// what was typed (processes and threads by their names), and its verdict.
#[derive(Serialize)]
struct ExportedCell {
    cell: String,
    answer: String,
    /// `null` in a set with rules (see [`SetRules::exports_marks`]).
    verdict: Option<&'static str>,
}

/// Every cell of `exercise`'s kind with the student's answer and its verdict (with `marks`), in
/// reading order: a line a cell of the score, so that a sheet counting lines by verdict finds
/// the score's figures. A segment left out is its two cells, its owner and its end; a segment the
/// run does not have is marked `extra`, not one of the score's cells.
fn exported_cells(exercise: &Exercise, answer: &Answer, marks: bool) -> Vec<ExportedCell> {
    let grading = grade(exercise, answer);
    let cells = answer_cells(exercise, answer, &grading, Lang::En, LeftOut::TwoCells);
    let typed_segments = answer.segments.len().min(grading.segments.len());
    cells
        .into_iter()
        .enumerate()
        .map(|(at, (cell, answer, verdict))| {
            let extra = at < 2 * typed_segments && grading.paired[at / 2].is_none();
            ExportedCell {
                cell,
                answer,
                verdict: marks.then(|| match extra {
                    true => "extra",
                    false => verdict_code(verdict),
                }),
            }
        })
        .collect()
}

/// How [`answer_cells`] lists a segment of the run the chart leaves out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LeftOut {
    /// One line: what a teacher reads.
    OneLine,
    /// Its two cells of the score, owner and end: what a sheet counts.
    TwoCells,
}

/// One cell of a handed-in answer that is not right, as the gradebook shows it: the cell, what
/// was typed, what the run has there (for a segment the run does not have, that it has none;
/// empty where the run has no one value, the racing counter's interleaving), and its mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellNotRight {
    pub cell: String,
    pub typed: String,
    pub key: String,
    pub verdict: Verdict,
}

/// The cells of `answer` to `exercise` that cannot be read, each its name in `lang` and what was
/// typed: what a Check not counted names.
pub fn unreadable_cells(exercise: &Exercise, answer: &Answer, lang: Lang) -> Vec<(String, String)> {
    cells_not_right(exercise, answer, lang)
        .into_iter()
        .filter(|cell| cell.verdict == Verdict::NotANumber)
        .map(|cell| (cell.cell, cell.typed))
        .collect()
}

/// The cells of `answer` to `exercise` that are not right (≈, wrong, unreadable, empty, left out
/// of the chart, a segment too many), each with the run's value, in `lang`: what a teacher reads
/// to see why a score is what it is.
pub fn cells_not_right(exercise: &Exercise, answer: &Answer, lang: Lang) -> Vec<CellNotRight> {
    let grading = grade(exercise, answer);
    // Left alone: one line, not a wall of empty cells.
    let (_, _, total) = grading.counts();
    if grading.left_empty() == total && grading.extra_segments() == 0 {
        return vec![CellNotRight {
            cell: lang.pick([
                format!("문제 전체가 비어 있음 ({total}칸)"),
                format!("the whole exercise left empty ({total} cells)"),
            ]),
            typed: String::new(),
            key: String::new(),
            verdict: Verdict::Missing,
        }];
    }
    let key_answer = super::grade::key_answer(exercise);
    let key_cells = answer_cells(
        exercise,
        &key_answer,
        &grade(exercise, &key_answer),
        lang,
        LeftOut::OneLine,
    );
    let key_segments = exercise.key();
    let names = exercise.names();
    let who_name = |who: Who| who_word(who, &names, lang);
    // The chart's cells come first, two a segment, then a line a segment left out; the rest
    // stand in the same order as the key's, whose chart is its own segments, two cells each.
    let typed_segments = answer.segments.len().min(grading.segments.len());
    let chart_lines = 2 * typed_segments + grading.omitted.len();
    let key_chart_lines = 2 * key_answer.segments.len();
    // A chart left empty: one line with the run's whole chart, not one a segment.
    let empty_chart = (typed_segments == 0 && !grading.omitted.is_empty()).then(|| CellNotRight {
        cell: lang.pick([
            format!(
                "간트 차트가 비어 있음 (실행의 구간 {}개)",
                key_segments.len()
            ),
            format!(
                "gantt chart left empty ({} segments of the run)",
                key_segments.len()
            ),
        ]),
        typed: String::new(),
        key: key_segments
            .iter()
            .map(|segment| format!("{} {}", who_name(segment.who), segment.end))
            .collect::<Vec<_>>()
            .join(" "),
        verdict: Verdict::Missing,
    });
    let chart_empty = empty_chart.is_some();
    let lines = answer_cells(exercise, answer, &grading, lang, LeftOut::OneLine)
        .into_iter()
        .enumerate()
        .filter(|(at, (_, _, verdict))| {
            *verdict != Verdict::Right && !(chart_empty && *at < chart_lines)
        })
        .map(|(at, (cell, typed, verdict))| {
            let key = if at < 2 * typed_segments {
                let segment = grading.paired[at / 2].map(|key| key_segments[key]);
                match (segment, at % 2) {
                    (Some(segment), 0) => who_name(segment.who),
                    (Some(segment), _) => segment.end.to_string(),
                    (None, _) => lang
                        .pick([
                            "없음 (실행에 없는 구간)",
                            "none (a segment the run does not have)",
                        ])
                        .to_string(),
                }
            } else if at < chart_lines {
                let segment = key_segments[grading.omitted[at - 2 * typed_segments].key];
                format!("{} {}", who_name(segment.who), segment.end)
            } else if grading.race.is_some() && at == 1 {
                // Any interleaving that loses an update is right: the run has no one answer, so
                // what the one typed does stands in its place.
                let workload = exercise.race_workload();
                super::race::interleaving_outcome(
                    &workload,
                    &super::race::lengths(&workload),
                    &answer.race.interleaving,
                    lang,
                )
            } else {
                key_cells
                    .get(at - chart_lines + key_chart_lines)
                    .map(|(_, key, _)| key.clone())
                    .unwrap_or_default()
            };
            let left_out = (2 * typed_segments..chart_lines).contains(&at);
            let cell = CellNotRight {
                cell,
                typed,
                key,
                verdict,
            };
            (cell, left_out)
        });
    // Cells left empty, but for the chart's segments left out (each with the run's segment), are
    // one line: a student who left half the table empty had twice as many lines of "—" as of
    // mistakes, and the mistakes were hard to find among them.
    let (empty, shown): (Vec<_>, Vec<_>) = lines.partition(|(cell, left_out)| {
        !left_out && cell.verdict == Verdict::Missing && cell.typed.trim().is_empty()
    });
    let folded = (empty.len() > 1).then(|| {
        let names: Vec<&str> = empty.iter().map(|(cell, _)| cell.cell.as_str()).collect();
        let count = names.len();
        CellNotRight {
            cell: lang.pick([
                format!("빈 칸 {count}개: {}", names.join(", ")),
                format!("{count} cells left empty: {}", names.join(", ")),
            ]),
            typed: String::new(),
            key: String::new(),
            verdict: Verdict::Missing,
        }
    });
    let empty = match folded {
        Some(folded) => vec![folded],
        None => empty.into_iter().map(|(cell, _)| cell).collect(),
    };
    empty_chart
        .into_iter()
        .chain(shown.into_iter().map(|(cell, _)| cell))
        .chain(empty)
        .collect::<Vec<_>>()
}

/// Who holds the CPU in a chart's segment, as the answers files write it (`P2`, `idle`,
/// `switch`) or, in Korean, as the page does.
fn who_word(who: Who, names: &[String], lang: Lang) -> String {
    match who {
        Who::Process(pid) => names.get(pid as usize).cloned().unwrap_or_default(),
        Who::Idle => lang.pick(["유휴", "idle"]).to_string(),
        Who::Switch => lang.pick(["문맥 교환", "switch"]).to_string(),
    }
}

/// Every cell of `exercise`'s kind, `grading` being `answer`'s: (the cell's name, what was typed,
/// its mark), in reading order. In English the names and words are the answers files' own
/// (`gantt 2 end`, `P1 completion`, `idle`, `Running`); in Korean they are the page's.
fn answer_cells(
    exercise: &Exercise,
    answer: &Answer,
    grading: &super::grade::Grading,
    lang: Lang,
    left_out_lines: LeftOut,
) -> Vec<(String, String, Verdict)> {
    let mut cells = Vec::new();
    let names = exercise.names();
    let who_name = |who: Who| who_word(who, &names, lang);
    let mut line = |cell: String, typed: &str, verdict: Verdict| {
        cells.push((cell, typed.to_string(), verdict));
    };
    'kind: {
        for (index, (segment, verdict)) in answer.segments.iter().zip(&grading.segments).enumerate()
        {
            let number = index + 1;
            line(
                lang.pick([
                    format!("간트 구간 {number}: 누구"),
                    format!("gantt {number} who"),
                ]),
                &who_name(segment.who),
                verdict.who,
            );
            line(
                lang.pick([
                    format!("간트 구간 {number}: 끝"),
                    format!("gantt {number} end"),
                ]),
                &segment.end,
                verdict.end,
            );
        }
        let typed_segments = answer.segments.len();
        for left_out in &grading.omitted {
            // Named by the run's segment, so the lines of a chart left empty differ; where it
            // belongs, when the chart has segments.
            let (key, before) = (left_out.key + 1, left_out.before + 1);
            let parts: &[[&str; 2]] = match left_out_lines {
                LeftOut::OneLine => &[["", ""]],
                LeftOut::TwoCells => &[[": 누구", " who"], [": 끝", " end"]],
            };
            for part in parts {
                let (ko, en) = (part[0], part[1]);
                let name = match (typed_segments, left_out.before >= typed_segments) {
                    (0, _) => lang.pick([
                        format!("간트: 빠진 구간{ko} (실행의 {key}번째 구간)"),
                        format!("gantt run segment {key}{en} left out"),
                    ]),
                    (_, true) => lang.pick([
                        format!("간트: 빠진 구간{ko} (실행의 {key}번째 구간, 답의 마지막 구간 뒤)"),
                        format!("gantt run segment {key}{en} left out (after the last)"),
                    ]),
                    (_, false) => lang.pick([
                        format!(
                            "간트: 빠진 구간{ko} (실행의 {key}번째 구간, 답의 구간 {before} 앞)"
                        ),
                        format!("gantt run segment {key}{en} left out (before {before})"),
                    ]),
                };
                line(name, "", Verdict::Missing);
            }
        }
        let column_name = |column: Column| match lang {
            Lang::Ko => column.label(lang).to_string(),
            Lang::En => column_code(column).to_string(),
        };
        for (pid, verdicts) in grading.rows.iter().enumerate() {
            for (column_index, verdict) in verdicts.iter().enumerate() {
                let typed = answer
                    .rows
                    .get(pid)
                    .map(|row| row[column_index].as_str())
                    .unwrap_or("");
                line(
                    format!("{} {}", names[pid], column_name(Column::ALL[column_index])),
                    typed,
                    *verdict,
                );
            }
        }
        if let Some(marks) = &grading.context {
            for (cell, verdict) in marks.iter().enumerate() {
                let typed = answer.context.get(cell).map_or("", String::as_str);
                let code = super::switch::cell_code(cell);
                let name = match lang {
                    Lang::Ko => code.replace("saved", "저장한").replace("loaded", "적재한"),
                    Lang::En => code,
                };
                line(name, typed, *verdict);
            }
            break 'kind;
        }
        if let Some(marks) = &grading.levels {
            let tick = exercise.asked.unwrap_or(0);
            for (pid, verdict) in marks.iter().enumerate() {
                let typed = answer.levels.get(pid).map_or("", String::as_str);
                line(
                    lang.pick([
                        format!("{} t={tick}의 단계", names[pid]),
                        format!("{} level at t={tick}", names[pid]),
                    ]),
                    typed,
                    *verdict,
                );
            }
            break 'kind;
        }
        if let Some(marks) = &grading.semaphore {
            let names = super::semaphore::names(&exercise.run);
            for (index, verdict) in marks.values.iter().enumerate() {
                let typed = answer
                    .semaphore
                    .values
                    .get(index)
                    .map_or("", String::as_str);
                let name = names.get(index).map_or("s", String::as_str);
                line(
                    lang.pick([
                        format!("세마포어 {name}의 값"),
                        format!("value of semaphore {name}"),
                    ]),
                    typed,
                    *verdict,
                );
            }
            for (thread, verdict) in marks.waits.iter().enumerate() {
                let typed = match answer.semaphore.waits.get(thread).copied().flatten() {
                    None => String::new(),
                    Some(0) => lang.pick(["기다리지 않음", "not waiting"]).to_string(),
                    Some(choice) => names.get(choice as usize - 1).cloned().unwrap_or_default(),
                };
                let label = super::semaphore::thread_label(thread as u32);
                line(
                    lang.pick([
                        format!(
                            "{label}{} 기다리는 세마포어",
                            crate::lang::subject_particle(&label)
                        ),
                        format!("{label} waits on"),
                    ]),
                    &typed,
                    *verdict,
                );
            }
            break 'kind;
        }
        if let Some(marks) = &grading.pipe {
            let names = super::pipe::names(&exercise.run);
            line(
                lang.pick([
                    format!("파이프 {}에 남은 바이트", super::pipe::PIPE),
                    format!("bytes in pipe {}", super::pipe::PIPE),
                ]),
                &answer.pipe.held,
                marks.held,
            );
            for (process, verdict) in marks.waits.iter().enumerate() {
                let typed = answer
                    .pipe
                    .waits
                    .get(process)
                    .copied()
                    .flatten()
                    .and_then(|choice| {
                        super::pipe::Waits::ALL
                            .into_iter()
                            .find(|wait| wait.code() == choice)
                    })
                    .map(|wait| wait.label(lang).to_string())
                    .unwrap_or_default();
                let name = names.get(process).map_or("", String::as_str);
                line(
                    lang.pick([format!("{name}의 대기"), format!("{name} waits")]),
                    &typed,
                    *verdict,
                );
            }
            break 'kind;
        }
        if let Some(marks) = grading.deadlock {
            let deadlock = &answer.deadlock;
            let threads = |list: &[u32]| {
                list.iter()
                    .map(|thread| super::deadlock::thread_label(*thread))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let present = match deadlock.present {
                Some(true) => lang.pick(["예", "yes"]),
                Some(false) => lang.pick(["아니요", "no"]),
                None => "",
            };
            line(
                lang.pick(["교착 상태가 있는가", "deadlock present"]).into(),
                present,
                marks.present,
            );
            line(
                lang.pick(["영원히 기다리는 스레드", "deadlock waits forever"])
                    .into(),
                &threads(&deadlock.blocked),
                marks.blocked,
            );
            if let Some(cycle) = marks.cycle {
                line(
                    lang.pick(["교착 상태의 사이클", "deadlock cycle"]).into(),
                    &threads(&deadlock.cycle),
                    cycle,
                );
            }
            break 'kind;
        }
        if let Some(marks) = grading.race {
            line(
                lang.pick(["경쟁: 최종값", "race final value"]).into(),
                &answer.race.value,
                marks.value,
            );
            line(
                lang.pick(["경쟁: 실행 순서", "race interleaving"]).into(),
                &answer.race.interleaving,
                marks.interleaving,
            );
            break 'kind;
        }
        for (index, verdict) in grading.averages.iter().enumerate() {
            line(
                lang.pick([
                    format!("평균 {}", Column::AVERAGED[index].label(lang)),
                    format!("average {}", column_code(Column::AVERAGED[index])),
                ]),
                &answer.averages[index],
                *verdict,
            );
        }
        // The transition after the averages row: the order they stand on the page.
        if let Some(marks) = grading.transition {
            let transition = answer.transition;
            let state = |state: Option<proclab_core::ProcessState>| match (state, lang) {
                (None, _) => String::new(),
                (Some(state), Lang::Ko) => crate::watch::text::state_name(state, lang).to_string(),
                (Some(state), Lang::En) => format!("{state:?}"),
            };
            line(
                lang.pick(["상태 전이: 이전 상태", "transition from"])
                    .into(),
                &state(transition.from),
                marks[0],
            );
            line(
                lang.pick(["상태 전이: 다음 상태", "transition to"]).into(),
                &state(transition.to),
                marks[1],
            );
            // In words, as the states beside it are ("asked for I/O", not "io-requested").
            let reason = transition.reason.map(|r| r.label(lang)).unwrap_or("");
            line(
                lang.pick(["상태 전이: 이유", "transition reason"]).into(),
                reason,
                marks[2],
            );
        }
    }
    cells
}

/// The first line of the answers CSV (the gradebook knows a CSV handed in by it).
pub const ANSWERS_CSV_HEADER: &str =
    "exercise,topic,difficulty,seed,cell,answer,verdict,student,checks,shown,hints";

/// The answers as CSV, one cell a line: exercise, topic, difficulty, seed, cell, answer, verdict
/// (empty in a set with rules) and the student's name on every line, so a teacher can put every
/// student's file in one sheet.
pub fn export_csv(set: &ExerciseSet, progress: &Progress, student: &str) -> String {
    let mut csv = String::from(ANSWERS_CSV_HEADER);
    csv.push('\n');
    let student = csv_field(student.trim());
    let marks = set.rules.exports_marks();
    for (number, done) in graded(set, progress).iter().enumerate() {
        let exercise = &done.exercise;
        for cell in exported_cells(exercise, &done.answer, marks) {
            csv += &format!(
                "{},{},{},{},{},{},{},{student},{},{},{}\n",
                number + 1,
                exercise.id.topic.code(),
                exercise.id.difficulty.code(),
                exercise.id.seed,
                csv_field(&cell.cell),
                csv_field(&cell.answer),
                cell.verdict.unwrap_or(""),
                done.checks,
                if done.shown { "yes" } else { "no" },
                done.hints,
            );
        }
    }
    csv
}

/// The answers file's name: `proclab-practice-<name>.<extension>` with the student's name in
/// letters and digits of any script (others become `-`), or without one when none was typed.
pub fn export_file_name(student: &str, extension: &str) -> String {
    let mut name = String::new();
    for c in student.trim().chars() {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_matches('-');
    match name.is_empty() {
        true => format!("proclab-practice.{extension}"),
        false => format!("proclab-practice-{name}.{extension}"),
    }
}

fn column_code(column: Column) -> &'static str {
    match column {
        Column::Completion => "completion",
        Column::Turnaround => "turnaround",
        Column::Waiting => "waiting",
        Column::Response => "response",
    }
}

/// What is wrong with the "new set" form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupError {
    /// The number of exercises is not a whole number from 1 to [`MAX_EXERCISES`].
    Count,
    /// The seed is neither empty nor a whole number from 0 to `u64::MAX`.
    Seed,
    /// A set already holds [`MAX_EXERCISES`] exercises.
    Full,
    /// The list already holds this exercise (same topic, difficulty and seed): a copy would
    /// ask the students the same question twice.
    AlreadyInList,
}

/// Reads the "new set" form as typed: the number of exercises, and the seed (`None` when left
/// empty: the page picks one). Nothing is guessed: a typo is an error, not a random set. Every
/// field that cannot be read is named, in the form's order (one at a time had left a second typo
/// for the next press).
pub fn read_setup(count: &str, seed: &str) -> Result<(usize, Option<u64>), Vec<SetupError>> {
    let count = crate::lang::whole_number(count)
        .and_then(|count| usize::try_from(count).ok())
        .filter(|count| (1..=MAX_EXERCISES).contains(count))
        .ok_or(SetupError::Count);
    let seed = match seed.trim() {
        "" => Ok(None),
        seed => crate::lang::whole_number(seed)
            .map(Some)
            .ok_or(SetupError::Seed),
    };
    match (count, seed) {
        (Ok(count), Ok(seed)) => Ok((count, seed)),
        (count, seed) => Err([count.err(), seed.err()].into_iter().flatten().collect()),
    }
}
