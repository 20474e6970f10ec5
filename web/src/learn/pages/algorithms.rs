//! Topic 5: every scheduling algorithm of the course, how it picks, and what it costs.

use crate::learn::diagrams::timeline;
use crate::learn::words::{bullets, heading, para, tr, Pair};
use proclab_app::i18n::Lang;
use yew::prelude::*;

struct Algorithm {
    name: Pair,
    picks: Pair,
    strengths: Pair,
    weaknesses: Pair,
}

const NON_PREEMPTIVE: [Algorithm; 4] = [
    Algorithm {
        name: ["FCFS (선입 선처리)", "FCFS (first come, first served)"],
        picks: ["준비 큐에 먼저 도착한 프로세스부터 끝날 때까지 실행합니다.", "Runs processes in order of arrival in the ready queue, each to the end of its burst."],
        strengths: ["가장 단순하고 공정한 순서이며 기아가 없습니다.", "The simplest rule, a fair order, no starvation."],
        weaknesses: ["긴 작업 뒤에 짧은 작업들이 줄지어 기다리는 호위 효과로 평균 대기 시간이 길어질 수 있습니다.", "The convoy effect: short jobs queue behind a long one, so average waiting can be long."],
    },
    Algorithm {
        name: ["SJF (최단 작업 우선)", "SJF (shortest job first)"],
        picks: ["다음 CPU 버스트가 가장 짧은 프로세스를 고릅니다.", "Picks the process whose next CPU burst is shortest."],
        strengths: ["비선점형 중 평균 대기 시간이 최소입니다.", "The minimum average waiting time among non-preemptive rules."],
        weaknesses: ["다음 버스트 길이를 미리 알 수 없어 과거 버스트로 예측(지수 평균)해야 하고, 짧은 작업이 계속 오면 긴 작업이 기아 상태가 됩니다.", "The next burst's length is unknown and must be predicted (exponential averaging); a stream of short jobs starves a long one."],
    },
    Algorithm {
        name: ["우선순위 (Priority)", "Priority"],
        picks: ["우선순위가 가장 높은 프로세스를 고릅니다 (보통 숫자가 작을수록 높음). 선점형으로도 쓸 수 있습니다.", "Picks the highest-priority process (often: the lower the number, the higher). It can also be preemptive."],
        strengths: ["중요한 작업을 먼저 처리할 수 있습니다.", "Important work goes first."],
        weaknesses: ["낮은 우선순위 프로세스가 무한히 기다리는 기아가 생깁니다. 해결책은 에이징입니다.", "Low-priority processes can wait forever (starvation); the cure is aging."],
    },
    Algorithm {
        name: ["HRRN (최고 응답률 우선)", "HRRN (highest response ratio next)"],
        picks: ["응답률 = (대기 시간 + 실행 시간) / 실행 시간이 가장 큰 프로세스를 고릅니다.", "Picks the process with the highest response ratio = (waiting time + service time) / service time."],
        strengths: ["짧은 작업을 우대하면서도 오래 기다릴수록 비율이 커져 긴 작업도 결국 실행됩니다. SJF의 불공평을 줄입니다.", "Favours short jobs, yet a job's ratio grows while it waits, so long jobs get their turn: it softens SJF's unfairness."],
        weaknesses: ["SJF처럼 실행 시간을 알아야 하고, 비선점형이라 응답성은 여전히 제한됩니다.", "Like SJF it needs the service time, and being non-preemptive it still limits responsiveness."],
    },
];

const PREEMPTIVE: [Algorithm; 4] = [
    Algorithm {
        name: ["RR (라운드 로빈)", "RR (round robin)"],
        picks: ["준비 큐 순서대로 한 퀀텀씩 실행하고, 퀀텀 안에 끝나지 않으면 큐의 맨 뒤로 보냅니다.", "Runs each process for one quantum in queue order; one that does not finish goes to the back of the queue."],
        strengths: ["모두에게 고르게 CPU를 나눠 응답 시간이 좋고 기아가 없습니다. 시분할 시스템의 기본입니다.", "Shares the CPU evenly: good response time, no starvation. The basis of time sharing."],
        weaknesses: ["성능이 퀀텀 크기에 달려 있습니다 (아래 참고). 평균 반환 시간은 SJF보다 깁니다.", "Everything depends on the quantum (see below); average turnaround is longer than SJF's."],
    },
    Algorithm {
        name: ["SRT / SRTF (최단 잔여 시간 우선)", "SRT / SRTF (shortest remaining time first)"],
        picks: ["SJF의 선점형: 남은 시간이 실행 중인 프로세스보다 짧은 프로세스가 도착하면 즉시 선점합니다.", "Preemptive SJF: a newly ready process with less remaining time than the running one preempts it at once."],
        strengths: ["평균 대기 시간이 가장 작습니다.", "The lowest average waiting time of all."],
        weaknesses: ["남은 시간을 알아야 하고, 긴 작업의 기아와 잦은 문맥 교환이 생깁니다.", "Needs the remaining time; long jobs can starve and switches are frequent."],
    },
    Algorithm {
        name: ["다단계 큐 (MLQ)", "Multilevel queue (MLQ)"],
        picks: ["프로세스를 종류(시스템, 대화형, 일괄 처리 등)별 큐에 고정 배치합니다. 큐마다 자기 알고리즘(예: 위는 RR, 아래는 FCFS)을 쓰고, 위 큐가 비어야 아래 큐가 실행됩니다.", "Processes are placed for good in a queue by kind (system, interactive, batch...). Each queue has its own algorithm (RR on top, FCFS below, say), and a lower queue runs only when those above are empty."],
        strengths: ["종류마다 알맞은 정책을 쓸 수 있고 스케줄링 비용이 작습니다.", "Each kind of work gets a fitting policy, at low scheduling cost."],
        weaknesses: ["큐 사이를 옮길 수 없어 유연하지 않고, 아래 큐는 기아 상태가 될 수 있습니다.", "Inflexible, since processes never change queue; lower queues can starve."],
    },
    Algorithm {
        name: ["다단계 피드백 큐 (MLFQ)", "Multilevel feedback queue (MLFQ)"],
        picks: ["새 프로세스는 맨 위 큐에서 시작합니다. 퀀텀을 다 쓰면 한 단계 내려가고, 아래 큐일수록 퀀텀이 깁니다 (맨 아래는 FCFS인 경우가 많음). 그래서 I/O 위주 프로세스는 위에, CPU 위주 프로세스는 아래에 모입니다.", "A new process starts in the top queue. Using up its quantum moves it down a level, and lower queues have longer quanta (often FCFS at the bottom). I/O-bound processes stay high; CPU-bound ones sink."],
        strengths: ["실행 시간을 몰라도 짧은 작업과 대화형 작업을 우대합니다. 가장 일반적인 방식입니다.", "Favours short and interactive work without knowing run times; the most general scheme."],
        weaknesses: ["매개변수(큐 수, 퀀텀, 승격 규칙)를 정하기 어렵습니다. 아래 큐의 기아는 주기적인 우선순위 부스트로, 퀀텀 직전에 I/O를 해서 위에 남는 꼼수는 할당량 누적으로 막습니다.", "Many parameters to tune (levels, quanta, promotion). Periodic priority boosts prevent starvation at the bottom; counting the allotment across I/O stops processes that game it by yielding just before the slice ends."],
    },
];

