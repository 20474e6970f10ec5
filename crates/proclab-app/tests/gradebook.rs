//! The teacher's gradebook: answers files graded again from their answers, never from the marks
//! they state; an edited score is caught, another set is noted, and a file that is not an
//! answers file says why.

use proclab_app::i18n::Lang;
use proclab_app::practice::exercise::{Difficulty, Topic};
use proclab_app::practice::grade::{key_answer, SegmentAnswer};
use proclab_app::practice::gradebook::{
    grade_files, gradebook_csv, FileProblem, SetMatch, MAX_FILE_BYTES,
};
use proclab_app::practice::set::{export_json, ExerciseSet, Progress, SetError};

/// A set of three exercises (FCFS, SRTF, the racing counter) a teacher made.
fn teachers_set() -> ExerciseSet {
    let mut set = ExerciseSet::generated(Topic::Fcfs, Difficulty::Easy, 40, 1);
    set.exercises
        .extend(ExerciseSet::generated(Topic::Srtf, Difficulty::Medium, 7, 1).exercises);
    set.exercises
        .extend(ExerciseSet::generated(Topic::Race, Difficulty::Easy, 3, 1).exercises);
    set
}

/// A student's work: the first exercise solved with two checks, the second half done (its chart
/// only), the third left alone; the second opened in the simulator.
fn students_progress(set: &ExerciseSet) -> Progress {
    let exercises = set.exercises();
    let mut half = key_answer(&exercises[1]);
    half.rows.clear();
    half.averages = Default::default();
    Progress {
        answers: vec![key_answer(&exercises[0]), half],
        hints: vec![0, 1],
        checked: vec![true, false],
        checks: vec![2, 1],
        shown: vec![false, true],
        ..Progress::default()
    }
}

fn file(name: &str, text: &str) -> (String, Vec<u8>) {
    (name.to_string(), text.as_bytes().to_vec())
}

#[test]
fn a_file_is_graded_as_the_page_graded_it() {
    let set = teachers_set();
    let json = export_json(&set, &students_progress(&set), "Kim Minji");
    let stated: serde_json::Value = serde_json::from_str(&json).unwrap();
    let graded = grade_files(&[file("kim.json", &json)], &set, Lang::En);
    let grade = graded[0].grade.as_ref().unwrap();
    assert_eq!(grade.student, "Kim Minji");
    assert_eq!(grade.set, SetMatch::Same);
    assert!(!grade.score_differs && !grade.beyond.any());
    let (right, consistent, cells) = grade.totals();
    assert_eq!(right as u64, stated["score"]["right"].as_u64().unwrap());
    assert_eq!(
        consistent as u64,
        stated["score"]["consistent"].as_u64().unwrap()
    );
    assert_eq!(cells as u64, stated["score"]["cells"].as_u64().unwrap());
    assert_eq!(grade.solved(), 1);
    assert_eq!(grade.exercises.len(), 3);
    assert!(grade.exercises[0].solved && !grade.exercises[1].solved);
    assert_eq!(grade.exercises[2].right, 0, "the racing counter left alone");
    assert_eq!((grade.checks(), grade.hints()), (3, 1));
    assert_eq!(grade.shown(), [2]);
}

#[test]
fn an_edited_score_is_caught_and_the_answers_decide() {
    let set = teachers_set();
    let json = export_json(&set, &students_progress(&set), "Park");
    let mut edited: serde_json::Value = serde_json::from_str(&json).unwrap();
    // Every mark and score claimed right, the answers unchanged.
    let cells = edited["score"]["cells"].clone();
    edited["score"]["right"] = cells;
    edited["score"]["solved"] = 3.into();
    for exercise in edited["exercises"].as_array_mut().unwrap() {
        exercise["solved"] = true.into();
        for cell in exercise["marked"].as_array_mut().unwrap() {
            cell["verdict"] = "right".into();
        }
    }
    let honest = grade_files(&[file("park.json", &json)], &set, Lang::En);
    let graded = grade_files(&[file("park.json", &edited.to_string())], &set, Lang::En);
    let grade = graded[0].grade.as_ref().unwrap();
    assert!(grade.score_differs);
    assert_eq!(
        grade.totals(),
        honest[0].grade.as_ref().unwrap().totals(),
        "graded from the answers, not the marks"
    );
    assert_eq!(grade.solved(), 1);
    // An answer changed in the file is graded as it now stands.
    let mut changed: serde_json::Value = serde_json::from_str(&json).unwrap();
    changed["exercises"][0]["answer"]["segments"][0]["end"] = "999".into();
    let graded = grade_files(&[file("park.json", &changed.to_string())], &set, Lang::En);
    let grade = graded[0].grade.as_ref().unwrap();
    assert!(!grade.exercises[0].solved);
    assert!(grade.score_differs);
}

