//! The policy and the machine as typed, and their conversions to and from the core's specs.
//! Switching the policy kind keeps every value typed for the others.

use proclab_core::spec::{
    CacheModel, CacheSpec, LevelSpec, MachineSpec, MlfqSpec, PolicySpec, PredictionSpec, QueueSpec,
    QueueTopology, ThreadModel,
};
use proclab_core::{PolicyKind, QueueKind};
use serde::{Deserialize, Serialize};

use super::field::FieldId;
use super::notation::Reader;

/// One MLFQ level as typed. An empty quantum means "no slice" (FCFS at that level).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct LevelDraft {
    pub quantum: String,
    pub allotment: String,
}

/// One multilevel-queue queue as typed: its own policy and, for round robin, its quantum (kept
/// as typed while another kind is chosen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QueueDraft {
    pub kind: QueueKind,
    pub quantum: String,
}

impl QueueDraft {
    fn from_spec(queue: &QueueSpec) -> QueueDraft {
        QueueDraft {
            kind: QueueKind::of(queue),
            quantum: match queue {
                QueueSpec::Rr { quantum } => quantum.to_string(),
                QueueSpec::Fcfs | QueueSpec::Sjf => String::new(),
            },
        }
    }
}

/// Autosaves written before queues had a kind stored `{quantum, allotment}`: an empty quantum
/// meant FCFS and any other text round robin.
impl<'de> Deserialize<'de> for QueueDraft {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Stored {
            #[serde(default)]
            kind: Option<QueueKind>,
            #[serde(default)]
            quantum: String,
        }
        let stored = Stored::deserialize(deserializer)?;
        let kind = stored.kind.unwrap_or(if stored.quantum.trim().is_empty() {
            QueueKind::Fcfs
        } else {
            QueueKind::Rr
        });
        Ok(QueueDraft {
            kind,
            quantum: stored.quantum,
        })
    }
}

/// The policy and all its parameters as typed; switching the kind keeps every value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyDraft {
    pub kind: PolicyKind,
    pub quantum: String,
    pub preemptive: bool,
    pub aging: bool,
    pub aging_every: String,
    pub lower_is_higher: bool,
    pub predict: bool,
    pub alpha: String,
    pub tau0: String,
    pub mlq_queues: Vec<QueueDraft>,
    pub mlfq_levels: Vec<LevelDraft>,
    pub boost: bool,
    pub boost_period: String,
    pub old_rules_4ab: bool,
    pub io_bump: bool,
}

impl Default for PolicyDraft {
    fn default() -> Self {
        PolicyDraft {
            kind: PolicyKind::Fcfs,
            quantum: "4".into(),
            preemptive: false,
            aging: false,
            aging_every: "10".into(),
            lower_is_higher: true,
            predict: false,
            alpha: "50".into(),
            tau0: "10".into(),
            mlq_queues: vec![
                QueueDraft {
                    kind: QueueKind::Rr,
                    quantum: "4".into(),
                },
                QueueDraft {
                    kind: QueueKind::Fcfs,
                    quantum: String::new(),
                },
            ],
            mlfq_levels: vec![
                LevelDraft {
                    quantum: "8".into(),
                    allotment: "1".into(),
                },
                LevelDraft {
                    quantum: "16".into(),
                    allotment: "1".into(),
                },
                LevelDraft {
                    quantum: String::new(),
                    allotment: "1".into(),
                },
            ],
            boost: false,
            boost_period: "100".into(),
            old_rules_4ab: false,
            io_bump: false,
        }
    }
}

/// The machine as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MachineDraft {
    pub cpus: String,
    pub dispatch_latency: String,
    pub thread_switch_latency: String,
    pub kernel_entry_cost: String,
    pub cache: bool,
    pub cache_capacity: String,
    pub cache_refill: String,
    /// Which cache model the cache follows (its fields are kept while the other is chosen).
    pub cache_model: CacheModel,
    /// `warmup` model: ticks on a CPU before its cache is warm for a job.
    pub warmup_time: String,
    /// `warmup` model: how much a warm job's time left drops per tick.
    pub warm_rate: String,
    pub user_threads: bool,
    pub topology: QueueTopology,
    /// Per-CPU queues: steal only at multiples of it (empty: at once).
    pub peek_interval: String,
    pub instruction_budget: String,
}

