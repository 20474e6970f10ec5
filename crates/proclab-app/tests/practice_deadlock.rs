//! The deadlock exercise of Practice: the key is the core's deadlock report, the moment's graph
//! is read from `Run::state_at`, and every generated case has one answer.

use proclab_app::i18n::Lang;
use proclab_app::practice::deadlock::{self, DeadlockAnswer};
use proclab_app::practice::exercise::{Difficulty, Exercise, ExerciseId, Topic};
use proclab_app::practice::explain::explain;
use proclab_app::practice::grade::{grade, key_answer, Answer, Mistake, Verdict};
use proclab_app::practice::set::{export_csv, ExerciseSet, Progress};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::reduce::Reduce;
use proclab_core::{ProcessState, Run, SyncKind};

fn exercise(difficulty: Difficulty, seed: u64) -> Exercise {
    Exercise::generate(ExerciseId {
        topic: Topic::Deadlock,
        difficulty,
        seed,
    })
}

fn every_deadlock() -> impl Iterator<Item = Exercise> {
    Difficulty::ALL
        .into_iter()
        .flat_map(|difficulty| (0..12).map(move |seed| exercise(difficulty, seed)))
}

fn answer(deadlock: DeadlockAnswer) -> Answer {
    Answer {
        deadlock,
        ..Answer::default()
    }
}

/// The holder (thread index) and waiters of each mutex at `tick`, straight from the core's state.
fn mutexes_at(run: &Run, tick: u64) -> Vec<(String, Option<u32>, Vec<u32>)> {
    run.state_at(tick).memories[0]
        .sync
        .iter()
        .filter(|object| object.kind == SyncKind::Mutex)
        .map(|object| {
            (
                object.name.clone(),
                object.holder.map(|holder| holder.tid),
                object.waiters.iter().map(|waiter| waiter.tid).collect(),
            )
        })
        .collect()
}

/// Threads on a cycle of "waits for a mutex held by", followed here from the mutexes at `tick`.
fn cycle_threads(run: &Run, tick: u64) -> Vec<u32> {
    let mutexes = mutexes_at(run, tick);
    let waits_on = |thread: u32| {
        mutexes
            .iter()
            .find(|(_, _, waiters)| waiters.contains(&thread))
            .and_then(|(_, holder, _)| *holder)
    };
    let threads = run.scenario().threads().len() as u32;
    (0..threads)
        .filter(|start| {
            let mut current = *start;
            for _ in 0..threads {
                match waits_on(current) {
                    Some(next) if next == *start => return true,
                    Some(next) => current = next,
                    None => return false,
                }
            }
            false
        })
        .collect()
}

#[test]
fn the_engines_own_answer_is_graded_all_right_at_every_level() {
    for exercise in every_deadlock() {
        let grading = grade(&exercise, &key_answer(&exercise));
        assert!(grading.all_fine(), "{:?}: {grading:?}", exercise.id);
        let cells = if exercise.id.difficulty == Difficulty::Easy {
            2
        } else {
            3
        };
        assert_eq!(grading.counts(), (cells, 0, cells), "{:?}", exercise.id);
        assert_eq!(explain(&exercise, &grading, Lang::En), None);
        // The key is the core's: a deadlocked run ends in its report, and the cycle asked for
        // is the one the mutexes at the end form.
        let key = deadlock::key(&exercise.run);
        assert_eq!(key.present, exercise.run.deadlock().is_some());
        if key.present {
            let end = exercise.run.end_tick();
            assert_eq!(
                key.cycle,
                cycle_threads(&exercise.run, end),
                "{:?}",
                exercise.id
            );
            let waiting: Vec<u32> = mutexes_at(&exercise.run, end)
                .into_iter()
                .flat_map(|(_, _, waiters)| waiters)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            assert_eq!(key.blocked, waiting);
        } else {
            assert!(key.blocked.is_empty() && key.cycle.is_empty());
            let end = exercise.run.state_at(exercise.run.end_tick());
            assert!(end
                .threads
                .iter()
                .all(|tcb| tcb.state == ProcessState::Exit));
        }
    }
}

