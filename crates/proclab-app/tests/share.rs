//! The share-link codec: exact round trips, clear rejection of broken links, and no panic on any
//! input (a seeded fuzz loop over random, truncated and mutated links).

use proclab_app::i18n::Lang;
use proclab_app::share::{decode, encode, upgrade, LinkError, MAX_FRAGMENT, OLD_PREFIX, PREFIX};
use proclab_core::gen::{generate, GenOptions};
use proclab_core::presets::presets;
use proclab_core::rng::Pcg32;
use proclab_core::spec::{BurstSpec, PolicySpec, ScenarioSpec};

fn policies() -> Vec<PolicySpec> {
    vec![
        PolicySpec::Fcfs,
        PolicySpec::Srtf,
        PolicySpec::Hrrn,
        PolicySpec::Rr { quantum: 3 },
        PolicySpec::Priority {
            preemptive: true,
            aging_every: Some(5),
            lower_is_higher: false,
        },
        PolicySpec::mlfq_silberschatz(),
        PolicySpec::mlfq_ostep(3, 10, 2, Some(50)),
        PolicySpec::Lottery { quantum: 2 },
    ]
}

#[test]
fn every_preset_round_trips_in_both_languages() {
    for preset in presets() {
        for lang in [Lang::Ko, Lang::En] {
            let link = encode(&preset.spec, lang);
            let shared = decode(&link).expect("decodes").expect("is a link");
            assert_eq!(shared.spec, preset.spec, "preset {}", preset.id);
            assert_eq!(shared.lang, lang);
        }
    }
}

#[test]
fn generated_scenarios_round_trip_under_every_policy() {
    for seed in 0..40u64 {
        for policy in policies() {
            let options = GenOptions {
                threads: 1 + (seed % 3) as u32,
                policy: policy.clone(),
                ..GenOptions::default()
            };
            let mut spec = generate(seed, &options);
            spec.seed = seed * 7919;
            spec.machine.cpus = 1 + (seed % 4) as u32;
            spec.machine.dispatch_latency = seed % 3;
            spec.machine.cache.enabled = seed % 2 == 0;
            spec.machine.topology = match seed % 3 {
                0 => proclab_core::spec::QueueTopology::Shared,
                1 => proclab_core::spec::QueueTopology::Affinity,
                _ => proclab_core::spec::QueueTopology::PerCpu,
            };
            // Operations between bursts, in a process's own bursts or in a thread's.
            if seed % 4 == 0 {
                let process = &mut spec.processes[0];
                let bursts = match process.threads.last_mut() {
                    Some(thread) => &mut thread.bursts,
                    None => &mut process.bursts,
                };
                bursts.insert(0, BurstSpec::Lock(format!("m{seed}")));
                bursts.push(BurstSpec::Unlock(format!("m{seed}")));
                bursts.push(BurstSpec::Signal(String::from("s")));
                spec.semaphores = vec![proclab_core::spec::SemaphoreSpec {
                    name: String::from("s"),
                    initial: (seed % 3) as u32,
                }];
            }
            let shared = decode(&encode(&spec, Lang::En)).unwrap().unwrap();
            assert_eq!(shared.spec, spec, "seed {seed}");
        }
    }
}

#[test]
fn a_link_for_eight_processes_is_short() {
    let spec = generate(
        8,
        &GenOptions {
            processes: 8,
            max_cpu_bursts: 1,
            ..GenOptions::default()
        },
    );
    let link = encode(&spec, Lang::Ko);
    assert!(link.len() <= 150, "{} characters: {link}", link.len());
}

#[test]
fn other_fragments_are_not_links() {
    assert_eq!(decode(""), Ok(None));
    assert_eq!(decode("#section-2"), Ok(None));
}

#[test]
fn broken_links_say_why() {
    let link = encode(&presets()[0].spec, Lang::En);
    assert_eq!(
        decode(&format!("{PREFIX}!!!not-base64")),
        Err(LinkError::NotBase64)
    );
    assert_eq!(decode(&link[..link.len() - 6]), Err(LinkError::Corrupt));
    assert_eq!(decode(&format!("{link}AAAA")), Err(LinkError::Corrupt));
    // Versions 0 to 5 (V1 to V6) are known; 6 is not.
    assert_eq!(
        decode(&format!("{PREFIX}Bg")),
        Err(LinkError::UnknownVersion)
    );
    let huge = format!("{PREFIX}{}", "A".repeat(MAX_FRAGMENT));
    assert_eq!(decode(&huge), Err(LinkError::TooLong));
}

