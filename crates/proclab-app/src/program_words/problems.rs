//! Problems in words: a program's text by line, an `x86.py`-style set-up, a fault.

use proclab_core::program::x86::{ArgvError, X86ConfigError};
use proclab_core::program::{Fault, Opcode, OperandKind, ParseError, ParseErrorKind};

use crate::lang::Lang;
use crate::lang::{object_particle, subject_particle, topic_particle};

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

/// "add takes 2 operands, separated by a comma; this line has 1."
fn operand_count(name: &str, (fewest, most): (u8, u8), found: u8, lang: Lang) -> String {
    let wanted = match (fewest == most, lang) {
        (true, Lang::Ko) => format!("{fewest}개"),
        (true, Lang::En) => format!("{fewest}"),
        (false, Lang::Ko) => format!("{fewest}~{most}개"),
        (false, Lang::En) => format!("{fewest} to {most}"),
    };
    let plural = if most == 1 { "" } else { "s" };
    let comma = most > 1;
    match lang {
        Lang::Ko => format!(
            "{name}의 피연산자는 {wanted}{}인데 이 줄에는 {found}개가 있습니다.",
            if comma { "(쉼표로 구분)" } else { "" }
        ),
        Lang::En => format!(
            "{name} takes {wanted} operand{plural}{}; this line has {found}.",
            if comma { ", separated by commas" } else { "" }
        ),
    }
}

/// After "unknown instruction": the word that is not one, as typed (isolated, since it is the
/// student's text).
pub fn not_an_instruction(word: &str, lang: Lang) -> String {
    let guess = meant(word);
    let word = proclab_view::isolate(String::from(word));
    match guess {
        Some(guess) => lang.pick([
            format!("“{word}”라는 명령어는 없습니다. 혹시 {guess}인가요?"),
            format!("“{word}” is not an instruction of this language: did you mean {guess}?"),
        ]),
        None => lang.pick([
            format!("“{word}”라는 명령어는 없습니다."),
            format!("“{word}” is not an instruction of this language."),
        ]),
    }
}

