//! What a scenario may not be: the limits ([`MAX_PROCESSES`]...) and the error codes
//! ([`ScenarioError`]) that name the process, thread, burst, level or queue and the rule broken.

/// Most processes in one scenario.
pub const MAX_PROCESSES: u32 = 10_000;
/// Most threads of control in one scenario (all processes together).
pub const MAX_THREADS_TOTAL: u32 = 40_000;
/// Most threads in one process.
pub const MAX_THREADS_PER_PROCESS: u32 = 64;
/// Most bursts (CPU and I/O together) of one thread.
pub const MAX_BURSTS: u32 = 1_000;
/// Largest arrival tick, burst length, quantum, period or cost.
pub const MAX_TICK: u64 = 1_000_000_000;
/// Largest `machine.kernel_entry_cost`. Kernel time is spent inside a thread's slice, so a round
/// robin quantum cuts it: a cost of 10^9 ticks at q=4 made 2.5 * 10^8 slices (tens of GB) from a
/// three-line program. A thousand ticks is still far beyond any real system call.
pub const MAX_KERNEL_ENTRY_COST: u64 = 1_000;
/// Largest initial value of a semaphore named between bursts.
pub const MAX_SEMAPHORE_INITIAL: u32 = 1_000_000;
/// Most CPUs.
pub const MAX_CPUS: u32 = 64;
/// Largest priority number.
pub const MAX_PRIORITY: u32 = 255;
/// Most MLFQ levels or MLQ queues.
pub const MAX_LEVELS: u32 = 16;
/// Longest name in bytes.
pub const MAX_NAME_LEN: u32 = 32;
/// Most lottery tickets of one process.
pub const MAX_TICKETS: u32 = 1_000_000;
/// Largest working set, stack or cache capacity in cache units.
pub const MAX_CACHE_UNITS: u32 = 1_000_000;
/// Most time slices a scenario may need (total CPU ticks divided by the smallest quantum, plus
/// one per burst), which bounds the number of events and so the simulation time.
pub const MAX_SLICES: u64 = 2_500_000;
/// Most periodic boosts over the longest possible run.
pub const MAX_BOOSTS: u64 = 1_000_000;
/// Largest instruction budget of a run whose processes run programs. Every executed instruction
/// is kept (80 bytes: the interleaving, the race tables and `state_at` read it), and the page
/// rebuilds a program's run on its main thread: a million is 80 MB and about 0.6 s there
/// (`node bench/upload.mjs --only program`); ten million would hold 800 MB in the page and as
/// much again in its worker.
pub const MAX_INSTRUCTION_BUDGET: u64 = 1_000_000;
/// Most threads running programs, all processes together. The page rebuilds a program's run
/// and its panels on its main thread, at a cost that grows with these threads: at the largest
/// budget, 400 threads took 2 to 3 s in Chromium (`node bench/worst.mjs`), 4,000 froze the tab
/// for 11 to 15 s and 40,000 never finished.
pub const MAX_PROGRAM_THREADS: u32 = 256;
/// Most entries in an explicit schedule.
pub const MAX_SCHEDULE: u32 = 100_000;
/// Largest `warm_rate` of the `warmup` cache model.
pub const MAX_WARM_RATE: u64 = 1_000;
/// Most work of a `warmup`-model run: its total run time times the CPUs (the model steps tick by
/// tick, and a run lasts at most its total run time).
pub const MAX_WARMUP_WORK: u64 = 2_000_000;

/// What the `warmup` cache model (OSTEP `multi.py`'s machine) does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum WarmupLimit {
    /// A policy other than round robin (its quantum is `multi.py`'s timer, `-q`).
    Policy,
    /// A process with threads, a program, I/O or more than one CPU burst (a job is one burst).
    Bursts,
    /// A process arriving after 0 (every job is there at the start).
    Arrival,
    /// A dispatch or thread switch latency.
    SwitchCost,
    /// `topology = "affinity"` (soft affinity; use `cpus` for hard affinity).
    Topology,
    /// User-level threads.
    UserThreads,
    /// An explicit schedule.
    Schedule,
}

/// What hard affinity (`cpus`) cannot be combined with in the event engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AffinityLimit {
    /// `topology = "affinity"` (soft affinity picks CPUs its own way).
    SoftAffinity,
    /// MLFQ's I/O bump (a bumped thread passed over for a CPU it may not run on would lose its
    /// bump).
    IoBump,
}

