//! The typed string catalogue: every text the page shows, in Korean and English.
//!
//! Each entry of [`Text`] must give both languages in [`Text::pair`]; a missing
//! translation is a compile error, not a blank on screen.

use crate::draft::SeedUse;
use crate::share::LinkError;

use crate::lang::{subject_particle, topic_particle};
pub use crate::lang::{Lang, Words};
use proclab_core::presets::PresetId;

/// Every string of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    AppTitle,
    MainNav,
    CurrentPage,
    NavSimulator,
    NavLearn,
    Tagline,
    LanguageLabel,
    EmptyTitle,
    EmptyBody,
    Workload,
    BurstNotationHint,
    Process,
    Name,
    Arrival,
    ArrivalHint,
    Priority,
    PriorityHint,
    Class,
    ClassHint,
    Bursts,
    WorkingSet,
    WorkingSetHint,
    CpuList,
    Tickets,
    TicketsHint,
    Threads,
    Thread,
    Stack,
    StackHint,
    RemoveThread,
    AddThread,
    MoveUp,
    MoveDown,
    Duplicate,
    Remove,
    AddProcess,
    AdvancedColumns,
    AdvancedForcedThreads,
    AdvancedForcedWarmup,
    AdvancedForcedCache,
    Actions,
    BurstsPerThread,
    PasteTable,
    PasteHint,
    PasteRead,
    EditBursts,
    BurstsReadAs,
    SemaphoresLabel,
    SemaphoresHint,
    FixNotationFirst,
    AddBurstPair,
    RemoveBurstPair,
    ShowMore,
    QueuesHint,
    LevelsHint,
    Queue,
    Level,
    Quantum,
    Allotment,
    LevelFcfs,
    LevelFcfsNotLast,
    AddLevel,
    RemoveLevel,
    Policy,
    QuantumHint,
    Predict,
    PredictHint,
    Alpha,
    Tau0,
    Preemptive,
    PreemptiveHint,
    LowerIsHigher,
    Aging,
    AgingHint,
    /// The policy bar while the student chooses each instruction's thread.
    PolicyNotUsedYouChoose,
    /// The policy bar while a fixed schedule (`x86.py -P`) decides.
    PolicyNotUsedFixed,
    AgingEvery,
    Boost,
    BoostHint,
    BoostPeriod,
    OldRules,
    OldRulesHint,
    IoBump,
    IoBumpHint,
    Machine,
    Cpus,
    DispatchLatency,
    DispatchLatencyHint,
    ThreadSwitchLatency,
    ThreadSwitchHint,
    KernelEntryCost,
    KernelEntryHint,
    InstructionBudget,
    InstructionBudgetHint,
    CacheModel,
    CacheHint,
    CacheCapacity,
    CacheRefill,
    CacheModelChoice,
    CacheStall,
    CacheWarmup,
    CacheStallExplain,
    CacheWarmupExplain,
    WarmupTime,
    WarmupTimeHint,
    WarmRate,
    WarmRateHint,
    UserThreads,
    UserThreadsHint,
    Affinity,
    Topology,
    TopologyShared,
    TopologySharedHint,
    TopologyPerCpu,
    TopologyPerCpuHint,
    PeekInterval,
    PeekIntervalHint,
    LotterySeed,
    PeekSeed,
    UnusedSeed,
    SeedNeedsNumber,
    AffinityHint,
    Seed,
    SeedHint,
    Conventions,
    ConventionsHint,
    Metrics,
    WarmupGantt,
    WarmupLegendCold,
    WarmupLegendIdle,
    WarmupJobs,
    WarmupCpus,
    RunTime,
    WarmTicks,
    ColdTicks,
    Cpu,
    BusyTicks,
    WarmShare,
    WarmShareDef,
    UtilisationOfEnd,
    FinishedAt,
    WarmupAsText,
    WarmupAtTick,
    DownloadAnswerKey,
    DownloadJobsCsv,
    DownloadCpusCsv,
    WarmupUnlabelled,
    WarmupNoCompare,
    WarmupNoWatch,
    Completion,
    CompletionDef,
    Turnaround,
    TurnaroundDef,
    Waiting,
    WaitingDef,
    Response,
    ResponseDef,
    CpuTime,
    CpuTimeDef,
    IoTime,
    IoTimeDef,
    SyncTime,
    SyncTimeDef,
    SwitchTime,
    SwitchTimeDef,
    StallTime,
    StallTimeDef,
    Dispatches,
    DispatchesDef,
    Preemptions,
    PreemptionsDef,
    Average,
    Utilisation,
    UtilisationDef,
    Throughput,
    ThroughputDef,
    Tick,
    ContextSwitches,
    SwitchTicks,
    StallTicks,
    Migrations,
    MigrationsDef,
    Makespan,
    MetricsExplain,
    /// Under the metrics of a run with switch or stall ticks: waiting leaves them out.
    WaitingApartNote,
    /// What the Σ before a process's cell means.
    SummedNote,
    SyncColumnNote,
    ConventionsInForce,
    TextbookDefaults,
    ToResults,
    DefaultConventions,
    ConventionsUnused,
    DefaultsExcept,
    /// After a changed convention that gives this run the very schedule of the default.
    NoDifferenceHere,
    /// After a changed convention that gives this run another schedule than the default.
    ChangesThisRun,
    MoreColumns,
    /// Under the metrics on a phone, which hides two columns until "More columns".
    PhoneColumnsHint,
    Yes,
    NoDefault,
    Toolbar,
    Presets,
    ChoosePreset,
    RandomSeed,
    Generate,
    FixFirst,
    CopyLinkHint,
    CopyLink,
    DownloadJson,
    UploadJson,
    LinkBroken,
    LinkInvalid,
    LinkOpened,
    LinkOpenedOver,
    FileBroken,
    FileOpened,
    LinkCopied,
    LinkNotCopied,
    Dismiss,
    Undo,
    Replaced,
    Removed,
    FileInvalid,
    ShowingLastValid,
    /// [`Text::ShowingLastValid`] when the run shown is the one from before the field being
    /// typed into was touched.
    ShowingBeforeField,
    FixToRun,
    GoToProblem,
    /// Before the first problem's words, in the banner (so they are read even where the field
    /// is out of sight).
    FirstProblem,
    Results,
    Compare,
    Comparing,
    Simulating,
    CompareFailed,
    Gantt,
    DownloadPng,
    DownloadSvg,
    DownloadCsv,
    DownloadTableCsv,
    UpdateReady,
    UpdateReload,
    AutosaveOff,
    AutosaveElsewhere,
    AutosaveKeepHere,
    AutosaveOpenSaved,
}

