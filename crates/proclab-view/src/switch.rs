//! The context switch, step by step, as the course tells it: an interrupt or system call traps
//! into the kernel, the outgoing thread's registers and program counter are saved into its PCB,
//! the incoming PCB is loaded into the CPU, the dispatch latency counts down, and a cold cache
//! refills before the new thread really runs.

use alloc::string::String;
use proclab_core::state::{CpuActivity, MachineState};
use proclab_core::{Cause, Event, ThreadRef};

use crate::thread_label;

/// Where a switch is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwitchPhase {
    /// The timer interrupt or system call that enters the kernel.
    Trap,
    /// The outgoing registers and program counter flow into its PCB.
    SaveOutgoing,
    /// The incoming PCB's registers load into the CPU.
    LoadIncoming,
    /// Dispatch latency still to pay.
    Latency { left: u64 },
    /// Cache refill still to wait.
    Refill { left: u64 },
}

/// One CPU's switch at this moment.
#[derive(Clone, Debug, PartialEq)]
pub struct SwitchView {
    pub cpu: u32,
    pub phase: SwitchPhase,
    /// The thread saved (none when the CPU was idle or its thread has just exited).
    pub outgoing: Option<(ThreadRef, String)>,
    pub incoming: (ThreadRef, String),
    /// Why the outgoing thread left the CPU at this instant, if it did.
    pub trigger: Option<Cause>,
    /// A process switch changes the address space; a switch between threads of one process does not.
    pub address_space_change: bool,
    pub program_counter_out: Option<u64>,
    pub program_counter_in: u64,
    /// What the save and load steps move, as the canvas writes it: `PC=5/8` for bursts (ticks done
    /// of the burst's length), `PC=1003 ax=1 bx=3` for a thread that runs a program (its real context).
    pub context_out: Option<String>,
    pub context_in: String,
    /// Where the outgoing and the incoming thread's contexts are kept: `TCB` for a thread of a
    /// process of several threads, else `PCB` (as the narrated log says it).
    pub block_out: &'static str,
    pub block_in: &'static str,
}

/// `TCB` for a thread of a process of several threads, else `PCB`.
pub fn control_block(state: &MachineState, thread: ThreadRef) -> &'static str {
    let threads = state
        .processes
        .get(thread.pid as usize)
        .map_or(1, |process| process.threads.len());
    if threads > 1 {
        "TCB"
    } else {
        "PCB"
    }
}

/// The switch on `cpu` at the instant `after.tick`, `progress` permille into it, if one is shown.
pub fn switch_view(
    before: &MachineState,
    after: &MachineState,
    events: &[Event],
    cpu: u32,
    progress: u32,
) -> Option<SwitchView> {
    let dispatched = events
        .iter()
        .find(|event| event.cpu == Some(cpu) && matches!(event.cause, Cause::Dispatched { .. }));
    let state = after.cpus.iter().find(|state| state.cpu == cpu)?;
    let (incoming, phase, saved) = match (dispatched, state.activity) {
        (Some(event), _) => {
            let Cause::Dispatched { saved, .. } = event.cause else {
                return None;
            };
            let phase = match progress {
                0..=249 => SwitchPhase::Trap,
                250..=599 => SwitchPhase::SaveOutgoing,
                _ => SwitchPhase::LoadIncoming,
            };
            (event.thread, phase, saved)
        }
        (None, CpuActivity::Dispatching { thread, until, .. }) => (
            thread,
            SwitchPhase::Latency {
                left: until.saturating_sub(after.tick),
            },
            None,
        ),
        (None, CpuActivity::Stalling { thread, until, .. }) => (
            thread,
            SwitchPhase::Refill {
                left: until.saturating_sub(after.tick),
            },
            None,
        ),
        _ => return None,
    };
    // The thread the CPU ran just before, picked again (its quantum ended with nobody else
    // ready): no switch, nothing saved or loaded; it simply goes on.
    let continues = saved.is_none()
        && matches!(
            phase,
            SwitchPhase::Trap | SwitchPhase::SaveOutgoing | SwitchPhase::LoadIncoming
        )
        && before.cpus.iter().any(|state| {
            state.cpu == cpu
                && matches!(state.activity, CpuActivity::Running { thread } if thread == incoming)
        });
    if continues {
        return None;
    }
    // A thread that exited leaves no context to save: only the next PCB is loaded.
    let saved_live = saved.filter(|thread| {
        after
            .thread(*thread)
            .is_none_or(|tcb| tcb.state != proclab_core::ProcessState::Exit)
    });
    let trigger = saved.and_then(|outgoing| {
        events
            .iter()
            .find(|event| {
                event.thread == outgoing && event.from == proclab_core::ProcessState::Running
            })
            .map(|event| event.cause)
    });
    let outgoing_tcb =
        saved_live.and_then(|thread| after.thread(thread).or_else(|| before.thread(thread)));
    let incoming_tcb = after.thread(incoming)?;
    Some(SwitchView {
        cpu,
        phase,
        outgoing: saved_live.map(|thread| (thread, thread_label(after, thread))),
        incoming: (incoming, thread_label(after, incoming)),
        trigger,
        address_space_change: saved.is_none_or(|thread| thread.pid != incoming.pid),
        program_counter_out: outgoing_tcb.map(|tcb| tcb.program_counter),
        program_counter_in: incoming_tcb.program_counter,
        context_out: outgoing_tcb.map(context),
        context_in: context(incoming_tcb),
        block_out: saved_live.map_or("PCB", |thread| control_block(after, thread)),
        block_in: control_block(after, incoming),
    })
}

/// The context a switch saves or loads, in short: the real PC and the first registers of a
/// program thread, the progress through the burst otherwise.
fn context(tcb: &proclab_core::state::Tcb) -> alloc::string::String {
    match &tcb.program {
        Some(program) => alloc::format!(
            "PC={} ax={} bx={}",
            program.pc,
            program.registers[0],
            program.registers[1]
        ),
        // Ticks done of the burst's length: "PC=0/4" for a thread back from I/O at the start of
        // a new burst (a bare "PC=0" read as if it had lost its place).
        None => alloc::format!("PC={}/{}", tcb.program_counter, tcb.burst_length),
    }
}
