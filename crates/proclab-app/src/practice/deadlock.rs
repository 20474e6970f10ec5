//! Deadlock in a resource-allocation graph: threads of one process take two mutexes each, in an
//! order drawn from the seed, under a round-robin timer; the core runs them.
//!
//! The question is asked at one moment of that run: where it ends in the core's deadlock report
//! (`Run::deadlock`), or, when every thread finishes, the first tick where the most threads wait
//! for a mutex. The student reads who holds and who waits for each mutex at that moment
//! ([`moment`]) and says whether there is a deadlock, which threads wait forever, and (from the
//! medium level) which threads form the cycle. The key is the core's report; the explanation
//! reads it ("T1 holds a and waits for b; T2 holds b and waits for a"). A generated case is kept
//! only if its answer is well defined: one cycle at most, and a waiting thread when there is none.

use super::exercise::{Difficulty, ExerciseId};
use super::grade::{Mistake, Verdict};
use crate::lang::{object_particle, subject_particle, topic_particle, Lang};
use proclab_core::rng::Pcg32;
use proclab_core::spec::{MachineSpec, PolicySpec, ProcessSpec, ScenarioSpec, ThreadSpec};
use proclab_core::{ProcessState, Run, SyncKind};
use serde::{Deserialize, Serialize};

/// Derived seeds tried for a case of the wanted kind.
const ATTEMPTS: u64 = 64;
/// The mutexes' names, in declaration order.
const LOCKS: [&str; 4] = ["a", "b", "c", "d"];

/// Threads and mutexes of a level.
pub fn shape(difficulty: Difficulty) -> (usize, usize) {
    match difficulty {
        Difficulty::Easy => (2, 2),
        Difficulty::Medium => (3, 3),
        Difficulty::Hard => (4, 4),
    }
}

/// True when the level asks for the cycle too.
pub fn asks_cycle(difficulty: Difficulty) -> bool {
    difficulty != Difficulty::Easy
}

/// The answers as typed: `present` is `Some(true)` for "yes", thread indices from 0.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeadlockAnswer {
    pub present: Option<bool>,
    /// Threads that wait forever.
    pub blocked: Vec<u32>,
    /// Threads on the cycle (medium and hard).
    pub cycle: Vec<u32>,
}

impl DeadlockAnswer {
    pub fn is_empty(&self) -> bool {
        self.present.is_none() && self.blocked.is_empty() && self.cycle.is_empty()
    }

    /// The answer with `thread` ticked or unticked in the list `cycle` or not.
    pub fn toggled(&self, thread: u32, cycle: bool) -> DeadlockAnswer {
        let mut next = self.clone();
        let list = if cycle {
            &mut next.cycle
        } else {
            &mut next.blocked
        };
        match list.iter().position(|entry| *entry == thread) {
            Some(at) => {
                list.remove(at);
            }
            None => {
                list.push(thread);
                list.sort_unstable();
            }
        }
        next
    }
}

/// The marks of a deadlock exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeadlockGrading {
    pub present: Verdict,
    pub blocked: Verdict,
    /// `None` at the easy level (not asked).
    pub cycle: Option<Verdict>,
    /// The first thread whose tick in "waits forever" differs from the key's, if one does.
    pub blocked_slip: Option<u32>,
    /// The first thread whose tick in "on the cycle" differs from the key's, if one does.
    pub cycle_slip: Option<u32>,
}

/// The key, read from the core's report: whether the run deadlocks, who waits forever, the cycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeadlockKey {
    pub present: bool,
    pub blocked: Vec<u32>,
    pub cycle: Vec<u32>,
}

/// The key of `run`.
pub fn key(run: &Run) -> DeadlockKey {
    match run.deadlock() {
        Some(report) => {
            let mut blocked: Vec<u32> = report.waits.iter().map(|edge| edge.thread).collect();
            blocked.sort_unstable();
            let mut cycle = report.cycle.clone();
            cycle.sort_unstable();
            DeadlockKey {
                present: true,
                blocked,
                cycle,
            }
        }
        None => DeadlockKey {
            present: false,
            blocked: Vec::new(),
            cycle: Vec::new(),
        },
    }
}

