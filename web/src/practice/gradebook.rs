//! The teacher's gradebook: the students' answers files chosen at once, each graded again by
//! `proclab_app::practice::gradebook` from its answers, a line a student, and the lines as CSV.

use gloo::file::futures::read_as_bytes;
use gloo::file::Blob;
use proclab_app::i18n::Lang;
use proclab_app::practice::gradebook::{
    cells_not_right_csv, class_summary, file_notes, grade_files, gradebook_csv, FileProblem,
    GradedFile, SetMatch, StudentGrade, MAX_FILES, MAX_FILE_BYTES,
};
use proclab_app::practice::set::ExerciseSet;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GradebookProps {
    pub lang: Lang,
    /// The set open on the page: each file says whether it is this one.
    pub set: ExerciseSet,
    /// Opens a set on the page (the one the files are of, when it is not the one open).
    pub on_open: Callback<ExerciseSet>,
}

/// The files as read: each one's bytes, or why it could not be read.
type ReadFiles = Rc<Vec<(String, Result<Vec<u8>, FileProblem>)>>;

/// What the gradebook holds: nothing chosen yet, files being read, or their grades.
#[derive(Clone, PartialEq)]
enum Shown {
    Empty,
    Reading(usize),
    /// Read; graded against the set open, again whenever another is opened.
    Graded {
        read: ReadFiles,
        /// Files beyond [`MAX_FILES`], not read.
        left_out: usize,
    },
}

/// Grades the files read against `set` (those that could not be read keep their problem).
fn grade_read(
    read: &[(String, Result<Vec<u8>, FileProblem>)],
    set: &ExerciseSet,
    lang: Lang,
) -> Vec<GradedFile> {
    let readable: Vec<(String, Vec<u8>)> = read
        .iter()
        .filter_map(|(name, bytes)| Some((name.clone(), bytes.as_ref().ok()?.clone())))
        .collect();
    let mut graded = grade_files(&readable, set, lang).into_iter();
    read.iter()
        .filter_map(|(file, bytes)| match bytes {
            Ok(_) => graded.next(),
            Err(problem) => Some(GradedFile {
                file: file.clone(),
                grade: Err(*problem),
            }),
        })
        .collect()
}

#[function_component(Gradebook)]
pub fn gradebook(props: &GradebookProps) -> Html {
    let lang = props.lang;
    let shown = use_state(|| Shown::Empty);
    let on_files = {
        let shown = shown.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let Some(list) = input.files() else {
                return;
            };
            let chosen: Vec<web_sys::File> =
                (0..list.length()).filter_map(|at| list.get(at)).collect();
            input.set_value("");
            if chosen.is_empty() {
                return;
            }
            let left_out = chosen.len().saturating_sub(MAX_FILES);
            shown.set(Shown::Reading(chosen.len() - left_out));
            let shown = shown.clone();
            spawn_local(async move {
                // Each file read, or why not (a huge one is refused before a byte is read).
                let mut read: Vec<(String, Result<Vec<u8>, FileProblem>)> = Vec::new();
                for file in chosen.into_iter().take(MAX_FILES) {
                    let name = file.name();
                    let bytes = if file.size() as u64 > MAX_FILE_BYTES {
                        Err(FileProblem::TooLarge)
                    } else {
                        read_as_bytes(&Blob::from(file))
                            .await
                            .map_err(|_| FileProblem::NotAnswers)
                    };
                    read.push((name, bytes));
                }
                shown.set(Shown::Graded {
                    read: Rc::new(read),
                    left_out,
                });
            });
        })
    };
    // Graded again when the teacher opens another set (the one the files are of, say), once
    // per set: nothing to choose again.
    let read = match &*shown {
        Shown::Graded { read, .. } => Some(Rc::clone(read)),
        _ => None,
    };
    let files = use_memo(
        (
            props.set.clone(),
            read.as_ref().map(|read| Rc::as_ptr(read) as usize),
            lang,
        ),
        move |(set, _, lang)| read.map(|read| grade_read(&read, set, *lang)),
    );
    let body = match (&*shown, &*files) {
        (Shown::Reading(count), _) => html! {
            <p class="hint" role="status">{ lang.pick([format!("파일 {count}개를 채점하는 중…"), match count { 1 => String::from("Grading 1 file…"), _ => format!("Grading {count} files…") }]) }</p>
        },
        (Shown::Graded { left_out, .. }, Some(files)) => {
            graded_view(files, *left_out, &props.set, &props.on_open, lang)
        }
        _ => Html::default(),
    };
    html! {
        <details id="practice-gradebook" class="practice-builder gradebook">
            <summary>{ lang.pick(["제출된 답안 채점", "Grade handed-in answers"]) }</summary>
            <p class="hint">{ lang.pick([
                "학생들이 \"답안 JSON\"으로 내려받은 파일을 한꺼번에 고르세요. 파일마다 그 안의 답을 그 세트에 대해 여기서 다시 채점합니다. 파일에 적힌 점수나 표시는 믿지 않습니다(편집기로 고칠 수 있으니까요). 아래에 열린 세트와 같은 세트인지도 알려 줍니다. 파일을 다시 고르면 앞서 고른 파일들을 대신합니다: 반 전체를 한 번에 고르세요.",
                "Choose the files your students saved with \"Answers JSON\", several at once. Each is graded again here, from its answers against its own set; the marks and score it states are not trusted (an editor changes them). Each line also says whether it is the set open below. Choosing files again replaces those chosen before: choose the whole class at once.",
            ]) }</p>
            <input id="gradebook-files" class="visually-hidden" type="file" multiple=true accept=".json,application/json" onchange={on_files} />
            <label class="button" for="gradebook-files">
                { lang.pick(["답안 파일 고르기…", "Choose answers files…"]) }
            </label>
            { body }
        </details>
    }
}

