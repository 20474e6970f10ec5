//! The charts' own strings, in Korean and English.
//!
//! Fixed strings are entries of [`ChartText`], each giving both languages in one array, so a
//! missing translation does not compile (the same pattern as [`crate::i18n::Text`]). Sentences
//! with numbers in them are functions that give [`Lang::pick`] a `[korean, english]` pair: both
//! must exist.

use crate::lang::{Lang, Words};
use proclab_core::program::RunEnd;
use proclab_core::Run;

/// Every fixed string of the charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartText {
    /// Short label of an idle CPU slice.
    Idle,
    /// Short label of a dispatch-latency slice (context switch).
    Dispatch,
    /// Short label of a Ready segment.
    Ready,
    /// Short label of a Running segment on a one-CPU machine.
    Running,
    /// Short label of a Blocked segment.
    Blocked,
    /// Legend: idle CPU.
    LegendIdle,
    /// Legend: dispatch latency.
    LegendDispatch,
    /// Legend: cache stall.
    LegendStall,
    /// Legend: kernel time after a system call.
    LegendKernel,
    /// Appended to a thread's name on its kernel time: `P1·k`.
    KernelMark,
    /// Legend: a thread running on a CPU.
    LegendRun,
    /// Legend: Ready.
    LegendReady,
    HeldReady,
    LegendHeldReady,
    HeldReadyDetail,
    /// Legend: Blocked.
    LegendBlocked,
    /// Sentence of a thread row's I/O wait.
    BlockedIo,
    /// Label of a thread row's wait for another thread (a mutex, semaphore, condition, queue or
    /// pipe).
    Waiting,
    /// Sentence of that wait.
    WaitingDetail,
    /// The x axis of the Gantt chart.
    TimeAxis,
    /// `<summary>` of the data tables.
    ChartData,
    /// Table header: the chart row.
    Row,
    /// Table header: first tick.
    From,
    /// Table header: one past the last tick.
    To,
    /// Table header: what happens.
    Activity,
    /// Table header and legend: the policy.
    Policy,
    /// Average waiting time.
    AverageWaiting,
    /// Average turnaround time.
    AverageTurnaround,
    /// Average response time.
    AverageResponse,
    /// Context switches.
    ContextSwitches,
    /// Legend of the context-switch line, drawn against the right axis.
    ContextSwitchesRightAxis,
    /// The sweep's band behind a quantum whose run stopped early.
    StoppedEarlyBand,
    /// The quantum the policy comparison's round robin ran with, as the sweep marks it.
    ComparisonsQuantum,
    /// The same, short, beside the quantum in the sweep's table.
    RrAbove,
    /// Table header and axis: the round-robin quantum.
    Quantum,
    /// Axis of average times.
    TicksAxis,
    /// Heading of the policy comparison.
    CompareTitle,
    /// Heading of the quantum sweep.
    SweepTitle,
    /// A policy that could not run on this workload.
    CouldNotRun,
    /// A policy skipped because it would take too long to compute here.
    TooMuchWork,
    /// Nothing could run at all.
    NothingToCompare,
}

