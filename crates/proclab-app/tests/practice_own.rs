//! Practice on a workload of one's own: a teacher's or a student's scenario becomes one chart
//! exercise, carried whole by its set link, graded against the engine's run of that very
//! scenario, and refused (with the reason) when the chart exercise cannot ask it.

mod common;
use common::process;
use proclab_app::i18n::Lang;
use proclab_app::practice::exercise::{Difficulty, Exercise, Topic, WorkloadProblem};
use proclab_app::practice::grade::{grade, key_answer, Column, Verdict};
use proclab_app::practice::set::{ExerciseSet, SetError};
use proclab_app::practice::state::PracticeState;
use proclab_app::practice::text::conventions;
use proclab_core::spec::{BurstSpec, PolicySpec, ScenarioSpec};
use proclab_core::{simulate_spec, Convention};

/// Silberschatz's SRTF workload (P1 0/8, P2 1/4, P3 2/9, P4 3/5), named as a teacher might.
fn textbook(policy: PolicySpec) -> ScenarioSpec {
    use BurstSpec::Cpu;
    ScenarioSpec {
        processes: vec![
            process("Editor", 0, &[Cpu(8)]),
            process("Shell", 1, &[Cpu(4)]),
            process("Compiler", 2, &[Cpu(9)]),
            process("Mail", 3, &[Cpu(5)]),
        ],
        policy,
        ..ScenarioSpec::default()
    }
}

fn col(column: Column) -> usize {
    Column::ALL.iter().position(|c| *c == column).unwrap()
}

#[test]
fn a_workload_becomes_one_exercise_whose_key_is_the_engines_run_of_it() {
    let spec = textbook(PolicySpec::Srtf);
    let set = ExerciseSet::of_workload(&spec).expect("an exercise");
    // The link carries the workload whole: a class opening it gets the same exercise.
    let decoded = ExerciseSet::decode(&set.encode()).expect("the link opens");
    assert_eq!(decoded, set);
    let exercises = decoded.exercises();
    assert_eq!(exercises.len(), 1);
    let exercise = &exercises[0];
    assert!(exercise.own);
    assert_eq!(exercise.spec, spec, "the workload as it was, names and all");
    assert_eq!(exercise.id.topic, Topic::Srtf);
    assert_eq!(
        exercise.id.difficulty,
        Difficulty::Medium,
        "no I/O, no switch cost"
    );
    // The key is the engine's run: Silberschatz's average waiting 6.5 (26 / 4).
    let run = simulate_spec(&spec).expect("valid");
    let key = key_answer(exercise);
    let waiting: u64 = key
        .rows
        .iter()
        .map(|row| row[col(Column::Waiting)].parse::<u64>().unwrap())
        .sum();
    assert_eq!(waiting, 26);
    for (pid, row) in key.rows.iter().enumerate() {
        let metrics = &run.metrics().processes[pid];
        assert_eq!(row[col(Column::Completion)], metrics.completion.to_string());
        assert_eq!(row[col(Column::Turnaround)], metrics.turnaround.to_string());
    }
    let grading = grade(exercise, &key);
    assert!(grading.all_fine(), "{:?}", grading.first_mistake);
    // One wrong waiting time is wrong there and only there.
    let mut wrong = key.clone();
    wrong.rows[2][col(Column::Waiting)] = "14".into();
    let grading = grade(exercise, &wrong);
    assert_eq!(grading.rows[2][col(Column::Waiting)], Verdict::Wrong);
    assert_eq!(
        grading
            .rows
            .iter()
            .flatten()
            .filter(|mark| **mark != Verdict::Right)
            .count(),
        1
    );
    // The page's state opens it like any set.
    let state = PracticeState::open(decoded, Default::default());
    assert!(state.exercise().own);
}

