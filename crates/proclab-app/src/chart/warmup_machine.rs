//! The warm-up model's machine view: the picture of the machine at a tick
//! ([`machine_scene`]: the core's [`proclab_core::warmup::state_at`] laid out by
//! [`proclab_view::warmup_scene`] with the reader's words) and its playback ([`WarmupPlayback`]:
//! play, pause, step and scrub through the run's ticks), as pure functions the page and the
//! native tests share.

use proclab_core::warmup::WarmupState;
use proclab_core::Scenario;
use proclab_view::{warmup_scene, WarmupScene, WarmupWords};

use crate::lang::Lang;

/// The words of the machine view's canvas ([`proclab_view::warmup_scene`]).
pub fn machine_words(lang: Lang) -> WarmupWords {
    let pick = |words: [&str; 2]| String::from(lang.pick(words));
    WarmupWords {
        tick: pick(["틱", "Tick"]),
        idle: pick(["쉼", "idle"]),
        cold: pick(["차가움", "cold"]),
        warm: pick(["따뜻함", "warm"]),
        left: pick(["남음", "left"]),
        warming: pick(["예열", "warm-up"]),
        cache: pick(["캐시", "Cache"]),
        queue: pick(["큐", "Queue"]),
        shared_queue: pick(["공유 큐", "Shared queue"]),
        none: pick(["없음", "none"]),
    }
}

/// The machine view of `state`, `scenario`'s warm-up machine at a tick
/// ([`proclab_core::warmup::state_at`]), laid out with the reader's words for a box `width` CSS
/// pixels wide.
pub fn machine_scene(
    scenario: &Scenario,
    state: &WarmupState,
    lang: Lang,
    width: f32,
) -> WarmupScene {
    let names: Vec<String> = scenario
        .processes()
        .iter()
        .map(|process| process.name().to_string())
        .collect();
    warmup_scene(
        state,
        &names,
        scenario.machine().cache.warm_rate,
        &machine_words(lang),
        width,
    )
}

/// Where the machine view is in the run and whether it plays.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WarmupPlayback {
    /// The tick shown.
    pub tick: u64,
    pub playing: bool,
}

/// What the controls ask of the playback; `last` is the run's last tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarmupPlay {
    /// Play from here (from the start when at the last tick), or pause.
    Toggle {
        last: u64,
    },
    /// One tick back or on (pauses).
    Back,
    Forward {
        last: u64,
    },
    /// To a tick of the slider (pauses).
    Seek {
        tick: u64,
        last: u64,
    },
    /// The timer: one tick on; at the last tick playing stops.
    Advance {
        last: u64,
    },
}

impl WarmupPlayback {
    pub fn apply(self, action: WarmupPlay) -> WarmupPlayback {
        match action {
            WarmupPlay::Toggle { last } if !self.playing => WarmupPlayback {
                tick: if self.tick >= last { 0 } else { self.tick },
                playing: last > 0,
            },
            WarmupPlay::Toggle { .. } => WarmupPlayback {
                playing: false,
                ..self
            },
            WarmupPlay::Back => WarmupPlayback {
                tick: self.tick.saturating_sub(1),
                playing: false,
            },
            WarmupPlay::Forward { last } => WarmupPlayback {
                tick: (self.tick + 1).min(last),
                playing: false,
            },
            WarmupPlay::Seek { tick, last } => WarmupPlayback {
                tick: tick.min(last),
                playing: false,
            },
            WarmupPlay::Advance { last } => {
                let tick = (self.tick + 1).min(last);
                WarmupPlayback {
                    tick,
                    playing: self.playing && tick < last,
                }
            }
        }
    }
}

/// The caches and queues of `state` in words, the canvas's text equivalent: a sentence per CPU
/// (its cache's warm jobs against the capacity, the jobs warming there, its queue with per-CPU
/// queues), then the shared queue.
pub fn cache_lines(scenario: &Scenario, state: &WarmupState, lang: Lang) -> Vec<String> {
    let words = machine_words(lang);
    let name = |job: &u32| scenario.processes()[*job as usize].name().to_string();
    let list = |jobs: &[u32]| {
        if jobs.is_empty() {
            words.none.clone()
        } else {
            jobs.iter().map(name).collect::<Vec<_>>().join(", ")
        }
    };
    let mut lines: Vec<String> = state
        .cpus
        .iter()
        .enumerate()
        .map(|(cpu, shown)| {
            let used: u64 = shown
                .cached
                .iter()
                .map(|job| state.working_sets[*job as usize])
                .sum();
            let warming: Vec<String> = shown
                .warming
                .iter()
                .map(|(job, to_go)| {
                    let done = state.warmup_time.saturating_sub(*to_go);
                    format!("{} {done}/{}", name(job), state.warmup_time)
                })
                .collect();
            let warming = if warming.is_empty() {
                words.none.clone()
            } else {
                warming.join(", ")
            };
            let mut line = format!(
                "CPU{cpu}: {} {used}/{} ({}); {}: {warming}",
                words.cache,
                state.capacity,
                list(&shown.cached),
                words.warming
            );
            if state.per_cpu {
                line.push_str(&format!("; {}: {}", words.queue, list(&state.queues[cpu])));
            }
            line
        })
        .collect();
    if !state.per_cpu {
        let queue = state.queues.first().map(Vec::as_slice).unwrap_or(&[]);
        lines.push(format!("{}: {}", words.shared_queue, list(queue)));
    }
    lines
}

/// The canvas's `aria-label`: what it shows at `tick`.
pub fn canvas_label(tick: u64, lang: Lang) -> String {
    lang.pick([
        format!("틱 {tick}의 예열 캐시 모델 기계: CPU마다 실행 중인 작업(차가움은 줄무늬, 따뜻함은 칠함), 캐시 내용과 큐. 같은 내용이 아래 목록에 글로 있습니다."),
        format!("The warm-up model's machine at tick {tick}: each CPU's job (cold striped, warm solid), its cache and the queues. The lists below say the same in words."),
    ])
}