impl Words for ChartText {
    /// Korean and English, in that order.
    fn pair(self) -> [&'static str; 2] {
        match self {
            ChartText::Idle => ["유휴", "idle"],
            ChartText::Dispatch => ["CS", "CS"],
            ChartText::Ready => ["준비", "ready"],
            ChartText::Running => ["실행", "run"],
            ChartText::Blocked => ["입출력", "I/O"],
            ChartText::LegendIdle => ["유휴: 실행할 것이 없음", "idle: nothing to run"],
            ChartText::LegendDispatch => [
                "CS: 문맥 교환 (디스패치 지연)",
                "CS: context switch (dispatch latency)",
            ],
            ChartText::LegendStall => ["$: 캐시 채우기 지연", "$: cache refill stall"],
            ChartText::LegendKernel => [
                "·k: 커널 안 (시스템 호출 비용)",
                "·k: in the kernel (system call cost)",
            ],
            ChartText::KernelMark => ["·k", "·k"],
            // Drawn in the first process's colour: the words say each has its own.
            ChartText::LegendRun => ["CPU에서 실행 (프로세스마다 제 색)", "running on a CPU (each process in its colour)"],
            ChartText::LegendReady => ["준비: CPU를 기다림", "ready: waiting for a CPU"],
            ChartText::HeldReady => ["준비(프로세스 대기)", "ready, held"],
            ChartText::LegendHeldReady => [
                "준비지만 프로세스가 대기 중 (사용자 수준 스레드)",
                "ready, but its process is blocked (user-level threads)",
            ],
            ChartText::HeldReadyDetail => [
                "준비지만 프로세스가 대기 중: 같은 프로세스의 다른 사용자 수준 스레드가 기다리는 동안 커널은 프로세스 전체를 대기시킵니다 (대기 시간에는 셈)",
                "ready, but its process is blocked: while a sibling user-level thread waits, the kernel holds the whole process (counted as waiting)",
            ],
            ChartText::LegendBlocked => [
                "대기: 입출력이나 다른 스레드를 기다림",
                "blocked: waiting for I/O or another thread",
            ],
            ChartText::BlockedIo => [
                "입출력: 입출력이 끝나기를 기다림",
                "I/O: blocked until the I/O completes",
            ],
            ChartText::Waiting => ["동기화 대기", "wait"],
            ChartText::WaitingDetail => [
                "동기화 대기: 다른 스레드를 기다림 (뮤텍스, 세마포어, 조건 변수, 큐, 파이프)",
                "wait: blocked on another thread (mutex, semaphore, condition, queue, pipe)",
            ],
            ChartText::TimeAxis => ["시간 (틱)", "time (ticks)"],
            ChartText::ChartData => ["차트 데이터 (표)", "Chart data (table)"],
            ChartText::Row => ["행", "Row"],
            ChartText::From => ["시작", "From"],
            ChartText::To => ["끝", "To"],
            ChartText::Activity => ["내용", "Activity"],
            ChartText::Policy => ["정책", "Policy"],
            ChartText::AverageWaiting => ["평균 대기 시간", "Average waiting"],
            ChartText::AverageTurnaround => ["평균 반환 시간", "Average turnaround"],
            ChartText::AverageResponse => ["평균 응답 시간", "Average response"],
            ChartText::ContextSwitches => ["문맥 교환 횟수", "Context switches"],
            ChartText::ContextSwitchesRightAxis => [
                "문맥 교환 횟수 (오른쪽 축)",
                "Context switches (right axis)",
            ],
            ChartText::StoppedEarlyBand => [
                "빗금: 교착 상태나 명령어 한도로 멈춘 q",
                "hatched: q stopped early (deadlock or budget)",
            ],
            ChartText::ComparisonsQuantum => ["정책 비교의 RR", "the policy comparison's RR"],
            ChartText::RrAbove => ["위의 RR", "RR above"],
            ChartText::Quantum => ["타임 퀀텀 q", "Quantum q"],
            ChartText::TicksAxis => ["틱", "ticks"],
            ChartText::CompareTitle => [
                "같은 작업 부하에서 모든 정책 비교",
                "Every policy on the same workload",
            ],
            ChartText::SweepTitle => [
                "라운드 로빈: 타임 퀀텀에 따른 변화",
                "Round robin: the effect of the quantum",
            ],
            ChartText::CouldNotRun => [
                "이 작업 부하에서는 실행할 수 없음",
                "could not run on this workload",
            ],
            ChartText::TooMuchWork => [
                "작업이 너무 많아 여기서는 비교하지 않음 (시간 조각이 너무 많음)",
                "skipped: too many time slices to compare here",
            ],
            ChartText::NothingToCompare => [
                "비교할 결과가 없습니다. 작업 부하를 먼저 고치세요.",
                "Nothing to compare: fix the workload first.",
            ],
        }
    }
}

/// `3 processes` / `프로세스 3개`.
pub fn count_processes(count: u64, lang: Lang) -> String {
    lang.pick([
        format!("프로세스 {count}개"),
        if count == 1 {
            String::from("1 process")
        } else {
            format!("{count} processes")
        },
    ])
}

/// `1 CPU` / `CPU 2개`.
pub fn count_cpus(count: u32, lang: Lang) -> String {
    lang.pick([
        format!("CPU {count}개"),
        if count == 1 {
            String::from("1 CPU")
        } else {
            format!("{count} CPUs")
        },
    ])
}

