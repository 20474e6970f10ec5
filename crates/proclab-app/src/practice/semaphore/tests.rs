use super::generate::shape;
use super::*;
use crate::lang::Lang;
use crate::practice::exercise::{Difficulty, ExerciseId};
use crate::practice::grade::Verdict;

fn id(difficulty: Difficulty, seed: u64) -> ExerciseId {
    ExerciseId {
        topic: super::super::exercise::Topic::Semaphore,
        difficulty,
        seed,
    }
}

/// The rule of `docs/semantics.md` applied to the listed steps, independently of the core.
fn model(initial: &[u32], steps: &[Step], threads: usize) -> SemaphoreKey {
    let mut values = initial.to_vec();
    let mut queues: Vec<Vec<u32>> = vec![Vec::new(); values.len()];
    for step in steps {
        match step.op {
            Op::Wait if values[step.semaphore] > 0 => values[step.semaphore] -= 1,
            Op::Wait => queues[step.semaphore].push(step.thread),
            Op::Signal if !queues[step.semaphore].is_empty() => {
                queues[step.semaphore].remove(0);
            }
            Op::Signal => values[step.semaphore] += 1,
        }
    }
    SemaphoreKey {
        values,
        waits: (0..threads as u32)
            .map(|thread| queues.iter().position(|queue| queue.contains(&thread)))
            .collect(),
    }
}

#[test]
fn every_generated_case_has_a_wait_and_a_wake_up_and_the_core_agrees_with_the_rule() {
    for difficulty in Difficulty::ALL {
        let mut waiting_ends = 0;
        for seed in 0..30 {
            let run = generate(id(difficulty, seed)).expect("a case");
            let effects = effects(&run);
            assert!(effects.iter().any(|(_, e)| matches!(e, Effect::Waits(_))));
            assert!(effects.iter().any(|(_, e)| matches!(e, Effect::Woke(..))));
            let threads = run.scenario().threads().len();
            let key = key(&run);
            assert_eq!(
                key,
                model(&initial_values(&run), &steps(&run), threads),
                "{difficulty:?} seed {seed}"
            );
            let listed = steps(&run).len();
            assert!(
                (3..=shape(difficulty).steps.1).contains(&listed),
                "{difficulty:?} seed {seed}: {listed} steps"
            );
            if key.waits.iter().any(Option::is_some) {
                waiting_ends += 1;
            }
            // No step is listed for a thread that is waiting at that step.
            let mut waiting = vec![false; threads];
            for (step, effect) in &effects {
                assert!(!waiting[step.thread as usize], "{difficulty:?} seed {seed}");
                match effect {
                    Effect::Waits(_) => waiting[step.thread as usize] = true,
                    Effect::Woke(thread, _) => waiting[*thread as usize] = false,
                    _ => {}
                }
            }
        }
        assert!(
            (6..=20).contains(&waiting_ends),
            "{difficulty:?}: both kinds of end, {waiting_ends} of 30 with a waiter"
        );
    }
}

#[test]
fn no_answer_is_a_safe_guess() {
    for difficulty in Difficulty::ALL {
        let ends: Vec<SemaphoreKey> = (0..30)
            .map(|seed| key(&generate(id(difficulty, seed)).unwrap()))
            .collect();
        let last_values: std::collections::BTreeSet<u32> =
            ends.iter().map(|end| *end.values.last().unwrap()).collect();
        assert!(last_values.len() >= 2, "{difficulty:?}: {last_values:?}");
        // Each thread waits at the end of some case and runs free at the end of another.
        for thread in 0..ends[0].waits.len() {
            let waits = ends
                .iter()
                .filter(|end| end.waits[thread].is_some())
                .count();
            assert!(
                (1..30).contains(&waits),
                "{difficulty:?} T{}: {waits}",
                thread + 1
            );
        }
    }
}

