//! A mistyped name in a program, quoted back as typed, with the name most likely meant: an
//! unknown label, variable or register says "you typed “.agian”: did you mean .again?".

use crate::lang::Lang;
use proclab_core::program::{Opcode, ParseError, ParseErrorKind};

/// The registers as an operand names them.
const REGISTERS: [&str; 8] = ["%ax", "%bx", "%cx", "%dx", "%ex", "%fx", "%sp", "%bp"];

/// What was typed where line `error` of `program` names something that does not exist: the word
/// a line starts with when it is no instruction, or an unknown label, variable or register,
/// quoted with the name most likely meant. `None` for any other problem.
pub fn as_typed(program: &str, error: &ParseError, lang: Lang) -> Option<String> {
    if error.kind != proclab_core::program::ParseErrorKind::UnknownOpcode {
        return operand_as_typed(program, error, lang);
    }
    let line = program.lines().nth((error.line as usize).checked_sub(1)?)?;
    let code = line.split('#').next()?;
    let word = code.split_whitespace().next()?;
    Some(super::not_an_instruction(word, lang))
}

/// The operand of `error` as typed in `program`, and the known name closest to it, in words;
/// `None` for any other problem, or when the line has no such operand.
pub fn operand_as_typed(program: &str, error: &ParseError, lang: Lang) -> Option<String> {
    let (operand, known): (u8, Vec<String>) = match error.kind {
        ParseErrorKind::UnknownLabel { operand } => (operand, labels(program)),
        ParseErrorKind::UnknownVariable { operand } => (operand, variables(program)),
        ParseErrorKind::UnknownRegister { operand } => {
            (operand, REGISTERS.iter().map(|r| r.to_string()).collect())
        }
        ParseErrorKind::UnknownSyncObject { opcode } => {
            return unknown_object(program, error.line, opcode, lang)
        }
        ParseErrorKind::BadOperand { operand } => {
            return bad_operand(program, error.line, operand, lang)
        }
        _ => return None,
    };
    let typed = typed_operand(program, error.line, operand)?;
    // The name inside an address such as `%zx` in `4(%zx)`, or the register itself.
    let name = match error.kind {
        ParseErrorKind::UnknownRegister { .. } => typed
            .split(['(', ')', ','])
            .map(str::trim)
            .find(|part| part.starts_with('%') && !REGISTERS.contains(part))
            .unwrap_or(typed),
        _ => typed,
    };
    Some(you_typed(name, &known, lang))
}

/// Operand `operand` (from 1) of line `line` (from 1) of `program` as typed, without its comment
/// and its spaces around; `None` when the line has no such operand or it is empty.
fn typed_operand(program: &str, line: u32, operand: u8) -> Option<&str> {
    let text = program.lines().nth((line as usize).checked_sub(1)?)?;
    let code = text.split('#').next()?.trim();
    let (_, rest) = code.split_once(char::is_whitespace)?;
    let typed = operands(rest)
        .into_iter()
        .nth(usize::from(operand).checked_sub(1)?)?
        .trim();
    (!typed.is_empty()).then_some(typed)
}

/// An operand that cannot be read, as typed; two words with no comma between them are said to
/// be so (`cpu $5 zz` had been told only that its operand 1 could not be read).
fn bad_operand(program: &str, line: u32, operand: u8, lang: Lang) -> Option<String> {
    let typed = typed_operand(program, line, operand)?;
    let quoted = proclab_view::isolate(String::from(typed));
    let words = typed.split_whitespace().count();
    Some(if words > 1 && !typed.contains('(') {
        lang.pick([
            format!("적은 것: “{quoted}”. 단어가 {words}개입니다: 피연산자는 쉼표로 나누고, 이 명령이 받지 않는 것은 지우세요."),
            format!("You typed “{quoted}”: {words} words. Operands are separated by commas; remove what the instruction does not take."),
        ])
    } else {
        lang.pick([
            format!("적은 것: “{quoted}”. 피연산자는 $숫자, %레지스터, 변수, 주소, 오프셋(%레지스터), .레이블 중 하나입니다."),
            format!("You typed “{quoted}”; an operand is a $number, a %register, a variable, an address, an offset(%register) or a .label."),
        ])
    })
}

