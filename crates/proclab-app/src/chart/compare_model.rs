//! The policy comparison and the round-robin quantum sweep as plain data: pure functions of a
//! [`ScenarioSpec`], every number straight from the core's [`Totals`].

use crate::lang::Words;
use std::cmp::Ordering;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use proclab_core::program::RunEnd;
use proclab_core::{
    simulate_spec, BurstSpec, PolicySpec, Ratio, ScenarioError, ScenarioSpec, Totals,
};

use super::text::{self, SweepSummary};
use crate::i18n::Lang;

pub use proclab_core::compare::{comparison_policies as compared_policies, DEFAULT_QUANTUM};
/// The sweep never goes past this quantum.
pub const SWEEP_MAX_QUANTUM: u64 = 20;

/// Why a comparison skipped a run: all the page says about it (the full list of problems is the
/// run tab's business, and deserialising it in the page cost 34 KB of wasm).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Skipped {
    /// More than [`COMPARE_MAX_SLICES`] time slices.
    TooMuchWork,
    /// The workload is not valid under this policy.
    CouldNotRun,
}

/// How a compared run stopped before every thread finished: its times end there, so it is
/// marked and never named the best or the worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CutShort {
    /// Every unfinished thread waits for another: deadlock at `tick`.
    Deadlock { tick: u64 },
    /// The instruction budget ran out at `tick` (a thread spinning on a lock, a loop).
    Budget { tick: u64 },
}

impl CutShort {
    fn of(run: &proclab_core::Run) -> Option<CutShort> {
        match run.end() {
            RunEnd::Deadlock { tick } => Some(CutShort::Deadlock { tick }),
            RunEnd::BudgetExhausted { tick, .. } => Some(CutShort::Budget { tick }),
            RunEnd::Finished | RunEnd::ScheduleUsedUp { .. } => None,
        }
    }

    /// "deadlock", as the chart marks the run beside its name (the table says when).
    pub fn short(self, lang: Lang) -> &'static str {
        match self {
            CutShort::Deadlock { .. } => lang.pick(["교착 상태", "deadlock"]),
            CutShort::Budget { .. } => lang.pick(["명령어 한도", "budget"]),
        }
    }

    /// "deadlock at t=8", as the table and the takeaway mark the run.
    pub fn words(self, lang: Lang) -> String {
        match self {
            CutShort::Deadlock { tick } => lang.pick([
                format!("t={tick}에 교착 상태"),
                format!("deadlock at t={tick}"),
            ]),
            CutShort::Budget { tick } => lang.pick([
                format!("t={tick}에 명령어 한도로 멈춤"),
                format!("stopped by the instruction budget at t={tick}"),
            ]),
        }
    }
}

/// One policy run on the workload, or the reasons it could not run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareRow {
    /// The policy, with the parameters used.
    pub policy: PolicySpec,
    /// The run's totals, or why it was skipped.
    pub outcome: Result<Totals, Skipped>,
    /// Whether it stopped before every thread finished.
    #[serde(default)]
    pub cut_short: Option<CutShort>,
}

/// `name` with `note` in its brackets: "RR (q=3; deadlock at t=8)", not "RR (q=3) (deadlock at
/// t=8)"; a name without brackets gets its own.
fn noted(name: &str, note: &str) -> String {
    match name.strip_suffix(')') {
        Some(open) if open.contains('(') => format!("{open}; {note})"),
        _ => format!("{name} ({note})"),
    }
}

impl CompareRow {
    /// The policy's name, with how the run was cut short if it was.
    pub fn label(&self, lang: Lang) -> String {
        let name = crate::terms::policy_label(&self.policy, lang);
        match self.cut_short {
            Some(cut) => noted(&name, &cut.words(lang)),
            None => name,
        }
    }

    /// The policy's name with a one-word mark if cut short, for the chart's narrow labels.
    pub fn short_label(&self, lang: Lang) -> String {
        let name = crate::terms::policy_label(&self.policy, lang);
        match self.cut_short {
            Some(cut) => noted(&name, cut.short(lang)),
            None => name,
        }
    }
}

/// The quantum the comparison's round-robin row ran with (the workload's own, or the default),
/// which the sweep marks so that its line and the row can be read together.
pub fn rr_quantum(rows: &[CompareRow]) -> Option<u64> {
    rows.iter().find_map(|row| match row.policy {
        PolicySpec::Rr { quantum } => Some(quantum),
        _ => None,
    })
}

