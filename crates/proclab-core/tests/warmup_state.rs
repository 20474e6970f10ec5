//! The `warmup` machine at a tick (`warmup::state_at`, what the page's machine view draws) agrees
//! with the run it stops: the job each CPU runs and whether it runs warm are the run's own, time
//! left drops by the rate the run used, and every job still to finish is in exactly one place.

use proclab_core::presets::{process, warmup_presets};
use proclab_core::spec::CacheModel;
use proclab_core::warmup::{self, WarmupState};
use proclab_core::{PolicySpec, ProcessSpec, Scenario, ScenarioSpec};

fn states(scenario: &Scenario, end: u64) -> Vec<WarmupState> {
    (0..end)
        .map(|tick| warmup::state_at(scenario, tick).expect("a warm-up scenario"))
        .collect()
}

#[test]
fn the_state_at_each_tick_is_what_the_run_did_then() {
    for preset in warmup_presets() {
        let scenario = Scenario::new(&preset.spec).unwrap();
        let run = warmup::simulate(&scenario).unwrap();
        let rate = scenario.machine().cache.warm_rate;
        let working_set = |job: u32| u64::from(preset.spec.processes[job as usize].working_set);
        for (tick, state) in states(&scenario, run.end()).iter().enumerate() {
            let tick = tick as u64;
            let id = preset.id;
            assert_eq!(state.tick, tick, "{id}");
            for (cpu, slot) in run.tick(tick).iter().enumerate() {
                let shown = &state.cpus[cpu];
                assert_eq!(
                    shown.running,
                    slot.map(|slot| slot.job),
                    "{id} tick {tick} CPU{cpu}"
                );
                assert_eq!(
                    shown.warm,
                    slot.is_some_and(|slot| slot.warm),
                    "{id} tick {tick}"
                );
                if let Some(slot) = slot {
                    let before = state.left[slot.job as usize];
                    let used = if slot.warm { rate } else { 1 };
                    assert_eq!(slot.left, before.saturating_sub(used), "{id} tick {tick}");
                    // A job running cold is warming here, one running warm is in the cache.
                    let warming = shown.warming.iter().any(|(job, _)| *job == slot.job);
                    assert_eq!(warming, !slot.warm, "{id} tick {tick} CPU{cpu}");
                    assert_eq!(
                        shown.cached.contains(&slot.job),
                        slot.warm,
                        "{id} tick {tick}"
                    );
                }
                // The cache holds no more than it can, and never a job both warm and warming.
                let held: u64 = shown.cached.iter().map(|job| working_set(*job)).sum();
                assert!(held <= state.capacity, "{id} tick {tick} CPU{cpu}");
                for (job, left) in &shown.warming {
                    assert!(!shown.cached.contains(job), "{id} tick {tick}");
                    assert!((1..=state.warmup_time).contains(left), "{id} tick {tick}");
                }
            }
            // Every job with time left runs or waits, in exactly one place.
            for (job, left) in state.left.iter().enumerate() {
                let job = job as u32;
                let places = state
                    .cpus
                    .iter()
                    .filter(|cpu| cpu.running == Some(job))
                    .count()
                    + state
                        .queues
                        .iter()
                        .flatten()
                        .filter(|queued| **queued == job)
                        .count();
                assert_eq!(places, usize::from(*left > 0), "{id} tick {tick} job {job}");
            }
        }
        // Past the end every job is done and every CPU idle.
        let last = warmup::state_at(&scenario, run.end() + 5).unwrap();
        assert!(last.left.iter().all(|left| *left == 0));
        assert!(last.cpus.iter().all(|cpu| cpu.running.is_none()));
    }
}

#[test]
fn a_job_warms_one_tick_at_a_time_then_runs_warm() {
    // One CPU, one job of 20 ticks, warm-up time 4, warm rate 2: cold at ticks 0..4 with 4, 3,
    // 2, 1 ticks of warm-up to go, then warm, in the cache.
    let mut spec = ScenarioSpec {
        processes: vec![ProcessSpec {
            working_set: 10,
            ..process("a", 0, &[20])
        }],
        policy: PolicySpec::Rr { quantum: 100 },
        ..ScenarioSpec::default()
    };
    spec.machine.cache.enabled = true;
    spec.machine.cache.model = CacheModel::Warmup;
    spec.machine.cache.capacity = 10;
    spec.machine.cache.warmup_time = 4;
    spec.machine.cache.warm_rate = 2;
    let scenario = Scenario::new(&spec).unwrap();
    for tick in 0..4 {
        let state = warmup::state_at(&scenario, tick).unwrap();
        assert_eq!(state.cpus[0].warming, vec![(0, 4 - tick)]);
        assert!(!state.cpus[0].warm);
        assert_eq!(state.left[0], 20 - tick);
    }
    let state = warmup::state_at(&scenario, 4).unwrap();
    assert!(state.cpus[0].warm);
    assert_eq!(state.cpus[0].cached, vec![0]);
    assert!(state.cpus[0].warming.is_empty());
    assert_eq!(state.left[0], 16);
    assert_eq!(warmup::state_at(&scenario, 5).unwrap().left[0], 14);
}
