//! The warm-up cache model's lessons (OSTEP `multi.py`'s homework), in pairs that differ in one
//! setting: a cache too small or big enough for one job (`warmup-cache-too-small` /
//! `warmup-cache-fits`), two CPUs without and with hard affinity (`warmup-two-cpus` /
//! `warmup-two-cpus-affinity`), per-CPU queues without and with peeking (`warmup-per-cpu-no-peek`
//! / `warmup-per-cpu-peek`), and super-linear speedup when every working set finds a cache of
//! its own (`superlinear-1-cpu` / `superlinear-3-cpus`).
//!
//! They are not in [`super::presets`] (the event engine's lessons): that engine does not apply
//! this model. The page lists them after those and runs them with [`crate::warmup::simulate`];
//! `proclab presets` lists them and `proclab run` runs them.

use alloc::vec;
use alloc::vec::Vec;

use super::{process, Preset, PresetId};
use crate::spec::{CacheModel, PolicySpec, ProcessSpec, QueueTopology, ScenarioSpec};

/// A job of `multi.py -L name:run:working_set`.
fn job(name: &str, run: u64, working_set: u32) -> ProcessSpec {
    ProcessSpec {
        working_set,
        ..process(name, 0, &[run])
    }
}

/// `multi.py`'s defaults (`-q 10 -w 10 -r 2`) with `cpus` CPUs and caches of `capacity`.
fn machine(jobs: Vec<ProcessSpec>, cpus: u32, capacity: u32) -> ScenarioSpec {
    let mut spec = ScenarioSpec {
        processes: jobs,
        policy: PolicySpec::Rr { quantum: 10 },
        ..ScenarioSpec::default()
    };
    spec.machine.cpus = cpus;
    spec.machine.cache.enabled = true;
    spec.machine.cache.model = CacheModel::Warmup;
    spec.machine.cache.capacity = capacity;
    spec.machine.cache.warmup_time = 10;
    spec.machine.cache.warm_rate = 2;
    spec
}

/// OSTEP's homework workload: a (working set 100) and b, c (50 each), 100 ticks each.
fn abc() -> Vec<ProcessSpec> {
    vec![job("a", 100, 100), job("b", 100, 50), job("c", 100, 50)]
}

fn pinned(mut jobs: Vec<ProcessSpec>, cpus: &[&[u32]]) -> Vec<ProcessSpec> {
    for (job, cpus) in jobs.iter_mut().zip(cpus) {
        job.cpus = cpus.to_vec();
    }
    jobs
}

fn per_cpu(mut spec: ScenarioSpec, peek_interval: u64) -> ScenarioSpec {
    spec.machine.topology = QueueTopology::PerCpu;
    spec.machine.peek_interval = Some(peek_interval);
    spec
}

/// The warm-up model's presets, in lesson order.
pub(super) fn presets() -> Vec<Preset> {
    let three_big = || vec![job("a", 100, 100), job("b", 100, 100), job("c", 100, 100)];
    vec![
        Preset {
            id: PresetId::WarmupCacheTooSmall,
            spec: machine(vec![job("a", 60, 150)], 1, 100),
        },
        Preset {
            id: PresetId::WarmupCacheFits,
            spec: machine(vec![job("a", 60, 150)], 1, 200),
        },
        Preset {
            id: PresetId::WarmupTwoCpus,
            spec: machine(abc(), 2, 100),
        },
        Preset {
            id: PresetId::WarmupTwoCpusAffinity,
            spec: machine(pinned(abc(), &[&[0], &[1], &[1]]), 2, 100),
        },
        Preset {
            id: PresetId::WarmupPerCpuNoPeek,
            spec: per_cpu(machine(abc(), 2, 100), 0),
        },
        Preset {
            id: PresetId::WarmupPerCpuPeek,
            spec: per_cpu(machine(abc(), 2, 100), 30),
        },
        Preset {
            id: PresetId::Superlinear1Cpu,
            spec: machine(three_big(), 1, 100),
        },
        Preset {
            id: PresetId::Superlinear3Cpus,
            spec: machine(three_big(), 3, 100),
        },
    ]
}
