//! Words for the core's closed lists ([`PolicyKind`], [`QueueKind`], [`Convention`]): each list's
//! names and explanations live here once, for the page and the command line alike.

use proclab_core::{Convention, PolicyKind, PolicySpec, QueueKind, QueueSpec};

use crate::lang::{Lang, Words};

impl Words for PolicyKind {
    fn pair(self) -> [&'static str; 2] {
        match self {
            PolicyKind::Fcfs => ["FCFS (선입선출)", "FCFS (first come, first served)"],
            PolicyKind::Sjf => ["SJF (최단 작업 우선)", "SJF (shortest job first)"],
            PolicyKind::Srtf => [
                "SRTF (최단 잔여 시간 우선)",
                "SRTF (shortest remaining time first)",
            ],
            PolicyKind::Priority => ["우선순위", "Priority"],
            PolicyKind::Hrrn => [
                "HRRN (최고 응답률 우선)",
                "HRRN (highest response ratio next)",
            ],
            PolicyKind::Rr => ["라운드 로빈 (RR)", "Round robin (RR)"],
            PolicyKind::Mlq => ["다단계 큐 (MLQ)", "Multilevel queue (MLQ)"],
            PolicyKind::Mlfq => [
                "다단계 피드백 큐 (MLFQ)",
                "Multilevel feedback queue (MLFQ)",
            ],
            PolicyKind::Lottery => ["로터리", "Lottery"],
        }
    }
}

/// A policy's one-sentence explanation.
pub fn policy_explanation(kind: PolicyKind, lang: Lang) -> &'static str {
    lang.pick(match kind {
        PolicyKind::Fcfs => ["준비 큐에 들어온 순서대로, 각자 CPU 버스트가 끝날 때까지 실행합니다. 긴 작업 뒤에 짧은 작업이 줄 서는 호위 효과(콘보이 효과)가 생깁니다.", "Runs processes in order of entry into the ready queue, each to the end of its CPU burst. Short jobs queue behind long ones: the convoy effect."],
        PolicyKind::Sjf => ["다음 CPU 버스트가 가장 짧은 프로세스를 고릅니다(비선점). 평균 대기 시간이 최소지만 긴 작업이 굶을 수 있습니다.", "Picks the shortest next CPU burst (non-preemptive). Minimal average waiting, but long jobs can starve."],
        PolicyKind::Srtf => ["남은 버스트가 더 짧은 프로세스가 오면 실행 중인 것을 선점합니다.", "Preempts the running process when one with a shorter remaining burst arrives."],
        PolicyKind::Priority => ["우선순위가 가장 높은 프로세스를 고릅니다. 낮은 우선순위는 굶을 수 있어 에이징으로 막습니다.", "Picks the highest priority. Low priorities can starve; aging prevents it."],
        PolicyKind::Hrrn => ["응답률 (대기+버스트)/버스트가 가장 큰 프로세스를 고릅니다(비선점). 오래 기다리면 비율이 올라 기아가 없습니다.", "Picks the largest response ratio (waiting + burst) / burst (non-preemptive). Waiting raises the ratio, so nothing starves."],
        PolicyKind::Rr => ["준비 큐 순서대로 퀀텀만큼씩 돌아가며 실행합니다. 퀀텀이 너무 작으면 문맥 교환이, 너무 크면 FCFS가 됩니다.", "Takes turns in ready-queue order, one quantum each. Too small a quantum and switching dominates; too large and it is FCFS."],
        PolicyKind::Mlq => ["클래스별로 고정된 큐에 넣고, 높은 큐가 항상 먼저입니다. 큐마다 자기 정책을 씁니다.", "Puts each class in its own queue; a higher queue always goes first; each queue has its own policy."],
        PolicyKind::Mlfq => ["새 프로세스는 맨 위 단계에서 시작하고, 할당량을 다 쓰면 내려갑니다. 대화형 작업은 위에, CPU 위주 작업은 아래에 남습니다.", "New processes start at the top; using up the allotment demotes them. Interactive jobs stay high, CPU-bound jobs sink."],
        PolicyKind::Lottery => ["퀀텀마다 티켓을 추첨해 당첨된 프로세스를 실행합니다(시드가 같으면 결과도 같습니다).", "Each quantum goes to the holder of a ticket drawn at random (the same seed gives the same draws)."],
    })
}

