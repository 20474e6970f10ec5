//! The teacher's side of the answers files: each student's JSON file is graded again here, from
//! the answers it holds against the set its link names, never from the marks it states (a text
//! editor changes those in a minute). One line per student, and the lines as CSV for a
//! spreadsheet.

use super::exercise::Exercise;
use super::grade::{grade, Answer};
use super::set::{
    cells_not_right, csv_field, CellNotRight, ExerciseSet, Feedback, SetError, SetRules,
    ANSWERS_CSV_HEADER,
};
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
    changed_after_check: bool,
    #[serde(default)]
    answer: Answer,
}

/// Why a file could not be graded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge,
    /// Not JSON, or JSON that is not an answers file.
    NotAnswers,
    /// The answers exported as CSV, for reading: the JSON is the one to grade.
    AnswersCsv,
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
            FileProblem::AnswersCsv => lang.pick([
                "답안 CSV입니다(표로 읽기용). 채점에는 같은 답의 JSON이 필요합니다: 학생에게 \"답안 JSON\"으로 내려받은 파일을 받으세요.",
                "This is the answers CSV, for reading in a spreadsheet; grading needs the same answers as JSON: ask the student for the file saved with \"Answers JSON\".",
            ]),
            FileProblem::Set(_) => lang.pick([
                "파일에 적힌 세트 링크를 열 수 없습니다(잘렸거나 고쳐졌습니다).",
                "The set link written in the file cannot be opened (cut short or edited).",
            ]),
        }
    }
}

/// One exercise of a student's file, graded here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExerciseMark {
    pub right: usize,
    pub consistent: usize,
    pub cells: usize,
    /// Every cell right or worked out right from an earlier slip.
    pub solved: bool,
    pub checks: u32,
    pub shown: bool,
    pub hints: usize,
    /// Checked, then changed: the answer handed in is not the one last checked.
    pub changed_after_check: bool,
    /// Segments the chart has too many, apart from the cells ([`super::grade::Grading::extra_segments`]).
    pub extra_segments: usize,
    /// The cells not right, with the run's value at each (for the teacher to read the marks).
    pub not_right: Vec<CellNotRight>,
}

/// How a file's set compares with the one the teacher has open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetMatch {
    Same,
    /// The same exercises under other rules (these): the student changed them, or the teacher
    /// has the set open without the rules the students had.
    OtherRules(SetRules),
    /// Other exercises: a link changed, or a set made on the student's own page.
    Other,
}

/// What a file shows was used beyond the rules of the teacher's set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BeyondRules {
    /// The most checks of one exercise, when more than the rules allow.
    pub checks: Option<u32>,
    pub hints: bool,
    pub shown: bool,
}

impl BeyondRules {
    pub fn any(&self) -> bool {
        *self != BeyondRules::default()
    }

    /// What was used, in a few words ("4 checks of one exercise, hints, the simulator").
    pub fn words(&self, rules: SetRules, lang: Lang) -> String {
        let mut used = Vec::new();
        if let Some(checks) = self.checks {
            let allowed = match rules.feedback {
                Feedback::Hidden => 0,
                _ => rules.checks.map_or(0, u32::from),
            };
            used.push(lang.pick([
                format!("한 문제에 확인 {checks}번(허용 {allowed}번)"),
                format!("{checks} checks of one exercise ({allowed} allowed)"),
            ]));
        }
        if self.hints {
            used.push(lang.pick(["힌트", "hints"]).to_string());
        }
        if self.shown {
            used.push(
                lang.pick(["시뮬레이터에서 보기", "the simulator"])
                    .to_string(),
            );
        }
        used.join(", ")
    }
}

