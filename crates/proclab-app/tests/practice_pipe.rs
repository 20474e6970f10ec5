//! The pipe exercise of Practice: the key is the core's state just after the last listed step,
//! the first mistake is explained from the pipe's states around each step, and the set link, the
//! reducer and the exports carry it like every other kind.

use proclab_app::i18n::Lang;
use proclab_app::practice::exercise::{Difficulty, Exercise, ExerciseId, Topic};
use proclab_app::practice::explain::{explain, hints, show_span};
use proclab_app::practice::grade::{grade, key_answer, Answer, Mistake, Verdict};
use proclab_app::practice::pipe::{self, PipeAnswer, Waits};
use proclab_app::practice::set::{export_csv, ExerciseSet, Progress};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::reduce::Reduce;

fn exercise(difficulty: Difficulty, seed: u64) -> Exercise {
    Exercise::generate(ExerciseId {
        topic: Topic::Pipe,
        difficulty,
        seed,
    })
}

#[test]
fn the_engines_own_answer_is_graded_all_right_at_every_level() {
    for difficulty in Difficulty::ALL {
        for seed in 0..12 {
            let exercise = exercise(difficulty, seed);
            assert!(exercise.is_pipe() && exercise.is_program());
            let steps = pipe::steps(&exercise.run);
            assert_eq!(exercise.hint_count(), steps.len());
            let names = pipe::names(&exercise.run);
            for (index, hint) in hints(&exercise, 2, Lang::En).iter().enumerate() {
                let said = format!(
                    "{}. {} {}",
                    index + 1,
                    names[steps[index].process as usize],
                    pipe::call(steps[index].op)
                );
                assert!(hint.starts_with(&said), "{hint}");
            }
            let grading = grade(&exercise, &key_answer(&exercise));
            assert!(grading.all_fine(), "{difficulty:?} seed {seed}");
            let (right, _, total) = grading.counts();
            assert_eq!((right, total), (1 + names.len(), 1 + names.len()));
            assert_eq!(self::exercise(difficulty, seed).spec, exercise.spec);
            // "Show" stops just after the last step, the moment asked about.
            let (_, stop) = show_span(&exercise, Some(&grading)).unwrap();
            assert_eq!(stop, pipe::after_last_step(&exercise.run));
        }
    }
}

