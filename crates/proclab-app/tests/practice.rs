//! Practice exercises graded against the engine: its own answer is all right, a corrupted answer
//! is wrong exactly where it was corrupted and consistent after, and the explanation names the
//! tick and the rule read from the trace.

use proclab_app::i18n::Lang;
use proclab_app::practice::exercise::{Difficulty, Exercise, ExerciseId, Topic, Who};
use proclab_app::practice::explain::{explain, hints};
use proclab_app::practice::grade::{
    grade, key_answer, repeats_owner, repeats_owner_words, Column, Mistake, SegmentAnswer, Verdict,
};
use proclab_app::practice::set::{export_csv, export_json, ExerciseSet, Progress};
use proclab_app::practice::summary::summary;
use proclab_core::{simulate_spec, Cause, PreemptReason, ProcessState};

const SEEDS: std::ops::Range<u64> = 0..12;

/// Every scheduling exercise (the racing counter and the deadlock have their own tests,
/// `practice_race.rs` and `practice_deadlock.rs`).
fn every_exercise() -> impl Iterator<Item = Exercise> {
    let scheduling = Topic::ALL.into_iter().filter(|topic| topic.has_chart());
    scheduling.flat_map(|topic| {
        Difficulty::ALL.into_iter().flat_map(move |difficulty| {
            SEEDS.map(move |seed| {
                Exercise::generate(ExerciseId {
                    topic,
                    difficulty,
                    seed,
                })
            })
        })
    })
}

fn col(column: Column) -> usize {
    Column::ALL.iter().position(|c| *c == column).unwrap()
}

#[test]
fn the_engines_own_answer_is_graded_all_right() {
    for exercise in every_exercise() {
        let grading = grade(&exercise, &key_answer(&exercise));
        assert!(
            grading.all_fine(),
            "{:?}: {:?}",
            exercise.id,
            grading.first_mistake
        );
        assert!(grading
            .segments
            .iter()
            .all(|s| s.who == Verdict::Right && s.end == Verdict::Right));
        assert!(
            grading.rows.iter().flatten().all(|v| *v == Verdict::Right),
            "{:?}",
            exercise.id
        );
        assert_eq!(grading.averages, [Verdict::Right; 3], "{:?}", exercise.id);
        assert_eq!(explain(&exercise, &grading, Lang::En), None);
    }
}

#[test]
fn an_empty_answer_is_all_missing_and_points_at_the_first_segment() {
    let exercise = Exercise::generate(ExerciseId {
        topic: Topic::Fcfs,
        difficulty: Difficulty::Easy,
        seed: 3,
    });
    let grading = grade(&exercise, &Default::default());
    assert_eq!(grading.omitted.len(), exercise.key().len());
    assert!(grading
        .rows
        .iter()
        .flatten()
        .all(|v| *v == Verdict::Missing));
    assert_eq!(
        grading.first_mistake,
        Some(Mistake::Omitted { before: 0, key: 0 })
    );
    let (right, _, total) = grading.counts();
    assert_eq!(right, 0);
    assert!(total >= exercise.key().len() * 2 + 4 * 4 + 3);
    assert_eq!(grading.left_empty(), total, "every cell is empty");
}

#[test]
fn cells_left_empty_are_counted_apart_from_cells_answered() {
    for exercise in every_exercise() {
        let key = key_answer(&exercise);
        let mut answer = key.clone();
        answer.rows[0][col(Column::Waiting)].clear();
        answer.averages[2].clear();
        let grading = grade(&exercise, &answer);
        assert_eq!(grading.left_empty(), 2, "{:?}", exercise.id);
        answer.rows[0][col(Column::Waiting)] = String::from("x");
        let grading = grade(&exercise, &answer);
        assert_eq!(grading.left_empty(), 1, "not a number is not empty");
        answer.segments.pop();
        let grading = grade(&exercise, &answer);
        assert_eq!(
            grading.left_empty(),
            3,
            "a segment not reached is two cells"
        );
        assert_eq!(grade(&exercise, &key).left_empty(), 0);
    }
}

/// Every answer to an exercise is out of the key's cells: a segment the run does not have is
/// counted apart (two students had been graded out of 42 and 44 cells on one exercise), marked
/// wrong, keeps the exercise unsolved, and the summary says so in both languages.
#[test]
fn a_segment_too_many_is_counted_apart_from_the_cells() {
    for exercise in every_exercise() {
        let key = key_answer(&exercise);
        let (_, _, total) = grade(&exercise, &key).counts();
        assert_eq!(grade(&exercise, &Default::default()).counts().2, total);
        let mut extra = key.clone();
        let end: u64 = extra.segments.last().unwrap().end.parse().unwrap();
        extra.segments.push(SegmentAnswer {
            who: Who::Idle,
            end: (end + 3).to_string(),
        });
        let grading = grade(&exercise, &extra);
        assert_eq!(grading.extra_segments(), 1, "{:?}", exercise.id);
        assert_eq!(grading.counts(), (total, 0, total), "{:?}", exercise.id);
        assert_eq!((grading.wrong_cells(), grading.left_empty()), (2, 0));
        assert!(!grading.all_fine());
        let english = summary(&grading, Lang::En);
        assert!(
            english.starts_with(&format!(
                "{total} of {total} cells right. Your chart has 1 segment the run does not have"
            )),
            "{english}"
        );
        assert!(summary(&grading, Lang::Ko).contains("실행에 없는 구간이 1개"));
        // Left out at the start and too many at the end: still out of the key's cells.
        extra.segments.remove(0);
        let grading = grade(&exercise, &extra);
        assert_eq!(grading.counts().2, total, "{:?}", exercise.id);
        assert!(grading.extra_segments() >= 1 && !grading.omitted.is_empty());
        // The key's own answer says nothing of segments.
        assert_eq!(
            summary(&grade(&exercise, &key), Lang::En),
            format!("{total} of {total} cells right.")
        );
    }
}

/// The switch rule says what the keys do: a switch wherever the CPU runs a process other than
/// the one it ran last, idle time between or not, never before the first, and none when the
/// same process comes back after idle time (a teacher had read "also after idling" as a switch
/// after every idle period).
#[test]
fn a_context_switch_comes_where_the_rule_says_and_only_there() {
    let (mut after_idle, mut back_after_idle) = (0, 0);
    for exercise in every_exercise() {
        if exercise.spec.machine.dispatch_latency == 0 {
            continue;
        }
        let rules = proclab_app::practice::text::conventions(&exercise, Lang::En).join(" ");
        assert!(
            rules.contains("the same process running again after idle time needs none"),
            "{rules}"
        );
        let mut last: Option<u32> = None;
        let mut switched = false;
        let mut idled = false;
        for segment in exercise.key() {
            match segment.who {
                Who::Switch => switched = true,
                Who::Idle => idled = true,
                Who::Process(pid) => {
                    let other = last.is_some_and(|last| last != pid);
                    assert_eq!(switched, other, "{:?} at t={}", exercise.id, segment.start);
                    after_idle += usize::from(idled && other);
                    back_after_idle += usize::from(idled && last == Some(pid));
                    (last, switched, idled) = (Some(pid), false, false);
                }
            }
        }
    }
    assert!(
        after_idle > 0 && back_after_idle > 0,
        "{after_idle} {back_after_idle}"
    );
}

#[test]
fn the_same_id_gives_the_same_exercise_and_seeds_differ() {
    let id = ExerciseId {
        topic: Topic::Srtf,
        difficulty: Difficulty::Medium,
        seed: 41,
    };
    assert_eq!(Exercise::generate(id).spec, Exercise::generate(id).spec);
    let specs: std::collections::BTreeSet<String> = (0..10)
        .map(|seed| {
            format!(
                "{:?}",
                Exercise::generate(ExerciseId { seed, ..id }).spec.processes
            )
        })
        .collect();
    assert!(specs.len() >= 9, "{}", specs.len());
}

#[test]
fn generated_schedules_do_not_depend_on_process_numbers() {
    let mut free = 0;
    let mut total = 0;
    for exercise in every_exercise() {
        total += 1;
        let mut reversed = exercise.spec.clone();
        reversed.processes.reverse();
        let run = simulate_spec(&reversed).expect("valid");
        let names = |spec: &proclab_core::ScenarioSpec, run: &proclab_core::Run| {
            run.gantt()
                .iter()
                .map(|slice| match slice.kind {
                    proclab_core::SliceKind::Run { thread } => {
                        (spec.processes[thread.pid as usize].name.clone(), slice.end)
                    }
                    other => (format!("{other:?}").chars().take(4).collect(), slice.end),
                })
                .collect::<Vec<_>>()
        };
        if names(&reversed, &run) == names(&exercise.spec, &exercise.run) {
            free += 1;
        }
    }
    assert_eq!(
        free, total,
        "every generated exercise is free of ties decided by a number"
    );
}

#[test]
fn srtf_and_preemptive_priority_exercises_preempt_and_rr_ones_expire() {
    for exercise in every_exercise() {
        let causes: Vec<Cause> = exercise.run.events().iter().map(|e| e.cause).collect();
        match exercise.id.topic {
            Topic::Srtf => assert!(
                causes.iter().any(|c| matches!(c, Cause::Preempted { .. })),
                "{:?}",
                exercise.id
            ),
            Topic::Rr => assert!(causes.contains(&Cause::QuantumExpired), "{:?}", exercise.id),
            _ => {}
        }
    }
}

