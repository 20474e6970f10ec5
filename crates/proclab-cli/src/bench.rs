//! `proclab bench`: events per second of every policy on 10,000 processes.
//!
//! The workload: 10,000 processes, all arriving at 0, each one CPU burst uniform in 1..=100
//! (about 5·10^5 ticks of work), generated with PCG32 seed 1. With `--smp`: 10,000 processes × 4
//! threads on 4 CPUs with dispatch latency, thread-switch latency and the cache model on, each
//! policy once with the shared ready queue and once with per-CPU queues (`, per-CPU` lines).
//! With `--program`: threads that run instructions instead of bursts (see [`program_workload`]),
//! reported in instructions (steps) per second.
//! With `--worst`: the worst accepted scenario of each kind of limit (`crate::worst`).
//! Build with `--profile bench-speed` for meaningful figures.

use std::io::Write;
use std::time::{Duration, Instant};

use proclab_core::gen::{generate, GenOptions};
use proclab_core::program::ExecutedStep;
use proclab_core::scenario::MAX_INSTRUCTION_BUDGET;
use proclab_core::spec::QueueTopology;
use proclab_core::{
    simulate, LevelSpec, MlfqSpec, PolicySpec, PredictionSpec, ProcessSpec, QueueSpec, Scenario,
    ScenarioSpec, ThreadSpec,
};

use crate::commands::policy_label;
use crate::{Failure, Options};

fn policies() -> Vec<PolicySpec> {
    vec![
        PolicySpec::Fcfs,
        PolicySpec::Sjf { prediction: None },
        PolicySpec::Sjf {
            prediction: Some(PredictionSpec::default()),
        },
        PolicySpec::Srtf,
        PolicySpec::Priority {
            preemptive: false,
            aging_every: None,
            lower_is_higher: true,
        },
        PolicySpec::Priority {
            preemptive: true,
            aging_every: None,
            lower_is_higher: true,
        },
        PolicySpec::Priority {
            preemptive: true,
            aging_every: Some(100),
            lower_is_higher: true,
        },
        PolicySpec::Hrrn,
        PolicySpec::Rr { quantum: 1 },
        PolicySpec::Rr { quantum: 10 },
        PolicySpec::Mlq {
            queues: vec![
                QueueSpec::Rr { quantum: 1 },
                QueueSpec::Rr { quantum: 4 },
                QueueSpec::Fcfs,
            ],
        },
        PolicySpec::Mlfq(MlfqSpec {
            levels: vec![
                LevelSpec {
                    quantum: Some(1),
                    allotment: 2,
                },
                LevelSpec {
                    quantum: Some(4),
                    allotment: 2,
                },
                LevelSpec {
                    quantum: Some(16),
                    allotment: 1,
                },
            ],
            boost_period: Some(100_000),
            old_rules_4ab: false,
            io_bump: false,
        }),
        PolicySpec::mlfq_silberschatz(),
        PolicySpec::Lottery { quantum: 1 },
    ]
}

/// The benchmark workload for `policy`; `topology` is the ready-queue topology of the `--smp`
/// machine.
pub fn workload(policy: PolicySpec, smp: bool, topology: QueueTopology) -> Scenario {
    let options = GenOptions {
        processes: 10_000,
        max_arrival: 0,
        cpu_burst: (1, 100),
        io_burst: (1, 100),
        max_cpu_bursts: 1,
        threads: if smp { 4 } else { 1 },
        priorities: 10,
        classes: 3,
        policy,
    };
    let mut spec = generate(1, &options);
    if smp {
        spec.machine.cpus = 4;
        spec.machine.dispatch_latency = 2;
        spec.machine.thread_switch_latency = 1;
        spec.machine.cache.enabled = true;
        spec.machine.cache.capacity = 16;
        spec.machine.topology = topology;
    }
    Scenario::new(&spec).expect("the benchmark workload is valid")
}

/// Processes and threads per process of the program workload (250 threads: a process holds at
/// most 64, a scenario at most `MAX_PROGRAM_THREADS`, 256).
const PROGRAM_PROCESSES: u32 = 25;
const PROGRAM_THREADS: u32 = 10;

/// Turns of each thread's loop, as many as the largest budget a scenario may set allows
/// (`MAX_INSTRUCTION_BUDGET`, one million): 250 x (3 x 1,200 + 1) = 900,250 instructions.
const PROGRAM_TURNS: u64 = 1_200;

// Every thread finishes within the budget: the run ends `Finished`, not cut short.
const _: () = assert!(
    (PROGRAM_PROCESSES * PROGRAM_THREADS) as u64 * (3 * PROGRAM_TURNS + 1)
        <= MAX_INSTRUCTION_BUDGET
);

/// A loop of three instructions, `%bx` turns, then `halt`.
const PROGRAM_LOOP: &str = ".main\n.top\nsub $1, %bx\ntest $0, %bx\njgt .top\nhalt\n";

