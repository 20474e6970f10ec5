//! The animated machine's state and words: the playback reducer, the narrated log and the
//! watch view's catalogue. Painting lives in the web crate.

pub mod channel_ops;
mod choice;
mod cpu_queues;
mod many_to_one;
pub mod narrate;
mod picked_again;
pub mod playback;
pub mod text;
