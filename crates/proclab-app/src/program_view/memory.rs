//! Every address space at a tick: its variables with their last writer, and its sync objects.

use crate::lang::subject_particle;
use proclab_core::program::AccessKind;
use proclab_core::state::{MachineState, SyncObjectState};
use proclab_core::{Run, SyncKind};

use super::*;
use crate::lang::Lang;

/// One word of one address space at a tick, with who stored it last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordRow {
    pub name: String,
    pub address: u32,
    pub value: i64,
    /// The thread that stored it last before the tick, and when (for a word of the shared
    /// segment, whatever its process).
    pub last_writer: Option<(String, u64)>,
    /// It lies in the shared segment (`.shared`): every process that maps it sees it.
    pub shared: bool,
}

/// The variables of one process at a tick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddressSpace {
    pub pid: u32,
    pub process: String,
    /// The threads that share it.
    pub threads: Vec<String>,
    pub words: Vec<WordRow>,
    /// Its mutexes and semaphores.
    pub sync: Vec<SyncRow>,
}

/// A mutex or a semaphore at a tick, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncRow {
    pub name: String,
    /// "mutex" or "semaphore".
    pub kind: &'static str,
    /// "held by P1.T1", "free", "value 2".
    pub state: String,
    /// Waiting threads, first first.
    pub waiters: Vec<String>,
}

/// Every address space at the tick `state` shows (the steps executed by then are those of ticks
/// before it).
pub fn address_spaces(run: &Run, state: &MachineState, lang: Lang) -> Vec<AddressSpace> {
    let scenario = run.scenario();
    let mut writers: BTreeMap<(u32, u32), (u32, u64)> = BTreeMap::new();
    // A word of the shared segment, by its variable's name and index.
    let shared = |pid: u32, address: u32| {
        scenario.processes()[pid as usize]
            .program()
            .and_then(|program| program.shared_at(address))
            .map(|(variable, index)| (variable.name.clone(), index))
    };
    let mut shared_writers: BTreeMap<(String, u32), (u32, u64)> = BTreeMap::new();
    // The last writer of each word: read backwards from the tick shown, and stop once every word
    // has one (a long run would otherwise be read whole at every frame of playback).
    let done = run
        .program_steps()
        .partition_point(|step| step.tick < state.tick);
    let words: usize = state.memories.iter().map(|memory| memory.words.len()).sum();
    for step in run.program_steps()[..done].iter().rev() {
        if writers.len() + shared_writers.len() >= words {
            break;
        }
        let pid = scenario.threads()[step.thread as usize].pid();
        if let Some((address, _)) = first_access(step, AccessKind::Write) {
            match shared(pid, address) {
                Some(word) => {
                    shared_writers
                        .entry(word)
                        .or_insert((step.thread, step.tick));
                }
                None => {
                    writers
                        .entry((pid, address))
                        .or_insert((step.thread, step.tick));
                }
            }
        }
    }
    state
        .memories
        .iter()
        .map(|memory| {
            let process = &scenario.processes()[memory.pid as usize];
            let first = process.first_thread();
            AddressSpace {
                pid: memory.pid,
                process: process.name().to_string(),
                threads: (first..first + process.thread_count())
                    .map(|thread| thread_name(scenario, thread))
                    .collect(),
                words: memory
                    .words
                    .iter()
                    .enumerate()
                    .map(|(index, (name, address, value))| WordRow {
                        // `x86.py` names an array's first word by the array's name; the page
                        // writes `buf[0]`, as the interleaving does.
                        name: match memory.words.get(index + 1) {
                            Some((next, _, _))
                                if next.strip_prefix(name.as_str()) == Some("[1]") =>
                            {
                                format!("{name}[0]")
                            }
                            _ => name.clone(),
                        },
                        address: *address,
                        value: *value,
                        last_writer: match shared(memory.pid, *address) {
                            Some(word) => shared_writers.get(&word),
                            None => writers.get(&(memory.pid, *address)),
                        }
                        .map(|(thread, tick)| (thread_name(scenario, *thread), *tick)),
                        shared: shared(memory.pid, *address).is_some(),
                    })
                    .collect(),
                sync: memory
                    .sync
                    .iter()
                    .map(|object| sync_row(scenario, object, lang))
                    .collect(),
            }
        })
        .collect()
}

