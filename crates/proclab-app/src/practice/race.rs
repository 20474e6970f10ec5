//! The racing counter: threads of one process add 1 to a shared `counter` with the lesson's
//! `race.s` (load, add, store: not atomic), one instruction per step on one CPU, in the order an
//! explicit schedule names (`ScenarioSpec::schedule`).
//!
//! Question A gives an interleaving and asks for the counter's final value; question B asks the
//! student for an interleaving that loses an update. Both are answered by running the core: the
//! key of A is the value in memory when the exercise's run ends, and B is right when the run of
//! the student's interleaving ends with a lost update ([`analyse`]). The explanations name steps
//! of those runs: every overwriting store, and each increment it wiped out ([`lost_updates`]). The threads' lengths come from a run too, never from counting the program.

use super::exercise::{Difficulty, ExerciseId};
use super::grade::Verdict;
use crate::lang::Lang;
use crate::lang::{object_particle, subject_particle};
use crate::program_view::{analyse, LostUpdate};
use proclab_core::program::{AccessKind, Instruction};
use proclab_core::rng::Pcg32;
use proclab_core::spec::{PolicySpec, ScenarioSpec, ScheduleSpec, ThreadSpec};
use proclab_core::Run;
use serde::{Deserialize, Serialize};

/// The lesson's preset whose program the exercise runs (`race.s`).
const PRESET: &str = "race-two-threads";
/// The shared variable.
const COUNTER: &str = "counter";
/// Most characters read from a typed interleaving.
pub const MAX_TYPED: usize = 2_000;
/// Derived seeds tried for an interleaving of the wanted kind.
const ATTEMPTS: u64 = 64;

/// The two answers of a racing-counter exercise, exactly as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RaceAnswer {
    /// Question A: the counter's final value.
    pub value: String,
    /// Question B: an interleaving, thread numbers from 1 (`1 1 2 2 1`).
    pub interleaving: String,
}

impl RaceAnswer {
    pub fn is_empty(&self) -> bool {
        self.value.is_empty() && self.interleaving.is_empty()
    }
}

/// The marks of a racing-counter exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RaceGrading {
    pub value: Verdict,
    /// Right: the interleaving loses an update; wrong: it loses none; missing: nothing typed;
    /// not a number: it cannot be read ([`ScheduleProblem`]).
    pub interleaving: Verdict,
}

/// Threads and increments per thread (`%bx`) of a difficulty.
pub fn shape(difficulty: Difficulty) -> (u32, u32) {
    match difficulty {
        Difficulty::Easy => (2, 1),
        Difficulty::Medium => (2, 2),
        Difficulty::Hard => (3, 1),
    }
}

/// The workload without a schedule: one process `P1` whose threads run `race.s`, each with
/// `%bx` = the increments, on one CPU.
pub fn workload(difficulty: Difficulty) -> ScenarioSpec {
    let (threads, increments) = shape(difficulty);
    let mut spec = proclab_core::presets::preset(PRESET)
        .map(|preset| preset.spec)
        .unwrap_or_default();
    spec.policy = PolicySpec::Fcfs;
    spec.machine.cpus = 1;
    if let Some(process) = spec.processes.first_mut() {
        process.threads = (0..threads)
            .map(|_| ThreadSpec {
                registers: format!("bx={increments}"),
                ..ThreadSpec::default()
            })
            .collect();
    }
    spec.processes.truncate(1);
    spec
}

/// The workload run with `schedule` (thread indices from 0), which names every instruction of
/// every thread. It is marked `repeat` (`x86.py -P`'s way, the same run: every thread has exited
/// when it is used up) so the simulator "Show" opens treats it as a given schedule, kept at the
/// tick asked for, not as the student's own choices, followed to their end.
pub fn run_with(workload: &ScenarioSpec, schedule: &[u32]) -> Option<Run> {
    let mut spec = workload.clone();
    spec.schedule = Some(ScheduleSpec {
        threads: schedule.to_vec(),
        repeat: true,
    });
    proclab_core::simulate_spec(&spec).ok()
}

