//! The Practice section's words: labels, verdicts, and each exercise's policy and conventions
//! stated in plain Korean and English.

use super::exercise::{Difficulty, Exercise, Topic, WorkloadProblem};
use super::grade::{Column, Verdict};
use super::set::{Feedback, SetRules, SetupError};
use crate::lang::{Lang, Words};
use proclab_core::spec::PolicySpec;

/// Every fixed text of the Practice page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PracticeText {
    NavPractice,
    Title,
    Intro,
    /// The intro under a teacher's rule of marks only.
    IntroMarks,
    /// The intro under a teacher's rule of nothing checked until handed in.
    IntroHidden,
    Topic,
    Difficulty,
    NewSet,
    NewSetTitle,
    /// The folded set-up's summary, on a page opened from a set's link.
    MakeAnotherSet,
    Count,
    Seed,
    SeedPlaceholder,
    Exercise,
    Workload,
    Process,
    Arrival,
    Bursts,
    /// The bursts' heading when no process does I/O.
    CpuBurst,
    Priority,
    Rules,
    Gantt,
    GanttHelp,
    AddSegment,
    Idle,
    Switch,
    End,
    RemoveSegment,
    Table,
    Completion,
    Turnaround,
    Waiting,
    Response,
    Average,
    Check,
    Hint,
    /// Why Hint is off: every hint is shown.
    HintsAllShown,
    /// Why Hint is off: the checked chart is right; the explanation covers the wrong cell.
    HintsChartRight,
    /// Why Hint is off: every decision is in the chart, which has segments too many.
    HintsChartExtra,
    /// Why Hint is off: every answer checked is right.
    HintsNoneNeeded,
    Show,
    /// What Show does, and that the answers files note it.
    ShowNoted,
    /// Asked before an exercise not yet solved is shown in the simulator.
    ShowAsk,
    ShowConfirm,
    ShowCancel,
    /// The racing counter's button once question B holds an interleaving: it opens that one.
    ShowMine,
    CopyLink,
    LinkCopied,
    /// Beside the answers' downloads of a set with rules: why they carry no marks.
    ExportWithoutMarks,
    ExportJson,
    ExportCsv,
    AllRight,
    NextExercise,
    NotANumber,
    /// How a time is written, said after a cell that cannot be read.
    TickRule,
    /// How an average is written, said after an average that cannot be read.
    AverageRule,
    Missing,
    Right,
    Consistent,
    Wrong,
    Previous,
    Next,
    Hints,
    WorkedAnswer,
    BadLink,
    /// The simulator's invitation to work its run out by hand.
    PractiseOwnTitle,
    PractiseOwnIntro,
    PractiseOwnButton,
    PractiseEveryPolicy,
    PractiseFixFirst,
    /// An exercise of one's own workload, in its heading.
    OwnWorkload,
    SyncedFromOtherTab,
    BadCount,
    BadSeed,
    Summary,
    SegmentLabel,
    Who,
    Transition,
    From,
    To,
    Reason,
    Choose,
    RaceProgram,
    RaceQuestionA,
    RaceInterleaving,
    Step,
    Thread,
    RaceValue,
    RaceQuestionB,
    RaceTyped,
    RaceTypedHelp,
    RaceUndo,
    RaceClear,
    RaceNext,
    RaceDone,
    RaceResult,
    RaceValueResult,
    Instruction,
    MlfqQuestion,
    Level,
    SwitchProgram,
    Address,
    Saved,
    Loaded,
    Builder,
    BuilderIntro,
    Draw,
    AddExercise,
    BuilderList,
    BuilderEmpty,
    MoveUp,
    MoveDown,
    RemoveExercise,
    BuilderLink,
    /// Under the built list's link: the set open below is this list, or another one.
    BuiltIsOpen,
    BuiltIsNotOpen,
    CopyBuilderLink,
    OpenBuilt,
    CurrentSetLink,
    CurrentSetLinkAbove,
    StudentName,
    /// Before the name and the answers' downloads.
    HandIn,
    /// Said after an answers file was saved with no name typed.
    NoNameExported,
    SetFull,
    AlreadyInList,
    DeadlockGraph,
    DeadlockGraphHelp,
    DeadlockHolds,
    DeadlockWaitsFor,
    DeadlockHeldBy,
    DeadlockState,
    DeadlockQuestion,
    DeadlockYes,
    DeadlockNo,
    DeadlockBlocked,
    DeadlockCycle,
    SemaphoreSteps,
    SemaphoreStep,
    SemaphoreCall,
    SemaphoreStart,
    SemaphoreValue,
    SemaphoreWaits,
    SemaphoreAnswers,
    SemaphoreWaitsHelp,
    SemaphoreNotWaiting,
    Nothing,
    Finished,
    CanRun,
    Blocked,
}

