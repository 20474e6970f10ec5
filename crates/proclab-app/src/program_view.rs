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

use std::collections::BTreeMap;

use proclab_core::program::{
    AccessKind, ExecutedStep, Instruction, Program, Register, RunEnd, StepOutcome, Value,
};
use proclab_core::state::MachineState;
use proclab_core::{Run, Scenario, SyncKind};

use crate::lang::{Lang, Words};

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
}

/// Where a register's value came from: a load of `address` at step `step`.
type Taint = Option<(u32, usize, i64)>;

/// Follows loads through registers to the stores they feed (the module documentation says what
/// counts).
pub fn analyse(run: &Run) -> Analysis {
    let scenario = run.scenario();
    let threads = scenario.threads();
    let mut taint: Vec<[Taint; 8]> = vec![[None; 8]; threads.len()];
    // (pid, address) -> (thread, step) of the last store.
    let mut last_store: BTreeMap<(u32, u32), (u32, usize)> = BTreeMap::new();
    // (pid, address) -> threads inside (loaded, not stored back).
    let mut inside: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    let mut analysis = Analysis::default();
    let mut waited: Vec<usize> = vec![0; threads.len()];
    let mut finished: Vec<bool> = vec![false; threads.len()];
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
                    let list = inside.entry((pid, address)).or_default();
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
                            if let Some(&(other, other_step)) = last_store.get(&(pid, address)) {
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
                    if let Some(list) = inside.get_mut(&(pid, address)) {
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
            last_store.insert((pid, address), (thread, index));
        }
        if matches!(step.outcome, StepOutcome::Halted | StepOutcome::Fault(_)) {
            finished[thread as usize] = true;
        }
        for (other, count) in waited.iter_mut().enumerate() {
            if other as u32 == thread {
                *count = 0;
            } else if !finished[other] {
                *count += 1;
                if *count > analysis.longest_wait.0 {
                    analysis.longest_wait = (*count, Some(other as u32));
                }
            }
        }
    }
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

/// `P1.T2` (or `P1` for a single-threaded process).
pub fn thread_name(scenario: &Scenario, thread: u32) -> String {
    let Some(entry) = scenario.threads().get(thread as usize) else {
        return format!("#{thread}");
    };
    let process = &scenario.processes()[entry.pid() as usize];
    let name = (process.thread_count() > 1 || process.is_multithreaded()).then(|| entry.name());
    proclab_core::render::label(process.name(), name)
}

/// A word of an address space by name (`counter`, `want[1]`) or by address.
pub fn word_name(program: Option<&Program>, address: u32) -> String {
    program
        .and_then(|program| program.variable_at(address))
        .map(|(variable, index)| match index {
            0 => variable.name.clone(),
            _ => format!("{}[{index}]", variable.name),
        })
        .unwrap_or_else(|| address.to_string())
}

/// The source text of the instruction at `pc`, trimmed, without its comment.
pub fn source_of(scenario: &Scenario, thread: u32, pc: u32) -> (Option<u32>, String) {
    let Some(entry) = scenario.threads().get(thread as usize) else {
        return (None, String::new());
    };
    let spec = &scenario.spec().processes[entry.pid() as usize];
    let line = program_of(scenario, thread).and_then(|program| program.line_at(pc));
    let text = line
        .and_then(|line| spec.program.lines().nth(line as usize - 1))
        .map(|text| text.split('#').next().unwrap_or("").trim().to_string())
        .unwrap_or_default();
    (line, text)
}

/// One executed instruction in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepLine {
    pub tick: u64,
    pub cpu: u32,
    pub thread: u32,
    pub who: String,
    pub pc: u32,
    pub line: Option<u32>,
    pub code: String,
    /// "load counter = 5", "store counter = 6", "yield", "halt".
    pub effect: String,
    /// "overwrites P1.T2's store of tick 7: one update lost".
    pub lost: Option<String>,
}

