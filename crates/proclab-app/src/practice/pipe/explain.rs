//! The words of a pipe exercise: its steps as calls, the run retold step by step from the
//! pipe before and after each, and the explanations of the bytes held and of who waits.

use super::{key, names, pipe_at, size, timed_steps, Op, Step, Waits, PIPE};
use crate::lang::{object_particle, subject_particle, topic_particle, Lang};
use proclab_core::Run;

/// `write(p, 7)`, `read(p)` or `close(p)`.
pub fn call(op: Op) -> String {
    match op {
        Op::Write(byte) => format!("write({PIPE}, {byte})"),
        Op::Read => format!("read({PIPE})"),
        Op::Close => format!("close({PIPE})"),
    }
}

/// The bytes in words: `5 9` (`5, 9` in a sentence), or `-` / "empty".
pub fn held_words(held: &[i64], lang: Lang, sentence: bool) -> String {
    if held.is_empty() {
        return match sentence {
            true => lang.pick(["비어 있음", "empty"]).to_string(),
            false => String::from("-"),
        };
    }
    let bytes: Vec<String> = held.iter().map(i64::to_string).collect();
    bytes.join(if sentence { ", " } else { " " })
}

/// The pipe's bytes in a sentence: "p holds 8, 7" or "p is empty".
pub(super) fn pipe_now(held: &[i64], lang: Lang) -> String {
    match held.is_empty() {
        true => lang.pick([format!("{PIPE}는 비어 있음"), format!("{PIPE} is empty")]),
        false => {
            let bytes = held_words(held, lang, true);
            lang.pick([
                format!("{PIPE}에 {bytes}{} 있음", subject_particle(&bytes)),
                format!("{PIPE} holds {bytes}"),
            ])
        }
    }
}

/// What one step did, read from the pipe before and after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// A write with room: the bytes after.
    Put(Vec<i64>),
    /// A write on a full pipe: the writer waits with its byte.
    WaitsFull,
    /// A write while a reader waited: the byte went straight to that process.
    Handed(u32),
    /// A read of the oldest byte (the byte, the bytes after, and the waiting writer whose byte
    /// went in, if any).
    Took(i64, Vec<i64>, Option<u32>),
    /// A read of an empty pipe with a write end open: the reader waits.
    WaitsEmpty,
    /// A read of an empty pipe with every write end closed: -1.
    EndOfFile,
    /// A close; the waiting readers it gave end-of-file.
    Closed(Vec<u32>),
}

/// Each listed step with what it did, from the core's states around its tick.
pub fn effects(run: &Run) -> Vec<(Step, Effect)> {
    timed_steps(run)
        .map(|(step, tick)| {
            let (Some(before), Some(after)) = (pipe_at(run, tick), pipe_at(run, tick + 1)) else {
                return (step, Effect::Put(Vec::new()));
            };
            let effect = match step.op {
                Op::Write(_) if after.senders.len() > before.senders.len() => Effect::WaitsFull,
                Op::Write(_) => match before.receivers.first() {
                    Some(reader) if after.receivers.len() < before.receivers.len() => {
                        Effect::Handed(reader.pid)
                    }
                    _ => Effect::Put(after.messages.clone()),
                },
                Op::Read => match before.messages.first() {
                    Some(byte) => {
                        let let_in = (after.senders.len() < before.senders.len())
                            .then(|| before.senders.first().map(|writer| writer.pid))
                            .flatten();
                        Effect::Took(*byte, after.messages.clone(), let_in)
                    }
                    None if after.receivers.len() > before.receivers.len() => Effect::WaitsEmpty,
                    None => Effect::EndOfFile,
                },
                Op::Close => Effect::Closed(
                    before
                        .receivers
                        .iter()
                        .filter(|reader| !after.receivers.contains(reader))
                        .map(|reader| reader.pid)
                        .collect(),
                ),
            };
            (step, effect)
        })
        .collect()
}

fn list(names: &[String], processes: &[u32]) -> String {
    let named: Vec<&str> = processes
        .iter()
        .filter_map(|process| names.get(*process as usize).map(String::as_str))
        .collect();
    named.join(", ")
}