/// How many instructions each thread runs, from a run of the threads one after the other.
pub fn lengths(workload: &ScenarioSpec) -> Vec<usize> {
    let Ok(run) = proclab_core::simulate_spec(workload) else {
        return Vec::new();
    };
    let threads = run.scenario().threads().len();
    let mut lengths = vec![0; threads];
    for step in run.program_steps() {
        if let Some(length) = lengths.get_mut(step.thread as usize) {
            *length += 1;
        }
    }
    lengths
}

/// A random interleaving: threads picked at random, each for a burst of one to three
/// instructions, until every thread has run all of its own.
fn random_interleaving(rng: &mut Pcg32, lengths: &[usize]) -> Vec<u32> {
    let mut left = lengths.to_vec();
    let mut schedule = Vec::new();
    while left.iter().any(|count| *count > 0) {
        let live: Vec<usize> = (0..left.len()).filter(|thread| left[*thread] > 0).collect();
        let thread = live[rng.below(live.len() as u64) as usize];
        let burst = (1 + rng.below(3) as usize).min(left[thread]);
        schedule.extend(std::iter::repeat_n(thread as u32, burst));
        left[thread] -= burst;
    }
    schedule
}

/// True if some thread does not run all of its instructions in one go.
fn interleaved(schedule: &[u32]) -> bool {
    let switches = schedule
        .windows(2)
        .filter(|pair| pair[0] != pair[1])
        .count();
    let threads = schedule.iter().max().map_or(0, |last| *last as usize + 1);
    switches + 1 > threads
}

/// Question A's interleaving for `id`: two seeds in three ask for one that loses an update, the
/// third for one that switches threads but loses none; the first derived seed that gives the kind
/// asked for is kept (else the last tried).
pub fn interleaving(id: ExerciseId, workload: &ScenarioSpec) -> Vec<u32> {
    let lengths = lengths(workload);
    let want_loss = !id.seed.is_multiple_of(3);
    let mut last = Vec::new();
    for attempt in 0..ATTEMPTS {
        let mut rng = Pcg32::new(id.seed.wrapping_mul(ATTEMPTS).wrapping_add(attempt), 15);
        let schedule = random_interleaving(&mut rng, &lengths);
        let loses = run_with(workload, &schedule).is_some_and(|run| !analyse(&run).lost.is_empty());
        if interleaved(&schedule) && loses == want_loss {
            return schedule;
        }
        last = schedule;
    }
    last
}

/// The counter's value when `run` ends.
pub fn final_value(run: &Run) -> i64 {
    let state = run.state_at(run.end_tick());
    state
        .memories
        .first()
        .and_then(|memory| memory.words.iter().find(|(name, _, _)| name == COUNTER))
        .map_or(0, |(_, _, value)| *value)
}

/// Every increment the threads make: what the counter ends at when none is lost, read from a
/// run of the threads one after the other.
pub fn increments(workload: &ScenarioSpec) -> i64 {
    proclab_core::simulate_spec(workload).map_or(0, |run| final_value(&run))
}

/// Why a typed interleaving cannot be run. Positions count entries from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScheduleProblem {
    /// Nothing typed.
    Empty,
    /// An entry that is not a whole number.
    NotANumber { position: usize, entry: String },
    /// A number that names no thread.
    UnknownThread { position: usize, thread: u64 },
    /// A thread named again after it ran all of its instructions.
    Finished {
        position: usize,
        thread: u32,
        length: usize,
    },
    /// More entries (or characters) than the threads have instructions.
    TooLong { most: usize },
}

