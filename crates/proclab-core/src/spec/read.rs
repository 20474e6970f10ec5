//! What a policy and a multilevel queue's queue are read from: the shapes of [`PolicySpec`] and
//! [`QueueSpec`], each kind's fields a struct of their own (of none for a kind that takes no
//! parameters). Serde lets an internally tagged unit variant pass over any other field, so
//! `{"kind": "fcfs", "quantum": 3}` had been read as FCFS with the quantum dropped, where the
//! format promises that a field it does not know is an error, never a silent default.

use alloc::vec::Vec;

use serde::Deserialize;

use super::{default_true, MlfqSpec, PolicySpec, PredictionSpec, QueueSpec};

/// A kind that takes no parameters: any field but "kind" is refused.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoFields {}

/// Round robin's and lottery's fields (a multilevel queue's round robin queue's too).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantum {
    quantum: u64,
}

/// Priority scheduling's fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    #[serde(default)]
    preemptive: bool,
    #[serde(default)]
    aging_every: Option<u64>,
    #[serde(default = "default_true")]
    lower_is_higher: bool,
}

/// Shortest job first's fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sjf {
    #[serde(default)]
    prediction: Option<PredictionSpec>,
}

/// A multilevel queue's fields.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mlq {
    queues: Vec<QueueSpec>,
}

/// A policy as a file writes it: its "kind", then that kind's fields. Each kind's fields are a
/// type of their own, so that they can also be read alone, without the "kind" (the page does,
/// to place a mistake the reader told only at the policy's end: `proclab_app::files`).
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Policy {
    /// `fcfs`.
    Fcfs(NoFields),
    /// `sjf`.
    Sjf(Sjf),
    /// `srtf`.
    Srtf(NoFields),
    /// `priority`.
    Priority(Priority),
    /// `hrrn`.
    Hrrn(NoFields),
    /// `rr`.
    Rr(Quantum),
    /// `mlq`.
    Mlq(Mlq),
    /// `mlfq`.
    Mlfq(MlfqSpec),
    /// `lottery`.
    Lottery(Quantum),
}

impl From<Policy> for PolicySpec {
    fn from(policy: Policy) -> PolicySpec {
        match policy {
            Policy::Fcfs(NoFields {}) => PolicySpec::Fcfs,
            Policy::Sjf(Sjf { prediction }) => PolicySpec::Sjf { prediction },
            Policy::Srtf(NoFields {}) => PolicySpec::Srtf,
            Policy::Priority(Priority {
                preemptive,
                aging_every,
                lower_is_higher,
            }) => PolicySpec::Priority {
                preemptive,
                aging_every,
                lower_is_higher,
            },
            Policy::Hrrn(NoFields {}) => PolicySpec::Hrrn,
            Policy::Rr(Quantum { quantum }) => PolicySpec::Rr { quantum },
            Policy::Mlq(Mlq { queues }) => PolicySpec::Mlq { queues },
            Policy::Mlfq(mlfq) => PolicySpec::Mlfq(mlfq),
            Policy::Lottery(Quantum { quantum }) => PolicySpec::Lottery { quantum },
        }
    }
}

/// A multilevel queue's queue as a file writes it: its "kind", then that kind's fields.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Queue {
    /// `fcfs`.
    Fcfs(NoFields),
    /// `rr`.
    Rr(Quantum),
    /// `sjf`.
    Sjf(NoFields),
}

impl From<Queue> for QueueSpec {
    fn from(queue: Queue) -> QueueSpec {
        match queue {
            Queue::Fcfs(NoFields {}) => QueueSpec::Fcfs,
            Queue::Rr(Quantum { quantum }) => QueueSpec::Rr { quantum },
            Queue::Sjf(NoFields {}) => QueueSpec::Sjf,
        }
    }
}