impl Words for PracticeText {
    fn pair(self) -> [&'static str; 2] {
        use PracticeText::*;
        match self {
            NavPractice => ["연습", "Practice"],
            Title => ["연습: 먼저 풀고, 답마다 확인", "Practice: predict, then check, answer by answer"],
            Intro => ["손으로 풀어 답을 채운 뒤 확인을 누르세요. 답마다 맞음/틀림을 알려 주고, 첫 번째 잘못을 엔진의 기록으로 설명합니다.", "Work it out by hand, fill in your answers, then press Check: every answer is marked, and the first mistake is explained from the engine's own trace."],
            IntroMarks => ["손으로 풀어 답을 채운 뒤 확인을 누르세요. 선생님의 규칙에 따라 답마다 맞음/틀림만 알려 줍니다.", "Work it out by hand and fill in your answers, then press Check: under your teacher's rule, each answer is marked right or wrong, and that is all."],
            IntroHidden => ["손으로 풀어 답을 채우세요. 선생님의 규칙에 따라 제출할 때까지 채점하지 않습니다.", "Work it out by hand and fill in your answers: under your teacher's rule, nothing is checked until you hand them in."],
            Topic => ["주제", "Topic"],
            Difficulty => ["난이도", "Difficulty"],
            NewSet => ["새 문제 세트", "New set"],
            NewSetTitle => ["새 세트 만들기 (한 주제로)", "Start a new set (of one topic)"],
            MakeAnotherSet => ["다른 세트 만들기", "Make a different set"],
            Count => ["문제 수", "Exercises"],
            Seed => ["시드", "Seed"],
            SeedPlaceholder => ["무작위", "random"],
            Exercise => ["문제", "Exercise"],
            Workload => ["작업 부하", "Workload"],
            Process => ["프로세스", "Process"],
            Arrival => ["도착", "Arrival"],
            Bursts => ["버스트 (io2 = I/O 2틱)", "Bursts (io2 = 2 ticks of I/O)"],
            CpuBurst => ["CPU 버스트", "CPU burst"],
            Priority => ["우선순위", "Priority"],
            Rules => ["규칙", "Rules"],
            Gantt => ["간트 차트", "Gantt chart"],
            GanttHelp => ["CPU를 차지한 것(프로세스, 유휴, 문맥 교환)과 그 구간이 끝나는 시각을 차례로 더하세요. 같은 프로세스가 이어서 실행되면 한 구간입니다.", "Add, in order, what holds the CPU (a process, idle, or a context switch) and the tick its segment ends. A process that keeps running is one segment."],
            AddSegment => ["구간 추가", "Add segment"],
            Idle => ["유휴", "idle"],
            Switch => ["문맥 교환", "switch"],
            End => ["끝", "ends at"],
            RemoveSegment => ["구간 삭제", "Remove segment"],
            Table => ["프로세스별 시간", "Times per process"],
            Completion => ["완료", "Completion"],
            Turnaround => ["반환", "Turnaround"],
            Waiting => ["대기", "Waiting"],
            Response => ["응답", "Response"],
            Average => ["평균", "Average"],
            Check => ["확인", "Check"],
            Hint => ["힌트", "Hint"],
            HintsAllShown => ["힌트를 모두 보았습니다.", "Every hint is shown."],
            HintsChartRight => ["간트 차트는 맞습니다. 나머지 칸은 아래를 보세요.", "Your Gantt chart is right: for the other cells, see below."],
            HintsChartExtra => ["실행의 결정은 모두 차트에 맞게 있습니다. 남는 구간은 아래 설명을 보세요.", "Every decision of the run is right in your chart: the explanation below covers the segments too many."],
            HintsNoneNeeded => ["모두 맞았으니 힌트가 필요 없습니다.", "Everything is right: no hint is needed."],
            Show => ["시뮬레이터에서 보기", "Show in the simulator"],
            ShowAsk => ["시뮬레이터는 이 문제의 답을 모두 보여 주고, 답안 파일에 열어 본 것이 기록됩니다.", "The simulator shows every answer to this exercise, and your answers file notes that you looked."],
            ShowConfirm => ["답 보기", "Show the answers"],
            ShowCancel => ["계속 풀기", "Keep working"],
            ShowNoted => ["이 실행을 시뮬레이터에서 엽니다. 거기서는 모든 답이 보이므로 답안 파일에 열어 본 것이 기록됩니다.", "Opens this run in the simulator, where every answer shows: the answers files note that you did."],
            ShowMine => ["내 실행 순서(질문 B)를 시뮬레이터에서 보기", "Show my interleaving (question B) in the simulator"],
            CopyLink => ["세트 링크 복사", "Copy set link"],
            LinkCopied => ["링크를 복사했습니다", "Link copied"],
            ExportJson => ["답안 JSON", "Answers JSON"],
            ExportWithoutMarks => ["규칙이 있는 세트라 답안 파일에는 채점 없이 답만 담깁니다. 선생님의 채점표가 채점합니다.", "This set has rules, so the answers files hold your answers without marks: your teacher's gradebook marks them."],
            ExportCsv => ["답안 CSV", "Answers CSV"],
            AllRight => ["모두 맞았습니다!", "All correct!"],
            NextExercise => ["다음 문제 →", "Next exercise →"],
            NotANumber => ["읽을 수 없습니다: 답은 0 이상의 정수 틱입니다 (평균은 6.5 또는 13/2).", "Not read as a number of ticks: each answer is a whole number, 0 or more (averages as 6.5 or 13/2)."],
            TickRule => ["시간은 0 이상의 정수 틱으로 씁니다.", "Each time is a whole number of ticks, 0 or more."],
            AverageRule => ["평균은 6.5나 13/2처럼 씁니다.", "An average is written as 6.5 or 13/2."],
            Missing => ["비어 있음", "empty"],
            Right => ["맞음", "right"],
            Consistent => ["앞의 실수에서 올바르게 계산함", "consistent with an earlier slip"],
            Wrong => ["틀림", "wrong"],
            Previous => ["이전 문제", "Previous"],
            Next => ["다음 문제", "Next"],
            Hints => ["힌트", "Hints"],
            WorkedAnswer => ["풀이 전체 보기", "The whole worked answer"],
            SyncedFromOtherTab => ["이 세트를 연 다른 탭에서 쓴 답을 여기에도 가져왔습니다. 두 탭은 같은 답을 보여 주고, 어느 쪽도 다른 쪽의 답을 몰래 덮어쓰지 않습니다.", "Answers typed in another tab of this set were brought in here: both tabs show the same answers, and neither overwrites the other's unseen."],
            BadLink => ["이 세트 링크를 열 수 없습니다. 링크가 잘렸을 수 있으니 전체 링크를 다시 받으세요(주소 창에는 연 링크가 그대로 있습니다). 아래 세트는 그 링크의 세트가 아닙니다.", "This set link cannot be opened: it may have been cut short. Ask for the whole link (the address bar keeps the one you opened). The set below is not the one it names."],
            PractiseOwnTitle => ["이 작업 부하로 연습하기", "Practise this workload"],
            PractiseOwnIntro => ["이 실행의 간트 차트와 반환·대기·응답 시간을 손으로 풀어 보세요. 연습 페이지가 칸마다 확인하고 틀린 곳을 설명합니다. 그 페이지의 링크를 나누면 학생들이 같은 문제를 풉니다.", "Work this run's Gantt chart and its turnaround, waiting and response times out by hand: Practice checks every cell and explains the first mistake. Share that page's link and a class gets the same exercise."],
            PractiseOwnButton => ["연습 문제로 열기", "Open as an exercise"],
            PractiseEveryPolicy => ["정책마다 한 문제씩 세트로 열기", "Open as a set, one exercise per policy"],
            PractiseFixFirst => ["먼저 작업 부하의 고칠 곳을 고치세요. 연습 문제는 입력란에 있는 그대로의 작업 부하로 만듭니다.", "Fix the workload's problems first: the exercise is made of the workload as the form holds it."],
            OwnWorkload => ["직접 만든 작업 부하", "your own workload"],
            BadCount => ["문제 수는 1에서 20 사이의 정수여야 합니다.", "The number of exercises must be a whole number from 1 to 20."],
            BadSeed => ["시드는 정수(0 이상, 숫자 19개까지, 예: 42)이거나 비어 있어야 합니다(비우면 새로 고릅니다).", "The seed must be a whole number (0 or more, up to 19 digits, such as 42), or empty to pick a new one."],
            Summary => ["결과", "Result"],
            SegmentLabel => ["구간", "Segment"],
            Who => ["누가", "Who"],
            Transition => ["상태 전이", "State transition"],
            From => ["이전 상태", "From"],
            To => ["다음 상태", "To"],
            Reason => ["이유", "Why"],
            Choose => ["선택하세요", "choose"],
            RaceProgram => ["프로그램", "The program"],
            RaceQuestionA => ["질문 A: 이 실행 순서에서 counter는 얼마로 끝날까요?", "Question A: with this interleaving, what does the counter end at?"],
            RaceInterleaving => ["실행 순서 (한 단계에 명령어 하나)", "The interleaving (one instruction a step)"],
            Step => ["단계", "Step"],
            Thread => ["스레드", "Thread"],
            RaceValue => ["counter의 최종값", "Final value of counter"],
            RaceQuestionB => ["질문 B: counter가 틀린 값(증가 횟수보다 작은 값)으로 끝나는 실행 순서를 만드세요.", "Question B: write an interleaving that makes the counter end wrong (below the number of increments)."],
            RaceTyped => ["실행 순서 (스레드 번호)", "Interleaving (thread numbers)"],
            RaceTypedHelp => ["한 단계에 한 번호: 1 1 2 2 1 … 처럼 입력하거나 아래 버튼을 누르세요. 입력한 순서가 끝나면 남은 명령어를 스레드 1부터 끝까지 실행합니다.", "One number a step: type 1 1 2 2 1 … or press the buttons below. After your entries, what is left runs to the end, thread 1 first."],
            RaceUndo => ["마지막 항목 지우기", "Undo last"],
            RaceClear => ["모두 지우기", "Clear"],
            RaceNext => ["다음", "next"],
            RaceDone => ["끝남", "finished"],
            RaceResult => ["질문 B", "Question B"],
            RaceValueResult => ["질문 A", "Question A"],
            Instruction => ["명령어", "Instruction"],
            MlfqQuestion => ["틱 {t} 동안 각 작업의 단계", "The level of each job during tick {t}"],
            Level => ["단계", "level"],
            SwitchProgram => ["프로그램 (주소와 명령어)", "The program (address and instruction)"],
            Address => ["주소", "Address"],
            Saved => ["{t}의 TCB에 저장", "Saved into {t}'s TCB"],
            Loaded => ["{t}의 TCB에서 불러옴", "Loaded from {t}'s TCB"],
            Builder => ["섞은 세트 만들기", "Build a mixed set"],
            BuilderIntro => ["문제를 하나씩 고르세요: 주제, 난이도, 시드(입력하거나 뽑기). 목록에서 순서를 바꾸거나 빼고, 링크 하나로 전체 세트를 나누어 주세요. 링크를 연 학생은 모두 같은 문제를 받습니다.", "Choose exercises one by one: topic, difficulty and seed (typed or drawn). Reorder or remove them in the list, then share the whole set with one link: everyone who opens it gets the same exercises."],
            Draw => ["시드 뽑기", "Draw a seed"],
            AddExercise => ["목록에 추가", "Add to the list"],
            BuilderList => ["세트의 문제", "Exercises in the set"],
            BuilderEmpty => ["아직 고른 문제가 없습니다.", "No exercise chosen yet."],
            MoveUp => ["위로", "Move up"],
            MoveDown => ["아래로", "Move down"],
            RemoveExercise => ["빼기", "Remove"],
            BuilderLink => ["위에서 만든 세트의 링크(학생에게 보낼 링크)", "Link to the set built above (the one to send to students)"],
            BuiltIsOpen => ["아래에 열린 세트가 이 목록입니다.", "The set open below is this list."],
            BuiltIsNotOpen => ["아래에 열린 세트는 이 목록이 아닙니다. \"이 목록 풀기\"로 아래에 엽니다(제출된 답안 채점도 아래에 열린 세트와 견줍니다).", "The set open below is not this list: \"Solve this list\" opens it there (the gradebook also compares files with the set open below)."],
            CopyBuilderLink => ["목록의 링크 복사", "Copy the list's link"],
            OpenBuilt => ["이 목록 풀기", "Solve this list"],
            CurrentSetLink => ["아래에서 지금 푸는 세트의 링크", "Link to the set open below, the one being solved"],
            CurrentSetLinkAbove => ["위에서 지금 푸는 세트의 링크", "Link to the set above, the one being solved"],
            StudentName => ["이름(답안 파일에 들어감)", "Your name (goes in the files)"],
            HandIn => ["제출할 답안:", "Your answers, to hand in:"],
            NoNameExported => ["이름 없이 저장했습니다. 누구의 파일인지 알 수 있도록 이름 칸에 이름을 쓰고 다시 내려받으세요.", "Saved without a name: type your name in its box and export again, so your teacher can tell your file from the others."],
            DeadlockGraph => ["이 순간의 자원 할당 그래프 (표)", "The resource-allocation graph as a table (at this moment)"],
            DeadlockGraphHelp => ["줄마다 스레드 하나: 가진 뮤텍스(할당 간선), 기다리는 뮤텍스(요청 간선), 그 뮤텍스를 가진 스레드입니다. 뮤텍스는 한 번에 한 스레드만 가집니다. 그래프를 종이에 직접 그려 보며 순환을 찾으세요: 그것이 이 문제입니다.", "One row per thread: the mutexes it holds (assignment edges), the mutex it waits for (its request edge) and who holds that one. A mutex has one holder at a time. Draw it on paper if a picture helps: finding the cycle is the exercise."],
            DeadlockHolds => ["가진 것", "Holds"],
            DeadlockWaitsFor => ["기다리는 것", "Waits for"],
            DeadlockHeldBy => ["가진 스레드", "Held by"],
            DeadlockState => ["상태", "State"],
            DeadlockQuestion => ["이 순간 교착 상태가 있습니까?", "Is there a deadlock at this moment?"],
            DeadlockYes => ["예, 교착 상태입니다", "Yes, a deadlock"],
            DeadlockNo => ["아니요, 교착 상태가 아닙니다", "No deadlock"],
            DeadlockBlocked => ["영원히 기다리는 스레드 (없으면 비워 두세요)", "Threads that wait forever (none: leave all unticked)"],
            DeadlockCycle => ["대기 사이클을 이루는 스레드", "Threads on the cycle of waits"],
            SemaphoreSteps => ["실행한 연산 (순서대로)", "The operations, in order"],
            SemaphoreStep => ["단계", "Step"],
            SemaphoreCall => ["연산", "Operation"],
            SemaphoreStart => ["초깃값", "Starting values"],
            SemaphoreValue => ["마지막 단계 뒤 {name}의 값", "The value of {name} after the last step"],
            SemaphoreWaits => ["마지막 단계 뒤 각 스레드는 어디에서 기다립니까?", "After the last step, what does each thread wait on?"],
            SemaphoreAnswers => ["마지막 단계 뒤의 값과 기다리는 스레드", "The values and the waiting threads after the last step"],
            SemaphoreWaitsHelp => ["기다리지 않는 스레드(실행 가능)는 \"기다리지 않음\"을 고르세요.", "A thread that does not wait (it can run) is \"not waiting\"."],
            SemaphoreNotWaiting => ["기다리지 않음", "not waiting"],
            Nothing => ["없음", "nothing"],
            // The simulator's state names, so a student meets one set of words.
            Finished => ["종료 (Exit)", "Exit"],
            CanRun => ["실행 가능 (Ready·Running)", "can run (Ready or Running)"],
            Blocked => ["대기 (Blocked)", "Blocked"],
            SetFull => ["한 세트에는 문제가 20개까지 들어갑니다.", "A set holds at most 20 exercises."],
            AlreadyInList => ["이 문제(같은 주제, 난이도, 시드)는 이미 목록에 있습니다. 다른 문제를 넣으려면 시드를 비우거나 바꾸세요.", "This exercise (same topic, difficulty and seed) is already in the list. Leave the seed empty, or change it, for another one."],
        }
    }
}

