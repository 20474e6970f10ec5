//! `proclab run` on scenarios whose threads run programs, as a user runs it: the interleaving
//! and the lost update it causes (checked against a naive replay of the schedule written here,
//! not against the engine), the JSON's final memory against the text's, a lock that is never
//! released, and the Korean words.

use std::process::{Command, Output};

use serde_json::{json, Value};

fn proclab(arguments: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_proclab"))
        .args(arguments)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

/// A scenario file in the test's scratch directory; `name` keeps tests apart.
fn scratch_file(name: &str, scenario: &Value) -> String {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, scenario.to_string()).expect("a scratch file");
    path.to_string_lossy().into_owned()
}

/// Each thread adds 1 to `counter`, `%bx` times, with no lock (load, add, store).
const COUNTER: &str = "\
.var counter
.main
.top
mov counter, %ax
add $1, %ax
mov %ax, counter
sub $1, %bx
test $0, %bx
jgt .top
halt
";

/// Two threads, two increments each, and the schedule: thread 0 loads and adds, thread 1 does a
/// whole increment, thread 0 stores (over thread 1's), then thread 0 and thread 1 run to the end.
fn race() -> (Value, Vec<u32>) {
    let mut schedule = vec![0, 0, 1, 1, 1, 0];
    schedule.extend([0; 20]);
    schedule.extend([1; 20]);
    let scenario = json!({
        "processes": [{
            "program": COUNTER,
            "threads": [{"registers": "bx=2"}, {"registers": "bx=2"}],
        }],
        "policy": {"kind": "rr", "quantum": 1},
        "schedule": {"threads": schedule, "repeat": false},
    });
    (scenario, schedule)
}

/// What a thread holds in the naive replay.
#[derive(Clone, Copy, Default)]
struct Replayed {
    line: usize,
    ax: i64,
    bx: i64,
    greater: bool,
    halted: bool,
}

/// `COUNTER` run by hand along `schedule`, one instruction per entry on one CPU (an entry of a
/// halted thread runs nothing): the threads in the order they ran, every value written to
/// `counter`, its final value, and each thread at the end.
fn replay(schedule: &[u32], bx: i64) -> (Vec<u32>, Vec<i64>, i64, Vec<Replayed>) {
    let mut threads = [Replayed {
        bx,
        ..Replayed::default()
    }; 2];
    let mut counter = 0;
    let mut ran = Vec::new();
    let mut writes = Vec::new();
    for &entry in schedule {
        let thread = &mut threads[entry as usize];
        if thread.halted {
            continue;
        }
        ran.push(entry);
        let mut next = thread.line + 1;
        match thread.line {
            0 => thread.ax = counter,
            1 => thread.ax += 1,
            2 => {
                counter = thread.ax;
                writes.push(counter);
            }
            3 => thread.bx -= 1,
            4 => thread.greater = thread.bx > 0,
            5 if thread.greater => next = 0,
            5 => {}
            _ => thread.halted = true,
        }
        thread.line = next;
    }
    (ran, writes, counter, threads.to_vec())
}

/// The lines of the text after `heading` up to the next blank line.
fn section<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|line| *line != heading)
        .skip(1)
        .take_while(|line| !line.is_empty())
        .collect()
}

