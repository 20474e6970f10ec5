//! Laws of the warm-up cache model on random scenarios (shared and per-CPU queues, peeking,
//! affinity, every warm-up time and rate): a job runs on one CPU at a time and only where it is
//! allowed, its time left drops by exactly its rate, the figures add up, and the run is the same
//! every time. (Tick-by-tick agreement with `multi.py` is `warmup_reference.rs`.)

use proclab_core::presets::process;
use proclab_core::rng::Pcg32;
use proclab_core::spec::{CacheModel, QueueTopology};
use proclab_core::warmup::{self, WarmupRun};
use proclab_core::{PolicySpec, ProcessSpec, Scenario, ScenarioSpec};

fn random_spec(random: &mut Pcg32) -> ScenarioSpec {
    let cpus = random.between(1, 4) as u32;
    let jobs = random.between(1, 7);
    let processes: Vec<ProcessSpec> = (0..jobs)
        .map(|index| {
            let mut cpus_allowed = Vec::new();
            if cpus > 1 && random.below(3) == 0 {
                cpus_allowed = (0..cpus).filter(|_| random.below(2) == 0).collect();
            }
            ProcessSpec {
                working_set: random.between(1, 150) as u32,
                cpus: cpus_allowed,
                ..process(&format!("j{index}"), 0, &[random.between(1, 80)])
            }
        })
        .collect();
    let mut spec = ScenarioSpec {
        processes,
        policy: PolicySpec::Rr {
            quantum: random.between(1, 20),
        },
        seed: random.below(5),
        ..ScenarioSpec::default()
    };
    spec.machine.cpus = cpus;
    spec.machine.cache.enabled = true;
    spec.machine.cache.model = CacheModel::Warmup;
    spec.machine.cache.capacity = random.between(20, 300) as u32;
    spec.machine.cache.warmup_time = random.below(21);
    spec.machine.cache.warm_rate = random.between(1, 3);
    if cpus > 1 && random.below(2) == 0 {
        spec.machine.topology = QueueTopology::PerCpu;
        spec.machine.peek_interval = Some(random.below(31));
    }
    spec
}

fn check(spec: &ScenarioSpec, run: &WarmupRun) {
    let cpus = spec.machine.cpus as usize;
    let warm_rate = spec.machine.cache.warm_rate;
    let mut left: Vec<u64> = spec
        .processes
        .iter()
        .map(|process| match process.bursts[0] {
            proclab_core::BurstSpec::Cpu(length) => length,
            _ => unreachable!("a warm-up job is one CPU burst"),
        })
        .collect();
    let mut last_ran = vec![None; left.len()];
    let (mut busy, mut warm) = (vec![0; cpus], vec![0; cpus]);
    let no_affinity = spec.processes.iter().all(|process| process.cpus.is_empty());
    for tick in 0..run.end() {
        let slots = run.tick(tick);
        assert_eq!(slots.len(), cpus);
        let unfinished = left.iter().filter(|left| **left > 0).count();
        let mut seen = Vec::new();
        for (cpu, slot) in slots.iter().enumerate() {
            let Some(slot) = slot else { continue };
            let job = slot.job as usize;
            assert!(!seen.contains(&job), "job {job} on two CPUs at {tick}");
            seen.push(job);
            let allowed = &spec.processes[job].cpus;
            assert!(allowed.is_empty() || allowed.contains(&(cpu as u32)));
            let rate = if slot.warm { warm_rate } else { 1 };
            assert!(left[job] > 0, "job {job} runs after it ended");
            assert_eq!(
                slot.left,
                left[job].saturating_sub(rate),
                "job {job} at {tick}"
            );
            left[job] = slot.left;
            last_ran[job] = Some(tick);
            busy[cpu] += 1;
            if slot.warm && warm_rate > 1 {
                warm[cpu] += 1;
            }
            let working_set = u64::from(spec.processes[job].working_set);
            if working_set > u64::from(spec.machine.cache.capacity) {
                assert!(
                    !slot.warm,
                    "a working set larger than the cache is never warm"
                );
            }
        }
        if no_affinity && spec.machine.topology == QueueTopology::Shared {
            assert_eq!(
                seen.len(),
                unfinished.min(cpus),
                "a shared queue idles a CPU at {tick}"
            );
        }
        assert!(
            !seen.is_empty(),
            "some job runs at every tick before the end"
        );
    }
    assert!(left.iter().all(|left| *left == 0), "every job ends");
    for (job, last) in last_ran.iter().enumerate() {
        assert_eq!(run.completion()[job], last.expect("every job runs") + 1);
    }
    assert_eq!(
        run.end(),
        run.completion().iter().copied().max().unwrap_or(0)
    );
    assert_eq!(run.busy(), busy);
    assert_eq!(run.warm(), warm);
}

#[test]
fn every_random_warm_up_run_keeps_the_laws_and_repeats_exactly() {
    let mut random = Pcg32::new(2026, 17);
    for _ in 0..400 {
        let spec = random_spec(&mut random);
        let scenario = Scenario::new(&spec).unwrap_or_else(|errors| panic!("{errors:?}"));
        let run = warmup::simulate(&scenario).expect("warm-up model");
        check(&spec, &run);
        assert_eq!(warmup::simulate(&scenario).expect("again"), run);
    }
}