/// "You typed “name”: did you mean known?", or without the question when no known name is
/// close.
fn you_typed(name: &str, known: &[String], lang: Lang) -> String {
    let quoted = proclab_view::isolate(String::from(name));
    match closest(name, known) {
        Some(meant) => lang.pick([
            format!("적은 것: “{quoted}”. 혹시 {meant}인가요?"),
            format!("You typed “{quoted}”: did you mean {meant}?"),
        ]),
        None => lang.pick([
            format!("적은 것: “{quoted}”."),
            format!("You typed “{quoted}”."),
        ]),
    }
}

/// The name on line `line` that is no object `opcode` works on (`send xrequests, %ax` with only
/// `.queue requests` declared), with the declared one most likely meant.
fn unknown_object(program: &str, line: u32, opcode: Opcode, lang: Lang) -> Option<String> {
    // The declarations an operation's names are looked up in: (directive, kind after `.shared`).
    let kinds: &[(&str, Option<&str>)] = match opcode {
        Opcode::Send | Opcode::Recv => &[(".queue", None)],
        Opcode::Write | Opcode::Read | Opcode::Close => &[(".pipe", None)],
        Opcode::Lock | Opcode::Unlock => &[(".mutex", None), (".shared", Some("mutex"))],
        Opcode::Wait => &[
            (".sem", None),
            (".cond", None),
            (".mutex", None),
            (".shared", Some("sem")),
        ],
        Opcode::Signal => &[(".sem", None), (".cond", None), (".shared", Some("sem"))],
        Opcode::Broadcast => &[(".cond", None)],
        _ => return None,
    };
    let known: Vec<String> = program
        .lines()
        .filter_map(|text| {
            let mut words = text.split('#').next()?.split_whitespace();
            let directive = words.next()?;
            let (_, shared) = kinds.iter().find(|(name, _)| *name == directive)?;
            if let Some(kind) = shared {
                (words.next()? == *kind).then_some(())?;
            }
            words.next().map(String::from)
        })
        .collect();
    let text = program.lines().nth((line as usize).checked_sub(1)?)?;
    let code = text.split('#').next()?.trim();
    let (_, rest) = code.split_once(char::is_whitespace)?;
    let typed = operands(rest).into_iter().map(str::trim).find(|name| {
        !name.is_empty() && !name.starts_with(['%', '$']) && !known.iter().any(|k| k == name)
    })?;
    Some(you_typed(typed, &known, lang))
}

