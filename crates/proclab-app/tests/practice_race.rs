//! The racing counter of Practice: question A's key and explanation, question B's verdicts, all
//! from runs of the core.

mod common;

use proclab_app::i18n::Lang;
use proclab_app::practice::exercise::{Difficulty, Exercise, ExerciseId, Topic};
use proclab_app::practice::explain::explain;
use proclab_app::practice::grade::{grade, key_answer, Answer, Mistake, Verdict};
use proclab_app::practice::race::{
    self, explain_interleaving, final_value, lengths, parse_interleaving, RaceAnswer,
    ScheduleProblem,
};
use proclab_app::practice::set::{export_csv, export_json, ExerciseSet, Progress};

fn exercise(difficulty: Difficulty, seed: u64) -> Exercise {
    Exercise::generate(ExerciseId {
        topic: Topic::Race,
        difficulty,
        seed,
    })
}

fn answer(value: &str, interleaving: &str) -> Answer {
    Answer {
        race: RaceAnswer {
            value: value.into(),
            interleaving: interleaving.into(),
        },
        ..Answer::default()
    }
}

const SEEDS: std::ops::Range<u64> = 0..12;

fn every_race() -> impl Iterator<Item = Exercise> {
    Difficulty::ALL
        .into_iter()
        .flat_map(|difficulty| SEEDS.map(move |seed| exercise(difficulty, seed)))
}

/// What the exercise's run shows, step by step (`2:T1 mov counter, %ax`), to pin a case.
fn table(exercise: &Exercise) -> Vec<String> {
    race::step_rows(&exercise.run)
        .iter()
        .map(|row| format!("{}:T{} {}", row.step, row.thread + 1, row.text))
        .collect()
}

#[test]
fn the_engines_own_answers_are_graded_right_at_every_level() {
    for exercise in every_race() {
        let key = key_answer(&exercise);
        let grading = grade(&exercise, &key);
        assert!(grading.all_fine(), "{:?}: {:?}", exercise.id, grading);
        assert_eq!(grading.counts(), (2, 0, 2), "{:?}", exercise.id);
        assert_eq!(explain(&exercise, &grading, Lang::En), None);
        // The run of A is the run the core makes of the spec the simulator would open.
        let again = proclab_core::simulate_spec(&exercise.spec).expect("valid");
        assert_eq!(key.race.value, final_value(&again).to_string());
        // Typed in full-width digits, as a Korean keyboard types them: read the same.
        let typed = answer(
            &common::full_width(&key.race.value),
            &common::full_width(&key.race.interleaving),
        );
        assert!(grade(&exercise, &typed).all_fine(), "{:?}", exercise.id);
    }
}

#[test]
fn levels_have_two_or_three_threads_and_seeds_give_both_kinds_of_interleaving() {
    let mut lossy = 0;
    let mut whole = 0;
    for exercise in every_race() {
        let (threads, increments) = race::shape(exercise.id.difficulty);
        let lengths = lengths(&exercise.race_workload());
        assert_eq!(lengths.len(), threads as usize);
        assert_eq!(
            exercise.run.program_steps().len(),
            lengths.iter().sum::<usize>()
        );
        assert_eq!(exercise.run.end(), proclab_core::program::RunEnd::Finished);
        let value = final_value(&exercise.run);
        assert!(value <= (threads * increments) as i64);
        if value < (threads * increments) as i64 {
            lossy += 1;
        } else {
            whole += 1;
        }
        // The same id is the same interleaving.
        let same = Exercise::generate(exercise.id);
        assert_eq!(table(&same), table(&exercise));
    }
    assert!(lossy > 0 && whole > 0, "{lossy} lossy, {whole} whole");
}

