//! Why the engine's schedule is what it is, one decision at a time, in the student's language.
//!
//! Every sentence is read from the run: the trace's causes (`Preempted { reason }`,
//! `QuantumExpired`, `IoRequested`, `Exited`, `Admitted`, `IoCompleted`) say what happened at a
//! tick, and the machine at that tick ([`proclab_core::Run::state_at`]) gives the values the
//! policy compared (bursts left, priorities, response ratios, the ready queue). Nothing here is a
//! hand-written answer.

use super::exercise::{Exercise, KeySegment, Who};
use super::grade::{centi_text, key_average, key_value, Column, Grading, Mistake, Verdict};
use crate::i18n::Lang;
use crate::lang::{object_particle, subject_particle};
use proclab_core::spec::PolicySpec;
use proclab_core::state::{MachineState, Tcb};
use proclab_core::{Cause, Event, PreemptReason, ProcessState, Ratio, ThreadRef};

fn thread(pid: u32) -> ThreadRef {
    ThreadRef { pid, tid: 0 }
}

struct Words<'a> {
    exercise: &'a Exercise,
    lang: Lang,
}

impl Words<'_> {
    fn name(&self, pid: u32) -> String {
        self.exercise
            .spec
            .processes
            .get(pid as usize)
            .map(|process| process.name.clone())
            .unwrap_or_else(|| format!("P{}", pid + 1))
    }

    /// `P1이` / `P2가`.
    fn subject(&self, pid: u32) -> String {
        let name = self.name(pid);
        let particle = subject_particle(&name);
        format!("{name}{particle}")
    }

    /// `P1을` / `P2를`.
    fn object(&self, pid: u32) -> String {
        let name = self.name(pid);
        let particle = object_particle(&name);
        format!("{name}{particle}")
    }

    /// `P1은` / `P2는`.
    fn topic(&self, pid: u32) -> String {
        let name = self.name(pid);
        let particle = if object_particle(&name) == "을" {
            "은"
        } else {
            "는"
        };
        format!("{name}{particle}")
    }

    fn events_at(&self, tick: u64) -> impl Iterator<Item = &Event> {
        self.exercise
            .run
            .events()
            .iter()
            .filter(move |event| event.tick == tick)
    }

    fn state(&self, tick: u64) -> MachineState {
        self.exercise.run.state_at(tick)
    }

    /// The tick `pid` last entered the ready queue, at or before `tick`.
    fn ready_since(&self, pid: u32, tick: u64) -> u64 {
        self.exercise
            .run
            .events()
            .iter()
            .filter(|event| {
                event.thread.pid == pid && event.tick <= tick && event.to == ProcessState::Ready
            })
            .map(|event| event.tick)
            .next_back()
            .unwrap_or(0)
    }

    /// Why `pid` became ready at `tick`: it arrived or its I/O ended.
    fn becomes_ready(&self, pid: u32, tick: u64) -> String {
        let io = self
            .events_at(tick)
            .any(|event| event.thread.pid == pid && matches!(event.cause, Cause::IoCompleted));
        let name = self.name(pid);
        match (io, self.lang) {
            (true, Lang::Ko) => format!("{name}의 I/O가 끝나 준비 상태가 됩니다"),
            (true, Lang::En) => format!("{name}'s I/O ends and it becomes ready"),
            (false, Lang::Ko) => format!("{} 도착합니다", self.subject(pid)),
            (false, Lang::En) => format!("{name} arrives"),
        }
    }

    /// Everyone who becomes ready at `tick` (`pids` in the order they join the ready queue),
    /// arrivals together and I/O completions together: "P1 and P4 arrive" / "P1, P4가
    /// 도착합니다" (not one clause each).
    fn all_become_ready(&self, pids: &[u32], tick: u64) -> String {
        let (io, arrivals): (Vec<u32>, Vec<u32>) = pids.iter().partition(|&&pid| {
            self.events_at(tick)
                .any(|event| event.thread.pid == pid && matches!(event.cause, Cause::IoCompleted))
        });
        let names = |group: &[u32]| -> String {
            let names: Vec<String> = group.iter().map(|&pid| self.name(pid)).collect();
            match (self.lang, names.as_slice()) {
                (Lang::Ko, _) => names.join(", "),
                (Lang::En, [one]) => one.clone(),
                (Lang::En, [rest @ .., last]) => format!("{} and {last}", rest.join(", ")),
                (Lang::En, []) => String::new(),
            }
        };
        let mut clauses = Vec::new();
        if !arrivals.is_empty() {
            let who = names(&arrivals);
            clauses.push(match self.lang {
                Lang::Ko => format!("{who}{} 도착합니다", subject_particle(&who)),
                Lang::En if arrivals.len() == 1 => format!("{who} arrives"),
                Lang::En => format!("{who} arrive"),
            });
        }
        if !io.is_empty() {
            let who = names(&io);
            clauses.push(match self.lang {
                Lang::Ko => format!("{who}의 I/O가 끝나 준비 상태가 됩니다"),
                Lang::En if io.len() == 1 => format!("{who}'s I/O ends and it becomes ready"),
                Lang::En => format!("the I/O of {who} ends and they become ready"),
            });
        }
        // In the order they join the ready queue (I/O completions first, by default).
        if pids.first().is_some_and(|first| io.contains(first)) {
            clauses.reverse();
        }
        clauses.join("; ")
    }

    /// `text` framed as what happens at `tick`.
    fn at(&self, tick: u64, text: String) -> String {
        self.lang
            .pick([format!("t={tick}: {text}"), format!("At t={tick}: {text}")])
    }
}

/// CPU ticks left in the thread's current (or next) CPU burst.
fn left(tcb: &Tcb) -> u64 {
    if tcb.burst.is_multiple_of(2) {
        tcb.burst_length.saturating_sub(tcb.program_counter)
    } else {
        tcb.next_cpu_burst
    }
}

fn two_decimals(num: u64, den: u64) -> String {
    centi_text(Ratio::new(num, den))
}

