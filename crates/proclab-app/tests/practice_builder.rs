//! The teacher's mixed set: the list's edits, the seed as typed, and the one link that opens the
//! same exercises, in the same order, in any profile.

use proclab_app::i18n::Lang;
use proclab_app::practice::builder::{entry, entry_label, read_seed, Builder, BuilderAction};
use proclab_app::practice::exercise::{Difficulty, Exercise, ExerciseId, Topic};
use proclab_app::practice::set::{ExerciseSet, SetupError, MAX_EXERCISES};

fn id(topic: Topic, difficulty: Difficulty, seed: u64) -> ExerciseId {
    ExerciseId {
        topic,
        difficulty,
        seed,
    }
}

/// FCFS, the racing counter and SRTF, as a teacher picks them.
fn mixed() -> Builder {
    let mut builder = Builder::default();
    for entry in [
        id(Topic::Fcfs, Difficulty::Easy, 5),
        id(Topic::Race, Difficulty::Medium, 7),
        id(Topic::Srtf, Difficulty::Hard, 3),
    ] {
        assert_eq!(builder.apply(BuilderAction::Add(entry)), Ok(true));
    }
    builder
}

#[test]
fn a_mixed_set_keeps_its_order_through_the_link_and_gives_the_same_exercises() {
    let builder = mixed();
    let set = builder.set().expect("three entries");
    let code = set.encode();
    let opened = ExerciseSet::decode(&code).expect("its own link");
    assert_eq!(opened.exercises, builder.entries);
    for (made, read) in set.exercises.iter().zip(&opened.exercises) {
        let (made, read) = (Exercise::generate(*made), Exercise::generate(*read));
        assert_eq!(made.spec, read.spec);
        assert_eq!(made.run.end_tick(), read.run.end_tick());
    }
    // Topics of one set differ: the racing counter sits between two scheduling exercises.
    let topics: Vec<Topic> = opened.exercises.iter().map(|id| id.topic).collect();
    assert_eq!(topics, [Topic::Fcfs, Topic::Race, Topic::Srtf]);
}

#[test]
fn entries_move_and_go_and_an_empty_list_makes_no_set() {
    let mut builder = mixed();
    let [fcfs, race, srtf] = [builder.entries[0], builder.entries[1], builder.entries[2]];
    assert_eq!(
        builder.apply(BuilderAction::Move { from: 2, to: 0 }),
        Ok(true)
    );
    assert_eq!(builder.entries, [srtf, fcfs, race]);
    assert_eq!(
        builder.apply(BuilderAction::Move { from: 0, to: 1 }),
        Ok(true)
    );
    assert_eq!(builder.entries, [fcfs, srtf, race]);
    // Out of range or in place: nothing changes.
    assert_eq!(
        builder.apply(BuilderAction::Move { from: 2, to: 3 }),
        Ok(false)
    );
    assert_eq!(
        builder.apply(BuilderAction::Move { from: 1, to: 1 }),
        Ok(false)
    );
    assert_eq!(builder.apply(BuilderAction::Remove(9)), Ok(false));
    assert_eq!(builder.apply(BuilderAction::Remove(1)), Ok(true));
    assert_eq!(builder.entries, [fcfs, race]);
    // A link made from the new order opens in that order.
    let reopened = ExerciseSet::decode(&builder.set().unwrap().encode()).unwrap();
    assert_eq!(reopened.exercises, [fcfs, race]);
    assert_eq!(builder.apply(BuilderAction::Clear), Ok(true));
    assert_eq!(builder.set(), None);
    assert_eq!(builder.apply(BuilderAction::Clear), Ok(false));
}

