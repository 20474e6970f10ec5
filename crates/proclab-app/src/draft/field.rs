//! Where each typed value lives in the form ([`FieldId`]) and why a value could not be read
//! ([`InputError`]): every problem the page shows is attached to one field.

/// Where a field lives in the form; every error message is attached to one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldId {
    Processes,
    Name(usize),
    Arrival(usize),
    Priority(usize),
    Class(usize),
    Bursts(usize),
    WorkingSet(usize),
    Tickets(usize),
    ThreadName(usize, usize),
    ThreadBursts(usize, usize),
    ThreadStack(usize, usize),
    /// A process's program text.
    Program(usize),
    /// A program thread's initial registers.
    ThreadRegisters(usize, usize),
    Quantum,
    AgingEvery,
    Alpha,
    Tau0,
    BoostPeriod,
    LevelQuantum(usize),
    LevelAllotment(usize),
    QueueQuantum(usize),
    Cpus,
    DispatchLatency,
    ThreadSwitchLatency,
    KernelEntryCost,
    CacheCapacity,
    CacheRefill,
    /// `machine.cache.model` (a choice: [`crate::edit::Edit::CacheModel`]).
    CacheModel,
    /// `machine.cache.warmup_time`.
    WarmupTime,
    /// `machine.cache.warm_rate`.
    WarmRate,
    /// `machine.peek_interval` (per-CPU queues only).
    PeekInterval,
    /// A process's hard affinity, `cpus` (an advanced column of the workload table).
    Affinity(usize),
    InstructionBudget,
    /// The explicit schedule ("you are the scheduler").
    Schedule,
    /// The initial values of the semaphores named between bursts (`s=1 full=0`).
    Semaphores,
    Seed,
    Version,
}

impl FieldId {
    /// Whether the field holds one number or choice, typed in one go: while such a field cannot
    /// be read, the page shows the run from before it was touched, not that of a value passed
    /// through on the way. A field of many parts (a program, a list of bursts) shows its last
    /// valid run instead: each part typed is an edit of its own (a typo in a program had brought
    /// back the example as loaded, undoing on screen the edits made before it).
    pub fn holds_one_value(self) -> bool {
        !matches!(
            self,
            FieldId::Program(_)
                | FieldId::Bursts(_)
                | FieldId::ThreadBursts(..)
                | FieldId::ThreadRegisters(..)
                | FieldId::Schedule
                | FieldId::Semaphores
                | FieldId::Name(_)
                | FieldId::ThreadName(..)
        )
    }

    /// The process a field belongs to, if any.
    pub fn process(self) -> Option<usize> {
        match self {
            FieldId::Name(p)
            | FieldId::Arrival(p)
            | FieldId::Priority(p)
            | FieldId::Class(p)
            | FieldId::Bursts(p)
            | FieldId::WorkingSet(p)
            | FieldId::Tickets(p)
            | FieldId::Affinity(p)
            | FieldId::ThreadName(p, _)
            | FieldId::ThreadBursts(p, _)
            | FieldId::ThreadStack(p, _)
            | FieldId::Program(p)
            | FieldId::ThreadRegisters(p, _) => Some(p),
            _ => None,
        }
    }