fn describe(lang: Lang, algorithm: &Algorithm) -> Html {
    let row = |term: Pair, text: Pair| {
        html! { <><dt>{ tr(lang, term) }</dt><dd>{ tr(lang, text) }</dd></> }
    };
    html! {
        <section class="algorithm">
            <h4>{ tr(lang, algorithm.name) }</h4>
            <dl class="terms">
                { row(["고르는 방법", "How it picks"], algorithm.picks) }
                { row(["장점", "Strengths"], algorithm.strengths) }
                { row(["단점", "Weaknesses"], algorithm.weaknesses) }
            </dl>
        </section>
    }
}

pub fn algorithms(lang: Lang) -> Html {
    html! {
        <>
            { para(lang, [
                "CPU가 비면 스케줄러가 준비 큐에서 다음 프로세스를 고릅니다. 알고리즘은 CPU 이용률, 처리량, 반환 시간, 대기 시간, 응답 시간 중 무엇을 중시하느냐에 따라 다릅니다.",
                "When the CPU falls free, the scheduler picks the next process from the ready queue. Algorithms differ in what they optimize: CPU utilization, throughput, turnaround time, waiting time or response time.",
            ]) }
            { heading(lang, ["비선점형 알고리즘", "Non-preemptive algorithms"]) }
            { for NON_PREEMPTIVE.iter().map(|algorithm| describe(lang, algorithm)) }
            { heading(lang, ["선점형 알고리즘", "Preemptive algorithms"]) }
            { for PREEMPTIVE.iter().map(|algorithm| describe(lang, algorithm)) }
            { heading(lang, ["호위 효과", "The convoy effect"]) }
            { timeline::convoy(lang) }
            { para(lang, [
                "FCFS에서 CPU를 오래 쓰는 프로세스 하나가 앞에 있으면, 짧은 프로세스들이 모두 그 뒤에서 기다립니다. 같은 작업도 순서만 바뀌면 평균 대기 시간이 17에서 3으로 줄어듭니다.",
                "Under FCFS, one CPU-heavy process at the front makes every short process wait behind it. The same jobs in another order cut the average waiting time from 17 to 3.",
            ]) }
            { heading(lang, ["기아와 에이징", "Starvation and aging"]) }
            { para(lang, [
                "기아는 실행할 수 있는데도 다른 프로세스에 계속 밀려 무한히 기다리는 것입니다 (SJF, SRT, 우선순위, 다단계 큐). 에이징은 기다린 시간만큼 우선순위를 조금씩 올려, 결국 모든 프로세스가 실행되게 합니다.",
                "Starvation: a ready process waits indefinitely because others keep being chosen first (SJF, SRT, priority, multilevel queues). Aging raises a process's priority little by little as it waits, so every process eventually runs.",
            ]) }
            { heading(lang, ["퀀텀의 크기", "The size of the quantum"]) }
            { bullets(lang, &[
                ["너무 크면: 모든 버스트가 한 퀀텀 안에 끝나 RR이 FCFS와 같아집니다.", "Too large: every burst ends within one quantum and RR becomes FCFS."],
                ["너무 작으면: 문맥 교환이 너무 잦아져 CPU 시간이 전환 오버헤드로 사라집니다.", "Too small: switches become so frequent that CPU time melts into switching overhead."],
                ["경험칙: CPU 버스트의 약 80%가 한 퀀텀보다 짧고, 퀀텀은 문맥 교환 시간보다 훨씬 길게.", "Rule of thumb: about 80% of CPU bursts shorter than the quantum, and the quantum much longer than a context switch."],
            ]) }
        </>
    }
}
