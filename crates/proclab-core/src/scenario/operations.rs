//! Operations between bursts: a thread whose bursts hold `lock m`, `unlock m`, `wait s` or
//! `signal s` runs them as instructions of a program the scenario writes for its process.
//!
//! The rules (`docs/semantics.md`, Operations between bursts):
//! - a name in bursts is one object for every process that names it (a process-shared mutex, or
//!   a named semaphore starting at 0), as `.shared mutex m` and `.shared sem s 0` declare them;
//! - each thread runs its own part of the program (its own code, from its own first instruction),
//!   in the process's one address space;
//! - an operation takes one tick of CPU, as every instruction does; a CPU burst of `n` ticks is
//!   `n` ticks, the I/O request or the exit after it made on its last tick, so bursts without
//!   operations run exactly as they do without a program; an I/O request or the exit right after
//!   an operation that went on is made in the operation's tick (the engine runs the `io` or the
//!   `halt` in the same tick); after an operation that waited (`lock`, `wait`), the woken thread
//!   runs one tick to make it.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

use super::error::{ScenarioError, MAX_SEMAPHORE_INITIAL};
use crate::program::{MAX_CPU_TICKS, MAX_IO_TICKS};
use crate::spec::{BurstSpec, ProcessSpec, ScenarioSpec, SemaphoreSpec};

/// The longest CPU or I/O burst of a thread with operations: what one `cpu $n` or `io $n`
/// instruction takes.
pub const MAX_OPERATION_BURST: u64 = if MAX_CPU_TICKS < MAX_IO_TICKS {
    MAX_CPU_TICKS
} else {
    MAX_IO_TICKS
};

/// Whether a process's bursts, or any of its threads', hold an operation.
pub fn has_operations(process: &ProcessSpec) -> bool {
    let holds = |bursts: &[BurstSpec]| bursts.iter().any(|burst| burst.operation().is_some());
    process.program.is_empty()
        && (holds(&process.bursts) || process.threads.iter().any(|thread| holds(&thread.bursts)))
}

/// Whether every burst and operation of the process can be written as an instruction (else the
/// checks of bursts and operations report why, and no program is written).
pub(super) fn writable(process: &ProcessSpec) -> bool {
    let fits = |burst: &BurstSpec| match burst {
        BurstSpec::Cpu(length) => (1..=MAX_OPERATION_BURST).contains(length),
        BurstSpec::Io(length) => *length <= MAX_OPERATION_BURST,
        _ => burst
            .operation()
            .is_some_and(|(_, name)| is_object_name(name)),
    };
    process.bursts.iter().all(fits)
        && process
            .threads
            .iter()
            .all(|thread| !thread.bursts.is_empty() && thread.bursts.iter().all(fits))
}

/// A name an operation may take: a letter, then letters, digits or `_`, at most 32 in all.
fn is_object_name(name: &str) -> bool {
    name.starts_with(|character: char| character.is_ascii_alphabetic())
        && name.len() <= 32
        && name
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || character == '_')
}

/// The label of thread `tid`'s part of the program.
pub(super) fn thread_label(tid: usize) -> String {
    format!(".thread_{}", tid + 1)
}

/// The program a process with operations runs: every name it uses declared in the shared
/// segment, then each thread's part under its label, in thread order.
/// Also gives the lines of the `io` and `halt` instructions that come right after an operation:
/// the engine runs them in that operation's tick.
pub(super) fn operations_program(
    process: &ProcessSpec,
    semaphores: &[SemaphoreSpec],
) -> (String, Vec<u32>) {
    let own = [process.bursts.as_slice()];
    let parts: Vec<&[BurstSpec]> = if process.threads.is_empty() {
        own.to_vec()
    } else {
        process
            .threads
            .iter()
            .map(|thread| thread.bursts.as_slice())
            .collect()
    };
    let mut text = String::new();
    let mut declared: Vec<&str> = Vec::new();
    for burst in parts.iter().flat_map(|bursts| bursts.iter()) {
        let Some((operation, name)) = burst.operation() else {
            continue;
        };
        if declared.contains(&name) {
            continue;
        }
        declared.push(name);
        let _ = if operation == "lock" || operation == "unlock" {
            writeln!(text, ".shared mutex {name}")
        } else {
            let initial = semaphores
                .iter()
                .find(|semaphore| semaphore.name == name)
                .map_or(0, |semaphore| semaphore.initial);
            writeln!(text, ".shared sem {name} {initial}")
        };
    }
    let mut free_lines = Vec::new();
    let next_line = |text: &str| text.matches('\n').count() as u32 + 1;
    let after_operation =
        |bursts: &[BurstSpec], index: usize| index > 0 && bursts[index - 1].operation().is_some();
    for (tid, bursts) in parts.iter().enumerate() {
        let _ = writeln!(text, "{}", thread_label(tid));
        for (index, burst) in bursts.iter().enumerate() {
            if matches!(burst, BurstSpec::Io(_)) && after_operation(bursts, index) {
                free_lines.push(next_line(&text));
            }
            let next_ends = matches!(bursts.get(index + 1), None | Some(BurstSpec::Io(_)));
            let _ = match burst {
                // The last tick of a burst before an I/O or the end is the `io` or the `halt`.
                BurstSpec::Cpu(length) if next_ends && *length > 1 => {
                    writeln!(text, "cpu ${}", length - 1)
                }
                BurstSpec::Cpu(_) if next_ends => Ok(()),
                BurstSpec::Cpu(length) => writeln!(text, "cpu ${length}"),
                BurstSpec::Io(length) => writeln!(text, "io ${length}"),
                other => {
                    let (operation, name) = other.operation().unwrap_or(("", ""));
                    writeln!(text, "{operation} {name}")
                }
            };
        }
        if after_operation(bursts, bursts.len()) {
            free_lines.push(next_line(&text));
        }
        text.push_str("halt\n");
    }
    (text, free_lines)
}

