//! The context-switch question: threads run the lesson's `race.s` (load, add, store, count down,
//! loop) under round robin, one instruction a tick; the exercise names one switch ("at t=8 the
//! CPU switches from P1.T1 to P1.T2") and asks what the kernel saves into the outgoing thread's
//! TCB (its PC and registers) and what it loads from the incoming thread's.
//!
//! The key is the core's own state at that tick ([`proclab_core::Run::state_at`]): the two
//! threads' contexts, which hold the real PC (the address of the next instruction) and registers.
//! The explanations come from the run's recorded steps: the last instruction the outgoing thread
//! ran, the instruction that last wrote a register, and when the incoming thread was switched
//! out before (or that it has not run yet).

use super::exercise::{Difficulty, ExerciseId};
use super::grade::Verdict;
use crate::lang::subject_particle;
use crate::lang::Lang;
use proclab_core::program::Register;
use proclab_core::render::thread_label;
use proclab_core::rng::Pcg32;
use proclab_core::spec::{PolicySpec, ProcessSpec, ScenarioSpec, ThreadSpec};
use proclab_core::{Cause, Run, ThreadRef};

/// The lesson's preset whose program the threads run (`race.s`).
const PRESET: &str = "race-two-threads";
/// Derived seeds tried for a workload with a switch to ask about.
const ATTEMPTS: u64 = 32;

/// The registers asked, in answer order after the PC.
pub const REGISTERS: [Register; 2] = [Register::Ax, Register::Bx];

/// The six cells: saved PC, %ax, %bx (outgoing), loaded PC, %ax, %bx (incoming).
pub const CELLS: usize = 2 * (1 + REGISTERS.len());

/// The switch an exercise asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SwitchPoint {
    /// The instant of the switch.
    pub tick: u64,
    /// The thread switched out (its quantum ran out), by index in `Scenario::threads`.
    pub from: u32,
    /// The thread switched in.
    pub to: u32,
}

/// (processes, threads per process) of a difficulty.
pub fn shape(difficulty: Difficulty) -> (usize, usize) {
    match difficulty {
        Difficulty::Easy => (1, 2),
        Difficulty::Medium => (1, 3),
        Difficulty::Hard => (2, 2),
    }
}

/// The workload for `seed` and `attempt`: the processes each run `race.s`, each thread with its
/// own `%bx` (2 or 3 increments), on one CPU under round robin with a quantum of 2 to 5.
fn workload(id: ExerciseId, attempt: u64) -> ScenarioSpec {
    let mut rng = Pcg32::new(id.seed.wrapping_mul(ATTEMPTS).wrapping_add(attempt), 23);
    let (processes, threads) = shape(id.difficulty);
    let base = proclab_core::presets::preset(PRESET)
        .map(|preset| preset.spec)
        .unwrap_or_default();
    let template = base.processes.first().cloned().unwrap_or_default();
    let mut spec = base;
    spec.policy = PolicySpec::Rr {
        quantum: rng.between(2, 5),
    };
    spec.machine.cpus = 1;
    spec.processes = (0..processes)
        .map(|index| ProcessSpec {
            name: format!("P{}", index + 1),
            arrival: 0,
            threads: (0..threads)
                .map(|thread| ThreadSpec {
                    name: format!("T{}", thread + 1),
                    registers: format!("bx={}", rng.between(2, 3)),
                    ..ThreadSpec::default()
                })
                .collect(),
            ..template.clone()
        })
        .collect();
    spec
}

