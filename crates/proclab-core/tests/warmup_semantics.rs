//! One test per rule of the `warmup` cache model (`docs/semantics.md`, "The warm-up cache
//! model"), each on a small workload worked out by hand. Gantt lines mark a warm slice `a*`.

use proclab_core::presets::process;
use proclab_core::spec::{CacheModel, QueueTopology};
use proclab_core::warmup::{self, render};
use proclab_core::{simulate, PolicySpec, ProcessSpec, Scenario, ScenarioSpec};

/// A job: one CPU burst of `run` ticks with a working set of `ws` units.
fn job(name: &str, run: u64, ws: u32) -> ProcessSpec {
    ProcessSpec {
        working_set: ws,
        ..process(name, 0, &[run])
    }
}

fn pinned(name: &str, run: u64, cpus: &[u32]) -> ProcessSpec {
    ProcessSpec {
        cpus: cpus.to_vec(),
        ..job(name, run, 10)
    }
}

/// `cpus` CPUs with caches of `capacity`, RR with `quantum`, warm-up time and warm rate.
fn machine(
    jobs: Vec<ProcessSpec>,
    cpus: u32,
    capacity: u32,
    quantum: u64,
    warmup_time: u64,
    warm_rate: u64,
) -> ScenarioSpec {
    let mut spec = ScenarioSpec {
        processes: jobs,
        policy: PolicySpec::Rr { quantum },
        ..ScenarioSpec::default()
    };
    spec.machine.cpus = cpus;
    spec.machine.cache.enabled = true;
    spec.machine.cache.model = CacheModel::Warmup;
    spec.machine.cache.capacity = capacity;
    spec.machine.cache.warmup_time = warmup_time;
    spec.machine.cache.warm_rate = warm_rate;
    spec
}

fn per_cpu(mut spec: ScenarioSpec, peek_interval: u64) -> ScenarioSpec {
    spec.machine.topology = QueueTopology::PerCpu;
    spec.machine.peek_interval = Some(peek_interval);
    spec
}

fn key(spec: &ScenarioSpec) -> String {
    let scenario = Scenario::new(spec).expect("valid");
    let run = warmup::simulate(&scenario).expect("warmup model");
    render::answer_key(&scenario, &run)
}

fn gantt(spec: &ScenarioSpec) -> String {
    let scenario = Scenario::new(spec).expect("valid");
    let run = warmup::simulate(&scenario).expect("warmup model");
    render::gantt_lines(&scenario, &run)
}

