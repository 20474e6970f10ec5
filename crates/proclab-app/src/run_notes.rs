//! What a run had no occasion to show, said beside its policy's rule: an MLFQ that demoted
//! nobody ran as round robin on one level, and a priority policy over equal priorities ran as
//! FCFS. A student who picked the policy to see it at work learns why it looks like another one,
//! and what to change to see the difference. And a mistake that did no harm only because nobody
//! came after it: a thread that exited holding a lock.

use proclab_core::{BurstSpec, Cause, PolicySpec, ProcessState, Run, SyncKind};

use crate::lang::{object_particle, subject_particle, topic_particle, Lang};

/// The note for `run`, or `None` when its policy showed what it does (or has nothing to hide).
pub fn policy_effect(run: &Run, lang: Lang) -> Option<String> {
    let spec = run.scenario().spec();
    match &spec.policy {
        PolicySpec::Mlfq(mlfq) if mlfq.levels.len() > 1 => {
            let demoted = run
                .trace()
                .iter()
                .any(|event| matches!(event.cause, Cause::Demoted { .. }));
            if demoted {
                return None;
            }
            // A top level without a quantum (FCFS) demotes nobody, whatever the workload.
            let top = mlfq.levels[0];
            let quantum = top.quantum?;
            let budget = quantum * u64::from(top.allotment);
            Some(match lang {
                Lang::Ko => format!(
                    "이 작업 부하에서는 어떤 스레드도 0단계에서 할당량({}번 × 퀀텀 {quantum} = {budget}틱)을 다 쓰지 않아 강등이 없었습니다. 그래서 모두 0단계에서 q = {quantum}인 RR처럼 돌았습니다. 강등을 보려면 {budget}틱보다 긴 CPU 버스트를 쓰거나 0단계의 퀀텀을 줄이세요.",
                    top.allotment
                ),
                Lang::En => format!(
                    "On this workload no thread used up its allotment at level 0 ({} × quantum {quantum} = {budget} ticks), so nobody was demoted: every thread ran at level 0, as round robin with q = {quantum}. To see demotions, write a CPU burst longer than {budget} ticks or shorten level 0's quantum.",
                    top.allotment
                ),
            })
        }
        PolicySpec::Priority {
            aging_every: None, ..
        } => {
            let first = spec.processes.first()?.priority;
            let equal = spec
                .processes
                .iter()
                .all(|process| process.priority == first);
            equal.then(|| {
                String::from(match lang {
                    Lang::Ko => "모든 프로세스의 우선순위가 같아, 여기서는 준비 큐에 들어온 순서대로 도는 FCFS와 같습니다. 차이를 보려면 우선순위 열의 값을 바꾸세요.",
                    Lang::En => "Every process has the same priority, so here the policy runs as FCFS, in order of entry into the ready queue. To see a difference, set the priority column.",
                })
            })
        }
        _ => None,
    }
}

