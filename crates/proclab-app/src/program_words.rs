//! Threads that run instructions, in words: every problem of a program's text (by line), of the
//! `x86.py`-style set-up (`-t`, `-a`, `-i`, `-P`), and how a run ended, in Korean and English;
//! and a scheduled run of programs (the engine's [`Run`]): each executed instruction's source
//! text, its memory accesses and outcome, how the run ended, and the headings of its sections.
//! The CLI's `proclab x86` and `proclab run` print them; the page will show them beside the
//! program's field.

use proclab_core::program::x86::{ArgvError, X86ConfigError, X86End};
use proclab_core::program::{
    AccessKind, ExecutedStep, Fault, MemoryAccess, Opcode, OperandKind, ParseError, ParseErrorKind,
    Program, RunEnd, StepOutcome, Wait,
};
use proclab_core::render::thread_label;
use proclab_core::{Run, Scenario, SyncKind, ThreadRef};

use crate::lang::{Lang, Words};

fn operand_kind(kind: OperandKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (OperandKind::Immediate, Lang::Ko) => "상수($n)",
        (OperandKind::Immediate, Lang::En) => "an immediate ($n)",
        (OperandKind::Register, Lang::Ko) => "레지스터(%reg)",
        (OperandKind::Register, Lang::En) => "a register (%reg)",
        (OperandKind::Memory, Lang::Ko) => "메모리 주소",
        (OperandKind::Memory, Lang::En) => "a memory address",
        (OperandKind::Label, Lang::Ko) => "레이블",
        (OperandKind::Label, Lang::En) => "a label",
    }
}

