//! Why the thread a CPU is given was chosen over the others waiting: under SJF, SRTF, priority
//! scheduling and HRRN, the log's dispatch line ends with the number the policy compared, the
//! chosen thread's and the others' (`Chosen for the shortest remaining time: 5 (P1 7, P3 9).`), in the
//! notation the picture marks them with.

use crate::i18n::Lang;
use crate::lang::hundredths;
use proclab_core::spec::{PolicySpec, QueueTopology, ThreadModel};
use proclab_core::state::{MachineState, Tcb};
use proclab_core::{Cause, Event, ProcessState, Run};
use proclab_view::{thread_label, TurnKey};

/// The others named at most; more are counted.
const NAMED: usize = 4;

/// `words`, the log's line for the event at `index`, with why its thread was chosen when it is a
/// dispatch out of a queue of several under a policy that compares a number. `state` is the
/// machine after the event's instant (a later one says nothing: the queue has moved on).
pub(super) fn with_choice_words(
    run: &Run,
    index: usize,
    event: &Event,
    state: &MachineState,
    words: String,
    lang: Lang,
) -> String {
    match choice(run, index, event, state, lang) {
        Some(why) => format!("{words} {why}"),
        None => words,
    }
}

fn choice(
    run: &Run,
    index: usize,
    event: &Event,
    state: &MachineState,
    lang: Lang,
) -> Option<String> {
    if !matches!(event.cause, Cause::Dispatched { .. }) || state.tick != event.tick {
        return None;
    }
    let scenario = run.scenario();
    let machine = scenario.machine();
    // Per-CPU queues, soft affinity, a process-level scheduler and a student's schedule pick by
    // more than the policy's number.
    if machine.topology != QueueTopology::Shared
        || machine.thread_model != ThreadModel::Kernel
        || scenario.schedule().is_some()
    {
        return None;
    }
    let key = TurnKey::of(scenario.policy());
    if matches!(key, TurnKey::None | TurnKey::Slice) {
        return None;
    }
    let trace = run.trace();
    // The chosen thread, as it waited: HRRN's wait is the time since it became ready.
    let mut chosen = state.thread(event.thread)?.clone();
    chosen.state = ProcessState::Ready;
    if key == TurnKey::Ratio {
        let became_ready = (0..index)
            .rev()
            .filter_map(|earlier| trace.get(earlier))
            .find(|earlier| earlier.thread == event.thread && earlier.to == ProcessState::Ready)?;
        chosen.ratio_wait = Some(event.tick - became_ready.tick);
    }
    // The others still waiting, without those that joined the queue after the choice.
    let joined_after: Vec<_> = trace
        .range(index..trace.len())
        .take_while(|later| later.tick == event.tick)
        .filter(|later| later.to == ProcessState::Ready)
        .map(|later| later.thread)
        .collect();
    let others: Vec<&Tcb> = state
        .threads
        .iter()
        .filter(|tcb| tcb.state == ProcessState::Ready && !joined_after.contains(&tcb.thread))
        .collect();
    if others.is_empty() {
        return None;
    }
    let value = |tcb: &Tcb| {
        let mark = key.queued(tcb, false);
        String::from(mark.trim_start_matches(|c: char| !c.is_ascii_digit()))
    };
    let mine = value(&chosen);
    let my_number = fraction(&mine)?;
    // The others best first, as the policy ranks them (a tie with the chosen one is then among
    // those named: the first four in queue order had hidden it).
    let higher_first = matches!(
        key,
        TurnKey::Ratio | TurnKey::Priority { lower_first: false }
    );
    let mut ranked: Vec<(String, String, (u128, u128))> = others
        .iter()
        .filter_map(|tcb| {
            let number = value(tcb);
            let exact = fraction(&number)?;
            Some((thread_label(state, tcb.thread), number, exact))
        })
        .collect();
    ranked.sort_by(|(_, _, (a, b)), (_, _, (c, d))| {
        let order = (a * d).cmp(&(c * b));
        if higher_first {
            order.reverse()
        } else {
            order
        }
    });
    let tied = ranked
        .iter()
        .any(|(_, _, (a, b))| a * my_number.1 == my_number.0 * b);
    // A ratio's decimal beside its fraction: 9/4 and 8/5 are not compared at a glance.
    let said = |number: &str, (top, bottom): (u128, u128)| match key {
        TurnKey::Ratio if top % bottom != 0 => format!("{number} ≈ {}", hundredths(top, bottom)),
        _ => String::from(number),
    };
    let mut listed: Vec<String> = ranked
        .iter()
        .take(NAMED)
        .map(|(name, number, exact)| format!("{name} {}", said(number, *exact)))
        .collect();
    if ranked.len() > NAMED {
        listed.push(lang.pick([
            format!("외 {}개", ranked.len() - NAMED),
            format!("and {} more", ranked.len() - NAMED),
        ]));
    }
    let listed = listed.join(", ");
    let shown = match (key, chosen.ratio_wait) {
        (TurnKey::Ratio, Some(wait)) => {
            let burst = chosen.next_cpu_burst;
            format!("({wait} + {burst}) / {burst} = {}", said(&mine, my_number))
        }
        _ => mine,
    };
    let (korean, english) = match key {
        // SRTF compares what is left of a burst (a preempted thread's 7 of its 8).
        TurnKey::BurstLeft if *scenario.policy() == PolicySpec::Srtf => {
            ("남은 시간이 가장 짧은", "the shortest remaining time")
        }
        TurnKey::BurstLeft => ("CPU 버스트가 가장 짧은", "the shortest CPU burst"),
        TurnKey::Predicted => ("예측 버스트가 가장 짧은", "the shortest predicted burst"),
        TurnKey::Priority { .. } => ("우선순위가 가장 높은", "the highest priority"),
        _ => ("응답률이 가장 높은", "the highest response ratio"),
    };
    let tie = if tied {
        lang.pick([
            "; 같은 값이면 준비 큐에 먼저 들어온 쪽",
            "; a tie goes to the earlier entry into the ready queue",
        ])
    } else {
        ""
    };
    Some(lang.pick([
        format!("{korean} 스레드를 골랐습니다: {shown} ({listed}{tie})."),
        format!("Chosen for {english}: {shown} ({listed}{tie})."),
    ]))
}