#[test]
fn a_slipped_gantt_end_is_wrong_there_and_the_following_ends_are_consistent() {
    let mut checked = 0;
    for exercise in every_exercise() {
        let key = exercise.key();
        let Some(index) =
            (0..key.len().saturating_sub(2)).find(|i| matches!(key[*i].who, Who::Process(_)))
        else {
            continue;
        };
        let mut answer = key_answer(&exercise);
        // The slip: one tick too long, and every later end written from it.
        for segment in &mut answer.segments[index..] {
            segment.end = (segment.end.parse::<u64>().unwrap() + 1).to_string();
        }
        let grading = grade(&exercise, &answer);
        assert_eq!(
            grading.segments[index].end,
            Verdict::Wrong,
            "{:?}",
            exercise.id
        );
        assert_eq!(grading.segments[index].who, Verdict::Right);
        for later in &grading.segments[index + 1..] {
            assert_eq!(later.end, Verdict::Consistent, "{:?}", exercise.id);
        }
        for before in &grading.segments[..index] {
            assert_eq!(before.end, Verdict::Right);
        }
        assert_eq!(
            grading.first_mistake,
            Some(Mistake::Segment {
                index,
                who_wrong: false
            })
        );
        let text = explain(&exercise, &grading, Lang::En).unwrap();
        assert!(text.contains(&format!("Segment {}", index + 1)), "{text}");
        assert!(text.contains(&format!("t={}", key[index].end)), "{text}");
        checked += 1;
    }
    assert!(checked > 150, "{checked}");
}

#[test]
fn a_wrong_completion_is_wrong_and_the_cells_computed_from_it_are_consistent() {
    for exercise in every_exercise() {
        let metrics = exercise.run.metrics();
        let pid = exercise.id.seed as usize % metrics.processes.len();
        let process = &metrics.processes[pid];
        let mut answer = key_answer(&exercise);
        let completion = process.completion + 2;
        let turnaround = completion - process.arrival;
        let waiting = turnaround - (process.turnaround - process.waiting);
        answer.rows[pid][col(Column::Completion)] = completion.to_string();
        answer.rows[pid][col(Column::Turnaround)] = turnaround.to_string();
        answer.rows[pid][col(Column::Waiting)] = waiting.to_string();
        // The averages of the student's own columns.
        let n = metrics.processes.len() as u64;
        let sum = |column: Column| -> u64 {
            answer
                .rows
                .iter()
                .map(|row| row[col(column)].parse::<u64>().unwrap())
                .sum()
        };
        answer.averages[0] = format!("{}/{n}", sum(Column::Turnaround));
        answer.averages[1] = format!("{}/{n}", sum(Column::Waiting));
        let grading = grade(&exercise, &answer);
        assert_eq!(
            grading.rows[pid],
            [
                Verdict::Wrong,
                Verdict::Consistent,
                Verdict::Consistent,
                Verdict::Right
            ],
            "{:?}",
            exercise.id
        );
        for (other, row) in grading.rows.iter().enumerate() {
            if other != pid {
                assert_eq!(*row, [Verdict::Right; 4]);
            }
        }
        assert_eq!(
            grading.averages,
            [Verdict::Consistent, Verdict::Consistent, Verdict::Right],
            "{:?}",
            exercise.id
        );
        assert_eq!(
            grading.first_mistake,
            Some(Mistake::Cell {
                pid: pid as u32,
                column: Column::Completion
            })
        );
        let text = explain(&exercise, &grading, Lang::En).unwrap();
        assert!(
            text.contains(&format!("completes at {}", process.completion)),
            "{text}"
        );
    }
}

#[test]
fn a_completion_read_from_a_wrong_chart_is_consistent() {
    let exercise = Exercise::generate(ExerciseId {
        topic: Topic::Fcfs,
        difficulty: Difficulty::Easy,
        seed: 5,
    });
    let key = exercise.key();
    let last = key.len() - 1;
    let Who::Process(pid) = key[last].who else {
        panic!("FCFS ends with a process")
    };
    let mut answer = key_answer(&exercise);
    let end = key[last].end + 3;
    answer.segments[last].end = end.to_string();
    answer.rows[pid as usize][col(Column::Completion)] = end.to_string();
    let grading = grade(&exercise, &answer);
    assert_eq!(grading.segments[last].end, Verdict::Wrong);
    assert_eq!(
        grading.rows[pid as usize][col(Column::Completion)],
        Verdict::Consistent
    );
}

#[test]
fn every_hard_chart_exercise_has_io_as_the_difficulty_promises() {
    // Seeds 42 and 187 drew no I/O at any chart topic before the generator asked for it.
    for topic in Topic::ALL.into_iter().filter(|topic| topic.has_chart()) {
        for seed in 0..300 {
            let id = ExerciseId {
                topic,
                difficulty: Difficulty::Hard,
                seed,
            };
            assert!(Exercise::generate(id).has_io(), "{id:?}");
        }
    }
}

#[test]
fn a_wrong_waiting_time_is_wrong_alone_and_the_explanation_says_what_waiting_counts() {
    for exercise in every_exercise().filter(|e| e.id.difficulty == Difficulty::Hard) {
        let metrics = exercise.run.metrics();
        let Some(pid) = metrics.processes.iter().position(|p| p.io > 0) else {
            continue;
        };
        let mut answer = key_answer(&exercise);
        // The classic slip: counting the I/O as waiting.
        let wrong = metrics.processes[pid].waiting + metrics.processes[pid].io;
        answer.rows[pid][col(Column::Waiting)] = wrong.to_string();
        let grading = grade(&exercise, &answer);
        assert_eq!(grading.rows[pid][col(Column::Waiting)], Verdict::Wrong);
        assert_eq!(grading.averages[1], Verdict::Right);
        assert_eq!(
            grading.first_mistake,
            Some(Mistake::Cell {
                pid: pid as u32,
                column: Column::Waiting
            })
        );
        let text = explain(&exercise, &grading, Lang::En).unwrap();
        assert!(
            text.contains("Waiting counts only the time in the ready queue."),
            "{text}"
        );
        // Its own I/O, if it did any, is named as not waiting; one that did none hears nothing of I/O.
        assert_eq!(
            text.contains("of I/O"),
            metrics.processes[pid].io > 0,
            "{text}"
        );
        assert!(
            text.contains(&format!("{} in all", metrics.processes[pid].waiting)),
            "{text}"
        );
        assert!(explain(&exercise, &grading, Lang::Ko)
            .unwrap()
            .contains("대기 시간은 준비 큐에 있던 시간만"));
    }
}

/// The key segment where `thread` starts running at `tick` (possibly after a switch).
fn segment_at(exercise: &Exercise, tick: u64) -> usize {
    let key = exercise.key();
    key.iter()
        .position(|segment| segment.start == tick)
        .unwrap_or_else(|| {
            panic!(
                "{:?} {tick} {key:?} {:?}",
                exercise.id,
                exercise
                    .run
                    .events()
                    .iter()
                    .filter(|e| e.tick == tick)
                    .collect::<Vec<_>>()
            )
        })
}

#[test]
fn a_missed_preemption_is_explained_at_its_tick_with_its_rule() {
    let mut checked = 0;
    for exercise in every_exercise() {
        let Some(event) = exercise
            .run
            .events()
            .iter()
            .find(|e| matches!(e.cause, Cause::Preempted { .. }))
            .copied()
        else {
            continue;
        };
        let Cause::Preempted { by, reason } = event.cause else {
            unreachable!()
        };
        let index = segment_at(&exercise, event.tick);
        let mut answer = key_answer(&exercise);
        // The student keeps the victim running instead.
        answer.segments[index].who = Who::Process(event.thread.pid);
        let grading = grade(&exercise, &answer);
        assert_eq!(grading.segments[index].who, Verdict::Wrong);
        assert_eq!(
            grading.first_mistake,
            Some(Mistake::Segment {
                index,
                who_wrong: true
            })
        );
        let text = explain(&exercise, &grading, Lang::En).unwrap();
        let victim = &exercise.spec.processes[event.thread.pid as usize].name;
        let winner = &exercise.spec.processes[by.pid as usize].name;
        assert!(text.contains(&format!("At t={}", event.tick)), "{text}");
        match reason {
            PreemptReason::ShorterRemaining => {
                let state = exercise.run.state_at(event.tick);
                let left = |pid| {
                    let tcb = state
                        .thread(proclab_core::ThreadRef { pid, tid: 0 })
                        .unwrap();
                    tcb.burst_length - tcb.program_counter
                };
                let expected = format!(
                    "{victim} still has {} left and {winner} needs {}: SRTF preempts {victim}",
                    left(event.thread.pid),
                    left(by.pid)
                );
                assert!(text.contains(&expected), "{text}\nexpected {expected}");
                assert!(left(by.pid) < left(event.thread.pid));
            }
            PreemptReason::HigherPriority => {
                assert!(
                    text.contains(&format!("{winner} preempts {victim}")),
                    "{text}"
                );
                assert!(
                    text.contains("a lower number is a higher priority"),
                    "{text}"
                );
            }
            other => panic!("unexpected {other:?}"),
        }
        checked += 1;
    }
    assert!(checked >= 50, "{checked}");
}

#[test]
fn a_missed_quantum_expiry_and_a_wrong_fcfs_pick_are_explained_by_their_rule() {
    for exercise in every_exercise().filter(|e| matches!(e.id.topic, Topic::Rr | Topic::Fcfs)) {
        let key = exercise.key();
        let event = exercise.run.events().iter().find(|e| {
            e.cause == Cause::QuantumExpired
                || (e.to == ProcessState::Running
                    && exercise.run.state_at(e.tick).ready.iter().flatten().count() > 0)
        });
        let Some(event) = event.copied() else {
            continue;
        };
        let mut answer = key_answer(&exercise);
        if event.cause == Cause::QuantumExpired {
            // A process alone keeps running across an expiry: no decision to explain there.
            let Some(index) = key
                .iter()
                .position(|s| s.end == event.tick && s.who == Who::Process(event.thread.pid))
            else {
                continue;
            };
            answer.segments[index].end = (event.tick + 1).to_string();
            let text = explain(&exercise, &grade(&exercise, &answer), Lang::En).unwrap();
            assert!(
                text.contains(&format!("At t={}", event.tick)) && text.contains("quantum"),
                "{text}"
            );
        } else {
            let index = segment_at(&exercise, event.tick);
            let Some(other) = exercise
                .run
                .state_at(event.tick)
                .ready
                .iter()
                .flatten()
                .next()
                .copied()
            else {
                continue;
            };
            answer.segments[index].who = Who::Process(other.pid);
            let text = explain(&exercise, &grade(&exercise, &answer), Lang::En).unwrap();
            assert!(text.contains(&format!("At t={}", event.tick)), "{text}");
            assert!(
                text.contains("entered the ready queue first")
                    || text.contains("at the head of the ready queue"),
                "{text}"
            );
        }
    }
}