#[test]
fn no_input_panics() {
    let mut rng = Pcg32::new(2024, 54);
    let valid = encode(&generate(3, &GenOptions::default()), Lang::En);
    let alphabet: Vec<char> =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/%#"
            .chars()
            .collect();
    let mut opened = 0;
    for round in 0..3000u32 {
        let candidate = match round % 3 {
            0 => {
                let length = rng.between(0, 200) as usize;
                let body: String = (0..length)
                    .map(|_| alphabet[rng.between(0, alphabet.len() as u64 - 1) as usize])
                    .collect();
                format!("{PREFIX}{body}")
            }
            1 => valid[..rng.between(0, valid.len() as u64) as usize].to_string(),
            _ => {
                let mut bytes: Vec<char> = valid.chars().collect();
                let position = rng.between(PREFIX.len() as u64, bytes.len() as u64 - 1) as usize;
                bytes[position] = alphabet[rng.between(0, 63) as usize];
                bytes.into_iter().collect()
            }
        };
        if let Ok(Some(shared)) = decode(&candidate) {
            // Whatever decodes is an ordinary spec: validation decides, and must not panic either.
            let _ = proclab_core::Scenario::new(&shared.spec);
            opened += 1;
        }
    }
    assert!(opened > 0, "some mutations should still decode");
}

#[test]
fn decoded_spec_is_plain_data() {
    let spec = ScenarioSpec::default();
    assert_eq!(
        decode(&encode(&spec, Lang::En)).unwrap().unwrap().spec,
        spec
    );
}

#[test]
fn every_preset_has_a_title_and_a_lesson_in_both_languages() {
    for preset in presets() {
        for lang in [Lang::Ko, Lang::En] {
            let (title, notice) = proclab_app::i18n::preset_text(preset.id, lang);
            assert!(
                !title.is_empty() && title != preset.id.as_str(),
                "{} has no title",
                preset.id
            );
            assert!(!notice.is_empty(), "{} has no lesson", preset.id);
        }
    }
}

#[test]
fn a_program_its_registers_and_a_chosen_schedule_survive_a_link() {
    let mut spec = presets()[0].spec.clone();
    spec.processes.truncate(1);
    spec.processes[0].bursts.clear();
    spec.processes[0].program =
        ".var counter\nmov counter, %ax\nadd $1, %ax\nmov %ax, counter\nhalt\n".into();
    spec.processes[0].threads = vec![
        proclab_core::ThreadSpec {
            registers: "bx=3".into(),
            ..Default::default()
        },
        proclab_core::ThreadSpec::default(),
    ];
    spec.schedule = Some(proclab_core::ScheduleSpec {
        threads: vec![0, 1, 1, 0],
        repeat: false,
    });
    spec.machine.instruction_budget = 500;
    spec.conventions.timer_continues_after_exit = true;
    let link = encode(&spec, Lang::Ko);
    let shared = decode(&link).expect("opens").expect("a link");
    assert_eq!(shared.spec, spec);
    assert_eq!(shared.lang, Lang::Ko);
}

#[test]
fn links_of_the_path_routed_page_still_open() {
    let link = encode(&presets()[0].spec, Lang::Ko);
    assert!(
        link.starts_with("#/?s="),
        "today's links sit on the simulator's route: {link}"
    );
    let payload = &link[PREFIX.len()..];
    let old = format!("{OLD_PREFIX}{payload}");
    assert_eq!(decode(&old), decode(&link));
    assert!(decode(&link).unwrap().is_some());
}

