//! The MLFQ level question of Practice: the key, the marks and the explanations, all from the
//! core's run, checked against the state the core shows around each level change and against a
//! small MLFQ written here for the easy level (no I/O, no boost).

mod common;

use proclab_app::i18n::Lang;
use proclab_app::practice::exercise::{Difficulty, Exercise, ExerciseId, Topic};
use proclab_app::practice::explain::{explain, hints, show_span, show_tick, SHOW_LEAD};
use proclab_app::practice::grade::{grade, key_answer, Answer, Mistake, Verdict};
use proclab_app::practice::mlfq::{changes_until, levels_at, policy, shows_boost};
use proclab_app::practice::set::{export_csv, export_json, ExerciseSet, Progress};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::reduce::Reduce;
use proclab_core::spec::{BurstSpec, PolicySpec};
use proclab_core::{Cause, ProcessState};

fn exercise(difficulty: Difficulty, seed: u64) -> Exercise {
    Exercise::generate(ExerciseId {
        topic: Topic::Mlfq,
        difficulty,
        seed,
    })
}

const SEEDS: std::ops::Range<u64> = 0..12;

fn every_mlfq() -> impl Iterator<Item = Exercise> {
    Difficulty::ALL
        .into_iter()
        .flat_map(|difficulty| SEEDS.map(move |seed| exercise(difficulty, seed)))
}

fn levels(typed: &[u32]) -> Answer {
    Answer {
        levels: typed.iter().map(u32::to_string).collect(),
        ..Answer::default()
    }
}

#[test]
fn every_exercise_is_an_mlfq_whose_asked_tick_has_one_answer() {
    for exercise in every_mlfq() {
        let PolicySpec::Mlfq(mlfq) = &exercise.spec.policy else {
            panic!(
                "{:?} is not an MLFQ: {:?}",
                exercise.id, exercise.spec.policy
            );
        };
        assert_eq!(*mlfq, policy(exercise.id.difficulty));
        let tick = exercise.asked.expect("an MLFQ exercise asks a tick");
        // Every job has arrived and none has finished: each has a level during the tick.
        let state = exercise.run.state_at(tick);
        for tcb in &state.threads {
            assert!(
                !matches!(tcb.state, ProcessState::New | ProcessState::Exit),
                "{:?} t={tick}: {:?}",
                exercise.id,
                tcb
            );
        }
        // No level changes at the instant itself: "before" and "after" the instant agree.
        assert!(!exercise.run.events().iter().any(|event| event.tick == tick
            && matches!(event.cause, Cause::Demoted { .. } | Cause::Boosted)));
        if tick > 0 {
            assert_eq!(
                levels_at(&exercise.run, tick - 1).len(),
                exercise.spec.processes.len()
            );
        }
        // Some job has moved down: the levels are not all the same.
        let key = levels_at(&exercise.run, tick);
        assert!(
            key.iter().any(|level| *level != key[0]),
            "{:?}",
            exercise.id
        );
        // A hint for each change, and one for the jobs that never changed, if any.
        let changes = changes_until(&exercise.run, tick).len();
        assert!(
            exercise.hint_count() == changes || exercise.hint_count() == changes + 1,
            "{:?}",
            exercise.id
        );
        assert!(exercise.hint_count() > 0);
    }
}

#[test]
fn the_engines_own_answer_is_graded_all_right() {
    for exercise in every_mlfq() {
        let key = key_answer(&exercise);
        let grading = grade(&exercise, &key);
        assert!(grading.all_fine(), "{:?}: {:?}", exercise.id, grading);
        let jobs = exercise.spec.processes.len();
        assert_eq!(grading.counts(), (jobs, 0, jobs));
        assert_eq!(explain(&exercise, &grading, Lang::En), None);
        // The same answer in full-width digits, as a Korean keyboard types them.
        let wide = Answer {
            levels: key
                .levels
                .iter()
                .map(|level| common::full_width(level))
                .collect(),
            ..Answer::default()
        };
        assert!(
            grade(&exercise, &wide).all_fine(),
            "{:?}: {:?}",
            exercise.id,
            wide.levels
        );
    }
}