/// A student's file, graded here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentGrade {
    pub student: String,
    /// The set the file is of, as its link has it (to open it when it is not the set open).
    pub set_code: String,
    /// Its set against the one the teacher has open.
    pub set: SetMatch,
    /// What it used beyond the rules of the teacher's set (of its exercises, when they are the
    /// same).
    pub beyond: BeyondRules,
    pub exercises: Vec<ExerciseMark>,
    /// The score the file states differs from this grading: edited by hand, or saved by a
    /// version of the page that graded otherwise.
    pub score_differs: bool,
    /// The other files whose answers are these, mistakes included (answers all right are the
    /// same for everyone and say nothing).
    pub same_answers_as: Vec<String>,
    /// With checks limited by the teacher's set: the exercises (1-based) whose answer was
    /// changed after its last check, so that what was handed in is not what was checked (a
    /// student out of checks may still change an answer; it is graded as handed in).
    pub changed_after_check: Vec<usize>,
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
/// The cells not right are named in `lang`.
pub fn grade_files(
    files: &[(String, Vec<u8>)],
    expected: &ExerciseSet,
    lang: Lang,
) -> Vec<GradedFile> {
    let mut made: Vec<(ExerciseSet, Vec<Exercise>)> = Vec::new();
    // Each file's grade, and its answers as text where they have a typed mistake.
    let (mut graded, answers): (Vec<GradedFile>, Vec<Option<String>>) = files
        .iter()
        .take(MAX_FILES)
        .map(|(file, bytes)| {
            let (grade, answers) = match grade_bytes(bytes, expected, &mut made, lang) {
                Ok((grade, answers)) => (Ok(grade), answers),
                Err(problem) => (Err(problem), None),
            };
            let file = file.clone();
            (GradedFile { file, grade }, answers)
        })
        .unzip();
    // Copies: the same answers, mistakes included, in two files or more.
    for (index, file) in graded.iter_mut().enumerate() {
        let Some(mine) = &answers[index] else {
            continue;
        };
        if let Ok(grade) = &mut file.grade {
            grade.same_answers_as = files
                .iter()
                .zip(&answers)
                .enumerate()
                .filter(|(other, (_, theirs))| *other != index && theirs.as_ref() == Some(mine))
                .map(|(_, ((name, _), _))| name.clone())
                .collect();
        }
    }
    graded
}

/// A file's grade, and its answers as text when they have a typed mistake (to find copies by).
fn grade_bytes(
    bytes: &[u8],
    expected: &ExerciseSet,
    made: &mut Vec<(ExerciseSet, Vec<Exercise>)>,
    lang: Lang,
) -> Result<(StudentGrade, Option<String>), FileProblem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    // A spreadsheet or an editor may have added a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(ANSWERS_CSV_HEADER.as_bytes()) {
        return Err(FileProblem::AnswersCsv);
    }
    let handed_in: HandedIn = serde_json::from_slice(bytes).map_err(|_| FileProblem::NotAnswers)?;
    let set = ExerciseSet::decode(&handed_in.set).map_err(FileProblem::Set)?;
    let at = match made.iter().position(|(known, _)| *known == set) {
        Some(at) => at,
        None => {
            made.push((set.clone(), set.exercises()));
            made.len() - 1
        }
    };
    let mut typed_mistakes = 0;
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
            let answer = done.map_or(&empty, |done| &done.answer);
            let grading = grade(exercise, answer);
            let (right, consistent, cells) = grading.counts();
            typed_mistakes += grading.wrong_cells();
            ExerciseMark {
                right,
                consistent,
                cells,
                solved: grading.all_fine(),
                checks: done.map_or(0, |done| done.checks),
                shown: done.is_some_and(|done| done.shown),
                hints: done.map_or(0, |done| done.hints),
                changed_after_check: done.is_some_and(|done| done.changed_after_check),
                extra_segments: grading.extra_segments(),
                not_right: cells_not_right(exercise, answer, lang),
            }
        })
        .collect();
    let same_exercises = set.exercises == expected.exercises && set.workloads == expected.workloads;
    let rules = expected.rules;
    let beyond = match same_exercises {
        false => BeyondRules::default(),
        true => {
            let most = exercises.iter().map(|mark| mark.checks).max().unwrap_or(0);
            BeyondRules {
                checks: (!rules.may_check(most.saturating_sub(1)) && most > 0).then_some(most),
                hints: !rules.explains() && exercises.iter().any(|mark| mark.hints > 0),
                shown: !rules.explains() && exercises.iter().any(|mark| mark.shown),
            }
        }
    };
    let mut grade = StudentGrade {
        student: handed_in.student.trim().to_string(),
        set_code: handed_in.set.clone(),
        set: match (same_exercises, set.rules == rules) {
            (true, true) => SetMatch::Same,
            (true, false) => SetMatch::OtherRules(set.rules),
            _ => SetMatch::Other,
        },
        beyond,
        exercises,
        score_differs: false,
        same_answers_as: Vec::new(),
        changed_after_check: Vec::new(),
    };
    // Checks limited by the teacher's set (this one open) or by the file's own (another open):
    // a note from the file itself, whichever set the teacher has open.
    let limited = |rules: SetRules| rules.checks.is_some() && rules.may_check(0);
    if (same_exercises && limited(rules)) || limited(set.rules) {
        grade.changed_after_check = (1..=grade.exercises.len())
            .filter(|number| grade.exercises[number - 1].changed_after_check)
            .collect();
    }
    grade.score_differs = handed_in
        .score
        .is_some_and(|stated| (stated.right, stated.consistent, stated.cells) != grade.totals());
    let mistaken_answers = (typed_mistakes > 0).then(|| {
        let answers: Vec<&Answer> = handed_in
            .exercises
            .iter()
            .map(|done| &done.answer)
            .collect();
        format!(
            "{}|{}",
            handed_in.set,
            serde_json::to_string(&answers).unwrap_or_default()
        )
    });
    Ok((grade, mistaken_answers))
}

