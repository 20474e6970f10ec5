//! Parse, validate and simulate arbitrary bytes: nothing may panic, and every accepted
//! scenario must satisfy the accounting identity and replay identically (in the warm-up cache
//! model too).
#![no_main]

use libfuzzer_sys::fuzz_target;
use proclab_core::{simulate, Scenario, ScenarioSpec};

fuzz_target!(|data: &[u8]| {
    let Ok(spec) = serde_json::from_slice::<ScenarioSpec>(data) else {
        return;
    };
    let Ok(scenario) = Scenario::new(&spec) else {
        return;
    };
    let run = simulate(&scenario);
    for thread in &run.metrics().threads {
        assert_eq!(
            thread.turnaround,
            thread.cpu + thread.io + thread.blocked + thread.waiting + thread.switch + thread.stall
        );
    }
    let _ = run.state_at(run.end_tick() / 2);
    assert_eq!(simulate(&scenario).events(), run.events());
    // The warm-up cache model runs apart: it must end too, and repeat exactly.
    if let Some(warm) = proclab_core::warmup::simulate(&scenario) {
        assert_eq!(proclab_core::warmup::simulate(&scenario), Some(warm));
    }
});