impl Words for Text {
    fn pair(self) -> [&'static str; 2] {
        match self {
            Text::AppTitle => ["ProcLab", "ProcLab"],
            Text::MainNav => ["주 메뉴", "Main"],
            Text::CurrentPage => [" (현재 페이지)", " (current page)"],
            Text::NavSimulator => ["시뮬레이터", "Simulator"],
            Text::NavLearn => ["배우기", "Learn"],
            Text::Tagline => ["운영체제가 프로세스와 스레드를 실행하는 모습을 직접 보는 실험실", "A lab for watching an operating system run processes and threads"],
            Text::LanguageLabel => ["언어", "Language"],
            Text::EmptyTitle => ["아직 작업 부하가 없습니다", "No workload yet"],
            Text::EmptyBody => ["위에서 예제를 고르거나, 시드로 무작위 작업을 만들거나, 아래에서 프로세스를 추가하세요. 정책을 고르면 바로 실행 결과가 나옵니다.", "Pick an example above, generate a random workload from a seed, or add processes below. Choose a policy and the run appears at once."],
            Text::Workload => ["작업 부하 (프로세스)", "Workload (processes)"],
            Text::BurstNotationHint => ["버스트 표기: CPU 버스트는 숫자, I/O 버스트는 io와 숫자. 예) 5 io3 2 = CPU 5, I/O 3, CPU 2. 버스트 사이에 lock m, unlock m, wait s, signal s도 쓸 수 있습니다(같은 이름을 쓰는 프로세스들이 함께 씀). 이런 연산은 각각 CPU 1틱이 걸립니다: 2 lock m 3 unlock m 1은 CPU 8틱입니다.", "Burst notation: a number is a CPU burst, io and a number an I/O burst. E.g. 5 io3 2 = CPU 5, I/O 3, CPU 2. Between bursts: lock m, unlock m, wait s, signal s (shared by the processes that name them), each taking one tick of CPU: 2 lock m 3 unlock m 1 is 8 ticks of CPU."],
            Text::Process => ["프로세스", "Process"],
            Text::Name => ["이름", "Name"],
            Text::Arrival => ["도착", "Arrival"],
            Text::ArrivalHint => ["프로세스가 생성되어 준비 큐에 들어오는 시각(틱)", "Tick at which the process is created and enters the ready queue"],
            Text::Priority => ["우선순위", "Priority"],
            Text::PriorityHint => ["숫자가 작을수록 높은 우선순위(설정에서 바꿀 수 있음)", "Lower number = higher priority (switchable in the settings)"],
            Text::Class => ["클래스", "Class"],
            Text::ClassHint => ["다단계 큐에서 들어갈 큐 번호(0 = 가장 높은 큐)", "Queue number in a multilevel queue (0 = highest queue)"],
            Text::Bursts => ["버스트", "Bursts"],
            Text::WorkingSet => ["작업 집합", "Working set"],
            Text::CpuList => ["CPU 지정", "CPUs"],
            Text::WorkingSetHint => ["코드·데이터·힙이 캐시에서 차지하는 크기(단위)", "Cache units its code, data and heap occupy"],
            Text::Tickets => ["티켓", "Tickets"],
            Text::TicketsHint => ["로터리 스케줄링에서 가진 추첨권 수", "Lottery tickets held"],
            Text::Threads => ["스레드", "Threads"],
            Text::Thread => ["스레드", "Thread"],
            Text::Stack => ["스택", "Stack"],
            Text::StackHint => ["스레드마다 따로 가진 스택의 캐시 크기(단위)", "Cache units of the thread's own stack"],
            Text::RemoveThread => ["스레드 삭제", "Remove thread"],
            Text::AddThread => ["스레드 추가", "Add thread"],
            Text::MoveUp => ["위로 이동", "Move up"],
            Text::MoveDown => ["아래로 이동", "Move down"],
            Text::Duplicate => ["복제", "Duplicate"],
            Text::Remove => ["삭제", "Remove"],
            Text::ShowMore => ["더 보기", "Show more"],
            Text::EditBursts => ["버스트 하나씩 편집", "Edit bursts one by one"],
            Text::BurstsReadAs => ["실행 순서", "Runs as"],
            Text::SemaphoresLabel => ["세마포어 초깃값 (버스트 사이의 wait/signal)", "Semaphores' initial values (wait/signal between bursts)"],
            Text::SemaphoresHint => ["이름=값, 예) s=1 full=0. 적지 않은 세마포어는 0에서 시작합니다.", "name=value, e.g. s=1 full=0. A semaphore not listed starts at 0."],
            Text::FixNotationFirst => ["먼저 버스트 표기의 문제를 고치세요.", "Fix the burst notation first."],
            Text::AddBurstPair => ["+ I/O, CPU", "+ I/O, CPU"],
            Text::RemoveBurstPair => ["− 마지막 I/O, CPU", "− last I/O, CPU"],
            Text::AdvancedColumns => ["작업 집합·스레드·버스트별 편집 보기", "Show working set, threads and per-burst editing"],
            Text::AdvancedForcedThreads => ["스레드가 여럿인 프로세스가 있어 이 열들은 늘 보입니다.", "A process has several threads, so these columns stay shown."],
            Text::AdvancedForcedCache => ["캐시 모델은 프로세스마다 작업 집합을 읽으므로 이 열들은 늘 보입니다. 디스패치할 때 그 CPU 캐시에 없는 단위(작업 집합 + 스레드 스택 1)마다 채움 지연만큼 멈춥니다.", "The cache model reads each process's working set, so these columns stay shown. A dispatch stalls the refill time for each unit (working set + the thread's stack of 1) not in that CPU's cache."],
            Text::AdvancedForcedWarmup => ["예열 캐시 모델은 작업 집합이 필요해 이 열들은 늘 보입니다.", "The warm-up cache model needs the working sets, so these columns stay shown."],
            Text::Actions => ["동작", "Actions"],
            Text::BurstsPerThread => ["스레드마다 씁니다", "per thread, below"],
            Text::PasteTable => ["표 붙여 넣기", "Paste a table"],
            Text::PasteHint => ["스프레드시트나 교재의 표를 붙여 넣으세요(탭, 쉼표 또는 공백으로 구분). 제목 줄(프로세스, 도착, 버스트, 우선순위…)이 있으면 그 순서대로, 없으면 위 표의 열 순서대로 읽습니다. 아무 칸에나 바로 붙여 넣어도 됩니다.", "Paste a table from a spreadsheet or a textbook (tab-, comma- or space-separated). With a heading row (Process, Arrival, Burst, Priority…) columns are matched by name; without one, in the order of the table above. Pasting straight into any cell works too."],
            Text::PasteRead => ["표 읽기", "Read the table"],
            Text::AddProcess => ["프로세스 추가", "Add process"],
            Text::QueuesHint => ["큐 0이 가장 높습니다. 프로세스는 클래스 번호와 같은 큐에 들어가고, 큐마다 정책(RR이면 퀀텀도)을 고릅니다.", "Queue 0 is the highest. A process joins the queue numbered by its class; each queue has its own policy (and, for RR, its quantum)."],
            Text::LevelsHint => ["단계 0이 가장 높습니다. 할당량은 그 단계에서 쓸 수 있는 퀀텀 수입니다. 퀀텀을 비우면 그 단계는 FCFS입니다.", "Level 0 is the highest; the allotment is how many quanta a process may use at a level. Leave a quantum empty for FCFS."],
            Text::Queue => ["큐", "Queue"],
            Text::Level => ["단계", "Level"],
            Text::Quantum => ["타임 퀀텀", "Time quantum"],
            Text::Allotment => ["할당량", "Allotment"],
            Text::LevelFcfs => ["퀀텀이 없으니 FCFS: 버스트가 끝나거나 막힐 때까지 실행합니다. 퀀텀이 없으니 할당량(쓸 수 있는 퀀텀 수)도 없습니다.", "No quantum, so FCFS: a job runs until its burst ends or it blocks; with no quanta to count there is no allotment."],
            Text::LevelFcfsNotLast => ["이 아래 단계에는 아무도 내려가지 않습니다: 여기서는 퀀텀을 다 써서 강등되는 일이 없습니다.", "No job ever reaches the levels below: nothing here uses up a quantum to be demoted."],
            Text::AddLevel => ["큐 추가", "Add queue"],
            Text::RemoveLevel => ["마지막 큐 삭제", "Remove last queue"],
            Text::Policy => ["스케줄링 정책", "Scheduling policy"],
            Text::QuantumHint => ["한 번 CPU를 잡으면 쓸 수 있는 최대 틱 수", "Most ticks a process may run each time it gets the CPU"],
            Text::Predict => ["다음 버스트를 지수 평균으로 예측", "Predict the next burst by exponential averaging"],
            Text::PredictHint => ["τ(다음) = α·t(직전) + (1−α)·τ. 실제 길이 대신 예측값으로 고릅니다.", "τ_next = α·t_last + (1−α)·τ; the choice uses the prediction, not the true length."],
            Text::Alpha => ["α (%)", "α (%)"],
            Text::Tau0 => ["초기 예측 τ0", "Initial guess τ0"],
            Text::Preemptive => ["선점형", "Preemptive"],
            Text::PreemptiveHint => ["더 높은 우선순위가 준비되면 실행 중인 프로세스를 즉시 내보냅니다.", "A newly ready process with strictly higher priority takes the CPU at once."],
            Text::LowerIsHigher => ["작은 숫자가 높은 우선순위", "Lower number = higher priority"],
            Text::Aging => ["에이징", "Aging"],
            Text::PolicyNotUsedYouChoose => ["지금은 명령어마다 실행할 스레드를 직접 고릅니다(‘명령어를 실행하는 스레드’에서). ‘정책에 맡기기’를 누르기 전까지 이 정책은 쓰이지 않습니다.", "You are choosing the thread for each instruction (in Threads running instructions): this policy is not used until you hand back to it."],
            Text::PolicyNotUsedFixed => ["고정된 순서(x86.py -P)가 실행할 스레드를 정하므로 이 정책은 쓰이지 않습니다.", "A fixed schedule (x86.py -P) decides which thread runs: this policy is not used."],
            Text::AgingHint => ["준비 큐에서 기다린 시간만큼 우선순위를 올려 기아를 막습니다.", "Raises the priority of waiting processes so none starves."],
            Text::AgingEvery => ["몇 틱마다 한 단계 올릴지", "Raise one step every N ticks ready"],
            Text::Boost => ["우선순위 부스트", "Priority boost"],
            Text::BoostHint => ["주기마다 모든 프로세스가 새 슬라이스·할당량으로 맨 위 단계로 돌아갑니다(OSTEP 규칙 5). 주기가 맨 위 퀀텀보다 짧으면 실행 중인 프로세스가 CPU를 계속 차지합니다.", "Every period, every process goes back to the top level with a fresh slice and allotment (OSTEP rule 5); a period shorter than the top quantum lets the running one keep the CPU."],
            Text::BoostPeriod => ["부스트 주기(틱)", "Boost period (ticks)"],
            Text::OldRules => ["옛 규칙 4a/4b", "Old rules 4a/4b"],
            Text::OldRulesHint => ["퀀텀 전에 CPU를 내놓으면 단계를 유지합니다: 일부러 I/O를 해서 CPU를 독차지하는 꼼수가 통합니다.", "Giving up the CPU before the slice ends keeps the level: a process can game the scheduler with well-timed I/O."],
            Text::IoBump => ["I/O 완료 시 큐 맨 앞으로", "I/O completion to the head of its queue"],
            Text::IoBumpHint => ["I/O를 마친 프로세스가 자기 단계 큐의 맨 앞에 섭니다(OSTEP -I).", "A process finishing I/O goes to the head of its level's queue (OSTEP -I)."],
            Text::Machine => ["머신 설정", "Machine"],
            Text::Cpus => ["CPU 수", "CPUs"],
            Text::DispatchLatency => ["문맥 교환: 디스패치 지연(틱)", "Context switch: dispatch latency (ticks)"],
            Text::DispatchLatencyHint => ["다른 프로세스로 전환할 때 PCB를 저장하고 불러오는 데 드는 커널 시간", "Kernel time to save one PCB and load another when switching processes"],
            Text::ThreadSwitchLatency => ["스레드 전환 지연(틱)", "Thread switch latency (ticks)"],
            Text::KernelEntryCost => ["커널 진입 비용(틱)", "Kernel entry cost (ticks)"],
            Text::InstructionBudget => ["명령어 예산", "Instruction budget"],
            Text::InstructionBudgetHint => ["프로그램을 실행하는 스레드들이 모두 합쳐 실행할 수 있는 명령어 수(1–1,000,000). 다 쓰면 실행이 멈춥니다: 반복이 많은 프로그램은 늘리세요.", "How many instructions the threads running programs may execute in all (1 to 1,000,000); the run stops when they are used up, so raise it for a program that loops longer."],
            Text::KernelEntryHint => ["프로그램이 커널에 들어갈 때마다 드는 시간: 메시지 큐와 파이프 연산은 항상, 뮤텍스·세마포어·조건 변수 연산은 대기하거나 누군가를 깨울 때만", "Time a program spends in the kernel per entry: every message queue or pipe operation; a mutex, semaphore or condition operation only when it blocks or wakes someone"],
            Text::ThreadSwitchHint => ["같은 프로세스의 스레드끼리 전환할 때의 비용(주소 공간이 그대로라 더 쌉니다)", "Cost of switching between threads of one process (cheaper: same address space)"],
            Text::CacheModel => ["캐시 모델", "Cache model"],
            Text::CacheHint => ["CPU마다 누구의 작업 집합을 담고 있는지 기억합니다. 식은 캐시가 시간을 어떻게 잡아먹는지는 아래 두 모델 중에서 고릅니다.", "Each CPU remembers whose working set it holds; below, choose how a cold cache costs time (two models)."],
            Text::CacheCapacity => ["캐시 용량(단위)", "Cache capacity (units)"],
            Text::CacheRefill => ["단위당 채움 지연(틱)", "Refill stall per unit (ticks)"],
            Text::CacheModelChoice => ["캐시가 느려지는 방식", "How a cold cache costs time"],
            Text::CacheStall => ["멈춤 (기본)", "Stall (default)"],
            Text::CacheWarmup => ["예열 (OSTEP multi.py)", "Warm-up (OSTEP multi.py)"],
            Text::CacheStallExplain => ["식은 캐시로 디스패치되면 빠진 작업 집합을 채우는 동안(단위마다 채움 지연 틱) 멈춘 뒤 속도 1로 돕니다. 모든 정책, I/O, 스레드와 함께 쓸 수 있습니다.", "A dispatch onto a cold cache stalls while the missing working set refills (the refill stall per unit), then runs at rate 1. Works with every policy, I/O and threads."],
            Text::CacheWarmupExplain => ["멈추지 않습니다. 작업은 차가운 캐시에서 속도 1로 돌다가, 한 CPU에서 예열 시간만큼 돌고 작업 집합이 캐시에 들어가면 따뜻해져 따뜻한 속도로 돕니다. 라운드 로빈, 작업마다 CPU 버스트 하나, 모두 0에 도착(OSTEP multi.py의 기계).", "No stall: a job runs at rate 1 on a cold cache; once it has run the warm-up time on one CPU and its working set fits in the cache, it runs warm at the warm rate. Round robin, one CPU burst per job, all arriving at 0 (OSTEP multi.py's machine)."],
            Text::WarmupTime => ["예열 시간(틱)", "Warm-up time (ticks)"],
            Text::WarmupTimeHint => ["한 CPU에서 이만큼 돌아야 그 CPU의 캐시가 작업에 따뜻해집니다(multi.py -w).", "Ticks a job must run on a CPU before that CPU's cache is warm for it (multi.py -w)."],
            Text::WarmRate => ["따뜻한 속도", "Warm rate"],
            Text::WarmRateHint => ["따뜻할 때 한 틱에 줄어드는 남은 시간(차가우면 1, multi.py -r).", "How much a warm job's time left drops per tick (1 when cold; multi.py -r)."],
            Text::UserThreads => ["사용자 수준 스레드(다대일)", "User-level threads (many-to-one)"],
            Text::UserThreadsHint => ["커널은 프로세스만 봅니다. 한 스레드가 I/O로 막히면 프로세스 전체가 막힙니다.", "The kernel sees only the process; one thread blocking on I/O blocks them all."],
            Text::Affinity => ["공유 큐 + 캐시 친화성", "Shared queue with cache affinity"],
            Text::Topology => ["준비 큐 구성 (CPU가 여럿일 때)", "Ready queues (with several CPUs)"],
            Text::TopologyShared => ["모든 CPU가 준비 큐 하나를 공유", "One ready queue for all CPUs"],
            Text::TopologySharedHint => ["쉬는 CPU가 공유 큐의 맨 앞 프로세스를 가져갑니다.", "An idle CPU takes the head of the shared queue."],
            Text::TopologyPerCpu => ["CPU마다 준비 큐 (이주 포함)", "Per-CPU queues (with migration)"],
            Text::PeekInterval => ["엿보기 주기(틱)", "Peek interval (ticks)"],
            Text::PeekIntervalHint => ["비워 두면 큐가 빈 CPU가 곧바로 훔쳐 옵니다. 숫자 p를 쓰면 p의 배수 시각에만 훔칩니다(OSTEP multi.py -P, 0이면 훔치지 않음).", "Empty: a CPU whose queue is empty steals at once. A number p: it steals only at multiples of p (OSTEP multi.py -P; 0: never)."],
            Text::TopologyPerCpuHint => ["프로세스는 마지막으로 실행한 CPU의 큐로 돌아가 캐시가 따뜻합니다. 큐가 빈 CPU는 가장 긴 큐에서 일을 훔쳐 옵니다(이주).", "A process returns to the queue of the CPU it last ran on, where its cache is warm; a CPU whose queue is empty steals from the longest queue (a migration)."],
            Text::SeedNeedsNumber => ["시드는 정수(0 이상, 숫자 19개까지, 예: 42)여야 합니다.", "The seed must be a whole number (0 or more, up to 19 digits, such as 42)."],
            Text::LotterySeed => ["로터리 추첨 시드", "Lottery seed"],
            Text::PeekSeed => ["엿보기 난수 시드 (multi.py -s)", "Seed of the random peeks (multi.py -s)"],
            Text::UnusedSeed => ["난수 시드 (안 쓰임)", "Random seed (unused here)"],
            Text::AffinityHint => ["여러 CPU가 한꺼번에 비면, 정책이 고른 스레드를 저마다 마지막으로 실행했던 CPU에 놓습니다(그 캐시가 아직 따뜻할 수 있습니다).", "When several CPUs are free at once, each thread the policy picks goes back to the CPU it last ran on, where its cache may still be warm."],
            Text::Seed => ["시드", "Seed"],
            Text::SeedHint => ["로터리 추첨과 예열 모델의 엿보기에 쓰는 난수 시드", "Random seed for lottery draws and the warm-up model's peeking"],
            Text::Conventions => ["규칙(교재마다 다른 부분)", "Conventions (where textbooks differ)"],
            Text::ConventionsHint => ["교재와 도구마다 다르게 정한 부분입니다. 기본값은 Silberschatz 교재를 따릅니다.", "Textbooks and tools disagree on these. The defaults follow Silberschatz."],
            Text::Metrics => ["지표", "Metrics"],
            Text::WarmupGantt => ["간트 차트 (예열 캐시 모델)", "Gantt chart (warm-up cache model)"],
            Text::WarmupLegendCold => ["빗금 = 차가운 캐시로 실행 (속도 1)", "Striped = running on a cold cache (rate 1)"],
            Text::WarmupLegendIdle => ["회색 = CPU 쉼", "Grey = CPU idle"],
            Text::WarmupJobs => ["작업", "Jobs"],
            Text::WarmupCpus => ["CPU별 이용률과 따뜻한 시간", "Each CPU's utilisation and warm time"],
            Text::RunTime => ["실행 시간", "Run time"],
            Text::WarmTicks => ["따뜻하게 돈 틱", "Ticks warm"],
            Text::ColdTicks => ["차갑게 돈 틱", "Ticks cold"],
            Text::Cpu => ["CPU", "CPU"],
            Text::BusyTicks => ["실행한 틱", "Busy ticks"],
            Text::WarmShare => ["따뜻한 시간 %", "Warm %"],
            Text::WarmShareDef => ["CPU가 따뜻한 속도로 작업을 돌린 틱 ÷ 끝난 시각 (multi.py의 warm)", "Ticks the CPU ran a job at the warm rate ÷ the finishing time (multi.py's warm figure)"],
            Text::UtilisationOfEnd => ["이용률 %", "Utilisation %"],
            Text::FinishedAt => ["모두 끝난 시각", "Everything finished at"],
            Text::WarmupAsText => ["명령줄의 답(proclab run)과 같은 글", "As text, the command line's answer key (proclab run)"],
            Text::WarmupAtTick => ["CPU 상태 · 틱", "The CPUs at tick"],
            Text::DownloadAnswerKey => ["답 텍스트", "Answer key (text)"],
            Text::DownloadJobsCsv => ["작업 CSV", "Jobs CSV"],
            Text::DownloadCpusCsv => ["CPU CSV", "CPUs CSV"],
            Text::WarmupUnlabelled => ["이름이 들어가지 않는 짧은 구간", "Slices too short for their name"],
            Text::WarmupNoCompare => ["예열 캐시 모델은 라운드 로빈 하나만 돌리므로(OSTEP multi.py의 기계) 정책 비교와 퀀텀 비교가 없습니다. 퀀텀을 바꾸거나 캐시 모델을 멈춤으로 바꿔 비교해 보세요.", "The warm-up cache model runs round robin only (OSTEP multi.py's machine), so there is no comparison of policies or quanta. Change the quantum here, or switch the cache model to stall to compare."],
            Text::WarmupNoWatch => ["예열 캐시 모델에는 프로세스 상태 도표, 이벤트 기록, PCB가 없습니다(multi.py의 기계는 틱마다 CPU, 캐시, 큐만 가집니다). 아래 그림이 틱마다 CPU의 작업(차가움은 줄무늬와 예열 막대, 따뜻함은 칠함), 캐시에 든 작업 집합과 큐를 보여 줍니다.", "The warm-up cache model has no process-state diagram, event log or PCBs (multi.py's machine has only CPUs, caches and queues): the picture below shows, tick by tick, each CPU's job (cold: striped, with its warm-up bar; warm: solid), the working sets in its cache and the queues."],
            Text::Completion => ["완료", "Completion"],
            Text::CompletionDef => ["마지막 버스트를 마친 시각", "Tick at which its last burst finished"],
            Text::Turnaround => ["반환 시간", "Turnaround"],
            Text::TurnaroundDef => ["완료 − 도착", "completion − arrival"],
            Text::Waiting => ["대기 시간(준비 큐)", "Waiting"],
            Text::WaitingDef => ["준비 상태에 있던 시간, 스레드가 여럿이면 그 합(I/O와 전환 비용 제외)", "Ticks spent Ready, summed over its threads (not I/O, not switch overhead)"],
            Text::Response => ["응답 시간", "Response"],
            Text::ResponseDef => ["처음 실행된 시각(문맥 교환과 캐시 채우기가 끝난 뒤) − 도착", "First tick it runs (after any switch and cache refill) − arrival"],
            Text::CpuTime => ["CPU", "CPU"],
            Text::CpuTimeDef => ["CPU에서 실행한 틱 수", "Ticks executed on a CPU"],
            Text::IoTime => ["I/O", "I/O"],
            Text::IoTimeDef => ["I/O로 막혀 있던 틱 수", "Ticks blocked on I/O"],
            Text::SyncTime => ["동기화", "Sync"],
            Text::SyncTimeDef => ["잠금, 세마포어, 조건 변수나 메시지를 기다리며 막혀 있던 틱 수 (I/O가 아님)", "Ticks blocked waiting for a lock, a semaphore, a condition or a message (not I/O)"],
            Text::SwitchTime => ["전환", "Switch"],
            Text::SwitchTimeDef => ["이 프로세스로 전환하는 데 든 디스패치 지연", "Dispatch latency paid to switch it in"],
            Text::StallTime => ["캐시 멈춤", "Cache stall"],
            Text::StallTimeDef => ["식은 캐시를 채우느라 멈춘 틱 수", "Ticks stalled refilling a cold cache"],
            Text::Dispatches => ["디스패치", "Dispatches"],
            Text::DispatchesDef => ["CPU를 받은 횟수", "Times given a CPU"],
            Text::Preemptions => ["선점 (퀀텀 만료 제외)", "Preemptions (quantum ends not counted)"],
            Text::PreemptionsDef => ["버스트 도중에 더 급한 스레드(도착, I/O 완료, 부스트)에게 CPU를 빼앗긴 횟수. 타임 퀀텀이 끝나 내려온 것은 세지 않습니다", "Times a more urgent thread (an arrival, an I/O completion, a boost) took its CPU mid-burst; the end of a quantum is not counted"],
            Text::Average => ["평균", "Average"],
            Text::Utilisation => ["CPU 이용률", "CPU utilisation"],
            Text::UtilisationDef => ["실행한 틱 / (마지막 완료 − 첫 도착), CPU 평균", "busy ticks / (last completion − first arrival), averaged over CPUs"],
            Text::Throughput => ["처리량", "Throughput"],
            Text::ThroughputDef => ["완료한 프로세스 수 / (마지막 완료 − 첫 도착)", "completed processes / (last completion − first arrival)"],
            Text::Tick => ["틱", "tick"],
            Text::ContextSwitches => ["문맥 교환 횟수", "Context switches"],
            Text::SwitchTicks => ["전환에 쓴 틱", "Ticks lost to dispatch"],
            Text::Migrations => ["CPU 이주", "Migrations"],
            Text::MigrationsDef => ["다른 CPU로 옮겨 실행된 횟수(옮기면 캐시가 식습니다)", "Times a thread ran on another CPU than its own (its cache starts cold there)"],
            Text::StallTicks => ["캐시 멈춤 틱", "Ticks lost to cache stalls"],
            Text::Makespan => ["구간(첫 도착–마지막 완료)", "Span (first arrival–last completion)"],
            Text::SyncColumnNote => ["동기화: 잠금, 세마포어, 조건 변수나 메시지를 기다리며 대기 상태였던 틱입니다(I/O도 아니고 준비 큐에서 기다린 대기 시간도 아닙니다).", "sync: ticks Blocked waiting for a lock, a semaphore, a condition or a message (neither I/O nor waiting in the ready queue)."],
            Text::SummedNote => ["Σ: 스레드가 여럿인 프로세스의 대기, CPU 같은 값은 스레드들의 값을 더한 것입니다. 스레드들은 동시에 존재하며 함께 기다릴 수 있으므로 그 합이 프로세스의 반환 시간보다 클 수 있습니다.", "Σ: a process of several threads has as waiting, CPU and the rest the sums over its threads. They live side by side, so a sum can exceed the process's turnaround."],
            Text::WaitingApartNote => ["대기는 준비 상태에 있던 틱만 셉니다. 문맥 교환과 캐시 멈춤의 틱은 따로 세므로, 그런 틱을 치른 프로세스는 반환 − 버스트가 대기보다 크고, 응답이 대기보다 클 수도 있습니다(교과서에 따라 이 틱을 대기에 넣기도 합니다).", "Waiting counts only the ticks spent Ready: the ticks of context switches and cache stalls are counted apart, so for a process that paid some, turnaround − bursts is more than waiting, and response can be more than waiting (some textbooks count those ticks as waiting)."],
            Text::MetricsExplain => ["모든 값은 정수 틱이며 평균은 정확한 분수를 소수 둘째 자리에서 반올림한 것입니다. 스레드마다 반환 = CPU + I/O + 대기 + 전환 + 캐시 멈춤(+ 동기화: 잠금·세마포어·조건 변수·메시지를 기다린 시간, 열 더 보기에 있음)입니다.", "All values are whole ticks; averages are exact fractions rounded to two decimals. For each thread, turnaround = CPU + I/O + waiting + switch + stall (+ Sync: time blocked on a lock, a semaphore, a condition or a message, under More columns)."],
            Text::TextbookDefaults => ["교재 기본값(Silberschatz)을 따릅니다. 바꾼 규칙이 없습니다.", "Textbook defaults (Silberschatz); no convention changed."],
            Text::DefaultConventions => ["모두 교재 기본값으로", "All back to the textbook defaults"],
            Text::ConventionsUnused => ["이 정책의 실행을 바꾸지 않는 규칙", "Rules that cannot change a run of this policy"],
            Text::ToResults => ["결과로 건너뛰기 ↓", "Skip to the results ↓"],
            Text::ChangesThisRun => ["이 실행의 스케줄이 기본 규칙의 스케줄과 다릅니다.", "It changes this run: the default gives another schedule."],
            Text::NoDifferenceHere => ["이 실행에서는 차이가 없습니다: 기본 규칙으로도 같은 스케줄입니다.", "No difference in this run: the default gives the same schedule."],
            Text::DefaultsExcept => ["교재 기본값을 따르되, 다음 규칙을 바꿨습니다:", "Textbook defaults, except:"],
            Text::MoreColumns => ["열 더 보기", "More columns"],
            Text::PhoneColumnsHint => ["휴대폰에서는 도착과 완료 열이 ‘열 더 보기’에 있습니다 (반환 = 완료 − 도착).", "On a phone, the arrival and completion columns are under ‘More columns’ (turnaround = completion − arrival)."],
            Text::ConventionsInForce => ["적용된 규칙", "Conventions in force"],
            Text::Yes => ["예", "yes"],
            Text::NoDefault => ["아니요(기본값)", "no (default)"],
            Text::Toolbar => ["시나리오 불러오기와 공유", "Load and share scenarios"],
            Text::Presets => ["예제", "Examples"],
            Text::ChoosePreset => ["예제 고르기…", "Choose an example…"],
            Text::RandomSeed => ["무작위 생성 시드", "Random workload seed"],
            Text::Generate => ["생성", "Generate"],
            Text::FixFirst => ["먼저 입력의 문제를 고치세요", "Fix the problems in the input first"],
            Text::CopyLinkHint => ["이 시나리오를 그대로 여는 링크를 복사합니다", "Copy a link that opens exactly this scenario"],
            Text::CopyLink => ["링크 복사", "Copy link"],
            Text::DownloadJson => ["JSON 내려받기", "Download JSON"],
            Text::UploadJson => ["JSON 열기", "Open JSON"],
            Text::LinkBroken => ["링크를 열 수 없습니다:", "This link cannot be opened:"],
            Text::LinkInvalid => ["링크의 시나리오가 올바르지 않아 열지 않았습니다. 저장된 작업은 그대로입니다.", "The link's scenario is not valid, so it was not opened; your saved work is unchanged."],
            Text::LinkOpened => ["공유 링크의 시나리오를 열었습니다.", "Opened the scenario from the shared link."],
            Text::LinkOpenedOver => ["공유 링크의 시나리오를 열었습니다. 이전 작업은 되돌리기로 다시 가져올 수 있습니다.", "Opened the scenario from the shared link. Undo brings back your previous workspace."],
            Text::FileBroken => ["파일을 읽을 수 없습니다:", "This file cannot be read:"],
            Text::FileOpened => ["파일의 시나리오를 열었습니다.", "Opened the scenario from the file."],
            Text::LinkCopied => ["링크를 복사했습니다. 작업 부하를 바꾸기 전까지는 주소창에도 있습니다.", "Link copied; the address bar shows it too until the workload changes."],
            Text::LinkNotCopied => ["클립보드에 복사하지 못했습니다. 주소창의 링크를 쓰세요:", "Could not copy to the clipboard; use the link in the address bar:"],
            Text::Undo => ["되돌리기", "Undo"],
            Text::Removed => ["프로세스를 지웠습니다:", "Removed process"],
            Text::Replaced => ["새 작업 부하를 불러왔습니다. 이전 작업은 되돌리기로 다시 가져올 수 있습니다.", "Loaded a new workload. Undo brings back the previous one."],
            Text::FileInvalid => ["파일을 열었지만 문제가 있습니다. 표시된 칸을 고치세요:", "The file was opened, but it has problems; fix the marked fields:"],
            Text::Dismiss => ["닫기", "Dismiss"],
            Text::UpdateReady => ["새 버전이 준비되었습니다. 다시 불러오면 새 버전으로 바뀝니다.", "A new version is ready. Reload to switch to it."],
            Text::UpdateReload => ["다시 불러오기", "Reload"],
            Text::AutosaveOff => ["자동 저장이 꺼져 있습니다: 이 브라우저가 페이지의 저장을 막았거나, 저장 공간이 가득 찼거나, 작업이 브라우저에 저장할 수 있는 크기(약 5 MB)보다 큽니다. 작업은 이 탭을 닫을 때까지 남아 있습니다. 간직하려면 JSON으로 내려받으세요.", "Autosave is off: this browser does not let the page store anything, its storage is full, or the workspace is larger than a browser stores (about 5 MB). Your work stays while this tab is open; download it as JSON to keep it."],
            Text::AutosaveElsewhere => ["다른 탭이 작업을 자동 저장했습니다. 이 탭은 그 위에 덮어쓰지 않도록 자동 저장을 멈췄습니다.", "Another tab has autosaved its work, so this tab stopped autosaving rather than overwrite it."],
            Text::AutosaveKeepHere => ["이 탭의 작업 저장", "Save this tab's work instead"],
            Text::AutosaveOpenSaved => ["다른 탭의 작업 열기", "Open the other tab's work"],
            Text::ShowingBeforeField => ["입력에 문제가 있어 이 칸을 바꾸기 전의 결과를 보여 줍니다. 표시된 칸을 고치세요.", "The input has problems; showing the result from before this field was changed. Fix the marked fields."],
            Text::ShowingLastValid => ["입력에 문제가 있어 마지막으로 올바른 결과를 보여 줍니다. 표시된 칸을 고치세요.", "The input has problems; showing the last valid result. Fix the marked fields."],
            Text::FixToRun => ["표시된 칸을 고치면 실행 결과가 나옵니다.", "Fix the marked fields to see the run."],
            Text::GoToProblem => ["첫 번째 문제로 이동", "Go to the first problem"],
            Text::FirstProblem => ["첫 번째 문제:", "The first:"],
            Text::Results => ["실행 결과", "Run"],
            Text::Compare => ["정책 비교", "Compare policies"],
            Text::Comparing => [
                "모든 정책과 퀀텀으로 이 작업을 실행하는 중입니다. 그동안에도 페이지는 계속 쓸 수 있습니다.",
                "Running this workload under every policy and quantum. The page stays usable meanwhile.",
            ],
            Text::Simulating => [
                "긴 실행을 계산하는 중입니다. 그동안에도 페이지는 계속 쓸 수 있습니다.",
                "Computing a long run. The page stays usable meanwhile.",
            ],
            Text::CompareFailed => [
                "비교를 계산하지 못했습니다. 페이지를 새로 고쳐 보세요:",
                "The comparison could not be computed. Try reloading the page:",
            ],
            Text::Gantt => ["간트 차트", "Gantt chart"],
            Text::DownloadPng => ["PNG", "PNG"],
            Text::DownloadSvg => ["SVG", "SVG"],
            Text::DownloadCsv => ["지표 CSV", "Metrics CSV"],
            Text::DownloadTableCsv => ["표 CSV", "Table CSV"],
        }
    }
}