fn graded_view(
    files: &[GradedFile],
    left_out: usize,
    set: &ExerciseSet,
    on_open: &Callback<ExerciseSet>,
    lang: Lang,
) -> Html {
    let graded = files.iter().filter(|file| file.grade.is_ok()).count();
    let unread = files.len() - graded;
    let mut summary = lang.pick([
        format!("파일 {}개 중 {graded}개를 채점했습니다.", files.len()),
        match files.len() {
            1 => format!("{graded} of 1 file graded."),
            count => format!("{graded} of {count} files graded."),
        },
    ]);
    if unread > 0 {
        summary += &lang.pick([
            format!(" {unread}개는 읽을 수 없었습니다(이유는 표에)."),
            format!(" {unread} could not be read (why, in the table)."),
        ]);
    }
    if left_out > 0 {
        summary += &lang.pick([
            format!(" 한 번에 {MAX_FILES}개까지 읽으므로 {left_out}개는 읽지 않았습니다."),
            format!(" {left_out} more were not read: at most {MAX_FILES} at once."),
        ]);
    }
    let csv = gradebook_csv(files, set, lang);
    // (`download_text` puts the byte-order mark a spreadsheet needs in front.)
    let download = Callback::from(move |_: MouseEvent| {
        crate::files::download_text("proclab-gradebook.csv", "text/csv", &csv);
    });
    let cells_csv = cells_not_right_csv(files);
    let download_cells = Callback::from(move |_: MouseEvent| {
        crate::files::download_text("proclab-gradebook-cells.csv", "text/csv", &cells_csv);
    });
    let header = |name: Column| html! { <th scope="col">{ column(name, lang) }</th> };
    // Files of one set that is not the one open: that set a click away, so that they are
    // graded under its rules and its notes show.
    let mut others: Vec<&str> = files
        .iter()
        .filter_map(|file| file.grade.as_ref().ok())
        .filter(|grade| grade.set == SetMatch::Other)
        .map(|grade| grade.set_code.as_str())
        .collect();
    others.dedup();
    let their_set = match others.as_slice() {
        [code] => ExerciseSet::decode(code).ok(),
        _ => None,
    };
    let open_theirs = their_set.map(|their| {
        // Its rules said: a student who took the rules off hands in a set without them, and
        // the teacher should see that before opening it.
        // "(rules: no rules)" had said rules twice.
        let rules = match their.rules.is_open() {
            true => lang.pick(["규칙 없음", "no rules"]).to_string(),
            false => lang.pick([
                format!("규칙: {}", proclab_app::practice::text::rules_label(their.rules, lang)),
                format!("rules: {}", proclab_app::practice::text::rules_label(their.rules, lang)),
            ]),
        };
        let on_open = on_open.clone();
        let count = files
            .iter()
            .filter(|file| file.grade.as_ref().is_ok_and(|grade| grade.set == SetMatch::Other))
            .count();
        html! {
            <p id="gradebook-other-set" class="notice warning">
                { lang.pick([
                    format!("{count}개 파일이 아래에 열린 세트가 아닌 한 세트({rules})의 것입니다. 과제로 낸 세트라면 열어서 그 규칙으로 채점하세요. 과제에 규칙을 두었는데 여기 규칙이 다르면 학생이 규칙을 바꾼 것이니, 과제 링크를 여세요. "),
                    match count {
                        1 => format!("1 file is of a set that is not the one open below ({rules}). If it is the homework, open it to grade under its rules; if the homework had other rules, the student changed them: open the homework's link instead. "),
                        _ => format!("{count} files are of one set that is not the one open below ({rules}). If it is the homework, open it to grade under its rules; if the homework had other rules, the students changed them: open the homework's link instead. "),
                    },
                ]) }
                <button type="button" id="gradebook-open-set" onclick={Callback::from(move |_: MouseEvent| on_open.emit(their.clone()))}>
                    { lang.pick(["그 세트 열기", "Open their set"]) }
                </button>
            </p>
        }
    });
    html! {
        <div class="gradebook-result">
            <p id="gradebook-summary" role="status">{ summary }</p>
            if let Some(class) = class_summary(files, lang) {
                <p id="gradebook-class">{ class }</p>
            }
            { open_theirs.unwrap_or_default() }
            <div class="table-scroll" tabindex="0" role="region" aria-label={lang.pick(["채점 결과", "Grades"])}>
                <table id="gradebook-table" class="gradebook-table">
                    <thead><tr>
                        { header(Column::Student) }
                        { header(Column::Set) }
                        { header(Column::Solved) }
                        { header(Column::Right) }
                        { header(Column::ByExercise) }
                        { header(Column::Checks) }
                        { header(Column::Shown) }
                    </tr></thead>
                    <tbody>
                        { for files.iter().map(|file| match &file.grade {
                            Ok(grade) => student_row(&file.file, grade, set, lang),
                            Err(problem) => html! {
                                <tr class="unread">
                                    <th scope="row"><span class="file">{ &file.file }</span></th>
                                    <td colspan="6" class="field-error">{ problem.message(lang) }</td>
                                </tr>
                            },
                        }) }
                    </tbody>
                </table>
            </div>
            <p id="gradebook-legend" class="hint">{ lang.pick([
                "≈: 틀렸지만 앞 칸의 실수에서 맞게 계산한 칸(맞은 칸과 따로 셉니다). 아래 목록의 ✗는 틀린 칸, ?는 읽을 수 없는 칸, …는 빈 칸입니다. 노란 줄은 살펴볼 것이 있는 학생입니다: 다른 세트이거나 줄 아래에 메모가 있습니다.",
                "≈: cells wrong but worked out right from an earlier slip (counted apart from the right ones). In the lists below, ✗ is wrong, ? cannot be read, … is empty. A yellow line has something to look at: another set, or a note under it.",
            ]) }</p>
            // Each student's cells not right, below the table at the panel's width (inside the
            // table's row, a phone had to scroll the whole table sideways to read them).
            { for files.iter().enumerate().filter_map(|(index, file)| {
                file.grade.as_ref().ok().map(|grade| cells_not_right(index + 1, &file.file, grade, lang))
            }) }
            <div class="gradebook-downloads">
                <button type="button" id="gradebook-csv" onclick={download}>{ lang.pick(["성적 CSV 내려받기", "Download the grades (CSV)"]) }</button>
                <button type="button" id="gradebook-cells-csv" onclick={download_cells}>{ lang.pick(["맞지 않은 칸 CSV 내려받기", "Download the cells not right (CSV)"]) }</button>
            </div>
        </div>
    }
}