/// One problem of a program's text: "line 4: ...".
pub fn parse_error(error: &ParseError, lang: Lang) -> String {
    use ParseErrorKind::*;
    let what = match (error.kind, lang) {
        (NoInstructions, Lang::Ko) => String::from("프로그램에 명령어가 하나도 없습니다."),
        (NoInstructions, Lang::En) => String::from("the program has no instruction."),
        (LoadAddressTooHigh, Lang::Ko) => String::from("적재 주소가 너무 큽니다."),
        (LoadAddressTooHigh, Lang::En) => String::from("the load address is too high."),
        (TooManyInstructions, Lang::Ko) => String::from("명령어가 너무 많습니다."),
        (TooManyInstructions, Lang::En) => String::from("too many instructions."),
        (UnknownOpcode, Lang::Ko) => String::from("알 수 없는 명령어입니다."),
        (UnknownOpcode, Lang::En) => String::from("unknown instruction."),
        (BadSyncDeclaration, Lang::Ko) => String::from(
            "동기화 객체 선언은 .mutex 이름, .sem 이름 초깃값(0 이상의 정수) 또는 .cond 이름입니다.",
        ),
        (BadSyncDeclaration, Lang::En) => String::from(
            "declare a mutex as .mutex name, a semaphore as .sem name initial (a whole number, 0 or more) and a condition as .cond name.",
        ),
        (DuplicateSyncObject { first_line }, Lang::Ko) => format!(
            "이 이름의 뮤텍스, 세마포어나 조건 변수는 {first_line}번째 줄에서 이미 선언했습니다."
        ),
        (DuplicateSyncObject { first_line }, Lang::En) => format!(
            "a mutex, semaphore or condition of this name is already declared on line {first_line}."
        ),
        (UnknownSyncObject { opcode }, Lang::Ko) => {
            let what = match opcode {
                Opcode::Wait => "선언한 세마포어(wait s) 또는 선언한 조건 변수와 뮤텍스(wait c, m)를",
                Opcode::Signal => "선언한 세마포어(.sem)나 조건 변수(.cond)의 이름을",
                Opcode::Broadcast => "선언한 조건 변수(.cond)의 이름을",
                _ => "선언한 뮤텍스(.mutex)의 이름을",
            };
            format!("{}는 {what} 받습니다.", opcode.name())
        }
        (UnknownSyncObject { opcode }, Lang::En) => {
            let what = match opcode {
                Opcode::Wait => "a declared semaphore (wait s) or a declared condition and mutex (wait c, m)",
                Opcode::Signal => "the name of a declared semaphore (.sem) or condition (.cond)",
                Opcode::Broadcast => "the name of a declared condition (.cond)",
                _ => "the name of a declared mutex (.mutex)",
            };
            format!("{} takes {what}.", opcode.name())
        }
        (IoTicksOutOfRange, Lang::Ko) => format!(
            "io의 틱 수는 0에서 {}까지입니다 (예: io $5).",
            proclab_core::program::MAX_IO_TICKS
        ),
        (IoTicksOutOfRange, Lang::En) => format!(
            "io takes 0 to {} ticks (io $5).",
            proclab_core::program::MAX_IO_TICKS
        ),
        (LabelWithColon, Lang::Ko) => {
            String::from("레이블은 콜론 없이 점으로 시작합니다(예: .loop).")
        }
        (LabelWithColon, Lang::En) => {
            String::from("a label starts with a dot and has no colon (.loop).")
        }
        (TextAfterLabel, Lang::Ko) => String::from("레이블 줄에는 레이블만 씁니다."),
        (TextAfterLabel, Lang::En) => String::from("a label stands alone on its line."),
        (BadLabelName, Lang::Ko) => String::from("레이블 이름에는 글자, 숫자, _만 쓸 수 있습니다."),
        (BadLabelName, Lang::En) => String::from("a label name holds only letters, digits and _."),
        (DuplicateLabel { first_line }, Lang::Ko) => {
            format!("이 레이블은 {first_line}번째 줄에서 이미 정의했습니다.")
        }
        (DuplicateLabel { first_line }, Lang::En) => {
            format!("this label is already defined on line {first_line}.")
        }
        (VarFieldCount, Lang::Ko) => {
            String::from(".var 뒤에는 이름과, 필요하면 크기만 씁니다(.var count 2).")
        }
        (VarFieldCount, Lang::En) => {
            String::from(".var takes a name and at most a size (.var count 2).")
        }
        (BadVarName, Lang::Ko) => {
            String::from("변수 이름은 글자로 시작하고 글자, 숫자, _만 씁니다.")
        }
        (BadVarName, Lang::En) => String::from(
            "a variable name starts with a letter and holds only letters, digits and _.",
        ),
        (BadVarSize, Lang::Ko) => String::from("변수 크기는 1 이상의 정수입니다."),
        (BadVarSize, Lang::En) => {
            String::from("a variable's size is a whole number of at least 1.")
        }
        (DuplicateVariable { first_line }, Lang::Ko) => {
            format!("이 변수는 {first_line}번째 줄에서 이미 선언했습니다.")
        }
        (DuplicateVariable { first_line }, Lang::En) => {
            format!("this variable is already declared on line {first_line}.")
        }
        (DataOverrunsCode, Lang::Ko) => String::from("변수가 코드 영역까지 닿습니다."),
        (DataOverrunsCode, Lang::En) => String::from("the variables reach into the code."),
        (WrongOperandCount { opcode, found }, Lang::Ko) => {
            format!("{}에 피연산자 {found}개는 맞지 않습니다.", opcode.name())
        }
        (WrongOperandCount { opcode, found }, Lang::En) => {
            format!("{} does not take {found} operand(s).", opcode.name())
        }
        (BadOperand { operand }, Lang::Ko) => format!("{operand}번째 피연산자를 읽을 수 없습니다."),
        (BadOperand { operand }, Lang::En) => format!("operand {operand} cannot be read."),
        (UnknownRegister { operand }, Lang::Ko) => {
            format!("{operand}번째 피연산자: 레지스터는 ax bx cx dx ex fx sp bp 중 하나입니다.")
        }
        (UnknownRegister { operand }, Lang::En) => {
            format!("operand {operand}: a register is one of ax bx cx dx ex fx sp bp.")
        }
        (NumberTooLarge { operand }, Lang::Ko) => {
            format!("{operand}번째 피연산자: 수가 너무 큽니다.")
        }
        (NumberTooLarge { operand }, Lang::En) => {
            format!("operand {operand}: the number is too large.")
        }
        (
            OperandNotAllowed {
                opcode,
                operand,
                found,
            },
            Lang::Ko,
        ) => format!(
            "{}의 {operand}번째 피연산자로 {}는 쓸 수 없습니다.",
            opcode.name(),
            operand_kind(found, lang)
        ),
        (
            OperandNotAllowed {
                opcode,
                operand,
                found,
            },
            Lang::En,
        ) => format!(
            "{} does not take {} as operand {operand}.",
            opcode.name(),
            operand_kind(found, lang)
        ),
        (IndexedAddressOutsideMov { opcode, operand }, Lang::Ko) => format!(
            "{}의 {operand}번째 피연산자: off(%base,%index) 주소는 mov에서만 쓸 수 있습니다.",
            opcode.name()
        ),
        (IndexedAddressOutsideMov { opcode, operand }, Lang::En) => format!(
            "{} operand {operand}: an off(%base,%index) address is only read by mov.",
            opcode.name()
        ),
        (UnknownLabel { operand }, Lang::Ko) => {
            format!("{operand}번째 피연산자: 어느 줄에도 없는 레이블입니다.")
        }
        (UnknownLabel { operand }, Lang::En) => {
            format!("operand {operand}: no line defines this label.")
        }
        (UnknownVariable { operand }, Lang::Ko) => {
            format!("{operand}번째 피연산자: .var로 선언하지 않은 변수입니다.")
        }
        (UnknownVariable { operand }, Lang::En) => {
            format!("operand {operand}: no .var declares this variable.")
        }
        (JumpOutOfProgram { operand }, Lang::Ko) => {
            format!("{operand}번째 피연산자: 마지막 명령어 뒤로 점프합니다.")
        }
        (JumpOutOfProgram { operand }, Lang::En) => {
            format!("operand {operand}: jumps past the last instruction.")
        }
    };
    match lang {
        Lang::Ko => format!("{}번째 줄: {what}", error.line),
        Lang::En => format!("line {}: {what}", error.line),
    }
}