/// Why a scenario file did not open, in words.
pub fn file_error(error: &crate::files::FileError, lang: Lang) -> String {
    use crate::files::FileError;
    match error {
        FileError::Unreadable => lang
            .pick([
                "브라우저가 파일을 읽지 못했습니다.",
                "the browser could not read it.",
            ])
            .into(),
        FileError::TooLarge { bytes } => {
            let size = crate::files::size_in_words(*bytes);
            let limit = crate::files::size_in_words(crate::files::MAX_FILE_BYTES);
            lang.pick([
                format!("파일이 {size}입니다. 시나리오 파일은 {limit}까지만 엽니다. 지금 작업은 그대로입니다."),
                format!("it is {size}; scenario files over {limit} are not opened. Your work is unchanged."),
            ])
        }
        FileError::Empty => lang
            .pick(["파일이 비어 있습니다.", "the file is empty."])
            .into(),
        FileError::NotAnObject => lang
            .pick([
                "시나리오 파일은 JSON 객체 하나 { ... }입니다(예: {\"processes\": [{\"bursts\": [{\"cpu\": 5}]}]}).",
                "a scenario file is one JSON object { ... }, such as {\"processes\": [{\"bursts\": [{\"cpu\": 5}]}]}.",
            ])
            .into(),
        FileError::CutShort { line } => lang.pick([
            format!("JSON이 끝나기 전에 파일이 끝납니다({line}번째 줄에서). 파일이 잘렸을 수 있습니다."),
            format!("the file ends before its JSON does (at line {line}): it may be cut short."),
        ]),
        FileError::NotJson {
            line,
            column,
            slip: Some(slip),
        } => {
            use crate::files::JsonSlip;
            let what = match slip {
                JsonSlip::TrailingComma => [
                    "] 또는 } 바로 앞의 쉼표는 JSON에서 쓸 수 없습니다: 지우세요",
                    "a comma just before ] or } is not allowed in JSON: remove it",
                ],
                JsonSlip::Comment => [
                    "JSON에는 주석(// 또는 /* */)이 없습니다: 지우세요",
                    "JSON has no comments (// or /* */): remove it",
                ],
                JsonSlip::SingleQuotes => [
                    "JSON은 글자와 이름을 큰따옴표(\")로 씁니다. 작은따옴표(')는 쓸 수 없습니다",
                    "JSON puts texts and field names in double quotes (\"), not single quotes (')",
                ],
                JsonSlip::UnquotedKey => [
                    "항목 이름은 큰따옴표 안에 씁니다(예: \"kind\")",
                    "a field's name goes in double quotes (such as \"kind\")",
                ],
                JsonSlip::MissingComma => [
                    "두 값 사이에 쉼표가 없거나, 괄호가 닫히지 않았습니다",
                    "a comma is missing between two values, or a bracket is not closed",
                ],
            };
            lang.pick([
                format!("{line}번째 줄 {column}번째 글자: {}.", what[0]),
                format!("it is not valid JSON at line {line}, column {column}: {}.", what[1]),
            ])
        }
        FileError::NotJson { line, column, .. } => lang.pick([
            format!("{line}번째 줄 {column}번째 글자에서 JSON 형식이 깨졌거나 파일이 잘렸습니다."),
            format!("it is not valid JSON, or it is cut short, at line {line}, column {column}."),
        ]),
        FileError::NotAScenario {
            line,
            column,
            path,
            detail,
        } => {
            let detail = reader_words(detail, lang);
            match path {
                // The field first, as a teacher looks for it in the file.
                Some(path) => lang.pick([
                    format!(
                        "{path}({line}번째 줄 {column}번째 글자): ProcLab 시나리오 형식이 아닙니다 ({detail})."
                    ),
                    format!(
                        "it is not a ProcLab scenario at {path} (line {line}, column {column}): {detail}."
                    ),
                ]),
                None => lang.pick([
                    format!(
                        "{line}번째 줄 {column}번째 글자: ProcLab 시나리오 형식이 아닙니다 ({detail})."
                    ),
                    format!(
                        "it is not a ProcLab scenario at line {line}, column {column} ({detail})."
                    ),
                ]),
            }
        }
    }
}

