//! "You are the scheduler": its goals and the threads a student may choose.

use proclab_core::{ProcessState, Run, Scenario};

use crate::lang::Lang;

use super::*;

/// The goals of "you are the scheduler".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Goal {
    /// Make a store overwrite another thread's update.
    LoseAnUpdate,
    /// Have two threads between their load and their store of one variable at once.
    BothInside,
    /// Run `STARVE_AFTER` instructions in a row while a thread that has not finished waits.
    Starve,
    /// End the run in a deadlock.
    Deadlock,
}

/// Instructions in a row that count as starving a waiting thread.
pub const STARVE_AFTER: usize = 10;

impl Goal {
    pub const ALL: [Goal; 4] = [
        Goal::LoseAnUpdate,
        Goal::BothInside,
        Goal::Starve,
        Goal::Deadlock,
    ];

    /// The goals that fit `scenario`'s programs: losing an update and two threads inside only
    /// where two threads can reach one variable (threads of a process that declares one, or a
    /// `.shared` variable of two processes; a lock around it makes them unreachable, which is
    /// the lesson), a deadlock only where there are two mutexes to take in opposite orders;
    /// starving a thread always.
    pub fn fitting(scenario: &Scenario) -> Vec<Goal> {
        let mut shared_names: Vec<&str> = Vec::new();
        let mut reachable_by_two = false;
        let mut mutexes = 0;
        for process in scenario.processes() {
            let Some(program) = process.program() else {
                continue;
            };
            let threads = process.thread_count();
            if threads >= 2 && !program.variables().is_empty() {
                reachable_by_two = true;
            }
            for variable in program.shared_variables() {
                if shared_names.contains(&variable.name.as_str()) {
                    reachable_by_two = true;
                } else {
                    shared_names.push(&variable.name);
                }
            }
            if threads >= 2 {
                mutexes += program.mutexes().len();
            }
            mutexes += program.shared_mutexes().count();
        }
        Goal::ALL
            .into_iter()
            .filter(|goal| match goal {
                Goal::LoseAnUpdate | Goal::BothInside => reachable_by_two,
                Goal::Starve => true,
                Goal::Deadlock => mutexes >= 2,
            })
            .collect()
    }

    /// Whether the run reached it.
    pub fn reached(self, analysis: &Analysis) -> bool {
        match self {
            Goal::LoseAnUpdate => !analysis.lost.is_empty(),
            Goal::BothInside => analysis.most_inside.0 >= 2,
            Goal::Starve => analysis.longest_wait.0 >= STARVE_AFTER,
            Goal::Deadlock => analysis.deadlock,
        }
    }

    pub fn words(self) -> ProgramText {
        match self {
            Goal::LoseAnUpdate => ProgramText::GoalLose,
            Goal::BothInside => ProgramText::GoalInside,
            Goal::Starve => ProgramText::GoalStarve,
            Goal::Deadlock => ProgramText::GoalDeadlock,
        }
    }
}

/// The threads a student may choose next: the program threads that have not finished (no
/// `halt` and no fault among their executed instructions, which is what ends one). Read from the
/// recorded instructions, not from the machine at the end, which would replay the whole run.
pub fn choosable(run: &Run) -> Vec<u32> {
    let scenario = run.scenario();
    let mut finished = vec![false; scenario.threads().len()];
    for step in run.program_steps() {
        if matches!(step.outcome, StepOutcome::Halted | StepOutcome::Fault(_)) {
            finished[step.thread as usize] = true;
        }
    }
    (0..finished.len() as u32)
        .filter(|thread| program_of(scenario, *thread).is_some() && !finished[*thread as usize])
        .collect()
}

/// What each of `threads` waits for at the pause when it cannot run now: blocked on a mutex,
/// a semaphore, a queue or a pipe until another thread runs (the name of the object, empty when
/// the run does not say), `None` when it is ready. A choice of a blocked thread is used up
/// without running (`policy/script.rs`), so the page offers none. At a pause every arrival and
/// every I/O has happened: the engine runs on to its last instant before it stops for a choice.
pub fn blocked_at_the_pause(run: &Run, threads: &[u32]) -> Vec<Option<String>> {
    let state = run.state_at(run.end_tick());
    threads
        .iter()
        .map(|thread| {
            let tcb = state.threads.get(*thread as usize)?;
            (tcb.state == ProcessState::Blocked).then(|| {
                tcb.program
                    .as_ref()
                    .and_then(|context| context.waiting_for.as_ref())
                    .map(|(object, _)| object.clone())
                    .unwrap_or_default()
            })
        })
        .collect()
}

