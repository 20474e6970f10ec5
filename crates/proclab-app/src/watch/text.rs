//! Words of the "watch the machine" view, in Korean and English (a typed catalogue: every entry
//! gives both, so a missing translation does not compile).

use crate::lang::{Lang, Words};
use proclab_core::ProcessState;
use proclab_view::SwitchView;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WatchText {
    Title,
    /// The playback buttons' toolbar.
    Playback,
    Play,
    Pause,
    Speed,
    ToStart,
    ToEnd,
    EventBack,
    EventForward,
    TickBack,
    TickForward,
    Scrub,
    Clock,
    KeyboardHelp,
    ReadyQueue,
    Io,
    Waiting,
    /// [`WatchText::Waiting`] where the box is too narrow for it.
    WaitingShort,
    /// [`WatchText::WaitingChannels`] where the box is too narrow for it.
    WaitingChannelsShort,
    WaitingChannels,
    LegendSyncWait,
    LegendChannel,
    Cpu,
    Idle,
    AwaitingChoice,
    Cache,
    CacheEmpty,
    Warm,
    Refilling,
    Cold,
    Trap,
    TrapExit,
    TrapTimer,
    TrapIo,
    SaveOutgoing,
    LoadIncoming,
    TrapShort,
    Level,
    ThreadSwitchShort,
    ProcessSwitchShort,
    LoadFromIdleShort,
    SaveOutgoingShort,
    LoadIncomingShort,
    Latency,
    Refill,
    ThreadSwitch,
    ProcessSwitch,
    /// A process's address space loaded with no thread before it on that CPU.
    LoadFromIdle,
    /// A process switch after the thread on the CPU exited: nothing to save either.
    LoadAfterExit,
    /// The save step of a switch with no thread to save.
    NothingToSave,
    /// Shown for a moment while the machine of a run of thousands of threads is computed.
    Preparing,
    Log,
    LogEmpty,
    /// The canvas's text alternative at a tick where nothing happens.
    NothingThisTick,
    /// Under the log when it leaves out older events.
    LogEarlier,
    StoppedDeadlocked,
    Inspector,
    InspectorHint,
    InspectorNameHint,
    InspectorNotFound,
    ReducedMotion,
    CanvasLabel,
    MachineNow,
    Loading,
    Times,
    TickOver,
    Present,
    PresentLeave,
    PresentHint,
    Legend,
    LegendQuantum,
    LegendQuantumLevel,
    LegendAllotment,
    LegendBurstLeft,
    LegendPredicted,
    LegendPriorityLow,
    LegendPriorityHigh,
    LegendRatio,
    LegendCount,
    LegendIo,
    LegendMore,
    LegendRing,
    LegendColour,
    LegendCache,
    LegendSwitch,
}