/// Reads a typed interleaving: thread numbers from 1, separated by spaces or commas (`T2` is
/// read as 2). Returns thread indices from 0.
pub fn parse_interleaving(text: &str, lengths: &[usize]) -> Result<Vec<u32>, ScheduleProblem> {
    let most: usize = lengths.iter().sum();
    if text.len() > MAX_TYPED {
        return Err(ScheduleProblem::TooLong { most });
    }
    // Full-width digits (a Korean keyboard's) read as ASCII.
    let text = crate::lang::halfwidth(text);
    let entries: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|entry| !entry.is_empty())
        .collect();
    if entries.is_empty() {
        return Err(ScheduleProblem::Empty);
    }
    if entries.len() > most {
        return Err(ScheduleProblem::TooLong { most });
    }
    let mut used = vec![0; lengths.len()];
    let mut schedule = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        let position = index + 1;
        // "2", "T2" or the page's own "P1.T2": the thread's number.
        let thread_part = entry.rsplit('.').next().unwrap_or(entry);
        let digits = thread_part.trim_start_matches(['T', 't']);
        let Ok(number) = digits.parse::<u64>() else {
            return Err(ScheduleProblem::NotANumber {
                position,
                entry: entry.chars().take(12).collect(),
            });
        };
        if number == 0 || number > lengths.len() as u64 {
            return Err(ScheduleProblem::UnknownThread {
                position,
                thread: number,
            });
        }
        let thread = number as usize - 1;
        if used[thread] == lengths[thread] {
            return Err(ScheduleProblem::Finished {
                position,
                thread: number as u32,
                length: lengths[thread],
            });
        }
        used[thread] += 1;
        schedule.push(thread as u32);
    }
    Ok(schedule)
}

/// `typed` completed: every thread that has instructions left then runs them to its end, thread
/// 1 first.
pub fn complete(typed: &[u32], lengths: &[usize]) -> Vec<u32> {
    let mut schedule = typed.to_vec();
    for (thread, length) in lengths.iter().enumerate() {
        let used = typed
            .iter()
            .filter(|entry| **entry == thread as u32)
            .count();
        schedule.extend(std::iter::repeat_n(
            thread as u32,
            length.saturating_sub(used),
        ));
    }
    schedule
}

/// `text` with thread `number` (from 1) added at the end: what a thread button types.
pub fn append_thread(text: &str, number: u32) -> String {
    let trimmed = text.trim_end();
    if trimmed.is_empty() {
        number.to_string()
    } else {
        format!("{trimmed} {number}")
    }
}

/// `text` without its last entry: the undo button.
pub fn drop_last(text: &str) -> String {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
    let cut = trimmed
        .rfind(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map_or(0, |at| at + 1);
    trimmed[..cut]
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .to_string()
}

/// What running a typed interleaving gave.
#[derive(Clone, Debug)]
pub struct Tried {
    /// The whole schedule run (the typed entries, then the rest).
    pub schedule: Vec<u32>,
    /// How many entries were typed.
    pub typed: usize,
    pub run: Run,
    pub value: i64,
    pub lost: Vec<LostUpdate>,
}

/// Runs a typed interleaving, completed, in the core.
pub fn try_interleaving(
    workload: &ScenarioSpec,
    lengths: &[usize],
    text: &str,
) -> Result<Tried, ScheduleProblem> {
    let typed = parse_interleaving(text, lengths)?;
    let schedule = complete(&typed, lengths);
    let run = run_with(workload, &schedule).ok_or(ScheduleProblem::Empty)?;
    let lost = analyse(&run).lost;
    Ok(Tried {
        typed: typed.len(),
        value: final_value(&run),
        schedule,
        run,
        lost,
    })
}

/// An interleaving that loses an update, as typed (for the answer key): the first thread's
/// load, then the second thread's, then the rest; checked by a run, else the first random
/// interleaving whose run loses one.
pub fn lossy_example(workload: &ScenarioSpec, lengths: &[usize]) -> Option<String> {
    let loses = |text: &str| {
        try_interleaving(workload, lengths, text)
            .is_ok_and(|tried| tried.value < increments(workload) && !tried.lost.is_empty())
    };
    if loses("1 2") {
        return Some("1 2".to_string());
    }
    (0..ATTEMPTS)
        .map(|seed| schedule_text(&random_interleaving(&mut Pcg32::new(seed, 15), lengths)))
        .find(|text| loses(text))
}

/// Grades both questions against the runs.
pub fn grade_race(
    run: &Run,
    workload: &ScenarioSpec,
    lengths: &[usize],
    answer: &RaceAnswer,
) -> RaceGrading {
    let value = match super::grade::read_whole::<i64>(&answer.value) {
        Ok(value) if value == final_value(run) => Verdict::Right,
        Ok(_) => Verdict::Wrong,
        Err(verdict) => verdict,
    };
    let interleaving = match try_interleaving(workload, lengths, &answer.interleaving) {
        Ok(tried) if tried.value < increments(workload) && !tried.lost.is_empty() => Verdict::Right,
        Ok(_) => Verdict::Wrong,
        Err(ScheduleProblem::Empty) => Verdict::Missing,
        Err(_) => Verdict::NotANumber,
    };
    RaceGrading {
        value,
        interleaving,
    }
}

/// One step of a run as the question's table shows it: who ran which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepRow {
    /// From 1.
    pub step: usize,
    /// Thread index from 0.
    pub thread: u32,
    pub text: String,
}