/// The JSON reader's complaint (`unknown field `arival`, expected one of ...`, `invalid value:
/// integer `-3`, expected u64`) in plain words of `lang`; a complaint of another shape is kept
/// as it is.
pub fn reader_words(detail: &str, lang: Lang) -> String {
    if detail == crate::files::WRONG_FORM {
        return lang
            .pick([
                "이 자리의 값이 맞는 형태가 아닙니다. 예를 들어 버스트는 {\"cpu\": 5}나 {\"io\": 3}처럼 객체 하나에 종류 하나와 길이를 씁니다",
                "the value here is not of the right form: a burst, for example, is an object of exactly one kind and its length, {\"cpu\": 5} or {\"io\": 3}, never both",
            ])
            .to_string();
    }
    // The reader quotes names and values in backquotes.
    let quoted = |text: &str| -> Vec<String> {
        text.split('`')
            .skip(1)
            .step_by(2)
            .map(String::from)
            .collect()
    };
    let kind = |expected: &str| -> String {
        let expected = expected.trim();
        let words = match expected {
            "u8" | "u16" | "u32" | "u64" | "usize" => {
                ["0 이상의 정수", "a whole number, 0 or more"]
            }
            "i8" | "i16" | "i32" | "i64" | "isize" => ["정수", "a whole number"],
            "a boolean" => ["true 또는 false", "true or false"],
            "a string" => ["따옴표 안의 글자", "a text in quotes"],
            "a sequence" => ["목록 [ ... ]", "a list [ ... ]"],
            // A choice by name: a burst's kind, a policy's "kind", a convention.
            "variant identifier" => ["따옴표 안의 이름", "a name in quotes"],
            _ if expected.starts_with("struct ") || expected == "a map" => {
                ["객체 { ... }", "an object { ... }"]
            }
            // A policy: `{"kind": "rr", "quantum": 4}`, never the reader's name for its type.
            _ if expected.starts_with("internally tagged enum") => [
                "\"kind\"가 있는 객체(예: {\"kind\": \"rr\", \"quantum\": 4})",
                "an object with a \"kind\" (such as {\"kind\": \"rr\", \"quantum\": 4})",
            ],
            _ => return expected.to_string(),
        };
        lang.pick(words).to_string()
    };
    // `unknown field `arival`, expected one of `name`, `arrival`, ...` (or a variant).
    for (prefix, field) in [("unknown field ", true), ("unknown variant ", false)] {
        let Some(rest) = detail.strip_prefix(prefix) else {
            continue;
        };
        let names = quoted(rest);
        let (found, allowed) = names
            .split_first()
            .map_or(("", &[][..]), |(found, allowed)| (found.as_str(), allowed));
        let none = allowed.is_empty();
        let allowed = allowed.join(", ");
        let particle = topic_particle(found);
        // 이라는 after a final consonant: “quantum”이라는, “name”이라는; “tau”라는.
        let called = match subject_particle(found) {
            "이" => "이라는",
            _ => "라는",
        };
        return match field {
            // A policy that takes no parameters (`{"kind": "fcfs", "quantum": 3}`).
            true if none => lang.pick([
                format!("“{found}”{called} 항목은 없습니다. 이 종류에는 “kind” 말고 다른 항목이 없습니다"),
                format!("there is no field “{found}”: this kind takes no field but “kind”"),
            ]),
            true => lang.pick([
                format!("“{found}”{called} 항목은 없습니다. 쓸 수 있는 항목: {allowed}"),
                format!("there is no field “{found}”; the fields are {allowed}"),
            ]),
            false => lang.pick([
                format!("“{found}”{particle} 쓸 수 없습니다. 쓸 수 있는 것: {allowed}"),
                format!("“{found}” is not one of {allowed}"),
            ]),
        };
    }
    if let Some(rest) = detail.strip_prefix("duplicate field ") {
        let name = quoted(rest).into_iter().next().unwrap_or_default();
        return lang.pick([
            format!("“{name}” 항목이 두 번 쓰였습니다. 하나만 남기세요"),
            format!("the field “{name}” is written twice: keep one"),
        ]);
    }
    if let Some(rest) = detail.strip_prefix("missing field ") {
        let name = quoted(rest).into_iter().next().unwrap_or_default();
        return lang.pick([
            format!("“{name}” 항목이 없습니다"),
            format!("the field “{name}” is missing"),
        ]);
    }
    for prefix in ["invalid value: ", "invalid type: "] {
        let Some(rest) = detail.strip_prefix(prefix) else {
            continue;
        };
        let Some((found, expected)) = rest.rsplit_once(", expected ") else {
            break;
        };
        // What was found, as the file has it: a map is an object, a sequence a list.
        let value = match found.trim() {
            "map" => lang.pick(["객체 { ... }", "an object { ... }"]).to_string(),
            "sequence" => lang.pick(["목록 [ ... ]", "a list [ ... ]"]).to_string(),
            _ => quoted(found)
                .into_iter()
                .next()
                .or_else(|| found.split('"').nth(1).map(|text| format!("\"{text}\"")))
                .unwrap_or_else(|| found.to_string()),
        };
        let expected = kind(expected);
        return lang.pick([
            format!(
                "{expected}{} 와야 할 곳에 {value}",
                subject_particle(&expected)
            ),
            format!("{value} where {expected} is expected"),
        ]);
    }
    detail.to_string()
}

/// Why a share link did not open, in words.
pub fn link_error(error: LinkError, lang: Lang) -> String {
    let [korean, english] = match error {
        LinkError::TooLong => {
            let limit = group_thousands(crate::share::MAX_FRAGMENT);
            return lang.pick([
                format!("링크가 너무 깁니다 ({limit}자 넘음)."),
                format!("the link is too long (over {limit} characters)."),
            ]);
        }
        LinkError::NotBase64 => [
            "링크의 문자가 깨졌습니다.",
            "the link contains characters that do not belong in it.",
        ],
        LinkError::Corrupt => [
            "링크가 잘렸거나 손상되었습니다. 전체를 다시 복사하세요.",
            "the link is cut short or damaged; copy all of it again.",
        ],
        LinkError::UnknownVersion => [
            "더 새로운 ProcLab에서 만든 링크입니다.",
            "it was made by a newer version of ProcLab.",
        ],
    };
    lang.pick([korean, english]).to_string()
}

/// `65536` as `65,536`.
fn group_thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// The groups of the examples menu, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresetGroup {
    Policies,
    Switches,
    Cpus,
    Sharing,
    Locks,
    Deadlock,
    Ipc,
    Warmup,
}

impl PresetGroup {
    pub const ALL: [PresetGroup; 8] = [
        PresetGroup::Policies,
        PresetGroup::Switches,
        PresetGroup::Cpus,
        PresetGroup::Sharing,
        PresetGroup::Locks,
        PresetGroup::Deadlock,
        PresetGroup::Ipc,
        PresetGroup::Warmup,
    ];

