//! A run of programs in words: how an `x86.py`-style run ended, each executed instruction's
//! source, accesses and outcome, a deadlock, and how a scheduled run ended.

use proclab_core::program::x86::X86End;
use proclab_core::program::{
    AccessKind, ExecutedStep, MemoryAccess, Program, RunEnd, StepOutcome, Wait,
};
use proclab_core::render::thread_label;
use proclab_core::{Run, Scenario, SyncKind, ThreadRef};

use crate::lang::{object_particle, subject_particle, topic_particle};
use crate::lang::{Lang, Words};

use super::problems::fault;

fn where_in(program: &Program, pc: u32, lang: Lang) -> String {
    match (program.line_at(pc), lang) {
        (Some(line), Lang::Ko) => format!("주소 {pc}({line}번째 줄)"),
        (Some(line), Lang::En) => format!("{pc} (line {line})"),
        (None, _) => pc.to_string(),
    }
}

/// How a run ended, as one sentence.
pub fn end(end: &X86End, program: &Program, lang: Lang) -> String {
    match (*end, lang) {
        (X86End::AllHalted, Lang::Ko) => String::from("모든 스레드가 halt로 끝났습니다."),
        (X86End::AllHalted, Lang::En) => String::from("every thread halted."),
        (
            X86End::BudgetExhausted {
                instructions,
                thread,
                pc,
            },
            Lang::Ko,
        ) => format!(
            "명령어 {instructions}개에서 멈췄습니다: 스레드 {thread}{} {}에서 계속 돌고 있습니다(끝나지 않는 반복이나 풀리지 않는 락).",
            subject_particle(&thread.to_string()),
            where_in(program, pc, lang)
        ),
        (
            X86End::BudgetExhausted {
                instructions,
                thread,
                pc,
            },
            Lang::En,
        ) => format!(
            "stopped after {instructions} instructions: thread {thread} is still running at {} (a loop that never ends, or a lock never released).",
            where_in(program, pc, lang)
        ),
        (X86End::Fault { thread, pc, fault: what }, Lang::Ko) => format!(
            "스레드 {thread}{} {}에서 멈췄습니다: {}.",
            subject_particle(&thread.to_string()),
            where_in(program, pc, lang),
            fault(&what, lang)
        ),
        (X86End::Fault { thread, pc, fault: what }, Lang::En) => format!(
            "thread {thread} stopped at {}: {}.",
            where_in(program, pc, lang),
            fault(&what, lang)
        ),
    }
}

/// The fixed texts of a scheduled run of programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunText {
    /// Heading of the interleaving: one line per executed instruction.
    Instructions,
    /// Heading of the variables of each process when the run ended.
    MemoryAtEnd,
    /// Heading of each thread's registers when the run ended.
    RegistersAtEnd,
    /// Heading of the message queues and pipes when the run ended.
    ChannelsAtEnd,
    /// Who waits to send or write (a full queue or pipe).
    WaitingToSend,
    /// Who waits to receive or read (an empty queue or pipe).
    WaitingToReceive,
    /// A pipe's write ends still open.
    OpenWriteEnds,
    /// A process whose program declares no `.var`.
    NoVariables,
    /// A thread that executed `halt` or faulted: its program is over.
    Finished,
    /// A thread that had not finished its program when the run ended.
    NotFinished,
}

impl Words for RunText {
    fn pair(self) -> [&'static str; 2] {
        match self {
            RunText::Instructions => [
                "실행한 명령어 (시각, CPU, 스레드, 주소, 명령어, 메모리 접근):",
                "Instructions executed (tick, CPU, thread, address, instruction, memory):",
            ],
            RunText::MemoryAtEnd => ["끝났을 때의 변수:", "Variables at the end:"],
            RunText::RegistersAtEnd => ["끝났을 때의 레지스터:", "Registers at the end:"],
            RunText::ChannelsAtEnd => [
                "끝났을 때의 메시지 큐와 파이프:",
                "Message queues and pipes at the end:",
            ],
            RunText::WaitingToSend => ["보내거나 쓰려고 기다림", "waiting to send or write"],
            RunText::WaitingToReceive => ["받거나 읽으려고 기다림", "waiting to receive or read"],
            RunText::OpenWriteEnds => ["열린 쓰기 끝", "write ends open"],
            RunText::NoVariables => ["(변수 없음)", "(no variables)"],
            RunText::Finished => ["끝남", "finished"],
            RunText::NotFinished => ["끝나지 않음", "not finished"],
        }
    }
}