/// A note under a Gantt chart cut short: `Showing the first 120 of 450 rows.` It counts rows
/// (the CPUs' and every thread's), not processes.
pub fn shown_of(shown: usize, total: usize, lang: Lang) -> String {
    lang.pick([
        format!("차트의 행 {total}개(CPU마다, 스레드마다 하나) 중 처음 {shown}개만 보여 줍니다."),
        format!(
            "Showing the first {shown} of the chart's {total} rows (one per CPU and per thread)."
        ),
    ])
}

/// The long description of a CPU slice or a state segment, for the data table.
pub fn describe_run(label: &str, lang: Lang) -> String {
    lang.pick([format!("{label} 실행"), format!("runs {label}")])
}

/// Dispatch latency: saving one context and loading another.
pub fn describe_dispatch(from: Option<&str>, to: &str, lang: Lang) -> String {
    match from {
        Some(from) => lang.pick([
            format!("문맥 교환: {from} 저장, {to} 적재"),
            format!("context switch: save {from}, load {to}"),
        ]),
        None => lang.pick([
            format!("디스패치: {to} 적재"),
            format!("dispatch: load {to}"),
        ]),
    }
}

/// Cache refill before a thread runs.
pub fn describe_stall(label: &str, lang: Lang) -> String {
    lang.pick([
        format!("{label}의 캐시 채우기 지연"),
        format!("cache refill stall for {label}"),
    ])
}

/// On a thread's own row: the ticks its switch-in takes, Running in its state but not executing.
pub fn describe_thread_loading(label: &str, cpu: u32, lang: Lang, ticks: u64) -> String {
    let particle = crate::lang::object_particle(label);
    lang.pick([
        format!("{label}{particle} CPU{cpu}에 적재하는 중 (문맥 교환 {ticks}틱): 상태는 실행이지만 아직 명령을 실행하지 않습니다. 대기 시간에 들지 않습니다."),
        format!("being loaded onto CPU{cpu} (context switch, {ticks} {}): Running as a state, not executing yet; not waiting", crate::lang::ticks(ticks)),
    ])
}

/// On a thread's own row: the ticks its cache refill takes before it executes.
pub fn describe_thread_stall(label: &str, cpu: u32, lang: Lang, ticks: u64) -> String {
    lang.pick([
        format!("CPU{cpu}에서 {label}의 캐시 채우기 지연 ({ticks}틱): 상태는 실행이지만 아직 명령을 실행하지 않습니다. 대기 시간에 들지 않습니다."),
        format!("cache refill stall on CPU{cpu} ({ticks} {}): Running as a state, not executing yet; not waiting", crate::lang::ticks(ticks)),
    ])
}

/// Kernel time of a thread after a system call.
pub fn describe_kernel(label: &str, lang: Lang) -> String {
    lang.pick([
        format!("{label}: 커널 안 (시스템 호출 비용)"),
        format!("{label} in the kernel (system call cost)"),
    ])
}

/// Running on a given CPU.
pub fn describe_running(cpu: Option<u32>, lang: Lang) -> String {
    match cpu {
        Some(cpu) => lang.pick([
            format!("실행 중 (CPU{cpu})"),
            format!("running on CPU{cpu}"),
        ]),
        None => lang.pick(["실행 중", "running"]).into(),
    }
}

/// The Gantt chart's one-sentence summary.
pub struct GanttSummary<'a> {
    /// Policy name.
    pub policy: &'a str,
    /// Number of processes.
    pub processes: u64,
    /// Number of CPUs.
    pub cpus: u32,
    /// Tick at which the last process exits.
    pub end: u64,
    /// Average waiting, displayed with two decimals.
    pub waiting: String,
    /// Average turnaround, displayed with two decimals.
    pub turnaround: String,
    /// Context switches on all CPUs.
    pub switches: u64,
    /// How the run ended: only a finished run "finishes" at `end`.
    pub ending: RunEnd,
    /// For a deadlock: whether the waits close a circle (else every thread left waits for
    /// something nobody will give: a lock whose holder exited, a signal nobody sends).
    pub circular: bool,
    /// Average waiting above average turnaround: a process's waiting adds up its threads'
    /// waits, which overlap in time, so the sentence says why.
    pub summed_waits: bool,
}