/// What a thread blocked on a pipe or a message queue waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelWait {
    /// To put a value in: the channel is full.
    Full,
    /// To take one: the channel is empty.
    Empty,
}

/// What thread `thread` waits for at the pause, if it waits on a pipe or a message queue.
pub fn channel_wait_at_the_pause(run: &Run, thread: u32) -> Option<ChannelWait> {
    let state = run.state_at(run.end_tick());
    let who = run.scenario().threads().get(thread as usize)?;
    let is_it =
        |waiter: &proclab_core::ThreadRef| waiter.pid == who.pid() && waiter.tid == who.tid();
    state.queues.iter().find_map(|channel| {
        if channel.senders.iter().any(is_it) {
            Some(ChannelWait::Full)
        } else if channel.receivers.iter().any(is_it) {
            Some(ChannelWait::Empty)
        } else {
            None
        }
    })
}

/// Why a thread of "you are the scheduler" offers no choice now (see [`blocked_at_the_pause`]):
/// what it is blocked on and what wakes it (for a pipe or a queue, a read or a write, not a
/// release or a signal).
pub fn blocked_words(object: &str, channel: Option<ChannelWait>, lang: Lang) -> String {
    if object.is_empty() {
        return lang
            .pick([
                "블록됨: 다른 스레드가 실행되어야 깨어납니다",
                "blocked until another thread runs",
            ])
            .to_string();
    }
    match channel {
        Some(ChannelWait::Full) => lang.pick([
            format!("{object}에서 블록됨(가득 참): 다른 스레드가 읽어 자리가 나야 깨어납니다"),
            format!("blocked on {object} (full): wakes when another thread's read or receive makes room"),
        ]),
        Some(ChannelWait::Empty) => lang.pick([
            format!("{object}에서 블록됨(비어 있음): 다른 스레드가 쓰거나 보내야(파이프는 쓰기 끝이 모두 닫혀도) 깨어납니다"),
            format!("blocked on {object} (empty): wakes when another thread writes or sends (for a pipe, also when every write end closes)"),
        ]),
        None => lang.pick([
            format!("{object}에서 블록됨: 다른 스레드가 풀어 주거나 신호를 보내야 깨어납니다"),
            format!("blocked on {object}: wakes when another thread releases or signals it"),
        ]),
    }
}

/// How many of `at_most` more choices of `thread` run something, so "run 5" records no choice
/// the machine would use up doing nothing: the thread halts, blocks or faults on the way, and
/// a choice of a thread that cannot run is used up without running (`policy/script.rs`). The
/// fewest extra choices that end the paused run where `at_most` of them would, and at least one
/// (a click always records its choice). Each trial reruns the scheduled run, which is as long
/// as the choices made so far.
pub fn choices_that_run(run: &Run, thread: u32, at_most: usize) -> usize {
    let spec = run.scenario().spec();
    // A repeating schedule (`x86.py -P`) starts over after its last entry: its run goes on to
    // the end, not to a pause, and the choices added are its pattern, all recorded.
    let Some(schedule) = spec.schedule.as_ref().filter(|schedule| !schedule.repeat) else {
        return at_most;
    };
    let outcome = |count: usize| {
        let mut longer = spec.clone();
        let mut threads = schedule.threads.clone();
        threads.extend(core::iter::repeat_n(thread, count));
        longer.schedule = Some(proclab_core::ScheduleSpec {
            threads,
            repeat: schedule.repeat,
        });
        proclab_core::simulate_spec(&longer)
            .ok()
            .map(|run| (run.end_tick(), run.program_steps().len(), run.event_count()))
    };
    let full = outcome(at_most);
    (1..at_most)
        .find(|count| outcome(*count) == full)
        .unwrap_or(at_most)
}