#[test]
fn io_or_a_switch_cost_make_it_hard_and_a_changed_convention_replaces_the_default_it_contradicts() {
    use proclab_core::spec::{EntryOrder, RequeueOrder};
    use BurstSpec::{Cpu, Io};
    let mut spec = textbook(PolicySpec::Rr { quantum: 2 });
    spec.processes[0].bursts = vec![Cpu(3), Io(2), Cpu(2)];
    spec.machine.dispatch_latency = 1;
    let plain = Exercise::of_workload(&spec).expect("an exercise");
    assert_eq!(plain.id.difficulty, Difficulty::Hard);
    assert!(plain.has_io());
    let plain_rules = conventions(&plain, Lang::En);
    let requeue_default = "When a quantum ends at the tick another process arrives, the arriving process joins the ready queue first.";
    let io_default = "A process whose I/O ends joins the back of the ready queue (before arrivals of the same tick).";
    assert!(
        plain_rules.iter().any(|rule| rule == requeue_default),
        "{plain_rules:?}"
    );
    assert!(
        plain_rules.iter().any(|rule| rule == io_default),
        "{plain_rules:?}"
    );
    assert!(plain_rules
        .iter()
        .any(|rule| rule.contains("context switch takes 1 tick")));
    // OSTEP's re-entry and arrivals before I/O: each default sentence gives way to the changed rule.
    spec.conventions.requeue_order = RequeueOrder::BeforeArrivals;
    spec.conventions.entry_order = EntryOrder::ArrivalsThenIo;
    let changed = Exercise::of_workload(&spec).expect("an exercise");
    let rules = conventions(&changed, Lang::En);
    assert!(
        !rules.iter().any(|rule| rule == requeue_default),
        "{rules:?}"
    );
    assert!(!rules.iter().any(|rule| rule == io_default), "{rules:?}");
    let differing: Vec<Convention> =
        Convention::differing(changed.run.scenario().conventions()).collect();
    assert_eq!(differing.len(), 2);
    for convention in differing {
        let (label, _) = proclab_app::terms::convention_words(convention, Lang::En);
        assert!(
            rules
                .iter()
                .any(|rule| rule.starts_with("In this exercise: ") && rule.contains(label)),
            "{label} not stated in {rules:?}"
        );
    }
    let grading = grade(&changed, &key_answer(&changed));
    assert!(grading.all_fine(), "{:?}", grading.first_mistake);
    // An I/O completion that takes the CPU: where its victim goes is said too.
    spec.conventions = Default::default();
    spec.conventions.io_completion = proclab_core::spec::IoCompletion::Preempt;
    let exercise = Exercise::of_workload(&spec).expect("an exercise");
    let rules = conventions(&exercise, Lang::En);
    assert!(!rules.iter().any(|rule| rule == io_default), "{rules:?}");
    assert!(
        rules.iter().any(|rule| rule.contains("goes back to the head of the ready queue and later resumes with the rest of its quantum")),
        "{rules:?}"
    );
    // A changed convention that cannot matter here is not stated: no quantum under FCFS.
    let mut fcfs = textbook(PolicySpec::Fcfs);
    fcfs.conventions.requeue_order = RequeueOrder::BeforeArrivals;
    let exercise = Exercise::of_workload(&fcfs).expect("an exercise");
    let rules = conventions(&exercise, Lang::En);
    assert!(
        !rules
            .iter()
            .any(|rule| rule.starts_with("In this exercise: ")),
        "{rules:?}"
    );
}

#[test]
fn a_tie_left_to_the_order_of_the_workload_is_stated() {
    use BurstSpec::Cpu;
    // Two jobs of one length arriving together: FCFS runs them in the order they are listed.
    let tied = ScenarioSpec {
        processes: vec![process("A", 0, &[Cpu(3)]), process("B", 0, &[Cpu(3)])],
        ..ScenarioSpec::default()
    };
    let exercise = Exercise::of_workload(&tied).expect("an exercise");
    assert!(exercise.ties_by_order());
    let rules = conventions(&exercise, Lang::En);
    assert!(
        rules
            .iter()
            .any(|rule| rule.contains("listed first in the workload")),
        "{rules:?}"
    );
    // Staggered arrivals leave nothing to the order.
    let exercise = Exercise::of_workload(&textbook(PolicySpec::Fcfs)).expect("an exercise");
    assert!(!exercise.ties_by_order());
    let rules = conventions(&exercise, Lang::En);
    assert!(!rules
        .iter()
        .any(|rule| rule.contains("listed first in the workload")));
}