#[test]
fn the_moment_shows_who_holds_and_who_waits_as_the_core_has_it() {
    for exercise in every_deadlock() {
        let moment = deadlock::moment(&exercise.run);
        let mutexes = mutexes_at(&exercise.run, moment.tick);
        assert_eq!(
            moment.threads.len(),
            exercise.run.scenario().threads().len()
        );
        for row in &moment.threads {
            let holds: Vec<String> = mutexes
                .iter()
                .filter(|(_, holder, _)| *holder == Some(row.thread))
                .map(|(name, _, _)| name.clone())
                .collect();
            assert_eq!(row.holds, holds, "{:?}", exercise.id);
            let waits = mutexes
                .iter()
                .find(|(_, _, waiters)| waiters.contains(&row.thread))
                .map(|(name, holder, _)| (name.clone(), *holder));
            assert_eq!(row.waits_for, waits, "{:?}", exercise.id);
        }
        // Every case has one answer: someone waits at the moment, and a deadlock has one cycle.
        assert!(moment.threads.iter().any(|row| row.waits_for.is_some()));
        if exercise.run.deadlock().is_some() {
            assert_eq!(moment.tick, exercise.run.end_tick());
        } else {
            assert!(cycle_threads(&exercise.run, moment.tick).is_empty());
        }
    }
}

#[test]
fn a_corrupted_answer_is_wrong_exactly_there() {
    for exercise in every_deadlock() {
        let key = key_answer(&exercise).deadlock;
        let threads = exercise.run.scenario().threads().len() as u32;
        // "Is there a deadlock?" flipped.
        let flipped = DeadlockAnswer {
            present: key.present.map(|present| !present),
            ..key.clone()
        };
        let grading = grade(&exercise, &answer(flipped));
        let marks = grading.deadlock.unwrap();
        assert_eq!(marks.present, Verdict::Wrong, "{:?}", exercise.id);
        assert!(marks.blocked.is_fine() && marks.cycle.is_none_or(Verdict::is_fine));
        assert_eq!(grading.first_mistake, Some(Mistake::DeadlockPresent));
        let words = explain(&exercise, &grading, Lang::En).unwrap();
        assert!(words.contains("cycle"), "{words}");
        // One thread ticked that should not be, or unticked that should be.
        let outside = (0..threads).find(|thread| !key.blocked.contains(thread));
        let changed = match outside {
            Some(thread) => key.toggled(thread, false),
            None => key.toggled(key.blocked[0], false),
        };
        let marks = grade(&exercise, &answer(changed.clone())).deadlock.unwrap();
        assert_eq!(marks.present, Verdict::Right);
        assert!(!marks.blocked.is_fine(), "{:?}: {changed:?}", exercise.id);
        assert!(marks.cycle.is_none_or(Verdict::is_fine));
        // The cycle, from the medium level on.
        if deadlock::asks_cycle(exercise.id.difficulty) {
            let thread = (0..threads)
                .find(|thread| !key.cycle.contains(thread))
                .unwrap();
            let grading = grade(&exercise, &answer(key.toggled(thread, true)));
            let marks = grading.deadlock.unwrap();
            assert_eq!(
                (marks.present, marks.blocked),
                (Verdict::Right, Verdict::Right)
            );
            assert_eq!(marks.cycle, Some(Verdict::Wrong));
            assert_eq!(grading.first_mistake, Some(Mistake::DeadlockCycle));
        } else {
            assert_eq!(
                grade(&exercise, &answer(key.clone()))
                    .deadlock
                    .unwrap()
                    .cycle,
                None
            );
        }
    }
    // Nothing answered is missing, not wrong.
    let exercise = exercise(Difficulty::Medium, 1);
    let marks = grade(&exercise, &Answer::default()).deadlock.unwrap();
    assert_eq!(
        (marks.present, marks.blocked, marks.cycle),
        (Verdict::Missing, Verdict::Missing, Some(Verdict::Missing))
    );
    // Once "is there a deadlock?" is answered, nothing ticked is the answer "none" (the question
    // says so): wrong where some thread waits forever, never "empty".
    for exercise in every_deadlock() {
        let key = key_answer(&exercise).deadlock;
        let none = DeadlockAnswer {
            present: key.present,
            ..DeadlockAnswer::default()
        };
        let marks = grade(&exercise, &answer(none)).deadlock.unwrap();
        let expected = |threads: &[u32]| {
            if threads.is_empty() {
                Verdict::Right
            } else {
                Verdict::Wrong
            }
        };
        assert_eq!(marks.blocked, expected(&key.blocked), "{:?}", exercise.id);
        if let Some(cycle) = marks.cycle {
            assert_eq!(cycle, expected(&key.cycle), "{:?}", exercise.id);
        }
    }
}

