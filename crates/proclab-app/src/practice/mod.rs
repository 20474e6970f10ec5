//! Practice: scheduling exercises a student computes by hand and checks cell by cell.
//!
//! [`exercise`] makes an exercise from a seed, a topic and a difficulty and runs it; [`grade`]
//! marks a typed [`grade::Answer`] against that run (right, consistent with an earlier slip,
//! wrong); [`explain`] says why the first wrong decision is what the engine did, from the trace's
//! causes, and gives hints one decision at a time; [`set`] is the link of a set of exercises and
//! the exports; [`text`] holds the section's words; [`race`] is the racing counter, whose two
//! questions are graded by running the instruction machine; [`mlfq`] asks the level of every job
//! of a multilevel feedback queue at one tick, graded from the core's state at that tick;
//! [`switch`] asks the PC and registers saved and loaded at one context switch.
//! questions are graded by running the instruction machine; [`builder`] is the teacher's mixed
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
pub mod switch;
pub mod text;
pub mod transition;
