//! The MLFQ level question: a generated workload under a multilevel feedback queue, and the level
//! of every job during one tick `t` (the interval [t, t+1), after every event of instant t).
//!
//! The levels, quanta and allotments are the exercise's; the key is the level in each thread's
//! TCB in the core's own state at `t` ([`proclab_core::Run::state_at`]), and the explanations
//! name the level changes of the trace (`Cause::Demoted`, `Cause::Boosted`) with the allotment
//! that was used up. The tick asked is chosen so the question has one answer as stated: every job
//! has arrived and none has finished, and no level changes at `t` itself.

use super::exercise::Difficulty;
use super::grade::Verdict;
use crate::lang::subject_particle;
use crate::lang::Lang;
use proclab_core::spec::{LevelSpec, MlfqSpec, PolicySpec};
use proclab_core::{Cause, ProcessState, Run};

/// The MLFQ of a difficulty: three levels; harder ones charge two quanta at the top and boost.
pub fn policy(difficulty: Difficulty) -> MlfqSpec {
    let level = |quantum: u64, allotment: u32| LevelSpec {
        quantum: Some(quantum),
        allotment,
    };
    match difficulty {
        Difficulty::Easy => MlfqSpec {
            levels: vec![level(2, 1), level(4, 1), level(8, 1)],
            ..MlfqSpec::default()
        },
        Difficulty::Medium => MlfqSpec {
            levels: vec![level(2, 2), level(3, 1), level(6, 1)],
            ..MlfqSpec::default()
        },
        Difficulty::Hard => MlfqSpec {
            levels: vec![level(2, 1), level(4, 1), level(8, 1)],
            boost_period: Some(15),
            ..MlfqSpec::default()
        },
    }
}

/// The run's MLFQ, if it is one.
fn spec_of(run: &Run) -> Option<&MlfqSpec> {
    match &run.scenario().spec().policy {
        PolicySpec::Mlfq(mlfq) => Some(mlfq),
        _ => None,
    }
}

/// The level of each process's (only) thread during tick `tick`, from the core's state.
pub fn levels_at(run: &Run, tick: u64) -> Vec<u32> {
    let state = run.state_at(tick);
    let processes = run.scenario().spec().processes.len();
    (0..processes as u32)
        .map(|pid| {
            state
                .threads
                .iter()
                .find(|tcb| tcb.thread.pid == pid && tcb.thread.tid == 0)
                .map_or(0, |tcb| tcb.level)
        })
        .collect()
}

/// True if some job changes level at `tick` itself.
fn level_changes_at(run: &Run, tick: u64) -> bool {
    run.events().iter().any(|event| {
        event.tick == tick && matches!(event.cause, Cause::Demoted { .. } | Cause::Boosted)
    })
}

/// The ticks at which the question has one answer: every job has arrived and none has exited,
/// and no level changes at that instant.
fn clear_ticks(run: &Run) -> Vec<u64> {
    let metrics = run.metrics();
    let first = metrics
        .processes
        .iter()
        .map(|process| process.arrival)
        .max()
        .unwrap_or(0);
    let last = metrics
        .processes
        .iter()
        .map(|process| process.completion)
        .min()
        .unwrap_or(0);
    (first..last)
        .filter(|tick| !level_changes_at(run, *tick))
        .filter(|tick| {
            run.state_at(*tick)
                .threads
                .iter()
                .all(|tcb| !matches!(tcb.state, ProcessState::New | ProcessState::Exit))
        })
        .collect()
}

/// The tick to ask about: among the clear ticks with the most distinct levels (at least two, so
/// some job has moved down), after the first boost when there is such a tick, the one the seed
/// picks; `None` if no tick shows a demotion.
pub fn asked_tick(run: &Run, seed: u64) -> Option<u64> {
    let mut scored: Vec<(u64, usize)> = clear_ticks(run)
        .into_iter()
        .map(|tick| {
            let mut levels = levels_at(run, tick);
            levels.sort_unstable();
            levels.dedup();
            (tick, levels.len())
        })
        .collect();
    // With a boost, a tick after the first one, when it still has jobs at two levels.
    if let Some(period) = spec_of(run).and_then(|mlfq| mlfq.boost_period) {
        if scored
            .iter()
            .any(|(tick, distinct)| *tick > period && *distinct >= 2)
        {
            scored.retain(|(tick, _)| *tick > period);
        }
    }
    let best = scored.iter().map(|(_, distinct)| *distinct).max()?;
    if best < 2 {
        return None;
    }
    let ticks: Vec<u64> = scored
        .into_iter()
        .filter(|(_, distinct)| *distinct == best)
        .map(|(tick, _)| tick)
        .collect();
    Some(ticks[(seed % ticks.len() as u64) as usize])
}

