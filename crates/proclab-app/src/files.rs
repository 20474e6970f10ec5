//! Files the student takes away or brings: scenario JSON (the CLI's format), metrics CSV, and
//! downloads of data the charts produce.

use crate::chart::compare_model::{rr_quantum, Comparison, Skipped};
use crate::chart::text::ChartText;
use crate::lang::{Lang, Words};
use proclab_core::{PolicySpec, Run, ScenarioSpec, Totals};

/// The scenario as the CLI reads it.
pub fn scenario_json(spec: &ScenarioSpec) -> String {
    serde_json::to_string_pretty(spec).unwrap_or_default()
}

/// The name a download of `spec` gets, ending in `-{what}.{extension}`: the example's id when
/// `spec` is one of the examples as it opens (`proclab-philosophers-deadlock-scenario.json`), else
/// its policy and its number of processes (`proclab-rr-5-processes-metrics.csv`), so a student who
/// saves several runs can tell the files apart.
pub fn download_name(spec: &ScenarioSpec, what: &str, extension: &str) -> String {
    format!("{}-{what}.{extension}", download_stem(spec))
}

/// The start every download of `spec` shares (see [`download_name`]): `proclab-rr-q4-3-processes`.
pub fn download_stem(spec: &ScenarioSpec) -> String {
    let stem = match crate::program_words::example_of(spec) {
        Some(id) => String::from(id.as_str()),
        None => {
            let count = spec.processes.len();
            let noun = if count == 1 { "process" } else { "processes" };
            let policy = proclab_core::PolicyKind::of(&spec.policy).id();
            // Runs of one workload at two quanta get two names.
            let policy = match spec.policy {
                PolicySpec::Rr { quantum } => format!("{policy}-q{quantum}"),
                _ => policy.to_string(),
            };
            format!("{policy}-{count}-{noun}")
        }
    };
    format!("proclab-{stem}")
}

/// Largest scenario file the page reads. The largest workload `proclab gen` makes (10,000
/// processes of 4 threads with I/O, at the limits of `proclab_core::scenario`) is 12 MB as the
/// page downloads it (pretty-printed); a larger file is refused by its size before a byte is
/// read, so a stray video or disk image never holds the tab.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a scenario file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// The browser could not read the file.
    Unreadable,
    /// Larger than [`MAX_FILE_BYTES`] (its size in bytes): refused unread.
    TooLarge { bytes: u64 },
    /// Nothing but white space.
    Empty,
    /// JSON, but not an object `{ ... }`: what it is instead (`a list`, `a number`, ...).
    NotAnObject,
    /// Not JSON, or cut short, at this line and column, with what is wrong there when it is one
    /// of the usual slips of a file written by hand.
    NotJson {
        line: usize,
        column: usize,
        slip: Option<JsonSlip>,
    },
    /// The file ends before its JSON does, at this line (a column there would be 0).
    CutShort { line: usize },
    /// JSON, but not a scenario: serde's description (it names the field) at this line and
    /// column, and the JSON path of the value there (`processes[1].arrival`; none at the top level).
    NotAScenario {
        line: usize,
        column: usize,
        path: Option<String>,
        detail: String,
    },
}

/// A usual slip of JSON written by hand, which the reader only calls a syntax error (a teacher
/// read "not valid JSON, or cut short" of a trailing comma and looked for a missing end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonSlip {
    /// A comma before `]` or `}`.
    TrailingComma,
    /// `//` or `/*`: JSON has no comments.
    Comment,
    /// A text or a name in single quotes.
    SingleQuotes,
    /// A field name without its double quotes.
    UnquotedKey,
    /// Two values with no comma between them (or a bracket left open).
    MissingComma,
}

/// What slip `error`, a syntax error of `bytes`, is, if it is a usual one.
fn slip(error: &serde_json::Error, bytes: &[u8]) -> Option<JsonSlip> {
    let at = crate::json_path::offset_of(bytes, error.line(), error.column());
    let here = bytes.get(at.saturating_sub(1)).copied();
    let words = error.to_string();
    if here == Some(b'/') {
        Some(JsonSlip::Comment)
    } else if here == Some(b'\'') {
        Some(JsonSlip::SingleQuotes)
    } else if words.starts_with("trailing comma") {
        Some(JsonSlip::TrailingComma)
    } else if words.starts_with("key must be a string") {
        Some(JsonSlip::UnquotedKey)
    } else if words.starts_with("expected `,` or") {
        Some(JsonSlip::MissingComma)
    } else {
        None
    }
}