/// Round robin with one quantum on the workload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SweepPoint {
    /// The quantum.
    pub quantum: u64,
    /// The run's totals, or why it was skipped.
    pub outcome: Result<Totals, Skipped>,
    /// Whether it stopped before every thread finished.
    #[serde(default)]
    pub cut_short: Option<CutShort>,
}

impl SweepPoint {
    /// The quantum as the sweep's table and CSV name it: with why its run was cut short, and
    /// whether it is `marked`, the quantum of the comparison's round robin ([`rr_quantum`]).
    pub fn label(&self, marked: Option<u64>, lang: Lang) -> String {
        let mut notes: Vec<String> = self.cut_short.iter().map(|cut| cut.words(lang)).collect();
        if marked == Some(self.quantum) {
            notes.push(text::ChartText::RrAbove.get(lang).to_string());
        }
        match notes.is_empty() {
            true => self.quantum.to_string(),
            false => format!("{} ({})", self.quantum, notes.join(", ")),
        }
    }
}

/// Most time slices one comparison run may need. The page runs the comparison in a worker, one
/// run at a time with its progress shown, so a large workload only takes longer; a run beyond
/// this (minutes of work, gigabytes of trace) is skipped as [`ScenarioError::TooManySlices`].
pub const COMPARE_MAX_SLICES: u64 = 2_000_000;

/// An upper estimate of the time slices of running `spec`'s workload under `policy`: every
/// burst once, plus every CPU burst cut into quanta.
pub fn estimated_slices(spec: &ScenarioSpec, policy: &PolicySpec) -> u64 {
    let quantum = policy.smallest_quantum().map(|quantum| quantum.max(1));
    all_bursts(spec).fold(0u64, |slices, burst| {
        let cut = match (burst, quantum) {
            (BurstSpec::Cpu(length), Some(quantum)) => length.div_ceil(quantum),
            _ => 0,
        };
        slices.saturating_add(cut).saturating_add(1)
    })
}

fn all_bursts(spec: &ScenarioSpec) -> impl Iterator<Item = BurstSpec> + '_ {
    spec.processes.iter().flat_map(|process| {
        let threads = process.threads.iter().flat_map(|thread| &thread.bursts);
        process.bursts.iter().chain(threads).cloned()
    })
}

fn totals_with(
    spec: &ScenarioSpec,
    policy: &PolicySpec,
) -> (Result<Totals, Skipped>, Option<CutShort>) {
    if estimated_slices(spec, policy) > COMPARE_MAX_SLICES {
        return (Err(Skipped::TooMuchWork), None);
    }
    let mut variant = spec.clone();
    variant.policy = policy.clone();
    match simulate_spec(&variant) {
        Ok(run) => (Ok(run.metrics().totals.clone()), CutShort::of(&run)),
        Err(error) => (skipped(error), None),
    }
}

/// Why a run the core refused is skipped.
fn skipped(errors: Vec<ScenarioError>) -> Result<Totals, Skipped> {
    if errors
        .iter()
        .any(|error| matches!(error, ScenarioError::TooManySlices { .. }))
    {
        Err(Skipped::TooMuchWork)
    } else {
        Err(Skipped::CouldNotRun)
    }
}

/// Runs every policy of [`proclab_core::compare::comparison_policies`] on the spec's workload, in that order.
pub fn compare_rows(spec: &ScenarioSpec) -> Vec<CompareRow> {
    Comparison::of(spec).rows
}

/// The quanta of the sweep: 1 up to the longest CPU burst, at most [`SWEEP_MAX_QUANTUM`]; for
/// threads that run programs (whose quantum counts instructions, and which have no bursts to
/// measure) 1 to [`PROGRAM_SWEEP_MAX_QUANTUM`].
pub fn sweep_range(spec: &ScenarioSpec) -> RangeInclusive<u64> {
    let longest = all_bursts(spec)
        .filter_map(|burst| match burst {
            BurstSpec::Cpu(length) => Some(length),
            _ => None,
        })
        .max();
    let programs = spec
        .processes
        .iter()
        .any(|process| !process.program.trim().is_empty());
    let longest = match (longest, programs) {
        (None, true) => PROGRAM_SWEEP_MAX_QUANTUM,
        (Some(longest), true) => longest.max(PROGRAM_SWEEP_MAX_QUANTUM),
        (longest, false) => longest.unwrap_or(1),
    };
    1..=longest.clamp(1, SWEEP_MAX_QUANTUM)
}

/// The largest quantum the sweep tries on threads that run programs.
pub const PROGRAM_SWEEP_MAX_QUANTUM: u64 = 10;

