//! A teacher's rules for a set: carried in its link, kept by the page's state whatever a page
//! offers, said to the student, and kept out of the answers files' marks (the gradebook grades
//! the files instead).

use proclab_app::i18n::Lang;
use proclab_app::practice::exercise::{Difficulty, Topic};
use proclab_app::practice::grade::key_answer;
use proclab_app::practice::gradebook::{grade_files, SetMatch};
use proclab_app::practice::set::{
    export_csv, export_json, ExerciseSet, Feedback, Progress, SetError, SetRules,
};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::text::{rules_label, rules_sentence};
use proclab_app::reduce::Reduce;

fn set() -> ExerciseSet {
    ExerciseSet::generated(Topic::Srtf, Difficulty::Easy, 12, 2)
}

fn marks_twice() -> SetRules {
    SetRules {
        feedback: Feedback::Marks,
        checks: Some(2),
    }
}

#[test]
fn rules_travel_in_the_link_and_make_it_another_set() {
    let open = set();
    let ruled = open.with_rules(marks_twice());
    assert_ne!(open.encode(), ruled.encode());
    assert_ne!(
        open.storage_key(),
        ruled.storage_key(),
        "progress kept apart"
    );
    assert_eq!(ExerciseSet::decode(&ruled.encode()), Ok(ruled.clone()));
    assert_eq!(ruled.exercises, open.exercises, "the same exercises");
    // A set of one's own workload keeps them too.
    let spec = proclab_core::presets::presets()[0].spec.clone();
    let own = ExerciseSet::under_every_policy(&spec).unwrap();
    let own_ruled = own.with_rules(SetRules {
        feedback: Feedback::Hidden,
        checks: Some(3),
    });
    let decoded = ExerciseSet::decode(&own_ruled.encode()).unwrap();
    assert_eq!(decoded.rules.feedback, Feedback::Hidden);
    assert_eq!(
        decoded.rules.checks, None,
        "no limit where nothing is checked"
    );
    assert_eq!(decoded.workloads, own.workloads);
    // An open set's link is what it always was.
    assert!(!open.encode().is_empty() && open.rules.is_open());
}

#[test]
fn a_link_with_rules_inside_rules_or_no_check_at_all_is_refused() {
    let ruled = set().with_rules(marks_twice());
    // Byte 0: the envelope's variant (3, rules); byte 1: feedback; byte 2-3: Some(2).
    let bytes = base64_decode(&ruled.encode());
    assert_eq!(bytes[0], 3);
    let mut nested = vec![3, 1, 1, 2];
    nested.extend_from_slice(&bytes);
    assert_eq!(
        ExerciseSet::decode(&base64_encode(&nested)),
        Err(SetError::Corrupt)
    );
    let mut zero = bytes.clone();
    assert_eq!(&zero[1..4], &[1, 1, 2]);
    zero[3] = 0;
    assert_eq!(
        ExerciseSet::decode(&base64_encode(&zero)),
        Err(SetError::Corrupt)
    );
}

fn base64_decode(code: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(code)
        .unwrap()
}

fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[test]
fn the_state_keeps_the_rules() {
    let state = PracticeState::open(set().with_rules(marks_twice()), Progress::default());
    let once = state.reduce(PracticeAction::Check).expect("a first check");
    let twice = once.reduce(PracticeAction::Check).expect("a second check");
    assert_eq!(twice.progress.checks[0], 2);
    assert!(twice.grading.is_some(), "marks shown");
    assert_eq!(twice.reduce(PracticeAction::Check), None, "no third check");
    assert_eq!(twice.reduce(PracticeAction::Hint), None, "no hints");
    // The next exercise has its own two.
    let next = twice.reduce(PracticeAction::Goto(1)).unwrap();
    assert!(next.reduce(PracticeAction::Check).is_some());
    // Nothing until handed in: no check at all.
    let hidden = PracticeState::open(
        set().with_rules(SetRules {
            feedback: Feedback::Hidden,
            checks: None,
        }),
        Progress::default(),
    );
    assert_eq!(hidden.reduce(PracticeAction::Check), None);
    // Without rules, as before.
    let open = PracticeState::open(set(), Progress::default());
    let mut state = open;
    for _ in 0..5 {
        state = state.reduce(PracticeAction::Check).unwrap();
    }
    assert!(state.reduce(PracticeAction::Hint).is_some());
}