/// Why average waiting can exceed average turnaround (each with a leading space), said wherever
/// such figures are shown.
pub const SUMMED_WAITS: [&str; 2] = [
    " 스레드가 여럿인 프로세스의 대기는 그 스레드들이 준비 상태로 기다린 시간의 합이고 스레드들은 동시에 기다리므로, 평균 대기가 평균 반환보다 길 수도 있습니다.",
    " A process of several threads has as waiting the sum of its threads' time Ready, and they wait at the same time, so average waiting can even exceed average turnaround.",
];

/// `FCFS: 3 processes on 1 CPU finish at t=30; average waiting 17.00 ticks, ...`; a run that
/// stopped before every thread exited says why it stopped instead.
pub fn gantt_sentence(summary: &GanttSummary<'_>, lang: Lang) -> String {
    let processes = count_processes(summary.processes, lang);
    let cpus = count_cpus(summary.cpus, lang);
    let GanttSummary {
        policy,
        end,
        waiting,
        turnaround,
        switches,
        ending,
        circular,
        summed_waits,
        ..
    } = summary;
    // "1 process finishes", "3 processes finish".
    let verb = |one: &'static str, many: &'static str| {
        if summary.processes == 1 {
            one
        } else {
            many
        }
    };
    let [ko, en] = match ending {
        RunEnd::Finished => [
            format!("{processes}가 {cpus}에서 t={end}에 모두 끝납니다"),
            format!("{processes} on {cpus} {} at t={end}", verb("finishes", "finish")),
        ],
        RunEnd::Deadlock { .. } if *circular => [
            format!("{processes}가 {cpus}에서 돌다 t={end}에 교착 상태로 멈춥니다(끝나지 못한 스레드가 있습니다)"),
            format!("{processes} on {cpus} {} in a deadlock at t={end}, before every thread exits", verb("stops", "stop")),
        ],
        RunEnd::Deadlock { .. } => [
            format!("{processes}가 {cpus}에서 돌다 t={end}에 멈춥니다: 남은 스레드가 모두 끝내 오지 않을 것을 기다립니다(순환은 없습니다)"),
            format!("{processes} on {cpus} {} at t={end}: every thread left waits for something nobody will give (no cycle)", verb("stops", "stop")),
        ],
        RunEnd::BudgetExhausted { .. } => [
            format!("{processes}가 {cpus}에서 돌다 t={end}에 명령어 예산이 바닥나 멈춥니다(끝나지 못한 스레드가 있습니다)"),
            format!("{processes} on {cpus} {} at t={end}: the instruction budget ran out before every thread exited", verb("stops", "stop")),
        ],
        RunEnd::ScheduleUsedUp { .. } => [
            format!("{processes}가 {cpus}에서 돌다 t={end}에 고른 순서를 다 써서 멈춥니다(다음 선택을 기다립니다)"),
            format!("{processes} on {cpus} {} at t={end}: the schedule chosen so far is used up", verb("pauses", "pause")),
        ],
    };
    let [ko_why, en_why] = if *summed_waits {
        SUMMED_WAITS
    } else {
        ["", ""]
    };
    let switch_noun = if *switches == 1 { "switch" } else { "switches" };
    // A paused run has no averages worth reading: nothing need have finished yet.
    if matches!(ending, RunEnd::ScheduleUsedUp { .. }) {
        return lang.pick([
            format!("{policy}: {ko}. 지금까지 문맥 교환 {switches}번."),
            format!("{policy}: {en}; {switches} context {switch_noun} so far."),
        ]);
    }
    lang.pick([
        format!(
            "{policy}: {ko}. 평균 대기 {waiting}틱, 평균 반환 {turnaround}틱, 문맥 교환 {switches}번.{ko_why}"
        ),
        format!(
            "{policy}: {en}; average waiting {waiting} ticks, average turnaround {turnaround} ticks, {switches} context {switch_noun}.{en_why}"
        ),
    ])
}

/// True when a run that deadlocked has a cycle in its waits (not only threads waiting for
/// something nobody will give).
pub fn waits_close_a_circle(run: &Run) -> bool {
    run.deadlock()
        .is_some_and(|deadlock| !deadlock.cycle.is_empty())
}