#[test]
fn a_workload_the_chart_exercise_cannot_ask_is_refused_with_its_reason() {
    use BurstSpec::Cpu;
    let cases: Vec<(ScenarioSpec, WorkloadProblem)> = vec![
        (
            {
                let mut spec = textbook(PolicySpec::Fcfs);
                spec.machine.cpus = 2;
                spec
            },
            WorkloadProblem::Cpus,
        ),
        (
            textbook(PolicySpec::Mlfq(Default::default())),
            WorkloadProblem::Policy,
        ),
        (
            textbook(PolicySpec::Priority {
                preemptive: true,
                aging_every: Some(2),
                lower_is_higher: true,
            }),
            WorkloadProblem::Aging,
        ),
        (
            proclab_core::presets::preset("race-two-threads")
                .unwrap()
                .spec,
            WorkloadProblem::Programs,
        ),
        (
            {
                let mut spec = textbook(PolicySpec::Fcfs);
                spec.processes[0].bursts = vec![
                    Cpu(2),
                    BurstSpec::Lock("m".into()),
                    Cpu(1),
                    BurstSpec::Unlock("m".into()),
                ];
                spec
            },
            WorkloadProblem::Programs,
        ),
        (
            {
                let mut spec = textbook(PolicySpec::Fcfs);
                spec.machine.cache.enabled = true;
                spec
            },
            WorkloadProblem::Cache,
        ),
        (
            ScenarioSpec {
                processes: (0..11)
                    .map(|index| process(&format!("P{index}"), 0, &[Cpu(1)]))
                    .collect(),
                ..ScenarioSpec::default()
            },
            WorkloadProblem::TooManyProcesses,
        ),
        (
            ScenarioSpec {
                processes: vec![process("Long", 0, &[Cpu(201)])],
                ..ScenarioSpec::default()
            },
            WorkloadProblem::TooLong,
        ),
        (
            textbook(PolicySpec::Sjf {
                prediction: Some(proclab_core::spec::PredictionSpec {
                    alpha_percent: 50,
                    tau0: 10,
                }),
            }),
            WorkloadProblem::Prediction,
        ),
        (
            {
                let mut spec = textbook(PolicySpec::Fcfs);
                spec.machine.kernel_entry_cost = 1;
                spec
            },
            WorkloadProblem::KernelEntry,
        ),
        (ScenarioSpec::default(), WorkloadProblem::Invalid),
    ];
    for (spec, problem) in cases {
        assert_eq!(
            Exercise::of_workload(&spec).err(),
            Some(problem),
            "{:?}",
            spec.policy
        );
        assert_eq!(ExerciseSet::of_workload(&spec).err(), Some(problem));
        for lang in [Lang::Ko, Lang::En] {
            assert!(
                problem.message(lang).len() > 20,
                "{problem:?} said in {lang:?}"
            );
        }
    }
    // A longest accepted run: 200 ticks.
    let edge = ScenarioSpec {
        processes: vec![process("Long", 0, &[Cpu(200)])],
        ..ScenarioSpec::default()
    };
    assert!(Exercise::of_workload(&edge).is_ok());
}

#[test]
fn a_workload_link_is_read_safely_and_old_set_links_keep_their_meaning() {
    let set = ExerciseSet::of_workload(&textbook(PolicySpec::Hrrn)).unwrap();
    let code = set.encode();
    // Cut short or garbled, it is refused, never a panic.
    for cut in [1, code.len() / 2, code.len() - 1] {
        assert!(ExerciseSet::decode(&code[..cut]).is_err());
    }
    // A set link of generated exercises reads as before.
    let generated = ExerciseSet::generated(Topic::Rr, Difficulty::Hard, 7, 3);
    let decoded = ExerciseSet::decode(&generated.encode()).unwrap();
    assert_eq!(decoded, generated);
    assert!(decoded.workloads.is_empty());
    // A link carrying a workload this build would refuse says why.
    let mut two_cpus = textbook(PolicySpec::Fcfs);
    two_cpus.machine.cpus = 2;
    let forged = ExerciseSet {
        exercises: set.exercises.clone(),
        workloads: vec![two_cpus],
        rules: Default::default(),
    };
    assert_eq!(
        ExerciseSet::decode(&forged.encode()),
        Err(SetError::Workload(WorkloadProblem::Cpus))
    );
    // Opened anyway (as the page would from storage), it falls back to its id's exercise.
    assert_eq!(forged.exercises().len(), 1);
}