#[test]
fn a_wrong_value_is_wrong_and_the_explanation_names_the_two_loads_and_the_lost_store() {
    let exercise = exercise(Difficulty::Medium, 1);
    // The trace: thread 2 loads at step 1, thread 1 at step 3, both read 0; thread 2 stores at
    // step 5 and thread 1 stores over it at step 9.
    let steps = table(&exercise);
    assert_eq!(steps[0], "1:T2 mov counter, %ax");
    assert_eq!(steps[2], "3:T1 mov counter, %ax");
    assert_eq!(steps[4], "5:T2 mov %ax, counter");
    assert_eq!(steps[8], "9:T1 mov %ax, counter");
    assert_eq!(final_value(&exercise.run), 3);

    let grading = grade(&exercise, &answer("4", ""));
    let race = grading.race.expect("race marks");
    assert_eq!(race.value, Verdict::Wrong);
    assert_eq!(race.interleaving, Verdict::Missing);
    assert_eq!(grading.first_mistake, Some(Mistake::RaceValue));
    let english = explain(&exercise, &grading, Lang::En).expect("explained");
    assert!(english.contains("steps 1 and 3"), "{english}");
    assert!(english.contains("counter = 0"), "{english}");
    assert!(english.contains("at step 9"), "{english}");
    assert!(english.contains("ends at 3, not 4"), "{english}");
    let korean = explain(&exercise, &grading, Lang::Ko).expect("explained");
    assert!(korean.contains("1단계와 3단계"), "{korean}");
    assert!(
        korean.contains("9단계에서 증가 하나를 잃었습니다"),
        "{korean}"
    );
    assert!(korean.contains("4가 아니라 3에서"), "{korean}");
    assert!(korean.contains("두 읽기"), "{korean}");
    assert!(
        !korean.contains("load") && !korean.contains("store"),
        "{korean}"
    );

    // Fixed, A is right; not a number is its own mark.
    let fixed = grade(&exercise, &answer(" 3 ", ""));
    assert_eq!(fixed.race.unwrap().value, Verdict::Right);
    assert_eq!(fixed.first_mistake, Some(Mistake::RaceInterleaving));
    let typo = grade(&exercise, &answer("three", ""));
    assert_eq!(typo.race.unwrap().value, Verdict::NotANumber);
}

#[test]
fn a_value_below_a_run_that_loses_nothing_is_explained_by_the_loads_after_the_stores() {
    let exercise = every_race()
        .find(|exercise| final_value(&exercise.run) == 4)
        .expect("a medium exercise that loses nothing");
    let grading = grade(&exercise, &answer("3", ""));
    let english = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(english.contains("loses no update"), "{english}");
    assert!(
        english.contains("but the first came after the store"),
        "{english}"
    );
    let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
    assert!(korean.contains("하나도 잃지 않습니다"), "{korean}");
}

#[test]
fn a_lossy_interleaving_is_accepted_and_says_where_the_update_was_lost() {
    for difficulty in Difficulty::ALL {
        let exercise = exercise(difficulty, 0);
        // Thread 1 loads, thread 2 loads the same value, then each stores.
        let grading = grade(&exercise, &answer("", "1 2"));
        assert_eq!(
            grading.race.unwrap().interleaving,
            Verdict::Right,
            "{difficulty:?}"
        );
        let words = explain_interleaving(
            &exercise.race_workload(),
            &lengths(&exercise.race_workload()),
            "1 2",
            Lang::En,
        );
        assert!(words.contains(" lost at step "), "{words}");
        assert!(
            words.contains("Run as (your 2 entries, then what is left, thread 1 first): 1 2 1 1"),
            "{words}"
        );
    }
    // Built by clicks: the buttons type what the parser reads.
    let clicked = [1, 1, 2, 2, 2, 1]
        .into_iter()
        .fold(String::new(), |text, thread| {
            race::append_thread(&text, thread)
        });
    assert_eq!(clicked, "1 1 2 2 2 1");
    assert_eq!(race::drop_last(&clicked), "1 1 2 2 2");
    let exercise = exercise(Difficulty::Easy, 0);
    // Thread 1 loads and adds, thread 2 runs load, add, store, thread 1 stores 1 over 1.
    assert_eq!(
        grade(&exercise, &answer("", &clicked))
            .race
            .unwrap()
            .interleaving,
        Verdict::Right
    );
}

