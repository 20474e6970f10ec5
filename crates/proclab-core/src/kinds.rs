//! The closed lists every front end reads: the policies of the course and the conventions on
//! which textbooks disagree. A page, a link codec or a command-line flag that needs one of these
//! lists takes it from here, so adding a policy or a convention is one edit.

use alloc::vec;

use crate::spec::{
    BoostOrder, BoostTiming, Conventions, DispatchTiming, EntryOrder, IoCompletion, IoDevices,
    PickOrder, PolicySpec, QueueSpec, RequeueOrder,
};

/// A scheduling policy without its parameters, in the order the course teaches them.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PolicyKind {
    /// First come, first served.
    #[default]
    Fcfs,
    /// Shortest job first.
    Sjf,
    /// Shortest remaining time first.
    Srtf,
    /// Priority scheduling.
    Priority,
    /// Highest response ratio next.
    Hrrn,
    /// Round robin.
    Rr,
    /// Multilevel queue.
    Mlq,
    /// Multilevel feedback queue.
    Mlfq,
    /// Lottery scheduling.
    Lottery,
}

impl PolicyKind {
    /// Every policy, in teaching order.
    pub const ALL: [PolicyKind; 9] = [
        PolicyKind::Fcfs,
        PolicyKind::Sjf,
        PolicyKind::Srtf,
        PolicyKind::Priority,
        PolicyKind::Hrrn,
        PolicyKind::Rr,
        PolicyKind::Mlq,
        PolicyKind::Mlfq,
        PolicyKind::Lottery,
    ];

    /// The id used in scenario files (`"kind": "rr"`), links and command-line flags.
    pub fn id(self) -> &'static str {
        match self {
            PolicyKind::Fcfs => "fcfs",
            PolicyKind::Sjf => "sjf",
            PolicyKind::Srtf => "srtf",
            PolicyKind::Priority => "priority",
            PolicyKind::Hrrn => "hrrn",
            PolicyKind::Rr => "rr",
            PolicyKind::Mlq => "mlq",
            PolicyKind::Mlfq => "mlfq",
            PolicyKind::Lottery => "lottery",
        }
    }

    /// The policy whose [`id`](PolicyKind::id) is `id`.
    pub fn from_id(id: &str) -> Option<PolicyKind> {
        PolicyKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// The kind of a full policy.
    pub fn of(policy: &PolicySpec) -> PolicyKind {
        match policy {
            PolicySpec::Fcfs => PolicyKind::Fcfs,
            PolicySpec::Sjf { .. } => PolicyKind::Sjf,
            PolicySpec::Srtf => PolicyKind::Srtf,
            PolicySpec::Priority { .. } => PolicyKind::Priority,
            PolicySpec::Hrrn => PolicyKind::Hrrn,
            PolicySpec::Rr { .. } => PolicyKind::Rr,
            PolicySpec::Mlq { .. } => PolicyKind::Mlq,
            PolicySpec::Mlfq(_) => PolicyKind::Mlfq,
            PolicySpec::Lottery { .. } => PolicyKind::Lottery,
        }
    }

    /// Whether the policy takes one time slice for every thread (`quantum`).
    pub fn uses_quantum(self) -> bool {
        matches!(self, PolicyKind::Rr | PolicyKind::Lottery)
    }

    /// Whether the policy reads each process's priority.
    pub fn uses_priority(self) -> bool {
        self == PolicyKind::Priority
    }

    /// Whether the policy reads each process's class (its queue).
    pub fn uses_class(self) -> bool {
        self == PolicyKind::Mlq
    }

    /// Whether the policy reads each process's tickets.
    pub fn uses_tickets(self) -> bool {
        self == PolicyKind::Lottery
    }

    /// The policy with textbook parameters: `quantum` where one slice is taken (RR, lottery, the
    /// first MLQ queue, the top MLFQ level), non-preemptive priority with lower numbers first,
    /// SJF with known bursts, MLQ of an RR queue over an FCFS queue, OSTEP's three-level MLFQ.
    pub fn with_defaults(self, quantum: u64) -> PolicySpec {
        match self {
            PolicyKind::Fcfs => PolicySpec::Fcfs,
            PolicyKind::Sjf => PolicySpec::Sjf { prediction: None },
            PolicyKind::Srtf => PolicySpec::Srtf,
            PolicyKind::Priority => PolicySpec::Priority {
                preemptive: false,
                aging_every: None,
                lower_is_higher: true,
            },
            PolicyKind::Hrrn => PolicySpec::Hrrn,
            PolicyKind::Rr => PolicySpec::Rr { quantum },
            PolicyKind::Mlq => PolicySpec::Mlq {
                queues: vec![QueueSpec::Rr { quantum }, QueueSpec::Fcfs],
            },
            PolicyKind::Mlfq => PolicySpec::mlfq_ostep(3, quantum, 1, None),
            PolicyKind::Lottery => PolicySpec::Lottery { quantum },
        }
    }
}