#[test]
fn a_wrong_level_is_marked_there_and_explained_by_its_last_level_change() {
    for exercise in every_mlfq() {
        let tick = exercise.asked.unwrap();
        let key = levels_at(&exercise.run, tick);
        let bottom = policy(exercise.id.difficulty).levels.len() as u32 - 1;
        for pid in 0..key.len() {
            let mut typed = key.clone();
            typed[pid] = if key[pid] == 0 { 1 } else { key[pid] - 1 };
            let grading = grade(&exercise, &levels(&typed));
            let marks = grading.levels.clone().unwrap();
            for (other, mark) in marks.iter().enumerate() {
                let expected = if other == pid {
                    Verdict::Wrong
                } else {
                    Verdict::Right
                };
                assert_eq!(*mark, expected, "{:?} pid {pid}", exercise.id);
            }
            assert_eq!(
                grading.first_mistake,
                Some(Mistake::Level { pid: pid as u32 })
            );
            assert_eq!(show_tick(&exercise, Some(&grading)), tick);
            // Before Check, Show plays up to the tick asked as well.
            assert_eq!(
                show_span(&exercise, None),
                Some((tick.saturating_sub(SHOW_LEAD), tick))
            );
            let name = &exercise.spec.processes[pid].name;
            let english = explain(&exercise, &grading, Lang::En).unwrap();
            let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
            assert!(
                english.starts_with(&format!(
                    "During tick {tick}, {name} is at level {}.",
                    key[pid]
                )),
                "{english}"
            );
            assert!(korean.contains(&format!("틱 {tick} 동안")), "{korean}");
            // The change the explanation names is where the core's state changes level.
            let last = changes_until(&exercise.run, tick)
                .into_iter()
                .rfind(|change| change.pid == pid as u32);
            match last {
                Some(change) => {
                    let before = levels_at(&exercise.run, change.tick - 1)[pid];
                    let after = levels_at(&exercise.run, change.tick)[pid];
                    assert_eq!((before, after), (change.from, change.to));
                    assert_eq!(after, key[pid]);
                    let rule = if change.to > change.from {
                        format!("at level {}: demoted to level {}.", change.from, change.to)
                    } else {
                        format!("priority boost (every {} ticks)", 15)
                    };
                    assert!(
                        english.contains(&format!("t={}: ", change.tick))
                            && english.contains(&rule),
                        "{english}"
                    );
                    assert!(korean.contains(&format!("t={}: ", change.tick)), "{korean}");
                }
                None => {
                    assert_eq!(key[pid], 0);
                    assert!(english.contains("entered level 0"), "{english}");
                }
            }
            assert!(key[pid] <= bottom);
        }
    }
}

#[test]
fn cells_that_are_not_levels_are_named_and_kept() {
    let exercise = exercise(Difficulty::Easy, 3);
    let jobs = exercise.spec.processes.len();
    let mut typed = key_answer(&exercise);
    typed.levels[0] = "one".into();
    typed.levels[jobs - 1] = String::new();
    let grading = grade(&exercise, &typed);
    let marks = grading.levels.clone().unwrap();
    assert_eq!(marks[0], Verdict::NotANumber);
    assert_eq!(marks[jobs - 1], Verdict::Missing);
    let english = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(
        english.starts_with("A level is one whole number from 0 to 2."),
        "{english}"
    );
    let state = PracticeState::open(
        ExerciseSet {
            workloads: Vec::new(),
            rules: Default::default(),
            exercises: vec![exercise.id],
        },
        Progress::default(),
    );
    assert_eq!(state.answer().levels.len(), jobs);
    let state = state
        .reduce(PracticeAction::SetLevel(1, " 2x".into()))
        .unwrap();
    assert_eq!(state.answer().levels[1], " 2x");
}

