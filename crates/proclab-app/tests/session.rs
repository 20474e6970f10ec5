//! The page's state without a browser: the draft's conversions, edits as data, the reducer, and
//! where each problem is shown. Each bug fixed in the reshape has its test here.

use proclab_app::draft::{Draft, FieldId};
use proclab_app::edit::{Edit, Flag, Levels};
use proclab_app::lang::Lang;
use proclab_app::messages::{error_field, scenario_error};
use proclab_app::reduce::Reduce;
use proclab_app::session::{Action, Notice, Session};
use proclab_app::share;
use proclab_core::spec::{BurstSpec, PolicySpec, ProcessSpec, QueueSpec, ScenarioSpec, ThreadSpec};
use proclab_core::{simulate_spec, PolicyKind, QueueKind, ScenarioError};

fn process(name: &str, class: u32, bursts: &[u64]) -> ProcessSpec {
    ProcessSpec {
        name: name.into(),
        class,
        bursts: BurstSpec::alternating(bursts),
        ..ProcessSpec::default()
    }
}

fn mlq(queues: Vec<QueueSpec>) -> ScenarioSpec {
    ScenarioSpec {
        processes: vec![
            process("A", 0, &[5]),
            process("B", 1, &[3]),
            process("C", 2, &[4]),
        ],
        policy: PolicySpec::Mlq { queues },
        ..ScenarioSpec::default()
    }
}

fn every_queue_mix() -> Vec<Vec<QueueSpec>> {
    let kinds = [
        QueueSpec::Rr { quantum: 3 },
        QueueSpec::Fcfs,
        QueueSpec::Sjf,
    ];
    let mut mixes = Vec::new();
    for a in kinds {
        for b in kinds {
            for c in kinds {
                mixes.push(vec![a, b, c]);
            }
        }
    }
    mixes
}

fn start(spec: &ScenarioSpec) -> Session {
    Session::start(Lang::En, "", Some(Draft::from_spec(spec)), None)
}

fn act(session: &Session, action: Action) -> Session {
    session
        .reduce(action)
        .expect("the action changes the session")
}

/// `session` with the example `id` loaded from the menu, its banner up.
fn load_example(session: &Session, id: &str) -> Session {
    let preset = proclab_core::presets::preset(id).unwrap();
    act(
        session,
        Action::Load(Box::new(preset.spec), Some(Notice::Preset(preset.id))),
    )
}

#[test]
fn every_mlq_queue_survives_spec_to_draft_to_spec() {
    for queues in every_queue_mix() {
        let spec = mlq(queues.clone());
        assert_eq!(
            Draft::from_spec(&spec).to_spec().unwrap(),
            spec,
            "{queues:?}"
        );
    }
}

#[test]
fn every_mlq_queue_survives_file_page_link_page() {
    for queues in every_queue_mix() {
        let spec = mlq(queues.clone());
        let file = serde_json::to_string(&spec).unwrap();
        let from_file: ScenarioSpec = serde_json::from_str(&file).unwrap();
        let page = Draft::from_spec(&from_file).to_spec().unwrap();
        let link = share::encode(&page, Lang::Ko);
        let opened = Session::start(Lang::En, &link, None, None);
        assert_eq!(opened.notice, Some(Notice::LinkOpened));
        assert_eq!(opened.draft.to_spec().unwrap(), spec, "{queues:?}");
        assert_eq!(opened.spec.as_deref(), Some(&spec));
    }
}

#[test]
fn an_sjf_queue_can_be_chosen_in_the_editor_and_runs_as_sjf() {
    let session = start(&mlq(vec![
        QueueSpec::Rr { quantum: 2 },
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
    ]));
    let session = act(&session, Action::Edit(Edit::QueueKind(1, QueueKind::Sjf)));
    let spec = session.spec.as_deref().expect("still valid");
    assert_eq!(
        spec.policy,
        PolicySpec::Mlq {
            queues: vec![
                QueueSpec::Rr { quantum: 2 },
                QueueSpec::Sjf,
                QueueSpec::Fcfs
            ]
        }
    );
    // A queue turned back to round robin gets a quantum to start from.
    let session = act(&session, Action::Edit(Edit::QueueKind(2, QueueKind::Rr)));
    assert_eq!(session.draft.policy.mlq_queues[2].quantum, "4");
}

#[test]
fn autosaves_from_before_queue_kinds_still_open() {
    let old = r#"{"processes":[],"policy":{"kind":"mlq","mlq_queues":[{"quantum":"4","allotment":""},{"quantum":"","allotment":""}]}}"#;
    let draft: Draft = serde_json::from_str(old).unwrap();
    let kinds: Vec<QueueKind> = draft.policy.mlq_queues.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, [QueueKind::Rr, QueueKind::Fcfs]);
    assert_eq!(draft.policy.kind, PolicyKind::Mlq);
}

#[test]
fn a_zero_mlq_quantum_is_marked_on_that_queue() {
    let session = start(&mlq(vec![
        QueueSpec::Fcfs,
        QueueSpec::Rr { quantum: 2 },
        QueueSpec::Fcfs,
    ]));
    let session = act(
        &session,
        Action::Edit(Edit::Text(FieldId::QueueQuantum(1), "0".into())),
    );
    let fields: Vec<FieldId> = session.field_messages().iter().map(|m| m.field).collect();
    assert_eq!(fields, [FieldId::QueueQuantum(1)]);
    // The same error under MLFQ belongs to the level's field.
    assert_eq!(
        error_field(
            &ScenarioError::QuantumZero { level: Some(1) },
            PolicyKind::Mlfq
        ),
        FieldId::LevelQuantum(1)
    );
}

#[test]
fn a_field_cleared_after_a_value_was_watched_says_the_run_is_from_before_it() {
    let spec = proclab_core::presets::preset("switch-processes")
        .unwrap()
        .spec;
    let session = start(&spec);
    let three = act(
        &session,
        Action::Edit(Edit::Text(FieldId::Cpus, "3".into())),
    );
    assert_eq!(three.showing_run_before(), None, "3 CPUs is valid");
    let cleared = act(&three, Action::Edit(Edit::Text(FieldId::Cpus, "".into())));
    // The run shown is the one from before the field was touched, and the banner can say so.
    assert_eq!(cleared.spec, session.spec);
    assert_eq!(cleared.showing_run_before(), Some(FieldId::Cpus));
    // A problem in a field not being typed into shows the last valid run.
    let other = act(
        &three,
        Action::Edit(Edit::Text(FieldId::Bursts(0), "2 io".into())),
    );
    assert_eq!(other.showing_run_before(), None);
    assert_eq!(other.spec, three.spec);
    // Typing a valid value into another field while that problem stands: the run shown is the
    // last valid one, and the banner does not blame the field typed into.
    let valid_elsewhere = act(
        &other,
        Action::Edit(Edit::Text(FieldId::DispatchLatency, "1".into())),
    );
    assert!(valid_elsewhere.problems.is_some());
    assert_eq!(valid_elsewhere.showing_run_before(), None);
}

#[test]
fn problems_are_listed_in_the_order_of_the_page() {
    let spec = proclab_core::presets::preset("rr-silberschatz")
        .unwrap()
        .spec;
    let mut session = start(&spec);
    // Typed bottom up: a burst list that cannot be read, then a quantum of 0 above it.
    for (field, text) in [
        (FieldId::Bursts(2), "3 io"),
        (FieldId::Arrival(1), "x"),
        (FieldId::Quantum, "0"),
    ] {
        session = act(&session, Action::Edit(Edit::Text(field, text.into())));
    }
    let fields: Vec<FieldId> = session.field_messages().iter().map(|m| m.field).collect();
    assert_eq!(
        fields,
        [FieldId::Quantum, FieldId::Arrival(1), FieldId::Bursts(2)]
    );
}

#[test]
fn an_oversized_stack_is_reported_on_the_stack_field() {
    let mut spec = ScenarioSpec {
        processes: vec![ProcessSpec {
            name: "P1".into(),
            threads: vec![
                ThreadSpec {
                    bursts: BurstSpec::alternating(&[2]),
                    ..ThreadSpec::default()
                },
                ThreadSpec {
                    bursts: BurstSpec::alternating(&[2]),
                    stack: u32::MAX,
                    ..ThreadSpec::default()
                },
            ],
            ..ProcessSpec::default()
        }],
        ..ScenarioSpec::default()
    };
    let Err(errors) = simulate_spec(&spec) else {
        panic!("the stack is too large")
    };
    assert!(matches!(
        errors[..],
        [ScenarioError::StackTooLarge {
            process: 0,
            thread: 1,
            ..
        }]
    ));
    let session = start(&ScenarioSpec::default());
    let session = act(&session, Action::Load(Box::new(spec.clone()), None));
    let fields: Vec<FieldId> = session.field_messages().iter().map(|m| m.field).collect();
    assert_eq!(fields, [FieldId::ThreadStack(0, 1)]);
    // A refill cost too large is marked on the refill field, not on the dispatch latency.
    spec.processes[0].threads[1].stack = 1;
    spec.machine.cache.refill_per_unit = u64::MAX;
    let session = act(&session, Action::Load(Box::new(spec), None));
    let fields: Vec<FieldId> = session.field_messages().iter().map(|m| m.field).collect();
    assert_eq!(fields, [FieldId::CacheRefill]);
}