#[test]
fn another_set_is_noted_and_graded_against_its_own() {
    let set = teachers_set();
    let other = ExerciseSet::generated(Topic::Rr, Difficulty::Easy, 5, 2);
    let exercises = other.exercises();
    let progress = Progress {
        answers: exercises.iter().map(key_answer).collect(),
        ..Progress::default()
    };
    let json = export_json(&other, &progress, "Lee");
    let graded = grade_files(&[file("lee.json", &json)], &set, Lang::En);
    let grade = graded[0].grade.as_ref().unwrap();
    assert_eq!(grade.set, SetMatch::Other);
    assert_eq!(grade.solved(), 2, "its own set's answers are right");
}

#[test]
fn a_file_that_is_not_answers_says_why() {
    let set = teachers_set();
    let json = export_json(&set, &students_progress(&set), "Choi");
    let mut cut: serde_json::Value = serde_json::from_str(&json).unwrap();
    let code = cut["set"].as_str().unwrap().to_string();
    cut["set"] = code[..code.len() / 2].into();
    let huge = vec![b' '; MAX_FILE_BYTES as usize + 1];
    let graded = grade_files(
        &[
            file("notes.txt", "hello"),
            file("scenario.json", r#"{"processes": []}"#),
            file("cut.json", &cut.to_string()),
            ("huge.json".to_string(), huge),
            file("choi.json", &format!("\u{FEFF}{json}")),
        ],
        &set,
        Lang::En,
    );
    assert_eq!(graded[0].grade, Err(FileProblem::NotAnswers));
    assert_eq!(graded[1].grade, Err(FileProblem::NotAnswers));
    assert!(matches!(
        graded[2].grade,
        Err(FileProblem::Set(SetError::Corrupt | SetError::NotBase64))
    ));
    assert_eq!(graded[3].grade, Err(FileProblem::TooLarge));
    assert!(graded[4].grade.is_ok(), "a byte-order mark is read past");
}

#[test]
fn the_gradebook_csv_has_a_line_a_student() {
    let set = teachers_set();
    // The second exercise's table typed too, with one completion a tick late: the cells worked
    // out from it are counted apart from the cells right, in its columns as in the totals.
    let mut progress = students_progress(&set);
    let key = key_answer(&set.exercises()[1]);
    progress.answers[1].rows = key.rows.clone();
    // Completion, turnaround and waiting each a tick more: the last two follow from the first.
    for column in 0..3 {
        let late: u64 = key.rows[0][column].parse().unwrap();
        progress.answers[1].rows[0][column] = (late + 1).to_string();
    }
    let json = export_json(&set, &progress, "Kim, Minji");
    let graded = grade_files(
        &[file("kim.json", &json), file("broken.json", "{")],
        &set,
        Lang::En,
    );
    let csv = gradebook_csv(&graded, &set, Lang::En);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "student,file,set,set_code,solved,exercises,right,consistent,cells,checks,hints,shown,beyond_rules,note,\
         ex1_right,ex1_consistent,ex1_cells,ex2_right,ex2_consistent,ex2_cells,\
         ex3_right,ex3_consistent,ex3_cells"
    );
    let grade = graded[0].grade.as_ref().unwrap();
    let (right, consistent, cells) = grade.totals();
    let exercise = |at: usize| {
        let mark = &grade.exercises[at];
        format!("{},{},{}", mark.right, mark.consistent, mark.cells)
    };
    assert_eq!(
        lines[1],
        format!(
            "\"Kim, Minji\",kim.json,this set,{},1,3,{right},{consistent},{cells},3,1,2,,,{},{},{}",
            set.encode(),
            exercise(0),
            exercise(1),
            exercise(2)
        )
    );
    // Each exercise's columns add up to the totals.
    let numbers: Vec<usize> = lines[1]
        .rsplit(',')
        .take(9)
        .map(|field| field.parse().unwrap())
        .collect();
    let sum = |column: usize| (0..3).map(|at| numbers[3 * at + 2 - column]).sum::<usize>();
    assert_eq!((sum(0), sum(1), sum(2)), (right, consistent, cells));
    assert!(consistent > 0 && grade.exercises[1].consistent == consistent);
    assert!(lines[2].starts_with(",broken.json,,,"), "{}", lines[2]);
    assert!(
        lines[2].contains("Not a ProcLab answers JSON"),
        "{}",
        lines[2]
    );
    assert_eq!(lines[2].split(',').count(), lines[0].split(',').count());
    // In Korean, the notes are; the column names stay.
    let korean = gradebook_csv(&graded, &set, Lang::Ko);
    assert!(korean.starts_with("student,file,set,"));
    assert!(korean.lines().nth(1).unwrap().contains(",이 세트,"));
}