/// The kernel entries of a run with a kernel entry cost, in words: "Kernel entries (3 ticks
/// each): Writer 7 (21 ticks), Reader 7 (21 ticks); 42 ticks in all". `None` when the cost is 0.
pub fn kernel_entries(run: &Run, lang: Lang) -> Option<String> {
    let cost = run.scenario().machine().kernel_entry_cost;
    if cost == 0 {
        return None;
    }
    let metrics = run.metrics();
    let threads: Vec<String> = metrics
        .threads
        .iter()
        .enumerate()
        .filter(|(index, _)| {
            let pid = run.scenario().threads()[*index].pid() as usize;
            run.scenario().processes()[pid].program().is_some()
        })
        .map(|(index, thread)| {
            let name = thread_name(run.scenario(), index as u32);
            match lang {
                Lang::Ko => format!("{name} {}번({}틱)", thread.kernel_entries, thread.kernel),
                Lang::En => format!("{name} {} ({} ticks)", thread.kernel_entries, thread.kernel),
            }
        })
        .collect();
    let total: u64 = metrics.threads.iter().map(|thread| thread.kernel).sum();
    Some(match lang {
        Lang::Ko => format!(
            "커널 진입(한 번에 {cost}틱): {}; 모두 {total}틱",
            threads.join(", ")
        ),
        Lang::En => format!(
            "Kernel entries ({cost} ticks each): {}; {total} ticks in all",
            threads.join(", ")
        ),
    })
}

/// How every view names thread `index` of [`Scenario::threads`]: `P1`, or `P1.T2`.
pub fn thread_name(scenario: &Scenario, index: u32) -> String {
    let thread = &scenario.threads()[index as usize];
    thread_label(
        scenario,
        ThreadRef {
            pid: thread.pid(),
            tid: thread.tid(),
        },
    )
}

/// The instruction at `pc` of process `pid`'s program as the student wrote it, without its
/// comment (`mov %ax, counter`); empty if `pc` is not an instruction of that program.
pub fn instruction_text(scenario: &Scenario, pid: u32, pc: u32) -> &str {
    let Some(program) = scenario.processes()[pid as usize].program() else {
        return "";
    };
    program
        .line_at(pc)
        .and_then(|line| scenario.program_text(pid).lines().nth(line as usize - 1))
        .map_or("", |line| line.split('#').next().unwrap_or("").trim())
}

/// A memory word by name as `x86.py` names it (`counter`, `want[1]`), or by its address when no
/// variable holds it (a stack word, an address computed at run time).
pub fn word_name(program: &Program, address: u32) -> String {
    match program.variable_at(address) {
        // An array's first word is `buf[0]`, like the rest; a single word is its name alone.
        Some((variable, 0)) if variable.words <= 1 => variable.name.clone(),
        Some((variable, index)) => format!("{}[{index}]", variable.name),
        None => address.to_string(),
    }
}

/// One memory access of an instruction: `read counter=5`, `write counter=6`.
pub fn access(access: &MemoryAccess, program: &Program, lang: Lang) -> String {
    let verb = match access.kind {
        AccessKind::Read => lang.pick(["읽기", "read"]),
        AccessKind::Write => lang.pick(["쓰기", "write"]),
    };
    format!(
        "{verb} {}={}",
        word_name(program, access.address),
        access.value
    )
}