#[test]
fn hints_reveal_the_level_changes_one_at_a_time_in_both_languages() {
    for exercise in every_mlfq() {
        let tick = exercise.asked.unwrap();
        let changes = changes_until(&exercise.run, tick);
        let all = hints(&exercise, usize::MAX, Lang::En);
        assert_eq!(all.len(), exercise.hint_count());
        for (index, (hint, change)) in all.iter().zip(&changes).enumerate() {
            assert!(
                hint.starts_with(&format!("{}. t={}: ", index + 1, change.tick)),
                "{hint}"
            );
            assert!(hint.contains(&exercise.spec.processes[change.pid as usize].name));
        }
        // Then the jobs in the system at the asked tick that never moved, named, at level 0.
        let metrics = &exercise.run.metrics().processes;
        let unchanged: Vec<&str> = metrics
            .iter()
            .filter(|job| job.arrival <= tick && job.completion > tick)
            .filter(|job| !changes.iter().any(|change| change.pid == job.pid))
            .map(|job| job.name.as_str())
            .collect();
        match all.get(changes.len()) {
            Some(last) => {
                assert!(
                    last.contains("never changed level") && last.contains("level 0"),
                    "{last}"
                );
                assert!(unchanged.iter().all(|name| last.contains(name)), "{last}");
            }
            None => assert!(unchanged.is_empty(), "{unchanged:?}"),
        }
        assert_eq!(hints(&exercise, 1, Lang::Ko).len(), 1);
    }
}

#[test]
fn generation_is_deterministic_and_seeds_differ() {
    let mut seen = std::collections::BTreeSet::new();
    for exercise in every_mlfq() {
        let again = Exercise::generate(exercise.id);
        assert_eq!(again.spec, exercise.spec);
        assert_eq!(again.asked, exercise.asked);
        seen.insert(format!("{:?}", exercise.spec.processes));
    }
    assert!(seen.len() > 30, "{}", seen.len());
    // Hard has I/O somewhere and boosts; the others have neither.
    let hard_io = SEEDS
        .map(|seed| exercise(Difficulty::Hard, seed))
        .filter(|exercise| {
            exercise.spec.processes.iter().any(|process| {
                process
                    .bursts
                    .iter()
                    .any(|burst| matches!(burst, BurstSpec::Io(_)))
            })
        })
        .count();
    assert!(hard_io > 0);
    // Hard asks after the first boost whenever a workload of the seed allows it.
    let after_boost = SEEDS
        .map(|seed| exercise(Difficulty::Hard, seed))
        .filter(|exercise| {
            let tick = exercise.asked.unwrap();
            assert_eq!(shows_boost(&exercise.run, tick), tick > 15);
            tick > 15
                && changes_until(&exercise.run, tick)
                    .iter()
                    .any(|change| change.to < change.from && change.tick == 15)
        })
        .count();
    assert!(after_boost >= 5, "{after_boost}");
}

/// Easy MLFQ written out: one CPU, quanta 2, 4, 8 with an allotment of one quantum, no I/O, no
/// boost; at an instant a finished slice is handled first, then arrivals join level 0, then a
/// job whose quantum ran out joins the back of its new level, then the highest level's head runs
/// (a higher level preempts; the preempted job goes back to the head of its level).
fn reference_levels(arrivals: &[u64], bursts: &[u64], asked: u64) -> Vec<u32> {
    let quanta = [2u64, 4, 8];
    let jobs = arrivals.len();
    let mut level = vec![0usize; jobs];
    let mut slice_left = vec![quanta[0]; jobs];
    let mut left = bursts.to_vec();
    let mut queues: [std::collections::VecDeque<usize>; 3] = Default::default();
    let mut running: Option<usize> = None;
    for now in 0..=asked {
        let mut expired = None;
        if let Some(job) = running {
            if left[job] == 0 {
                running = None;
            } else if slice_left[job] == 0 {
                level[job] = (level[job] + 1).min(2);
                slice_left[job] = quanta[level[job]];
                expired = Some(job);
                running = None;
            }
        }
        for (job, arrival) in arrivals.iter().enumerate() {
            if *arrival == now {
                queues[0].push_back(job);
            }
        }
        if let Some(job) = expired {
            queues[level[job]].push_back(job);
        }
        if let Some(best) = queues.iter().position(|queue| !queue.is_empty()) {
            match running {
                Some(job) if level[job] <= best => {}
                Some(job) => {
                    queues[level[job]].push_front(job);
                    running = queues[best].pop_front();
                }
                None => running = queues[best].pop_front(),
            }
        }
        if now == asked {
            break;
        }
        if let Some(job) = running {
            left[job] -= 1;
            slice_left[job] -= 1;
        }
    }
    level.into_iter().map(|level| level as u32).collect()
}

