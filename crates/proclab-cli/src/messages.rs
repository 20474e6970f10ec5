//! Words for the core's error codes, in English and Korean.
//!
//! The core reports `ScenarioError` codes; this module names the field (as a JSON path) and the
//! rule broken, in the user's language.

use proclab_core::scenario::ScenarioError;

/// The language of messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Korean.
    Ko,
}

fn burst_path(process: u32, thread: Option<u32>) -> String {
    match thread {
        Some(thread) => format!("processes[{process}].threads[{thread}].bursts"),
        None => format!("processes[{process}].bursts"),
    }
}

fn level_path(level: Option<u32>) -> String {
    match level {
        Some(level) => format!("policy.levels/queues[{level}].quantum"),
        None => String::from("policy.quantum"),
    }
}

/// `field: rule` for one error.
pub fn describe(error: &ScenarioError, lang: Lang) -> String {
    use ScenarioError as E;
    let ko = lang == Lang::Ko;
    let (field, rule) = match *error {
        E::UnsupportedVersion { found } => (
            String::from("version"),
            if ko {
                format!("지원하지 않는 형식 버전 {found} (1이어야 함)")
            } else {
                format!("format version {found} is not supported (must be 1)")
            },
        ),
        E::NoProcesses => (
            String::from("processes"),
            if ko {
                String::from("프로세스가 하나도 없음")
            } else {
                String::from("there must be at least one process")
            },
        ),
        E::TooManyProcesses { count, max } => (
            String::from("processes"),
            if ko {
                format!("프로세스 {count}개: 최대 {max}개")
            } else {
                format!("{count} processes: at most {max} are allowed")
            },
        ),
        E::TooManyThreads { count, max } => (
            String::from("processes[].threads"),
            if ko {
                format!("스레드 합계 {count}개: 최대 {max}개")
            } else {
                format!("{count} threads in total: at most {max} are allowed")
            },
        ),
        E::TooManyThreadsInProcess {
            process,
            count,
            max,
        } => (
            format!("processes[{process}].threads"),
            if ko {
                format!("스레드 {count}개: 프로세스당 최대 {max}개")
            } else {
                format!("{count} threads: at most {max} per process")
            },
        ),
        E::NameTooLong {
            process,
            thread,
            max,
        } => (
            match thread {
                Some(thread) => format!("processes[{process}].threads[{thread}].name"),
                None => format!("processes[{process}].name"),
            },
            if ko {
                format!("이름이 너무 김 (최대 {max}바이트)")
            } else {
                format!("name is longer than {max} bytes")
            },
        ),
        E::NoBursts { process, thread } => (
            burst_path(process, thread),
            if ko {
                String::from("버스트가 없음: CPU 버스트가 하나 이상 필요")
            } else {
                String::from("no bursts: at least one CPU burst is needed")
            },
        ),
        E::BurstsAndThreads { process } => (
            format!("processes[{process}]"),
            if ko {
                String::from("bursts와 threads를 함께 줄 수 없음")
            } else {
                String::from("give either bursts or threads, not both")
            },
        ),
        E::TooManyBursts {
            process,
            thread,
            count,
            max,
        } => (
            burst_path(process, thread),
            if ko {
                format!("버스트 {count}개: 최대 {max}개")
            } else {
                format!("{count} bursts: at most {max} are allowed")
            },
        ),
        E::BurstZero {
            process,
            thread,
            burst,
        } => (
            format!("{}[{burst}]", burst_path(process, thread)),
            if ko {
                String::from("CPU 버스트는 1틱 이상이어야 함")
            } else {
                String::from("a CPU burst must be at least 1 tick")
            },
        ),
        E::IoFirst { process, thread } => (
            format!("{}[0]", burst_path(process, thread)),
            if ko {
                String::from("첫 버스트는 CPU여야 함")
            } else {
                String::from("the first burst must be a CPU burst")
            },
        ),
        E::IoLast { process, thread } => (
            burst_path(process, thread),
            if ko {
                String::from("마지막 버스트는 CPU여야 함")
            } else {
                String::from("the last burst must be a CPU burst")
            },
        ),
        E::NotAlternating {
            process,
            thread,
            burst,
        } => (
            format!("{}[{burst}]", burst_path(process, thread)),
            if ko {
                String::from("CPU와 I/O 버스트는 번갈아 와야 함")
            } else {
                String::from("CPU and I/O bursts must alternate")
            },
        ),
        E::BurstTooLong {
            process,
            thread,
            burst,
            max,
        } => (
            format!("{}[{burst}]", burst_path(process, thread)),
            if ko {
                format!("버스트가 너무 김 (최대 {max}틱)")
            } else {
                format!("burst is longer than {max} ticks")
            },
        ),
        E::ArrivalTooLate { process, max } => (
            format!("processes[{process}].arrival"),
            if ko {
                format!("도착 시각이 {max}틱보다 늦음")
            } else {
                format!("arrival is later than tick {max}")
            },
        ),
        E::PriorityOutOfRange {
            process,
            value,
            max,
        } => (
            format!("processes[{process}].priority"),
            if ko {
                format!("우선순위 {value}: 0..={max} 범위여야 함")
            } else {
                format!("priority {value} is outside 0..={max}")
            },
        ),
        E::UnknownClass {
            process,
            class,
            queues,
        } => (
            format!("processes[{process}].class"),
            if ko {
                format!("클래스 {class}에 해당하는 큐가 없음 (큐 {queues}개)")
            } else {
                format!("class {class} has no queue (there are {queues} queues)")
            },
        ),
        E::TicketsOutOfRange {
            process,
            value,
            max,
        } => (
            format!("processes[{process}].tickets"),
            if ko {
                format!("추첨권 {value}: 1..={max} 범위여야 함")
            } else {
                format!("{value} tickets: must be in 1..={max}")
            },
        ),
        E::CacheUnitsTooLarge { process, max } => (
            match process {
                Some(process) => format!("processes[{process}].working_set"),
                None => String::from("machine.cache.capacity"),
            },
            if ko {
                format!("캐시 단위가 너무 큼 (최대 {max})")
            } else {
                format!("more than {max} cache units")
            },
        ),
        E::QuantumZero { level } => (
            level_path(level),
            if ko {
                String::from("타임 퀀텀은 1틱 이상이어야 함")
            } else {
                String::from("a quantum must be at least 1 tick")
            },
        ),
        E::QuantumTooLarge { level, max } => (
            level_path(level),
            if ko {
                format!("타임 퀀텀이 너무 큼 (최대 {max})")
            } else {
                format!("quantum is larger than {max}")
            },
        ),
        E::AllotmentZero { level } => (
            format!("policy.levels[{level}].allotment"),
            if ko {
                String::from("할당량은 퀀텀 1개 이상이어야 함")
            } else {
                String::from("an allotment must be at least 1 quantum")
            },
        ),
        E::NoLevels => (
            String::from("policy.levels / policy.queues"),
            if ko {
                String::from("큐가 하나 이상 필요")
            } else {
                String::from("at least one level or queue is needed")
            },
        ),
        E::TooManyLevels { count, max } => (
            String::from("policy.levels / policy.queues"),
            if ko {
                format!("큐 {count}개: 최대 {max}개")
            } else {
                format!("{count} levels: at most {max} are allowed")
            },
        ),
        E::BoostPeriodZero => (
            String::from("policy.boost_period"),
            if ko {
                String::from("부스트 주기는 1틱 이상이어야 함 (끄려면 null)")
            } else {
                String::from("a boost period must be at least 1 tick (null turns it off)")
            },
        ),
        E::BoostTooFrequent { max_boosts } => (
            String::from("policy.boost_period"),
            if ko {
                format!("부스트가 너무 잦음 (실행 중 최대 {max_boosts}번)")
            } else {
                format!("boosts too often (at most {max_boosts} boosts per run)")
            },
        ),
        E::AgingZero => (
            String::from("policy.aging_every"),
            if ko {
                String::from("에이징 주기는 1틱 이상이어야 함")
            } else {
                String::from("aging period must be at least 1 tick")
            },
        ),
        E::AgingTooLarge { max } => (
            String::from("policy.aging_every"),
            if ko {
                format!("에이징 주기가 너무 큼 (최대 {max})")
            } else {
                format!("aging period is larger than {max}")
            },
        ),
        E::AlphaOutOfRange { value } => (
            String::from("policy.prediction.alpha_percent"),
            if ko {
                format!("알파 {value}%: 0..=100 범위여야 함")
            } else {
                format!("alpha {value}% is outside 0..=100")
            },
        ),
        E::Tau0OutOfRange { max } => (
            String::from("policy.prediction.tau0"),
            if ko {
                format!("초기 예측값은 1..={max} 범위여야 함")
            } else {
                format!("tau0 must be in 1..={max}")
            },
        ),
        E::NoCpus => (
            String::from("machine.cpus"),
            if ko {
                String::from("CPU가 하나 이상 필요")
            } else {
                String::from("at least one CPU is needed")
            },
        ),
        E::TooManyCpus { count, max } => (
            String::from("machine.cpus"),
            if ko {
                format!("CPU {count}개: 최대 {max}개")
            } else {
                format!("{count} CPUs: at most {max} are allowed")
            },
        ),
        E::CostTooLarge { max } => (
            String::from(
                "machine.dispatch_latency / thread_switch_latency / cache.refill_per_unit",
            ),
            if ko {
                format!("비용이 너무 큼 (최대 {max}틱)")
            } else {
                format!("a cost is larger than {max} ticks")
            },
        ),
        E::TooManySlices { estimate, max } => {
            (
                String::from("policy.quantum"),
                if ko {
                    format!("작업량에 비해 퀀텀이 너무 작음: 타임 슬라이스 약 {estimate}개 (최대 {max}개)")
                } else {
                    format!("the quantum is too small for this much work: about {estimate} time slices (at most {max})")
                },
            )
        }
    };
    format!("{field}: {rule}")
}
