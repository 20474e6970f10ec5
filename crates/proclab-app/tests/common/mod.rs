//! What the app's tests share: a process written by hand, a preset's run, and the check that its
//! lesson quotes a figure.

use proclab_app::i18n::preset_text;
use proclab_app::lang::Lang;
use proclab_core::presets::{preset, PresetId};
use proclab_core::spec::{BurstSpec, ProcessSpec};
use proclab_core::{simulate_spec, Run};

/// A process named `name` arriving at `arrival` with `bursts`, the rest as defaults.
#[allow(dead_code)] // each test crate uses its own part of this module
pub fn process(name: &str, arrival: u64, bursts: &[BurstSpec]) -> ProcessSpec {
    ProcessSpec {
        name: name.into(),
        arrival,
        bursts: bursts.to_vec(),
        ..ProcessSpec::default()
    }
}

/// The run of preset `id`.
#[allow(dead_code)]
pub fn run(id: PresetId) -> Run {
    let spec = preset(id.as_str()).expect("a preset").spec;
    simulate_spec(&spec).expect("presets are valid")
}

/// The lesson of `id` quotes `figure` in every language.
#[allow(dead_code)] // each test crate uses its own part of this module
pub fn claim(id: PresetId, figure: String) {
    for lang in Lang::ALL {
        claim_in(id, lang, &figure);
    }
}

/// The lesson of `id` in `lang` quotes `figure`.
pub fn claim_in(id: PresetId, lang: Lang, figure: &str) {
    let (_, lesson) = preset_text(id, lang);
    assert!(
        lesson.contains(figure),
        "{id} ({lang:?}) should quote {figure:?}: {lesson}"
    );
}

/// `text` with its ASCII digits in full width (`１２`), as a Korean keyboard in full-width mode
/// types them.
#[allow(dead_code)] // each test crate uses its own part of this module
pub fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}
