//! The `warmup` model's answer key: a Gantt line per CPU (a warm slice marked `*`), each job's
//! completion, and each CPU's utilisation and warm share, as `multi.py -c` reports them.

use alloc::format;
use alloc::string::String;
use core::fmt::Write;

use super::WarmupRun;
use crate::scenario::Scenario;

/// `100 * part / whole` with two decimals as `multi.py` prints it (Python's `%3.2f`): rounded to
/// the nearest, an exact tie to the even hundredth (40.625 is `40.62`); `0.00` when `whole` is 0.
pub fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return String::from("0.00");
    }
    let (numerator, whole) = (10_000 * u128::from(part), u128::from(whole));
    let (mut hundredths, remainder) = (numerator / whole, numerator % whole);
    if 2 * remainder > whole || (2 * remainder == whole && hundredths % 2 == 1) {
        hundredths += 1;
    }
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// One line per CPU: `CPU0: 0 a 10 a* 15 - 20`; `a*` is `a` running warm (at `warm_rate`).
pub fn gantt_lines(scenario: &Scenario, run: &WarmupRun) -> String {
    let processes = scenario.processes();
    let mut text = String::new();
    for cpu in 0..run.cpus {
        let _ = write!(text, "CPU{cpu}:");
        let mut previous = None;
        for tick in 0..run.end() {
            let slot = run.tick(tick)[cpu].map(|slot| (slot.job, slot.warm));
            if tick == 0 || slot != previous {
                let label = match slot {
                    Some((job, warm)) => {
                        let name = processes[job as usize].name();
                        if warm {
                            format!("{name}*")
                        } else {
                            String::from(name)
                        }
                    }
                    None => String::from("-"),
                };
                let _ = write!(text, " {tick} {label}");
            }
            previous = slot;
        }
        let _ = writeln!(text, " {}", run.end());
    }
    text
}

/// The whole answer key: Gantt lines, jobs, CPUs, and the end.
pub fn answer_key(scenario: &Scenario, run: &WarmupRun) -> String {
    let mut text = gantt_lines(scenario, run);
    let _ = writeln!(text, "job        run     ws   done");
    for (job, process) in scenario.processes().iter().enumerate() {
        let _ = writeln!(
            text,
            "{:<8} {:>5} {:>6} {:>6}",
            process.name(),
            scenario.threads()[job].bursts()[0],
            process.working_set(),
            run.completion()[job]
        );
    }
    let _ = writeln!(text, "cpu   busy   warm   util  warm%");
    for cpu in 0..run.cpus {
        let _ = writeln!(
            text,
            "CPU{cpu:<2} {:>5} {:>6} {:>6} {:>6}",
            run.busy()[cpu],
            run.warm()[cpu],
            percent(run.busy()[cpu], run.end()),
            percent(run.warm()[cpu], run.end())
        );
    }
    let _ = writeln!(text, "finished at {}", run.end());
    text
}
