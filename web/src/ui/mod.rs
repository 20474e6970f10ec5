//! The page's components, one concept per file.

pub mod bursts;
pub mod field;
pub mod program_editor;
pub mod programs;
pub mod results;
pub mod results_panel;
pub mod settings;
pub mod toolbar;
pub mod warmup;
pub mod warmup_machine;
pub mod warmup_tables;
pub mod workload;
