//! The teacher's side of the answers files: each student's JSON file is graded again here, from
//! the answers it holds against the set its link names, never from the marks it states (a text
//! editor changes those in a minute). One line per student, and the lines as CSV for a
//! spreadsheet.

use super::exercise::Exercise;
use super::grade::{grade, Answer};
use super::set::{ExerciseSet, SetError};
use crate::lang::Lang;
use serde::Deserialize;

/// Most files graded at once (a lecture's worth, several times over).
pub const MAX_FILES: usize = 1_000;
/// Largest answers file read: a set of twenty exercises is tens of kilobytes.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// An answers file as [`super::set::export_json`] writes it; the marks and scores it states are
/// read only to be compared.
#[derive(Deserialize)]
struct HandedIn {
    #[serde(default)]
    student: String,
    set: String,
    #[serde(default)]
    score: Option<StatedScore>,
    exercises: Vec<HandedInExercise>,
}

#[derive(Deserialize)]
struct StatedScore {
    right: usize,
    consistent: usize,
    cells: usize,
}

#[derive(Deserialize)]
struct HandedInExercise {
    number: usize,
    #[serde(default)]
    hints: usize,
    #[serde(default)]
    checks: u32,
    #[serde(default)]
    shown: bool,
    #[serde(default)]
    answer: Answer,
}

/// Why a file could not be graded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge,
    /// Not JSON, or JSON that is not an answers file.
    NotAnswers,
    /// Its set's link cannot be opened.
    Set(SetError),
}

impl FileProblem {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            FileProblem::TooLarge => lang.pick([
                "답안 파일로는 너무 큽니다(2 MB 넘음). 읽지 않았습니다.",
                "Too large for an answers file (over 2 MB): not read.",
            ]),
            FileProblem::NotAnswers => lang.pick([
                "ProcLab 답안 JSON이 아닙니다. 학생이 \"답안 JSON\"으로 내려받은 파일을 넣으세요.",
                "Not a ProcLab answers JSON: use the file a student saved with \"Answers JSON\".",
            ]),
            FileProblem::Set(_) => lang.pick([
                "파일에 적힌 세트 링크를 열 수 없습니다(잘렸거나 고쳐졌습니다).",
                "The set link written in the file cannot be opened (cut short or edited).",
            ]),
        }
    }
}

/// One exercise of a student's file, graded here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExerciseMark {
    pub right: usize,
    pub consistent: usize,
    pub cells: usize,
    /// Every cell right or worked out right from an earlier slip.
    pub solved: bool,
    pub checks: u32,
    pub shown: bool,
    pub hints: usize,
}

/// A student's file, graded here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentGrade {
    pub student: String,
    /// Its set is the one the teacher has open (else the student answered another set: a link
    /// changed, or a set made on the student's own page).
    pub same_set: bool,
    pub exercises: Vec<ExerciseMark>,
    /// The score the file states differs from this grading: edited by hand, or saved by a
    /// version of the page that graded otherwise.
    pub score_differs: bool,
}

impl StudentGrade {
    /// (right, consistent, cells) over the whole set.
    pub fn totals(&self) -> (usize, usize, usize) {
        self.exercises.iter().fold((0, 0, 0), |(r, c, n), mark| {
            (r + mark.right, c + mark.consistent, n + mark.cells)
        })
    }

    pub fn solved(&self) -> usize {
        self.exercises.iter().filter(|mark| mark.solved).count()
    }

    pub fn checks(&self) -> u32 {
        self.exercises.iter().map(|mark| mark.checks).sum()
    }

    pub fn hints(&self) -> usize {
        self.exercises.iter().map(|mark| mark.hints).sum()
    }

    /// The exercises opened in the simulator, 1-based.
    pub fn shown(&self) -> Vec<usize> {
        (1..=self.exercises.len())
            .filter(|number| self.exercises[number - 1].shown)
            .collect()
    }
}

/// A file of the gradebook, by the name it was chosen under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GradedFile {
    pub file: String,
    pub grade: Result<StudentGrade, FileProblem>,
}

