//! The `proclab` binary on files: printed numbers, JSON output, named errors and exit codes.

use std::process::{Command, Output};

fn proclab(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proclab"))
        .args(arguments)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

/// `proclab COMMAND FILE` on preset `id` written to a file of its own, as a teacher would.
fn on_preset(command: &str, id: &str) -> Output {
    let preset = proclab(&["presets", id]);
    assert!(preset.status.success(), "{}", stderr(&preset));
    let path = std::env::temp_dir().join(format!("proclab-{id}-{}.json", std::process::id()));
    std::fs::write(&path, &preset.stdout).unwrap();
    let output = proclab(&[command, path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn run_prints_the_silberschatz_rr_answer_key() {
    let output = proclab(&["run", "tests/data/rr_silberschatz.json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("CPU0: 0 P1 4 P2 7 P3 10 P1 30\n"),
        "{text}"
    );
    assert!(
        text.contains("average                    15.67 5.67 3.67"),
        "{text}"
    );
    // The key says which policy it is of.
    assert!(
        text.contains("\nPolicy: RR (q=4)\nEach dispatch gives a fresh quantum"),
        "{text}"
    );
}

#[test]
fn run_reproduces_a_reference_case_with_switch_cost() {
    // ref_extra.json ref-rr-188: RR q=4 with a context-switch cost of 3 ticks. The reference's
    // wait (turnaround - cpu - io) is ProcLab's waiting + switch.
    let output = proclab(&["run", "tests/data/ref_rr_188_cs3.json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("CPU0: 0 - 2 J4 6 CS 9 J1 10 CS 13 J2 16 CS 19 J4 20 CS 23 J0 27 CS 30 J3 34 CS 37 J0 38"), "{text}");
    for row in [
        "J0           7   5  0   38    31    20    16      6     0",
        "J1           4   1  0   10     6     2     5      3     0",
        "J4           2   5  0   20    18    10     0      3     0",
    ] {
        assert!(text.contains(row), "missing row {row:?} in\n{text}");
    }
}

#[test]
fn run_states_the_conventions_in_force_as_the_page_does() {
    let defaults = stdout(&proclab(&["run", "tests/data/rr_silberschatz.json"]));
    assert!(
        defaults.ends_with(
            "Conventions in force: Textbook defaults (Silberschatz); no convention changed.\n"
        ),
        "{defaults}"
    );
    // OSTEP's mlfq.py queues an expired job before the same tick's arrivals: said so.
    let ostep = stdout(&proclab(&["run", "tests/data/ostep_mlfq_001.json"]));
    assert!(
        ostep.contains("Conventions in force: Textbook defaults, except:\n  - "),
        "{ostep}"
    );
    // Each changed rule says whether it changes this run: in this one, none does (the default
    // gives the same schedule); the page says the same (`Simulation::convention_changes_run`).
    let changed = ostep
        .lines()
        .filter(|line| line.starts_with("  - "))
        .count();
    let same = ostep
        .lines()
        .filter(|line| {
            line.ends_with(" No difference in this run: the default gives the same schedule.")
        })
        .count();
    assert_eq!((changed, same), (4, 4), "{ostep}");
    // Where a switch costs something, when it is paid; not where it costs nothing.
    assert!(!defaults.contains("A context switch costs"), "{defaults}");
    let switching = stdout(&proclab(&["run", "tests/data/ref_rr_188_cs3.json"]));
    assert!(
        switching.contains("\nA context switch costs 3 ticks each time a CPU starts a thread other than the one it ran last, after an idle spell too;"),
        "{switching}"
    );
    let korean = stdout(&proclab(&[
        "run",
        "tests/data/ostep_mlfq_001.json",
        "--lang",
        "ko",
    ]));
    assert!(
        korean.contains("적용된 규칙: 교재 기본값을 따르되"),
        "{korean}"
    );
}

#[test]
fn run_reproduces_an_ostep_mlfq_case() {
    let output = proclab(&["run", "tests/data/ostep_mlfq_001.json", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    let processes = json["metrics"]["processes"].as_array().expect("processes");
    assert_eq!(processes[0]["completion"], 200);
    assert_eq!(processes[0]["response"], 0);
    assert_eq!(processes[1]["completion"], 120);
    assert_eq!(processes[1]["turnaround"], 20);
    assert_eq!(json["end_tick"], 200);
}

#[test]
fn a_bad_file_names_every_field_and_rule_and_exits_non_zero() {
    let output = proclab(&["run", "tests/data/bad.json"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains(
            "processes[0].bursts: The first burst of process 1 is I/O; bursts must start with CPU."
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "processes[0].bursts: Burst 2 of process 1 is 0; a CPU burst must be at least 1 tick."
        ),
        "{text}"
    );
    assert!(
        text.contains("processes[1].class: Process 2 is in class 3, but there is no such queue"),
        "{text}"
    );
    assert!(
        text.contains("policy.queues[0].quantum: A time quantum must be at least 1 tick."),
        "{text}"
    );
}

#[test]
fn errors_speak_korean_on_request() {
    let output = proclab(&["run", "tests/data/bad.json", "--lang", "ko"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("processes[0].bursts: 1번 프로세스의 첫 버스트가 I/O입니다."));
}

#[test]
fn a_value_of_the_wrong_form_is_told_with_its_field() {
    let path = std::env::temp_dir().join(format!("proclab-negative-{}.json", std::process::id()));
    std::fs::write(
        &path,
        "{\n  \"processes\": [\n    {\"bursts\": [{\"cpu\": 2}]},\n    {\"arrival\": -3, \"bursts\": [{\"cpu\": 5}]}\n  ]\n}\n",
    )
    .unwrap();
    let output = proclab(&["run", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(
            "not a scenario JSON file: processes[1].arrival: it is not a ProcLab scenario at line 4, column 18 (-3 where"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn malformed_json_and_missing_files_fail_cleanly() {
    let output = proclab(&["run", "tests/data/not_json.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not a scenario JSON file"));
    let output = proclab(&["run", "tests/data/does_not_exist.json"]);
    assert_eq!(output.status.code(), Some(1));
    // In Korean, the reason too.
    let output = proclab(&["run", "tests/data/does_not_exist.json", "--lang", "ko"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).ends_with("파일을 읽을 수 없음: 그런 파일이 없습니다\n"),
        "{}",
        stderr(&output)
    );
    let output = proclab(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn an_option_a_command_does_not_read_is_refused_and_help_shows_its_usage() {
    let file = "tests/data/rr_silberschatz.json";
    for (arguments, said) in [
        (
            vec!["run", file, "--bogus"],
            "--bogus: not an option of run (it takes --format, --events, --pretty, --lang)",
        ),
        (
            vec!["run", file, "--lang", "fr"],
            "--lang fr: expected en or ko",
        ),
        (
            vec!["compare", file, "--format", "json"],
            "--format: not an option of compare (it takes --lang)",
        ),
        (
            vec!["run", file, "extra.json"],
            "\"extra.json\": run takes one scenario file",
        ),
        // Accepted and then ignored would be worse than refused.
        (
            vec!["run", file, "--events"],
            "--events: only with --format json",
        ),
        (
            vec!["run", file, "--pretty", "--format", "text"],
            "--pretty: only with --format json",
        ),
        (
            vec!["gen", "--seed", "7", "--policy", "fcfs", "--quantum", "4"],
            "--quantum: the fcfs policy has no time quantum",
        ),
        // A flag of x86 that cannot be run is a usage error too.
        (
            vec!["x86", "../proclab-core/tests/data/x86/counter-race.s", "--threads", "0"],
            "at least one thread is needed.",
        ),
        // Nor do its options quietly become others.
        (
            vec!["gen", "--seed", "7", "--max-burst", "0"],
            "--max-burst 0: 1 to 1000000000",
        ),
        (
            vec!["gen", "--seed", "7", "--threads", "0"],
            "--threads 0: 1 to 64",
        ),
        (
            vec!["run", file, "--format", "json", "--format", "text"],
            "--format: given twice (json, then text); give it once",
        ),
        (
            vec!["gen", "--seed", "1", "--io", "--io"],
            "--io: given twice; give it once",
        ),
        // Nor does gen write a file that run would refuse.
        (
            vec!["gen", "--seed", "7", "--quantum", "0"],
            "these options make a scenario that cannot run:\n  policy.quantum: A time quantum must be at least 1 tick.",
        ),
    ] {
        let output = proclab(&arguments);
        assert_eq!(output.status.code(), Some(2), "{arguments:?}");
        let message = stderr(&output);
        assert!(
            message.starts_with(&format!("proclab: {said}")),
            "{message}"
        );
        // The usage of the command misused, not of every command.
        assert!(
            message.contains(&format!("  proclab {} ", arguments[0])),
            "{message}"
        );
        assert!(!message.contains("proclab bench"), "{message}");
    }
    let help = proclab(&["run", "--help"]);
    assert!(help.status.success(), "{}", stderr(&help));
    assert!(stdout(&help)
        .starts_with("usage:\n  proclab run FILE [--format text|json] [--events] [--pretty] [--lang en|ko]\n\nRuns the scenario in FILE"));
    // Each option with what it does and its default.
    let gen = stdout(&proclab(&["gen", "--help"]));
    assert!(
        gen.contains("--processes K   how many processes (default 5)"),
        "{gen}"
    );
    assert!(stdout(&proclab(&["state", "--help"])).contains("during tick T (from T to T+1)"));
    assert!(proclab(&["x86", "-h"]).status.success());
}

#[test]
fn run_in_korean_gives_the_whole_answer_key_in_korean_aligned_for_a_terminal() {
    let output = proclab(&["run", "tests/data/rr_silberschatz.json", "--lang", "ko"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[1],
        "프로세스 도착 CPU I/O 완료  반환 대기 시간 응답 전환 멈춤"
    );
    assert_eq!(
        lines[2],
        "P1          0  24   0   30    30         6    0    0    0"
    );
    assert_eq!(lines[5], "평균                       15.67      5.67 3.67");
    assert!(
        text.contains("처리량 3/30 = 틱당 0.10, CPU 이용률 100.00%, 문맥 교환 3번"),
        "{text}"
    );
    assert!(
        !text.contains("throughput") && !text.contains("average"),
        "{text}"
    );
}

#[test]
fn compare_runs_every_policy_on_the_same_workload() {
    let output = proclab(&["compare", "tests/data/rr_silberschatz.json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "FCFS                              27.00      17.00",
        "SJF                               13.00       3.00",
        "RR (q=4)                          15.67       5.67",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    assert!(
        text.contains("HRRN")
            && text.contains("MLFQ (8, 16, FCFS)")
            && text.contains("Lottery (q=4)")
    );
}

#[test]
fn compare_lines_its_korean_header_up_with_its_rows() {
    let output = proclab(&["compare", "tests/data/rr_silberschatz.json", "--lang", "ko"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    // Columns a terminal gives each line (a Hangul syllable takes two).
    let width = |line: &str| -> usize {
        line.chars()
            .map(|c| {
                if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
                    2
                } else {
                    1
                }
            })
            .sum()
    };
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let row = lines.next().unwrap();
    assert_eq!(width(header), width(row), "{header:?}\n{row:?}");
    assert!(header.ends_with("  종료 시각"), "{header:?}");
    // An extra argument is told what the one argument is.
    let extra = proclab(&["run", "tests/data/rr_silberschatz.json", "more.json"]);
    assert_eq!(extra.status.code(), Some(2));
    assert!(
        stderr(&extra).contains("run takes one scenario file"),
        "{}",
        stderr(&extra)
    );
}

#[test]
fn compare_marks_a_policy_whose_run_stops_in_deadlock() {
    let output = on_preset("compare", "deadlock-two-locks");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let line = |start: &str| {
        text.lines()
            .find(|line| line.starts_with(start))
            .unwrap_or("")
    };
    assert!(line("RR (q=3)").ends_with("  stopped: deadlock"), "{text}");
    assert!(!line("FCFS").contains("stopped"), "{text}");
}

#[test]
fn a_programs_arrays_are_named_from_index_0_as_the_page_names_them() {
    let output = on_preset("run", "producer-consumer-semaphores");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("  P1: buf[0] = 4, buf[1] = 5, buf[2] = 6, in = 0"),
        "{text}"
    );
    assert!(text.contains(", got[0] = 1, got[1] = 2,"), "{text}");
}

#[test]
fn run_counts_the_lost_updates_as_the_page_does() {
    for (preset, said) in [
        ("race-two-threads", "Updates lost: 1"),
        (
            "mutex-blocking",
            "No update lost: no write overwrote a value another thread wrote after this one read. \
             This checks races on shared variables only, not whether the result is what the program meant.",
        ),
        (
            "deadlock-two-locks",
            "No update lost, but the deadlock stopped the threads before they made all their updates.",
        ),
    ] {
        let output = on_preset("run", preset);
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.lines().any(|line| line == said), "{preset}: {text}");
    }
}

#[test]
fn gen_is_deterministic_and_its_output_runs() {
    let first = proclab(&["gen", "--seed", "42", "--processes", "6", "--io"]);
    let second = proclab(&["gen", "--seed", "42", "--processes", "6", "--io"]);
    assert!(first.status.success());
    assert_eq!(first.stdout, second.stdout);
    let spec: proclab_core::ScenarioSpec =
        serde_json::from_slice(&first.stdout).expect("a scenario");
    assert_eq!(spec.processes.len(), 6);
    assert!(proclab_core::Scenario::new(&spec).is_ok());
    let missing_seed = proclab(&["gen"]);
    assert_eq!(missing_seed.status.code(), Some(2));
}

#[test]
fn presets_are_listed_and_printable() {
    let output = proclab(&["presets"]);
    assert!(output.status.success());
    let first_id = stdout(&output)
        .split_whitespace()
        .next()
        .expect("a preset")
        .to_string();
    let output = proclab(&["presets", &first_id]);
    let spec: proclab_core::ScenarioSpec =
        serde_json::from_slice(&output.stdout).expect("preset JSON");
    assert!(proclab_core::Scenario::new(&spec).is_ok());
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

#[test]
fn compact_and_pretty_json_are_the_same_value() {
    let file = "tests/data/ref_rr_188_cs3.json";
    let compact = proclab(&["run", file, "--format", "json", "--events"]);
    let pretty = proclab(&["run", file, "--format", "json", "--events", "--pretty"]);
    assert_eq!(
        stdout(&compact).lines().count(),
        1,
        "compact is one line by default"
    );
    assert!(stdout(&pretty).lines().count() > 100);
    assert_eq!(json(&compact), json(&pretty));
    let compact = proclab(&["state", file, "--tick", "12"]);
    let pretty = proclab(&["state", file, "--tick", "12", "--pretty"]);
    assert_eq!(stdout(&compact).lines().count(), 1);
    assert_eq!(json(&compact), json(&pretty));
}

#[test]
fn events_only_on_request() {
    let file = "tests/data/rr_silberschatz.json";
    let without = json(&proclab(&["run", file, "--format", "json"]));
    let keys: Vec<&str> = without
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["end_tick", "gantt", "metrics", "policy"]);
    // The flag takes no value: the file may come after it.
    let with = json(&proclab(&["run", "--events", file, "--format", "json"]));
    let spec: proclab_core::ScenarioSpec =
        serde_json::from_slice(&std::fs::read(file).expect("the file")).expect("a scenario");
    let run = proclab_core::simulate(&proclab_core::Scenario::new(&spec).expect("valid"));
    assert_eq!(
        with["events"],
        serde_json::to_value(run.events()).expect("events"),
        "the core's whole trace"
    );
    let mut rest = with.clone();
    rest.as_object_mut().expect("an object").remove("events");
    assert_eq!(
        rest, without,
        "--events adds the trace and changes nothing else"
    );
}

/// A scenario file in the test's scratch directory; `name` keeps tests apart.
fn scratch_file(name: &str, spec: &proclab_core::ScenarioSpec) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, serde_json::to_vec(spec).expect("JSON")).expect("a scratch file");
    path.to_string_lossy().into_owned()
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;

    let options = proclab_core::gen::GenOptions {
        processes: 2_000,
        max_arrival: 0,
        cpu_burst: (1, 20),
        max_cpu_bursts: 1,
        policy: proclab_core::PolicySpec::Rr { quantum: 1 },
        ..proclab_core::gen::GenOptions::default()
    };
    let file = scratch_file(
        "closed_pipe.json",
        &proclab_core::gen::generate(1, &options),
    );
    let commands: [&[&str]; 6] = [
        &["run", &file, "--format", "json", "--events"],
        &["run", &file, "--format", "json", "--pretty"],
        &["run", &file],
        &["state", &file, "--tick", "100", "--pretty"],
        &["gen", "--seed", "1", "--processes", "5000"],
        &["compare", &file],
    ];
    for arguments in commands {
        let mut child = Command::new(env!("CARGO_BIN_EXE_proclab"))
            .args(arguments)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut reader = child.stdout.take().expect("piped stdout");
        let mut first = [0u8; 16];
        reader.read_exact(&mut first).expect("some output");
        drop(reader);
        let output = child.wait_with_output().expect("the binary ends");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{arguments:?}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output), "", "{arguments:?} says nothing on stderr");
    }
    // The pipe holds 64 KiB: all but compare write far more, so they did meet the closed pipe.
    let full = proclab(&["run", &file, "--format", "json", "--pretty"]);
    assert!(full.stdout.len() > 1 << 20, "{} bytes", full.stdout.len());
}

/// `done turn wait resp` of the answer key's row named `name` and its other columns, as text.
fn answer_key_row<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    // The table ends at its averages row (a program's registers follow, a row per thread too).
    let mut rows = text
        .lines()
        .take_while(|line| !line.starts_with("average"))
        .map(|line| line.split_whitespace().collect::<Vec<&str>>())
        .filter(|cells| (10..=11).contains(&cells.len()) && cells[0] == name);
    let row = rows
        .next()
        .unwrap_or_else(|| panic!("no row {name} in\n{text}"));
    assert!(rows.next().is_none(), "two rows {name} in\n{text}");
    row
}

#[test]
fn json_metrics_equal_the_answer_key() {
    // Every preset (one to a lesson: threads, several CPUs, caches, I/O) and the reference files.
    let mut files: Vec<String> = [
        "tests/data/rr_silberschatz.json",
        "tests/data/ref_rr_188_cs3.json",
        "tests/data/ostep_mlfq_001.json",
    ]
    .map(String::from)
    .to_vec();
    for preset in proclab_core::presets::presets() {
        files.push(scratch_file(
            &format!("preset_{}.json", preset.id.as_str()),
            &preset.spec,
        ));
    }
    for file in &files {
        let text = stdout(&proclab(&["run", file]));
        let document = json(&proclab(&["run", file, "--format", "json"]));
        let metrics: proclab_core::Metrics =
            serde_json::from_value(document["metrics"].clone()).expect("metrics");
        assert!(!metrics.processes.is_empty(), "{file}");
        // The sync column is there exactly when some thread waited on a lock, a semaphore, a
        // condition or a message; a process's is its threads' sum.
        let sync = metrics.threads.iter().any(|thread| thread.blocked > 0);
        assert_eq!(
            text.lines()
                .any(|line| line.starts_with("proc ") && line.contains(" sync ")),
            sync,
            "{file}\n{text}"
        );
        for process in &metrics.processes {
            let blocked: u64 = metrics
                .threads
                .iter()
                .filter(|thread| thread.thread.pid == process.pid)
                .map(|thread| thread.blocked)
                .sum();
            let mut numbers = vec![process.arrival, process.cpu, process.io];
            if sync {
                numbers.push(blocked);
            }
            numbers.extend([
                process.completion,
                process.turnaround,
                process.waiting,
                process.response,
                process.switch,
                process.stall,
            ]);
            let numbers: Vec<String> = numbers.iter().map(u64::to_string).collect();
            assert_eq!(
                answer_key_row(&text, &process.name)[1..],
                numbers.iter().map(String::as_str).collect::<Vec<_>>(),
                "{file}: {}",
                process.name
            );
        }
        let totals = &metrics.totals;
        let averages = format!(
            "average {} {} {}",
            totals.average_turnaround, totals.average_waiting, totals.average_response
        );
        let throughput = format!(
            "throughput {}/{} = {} per tick, utilisation {}%, context switches {}, \
             switch ticks {}, stall ticks {}",
            totals.throughput.num,
            totals.throughput.den,
            totals.throughput,
            totals.utilisation.percent(),
            totals.context_switches,
            totals.switch_ticks,
            totals.stall_ticks
        );
        let squeezed: Vec<String> = text
            .lines()
            .map(|line| line.split_whitespace().collect::<Vec<&str>>().join(" "))
            .collect();
        assert!(squeezed.contains(&averages), "{file}: {averages}\n{text}");
        assert!(
            squeezed.contains(&throughput),
            "{file}: {throughput}\n{text}"
        );
        assert_eq!(document["end_tick"], text_end_tick(&text), "{file}");
    }
}

/// The last tick on the answer key's Gantt lines (`CPU0: 0 P1 4 ... 30`).
fn text_end_tick(text: &str) -> u64 {
    text.lines()
        .filter(|line| line.starts_with("CPU"))
        .filter_map(|line| line.split_whitespace().last()?.parse::<u64>().ok())
        .max()
        .expect("a Gantt line")
}

#[test]
fn run_prints_the_warm_up_model_as_multi_py_computes_it() {
    // multi.py -n 2 -L a:30:50,b:20:100 -M 100 -q 10 -w 10 -r 2 -p -P 30 -A a:0 -c -t -T prints
    // the same ticks, "Finished time 20" and CPU 1 "utilization 75.00 [ warm 25.00 ]".
    let output = proclab(&["run", "tests/data/multi_peek.json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("CPU0: 0 a 10 a* 20\nCPU1: 0 b 10 b* 15 - 20\n"),
        "{text}"
    );
    assert!(text.contains("CPU1     15      5  75.00  25.00"), "{text}");
    let output = proclab(&["run", "tests/data/multi_peek.json", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    assert_eq!(json["model"], "warmup");
    assert_eq!(json["end_tick"], 20);
    assert_eq!(json["jobs"][1]["completion"], 15);
    assert_eq!(json["ticks"][10][1]["left"], 8);
    assert_eq!(json["ticks"][10][1]["warm"], true);
    assert_eq!(json["ticks"][15][1], serde_json::Value::Null);
}

#[test]
fn compare_and_state_refuse_the_warm_up_model_instead_of_ignoring_its_cache() {
    for arguments in [
        &["compare", "tests/data/multi_peek.json"][..],
        &["state", "tests/data/multi_peek.json", "--tick", "3"][..],
    ] {
        let output = proclab(arguments);
        assert_eq!(output.status.code(), Some(1), "{arguments:?}");
        assert!(
            stderr(&output).contains("proclab run"),
            "{}",
            stderr(&output)
        );
        assert!(stdout(&output).is_empty());
    }
}

#[test]
fn a_mistyped_name_is_answered_with_the_one_meant() {
    let output = proclab(&["presets", "rr-silberchatz"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "no preset named \"rr-silberchatz\": did you mean \"rr-silberschatz\"?\n"
    );
    let far = stderr(&proclab(&["presets", "zzzz"]));
    assert!(far.ends_with("`proclab presets` lists them\n"), "{far}");
    let path = std::env::temp_dir().join(format!("proclab-mvo-{}.s", std::process::id()));
    std::fs::write(&path, "mov $1, %ax\nmvo %ax, %bx\nhalt\n").unwrap();
    let output = proclab(&["x86", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("line 2: unknown instruction. “mvo” is not an instruction of this language: did you mean mov?"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn compare_in_korean_lines_its_columns_up_for_a_terminal() {
    let output = proclab(&["compare", "tests/data/rr_silberschatz.json", "--lang", "ko"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // Every line's first number ends in the same terminal column (a Hangul syllable takes two).
    let width = |text: &str| -> usize {
        text.chars()
            .map(|c| {
                if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
                    2
                } else {
                    1
                }
            })
            .sum()
    };
    let text = stdout(&output);
    // The end of each row's first average (the only numbers with a decimal point).
    let ends: Vec<usize> = text
        .lines()
        .skip(1)
        .map(|line| {
            let average = line
                .split_whitespace()
                .find(|word| word.contains('.') && word.parse::<f64>().is_ok())
                .expect("an average");
            let at = line.find(average).unwrap() + average.len();
            width(&line[..at])
        })
        .collect();
    // The heading's first average title ends in the same column.
    let heading = text.lines().next().unwrap();
    let at = heading.find("평균 반환").unwrap() + "평균 반환".len();
    assert_eq!(width(&heading[..at]), ends[0], "{text}");
    assert!(text.contains("우선순위 (비선점)"), "{text}");
    assert!(ends.iter().all(|end| *end == ends[0]), "{text}\n{ends:?}");
}