/// One step retold: "3. W write(p, 7): p is full (2 of 2), so W waits with 7."
pub fn retell(index: usize, step: Step, effect: &Effect, run: &Run, lang: Lang) -> String {
    let names = names(run);
    let size = size(run);
    let who = names
        .get(step.process as usize)
        .cloned()
        .unwrap_or_default();
    let call = call(step.op);
    let number = index + 1;
    let byte = match step.op {
        Op::Write(byte) => byte,
        _ => 0,
    };
    let now = |bytes: &[i64]| pipe_now(bytes, lang);
    match effect {
        Effect::Put(after) => lang.pick([
            format!("{number}. {who} {call}: 자리가 있으므로 {byte}{} 끝에 들어갑니다({}).", subject_particle(&byte.to_string()), now(after)),
            format!("{number}. {who} {call}: there is room, so {byte} goes in at the end: {}.", now(after)),
        ]),
        Effect::WaitsFull => lang.pick([
            format!("{number}. {who} {call}: {PIPE}{} 가득 찼으므로({size}바이트 중 {size}) {who}{} {byte}{} 든 채 쓰려고 기다립니다.", subject_particle(PIPE), subject_particle(&who), object_particle(&byte.to_string())),
            format!("{number}. {who} {call}: {PIPE} is full ({size} of {size} bytes), so {who} waits to write, holding {byte}."),
        ]),
        Effect::Handed(reader) => {
            let reader = names.get(*reader as usize).cloned().unwrap_or_default();
            lang.pick([
                format!("{number}. {who} {call}: {reader}{} 읽으려고 기다리고 있었으므로 {byte}{} {reader}에게 바로 건네지고(그 read가 {byte}{} 돌려줌) {reader}{} 계속합니다. {PIPE}에는 들어가지 않습니다.", subject_particle(&reader), topic_particle(&byte.to_string()), object_particle(&byte.to_string()), subject_particle(&reader)),
                format!("{number}. {who} {call}: {reader} was waiting to read, so {byte} goes straight to {reader} (its read returns {byte}) and {reader} goes on; nothing goes into {PIPE}."),
            ])
        }
        Effect::Took(taken, after, let_in) => {
            let first = lang.pick([
                format!("{number}. {who} {call}: {who}{} 가장 오래된 {taken}{} 읽습니다", subject_particle(&who), object_particle(&taken.to_string())),
                format!("{number}. {who} {call}: {who} reads {taken}, the oldest"),
            ]);
            match let_in.and_then(|writer| names.get(writer as usize)) {
                Some(writer) => lang.pick([
                    format!("{first}. 자리가 났으므로 기다리던 {writer}의 바이트가 들어가고 {writer}{} 계속합니다({}).", subject_particle(writer), now(after)),
                    format!("{first}; the room it leaves takes the byte {writer} was waiting with, and {writer} goes on: {}.", now(after)),
                ]),
                None => lang.pick([
                    format!("{first}({}).", now(after)),
                    format!("{first}: {}.", now(after)),
                ]),
            }
        }
        Effect::WaitsEmpty => lang.pick([
            format!("{number}. {who} {call}: {PIPE}{} 비어 있고 쓰기 끝이 아직 열려 있으므로 {who}{} 읽으려고 기다립니다.", subject_particle(PIPE), subject_particle(&who)),
            format!("{number}. {who} {call}: {PIPE} is empty and a write end is still open, so {who} waits to read."),
        ]),
        Effect::EndOfFile => lang.pick([
            format!("{number}. {who} {call}: {PIPE}{} 비어 있고 쓰기 끝이 모두 닫혔으므로 read는 -1(파일 끝)을 돌려주고 {who}{} 계속합니다.", subject_particle(PIPE), subject_particle(&who)),
            format!("{number}. {who} {call}: {PIPE} is empty and every write end is closed, so the read returns -1 (end-of-file) and {who} goes on."),
        ]),
        Effect::Closed(readers) => {
            let closed = lang.pick([
                format!("{number}. {who} {call}: {who}{} 쓰기 끝을 닫습니다", subject_particle(&who)),
                format!("{number}. {who} {call}: {who} closes its write end"),
            ]);
            match readers.as_slice() {
                [] => format!("{closed}."),
                _ => {
                    let (get, go) = if readers.len() == 1 { ("gets", "goes") } else { ("get", "go") };
                    let readers = list(&names, readers);
                    lang.pick([
                        format!("{closed}. {PIPE}{} 비어 있고 열린 쓰기 끝이 없으므로, 읽으려고 기다리던 {readers}{} -1(파일 끝)을 받고 계속합니다.", subject_particle(PIPE), subject_particle(&readers)),
                        format!("{closed}; {PIPE} is empty and no write end is left open, so {readers}, waiting to read, {get} -1 (end-of-file) and {go} on."),
                    ])
                }
            }
        }
    }
}