/// The cells of a student's answers that are not right, exercise by exercise, with what was
/// typed and the run's value, folded under the table: how a teacher sees why a score is what it
/// is (a score alone had left a teacher retyping a chart to check it).
fn cells_not_right(number: usize, file: &str, grade: &StudentGrade, lang: Lang) -> Html {
    let count: usize = grade
        .exercises
        .iter()
        .map(|mark| mark.not_right.len())
        .sum();
    if count == 0 {
        return Html::default();
    }
    // As the table names the student (a file without a name had been its name here only).
    let student = match grade.student.is_empty() {
        true => format!("{} · {file}", lang.pick(["(이름 없음)", "(no name)"])),
        false => grade.student.clone(),
    };
    html! {
                <details id={format!("gradebook-cells-{number}")} class="gradebook-cells">
                    <summary>{ lang.pick([
                        format!("{student}: 맞지 않은 것 {count}줄 (입력한 값과 정답)"),
                        match count {
                            1 => format!("{student}: 1 line not right (what was typed, and the run's value)"),
                            _ => format!("{student}: {count} lines not right (what was typed, and the run's value)"),
                        },
                    ]) }</summary>
                    <div class="table-scroll">
                        <table class="cells-not-right">
                            <thead><tr>
                                <th scope="col">{ lang.pick(["문제", "Exercise"]) }</th>
                                <th scope="col">{ lang.pick(["칸", "Cell"]) }</th>
                                <th scope="col">{ lang.pick(["입력", "Typed"]) }</th>
                                <th scope="col">{ lang.pick(["정답", "Run"]) }</th>
                                <th scope="col">{ lang.pick(["표시", "Mark"]) }</th>
                            </tr></thead>
                            <tbody>
                                { for grade.exercises.iter().enumerate().flat_map(|(index, exercise)| {
                                    exercise.not_right.iter().map(move |cell| html! {
                                        <tr>
                                            <td>{ index + 1 }</td>
                                            <td>{ &cell.cell }</td>
                                            <td>{ if cell.typed.is_empty() { "—" } else { &cell.typed } }</td>
                                            <td>{ if cell.key.is_empty() { "—" } else { &cell.key } }</td>
                                            <td>{ cell.verdict.mark() }</td>
                                        </tr>
                                    })
                                }) }
                            </tbody>
                        </table>
                    </div>
                </details>
    }
}

