//! The parser of `x86.py` programs: what it accepts (every addressing form `x86.py` reads) and
//! every [`ParseErrorKind`] at least once, on the line where it is.

use proclab_core::program::{
    Address, Condition, Instruction, OperandKind, ParseError, ParseErrorKind, Program, Register,
    Value, MAX_INSTRUCTIONS, MAX_LOAD_ADDRESS,
};

fn errors(source: &str) -> Vec<ParseError> {
    Program::parse(source).expect_err("the program should be rejected")
}

fn only_error(source: &str) -> ParseError {
    let errors = errors(source);
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors[0]
}

fn instructions(source: &str) -> Vec<Instruction> {
    match Program::parse(source) {
        Ok(program) => program.instructions().to_vec(),
        Err(errors) => panic!("{source:?} is rejected: {errors:?}"),
    }
}

fn memory(offset: i64, base: Option<Register>, index: Option<Register>, scale: i64) -> Address {
    Address {
        offset,
        base,
        index,
        scale,
    }
}

/// One index per variant: adding a variant without a test here does not compile.
fn variant(kind: ParseErrorKind) -> usize {
    match kind {
        ParseErrorKind::NoInstructions => 0,
        ParseErrorKind::LoadAddressTooHigh => 1,
        ParseErrorKind::TooManyInstructions => 2,
        ParseErrorKind::UnknownOpcode => 3,
        ParseErrorKind::LabelWithColon => 4,
        ParseErrorKind::TextAfterLabel => 5,
        ParseErrorKind::BadLabelName => 6,
        ParseErrorKind::DuplicateLabel { .. } => 7,
        ParseErrorKind::VarFieldCount => 8,
        ParseErrorKind::BadVarName => 9,
        ParseErrorKind::BadVarSize => 10,
        ParseErrorKind::DuplicateVariable { .. } => 11,
        ParseErrorKind::DataOverrunsCode => 12,
        ParseErrorKind::WrongOperandCount { .. } => 13,
        ParseErrorKind::BadOperand { .. } => 14,
        ParseErrorKind::UnknownRegister { .. } => 15,
        ParseErrorKind::NumberTooLarge { .. } => 16,
        ParseErrorKind::OperandNotAllowed { .. } => 17,
        ParseErrorKind::IndexedAddressOutsideMov { .. } => 18,
        ParseErrorKind::UnknownLabel { .. } => 19,
        ParseErrorKind::UnknownVariable { .. } => 20,
        ParseErrorKind::JumpOutOfProgram { .. } => 21,
        ParseErrorKind::IoTicksOutOfRange => 22,
        ParseErrorKind::BadSyncDeclaration => 23,
        ParseErrorKind::DuplicateSyncObject { .. } => 24,
        ParseErrorKind::UnknownSyncObject { .. } => 25,
        ParseErrorKind::PipeCapacityOutOfRange { .. } => 26,
        ParseErrorKind::CpuTicksOutOfRange => 27,
    }
}
const VARIANTS: usize = 28;