/// The steps of `run`, in order.
pub fn step_rows(run: &Run) -> Vec<StepRow> {
    let scenario = run.scenario();
    run.program_steps()
        .iter()
        .enumerate()
        .map(|(index, step)| StepRow {
            step: index + 1,
            thread: step.thread,
            text: crate::program_words::instruction_text(
                scenario,
                scenario.threads()[step.thread as usize].pid(),
                step.pc,
            )
            .to_string(),
        })
        .collect()
}

/// The next instruction of each thread after the typed entries (`None`: it has finished), read
/// from the exercise's run; `None` if the text cannot be read.
pub fn next_lines(run: &Run, lengths: &[usize], text: &str) -> Option<Vec<Option<String>>> {
    let typed = match parse_interleaving(text, lengths) {
        Ok(typed) => typed,
        Err(ScheduleProblem::Empty) => Vec::new(),
        Err(_) => return None,
    };
    let rows = step_rows(run);
    Some(
        (0..lengths.len() as u32)
            .map(|thread| {
                let done = typed.iter().filter(|entry| **entry == thread).count();
                rows.iter()
                    .filter(|row| row.thread == thread)
                    .nth(done)
                    .map(|row| row.text.clone())
            })
            .collect(),
    )
}

/// The value a step read or wrote (its first access of that kind).
fn access(run: &Run, step: usize, kind: AccessKind) -> Option<i64> {
    run.program_steps()
        .get(step)?
        .accesses
        .as_slice()
        .iter()
        .find(|access| access.kind == kind)
        .map(|access| access.value)
}

/// True if step `index` of `run` is a load (`mov counter, %ax`).
fn is_load(run: &Run, index: usize) -> bool {
    let step = &run.program_steps()[index];
    crate::program_view::program_of(run.scenario(), step.thread)
        .and_then(|program| program.instruction_at(step.pc))
        .is_some_and(|instruction| matches!(instruction, Instruction::Load { .. }))
}

/// The load that fed thread `thread`'s store at `store_step`: its last load before it.
fn load_before(run: &Run, thread: u32, store_step: usize) -> Option<usize> {
    (0..store_step)
        .rev()
        .find(|index| run.program_steps()[*index].thread == thread && is_load(run, *index))
}

/// The other load that read the value the lost store's thread loaded: the one that fed the
/// overwritten store, else another thread's nearest to the storing thread's load.
fn twin_load(run: &Run, lost: &LostUpdate) -> Option<usize> {
    let reads_same = |step: &usize| access(run, *step, AccessKind::Read) == Some(lost.read);
    load_before(run, lost.overwritten, lost.overwritten_step)
        .filter(reads_same)
        .or_else(|| {
            (0..lost.step)
                .filter(|step| run.program_steps()[*step].thread != lost.thread)
                .filter(|step| is_load(run, *step) && reads_same(step))
                .min_by_key(|step| step.abs_diff(lost.loaded_step))
        })
}

/// A store of another thread that a lost update wiped out: its step (from 0), its thread and the
/// value it had written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wiped {
    pub step: usize,
    pub thread: u32,
    pub value: i64,
}

