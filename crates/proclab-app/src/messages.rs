//! Problems in the user's language, each attached to the field it is about.
//!
//! The core reports [`ScenarioError`] codes and the draft reports [`InputError`]s; this module is
//! the only place that turns either into words.

use crate::draft::{FieldId, InputError};
use crate::i18n::{Lang, Text, Words};
use crate::lang::{object_particle, subject_particle, topic_particle};
use crate::paste::PasteError;
use crate::session::Notice;
use proclab_core::program::x86::ArgvError;
use proclab_core::scenario::{AffinityLimit, Cost, WarmupLimit};
use proclab_core::{PolicyKind, ScenarioError};

/// One problem to show next to one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldMessage {
    pub field: FieldId,
    pub text: String,
}

/// Words for a field that could not be read.
pub fn input_error(error: InputError, lang: Lang) -> String {
    match error {
        InputError::Missing => lang.pick(["값을 입력하세요.", "Enter a value."]).into(),
        InputError::NotANumber => lang
            .pick([
                "정수(예: 5, 12)를 입력하세요.",
                "Enter a whole number, such as 5 or 12.",
            ])
            .into(),
        InputError::Negative => lang
            .pick(["여기에는 음수를 쓸 수 없습니다.", "A negative number is not allowed here."])
            .into(),
        InputError::TooLarge => lang
            .pick(["이 칸에 쓰기에는 너무 큰 수입니다.", "This number is too large for this field."])
            .into(),
        InputError::BadBurstToken {
            position,
            meant: Some(meant),
        } => lang.pick([
            format!("{} 항목을 읽을 수 없습니다. 혹시 {meant}인가요? 연산은 lock m, unlock m, wait s, signal s처럼 이름과 함께 씁니다.", crate::lang::ko_ordinal(position + 1)),
            format!("Item {} is not a burst: did you mean {meant}? Write an operation with its name, as lock m, unlock m, wait s or signal s.", position + 1),
        ]),
        InputError::BadBurstToken {
            position,
            meant: None,
        } => lang.pick([
            format!("{} 항목을 읽을 수 없습니다. CPU 버스트는 숫자(예: 5), I/O 버스트는 io와 숫자(예: io3), 버스트 사이의 연산은 lock m, unlock m, wait s, signal s로 쓰세요.", crate::lang::ko_ordinal(position + 1)),
            format!("Item {} is not a burst. Write a CPU burst as a number (5), an I/O burst as io and a number (io3), and an operation between bursts as lock m, unlock m, wait s or signal s.", position + 1),
        ]),
        InputError::IoWithoutLength { position } => lang.pick([
            format!("{} 항목 io 뒤에 I/O 버스트의 길이가 없습니다. 틱 수를 띄우지 말고 바로 붙여 쓰세요 (예: io3).", crate::lang::ko_ordinal(position + 1)),
            format!("Item {}, io, has no length: write the I/O burst's ticks right after it, with no space (io3).", position + 1),
        ]),
        InputError::NegativeBurst { position } => lang.pick([
            format!("{} 항목에 마이너스 부호가 있습니다. 버스트의 길이는 양수 틱입니다 (예: 5, io3).", crate::lang::ko_ordinal(position + 1)),
            format!("Item {} has a minus sign: a burst lasts a positive number of ticks (5, io3).", position + 1),
        ]),
        InputError::BurstTooLarge { position } => lang.pick([
            format!("{} 항목의 수가 버스트 길이로 쓰기에는 너무 큽니다.", crate::lang::ko_ordinal(position + 1)),
            format!("Item {}: the number is too large for a burst's length.", position + 1),
        ]),
        InputError::FractionalBurst { position } => lang.pick([
            format!("{} 항목에 소수점이 있습니다. 버스트의 길이는 정수 틱으로 쓰세요 (예: 5, io3).", crate::lang::ko_ordinal(position + 1)),
            format!("Item {} has a fraction: a burst lasts a whole number of ticks (5, io3).", position + 1),
        ]),
        InputError::BadSemaphoreToken { position } => lang.pick([
            format!("{} 항목을 읽을 수 없습니다. 세마포어의 초깃값은 이름=값으로 쓰세요 (예: s=1 full=0).", crate::lang::ko_ordinal(position + 1)),
            format!("Item {} cannot be read; write each semaphore's initial value as name=value (for example s=1 full=0).", position + 1),
        ]),
        InputError::NegativeSemaphore { position } => lang.pick([
            format!("{} 항목의 초깃값이 음수입니다. 세마포어는 0 이상에서 시작합니다. 스레드가 처음부터 기다리게 하려면 0으로 두세요.", crate::lang::ko_ordinal(position + 1)),
            format!("Item {} starts a semaphore below 0. A semaphore starts at 0 or more; to make the first wait block, start it at 0.", position + 1),
        ]),
        InputError::OperationWithoutName { position } => lang.pick([
            format!("{} 항목의 연산 뒤에 뮤텍스나 세마포어의 이름이 없습니다 (예: lock m).", crate::lang::ko_ordinal(position + 1)),
            format!("The operation at item {} has no mutex or semaphore name after it (for example lock m).", position + 1),
        ]),
    }
}

fn process_field(process: u32, thread: Option<u32>, bursts: bool) -> FieldId {
    let process = process as usize;
    match (thread, bursts) {
        (Some(thread), true) => FieldId::ThreadBursts(process, thread as usize),
        (Some(thread), false) => FieldId::ThreadName(process, thread as usize),
        (None, true) => FieldId::Bursts(process),
        (None, false) => FieldId::Name(process),
    }
}