#[test]
fn a_serial_interleaving_is_refused_with_the_reason() {
    let exercise = exercise(Difficulty::Easy, 0);
    let workload = exercise.race_workload();
    let lengths = lengths(&workload);
    let serial = "1 1 1 1 1 1 1 2 2 2 2 2 2 2";
    let grading = grade(&exercise, &answer("", serial));
    assert_eq!(grading.race.unwrap().interleaving, Verdict::Wrong);
    let english = explain_interleaving(&workload, &lengths, serial, Lang::En);
    assert!(english.contains("loses no update"), "{english}");
    assert!(
        english.contains("Every load (mov counter, %ax) but the first came after the store"),
        "{english}"
    );
    assert!(
        english.contains("switch to another thread after one thread's load"),
        "{english}"
    );
    let korean = explain_interleaving(&workload, &lengths, serial, Lang::Ko);
    assert!(korean.contains("하나도 잃지 않습니다"), "{korean}");
    // A teacher's list of cells not right says what the order typed does, in place of a value
    // of the run (any order that loses an update is right: the run has no one answer).
    let total = final_value(&exercise.run);
    let typed = answer(&total.to_string(), serial);
    let cells = proclab_app::practice::set::cells_not_right(&exercise, &typed, Lang::En);
    let line = cells
        .iter()
        .find(|cell| cell.cell == "race interleaving")
        .expect("the interleaving not right");
    // The explanation's own end: "... so the counter ends at N.".
    let increments = english
        .split("so the counter ends at ")
        .nth(1)
        .and_then(|rest| rest.split('.').next())
        .expect("the end said");
    assert_eq!(
        line.key,
        format!("this order ends at {increments} (no update lost)")
    );
    let korean_cells = proclab_app::practice::set::cells_not_right(&exercise, &typed, Lang::Ko);
    assert!(
        korean_cells
            .iter()
            .any(|cell| cell.cell == "경쟁: 실행 순서"
                && cell.key
                    == format!("이 순서로는 counter가 {increments}에서 끝남 (잃은 증가 없음)")),
        "{korean_cells:?}"
    );
    // A switch after the store is not enough either.
    let late = "1 1 1 2";
    assert_eq!(
        grade(&exercise, &answer("", late))
            .race
            .unwrap()
            .interleaving,
        Verdict::Wrong
    );
}

#[test]
fn unreadable_interleavings_get_their_own_message_and_stay_typed() {
    let exercise = exercise(Difficulty::Easy, 0);
    let workload = exercise.race_workload();
    let lengths = lengths(&workload);
    assert_eq!(lengths, vec![7, 7]);
    let cases = [
        (
            "",
            ScheduleProblem::Empty,
            "Type an interleaving",
            "실행 순서를 입력하세요",
        ),
        (
            "1 x 2",
            ScheduleProblem::NotANumber {
                position: 2,
                entry: "x".into(),
            },
            "Entry 2, 'x', is not a thread number",
            "두 번째 항목 'x': 스레드 번호가 아닙니다",
        ),
        (
            "1, 3",
            ScheduleProblem::UnknownThread {
                position: 2,
                thread: 3,
            },
            "there is no thread 3; the threads are 1 to 2",
            "스레드 3이 없습니다",
        ),
        (
            "1 1 1 1 1 1 1 1",
            ScheduleProblem::Finished {
                position: 8,
                thread: 1,
                length: 7,
            },
            "thread 1 has already run all of its 7 instructions",
            "스레드 1이 이미 명령어 7개를",
        ),
        (
            &"1 2 ".repeat(8),
            ScheduleProblem::TooLong { most: 14 },
            "at most 14 entries",
            "14개 항목까지",
        ),
    ];
    for (typed, problem, english, korean) in cases {
        assert_eq!(parse_interleaving(typed, &lengths), Err(problem), "{typed}");
        let grading = grade(&exercise, &answer("", typed));
        let mark = grading.race.unwrap().interleaving;
        assert_eq!(
            mark,
            if typed.is_empty() {
                Verdict::Missing
            } else {
                Verdict::NotANumber
            }
        );
        let words = explain_interleaving(&workload, &lengths, typed, Lang::En);
        assert!(words.contains(english), "{words}");
        let words = explain_interleaving(&workload, &lengths, typed, Lang::Ko);
        assert!(words.contains(korean), "{words}");
    }
    // `T2` and commas are read; a huge paste is refused without reading it.
    assert_eq!(parse_interleaving("T1, t2 ,1", &lengths), Ok(vec![0, 1, 0]));
    assert_eq!(parse_interleaving("P1.T2 P1.T1", &lengths), Ok(vec![1, 0]));
    // Full-width digits, as a Korean keyboard types them.
    assert_eq!(parse_interleaving("１ ２ １", &lengths), Ok(vec![0, 1, 0]));
    assert_eq!(
        parse_interleaving(&"1 ".repeat(5_000), &lengths),
        Err(ScheduleProblem::TooLong { most: 14 })
    );
}