/// Every executed instruction in words, with the lost updates marked.
pub fn step_lines(run: &Run, analysis: &Analysis, lang: Lang) -> Vec<StepLine> {
    let scenario = run.scenario();
    let steps = run.program_steps();
    steps
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let program = program_of(scenario, step.thread);
            let (line, code) = source_of(scenario, step.thread, step.pc);
            let mut effects: Vec<String> = step
                .accesses
                .as_slice()
                .iter()
                .map(|access| {
                    let verb = match access.kind {
                        AccessKind::Read => ProgramText::Load.get(lang),
                        AccessKind::Write => ProgramText::Store.get(lang),
                    };
                    format!(
                        "{verb} {} = {}",
                        word_name(program, access.address),
                        access.value
                    )
                })
                .collect();
            match step.outcome {
                StepOutcome::Yielded => effects.push(ProgramText::Yielded.get(lang).into()),
                StepOutcome::Halted => effects.push(ProgramText::Halted.get(lang).into()),
                StepOutcome::Blocked(_) => effects.push(lang.pick([
                    String::from("기다림(대기)"),
                    String::from("must wait (blocks)"),
                ])),
                StepOutcome::Message { operation, value } => effects.push(match operation {
                    proclab_core::program::MessageOp::Send { .. } => {
                        lang.pick([format!("메시지 {value} 보냄"), format!("sends {value}")])
                    }
                    proclab_core::program::MessageOp::Recv { .. } => {
                        lang.pick(["메시지 받음", "receives a message"]).to_string()
                    }
                }),
                StepOutcome::Io(ticks) => effects.push(lang.pick([
                    format!("I/O {ticks}틱 요청(대기)"),
                    format!("asks for {ticks} ticks of I/O (blocks)"),
                ])),
                StepOutcome::Fault(_) => effects.push(ProgramText::Faulted.get(lang).into()),
                StepOutcome::Continued => {}
            }
            let lost = analysis
                .lost
                .iter()
                .find(|lost| lost.step == index)
                .map(|lost| {
                    let other = thread_name(scenario, lost.overwritten);
                    let when = steps[lost.overwritten_step].tick;
                    lang.pick([
                        format!("{other}이(가) 틱 {when}에 쓴 값을 덮어씀: 갱신 하나 잃음"),
                        format!("overwrites {other}'s store of tick {when}: one update lost"),
                    ])
                });
            StepLine {
                tick: step.tick,
                cpu: step.cpu,
                thread: step.thread,
                who: thread_name(scenario, step.thread),
                pc: step.pc,
                line,
                code,
                effect: effects.join(", "),
                lost,
            }
        })
        .collect()
}

/// One row of a race table: who executed what, and the word in memory after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaceRow {
    pub who: String,
    pub code: String,
    pub effect: String,
    /// The raced word's value in memory after the instruction.
    pub memory: i64,
}

/// The first lost update of a run as a table: every instruction from the load that fed the lost
/// store to that store, with the raced word after each. The word's name, then the rows.
pub fn race_table(run: &Run, lang: Lang) -> Option<(String, Vec<RaceRow>)> {
    let analysis = analyse(run);
    let lost = *analysis.lost.first()?;
    let lines = step_lines(run, &analysis, lang);
    let steps = run.program_steps();
    let scenario = run.scenario();
    let pid = scenario.threads()[lost.thread as usize].pid();
    let mut value = lost.read;
    let rows = (lost.loaded_step..=lost.step)
        .filter(|index| scenario.threads()[steps[*index].thread as usize].pid() == pid)
        .map(|index| {
            if let Some((_, written)) = first_access(&steps[index], AccessKind::Write)
                .filter(|(address, _)| *address == lost.address)
            {
                value = written;
            }
            RaceRow {
                who: lines[index].who.clone(),
                code: lines[index].code.clone(),
                effect: lines[index].effect.clone(),
                memory: value,
            }
        })
        .collect();
    let name = word_name(program_of(scenario, lost.thread), lost.address);
    Some((name, rows))
}