#[test]
fn a_removed_process_comes_back_with_undo() {
    let session = start(&mlq(vec![
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
    ]));
    let before = session.draft.clone();
    let removed = act(&session, Action::Edit(Edit::RemoveProcess(1)));
    assert_eq!(removed.draft.processes.len(), 2);
    assert_eq!(removed.notice, Some(Notice::Removed("B".into())));
    assert!(removed.notice.as_ref().unwrap().can_undo());
    let restored = act(&removed, Action::Undo);
    assert_eq!(restored.draft, before);
    assert!(restored.reduce(Action::Undo).is_none(), "undo happens once");
}

#[test]
fn a_link_followed_in_the_tab_opens_its_scenario_and_undo_brings_the_workspace_back() {
    let mine = mlq(vec![QueueSpec::Fcfs, QueueSpec::Fcfs]);
    let session = start(&mine);
    let before = session.draft.clone();
    let edits = session.edits;
    let mut theirs = mine.clone();
    theirs.policy = PolicySpec::Rr { quantum: 5 };
    theirs.processes.truncate(1);
    let link = share::encode(&theirs, Lang::Ko);
    let followed = act(&session, Action::FollowLink(link.clone()));
    assert_eq!(followed.spec.as_deref(), Some(&theirs));
    assert_eq!(followed.notice, Some(Notice::LinkOpenedOver));
    assert!(followed.notice.as_ref().unwrap().can_undo());
    assert_eq!(followed.lang, Lang::En, "the page keeps its language");
    assert_eq!(followed.edits, edits, "no edit: the saved workspace stays");
    assert!(
        followed.reduce(Action::FollowLink(link)).is_none(),
        "the link of the scenario on screen changes nothing"
    );
    assert!(followed
        .reduce(Action::FollowLink(String::from("#/learn/states")))
        .is_none());
    assert_eq!(act(&followed, Action::Undo).draft, before);
    // A broken link says so and keeps the workspace.
    let broken = act(
        &session,
        Action::FollowLink(String::from("#/?s=V5notalink")),
    );
    assert!(matches!(broken.notice, Some(Notice::LinkBroken(_))));
    assert_eq!(broken.draft, before);
}

#[test]
fn an_examples_lesson_says_it_describes_the_example_as_loaded_once_it_is_edited() {
    let preset = proclab_core::presets::preset("fcfs-convoy").unwrap();
    let loaded = act(
        &start(&ScenarioSpec::default()),
        Action::Load(
            Box::new(preset.spec.clone()),
            Some(Notice::Preset(preset.id)),
        ),
    );
    assert_eq!(loaded.notice, Some(Notice::Preset(preset.id)));
    let edited = act(
        &loaded,
        Action::Edit(Edit::Text(FieldId::Bursts(0), "2".into())),
    );
    assert_eq!(edited.notice, Some(Notice::PresetEdited(preset.id)));
    let (_, words) = proclab_app::messages::notice_text(edited.notice.as_ref().unwrap(), Lang::En);
    assert!(
        words.contains(" (changed since it was loaded, so the figures below may no longer match the results): "),
        "{words}"
    );
    assert!(
        words.contains("average waiting 17"),
        "the lesson itself stays: {words}"
    );
    assert!(!edited.notice.as_ref().unwrap().can_undo());
    // Typed back as it was, the lesson holds again.
    let original = loaded.draft.processes[0].bursts.clone();
    let back = act(
        &edited,
        Action::Edit(Edit::Text(FieldId::Bursts(0), original)),
    );
    assert_eq!(back.notice, Some(Notice::Preset(preset.id)));
}

/// An edited example whose run no longer ends as its lesson says, deadlocked or not, says how
/// it ends now (the deadlock example fixed by taking the locks in order had kept its lesson of
/// a deadlock with no word that the deadlock was gone).
#[test]
fn an_edited_examples_lesson_is_followed_by_how_the_run_ends_now_when_a_deadlock_comes_or_goes() {
    use proclab_app::session::LessonNow;
    let load = |id: &str| load_example(&start(&ScenarioSpec::default()), id);
    let program_of = |session: &Session| session.draft.processes[0].program.clone();
    let (deadlocking, ordered) = (
        load("deadlock-two-locks"),
        load("deadlock-two-locks-ordered"),
    );
    assert_eq!(
        deadlocking.lesson_now(),
        None,
        "as loaded, the lesson holds"
    );

    // The deadlock example given the ordered program: its lesson is stale and the deadlock gone.
    let fixed = act(
        &deadlocking,
        Action::Edit(Edit::Text(FieldId::Program(0), program_of(&ordered))),
    );
    assert!(fixed.notice.as_ref().unwrap().is_stale());
    let end = fixed.simulation.as_ref().unwrap().run.end_tick();
    assert_eq!(fixed.lesson_now(), Some(LessonNow::Finishes(end)));
    let words = proclab_app::messages::lesson_now(fixed.lesson_now().unwrap(), Lang::En);
    assert!(
        words.contains("no longer deadlocks") && words.contains(&format!("t={end}")),
        "{words}"
    );
    let korean = proclab_app::messages::lesson_now(fixed.lesson_now().unwrap(), Lang::Ko);
    assert!(korean.contains("교착 상태가 없습니다"), "{korean}");

    // While the program cannot be read, nothing is said of a run that is not the draft's.
    let broken = act(
        &fixed,
        Action::Edit(Edit::Text(FieldId::Program(0), "lock nowhere".into())),
    );
    assert!(broken.problems.is_some());
    assert_eq!(broken.lesson_now(), None);

    // The ordered example given the crossed program now deadlocks.
    let crossed = act(
        &ordered,
        Action::Edit(Edit::Text(FieldId::Program(0), program_of(&deadlocking))),
    );
    let end = crossed.simulation.as_ref().unwrap().run.end_tick();
    assert_eq!(crossed.lesson_now(), Some(LessonNow::Deadlocks(end)));

    // An edit that keeps the deadlock (a line never reached) says nothing more than the stale
    // lesson.
    let slower = act(
        &deadlocking,
        Action::Edit(Edit::Text(
            FieldId::Program(0),
            format!("{}\nnop", program_of(&deadlocking).trim_end()),
        )),
    );
    assert!(slower.notice.as_ref().unwrap().is_stale());
    assert_eq!(slower.lesson_now(), None);
}

/// Undo brings back an edited example with how it was loaded: it is not compared with the
/// example opened over it (an edited mutex example, a deadlock example over it, then Undo, had
/// said "no longer deadlocks" of a run that never had).
#[test]
fn undo_compares_an_edited_example_with_itself_as_loaded() {
    let load = load_example;
    let ordered = load(
        &start(&ScenarioSpec::default()),
        "deadlock-two-locks-ordered",
    );
    let program = ordered.draft.processes[0].program.clone();
    let edited = act(
        &ordered,
        Action::Edit(Edit::Text(
            FieldId::Program(0),
            format!("{}\nnop", program.trim_end()),
        )),
    );
    assert!(edited.notice.as_ref().unwrap().is_stale());
    assert_eq!(edited.lesson_now(), None, "still no deadlock, as loaded");
    let over = load(&edited, "deadlock-two-locks");
    let back = act(&over, Action::Undo);
    assert!(
        back.notice.as_ref().unwrap().is_stale(),
        "{:?}",
        back.notice
    );
    assert_eq!(back.draft, edited.draft);
    assert_eq!(back.lesson_now(), None);
}

/// A bounded buffer whose `empty` starts at 0 stops with both threads waiting on semaphores
/// nobody will signal: no cycle, which the results and the Learn page do not call a deadlock,
/// and neither does the line after the example's stale lesson (it had said "deadlock").
#[test]
fn an_edited_example_stuck_on_no_cycle_is_not_said_to_deadlock() {
    use proclab_app::session::LessonNow;
    let loaded = load_example(
        &start(&ScenarioSpec::default()),
        "producer-consumer-semaphores",
    );
    let (index, process) = loaded
        .draft
        .processes
        .iter()
        .enumerate()
        .find(|(_, process)| process.program.contains(".sem empty 3"))
        .expect("a process declares empty");
    let starved = act(
        &loaded,
        Action::Edit(Edit::Text(
            FieldId::Program(index),
            process.program.replace(".sem empty 3", ".sem empty 0"),
        )),
    );
    let run = &starved.simulation.as_ref().unwrap().run;
    assert!(matches!(
        run.end(),
        proclab_core::program::RunEnd::Deadlock { .. }
    ));
    assert!(!proclab_app::chart::text::waits_close_a_circle(run));
    let end = run.end_tick();
    assert_eq!(starved.lesson_now(), Some(LessonNow::Stuck(end)));
    let words = proclab_app::messages::lesson_now(LessonNow::Stuck(end), Lang::En);
    assert!(
        words.contains(&format!("gets stuck at t={end}")) && words.contains("not a deadlock"),
        "{words}"
    );
    let korean = proclab_app::messages::lesson_now(LessonNow::Stuck(end), Lang::Ko);
    assert!(korean.contains("교착 상태는 아닙니다"), "{korean}");
}

