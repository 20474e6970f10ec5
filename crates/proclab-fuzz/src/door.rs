//! The doors, what each checks, and the report: counts, rate, rejections by kind, panics.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

use proclab_app::files::{parse_scenario_json, FileError};
use proclab_app::share;
use proclab_core::program::Program;
use proclab_core::rng::Pcg32;
use proclab_core::{simulate, Run, Scenario, ScenarioSpec};

use crate::inputs::Inputs;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Door {
    Link,
    Json,
    Program,
    Simulate,
}

impl Door {
    pub const ALL: [Door; 4] = [Door::Link, Door::Json, Door::Program, Door::Simulate];

    pub fn name(self) -> &'static str {
        match self {
            Door::Link => "link",
            Door::Json => "json",
            Door::Program => "program",
            Door::Simulate => "simulate",
        }
    }

    pub fn from_name(name: &str) -> Option<Door> {
        Door::ALL.into_iter().find(|door| door.name() == name)
    }

    /// Runs `count` inputs through this door, the stream of inputs fixed by `seed`.
    pub fn run(self, seed: u64, count: u64, out: &Path) -> Report {
        let mut report = Report::new(self);
        // One stream per door: the inputs of a door do not change when another door changes.
        let mut inputs = Inputs::new(Pcg32::new(seed, self as u64 + 1));
        let started = Instant::now();
        for index in 0..count {
            let input = match self {
                Door::Link => Input::Text(inputs.link()),
                Door::Json => Input::Text(inputs.scenario_json()),
                Door::Program => Input::Text(inputs.program()),
                Door::Simulate => {
                    // Finding a scenario that passes validates candidates: that must not panic
                    // either.
                    match catch_unwind(AssertUnwindSafe(|| inputs.accepted_scenario())) {
                        Ok((spec, tries)) => {
                            report.tries += tries;
                            Input::Spec(Box::new(spec))
                        }
                        Err(_) => {
                            let candidate = Input::Text(inputs.last_candidate.clone());
                            report.panicked(self, seed, index, &candidate, out);
                            report.inputs += 1;
                            continue;
                        }
                    }
                }
            };
            let outcome = catch_unwind(AssertUnwindSafe(|| self.check(&input)));
            match outcome {
                Ok(Outcome::Accepted) => report.accepted += 1,
                Ok(Outcome::Rejected(kind)) => *report.rejected.entry(kind).or_default() += 1,
                Ok(Outcome::Unspecific(why)) => {
                    if report.unspecific.len() < 10 {
                        let file =
                            out.join(format!("{}-{seed}-{index}-unspecific.txt", self.name()));
                        let _ = std::fs::create_dir_all(out);
                        let _ = std::fs::write(&file, input.to_text());
                        report.unspecific.push(format!(
                            "input {index}: {why} (input in {})",
                            file.display()
                        ));
                    }
                }
                Err(_) => report.panicked(self, seed, index, &input, out),
            }
            report.inputs += 1;
        }
        report.seconds = started.elapsed().as_secs_f64();
        report
    }

    fn check(self, input: &Input) -> Outcome {
        match (self, input) {
            (Door::Link, Input::Text(text)) => check_link(text),
            (Door::Json, Input::Text(text)) => check_json(text),
            (Door::Program, Input::Text(text)) => check_program(text),
            (Door::Simulate, Input::Spec(spec)) => check_simulation(spec),
            _ => Outcome::Unspecific(String::from("input of the wrong kind")),
        }
    }
}

enum Input {
    Text(String),
    Spec(Box<ScenarioSpec>),
}

impl Input {
    fn to_text(&self) -> String {
        match self {
            Input::Text(text) => text.clone(),
            Input::Spec(spec) => proclab_app::files::scenario_json(spec),
        }
    }
}

enum Outcome {
    Accepted,
    /// Refused, with the name of the error kind that says why.
    Rejected(String),
    /// Refused without a reason a student could be told, or accepted when it must not be.
    Unspecific(String),
}

/// The variant name of an error's `Debug` form: `UnknownOpcode`, `QuantumZero`.
fn kind(debug: &str) -> String {
    debug
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or_default()
        .to_string()
}