#[test]
fn old_addresses_move_to_the_fragment_route() {
    assert_eq!(
        upgrade("", "#s=AAB"),
        Some((String::new(), "#/?s=AAB".into()))
    );
    assert_eq!(
        upgrade("?lang=ko", "#s=AAB"),
        Some(("?lang=ko".into(), "#/?s=AAB".into()))
    );
    assert_eq!(
        upgrade("?s=AAB", ""),
        Some((String::new(), "#/?s=AAB".into()))
    );
    assert_eq!(
        upgrade("?x=1&s=AAB&y=2", "#/learn"),
        Some(("?x=1&y=2".into(), "#/?s=AAB".into()))
    );
    // Today's addresses, and addresses without a link, stay.
    assert_eq!(upgrade("", "#/?s=AAB"), None);
    assert_eq!(upgrade("", "#/learn/states"), None);
    assert_eq!(upgrade("?x=1", ""), None);
    assert_eq!(upgrade("", ""), None);
}

#[test]
fn a_kernel_entry_cost_survives_a_link_and_links_without_one_keep_their_old_form() {
    use base64::Engine;
    let variant = |spec: &proclab_core::ScenarioSpec| {
        let link = encode(spec, Lang::En);
        let payload = link
            .strip_prefix(proclab_app::share::PREFIX)
            .expect("a link");
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .expect("base64");
        bytes[0]
    };
    let preset = |id: &str| {
        presets()
            .into_iter()
            .find(|preset| preset.id.as_str() == id)
            .expect("a preset")
            .spec
    };
    // A program without the cost is still written as V3 (variant 2), as before the cost existed.
    let pipe = preset("pipe-writer-reader");
    assert_eq!(variant(&pipe), 2);
    let mut costly = pipe.clone();
    costly.machine.kernel_entry_cost = 5;
    assert_eq!(variant(&costly), 3);
    assert_eq!(
        decode(&encode(&costly, Lang::En)).unwrap().unwrap().spec,
        costly
    );
    // Bursts with a cost too.
    let mut bursts = presets()[0].spec.clone();
    bursts.machine.kernel_entry_cost = 2;
    assert_eq!(
        decode(&encode(&bursts, Lang::Ko)).unwrap().unwrap().spec,
        bursts
    );
}

#[test]
fn files_with_the_warm_up_model_cpu_lists_and_peeking_open_and_round_trip() {
    use proclab_app::files::{parse_scenario_json, scenario_json};
    let base = r#"{"processes":[{"bursts":[{"cpu":5}]}],"policy":{"kind":"rr","quantum":2}"#;
    assert!(parse_scenario_json(&format!("{base}}}")).is_ok());
    // The warm-up model is a choice of the form: such a file opens with its settings.
    let warmup =
        r#""machine":{"cache":{"enabled":true,"model":"warmup","warmup_time":4,"warm_rate":3}}"#;
    let spec = parse_scenario_json(&format!("{base},{warmup}}}")).unwrap();
    assert_eq!(spec.machine.cache.model, proclab_core::CacheModel::Warmup);
    assert_eq!(
        (spec.machine.cache.warmup_time, spec.machine.cache.warm_rate),
        (4, 3)
    );
    // The form has a peek interval: such a file opens.
    let peeking = r#""machine":{"cpus":2,"topology":"per_cpu","peek_interval":5}"#;
    assert!(parse_scenario_json(&format!("{base},{peeking}}}")).is_ok());
    // And CPU lists (an advanced column of the workload table).
    let pinned = r#"{"processes":[{"bursts":[{"cpu":5}],"cpus":[0]}]}"#;
    assert!(parse_scenario_json(pinned).is_ok());
    // What the page saves it opens again, through the form's draft too.
    for preset in presets()
        .into_iter()
        .take(1)
        .chain(proclab_core::presets::warmup_presets())
    {
        let spec = preset.spec;
        assert_eq!(parse_scenario_json(&scenario_json(&spec)), Ok(spec.clone()));
        let (read, problems) = proclab_app::draft::Draft::from_spec(&spec).read();
        assert!(problems.is_empty(), "preset {}", preset.id);
        assert_eq!(read, spec, "preset {}", preset.id);
    }
}

