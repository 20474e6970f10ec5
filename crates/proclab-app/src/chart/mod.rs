//! What the charts show, computed without drawing: the Gantt model, the policy comparison and
//! quantum sweep, colours and patterns, and the charts' words.

pub mod compare_model;
pub mod model;
pub mod palette;
mod states;
pub mod text;
pub mod warmup;
pub mod warmup_export;
pub mod warmup_machine;

pub use compare_model::{
    compare_rows, quantum_sweep, CompareRow, Comparison, ComparisonJob, SweepPoint,
};
pub use model::{gantt_model, gantt_takeaway, GanttModel, GanttRow, RowKind, Segment, SegmentKind};
