//! `proclab bench --worst`: the worst scenario validation accepts, one per kind of limit
//! (`proclab_core::worst`), timed natively with its peak memory.
//!
//! Each kind runs in a fresh child process (`proclab bench --worst-one KIND`), so that its peak
//! resident memory (`VmHWM` in `/proc/self/status`) is its own and not the largest of the kinds
//! before it. The child validates, simulates and counts what the run produced; the parent
//! prints one line per kind. `--write DIR` writes each scenario to `DIR/KIND.json` instead, for
//! `bench/worst.mjs`, which uploads them to the page. Nothing is asserted about time; a run that
//! does not finish (or stop at the instruction budget) fails the command.

use std::io::Write;
use std::process::Command;
use std::time::Instant;

use proclab_core::program::RunEnd;
use proclab_core::worst::{describe, worst, WorstKind};
use proclab_core::{simulate, warmup, Scenario};

use crate::{Failure, Options};

/// What one kind's child process measured.
struct Measured {
    validate_ms: f64,
    simulate_ms: f64,
    events: usize,
    slices: usize,
    end_tick: u64,
    end: &'static str,
    peak_kib: u64,
}

/// Peak resident memory of this process so far, in KiB (`VmHWM`), or 0 where there is no
/// `/proc`.
fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn kind_of(id: &str) -> Result<WorstKind, Failure> {
    WorstKind::from_id(id).ok_or_else(|| {
        let ids: Vec<&str> = WorstKind::ALL.iter().map(|kind| kind.id()).collect();
        Failure::Usage(format!("unknown kind {id:?}; one of {}", ids.join(", ")))
    })
}

/// Builds, validates and simulates one kind in this process.
fn measure(kind: WorstKind) -> Result<Measured, Failure> {
    let spec = worst(kind);
    let start = Instant::now();
    let scenario = Scenario::new(&spec)
        .map_err(|errors| Failure::Input(format!("{}: refused: {errors:?}", kind.id())))?;
    let validate_ms = start.elapsed().as_secs_f64() * 1000.0;
    drop(spec);
    if scenario.machine().cache.warmup() {
        let start = Instant::now();
        let run = warmup::simulate(&scenario)
            .ok_or_else(|| Failure::Input(format!("{}: not a warm-up run", kind.id())))?;
        let simulate_ms = start.elapsed().as_secs_f64() * 1000.0;
        let cpus = scenario.machine().cpus as usize;
        if run.completion().contains(&0) {
            return Err(Failure::Input(format!(
                "{}: a job did not finish",
                kind.id()
            )));
        }
        return Ok(Measured {
            validate_ms,
            simulate_ms,
            // The model records what each CPU ran each tick.
            events: run.end() as usize * cpus,
            slices: 0,
            end_tick: run.end(),
            end: "finished",
            peak_kib: peak_kib(),
        });
    }
    let start = Instant::now();
    let run = simulate(&scenario);
    let simulate_ms = start.elapsed().as_secs_f64() * 1000.0;
    let end = match run.end() {
        RunEnd::Finished => "finished",
        RunEnd::BudgetExhausted { .. } => "budget",
        RunEnd::Deadlock { .. } => "deadlock",
        RunEnd::ScheduleUsedUp { .. } => "schedule",
    };
    let expected = if scenario.has_programs() {
        "budget"
    } else {
        "finished"
    };
    if end != expected {
        return Err(Failure::Input(format!(
            "{}: the run ended {end}, not {expected}",
            kind.id()
        )));
    }
    Ok(Measured {
        validate_ms,
        simulate_ms,
        events: run.event_count(),
        // The Gantt chart is drawn from the trace on demand, as the page does.
        slices: run.gantt().len(),
        end_tick: run.end_tick(),
        end,
        peak_kib: peak_kib(),
    })
}

/// `proclab bench --worst-one KIND`: one kind, measured here, as one line of numbers.
pub fn one(options: &Options, out: &mut impl Write) -> Result<(), Failure> {
    let kind = kind_of(options.get("worst-one").unwrap_or_default())?;
    let measured = measure(kind)?;
    writeln!(
        out,
        "{:.1} {:.1} {} {} {} {} {}",
        measured.validate_ms,
        measured.simulate_ms,
        measured.events,
        measured.slices,
        measured.end_tick,
        measured.end,
        measured.peak_kib
    )?;
    Ok(())
}

/// `proclab bench --worst [--only KIND] [--write DIR]`.
pub fn bench(options: &Options, out: &mut impl Write) -> Result<(), Failure> {
    let kinds = match options.get("only") {
        Some(id) => vec![kind_of(id)?],
        None => WorstKind::ALL.to_vec(),
    };
    if let Some(directory) = options.get("write") {
        std::fs::create_dir_all(directory)
            .map_err(|error| Failure::Input(format!("{directory}: {error}")))?;
        for kind in kinds {
            let path = std::path::Path::new(directory).join(format!("{}.json", kind.id()));
            let text = serde_json::to_string(&worst(kind))
                .map_err(|error| Failure::Output(error.into()))?;
            std::fs::write(&path, &text)
                .map_err(|error| Failure::Input(format!("{}: {error}", path.display())))?;
            writeln!(out, "{} {} bytes", path.display(), text.len())?;
        }
        return Ok(());
    }
    let exe = std::env::current_exe()
        .map_err(|error| Failure::Input(format!("cannot find this program: {error}")))?;
    writeln!(
        out,
        "the worst accepted scenario of each kind, each in a fresh process (peak = VmHWM)"
    )?;
    writeln!(
        out,
        "{:<13} {:>11} {:>11} {:>10} {:>10} {:>10} {:>8} {:>9}  scenario",
        "kind", "validate ms", "simulate ms", "events", "slices", "end tick", "end", "peak MiB"
    )?;
    out.flush()?;
    for kind in kinds {
        let output = Command::new(&exe)
            .args(["bench", "--worst-one", kind.id()])
            .output()
            .map_err(|error| Failure::Input(format!("cannot start {}: {error}", exe.display())))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            return Err(Failure::Input(format!(
                "{}: {}{}",
                kind.id(),
                stdout,
                String::from_utf8_lossy(&output.stderr)
            )));
        }
        let fields: Vec<&str> = stdout.split_whitespace().collect();
        let [validate, simulate, events, slices, end_tick, end, peak] = fields[..] else {
            return Err(Failure::Input(format!(
                "{}: unreadable: {stdout}",
                kind.id()
            )));
        };
        let peak_mib = peak.parse::<f64>().unwrap_or(0.0) / 1024.0;
        writeln!(
            out,
            "{:<13} {validate:>11} {simulate:>11} {events:>10} {slices:>10} {end_tick:>10} {end:>8} {peak_mib:>9.1}  {}",
            kind.id(),
            describe(kind)
        )?;
        out.flush()?;
    }
    Ok(())
}