#[test]
fn cpu_lists_the_peek_interval_and_the_warm_up_model_survive_a_link() {
    // The warm-up presets carry the model, CPU lists and peek intervals; links without any of
    // them keep their older, shorter versions.
    for preset in proclab_core::presets::warmup_presets() {
        for lang in [Lang::Ko, Lang::En] {
            let shared = decode(&encode(&preset.spec, lang)).unwrap().unwrap();
            assert_eq!(shared.spec, preset.spec, "preset {}", preset.id);
        }
    }
    let mut spec = generate(5, &GenOptions::default());
    let plain = encode(&spec, Lang::En);
    spec.machine.cpus = 2;
    spec.machine.topology = proclab_core::spec::QueueTopology::PerCpu;
    spec.machine.peek_interval = Some(0);
    spec.processes[0].cpus = vec![1];
    spec.machine.cache.warmup_time = 7;
    let link = encode(&spec, Lang::En);
    assert!(link.len() > plain.len());
    assert_eq!(decode(&link).unwrap().unwrap().spec, spec);
}

#[test]
fn the_page_opens_a_link_with_the_warm_up_model_and_shares_it_back() {
    use proclab_app::session::{Notice, Session};
    for preset in proclab_core::presets::warmup_presets() {
        let link = encode(&preset.spec, Lang::En);
        let session = Session::start(Lang::En, &link, None, None);
        // A link to an example opens as that example, its lesson shown.
        assert_eq!(
            session.notice,
            Some(Notice::Preset(preset.id)),
            "preset {}",
            preset.id
        );
        let spec = session.spec.as_deref().expect("a valid scenario");
        assert_eq!(*spec, preset.spec, "preset {}", preset.id);
        // Its run is the warm-up model's, from the core.
        let simulation = session.simulation.as_ref().expect("a run");
        let scenario = proclab_core::Scenario::new(&preset.spec).unwrap();
        assert_eq!(
            simulation.warmup,
            proclab_core::warmup::simulate(&scenario),
            "preset {}",
            preset.id
        );
        // Shared again, the link is the same.
        assert_eq!(encode(spec, Lang::En), link, "preset {}", preset.id);
    }
}