    /// The group's heading in the menu.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            PresetGroup::Policies => ["스케줄링 정책", "Scheduling policies"],
            PresetGroup::Switches => [
                "문맥 교환과 스레드 모델",
                "Context switches and thread models",
            ],
            PresetGroup::Cpus => ["CPU 여러 개", "Several CPUs"],
            PresetGroup::Sharing => ["공유 메모리와 경쟁 조건", "Shared memory and races"],
            PresetGroup::Locks => ["잠금과 뮤텍스", "Locks and mutexes"],
            PresetGroup::Deadlock => ["교착 상태", "Deadlock"],
            PresetGroup::Ipc => ["프로세스 간 통신과 고전 문제", "IPC and classic problems"],
            PresetGroup::Warmup => [
                "캐시 예열 (OSTEP multi.py)",
                "Cache warm-up (OSTEP multi.py)",
            ],
        })
    }

    /// The group an example belongs to (exhaustive: a new example must be placed).
    pub fn of(id: PresetId) -> PresetGroup {
        use PresetId::*;
        match id {
            FcfsConvoy | SjfStarvation | SrtfVsSjf | SjfVsSrtf | SjfPredicted
            | PriorityStarvation | PriorityAging | Hrrn | RrTinyQuantum | RrHugeQuantum
            | RrSilberschatz | Mlq | MlfqOstepLongJob | MlfqOstepShortJob | MlfqOstepIoJob
            | MlfqOstepNoBoost | MlfqOstepBoost | MlfqGamingOldRule4 | MlfqGamingNewRule4
            | MlfqSilberschatz | Lottery => PresetGroup::Policies,
            SwitchProcesses | SwitchThreads | ThreadsUserLevel | ThreadsKernelLevel => {
                PresetGroup::Switches
            }
            Cpus1 | Cpus2 | Cpus4 | AffinityOff | AffinityOn | PerCpuQueues => PresetGroup::Cpus,
            CounterThreads | CounterProcesses | RaceTwoThreads | RaceThreeThreads | RaceTwoCpus
            | ShmRace => PresetGroup::Sharing,
            LockFlagBroken | LockXchg | LockTtas | LockYield | LockTicket | LockPeterson
            | MutexBlocking | BurstsLock | BurstsLockProcesses => PresetGroup::Locks,
            DeadlockTwoLocks
            | DeadlockTwoLocksOrdered
            | PhilosophersDeadlock
            | PhilosophersOrdered => PresetGroup::Deadlock,
            ProducerConsumerSemaphores
            | MessageQueueClientServer
            | PipeWriterReader
            | ShmSemaphore
            | IpcCostThreads
            | IpcCostPipe
            | ProducerConsumerCondvar
            | ReadersWriters => PresetGroup::Ipc,
            WarmupCacheTooSmall
            | WarmupCacheFits
            | WarmupTwoCpus
            | WarmupTwoCpusAffinity
            | WarmupPerCpuNoPeek
            | WarmupPerCpuPeek
            | Superlinear1Cpu
            | Superlinear3Cpus => PresetGroup::Warmup,
        }
    }
}

