//! The scenarios behind each page's "Open in the simulator" buttons.
//!
//! A button names a core preset by id when one shows the point; otherwise the scenario is built
//! here from the core's spec types. Every scenario is checked by `Scenario::new` in this
//! module's tests, so a renamed preset or an invalid spec fails the build's tests, not a student.

mod built;

use super::topic::Topic;
use super::words::Pair;
use built::{
    cache_evicted, cache_fits, dispatch_costly, dispatch_free, idle_cpu, io_return_non_preemptive,
    io_return_preemptive, multiprogramming, os_sharing, pcb_fields, program_twice, states_io,
    uniprogramming,
};
use proclab_core::presets;
use proclab_core::spec::ScenarioSpec;

/// Where a button's scenario comes from.
#[derive(Clone, Copy, Debug)]
pub enum Source {
    /// A core preset, by id.
    Preset(&'static str),
    /// A scenario built in this module.
    Built(fn() -> ScenarioSpec),
}

/// One "Open in the simulator" button: an id for `data-scenario`, its label and what to notice.
#[derive(Clone, Copy, Debug)]
pub struct Demo {
    pub id: &'static str,
    pub source: Source,
    pub label: Pair,
    pub notice: Pair,
}

impl Demo {
    /// The scenario to load, if its preset still exists.
    pub fn spec(&self) -> Option<ScenarioSpec> {
        match self.source {
            Source::Preset(id) => presets::preset(id).map(|preset| preset.spec),
            Source::Built(build) => Some(build()),
        }
    }
}

const fn preset(id: &'static str, label: Pair, notice: Pair) -> Demo {
    Demo {
        id,
        source: Source::Preset(id),
        label,
        notice,
    }
}

const fn built(id: &'static str, build: fn() -> ScenarioSpec, label: Pair, notice: Pair) -> Demo {
    Demo {
        id,
        source: Source::Built(build),
        label,
        notice,
    }
}

/// The buttons at the end of `topic`'s page, in order.
pub fn demos(topic: Topic) -> Vec<Demo> {
    match topic {
        Topic::Os | Topic::Glossary => vec![built(
            "learn-os-sharing",
            os_sharing,
            ["CPU 하나를 나눠 쓰는 세 프로세스", "Three processes sharing one CPU"],
            [
                "운영체제는 한 프로세스가 I/O를 기다리는 동안 다른 프로세스에 CPU를 할당합니다.",
                "While one process waits for I/O, the OS gives the CPU to another.",
            ],
        )],
        Topic::Process => vec![built(
            "learn-program-twice",
            program_twice,
            ["한 프로그램, 두 프로세스", "One program, two processes"],
            [
                "같은 실행 파일로 만든 두 프로세스가 각자의 상태와 진행 위치를 갖습니다.",
                "Two processes of the same executable each keep their own state and progress.",
            ],
        )],
        Topic::States => vec![
            built(
                "learn-states-io",
                states_io,
                ["다섯 상태를 모두 거치기", "Through all five states"],
                [
                    "I/O를 요청하면 대기, I/O가 끝나면 준비, 디스패치되면 실행, 실행을 마치면 종료 상태가 됩니다.",
                    "I/O request: blocked; I/O done: ready; dispatched: running; finished: exit.",
                ],
            ),
            built(
                "learn-io-return-preemptive",
                io_return_preemptive,
                ["③ 대기→준비에서 선점", "Preemption at ③ blocked→ready"],
                [
                    "I/O를 마친 High가 준비 큐로 돌아오자마자 Low를 밀어냅니다 (선점형).",
                    "High returns from I/O and at once takes the CPU from Low (preemptive).",
                ],
            ),
            built(
                "learn-io-return-non-preemptive",
                io_return_non_preemptive,
                ["같은 상황, 비선점형", "The same, non-preemptive"],
                [
                    "비선점형에서는 High가 Low의 버스트가 끝날 때까지 기다립니다.",
                    "Non-preemptive: High waits until Low's burst ends.",
                ],
            ),
            preset(
                "rr-silberschatz",
                ["② 실행→준비: 타이머 인터럽트", "② running→ready: timer interrupt"],
                [
                    "퀀텀 4가 끝날 때마다 실행 중인 프로세스가 준비 큐의 맨 뒤로 갑니다.",
                    "Every time quantum 4 runs out, the running process goes to the back of the ready queue.",
                ],
            ),
        ],
        Topic::Dispatcher => vec![
            built(
                "learn-dispatch-free",
                dispatch_free,
                ["디스패치 지연 0", "Dispatch latency 0"],
                [
                    "전환에 시간이 들지 않는 이상적인 경우: 세 작업이 18틱에 끝납니다.",
                    "The ideal case, switching for free: the three jobs end at tick 18.",
                ],
            ),
            built(
                "learn-dispatch-costly",
                dispatch_costly,
                ["디스패치 지연 2", "Dispatch latency 2"],
                [
                    "같은 작업에 전환마다 2틱: 마지막 작업이 18틱이 아니라 34틱에 끝나고, CPU가 실제 일을 하는 시간은 53%뿐입니다.",
                    "The same jobs with 2 ticks per switch: the last ends at tick 34 instead of 18, and the CPU does useful work only 53% of the time.",
                ],
            ),
            preset(
                "rr-tiny-quantum",
                ["퀀텀 1, 지연 1", "Quantum 1, latency 1"],
                [
                    "퀀텀이 디스패치 지연만큼 작으면 CPU 시간의 거의 절반이 디스패치에 쓰입니다.",
                    "When the quantum is as small as the latency, nearly half the CPU time goes to dispatching.",
                ],
            ),
        ],
        Topic::Algorithms => vec![
            preset(
                "fcfs-convoy",
                ["FCFS 호위 효과(콘보이 효과)", "FCFS convoy effect"],
                [
                    "긴 P1 뒤에서 짧은 P2, P3가 기다립니다.",
                    "Short P2 and P3 wait behind long P1.",
                ],
            ),
            preset(
                "sjf-vs-srtf",
                ["SJF (비선점형)", "SJF (non-preemptive)"],
                [
                    "도착한 짧은 작업도 실행 중인 버스트가 끝날 때까지 기다립니다.",
                    "A short job that arrives waits until the running burst ends.",
                ],
            ),
            preset(
                "srtf-vs-sjf",
                ["SRTF (선점형 SJF)", "SRTF (preemptive SJF)"],
                [
                    "같은 작업에서, 남은 시간이 더 짧은 작업이 도착하면 바로 선점합니다.",
                    "On the same jobs, a job with less remaining time preempts at once.",
                ],
            ),
            preset(
                "sjf-predicted",
                ["SJF, 예측한 버스트", "SJF with predicted bursts"],
                [
                    "다음 버스트를 지수 평균(α = 0.5, τ0 = 10)으로 예측해 고릅니다.",
                    "The next burst is predicted by exponential averaging (α = 0.5, τ0 = 10).",
                ],
            ),
            preset(
                "sjf-starvation",
                ["SJF의 기아 상태", "SJF starvation"],
                [
                    "짧은 작업이 계속 도착하면 긴 작업은 계속 밀립니다.",
                    "While short jobs keep arriving, the long job keeps being passed over.",
                ],
            ),
            preset(
                "priority-starvation",
                ["우선순위 스케줄링의 기아 상태", "Priority starvation"],
                [
                    "우선순위가 높은 작업이 계속 들어오면 우선순위가 낮은 Low 프로세스는 기아 상태에 빠집니다.",
                    "A stream of high-priority work starves Low.",
                ],
            ),
            preset(
                "priority-aging",
                ["우선순위 + 에이징", "Priority with aging"],
                [
                    "기다리는 동안 우선순위가 올라 Low 프로세스도 결국 실행됩니다.",
                    "Waiting raises Low's priority until it finally runs.",
                ],
            ),
            preset(
                "hrrn",
                ["HRRN", "HRRN"],
                [
                    "응답률 (대기+실행)/실행이 가장 큰 작업을 고릅니다.",
                    "Picks the job with the highest ratio (waiting + service) / service.",
                ],
            ),
            preset(
                "rr-silberschatz",
                ["RR, 퀀텀 4", "RR, quantum 4"],
                [
                    "교재의 예: 모든 프로세스가 번갈아 4틱씩 실행합니다.",
                    "The textbook example: everyone takes turns of 4 ticks.",
                ],
            ),
            preset(
                "rr-tiny-quantum",
                ["RR, 너무 작은 퀀텀", "RR, quantum too small"],
                [
                    "전환 비용이 실제 작업 시간과 거의 같아집니다.",
                    "Switching costs nearly as much as the work itself.",
                ],
            ),
            preset(
                "rr-huge-quantum",
                ["RR, 너무 큰 퀀텀", "RR, quantum too large"],
                [
                    "퀀텀이 모든 버스트보다 크면 RR은 FCFS와 같아집니다.",
                    "A quantum longer than every burst turns RR into FCFS.",
                ],
            ),
            preset(
                "mlq",
                ["다단계 큐", "Multilevel queue"],
                [
                    "시스템 큐가 비어야 아래 큐가 실행됩니다.",
                    "A lower queue runs only when the queues above it are empty.",
                ],
            ),
            preset(
                "mlfq-silberschatz",
                ["다단계 피드백 큐", "Multilevel feedback queue"],
                [
                    "큐 0 RR 8, 큐 1 RR 16, 큐 2 FCFS: 긴 작업은 아래로 내려갑니다.",
                    "Q0 RR 8, Q1 RR 16, Q2 FCFS: long jobs sink.",
                ],
            ),
            preset(
                "mlfq-gaming-old-rule-4",
                ["MLFQ 속이기 (옛 규칙)", "Gaming MLFQ (old rule)"],
                [
                    "퀀텀이 끝나기 직전에 I/O를 하는 Gamer가 맨 위 큐에 남아 CPU를 독차지합니다.",
                    "Gamer does I/O just before its quantum ends, stays on top and hogs the CPU.",
                ],
            ),
            preset(
                "mlfq-gaming-new-rule-4",
                ["할당량을 누적하면", "With the allotment counted"],
                [
                    "새 규칙에서는 사용한 시간을 누적하므로 Gamer도 아래 큐로 내려갑니다.",
                    "Under the new rule the time used adds up, so Gamer sinks too.",
                ],
            ),
            preset(
                "mlfq-ostep-boost",
                ["MLFQ 우선순위 부스트", "MLFQ priority boost"],
                [
                    "주기적으로 모든 프로세스를 맨 위 큐로 올려 아래 큐의 기아 상태를 막습니다.",
                    "Moving everyone to the top periodically stops the bottom level from starving.",
                ],
            ),
        ],
        Topic::Pcb => vec![built(
            "learn-pcb",
            pcb_fields,
            ["PCB 살펴보기", "Inspect the PCBs"],
            [
                "'기계가 실행되는 모습 보기'에서 프로세스를 고르면 틱마다 상태, 우선순위, 시간 정보가 바뀌는 것이 보입니다.",
                "In \"Watch the machine run\", pick a process: its state, priority and times change tick by tick.",
            ],
        )],
        Topic::ContextSwitch => vec![
            preset(
                "switch-processes",
                ["프로세스 사이의 전환", "Switching between processes"],
                [
                    "CPU 1개, 프로세스 4개: 전환마다 3틱이 들고, 캐시에는 프로세스 두 개 분량만 들어가서 다시 CPU를 받을 때마다 자기 데이터를 다시 채우느라 2틱씩 멈춥니다($ 구간).",
                    "One CPU, four processes: every switch costs 3 ticks, and the cache holds only about two processes, so each process stalls 2 ticks refilling its data whenever it gets the CPU back (the $ slices).",
                ],
            ),
            preset(
                "switch-threads",
                ["스레드 사이의 전환", "Switching between threads"],
                [
                    "같은 일을 한 프로세스의 스레드 4개로: 전환마다 1틱이고, 코드·데이터·힙을 공유하므로 첫 바퀴 이후에는 필요한 데이터가 캐시에 남아 있어 멈춤이 없습니다.",
                    "The same work as four threads of one process: 1 tick per switch, and since they share code, data and heap, the cache stays warm after the first round: no more stalls.",
                ],
            ),
            built(
                "learn-cache-evicted",
                cache_evicted,
                ["CPU 1개: 전환이 캐시를 비움", "One CPU: a switch evicts the cache"],
                [
                    "캐시에 A와 B 중 하나만 들어갑니다. B가 실행되며 A의 데이터를 밀어내므로, A는 CPU를 다시 받을 때마다 5틱 동안 멈춰 캐시를 다시 채웁니다. 전환 비용은 0으로 두었습니다.",
                    "The cache holds A or B, not both. B's run evicts A's lines, so every time A gets the CPU back it stalls 5 ticks refilling them. Switching itself is free here.",
                ],
            ),
            built(
                "learn-cache-fits",
                cache_fits,
                ["캐시가 둘 다 담을 때", "A cache big enough for both"],
                [
                    "같은 작업에 캐시만 두 배: 처음 한 번씩만 캐시를 채우고, 그 뒤 전환에서는 멈추지 않아 48틱이 아니라 28틱에 끝납니다.",
                    "The same jobs with twice the cache: each fills it once, later switches do not stall, and all ends at tick 28 instead of 48.",
                ],
            ),
            built(
                "learn-idle",
                idle_cpu,
                ["유휴 시간", "Idle time"],
                [
                    "4틱부터 8틱까지는 두 프로세스가 모두 I/O를 기다려 CPU가 쉽니다.",
                    "From tick 4 to 8 both processes wait for I/O, and the CPU sits idle.",
                ],
            ),
            preset(
                "affinity-off",
                ["CPU 2개: 다른 CPU로 옮기면 캐시 미스", "Two CPUs: a move finds a cold cache"],
                [
                    "프로세스가 다른 CPU로 옮겨 갈 때마다 그 CPU의 캐시를 채우느라 멈춥니다.",
                    "Each move to another CPU stalls while that CPU's cache refills.",
                ],
            ),
            preset(
                "affinity-on",
                ["캐시 친화성", "Cache affinity"],
                [
                    "자기 데이터가 캐시에 남아 있는 CPU로 돌아가면 멈춤이 줄어듭니다.",
                    "Returning to the CPU whose cache is warm cuts the stalls.",
                ],
            ),
            // The other cache model: no stall, but a job runs faster once the cache is warm.
            preset(
                "warmup-two-cpus",
                ["예열 캐시 모델: 친화성 없음", "Warm-up cache model: no affinity"],
                [
                    "멈춤 대신 예열: 캐시가 따뜻해지기 전(10틱)에 타이머가 작업을 다른 CPU로 옮겨, 모두 차가운 캐시로 돌아 150틱에 끝납니다.",
                    "Warm-up instead of stalls: the timer moves each job to the other CPU before its cache warms (10 ticks), so everything runs cold and ends at 150.",
                ],
            ),
            preset(
                "warmup-two-cpus-affinity",
                ["예열 캐시 모델: 하드 친화성", "Warm-up cache model: hard affinity"],
                [
                    "a는 CPU 0에, b와 c는 CPU 1에 묶여 캐시가 따뜻하게 유지되고(빗금 없는 칸), 모두 110틱에 끝납니다.",
                    "Pinning a to CPU 0 and b and c to CPU 1 keeps their caches warm (the solid slices): everything ends at 110.",
                ],
            ),
        ],
        Topic::Threads => vec![
            preset(
                "threads-user-level",
                ["사용자 수준 스레드 (다대일)", "User-level threads (many-to-one)"],
                [
                    "한 스레드가 I/O로 막히면 P1 전체가 막힙니다.",
                    "When one thread blocks on I/O, all of P1 blocks.",
                ],
            ),
            preset(
                "threads-kernel-level",
                ["커널 수준 스레드 (일대일)", "Kernel-level threads (one-to-one)"],
                [
                    "한 스레드가 I/O 중이어도 형제 스레드가 실행됩니다.",
                    "While one thread waits for I/O, its siblings run.",
                ],
            ),
        ],
        Topic::Multi => vec![
            built(
                "learn-uniprogramming",
                uniprogramming,
                ["단일 프로그래밍", "Uniprogramming"],
                [
                    "I/O를 하는 동안에도 CPU를 붙잡고 있어서 CPU가 놀게 됩니다. 마지막 프로세스가 33틱에 끝납니다.",
                    "Each process holds the CPU through its I/O, so the CPU idles: the last one ends at tick 33.",
                ],
            ),
            built(
                "learn-multiprogramming",
                multiprogramming,
                ["멀티프로그래밍", "Multiprogramming"],
                [
                    "한 프로세스가 I/O를 기다리는 동안 다른 프로세스가 CPU를 씁니다. 33틱이 아니라 18틱에 모두 끝나고, CPU는 쉬지 않습니다.",
                    "While one waits for I/O another uses the CPU: all finish by tick 18 instead of 33, and the CPU never idles.",
                ],
            ),
            preset(
                "cpus-1",
                ["CPU 1개: 동시성", "1 CPU: concurrency"],
                [
                    "스레드 4개가 번갈아 실행됩니다.",
                    "Four threads take turns.",
                ],
            ),
            preset(
                "cpus-2",
                ["CPU 2개: 병렬성", "2 CPUs: parallelism"],
                [
                    "스레드 2개가 실제로 같은 순간에 실행됩니다.",
                    "Two threads truly run at the same time.",
                ],
            ),
            preset(
                "cpus-4",
                ["CPU 4개", "4 CPUs"],
                [
                    "스레드 4개가 모두 동시에 실행됩니다. 완료 시간을 비교해 보세요.",
                    "All four at once: compare the completion time.",
                ],
            ),
        ],
        Topic::Ipc => vec![
            preset(
                "message-queue-client-server",
                ["메시지 큐: 클라이언트와 서버", "Message queues: a client and a server"],
                [
                    "두 프로세스가 변수를 공유하지 않고 커널의 메시지 큐로만 주고받습니다. 받을 것이 없으면 recv가 대기 상태로 만들고, 보낸 메시지가 기다리던 쪽을 깨웁니다.",
                    "Two processes share no variable and talk only through the kernel's message queues: recv blocks while there is nothing to take, and a message sent wakes the process waiting for it.",
                ],
            ),
            preset(
                "pipe-writer-reader",
                ["파이프: 쓰는 쪽과 읽는 쪽", "A pipe: a writer and a reader"],
                [
                    "파이프가 가득 차면 쓰는 쪽이, 비면 읽는 쪽이 대기 상태가 됩니다. 쓰는 쪽이 닫고 파이프가 비면 read는 기다리지 않고 파일 끝을 받습니다. 이 기계의 read는 값 하나를 레지스터에 넣으므로 파일 끝을 -1로 표시합니다(POSIX read()는 읽은 바이트 수 0을 돌려줍니다). 소켓은 양방향 파이프처럼 동작합니다: 방향마다 파이프가 하나씩 있는 것과 같습니다. 여기서는 서로 다른 두 프로세스가 같은 이름의 .pipe p를 선언해 만나므로 명명된 파이프(FIFO)처럼 동작합니다. 다만 이 기계에는 반대쪽이 열릴 때까지 막히는 open이 없습니다.",
                    "The writer blocks while the pipe is full, the reader while it is empty; once the writer has closed it and it is empty, read does not wait: it gets end-of-file. This machine's read puts one value in a register, so it marks end-of-file as -1 (POSIX read() returns 0 bytes read). A socket behaves as a two-way pipe: one pipe each way. Here two separate processes meet by declaring the same .pipe p, as a named pipe (FIFO) joins processes by its name; this machine has no open that blocks until the other end opens.",
                ],
            ),
            preset(
                "shm-race",
                ["공유 메모리: 잠금 없음", "Shared memory, no lock"],
                [
                    "두 프로세스가 한 세그먼트의 counter를 함께 고쳐 스레드처럼 갱신 하나를 잃습니다. 메모리 맵 파일은 파일이 뒤에 있는 공유 메모리입니다: 같은 파일을 매핑한 프로세스는 이렇게 같은 페이지를 고칩니다.",
                    "Two processes update the counter of one segment and lose an update, as threads do. A memory-mapped file is shared memory backed by a file: processes that map the same file change the same pages this way.",
                ],
            ),
            preset(
                "shm-semaphore",
                ["공유 메모리: 공유 세마포어", "Shared memory with a shared semaphore"],
                [
                    "세그먼트 안의 세마포어로 한 번에 한 프로세스만 고치게 하면 갱신을 잃지 않습니다.",
                    "A semaphore in the segment lets one process at a time update the counter: no update is lost.",
                ],
            ),
            preset(
                "ipc-cost-threads",
                ["같은 일: 스레드와 공유 변수", "The same job: threads and a shared variable"],
                [
                    "커널 진입 비용이 3틱이어도 스레드는 값을 메모리로 바로 넘겨 커널에 들어가지 않습니다.",
                    "With a kernel entry cost of 3 ticks, the threads pass the values through memory and never enter the kernel.",
                ],
            ),
            preset(
                "ipc-cost-pipe",
                ["같은 일: 프로세스와 파이프", "The same job: processes and a pipe"],
                [
                    "write, read, close마다 커널에 들어가 비용을 치릅니다. 스레드 예제와 완료 시간과 커널 진입 횟수를 비교하세요.",
                    "Every write, read and close enters the kernel and pays for it: compare the completion time and the kernel entries with the threads.",
                ],
            ),
        ],
        Topic::Sync => vec![
            preset(
                "race-two-threads",
                ["두 스레드의 경쟁: 갱신 하나를 잃음", "Two threads race: one update lost"],
                [
                    "타이머가 읽기와 쓰기 사이에서 스레드를 바꿉니다. 위 표의 실행 순서가 그대로 나옵니다.",
                    "The timer switches threads between a load and its store: the interleaving in the table above.",
                ],
            ),
            preset(
                "race-three-threads",
                ["세 스레드의 경쟁", "Three threads race"],
                [
                    "세 스레드가 모두 같은 값을 읽은 뒤 차례로 써서 갱신 둘을 한꺼번에 잃습니다.",
                    "All three load the same value before any store: two updates lost at once.",
                ],
            ),
            preset(
                "race-two-cpus",
                ["CPU 2개: 타이머 없이도 경쟁", "Two CPUs: a race with no timer"],
                [
                    "멀티코어에서는 문맥 교환이 없어도 두 스레드가 같은 순간에 공유 데이터에 접근합니다.",
                    "On two cores both threads touch the counter at the same instant, with no switch at all.",
                ],
            ),
            preset(
                "lock-flag-broken",
                ["플래그 하나로 만든 잠금(틀림)", "A lock made of one flag (broken)"],
                [
                    "플래그를 확인하고 올리는 사이에 스레드가 바뀌어 둘 다 임계 구역에 들어갑니다.",
                    "A switch between testing the flag and raising it lets both threads in.",
                ],
            ),
            preset(
                "lock-xchg",
                ["xchg(test-and-set) 잠금", "An exchange (test-and-set) lock"],
                [
                    "확인과 설정을 한 명령어로 하므로 카운터가 맞습니다. 대신 기다리는 동안 CPU를 씁니다.",
                    "Test and set in one instruction: the count is right, but waiting spins on the CPU.",
                ],
            ),
            preset(
                "lock-ttas",
                ["test-and-test-and-set", "Test-and-test-and-set"],
                [
                    "잠금이 풀린 것을 먼저 읽어 확인하므로 xchg를 덜 씁니다.",
                    "Reading the lock before swapping it means fewer exchanges while it is taken.",
                ],
            ),
            preset(
                "lock-yield",
                ["기다리면 양보하는 잠금", "A lock that yields instead of spinning"],
                [
                    "잠겨 있으면 yield로 CPU를 넘겨 헛도는 명령어가 줄어듭니다.",
                    "When the lock is taken it yields the CPU: fewer instructions spent spinning.",
                ],
            ),
            preset(
                "lock-ticket",
                ["티켓 잠금(공정성)", "A ticket lock (fairness)"],
                [
                    "fetchadd로 번호표를 받아 받은 순서대로 들어갑니다.",
                    "Each thread takes a ticket with fetchadd and enters in ticket order.",
                ],
            ),
            preset(
                "lock-peterson",
                ["피터슨 알고리즘", "Peterson's algorithm"],
                [
                    "원자적 명령어 없이 플래그 둘과 turn으로 두 스레드의 상호 배제를 지킵니다.",
                    "Two flags and a turn give two threads mutual exclusion without atomic instructions.",
                ],
            ),
            preset(
                "mutex-blocking",
                ["기다리면 잠드는 뮤텍스", "A mutex that blocks instead of spinning"],
                [
                    "잠긴 뮤텍스를 만나면 대기 상태로 가서 CPU를 쓰지 않습니다. 스핀 잠금과 CPU 시간을 비교해 보세요.",
                    "A thread that finds the mutex locked blocks and uses no CPU: compare the CPU time with the spin lock.",
                ],
            ),
            preset(
                "bursts-lock-processes",
                ["버스트 칸에 쓴 잠금", "A lock written in the bursts field"],
                [
                    "버스트 사이에 lock m과 unlock m을 씁니다(2 lock m 3 unlock m 1). 같은 이름을 쓰는 프로세스들이 뮤텍스 하나를 함께 쓰고, P2는 대기 상태로 기다립니다.",
                    "Type lock m and unlock m between bursts (2 lock m 3 unlock m 1): the processes that name m share one mutex, and P2 waits for it Blocked.",
                ],
            ),
            preset(
                "producer-consumer-semaphores",
                ["생산자-소비자(세마포어)", "Producer-consumer with semaphores"],
                [
                    "버퍼가 가득 차면 생산자가, 비면 소비자가 대기합니다. 메모리 표에서 세마포어 값과 대기 큐를 보세요.",
                    "The producer blocks when the buffer is full, the consumer when it is empty: watch the semaphores' values and queues.",
                ],
            ),
            preset(
                "producer-consumer-condvar",
                ["생산자-소비자(조건 변수)", "Producer-consumer with condition variables"],
                [
                    "같은 버퍼를 뮤텍스 하나와 조건 변수 둘로 만듭니다. 깨어난 스레드는 while 반복문에서 조건을 다시 확인합니다.",
                    "The same buffer on one mutex and two condition variables: a woken thread checks its condition again in a while loop.",
                ],
            ),
            preset(
                "readers-writers",
                ["읽기-쓰기 문제(세마포어)", "Readers-writers with semaphores"],
                [
                    "읽기 스레드 둘이 함께 읽는 동안 쓰기 스레드는 rw_mutex에서 대기하고, 마지막 읽기 스레드가 나간 뒤 혼자 씁니다. 읽기 스레드가 계속 오면 쓰기 스레드는 기아에 빠질 수 있습니다.",
                    "Two readers read together while the writer waits on rw_mutex; it writes alone once the last reader leaves. Readers that keep coming can starve the writer.",
                ],
            ),
            preset(
                "deadlock-two-locks",
                ["반대 순서로 잠근 두 뮤텍스: 교착 상태", "Two locks in opposite orders: deadlock"],
                [
                    "서로가 가진 뮤텍스를 기다립니다. 교착 상태 보고와 자원 할당 그래프의 순환을 보세요.",
                    "Each waits for the mutex the other holds: see the deadlock report and the cycle in the resource-allocation graph.",
                ],
            ),
            preset(
                "deadlock-two-locks-ordered",
                ["같은 순서로 잠그면", "The same locks in one order"],
                [
                    "두 스레드가 같은 순서로 잠그면 순환 대기가 생기지 않아 모두 끝납니다.",
                    "Taken in one order, no circular wait can form: both finish.",
                ],
            ),
            preset(
                "philosophers-deadlock",
                ["식사하는 철학자: 교착 상태", "Dining philosophers: deadlock"],
                [
                    "모두 왼쪽 포크를 들고 오른쪽 포크를 기다립니다. 네 가지 조건이 모두 그래프에 보입니다.",
                    "Everyone holds the left fork and waits for the right one: all four conditions show in the graph.",
                ],
            ),
            preset(
                "philosophers-ordered",
                ["식사하는 철학자: 포크 순서로 해결", "Dining philosophers: fixed by fork order"],
                [
                    "마지막 철학자가 번호가 작은 포크부터 들면 순환 대기가 깨져 모두 식사합니다.",
                    "The last philosopher takes the lower-numbered fork first: the circle breaks and everyone eats.",
                ],
            ),
        ],
        Topic::ProcessVsThread => vec![
            preset(
                "switch-processes",
                ["멀티 프로세스", "Multi-process"],
                [
                    "같은 일을 프로세스 4개로: 주소 공간이 바뀌는 전환마다 3틱이 들고, 서로의 데이터를 캐시에서 밀어내 전환할 때마다 캐시 멈춤이 생깁니다. 109틱에 끝납니다.",
                    "The work as four processes: 3 ticks for every switch of address space, and they evict one another's data, so every switch also stalls on the cache. Done at tick 109.",
                ],
            ),
            preset(
                "switch-threads",
                ["멀티 스레드", "Multi-thread"],
                [
                    "같은 일을 스레드 4개로: 전환마다 1틱이고, 공유하는 코드·데이터·힙이 캐시에 남아 첫 바퀴 이후에는 멈춤이 없습니다. 52틱에 끝납니다.",
                    "The same work as four threads: 1 tick per switch, and the shared code, data and heap stay cached, so after the first round there are no stalls. Done at tick 52.",
                ],
            ),
            preset(
                "counter-threads",
                ["스레드 둘: 카운터 하나를 공유", "Two threads: one shared counter"],
                [
                    "두 스레드가 같은 주소 공간의 counter를 고칩니다. 메모리 표에 counter가 하나뿐입니다.",
                    "Both threads update the counter of one address space: the memory table has one counter.",
                ],
            ),
            preset(
                "counter-processes",
                ["프로세스 둘: 카운터도 둘", "Two processes: two counters"],
                [
                    "같은 프로그램이라도 프로세스마다 주소 공간이 따로여서 counter가 각자 3에서 끝납니다.",
                    "The same program in two processes: each has its own address space, so each counter ends at 3.",
                ],
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn every_topic_has_scenarios_that_validate_and_run() {
        for topic in Topic::ALL {
            let demos = demos(topic);
            assert!(!demos.is_empty(), "{topic:?} has no scenario");
            for demo in demos {
                let spec = demo
                    .spec()
                    .unwrap_or_else(|| panic!("{topic:?}: no preset {}", demo.id));
                let run = proclab_core::simulate_spec(&spec)
                    .unwrap_or_else(|errors| panic!("{topic:?} {}: {errors:?}", demo.id));
                assert!(run.end_tick() > 0, "{} runs", demo.id);
            }
        }
    }

    fn end_tick(build: fn() -> ScenarioSpec) -> u64 {
        proclab_core::simulate_spec(&build())
            .expect("valid")
            .end_tick()
    }

    /// The numbers the buttons' notes quote.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn the_notes_quote_the_simulated_numbers() {
        assert_eq!(end_tick(dispatch_free), 18);
        assert_eq!(end_tick(dispatch_costly), 34);
        assert_eq!(end_tick(uniprogramming), 33);
        assert_eq!(end_tick(multiprogramming), 18);
        assert_eq!(end_tick(cache_evicted), 48);
        assert_eq!(end_tick(cache_fits), 28);
        let idle = proclab_core::simulate_spec(&idle_cpu()).expect("valid");
        assert!(idle
            .gantt()
            .iter()
            .any(|slice| slice.kind == proclab_core::SliceKind::Idle
                && slice.start == 4
                && slice.end == 8));
        let processes = demos(Topic::ProcessVsThread)[0].spec().expect("preset");
        let threads = demos(Topic::ProcessVsThread)[1].spec().expect("preset");
        let finish =
            |spec: &ScenarioSpec| proclab_core::simulate_spec(spec).expect("valid").end_tick();
        assert_eq!((finish(&processes), finish(&threads)), (109, 52));
        let stall = |spec: &ScenarioSpec| {
            proclab_core::simulate_spec(spec)
                .expect("valid")
                .metrics()
                .totals
                .stall_ticks
        };
        assert_eq!(
            (stall(&processes), stall(&threads)),
            (32, 5),
            "the cache, not only the switch cost, favours threads"
        );
    }

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn ids_name_one_scenario_each() {
        let mut seen: Vec<(&str, ScenarioSpec)> = Vec::new();
        for demo in Topic::ALL.into_iter().flat_map(demos) {
            let spec = demo.spec().expect("resolves");
            match seen.iter().find(|(id, _)| *id == demo.id) {
                Some((_, earlier)) => assert_eq!(earlier, &spec, "{}", demo.id),
                None => seen.push((demo.id, spec)),
            }
        }
    }
}
