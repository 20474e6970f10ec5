//! The semaphore exercise of Practice: the key is the core's state at the end of the run, the
//! first mistake is explained from the states around each step, and the set link, the reducer and
//! the exports carry it like every other kind.

use proclab_app::i18n::Lang;
use proclab_app::practice::exercise::{Difficulty, Exercise, ExerciseId, Topic};
use proclab_app::practice::explain::{explain, show_span};
use proclab_app::practice::grade::{grade, key_answer, Mistake, Verdict};
use proclab_app::practice::semaphore::{self, SemaphoreAnswer};
use proclab_app::practice::set::{export_csv, ExerciseSet, Progress};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::reduce::Reduce;

fn exercise(difficulty: Difficulty, seed: u64) -> Exercise {
    Exercise::generate(ExerciseId {
        topic: Topic::Semaphore,
        difficulty,
        seed,
    })
}

#[test]
fn the_engines_own_answer_is_graded_all_right_at_every_level() {
    for difficulty in Difficulty::ALL {
        for seed in 0..12 {
            let exercise = exercise(difficulty, seed);
            assert!(exercise.is_semaphore() && exercise.is_program());
            // A hint per step, each the step retold with the value after it.
            let steps = semaphore::steps(&exercise.run);
            assert_eq!(exercise.hint_count(), steps.len());
            let hints = proclab_app::practice::explain::hints(&exercise, 2, Lang::En);
            assert_eq!(hints.len(), 2);
            for (index, hint) in hints.iter().enumerate() {
                let name = &semaphore::names(&exercise.run)[steps[index].semaphore];
                let said = format!(
                    "{}. {} {}",
                    index + 1,
                    semaphore::thread_label(steps[index].thread),
                    semaphore::call(steps[index].op, name)
                );
                assert!(hint.starts_with(&said), "{hint}");
            }
            let grading = grade(&exercise, &key_answer(&exercise));
            assert!(grading.all_fine(), "{difficulty:?} seed {seed}");
            let (right, _, total) = grading.counts();
            let threads = exercise.run.scenario().threads().len();
            let semaphores = semaphore::names(&exercise.run).len();
            assert_eq!((right, total), (threads + semaphores, threads + semaphores));
            // The same seed, the same case.
            let again = self::exercise(difficulty, seed);
            assert_eq!(again.spec, exercise.spec);
        }
    }
}

