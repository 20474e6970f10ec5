//! The warm-up cache model's results as the page shows them, a pure function of the scenario and
//! the core's [`WarmupRun`]: a Gantt row per CPU whose segments tell cold running from warm
//! running, each job's completion, each CPU's utilisation and warm share, and the machine at a
//! tick in words. Every figure is read from the run; the percentages are the core's own
//! ([`proclab_core::warmup::render::percent`], as `multi.py -c` prints them).

use proclab_core::warmup::{render, WarmupRun};
use proclab_core::Scenario;

use super::palette::{self, Fill, Pattern};
use crate::lang::Lang;

/// Narrowest a tick is drawn, in CSS pixels: the chart's track is at least this wide per tick
/// (wider runs scroll sideways), so a label's room can be known without measuring.
pub const MIN_TICK_PX: u64 = 3;
/// Room a label takes beside its text (set at [`LABEL_TEXT_PX`], its width estimated generously
/// by [`proclab_view::text_width`]: a Hangul syllable takes a full em).
const LABEL_PADDING_PX: f64 = 6.0;
const LABEL_TEXT_PX: f32 = 12.0;
/// Most axis marks.
const MAX_MARKS: u64 = 10;
/// Most segments the page draws (each is an element): a run with more (the model allows two
/// million CPU-ticks) is given by its tables and its downloadable answer key instead.
pub const MAX_DRAWN_SEGMENTS: usize = 5_000;

/// One segment `[start, end)` of a CPU's row: a job running cold or warm, or the CPU idle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarmupSegment {
    pub start: u64,
    pub end: u64,
    /// The job (process index); `None`: idle.
    pub job: Option<u32>,
    /// True when the job ran warm (at the warm rate).
    pub warm: bool,
    /// The label as the answer key writes it (`a`, `a*` when warm, `-` idle).
    pub label: String,
    /// True when the label fits in the segment at [`MIN_TICK_PX`] per tick.
    pub label_fits: bool,
    /// How it is painted: warm is the job's colour, solid; cold is the same colour hatched.
    pub fill: Fill,
}

/// One job's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarmupJob {
    pub name: String,
    pub run_time: u64,
    pub working_set: u32,
    pub completion: u64,
    /// Completion minus arrival (every job arrives at 0 in this model).
    pub turnaround: u64,
    /// Ticks it ran warm and cold.
    pub warm_ticks: u64,
    pub cold_ticks: u64,
}

/// One CPU's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarmupCpu {
    pub cpu: u32,
    pub busy: u64,
    pub warm: u64,
    /// `busy / end` in percent, two decimals (`multi.py`'s figure).
    pub utilisation: String,
    /// `warm / end` in percent, two decimals.
    pub warm_share: String,
    pub segments: Vec<WarmupSegment>,
}

/// Everything the warm-up results panel shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WarmupChart {
    /// When the last job ended.
    pub end: u64,
    /// The warm rate (the legend says it).
    pub warm_rate: u64,
    pub cpus: Vec<WarmupCpu>,
    pub jobs: Vec<WarmupJob>,
    /// Axis marks (ticks), ending with [`WarmupChart::end`].
    pub marks: Vec<u64>,
    /// The Gantt lines of the command line's answer key, one per CPU (empty when not drawn).
    pub gantt_text: String,
    /// How many segments the run has when that is over [`MAX_DRAWN_SEGMENTS`]: then no CPU has
    /// its segments here and the chart is not drawn.
    pub too_many: Option<usize>,
}

/// The fill of a job's segment.
pub fn segment_fill(job: Option<u32>, warm: bool) -> Fill {
    match job {
        None => Fill {
            colour: palette::IDLE,
            pattern: Pattern::Solid,
            ink: palette::INK,
        },
        Some(job) if warm => Fill::solid(palette::process_colour(job)),
        Some(job) => Fill {
            colour: palette::process_colour(job),
            pattern: Pattern::Hatch,
            ink: palette::INK,
        },
    }
}

