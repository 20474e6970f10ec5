//! Practice: scheduling exercises a student computes by hand and checks cell by cell.
//!
//! [`exercise`] makes an exercise from a seed, a topic and a difficulty and runs it; [`grade`]
//! marks a typed [`grade::Answer`] against that run (right, consistent with an earlier slip,
//! wrong); [`explain`] says why the first wrong decision is what the engine did, from the trace's
//! causes, and gives hints one decision at a time; [`set`] is the link of a set of exercises and
//! the exports; [`text`] holds the section's words; [`race`] is the racing counter, whose two
//! questions are graded by running the instruction machine; [`mlfq`] asks the level of every job
//! of a multilevel feedback queue at one tick, graded from the core's state at that tick;
//! [`switch`] asks the PC and registers saved and loaded at one context switch;
//! [`summary`] counts a checked answer's cells in a sentence; [`builder`] is the teacher's mixed
//! set, chosen one exercise at a time; [`deadlock`] asks about a deadlock in a resource-allocation
//! graph, graded by the core's deadlock report; [`semaphore`] asks the values of counting
//! semaphores and who waits on them after listed `wait` and `signal` steps, graded by the core's
//! state at the end of the run; [`pipe`] asks what a pipe between processes holds and who waits
//! after listed `write`, `read` and `close` steps, graded by the core's state after the last.

pub mod align;
pub mod builder;
pub mod deadlock;
pub mod exercise;
pub mod explain;
pub mod grade;
pub mod gradebook;
pub mod mlfq;
pub mod pipe;
pub mod race;
pub mod semaphore;
pub mod set;
pub mod state;
pub mod summary;
pub mod switch;
pub mod text;
pub mod transition;

/// Puts `value` at `index` of an answer's list, growing it with `fill` as far as needed (cells
/// come in as they are typed, in any order).
pub(crate) fn set_at<T: Clone>(list: &mut Vec<T>, index: usize, value: T, fill: T) {
    if list.len() <= index {
        list.resize(index + 1, fill);
    }
    list[index] = value;
}

/// The core's run of the first candidate of a listed-steps exercise (semaphores, a pipe) that
/// has a wait and a wake-up (`lively`), whose run performs exactly the steps listed
/// (`performed`) and ends as the seed asks (`wanted`); failing that, the first lively one run
/// as listed. `draw` makes the candidate of an attempt, `spec` its scenario.
pub(crate) fn first_listed_run<C>(
    attempts: u64,
    draw: impl Fn(u64) -> C,
    lively: impl Fn(&C) -> bool,
    spec: impl Fn(&C) -> proclab_core::ScenarioSpec,
    performed: impl Fn(&proclab_core::Run, &C) -> bool,
    wanted: impl Fn(&C) -> bool,
) -> Option<proclab_core::Run> {
    let mut fallback = None;
    for attempt in 0..attempts {
        let candidate = draw(attempt);
        if !lively(&candidate) {
            continue;
        }
        let Ok(run) = proclab_core::simulate_spec(&spec(&candidate)) else {
            continue;
        };
        if !performed(&run, &candidate) {
            continue;
        }
        if wanted(&candidate) {
            return Some(run);
        }
        fallback.get_or_insert(run);
    }
    fallback
}