/// The kind of one queue of a multilevel queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueKind {
    /// Round robin with its own quantum.
    #[default]
    Rr,
    /// First come, first served.
    Fcfs,
    /// Shortest next CPU burst first.
    Sjf,
}

impl QueueKind {
    /// Every queue kind, in the order the page offers them.
    pub const ALL: [QueueKind; 3] = [QueueKind::Rr, QueueKind::Fcfs, QueueKind::Sjf];

    /// The id used in scenario files (`"kind": "sjf"`).
    pub fn id(self) -> &'static str {
        match self {
            QueueKind::Rr => "rr",
            QueueKind::Fcfs => "fcfs",
            QueueKind::Sjf => "sjf",
        }
    }

    /// The kind of a queue.
    pub fn of(queue: &QueueSpec) -> QueueKind {
        match queue {
            QueueSpec::Rr { .. } => QueueKind::Rr,
            QueueSpec::Fcfs => QueueKind::Fcfs,
            QueueSpec::Sjf => QueueKind::Sjf,
        }
    }
}

/// One convention on which sources disagree. Each has ProcLab's default and one alternative, so
/// a convention is a switch: on means the alternative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Convention {
    /// A thread whose quantum expired re-enters before the same tick's arrivals.
    RequeueBeforeArrivals,
    /// Simultaneous arrivals enter before I/O completions.
    ArrivalsBeforeIo,
    /// An MLFQ boost is applied before the same tick's arrivals.
    BoostBeforeArrivals,
    /// A boost moves the lowest level first.
    BoostLowestFirst,
    /// Picks scan thread ids cyclically instead of taking the queue's head.
    CyclicScan,
    /// An I/O completion preempts the running thread.
    IoCompletionPreempts,
    /// The dispatcher decides as each slice ends, before the instant's other events.
    DispatchAtSliceEnd,
    /// One I/O device serving requests in FIFO order.
    SingleIoDevice,
    /// A thread that blocks keeps its CPU idle (uniprogramming).
    HoldCpuDuringIo,
    /// The timer's countdown goes on across an exit (`x86.py`'s `halt`).
    TimerContinuesAfterExit,
}

impl Convention {
    /// Whether the convention can change a run of `policy`: the boost's two only under MLFQ,
    /// the expired quantum's and the timer's only under a policy that slices time (round robin,
    /// lottery, MLQ's RR queues, MLFQ); the rest under any.
    pub fn applies_to(self, policy: PolicyKind) -> bool {
        let slices = matches!(
            policy,
            PolicyKind::Rr | PolicyKind::Lottery | PolicyKind::Mlq | PolicyKind::Mlfq
        );
        match self {
            Convention::BoostBeforeArrivals | Convention::BoostLowestFirst => {
                policy == PolicyKind::Mlfq
            }
            Convention::RequeueBeforeArrivals | Convention::TimerContinuesAfterExit => slices,
            _ => true,
        }
    }

    /// Every convention, in the order pages list them and links store them (frozen: links made
    /// today carry one flag per convention in this order).
    pub const ALL: [Convention; 10] = [
        Convention::RequeueBeforeArrivals,
        Convention::ArrivalsBeforeIo,
        Convention::BoostBeforeArrivals,
        Convention::BoostLowestFirst,
        Convention::CyclicScan,
        Convention::IoCompletionPreempts,
        Convention::DispatchAtSliceEnd,
        Convention::SingleIoDevice,
        Convention::HoldCpuDuringIo,
        Convention::TimerContinuesAfterExit,
    ];