/// The operands of an instruction line, split at the commas outside brackets.
fn operands(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0u32, 0);
    for (at, character) in text.char_indices() {
        match character {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&text[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// The labels the program defines (`.name` alone on a line), with their dot.
fn labels(program: &str) -> Vec<String> {
    const DIRECTIVES: [&str; 7] = [
        ".var", ".shared", ".queue", ".pipe", ".mutex", ".sem", ".cond",
    ];
    program
        .lines()
        .filter_map(|line| {
            let mut words = line.split('#').next()?.split_whitespace();
            let first = words.next()?;
            (first.starts_with('.') && !DIRECTIVES.contains(&first) && words.next().is_none())
                .then(|| first.to_string())
        })
        .collect()
}

/// The variables the program declares (`.var name`, `.shared name`).
fn variables(program: &str) -> Vec<String> {
    program
        .lines()
        .filter_map(|line| {
            let mut words = line.split('#').next()?.split_whitespace();
            let first = words.next()?;
            matches!(first, ".var" | ".shared").then(|| words.next().map(String::from))?
        })
        .collect()
}

/// The known name at the fewest edits from `typed` (at most 2, and fewer than its length), the
/// first of equals.
fn closest(typed: &str, known: &[String]) -> Option<String> {
    let limit = 2.min(typed.chars().count().saturating_sub(1));
    known
        .iter()
        .map(|name| (edits(typed, name), name))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name.clone())
}

/// Edit distance (insertions, deletions, substitutions, and a swap of two neighbours counted
/// as one: "agian" is one edit from "again").
pub fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proclab_core::program::Program;

    fn first_error(program: &str) -> ParseError {
        Program::parse(program).unwrap_err()[0]
    }

    #[test]
    fn a_mistyped_label_variable_or_register_is_quoted_with_the_name_meant() {
        let program = ".var counter\n.main\n.again\nmov counter, %ax\nadd $1, %ax\nmov %ax, counter\njgt .agian\nhalt\n";
        let error = first_error(program);
        assert_eq!(
            operand_as_typed(program, &error, Lang::En).as_deref(),
            Some("You typed “.agian”: did you mean .again?")
        );
        let program = ".var counter\n.main\nmov countr, %ax\nhalt\n";
        let error = first_error(program);
        assert_eq!(
            operand_as_typed(program, &error, Lang::En).as_deref(),
            Some("You typed “countr”: did you mean counter?")
        );
        let program = ".main\nadd $1, %zx\nhalt\n";
        let error = first_error(program);
        assert_eq!(
            operand_as_typed(program, &error, Lang::Ko).as_deref(),
            Some("적은 것: “%zx”. 혹시 %ax인가요?")
        );
        // Nothing close: quoted, no guess.
        let program = ".var counter\n.main\nmov total, %ax\nhalt\n";
        let error = first_error(program);
        assert_eq!(
            operand_as_typed(program, &error, Lang::En).as_deref(),
            Some("You typed “total”.")
        );
        // Another kind of problem: nothing to add.
        let program = ".main\nadd $1\nhalt\n";
        assert_eq!(
            operand_as_typed(program, &first_error(program), Lang::En),
            None
        );
    }

    #[test]
    fn a_mistyped_queue_pipe_or_lock_name_is_quoted_with_the_declared_one_meant() {
        let cases = [
            (
                ".queue requests 2\n.main\nsend xrequests, %ax\nhalt\n",
                "You typed “xrequests”: did you mean requests?",
            ),
            (".pipe p 2\n.main\nwrite q, %ax\nhalt\n", "You typed “q”."),
            (
                ".pipe data 2\n.main\nclose dat\nhalt\n",
                "You typed “dat”: did you mean data?",
            ),
            (
                ".mutex lock1\n.main\nlock lokc1\nhalt\n",
                "You typed “lokc1”: did you mean lock1?",
            ),
            (".shared mutex m\n.main\nunlock n\nhalt\n", "You typed “n”."),
            (
                ".cond ready\n.mutex m\n.main\nlock m\nwait raedy, m\nhalt\n",
                "You typed “raedy”: did you mean ready?",
            ),
            (
                ".shared sem slots 2\n.main\nsignal slot\nhalt\n",
                "You typed “slot”: did you mean slots?",
            ),
        ];
        for (program, said) in cases {
            let error = first_error(program);
            assert!(
                matches!(error.kind, ParseErrorKind::UnknownSyncObject { .. }),
                "{program}: {error:?}"
            );
            assert_eq!(
                operand_as_typed(program, &error, Lang::En).as_deref(),
                Some(said),
                "{program}"
            );
        }
        let program = ".queue requests 2\n.main\nrecv reqests, %ax\nhalt\n";
        assert_eq!(
            operand_as_typed(program, &first_error(program), Lang::Ko).as_deref(),
            Some("적은 것: “reqests”. 혹시 requests인가요?")
        );
    }

    /// `cpu $5 zz` had been told only "operand 1 cannot be read".
    #[test]
    fn an_operand_that_cannot_be_read_is_quoted_and_two_words_are_said_to_want_a_comma() {
        let program = ".main\ncpu $5 zz\nhalt\n";
        let error = first_error(program);
        assert_eq!(error.kind, ParseErrorKind::BadOperand { operand: 1 });
        assert_eq!(
            as_typed(program, &error, Lang::En).as_deref(),
            Some("You typed “$5 zz”: 2 words. Operands are separated by commas; remove what the instruction does not take.")
        );
        let program = ".main\nmov 4(%ax, %bx\nhalt\n";
        let error = first_error(program);
        assert!(
            matches!(error.kind, ParseErrorKind::BadOperand { .. }),
            "{error:?}"
        );
        let said = as_typed(program, &error, Lang::Ko).expect("said");
        assert!(
            said.starts_with("적은 것: “4(%ax, %bx”") && said.contains("피연산자는 $숫자"),
            "{said}"
        );
    }

    #[test]
    fn operands_split_at_commas_outside_brackets() {
        assert_eq!(operands("4(%ax,%bx), %cx"), ["4(%ax,%bx)", " %cx"]);
        assert_eq!(edits("agian", "again"), 1);
        assert_eq!(edits("countr", "counter"), 1);
        assert!(super::super::not_an_instruction("mvo", Lang::En).ends_with("did you mean mov?"));
        assert!(super::super::not_an_instruction("hatl", Lang::En).ends_with("did you mean halt?"));
        assert!(!super::super::not_an_instruction("frobnicate", Lang::En).contains("did you mean"));
    }
}
