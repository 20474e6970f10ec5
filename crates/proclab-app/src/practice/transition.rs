//! The second question of every exercise: one transition of the five-state diagram, and why.
//!
//! The question is read from the run: the first event of a thread that is the only event of that
//! thread at its tick (so "at t, what happens to P?" has one answer), preferring the transitions
//! worth asking about (a preemption, an I/O request or completion, a quantum running out). The
//! explanation is the narrated log's sentence for that very event.

use super::exercise::Exercise;
use super::grade::Verdict;
use crate::i18n::Lang;
use crate::watch::narrate::narrate;
use proclab_core::{Cause, Event, ProcessState};
use serde::{Deserialize, Serialize};

/// Why a thread changes state, as the question offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reason {
    Admitted,
    Dispatched,
    QuantumExpired,
    Preempted,
    IoRequested,
    IoCompleted,
    Exited,
}

impl Reason {
    pub const ALL: [Reason; 7] = [
        Reason::Admitted,
        Reason::Dispatched,
        Reason::QuantumExpired,
        Reason::Preempted,
        Reason::IoRequested,
        Reason::IoCompleted,
        Reason::Exited,
    ];

    fn of(cause: Cause) -> Option<Reason> {
        Some(match cause {
            Cause::Admitted => Reason::Admitted,
            Cause::Dispatched { .. } => Reason::Dispatched,
            Cause::QuantumExpired => Reason::QuantumExpired,
            Cause::Preempted { .. } => Reason::Preempted,
            Cause::IoRequested { .. } => Reason::IoRequested,
            Cause::IoCompleted => Reason::IoCompleted,
            Cause::Exited => Reason::Exited,
            _ => return None,
        })
    }

    /// The move it makes: from which state to which.
    pub fn moves(self) -> (ProcessState, ProcessState) {
        use ProcessState::*;
        match self {
            Reason::Admitted => (New, Ready),
            Reason::Dispatched => (Ready, Running),
            Reason::QuantumExpired | Reason::Preempted => (Running, Ready),
            Reason::IoRequested => (Running, Blocked),
            Reason::IoCompleted => (Blocked, Ready),
            Reason::Exited => (Running, Exit),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Reason::Admitted => ["생성되어 받아들여짐", "admitted (created)"],
            Reason::Dispatched => ["디스패처가 선택함", "dispatched"],
            Reason::QuantumExpired => ["타임 퀀텀 만료", "quantum expired"],
            Reason::Preempted => ["다른 프로세스에게 선점됨", "preempted by another process"],
            Reason::IoRequested => ["I/O 요청", "asked for I/O"],
            Reason::IoCompleted => ["I/O 완료 인터럽트", "I/O completed"],
            Reason::Exited => ["마지막 버스트를 마치고 종료", "finished its last burst"],
        })
    }

    pub fn code(self) -> &'static str {
        match self {
            Reason::Admitted => "admitted",
            Reason::Dispatched => "dispatched",
            Reason::QuantumExpired => "quantum",
            Reason::Preempted => "preempted",
            Reason::IoRequested => "io-requested",
            Reason::IoCompleted => "io-completed",
            Reason::Exited => "exited",
        }
    }

    pub fn from_code(code: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|reason| reason.code() == code)
    }
}

/// The student's answer: the state before, the state after, and the reason (each may be unset).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitionAnswer {
    pub from: Option<ProcessState>,
    pub to: Option<ProcessState>,
    pub reason: Option<Reason>,
}

/// The question: what happens to process `pid` at `tick`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransitionQuestion {
    pub tick: u64,
    pub pid: u32,
    event: Event,
}

fn interest(reason: Reason) -> u8 {
    match reason {
        Reason::Preempted => 0,
        Reason::IoRequested | Reason::IoCompleted => 1,
        Reason::QuantumExpired => 2,
        Reason::Dispatched => 3,
        Reason::Exited => 4,
        Reason::Admitted => 5,
    }
}

/// The exercise's transition question, if its run has any event to ask about.
pub fn question(exercise: &Exercise) -> Option<TransitionQuestion> {
    let events = exercise.run.events();
    events
        .iter()
        .filter(|event| {
            event.tick > 0
                && events
                    .iter()
                    .filter(|other| other.tick == event.tick && other.thread == event.thread)
                    .count()
                    == 1
        })
        .filter_map(|event| Some((interest(Reason::of(event.cause)?), event)))
        .min_by_key(|(interest, event)| (*interest, event.tick))
        .map(|(_, event)| TransitionQuestion {
            tick: event.tick,
            pid: event.thread.pid,
            event: *event,
        })
}