/// What an instruction did besides going on to the next one: give up the CPU, end its thread,
/// or fault (which ends the thread too). `None` for an instruction that simply continued.
pub fn outcome(outcome: &StepOutcome, lang: Lang) -> Option<String> {
    match outcome {
        StepOutcome::Continued => None,
        StepOutcome::Yielded => Some(String::from(
            lang.pick(["yield: CPU를 내놓음", "yields the CPU"]),
        )),
        StepOutcome::Message { operation, value } => Some(match (operation, lang) {
            (proclab_core::program::MessageOp::Send { .. }, Lang::Ko) => {
                format!(
                    "send: 메시지 {value}{} 큐에 넣음",
                    object_particle(&value.to_string())
                )
            }
            (proclab_core::program::MessageOp::Send { .. }, Lang::En) => {
                format!("send: puts {value} on the queue")
            }
            (proclab_core::program::MessageOp::Recv { .. }, Lang::Ko) => {
                String::from("recv: 가장 오래된 메시지를 받음")
            }
            (proclab_core::program::MessageOp::Recv { .. }, Lang::En) => {
                String::from("recv: takes the oldest message")
            }
            (proclab_core::program::MessageOp::Write { .. }, Lang::Ko) => {
                format!(
                    "write: 값 {value}{} 파이프에 씀",
                    object_particle(&value.to_string())
                )
            }
            (proclab_core::program::MessageOp::Write { .. }, Lang::En) => {
                format!("write: puts {value} in the pipe")
            }
            (proclab_core::program::MessageOp::Read { .. }, Lang::Ko) if *value < 0 => {
                String::from("read: 파일 끝(-1): 쓰는 쪽이 모두 닫았고 파이프가 비었음")
            }
            (proclab_core::program::MessageOp::Read { .. }, Lang::En) if *value < 0 => {
                String::from("read: end-of-file (-1): every writer closed and the pipe is empty")
            }
            (proclab_core::program::MessageOp::Read { .. }, Lang::Ko) => {
                format!(
                    "read: 가장 오래된 값 {value}{} 읽음",
                    object_particle(&value.to_string())
                )
            }
            (proclab_core::program::MessageOp::Read { .. }, Lang::En) => {
                format!("read: takes the oldest value, {value}")
            }
            (proclab_core::program::MessageOp::Close { .. }, Lang::Ko) => {
                String::from("close: 파이프의 쓰기 끝을 닫음")
            }
            (proclab_core::program::MessageOp::Close { .. }, Lang::En) => {
                String::from("close: closes its write end of the pipe")
            }
            (proclab_core::program::MessageOp::SharedWait { .. }, _) => String::from(lang.pick([
                "wait: 공유 세마포어에서 1을 가져감",
                "wait: takes 1 from the shared semaphore",
            ])),
            (proclab_core::program::MessageOp::SharedSignal { .. }, _) => {
                String::from(lang.pick([
                    "signal: 공유 세마포어를 올리거나 기다리던 스레드를 깨움",
                    "signal: wakes a waiter of the shared semaphore or adds 1",
                ]))
            }
            (proclab_core::program::MessageOp::SharedLock { .. }, _) => String::from(lang.pick([
                "lock: 여러 프로세스가 함께 쓰는 뮤텍스를 잡음",
                "lock: takes the mutex the processes share",
            ])),
            (proclab_core::program::MessageOp::SharedUnlock { .. }, _) => {
                String::from(lang.pick([
                    "unlock: 공유 뮤텍스를 놓음(기다리던 스레드가 있으면 그 스레드에게 넘김)",
                    "unlock: gives the shared mutex back (to its first waiter, if any)",
                ]))
            }
        }),
        StepOutcome::Blocked(Wait::Pipe(_)) => Some(String::from(lang.pick([
            "기다림: 파이프가 가득 차 있거나(write) 비어 있음(read)",
            "waits: the pipe is full (write) or empty (read)",
        ]))),
        StepOutcome::Blocked(Wait::Queue(_)) => Some(String::from(lang.pick([
            "기다림: 큐가 가득 차 있거나(send) 비어 있음(recv)",
            "waits: the queue is full (send) or empty (recv)",
        ]))),
        StepOutcome::Compute(ticks) => Some(match lang {
            Lang::Ko => format!("cpu: CPU에서 {ticks}틱 동안 계산(이 틱 포함)"),
            Lang::En if *ticks == 1 => String::from("cpu: computes for 1 tick on the CPU"),
            Lang::En => format!(
                "cpu: computes for {ticks} {} on the CPU, this one included",
                crate::lang::ticks(*ticks)
            ),
        }),
        StepOutcome::Io(ticks) => Some(match lang {
            Lang::Ko => format!("io: {ticks}틱 동안 I/O를 기다림(대기)"),
            Lang::En => format!(
                "io: blocks for {ticks} {} of I/O",
                crate::lang::ticks(*ticks)
            ),
        }),
        StepOutcome::Blocked(Wait::Condition(_)) => Some(String::from(lang.pick([
            "기다림: 뮤텍스를 놓고 조건 변수의 signal까지 대기",
            "waits: releases the mutex and blocks until the condition is signalled",
        ]))),
        StepOutcome::Blocked(_) => Some(String::from(lang.pick([
            "기다림: 뮤텍스나 세마포어를 얻을 때까지 대기",
            "waits: blocked until it gets the mutex or semaphore",
        ]))),
        StepOutcome::Halted => {
            Some(String::from(lang.pick([
                "halt: 스레드가 끝남",
                "halts: the thread is finished",
            ])))
        }
        StepOutcome::Fault(what) => Some(match lang {
            Lang::Ko => format!("오류: {}. 이 스레드는 여기서 끝납니다", fault(what, lang)),
            Lang::En => format!("fault: {}; the thread ends", fault(what, lang)),
        }),
    }
}