/// Round robin on the spec's workload for every quantum of [`sweep_range`].
pub fn quantum_sweep(spec: &ScenarioSpec) -> Vec<SweepPoint> {
    Comparison::of(spec).points
}

/// Both comparisons of one workload: every policy, and round robin at each quantum.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Every policy of [`proclab_core::compare::comparison_policies`], in that order.
    pub rows: Vec<CompareRow>,
    /// Round robin at every quantum of [`sweep_range`], in order.
    pub points: Vec<SweepPoint>,
}

impl Comparison {
    /// Runs every policy and the quantum sweep on `spec` (its policy only supplies parameters
    /// such as the RR quantum).
    pub fn of(spec: &ScenarioSpec) -> Comparison {
        let mut job = ComparisonJob::new(spec.clone());
        while job.step() {}
        job.finish()
    }
}

/// One run of a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Policy(PolicySpec),
    Quantum(u64),
}

/// A comparison computed one run at a time, so whoever runs it can report progress between runs
/// (and a worker can be stopped between them).
#[derive(Debug)]
pub struct ComparisonJob {
    spec: ScenarioSpec,
    steps: Vec<Step>,
    done: Comparison,
}

impl ComparisonJob {
    /// The runs `spec` needs, none run yet.
    pub fn new(spec: ScenarioSpec) -> ComparisonJob {
        let policies = proclab_core::compare::comparison_policies(&spec)
            .into_iter()
            .map(Step::Policy);
        let quanta = sweep_range(&spec).map(Step::Quantum);
        let mut steps: Vec<Step> = policies.chain(quanta).collect();
        steps.reverse();
        ComparisonJob {
            spec,
            steps,
            done: Comparison::default(),
        }
    }

    /// How many runs there are in all.
    pub fn total(&self) -> usize {
        self.steps.len() + self.finished()
    }

    /// How many runs are done.
    pub fn finished(&self) -> usize {
        self.done.rows.len() + self.done.points.len()
    }

    /// Does the next run; false when none was left.
    pub fn step(&mut self) -> bool {
        let Some(step) = self.steps.pop() else {
            return false;
        };
        match step {
            Step::Policy(policy) => {
                let (outcome, cut_short) = totals_with(&self.spec, &policy);
                self.done.rows.push(CompareRow {
                    policy,
                    outcome,
                    cut_short,
                })
            }
            Step::Quantum(quantum) => {
                let (outcome, cut_short) = totals_with(&self.spec, &PolicySpec::Rr { quantum });
                self.done.points.push(SweepPoint {
                    quantum,
                    outcome,
                    cut_short,
                })
            }
        }
        true
    }

    /// The comparison: complete once [`ComparisonJob::step`] has returned false.
    pub fn finish(self) -> Comparison {
        self.done
    }
}

/// Exact order of two ratios (both with a non-zero denominator, or both "no data").
pub fn ratio_order(left: &Ratio, right: &Ratio) -> Ordering {
    let left_scaled = u128::from(left.num) * u128::from(right.den);
    let right_scaled = u128::from(right.num) * u128::from(left.den);
    left_scaled.cmp(&right_scaled)
}

/// What the comparison runs with that the form may not be showing, in one paragraph: the
/// quantum it gives round robin when the workload's policy has none ([`quantum_note`]), and the
/// policies the workload cannot tell apart ([`uniform_note`]).
pub fn compare_note(spec: &ScenarioSpec, lang: Lang) -> Option<String> {
    let notes: Vec<String> = [quantum_note(spec, lang), uniform_note(spec, lang)]
        .into_iter()
        .flatten()
        .collect();
    (!notes.is_empty()).then(|| notes.join(" "))
}