impl Words for WatchText {
    fn pair(self) -> [&'static str; 2] {
        match self {
            WatchText::Title => ["기계가 실행되는 모습 보기", "Watch the machine run"],
            WatchText::Playback => ["재생", "Playback"],
            WatchText::Play => ["재생", "Play"],
            WatchText::Pause => ["일시 정지", "Pause"],
            WatchText::Speed => ["속도", "Speed"],
            WatchText::ToStart => ["처음으로", "To start"],
            WatchText::ToEnd => ["끝으로", "To end"],
            WatchText::EventBack => ["이전 사건", "Previous event"],
            WatchText::EventForward => ["다음 사건", "Next event"],
            WatchText::TickBack => ["한 틱 뒤로", "One tick back"],
            WatchText::TickForward => ["한 틱 앞으로", "One tick forward"],
            WatchText::Scrub => ["시각", "Time"],
            // "t" in both: the playback bar above says "t = 4 / 30" in Korean too.
            WatchText::Clock => ["t", "t"],
            WatchText::KeyboardHelp => [
                "키보드: 스페이스 재생/정지, ←/→ 한 틱, Shift+←/→ 사건 단위, Home/End 처음/끝",
                "Keyboard: Space play/pause, ←/→ one tick, Shift+←/→ one event, Home/End start/end",
            ],
            WatchText::ReadyQueue => ["준비 큐", "Ready queue"],
            WatchText::Io => ["I/O 장치", "I/O devices"],
            // In words a student reads without the legend ("→ object (holder) · [places]" had
            // been a riddle on a projector).
            WatchText::Waiting => [
                "대기: I/O(남은 틱) · 스레드 → 기다리는 것(가진 스레드)",
                "Waiting: I/O (ticks left) · thread → what it waits for (holder)",
            ],
            WatchText::WaitingShort => ["대기 (→ 기다리는 것)", "Waiting (→ for what)"],
            WatchText::WaitingChannelsShort => ["대기 · 파이프·큐 [들어 있는 것]", "Waiting · pipe or queue [what it holds]"],
            WatchText::WaitingChannels => [
                "대기: I/O(남은 틱) · 스레드 → 기다리는 것 · 파이프·큐 [칸]",
                "Waiting: I/O (ticks left) · thread → what it waits for · pipe or queue [slots]",
            ],
            WatchText::Cpu => ["CPU", "CPU"],
            WatchText::Idle => ["유휴", "idle"],
            WatchText::AwaitingChoice => ["다음 선택을 기다림", "waiting for your next choice"],
            WatchText::Cache => ["캐시", "cache"],
            WatchText::CacheEmpty => ["비어 있음", "empty"],
            WatchText::Warm => ["따뜻함", "warm"],
            WatchText::Refilling => ["채우는 중", "refilling"],
            WatchText::Cold => ["차가움", "cold"],
            WatchText::Trap => ["① 인터럽트/시스템 콜로 커널 진입", "① Interrupt or system call enters the kernel"],
            WatchText::TrapExit => ["① exit 시스템 콜로 커널 진입", "① The exit system call enters the kernel"],
            WatchText::TrapTimer => ["① 타이머 인터럽트로 커널 진입", "① The timer interrupt enters the kernel"],
            WatchText::TrapIo => ["① I/O 시스템 콜로 커널 진입", "① The I/O system call enters the kernel"],
            WatchText::SaveOutgoing => ["② 레지스터와 PC를 PCB에 저장", "② Save registers and PC into its PCB"],
            WatchText::LoadIncoming => ["③ 다음 PCB를 CPU에 적재", "③ Load the next PCB into the CPU"],
            WatchText::TrapShort => ["① 커널 진입", "① Into the kernel"],
            WatchText::Level => ["준비 큐 {n}에서", "from queue {n}"],
            WatchText::ThreadSwitchShort => ["스레드 전환", "Thread switch"],
            WatchText::ProcessSwitchShort => ["프로세스 전환", "Process switch"],
            WatchText::LoadFromIdleShort => ["주소 공간 적재", "Load the address space"],
            WatchText::SaveOutgoingShort => ["② PCB에 저장", "② Save to its PCB"],
            WatchText::LoadIncomingShort => ["③ 다음 PCB 적재", "③ Load next PCB"],
            WatchText::Latency => ["디스패치 지연", "Dispatch latency"],
            WatchText::Refill => ["캐시 채우는 중", "Cache refill"],
            WatchText::ThreadSwitch => ["스레드 전환: 주소 공간 그대로", "Thread switch: same address space"],
            WatchText::ProcessSwitch => ["프로세스 전환: 주소 공간 교체", "Process switch: address space changes"],
            WatchText::LoadFromIdle => ["CPU가 쉬고 있었음: 다음 주소 공간 적재", "CPU was idle: load the next address space"],
            WatchText::LoadAfterExit => ["앞 프로세스 종료: 다음 주소 공간 적재", "Last one exited: load the next address space"],
            WatchText::NothingToSave => ["② 저장할 것 없음", "② Nothing to save"],
            WatchText::Preparing => ["기계를 준비하는 중…", "Preparing the machine…"],
            WatchText::Log => [
                "사건 기록: 최근 틱이 위, 한 틱 안에서는 일어난 순서 (원인 다음에 결과)",
                "Event log: newest tick first; within a tick, in the order it happened (cause before effect)",
            ],
            WatchText::LogEmpty => ["아직 아무 일도 없습니다.", "Nothing has happened yet."],
            WatchText::NothingThisTick => ["이 틱에는 새로 일어난 일이 없습니다.", "Nothing new happens at this tick."],
            WatchText::StoppedDeadlocked => ["· 교착 상태: 더 움직일 수 없음", "· deadlock: nothing can move"],
            WatchText::LogEarlier => ["최근 사건만 보입니다. 더 이전 사건은 재생 위치를 앞으로 옮기면 보입니다.", "Only the latest events are listed; move the playhead back to read earlier ones."],
            WatchText::Inspector => ["PCB 살펴보기", "PCB inspector"],
            WatchText::InspectorNameHint => [
                "그림의 토큰이나 큐 항목을 고르거나, 이름(예: P42, Web.worker)을 입력하고 Enter를 누르면 이 시각의 PCB가 보입니다.",
                "Pick a process (a token or a queue entry), or type its name (P42, Web.worker) and press Enter, to see its PCB at this tick.",
            ],
            WatchText::InspectorNotFound => [
                "이 실행에 그런 이름의 프로세스나 스레드가 없습니다.",
                "No process or thread of this run has that name.",
            ],
            WatchText::InspectorHint => [
                "그림의 토큰, 큐 항목, 아래 목록에서 프로세스를 고르면 이 시각의 PCB가 보입니다.",
                "Pick a process (a token, a queue entry, or the list below) to see its PCB at this tick.",
            ],
            WatchText::ReducedMotion => [
                "움직임 줄이기 설정에 따라 한 단계씩 보여 줍니다.",
                "Reduced motion is on: playback steps without animation.",
            ],
            WatchText::CanvasLabel => ["프로세스 상태 다이어그램과 기계", "Process state diagram and the machine"],
            WatchText::MachineNow => ["지금 기계의 상태", "The machine now"],
            WatchText::Loading => ["적재 중:", "loading"],
            // No-break spaces inside the brackets: a caption that wraps keeps them whole.
            WatchText::Times => [" ({n}개\u{a0}동시)", " ({n}\u{a0}at\u{a0}once)"],
            WatchText::TickOver => ["한 틱 끝(스케줄)", "its tick is over (schedule)"],
            WatchText::Present => ["발표 모드", "Presentation mode"],
            WatchText::PresentLeave => ["발표 모드 끝내기", "Leave presentation"],
            WatchText::PresentHint => [
                "그림만 화면 가득, 높은 대비로 보여 줍니다(글씨는 화면이 넓을수록 커집니다). 키보드 재생은 그대로 됩니다.",
                "Shows the machine alone, full screen and in high contrast (its type grows with the screen's width). Playback keys keep working.",
            ],
            WatchText::Legend => ["그림 읽는 법", "How to read the picture"],
            WatchText::LegendQuantum => [
                "q3: 이번 타임 슬라이스(퀀텀)가 3틱 남음 (준비 큐에서 q가 없으면 다음 디스패치 때 새 퀀텀을 받음)",
                "q3: 3 ticks left of its time slice (quantum); in the ready queue, no q means a fresh slice at its next dispatch",
            ],
            WatchText::LegendQuantumLevel => [
                "q3: 지금 단계의 타임 슬라이스(퀀텀)가 3틱 남음 (준비 큐에서 q가 없으면 다음 디스패치 때 그 단계의 새 퀀텀을 받음)",
                "q3: 3 ticks left of its time slice (quantum) at its level; in the ready queue, no q means a fresh slice of its level at its next dispatch",
            ],
            WatchText::LegendAllotment => [
                "a0: 이 단계에서 쓸 수 있는 할당량이 0퀀텀 남음 (다 쓰면 한 단계 내려감)",
                "a0: 0 quanta of allotment left at this level (when it runs out, the thread drops a level)",
            ],
            WatchText::LegendBurstLeft => [
                "r3: 지금 CPU 버스트가 3틱 남음 (SJF와 SRTF는 이 값이 가장 작은 스레드를 고름)",
                "r3: 3 ticks left of its CPU burst (SJF and SRTF pick the thread with the least)",
            ],
            WatchText::LegendPredicted => [
                "τ4.5: 다음 CPU 버스트의 예측 길이 4.5틱 (지수 평균; SJF는 예측이 가장 짧은 스레드를 고름)",
                "τ4.5: its next CPU burst predicted at 4.5 ticks (exponential averaging; SJF picks the shortest prediction)",
            ],
            WatchText::LegendPriorityLow => [
                "p2: 우선순위 번호 2 (번호가 작을수록 먼저 실행)",
                "p2: priority number 2 (the lower the number, the sooner it runs)",
            ],
            WatchText::LegendPriorityHigh => [
                "p2: 우선순위 번호 2 (번호가 클수록 먼저 실행)",
                "p2: priority number 2 (the higher the number, the sooner it runs)",
            ],
            WatchText::LegendRatio => [
                "R8/3: 응답률 (W + S) / S = (5 + 3) / 3: 5틱 기다렸고 다음 CPU 버스트가 3틱 (HRRN은 비율이 가장 큰 스레드를 고름)",
                "R8/3: response ratio (W + S) / S = (5 + 3) / 3: waited 5 ticks, next CPU burst 3 (HRRN picks the highest ratio)",
            ],
            WatchText::LegendCount => [
                "준비 (Ready) · 3: 이 상태에 있는 스레드 수",
                "Ready · 3: how many threads are in this state",
            ],
            WatchText::LegendIo => [
                "P1 (3): I/O가 끝나기까지 3틱 남음",
                "P1 (3): 3 ticks left until its I/O completes",
            ],
            WatchText::LegendSyncWait => [
                "P1.T2 → a (P1.T1): 뮤텍스 a를 기다림, a는 P1.T1이 가짐 (대기 그래프의 화살표 하나). P2 → s = 0: 값이 0인 세마포어 s를 기다림",
                "P1.T2 → a (P1.T1): waits for mutex a, which P1.T1 holds (one arrow of the wait-for graph). P2 → s = 0: waits for semaphore s, whose value is 0",
            ],
            WatchText::LegendChannel => [
                "P2 → c [· ·]: 파이프나 메시지 큐 c를 기다림, c의 두 자리가 모두 비어 있음 (·: 빈 자리). c [1 ·]: 아무도 기다리지 않는 c가 담은 것. EOF(파이프만): 파이프가 비었고 쓰기 끝이 모두 닫힘(read는 -1을 받음)",
                "P2 → c [· ·]: waits for pipe or message queue c, both of whose places are empty (·: an empty place). c [1 ·]: what c holds while nobody waits for it. EOF (pipes only): the pipe is empty and every write end is closed (a read gets -1)",
            ],
            WatchText::LegendMore => [
                "+4, …: 자리가 모자라 그리지 못한 스레드 수 (아래 글 목록에 모두 있음)",
                "+4, …: threads not drawn for lack of room (all are listed in the text below)",
            ],
            WatchText::LegendRing => [
                "굵은 테두리: 이번 틱에 움직이는 스레드나 고른 스레드; 주황 화살표: 이번 틱에 일어난 전이",
                "Thick ring: a thread moving at this tick, or the one picked; orange arrow: a transition taken at this tick",
            ],
            WatchText::LegendColour => [
                "색: 프로세스 (같은 프로세스의 스레드는 같은 색)",
                "Colour: the process (threads of one process share it)",
            ],
            WatchText::LegendCache => [
                "캐시 막대: 진한 부분은 지금 스레드에 따뜻한(이미 채워진) 줄, 중간 색은 채우는 중인 줄, 옅은 부분은 다른 프로세스의 줄",
                "Cache bar: solid lines are warm for the running thread, half-tone ones are still refilling, pale ones belong to others",
            ],
            WatchText::LegendSwitch => [
                "주황 패널: 프로세스 전환 (주소 공간 교체), 파란 패널: 같은 프로세스 안의 스레드 전환",
                "Orange panel: a process switch (the address space changes); blue panel: a switch between threads of one process",
            ],
        }
    }
}