#[test]
fn handing_back_to_the_policy_sets_the_choices_aside_for_undo() {
    let mut spec = proclab_core::presets::preset("race-two-threads")
        .unwrap()
        .spec;
    spec.schedule = Some(proclab_core::ScheduleSpec {
        threads: vec![0, 1, 1],
        repeat: false,
    });
    let scheduled = start(&spec);
    let handed_back = act(&scheduled, Action::Edit(Edit::Schedule(None)));
    assert_eq!(handed_back.draft.schedule, None);
    assert_eq!(handed_back.notice, Some(Notice::ScheduleSetAside(3)));
    assert!(handed_back.notice.as_ref().unwrap().can_undo());
    let (_, words) =
        proclab_app::messages::notice_text(handed_back.notice.as_ref().unwrap(), Lang::En);
    assert_eq!(
        words,
        "The policy schedules again. Undo brings back your 3 choices."
    );
    let back = act(&handed_back, Action::Undo);
    assert_eq!(back.draft.schedule, scheduled.draft.schedule);
    // Over the example's lesson too: the choices' Undo is what the banner offers.
    let id = proclab_core::presets::preset("race-two-threads")
        .unwrap()
        .id;
    let example = act(
        &start(&ScenarioSpec::default()),
        Action::Load(Box::new(spec.clone()), Some(Notice::Preset(id))),
    );
    assert_eq!(example.notice, Some(Notice::Preset(id)));
    let handed_back = act(&example, Action::Edit(Edit::Schedule(None)));
    assert_eq!(handed_back.notice, Some(Notice::ScheduleSetAside(3)));
    // Scheduling by hand again takes the old choices' Undo away (it would throw the new ones
    // away), and the example's banner comes back.
    let again = act(
        &handed_back,
        Action::Edit(Edit::Schedule(Some(proclab_core::ScheduleSpec {
            threads: vec![1],
            repeat: false,
        }))),
    );
    assert_eq!(again.notice, Some(Notice::Preset(id)));
    assert_eq!(again.previous, None);
    // The choices brought back into the workload as edited since (what the note beside the
    // scheduler does): the edit stays.
    let renamed = act(
        &handed_back,
        Action::Edit(Edit::Text(FieldId::Name(0), "Counter".into())),
    );
    let brought = act(
        &renamed,
        Action::Edit(Edit::Schedule(
            handed_back.previous.as_ref().unwrap().schedule.clone(),
        )),
    );
    assert_eq!(brought.draft.schedule, example.draft.schedule);
    assert_eq!(brought.draft.processes[0].name, "Counter");
    // Leaving before any choice sets nothing aside.
    spec.schedule = Some(proclab_core::ScheduleSpec {
        threads: Vec::new(),
        repeat: false,
    });
    let empty = act(&start(&spec), Action::Edit(Edit::Schedule(None)));
    assert_eq!(empty.notice, None);
}

#[test]
fn a_learn_pages_own_example_is_named_in_the_banner_and_said_edited_after_a_change() {
    let spec = proclab_core::presets::preset("fcfs-convoy").unwrap().spec;
    let lesson = Notice::Lesson {
        title: ["PCB 살펴보기", "Inspect the PCBs"],
        lesson: ["상태를 보세요.", "Watch the states."],
        edited: false,
    };
    let loaded = act(
        &start(&ScenarioSpec::default()),
        Action::Load(Box::new(spec), Some(lesson.clone())),
    );
    assert_eq!(loaded.notice, Some(lesson));
    let (error, words) =
        proclab_app::messages::notice_text(loaded.notice.as_ref().unwrap(), Lang::Ko);
    assert!(!error);
    assert_eq!(words, "배우기의 예제 “PCB 살펴보기”: 상태를 보세요.");
    let edited = act(
        &loaded,
        Action::Edit(Edit::Text(FieldId::Bursts(0), "2".into())),
    );
    let (_, words) = proclab_app::messages::notice_text(edited.notice.as_ref().unwrap(), Lang::En);
    assert!(
        words.starts_with(
            "Learn's example “Inspect the PCBs” (changed since it was loaded, so the figures below may no longer match the results): "
        ),
        "{words}"
    );
    assert!(words.ends_with("Watch the states."), "{words}");
    assert!(edited.notice.as_ref().unwrap().is_stale());
    assert!(!loaded.notice.as_ref().unwrap().is_stale());
}

#[test]
fn an_unknown_instruction_is_named_as_typed_on_its_process_row() {
    let mut spec = proclab_core::presets::preset("race-two-threads")
        .unwrap()
        .spec;
    spec.processes[0].program =
        String::from(".var counter\n.main\n  mvo counter, %ax  # load\nhalt\n");
    let session = start(&spec);
    let messages = session.field_messages();
    let row = messages
        .iter()
        .find(|message| message.field == FieldId::Program(0))
        .expect("the program's problem is on its row");
    assert!(
        row.text.contains("line 3: unknown instruction."),
        "{}",
        row.text
    );
    assert!(
        row.text
            .contains("“mvo” is not an instruction of this language: did you mean mov?"),
        "{}",
        row.text
    );
    // The process as the student named it.
    let name = &spec.processes[0].name;
    assert!(
        row.text
            .starts_with(&format!("Program of {name} (process 1), line 3")),
        "{}",
        row.text
    );
}

#[test]
fn a_mistyped_label_is_quoted_on_its_process_row_with_the_label_meant() {
    let mut spec = proclab_core::presets::preset("race-two-threads")
        .unwrap()
        .spec;
    spec.processes[0].program = String::from(
        ".var counter\n.main\n.again\nmov counter, %ax\nsub $1, %bx\ntest $0, %bx\njgt .agian\nhalt\n",
    );
    let session = start(&spec);
    let row = session
        .field_messages()
        .into_iter()
        .find(|message| message.field == FieldId::Program(0))
        .expect("the program's problem is on its row");
    assert!(
        row.text
            .contains("line 7: operand 1: no line defines this label.")
            && row
                .text
                .ends_with("You typed “.agian”: did you mean .again?"),
        "{}",
        row.text
    );
}

#[test]
fn a_word_from_another_assembly_gets_the_instruction_it_means_here() {
    use proclab_app::program_words::not_an_instruction;
    let en = |word: &str| not_an_instruction(word, Lang::En);
    assert!(en("jmp").ends_with("did you mean j?"), "{}", en("jmp"));
    assert!(en("cmp").ends_with("did you mean test?"), "{}", en("cmp"));
    assert!(en("MOV").ends_with("did you mean mov?"), "{}", en("MOV"));
    assert!(en("jnz").ends_with("did you mean jne?"), "{}", en("jnz"));
    // A typo one edit from an instruction gets it; a word far from all gets no guess.
    assert!(en("mvo").ends_with("did you mean mov?"), "{}", en("mvo"));
    assert!(en("frob").ends_with("not an instruction of this language."));
    let ko = not_an_instruction("jmp", Lang::Ko);
    assert!(ko.ends_with("혹시 j인가요?"), "{ko}");
}

#[test]
fn rows_keep_their_keys_when_others_are_removed_or_moved() {
    let session = start(&mlq(vec![
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
    ]));
    let keys = |s: &Session| s.draft.processes.iter().map(|p| p.key).collect::<Vec<_>>();
    let [a, b, c] = keys(&session)[..] else {
        panic!()
    };
    let session = act(&session, Action::Edit(Edit::RemoveProcess(0)));
    assert_eq!(keys(&session), [b, c]);
    let session = act(&session, Action::Edit(Edit::AddProcess));
    let session = act(&session, Action::Edit(Edit::DuplicateProcess(0)));
    let now = keys(&session);
    assert_eq!(now.len(), 4);
    assert!(
        !now[1..].contains(&a) && !now[2..].contains(&b),
        "new rows get new keys: {now:?}"
    );
    let session = act(&session, Action::Edit(Edit::MoveDown(0)));
    assert_eq!(keys(&session)[1], b);
}