/// Every switch of `run` from one thread whose quantum ran out to another thread, in order.
pub fn switches(run: &Run) -> Vec<SwitchPoint> {
    let events = run.events();
    let index_of = |thread: ThreadRef| {
        run.scenario()
            .threads()
            .iter()
            .position(|candidate| candidate.pid() == thread.pid && candidate.tid() == thread.tid)
            .map(|index| index as u32)
    };
    events
        .iter()
        .filter_map(|event| match event.cause {
            Cause::Dispatched {
                saved: Some(saved), ..
            } => {
                let expired = events.iter().any(|other| {
                    other.tick == event.tick
                        && other.thread == saved
                        && matches!(other.cause, Cause::QuantumExpired)
                });
                expired.then(|| {
                    Some(SwitchPoint {
                        tick: event.tick,
                        from: index_of(saved)?,
                        to: index_of(event.thread)?,
                    })
                })?
            }
            _ => None,
        })
        .filter(|point| point.from != point.to)
        .collect()
}

/// True if thread `thread` ran an instruction before `tick`.
fn has_run(run: &Run, thread: u32, tick: u64) -> bool {
    run.program_steps()
        .iter()
        .any(|step| step.thread == thread && step.tick < tick)
}

/// The exercise for `id`: its spec, run and switch. Easy asks any switch; harder levels ask a
/// switch to a thread that ran before (its registers come back from its TCB). The seed picks
/// among the switches that qualify.
pub fn generate(id: ExerciseId) -> Option<(ScenarioSpec, Run, SwitchPoint)> {
    let mut fallback = None;
    for attempt in 0..ATTEMPTS {
        let spec = workload(id, attempt);
        let Ok(run) = proclab_core::simulate_spec(&spec) else {
            continue;
        };
        let all = switches(&run);
        let wanted: Vec<SwitchPoint> = all
            .iter()
            .copied()
            .filter(|point| {
                id.difficulty == Difficulty::Easy || has_run(&run, point.to, point.tick)
            })
            .collect();
        if let Some(point) = wanted.get((id.seed % wanted.len().max(1) as u64) as usize) {
            return Some((spec, run, *point));
        }
        if fallback.is_none() {
            if let Some(point) = all.first().copied() {
                fallback = Some((spec, run, point));
            }
        }
    }
    fallback
}

/// The six key values: PC and registers of the outgoing thread, then of the incoming one, as the
/// core's state at the switch holds them.
pub fn key(run: &Run, point: SwitchPoint) -> [i64; CELLS] {
    let state = run.state_at(point.tick);
    let context = |thread: u32| {
        state
            .threads
            .get(thread as usize)
            .and_then(|tcb| tcb.program.as_ref())
            .map(|context| {
                let registers = REGISTERS.map(|register| context.registers[register as usize]);
                (i64::from(context.pc), registers)
            })
            .unwrap_or_default()
    };
    let (out_pc, out_registers) = context(point.from);
    let (in_pc, in_registers) = context(point.to);
    let mut cells = [0; CELLS];
    cells[0] = out_pc;
    cells[1..3].copy_from_slice(&out_registers);
    cells[3] = in_pc;
    cells[4..6].copy_from_slice(&in_registers);
    cells
}

/// The marks of the six typed cells.
pub fn grade_cells(run: &Run, point: SwitchPoint, typed: &[String]) -> Vec<Verdict> {
    key(run, point)
        .iter()
        .enumerate()
        .map(|(index, key)| {
            match super::grade::read_whole::<i64>(typed.get(index).map_or("", String::as_str)) {
                Ok(value) if value == *key => Verdict::Right,
                Ok(_) => Verdict::Wrong,
                Err(verdict) => verdict,
            }
        })
        .collect()
}

/// A thread's name as the page writes it (`P1.T2`).
pub fn name(run: &Run, thread: u32) -> String {
    let scenario = run.scenario();
    scenario
        .threads()
        .get(thread as usize)
        .map(|candidate| {
            thread_label(
                scenario,
                ThreadRef {
                    pid: candidate.pid(),
                    tid: candidate.tid(),
                },
            )
        })
        .unwrap_or_default()
}

/// The instruction at `pc` of `thread`'s program, as written.
pub fn instruction(run: &Run, thread: u32, pc: u32) -> String {
    let scenario = run.scenario();
    let pid = scenario
        .threads()
        .get(thread as usize)
        .map_or(0, |candidate| candidate.pid());
    crate::program_words::instruction_text(scenario, pid, pc).to_string()
}

