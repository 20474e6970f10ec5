//! The `run`, `compare`, `gen`, `presets` and `state` commands. Each writes to `out` (see
//! `output.rs`) and returns a failed write instead of panicking.

use std::io::Write;

use proclab_core::gen::{generate, GenOptions};
use proclab_core::presets::presets as all_presets;
use proclab_core::program::RunEnd;
use proclab_core::{
    render, simulate, GanttSlice, Metrics, PolicySpec, Run, Scenario, ScenarioSpec, Trace,
};
use serde::Serialize;

use crate::output::write_json;
use crate::program_run::{self, ProgramDocument};
use crate::warmup_run;
use crate::{Failure, Options};
use proclab_app::lang::Lang;
use proclab_app::messages::located_error;
use proclab_app::simulation::Simulation;
use proclab_app::terms;
use proclab_core::PolicyKind;

/// Reads, parses and validates a scenario file, with errors in `lang`.
pub fn load(path: &str, lang: Lang) -> Result<Scenario, Failure> {
    let bytes = std::fs::read(path).map_err(|error| unreadable(path, &error, lang))?;
    // Read as the page reads a file: the same words for the same mistake, in either language.
    let spec: ScenarioSpec =
        proclab_app::files::parse_scenario_bytes(&bytes).map_err(|mut error| {
            // Where it is, as a JSON path before the words, as the scenario's own problems are told
            // (`--help` says errors name the field).
            let field = match &mut error {
                proclab_app::files::FileError::NotAScenario { path, .. } => path.take(),
                _ => None,
            };
            let why = proclab_app::i18n::file_error(&error, lang);
            let why = match field {
                Some(field) => format!("{field}: {why}"),
                None => why,
            };
            Failure::Input(lang.pick([
                format!("{path}: 시나리오 JSON이 아님: {why}"),
                format!("{path}: not a scenario JSON file: {why}"),
            ]))
        })?;
    Scenario::new(&spec).map_err(|errors| {
        let heading = lang.pick([
            format!("{path}: 시나리오에 문제 {}개:", errors.len()),
            format!("{path}: {} problem(s) in the scenario:", errors.len()),
        ]);
        let lines: Vec<String> = errors
            .iter()
            .map(|error| {
                format!(
                    "  {}",
                    located_error(error, PolicyKind::of(&spec.policy), lang)
                )
            })
            .collect();
        Failure::Input(format!("{heading}\n{}", lines.join("\n")))
    })
}

/// Why `path` could not be read, in `lang`: the system's own words in English, the usual reasons
/// in Korean too (they had stayed English: "파일을 읽을 수 없음: No such file or directory").
pub(crate) fn unreadable(path: &str, error: &std::io::Error, lang: Lang) -> Failure {
    use std::io::ErrorKind;
    let korean = match error.kind() {
        ErrorKind::NotFound => String::from("그런 파일이 없습니다"),
        ErrorKind::PermissionDenied => String::from("읽을 권한이 없습니다"),
        ErrorKind::IsADirectory => String::from("파일이 아니라 폴더입니다"),
        ErrorKind::NotADirectory => String::from("경로 중간에 폴더가 아닌 것이 있습니다"),
        ErrorKind::InvalidData => String::from("UTF-8 텍스트가 아닙니다"),
        _ => error.to_string(),
    };
    Failure::Input(lang.pick([
        format!("{path}: 파일을 읽을 수 없음: {korean}"),
        format!("{path}: cannot read the file: {error}"),
    ]))
}

pub(crate) fn file_argument(options: &Options) -> Result<&str, Failure> {
    options
        .positional
        .first()
        .map(String::as_str)
        .ok_or_else(|| Failure::Usage(String::from("missing FILE")))
}

/// What `proclab run FILE --format json` prints: borrowed from the run and serialized straight
/// to stdout (a slice serializes element by element), so a run of millions of events needs no
/// second copy of them. The small keys come first, for a reader that stops early.
#[derive(Serialize)]
struct RunDocument<'a> {
    policy: &'a PolicySpec,
    end_tick: u64,
    metrics: &'a Metrics,
    gantt: &'a [GanttSlice],
    /// Only when processes run programs: how the run ended, the variables and registers at the
    /// end, and every executed instruction.
    #[serde(skip_serializing_if = "Option::is_none")]
    program: Option<ProgramDocument<'a>>,
    /// Only with `--events`: most readers want the metrics and the chart, and the trace is
    /// most of the bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    events: Option<Trace<'a>>,
}