/// The gradebook as CSV, one student a line: how the file's set compares with the one open (in
/// words) and its code (the same in every gradebook, for a spreadsheet to sort by), the totals,
/// then each exercise's cells right,
/// worked out right from an earlier slip, and its cells (numbers apart: a spreadsheet reads
/// `38/40` as a date), so that each exercise's columns add up to the totals'. A file
/// that could not be graded has its line too, with the reason. The notes are in `lang`, the
/// column names in English (a file's format, for scripts).
pub fn gradebook_csv(files: &[GradedFile], expected: &ExerciseSet, lang: Lang) -> String {
    let most = files
        .iter()
        .filter_map(|file| file.grade.as_ref().ok())
        .map(|grade| grade.exercises.len())
        .max()
        .unwrap_or(0);
    let mut csv = String::from(
        "student,file,set,set_code,solved,exercises,right,consistent,cells,checks,hints,shown,beyond_rules,note",
    );
    for number in 1..=most {
        csv += &format!(",ex{number}_right,ex{number}_consistent,ex{number}_cells");
    }
    csv.push('\n');
    for file in files {
        let name = csv_field(&file.file);
        match &file.grade {
            Err(problem) => {
                csv += &format!(
                    ",{name},,,,,,,,,,,,{}{}\n",
                    csv_field(problem.message(lang)),
                    ",".repeat(3 * most)
                );
            }
            Ok(grade) => {
                let (right, consistent, cells) = grade.totals();
                let shown: Vec<String> = grade.shown().iter().map(usize::to_string).collect();
                let note = file_notes(grade, lang).join(" ");
                csv += &format!(
                    "{},{name},{},{},{},{},{right},{consistent},{cells},{},{},{},{},{}",
                    csv_field(&grade.student),
                    csv_field(&grade.set.words(lang)),
                    csv_field(&grade.set_code),
                    grade.solved(),
                    grade.exercises.len(),
                    grade.checks(),
                    grade.hints(),
                    match shown.is_empty() {
                        true => lang.pick(["없음", "none"]).to_string(),
                        false => shown.join(" "),
                    },
                    csv_field(&grade.beyond.words(expected.rules, lang)),
                    csv_field(&note),
                );
                for number in 0..most {
                    match grade.exercises.get(number) {
                        Some(mark) => {
                            csv += &format!(",{},{},{}", mark.right, mark.consistent, mark.cells)
                        }
                        None => csv += ",,,",
                    }
                }
                csv.push('\n');
            }
        }
    }
    csv
}

/// Every student's cells not right as CSV, a line each: the student, the file, the exercise,
/// the cell, what was typed, the run's value and the mark (`consistent`, `wrong`, `missing`,
/// `not_a_number`, as in the answers files); what the page lists folded under the table, for a
/// spreadsheet to sort and filter (the gradebook's CSV had the counts only). The cells' names
/// and words are in `lang`, as the page shows them; the column names in English (a file's
/// format). Files that could not be graded have no line here.
pub fn cells_not_right_csv(files: &[GradedFile]) -> String {
    let mut csv = String::from("student,file,exercise,cell,typed,run,mark\n");
    for file in files {
        let Ok(grade) = &file.grade else {
            continue;
        };
        for (number, mark) in grade.exercises.iter().enumerate() {
            for cell in &mark.not_right {
                csv += &format!(
                    "{},{},{},{},{},{},{}\n",
                    csv_field(&grade.student),
                    csv_field(&file.file),
                    number + 1,
                    csv_field(&cell.cell),
                    csv_field(&cell.typed),
                    csv_field(&cell.key),
                    super::set::verdict_code(cell.verdict),
                );
            }
        }
    }
    csv
}