impl Words for QueueKind {
    fn pair(self) -> [&'static str; 2] {
        match self {
            QueueKind::Rr => ["라운드 로빈 (RR)", "Round robin (RR)"],
            QueueKind::Fcfs => ["FCFS (선입선출)", "FCFS (first come, first served)"],
            QueueKind::Sjf => ["SJF (최단 작업 우선)", "SJF (shortest job first)"],
        }
    }
}

/// When a context switch is paid, for a scenario with a switch cost (`None` without one): the
/// rule a student needs to place the `CS` segments by hand ([`docs/semantics.md`] "Dispatch
/// latency"), stated with the results as Practice states it with an exercise.
pub fn switch_rule(scenario: &proclab_core::Scenario, lang: Lang) -> Option<String> {
    let machine = scenario.machine();
    let (process, thread) = (machine.dispatch_latency, machine.thread_switch_latency);
    if process == 0 && thread == 0 {
        return None;
    }
    let siblings = scenario
        .processes()
        .iter()
        .any(|process| process.thread_count() > 1);
    if process == 0 {
        // Only a switch between threads of one process costs anything.
        return Some(lang.pick([
            format!("같은 프로세스의 스레드 사이에서 CPU가 다른 스레드를 시작할 때마다 문맥 교환에 {thread}틱이 듭니다(프로세스가 바뀌는 교환은 비용이 없습니다). 이 시간은 대기도 실행도 아닙니다."),
            format!("A switch between threads of one process costs {thread} {} each time a CPU starts one other than the one it ran last (a switch to another process costs nothing). That time is neither waiting nor running.", crate::lang::ticks(thread)),
        ]));
    }
    let between_threads = if siblings {
        lang.pick([
            format!(" (같은 프로세스의 스레드 사이에서는 {thread}틱)"),
            format!(
                " ({thread} {} between threads of one process)",
                crate::lang::ticks(thread)
            ),
        ])
    } else {
        String::new()
    };
    Some(lang.pick([
        format!("CPU가 마지막에 실행한 것과 다른 스레드를 시작할 때마다(쉬고 난 뒤에도) 문맥 교환에 {process}틱이 듭니다{between_threads}. CPU의 첫 디스패치와, 같은 CPU에서 이어서 실행하는 스레드에는 비용이 없습니다. 이 시간은 대기도 실행도 아닙니다."),
        format!("A context switch costs {process} {}{between_threads} each time a CPU starts a thread other than the one it ran last, after an idle spell too; a CPU's first dispatch and a thread going on on its own CPU cost nothing. That time is neither waiting nor running.", crate::lang::ticks(process)),
    ]))
}