impl Words<'_> {
    /// Why `pid` preempted `victim` at `tick`, from the `Preempted` cause.
    fn preemption(&self, victim: u32, by: u32, reason: PreemptReason, tick: u64) -> String {
        let state = self.state(tick);
        let ready = self.becomes_ready(by, tick);
        let (victim_name, by_name) = (self.name(victim), self.name(by));
        let by_subject = self.subject(by);
        let victim_object = self.object(victim);
        let value = |pid: u32| state.thread(thread(pid));
        let text = match reason {
            PreemptReason::ShorterRemaining => {
                let victim_left = value(victim).map(left).unwrap_or(0);
                let by_left = value(by).map(left).unwrap_or(0);
                self.lang.pick([
                    format!("{ready}. {victim_name}에게는 아직 {victim_left}틱이 남았고 {by_name}에게는 {by_left}틱만 필요합니다: SRTF는 {victim_object} 선점합니다."),
                    format!("{ready} while {victim_name} still has {victim_left} left and {by_name} needs {by_left}: SRTF preempts {victim_name}."),
                ])
            }
            PreemptReason::HigherPriority => {
                let priority = |pid: u32| self.exercise.spec.processes[pid as usize].priority;
                let (victim_priority, by_priority) = (priority(victim), priority(by));
                self.lang.pick([
                    format!("{ready}. {by_name}의 우선순위({by_priority})가 실행 중인 {victim_name}의 우선순위({victim_priority})보다 높습니다(작은 수가 높은 우선순위): {by_subject} {victim_object} 선점합니다."),
                    format!("{ready}; its priority {by_priority} beats running {victim_name}'s {victim_priority} (a lower number is a higher priority): {by_name} preempts {victim_name}."),
                ])
            }
            _ => self.lang.pick([
                format!("{ready}. {by_subject} {victim_object} 선점합니다."),
                format!("{ready}, and {by_name} preempts {victim_name}."),
            ]),
        };
        self.at(tick, text)
    }

    /// Why the policy picked `pid` at `tick` when the CPU was free.
    fn choice(&self, pid: u32, tick: u64) -> String {
        let state = self.state(tick);
        let others: Vec<u32> = state
            .ready
            .iter()
            .flatten()
            .map(|thread| thread.pid)
            .filter(|other| *other != pid)
            .collect();
        let name = self.name(pid);
        if others.is_empty() {
            return self.at(
                tick,
                self.lang.pick([
                    format!(
                        "준비 큐에는 {}뿐이므로 {} 실행됩니다.",
                        name,
                        self.subject(pid)
                    ),
                    format!("{name} is the only ready process, so it runs."),
                ]),
            );
        }
        let mut candidates = vec![pid];
        candidates.extend(&others);
        let list = |value: &dyn Fn(u32) -> String| -> String {
            candidates
                .iter()
                .map(|candidate| format!("{} {}", self.name(*candidate), value(*candidate)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let left_of = |candidate: u32| state.thread(thread(candidate)).map(left).unwrap_or(0);
        let since = self.ready_since(pid, tick);
        let object = self.object(pid);
        let text = match &self.exercise.spec.policy {
            PolicySpec::Fcfs => self.lang.pick([
                format!("{} 준비 큐에 가장 먼저 들어왔으므로(t={since}) FCFS는 {object} 실행합니다. 준비 큐: {}.", self.subject(pid), queue(self, &candidates, tick)),
                format!("{name} entered the ready queue first (t={since}), so FCFS runs it. Ready queue: {}.", queue(self, &candidates, tick)),
            ]),
            PolicySpec::Rr { quantum } => self.lang.pick([
                format!("{} 준비 큐의 맨 앞에 있습니다(큐: {}). {} 최대 {quantum}틱 동안 실행됩니다.", self.subject(pid), queue(self, &candidates, tick), self.topic(pid)),
                format!("{name} is at the head of the ready queue ({}); it runs for at most {quantum} {}.", queue(self, &candidates, tick), crate::lang::ticks(*quantum)),
            ]),
            PolicySpec::Sjf { .. } => self.lang.pick([
                format!("다음 CPU 버스트: {}. SJF는 가장 짧은 {object} 실행합니다.", list(&|c| left_of(c).to_string())),
                format!("Next CPU bursts: {}. SJF runs the shortest, {name}.", list(&|c| left_of(c).to_string())),
            ]),
            PolicySpec::Srtf => self.lang.pick([
                format!("남은 시간: {}. SRTF는 가장 적게 남은 {object} 실행합니다.", list(&|c| left_of(c).to_string())),
                format!("Time left: {}. SRTF runs the one with the least left, {name}.", list(&|c| left_of(c).to_string())),
            ]),
            PolicySpec::Priority { .. } => {
                let priority = |c: u32| self.exercise.spec.processes[c as usize].priority.to_string();
                self.lang.pick([
                    format!("우선순위: {}. 작은 수가 높은 우선순위이므로 {object} 실행합니다.", list(&priority)),
                    format!("Priorities: {}. A lower number is a higher priority, so {name} runs.", list(&priority)),
                ])
            }
            PolicySpec::Hrrn => {
                let ratio = |c: u32| {
                    let waited = tick - self.ready_since(c, tick);
                    let service = left_of(c).max(1);
                    format!("({waited}+{service})/{service} = {}", two_decimals(waited + service, service))
                };
                self.lang.pick([
                    format!("응답률 (W+S)/S: {}. HRRN은 가장 높은 {object} 실행합니다.", list(&ratio)),
                    format!("Response ratios (W+S)/S: {}. HRRN runs the highest, {name}.", list(&ratio)),
                ])
            }
            _ => self.lang.pick([
                format!("{object} 실행합니다."),
                format!("{name} runs."),
            ]),
        };
        let tied: Vec<String> = others
            .iter()
            .filter(|other| self.ties(pid, **other, tick, &state))
            .map(|other| self.name(*other))
            .collect();
        if tied.is_empty() {
            return self.at(tick, text);
        }
        let with = if tied
            .last()
            .is_some_and(|last| object_particle(last) == "을")
        {
            "과"
        } else {
            "와"
        };
        // Entered at the same tick, it is ahead by the order of that tick's entries, which the
        // rules state: "first (t=4)" alone had read as no reason at all.
        let same_tick = others
            .iter()
            .filter(|other| self.ties(pid, **other, tick, &state))
            .any(|other| self.ready_since(*other, tick) == since);
        let tie = match same_tick {
            false => self.lang.pick([
                format!(
                    " {}{with} 같은 값이지만 {} 준비 큐에 먼저 들어왔습니다(t={since}).",
                    tied.join(", "),
                    self.subject(pid)
                ),
                format!(
                    " It ties with {}, and entered the ready queue first (t={since}).",
                    tied.join(", ")
                ),
            ]),
            true => self.lang.pick([
                format!(
                    " {}{with} 같은 값이고 둘 다 t={since}에 준비 큐에 들어왔지만 {} 먼저입니다(같은 순간의 순서는 규칙에 있습니다).",
                    tied.join(", "),
                    self.subject(pid)
                ),
                format!(
                    " It ties with {}; both entered the ready queue at t={since}, it first (the order at one tick is in the rules).",
                    tied.join(", ")
                ),
            ]),
        };
        self.at(tick, text + &tie)
    }

    /// True if the policy's criterion does not tell `pid` and `other` apart at `tick`.
    fn ties(&self, pid: u32, other: u32, tick: u64, state: &MachineState) -> bool {
        let left_of = |c: u32| state.thread(thread(c)).map(left).unwrap_or(0);
        match &self.exercise.spec.policy {
            PolicySpec::Sjf { .. } | PolicySpec::Srtf => left_of(pid) == left_of(other),
            PolicySpec::Priority { .. } => {
                let processes = &self.exercise.spec.processes;
                processes[pid as usize].priority == processes[other as usize].priority
            }
            PolicySpec::Hrrn => {
                let ratio = |c: u32| {
                    let service = u128::from(left_of(c).max(1));
                    (
                        u128::from(tick - self.ready_since(c, tick)) + service,
                        service,
                    )
                };
                let ((a, b), (c, d)) = (ratio(pid), ratio(other));
                a * d == c * b
            }
            _ => false,
        }
    }

    /// Why the segment of `pid` ends at `end`, from the cause of its leaving the CPU.
    fn ending(&self, pid: u32, end: u64) -> String {
        let name = self.name(pid);
        let cause = self
            .events_at(end)
            .find(|event| event.thread.pid == pid && event.from == ProcessState::Running)
            .map(|event| event.cause);
        let text = match cause {
            Some(Cause::Exited) => self.lang.pick([
                format!("{} 마지막 버스트를 마치고 종료합니다.", self.subject(pid)),
                format!("{name} finishes its last burst and exits."),
            ]),
            Some(Cause::IoRequested { length }) => self.lang.pick([
                format!(
                    "{} CPU 버스트를 마치고 {length}틱 동안 I/O를 합니다(대기 상태).",
                    self.subject(pid)
                ),
                format!(
                    "{name} ends its CPU burst and does {length} {} of I/O (Blocked).",
                    crate::lang::ticks(length)
                ),
            ]),
            Some(Cause::QuantumExpired) => {
                let quantum = match self.exercise.spec.policy {
                    PolicySpec::Rr { quantum } => quantum,
                    _ => 0,
                };
                // Who arrives at that very tick: the convention in force puts them ahead of it
                // (the default) or behind it; with no one arriving, nothing to say.
                let arriving: Vec<String> = self
                    .events_at(end)
                    .filter(|event| {
                        matches!(event.cause, Cause::Admitted) && event.thread.pid != pid
                    })
                    .map(|event| self.name(event.thread.pid))
                    .collect();
                let before_arrivals = proclab_core::Convention::RequeueBeforeArrivals
                    .is_on(&self.exercise.spec.conventions);
                let aside = match (arriving.is_empty(), before_arrivals) {
                    (true, _) => [String::new(), String::new()],
                    (false, false) => [
                        format!("(같은 시각에 도착한 {} 뒤)", arriving.join(", ")),
                        format!(" (behind {}, arriving at that tick)", arriving.join(", ")),
                    ],
                    (false, true) => [
                        format!("(같은 시각에 도착한 {}보다 앞)", arriving.join(", ")),
                        format!(" (ahead of {}, arriving at that tick)", arriving.join(", ")),
                    ],
                };
                let [ko_aside, en_aside] = aside;
                self.lang.pick([
                    format!("{name}의 타임 퀀텀({quantum})이 끝나 준비 큐의 맨 뒤로 갑니다{ko_aside}."),
                    format!("{name}'s quantum ({quantum}) runs out; it goes to the back of the ready queue{en_aside}."),
                ])
            }
            Some(Cause::Preempted { by, reason }) => {
                return self.preemption(pid, by.pid, reason, end);
            }
            _ => self.lang.pick([
                format!("{name}의 구간이 끝납니다."),
                format!("{name}'s segment ends."),
            ]),
        };
        self.at(end, text)
    }

    /// Why the CPU idles from `start` to `end`.
    fn idle(&self, start: u64, end: u64) -> String {
        let woken: Vec<u32> = self
            .events_at(end)
            .filter(|event| event.to == ProcessState::Ready)
            .map(|event| event.thread.pid)
            .collect();
        let woken = self.all_become_ready(&woken, end);
        self.lang.pick([
            format!("t={start}: 준비된 프로세스가 없어 CPU가 쉽니다. t={end}에 {woken}."),
            format!("At t={start} no process is ready, so the CPU idles; at t={end} {woken}."),
        ])
    }

    /// Why a context switch happens from `start` to `end`, loading `next`; `saved`: the process
    /// whose context is saved first (none after an idle CPU or an exit).
    fn switch(&self, start: u64, end: u64, next: Option<u32>, saved: Option<u32>) -> String {
        let next = next.map(|pid| self.name(pid)).unwrap_or_default();
        match saved.map(|pid| self.name(pid)) {
            Some(old) => self.lang.pick([
                format!("t={start}: 디스패처가 {old}의 문맥을 PCB에 저장하고 {next}의 문맥을 적재합니다(문맥 교환 {}틱, t={end}까지). 이 시간은 대기 시간에도 실행 시간에도 들어가지 않습니다.", end - start),
                format!("At t={start} the dispatcher saves {old}'s context into its PCB and loads {next}'s ({} tick context switch, until t={end}); this counts as neither waiting nor running.", end - start),
            ]),
            None => self.lang.pick([
                format!("t={start}: 저장할 문맥은 없지만(CPU가 쉬었거나 앞 프로세스가 끝남) 디스패처가 {next}의 문맥을 적재합니다(문맥 교환 {}틱, t={end}까지). 이 시간은 대기 시간에도 실행 시간에도 들어가지 않습니다.", end - start),
                format!("At t={start} there is no context to save (the CPU was idle or the last process exited), and the dispatcher loads {next}'s ({} tick context switch, until t={end}); this counts as neither waiting nor running.", end - start),
            ]),
        }
    }

    /// The run's segment `index` as a label, and why it is so: after a context switch, why the
    /// process after it was chosen is told too (the dispatcher chose it during the switch).
    /// The run's segment `index`: its label, and why it starts and ends there; `kept`, a
    /// sentence told between the two (what happened inside it, in the order of the ticks).
    fn run_segment(&self, key: &[KeySegment], index: usize, kept: &str) -> (String, String) {
        let segment = key[index];
        let label = segment_label(self.exercise, segment.who, segment.end, self.lang);
        let mut why = self.segment(key, index, kept);
        if let (Who::Process(pid), Some(before)) = (segment.who, index.checked_sub(1)) {
            if key[before].who == Who::Switch {
                why = format!("{} {why}", self.why_runs(key, before, pid));
            }
        }
        (label, why)
    }

    fn segment(&self, key: &[KeySegment], index: usize, kept: &str) -> String {
        let segment = key[index];
        match segment.who {
            Who::Idle => self.idle(segment.start, segment.end),
            Who::Switch => {
                let next = match key.get(index + 1).map(|next| next.who) {
                    Some(Who::Process(pid)) => Some(pid),
                    _ => None,
                };
                let why = next
                    .map(|pid| self.why_runs(key, index, pid))
                    .unwrap_or_default();
                // The process before the switch is saved if it runs again later (not if it exited).
                let saved = match index.checked_sub(1).map(|before| key[before].who) {
                    Some(Who::Process(pid))
                        if key[index + 1..]
                            .iter()
                            .any(|later| later.who == Who::Process(pid)) =>
                    {
                        Some(pid)
                    }
                    _ => None,
                };
                format!(
                    "{why} {}",
                    self.switch(segment.start, segment.end, next, saved)
                )
            }
            Who::Process(pid) => {
                let after_switch = index > 0 && key[index - 1].who == Who::Switch;
                let start = if after_switch {
                    String::new()
                } else {
                    self.why_runs(key, index, pid) + " "
                };
                format!("{start}{kept}{}", self.ending(pid, segment.end))
            }
        }
    }

    /// Why `pid` is the one that gets the CPU at the start of segment `index`.
    fn why_runs(&self, key: &[KeySegment], index: usize, pid: u32) -> String {
        let tick = key[index].start;
        let preempted = self.events_at(tick).find_map(|event| match event.cause {
            Cause::Preempted { by, reason } if by.pid == pid => Some((event.thread.pid, reason)),
            _ => None,
        });
        match preempted {
            Some((victim, reason)) => self.preemption(victim, pid, reason, tick),
            None => self.choice(pid, tick),
        }
    }

    /// Why `pid`, running, does not lose the CPU at `tick` (inside its segment, where the
    /// student's segment `index` ended it): who becomes ready then, and why that does not
    /// preempt it under the exercise's policy.
    fn kept(&self, pid: u32, tick: u64, index: usize) -> String {
        let name = self.name(pid);
        let ready: Vec<u32> = self
            .events_at(tick)
            .filter(|event| event.to == ProcessState::Ready && event.thread.pid != pid)
            .filter(|event| matches!(event.cause, Cause::Admitted | Cause::IoCompleted))
            .map(|event| event.thread.pid)
            .collect();
        let segment = index + 1;
        let ga = subject_particle(&segment.to_string());
        let expired = self
            .events_at(tick)
            .any(|event| event.thread.pid == pid && event.cause == Cause::QuantumExpired);
        if ready.is_empty() && expired {
            return self.lang.pick([
                format!("t={tick}(구간 {segment}{ga} 끝나는 곳)에 {name}의 퀀텀이 끝나지만 준비 큐에 다른 프로세스가 없어 {} 곧바로 다시 실행됩니다: 차트에서는 한 구간입니다.", self.topic(pid)),
                format!("At t={tick}, where your segment {segment} ends, {name}'s quantum runs out, but no other process is ready: {name} runs again at once, one segment in the chart."),
            ]);
        }
        if ready.is_empty() {
            return self.lang.pick([
                format!("t={tick}(구간 {segment}{ga} 끝나는 곳)에는 {name}에게서 CPU를 가져가는 일이 없습니다: 계속 실행합니다."),
                format!("At t={tick}, where your segment {segment} ends, nothing takes the CPU from {name}: it keeps running."),
            ]);
        }
        let becomes = self.all_become_ready(&ready, tick);
        let state = self.state(tick);
        let left_of = |c: u32| state.thread(thread(c)).map(left).unwrap_or(0);
        let why = match &self.exercise.spec.policy {
            PolicySpec::Srtf => {
                let by = *ready.iter().min_by_key(|c| left_of(**c)).unwrap_or(&pid);
                let (own, other) = (left_of(pid), left_of(by));
                let by_name = self.name(by);
                if own == other {
                    self.lang.pick([
                        format!("{name}에게 남은 시간은 {own}틱, {by_name}에게 필요한 시간도 {other}틱으로 같습니다. SRTF는 남은 시간이 더 짧을 때만 선점하므로(같으면 선점하지 않습니다) {} CPU를 계속 씁니다.", self.topic(pid)),
                        format!("{name} has {own} left and {by_name} needs {other}: equal, and SRTF preempts only for a strictly shorter time, so {name} keeps the CPU."),
                    ])
                } else {
                    self.lang.pick([
                        format!("{by_name}에게 필요한 {other}틱은 {name}에게 남은 {own}틱보다 길므로 {} CPU를 계속 씁니다.", self.topic(pid)),
                        format!("{by_name} needs {other}, more than the {own} {name} has left, so {name} keeps the CPU."),
                    ])
                }
            }
            PolicySpec::Priority {
                preemptive: true,
                lower_is_higher,
                ..
            } => {
                let priority = |c: u32| self.exercise.spec.processes[c as usize].priority;
                let best = |a: &u32, b: &u32| {
                    let (a, b) = (priority(*a), priority(*b));
                    if *lower_is_higher {
                        a.cmp(&b)
                    } else {
                        b.cmp(&a)
                    }
                };
                let by = *ready.iter().min_by(|a, b| best(a, b)).unwrap_or(&pid);
                let (own, other, by_name) = (priority(pid), priority(by), self.name(by));
                let rule = match lower_is_higher {
                    true => ["작은 수가 높은 우선순위", "a lower number is a higher priority"],
                    false => ["큰 수가 높은 우선순위", "a higher number is a higher priority"],
                };
                let [ko_rule, en_rule] = rule;
                if own == other {
                    self.lang.pick([
                        format!("{by_name}의 우선순위({other})는 실행 중인 {name}의 우선순위({own})와 같습니다. 더 높을 때만 선점하므로 {} CPU를 계속 씁니다.", self.topic(pid)),
                        format!("{by_name}'s priority {other} equals running {name}'s {own}: only a strictly higher priority preempts, so {name} keeps the CPU."),
                    ])
                } else {
                    self.lang.pick([
                        format!("{by_name}의 우선순위({other})는 실행 중인 {name}의 우선순위({own})보다 낮으므로({ko_rule}) {} CPU를 계속 씁니다.", self.topic(pid)),
                        format!("{by_name}'s priority {other} is below running {name}'s {own} ({en_rule}), so {name} keeps the CPU."),
                    ])
                }
            }
            PolicySpec::Rr { quantum } => self.lang.pick([
                format!("새로 준비된 프로세스는 준비 큐의 뒤에 섭니다. 라운드 로빈은 도착으로 선점하지 않으므로 {} 퀀텀({quantum})이 끝나거나 버스트를 마칠 때까지 CPU를 씁니다.", self.topic(pid)),
                format!("It joins the back of the ready queue: round robin does not preempt on an arrival, so {name} keeps the CPU until its quantum ({quantum}) runs out or its burst ends."),
            ]),
            _ => self.lang.pick([
                format!("비선점 정책이므로 {} 버스트를 마칠 때까지 CPU를 계속 씁니다.", self.topic(pid)),
                format!("The policy is non-preemptive, so {name} keeps the CPU until its burst ends."),
            ]),
        };
        self.lang.pick([
            format!("t={tick}(구간 {segment}{ga} 끝나는 곳): {becomes}. {why}"),
            format!("At t={tick}, where your segment {segment} ends, {becomes}. {why}"),
        ])
    }
}

/// The ready queue at `tick`, head first as the simulator writes it, each with the tick it
/// entered (why the head is the head): "D (t=6) → B (t=7) → E (t=8)".
fn queue(words: &Words, candidates: &[u32], tick: u64) -> String {
    candidates
        .iter()
        .map(|pid| format!("{} (t={})", words.name(*pid), words.ready_since(*pid, tick)))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// Why segment `index` of the answer key is what it is (who, and until when); `None` past the end.
pub fn decision(exercise: &Exercise, index: usize, lang: Lang) -> Option<String> {
    let key = exercise.key();
    (index < key.len()).then(|| Words { exercise, lang }.segment(&key, index, ""))
}

/// The key segment `index` as the student would write it: "P2 until t=9".
pub fn segment_label(exercise: &Exercise, who: Who, end: u64, lang: Lang) -> String {
    let words = Words { exercise, lang };
    let who = match who {
        Who::Process(pid) => words.name(pid),
        Who::Idle => lang.pick(["유휴", "idle"]).into(),
        Who::Switch => lang.pick(["문맥 교환", "switch"]).into(),
    };
    lang.pick([
        format!("{who}, t={end}까지"),
        format!("{who} until t={end}"),
    ])
}

/// The first `count` decisions of the answer key, each with why (the hints).
pub fn hints(exercise: &Exercise, count: usize, lang: Lang) -> Vec<String> {
    if exercise.is_semaphore() {
        return super::semaphore::hints(&exercise.run, count, lang);
    }
    if exercise.is_pipe() {
        return super::pipe::hints(&exercise.run, count, lang);
    }
    if exercise.is_race() {
        return super::race::hints(&exercise.run, count, lang);
    }
    if exercise.is_deadlock() {
        return super::deadlock::hints(&exercise.run, count, lang);
    }
    if let Some(point) = exercise.switch {
        return super::switch::hints(&exercise.run, point, count, lang);
    }
    if let Some(asked) = exercise.asked {
        return super::mlfq::hints(&exercise.run, asked, count, lang);
    }
    let key = exercise.key();
    (0..count.min(key.len()))
        .filter_map(|index| {
            let segment = key[index];
            let label = segment_label(exercise, segment.who, segment.end, lang);
            let why = decision(exercise, index, lang)?;
            Some(format!("{}. {label} — {why}", index + 1))
        })
        .collect()
}

/// The time `pid` spent in the ready queue, as intervals from the trace.
fn ready_intervals(exercise: &Exercise, pid: u32) -> Vec<(u64, u64)> {
    let mut intervals = Vec::new();
    let mut since = None;
    for event in exercise.run.events().iter().filter(|e| e.thread.pid == pid) {
        if event.to == ProcessState::Ready && event.from != ProcessState::Ready {
            since = Some(event.tick);
        } else if event.from == ProcessState::Ready && event.to != ProcessState::Ready {
            if let Some(start) = since.take() {
                if event.tick > start {
                    intervals.push((start, event.tick));
                }
            }
        }
    }
    intervals
}

fn cell(exercise: &Exercise, pid: u32, column: Column, lang: Lang) -> String {
    let words = Words { exercise, lang };
    let metrics = exercise.run.metrics();
    let name = words.name(pid);
    let value = |column| key_value(metrics, pid, column);
    let arrival = metrics.processes[pid as usize].arrival;
    match column {
        Column::Completion => lang.pick([
            format!(
                "{name}의 마지막 구간은 t={}에 끝나므로 완료 시간은 {}입니다.",
                value(Column::Completion),
                value(Column::Completion)
            ),
            format!(
                "{name}'s last segment ends at t={}, so it completes at {}.",
                value(Column::Completion),
                value(Column::Completion)
            ),
        ]),
        Column::Turnaround => lang.pick([
            format!(
                "{name}의 반환 시간 = 완료 − 도착 = {} − {arrival} = {}.",
                value(Column::Completion),
                value(Column::Turnaround)
            ),
            format!(
                "{name}'s turnaround = completion − arrival = {} − {arrival} = {}.",
                value(Column::Completion),
                value(Column::Turnaround)
            ),
        ]),
        Column::Waiting => {
            let intervals = ready_intervals(exercise, pid)
                .iter()
                .map(|(start, end)| format!("{start}–{end}"))
                .collect::<Vec<_>>()
                .join(", ");
            let process = &metrics.processes[pid as usize];
            let mut extra = String::new();
            if process.io > 0 {
                extra += &lang.pick([
                    format!(" I/O {}틱은 대기 시간이 아닙니다.", process.io),
                    format!(
                        " Its {} {} of I/O {} not waiting.",
                        process.io,
                        crate::lang::ticks(process.io),
                        if process.io == 1 { "is" } else { "are" }
                    ),
                ]);
            }
            if process.switch > 0 {
                extra += &lang.pick([
                    format!(" 문맥 교환 {}틱도 대기 시간이 아닙니다.", process.switch),
                    format!(
                        " The {} {} of context switch before it ran {} not waiting either.",
                        process.switch,
                        crate::lang::ticks(process.switch),
                        if process.switch == 1 { "is" } else { "are" }
                    ),
                ]);
            }
            // What this process spent elsewhere (its I/O, its switches) is said after its ready
            // intervals, by name: a rule about I/O opened the words for a process that had none.
            let rule = lang.pick([
                "대기 시간은 준비 큐에 있던 시간만 셉니다.",
                "Waiting counts only the time in the ready queue.",
            ]);
            lang.pick([
                format!(
                    "{rule} {} 준비 상태였던 구간: {}; 합계 {}.{extra}",
                    words.subject(pid),
                    if intervals.is_empty() {
                        "없음".into()
                    } else {
                        intervals.clone()
                    },
                    value(Column::Waiting)
                ),
                format!(
                    "{rule} {name} is ready during {}: {} in all.{extra}",
                    if intervals.is_empty() {
                        "no interval".into()
                    } else {
                        intervals.clone()
                    },
                    value(Column::Waiting)
                ),
            ])
        }
        Column::Response => {
            let first = arrival + value(Column::Response);
            lang.pick([
                format!(
                    "{name}의 응답 시간 = 처음 실행된 시각 − 도착 = {first} − {arrival} = {}.",
                    value(Column::Response)
                ),
                format!(
                    "{name}'s response = first run − arrival = {first} − {arrival} = {}.",
                    value(Column::Response)
                ),
            ])
        }
    }
}

fn average(exercise: &Exercise, column: Column, lang: Lang) -> String {
    let metrics = exercise.run.metrics();
    let values: Vec<String> = (0..metrics.processes.len() as u32)
        .map(|pid| key_value(metrics, pid, column).to_string())
        .collect();
    let exact = key_average(metrics, column);
    let sum: u64 = (0..metrics.processes.len() as u32)
        .map(|pid| key_value(metrics, pid, column))
        .sum();
    let n = values.len();
    let name = column.label(lang);
    let decimals = centi_text(exact);
    // The fraction in lowest terms (4/4 is 1), and "rounded" only where rounding happened.
    let common = gcd(sum, n as u64).max(1);
    let (num, den) = (sum / common, n as u64 / common);
    let fraction = if den == 1 {
        num.to_string()
    } else {
        format!("{num}/{den}")
    };
    let exact_to_two = u128::from(sum) * 100 % n.max(1) as u128 == 0;
    let [rounded_ko, rounded_en] = if exact_to_two {
        ["", ""]
    } else {
        [" (소수 둘째 자리까지 반올림)", " (rounded to two decimals)"]
    };
    let [forms_ko, forms_en] = if den == 1 {
        [
            format!("{num} 또는 {decimals}처럼 쓰세요."),
            format!("Type it as {num} or {decimals}."),
        ]
    } else {
        [
            format!("분수({fraction})나 소수 둘째 자리 이상({decimals})으로 쓰세요."),
            format!(
                "Type it as a fraction ({fraction}) or with two decimals or more ({decimals})."
            ),
        ]
    };
    let steps = if fraction == format!("{sum}/{n}") {
        format!("{sum}/{n}")
    } else {
        format!("{sum}/{n} = {fraction}")
    };
    // Which average (two may have the same value) and the forms it is read in: a value right
    // to one decimal (5.8 for 5.75) is not.
    lang.pick([
        format!(
            "평균 {name} 시간 = ({}) / {n} = {steps} = {decimals}{rounded_ko}. {forms_ko}",
            values.join(" + "),
        ),
        format!(
            "Average {} = ({}) / {n} = {steps} = {decimals}{rounded_en}. {forms_en}",
            name.to_lowercase(),
            values.join(" + "),
        ),
    ])
}

/// The greatest common divisor (0 with 0 is 0).
fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The mark of the answer a mistake points at (`Wrong` where it has none of its own: a chart
/// that stops early, a segment too many).
fn mistake_verdict(grading: &Grading, mistake: Mistake) -> Verdict {
    let column = |column: Column| Column::ALL.iter().position(|each| *each == column);
    let verdict = match mistake {
        Mistake::Segment { .. } | Mistake::Omitted { .. } if grading.segments.is_empty() => {
            Some(Verdict::Missing)
        }
        Mistake::Omitted { .. } => None,
        Mistake::Segment { index, who_wrong } => {
            grading
                .segments
                .get(index)
                .map(|segment| if who_wrong { segment.who } else { segment.end })
        }
        Mistake::Cell { pid, column: at } => {
            column(at).and_then(|index| Some(grading.rows.get(pid as usize)?[index]))
        }
        Mistake::Average { column: at } => Column::AVERAGED
            .iter()
            .position(|each| *each == at)
            .map(|index| grading.averages[index]),
        Mistake::Transition { .. } => grading
            .transition
            .and_then(|marks| marks.into_iter().find(|mark| !mark.is_fine())),
        Mistake::RaceValue => grading.race.map(|race| race.value),
        Mistake::RaceInterleaving => grading.race.map(|race| race.interleaving),
        Mistake::Level { pid } => grading
            .levels
            .as_ref()
            .and_then(|levels| levels.get(pid as usize).copied()),
        Mistake::Context { cell } => grading
            .context
            .as_ref()
            .and_then(|marks| marks.get(cell).copied()),
        Mistake::DeadlockPresent => grading.deadlock.map(|marks| marks.present),
        Mistake::DeadlockBlocked => grading.deadlock.map(|marks| marks.blocked),
        Mistake::DeadlockCycle => grading.deadlock.and_then(|marks| marks.cycle),
        Mistake::SemaphoreValue { index } => grading
            .semaphore
            .as_ref()
            .and_then(|marks| marks.values.get(index).copied()),
        Mistake::SemaphoreWait { thread } => grading
            .semaphore
            .as_ref()
            .and_then(|marks| marks.waits.get(thread).copied()),
        Mistake::PipeHeld => grading.pipe.as_ref().map(|marks| marks.held),
        Mistake::PipeWait { process } => grading
            .pipe
            .as_ref()
            .and_then(|marks| marks.waits.get(process).copied()),
    };
    verdict.unwrap_or(Verdict::Wrong)
}

/// True when the explanation of `grading` is [`still_empty`]: its first mistake is an empty
/// cell (a view pointing out a later empty cell need not say it twice).
pub fn first_mistake_is_empty(grading: &Grading) -> bool {
    grading
        .first_mistake
        .is_some_and(|mistake| mistake_verdict(grading, mistake) == Verdict::Missing)
}

/// What an empty answer is told: fill it in first (its worked answer would give it away).
pub fn still_empty(lang: Lang) -> &'static str {
    lang.pick([
        "아직 비어 있는 답이 있습니다(… 표시): 채운 뒤 다시 확인하세요. 풀이는 답을 적은 뒤에 보여 줍니다.",
        "An answer is still empty (marked …): fill it in, then check again. The worked answer is shown once you have tried.",
    ])
}

/// What a view says of an empty answer after an earlier mistake its explanation tells: fill it
/// in (without "the worked answer is shown once you have tried", which the explanation beside
/// it had contradicted).
pub fn still_empty_later(lang: Lang) -> &'static str {
    lang.pick([
        "아직 비어 있는 답이 있습니다(… 표시): 채운 뒤 다시 확인하세요.",
        "Fill in the answers still empty (marked …), then check again.",
    ])
}

/// The first mistake of a grading, explained from the run; `None` when everything is right.
/// An answer left empty or that cannot be read is not explained: the worked answer would give
/// away what the student has not tried yet, so the words say what to write instead.
pub fn explain(exercise: &Exercise, grading: &Grading, lang: Lang) -> Option<String> {
    let mistake = grading.first_mistake?;
    match mistake_verdict(grading, mistake) {
        Verdict::Missing => {
            // Cells already wrong are said to be, so a student is not left wondering why no
            // explanation follows their ✗ (it retells the run, which would fill in the rest).
            // Those marked ✗ alone: one that cannot be read is marked ? and counted apart (the
            // summary above had said one ✗, this line two).
            let unread = grading.unreadable();
            let wrong = grading.wrong_cells() - unread;
            let fill_in = lang.pick([
                "빈 답(… 표시)을 채우고 다시 확인하면 왜 틀렸는지 설명합니다(설명은 실행 전체를 풀어 주므로, 지금 설명하면 빈 답까지 알려 주게 됩니다).",
                "Fill in the empty ones (marked …) and check again to see why: the explanation retells the whole run, so now it would give the empty ones away.",
            ]);
            let marked = match (wrong, unread) {
                (0, 0) => return Some(still_empty(lang).to_string()),
                (0, _) => String::new(),
                (1, _) => lang
                    .pick([
                        "✗ 표시된 답 1개가 틀렸습니다. ",
                        "1 answer marked ✗ is wrong. ",
                    ])
                    .to_string(),
                _ => lang.pick([
                    format!("✗ 표시된 답 {wrong}개가 틀렸습니다. "),
                    format!("{wrong} answers marked ✗ are wrong. "),
                ]),
            };
            let unreadable = match unread {
                0 => String::new(),
                1 => lang
                    .pick([
                        "? 표시된 답 1개는 읽을 수 없습니다. ",
                        "1 answer marked ? cannot be read. ",
                    ])
                    .to_string(),
                _ => lang.pick([
                    format!("? 표시된 답 {unread}개는 읽을 수 없습니다. "),
                    format!("{unread} answers marked ? cannot be read. "),
                ]),
            };
            return Some(format!("{marked}{unreadable}{fill_in}"));
        }
        Verdict::NotANumber => {
            let form = match mistake {
                Mistake::Level { .. } => super::mlfq::level_form(&exercise.run, lang),
                Mistake::Context { .. } => super::switch::cell_form(lang).to_string(),
                // Said under the answer as it is typed, in its own words ("too large", "entry
                // 8: thread 1 has already run all of its instructions"): the general form here
                // had contradicted them ("is one whole number" over twenty digits).
                Mistake::RaceValue | Mistake::RaceInterleaving => lang
                    .pick([
                        "? 표시된 답을 읽을 수 없는 까닭은 그 답 아래에 있습니다.",
                        "Why the answer marked ? cannot be read is said under it.",
                    ])
                    .to_string(),
                Mistake::SemaphoreValue { .. } => super::semaphore::value_form(lang).to_string(),
                Mistake::PipeHeld => super::pipe::held_form(lang).to_string(),
                _ => lang
                    .pick([
                        "답은 정수 하나입니다. 평균은 7/2 같은 분수나 3.5 같은 소수로도 쓸 수 있습니다.",
                        "An answer is one whole number; an average may also be a fraction such as 7/2 or a decimal such as 3.5.",
                    ])
                    .to_string(),
            };
            return Some(lang.pick([
                format!("{form} 읽을 수 없는 답(? 표시)을 고친 뒤 다시 확인하세요. 풀이는 답을 읽을 수 있을 때 보여 줍니다."),
                format!("{form} Correct each answer marked ? and check again. The worked answer is shown once it can be read."),
            ]));
        }
        _ => {}
    }
    let key = exercise.key();
    let words = Words { exercise, lang };
    Some(match mistake {
        Mistake::Segment { index, .. } if grading.run_segment_of(index) >= key.len() => {
            lang.pick([
                format!(
                    "t={}에 모든 프로세스가 끝났으므로 구간 {}부터는 필요 없습니다.",
                    exercise.run.end_tick(),
                    index + 1
                ),
                format!(
                    "Every process is done at t={}: segment {} and later are extra.",
                    exercise.run.end_tick(),
                    index + 1
                ),
            ])
        }
        Mistake::Segment { index, .. } => {
            let run_index = grading.run_segment_of(index);
            let paired = grading.paired.get(index).copied().flatten().is_some();
            // An end written before the run's, the owner right: what happened there, which the
            // run's own story of the segment (its start and its end) does not tell.
            let segment = key[run_index];
            let kept = match (segment.who, grading.ends.get(index).copied().flatten()) {
                (Who::Process(pid), Some(end))
                    if paired && segment.start < end && end < segment.end =>
                {
                    format!("{} ", words.kept(pid, end, index))
                }
                _ => String::new(),
            };
            let (label, why) = words.run_segment(&key, run_index, &kept);
            if paired {
                lang.pick([
                    format!("구간 {}: {label}. {why}", index + 1),
                    format!("Segment {}: {label}. {why}", index + 1),
                ])
            } else if grading.continues.get(index) == Some(&true) {
                // One run written as two segments: the chart joins them.
                lang.pick([
                    format!(
                        "구간 {}{} 한 번의 실행을 두 구간으로 나눈 것입니다. 계속 실행되는 프로세스는 한 구간으로 씁니다. 그 자리의 구간: {label}.",
                        index + 1,
                        crate::lang::topic_particle(&(index + 1).to_string())
                    ),
                    format!(
                        "Segment {} splits one run in two: a process that keeps running is one segment. The run's segment there: {label}.",
                        index + 1
                    ),
                ])
            } else {
                lang.pick([
                    format!(
                        "구간 {}{} 실행에 없는 구간입니다. 이 자리의 구간: {label}. {why}",
                        index + 1,
                        crate::lang::topic_particle(&(index + 1).to_string())
                    ),
                    format!(
                        "Segment {} is not in the run. The run's segment here: {label}. {why}",
                        index + 1
                    ),
                ])
            }
        }
        Mistake::Omitted {
            before,
            key: left_out,
        } => {
            let (label, why) = words.run_segment(&key, left_out, "");
            if before >= grading.segments.len() {
                lang.pick([
                    format!("구간 {}: {label}. {why}", before + 1),
                    format!("Segment {}: {label}. {why}", before + 1),
                ])
            } else {
                lang.pick([
                    format!(
                        "구간 {} 앞에 빠진 구간이 있습니다: {label}. {why}",
                        before + 1
                    ),
                    format!(
                        "A segment is missing before segment {}: {label}. {why}",
                        before + 1
                    ),
                ])
            }
        }
        Mistake::Cell { pid, column } => cell(exercise, pid, column, lang),
        Mistake::Average { column } => average(exercise, column, lang),
        Mistake::Transition { answer } => super::transition::question(exercise)
            .map(|question| question.explanation(exercise, &answer, lang))
            .unwrap_or_default(),
        Mistake::RaceValue => super::race::explain_value(
            &exercise.run,
            &exercise.race_workload(),
            grading
                .race
                .map_or(super::grade::Verdict::Wrong, |race| race.value),
            lang,
        ),
        Mistake::RaceInterleaving => return None,
        Mistake::Level { pid } => super::mlfq::explain_level(
            &exercise.run,
            exercise.asked.unwrap_or(0),
            pid,
            grading
                .levels
                .as_ref()
                .and_then(|levels| levels.get(pid as usize).copied())
                .unwrap_or(super::grade::Verdict::Wrong),
            lang,
        ),
        Mistake::Context { cell } => match exercise.switch {
            Some(point) => super::switch::explain_cell(
                &exercise.run,
                point,
                cell,
                grading
                    .context
                    .as_ref()
                    .and_then(|marks| marks.get(cell).copied())
                    .unwrap_or(super::grade::Verdict::Wrong),
                lang,
            ),
            None => return None,
        },
        Mistake::DeadlockPresent | Mistake::DeadlockBlocked | Mistake::DeadlockCycle => {
            format!(
                "{}\n{}",
                match grading.deadlock.as_ref() {
                    Some(marks) => super::deadlock::lead(&exercise.run, marks, mistake, lang),
                    None => String::new(),
                },
                super::deadlock::explain(&exercise.run, lang)
            )
        }
        Mistake::SemaphoreValue { index } => {
            let explained = super::semaphore::explain_value(&exercise.run, index, lang);
            match grading.semaphore.as_ref() {
                Some(marks) if marks.below_zero => {
                    format!("{} {explained}", super::semaphore::never_below_zero(lang))
                }
                _ => explained,
            }
        }
        Mistake::SemaphoreWait { thread } => {
            super::semaphore::explain_wait(&exercise.run, thread, lang)
        }
        Mistake::PipeHeld => super::pipe::explain_held(
            &exercise.run,
            grading
                .pipe
                .as_ref()
                .and_then(|marks| marks.typed.as_deref()),
            lang,
        ),
        Mistake::PipeWait { process } => super::pipe::explain_wait(&exercise.run, process, lang),
    })
}

/// Where "Show" opens the run: the tick of the first mistake (the start of the wrong segment, the
/// arrival of the process whose cell is wrong, the transition's tick), else the start.
pub fn show_tick(exercise: &Exercise, grading: Option<&Grading>) -> u64 {
    let key = exercise.key();
    match grading.and_then(|grading| grading.first_mistake) {
        Some(Mistake::Segment { index, .. }) => key
            .get(grading.map_or(index, |grading| grading.run_segment_of(index)))
            .map(|segment| segment.start)
            .unwrap_or_else(|| exercise.run.end_tick()),
        Some(Mistake::Omitted { key: left_out, .. }) => key
            .get(left_out)
            .map(|segment| segment.start)
            .unwrap_or_else(|| exercise.run.end_tick()),
        Some(Mistake::Cell { pid, .. }) => exercise
            .run
            .metrics()
            .processes
            .get(pid as usize)
            .map(|process| process.arrival)
            .unwrap_or(0),
        Some(Mistake::Transition { .. }) => super::transition::question(exercise)
            .map(|question| question.tick)
            .unwrap_or(0),
        Some(Mistake::RaceValue) => super::race::first_lost_load(&exercise.run)
            .map(|step| exercise.run.program_steps()[step].tick)
            .unwrap_or(0),
        Some(Mistake::Level { .. }) => exercise.asked.unwrap_or(0),
        Some(Mistake::Context { .. }) => exercise.switch.map_or(0, |point| point.tick),
        Some(Mistake::DeadlockPresent | Mistake::DeadlockBlocked | Mistake::DeadlockCycle) => {
            super::deadlock::moment_tick(&exercise.run).unwrap_or(0)
        }
        Some(Mistake::SemaphoreValue { .. } | Mistake::SemaphoreWait { .. }) => {
            exercise.run.end_tick()
        }
        Some(Mistake::PipeHeld | Mistake::PipeWait { .. }) => {
            super::pipe::after_last_step(&exercise.run)
        }
        Some(Mistake::Average { .. } | Mistake::RaceInterleaving) | None => 0,
    }
}

/// How many ticks "Show" plays before the first mistake, so the student sees what led to it.
pub const SHOW_LEAD: u64 = 3;

/// What "Show" plays: from [`SHOW_LEAD`] ticks before the first mistake to the mistake's tick
/// ([`show_tick`]), where the playback stops. With nothing wrong (or not yet checked) an exercise
/// about one moment (a job's level, a context switch, the allocation graph) plays up to that
/// moment; any other is `None` (it opens at the start, paused).
pub fn show_span(exercise: &Exercise, grading: Option<&Grading>) -> Option<(u64, u64)> {
    let stop = match grading.and_then(|grading| grading.first_mistake) {
        Some(_) => show_tick(exercise, grading),
        None => asked_tick(exercise)?,
    };
    Some((stop.saturating_sub(SHOW_LEAD), stop))
}

/// The moment an exercise asks about, when it asks about one.
fn asked_tick(exercise: &Exercise) -> Option<u64> {
    if exercise.is_mlfq() {
        exercise.asked
    } else if exercise.is_switch() {
        exercise.switch.map(|point| point.tick)
    } else if exercise.is_deadlock() {
        super::deadlock::moment_tick(&exercise.run)
    } else if exercise.is_semaphore() {
        Some(exercise.run.end_tick())
    } else if exercise.is_pipe() {
        Some(super::pipe::after_last_step(&exercise.run))
    } else {
        None
    }
}