/// The quantum round robin, lottery and MLQ's top queue run with when the workload's policy has
/// none to give them (the default). A quantum typed under RR and left behind when the student
/// picked another policy is not in the workload, and not in its link: the comparison uses the
/// default, and says so.
pub fn quantum_note(spec: &ScenarioSpec, lang: Lang) -> Option<String> {
    if matches!(
        spec.policy,
        PolicySpec::Rr { .. } | PolicySpec::Lottery { .. }
    ) {
        return None;
    }
    let q = DEFAULT_QUANTUM;
    // An MLQ workload's own queues are compared as they are; another policy's MLQ row is built
    // with round robin on top, at the same default. MLFQ has quanta of its own, but not one to
    // lend (the note had said the policy picked has none).
    enum Own {
        Queues,
        Levels,
        Nothing,
    }
    let own = match spec.policy {
        PolicySpec::Mlq { .. } => Own::Queues,
        PolicySpec::Mlfq { .. } => Own::Levels,
        _ => Own::Nothing,
    };
    Some(match (lang, own) {
        (Lang::Ko, Own::Nothing) => format!(
            "지금 고른 정책에는 타임 퀀텀이 없어, 여기서 RR과 로터리, MLQ의 맨 위 큐는 기본값 q = {q}로 돕니다. 다른 퀀텀과 비교하려면 RR을 골라 퀀텀을 정하거나, 아래의 퀀텀에 따른 변화를 보세요."
        ),
        (Lang::Ko, Own::Queues) => format!(
            "RR과 로터리에는 MLQ의 퀀텀이 아니라 기본값 q = {q}를 씁니다. 다른 퀀텀과 비교하려면 RR을 골라 퀀텀을 정하거나, 아래의 퀀텀에 따른 변화를 보세요."
        ),
        (Lang::Ko, Own::Levels) => format!(
            "RR과 로터리, MLQ의 맨 위 큐에는 MLFQ 단계의 퀀텀이 아니라 기본값 q = {q}를 씁니다. 다른 퀀텀과 비교하려면 RR을 골라 퀀텀을 정하거나, 아래의 퀀텀에 따른 변화를 보세요."
        ),
        (Lang::En, Own::Nothing) => format!(
            "The policy picked has no quantum, so round robin, lottery and MLQ's top queue run here with the default q = {q}. To compare another quantum, pick RR and set it, or read the effect of the quantum below."
        ),
        (Lang::En, Own::Queues) => format!(
            "Round robin and lottery run here with the default q = {q}, not the MLQ's own quanta. To compare another quantum, pick RR and set it, or read the effect of the quantum below."
        ),
        (Lang::En, Own::Levels) => format!(
            "Round robin, lottery and MLQ's top queue run here with the default q = {q}, not the MLFQ levels' own quanta. To compare another quantum, pick RR and set it, or read the effect of the quantum below."
        ),
    })
}

/// The policies the workload cannot tell apart: when every process has the
/// same priority, Priority is FCFS here; when every process is in the same class, MLQ is its
/// one queue. `None` when the workload sets both.
pub fn uniform_note(spec: &ScenarioSpec, lang: Lang) -> Option<String> {
    let same = |value: fn(&proclab_core::ProcessSpec) -> u32| {
        spec.processes
            .windows(2)
            .all(|pair| value(&pair[0]) == value(&pair[1]))
    };
    let priority = same(|process| process.priority);
    let class = same(|process| process.class);
    let [ko, en] = match (priority, class) {
        (true, true) => [
            "여기서는 모든 프로세스의 우선순위가 같아 우선순위 스케줄링이 FCFS와 같고, 클래스도 같아 MLQ는 큐 하나로 돕니다. 다르게 보려면 우선순위 정책이나 MLQ를 골라 그 열에서 값을 바꾸세요.",
            "Here every process has the same priority, so Priority runs as FCFS, and the same class, so MLQ runs as its one queue. To see them differ, pick Priority or MLQ and set that column in the workload.",
        ],
        (true, false) => [
            "여기서는 모든 프로세스의 우선순위가 같아 우선순위 스케줄링이 FCFS와 같습니다. 다르게 보려면 우선순위 정책을 골라 우선순위 열을 바꾸세요.",
            "Here every process has the same priority, so Priority runs as FCFS. To see it differ, pick Priority and set the priority column.",
        ],
        (false, true) => [
            "여기서는 모든 프로세스의 클래스가 같아 MLQ는 큐 하나로 돕니다. 다르게 보려면 MLQ를 골라 클래스 열을 바꾸세요.",
            "Here every process is in the same class, so MLQ runs as its one queue. To see it differ, pick MLQ and set the class column.",
        ],
        (false, false) => return None,
    };
    Some(String::from(lang.pick([ko, en])))
}

