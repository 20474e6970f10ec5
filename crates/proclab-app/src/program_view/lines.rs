//! The interleaving, the race table and how a run ended, in words.

use super::sync_effects::{sync_note, woken_by};
use crate::lang::{object_particle, subject_particle, topic_particle};
use proclab_core::program::{AccessKind, Instruction, MessageOp, RunEnd, StepOutcome, Wait};
use proclab_core::Run;

use super::*;
use crate::lang::{Lang, Words};

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
    /// "load counter = 5", "store counter = 6", "yield", "thread ends".
    pub effect: String,
    /// "overwrites P1.T2's store of tick 7: one update lost".
    pub lost: Option<String>,
    /// The instruction faulted (unlocked a mutex not held, wrote to a closed pipe...): an error,
    /// shown as one, not as an ordinary effect.
    pub fault: bool,
}

/// Every executed instruction in words, with the lost updates marked.
pub fn step_lines(run: &Run, analysis: &Analysis, lang: Lang) -> Vec<StepLine> {
    step_lines_in(run, analysis, 0..run.program_steps().len(), lang)
}

/// The executed instructions `range` (indices into `Run::program_steps`) in words: a page shows a
/// window of a long run, and words for a million steps would cost seconds and hundreds of MB.
pub fn step_lines_in(
    run: &Run,
    analysis: &Analysis,
    range: core::ops::Range<usize>,
    lang: Lang,
) -> Vec<StepLine> {
    let scenario = run.scenario();
    let steps = run.program_steps();
    // The step where a thread locked a mutex it already held: its last, since it waits forever.
    let self_locks: Vec<usize> = run
        .deadlock()
        .map(|report| {
            report
                .waits
                .iter()
                .filter(|edge| edge.holder == Some(edge.thread))
                .filter_map(|edge| steps.iter().rposition(|step| step.thread == edge.thread))
                .collect()
        })
        .unwrap_or_default();
    steps[range.clone()]
        .iter()
        .zip(range)
        .map(|(step, index)| {
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
                StepOutcome::Blocked(_) if self_locks.contains(&index) => effects.push(
                    lang.pick([
                        "이미 이 스레드가 가진 뮤텍스(두 번 잠글 수 없음): 영원히 기다림",
                        "mutex already held by this same thread (it cannot lock it twice): waits forever",
                    ])
                    .into(),
                ),
                StepOutcome::Blocked(wait) => effects.push(
                    blocked_note(
                        wait,
                        program.and_then(|program| program.instruction_at(step.pc)),
                        lang,
                    )
                    .into(),
                ),
                StepOutcome::Message { operation, value } => effects.push(with_wake_up(run, step, lang, match operation {
                    proclab_core::program::MessageOp::Send { .. } => {
                        lang.pick([format!("메시지 {value} 보냄"), format!("sends {value}")])
                    }
                    proclab_core::program::MessageOp::Recv { .. } => {
                        lang.pick(["메시지 받음", "receives a message"]).to_string()
                    }
                    proclab_core::program::MessageOp::Write { .. } => {
                        lang.pick([format!("파이프에 {value} 씀"), format!("writes {value}")])
                    }
                    proclab_core::program::MessageOp::Read { .. } if value < 0 => lang
                        .pick(["파일 끝(-1)을 읽음", "reads end-of-file (-1)"])
                        .to_string(),
                    proclab_core::program::MessageOp::Read { .. } => {
                        lang.pick([format!("파이프에서 {value} 읽음"), format!("reads {value}")])
                    }
                    proclab_core::program::MessageOp::Close { .. } => lang
                        .pick(["쓰기 끝을 닫음", "closes its write end"])
                        .to_string(),
                    proclab_core::program::MessageOp::SharedWait { .. } => lang
                        .pick([
                            "공유 세마포어에서 1을 가져감(0보다 컸음)",
                            "takes 1 from the shared semaphore (it was above 0)",
                        ])
                        .to_string(),
                    proclab_core::program::MessageOp::SharedSignal { .. } => {
                        match woken_by(run, step.tick, step.thread) {
                            Some(woken) => lang.pick([
                                format!("공유 세마포어: {woken}{} 깨움", object_particle(&woken)),
                                format!("shared semaphore: wakes {woken}"),
                            ]),
                            None => lang
                                .pick([
                                    "공유 세마포어에 1을 더함(기다리는 스레드 없음)",
                                    "adds 1 to the shared semaphore (nobody waits)",
                                ])
                                .to_string(),
                        }
                    }
                    proclab_core::program::MessageOp::SharedLock { .. } => lang
                        .pick(["공유 뮤텍스를 잡음", "takes the shared mutex"])
                        .to_string(),
                    proclab_core::program::MessageOp::SharedUnlock { .. } => lang
                        .pick(["공유 뮤텍스를 놓음", "gives the shared mutex back"])
                        .to_string(),
                })),
                StepOutcome::Io(ticks) => effects.push(lang.pick([
                    format!("I/O {ticks}틱 요청(대기)"),
                    format!("asks for {ticks} {} of I/O (blocks)", crate::lang::ticks(ticks)),
                ])),
                StepOutcome::Compute(ticks) => effects.push(lang.pick([
                    format!("CPU에서 {ticks}틱 동안 계산"),
                    if ticks == 1 {
                        String::from("computes for 1 tick on the CPU")
                    } else {
                        format!("computes for {ticks} {} on the CPU", crate::lang::ticks(ticks))
                    },
                ])),
                // Why, in the words the CLI uses ("fault: it wrote 300 to a pipe, which carries bytes…").
                StepOutcome::Fault(_) => effects.push(
                    crate::program_words::outcome(&step.outcome, lang)
                        .unwrap_or_else(|| ProgramText::Faulted.get(lang).into()),
                ),
                StepOutcome::Continued => {
                    if let Some(note) = sync_note(run, step, program, lang) {
                        effects.push(note);
                    }
                }
            }
            // `lost` is in step order (one pass over the run found them).
            let lost = analysis
                .lost
                .binary_search_by_key(&index, |lost| lost.step)
                .ok()
                .map(|at| &analysis.lost[at])
                .map(|lost| {
                    let other = thread_name(scenario, lost.overwritten);
                    let when = steps[lost.overwritten_step].tick;
                    lang.pick([
                        format!(
                            "{other}{} 틱 {when}에 쓴 값을 덮어씀: 갱신 하나 잃음",
                            subject_particle(&other)
                        ),
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
                fault: matches!(step.outcome, StepOutcome::Fault(_)),
            }
        })
        .collect()
}

/// Why an instruction had to wait, from what it waits on and, for a channel, which way it went:
/// "mutex held: waits", "pipe full: waits".
fn blocked_note(wait: Wait, instruction: Option<Instruction>, lang: Lang) -> &'static str {
    let sends = matches!(
        instruction,
        Some(Instruction::Message(
            MessageOp::Send { .. } | MessageOp::Write { .. }
        ))
    );
    lang.pick(match (wait, sends) {
        (Wait::Mutex(_) | Wait::SharedMutex(_), _) => [
            "다른 스레드가 가진 뮤텍스: 기다림(대기)",
            "mutex held by another thread: waits (blocks)",
        ],
        (Wait::Semaphore(_) | Wait::SharedSemaphore(_), _) => [
            "세마포어 값이 0: 기다림(대기)",
            "semaphore at 0: waits (blocks)",
        ],
        (Wait::Condition(_), _) => [
            "뮤텍스를 놓고 signal을 기다림(대기)",
            "releases the mutex, waits for a signal (blocks)",
        ],
        (Wait::Queue(_), true) => [
            "메시지 큐가 가득 참: 기다림(대기)",
            "queue full: waits (blocks)",
        ],
        (Wait::Queue(_), false) => [
            "메시지 큐가 비어 있음: 기다림(대기)",
            "queue empty: waits (blocks)",
        ],
        (Wait::Pipe(_), true) => [
            "파이프가 가득 참: 기다림(대기)",
            "pipe full: waits (blocks)",
        ],
        (Wait::Pipe(_), false) => [
            "파이프가 비어 있음: 기다림(대기)",
            "pipe empty: waits (blocks)",
        ],
    })
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
    // From the first of the two loads: the overwritten thread's own load of the word may come
    // before the lost store's (then both threads read the same value before either stores).
    let overwritten_load = steps[..lost.overwritten_step]
        .iter()
        .rposition(|step| {
            step.thread == lost.overwritten
                && first_access(step, AccessKind::Read)
                    .is_some_and(|(address, _)| address == lost.address)
        })
        .unwrap_or(lost.loaded_step);
    let start = overwritten_load.min(lost.loaded_step);
    let mut value = match first_access(&steps[start], AccessKind::Read) {
        Some((address, read)) if address == lost.address => read,
        _ => lost.read,
    };
    let rows = (start..=lost.step)
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
        RunEnd::Finished => {
            // Every thread ended; say how many by a fault, which is not finishing its work.
            let faults = run
                .program_steps()
                .iter()
                .filter(|step| matches!(step.outcome, StepOutcome::Fault(_)))
                .count();
            // The sentence is shown at every playhead position, so it says when the run ends.
            let end = run.end_tick();
            match faults {
                0 => lang.pick([
                    format!("이 실행은 t={end}에 끝납니다: 모든 스레드가 끝까지 실행됩니다."),
                    format!("The run ends at t={end}: every thread runs to its end."),
                ]),
                _ => lang.pick([
                    format!("이 실행은 t={end}에 끝납니다: 모든 스레드가 끝나며, 그중 {faults}개는 오류로 끝납니다(아래 명령어 목록에 이유가 있습니다)."),
                    format!(
                        "The run ends at t={end}: every thread ends, {faults} of them by a fault (the list of instructions below says why)."
                    ),
                ]),
            }
        }
        RunEnd::Deadlock { .. } => crate::program_words::deadlock(run, lang),
        RunEnd::ScheduleUsedUp { tick } => lang.pick([
            format!("틱 {tick}에서 멈춤: 다음에 실행할 스레드를 고르세요."),
            format!("Paused at tick {tick}: choose the thread that runs next."),
        ]),
        RunEnd::BudgetExhausted { instructions, .. } => {
            let last = run.program_steps().last();
            let spinning = last.map(|step| {
                let (line, code) = source_of(scenario, step.thread, step.pc);
                // Where it is, as the listing numbers it (an address, 1003, had meant nothing
                // beside a listing numbered by line); an address no line holds by its number.
                let pc = match line {
                    Some(line) => lang.pick([format!("{line}행"), format!("line {line}")]),
                    None => lang.pick([format!("{}번지", step.pc), format!("address {}", step.pc)]),
                };
                let program = program_of(scenario, step.thread);
                let reading = run
                    .program_steps()
                    .iter()
                    .rev()
                    .filter(|earlier| earlier.thread == step.thread)
                    .find_map(|earlier| first_access(earlier, AccessKind::Read))
                    .map(|(address, _)| word_name(program, address));
                (thread_name(scenario, step.thread), pc, code, reading)
            });
            // Where it stopped, then what to do: a loop that needs more instructions runs to its
            // end under a larger budget; one that never ends stops whatever the budget (the
            // note had read every stop as a spin on the last word read).
            let raise = lang.pick([
                "더 필요한 프로그램이면 머신 설정의 \"명령어 예산\"을 늘리세요. 끝나지 않는 반복은 예산을 늘려도 여기서 멈춥니다.",
                "If the program needs more, raise the instruction budget under Machine; a loop that never ends stops here whatever the budget.",
            ]);
            let stopped = match (spinning, lang) {
                (Some((who, pc, code, Some(word))), Lang::Ko) => format!(
                    "명령어 예산 {instructions}개를 다 쓰고 멈췄습니다: {who}{} {pc}(`{code}`)에 있고, 마지막으로 읽은 메모리는 `{word}`입니다.",
                    topic_particle(&who),
                ),
                (Some((who, pc, code, Some(word))), Lang::En) => format!(
                    "Stopped after {instructions} instructions, the budget: {who} is at {pc} (`{code}`), and the last memory it read is `{word}`."
                ),
                (Some((who, pc, code, None)), Lang::Ko) => format!(
                    "명령어 예산 {instructions}개를 다 쓰고 멈췄습니다: {who}{} {pc}(`{code}`)를 실행 중입니다.",
                    subject_particle(&who)
                ),
                (Some((who, pc, code, None)), Lang::En) => format!(
                    "Stopped after {instructions} instructions, the budget: {who} is at {pc} (`{code}`)."
                ),
                (None, _) => lang.pick([
                    format!("명령어 예산 {instructions}개를 다 쓰고 멈췄습니다."),
                    format!("Stopped after {instructions} instructions, the budget."),
                ]),
            };
            format!("{stopped} {raise}")
        }
    }
}