/// A cost of the machine, in ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Cost {
    /// `machine.dispatch_latency`.
    DispatchLatency,
    /// `machine.thread_switch_latency`.
    ThreadSwitchLatency,
    /// `machine.cache.refill_per_unit`.
    CacheRefill,
    /// `machine.kernel_entry_cost`.
    KernelEntry,
}

/// One problem found in a scenario. Indices are 0-based positions in the spec's arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ScenarioError {
    /// `version` is not [`SPEC_VERSION`].
    UnsupportedVersion {
        /// The version given.
        found: u32,
    },
    /// `processes` is empty.
    NoProcesses,
    /// More than [`MAX_PROCESSES`] processes.
    TooManyProcesses {
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// More than [`MAX_THREADS_TOTAL`] threads in total.
    TooManyThreads {
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// More than [`MAX_THREADS_PER_PROCESS`] threads in one process.
    TooManyThreadsInProcess {
        /// Index of the process in `processes`.
        process: u32,
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// A name longer than [`MAX_NAME_LEN`] bytes.
    NameTooLong {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own name).
        thread: Option<u32>,
        /// The limit.
        max: u32,
    },
    /// A process named like an earlier one, or a thread like an earlier thread of its process
    /// (the tables, the Gantt chart and the practice answers tell them apart by name).
    DuplicateName {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own name).
        thread: Option<u32>,
        /// Index of the earlier process (or thread of the same process) with that name.
        first: u32,
    },
    /// A process (or thread) without bursts.
    NoBursts {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
    },
    /// A process has both `bursts` and `threads`.
    BurstsAndThreads {
        /// Index of the process in `processes`.
        process: u32,
    },
    /// More than [`MAX_BURSTS`] bursts.
    TooManyBursts {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// A CPU burst of 0 ticks.
    BurstZero {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// Index of the burst.
        burst: u32,
    },
    /// The first burst is I/O.
    IoFirst {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
    },
    /// The last burst is I/O.
    IoLast {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
    },
    /// Two CPU bursts or two I/O bursts in a row.
    NotAlternating {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// Index of the burst.
        burst: u32,
    },
    /// A burst longer than [`MAX_TICK`].
    BurstTooLong {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// Index of the burst.
        burst: u32,
        /// The limit.
        max: u64,
    },
    /// A CPU or I/O burst, in a thread whose bursts hold an operation, longer than one
    /// instruction takes ([`MAX_OPERATION_BURST`](super::MAX_OPERATION_BURST)).
    OperationBurstTooLong {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// Index of the burst.
        burst: u32,
        /// The limit.
        max: u64,
    },
    /// An operation between bursts (`lock m`) whose object is not a name: a letter, then
    /// letters, digits or `_`, at most 32 in all.
    BadOperationName {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// Index of the operation among the bursts.
        burst: u32,
    },
    /// A name used as a mutex (`lock`, `unlock`) and as a semaphore (`wait`, `signal`) in the
    /// scenario's bursts: here, its first use of the other kind.
    OperationKindClash {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// Index of the operation among the bursts.
        burst: u32,
        /// The process whose bursts used the name first, as the other kind.
        first_process: u32,
    },
    /// `unlock m` in bursts where the thread has not taken `m` with a `lock m` before it.
    UnlockWithoutLock {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
        /// Index of the operation among the bursts.
        burst: u32,
    },
    /// `semaphores[index]` names nothing the bursts wait for or signal.
    UnknownSemaphore {
        /// Index in `semaphores`.
        index: u32,
    },
    /// `semaphores[index]` names a mutex of the bursts (`lock`, `unlock`): a mutex starts
    /// unlocked and takes no initial value.
    SemaphoreIsMutex {
        /// Index in `semaphores`.
        index: u32,
    },
    /// `semaphores[index]` names the semaphore of an earlier item again.
    SemaphoreListedTwice {
        /// Index in `semaphores`.
        index: u32,
        /// Index of the earlier item.
        first: u32,
    },
    /// `semaphores[index]`'s initial value is above [`MAX_SEMAPHORE_INITIAL`].
    SemaphoreInitialTooLarge {
        /// Index in `semaphores`.
        index: u32,
        /// The limit.
        max: u32,
    },
    /// An arrival later than [`MAX_TICK`].
    ArrivalTooLate {
        /// Index of the process in `processes`.
        process: u32,
        /// The limit.
        max: u64,
    },
    /// A priority above [`MAX_PRIORITY`].
    PriorityOutOfRange {
        /// Index of the process in `processes`.
        process: u32,
        /// The value given.
        value: u32,
        /// The limit.
        max: u32,
    },
    /// A class with no matching multilevel queue.
    UnknownClass {
        /// Index of the process in `processes`.
        process: u32,
        /// The class given.
        class: u32,
        /// How many queues the policy has.
        queues: u32,
    },
    /// Lottery tickets 0 or above [`MAX_TICKETS`].
    TicketsOutOfRange {
        /// Index of the process in `processes`.
        process: u32,
        /// The value given.
        value: u32,
        /// The limit.
        max: u32,
    },
    /// A process's working set (`process: Some`) or the cache capacity (`process: None`) above
    /// [`MAX_CACHE_UNITS`].
    CacheUnitsTooLarge {
        /// Index of the process in `processes`, or `None` for the cache capacity.
        process: Option<u32>,
        /// The limit.
        max: u32,
    },
    /// A thread's stack above [`MAX_CACHE_UNITS`].
    StackTooLarge {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads`.
        thread: u32,
        /// The limit.
        max: u32,
    },
    /// A quantum of 0 (`level` names the MLFQ level or MLQ queue, if any).
    QuantumZero {
        /// Index of the MLFQ level or MLQ queue (`None`: the policy's own quantum).
        level: Option<u32>,
    },
    /// A quantum above [`MAX_TICK`].
    QuantumTooLarge {
        /// Index of the MLFQ level or MLQ queue (`None`: the policy's own quantum).
        level: Option<u32>,
        /// The limit.
        max: u64,
    },
    /// An MLFQ allotment of 0 quanta.
    AllotmentZero {
        /// Index of the MLFQ level.
        level: u32,
    },
    /// No MLFQ levels or MLQ queues.
    NoLevels,
    /// More than [`MAX_LEVELS`] levels or queues.
    TooManyLevels {
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// A boost period of 0.
    BoostPeriodZero,
    /// The boost period is so short that the run could need more than `max_boosts` boosts
    /// ([`MAX_BOOSTS`]).
    BoostTooFrequent {
        /// The most boosts allowed for this workload.
        max_boosts: u64,
    },
    /// Aging every 0 ticks.
    AgingZero,
    /// Aging period above [`MAX_TICK`].
    AgingTooLarge {
        /// The limit.
        max: u64,
    },
    /// Exponential-average alpha above 100 percent.
    AlphaOutOfRange {
        /// The value given.
        value: u32,
    },
    /// Initial prediction tau0 of 0 or above [`MAX_TICK`].
    Tau0OutOfRange {
        /// The limit.
        max: u64,
    },
    /// `machine.cpus` is 0.
    NoCpus,
    /// More than [`MAX_CPUS`] CPUs.
    TooManyCpus {
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// A switch latency or cache refill cost above [`MAX_TICK`].
    CostTooLarge {
        /// Which cost.
        cost: Cost,
        /// The limit.
        max: u64,
    },
    /// The scenario would need more than [`MAX_SLICES`] time slices (too much work for the quantum).
    TooManySlices {
        /// Estimated number of slices.
        estimate: u64,
        /// The limit.
        max: u64,
        /// The process whose bursts need the most slices (where the work is to shorten).
        process: u32,
        /// Its thread whose bursts those are (`None`: the process's own `bursts`).
        thread: Option<u32>,
    },
    /// A line of a process's program that does not assemble.
    ProgramLine {
        /// Index of the process in `processes`.
        process: u32,
        /// The problem, with its 1-based line.
        error: crate::program::ParseError,
    },
    /// A process that runs a program also lists bursts (for itself or a thread).
    ProgramAndBursts {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads` (`None`: the process's own `bursts`).
        thread: Option<u32>,
    },
    /// A thread's initial registers that do not read as `bx=3:cx=1`.
    RegistersInvalid {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads`.
        thread: u32,
        /// What is wrong.
        error: crate::program::x86::ArgvError,
    },
    /// Initial registers for a thread whose process runs no program.
    RegistersWithoutProgram {
        /// Index of the process in `processes`.
        process: u32,
        /// Index of the thread in the process's `threads`.
        thread: u32,
    },
    /// The program's code and the threads' stacks do not fit in the address space.
    ProgramTooLarge {
        /// Index of the process in `processes`.
        process: u32,
    },
    /// More than [`MAX_PROGRAM_THREADS`] threads running programs in total.
    TooManyProgramThreads {
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// `machine.instruction_budget` is 0 or above [`MAX_INSTRUCTION_BUDGET`].
    InstructionBudgetOutOfRange {
        /// The limit.
        max: u64,
    },
    /// A schedule entry names a thread the scenario does not have.
    ScheduleUnknownThread {
        /// 0-based position in `schedule.threads`.
        position: u32,
        /// The thread index given.
        thread: u32,
        /// How many threads the scenario has.
        threads: u32,
    },
    /// More than [`MAX_SCHEDULE`] schedule entries.
    ScheduleTooLong {
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// The `warmup` cache model cannot run this scenario (`process`: the process at fault).
    WarmupUnsupported {
        /// Index of the process in `processes`, if one is at fault.
        process: Option<u32>,
        /// What the model does not have.
        what: WarmupLimit,
    },
    /// `machine.cache.warm_rate` is 0 or above [`MAX_WARM_RATE`].
    WarmRateOutOfRange {
        /// The value given.
        value: u64,
        /// The limit.
        max: u64,
    },
    /// `machine.cache.warmup_time` above [`MAX_TICK`].
    WarmupTimeTooLarge {
        /// The limit.
        max: u64,
    },
    /// A `warmup`-model run with more than [`MAX_WARMUP_WORK`] work (total run time times CPUs).
    WarmupTooLong {
        /// The work of this scenario.
        work: u64,
        /// The limit.
        max: u64,
    },
    /// A process's `cpus` names a CPU the machine does not have.
    AffinityCpuOutOfRange {
        /// Index of the process in `processes`.
        process: u32,
        /// The CPU given.
        cpu: u32,
        /// How many CPUs the machine has.
        cpus: u32,
    },
    /// A process's `cpus` lists more than [`MAX_CPUS`] entries.
    AffinityTooLong {
        /// Index of the process in `processes`.
        process: u32,
        /// How many were given.
        count: u32,
        /// The limit.
        max: u32,
    },
    /// Hard affinity (`cpus`) with a setting the event engine has no rule for with it.
    AffinityUnsupported {
        /// Index of the process in `processes`.
        process: u32,
        /// The setting.
        what: AffinityLimit,
    },
    /// `machine.peek_interval` without per-CPU queues.
    PeekNeedsPerCpuQueues,
    /// A message queue declared by two processes with different capacities.
    QueueCapacityMismatch {
        /// The process whose declaration disagrees.
        process: u32,
        /// The line of that declaration.
        line: u32,
        /// The first process that declared the queue.
        first_process: u32,
    },
    /// A pipe declared by two processes with different capacities.
    PipeCapacityMismatch {
        /// The process whose declaration disagrees.
        process: u32,
        /// The line of that declaration.
        line: u32,
        /// The first process that declared the pipe.
        first_process: u32,
    },
    /// A name declared as a message queue in one process and as a pipe in another.
    ChannelKindMismatch {
        /// The process whose declaration disagrees.
        process: u32,
        /// The line of that declaration.
        line: u32,
        /// The first process that declared the name.
        first_process: u32,
    },
    /// A pipe no program reads (`read p, %r`): what is written would never be read.
    PipeWithoutReader {
        /// The first process that declares it.
        process: u32,
        /// The line of that declaration.
        line: u32,
    },
    /// A pipe no program writes to (`write p, %r`): a reader would get end-of-file at once.
    PipeWithoutWriter {
        /// The first process that declares it.
        process: u32,
        /// The line of that declaration.
        line: u32,
    },
    /// A `.shared` name declared by two processes differently (a variable's size, a semaphore's
    /// initial value, or a variable in one and a semaphore in the other).
    SharedDeclarationMismatch {
        /// The process whose declaration disagrees.
        process: u32,
        /// The line of that declaration.
        line: u32,
        /// The first process that declared the name.
        first_process: u32,
    },
}