/// What a process waits for, in words.
fn waits_words(who: &str, wait: Waits, lang: Lang) -> String {
    match wait {
        Waits::No => lang.pick([
            format!("{who}{} 기다리지 않습니다", topic_particle(who)),
            format!("{who} does not wait"),
        ]),
        Waits::ToWrite => lang.pick([
            format!("{who}{} 쓰려고 기다립니다", topic_particle(who)),
            format!("{who} waits to write"),
        ]),
        Waits::ToRead => lang.pick([
            format!("{who}{} 읽으려고 기다립니다", topic_particle(who)),
            format!("{who} waits to read"),
        ]),
    }
}

/// Why the answer is what it is: the run retold step by step from the core's states, then the
/// state after the last step; a line each (the page keeps the line breaks).
pub fn explain(run: &Run, lang: Lang) -> String {
    let size = size(run);
    let mut words = vec![lang.pick([
        format!(
            "처음에 {PIPE}{} 비어 있습니다({size}바이트까지 담음).",
            subject_particle(PIPE)
        ),
        format!("At the start {PIPE} is empty (it holds up to {size} bytes)."),
    ])];
    for (index, (step, effect)) in effects(run).iter().enumerate() {
        words.push(retell(index, *step, effect, run, lang));
    }
    let key = key(run);
    let names = names(run);
    let waits: Vec<String> = names
        .iter()
        .zip(&key.waits)
        .map(|(who, wait)| waits_words(who, *wait, lang))
        .collect();
    words.push(lang.pick([
        format!(
            "마지막 단계 뒤: {}; {}.",
            pipe_now(&key.held, lang),
            waits.join(", ")
        ),
        format!(
            "After the last step: {}; {}.",
            pipe_now(&key.held, lang),
            waits.join("; ")
        ),
    ]));
    words.join("\n")
}

/// The first `count` steps retold, one hint each.
pub fn hints(run: &Run, count: usize, lang: Lang) -> Vec<String> {
    effects(run)
        .iter()
        .take(count)
        .enumerate()
        .map(|(index, (step, effect))| retell(index, *step, effect, run, lang))
        .collect()
}

/// What became of a byte by the last step: the step (from 0) and what it did to it.
enum Fate {
    /// Written into the pipe at that step (or let in by a read that made room).
    WentIn(usize),
    /// Read at that step, by that process.
    Read(usize, u32),
    /// Handed straight to that waiting reader at that step: it never entered the pipe.
    Handed(usize, u32),
    /// Its writer still waits with it.
    Waiting(usize),
}

/// The last thing that happened to `byte` over the run's steps.
fn fate(effects: &[(Step, Effect)], byte: i64) -> Option<Fate> {
    let mut fate = None;
    for (index, (step, effect)) in effects.iter().enumerate() {
        match (step.op, effect) {
            (Op::Write(written), Effect::Put(_)) if written == byte => {
                fate = Some(Fate::WentIn(index))
            }
            (Op::Write(written), Effect::WaitsFull) if written == byte => {
                fate = Some(Fate::Waiting(index))
            }
            (Op::Write(written), Effect::Handed(reader)) if written == byte => {
                fate = Some(Fate::Handed(index, *reader))
            }
            (_, Effect::Took(taken, _, _)) if *taken == byte => {
                fate = Some(Fate::Read(index, step.process))
            }
            (_, Effect::Took(_, after, Some(_))) if after.last() == Some(&byte) => {
                fate = Some(Fate::WentIn(index))
            }
            _ => {}
        }
    }
    fate
}