/// One thread at the moment asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadRow {
    pub thread: u32,
    pub holds: Vec<String>,
    /// The mutex it waits for and who holds it.
    pub waits_for: Option<(String, Option<u32>)>,
    pub finished: bool,
}

/// The resource-allocation graph at the moment asked about, as rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moment {
    pub tick: u64,
    pub threads: Vec<ThreadRow>,
}

/// The tick the question is asked at: where a deadlocked run ends, else the first tick where the
/// most threads wait for a mutex (`None` if none ever waits).
pub fn moment_tick(run: &Run) -> Option<u64> {
    if run.deadlock().is_some() {
        return Some(run.end_tick());
    }
    let mut best: Option<(usize, u64)> = None;
    for tick in 0..=run.end_tick() {
        let waiting = moment_at(run, tick)
            .threads
            .iter()
            .filter(|row| row.waits_for.is_some())
            .count();
        if waiting > 0 && best.is_none_or(|(most, _)| waiting > most) {
            best = Some((waiting, tick));
        }
    }
    best.map(|(_, tick)| tick)
}

/// Who holds and who waits for each mutex at `tick`, read from `Run::state_at`.
pub fn moment_at(run: &Run, tick: u64) -> Moment {
    let state = run.state_at(tick);
    let sync = state
        .memories
        .first()
        .map(|memory| memory.sync.clone())
        .unwrap_or_default();
    let threads = state
        .threads
        .iter()
        .map(|tcb| {
            let thread = tcb.thread.tid;
            let holds = sync
                .iter()
                .filter(|object| object.kind == SyncKind::Mutex)
                .filter(|object| object.holder.is_some_and(|holder| holder.tid == thread))
                .map(|object| object.name.clone())
                .collect();
            let waits_for = sync
                .iter()
                .find(|object| object.waiters.iter().any(|waiter| waiter.tid == thread))
                .map(|object| (object.name.clone(), object.holder.map(|holder| holder.tid)));
            ThreadRow {
                thread,
                holds,
                waits_for,
                finished: tcb.state == ProcessState::Exit,
            }
        })
        .collect();
    Moment { tick, threads }
}

/// The moment of an exercise's run.
pub fn moment(run: &Run) -> Moment {
    moment_at(run, moment_tick(run).unwrap_or(0))
}

/// The program: each thread (`%bx` = its index) takes its two mutexes in its order, with a few
/// other instructions before and between, then releases them and halts.
fn program(orders: &[(usize, usize, u32, u32)], locks: usize) -> String {
    let mut text = String::from("# generated: each thread takes two mutexes in its own order\n");
    for name in &LOCKS[..locks] {
        text += &format!(".mutex {name}\n");
    }
    text += ".main\n";
    // Labels named as the threads are (`.t1` is T1's part, the thread whose `%bx` is 0).
    for thread in 1..orders.len() {
        let label = thread + 1;
        text += &format!("test ${thread}, %bx\nje .t{label}\n");
    }
    for (thread, (first, second, before, between)) in orders.iter().enumerate() {
        text += &format!(".t{}\n", thread + 1);
        for _ in 0..*before {
            text += "mov $0, %ax\n";
        }
        text += &format!("lock {}\n", LOCKS[*first]);
        for _ in 0..*between {
            text += "mov $0, %ax\n";
        }
        text += &format!(
            "lock {}\nmov $1, %ax\nunlock {}\nunlock {}\nhalt\n",
            LOCKS[*second], LOCKS[*second], LOCKS[*first]
        );
    }
    text
}

/// The spec of one candidate.
fn candidate(id: ExerciseId, attempt: u64) -> ScenarioSpec {
    let (threads, locks) = shape(id.difficulty);
    let mut rng = Pcg32::new(id.seed.wrapping_mul(ATTEMPTS).wrapping_add(attempt), 23);
    let orders: Vec<(usize, usize, u32, u32)> = (0..threads)
        .map(|_| {
            let first = rng.below(locks as u64) as usize;
            let second = (first + 1 + rng.below(locks as u64 - 1) as usize) % locks;
            (first, second, rng.below(3) as u32, rng.below(2) as u32)
        })
        .collect();
    let quantum = 1 + rng.below(3);
    ScenarioSpec {
        processes: vec![ProcessSpec {
            name: "P1".into(),
            program: program(&orders, locks),
            threads: (0..threads)
                .map(|thread| ThreadSpec {
                    registers: format!("bx={thread}"),
                    ..ThreadSpec::default()
                })
                .collect(),
            ..ProcessSpec::default()
        }],
        policy: PolicySpec::Rr { quantum },
        machine: MachineSpec {
            cpus: 1,
            instruction_budget: 2_000,
            ..MachineSpec::default()
        },
        ..ScenarioSpec::default()
    }
}