/// A mark's number as a fraction of integers: `9/4`, `4.5` (45/10) or `7`.
fn fraction(number: &str) -> Option<(u128, u128)> {
    if let Some((top, bottom)) = number.split_once('/') {
        return Some((top.parse().ok()?, bottom.parse().ok()?));
    }
    match number.split_once('.') {
        Some((whole, part)) => {
            let scale = 10u128.checked_pow(u32::try_from(part.len()).ok()?)?;
            Some((
                whole.parse::<u128>().ok()? * scale + part.parse::<u128>().ok()?,
                scale,
            ))
        }
        None => Some((number.parse().ok()?, 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proclab_core::presets::{prioritised, process};
    use proclab_core::spec::ScenarioSpec;

    /// The log's dispatch lines of `run`, as the page words them with the machine of their
    /// instant: (tick, words).
    fn dispatches(run: &Run, lang: Lang) -> Vec<(u64, String)> {
        run.events()
            .iter()
            .enumerate()
            .filter(|(_, event)| matches!(event.cause, Cause::Dispatched { .. }))
            .map(|(index, event)| {
                let state = run.state_at(event.tick);
                let words = crate::watch::narrate::narrate_in(run, index, event, &state, lang);
                (event.tick, words)
            })
            .collect()
    }

    fn said_at(run: &Run, tick: u64, lang: Lang) -> String {
        let lines = dispatches(run, lang);
        let found = lines.iter().find(|(at, _)| *at == tick);
        found.map(|(_, words)| words.clone()).unwrap_or_default()
    }

    fn preset_run(id: &str) -> Run {
        let spec = proclab_core::presets::preset(id).unwrap().spec;
        proclab_core::simulate_spec(&spec).unwrap()
    }

    /// Silberschatz's priority example, all at 0 (bursts 10, 1, 2, 1, 5; priorities 3, 1, 3,
    /// 4, 2), under non-preemptive priority or another policy.
    fn textbook(policy: PolicySpec) -> Run {
        let bursts = [10, 1, 2, 1, 5];
        let priorities = [3, 1, 3, 4, 2];
        let spec = ScenarioSpec {
            processes: (0..5)
                .map(|at| prioritised(&format!("P{}", at + 1), 0, priorities[at], &[bursts[at]]))
                .collect(),
            policy,
            ..ScenarioSpec::default()
        };
        proclab_core::simulate_spec(&spec).unwrap()
    }

    #[test]
    fn srtf_says_the_bursts_left_it_compared_as_silberschatz_works_them() {
        // P1 8 at 0, P2 4 at 1, P3 9 at 2, P4 5 at 3: P2 finishes at 5, then P4 (5) beats P1
        // (7 left) and P3 (9); at 10 P1 (7) beats P3.
        let run = preset_run("srtf-vs-sjf");
        assert!(
            said_at(&run, 5, Lang::En)
                .ends_with("Chosen for the shortest remaining time: 5 (P1 7, P3 9)."),
            "{}",
            said_at(&run, 5, Lang::En)
        );
        assert!(said_at(&run, 10, Lang::En)
            .ends_with("Chosen for the shortest remaining time: 7 (P3 9)."));
        assert!(said_at(&run, 5, Lang::Ko)
            .ends_with("남은 시간이 가장 짧은 스레드를 골랐습니다: 5 (P1 7, P3 9)."));
        // At 1 P2 preempts P1: P1 is back in the queue with 7 left.
        assert!(said_at(&run, 1, Lang::En)
            .ends_with("Chosen for the shortest remaining time: 4 (P1 7)."));
    }

    #[test]
    fn hrrn_says_the_response_ratios_as_stallings_works_them() {
        // A 0/3, B 2/6, C 4/4, D 6/5, E 8/2. At 9: C waited 5, (5 + 4) / 4; D 3, 8/5; E 1, 3/2.
        // At 13: E waited 5, (5 + 2) / 2 beats D's 7, 12/5.
        let run = preset_run("hrrn");
        let at_9 = said_at(&run, 9, Lang::En);
        assert!(
            at_9.ends_with(
                "Chosen for the highest response ratio: (5 + 4) / 4 = 9/4 ≈ 2.25 (P4 8/5 ≈ 1.60, P5 3/2 ≈ 1.50)."
            ),
            "{at_9}"
        );
        let at_13 = said_at(&run, 13, Lang::En);
        assert!(
            at_13.ends_with("(5 + 2) / 2 = 7/2 ≈ 3.50 (P4 12/5 ≈ 2.40)."),
            "{at_13}"
        );
        assert!(said_at(&run, 9, Lang::Ko).ends_with(
            "응답률이 가장 높은 스레드를 골랐습니다: (5 + 4) / 4 = 9/4 ≈ 2.25 (P4 8/5 ≈ 1.60, P5 3/2 ≈ 1.50)."
        ));
        // Alone in the queue there is no choice to explain.
        assert!(!said_at(&run, 0, Lang::En).contains("Chosen"));
    }

    #[test]
    fn priority_says_the_numbers_and_how_a_tie_is_broken() {
        let run = textbook(PolicySpec::Priority {
            preemptive: false,
            aging_every: None,
            lower_is_higher: true,
        });
        assert!(said_at(&run, 0, Lang::En)
            .ends_with("Chosen for the highest priority: 1 (P5 2, P1 3, P3 3, P4 4)."));
        // At 6 P1 and P3 both have 3: the earlier entry (P1) goes first.
        let at_6 = said_at(&run, 6, Lang::En);
        assert!(
            at_6.ends_with("3 (P3 3, P4 4; a tie goes to the earlier entry into the ready queue)."),
            "{at_6}"
        );
        // FCFS and round robin compare no number.
        for policy in [PolicySpec::Fcfs, PolicySpec::Rr { quantum: 2 }] {
            let run = textbook(policy);
            assert!(dispatches(&run, Lang::En)
                .iter()
                .all(|(_, words)| !words.contains("Chosen")));
        }
    }

    #[test]
    fn sjf_names_its_rivals_best_first_so_a_tie_is_among_them() {
        // Seven jobs at 0: P2 and P7 both have 3; P7 is sixth in the queue, named first.
        let bursts = [5, 3, 6, 7, 8, 9, 3];
        let spec = ScenarioSpec {
            processes: (0..7)
                .map(|at| process(&format!("P{}", at + 1), 0, &[bursts[at]]))
                .collect(),
            policy: PolicySpec::Sjf { prediction: None },
            ..ScenarioSpec::default()
        };
        let run = proclab_core::simulate_spec(&spec).unwrap();
        let at_0 = said_at(&run, 0, Lang::En);
        assert!(
            at_0.ends_with("Chosen for the shortest CPU burst: 3 (P7 3, P1 5, P3 6, P4 7, and 2 more; a tie goes to the earlier entry into the ready queue)."),
            "{at_0}"
        );
    }

    #[test]
    fn the_chosen_number_is_the_best_of_those_said_under_every_comparing_policy() {
        // Checked against the policy's own choice: the number said for the chosen thread is
        // never beaten by one said for a thread left waiting.
        let policies = [
            PolicySpec::Srtf,
            PolicySpec::Sjf { prediction: None },
            PolicySpec::Hrrn,
            PolicySpec::Priority {
                preemptive: true,
                aging_every: Some(2),
                lower_is_higher: true,
            },
            PolicySpec::Priority {
                preemptive: false,
                aging_every: None,
                lower_is_higher: false,
            },
        ];
        let mut said = 0;
        for policy in policies {
            let spec = ScenarioSpec {
                processes: (0..8)
                    .map(|at| {
                        let bursts = [1 + (at * 7) % 9, 1 + at % 3, 2 + (at * 5) % 7];
                        let mut process = process(&format!("P{}", at + 1), at / 2, &bursts);
                        process.priority = ((at * 3) % 5) as u32;
                        process
                    })
                    .collect(),
                policy: policy.clone(),
                ..ScenarioSpec::default()
            };
            let run = proclab_core::simulate_spec(&spec).unwrap();
            let higher_first = matches!(
                policy,
                PolicySpec::Hrrn
                    | PolicySpec::Priority {
                        lower_is_higher: false,
                        ..
                    }
            );
            for (tick, words) in dispatches(&run, Lang::En) {
                let Some((_, clause)) = words.split_once("Chosen for ") else {
                    continue;
                };
                let (_, rest) = clause.split_once(": ").unwrap();
                let (mine, others) = rest.split_once(" (").unwrap();
                let number = |text: &str| {
                    text.split(" ≈ ")
                        .next()
                        .unwrap()
                        .rsplit(' ')
                        .next()
                        .unwrap()
                        .to_string()
                };
                let mine = number(mine);
                let others = others.trim_end_matches(").").split("; ").next().unwrap();
                for other in others.split(", ").filter(|other| !other.ends_with(" more")) {
                    let theirs = number(other);
                    let ((a, b), (c, d)) = (fraction(&mine).unwrap(), fraction(&theirs).unwrap());
                    let beaten = if higher_first {
                        c * b > a * d
                    } else {
                        c * b < a * d
                    };
                    assert!(!beaten, "{policy:?} t={tick}: {words}");
                }
                said += 1;
            }
        }
        assert!(said > 20, "{said}");
    }

    #[test]
    fn marks_numbers_read_as_fractions_and_ratios_round_half_up() {
        assert_eq!(fraction("9/4"), Some((9, 4)));
        assert_eq!(fraction("4.5"), Some((45, 10)));
        assert_eq!(fraction("7"), Some((7, 1)));
        assert_eq!(hundredths(9, 4), "2.25");
        assert_eq!(hundredths(8, 3), "2.67");
        assert_eq!(hundredths(1, 200), "0.01");
    }
}
