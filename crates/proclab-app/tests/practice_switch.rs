//! The context-switch question of Practice: the PC and registers saved and loaded at one switch,
//! from the core's state, checked against the run's recorded steps and against a small
//! interpreter of `race.s` written here.

mod common;

use proclab_app::i18n::Lang;
use proclab_app::practice::exercise::{Difficulty, Exercise, ExerciseId, Topic};
use proclab_app::practice::explain::{explain, hints, show_span, show_tick, SHOW_LEAD};
use proclab_app::practice::grade::{grade, key_answer, Mistake, Verdict};
use proclab_app::practice::set::{export_csv, export_json, ExerciseSet, Progress};
use proclab_app::practice::state::{PracticeAction, PracticeState};
use proclab_app::practice::switch::{self, key, listing, name, CELLS};
use proclab_app::reduce::Reduce;
use proclab_core::spec::PolicySpec;

fn exercise(difficulty: Difficulty, seed: u64) -> Exercise {
    Exercise::generate(ExerciseId {
        topic: Topic::Switch,
        difficulty,
        seed,
    })
}

const SEEDS: std::ops::Range<u64> = 0..12;

fn every_switch() -> impl Iterator<Item = Exercise> {
    Difficulty::ALL
        .into_iter()
        .flat_map(|difficulty| SEEDS.map(move |seed| exercise(difficulty, seed)))
}

/// `race.s` run here, round robin over the threads in order with `quantum`, one instruction a
/// tick, until tick `until`: each thread's (pc, ax, bx), and per process the counter. Addresses
/// from `start` as the page lists them.
fn interpret(
    lines: &[(u32, String)],
    quantum: u64,
    threads: &[(usize, i64)],
    until: u64,
) -> Vec<(u32, i64, i64)> {
    let start = lines[0].0;
    let text = |pc: u32| lines[(pc - start) as usize].1.as_str();
    let mut state: Vec<(u32, i64, i64, bool)> = threads
        .iter()
        .map(|(_, bx)| (start, 0, *bx, false))
        .collect();
    let mut flags: Vec<i64> = vec![0; threads.len()];
    let mut counters = [0i64; 8];
    let mut queue: std::collections::VecDeque<usize> = (0..threads.len()).collect();
    let mut now = 0;
    'run: while let Some(thread) = queue.pop_front() {
        for _ in 0..quantum {
            if now == until {
                break 'run;
            }
            let process = threads[thread].0;
            let (pc, ax, bx, _) = state[thread];
            let mut next = pc + 1;
            match text(pc) {
                "mov counter, %ax" => state[thread].1 = counters[process],
                "add $1, %ax" => state[thread].1 = ax + 1,
                "mov %ax, counter" => counters[process] = ax,
                "sub $1, %bx" => state[thread].2 = bx - 1,
                "test $0, %bx" => flags[thread] = state[thread].2.signum(),
                "jgt .again" => {
                    if flags[thread] > 0 {
                        next = start;
                    }
                }
                "halt" => state[thread].3 = true,
                other => panic!("not in race.s: {other}"),
            }
            state[thread].0 = next;
            now += 1;
            if state[thread].3 {
                continue 'run;
            }
        }
        queue.push_back(thread);
    }
    state
        .iter()
        .map(|(pc, ax, bx, _)| (*pc, *ax, *bx))
        .collect()
}

#[test]
fn the_key_is_the_context_the_steps_and_an_interpreter_agree_on() {
    for exercise in every_switch() {
        let point = exercise.switch.expect("a switch is asked");
        let run = &exercise.run;
        let PolicySpec::Rr { quantum } = exercise.spec.policy else {
            panic!("round robin");
        };
        let steps = run.program_steps();
        // The outgoing thread ran the tick before and its next step is later; the incoming one
        // runs at the switch's tick.
        assert_eq!(
            steps
                .iter()
                .find(|step| step.tick == point.tick - 1)
                .unwrap()
                .thread,
            point.from
        );
        let incoming = steps.iter().find(|step| step.tick == point.tick).unwrap();
        assert_eq!(incoming.thread, point.to, "{:?}", exercise.id);
        let cells = key(run, point);
        assert_eq!(cells[3], i64::from(incoming.pc));
        let next_out = steps
            .iter()
            .find(|step| step.thread == point.from && step.tick > point.tick)
            .unwrap();
        assert_eq!(cells[0], i64::from(next_out.pc));
        // The same numbers from an interpreter of the listing.
        let threads: Vec<(usize, i64)> = exercise
            .spec
            .processes
            .iter()
            .enumerate()
            .flat_map(|(pid, process)| {
                process.threads.iter().map(move |thread| {
                    let bx = thread.registers.trim_start_matches("bx=").parse().unwrap();
                    (pid, bx)
                })
            })
            .collect();
        let contexts = interpret(&listing(run), quantum, &threads, point.tick);
        let (out, inn) = (contexts[point.from as usize], contexts[point.to as usize]);
        assert_eq!(
            cells,
            [
                i64::from(out.0),
                out.1,
                out.2,
                i64::from(inn.0),
                inn.1,
                inn.2
            ],
            "{:?}",
            exercise.id
        );
        // Harder levels switch to a thread that has run before.
        if exercise.id.difficulty != Difficulty::Easy {
            assert!(steps
                .iter()
                .any(|step| step.thread == point.to && step.tick < point.tick));
        }
    }
}