/// The name of a kind of sync object: "뮤텍스", "mutex".
pub fn sync_kind(kind: SyncKind, lang: Lang) -> &'static str {
    match kind {
        SyncKind::Mutex => lang.pick(["뮤텍스", "mutex"]),
        SyncKind::Semaphore => lang.pick(["세마포어", "semaphore"]),
        SyncKind::Condition => lang.pick(["조건 변수", "condition"]),
        SyncKind::Queue => lang.pick(["메시지 큐", "message queue"]),
        SyncKind::Pipe => lang.pick(["파이프", "pipe"]),
        SyncKind::SharedSemaphore => lang.pick(["공유 세마포어", "shared semaphore"]),
        SyncKind::SharedMutex => lang.pick(["공유 뮤텍스", "shared mutex"]),
    }
}

/// A deadlock in words: who waits for which mutex, semaphore or condition held by whom, and the
/// cycle.
pub fn deadlock(run: &Run, lang: Lang) -> String {
    let Some(report) = run.deadlock() else {
        return String::new();
    };
    let scenario = run.scenario();
    let name = |thread: u32| thread_name(scenario, thread);
    let waits: Vec<String> = report
        .waits
        .iter()
        .map(|edge| {
            let kind = sync_kind(edge.object.kind, lang);
            match (edge.holder, lang) {
                (Some(holder), Lang::Ko) if holder == edge.thread => format!(
                    "{}{} 자기가 이미 가진 {kind} {}{} 다시 잠그려고 기다림(뮤텍스는 두 번 잠글 수 없음)",
                    name(edge.thread),
                    topic_particle(&name(edge.thread)),
                    edge.name,
                    object_particle(&edge.name)
                ),
                (Some(holder), Lang::En) if holder == edge.thread => format!(
                    "{} waits for {kind} {}, which it holds itself (a mutex cannot be locked twice)",
                    name(edge.thread),
                    edge.name
                ),
                (Some(holder), Lang::Ko) => format!(
                    "{}{} {}{} 가진 {kind} {}{} 기다림",
                    name(edge.thread),
                    topic_particle(&name(edge.thread)),
                    name(holder),
                    subject_particle(&name(holder)),
                    edge.name,
                    object_particle(&edge.name)
                ),
                (Some(holder), Lang::En) => format!(
                    "{} waits for {kind} {}, held by {}",
                    name(edge.thread),
                    edge.name,
                    name(holder)
                ),
                (None, Lang::Ko) => format!(
                    "{}{} {kind} {}{} 기다림",
                    name(edge.thread),
                    topic_particle(&name(edge.thread)),
                    edge.name,
                    object_particle(&edge.name)
                ),
                (None, Lang::En) => format!("{} waits for {kind} {}", name(edge.thread), edge.name),
            }
        })
        .collect();
    let tick = run.end_tick();
    let cycle = if report.cycle.is_empty() {
        // A semaphore or a condition has no holder, so the graph has no edge back: the cycle of
        // "only the other could signal" is not drawn, and the words say why it is stuck anyway.
        String::from(if report.waits.len() == 1 {
            lang.pick([
                " 그래프에 순환은 없지만(세마포어와 조건 변수에는 가진 스레드가 없습니다) 깨워 줄 스레드가 남아 있지 않습니다.",
                " There is no cycle in the graph (a semaphore or a condition has no holder), but no thread is left to wake it.",
            ])
        } else {
            lang.pick([
                " 그래프에 순환은 없지만(세마포어와 조건 변수에는 가진 스레드가 없습니다) 남은 스레드가 모두 기다리고 있어 서로를 깨워 줄 스레드가 없습니다.",
                " There is no cycle in the graph (a semaphore or a condition has no holder), but every thread still running waits, so none is left to wake the others.",
            ])
        })
    } else if report.cycle.len() == 1 {
        let only = name(report.cycle[0]);
        lang.pick([
            format!(
                " {only}{} 자기 자신을 기다립니다: 그 뮤텍스를 풀 수 있는 것은 자기뿐입니다.",
                subject_particle(&only)
            ),
            format!(" {only} waits for itself: only it could unlock that mutex."),
        ])
    } else {
        let mut names: Vec<String> = report.cycle.iter().map(|thread| name(*thread)).collect();
        names.push(name(report.cycle[0]));
        lang.pick([
            format!(" 순환 대기: {}.", names.join(" → ")),
            format!(" Circular wait: {}.", names.join(" → ")),
        ])
    };
    // "Deadlock" where the waits close a cycle, as the four conditions have it; "stuck" where
    // every thread left waits for a signal or a wake-up nobody will give.
    if report.cycle.is_empty() {
        return lang.pick([
            format!("멈춤(시각 {tick}): {}.{cycle}", waits.join(", ")),
            format!("Stuck at tick {tick}: {}.{cycle}", waits.join("; ")),
        ]);
    }
    lang.pick([
        format!("교착 상태(시각 {tick}): {}.{cycle}", waits.join(", ")),
        format!("Deadlock at tick {tick}: {}.{cycle}", waits.join("; ")),
    ])
}