#[test]
fn a_wrong_cell_is_the_first_mistake_and_its_explanation_states_the_key_and_retells_the_run() {
    let exercise = exercise(Difficulty::Hard, 2);
    let key = key_answer(&exercise).semaphore;
    let names = semaphore::names(&exercise.run);
    assert_eq!(names, ["empty", "full"]);
    // `full` one too high.
    let full: u32 = key.values[1].parse().unwrap();
    let typed = key.with_value(1, (full + 1).to_string());
    let answer = proclab_app::practice::grade::Answer {
        semaphore: typed,
        ..Default::default()
    };
    let grading = grade(&exercise, &answer);
    assert_eq!(
        grading.first_mistake,
        Some(Mistake::SemaphoreValue { index: 1 })
    );
    assert_eq!(
        grading.semaphore.as_ref().unwrap().values,
        [Verdict::Right, Verdict::Wrong]
    );
    let english = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(
        english.starts_with(&format!("full is {full} after the last step.")),
        "{english}"
    );
    assert!(english.contains("1. T"), "{english}");
    // The lead also retells the last step that changed `full`, as the core's states have it:
    // a wait that took 1 or a signal nobody waited for, leaving `full` at its final value.
    let effects = semaphore::effects(&exercise.run);
    let (number, (step, effect)) = effects
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (step, effect))| {
            step.semaphore == 1
                && matches!(
                    effect,
                    semaphore::Effect::Took(_) | semaphore::Effect::Added(_)
                )
        })
        .expect("a step changed full");
    assert!(
        matches!(effect, semaphore::Effect::Took(value) | semaphore::Effect::Added(value) if *value == full)
    );
    let lead = english.lines().next().unwrap();
    let retold = semaphore::retell(number, *step, effect, &names, Lang::En);
    assert!(
        lead.ends_with(&format!("The last step that changed full: {retold}")),
        "{lead}"
    );
    let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
    assert!(
        korean.starts_with(&format!("마지막 단계 뒤 full = {full}입니다.")),
        "{korean}"
    );
    // "Show" plays up to the end of the run, where the question is asked.
    let end = exercise.run.end_tick();
    assert_eq!(
        show_span(&exercise, Some(&grading)).map(|span| span.1),
        Some(end)
    );
    // A thread's wrong choice comes after the values.
    let waits = key.waits.clone();
    let thread = 1;
    let other = if waits[thread] == Some(0) { 1 } else { 0 };
    let answer = proclab_app::practice::grade::Answer {
        semaphore: key.with_wait(thread, Some(other)),
        ..Default::default()
    };
    let grading = grade(&exercise, &answer);
    assert_eq!(
        grading.first_mistake,
        Some(Mistake::SemaphoreWait { thread })
    );
    let words = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(words.starts_with("After the last step T2 "), "{words}");
    // A wrong value with another cell left empty: the empty cell is named, and the words say the
    // value is wrong and ask for the empty cell instead of retelling the run (which would answer
    // it).
    let answer = proclab_app::practice::grade::Answer {
        semaphore: key.with_value(1, (full + 1).to_string()).with_wait(2, None),
        ..Default::default()
    };
    let grading = grade(&exercise, &answer);
    assert_eq!(
        grading.first_mistake,
        Some(Mistake::SemaphoreWait { thread: 2 })
    );
    let words = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(
        words.starts_with("1 answer marked ✗ is wrong. Fill in the empty ones")
            && !words.contains("1. T"),
        "{words}"
    );
    // A value that cannot be read says what to type and gives nothing away.
    let answer = proclab_app::practice::grade::Answer {
        semaphore: key.with_value(0, "many".into()),
        ..Default::default()
    };
    let grading = grade(&exercise, &answer);
    let words = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(words.contains("one whole number of 0 or more"), "{words}");
    assert!(!words.contains("1. T"), "{words}");
    // A value below 0 (a textbook that counts the waiters in it): wrong, explained, and why no
    // value goes below 0 here said first.
    let answer = proclab_app::practice::grade::Answer {
        semaphore: key.with_value(1, String::from("-1")),
        ..Default::default()
    };
    let grading = grade(&exercise, &answer);
    assert_eq!(
        grading.first_mistake,
        Some(Mistake::SemaphoreValue { index: 1 })
    );
    let words = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(
        words.starts_with("In this model a semaphore's value never goes below 0")
            && words.contains(&format!("full is {full} after the last step.")),
        "{words}"
    );
    let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
    assert!(korean.contains("0 아래로 내려가지 않습니다"), "{korean}");
}

#[test]
fn set_links_made_before_the_semaphore_topic_are_unchanged_and_a_semaphore_set_round_trips() {
    let position = |topic: Topic| Topic::ALL.iter().position(|t| *t == topic).unwrap();
    assert_eq!(position(Topic::Semaphore), position(Topic::Deadlock) + 1);
    assert_eq!(Topic::from_code("semaphore"), Some(Topic::Semaphore));
    let old = ExerciseSet::generated(Topic::Hrrn, Difficulty::Medium, 42, 2);
    assert_eq!(old.encode(), "AAIFASoFASs");
    let mixed = ExerciseSet {
        workloads: Vec::new(),
        rules: Default::default(),
        exercises: vec![
            ExerciseId {
                topic: Topic::Deadlock,
                difficulty: Difficulty::Easy,
                seed: 3,
            },
            ExerciseId {
                topic: Topic::Semaphore,
                difficulty: Difficulty::Hard,
                seed: 5,
            },
        ],
    };
    assert_eq!(ExerciseSet::decode(&mixed.encode()), Ok(mixed));
}