impl WorkloadProblem {
    /// Why this workload cannot be an exercise, and what would make it one.
    pub fn message(self, lang: Lang) -> String {
        match self {
            WorkloadProblem::Invalid => lang.pick(["시나리오에 고칠 곳이 있어 연습 문제로 만들 수 없습니다.", "The scenario has problems to fix first."]).into(),
            WorkloadProblem::Policy => lang.pick(["이 작업 부하의 간트 차트 문제는 FCFS, SJF, SRTF, 우선순위, RR, HRRN으로만 만듭니다. 정책을 바꾸세요. (MLFQ는 연습 탭의 'MLFQ' 주제에서 만든 작업들의 단계를 묻습니다. 다단계 큐와 로터리 문제는 아직 없습니다.)", "A Gantt-chart exercise of this workload takes FCFS, SJF, SRTF, Priority, RR or HRRN: pick one of those policies. (MLFQ has its own topic in Practice, which asks the levels of generated jobs; the multilevel queue and lottery have none yet.)"]).into(),
            WorkloadProblem::Prediction => lang.pick(["연습 문제의 SJF는 실제 버스트로 고릅니다. 버스트 예측을 끄세요.", "An exercise's SJF picks by the real bursts: turn off burst prediction."]).into(),
            WorkloadProblem::Aging => lang.pick(["연습 문제의 우선순위 스케줄링에는 에이징이 없습니다. 에이징을 끄세요.", "An exercise's priority scheduling has no aging: turn aging off."]).into(),
            WorkloadProblem::Cpus => lang.pick(["연습 문제는 CPU 하나로만 만듭니다. 머신 설정에서 CPU를 1개로 하세요.", "Exercises are made for one CPU: set the machine to 1 CPU."]).into(),
            WorkloadProblem::Threads => lang.pick(["연습 문제는 스레드가 하나인 프로세스로만 만듭니다.", "Exercises are made of processes of one thread each."]).into(),
            WorkloadProblem::Programs => lang.pick(["직접 만든 작업 부하의 연습 문제는 CPU와 I/O 버스트로만 만듭니다. 프로그램과 lock, wait 같은 연산은 연습 페이지의 경쟁하는 카운터, 세마포어, 교착 상태 주제에서 연습하세요.", "An exercise of one's own workload is made of CPU and I/O bursts only. Programs and operations such as lock and wait are practised in Practice's racing counter, semaphore and deadlock topics."]).into(),
            WorkloadProblem::Cache => lang.pick(["연습 문제에는 캐시 모델이 없습니다. 머신 설정에서 캐시 모델을 끄세요.", "Exercises have no cache model: turn it off in the machine settings."]).into(),
            WorkloadProblem::KernelEntry => lang.pick(["연습 문제에는 커널 진입 비용이 없습니다. 머신 설정에서 0으로 하세요.", "Exercises have no kernel-entry cost: set it to 0 in the machine settings."]).into(),
            WorkloadProblem::Schedule => lang.pick(["직접 고른 실행 순서가 있습니다. 연습 문제는 정책이 스케줄하니 '정책에 맡기기'를 누르세요.", "A schedule chosen by hand is in force: in an exercise the policy schedules, so press 'Hand back to the policy'."]).into(),
            WorkloadProblem::TooManyProcesses => lang.pick([format!("연습 문제의 프로세스는 {}개까지입니다.", super::exercise::MAX_OWN_PROCESSES), format!("An exercise has at most {} processes.", super::exercise::MAX_OWN_PROCESSES)]),
            WorkloadProblem::TooLong => lang.pick([format!("연습 문제의 실행은 {}틱 안에 끝나야 합니다.", super::exercise::MAX_OWN_TICKS), format!("An exercise's run must end within {} ticks.", super::exercise::MAX_OWN_TICKS)]),
        }
    }
}