impl Default for MachineDraft {
    fn default() -> Self {
        MachineDraft::from_spec(&MachineSpec::default())
    }
}

impl PolicyDraft {
    pub(super) fn to_spec(&self, reader: &mut Reader) -> PolicySpec {
        match self.kind {
            PolicyKind::Fcfs => PolicySpec::Fcfs,
            PolicyKind::Sjf => PolicySpec::Sjf {
                prediction: self.predict.then(|| PredictionSpec {
                    alpha_percent: reader.number(FieldId::Alpha, &self.alpha),
                    tau0: reader.number(FieldId::Tau0, &self.tau0),
                }),
            },
            PolicyKind::Srtf => PolicySpec::Srtf,
            PolicyKind::Priority => PolicySpec::Priority {
                preemptive: self.preemptive,
                aging_every: if self.aging {
                    Some(reader.number(FieldId::AgingEvery, &self.aging_every))
                } else {
                    None
                },
                lower_is_higher: self.lower_is_higher,
            },
            PolicyKind::Hrrn => PolicySpec::Hrrn,
            PolicyKind::Rr => PolicySpec::Rr {
                quantum: reader.number(FieldId::Quantum, &self.quantum),
            },
            PolicyKind::Lottery => PolicySpec::Lottery {
                quantum: reader.number(FieldId::Quantum, &self.quantum),
            },
            PolicyKind::Mlq => PolicySpec::Mlq {
                queues: self
                    .mlq_queues
                    .iter()
                    .enumerate()
                    .map(|(q, queue)| match queue.kind {
                        QueueKind::Rr => QueueSpec::Rr {
                            quantum: reader.number(FieldId::QueueQuantum(q), &queue.quantum),
                        },
                        QueueKind::Fcfs => QueueSpec::Fcfs,
                        QueueKind::Sjf => QueueSpec::Sjf,
                    })
                    .collect(),
            },
            PolicyKind::Mlfq => PolicySpec::Mlfq(MlfqSpec {
                levels: self
                    .mlfq_levels
                    .iter()
                    .enumerate()
                    .map(|(l, level)| LevelSpec {
                        quantum: reader.optional(FieldId::LevelQuantum(l), &level.quantum),
                        allotment: reader.number_or(
                            FieldId::LevelAllotment(l),
                            &level.allotment,
                            1,
                        ),
                    })
                    .collect(),
                boost_period: if self.boost {
                    Some(reader.number(FieldId::BoostPeriod, &self.boost_period))
                } else {
                    None
                },
                old_rules_4ab: self.old_rules_4ab,
                io_bump: self.io_bump,
            }),
        }
    }

    /// The draft for `policy`, keeping the defaults of every field it does not use.
    pub fn from_spec(policy: &PolicySpec) -> PolicyDraft {
        let mut draft = PolicyDraft::default();
        match policy {
            PolicySpec::Fcfs => draft.kind = PolicyKind::Fcfs,
            PolicySpec::Sjf { prediction } => {
                draft.kind = PolicyKind::Sjf;
                if let Some(prediction) = prediction {
                    draft.predict = true;
                    draft.alpha = prediction.alpha_percent.to_string();
                    draft.tau0 = prediction.tau0.to_string();
                }
            }
            PolicySpec::Srtf => draft.kind = PolicyKind::Srtf,
            PolicySpec::Priority {
                preemptive,
                aging_every,
                lower_is_higher,
            } => {
                draft.kind = PolicyKind::Priority;
                draft.preemptive = *preemptive;
                draft.lower_is_higher = *lower_is_higher;
                if let Some(every) = aging_every {
                    draft.aging = true;
                    draft.aging_every = every.to_string();
                }
            }
            PolicySpec::Hrrn => draft.kind = PolicyKind::Hrrn,
            PolicySpec::Rr { quantum } => {
                draft.kind = PolicyKind::Rr;
                draft.quantum = quantum.to_string();
            }
            PolicySpec::Lottery { quantum } => {
                draft.kind = PolicyKind::Lottery;
                draft.quantum = quantum.to_string();
            }
            PolicySpec::Mlq { queues } => {
                draft.kind = PolicyKind::Mlq;
                draft.mlq_queues = queues.iter().map(QueueDraft::from_spec).collect();
            }
            PolicySpec::Mlfq(mlfq) => {
                draft.kind = PolicyKind::Mlfq;
                draft.mlfq_levels = mlfq
                    .levels
                    .iter()
                    .map(|level| LevelDraft {
                        quantum: level.quantum.map(|q| q.to_string()).unwrap_or_default(),
                        allotment: level.allotment.to_string(),
                    })
                    .collect();
                if let Some(period) = mlfq.boost_period {
                    draft.boost = true;
                    draft.boost_period = period.to_string();
                }
                draft.old_rules_4ab = mlfq.old_rules_4ab;
                draft.io_bump = mlfq.io_bump;
            }
        }
        draft
    }
}