/// How the run ended, in one sentence (the budget names the thread that was spinning and where).
pub fn end_sentence(run: &Run, lang: Lang) -> String {
    let scenario = run.scenario();
    match run.end() {
        RunEnd::Finished => ProgramText::AllFinished.get(lang).into(),
        RunEnd::Deadlock { .. } => crate::program_words::deadlock(run, lang),
        RunEnd::ScheduleUsedUp { tick } => lang.pick([
            format!("틱 {tick}에서 멈춤: 다음에 실행할 스레드를 고르세요."),
            format!("Paused at tick {tick}: choose the thread that runs next."),
        ]),
        RunEnd::BudgetExhausted { instructions, .. } => {
            let last = run.program_steps().last();
            let spinning = last.map(|step| {
                let (_, code) = source_of(scenario, step.thread, step.pc);
                let program = program_of(scenario, step.thread);
                let reading = run
                    .program_steps()
                    .iter()
                    .rev()
                    .filter(|earlier| earlier.thread == step.thread)
                    .find_map(|earlier| first_access(earlier, AccessKind::Read))
                    .map(|(address, _)| word_name(program, address));
                (thread_name(scenario, step.thread), step.pc, code, reading)
            });
            match (spinning, lang) {
                (Some((who, pc, code, Some(word))), Lang::Ko) => format!(
                    "명령어 {instructions}개를 실행하고 멈췄습니다: {who}이(가) {pc}번지(`{code}`)에서 `{word}`을(를) 읽으며 돌고 있습니다."
                ),
                (Some((who, pc, code, Some(word))), Lang::En) => format!(
                    "Stopped after {instructions} instructions: {who} spins at {pc} (`{code}`) reading `{word}`."
                ),
                (Some((who, pc, code, None)), Lang::Ko) => format!(
                    "명령어 {instructions}개를 실행하고 멈췄습니다: {who}이(가) {pc}번지(`{code}`)를 실행 중입니다."
                ),
                (Some((who, pc, code, None)), Lang::En) => format!(
                    "Stopped after {instructions} instructions: {who} is at {pc} (`{code}`)."
                ),
                (None, _) => lang.pick([
                    format!("명령어 {instructions}개를 실행하고 멈췄습니다."),
                    format!("Stopped after {instructions} instructions."),
                ]),
            }
        }
    }
}

/// One word of one address space at a tick, with who stored it last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordRow {
    pub name: String,
    pub address: u32,
    pub value: i64,
    /// The thread that stored it last before the tick, and when.
    pub last_writer: Option<(String, u64)>,
}

/// The variables of one process at a tick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddressSpace {
    pub pid: u32,
    pub process: String,
    /// The threads that share it.
    pub threads: Vec<String>,
    pub words: Vec<WordRow>,
    /// Its mutexes and semaphores.
    pub sync: Vec<SyncRow>,
}

/// A mutex or a semaphore at a tick, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncRow {
    pub name: String,
    /// "mutex" or "semaphore".
    pub kind: &'static str,
    /// "held by P1.T1", "free", "value 2".
    pub state: String,
    /// Waiting threads, first first.
    pub waiters: Vec<String>,
}