/// The panel's model of `run`, the warm-up run of `scenario`.
pub fn warmup_chart(scenario: &Scenario, run: &WarmupRun) -> WarmupChart {
    let processes = scenario.processes();
    let cpu_count = scenario.machine().cpus;
    let end = run.end();
    let mut warm_ticks = vec![0; processes.len()];
    let mut cold_ticks = vec![0; processes.len()];
    let mut cpus: Vec<WarmupCpu> = (0..cpu_count)
        .map(|cpu| WarmupCpu {
            cpu,
            busy: run.busy()[cpu as usize],
            warm: run.warm()[cpu as usize],
            utilisation: render::percent(run.busy()[cpu as usize], end),
            warm_share: render::percent(run.warm()[cpu as usize], end),
            segments: Vec::new(),
        })
        .collect();
    // Segments are counted as they start; past the most drawn, they are only counted.
    let mut segment_count = 0;
    let mut last: Vec<Option<(Option<u32>, bool)>> = vec![None; cpu_count as usize];
    for tick in 0..end {
        for (cpu, slot) in run.tick(tick).iter().enumerate() {
            let (job, warm) = match slot {
                Some(slot) => {
                    let counter = if slot.warm {
                        &mut warm_ticks
                    } else {
                        &mut cold_ticks
                    };
                    counter[slot.job as usize] += 1;
                    (Some(slot.job), slot.warm)
                }
                None => (None, false),
            };
            let continues = last[cpu] == Some((job, warm));
            if !continues {
                last[cpu] = Some((job, warm));
                segment_count += 1;
            }
            if segment_count > MAX_DRAWN_SEGMENTS {
                continue;
            }
            let segments = &mut cpus[cpu].segments;
            match segments.last_mut() {
                Some(last) if continues => last.end = tick + 1,
                _ => segments.push(WarmupSegment {
                    start: tick,
                    end: tick + 1,
                    job,
                    warm,
                    label: String::new(),
                    label_fits: false,
                    fill: segment_fill(job, warm),
                }),
            }
        }
    }
    let too_many = (segment_count > MAX_DRAWN_SEGMENTS).then_some(segment_count);
    if too_many.is_some() {
        for cpu in &mut cpus {
            cpu.segments = Vec::new();
        }
    }
    // Labels only for a chart that is drawn (a long run's millions of segments are not).
    for segment in cpus.iter_mut().flat_map(|cpu| cpu.segments.iter_mut()) {
        segment.label = match segment.job {
            Some(job) if segment.warm => format!("{}*", processes[job as usize].name()),
            Some(job) => processes[job as usize].name().to_string(),
            None => String::from("-"),
        };
        segment.label_fits = label_fits_at(segment, MIN_TICK_PX as f64);
    }
    let jobs = processes
        .iter()
        .enumerate()
        .map(|(job, process)| WarmupJob {
            name: process.name().to_string(),
            run_time: scenario.threads()[job].bursts()[0],
            working_set: process.working_set(),
            completion: run.completion()[job],
            turnaround: run.completion()[job] - process.arrival(),
            warm_ticks: warm_ticks[job],
            cold_ticks: cold_ticks[job],
        })
        .collect();
    WarmupChart {
        end,
        warm_rate: scenario.machine().cache.warm_rate,
        cpus,
        jobs,
        marks: axis_marks(end),
        gantt_text: if too_many.is_none() {
            render::gantt_lines(scenario, run)
        } else {
            String::new()
        },
        too_many,
    }
}

/// True when `segment`'s label fits in it with the chart drawn `scale` pixels per tick (the page
/// measures its chart; the model's [`WarmupSegment::label_fits`] is at the narrowest,
/// [`MIN_TICK_PX`]). An idle segment has no label.
pub fn label_fits_at(segment: &WarmupSegment, scale: f64) -> bool {
    let room = (segment.end - segment.start) as f64 * scale;
    let needed =
        f64::from(proclab_view::text_width(&segment.label, LABEL_TEXT_PX)) + LABEL_PADDING_PX;
    segment.job.is_some() && room >= needed
}