/// A wrong list of bytes explained from what was typed: -1 taken for a byte, the right bytes in
/// the wrong order, or where each byte too many went and each one missing came in; then the run
/// retold.
pub fn explain_held(run: &Run, typed: Option<&[i64]>, lang: Lang) -> String {
    let key = key(run);
    let effects = effects(run);
    let names = names(run);
    let name = |process: u32| names.get(process as usize).cloned().unwrap_or_default();
    let typed = typed.unwrap_or_default();
    let mut why: Vec<String> = Vec::new();
    if typed.iter().any(|byte| *byte < 0) {
        why.push(lang.pick([
            String::from("-1은 바이트가 아닙니다: 파일 끝에서 read가 돌려주는 값이고, 파이프에 들어가지 않습니다."),
            String::from("-1 is not a byte: it is what a read returns at end-of-file, and it never enters the pipe."),
        ]));
    }
    let sorted = |bytes: &[i64]| {
        let mut bytes = bytes.to_vec();
        bytes.sort_unstable();
        bytes
    };
    if why.is_empty() && typed.len() > 1 && sorted(typed) == sorted(&key.held) {
        why.push(lang.pick([
            String::from("바이트는 맞지만 순서가 다릅니다: 파이프는 먼저 들어간 것이 먼저 나오므로(FIFO), 오래된 것, 곧 먼저 들어간 것부터 씁니다."),
            String::from("The bytes are right but not their order: a pipe is first in, first out, so the oldest, the first to go in, comes first."),
        ]));
    }
    if why.is_empty() {
        for byte in typed.iter().filter(|byte| !key.held.contains(byte)) {
            let step = |index: usize| index + 1;
            why.push(match fate(&effects, *byte) {
                Some(Fate::Read(index, reader)) => lang.pick([
                    format!("{byte}{} {}단계에서 {}{} 읽어 갔습니다.", topic_particle(&byte.to_string()), step(index), name(reader), subject_particle(&name(reader))),
                    format!("{byte} was read by {} at step {}.", name(reader), step(index)),
                ]),
                Some(Fate::Handed(index, reader)) => lang.pick([
                    format!("{byte}{} {}단계에서 기다리던 {}에게 바로 건네져 파이프에 들어가지 않았습니다.", topic_particle(&byte.to_string()), step(index), name(reader)),
                    format!("{byte} went straight to {}, who was waiting, at step {}: it never entered the pipe.", name(reader), step(index)),
                ]),
                Some(Fate::Waiting(index)) => lang.pick([
                    format!("{byte}{} 아직 들어가지 못했습니다: {}단계에서 가득 찬 파이프에 쓰려던 프로세스가 그것을 든 채 기다립니다.", topic_particle(&byte.to_string()), step(index)),
                    format!("{byte} is not in yet: its writer has waited with it since step {}, when the pipe was full.", step(index)),
                ]),
                _ => lang.pick([
                    format!("{byte}{} 쓰인 적이 없습니다.", topic_particle(&byte.to_string())),
                    format!("{byte} was never written."),
                ]),
            });
        }
        for byte in key.held.iter().filter(|byte| !typed.contains(byte)) {
            if let Some(Fate::WentIn(index)) = fate(&effects, *byte) {
                let (step, effect) = &effects[index];
                why.push(match (step.op, effect) {
                    (Op::Read, Effect::Took(..)) => lang.pick([
                        format!("{byte}{} {}단계에서 {}의 read가 자리를 내자 기다리던 프로세스에게서 들어갔습니다.", topic_particle(&byte.to_string()), index + 1, name(step.process)),
                        format!("{byte} went in at step {}, when {}'s read made room for the writer waiting with it.", index + 1, name(step.process)),
                    ]),
                    _ => lang.pick([
                        format!("{byte}{} {}단계에서 들어가 그 뒤로 읽히지 않았습니다.", topic_particle(&byte.to_string()), index + 1),
                        format!("{byte} went in at step {} and was not read after.", index + 1),
                    ]),
                });
            }
        }
    }
    let order = match key.held.len() {
        0 | 1 => "",
        _ => lang.pick(["(오래된 것부터)", " (oldest first)"]),
    };
    // A sentence of its own, in the polite style of the words after it (the note style "있음"
    // had switched mid-paragraph).
    let held_now = match key.held.is_empty() {
        true => format!("{PIPE}는 비어 있습니다"),
        false => {
            let bytes = held_words(&key.held, lang, true);
            format!("{PIPE}에 {bytes}{} 남아 있습니다", subject_particle(&bytes))
        }
    };
    let lead = lang.pick([
        format!("마지막 단계 뒤 {held_now}{order}."),
        format!("After the last step {}{order}.", pipe_now(&key.held, lang)),
    ]);
    let why: Vec<String> = why.into_iter().take(3).collect();
    match why.is_empty() {
        true => format!("{lead}\n{}", explain(run, lang)),
        false => format!("{lead} {}\n{}", why.join(" "), explain(run, lang)),
    }
}