fn check_link(text: &str) -> Outcome {
    match share::decode(text) {
        Ok(None) => Outcome::Rejected(String::from("NotALink")),
        Err(error) => Outcome::Rejected(format!("{error:?}")),
        Ok(Some(shared)) => match Scenario::new(&shared.spec) {
            Ok(_) => {
                // What opens must travel on: encoded again, it opens the same scenario.
                let again = share::decode(&share::encode(&shared.spec, shared.lang));
                if again != Ok(Some(shared)) {
                    return Outcome::Unspecific(String::from("a decoded link does not round-trip"));
                }
                Outcome::Accepted
            }
            Err(errors) => scenario_errors(&errors),
        },
    }
}

fn scenario_errors(errors: &[proclab_core::ScenarioError]) -> Outcome {
    match errors.first() {
        Some(first) => Outcome::Rejected(format!("Scenario::{}", kind(&format!("{first:?}")))),
        None => Outcome::Unspecific(String::from("Scenario::new refused with no error")),
    }
}

fn check_json(text: &str) -> Outcome {
    match parse_scenario_json(text) {
        Err(FileError::Unreadable) => Outcome::Unspecific(String::from("Unreadable from text")),
        Err(FileError::TooLarge { .. }) => Outcome::Unspecific(String::from("TooLarge from text")),
        Err(FileError::NotJson { line, column, .. }) => {
            if line == 0 && !text.trim().is_empty() {
                return Outcome::Unspecific(format!("NotJson without a position ({column})"));
            }
            Outcome::Rejected(String::from("NotJson"))
        }
        Err(FileError::Empty) => {
            if !text.trim().is_empty() {
                return Outcome::Unspecific(String::from("Empty for a file with text"));
            }
            Outcome::Rejected(String::from("Empty"))
        }
        Err(FileError::NotAnObject) => Outcome::Rejected(String::from("NotAnObject")),
        Err(FileError::CutShort { .. }) => Outcome::Rejected(String::from("CutShort")),
        Err(FileError::NotAScenario { detail, .. }) => {
            if detail.trim().is_empty() {
                return Outcome::Unspecific(String::from("NotAScenario without a detail"));
            }
            Outcome::Rejected(String::from("NotAScenario"))
        }
        Ok(spec) => match Scenario::new(&spec) {
            Ok(_) => Outcome::Accepted,
            Err(errors) => scenario_errors(&errors),
        },
    }
}

fn check_program(text: &str) -> Outcome {
    match Program::parse(text) {
        Ok(_) => Outcome::Accepted,
        Err(errors) => {
            let lines = text.split('\n').count() as u32;
            match errors.first() {
                None => Outcome::Unspecific(String::from("parse refused with no error")),
                Some(error) if error.line == 0 || error.line > lines.max(1) => {
                    Outcome::Unspecific(format!("error on line {} of {lines}", error.line))
                }
                Some(error) => Outcome::Rejected(kind(&format!("{:?}", error.kind))),
            }
        }
    }
}

fn check_simulation(spec: &ScenarioSpec) -> Outcome {
    let Ok(scenario) = Scenario::new(spec) else {
        return Outcome::Unspecific(String::from(
            "an accepted scenario is refused on a second look",
        ));
    };
    let run = simulate(&scenario);
    // The identity of docs/semantics.md holds for threads that exited; a run stopped early (its
    // instruction budget, a deadlock, a schedule used up) leaves some without a completion.
    let finished = run.end() == proclab_core::program::RunEnd::Finished;
    for thread in run.metrics().threads.iter().filter(|_| finished) {
        let parts =
            thread.cpu + thread.io + thread.blocked + thread.waiting + thread.switch + thread.stall;
        if thread.turnaround != parts {
            return Outcome::Unspecific(format!(
                "turnaround {} is not cpu + io + blocked + waiting + switch + stall = {parts}",
                thread.turnaround
            ));
        }
    }
    let _ = run.state_at(run.end_tick() / 2);
    let _ = run.state_at(run.end_tick());
    // A replay now and then: the same scenario gives the same events.
    if spec.seed.is_multiple_of(16) && simulate(&scenario).events() != run.events() {
        return Outcome::Unspecific(String::from("two runs of one scenario differ"));
    }
    // And the run as the page's worker sends it: taken apart and rebuilt, it is the same run.
    if spec.seed % 16 == 1 {
        match Run::from_parts(&scenario, run.to_parts()) {
            Err(error) => {
                return Outcome::Unspecific(format!("a run's own parts are refused: {error:?}"))
            }
            Ok(copy)
                if copy.events() != run.events()
                    || copy.program_steps() != run.program_steps()
                    || copy.kernel_spans() != run.kernel_spans()
                    || copy.end() != run.end()
                    || copy.deadlock() != run.deadlock() =>
            {
                return Outcome::Unspecific(String::from("a rebuilt run differs from the run"))
            }
            Ok(_) => {}
        }
    }
    Outcome::Accepted
}

