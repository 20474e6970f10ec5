//! The warm-up cache model's results panel without a browser: its model is the core's run, drawn
//! segment by segment, and says the same as the command line's answer key.

use proclab_app::chart::warmup::{axis_marks, machine_at, warmup_chart, MIN_TICK_PX};
use proclab_app::lang::Lang;
use proclab_app::simulation::Simulation;
use proclab_core::presets::warmup_presets;

#[test]
fn every_warm_up_preset_draws_the_answer_key_of_the_command_line() {
    for preset in warmup_presets() {
        let simulation = Simulation::new(&preset.spec).unwrap();
        let run = simulation.warmup.as_ref().expect("a warm-up run");
        let chart = warmup_chart(&simulation.scenario, run);
        // The segments, written as the answer key writes a CPU's line, are its lines.
        let mut lines = String::new();
        for cpu in &chart.cpus {
            lines.push_str(&format!("CPU{}:", cpu.cpu));
            for segment in &cpu.segments {
                lines.push_str(&format!(" {} {}", segment.start, segment.label));
            }
            lines.push_str(&format!(" {}\n", chart.end));
            // Segments tile the row, and the busy figure is the running ticks.
            let running: u64 = cpu
                .segments
                .iter()
                .filter(|segment| segment.job.is_some())
                .map(|segment| segment.end - segment.start)
                .sum();
            assert_eq!(running, cpu.busy, "preset {}", preset.id);
            for pair in cpu.segments.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
                assert_ne!((pair[0].job, pair[0].warm), (pair[1].job, pair[1].warm));
            }
            // Warm and cold are told apart by pattern as well as by the star.
            for segment in &cpu.segments {
                if segment.job.is_some() {
                    assert_eq!(
                        segment.fill.pattern == proclab_app::chart::palette::Pattern::Solid,
                        segment.warm
                    );
                }
                if segment.label_fits {
                    let room = (segment.end - segment.start) * MIN_TICK_PX;
                    assert!(room >= 8 * segment.label.chars().count() as u64);
                }
            }
        }
        assert_eq!(lines, chart.gantt_text, "preset {}", preset.id);
        assert_eq!(chart.too_many, None);
        let answer_key = proclab_core::warmup::render::answer_key(&simulation.scenario, run);
        assert!(answer_key.starts_with(&chart.gantt_text));
        for (job, row) in chart.jobs.iter().enumerate() {
            assert_eq!(row.completion, run.completion()[job]);
            assert_eq!(row.turnaround, row.completion);
            assert!(row.warm_ticks + row.cold_ticks <= row.run_time);
        }
        let warm: u64 = chart.jobs.iter().map(|job| job.warm_ticks).sum();
        let warm_cpus: u64 = chart.cpus.iter().map(|cpu| cpu.warm).sum();
        if simulation.scenario.machine().cache.warm_rate > 1 {
            assert_eq!(warm, warm_cpus, "preset {}", preset.id);
        }
        for cpu in &chart.cpus {
            assert!(answer_key.contains(&format!("{:>6} {:>6}", cpu.utilisation, cpu.warm_share)));
        }
    }
}

#[test]
fn the_superlinear_lesson_reads_as_its_text_says() {
    let preset = proclab_core::presets::preset("superlinear-3-cpus").unwrap();
    let simulation = Simulation::new(&preset.spec).unwrap();
    let run = simulation.warmup.as_ref().unwrap();
    let chart = warmup_chart(&simulation.scenario, run);
    assert_eq!(chart.end, 55);
    assert_eq!(chart.cpus[0].segments[0].label, "a");
    assert_eq!(chart.cpus[0].segments[1].label, "a*");
    assert_eq!(chart.cpus[0].warm_share, "81.82");
    let words = machine_at(&simulation.scenario, run, 20, Lang::En);
    assert_eq!(words.len(), 3);
    assert!(words[0].contains("warm (rate 2)"), "{words:?}");
    assert!(machine_at(&simulation.scenario, run, 3, Lang::Ko)[0].contains("차가움"));
}

