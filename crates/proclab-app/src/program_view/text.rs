//! The programs panel's fixed words.

use crate::lang::{Lang, Words};

/// The fixed words of the programs panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgramText {
    Title,
    Intro,
    /// The name of the step buttons that stay at the top of the section while it scrolls.
    StepBar,
    Load,
    Store,
    Yielded,
    Halted,
    Faulted,
    Interleaving,
    /// The interleaving before its first instruction has run.
    InterleavingEmpty,
    /// Before the steps shown: how many earlier ones are left out.
    InterleavingTicks,
    InterleavingEarlier,
    Memory,
    SharedBy,
    UsedBy,
    LastWriter,
    Registers,
    Thread,
    State,
    Next,
    Code,
    /// The caption of a program written from bursts that hold operations.
    WrittenFromBursts,
    /// The caption of the shared segment's mutexes and semaphores.
    SharedSyncObjects,
    LostCount,
    /// The same, counted over the whole run (shown from its start).
    LostInRun,
    NoLoss,
    /// No update lost, in a run that ends deadlocked before its threads finished.
    NoLossDeadlocked,
    Scheduler,
    SchedulerIntro,
    SchedulerStart,
    /// Brings back the choices "Hand back to the policy" set aside.
    BringBack,
    BringBackOne,
    SchedulerLeave,
    RunOne,
    RunFive,
    UndoChoice,
    StartOver,
    Goals,
    GoalLose,
    GoalInside,
    GoalStarve,
    GoalDeadlock,
    Reached,
    NotYet,
    Choices,
    ProgramToggle,
    ToggleHint,
    ProgramLabel,
    ProgramHint,
    RegistersLabel,
    Budget,
    Variable,
    Address,
    Value,
    Tick,
    Step,
    Effect,
    SyncObjects,
    Queues,
    Messages,
    WaitingToSend,
    WaitingToReceive,
    WriteEnds,
    Shared,
    /// The shared segment's drawing: its title, the segment's box, a process without variables
    /// of its own.
    ShmTitle,
    ShmSegment,
    ShmNoOwn,
    ShmOwn,
    Kind,
    Waiters,
    WaitsFor,
    Waits,
    Graph,
    GraphHint,
}