/// Where the core's error belongs on the form. `policy` tells whose level an indexed quantum
/// error is about: an MLQ queue or an MLFQ level.
pub fn error_field(error: &ScenarioError, policy: PolicyKind) -> FieldId {
    let level_quantum = |level: u32| match policy {
        PolicyKind::Mlq => FieldId::QueueQuantum(level as usize),
        _ => FieldId::LevelQuantum(level as usize),
    };
    use ScenarioError::*;
    match *error {
        UnsupportedVersion { .. } => FieldId::Version,
        NoProcesses | TooManyProcesses { .. } | TooManyThreads { .. } => FieldId::Processes,
        TooManyThreadsInProcess { process, .. } => FieldId::Bursts(process as usize),
        NameTooLong {
            process, thread, ..
        }
        | DuplicateName {
            process, thread, ..
        } => process_field(process, thread, false),
        NoBursts { process, thread }
        | IoFirst { process, thread }
        | IoLast { process, thread }
        | TooManyBursts {
            process, thread, ..
        }
        | BurstZero {
            process, thread, ..
        }
        | NotAlternating {
            process, thread, ..
        }
        | BurstTooLong {
            process, thread, ..
        }
        | OperationBurstTooLong {
            process, thread, ..
        }
        | BadOperationName {
            process, thread, ..
        }
        | OperationKindClash {
            process, thread, ..
        }
        | UnlockWithoutLock {
            process, thread, ..
        } => process_field(process, thread, true),
        BurstsAndThreads { process } => FieldId::Bursts(process as usize),
        UnknownSemaphore { .. }
        | SemaphoreIsMutex { .. }
        | SemaphoreListedTwice { .. }
        | SemaphoreInitialTooLarge { .. } => FieldId::Semaphores,
        ArrivalTooLate { process, .. } => FieldId::Arrival(process as usize),
        PriorityOutOfRange { process, .. } => FieldId::Priority(process as usize),
        UnknownClass { process, .. } => FieldId::Class(process as usize),
        TicketsOutOfRange { process, .. } => FieldId::Tickets(process as usize),
        CacheUnitsTooLarge {
            process: Some(process),
            ..
        } => FieldId::WorkingSet(process as usize),
        CacheUnitsTooLarge { process: None, .. } => FieldId::CacheCapacity,
        QuantumZero { level: Some(level) }
        | QuantumTooLarge {
            level: Some(level), ..
        } => level_quantum(level),
        QuantumZero { level: None } | QuantumTooLarge { level: None, .. } => FieldId::Quantum,
        AllotmentZero { level } => FieldId::LevelAllotment(level as usize),
        NoLevels | TooManyLevels { .. } => level_quantum(0),
        BoostPeriodZero | BoostTooFrequent { .. } => FieldId::BoostPeriod,
        AgingZero | AgingTooLarge { .. } => FieldId::AgingEvery,
        AlphaOutOfRange { .. } => FieldId::Alpha,
        Tau0OutOfRange { .. } => FieldId::Tau0,
        NoCpus | TooManyCpus { .. } => FieldId::Cpus,
        StackTooLarge {
            process, thread, ..
        } => FieldId::ThreadStack(process as usize, thread as usize),
        CostTooLarge { cost, .. } => match cost {
            Cost::DispatchLatency => FieldId::DispatchLatency,
            Cost::ThreadSwitchLatency => FieldId::ThreadSwitchLatency,
            Cost::KernelEntry => FieldId::KernelEntryCost,
            Cost::CacheRefill => FieldId::CacheRefill,
        },
        // Beside the bursts that need the most slices: where a mistyped length is, and what the
        // message's "shorten the work" means; it names the quantum too.
        TooManySlices {
            process, thread, ..
        } => process_field(process, thread, true),
        ProgramLine { process, .. } | ProgramTooLarge { process } => {
            FieldId::Program(process as usize)
        }
        ProgramAndBursts {
            process,
            thread: None,
        } => FieldId::Bursts(process as usize),
        ProgramAndBursts {
            process,
            thread: Some(thread),
        } => FieldId::ThreadBursts(process as usize, thread as usize),
        RegistersInvalid {
            process, thread, ..
        }
        | RegistersWithoutProgram { process, thread } => {
            FieldId::ThreadRegisters(process as usize, thread as usize)
        }
        InstructionBudgetOutOfRange { .. } => FieldId::InstructionBudget,
        ScheduleUnknownThread { .. } | ScheduleTooLong { .. } => FieldId::Schedule,
        QueueCapacityMismatch { process, .. }
        | PipeCapacityMismatch { process, .. }
        | ChannelKindMismatch { process, .. }
        | PipeWithoutReader { process, .. }
        | PipeWithoutWriter { process, .. }
        | SharedDeclarationMismatch { process, .. } => FieldId::Program(process as usize),
        WarmupUnsupported { process, what } => match (what, process) {
            (WarmupLimit::Bursts, Some(process)) => FieldId::Bursts(process as usize),
            (WarmupLimit::Arrival, Some(process)) => FieldId::Arrival(process as usize),
            // Under the model's choice, which says "round robin only" (a policy without a
            // quantum has no quantum field on the page).
            (WarmupLimit::SwitchCost, _) => FieldId::DispatchLatency,
            (WarmupLimit::Schedule, _) => FieldId::Schedule,
            _ => FieldId::CacheModel,
        },
        WarmRateOutOfRange { .. } => FieldId::WarmRate,
        WarmupTimeTooLarge { .. } => FieldId::WarmupTime,
        WarmupTooLong { .. } => FieldId::Processes,
        TooManyProgramThreads { .. } => FieldId::Processes,
        AffinityCpuOutOfRange { process, .. }
        | AffinityTooLong { process, .. }
        | AffinityUnsupported { process, .. } => FieldId::Affinity(process as usize),
        PeekNeedsPerCpuQueues => FieldId::PeekInterval,
    }
}

/// `n` with its digits in groups of three ("1,000,000,000"), as both languages write them.
fn grouped(n: impl core::fmt::Display) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The core's error for the command line: where it is in the file, then what is wrong.
pub fn located_error(error: &ScenarioError, policy: PolicyKind, lang: Lang) -> String {
    // The page marks the first level's field; in a file, the list itself is what is wrong (an
    // empty one has no `[0]` to point at).
    let path = match (error, policy) {
        (ScenarioError::NoLevels, PolicyKind::Mlfq) => "policy.levels".to_string(),
        (ScenarioError::NoLevels, _) => "policy.queues".to_string(),
        (ScenarioError::TooManyLevels { .. }, PolicyKind::Mlfq) => "policy.levels".to_string(),
        (ScenarioError::TooManyLevels { .. }, _) => "policy.queues".to_string(),
        _ => error_field(error, policy).json_path(),
    };
    format!("{path}: {}", scenario_error(error, lang))
}

/// The core's error in words: what is wrong and the rule broken.
pub fn scenario_error(error: &ScenarioError, lang: Lang) -> String {
    scenario_error_named(error, lang, &|_| None)
}