/// Two students, one with a chart segment too many: the exercise is out of the same cells for
/// both, the segment is noted apart in the CSV, and that exercise is not solved.
#[test]
fn a_segment_too_many_is_noted_apart_and_the_cells_are_the_same_for_everyone() {
    let set = teachers_set();
    let exercises = set.exercises();
    let right = Progress {
        answers: vec![key_answer(&exercises[0])],
        checks: vec![1],
        checked: vec![true],
        ..Progress::default()
    };
    let mut extra = right.clone();
    let segments = &mut extra.answers[0].segments;
    let last = segments.last().unwrap().clone();
    let end: u64 = last.end.parse().unwrap();
    segments.push(SegmentAnswer {
        end: (end + 2).to_string(),
        ..last
    });
    let files = [
        file("lee.json", &export_json(&set, &right, "Lee")),
        file("park.json", &export_json(&set, &extra, "Park")),
    ];
    let graded = grade_files(&files, &set, Lang::En);
    let (lee, park) = (
        graded[0].grade.as_ref().unwrap(),
        graded[1].grade.as_ref().unwrap(),
    );
    assert_eq!(lee.exercises[0].cells, park.exercises[0].cells);
    assert_eq!(lee.exercises[0].right, park.exercises[0].right);
    assert!(lee.exercises[0].solved && !park.exercises[0].solved);
    assert_eq!(
        (
            lee.exercises[0].extra_segments,
            park.exercises[0].extra_segments
        ),
        (0, 1)
    );
    assert!(!park.score_differs, "the page's score is the gradebook's");
    let csv = gradebook_csv(&graded, &set, Lang::En);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(!lines[1].contains("segments the run does not have"));
    assert!(
        lines[2].contains("Charts with segments the run does not have (counted apart from the cells; such an exercise is not solved): exercise 1 (1)."),
        "{}",
        lines[2]
    );
    let korean = gradebook_csv(&graded, &set, Lang::Ko);
    assert!(korean.contains("1번 문제(1개)"), "{korean}");
}

/// Two files with the same answers, mistakes included, point at each other; answers all right
/// (the same for everyone) and empty ones do not.
#[test]
fn copies_with_the_same_mistakes_are_noted() {
    let set = teachers_set();
    let with_mistakes = students_progress(&set);
    let mut wrong = with_mistakes.clone();
    wrong.answers[0].segments[0].end = "999".into();
    let exercises = set.exercises();
    let all_right = Progress {
        answers: exercises.iter().map(key_answer).collect(),
        ..Progress::default()
    };
    let graded = grade_files(
        &[
            file("alice.json", &export_json(&set, &wrong, "Alice")),
            file("frank.json", &export_json(&set, &wrong, "Frank")),
            file("bob.json", &export_json(&set, &with_mistakes, "Bob")),
            file("kim.json", &export_json(&set, &all_right, "Kim")),
            file("lee.json", &export_json(&set, &all_right, "Lee")),
            file("empty1.json", &export_json(&set, &Progress::default(), "")),
            file("empty2.json", &export_json(&set, &Progress::default(), "")),
        ],
        &set,
        Lang::En,
    );
    let same = |at: usize| graded[at].grade.as_ref().unwrap().same_answers_as.clone();
    assert_eq!(same(0), ["frank.json"]);
    assert_eq!(same(1), ["alice.json"]);
    assert!(same(2).is_empty(), "Bob typed no mistake, only gaps");
    assert!(
        same(3).is_empty() && same(4).is_empty(),
        "all right says nothing"
    );
    assert!(
        same(5).is_empty() && same(6).is_empty(),
        "nothing typed says nothing"
    );
    let csv = gradebook_csv(&graded, &set, Lang::En);
    assert!(csv
        .lines()
        .nth(1)
        .unwrap()
        .contains("The same answers as frank.json, mistakes included."));
}

