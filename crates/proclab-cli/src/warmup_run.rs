//! What `run` prints for a scenario in the `warmup` cache model (OSTEP `multi.py`'s machine),
//! which `proclab_core::warmup` runs tick by tick instead of the event engine: its answer key
//! (Gantt lines with warm slices marked `*`, completions, each CPU's utilisation and warm share),
//! or as JSON every tick of every CPU.

use std::io::Write;

use proclab_core::warmup::{self, render, WarmupRun};
use proclab_core::Scenario;
use serde::Serialize;

use crate::output::write_json;
use crate::Failure;

#[derive(Serialize)]
struct Job<'a> {
    name: &'a str,
    run_time: u64,
    working_set: u32,
    completion: u64,
}

#[derive(Serialize)]
struct Cpu {
    busy: u64,
    warm: u64,
    utilisation_percent: String,
    warm_percent: String,
}

#[derive(Serialize)]
struct Slot<'a> {
    job: &'a str,
    left: u64,
    warm: bool,
}

/// `proclab run FILE --format json` for the warm-up model.
#[derive(Serialize)]
struct WarmupDocument<'a> {
    model: &'static str,
    end_tick: u64,
    jobs: Vec<Job<'a>>,
    cpus: Vec<Cpu>,
    /// Per tick, per CPU: the job, its time left after the tick and whether it ran warm; `null`
    /// for an idle CPU.
    ticks: Vec<Vec<Option<Slot<'a>>>>,
}

impl<'a> WarmupDocument<'a> {
    fn new(scenario: &'a Scenario, run: &WarmupRun) -> WarmupDocument<'a> {
        let processes = scenario.processes();
        let jobs = processes
            .iter()
            .enumerate()
            .map(|(job, process)| Job {
                name: process.name(),
                run_time: scenario.threads()[job].bursts()[0],
                working_set: process.working_set(),
                completion: run.completion()[job],
            })
            .collect();
        let cpus = run
            .busy()
            .iter()
            .zip(run.warm())
            .map(|(busy, warm)| Cpu {
                busy: *busy,
                warm: *warm,
                utilisation_percent: render::percent(*busy, run.end()),
                warm_percent: render::percent(*warm, run.end()),
            })
            .collect();
        let ticks = (0..run.end())
            .map(|tick| {
                run.tick(tick)
                    .iter()
                    .map(|slot| {
                        slot.map(|slot| Slot {
                            job: processes[slot.job as usize].name(),
                            left: slot.left,
                            warm: slot.warm,
                        })
                    })
                    .collect()
            })
            .collect();
        WarmupDocument {
            model: "warmup",
            end_tick: run.end(),
            jobs,
            cpus,
            ticks,
        }
    }
}

/// Writes the warm-up run of `scenario` (text or JSON); `false` when its model is not `warmup`.
pub fn write(
    out: &mut impl Write,
    scenario: &Scenario,
    json: bool,
    pretty: bool,
) -> Result<bool, Failure> {
    let Some(run) = warmup::simulate(scenario) else {
        return Ok(false);
    };
    if json {
        write_json(out, &WarmupDocument::new(scenario, &run), pretty)?;
    } else {
        out.write_all(render::answer_key(scenario, &run).as_bytes())?;
    }
    Ok(true)
}
