//! `proclab`: run ProcLab scenarios from the command line.
//!
//! ```text
//! proclab run FILE [--format text|json] [--lang en|ko]   answer key (Gantt line + metrics table) or JSON
//! proclab compare FILE [--lang en|ko]                    every policy on the same workload, side by side
//! proclab gen --seed N [--processes K] [...]             a random workload as JSON on stdout
//! proclab presets [ID]                                   list the presets, or print one as JSON
//! proclab state FILE --tick T                            the whole machine during tick T, as JSON
//! proclab bench [--smp]                                  speed of every policy on 10,000 processes
//! ```
//! Errors name the field and the rule broken and exit with status 1 (2 for usage errors).

mod bench;
mod commands;
mod huge;

#[global_allocator]
static ALLOCATOR: huge::HugePageAlloc = huge::HugePageAlloc;

use std::process::ExitCode;

use proclab_app::lang::Lang;

const USAGE: &str = "usage:
  proclab run FILE [--format text|json] [--lang en|ko]
  proclab compare FILE [--lang en|ko]
  proclab gen --seed N [--processes K] [--policy fcfs|sjf|srtf|priority|hrrn|rr|mlfq|lottery]
              [--quantum Q] [--max-arrival T] [--max-burst B] [--io] [--threads T] [--cpus C]
  proclab presets [ID]
  proclab state FILE --tick T
  proclab bench [--smp] [--repeat N] [--only \"RR q=1\"]";

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
                let takes_value = !matches!(name, "io" | "smp");
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
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = arguments.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let options = Options::parse(&arguments[1..]);
    let result = match command.as_str() {
        "run" => commands::run(&options),
        "compare" => commands::compare(&options),
        "gen" => commands::gen(&options),
        "presets" => commands::presets(&options),
        "state" => commands::state(&options),
        "bench" => bench::bench(&options),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(Failure::Usage(format!("unknown command {other:?}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("proclab: {message}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}