    /// Where the field comes on the page, to sort its problems by: the policy's settings, the
    /// machine's, then the workload row by row (a process's threads and program after its own
    /// columns), the semaphores under it, then the rest. The banner's "first problem" is the
    /// first on the page (an unreadable burst further down had been named before a quantum of 0).
    pub fn page_order(self) -> (u8, usize, usize, u8) {
        let setting = |group: u8, at: usize, part: u8| (group, at, 0, part);
        let row = |process: usize, thread: usize, column: u8| (2, process, thread, column);
        match self {
            FieldId::Quantum => setting(0, 0, 0),
            FieldId::AgingEvery => setting(0, 0, 1),
            FieldId::Alpha => setting(0, 0, 2),
            FieldId::Tau0 => setting(0, 0, 3),
            FieldId::LevelQuantum(level) => setting(0, 1 + level, 0),
            FieldId::LevelAllotment(level) => setting(0, 1 + level, 1),
            FieldId::QueueQuantum(queue) => setting(0, 1 + queue, 2),
            FieldId::BoostPeriod => setting(0, usize::MAX, 0),
            FieldId::Cpus => setting(1, 0, 0),
            FieldId::DispatchLatency => setting(1, 0, 1),
            FieldId::ThreadSwitchLatency => setting(1, 0, 2),
            FieldId::KernelEntryCost => setting(1, 0, 3),
            FieldId::InstructionBudget => setting(1, 0, 4),
            FieldId::CacheModel => setting(1, 0, 5),
            FieldId::CacheCapacity => setting(1, 0, 6),
            FieldId::CacheRefill => setting(1, 0, 7),
            FieldId::WarmupTime => setting(1, 0, 8),
            FieldId::WarmRate => setting(1, 0, 9),
            FieldId::PeekInterval => setting(1, 0, 10),
            FieldId::Seed => setting(1, 0, 11),
            FieldId::Processes => row(0, 0, 0),
            FieldId::Name(p) => row(p, 0, 1),
            FieldId::Arrival(p) => row(p, 0, 2),
            FieldId::Bursts(p) => row(p, 0, 3),
            FieldId::Priority(p) => row(p, 0, 4),
            FieldId::Class(p) => row(p, 0, 5),
            FieldId::Tickets(p) => row(p, 0, 6),
            FieldId::WorkingSet(p) => row(p, 0, 7),
            FieldId::Affinity(p) => row(p, 0, 8),
            FieldId::ThreadName(p, t) => row(p, 1 + t, 0),
            FieldId::ThreadBursts(p, t) => row(p, 1 + t, 1),
            FieldId::ThreadStack(p, t) => row(p, 1 + t, 2),
            FieldId::ThreadRegisters(p, t) => row(p, 1 + t, 3),
            FieldId::Program(p) => row(p, usize::MAX, 0),
            FieldId::Semaphores => setting(3, 0, 0),
            FieldId::Schedule => setting(4, 0, 0),
            FieldId::Version => setting(5, 0, 0),
        }
    }

    /// Where the field lives in a scenario file, as a JSON path (`processes[2].bursts`): how the
    /// command line points at a problem.
    pub fn json_path(self) -> String {
        let thread =
            |p: usize, t: usize, field: &str| format!("processes[{p}].threads[{t}].{field}");
        match self {
            FieldId::Processes => "processes".into(),
            FieldId::Name(p) => format!("processes[{p}].name"),
            FieldId::Arrival(p) => format!("processes[{p}].arrival"),
            FieldId::Priority(p) => format!("processes[{p}].priority"),
            FieldId::Class(p) => format!("processes[{p}].class"),
            FieldId::Bursts(p) => format!("processes[{p}].bursts"),
            FieldId::WorkingSet(p) => format!("processes[{p}].working_set"),
            FieldId::Tickets(p) => format!("processes[{p}].tickets"),
            FieldId::ThreadName(p, t) => thread(p, t, "name"),
            FieldId::ThreadBursts(p, t) => thread(p, t, "bursts"),
            FieldId::ThreadStack(p, t) => thread(p, t, "stack"),
            FieldId::Program(p) => format!("processes[{p}].program"),
            FieldId::ThreadRegisters(p, t) => thread(p, t, "registers"),
            FieldId::Quantum => "policy.quantum".into(),
            FieldId::AgingEvery => "policy.aging_every".into(),
            FieldId::Alpha => "policy.prediction.alpha_percent".into(),
            FieldId::Tau0 => "policy.prediction.tau0".into(),
            FieldId::BoostPeriod => "policy.boost_period".into(),
            FieldId::LevelQuantum(l) => format!("policy.levels[{l}].quantum"),
            FieldId::LevelAllotment(l) => format!("policy.levels[{l}].allotment"),
            FieldId::QueueQuantum(q) => format!("policy.queues[{q}].quantum"),
            FieldId::Cpus => "machine.cpus".into(),
            FieldId::DispatchLatency => "machine.dispatch_latency".into(),
            FieldId::ThreadSwitchLatency => "machine.thread_switch_latency".into(),
            FieldId::KernelEntryCost => "machine.kernel_entry_cost".into(),
            FieldId::CacheCapacity => "machine.cache.capacity".into(),
            FieldId::CacheRefill => "machine.cache.refill_per_unit".into(),
            FieldId::CacheModel => "machine.cache.model".into(),
            FieldId::WarmupTime => "machine.cache.warmup_time".into(),
            FieldId::WarmRate => "machine.cache.warm_rate".into(),
            FieldId::PeekInterval => "machine.peek_interval".into(),
            FieldId::Affinity(p) => format!("processes[{p}].cpus"),
            FieldId::InstructionBudget => "machine.instruction_budget".into(),
            FieldId::Schedule => "schedule.threads".into(),
            FieldId::Semaphores => "semaphores".into(),
            FieldId::Seed => "seed".into(),
            FieldId::Version => "version".into(),
        }
    }