thread_local! {
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps panics off stderr (they are reported with their input) but remembers their message.
pub fn silence_panics() {
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|location| format!(" at {}:{}", location.file(), location.line()))
            .unwrap_or_default();
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        PANIC.with(|last| *last.borrow_mut() = Some(format!("panicked{location}: {payload}")));
    }));
}

pub struct Report {
    door: Door,
    pub inputs: u64,
    pub accepted: u64,
    /// Simulate door: candidates made to find the accepted scenarios.
    pub tries: u64,
    pub rejected: BTreeMap<String, u64>,
    pub unspecific: Vec<String>,
    pub panics: Vec<String>,
    pub seconds: f64,
}

impl Report {
    fn new(door: Door) -> Report {
        Report {
            door,
            inputs: 0,
            accepted: 0,
            tries: 0,
            rejected: BTreeMap::new(),
            unspecific: Vec::new(),
            panics: Vec::new(),
            seconds: 0.0,
        }
    }
}

impl Report {
    /// Records a panic and writes the input that caused it to `out`.
    fn panicked(&mut self, door: Door, seed: u64, index: u64, input: &Input, out: &Path) {
        let message = PANIC
            .with(|last| last.borrow_mut().take())
            .unwrap_or_default();
        let file = out.join(format!("{}-{seed}-{index}.txt", door.name()));
        let _ = std::fs::create_dir_all(out);
        let _ = std::fs::write(&file, input.to_text());
        self.panics.push(format!(
            "input {index}: {message} (input in {})",
            file.display()
        ));
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rejected: u64 = self.rejected.values().sum();
        write!(
            f,
            "{:<9} {:>9} inputs in {:>6.1} s = {:>9.0} inputs/s; accepted {}, rejected {} ({} kinds of error)",
            self.door.name(),
            self.inputs,
            self.seconds,
            self.inputs as f64 / self.seconds.max(1e-9),
            self.accepted,
            rejected,
            self.rejected.len(),
        )?;
        if self.tries > 0 {
            write!(f, "; {} candidates made to find them", self.tries)?;
        }
        write!(f, "; panics {}", self.panics.len())?;
        let mut kinds: Vec<(&String, &u64)> = self.rejected.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = kinds
            .iter()
            .take(8)
            .map(|(kind, count)| format!("{kind} {count}"))
            .collect();
        if !shown.is_empty() {
            write!(f, "\n          most frequent: {}", shown.join(", "))?;
        }
        for line in self.unspecific.iter().chain(&self.panics) {
            write!(f, "\n          {line}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few hundred inputs per door: none panics, each door accepts some and refuses some (so
    /// the inputs reach past the first check), and the same seed gives the same counts.
    #[test]
    fn every_door_is_deterministic_and_reaches_both_outcomes() {
        let out = std::env::temp_dir().join("proclab-fuzz-test");
        for door in Door::ALL {
            let first = door.run(7, 300, &out);
            let again = door.run(7, 300, &out);
            assert!(first.panics.is_empty(), "{first}");
            assert!(first.unspecific.is_empty(), "{first}");
            assert!(first.accepted > 0, "{first}");
            if door != Door::Simulate {
                assert!(!first.rejected.is_empty(), "{first}");
            }
            assert_eq!(
                (first.accepted, first.tries, &first.rejected),
                (again.accepted, again.tries, &again.rejected)
            );
        }
    }

    #[test]
    fn error_kinds_are_variant_names() {
        assert_eq!(kind("UnknownOpcode"), "UnknownOpcode");
        assert_eq!(kind("DuplicateLabel { first_line: 3 }"), "DuplicateLabel");
        assert_eq!(kind("ProgramLine(2, X)"), "ProgramLine");
    }
}
