//! `proclab-fuzz`: a million inputs (by default) through each door untrusted input comes in by,
//! natively and deterministically from a seed, reporting any panic with the input that caused it.
//!
//! ```text
//! proclab-fuzz [--seed N] [--inputs N] [--door link|json|program|simulate] [--out DIR]
//! ```
//! The doors: share links (`share::decode`: random text, truncated and bit-flipped links of every
//! version), scenario files (`files::parse_scenario_json` then `Scenario::new`: random bytes,
//! mutated valid files, extreme numbers, deep nesting, huge strings), program text
//! (`Program::parse`), and the simulation of scenarios that pass validation (`simulate`, its
//! accounting identity, `state_at`, and a replay). Each input runs under `catch_unwind`; a panic
//! is written to `--out` (default `target/fuzz-findings`) and the command exits 1. Rejections are counted
//! by error kind, so a rejection without a specific error shows. Built with `--profile fuzz`
//! (`panic = "unwind"`: the release profile aborts, which `catch_unwind` cannot catch).

mod door;
mod inputs;
mod mutate;

use std::process::ExitCode;
use std::time::Instant;

use door::{Door, Report};

struct Options {
    seed: u64,
    inputs: u64,
    doors: Vec<Door>,
    out: std::path::PathBuf,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        seed: 1,
        inputs: 1_000_000,
        doors: Door::ALL.to_vec(),
        out: std::path::PathBuf::from("target/fuzz-findings"),
    };
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let mut index = 0;
    while index < arguments.len() {
        let value = arguments
            .get(index + 1)
            .ok_or_else(|| format!("{} needs a value", arguments[index]))?;
        match arguments[index].as_str() {
            "--seed" => options.seed = value.parse().map_err(|_| "--seed takes a number")?,
            "--inputs" => options.inputs = value.parse().map_err(|_| "--inputs takes a number")?,
            "--door" => {
                options.doors = vec![Door::from_name(value).ok_or_else(|| {
                    format!("unknown door {value}: link, json, program or simulate")
                })?]
            }
            "--out" => options.out = value.into(),
            other => return Err(format!("unknown option {other}")),
        }
        index += 2;
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("proclab-fuzz: {message}\nusage: proclab-fuzz [--seed N] [--inputs N] [--door link|json|program|simulate] [--out DIR]");
            return ExitCode::from(2);
        }
    };
    door::silence_panics();
    println!(
        "proclab-fuzz: seed {}, {} inputs per door",
        options.seed, options.inputs
    );
    let started = Instant::now();
    let mut failed = false;
    for door in &options.doors {
        let report: Report = door.run(options.seed, options.inputs, &options.out);
        println!("{report}");
        failed |= !report.panics.is_empty() || !report.unspecific.is_empty();
    }
    println!(
        "total {:.1} s; {}",
        started.elapsed().as_secs_f64(),
        if failed {
            "FAILED (panics or rejections without a specific error above)"
        } else {
            "no panic, every rejection a specific error"
        }
    );
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