#[test]
fn the_reducer_keeps_both_answers_as_typed_and_exports_carry_them() {
    use proclab_app::practice::state::{PracticeAction, PracticeState};
    use proclab_app::reduce::Reduce;
    let set = ExerciseSet::generated(Topic::Race, Difficulty::Easy, 0, 2);
    let state = PracticeState::open(set.clone(), Progress::default());
    let state = state
        .reduce(PracticeAction::SetRaceValue("2".into()))
        .unwrap();
    let state = state
        .reduce(PracticeAction::SetRaceInterleaving("1 x".into()))
        .unwrap();
    let state = state.reduce(PracticeAction::Check).unwrap();
    let marks = state.grading.as_ref().unwrap().race.unwrap();
    assert_eq!(marks.interleaving, Verdict::NotANumber);
    assert_eq!(state.answer().race.interleaving, "1 x");
    // Hints go one at a time up to question A's last store, then Hint has nothing left.
    let mut hinted = state.clone();
    for shown in 1..=hinted.exercise().hint_count() {
        hinted = hinted.reduce(PracticeAction::Hint).expect("a hint left");
        assert_eq!(hinted.hints_shown(), shown);
    }
    assert_eq!(
        hinted.reduce(PracticeAction::Hint),
        None,
        "every hint shown"
    );
    // Saved and opened again, the answers are there.
    let saved = serde_json::to_string(&state.progress).unwrap();
    let reopened = PracticeState::open(set.clone(), serde_json::from_str(&saved).unwrap());
    assert_eq!(reopened.answer().race.value, "2");
    let json = export_json(&set, &state.progress, "");
    assert!(json.contains("\"interleaving\": \"1 x\""), "{json}");
    assert!(json.contains("\"topic\": \"race\""), "{json}");
    let csv = export_csv(&set, &state.progress, "");
    assert!(csv.contains("1,race,easy,0,race final value,2,"), "{csv}");
    assert!(
        csv.contains("1,race,easy,0,race interleaving,1 x,not_a_number"),
        "{csv}"
    );
    assert!(!csv.contains("average"), "{csv}");
}

#[test]
fn a_race_set_link_round_trips_and_old_topics_keep_their_codes() {
    let set = ExerciseSet {
        workloads: Vec::new(),
        rules: Default::default(),
        exercises: vec![
            ExerciseId {
                topic: Topic::Race,
                difficulty: Difficulty::Hard,
                seed: 7,
            },
            ExerciseId {
                topic: Topic::Hrrn,
                difficulty: Difficulty::Easy,
                seed: 3,
            },
        ],
    };
    assert_eq!(ExerciseSet::decode(&set.encode()), Ok(set));
    // A link made before the racing counter existed (FCFS, SJF ... HRRN by index) still opens.
    let old = ExerciseSet::generated(Topic::Hrrn, Difficulty::Medium, 42, 2);
    assert_eq!(old.encode(), "AAIFASoFASs");
    assert_eq!(Topic::ALL[5], Topic::Hrrn);
    assert_eq!(Topic::from_code("race"), Some(Topic::Race));
}

#[test]
fn every_lost_update_is_explained_by_two_loads_of_the_same_value() {
    for exercise in every_race() {
        let total = race::increments(&exercise.race_workload());
        if final_value(&exercise.run) == total {
            continue;
        }
        let grading = grade(&exercise, &answer(&total.to_string(), ""));
        let english = explain(&exercise, &grading, Lang::En).unwrap();
        assert!(
            english.starts_with("The loads at steps "),
            "{:?}: {english}",
            exercise.id
        );
        let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
        assert!(
            korean.contains("같은 값 counter = "),
            "{:?}: {korean}",
            exercise.id
        );
    }
    // Three threads, two updates lost: thread 1 loads 0 at step 1, thread 3 loads 0 too and
    // stores 1, thread 2 loads 1 and stores 2, and thread 1 stores 1 over both.
    let exercise = exercise(Difficulty::Hard, 4);
    let grading = grade(&exercise, &answer("3", ""));
    let english = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(english.contains("counter = 0"), "{english}");
    assert!(english.contains("not 3 (2 updates lost)"), "{english}");
}