/// The instruction a word from another assembly (or in capitals) most likely means here:
/// OSTEP `x86.py` spells its jumps `j`, `je`, `jlt`... and compares with `test`.
fn meant(word: &str) -> Option<String> {
    use proclab_core::program::Opcode;
    let lower = word.to_ascii_lowercase();
    if let Some(opcode) = Opcode::from_name(&lower) {
        return Some(String::from(opcode.name()));
    }
    let other = match lower.as_str() {
        "jmp" | "b" | "goto" => "j",
        "jz" | "jeq" => "je",
        "jnz" | "jneq" => "jne",
        "jl" => "jlt",
        "jle" => "jlte",
        "jg" => "jgt",
        "jge" => "jgte",
        "cmp" => "test",
        "inc" => "add $1, …",
        "dec" => "sub $1, …",
        "xadd" => "fetchadd",
        "hlt" | "exit" => "halt",
        "imul" => "mul",
        "movl" | "movq" => "mov",
        "addl" | "addq" => "add",
        "subl" | "subq" => "sub",
        "pushl" | "pushq" => "push",
        "popl" | "popq" => "pop",
        "v" | "post" | "up" => "signal",
        "p" | "down" => "wait",
        // A typo of an instruction of this language: one edit away ("mvo", "hatl").
        _ if lower.chars().count() >= 3 => {
            return Opcode::ALL
                .iter()
                .map(|opcode| opcode.name())
                .find(|name| super::typed::edits(&lower, name) == 1)
                .map(String::from)
        }
        _ => return None,
    };
    Some(String::from(other))
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
            "동기화 객체 선언은 .mutex 이름, .sem 이름 초깃값(0 이상의 정수, 적지 않으면 0) 또는 .cond 이름입니다.",
        ),
        (BadSyncDeclaration, Lang::En) => String::from(
            "declare a mutex as .mutex name, a semaphore as .sem name initial (a whole number, 0 or more; 0 when left out) and a condition as .cond name.",
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
                Opcode::Send | Opcode::Recv => "선언한 메시지 큐(.queue)의 이름과 레지스터를",
                Opcode::Write | Opcode::Read => "선언한 파이프(.pipe)의 이름과 레지스터를",
                Opcode::Close => "선언한 파이프(.pipe)의 이름을",
                _ => "선언한 뮤텍스(.mutex)의 이름을",
            };
            format!("{}{} {what} 받습니다.", opcode.name(), topic_particle(opcode.name()))
        }
        (UnknownSyncObject { opcode }, Lang::En) => {
            let what = match opcode {
                Opcode::Wait => "a declared semaphore (wait s) or a declared condition and mutex (wait c, m)",
                Opcode::Signal => "the name of a declared semaphore (.sem) or condition (.cond)",
                Opcode::Broadcast => "the name of a declared condition (.cond)",
                Opcode::Send | Opcode::Recv => "the name of a declared message queue (.queue) and a register",
                Opcode::Write | Opcode::Read => "the name of a declared pipe (.pipe) and a register",
                Opcode::Close => "the name of a declared pipe (.pipe)",
                _ => "the name of a declared mutex (.mutex)",
            };
            format!("{} takes {what}.", opcode.name())
        }
        (PipeCapacityOutOfRange { max }, Lang::Ko) => format!(
            "파이프의 크기는 1에서 {max}까지입니다(크기 0인 파이프에는 아무것도 쓸 수 없습니다). 예: .pipe p 4"
        ),
        (PipeCapacityOutOfRange { max }, Lang::En) => format!(
            "a pipe holds 1 to {max} bytes (nothing could ever be written to a pipe of capacity 0): .pipe p 4"
        ),
        (IoTicksOutOfRange, Lang::Ko) => format!(
            "io의 틱 수는 0에서 {}까지입니다 (예: io $5).",
            proclab_core::program::MAX_IO_TICKS
        ),
        (IoTicksOutOfRange, Lang::En) => format!(
            "io takes 0 to {} ticks (io $5).",
            proclab_core::program::MAX_IO_TICKS
        ),
        (CpuTicksOutOfRange, Lang::Ko) => format!(
            "cpu의 틱 수는 1에서 {}까지입니다 (예: cpu $3).",
            proclab_core::program::MAX_CPU_TICKS
        ),
        (CpuTicksOutOfRange, Lang::En) => format!(
            "cpu takes 1 to {} ticks (cpu $3).",
            proclab_core::program::MAX_CPU_TICKS
        ),
        (LabelWithColon, Lang::Ko) => {
            String::from("레이블은 콜론 없이 점으로 시작합니다(예: .loop).")
        }
        (LabelWithColon, Lang::En) => {
            String::from("a label starts with a dot and has no colon (.loop).")
        }
        (TextAfterLabel, Lang::Ko) => String::from("레이블 줄에는 레이블만 씁니다."),
        (TextAfterLabel, Lang::En) => String::from("a label stands alone on its line."),
        (BadLabelName, Lang::Ko) => String::from("레이블 이름에는 영문자, 숫자, _만 쓸 수 있습니다."),
        (BadLabelName, Lang::En) => String::from("a label name holds only Latin letters (a-z, A-Z), digits and _."),
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
            String::from("변수 이름은 영문자로 시작하고 영문자, 숫자, _만 씁니다(예: count, buf_2).")
        }
        (BadVarName, Lang::En) => String::from(
            "a variable name starts with a Latin letter (a-z, A-Z) and holds only Latin letters, digits and _ (count, buf_2).",
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
        (WrongOperandCount { opcode, found }, lang) => {
            operand_count(opcode.name(), opcode.operand_counts(), found, lang)
        }
        (BadOperand { operand }, Lang::Ko) => format!("{operand}번째 피연산자를 읽을 수 없습니다."),
        (BadOperand { operand }, Lang::En) => format!("operand {operand} cannot be read."),
        (UnknownRegister { operand }, Lang::Ko) => {
            format!("{operand}번째 피연산자: 레지스터는 %ax %bx %cx %dx %ex %fx %sp %bp 중 하나입니다.")
        }
        (UnknownRegister { operand }, Lang::En) => {
            format!("operand {operand}: a register is one of %ax %bx %cx %dx %ex %fx %sp %bp.")
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
        ) => {
            let kind = operand_kind(found, lang);
            let dollar = if found == OperandKind::Memory {
                " $ 없는 수나 이름은 메모리 주소입니다. 상수라면 수 앞에 $를 붙이세요($0)."
            } else {
                ""
            };
            format!(
                "{}의 {operand}번째 피연산자로 {kind}{} 쓸 수 없습니다.{dollar}",
                opcode.name(),
                topic_particle(kind)
            )
        }
        (
            OperandNotAllowed {
                opcode,
                operand,
                found,
            },
            Lang::En,
        ) => format!(
            "{} does not take {} as operand {operand}.{}",
            opcode.name(),
            operand_kind(found, lang),
            // `test 0, %ax`: the bare number is read as an address, the `$` forgotten.
            if found == OperandKind::Memory {
                " A number or a name without $ is a memory address; for a constant, write $ before the number ($0)."
            } else {
                ""
            }
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
            "레지스터 설정이 {given}개인데 스레드는 {threads}개입니다. 모든 스레드가 함께 쓸 설정 하나, 또는 스레드마다 하나씩 쉼표로 나눠 쓰세요. 스레드 수는 --threads로 정합니다."
        ),
        (ArgvError::CountMismatch { given, threads }, Lang::En) => format!(
            "{given} register settings, but {}: give one setting that every thread starts with, or one per thread separated by commas; --threads sets how many threads run.",
            if threads == 1 { String::from("1 thread runs") } else { format!("{threads} threads run") }
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
            format!("스레드 {entry}: 값은 정수여야 합니다(예: bx=3:cx=1).")
        }
        (ArgvError::BadValue { entry }, Lang::En) => {
            format!("thread {entry}: each value must be a whole number (bx=3:cx=1).")
        }
        (ArgvError::ValueTooLarge { entry }, Lang::Ko) => format!(
            "스레드 {entry}: 값이 너무 큽니다(레지스터에는 -9223372036854775808부터 9223372036854775807까지)."
        ),
        (ArgvError::ValueTooLarge { entry }, Lang::En) => format!(
            "thread {entry}: a value is too large (a register holds -9223372036854775808 to 9223372036854775807)."
        ),
    }
}