#[test]
fn the_explanation_names_the_cycle_from_the_report_or_says_who_can_still_run() {
    let mut deadlocks = 0;
    let mut none = 0;
    for exercise in every_deadlock() {
        let english = deadlock::explain(&exercise.run, Lang::En);
        let korean = deadlock::explain(&exercise.run, Lang::Ko);
        match exercise.run.deadlock() {
            Some(report) => {
                deadlocks += 1;
                let mutexes = mutexes_at(&exercise.run, exercise.run.end_tick());
                for thread in &report.cycle {
                    let held: Vec<&str> = mutexes
                        .iter()
                        .filter(|(_, holder, _)| *holder == Some(*thread))
                        .map(|(name, _, _)| name.as_str())
                        .collect();
                    let wanted = &mutexes
                        .iter()
                        .find(|(_, _, waiters)| waiters.contains(thread))
                        .unwrap()
                        .0;
                    let sentence = format!(
                        "T{} holds {} and waits for {wanted}",
                        thread + 1,
                        held.join(", ")
                    );
                    assert!(english.contains(&sentence), "{sentence} in {english}");
                    assert!(korean.contains(&format!("T{}", thread + 1)), "{korean}");
                }
                let first = format!("T{}", report.cycle[0] + 1);
                assert!(english.contains(&format!("The waits form the cycle {first} → ")));
                assert!(english.ends_with(&format!("{first}: none of them can ever go on (a deadlock). Threads that wait forever: {}.", deadlock::key(&exercise.run).blocked.iter().map(|t| format!("T{}", t + 1)).collect::<Vec<_>>().join(", "))) || english.contains("outside the cycle"), "{english}");
                assert!(korean.contains("사이클"), "{korean}");
            }
            None => {
                none += 1;
                assert!(
                    english.contains("no cycle, so there is no deadlock"),
                    "{english}"
                );
                let moment = deadlock::moment(&exercise.run);
                let waiter = moment
                    .threads
                    .iter()
                    .find(|row| row.waits_for.is_some())
                    .unwrap();
                let (name, holder) = waiter.waits_for.clone().unwrap();
                let start = format!("T{} waits for {name}", waiter.thread + 1);
                assert!(english.contains(&start), "{start} in {english}");
                assert!(english.contains(&format!("T{}", holder.unwrap() + 1)));
                assert!(korean.contains("교착 상태가 아닙니다"), "{korean}");
            }
        }
    }
    assert!(
        deadlocks > 0 && none > 0,
        "{deadlocks} deadlocks, {none} without"
    );
}

#[test]
fn the_same_seed_gives_the_same_case_and_levels_have_both_kinds() {
    for difficulty in Difficulty::ALL {
        let mut kinds = [false; 2];
        let mut programs = std::collections::BTreeSet::new();
        for seed in 0..12 {
            let one = exercise(difficulty, seed);
            let again = exercise(difficulty, seed);
            assert_eq!(one.spec, again.spec);
            assert_eq!(deadlock::key(&one.run), deadlock::key(&again.run));
            assert_eq!(deadlock::moment(&one.run), deadlock::moment(&again.run));
            kinds[usize::from(one.run.deadlock().is_some())] = true;
            programs.insert(one.spec.processes[0].program.clone());
            let (threads, _) = deadlock::shape(difficulty);
            assert_eq!(one.run.scenario().threads().len(), threads);
        }
        assert_eq!(kinds, [true, true], "{difficulty:?}: deadlocks and none");
        assert!(programs.len() > 3, "{difficulty:?}: seeds differ");
    }
}

#[test]
fn set_links_made_before_the_deadlock_topic_are_unchanged_and_a_deadlock_set_round_trips() {
    let position = |topic: Topic| Topic::ALL.iter().position(|t| *t == topic).unwrap();
    assert!(position(Topic::Deadlock) > position(Topic::Race));
    assert_eq!(Topic::from_code("deadlock"), Some(Topic::Deadlock));
    // A link of the scheduling topics and one of the racing counter read as before.
    let old = ExerciseSet::generated(Topic::Hrrn, Difficulty::Medium, 42, 2);
    assert_eq!(old.encode(), "AAIFASoFASs");
    let race = ExerciseSet::generated(Topic::Race, Difficulty::Hard, 7, 1);
    let decoded = ExerciseSet::decode(&race.encode()).unwrap();
    assert_eq!(decoded.exercises[0].topic, Topic::Race);
    // A mixed set with a deadlock exercise.
    let mixed = ExerciseSet {
        workloads: Vec::new(),
        rules: Default::default(),
        exercises: vec![
            ExerciseId {
                topic: Topic::Fcfs,
                difficulty: Difficulty::Easy,
                seed: 3,
            },
            ExerciseId {
                topic: Topic::Deadlock,
                difficulty: Difficulty::Hard,
                seed: 5,
            },
        ],
    };
    assert_eq!(ExerciseSet::decode(&mixed.encode()), Ok(mixed));
}