    /// The DOM id of the input, so tests and `aria-describedby` can find it.
    pub fn dom_id(self) -> String {
        match self {
            FieldId::Processes => "processes".into(),
            FieldId::Name(p) => format!("p{p}-name"),
            FieldId::Arrival(p) => format!("p{p}-arrival"),
            FieldId::Priority(p) => format!("p{p}-priority"),
            FieldId::Class(p) => format!("p{p}-class"),
            FieldId::Bursts(p) => format!("p{p}-bursts"),
            FieldId::WorkingSet(p) => format!("p{p}-ws"),
            FieldId::Tickets(p) => format!("p{p}-tickets"),
            FieldId::ThreadName(p, t) => format!("p{p}-t{t}-name"),
            FieldId::ThreadBursts(p, t) => format!("p{p}-t{t}-bursts"),
            FieldId::ThreadStack(p, t) => format!("p{p}-t{t}-stack"),
            FieldId::Program(p) => format!("p{p}-program"),
            FieldId::ThreadRegisters(p, t) => format!("p{p}-t{t}-registers"),
            FieldId::Quantum => "quantum".into(),
            FieldId::AgingEvery => "aging".into(),
            FieldId::Alpha => "alpha".into(),
            FieldId::Tau0 => "tau0".into(),
            FieldId::BoostPeriod => "boost".into(),
            FieldId::LevelQuantum(l) => format!("level{l}-quantum"),
            FieldId::LevelAllotment(l) => format!("level{l}-allotment"),
            FieldId::QueueQuantum(q) => format!("queue{q}-quantum"),
            FieldId::Cpus => "cpus".into(),
            FieldId::DispatchLatency => "dispatch-latency".into(),
            FieldId::ThreadSwitchLatency => "thread-switch-latency".into(),
            FieldId::KernelEntryCost => "kernel-entry-cost".into(),
            FieldId::CacheCapacity => "cache-capacity".into(),
            FieldId::CacheRefill => "cache-refill".into(),
            FieldId::CacheModel => "cache-model".into(),
            FieldId::WarmupTime => "warmup-time".into(),
            FieldId::WarmRate => "warm-rate".into(),
            FieldId::PeekInterval => "peek-interval".into(),
            FieldId::Affinity(p) => format!("p{p}-cpus"),
            FieldId::InstructionBudget => "instruction-budget".into(),
            FieldId::Schedule => "schedule".into(),
            FieldId::Semaphores => "semaphores".into(),
            FieldId::Seed => "seed".into(),
            FieldId::Version => "version".into(),
        }
    }
}

/// Why a field's text could not be read (before the core sees it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Empty where a number is needed.
    Missing,
    /// Not a whole number.
    NotANumber,
    /// A whole number below 0.
    Negative,
    /// A whole number too large for the field.
    TooLarge,
    /// A burst token that is neither `N`, `ioN` nor an operation; `meant`: the operation it is
    /// one or two typing slips from (`lok`: `lock`).
    BadBurstToken {
        position: usize,
        meant: Option<&'static str>,
    },
    /// `io` with no number of ticks after it (`5 io`, or `5 io 3` with a space).
    IoWithoutLength { position: usize },
    /// A burst written with a minus sign (`-5`, `io-3`).
    NegativeBurst { position: usize },
    /// A burst's whole number of ticks too large to hold (`99999999999999999999`).
    BurstTooLarge { position: usize },
    /// A burst written with a fraction (`3.5`, `io2.5`): ticks are whole.
    FractionalBurst { position: usize },
    /// An operation (`lock`) with no name after it.
    OperationWithoutName { position: usize },
    /// An item of the semaphores' initial values that is not `name=value`.
    BadSemaphoreToken { position: usize },
    /// A semaphore's initial value below 0 (`s=-1`).
    NegativeSemaphore { position: usize },
}