#[test]
fn typed_text_that_is_not_a_number_is_marked_and_kept() {
    let exercise = Exercise::generate(ExerciseId {
        topic: Topic::Sjf,
        difficulty: Difficulty::Easy,
        seed: 1,
    });
    let mut answer = key_answer(&exercise);
    answer.rows[0][0] = "12a".into();
    answer.averages[2] = "six".into();
    answer.segments[0].end = "x".into();
    let grading = grade(&exercise, &answer);
    assert_eq!(grading.rows[0][0], Verdict::NotANumber);
    assert_eq!(grading.averages[2], Verdict::NotANumber);
    assert_eq!(grading.segments[0].end, Verdict::NotANumber);
    assert_eq!(answer.rows[0][0], "12a");
    // Why each cannot be read, quoted.
    use proclab_app::practice::grade::unreadable_reason;
    for (typed, whole, why) in [
        ("-3", true, "“-3”: below 0"),
        ("−2.5", false, "“-2.5”: below 0"),
        (
            "99999999999999999999",
            true,
            "“99999999999999999999”: too large",
        ),
        ("1.5", true, "“1.5”: not a whole number"),
        // An average's whole numbers are bounded as a tick is.
        (
            "99999999999999999999.5",
            false,
            "“99999999999999999999.5”: too large",
        ),
        (
            "1/99999999999999999999",
            false,
            "“1/99999999999999999999”: too large",
        ),
        ("six", false, "“six”: not a number"),
        (" 12a ", true, "“12a”: not a number"),
        ("13/0", false, "“13/0”: divides by 0"),
        (
            "1.2000001",
            false,
            "“1.2000001”: more than 6 decimal places (write it as a fraction)",
        ),
    ] {
        assert_eq!(unreadable_reason(typed, whole, Lang::En), why);
    }
    // Twenty digits cannot be read in an average, as in a tick; nineteen can.
    use proclab_app::practice::grade::{parse_average, parse_tick};
    assert_eq!(
        parse_average("99999999999999999999"),
        Err(Verdict::NotANumber)
    );
    assert_eq!(parse_tick("99999999999999999999"), Err(Verdict::NotANumber));
    assert_eq!(
        parse_average("9999999999999999999/2"),
        Ok((9_999_999_999_999_999_999, 2, None))
    );
    assert_eq!(
        unreadable_reason("-3", true, Lang::Ko),
        "“-3”: 0보다 작습니다"
    );
    // The summary accounts for them (it had said only the right and the empty ones).
    assert_eq!(grading.unreadable(), 3);
    let said = summary(&grading, Lang::En);
    assert!(
        said.ends_with(" 3 cells cannot be read (marked ?)."),
        "{said}"
    );
    assert!(summary(&grading, Lang::Ko).ends_with(" 읽을 수 없는 칸 3개(? 표시)."));
    // A wrong cell is counted in words too, so the sentences add up to the total.
    let mut wrong = answer.clone();
    wrong.rows[1][0] = "999".into();
    let said = summary(&grade(&exercise, &wrong), Lang::En);
    assert!(
        said.contains(". 1 cell is wrong (marked ✗). 3 cells cannot be read"),
        "{said}"
    );
    // Decimals to two places, fractions and a comma are all read.
    let mut answer = key_answer(&exercise);
    let exact = exercise.run.metrics().totals.average_waiting;
    answer.averages[1] = format!("{}/{}", exact.num, exact.den);
    assert_eq!(grade(&exercise, &answer).averages[1], Verdict::Right);
    answer.averages[1] = key_answer(&exercise).averages[1].replace('.', ",");
    assert_eq!(grade(&exercise, &answer).averages[1], Verdict::Right);
}

#[test]
fn hints_reveal_one_decision_at_a_time() {
    let exercise = Exercise::generate(ExerciseId {
        topic: Topic::Srtf,
        difficulty: Difficulty::Easy,
        seed: 2,
    });
    let key = exercise.key();
    for count in 0..=key.len() {
        let shown = hints(&exercise, count, Lang::En);
        assert_eq!(shown.len(), count);
        if let Some(last) = shown.last() {
            assert!(
                last.contains(&format!("until t={}", key[count - 1].end)),
                "{last}"
            );
        }
    }
    assert_eq!(hints(&exercise, key.len() + 5, Lang::Ko).len(), key.len());
}