#[test]
fn the_reducer_keeps_the_answers_and_the_exports_carry_them() {
    let set = ExerciseSet::generated(Topic::Deadlock, Difficulty::Medium, 1, 1);
    let state = PracticeState::open(set.clone(), Progress::default());
    let key = key_answer(state.exercise()).deadlock;
    let typed = DeadlockAnswer {
        present: Some(true),
        ..key.clone()
    }
    .toggled(key.cycle[0], true);
    let state = state
        .reduce(PracticeAction::SetDeadlock(typed.clone()))
        .unwrap();
    assert_eq!(state.answer().deadlock, typed);
    assert_eq!(
        state.reduce(PracticeAction::SetDeadlock(typed.clone())),
        None
    );
    let checked = state.reduce(PracticeAction::Check).unwrap();
    assert_eq!(
        checked.grading.as_ref().unwrap().first_mistake,
        Some(Mistake::DeadlockCycle)
    );
    let csv = export_csv(&set, &state.progress, "");
    assert!(csv.contains("deadlock present,yes,right"), "{csv}");
    assert!(csv.contains(",deadlock cycle,"), "{csv}");
    assert!(
        csv.lines()
            .any(|line| line.contains("deadlock cycle") && line.ends_with(",wrong,,0,no,0")),
        "{csv}"
    );
    // Saved progress reads back.
    let json = serde_json::to_string(&state.progress).unwrap();
    let read: Progress = serde_json::from_str(&json).unwrap();
    assert_eq!(read, state.progress);
}

#[test]
fn hints_draw_the_wait_for_graph_arrow_by_arrow_then_follow_it() {
    for exercise in every_deadlock() {
        let run = &exercise.run;
        let tick = deadlock::moment(run).tick;
        let hints = proclab_app::practice::explain::hints(&exercise, usize::MAX, Lang::En);
        assert_eq!(hints.len(), exercise.hint_count(), "{:?}", exercise.id);
        assert!(
            hints[0].starts_with(&format!("1. Draw the wait-for graph at t={tick}:")),
            "{}",
            hints[0]
        );
        // The arrows, read here from the core's mutexes at that tick: each waiter to the holder.
        let mut arrows: Vec<(u32, String, u32)> = mutexes_at(run, tick)
            .into_iter()
            .flat_map(|(name, holder, waiters)| {
                waiters.into_iter().map(move |waiter| {
                    (
                        waiter,
                        name.clone(),
                        holder.expect("a mutex waited for is held"),
                    )
                })
            })
            .collect();
        arrows.sort();
        assert!(!arrows.is_empty(), "{:?}", exercise.id);
        assert_eq!(
            hints.len(),
            arrows.len() + 2,
            "{:?}: {hints:?}",
            exercise.id
        );
        for (index, (waiter, name, holder)) in arrows.iter().enumerate() {
            let (waiter, holder) = (waiter + 1, holder + 1);
            assert_eq!(
                hints[index + 1],
                format!(
                    "{}. T{waiter} waits for {name}, held by T{holder}: T{waiter} → T{holder}.",
                    index + 2
                )
            );
        }
        let last = hints.last().expect("a last hint");
        assert_eq!(
            last.ends_with(": a cycle."),
            !cycle_threads(run, tick).is_empty(),
            "{:?}: {last}",
            exercise.id
        );
        assert_eq!(
            last.ends_with(": a cycle."),
            run.deadlock().is_some(),
            "{last}"
        );
    }
}

#[test]
fn a_wrong_answer_is_told_what_to_look_at_first_and_the_worked_answer_after() {
    for exercise in every_deadlock().filter(|exercise| exercise.run.deadlock().is_some()) {
        let mut wrong = key_answer(&exercise);
        wrong.deadlock.present = Some(false);
        let grading = grade(&exercise, &wrong);
        let text = explain(&exercise, &grading, Lang::En).expect("explained");
        let (lead, worked) = text
            .split_once('\n')
            .expect("a lead, then the worked answer");
        // The lead gives no thread away; the worked answer names the cycle's.
        assert!(
            lead.starts_with("Look again at whether there is a deadlock"),
            "{lead}"
        );
        assert!(!lead.contains("T1"), "{lead}");
        assert_eq!(worked, deadlock::explain(&exercise.run, Lang::En));
    }
}