#[test]
fn easy_keys_agree_with_an_mlfq_written_here() {
    for seed in 0..40 {
        let exercise = exercise(Difficulty::Easy, seed);
        let arrivals: Vec<u64> = exercise.spec.processes.iter().map(|p| p.arrival).collect();
        let bursts: Vec<u64> = exercise
            .spec
            .processes
            .iter()
            .map(|p| match p.bursts[..] {
                [BurstSpec::Cpu(length)] => length,
                _ => panic!("easy has one CPU burst"),
            })
            .collect();
        let tick = exercise.asked.unwrap();
        assert_eq!(
            key_answer(&exercise).levels,
            reference_levels(&arrivals, &bursts, tick)
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>(),
            "seed {seed}: {arrivals:?} {bursts:?} t={tick}"
        );
    }
}

#[test]
fn exports_and_links_carry_the_levels_and_old_links_keep_their_meaning() {
    let id = ExerciseId {
        topic: Topic::Mlfq,
        difficulty: Difficulty::Medium,
        seed: 4,
    };
    let set = ExerciseSet {
        workloads: Vec::new(),
        rules: Default::default(),
        exercises: vec![id],
    };
    assert_eq!(ExerciseSet::decode(&set.encode()), Ok(set.clone()));
    let exercise = Exercise::generate(id);
    let tick = exercise.asked.unwrap();
    let mut answer = key_answer(&exercise);
    let right = answer.levels[0].clone();
    answer.levels[0] = "9".into();
    let progress = Progress {
        answers: vec![answer],
        hints: vec![1],
        ..Default::default()
    };
    let csv = export_csv(&set, &progress, "");
    assert!(
        csv.contains(&format!("1,mlfq,medium,4,P1 level at t={tick},9,wrong")),
        "{csv}"
    );
    assert!(
        csv.contains(&format!("1,mlfq,medium,4,P2 level at t={tick},")),
        "{csv}"
    );
    assert!(!csv.contains("average") && !csv.contains("gantt"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&export_json(&set, &progress, "")).unwrap();
    let first = &json["exercises"][0];
    assert_eq!(first["topic"], "mlfq");
    assert_eq!(first["answer"]["levels"][0], "9");
    let jobs = exercise.spec.processes.len();
    assert_eq!(first["cells"], jobs);
    assert_eq!(first["right"], jobs - 1);
    assert_ne!(right, "9");
    // Links made before the MLFQ question still name the same exercises.
    assert_eq!(Topic::from_code("mlfq"), Some(Topic::Mlfq));
    let race = Topic::ALL
        .iter()
        .position(|topic| *topic == Topic::Race)
        .unwrap();
    let mlfq = Topic::ALL
        .iter()
        .position(|topic| *topic == Topic::Mlfq)
        .unwrap();
    assert!(mlfq > race);
    let old_race = ExerciseSet::decode("AAEGAAU").unwrap();
    assert_eq!(old_race.exercises[0].topic, Topic::Race);
    assert_eq!(old_race.exercises[0].seed, 5);
    let old_hrrn = ExerciseSet::decode("AAIFASoFASs").unwrap();
    assert_eq!(old_hrrn.exercises[0].topic, Topic::Hrrn);
}

#[test]
fn a_level_reached_through_a_boost_is_explained_with_the_boost() {
    use proclab_app::practice::mlfq::explain_level;
    let mut told = 0;
    for exercise in every_mlfq() {
        let tick = exercise.asked.expect("a tick");
        for pid in 0..exercise.spec.processes.len() as u32 {
            let own: Vec<_> = changes_until(&exercise.run, tick)
                .into_iter()
                .filter(|change| change.pid == pid)
                .collect();
            let [.., boost, demotion] = own.as_slice() else {
                continue;
            };
            if !(boost.to < boost.from && demotion.from == boost.to) {
                continue;
            }
            let words = explain_level(&exercise.run, tick, pid, Verdict::Wrong, Lang::En);
            let boosted = format!("t={}: priority boost", boost.tick);
            let demoted = format!("t={}:", demotion.tick);
            let (at_boost, at_demotion) = (words.find(&boosted), words.rfind(&demoted));
            assert!(
                matches!((at_boost, at_demotion), (Some(b), Some(d)) if b < d),
                "{:?} P{}: {words}",
                exercise.id,
                pid + 1
            );
            told += 1;
        }
    }
    assert!(
        told > 0,
        "some hard exercise has a job demoted again after a boost"
    );
}