/// Marks at a round step (1, 2 or 5 times a power of ten) with at most [`MAX_MARKS`] steps, and
/// the end.
pub fn axis_marks(end: u64) -> Vec<u64> {
    let mut step = 1;
    'search: for scale in [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000] {
        for factor in [1, 2, 5] {
            step = factor * scale;
            if end.div_ceil(step) <= MAX_MARKS {
                break 'search;
            }
        }
    }
    let mut marks: Vec<u64> = (0..=end / step).map(|index| index * step).collect();
    // The end, unless a mark sits too close to it to read both.
    if let Some(last) = marks.last_mut() {
        if end - *last < step / 2 && *last != 0 {
            *last = end;
        } else if *last != end {
            marks.push(end);
        }
    }
    marks
}

/// The axis marks that can be read with the chart drawn `scale` pixels per tick: the end, and
/// each other mark whose number does not run into the next one kept (a mark's number is
/// centred on it, 12 px text, with 8 px between numbers).
pub fn readable_marks(marks: &[u64], scale: f64) -> Vec<u64> {
    let half = |mark: u64| f64::from(proclab_view::text_width(&mark.to_string(), 12.0)) / 2.0;
    let mut kept: Vec<u64> = Vec::new();
    for mark in marks.iter().rev() {
        let clear = kept
            .last()
            .is_none_or(|next| (next - mark) as f64 * scale >= half(*mark) + half(*next) + 8.0);
        if clear {
            kept.push(*mark);
        }
    }
    kept.reverse();
    kept
}

/// What each CPU does during `tick`, one sentence per CPU.
pub fn machine_at(scenario: &Scenario, run: &WarmupRun, tick: u64, lang: Lang) -> Vec<String> {
    let processes = scenario.processes();
    let rate = scenario.machine().cache.warm_rate;
    let slots = run.tick(tick);
    (0..scenario.machine().cpus as usize)
        .map(|cpu| match slots.get(cpu).copied().flatten() {
            None => lang.pick([
                format!("CPU{cpu}: 쉼"),
                format!("CPU{cpu}: idle"),
            ]),
            Some(slot) => {
                let name = processes[slot.job as usize].name();
                let left = slot.left;
                if slot.warm {
                    lang.pick([
                        format!("CPU{cpu}: {name} 실행, 캐시 따뜻함(속도 {rate}), 이 틱 뒤 남은 시간 {left}"),
                        format!("CPU{cpu}: {name} runs warm (rate {rate}); {left} left after this tick"),
                    ])
                } else {
                    lang.pick([
                        format!("CPU{cpu}: {name} 실행, 캐시 차가움(속도 1), 이 틱 뒤 남은 시간 {left}"),
                        format!("CPU{cpu}: {name} runs cold (rate 1); {left} left after this tick"),
                    ])
                }
            }
        })
        .collect()
}

/// The chart's takeaway for its `aria-label`: when it ends and how warm each CPU ran.
pub fn takeaway(chart: &WarmupChart, lang: Lang) -> String {
    let end = chart.end;
    let shares: Vec<String> = chart
        .cpus
        .iter()
        .map(|cpu| format!("CPU{} {} %", cpu.cpu, cpu.warm_share))
        .collect();
    let shares = shares.join(", ");
    lang.pick([
        format!("예열 캐시 모델의 간트 차트: {end}틱에 모두 끝납니다. 따뜻하게 돈 시간: {shares}."),
        format!("Gantt chart of the warm-up cache model: everything ends at {end}. Time run warm: {shares}."),
    ])
}

/// The legend's entry for warm running.
pub fn legend_warm(rate: u64, lang: Lang) -> String {
    lang.pick([
        format!("칠함, 이름에 * = 따뜻한 캐시로 실행 (속도 {rate})"),
        format!("Solid, name with * = running on a warm cache (rate {rate})"),
    ])
}

/// Why the chart is not drawn.
pub fn too_many_words(segments: usize, lang: Lang) -> String {
    lang.pick([
        format!("구간이 {segments}개라 차트로 그리지 않습니다(최대 {MAX_DRAWN_SEGMENTS}개). 아래 표와 답 텍스트 내려받기에 모든 수치가 있습니다."),
        format!("This run has {segments} slices, too many to draw (at most {MAX_DRAWN_SEGMENTS}); the tables below and the answer key download have every figure."),
    ])
}