impl SetupError {
    /// What is wrong, in words (the field keeps what was typed).
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            SetupError::Count => PracticeText::BadCount,
            SetupError::Seed => PracticeText::BadSeed,
            SetupError::Full => PracticeText::SetFull,
            SetupError::AlreadyInList => PracticeText::AlreadyInList,
        }
        .get(lang)
    }
}

impl Topic {
    /// The topic's name.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Topic::Fcfs => ["FCFS (선입선출)", "FCFS (first come, first served)"],
            Topic::Sjf => ["SJF (비선점 최단 작업 우선)", "SJF (shortest job first)"],
            Topic::Srtf => [
                "SRTF (최단 잔여 시간 우선)",
                "SRTF (shortest remaining time first)",
            ],
            Topic::Priority => ["우선순위", "Priority"],
            Topic::Rr => ["라운드 로빈", "Round robin"],
            Topic::Hrrn => [
                "HRRN (최고 응답률 우선)",
                "HRRN (highest response ratio next)",
            ],
            Topic::Race => [
                "경쟁하는 카운터 (경쟁 조건)",
                "Racing counter (race condition)",
            ],
            Topic::Switch => [
                "문맥 교환 (PC와 레지스터)",
                "Context switch (PC and registers)",
            ],
            Topic::Mlfq => ["MLFQ: 각 작업의 단계", "MLFQ: the level of each job"],
            Topic::Deadlock => [
                "교착 상태 (자원 할당 그래프)",
                "Deadlock (resource-allocation graph)",
            ],
            Topic::Semaphore => ["세마포어 (wait와 signal)", "Semaphores (wait and signal)"],
            Topic::Pipe => [
                "파이프 (IPC: write, read, close)",
                "Pipe (IPC: write, read and close)",
            ],
        })
    }
}

impl Difficulty {
    /// The level's name for `topic` (the racing counter's levels are counted in threads).
    pub fn label_for(self, topic: Topic, lang: Lang) -> &'static str {
        if topic == Topic::Mlfq {
            return lang.pick(match self {
                Difficulty::Easy => ["쉬움 (작업 4개)", "Easy (4 jobs)"],
                Difficulty::Medium => [
                    "보통 (단계 0의 할당량 2퀀텀)",
                    "Medium (allotment of 2 quanta at level 0)",
                ],
                Difficulty::Hard => ["어려움 (I/O, 우선순위 상향)", "Hard (I/O, priority boost)"],
            });
        }
        if topic == Topic::Switch {
            return lang.pick(match self {
                Difficulty::Easy => ["쉬움 (스레드 2개)", "Easy (2 threads)"],
                Difficulty::Medium => ["보통 (스레드 3개)", "Medium (3 threads)"],
                Difficulty::Hard => [
                    "어려움 (프로세스 2개, 스레드 4개)",
                    "Hard (2 processes, 4 threads)",
                ],
            });
        }
        if topic == Topic::Deadlock {
            return lang.pick(match self {
                Difficulty::Easy => [
                    "쉬움 (스레드 2개, 뮤텍스 2개)",
                    "Easy (2 threads, 2 mutexes)",
                ],
                Difficulty::Medium => [
                    "보통 (스레드 3개, 뮤텍스 3개, 사이클)",
                    "Medium (3 threads, 3 mutexes, the cycle)",
                ],
                Difficulty::Hard => [
                    "어려움 (스레드 4개, 뮤텍스 4개, 사이클)",
                    "Hard (4 threads, 4 mutexes, the cycle)",
                ],
            });
        }
        if topic == Topic::Semaphore {
            return lang.pick(match self {
                Difficulty::Easy => [
                    "쉬움 (스레드 2개, 신호 보내기)",
                    "Easy (2 threads, signalling)",
                ],
                Difficulty::Medium => [
                    "보통 (스레드 3개, 자원 세기)",
                    "Medium (3 threads, counting a resource)",
                ],
                Difficulty::Hard => [
                    "어려움 (생산자-소비자, 세마포어 2개)",
                    "Hard (producer-consumer, 2 semaphores)",
                ],
            });
        }
        if topic == Topic::Pipe {
            return lang.pick(match self {
                Difficulty::Easy => [
                    "쉬움 (쓰는 프로세스 1, 읽는 프로세스 1)",
                    "Easy (a writer and a reader)",
                ],
                Difficulty::Medium => [
                    "보통 (쓰는 프로세스 2, 읽는 프로세스 1)",
                    "Medium (two writers, a reader)",
                ],
                Difficulty::Hard => [
                    "어려움 (close와 파일 끝, 읽는 프로세스 2)",
                    "Hard (close and end-of-file, two readers)",
                ],
            });
        }
        if topic != Topic::Race {
            return self.label(lang);
        }
        lang.pick(match self {
            Difficulty::Easy => [
                "쉬움 (스레드 2개, 1번씩 증가)",
                "Easy (2 threads, 1 increment each)",
            ],
            Difficulty::Medium => [
                "보통 (스레드 2개, 2번씩 증가)",
                "Medium (2 threads, 2 increments each)",
            ],
            Difficulty::Hard => ["어려움 (스레드 3개)", "Hard (3 threads)"],
        })
    }

    /// A scheduling exercise's level, with what it holds (as `options` in `exercise.rs` draws it).
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Difficulty::Easy => [
                "쉬움 (프로세스 4개, 버스트 하나씩)",
                "Easy (4 processes, one burst each)",
            ],
            Difficulty::Medium => [
                "보통 (프로세스 5개, 더 긴 버스트)",
                "Medium (5 processes, longer bursts)",
            ],
            Difficulty::Hard => ["어려움 (I/O, 문맥 교환)", "Hard (I/O, context switch)"],
        })
    }
}