#[test]
fn edits_count_and_no_op_edits_change_nothing() {
    let session = start(&mlq(vec![
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
    ]));
    assert_eq!(session.edits, 0, "opening a session is not an edit");
    let same = Edit::Text(FieldId::Name(0), "A".into());
    assert!(session.reduce(Action::Edit(same)).is_none());
    let out_of_range = Edit::RemoveThread(7, 0);
    assert!(session.reduce(Action::Edit(out_of_range)).is_none());
    let next = act(&session, Action::Edit(Edit::Flag(Flag::Cache, true)));
    assert_eq!(next.edits, 1);
    let next = act(&next, Action::Edit(Edit::AddLevel(Levels::MlqQueues)));
    assert_eq!(next.draft.policy.mlq_queues.len(), 4);
    assert_eq!(next.edits, 2);
}

#[test]
fn a_name_taken_by_another_process_is_refused_at_its_field_and_kept() {
    let session = start(&mlq(vec![
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
    ]));
    let twice = act(
        &session,
        Action::Edit(Edit::Text(FieldId::Name(2), "A".into())),
    );
    assert_eq!(twice.draft.processes[2].name, "A");
    let problems = twice.problems.as_ref().expect("a problem");
    assert_eq!(
        problems.scenario,
        vec![ScenarioError::DuplicateName {
            process: 2,
            thread: None,
            first: 0
        }]
    );
    assert_eq!(
        error_field(&problems.scenario[0], PolicyKind::Mlq),
        FieldId::Name(2)
    );
    let en = scenario_error(&problems.scenario[0], Lang::En);
    assert!(
        en.starts_with("Process 3 has the same name as process 1"),
        "{en}"
    );
    let ko = scenario_error(&problems.scenario[0], Lang::Ko);
    assert!(
        ko.starts_with("3번 프로세스의 이름이 1번 프로세스와 같습니다"),
        "{ko}"
    );
}

#[test]
fn a_process_added_or_duplicated_gets_a_name_no_other_has() {
    let mut spec = mlq(vec![QueueSpec::Fcfs]);
    for (index, process) in spec.processes.iter_mut().enumerate() {
        process.name = format!("P{}", index + 1);
        process.class = 0;
    }
    let session = start(&spec);
    let session = act(&session, Action::Edit(Edit::RemoveProcess(1)));
    let session = act(&session, Action::Edit(Edit::AddProcess));
    let session = act(&session, Action::Edit(Edit::DuplicateProcess(0)));
    let names: Vec<&str> = session
        .draft
        .processes
        .iter()
        .map(|process| process.name.as_str())
        .collect();
    assert_eq!(names, ["P1", "P5", "P3", "P4"]);
    assert!(session.problems.is_none(), "{:?}", session.problems);
}

#[test]
fn a_bad_field_keeps_the_text_and_the_last_valid_run() {
    let session = start(&mlq(vec![
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
    ]));
    let run = session.simulation.clone().unwrap();
    let broken = act(
        &session,
        Action::Edit(Edit::Text(FieldId::Arrival(0), "soon".into())),
    );
    assert_eq!(broken.draft.processes[0].arrival, "soon");
    assert!(broken
        .problems
        .as_ref()
        .is_some_and(|problems| !problems.input.is_empty()));
    assert!(broken.results_are_stale());
    assert!(std::rc::Rc::ptr_eq(
        broken.simulation.as_ref().unwrap(),
        &run
    ));
}

#[test]
fn a_field_typed_into_until_it_breaks_shows_the_run_from_before_the_typing_began() {
    let session = start(&mlq(vec![
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
    ]));
    let before = session.simulation.clone().unwrap();
    let spec_before = session.spec.clone().unwrap();
    let type_in = |session: &Session, field: FieldId, text: &str| {
        let mut session = session.clone();
        for end in 1..=text.len() {
            let edit = Action::Edit(Edit::Text(field, text[..end].into()));
            session = session.reduce(edit).unwrap_or(session);
        }
        session
    };
    // Digit by digit: 999999999 runs (a valid arrival), one digit more is too late.
    let typed = type_in(&session, FieldId::Arrival(0), "99999999999999");
    assert!(
        typed.problems.is_some(),
        "an arrival past the last tick is refused"
    );
    assert!(typed.results_are_stale());
    assert!(std::rc::Rc::ptr_eq(
        typed.simulation.as_ref().unwrap(),
        &before
    ));
    assert_eq!(typed.spec.as_deref(), Some(&*spec_before));
    // A valid value typed on the way is shown while it stands...
    let twelve = type_in(&session, FieldId::Arrival(0), "12");
    assert!(twelve.problems.is_none());
    assert_ne!(twelve.spec.as_deref(), Some(&*spec_before));
    // ...and a typo after it brings back the run from before the field was touched.
    let typo = act(
        &twelve,
        Action::Edit(Edit::Text(FieldId::Arrival(0), "12x".into())),
    );
    assert!(std::rc::Rc::ptr_eq(
        typo.simulation.as_ref().unwrap(),
        &before
    ));
    // Another field begins another typing: its run from before is the one with arrival 12.
    let other = type_in(&twelve, FieldId::Bursts(1), "3x");
    assert_eq!(other.spec, twelve.spec);
    assert!(std::rc::Rc::ptr_eq(
        other.simulation.as_ref().unwrap(),
        twelve.simulation.as_ref().unwrap()
    ));
}

/// A program is typed in many edits: a typo after a valid edit keeps the run of that edit on
/// screen (it had brought back the example as loaded, its banner saying it was unchanged).
#[test]
fn a_typo_in_a_program_keeps_the_run_of_the_programs_last_valid_edit() {
    let preset = proclab_core::presets::preset("producer-consumer-semaphores").unwrap();
    let loaded = act(
        &start(&ScenarioSpec::default()),
        Action::Load(
            Box::new(preset.spec.clone()),
            Some(Notice::Preset(preset.id)),
        ),
    );
    let program = loaded.draft.processes[0].program.clone();
    let emptied = program.replacen(".sem empty 3", ".sem empty 0", 1);
    assert_ne!(emptied, program);
    let edited = act(
        &loaded,
        Action::Edit(Edit::Text(FieldId::Program(0), emptied.clone())),
    );
    assert!(edited.problems.is_none());
    assert_ne!(edited.spec, loaded.spec);
    let typo = act(
        &edited,
        Action::Edit(Edit::Text(
            FieldId::Program(0),
            format!("{emptied}\nlokc m"),
        )),
    );
    assert!(typo.problems.is_some());
    assert_eq!(
        typo.spec, edited.spec,
        "the run of the last valid program stays"
    );
    assert!(std::rc::Rc::ptr_eq(
        typo.simulation.as_ref().unwrap(),
        edited.simulation.as_ref().unwrap()
    ));
    assert_eq!(typo.notice, Some(Notice::PresetEdited(preset.id)));
}

/// Renaming P1 to "P2" is said under both names, each from its own side (it had been said only
/// under the second, which the student had not touched); three of one name tell the first once.
#[test]
fn namesakes_are_each_told_under_their_own_name() {
    let mut spec = mlq(vec![QueueSpec::Fcfs, QueueSpec::Fcfs, QueueSpec::Fcfs]);
    spec.policy = PolicySpec::Fcfs;
    let session = start(&spec);
    let renamed = act(
        &session,
        Action::Edit(Edit::Text(FieldId::Name(0), "B".into())),
    );
    let said: Vec<_> = renamed
        .field_messages()
        .into_iter()
        .map(|message| (message.field, message.text))
        .collect();
    // In the order of the page: the renamed row first.
    assert_eq!(said.len(), 2, "{said:?}");
    assert_eq!(said[0].0, FieldId::Name(0));
    assert!(
        said[0]
            .1
            .starts_with("B (process 1) has the same name as B (process 2)"),
        "{}",
        said[0].1
    );
    assert_eq!(said[1].0, FieldId::Name(1));
    assert!(
        said[1]
            .1
            .starts_with("B (process 2) has the same name as B (process 1)"),
        "{}",
        said[1].1
    );
    let three = act(
        &renamed,
        Action::Edit(Edit::Text(FieldId::Name(2), "B".into())),
    );
    let fields: Vec<_> = three
        .field_messages()
        .into_iter()
        .map(|message| message.field)
        .collect();
    assert_eq!(
        fields,
        [FieldId::Name(0), FieldId::Name(1), FieldId::Name(2)]
    );
}

#[test]
fn every_view_names_a_thread_the_same_way() {
    let spec = ScenarioSpec {
        processes: vec![ProcessSpec {
            name: "Web".into(),
            threads: vec![
                ThreadSpec {
                    name: "worker".into(),
                    bursts: BurstSpec::alternating(&[2, 1, 2]),
                    ..ThreadSpec::default()
                },
                ThreadSpec {
                    bursts: BurstSpec::alternating(&[3]),
                    ..ThreadSpec::default()
                },
            ],
            ..ProcessSpec::default()
        }],
        ..ScenarioSpec::default()
    };
    let run = simulate_spec(&spec).unwrap();
    let state = run.state_at(1);
    for tcb in &state.threads {
        let key = proclab_core::render::thread_label(run.scenario(), tcb.thread);
        assert_eq!(proclab_view::thread_label(&state, tcb.thread), key);
    }
    let first = state.threads[0].thread;
    assert_eq!(proclab_view::thread_label(&state, first), "Web.worker");
    assert_eq!(
        proclab_view::thread_label(&state, state.threads[1].thread),
        "Web.T2"
    );
    let narrated: Vec<String> = run
        .events()
        .iter()
        .filter(|event| event.thread == first)
        .map(|event| proclab_app::watch::narrate::narrate(event, &state, Lang::En))
        .collect();
    assert!(!narrated.is_empty());
    assert!(
        narrated.iter().all(|line| line.contains("Web.worker")),
        "{narrated:?}"
    );
}