/// A set-up that cannot run.
pub fn config_error(error: &X86ConfigError, lang: Lang) -> String {
    use X86ConfigError::*;
    match (*error, lang) {
        (SyncNotInX86 { address }, Lang::Ko) => format!(
            "{address}번지의 명령어(뮤텍스·세마포어·조건 변수·메시지 큐·파이프)는 x86.py에 없습니다. 이 프로그램은 시나리오(proclab run)로 실행하세요."
        ),
        (SyncNotInX86 { address }, Lang::En) => format!(
            "the instruction at {address} (a mutex, semaphore, condition, message queue or pipe one) is not x86.py's: run this program in a scenario (proclab run)."
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
            format!(
                "스레드 {thread}{} 스케줄에 없어 끝날 수 없습니다.",
                subject_particle(&thread.to_string())
            )
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

/// A fault in words (what the instruction could not do).
pub fn fault(fault: &Fault, lang: Lang) -> String {
    match (*fault, lang) {
        (Fault::UnlockNotHeld { .. }, Lang::Ko) => {
            String::from("갖고 있지 않은 뮤텍스를 풀려고 했습니다")
        }
        (Fault::UnlockNotHeld { .. }, Lang::En) => {
            String::from("it unlocked a mutex it does not hold")
        }
        (Fault::WaitWithoutMutex { .. }, Lang::Ko) => String::from(
            "갖고 있지 않은 뮤텍스로 조건 변수를 기다리려 했습니다(wait c, m 전에 lock m)",
        ),
        (Fault::WaitWithoutMutex { .. }, Lang::En) => String::from(
            "it waited on a condition without holding the mutex (lock m before wait c, m)",
        ),
        (Fault::WriteAfterClose { .. }, Lang::Ko) => {
            String::from("이미 닫은(close) 파이프에 쓰려고 했습니다")
        }
        (Fault::WriteAfterClose { .. }, Lang::En) => {
            String::from("it wrote to a pipe it had closed")
        }
        (Fault::NotAByte { value, .. }, Lang::Ko) => format!(
            "파이프는 바이트(0~255)를 나르는데 {value}{} 쓰려고 했습니다. 한 바이트씩 쓰거나, 큰 수는 메시지 큐로 보내세요",
            object_particle(&value.to_string())
        ),
        (Fault::NotAByte { value, .. }, Lang::En) => format!(
            "it wrote {value} to a pipe, which carries bytes (0 to 255): write one byte at a time, or send whole numbers through a message queue"
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
            format!("주소 {address}{} 주소 공간 밖입니다", topic_particle(&address.to_string()))
        }
        (Fault::AddressOutOfRange { address }, Lang::En) => {
            format!("address {address} is outside the address space")
        }
        (Fault::CodeAddress { address }, Lang::Ko) => {
            format!("주소 {address}{} 명령어가 있는 곳입니다", topic_particle(&address.to_string()))
        }
        (Fault::CodeAddress { address }, Lang::En) => {
            format!("address {address} holds an instruction")
        }
        (Fault::Overflow, Lang::Ko) => String::from("계산 결과가 64비트 범위를 넘었습니다"),
        (Fault::Overflow, Lang::En) => String::from("a result does not fit in 64 bits"),
    }
}