/// How the policy breaks ties and when it preempts, in a sentence or two: the rules a student
/// needs to work a schedule out by hand, stated where the results are ([`docs/semantics.md`]
/// "Choosing among ready threads").
pub fn policy_rule(policy: &PolicySpec, lang: Lang) -> &'static str {
    const TIES: [&str; 2] = [
        "같으면 준비 큐에 먼저 들어온 프로세스, 그다음 작업 부하에 먼저 적힌 프로세스가 먼저입니다.",
        "Ties go to the process that entered the ready queue first, then to the one listed first in the workload.",
    ];
    let pair: [&'static str; 2] = match policy {
        PolicySpec::Fcfs => [
            "준비 큐에 들어온 순서대로, 각자 CPU 버스트 끝까지 실행합니다. 같은 틱에 도착한 프로세스는 작업 부하에 적힌 순서로 들어옵니다.",
            "Runs in order of entry into the ready queue, each to the end of its CPU burst; arrivals of one tick enter in the order of the workload.",
        ],
        // With prediction the lengths compared are guesses, not the bursts (its rule had said
        // "next CPU bursts" while the run picked by the predictions).
        PolicySpec::Sjf {
            prediction: Some(_),
        } => [
            "다음 CPU 버스트의 예측값으로 비교합니다: τ다음 = α·t지난 + (1 − α)·τ, 첫 예측은 τ0이고 실제 길이는 버스트가 끝나야 반영됩니다. 같으면 준비 큐에 먼저 들어온 프로세스, 그다음 작업 부하에 먼저 적힌 프로세스가 먼저입니다.",
            "Compares predicted next CPU bursts: τ next = α·t last + (1 − α)·τ, starting from τ0; a burst's real length counts only once it ends. Ties go to the process that entered the ready queue first, then to the one listed first in the workload.",
        ],
        PolicySpec::Sjf { prediction: None } => [
            "다음 CPU 버스트로 비교합니다. 같으면 준비 큐에 먼저 들어온 프로세스, 그다음 작업 부하에 먼저 적힌 프로세스가 먼저입니다.",
            "Compares next CPU bursts. Ties go to the process that entered the ready queue first, then to the one listed first in the workload.",
        ],
        PolicySpec::Srtf => [
            "지금 CPU 버스트의 남은 시간이 엄격히 더 짧을 때만 선점합니다(같으면 선점하지 않음). 같으면 준비 큐에 먼저 들어온 프로세스, 그다음 작업 부하에 먼저 적힌 프로세스가 먼저입니다.",
            "Only a strictly shorter time left in the current CPU burst preempts (an equal one never does). Ties go to the process that entered the ready queue first, then to the one listed first in the workload.",
        ],
        PolicySpec::Priority {
            preemptive: true,
            aging_every: Some(_),
            ..
        } => [
            "엄격히 더 높은 우선순위만 선점합니다(같으면 선점하지 않음). 같으면 준비 큐에 먼저 들어온 프로세스, 그다음 작업 부하에 먼저 적힌 프로세스가 먼저입니다. 에이징: 준비 큐에서 기다리는 프로세스는 에이징 간격만큼 기다릴 때마다 우선순위가 한 단계 높아지고(맨 위까지), 실행 중인 프로세스는 디스패치될 때의 우선순위를 그대로 가지므로 오래 기다린 프로세스가 그것을 선점할 수 있습니다. 선점된 프로세스는 자기 원래 우선순위에서 다시 시작합니다.",
            "Only a strictly higher priority preempts (an equal one never does). Ties go to the process that entered the ready queue first, then to the one listed first in the workload. Aging: a ready process's priority improves by one step per aging interval waited (never past the top); the running process keeps the priority it was dispatched with, so one that has waited can preempt it, and a preempted process starts again from its own priority.",
        ],
        PolicySpec::Priority {
            aging_every: Some(_),
            ..
        } => [
            "같으면 준비 큐에 먼저 들어온 프로세스, 그다음 작업 부하에 먼저 적힌 프로세스가 먼저입니다. 에이징: 준비 큐에서 기다리는 프로세스는 에이징 간격만큼 기다릴 때마다 우선순위가 한 단계 높아집니다(맨 위까지). 실행을 마치고 준비 큐에 다시 들어오면 자기 원래 우선순위에서 다시 시작합니다.",
            "Ties go to the process that entered the ready queue first, then to the one listed first in the workload. Aging: a ready process's priority improves by one step per aging interval waited (never past the top); when it enters the ready queue again it starts from its own priority.",
        ],
        PolicySpec::Priority {
            preemptive: true, ..
        } => [
            "엄격히 더 높은 우선순위만 선점합니다(같으면 선점하지 않음). 같으면 준비 큐에 먼저 들어온 프로세스, 그다음 작업 부하에 먼저 적힌 프로세스가 먼저입니다.",
            "Only a strictly higher priority preempts (an equal one never does). Ties go to the process that entered the ready queue first, then to the one listed first in the workload.",
        ],
        PolicySpec::Priority { .. } => TIES,
        PolicySpec::Hrrn => [
            "응답률 (W + S) / S에서 W는 마지막으로 준비 큐에 들어온 뒤 기다린 시간(그 전의 대기는 빼고), S는 다음 CPU 버스트입니다. 같으면 준비 큐에 먼저 들어온 프로세스, 그다음 작업 부하에 먼저 적힌 프로세스가 먼저입니다.",
            "In the response ratio (W + S) / S, W is the time waited since the process last entered the ready queue (earlier waits do not count) and S its next CPU burst. Ties go to the process that entered the ready queue first, then to the one listed first in the workload.",
        ],
        PolicySpec::Rr { .. } => [
            "디스패치마다 새 퀀텀을 받고, 퀀텀이 끝나면 준비 큐의 맨 뒤로 갑니다. 혼자 남은 프로세스는 전환 없이 계속 실행합니다.",
            "Each dispatch gives a fresh quantum; a process whose quantum runs out goes to the back of the ready queue. A process alone keeps running with no switch.",
        ],
        PolicySpec::Mlq { .. } => [
            "높은 큐가 낮은 큐를 선점합니다. 선점된 프로세스는 자기 큐의 맨 앞에서 남은 퀀텀으로 다시 시작합니다.",
            "A higher queue preempts a lower one; the preempted process resumes first in its queue with the rest of its quantum.",
        ],
        PolicySpec::Mlfq(mlfq) if mlfq.old_rules_4ab => [
            "새 프로세스는 맨 위 단계에서 시작합니다. 할당량(퀀텀 단위)을 다 쓰면 내려가지만, 퀀텀이 끝나기 전에 CPU를 내놓으면(I/O 등) 단계를 유지하고 퀀텀과 할당량을 새로 받습니다(옛 규칙 4a/4b). 높은 단계가 낮은 단계를 선점합니다. 선점된 프로세스는 자기 단계의 맨 앞에서 남은 퀀텀으로 다시 시작합니다.",
            "A new process starts at the top level; using up its allotment (whole quanta) demotes it, but one that gives up the CPU before its slice ends (I/O) keeps its level with a fresh slice and allotment (old rules 4a/4b). A higher level preempts a lower one; the preempted process resumes first in its level with the rest of its quantum.",
        ],
        PolicySpec::Mlfq(_) => [
            "새 프로세스는 맨 위 단계에서 시작합니다. 할당량(퀀텀 단위)을 다 쓰면 I/O를 몇 번 했든 내려가고, 높은 단계가 낮은 단계를 선점합니다. 선점된 프로세스는 자기 단계의 맨 앞에서 남은 퀀텀으로 다시 시작합니다.",
            "A new process starts at the top level; using up its allotment (whole quanta) demotes it however often it did I/O, and a higher level preempts a lower one; the preempted process resumes first in its level with the rest of its quantum.",
        ],
        PolicySpec::Lottery { .. } => [
            "퀀텀마다 추첨합니다. 같은 시드는 같은 추첨을 냅니다.",
            "A draw at each quantum; the same seed gives the same draws.",
        ],
    };
    lang.pick(pair)
}

