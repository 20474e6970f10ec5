//! The words of a semaphore exercise: its steps as calls, the run retold step by step from the
//! semaphores before and after each, and the explanations of each value and of who waits.

use super::{initial_values, key, names, objects_at, timed_steps, Op, Step};
use crate::lang::{subject_particle, topic_particle, Lang};
use proclab_core::Run;

/// `T1`, the name a thread has in the exercise.
pub fn thread_label(thread: u32) -> String {
    crate::practice::deadlock::thread_label(thread)
}

/// `wait(s)` or `signal(s)`.
pub fn call(op: Op, name: &str) -> String {
    match op {
        Op::Wait => format!("wait({name})"),
        Op::Signal => format!("signal({name})"),
    }
}

/// What one step did, read from the core's states before and after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// `wait` on a positive value: it took 1 (the value after).
    Took(u32),
    /// `wait` on 0: the thread waits; the queue after, first first.
    Waits(Vec<u32>),
    /// `signal` with a waiter: that thread goes on; the value stays (as it is, given).
    Woke(u32, u32),
    /// `signal` with nobody waiting: the value after.
    Added(u32),
}

/// Each listed step with what it did, from the core's states around its tick.
pub fn effects(run: &Run) -> Vec<(Step, Effect)> {
    timed_steps(run)
        .map(|(step, tick)| {
            let before = objects_at(run, tick);
            let after = objects_at(run, tick + 1);
            let (Some(before), Some(after)) =
                (before.get(step.semaphore), after.get(step.semaphore))
            else {
                return (step, Effect::Added(0));
            };
            let tids = |object: &proclab_core::state::SyncObjectState| -> Vec<u32> {
                object.waiters.iter().map(|waiter| waiter.tid).collect()
            };
            let effect = match step.op {
                Op::Wait if after.waiters.len() > before.waiters.len() => {
                    Effect::Waits(tids(after))
                }
                Op::Wait => Effect::Took(after.value),
                Op::Signal => match before.waiters.first() {
                    Some(first) if after.waiters.len() < before.waiters.len() => {
                        Effect::Woke(first.tid, after.value)
                    }
                    _ => Effect::Added(after.value),
                },
            };
            (step, effect)
        })
        .collect()
}

fn list(threads: &[u32]) -> String {
    let names: Vec<String> = threads.iter().map(|thread| thread_label(*thread)).collect();
    names.join(", ")
}