/// A problem of the initial registers (`-a`): entries count from thread 0.
pub fn argv_error(error: &ArgvError, lang: Lang) -> String {
    match (*error, lang) {
        (ArgvError::CountMismatch { given, threads }, Lang::Ko) => format!(
            "레지스터 설정이 {given}개입니다. 모든 스레드에 하나, 또는 스레드마다 하나({threads}개)를 쉼표로 나눠 씁니다."
        ),
        (ArgvError::CountMismatch { given, threads }, Lang::En) => format!(
            "{given} register settings: give one for every thread, or one per thread ({threads}), separated by commas."
        ),
        (ArgvError::NotAssignment { entry }, Lang::Ko) => {
            format!("스레드 {entry}의 설정은 레지스터=값 꼴입니다(예: bx=3:cx=1).")
        }
        (ArgvError::NotAssignment { entry }, Lang::En) => {
            format!("thread {entry}'s setting is register=value (bx=3:cx=1).")
        }
        (ArgvError::UnknownRegister { entry }, Lang::Ko) => format!(
            "스레드 {entry}: ax bx cx dx ex fx bp만 정할 수 있습니다(sp는 스택 바닥)."
        ),
        (ArgvError::UnknownRegister { entry }, Lang::En) => format!(
            "thread {entry}: only ax bx cx dx ex fx bp can be set (sp is the stack bottom)."
        ),
        (ArgvError::BadValue { entry }, Lang::Ko) => {
            format!("스레드 {entry}: 값은 정수입니다.")
        }
        (ArgvError::BadValue { entry }, Lang::En) => {
            format!("thread {entry}: a value is a whole number.")
        }
    }
}

