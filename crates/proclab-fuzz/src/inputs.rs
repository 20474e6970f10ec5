//! The inputs of each door, all drawn from one PCG32 stream: random, damaged valid ones, extreme.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use proclab_app::i18n::Lang;
use proclab_app::share;
use proclab_core::gen::{generate, GenOptions};
use proclab_core::presets::{presets, warmup_presets};
use proclab_core::rng::Pcg32;
use proclab_core::spec::{PolicySpec, QueueTopology};
use proclab_core::{Scenario, ScenarioSpec};
use serde_json::Value;

use crate::mutate::{damage, mutate, number, pick, random_text, string};

/// Words and operands programs are made of, for random program text.
const PROGRAM_WORDS: &[&str] = &[
    "mov",
    "add",
    "sub",
    "neg",
    "mul",
    "lea",
    "test",
    "j",
    "je",
    "jne",
    "jlt",
    "jlte",
    "jgt",
    "jgte",
    "xchg",
    "fetchadd",
    "push",
    "pop",
    "call",
    "ret",
    "yield",
    "nop",
    "io",
    "lock",
    "unlock",
    "wait",
    "signal",
    "broadcast",
    "send",
    "recv",
    "halt",
    ".var",
    ".mutex",
    ".sem",
    ".cond",
    ".queue",
    ".main",
    ".loop",
    ".top",
    "loop:",
    "$0",
    "$1",
    "$-1",
    "$4294967296",
    "$99999999999999999999",
    "%ax",
    "%bx",
    "%cx",
    "%dx",
    "%sp",
    "%zz",
    "counter",
    "flag",
    "m",
    "s",
    "c",
    "q",
    "(%bx)",
    "4(%ax,%bx)",
    "2000",
    "-3",
    "0x10",
    ",",
    ",",
    " ",
    "#",
    "<b>",
    "\u{202e}",
    "가",
    "\t",
];

pub struct Inputs {
    rng: Pcg32,
    /// Valid links of every version (V1, V2 with per-CPU queues, V3 with programs, V4 with a
    /// kernel entry cost, V5 with CPU lists, a peek interval or the warm-up model), in today's
    /// form and the old `#s=` form.
    links: Vec<String>,
    /// Valid scenario files as JSON values.
    files: Vec<Value>,
    /// Valid programs (the synchronization lesson's).
    programs: Vec<String>,
    /// The last candidate scenario, as JSON: reported if validating it panics.
    pub last_candidate: String,
}

impl Inputs {
    pub fn new(mut rng: Pcg32) -> Inputs {
        let mut specs: Vec<ScenarioSpec> =
            presets().into_iter().map(|preset| preset.spec).collect();
        let policies = [
            PolicySpec::Fcfs,
            PolicySpec::Srtf,
            PolicySpec::Rr { quantum: 2 },
            PolicySpec::Hrrn,
        ];
        for seed in 0..16u64 {
            let options = GenOptions {
                processes: 1 + seed as u32 % 6,
                threads: 1 + seed as u32 % 3,
                policy: policies[seed as usize % policies.len()].clone(),
                ..GenOptions::default()
            };
            let mut spec = generate(seed, &options);
            if seed % 4 == 0 {
                spec.machine.cpus = 2;
                spec.machine.topology = QueueTopology::PerCpu;
                spec.machine.peek_interval = Some(seed % 3);
                spec.processes[0].cpus = vec![1];
            }
            if seed % 4 == 1 {
                spec.machine.kernel_entry_cost = 2;
            }
            specs.push(spec);
        }
        specs.extend(warmup_presets().into_iter().map(|preset| preset.spec));
        specs.retain(|spec| Scenario::new(spec).is_ok());
        let mut links = Vec::new();
        for spec in &specs {
            let link = share::encode(
                spec,
                if links.len() % 2 == 0 {
                    Lang::En
                } else {
                    Lang::Ko
                },
            );
            let payload = link[share::PREFIX.len()..].to_string();
            links.push(link);
            links.push(format!("{}{payload}", share::OLD_PREFIX));
        }
        let files = specs
            .iter()
            .filter_map(|spec| serde_json::to_value(spec).ok())
            .collect();
        let programs = specs
            .iter()
            .flat_map(|spec| spec.processes.iter().map(|process| process.program.clone()))
            .filter(|program| !program.is_empty())
            .collect();
        let _ = rng.next_u32();
        Inputs {
            rng,
            links,
            files,
            programs,
            last_candidate: String::new(),
        }
    }