#[test]
fn axis_marks_are_round_few_and_end_at_the_end() {
    assert_eq!(axis_marks(55), vec![0, 10, 20, 30, 40, 50, 55]);
    assert_eq!(axis_marks(54), vec![0, 10, 20, 30, 40, 54]);
    assert_eq!(axis_marks(300), vec![0, 50, 100, 150, 200, 250, 300]);
    assert_eq!(axis_marks(0), vec![0]);
    assert_eq!(axis_marks(7), vec![0, 1, 2, 3, 4, 5, 6, 7]);
    for end in 1..2_000 {
        let marks = axis_marks(end);
        assert!(marks.len() <= 12, "{end}: {marks:?}");
        assert_eq!(*marks.last().unwrap(), end);
        assert!(marks.windows(2).all(|pair| pair[0] < pair[1]));
    }
}

#[test]
fn axis_numbers_that_would_run_into_each_other_are_left_out() {
    use proclab_app::chart::warmup::readable_marks;
    let marks = axis_marks(110);
    assert_eq!(marks, vec![0, 20, 40, 60, 80, 100, 110]);
    // 3 px a tick: 100 and 110 are 30 px apart, too close for two three-digit numbers.
    assert_eq!(readable_marks(&marks, 3.0), vec![0, 20, 40, 60, 80, 110]);
    // Wide enough, every mark stays.
    assert_eq!(readable_marks(&marks, 10.0), marks);
    for end in 1..500 {
        for scale in [1.0, 3.0, 5.5, 20.0] {
            let kept = readable_marks(&axis_marks(end), scale);
            assert_eq!(kept.last(), Some(&end));
            for pair in kept.windows(2) {
                let room = (pair[1] - pair[0]) as f64 * scale;
                let needed =
                    (pair[0].to_string().len() + pair[1].to_string().len()) as f64 * 12.0 * 0.62
                        / 2.0
                        + 8.0;
                assert!(room >= needed, "{end} at {scale}: {pair:?}");
            }
        }
    }
}

#[test]
fn a_run_too_long_to_draw_keeps_its_figures_and_draws_nothing() {
    use proclab_app::chart::warmup::MAX_DRAWN_SEGMENTS;
    // Round robin with a quantum of 1 on 2 CPUs, three jobs: a new segment nearly every tick.
    let mut spec = proclab_core::presets::preset("warmup-two-cpus")
        .unwrap()
        .spec;
    if let proclab_core::spec::PolicySpec::Rr { quantum } = &mut spec.policy {
        *quantum = 1;
    }
    for process in &mut spec.processes {
        process.bursts = proclab_core::spec::BurstSpec::alternating(&[5_000]);
    }
    let simulation = Simulation::new(&spec).unwrap();
    let run = simulation.warmup.as_ref().unwrap();
    let chart = warmup_chart(&simulation.scenario, run);
    assert!(chart.too_many.unwrap() > MAX_DRAWN_SEGMENTS);
    // The count is the run's: a segment starts wherever a CPU's (job, warm) changes.
    let what = |tick: u64, cpu: usize| run.tick(tick)[cpu].map(|slot| (slot.job, slot.warm));
    let starts: usize = (0..2)
        .map(|cpu| {
            (0..run.end())
                .filter(|tick| *tick == 0 || what(*tick, cpu) != what(tick - 1, cpu))
                .count()
        })
        .sum();
    assert_eq!(chart.too_many, Some(starts));
    assert!(chart.cpus.iter().all(|cpu| cpu.segments.is_empty()));
    assert!(chart.gantt_text.is_empty());
    assert_eq!(chart.end, run.end());
    assert_eq!(chart.jobs.len(), 3);
    assert_eq!(
        chart
            .jobs
            .iter()
            .map(|job| job.completion)
            .collect::<Vec<_>>(),
        run.completion()
    );
}

#[test]
fn the_seed_field_is_labelled_by_what_the_seed_draws_for() {
    use proclab_app::draft::{Draft, SeedUse};
    use proclab_app::i18n::Text;
    use proclab_app::lang::Words;
    use proclab_core::presets::preset;
    // A warm-up preset whose per-CPU queues peek at random: the seed draws multi.py's peeks.
    let peeking = warmup_presets()
        .into_iter()
        .find(|preset| preset.spec.machine.peek_interval.is_some_and(|p| p > 0))
        .expect("a warm-up preset that peeks");
    let mut draft = Draft::from_spec(&peeking.spec);
    assert_eq!(draft.seed_use(), SeedUse::Peeks);
    assert_eq!(
        Text::seed_label(draft.seed_use()).get(Lang::En),
        "Seed of the random peeks (multi.py -s)"
    );
    // Peek interval 0 (never peek), or shared queues: nothing is drawn.
    draft.machine.peek_interval = String::from("0");
    assert_eq!(draft.seed_use(), SeedUse::Unused);
    let lottery = Draft::from_spec(&preset("lottery").expect("the lottery preset").spec);
    assert_eq!(lottery.seed_use(), SeedUse::Lottery);
    assert_eq!(
        Text::seed_label(lottery.seed_use()).get(Lang::Ko),
        "로터리 추첨 시드"
    );
    let fcfs = Draft::default();
    assert_eq!(fcfs.seed_use(), SeedUse::Unused);
}

