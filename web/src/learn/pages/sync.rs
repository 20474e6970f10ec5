//! Topics 11 and 12: synchronization, and multi-process against multi-thread.

use crate::learn::diagrams::{states, threads};
use crate::learn::words::{heading, para, steps, terms, tr, Pair};
use proclab_app::i18n::Lang;
use proclab_app::lang::{object_particle, subject_particle};
use yew::prelude::*;

/// The dining philosophers' deadlock as the simulator ends it (the `philosophers-deadlock`
/// example), with each of the four conditions pointed at the part of the graph that shows it.
fn philosophers_graph(lang: Lang) -> Html {
    let Some(preset) = proclab_core::presets::preset("philosophers-deadlock") else {
        return Html::default();
    };
    let Ok(scenario) = proclab_core::Scenario::new(&preset.spec) else {
        return Html::default();
    };
    let run = proclab_core::simulate(&scenario);
    let simulation = std::rc::Rc::new(proclab_app::simulation::Simulation::with_run(scenario, run));
    html! {
        <div class="learn-deadlock" id="learn-deadlock-graph">
            { para(lang, [
                "아래 그래프는 예제 “식사하는 철학자: 교착 상태”가 시뮬레이터에서 멈춘 모습입니다. 네 조건을 그래프에서 찾아보세요.",
                "The graph below is where the “Dining philosophers: deadlock” example stops in the simulator. Find the four conditions in it.",
            ]) }
            <crate::ui::programs::WaitGraph {lang} simulation={simulation} />
            { steps(lang, &[
                ["상호 배제: 네모(포크)마다 철학자에게 가는 화살표(할당)가 하나뿐입니다. 포크 하나는 한 철학자만 쥡니다.", "Mutual exclusion: each square (a fork) has one arrow out to a philosopher (an assignment): one philosopher holds it."],
                ["점유 대기: 동그라미(철학자)마다 자원에서 들어오는 화살표(쥠, 할당 간선)와 자원으로 나가는 화살표(기다림, 요청 간선)가 있습니다.", "Hold and wait: each circle (a philosopher) has an arrow in from a resource (holds: an assignment edge) and an arrow out to one (waits: a request edge)."],
                ["비선점: 그래프에는 포크를 빼앗는 화살표가 없습니다. 아무도 빼앗지 않으니 실행은 여기서 멈춥니다.", "No preemption: no arrow takes a fork away; nobody does, so the run stops here."],
                ["순환 대기: 빨간 화살표가 철학자와 포크를 한 바퀴 돌아 제자리로 옵니다.", "Circular wait: the red arrows go round philosophers and forks back to the start."],
            ]) }
        </div>
    }
}

/// The race table: the first lost update of the `race-two-threads` example, as the simulator
/// runs it (the same core run the "Open in the simulator" button shows), so the page and the
/// simulator cannot disagree.
fn race_table(lang: Lang) -> Html {
    let Some(preset) = proclab_core::presets::preset("race-two-threads") else {
        return Html::default();
    };
    let Ok(scenario) = proclab_core::Scenario::new(&preset.spec) else {
        return Html::default();
    };
    let run = proclab_core::simulate(&scenario);
    let Some((word, rows)) = proclab_app::program_view::race_table(&run, lang) else {
        return Html::default();
    };
    let first = rows.first().map_or(0, |row| row.memory);
    let last = rows.last().map_or(0, |row| row.memory);
    let should = first + 2;
    // Named as the examples menu names it.
    let title = proclab_app::i18n::preset_text(preset.id, lang).0;
    let caption = lang.pick([
        format!(
            "예제 “{title}”{} 시뮬레이터가 실행한 그대로, 표의 이 구간에서: 두 스레드 모두 {word}의 값 {first}{} 읽고 각자 1을 더하므로 {should}{} 되어야 하지만 {last}{} 됩니다.",
            object_particle(&title),
            object_particle(&first.to_string()),
            subject_particle(&should.to_string()),
            subject_particle(&last.to_string()),
        ),
        format!("The example “{title}” as the simulator runs it, in the stretch this table shows: both threads load {word} while it is {first} and each adds 1, so it should become {should}, but it becomes {last}."),
    ]);
    // The caption stands above the scroll box, so a phone that scrolls the table sideways does
    // not cut the sentence at the box's edge.
    html! {
        <>
        <p class="table-caption" id="learn-race-caption">{ caption }</p>
        <div class="table-scroll">
            <table class="race" id="learn-race-table" aria-describedby="learn-race-caption">
                <thead><tr>
                    <th scope="col">{ tr(lang, ["스레드", "Thread"]) }</th>
                    <th scope="col">{ tr(lang, ["명령어", "Instruction"]) }</th>
                    <th scope="col">{ tr(lang, ["메모리 접근", "Memory access"]) }</th>
                    <th scope="col">{ format!("{} {word}", lang.pick(["메모리의", "memory:"])) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ &row.who }</th>
                            <td><code>{ &row.code }</code></td>
                            <td>{ &row.effect }</td>
                            <td>{ row.memory }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
        </>
    }
}