#[test]
fn the_engines_own_answer_is_graded_all_right() {
    for exercise in every_switch() {
        let key = key_answer(&exercise);
        let grading = grade(&exercise, &key);
        assert!(grading.all_fine(), "{:?}: {:?}", exercise.id, grading);
        assert_eq!(grading.counts(), (CELLS, 0, CELLS));
        assert_eq!(explain(&exercise, &grading, Lang::En), None);
        // The same answer in full-width digits, as a Korean keyboard types them.
        let wide = proclab_app::practice::grade::Answer {
            context: key
                .context
                .iter()
                .map(|cell| common::full_width(cell))
                .collect(),
            ..key.clone()
        };
        assert!(
            grade(&exercise, &wide).all_fine(),
            "{:?}: {:?}",
            exercise.id,
            wide.context
        );
    }
}

#[test]
fn a_wrong_cell_is_marked_there_and_explained_from_the_steps() {
    for exercise in every_switch() {
        let point = exercise.switch.unwrap();
        let run = &exercise.run;
        let right = key_answer(&exercise);
        let (from, to) = (name(run, point.from), name(run, point.to));
        for cell in 0..CELLS {
            let mut typed = right.clone();
            let value: i64 = typed.context[cell].parse().unwrap();
            typed.context[cell] = (value + 1).to_string();
            let grading = grade(&exercise, &typed);
            let marks = grading.context.clone().unwrap();
            for (other, mark) in marks.iter().enumerate() {
                let expected = if other == cell {
                    Verdict::Wrong
                } else {
                    Verdict::Right
                };
                assert_eq!(*mark, expected);
            }
            assert_eq!(grading.first_mistake, Some(Mistake::Context { cell }));
            assert_eq!(show_tick(&exercise, Some(&grading)), point.tick);
            // Before Check, Show plays up to the switch asked about as well.
            assert_eq!(
                show_span(&exercise, None),
                Some((point.tick.saturating_sub(SHOW_LEAD), point.tick))
            );
            let english = explain(&exercise, &grading, Lang::En).unwrap();
            let korean = explain(&exercise, &grading, Lang::Ko).unwrap();
            assert!(korean.contains(&format!("t={}", point.tick)), "{korean}");
            let steps = run.program_steps();
            match cell {
                0 => {
                    let last = steps
                        .iter()
                        .rfind(|step| step.thread == point.from && step.tick < point.tick)
                        .unwrap();
                    assert!(
                        english.starts_with(&format!(
                            "At t={} {from}'s quantum ran out. The last instruction it ran was `{}` ({}) during tick {}",
                            point.tick,
                            switch::instruction(run, point.from, last.pc),
                            last.pc,
                            last.tick
                        )),
                        "{english}"
                    );
                    assert!(
                        english.contains(&format!("{} (`", right.context[0])),
                        "{english}"
                    );
                }
                3 => {
                    let before = steps
                        .iter()
                        .any(|step| step.thread == point.to && step.tick < point.tick);
                    let expected = if before {
                        format!("{to} was switched out at t=")
                    } else {
                        format!("{to} has not run before t={}", point.tick)
                    };
                    assert!(english.starts_with(&expected), "{english}");
                }
                _ => {
                    let register = if cell % 3 == 1 { "%ax" } else { "%bx" };
                    let value = &right.context[cell];
                    assert!(
                        english.contains(&format!("{register} = {value}: ")),
                        "{english}"
                    );
                    let who = if cell < 3 { &from } else { &to };
                    assert!(
                        english.starts_with(&format!("At t={} {who}'s registers are", point.tick)),
                        "{english}"
                    );
                }
            }
        }
    }
}

