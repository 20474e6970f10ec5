//! Determinism golden: a hash of the traces of fixed generated scenarios, for every policy.
//!
//! The same test runs natively and compiled to `wasm32-wasip1` under Node; both must produce the
//! golden value, which proves that native and wasm traces are identical. If a deliberate change
//! of semantics moves the value, update it together with `docs/semantics.md`.

mod common;

use common::{all_policies, random_scenario};
use proclab_core::spec::QueueTopology;
use proclab_core::{
    simulate, Cause, Event, GanttSlice, PreemptReason, ProcessState, Scenario, ScenarioSpec,
    SliceKind,
};

/// FNV-1a, 64 bits.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn word(&mut self, value: u64) {
        for byte in value.to_le_bytes() {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

fn state_code(state: ProcessState) -> u64 {
    match state {
        ProcessState::New => 0,
        ProcessState::Ready => 1,
        ProcessState::Running => 2,
        ProcessState::Blocked => 3,
        ProcessState::Exit => 4,
    }
}

fn reason_code(reason: PreemptReason) -> u64 {
    match reason {
        PreemptReason::HigherPriority => 0,
        PreemptReason::ShorterRemaining => 1,
        PreemptReason::HigherQueue => 2,
        PreemptReason::IoBump => 3,
        PreemptReason::IoCompletion => 4,
        PreemptReason::Boost => 5,
    }
}

/// A canonical encoding of one event: every field as a little-endian u64.
fn hash_event(hash: &mut Fnv, event: &Event) {
    hash.word(event.tick);
    hash.word(event.cpu.map_or(u64::MAX, u64::from));
    hash.word(u64::from(event.thread.pid));
    hash.word(u64::from(event.thread.tid));
    hash.word(state_code(event.from));
    hash.word(state_code(event.to));
    match event.cause {
        Cause::Admitted => hash.word(0),
        Cause::Dispatched {
            saved,
            latency,
            stall,
        } => {
            hash.word(1);
            hash.word(saved.map_or(u64::MAX, |thread| {
                (u64::from(thread.pid) << 32) | u64::from(thread.tid)
            }));
            hash.word(latency);
            hash.word(stall);
        }
        Cause::QuantumExpired => hash.word(2),
        Cause::Preempted { by, reason } => {
            hash.word(3);
            hash.word((u64::from(by.pid) << 32) | u64::from(by.tid));
            hash.word(reason_code(reason));
        }
        Cause::IoRequested { length } => {
            hash.word(4);
            hash.word(length);
        }
        Cause::IoCompleted => hash.word(5),
        Cause::Exited => hash.word(6),
        Cause::Boosted => hash.word(7),
        Cause::Demoted { level } => {
            hash.word(8);
            hash.word(u64::from(level));
        }
        Cause::Waits { object } => {
            hash.word(9);
            hash.word((u64::from(object.kind.code()) << 32) | u64::from(object.index));
        }
        Cause::Woken { by } => {
            hash.word(10);
            hash.word((u64::from(by.pid) << 32) | u64::from(by.tid));
        }
    }
}

fn hash_slice(hash: &mut Fnv, slice: &GanttSlice) {
    hash.word(u64::from(slice.cpu));
    hash.word(slice.start);
    hash.word(slice.end);
    match slice.kind {
        SliceKind::Run { thread } => {
            hash.word(10 + ((u64::from(thread.pid) << 32) | u64::from(thread.tid)))
        }
        SliceKind::Idle => hash.word(1),
        SliceKind::Dispatch { .. } => hash.word(2),
        SliceKind::CacheStall { .. } => hash.word(3),
    }
}

fn trace_hash() -> u64 {
    trace_hash_with(|spec| spec)
}

fn trace_hash_with(adjust: impl Fn(ScenarioSpec) -> ScenarioSpec) -> u64 {
    let mut hash = Fnv::new();
    for (policy_index, policy) in all_policies().into_iter().enumerate() {
        for seed in 0..8u64 {
            let spec = adjust(random_scenario(
                1000 + seed * 17 + policy_index as u64,
                policy.clone(),
            ));
            let run = simulate(&Scenario::new(&spec).expect("valid"));
            for event in run.events() {
                hash_event(&mut hash, event);
            }
            for slice in run.gantt() {
                hash_slice(&mut hash, slice);
            }
            hash.word(run.metrics().totals.average_waiting.num);
        }
    }
    hash.0
}

#[test]
fn traces_match_the_golden_hash_natively_and_in_wasm() {
    let hash = trace_hash();
    assert_eq!(hash, GOLDEN, "trace hash changed: {hash:#018x}");
}

const GOLDEN: u64 = 0x9587_b514_d484_798c;

/// The same scenarios with per-CPU ready queues (their own golden, so that adding the topology
/// left [`GOLDEN`] untouched).
#[test]
fn per_cpu_traces_match_their_golden_hash_natively_and_in_wasm() {
    let hash = trace_hash_with(|mut spec| {
        spec.machine.topology = QueueTopology::PerCpu;
        spec
    });
    assert_eq!(
        hash, GOLDEN_PER_CPU,
        "per-CPU trace hash changed: {hash:#018x}"
    );
}

const GOLDEN_PER_CPU: u64 = 0xf6f8_8068_8c29_54f8;