impl TransitionQuestion {
    /// The right answer.
    pub fn key(&self) -> TransitionAnswer {
        TransitionAnswer {
            from: Some(self.event.from),
            to: Some(self.event.to),
            reason: Reason::of(self.event.cause),
        }
    }

    /// Marks of from, to and reason.
    pub fn grade(&self, answer: &TransitionAnswer) -> [Verdict; 3] {
        let key = self.key();
        let mark = |right: bool, given: bool| match (given, right) {
            (false, _) => Verdict::Missing,
            (true, true) => Verdict::Right,
            (true, false) => Verdict::Wrong,
        };
        [
            mark(answer.from == key.from, answer.from.is_some()),
            mark(answer.to == key.to, answer.to.is_some()),
            mark(answer.reason == key.reason, answer.reason.is_some()),
        ]
    }

    /// The question in words.
    pub fn text(&self, exercise: &Exercise, lang: Lang) -> String {
        let name = exercise
            .names()
            .get(self.pid as usize)
            .cloned()
            .unwrap_or_default();
        lang.pick([
            format!(
                "t={}에 {name}의 상태는 무엇에서 무엇으로 바뀌며, 왜 바뀝니까?",
                self.tick
            ),
            format!(
                "At t={}, which transition does {name} make, and why?",
                self.tick
            ),
        ])
    }

    /// What happened, plainly ("At t=4, P4 goes from Ready to Running: dispatched."), then as
    /// the narrated log says it, then what is wrong with the reason `answer` chose: the move it
    /// makes when that is another, and, where the policy gives no time slice, that a quantum
    /// cannot expire (a student had answered "quantum expired" under FCFS and read only the log).
    /// That sentence had followed every wrong answer, whatever reason was chosen.
    pub fn explanation(
        &self,
        exercise: &Exercise,
        answer: &TransitionAnswer,
        lang: Lang,
    ) -> String {
        use crate::watch::text::state_name;
        let name = exercise
            .names()
            .get(self.pid as usize)
            .cloned()
            .unwrap_or_default();
        let key = self.key();
        let (from, to) = (
            state_name(self.event.from, lang),
            state_name(self.event.to, lang),
        );
        let reason = key.reason.map(|reason| reason.label(lang)).unwrap_or("");
        let plain = lang.pick([
            format!(
                "t={}에 {name}{} {from}에서 {to} 상태로 바뀝니다: {reason}.",
                self.tick,
                crate::lang::topic_particle(&name)
            ),
            format!(
                "At t={}, {name} goes from {from} to {to}: {reason}.",
                self.tick
            ),
        ]);
        let log = narrate(&self.event, &exercise.run.state_at(self.tick), lang);
        let slices = matches!(
            exercise.spec.policy,
            proclab_core::spec::PolicySpec::Rr { .. }
                | proclab_core::spec::PolicySpec::Mlfq(_)
                | proclab_core::spec::PolicySpec::Mlq { .. }
                | proclab_core::spec::PolicySpec::Lottery { .. }
        );
        let chosen = answer.reason.filter(|chosen| Some(*chosen) != key.reason);
        let about_chosen = chosen.map(|chosen| {
            let label = chosen.label(lang);
            if chosen == Reason::QuantumExpired && !slices {
                return lang
                    .pick([
                        " 이 정책에는 타임 퀀텀이 없으니 '타임 퀀텀 만료'는 답이 될 수 없습니다.",
                        " This policy gives no time slice, so a quantum cannot expire.",
                    ])
                    .to_string();
            }
            let (moves_from, moves_to) = chosen.moves();
            if (Some(moves_from), Some(moves_to)) == (key.from, key.to) {
                lang.pick([
                    format!(" 고른 이유 '{label}'도 같은 전이를 만들지만, 이번에는 그 때문이 아닙니다."),
                    format!(" The reason chosen, “{label}”, makes the same move, but it is not why this time."),
                ])
            } else {
                let (moves_from, moves_to) = (state_name(moves_from, lang), state_name(moves_to, lang));
                lang.pick([
                    format!(" 고른 이유 '{label}'{} {moves_from}에서 {moves_to} 상태로 가는 전이의 이유입니다.", crate::lang::topic_particle(label)),
                    format!(" The reason chosen, “{label}”, moves a process from {moves_from} to {moves_to}."),
                ])
            }
        });
        format!("{plain} {log}{}", about_chosen.unwrap_or_default())
    }
}
