//! What `proclab run` adds when the scenario's processes run programs: the interleaving (one
//! line per executed instruction), how the run ended, and each process's variables and each
//! thread's registers at the end, as text or as the `program` object of the JSON document.
//! The words come from `proclab_app::program_words`; this module only lays them out.

use std::io::{self, Write};

use proclab_app::lang::{Lang, Words};
use proclab_app::program_view;
use proclab_app::program_words::{self, RunText};
use proclab_core::program::{AccessKind, ExecutedStep, Fault, Register, RunEnd, StepOutcome};
use proclab_core::state::{MachineState, ProgramContext};
use proclab_core::{Run, Scenario, SyncKind};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// The machine when the run ended (every instruction executed, every variable written).
fn final_state(run: &Run) -> MachineState {
    run.state_at(run.end_tick())
}

/// Each program thread's context at the end, with its index in `Scenario::threads`.
fn contexts(state: &MachineState) -> impl Iterator<Item = (u32, &ProgramContext)> + Clone {
    state
        .threads
        .iter()
        .enumerate()
        .filter_map(|(index, thread)| Some((index as u32, thread.program.as_ref()?)))
}

/// The interleaving, the end, the variables and the registers, after the answer key.
pub fn write_text(out: &mut impl Write, run: &Run, lang: Lang) -> io::Result<()> {
    let scenario = run.scenario();
    let steps = run.program_steps();
    let names: Vec<String> = (0..scenario.threads().len() as u32)
        .map(|index| program_words::thread_name(scenario, index))
        .collect();
    let pid_of = |step: &ExecutedStep| scenario.threads()[step.thread as usize].pid();
    let width = |text: &str| text.chars().count();
    let tick_width = steps.last().map_or(1, |step| step.tick.to_string().len());
    let cpu_width = (scenario.machine().cpus.max(1) - 1).to_string().len();
    let name_width = steps
        .iter()
        .map(|step| width(&names[step.thread as usize]))
        .max()
        .unwrap_or(0);
    let pc_width = steps
        .iter()
        .map(|step| step.pc.to_string().len())
        .max()
        .unwrap_or(0);
    let text_width = steps
        .iter()
        .map(|step| {
            width(program_words::instruction_text(
                scenario,
                pid_of(step),
                step.pc,
            ))
        })
        .max()
        .unwrap_or(0);
    writeln!(out)?;
    writeln!(out, "{}", RunText::Instructions.get(lang))?;
    for step in steps {
        let pid = pid_of(step);
        let text = program_words::instruction_text(scenario, pid, step.pc);
        let name = &names[step.thread as usize];
        let mut notes: Vec<String> = Vec::new();
        if let Some(program) = scenario.processes()[pid as usize].program() {
            notes.extend(
                step.accesses
                    .as_slice()
                    .iter()
                    .map(|access| program_words::access(access, program, lang)),
            );
        }
        notes.extend(program_words::outcome(&step.outcome, lang));
        let line = format!(
            "t={:<tick_width$} CPU{:<cpu_width$} {name}{:name_pad$} {:>pc_width$} {text}{:text_pad$}  {}",
            step.tick,
            step.cpu,
            "",
            step.pc,
            "",
            notes.join(", "),
            name_pad = name_width - width(name),
            text_pad = text_width - width(text),
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out)?;
    writeln!(out, "{}", program_words::run_end(run, lang))?;
    // Lost updates, as the page counts them, where two threads reach one variable.
    if program_view::Goal::fitting(scenario).contains(&program_view::Goal::LoseAnUpdate) {
        let lost = program_view::analyse(run).lost.len();
        let words = match lost {
            0 if run.deadlock().is_some() => program_view::ProgramText::NoLossDeadlocked
                .get(lang)
                .to_string(),
            0 => program_view::ProgramText::NoLoss.get(lang).to_string(),
            _ => format!("{}: {lost}", program_view::ProgramText::LostCount.get(lang)),
        };
        writeln!(out, "{words}")?;
    }
    let state = final_state(run);
    writeln!(out)?;
    writeln!(out, "{}", RunText::MemoryAtEnd.get(lang))?;
    for memory in &state.memories {
        // Named as the page names them: an array's first word is `buf[0]`, like the rest.
        let program = scenario.processes()[memory.pid as usize].program();
        let words: Vec<String> = memory
            .words
            .iter()
            .map(|(name, address, value)| match program {
                Some(program) => {
                    format!("{} = {value}", program_words::word_name(program, *address))
                }
                None => format!("{name} = {value}"),
            })
            .collect();
        let words = match words.is_empty() {
            true => String::from(RunText::NoVariables.get(lang)),
            false => words.join(", "),
        };
        let process = scenario.processes()[memory.pid as usize].name();
        writeln!(out, "  {process}: {words}")?;
    }
    if !state.queues.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", RunText::ChannelsAtEnd.get(lang))?;
        for row in program_view::channel_rows(&state, lang) {
            let mut line = format!(
                "  {} {}: {}; {}: {}; {}: {}",
                row.kind,
                row.name,
                row.held,
                RunText::WaitingToSend.get(lang),
                row.senders,
                RunText::WaitingToReceive.get(lang),
                row.receivers,
            );
            if row.pipe {
                line.push_str(&format!(
                    "; {}: {}",
                    RunText::OpenWriteEnds.get(lang),
                    row.writers
                ));
            }
            writeln!(out, "{line}")?;
        }
    }
    if let Some(line) = program_words::kernel_entries(run, lang) {
        writeln!(out)?;
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", RunText::RegistersAtEnd.get(lang))?;
    let name_width = contexts(&state)
        .map(|(index, _)| width(&names[index as usize]))
        .max()
        .unwrap_or(0);
    for (index, context) in contexts(&state) {
        let name = &names[index as usize];
        let registers: Vec<String> = Register::ALL
            .iter()
            .zip(context.registers)
            .map(|(register, value)| format!("{}={value}", register.name()))
            .collect();
        let status = match context.halted {
            true => RunText::Finished,
            false => RunText::NotFinished,
        };
        writeln!(
            out,
            "  {name}{:pad$}  pc={}  {}  {}",
            "",
            context.pc,
            registers.join(" "),
            status.get(lang),
            pad = name_width - width(name),
        )?;
    }
    Ok(())
}

/// The `program` object of `proclab run --format json`: how the run ended, the variables and
/// registers at the end, then every executed instruction (the bulk, last, streamed one by one).
pub struct ProgramDocument<'a> {
    run: &'a Run,
    lang: Lang,
}