/// A burst typed as an I/O of 0 ticks (`io0`), which the run takes at its word: the thread still
/// asks for I/O, so it leaves the CPU there and is back in the ready queue at once (a switch a
/// student may not expect, since nothing seemed to happen). Said for the first such burst, with
/// how many more there are.
pub fn zero_io(run: &Run, lang: Lang) -> Option<String> {
    let spec = run.scenario().spec();
    let processes = run.scenario().processes();
    let mut zeros = spec
        .processes
        .iter()
        .enumerate()
        .flat_map(|(pid, process)| {
            let name = processes.get(pid).map_or_else(
                || process.name.clone(),
                |process| process.name().to_string(),
            );
            let threads: Vec<(String, &[BurstSpec])> = match process.threads.is_empty() {
                true => vec![(name, process.bursts.as_slice())],
                false => (1..=process.threads.len())
                    .map(|tid| {
                        (
                            format!("{name}.T{tid}"),
                            process.threads[tid - 1].bursts.as_slice(),
                        )
                    })
                    .collect(),
            };
            threads.into_iter().flat_map(|(who, bursts)| {
                let at: Vec<usize> = (0..bursts.len())
                    .filter(|index| bursts[*index] == BurstSpec::Io(0))
                    .collect();
                at.into_iter().map(move |index| (who.clone(), index + 1))
            })
        });
    let (who, item) = zeros.next()?;
    let more = zeros.count();
    let first = match lang {
        Lang::Ko => format!(
            "{who}의 버스트 칸 {item}번째 항목은 0틱짜리 I/O입니다. 그래도 {who}{} I/O를 요청하므로 그 자리에서 CPU를 내놓고, 대기 상태가 되었다가 곧바로 준비 큐로 돌아갑니다.",
            topic_particle(&who)
        ),
        Lang::En => format!(
            "Item {item} of {who}'s bursts is an I/O of 0 ticks: {who} still asks for I/O, so it leaves the CPU there, goes Blocked and is back in the ready queue at once."
        ),
    };
    Some(match (more, lang) {
        (0, _) => first,
        (more, Lang::Ko) => format!("{first} 이런 버스트가 {more}개 더 있습니다."),
        (1, Lang::En) => format!("{first} One more burst is such an I/O."),
        (more, Lang::En) => format!("{first} {more} more bursts are such I/Os."),
    })
}

/// One sentence for each lock a thread still held when it exited (it locked and never unlocked):
/// who waits for it forever, or, if nobody asked for it afterwards, that one who did would have.
pub fn held_at_exit(run: &Run, lang: Lang) -> Vec<String> {
    // Locks live in programs (a burst's `lock m` is one). Without a mutex declared there is
    // nothing to look for, and the machine at the end is not rebuilt: for a run of a million
    // instructions that took 150 ms of the page's main thread.
    let declares_mutex = run.scenario().processes().iter().any(|process| {
        process.program().is_some_and(|program| {
            !program.mutexes().is_empty() || program.shared_mutexes().next().is_some()
        })
    });
    if !declares_mutex {
        return Vec::new();
    }
    let end = run.state_at(run.end_tick());
    let locks = end
        .shared_sync
        .iter()
        .chain(end.memories.iter().flat_map(|memory| memory.sync.iter()))
        .filter(|object| matches!(object.kind, SyncKind::Mutex | SyncKind::SharedMutex));
    locks
        .filter_map(|lock| {
            let thread = lock.holder?;
            if end.thread(thread)?.state != ProcessState::Exit {
                return None;
            }
            let who = &proclab_view::thread_label(&end, thread);
            let name = &lock.name;
            let waiters: Vec<String> = lock
                .waiters
                .iter()
                .map(|&waiter| proclab_view::thread_label(&end, waiter))
                .collect();
            let waiters = waiters.join(", ");
            Some(match (lang, waiters.is_empty()) {
                (Lang::Ko, true) => format!(
                    "{who}{} 락 {name}{} 잡은 채 끝났습니다(잠그고 풀지 않음). 여기서는 그 뒤에 {name}{} 잠그려는 스레드가 없어 아무도 기다리지 않았지만, 있었다면 영원히 기다렸을 것입니다.",
                    subject_particle(who),
                    object_particle(name),
                    object_particle(name)
                ),
                (Lang::Ko, false) => format!(
                    "{who}{} 락 {name}{} 잡은 채 끝났습니다(잠그고 풀지 않음). {waiters}{} 그 락을 영원히 기다립니다.",
                    subject_particle(who),
                    object_particle(name),
                    topic_particle(&waiters)
                ),
                (Lang::En, true) => format!(
                    "{who} exited still holding the lock {name} (it locked it and never unlocked it). Nobody asked for {name} after that here, so nothing waited; a thread that did would have waited forever."
                ),
                (Lang::En, false) => format!(
                    "{who} exited still holding the lock {name} (it locked it and never unlocked it): {waiters} waits for it forever."
                ),
            })
        })
        .collect()
}