#[test]
fn thread_rows_keep_their_keys_when_a_sibling_is_removed() {
    let session = start(&mlq(vec![
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
    ]));
    let session = act(&session, Action::Edit(Edit::AddThread(0)));
    let session = act(&session, Action::Edit(Edit::AddThread(0)));
    let keys = |s: &Session| {
        s.draft.processes[0]
            .threads
            .iter()
            .map(|t| t.key)
            .collect::<Vec<_>>()
    };
    let before = keys(&session);
    assert_eq!(before.len(), 3, "a process gets two threads, then one more");
    let all: Vec<u64> = session
        .draft
        .processes
        .iter()
        .flat_map(|p| std::iter::once(p.key).chain(p.threads.iter().map(|t| t.key)))
        .collect();
    let mut unique = all.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "keys are unique: {all:?}");
    let session = act(&session, Action::Edit(Edit::RemoveThread(0, 0)));
    assert_eq!(keys(&session), before[1..]);
}

#[test]
fn a_thread_added_to_a_race_starts_with_the_last_threads_registers_and_adds_its_increments() {
    let spec = proclab_core::presets::preset("race-two-threads")
        .expect("the preset")
        .spec;
    let turns = spec.processes[0].threads[1].registers.clone();
    assert!(
        !turns.is_empty(),
        "the example sets each thread's loop count"
    );
    let session = act(&start(&spec), Action::Edit(Edit::AddThread(0)));
    let threads = &session.draft.processes[0].threads;
    assert_eq!(threads.len(), 3);
    assert_eq!(threads[2].registers, turns, "as the last thread starts");
    // Each thread's increments count: with the same turns the third adds as many as the others
    // (it had started with bx empty, at 0, and looped once).
    let spec = session.spec.as_deref().expect("a valid workload");
    let run = proclab_app::simulation::Simulation::new(spec)
        .expect("it runs")
        .run;
    let lost = proclab_app::practice::race::lost_updates(&run).len() as i64;
    let turns: i64 = turns.trim_start_matches("bx=").parse().expect("bx=N");
    assert_eq!(
        proclab_app::practice::race::final_value(&run) + lost,
        3 * turns
    );
}

#[test]
fn the_settings_panels_see_every_setting_and_no_process() {
    let spec = mlq(every_queue_mix().remove(0));
    let draft = Draft::from_spec(&spec);
    let settings = draft.settings();
    assert!(settings.processes.is_empty());
    assert_eq!(
        (
            &settings.policy,
            &settings.machine,
            &settings.seed,
            settings.conventions
        ),
        (
            &draft.policy,
            &draft.machine,
            &draft.seed,
            draft.conventions
        )
    );
}

#[test]
fn every_problem_is_marked_at_once_not_one_fix_at_a_time() {
    let session = start(&ScenarioSpec {
        processes: vec![process("A", 0, &[5]), process("B", 1, &[3])],
        policy: PolicySpec::Rr { quantum: 2 },
        ..ScenarioSpec::default()
    });
    let mut session = session;
    for (field, text) in [
        (FieldId::Bursts(0), "zz"),
        (FieldId::Arrival(1), "abc"),
        (FieldId::Bursts(1), "io3"),
        (FieldId::Quantum, "0"),
    ] {
        session = act(&session, Action::Edit(Edit::Text(field, text.into())));
    }
    let mut fields: Vec<String> = session
        .field_messages()
        .iter()
        .map(|message| message.field.dom_id())
        .collect();
    fields.sort();
    // Two unreadable fields, and the core's findings elsewhere: bursts that start with I/O and a
    // zero quantum. The banner counts all four.
    assert_eq!(fields, ["p0-bursts", "p1-arrival", "p1-bursts", "quantum"]);
}

/// 400 processes of 100 ticks under RR q=1: an estimated 40,400 slices, too long for the reducer.
fn long_workload(quantum: u64) -> ScenarioSpec {
    ScenarioSpec {
        processes: (0..400)
            .map(|index| process(&format!("P{index}"), 0, &[100]))
            .collect(),
        policy: PolicySpec::Rr { quantum },
        ..ScenarioSpec::default()
    }
}

#[test]
fn a_long_run_is_left_pending_and_taken_when_it_comes_back() {
    use proclab_app::session::runs_elsewhere;
    use proclab_app::simulation::Simulation;
    use std::rc::Rc;

    let short = mlq(every_queue_mix()[0].clone());
    assert!(!runs_elsewhere(&short));
    let session = Session::start(Lang::En, "", None, None)
        .reduce(Action::Load(Box::new(short.clone()), None))
        .unwrap();
    assert!(session.pending.is_none(), "a short run is computed at once");
    let shown = Rc::clone(session.simulation.as_ref().unwrap());

    let long = long_workload(1);
    assert!(runs_elsewhere(&long));
    let waiting = session
        .reduce(Action::Load(Box::new(long.clone()), None))
        .unwrap();
    let pending = waiting.pending.as_ref().expect("left for the front end");
    assert_eq!(pending.spec(), &long, "kept as checked, to join its run to");
    assert_eq!(
        waiting.spec.as_deref(),
        Some(&long),
        "the spec is the new one"
    );
    assert!(
        Rc::ptr_eq(waiting.simulation.as_ref().unwrap(), &shown),
        "the previous run stays on screen"
    );
    assert!(waiting.results_are_stale(), "marked stale meanwhile");

    // The run of a workload edited away since is dropped.
    let edited = waiting
        .reduce(Action::Load(Box::new(long_workload(2)), None))
        .unwrap();
    let late = Rc::new(Simulation::new(&long).unwrap());
    assert!(edited.reduce(Action::Ran(late)).is_none());

    // The run of the workload pending is taken.
    let arrived = Rc::new(Simulation::new(&long).unwrap());
    let done = waiting.reduce(Action::Ran(Rc::clone(&arrived))).unwrap();
    assert!(done.pending.is_none());
    assert!(Rc::ptr_eq(done.simulation.as_ref().unwrap(), &arrived));
    assert!(!done.results_are_stale());
}

#[test]
fn a_peek_interval_survives_file_page_link_page_and_is_typed_in_the_form() {
    // The documented peeking example: per-CPU queues on 3 CPUs, steal only at multiples of 5.
    let mut spec = ScenarioSpec {
        processes: ["P1", "P2", "P3", "P4", "P5", "P6", "P7"]
            .iter()
            .zip([10, 10, 2, 5, 5, 1, 3])
            .map(|(name, burst)| proclab_core::presets::process(name, 0, &[burst]))
            .collect(),
        ..ScenarioSpec::default()
    };
    spec.machine.cpus = 3;
    spec.machine.topology = proclab_core::spec::QueueTopology::PerCpu;
    spec.machine.peek_interval = Some(5);
    let page = Draft::from_spec(&spec).to_spec().unwrap();
    assert_eq!(page, spec);
    let opened = Session::start(Lang::En, &share::encode(&page, Lang::Ko), None, None);
    assert_eq!(opened.notice, Some(Notice::LinkOpened));
    assert_eq!(opened.draft.to_spec().unwrap(), spec);
    // Emptied in the form: immediate stealing again; a word is a problem on that field.
    let mut draft = Draft::from_spec(&spec);
    draft.machine.peek_interval = String::new();
    assert_eq!(draft.to_spec().unwrap().machine.peek_interval, None);
    draft.machine.peek_interval = "soon".into();
    let (_, problems) = draft.read();
    assert!(problems
        .iter()
        .any(|(field, _)| *field == FieldId::PeekInterval));
}