impl Column {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Column::Completion => PracticeText::Completion,
            Column::Turnaround => PracticeText::Turnaround,
            Column::Waiting => PracticeText::Waiting,
            Column::Response => PracticeText::Response,
        }
        .get(lang)
    }
}

impl Verdict {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Right => PracticeText::Right,
            Verdict::Consistent => PracticeText::Consistent,
            Verdict::Wrong => PracticeText::Wrong,
            Verdict::Missing => PracticeText::Missing,
            Verdict::NotANumber => PracticeText::NotANumber,
        }
        .get(lang)
    }

    /// A short mark shown in the cell (the full verdict is in its label).
    pub fn mark(self) -> &'static str {
        match self {
            Verdict::Right => "✓",
            Verdict::Consistent => "≈",
            Verdict::Wrong => "✗",
            Verdict::Missing => "…",
            Verdict::NotANumber => "?",
        }
    }
}

/// The policy with its parameters, in a sentence.
/// What a student opening a set's link is told: what the set is and how to hand it in.
pub fn from_link(count: usize, rules: SetRules, lang: Lang) -> String {
    if rules.feedback == Feedback::Hidden {
        return lang.pick([
            format!("링크로 받은 세트입니다 (문제 {count}개). 여기서 푸세요. 답은 이 브라우저에 저장됩니다. 제출하려면 페이지 맨 아래에 이름을 쓰고 답을 JSON으로 내려받아 그 파일을 내세요."),
            format!("This set came from a link ({count} {}). Solve {} here; your answers stay in this browser. To hand them in, type your name at the end of the page, save your answers as JSON and hand in that file.", if count == 1 { "exercise" } else { "exercises" }, if count == 1 { "it" } else { "them" }),
        ]);
    }
    if !rules.explains() {
        return lang.pick([
            format!("링크로 받은 세트입니다 (문제 {count}개). 여기서 풀고 확인을 누르세요. 답은 이 브라우저에 저장됩니다. 제출하려면 페이지 맨 아래에 이름을 쓰고 답을 JSON으로 내려받아 그 파일을 내세요(CSV는 표로 읽기용이며, 모든 학생의 파일을 한 표에 모을 수 있도록 어느 언어에서든 영어로 씁니다). 답안 파일에는 확인을 누른 횟수도 적힙니다."),
            format!("This set came from a link ({count} {}). Solve {} here and press Check; your answers stay in this browser. To hand them in, type your name at the end of the page, save your answers as JSON and hand in that file (the CSV is for reading in a spreadsheet, in English in either language so that every student's file joins one sheet). The files also say how many times you pressed Check.", if count == 1 { "exercise" } else { "exercises" }, if count == 1 { "it" } else { "them" }),
        ]);
    }
    lang.pick([
        format!("링크로 받은 세트입니다 (문제 {count}개). 여기서 풀고 확인을 누르세요. 답은 이 브라우저에 저장됩니다. 제출하려면 페이지 맨 아래에 이름을 쓰고 답을 JSON으로 내려받아 그 파일을 내세요(CSV는 표로 읽기용이며, 모든 학생의 파일을 한 표에 모을 수 있도록 어느 언어에서든 영어로 씁니다). 답안 파일에는 확인을 누른 횟수와, 모든 답이 보이는 시뮬레이터에서 열어 보았는지도 적힙니다."),
        format!("This set came from a link ({count} {}). Solve {} here and press Check; your answers stay in this browser. To hand them in, type your name at the end of the page, save your answers as JSON and hand in that file (the CSV is for reading in a spreadsheet, in English in either language so that every student's file joins one sheet). The files also say how many times you pressed Check and whether you opened an exercise in the simulator, where every answer shows.", if count == 1 { "exercise" } else { "exercises" }, if count == 1 { "it" } else { "them" }),
    ])
}

/// A set's rules as its student reads them, with the checks left on the exercise on screen
/// (`used` so far); empty for a set without rules. `charted`: the exercise is a Gantt chart
/// and its times, whose marks include ≈ and the gaps of missing segments (a race's or a
/// deadlock's answers have neither).
pub fn rules_sentence(rules: SetRules, used: u32, charted: bool, lang: Lang) -> String {
    let feedback = match rules.feedback {
        Feedback::Full => return match rules.checks_left(used) {
            None => String::new(),
            Some(left) => lang.pick([
                format!("선생님의 규칙: 문제마다 확인 {}번 (이 문제는 {left}번 남음).", rules.checks.unwrap_or(0)),
                format!("Your teacher's rule: {} per exercise ({left} left for this one).", checks_en(rules.checks.unwrap_or(0))),
            ]),
        },
        Feedback::Marks if charted => lang.pick([
            "선생님의 규칙: 확인은 칸마다 맞고 틀림만 표시합니다(앞 칸의 실수에서 맞게 계산한 칸은 ≈, 빠진 구간은 그 자리에). 풀이 설명, 힌트, 시뮬레이터에서 보기는 없습니다.",
            "Your teacher's rule: Check marks each cell right or wrong (≈ where it follows rightly from an earlier slip, a gap where segments are missing), and that is all: no explanations, hints or simulator.",
        ]),
        Feedback::Marks => lang.pick([
            "선생님의 규칙: 확인은 답마다 맞고 틀림만 표시합니다. 풀이 설명, 힌트, 시뮬레이터에서 보기는 없습니다.",
            "Your teacher's rule: Check marks each answer right or wrong, and that is all: no explanations, hints or simulator.",
        ]),
        Feedback::Hidden => {
            return lang
                .pick([
                    "선생님의 규칙: 제출할 때까지 채점하지 않습니다. 모든 문제를 풀고 이름을 쓴 뒤 \"답안 JSON\"을 내려받아 제출하세요. 선생님이 그 파일을 채점합니다.",
                    "Your teacher's rule: nothing is checked until you hand in. Solve every exercise, type your name, save \"Answers JSON\" and hand in that file: your teacher grades it.",
                ])
                .to_string()
        }
    };
    match rules.checks_left(used) {
        None => feedback.to_string(),
        Some(left) => lang.pick([
            format!(
                "{feedback} 문제마다 확인 {}번 (이 문제는 {left}번 남음).",
                rules.checks.unwrap_or(0)
            ),
            format!(
                "{feedback} {} per exercise ({left} left for this one).",
                checks_en(rules.checks.unwrap_or(0))
            ),
        ]),
    }
}

/// Said after the rules when the exercise on screen is out of checks and its answer changed
/// since the last one: what is handed in is graded as it is, unchecked (the gradebook says so).
pub fn changed_unchecked_sentence(lang: Lang) -> &'static str {
    lang.pick([
        "마지막 확인 뒤에 답을 고쳤고 남은 확인이 없습니다: 낸 답 그대로 채점되며, 확인 뒤에 고친 답이라고 선생님께 표시됩니다.",
        "Your answer has changed since its last check and no check is left: it is graded as you hand it in, and your teacher sees that it changed after the last check.",
    ])
}