/// A message or pipe operation's words, with the thread it woke if it woke one (a read that
/// made room for a blocked writer, a send to a blocked receiver, a close that ends a reader's
/// wait); a shared-semaphore signal already names it.
fn with_wake_up(
    run: &Run,
    step: &proclab_core::program::ExecutedStep,
    lang: Lang,
    words: String,
) -> String {
    if matches!(
        step.outcome,
        StepOutcome::Message {
            operation: proclab_core::program::MessageOp::SharedSignal { .. },
            ..
        }
    ) {
        return words;
    }
    let Some(woken) = super::sync_effects::woken_by(run, step.tick, step.thread) else {
        return words;
    };
    use proclab_core::program::MessageOp;
    // What the wake-up does for the woken thread, so that its operation is told too: a value
    // handed straight to a waiting reader has no line of the reader's own (a student counting
    // the reads had found five of six).
    let (value, operation) = match step.outcome {
        StepOutcome::Message { operation, value } => (value, Some(operation)),
        _ => (0, None),
    };
    match operation {
        Some(MessageOp::Write { .. }) => lang.pick([
            format!(
                "{words}, 기다리던 {woken}에게 바로 건넴(그 read가 {value}{} 받음)",
                object_particle(&value.to_string())
            ),
            format!(
                "{words}, handed straight to {woken}, which was waiting (its read returns {value})"
            ),
        ]),
        Some(MessageOp::Send { .. }) => lang.pick([
            format!(
                "{words}, 기다리던 {woken}에게 바로 건넴(그 recv가 {value}{} 받음)",
                object_particle(&value.to_string())
            ),
            format!(
                "{words}, handed straight to {woken}, which was waiting (its recv returns {value})"
            ),
        ]),
        Some(MessageOp::Read { .. } | MessageOp::Recv { .. }) => lang.pick([
            format!(
                "{words}, 기다리던 {woken}{} 깨움(기다리던 값이 들어감)",
                object_particle(&woken)
            ),
            format!("{words}, waking {woken} (the value it waited to put in goes in)"),
        ]),
        Some(MessageOp::Close { .. }) => {
            // Every reader waiting gets end-of-file, not only the first.
            let woken: Vec<String> =
                super::sync_effects::woken_threads(run, step.tick, step.thread)
                    .into_iter()
                    .map(|thread| proclab_core::render::thread_label(run.scenario(), thread))
                    .collect();
            let (their, reads) = match woken.len() {
                1 => ("its", "read returns"),
                _ => ("their", "reads return"),
            };
            let woken = woken.join(", ");
            lang.pick([
                format!(
                    "{words}, 기다리던 {woken}{} 깨움(그 read가 파일 끝 -1을 받음)",
                    object_particle(&woken)
                ),
                format!("{words}, waking {woken} ({their} {reads} end-of-file, -1)"),
            ])
        }
        _ => lang.pick([
            format!("{words}, 기다리던 {woken}{} 깨움", object_particle(&woken)),
            format!("{words}, waking {woken}"),
        ]),
    }
}
