//! Every number a preset's lesson states comes out of the engine: each claim below names the
//! figure the text quotes and recomputes it from the preset's own run, in both languages. (The
//! synchronization lesson's figures are in `sync_numbers.rs`.)

mod common;

use common::{claim, run};
use proclab_core::presets::{preset, PresetId};
use proclab_core::simulate_spec;

/// The figure as the lesson writes it: two decimals trimmed of trailing zeros (`17`, `6.5`, `5.67`).
fn written(ratio: impl ToString) -> String {
    let text = ratio.to_string();
    let text = text.trim_end_matches('0');
    text.trim_end_matches('.').to_string()
}

#[test]
fn every_quoted_figure_is_the_engines() {
    let average_waiting = |id| written(run(id).metrics().totals.average_waiting);
    claim(PresetId::FcfsConvoy, average_waiting(PresetId::FcfsConvoy));
    claim(PresetId::SrtfVsSjf, average_waiting(PresetId::SrtfVsSjf));
    claim(
        PresetId::RrSilberschatz,
        average_waiting(PresetId::RrSilberschatz),
    );
    claim(
        PresetId::SwitchProcesses,
        run(PresetId::SwitchProcesses).end_tick().to_string(),
    );
    claim(
        PresetId::SwitchThreads,
        run(PresetId::SwitchThreads).end_tick().to_string(),
    );
}

#[test]
fn the_convoy_lessons_other_order_is_computed_too() {
    // "3 if the short jobs went first": the same jobs with the long one arriving last.
    let mut spec = preset("fcfs-convoy").unwrap().spec;
    spec.processes.rotate_left(1);
    for (offset, process) in spec.processes.iter_mut().enumerate() {
        process.arrival = 0;
        process.name = format!("Q{offset}");
    }
    let waiting = written(
        simulate_spec(&spec)
            .unwrap()
            .metrics()
            .totals
            .average_waiting,
    );
    assert_eq!(waiting, "3");
    claim(PresetId::FcfsConvoy, waiting);
}

#[test]
fn a_tiny_quantum_spends_nearly_half_the_cpu_on_switches() {
    let run = run(PresetId::RrTinyQuantum);
    let totals = &run.metrics().totals;
    let busy = totals.switch_ticks as f64 / (totals.last_completion - totals.first_arrival) as f64;
    assert!((0.4..0.5).contains(&busy), "switching share {busy}");
}

/// The warm-up cache model's presets run in `proclab_core::warmup`, not the event engine: every
/// end, completion and warm percentage their lessons quote is recomputed from that model.
#[test]
fn every_figure_of_the_warm_up_lessons_is_the_models() {
    use proclab_core::warmup::{self, render, WarmupRun};
    use proclab_core::Scenario;
    let model = |id: PresetId| -> WarmupRun {
        let spec = preset(id.as_str()).expect("a preset").spec;
        warmup::simulate(&Scenario::new(&spec).expect("valid")).expect("warm-up model")
    };
    let end = |id: PresetId| model(id).end().to_string();
    let warm = |id: PresetId, cpu: usize| {
        let run = model(id);
        format!("{}%", render::percent(run.warm()[cpu], run.end()))
    };
    claim(
        PresetId::WarmupCacheTooSmall,
        end(PresetId::WarmupCacheTooSmall),
    );
    claim(
        PresetId::WarmupCacheTooSmall,
        warm(PresetId::WarmupCacheTooSmall, 0).replace(".00", ""),
    );
    claim(PresetId::WarmupCacheFits, end(PresetId::WarmupCacheFits));
    claim(
        PresetId::WarmupCacheFits,
        end(PresetId::WarmupCacheTooSmall),
    );
    claim(
        PresetId::WarmupCacheFits,
        warm(PresetId::WarmupCacheFits, 0),
    );
    claim(PresetId::WarmupTwoCpus, end(PresetId::WarmupTwoCpus));
    claim(
        PresetId::WarmupTwoCpusAffinity,
        end(PresetId::WarmupTwoCpusAffinity),
    );
    claim(
        PresetId::WarmupTwoCpusAffinity,
        end(PresetId::WarmupTwoCpus),
    );
    claim(
        PresetId::WarmupTwoCpusAffinity,
        model(PresetId::WarmupTwoCpusAffinity).completion()[0].to_string(),
    );
    claim(
        PresetId::WarmupTwoCpusAffinity,
        warm(PresetId::WarmupTwoCpusAffinity, 1),
    );
    claim(
        PresetId::WarmupPerCpuNoPeek,
        end(PresetId::WarmupPerCpuNoPeek),
    );
    claim(PresetId::WarmupPerCpuPeek, end(PresetId::WarmupPerCpuPeek));
    claim(
        PresetId::WarmupPerCpuPeek,
        end(PresetId::WarmupPerCpuNoPeek),
    );
    let peek = model(PresetId::WarmupPerCpuPeek);
    claim(PresetId::WarmupPerCpuPeek, peek.completion()[1].to_string());
    // "at 60 CPU 1 takes a": a (job 0) runs on CPU 1 from tick 60.
    assert_eq!(peek.tick(59)[1], None);
    assert_eq!(peek.tick(60)[1].map(|slot| slot.job), Some(0));
    claim(PresetId::Superlinear1Cpu, end(PresetId::Superlinear1Cpu));
    let (one, three) = (
        model(PresetId::Superlinear1Cpu),
        model(PresetId::Superlinear3Cpus),
    );
    claim(PresetId::Superlinear3Cpus, end(PresetId::Superlinear3Cpus));
    claim(PresetId::Superlinear3Cpus, end(PresetId::Superlinear1Cpu));
    // "5.45 times sooner": 300 / 55 to two decimals.
    let speedup = render::percent(one.end(), three.end() * 100);
    assert_eq!(speedup, "5.45");
    claim(PresetId::Superlinear3Cpus, speedup);
}

#[test]
fn the_warm_up_presets_have_words_and_stay_off_the_pages_list() {
    use proclab_app::i18n::preset_text;
    use proclab_app::lang::Lang;
    use proclab_core::presets::{presets, warmup_presets};
    assert_eq!(warmup_presets().len(), 8);
    for preset in warmup_presets() {
        assert!(presets().iter().all(|shown| shown.id != preset.id));
        for lang in Lang::ALL {
            let (title, lesson) = preset_text(preset.id, lang);
            assert!(!title.is_empty() && !lesson.is_empty(), "{}", preset.id);
        }
    }
}

#[test]
fn every_group_of_the_examples_menu_holds_examples_and_keeps_the_menu_order() {
    use proclab_app::i18n::{Lang, PresetGroup};
    let all: Vec<_> = proclab_core::presets::presets()
        .into_iter()
        .chain(proclab_core::presets::warmup_presets())
        .map(|preset| preset.id)
        .collect();
    for group in PresetGroup::ALL {
        assert!(
            all.iter().any(|id| PresetGroup::of(*id) == group),
            "{group:?} is empty"
        );
        assert_ne!(group.label(Lang::Ko), group.label(Lang::En));
    }
    // The warm-up examples are the last group, as they come last in the list.
    assert!(all
        .iter()
        .skip_while(|id| PresetGroup::of(**id) != PresetGroup::Warmup)
        .all(|id| PresetGroup::of(*id) == PresetGroup::Warmup));
}