/// A set-up that cannot run.
pub fn config_error(error: &X86ConfigError, lang: Lang) -> String {
    use X86ConfigError::*;
    match (*error, lang) {
        (SyncNotInX86 { address }, Lang::Ko) => format!(
            "{address}번지의 뮤텍스·세마포어·조건 변수 명령어는 x86.py에 없습니다. 이 프로그램은 시나리오(proclab run)로 실행하세요."
        ),
        (SyncNotInX86 { address }, Lang::En) => format!(
            "the mutex, semaphore or condition instruction at {address} is not x86.py's: run this program in a scenario (proclab run)."
        ),
        (NoThreads, Lang::Ko) => String::from("스레드가 적어도 하나 있어야 합니다."),
        (NoThreads, Lang::En) => String::from("at least one thread is needed."),
        (TooManyThreads { count }, Lang::Ko) => format!("스레드 {count}개는 너무 많습니다."),
        (TooManyThreads { count }, Lang::En) => format!("{count} threads are too many."),
        (InterruptZero, Lang::Ko) => String::from("인터럽트 간격은 1 이상입니다."),
        (InterruptZero, Lang::En) => String::from("the interrupt interval is at least 1."),
        (ScheduleEmpty, Lang::Ko) => String::from("스케줄이 비어 있습니다."),
        (ScheduleEmpty, Lang::En) => String::from("the schedule is empty."),
        (ScheduleThreadOutOfRange { position }, Lang::Ko) => {
            format!(
                "스케줄의 {}번째 글자가 없는 스레드를 가리킵니다.",
                position + 1
            )
        }
        (ScheduleThreadOutOfRange { position }, Lang::En) => format!(
            "character {} of the schedule names a thread that does not exist.",
            position + 1
        ),
        (ScheduleMissesThread { thread }, Lang::Ko) => {
            format!("스레드 {thread}가 스케줄에 없어 끝날 수 없습니다.")
        }
        (ScheduleMissesThread { thread }, Lang::En) => {
            format!("thread {thread} is not in the schedule, so it could never finish.")
        }
        (StackPointerSet { thread }, Lang::Ko) => {
            format!("스레드 {thread}: sp는 스택 바닥이라 정할 수 없습니다.")
        }
        (StackPointerSet { thread }, Lang::En) => {
            format!("thread {thread}: sp is the stack bottom and cannot be set.")
        }
        (MemoryOutOfRange, Lang::Ko) => String::from("메모리 크기가 범위를 벗어났습니다."),
        (MemoryOutOfRange, Lang::En) => String::from("the memory size is out of range."),
        (CodeOutsideMemory, Lang::Ko) => String::from("코드가 주소 공간에 들어가지 않습니다."),
        (CodeOutsideMemory, Lang::En) => {
            String::from("the code does not fit in the address space.")
        }
        (StackOutsideMemory { thread }, Lang::Ko) => {
            format!("스레드 {thread}의 스택이 주소 공간 밖입니다(스레드가 너무 많습니다).")
        }
        (StackOutsideMemory { thread }, Lang::En) => {
            format!("thread {thread}'s stack is outside the address space (too many threads).")
        }
        (StackOnCode { thread }, Lang::Ko) => {
            format!("스레드 {thread}의 스택이 코드와 겹칩니다.")
        }
        (StackOnCode { thread }, Lang::En) => {
            format!("thread {thread}'s stack would overwrite the code.")
        }
        (BudgetTooLarge, Lang::Ko) => String::from("명령어 예산이 너무 큽니다."),
        (BudgetTooLarge, Lang::En) => String::from("the instruction budget is too large."),
    }
}

fn fault(fault: &Fault, lang: Lang) -> String {
    match (*fault, lang) {
        (Fault::UnlockNotHeld { .. }, Lang::Ko) => {
            String::from("잠그지 않은 뮤텍스를 풀려고 했습니다")
        }
        (Fault::UnlockNotHeld { .. }, Lang::En) => {
            String::from("it unlocked a mutex it does not hold")
        }
        (Fault::WaitWithoutMutex { .. }, Lang::Ko) => String::from(
            "잠그지 않은 뮤텍스로 조건 변수를 기다리려 했습니다(wait c, m 전에 lock m)",
        ),
        (Fault::WaitWithoutMutex { .. }, Lang::En) => String::from(
            "it waited on a condition without holding the mutex (lock m before wait c, m)",
        ),
        (Fault::PcOutsideProgram, Lang::Ko) => {
            String::from("마지막 명령어를 지나쳤습니다(halt가 없습니다)")
        }
        (Fault::PcOutsideProgram, Lang::En) => {
            String::from("it ran past the last instruction (no halt)")
        }
        (Fault::ReturnOutsideProgram { target }, Lang::Ko) => {
            format!("ret가 명령어가 아닌 주소 {target}로 돌아가려 했습니다")
        }
        (Fault::ReturnOutsideProgram { target }, Lang::En) => {
            format!("ret returned to {target}, which is not an instruction")
        }
        (Fault::AddressOutOfRange { address }, Lang::Ko) => {
            format!("주소 {address}는 주소 공간 밖입니다")
        }
        (Fault::AddressOutOfRange { address }, Lang::En) => {
            format!("address {address} is outside the address space")
        }
        (Fault::CodeAddress { address }, Lang::Ko) => {
            format!("주소 {address}는 명령어가 있는 곳입니다")
        }
        (Fault::CodeAddress { address }, Lang::En) => {
            format!("address {address} holds an instruction")
        }
        (Fault::Overflow, Lang::Ko) => String::from("계산 결과가 64비트 범위를 넘었습니다"),
        (Fault::Overflow, Lang::En) => String::from("a result does not fit in 64 bits"),
    }
}

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
            "명령어 {instructions}개에서 멈췄습니다: 스레드 {thread}가 {}에서 계속 돌고 있습니다(끝나지 않는 반복이나 풀리지 않는 락).",
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
            "스레드 {thread}가 {}에서 멈췄습니다: {}.",
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
            RunText::NoVariables => ["(변수 없음)", "(no variables)"],
            RunText::Finished => ["끝남", "finished"],
            RunText::NotFinished => ["끝나지 않음", "not finished"],
        }
    }
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
    let (Some(program), Some(spec)) = (
        scenario.processes()[pid as usize].program(),
        scenario.spec().processes.get(pid as usize),
    ) else {
        return "";
    };
    program
        .line_at(pc)
        .and_then(|line| spec.program.lines().nth(line as usize - 1))
        .map_or("", |line| line.split('#').next().unwrap_or("").trim())
}