#[test]
fn the_key_is_graded_right_and_a_changed_cell_wrong_there_only() {
    let run = generate(id(Difficulty::Hard, 4)).unwrap();
    let answer = key_answer(&run);
    let marks = grade(&run, &answer);
    assert!(marks
        .values
        .iter()
        .chain(&marks.waits)
        .all(|m| *m == Verdict::Right));
    let wrong_value = (key(&run).values[1] + 1).to_string();
    let marks = grade(&run, &answer.with_value(1, wrong_value));
    assert_eq!(marks.values, [Verdict::Right, Verdict::Wrong]);
    assert!(marks.waits.iter().all(|m| *m == Verdict::Right));
    let other = if answer.waits[2] == Some(0) {
        Some(1)
    } else {
        Some(0)
    };
    let marks = grade(&run, &answer.with_wait(2, other));
    assert_eq!(
        marks.waits,
        [Verdict::Right, Verdict::Right, Verdict::Wrong]
    );
    let marks = grade(&run, &answer.with_value(0, "two".into()).with_wait(0, None));
    assert_eq!(marks.values[0], Verdict::NotANumber);
    assert_eq!(marks.waits[0], Verdict::Missing);
    assert_eq!(
        grade(&run, &answer.with_value(0, format!(" {}", '\u{FF10}'))).values[0],
        if key(&run).values[0] == 0 {
            Verdict::Right
        } else {
            Verdict::Wrong
        },
        "full-width digits are read"
    );
    // A value below 0, as textbooks that count the waiters have it: read, wrong, and noted.
    assert!(!marks.below_zero);
    let marks = grade(&run, &answer.with_value(1, "-1".into()));
    assert_eq!(marks.values[1], Verdict::Wrong);
    assert!(marks.below_zero);
    assert!(!grade(&run, &answer).below_zero);
}

#[test]
fn the_explanation_retells_every_step_and_the_end_in_both_languages() {
    let run = generate(id(Difficulty::Medium, 1)).unwrap();
    let steps = steps(&run);
    for lang in [Lang::En, Lang::Ko] {
        let text = explain(&run, lang);
        for (index, step) in steps.iter().enumerate() {
            let said = format!(
                "{}. {} {}",
                index + 1,
                thread_label(step.thread),
                call(step.op, "s")
            );
            assert!(text.contains(&said), "{lang:?}: {said} in {text}");
        }
        let end = values_text(&names(&run), &key(&run).values);
        assert!(text.contains(&end), "{lang:?}: {end} in {text}");
    }
    let english = explain(&run, Lang::En);
    assert!(english.contains("waits (s's queue:"), "{english}");
    // A wake-up says the value it leaves, as every other step does.
    let woke = effects(&run)
        .into_iter()
        .find_map(|(_, effect)| match effect {
            Effect::Woke(_, value) => Some(value),
            _ => None,
        })
        .expect("a wake-up");
    assert!(
        english.contains(&format!("goes on and s stays {woke} (nothing is added)")),
        "{english}"
    );
}

/// A wrong value is pointed at every step that left the value as it was, a wake-up before
/// the last change among them (the trap a student falls in), not only at the last change.
#[test]
fn a_wrong_value_names_the_wake_ups_before_the_last_change_too() {
    let mut found = false;
    for seed in 0..30 {
        let run = generate(id(Difficulty::Easy, seed)).unwrap();
        let effects = effects(&run);
        let last_change = effects
            .iter()
            .rposition(|(_, effect)| matches!(effect, Effect::Took(_) | Effect::Added(_)));
        let Some(wake) = effects
            .iter()
            .position(|(_, effect)| matches!(effect, Effect::Woke(..)))
        else {
            continue;
        };
        if last_change.is_some_and(|last| wake < last) {
            found = true;
            let lead = explain_value(&run, 0, Lang::En);
            let lead = lead.lines().next().unwrap();
            // "Step 3 left s as it was" or "Steps 2 and 3 left s as it was".
            let clause = lead
                .split(" left s as it was")
                .next()
                .and_then(|before| before.rsplit("Step").next())
                .unwrap_or_default();
            let numbers: Vec<usize> = clause
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|number| number.parse().ok())
                .collect();
            assert!(numbers.contains(&(wake + 1)), "{lead}");
            assert!(lead.contains("a signal that wakes a waiter"), "{lead}");
        }
    }
    assert!(found, "a case with a wake-up before the last change");
}