/// Said when a Check under a limit of checks was not counted because `unreadable` cells (each
/// its name and what was typed) cannot be read: which, and what to do.
pub fn check_not_counted_sentence(unreadable: &[(String, String)], lang: Lang) -> String {
    let cells = unreadable
        .iter()
        .map(|(cell, typed)| format!("{cell} (“{}”)", typed.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let count = unreadable.len();
    lang.pick([
        format!("읽을 수 없는 칸이 {count}개 있습니다: {cells}. 고친 뒤 다시 확인을 누르세요. 이번 확인은 횟수에 세지 않았습니다."),
        format!(
            "{} {cells}. Correct {} and press Check again: this check was not counted.",
            match count {
                1 => String::from("1 cell cannot be read:"),
                _ => format!("{count} cells cannot be read:"),
            },
            if count == 1 { "it" } else { "them" }
        ),
    ])
}

/// "1 check", "2 checks".
fn checks_en(count: u8) -> String {
    match count {
        1 => String::from("1 check"),
        _ => format!("{count} checks"),
    }
}

/// A set's rules as a teacher chose them, in a few words (the gradebook, the rules' summary).
pub fn rules_label(rules: SetRules, lang: Lang) -> String {
    let feedback = match rules.feedback {
        Feedback::Full => lang.pick(["채점과 설명", "marks and explanations"]),
        Feedback::Marks => lang.pick(["맞고 틀림만", "marks only"]),
        Feedback::Hidden => lang.pick(["제출 전 채점 없음", "nothing until handed in"]),
    };
    match rules.checks {
        Some(checks) if rules.feedback != Feedback::Hidden => lang.pick([
            format!("{feedback}, 문제마다 확인 {checks}번"),
            format!("{feedback}, {} per exercise", checks_en(checks)),
        ]),
        _ => feedback.to_string(),
    }
}

pub fn policy_sentence(exercise: &Exercise, lang: Lang) -> String {
    match &exercise.spec.policy {
        PolicySpec::Fcfs => lang.pick(["FCFS: 준비 큐에 먼저 들어온 프로세스가 먼저 끝까지 실행됩니다.", "FCFS: the process that entered the ready queue first runs to the end of its burst."]).into(),
        PolicySpec::Sjf { .. } => lang.pick(["비선점 SJF: CPU가 비면 다음 CPU 버스트가 가장 짧은 프로세스가 버스트 끝까지 실행됩니다.", "Non-preemptive SJF: when the CPU is free, the process with the shortest next CPU burst runs to the end of it."]).into(),
        PolicySpec::Srtf => lang.pick(["SRTF(선점형 SJF): 지금 CPU 버스트의 남은 시간이 더 짧은 프로세스가 준비되면 실행 중인 프로세스를 선점합니다. 같으면 선점하지 않습니다.", "SRTF (preemptive SJF): a process that becomes ready with strictly less time left in its current CPU burst preempts the running one; an equal time never preempts."]).into(),
        PolicySpec::Priority { preemptive, .. } => {
            let mode = if *preemptive {
                lang.pick(["선점형: 더 높은 우선순위가 준비되면 실행 중인 프로세스를 선점합니다(같으면 선점 안 함).", "Preemptive: a strictly higher priority that becomes ready preempts the running process."])
            } else {
                lang.pick(["비선점형: 실행 중인 프로세스는 버스트를 끝까지 실행합니다.", "Non-preemptive: the running process finishes its burst."])
            };
            lang.pick([format!("우선순위: 작은 수가 높은 우선순위입니다. {mode}"), format!("Priority: a lower number is a higher priority. {mode}")])
        }
        PolicySpec::Rr { quantum } => lang.pick([format!("라운드 로빈, 타임 퀀텀 {quantum}: 퀀텀이 끝난 프로세스는 준비 큐의 맨 뒤로 갑니다."), format!("Round robin, quantum {quantum}: a process whose quantum runs out goes to the back of the ready queue.")]),
        PolicySpec::Hrrn => lang.pick(["HRRN(비선점): CPU가 비면 응답률 (W + S) / S가 가장 높은 프로세스가 실행됩니다. W는 마지막으로 준비 큐에 들어온 뒤 기다린 시간(I/O 전의 대기는 빼고), S는 다음 CPU 버스트입니다.", "HRRN (non-preemptive): when the CPU is free, the process with the highest response ratio (W + S) / S runs, W being the time it has waited since it last entered the ready queue (waits before an I/O do not count) and S its next CPU burst."]).into(),
        _ => String::new(),
    }
}

/// The conventions in force, one sentence each, for a student who may open the exercise in the
/// simulator.
pub fn conventions(exercise: &Exercise, lang: Lang) -> Vec<String> {
    conventions_for(exercise, true, lang)
}

/// The conventions in force, one sentence each; without the sentences about the simulator where
/// a teacher's rules do not offer it (`simulator` false).
pub fn conventions_for(exercise: &Exercise, simulator: bool, lang: Lang) -> Vec<String> {
    if exercise.is_race() {
        return race_rules(exercise, lang);
    }
    if let Some(point) = exercise.switch {
        return super::switch::rules(&exercise.run, point, lang);
    }
    if let Some(asked) = exercise.asked {
        return super::mlfq::rules(&exercise.run, asked, lang);
    }
    if exercise.is_deadlock() {
        return deadlock_rules(exercise, lang);
    }
    if exercise.is_semaphore() {
        return semaphore_rules(exercise, simulator, lang);
    }
    if exercise.is_pipe() {
        return pipe_rules(exercise, lang);
    }
    // A workload of one's own may change a convention: the sentence stating the default is then
    // left out and the changed one said in its place, and only where it can matter here.
    use proclab_core::Convention;
    let changed: Vec<Convention> = if exercise.own {
        Convention::differing(exercise.run.scenario().conventions())
            .filter(|convention| matters(*convention, exercise))
            .collect()
    } else {
        Vec::new()
    };
    let default = |convention: Convention| !changed.contains(&convention);
    let mut rules = vec![policy_sentence(exercise, lang)];
    rules.push(if default(Convention::CyclicScan) {
        lang.pick(["한 CPU, 시간은 정수 틱입니다. 동점이면 준비 큐에 먼저 들어온 프로세스가 먼저입니다.", "One CPU; time is in whole ticks. Ties go to the process that entered the ready queue first."]).into()
    } else {
        lang.pick(["한 CPU, 시간은 정수 틱입니다.", "One CPU; time is in whole ticks."]).into()
    });
    if exercise.own && default(Convention::CyclicScan) && exercise.ties_by_order() {
        rules.push(
            lang.pick([
                "그래도 같으면 작업 부하에 먼저 적힌 프로세스가 먼저입니다.",
                "A tie left after that goes to the process listed first in the workload.",
            ])
            .into(),
        );
    }
    if matches!(exercise.spec.policy, PolicySpec::Rr { .. })
        && default(Convention::RequeueBeforeArrivals)
    {
        rules.push(lang.pick(["퀀텀이 끝나는 순간 다른 프로세스가 도착하면, 도착한 프로세스가 먼저 준비 큐에 들어갑니다.", "When a quantum ends at the tick another process arrives, the arriving process joins the ready queue first."]).into());
    }
    // Where an arrival can preempt: the order of the two at that tick.
    let preempts = matches!(
        exercise.spec.policy,
        PolicySpec::Srtf
            | PolicySpec::Priority {
                preemptive: true,
                ..
            }
    );
    if preempts {
        rules.push(lang.pick(["선점된 프로세스는 그 순간에 도착한 프로세스들 뒤에 준비 큐로 돌아갑니다.", "A preempted process goes back to the ready queue after the processes arriving at that tick."]).into());
    }
    if exercise.has_io() {
        rules.push(lang.pick(["버스트 '3 io2 4'는 CPU 3, I/O 2, CPU 4입니다. 대기 시간은 준비 큐에 있던 시간만 셉니다.", "Bursts '3 io2 4' mean CPU 3, I/O 2, CPU 4. Waiting counts only time in the ready queue."]).into());
        if default(Convention::ArrivalsBeforeIo) && default(Convention::IoCompletionPreempts) {
            rules.push(lang.pick(["I/O가 끝나면 준비 큐의 맨 뒤로 갑니다(같은 순간의 도착보다 먼저).", "A process whose I/O ends joins the back of the ready queue (before arrivals of the same tick)."]).into());
        }
    }
    if exercise.spec.machine.dispatch_latency > 0 {
        rules.push(lang.pick([format!("CPU가 마지막으로 실행한 것과 다른 프로세스를 실행할 때마다(사이에 유휴가 있어도, 맨 처음은 빼고) 문맥 교환에 {}틱이 걸립니다. 유휴 뒤 같은 프로세스가 다시 실행되면 문맥 교환은 없습니다. 이 시간은 대기 시간이 아닙니다.", exercise.spec.machine.dispatch_latency), format!("Every time the CPU runs a process other than the one it ran last (even with idle time between them, but not the very first time), a context switch takes {} {}; the same process running again after idle time needs none. That time is not waiting.", exercise.spec.machine.dispatch_latency, crate::lang::ticks(exercise.spec.machine.dispatch_latency))]));
    }
    for convention in &changed {
        let (label, _) = crate::terms::convention_words(*convention, lang);
        rules.push(lang.pick([
            format!("이 문제의 규칙: {label}."),
            format!("In this exercise: {label}."),
        ]));
    }
    if changed.contains(&Convention::IoCompletionPreempts) {
        rules.push(lang.pick(["I/O를 마친 프로세스에게 CPU를 빼앗긴 프로세스는 준비 큐의 맨 앞으로 돌아가, 다음에 남은 퀀텀으로 이어서 실행합니다.", "A process whose CPU an I/O completion takes goes back to the head of the ready queue and later resumes with the rest of its quantum."]).into());
    }
    rules.push(lang.pick(["반환 = 완료 − 도착, 대기 = 준비 큐에 있던 시간, 응답 = 처음 실행 − 도착. 평균은 분수로, 또는 소수 둘째 자리 이상까지 반올림하거나 버려서(17/3은 5.67도 5.66도 맞음).", "Turnaround = completion − arrival, waiting = time in the ready queue, response = first run − arrival. Averages as a fraction, or to two decimals or more, rounded or cut off (17/3: 5.67 or 5.66)."]).into());
    rules
}

/// Whether a changed convention can change a chart exercise's schedule: the quantum's re-entry
/// only under round robin, the order and handling of I/O only with I/O, the boosts never (no
/// MLFQ chart), the timer across an exit never (no programs).
fn matters(convention: proclab_core::Convention, exercise: &Exercise) -> bool {
    use proclab_core::Convention;
    match convention {
        Convention::RequeueBeforeArrivals => matches!(exercise.spec.policy, PolicySpec::Rr { .. }),
        Convention::ArrivalsBeforeIo
        | Convention::IoCompletionPreempts
        | Convention::SingleIoDevice
        | Convention::HoldCpuDuringIo => exercise.has_io(),
        Convention::BoostBeforeArrivals
        | Convention::BoostLowestFirst
        | Convention::TimerContinuesAfterExit => false,
        Convention::CyclicScan | Convention::DispatchAtSliceEnd => true,
    }
}

/// The deadlock exercise's set-up, one sentence each.
fn deadlock_rules(exercise: &Exercise, lang: Lang) -> Vec<String> {
    let (threads, locks) = super::deadlock::shape(exercise.id.difficulty);
    let quantum = match exercise.spec.policy {
        PolicySpec::Rr { quantum } => quantum,
        _ => 0,
    };
    vec![
        if locks == 2 {
            lang.pick([
                format!("한 프로세스의 스레드 {threads}개가 아래 프로그램을 실행합니다. 각 스레드는 뮤텍스 두 개를 모두 자기 순서대로 잠그고(lock), 둘 다 가진 뒤에 풀고(unlock) 끝납니다."),
                format!("{threads} threads of one process run the program below. Each locks both mutexes in its own order and, once it holds both, unlocks them and halts."),
            ])
        } else {
            lang.pick([
                format!("한 프로세스의 스레드 {threads}개가 아래 프로그램을 실행합니다. 각 스레드는 뮤텍스 {locks}개 중 두 개를 자기 순서대로 잠그고(lock), 둘 다 가진 뒤에 풀고(unlock) 끝납니다."),
                format!("{threads} threads of one process run the program below. Each locks two of the {locks} mutexes in its own order and, once it holds both, unlocks them and halts."),
            ])
        },
        // `test $1, %bx` is x86.py's compare, not x86's bitwise AND: a reader who knows x86 had
        // read the branches backwards.
        {
            // Each thread but T1 to its own part (T1, %bx = 0, matches no test and falls to .t1).
            let ko = (2..=threads).map(|t| format!("T{t}는 .t{t}{}", if t == 3 || t == 6 { "으로" } else { "로" })).collect::<Vec<_>>().join(", ");
            let en = (2..=threads).map(|t| format!("T{t} {}to .t{t}", if t == 2 { "goes " } else { "" })).collect::<Vec<_>>().join(", ");
            let (ko, en) = (format!("{ko} 갑니다"), format!("{en}, and T1 falls through to .t1"));
            lang.pick([
                format!("스레드 Tn의 %bx는 n − 1입니다. test $k, %bx는 x86.py의 명령대로 %bx를 k와 비교하고(x86의 비트 AND가 아님), je는 둘이 같을 때 뜁니다: 그래서 {ko}(T1은 %bx가 0이라 어떤 test와도 같지 않으므로 아래의 .t1로 이어집니다)."),
                format!("Thread Tn's %bx is n − 1. test $k, %bx compares %bx with k, as x86.py's test does (not x86's bitwise AND), and je jumps when they are equal: so {en}."),
            ])
        },
        lang.pick([
            format!("CPU 하나, 라운드 로빈(타임 퀀텀 {quantum}, 한 틱에 명령어 하나). 이미 다른 스레드가 가진 뮤텍스를 lock하면 그 스레드가 풀 때까지 기다립니다."),
            format!("One CPU, round robin (quantum {quantum}, one instruction a tick). A thread that locks a mutex another thread holds waits until that one unlocks it."),
        ]),
        lang.pick([
            "아래 표는 실행 중 한 순간의 자원 할당 그래프입니다. 각 뮤텍스의 인스턴스는 하나이므로, 대기 그래프에 사이클이 있으면 교착 상태이고 없으면 아닙니다.".to_string(),
            "The table below is the resource-allocation graph at one moment of the run. Each mutex has a single instance, so a cycle of waits is a deadlock and no cycle is none.".to_string(),
        ]),
    ]
}

/// The semaphore exercise's set-up, one sentence each.
fn semaphore_rules(exercise: &Exercise, simulator: bool, lang: Lang) -> Vec<String> {
    let threads = exercise.run.scenario().threads().len();
    let mut rules = vec![lang.pick([
        format!("한 프로세스의 스레드 {threads}개(T1–T{threads})가 세마포어 연산을 아래 표의 순서대로 하나씩 호출합니다. 초깃값은 표 위에 있습니다."),
        format!("{threads} threads of one process (T1–T{threads}) call semaphore operations one at a time, in the order of the table below; the starting values are above it."),
    ])];
    let names = super::semaphore::names(&exercise.run);
    // The rules speak of a semaphore s; with two, s is either.
    let either = (names.len() > 1).then(|| names.join(lang.pick([" 또는 ", " or "])));
    if exercise.id.difficulty == super::exercise::Difficulty::Hard {
        rules.push(lang.pick([
            "생산자 T1은 빈 칸을 기다렸다가(wait(empty)) 채운 칸을 알립니다(signal(full)). 소비자 T2와 T3은 채운 칸을 기다렸다가(wait(full)) 빈 칸을 알립니다(signal(empty)).".to_string(),
            "The producer T1 waits for an empty slot (wait(empty)) and signals a full one (signal(full)); the consumers T2 and T3 wait for a full slot (wait(full)) and signal an empty one (signal(empty)).".to_string(),
        ]));
    }
    rules.push(lang.pick([
        format!("wait(s){}: s가 0보다 크면 1을 빼고 계속합니다. s가 0이면 그 스레드는 s의 대기 큐 맨 뒤에서 기다립니다(값은 0 아래로 내려가지 않습니다).", either.as_ref().map(|names| format!("(s는 {names})")).unwrap_or_default()),
        format!("wait(s){}: if s is above 0 it takes 1 and goes on; if s is 0 the thread waits at the end of s's queue (the value never goes below 0).", either.as_ref().map(|names| format!(", s being {names}")).unwrap_or_default()),
    ]));
    rules.push(lang.pick([
        "signal(s): s에서 기다리는 스레드가 있으면 맨 앞의 스레드가 깨어나 계속하고(그 wait가 끝남) 값은 그대로입니다. 없으면 s에 1을 더합니다.".to_string(),
        "signal(s): if a thread waits on s, the first one wakes and goes on (its wait is done) and the value stays; if none waits, s goes up by 1.".to_string(),
    ]));
    rules.push(lang.pick([
        "기다리는 스레드의 연산은 표에 나오지 않습니다: 깨어난 뒤에야 다음 연산을 호출합니다.".to_string(),
        "A waiting thread calls nothing: the table lists its next operation only after it has been woken.".to_string(),
    ]));
    if simulator {
        rules.push(lang.pick([
            "시뮬레이터에서 보면, 각 스레드는 먼저 자기 부분으로 점프하는 명령어(test, je)를 실행하고, 표의 단계는 그 뒤의 wait와 signal 명령어입니다.".to_string(),
            "In the simulator each thread first runs the jumps to its own part of the program (test, je); the table's steps are the wait and signal instructions after them.".to_string(),
        ]));
    }
    rules
}

/// The pipe exercise's set-up, one sentence each: the rule as the engine applies it
/// (`docs/semantics.md`, "Pipes").
fn pipe_rules(exercise: &Exercise, lang: Lang) -> Vec<String> {
    let names = super::pipe::names(&exercise.run).join(", ");
    let size = super::pipe::size(&exercise.run);
    let mut rules = vec![lang.pick([
        format!("프로세스 {names}{} 파이프 p(최대 {size}바이트)에 아래 표의 순서대로 연산을 하나씩 호출합니다. p는 처음에 비어 있습니다.", crate::lang::subject_particle(&names)),
        format!("The processes {names} call operations on pipe p (at most {size} bytes) one at a time, in the order of the table below; p starts empty."),
    ])];
    rules.push(lang.pick([
        "write(p, b): 읽으려고 기다리는 프로세스가 있으면 b는 맨 앞의 그 프로세스에게 바로 건네지고(그 read가 b를 돌려줌) 파이프에는 들어가지 않습니다. 없으면 자리가 있을 때 b가 끝에 들어가고, p가 가득 차 있으면 쓴 프로세스가 b를 든 채 기다립니다.".to_string(),
        "write(p, b): if a process waits to read, b goes straight to the first one (its read returns b) and never enters the pipe; otherwise b goes in at the end if there is room, and if p is full the writer waits, holding b.".to_string(),
    ]));
    rules.push(lang.pick([
        "read(p): 가장 오래된 바이트를 꺼냅니다. 그렇게 난 자리에는 쓰려고 기다리던 맨 앞 프로세스의 바이트가 바로 들어가고 그 프로세스는 계속합니다. p가 비어 있으면, 쓰기 끝이 열려 있는 동안 읽는 프로세스는 기다리고, 모두 닫혔으면 read는 -1(파일 끝)을 돌려줍니다.".to_string(),
        "read(p): takes the oldest byte; the room it leaves takes the byte of the first process waiting to write at once, and that process goes on. On an empty p the reader waits while a write end is open, and gets -1 (end-of-file) once every write end is closed.".to_string(),
    ]));
    if exercise.id.difficulty == super::exercise::Difficulty::Hard {
        rules.push(lang.pick([
            "close(p): 쓰는 프로세스가 쓰기 끝을 닫습니다. 마지막 쓰기 끝이 닫힐 때 p가 비어 있으면, 읽으려고 기다리던 프로세스들이 모두 -1을 받고 계속합니다.".to_string(),
            "close(p): the writer closes its write end. When the last write end closes on an empty p, every process waiting to read gets -1 and goes on.".to_string(),
        ]));
    }
    rules.push(lang.pick([
        "기다리는 프로세스의 연산은 표에 나오지 않습니다: 계속할 수 있게 된 뒤에야 다음 연산을 호출합니다. 질문은 마지막 단계 바로 뒤의 상태를 묻습니다(그 뒤 프로세스들이 끝나며 쓰기 끝이 닫히는 일은 세지 않습니다).".to_string(),
        "A waiting process calls nothing: the table lists its next operation only once it can go on. The questions ask about the moment just after the last step (not what happens after, as the processes end and their write ends close).".to_string(),
    ]));
    rules
}

/// The racing counter's set-up, one sentence each.
fn race_rules(exercise: &Exercise, lang: Lang) -> Vec<String> {
    let (threads, increments) = super::race::shape(exercise.id.difficulty);
    let total = threads * increments;
    vec![
        lang.pick([
            format!("한 프로세스의 스레드 {threads}개가 아래 프로그램을 실행합니다. 각 스레드는 %bx = {increments}로 시작해 공유 변수 counter에 1을 {increments}번 더합니다. counter는 0에서 시작하므로 증가를 잃지 않으면 {total}에서 끝납니다."),
            format!("{threads} threads of one process run the program below. Each starts with %bx = {increments} and adds 1 to the shared counter {}; the counter starts at 0, so it ends at {total} if no update is lost.", if increments == 1 { "once".to_string() } else { format!("{increments} times") }),
        ]),
        lang.pick([
            "CPU 하나, 한 단계에 명령어 하나: 실행 순서가 각 단계에 실행할 스레드를 정합니다. 레지스터(%ax, %bx)는 스레드마다 따로 있고 counter는 모두가 공유합니다.".to_string(),
            "One CPU, one instruction a step: the interleaving names the thread that runs each step. Registers (%ax, %bx) are each thread's own; counter is shared by all.".to_string(),
        ]),
        lang.pick([
            "counter에 1을 더하는 것은 세 명령어입니다: 읽기(load: mov counter, %ax), 더하기(add), 쓰기(store: mov %ax, counter). 그 사이에 다른 스레드가 실행될 수 있습니다.".to_string(),
            "Adding 1 to counter is three instructions: load (mov counter, %ax), add, store (mov %ax, counter); another thread may run in between.".to_string(),
        ]),
    ]
}

/// A process's bursts in the page's notation (`3 io2 4`).
pub fn bursts_text(exercise: &Exercise, pid: usize) -> String {
    crate::draft::format_bursts(&exercise.spec.processes[pid].bursts)
}