/// The starting values in words: `s = 1` or `empty = 2, full = 0`.
pub fn values_text(names: &[String], values: &[u32]) -> String {
    names
        .iter()
        .zip(values)
        .map(|(name, value)| format!("{name} = {value}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One step retold: "3. T2 wait(s): s is 0, so T2 waits (queue of s: T2)."
pub fn retell(index: usize, step: Step, effect: &Effect, names: &[String], lang: Lang) -> String {
    let name = names.get(step.semaphore).map_or("s", String::as_str);
    let who = thread_label(step.thread);
    let call = call(step.op, name);
    let number = index + 1;
    match effect {
        Effect::Took(value) => lang.pick([
            format!("{number}. {who} {call}: {name}{} 0보다 크므로 1을 빼고 계속합니다: {name} = {value}.", subject_particle(name)),
            format!("{number}. {who} {call}: {name} is above 0, so it takes 1 and goes on: {name} = {value}."),
        ]),
        Effect::Waits(queue) => lang.pick([
            format!("{number}. {who} {call}: {name}{} 0이므로 {who}{} 기다립니다({name}의 대기 큐: {}).", subject_particle(name), subject_particle(&who), list(queue)),
            format!("{number}. {who} {call}: {name} is 0, so {who} waits ({name}'s queue: {}).", list(queue)),
        ]),
        Effect::Woke(woken, value) => {
            let woken = thread_label(*woken);
            lang.pick([
                format!("{number}. {who} {call}: {woken}{} 맨 앞에서 기다리고 있었으므로 {woken}{} 깨어나 계속하고, {name}의 값은 그대로 {value}입니다(1을 더하지 않습니다).", subject_particle(&woken), subject_particle(&woken)),
                format!("{number}. {who} {call}: {woken} was first in {name}'s queue, so {woken} goes on and {name} stays {value} (nothing is added)."),
            ])
        }
        Effect::Added(value) => lang.pick([
            format!("{number}. {who} {call}: 기다리는 스레드가 없으므로 1을 더합니다: {name} = {value}."),
            format!("{number}. {who} {call}: nobody waits, so it adds 1: {name} = {value}."),
        ]),
    }
}

/// Why the answer is what it is: the run retold step by step from the core's states, then the
/// state after the last step; a line each (the page keeps the line breaks).
pub fn explain(run: &Run, lang: Lang) -> String {
    let names = names(run);
    let start = values_text(&names, &initial_values(run));
    let mut words = vec![lang.pick([format!("처음에 {start}."), format!("At the start {start}.")])];
    for (index, (step, effect)) in effects(run).iter().enumerate() {
        words.push(retell(index, *step, effect, &names, lang));
    }
    let key = key(run);
    let end = values_text(&names, &key.values);
    // Who waits, grouped by semaphore, in thread order.
    let waiting: Vec<String> = names
        .iter()
        .enumerate()
        .filter_map(|(index, name)| {
            let threads: Vec<u32> = (0..key.waits.len() as u32)
                .filter(|thread| key.waits[*thread as usize] == Some(index))
                .collect();
            if threads.is_empty() {
                return None;
            }
            let who = list(&threads);
            let verb = if threads.len() == 1 { "waits" } else { "wait" };
            Some(lang.pick([
                format!("{name}에서 {who}{} 기다립니다", subject_particle(&who)),
                format!("{who} {verb} on {name}"),
            ]))
        })
        .collect();
    words.push(if waiting.is_empty() {
        lang.pick([
            format!("마지막 단계 뒤: {end}, 기다리는 스레드는 없습니다."),
            format!("After the last step: {end}, and no thread waits."),
        ])
    } else {
        lang.pick([
            format!("마지막 단계 뒤: {end}; {}.", waiting.join(", ")),
            format!("After the last step: {end}; {}.", waiting.join("; ")),
        ])
    });
    words.join("\n")
}

/// The first `count` steps retold, one hint each: what the step did and the value after it.
pub fn hints(run: &Run, count: usize, lang: Lang) -> Vec<String> {
    let names = names(run);
    effects(run)
        .iter()
        .take(count)
        .enumerate()
        .map(|(index, (step, effect))| retell(index, *step, effect, &names, lang))
        .collect()
}

/// Why no value is below 0 here, for a student who typed one.
pub fn never_below_zero(lang: Lang) -> &'static str {
    lang.pick([
        "이 모델에서 세마포어의 값은 0 아래로 내려가지 않습니다: 값이 0일 때의 wait는 1을 빼는 대신 스레드를 대기 목록에 넣고 막습니다. (값을 음수로 두어 기다리는 스레드 수를 세는 교과서도 있지만, 여기서는 대기 목록이 그 수를 보여 줍니다.)",
        "In this model a semaphore's value never goes below 0: a wait at 0 does not subtract, it puts the thread on the wait list and blocks it. (Some textbooks let the value go negative to count the waiters; here the wait list shows them.)",
    ])
}

/// A wrong value explained: what it is, then the run retold.
pub fn explain_value(run: &Run, index: usize, lang: Lang) -> String {
    let names = names(run);
    let name = names.get(index).map_or("s", String::as_str);
    let value = key(run).values.get(index).copied().unwrap_or_default();
    // The last step that changed the value (a wait that took 1, a signal nobody waited for):
    // where to look again. A signal that wakes a waiter, or a wait that blocks, leaves it.
    let effects = effects(run);
    let last_change = effects
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (step, effect))| {
            step.semaphore == index && matches!(effect, Effect::Took(_) | Effect::Added(_))
        });
    // The steps that left the value as it was, wherever they are: the trap is counting them (a
    // signal that woke a waiter read as +1), before the last change as after it.
    let unchanged: Vec<String> = effects
        .iter()
        .enumerate()
        .filter(|(_, (step, effect))| {
            step.semaphore == index && matches!(effect, Effect::Woke(..) | Effect::Waits(_))
        })
        .map(|(number, _)| (number + 1).to_string())
        .collect();
    let kept = match unchanged.as_slice() {
        [] => String::new(),
        [one] => lang.pick([
            format!(" {one}단계는 {name}의 값을 바꾸지 않았습니다: 기다리던 스레드를 깨우는 signal과 막히는 wait는 값을 그대로 둡니다."),
            format!(" Step {one} left {name} as it was: a signal that wakes a waiter and a wait that blocks do not change it."),
        ]),
        [.., last] => {
            let others = unchanged[..unchanged.len() - 1].join(", ");
            lang.pick([
                format!(" {others}, {last}단계는 {name}의 값을 바꾸지 않았습니다: 기다리던 스레드를 깨우는 signal과 막히는 wait는 값을 그대로 둡니다."),
                format!(" Steps {others} and {last} left {name} as it was: a signal that wakes a waiter and a wait that blocks do not change it."),
            ])
        }
    };
    let why = match last_change {
        Some((number, (step, effect))) => {
            let retold = retell(number, *step, effect, &names, lang);
            lang.pick([
                format!("{kept} 마지막으로 {name}의 값을 바꾼 단계: {retold}"),
                format!("{kept} The last step that changed {name}: {retold}"),
            ])
        }
        None => lang.pick([
            format!(" 값을 바꾼 단계가 없습니다.{kept}"),
            format!(" No step changed it.{kept}"),
        ]),
    };
    let lead = lang.pick([
        format!("마지막 단계 뒤 {name} = {value}입니다.{why}"),
        format!("{name} is {value} after the last step.{why}"),
    ]);
    format!("{lead}\n{}", explain(run, lang))
}