/// What is wrong with the machine view's layout: a text under 12 px, a text wider than its
/// box, a text out of its part, two texts on each other.
fn layout_problems(scene: &proclab_view::WarmupScene) -> Vec<String> {
    let mut problems = Vec::new();
    if scene.text_size < proclab_view::MIN_TEXT {
        problems.push(format!("text of {} px", scene.text_size));
    }
    let boxes = scene.text_boxes();
    for text in &boxes {
        if !text.container.holds(text.rect, 0.5) {
            problems.push(format!(
                "{} {:?} out of {:?}",
                text.what, text.rect, text.container
            ));
        }
    }
    for (index, first) in boxes.iter().enumerate() {
        for second in &boxes[index + 1..] {
            if first.rect.overlaps(second.rect, 0.5) {
                problems.push(format!("{} over {}", first.what, second.what));
            }
        }
    }
    let mut labels = vec![&scene.clock];
    for card in &scene.cards {
        labels.extend([&card.title, &card.running.status, &card.running.detail]);
        labels.push(&card.cache.caption);
        labels.extend(
            card.cache
                .parts
                .iter()
                .filter_map(|part| part.label.as_ref()),
        );
        for row in std::iter::once(&card.warming).chain(card.queue.as_ref()) {
            labels.push(&row.caption);
            labels.extend(row.chips.iter().map(|chip| &chip.label));
            labels.extend(row.more.as_ref());
        }
        for part in &card.cache.parts {
            if !card.cache.bar.holds(part.rect, 0.5) {
                problems.push(format!("cache part {:?} out of its bar", part.rect));
            }
        }
    }
    for label in labels {
        let needed = proclab_view::text_width(&label.text, scene.text_size);
        if needed > label.rect.width + 0.5 {
            problems.push(format!(
                "{:?} needs {needed} px, has {}",
                label.text, label.rect.width
            ));
        }
    }
    problems
}

const WIDTHS: [f32; 4] = [280.0, 390.0, 1280.0, 1920.0];

#[test]
fn the_machine_view_shows_what_each_cpu_runs_cold_or_warm_at_every_tick() {
    use proclab_app::chart::warmup_machine::machine_scene;
    for preset in warmup_presets() {
        let simulation = Simulation::new(&preset.spec).unwrap();
        let run = simulation.warmup.as_ref().unwrap();
        let scenario = &simulation.scenario;
        for tick in 0..run.end() {
            for lang in [Lang::Ko, Lang::En] {
                for width in WIDTHS {
                    let state = proclab_core::warmup::state_at(scenario, tick).unwrap();
                    let scene = machine_scene(scenario, &state, lang, width);
                    let id = preset.id;
                    assert_eq!(
                        layout_problems(&scene),
                        Vec::<String>::new(),
                        "{id} tick {tick} {width} px"
                    );
                    assert_eq!(scene.cards.len(), run.tick(tick).len());
                    for (card, slot) in scene.cards.iter().zip(run.tick(tick)) {
                        assert_eq!(
                            card.running.job,
                            slot.map(|slot| slot.job),
                            "{id} tick {tick}"
                        );
                        assert_eq!(
                            card.running.warm,
                            slot.is_some_and(|slot| slot.warm),
                            "{id} tick {tick}"
                        );
                        if let Some(slot) = slot {
                            let name = scenario.processes()[slot.job as usize].name();
                            assert!(
                                card.running.status.text.starts_with(name),
                                "{id} tick {tick}"
                            );
                            let word = if slot.warm {
                                ["따뜻함", "warm"]
                            } else {
                                ["차가움", "cold"]
                            };
                            assert!(card.running.status.text.contains(lang.pick(word)));
                            // Cold running shows its warm-up so far; warm running has none.
                            assert_eq!(card.running.progress.is_some(), !slot.warm);
                        }
                    }
                    // Per-CPU queues are drawn in their CPUs, a shared one under them.
                    let per_cpu =
                        scenario.machine().topology == proclab_core::spec::QueueTopology::PerCpu;
                    assert_eq!(scene.shared.is_none(), per_cpu);
                    assert!(scene
                        .cards
                        .iter()
                        .all(|card| card.queue.is_some() == per_cpu));
                }
            }
        }
    }
}