/// The shared memory segment as the processes that map it see it: each process with where the
/// segment lies in its own address space and the variables it keeps to itself, and the segment's
/// words once (every process reads the same word).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedSegment {
    pub processes: Vec<MappedBy>,
    pub words: Vec<WordRow>,
}

/// A process that maps the shared segment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappedBy {
    pub pid: u32,
    pub process: String,
    /// The segment's first word's address in this process.
    pub at: u32,
    /// Its own variables' names (not shared).
    pub own: Vec<String>,
}

/// The shared segment of `spaces`, when two processes or more map it (one alone shares nothing).
pub fn shared_segment(spaces: &[AddressSpace]) -> Option<SharedSegment> {
    let processes: Vec<MappedBy> = spaces
        .iter()
        .filter_map(|space| {
            let at = space.words.iter().find(|word| word.shared)?.address;
            Some(MappedBy {
                pid: space.pid,
                process: space.process.clone(),
                at,
                own: space
                    .words
                    .iter()
                    .filter(|word| !word.shared)
                    .map(|word| word.name.clone())
                    .collect(),
            })
        })
        .collect();
    if processes.len() < 2 {
        return None;
    }
    let mut words: Vec<WordRow> = Vec::new();
    for word in spaces.iter().flat_map(|space| &space.words) {
        if word.shared && !words.iter().any(|known| known.name == word.name) {
            words.push(word.clone());
        }
    }
    Some(SharedSegment { processes, words })
}

impl SharedSegment {
    /// What the drawing shows, in a sentence: who maps the segment and where, and what sharing
    /// it means.
    pub fn caption(&self, lang: Lang) -> String {
        let names: Vec<&str> = self
            .processes
            .iter()
            .map(|mapped| mapped.process.as_str())
            .collect();
        let (ko_names, en_names) = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                (names.join(", "), format!("{} and {last}", rest.join(", ")))
            }
            _ => (names.join(", "), names.join(", ")),
        };
        let first = self.processes[0].at;
        let (ko_at, en_at) = if self.processes.iter().all(|mapped| mapped.at == first) {
            (
                format!("모두 주소 {first}"),
                format!("at address {first} in each"),
            )
        } else {
            let each = |word: &str| {
                self.processes
                    .iter()
                    .map(|mapped| format!("{} {word} {}", mapped.process, mapped.at))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            (each("주소"), each("at"))
        };
        lang.pick([
            format!("{ko_names}{} 같은 세그먼트를 매핑합니다({ko_at}). 한쪽이 저장한 값을 다른 쪽의 다음 load가 그대로 읽습니다. 복사도 시스템 호출도 없습니다. 나머지 변수는 저마다의 것입니다. 두 쪽의 접근 순서를 정해 주는 것은 그들이 쓰는 락과 세마포어뿐입니다.", subject_particle(names.last().copied().unwrap_or_default())),
            format!("{en_names} map the same segment ({en_at}): what one stores, the other's next load reads, with no copy and no system call. Their other variables stay their own. Nothing orders their accesses but the locks and semaphores they use."),
        ])
    }
}

/// The mutexes and semaphores of the shared segment at the state's tick (one for every process
/// that names them: `.shared mutex`, `.shared sem`, or a name between bursts), as rows.
pub fn shared_sync_rows(run: &Run, state: &MachineState, lang: Lang) -> Vec<SyncRow> {
    state
        .shared_sync
        .iter()
        .map(|object| sync_row(run.scenario(), object, lang))
        .collect()
}

