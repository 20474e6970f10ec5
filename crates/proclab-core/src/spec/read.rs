//! What a policy and a multilevel queue's queue are read from: the shapes of [`PolicySpec`] and
//! [`QueueSpec`], with each variant that takes no parameters written as a struct of none. Serde
//! lets an internally tagged unit variant pass over any other field, so `{"kind": "fcfs",
//! "quantum": 3}` had been read as FCFS with the quantum dropped, where the format promises that
//! a field it does not know is an error, never a silent default.

use alloc::vec::Vec;

use serde::Deserialize;

use super::{default_true, MlfqSpec, PolicySpec, PredictionSpec, QueueSpec};

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Policy {
    Fcfs {},
    Sjf {
        #[serde(default)]
        prediction: Option<PredictionSpec>,
    },
    Srtf {},
    Priority {
        #[serde(default)]
        preemptive: bool,
        #[serde(default)]
        aging_every: Option<u64>,
        #[serde(default = "default_true")]
        lower_is_higher: bool,
    },
    Hrrn {},
    Rr {
        quantum: u64,
    },
    Mlq {
        queues: Vec<QueueSpec>,
    },
    Mlfq(MlfqSpec),
    Lottery {
        quantum: u64,
    },
}

impl From<Policy> for PolicySpec {
    fn from(policy: Policy) -> PolicySpec {
        match policy {
            Policy::Fcfs {} => PolicySpec::Fcfs,
            Policy::Sjf { prediction } => PolicySpec::Sjf { prediction },
            Policy::Srtf {} => PolicySpec::Srtf,
            Policy::Priority {
                preemptive,
                aging_every,
                lower_is_higher,
            } => PolicySpec::Priority {
                preemptive,
                aging_every,
                lower_is_higher,
            },
            Policy::Hrrn {} => PolicySpec::Hrrn,
            Policy::Rr { quantum } => PolicySpec::Rr { quantum },
            Policy::Mlq { queues } => PolicySpec::Mlq { queues },
            Policy::Mlfq(mlfq) => PolicySpec::Mlfq(mlfq),
            Policy::Lottery { quantum } => PolicySpec::Lottery { quantum },
        }
    }
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Queue {
    Fcfs {},
    Rr { quantum: u64 },
    Sjf {},
}

impl From<Queue> for QueueSpec {
    fn from(queue: Queue) -> QueueSpec {
        match queue {
            Queue::Fcfs {} => QueueSpec::Fcfs,
            Queue::Rr { quantum } => QueueSpec::Rr { quantum },
            Queue::Sjf {} => QueueSpec::Sjf,
        }
    }
}
