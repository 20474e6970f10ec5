//! Why a thread whose quantum just ended runs on, and the log's sentences for it: the timer
//! interrupt, and the dispatch that is no context switch.

use crate::i18n::Lang;
use crate::lang::{object_particle, subject_particle};
use proclab_core::spec::{PolicySpec, QueueTopology};
use proclab_core::{Event, ThreadRef};

/// Why the thread whose quantum ended was picked again.
pub enum Again {
    /// No other thread was ready.
    NoneReady,
    /// Per-CPU queues: none waited in its CPU's queue (others waited in other CPUs' queues).
    OwnQueueEmpty,
    /// Several CPUs took a thread at once: it was among the policy's picks, and affinity sent it
    /// home.
    Affinity,
    /// The lottery drew it again.
    Drawn { others: usize },
    /// It still came first in the policy's order (a higher level, class or priority).
    FirstChoice { others: usize },
}

/// Why `event`'s thread, whose quantum just ended, runs on: round robin over one shared queue
/// picks it again only when no other thread is ready; any other policy or queue may pick it with
/// others ready, and then the machine of that instant tells which case it is. `several_picked`:
/// another CPU took a thread in the same instant (affinity places a whole instant's picks).
pub fn why(run: &proclab_core::Run, event: &Event, several_picked: bool) -> Again {
    let scenario = run.scenario();
    let machine = scenario.machine();
    let several = machine.cpus > 1;
    let round_robin = matches!(scenario.policy(), PolicySpec::Rr { .. });
    if round_robin && (machine.topology == QueueTopology::Shared || !several) {
        return Again::NoneReady;
    }
    let state = run.state_at(event.tick);
    let others = |queues: &[Vec<ThreadRef>]| {
        queues
            .iter()
            .flatten()
            .filter(|thread| **thread != event.thread)
            .count()
    };
    let ready = others(&state.ready);
    if ready == 0 {
        return Again::NoneReady;
    }
    match machine.topology {
        QueueTopology::Affinity if several_picked => return Again::Affinity,
        QueueTopology::PerCpu if several => {
            let cpu = event.cpu.unwrap_or_default() as usize;
            if state
                .ready_per_cpu
                .get(cpu)
                .is_none_or(|own| others(own) == 0)
            {
                return Again::OwnQueueEmpty;
            }
        }
        _ => {}
    }
    match scenario.policy() {
        PolicySpec::Lottery { .. } => Again::Drawn { others: ready },
        _ => Again::FirstChoice { others: ready },
    }
}

/// The timer interrupt of `who`, picked again on `cpu`, with the reason.
pub fn timer_interrupt(again: &Again, who: &str, cpu: u32, lang: Lang) -> String {
    let (object, subject) = (object_particle(who), subject_particle(who));
    match again {
        Again::NoneReady => lang.pick([
            format!("타이머 인터럽트: {who}의 퀀텀이 끝났지만, 준비된 다른 스레드가 없어 다시 {who}{object} 고릅니다."),
            format!("Timer interrupt: {who}'s quantum is used up, but no other thread is ready, so {who} is picked again."),
        ]),
        Again::OwnQueueEmpty => lang.pick([
            format!("타이머 인터럽트: {who}의 퀀텀이 끝났지만, CPU {cpu}의 준비 큐에 다른 스레드가 없어 다시 {who}{object} 고릅니다."),
            format!("Timer interrupt: {who}'s quantum is used up, but no other thread waits in CPU {cpu}'s own queue, so {who} is picked again."),
        ]),
        Again::Affinity => lang.pick([
            format!("타이머 인터럽트: {who}의 퀀텀이 끝나 준비 큐로 돌아갑니다. 정책이 빈 CPU들에 줄 스레드로 {who}도 고르고, 친화성에 따라 {who}{object} 마지막으로 실행했던 CPU {cpu}에 다시 놓습니다(캐시가 아직 따뜻합니다)."),
            format!("Timer interrupt: {who}'s quantum is used up, back to the ready queue. The policy's picks for the free CPUs include {who}, and affinity puts it back on CPU {cpu}, where it last ran (its cache still warm)."),
        ]),
        Again::Drawn { others } => lang.pick([
            format!("타이머 인터럽트: {who}의 퀀텀이 끝났고, 다음 추첨에서 다시 {who}{subject} 뽑힙니다(준비된 다른 스레드 {others}개와 함께 추첨)."),
            format!("Timer interrupt: {who}'s quantum is used up, and the next lottery draw picks {who} again (from it and {others} other ready {})." , if *others == 1 { "thread" } else { "threads" }),
        ]),
        Again::FirstChoice { others } => lang.pick([
            format!("타이머 인터럽트: {who}의 퀀텀이 끝났지만, 정책의 순서에서 {who}{subject} 여전히 먼저라(준비된 다른 스레드 {others}개는 그 뒤) 다시 {who}{object} 고릅니다."),
            format!("Timer interrupt: {who}'s quantum is used up, but {who} still comes first in the policy's order ({others} other ready {} after it), so it is picked again.", if *others == 1 { "thread comes" } else { "threads come" }),
        ]),
    }
}

/// `who` going on running on `cpu` after its quantum: no context switch. Nobody else ready is
/// said here; any other reason is the timer interrupt's line.
pub fn keeps_running(again: &Again, who: &str, cpu: u32, lang: Lang) -> String {
    let subject = subject_particle(who);
    match again {
        Again::NoneReady => lang.pick([
            format!("준비된 다른 스레드가 없어 {who}{subject} CPU {cpu}에서 계속 실행합니다: 저장하거나 적재할 것이 없으니 문맥 교환이 아닙니다."),
            format!("{who} keeps running on CPU {cpu}: no other thread is ready, so nothing is saved or loaded and there is no context switch."),
        ]),
        _ => lang.pick([
            format!("{who}{subject} CPU {cpu}에서 계속 실행합니다: 저장하거나 적재할 것이 없으니 문맥 교환이 아닙니다."),
            format!("{who} keeps running on CPU {cpu}: nothing is saved or loaded, so there is no context switch."),
        ]),
    }
}