/// A memory word by name as `x86.py` names it (`counter`, `want[1]`), or by its address when no
/// variable holds it (a stack word, an address computed at run time).
pub fn word_name(program: &Program, address: u32) -> String {
    match program.variable_at(address) {
        Some((variable, 0)) => variable.name.clone(),
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
                format!("send: 메시지 {value}을(를) 큐에 넣음")
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
        }),
        StepOutcome::Blocked(Wait::Queue(_)) => Some(String::from(lang.pick([
            "기다림: 큐가 가득 차 있거나(send) 비어 있음(recv)",
            "waits: the queue is full (send) or empty (recv)",
        ]))),
        StepOutcome::Io(ticks) => Some(match lang {
            Lang::Ko => format!("io: {ticks}틱 동안 I/O를 기다림(대기)"),
            Lang::En => format!("io: blocks for {ticks} ticks of I/O"),
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
            Lang::Ko => format!("오류: {}. 스레드가 끝남", fault(what, lang)),
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
                (Some(holder), Lang::Ko) => format!(
                    "{}은(는) {}이(가) 가진 {kind} {}을(를) 기다림",
                    name(edge.thread),
                    name(holder),
                    edge.name
                ),
                (Some(holder), Lang::En) => format!(
                    "{} waits for {kind} {}, held by {}",
                    name(edge.thread),
                    edge.name,
                    name(holder)
                ),
                (None, Lang::Ko) => format!(
                    "{}은(는) {kind} {}을(를) 기다림",
                    name(edge.thread),
                    edge.name
                ),
                (None, Lang::En) => format!("{} waits for {kind} {}", name(edge.thread), edge.name),
            }
        })
        .collect();
    let tick = run.end_tick();
    let cycle = if report.cycle.is_empty() {
        String::from(lang.pick([
            " 순환은 없지만 깨워 줄 스레드가 남아 있지 않습니다.",
            " There is no cycle, but no thread is left to wake them.",
        ]))
    } else {
        let mut names: Vec<String> = report.cycle.iter().map(|thread| name(*thread)).collect();
        names.push(name(report.cycle[0]));
        lang.pick([
            format!(" 순환 대기: {}.", names.join(" → ")),
            format!(" Circular wait: {}.", names.join(" → ")),
        ])
    };
    lang.pick([
        format!("교착 상태(시각 {tick}): {}.{cycle}", waits.join("; ")),
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
                        format!(" 계속 도는 스레드: {thread}, 주소 {pc}(`{text}`).")
                    }
                    (Lang::Ko, false) => format!(
                        " 계속 도는 스레드: {thread}, 주소 {pc}(`{text}`), 읽는 변수 {reads}."
                    ),
                    (Lang::En, true) => format!(": {thread} spins at {pc} (`{text}`)."),
                    (Lang::En, false) => {
                        format!(": {thread} spins at {pc} (`{text}`) reading {reads}.")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parse_error_names_its_line_in_both_languages() {
        let errors = Program::parse("mov $1, %ax\nfoo %ax\nhalt\n").unwrap_err();
        let first = errors[0];
        assert_eq!(first.line, 2);
        assert_eq!(
            parse_error(&first, Lang::En),
            "line 2: unknown instruction."
        );
        assert_eq!(
            parse_error(&first, Lang::Ko),
            "2번째 줄: 알 수 없는 명령어입니다."
        );
    }

    #[test]
    fn a_run_that_spins_forever_says_where() {
        use proclab_core::program::x86::{run, X86Config};
        let program = Program::parse(".top\nj .top\nhalt\n").unwrap();
        let config = X86Config {
            budget: 50,
            ..X86Config::new(1)
        };
        let ran = run(&program, &config).unwrap();
        let sentence = end(&ran.end(), &program, Lang::En);
        assert!(
            sentence.starts_with("stopped after 50 instructions: thread 0"),
            "{sentence}"
        );
        assert!(sentence.contains("(line 2)"), "{sentence}");
    }

    #[test]
    fn a_scheduled_run_out_of_budget_names_the_spinning_thread_and_what_it_reads() {
        // T1 takes the lock and halts without releasing it; T2 spins on it.
        let spec: proclab_core::ScenarioSpec = serde_json::from_str(
            r#"{"processes":[{"program":".var lock\n.main\n.acquire\nmov $1, %ax\nxchg %ax, lock\ntest $0, %ax\njne .acquire\nhalt\n","threads":[{},{}]}],"policy":{"kind":"rr","quantum":3},"machine":{"instruction_budget":40}}"#,
        )
        .unwrap();
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let sentence = run_end(&run, Lang::En);
        assert!(
            sentence.starts_with(
                "Stopped after 40 instructions (the budget) at tick 40: P1.T2 spins at "
            ),
            "{sentence}"
        );
        assert!(sentence.contains("reading `lock`"), "{sentence}");
        let korean = run_end(&run, Lang::Ko);
        assert!(korean.contains("계속 도는 스레드: P1.T2"), "{korean}");
        let step = run.program_steps()[1];
        assert_eq!(
            instruction_text(run.scenario(), 0, step.pc),
            "xchg %ax, lock"
        );
        let program = run.scenario().processes()[0].program().unwrap();
        let accesses: Vec<String> = step
            .accesses
            .as_slice()
            .iter()
            .map(|one| access(one, program, Lang::En))
            .collect();
        assert_eq!(accesses, ["read lock=0", "write lock=1"]);
    }

    #[test]
    fn a_condition_wait_its_fault_and_its_lost_signal_in_both_languages() {
        // T1 waits on c holding m; T2 waits without m (a fault). Nobody signals: a deadlock.
        let spec: proclab_core::ScenarioSpec = serde_json::from_str(
            r#"{"processes":[{"program":".mutex m\n.cond c\n.main\ntest $0, %bx\njne .bad\nlock m\nwait c, m\nhalt\n.bad\nwait c, m\nhalt\n","threads":[{"registers":"bx=0"},{"registers":"bx=1"}]}]}"#,
        )
        .unwrap();
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let said = |step: usize, lang| outcome(&run.program_steps()[step].outcome, lang);
        let wait = run
            .program_steps()
            .iter()
            .position(|step| matches!(step.outcome, StepOutcome::Blocked(_)))
            .unwrap();
        assert_eq!(
            said(wait, Lang::En).as_deref(),
            Some("waits: releases the mutex and blocks until the condition is signalled")
        );
        assert_eq!(
            said(wait, Lang::Ko).as_deref(),
            Some("기다림: 뮤텍스를 놓고 조건 변수의 signal까지 대기")
        );
        let fault = run.program_steps().len() - 1;
        assert_eq!(
            said(fault, Lang::En).as_deref(),
            Some("fault: it waited on a condition without holding the mutex (lock m before wait c, m); the thread ends")
        );
        assert_eq!(
            run_end(&run, Lang::En),
            "Deadlock at tick 7: P1.T1 waits for condition c. There is no cycle, but no thread is left to wake them."
        );
        assert_eq!(
            run_end(&run, Lang::Ko),
            "교착 상태(시각 7): P1.T1은(는) 조건 변수 c을(를) 기다림. 순환은 없지만 깨워 줄 스레드가 남아 있지 않습니다."
        );
    }
}