/// False if the MLFQ boosts and `tick` comes before the first boost (the boost plays no part in
/// the answer); true otherwise.
pub fn shows_boost(run: &Run, tick: u64) -> bool {
    spec_of(run)
        .and_then(|mlfq| mlfq.boost_period)
        .is_none_or(|period| tick > period)
}

/// The marks of the typed levels (one per process).
pub fn grade_levels(run: &Run, tick: u64, typed: &[String]) -> Vec<Verdict> {
    levels_at(run, tick)
        .iter()
        .enumerate()
        .map(|(pid, key)| {
            match super::grade::read_whole::<u32>(typed.get(pid).map_or("", String::as_str)) {
                Ok(level) if level == *key => Verdict::Right,
                Ok(_) => Verdict::Wrong,
                Err(verdict) => verdict,
            }
        })
        .collect()
}

/// One level change of the trace, for hints and explanations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelChange {
    pub tick: u64,
    pub pid: u32,
    /// The level before.
    pub from: u32,
    /// The level after.
    pub to: u32,
}

/// Every level change of the run at or before `tick`, in trace order.
pub fn changes_until(run: &Run, tick: u64) -> Vec<LevelChange> {
    let processes = run.scenario().spec().processes.len();
    let mut level = vec![0u32; processes];
    let mut changes = Vec::new();
    for event in run.events().iter().take_while(|event| event.tick <= tick) {
        let pid = event.thread.pid;
        let to = match event.cause {
            Cause::Demoted { level } => level,
            Cause::Boosted => 0,
            _ => continue,
        };
        if let Some(from) = level.get_mut(pid as usize) {
            changes.push(LevelChange {
                tick: event.tick,
                pid,
                from: *from,
                to,
            });
            *from = to;
        }
    }
    changes
}

/// Name of process `pid`.
fn name(run: &Run, pid: u32) -> String {
    run.scenario()
        .spec()
        .processes
        .get(pid as usize)
        .map(|process| process.name.clone())
        .unwrap_or_default()
}

/// One level change in words, with the rule that made it.
pub fn change_sentence(run: &Run, change: &LevelChange, lang: Lang) -> String {
    let who = name(run, change.pid);
    let (tick, from, to) = (change.tick, change.from, change.to);
    if to < from {
        return lang.pick([
            format!("t={tick}: 우선순위 상향(boost, {}틱마다): {}{} 단계 {from}에서 단계 0으로 올라가고 퀀텀과 할당량을 새로 받습니다.", spec_of(run).and_then(|mlfq| mlfq.boost_period).unwrap_or(0), who, subject_particle(&who)),
            format!("t={tick}: priority boost (every {} ticks): {who} moves from level {from} up to level 0 with a fresh quantum and allotment.", spec_of(run).and_then(|mlfq| mlfq.boost_period).unwrap_or(0)),
        ]);
    }
    let level = spec_of(run).and_then(|mlfq| mlfq.levels.get(from as usize).copied());
    let (quantum, allotment) = level.map_or((0, 0), |level| {
        (level.quantum.unwrap_or(0), level.allotment)
    });
    let used = if allotment == 1 {
        lang.pick([
            format!("퀀텀 {quantum}틱을 모두 썼습니다"),
            format!(
                "used its whole quantum of {quantum} {}",
                crate::lang::ticks(quantum)
            ),
        ])
    } else {
        lang.pick([
            format!("할당량(퀀텀 {quantum}틱 × {allotment}번)을 모두 썼습니다"),
            format!("used up its allotment ({allotment} quanta of {quantum} ticks)"),
        ])
    };
    lang.pick([
        format!(
            "t={tick}: {}{} 단계 {from}에서 {used}: 한 단계 내려가 단계 {to}{} 됩니다.",
            who,
            subject_particle(&who),
            subject_particle(&to.to_string())
        ),
        format!("t={tick}: {who} {used} at level {from}: demoted to level {to}."),
    ])
}