impl<'a> RunDocument<'a> {
    fn new(run: &'a Run, events: bool, lang: Lang) -> RunDocument<'a> {
        RunDocument {
            policy: run.scenario().policy(),
            end_tick: run.end_tick(),
            metrics: run.metrics(),
            gantt: run.gantt(),
            events: events.then(|| run.trace()),
            program: ProgramDocument::new(run, lang),
        }
    }
}

/// `--pretty`: indented JSON for people; compact otherwise.
fn pretty(options: &Options) -> bool {
    options.get("pretty").is_some()
}

/// `proclab run FILE [--format text|json] [--events] [--pretty] [--lang en|ko]`. When processes
/// run programs, the answer key is followed by every executed instruction, how the run ended and
/// the machine at the end (`program_run.rs`); a scenario in the `warmup` cache model prints that
/// model's answer key (`warmup_run.rs`); other scenarios print exactly the answer key.
pub fn run(options: &Options, out: &mut impl Write) -> Result<(), Failure> {
    let lang = options.lang();
    let scenario = load(file_argument(options)?, lang)?;
    let json = match options.get("format").unwrap_or("text") {
        "text" => false,
        "json" => true,
        other => {
            return Err(Failure::Usage(format!(
                "--format {other:?}: expected text or json"
            )))
        }
    };
    // The warm-up cache model runs apart from the event engine (its own answer key and JSON).
    if warmup_run::write(out, &scenario, json, pretty(options))? {
        return Ok(());
    }
    let run = simulate(&scenario);
    if json {
        let events = options.get("events").is_some();
        write_json(out, &RunDocument::new(&run, events, lang), pretty(options))?;
    } else {
        let simulation = Simulation::with_run(scenario, run);
        let run = &simulation.run;
        out.write_all(render::answer_key_in(run, terms::answer_key_words(lang)).as_bytes())?;
        // A process's waiting, CPU and the rest are sums over its threads, as the page says
        // under its table: a sum can exceed the process's turnaround.
        let summed = simulation
            .scenario
            .processes()
            .iter()
            .any(|process| process.thread_count() > 1);
        if summed {
            let note = proclab_app::i18n::Words::get(proclab_app::i18n::Text::SummedNote, lang);
            let note = note.trim_start_matches("Σ: ");
            let mut letters = note.chars();
            let first = letters.next().map(|c| c.to_uppercase().to_string());
            writeln!(out, "{}{}", first.unwrap_or_default(), letters.as_str())?;
        }
        // The table's sync column, shown only when some thread waited on one, says what it holds.
        if run
            .metrics()
            .threads
            .iter()
            .any(|thread| thread.blocked > 0)
        {
            let note = proclab_app::i18n::Words::get(proclab_app::i18n::Text::SyncColumnNote, lang);
            writeln!(out, "{note}")?;
        }
        out.write_all(conventions_text(&simulation, lang).as_bytes())?;
        if simulation.scenario.has_programs() {
            program_run::write_text(out, run, lang)?;
        }
    }
    Ok(())
}

/// The policy, named, with its own rule (and what it had no occasion to show on this workload) and the
/// conventions in force, as the page states them: one line when the textbook defaults hold, else each convention that differs from them.
fn conventions_text(simulation: &Simulation, lang: Lang) -> String {
    use proclab_app::i18n::{Text, Words};
    let scenario = &simulation.scenario;
    let differing: Vec<proclab_core::Convention> =
        proclab_core::Convention::differing(scenario.conventions()).collect();
    let heading = Text::ConventionsInForce.get(lang);
    // The policy by name first: an answer key had said nowhere which policy it was of.
    let policy = &scenario.spec().policy;
    let mut rule = format!(
        "{}: {}\n{}",
        lang.pick(["정책", "Policy"]),
        terms::policy_label(policy, lang),
        terms::policy_rule(policy, lang)
    );
    if let Some(switch) = terms::switch_rule(scenario, lang) {
        rule = format!("{rule}\n{switch}");
    }
    if let Some(effect) = proclab_app::run_notes::policy_effect(&simulation.run, lang) {
        rule = format!("{rule}\n{effect}");
    }
    for held in proclab_app::run_notes::held_at_exit(&simulation.run, lang) {
        rule = format!("{rule}\n{held}");
    }
    if let Some(zero_io) = proclab_app::run_notes::zero_io(&simulation.run, lang) {
        rule = format!("{rule}\n{zero_io}");
    }
    if differing.is_empty() {
        return format!("{rule}\n{heading}: {}\n", Text::TextbookDefaults.get(lang));
    }
    let mut text = format!("{rule}\n{heading}: {}\n", Text::DefaultsExcept.get(lang));
    for convention in differing {
        let (label, hint) = terms::convention_words(convention, lang);
        text.push_str(&format!("  - {label} ({hint})"));
        match simulation.convention_changes_run(convention) {
            Some(true) => text.push_str(&format!(" {}", Text::ChangesThisRun.get(lang))),
            Some(false) => text.push_str(&format!(" {}", Text::NoDifferenceHere.get(lang))),
            None => {}
        }
        text.push('\n');
    }
    text
}

/// The warm-up cache model runs apart from the event engine: it has a run (`proclab run`) but no
/// comparison of policies (it runs round robin only) and no machine state yet, and the engine's
/// would ignore its cache.
fn refuse_warmup(scenario: &Scenario, lang: Lang) -> Result<(), Failure> {
    if !scenario.machine().cache.warmup() {
        return Ok(());
    }
    Err(Failure::Input(String::from(lang.pick([
        "예열 캐시 모델(OSTEP multi.py)은 아직 proclab run으로만 실행할 수 있습니다 (정책 비교와 기계 상태는 없습니다).",
        "The warm-up cache model (OSTEP multi.py) runs only with proclab run for now (no policy comparison or machine state).",
    ]))))
}

/// `proclab state FILE --tick T [--pretty]`: the whole machine during tick `T` as JSON (CPUs,
/// ready queues in order, blocked threads, every PCB and TCB), the same state the page's
/// inspector shows.
pub fn state(options: &Options, out: &mut impl Write) -> Result<(), Failure> {
    let scenario = load(file_argument(options)?, options.lang())?;
    refuse_warmup(&scenario, options.lang())?;
    let tick = match options.get("tick") {
        Some(text) => text
            .parse::<u64>()
            .map_err(|_| Failure::Usage(format!("--tick {text:?}: expected a whole number")))?,
        None => return Err(Failure::Usage(String::from("state needs --tick T"))),
    };
    let run = simulate(&scenario);
    let state = run.state_at(tick);
    write_json(out, &state, pretty(options))?;
    Ok(())
}

/// A short label for a policy: `RR (q=4)`, `MLFQ (8, 16, FCFS)` (the page's words).
pub fn policy_label(policy: &PolicySpec) -> String {
    terms::policy_label(policy, Lang::En)
}

/// The policies `compare` runs: the page's comparison (`proclab_core::compare`), plus the
/// workload's own policy when that list lacks it.
fn comparison_policies(scenario: &Scenario) -> Vec<PolicySpec> {
    let mut policies = proclab_core::compare::comparison_policies(scenario.spec());
    if !policies.contains(scenario.policy()) {
        policies.push(scenario.policy().clone());
    }
    policies
}

/// `proclab compare FILE`.
pub fn compare(options: &Options, out: &mut impl Write) -> Result<(), Failure> {
    let lang = options.lang();
    let scenario = load(file_argument(options)?, lang)?;
    refuse_warmup(&scenario, lang)?;
    let header = lang.pick([
        [
            "정책",
            "평균 반환",
            "평균 대기",
            "평균 응답",
            "문맥 교환",
            "종료 시각",
        ],
        [
            "policy", "avg turn", "avg wait", "avg resp", "switches", "end",
        ],
    ]);
    // Padded by the columns a terminal gives each cell (a Hangul syllable takes two).
    let pad =
        |cell: &str, width: usize| " ".repeat(width.saturating_sub(render::display_width(cell)));
    let left = |cell: &str| format!("{cell}{}", pad(cell, 28));
    let right = |cell: &str, width: usize| format!("{}{cell}", pad(cell, width));
    writeln!(
        out,
        "{} {} {} {} {} {}",
        left(header[0]),
        right(header[1], 10),
        right(header[2], 10),
        right(header[3], 10),
        right(header[4], 10),
        right(header[5], 10)
    )?;
    for policy in comparison_policies(&scenario) {
        let mut spec = scenario.spec().clone();
        spec.policy = policy.clone();
        let label = terms::policy_label(&policy, lang);
        match Scenario::new(&spec) {
            Ok(variant) => {
                let run = simulate(&variant);
                let totals = &run.metrics().totals;
                // A run that stopped before every thread finished has times that end there.
                let cut = match run.end() {
                    RunEnd::Deadlock { .. } => {
                        lang.pick(["  교착 상태로 멈춤", "  stopped: deadlock"])
                    }
                    RunEnd::BudgetExhausted { .. } => {
                        lang.pick(["  명령어 한도로 멈춤", "  stopped: instruction budget"])
                    }
                    RunEnd::Finished | RunEnd::ScheduleUsedUp { .. } => "",
                };
                writeln!(
                    out,
                    "{} {:>10} {:>10} {:>10} {:>10} {:>10}{cut}",
                    left(&label),
                    totals.average_turnaround.to_string(),
                    totals.average_waiting.to_string(),
                    totals.average_response.to_string(),
                    totals.context_switches,
                    run.end_tick()
                )?;
            }
            Err(errors) => writeln!(
                out,
                "{} {}",
                left(&label),
                located_error(&errors[0], PolicyKind::of(&policy), lang)
            )?,
        }
    }
    Ok(())
}

fn policy_named(name: &str, quantum: Option<u64>) -> Result<PolicySpec, Failure> {
    let kind = PolicyKind::from_id(name).ok_or_else(|| {
        let known: Vec<&str> = PolicyKind::ALL.iter().map(|kind| kind.id()).collect();
        Failure::Usage(format!(
            "--policy {name:?}: unknown policy (one of {})",
            known.join(", ")
        ))
    })?;
    // A quantum given to a policy that has none would be silently dropped.
    if quantum.is_some() && kind.with_defaults(1) == kind.with_defaults(2) {
        return Err(Failure::Usage(format!(
            "--quantum: the {name} policy has no time quantum"
        )));
    }
    Ok(kind.with_defaults(quantum.unwrap_or(4)))
}

/// `proclab gen --seed N ...`.
pub fn gen(options: &Options, out: &mut impl Write) -> Result<(), Failure> {
    let number = |name: &str, default: u64| options.number(name, default).map_err(Failure::Usage);
    let seed = options
        .get("seed")
        .ok_or_else(|| Failure::Usage(String::from("gen needs --seed N")))?;
    let seed: u64 = seed
        .parse()
        .map_err(|_| Failure::Usage(format!("--seed: expected a whole number, got {seed:?}")))?;
    let quantum = match options.get("quantum") {
        Some(_) => Some(number("quantum", 4)?),
        None => None,
    };
    let io = options.get("io").is_some();
    let processes = number("processes", 5)?;
    if !(1..=u64::from(u32::MAX)).contains(&processes) {
        // A workload of none would be written, then refused by `run`.
        return Err(Failure::Usage(format!(
            "--processes {processes}: at least 1"
        )));
    }
    // A burst of at most 0 ticks or no thread had quietly become 1.
    let at_least_one = |name: &str, default: u64, most: u64| {
        let value = number(name, default)?;
        match (1..=most).contains(&value) {
            true => Ok(value),
            false => Err(Failure::Usage(format!("--{name} {value}: 1 to {most}"))),
        }
    };
    let max_burst = at_least_one("max-burst", 10, 1_000_000_000)?;
    let gen_options = GenOptions {
        processes: processes as u32,
        max_arrival: number("max-arrival", 10)?,
        cpu_burst: (1, max_burst),
        io_burst: (1, max_burst),
        max_cpu_bursts: if io { 3 } else { 1 },
        threads: at_least_one(
            "threads",
            1,
            u64::from(proclab_core::scenario::MAX_THREADS_PER_PROCESS),
        )? as u32,
        priorities: 5,
        classes: 1,
        policy: policy_named(options.get("policy").unwrap_or("rr"), quantum)?,
    };
    let mut spec = generate(seed, &gen_options);
    spec.machine.cpus = number("cpus", 1)? as u32;
    // Never a file that `run` would refuse (a quantum of 0, too many processes, no CPU).
    if let Err(errors) = Scenario::new(&spec) {
        let lines: Vec<String> = errors
            .iter()
            .map(|error| located_error(error, PolicyKind::of(&spec.policy), Lang::En))
            .collect();
        return Err(Failure::Usage(format!(
            "these options make a scenario that cannot run:\n  {}",
            lines.join("\n  ")
        )));
    }
    write_json(out, &spec, true)?;
    Ok(())
}

/// `proclab presets [ID]`.
pub fn presets(options: &Options, out: &mut impl Write) -> Result<(), Failure> {
    let mut presets = all_presets();
    presets.extend(proclab_core::presets::warmup_presets());
    match options.positional.first() {
        None => {
            for preset in &presets {
                writeln!(
                    out,
                    "{:<28} {}",
                    preset.id,
                    policy_label(&preset.spec.policy)
                )?;
            }
            Ok(())
        }
        Some(id) => match presets.iter().find(|preset| preset.id.as_str() == id) {
            Some(preset) => {
                write_json(out, &preset.spec, true)?;
                Ok(())
            }
            None => {
                // The name meant, when one is a few letters away; else where the names are.
                let meant = presets
                    .iter()
                    .map(|preset| preset.id.as_str())
                    .min_by_key(|name| proclab_app::program_words::edit_distance(name, id))
                    .filter(|name| proclab_app::program_words::edit_distance(name, id) <= 3);
                Err(Failure::Input(match meant {
                    Some(name) => format!("no preset named {id:?}: did you mean {name:?}?"),
                    None => format!("no preset named {id:?}; `proclab presets` lists them"),
                }))
            }
        },
    }
}
