//! The small words under a thread's name in a ready queue and beside it on its CPU: what the
//! policy picks it by, so a student can see why the head of the queue runs next and why an
//! arrival preempts (or not) the thread on the CPU.

use alloc::format;
use alloc::string::String;
use proclab_core::state::Tcb;
use proclab_core::{PolicySpec, ProcessState};

use crate::sizing::slice_words;

/// What a policy orders its ready threads by, as the picture marks it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TurnKey {
    /// Nothing a mark can say (FCFS takes arrivals in order).
    None,
    /// The time slice left (`q3`) and, on a multilevel feedback queue, the allotment left
    /// (`a2`): round robin, lottery, MLQ and MLFQ.
    #[default]
    Slice,
    /// The CPU burst left (`r3`): SJF and SRTF pick the smallest.
    BurstLeft,
    /// The predicted length of the next CPU burst (`τ4.5`): SJF with exponential averaging.
    Predicted,
    /// The priority number (`p2`), as aging has moved it; `lower_first` when the lowest number
    /// runs first.
    Priority { lower_first: bool },
    /// HRRN's response ratio (W + S) / S as a fraction over the next CPU burst (`R8/3`: waited
    /// 5, burst 3); the highest runs next. Only waiting threads have one (HRRN does not preempt).
    Ratio,
}

impl TurnKey {
    /// The key `policy` orders its ready threads by.
    pub fn of(policy: &PolicySpec) -> TurnKey {
        match policy {
            PolicySpec::Fcfs => TurnKey::None,
            PolicySpec::Hrrn => TurnKey::Ratio,
            PolicySpec::Sjf {
                prediction: Some(_),
            } => TurnKey::Predicted,
            PolicySpec::Sjf { prediction: None } | PolicySpec::Srtf => TurnKey::BurstLeft,
            PolicySpec::Priority {
                lower_is_higher, ..
            } => TurnKey::Priority {
                lower_first: *lower_is_higher,
            },
            PolicySpec::Rr { .. }
            | PolicySpec::Lottery { .. }
            | PolicySpec::Mlq { .. }
            | PolicySpec::Mlfq(_) => TurnKey::Slice,
        }
    }

    /// The words under a ready thread's name (empty when there is nothing to say). On a
    /// multilevel queue (`multilevel`) a slice mark adds the allotment left.
    pub fn queued(self, tcb: &Tcb, multilevel: bool) -> String {
        match self {
            // A slice used up is renewed at the next dispatch: "q0" would read as no time at
            // all (a preempted thread's slice left stays shown).
            TurnKey::Slice => slice_words(
                tcb.quantum_left.filter(|left| *left > 0),
                multilevel.then_some(tcb.allotment_left),
            ),
            TurnKey::Ratio => match (tcb.ratio_wait, tcb.next_cpu_burst) {
                (Some(wait), burst) if burst > 0 && tcb.state == ProcessState::Ready => {
                    format!("R{}/{burst}", wait + burst)
                }
                _ => String::new(),
            },
            _ => self.running(tcb),
        }
    }

    /// The words beside the thread a CPU runs (empty when there is nothing to say): its slice
    /// left, or what the policy compares an arrival's with.
    pub fn running(self, tcb: &Tcb) -> String {
        match self {
            // HRRN compares waiting threads only: the running one keeps its CPU.
            TurnKey::None | TurnKey::Ratio => String::new(),
            TurnKey::Slice => tcb
                .quantum_left
                .filter(|left| *left > 0)
                .map(|left| slice_words(Some(left), None))
                .unwrap_or_default(),
            TurnKey::BurstLeft => format!("r{}", tcb.next_cpu_burst),
            TurnKey::Predicted => tcb
                .predicted_milli
                .map(|milli| format!("τ{}", thousandths(milli)))
                .unwrap_or_default(),
            // Aged, where aging has moved it: the number the policy compares.
            TurnKey::Priority { .. } => {
                format!("p{}", tcb.aged_priority.unwrap_or(tcb.priority))
            }
        }
    }
}

/// `milli` thousandths as a decimal without trailing zeros: 4500 is `4.5`, 4000 is `4`.
fn thousandths(milli: u64) -> String {
    let (whole, part) = (milli / 1000, milli % 1000);
    if part == 0 {
        return format!("{whole}");
    }
    let digits = format!("{part:03}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::thousandths;

    #[test]
    fn thousandths_drop_their_trailing_zeros() {
        assert_eq!(thousandths(4500), "4.5");
        assert_eq!(thousandths(4000), "4");
        assert_eq!(thousandths(4025), "4.025");
        assert_eq!(thousandths(7), "0.007");
    }
}