impl Words for ProgramText {
    fn pair(self) -> [&'static str; 2] {
        use ProgramText::*;
        match self {
            Title => ["명령어를 실행하는 스레드", "Threads running instructions"],
            StepBar => ["한 단계씩 실행", "Step the run"],
            Intro => [
                "명령어 하나는 CPU 한 틱입니다(단, cpu $n은 n틱 동안 계산합니다). 같은 프로세스의 스레드는 변수를 공유하고, 레지스터와 스택은 스레드마다 따로입니다.",
                "Each instruction takes one tick of CPU, except cpu $n, which computes for n ticks. Threads of one process share its variables; each has its own registers and stack.",
            ],
            Load => ["읽기", "load"],
            Store => ["쓰기", "store"],
            Yielded => ["양보(yield)", "yield"],
            Halted => ["스레드 종료", "thread ends"],
            Faulted => ["오류로 종료", "fault: thread ended"],
            Interleaving => ["실행 순서(인터리빙)", "The interleaving"],
            InterleavingEmpty => ["아직 실행된 명령어가 없습니다. 재생하거나 한 단계씩 넘기면 명령어가 실행되는 순서대로 여기에 쌓입니다.", "No instruction has run yet. Play or step the run: each instruction appears here in the order it runs."],
            InterleavingTicks => ["각 줄의 t는 명령어가 실행된 틱입니다. 예를 들어 t=6인 줄은 6에서 7까지 실행되고, 그 결과(대기, 깨움, 끝남)는 그 틱이 끝나는 순간인 t=7에 사건 기록에 적힙니다.", "A line's t is the tick its instruction runs in: a line at t=6, say, runs from 6 to 7, and what it causes (a wait, a wake-up, an exit) is logged in the event log at the instant that tick ends, t=7."],
            InterleavingEarlier => ["앞의 단계는 생략, 최근 단계만 보입니다. 이 목록의 첫 단계 번호:", "Earlier steps left out; the latest are shown, from step"],
            Memory => ["메모리: 프로세스마다 주소 공간 하나", "Memory: one address space per process"],
            SharedBy => ["공유하는 스레드", "Shared by"],
            UsedBy => ["사용하는 스레드", "Used by"],
            LastWriter => ["마지막으로 쓴 스레드", "Last written by"],
            Registers => ["스레드마다 레지스터 (문맥 교환 때 저장·복원)", "Registers of each thread (saved and loaded at a context switch)"],
            Thread => ["스레드", "Thread"],
            State => ["상태", "State"],
            Next => ["다음 명령어", "Next instruction"],
            Code => ["프로그램", "Program"],
            WrittenFromBursts => [
                "버스트 칸에서 만든 코드: n틱 CPU 버스트는 cpu $n입니다. 다만 I/O나 종료가 뒤따르면 cpu $n-1과, 마지막 틱에 실행하는 io 또는 halt가 됩니다(연산 바로 뒤의 io나 halt는 그 연산의 틱에 함께 실행). 연산은 명령어 하나(1틱)이며, 스레드마다 자기 부분(.thread_n)부터 실행합니다.",
                "Written from the bursts field: a CPU burst of n ticks is cpu $n, except one followed by I/O or the exit: cpu $n-1, then the io or halt made in its last tick (an io or halt right after an operation runs in that operation's tick). Each operation is one instruction (one tick), and each thread starts at its own part (.thread_n).",
            ],
            LostCount => ["잃어버린 갱신", "Updates lost"],
            LostInRun => ["실행 전체에서 잃어버린 갱신", "Updates lost over the whole run"],
            // What it checks, and only that: without a producer's wait the consumer reads a slot
            // twice and no update is lost, and a bare "no update lost" had read as "correct".
            NoLoss => ["잃어버린 갱신 없음: 다른 스레드가 읽은 뒤 쓴 값을 덮어쓴 쓰기가 없습니다. 공유 변수의 경쟁만 보는 검사이지, 결과가 프로그램의 뜻대로인지는 보지 않습니다.", "No update lost: no write overwrote a value another thread wrote after this one read. This checks races on shared variables only, not whether the result is what the program meant."],
            NoLossDeadlocked => ["잃어버린 갱신은 없지만, 교착 상태로 스레드들이 갱신을 다 하지 못하고 멈췄습니다.", "No update lost, but the deadlock stopped the threads before they made all their updates."],
            Scheduler => ["내가 스케줄러", "You are the scheduler"],
            SchedulerIntro => [
                "다음 명령어를 실행할 스레드를 직접 고릅니다. 고른 순서는 시나리오에 저장되어 링크로 공유됩니다.",
                "Choose which thread runs each next instruction. Your choices are part of the scenario, so a link replays them.",
            ],
            SchedulerStart => ["직접 스케줄하기", "Schedule it yourself"],
            SchedulerLeave => ["정책에 맡기기(정책의 실행, t=0부터)", "Hand back to the policy (its own run, from t=0)"],
            BringBack => ["내 선택 되돌리기", "Bring my choices back"],
            BringBackOne => ["내 선택 되돌리기", "Bring my choice back"],
            RunOne => ["1개 실행", "run 1"],
            RunFive => ["5개 실행", "run 5"],
            UndoChoice => ["한 칸 되돌리기", "Undo one"],
            StartOver => ["처음부터", "Start over"],
            Goals => ["목표", "Goals"],
            GoalLose => ["카운터가 틀리게 끝나도록: 갱신 하나를 잃게 하세요", "Make the counter end wrong: lose an update"],
            GoalInside => ["두 스레드를 동시에 임계 구역(읽기와 쓰기 사이)에 넣으세요", "Get two threads into the critical section (between load and store) at once"],
            GoalDeadlock => ["교착 상태를 만드세요: 스레드들이 서로가 가진 뮤텍스를 기다리게", "Cause a deadlock: threads each waiting for a mutex another holds"],
            GoalStarve => ["한 스레드가 기다리는 동안 다른 스레드의 명령 10개를 연달아 실행하세요", "Starve a thread: run 10 instructions of others in a row while it waits"],
            Reached => ["달성", "reached"],
            NotYet => ["아직", "not yet"],
            Choices => ["고른 순서", "Your choices"],
            ProgramToggle => ["프로그램 실행", "Runs a program"],
            ToggleHint => [
                "</> 버튼: 프로세스가 버스트 대신 명령어(프로그램)를 실행합니다. 스레드끼리 변수를 공유하며 경쟁하는 모습을 봅니다.",
                "The </> button makes a process run instructions (a program) instead of bursts: watch its threads share variables and race.",
            ],
            ProgramLabel => ["프로그램 (x86.py 어셈블리)", "Program (x86.py assembly)"],
            ProgramHint => [
                "한 줄에 명령어 하나. .var 이름 으로 변수, .이름 으로 레이블, # 뒤는 주석입니다. 예: mov counter, %ax. 잠금: .mutex m 을 선언하고 lock m / unlock m. 세마포어: .sem s 1 을 선언하고 wait s / signal s.",
                "One instruction per line. .var name declares a variable, .name a label, # starts a comment. Example: mov counter, %ax. A lock: declare .mutex m, then lock m / unlock m. A semaphore: declare .sem s 1, then wait s / signal s.",
            ],
            RegistersLabel => ["초기 레지스터 (적지 않은 것은 0)", "Initial registers (unlisted: 0)"],
            Budget => ["명령어 예산", "Instruction budget"],
            Variable => ["변수", "Variable"],
            Address => ["주소", "Address"],
            Value => ["값", "Value"],
            Tick => ["틱", "Tick"],
            Step => ["명령어", "Instruction"],
            Effect => ["메모리", "Memory"],
            SyncObjects => ["뮤텍스와 세마포어", "Mutexes and semaphores"],
            SharedSyncObjects => [
                "공유 뮤텍스와 세마포어 (모든 프로세스)",
                "Shared mutexes and semaphores (all processes)",
            ],
            Queues => [
                "메시지 큐와 파이프 (프로세스끼리 공유, 담긴 값은 먼저 온 것부터)",
                "Message queues and pipes (shared by processes; values held, oldest first)",
            ],
            Messages => ["담긴 값, 개수/크기", "Held, count/size"],
            WaitingToSend => ["넣기 대기 (가득 참)", "Waiting to put (full)"],
            WaitingToReceive => ["꺼내기 대기 (빔)", "Waiting to take (empty)"],
            WriteEnds => ["열린 쓰기 끝", "Write ends open"],
            Shared => ["공유", "shared"],
            ShmTitle => ["공유 메모리: 각 주소 공간에 매핑된 세그먼트 하나", "Shared memory: one segment mapped into each address space"],
            ShmSegment => ["공유 메모리 세그먼트", "Shared memory segment"],
            ShmNoOwn => ["자기만의 변수 없음", "no variables of its own"],
            ShmOwn => ["자기만의 변수", "its own"],
            Kind => ["종류", "Kind"],
            Waiters => ["기다리는 스레드(앞부터)", "Waiting (oldest first)"],
            WaitsFor => ["기다리는 대상", "Waits for"],
            Waits => ["대기 중", "waiting"],
            Graph => ["자원 할당 그래프", "Resource-allocation graph"],
            GraphHint => [
                "동그라미는 스레드, 네모는 자원입니다. 스레드에서 자원으로 가는 화살표는 요청(기다림), 자원에서 스레드로 오는 화살표는 할당(가짐)입니다(Silberschatz처럼 둘 다 실선). 빨간 것이 순환 대기입니다.",
                "Circles are threads, squares resources. An arrow from a thread to a resource is a request (waiting), one from a resource to a thread an assignment (holding); both solid, as in Silberschatz. Red marks the circular wait.",
            ],
        }
    }
}

/// What "Hand back to the policy" did with `made` choices: the run shown is the policy's own,
/// from its start (a student had expected the policy to go on from her last choice).
pub fn set_aside_sentence(made: usize, lang: Lang) -> String {
    lang.pick([
        format!("직접 고른 {made}번의 선택을 치워 두었습니다. 지금 보이는 것은 t=0부터 정책이 스케줄한 실행입니다."),
        match made {
            1 => String::from("Your choice is set aside: the run shown is the policy's own, from t=0."),
            _ => format!("Your {made} choices are set aside: the run shown is the policy's own, from t=0."),
        },
    ])
}