/// One row of the sync objects: its name, kind, holder or value, and waiters.
fn sync_row(scenario: &Scenario, object: &SyncObjectState, lang: Lang) -> SyncRow {
    let name_of = |thread: proclab_core::ThreadRef| {
        let process = &scenario.processes()[thread.pid as usize];
        thread_name(scenario, process.first_thread() + thread.tid)
    };
    let state = match (object.kind, object.holder) {
        (SyncKind::Semaphore | SyncKind::SharedSemaphore, _) => lang.pick([
            format!("값 {}", object.value),
            format!("value {}", object.value),
        ]),
        (SyncKind::Mutex | SyncKind::SharedMutex, Some(holder)) => lang.pick([
            format!(
                "{}{} 가짐",
                name_of(holder),
                subject_particle(&name_of(holder))
            ),
            format!("held by {}", name_of(holder)),
        ]),
        (SyncKind::Mutex | SyncKind::SharedMutex, None) => lang.pick(["풀림", "free"]).to_string(),
        (SyncKind::Condition | SyncKind::Queue | SyncKind::Pipe, _) => {
            lang.pick(["기억하는 값 없음", "no memory"]).to_string()
        }
    };
    SyncRow {
        name: object.name.clone(),
        kind: crate::program_words::sync_kind(object.kind, lang),
        state,
        waiters: object
            .waiters
            .iter()
            .map(|thread| name_of(*thread))
            .collect(),
    }
}

/// What a presented machine shows of its programs at the tick `state` shows, on one line: each
/// mutex's and semaphore's state, every variable's value and the updates lost so far ("m: held by
/// P1.T1 · counter = 3 · Updates lost: 1"). Each process's variables carry its name where there
/// are several. `None` for a run without programs' variables or sync objects.
pub fn presented_line(
    run: &Run,
    state: &MachineState,
    analysis: &super::Analysis,
    lang: Lang,
) -> Option<String> {
    if run
        .scenario()
        .processes()
        .iter()
        .all(|p| p.program().is_none())
    {
        return None;
    }
    let spaces = address_spaces(run, state, lang);
    let named = spaces
        .iter()
        .filter(|space| !space.words.is_empty())
        .count()
        > 1;
    let mut parts: Vec<String> = Vec::new();
    let mut shared_seen: Vec<&str> = Vec::new();
    for space in &spaces {
        // An array's words as one list (`buf = [1, 0, 0]`): one by one, a bounded buffer's
        // filled a phone's screen in five bold lines.
        let mut array: Option<(String, Vec<i64>)> = None;
        let flush = |array: &mut Option<(String, Vec<i64>)>, parts: &mut Vec<String>| {
            if let Some((name, values)) = array.take() {
                let values: Vec<String> = values.iter().map(i64::to_string).collect();
                parts.push(format!("{name} = [{}]", values.join(", ")));
            }
        };
        for word in &space.words {
            // A shared segment's word once, however many processes map it.
            if word.shared {
                if shared_seen.contains(&word.name.as_str()) {
                    continue;
                }
                shared_seen.push(&word.name);
            }
            let name = match named && !word.shared {
                true => format!("{}.{}", space.process, word.name),
                false => word.name.clone(),
            };
            match name.strip_suffix(']').and_then(|name| name.split_once('[')) {
                Some((base, index)) if index.parse::<u32>().is_ok() => match &mut array {
                    Some((open, values)) if open == base => values.push(word.value),
                    _ => {
                        flush(&mut array, &mut parts);
                        array = Some((base.to_string(), vec![word.value]));
                    }
                },
                _ => {
                    flush(&mut array, &mut parts);
                    parts.push(format!("{name} = {}", word.value));
                }
            }
        }
        flush(&mut array, &mut parts);
    }
    let steps_done = run
        .program_steps()
        .partition_point(|step| step.tick < state.tick);
    let lost = analysis
        .lost
        .iter()
        .filter(|lost| lost.step < steps_done)
        .count();
    if !parts.is_empty() && !analysis.lost.is_empty() {
        parts.push(format!(
            "{}: {lost}",
            crate::lang::Words::get(super::ProgramText::LostCount, lang)
        ));
    }
    let sync = spaces
        .iter()
        .flat_map(|space| space.sync.iter())
        .chain(shared_sync_rows(run, state, lang).iter())
        .map(|row| match row.waiters.is_empty() {
            true => format!("{}: {}", row.name, row.state),
            false => format!(
                "{}: {} ({} {})",
                row.name,
                row.state,
                lang.pick(["대기:", "waiting:"]),
                row.waiters.join(", ")
            ),
        })
        .collect::<Vec<_>>();
    // The locks and semaphores first: a long line is cut at its end, and they are the lesson
    // where there are any (a producer's buffer has a dozen words).
    let parts: Vec<String> = sync.into_iter().chain(parts).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}