/// Each overwriting store of `run` (the analysis of its recorded steps, in order) with the
/// stores of other threads it wiped out: those made between its thread's load and it, not wiped
/// already by an earlier one. Their count is the number of increments that store lost, so the
/// counts add up to the increments missing from the counter.
pub fn lost_updates(run: &Run) -> Vec<(LostUpdate, Vec<Wiped>)> {
    let steps = run.program_steps();
    let mut gone: Vec<usize> = Vec::new();
    analyse(run)
        .lost
        .into_iter()
        .map(|lost| {
            let wiped: Vec<Wiped> = (lost.loaded_step + 1..lost.step)
                .filter(|step| steps[*step].thread != lost.thread && !gone.contains(step))
                .filter_map(|step| {
                    let value = access(run, step, AccessKind::Write)?;
                    Some(Wiped {
                        step,
                        thread: steps[step].thread,
                        value,
                    })
                })
                .collect();
            gone.extend(wiped.iter().map(|store| store.step));
            (lost, wiped)
        })
        .collect()
}

/// `value` and its subject particle (이/가), for Korean sentences.
fn subj(value: impl ToString) -> String {
    let text = value.to_string();
    let particle = subject_particle(&text);
    format!("{text}{particle}")
}

/// The object particle (을/를) after `value`.
fn obj(value: impl ToString) -> &'static str {
    object_particle(&value.to_string())
}

/// One overwriting store of `run` in words: the two loads, the two stores, steps from 1, and
/// when it wiped out several increments, each of them.
pub fn lost_sentence(run: &Run, lost: &LostUpdate, wiped: &[Wiped], lang: Lang) -> String {
    let sentence = overwrite_sentence(run, lost, lang);
    if wiped.len() < 2 {
        return sentence;
    }
    let store_x = lost.step + 1;
    let count = wiped.len();
    let names: Vec<String> = wiped
        .iter()
        .map(|store| {
            lang.pick([
                format!(
                    "{}단계 스레드 {}의 쓰기({})",
                    store.step + 1,
                    store.thread + 1,
                    store.value
                ),
                format!(
                    "thread {}'s store of {} at step {}",
                    store.thread + 1,
                    store.value,
                    store.step + 1
                ),
            ])
        })
        .collect();
    let sentence = sentence
        .replace(
            &format!("{store_x}단계에서 증가 하나를 잃었습니다."),
            &format!("{store_x}단계에서 증가 {count}개를 잃었습니다."),
        )
        .replace(
            &format!("an update was lost at step {store_x}."),
            &format!("{count} updates were lost at step {store_x}."),
        );
    let list = names.join(lang.pick([", ", ", "]));
    format!(
        "{sentence} {}",
        lang.pick([
            format!("덮어쓴 것: {list}."),
            format!("It wiped out {list}."),
        ])
    )
}

/// An overwriting store in words: the two loads that read the same value and the two stores.
fn overwrite_sentence(run: &Run, lost: &LostUpdate, lang: Lang) -> String {
    let (x, y) = (lost.thread + 1, lost.overwritten + 1);
    let (load_x, store_y, store_x) = (
        lost.loaded_step + 1,
        lost.overwritten_step + 1,
        lost.step + 1,
    );
    let stored_y = access(run, lost.overwritten_step, AccessKind::Write).unwrap_or_default();
    let stored_x = access(run, lost.step, AccessKind::Write).unwrap_or_default();
    let read = lost.read;
    match twin_load(run, lost) {
        Some(twin) => {
            let (load_z, z) = (twin + 1, run.program_steps()[twin].thread + 1);
            let ((first, first_thread), (second, second_thread)) = if load_x < load_z {
                ((load_x, x), (load_z, z))
            } else {
                ((load_z, z), (load_x, x))
            };
            lang.pick([
                format!("{first}단계와 {second}단계의 두 읽기(스레드 {first_thread}, 스레드 {second_thread})가 같은 값 counter = {read}{} 읽었습니다. 스레드 {} {store_y}단계에서 {stored_y}{} 저장했고, 스레드 {} {store_x}단계에서 {stored_x}{} 저장해 그 위에 덮어썼습니다: {store_x}단계에서 증가 하나를 잃었습니다.", obj(read), subj(y), obj(stored_y), subj(x), obj(stored_x)),
                format!("The loads at steps {first} and {second} (thread {first_thread}, then thread {second_thread}) read the same value, counter = {read}. Thread {y} stored {stored_y} at step {store_y}; thread {x} then stored {stored_x} over it at step {store_x}: an update was lost at step {store_x}."),
            ])
        }
        None => lang.pick([
            format!("스레드 {} {load_x}단계에서 counter = {read}{} 읽었고, 저장하기 전에 스레드 {} {store_y}단계에서 {stored_y}{} 저장했습니다. 스레드 {} {store_x}단계에서 {stored_x}{} 저장해 그 위에 덮어썼습니다: {store_x}단계에서 증가 하나를 잃었습니다.", subj(x), obj(read), subj(y), obj(stored_y), subj(x), obj(stored_x)),
            format!("Thread {x} loaded counter = {read} at step {load_x}; before it stored, thread {y} stored {stored_y} at step {store_y}. Thread {x} then stored {stored_x} over it at step {store_x}: an update was lost at step {store_x}."),
        ]),
    }
}