#[test]
fn every_parse_error_is_reported_on_its_line() {
    use proclab_core::program::Opcode;
    use ParseErrorKind as K;
    let many = "nop\n".repeat(MAX_INSTRUCTIONS as usize) + "halt\n";
    let cases: Vec<(String, u32, ParseErrorKind)> = vec![
        ("# nothing\n\n.var x\n".into(), 3, K::NoInstructions),
        ("".into(), 1, K::NoInstructions),
        (many, MAX_INSTRUCTIONS + 1, K::TooManyInstructions),
        ("nop\nmove $1, %ax\nhalt".into(), 2, K::UnknownOpcode),
        ("nop\nio $-2\nhalt".into(), 2, K::IoTicksOutOfRange),
        (".sem s x\nnop\nhalt".into(), 1, K::BadSyncDeclaration),
        (
            "nop\n.pipe p 0\nhalt".into(),
            2,
            K::PipeCapacityOutOfRange { max: 1_000 },
        ),
        (
            ".mutex m\n.sem m 1\nhalt".into(),
            2,
            K::DuplicateSyncObject { first_line: 1 },
        ),
        (
            "nop\nwait m\nhalt".into(),
            2,
            K::UnknownSyncObject {
                opcode: Opcode::Wait,
            },
        ),
        ("nop\nio $1000001\nhalt".into(), 2, K::IoTicksOutOfRange),
        ("nop\ncpu $0\nhalt".into(), 2, K::CpuTicksOutOfRange),
        ("nop\nMOV $1, %ax\nhalt".into(), 2, K::UnknownOpcode),
        ("loop:\nhalt".into(), 1, K::LabelWithColon),
        ("nop\n.loop nop\nhalt".into(), 2, K::TextAfterLabel),
        ("nop\n.\nhalt".into(), 2, K::BadLabelName),
        ("nop\n.a-b\nhalt".into(), 2, K::BadLabelName),
        (
            ".top\nnop\n.top\nhalt".into(),
            3,
            K::DuplicateLabel { first_line: 1 },
        ),
        (".var\nhalt".into(), 1, K::VarFieldCount),
        (".var a 2 3\nhalt".into(), 1, K::VarFieldCount),
        (".var 1a\nhalt".into(), 1, K::BadVarName),
        (".var a.b\nhalt".into(), 1, K::BadVarName),
        (".var a 0\nhalt".into(), 1, K::BadVarSize),
        (".var a -2\nhalt".into(), 1, K::BadVarSize),
        (".var a x\nhalt".into(), 1, K::BadVarSize),
        (
            ".var a\n.var b\n.var a\nhalt".into(),
            3,
            K::DuplicateVariable { first_line: 1 },
        ),
        (".var big 225\nhalt".into(), 1, K::DataOverrunsCode),
        (
            "mov $1\nhalt".into(),
            1,
            K::WrongOperandCount {
                opcode: Opcode::Mov,
                found: 1,
            },
        ),
        (
            "nop\nhalt now".into(),
            2,
            K::WrongOperandCount {
                opcode: Opcode::Halt,
                found: 1,
            },
        ),
        (
            "pop %ax, %bx\nhalt".into(),
            1,
            K::WrongOperandCount {
                opcode: Opcode::Pop,
                found: 2,
            },
        ),
        ("mov $x, %ax\nhalt".into(), 1, K::BadOperand { operand: 1 }),
        ("mov $1, \nhalt".into(), 1, K::BadOperand { operand: 2 }),
        (
            "mov 4(%ax, %bx\nhalt".into(),
            1,
            K::BadOperand { operand: 1 },
        ),
        (
            "mov 4(%ax)x, %bx\nhalt".into(),
            1,
            K::BadOperand { operand: 1 },
        ),
        (
            "mov (%ax,%bx,4,5), %cx\nhalt".into(),
            1,
            K::BadOperand { operand: 1 },
        ),
        (
            "mov $1, %zz\nhalt".into(),
            1,
            K::UnknownRegister { operand: 2 },
        ),
        (
            "mov $1, %zero\nhalt".into(),
            1,
            K::UnknownRegister { operand: 2 },
        ),
        (
            "mov $99999999999999999999, %ax\nhalt".into(),
            1,
            K::NumberTooLarge { operand: 1 },
        ),
        (
            ".var a\n.var b\nmov a, b\nhalt".into(),
            3,
            K::OperandNotAllowed {
                opcode: Opcode::Mov,
                operand: 2,
                found: OperandKind::Memory,
            },
        ),
        (
            "test $1, $2\nhalt".into(),
            1,
            K::OperandNotAllowed {
                opcode: Opcode::Test,
                operand: 2,
                found: OperandKind::Immediate,
            },
        ),
        (
            ".a\nj %ax\nhalt".into(),
            2,
            K::OperandNotAllowed {
                opcode: Opcode::J,
                operand: 1,
                found: OperandKind::Register,
            },
        ),
        (
            "push $1\nhalt".into(),
            1,
            K::OperandNotAllowed {
                opcode: Opcode::Push,
                operand: 1,
                found: OperandKind::Immediate,
            },
        ),
        (
            ".var a\nxchg a, %ax\nhalt".into(),
            2,
            K::OperandNotAllowed {
                opcode: Opcode::Xchg,
                operand: 1,
                found: OperandKind::Memory,
            },
        ),
        (
            "lea 0(%fx,%bx,4), %ax\nhalt".into(),
            1,
            K::IndexedAddressOutsideMov {
                opcode: Opcode::Lea,
                operand: 1,
            },
        ),
        (
            "xchg %ax, 4(%fx,%bx)\nhalt".into(),
            1,
            K::IndexedAddressOutsideMov {
                opcode: Opcode::Xchg,
                operand: 2,
            },
        ),
        (
            "nop\nj .nowhere\nhalt".into(),
            2,
            K::UnknownLabel { operand: 1 },
        ),
        (
            "mov count, %ax\nhalt".into(),
            1,
            K::UnknownVariable { operand: 1 },
        ),
        (
            "jne .end\nhalt\n.end".into(),
            1,
            K::JumpOutOfProgram { operand: 1 },
        ),
    ];
    let mut seen = [false; VARIANTS];
    for (source, line, kind) in &cases {
        let error = only_error(source);
        assert_eq!(
            error,
            ParseError {
                line: *line,
                kind: *kind
            },
            "{source:?}"
        );
        seen[variant(error.kind)] = true;
    }
    let too_high = Program::parse_at("halt", MAX_LOAD_ADDRESS + 1).expect_err("rejected");
    assert_eq!(
        too_high,
        vec![ParseError {
            line: 1,
            kind: K::LoadAddressTooHigh
        }]
    );
    seen[variant(too_high[0].kind)] = true;
    let missing: Vec<usize> = (0..VARIANTS).filter(|&index| !seen[index]).collect();
    assert!(missing.is_empty(), "variants never produced: {missing:?}");
}

