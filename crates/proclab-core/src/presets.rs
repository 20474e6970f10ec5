//! Ready-made scenarios, one lesson each, for the CLI and the web page's preset list.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::spec::{BurstSpec, PolicySpec, ProcessSpec, ScenarioSpec};

/// A named scenario that shows one lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Stable identifier (`"fcfs-convoy"`), used in links and by the CLI.
    pub id: &'static str,
    /// The scenario.
    pub spec: ScenarioSpec,
}

/// A single-threaded process with the given arrival and alternating bursts (CPU first).
pub fn process(name: &str, arrival: u64, bursts: &[u64]) -> ProcessSpec {
    ProcessSpec {
        name: String::from(name),
        arrival,
        bursts: bursts
            .iter()
            .enumerate()
            .map(|(index, length)| {
                if index % 2 == 0 {
                    BurstSpec::Cpu(*length)
                } else {
                    BurstSpec::Io(*length)
                }
            })
            .collect(),
        ..ProcessSpec::default()
    }
}

fn scenario(processes: Vec<ProcessSpec>, policy: PolicySpec) -> ScenarioSpec {
    ScenarioSpec {
        processes,
        policy,
        ..ScenarioSpec::default()
    }
}

/// Every preset, in the order the page lists them.
pub fn presets() -> Vec<Preset> {
    vec![Preset {
        id: "fcfs-convoy",
        spec: scenario(
            vec![
                process("P1", 0, &[24]),
                process("P2", 0, &[3]),
                process("P3", 0, &[3]),
            ],
            PolicySpec::Fcfs,
        ),
    }]
}
