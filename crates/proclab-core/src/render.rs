//! Text a teacher's answer key shows: a Gantt line per CPU and a metrics table.
//!
//! Used by the CLI and by the snapshot tests, so its layout is stable: the Gantt line lists
//! each slice boundary tick followed by what runs (`P1`, `P1.T2` for threads, `-` for idle,
//! `CS` for dispatch latency, `$P1` for a cache stall), ending with the final tick.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use crate::metrics::Ratio;
use crate::run::Run;
use crate::scenario::Scenario;
use crate::spec::QueueTopology;
use crate::trace::{SliceKind, ThreadRef};

/// `P1`, or `P1.T2` when the process has several threads.
pub fn thread_label(scenario: &Scenario, thread: ThreadRef) -> String {
    let process = &scenario.processes()[thread.pid as usize];
    let name = scenario.threads()[(process.first_thread() + thread.tid) as usize].name();
    label(process.name(), process.is_multithreaded().then_some(name))
}

/// How every view names a thread (the Gantt chart, the answer key, the canvas, the inspector and
/// the narrated log alike): its process's name, and `process.thread` when the process has several
/// threads (a thread without a name of its own is `T1`, `T2`…, set by validation).
pub fn label(process: &str, thread: Option<&str>) -> String {
    match thread {
        Some(thread) => format!("{process}.{thread}"),
        None => String::from(process),
    }
}

/// One Gantt line per CPU: `CPU0: 0 P1 24 P2 27 P3 30`.
pub fn gantt_lines(run: &Run) -> String {
    let scenario = run.scenario();
    let mut text = String::new();
    let cpu_count = scenario.machine().cpus;
    for cpu in 0..cpu_count {
        let slices: Vec<_> = run
            .gantt()
            .iter()
            .filter(|slice| slice.cpu == cpu)
            .collect();
        let _ = write!(text, "CPU{cpu}:");
        for slice in &slices {
            let label = match slice.kind {
                SliceKind::Run { thread } => thread_label(scenario, thread),
                SliceKind::Idle => String::from("-"),
                SliceKind::Dispatch { .. } => String::from("CS"),
                SliceKind::CacheStall { thread } => format!("${}", thread_label(scenario, thread)),
            };
            let _ = write!(text, " {} {}", slice.start, label);
        }
        let end = slices.last().map_or(0, |slice| slice.end);
        let _ = writeln!(text, " {end}");
    }
    text
}

/// Columns a cell takes in a terminal: two for a Hangul syllable or jamo, one for the rest.
pub fn display_width(cell: &str) -> usize {
    cell.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{115F}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7A3}' => 2,
            _ => 1,
        })
        .sum()
}

fn push_row(text: &mut String, cells: &[String], widths: &[usize]) {
    for (index, cell) in cells.iter().enumerate() {
        let pad = widths[index].saturating_sub(display_width(cell));
        if index == 0 {
            let _ = write!(text, "{cell}{:pad$}", "");
        } else {
            let _ = write!(text, " {:pad$}{cell}", "");
        }
    }
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    text.push('\n');
}