pub fn sync(lang: Lang) -> Html {
    html! {
        <>
            { heading(lang, ["경쟁 조건", "Race conditions"]) }
            { para(lang, [
                "여러 스레드(또는 공유 메모리를 쓰는 프로세스)가 같은 데이터를 동시에 고치면 실행 순서에 따라 결과가 달라집니다. 이를 경쟁 조건이라고 합니다. count++ 한 줄도 기계어로는 읽기, 더하기, 저장의 세 단계이므로 그 사이에 문맥 교환이 일어날 수 있습니다.",
                "When several threads (or processes sharing memory) update the same data at once, the result depends on the order in which they happen to run: a race condition. Even count++ is three machine steps (load, add, store), and a switch can fall between them.",
            ]) }
            { race_table(lang) }
            { para(lang, [
                "공유 데이터에 접근하는 코드 구간을 임계 구역이라고 합니다. 한 번에 하나의 실행 흐름만 임계 구역에 들어가게 하면(상호 배제) 경쟁 조건을 막을 수 있습니다.",
                "The code that touches shared data is a critical section; letting only one flow of execution in at a time (mutual exclusion) prevents the race.",
            ]) }
            { para(lang, [
                "임계 구역 문제의 해법은 세 가지를 모두 만족해야 합니다(Silberschatz 6.2절).",
                "A solution to the critical-section problem must satisfy three requirements (Silberschatz, section 6.2).",
            ]) }
            { terms(lang, &[
                (["상호 배제", "Mutual exclusion"], [
                    "한 스레드가 임계 구역에서 실행 중이면 다른 스레드는 그 임계 구역에서 실행할 수 없습니다.",
                    "If one thread is executing in its critical section, no other thread can be executing in it.",
                ]),
                (["진행", "Progress"], [
                    "임계 구역에 아무도 없고 들어가려는 스레드가 있으면, 나머지 구역에서 실행 중이 아닌 스레드들만 다음에 누가 들어갈지 정하는 데 참여하며, 그 결정은 무한히 미뤄질 수 없습니다.",
                    "If no thread is in its critical section and some wish to enter, only those not executing in their remainder sections take part in deciding which enters next, and the decision cannot be postponed forever.",
                ]),
                (["한정된 대기", "Bounded waiting"], [
                    "한 스레드가 들어가겠다고 요청한 뒤 그 요청이 받아들여지기 전까지, 다른 스레드가 임계 구역에 들어가는 횟수에는 한계가 있습니다.",
                    "After a thread has asked to enter its critical section and before it is let in, there is a bound on how many times the others may enter theirs.",
                ]),
            ]) }
            { heading(lang, ["뮤텍스와 세마포어", "Mutexes and semaphores"]) }
            { terms(lang, &[
                (["뮤텍스", "Mutex"], [
                    "하나의 잠금(lock)입니다. 임계 구역에 들어갈 때 lock을 걸고, 나올 때 unlock으로 풉니다. 이미 잠겨 있으면 풀릴 때까지 기다립니다. 잠금을 건 스레드만 풀 수 있습니다.",
                    "A single lock: lock before entering the critical section, unlock on leaving. If it is already locked, the caller waits until it is released. Only the owner unlocks it.",
                ]),
                (["세마포어", "Semaphore"], [
                    "정수 값을 가진 카운터입니다. wait(P)는 값이 0보다 크면 1 줄이고 계속하며, 0이면 기다립니다. signal(V)은 기다리는 스레드가 있으면 맨 앞의 하나를 깨워 계속하게 하고(값은 그대로: 그 1을 깨어난 스레드가 곧바로 가져갑니다), 없으면 값을 1 늘립니다. 값이 음수가 되어 기다리는 수를 세는 교과서 정의도 있지만, 누가 언제 계속하는지는 같습니다. 초깃값이 n이면 n개까지 동시에 들어갈 수 있고(계수 세마포어), 0과 1만 쓰면 이진 세마포어입니다. 소유자가 없어서 다른 스레드가 signal할 수 있으므로, 실행 순서를 맞추는 데에도 씁니다.",
                    "An integer counter. wait (P) takes 1 from it if it is above 0 and goes on, and waits if it is 0; signal (V) wakes the first waiter if there is one (the value stays as it was: the woken thread takes that 1 at once), and otherwise adds 1. Some textbooks let the value go negative to count the waiters; who goes on, and when, is the same. Starting at n, up to n may enter at once (a counting semaphore); with 0 and 1 only, it is binary. It has no owner, so another thread may signal it, which also makes it a tool for ordering.",
                ]),
                (["조건 변수", "Condition variable"], [
                    "어떤 조건이 참이 되기를 기다리는 스레드들의 큐로, 언제나 뮤텍스와 함께 씁니다. wait c, m은 m을 놓고 signal을 받을 때까지 잠들었다가, 돌아오기 전에 m을 다시 잡습니다. signal c는 기다리는 스레드 하나를, broadcast c는 모두를 깨웁니다. 깨어난 스레드는 나중에야 실행되고 그사이 조건이 다시 거짓이 될 수 있으므로(Mesa 방식), 조건을 if가 아니라 while로 다시 확인합니다.",
                    "A queue of threads waiting for a condition to become true, always used with a mutex. wait c, m releases m and sleeps until signalled, then takes m again before it returns; signal c wakes one waiter, broadcast c all of them. The woken thread runs only later, when the condition may be false again (Mesa semantics), so it checks the condition again in a while loop, not an if.",
                ]),
                (["피터슨 알고리즘", "Peterson's algorithm"], [
                    "원자적 명령 없이 읽기와 쓰기만으로 두 스레드의 상호 배제를 이룹니다. 각자 자기 플래그를 올리고 차례(turn)를 상대에게 넘긴 뒤, 상대의 플래그가 올라가 있고 상대의 차례인 동안 기다립니다. 상호 배제, 진행, 한정된 대기를 모두 보장하지만 메모리가 순서대로 보일 때만입니다. 실제 CPU는 읽기와 쓰기의 순서를 바꿀 수 있어 메모리 펜스나 원자적 명령이 필요합니다.",
                    "Mutual exclusion for two threads with plain loads and stores, no atomic instruction: each raises its own flag, gives the turn to the other, and waits while the other's flag is up and it is the other's turn. It guarantees mutual exclusion, progress and bounded waiting, but only if memory is seen in program order: real CPUs may reorder loads and stores, so they need memory fences or atomic instructions.",
                ]),
            ]) }
            { heading(lang, ["교착 상태", "Deadlock"]) }
            { states::deadlock(lang) }
            { para(lang, [
                "교착 상태는 여러 실행 흐름이 서로가 가진 자원을 기다리며 영원히 멈춰 버린 상태입니다. 다음 네 가지 조건이 모두 성립해야 일어나므로, 그중 하나만 깨도 예방할 수 있습니다.",
                "Deadlock: several flows of execution wait forever for resources the others hold. It needs all four conditions below at once, so breaking any one prevents it.",
            ]) }
            { steps(lang, &[
                ["상호 배제: 자원을 한 번에 하나의 실행 흐름만 쓸 수 있습니다.", "Mutual exclusion: a resource can be used by one at a time."],
                ["점유 대기: 자원을 가진 채로 다른 자원을 기다립니다.", "Hold and wait: a holder of a resource waits for another."],
                ["비선점: 가진 자원을 강제로 빼앗을 수 없습니다.", "No preemption: a resource cannot be taken away by force."],
                ["순환 대기: 대기 관계가 원을 이룹니다 (T1 → T2 → T1).", "Circular wait: the waits form a cycle (T1 → T2 → T1)."],
            ]) }
            { philosophers_graph(lang) }
            { para(lang, [
                "예를 들어 모든 스레드가 자원을 같은 순서로 잠그면(R1 다음에 R2) 순환 대기가 생기지 않습니다.",
                "For example, if every thread locks resources in the same order (R1, then R2), no circular wait can form.",
            ]) }
            { para(lang, [
                "뮤텍스는 인스턴스가 하나뿐인 자원이어서 그래프의 순환이 곧 교착 상태입니다. 인스턴스가 여럿인 자원에서는 순환이 필요조건일 뿐 충분조건은 아닙니다. 세마포어와 조건 변수에는 가진 스레드가 없습니다. 두 스레드가 서로만 보낼 수 있는 signal을 기다리면(P0은 wait(S) 다음 wait(Q), P1은 wait(Q) 다음 wait(S)) 그래프에 순환이 그려지지 않아도 교착 상태입니다. 시뮬레이터는 남은 스레드가 모두 기다리면 실행이 멈췄다고 하고, 기다림이 그래프에서 순환을 이룰 때 교착 상태라고 부릅니다.",
                "A mutex is a single instance, so a cycle in its graph is a deadlock; with several instances of a resource a cycle is necessary but not sufficient. A semaphore or a condition variable has no holder: two threads that each wait for a signal only the other would send (P0 does wait(S) then wait(Q), P1 wait(Q) then wait(S)) are deadlocked though the graph draws no cycle. The simulator says a run is stuck when every thread left waits, and calls it a deadlock when the waits close a cycle in the graph.",
            ]) }
            { para(lang, [
                "운영체제가 교착 상태를 다루는 방법은 넷입니다. 예방은 설계로 네 조건 중 하나를 깨고(위의 잠금 순서처럼), 회피는 요청을 들어줘도 안전한 상태가 유지될 때만 들어주며(은행원 알고리즘), 탐지와 복구는 일어난 교착 상태를 찾아 스레드를 끝내거나 자원을 되찾습니다. 대부분의 범용 운영체제는 넷째 방법, 곧 무시하고 프로그램에 맡기는 쪽을 택합니다.",
                "An operating system can handle deadlock in four ways: prevention breaks one of the four conditions by design (as the lock order above does); avoidance grants a request only if the system stays in a safe state (the banker's algorithm); detection and recovery find a deadlock that happened and end a thread or take a resource back. Most general-purpose systems take the fourth way: they ignore it and leave it to programs.",
            ]) }
        </>
    }
}