/// [`scenario_error`] with the processes named as the student named them, where `name` knows
/// a process's name: "Program of Cons (process 2)" rather than "Program of process 2".
pub fn scenario_error_named(
    error: &ScenarioError,
    lang: Lang,
    name: &dyn Fn(u32) -> Option<String>,
) -> String {
    use ScenarioError::*;
    // "Cons (process 2)", or "process 2" with no name to give.
    let process_named = |process: u32| match (name(process), lang) {
        (Some(name), Lang::Ko) => format!("{name}({}번 프로세스)", process + 1),
        (Some(name), Lang::En) => format!("{name} (process {})", process + 1),
        (None, Lang::Ko) => format!("{}번 프로세스", process + 1),
        (None, Lang::En) => format!("process {}", process + 1),
    };
    // Every message below names a process or a thread as the student named it: a banner had
    // read "P2: process 2's first burst is too long".
    let who = |process: u32, thread: Option<u32>, lang: Lang| match thread {
        Some(thread) => lang.pick([
            format!("{}의 {}번 스레드", process_named(process), thread + 1),
            format!("thread {} of {}", thread + 1, process_named(process)),
        ]),
        None => process_named(process),
    };
    match *error {
        UnsupportedVersion { found } => lang.pick([
            format!("형식 버전 {found}{} 지원하지 않습니다 (지원: 1).", topic_particle(&found.to_string())),
            format!("Format version {found} is not supported (supported: 1)."),
        ]),
        NoProcesses => lang.pick(["프로세스를 하나 이상 추가하세요.", "Add at least one process."]).into(),
        TooManyProcesses { count, max } => lang.pick([
            format!("프로세스가 {count}개입니다. 최대 {max}개까지 가능합니다.", max = grouped(max), count = grouped(count)),
            format!("{count} processes; at most {max} are allowed.", max = grouped(max), count = grouped(count)),
        ]),
        TooManyThreads { count, max } => lang.pick([
            format!("스레드가 모두 {count}개입니다. 최대 {max}개까지 가능합니다.", max = grouped(max), count = grouped(count)),
            format!("{count} threads in all; at most {max} are allowed.", max = grouped(max), count = grouped(count)),
        ]),
        TooManyThreadsInProcess { process, count, max } => lang.pick([
            format!("{}번 프로세스의 스레드가 {count}개입니다. 최대 {max}개까지 가능합니다.", process + 1, max = grouped(max), count = grouped(count)),
            format!("Process {} has {count} threads; at most {max} are allowed.", process + 1, max = grouped(max), count = grouped(count)),
        ]),
        NameTooLong { process, thread, max } => lang.pick([
            format!("{}의 이름이 너무 깁니다 (최대 {max}바이트).", who(process, thread, lang), max = grouped(max)),
            format!("The name of {} is too long (at most {max} bytes).", who(process, thread, lang), max = grouped(max)),
        ]),
        DuplicateName { process, thread, first } => {
            // A thread's namesake is in its own process; a process's is another process.
            let earlier = match thread {
                Some(_) => who(process, Some(first), lang),
                None => who(first, None, lang),
            };
            lang.pick([
                format!("{}의 이름이 {earlier}와 같습니다. 표와 간트 차트가 이름으로 구별하니 다른 이름을 지으세요.", who(process, thread, lang)),
                format!("{} has the same name as {earlier}: give it a name of its own, since the tables and the Gantt chart tell them apart by name.", capitalise(who(process, thread, lang))),
            ])
        }
        NoBursts { process, thread } => lang.pick([
            format!("{}에 버스트가 없습니다. CPU 버스트를 하나 이상 쓰세요.", who(process, thread, lang)),
            format!("{} has no bursts: write at least one CPU burst.", capitalise(who(process, thread, lang))),
        ]),
        BurstsAndThreads { process } => lang.pick([
            format!("{}번 프로세스에 버스트와 스레드가 함께 있습니다. 스레드가 있으면 버스트는 스레드마다 씁니다.", process + 1),
            format!("Process {} has both bursts and threads; with threads, each thread has its own bursts.", process + 1),
        ]),
        TooManyBursts { process, thread, count, max } => lang.pick([
            format!("{}의 버스트가 {count}개입니다. 최대 {max}개까지 가능합니다.", who(process, thread, lang), max = grouped(max), count = grouped(count)),
            format!("{} has {count} bursts; at most {max} are allowed.", capitalise(who(process, thread, lang)), max = grouped(max), count = grouped(count)),
        ]),
        BurstZero { process, thread, burst } => lang.pick([
            format!("{}의 {} 버스트가 0입니다. CPU 버스트는 1 이상이어야 합니다.", who(process, thread, lang), crate::lang::ko_ordinal(burst + 1)),
            format!("Burst {} of {} is 0; a CPU burst must be at least 1 tick.", burst + 1, who(process, thread, lang)),
        ]),
        IoFirst { process, thread } => lang.pick([
            format!("{}의 첫 버스트가 I/O입니다. 버스트는 CPU로 시작해야 합니다.", who(process, thread, lang)),
            format!("The first burst of {} is I/O; bursts must start with CPU.", who(process, thread, lang)),
        ]),
        IoLast { process, thread } => lang.pick([
            format!("{}의 마지막 버스트가 I/O입니다. 버스트는 CPU로 끝나야 합니다.", who(process, thread, lang)),
            format!("The last burst of {} is I/O; bursts must end with CPU.", who(process, thread, lang)),
        ]),
        NotAlternating { process, thread, burst } => lang.pick([
            format!("{}의 {} 항목이 그 앞의 버스트와 같은 종류입니다(CPU 다음 CPU, 또는 I/O 다음 I/O). CPU와 I/O 버스트는 번갈아 오고, lock m 같은 연산은 그 사이에 둘 수 있습니다.", who(process, thread, lang), crate::lang::ko_ordinal(burst + 1)),
            format!("Item {} of {} is a burst of the same kind as the burst before it (CPU after CPU, or I/O after I/O); CPU and I/O bursts alternate, with operations such as lock m allowed between them.", burst + 1, who(process, thread, lang)),
        ]),
        BurstTooLong { process, thread, burst, max } => lang.pick([
            format!("{}의 {} 버스트가 너무 깁니다 (최대 {}).", who(process, thread, lang), crate::lang::ko_ordinal(burst + 1), grouped(max)),
            format!("Burst {} of {} is too long (at most {}).", burst + 1, who(process, thread, lang), grouped(max)),
        ]),
        OperationBurstTooLong { process, thread, burst, max } => lang.pick([
            format!("{}의 {} 버스트가 너무 깁니다. 연산(lock, wait...)이 있는 버스트는 명령어 하나로 실행되므로 최대 {}틱입니다.", who(process, thread, lang), crate::lang::ko_ordinal(burst + 1), grouped(max)),
            format!("Burst {} of {} is too long: bursts with operations (lock, wait...) among them run as one instruction each, at most {} ticks.", burst + 1, who(process, thread, lang), grouped(max)),
        ]),
        BadOperationName { process, thread, burst } => lang.pick([
            format!("{}의 {} 항목: 연산의 대상 이름은 영문자로 시작하고 영문자, 숫자, _만 쓸 수 있습니다 (32자까지, 예: lock m1).", who(process, thread, lang), crate::lang::ko_ordinal(burst + 1)),
            format!("Item {} of {}: the name after an operation starts with a letter, then letters, digits or _ (at most 32, for example lock m1).", burst + 1, who(process, thread, lang)),
        ]),
        OperationKindClash { process, thread, burst, first_process } => {
            let first = if first_process == process {
                lang.pick(["이 칸의 앞 항목", "an earlier item of these bursts"]).to_string()
            } else {
                lang.pick([format!("{}번 프로세스", first_process + 1), format!("process {}", first_process + 1)])
            };
            lang.pick([
                format!("{}의 {} 항목: {first}에서 이 이름을 이미 다른 종류로 썼습니다. lock/unlock 뒤의 이름은 뮤텍스, wait/signal 뒤의 이름은 세마포어이니, 하나의 이름은 한 가지로만 쓰세요.", who(process, thread, lang), crate::lang::ko_ordinal(burst + 1)),
                format!("Item {} of {}: {first} already uses this name as the other kind. A name after lock/unlock is a mutex and after wait/signal a semaphore; a name is one or the other.", burst + 1, who(process, thread, lang)),
            ])
        }
        UnlockWithoutLock { process, thread, burst } => lang.pick([
            format!("{}의 {} 항목: 이 unlock 앞에 같은 뮤텍스의 lock이 없습니다. 뮤텍스는 잡은 스레드만 놓을 수 있습니다.", who(process, thread, lang), crate::lang::ko_ordinal(burst + 1)),
            format!("Item {} of {}: no lock of this mutex comes before this unlock; only the thread that holds a mutex may unlock it.", burst + 1, who(process, thread, lang)),
        ]),
        UnknownSemaphore { index } => lang.pick([
            format!("세마포어 초깃값의 {} 항목: 이 이름을 wait하거나 signal하는 버스트가 없습니다. 버스트 사이에 이 이름의 wait나 signal을 쓰거나 이 항목을 지우세요.", crate::lang::ko_ordinal(index + 1)),
            format!("Item {} of the semaphores' initial values: no bursts wait for or signal this name. Write a wait or a signal of it between bursts, or remove the item.", index + 1),
        ]),
        SemaphoreIsMutex { index } => lang.pick([
            format!("세마포어 초깃값의 {} 항목은 버스트에서 lock/unlock하는 뮤텍스입니다. 뮤텍스는 풀린 채로 시작하고 초깃값이 없으니 이 항목을 지우세요.", crate::lang::ko_ordinal(index + 1)),
            format!("Item {} of the semaphores' initial values names a mutex (the bursts lock and unlock it). A mutex starts unlocked and takes no initial value: remove the item.", index + 1),
        ]),
        SemaphoreListedTwice { index, first } => lang.pick([
            format!("세마포어 초깃값의 {} 항목은 {} 항목과 같은 세마포어입니다. 하나만 남기세요.", crate::lang::ko_ordinal(index + 1), crate::lang::ko_ordinal(first + 1)),
            format!("Item {} of the semaphores' initial values names the semaphore of item {} again: keep one.", index + 1, first + 1),
        ]),
        SemaphoreInitialTooLarge { index, max } => lang.pick([
            format!("세마포어 초깃값의 {} 항목이 너무 큽니다 (최대 {max}).", crate::lang::ko_ordinal(index + 1), max = grouped(max)),
            format!("Item {} of the semaphores' initial values is too large (at most {max}).", index + 1, max = grouped(max)),
        ]),
        ArrivalTooLate { process, max } => lang.pick([
            format!("{}번 프로세스의 도착 시각이 너무 늦습니다 (최대 {max}).", process + 1, max = grouped(max)),
            format!("The arrival of process {} is too late (at most {max}).", process + 1, max = grouped(max)),
        ]),
        PriorityOutOfRange { process, value, max } => lang.pick([
            format!("{}번 프로세스의 우선순위 {value}{} 범위를 벗어났습니다 (0~{max}).", process + 1, subject_particle(&value.to_string()), max = grouped(max)),
            format!("Priority {value} of process {} is out of range (0 to {max}).", process + 1, max = grouped(max)),
        ]),
        UnknownClass { process, class, queues } => lang.pick([
            format!("{}번 프로세스의 클래스 {class}에 해당하는 큐가 없습니다 (큐 0~{}).", process + 1, queues.saturating_sub(1)),
            format!("Process {} is in class {class}, but there is no such queue (queues 0 to {}).", process + 1, queues.saturating_sub(1)),
        ]),
        TicketsOutOfRange { process, value, max } => lang.pick([
            format!("{}번 프로세스의 티켓 수 {value}{} 범위를 벗어났습니다 (1~{max}).", process + 1, subject_particle(&value.to_string()), max = grouped(max)),
            format!("Process {} has {value} tickets; it needs 1 to {max}.", process + 1, max = grouped(max)),
        ]),
        CacheUnitsTooLarge { process: Some(process), max } => lang.pick([
            format!("{}번 프로세스의 작업 집합이 너무 큽니다 (최대 {max}단위).", process + 1, max = grouped(max)),
            format!("The working set of process {} is too large (at most {max} units).", process + 1, max = grouped(max)),
        ]),
        CacheUnitsTooLarge { process: None, max } => lang.pick([
            format!("캐시 크기가 너무 큽니다 (최대 {max}단위).", max = grouped(max)),
            format!("Cache size is too large (at most {max} units).", max = grouped(max)),
        ]),
        StackTooLarge { process, thread, max } => lang.pick([
            format!("{}의 스택이 너무 큽니다 (최대 {max}단위).", who(process, Some(thread), lang), max = grouped(max)),
            format!("The stack of {} is too large (at most {max} units).", who(process, Some(thread), lang), max = grouped(max)),
        ]),
        QuantumZero { .. } => lang.pick(["타임 퀀텀은 1 이상이어야 합니다.", "A time quantum must be at least 1 tick."]).into(),
        QuantumTooLarge { max, .. } => lang.pick([
            format!("타임 퀀텀이 너무 큽니다 (최대 {max}).", max = grouped(max)),
            format!("The time quantum is too large (at most {max}).", max = grouped(max)),
        ]),
        AllotmentZero { level } => lang.pick([
            format!("{}단계의 할당량은 1 이상이어야 합니다.", level),
            format!("The allotment of level {level} must be at least 1 quantum."),
        ]),
        NoLevels => lang.pick(["큐를 하나 이상 두세요.", "Add at least one queue."]).into(),
        TooManyLevels { count, max } => lang.pick([
            format!("큐가 {count}개입니다. 최대 {max}개까지 가능합니다.", max = grouped(max), count = grouped(count)),
            format!("{count} queues; at most {max} are allowed.", max = grouped(max), count = grouped(count)),
        ]),
        BoostPeriodZero => lang.pick(["부스트 주기는 1 이상이어야 합니다.", "The boost period must be at least 1 tick."]).into(),
        BoostTooFrequent { max_boosts } => lang.pick([
            format!("부스트가 너무 잦습니다 (실행 동안 최대 {max_boosts}번). 부스트 주기를 늘리거나 작업을 줄이세요."),
            format!("Boosts are too frequent (at most {max_boosts} over the run); lengthen the boost period or shorten the work."),
        ]),
        AgingZero => lang.pick(["에이징 주기는 1 이상이어야 합니다.", "The aging period must be at least 1 tick."]).into(),
        AgingTooLarge { max } => lang.pick([
            format!("에이징 주기가 너무 깁니다 (최대 {max}).", max = grouped(max)),
            format!("The aging period is too long (at most {max}).", max = grouped(max)),
        ]),
        AlphaOutOfRange { value } => lang.pick([
            format!("알파 {value}%는 0~100% 사이여야 합니다."),
            format!("Alpha {value}% must be between 0% and 100%."),
        ]),
        Tau0OutOfRange { max } => lang.pick([
            format!("초기 예측값 τ0는 1~{max} 사이여야 합니다.", max = grouped(max)),
            format!("The initial guess τ0 must be between 1 and {max}.", max = grouped(max)),
        ]),
        NoCpus => lang.pick(["CPU는 1개 이상이어야 합니다.", "There must be at least one CPU."]).into(),
        TooManyCpus { count, max } => lang.pick([
            format!("CPU가 {count}개입니다. 최대 {max}개까지 가능합니다.", max = grouped(max), count = grouped(count)),
            format!("{count} CPUs; at most {max} are allowed.", max = grouped(max), count = grouped(count)),
        ]),
        CostTooLarge { cost, max } => {
            let [korean, english] = match cost {
                Cost::DispatchLatency => ["디스패치 지연", "dispatch latency"],
                Cost::ThreadSwitchLatency => ["스레드 전환 지연", "thread switch latency"],
                Cost::KernelEntry => ["커널 진입 비용", "kernel entry cost"],
                Cost::CacheRefill => ["캐시 채움 비용", "cache refill cost"],
            };
            lang.pick([
                format!("{korean}이 너무 큽니다 (최대 {max}).", max = grouped(max)),
                format!("The {english} is too large (at most {max}).", max = grouped(max)),
            ])
        }
        TooManySlices { estimate, max, .. } => lang.pick([
            format!("이 작업은 지금의 타임 퀀텀으로 타임 슬라이스가 약 {estimate}개 필요합니다 (최대 {max}). 버스트를 줄이거나 퀀텀을 늘리세요.", max = grouped(max)),
            format!("This work needs about {estimate} time slices at the present quantum (at most {max}); shorten the bursts or raise the quantum.", max = grouped(max)),
        ]),
        ProgramLine { process, error } => lang.pick([
            format!("{}의 프로그램, {}", process_named(process), crate::program_words::parse_error(&error, lang)),
            format!("Program of {}, {}", process_named(process), crate::program_words::parse_error(&error, lang)),
        ]),
        ProgramAndBursts { process, thread } => lang.pick([
            format!("{}에 프로그램과 버스트가 함께 있습니다. 프로그램을 실행하는 스레드는 버스트 대신 명령어를 하나씩 실행합니다.", who(process, thread, lang)),
            format!("{} has both a program and bursts; a thread that runs a program executes instructions instead of bursts.", capitalise(who(process, thread, lang))),
        ]),
        RegistersInvalid { process, thread, error } => {
            let why = match (error, lang) {
                (ArgvError::UnknownRegister { .. }, Lang::Ko) => "ax bx cx dx ex fx bp만 정할 수 있습니다(sp는 스택 바닥).",
                (ArgvError::UnknownRegister { .. }, Lang::En) => "only ax bx cx dx ex fx bp can be set (sp is the stack bottom).",
                (ArgvError::BadValue { .. }, Lang::Ko) => "값은 정수여야 합니다. 여러 레지스터는 콜론(:)으로 구분해 씁니다(예: bx=3:cx=1).",
                (ArgvError::BadValue { .. }, Lang::En) => "each value must be a whole number; write register=value, separated by colons (bx=3:cx=1).",
                (ArgvError::ValueTooLarge { .. }, Lang::Ko) => "값이 너무 큽니다. 레지스터에는 -9223372036854775808부터 9223372036854775807까지 넣을 수 있습니다.",
                (ArgvError::ValueTooLarge { .. }, Lang::En) => "a value is too large: a register holds -9223372036854775808 to 9223372036854775807.",
                (_, Lang::Ko) => "레지스터=값 꼴로 쓰고, 여러 레지스터는 콜론(:)으로 구분합니다(예: bx=3:cx=1).",
                (_, Lang::En) => "write register=value, separated by colons (bx=3:cx=1).",
            };
            lang.pick([
                format!("{}의 초기 레지스터: {why}", who(process, Some(thread), lang)),
                format!("Initial registers of {}: {why}", who(process, Some(thread), lang)),
            ])
        }
        RegistersWithoutProgram { process, thread } => lang.pick([
            format!("{}에 초기 레지스터가 있지만 프로세스에 프로그램이 없습니다.", who(process, Some(thread), lang)),
            format!("{} has initial registers but its process runs no program.", capitalise(who(process, Some(thread), lang))),
        ]),
        ProgramTooLarge { process } => lang.pick([
            format!("{}번 프로세스의 프로그램과 스레드 스택이 주소 공간에 들어가지 않습니다. 명령어나 스레드를 줄이세요.", process + 1),
            format!("The program and thread stacks of process {} do not fit its address space; use fewer instructions or threads.", process + 1),
        ]),
        TooManyProgramThreads { count, max } => lang.pick([
            format!("프로그램을 실행하는 스레드가 모두 {count}개입니다. 최대 {max}개까지 가능하니, 프로그램을 실행하는 프로세스나 스레드를 줄이세요.", max = grouped(max), count = grouped(count)),
            format!("{count} threads run programs; at most {max} may: use fewer processes or threads that run programs.", max = grouped(max), count = grouped(count)),
        ]),
        InstructionBudgetOutOfRange { max } => lang.pick([
            format!("명령어 예산은 1 이상 {max} 이하입니다.", max = grouped(max)),
            format!("The instruction budget must be between 1 and {max}.", max = grouped(max)),
        ]),
        ScheduleUnknownThread { position, thread, threads } => lang.pick([
            format!("직접 정한 순서의 {} 항목이 스레드 {thread}{} 가리키지만 스레드는 0~{}번뿐입니다.", crate::lang::ko_ordinal(position + 1), object_particle(&thread.to_string()), threads.saturating_sub(1)),
            format!("Entry {} of the schedule names thread {thread}, but the threads are 0 to {}.", position + 1, threads.saturating_sub(1)),
        ]),
        ScheduleTooLong { count, max } => lang.pick([
            format!("직접 정한 순서가 {count}칸입니다. 최대 {max}칸까지 가능합니다.", max = grouped(max), count = grouped(count)),
            format!("The schedule has {count} entries; at most {max} are allowed.", max = grouped(max), count = grouped(count)),
        ]),
        QueueCapacityMismatch { process, line, first_process } => lang.pick([
            format!("{}의 프로그램, {line}번째 줄: 같은 이름의 메시지 큐를 {}{} 다른 크기로 선언했습니다. 큐를 함께 쓰는 프로세스는 크기가 같아야 합니다.", process_named(process), process_named(first_process), subject_particle(&process_named(first_process))),
            format!("Program of {}, line {line}: {} declares a message queue of this name with another capacity; processes that share a queue must agree on its capacity.", process_named(process), process_named(first_process)),
        ]),
        PipeCapacityMismatch { process, line, first_process } => lang.pick([
            format!("{}의 프로그램, {line}번째 줄: 같은 이름의 파이프를 {}{} 다른 크기로 선언했습니다. 파이프를 함께 쓰는 프로세스는 크기가 같아야 합니다.", process_named(process), process_named(first_process), subject_particle(&process_named(first_process))),
            format!("Program of {}, line {line}: {} declares a pipe of this name with another capacity; processes that share a pipe must agree on its capacity.", process_named(process), process_named(first_process)),
        ]),
        ChannelKindMismatch { process, line, first_process } => lang.pick([
            format!("{}의 프로그램, {line}번째 줄: {}{} 이 이름을 다른 종류(메시지 큐와 파이프)로 선언했습니다. 같은 이름은 같은 것을 가리켜야 합니다.", process_named(process), process_named(first_process), subject_particle(&process_named(first_process))),
            format!("Program of {}, line {line}: {} declares this name as the other kind (message queue or pipe); one name must name one thing.", process_named(process), process_named(first_process)),
        ]),
        SharedDeclarationMismatch { process, line, first_process } => lang.pick([
            format!("{}의 프로그램, {line}번째 줄: {}{} 공유 세그먼트의 같은 이름을 다르게(변수의 크기, 세마포어의 초깃값, 또는 변수, 세마포어, 뮤텍스 중 다른 것으로) 선언했습니다. 세그먼트를 함께 쓰는 프로세스는 선언이 같아야 합니다. 버스트 사이의 lock m은 공유 뮤텍스, wait s는 0에서 시작하는 공유 세마포어입니다.", process_named(process), process_named(first_process), subject_particle(&process_named(first_process))),
            format!("Program of {}, line {line}: {} declares this name of the shared segment differently (a variable's size, a semaphore's initial value, or another kind of variable, semaphore or mutex); processes that map the segment must agree. Between bursts, lock m names a shared mutex and wait s a shared semaphore starting at 0.", process_named(process), process_named(first_process)),
        ]),
        PipeWithoutReader { process, line } => lang.pick([
            format!("{}의 프로그램, {line}번째 줄: 이 파이프를 읽는(read) 프로그램이 없습니다. 쓴 값을 아무도 읽지 않으니, 읽는 프로세스에도 같은 이름의 .pipe와 read를 넣으세요.", process_named(process)),
            format!("Program of {}, line {line}: no program reads this pipe (read), so what is written would never be read; declare the same .pipe in a reading process and read from it.", process_named(process)),
        ]),
        PipeWithoutWriter { process, line } => lang.pick([
            format!("{}의 프로그램, {line}번째 줄: 이 파이프에 쓰는(write) 프로그램이 없습니다. 읽는 쪽은 곧바로 파일 끝(-1)만 받으니, 쓰는 프로세스에도 같은 이름의 .pipe와 write를 넣으세요.", process_named(process)),
            format!("Program of {}, line {line}: no program writes to this pipe (write), so a reader would get end-of-file (-1) at once; declare the same .pipe in a writing process and write to it.", process_named(process)),
        ]),
        WarmupUnsupported { process, what } => warmup_limit(process, what, lang),
        WarmRateOutOfRange { value, max } => lang.pick([
            format!("따뜻한 캐시의 속도 {value}{} 범위를 벗어났습니다 (1~{max}).", subject_particle(&value.to_string()), max = grouped(max)),
            format!("Warm rate {value} is out of range (1 to {max}).", max = grouped(max)),
        ]),
        WarmupTimeTooLarge { max } => lang.pick([
            format!("캐시 예열 시간이 너무 깁니다 (최대 {max}).", max = grouped(max)),
            format!("The cache warm-up time is too long (at most {max}).", max = grouped(max)),
        ]),
        WarmupTooLong { work, max } => lang.pick([
            format!("예열 캐시 모델로 돌리기에 작업이 너무 많습니다 (실행 시간 합 × CPU 수 = {work}, 최대 {max}). 실행 시간을 줄이거나 CPU 수를 줄이세요.", max = grouped(max)),
            format!("Too much work for the warm-up cache model (total run time × CPUs = {work}, at most {max}); shorten the jobs or use fewer CPUs.", max = grouped(max)),
        ]),
        AffinityCpuOutOfRange { process, cpu, cpus } => lang.pick([
            format!("{}번 프로세스가 CPU {cpu}에서 돌도록 지정했지만 CPU는 0~{}입니다.", process + 1, cpus.saturating_sub(1)),
            format!("Process {} may run on CPU {cpu}, but the CPUs are 0 to {}.", process + 1, cpus.saturating_sub(1)),
        ]),
        AffinityTooLong { process, count, max } => lang.pick([
            format!("{}번 프로세스의 CPU 목록이 {count}개입니다. 최대 {max}개까지 가능합니다.", process + 1, max = grouped(max), count = grouped(count)),
            format!("Process {} lists {count} CPUs; at most {max} are allowed.", process + 1, max = grouped(max), count = grouped(count)),
        ]),
        AffinityUnsupported { process, what } => {
            let process = process + 1;
            match what {
                AffinityLimit::SoftAffinity => lang.pick([
                    format!("{process}번 프로세스의 CPU 지정(하드 친화성)은 토폴로지 \"친화성\"과 함께 쓸 수 없습니다. 공유 큐나 CPU별 큐를 고르세요."),
                    format!("Process {process}: hard affinity (a CPU list) cannot be combined with the \"affinity\" topology; choose a shared queue or per-CPU queues."),
                ]),
                AffinityLimit::IoBump => lang.pick([
                    format!("{process}번 프로세스의 CPU 지정(하드 친화성)은 MLFQ의 I/O 부스트(-I)와 아직 함께 쓸 수 없습니다."),
                    format!("Process {process}: hard affinity (a CPU list) does not work yet with MLFQ's I/O bump (-I)."),
                ]),
            }
        }
        PeekNeedsPerCpuQueues => lang.pick([
            "엿보기 주기는 CPU마다 큐가 있을 때만 쓸 수 있습니다.",
            "A peek interval needs per-CPU queues.",
        ]).into(),
    }
}