    /// The field of [`Conventions`] in scenario files.
    pub fn field(self) -> &'static str {
        match self {
            Convention::RequeueBeforeArrivals => "requeue_order",
            Convention::ArrivalsBeforeIo => "entry_order",
            Convention::BoostBeforeArrivals => "boost_timing",
            Convention::BoostLowestFirst => "boost_order",
            Convention::CyclicScan => "pick_order",
            Convention::IoCompletionPreempts => "io_completion",
            Convention::DispatchAtSliceEnd => "dispatch_timing",
            Convention::SingleIoDevice => "io_devices",
            Convention::HoldCpuDuringIo => "hold_cpu_during_io",
            Convention::TimerContinuesAfterExit => "timer_continues_after_exit",
        }
    }

    /// Whether `conventions` take the alternative rather than the default.
    pub fn is_on(self, conventions: &Conventions) -> bool {
        match self {
            Convention::RequeueBeforeArrivals => {
                conventions.requeue_order == RequeueOrder::BeforeArrivals
            }
            Convention::ArrivalsBeforeIo => conventions.entry_order == EntryOrder::ArrivalsThenIo,
            Convention::BoostBeforeArrivals => {
                conventions.boost_timing == BoostTiming::BeforeArrivals
            }
            Convention::BoostLowestFirst => conventions.boost_order == BoostOrder::LowestFirst,
            Convention::CyclicScan => conventions.pick_order == PickOrder::CyclicScan,
            Convention::IoCompletionPreempts => conventions.io_completion == IoCompletion::Preempt,
            Convention::DispatchAtSliceEnd => {
                conventions.dispatch_timing == DispatchTiming::AtSliceEnd
            }
            Convention::SingleIoDevice => conventions.io_devices == IoDevices::SingleFifo,
            Convention::HoldCpuDuringIo => conventions.hold_cpu_during_io,
            Convention::TimerContinuesAfterExit => conventions.timer_continues_after_exit,
        }
    }

    /// Takes the alternative (`on`) or the default.
    pub fn set(self, conventions: &mut Conventions, on: bool) {
        fn choose<T>(on: bool, alternative: T, default: T) -> T {
            if on {
                alternative
            } else {
                default
            }
        }
        match self {
            Convention::RequeueBeforeArrivals => {
                conventions.requeue_order = choose(
                    on,
                    RequeueOrder::BeforeArrivals,
                    RequeueOrder::AfterArrivals,
                )
            }
            Convention::ArrivalsBeforeIo => {
                conventions.entry_order =
                    choose(on, EntryOrder::ArrivalsThenIo, EntryOrder::IoThenArrivals)
            }
            Convention::BoostBeforeArrivals => {
                conventions.boost_timing =
                    choose(on, BoostTiming::BeforeArrivals, BoostTiming::AfterArrivals)
            }
            Convention::BoostLowestFirst => {
                conventions.boost_order =
                    choose(on, BoostOrder::LowestFirst, BoostOrder::HighestFirst)
            }
            Convention::CyclicScan => {
                conventions.pick_order = choose(on, PickOrder::CyclicScan, PickOrder::ReadyQueue)
            }
            Convention::IoCompletionPreempts => {
                conventions.io_completion = choose(on, IoCompletion::Preempt, IoCompletion::Requeue)
            }
            Convention::DispatchAtSliceEnd => {
                conventions.dispatch_timing = choose(
                    on,
                    DispatchTiming::AtSliceEnd,
                    DispatchTiming::AfterAllEvents,
                )
            }
            Convention::SingleIoDevice => {
                conventions.io_devices = choose(on, IoDevices::SingleFifo, IoDevices::Unlimited)
            }
            Convention::HoldCpuDuringIo => conventions.hold_cpu_during_io = on,
            Convention::TimerContinuesAfterExit => conventions.timer_continues_after_exit = on,
        }
    }

    /// The conventions that differ from the defaults, in [`Convention::ALL`] order.
    pub fn differing(conventions: &Conventions) -> impl Iterator<Item = Convention> + '_ {
        Convention::ALL
            .into_iter()
            .filter(move |convention| convention.is_on(conventions))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_ids_are_the_file_format_tags() {
        for kind in PolicyKind::ALL {
            let spec = kind.with_defaults(4);
            assert_eq!(PolicyKind::of(&spec), kind);
            let json = serde_json::to_value(&spec).unwrap();
            assert_eq!(json["kind"], kind.id(), "{kind:?}");
            assert_eq!(PolicyKind::from_id(kind.id()), Some(kind));
        }
        assert_eq!(PolicyKind::from_id("nope"), None);
    }

    #[test]
    fn every_convention_switches_exactly_its_own_field() {
        for convention in Convention::ALL {
            let mut conventions = Conventions::default();
            assert!(
                !convention.is_on(&conventions),
                "{convention:?} defaults off"
            );
            convention.set(&mut conventions, true);
            assert!(convention.is_on(&conventions));
            assert_eq!(
                Convention::differing(&conventions).collect::<alloc::vec::Vec<_>>(),
                vec![convention]
            );
            let json = serde_json::to_value(conventions).unwrap();
            let default = serde_json::to_value(Conventions::default()).unwrap();
            assert_ne!(json[convention.field()], default[convention.field()]);
            convention.set(&mut conventions, false);
            assert_eq!(conventions, Conventions::default());
        }
    }

    #[test]
    fn queue_ids_are_the_file_format_tags() {
        for kind in QueueKind::ALL {
            let queue = match kind {
                QueueKind::Rr => QueueSpec::Rr { quantum: 2 },
                QueueKind::Fcfs => QueueSpec::Fcfs,
                QueueKind::Sjf => QueueSpec::Sjf,
            };
            assert_eq!(QueueKind::of(&queue), kind);
            assert_eq!(serde_json::to_value(queue).unwrap()["kind"], kind.id());
        }
    }
}
