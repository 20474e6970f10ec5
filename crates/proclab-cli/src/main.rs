//! `proclab`: run ProcLab scenarios from the command line.
//!
//! ```text
//! proclab run FILE [--format text|json] [--lang en|ko]   answer key (Gantt line + metrics table) or JSON
//!                  [--events] [--pretty]                 (JSON: the trace too; indented for people);
//!                                                        programs: every instruction, end, memory, registers
//! proclab compare FILE [--lang en|ko]                    every policy on the same workload, side by side
//! proclab gen --seed N [--processes K] [...]             a random workload as JSON on stdout
//! proclab presets [ID]                                   list the presets, or print one as JSON
//! proclab state FILE --tick T [--pretty]                 the whole machine during tick T, as JSON
//! proclab x86 FILE [--threads N] [--regs ...] [...]      threads running an x86.py program, step by step
//! proclab bench [--smp | --program]                      speed of every policy on 10,000 processes
//!                                                        (--program: instructions/s of 250 threads)
//! proclab bench --worst [--only KIND] [--write DIR]      the worst accepted scenario of each kind:
//!                                                        time and peak memory (or written as files)
//! ```
//! Errors name the field and the rule broken and exit with status 1 (2 for usage errors). When
//! the reader of stdout goes away (`| head`), the command stops quietly with status 0; any other
//! failed write is reported with status 1.

mod bench;
mod commands;
mod huge;
mod output;
mod program_run;
mod warmup_run;
mod worst;
mod x86;

#[global_allocator]
static ALLOCATOR: huge::HugePageAlloc = huge::HugePageAlloc;

use std::io::{self, Write};
use std::process::ExitCode;

use proclab_app::lang::Lang;

const USAGE: &str = "usage:
  proclab run FILE [--format text|json] [--events] [--pretty] [--lang en|ko]
  proclab compare FILE [--lang en|ko]
  proclab gen --seed N [--processes K] [--policy fcfs|sjf|srtf|priority|hrrn|rr|mlq|mlfq|lottery]
              [--quantum Q] [--max-arrival T] [--max-burst B] [--io] [--threads T] [--cpus C]
  proclab presets [ID]
  proclab state FILE --tick T [--pretty]
  proclab x86 FILE [--threads N] [--regs bx=3,bx=4] [--interrupt I | --schedule 0011] [--budget B]
              [--format text|json] [--pretty] [--lang en|ko]
  proclab bench [--smp | --program] [--repeat N] [--only \"RR (q=1)\"] [--emit]
  proclab bench --worst [--only processes|bursts|quantum|cpus|instructions|boosts|warmup] [--write DIR]

A scenario file is JSON: docs/scenario-format.md describes every field, docs/semantics.md the rules
where textbooks differ (the answer key of `run` ends with the ones in force). Errors name the field.";

/// Command-line options after the command word.
pub struct Options {
    /// Positional arguments.
    pub positional: Vec<String>,
    /// `--name value` pairs (a flag without value maps to "true").
    pub named: Vec<(String, String)>,
}

impl Options {
    fn parse(arguments: &[String]) -> Options {
        let mut positional = Vec::new();
        let mut named = Vec::new();
        let mut index = 0;
        while index < arguments.len() {
            let argument = &arguments[index];
            if let Some(name) = argument.strip_prefix("--") {
                let takes_value = !matches!(
                    name,
                    "io" | "smp" | "program" | "worst" | "events" | "pretty"
                );
                match arguments.get(index + 1) {
                    Some(value) if takes_value && !value.starts_with("--") => {
                        named.push((name.to_string(), value.clone()));
                        index += 1;
                    }
                    _ => named.push((name.to_string(), String::from("true"))),
                }
            } else {
                positional.push(argument.clone());
            }
            index += 1;
        }
        Options { positional, named }
    }

    /// The value of `--name`, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.named
            .iter()
            .rev()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// `--name` parsed as a number, or `default`.
    pub fn number(&self, name: &str, default: u64) -> Result<u64, String> {
        match self.get(name) {
            None => Ok(default),
            Some(value) => value
                .parse()
                .map_err(|_| format!("--{name}: expected a whole number, got {value:?}")),
        }
    }

    /// The message language.
    pub fn lang(&self) -> Lang {
        match self.get("lang") {
            Some("ko") => Lang::Ko,
            _ => Lang::En,
        }
    }
}

/// What went wrong, and the exit status to report it with.
pub enum Failure {
    /// Bad command line (status 2).
    Usage(String),
    /// Bad input file or scenario (status 1).
    Input(String),
    /// Writing stdout failed (status 0 for a closed pipe, 1 otherwise).
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        Failure::Output(error)
    }
}

