//! `proclab`: run ProcLab scenarios from the command line.

use proclab_core::ProcessState;

fn main() {
    let names: Vec<String> = ProcessState::ALL.iter().map(|state| format!("{state:?}")).collect();
    println!("proclab {}: states {}", env!("CARGO_PKG_VERSION"), names.join(", "));
}