#[test]
fn the_text_shows_the_interleaving_and_the_update_it_lost() {
    let (scenario, schedule) = race();
    let file = scratch_file("race.json", &scenario);
    let text = stdout(&proclab(&["run", &file]));
    let (ran, writes, counter, threads) = replay(&schedule, 2);
    assert!(counter < 4, "the schedule loses an update: {counter}");

    let steps = section(
        &text,
        "Instructions executed (tick, CPU, thread, address, instruction, memory):",
    );
    assert_eq!(steps.len(), ran.len(), "{text}");
    for (tick, (line, thread)) in steps.iter().zip(&ran).enumerate() {
        let expected = format!("t={tick:<2} CPU0 P1.T{} ", thread + 1);
        assert!(
            line.starts_with(&expected),
            "{line:?} should start {expected:?}"
        );
    }
    // Thread 1's store at tick 4, then thread 0's store of the same value at tick 5.
    assert!(
        steps[4].contains("mov %ax, counter  write counter=1"),
        "{}",
        steps[4]
    );
    assert!(
        steps[5].contains("mov %ax, counter  write counter=1"),
        "{}",
        steps[5]
    );
    let written: Vec<i64> = steps
        .iter()
        .filter_map(|line| line.split("write counter=").nth(1))
        .map(|value| value.parse().expect("a number"))
        .collect();
    assert_eq!(written, writes);

    assert!(
        text.contains(&format!(
            "\nFinished: every thread ended, after {} instructions",
            ran.len()
        )),
        "{text}"
    );
    assert_eq!(
        section(&text, "Variables at the end:"),
        [format!("  P1: counter = {counter}")]
    );
    let registers = section(&text, "Registers at the end:");
    assert_eq!(registers.len(), 2, "{text}");
    for (index, (line, thread)) in registers.iter().zip(&threads).enumerate() {
        assert!(
            line.starts_with(&format!("  P1.T{}  pc=1007 ", index + 1)),
            "{line}"
        );
        assert!(
            line.contains(&format!(" ax={} bx={} ", thread.ax, thread.bx)),
            "{line}"
        );
        assert!(line.ends_with(" finished"), "{line}");
    }
}

#[test]
fn the_json_holds_the_same_run_and_the_same_final_memory() {
    let (scenario, schedule) = race();
    let file = scratch_file("race-json.json", &scenario);
    let text = stdout(&proclab(&["run", &file]));
    let document: Value =
        serde_json::from_str(&stdout(&proclab(&["run", &file, "--format", "json"])))
            .expect("JSON output");
    let program = &document["program"];
    assert_eq!(program["end"]["kind"], "finished");

    let memory: Vec<String> = program["memory"]
        .as_array()
        .expect("memory")
        .iter()
        .map(|process| {
            let words: Vec<String> = process["words"]
                .as_array()
                .expect("words")
                .iter()
                .map(|word| format!("{} = {}", word["name"].as_str().unwrap(), word["value"]))
                .collect();
            format!(
                "  P{}: {}",
                process["pid"].as_u64().unwrap() + 1,
                words.join(", ")
            )
        })
        .collect();
    assert_eq!(memory, section(&text, "Variables at the end:"));

    let (ran, writes, _, threads) = replay(&schedule, 2);
    let steps = program["steps"].as_array().expect("steps");
    let threads_run: Vec<u32> = steps
        .iter()
        .map(|step| step["thread"].as_u64().unwrap() as u32)
        .collect();
    assert_eq!(threads_run, ran);
    let written: Vec<i64> = steps
        .iter()
        .flat_map(|step| step["writes"].as_array().unwrap().clone())
        .filter(|write| write["name"] == "counter")
        .map(|write| write["value"].as_i64().unwrap())
        .collect();
    assert_eq!(written, writes);
    assert_eq!(steps.last().unwrap()["outcome"], "halted");

    let registers = program["registers"].as_array().expect("registers");
    for (entry, thread) in registers.iter().zip(&threads) {
        assert_eq!(entry["ax"], thread.ax);
        assert_eq!(entry["bx"], thread.bx);
        assert_eq!(entry["halted"], true);
    }

    // A scenario without programs has no `program` object.
    let bursts = scratch_file(
        "bursts.json",
        &json!({"processes": [{"bursts": [{"cpu": 3}]}], "policy": {"kind": "fcfs"}}),
    );
    let document: Value =
        serde_json::from_str(&stdout(&proclab(&["run", &bursts, "--format", "json"])))
            .expect("JSON output");
    assert!(document.get("program").is_none());
}

