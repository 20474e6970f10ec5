//! Topic 5: every scheduling algorithm of the course, how it picks, and what it costs.

use crate::learn::diagrams::timeline;
use crate::learn::words::{bullets, heading, para, terms, tr, Pair};
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
        name: ["FCFS (선입선출)", "FCFS (first come, first served)"],
        picks: ["준비 큐에 먼저 들어온 프로세스부터, 각자 CPU 버스트가 끝날 때까지 실행합니다.", "Runs processes in order of arrival in the ready queue, each to the end of its burst."],
        strengths: ["가장 단순하고, 도착 순서대로 처리하므로 공정하며 기아 상태가 없습니다.", "The simplest rule, a fair order, no starvation."],
        weaknesses: ["긴 작업 뒤에서 짧은 작업들이 줄지어 기다리는 호위 효과(콘보이 효과) 때문에 평균 대기 시간이 길어질 수 있습니다.", "The convoy effect: short jobs queue behind a long one, so average waiting can be long."],
    },
    Algorithm {
        name: ["SJF (최단 작업 우선)", "SJF (shortest job first)"],
        picks: ["다음 CPU 버스트가 가장 짧은 프로세스를 고릅니다.", "Picks the process whose next CPU burst is shortest."],
        strengths: ["모든 작업이 동시에 준비되어 있고 버스트 길이를 정확히 알며 문맥 교환 비용이 없다면, 어떤 스케줄보다도 평균 대기 시간이 가장 짧습니다(최적: 모두 처음부터 준비되어 있으면 선점도 도움이 되지 않습니다). 작업이 서로 다른 시각에 도착하면 이 보장은 성립하지 않습니다. 긴 작업이 먼저 시작한 뒤에 짧은 작업이 도착할 수 있기 때문입니다.", "If all jobs are ready together, their bursts are known exactly and switches are free, SJF gives the minimum average waiting time of any schedule (it is optimal: with everyone ready from the start, preempting cannot help). With arrivals at different times the guarantee is lost: a long job may already have started when a short one arrives."],
        weaknesses: ["실제로는 다음 버스트 길이를 미리 알 수 없어 과거 버스트로 예측(지수 평균)해야 하고, 짧은 작업이 계속 들어오면 긴 작업이 기아 상태에 빠집니다.", "The next burst's length is unknown and must be predicted (exponential averaging); a stream of short jobs starves a long one."],
    },
    Algorithm {
        name: ["우선순위 (Priority)", "Priority"],
        picks: ["우선순위가 가장 높은 프로세스를 고릅니다 (보통 숫자가 작을수록 우선순위가 높습니다). 선점형으로도 구현할 수 있습니다.", "Picks the highest-priority process (often: the lower the number, the higher). It can also be preemptive."],
        strengths: ["중요한 작업을 먼저 처리할 수 있습니다.", "Important work goes first."],
        weaknesses: ["우선순위가 낮은 프로세스가 끝없이 기다리는 기아 상태가 생길 수 있습니다. 해결책은 에이징입니다.", "Low-priority processes can wait forever (starvation); the cure is aging."],
    },
    Algorithm {
        name: ["HRRN (최고 응답률 우선)", "HRRN (highest response ratio next)"],
        picks: ["응답률, 즉 (대기 시간 + 실행 시간) / 실행 시간이 가장 큰 프로세스를 고릅니다. 대기 시간은 마지막으로 준비 큐에 들어온 뒤 기다린 시간입니다.", "Picks the process with the highest response ratio = (waiting time + service time) / service time, the waiting time counted since it last entered the ready queue."],
        strengths: ["짧은 작업을 우대하면서도, 오래 기다릴수록 응답률이 커지므로 긴 작업도 결국 실행됩니다. SJF의 불공평함을 줄입니다.", "Favours short jobs, yet a job's ratio grows while it waits, so long jobs get their turn: it softens SJF's unfairness."],
        weaknesses: ["SJF처럼 실행 시간을 미리 알아야 하고, 비선점형이라 응답성에는 여전히 한계가 있습니다.", "Like SJF it needs the service time, and being non-preemptive it still limits responsiveness."],
    },
];