/// Under a limit of checks, a Check of an answer with a cell that cannot be read is not counted
/// and shows no marks: it names the cells instead. Without a limit it marks them `?` as before.
#[test]
fn a_check_with_a_cell_that_cannot_be_read_is_not_counted_under_a_limit() {
    use proclab_app::practice::grade::Column;
    use proclab_app::practice::set::unreadable_cells;
    use proclab_app::practice::text::check_not_counted_sentence;
    let state = PracticeState::open(set().with_rules(marks_twice()), Progress::default());
    let typo = state
        .reduce(PracticeAction::SetCell(0, Column::Completion, "1O".into()))
        .unwrap();
    let refused = typo
        .reduce(PracticeAction::Check)
        .expect("said, not ignored");
    assert!(refused.check_refused);
    assert_eq!(refused.progress.checks[0], 0, "not counted");
    assert!(!refused.progress.checked[0]);
    assert_eq!(refused.grading, None, "no marks shown");
    let cells = unreadable_cells(refused.exercise(), refused.answer(), Lang::En);
    assert_eq!(cells, [("P1 completion".to_string(), "1O".to_string())]);
    assert_eq!(
        check_not_counted_sentence(&cells, Lang::En),
        "1 cell cannot be read: P1 completion (“1O”). Correct it and press Check again: this \
         check was not counted."
    );
    let korean = unreadable_cells(refused.exercise(), refused.answer(), Lang::Ko);
    assert!(
        check_not_counted_sentence(&korean, Lang::Ko)
            .starts_with("읽을 수 없는 칸이 1개 있습니다: P1 완료"),
        "{korean:?}"
    );
    // Corrected, the notice goes and the check counts.
    let fixed = refused
        .reduce(PracticeAction::SetCell(0, Column::Completion, "10".into()))
        .unwrap();
    assert!(!fixed.check_refused);
    let checked = fixed.reduce(PracticeAction::Check).unwrap();
    assert_eq!(checked.progress.checks[0], 1);
    assert!(checked.grading.is_some() && !checked.check_refused);
    // Without a limit, the check counts and marks the cell.
    let open = PracticeState::open(set(), Progress::default())
        .reduce(PracticeAction::SetCell(0, Column::Completion, "1O".into()))
        .unwrap()
        .reduce(PracticeAction::Check)
        .unwrap();
    assert!(!open.check_refused);
    assert_eq!(open.grading.map(|grading| grading.unreadable()), Some(1));
}

#[test]
fn the_student_is_told_the_rules_and_the_checks_left() {
    let rules = marks_twice();
    let told = rules_sentence(rules, 1, true, Lang::En);
    assert!(
        told.contains("no explanations, hints or simulator") && told.contains('≈'),
        "{told}"
    );
    // A race's or a deadlock's answers have no ≈ and no segments to be missing.
    let uncharted = rules_sentence(rules, 1, false, Lang::En);
    assert!(
        uncharted.starts_with("Your teacher's rule: Check marks each answer right or wrong")
            && !uncharted.contains('≈')
            && !uncharted.contains("segments"),
        "{uncharted}"
    );
    assert!(!rules_sentence(rules, 1, false, Lang::Ko).contains('≈'));
    assert!(
        told.contains("2 checks per exercise (1 left for this one)"),
        "{told}"
    );
    assert!(rules_sentence(rules, 0, true, Lang::Ko).contains("2번 남음"));
    assert_eq!(rules_sentence(SetRules::default(), 4, true, Lang::En), "");
    let limited = SetRules {
        feedback: Feedback::Full,
        checks: Some(3),
    };
    assert_eq!(
        rules_sentence(limited, 3, false, Lang::En),
        "Your teacher's rule: 3 checks per exercise (0 left for this one)."
    );
    assert_eq!(
        rules_label(rules, Lang::En),
        "marks only, 2 checks per exercise"
    );
}