/// The gradebook table's columns.
#[derive(Clone, Copy)]
enum Column {
    Student,
    Set,
    Solved,
    Right,
    ByExercise,
    Checks,
    Shown,
}

fn column(column: Column, lang: Lang) -> &'static str {
    match column {
        Column::Student => lang.pick(["학생 · 파일", "Student · file"]),
        Column::Set => lang.pick(["세트", "Set"]),
        Column::Solved => lang.pick(["푼 문제", "Solved"]),
        Column::Right => lang.pick(["맞은 칸", "Cells right"]),
        Column::ByExercise => lang.pick(["문제별", "By exercise"]),
        Column::Checks => lang.pick(["확인 · 힌트", "Checks · hints"]),
        Column::Shown => lang.pick(["시뮬레이터에서 본 문제", "Opened in the simulator"]),
    }
}

fn student_row(file: &str, grade: &StudentGrade, set: &ExerciseSet, lang: Lang) -> Html {
    let (right, consistent, cells) = grade.totals();
    let unnamed = lang.pick(["(이름 없음)", "(no name)"]);
    let by_exercise: Vec<String> = grade
        .exercises
        .iter()
        // Right of all, as the student's page and the total count them; cells worked out right
        // from an earlier slip apart, as the total has them (it had 50/52 beside a page's 48).
        .map(|mark| match mark.consistent {
            0 => format!("{}/{}", mark.right, mark.cells),
            consistent => format!("{}/{} (+{consistent} ≈)", mark.right, mark.cells),
        })
        .collect();
    let shown: Vec<String> = grade.shown().iter().map(usize::to_string).collect();
    // ≈ as the by-exercise column has it, said once under the table: the words in every cell
    // had made this column the widest and squeezed that one to four lines.
    let cells_right = match consistent {
        0 => format!("{right} / {cells}"),
        _ => format!("{right} / {cells} (+{consistent} ≈)"),
    };
    // Said under the student's line: in a cell they had widened the table off screen.
    let mut notes = Vec::new();
    if grade.beyond.any() {
        let used = grade.beyond.words(set.rules, lang);
        notes.push(lang.pick([
            format!("이 세트의 규칙을 넘어 쓴 것: {used}."),
            format!("Used beyond this set's rules: {used}."),
        ]));
    }
    notes.extend(file_notes(grade, lang));
    let flagged = (grade.set != SetMatch::Same || !notes.is_empty()).then_some("flagged");
    html! { <>
        <tr class={classes!(flagged)}>
            <th scope="row">
                { if grade.student.is_empty() { unnamed.to_string() } else { grade.student.clone() } }
                <span class="file">{ file }</span>
            </th>
            // Each cell names its column (`data-label`): on a phone a student's line is a card
            // of labelled lines (the table had run off the screen's edge mid-score).
            <td class="set" data-label={column(Column::Set, lang)}>{ grade.set.words(lang) }</td>
            <td data-label={column(Column::Solved, lang)}>{ format!("{} / {}", grade.solved(), grade.exercises.len()) }</td>
            <td data-label={column(Column::Right, lang)}>{ cells_right }</td>
            // Each exercise's score on one line (a narrow column had broken "(+1 ≈)" in two).
            <td class="by-exercise" data-label={column(Column::ByExercise, lang)}><span>{ for by_exercise.iter().enumerate().map(|(index, score)| html! { <>
                { if index > 0 { " · " } else { "" } }<span class="score">{ score }</span>
            </> }) }</span></td>
            <td data-label={column(Column::Checks, lang)}>{ format!("{} · {}", grade.checks(), grade.hints()) }</td>
            <td data-label={column(Column::Shown, lang)}>{ if shown.is_empty() { "—".to_string() } else { shown.join(", ") } }</td>
        </tr>
        if !notes.is_empty() {
            <tr class={classes!("gradebook-note", flagged)}>
                // In view on a phone, where the table scrolls sideways: the note keeps to the
                // screen's width at the left (it had run off the edge, half read).
                <td colspan="7"><div class="note-text">{ notes.join(" ") }</div></td>
            </tr>
        }
    </> }
}