/// Above the metrics of a run that stopped before every thread exited: why it stopped, and how
/// the figures count a thread that never exited (up to the stop). `None` for a finished run.
pub fn stopped_note(run: &Run, lang: Lang) -> Option<String> {
    let end = run.end_tick();
    let circular = waits_close_a_circle(run);
    let [ko, en] = match run.end() {
        RunEnd::Finished => return None,
        RunEnd::Deadlock { .. } if !circular => [
            format!("실행이 t={end}에 멈췄습니다: 남은 스레드가 모두 끝내 오지 않을 것(주인이 끝나 버린 잠금, 아무도 보내지 않을 신호)을 기다립니다. 기다림이 순환을 이루지 않으므로 그래프에 빨간 순환도 없습니다."),
            format!("The run stopped at t={end}: every thread left waits for something nobody will give (a lock whose holder exited, a signal nobody will send). The waits close no circle, so the graph shows no red cycle."),
        ],
        RunEnd::Deadlock { .. } => [
            format!("실행이 t={end}에 교착 상태로 멈췄고, 끝나지 못한 스레드가 있습니다."),
            format!("The run stopped in a deadlock at t={end}, before every thread exited."),
        ],
        RunEnd::BudgetExhausted { .. } => [
            format!("명령어 예산이 바닥나 실행이 t={end}에 멈췄고, 끝나지 못한 스레드가 있습니다(예산은 머신 설정의 \"명령어 예산\"에서 늘립니다)."),
            format!("The run stopped at t={end} when the instruction budget ran out, before every thread exited (raise it under Machine, \"Instruction budget\")."),
        ],
        RunEnd::ScheduleUsedUp { .. } => [
            format!("고른 순서를 다 써서 실행이 t={end}에서 다음 선택을 기다립니다."),
            format!("The run is paused at t={end}: the schedule chosen so far is used up."),
        ],
    };
    Some(lang.pick([
        format!("{ko} 끝나지 못한 스레드는 t={end}까지로 셉니다: 지표 표에서 * 표시한 완료가 그 시각입니다. 처리량은 모든 스레드가 끝난 프로세스만 셉니다."),
        format!("{en} A thread that never exited is counted up to t={end}: that is its completion, marked *, in the metrics table. Throughput counts only the processes whose threads all exited."),
    ]))
}

/// For each process of a run that stopped before every thread exited, whether it is one of
/// those that never finished (its completion and turnaround are counted up to the stop, and the
/// metrics table marks them); empty for a run that finished.
/// Read from the trace's exits, not from the machine at the stop (a run of a million
/// instructions stopped at its budget had spent 160 ms more of the page's time rebuilding it).
pub fn unfinished_processes(run: &Run) -> Vec<bool> {
    if matches!(run.end(), RunEnd::Finished) {
        return Vec::new();
    }
    let processes = run.scenario().processes();
    let mut exited = vec![0u32; processes.len()];
    for event in run.trace().iter() {
        if matches!(event.cause, proclab_core::Cause::Exited) {
            if let Some(count) = exited.get_mut(event.thread.pid as usize) {
                *count += 1;
            }
        }
    }
    processes
        .iter()
        .zip(exited)
        .map(|(process, exited)| exited < process.thread_count())
        .collect()
}

/// Which policy waits least and which most, and how many could not run (if any).
pub fn compare_sentence(
    best: (&str, &str),
    worst: (&str, &str),
    compared: usize,
    skipped: usize,
    lang: Lang,
) -> String {
    let (best_name, best_value) = best;
    let (worst_name, worst_value) = worst;
    let [ko, en] = [
        format!(
            "정책 {compared}개 비교: 평균 대기 시간이 가장 짧은 것은 {best_value}틱인 {best_name}, 가장 긴 것은 {worst_value}틱인 {worst_name}."
        ),
        format!(
            "{compared} policies compared: the lowest average waiting is {best_value} ticks, by {best_name}; the highest {worst_value} ticks, by {worst_name}."
        ),
    ];
    // Every policy ran: nothing to add ("0 could not run" reads as if something went wrong).
    if skipped == 0 {
        return lang.pick([ko, en]);
    }
    lang.pick([
        format!("{ko} 실행할 수 없던 정책 {skipped}개."),
        format!("{}; {skipped} could not run.", en.trim_end_matches('.')),
    ])
}