/// A switch's sentence names the context it saves, and says there is none after an idle CPU or an
/// exit (it had said "saves the old context" where nothing was running).
#[test]
fn a_switch_saves_a_context_only_where_one_was_running() {
    use proclab_app::practice::exercise::Who;
    use proclab_app::practice::explain::decision;
    let mut spec = textbook(PolicySpec::Rr { quantum: 2 });
    spec.processes = vec![
        process("A", 0, &[BurstSpec::Cpu(3)]),
        process("B", 1, &[BurstSpec::Cpu(2)]),
        process("C", 20, &[BurstSpec::Cpu(2)]),
    ];
    spec.machine.dispatch_latency = 1;
    let exercise = Exercise::of_workload(&spec).expect("an exercise");
    let key = exercise.key();
    let said: Vec<(Option<Who>, String)> = (0..key.len())
        .filter(|&index| key[index].who == Who::Switch)
        .map(|index| {
            let before = index.checked_sub(1).map(|before| key[before].who);
            (
                before,
                decision(&exercise, index, Lang::En).expect("a sentence"),
            )
        })
        .collect();
    // A runs 0-2, switch to B; B runs and exits, switch back to A; A exits, the CPU idles until
    // C arrives, switch to C.
    let saving: Vec<&String> = said
        .iter()
        .filter(|(_, text)| text.contains("saves A's context"))
        .map(|(_, text)| text)
        .collect();
    assert_eq!(saving.len(), 1, "{said:#?}");
    let nothing: Vec<&(Option<Who>, String)> = said
        .iter()
        .filter(|(_, text)| text.contains("there is no context to save"))
        .collect();
    assert_eq!(nothing.len(), said.len() - 1, "{said:#?}");
    assert!(
        nothing.iter().any(|(before, _)| *before == Some(Who::Idle)),
        "{said:#?}"
    );
    assert!(
        said.iter()
            .all(|(_, text)| !text.contains("the old context")),
        "{said:#?}"
    );
}

/// An idle CPU's sentence names everyone who becomes ready when it ends, one clause a kind in the
/// order they join the queue: "B and C arrive", "B, C가 도착합니다" (it had said "B arrives, C
/// arrives").
#[test]
fn those_who_arrive_together_are_named_together() {
    use proclab_app::practice::exercise::Who;
    use proclab_app::practice::explain::decision;
    let mut spec = textbook(PolicySpec::Fcfs);
    spec.processes = vec![
        process(
            "A",
            0,
            &[BurstSpec::Cpu(2), BurstSpec::Io(3), BurstSpec::Cpu(1)],
        ),
        process("B", 5, &[BurstSpec::Cpu(2)]),
        process("C", 5, &[BurstSpec::Cpu(1)]),
    ];
    let exercise = Exercise::of_workload(&spec).expect("an exercise");
    let key = exercise.key();
    let idle = (0..key.len())
        .find(|&index| key[index].who == Who::Idle)
        .expect("an idle CPU");
    let english = decision(&exercise, idle, Lang::En).expect("a sentence");
    assert!(
        english.ends_with("at t=5 A's I/O ends and it becomes ready; B and C arrive."),
        "{english}"
    );
    let korean = decision(&exercise, idle, Lang::Ko).expect("a sentence");
    assert!(
        korean.ends_with("t=5에 A의 I/O가 끝나 준비 상태가 됩니다; B, C가 도착합니다."),
        "{korean}"
    );
}

/// A quantum's end says whom the thread lines up behind only where someone arrives at that tick
/// (it had said "behind anything arriving at that tick" where nothing did), and ahead of them
/// under OSTEP's order.
#[test]
fn a_quantum_end_names_the_arrivals_it_queues_behind() {
    use proclab_app::practice::explain::decision;
    // A's quantum ends at t=2, as C arrives (B waits already).
    let mut spec = textbook(PolicySpec::Rr { quantum: 2 });
    spec.processes = vec![
        process("A", 0, &[BurstSpec::Cpu(4)]),
        process("B", 1, &[BurstSpec::Cpu(4)]),
        process("C", 2, &[BurstSpec::Cpu(2)]),
    ];
    let said = |spec: &ScenarioSpec| -> Vec<String> {
        let exercise = Exercise::of_workload(spec).expect("an exercise");
        (0..exercise.key().len())
            .filter_map(|index| decision(&exercise, index, Lang::En))
            .filter(|text| text.contains("runs out"))
            .collect()
    };
    let default = said(&spec);
    assert!(
        default[0].ends_with("At t=2: A's quantum (2) runs out; it goes to the back of the ready queue (behind C, arriving at that tick)."),
        "{default:?}"
    );
    // Later quanta end with nobody arriving: nothing to add.
    assert!(
        default[1..]
            .iter()
            .all(|text| text.ends_with("goes to the back of the ready queue."))
            && default.len() > 1,
        "{default:?}"
    );
    Convention::RequeueBeforeArrivals.set(&mut spec.conventions, true);
    let ostep = said(&spec);
    assert!(
        ostep[0].ends_with("(ahead of C, arriving at that tick)."),
        "{ostep:?}"
    );
}