/// Threads on some cycle of the waits-for graph at the end of a deadlocked run (following each
/// waiting thread's holder), so a second cycle can be told from the report's one.
fn threads_on_cycles(run: &Run) -> Vec<u32> {
    let Some(report) = run.deadlock() else {
        return Vec::new();
    };
    let holder_of = |thread: u32| {
        report
            .waits
            .iter()
            .find(|edge| edge.thread == thread)
            .and_then(|edge| edge.holder)
    };
    let mut on: Vec<u32> = report
        .waits
        .iter()
        .map(|edge| edge.thread)
        .filter(|start| {
            let mut current = *start;
            for _ in 0..report.waits.len() {
                match holder_of(current) {
                    Some(next) if next == *start => return true,
                    Some(next) => current = next,
                    None => return false,
                }
            }
            false
        })
        .collect();
    on.sort_unstable();
    on
}

/// True if the case has one answer: a single cycle (every thread on a cycle is on the report's),
/// or, without a deadlock, a moment where some thread waits.
fn well_defined(run: &Run) -> bool {
    match run.deadlock() {
        Some(report) => {
            let mut cycle = report.cycle.clone();
            cycle.sort_unstable();
            !cycle.is_empty() && threads_on_cycles(run) == cycle
        }
        None => moment_tick(run).is_some() && run.end_tick() > 0,
    }
}

/// The run of a deadlock exercise: two seeds in three ask for a deadlock, the third for a run
/// where a thread waits but all finish; the first derived seed of the kind asked for is kept.
pub fn generate(id: ExerciseId) -> Option<Run> {
    let want_deadlock = !id.seed.is_multiple_of(3);
    let mut fallback = None;
    for attempt in 0..ATTEMPTS {
        let Ok(run) = proclab_core::simulate_spec(&candidate(id, attempt)) else {
            continue;
        };
        if !well_defined(&run) {
            continue;
        }
        if run.deadlock().is_some() == want_deadlock {
            return Some(run);
        }
        fallback.get_or_insert(run);
    }
    fallback
}

/// Marks a set of threads against the key's. Nothing ticked is the answer "none" (the question
/// says so) once the student has answered whether there is a deadlock; before that it is missing.
fn mark_set(typed: &[u32], key: &[u32], present: Option<bool>) -> Verdict {
    if typed.is_empty() && present.is_none() {
        Verdict::Missing
    } else if typed == key {
        Verdict::Right
    } else {
        Verdict::Wrong
    }
}

/// Grades the answers against the core's report.
pub fn grade_deadlock(
    run: &Run,
    difficulty: Difficulty,
    answer: &DeadlockAnswer,
) -> DeadlockGrading {
    let key = key(run);
    let present = match answer.present {
        None => Verdict::Missing,
        Some(present) if present == key.present => Verdict::Right,
        Some(_) => Verdict::Wrong,
    };
    DeadlockGrading {
        present,
        blocked: mark_set(&answer.blocked, &key.blocked, answer.present),
        cycle: asks_cycle(difficulty).then(|| mark_set(&answer.cycle, &key.cycle, answer.present)),
        blocked_slip: slip(&answer.blocked, &key.blocked),
        cycle_slip: slip(&answer.cycle, &key.cycle),
    }
}

/// The lowest thread ticked in one set and not the other.
fn slip(typed: &[u32], key: &[u32]) -> Option<u32> {
    let missed = key.iter().filter(|thread| !typed.contains(thread));
    let extra = typed.iter().filter(|thread| !key.contains(thread));
    missed.chain(extra).min().copied()
}

/// The key as an answer.
pub fn key_answer(run: &Run) -> DeadlockAnswer {
    let key = key(run);
    DeadlockAnswer {
        present: Some(key.present),
        blocked: key.blocked,
        cycle: key.cycle,
    }
}

/// `T1`, the name a thread has in the exercise.
pub fn thread_label(thread: u32) -> String {
    format!("T{}", thread + 1)
}