/// The words of the metrics table, so a front end can give them in its language (the core keeps
/// none but these English ones, [`TableWords::ENGLISH`]).
pub struct TableWords {
    /// The ten column headings.
    pub header: [&'static str; 10],
    /// The heading of the column of ticks blocked on a mutex, a semaphore or a condition, shown
    /// after `io` only when some thread was.
    pub sync: &'static str,
    /// The label of the averages row.
    pub average: &'static str,
    /// The totals line: throughput (a ratio), utilisation in percent, context switches, switch
    /// ticks, stall ticks.
    pub totals: fn(&crate::metrics::Totals) -> String,
    /// The cache line: units refilled cold, units needed, percent warm.
    pub cache: fn(u64, u64, Ratio) -> String,
    /// The migrations line: the total, onto each CPU, of each process (empty when none).
    pub migrations: fn(u64, &str, &str) -> String,
}

impl TableWords {
    /// The answer key's words as the snapshot tests and `x86.py`'s users read them.
    pub const ENGLISH: TableWords = TableWords {
        header: [
            "proc", "arrive", "cpu", "io", "done", "turn", "wait", "resp", "switch", "stall",
        ],
        sync: "sync",
        average: "average",
        totals: |totals| {
            format!(
                "throughput {}/{} = {} per tick, utilisation {}%, context switches {}, switch ticks {}, stall ticks {}",
                totals.throughput.num,
                totals.throughput.den,
                totals.throughput,
                totals.utilisation.percent(),
                totals.context_switches,
                totals.switch_ticks,
                totals.stall_ticks
            )
        },
        cache: |cold, needed, warm| {
            format!("cache: {cold} of {needed} units refilled cold, {warm}% warm")
        },
        migrations: |total, onto, of| {
            let of = if of.is_empty() { "none" } else { of };
            format!("migrations {total} (onto {onto}; of {of})")
        },
    };
}

/// The metrics table: one row per process (preceded by one row per thread for a multi-threaded
/// process; the process row sums its threads' waiting, CPU, I/O, switch and stall), then the
/// averages over processes and the totals. A run in which some thread waited for a mutex, a
/// semaphore or a condition has one more column after `io`, those ticks, so that a thread's
/// turnaround is the sum of its cpu, io, sync, wait, switch and stall.
pub fn metrics_table(run: &Run) -> String {
    metrics_table_in(run, &TableWords::ENGLISH)
}

/// [`metrics_table`] in the words given.
pub fn metrics_table_in(run: &Run, words: &TableWords) -> String {
    let metrics = run.metrics();
    let header = words.header;
    let mut rows: Vec<Vec<String>> = Vec::new();
    rows.push(header.iter().map(|cell| String::from(*cell)).collect());
    let scenario = run.scenario();
    // The sync column's cells, row by row, where some thread waited on a lock or the like.
    let blocked = metrics.blocked_per_process();
    let mut sync_cells: Vec<String> = alloc::vec![String::from(words.sync)];
    for process in &metrics.processes {
        let spec = &scenario.processes()[process.pid as usize];
        let first = spec.first_thread() as usize;
        let threads = &metrics.threads[first..first + spec.thread_count() as usize];
        if let Some(blocked) = &blocked {
            if spec.is_multithreaded() {
                sync_cells.extend(threads.iter().map(|thread| format!("{}", thread.blocked)));
            }
            sync_cells.push(format!("{}", blocked[process.pid as usize]));
        }
        if spec.is_multithreaded() {
            for thread in threads {
                rows.push(alloc::vec![
                    thread_label(scenario, thread.thread),
                    format!("{}", thread.arrival),
                    format!("{}", thread.cpu),
                    format!("{}", thread.io),
                    format!("{}", thread.completion),
                    format!("{}", thread.turnaround),
                    format!("{}", thread.waiting),
                    format!("{}", thread.response),
                    format!("{}", thread.switch),
                    format!("{}", thread.stall),
                ]);
            }
        }
        rows.push(alloc::vec![
            process.name.clone(),
            format!("{}", process.arrival),
            format!("{}", process.cpu),
            format!("{}", process.io),
            format!("{}", process.completion),
            format!("{}", process.turnaround),
            format!("{}", process.waiting),
            format!("{}", process.response),
            format!("{}", process.switch),
            format!("{}", process.stall),
        ]);
    }
    let totals = &metrics.totals;
    rows.push(alloc::vec![
        String::from(words.average),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        format!("{}", totals.average_turnaround),
        format!("{}", totals.average_waiting),
        format!("{}", totals.average_response),
        String::new(),
        String::new(),
    ]);
    sync_cells.push(String::new());
    if blocked.is_some() {
        for (row, cell) in rows.iter_mut().zip(sync_cells) {
            row.insert(4, cell);
        }
    }
    let mut widths = alloc::vec![0usize; rows[0].len()];
    for row in &rows {
        for (index, cell) in row.iter().enumerate() {
            widths[index] = widths[index].max(display_width(cell));
        }
    }
    let mut text = String::new();
    for row in &rows {
        push_row(&mut text, row, &widths);
    }
    let _ = writeln!(text, "{}", (words.totals)(totals));
    if run.scenario().machine().cache.enabled {
        let warm = Ratio::new(totals.cache_needed - totals.cache_cold, totals.cache_needed);
        let _ = writeln!(
            text,
            "{}",
            (words.cache)(totals.cache_cold, totals.cache_needed, warm.percent())
        );
    }
    if run.scenario().machine().topology == QueueTopology::PerCpu {
        let per_cpu: Vec<String> = metrics
            .cpus
            .iter()
            .map(|cpu| format!("CPU{} {}", cpu.cpu, cpu.migrations))
            .collect();
        let per_process: Vec<String> = metrics
            .processes
            .iter()
            .filter(|process| process.migrations > 0)
            .map(|process| format!("{} {}", process.name, process.migrations))
            .collect();
        let _ = writeln!(
            text,
            "{}",
            (words.migrations)(
                totals.migrations,
                &per_cpu.join(", "),
                &per_process.join(", ")
            )
        );
    }
    text
}

/// Gantt lines followed by the metrics table.
pub fn answer_key(run: &Run) -> String {
    answer_key_in(run, &TableWords::ENGLISH)
}

/// [`answer_key`] with the table in the words given.
pub fn answer_key_in(run: &Run, words: &TableWords) -> String {
    let mut text = gantt_lines(run);
    text.push_str(&metrics_table_in(run, words));
    text
}
