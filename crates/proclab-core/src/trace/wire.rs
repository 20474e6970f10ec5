//! The stored trace as plain 32-bit words, so a run computed in one place (the page's worker)
//! can be rebuilt in another (the page) without simulating again.
//!
//! Layout: `[entries, epochs]`, then four words per transition, then two per epoch:
//! - word 0: the tick's low 32 bits;
//! - word 1: thread slot (bits 0-15), CPU (16-23, `0xFF` none), the change's tag (24-31);
//! - words 2 and 3: the change's fields (see [`Change`]; a `Waits` stores its object's kind as
//!   its [`SyncKind::code`], so mutex 0 and semaphore 1 read as they did before conditions).
//!
//! Reading checks everything against the scenario (thread and CPU indices, tags, states, ticks
//! that never go back) and says what is wrong instead of building a run that is not one.

use alloc::vec::Vec;

use super::transition::{Change, Latency, Slot, Transition, Transitions};
use super::{PreemptReason, SyncKind};
use crate::scenario::Scenario;
use crate::ProcessState;

/// Why words could not be read back as a trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireError {
    /// Fewer or more words than the header says.
    Length,
    /// An entry names a thread, CPU, tag or state that does not exist.
    Entry {
        /// Which entry.
        index: usize,
    },
    /// An entry (or an executed instruction) is earlier than the one before it.
    Order {
        /// Which entry.
        index: usize,
    },
    /// An executed instruction of a run of programs names a thread, CPU, address, object or
    /// outcome that does not exist.
    Step {
        /// Which instruction, in execution order.
        index: usize,
    },
    /// A span of kernel time, the run's end or its deadlock report does not fit the scenario.
    Record,
}

const STATES: [ProcessState; 5] = [
    ProcessState::New,
    ProcessState::Ready,
    ProcessState::Running,
    ProcessState::Blocked,
    ProcessState::Exit,
];

const REASONS: [PreemptReason; 6] = [
    PreemptReason::HigherPriority,
    PreemptReason::ShorterRemaining,
    PreemptReason::HigherQueue,
    PreemptReason::IoBump,
    PreemptReason::IoCompletion,
    PreemptReason::Boost,
];

const LATENCIES: [Latency; 3] = [Latency::Zero, Latency::ThreadSwitch, Latency::Dispatch];

fn code<T: PartialEq>(table: &[T], value: &T) -> u32 {
    table.iter().position(|entry| entry == value).unwrap_or(0) as u32
}

fn decode<T: Copy>(table: &[T], code: u32) -> Option<T> {
    table.get(code as usize).copied()
}

/// The change's tag and its two words.
fn change_words(change: Change) -> (u32, u32, u32) {
    match change {
        Change::Admitted => (0, 0, 0),
        Change::Dispatched {
            cold,
            saved,
            latency,
        } => (
            1,
            cold,
            u32::from(saved.raw()) | (code(&LATENCIES, &latency) << 16),
        ),
        Change::QuantumExpired => (2, 0, 0),
        Change::Preempted { by, reason } => (3, u32::from(by.raw()), code(&REASONS, &reason)),
        Change::IoRequested { length } => (4, length, 0),
        Change::IoCompleted => (5, 0, 0),
        Change::Exited => (6, 0, 0),
        Change::Waits { kind, object } => (9, kind.code(), u32::from(object)),
        Change::Woken { by } => (10, u32::from(by.raw()), 0),
        Change::Boosted { state } => (7, code(&STATES, &state), 0),
        Change::Demoted { state, level } => (8, code(&STATES, &state), u32::from(level)),
    }
}

impl Transitions {
    /// The transitions as words (layout in the module's documentation).
    pub(crate) fn to_words(&self) -> Vec<u32> {
        let entries = self.entries();
        let epochs = self.epochs();
        let mut words = Vec::with_capacity(2 + 4 * entries.len() + 2 * epochs.len());
        words.push(entries.len() as u32);
        words.push(epochs.len() as u32);
        for entry in entries {
            let (tag, first, second) = change_words(entry.change);
            words.push(entry.tick_low());
            words.push(
                u32::from(entry.slot().raw()) | (u32::from(entry.cpu_byte()) << 16) | (tag << 24),
            );
            words.push(first);
            words.push(second);
        }
        for (index, high) in epochs {
            words.push(*index);
            words.push(*high);
        }
        words
    }