#[test]
fn files_of_a_set_with_rules_carry_answers_not_marks() {
    let ruled = set().with_rules(marks_twice());
    let exercises = ruled.exercises();
    let progress = Progress {
        answers: vec![key_answer(&exercises[0])],
        checks: vec![2, 0],
        ..Progress::default()
    };
    let json: serde_json::Value =
        serde_json::from_str(&export_json(&ruled, &progress, "Kim")).unwrap();
    assert!(json.get("score").is_none(), "{json}");
    assert_eq!(json["rules"]["feedback"], "marks");
    assert_eq!(json["rules"]["checks"], 2);
    let first = &json["exercises"][0];
    assert!(first["solved"].is_null() && first["right"].is_null());
    assert!(first["marked"]
        .as_array()
        .unwrap()
        .iter()
        .all(|cell| cell["verdict"].is_null() && cell["cell"].is_string()));
    let csv = export_csv(&ruled, &progress, "Kim");
    for line in csv.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields[6], "", "no verdict: {line}");
    }
    // The teacher's gradebook grades it: the first exercise solved, the set the ruled one.
    let text = serde_json::to_string(&json).unwrap();
    let graded = grade_files(
        &[("kim.json".into(), text.clone().into_bytes())],
        &ruled,
        Lang::En,
    );
    let grade = graded[0].grade.as_ref().unwrap();
    assert_eq!(grade.set, SetMatch::Same);
    assert!(!grade.score_differs && !grade.beyond.any());
    assert!(grade.exercises[0].solved && !grade.exercises[1].solved);
    assert_eq!(grade.checks(), 2);
    // The teacher with the same exercises open without the rules: said so, not "another set".
    let graded = grade_files(&[("kim.json".into(), text.into_bytes())], &set(), Lang::En);
    assert_eq!(
        graded[0].grade.as_ref().unwrap().set,
        SetMatch::OtherRules(marks_twice())
    );
    assert_eq!(
        SetMatch::OtherRules(marks_twice()).words(Lang::En),
        "same exercises, other rules (marks only, 2 checks per exercise)"
    );
}

/// A student who took the rules off on their own page: the same exercises under no rules, and
/// what was used beyond the teacher's rules is said.
#[test]
fn rules_taken_off_are_noticed() {
    let ruled = set().with_rules(SetRules {
        feedback: Feedback::Hidden,
        checks: None,
    });
    let exercises = ruled.exercises();
    let progress = Progress {
        answers: vec![key_answer(&exercises[0])],
        checks: vec![3, 1],
        hints: vec![2, 0],
        shown: vec![false, true],
        ..Progress::default()
    };
    let json = export_json(&set(), &progress, "Mallory");
    let graded = grade_files(
        &[("mallory.json".into(), json.into_bytes())],
        &ruled,
        Lang::En,
    );
    let grade = graded[0].grade.as_ref().unwrap();
    assert_eq!(grade.set, SetMatch::OtherRules(SetRules::default()));
    assert_eq!(
        grade.set.words(Lang::En),
        "same exercises, other rules (no rules)"
    );
    assert_eq!(grade.beyond.checks, Some(3));
    assert!(grade.beyond.hints && grade.beyond.shown);
    assert_eq!(
        grade.beyond.words(ruled.rules, Lang::En),
        "3 checks of one exercise (0 allowed), hints, the simulator"
    );
    // Within a limit of three, three checks are no break; four are.
    let three = set().with_rules(SetRules {
        feedback: Feedback::Full,
        checks: Some(3),
    });
    let json = export_json(&three, &progress, "Lee");
    let graded = grade_files(&[("lee.json".into(), json.into_bytes())], &three, Lang::En);
    assert!(!graded[0].grade.as_ref().unwrap().beyond.any());
    let four = Progress {
        checks: vec![4, 0],
        ..progress
    };
    let json = export_json(&three, &four, "Lee");
    let graded = grade_files(&[("lee.json".into(), json.into_bytes())], &three, Lang::En);
    assert_eq!(graded[0].grade.as_ref().unwrap().beyond.checks, Some(4));
}