#[test]
fn a_cpu_list_survives_file_page_link_page_and_is_typed_in_the_table() {
    // The documented hard-affinity example: A may run only on CPU1, so CPU0 takes B first.
    let mut spec = ScenarioSpec {
        processes: vec![
            ProcessSpec {
                cpus: vec![1],
                ..proclab_core::presets::process("A", 0, &[4])
            },
            proclab_core::presets::process("B", 0, &[3]),
            proclab_core::presets::process("C", 0, &[3]),
        ],
        ..ScenarioSpec::default()
    };
    spec.machine.cpus = 2;
    let page = Draft::from_spec(&spec).to_spec().unwrap();
    assert_eq!(page, spec);
    let opened = Session::start(Lang::En, &share::encode(&page, Lang::Ko), None, None);
    assert_eq!(opened.notice, Some(Notice::LinkOpened));
    assert_eq!(opened.draft.to_spec().unwrap(), spec);
    // Spaces, commas or multi.py's dots; a word is a problem on that cell.
    let mut draft = Draft::from_spec(&spec);
    for typed in ["0 1", "0,1", "0.1", " 0 , 1 "] {
        std::rc::Rc::make_mut(&mut draft.processes)[1].cpus = typed.into();
        assert_eq!(
            draft.to_spec().unwrap().processes[1].cpus,
            vec![0, 1],
            "{typed:?}"
        );
    }
    std::rc::Rc::make_mut(&mut draft.processes)[1].cpus = "one".into();
    let (_, problems) = draft.read();
    assert!(problems
        .iter()
        .any(|(field, _)| *field == FieldId::Affinity(1)));
    // A CPU the machine does not have: the core's error, on the same cell.
    std::rc::Rc::make_mut(&mut draft.processes)[1].cpus = "5".into();
    let errors = proclab_core::Scenario::new(&draft.to_spec().unwrap()).unwrap_err();
    assert_eq!(
        error_field(&errors[0], PolicyKind::Fcfs),
        FieldId::Affinity(1)
    );
}

#[test]
fn the_form_switches_to_the_warm_up_model_and_its_problems_land_on_its_fields() {
    use proclab_core::CacheModel;
    // multi.py's machine: round robin, one CPU burst each, all at 0, two CPUs.
    let mut spec = ScenarioSpec {
        processes: vec![process("a", 0, &[30]), process("b", 0, &[20])],
        policy: PolicySpec::Rr { quantum: 10 },
        ..ScenarioSpec::default()
    };
    spec.machine.cpus = 2;
    let session = start(&spec);
    let session = act(&session, Action::Edit(Edit::Flag(Flag::Cache, true)));
    assert!(session.simulation.as_ref().unwrap().warmup.is_none());
    let session = act(&session, Action::Edit(Edit::CacheModel(CacheModel::Warmup)));
    let session = act(
        &session,
        Action::Edit(Edit::Text(FieldId::WarmupTime, "5".into())),
    );
    let session = act(
        &session,
        Action::Edit(Edit::Text(FieldId::WarmRate, "3".into())),
    );
    let cache = session.spec.as_ref().unwrap().machine.cache;
    assert_eq!(
        (cache.model, cache.warmup_time, cache.warm_rate),
        (CacheModel::Warmup, 5, 3)
    );
    let simulation = session.simulation.as_ref().unwrap();
    let expected = proclab_core::warmup::simulate(&simulation.scenario).unwrap();
    assert_eq!(simulation.warmup.as_ref(), Some(&expected));
    // The draft keeps what was typed, and the spec goes back to the same draft.
    assert_eq!(
        Draft::from_spec(session.spec.as_ref().unwrap()).machine,
        session.draft.machine
    );
    // A rate the model refuses is shown at the rate's field; text that is no number too.
    let refused = act(
        &session,
        Action::Edit(Edit::Text(FieldId::WarmRate, "0".into())),
    );
    let fields: Vec<FieldId> = refused.field_messages().iter().map(|m| m.field).collect();
    assert_eq!(fields, vec![FieldId::WarmRate]);
    let typo = act(
        &session,
        Action::Edit(Edit::Text(FieldId::WarmupTime, "ten".into())),
    );
    let fields: Vec<FieldId> = typo.field_messages().iter().map(|m| m.field).collect();
    assert_eq!(fields, vec![FieldId::WarmupTime]);
    // What the model cannot run is shown where it is chosen or typed: a policy other than round
    // robin under the model's choice (FCFS has no quantum field), an arrival after 0 at the
    // arrival.
    let fcfs = act(&session, Action::Edit(Edit::Policy(PolicyKind::Fcfs)));
    assert!(fcfs
        .field_messages()
        .iter()
        .any(|m| m.field == FieldId::CacheModel));
    let late = act(
        &session,
        Action::Edit(Edit::Text(FieldId::Arrival(1), "3".into())),
    );
    assert!(late
        .field_messages()
        .iter()
        .any(|m| m.field == FieldId::Arrival(1)));
    // Back to the stall model: no warm-up run.
    let stall = act(&session, Action::Edit(Edit::CacheModel(CacheModel::Stall)));
    assert!(stall.simulation.as_ref().unwrap().warmup.is_none());
}

/// One process of `threads` threads spinning in `j .top` until the budget stops the run.
fn spinning(threads: usize, budget: u64) -> ScenarioSpec {
    let mut spec = ScenarioSpec {
        processes: vec![ProcessSpec {
            name: String::from("spin"),
            program: String::from(".top\nj .top\n"),
            threads: vec![ThreadSpec::default(); threads],
            ..ProcessSpec::default()
        }],
        policy: PolicySpec::Rr { quantum: 3 },
        ..ScenarioSpec::default()
    };
    spec.machine.instruction_budget = budget;
    spec
}

#[test]
fn a_run_of_programs_is_computed_here_only_if_it_ends_within_the_instructions_allowed_here() {
    use proclab_app::session::{run_here, RUN_HERE_MAX_INSTRUCTIONS};
    use proclab_core::program::RunEnd;
    use proclab_core::Scenario;

    // A lesson with the default budget of 100,000 ends long before: computed here, and it is the
    // run of the real scenario (its budget, its every instruction).
    let mut lesson = proclab_core::presets::preset("philosophers-deadlock")
        .unwrap()
        .spec;
    lesson.machine.instruction_budget = 100_000;
    assert!(lesson.machine.instruction_budget > RUN_HERE_MAX_INSTRUCTIONS);
    let scenario = Scenario::new(&lesson).unwrap();
    let here = run_here(&lesson, &scenario).expect("a lesson runs here");
    let whole = proclab_core::simulate(&scenario);
    assert_eq!(here.scenario().spec(), &lesson);
    assert_eq!(here.program_steps(), whole.program_steps());
    assert_eq!(here.events(), whole.events());
    assert_eq!(here.metrics(), whole.metrics());
    assert_eq!(here.end(), whole.end());
    assert!(matches!(here.end(), RunEnd::Deadlock { .. }));
    assert_eq!(here.deadlock(), whole.deadlock());

    // A loop that runs to its budget of 100,000 is left to the worker...
    let long = spinning(2, 100_000);
    assert_eq!(
        run_here(&long, &Scenario::new(&long).unwrap()).map(|run| run.end()),
        None
    );
    let session = Session::start(Lang::En, "", None, None)
        .reduce(Action::Load(Box::new(long.clone()), None))
        .unwrap();
    assert_eq!(session.pending.as_ref().map(Scenario::spec), Some(&long));
    // ...and one whose budget is what may run here is run here, to its budget.
    let short = spinning(2, RUN_HERE_MAX_INSTRUCTIONS);
    let session = Session::start(Lang::En, "", None, None)
        .reduce(Action::Load(Box::new(short), None))
        .unwrap();
    assert!(session.pending.is_none());
    let end = session.simulation.as_ref().unwrap().run.end();
    assert!(
        matches!(end, RunEnd::BudgetExhausted { instructions, .. } if instructions == RUN_HERE_MAX_INSTRUCTIONS),
        "{end:?}"
    );
}

#[test]
fn an_opened_file_is_checked_once_and_its_problems_are_its_notice() {
    let good = mlq(vec![QueueSpec::Fcfs, QueueSpec::Fcfs, QueueSpec::Fcfs]);
    let opened = act(
        &start(&ScenarioSpec::default()),
        Action::Load(Box::new(good.clone()), Some(Notice::FileOpened)),
    );
    assert_eq!(opened.notice, Some(Notice::FileOpened));
    assert!(opened.simulation.is_some());
    // A file whose scenario breaks a rule opens in the form, its problems listed and marked.
    let mut bad = good;
    bad.processes[1].bursts.clear();
    let expected = proclab_core::Scenario::new(&bad).expect_err("no bursts is refused");
    let opened = act(
        &opened,
        Action::Load(Box::new(bad), Some(Notice::FileOpened)),
    );
    assert_eq!(opened.notice, Some(Notice::FileInvalid(expected)));
    assert!(!opened.field_messages().is_empty());
}

#[test]
fn a_workspace_text_length_is_a_lower_bound_of_its_saved_form() {
    // The page skips writing a workspace whose texts alone exceed the browser's storage (counted
    // in characters); that is right only if the saved form never has fewer characters.
    let mut drafts: Vec<Draft> = proclab_core::presets::presets()
        .into_iter()
        .map(|preset| Draft::from_spec(&preset.spec))
        .collect();
    let mut big = Draft::from_spec(&mlq(vec![QueueSpec::Fcfs; 3]));
    std::rc::Rc::make_mut(&mut big.processes)[0].bursts = "5 io3 ".repeat(1000) + "5";
    std::rc::Rc::make_mut(&mut big.processes)[1].name = "é".repeat(100);
    drafts.push(big);
    for draft in drafts {
        let saved = serde_json::to_string(&draft).expect("a draft saves");
        assert!(draft.text_chars() > 0);
        let saved = saved.chars().count();
        assert!(
            saved >= draft.text_chars(),
            "{saved} < {}",
            draft.text_chars()
        );
    }
}