/// Where round robin waits least, and how context switches change with the quantum.
pub struct SweepSummary {
    /// Smallest and largest quantum tried.
    pub range: (u64, u64),
    /// The quanta with the lowest average waiting (all of them, on a tie), and that average.
    pub best: (Vec<u64>, String),
    /// Context switches at the smallest and at the largest quantum.
    pub switches: (u64, u64),
}

/// The Gantt legend's entry for the dashed lines at the MLFQ boosts, every `period` ticks.
/// The legend's entry for the queue labels of a multilevel run's thread rows.
pub fn levels_legend(lang: Lang) -> String {
    lang.pick([
        "Q0, Q1, …: 스레드 줄에서 그 스레드가 실행되거나 기다린 큐(단계), Q0이 가장 높음",
        "Q0, Q1, …: in a thread's row, the queue (level) it runs or waits in; Q0 is the highest",
    ])
    .to_string()
}

/// A thread row's segment sentence with the queue it is in (`ready: waiting for a CPU, in Q1`).
pub fn in_level(detail: &str, level: &str, lang: Lang) -> String {
    lang.pick([
        format!("{detail} ({level}에서)"),
        format!("{detail} (in {level})"),
    ])
}

pub fn boost_legend(period: u64, lang: Lang) -> String {
    lang.pick([
        format!("점선: {period}틱마다 우선순위 부스트(모든 작업을 맨 위 단계로)"),
        format!("dashed: a priority boost every {period} ticks (every job back to the top level)"),
    ])
}

/// The sweep legend's entry for the dashed line at the quantum the policy comparison's round
/// robin ran with.
pub fn sweep_marked(quantum: u64, lang: Lang) -> String {
    let what = ChartText::ComparisonsQuantum.get(lang);
    lang.pick([
        format!("점선: q = {quantum}, {what}"),
        format!("dashed: q = {quantum}, {what}"),
    ])
}

/// Said under the sweep when the comparison's round robin ran with a quantum the sweep did not
/// try (its dashed line would have had nowhere to go).
pub fn sweep_beyond(quantum: u64, range: (u64, u64), lang: Lang) -> String {
    let (low, high) = range;
    lang.pick([
        format!("정책 비교의 RR은 q = {quantum}으로 실행했으며, 이 그래프의 범위(q {low}–{high}) 밖입니다."),
        format!("The policy comparison's RR ran with q = {quantum}, beyond this sweep (q {low} to {high})."),
    ])
}

/// `Round robin with q = 1..20: ...`.
pub fn sweep_sentence(summary: &SweepSummary, lang: Lang) -> String {
    let SweepSummary {
        range: (low, high),
        best: (best_quanta, best_waiting),
        switches: (switches_low, switches_high),
    } = summary;
    let best_quantum = best_quanta
        .iter()
        .map(|quantum| format!("q={quantum}"))
        .collect::<Vec<_>>()
        .join(", ");
    lang.pick([
        format!(
            "라운드 로빈, q={low}..{high}: 평균 대기 시간은 {best_quantum}에서 가장 짧고 ({best_waiting}틱), 문맥 교환은 q={low}에서 {switches_low}번, q={high}에서 {switches_high}번입니다."
        ),
        format!(
            "Round robin with q from {low} to {high}: average waiting is lowest at {best_quantum} ({best_waiting} ticks); context switches go from {switches_low} at q={low} to {switches_high} at q={high}."
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comparison_counts_policies_that_could_not_run_only_when_there_are_some() {
        let sentence =
            |skipped, lang| compare_sentence(("SJF", "3.00"), ("FCFS", "9.50"), 8, skipped, lang);
        assert_eq!(
            sentence(0, Lang::En),
            "8 policies compared: the lowest average waiting is 3.00 ticks, by SJF; the highest 9.50 ticks, by FCFS."
        );
        assert_eq!(
            sentence(2, Lang::En),
            "8 policies compared: the lowest average waiting is 3.00 ticks, by SJF; the highest 9.50 ticks, by FCFS; 2 could not run."
        );
        assert!(!sentence(0, Lang::Ko).contains("실행할 수 없던"));
        assert!(sentence(2, Lang::Ko).ends_with("실행할 수 없던 정책 2개."));
    }
}