#[test]
fn show_opens_the_run_at_the_first_of_the_two_loads() {
    use proclab_app::practice::explain::show_tick;
    let exercise = exercise(Difficulty::Easy, 1);
    let grading = grade(&exercise, &answer("2", ""));
    // Thread 2's load at step 1 (tick 0) and thread 1's at step 3 both read 0.
    assert_eq!(table(&exercise)[0], "1:T2 mov counter, %ax");
    assert_eq!(
        show_tick(&exercise, Some(&grading)),
        exercise.run.program_steps()[0].tick
    );
}

#[test]
fn each_lost_update_is_explained_and_their_count_is_what_the_counter_misses() {
    // Two threads, two increments each: each thread's second load and store race the other's
    // again, so two stores overwrite (steps 6 and 18, counted from 1 in the typed order).
    let exercise = exercise(Difficulty::Medium, 0);
    let workload = exercise.race_workload();
    let lengths = lengths(&workload);
    let typed = "1 2 1 1 2 2 1 1 1 2 2 2 1 2 1 1 2 2";
    let tried = race::try_interleaving(&workload, &lengths, typed).expect("readable");
    assert_eq!(tried.value, 2);
    let english = explain_interleaving(&workload, &lengths, typed, Lang::En);
    assert!(
        english.contains("an update was lost at step 6."),
        "{english}"
    );
    assert!(
        english.contains("an update was lost at step 18."),
        "{english}"
    );
    assert!(
        english.contains("ends at 2, not 4 (2 updates lost)"),
        "{english}"
    );
    let korean = explain_interleaving(&workload, &lengths, typed, Lang::Ko);
    assert!(
        korean.contains("6단계에서 증가 하나를 잃었습니다"),
        "{korean}"
    );
    assert!(
        korean.contains("18단계에서 증가 하나를 잃었습니다"),
        "{korean}"
    );
    // Question A's explanation of a run that loses two updates names both stores too.
    let hard = exercise_with_two_stores_lost();
    let grading = grade(&hard, &answer("99", ""));
    let words = explain(&hard, &grading, Lang::En).unwrap();
    for (update, _) in race::lost_updates(&hard.run) {
        assert!(
            words.contains(&format!("at step {}", update.step + 1)),
            "{words}"
        );
    }
    // One store that wipes two increments says so and names both.
    let exercise = exercise_hard_4();
    let grading = grade(&exercise, &answer("3", ""));
    let english = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(english.contains("2 updates were lost at step"), "{english}");
    assert!(
        english.contains("thread 3's store of 1 at step"),
        "{english}"
    );
    assert!(
        english.contains("thread 2's store of 2 at step"),
        "{english}"
    );
    let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
    assert!(korean.contains("증가 2개를 잃었습니다"), "{korean}");
    // Every exercise: the increments the stores wiped add up to what the counter misses.
    for exercise in every_race() {
        let missing = race::increments(&exercise.race_workload()) - final_value(&exercise.run);
        let wiped: usize = race::lost_updates(&exercise.run)
            .iter()
            .map(|(_, wiped)| wiped.len())
            .sum();
        assert_eq!(wiped as i64, missing, "{:?}", exercise.id);
    }
}

fn exercise_hard_4() -> Exercise {
    exercise(Difficulty::Hard, 4)
}

/// A generated exercise whose run has two overwriting stores, found by running the core.
fn exercise_with_two_stores_lost() -> Exercise {
    every_race()
        .find(|exercise| race::lost_updates(&exercise.run).len() >= 2)
        .expect("some generated run overwrites twice")
}

#[test]
fn an_empty_or_unreadable_value_is_not_answered_for_the_student() {
    for exercise in every_race() {
        let value = final_value(&exercise.run);
        for (typed, verdict, words) in [
            ("", Verdict::Missing, "still empty"),
            ("two", Verdict::NotANumber, "is said under it"),
        ] {
            let grading = grade(&exercise, &answer(typed, ""));
            assert_eq!(grading.race.expect("race marks").value, verdict);
            assert_eq!(grading.first_mistake, Some(Mistake::RaceValue));
            let english = explain(&exercise, &grading, Lang::En).expect("told what to do");
            assert!(english.contains(words), "{english}");
            assert!(!english.contains(&format!("ends at {value}")), "{english}");
            assert!(
                !english.contains("step"),
                "no step of the run is told: {english}"
            );
            let korean = explain(&exercise, &grading, Lang::Ko).expect("told what to do");
            assert!(!korean.contains("단계"), "{korean}");
        }
        // A number, even a wrong one, is an attempt: the run is explained.
        let grading = grade(&exercise, &answer(&(value + 1).to_string(), ""));
        let english = explain(&exercise, &grading, Lang::En).unwrap();
        assert!(
            english.contains("step") || english.contains("loses no update"),
            "{english}"
        );
    }
}