#[test]
fn the_reducer_keeps_the_answers_and_the_exports_carry_them() {
    let set = ExerciseSet::generated(Topic::Semaphore, Difficulty::Medium, 1, 1);
    let state = PracticeState::open(set.clone(), Progress::default());
    let key = key_answer(state.exercise()).semaphore;
    let wrong = (key.values[0].parse::<u32>().unwrap() + 1).to_string();
    let typed = SemaphoreAnswer {
        values: vec![wrong.clone()],
        ..key.clone()
    };
    let state = state
        .reduce(PracticeAction::SetSemaphore(typed.clone()))
        .unwrap();
    assert_eq!(state.answer().semaphore, typed);
    assert_eq!(
        state.reduce(PracticeAction::SetSemaphore(typed.clone())),
        None
    );
    let checked = state.reduce(PracticeAction::Check).unwrap();
    assert_eq!(
        checked.grading.as_ref().unwrap().first_mistake,
        Some(Mistake::SemaphoreValue { index: 0 })
    );
    let csv = export_csv(&set, &checked.progress, "");
    assert!(
        csv.contains(&format!("value of semaphore s,{wrong},wrong")),
        "{csv}"
    );
    assert!(csv.contains("T1 waits on,"), "{csv}");
    // Saved progress reads back.
    let json = serde_json::to_string(&checked.progress).unwrap();
    let read: Progress = serde_json::from_str(&json).unwrap();
    assert_eq!(read, checked.progress);
}

#[test]
fn a_wrong_value_names_the_steps_that_left_it_alone() {
    use semaphore::Effect;
    let mut told = 0;
    for difficulty in Difficulty::ALL {
        for seed in 0..12 {
            let exercise = exercise(difficulty, seed);
            let effects = semaphore::effects(&exercise.run);
            for index in 0..semaphore::names(&exercise.run).len() {
                // Every step on this semaphore that left its value, before the last change as
                // after it: a wake-up anywhere is where a student adds 1 too many.
                let kept: Vec<usize> = effects
                    .iter()
                    .enumerate()
                    .filter(|(_, (step, effect))| {
                        step.semaphore == index
                            && matches!(effect, Effect::Woke(..) | Effect::Waits(_))
                    })
                    .map(|(number, _)| number + 1)
                    .collect();
                let words = semaphore::explain_value(&exercise.run, index, Lang::En);
                let first_line = words.lines().next().unwrap_or_default();
                let name = &semaphore::names(&exercise.run)[index];
                match kept.as_slice() {
                    [] => assert!(!first_line.contains("as it was"), "{first_line}"),
                    [one] => {
                        assert!(
                            first_line.contains(&format!("Step {one} left {name} as it was")),
                            "{first_line}"
                        );
                        told += 1;
                    }
                    [.., final_one] => {
                        assert!(
                            first_line.contains(&format!(" and {final_one} left {name} as it was")),
                            "{first_line}"
                        );
                        told += 1;
                    }
                }
            }
        }
    }
    assert!(
        told > 0,
        "some exercise has a wake-up or a block after the last change"
    );
}

/// A wrong value beside answers left empty: the empty ones are asked for (the explanation would
/// give them away), and the wrong one is said to be wrong, in both languages.
#[test]
fn a_wrong_cell_beside_empty_ones_is_said_to_be_wrong() {
    let exercise = exercise(Difficulty::Easy, 3);
    let key = key_answer(&exercise).semaphore;
    let mut answer = key_answer(&exercise);
    let wrong = key.values[0].parse::<u32>().unwrap() + 1;
    answer.semaphore = SemaphoreAnswer::default().with_value(0, wrong.to_string());
    let grading = grade(&exercise, &answer);
    assert!(grading.semaphore.as_ref().unwrap().values[0] == Verdict::Wrong);
    let english = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(
        english.starts_with("1 answer marked ✗ is wrong. Fill in the empty ones"),
        "{english}"
    );
    assert!(english.contains("check again to see why"), "{english}");
    let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
    assert!(
        korean.starts_with("✗ 표시된 답 1개가 틀렸습니다. 빈 답(… 표시)을 채우고"),
        "{korean}"
    );
    // With nothing wrong yet, only the empty answers are asked for.
    answer.semaphore = SemaphoreAnswer::default().with_value(0, key.values[0].clone());
    let grading = grade(&exercise, &answer);
    let english = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(english.starts_with("An answer is still empty"), "{english}");
}