#[test]
fn the_machine_view_keeps_long_names_and_long_queues_in_their_boxes() {
    use proclab_app::chart::warmup_machine::machine_scene;
    use proclab_core::spec::QueueTopology;
    let mut preset = warmup_presets().into_iter().next().unwrap().spec;
    let job = preset.processes[0].clone();
    preset.processes = (0..40)
        .map(|index| proclab_core::ProcessSpec {
            name: format!("아주긴이름의작업-{index:02}"), // 27 bytes of 32
            working_set: 1 + index,
            ..job.clone()
        })
        .collect();
    preset.machine.cpus = 3;
    preset.machine.cache.capacity = 40;
    preset.machine.cache.warmup_time = 3;
    for topology in [QueueTopology::Shared, QueueTopology::PerCpu] {
        preset.machine.topology = topology;
        let simulation = Simulation::new(&preset).unwrap();
        let end = simulation.warmup.as_ref().unwrap().end();
        for tick in [0, 1, 3, 5, 40, end / 2, end - 1] {
            for lang in [Lang::Ko, Lang::En] {
                for width in WIDTHS {
                    let state = proclab_core::warmup::state_at(&simulation.scenario, tick).unwrap();
                    let scene = machine_scene(&simulation.scenario, &state, lang, width);
                    assert_eq!(
                        layout_problems(&scene),
                        Vec::<String>::new(),
                        "tick {tick} {width} px"
                    );
                }
            }
        }
        // At the start 40 jobs wait: the queue rows end with a +N.
        let state = proclab_core::warmup::state_at(&simulation.scenario, 0).unwrap();
        let scene = machine_scene(&simulation.scenario, &state, Lang::En, 390.0);
        let more = match &scene.shared {
            Some(shared) => shared.more.clone(),
            None => scene.cards[0].queue.as_ref().unwrap().more.clone(),
        };
        assert!(more.unwrap().text.starts_with('+'));
    }
}

#[test]
fn the_machine_view_plays_steps_and_scrubs_within_the_run() {
    use proclab_app::chart::warmup_machine::{WarmupPlay, WarmupPlayback};
    let last = 3;
    let start = WarmupPlayback::default();
    let playing = start.apply(WarmupPlay::Toggle { last });
    assert_eq!(
        playing,
        WarmupPlayback {
            tick: 0,
            playing: true
        }
    );
    let mut now = playing;
    for _ in 0..5 {
        now = now.apply(WarmupPlay::Advance { last });
    }
    // It stops at the last tick, and playing again starts over.
    assert_eq!(
        now,
        WarmupPlayback {
            tick: 3,
            playing: false
        }
    );
    assert_eq!(now.apply(WarmupPlay::Toggle { last }).tick, 0);
    // Stepping and the slider pause and stay within the run.
    let stepped = playing.apply(WarmupPlay::Forward { last });
    assert_eq!(
        stepped,
        WarmupPlayback {
            tick: 1,
            playing: false
        }
    );
    assert_eq!(start.apply(WarmupPlay::Back).tick, 0);
    assert_eq!(start.apply(WarmupPlay::Seek { tick: 99, last }).tick, 3);
    // A run of one tick has nothing to play.
    assert!(!start.apply(WarmupPlay::Toggle { last: 0 }).playing);
}