/// Why a run loses nothing, in words.
fn nothing_lost(total: i64, lang: Lang) -> String {
    lang.pick([
        format!("이 실행 순서에서는 증가를 하나도 잃지 않습니다. 첫 읽기를 빼면 모든 읽기(mov counter, %ax)가 바로 앞 증가의 쓰기(mov %ax, counter) 뒤에 일어났습니다. 어떤 스레드의 읽기와 쓰기 사이에도 다른 스레드의 읽기나 쓰기가 끼어들지 않았으므로 counter는 {total}에서 끝납니다."),
        format!("This interleaving loses no update. Every load (mov counter, %ax) but the first came after the store (mov %ax, counter) of the increment before it: no thread let another load or store between its own load and store, so the counter ends at {total}."),
    ])
}

/// The end of a run: the value, against the increments.
fn ends_at(value: i64, total: i64, lang: Lang) -> String {
    let lost = total - value;
    if lost <= 0 {
        return lang.pick([
            format!("counter는 {value}에서 끝납니다."),
            format!("The counter ends at {value}."),
        ]);
    }
    lang.pick([
        format!(
            "counter는 {}{} 아니라 {value}에서 끝납니다(잃은 증가 {lost}개).",
            total,
            subject_particle(&total.to_string())
        ),
        format!(
            "The counter ends at {value}, not {total} ({lost} {} lost).",
            if lost == 1 { "update" } else { "updates" }
        ),
    ])
}

/// Why question A's answer, as typed, cannot be read, said under it as it is typed (only a "?"
/// had marked twenty digits, and nothing at all under a teacher's rule of marks only); `None`
/// when it can be read or is empty.
pub fn value_problem(typed: &str, lang: Lang) -> Option<String> {
    if typed.trim().is_empty() || super::grade::read_whole::<i64>(typed).is_ok() {
        return None;
    }
    let text = crate::lang::halfwidth(typed).replace('−', "-");
    let text = text.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    let too_large = !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit());
    Some(match too_large {
        true => lang.pick([
            format!("“{text}”: 너무 큰 수입니다. {}", value_form(lang)),
            format!("“{text}”: too large. {}", value_form(lang)),
        ]),
        false => format!("“{text}”: {}", value_form(lang)),
    })
}

/// What question A's answer is, for one that could not be read.
pub fn value_form(lang: Lang) -> &'static str {
    lang.pick([
        "답은 정수 하나여야 합니다(예: 2).",
        "The answer is one whole number (such as 2).",
    ])
}