/// Grades every answers file `(name, bytes)` against its own set, noting whether that set is
/// `expected` (the teacher's). Each set's exercises are made once, however many files name it.
pub fn grade_files(files: &[(String, Vec<u8>)], expected: &ExerciseSet) -> Vec<GradedFile> {
    let mut made: Vec<(ExerciseSet, Vec<Exercise>)> = Vec::new();
    files
        .iter()
        .take(MAX_FILES)
        .map(|(file, bytes)| GradedFile {
            file: file.clone(),
            grade: grade_bytes(bytes, expected, &mut made),
        })
        .collect()
}

fn grade_bytes(
    bytes: &[u8],
    expected: &ExerciseSet,
    made: &mut Vec<(ExerciseSet, Vec<Exercise>)>,
) -> Result<StudentGrade, FileProblem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    // A spreadsheet or an editor may have added a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let handed_in: HandedIn = serde_json::from_slice(bytes).map_err(|_| FileProblem::NotAnswers)?;
    let set = ExerciseSet::decode(&handed_in.set).map_err(FileProblem::Set)?;
    let at = match made.iter().position(|(known, _)| *known == set) {
        Some(at) => at,
        None => {
            made.push((set.clone(), set.exercises()));
            made.len() - 1
        }
    };
    let exercises: Vec<ExerciseMark> = made[at]
        .1
        .iter()
        .enumerate()
        .map(|(index, exercise)| {
            let done = handed_in
                .exercises
                .iter()
                .find(|done| done.number == index + 1);
            let empty = Answer::default();
            let grading = grade(exercise, done.map_or(&empty, |done| &done.answer));
            let (right, consistent, cells) = grading.counts();
            ExerciseMark {
                right,
                consistent,
                cells,
                solved: grading.all_fine(),
                checks: done.map_or(0, |done| done.checks),
                shown: done.is_some_and(|done| done.shown),
                hints: done.map_or(0, |done| done.hints),
            }
        })
        .collect();
    let mut grade = StudentGrade {
        student: handed_in.student.trim().to_string(),
        same_set: set == *expected,
        exercises,
        score_differs: false,
    };
    grade.score_differs = handed_in
        .score
        .is_some_and(|stated| (stated.right, stated.consistent, stated.cells) != grade.totals());
    Ok(grade)
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The gradebook as CSV, one student a line: the totals, then each exercise's cells right or
/// worked out right, of its cells (`38/40`). A file that could not be graded has its line too,
/// with the reason.
pub fn gradebook_csv(files: &[GradedFile]) -> String {
    let most = files
        .iter()
        .filter_map(|file| file.grade.as_ref().ok())
        .map(|grade| grade.exercises.len())
        .max()
        .unwrap_or(0);
    let mut csv = String::from(
        "student,file,same_set,solved,exercises,right,consistent,cells,checks,hints,shown,note",
    );
    for number in 1..=most {
        csv += &format!(",ex{number}");
    }
    csv.push('\n');
    for file in files {
        let name = csv_field(&file.file);
        match &file.grade {
            Err(problem) => {
                csv += &format!(
                    ",{name},,,,,,,,,,{}{}\n",
                    csv_field(problem.message(Lang::En)),
                    ",".repeat(most)
                );
            }
            Ok(grade) => {
                let (right, consistent, cells) = grade.totals();
                let shown: Vec<String> = grade.shown().iter().map(usize::to_string).collect();
                let note = if grade.score_differs {
                    "the file's own score differs from this grading"
                } else {
                    ""
                };
                csv += &format!(
                    "{},{name},{},{},{},{right},{consistent},{cells},{},{},{},{note}",
                    csv_field(&grade.student),
                    if grade.same_set { "yes" } else { "no" },
                    grade.solved(),
                    grade.exercises.len(),
                    grade.checks(),
                    grade.hints(),
                    csv_field(&shown.join(" ")),
                );
                for number in 0..most {
                    csv.push(',');
                    if let Some(mark) = grade.exercises.get(number) {
                        csv += &format!("{}/{}", mark.right + mark.consistent, mark.cells);
                    }
                }
                csv.push('\n');
            }
        }
    }
    csv
}