/// What switching a convention on does, and what the default is: `(label, hint)`.
pub fn convention_words(convention: Convention, lang: Lang) -> (&'static str, &'static str) {
    let (label, hint) = match convention {
        Convention::RequeueBeforeArrivals => (
            [
                "퀀텀 만료 프로세스가 같은 시각 도착보다 먼저 큐에 들어감 (OSTEP)",
                "A quantum-expired process re-enters before same-tick arrivals (OSTEP)",
            ],
            [
                "기본: 같은 시각에 도착한 프로세스 뒤에 섭니다(Silberschatz).",
                "Default: it queues behind processes arriving at that tick (Silberschatz).",
            ],
        ),
        Convention::ArrivalsBeforeIo => (
            [
                "같은 시각에는 도착을 I/O 완료보다 먼저 처리",
                "At one tick, arrivals enter before I/O completions",
            ],
            [
                "기본: I/O 완료가 먼저, 그다음 도착 순서입니다.",
                "Default: I/O completions first, then arrivals.",
            ],
        ),
        Convention::BoostBeforeArrivals => (
            [
                "부스트를 같은 시각의 도착보다 먼저 적용 (OSTEP)",
                "Boost before that tick's arrivals (OSTEP)",
            ],
            [
                "기본: 도착과 I/O 완료 뒤에 부스트합니다.",
                "Default: the boost comes after arrivals and I/O completions.",
            ],
        ),
        Convention::BoostLowestFirst => (
            [
                "부스트 때 가장 낮은 단계부터 올림 (OSTEP)",
                "Boost re-queues the lowest level first (OSTEP)",
            ],
            [
                "기본: 높은 단계부터 큐 순서를 지켜 올립니다.",
                "Default: higher levels first, keeping each queue's order.",
            ],
        ),
        Convention::CyclicScan => (
            [
                "준비 큐 대신 ID를 순환 검색해 다음 프로세스 선택 (process-run.py)",
                "Pick the next process by a cyclic scan of ids (process-run.py)",
            ],
            [
                "기본: 준비 큐의 맨 앞(먼저 들어온 순서)입니다.",
                "Default: the head of the ready queue (first in, first out).",
            ],
        ),
        Convention::IoCompletionPreempts => (
            [
                "I/O를 마치면 즉시 CPU를 차지",
                "An I/O completion takes the CPU at once",
            ],
            [
                "기본: 준비 상태가 되어 큐 끝에 섭니다(바로 실행되지 않음).",
                "Default: it becomes Ready at the tail of its queue (never straight to Running).",
            ],
        ),
        Convention::DispatchAtSliceEnd => (
            [
                "슬라이스가 끝나면 같은 시각의 다른 사건 전에 바로 디스패치",
                "Dispatch as soon as a slice ends, before that tick's other events",
            ],
            [
                "기본: 그 시각의 사건을 모두 처리한 뒤 결정합니다.",
                "Default: decide after every event of the instant.",
            ],
        ),
        Convention::SingleIoDevice => (
            ["I/O 장치 하나를 FIFO로 공유", "One shared FIFO I/O device"],
            [
                "기본: 장치가 무한히 많아 I/O는 정확히 그 길이만큼 걸립니다.",
                "Default: unlimited devices, so an I/O burst takes exactly its length.",
            ],
        ),
        Convention::HoldCpuDuringIo => (
            [
                "I/O 동안 CPU를 놓지 않음(단일 프로그래밍)",
                "Keep the CPU during I/O (uniprogramming)",
            ],
            [
                "기본: I/O를 요청하면 CPU를 내놓습니다(다중 프로그래밍).",
                "Default: a process gives up the CPU when it requests I/O (multiprogramming).",
            ],
        ),
        Convention::TimerContinuesAfterExit => (
            [
                "스레드가 끝나도 타이머가 이어서 셈 (x86.py의 halt)",
                "The timer keeps counting when a thread exits (x86.py's halt)",
            ],
            [
                "기본: 디스패치할 때마다 새 퀀텀을 받습니다. 켜면 다음 스레드가 남은 퀀텀만 받고, 0이면 차례를 잃습니다.",
                "Default: every dispatch gets a fresh quantum. On: the next thread gets what was left, and loses its turn if nothing was.",
            ],
        ),
    };
    (lang.pick(label), lang.pick(hint))
}