    /// A fragment for `share::decode`.
    pub fn link(&mut self) -> String {
        let rng = &mut self.rng;
        let valid = &self.links[pick(rng, self.links.len())];
        let prefix = if rng.below(2) == 0 {
            share::PREFIX
        } else {
            share::OLD_PREFIX
        };
        match rng.below(8) {
            0 => random_text(rng, 200),
            1 => {
                let alphabet =
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/%#";
                let length = if rng.below(10_000) == 0 {
                    100_000
                } else {
                    rng.below(300)
                };
                let body: String = (0..length)
                    .map(|_| char::from(alphabet[pick(rng, alphabet.len())]))
                    .collect();
                format!("{prefix}{body}")
            }
            2 => valid[..pick(rng, valid.len() + 1)].to_string(),
            3..=5 => {
                // Damage the decoded bytes, then write them as a well-formed link: the postcard
                // decoder sees every kind of wrong length, tag and value.
                let start = if valid.starts_with(share::PREFIX) {
                    share::PREFIX.len()
                } else {
                    share::OLD_PREFIX.len()
                };
                let mut bytes = URL_SAFE_NO_PAD.decode(&valid[start..]).unwrap_or_default();
                for _ in 0..rng.between(1, 4) {
                    if bytes.is_empty() {
                        break;
                    }
                    let at = pick(rng, bytes.len());
                    match rng.below(6) {
                        0 => bytes[at] ^= 1 << rng.below(8),
                        1 => bytes[at] = [0, 1, 2, 3, 0x7f, 0x80, 0xff][pick(rng, 7)],
                        2 => bytes.insert(at, rng.next_u32() as u8),
                        3 => {
                            bytes.remove(at);
                        }
                        4 => bytes.truncate(at),
                        _ => bytes.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0x0f]),
                    }
                }
                format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
            }
            6 => damage(rng, valid),
            _ => valid.clone(),
        }
    }

    /// A scenario file's text.
    pub fn scenario_json(&mut self) -> String {
        let rng = &mut self.rng;
        let valid = &self.files[pick(rng, self.files.len())];
        match rng.below(10) {
            0 => random_text(rng, 300),
            1 => {
                // JSON-shaped noise.
                let tokens = [
                    "{",
                    "}",
                    "[",
                    "]",
                    ",",
                    ":",
                    "\"processes\"",
                    "\"policy\"",
                    "\"kind\"",
                    "\"rr\"",
                    "0",
                    "-1",
                    "1e999",
                    "null",
                    "true",
                    "\"\\ud800\"",
                    "\"version\"",
                    "1",
                ];
                (0..rng.below(60))
                    .map(|_| tokens[pick(rng, tokens.len())])
                    .collect()
            }
            2..=4 => {
                let mut value = valid.clone();
                for _ in 0..rng.between(1, 4) {
                    mutate(rng, &mut value, false);
                }
                value.to_string()
            }
            5 => damage(
                rng,
                &serde_json::to_string_pretty(valid).unwrap_or_default(),
            ),
            6 => {
                // Every number extreme.
                let mut value = valid.clone();
                extremes(rng, &mut value);
                value.to_string()
            }
            7 => {
                // Deep nesting, in place of the whole file or of one field.
                let depth = if rng.below(100) == 0 {
                    100_000
                } else {
                    rng.between(1, 300)
                } as usize;
                let (open, close) = if rng.below(2) == 0 {
                    ("[", "]")
                } else {
                    ("{\"a\":", "}")
                };
                let nested = format!("{}1{}", open.repeat(depth), close.repeat(depth));
                if rng.below(2) == 0 {
                    nested
                } else {
                    let mut value = valid.clone();
                    if let Some(map) = value.as_object_mut() {
                        map.insert(String::from("policy"), Value::Null);
                    }
                    value.to_string().replacen("null", &nested, 1)
                }
            }
            8 => {
                // A huge string as a name (now and then megabytes).
                let length = if rng.below(1000) == 0 {
                    4_000_000
                } else {
                    rng.below(20_000)
                } as usize;
                let mut value = valid.clone();
                if let Some(process) = value.pointer_mut("/processes/0/name") {
                    *process = Value::String("名".repeat(length / 3));
                }
                value.to_string()
            }
            _ => valid.to_string(),
        }
    }

    /// A program's text.
    pub fn program(&mut self) -> String {
        let rng = &mut self.rng;
        match rng.below(6) {
            0 => random_text(rng, 200),
            1 | 2 => {
                let lines = if rng.below(5000) == 0 {
                    20_000
                } else {
                    rng.between(1, 30)
                };
                let mut text = String::new();
                for _ in 0..lines {
                    for _ in 0..rng.between(0, 5) {
                        text.push_str(PROGRAM_WORDS[pick(rng, PROGRAM_WORDS.len())]);
                        text.push(' ');
                    }
                    text.push('\n');
                }
                text
            }
            3 | 4 => {
                let valid = &self.programs[pick(rng, self.programs.len())];
                let mut lines: Vec<String> = valid.lines().map(str::to_string).collect();
                for _ in 0..rng.between(1, 3) {
                    if lines.is_empty() {
                        lines.push(String::new());
                    }
                    let at = pick(rng, lines.len());
                    match rng.below(5) {
                        0 => {
                            lines.remove(at);
                        }
                        1 => {
                            let copy = lines[at].clone();
                            lines.insert(at, copy);
                        }
                        2 => lines[at] = damage(rng, &lines[at]),
                        3 => {
                            let word = PROGRAM_WORDS[pick(rng, PROGRAM_WORDS.len())];
                            lines[at] = lines[at].replacen(|c: char| c.is_alphanumeric(), word, 1);
                        }
                        _ => {
                            let other = pick(rng, lines.len());
                            lines.swap(at, other);
                        }
                    }
                }
                lines.join("\n")
            }
            _ => self.programs[pick(rng, self.programs.len())].clone(),
        }
    }

    /// A scenario that passes validation, and how many candidates it took to find it. Mild
    /// mutations of valid files (and now and then an extreme number), so that the simulation
    /// meets the corners of what validation lets through.
    pub fn accepted_scenario(&mut self) -> (ScenarioSpec, u64) {
        let mut tries = 0;
        loop {
            tries += 1;
            let rng = &mut self.rng;
            let mut value = self.files[pick(rng, self.files.len())].clone();
            let mild = rng.below(8) != 0;
            for _ in 0..rng.between(0, 3) {
                mutate(rng, &mut value, mild);
            }
            if let Some(seed) = value.get_mut("seed") {
                *seed = Value::from(rng.next_u64() >> 1);
            }
            self.last_candidate = value.to_string();
            let Ok(spec) = serde_json::from_value::<ScenarioSpec>(value) else {
                continue;
            };
            if Scenario::new(&spec).is_ok() {
                return (spec, tries);
            }
        }
    }
}

/// Replaces every number in `value` by an extreme one.
fn extremes(rng: &mut Pcg32, value: &mut Value) {
    match value {
        Value::Number(_) => *value = number(rng, false),
        Value::Array(items) => items.iter_mut().for_each(|item| extremes(rng, item)),
        Value::Object(map) => map.values_mut().for_each(|item| extremes(rng, item)),
        Value::String(text) if rng.below(20) == 0 => *text = string(rng),
        _ => {}
    }
}