const COMPARISON: [(Pair, Pair, Pair); 7] = [
    (
        ["메모리", "Memory"],
        [
            "프로세스마다 독립된 주소 공간",
            "A separate address space per process",
        ],
        [
            "코드·데이터·힙 공유, 스택만 각자",
            "Code, data, heap shared; own stack each",
        ],
    ),
    (
        ["생성 비용", "Cost to create"],
        [
            "큼: 주소 공간과 자원을 새로 할당",
            "High: a new address space and resources",
        ],
        ["작음: 스택과 레지스터만", "Low: a stack and registers"],
    ),
    (
        ["문맥 교환", "Context switch"],
        [
            "느림: 주소 공간과 TLB를 교체하고 캐시 미스가 많음",
            "Slow: address space and TLB change, many cache misses",
        ],
        [
            "빠름: 레지스터와 스택만 교체하고 캐시가 유지됨",
            "Fast: registers and stack only, the cache stays warm",
        ],
    ),
    (
        ["통신", "Communication"],
        [
            "IPC 필요 (파이프, 소켓, 공유 메모리...)",
            "Needs IPC (pipes, sockets, shared memory...)",
        ],
        [
            "공유 메모리로 바로 주고받음 (부담이 적음)",
            "Directly through shared memory (cheap)",
        ],
    ),
    (
        ["동기화", "Synchronization"],
        [
            "공유하는 것이 적어 문제가 적음",
            "Little sharing, few problems",
        ],
        [
            "공유 데이터마다 필요 (경쟁, 교착 위험)",
            "Needed for all shared data (races, deadlock)",
        ],
    ),
    (
        ["안정성", "Fault isolation"],
        [
            "한 프로세스가 비정상 종료되어도 다른 프로세스는 영향을 받지 않음",
            "One process crashing leaves the others running",
        ],
        [
            "한 스레드의 오류가 프로세스 전체를 종료시킴",
            "One thread's fault kills the whole process",
        ],
    ),
    (
        ["예", "Example"],
        [
            "탭마다 프로세스인 웹 브라우저",
            "A web browser with a process per tab",
        ],
        [
            "요청마다 스레드를 쓰는 웹 서버",
            "A web server with a thread per request",
        ],
    ),
];