/// The register `register` of `thread` when tick `tick` starts.
fn register_at(run: &Run, thread: u32, tick: u64, register: Register) -> i64 {
    run.state_at(tick)
        .threads
        .get(thread as usize)
        .and_then(|tcb| tcb.program.as_ref())
        .map_or(0, |context| context.registers[register as usize])
}

/// The register's name as the program writes it (`%ax`).
pub fn register_name(register: Register) -> String {
    format!("%{}", register.name())
}

/// The last step of `thread` before `tick` (index into `Run::program_steps`).
fn last_step(run: &Run, thread: u32, tick: u64) -> Option<usize> {
    run.program_steps()
        .iter()
        .rposition(|step| step.thread == thread && step.tick < tick)
}

/// The tick `thread` was last switched out before `tick` (its quantum ran out), if any.
fn switched_out(run: &Run, thread: u32, tick: u64) -> Option<u64> {
    switches(run)
        .into_iter()
        .filter(|point| point.from == thread && point.tick < tick)
        .map(|point| point.tick)
        .next_back()
}

/// Where `thread`'s `register` got its value at `tick`: the last instruction before `tick` that
/// changed it, or the value the thread started with.
fn register_origin(run: &Run, thread: u32, tick: u64, register: Register, lang: Lang) -> String {
    let value = register_at(run, thread, tick, register);
    let reg = register_name(register);
    let writer = run
        .program_steps()
        .iter()
        .filter(|step| step.thread == thread && step.tick < tick)
        .rfind(|step| {
            register_at(run, thread, step.tick, register)
                != register_at(run, thread, step.tick + 1, register)
        });
    match writer {
        Some(step) => {
            let text = instruction(run, thread, step.pc);
            lang.pick([
                format!("{reg} = {value}: 이 스레드에서 {reg}를 마지막으로 바꾼 명령어는 틱 {}에 실행한 `{text}`({})입니다.", step.tick, step.pc),
                format!("{reg} = {value}: the last instruction of this thread that changed {reg} was `{text}` ({}) during tick {}.", step.pc, step.tick),
            ])
        }
        None => lang.pick([
            format!("{reg} = {value}: 스레드가 만들어질 때의 값 그대로입니다(그 뒤 바꾼 명령어가 없습니다)."),
            format!("{reg} = {value}: the value the thread was created with (no instruction has changed it since)."),
        ]),
    }
}

/// What a cell of the context switch holds, for a cell that could not be read.
pub fn cell_form(lang: Lang) -> &'static str {
    lang.pick([
        "PC는 주소(예: 1002), 레지스터는 정수 하나입니다.",
        "A PC is an address (such as 1002) and a register one whole number.",
    ])
}