/// Where a teacher's rules offer no simulator, the rules do not speak of it.
#[test]
fn the_rules_speak_of_the_simulator_only_where_it_is_offered() {
    use proclab_app::practice::text::{conventions, conventions_for};
    let exercise = exercise(Difficulty::Medium, 0);
    for lang in [Lang::En, Lang::Ko] {
        let offered = conventions(&exercise, lang);
        let not_offered = conventions_for(&exercise, false, lang);
        let word = lang.pick(["시뮬레이터", "simulator"]);
        assert!(
            offered.iter().any(|rule| rule.contains(word)),
            "{offered:?}"
        );
        assert!(
            !not_offered.iter().any(|rule| rule.contains(word)),
            "{not_offered:?}"
        );
        assert_eq!(not_offered.len() + 1, offered.len());
    }
}

#[test]
fn a_wrong_wait_choice_names_the_wait_that_blocked_the_thread_and_the_signal_that_woke_it() {
    use semaphore::Op;
    let mut woken_told = 0;
    for difficulty in Difficulty::ALL {
        for seed in 0..20 {
            let exercise = exercise(difficulty, seed);
            let run = &exercise.run;
            let names = semaphore::names(run);
            // The steps replayed on a plain counting semaphore with a first-in first-out queue:
            // for each thread, its last wait that blocked (step number from 1) and the signal
            // that woke it after that (step number, signalling thread).
            let mut values = semaphore::initial_values(run);
            let mut queues: Vec<Vec<u32>> = vec![Vec::new(); values.len()];
            let threads = semaphore::key(run).waits.len();
            let mut blocked: Vec<Option<usize>> = vec![None; threads];
            let mut woken: Vec<Option<(usize, u32)>> = vec![None; threads];
            for (at, step) in semaphore::steps(run).iter().enumerate() {
                let s = step.semaphore;
                match step.op {
                    Op::Wait if values[s] > 0 => values[s] -= 1,
                    Op::Wait => {
                        queues[s].push(step.thread);
                        blocked[step.thread as usize] = Some(at + 1);
                        woken[step.thread as usize] = None;
                    }
                    Op::Signal if queues[s].is_empty() => values[s] += 1,
                    Op::Signal => {
                        let first = queues[s].remove(0);
                        woken[first as usize] = Some((at + 1, step.thread));
                    }
                }
            }
            for thread in 0..threads {
                let words = semaphore::explain_wait(run, thread, Lang::En);
                let lead = words.lines().next().expect("a first line");
                match (blocked[thread], woken[thread]) {
                    (Some(at), Some((woke, waker))) => {
                        let semaphore = &names[semaphore::steps(run)[at - 1].semaphore];
                        let said = format!(
                            "It waited at step {at}, wait({semaphore}), and step {woke}, {}'s signal({semaphore}), woke it.",
                            semaphore::thread_label(waker)
                        );
                        assert!(lead.ends_with(&said), "{lead}\nexpected: {said}");
                        woken_told += 1;
                    }
                    (Some(at), None) => assert!(
                        lead.contains(&format!("at step {at} blocked it, and no later signal")),
                        "{lead}"
                    ),
                    (None, _) => assert!(
                        lead.ends_with("so it never waited.")
                            || lead.ends_with("It makes no wait."),
                        "{lead}"
                    ),
                }
            }
        }
    }
    assert!(woken_told > 0, "some thread was woken");
}