/// A wrong choice for a thread explained: what it waits on and the steps that decide it (the
/// wait that blocked it, the signal that woke it), then the run retold.
pub fn explain_wait(run: &Run, thread: usize, lang: Lang) -> String {
    let names = names(run);
    let who = thread_label(thread as u32);
    let name_of = |index: usize| names.get(index).map_or("s", String::as_str);
    let effects = effects(run);
    // Its last wait that blocked it, and the signal after it that woke it, if one did.
    let blocked = effects
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (step, effect))| {
            step.thread as usize == thread && matches!(effect, Effect::Waits(_))
        });
    let woken = blocked.and_then(|(at, _)| {
        effects.iter().enumerate().skip(at + 1).find(|(_, (_, effect))| {
            matches!(effect, Effect::Woke(woken, _) if *woken as usize == thread)
        })
    });
    let lead = match key(run).waits.get(thread).copied().flatten() {
        Some(index) => {
            let name = name_of(index);
            let why = match blocked {
                Some((at, _)) => lang.pick([
                    format!(" {}단계의 wait({name})에서 막혔고, 그 뒤 어떤 signal({name})도 {who}{} 깨우지 않았습니다.", at + 1, crate::lang::object_particle(&who)),
                    format!(" Its wait({name}) at step {} blocked it, and no later signal({name}) woke it.", at + 1),
                ]),
                None => String::new(),
            };
            lang.pick([
                format!(
                    "마지막 단계 뒤 {who}{} {name}에서 기다립니다.{why}",
                    topic_particle(&who)
                ),
                format!("After the last step {who} waits on {name}.{why}"),
            ])
        }
        None => {
            let why = match (blocked, woken) {
                (Some((at, (step, _))), Some((woke_at, (signal, _)))) => {
                    let (name, waker) = (name_of(step.semaphore), thread_label(signal.thread));
                    lang.pick([
                        format!(" {}단계의 wait({name})에서 기다렸지만, {}단계에서 {waker}의 signal({name})이 {who}{} 깨웠습니다.", at + 1, woke_at + 1, crate::lang::object_particle(&who)),
                        format!(" It waited at step {}, wait({name}), and step {}, {waker}'s signal({name}), woke it.", at + 1, woke_at + 1),
                    ])
                }
                _ if effects.iter().any(|(step, _)| step.thread as usize == thread && step.op == Op::Wait) => lang.pick([
                    format!(" {who}의 wait는 모두 값이 0보다 클 때 1을 빼고 지나갔으므로 한 번도 기다리지 않았습니다."),
                    " Each of its waits found a value above 0 and took 1, so it never waited.".to_string(),
                ]),
                _ => lang.pick([
                    format!(" {who}{} wait를 하지 않습니다.", topic_particle(&who)),
                     " It makes no wait.".to_string(),
                ]),
            };
            lang.pick([
                format!(
                    "마지막 단계 뒤 {who}{} 기다리지 않습니다(실행 가능).{why}",
                    topic_particle(&who)
                ),
                format!("After the last step {who} does not wait: it can run.{why}"),
            ])
        }
    };
    format!("{lead}\n{}", explain(run, lang))
}

/// What to type in a value cell.
pub fn value_form(lang: Lang) -> &'static str {
    lang.pick([
        "세마포어의 값은 0 이상의 정수 하나입니다.",
        "A semaphore's value is one whole number of 0 or more.",
    ])
}