/// One sentence: which policy waits least and which most.
pub fn compare_takeaway(rows: &[CompareRow], lang: Lang) -> String {
    // A run cut short (a deadlock, the instruction budget) has times that stop there: shorter,
    // not better. It is named apart, never the lowest or the highest.
    let cut: Vec<String> = rows
        .iter()
        .filter(|row| row.outcome.is_ok() && row.cut_short.is_some())
        .map(|row| row.label(lang))
        .collect();
    let ran: Vec<(&PolicySpec, &Totals)> = rows
        .iter()
        .filter(|row| row.cut_short.is_none())
        .filter_map(|row| {
            row.outcome
                .as_ref()
                .ok()
                .map(|totals| (&row.policy, totals))
        })
        .collect();
    let cut_sentence = match cut.len() {
        0 => String::new(),
        count => lang.pick([
            format!(
                " 끝까지 실행되지 못한 정책 {count}개는 그 시각까지만 재므로 비교에서 뺐습니다: {}.",
                cut.join(", ")
            ),
            format!(
                " Left out, as they stopped before every thread finished (their times end there): {}.",
                cut.join(", ")
            ),
        ]),
    };
    let by_waiting = |left: &&(&PolicySpec, &Totals), right: &&(&PolicySpec, &Totals)| {
        ratio_order(&left.1.average_waiting, &right.1.average_waiting)
    };
    let (Some(best), Some(worst)) = (ran.iter().min_by(by_waiting), ran.iter().max_by(by_waiting))
    else {
        let nothing = text::ChartText::NothingToCompare.get(lang);
        return format!("{nothing}{cut_sentence}");
    };
    // Every policy that ties is named, in table order.
    let names = |at: &(&PolicySpec, &Totals)| {
        ran.iter()
            .filter(|each| by_waiting(each, &at) == Ordering::Equal)
            .map(|each| crate::terms::policy_label(each.0, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let best_name = names(best);
    let worst_name = names(worst);
    let sentence = text::compare_sentence(
        (&best_name, &best.1.average_waiting.to_string()),
        (&worst_name, &worst.1.average_waiting.to_string()),
        ran.len(),
        rows.len() - ran.len() - cut.len(),
        lang,
    );
    let summed = rows
        .iter()
        .filter_map(|row| row.outcome.as_ref().ok())
        .any(waits_exceed_turnaround);
    let why = if summed {
        lang.pick(text::SUMMED_WAITS)
    } else {
        ""
    };
    format!("{sentence}{cut_sentence}{why}")
}

/// Average waiting above average turnaround: possible when processes have several threads.
pub fn waits_exceed_turnaround(totals: &Totals) -> bool {
    u128::from(totals.average_waiting.num) * u128::from(totals.average_turnaround.den)
        > u128::from(totals.average_turnaround.num) * u128::from(totals.average_waiting.den)
}

/// The quanta of the sweep that ran, with their totals.
pub fn ran(points: &[SweepPoint]) -> Vec<(u64, &Totals)> {
    points
        .iter()
        .filter_map(|point| {
            point
                .outcome
                .as_ref()
                .ok()
                .map(|totals| (point.quantum, totals))
        })
        .collect()
}

/// One sentence: where round robin waits least and how context switches change.
pub fn sweep_takeaway(points: &[SweepPoint], lang: Lang) -> String {
    let ran = ran(points);
    let (Some(first), Some(last)) = (ran.first(), ran.last()) else {
        return String::from(text::ChartText::NothingToCompare.get(lang));
    };
    // The lowest waiting among the runs that finished: a run cut short stops its clocks early.
    let cut: Vec<String> = points
        .iter()
        .filter(|point| point.outcome.is_ok())
        .filter_map(|point| {
            point
                .cut_short
                .map(|cut| format!("q={} ({})", point.quantum, cut.words(lang)))
        })
        .collect();
    let finished = |quantum: u64| {
        points
            .iter()
            .any(|point| point.quantum == quantum && point.cut_short.is_none())
    };
    let best = ran
        .iter()
        .filter(|point| finished(point.0))
        .min_by(|left, right| ratio_order(&left.1.average_waiting, &right.1.average_waiting));
    let cut_sentence = match cut.is_empty() {
        true => String::new(),
        false => lang.pick([
            format!(" 끝까지 실행되지 못함: {}.", cut.join(", ")),
            format!(" Cut short: {}.", cut.join(", ")),
        ]),
    };
    let Some(best) = best else {
        let nothing = text::ChartText::NothingToCompare.get(lang);
        return format!("{nothing}{cut_sentence}");
    };
    let sentence = text::sweep_sentence(
        &SweepSummary {
            range: (first.0, last.0),
            // Every quantum as good as the best (a tie is said, not settled by the order).
            best: (
                ran.iter()
                    .filter(|point| finished(point.0))
                    .filter(|point| {
                        ratio_order(&point.1.average_waiting, &best.1.average_waiting).is_eq()
                    })
                    .map(|point| point.0)
                    .collect(),
                best.1.average_waiting.to_string(),
            ),
            switches: (first.1.context_switches, last.1.context_switches),
        },
        lang,
    );
    let why = if ran.iter().any(|point| waits_exceed_turnaround(point.1)) {
        lang.pick(text::SUMMED_WAITS)
    } else {
        ""
    };
    format!("{sentence}{cut_sentence}{why}")
}