/// What the warm-up cache model (OSTEP `multi.py`'s machine) cannot run, in words.
fn warmup_limit(process: Option<u32>, what: WarmupLimit, lang: Lang) -> String {
    let process = process.unwrap_or(0) + 1;
    match what {
        WarmupLimit::Policy => lang.pick([
            "예열 캐시 모델은 라운드 로빈으로만 돕니다 (퀀텀이 multi.py의 타이머입니다).",
            "The warm-up cache model runs round robin only (its quantum is multi.py's timer).",
        ]).into(),
        WarmupLimit::Bursts => lang.pick([
            format!("예열 캐시 모델에서 {process}번 프로세스는 CPU 버스트 하나만 가져야 합니다 (스레드·프로그램·I/O 없이)."),
            format!("In the warm-up cache model process {process} must be one CPU burst (no threads, program or I/O)."),
        ]),
        WarmupLimit::Arrival => lang.pick([
            format!("예열 캐시 모델에서는 모든 프로세스가 0에 도착합니다 ({process}번 프로세스)."),
            format!("In the warm-up cache model every process arrives at 0 (process {process})."),
        ]),
        WarmupLimit::SwitchCost => lang.pick([
            "예열 캐시 모델에는 문맥 교환 지연이 없습니다. 0으로 두세요.",
            "The warm-up cache model has no switch latency: set it to 0.",
        ]).into(),
        WarmupLimit::Topology => lang.pick([
            "예열 캐시 모델은 공유 큐나 CPU별 큐로 돕니다 (친화성은 CPU 목록으로 지정하세요).",
            "The warm-up cache model uses a shared queue or per-CPU queues (give affinity as a CPU list).",
        ]).into(),
        WarmupLimit::UserThreads => lang.pick([
            "예열 캐시 모델에는 사용자 수준 스레드가 없습니다.",
            "The warm-up cache model has no user-level threads.",
        ]).into(),
        WarmupLimit::Schedule => lang.pick([
            "예열 캐시 모델은 직접 정한 일정을 따르지 않습니다.",
            "The warm-up cache model does not follow an explicit schedule.",
        ]).into(),
    }
}

