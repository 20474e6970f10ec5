//! What a run's policy had no occasion to show on this workload, said beside its rule: an MLFQ
//! that demoted nobody ran as round robin on one level, and a priority policy over equal
//! priorities ran as FCFS. A student who picked the policy to see it at work learns why it looks
//! like another one, and what to change to see the difference.

use proclab_core::{Cause, PolicySpec, Run};

use crate::lang::Lang;

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