/// How many ticks are left, in words (`2 ticks left`, `2틱 남음`).
pub fn ticks_left(left: u64, lang: Lang) -> String {
    lang.pick([
        format!("{left}틱 남음"),
        format!("{left} {} left", if left == 1 { "tick" } else { "ticks" }),
    ])
}

/// A state's name as the course writes it.
pub fn state_name(state: ProcessState, lang: Lang) -> &'static str {
    let [korean, english] = match state {
        ProcessState::New => ["생성 (New)", "New"],
        ProcessState::Ready => ["준비 (Ready)", "Ready"],
        ProcessState::Running => ["실행 (Running)", "Running"],
        ProcessState::Blocked => ["대기 (Blocked)", "Blocked"],
        ProcessState::Exit => ["종료 (Exit)", "Exit"],
    };
    lang.pick([korean, english])
}

/// The short name of a transition's cause, written beside its arrow; `by` names the preempting
/// thread when there is one.
pub fn cause_label(cause: &proclab_core::Cause, by: Option<&str>, lang: Lang) -> String {
    use proclab_core::Cause;
    // A wait names its object first in Korean ("메시지 큐 대기"): a caption wrapped at its space
    // breaks between the two, not inside a parenthesis ("대기(메시지" over "큐)").
    let [korean, english] = match cause {
        Cause::Admitted => ["승인", "admitted"],
        Cause::Dispatched { .. } => ["디스패치", "dispatch"],
        Cause::QuantumExpired => ["타이머 인터럽트", "timer interrupt"],
        Cause::Preempted { .. } => ["선점", "preempted"],
        Cause::IoRequested { .. } => ["I/O 요청", "I/O request"],
        Cause::IoCompleted => ["I/O 완료 인터럽트", "I/O completion interrupt"],
        Cause::Waits { object } if object.kind == proclab_core::SyncKind::Condition => {
            ["조건 변수 대기", "waits (condition)"]
        }
        Cause::Waits { object } if object.kind == proclab_core::SyncKind::Pipe => {
            ["파이프 대기", "waits (pipe)"]
        }
        Cause::Waits { object } if object.kind == proclab_core::SyncKind::Queue => {
            ["메시지 큐 대기", "waits (queue)"]
        }
        Cause::Waits { object }
            if matches!(
                object.kind,
                proclab_core::SyncKind::Semaphore | proclab_core::SyncKind::SharedSemaphore
            ) =>
        {
            ["세마포어 대기", "waits (semaphore)"]
        }
        Cause::Waits { .. } => ["뮤텍스 대기", "waits (mutex)"],
        Cause::Woken { .. } => ["깨어남", "woken"],
        Cause::Exited => ["종료", "exit"],
        Cause::Boosted => ["부스트", "boost"],
        Cause::Demoted { .. } => ["강등", "demoted"],
    };
    let name = lang.pick([korean, english]);
    match (cause, by) {
        (Cause::Preempted { .. }, Some(by)) => {
            lang.pick([format!("{by}에게 {name}"), format!("{name} by {by}")])
        }
        _ => name.to_string(),
    }
}

/// What kind of switch a CPU box says it is, in full and short: a process switch (the address
/// space changes) or a thread switch; with nothing to save, after idling or after the thread on
/// the CPU exited (said which: a switch after an exit had read as if no process had run). The
/// ticks after the dispatch (`later`: its latency, the cache refill) no longer know the thread
/// switched out, so they say what is true of every case.
pub fn switch_kind(view: &SwitchView, later: bool) -> (WatchText, WatchText) {
    let heavy = view.address_space_change;
    if heavy && later {
        (WatchText::LoadFromIdleShort, WatchText::LoadFromIdleShort)
    } else if heavy && view.outgoing.is_none() {
        match view.trigger {
            Some(proclab_core::Cause::Exited) => {
                (WatchText::LoadAfterExit, WatchText::LoadFromIdleShort)
            }
            _ => (WatchText::LoadFromIdle, WatchText::LoadFromIdleShort),
        }
    } else if heavy {
        (WatchText::ProcessSwitch, WatchText::ProcessSwitchShort)
    } else {
        (WatchText::ThreadSwitch, WatchText::ThreadSwitchShort)
    }
}