#[test]
fn one_workload_under_every_policy_is_one_set_whose_link_carries_them_all() {
    let spec = textbook(PolicySpec::Rr { quantum: 3 });
    let set = ExerciseSet::under_every_policy(&spec).expect("exercises");
    let exercises = set.exercises();
    // Equal priorities (all 0) would make Priority FCFS again: not asked.
    let topics: Vec<Topic> = exercises.iter().map(|exercise| exercise.id.topic).collect();
    assert_eq!(
        topics,
        [Topic::Fcfs, Topic::Sjf, Topic::Srtf, Topic::Rr, Topic::Hrrn]
    );
    for exercise in &exercises {
        assert!(exercise.own);
        assert_eq!(exercise.spec.processes, spec.processes, "the same workload");
        // Each is graded against the engine's run of its own policy.
        assert!(grade(exercise, &key_answer(exercise)).all_fine());
    }
    assert_eq!(
        exercises[3].spec.policy,
        PolicySpec::Rr { quantum: 3 },
        "round robin at the workload's own quantum"
    );
    let decoded = ExerciseSet::decode(&set.encode()).expect("the link opens");
    assert_eq!(decoded, set);
    // With priorities that differ, Priority is asked too.
    let mut prioritised = spec.clone();
    for (process, priority) in prioritised.processes.iter_mut().zip([3, 1, 4, 2]) {
        process.priority = priority;
    }
    let set = ExerciseSet::under_every_policy(&prioritised).expect("exercises");
    assert!(set
        .exercises()
        .iter()
        .any(|exercise| exercise.id.topic == Topic::Priority));
    // One workload alone still makes the link it always made.
    let one = ExerciseSet::of_workload(&spec).expect("an exercise");
    assert_eq!(
        ExerciseSet::decode(&one.encode())
            .unwrap()
            .exercises()
            .len(),
        1
    );
    // A workload no policy can ask says why, as one exercise does.
    let mut two_cpus = spec.clone();
    two_cpus.machine.cpus = 2;
    assert_eq!(
        ExerciseSet::under_every_policy(&two_cpus),
        Err(WorkloadProblem::Cpus)
    );
}

#[test]
fn an_average_is_right_rounded_or_cut_off_at_two_places_or_more() {
    // Silberschatz's RR q=4 (P1 24, P2 3, P3 3): average waiting 17/3, which the book prints as
    // 5.66 (cut off) and a calculator rounds to 5.67.
    use BurstSpec::Cpu;
    let workload = ScenarioSpec {
        processes: vec![
            process("P1", 0, &[Cpu(24)]),
            process("P2", 0, &[Cpu(3)]),
            process("P3", 0, &[Cpu(3)]),
        ],
        policy: PolicySpec::Rr { quantum: 4 },
        ..ScenarioSpec::default()
    };
    let set = ExerciseSet::of_workload(&workload).expect("an exercise");
    let exercise = &set.exercises()[0];
    let exact = exercise.run.metrics().totals.average_waiting;
    assert_eq!(u128::from(exact.num) * 3, 17 * u128::from(exact.den));
    let verdict = |typed: &str| {
        let mut answer = key_answer(exercise);
        answer.averages[1] = typed.into();
        grade(exercise, &answer).averages[1]
    };
    for right in [
        "17/3", "34/6", "5.67", "5,67", "5.66", "5.666", "5.667", "5.670", "5.6666",
    ] {
        assert_eq!(verdict(right), Verdict::Right, "{right}");
    }
    for wrong in ["5.7", "5.6", "5.68", "5.65", "5.669", "5.671", "6"] {
        assert_eq!(verdict(wrong), Verdict::Wrong, "{wrong}");
    }
}
