//! The glossary: Korean term, English term, one line, and the page that explains it.

use crate::learn::topic::Topic;
use crate::learn::words::{tr, Pair, Word};
use crate::route::Route;
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use yew::prelude::*;
use yew_router::prelude::Link;

/// (Korean term, English term, one line, page).
const ENTRIES: &[(&str, &str, Pair, Topic)] = &[
    (
        "운영체제",
        "Operating system",
        [
            "하드웨어를 관리하고 프로그램들이 나눠 쓰게 하는 소프트웨어.",
            "The software that manages the hardware and shares it among programs.",
        ],
        Topic::Os,
    ),
    (
        "시스템 콜",
        "System call",
        [
            "프로그램이 커널에 서비스를 요청하는 통로.",
            "How a program asks the kernel for a service.",
        ],
        Topic::Os,
    ),
    (
        "커널",
        "Kernel",
        [
            "커널 모드에서 실행되는 운영체제의 핵심.",
            "The core of the OS, running in kernel mode.",
        ],
        Topic::Os,
    ),
    (
        "디바이스 드라이버",
        "Device driver",
        [
            "특정 장치를 제어하는 커널의 소프트웨어.",
            "Kernel software that controls one kind of device.",
        ],
        Topic::Os,
    ),
    (
        "프로그램",
        "Program",
        [
            "디스크에 저장된 실행 파일 (정적).",
            "An executable file on disk (static).",
        ],
        Topic::Process,
    ),
    (
        "프로세스",
        "Process",
        [
            "메모리에 올라와 실행 중인 프로그램 (동적).",
            "A program loaded in memory and running (dynamic).",
        ],
        Topic::Process,
    ),
    (
        "스택",
        "Stack",
        [
            "함수를 호출할 때마다 지역 변수와 복귀 주소를 쌓는 영역.",
            "Holds a frame of locals and return address per call.",
        ],
        Topic::Process,
    ),
    (
        "힙",
        "Heap",
        [
            "실행 중에 동적으로 할당받는 메모리.",
            "Memory allocated dynamically at run time.",
        ],
        Topic::Process,
    ),
    (
        "BSS 영역",
        "BSS segment",
        [
            "0으로 초기화했거나 초깃값이 없는 전역·정적 변수.",
            "Zero or uninitialized globals and statics.",
        ],
        Topic::Process,
    ),
    (
        "데이터 영역",
        "Data segment",
        [
            "0이 아닌 값으로 초기화된 전역·정적 변수.",
            "Globals and statics with non-zero initial values.",
        ],
        Topic::Process,
    ),
    (
        "코드 영역",
        "Code (text) segment",
        [
            "실행할 기계어 명령어. 읽기 전용.",
            "The machine instructions, read-only.",
        ],
        Topic::Process,
    ),
    (
        "프로세스 상태",
        "Process state",
        [
            "생성, 준비, 실행, 대기, 종료.",
            "New, ready, running, blocked, exit.",
        ],
        Topic::States,
    ),
    (
        "준비 큐",
        "Ready queue",
        [
            "CPU를 기다리는 프로세스들의 줄.",
            "The line of processes waiting for a CPU.",
        ],
        Topic::States,
    ),
    (
        "선점형 스케줄링",
        "Preemptive scheduling",
        [
            "실행 중인 프로세스에게서 CPU를 빼앗을 수 있는 스케줄링.",
            "Scheduling that may take the CPU from a running process.",
        ],
        Topic::States,
    ),
    (
        "비선점형 스케줄링",
        "Non-preemptive scheduling",
        [
            "프로세스가 스스로 CPU를 내놓을 때만 하는 스케줄링.",
            "Scheduling only when a process gives up the CPU.",
        ],
        Topic::States,
    ),
    (
        "디스패처",
        "Dispatcher",
        [
            "스케줄러가 고른 프로세스에 CPU 제어권을 넘기는 모듈.",
            "Hands the CPU to the process the scheduler chose.",
        ],
        Topic::Dispatcher,
    ),
    (
        "디스패치 지연",
        "Dispatch latency",
        [
            "한 프로세스를 멈추고 다른 프로세스를 시작하는 데 드는 시간.",
            "Time to stop one process and start another.",
        ],
        Topic::Dispatcher,
    ),
    (
        "호위 효과(콘보이 효과)",
        "Convoy effect",
        [
            "긴 작업 뒤에 짧은 작업들이 줄지어 기다리는 현상.",
            "Short jobs queueing behind one long job.",
        ],
        Topic::Algorithms,
    ),
    (
        "기아 상태",
        "Starvation",
        [
            "다른 프로세스에 계속 밀려 끝없이 기다리는 상태.",
            "Waiting indefinitely while others keep going first.",
        ],
        Topic::Algorithms,
    ),
    (
        "에이징",
        "Aging",
        [
            "기다린 만큼 우선순위를 올려 기아를 막는 기법.",
            "Raising priority with waiting time to prevent starvation.",
        ],
        Topic::Algorithms,
    ),
    (
        "타임 퀀텀",
        "Time quantum",
        [
            "RR에서 한 번에 할당하는 CPU 시간.",
            "The CPU time RR grants per turn.",
        ],
        Topic::Algorithms,
    ),
    (
        "CPU 버스트",
        "CPU burst",
        [
            "프로세스가 I/O 없이 CPU로 계산만 하는 한 구간(틱 수).",
            "A stretch in which a process only computes on the CPU, with no I/O (in ticks).",
        ],
        Topic::Algorithms,
    ),
    (
        "간트 차트",
        "Gantt chart",
        [
            "시간 축 위에 CPU가 언제 누구를 실행했는지 구간으로 그린 그림.",
            "A timeline of which process ran on the CPU when, drawn as segments.",
        ],
        Topic::Algorithms,
    ),
    (
        "반환 시간",
        "Turnaround time",
        [
            "도착부터 완료까지 걸린 시간: 완료 − 도착.",
            "Time from arrival to completion: completion − arrival.",
        ],
        Topic::Algorithms,
    ),
    (
        "대기 시간",
        "Waiting time",
        [
            "준비 큐에서 기다린 시간의 합(실행, I/O, 문맥 교환 시간은 빼고).",
            "The total time spent in the ready queue (not running, not in I/O, not switching).",
        ],
        Topic::Algorithms,
    ),
    (
        "응답 시간",
        "Response time",
        [
            "도착부터 처음 실행될 때까지의 시간: 처음 실행 − 도착.",
            "Time from arrival to the first run: first run − arrival.",
        ],
        Topic::Algorithms,
    ),
    (
        "처리량",
        "Throughput",
        [
            "단위 시간에 끝낸 프로세스 수: 완료한 프로세스 수 / 걸린 틱 수.",
            "Processes finished per unit of time: processes completed / ticks elapsed.",
        ],
        Topic::Algorithms,
    ),
    (
        "CPU 이용률",
        "CPU utilisation",
        [
            "CPU가 프로세스를 실행한 시간의 비율: 실행한 틱 / 전체 틱.",
            "The share of time the CPU ran processes: busy ticks / all ticks.",
        ],
        Topic::Algorithms,
    ),
    (
        "응답률",
        "Response ratio",
        [
            "HRRN의 기준: (대기 + 실행) / 실행.",
            "HRRN's key: (waiting + service) / service.",
        ],
        Topic::Algorithms,
    ),
    (
        "다단계 피드백 큐",
        "Multilevel feedback queue",
        [
            "프로세스의 실행 특성에 따라 큐 사이를 옮겨 다니게 하는 스케줄링.",
            "Scheduling where processes move between queues by behaviour.",
        ],
        Topic::Algorithms,
    ),
    (
        "프로세스 제어 블록",
        "Process control block (PCB)",
        [
            "운영체제가 프로세스마다 유지하는 정보 구조체.",
            "The structure the OS keeps for each process.",
        ],
        Topic::Pcb,
    ),
    (
        "프로그램 카운터",
        "Program counter",
        [
            "다음에 실행할 명령어의 주소.",
            "The address of the next instruction.",
        ],
        Topic::Pcb,
    ),
    (
        "문맥 교환",
        "Context switch",
        [
            "한 프로세스의 상태를 저장하고 다른 프로세스의 상태를 적재하는 것.",
            "Saving one process's state and loading another's.",
        ],
        Topic::ContextSwitch,
    ),
    (
        "인터럽트",
        "Interrupt",
        [
            "CPU에 즉시 처리할 일이 생겼음을 알리는 신호.",
            "A signal that something needs the CPU's attention now.",
        ],
        Topic::ContextSwitch,
    ),
    (
        "인터럽트 벡터 테이블",
        "Interrupt vector table",
        [
            "인터럽트 번호별로 처리 루틴의 주소를 담은 표.",
            "The table of handler addresses, by interrupt number.",
        ],
        Topic::ContextSwitch,
    ),
    (
        "인터럽트 서비스 루틴",
        "Interrupt service routine",
        [
            "한 인터럽트를 처리하는 커널 코드.",
            "The kernel code that handles one interrupt.",
        ],
        Topic::ContextSwitch,
    ),
    (
        "유휴 시간",
        "Idle time",
        [
            "준비된 프로세스가 없어 CPU가 쉬는 시간.",
            "Time the CPU sits idle with nothing ready.",
        ],
        Topic::ContextSwitch,
    ),
    (
        "캐시 미스",
        "Cache miss",
        [
            "필요한 데이터가 캐시에 없어 메모리에서 가져와야 하는 상황.",
            "Wanted data is not in the cache and must come from memory.",
        ],
        Topic::ContextSwitch,
    ),
    (
        "스레드",
        "Thread",
        [
            "프로세스 안의 실행 흐름. 스택은 스레드마다 따로 가짐.",
            "A flow of execution in a process, with its own stack.",
        ],
        Topic::Threads,
    ),
    (
        "커널 수준 스레드",
        "Kernel-level thread",
        [
            "커널이 직접 스케줄링하는 스레드 (일대일).",
            "A thread the kernel schedules itself (one-to-one).",
        ],
        Topic::Threads,
    ),
    (
        "사용자 수준 스레드",
        "User-level thread",
        [
            "사용자 공간 라이브러리가 관리하는 스레드 (다대일).",
            "A thread managed by a user-space library (many-to-one).",
        ],
        Topic::Threads,
    ),
    (
        "멀티프로그래밍",
        "Multiprogramming",
        [
            "여러 프로그램을 메모리에 두고, I/O를 기다리는 동안 CPU를 다른 프로그램에 할당하는 방식.",
            "Several programs in memory; the CPU moves on during I/O.",
        ],
        Topic::Multi,
    ),
    (
        "멀티태스킹",
        "Multitasking",
        [
            "짧은 퀀텀마다 작업을 바꿔 여러 작업이 함께 실행되는 것처럼 보이게 하는 방식.",
            "Switching tasks every quantum so they seem to run together.",
        ],
        Topic::Multi,
    ),
    (
        "멀티프로세싱",
        "Multiprocessing",
        [
            "여러 CPU에서 실제로 병렬 실행하는 것.",
            "Truly parallel execution on several CPUs.",
        ],
        Topic::Multi,
    ),
    (
        "동시성",
        "Concurrency",
        [
            "여러 작업이 겹치는 시간 동안 함께 진행되는 것.",
            "Tasks progressing over overlapping time.",
        ],
        Topic::Multi,
    ),
    (
        "병렬성",
        "Parallelism",
        [
            "여러 작업이 같은 순간에 실행되는 것.",
            "Tasks executing at the same instant.",
        ],
        Topic::Multi,
    ),
    (
        "프로세스 간 통신",
        "Inter-process communication (IPC)",
        [
            "프로세스끼리 데이터를 주고받는 방법.",
            "How processes exchange data.",
        ],
        Topic::Ipc,
    ),
    (
        "공유 메모리",
        "Shared memory",
        [
            "여러 프로세스의 주소 공간에 매핑된 같은 메모리.",
            "One region mapped into several address spaces.",
        ],
        Topic::Ipc,
    ),
    (
        "익명 파이프",
        "Anonymous pipe",
        [
            "파이프를 물려받은 관련 프로세스(부모와 자식 등) 사이의 한 방향 바이트 통로.",
            "A one-way byte channel between related processes.",
        ],
        Topic::Ipc,
    ),
    (
        "명명된 파이프",
        "Named pipe (FIFO)",
        [
            "파일 시스템에 이름이 있는 파이프.",
            "A pipe with a name in the file system.",
        ],
        Topic::Ipc,
    ),
    (
        "메시지 큐",
        "Message queue",
        [
            "커널이 보관하는 메시지들의 큐.",
            "A queue of messages kept by the kernel.",
        ],
        Topic::Ipc,
    ),
    (
        "소켓",
        "Socket",
        [
            "네트워크로도 이어지는 양방향 통신 끝점.",
            "A two-way communication endpoint, across networks too.",
        ],
        Topic::Ipc,
    ),
    (
        "메모리 맵",
        "Memory-mapped file",
        [
            "파일을 메모리에 매핑해 여러 프로세스가 공유하는 방법.",
            "Sharing a file by mapping it into memory.",
        ],
        Topic::Ipc,
    ),
    (
        "경쟁 조건",
        "Race condition",
        [
            "결과가 실행 순서에 따라 달라지는 버그.",
            "A result that depends on the order of execution.",
        ],
        Topic::Sync,
    ),
    (
        "임계 구역",
        "Critical section",
        [
            "공유 데이터에 접근하는 코드 구간.",
            "The code that touches shared data.",
        ],
        Topic::Sync,
    ),
    (
        "뮤텍스",
        "Mutex",
        [
            "한 번에 하나만 들어가게 하는 잠금.",
            "A lock that lets one in at a time.",
        ],
        Topic::Sync,
    ),
    (
        "세마포어",
        "Semaphore",
        [
            "wait와 signal로 조작하는 정수 카운터.",
            "An integer counter used through wait and signal.",
        ],
        Topic::Sync,
    ),
    (
        "교착 상태",
        "Deadlock",
        [
            "서로의 자원을 기다리며 영원히 멈춘 상태.",
            "Waiting forever for resources the others hold.",
        ],
        Topic::Sync,
    ),
    (
        "멀티 프로세스",
        "Multi-process",
        [
            "일을 여러 프로세스로 나누는 설계: 서로 격리되어 안전하지만 비용이 큼.",
            "Splitting work among processes: isolated but costly.",
        ],
        Topic::ProcessVsThread,
    ),
    (
        "멀티 스레드",
        "Multi-thread",
        [
            "일을 한 프로세스의 여러 스레드로 나누는 설계: 비용이 적지만 동기화가 필요함.",
            "Splitting work among threads: cheap but needs synchronization.",
        ],
        Topic::ProcessVsThread,
    ),
];

pub fn glossary(lang: Lang) -> Html {
    html! {
        <>
            <p>{ Word::GlossaryIntro.get(lang) }</p>
            <div class="table-scroll">
                <table class="glossary">
                    // The page's own language first: its term names the row.
                    <thead><tr>
                        <th scope="col">{ lang.pick([Word::Korean, Word::English]).get(lang) }</th>
                        <th scope="col">{ lang.pick([Word::English, Word::Korean]).get(lang) }</th>
                        <th scope="col">{ Word::Meaning.get(lang) }</th>
                        <th scope="col">{ Word::Page.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for ENTRIES.iter().map(|(korean, english, line, topic)| html! {
                            <tr>
                                <th scope="row" lang={lang.pick(["ko", "en"])}>{ lang.pick([*korean, *english]) }</th>
                                <td lang={lang.pick(["en", "ko"])}>{ lang.pick([*english, *korean]) }</td>
                                <td>{ tr(lang, *line) }</td>
                                <td>
                                    <Link<Route> to={Route::LearnTopic { topic: topic.slug().to_string() }} classes="glossary-link">
                                        { topic.title(lang) }
                                    </Link<Route>>
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