/// The thread that was running when the budget ran out, where, and what it kept reading: the
/// run's last step gives the thread and the address; the variables are those it read since it
/// last executed that same address (one turn of its loop), or at that step if it never did.
struct Spin<'a> {
    step: &'a ExecutedStep,
    reads: Vec<String>,
}

fn spin(run: &Run) -> Option<Spin<'_>> {
    let steps = run.program_steps();
    let last = steps.last()?;
    let scenario = run.scenario();
    let program =
        scenario.processes()[scenario.threads()[last.thread as usize].pid() as usize].program()?;
    let mut turn: Vec<&ExecutedStep> = vec![last];
    for step in steps[..steps.len() - 1].iter().rev() {
        if step.thread != last.thread {
            continue;
        }
        if step.pc == last.pc {
            break;
        }
        turn.push(step);
    }
    let mut reads: Vec<String> = Vec::new();
    for step in turn.iter().rev() {
        for access in step.accesses.as_slice() {
            let name = word_name(program, access.address);
            if access.kind == AccessKind::Read && !reads.contains(&name) {
                reads.push(name);
            }
        }
    }
    Some(Spin { step: last, reads })
}

/// How a scheduled run of programs ended, as one or two sentences.
pub fn run_end(run: &Run, lang: Lang) -> String {
    let instructions = run.program_steps().len();
    match run.end() {
        RunEnd::Finished => lang.pick([
            format!(
                "끝: 모든 스레드가 끝났습니다(명령어 {instructions}개, 시각 {}).",
                run.end_tick()
            ),
            format!(
                "Finished: every thread ended, after {instructions} instructions (tick {}).",
                run.end_tick()
            ),
        ]),
        RunEnd::BudgetExhausted { instructions, tick } => {
            let scenario = run.scenario();
            let spinning = spin(run).map(|spin| {
                let thread = thread_name(scenario, spin.step.thread);
                let pid = scenario.threads()[spin.step.thread as usize].pid();
                let text = instruction_text(scenario, pid, spin.step.pc);
                let reads = spin
                    .reads
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let pc = spin.step.pc;
                match (lang, reads.is_empty()) {
                    (Lang::Ko, true) => {
                        format!(" 계속 반복하는 스레드: {thread}, 주소 {pc}(`{text}`).")
                    }
                    (Lang::Ko, false) => format!(
                        " 계속 반복하는 스레드: {thread}, 주소 {pc}(`{text}`), 읽는 변수 {reads}."
                    ),
                    (Lang::En, true) => format!(": {thread} is still looping at {pc} (`{text}`)."),
                    (Lang::En, false) => {
                        format!(": {thread} is still looping at {pc} (`{text}`), reading {reads}.")
                    }
                }
            });
            let spinning = spinning.unwrap_or_else(|| String::from(lang.pick(["", "."])));
            lang.pick([
                format!(
                    "명령어 예산 {instructions}개를 다 써서 시각 {tick}에 멈췄습니다.{spinning} 끝나지 않는 반복이거나 풀리지 않는 락입니다."
                ),
                format!(
                    "Stopped after {instructions} instructions (the budget) at tick {tick}{spinning} A loop that never ends, or a lock never released?"
                ),
            ])
        }
        RunEnd::Deadlock { .. } => deadlock(run, lang),
        RunEnd::ScheduleUsedUp { tick } => lang.pick([
            format!(
                "시각 {tick}에 스케줄을 다 썼습니다: 다음 선택을 기다립니다(명령어 {instructions}개 실행)."
            ),
            format!(
                "Schedule used up at tick {tick}: waiting for the next choice ({instructions} instructions executed)."
            ),
        ]),
    }
}