/// Thread 0 takes the lock and halts without releasing it; thread 1 spins on it for ever.
fn lock_never_released() -> Value {
    json!({
        "processes": [{
            "program": ".var lock\n.main\n.acquire\nmov $1, %ax\nxchg %ax, lock\ntest $0, %ax\njne .acquire\nhalt\n",
            "threads": [{}, {}],
        }],
        "policy": {"kind": "rr", "quantum": 3},
        "machine": {"instruction_budget": 200},
    })
}

#[test]
fn a_lock_never_released_stops_at_the_budget_and_names_the_spinning_thread() {
    let file = scratch_file("spin.json", &lock_never_released());
    let text = stdout(&proclab(&["run", &file]));
    let end = text
        .lines()
        .find(|line| line.starts_with("Stopped after"))
        .unwrap_or_else(|| panic!("no end sentence in\n{text}"));
    assert!(
        end.starts_with(
            "Stopped after 200 instructions (the budget) at tick 200: P1.T2 is still looping at 10"
        ),
        "{end}"
    );
    assert!(end.contains("reading `lock`"), "{end}");
    assert_eq!(section(&text, "Variables at the end:"), ["  P1: lock = 1"]);
    let registers = section(&text, "Registers at the end:");
    assert!(registers[0].ends_with(" finished"), "{}", registers[0]);
    assert!(registers[1].ends_with(" not finished"), "{}", registers[1]);

    let document: Value =
        serde_json::from_str(&stdout(&proclab(&["run", &file, "--format", "json"])))
            .expect("JSON output");
    let end = &document["program"]["end"];
    assert_eq!(end["kind"], "budget_exhausted");
    assert_eq!(end["instructions"], 200);
    assert_eq!(end["thread"], 1);
}

#[test]
fn the_words_are_korean_on_request() {
    let (scenario, _) = race();
    let file = scratch_file("race-ko.json", &scenario);
    let text = stdout(&proclab(&["run", &file, "--lang", "ko"]));
    for words in [
        "실행한 명령어",
        "읽기 counter=0",
        "쓰기 counter=1",
        "halt: 스레드가 끝남",
        "끝: 모든 스레드가 끝났습니다",
        "끝났을 때의 변수:",
        "끝났을 때의 레지스터:",
    ] {
        assert!(text.contains(words), "{words:?} missing in\n{text}");
    }
    assert!(!text.contains("Finished"), "{text}");
    let spin = scratch_file("spin-ko.json", &lock_never_released());
    let text = stdout(&proclab(&["run", &spin, "--lang", "ko"]));
    assert!(
        text.contains(
            "명령어 예산 200개를 다 써서 시각 200에 멈췄습니다. 계속 반복하는 스레드: P1.T2"
        ),
        "{text}"
    );
    assert!(text.contains("끝나지 않음"), "{text}");
}

#[test]
fn a_lost_signal_ends_in_a_deadlock_on_a_condition() {
    // Thread 0 signals c before thread 1 waits on it: nobody is left to signal again.
    let scenario = json!({
        "processes": [{
            "program": ".mutex m\n.cond c\n.main\ntest $0, %bx\njne .wait\nsignal c\nhalt\n.wait\nlock m\nwait c, m\nunlock m\nhalt\n",
            "threads": [{"registers": "bx=0"}, {"registers": "bx=1"}],
        }],
    });
    let file = scratch_file("lost-signal.json", &scenario);
    let text = stdout(&proclab(&["run", &file]));
    assert!(
        text.contains("P1.T2 waits for condition c. There is no cycle"),
        "{text}"
    );
    let document: Value =
        serde_json::from_str(&stdout(&proclab(&["run", &file, "--format", "json"])))
            .expect("JSON output");
    let end = &document["program"]["end"];
    assert_eq!(end["kind"], "deadlock");
    assert_eq!(
        end["waits"],
        json!([{"thread": 1, "object": "condition", "name": "c", "holder": null}])
    );
    assert_eq!(end["cycle"], json!([]));
}