/// Refuses a file by its size alone, before it is read.
pub fn check_file_size(bytes: u64) -> Result<(), FileError> {
    if bytes > MAX_FILE_BYTES {
        Err(FileError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// A size in bytes as the page writes it: megabytes (of 1,048,576 bytes) with at most one decimal
/// (`47.7 MB`, `8 MB`), else kilobytes; a no-break space keeps the number and its unit on one line.
pub fn size_in_words(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        match tenths % 10 {
            0 => format!("{}\u{a0}MB", tenths / 10),
            tenth => format!("{}.{tenth}\u{a0}MB", tenths / 10),
        }
    } else {
        format!("{}\u{a0}KB", bytes.div_ceil(1024))
    }
}

/// Reads a scenario file for the page: every setting of the format has a place in its form.
pub fn parse_scenario_json(text: &str) -> Result<ScenarioSpec, FileError> {
    parse_json(serde_json::from_str(text), text.as_bytes())
}

/// [`parse_scenario_json`] on a file's bytes as read (UTF-8, a byte order mark allowed): the
/// page reads a file so, as copying a 25 MB text into the wasm would cost a fifth of a second.
pub fn parse_scenario_bytes(bytes: &[u8]) -> Result<ScenarioSpec, FileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    parse_json(serde_json::from_slice(bytes), bytes)
}

/// The detail of [`FileError::NotAScenario`] for valid JSON the reader stopped in without a
/// complaint of its own: a value of the wrong form, such as a bare number where a burst goes.
pub const WRONG_FORM: &str = "a value of the wrong form";

fn parse_json(
    read: serde_json::Result<ScenarioSpec>,
    bytes: &[u8],
) -> Result<ScenarioSpec, FileError> {
    // A scenario is one object: the reader also fills a struct from a list, so `[1, 2, 3]` had
    // been told as "2 where a list is expected".
    match bytes.iter().find(|byte| !byte.is_ascii_whitespace()) {
        None => return Err(FileError::Empty),
        Some(b'{') => {}
        Some(_) if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() => {
            return Err(FileError::NotAnObject)
        }
        Some(_) => {}
    }
    read.map_err(|error| {
        let error = in_policy(&error, bytes).unwrap_or(error);
        let (line, column) = (error.line(), error.column());
        let path = || crate::json_path::error_path(bytes, &error);
        if error.is_syntax() && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() {
            // The reader calls a number where `{"cpu": 5}` goes a syntax error; the file is JSON.
            FileError::NotAScenario {
                line,
                column,
                path: path(),
                detail: String::from(WRONG_FORM),
            }
        } else if error.is_data() {
            let detail = error.to_string();
            let detail = detail
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_string();
            FileError::NotAScenario {
                line,
                column,
                path: path(),
                detail,
            }
        } else if error.is_eof() {
            FileError::CutShort { line }
        } else {
            FileError::NotJson {
                line,
                column,
                slip: slip(&error, bytes),
            }
        }
    })
}

/// The reader's complaint about the policy, placed where it is. A policy (and a multilevel
/// queue's queue) is read by its "kind", which may come after its other fields, so the reader
/// holds the whole object before reading it and places any complaint at the object's end (a
/// misspelt field of an MLFQ level on line 9 had been told at line 14, the file's last, as
/// "policy"): here the object is read again as its kind's own fields, its "kind" blanked out
/// and everything else at its place in the file. `None` when `error` is not the policy's, or
/// reading again finds nothing to place.
fn in_policy(error: &serde_json::Error, bytes: &[u8]) -> Option<serde_json::Error> {
    use crate::json_path::{elements, error_path, members};
    let path = error_path(bytes, error)?;
    if path != "policy" && !path.starts_with("policy.") {
        return None;
    }
    let top = bytes.iter().position(|byte| !byte.is_ascii_whitespace())?;
    let policy = members(bytes, top)
        .into_iter()
        .find(|member| member.key == "policy")?;
    use proclab_core::spec::read as fields;
    let placed = read_by_kind(bytes, policy.value.start, |kind, masked| match kind {
        "fcfs" | "srtf" | "hrrn" => read::<fields::NoFields>(masked),
        "rr" | "lottery" => read::<fields::Quantum>(masked),
        "priority" => read::<fields::Priority>(masked),
        "sjf" => read::<fields::Sjf>(masked),
        "mlq" => read::<fields::Mlq>(masked),
        "mlfq" => read::<proclab_core::spec::MlfqSpec>(masked),
        _ => None,
    })?;
    // A queue of a multilevel queue is read by its kind in turn, each in order until one
    // complains, as the reader reads them (where it places the complaint says which only
    // roughly: after the list's end for the last queue).
    let in_queue = error_path(bytes, &placed)
        .filter(|path| path.starts_with("policy.queues"))
        .and_then(|_| {
            let queues = members(bytes, policy.value.start)
                .into_iter()
                .find(|member| member.key == "queues")?;
            elements(bytes, queues.value.start)
                .into_iter()
                .find_map(|queue| {
                    read_by_kind(bytes, queue.start, |kind, masked| match kind {
                        "fcfs" | "sjf" => read::<fields::NoFields>(masked),
                        "rr" => read::<fields::Quantum>(masked),
                        _ => None,
                    })
                })
        });
    Some(in_queue.unwrap_or(placed))
}

fn read<T: serde::de::DeserializeOwned>(masked: &[u8]) -> Option<serde_json::Error> {
    serde_json::from_slice::<T>(masked).err()
}

/// The complaint `read` makes of the object at `open` read as its kind's fields, with the
/// rest of the file and its "kind" member blanked out (line breaks kept, so that the reader
/// counts lines and columns as in the file).
fn read_by_kind(
    bytes: &[u8],
    open: usize,
    read: impl Fn(&str, &[u8]) -> Option<serde_json::Error>,
) -> Option<serde_json::Error> {
    let fields = crate::json_path::members(bytes, open);
    let at = fields.iter().position(|member| member.key == "kind")?;
    let kind: String = serde_json::from_slice(&bytes[fields[at].value.clone()]).ok()?;
    let end = fields.last()?.value.end;
    let object = open..=end + bytes[end..].iter().position(|byte| *byte == b'}')?;
    // The "kind" member and one comma beside it, so that what is left is still an object.
    let blank = match (fields.get(at + 1), at.checked_sub(1)) {
        (Some(next), _) => fields[at].key_start..next.key_start,
        (None, Some(before)) => fields[before].value.end..fields[at].value.end,
        (None, None) => fields[at].key_start..fields[at].value.end,
    };
    let masked: Vec<u8> = bytes
        .iter()
        .enumerate()
        .map(|(index, byte)| {
            let kept = object.contains(&index) && !blank.contains(&index);
            if kept || *byte == b'\n' {
                *byte
            } else {
                b' '
            }
        })
        .collect();
    read(&kind, &masked)
}

/// One row per process, then a row of the exact averages to two decimals.
pub fn metrics_csv(run: &Run, lang: Lang) -> String {
    let metrics = run.metrics();
    // Ticks blocked on a lock, a semaphore, a condition or a message, per process: a column after
    // I/O where any thread has some, as the page's table has it.
    let blocked = metrics.blocked_per_process();
    let sync = |cell: String| blocked.as_ref().map(|_| cell);
    // The metrics table's own headings; preemptions says what its definition says.
    let headings: Vec<&str> = [
        lang.pick(["프로세스", "Process"]),
        lang.pick(["도착", "Arrival"]),
        lang.pick(["완료", "Completion"]),
        lang.pick(["반환 시간", "Turnaround"]),
        lang.pick(["대기 시간", "Waiting"]),
        lang.pick(["응답 시간", "Response"]),
        "CPU",
        "I/O",
    ]
    .into_iter()
    .chain(sync(String::new()).map(|_| lang.pick(["동기화", "Sync"])))
    .chain([
        lang.pick(["전환", "Switch"]),
        lang.pick(["캐시 멈춤", "Cache stall"]),
        lang.pick(["디스패치", "Dispatches"]),
        lang.pick([
            "선점 (퀀텀 만료 제외)",
            "Preemptions (quantum ends not counted)",
        ]),
    ])
    .collect();
    let mut csv = headings.join(",") + "\n";
    for process in &metrics.processes {
        let cells: Vec<String> = [
            csv_field(&process.name),
            process.arrival.to_string(),
            process.completion.to_string(),
            process.turnaround.to_string(),
            process.waiting.to_string(),
            process.response.to_string(),
            process.cpu.to_string(),
            process.io.to_string(),
        ]
        .into_iter()
        .chain(sync(
            blocked
                .as_ref()
                .and_then(|blocked| blocked.get(process.pid as usize))
                .copied()
                .unwrap_or(0)
                .to_string(),
        ))
        .chain([
            process.switch.to_string(),
            process.stall.to_string(),
            process.dispatches.to_string(),
            process.preemptions.to_string(),
        ])
        .collect();
        csv += &(cells.join(",") + "\n");
    }
    let totals = &metrics.totals;
    // Averages only where they are averages; switch and stall overhead are totals (on the page they
    // are the "ticks lost" figures), so they stay out of the average row.
    let blanks = ",".repeat(headings.len() - 6);
    csv.push_str(&format!(
        "{},,,{},{},{}{blanks}\n",
        lang.pick(["평균", "Average"]),
        totals.average_turnaround,
        totals.average_waiting,
        totals.average_response
    ));
    csv
}

/// The comparison of every policy as CSV, its words in `lang`: a row per policy as the chart
/// names it, with its three averages and context switches, or why it could not run.
pub fn compare_csv(comparison: &Comparison, lang: Lang) -> String {
    let mut csv = figures_header(ChartText::Policy, lang);
    for row in &comparison.rows {
        csv += &figures_line(&row.label(lang), row.outcome.as_ref(), lang);
    }
    csv
}

/// The round-robin quantum sweep as CSV, its words in `lang`: a row per quantum.
pub fn sweep_csv(comparison: &Comparison, lang: Lang) -> String {
    let mut csv = figures_header(ChartText::Quantum, lang);
    let marked = rr_quantum(&comparison.rows);
    for point in &comparison.points {
        csv += &figures_line(&point.label(marked, lang), point.outcome.as_ref(), lang);
    }
    csv
}

fn figures_header(key: ChartText, lang: Lang) -> String {
    let columns = [
        key,
        ChartText::AverageWaiting,
        ChartText::AverageTurnaround,
        ChartText::AverageResponse,
        ChartText::ContextSwitches,
    ];
    let names: Vec<String> = columns
        .iter()
        .map(|column| csv_field(column.get(lang)))
        .collect();
    names.join(",") + "\n"
}

fn figures_line(key: &str, outcome: Result<&Totals, &Skipped>, lang: Lang) -> String {
    match outcome {
        Ok(totals) => format!(
            "{},{},{},{},{}\n",
            csv_field(key),
            totals.average_waiting,
            totals.average_turnaround,
            totals.average_response,
            totals.context_switches
        ),
        Err(skipped) => {
            let reason = match skipped {
                Skipped::TooMuchWork => ChartText::TooMuchWork,
                Skipped::CouldNotRun => ChartText::CouldNotRun,
            };
            format!("{},{},,,\n", csv_field(key), csv_field(reason.get(lang)))
        }
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn a_download_is_named_by_its_example_or_its_policy_and_size() {
        let example = proclab_core::presets::preset("philosophers-deadlock")
            .unwrap()
            .spec;
        assert_eq!(
            download_name(&example, "scenario", "json"),
            "proclab-philosophers-deadlock-scenario.json"
        );
        let mut edited = example.clone();
        edited.processes.truncate(1);
        edited.seed += 1;
        edited.policy = PolicySpec::Hrrn;
        assert_eq!(
            download_name(&edited, "metrics", "csv"),
            "proclab-hrrn-1-process-metrics.csv"
        );
        // Round robin is named with its quantum: two runs of one workload get two names.
        let mut generated = proclab_core::gen::generate(7, &Default::default());
        let count = generated.processes.len();
        for quantum in [2, 4] {
            generated.policy = PolicySpec::Rr { quantum };
            assert_eq!(
                download_name(&generated, "gantt", "svg"),
                format!("proclab-rr-q{quantum}-{count}-processes-gantt.svg")
            );
        }
    }

    fn silberschatz() -> ScenarioSpec {
        proclab_core::presets::preset("rr-silberschatz")
            .unwrap()
            .spec
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn the_metrics_csv_speaks_the_page_language_with_the_same_numbers() {
        let run = proclab_core::simulate_spec(&silberschatz()).unwrap();
        let english = metrics_csv(&run, Lang::En);
        let korean = metrics_csv(&run, Lang::Ko);
        let (en_lines, ko_lines): (Vec<&str>, Vec<&str>) =
            (english.lines().collect(), korean.lines().collect());
        assert!(en_lines[0].starts_with("Process,Arrival,Completion,Turnaround,Waiting"));
        assert!(en_lines[0].ends_with(",Preemptions (quantum ends not counted)"));
        assert!(ko_lines[0].starts_with("프로세스,도착,완료,반환 시간,대기 시간"));
        assert_eq!(en_lines.len(), ko_lines.len());
        // The same cells under the header, but the average row's name.
        assert_eq!(
            en_lines[1..en_lines.len() - 1],
            ko_lines[1..ko_lines.len() - 1]
        );
        let average = |line: &str| line.split_once(',').map(|(_, rest)| rest.to_string());
        assert_eq!(
            average(en_lines.last().unwrap()),
            average(ko_lines.last().unwrap())
        );
        assert!(ko_lines.last().unwrap().starts_with("평균,"));
        // Silberschatz's RR q=4: average waiting 17/3.
        assert!(english.contains("Average,,,15.67,5.67,"), "{english}");
        assert!(!english.contains("Sync"), "no thread waited on a lock");
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn the_metrics_csv_has_a_sync_column_where_a_thread_waited_and_each_row_adds_up() {
        let spec = proclab_core::presets::preset("bursts-lock-processes")
            .unwrap()
            .spec;
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let csv = metrics_csv(&run, Lang::En);
        let rows: Vec<Vec<&str>> = csv.lines().map(|line| line.split(',').collect()).collect();
        let at = |name: &str| rows[0].iter().position(|heading| *heading == name).unwrap();
        assert_eq!(at("Sync"), at("I/O") + 1);
        assert!(rows.iter().all(|row| row.len() == rows[0].len()), "{csv}");
        let number = |row: &[&str], name: &str| row[at(name)].parse::<u64>().unwrap();
        let processes = &rows[1..rows.len() - 1];
        assert!(processes.iter().any(|row| number(row, "Sync") > 0), "{csv}");
        for row in processes {
            let parts: u64 = ["CPU", "I/O", "Sync", "Waiting", "Switch", "Cache stall"]
                .iter()
                .map(|name| number(row, name))
                .sum();
            assert_eq!(parts, number(row, "Turnaround"), "{csv}");
        }
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn the_comparison_and_the_sweep_download_as_the_tables_show_them() {
        let spec = silberschatz();
        let comparison = Comparison::of(&spec);
        let csv = compare_csv(&comparison, Lang::En);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "Policy,Average waiting,Average turnaround,Average response,Context switches"
        );
        assert_eq!(lines.len(), comparison.rows.len() + 1);
        // Silberschatz's FCFS: waits 0, 24, 27.
        assert!(lines.contains(&"FCFS,17.00,27.00,17.00,2"), "{csv}");
        let sweep = sweep_csv(&comparison, Lang::Ko);
        let lines: Vec<&str> = sweep.lines().collect();
        assert!(
            lines[0].starts_with("타임 퀀텀 q,평균 대기 시간"),
            "{sweep}"
        );
        assert_eq!(lines.len(), comparison.points.len() + 1);
        // RR q=4 is the run the preset makes, and the comparison's RR row: marked so.
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let totals = &run.metrics().totals;
        let row = format!(
            "4 (위의 RR),{},{},{},{}",
            totals.average_waiting,
            totals.average_turnaround,
            totals.average_response,
            totals.context_switches
        );
        assert!(lines.contains(&row.as_str()), "{sweep}");
    }
}
