//! ProcLab's page, minus the browser: everything the web app computes that does not touch the DOM.
//!
//! The draft as the student typed it and its parsing ([`draft`]), the share-link codec
//! ([`share`]), scenario files ([`files`]), problems and every other word in Korean and English
//! ([`messages`], [`i18n`]), the session reducer ([`session`]), the chart models ([`chart`]),
//! the playback reducer and narration ([`watch`]) and which rows of a long table to build
//! ([`rows`]). All of it is tested natively with `cargo test`; the web crate keeps components,
//! canvas painting and browser glue.

pub mod chart;
pub mod draft;
pub mod edit;
pub mod files;
pub mod grid;
pub mod i18n;
pub mod json_path;
pub mod lang;
pub mod messages;
pub mod paste;
pub mod practice;
pub mod program_view;
pub mod program_words;
pub mod reduce;
pub mod rows;
pub mod run_notes;
pub mod session;
pub mod share;
pub mod simulation;
pub mod summary;
pub mod terms;
pub mod watch;
pub mod worker;