/// Question A explained from the exercise's run (for a wrong or unreadable value).
pub fn explain_value(run: &Run, workload: &ScenarioSpec, verdict: Verdict, lang: Lang) -> String {
    let total = increments(workload);
    let value = final_value(run);
    let lost = lost_updates(run);
    let mut words = Vec::new();
    if verdict == Verdict::NotANumber {
        words.push(value_form(lang).to_string());
    }
    if lost.is_empty() {
        words.push(nothing_lost(total, lang));
    }
    for (update, wiped) in &lost {
        words.push(lost_sentence(run, update, wiped, lang));
    }
    if !lost.is_empty() {
        words.push(ends_at(value, total, lang));
    }
    words.join(" ")
}

/// A schedule as the student types it (thread numbers from 1).
pub fn schedule_text(schedule: &[u32]) -> String {
    schedule
        .iter()
        .map(|thread| (thread + 1).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A problem of a typed interleaving, in words.
pub fn problem_text(problem: &ScheduleProblem, threads: usize, lang: Lang) -> String {
    match problem {
        ScheduleProblem::Empty => lang.pick([
            "실행 순서를 입력하세요: 1 1 2 2 1처럼 스레드 번호를 쓰거나 스레드 버튼을 누르세요.".to_string(),
            "Type an interleaving: thread numbers such as 1 1 2 2 1, or press the thread buttons.".to_string(),
        ]),
        ScheduleProblem::NotANumber { position, entry } => lang.pick([
            format!("{} 항목 '{entry}': 스레드 번호가 아닙니다. 1부터 {threads}까지의 번호를 띄어 쓰세요.", crate::lang::ko_ordinal(*position)),
            format!("Entry {position}, '{entry}', is not a thread number: type numbers from 1 to {threads}, separated by spaces."),
        ]),
        ScheduleProblem::UnknownThread { position, thread } => lang.pick([
            format!("{} 항목: 스레드 {thread}{} 없습니다. 스레드는 1부터 {threads}까지입니다.", crate::lang::ko_ordinal(*position), subject_particle(&thread.to_string())),
            format!("Entry {position}: there is no thread {thread}; the threads are 1 to {threads}."),
        ]),
        ScheduleProblem::Finished { position, thread, length } => lang.pick([
            format!("{} 항목: 스레드 {thread}{} 이미 명령어 {length}개를 모두 실행하고 끝났습니다(halt).", crate::lang::ko_ordinal(*position), subject_particle(&thread.to_string())),
            format!("Entry {position}: thread {thread} has already run all of its {length} instructions (it halted)."),
        ]),
        ScheduleProblem::TooLong { most } => lang.pick([
            format!("너무 깁니다: 스레드들이 실행하는 명령어는 모두 {most}개이므로 실행 순서는 {most}개 항목까지입니다."),
            format!("Too long: the threads run {most} instructions in all, so an interleaving has at most {most} entries."),
        ]),
    }
}

/// What an interleaving typed for question B does, in one short phrase for a teacher's list:
/// where the counter ends and whether an update is lost, or why the text cannot run.
pub fn interleaving_outcome(
    workload: &ScenarioSpec,
    lengths: &[usize],
    text: &str,
    lang: Lang,
) -> String {
    let total = increments(workload);
    match try_interleaving(workload, lengths, text) {
        Ok(tried) if tried.value >= total => lang.pick([
            format!(
                "이 순서로는 counter가 {}에서 끝남 (잃은 증가 없음)",
                tried.value
            ),
            format!("this order ends at {} (no update lost)", tried.value),
        ]),
        Ok(tried) => lang.pick([
            format!(
                "이 순서로는 counter가 {}에서 끝남 (잃은 증가 {}개)",
                tried.value,
                total - tried.value
            ),
            format!(
                "this order ends at {} ({} lost)",
                tried.value,
                total - tried.value
            ),
        ]),
        Err(problem) => problem_text(&problem, lengths.len(), lang),
    }
}

/// Question B's verdict in words: the problem of the text, or what its run did.
pub fn explain_interleaving(
    workload: &ScenarioSpec,
    lengths: &[usize],
    text: &str,
    lang: Lang,
) -> String {
    let total = increments(workload);
    let tried = match try_interleaving(workload, lengths, text) {
        Ok(tried) => tried,
        Err(problem) => return problem_text(&problem, lengths.len(), lang),
    };
    let ran = lang.pick([
        format!(
            "실행한 순서(입력한 {}개 뒤에 남은 명령어를 스레드 1부터 끝까지): {}.",
            tried.typed,
            schedule_text(&tried.schedule)
        ),
        format!(
            "Run as (your {} entries, then what is left, thread 1 first): {}.",
            tried.typed,
            schedule_text(&tried.schedule)
        ),
    ]);
    let lost = lost_updates(&tried.run);
    match lost.is_empty() {
        false => format!(
            "{} {} {ran}",
            lost.iter()
                .map(|(update, wiped)| lost_sentence(&tried.run, update, wiped, lang))
                .collect::<Vec<_>>()
                .join(" "),
            ends_at(tried.value, total, lang)
        ),
        true => format!(
            "{} {} {ran}",
            nothing_lost(total, lang),
            lang.pick([
                "증가를 잃게 하려면, 한 스레드의 읽기 뒤 쓰기 전에 다른 스레드로 바꾸어 그 스레드도 읽게 하세요.",
                "To lose an update, switch to another thread after one thread's load and before its store, and let the other load too.",
            ])
        ),
    }
}

/// Question A's hints: how to follow the counter, then each load and store of the counter in
/// the run, in order, with the value it read or wrote (the last store's is the answer).
pub fn hints(run: &Run, count: usize, lang: Lang) -> Vec<String> {
    let first = lang.pick([
        "1. counter를 따라가세요: 읽기(load: mov counter, %ax)는 counter를 그 스레드의 %ax로 복사하고, 쓰기(store: mov %ax, counter)는 %ax를 counter에 다시 씁니다. %ax는 스레드마다 따로 있습니다(문맥 교환 때 저장·복원).".to_string(),
        "1. Follow the counter: a load (mov counter, %ax) copies it into that thread's own %ax; a store (mov %ax, counter) writes %ax back. Each thread has its own %ax (saved and restored at a switch).".to_string(),
    ]);
    core::iter::once(first)
        .chain(
            counter_accesses(run)
                .into_iter()
                .enumerate()
                .map(|(index, (step, thread, access))| {
                    let (number, step, thread) = (index + 2, step + 1, thread + 1);
                    match access {
                        CounterAccess::Load(value) => lang.pick([
                            format!("{number}. {step}단계: 스레드 {} counter = {value}{} 읽습니다.", subj(thread), obj(value)),
                            format!("{number}. Step {step}: thread {thread} loads counter = {value}."),
                        ]),
                        CounterAccess::Store(value) => lang.pick([
                            format!("{number}. {step}단계: 스레드 {} {value}{} 씁니다: counter = {value}.", subj(thread), obj(value)),
                            format!("{number}. Step {step}: thread {thread} stores {value}: counter = {value}."),
                        ]),
                    }
                }),
        )
        .take(count)
        .collect()
}

/// How many hints question A has: the first, then one per load or store of the counter.
pub fn hint_count(run: &Run) -> usize {
    1 + counter_accesses(run).len()
}

/// A load or a store of the counter, with the value read or written.
enum CounterAccess {
    Load(i64),
    Store(i64),
}

/// Every load and store of the counter in `run`: its step (from 0), its thread and the access.
fn counter_accesses(run: &Run) -> Vec<(usize, u32, CounterAccess)> {
    let steps = run.program_steps();
    (0..steps.len())
        .filter_map(|step| {
            let thread = steps[step].thread;
            if is_load(run, step) {
                let value = access(run, step, AccessKind::Read)?;
                Some((step, thread, CounterAccess::Load(value)))
            } else {
                let value = access(run, step, AccessKind::Write)?;
                Some((step, thread, CounterAccess::Store(value)))
            }
        })
        .collect()
}

/// The first of the two loads of the first lost update of `run` (a step index from 0), if any:
/// where "Show" opens the run.
pub fn first_lost_load(run: &Run) -> Option<usize> {
    let lost = *analyse(run).lost.first()?;
    Some(twin_load(run, &lost).map_or(lost.loaded_step, |twin| twin.min(lost.loaded_step)))
}