/// Why cell `cell` has its key value, from the run's steps.
pub fn explain_cell(
    run: &Run,
    point: SwitchPoint,
    cell: usize,
    verdict: Verdict,
    lang: Lang,
) -> String {
    let tick = point.tick;
    let outgoing = cell < CELLS / 2;
    let thread = if outgoing { point.from } else { point.to };
    let who = name(run, thread);
    let form = (verdict == Verdict::NotANumber).then(|| String::from(cell_form(lang)) + " ");
    let mut words = form.unwrap_or_default();
    let key = key(run, point);
    let position = cell % (CELLS / 2);
    if position == 0 {
        let pc = key[cell] as u32;
        let next = instruction(run, thread, pc);
        if outgoing {
            let last = last_step(run, thread, tick).map(|index| &run.program_steps()[index]);
            match last {
                Some(step) => {
                    let ran = instruction(run, thread, step.pc);
                    let jumped = pc != step.pc + 1;
                    words += &lang.pick([
                        format!("t={tick}에 {who}의 퀀텀이 끝났습니다. 마지막으로 실행한 명령어는 틱 {}의 `{ran}`({})이고, PC는 이미 다음에 실행할 명령어를 가리킵니다: {}{pc}(`{next}`). 이 PC가 {who}의 TCB에 저장됩니다.", step.tick, step.pc, if jumped { "점프한 곳 " } else { "" }),
                        format!("At t={tick} {who}'s quantum ran out. The last instruction it ran was `{ran}` ({}) during tick {}, and the PC already points at the next instruction to run: {}{pc} (`{next}`). That PC is saved in {who}'s TCB.", step.pc, step.tick, if jumped { "where it jumped, " } else { "" }),
                    ]);
                }
                None => {
                    words += &lang.pick([
                        format!("{who}의 PC는 {pc}(`{next}`)입니다."),
                        format!("{who}'s PC is {pc} (`{next}`)."),
                    ])
                }
            }
        } else {
            match switched_out(run, thread, tick) {
                Some(out) => words += &lang.pick([
                    format!("{}{} t={out}에 퀀텀이 끝나 CPU에서 내려왔고, 그때 PC {pc}(`{next}`)가 TCB에 저장되었습니다. t={tick}에 그 PC를 다시 불러와 {pc}부터 이어서 실행합니다.", who, subject_particle(&who)),
                    format!("{who} was switched out at t={out} when its quantum ran out, and its PC {pc} (`{next}`) was saved in its TCB then. At t={tick} that PC is loaded back: it goes on at {pc}."),
                ]),
                None => words += &lang.pick([
                    format!("{}{} t={tick}까지 한 번도 실행되지 않았습니다: PC는 프로그램의 첫 명령어(.main) {pc}(`{next}`)입니다.", who, subject_particle(&who)),
                    format!("{who} has not run before t={tick}: its PC is the program's first instruction (.main), {pc} (`{next}`)."),
                ]),
            }
        }
    } else {
        let register = REGISTERS[position - 1];
        let origin = register_origin(run, thread, tick, register, lang);
        words += &if outgoing {
            lang.pick([
                format!("t={tick}에 {who}의 레지스터가 TCB에 저장됩니다. {origin}"),
                format!("At t={tick} {who}'s registers are saved in its TCB. {origin}"),
            ])
        } else {
            let when = match switched_out(run, thread, tick) {
                Some(out) => lang.pick([
                    format!("t={out}에 CPU에서 내려올 때 TCB에 저장된 값을 불러옵니다."),
                    format!("They are loaded from its TCB, where they were saved when it was switched out at t={out}."),
                ]),
                None => lang.pick([
                    "아직 실행된 적이 없어 초깃값을 불러옵니다.".to_string(),
                    "It has not run yet, so its first values are loaded.".to_string(),
                ]),
            };
            lang.pick([
                format!("t={tick}에 {who}의 레지스터를 불러옵니다. {when} {origin}"),
                format!("At t={tick} {who}'s registers are loaded. {when} {origin}"),
            ])
        };
    }
    words
}

/// The run's instructions before the switch, one hint each (`t=3: P1.T1 ran mov counter, %ax
/// (1000)`).
pub fn hints(run: &Run, point: SwitchPoint, count: usize, lang: Lang) -> Vec<String> {
    run.program_steps()
        .iter()
        .filter(|step| step.tick < point.tick)
        .take(count)
        .enumerate()
        .map(|(index, step)| {
            let who = name(run, step.thread);
            let text = instruction(run, step.thread, step.pc);
            let number = index + 1;
            let tick = step.tick;
            let pc = step.pc;
            lang.pick([
                format!(
                    "{number}. 틱 {tick}: {}{} `{text}` ({pc}) 실행.",
                    who,
                    subject_particle(&who)
                ),
                format!("{number}. Tick {tick}: {who} ran `{text}` ({pc})."),
            ])
        })
        .collect()
}