/// What decides who runs in `scenario`, in the words of [`policy_label`]: its policy, or, when
/// it carries an explicit schedule, that schedule (the policy is then not consulted at all).
pub fn scheduler_label(scenario: &proclab_core::Scenario, lang: Lang) -> String {
    match scenario.schedule() {
        Some(schedule) if schedule.repeat => {
            String::from(lang.pick(["고정된 순서(x86.py -P)", "Fixed schedule (x86.py -P)"]))
        }
        Some(_) => String::from(lang.pick(["직접 고른 순서", "Your schedule"])),
        None => policy_label(scenario.policy(), lang),
    }
}

/// A policy with its main parameters, short enough for a table row or a chart axis:
/// `RR (q=4)`, `MLFQ (8, 16, FCFS)`, `우선순위 (선점, 에이징 10)`.
pub fn policy_label(policy: &PolicySpec, lang: Lang) -> String {
    let short = |acronym: &str, details: &[String]| {
        if details.is_empty() {
            acronym.to_string()
        } else {
            format!("{acronym} ({})", details.join(", "))
        }
    };
    match policy {
        PolicySpec::Fcfs => short("FCFS", &[]),
        PolicySpec::Sjf { prediction: None } => short("SJF", &[]),
        PolicySpec::Sjf {
            prediction: Some(prediction),
        } => short(
            "SJF",
            &[format!(
                "{} α={}%",
                lang.pick(["예측", "predicted"]),
                prediction.alpha_percent
            )],
        ),
        PolicySpec::Srtf => short("SRTF", &[]),
        PolicySpec::Priority {
            preemptive,
            aging_every,
            ..
        } => {
            let mut details = vec![String::from(if *preemptive {
                lang.pick(["선점", "preemptive"])
            } else {
                lang.pick(["비선점", "non-preemptive"])
            })];
            if let Some(every) = aging_every {
                details.push(format!("{} {every}", lang.pick(["에이징", "aging every"])));
            }
            short(lang.pick(["우선순위", "Priority"]), &details)
        }
        PolicySpec::Hrrn => short("HRRN", &[]),
        PolicySpec::Rr { quantum } => short("RR", &[format!("q={quantum}")]),
        PolicySpec::Mlq { queues } => short(
            "MLQ",
            &queues
                .iter()
                .map(|queue| match queue {
                    QueueSpec::Rr { quantum } => format!("RR {quantum}"),
                    QueueSpec::Fcfs => String::from("FCFS"),
                    QueueSpec::Sjf => String::from("SJF"),
                })
                .collect::<Vec<_>>(),
        ),
        PolicySpec::Mlfq(mlfq) => short(
            "MLFQ",
            &mlfq
                .levels
                .iter()
                .map(|level| {
                    level
                        .quantum
                        .map_or(String::from("FCFS"), |q| q.to_string())
                })
                .collect::<Vec<_>>(),
        ),
        PolicySpec::Lottery { quantum } => {
            short(lang.pick(["로터리", "Lottery"]), &[format!("q={quantum}")])
        }
    }
}

