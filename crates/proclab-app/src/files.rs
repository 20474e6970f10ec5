//! Files the student takes away or brings: scenario JSON (the CLI's format), metrics CSV, and
//! downloads of data the charts produce.

use proclab_core::{Run, ScenarioSpec};

/// The scenario as the CLI reads it.
pub fn scenario_json(spec: &ScenarioSpec) -> String {
    serde_json::to_string_pretty(spec).unwrap_or_default()
}

/// The name a download of `spec` gets, ending in `-{what}.{extension}`: the example's id when
/// `spec` is one of the examples as it opens (`proclab-philosophers-deadlock-scenario.json`), else
/// its policy and its number of processes (`proclab-rr-5-processes-metrics.csv`), so a student who
/// saves several runs can tell the files apart.
pub fn download_name(spec: &ScenarioSpec, what: &str, extension: &str) -> String {
    let stem = match crate::program_words::example_of(spec) {
        Some(id) => String::from(id.as_str()),
        None => {
            let count = spec.processes.len();
            let noun = if count == 1 { "process" } else { "processes" };
            let policy = proclab_core::PolicyKind::of(&spec.policy).id();
            format!("{policy}-{count}-{noun}")
        }
    };
    format!("proclab-{stem}-{what}.{extension}")
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
    /// Not JSON, or cut short, at this line and column.
    NotJson { line: usize, column: usize },
    /// JSON, but not a scenario: serde's description (it names the field) at this line and column.
    NotAScenario {
        line: usize,
        column: usize,
        detail: String,
    },
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
    read.map_err(|error| {
        let (line, column) = (error.line(), error.column());
        if error.is_syntax() && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok() {
            // The reader calls a number where `{"cpu": 5}` goes a syntax error; the file is JSON.
            FileError::NotAScenario {
                line,
                column,
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
                detail,
            }
        } else {
            FileError::NotJson { line, column }
        }
    })
}

/// One row per process, then a row of the exact averages to two decimals.
pub fn metrics_csv(run: &Run) -> String {
    let metrics = run.metrics();
    let mut csv = String::from(
        "process,arrival,completion,turnaround,waiting,response,cpu,io,switch,stall,dispatches,preemptions\n",
    );
    for process in &metrics.processes {
        csv.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}\n",
            csv_field(&process.name),
            process.arrival,
            process.completion,
            process.turnaround,
            process.waiting,
            process.response,
            process.cpu,
            process.io,
            process.switch,
            process.stall,
            process.dispatches,
            process.preemptions
        ));
    }
    let totals = &metrics.totals;
    // Averages only where they are averages; switch and stall overhead are totals (on the page they
    // are the "ticks lost" figures), so they stay out of the average row.
    csv.push_str(&format!(
        "average,,,{},{},{},,,,,,\n",
        totals.average_turnaround, totals.average_waiting, totals.average_response
    ));
    csv
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
        let policy = proclab_core::PolicyKind::of(&edited.policy).id();
        assert_eq!(
            download_name(&edited, "metrics", "csv"),
            format!("proclab-{policy}-1-process-metrics.csv")
        );
        let generated = proclab_core::gen::generate(7, &Default::default());
        assert_eq!(
            download_name(&generated, "gantt", "svg"),
            format!(
                "proclab-{}-{}-processes-gantt.svg",
                proclab_core::PolicyKind::of(&generated.policy).id(),
                generated.processes.len()
            )
        );
    }
}