/// What a level cell holds, for a cell that could not be read.
pub fn level_form(run: &Run, lang: Lang) -> String {
    let bottom = spec_of(run).map_or(0, |mlfq| mlfq.levels.len().saturating_sub(1));
    lang.pick([
        format!("단계는 0부터 {bottom}까지의 정수 하나입니다."),
        format!("A level is one whole number from 0 to {bottom}."),
    ])
}

/// Why process `pid` is at its level during `tick`: its last level change, or that it has none
/// (after what a level is, when the cell could not be read).
pub fn explain_level(run: &Run, tick: u64, pid: u32, verdict: Verdict, lang: Lang) -> String {
    let form = (verdict == Verdict::NotANumber).then(|| level_form(run, lang) + " ");
    let who = name(run, pid);
    let level = levels_at(run, tick).get(pid as usize).copied().unwrap_or(0);
    let own: Vec<LevelChange> = changes_until(run, tick)
        .into_iter()
        .filter(|change| change.pid == pid)
        .collect();
    let because = match own.last() {
        Some(change) => {
            let mut sentence = change_sentence(run, change, lang);
            // A demotion from the top just after a boost: the boost is the step a student
            // misses (the job had sunk, and counted from where it was before it).
            if let [.., boost, _] = own.as_slice() {
                if boost.to < boost.from && change.from == boost.to {
                    sentence = format!("{} {sentence}", change_sentence(run, boost, lang));
                }
            }
            lang.pick([
                format!("{sentence} 그 뒤 t={tick}까지 단계가 바뀌지 않았습니다."),
                format!("{sentence} Its level does not change again before t={tick}."),
            ])
        }
        None => {
            let arrival = run
                .metrics()
                .processes
                .get(pid as usize)
                .map_or(0, |process| process.arrival);
            lang.pick([
                format!("{}{} t={arrival}에 도착해 단계 0에 들어갔고, t={tick}까지 단계 0의 할당량을 다 쓰지 않았습니다.", who, subject_particle(&who)),
                format!("{who} arrived at t={arrival} and entered level 0; it has not used up its allotment at level 0 by t={tick}."),
            ])
        }
    };
    let form = form.unwrap_or_default();
    lang.pick([
        format!(
            "{form}틱 {tick} 동안 {}{} 단계 {level}에 있습니다. {because}",
            who,
            subject_particle(&who)
        ),
        format!("{form}During tick {tick}, {who} is at level {level}. {because}"),
    ])
}

/// The first `count` level changes up to the asked tick, one hint each.
pub fn hints(run: &Run, tick: u64, count: usize, lang: Lang) -> Vec<String> {
    let changes = changes_until(run, tick);
    let mut sentences: Vec<String> = changes
        .iter()
        .map(|change| change_sentence(run, change, lang))
        .collect();
    let unchanged = unchanged_until(run, tick, &changes);
    if !unchanged.is_empty() {
        let names: Vec<String> = unchanged.iter().map(|&pid| name(run, pid)).collect();
        let (list, last) = (names.join(", "), names.last().cloned().unwrap_or_default());
        sentences.push(lang.pick([
            format!("t={tick}까지 {list}{} 단계가 한 번도 바뀌지 않아 처음 들어온 단계 0에 그대로 있습니다.", crate::lang::topic_particle(&last)),
            format!(
                "Up to t={tick} {list} {} never changed level: {} still at level 0, where every job starts.",
                if names.len() == 1 { "has" } else { "have" },
                if names.len() == 1 { "it is" } else { "they are" }
            ),
        ]));
    }
    sentences
        .into_iter()
        .take(count)
        .enumerate()
        .map(|(index, sentence)| format!("{}. {sentence}", index + 1))
        .collect()
}

/// How many hints [`hints`] has in all: each level change, then the jobs that never changed.
pub fn hint_total(run: &Run, tick: u64) -> usize {
    let changes = changes_until(run, tick);
    changes.len() + usize::from(!unchanged_until(run, tick, &changes).is_empty())
}

/// The jobs that have arrived and not finished by `tick` without any level change (a wrong
/// level for one of them had no hint to go to).
fn unchanged_until(run: &Run, tick: u64, changes: &[LevelChange]) -> Vec<u32> {
    run.metrics()
        .processes
        .iter()
        .filter(|process| process.arrival <= tick && process.completion > tick)
        .map(|process| process.pid)
        .filter(|pid| !changes.iter().any(|change| change.pid == *pid))
        .collect()
}