fn lines(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_job_runs_cold_at_rate_1_then_warm_at_the_warm_rate() {
    // 10 cold ticks (30 -> 20), then 2 a tick: done at 20; the CPU ran warm half the time.
    let spec = machine(vec![job("a", 30, 50)], 1, 100, 10, 10, 2);
    assert_eq!(
        lines(&key(&spec)),
        lines(
            "
            CPU0: 0 a 10 a* 20
            job        run     ws   done
            a           30     50     20
            cpu   busy   warm   util  warm%
            CPU0     20     10 100.00  50.00
            finished at 20"
        )
    );
}

#[test]
fn a_working_set_larger_than_the_cache_is_never_warm() {
    let spec = machine(vec![job("a", 30, 150)], 1, 100, 10, 10, 2);
    assert_eq!(lines(&gantt(&spec)), "CPU0: 0 a 30");
}

#[test]
fn the_cache_keeps_the_most_recently_warmed_and_evicts_from_the_back() {
    // Two working sets of 60 do not fit in 100: each warm-up evicts the other one, which warms
    // again from the start. In 150 both stay warm.
    let jobs = vec![job("a", 30, 60), job("b", 30, 60)];
    let small = machine(jobs.clone(), 1, 100, 10, 5, 2);
    assert_eq!(
        lines(&gantt(&small)),
        "CPU0: 0 a 5 a* 10 b 15 b* 20 a 25 a* 30 b 35 b* 40"
    );
    let big = machine(jobs, 1, 150, 10, 5, 2);
    assert_eq!(
        lines(&gantt(&big)),
        "CPU0: 0 a 5 a* 10 b 15 b* 20 a* 28 b* 36"
    );
}

#[test]
fn the_timer_is_one_clock_for_the_whole_machine() {
    // b starts at 5 and is descheduled at 10, the next multiple of the quantum, not at 15.
    let jobs = vec![job("a", 5, 10), job("b", 20, 10), job("c", 20, 10)];
    let spec = machine(jobs, 1, 100, 10, 1_000, 2);
    assert_eq!(lines(&gantt(&spec)), "CPU0: 0 a 5 b 10 c 20 b 30 c 40 b 45");
}

#[test]
fn hard_affinity_takes_the_first_queued_job_allowed_on_the_cpu() {
    let jobs = vec![pinned("a", 10, &[1]), job("b", 10, 10), job("c", 10, 10)];
    let spec = machine(jobs, 2, 100, 10, 1_000, 2);
    assert_eq!(lines(&gantt(&spec)), "CPU0: 0 b 10 c 20\nCPU1: 0 a 10 - 20");
}

#[test]
fn per_cpu_queues_are_filled_round_robin_within_affinity() {
    // Round 1: CPU0 takes b (a may not run on it), CPU1 a; round 2: CPU0 c, CPU1 d.
    let jobs = vec![
        pinned("a", 10, &[1]),
        job("b", 10, 10),
        job("c", 10, 10),
        job("d", 10, 10),
    ];
    let spec = per_cpu(machine(jobs, 2, 100, 10, 1_000, 2), 0);
    assert_eq!(lines(&gantt(&spec)), "CPU0: 0 b 10 c 20\nCPU1: 0 a 10 d 20");
}

#[test]
fn an_empty_queue_peeks_only_every_peek_interval_and_never_takes_a_pinned_job() {
    // Queues CPU0 [a c e], CPU1 [b d]. At 20 CPU1's queue is empty: it takes e from CPU0's.
    let jobs = || {
        vec![
            job("a", 10, 10),
            job("b", 10, 10),
            job("c", 30, 10),
            job("d", 10, 10),
            job("e", 30, 10),
        ]
    };
    let peeking = per_cpu(machine(jobs(), 2, 100, 10, 1_000, 2), 20);
    assert_eq!(
        lines(&gantt(&peeking)),
        "CPU0: 0 a 10 c 40 - 50\nCPU1: 0 b 10 d 20 e 50"
    );
    let never = per_cpu(machine(jobs(), 2, 100, 10, 1_000, 2), 0);
    let alone = "CPU0: 0 a 10 c 20 e 30 c 40 e 50 c 60 e 70\nCPU1: 0 b 10 d 20 - 70";
    assert_eq!(lines(&gantt(&never)), alone);
    // Pinned to CPU0, c and e stay there even when CPU1 peeks.
    let mut pinned_jobs = jobs();
    pinned_jobs[2].cpus = vec![0];
    pinned_jobs[4].cpus = vec![0];
    let pinned_peeking = per_cpu(machine(pinned_jobs, 2, 100, 10, 1_000, 2), 20);
    assert_eq!(lines(&gantt(&pinned_peeking)), alone);
}

#[test]
fn warm_time_counts_only_ticks_faster_than_rate_1() {
    // With warm_rate 1 the cache still warms (a*), but multi.py's "warm" figure stays 0.
    let spec = machine(vec![job("a", 20, 50)], 1, 100, 10, 10, 1);
    let text = key(&spec);
    assert!(text.contains("CPU0: 0 a 10 a* 20"), "{text}");
    assert!(text.contains("CPU0     20      0 100.00   0.00"), "{text}");
}

#[test]
fn the_event_engine_runs_a_warmup_scenario_as_if_the_cache_were_off() {
    let spec = machine(vec![job("a", 30, 50)], 1, 100, 10, 10, 2);
    let run = simulate(&Scenario::new(&spec).expect("valid"));
    assert_eq!(run.end_tick(), 30);
    assert_eq!(run.metrics().threads[0].stall, 0);
}

#[test]
fn percentages_round_as_multi_py_prints_them() {
    // Python's `%3.2f`: the nearest hundredth, an exact tie to the even one.
    assert_eq!(render::percent(13, 32), "40.62");
    assert_eq!(render::percent(15, 32), "46.88");
    assert_eq!(render::percent(2, 3), "66.67");
    assert_eq!(render::percent(1, 3), "33.33");
    assert_eq!(render::percent(5, 5), "100.00");
    assert_eq!(render::percent(0, 0), "0.00");
}
