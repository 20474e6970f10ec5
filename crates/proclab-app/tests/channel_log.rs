//! The event log's channel operations, checked against the machine's pipes and queues: replaying
//! what the sentences say gives what each pipe or queue holds at every tick.

mod common;

use proclab_app::lang::Lang;
use proclab_app::simulation::Simulation;
use proclab_app::watch::channel_ops::channel_lines;
use proclab_core::presets::{preset, PresetId};
use proclab_core::Run;
use std::collections::VecDeque;

/// The number after `verb` in `line` and the channel's name after `noun` (`writes 3 into pipe p`).
fn operation(line: &str, verb: &str, noun: &str) -> Option<(i64, String)> {
    let (_, rest) = line.split_once(&format!(" {verb} "))?;
    let (value, rest) = rest.split_once(' ')?;
    let (_, name) = rest.split_once(&format!(" {noun} "))?;
    let name = name.split([' ', ';', '.', ':']).next()?;
    Some((value.parse().ok()?, name.to_string()))
}

/// Replays `run`'s told operations tick by tick and compares with the machine's channels.
fn replays(run: &Run) -> usize {
    let names: Vec<String> = run
        .state_at(0)
        .queues
        .iter()
        .map(|q| q.name.clone())
        .collect();
    let mut held: Vec<VecDeque<i64>> = vec![VecDeque::new(); names.len()];
    let mut told = 0;
    for tick in 1..=run.end_tick() {
        for (instant, line) in channel_lines(run, tick, tick, Lang::En) {
            assert_eq!(instant, tick);
            assert!(line.starts_with(&format!("t={tick}: ")), "{line}");
            told += 1;
            let index = |name: &str| names.iter().position(|n| n == name).expect("a channel");
            let put = operation(&line, "writes", "pipe").or(operation(&line, "sends", "queue"));
            let taken = operation(&line, "reads", "pipe").or(operation(&line, "receives", "queue"));
            if let Some((value, name)) = put {
                // Straight to a waiting reader: it never sits in the buffer.
                if !line.contains("goes straight to") {
                    held[index(&name)].push_back(value);
                }
            } else if let Some((value, name)) = taken {
                let queue = &mut held[index(&name)];
                assert_eq!(queue.pop_front(), Some(value), "t={tick}: {line}");
                // A sender that waited puts its value in the place freed: the machine's own.
                if line.contains("the place it frees takes") {
                    let state = run.state_at(tick);
                    let last = *state.queues[index(&name)]
                        .messages
                        .last()
                        .expect("the value");
                    queue.push_back(last);
                }
            } else {
                assert!(
                    line.contains("end-of-file") || line.contains("closes its write end"),
                    "{line}"
                );
            }
        }
        let state = run.state_at(tick);
        for (queue, snapshot) in held.iter().zip(&state.queues) {
            assert_eq!(
                queue.iter().copied().collect::<Vec<_>>(),
                snapshot.messages,
                "t={tick}: {}",
                snapshot.name
            );
        }
    }
    told
}

#[test]
fn told_writes_and_reads_replayed_give_what_each_pipe_and_queue_holds() {
    for id in [
        PresetId::PipeWriterReader,
        PresetId::MessageQueueClientServer,
    ] {
        let run = common::run(id);
        let told = replays(&run);
        assert!(told >= 6, "{}: {told} operations told", id.as_str());
    }
}

#[test]
fn a_tick_whose_only_change_is_a_pipe_is_told_and_a_stop_for_the_event_buttons() {
    let spec = preset(PresetId::PipeWriterReader.as_str())
        .expect("a preset")
        .spec;
    let simulation = Simulation::new(&spec).expect("valid");
    let run = &simulation.run;
    let mut quiet_but_changed = 0;
    for tick in 1..=run.end_tick() {
        let (before, after) = (run.state_at(tick - 1), run.state_at(tick));
        let changed = before
            .queues
            .iter()
            .zip(&after.queues)
            .any(|(b, a)| b.messages != a.messages || b.open_writers != a.open_writers);
        let has_event = run.events().iter().any(|event| event.tick == tick);
        if changed && !has_event {
            quiet_but_changed += 1;
            assert!(
                !channel_lines(run, tick, tick, Lang::En).is_empty(),
                "t={tick}"
            );
            assert!(
                !channel_lines(run, tick, tick, Lang::Ko).is_empty(),
                "t={tick}"
            );
            assert_eq!(simulation.next_told_tick(tick - 1), Some(tick));
            assert_eq!(simulation.previous_told_tick(tick + 1), Some(tick));
        }
    }
    // The writer's first write, at t=2, changes the pipe and nothing else.
    assert!(quiet_but_changed >= 4, "{quiet_but_changed}");
    let close = channel_lines(run, 0, run.end_tick(), Lang::En)
        .into_iter()
        .find(|(_, line)| line.contains("closes its write end of pipe p"));
    assert!(close.is_some(), "the writer's close is told");
}
