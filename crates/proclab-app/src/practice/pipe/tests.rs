use std::collections::VecDeque;

use super::explain::pipe_now;
use super::generate::shape;
use super::*;
use crate::practice::exercise::{Difficulty, ExerciseId};
use crate::practice::grade::Verdict;

fn id(difficulty: Difficulty, seed: u64) -> ExerciseId {
    ExerciseId {
        topic: super::super::exercise::Topic::Pipe,
        difficulty,
        seed,
    }
}

/// The plain model of the rule, run over the listed steps: the bytes held and who waits.
fn model(size: usize, writers: &[bool], steps: &[Step]) -> PipeKey {
    let mut held = VecDeque::new();
    let mut senders: VecDeque<(usize, i64)> = VecDeque::new();
    let mut receivers: VecDeque<usize> = VecDeque::new();
    let mut open = writers.iter().filter(|writes| **writes).count();
    for step in steps {
        let process = step.process as usize;
        match step.op {
            Op::Write(byte) => {
                if receivers.pop_front().is_none() {
                    if held.len() < size {
                        held.push_back(byte);
                    } else {
                        senders.push_back((process, byte));
                    }
                }
            }
            Op::Read => {
                if held.pop_front().is_some() {
                    if let Some((_, byte)) = senders.pop_front() {
                        held.push_back(byte);
                    }
                } else if open > 0 {
                    receivers.push_back(process);
                }
            }
            Op::Close => {
                open -= 1;
                if open == 0 && held.is_empty() {
                    receivers.clear();
                }
            }
        }
    }
    PipeKey {
        held: held.into_iter().collect(),
        waits: (0..writers.len())
            .map(|process| {
                if senders.iter().any(|(writer, _)| *writer == process) {
                    Waits::ToWrite
                } else if receivers.contains(&process) {
                    Waits::ToRead
                } else {
                    Waits::No
                }
            })
            .collect(),
    }
}

#[test]
fn every_generated_case_waits_and_wakes_and_the_core_agrees_with_the_rule() {
    for difficulty in Difficulty::ALL {
        let mut ends = [0; 3];
        for seed in 0..30 {
            let run = generate(id(difficulty, seed)).expect("a case");
            let effects = effects(&run);
            assert!(effects
                .iter()
                .any(|(_, e)| matches!(e, Effect::WaitsFull | Effect::WaitsEmpty)));
            let writers: Vec<bool> = shape(difficulty)
                .processes
                .iter()
                .map(|(_, writes)| *writes)
                .collect();
            let key = key(&run);
            assert_eq!(
                key,
                model(size(&run) as usize, &writers, &steps(&run)),
                "{difficulty:?} seed {seed}"
            );
            let listed = steps(&run).len();
            let (fewest, most) = shape(difficulty).steps;
            assert!(
                (fewest.min(3)..=most).contains(&listed),
                "{difficulty:?} seed {seed}: {listed} steps"
            );
            let end = if key.waits.iter().any(|wait| *wait != Waits::No) {
                0
            } else if key.held.is_empty() {
                2
            } else {
                1
            };
            ends[end] += 1;
        }
        assert!(
            ends.iter().all(|count| *count >= 3),
            "{difficulty:?}: every kind of end, {ends:?} of 30"
        );
    }
}

#[test]
fn the_key_is_graded_right_and_a_changed_cell_wrong_there_only() {
    let run = generate(id(Difficulty::Medium, 4)).unwrap();
    let answer = key_answer(&run);
    let marks = grade(&run, &answer);
    assert_eq!(marks.held, Verdict::Right);
    assert!(marks.waits.iter().all(|mark| *mark == Verdict::Right));
    let wrong = answer.with_held(String::from("1 2 3 4"));
    let marks = grade(&run, &wrong);
    assert_eq!(marks.held, Verdict::Wrong);
    assert!(marks.waits.iter().all(|mark| *mark == Verdict::Right));
    let changed = (key(&run).waits[0].code() + 1) % 3;
    let marks = grade(&run, &answer.with_wait(0, Some(changed)));
    assert_eq!(marks.waits[0], Verdict::Wrong);
    assert_eq!(marks.held, Verdict::Right);
    assert_eq!(
        grade(&run, &answer.with_held("5 x".into())).held,
        Verdict::NotANumber
    );
    assert_eq!(
        grade(&run, &answer.with_held(String::new())).held,
        Verdict::Missing
    );
}

