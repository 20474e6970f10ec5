//! Threads that run programs, as the page shows them: the interleaving in words with the updates
//! it loses, each address space's variables with their last writer, each thread's registers and
//! where it is in the program, and the goals of "you are the scheduler". Pure: computed from the
//! run, tested natively.
//!
//! A **lost update** is a store whose value came from a load of the same word (through registers:
//! `mov counter, %ax; add $1, %ax; mov %ax, counter`) while another thread stored to that word
//! between the load and the store: the other thread's update is overwritten. A thread is **inside**
//! a variable's critical section from its load of the variable to its store back; two threads of
//! one process inside at once is the race the locks prevent.
//!
//! This file holds the analysis and the names of threads, words and source lines; `lines` the
//! interleaving and the race table in words, `memory` the address spaces and their sync objects, `channels` the message queues and pipes,
//! `graph` a deadlock's resource-allocation graph, `goals` "you are the scheduler", `text` the
//! panel's fixed words.

use std::collections::{BTreeMap, BTreeSet};

use proclab_core::program::{
    AccessKind, ExecutedStep, Instruction, Program, Register, StepOutcome, Value,
};
use proclab_core::{Run, Scenario};

mod channels;
mod goals;
mod graph;
mod lines;
mod memory;
mod sync_effects;
mod text;

pub use channels::{channel_rows, channel_wait, ChannelRow};
pub use goals::{
    blocked_at_the_pause, blocked_words, channel_wait_at_the_pause, choices_that_run, choosable,
    ChannelWait, Goal, STARVE_AFTER,
};
pub use graph::{wait_graph, GraphEdge, GraphNode};
pub use lines::{end_sentence, race_table, step_lines, step_lines_in, RaceRow, StepLine};
pub use memory::{
    address_spaces, presented_line, shared_segment, shared_sync_rows, AddressSpace, MappedBy,
    SharedSegment, SyncRow, WordRow,
};
pub(crate) use sync_effects::woken_thread;
pub use text::{set_aside_sentence, ProgramText};

/// A store that overwrote another thread's update (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LostUpdate {
    /// Index of the store in [`Run::program_steps`].
    pub step: usize,
    /// The thread that stored (index in `Scenario::threads`).
    pub thread: u32,
    /// The word.
    pub address: u32,
    /// The value its load read, and that load's step.
    pub read: i64,
    pub loaded_step: usize,
    /// The thread whose update was overwritten, and its step.
    pub overwritten: u32,
    pub overwritten_step: usize,
}

/// What the analysis of the steps finds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    pub lost: Vec<LostUpdate>,
    /// Most threads of one process inside one variable's critical section at once, and the first
    /// step at which that many were.
    pub most_inside: (usize, usize),
    /// Longest run of consecutive instructions by others while a thread that has not finished
    /// waited, and that thread.
    pub longest_wait: (usize, Option<u32>),
    /// The run ended in a deadlock.
    pub deadlock: bool,
}

/// Where a register's value came from: a load of `address` at step `step`.
type Taint = Option<(u32, usize, i64)>;

/// Follows loads through registers to the stores they feed (the module documentation says what
/// counts).
pub fn analyse(run: &Run) -> Analysis {
    let scenario = run.scenario();
    let threads = scenario.threads();
    let mut taint: Vec<[Taint; 8]> = vec![[None; 8]; threads.len()];
    // word (see `word` below) -> (thread, step) of the last store.
    let mut last_store: BTreeMap<(u32, u32), (u32, usize)> = BTreeMap::new();
    // word -> threads inside (loaded, not stored back).
    let mut inside: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    let mut analysis = Analysis::default();
    // A word of the shared segment is one word for every process that maps it: keyed by its
    // variable's name (position among the scenario's shared names) and index, not by process.
    let mut shared_names: Vec<&str> = Vec::new();
    for process in scenario.processes() {
        for variable in process
            .program()
            .into_iter()
            .flat_map(Program::shared_variables)
        {
            if !shared_names.contains(&variable.name.as_str()) {
                shared_names.push(&variable.name);
            }
        }
    }
    let word = |pid: u32, address: u32| -> (u32, u32) {
        let shared = scenario.processes()[pid as usize]
            .program()
            .and_then(|program| program.shared_at(address))
            .and_then(|(variable, index)| {
                let position = shared_names
                    .iter()
                    .position(|name| *name == variable.name)?;
                Some((u32::MAX, position as u32 * 65_536 + index))
            });
        shared.unwrap_or((pid, address))
    };
    // The longest wait: a thread that has not finished has waited, after step `i`, `i - last`
    // instructions, `last` being the index of its own last step (-1 before it runs); the longest
    // is the thread with the earliest `last` (the lowest index on a tie), kept in order here so a
    // step costs a logarithm of the threads, not all of them.
    let mut last_ran: Vec<i64> = vec![-1; threads.len()];
    let mut waiting: BTreeSet<(i64, u32)> = (0..threads.len() as u32).map(|t| (-1, t)).collect();
    for (index, step) in run.program_steps().iter().enumerate() {
        let thread = step.thread;
        let pid = threads[thread as usize].pid();
        let Some(instruction) =
            program_of(scenario, thread).and_then(|p| p.instruction_at(step.pc))
        else {
            continue;
        };
        let registers = &mut taint[thread as usize];
        let read = first_access(step, AccessKind::Read);
        let write = first_access(step, AccessKind::Write);
        match instruction {
            Instruction::Load { destination, .. } => {
                if let Some((address, value)) = read {
                    registers[slot(destination)] = Some((address, index, value));
                    let list = inside.entry(word(pid, address)).or_default();
                    if !list.contains(&thread) {
                        list.push(thread);
                    }
                    if list.len() > analysis.most_inside.0 {
                        analysis.most_inside = (list.len(), index);
                    }
                }
            }
            Instruction::MoveToRegister {
                source,
                destination,
            } => {
                registers[slot(destination)] = match source {
                    Value::Register(from) => registers[slot(from)],
                    Value::Immediate(_) => None,
                };
            }
            Instruction::Arithmetic {
                source: Value::Register(from),
                destination,
                ..
            } => {
                let merged = registers[slot(destination)].or(registers[slot(from)]);
                registers[slot(destination)] = merged;
            }
            Instruction::Store { source, .. } => {
                if let Some((address, _)) = write {
                    if let Value::Register(from) = source {
                        if let Some((loaded, load_step, value)) = registers[slot(from)] {
                            if let Some(&(other, other_step)) = last_store.get(&word(pid, address))
                            {
                                if loaded == address && other != thread && other_step > load_step {
                                    analysis.lost.push(LostUpdate {
                                        step: index,
                                        thread,
                                        address,
                                        read: value,
                                        loaded_step: load_step,
                                        overwritten: other,
                                        overwritten_step: other_step,
                                    });
                                }
                            }
                        }
                    }
                    if let Some(list) = inside.get_mut(&word(pid, address)) {
                        list.retain(|inner| *inner != thread);
                    }
                }
            }
            Instruction::LoadAddress { destination, .. }
            | Instruction::PopRegister {
                register: destination,
            }
            | Instruction::Exchange {
                register: destination,
                ..
            }
            | Instruction::FetchAdd {
                register: destination,
                ..
            } => registers[slot(destination)] = None,
            _ => {}
        }
        if let Some((address, _)) = write {
            last_store.insert(word(pid, address), (thread, index));
        }
        waiting.remove(&(last_ran[thread as usize], thread));
        if let Some(&(last, other)) = waiting.first() {
            let count = (index as i64 - last) as usize;
            if count > analysis.longest_wait.0 {
                analysis.longest_wait = (count, Some(other));
            }
        }
        last_ran[thread as usize] = index as i64;
        if !matches!(step.outcome, StepOutcome::Halted | StepOutcome::Fault(_)) {
            waiting.insert((index as i64, thread));
        }
    }
    analysis.deadlock = run.deadlock().is_some();
    analysis
}