pub fn process_vs_thread(lang: Lang) -> Html {
    html! {
        <>
            { para(lang, [
                "같은 일을 여러 프로세스로 나눌 수도 있고, 한 프로세스의 여러 스레드로 나눌 수도 있습니다. 둘의 차이는 모두 무엇을 공유하느냐에서 나옵니다.",
                "The same work can be split among several processes or among several threads of one process. What they share makes every difference.",
            ]) }
            { threads::sharing(lang) }
            <div class="table-scroll">
                <table class="comparison">
                    <caption>{ tr(lang, ["멀티 프로세스와 멀티 스레드 비교", "Multi-process compared with multi-thread"]) }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(lang, ["항목", "Aspect"]) }</th>
                        <th scope="col">{ tr(lang, ["멀티 프로세스", "Multi-process"]) }</th>
                        <th scope="col">{ tr(lang, ["멀티 스레드", "Multi-thread"]) }</th>
                    </tr></thead>
                    <tbody>
                        { for COMPARISON.iter().map(|(aspect, processes, threads)| html! {
                            <tr>
                                <th scope="row">{ tr(lang, *aspect) }</th>
                                <td>{ tr(lang, *processes) }</td>
                                <td>{ tr(lang, *threads) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { para(lang, [
                "아래 두 시나리오는 같은 일(8틱짜리 작업 4개, RR 퀀텀 2)을 CPU 하나에서 프로세스 4개와 스레드 4개로 실행합니다. 프로세스 사이의 전환은 3틱, 같은 프로세스의 스레드 사이 전환은 1틱이 듭니다. 캐시도 켜 두었습니다. 캐시에는 프로세스 두 개 분량만 들어가므로, 프로세스는 CPU를 다시 받을 때마다 밀려난 자기 데이터를 다시 채우느라 멈춥니다(모두 32틱). 스레드들은 코드·데이터·힙을 공유하므로 첫 바퀴 이후에는 캐시가 유지됩니다(모두 5틱). 그래서 스레드 쪽이 109틱이 아니라 52틱에 끝나고 CPU 이용률도 높습니다.",
                "The two scenarios below run the same work (four 8-tick jobs, RR quantum 2) on one CPU, as four processes and as four threads. A switch between processes costs 3 ticks, between threads of one process 1 tick, and the cache is on. It holds about two processes, so each process stalls whenever it gets the CPU back, refilling the data the others evicted (32 ticks in all); the threads share code, data and heap, so after the first round the cache stays warm (5 ticks in all). The threads finish at tick 52 instead of 109 and use the CPU better.",
            ]) }
        </>
    }
}