impl<'a> ProgramDocument<'a> {
    /// The document for `run`, if its scenario runs programs; `lang` is the language of the
    /// end's sentence.
    pub fn new(run: &'a Run, lang: Lang) -> Option<ProgramDocument<'a>> {
        run.scenario()
            .has_programs()
            .then_some(ProgramDocument { run, lang })
    }
}

impl Serialize for ProgramDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let state = final_state(self.run);
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry(
            "end",
            &EndDocument {
                run: self.run,
                lang: self.lang,
            },
        )?;
        map.serialize_entry(
            "memory",
            &Listed(state.memories.iter().map(|memory| MemoryDocument {
                pid: memory.pid,
                words: &memory.words,
            })),
        )?;
        map.serialize_entry(
            "registers",
            &Listed(
                contexts(&state).map(|(thread, context)| RegistersDocument { thread, context }),
            ),
        )?;
        let scenario = self.run.scenario();
        map.serialize_entry(
            "steps",
            &Listed(
                self.run
                    .program_steps()
                    .iter()
                    .map(|step| StepDocument { scenario, step }),
            ),
        )?;
        map.end()
    }
}

/// A sequence serialized from an iterator as it is walked, so that no list is built first.
struct Listed<I>(I);

impl<I> Serialize for Listed<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

struct EndDocument<'a> {
    run: &'a Run,
    lang: Lang,
}

impl Serialize for EndDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match self.run.end() {
            RunEnd::Finished => {
                map.serialize_entry("kind", "finished")?;
                map.serialize_entry("tick", &self.run.end_tick())?;
            }
            RunEnd::BudgetExhausted { instructions, tick } => {
                map.serialize_entry("kind", "budget_exhausted")?;
                map.serialize_entry("tick", &tick)?;
                map.serialize_entry("instructions", &instructions)?;
                // The thread that was running last, and where (the text names it in words).
                if let Some(step) = self.run.program_steps().last() {
                    map.serialize_entry("thread", &step.thread)?;
                    map.serialize_entry("pc", &step.pc)?;
                }
            }
            RunEnd::ScheduleUsedUp { tick } => {
                map.serialize_entry("kind", "schedule_used_up")?;
                map.serialize_entry("tick", &tick)?;
            }
            RunEnd::Deadlock { tick } => {
                map.serialize_entry("kind", "deadlock")?;
                map.serialize_entry("tick", &tick)?;
                if let Some(report) = self.run.deadlock() {
                    let waits: Vec<WaitDocument> = report
                        .waits
                        .iter()
                        .map(|edge| WaitDocument {
                            thread: edge.thread,
                            object: match edge.object.kind {
                                SyncKind::Mutex => "mutex",
                                SyncKind::Semaphore => "semaphore",
                                SyncKind::Condition => "condition",
                                SyncKind::Queue => "queue",
                                SyncKind::Pipe => "pipe",
                                SyncKind::SharedSemaphore => "shared_semaphore",
                                SyncKind::SharedMutex => "shared_mutex",
                            },
                            name: &edge.name,
                            holder: edge.holder,
                        })
                        .collect();
                    map.serialize_entry("waits", &waits)?;
                    map.serialize_entry("cycle", &report.cycle)?;
                }
            }
        }
        map.serialize_entry("text", &program_words::run_end(self.run, self.lang))?;
        map.end()
    }
}