/// The class at a glance: files of the set open only, exercises solved on average, the share of
/// cells fine, rounded to a tenth.
#[test]
fn the_class_summary_counts_the_set_open() {
    let set = teachers_set();
    let exercises = set.exercises();
    let all_right = Progress {
        answers: exercises.iter().map(key_answer).collect(),
        ..Progress::default()
    };
    let other = ExerciseSet::generated(Topic::Rr, Difficulty::Easy, 5, 2);
    let graded = grade_files(
        &[
            file("kim.json", &export_json(&set, &all_right, "Kim")),
            file("lee.json", &export_json(&set, &Progress::default(), "Lee")),
            file(
                "park.json",
                &export_json(&other, &Progress::default(), "Park"),
            ),
            file("broken.json", "{"),
        ],
        &set,
        Lang::En,
    );
    let cells = graded[0].grade.as_ref().unwrap().totals().2;
    let kim = graded[0].grade.as_ref().unwrap().totals();
    assert_eq!(kim.0 + kim.1, cells, "all right");
    // Two students of the set: 3 and 0 solved, all cells and none.
    assert_eq!(
        proclab_app::practice::gradebook::class_summary(&graded, Lang::En).unwrap(),
        "2 students of this set: 1.5 of 3 exercises solved on average, 50.0% of the cells right or worked out right."
    );
    assert_eq!(
        proclab_app::practice::gradebook::class_summary(&graded[2..], Lang::En),
        None
    );
}

/// The answers CSV handed in instead of the JSON is named as such, with what to ask for; its
/// lines for a chart left empty are told apart by the run's segment.
#[test]
fn an_answers_csv_is_told_apart_from_other_files() {
    use proclab_app::practice::set::export_csv;
    let set = teachers_set();
    let csv = export_csv(&set, &Progress::default(), "Kim");
    let graded = grade_files(
        &[
            file("kim.csv", &csv),
            file("kim-bom.csv", &format!("\u{FEFF}{csv}")),
        ],
        &set,
        Lang::En,
    );
    for file in &graded {
        assert_eq!(file.grade, Err(FileProblem::AnswersCsv));
    }
    assert!(FileProblem::AnswersCsv
        .message(Lang::En)
        .contains("Answers JSON"));
    let left_out: Vec<&str> = csv
        .lines()
        .filter(|line| line.contains("left out"))
        .collect();
    assert!(left_out.len() > 1, "{csv}");
    let distinct: std::collections::BTreeSet<&str> = left_out.iter().copied().collect();
    assert_eq!(distinct.len(), left_out.len(), "{left_out:?}");
}

/// What the gradebook shows of a file's marks: the cells not right, each with what was typed and
/// the run's value. The key's own answer has none; an empty answer lists every cell of the key,
/// each with the key's value; a slipped chart end shows the end typed beside the run's.
#[test]
fn the_cells_not_right_carry_the_runs_value() {
    use proclab_app::practice::exercise::{Exercise, ExerciseId};
    use proclab_app::practice::grade::{grade, Answer, Verdict};
    use proclab_app::practice::set::cells_not_right;
    for topic in Topic::ALL {
        for difficulty in Difficulty::ALL {
            for seed in 0..3 {
                let exercise = Exercise::generate(ExerciseId {
                    topic,
                    difficulty,
                    seed,
                });
                let key = key_answer(&exercise);
                assert_eq!(
                    cells_not_right(&exercise, &key, Lang::En),
                    [],
                    "{:?}",
                    exercise.id
                );
                // Left alone, one line says so, with its cells.
                let total = grade(&exercise, &Answer::default()).counts().2;
                let empty = cells_not_right(&exercise, &Answer::default(), Lang::En);
                assert_eq!(
                    (empty.len(), empty[0].cell.clone()),
                    (1, format!("the whole exercise left empty ({total} cells)"))
                );
                // One cell typed: every other cell is listed, each with the key's value.
                let mut one = Answer::default();
                let cells = if topic.has_chart() {
                    one.segments = key.segments[..1].to_vec();
                    cells_not_right(&exercise, &one, Lang::En)
                } else {
                    let all = cells_not_right(&exercise, &key, Lang::En);
                    assert!(all.is_empty());
                    continue;
                };
                // A line a chart segment left out, then the cells left empty in one line.
                let marks = grade(&exercise, &one);
                let (folded, lines) = cells.split_last().expect("lines");
                assert_eq!(lines.len(), marks.omitted.len(), "{:?}", exercise.id);
                let (count, names) = folded
                    .cell
                    .split_once(" cells left empty: ")
                    .expect("the empty cells folded");
                let names: Vec<&str> = names.split(", ").collect();
                assert_eq!(count.parse::<usize>().unwrap(), names.len());
                assert_eq!(
                    names.len(),
                    total - marks.counts().0 - 2 * marks.omitted.len(),
                    "{:?}: every empty cell named",
                    exercise.id
                );
                assert_eq!(folded.verdict, Verdict::Missing);
                for cell in lines {
                    assert_ne!(cell.verdict, Verdict::Right, "{:?}", exercise.id);
                    assert!(!cell.key.is_empty(), "{:?}: {cell:?}", exercise.id);
                }
                if !topic.has_chart() {
                    continue;
                }
                let mut slipped = key.clone();
                let end: u64 = slipped.segments[0].end.parse().unwrap();
                slipped.segments[0].end = (end + 1).to_string();
                let cells = cells_not_right(&exercise, &slipped, Lang::En);
                assert_eq!(cells[0].cell, "gantt 1 end", "{:?}", exercise.id);
                assert_eq!(
                    (cells[0].typed.as_str(), cells[0].key.as_str()),
                    ((end + 1).to_string().as_str(), end.to_string().as_str())
                );
                assert_eq!(cells[0].verdict, Verdict::Wrong);
                // In Korean, the page's words; an empty chart's segments need no place.
                let korean = cells_not_right(&exercise, &slipped, Lang::Ko);
                assert_eq!(korean[0].cell, "간트 구간 1: 끝");
                // An empty chart is one line, with the run's whole chart.
                let mut table_only = key.clone();
                table_only.segments.clear();
                let empty = cells_not_right(&exercise, &table_only, Lang::Ko);
                assert_eq!(
                    empty[0].cell,
                    format!(
                        "간트 차트가 비어 있음 (실행의 구간 {}개)",
                        exercise.key().len()
                    )
                );
                assert_eq!(empty.len(), 1, "{empty:?}");
                let empty = cells_not_right(&exercise, &one, Lang::Ko);
                for word in ["gantt", "completion", "waiting", "average", "transition"] {
                    assert!(
                        empty.iter().all(|cell| !cell.cell.contains(word)),
                        "{empty:?}"
                    );
                }
                // A segment too many: the run has none there, and says so.
                let mut extra = key.clone();
                let end: u64 = extra.segments.last().unwrap().end.parse().unwrap();
                extra
                    .segments
                    .push(proclab_app::practice::grade::SegmentAnswer {
                        who: proclab_app::practice::exercise::Who::Idle,
                        end: (end + 3).to_string(),
                    });
                let cells = cells_not_right(&exercise, &extra, Lang::En);
                assert_eq!(cells.len(), 2, "{:?}", exercise.id);
                assert!(cells
                    .iter()
                    .all(|cell| cell.key == "none (a segment the run does not have)"));
            }
        }
    }
}