#[test]
fn a_file_read_as_bytes_opens_as_its_text_does_and_says_where_it_breaks() {
    use proclab_app::files::{parse_scenario_bytes, parse_scenario_json, scenario_json, FileError};
    let spec = generate(20, &GenOptions::default());
    let text = scenario_json(&spec);
    assert_eq!(parse_scenario_bytes(text.as_bytes()), Ok(spec.clone()));
    // Saved by an editor that marks UTF-8 with a byte order mark.
    let marked = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(parse_scenario_bytes(&marked), Ok(spec));
    // Broken files: the same error, at the same line and column, either way.
    for broken in [
        "{\"version\": 1, \"processes\": [",
        "{\n  \"version\": 1,\n  \"processes\": 7\n}",
        "not json",
    ] {
        let by_bytes = parse_scenario_bytes(broken.as_bytes());
        assert!(
            matches!(
                by_bytes,
                Err(FileError::NotJson { .. }
                    | FileError::CutShort { .. }
                    | FileError::NotAScenario { .. })
            ),
            "{broken}"
        );
        assert_eq!(by_bytes, parse_scenario_json(broken), "{broken}");
    }
    assert!(matches!(
        parse_scenario_bytes(b"{\"version\": 1, \"processes\": 7}"),
        Err(FileError::NotAScenario { line: 1, .. })
    ));
    // Valid JSON the reader stops in with a "syntax" error of its own (a bare number where a
    // burst's object goes, a burst of two kinds at once) is told as the wrong form, not as
    // broken JSON.
    for wrong in [
        r#"{"processes":[{"name":"P1","arrival":0,"bursts":[8,4]}],"policy":{"kind":"fcfs"}}"#,
        r#"{"processes":[{"name":"P1","arrival":0,"bursts":[{"cpu":3,"io":2}]}],"policy":{"kind":"fcfs"}}"#,
    ] {
        let error = parse_scenario_bytes(wrong.as_bytes()).unwrap_err();
        let FileError::NotAScenario { detail, .. } = &error else {
            panic!("{wrong}: {error:?}");
        };
        assert_eq!(detail, proclab_app::files::WRONG_FORM);
        let words = proclab_app::i18n::file_error(&error, proclab_app::lang::Lang::En);
        assert!(words.contains(r#"{"cpu": 5} or {"io": 3}"#), "{words}");
    }
    // A policy written as its name alone: the reader's name for the type is not shown.
    let error = parse_scenario_bytes(
        br#"{"processes":[{"name":"P1","arrival":0,"bursts":[{"cpu":3}]}],"policy":"rr"}"#,
    )
    .unwrap_err();
    let words = proclab_app::i18n::file_error(&error, proclab_app::lang::Lang::En);
    assert!(words.contains(r#"an object with a "kind""#), "{words}");
    assert!(!words.contains("internally tagged"), "{words}");
}

#[test]
fn a_file_that_is_not_a_scenario_is_told_in_plain_words_of_either_language() {
    use proclab_app::files::parse_scenario_json;
    use proclab_app::i18n::file_error;
    let said = |json: &str, lang: Lang| match parse_scenario_json(json) {
        Err(error) => file_error(&error, lang),
        Ok(_) => panic!("{json} was read"),
    };
    let misspelt =
        r#"{"version": 1, "processes": [{"name": "A", "arival": 0, "bursts": [{"cpu": 3}]}]}"#;
    let english = said(misspelt, Lang::En);
    assert!(
        english.contains("there is no field “arival”; the fields are "),
        "{english}"
    );
    assert!(english.contains("arrival"), "{english}");
    let korean = said(misspelt, Lang::Ko);
    assert!(
        korean.contains("“arival”이라는 항목은 없습니다. 쓸 수 있는 항목: "),
        "{korean}"
    );
    // A policy or a queue that takes no parameters refuses one too (FCFS with a quantum had
    // been read as FCFS, the quantum dropped).
    for policy in [
        r#"{"kind": "fcfs", "quantum": 3}"#,
        r#"{"kind": "srtf", "preemptive": false}"#,
        r#"{"kind": "hrrn", "x": 1}"#,
        r#"{"kind": "mlq", "queues": [{"kind": "fcfs", "quantum": 3}]}"#,
        r#"{"kind": "mlq", "queues": [{"kind": "sjf", "x": 1}]}"#,
    ] {
        let file =
            format!(r#"{{"processes": [{{"bursts": [{{"cpu": 3}}]}}], "policy": {policy}}}"#);
        let english = said(&file, Lang::En);
        assert!(
            english.contains("this kind takes no field but “kind”"),
            "{english}"
        );
        assert!(said(&file, Lang::Ko).contains("항목은 없습니다. 이 종류에는"));
    }
    // A file of nothing, or of JSON that is not an object, is told so; a list where one goes is
    // named as the file writes it.
    for (file, english, korean) in [
        ("  \n", "the file is empty.", "파일이 비어 있습니다."),
        (
            "[1, 2, 3]",
            "a scenario file is one JSON object { ... }",
            "시나리오 파일은 JSON 객체 하나",
        ),
        (
            "{\"processes\": [\n",
            "the file ends before its JSON does (at line 2): it may be cut short.",
            "JSON이 끝나기 전에 파일이 끝납니다(2번째 줄에서).",
        ),
        (
            "42",
            "a scenario file is one JSON object { ... }",
            "시나리오 파일은 JSON 객체 하나",
        ),
        (
            r#"{"processes": {"bursts": [{"cpu": 5}]}}"#,
            "at processes (line 1, column 14): an object { ... } where a list [ ... ] is expected.",
            "processes(1번째 줄 14번째 글자): ProcLab 시나리오 형식이 아닙니다 (목록 [ ... ]이 와야 할 곳에 객체 { ... }).",
        ),
        // The value's place is named by its JSON path (it had been a line and a column alone).
        (
            "{\"processes\": [\n  {\"bursts\": [{\"cpu\": 5}]},\n  {\"arrival\": -3, \"bursts\": [{\"cpu\": 2}]}\n]}",
            "at processes[1].arrival (line 3, column 16): -3 where a whole number, 0 or more is expected.",
            "processes[1].arrival(3번째 줄 16번째 글자)",
        ),
    ] {
        assert!(
            said(file, Lang::En).contains(english),
            "{}",
            said(file, Lang::En)
        );
        assert!(
            said(file, Lang::Ko).contains(korean),
            "{}",
            said(file, Lang::Ko)
        );
    }
    // What they are written as is read as before.
    for policy in [
        r#"{"kind": "fcfs"}"#,
        r#"{"kind": "srtf"}"#,
        r#"{"kind": "hrrn"}"#,
        r#"{"kind": "mlq", "queues": [{"kind": "fcfs"}, {"kind": "sjf"}, {"kind": "rr", "quantum": 2}]}"#,
    ] {
        let file =
            format!(r#"{{"processes": [{{"bursts": [{{"cpu": 3}}]}}], "policy": {policy}}}"#);
        assert!(parse_scenario_json(&file).is_ok(), "{policy}");
    }
    let negative =
        r#"{"version": 1, "processes": [{"name": "A", "arrival": -3, "bursts": [{"cpu": 3}]}]}"#;
    assert!(
        said(negative, Lang::En).contains(": -3 where a whole number, 0 or more is expected."),
        "{}",
        said(negative, Lang::En)
    );
    let korean = said(negative, Lang::Ko);
    assert!(
        korean.contains("(0 이상의 정수가 와야 할 곳에 -3)"),
        "{korean}"
    );
    assert!(
        !korean.contains("expected") && !korean.contains("u64"),
        "{korean}"
    );
    let text = r#"{"version": 1, "processes": [{"name": "A", "arrival": "soon", "bursts": [{"cpu": 3}]}]}"#;
    assert!(
        said(text, Lang::En).contains("at processes[0].arrival (line 1, column 60): \"soon\" where a whole number, 0 or more is expected."),
        "{}",
        said(text, Lang::En)
    );
}

/// A link can name the instant it shows (`&t=N` after the payload); a link without one, or with
/// one this page cannot read, opens the same scenario at its start.
#[test]
fn a_link_names_its_instant_and_old_links_open_at_the_start() {
    use proclab_app::share::{encode_at, TICK_PARAM};
    let spec = presets()[0].spec.clone();
    for lang in [Lang::Ko, Lang::En] {
        let at = encode_at(&spec, lang, 13, false);
        assert!(at.ends_with(&format!("{TICK_PARAM}13")), "{at}");
        let shared = decode(&at).expect("readable").expect("a link");
        assert_eq!(
            (shared.spec.clone(), shared.lang, shared.tick),
            (spec.clone(), lang, Some(13))
        );
        // Tick 0 writes no parameter: the link is the one an earlier page made.
        assert_eq!(encode_at(&spec, lang, 0, false), encode(&spec, lang));
        assert_eq!(decode(&encode(&spec, lang)).unwrap().unwrap().tick, None);
        // Unknown or unreadable parameters are left alone.
        for tail in ["&t=x", "&t=", "&zoom=2", "&zoom=2&t=-1"] {
            let shared = decode(&format!("{}{tail}", encode(&spec, lang)))
                .expect("readable")
                .expect("a link");
            assert_eq!(
                (shared.spec.clone(), shared.tick),
                (spec.clone(), None),
                "{tail}"
            );
        }
        let shared = decode(&format!("{}&zoom=2&t=7", encode(&spec, lang)))
            .unwrap()
            .unwrap();
        assert_eq!(shared.tick, Some(7));
    }
}

/// A link to an example opens as the example (its name in the menu, its lesson above the form);
/// a link to anything else says it was opened from a link.
#[test]
fn a_link_to_an_example_opens_as_the_example() {
    use proclab_app::session::{Notice, Session};
    for lang in [Lang::Ko, Lang::En] {
        let example = presets()
            .into_iter()
            .find(|preset| preset.id.as_str() == "race-two-threads")
            .expect("the example");
        let spec = proclab_app::program_words::spec_in(&example.spec, lang);
        let session = Session::start(lang, &encode(&spec, lang), None, None);
        assert_eq!(session.notice, Some(Notice::Preset(example.id)));
        let mut changed = spec.clone();
        changed.processes[0].arrival = 1;
        let session = Session::start(lang, &encode(&changed, lang), None, None);
        assert_eq!(session.notice, Some(Notice::LinkOpened));
    }
}

/// `&view=compare` is read beside `&t=N`, in either order; a link without it opens on the run.
#[test]
fn a_link_can_name_the_comparison_tab() {
    use proclab_app::share::{encode_at, COMPARE_PARAM};
    let spec = presets()[0].spec.clone();
    let link = encode_at(&spec, Lang::En, 13, true);
    let shared = decode(&link).unwrap().unwrap();
    assert_eq!((shared.tick, shared.compare), (Some(13), true));
    let swapped = format!("{}{COMPARE_PARAM}&t=4", encode(&spec, Lang::En));
    let shared = decode(&swapped).unwrap().unwrap();
    assert_eq!(
        (shared.tick, shared.compare, shared.spec),
        (Some(4), true, spec.clone())
    );
    for tail in ["", "&view=run", "&view=", "&view=comparex"] {
        let shared = decode(&format!("{}{tail}", encode(&spec, Lang::En)))
            .unwrap()
            .unwrap();
        assert!(!shared.compare, "{tail}");
    }
}

/// A mistake inside the policy is placed on its own line, by its path (the reader holds the
/// policy until its end, and had told every mistake in it at the policy's closing brace, as
/// "policy"): every example's policy, each of its values and keys broken in turn.
#[test]
fn a_mistake_in_the_policy_is_placed_where_it_is() {
    use proclab_app::files::{parse_scenario_json, FileError};
    let mut placed = 0;
    for preset in presets() {
        let text = serde_json::to_string_pretty(&preset.spec).unwrap();
        let start = text.find("\"policy\": {").unwrap() + "\"policy\": ".len();
        let mut depth = 0;
        let end = start
            + text[start..]
                .char_indices()
                .find(|(_, c)| {
                    match c {
                        '{' | '[' => depth += 1,
                        '}' | ']' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .unwrap()
                .0;
        let policy = &text[start..=end];
        let line_of = |at: usize| text[..at].matches('\n').count() + 1;
        let mut broken = Vec::new();
        for (at, _) in policy.match_indices("\": ") {
            let key_start = policy[..at].rfind('"').unwrap();
            if &policy[key_start..at] == "\"kind" {
                continue;
            }
            let value_start = at + 3;
            let value_end =
                value_start + policy[value_start..].find([',', '\n', '}', ']']).unwrap();
            let absolute = start + value_start;
            if !policy[value_start..].starts_with(['{', '[']) {
                for wrong in ["\"x\"", "-3"] {
                    broken.push((
                        format!("{}{wrong}{}", &text[..absolute], &text[start + value_end..]),
                        line_of(absolute),
                    ));
                }
            }
            broken.push((
                format!("{}x{}", &text[..start + at], &text[start + at..]),
                line_of(start + at),
            ));
        }
        for (file, line) in broken {
            match parse_scenario_json(&file) {
                Ok(_) => {}
                Err(FileError::NotAScenario {
                    line: said,
                    path,
                    detail,
                    ..
                }) => {
                    assert_eq!(said, line, "{file}");
                    // The same complaint as the whole file's reading makes: the kinds' fields
                    // read again here are the core's.
                    let whole = serde_json::from_str::<proclab_core::ScenarioSpec>(&file)
                        .unwrap_err()
                        .to_string();
                    assert!(whole.starts_with(&detail), "{detail} / {whole}");
                    assert!(
                        path.as_deref()
                            .is_some_and(|path| path.starts_with("policy")),
                        "{path:?}"
                    );
                    placed += 1;
                }
                Err(other) => panic!("{other:?} for {file}"),
            }
        }
    }
    assert!(placed > 100, "{placed}");
    // A teacher's misspelt level, and levels or a level's quantum left out (which had silently
    // become slices of 10).
    let said = |file: &str| {
        proclab_app::i18n::file_error(&parse_scenario_json(file).unwrap_err(), Lang::En)
    };
    let levels = |second: &str| {
        format!("{{\"processes\": [{{\"bursts\": [{{\"cpu\": 5}}]}}],\n \"policy\": {{\"kind\": \"mlfq\",\n  \"levels\": [{{\"quantum\": 2, \"allotment\": 1}},\n             {second}]}},\n \"seed\": 3}}\n")
    };
    assert_eq!(
        said(&levels(r#"{ "quantum": 4, "alotment": 1 }"#)),
        "it is not a ProcLab scenario at policy.levels[1].alotment (line 4, column 39): there is no field “alotment”; the fields are quantum, allotment."
    );
    assert_eq!(
        said(&levels(r#"{ "allotment": 1 }"#)),
        "it is not a ProcLab scenario at policy.levels[1] (line 4, column 31): the field “quantum” is missing."
    );
    assert!(parse_scenario_json(&levels(r#"{ "quantum": null }"#)).is_ok());
    assert!(said(r#"{"policy": {"kind": "mlfq"}}"#).ends_with("the field “levels” is missing."));
    // The last queue of a multilevel queue, which the reader tells after the list's end.
    let last = "{\"policy\": {\"kind\": \"mlq\",\n  \"queues\": [\n    {\"kind\": \"rr\", \"quantum\": 2},\n    {\"kind\": \"rr\", \"quantum\": \"x\"}\n  ]\n}}";
    assert!(
        said(last).starts_with("it is not a ProcLab scenario at policy.queues[1].quantum (line 4,"),
        "{}",
        said(last)
    );
}

/// The usual slips of JSON written by hand are named, in either language (a trailing comma had
/// been told "not valid JSON, or it is cut short", and a teacher looked for a missing end).
#[test]
fn the_usual_slips_of_json_written_by_hand_are_named() {
    use proclab_app::files::{parse_scenario_json, FileError, JsonSlip};
    for (file, slip, english, korean) in [
        (
            "{\"processes\": [\n  {\"bursts\": [{\"cpu\": 3}]},\n]}",
            JsonSlip::TrailingComma,
            "at line 3, column 1: a comma just before ] or } is not allowed in JSON",
            "3번째 줄 1번째 글자: ] 또는 } 바로 앞의 쉼표는",
        ),
        (
            "{\"processes\": [\n  // the first\n  {\"bursts\": [{\"cpu\": 3}]}\n]}",
            JsonSlip::Comment,
            "at line 2, column 3: JSON has no comments",
            "JSON에는 주석(// 또는 /* */)이 없습니다",
        ),
        (
            "{'processes': []}",
            JsonSlip::SingleQuotes,
            "JSON puts texts and field names in double quotes (\"), not single quotes (')",
            "작은따옴표(')는 쓸 수 없습니다",
        ),
        (
            "{processes: []}",
            JsonSlip::UnquotedKey,
            "a field's name goes in double quotes",
            "항목 이름은 큰따옴표 안에",
        ),
        (
            "{\"processes\": [\n  {\"bursts\": [{\"cpu\": 3}]}\n  {\"bursts\": [{\"cpu\": 3}]}\n]}",
            JsonSlip::MissingComma,
            "at line 3, column 3: a comma is missing between two values",
            "두 값 사이에 쉼표가 없거나",
        ),
    ] {
        let error = parse_scenario_json(file).unwrap_err();
        assert!(
            matches!(error, FileError::NotJson { slip: Some(found), .. } if found == slip),
            "{error:?}"
        );
        let said = proclab_app::i18n::file_error(&error, Lang::En);
        assert!(said.contains(english), "{said}");
        let said = proclab_app::i18n::file_error(&error, Lang::Ko);
        assert!(said.contains(korean), "{said}");
    }
    // Text that is no JSON at all is not taken for one of them.
    assert!(matches!(
        parse_scenario_json("hello"),
        Err(FileError::NotJson { slip: None, .. })
    ));
}

/// The reader's words for a field written twice and for a kind that is not a name are plain
/// words of either language (they had come through as "duplicate field `processes`" and
/// "5 where variant identifier is expected", English in a Korean page).
#[test]
fn a_field_written_twice_and_a_kind_that_is_no_name_are_told_plainly() {
    use proclab_app::files::parse_scenario_json;
    let said = |file: &str, lang: Lang| {
        proclab_app::i18n::file_error(&parse_scenario_json(file).unwrap_err(), lang)
    };
    let twice = r#"{"processes": [], "processes": []}"#;
    assert!(said(twice, Lang::En).contains("the field “processes” is written twice: keep one"));
    assert!(said(twice, Lang::Ko).contains("“processes” 항목이 두 번 쓰였습니다"));
    let number = r#"{"processes": [{"bursts": [{"cpu": 2}]}], "policy": {"kind": 5}}"#;
    assert!(
        said(number, Lang::En).contains("5 where a name in quotes is expected"),
        "{}",
        said(number, Lang::En)
    );
    assert!(!said(number, Lang::Ko).contains("variant"));
}