/// One wait of a deadlock: the thread, what it waits for, and who holds it.
#[derive(serde::Serialize)]
struct WaitDocument<'a> {
    thread: u32,
    object: &'static str,
    name: &'a str,
    holder: Option<u32>,
}

struct MemoryDocument<'a> {
    pid: u32,
    words: &'a [(String, u32, i64)],
}

impl Serialize for MemoryDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("pid", &self.pid)?;
        map.serialize_entry(
            "words",
            &Listed(self.words.iter().map(|(name, address, value)| Word {
                name,
                address: *address,
                value: *value,
            })),
        )?;
        map.end()
    }
}

/// A variable's word: its name (`want[1]`), address and value.
#[derive(Serialize)]
struct Word<'a> {
    name: &'a str,
    address: u32,
    value: i64,
}

struct RegistersDocument<'a> {
    thread: u32,
    context: &'a ProgramContext,
}

impl Serialize for RegistersDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(11))?;
        map.serialize_entry("thread", &self.thread)?;
        map.serialize_entry("pc", &self.context.pc)?;
        for (register, value) in Register::ALL.iter().zip(self.context.registers) {
            map.serialize_entry(register.name(), &value)?;
        }
        map.serialize_entry("halted", &self.context.halted)?;
        map.end()
    }
}

struct StepDocument<'a> {
    scenario: &'a Scenario,
    step: &'a ExecutedStep,
}

impl StepDocument<'_> {
    fn accesses(&self, kind: AccessKind) -> impl Iterator<Item = Access> + Clone + '_ {
        let pid = self.scenario.threads()[self.step.thread as usize].pid();
        let program = self.scenario.processes()[pid as usize].program();
        self.step
            .accesses
            .as_slice()
            .iter()
            .filter(move |access| access.kind == kind)
            .map(move |access| Access {
                address: access.address,
                name: program.and_then(|program| {
                    program
                        .variable_at(access.address)
                        .map(|_| program_words::word_name(program, access.address))
                }),
                value: access.value,
            })
    }
}

/// One memory access of a step; `name` is `null` for a word outside every variable.
#[derive(Serialize)]
struct Access {
    address: u32,
    name: Option<String>,
    value: i64,
}

/// How a step ended, as a word: `continued`, `yielded`, `io`, `cpu`, `halted`, or the fault's kind.
fn outcome_id(outcome: &StepOutcome) -> &'static str {
    match outcome {
        StepOutcome::Continued => "continued",
        StepOutcome::Yielded => "yielded",
        StepOutcome::Io(_) => "io",
        StepOutcome::Compute(_) => "cpu",
        StepOutcome::Blocked(_) => "blocked",
        StepOutcome::Message { .. } => "message",
        StepOutcome::Halted => "halted",
        StepOutcome::Fault(Fault::PcOutsideProgram) => "fault_pc_outside_program",
        StepOutcome::Fault(Fault::ReturnOutsideProgram { .. }) => "fault_return_outside_program",
        StepOutcome::Fault(Fault::AddressOutOfRange { .. }) => "fault_address_out_of_range",
        StepOutcome::Fault(Fault::CodeAddress { .. }) => "fault_code_address",
        StepOutcome::Fault(Fault::Overflow) => "fault_overflow",
        StepOutcome::Fault(Fault::UnlockNotHeld { .. }) => "fault_unlock_not_held",
        StepOutcome::Fault(Fault::WaitWithoutMutex { .. }) => "fault_wait_without_mutex",
        StepOutcome::Fault(Fault::WriteAfterClose { .. }) => "fault_write_after_close",
        StepOutcome::Fault(Fault::NotAByte { .. }) => "fault_not_a_byte",
    }
}

impl Serialize for StepDocument<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let step = self.step;
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("tick", &step.tick)?;
        map.serialize_entry("thread", &step.thread)?;
        map.serialize_entry("cpu", &step.cpu)?;
        map.serialize_entry("pc", &step.pc)?;
        map.serialize_entry("reads", &Listed(self.accesses(AccessKind::Read)))?;
        map.serialize_entry("writes", &Listed(self.accesses(AccessKind::Write)))?;
        map.serialize_entry("outcome", outcome_id(&step.outcome))?;
        map.end()
    }
}