#[test]
fn hints_reveal_the_instructions_one_at_a_time() {
    for exercise in every_switch() {
        let point = exercise.switch.unwrap();
        let steps: Vec<_> = exercise
            .run
            .program_steps()
            .iter()
            .filter(|step| step.tick < point.tick)
            .collect();
        assert_eq!(exercise.hint_count(), steps.len());
        let shown = hints(&exercise, 2, Lang::En);
        assert_eq!(shown.len(), 2);
        assert!(
            shown[0].starts_with(&format!("1. Tick {}: ", steps[0].tick)),
            "{}",
            shown[0]
        );
        assert_eq!(hints(&exercise, usize::MAX, Lang::Ko).len(), steps.len());
    }
}

#[test]
fn generation_is_deterministic_and_levels_grow() {
    let mut seen = std::collections::BTreeSet::new();
    for exercise in every_switch() {
        let again = Exercise::generate(exercise.id);
        assert_eq!(again.spec, exercise.spec);
        assert_eq!(again.switch, exercise.switch);
        seen.insert(format!("{:?} {:?}", exercise.spec, exercise.switch));
        let (processes, threads) = switch::shape(exercise.id.difficulty);
        assert_eq!(exercise.spec.processes.len(), processes);
        assert_eq!(exercise.run.scenario().threads().len(), processes * threads);
    }
    assert!(seen.len() > 30, "{}", seen.len());
}

#[test]
fn typed_text_is_kept_exports_carry_the_cells_and_links_keep_their_meaning() {
    let id = ExerciseId {
        topic: Topic::Switch,
        difficulty: Difficulty::Easy,
        seed: 2,
    };
    let set = ExerciseSet {
        workloads: Vec::new(),
        rules: Default::default(),
        exercises: vec![id],
    };
    assert_eq!(ExerciseSet::decode(&set.encode()), Ok(set.clone()));
    let state = PracticeState::open(set.clone(), Progress::default());
    assert_eq!(state.answer().context.len(), CELLS);
    let state = state
        .reduce(PracticeAction::SetContext(2, "x1".into()))
        .unwrap()
        .reduce(PracticeAction::Check)
        .unwrap();
    assert_eq!(state.answer().context[2], "x1");
    let grading = state.grading.clone().unwrap();
    assert_eq!(grading.context.as_ref().unwrap()[2], Verdict::NotANumber);
    assert_eq!(grading.first_mistake, Some(Mistake::Context { cell: 0 }));
    let exercise = Exercise::generate(id);
    let mut answer = key_answer(&exercise);
    answer.context[4] = "oops".into();
    let progress = Progress {
        answers: vec![answer.clone()],
        hints: vec![0],
        ..Default::default()
    };
    let csv = export_csv(&set, &progress, "");
    assert!(
        csv.contains("1,switch,easy,2,loaded %ax,oops,not_a_number"),
        "{csv}"
    );
    assert!(
        csv.contains(&format!(
            "1,switch,easy,2,saved pc,{},right",
            answer.context[0]
        )),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&export_json(&set, &progress, "")).unwrap();
    assert_eq!(json["exercises"][0]["topic"], "switch");
    assert_eq!(json["exercises"][0]["cells"], CELLS);
    assert_eq!(json["exercises"][0]["right"], CELLS - 1);
    let grading = grade(&exercise, &answer);
    let english = explain(&exercise, &grading, Lang::En).unwrap();
    assert!(english.starts_with("A PC is an address"), "{english}");
    // The topics after the racing counter, in order; links made before them still open.
    let race = Topic::ALL.iter().position(|t| *t == Topic::Race).unwrap();
    assert_eq!(Topic::ALL[race + 1], Topic::Switch);
    assert_eq!(Topic::from_code("switch"), Some(Topic::Switch));
    let old_race = ExerciseSet::decode("AAEGAAU").unwrap();
    assert_eq!(old_race.exercises[0].topic, Topic::Race);
    let old_hrrn = ExerciseSet::decode("AAIFASoFASs").unwrap();
    assert_eq!(old_hrrn.exercises[0].topic, Topic::Hrrn);
}
