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