/// A reader that does not wait after the last step is told why: a close gave it end-of-file,
/// a write handed it a byte (the hard level's lesson had read "it never was, or a later step
/// let it go on").
#[test]
fn a_process_that_goes_on_is_told_what_let_it() {
    let (run, reader) = (0..40)
        .filter_map(|seed| generate(id(Difficulty::Hard, seed)))
        .find_map(|run| {
            let reader = effects(&run).iter().find_map(|(_, effect)| match effect {
                Effect::Closed(readers) => readers.first().copied(),
                _ => None,
            })?;
            (key(&run).waits[reader as usize] == Waits::No).then_some((run, reader))
        })
        .expect("a close that gives a waiting reader end-of-file");
    let words = explain_wait(&run, reader as usize, Lang::En);
    let lead = words.lines().next().unwrap();
    assert!(
        lead.contains("closed the last write end with p empty"),
        "{lead}"
    );
    assert!(lead.contains("got -1 (end-of-file)"), "{lead}");
    let korean = explain_wait(&run, reader as usize, Lang::Ko);
    assert!(
        korean
            .lines()
            .next()
            .unwrap()
            .contains("마지막 쓰기 끝을 닫았을 때"),
        "{korean}"
    );
}

#[test]
fn bytes_are_read_as_a_student_types_them() {
    assert_eq!(read_held(" 5 9 "), Ok(Some(vec![5, 9])));
    assert_eq!(read_held("5, 9"), Ok(Some(vec![5, 9])));
    assert_eq!(read_held("５　９"), Ok(Some(vec![5, 9])));
    assert_eq!(read_held("-"), Ok(Some(vec![])));
    assert_eq!(read_held("비어 있음"), Ok(Some(vec![])));
    assert_eq!(read_held("Empty"), Ok(Some(vec![])));
    assert_eq!(read_held(""), Ok(None));
    assert_eq!(read_held("5 nine"), Err(Unreadable));
}

#[test]
fn the_explanation_retells_every_step_and_the_end_in_both_languages() {
    for difficulty in Difficulty::ALL {
        let run = generate(id(difficulty, 2)).unwrap();
        let names = names(&run);
        for lang in [Lang::En, Lang::Ko] {
            let text = explain(&run, lang);
            for (index, step) in steps(&run).iter().enumerate() {
                let said = format!(
                    "{}. {} {}",
                    index + 1,
                    names[step.process as usize],
                    call(step.op)
                );
                assert!(text.contains(&said), "{lang:?}: {said} in {text}");
            }
            let end = pipe_now(&key(&run).held, lang);
            assert!(text.contains(&end), "{lang:?}: {end} in {text}");
        }
    }
    // A byte handed to a waiting reader is said to skip the pipe.
    let handed = (0..30)
        .filter_map(|seed| generate(id(Difficulty::Easy, seed)))
        .find(|run| {
            effects(run)
                .iter()
                .any(|(_, effect)| matches!(effect, Effect::Handed(_)))
        })
        .expect("a write to a waiting reader");
    let english = explain(&handed, Lang::En);
    assert!(english.contains("goes straight to R"), "{english}");
    // A byte handed over, typed as if in the pipe, is said to have gone straight to the reader.
    let byte = effects(&handed)
        .iter()
        .find_map(|(step, effect)| match (step.op, effect) {
            (Op::Write(byte), Effect::Handed(_)) => Some(byte),
            _ => None,
        })
        .unwrap();
    let mut typed = key(&handed).held;
    typed.push(byte);
    let words = explain_held(&handed, Some(&typed), Lang::En);
    assert!(
        words.contains(&format!("{byte} went straight to R")),
        "{words}"
    );
    // The Korean lead is a sentence in the style of the rest ("있음" had switched style).
    let korean = explain_held(&handed, Some(&typed), Lang::Ko);
    let lead = korean.split('\n').next().unwrap();
    assert!(
        lead.starts_with("마지막 단계 뒤 p에 ") && lead.contains(" 남아 있습니다"),
        "{lead}"
    );
    assert!(!korean.contains("있음("), "{korean}");
}