#[test]
fn the_downloads_hold_the_chart_and_the_tables_of_the_run() {
    use proclab_app::chart::warmup_export::{cpus_csv, jobs_csv, warmup_svg};
    for preset in warmup_presets() {
        let simulation = Simulation::new(&preset.spec).unwrap();
        let chart = warmup_chart(&simulation.scenario, simulation.warmup.as_ref().unwrap());
        let svg = warmup_svg(&chart, Lang::En);
        // A group per segment, cold ones hatched, each with its answer-key text as a tooltip.
        for (class, warm) in [("cold", false), ("warm", true)] {
            let segments: Vec<_> = chart
                .cpus
                .iter()
                .flat_map(|cpu| &cpu.segments)
                .filter(|segment| segment.job.is_some() && segment.warm == warm)
                .collect();
            assert_eq!(
                svg.matches(&format!("<g class=\"{class}\">")).count(),
                segments.len()
            );
            for segment in segments {
                let tooltip = format!(
                    "<title>{}–{}: {}</title>",
                    segment.start, segment.end, segment.label
                );
                assert!(svg.contains(&tooltip), "{}: {tooltip}", preset.id);
            }
        }
        assert_eq!(
            svg.matches("url(#cold-").count(),
            svg.matches("<g class=\"cold\">").count()
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        // The tables, row for row.
        let jobs = jobs_csv(&chart);
        let rows: Vec<&str> = jobs.lines().skip(1).collect();
        assert_eq!(rows.len(), chart.jobs.len());
        for (row, job) in rows.iter().zip(&chart.jobs) {
            let fields: Vec<&str> = row.split(',').collect();
            assert_eq!(fields[0], job.name);
            assert_eq!(fields[3].parse::<u64>().unwrap(), job.completion);
            let (warm, cold): (u64, u64) = (fields[5].parse().unwrap(), fields[6].parse().unwrap());
            assert_eq!((warm, cold), (job.warm_ticks, job.cold_ticks));
        }
        let cpus = cpus_csv(&chart);
        for cpu in &chart.cpus {
            let line = format!(
                "CPU{},{},{},{},{}",
                cpu.cpu, cpu.busy, cpu.warm, cpu.utilisation, cpu.warm_share
            );
            assert!(cpus.lines().any(|row| row == line), "{line}");
        }
        assert!(cpus.ends_with(&format!("finished,{},,,\n", chart.end)));
    }
}

#[test]
fn names_with_markup_are_text_in_the_svg_and_quoted_in_the_csv() {
    use proclab_app::chart::warmup_export::{jobs_csv, warmup_svg};
    let mut spec = warmup_presets().into_iter().next().unwrap().spec;
    spec.processes[0].name = String::from("<b>\"a\",&");
    let simulation = Simulation::new(&spec).unwrap();
    let chart = warmup_chart(&simulation.scenario, simulation.warmup.as_ref().unwrap());
    let svg = warmup_svg(&chart, Lang::Ko);
    assert!(!svg.contains("<b>"));
    assert!(svg.contains("&lt;b&gt;&quot;a&quot;,&amp;"));
    assert!(jobs_csv(&chart).contains("\"<b>\"\"a\"\",&\""));
}

#[test]
fn a_short_segment_is_labelled_once_the_chart_is_wide_enough() {
    use proclab_app::chart::warmup::label_fits_at;
    let preset = warmup_presets().into_iter().next().unwrap();
    let simulation = Simulation::new(&preset.spec).unwrap();
    let chart = warmup_chart(&simulation.scenario, simulation.warmup.as_ref().unwrap());
    for segment in chart.cpus.iter().flat_map(|cpu| &cpu.segments) {
        // At the narrowest drawing the model's own verdict; an idle segment is never labelled.
        assert_eq!(
            label_fits_at(segment, MIN_TICK_PX as f64),
            segment.label_fits
        );
        let ticks = (segment.end - segment.start) as f64;
        let wide = (f64::from(proclab_view::text_width(&segment.label, 12.0)) + 6.0) / ticks;
        assert_eq!(label_fits_at(segment, wide), segment.job.is_some());
        assert!(!label_fits_at(segment, wide - 0.01));
    }
}

#[test]
fn the_machine_view_says_time_left_before_and_after_the_tick_as_the_run_has_it() {
    use proclab_app::chart::warmup_machine::machine_scene;
    let preset = warmup_presets().into_iter().next().unwrap();
    let simulation = Simulation::new(&preset.spec).unwrap();
    let run = simulation.warmup.as_ref().unwrap();
    for tick in 0..run.end() {
        let state = proclab_core::warmup::state_at(&simulation.scenario, tick).unwrap();
        let scene = machine_scene(&simulation.scenario, &state, Lang::En, 1280.0);
        for (card, slot) in scene.cards.iter().zip(run.tick(tick)) {
            if let Some(slot) = slot {
                let before = state.left[slot.job as usize];
                let shown = format!("left {before}→{}", slot.left);
                assert!(
                    card.running.detail.text.ends_with(&shown),
                    "tick {tick}: {}",
                    card.running.detail.text
                );
            }
        }
    }
}