/// The MLFQ's rules, one sentence each, and the question's convention.
pub fn rules(run: &Run, tick: u64, lang: Lang) -> Vec<String> {
    let Some(mlfq) = spec_of(run) else {
        return Vec::new();
    };
    let levels: Vec<String> = mlfq
        .levels
        .iter()
        .enumerate()
        .map(|(index, level)| {
            let quantum = level.quantum.unwrap_or(0);
            let allotment = level.allotment;
            lang.pick([
                format!("단계 {index}: 퀀텀 {quantum}틱, 할당량 {allotment}퀀텀"),
                format!(
                    "level {index}: quantum {quantum}, allotment {allotment} {}",
                    if allotment == 1 { "quantum" } else { "quanta" }
                ),
            ])
        })
        .collect();
    let levels = levels.join("; ");
    let bottom = mlfq.levels.len() - 1;
    let mut rules = vec![
        lang.pick([
            format!("다단계 피드백 큐(MLFQ), 단계 0이 가장 높습니다. {levels}."),
            format!("Multilevel feedback queue (MLFQ), level 0 the highest: {levels}."),
        ]),
        lang.pick([
            format!("새 작업은 단계 0에 들어갑니다. 한 단계에서 할당량만큼 퀀텀을 모두 쓰면 한 단계 내려갑니다(맨 아래 단계 {bottom}에서는 그대로). I/O로 CPU를 내놓아도 쓴 시간은 그대로 셉니다."),
            format!("A new job enters level 0. A job that uses a level's whole allotment of quanta moves down one level (at the bottom, level {bottom}, it stays). Giving up the CPU for I/O does not reset what it used."),
        ]),
        lang.pick([
            "높은 단계의 작업이 준비되면 낮은 단계의 실행 중인 작업을 선점합니다. 선점된 작업은 남은 퀀텀과 함께 자기 단계의 맨 앞으로 갑니다. 한 단계 안에서는 라운드 로빈이고, 퀀텀이 끝난 작업은 그 단계의 맨 뒤로 갑니다(같은 순간에 도착한 작업 뒤).".to_string(),
            "A job at a higher level that becomes ready preempts a running job of a lower level; the preempted job goes back to the head of its level with the rest of its quantum. Within a level it is round robin: a job whose quantum ends goes to the back of its level (behind jobs arriving at that tick).".to_string(),
        ]),
        lang.pick([
            "한 CPU, 시간은 정수 틱, 문맥 교환 비용은 없습니다.".to_string(),
            "One CPU; time is in whole ticks; context switches are free.".to_string(),
        ]),
    ];
    if run
        .scenario()
        .spec()
        .processes
        .iter()
        .any(|process| process.bursts.len() > 1)
    {
        rules.push(lang.pick([
            "버스트 '3 io2 4'는 CPU 3, I/O 2, CPU 4입니다. I/O가 끝난 작업은 자기 단계의 맨 뒤로 갑니다(같은 순간에 도착한 작업보다 먼저).",
            "Bursts '3 io2 4' mean CPU 3, I/O 2, CPU 4. A job whose I/O ends joins the back of its level (before jobs arriving at that tick).",
        ]).to_string());
    }
    if let Some(period) = mlfq.boost_period {
        rules.push(lang.pick([
            format!("우선순위 상향(boost): t={period}, {}, …마다(그 순간의 도착 뒤) 끝나지 않은 모든 작업이 단계 0으로 올라가고 퀀텀과 할당량을 새로 받습니다. 줄 순서는 유지됩니다: 단계 0의 작업, 그다음 단계 1, 단계 2의 작업 순이고, 단계 0 아래에서 실행 중이던 작업은 먼저 자기 단계의 맨 앞으로 돌아갑니다.", 2 * period),
            format!("Priority boost: at t={period}, {}, … (after that tick's arrivals) every unfinished job moves to level 0 with a fresh quantum and allotment, keeping its place in line: level 0's jobs first, then level 1's, then level 2's; a job running below level 0 first goes back to the head of its level.", 2 * period),
        ]));
    }
    rules.push(lang.pick([
        format!("질문: 틱 {tick} 동안(구간 [{tick}, {}), 순간 t={tick}의 모든 사건 뒤) 각 작업은 몇 번 단계에 있을까요? 단계 번호(0부터)를 쓰세요.", tick + 1),
        format!("Question: during tick {tick} (the interval [{tick}, {}), after every event of instant t={tick}), at which level is each job? Type the level number (from 0).", tick + 1),
    ]));
    rules
}