/// How many hints there are: the instructions run before the switch.
pub fn hint_count(run: &Run, point: SwitchPoint) -> usize {
    run.program_steps()
        .iter()
        .filter(|step| step.tick < point.tick)
        .count()
}

/// The set-up and the question, one sentence each.
pub fn rules(run: &Run, point: SwitchPoint, lang: Lang) -> Vec<String> {
    let spec = run.scenario().spec();
    let quantum = match spec.policy {
        PolicySpec::Rr { quantum } => quantum,
        _ => 0,
    };
    let starts: Vec<String> = (0..run.scenario().threads().len() as u32)
        .map(|thread| {
            let bx = register_at(run, thread, 0, Register::Bx);
            format!("{} %bx = {bx}", name(run, thread))
        })
        .collect();
    let processes = spec.processes.len();
    let (from, to) = (name(run, point.from), name(run, point.to));
    let tick = point.tick;
    vec![
        lang.pick([
            format!("CPU 하나, 라운드 로빈, 타임 퀀텀 {quantum}: 한 틱에 명령어 하나를 실행하고, 퀀텀이 끝난 스레드는 준비 큐의 맨 뒤로 갑니다. 모든 스레드는 t=0에 스레드 번호 순서로 준비 큐에 들어갑니다. 문맥 교환 비용은 없습니다."),
            format!("One CPU, round robin with a quantum of {quantum}: one instruction a tick; a thread whose quantum runs out goes to the back of the ready queue. Every thread is ready at t=0, in the order listed. Switches are free."),
        ]),
        lang.pick([
            format!("스레드는 모두 주소와 함께 보인 프로그램을 실행하고 초깃값은 {}이며 다른 레지스터는 0입니다. 레지스터와 PC는 스레드마다 따로 있고, counter는 0에서 시작하며 {}.", starts.join(", "), if processes > 1 { "프로세스마다 따로 있습니다(같은 프로세스의 스레드끼리 공유)" } else { "모든 스레드가 공유합니다" }),
            format!("Every thread runs the program listed with its addresses, starting with {}; other registers start at 0. Each thread has its own registers and PC; counter starts at 0 and is {}.", starts.join(", "), if processes > 1 { "one per process (shared by the threads of that process)" } else { "shared by all" }),
        ]),
        lang.pick([
            "PC는 다음에 실행할 명령어의 주소입니다(왼쪽 열). 점프(jgt)는 PC를 목적지로 바꿉니다. halt하면 스레드가 끝납니다.".to_string(),
            "The PC is the address of the next instruction to run (the left column); a jump (jgt) sets it to its target; halt ends the thread.".to_string(),
        ]),
        lang.pick([
            format!("질문: t={tick}에 CPU가 {from}에서 {to}로 문맥 교환합니다. {from}의 TCB에 저장되는 PC, %ax, %bx와, {to}의 TCB에서 불러오는 PC, %ax, %bx는 무엇일까요?"),
            format!("Question: at t={tick} the CPU switches from {from} to {to}. What PC, %ax and %bx are saved into {from}'s TCB, and what PC, %ax and %bx are loaded from {to}'s?"),
        ]),
    ]
}

/// The program's lines with their addresses, for the listing (`(1000, "mov counter, %ax")`).
pub fn listing(run: &Run) -> Vec<(u32, String)> {
    let Some(program) = crate::program_view::program_of(run.scenario(), 0) else {
        return Vec::new();
    };
    let start = program.load_address();
    (start..program.end_address())
        .map(|pc| (pc, instruction(run, 0, pc)))
        .collect()
}

/// A cell's short stable name (exports): `saved pc`, `loaded %bx`.
pub fn cell_code(cell: usize) -> String {
    let side = if cell < CELLS / 2 { "saved" } else { "loaded" };
    match cell % (CELLS / 2) {
        0 => format!("{side} pc"),
        position => format!("{side} {}", register_name(REGISTERS[position - 1])),
    }
}