fn list(threads: &[u32], lang: Lang) -> String {
    let names: Vec<String> = threads.iter().map(|thread| thread_label(*thread)).collect();
    names.join(lang.pick([", ", ", "]))
}

/// The first line of a wrong answer's explanation: what to look at again, without the answer
/// (the worked answer follows it, for the page to fold). A wrong set of threads names the first
/// thread the answer has wrong and the arrow to follow from it, not which way it is wrong.
pub fn lead(run: &Run, grading: &DeadlockGrading, mistake: Mistake, lang: Lang) -> String {
    let slip = match mistake {
        Mistake::DeadlockBlocked => grading.blocked_slip,
        Mistake::DeadlockCycle => grading.cycle_slip,
        _ => None,
    };
    let general = match mistake {
        Mistake::DeadlockBlocked => lang.pick([
            "영원히 기다리는 스레드가 다릅니다: 어떤 스레드가 기다리는 뮤텍스를 가진 스레드가 절대 계속하지 못하면, 그 스레드도 영원히 기다립니다.",
            "Not the threads that wait forever: a thread waits forever when the thread holding its mutex can never go on.",
        ]),
        Mistake::DeadlockCycle => lang.pick([
            "사이클이 다릅니다: 화살표를 따라가다 다시 돌아오게 되는 스레드들이 사이클입니다. 사이클 쪽으로 기다리기만 하는 스레드는 사이클에 들지 않습니다.",
            "Not the cycle: it is the threads you come back to when following the arrows; a thread that only waits towards it is not on it.",
        ]),
        _ => lang.pick([
            "교착 상태가 있는지 다시 보세요: 기다리는 스레드마다 그 뮤텍스를 가진 스레드로 화살표를 긋고, 화살표가 원을 이루는지 봅니다.",
            "Look again at whether there is a deadlock: draw an arrow from each waiting thread to the holder of its mutex, and see whether the arrows close a circle.",
        ]),
    };
    let Some(thread) = slip else {
        return String::from(general);
    };
    let name = thread_label(thread);
    let row = moment(run)
        .threads
        .into_iter()
        .find(|row| row.thread == thread);
    let look = match row.as_ref().and_then(|row| row.waits_for.clone()) {
        Some((mutex, Some(holder))) => {
            let holder = thread_label(holder);
            lang.pick([
                format!(
                    "{name}부터 다시 보세요: {name}{} {mutex}{} 기다리고, {mutex}{} {holder}{} 가지고 있습니다. 이제 표에서 {holder}의 줄을 보고 {holder}{} 무엇을 기다리는지 찾아보세요.",
                    subject_particle(&name),
                    object_particle(&mutex),
                    topic_particle(&mutex),
                    subject_particle(&holder),
                    subject_particle(&holder)
                ),
                format!("Look again at {name}: {name} waits for {mutex}, which {holder} holds. Now find in {holder}'s row what {holder} waits for."),
            ])
        }
        Some((mutex, None)) => lang.pick([
            format!(
                "{name}부터 다시 보세요: {name}{} {mutex}{} 기다립니다.",
                subject_particle(&name),
                object_particle(&mutex)
            ),
            format!("Look again at {name}: {name} waits for {mutex}."),
        ]),
        None if row.as_ref().is_some_and(|row| row.finished) => lang.pick([
            format!(
                "{name}부터 다시 보세요: 이 순간 {name}{} 이미 끝났습니다.",
                topic_particle(&name)
            ),
            format!("Look again at {name}: at this moment {name} has finished."),
        ]),
        None => lang.pick([
            format!(
                "{name}부터 다시 보세요: 이 순간 {name}{} 어떤 뮤텍스도 기다리지 않습니다.",
                topic_particle(&name)
            ),
            format!("Look again at {name}: at this moment {name} waits for no mutex."),
        ]),
    };
    format!("{general} {look}")
}

