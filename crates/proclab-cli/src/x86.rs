//! `proclab x86 FILE`: threads running a program in OSTEP `x86.py`'s assembly, the way `x86.py`
//! runs them (a timer interrupt every `--interrupt` instructions, or the exact `--schedule`), each
//! step with the running thread's registers and every variable. The options mirror `x86.py`'s:
//! `--threads` is `-t`, `--regs` is `-a`, `--interrupt` is `-i`, `--schedule` is `-P`.

use std::io::Write;

use proclab_app::lang::Lang;
use proclab_app::program_words;
use proclab_core::program::x86::{self, parse_argv, parse_schedule, Timing, X86Config, X86End};
use proclab_core::program::{Memory, Program, Register};
use serde_json::{json, Map, Value};

use crate::commands::file_argument;
use crate::{Failure, Options};

/// The registers each step shows: all but `bp`, as `x86.py` traces them (`bp` is last in
/// [`Register::ALL`]).
const SHOWN: &[Register] = Register::ALL.split_last().unwrap().1;

fn number(options: &Options, name: &str, default: u64) -> Result<u64, Failure> {
    options.number(name, default).map_err(Failure::Usage)
}

/// `proclab x86 FILE [--threads N] [--regs TEXT] [--interrupt N | --schedule DIGITS]
/// [--budget N] [--format text|json] [--lang en|ko]`.
pub fn x86(options: &Options, out: &mut impl Write) -> Result<(), Failure> {
    let lang = options.lang();
    let path = file_argument(options)?;
    let text = std::fs::read_to_string(path)
        .map_err(|error| crate::commands::unreadable(path, &error, lang))?;
    let program = Program::parse(&text).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|error| {
                let said = program_words::parse_error(error, lang);
                match program_words::as_typed(&text, error, lang) {
                    Some(typed) => format!("{path}: {said} {typed}"),
                    None => format!("{path}: {said}"),
                }
            })
            .collect();
        Failure::Input(lines.join("\n"))
    })?;
    let threads = number(options, "threads", 1)? as u32;
    let registers = parse_argv(options.get("regs").unwrap_or(""), threads)
        .map_err(|error| Failure::Usage(program_words::argv_error(&error, lang)))?;
    let timing = match options.get("schedule") {
        Some(schedule) => Timing::Schedule(parse_schedule(schedule).map_err(|position| {
            Failure::Usage(format!(
                "--schedule {schedule:?}: character {} is not a thread number",
                position + 1
            ))
        })?),
        None => Timing::Interrupt {
            every: number(
                options,
                "interrupt",
                u64::from(x86::DEFAULT_INTERRUPT_EVERY),
            )? as u32,
        },
    };
    let config = X86Config {
        registers,
        timing,
        budget: number(options, "budget", 100_000)?,
        ..X86Config::new(threads)
    };
    let run = x86::run(&program, &config)
        .map_err(|error| Failure::Usage(program_words::config_error(&error, lang)))?;
    match options.get("format").unwrap_or("text") {
        "text" => text_trace(out, &program, &text, &run, lang),
        "json" => json_trace(out, &program, &run, lang, options.get("pretty").is_some()),
        other => Err(Failure::Usage(format!(
            "--format {other:?}: expected text or json"
        ))),
    }
}

fn text_trace(
    out: &mut impl Write,
    program: &Program,
    text: &str,
    run: &x86::X86Run,
    lang: Lang,
) -> Result<(), Failure> {
    // The instruction as the student wrote it (`Program::line_at` numbers lines from 1).
    let source: Vec<&str> = text.lines().collect();
    let names: Vec<String> = program
        .variable_words(&Memory::new(run.machine().memory().size()))
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    write!(
        out,
        "{:>5} {:>6} {:>6}  {:<24}",
        lang.pick(["단계", "step"]),
        lang.pick(["스레드", "thread"]),
        "pc",
        lang.pick(["명령어", "instruction"])
    )?;
    for &register in SHOWN {
        write!(out, " {:>6}", register.name())?;
    }
    for name in &names {
        write!(out, " {name:>8}")?;
    }
    writeln!(out)?;
    for (index, (step, memory)) in run.steps().iter().zip(run.memories()).enumerate() {
        let instruction = program
            .line_at(step.pc)
            .and_then(|line| source.get(line as usize - 1))
            .map_or("", |line| line.trim());
        write!(
            out,
            "{:>5} {:>6} {:>6}  {:<24}",
            index + 1,
            step.thread,
            step.pc,
            instruction
        )?;
        for &register in SHOWN {
            write!(out, " {:>6}", step.registers.get(register))?;
        }
        for (_, value) in program.variable_words(&memory) {
            write!(out, " {value:>8}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", program_words::end(&run.end(), program, lang))?;
    Ok(())
}

fn words_object(words: Vec<(String, i64)>) -> Value {
    Value::Object(
        words
            .into_iter()
            .map(|(name, value)| (name, json!(value)))
            .collect::<Map<String, Value>>(),
    )
}

fn json_trace(
    out: &mut impl Write,
    program: &Program,
    run: &x86::X86Run,
    lang: Lang,
    pretty: bool,
) -> Result<(), Failure> {
    let steps: Vec<Value> = run
        .steps()
        .iter()
        .zip(run.memories())
        .map(|(step, memory)| {
            let registers: Map<String, Value> = SHOWN
                .iter()
                .map(|register| {
                    (
                        String::from(register.name()),
                        json!(step.registers.get(*register)),
                    )
                })
                .collect();
            json!({
                "thread": step.thread,
                "pc": step.pc,
                "line": program.line_at(step.pc),
                "registers": registers,
                "memory": words_object(program.variable_words(&memory)),
            })
        })
        .collect();
    let end = match run.end() {
        X86End::AllHalted => json!({ "kind": "all_halted" }),
        X86End::BudgetExhausted { thread, pc, .. } => {
            json!({ "kind": "budget_exhausted", "thread": thread, "pc": pc })
        }
        X86End::Fault { thread, pc, .. } => json!({ "kind": "fault", "thread": thread, "pc": pc }),
    };
    let document = json!({
        "instructions": run.instructions(),
        "end": end,
        "end_text": program_words::end(&run.end(), program, lang),
        "final_memory": words_object(program.variable_words(run.machine().memory())),
        "steps": steps,
    });
    let written = if pretty {
        serde_json::to_writer_pretty(&mut *out, &document)
    } else {
        serde_json::to_writer(&mut *out, &document)
    };
    written.map_err(|error| Failure::Output(error.into()))?;
    writeln!(out)?;
    Ok(())
}