/// The checks of a thread's operations: each name a name, each `unlock` by a thread that took
/// the mutex before it, every burst short enough for one instruction; `kinds` gathers each
/// name's kind (mutex or semaphore) across the scenario, so one name is never both.
pub(super) fn check_operations<'a>(
    process: u32,
    thread: Option<u32>,
    bursts: &'a [BurstSpec],
    kinds: &mut Vec<(&'a str, bool, u32)>,
    errors: &mut Vec<ScenarioError>,
) {
    let mut held: Vec<&str> = Vec::new();
    for (index, burst) in bursts.iter().enumerate() {
        let burst_index = index as u32;
        let Some((operation, name)) = burst.operation() else {
            if burst
                .length()
                .is_some_and(|length| length > MAX_OPERATION_BURST)
            {
                errors.push(ScenarioError::OperationBurstTooLong {
                    process,
                    thread,
                    burst: burst_index,
                    max: MAX_OPERATION_BURST,
                });
            }
            continue;
        };
        if !is_object_name(name) {
            errors.push(ScenarioError::BadOperationName {
                process,
                thread,
                burst: burst_index,
            });
            continue;
        }
        let mutex = operation == "lock" || operation == "unlock";
        match kinds.iter().find(|(seen, _, _)| *seen == name) {
            Some(&(_, seen_mutex, first_process)) if seen_mutex != mutex => {
                errors.push(ScenarioError::OperationKindClash {
                    process,
                    thread,
                    burst: burst_index,
                    first_process,
                });
                continue;
            }
            Some(_) => {}
            None => kinds.push((name, mutex, process)),
        }
        match operation {
            "lock" => held.push(name),
            "unlock" => match held.iter().rposition(|taken| *taken == name) {
                Some(position) => {
                    held.remove(position);
                }
                None => errors.push(ScenarioError::UnlockWithoutLock {
                    process,
                    thread,
                    burst: burst_index,
                }),
            },
            _ => {}
        }
    }
}

/// The checks of `spec.semaphores`, once every operation's kind is known (`kinds`): each names a
/// semaphore of the bursts, once, with an initial value in range.
pub(super) fn check_semaphores(
    spec: &ScenarioSpec,
    kinds: &[(&str, bool, u32)],
    errors: &mut Vec<ScenarioError>,
) {
    // A name used as both kinds is already reported where it is used.
    if errors
        .iter()
        .any(|error| matches!(error, ScenarioError::OperationKindClash { .. }))
    {
        return;
    }
    for (index, semaphore) in spec.semaphores.iter().enumerate() {
        let index = index as u32;
        let used = kinds
            .iter()
            .find(|&&(name, _, _)| name == semaphore.name)
            .map(|&(_, mutex, _)| mutex);
        let first = spec.semaphores[..index as usize]
            .iter()
            .position(|before| before.name == semaphore.name);
        if let Some(first) = first {
            errors.push(ScenarioError::SemaphoreListedTwice {
                index,
                first: first as u32,
            });
        } else if used == Some(true) {
            errors.push(ScenarioError::SemaphoreIsMutex { index });
        } else if used.is_none() {
            errors.push(ScenarioError::UnknownSemaphore { index });
        } else if semaphore.initial > MAX_SEMAPHORE_INITIAL {
            errors.push(ScenarioError::SemaphoreInitialTooLarge {
                index,
                max: MAX_SEMAPHORE_INITIAL,
            });
        }
    }
}

/// The CPU time a thread with operations asks for, as the schedulers estimate it: its CPU
/// bursts plus a tick per operation.
pub(super) fn estimated_ticks(bursts: &[BurstSpec]) -> u64 {
    bursts
        .iter()
        .map(|burst| match burst {
            BurstSpec::Cpu(length) => *length,
            BurstSpec::Io(_) => 0,
            _ => 1,
        })
        .fold(0u64, u64::saturating_add)
        .max(1)
}
