//! Charts drawn with plotters: the Gantt chart of a run and the policy comparison.
//!
//! Each chart is a pure view-model function (unit-tested, no DOM) and an imperative island that
//! draws that model with plotters: [`model`] feeds [`gantt`]; [`compare_model`] feeds [`bars`]
//! and [`sweep`]; `canvas` sizes a canvas for high-DPI screens and `paint` holds the shared
//! fills, markers and legends. Every canvas has `role="img"`, an `aria-label` stating the
//! takeaway, and the same numbers in a real `<table>`. Colours are Okabe–Ito ([`palette`]);
//! idle, dispatch and stall slices also differ by pattern and label. Words come from the typed
//! catalogue in [`text`].

pub mod bars;
mod canvas;
pub mod compare;
pub mod gantt;
pub mod gantt_draw;
mod paint;
pub mod sweep;

pub use compare::{CompareView, COMPARE_CANVAS_ID, SWEEP_CANVAS_ID};
pub use gantt::GanttChart;
pub use gantt_draw::{draw_gantt, draw_gantt_span, gantt_download, PlotSpan, GANTT_CANVAS_ID};
pub use paint::ChartDownload;
pub use proclab_app::chart::compare_model::{
    compare_rows, quantum_sweep, CompareRow, Comparison, SweepPoint,
};
pub use proclab_app::chart::model::{
    gantt_model, gantt_takeaway, GanttModel, GanttRow, RowKind, Segment, SegmentKind,
};