/// A preset's title and "what to notice" (every preset has both: the match is exhaustive).
pub fn preset_text(id: PresetId, lang: Lang) -> (String, String) {
    let [korean, english]: [(&str, &str); 2] = match id {
        PresetId::FcfsConvoy => [("FCFS 호위 효과(콘보이 효과)", "긴 P1 뒤에 짧은 P2, P3가 줄 서서 평균 대기가 17틱입니다. 짧은 것이 먼저 오면 3틱입니다."), ("FCFS convoy effect", "Short P2 and P3 wait behind long P1: average waiting 17 ticks; 3 if the short jobs went first.")],
        PresetId::SjfStarvation => [("SJF 기아", "짧은 작업이 계속 도착하는 동안 Big은 CPU를 얻지 못합니다."), ("SJF starvation", "While short jobs keep arriving, Big never gets the CPU.")],
        PresetId::SrtfVsSjf => [("SRTF (Silberschatz 예제)", "더 짧은 작업이 도착하면 선점합니다: 평균 대기 6.5틱. 같은 작업의 SJF와 비교해 보세요."), ("SRTF (Silberschatz example)", "A shorter arrival preempts: average waiting 6.5 ticks. Compare with SJF on the same jobs.")],
        PresetId::SjfVsSrtf => [("SJF (같은 작업, 비선점)", "SRTF 예제와 같은 작업을 비선점 SJF로: 평균 대기가 더 깁니다."), ("SJF (same jobs, non-preemptive)", "The SRTF example's jobs under non-preemptive SJF: average waiting is longer.")],
        PresetId::SjfPredicted => [("SJF 버스트 예측", "실제 길이 대신 지수 평균 예측값으로 고릅니다. PCB 살펴보기에서 예측값을 보세요."), ("SJF with predicted bursts", "The choice uses exponential-average predictions, not true lengths; see the prediction in the PCB inspector.")],
        PresetId::PriorityStarvation => [("우선순위 기아", "높은 우선순위 작업이 계속 와서 낮은 우선순위 프로세스가 굶습니다."), ("Priority starvation", "A stream of high-priority work starves the low-priority process.")],
        PresetId::PriorityAging => [("우선순위와 에이징", "같은 작업에 에이징을 켜면 기다린 프로세스의 우선순위가 올라 결국 실행됩니다."), ("Priority with aging", "The same work with aging: the waiting process rises in priority and finally runs.")],
        PresetId::Hrrn => [("HRRN", "오래 기다릴수록 응답률이 올라 긴 작업도 결국 차례가 옵니다."), ("HRRN", "The longer a job waits, the higher its response ratio: long jobs get their turn.")],
        PresetId::RrTinyQuantum => [("RR: 너무 작은 퀀텀", "퀀텀 1에 디스패치 지연 1: CPU 시간의 거의 절반이 문맥 교환에 쓰입니다."), ("RR: a tiny quantum", "Quantum 1 with a dispatch latency of 1: nearly half the CPU time goes to context switches.")],
        PresetId::RrHugeQuantum => [("RR: 너무 큰 퀀텀", "퀀텀이 모든 버스트보다 길면 RR은 FCFS와 똑같습니다."), ("RR: a huge quantum", "A quantum longer than every burst makes RR exactly FCFS.")],
        PresetId::RrSilberschatz => [("RR 퀀텀 4 (Silberschatz 예제)", "P1 24, P2 3, P3 3을 퀀텀 4로: 평균 대기 5.67틱."), ("RR quantum 4 (Silberschatz example)", "P1 24, P2 3, P3 3 with quantum 4: average waiting 5.67 ticks.")],
        PresetId::Mlq => [("다단계 큐", "시스템 큐가 비어야 대화형 큐가, 둘 다 비어야 배치 큐가 실행됩니다."), ("Multilevel queue", "The interactive queue runs only when the system queue is empty, the batch queue only when both are.")],
        PresetId::MlfqOstepLongJob => [("OSTEP MLFQ: 긴 작업 하나", "긴 작업이 할당량을 쓸 때마다 한 단계씩 내려갑니다(OSTEP 그림 8.2)."), ("OSTEP MLFQ: one long job", "A long job drops one level each time it uses its allotment (OSTEP figure 8.2).")],
        PresetId::MlfqOstepShortJob => [("OSTEP MLFQ: 짧은 작업 도착", "나중에 온 짧은 B는 맨 위에서 시작해 긴 A보다 먼저 끝납니다: MLFQ가 SJF를 흉내 냅니다."), ("OSTEP MLFQ: a short job arrives", "Late short B starts at the top and finishes before long A: MLFQ approximates SJF.")],
        PresetId::MlfqOstepIoJob => [("OSTEP MLFQ: I/O 작업", "자주 I/O를 하는 B는 맨 위에 남아 빠르게 응답합니다."), ("OSTEP MLFQ: an I/O-bound job", "B, which does I/O often, stays at the top and responds quickly.")],
        PresetId::MlfqOstepNoBoost => [("OSTEP MLFQ: 부스트 없음", "옛 규칙 4a/4b(퀀텀 전에 CPU를 내놓으면 단계 유지)에서 대화형 작업 둘이 맨 위를 차지해, 맨 아래의 A는 t=100부터 180까지 CPU를 전혀 받지 못합니다."), ("OSTEP MLFQ: no boost", "Under the old rules 4a/4b (giving up the CPU before the slice ends keeps the level) two interactive jobs hold the top, and A at the bottom gets no CPU from t=100 to 180.")],
        PresetId::MlfqOstepBoost => [("OSTEP MLFQ: 부스트 50", "같은 작업에 50틱마다 모두 맨 위로: B와 C가 바쁜 동안에도 A가 t=100과 150에 실행됩니다."), ("OSTEP MLFQ: boost every 50", "The same jobs, everyone back to the top every 50 ticks: A runs at t=100 and 150 while B and C are busy.")],
        PresetId::MlfqGamingOldRule4 => [("MLFQ 속이기 (옛 규칙 4)", "Gamer는 퀀텀 직전에 I/O를 해서 맨 위에 남아 CPU를 독차지합니다."), ("Gaming MLFQ (old rule 4)", "Gamer does I/O just before its slice ends, stays on top and hogs the CPU.")],
        PresetId::MlfqGamingNewRule4 => [("MLFQ 속이기 막기 (새 규칙 4)", "할당량을 합산하는 새 규칙에서는 Gamer도 내려가 Honest가 CPU를 나눠 받습니다."), ("Gaming prevented (new rule 4)", "With the allotment counted across I/O, Gamer drops too and Honest gets its share.")],
        PresetId::MlfqSilberschatz => [("Silberschatz MLFQ", "큐 0 RR 8, 큐 1 RR 16, 큐 2 FCFS: 긴 작업은 점점 아래로 내려갑니다."), ("Silberschatz MLFQ", "Q0 RR 8, Q1 RR 16, Q2 FCFS: long jobs drift down.")],
        PresetId::Lottery => [("로터리", "티켓 75 대 25: 오래 보면 CPU를 대략 3 대 1로 나눕니다. 시드가 같으면 결과도 같습니다."), ("Lottery", "75 vs 25 tickets: over time the CPU splits about 3 to 1. The same seed gives the same draws.")],
        PresetId::SwitchProcesses => [("프로세스 전환 비용", "같은 일을 네 프로세스로: 전환마다 주소 공간이 바뀌고, 서로의 데이터를 캐시에서 밀어내 전환할 때마다 다시 채우느라 멈춥니다 (109틱에 끝남)."), ("Process switch cost", "The work as four processes: every switch changes the address space, and each process pushes the others out of the cache, so every dispatch stalls to refill (ends at 109).")],
        PresetId::SwitchThreads => [("스레드 전환 비용", "같은 일을 한 프로세스의 네 스레드로: 전환 비용이 적고, 공유 데이터가 캐시에 남아 있습니다 (52틱에 끝남). 네 프로세스와는 끝나는 시각으로 비교하세요. 한 프로세스의 대기 시간은 네 스레드의 대기를 더한 값입니다."), ("Thread switch cost", "The same work as four threads of one process: cheaper switches, and the shared data stays in the cache (ends at 52). Compare it with the four processes by when each ends: one process's waiting time adds up its four threads'.")],
        PresetId::ThreadsUserLevel => [("사용자 수준 스레드(다대일)", "한 스레드가 I/O로 막히면 P1 전체가 막힙니다. 커널은 P1을 하나로 보고(준비 큐에 한 번), 다른 스레드는 스레드 라이브러리 안에서는 준비 상태지만 P1과 함께 멈춰 있습니다: 그림에서는 대기 상태 칸에, 간트 차트에서는 '준비(프로세스 대기)'로 그려지며, 그동안은 대기 시간(준비 큐에서 기다린 시간)으로 셉니다."), ("User-level threads (many-to-one)", "One thread blocking on I/O blocks all of P1. The kernel sees P1 as one (once in the ready queue); its other threads are ready in the thread library but wait with P1: Blocked in the picture, 'ready, held' in the Gantt chart, and counted as waiting.")],
        PresetId::ThreadsKernelLevel => [("커널 수준 스레드(일대일)", "같은 일에서 한 스레드가 I/O 중이어도 형제 스레드가 실행됩니다."), ("Kernel-level threads (one-to-one)", "The same work: sibling threads run while one waits for I/O.")],
        PresetId::Cpus1 => [("CPU 1개", "네 스레드 프로세스를 CPU 1개에서."), ("1 CPU", "A four-thread process on 1 CPU.")],
        PresetId::Cpus2 => [("CPU 2개", "같은 프로세스를 CPU 2개에서: 스레드가 진짜로 동시에 실행됩니다."), ("2 CPUs", "The same process on 2 CPUs: threads truly run in parallel.")],
        PresetId::Cpus4 => [("CPU 4개", "CPU 4개에서: 완료 시각이 얼마나 당겨지는지 보세요."), ("4 CPUs", "On 4 CPUs: see how much sooner it finishes.")],
        PresetId::AffinityOff => [("캐시 친화성 끔", "CPU를 옮길 때마다 캐시가 식어 채우느라 멈춥니다."), ("Cache affinity off", "Every move to another CPU starts cold and stalls to refill.")],
        PresetId::PerCpuQueues => [("CPU별 준비 큐", "스레드가 자기 CPU와 따뜻한 캐시에 머물고, 쉬는 CPU는 가장 긴 큐에서 일을 훔쳐 옵니다."), ("Per-CPU ready queues", "Each thread stays on its CPU and its warm cache; an idle CPU steals work from the longest queue.")],
        PresetId::AffinityOn => [("캐시 친화성 켬", "한꺼번에 고른 스레드가 마지막으로 실행했던 CPU로 돌아가, 캐시 멈춤이 60틱에서 50틱으로 줄어듭니다."), ("Cache affinity on", "Threads picked together go back to the CPU they last ran on: 50 ticks of cache stalls instead of 60.")],
        PresetId::CounterThreads => [("스레드는 변수를 공유한다", "한 프로세스의 두 스레드가 같은 counter에 각각 3씩 더합니다. 스레드는 프로세스의 메모리를 함께 쓰므로 counter 하나가 6 = 3 + 3이 됩니다. 이 타이머(명령어 3개마다)는 읽기와 쓰기 사이에 끼어들지 않아 잃는 갱신이 없습니다. 같은 프로그램을 프로세스 두 개로 실행한 예제(‘프로세스는 변수를 공유하지 않는다’)와 비교해 보세요."), ("Threads share variables", "Two threads of one process each add 3 to the same counter. Threads share their process's memory, so the one counter ends at 6 = 3 + 3. This timer (every 3 instructions) never falls between a load and its store, so no update is lost. Compare with the same program as two processes (“Processes do not share variables”).")],
        PresetId::CounterProcesses => [("프로세스는 변수를 공유하지 않는다", "같은 프로그램을 두 프로세스로 실행합니다. 프로세스마다 주소 공간이 따로 있어 P1의 counter와 P2의 counter가 각각 3이 됩니다. 스레드처럼 번갈아 실행되지만 서로의 덧셈을 보지 못합니다."), ("Processes do not share variables", "The same program as two processes. Each has its own address space, so P1's counter and P2's counter each end at 3. They take turns on the CPU just like the threads, yet neither sees the other's additions.")],
        PresetId::RaceTwoThreads => [("경쟁 조건: 잃어버린 갱신 (스레드 2개)", "counter += 1은 읽기, 더하기, 쓰기의 명령어 세 개입니다. 타이머(명령어 4개마다)가 T1의 읽기와 쓰기 사이에 끼어듭니다: T1 읽기(2), T2 읽기(2), T1 쓰기(3), T2 쓰기(3). T2가 T1의 갱신을 덮어써 최종값은 5입니다(기대값 6)."), ("Race: a lost update (2 threads)", "counter += 1 is three instructions: load, add, store. The timer (every 4 instructions) falls between T1's load and its store: T1 loads 2, T2 loads 2, T1 stores 3, T2 stores 3. T2 overwrites T1's update: the counter ends at 5 (expected 6).")],
        PresetId::RaceThreeThreads => [("경쟁 조건: 스레드 3개", "같은 타이머에 스레드가 셋이면, 아무도 쓰기 전에 셋 모두 같은 값을 읽습니다: T1 읽기(3), T2 읽기(3), T3 읽기(3), T1 쓰기(4), T2 쓰기(4), T3 쓰기(4). 갱신 2개를 한꺼번에 잃어 최종값은 7입니다(기대값 9)."), ("Race: three threads", "With the same timer and three threads, all three load the same value before any of them stores: T1 loads 3, T2 loads 3, T3 loads 3, T1 stores 4, T2 stores 4, T3 stores 4. 2 updates are lost at once: the counter ends at 7 (expected 9).")],
        PresetId::RaceTwoCpus => [("경쟁 조건: 타이머 없이 CPU 2개", "타이머 없는 FCFS라 아무도 선점하지 않습니다. 그래도 CPU 0의 T1과 CPU 1의 T2가 나란히 동시에 실행되어 매 바퀴 같은 값을 읽습니다: T1 읽기(0), T2 읽기(0), T1 쓰기(1), T2 쓰기(1). 최종값은 3입니다(기대값 6)."), ("Race: two CPUs, no timer", "FCFS with no timer: nothing preempts. Yet T1 on CPU 0 and T2 on CPU 1 run in step at the same time and load the same value every round: T1 loads 0, T2 loads 0, T1 stores 1, T2 stores 1. The counter ends at 3 (expected 6).")],
        PresetId::LockFlagBroken => [("깨진 잠금: 플래그 보고 올리기", "플래그가 올라가 있으면 기다리고, 내려가 있으면 올리고 들어갑니다. 그런데 보기와 올리기가 두 단계입니다. 타이머가 명령어 3개마다 오면 T1이 플래그를 올리기 전에 T2도 내려간 플래그를 보고, 6틱부터 둘 다 임계 구역 안에 있습니다. 최종값은 4입니다(기대값 6)."), ("A broken lock: look at a flag, then raise it", "Wait while the flag is up, else raise it and go in; but looking and raising are two steps. With the timer every 3 instructions, T2 sees the flag down before T1 has raised it, and from tick 6 both are inside the critical section. The counter ends at 4 (expected 6).")],
        PresetId::LockXchg => [("xchg 스핀 잠금 (test-and-set)", "xchg는 옛 값 읽기와 잠금 걸기를 한 단계로 해서 한 스레드만 들어갑니다: 최종값은 6입니다(기대값 6). 하지만 잠금을 가진 스레드가 타이머(명령어 16개마다)에 밀려나 있는 동안 다른 스레드는 제자리를 돌며 기다립니다(스핀): 실패한 시도에 명령어 48개를 씁니다."), ("An xchg spin lock (test-and-set)", "xchg reads the old value and sets the lock in one step, so only one thread gets in: the counter ends at 6 (expected 6). But while the holder is switched out by the timer (every 16 instructions), the other thread spins: 48 instructions go to tries that fail.")],
        PresetId::LockTtas => [("TTAS 잠금 (test-and-test-and-set)", "CPU 2개에서 기다리는 스레드는 잠금이 풀려 보일 때까지 읽기만 하고, 그때에야 xchg로 교환합니다. 잠겨 있는 잠금을 교환한 횟수는 5번이고, 같은 CPU 2개에서 xchg 잠금은 16번입니다. 최종값은 6입니다(기대값 6). 실제 하드웨어에서 교환은 매번 쓰기라서 잠금의 캐시 라인을 다른 CPU에서 빼앗아 오지만 읽기는 그렇지 않습니다."), ("A TTAS lock (test-and-test-and-set)", "On 2 CPUs a waiting thread only reads the lock until it looks free, and only then swaps it with xchg. It swaps a taken lock 5 times; the xchg lock on the same 2 CPUs does so 16 times. The counter ends at 6 (expected 6). On real hardware every swap is a write that pulls the lock's cache line away from the other CPU; a read does not.")],
        PresetId::LockYield => [("양보하는 잠금 (yield)", "잠금이 걸려 있으면 돌며 기다리지 않고 CPU를 양보합니다. 실패한 시도에 명령어 18개를 쓰고, 같은 타이머에서 돌며 기다리는 ‘xchg 스핀 잠금 (test-and-set)’ 예제는 48개를 씁니다. 최종값은 6입니다(기대값 6)."), ("A lock that yields", "When the lock is taken, the thread gives up the CPU instead of spinning: tries that fail cost 18 instructions, against 48 for the spinning lock of “An xchg spin lock (test-and-set)” with the same timer. The counter ends at 6 (expected 6).")],
        PresetId::LockTicket => [("티켓 잠금: 공정성", "스레드마다 fetchadd로 번호표를 뽑고 자기 번호가 불릴 때까지 기다립니다. 번호표 0부터 5까지가 T1, T2, T3, T1, T2, T3에게 가고, 정확히 그 순서로 들어갑니다: 새치기는 없습니다. 최종값은 6입니다(기대값 6)."), ("A ticket lock: fairness", "Each thread takes a number with fetchadd and waits until that number is served. Tickets 0 to 5 go to T1, T2, T3, T1, T2, T3, and the threads enter in exactly that order: nobody is overtaken. The counter ends at 6 (expected 6).")],
        PresetId::LockPeterson => [("피터슨 알고리즘", "원자적 명령 없이 읽기와 쓰기만으로, CPU 2개에서 동시에 실행합니다. 4틱에 둘 다 들어가겠다고 플래그를 올리고, turn을 마지막에 쓴 T2가 양보해 T1이 먼저 들어갑니다. 둘이 함께 안에 있는 순간은 없습니다: 최종값은 6입니다(기대값 6). 실제 CPU는 메모리 접근 순서를 바꾸므로 펜스가 필요하지만 이 기계는 순서를 지킵니다."), ("Peterson's algorithm", "Only loads and stores, no atomic instruction, on 2 CPUs at once. At tick 4 both raise their flag to enter; T2 writes turn last, so it waits and T1 goes first. The two are never inside together: the counter ends at 6 (expected 6). Real CPUs reorder memory accesses and need a fence here; this machine keeps program order.")],
        PresetId::MutexBlocking => [("뮤텍스: 스핀하지 않고 잠들어 기다리기 (lock/unlock)", "‘xchg 스핀 잠금 (test-and-set)’ 예제의 counter를 이번에는 뮤텍스로 지킵니다: lock m과 unlock m, 타이머도 같습니다(명령어 16개마다). m이 잠겨 있으면 돌며 기다리지 않고 CPU를 내놓고 대기 상태가 됩니다. 잠금을 가진 스레드의 unlock m이 뮤텍스를 넘겨주면, 깨어난 스레드는 다시 시도하지 않고 바로 이어 갑니다. 실패한 시도에 쓰는 명령어는 0개이고, ‘xchg 스핀 잠금 (test-and-set)’ 예제는 48개입니다. 대신 기다리는 스레드들이 대기 상태로 보낸 시간은 모두 15틱이고, 그동안 잠금을 가진 스레드가 실행됩니다. 최종값은 6입니다(기대값 6). 110틱에 끝납니다(‘xchg 스핀 잠금 (test-and-set)’ 예제는 176틱). lock m과 unlock m을 지워도 최종값은 6입니다: 이 타이머는 읽기와 쓰기 사이에 끼어들지 않습니다. 지운 채로 퀀텀을 3으로 줄이면 최종값은 4가 되어 갱신 2개를 잃습니다. 잠금은 그런 교환이 올 수 있을 때를 위한 것입니다."), ("A mutex: wait asleep, not spinning (lock/unlock)", "The counter of “An xchg spin lock (test-and-set)”, guarded by a mutex instead: lock m and unlock m, with the same timer (every 16 instructions). A thread that finds m taken does not spin: it gives up the CPU and is Blocked. The holder's unlock m hands the mutex over, and the woken thread goes on without trying again. Tries that fail cost 0 instructions, against 48 for “An xchg spin lock (test-and-set)”; instead the waiting threads are Blocked for 15 ticks in all, while the holder runs. The counter ends at 6 (expected 6), at tick 110 instead of 176. Take out lock m and unlock m and it still ends at 6: this timer never falls between a load and its store. Take them out and set the quantum to 3, and it ends at 4: 2 updates are lost. The lock is there for the switch that can come.")],
        PresetId::DeadlockTwoLocks => [("교착 상태: 반대 순서로 잡는 잠금 두 개", "counter에 1을 더하려면 뮤텍스 a와 b가 다 필요합니다. T1은 a, 그다음 b를 잡고, T2는 b, 그다음 a를 잡습니다. 타이머(명령어 3개마다)가 두 스레드를 모두 첫 lock 바로 뒤에 바꾸므로 T1은 a를, T2는 b를 쥐고 있습니다. 이제 P1.T1은 P1.T2가 가진 뮤텍스 b를 기다리고, P1.T2는 P1.T1이 가진 뮤텍스 a를 기다립니다. 순환 대기: P1.T1 → P1.T2 → P1.T1. 둘 다 나아갈 수 없고 다른 일도 일어나지 않아 8틱에 교착 상태로 실행이 끝납니다. counter는 여전히 0입니다. 잠금 순서를 하나로 정한 ‘교착 상태 없음: 잠금 순서 통일’과 비교해 보세요."), ("Deadlock: two locks in opposite orders", "Adding 1 to counter needs both mutexes, a and b. T1 takes a, then b; T2 takes b, then a. The timer (every 3 instructions) switches each thread right after its first lock, so T1 holds a and T2 holds b. Then P1.T1 waits for mutex b, held by P1.T2, and P1.T2 waits for mutex a, held by P1.T1. Circular wait: P1.T1 → P1.T2 → P1.T1. Neither can go on and nothing else can happen: the run ends in deadlock at tick 8, with counter still 0. Compare with “No deadlock: one lock order”, where both take the locks in one order.")],
        PresetId::DeadlockTwoLocksOrdered => [("교착 상태 없음: 잠금 순서 통일", "같은 두 스레드가 이번에는 둘 다 a를 먼저, 그다음 b를 잡습니다(잠금 순서로 고치기). 타이머도 같습니다(명령어 3개마다). T2는 a가 잠겨 있어 대기 상태가 되고, 7틱 뒤 T1의 unlock a가 뮤텍스를 넘겨줍니다. a를 가진 스레드는 언제나 b도 얻을 수 있어서 기다림이 순환을 이루지 않습니다. 최종값은 2입니다(기대값 2). 21틱에 실행이 끝납니다."), ("No deadlock: one lock order", "The same two threads, but both take a first, then b (the fix by lock ordering), with the same timer (every 3 instructions). T2 finds a taken and is Blocked until T1's unlock a hands it over, 7 ticks later. Whoever holds a can always get b, so no wait closes a circle: the counter ends at 2 (expected 2) and the run finishes at tick 21.")],
        PresetId::PhilosophersDeadlock => [("식사하는 철학자: 교착 상태", "철학자 세 명(T1, T2, T3이 철학자 0, 1, 2)이 포크 세 개, 곧 뮤텍스 f0, f1, f2를 나눠 씁니다. 각자 왼쪽 포크, 그다음 오른쪽 포크를 들고, 먹은 뒤(ate[i] = 1) 내려놓습니다. 타이머가 명령어 6개마다 오면, 누구도 오른쪽 포크를 들기 전에 셋 모두 왼쪽 포크를 듭니다. 이제 P1.T1은 P1.T2가 가진 뮤텍스 f1을 기다리고, P1.T2는 P1.T3이 가진 뮤텍스 f2를 기다리고, P1.T3은 P1.T1이 가진 뮤텍스 f0을 기다립니다. 순환 대기: P1.T1 → P1.T2 → P1.T3 → P1.T1. 아무도 먹지 못하고(ate는 0, 0, 0 그대로) 19틱에 교착 상태가 됩니다. ‘식사하는 철학자: 잠금 순서로 해결’과 비교해 보세요."), ("Dining philosophers: deadlock", "Three philosophers (T1, T2, T3 are philosophers 0, 1, 2) share three forks, the mutexes f0, f1, f2. Each picks up its left fork, then its right one, eats (ate[i] = 1) and puts them down. With the timer every 6 instructions, all three pick up their left fork before any picks up its right one. Then P1.T1 waits for mutex f1, held by P1.T2; P1.T2 waits for mutex f2, held by P1.T3; P1.T3 waits for mutex f0, held by P1.T1. Circular wait: P1.T1 → P1.T2 → P1.T3 → P1.T1. Nobody eats (ate stays 0, 0, 0): deadlock at tick 19. Compare with “Dining philosophers: lock ordering”.")],
        PresetId::PhilosophersOrdered => [("식사하는 철학자: 잠금 순서로 해결", "같은 철학자 셋, 같은 타이머(명령어 6개마다)이지만 모두 번호가 작은 포크를 먼저 듭니다. 그래서 철학자 2(T3)는 이제 오른쪽 포크 f0을 f2보다 먼저 듭니다. T3은 포크를 하나도 쥐지 않은 채 f0을 기다리므로 순환이 생길 수 없습니다: T2, T1, T3 순서로 먹고(ate는 1, 1, 1) 31틱에 실행이 끝납니다."), ("Dining philosophers: lock ordering", "The same three philosophers and timer (every 6 instructions), but each picks up its lower-numbered fork first, so philosopher 2 (T3) now takes f0, its right fork, before f2. T3 waits for f0 while it holds no fork, so no circle can close: T2 eats first, then T1, then T3 (ate ends 1, 1, 1), and the run finishes at tick 31.")],
        PresetId::MessageQueueClientServer => [("메시지 큐: 클라이언트와 서버", "두 프로세스는 변수를 하나도 공유하지 않고, 같은 이름으로 선언한 메시지 큐 requests와 replies(크기 2)로만 이야기합니다. 클라이언트가 요청 1, 2, 3을 보내면 서버가 각각의 제곱으로 답합니다. RR(퀀텀 2)에서 서버는 요청을 3번, 클라이언트는 답을 3번 기다리며 대기 상태가 되고, 보낸 메시지는 기다리던 쪽에 바로 건네져 그 프로세스를 깨웁니다. 클라이언트의 got은 1, 4, 9로 끝납니다. 스레드라면 변수 하나로 주고받을 것을 프로세스는 커널의 큐를 거칩니다."), ("Message queues: a client and a server", "The two processes share no variable: they talk only through the message queues requests and replies (capacity 2), declared by the same names in both programs. The client sends the requests 1, 2 and 3; the server answers each with its square. Under RR (quantum 2) the server waits for a request 3 times and the client for a reply 3 times, each time blocked; every message sent goes straight to the process waiting for it and wakes it. The client's got ends 1, 4, 9. What threads would pass through one variable, processes pass through the kernel's queue.")],
        PresetId::WarmupCacheTooSmall => [("예열 캐시: 캐시가 너무 작을 때", "OSTEP multi.py의 캐시 모델입니다. 작업 a(실행 시간 60, 작업 집합 150)가 CPU 1개에서 돌지만 캐시는 100이라 작업 집합이 들어가지 않습니다. 캐시가 한 번도 따뜻해지지 않아 매 틱 1씩만 줄고 60틱에 끝납니다(따뜻한 시간 0%). 캐시가 200인 ‘예열 캐시: 캐시가 충분할 때’와 비교해 보세요."), ("Warm-up cache: a cache too small", "OSTEP multi.py's cache model. Job a (run time 60, working set 150) runs on 1 CPU whose cache holds 100: its working set never fits, the cache never warms, and its time left drops by 1 a tick: done at 60, warm 0% of the time. Compare with “Warm-up cache: a cache big enough” (a cache of 200).")],
        PresetId::WarmupCacheFits => [("예열 캐시: 캐시가 충분할 때", "같은 작업에 캐시 200: 처음 10틱(예열 시간)은 차가운 캐시로 1씩 줄고, 그 뒤 캐시가 작업 집합을 담아 따뜻해지면 2씩 줍니다. 35틱에 끝나 너무 작은 캐시(60틱)보다 훨씬 빠르고, CPU가 따뜻하게 돈 시간은 71.43%입니다."), ("Warm-up cache: a cache big enough", "The same job with a cache of 200: for the first 10 ticks (the warm-up time) it runs cold at 1 a tick, then the cache holds its working set and it runs warm at 2 a tick. It ends at 35 instead of 60, and the CPU ran warm 71.43% of the time.")],
        PresetId::WarmupTwoCpus => [("예열 캐시: CPU 2개, 친화성 없음", "OSTEP 숙제의 작업 a(작업 집합 100), b와 c(각 50), 실행 시간은 모두 100, CPU 2개가 큐 하나를 나눠 씁니다. 타이머(10틱)마다 작업이 큐로 돌아갔다가 다른 CPU로 옮겨 가므로 어느 캐시도 따뜻해질 만큼(10틱) 한 작업을 오래 돌리지 못합니다. 따뜻한 시간 0%, 150틱에 끝납니다. 친화성을 준 ‘예열 캐시: CPU 2개, 하드 친화성’과 비교해 보세요."), ("Warm-up cache: two CPUs, no affinity", "OSTEP's homework jobs a (working set 100), b and c (50 each), 100 ticks each, on 2 CPUs sharing one queue. At every timer tick (10) the jobs go back to the queue and move to the other CPU, so no cache keeps a job long enough (10 ticks) to warm: warm 0%, done at 150. Compare with “Warm-up cache: two CPUs with hard affinity”.")],
        PresetId::WarmupTwoCpusAffinity => [("예열 캐시: CPU 2개, 하드 친화성", "같은 작업에 CPU 지정(multi.py -A): a는 CPU 0에서만, b와 c는 CPU 1에서만 돕니다. CPU 1의 캐시(100)에는 b와 c(50 + 50)가 함께 들어가서 둘 다 따뜻하게 돕니다. a는 CPU 0을 혼자 써서 55틱에 끝나고, 모두 110틱에 끝납니다(친화성이 없으면 150틱). CPU 1이 따뜻하게 돈 시간은 81.82%입니다."), ("Warm-up cache: two CPUs with hard affinity", "The same jobs with CPU lists (multi.py -A): a runs only on CPU 0, b and c only on CPU 1. CPU 1's cache (100) holds both b and c (50 + 50), so both run warm; a has CPU 0 to itself and ends at 55. Everything ends at 110 instead of 150; CPU 1 ran warm 81.82% of the time.")],
        PresetId::WarmupPerCpuNoPeek => [("예열 캐시: CPU별 큐, 엿보기 없음", "같은 작업을 CPU마다 큐를 두어(multi.py -p) 처음에 번갈아 나눕니다: CPU 0에 a와 c, CPU 1에 b. 작업은 자기 CPU에 머물러 b는 곧 따뜻해져 일찍 끝나지만, 엿보기가 꺼져 있어(-P 0) CPU 1은 그 뒤 놀고 있습니다. CPU 0에서는 a와 c(100 + 50)가 캐시에 함께 들어가지 않아 서로를 밀어내며 200틱에 끝납니다. ‘예열 캐시: CPU별 큐와 엿보기’와 비교해 보세요."), ("Warm-up cache: per-CPU queues, no peeking", "The same jobs with a queue per CPU (multi.py -p), dealt out at the start: a and c to CPU 0, b to CPU 1. Jobs stay on their CPU: b soon runs warm and ends early, but with peeking off (-P 0) CPU 1 then sits idle, while on CPU 0 a and c (100 + 50) do not fit in the cache together and keep evicting each other: done at 200. Compare with “Warm-up cache: per-CPU queues with peeking”.")],
        PresetId::WarmupPerCpuPeek => [("예열 캐시: CPU별 큐와 엿보기", "같은 CPU별 큐에 엿보기 주기 30(multi.py -P 30): 30틱마다 큐가 빈 CPU가 다른 CPU의 큐를 보고 작업 하나를 가져옵니다. b가 55틱에 끝난 뒤 60틱에 CPU 1이 a를 가져가, a와 c가 각자 캐시를 차지하고 따뜻하게 돕니다. 모두 100틱에 끝납니다(엿보기 없이 200틱)."), ("Warm-up cache: per-CPU queues with peeking", "The same per-CPU queues with a peek interval of 30 (multi.py -P 30): every 30 ticks a CPU whose queue is empty looks at another CPU's queue and takes a job. b ends at 55, and at 60 CPU 1 takes a, so a and c each get a cache of their own and run warm: everything ends at 100 instead of 200.")],
        PresetId::Superlinear1Cpu => [("초선형 가속: CPU 1개", "작업 세 개(각각 실행 시간 100, 작업 집합 100)를 캐시 100인 CPU 1개에서 돌립니다. 캐시에는 작업 집합이 하나만 들어갑니다. 한 작업이 캐시를 데우자마자(10틱) 타이머(10틱)가 다음 작업으로 바꾸고, 그 작업의 예열이 앞 작업을 밀어냅니다. 세 작업 모두 늘 차가운 캐시로 돌아 300틱에 끝납니다. ‘초선형 가속: CPU 3개’와 비교해 보세요."), ("Super-linear speedup: 1 CPU", "Three jobs (run time 100, working set 100 each) on 1 CPU with a cache of 100. The cache holds one working set: each job has just warmed it (10 ticks) when the timer (every 10 ticks) switches to the next, whose warm-up evicts it. All three always run cold: done at 300. Compare with “Super-linear speedup: 3 CPUs”.")],
        PresetId::Superlinear3Cpus => [("초선형 가속: CPU 3개", "같은 작업을 CPU 3개에서: 작업마다 자기 CPU의 캐시(100)를 혼자 차지해 10틱 뒤부터 따뜻하게 2씩 줄어듭니다. 55틱에 끝나 CPU 1개(300틱)보다 5.45배 빠릅니다. CPU는 3배인데 속도는 3배를 넘습니다: 캐시도 3배가 되었기 때문입니다."), ("Super-linear speedup: 3 CPUs", "The same jobs on 3 CPUs: each job has a CPU's cache (100) to itself and runs warm at 2 a tick after 10 ticks. Done at 55, 5.45 times sooner than on 1 CPU (300): three times the CPUs, more than three times the speed, because the caches add up too.")],
        PresetId::ProducerConsumerSemaphores => [("생산자와 소비자: 세마포어로 만든 유한 버퍼", "한 프로세스의 두 스레드입니다. 생산자 T1이 항목 1부터 6까지를 3칸짜리 버퍼 buf의 in 자리에 넣고, 소비자 T2가 out 자리에서 꺼냅니다. 세마포어 empty는 3에서 시작해 빈 칸을, full은 0에서 시작해 찬 칸을 셉니다. 뮤텍스 m은 buf, in, out을 지킵니다. FCFS에서 생산자는 3칸을 다 채우고 t=45의 wait empty에서 대기 상태가 됩니다(로그와 그림에서는 명령어가 끝나는 t=46부터): 버퍼가 가득 찼습니다. 그다음 소비자가 3개를 꺼내고 t=94의 wait full에서 대기 상태가 됩니다(t=95부터): 버퍼가 비었습니다. 그때마다 상대의 signal이 깨워 줍니다. 모든 항목을 정확히 한 번씩 순서대로 꺼내 got은 1, 2, 3, 4, 5, 6이 됩니다."), ("Producer and consumer: a bounded buffer on semaphores", "Two threads of one process: the producer T1 puts items 1 to 6 into buf, a buffer of 3 slots, at in; the consumer T2 takes them out at out. Semaphore empty starts at 3 and counts free slots, full starts at 0 and counts filled ones; mutex m guards buf, in and out. Under FCFS the producer fills the 3 slots, and its wait empty at t=45 blocks it (Blocked in the log and the picture from t=46, when the instruction's tick ends): the buffer is full. The consumer then takes 3 items, and its wait full at t=94 blocks it (Blocked from t=95): the buffer is empty. Each time, the other thread's signal wakes it. Every item is taken exactly once and in order: got ends 1, 2, 3, 4, 5, 6.")],
        PresetId::PipeWriterReader => [("파이프: 쓰는 프로세스와 읽는 프로세스", "두 프로세스는 변수를 하나도 공유하지 않습니다. 쓰는 프로세스는 2바이트를 담는 파이프 p에 바이트 1부터 6까지 쓰고 자기 쓰기 끝을 닫습니다(close). 읽는 프로세스는 -1(파일 끝)을 받을 때까지 읽으며 읽은 값을 더합니다. FCFS라 쓰는 쪽이 먼저 돌아 1과 2로 파이프가 가득 차고, 세 번째 write에서 대기 상태가 됩니다(파이프 가득 참). 읽는 쪽의 첫 read가 자리를 비우면 기다리던 3이 들어가고 쓰는 쪽이 깨어납니다. 읽는 쪽은 2와 3을 읽고 빈 파이프에서 대기 상태가 되며, 쓰는 쪽이 쓴 4는 기다리던 읽는 쪽에 바로 건네지고, 읽는 쪽이 깨어납니다. 쓰는 쪽은 5와 6을 쓰고 닫은 뒤 끝나고, 읽는 쪽은 두 값을 읽은 뒤 7번째 read에서 -1을 받습니다. 쓰는 쪽이 모두 닫았고 파이프가 비었으니 더 기다릴 것이 없다는 뜻입니다. sum은 21, count는 6으로 끝납니다. 메시지 큐와 파이프 표에서 파이프의 버퍼가 차고 비는 모습을 보세요."), ("A pipe: a writer and a reader", "The two processes share no variable. The writer writes the bytes 1 to 6 into the pipe p, which holds 2 bytes, then closes its end; the reader reads until it gets -1 (end-of-file), adding up what it reads. Under FCFS the writer runs first: 1 and 2 fill the pipe and its third write blocks (pipe full). The reader's first read frees a slot: the waiting 3 goes in and the writer wakes. The reader reads 2 and 3, then blocks on the empty pipe; the writer's 4 goes straight to it and wakes it. The writer writes 5 and 6, closes and exits; the reader reads them and its 7th read gets -1: every writer has closed and the pipe is empty, so there is nothing left to wait for. sum ends 21 and count 6. Watch the pipe's buffer fill and drain in the table of queues and pipes.")],
        PresetId::ShmRace => [("공유 메모리: 잠금 없는 두 프로세스", "두 프로세스가 같은 공유 메모리 세그먼트를 매핑합니다: .shared counter로 선언한 counter는 두 주소 공간에 있지만 같은 한 워드입니다(.var로 선언한 변수는 프로세스마다 따로). 각 프로세스가 counter += 1을 3번 합니다. 스레드 2개의 경쟁과 같은 타이머(명령어 4개마다)가 P1의 읽기와 쓰기 사이에 끼어듭니다: P1 읽기(2), P2 읽기(2), P1 쓰기(3), P2 쓰기(3). P2가 P1의 갱신을 덮어써 최종값은 5입니다(기대값 6). 주소 공간이 달라도 메모리를 공유하면 스레드와 똑같이 경쟁합니다."), ("Shared memory: two processes, no lock", "Two processes map the same shared memory segment: counter, declared .shared counter, is in both address spaces but is one word (a .var stays private to each process). Each process does counter += 1 three times. The same timer as the two threads' race (every 4 instructions) falls between P1's load and its store: P1 loads 2, P2 loads 2, P1 stores 3, P2 stores 3. P2 overwrites P1's update: the counter ends at 5 (expected 6). Separate address spaces that share memory race exactly as threads do.")],
        PresetId::ShmSemaphore => [("공유 메모리: 공유 세마포어로", "같은 두 프로세스와 같은 타이머에, 세그먼트 안에 세마포어 하나(.shared sem mutex 1)를 두어 counter += 1을 wait mutex와 signal mutex로 감쌉니다. 세마포어도 세그먼트에 있으니 두 프로세스가 같은 것을 기다립니다. 타이머가 P1을 임계 구역 안에서 멈춰도 P2는 wait mutex에서 대기 상태가 되고, P1의 signal이 깨워 줍니다. 실행 동안 3번 기다립니다. counter는 6으로 끝납니다: 잃어버린 갱신이 없습니다. 기다림은 커널을 거칩니다(대기 상태와 깨우기)."), ("Shared memory: with a shared semaphore", "The same two processes on the same timer, with one semaphore in the segment (.shared sem mutex 1) around counter += 1: wait mutex before, signal mutex after. The semaphore lives in the segment too, so both processes wait on the same one. When the timer stops P1 inside its critical section, P2 blocks at wait mutex and P1's signal wakes it; over the run a process waits 3 times. The counter ends at 6: no update is lost. Each wait goes through the kernel (blocked, then woken).")],
        PresetId::IpcCostThreads => [("같은 일을 스레드로: 공유 변수", "할 일은 파이프 예제와 같습니다: 1부터 6까지 넘겨 더하기. 여기서는 한 프로세스의 두 스레드가 맡습니다. T1이 공유 배열 data에 값을 저장하고, T2는 세마포어 ready를 기다렸다가 읽어 더합니다. 커널 진입 비용은 3틱이지만 값은 평범한 저장과 읽기로 넘어가고, FCFS에서 T1의 signal은 기다리는 스레드가 없어 세어 두기만 하고 T2의 wait는 바로 가져가니 커널에 한 번도 들어가지 않습니다(0틱). 79틱에 끝나고 sum은 21입니다. 같은 일을 파이프로 하는 프로세스 예제와 비교하세요."), ("The same job by threads: a shared variable", "The job of the pipe example, passing 1 to 6 and adding them up, done by two threads of one process. T1 stores the values into the shared array data; T2 waits on the semaphore ready, then loads and adds them. The kernel entry cost is 3 ticks, but the values move by plain stores and loads, and under FCFS T1's signal finds nobody waiting (the semaphore just counts it) and T2's wait takes it at once, so neither ever enters the kernel: 0 ticks. It ends at tick 79 with sum 21. Compare with the processes doing the same job through a pipe.")],
        PresetId::IpcCostPipe => [("같은 일을 프로세스로: 파이프", "파이프 예제의 쓰는 프로세스와 읽는 프로세스에 커널 진입 비용 3틱을 줍니다. write, read, close는 모두 시스템 호출이라 쓰는 쪽이 7번, 읽는 쪽이 7번 커널에 들어가 모두 42틱을 커널에서 씁니다. 그래서 비용이 없을 때 79틱이던 일이 121틱에 끝납니다. 스레드 예제는 같은 일을 79틱에, 커널 진입 0번으로 합니다: IPC는 커널을 거쳐 비용을 치르고, 스레드는 메모리를 바로 공유합니다."), ("The same job by processes: a pipe", "The writer and reader of the pipe example, on a machine whose kernel entry costs 3 ticks. Every write, read and close is a system call: the writer enters the kernel 7 times and the reader 7 times, 42 ticks in the kernel in all, so the job that ends at tick 79 without the cost ends at tick 121. The threads do the same job by tick 79 with 0 kernel entries: IPC goes through the kernel and pays for it; threads share memory directly.")],
        PresetId::ProducerConsumerCondvar => [("생산자-소비자: 조건 변수", "세마포어 예제와 같은 3칸짜리 유한 버퍼(항목 1~6, FCFS)를 이번에는 뮤텍스 m 하나와 조건 변수 not_full, not_empty로 만듭니다. count는 버퍼에 든 항목 수입니다. 생산자는 3칸을 채운 뒤 count가 3인 것을 보고 not_full에서 기다립니다(명령어 wait not_full, m은 기다리기 전에 m을 놓습니다). 소비자가 항목 1을 꺼내고 signal not_full로 생산자를 깨우면, 생산자는 m을 다시 얻을 때까지 기다려야 합니다. 그 뒤로 두 스레드가 m을 번갈아 잡습니다. 깨어난 스레드는 그사이 다른 스레드가 먼저 실행했을 수 있으므로 while 반복문에서 조건을 다시 확인합니다(Mesa 방식). got은 1, 2, 3, 4, 5, 6으로 끝납니다: 모든 항목이 한 번씩, 순서대로."), ("Producer-consumer: condition variables", "The bounded buffer of the semaphore example (3 slots, items 1 to 6, FCFS), now on one mutex m and two condition variables, not_full and not_empty; count is the number of items in the buffer. The producer fills the 3 slots, finds count at 3 and waits on not_full (the instruction wait not_full, m lets go of m while it waits). The consumer takes item 1 and its signal not_full wakes the producer, which must then wait to get m back; from then on the two threads take turns on m. A woken thread checks its condition again in a while loop (Mesa semantics), since another thread may have run first. got ends 1, 2, 3, 4, 5, 6: every item once, in order.")],
        PresetId::BurstsLock => [("버스트 사이의 잠금 (한 프로세스의 두 스레드)", "한 프로세스의 스레드 둘이 버스트 사이에 연산을 둔 같은 프로그램을 실행합니다: cpu $3, lock m, cpu $4(m을 쥐고 계산하는 임계 구역), unlock m, io $3, cpu $2, halt. cpu $n은 명령어 하나로 CPU를 n틱 씁니다. 연산은 다른 명령어처럼 1틱씩 걸립니다. 타임 퀀텀 2의 라운드 로빈이 첫 버스트를 중간에 끊습니다: T1은 틱 0~1과 4, T2는 틱 2~3과 6에 계산합니다. T1은 틱 5에 m을 잡습니다. T2의 lock m은 틱 7에 m이 잡혀 있는 것을 보고, T2는 틱 8부터, 틱 12에 실행된 T1의 unlock m이 틱 13에 m을 넘겨줄 때까지 5틱 동안 대기 상태입니다(I/O가 아니라 뮤텍스를 기다림). 그동안 T1은 CPU를 혼자 씁니다. 28틱에 끝납니다."), ("A lock between bursts (two threads of one process)", "Two threads of one process run the same program, bursts with operations between them: cpu $3, lock m, cpu $4 (the critical section, computed holding m), unlock m, io $3, cpu $2, halt. Each cpu $n is one instruction that computes for n ticks; an operation takes one tick, like any instruction. Round robin with a quantum of 2 cuts the first bursts in the middle: T1 computes at ticks 0-1 and 4, T2 at 2-3 and 6. T1 takes m at tick 5; T2's lock m at tick 7 finds it held, and T2 is Blocked (waiting for the mutex, not for I/O) from tick 8 until T1's unlock m, run in tick 12, hands m over at tick 13: 5 ticks, while T1 has the CPU to itself. The run ends at tick 28.")],
        PresetId::BurstsLockProcesses => [("버스트 표기에 쓴 잠금 (두 프로세스)", "두 프로세스가 버스트 표기에 같은 뮤텍스 m을 적습니다: P1은 2 lock m 3 unlock m io2 2, P2는 2 lock m 3 unlock m 1. lock 뒤의 이름은 그 이름을 쓰는 모든 프로세스가 함께 쓰는 뮤텍스 하나이고, 연산은 CPU를 1틱씩 씁니다. 타임 퀀텀 2의 라운드 로빈에서 P1은 틱 4에 m을 잡습니다. P2의 lock m은 틱 6에 m이 잡혀 있는 것을 보고, P2는 틱 7부터 P1의 unlock m(틱 9)이 틱 10에 m을 넘겨줄 때까지 3틱 동안 뮤텍스를 기다리며 대기 상태입니다. 그 unlock의 틱에 I/O도 요청한 P1은 틱 10부터 12까지 I/O 때문에 대기 상태입니다: 같은 상태, 다른 원인입니다. 프로그램 패널에서 버스트가 바뀐 명령어를 볼 수 있습니다. 17틱에 끝납니다."), ("A lock in the bursts field (two processes)", "Two processes write the same mutex m in their bursts fields: P1 2 lock m 3 unlock m io2 2, P2 2 lock m 3 unlock m 1. A name after lock is one mutex for every process that names it, and each operation takes one tick of CPU. Under round robin with a quantum of 2, P1 takes m at tick 4; P2's lock m at tick 6 finds it held, and P2 is Blocked waiting for the mutex from tick 7 until P1's unlock m at tick 9 hands m over at tick 10: 3 ticks. P1, which asks for its I/O in that unlock's tick, is then Blocked on I/O from tick 10 to 12: the same state, another cause. The programs panel shows the instructions the bursts become. The run ends at tick 17.")],
        PresetId::ReadersWriters => [("읽기-쓰기 문제: 세마포어로 만든 첫 번째 해법", "한 프로세스의 스레드 셋이 변수 data를 함께 씁니다: 읽기 스레드 T1, T2와 쓰기 스레드 T3입니다. 세마포어 rw_mutex와 mutex는 1에서 시작하고, mutex가 지키는 read_count는 안에 있는 읽기 스레드 수를 셉니다. 타이머는 명령어 12개마다 울립니다. 처음 들어온 읽기 스레드가 모든 읽기 스레드를 대신해 rw_mutex를 잡고, 마지막으로 나가는 읽기 스레드가 돌려줍니다. 그래서 t=22부터 t=28까지 두 읽기 스레드가 함께 안에 있습니다. t=26에 쓰기 스레드는 읽기 스레드가 안에 있는 동안 wait rw_mutex에서 대기 상태가 됩니다(로그와 그림에서는 명령어가 끝나는 t=27부터). 마지막으로 나가는 T2가 t=42에 signal rw_mutex로 깨워 주고(로그에서는 t=43), 쓰기 스레드는 t=47에 읽기 스레드가 하나도 없는 채로 혼자 data에 1을 더합니다. 두 읽기 스레드 모두 쓰기 전의 값을 읽어 seen은 0, 0, data는 1이 됩니다. 이 해법의 약점: 읽기 스레드가 계속 들어오면 read_count가 0으로 내려가지 않아 쓰기 스레드가 기아 상태에 빠질 수 있습니다."), ("Readers-writers: the first solution, on semaphores", "Three threads of one process share the variable data: readers T1 and T2 and writer T3. Semaphores rw_mutex and mutex start at 1; read_count, guarded by mutex, counts the readers inside. The timer fires every 12 instructions. The first reader in takes rw_mutex for all readers and the last one out gives it back, so from t=22 to t=28 both readers are inside at once. At t=26 the writer's wait rw_mutex blocks it while the readers are inside (Blocked in the log and the picture from t=27, when the instruction's tick ends); the last reader out, T2, signals rw_mutex at t=42 and wakes it (t=43 in the log), and it adds 1 to data alone at t=47, with no reader inside. Both readers read the value before the write: seen ends 0, 0 and data 1. The weakness of this solution: while readers keep coming, read_count never falls to 0 and the writer can starve.")],
    };
    let (title, notice) = lang.pick([korean, english]);
    (title.to_string(), notice.to_string())
}

impl Text {
    /// The seed field's label: what the seed draws for in the current settings.
    pub fn seed_label(seed_use: SeedUse) -> Text {
        match seed_use {
            SeedUse::Lottery => Text::LotterySeed,
            SeedUse::Peeks => Text::PeekSeed,
            SeedUse::Unused => Text::UnusedSeed,
        }
    }
}
