//! The policies a comparison runs on one workload, shared by `proclab compare` and the page's
//! compare view so both show the same rows.

use alloc::vec;
use alloc::vec::Vec;

use crate::spec::{PolicySpec, QueueSpec, ScenarioSpec};

/// The quantum used for RR (and lottery, MLQ's top queue) when the spec names none.
pub const DEFAULT_QUANTUM: u64 = 4;

/// The quantum of the spec's own RR or lottery policy, if it has one.
fn spec_quantum(spec: &ScenarioSpec) -> Option<u64> {
    match spec.policy {
        PolicySpec::Rr { quantum } | PolicySpec::Lottery { quantum } => Some(quantum),
        _ => None,
    }
}

/// Every policy of the core, with parameters taken from the spec where it has them:
/// FCFS, SJF, SRTF, priority non-preemptive and preemptive, HRRN, RR, MLQ, MLFQ, lottery.
pub fn comparison_policies(spec: &ScenarioSpec) -> Vec<PolicySpec> {
    let quantum = spec_quantum(spec).unwrap_or(DEFAULT_QUANTUM);
    let (aging_every, lower_is_higher) = match spec.policy {
        PolicySpec::Priority {
            aging_every,
            lower_is_higher,
            ..
        } => (aging_every, lower_is_higher),
        _ => (None, true),
    };
    let mlq = match &spec.policy {
        PolicySpec::Mlq { queues } => PolicySpec::Mlq {
            queues: queues.clone(),
        },
        _ => {
            // One queue per class in use: RR on top, FCFS below (Silberschatz's foreground/background).
            let classes = spec.processes.iter().map(|process| process.class).max();
            let mut queues = vec![QueueSpec::Rr { quantum }];
            queues.extend((0..classes.unwrap_or(0)).map(|_| QueueSpec::Fcfs));
            PolicySpec::Mlq { queues }
        }
    };
    let mlfq = match &spec.policy {
        PolicySpec::Mlfq(mlfq) => PolicySpec::Mlfq(mlfq.clone()),
        _ => PolicySpec::mlfq_silberschatz(),
    };
    let priority = |preemptive| PolicySpec::Priority {
        preemptive,
        aging_every,
        lower_is_higher,
    };
    vec![
        PolicySpec::Fcfs,
        PolicySpec::Sjf { prediction: None },
        PolicySpec::Srtf,
        priority(false),
        priority(true),
        PolicySpec::Hrrn,
        PolicySpec::Rr { quantum },
        mlq,
        mlfq,
        PolicySpec::Lottery { quantum },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::preset;
    use crate::Scenario;

    #[test]
    fn every_compared_policy_runs_and_takes_the_spec_parameters() {
        let spec = preset("rr-silberschatz").expect("preset").spec;
        let policies = comparison_policies(&spec);
        assert_eq!(policies.len(), 10);
        assert!(policies.contains(&PolicySpec::Rr { quantum: 4 }));
        for policy in policies {
            let candidate = ScenarioSpec {
                policy,
                ..spec.clone()
            };
            assert!(Scenario::new(&candidate).is_ok(), "{:?}", candidate.policy);
        }
        let mlq = preset("mlq").expect("preset").spec;
        assert!(
            comparison_policies(&mlq).contains(&mlq.policy),
            "a workload's own MLQ is kept"
        );
    }
}