/// The first mistake is explained with the key and the steps easy to miscount; an unreadable
/// list says what to type and gives nothing away; a wrong wait says why.
#[test]
fn a_wrong_cell_is_explained_from_the_run() {
    // A case where a read lets a waiting writer's byte in (medium, writers twice as often).
    let exercise = (0..30)
        .map(|seed| exercise(Difficulty::Medium, seed))
        .find(|exercise| {
            pipe::effects(&exercise.run)
                .iter()
                .any(|(_, effect)| matches!(effect, pipe::Effect::Took(_, _, Some(_))))
        })
        .expect("a read that lets a writer in");
    let key = key_answer(&exercise).pipe;
    let held = pipe::key(&exercise.run).held;
    let answer = Answer {
        pipe: key.with_held(String::from("1 2 3")),
        ..Default::default()
    };
    let grading = grade(&exercise, &answer);
    assert_eq!(grading.first_mistake, Some(Mistake::PipeHeld));
    let words = explain(&exercise, &grading, Lang::En).unwrap();
    let shown = match held.is_empty() {
        true => String::from("p is empty"),
        false => format!(
            "p holds {}",
            held.iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let order = if held.len() > 1 {
        " (oldest first)"
    } else {
        ""
    };
    assert!(
        words.starts_with(&format!("After the last step {shown}{order}.")),
        "{words}"
    );
    // Each byte typed that is not there is accounted for: read, handed over, still waiting
    // with its writer, or never written.
    let lead = words.lines().next().unwrap();
    for byte in [1, 2, 3].iter().filter(|byte| !held.contains(byte)) {
        assert!(
            [
                " was read by ",
                " went straight to ",
                " is not in yet",
                " was never written"
            ]
            .iter()
            .any(|fate| lead.contains(&format!("{byte}{fate}"))),
            "{byte}: {lead}"
        );
    }
    let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
    assert!(korean.starts_with("마지막 단계 뒤 p"), "{korean}");
    // Unreadable: the form, not the answer.
    let answer = Answer {
        pipe: key.with_held(String::from("five")),
        ..Default::default()
    };
    let grading = grade(&exercise, &answer);
    assert_eq!(grading.pipe.as_ref().unwrap().held, Verdict::NotANumber);
    let words = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(
        words.starts_with("Type the bytes left in the pipe"),
        "{words}"
    );
    assert!(!words.contains("1. W"), "{words}");
    // A wrong wait.
    let truth = pipe::key(&exercise.run).waits[0];
    let other = Waits::ALL.into_iter().find(|wait| *wait != truth).unwrap();
    let answer = Answer {
        pipe: key.with_wait(0, Some(other.code())),
        ..Default::default()
    };
    let grading = grade(&exercise, &answer);
    assert_eq!(
        grading.first_mistake,
        Some(Mistake::PipeWait { process: 0 })
    );
    let words = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(words.starts_with("After the last step W1 "), "{words}");
}

#[test]
fn set_links_made_before_the_pipe_topic_are_unchanged_and_a_pipe_set_round_trips() {
    let position = |topic: Topic| Topic::ALL.iter().position(|t| *t == topic).unwrap();
    assert_eq!(position(Topic::Pipe), position(Topic::Semaphore) + 1);
    assert_eq!(Topic::from_code("pipe"), Some(Topic::Pipe));
    let old = ExerciseSet::generated(Topic::Hrrn, Difficulty::Medium, 42, 2);
    assert_eq!(old.encode(), "AAIFASoFASs");
    let mixed = ExerciseSet {
        workloads: Vec::new(),
        rules: Default::default(),
        exercises: vec![
            ExerciseId {
                topic: Topic::Semaphore,
                difficulty: Difficulty::Easy,
                seed: 3,
            },
            ExerciseId {
                topic: Topic::Pipe,
                difficulty: Difficulty::Hard,
                seed: 5,
            },
        ],
    };
    assert_eq!(ExerciseSet::decode(&mixed.encode()), Ok(mixed));
}

#[test]
fn the_reducer_keeps_the_answers_and_the_exports_carry_them() {
    let set = ExerciseSet::generated(Topic::Pipe, Difficulty::Easy, 1, 1);
    let state = PracticeState::open(set.clone(), Progress::default());
    let key = key_answer(state.exercise()).pipe;
    let typed = PipeAnswer {
        held: String::from("9 9 9"),
        ..key.clone()
    };
    let state = state
        .reduce(PracticeAction::SetPipe(typed.clone()))
        .unwrap();
    assert_eq!(state.answer().pipe, typed);
    assert_eq!(state.reduce(PracticeAction::SetPipe(typed.clone())), None);
    let checked = state.reduce(PracticeAction::Check).unwrap();
    assert_eq!(
        checked.grading.as_ref().unwrap().first_mistake,
        Some(Mistake::PipeHeld)
    );
    let csv = export_csv(&set, &checked.progress, "");
    assert!(csv.contains("bytes in pipe p,9 9 9,wrong"), "{csv}");
    assert!(csv.contains("W waits,"), "{csv}");
    let json = serde_json::to_string(&checked.progress).unwrap();
    let read: Progress = serde_json::from_str(&json).unwrap();
    assert_eq!(read, checked.progress);
}

/// The set-up names the processes with the particle their last name is read with: "W, R이"
/// (R is read 알), "R1, R2가" (2 is read 이).
#[test]
fn the_korean_set_up_reads_the_names_aloud() {
    use proclab_app::practice::text::conventions;
    let mut seen = 0;
    for difficulty in Difficulty::ALL {
        for seed in 1..=6 {
            let exercise = exercise(difficulty, seed);
            let names = pipe::names(&exercise.run);
            let first = conventions(&exercise, Lang::Ko).remove(0);
            let last = names.last().unwrap();
            let particle = match last.chars().last().unwrap() {
                'R' | 'L' | 'M' | 'N' | '1' | '3' => "이",
                _ => "가",
            };
            let expected = format!("프로세스 {}{particle} 파이프 p", names.join(", "));
            assert!(first.starts_with(&expected), "{first} / {expected}");
            seen += 1;
        }
    }
    assert!(seen >= 12);
}