/// The program workload: [`PROGRAM_PROCESSES`] processes of [`PROGRAM_THREADS`] threads, each
/// running [`PROGRAM_LOOP`] [`PROGRAM_TURNS`] times, all arriving at 0, round robin with a
/// quantum of 10 on one CPU, the instruction budget at its maximum.
pub fn program_workload() -> Scenario {
    let thread = ThreadSpec {
        registers: format!("bx={PROGRAM_TURNS}"),
        ..ThreadSpec::default()
    };
    let process = ProcessSpec {
        program: String::from(PROGRAM_LOOP),
        threads: vec![thread; PROGRAM_THREADS as usize],
        ..ProcessSpec::default()
    };
    let mut spec = ScenarioSpec {
        processes: vec![process; PROGRAM_PROCESSES as usize],
        policy: PolicySpec::Rr { quantum: 10 },
        ..ScenarioSpec::default()
    };
    spec.machine.instruction_budget = MAX_INSTRUCTION_BUDGET;
    Scenario::new(&spec).expect("the program workload is valid")
}

/// `proclab bench --program [--repeat N] [--emit]`: instructions per second of the engine running
/// [`program_workload`], recording every step as `proclab run` does.
fn bench_programs(out: &mut impl Write, repeat: u64, emit: bool) -> Result<(), Failure> {
    let scenario = program_workload();
    if emit {
        serde_json::to_writer(&mut *out, scenario.spec())
            .map_err(|error| Failure::Output(error.into()))?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{PROGRAM_PROCESSES} processes x {PROGRAM_THREADS} threads, 1 CPU, each thread a loop of 3 instructions {PROGRAM_TURNS} times, best of {repeat}"
    )?;
    writeln!(
        out,
        "{:<24} {:>10} {:>10} {:>12} {:>14} {:>10} {:>10}",
        "policy", "steps", "end tick", "wall ms", "steps/s", "trace KiB", "steps KiB"
    )?;
    out.flush()?;
    let mut best = Duration::MAX;
    let mut steps = 0;
    let mut end = 0;
    let mut trace_bytes = 0;
    for _ in 0..repeat {
        let start = Instant::now();
        let run = simulate(&scenario);
        let elapsed = start.elapsed();
        best = best.min(elapsed);
        steps = run.program_steps().len();
        end = run.end_tick();
        trace_bytes = run.trace_bytes();
    }
    let seconds = best.as_secs_f64();
    writeln!(
        out,
        "{:<24} {:>10} {:>10} {:>12.2} {:>14.0} {:>10} {:>10}",
        policy_label(scenario.policy()),
        steps,
        end,
        seconds * 1000.0,
        steps as f64 / seconds.max(1e-9),
        trace_bytes / 1024,
        steps * size_of::<ExecutedStep>() / 1024
    )?;
    Ok(())
}

/// `proclab bench [--smp | --program] [--repeat N] [--only LABEL] [--emit]`.
/// Each line is flushed as soon as it is measured: a run of every policy takes a while.
pub fn bench(options: &Options, out: &mut impl Write) -> Result<(), Failure> {
    if options.get("worst-one").is_some() {
        return crate::worst::one(options, out);
    }
    if options.get("worst").is_some() {
        return crate::worst::bench(options, out);
    }
    let smp = options.get("smp").is_some();
    let emit = options.get("emit").is_some();
    let repeat = options.number("repeat", 3).map_err(Failure::Usage)?.max(1);
    if options.get("program").is_some() {
        return bench_programs(out, repeat, emit);
    }
    if !emit {
        writeln!(
            out,
            "{} processes x {} thread(s), {} CPU(s), CPU bursts uniform in 1..=100, best of {repeat}",
        10_000,
        if smp { 4 } else { 1 },
        if smp { 4 } else { 1 }
        )?;
        writeln!(
            out,
            "{:<24} {:>10} {:>10} {:>12} {:>14} {:>10}",
            "policy", "events", "end tick", "wall ms", "events/s", "trace KiB"
        )?;
    }
    out.flush()?;
    let only = options.get("only");
    let topologies: &[QueueTopology] = if smp {
        &[QueueTopology::Shared, QueueTopology::PerCpu]
    } else {
        &[QueueTopology::Shared]
    };
    let cases = policies().into_iter().flat_map(|policy| {
        topologies.iter().map(move |topology| {
            let mut label = policy_label(&policy);
            if *topology == QueueTopology::PerCpu {
                label.push_str(", per-CPU");
            }
            (label, policy.clone(), *topology)
        })
    });
    for (label, policy, topology) in cases {
        if only.is_some_and(|only| label != only) {
            continue;
        }
        let scenario = workload(policy, smp, topology);
        if emit {
            // The workload itself, so another runner (the page in bench/engine.mjs) times the same.
            serde_json::to_writer(&mut *out, scenario.spec())
                .map_err(|error| Failure::Output(error.into()))?;
            writeln!(out)?;
            continue;
        }
        let mut best = Duration::MAX;
        let mut events = 0;
        let mut end = 0;
        let mut trace_bytes = 0;
        for _ in 0..repeat {
            let start = Instant::now();
            let run = simulate(&scenario);
            let elapsed = start.elapsed();
            best = best.min(elapsed);
            events = run.event_count();
            end = run.end_tick();
            trace_bytes = run.trace_bytes();
        }
        let seconds = best.as_secs_f64();
        writeln!(
            out,
            "{:<24} {:>10} {:>10} {:>12.2} {:>14.0} {:>10}",
            label,
            events,
            end,
            seconds * 1000.0,
            events as f64 / seconds.max(1e-9),
            trace_bytes / 1024
        )?;
        out.flush()?;
    }
    Ok(())
}