#[test]
fn an_examples_comments_follow_the_page_language_and_a_students_own_stay() {
    let preset = proclab_core::presets::preset("race-two-threads").unwrap();
    let mut spec = proclab_app::program_words::spec_in(&preset.spec, Lang::Ko);
    spec.processes[0].program.push_str("# 내 메모\n");
    let korean_page = act(&start(&ScenarioSpec::default()), Action::SetLang(Lang::Ko));
    let loaded = act(
        &korean_page,
        Action::Load(Box::new(spec), Some(Notice::Preset(preset.id))),
    );
    assert!(loaded.draft.processes[0].program.contains("# 읽기"));
    let english = act(&loaded, Action::SetLang(Lang::En));
    let program = &english.draft.processes[0].program;
    assert!(program.contains("# load"), "{program}");
    assert!(!program.contains("# 읽기"), "{program}");
    assert!(
        program.ends_with("# 내 메모\n"),
        "the student's own comment stays: {program}"
    );
    // Only comments changed: the same scenario runs.
    let korean = act(&english, Action::SetLang(Lang::Ko));
    assert_eq!(
        korean.draft.processes[0].program,
        loaded.draft.processes[0].program
    );
    let parse = |session: &Session| {
        proclab_core::program::Program::parse(&session.draft.processes[0].program).expect("parses")
    };
    assert_eq!(parse(&english), parse(&loaded));
}

#[test]
fn an_edit_shares_the_rows_it_does_not_touch_and_copies_the_ones_it_does() {
    let session = start(&mlq(vec![QueueSpec::Fcfs; 3]));
    // A setting: the rows are the very same (the page hands them to the form without a copy).
    let quantum = act(
        &session,
        Action::Edit(Edit::Text(FieldId::QueueQuantum(1), "4".into())),
    );
    assert!(std::rc::Rc::ptr_eq(
        &session.draft.processes,
        &quantum.draft.processes
    ));
    // A row: copied on write, the session before it unchanged.
    let typed = act(
        &quantum,
        Action::Edit(Edit::Text(FieldId::Bursts(1), "7".into())),
    );
    assert!(!std::rc::Rc::ptr_eq(
        &quantum.draft.processes,
        &typed.draft.processes
    ));
    assert_eq!(quantum.draft.processes[1].bursts, "3");
    assert_eq!(typed.draft.processes[1].bursts, "7");
}

#[test]
fn stepping_through_the_examples_keeps_the_work_before_them_for_undo() {
    // A keyboard's arrows on the closed examples menu load an example at each press.
    let mine = mlq(vec![QueueSpec::Fcfs, QueueSpec::Rr { quantum: 2 }]);
    let session = start(&mine);
    let before = session.draft.clone();
    let example = |id: &str| {
        let preset = proclab_core::presets::preset(id).expect("an example");
        Action::Load(Box::new(preset.spec), Some(Notice::Preset(preset.id)))
    };
    let first = act(&session, example("fcfs-convoy"));
    let second = act(&first, example("sjf-starvation"));
    let third = act(&second, example("rr-silberschatz"));
    assert_eq!(
        act(&third, Action::Undo).draft,
        before,
        "Undo brings back my work"
    );
    // An example edited is work of its own: loading another keeps it for Undo.
    let edited = act(&first, Action::Edit(Edit::DuplicateProcess(0)));
    let replaced = act(&edited, example("sjf-starvation"));
    assert_eq!(act(&replaced, Action::Undo).draft, edited.draft);
}

#[test]
fn undo_brings_back_the_example_named_as_well_as_its_workload() {
    let example = |id: &str| {
        let preset = proclab_core::presets::preset(id).expect("an example");
        Action::Load(Box::new(preset.spec), Some(Notice::Preset(preset.id)))
    };
    let convoy = proclab_core::presets::preset("fcfs-convoy").unwrap();
    let first = act(&start(&mlq(vec![QueueSpec::Fcfs])), example("fcfs-convoy"));
    // The example opened first (as from the menu on an empty page), then another over it.
    let mut shown = first.clone();
    shown.previous = None;
    let replaced = act(&shown, example("sjf-starvation"));
    let back = act(&replaced, Action::Undo);
    assert_eq!(back.draft, shown.draft);
    assert_eq!(back.notice, Some(Notice::Preset(convoy.id)));
    // A row removed is said with its Undo (the edited example's banner had had none), which
    // gives the example back as loaded.
    let removed = act(&shown, Action::Edit(Edit::RemoveProcess(0)));
    assert!(matches!(removed.notice, Some(Notice::Removed(_))));
    assert!(removed.notice.as_ref().unwrap().can_undo());
    assert_eq!(
        act(&removed, Action::Undo).notice,
        Some(Notice::Preset(convoy.id))
    );
    // Over my own work, an example and then a file: Undo brings back the example, as the
    // file's banner says ("the previous one"), not my work from before it.
    let mine = act(&start(&mlq(vec![QueueSpec::Fcfs])), example("hrrn"));
    let hrrn = proclab_core::presets::preset("hrrn").unwrap();
    let file = act(
        &mine,
        Action::Load(
            Box::new(
                proclab_core::presets::preset("rr-silberschatz")
                    .unwrap()
                    .spec,
            ),
            Some(Notice::FileOpened),
        ),
    );
    let back = act(&file, Action::Undo);
    assert_eq!(back.draft, mine.draft);
    assert_eq!(back.notice, Some(Notice::Preset(hrrn.id)));
    // An edited example comes back as edited.
    let edited = act(&shown, Action::Edit(Edit::DuplicateProcess(0)));
    let replaced = act(&edited, example("sjf-starvation"));
    assert_eq!(
        act(&replaced, Action::Undo).notice,
        Some(Notice::PresetEdited(convoy.id))
    );
}

#[test]
fn every_convention_goes_back_to_the_textbook_in_one_edit() {
    use proclab_core::Convention;
    let spec = proclab_core::presets::preset("fcfs-convoy").unwrap().spec;
    let mut session = start(&spec);
    for convention in [Convention::RequeueBeforeArrivals, Convention::CyclicScan] {
        session = act(&session, Action::Edit(Edit::Convention(convention, true)));
    }
    assert_eq!(
        Convention::differing(&session.draft.conventions).count(),
        2,
        "two conventions changed"
    );
    let back = act(&session, Action::Edit(Edit::DefaultConventions));
    assert_eq!(Convention::differing(&back.draft.conventions).count(), 0);
    assert_eq!(
        back.draft.conventions,
        proclab_core::spec::Conventions::default()
    );
}

/// Too many time slices is marked beside the bursts that need the most of them, whatever the
/// policy: under MLFQ there is no single quantum field to mark, and the length typed is where a
/// slip usually is (a tablet user's 999999999 had left the page saying "fix the marked field"
/// with nothing marked).
#[test]
fn too_many_slices_is_marked_on_the_heaviest_bursts() {
    let spec = proclab_core::presets::preset("mlfq-silberschatz")
        .expect("the preset")
        .spec;
    let session = act(
        &start(&spec),
        Action::Edit(Edit::Text(FieldId::Bursts(1), "999999999".into())),
    );
    let messages = session.field_messages();
    let fields: Vec<FieldId> = messages.iter().map(|m| m.field).collect();
    assert_eq!(fields, [FieldId::Bursts(1)]);
    assert!(
        messages[0].text.contains("time slices"),
        "{}",
        messages[0].text
    );
    // A process of threads: the thread's own bursts.
    let threads = ScenarioSpec {
        processes: vec![
            process("A", 0, &[5]),
            ProcessSpec {
                name: "B".into(),
                threads: vec![
                    ThreadSpec {
                        bursts: vec![BurstSpec::Cpu(4)],
                        ..ThreadSpec::default()
                    },
                    ThreadSpec {
                        bursts: vec![BurstSpec::Cpu(3_000_000)],
                        ..ThreadSpec::default()
                    },
                ],
                ..ProcessSpec::default()
            },
        ],
        policy: PolicySpec::Rr { quantum: 1 },
        ..ScenarioSpec::default()
    };
    let errors = proclab_core::Scenario::new(&threads).expect_err("too many slices");
    assert_eq!(
        error_field(&errors[0], PolicyKind::Rr),
        FieldId::ThreadBursts(1, 1)
    );
}