fn dispatch(command: &str, options: &Options, out: &mut output::Stdout) -> Result<(), Failure> {
    match command {
        "run" => commands::run(options, out),
        "compare" => commands::compare(options, out),
        "gen" => commands::gen(options, out),
        "presets" => commands::presets(options, out),
        "state" => commands::state(options, out),
        "x86" => x86::x86(options, out),
        "bench" => bench::bench(options, out),
        "help" | "--help" | "-h" => Ok(writeln!(out, "{USAGE}")?),
        other => Err(Failure::Usage(format!("unknown command {other:?}"))),
    }
}

/// The options `command` reads and how many positional arguments (a file, a preset id) it takes
/// at most: anything else is refused, never silently ignored.
fn accepted(command: &str) -> Option<(&'static [&'static str], usize)> {
    Some(match command {
        "run" => (&["format", "events", "pretty", "lang"], 1),
        "compare" => (&["lang"], 1),
        "gen" => (
            &[
                "seed",
                "processes",
                "policy",
                "quantum",
                "max-arrival",
                "max-burst",
                "io",
                "threads",
                "cpus",
            ],
            0,
        ),
        "presets" => (&[], 1),
        "state" => (&["tick", "pretty"], 1),
        "x86" => (
            &[
                "threads",
                "regs",
                "interrupt",
                "schedule",
                "budget",
                "format",
                "pretty",
                "lang",
            ],
            1,
        ),
        "bench" => (
            &[
                "smp",
                "program",
                "repeat",
                "only",
                "emit",
                "worst",
                "worst-one",
                "write",
            ],
            0,
        ),
        _ => return None,
    })
}

/// What `proclab COMMAND --help` says under the usage: what the command prints and what its
/// options do, with their defaults (the usage line alone had left them to be guessed).
fn details_of(command: &str) -> &'static str {
    match command {
        "run" => {
            "
Runs the scenario in FILE and prints its answer key: the Gantt chart of each CPU (`0 P1 4 P2 7`: who
runs from each tick to the next), each process's arrival, CPU, I/O, completion, turnaround, waiting,
response, switch and stall ticks, the averages, throughput and utilisation, then the policy by name
with its rule and the conventions in force.
  --format json   the same as one JSON document (averages also as exact fractions)
  --events        with json: every event of the run as well
  --pretty        with json: indented
  --lang ko       words in Korean (default en)"
        }
        "compare" => {
            "
Runs FILE's workload under every policy and prints one line each: average turnaround, waiting and
response, context switches and the tick the run ends. Parameters come from the scenario where it
has them (its quantum, its priority rules, its queues or levels); otherwise RR and lottery take a
quantum of 4, MLQ an RR queue of that quantum above FCFS queues, MLFQ Silberschatz's (8, 16, FCFS).
  --lang ko       words in Korean (default en)"
        }
        "gen" => {
            "
Writes a random scenario as JSON; the same seed and options give the same file everywhere (PCG32).
  --seed N        the generator's seed, a whole number (required)
  --processes K   how many processes (default 5)
  --policy NAME   its policy (default rr)
  --quantum Q     rr's and lottery's, mlq's top RR queue's, every mlfq level's (default 4)
  --max-arrival T arrivals uniform in 0..=T (default 10)
  --max-burst B   bursts uniform in 1..=B (default 10)
  --io            up to 3 CPU bursts with I/O between (default: one CPU burst)
  --threads T     threads per process, 1 to 64 (default 1)
  --cpus C        CPUs (default 1)"
        }
        "presets" => {
            "
Lists the examples the page offers (id and policy); with an ID, prints that example's scenario as
JSON, to run, change or compare."
        }
        "state" => {
            "
Prints as JSON the whole machine during tick T (from T to T+1), after every event at T: what each
CPU does and its cache, the ready queues, the blocked threads, and each process and thread with
its state and PCB fields. A tick past the run's end shows the state at its end.
  --pretty        indented"
        }
        _ => "",
    }
}