/// The cells not right of every student, a line each, as the page lists them; what a student
/// typed that a spreadsheet would run as a formula is kept as text.
#[test]
fn the_cells_not_right_csv_has_a_line_a_cell() {
    use proclab_app::practice::gradebook::cells_not_right_csv;
    let set = teachers_set();
    let mut progress = students_progress(&set);
    let key = key_answer(&set.exercises()[1]);
    progress.answers[1].rows = key.rows.clone();
    progress.answers[1].rows[0][0] = "=1+1".into();
    let json = export_json(&set, &progress, "=HYPERLINK(\"x\")");
    let graded = grade_files(
        &[file("kim.json", &json), file("broken.json", "{")],
        &set,
        Lang::En,
    );
    let csv = cells_not_right_csv(&graded);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "student,file,exercise,cell,typed,run,mark");
    let grade = graded[0].grade.as_ref().unwrap();
    let listed: usize = grade
        .exercises
        .iter()
        .map(|mark| mark.not_right.len())
        .sum();
    assert_eq!(lines.len(), 1 + listed, "{csv}");
    assert!(listed > 1);
    let completion = key.rows[0][0].as_str();
    let line = format!(
        "\"'=HYPERLINK(\"\"x\"\")\",kim.json,2,P1 completion,'=1+1,{completion},not_a_number"
    );
    assert!(lines.contains(&line.as_str()), "{line}\n{csv}");
    // The broken file has no line; every line is of the one graded.
    assert!(lines[1..].iter().all(|line| line.contains(",kim.json,")));
    // The student's own answers CSV keeps them as text too.
    let answers_csv = proclab_app::practice::set::export_csv(&set, &progress, "=HYPERLINK(\"x\")");
    assert!(
        answers_csv.contains(",P1 completion,'=1+1,not_a_number,\"'=HYPERLINK(\"\"x\"\")\","),
        "{answers_csv}"
    );
    // A negative number stays a number.
    progress.answers[1].rows[0][0] = "-3".into();
    let json = export_json(&set, &progress, "Kim");
    let csv = cells_not_right_csv(&grade_files(&[file("kim.json", &json)], &set, Lang::En));
    assert!(csv.contains(",P1 completion,-3,"), "{csv}");
}