/// The answer key's table in `lang`: the core's own English words, or these Korean ones.
pub fn answer_key_words(lang: Lang) -> &'static proclab_core::render::TableWords {
    use proclab_core::render::TableWords;
    const KOREAN: TableWords = TableWords {
        header: [
            "프로세스",
            "도착",
            "CPU",
            "I/O",
            "완료",
            "반환",
            "대기 시간",
            "응답",
            "전환",
            "멈춤",
        ],
        sync: "동기화",
        average: "평균",
        totals: |totals| {
            format!(
                "처리량 {}/{} = 틱당 {}, CPU 이용률 {}%, 문맥 교환 {}번, 전환에 쓴 틱 {}, 캐시 멈춤 틱 {}",
                totals.throughput.num,
                totals.throughput.den,
                totals.throughput,
                totals.utilisation.percent(),
                totals.context_switches,
                totals.switch_ticks,
                totals.stall_ticks
            )
        },
        cache: |cold, needed, warm| {
            format!("캐시: 필요한 {needed}단위 중 {cold}단위를 차갑게 다시 채움, {warm}% 따뜻함")
        },
        migrations: |total, onto, of| {
            let of = if of.is_empty() { "없음" } else { of };
            format!("CPU 이주 {total}번 (옮겨 간 CPU: {onto}; 프로세스: {of})")
        },
    };
    match lang {
        Lang::Ko => &KOREAN,
        Lang::En => &TableWords::ENGLISH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_entry_has_words_in_both_languages() {
        for lang in Lang::ALL {
            for kind in PolicyKind::ALL {
                assert!(!kind.get(lang).is_empty());
                assert!(!policy_explanation(kind, lang).is_empty());
                assert!(!policy_label(&kind.with_defaults(4), lang).is_empty());
            }
            for convention in Convention::ALL {
                let (label, hint) = convention_words(convention, lang);
                assert!(!label.is_empty() && !hint.is_empty());
            }
        }
        assert_ne!(
            convention_words(Convention::CyclicScan, Lang::Ko),
            convention_words(Convention::CyclicScan, Lang::En)
        );
    }

    #[test]
    fn labels_carry_the_parameters() {
        assert_eq!(
            policy_label(&PolicySpec::Rr { quantum: 4 }, Lang::En),
            "RR (q=4)"
        );
        assert_eq!(
            policy_label(&PolicySpec::mlfq_silberschatz(), Lang::En),
            "MLFQ (8, 16, FCFS)"
        );
        assert_eq!(
            policy_label(&PolicyKind::Mlq.with_defaults(3), Lang::Ko),
            "MLQ (RR 3, FCFS)"
        );
    }
}