impl MachineDraft {
    pub(super) fn to_spec(&self, reader: &mut Reader) -> MachineSpec {
        let defaults = MachineSpec::default();
        MachineSpec {
            cpus: reader.number(FieldId::Cpus, &self.cpus),
            dispatch_latency: reader.number_or(FieldId::DispatchLatency, &self.dispatch_latency, 0),
            thread_switch_latency: reader.number_or(
                FieldId::ThreadSwitchLatency,
                &self.thread_switch_latency,
                0,
            ),
            kernel_entry_cost: reader.number_or(
                FieldId::KernelEntryCost,
                &self.kernel_entry_cost,
                0,
            ),
            cache: CacheSpec {
                enabled: self.cache,
                capacity: reader.number_or(
                    FieldId::CacheCapacity,
                    &self.cache_capacity,
                    defaults.cache.capacity,
                ),
                refill_per_unit: reader.number_or(
                    FieldId::CacheRefill,
                    &self.cache_refill,
                    defaults.cache.refill_per_unit,
                ),
                model: self.cache_model,
                warmup_time: reader.number_or(
                    FieldId::WarmupTime,
                    &self.warmup_time,
                    defaults.cache.warmup_time,
                ),
                warm_rate: reader.number_or(
                    FieldId::WarmRate,
                    &self.warm_rate,
                    defaults.cache.warm_rate,
                ),
            },
            thread_model: if self.user_threads {
                ThreadModel::User
            } else {
                ThreadModel::Kernel
            },
            topology: self.topology,
            instruction_budget: reader.number_or(
                FieldId::InstructionBudget,
                &self.instruction_budget,
                defaults.instruction_budget,
            ),
            peek_interval: if self.topology == QueueTopology::PerCpu
                && !self.peek_interval.trim().is_empty()
            {
                Some(reader.number(FieldId::PeekInterval, &self.peek_interval))
            } else {
                None
            },
        }
    }

    pub fn from_spec(machine: &MachineSpec) -> MachineDraft {
        MachineDraft {
            cpus: machine.cpus.to_string(),
            dispatch_latency: machine.dispatch_latency.to_string(),
            thread_switch_latency: machine.thread_switch_latency.to_string(),
            kernel_entry_cost: machine.kernel_entry_cost.to_string(),
            cache: machine.cache.enabled,
            cache_capacity: machine.cache.capacity.to_string(),
            cache_refill: machine.cache.refill_per_unit.to_string(),
            cache_model: machine.cache.model,
            warmup_time: machine.cache.warmup_time.to_string(),
            warm_rate: machine.cache.warm_rate.to_string(),
            user_threads: machine.thread_model == ThreadModel::User,
            topology: machine.topology,
            peek_interval: machine
                .peek_interval
                .map(|interval| interval.to_string())
                .unwrap_or_default(),
            instruction_budget: machine.instruction_budget.to_string(),
        }
    }
}