#[test]
fn a_wrong_set_of_threads_points_at_the_first_thread_it_has_wrong_and_its_arrow() {
    let mut checked = 0;
    for exercise in every_deadlock().filter(|exercise| exercise.run.deadlock().is_some()) {
        let run = &exercise.run;
        let tick = run.end_tick();
        let mutexes = mutexes_at(run, tick);
        let key = key_answer(&exercise);
        // Leave out the last thread that waits forever: the lead names it and the arrow from it,
        // read from the core's mutexes (its holder may be anyone; the lead does not say).
        let Some(&left_out) = key.deadlock.blocked.last() else {
            continue;
        };
        let mut wrong = key.clone();
        wrong.deadlock.blocked.retain(|thread| *thread != left_out);
        let grading = grade(&exercise, &wrong);
        let text = explain(&exercise, &grading, Lang::En).expect("explained");
        let (lead, _) = text
            .split_once('\n')
            .expect("a lead, then the worked answer");
        let (name, holder, _) = mutexes
            .iter()
            .find(|(_, _, waiters)| waiters.contains(&left_out))
            .expect("a thread that waits forever waits for a mutex");
        let holder = holder.expect("a mutex waited for is held");
        assert!(
            lead.ends_with(&format!(
                "Look again at T{0}: T{0} waits for {name}, which T{1} holds. Now find in T{1}'s row what T{1} waits for.",
                left_out + 1,
                holder + 1
            )),
            "{lead}"
        );
        // In Korean too, with its particles.
        let text = explain(&exercise, &grading, Lang::Ko).expect("explained");
        assert!(
            text.contains(&format!("T{}부터 다시 보세요", left_out + 1)),
            "{text}"
        );
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} deadlocked cases");
    // A thread ticked that does not wait at that moment is said to wait for nothing.
    let mut idle_checked = 0;
    for exercise in every_deadlock().filter(|exercise| exercise.run.deadlock().is_some()) {
        let run = &exercise.run;
        let waiting: Vec<u32> = mutexes_at(run, run.end_tick())
            .into_iter()
            .flat_map(|(_, _, waiters)| waiters)
            .collect();
        let threads = run.scenario().threads().len() as u32;
        let Some(idle) = (0..threads).find(|thread| !waiting.contains(thread)) else {
            continue;
        };
        let mut wrong = key_answer(&exercise);
        wrong.deadlock.blocked.push(idle);
        wrong.deadlock.blocked.sort_unstable();
        let grading = grade(&exercise, &wrong);
        let text = explain(&exercise, &grading, Lang::En).expect("explained");
        let lead = text.lines().next().unwrap_or_default();
        let said = [
            format!("at this moment T{} waits for no mutex.", idle + 1),
            format!("at this moment T{} has finished.", idle + 1),
        ];
        assert!(
            said.iter().any(|end| lead.ends_with(end.as_str())),
            "{lead}"
        );
        idle_checked += 1;
    }
    assert!(
        idle_checked >= 1,
        "no deadlocked case with a thread outside the waits"
    );
}

/// The rule that reads the branches (`test $k, %bx` compares, as x86.py's test does) names where
/// each thread goes, and each thread runs its own part there: a reader who knows x86's bitwise
/// `test` had read them backwards.
#[test]
fn the_rules_say_where_each_thread_branches_and_each_thread_runs_its_own_part() {
    for exercise in every_deadlock() {
        let run = &exercise.run;
        let threads = run.scenario().threads().len();
        let rules = proclab_app::practice::text::conventions_for(&exercise, true, Lang::En);
        let branches = rules
            .iter()
            .find(|rule| rule.starts_with("Thread Tn's %bx is n − 1."))
            .expect("the branches' rule");
        let program = run.scenario().processes()[0].program().expect("a program");
        for thread in 0..threads as u32 {
            let name = format!(".t{}", thread + 1);
            let part = program
                .labels()
                .iter()
                .find(|label| label.name == name)
                .expect("a part per thread")
                .address;
            assert!(
                run.program_steps()
                    .iter()
                    .any(|step| step.thread == thread && step.pc == part),
                "T{} runs {name}",
                thread + 1
            );
            if thread > 0 {
                assert!(
                    branches.contains(&format!("T{} ", thread + 1))
                        && branches.contains(&format!("to {name}")),
                    "{branches}"
                );
            }
        }
        let korean = proclab_app::practice::text::conventions_for(&exercise, true, Lang::Ko);
        assert!(korean
            .iter()
            .any(|rule| rule.contains("x86의 비트 AND가 아님")));
    }
}
