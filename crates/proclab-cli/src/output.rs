//! Everything `proclab` prints on stdout goes through one buffered, locked writer.
//!
//! Commands write with `writeln!` and [`write_json`] and return a failed write as
//! [`Failure::Output`](crate::Failure::Output) instead of panicking as `println!` does. `main`
//! ends quietly with status 0 when the reader has gone (`BrokenPipe`, as in
//! `proclab run big.json --format json | head`) and reports any other write error with status 1.
//! JSON is serialized straight into the writer: no document is built in memory first.

use std::io::{self, BufWriter, StdoutLock, Write};

use serde::Serialize;

/// Standard output, locked once and buffered.
pub type Stdout = BufWriter<StdoutLock<'static>>;

/// Locks standard output for the whole command and buffers it.
pub fn stdout() -> Stdout {
    BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// Writes `value` as one JSON document and a newline: compact, or indented for people when
/// `pretty`.
pub fn write_json(out: &mut impl Write, value: &impl Serialize, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    writeln!(out)
}