/// Every address space at the tick `state` shows (the steps executed by then are those of ticks
/// before it).
pub fn address_spaces(run: &Run, state: &MachineState, lang: Lang) -> Vec<AddressSpace> {
    let scenario = run.scenario();
    let mut writers: BTreeMap<(u32, u32), (u32, u64)> = BTreeMap::new();
    for step in run
        .program_steps()
        .iter()
        .take_while(|step| step.tick < state.tick)
    {
        let pid = scenario.threads()[step.thread as usize].pid();
        if let Some((address, _)) = first_access(step, AccessKind::Write) {
            writers.insert((pid, address), (step.thread, step.tick));
        }
    }
    state
        .memories
        .iter()
        .map(|memory| {
            let process = &scenario.processes()[memory.pid as usize];
            let first = process.first_thread();
            AddressSpace {
                pid: memory.pid,
                process: process.name().to_string(),
                threads: (first..first + process.thread_count())
                    .map(|thread| thread_name(scenario, thread))
                    .collect(),
                words: memory
                    .words
                    .iter()
                    .map(|(name, address, value)| WordRow {
                        name: name.clone(),
                        address: *address,
                        value: *value,
                        last_writer: writers
                            .get(&(memory.pid, *address))
                            .map(|(thread, tick)| (thread_name(scenario, *thread), *tick)),
                    })
                    .collect(),
                sync: memory
                    .sync
                    .iter()
                    .map(|object| {
                        let name_of = |thread: proclab_core::ThreadRef| {
                            thread_name(scenario, process.first_thread() + thread.tid)
                        };
                        let state = match (object.kind, object.holder) {
                            (SyncKind::Semaphore, _) => lang.pick([
                                format!("값 {}", object.value),
                                format!("value {}", object.value),
                            ]),
                            (SyncKind::Mutex, Some(holder)) => lang.pick([
                                format!("{}이(가) 가짐", name_of(holder)),
                                format!("held by {}", name_of(holder)),
                            ]),
                            (SyncKind::Mutex, None) => lang.pick(["풀림", "free"]).to_string(),
                            (SyncKind::Condition | SyncKind::Queue, _) => {
                                lang.pick(["기억하는 값 없음", "no memory"]).to_string()
                            }
                        };
                        SyncRow {
                            name: object.name.clone(),
                            kind: match object.kind {
                                SyncKind::Mutex => lang.pick(["뮤텍스", "mutex"]),
                                SyncKind::Semaphore => lang.pick(["세마포어", "semaphore"]),
                                SyncKind::Condition => lang.pick(["조건 변수", "condition"]),
                                SyncKind::Queue => lang.pick(["메시지 큐", "message queue"]),
                            },
                            state,
                            waiters: object
                                .waiters
                                .iter()
                                .map(|thread| name_of(*thread))
                                .collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A node of the resource-allocation graph: a thread (circle) or a mutex or semaphore
/// (square), placed on a circle of radius 1 around the origin.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    pub label: String,
    pub resource: bool,
    pub x: f32,
    pub y: f32,
    pub in_cycle: bool,
}

/// An edge: a thread requests a resource (`request`), or a resource is held by a thread.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphEdge {
    pub from: usize,
    pub to: usize,
    pub request: bool,
    pub in_cycle: bool,
}

/// The resource-allocation graph of a deadlocked run: every waiting thread, what it requests
/// and who holds that; the cycle's nodes first, alternating thread and resource around the
/// circle, so the circular wait reads as a circle.
pub fn wait_graph(run: &Run) -> Option<(Vec<GraphNode>, Vec<GraphEdge>)> {
    let report = run.deadlock()?;
    let scenario = run.scenario();
    let mut labels: Vec<(String, bool)> = Vec::new();
    let index_of = |label: String, resource: bool, labels: &mut Vec<(String, bool)>| {
        labels
            .iter()
            .position(|(existing, kind)| *existing == label && *kind == resource)
            .unwrap_or_else(|| {
                labels.push((label, resource));
                labels.len() - 1
            })
    };
    let resource_label = |edge: &proclab_core::program::WaitEdge| {
        let pid = scenario.threads()[edge.thread as usize].pid();
        let process = scenario.processes()[pid as usize].name();
        format!("{process}:{}", edge.name)
    };
    // The cycle first, in order: thread, the resource it waits for, the next thread...
    let mut edges: Vec<(usize, usize, bool)> = Vec::new();
    for thread in &report.cycle {
        let Some(edge) = report.waits.iter().find(|edge| edge.thread == *thread) else {
            continue;
        };
        let t = index_of(thread_name(scenario, *thread), false, &mut labels);
        let r = index_of(resource_label(edge), true, &mut labels);
        edges.push((t, r, true));
    }
    for edge in &report.waits {
        let t = index_of(thread_name(scenario, edge.thread), false, &mut labels);
        let r = index_of(resource_label(edge), true, &mut labels);
        if !edges
            .iter()
            .any(|(from, to, request)| *from == t && *to == r && *request)
        {
            edges.push((t, r, true));
        }
        if let Some(holder) = edge.holder {
            let h = index_of(thread_name(scenario, holder), false, &mut labels);
            if !edges
                .iter()
                .any(|(from, to, request)| *from == r && *to == h && !*request)
            {
                edges.push((r, h, false));
            }
        }
    }
    let cycle_threads: Vec<String> = report
        .cycle
        .iter()
        .map(|thread| thread_name(scenario, *thread))
        .collect();
    let cycle_resources: Vec<String> = report
        .cycle
        .iter()
        .filter_map(|thread| report.waits.iter().find(|edge| edge.thread == *thread))
        .map(resource_label)
        .collect();
    let count = labels.len().max(1) as f32;
    let nodes: Vec<GraphNode> = labels
        .iter()
        .enumerate()
        .map(|(index, (label, resource))| {
            let angle =
                core::f32::consts::TAU * index as f32 / count - core::f32::consts::FRAC_PI_2;
            let in_cycle = if *resource {
                cycle_resources.contains(label)
            } else {
                cycle_threads.contains(label)
            };
            GraphNode {
                label: label.clone(),
                resource: *resource,
                x: angle.cos(),
                y: angle.sin(),
                in_cycle,
            }
        })
        .collect();
    let edges = edges
        .into_iter()
        .map(|(from, to, request)| GraphEdge {
            from,
            to,
            request,
            in_cycle: nodes[from].in_cycle && nodes[to].in_cycle,
        })
        .collect();
    Some((nodes, edges))
}

/// The goals of "you are the scheduler".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// Make a store overwrite another thread's update.
    LoseAnUpdate,
    /// Have two threads between their load and their store of one variable at once.
    BothInside,
    /// Run 20 instructions in a row while a thread that has not finished waits.
    Starve,
}

/// Instructions in a row that count as starving a waiting thread.
pub const STARVE_AFTER: usize = 20;

impl Goal {
    pub const ALL: [Goal; 3] = [Goal::LoseAnUpdate, Goal::BothInside, Goal::Starve];

    /// Whether the run reached it.
    pub fn reached(self, analysis: &Analysis) -> bool {
        match self {
            Goal::LoseAnUpdate => !analysis.lost.is_empty(),
            Goal::BothInside => analysis.most_inside.0 >= 2,
            Goal::Starve => analysis.longest_wait.0 >= STARVE_AFTER,
        }
    }

    pub fn words(self) -> ProgramText {
        match self {
            Goal::LoseAnUpdate => ProgramText::GoalLose,
            Goal::BothInside => ProgramText::GoalInside,
            Goal::Starve => ProgramText::GoalStarve,
        }
    }
}

/// The threads a student may choose next: those that have not finished.
pub fn choosable(run: &Run) -> Vec<u32> {
    let state = run.state_at(run.end_tick());
    state
        .threads
        .iter()
        .enumerate()
        .filter(|(_, tcb)| {
            tcb.program.as_ref().is_some_and(|context| !context.halted)
                && tcb.state != proclab_core::ProcessState::Exit
        })
        .map(|(index, _)| index as u32)
        .collect()
}

/// The fixed words of the programs panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgramText {
    Title,
    Intro,
    Load,
    Store,
    Yielded,
    Halted,
    Faulted,
    AllFinished,
    Interleaving,
    Memory,
    SharedBy,
    LastWriter,
    Registers,
    Thread,
    State,
    Next,
    Code,
    LostCount,
    NoLoss,
    Scheduler,
    SchedulerIntro,
    SchedulerStart,
    SchedulerLeave,
    RunOne,
    RunFive,
    UndoChoice,
    StartOver,
    Goals,
    GoalLose,
    GoalInside,
    GoalStarve,
    Reached,
    NotYet,
    Choices,
    ProgramToggle,
    ToggleHint,
    ProgramLabel,
    ProgramHint,
    RegistersLabel,
    Budget,
    Variable,
    Address,
    Value,
    Tick,
    Step,
    Effect,
    SyncObjects,
    Queues,
    Messages,
    WaitingToSend,
    WaitingToReceive,
    Kind,
    Waiters,
    WaitsFor,
    Waits,
    Graph,
    GraphHint,
}

impl Words for ProgramText {
    fn pair(self) -> [&'static str; 2] {
        use ProgramText::*;
        match self {
            Title => ["명령어를 실행하는 스레드", "Threads running instructions"],
            Intro => [
                "한 명령어가 CPU 한 틱입니다. 같은 프로세스의 스레드는 변수를 공유하고, 레지스터와 스택은 스레드마다 따로입니다.",
                "One instruction is one tick of CPU. Threads of one process share its variables; each has its own registers and stack.",
            ],
            Load => ["읽기", "load"],
            Store => ["쓰기", "store"],
            Yielded => ["양보(yield)", "yield"],
            Halted => ["종료(halt)", "halt"],
            Faulted => ["오류로 종료", "fault: thread ended"],
            AllFinished => ["모든 스레드가 끝났습니다.", "Every thread finished."],
            Interleaving => ["실행 순서(인터리빙)", "The interleaving"],
            Memory => ["메모리: 주소 공간마다", "Memory: one address space per process"],
            SharedBy => ["공유하는 스레드", "Shared by"],
            LastWriter => ["마지막으로 쓴 스레드", "Last written by"],
            Registers => ["스레드마다 레지스터 (문맥 교환 때 저장·복원)", "Registers of each thread (saved and loaded at a context switch)"],
            Thread => ["스레드", "Thread"],
            State => ["상태", "State"],
            Next => ["다음 명령어", "Next instruction"],
            Code => ["프로그램", "Program"],
            LostCount => ["잃어버린 갱신", "Updates lost"],
            NoLoss => ["잃어버린 갱신 없음", "No update lost"],
            Scheduler => ["내가 스케줄러", "You are the scheduler"],
            SchedulerIntro => [
                "다음 명령어를 실행할 스레드를 직접 고릅니다. 고른 순서는 시나리오에 저장되어 링크로 공유됩니다.",
                "Choose which thread runs each next instruction. Your choices are part of the scenario, so a link replays them.",
            ],
            SchedulerStart => ["직접 스케줄하기", "Schedule it yourself"],
            SchedulerLeave => ["정책에 맡기기", "Hand back to the policy"],
            RunOne => ["1개 실행", "run 1"],
            RunFive => ["5개 실행", "run 5"],
            UndoChoice => ["한 칸 되돌리기", "Undo one"],
            StartOver => ["처음부터", "Start over"],
            Goals => ["목표", "Goals"],
            GoalLose => ["카운터가 틀리게 끝나도록: 갱신 하나를 잃게 하세요", "Make the counter end wrong: lose an update"],
            GoalInside => ["두 스레드를 동시에 임계 구역(읽기와 쓰기 사이)에 넣으세요", "Get two threads into the critical section (between load and store) at once"],
            GoalStarve => ["한 스레드가 기다리는 동안 다른 스레드로 20개를 연달아 실행하세요", "Starve a thread: run 20 instructions of others in a row while it waits"],
            Reached => ["달성", "reached"],
            NotYet => ["아직", "not yet"],
            Choices => ["고른 순서", "Your choices"],
            ProgramToggle => ["프로그램 실행", "Runs a program"],
            ToggleHint => [
                "</> 단추: 프로세스가 버스트 대신 명령어(프로그램)를 실행합니다. 스레드끼리 변수를 공유하며 경쟁하는 모습을 봅니다.",
                "The </> button makes a process run instructions (a program) instead of bursts: watch its threads share variables and race.",
            ],
            ProgramLabel => ["프로그램 (x86.py 어셈블리)", "Program (x86.py assembly)"],
            ProgramHint => [
                "한 줄에 명령어 하나. .var 이름 으로 변수, .이름 으로 라벨, # 뒤는 주석입니다. 예: mov counter, %ax",
                "One instruction per line. .var name declares a variable, .name a label, # starts a comment. Example: mov counter, %ax",
            ],
            RegistersLabel => ["초기 레지스터", "Initial registers"],
            Budget => ["명령어 예산", "Instruction budget"],
            Variable => ["변수", "Variable"],
            Address => ["주소", "Address"],
            Value => ["값", "Value"],
            Tick => ["틱", "Tick"],
            Step => ["명령어", "Instruction"],
            Effect => ["메모리", "Memory"],
            SyncObjects => ["뮤텍스와 세마포어", "Mutexes and semaphores"],
            Queues => ["메시지 큐 (프로세스끼리 공유)", "Message queues (shared by processes)"],
            Messages => ["메시지(오래된 것부터) 개수/크기", "Messages (oldest first) count/capacity"],
            WaitingToSend => ["보내려고 기다림(가득 참)", "Waiting to send (full)"],
            WaitingToReceive => ["받으려고 기다림(비어 있음)", "Waiting to receive (empty)"],
            Kind => ["종류", "Kind"],
            Waiters => ["기다리는 스레드(앞부터)", "Waiting (first first)"],
            WaitsFor => ["기다리는 대상", "Waits for"],
            Waits => ["대기 중", "waiting"],
            Graph => ["자원 할당 그래프", "Resource-allocation graph"],
            GraphHint => [
                "동그라미는 스레드, 네모는 자원입니다. 점선 화살표는 요청(기다림), 실선 화살표는 할당(가짐)입니다. 빨간 것이 순환 대기입니다.",
                "Circles are threads, squares resources. A dashed arrow is a request (waiting), a solid one an assignment (holding). Red marks the circular wait.",
            ],
        }
    }
}