fn capitalise(text: String) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => text,
    }
}

/// How far a comparison has got: "12 of 40 runs done" (a total of 0: not started yet).
pub fn runs_done(finished: usize, total: usize, lang: Lang) -> String {
    if total == 0 {
        return String::from(match lang {
            Lang::Ko => "시작하는 중…",
            Lang::En => "Starting…",
        });
    }
    match lang {
        Lang::Ko => format!("실행 {total}회 중 {finished}회 완료"),
        Lang::En => format!("{finished} of {total} runs done"),
    }
}

/// A banner's words, and whether it reports an error.
pub fn notice_text(notice: &Notice, lang: Lang) -> (bool, String) {
    match notice {
        Notice::LinkBroken(error) => (
            true,
            format!(
                "{} {}",
                Text::LinkBroken.get(lang),
                crate::i18n::link_error(*error, lang)
            ),
        ),
        Notice::LinkInvalid(errors) => (
            true,
            format!(
                "{} {}",
                Text::LinkInvalid.get(lang),
                errors
                    .iter()
                    .map(|error| scenario_error(error, lang))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ),
        Notice::LinkOpened => (false, Text::LinkOpened.get(lang).to_string()),
        Notice::LinkOpenedOver => (false, Text::LinkOpenedOver.get(lang).to_string()),
        Notice::FileBroken(error) => (
            true,
            format!(
                "{} {}",
                Text::FileBroken.get(lang),
                crate::i18n::file_error(error, lang)
            ),
        ),
        Notice::FileInvalid(errors) => (
            true,
            std::iter::once(Text::FileInvalid.get(lang).to_string())
                .chain(errors.iter().map(|error| scenario_error(error, lang)))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        Notice::FileOpened => (false, Text::FileOpened.get(lang).to_string()),
        Notice::LinkCopied => (false, Text::LinkCopied.get(lang).to_string()),
        Notice::LinkNotCopied(url) => (false, format!("{} {url}", Text::LinkNotCopied.get(lang))),
        Notice::Replaced => (false, Text::Replaced.get(lang).to_string()),
        Notice::Pasted(count, replaced) => (false, pasted_sentence(*count, *replaced, lang)),
        Notice::PasteBroken(error) => (true, paste_error(*error, lang)),
        Notice::ScheduleSetAside(made) => (
            false,
            lang.pick([
                format!("정책이 다시 스케줄합니다. 직접 고른 {made}번의 선택은 되돌리기로 다시 가져올 수 있습니다."),
                match made {
                    1 => String::from("The policy schedules again. Undo brings back your choice."),
                    _ => format!("The policy schedules again. Undo brings back your {made} choices."),
                },
            ]),
        ),
        Notice::Removed(name) => (
            false,
            format!(
                "{} {}",
                Text::Removed.get(lang),
                proclab_view::isolate(name.clone())
            ),
        ),
        Notice::Preset(id) => {
            let (title, lesson) = crate::i18n::preset_text(*id, lang);
            (false, format!("{title}: {lesson}"))
        }
        Notice::PresetEdited(id) => {
            let (title, lesson) = crate::i18n::preset_text(*id, lang);
            // The example's name first, the change after it: on a phone's four lines the
            // warning put first had hidden the name and the whole description.
            (false, format!("{title} ({}): {lesson}", edited_words(lang)))
        }
        Notice::Lesson {
            title,
            lesson,
            edited,
        } => {
            let (title, lesson) = (lang.pick(*title), lang.pick(*lesson));
            let from = lang.pick(["배우기의 예제", "Learn's example"]);
            match edited {
                false => (false, format!("{from} “{title}”: {lesson}")),
                true => (
                    false,
                    format!("{from} “{title}” ({}): {lesson}", edited_words(lang)),
                ),
            }
        }
    }
}

/// How an edited example's run ends, where its lesson (stale now) says otherwise.
pub fn lesson_now(now: crate::session::LessonNow, lang: Lang) -> String {
    use crate::session::LessonNow::*;
    match now {
        Deadlocks(tick) => lang.pick([
            format!("지금의 실행은 t={tick}에 교착 상태로 멈춥니다: 남은 스레드가 모두 서로를 기다립니다."),
            format!("The run as it is now stops in a deadlock at t={tick}: every thread left waits for another."),
        ]),
        Stuck(tick) => lang.pick([
            format!("지금의 실행은 t={tick}에 멈춥니다: 남은 스레드가 모두 끝내 오지 않을 것을 기다립니다(순환이 없으니 교착 상태는 아닙니다)."),
            format!("The run as it is now gets stuck at t={tick}: every thread left waits for something nobody will give (no cycle, so not a deadlock)."),
        ]),
        Finishes(tick) => lang.pick([
            format!("지금의 실행에는 교착 상태가 없습니다: 모든 스레드가 t={tick}까지 끝납니다."),
            format!("The run as it is now no longer deadlocks: every thread has finished by t={tick}."),
        ]),
        OutOfBudget(tick) => lang.pick([
            format!("지금의 실행은 교착 상태에 빠지지 않지만, 명령어 한도에 닿아 t={tick}에 멈춥니다."),
            format!("The run as it is now does not deadlock, but it stops at t={tick}, at the instruction budget."),
        ]),
        AwaitsChoice(tick) => lang.pick([
            format!("지금의 실행은 t={tick}까지 교착 상태가 없고, 직접 고른 실행 순서를 다 써서 다음 선택을 기다립니다."),
            format!("The run as it is now has no deadlock up to t={tick}, where your schedule is used up and it waits for your next choice."),
        ]),
    }
}

/// What comes first in an example's lesson once its workload was changed: the note below is
/// stale (the page also greys the banner).
fn edited_words(lang: Lang) -> &'static str {
    lang.pick([
        "불러온 뒤 바꾸었으므로, 아래 설명의 숫자가 지금 결과와 맞지 않을 수 있음",
        "changed since it was loaded, so the figures below may no longer match the results",
    ])
}

/// Why a pasted table was not read, in words.
pub fn paste_error(error: PasteError, lang: Lang) -> String {
    match error {
        PasteError::Empty => lang.pick(["붙여 넣은 표가 비어 있습니다.".into(), "The pasted table is empty.".into()]),
        PasteError::UnknownHeader { column } => lang.pick([
            format!("붙여 넣은 표의 {} 열 제목을 알 수 없습니다. 프로세스, 도착, 버스트, 우선순위, 클래스, 티켓 중 하나로 쓰세요.", crate::lang::ko_ordinal(column + 1)),
            format!("Column {} of the pasted table has a heading ProcLab does not know; use Process, Arrival, Burst, Priority, Class or Tickets.", column + 1),
        ]),
        PasteError::TooManyCells { row } => lang.pick([
            format!("붙여 넣은 표의 {row}번째 줄에 칸이 너무 많습니다. 열 제목 줄을 넣으면 어느 칸이 무엇인지 알 수 있습니다."),
            format!("Row {row} of the pasted table has more cells than there are columns; add a heading row to say which is which."),
        ]),
    }
}

/// What a paste did: the processes read, and the rows they replaced (Undo brings those back).
fn pasted_sentence(count: usize, replaced: usize, lang: Lang) -> String {
    let read = lang.pick([
        format!("붙여 넣은 표에서 프로세스 {count}개를 읽었습니다."),
        match count {
            1 => String::from("Read 1 process from the pasted table."),
            _ => format!("Read {count} processes from the pasted table."),
        },
    ]);
    let undo = match replaced {
        0 => String::new(),
        _ => lang.pick([
            format!(
                " 전에 있던 행 {replaced}개를 대신합니다. 되돌리기를 누르면 그 행이 돌아옵니다."
            ),
            match replaced {
                1 => String::from(" It replaces the row that was there: Undo brings it back."),
                _ => format!(
                    " They replace the {replaced} rows that were there: Undo brings those back."
                ),
            },
        ]),
    };
    format!("{read}{undo}")
}