/// A student out of checks may still change an answer: the gradebook grades it as handed in and
/// says that it was changed after its last check, where the teacher's set limits checks.
#[test]
fn an_answer_changed_after_its_last_check_is_noted() {
    use proclab_app::practice::grade::Column;
    use proclab_app::practice::gradebook::gradebook_csv;
    let ruled = set().with_rules(marks_twice());
    let typed = |state: PracticeState, text: &str| {
        state
            .reduce(PracticeAction::SetCell(0, Column::Completion, text.into()))
            .unwrap()
    };
    let state = PracticeState::open(ruled.clone(), Progress::default());
    let state = typed(state, "5").reduce(PracticeAction::Check).unwrap();
    let checked_twice = typed(state, "6").reduce(PracticeAction::Check).unwrap();
    assert_eq!(
        checked_twice.reduce(PracticeAction::Check),
        None,
        "out of checks"
    );
    let changed = typed(checked_twice.clone(), "7");
    let grade_of = |state: &PracticeState, set: &ExerciseSet| {
        let json = export_json(&state.set, &state.progress, "Choi");
        let graded = grade_files(&[("choi.json".into(), json.into_bytes())], set, Lang::En);
        graded[0].grade.clone().unwrap()
    };
    // Checked last as handed in: nothing to say.
    assert_eq!(
        grade_of(&checked_twice, &ruled).changed_after_check,
        Vec::<usize>::new()
    );
    let grade = grade_of(&changed, &ruled);
    assert_eq!(grade.changed_after_check, [1]);
    assert_eq!(grade.checks(), 2);
    // With another set open (the teacher has not opened the homework yet): said all the same,
    // from the rules of the file's own set, whose link the grade carries.
    let other = ExerciseSet::generated(Topic::Fcfs, Difficulty::Easy, 99, 1);
    let grade = grade_of(&changed, &other);
    assert_eq!(grade.set, SetMatch::Other);
    assert_eq!(grade.changed_after_check, [1]);
    assert_eq!(grade.set_code, ruled.encode());
    assert_eq!(ExerciseSet::decode(&grade.set_code), Ok(ruled.clone()));
    let json = export_json(&changed.set, &changed.progress, "Choi");
    let graded = grade_files(&[("choi.json".into(), json.into_bytes())], &ruled, Lang::En);
    for (lang, words) in [
        (
            Lang::En,
            "Exercise 1: the answer was changed after its last check (graded as handed in).",
        ),
        (
            Lang::Ko,
            "1번 문제: 마지막 확인 뒤에 답을 고쳐서 냈습니다(낸 답 그대로 채점했습니다).",
        ),
    ] {
        let csv = gradebook_csv(&graded, &ruled, lang);
        assert!(csv.lines().nth(1).unwrap().contains(words), "{csv}");
    }
    // A set without a limit on checks: changing an answer after a check is how one works.
    let open = set();
    let state = typed(PracticeState::open(open.clone(), Progress::default()), "5");
    let changed = typed(state.reduce(PracticeAction::Check).unwrap(), "7");
    assert_eq!(
        grade_of(&changed, &open).changed_after_check,
        Vec::<usize>::new()
    );
}

/// An exercise's tab says it is solved once its last check found it all right, and not under a
/// rule of nothing checked until handed in.
#[test]
fn a_tab_says_solved_after_a_check_found_it_all_right() {
    for (rules, shown) in [
        (SetRules::default(), true),
        (marks_twice(), true),
        (
            SetRules {
                feedback: Feedback::Hidden,
                checks: None,
            },
            false,
        ),
    ] {
        let state = PracticeState::open(set().with_rules(rules), Progress::default());
        assert_eq!(state.solved(), [false, false]);
        let key = key_answer(state.exercise());
        let mut state = state
            .reduce(PracticeAction::ReplaceSegments(key.segments.clone()))
            .unwrap();
        for (pid, row) in key.rows.iter().enumerate() {
            for (column, value) in proclab_app::practice::grade::Column::ALL.iter().zip(row) {
                state = state
                    .reduce(PracticeAction::SetCell(pid as u32, *column, value.clone()))
                    .unwrap_or(state);
            }
        }
        for (index, value) in key.averages.iter().enumerate() {
            state = state
                .reduce(PracticeAction::SetAverage(index, value.clone()))
                .unwrap_or(state);
        }
        state = state
            .reduce(PracticeAction::SetTransition(key.transition))
            .unwrap_or(state);
        assert_eq!(state.solved(), [false, false], "not checked yet");
        if let Some(checked) = state.reduce(PracticeAction::Check) {
            state = checked;
        }
        assert_eq!(state.solved(), [shown, false], "{rules:?}");
        // On the next exercise, the first still says so (graded from its saved answer).
        let next = state.reduce(PracticeAction::Goto(1)).unwrap();
        assert_eq!(next.solved(), [shown, false]);
        // An edit takes it back.
        let edited = state
            .reduce(PracticeAction::SetAverage(0, "1".into()))
            .unwrap();
        assert_eq!(edited.solved(), [false, false]);
    }
}