#[test]
fn a_set_link_round_trips_and_bad_links_are_errors() {
    let mut set = ExerciseSet::generated(Topic::Fcfs, Difficulty::Easy, 7, 3);
    set.exercises.push(ExerciseId {
        topic: Topic::Srtf,
        difficulty: Difficulty::Hard,
        seed: u64::MAX,
    });
    let code = set.encode();
    assert!(code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(ExerciseSet::decode(&code), Ok(set.clone()));
    for bad in ["", "!!", "AAAA", &code[..code.len() - 2], "_w"] {
        assert!(ExerciseSet::decode(bad).is_err(), "{bad}");
    }
    for length in 0..code.len() {
        let _ = ExerciseSet::decode(&code[..length]);
    }
    assert_ne!(
        set.storage_key(),
        ExerciseSet::generated(Topic::Fcfs, Difficulty::Easy, 8, 3).storage_key()
    );
}

#[test]
fn exports_carry_every_cell_with_its_verdict() {
    let set = ExerciseSet::generated(Topic::Rr, Difficulty::Medium, 1, 2);
    let first = Exercise::generate(set.exercises[0]);
    let mut answer = key_answer(&first);
    answer.rows[0][2] = "99".into();
    let progress = Progress {
        answers: vec![answer],
        hints: vec![2],
        ..Default::default()
    };
    let csv = export_csv(&set, &progress, " Kim, Minji ");
    assert!(csv.starts_with(
        "exercise,topic,difficulty,seed,cell,answer,verdict,student,checks,shown,hints\n"
    ));
    assert!(
        csv.contains(&format!(
            "1,rr,medium,1,{} waiting,99,wrong,\"Kim, Minji\",0,no,2\n",
            first.names()[0]
        )),
        "{csv}"
    );
    assert!(csv.lines().any(|line| line.starts_with("2,rr,medium,2,")
        && line.ends_with(",missing,\"Kim, Minji\",0,no,0")));
    assert_eq!(
        proclab_app::practice::set::export_file_name(" Kim, Minji ", "csv"),
        "proclab-practice-Kim-Minji.csv"
    );
    assert_eq!(
        proclab_app::practice::set::export_file_name("김민지", "json"),
        "proclab-practice-김민지.json"
    );
    assert_eq!(
        proclab_app::practice::set::export_file_name(" / ", "json"),
        "proclab-practice.json"
    );
    let json: serde_json::Value =
        serde_json::from_str(&export_json(&set, &progress, "Kim, Minji")).unwrap();
    assert_eq!(json["student"], "Kim, Minji");
    assert_eq!(json["set"], set.encode());
    assert_eq!(json["exercises"][0]["hints"], 2);
    assert_eq!(json["exercises"][0]["answer"]["rows"][0][2], "99");
    assert_eq!(json["exercises"][1]["right"], 0);
    // Readable beside the raw answer: every cell as the CSV has it, with names, and the totals.
    let marked = json["exercises"][0]["marked"].as_array().unwrap();
    let waiting = format!("{} waiting", first.names()[0]);
    assert!(marked.iter().any(|cell| cell["cell"] == waiting.as_str()
        && cell["answer"] == "99"
        && cell["verdict"] == "wrong"));
    let csv_lines = csv.lines().filter(|line| line.starts_with("1,")).count();
    assert_eq!(marked.len(), csv_lines, "the same cells as the CSV");
    assert_eq!(json["exercises"][1]["number"], 2);
    let cells: u64 = (0..2)
        .map(|index| json["exercises"][index]["cells"].as_u64().unwrap())
        .sum();
    assert_eq!(json["score"]["cells"], cells);
    // Neither exercise is solved (a wrong waiting, an empty answer); the score counts exercises too.
    assert_eq!(json["exercises"][0]["solved"], false);
    assert_eq!(json["exercises"][1]["solved"], false);
    assert_eq!(json["score"]["solved"], 0);
    assert_eq!(json["score"]["exercises"], 2);
    let mut solved = progress.clone();
    solved.answers[0] = key_answer(&first);
    let json: serde_json::Value = serde_json::from_str(&export_json(&set, &solved, "")).unwrap();
    assert_eq!(json["exercises"][0]["solved"], true);
    assert_eq!(json["score"]["solved"], 1);
}

#[test]
fn the_answers_files_count_the_checks_and_say_whether_the_simulator_was_opened() {
    use proclab_app::practice::state::{PracticeAction, PracticeState};
    use proclab_app::reduce::Reduce;
    let set = ExerciseSet::generated(Topic::Fcfs, Difficulty::Easy, 3, 2);
    let state = PracticeState::open(set.clone(), Progress::default());
    let state = state.reduce(PracticeAction::Check).unwrap();
    let state = state
        .reduce(PracticeAction::SetAverage(0, "1".into()))
        .unwrap();
    let state = state.reduce(PracticeAction::Check).unwrap();
    let state = state.reduce(PracticeAction::Shown).unwrap();
    assert!(
        state.reduce(PracticeAction::Shown).is_none(),
        "once is enough"
    );
    let json: serde_json::Value =
        serde_json::from_str(&export_json(&set, &state.progress, "Lee")).unwrap();
    assert_eq!(json["exercises"][0]["checks"], 2);
    assert_eq!(json["exercises"][0]["shown"], true);
    assert_eq!(json["exercises"][1]["checks"], 0);
    assert_eq!(json["exercises"][1]["shown"], false);
    let csv = export_csv(&set, &state.progress, "Lee");
    assert!(
        csv.lines().skip(1).all(|line| if line.starts_with("1,") {
            line.ends_with(",Lee,2,yes,0")
        } else {
            line.ends_with(",Lee,0,no,0")
        }),
        "{csv}"
    );
    // A progress saved before these were kept reads as none.
    let old: Progress =
        serde_json::from_str(r#"{"answers":[],"hints":[1],"checked":[true]}"#).unwrap();
    let reopened = PracticeState::open(set, old);
    assert_eq!(reopened.progress.checks, vec![0, 0]);
    assert_eq!(reopened.progress.shown, vec![false, false]);
}

#[test]
fn every_decision_has_words_in_both_languages() {
    for exercise in every_exercise() {
        for index in 0..exercise.key().len() {
            let ko = proclab_app::practice::explain::decision(&exercise, index, Lang::Ko).unwrap();
            let en = proclab_app::practice::explain::decision(&exercise, index, Lang::En).unwrap();
            assert!(!ko.trim().is_empty() && !en.trim().is_empty());
            assert_ne!(ko, en);
            assert!(
                !en.contains("segment ends."),
                "{:?} {index}: {en}",
                exercise.id
            );
        }
    }
}

#[test]
fn a_chart_typed_on_one_line_reads_like_the_answer_key() {
    use proclab_app::practice::grade::parse_chart;
    let names: Vec<String> = ["P1", "P2", "P3"].iter().map(|n| n.to_string()).collect();
    let segments = parse_chart("0 P1 3 idle 5 CS 6 p3 9 - 10", &names, true).unwrap();
    let whos: Vec<Who> = segments.iter().map(|s| s.who).collect();
    assert_eq!(
        whos,
        [
            Who::Process(0),
            Who::Idle,
            Who::Switch,
            Who::Process(2),
            Who::Idle
        ]
    );
    assert_eq!(segments[3].end, "9");
    use proclab_app::practice::grade::ChartLineError as E;
    // Commas separate words as spaces do (a chart pasted from a table).
    assert_eq!(
        parse_chart("idle 2, P2 5,P3 7", &names, false),
        parse_chart("idle 2 P2 5 P3 7", &names, false)
    );
    // And semicolons, as in a list.
    assert_eq!(
        parse_chart("idle 2; P2 5;P3 7;", &names, false),
        parse_chart("idle 2 P2 5 P3 7", &names, false)
    );
    assert_eq!(
        parse_chart("idle 2, P2 5,P3 7", &names, false)
            .unwrap()
            .len(),
        3
    );
    let unknown = parse_chart("P1 3 P9 5", &names, true).unwrap_err();
    assert_eq!(
        unknown,
        E::UnknownName {
            position: 3,
            word: "P9".into()
        }
    );
    assert_eq!(
        unknown.message(&names, true, Lang::En),
        "Word 3, “P9”, is not a process of this exercise: write one of P1, P2, P3, idle, CS."
    );
    // Without context switches CS is refused (it used to be kept and shown as P1).
    let no_switch = parse_chart("idle 2 P2 5 CS 6 P3 8", &names, false).unwrap_err();
    assert_eq!(no_switch, E::NoSwitch { position: 5 });
    assert!(no_switch
        .message(&names, false, Lang::Ko)
        .contains("P1, P2, P3, 유휴 중 하나"));
    assert_eq!(
        parse_chart("P1 x", &names, true),
        Err(E::NotATick {
            position: 2,
            word: "x".into()
        })
    );
    // One stretch typed as two segments is noted under the second, whatever the owner.
    let split = parse_chart("P1 3 P1 5 idle 6 idle 7 P2 9", &names, true).unwrap();
    let repeats: Vec<usize> = (0..split.len())
        .filter(|index| repeats_owner(&split, *index))
        .collect();
    assert_eq!(repeats, [1, 3]);
    assert_eq!(
        repeats_owner_words(2, "P1", Lang::En),
        "Segments 1 and 2 are both P1: one stretch is one segment. Write them as one, ending where the stretch ends."
    );
    assert!(
        repeats_owner_words(2, "P1", Lang::Ko).starts_with("앞 구간(1)과 이 구간이 모두 P1입니다.")
    );
    // An empty line is refused, not applied as an empty chart (it had wiped a chart built with
    // the buttons).
    let empty = parse_chart("  ", &names, true).unwrap_err();
    assert_eq!(empty, E::Empty);
    assert!(empty
        .message(&names, true, Lang::En)
        .ends_with("The chart was left as it is."));
    // Digits too many for a tick are said to be too large (it had said "a whole number").
    let huge = parse_chart("P1 3 P3 99999999999999999999", &names, true).unwrap_err();
    assert_eq!(
        huge.message(&names, true, Lang::En),
        "Word 4, “99999999999999999999”: this number is too large to be a tick."
    );
    assert!(huge
        .message(&names, true, Lang::Ko)
        .contains("너무 큰 수입니다"));
    assert_eq!(
        parse_chart("P1 3 P2", &names, true),
        Err(E::MissingEnd { position: 4 })
    );
    assert_eq!(
        parse_chart("idle 2 P2 5 P3 3", &names, true),
        Err(E::NotAfter {
            position: 6,
            end: 3,
            previous: 5
        })
    );
    let zero = parse_chart("P1 0", &names, true).unwrap_err();
    assert_eq!(
        zero.message(&names, true, Lang::En),
        "Word 2: the first segment ends at 0, but the chart starts at 0; it must end after 0."
    );
    // The key's own chart, written as the answer key prints it, grades all right.
    let exercise = Exercise::generate(ExerciseId {
        topic: Topic::Rr,
        difficulty: Difficulty::Hard,
        seed: 4,
    });
    let line: String = exercise
        .key()
        .iter()
        .map(|segment| match segment.who {
            Who::Process(pid) => format!("{} {} ", exercise.names()[pid as usize], segment.end),
            Who::Idle => format!("- {} ", segment.end),
            Who::Switch => format!("CS {} ", segment.end),
        })
        .collect();
    let mut answer = key_answer(&exercise);
    answer.segments = parse_chart(&line, &exercise.names(), true).unwrap();
    assert!(grade(&exercise, &answer).all_fine());
}

#[test]
fn the_page_reducer_grades_on_check_and_forgets_the_marks_on_an_edit() {
    use proclab_app::practice::state::{PracticeAction as A, PracticeState};
    use proclab_app::reduce::Reduce;
    let set = ExerciseSet::generated(Topic::Srtf, Difficulty::Easy, 9, 2);
    let state = PracticeState::open(set.clone(), Progress::default());
    assert_eq!(state.progress.answers.len(), 2);
    assert_eq!(
        state.answer().rows.len(),
        state.exercise().spec.processes.len()
    );
    let state = state.reduce(A::AddSegment(Who::Process(1))).unwrap();
    let state = state.reduce(A::SetEnd(0, "4".into())).unwrap();
    assert!(
        state.reduce(A::SetEnd(0, "4".into())).is_none(),
        "no change, no new state"
    );
    let checked = state.reduce(A::Check).unwrap();
    let grading = checked.grading.clone().unwrap();
    assert_eq!(grading, grade(checked.exercise(), checked.answer()));
    let edited = checked
        .reduce(A::SetCell(0, Column::Waiting, "abc".into()))
        .unwrap();
    assert_eq!(edited.grading, None);
    assert_eq!(edited.answer().rows[0][col(Column::Waiting)], "abc");
    let moved = edited.reduce(A::Goto(1)).unwrap();
    assert_eq!(moved.current, 1);
    assert_eq!(moved.answer().segments.len(), 0);
    assert_eq!(
        moved.progress.answers[0].rows[0][col(Column::Waiting)],
        "abc",
        "the other answer is kept"
    );
    let mut hinted = moved;
    for _ in 0..100 {
        match hinted.reduce(A::Hint) {
            Some(next) => hinted = next,
            None => break,
        }
    }
    assert_eq!(hinted.hints_shown(), hinted.exercise().key().len());
    // Progress saved for a set opens again where it was.
    let reopened = PracticeState::open(set, hinted.progress.clone());
    assert_eq!(reopened.progress, hinted.progress);
}

#[test]
fn after_a_check_the_next_hint_is_the_first_decision_the_chart_missed() {
    use proclab_app::practice::state::{PracticeAction as A, PracticeState};
    use proclab_app::reduce::Reduce;
    let set = ExerciseSet::generated(Topic::Rr, Difficulty::Medium, 3, 1);
    let state = PracticeState::open(set, Progress::default());
    let key = key_answer(state.exercise());
    assert!(key.segments.len() >= 4, "a chart of several decisions");
    // The first two segments right, the third ending one tick late.
    let mut state = state;
    for (index, segment) in key.segments.iter().take(3).enumerate() {
        state = state.reduce(A::AddSegment(segment.who)).unwrap();
        let end: u64 = segment.end.parse().unwrap();
        let typed = if index == 2 { end + 1 } else { end };
        state = state.reduce(A::SetEnd(index, typed.to_string())).unwrap();
    }
    let checked = state.reduce(A::Check).unwrap();
    assert_eq!(checked.hints_shown(), 0);
    let hinted = checked.reduce(A::Hint).unwrap();
    assert_eq!(
        hinted.hints_shown(),
        3,
        "hints 1 and 2 are right in the chart; 3 is new"
    );
    let hints = hints(hinted.exercise(), hinted.hints_shown(), Lang::En);
    assert!(hints[2].starts_with("3. "), "{hints:?}");
    // Unchecked, Hint reveals one more decision at a time.
    assert_eq!(state.reduce(A::Hint).unwrap().hints_shown(), 1);
    // A chart right throughout leaves nothing for Hint (the explanation covers the wrong cell).
    let mut whole = PracticeState::open(
        ExerciseSet::generated(Topic::Rr, Difficulty::Medium, 3, 1),
        Progress::default(),
    );
    for (index, segment) in key.segments.iter().enumerate() {
        whole = whole.reduce(A::AddSegment(segment.who)).unwrap();
        whole = whole.reduce(A::SetEnd(index, segment.end.clone())).unwrap();
    }
    let whole = whole.reduce(A::Check).unwrap();
    assert_eq!(whole.next_hint(), None);
    assert!(whole.reduce(A::Hint).is_none());
}

#[test]
fn a_checked_exercise_keeps_its_marks_when_the_page_opens_it_again_until_an_edit() {
    use proclab_app::practice::state::{PracticeAction as A, PracticeState};
    use proclab_app::reduce::Reduce;
    let set = ExerciseSet::generated(Topic::Fcfs, Difficulty::Easy, 5, 2);
    let state = PracticeState::open(set.clone(), Progress::default());
    let first = key_answer(state.exercise()).segments[0].clone();
    let state = state.reduce(A::AddSegment(first.who)).unwrap();
    let checked = state.reduce(A::Check).unwrap();
    assert!(checked.grading.is_some());
    // The page opens the set again from the saved progress (a reload, back from the simulator,
    // the other language): the marks are back, on this exercise and on returning to it.
    let reopened = PracticeState::open(set.clone(), checked.progress.clone());
    assert_eq!(reopened.grading, checked.grading);
    let away = reopened.reduce(A::Goto(1)).unwrap();
    assert_eq!(away.grading, None, "the second exercise was never checked");
    assert_eq!(away.reduce(A::Goto(0)).unwrap().grading, checked.grading);
    // An edit since the Check clears them, for good.
    let edited = reopened.reduce(A::SetEnd(0, first.end.clone())).unwrap();
    assert_eq!(edited.grading, None);
    assert_eq!(PracticeState::open(set, edited.progress).grading, None);
}

#[test]
fn the_transition_question_has_one_answer_read_from_the_trace() {
    use proclab_app::practice::transition::{question, Reason, TransitionAnswer};
    let mut preemptions_asked = 0;
    for exercise in every_exercise() {
        let question = question(&exercise).expect("every run has a transition to ask about");
        let events: Vec<_> = exercise
            .run
            .events()
            .iter()
            .filter(|e| e.tick == question.tick && e.thread.pid == question.pid)
            .collect();
        assert_eq!(
            events.len(),
            1,
            "{:?}: one event of that process at that tick",
            exercise.id
        );
        let key = question.key();
        assert_eq!(
            (key.from, key.to),
            (Some(events[0].from), Some(events[0].to))
        );
        if matches!(events[0].cause, Cause::Preempted { .. }) {
            preemptions_asked += 1;
        }
        // A wrong reason is the only mistake, explained by the narrated log's sentence.
        let mut answer = key_answer(&exercise);
        let wrong = Reason::ALL
            .into_iter()
            .find(|r| Some(*r) != key.reason)
            .unwrap();
        answer.transition = TransitionAnswer {
            reason: Some(wrong),
            ..key
        };
        let grading = grade(&exercise, &answer);
        assert_eq!(
            grading.transition,
            Some([Verdict::Right, Verdict::Right, Verdict::Wrong])
        );
        assert_eq!(
            grading.first_mistake,
            Some(Mistake::Transition {
                answer: answer.transition
            })
        );
        assert_eq!(
            explain(&exercise, &grading, Lang::En),
            Some(question.explanation(&exercise, &answer.transition, Lang::En))
        );
        // Said plainly first, with the right reason; then what is wrong with the reason chosen,
        // that one and no other (every wrong answer had been told a quantum cannot expire).
        let name = &exercise.names()[question.pid as usize];
        let reason = key.reason.unwrap().label(Lang::En);
        let slices = matches!(exercise.id.topic, Topic::Rr | Topic::Mlfq);
        for chosen in Reason::ALL.into_iter().filter(|r| Some(*r) != key.reason) {
            let typed = TransitionAnswer {
                reason: Some(chosen),
                ..key
            };
            let said = question.explanation(&exercise, &typed, Lang::En);
            assert!(
                said.starts_with(&format!("At t={}, {name} goes from ", question.tick))
                    && said.contains(&format!(": {reason}. ")),
                "{said}"
            );
            let no_slice = chosen == Reason::QuantumExpired && !slices;
            assert_eq!(said.contains("no time slice"), no_slice, "{said}");
            let label = chosen.label(Lang::En);
            let (from, to) = chosen.moves();
            let about = if no_slice {
                String::from("This policy gives no time slice, so a quantum cannot expire.")
            } else if (Some(from), Some(to)) == (key.from, key.to) {
                format!("The reason chosen, “{label}”, makes the same move, but it is not why this time.")
            } else {
                format!("The reason chosen, “{label}”, moves a process from {from:?} to {to:?}.")
            };
            assert!(said.ends_with(&format!(" {about}")), "{said}");
        }
        // In Korean the particle follows the reason's last syllable ('디스패처가 선택함'은).
        for chosen in Reason::ALL.into_iter().filter(|r| Some(*r) != key.reason) {
            let typed = TransitionAnswer {
                reason: Some(chosen),
                ..key
            };
            let said = question.explanation(&exercise, &typed, Lang::Ko);
            let label = chosen.label(Lang::Ko);
            let particle = proclab_app::lang::topic_particle(label);
            assert!(
                said.contains(&format!("'{label}'{particle} "))
                    || said.contains(&format!("'{label}'도 "))
                    || said.contains("타임 퀀텀이 없으니"),
                "{said}"
            );
            assert!(!said.contains("함'는"), "{said}");
        }
        // The right reason with a wrong state: nothing said of the reason.
        let right_reason = TransitionAnswer { from: None, ..key };
        let said = question.explanation(&exercise, &right_reason, Lang::En);
        assert!(
            !said.contains("The reason chosen") && !said.contains("no time slice"),
            "{said}"
        );
        answer.transition = TransitionAnswer::default();
        assert_eq!(
            grade(&exercise, &answer).transition,
            Some([Verdict::Missing; 3])
        );
    }
    // SRTF exercises all preempt; the question asks about a preemption whenever one is alone at its tick.
    assert!(preemptions_asked >= 30, "{preemptions_asked}");
}

#[test]
fn a_set_opened_again_opens_at_the_exercise_left_and_remembers_it_came_from_a_link() {
    use proclab_app::practice::state::{PracticeAction as A, PracticeState};
    use proclab_app::reduce::Reduce;
    let set = ExerciseSet::generated(Topic::Rr, Difficulty::Easy, 9, 3);
    let state = PracticeState::open(set.clone(), Progress::default())
        .reduce(A::Goto(2))
        .unwrap()
        .reduce(A::MarkLinked)
        .unwrap();
    assert!(state.reduce(A::MarkLinked).is_none(), "once is enough");
    let saved: Progress =
        serde_json::from_str(&serde_json::to_string(&state.progress).unwrap()).unwrap();
    let again = PracticeState::open(set.clone(), saved);
    assert_eq!(again.current, 2);
    assert!(again.progress.linked);
    // A saved exercise past the set's end (an older save) opens the last one.
    let beyond = Progress {
        current: 9,
        ..Progress::default()
    };
    assert_eq!(PracticeState::open(set, beyond).current, 2);
}

/// The answers CSV has a line a cell of the score: its lines by verdict are the score's figures,
/// with a segment left out as its two cells and a segment the run does not have marked `extra`
/// apart. It had one line a segment left out and counted an extra segment's two as wrong cells.
#[test]
fn the_answers_csv_lines_add_up_to_the_score() {
    let mut checked = 0;
    for exercise in every_exercise() {
        let key = exercise.key();
        if key.len() < 3 {
            continue;
        }
        let mut answer = key_answer(&exercise);
        answer.segments.remove(1);
        answer.segments.push(SegmentAnswer {
            who: Who::Idle,
            end: (key[key.len() - 1].end + 5).to_string(),
        });
        answer.rows[0][0] = "oops".into();
        let grading = grade(&exercise, &answer);
        let (right, consistent, total) = grading.counts();
        let set = ExerciseSet {
            exercises: vec![exercise.id],
            ..ExerciseSet::generated(exercise.id.topic, exercise.id.difficulty, 0, 1)
        };
        let progress = Progress {
            answers: vec![answer],
            ..Default::default()
        };
        let csv = export_csv(&set, &progress, "");
        let verdicts: Vec<&str> = csv
            .lines()
            .skip(1)
            .map(|line| line.split(',').nth(6).expect("a verdict column"))
            .collect();
        let lines_of = |verdict: &str| verdicts.iter().filter(|typed| **typed == verdict).count();
        assert_eq!(lines_of("right"), right, "{:?}\n{csv}", exercise.id);
        assert_eq!(lines_of("consistent"), consistent, "{:?}", exercise.id);
        assert_eq!(
            lines_of("extra"),
            2 * grading.extra_segments(),
            "{:?}",
            exercise.id
        );
        assert_eq!(
            verdicts.len() - lines_of("extra"),
            total,
            "{:?}",
            exercise.id
        );
        assert_eq!(lines_of("not_a_number"), 1, "{:?}", exercise.id);
        checked += 1;
    }
    assert!(checked > 150, "{checked}");
}

#[test]
fn the_answers_csv_gives_the_transition_in_words() {
    use proclab_app::practice::transition::question;
    let set = ExerciseSet::generated(Topic::Rr, Difficulty::Hard, 7, 1);
    let exercise = Exercise::generate(set.exercises[0]);
    let key = question(&exercise).expect("a transition asked").key();
    let progress = Progress {
        answers: vec![key_answer(&exercise)],
        ..Default::default()
    };
    let csv = export_csv(&set, &progress, "");
    let said = key.reason.expect("a reason").label(Lang::En);
    let line = format!("transition reason,{said},right");
    assert!(csv.contains(&line), "{line} in {csv}");
    assert!(
        csv.contains(&format!("transition from,{:?},right", key.from.unwrap())),
        "{csv}"
    );
}

#[test]
fn the_new_set_form_refuses_what_it_cannot_read_instead_of_guessing() {
    use proclab_app::practice::set::{read_setup, SetupError, MAX_EXERCISES};
    assert_eq!(read_setup("3", "42"), Ok((3, Some(42))));
    assert_eq!(read_setup(" 20 ", " 7 "), Ok((MAX_EXERCISES, Some(7))));
    // An empty seed asks for a new one; anything else must be a number.
    assert_eq!(read_setup("1", ""), Ok((1, None)));
    assert_eq!(read_setup("1", "abc"), Err(vec![SetupError::Seed]));
    assert_eq!(read_setup("1", "-5"), Err(vec![SetupError::Seed]));
    assert_eq!(read_setup("1", "1.5"), Err(vec![SetupError::Seed]));
    // A Korean keyboard's full-width digits are the digits they look like.
    assert_eq!(read_setup("３", "４２"), Ok((3, Some(42))));
    assert_eq!(proclab_app::practice::builder::read_seed("７"), Ok(Some(7)));
    // The count is 1 to 20, never clamped silently.
    assert_eq!(read_setup("0", "1"), Err(vec![SetupError::Count]));
    assert_eq!(read_setup("21", "1"), Err(vec![SetupError::Count]));
    assert_eq!(read_setup("", "1"), Err(vec![SetupError::Count]));
    assert_eq!(read_setup("three", "1"), Err(vec![SetupError::Count]));
    // Both wrong: both named, in the form's order.
    assert_eq!(
        read_setup("", "xyz"),
        Err(vec![SetupError::Count, SetupError::Seed])
    );
}

#[test]
fn progress_another_tab_saved_for_the_same_set_is_taken_whole_and_the_exercise_on_screen_stays() {
    use proclab_app::practice::state::{PracticeAction as A, PracticeState};
    use proclab_app::reduce::Reduce;
    let set = ExerciseSet::generated(Topic::Fcfs, Difficulty::Easy, 4, 2);
    // This tab: on the second exercise, with a checked answer on screen.
    let here = PracticeState::open(set.clone(), Progress::default())
        .reduce(A::Goto(1))
        .unwrap()
        .reduce(A::SetCell(0, Column::Completion, "7".into()))
        .unwrap()
        .reduce(A::Check)
        .unwrap();
    // The other tab typed into the first exercise and saved its whole progress.
    let other = PracticeState::open(set, Progress::default())
        .reduce(A::SetCell(1, Column::Waiting, "3".into()))
        .unwrap();
    let adopted = here.reduce(A::Adopt(other.progress.clone())).unwrap();
    // Every answer taken; the exercise on screen is each tab's own.
    assert_eq!(
        Progress {
            current: 0,
            ..adopted.progress.clone()
        },
        other.progress
    );
    assert_eq!(adopted.current, 1, "the exercise on screen stays");
    assert_eq!(adopted.progress.current, 1);
    assert_eq!(adopted.grading, None, "marks of answers no longer shown go");
    assert!(
        adopted.reduce(A::Adopt(other.progress.clone())).is_none(),
        "the same progress again changes nothing"
    );
    // A saved progress with fewer answers than the set (an older save) is fitted, not trusted.
    let short = Progress::default();
    let fitted = adopted.reduce(A::Adopt(short)).unwrap();
    assert_eq!(fitted.progress.answers.len(), 2);
}

#[test]
fn the_marks_of_a_checked_exercise_come_back_when_the_student_returns_to_it() {
    use proclab_app::practice::state::{PracticeAction as A, PracticeState};
    use proclab_app::reduce::Reduce;
    let set = ExerciseSet::generated(Topic::Fcfs, Difficulty::Easy, 4, 2);
    let checked = PracticeState::open(set, Progress::default())
        .reduce(A::SetCell(0, Column::Completion, "7".into()))
        .unwrap()
        .reduce(A::Check)
        .unwrap();
    let marks = checked.grading.clone().expect("marks");
    let away = checked.reduce(A::Goto(1)).unwrap();
    assert_eq!(away.grading, None, "the other exercise was never checked");
    let back = away.reduce(A::Goto(0)).unwrap();
    assert_eq!(back.grading, Some(marks), "the marks come back");
    // An edit since the Check clears them, there and on return.
    let edited = back
        .reduce(A::SetCell(0, Column::Waiting, "1".into()))
        .unwrap();
    assert_eq!(edited.grading, None);
    let again = edited
        .reduce(A::Goto(1))
        .unwrap()
        .reduce(A::Goto(0))
        .unwrap();
    assert_eq!(again.grading, None);
}

#[test]
fn a_link_followed_in_the_tab_opens_its_set_unless_that_set_is_open() {
    use proclab_app::practice::state::{PracticeAction as A, PracticeState};
    use proclab_app::reduce::Reduce;
    let open = ExerciseSet::generated(Topic::Fcfs, Difficulty::Easy, 4, 4);
    let here = PracticeState::open(open.clone(), Progress::default())
        .reduce(A::Goto(2))
        .unwrap();
    assert!(
        here.reduce(A::FollowLink(open, Progress::default()))
            .is_none(),
        "the link of the set on screen changes nothing"
    );
    let other = ExerciseSet::generated(Topic::Deadlock, Difficulty::Medium, 9, 5);
    let followed = here
        .reduce(A::FollowLink(other.clone(), Progress::default()))
        .unwrap();
    assert_eq!(followed.set, other);
    assert_eq!(followed.exercises.len(), 5);
    assert_eq!(followed.current, 0);
}

#[test]
fn show_plays_from_a_little_before_the_first_wrong_decision_and_stops_at_it() {
    use proclab_app::practice::explain::{show_span, SHOW_LEAD};
    use proclab_app::reduce::Reduce;
    use proclab_app::watch::playback::{Playback, PlaybackAction};
    let exercise = Exercise::generate(ExerciseId {
        topic: Topic::Srtf,
        difficulty: Difficulty::Medium,
        seed: 2,
    });
    let key = exercise.key();
    // The third decision goes to the wrong process.
    let index = 2;
    let mut answer = key_answer(&exercise);
    let wrong = (0..exercise.spec.processes.len() as u32)
        .map(Who::Process)
        .find(|who| *who != key[index].who)
        .unwrap();
    answer.segments[index].who = wrong;
    let grading = grade(&exercise, &answer);
    assert!(matches!(
        grading.first_mistake,
        Some(Mistake::Segment { index: 2, .. })
    ));
    let (from, to) = show_span(&exercise, Some(&grading)).expect("a mistake to show");
    assert_eq!(
        to, key[index].start,
        "it stops where the wrong decision is made"
    );
    assert_eq!(from, to.saturating_sub(SHOW_LEAD));
    assert!(from < to, "{from}..{to}: something plays");
    // Nothing wrong: nothing plays.
    let right = grade(&exercise, &key_answer(&exercise));
    assert_eq!(show_span(&exercise, Some(&right)), None);
    assert_eq!(show_span(&exercise, None), None);
    // The page's playback: the run arrives (Reset), then frames pass until it stops by itself.
    let reduce = |playback: Playback, action| playback.reduce(action).unwrap_or(playback);
    let mut playback = reduce(
        Playback::play_until(from, to),
        PlaybackAction::Reset {
            end: exercise.run.end_tick(),
            restart: Some(0),
        },
    );
    assert!(playback.playing && playback.tick == from);
    let mut seen = vec![playback.tick];
    for _ in 0..1_000 {
        if !playback.playing {
            break;
        }
        playback = reduce(
            playback,
            PlaybackAction::Advance {
                milliseconds: 100,
                switching: false,
            },
        );
        if seen.last() != Some(&playback.tick) {
            seen.push(playback.tick);
        }
    }
    assert_eq!(seen, (from..=to).collect::<Vec<_>>());
    assert!(!playback.playing);
    assert_eq!((playback.tick, playback.progress), (to, 1000));
    assert!(
        to < exercise.run.end_tick(),
        "it stopped before the run's end"
    );
    // Play again from there: the stop is forgotten and the run goes on.
    let resumed = reduce(playback, PlaybackAction::Toggle);
    let resumed = reduce(
        resumed,
        PlaybackAction::Advance {
            milliseconds: 250,
            switching: false,
        },
    );
    let resumed = reduce(
        resumed,
        PlaybackAction::Advance {
            milliseconds: 250,
            switching: false,
        },
    );
    assert!(resumed.playing && resumed.tick > to, "{resumed:?}");
    // A seek while it plays towards the stop takes over: no stop any more.
    let sought = reduce(
        Playback::play_until(from, to),
        PlaybackAction::Seek {
            tick: 0,
            animate: false,
        },
    );
    assert_eq!(sought.stop_at, None);
}

#[test]
fn a_wrong_waiting_time_in_a_set_without_io_says_nothing_of_io() {
    let mut checked = 0;
    for exercise in every_exercise() {
        let metrics = exercise.run.metrics();
        if metrics.processes.iter().any(|p| p.io > 0) || metrics.processes.is_empty() {
            continue;
        }
        let mut answer = key_answer(&exercise);
        answer.rows[0][col(Column::Waiting)] = (metrics.processes[0].waiting + 1).to_string();
        let grading = grade(&exercise, &answer);
        let Some(text) = explain(&exercise, &grading, Lang::En) else {
            continue;
        };
        if !text.contains("Waiting counts") {
            continue;
        }
        assert!(
            text.contains("Waiting counts only the time in the ready queue"),
            "{text}"
        );
        assert!(!text.contains("I/O"), "{text}");
        let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
        assert!(!korean.contains("I/O"), "{korean}");
        checked += 1;
    }
    assert!(checked > 0, "no exercise without I/O was explained");
}

#[test]
fn waiting_read_from_a_chart_drawn_without_its_switches_is_consistent_with_it() {
    let mut checked = 0;
    for exercise in every_exercise().filter(|exercise| exercise.spec.machine.dispatch_latency > 0) {
        let metrics = exercise.run.metrics();
        let mut answer = key_answer(&exercise);
        // The chart without its context switches: each next segment takes the switch's ticks.
        answer.segments.retain(|segment| segment.who != Who::Switch);
        for (pid, row) in answer.rows.iter_mut().enumerate() {
            let process = &metrics.processes[pid];
            row[col(Column::Waiting)] = (process.turnaround - process.cpu - process.io).to_string();
        }
        let grading = grade(&exercise, &answer);
        for (pid, process) in metrics.processes.iter().enumerate() {
            let mark = grading.rows[pid][col(Column::Waiting)];
            if process.switch > 0 {
                assert_eq!(mark, Verdict::Consistent, "{:?} P{}", exercise.id, pid + 1);
                checked += 1;
            } else {
                assert_eq!(mark, Verdict::Right, "{:?} P{}", exercise.id, pid + 1);
            }
        }
    }
    assert!(checked > 10, "only {checked} cells with a switch");
}

#[test]
fn a_wrong_process_after_a_context_switch_is_told_why_the_dispatcher_chose_the_right_one() {
    let mut checked = 0;
    for exercise in every_exercise().filter(|exercise| exercise.spec.machine.dispatch_latency > 0) {
        let key = exercise.key();
        // The first process segment that follows a switch, and another process to put there.
        let Some(index) = (1..key.len())
            .find(|i| key[*i - 1].who == Who::Switch && matches!(key[*i].who, Who::Process(_)))
        else {
            continue;
        };
        let Who::Process(right) = key[index].who else {
            continue;
        };
        let wrong = (0..exercise.spec.processes.len() as u32)
            .find(|pid| *pid != right)
            .expect("two processes");
        let mut answer = key_answer(&exercise);
        answer.segments[index].who = Who::Process(wrong);
        let grading = grade(&exercise, &answer);
        assert_eq!(
            grading.first_mistake,
            Some(Mistake::Segment {
                index,
                who_wrong: true
            }),
            "{:?}",
            exercise.id
        );
        let text = explain(&exercise, &grading, Lang::En).unwrap();
        // The reason is the dispatcher's, at the switch's start: it is said with this segment.
        let switch_start = key[index - 1].start;
        assert!(
            text.contains(&format!("At t={switch_start}:")),
            "{:?}: {text}",
            exercise.id
        );
        checked += 1;
    }
    assert!(
        checked > 20,
        "only {checked} exercises with a switch before a process"
    );
}

/// Runs `case` on every scheduling exercise (`case` says whether the exercise had what it
/// looks for), and asserts that enough of them had.
fn on_many_exercises(case: impl FnMut(Exercise) -> bool) {
    let checked = every_exercise().map(case).filter(|had| *had).count();
    assert!(checked > 150, "{checked}");
}

/// `answer` with a segment of `who` ending at `end` typed before its segment `index`: its
/// grading and explanation.
fn with_segment(
    exercise: &Exercise,
    mut answer: proclab_app::practice::grade::Answer,
    index: usize,
    who: Who,
    end: u64,
) -> (proclab_app::practice::grade::Grading, String) {
    let typed = proclab_app::practice::grade::SegmentAnswer {
        who,
        end: end.to_string(),
    };
    answer.segments.insert(index, typed);
    let grading = grade(exercise, &answer);
    let text = explain(exercise, &grading, Lang::En).unwrap_or_default();
    (grading, text)
}

/// A segment of the key left out of the chart (a forgotten switch, an idle gap, a slice) costs
/// that segment alone: every later segment keeps its mark, and the explanation names the place.
#[test]
fn a_segment_left_out_costs_only_itself() {
    on_many_exercises(|exercise| {
        let key = exercise.key();
        // A middle segment whose neighbours have different owners (so leaving it out cannot be
        // read as the neighbours' merge).
        let Some(index) = (1..key.len().saturating_sub(1))
            .find(|&index| key[index - 1].who != key[index + 1].who)
        else {
            return false;
        };
        let mut answer = key_answer(&exercise);
        answer.segments.remove(index);
        let grading = grade(&exercise, &answer);
        assert_eq!(grading.omitted.len(), 1, "{:?}", exercise.id);
        assert_eq!(grading.omitted[0].key, index, "{:?}", exercise.id);
        assert_eq!(grading.omitted[0].before, index, "{:?}", exercise.id);
        for (at, marks) in grading.segments.iter().enumerate() {
            assert_eq!(marks.who, Verdict::Right, "{:?} segment {at}", exercise.id);
            assert!(marks.end.is_fine(), "{:?} segment {at}", exercise.id);
        }
        assert_eq!(
            grading.first_mistake,
            Some(Mistake::Omitted {
                before: index,
                key: index
            })
        );
        let text = explain(&exercise, &grading, Lang::En).unwrap();
        assert!(
            text.contains(&format!("missing before segment {}", index + 1)),
            "{text}"
        );
        assert!(text.contains(&format!("t={}", key[index].end)), "{text}");
        let (right, _, total) = grading.counts();
        assert_eq!(
            total - right,
            2,
            "only the segment left out: {:?}",
            exercise.id
        );
        true
    });
}

/// Neighbouring segments' owners swapped, every tick typed right, are graded in place: those
/// owners wrong and nothing else, as a teacher would mark them. By owners alone, a segment too
/// many and one left out had been the cheaper reading of such a chart (a round robin's with four
/// pairs swapped), and ends the student had right were marked wrong.
#[test]
fn owners_swapped_with_the_ticks_right_are_graded_in_place() {
    let mut checked = 0;
    for exercise in every_exercise() {
        let key = exercise.key();
        let mut answer = key_answer(&exercise);
        // Every pair of neighbouring segments of two different processes, left to right.
        let mut swapped = Vec::new();
        let mut index = 0;
        while index + 1 < key.len() {
            let (first, second) = (key[index].who, key[index + 1].who);
            if matches!(first, Who::Process(_))
                && matches!(second, Who::Process(_))
                && first != second
            {
                answer.segments[index].who = second;
                answer.segments[index + 1].who = first;
                swapped.extend([index, index + 1]);
                index += 2;
            } else {
                index += 1;
            }
        }
        if swapped.is_empty() {
            continue;
        }
        let grading = grade(&exercise, &answer);
        assert_eq!(
            grading.paired,
            (0..key.len()).map(Some).collect::<Vec<_>>(),
            "{:?}",
            exercise.id
        );
        assert!(grading.omitted.is_empty(), "{:?}", exercise.id);
        for (at, marks) in grading.segments.iter().enumerate() {
            assert_eq!(
                marks.who == Verdict::Wrong,
                swapped.contains(&at),
                "{:?} segment {at}",
                exercise.id
            );
            assert_eq!(marks.end, Verdict::Right, "{:?} segment {at}", exercise.id);
        }
        checked += 1;
    }
    assert!(checked > 100, "{checked}");
}

/// A chart that stops early is graded against the start of the run: its segments pair with the
/// run's first ones, every mark right, and the rest is left out after it. A round robin repeats
/// its pattern, so the same owners and lengths may come again near the end of the run; the
/// typed ticks say where the chart is.
#[test]
fn a_chart_that_stops_early_is_graded_against_the_start_of_the_run() {
    on_many_exercises(|exercise| {
        let key = exercise.key();
        if key.len() < 3 {
            return false;
        }
        let typed = key.len() / 3;
        let mut answer = key_answer(&exercise);
        answer.segments.truncate(typed);
        let grading = grade(&exercise, &answer);
        let expected: Vec<Option<usize>> = (0..typed).map(Some).collect();
        assert_eq!(grading.paired, expected, "{:?}", exercise.id);
        for (at, marks) in grading.segments.iter().enumerate() {
            assert_eq!(marks.who, Verdict::Right, "{:?} segment {at}", exercise.id);
            assert_eq!(marks.end, Verdict::Right, "{:?} segment {at}", exercise.id);
        }
        let left_out: Vec<usize> = grading.omitted.iter().map(|omitted| omitted.key).collect();
        assert_eq!(left_out, (typed..key.len()).collect::<Vec<_>>());
        true
    });
}

/// A segment the run does not have, typed in the middle, is the one marked wrong; the rest pair
/// with the run's as before.
#[test]
fn a_segment_too_many_is_the_only_one_wrong() {
    on_many_exercises(|exercise| {
        let key = exercise.key();
        if key.len() < 3 {
            return false;
        }
        let index = key.len() / 2;
        let answer = key_answer(&exercise);
        // An idle tick slipped in where the run has none: its end is the previous end + 1.
        let previous_end: u64 = answer.segments[index - 1].end.parse().unwrap();
        if key[index - 1].who == Who::Idle || key[index].who == Who::Idle {
            return false;
        }
        let (grading, text) = with_segment(&exercise, answer, index, Who::Idle, previous_end + 1);
        assert!(grading.omitted.is_empty(), "{:?}", exercise.id);
        assert_eq!(grading.paired[index], None, "{:?}", exercise.id);
        for (at, marks) in grading.segments.iter().enumerate() {
            if at != index {
                assert_eq!(marks.who, Verdict::Right, "{:?} segment {at}", exercise.id);
            }
        }
        assert_eq!(
            grading.first_mistake,
            Some(Mistake::Segment {
                index,
                who_wrong: true
            }),
            "{:?}",
            exercise.id
        );
        assert!(
            text.contains(&format!("Segment {} is not in the run", index + 1)),
            "{text}"
        );
        true
    });
}

/// One run typed as two segments is told as such, not as a segment the run does not have.
#[test]
fn a_run_split_in_two_is_told_as_one_segment() {
    on_many_exercises(|exercise| {
        let key = exercise.key();
        // A process segment of two ticks or more, split at its middle.
        let Some(index) = key.iter().position(|segment| {
            matches!(segment.who, Who::Process(_)) && segment.end - segment.start >= 2
        }) else {
            return false;
        };
        let middle = (key[index].start + key[index].end) / 2;
        let answer = key_answer(&exercise);
        let (grading, text) = with_segment(&exercise, answer, index, key[index].who, middle);
        assert!(grading.omitted.is_empty(), "{:?}", exercise.id);
        let extra = grading.paired.iter().position(Option::is_none).unwrap();
        assert!(extra == index || extra == index + 1, "{:?}", exercise.id);
        assert!(
            text.starts_with(&format!("Segment {} splits one run in two", extra + 1)),
            "{text}"
        );
        true
    });
}

/// After a check, Hint starts at the first of the run's segments the chart does not have right:
/// one left out in the middle, not the end of the chart's right segments after it; and a chart
/// right but for a segment too many at its end has no hint left to give.
#[test]
fn hints_start_at_the_segment_left_out_and_none_follow_a_right_chart() {
    use proclab_app::practice::set::ExerciseSet;
    use proclab_app::practice::state::{PracticeAction, PracticeState};
    use proclab_app::reduce::Reduce;
    let set = ExerciseSet::generated(Topic::Srtf, Difficulty::Medium, 4, 1);
    let exercise = &set.exercises()[0];
    let key = exercise.key();
    assert!(key.len() >= 4, "{key:?}");
    let mut left_out = key_answer(exercise);
    left_out.segments.remove(2);
    let progress = Progress {
        answers: vec![left_out],
        ..Progress::default()
    };
    let state = PracticeState::open(set.clone(), progress)
        .reduce(PracticeAction::Check)
        .unwrap();
    assert_eq!(
        state.next_hint(),
        Some(3),
        "the hint of the segment left out, the third"
    );
    let mut extra = key_answer(exercise);
    let end: u64 = extra.segments.last().unwrap().end.parse().unwrap();
    extra
        .segments
        .push(proclab_app::practice::grade::SegmentAnswer {
            who: Who::Idle,
            end: (end + 1).to_string(),
        });
    let progress = Progress {
        answers: vec![extra],
        ..Progress::default()
    };
    let state = PracticeState::open(set, progress)
        .reduce(PracticeAction::Check)
        .unwrap();
    let grading = state.grading.as_ref().unwrap();
    assert!(grading.has_extra_segments());
    assert_eq!(state.next_hint(), None);
}

/// Two processes tied at SRTF that entered the ready queue at one tick: the hint says both did
/// and points at the rules, which state the order (a student had read "P4 entered first (t=4)"
/// against P1 also entering at t=4, preempted).
#[test]
fn a_tie_entered_at_one_tick_is_said_so_and_the_rules_state_the_order() {
    use proclab_app::practice::set::ExerciseSet;
    use proclab_app::practice::text::conventions;
    let set = ExerciseSet::decode("AAMCANe9AwIA2L0DAgDZvQM").unwrap();
    let exercise = &set.exercises()[0];
    let told = hints(exercise, exercise.hint_count(), Lang::En).join(" ");
    assert!(
        told.contains(
            "both entered the ready queue at t=4, it first (the order at one tick is in the rules)"
        ),
        "{told}"
    );
    assert!(conventions(exercise, Lang::En).iter().any(|rule| rule
        == "A preempted process goes back to the ready queue after the processes arriving at that tick."));
    // Not said where no preemption can happen.
    let fcfs = &ExerciseSet::generated(Topic::Fcfs, Difficulty::Easy, 1, 1).exercises()[0];
    assert!(!conventions(fcfs, Lang::En)
        .iter()
        .any(|rule| rule.contains("preempted")));
}

/// A wrong average is explained by name (two averages can share a value), with its fraction in
/// lowest terms and "rounded" only where two decimals do not hold it exactly; the forms it
/// offers are read as right.
#[test]
fn a_wrong_average_is_explained_by_name_in_lowest_terms() {
    let gcd = |mut a: u64, mut b: u64| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let (mut whole, mut rounded) = (0, 0);
    for exercise in every_exercise() {
        let key = key_answer(&exercise);
        for (index, column) in Column::AVERAGED.iter().enumerate() {
            let mut answer = key.clone();
            answer.averages[index] = "999".into();
            let grading = grade(&exercise, &answer);
            let text = explain(&exercise, &grading, Lang::En).unwrap();
            let name = format!("Average {}", column.label(Lang::En).to_lowercase());
            assert!(text.starts_with(&name), "{:?}: {text}", exercise.id);
            let metrics = exercise.run.metrics();
            let n = metrics.processes.len() as u64;
            let sum: u64 = (0..n as u32)
                .map(|pid| {
                    let process = &metrics.processes[pid as usize];
                    match column {
                        Column::Turnaround => process.turnaround,
                        Column::Waiting => process.waiting,
                        _ => process.response,
                    }
                })
                .sum();
            let common = gcd(sum, n);
            let (num, den) = (sum / common, n / common);
            let exact = (sum * 100).is_multiple_of(n);
            assert_eq!(text.contains("rounded"), !exact, "{text}");
            rounded += usize::from(!exact);
            if den == 1 {
                whole += 1;
                assert!(text.contains(&format!("Type it as {num} or")), "{text}");
            } else {
                assert!(
                    text.contains(&format!("a fraction ({num}/{den})")),
                    "{text}"
                );
                let mut retyped = key.clone();
                retyped.averages[index] = format!("{num}/{den}");
                assert_eq!(grade(&exercise, &retyped).averages[index], Verdict::Right);
            }
        }
    }
    // The generated workloads' averages are quarters or fifths: two decimals always hold them.
    assert_eq!(rounded, 0);
    assert!(whole > 0, "a whole average met");
}

/// With empty answers left, the explanation counts the answers marked ✗ as the summary above it
/// does: one that cannot be read is marked ? and said apart (a wrong one and an unreadable one
/// had been summed up as "1 cell is wrong" over "2 answers marked ✗ are wrong").
#[test]
fn an_unreadable_answer_is_not_counted_among_the_wrong_ones() {
    for exercise in every_exercise() {
        let key = key_answer(&exercise);
        let mut answer = proclab_app::practice::grade::Answer {
            rows: vec![Default::default(); key.rows.len()],
            ..Default::default()
        };
        answer.rows[0][col(Column::Completion)] = String::from("9999");
        answer.rows[1][col(Column::Completion)] = String::from("abc");
        let grading = grade(&exercise, &answer);
        assert_eq!(grading.unreadable(), 1, "{:?}", exercise.id);
        let english = explain(&exercise, &grading, Lang::En).unwrap();
        assert!(
            english.starts_with("1 answer marked ✗ is wrong. 1 answer marked ? cannot be read. Fill in the empty ones"),
            "{:?}: {english}",
            exercise.id
        );
        assert!(summary(&grading, Lang::En).contains("1 cell is wrong (marked ✗)."));
        let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
        assert!(
            korean.starts_with("✗ 표시된 답 1개가 틀렸습니다. ? 표시된 답 1개는 읽을 수 없습니다."),
            "{korean}"
        );
    }
}

/// A segment ended too early, its owner right, is explained at the tick where it was ended: who
/// became ready there and why that did not take the CPU (a student who let a tie preempt under
/// SRTF had been told about the segment's start and end, never about the tie).
#[test]
fn a_segment_ended_early_is_explained_where_it_was_ended() {
    let mut ties = 0;
    let mut checked = 0;
    for exercise in every_exercise() {
        let key = exercise.key();
        for (index, segment) in key.iter().enumerate() {
            if !matches!(segment.who, Who::Process(_)) || segment.end - segment.start < 2 {
                continue;
            }
            let mut answer = key_answer(&exercise);
            let early = segment.end - 1;
            answer.segments[index].end = early.to_string();
            let grading = grade(&exercise, &answer);
            assert_eq!(
                grading.first_mistake,
                Some(Mistake::Segment {
                    index,
                    who_wrong: false
                }),
                "{:?}",
                exercise.id
            );
            let english = explain(&exercise, &grading, Lang::En).unwrap();
            assert!(
                english.contains(&format!(
                    "At t={early}, where your segment {} ends, ",
                    index + 1
                )),
                "{:?}: {english}",
                exercise.id
            );
            let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
            assert!(
                korean.contains(&format!("t={early}(구간 {}", index + 1)),
                "{korean}"
            );
            // Said only where the run has someone become ready at that tick: the words follow
            // the trace, not the policy alone.
            let arrivals = exercise
                .run
                .events()
                .iter()
                .filter(|event| event.tick == early && event.to == ProcessState::Ready)
                .filter(|event| matches!(event.cause, Cause::Admitted | Cause::IoCompleted))
                .count();
            assert_eq!(
                english.contains("nothing takes the CPU from")
                    || english.contains("quantum runs out, but no other process is ready"),
                arrivals == 0,
                "{:?}: {english}",
                exercise.id
            );
            if english.contains("equal, and SRTF preempts only for a strictly shorter time") {
                ties += 1;
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
    assert!(ties > 0, "no SRTF tie among the exercises");
}