    /// Reads words written by [`Transitions::to_words`] for a run of `scenario`.
    pub(crate) fn from_words(words: &[u32], scenario: &Scenario) -> Result<Transitions, WireError> {
        let (&count, &epoch_count) = match words {
            [count, epochs, ..] => (count, epochs),
            _ => return Err(WireError::Length),
        };
        let (count, epoch_count) = (count as usize, epoch_count as usize);
        let expected = count
            .checked_mul(4)
            .and_then(|entries| entries.checked_add(epoch_count.checked_mul(2)?))
            .and_then(|body| body.checked_add(2));
        if expected != Some(words.len()) {
            return Err(WireError::Length);
        }
        let threads = scenario.threads().len();
        let cpus = scenario.machine().cpus as usize;
        let thread = |raw: u32, none_allowed: bool| -> Option<Slot> {
            let slot = Slot::from_raw(u16::try_from(raw).ok()?);
            match slot.option() {
                None if none_allowed => Some(slot),
                Some(index) if index.slot() < threads => Some(slot),
                _ => None,
            }
        };
        let body = &words[2..2 + 4 * count];
        let mut entries = Vec::with_capacity(count);
        for (index, chunk) in body.chunks_exact(4).enumerate() {
            let [tick_low, packed, first, second] = [chunk[0], chunk[1], chunk[2], chunk[3]];
            let bad = WireError::Entry { index };
            let slot = thread(packed & 0xFFFF, false).ok_or(bad)?;
            let cpu = ((packed >> 16) & 0xFF) as u8;
            if cpu != Transition::NO_CPU && usize::from(cpu) >= cpus {
                return Err(bad);
            }
            let change = match packed >> 24 {
                0 => Change::Admitted,
                1 => Change::Dispatched {
                    cold: first,
                    saved: thread(second & 0xFFFF, true).ok_or(bad)?,
                    latency: decode(&LATENCIES, second >> 16).ok_or(bad)?,
                },
                2 => Change::QuantumExpired,
                3 => Change::Preempted {
                    by: thread(first, false).ok_or(bad)?,
                    reason: decode(&REASONS, second).ok_or(bad)?,
                },
                4 => Change::IoRequested { length: first },
                5 => Change::IoCompleted,
                6 => Change::Exited,
                7 => Change::Boosted {
                    state: decode(&STATES, first).ok_or(bad)?,
                },
                8 => Change::Demoted {
                    state: decode(&STATES, first).ok_or(bad)?,
                    level: u8::try_from(second).map_err(|_| bad)?,
                },
                9 => Change::Waits {
                    kind: decode(&SyncKind::ALL, first).ok_or(bad)?,
                    object: u16::try_from(second).map_err(|_| bad)?,
                },
                10 => Change::Woken {
                    by: thread(first, false).ok_or(bad)?,
                },
                _ => return Err(bad),
            };
            entries.push(Transition::from_parts(tick_low, slot, cpu, change));
        }
        let epochs: Vec<(u32, u32)> = words[2 + 4 * count..]
            .chunks_exact(2)
            .map(|pair| (pair[0], pair[1]))
            .collect();
        let transitions = Transitions::from_parts(entries, epochs);
        for index in 1..transitions.len() {
            if transitions.tick(index) < transitions.tick(index - 1) {
                return Err(WireError::Order { index });
            }
        }
        Ok(transitions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{ProcessSpec, ScenarioSpec};
    use crate::task::ThreadIx;

    #[test]
    fn a_wait_keeps_its_object_kind_and_an_unknown_kind_is_refused() {
        let spec = ScenarioSpec {
            processes: alloc::vec![ProcessSpec {
                program: "halt".into(),
                ..ProcessSpec::default()
            }],
            ..ScenarioSpec::default()
        };
        let scenario = Scenario::new(&spec).expect("valid");
        let mut transitions = Transitions::default();
        for (tick, kind) in SyncKind::ALL.into_iter().enumerate() {
            let change = Change::Waits { kind, object: 3 };
            transitions.push(tick as u64, ThreadIx(0), None, change);
        }
        let words = transitions.to_words();
        let back = Transitions::from_words(&words, &scenario).expect("reads back");
        assert_eq!(back.entries(), transitions.entries());
        // Entry i's first field is word 4 + 4i: a mutex is 0 and a semaphore 1, as when the
        // field was a flag "semaphore".
        assert_eq!(
            [words[4], words[8], words[12], words[16], words[20], words[24], words[28]],
            [0, 1, 2, 3, 4, 5, 6]
        );
        let mut broken = words.clone();
        broken[12] = 7;
        assert_eq!(
            Transitions::from_words(&broken, &scenario).err(),
            Some(WireError::Entry { index: 2 })
        );
    }
}