/// A link's instant is where its run opens, at page load or followed in the tab; loading an
/// example or editing goes back to the ordinary rule (a new workload from its start, an edit
/// where the student was).
#[test]
fn a_link_opens_at_its_instant_until_the_student_moves_on() {
    let spec = proclab_core::presets::preset("rr-silberschatz")
        .expect("the preset")
        .spec;
    let link = share::encode_at(&spec, Lang::En, 13, false);
    let session = Session::start(Lang::En, &link, None, None);
    assert_eq!((session.opened_at, session.loads), (13, 0));
    let edited = act(
        &session,
        Action::Edit(Edit::Text(FieldId::Name(0), "First".into())),
    );
    assert_eq!(edited.opened_at, 0);
    let other = proclab_core::presets::preset("fcfs-convoy")
        .expect("the preset")
        .spec;
    let followed = act(
        &edited,
        Action::FollowLink(share::encode_at(&other, Lang::En, 7, false)),
    );
    assert_eq!((followed.opened_at, followed.loads), (7, 1));
    // The same workload at another instant: only the instant moves.
    let moved = act(
        &followed,
        Action::FollowLink(share::encode_at(&other, Lang::En, 9, false)),
    );
    assert_eq!((moved.opened_at, moved.loads), (9, 2));
    assert_eq!(moved.draft, followed.draft);
    assert!(followed
        .reduce(Action::FollowLink(share::encode(&other, Lang::En)))
        .is_none());
    let loaded = act(&moved, Action::Load(Box::new(spec), None));
    assert_eq!((loaded.opened_at, loaded.loads), (0, 3));
}

/// A link copied with the comparison on screen opens on it, at page load or followed in the tab
/// (the same workload too); an example loaded after it does not.
#[test]
fn a_link_copied_on_the_comparison_opens_on_it() {
    let spec = proclab_core::presets::preset("rr-silberschatz")
        .expect("the preset")
        .spec;
    let link = share::encode_at(&spec, Lang::Ko, 0, true);
    assert!(link.ends_with(share::COMPARE_PARAM), "{link}");
    let session = Session::start(Lang::En, &link, None, None);
    assert!(session.opened_on_compare);
    assert_eq!(session.spec.as_deref(), Some(&spec));
    let plain = Session::start(
        Lang::En,
        &share::encode_at(&spec, Lang::Ko, 5, false),
        None,
        None,
    );
    assert!(!plain.opened_on_compare);
    // The same workload's link, now on the comparison: only the tab (and the count) moves.
    let moved = act(&plain, Action::FollowLink(link.clone()));
    assert!(moved.opened_on_compare);
    assert_eq!((moved.loads, moved.draft == plain.draft), (1, true));
    let other = proclab_core::presets::preset("fcfs-convoy")
        .expect("the preset")
        .spec;
    let loaded = act(&moved, Action::Load(Box::new(other), None));
    assert!(!loaded.opened_on_compare);
}

#[test]
fn the_starter_program_speaks_the_page_language_and_runs_the_same() {
    let programs = [Lang::En, Lang::Ko].map(|lang| {
        let session = start(&mlq(vec![
            QueueSpec::Fcfs,
            QueueSpec::Fcfs,
            QueueSpec::Fcfs,
        ]));
        let session = act(&session, Action::Edit(Edit::UseProgram(0, true, lang)));
        let process = &session.draft.processes[0];
        assert!(process.runs_program);
        assert_eq!(process.threads.len(), 2, "two threads to race");
        (
            process.program.clone(),
            simulate_spec(&session.draft.to_spec().unwrap()).unwrap(),
        )
    });
    let [(english, english_run), (korean, korean_run)] = programs;
    assert_eq!(english, proclab_app::edit::STARTER_PROGRAM);
    assert!(
        korean.starts_with("# 공유 카운터에 1을 %bx번 더함\n"),
        "{korean}"
    );
    assert!(
        korean.contains("'초기 레지스터'") && korean.contains("# 읽기"),
        "{korean}"
    );
    assert!(
        !korean.contains("shared counter") && !korean.contains("# load"),
        "{korean}"
    );
    // Only the comments differ: the same instructions, so the same run.
    assert_eq!(korean.lines().count(), english.lines().count());
    assert_eq!(korean_run.events(), english_run.events());
    assert_eq!(korean_run.end_tick(), english_run.end_tick());
}

/// The program switch on and off again gives back the process as it was (the two threads it
/// added had doubled the process's work), and on again the program typed meanwhile.
#[test]
fn the_program_switch_on_and_off_gives_back_the_process_and_its_run() {
    let session = start(&mlq(vec![
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
        QueueSpec::Fcfs,
    ]));
    let before = session.draft.processes[0].clone();
    let run_before = simulate_spec(&session.draft.to_spec().unwrap()).unwrap();
    let on = act(&session, Action::Edit(Edit::UseProgram(0, true, Lang::En)));
    let typed = act(
        &on,
        Action::Edit(Edit::Text(FieldId::Program(0), "mov $1, %ax\nhalt".into())),
    );
    let off = act(&typed, Action::Edit(Edit::UseProgram(0, false, Lang::En)));
    let process = &off.draft.processes[0];
    assert!(!process.runs_program);
    assert_eq!(process.threads, before.threads, "the added threads went");
    assert_eq!(process.bursts, before.bursts);
    let run_after = simulate_spec(&off.draft.to_spec().unwrap()).unwrap();
    assert_eq!(run_after.events(), run_before.events());
    // On again: the program typed is kept, with two threads to run it.
    let again = act(&off, Action::Edit(Edit::UseProgram(0, true, Lang::En)));
    let process = &again.draft.processes[0];
    assert_eq!(process.program, "mov $1, %ax\nhalt");
    assert_eq!(process.threads.len(), 2);
    // Threads the student changed stay when the program goes.
    let renamed = act(
        &again,
        Action::Edit(Edit::Text(FieldId::ThreadName(0, 0), "worker".into())),
    );
    let off = act(&renamed, Action::Edit(Edit::UseProgram(0, false, Lang::En)));
    assert_eq!(off.draft.processes[0].threads.len(), 2);
}

#[test]
fn a_burst_too_long_names_the_process_as_typed_and_groups_the_limit_digits() {
    use BurstSpec::Cpu;
    let spec = ScenarioSpec {
        processes: vec![
            ProcessSpec {
                name: "Editor".into(),
                bursts: vec![Cpu(3)],
                ..ProcessSpec::default()
            },
            ProcessSpec {
                name: "Shell".into(),
                bursts: vec![Cpu(9_000_000_000)],
                ..ProcessSpec::default()
            },
        ],
        ..ScenarioSpec::default()
    };
    for (lang, said) in [
        (
            Lang::En,
            "Burst 1 of Shell (process 2) is too long (at most 1,000,000,000).",
        ),
        (
            Lang::Ko,
            "Shell(2번 프로세스)의 첫 번째 버스트가 너무 깁니다 (최대 1,000,000,000).",
        ),
    ] {
        let session = Session::start(lang, "", Some(Draft::from_spec(&spec)), None);
        let messages = session.field_messages();
        let row = messages
            .iter()
            .find(|message| message.field == FieldId::Bursts(1))
            .expect("the burst's problem is on its row");
        assert_eq!(row.text, said);
    }
}

fn silberschatz_rr() -> ScenarioSpec {
    proclab_core::presets::preset("rr-silberschatz")
        .unwrap()
        .spec
}

/// A reload of a workspace saved with a typo shows the last valid run it had, under the banner
/// that says so (it had shown the problems alone); a workspace that runs as it is keeps its own.
#[test]
fn a_reload_with_problems_shows_the_last_valid_run_saved_beside_them() {
    let valid = silberschatz_rr();
    let typed = act(
        &start(&valid),
        Action::Edit(Edit::Text(FieldId::Bursts(0), "2 io".into())),
    );
    assert!(typed.problems.is_some());
    let kept = typed
        .last_valid()
        .cloned()
        .expect("the run on screen is kept");
    assert_eq!(&kept, typed.spec.as_deref().unwrap());
    // The reload: the draft as typed, with its problems, and the saved scenario.
    let reloaded = Session::start(Lang::En, "", Some(typed.draft.clone()), None);
    assert!(reloaded.problems.is_some() && reloaded.simulation.is_none());
    let reloaded = reloaded.with_last_run(Some(kept.clone()));
    assert!(reloaded.problems.is_some(), "the typo is still marked");
    let shown = reloaded
        .simulation
        .as_ref()
        .expect("the last valid run is shown");
    assert_eq!(
        shown.run.end_tick(),
        typed.simulation.as_ref().unwrap().run.end_tick()
    );
    assert_eq!(reloaded.last_valid(), Some(&kept));
    // Fixed, the workspace runs as it is and nothing is kept beside it.
    let fixed = act(
        &reloaded,
        Action::Edit(Edit::Text(FieldId::Bursts(0), "2".into())),
    );
    assert!(fixed.problems.is_none() && fixed.last_valid().is_none());
    // A valid workspace is not replaced by a saved scenario.
    let other = proclab_core::presets::preset("fcfs-convoy").unwrap().spec;
    let own = start(&valid).with_last_run(Some(other));
    assert_eq!(own.spec.as_deref(), start(&valid).spec.as_deref());
}
