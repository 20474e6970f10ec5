//! A cheap, deterministic fuzz run inside the normal tests: random bytes and mutated JSON go
//! through parse, validation and simulation, which must never panic. (The real fuzz target is
//! `fuzz/fuzz_targets/scenario.rs`.)

use proclab_core::rng::Pcg32;
use proclab_core::{simulate, Scenario, ScenarioSpec};

const SEED_JSON: &str = r#"{"version":1,"processes":[
 {"name":"A","arrival":0,"priority":2,"class":0,"bursts":[{"cpu":5},{"io":3},{"cpu":2}]},
 {"name":"B","arrival":1,"priority":1,"class":1,"bursts":[{"cpu":3}]},
 {"arrival":2,"threads":[{"bursts":[{"cpu":2},{"io":1},{"cpu":1}]},{"bursts":[{"cpu":4}]}]}],
 "policy":{"kind":"mlfq","levels":[{"quantum":2,"allotment":1},{"quantum":4,"allotment":2},{"quantum":null,"allotment":1}],"boost_period":10,"io_bump":true},
 "conventions":{"requeue_order":"before_arrivals","io_completion":"preempt"},
 "machine":{"cpus":2,"dispatch_latency":1,"thread_switch_latency":0,"cache":{"enabled":true,"capacity":6,"refill_per_unit":1}},
 "seed":7}"#;

fn exercise(bytes: &[u8]) {
    if let Ok(spec) = serde_json::from_slice::<ScenarioSpec>(bytes) {
        if let Ok(scenario) = Scenario::new(&spec) {
            let run = simulate(&scenario);
            let _ = run.state_at(run.end_tick() / 2);
            let _ = proclab_core::render::answer_key(&run);
        }
    }
}

#[test]
fn the_seed_document_is_valid() {
    let spec: ScenarioSpec = serde_json::from_str(SEED_JSON).expect("parses");
    assert!(Scenario::new(&spec).is_ok());
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Pcg32::new(1, 2);
    for _ in 0..2000 {
        let length = rng.below(64) as usize;
        let bytes: Vec<u8> = (0..length).map(|_| rng.next_u32() as u8).collect();
        exercise(&bytes);
    }
}

#[test]
fn mutated_json_never_panics() {
    let mut rng = Pcg32::new(3, 4);
    let interesting: [&[u8]; 12] = [
        b"0",
        b"1",
        b"-1",
        b"4294967296",
        b"18446744073709551615",
        b"1000000000",
        b"null",
        b"true",
        b"[]",
        b"{}",
        b"\"io\"",
        b"99999",
    ];
    for _ in 0..3000 {
        let mut bytes = SEED_JSON.as_bytes().to_vec();
        for _ in 0..1 + rng.below(4) {
            let position = rng.below(bytes.len() as u64) as usize;
            match rng.below(4) {
                0 => {
                    bytes[position] = rng.next_u32() as u8;
                }
                1 => {
                    bytes.remove(position);
                }
                2 => {
                    let insert = interesting[rng.below(interesting.len() as u64) as usize];
                    bytes.splice(position..position, insert.iter().copied());
                }
                _ => {
                    // Replace a run of digits with an interesting number.
                    let end = (position..bytes.len())
                        .find(|index| !bytes[*index].is_ascii_digit())
                        .unwrap_or(bytes.len());
                    if end > position {
                        let insert = interesting[rng.below(6) as usize];
                        bytes.splice(position..end, insert.iter().copied());
                    }
                }
            }
        }
        exercise(&bytes);
    }
}