const PREEMPTIVE: [Algorithm; 4] = [
    Algorithm {
        name: ["RR (라운드 로빈)", "RR (round robin)"],
        picks: ["준비 큐의 순서대로 한 퀀텀씩 실행하고, 퀀텀 안에 끝나지 않은 프로세스는 준비 큐의 맨 뒤로 보냅니다.", "Runs each process for one quantum in queue order; one that does not finish goes to the back of the queue."],
        strengths: ["모든 프로세스에 CPU를 고르게 나눠 주므로 응답 시간이 짧고 기아 상태가 없습니다. 시분할 시스템의 기본 방식입니다.", "Shares the CPU evenly: good response time, no starvation. The basis of time sharing."],
        weaknesses: ["성능이 퀀텀 크기에 크게 좌우됩니다 (아래 참고). 평균 반환 시간은 보통 SJF보다 깁니다.", "Everything depends on the quantum (see below); average turnaround is usually longer than SJF's."],
    },
    Algorithm {
        name: ["SRT / SRTF (최단 잔여 시간 우선)", "SRT / SRTF (shortest remaining time first)"],
        picks: ["SJF의 선점형 버전입니다. 새로 준비 상태가 된 프로세스(도착했거나 I/O를 마친)의 버스트가 실행 중인 프로세스의 남은 시간보다 짧으면 즉시 선점합니다.", "Preemptive SJF: a newly ready process with less remaining time than the running one preempts it at once."],
        strengths: ["버스트 길이를 정확히 알고 문맥 교환 비용이 0이라면, 작업이 언제 도착하든 모든 스케줄링 방식 중 평균 대기 시간이 가장 짧습니다(최적).", "With bursts known exactly and switches costing nothing, SRTF gives the lowest average waiting time of any schedule, whenever the jobs arrive (it is optimal)."],
        weaknesses: ["실제로는 남은 시간을 예측해야 하고 선점할 때마다 문맥 교환 비용이 들어, 이 최적성이 그대로 성립하지는 않습니다. 긴 작업은 기아 상태에 빠질 수 있습니다.", "In practice the remaining time must be predicted and every preemption costs a context switch, so the optimality does not carry over as is; long jobs can starve."],
    },
    Algorithm {
        name: ["다단계 큐 (MLQ)", "Multilevel queue (MLQ)"],
        picks: ["프로세스를 종류(시스템, 대화형, 일괄 처리 등)에 따라 정해진 큐에 고정으로 배치합니다. 큐마다 자기 알고리즘(예: 위 큐는 RR, 아래 큐는 FCFS)을 쓰고, 위 큐가 모두 비어야 아래 큐가 실행됩니다.", "Processes are placed for good in a queue by kind (system, interactive, batch...). Each queue has its own algorithm (RR on top, FCFS below, say), and a lower queue runs only when those above are empty."],
        strengths: ["작업 종류마다 알맞은 정책을 쓸 수 있고 스케줄링 비용이 적습니다.", "Each kind of work gets a fitting policy, at low scheduling cost."],
        weaknesses: ["프로세스가 큐 사이를 옮겨 다닐 수 없어 유연하지 않고, 아래 큐의 프로세스는 기아 상태에 빠질 수 있습니다.", "Inflexible, since processes never change queue; lower queues can starve."],
    },
    Algorithm {
        name: ["다단계 피드백 큐 (MLFQ)", "Multilevel feedback queue (MLFQ)"],
        picks: ["새 프로세스는 맨 위 큐에서 시작합니다. 퀀텀을 다 쓰면 한 단계 아래 큐로 내려가고, 아래 큐일수록 퀀텀이 깁니다 (맨 아래 큐는 FCFS인 경우가 많습니다). 그래서 I/O 중심 프로세스는 위쪽에, CPU 중심 프로세스는 아래쪽에 모입니다.", "A new process starts in the top queue. Using up its quantum moves it down a level, and lower queues have longer quanta (often FCFS at the bottom). I/O-bound processes stay high; CPU-bound ones sink."],
        strengths: ["실행 시간을 몰라도 짧은 작업과 대화형 작업을 우대합니다. 가장 범용적인 방식입니다: 단계 수, 퀀텀, 승격 규칙을 정하기에 따라 다른 알고리즘처럼 동작합니다.", "Favours short and interactive work without knowing run times; the most general scheme: set its levels, quanta and boost, and it behaves as other algorithms do."],
        weaknesses: ["정해야 할 매개변수(큐 개수, 퀀텀, 승격 규칙)가 많아 설계가 어렵습니다. 아래 큐의 기아 상태는 주기적으로 모든 프로세스를 맨 위로 올리는 우선순위 부스트로 막고, 퀀텀이 끝나기 직전에 I/O를 해서 위 큐에 계속 남는 꼼수는 사용한 시간을 누적해 계산하는 방식으로 막습니다.", "Many parameters to tune (levels, quanta, promotion). Periodic priority boosts prevent starvation at the bottom; counting the allotment across I/O stops processes that game it by yielding just before the slice ends."],
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
                "CPU가 비면 스케줄러가 준비 큐에서 다음에 실행할 프로세스를 고릅니다. 스케줄링 알고리즘은 CPU 이용률, 처리량, 반환 시간, 대기 시간, 응답 시간 중 무엇을 중시하느냐에 따라 달라집니다.",
                "When the CPU falls free, the scheduler picks the next process from the ready queue. Algorithms differ in what they optimise: CPU utilisation, throughput, turnaround time, waiting time or response time.",
            ]) }
            { heading(lang, ["스케줄을 재는 기준", "Measuring a schedule"]) }
            { para(lang, [
                "프로세스마다 도착 시각과 CPU 버스트(I/O 없이 CPU로 계산만 하는 시간)가 주어지면, 스케줄은 간트 차트로 그립니다. 시간 축 위에 CPU가 언제 누구를 실행했는지 구간으로 나타낸 그림입니다. 그 차트에서 프로세스마다 다음 값을 읽습니다.",
                "Given each process's arrival time and CPU burst (a stretch of computing with no I/O), a schedule is drawn as a Gantt chart: a timeline of which process ran on the CPU when. From that chart each process's figures are read:",
            ]) }
            { terms(lang, &[
                (["완료 시간", "Completion time"], ["프로세스가 마지막 버스트를 끝낸 시각.", "The tick at which the process finishes its last burst."]),
                (["반환 시간", "Turnaround time"], ["완료 − 도착. 도착해서 끝날 때까지 걸린 시간 전체입니다.", "Completion − arrival: all the time from arrival to the end."]),
                (["대기 시간", "Waiting time"], ["준비 큐에서 기다린 시간의 합. I/O가 없고 문맥 교환 비용이 없으면 반환 시간 − CPU 버스트입니다.", "The total time spent in the ready queue; with no I/O and no switch cost it is turnaround − CPU burst."]),
                (["응답 시간", "Response time"], ["처음 실행 − 도착. 처음으로 CPU를 받기까지 기다린 시간입니다.", "First run − arrival: how long until the process first gets the CPU."]),
                (["처리량", "Throughput"], ["완료한 프로세스 수 / 걸린 틱 수.", "Processes completed / ticks elapsed."]),
                (["CPU 이용률", "CPU utilisation"], ["CPU가 프로세스를 실행한 틱 / 전체 틱.", "Ticks the CPU ran a process / all ticks."]),
            ]) }
            { para(lang, [
                "예: 아래 호위 효과의 FCFS 차트에서 P2(CPU 버스트 3)는 0에 도착해 24에 처음 실행되고 27에 끝납니다. 반환 시간 27 − 0 = 27, 대기 시간 27 − 3 = 24, 응답 시간 24 − 0 = 24입니다. 평균은 모든 프로세스의 값을 더해 프로세스 수로 나눕니다. 세 프로세스가 30틱 안에 모두 끝나므로 처리량은 3/30 = 0.1, CPU가 30틱 내내 일하므로 이용률은 100%입니다.",
                "For example, in the FCFS chart of the convoy effect below, P2 (a CPU burst of 3) arrives at 0, first runs at 24 and ends at 27: turnaround 27 − 0 = 27, waiting 27 − 3 = 24, response 24 − 0 = 24. An average adds up every process's value and divides by the number of processes. The three processes all finish within 30 ticks, so the throughput is 3/30 = 0.1 per tick, and the CPU works all 30 ticks: utilisation 100%.",
            ]) }
            { heading(lang, ["비선점형 알고리즘", "Non-preemptive algorithms"]) }
            { for NON_PREEMPTIVE.iter().map(|algorithm| describe(lang, algorithm)) }
            { heading(lang, ["선점형 알고리즘", "Preemptive algorithms"]) }
            { for PREEMPTIVE.iter().map(|algorithm| describe(lang, algorithm)) }
            { heading(lang, ["호위 효과(콘보이 효과)", "The convoy effect"]) }
            { timeline::convoy(lang) }
            { para(lang, [
                "FCFS에서 CPU를 오래 쓰는 프로세스 하나가 앞에 있으면 짧은 프로세스들이 모두 그 뒤에서 기다립니다. 같은 작업이라도 순서만 바꾸면 평균 대기 시간이 17에서 3으로 줄어듭니다.",
                "Under FCFS, one CPU-heavy process at the front makes every short process wait behind it. The same jobs in another order cut the average waiting time from 17 to 3.",
            ]) }
            { para(lang, [
                "실제 시스템에서는 같은 일이 되풀이됩니다(Silberschatz 5.3.1절). CPU 위주 프로세스 하나가 CPU를 잡고 있는 동안 I/O 위주 프로세스들은 I/O를 마치고 그 뒤에 줄을 서고, 그동안 I/O 장치는 놉니다. CPU 위주 프로세스가 I/O를 하러 가면 이번에는 짧은 CPU 버스트들이 금방 끝나 CPU가 놉니다. CPU와 장치 모두 이용률이 떨어집니다.",
                "In a real system it happens over and over (Silberschatz, section 5.3.1): while one CPU-bound process holds the CPU, the I/O-bound ones finish their I/O and queue behind it, and the devices sit idle; when the CPU-bound one goes to do I/O, their short CPU bursts are soon done and the CPU sits idle. Both the CPU and the devices are used less.",
            ]) }
            { heading(lang, ["기아 상태와 에이징", "Starvation and aging"]) }
            { para(lang, [
                "기아 상태는 실행할 수 있는데도 다른 프로세스에 계속 밀려 끝없이 기다리는 상태입니다 (SJF, SRTF, 우선순위, 다단계 큐에서 생길 수 있습니다). 에이징은 기다린 시간에 따라 우선순위를 조금씩 올려서 결국 모든 프로세스가 실행되게 하는 기법입니다.",
                "Starvation: a ready process waits indefinitely because others keep being chosen first (SJF, SRTF, priority, multilevel queues). Aging raises a process's priority little by little as it waits, so every process eventually runs.",
            ]) }
            { heading(lang, ["퀀텀의 크기", "The size of the quantum"]) }
            { bullets(lang, &[
                ["퀀텀이 너무 크면 모든 버스트가 한 퀀텀 안에 끝나므로 RR이 FCFS와 같아집니다.", "Too large: every burst ends within one quantum and RR becomes FCFS."],
                ["퀀텀이 너무 작으면 문맥 교환이 지나치게 잦아져 CPU 시간의 많은 부분이 전환 오버헤드로 낭비됩니다.", "Too small: switches become so frequent that CPU time melts into switching overhead."],
                ["경험적으로는 CPU 버스트의 약 80%가 한 퀀텀 안에 끝나도록 퀀텀을 정하고, 퀀텀을 문맥 교환 시간보다 훨씬 길게 잡습니다.", "Rule of thumb: choose the quantum so that about 80% of CPU bursts are shorter than it, and make it much longer than a context switch."],
            ]) }
        </>
    }
}