fn slot(register: Register) -> usize {
    Register::ALL
        .iter()
        .position(|candidate| *candidate == register)
        .unwrap_or(0)
}

fn first_access(step: &ExecutedStep, kind: AccessKind) -> Option<(u32, i64)> {
    step.accesses
        .as_slice()
        .iter()
        .find(|access| access.kind == kind)
        .map(|access| (access.address, access.value))
}

/// The program thread `thread` runs.
pub fn program_of(scenario: &Scenario, thread: u32) -> Option<&Program> {
    let pid = scenario.threads().get(thread as usize)?.pid();
    scenario.processes()[pid as usize].program()
}

pub use crate::program_words::thread_name;

/// A word of an address space by name (`counter`, `want[1]`) or by address.
pub fn word_name(program: Option<&Program>, address: u32) -> String {
    program.map_or_else(
        || address.to_string(),
        |program| crate::program_words::word_name(program, address),
    )
}

/// An instruction a CPU runs in a tick: the thread, the instruction's line (none for an address
/// no line holds) and its text as written, without its comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunningInstruction {
    pub cpu: u32,
    pub thread: proclab_core::ThreadRef,
    pub line: Option<u32>,
    pub code: String,
}

/// For each CPU running a program's thread at `state`'s tick, the instruction that thread runs
/// in the tick (at its PC).
pub fn running_instructions(
    scenario: &proclab_core::Scenario,
    state: &proclab_core::state::MachineState,
) -> Vec<RunningInstruction> {
    state
        .cpus
        .iter()
        .filter_map(|cpu| {
            let proclab_core::state::CpuActivity::Running { thread } = cpu.activity else {
                return None;
            };
            let context = state.thread(thread)?.program.as_ref()?;
            // Halted, or still computing a `cpu $n` (its PC already past it): no instruction
            // of this tick to show.
            if context.halted || context.computing > 0 {
                return None;
            }
            let process = scenario.processes().get(thread.pid as usize)?;
            let index = process.first_thread() + thread.tid;
            let (line, code) = source_of(scenario, index, context.pc);
            let code = code.trim();
            (!code.is_empty()).then(|| RunningInstruction {
                cpu: cpu.cpu,
                thread,
                line,
                code: code.to_string(),
            })
        })
        .collect()
}

/// For each CPU running a program's thread at `state`'s tick, the instruction that thread runs
/// in the tick (at its PC), with its line: `▶ 6: lock m` (the machine picture's CPU boxes).
pub fn running_code(
    scenario: &proclab_core::Scenario,
    state: &proclab_core::state::MachineState,
) -> Vec<(u32, String)> {
    running_instructions(scenario, state)
        .into_iter()
        .map(|running| {
            let at = running
                .line
                .map(|line| format!("{line}: "))
                .unwrap_or_default();
            (running.cpu, format!("▶ {at}{}", running.code))
        })
        .collect()
}

/// The line of the instruction at `pc` and its text as written, without its comment.
pub fn source_of(scenario: &Scenario, thread: u32, pc: u32) -> (Option<u32>, String) {
    let Some(entry) = scenario.threads().get(thread as usize) else {
        return (None, String::new());
    };
    let line = program_of(scenario, thread).and_then(|program| program.line_at(pc));
    let text = crate::program_words::instruction_text(scenario, entry.pid(), pc);
    (line, text.to_string())
}