#[test]
fn an_unreadable_interleaving_is_sent_to_its_own_problem_not_told_what_an_average_is() {
    let exercise = exercise(Difficulty::Medium, 1);
    let value = final_value(&exercise.run).to_string();
    let grading = grade(&exercise, &answer(&value, "1 2 9 99999999999999999999"));
    assert_eq!(grading.first_mistake, Some(Mistake::RaceInterleaving));
    assert_eq!(
        grading.race.expect("race marks").interleaving,
        Verdict::NotANumber
    );
    for lang in [Lang::En, Lang::Ko] {
        // The line under the answer says what is wrong with it ("entry 3: there is no thread
        // 9"); a general form here had contradicted it.
        let words = explain(&exercise, &grading, lang).expect("explained");
        let under = lang.pick(["그 답 아래에 있습니다", "is said under it"]);
        assert!(words.contains(under), "{words}");
        assert!(!words.contains("7/2") && !words.contains("3.5"), "{words}");
    }
}

#[test]
fn question_a_hints_follow_the_counter_load_by_load_and_store_by_store() {
    for exercise in every_race() {
        // The loads and stores replayed here from the instructions alone, each thread with its
        // own %ax.
        let mut counter = 0;
        let mut ax = std::collections::HashMap::new();
        let mut expected = Vec::new();
        for row in race::step_rows(&exercise.run) {
            let thread = row.thread + 1;
            match row.text.as_str() {
                "mov counter, %ax" => {
                    ax.insert(thread, counter);
                    expected.push(format!(
                        "Step {}: thread {thread} loads counter = {counter}.",
                        row.step
                    ));
                }
                "add $1, %ax" => *ax.get_mut(&thread).expect("loaded") += 1,
                "mov %ax, counter" => {
                    counter = ax[&thread];
                    expected.push(format!(
                        "Step {}: thread {thread} stores {counter}: counter = {counter}.",
                        row.step
                    ));
                }
                _ => {}
            }
        }
        let hints = proclab_app::practice::explain::hints(&exercise, usize::MAX, Lang::En);
        assert_eq!(hints.len(), exercise.hint_count(), "{:?}", exercise.id);
        assert!(
            hints[0].starts_with("1. Follow the counter"),
            "{}",
            hints[0]
        );
        let retold: Vec<String> = hints[1..]
            .iter()
            .enumerate()
            .map(|(index, hint)| {
                let prefix = format!("{}. ", index + 2);
                hint.strip_prefix(&prefix).expect("numbered").to_string()
            })
            .collect();
        assert_eq!(retold, expected, "{:?}", exercise.id);
        // The last store is the answer to question A.
        assert_eq!(counter, final_value(&exercise.run), "{:?}", exercise.id);
        let korean = proclab_app::practice::explain::hints(&exercise, 2, Lang::Ko);
        assert_eq!(korean.len(), 2);
        // In Korean, the words of the programs' comments: 읽기 and 쓰기, not load and store.
        assert!(korean[1].contains("읽습니다"), "{}", korean[1]);
        assert!(
            !korean[1].contains("load") && !korean[1].contains("store"),
            "{}",
            korean[1]
        );
    }
}

/// Question A's answer that cannot be read says why under it as it is typed (only a "?" had
/// marked twenty digits); a number, negative ones too, and an empty cell say nothing.
#[test]
fn a_final_value_that_cannot_be_read_says_why() {
    for typed in ["", "2", "-3", " ２ "] {
        assert_eq!(race::value_problem(typed, Lang::En), None, "{typed}");
    }
    assert_eq!(
        race::value_problem("99999999999999999999", Lang::En).unwrap(),
        format!(
            "“99999999999999999999”: too large. {}",
            race::value_form(Lang::En)
        )
    );
    assert_eq!(
        race::value_problem("two", Lang::En).unwrap(),
        format!("“two”: {}", race::value_form(Lang::En))
    );
    assert!(race::value_problem("-99999999999999999999", Lang::Ko)
        .unwrap()
        .contains("너무 큰 수입니다"));
}