#[test]
fn a_set_holds_at_most_the_links_limit() {
    let mut builder = Builder::default();
    for seed in 0..MAX_EXERCISES as u64 {
        builder
            .apply(BuilderAction::Add(id(Topic::Rr, Difficulty::Easy, seed)))
            .unwrap();
    }
    let one_more = BuilderAction::Add(id(Topic::Rr, Difficulty::Easy, 99));
    assert_eq!(builder.apply(one_more), Err(SetupError::Full));
    assert_eq!(builder.entries.len(), MAX_EXERCISES);
    assert!(ExerciseSet::decode(&builder.set().unwrap().encode()).is_ok());
    assert_ne!(
        SetupError::Full.message(Lang::Ko),
        SetupError::Full.message(Lang::En)
    );
}

#[test]
fn the_same_exercise_twice_is_refused_and_the_list_survives_a_reload() {
    let mut builder = mixed();
    let again = BuilderAction::Add(id(Topic::Race, Difficulty::Medium, 7));
    assert_eq!(builder.apply(again), Err(SetupError::AlreadyInList));
    assert_eq!(builder.entries.len(), 3);
    assert_ne!(
        SetupError::AlreadyInList.message(Lang::Ko),
        SetupError::AlreadyInList.message(Lang::En)
    );
    // Another seed, or another difficulty, is another exercise.
    assert_eq!(
        builder.apply(BuilderAction::Add(id(Topic::Race, Difficulty::Medium, 8))),
        Ok(true)
    );
    assert_eq!(
        builder.apply(BuilderAction::Add(id(Topic::Race, Difficulty::Hard, 7))),
        Ok(true)
    );
    assert_eq!(Builder::from_saved(&builder.saved()), builder);
    assert_eq!(Builder::default().saved(), "");
    assert_eq!(Builder::from_saved(""), Builder::default());
    assert_eq!(Builder::from_saved("not a code"), Builder::default());
}

#[test]
fn a_seed_is_typed_or_drawn_and_a_typo_is_refused() {
    assert_eq!(read_seed(" 42 "), Ok(Some(42)));
    assert_eq!(read_seed(""), Ok(None));
    for typo in ["4x", "-1", "1.5", "18446744073709551616"] {
        assert_eq!(read_seed(typo), Err(SetupError::Seed), "{typo}");
    }
    let typed = entry(Topic::Sjf, Difficulty::Medium, "8", || unreachable!()).unwrap();
    assert_eq!(typed, id(Topic::Sjf, Difficulty::Medium, 8));
    let drawn = entry(Topic::Sjf, Difficulty::Medium, "  ", || 1234).unwrap();
    assert_eq!(drawn.seed, 1234);
    assert_eq!(
        entry(Topic::Sjf, Difficulty::Medium, "x", || 0),
        Err(SetupError::Seed)
    );
    let label = entry_label(&typed, Lang::En);
    assert!(
        label.contains("seed 8") && label.starts_with("SJF"),
        "{label}"
    );
    assert!(entry_label(&typed, Lang::Ko).contains("시드 8"));
}

/// The rules chosen for the list go out in its link and come back with it after a reload; a set
/// told nothing until handed in counts no checks.
#[test]
fn the_lists_rules_are_in_its_link_and_survive_a_reload() {
    use proclab_app::practice::set::{Feedback, SetRules};
    let mut builder = mixed();
    let marks = SetRules {
        feedback: Feedback::Marks,
        checks: Some(2),
    };
    assert_eq!(builder.apply(BuilderAction::Rules(marks)), Ok(true));
    assert_eq!(builder.apply(BuilderAction::Rules(marks)), Ok(false));
    let opened = ExerciseSet::decode(&builder.set().unwrap().encode()).unwrap();
    assert_eq!(opened.rules, marks);
    assert_eq!(opened.exercises, builder.entries);
    let reloaded = Builder::from_saved(&builder.saved());
    assert_eq!(reloaded, builder);
    let hidden = SetRules {
        feedback: Feedback::Hidden,
        checks: Some(3),
    };
    assert_eq!(builder.apply(BuilderAction::Rules(hidden)), Ok(true));
    assert_eq!(builder.rules.checks, None);
}