/// The usage lines of one command (with their continuation lines).
fn usage_of(command: &str) -> String {
    let mut lines = vec!["usage:"];
    let mut inside = false;
    for line in USAGE.lines().skip(1) {
        if !line.starts_with(' ') {
            inside = false;
        } else if line.starts_with("  proclab ") {
            inside = line.starts_with(&format!("  proclab {command} "))
                || line == format!("  proclab {command}");
        }
        if inside {
            lines.push(line);
        }
    }
    lines.join("\n")
}

/// Refuses an option `command` does not read, an extra argument, and a `--lang` or `--format`
/// it cannot honour.
fn check_options(command: &str, options: &Options) -> Result<(), Failure> {
    let Some((names, positional)) = accepted(command) else {
        return Ok(());
    };
    for (at, (name, value)) in options.named.iter().enumerate() {
        // The last of two had won without a word.
        if let Some((_, first)) = options.named[..at]
            .iter()
            .find(|(earlier, _)| earlier == name)
        {
            // A flag's two mentions have no values to tell apart.
            let values = match first == value {
                true => String::new(),
                false => format!(" ({first}, then {value})"),
            };
            return Err(Failure::Usage(format!(
                "--{name}: given twice{values}; give it once"
            )));
        }
        if !names.contains(&name.as_str()) {
            let known = match names.is_empty() {
                true => String::from("it takes no options"),
                false => format!("it takes --{}", names.join(", --")),
            };
            return Err(Failure::Usage(format!(
                "--{name}: not an option of {command} ({known})"
            )));
        }
        let allowed: &[&str] = match name.as_str() {
            "lang" => &["en", "ko"],
            "format" => &["text", "json"],
            _ => &[],
        };
        if !allowed.is_empty() && !allowed.contains(&value.as_str()) {
            return Err(Failure::Usage(format!(
                "--{name} {value}: expected {}",
                allowed.join(" or ")
            )));
        }
    }
    // What only a JSON output has, asked for with the text one, would be silently ignored.
    if matches!(command, "run" | "x86") && options.get("format") != Some("json") {
        for name in ["events", "pretty"] {
            if options.get(name).is_some() && (command == "run" || name == "pretty") {
                return Err(Failure::Usage(format!(
                    "--{name}: only with --format json (the text output has no {})",
                    match name {
                        "events" => "event list",
                        _ => "indentation to choose",
                    }
                )));
            }
        }
    }
    if let Some(extra) = options.positional.get(positional) {
        return Err(Failure::Usage(format!(
            "{extra:?}: {command} takes {}",
            // What its one argument is ("one file or name" had offered `run` an example's name).
            match (positional, command) {
                (0, _) => "no file or name",
                (_, "presets") => "at most one example's name",
                (_, "x86") => "one program file",
                _ => "one scenario file",
            }
        )));
    }
    Ok(())
}

/// Prints on stderr; a failure there has nowhere left to be reported, so it is ignored.
fn complain(message: &str) {
    let _ = writeln!(io::stderr(), "{message}");
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = arguments.first() else {
        complain(USAGE);
        return ExitCode::from(2);
    };
    let options = Options::parse(&arguments[1..]);
    let mut out = output::stdout();
    // `proclab run --help`: that command's usage, on stdout.
    let asks_help =
        options.get("help").is_some() || options.positional.iter().any(|argument| argument == "-h");
    if asks_help && accepted(command).is_some() {
        let help = match details_of(command) {
            "" => usage_of(command),
            details => format!("{}\n{details}", usage_of(command)),
        };
        return match writeln!(out, "{help}").and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(1),
        };
    }
    let result =
        check_options(command, &options).and_then(|()| dispatch(command, &options, &mut out));
    // What was printed before a failure still goes out, ahead of the message on stderr.
    let flushed = out.flush().map_err(Failure::Output);
    match result.and(flushed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            // The usage of the command that was misused, or every command's.
            let usage = match accepted(command) {
                Some(_) => usage_of(command),
                None => String::from(USAGE),
            };
            complain(&format!("proclab: {message}\n{usage}"));
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            complain(&message);
            ExitCode::from(1)
        }
        Err(Failure::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(Failure::Output(error)) => {
            complain(&format!("proclab: cannot write the output: {error}"));
            ExitCode::from(1)
        }
    }
}