/// The last step that concerns `process` (its own, or another's that woke it or let its byte
/// in), said as why it waits or goes on after the last step.
fn last_news(run: &Run, process: u32, lang: Lang) -> Option<String> {
    let names = names(run);
    let name = |process: u32| names.get(process as usize).cloned().unwrap_or_default();
    let who = name(process);
    let mut news = None;
    for (index, (step, effect)) in effects(run).iter().enumerate() {
        let number = index + 1;
        let other = name(step.process);
        let said = match effect {
            Effect::Closed(readers) if readers.contains(&process) => Some(lang.pick([
                format!("{number}단계에서 {other}{} 마지막 쓰기 끝을 닫았을 때 {PIPE}{} 비어 있었으므로, {who}의 read는 -1(파일 끝)을 받고 계속했습니다.", subject_particle(&other), subject_particle(PIPE)),
                format!("At step {number} {other} closed the last write end with {PIPE} empty, so {who}'s read got -1 (end-of-file) and {who} went on."),
            ])),
            Effect::Handed(reader) if *reader == process => {
                let byte = match step.op {
                    Op::Write(byte) => byte,
                    _ => 0,
                };
                Some(lang.pick([
                    format!("{number}단계에서 {other}의 write가 {byte}{} {who}에게 바로 건넸으므로 {who}{} 계속했습니다.", object_particle(&byte.to_string()), subject_particle(&who)),
                    format!("At step {number} {other}'s write handed {byte} straight to {who}, so {who} went on."),
                ]))
            }
            Effect::Took(_, _, Some(writer)) if *writer == process => Some(lang.pick([
                format!("{number}단계에서 {other}의 read가 자리를 내어 {who}의 바이트가 들어갔으므로 {who}{} 계속했습니다.", subject_particle(&who)),
                format!("At step {number} {other}'s read made room, so {who}'s byte went in and {who} went on."),
            ])),
            _ if step.process == process => Some(match effect {
                Effect::WaitsFull => lang.pick([
                    format!("{number}단계에서 가득 찬 {PIPE}에 쓰려다 기다리기 시작했고, 그 뒤 자리를 낸 read가 없습니다."),
                    format!("At step {number} it began to wait, writing to a full {PIPE}, and no read made room after."),
                ]),
                Effect::WaitsEmpty => lang.pick([
                    format!("{number}단계에서 빈 {PIPE}를 읽으려다 기다리기 시작했고, 그 뒤 쓴 프로세스가 없으며 쓰기 끝이 열려 있습니다."),
                    format!("At step {number} it began to wait, reading an empty {PIPE}, and no write came after while a write end is still open."),
                ]),
                Effect::EndOfFile => lang.pick([
                    format!("{number}단계의 read는 {PIPE}가 비고 쓰기 끝이 모두 닫혀 -1(파일 끝)을 받았으므로 막히지 않았습니다."),
                    format!("Its read at step {number} got -1 (end-of-file), {PIPE} being empty with every write end closed: it did not wait."),
                ]),
                _ => lang.pick([
                    format!("{number}단계, 그 마지막 연산은 막히지 않았습니다."),
                    format!("Its last operation, step {number}, did not wait."),
                ]),
            }),
            _ => None,
        };
        if said.is_some() {
            news = said;
        }
    }
    news
}

/// A wrong choice for a process explained: what it waits for and why, from the last step that
/// concerns it, then the run retold.
pub fn explain_wait(run: &Run, process: usize, lang: Lang) -> String {
    let key = key(run);
    let names = names(run);
    let who = names.get(process).cloned().unwrap_or_default();
    let wait = key.waits.get(process).copied().unwrap_or(Waits::No);
    let why = last_news(run, process as u32, lang)
        .map(|news| format!(" {news}"))
        .unwrap_or_default();
    let lead = lang.pick([
        format!("마지막 단계 뒤 {}.{why}", waits_words(&who, wait, lang)),
        format!(
            "After the last step {}.{why}",
            waits_words(&who, wait, lang)
        ),
    ]);
    format!("{lead}\n{}", explain(run, lang))
}

/// What to type in the bytes' field.
pub fn held_form(lang: Lang) -> &'static str {
    lang.pick([
        "파이프에 남은 바이트를 오래된 것부터 띄어 쓰세요(예: 5 9). 비어 있으면 - 를 쓰세요.",
        "Type the bytes left in the pipe, oldest first, with spaces between (e.g. 5 9); for an empty pipe, type -.",
    ])
}