/// Why the answer is what it is, from the core's report (deadlock) or the moment's waits (none).
pub fn explain(run: &Run, lang: Lang) -> String {
    let Some(report) = run.deadlock() else {
        return explain_no_cycle(run, lang);
    };
    let moment = moment(run);
    let holds = |thread: u32| -> String {
        moment
            .threads
            .iter()
            .find(|row| row.thread == thread)
            .map(|row| row.holds.join(lang.pick([", ", ", "])))
            .unwrap_or_default()
    };
    let mut words: Vec<String> = report
        .cycle
        .iter()
        .filter_map(|thread| {
            let edge = report.waits.iter().find(|edge| edge.thread == *thread)?;
            let name = thread_label(*thread);
            Some(lang.pick([
                format!(
                    "{name}{} {}{} 가진 채 {}{} 기다립니다",
                    subject_particle(&name),
                    holds(*thread),
                    object_particle(&holds(*thread)),
                    edge.name,
                    object_particle(&edge.name)
                ),
                format!(
                    "{name} holds {} and waits for {}",
                    holds(*thread),
                    edge.name
                ),
            ]))
        })
        .collect();
    let cycle_names: Vec<String> = report
        .cycle
        .iter()
        .chain(report.cycle.first())
        .map(|thread| thread_label(*thread))
        .collect();
    let mut text = format!(
        "{}. {}",
        words.join(lang.pick([". ", "; "])),
        lang.pick([
            format!(
                "대기 그래프에 사이클 {}{} 있어 이 스레드들은 영원히 기다립니다(교착 상태).",
                cycle_names.join(" → "),
                subject_particle(&cycle_names.join(" "))
            ),
            format!(
                "The waits form the cycle {}: none of them can ever go on (a deadlock).",
                cycle_names.join(" → ")
            ),
        ])
    );
    let outside: Vec<u32> = report
        .waits
        .iter()
        .map(|edge| edge.thread)
        .filter(|thread| !report.cycle.contains(thread))
        .collect();
    words.clear();
    for edge in report
        .waits
        .iter()
        .filter(|edge| outside.contains(&edge.thread))
    {
        let name = thread_label(edge.thread);
        let holder = edge.holder.map(thread_label).unwrap_or_default();
        words.push(lang.pick([
            format!(" {name}{} {}{} 기다리는데, 그것을 가진 {holder}{} 끝나지 않으므로 {name}도 영원히 기다립니다(사이클 밖).", subject_particle(&name), edge.name, object_particle(&edge.name), subject_particle(&holder)),
            format!(" {name} waits for {}, held by {holder}, which never goes on: {name} waits forever too, outside the cycle.", edge.name),
        ]));
    }
    text += &words.concat();
    text += &lang.pick([
        format!(
            " 영원히 기다리는 스레드: {}.",
            list(&key(run).blocked, lang)
        ),
        format!(
            " Threads that wait forever: {}.",
            list(&key(run).blocked, lang)
        ),
    ]);
    text
}