#[test]
fn every_error_of_a_program_is_reported_in_line_order() {
    let found = errors("mov $1, %qq\n.x\n.x\nfoo\nj .nowhere\nhalt\n");
    let lines: Vec<u32> = found.iter().map(|error| error.line).collect();
    assert_eq!(lines, vec![1, 3, 4, 5]);
}

#[test]
fn every_addressing_form_x86_py_reads_is_accepted() {
    use Register::*;
    let program = "\
.var counter
.var want 2
mov $5, %ax
mov $-5, %ax
mov %bx, %ax
mov counter, %ax
mov 2000, %ax
mov -4(%sp), %ax
mov (%bx), %ax
mov 8(%bx), %ax
mov 4(%fx,%bx), %ax
mov 0(%fx,%bx,4), %ax
mov (,%bx,4), %ax
mov 0(%fx, %bx, 4), %ax
mov %ax, want
mov $1, 0(%fx,%bx,4)
halt
";
    let load = |source: Address| Instruction::Load {
        source,
        destination: Ax,
    };
    assert_eq!(
        instructions(program),
        vec![
            Instruction::MoveToRegister {
                source: Value::Immediate(5),
                destination: Ax
            },
            Instruction::MoveToRegister {
                source: Value::Immediate(-5),
                destination: Ax
            },
            Instruction::MoveToRegister {
                source: Value::Register(Bx),
                destination: Ax
            },
            load(memory(100, None, None, 1)),
            load(memory(2000, None, None, 1)),
            load(memory(-4, Some(Sp), None, 1)),
            load(memory(0, Some(Bx), None, 1)),
            load(memory(8, Some(Bx), None, 1)),
            load(memory(4, Some(Fx), Some(Bx), 1)),
            load(memory(0, Some(Fx), Some(Bx), 4)),
            load(memory(0, None, Some(Bx), 4)),
            load(memory(0, Some(Fx), Some(Bx), 4)),
            Instruction::Store {
                source: Value::Register(Ax),
                destination: memory(104, None, None, 1)
            },
            Instruction::Store {
                source: Value::Immediate(1),
                destination: memory(0, Some(Fx), Some(Bx), 4)
            },
            Instruction::Halt,
        ]
    );
}

#[test]
fn labels_and_variables_may_be_used_before_they_are_declared() {
    let program = Program::parse(
        "   # comment line\n.main\nmov total, %ax   # trailing comment\nj .end\n  .end\nhalt\n.var total\n",
    )
    .expect("parses");
    assert_eq!(program.variables()[0].address, 100);
    assert_eq!(
        program.instructions()[1],
        Instruction::Jump {
            condition: Condition::Always,
            target: 1002
        }
    );
    assert_eq!(program.line_at(1000), Some(3));
    assert_eq!(program.line_at(1002), Some(6));
    assert_eq!(program.line_at(1003), None);
    let labels: Vec<(&str, u32)> = program
        .labels()
        .iter()
        .map(|label| (label.name.as_str(), label.address))
        .collect();
    assert_eq!(labels, vec![(".main", 1000), (".end", 1002)]);
}

#[test]
fn every_instruction_of_the_isa_parses() {
    let source = "\
.var lock
.top
mov $1, %ax
add $2, %ax
add %bx, %ax
sub $1, %ax
sub %bx, %ax
mul $3, %ax
mul %bx, %ax
neg %ax
lea lock, %fx
lea 4(%fx), %ex
test $0, %ax
test %ax, %bx
test %ax, $0
j .top
je .top
jne .top
jlt .top
jlte .top
jgt .top
jgte .top
xchg %ax, lock
fetchadd %ax, 0(%fx)
push %ax
push lock
pop %ax
pop
call .fn
yield
nop
halt
.fn
ret
";
    let program = Program::parse(source).expect("parses");
    assert_eq!(program.instructions().len(), 31);
    assert_eq!(
        program.instructions()[23],
        Instruction::PushAddress {
            address: memory(100, None, None, 1)
        }
    );
}