/// The class at a glance: of the files graded against the set open (other sets apart), the
/// average of exercises solved and the share of cells right or worked out right, in a sentence;
/// `None` when no file is of that set.
pub fn class_summary(files: &[GradedFile], lang: Lang) -> Option<String> {
    let grades: Vec<&StudentGrade> = files
        .iter()
        .filter_map(|file| file.grade.as_ref().ok())
        .filter(|grade| grade.set != SetMatch::Other)
        .collect();
    let exercises = grades.first()?.exercises.len();
    let students = grades.len();
    let solved: usize = grades.iter().map(|grade| grade.solved()).sum();
    let (fine, cells) = grades.iter().fold((0, 0), |(fine, cells), grade| {
        let (right, consistent, total) = grade.totals();
        (fine + right + consistent, cells + total)
    });
    // Tenths, rounded half up, in whole numbers (no floating point in what is compared).
    let tenths = |num: usize, den: usize| (num * 20 + den) / (den * 2);
    let solved = tenths(solved, students);
    let percent = tenths(fine * 100, cells.max(1));
    let (solved, percent) = (
        format!("{}.{}", solved / 10, solved % 10),
        format!("{}.{}", percent / 10, percent % 10),
    );
    Some(lang.pick([
        format!("이 세트의 학생 {students}명: {exercises}문제 중 평균 {solved}문제를 풀었고, 칸의 {percent}%가 맞거나 앞 칸에서 맞게 계산되었습니다."),
        format!("{students} {} of this set: {solved} of {exercises} exercises solved on average, {percent}% of the cells right or worked out right.", if students == 1 { "student" } else { "students" }),
    ]))
}

/// The note on a file whose answers are those of `others`, mistakes included.
pub fn same_answers_words(others: &[String], lang: Lang) -> String {
    let others = others.join(", ");
    lang.pick([
        format!("{others}와(과) 답이 같습니다(틀린 답까지)."),
        format!("The same answers as {others}, mistakes included."),
    ])
}

/// The note on a file with answers changed after their last check (exercises `numbers`).
pub fn changed_after_check_words(numbers: &[usize], lang: Lang) -> String {
    let list: Vec<String> = numbers.iter().map(usize::to_string).collect();
    let list = list.join(", ");
    lang.pick([
        format!("{list}번 문제: 마지막 확인 뒤에 답을 고쳐서 냈습니다(낸 답 그대로 채점했습니다)."),
        match numbers.len() {
            1 => format!("Exercise {list}: the answer was changed after its last check (graded as handed in)."),
            _ => format!("Exercises {list}: the answers were changed after their last check (graded as handed in)."),
        },
    ])
}

/// The note on a file whose charts have segments the run does not have (not among the cells).
pub fn extra_segments_words(marks: &[ExerciseMark], lang: Lang) -> Option<String> {
    let charts: Vec<(usize, usize)> = (1..=marks.len())
        .map(|number| (number, marks[number - 1].extra_segments))
        .filter(|(_, extra)| *extra > 0)
        .collect();
    if charts.is_empty() {
        return None;
    }
    let korean: Vec<String> = charts
        .iter()
        .map(|(number, extra)| format!("{number}번 문제({extra}개)"))
        .collect();
    let english: Vec<String> = charts
        .iter()
        .map(|(number, extra)| format!("exercise {number} ({extra})"))
        .collect();
    Some(lang.pick([
        format!(
            "실행에 없는 구간이 있는 차트(칸과 따로 세며, 푼 문제로 치지 않습니다): {}.",
            korean.join(", ")
        ),
        format!(
            "Charts with segments the run does not have (counted apart from the cells; such an exercise is not solved): {}.",
            english.join(", ")
        ),
    ]))
}

/// The notes on a graded file (beside its set and what it used beyond the rules, which have
/// columns of their own): a score that differs, answers the same as others', answers changed
/// after their last check, charts with segments too many.
pub fn file_notes(grade: &StudentGrade, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    if grade.score_differs {
        notes.push(score_differs_words(lang).to_string());
    }
    if !grade.same_answers_as.is_empty() {
        notes.push(same_answers_words(&grade.same_answers_as, lang));
    }
    if !grade.changed_after_check.is_empty() {
        notes.push(changed_after_check_words(&grade.changed_after_check, lang));
    }
    notes.extend(extra_segments_words(&grade.exercises, lang));
    notes
}

/// The note on a file whose stated score differs from the grading here.
pub fn score_differs_words(lang: Lang) -> &'static str {
    lang.pick([
        "파일에 적힌 점수가 이 채점과 다릅니다: 고쳐졌거나 다른 버전의 페이지가 저장한 파일입니다.",
        "The score written in the file differs from this grading: it was edited, or saved by another version of the page.",
    ])
}

impl SetMatch {
    pub fn words(self, lang: Lang) -> String {
        match self {
            SetMatch::Same => lang.pick(["이 세트", "this set"]).to_string(),
            SetMatch::OtherRules(rules) => {
                let rules = match rules.is_open() {
                    true => lang.pick(["규칙 없음", "no rules"]).to_string(),
                    false => super::text::rules_label(rules, lang),
                };
                lang.pick([
                    format!("같은 문제, 다른 규칙({rules})"),
                    format!("same exercises, other rules ({rules})"),
                ])
            }
            // Which set: not the one open (the teacher may simply have another open).
            SetMatch::Other => lang
                .pick(["아래에 열린 세트가 아님", "not the set open below"])
                .to_string(),
        }
    }
}