/// The hints: how to draw the wait-for graph at the moment asked about, then its arrows one by
/// one (a thread to the holder of the mutex it waits for), then where following them from the
/// first waiting thread leads: back to a thread already passed (a cycle) or to one that waits
/// for nothing.
pub fn hints(run: &Run, count: usize, lang: Lang) -> Vec<String> {
    let moment = moment(run);
    let tick = moment.tick;
    let mut hints = vec![lang.pick([
        format!("t={tick}의 대기 그래프를 그리세요: 뮤텍스를 기다리는 스레드마다 그 뮤텍스를 가진 스레드로 화살표를 긋습니다. 화살표가 사이클을 이루면 교착 상태입니다."),
        format!("Draw the wait-for graph at t={tick}: an arrow from each thread that waits for a mutex to the thread that holds it. A cycle of arrows is a deadlock."),
    ])];
    let edges: Vec<(u32, &str, Option<u32>)> = moment
        .threads
        .iter()
        .filter_map(|row| {
            let (name, holder) = row.waits_for.as_ref()?;
            Some((row.thread, name.as_str(), *holder))
        })
        .collect();
    for (thread, name, holder) in &edges {
        let waiter = thread_label(*thread);
        hints.push(match holder {
            Some(holder) => {
                let holder = thread_label(*holder);
                lang.pick([
                    format!("{waiter}{} {name}{} 기다리고, {name}{} {holder}{} 가졌습니다: {waiter} → {holder}.", subject_particle(&waiter), object_particle(name), object_particle(name), subject_particle(&holder)),
                    format!("{waiter} waits for {name}, held by {holder}: {waiter} → {holder}."),
                ])
            }
            None => lang.pick([
                format!("{waiter}{} {name}{} 기다리지만 지금은 아무도 {name}{} 갖지 않았습니다: 화살표가 없습니다.", subject_particle(&waiter), object_particle(name), object_particle(name)),
                format!("{waiter} waits for {name}, which nobody holds now: no arrow."),
            ]),
        });
    }
    if let Some((start, _, _)) = edges.first() {
        let next = |thread: u32| {
            edges
                .iter()
                .find(|(waiter, _, _)| *waiter == thread)
                .and_then(|(_, _, holder)| *holder)
        };
        let mut path = vec![*start];
        let mut current = *start;
        let back = loop {
            match next(current) {
                Some(holder) if path.contains(&holder) => break Some(holder),
                Some(holder) => {
                    path.push(holder);
                    current = holder;
                }
                None => break None,
            }
        };
        let mut walk: Vec<String> = path.iter().map(|thread| thread_label(*thread)).collect();
        let start = thread_label(*start);
        hints.push(match back {
            Some(back) => {
                let back = thread_label(back);
                walk.push(back.clone());
                let walk = walk.join(" → ");
                lang.pick([
                    format!("{start}에서 화살표를 따라가면 {walk}: 다시 {back}에 닿습니다. 사이클입니다."),
                    format!("Follow the arrows from {start}: {walk}, back to {back}: a cycle."),
                ])
            }
            None => {
                let end = walk.last().cloned().unwrap_or_default();
                let walk = walk.join(" → ");
                lang.pick([
                    format!("{start}에서 화살표를 따라가면 {walk}: {end}에서 끝납니다. {end}{} 아무것도 기다리지 않으므로 계속 실행할 수 있습니다.", subject_particle(&end)),
                    format!("Follow the arrows from {start}: {walk}, ending at {end}, which waits for nothing and can go on."),
                ])
            }
        });
    }
    hints
        .into_iter()
        .take(count)
        .enumerate()
        .map(|(index, hint)| format!("{}. {hint}", index + 1))
        .collect()
}

/// How many hints there are (see [`hints`]).
pub fn hint_count(run: &Run) -> usize {
    hints(run, usize::MAX, Lang::En).len()
}

/// No deadlock: each waiting thread, who holds what it waits for, and the thread at the end of
/// the chain that can still run.
fn explain_no_cycle(run: &Run, lang: Lang) -> String {
    let moment = moment(run);
    let row_of = |thread: u32| moment.threads.iter().find(|row| row.thread == thread);
    let mut words = Vec::new();
    for row in &moment.threads {
        let Some((name, holder)) = &row.waits_for else {
            continue;
        };
        let waiter = thread_label(row.thread);
        let Some(holder) = holder else {
            continue;
        };
        // Follow the holders to one that does not wait.
        let mut free = *holder;
        for _ in 0..moment.threads.len() {
            match row_of(free).and_then(|next| next.waits_for.clone()) {
                Some((_, Some(next))) => free = next,
                _ => break,
            }
        }
        let holder_name = thread_label(*holder);
        let free_name = thread_label(free);
        words.push(if free == *holder {
            lang.pick([
                format!("{waiter}{} {name}{} 기다리지만, 그것을 가진 {holder_name}{} 아무것도 기다리지 않아 계속 실행할 수 있습니다.", subject_particle(&waiter), object_particle(name), subject_particle(&holder_name)),
                format!("{waiter} waits for {name}, but {holder_name}, which holds it, waits for nothing and can still run."),
            ])
        } else {
            lang.pick([
                format!("{waiter}{} {name}{} 기다리고, 그것을 가진 {holder_name}도 기다리지만, 그 끝의 {free_name}{} 계속 실행할 수 있습니다.", subject_particle(&waiter), object_particle(name), subject_particle(&free_name)),
                format!("{waiter} waits for {name}, held by {holder_name}, which waits too; but {free_name}, at the end of that chain, can still run."),
            ])
        });
    }
    words.push(
        lang.pick([
            "대기 그래프에 사이클이 없으므로 교착 상태가 아닙니다. 모든 스레드가 결국 끝납니다."
                .to_string(),
            "The waits form no cycle, so there is no deadlock: every thread finishes in the end."
                .to_string(),
        ]),
    );
    words.join(" ")
}
