//! Tests of the charts: the pure view-models (Gantt rows and segments, policy comparison,
//! quantum sweep) and the mounted components in headless Chromium (canvas, words, tables).

use std::rc::Rc;

use proclab_core::{BurstSpec, MachineSpec, PolicySpec, ProcessSpec, ScenarioSpec, ThreadSpec};
use proclab_web::chart::compare_model::{compare_takeaway, sweep_takeaway};
use proclab_web::chart::palette::Pattern;
use proclab_web::chart::{
    compare_rows, gantt_model, gantt_svg, gantt_takeaway, quantum_sweep, CompareView, GanttChart,
    GanttModel, RowKind, SegmentKind,
};
use proclab_web::i18n::Lang;
use proclab_web::simulation::Simulation;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlCanvasElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn process(arrival: u64, bursts: &[BurstSpec]) -> ProcessSpec {
    ProcessSpec {
        arrival,
        bursts: bursts.to_vec(),
        ..ProcessSpec::default()
    }
}

/// Silberschatz's first example: P1 24, P2 3, P3 3, all at time 0.
fn silberschatz(policy: PolicySpec) -> ScenarioSpec {
    ScenarioSpec {
        processes: [24, 3, 3]
            .iter()
            .map(|burst| process(0, &[BurstSpec::Cpu(*burst)]))
            .collect(),
        policy,
        ..ScenarioSpec::default()
    }
}

fn simulation(spec: &ScenarioSpec) -> Simulation {
    Simulation::new(spec).expect("valid scenario")
}

/// `(start, end, label)` of every segment of row `index`.
fn spans(model: &GanttModel, index: usize) -> Vec<(u64, u64, String)> {
    model.rows[index]
        .segments
        .iter()
        .map(|segment| (segment.start, segment.end, segment.label.clone()))
        .collect()
}

fn span(start: u64, end: u64, label: &str) -> (u64, u64, String) {
    (start, end, label.to_string())
}

#[wasm_bindgen_test(unsupported = test)]
fn fcfs_model_has_a_cpu_row_then_one_row_per_process() {
    let model = gantt_model(&simulation(&silberschatz(PolicySpec::Fcfs)), Lang::En);
    assert_eq!(model.extent, 30);
    let labels: Vec<&str> = model.rows.iter().map(|row| row.label.as_str()).collect();
    assert_eq!(labels, ["CPU0", "P1", "P2", "P3"]);
    assert_eq!(model.rows[0].kind, RowKind::Cpu { cpu: 0 });
    assert_eq!(
        spans(&model, 0),
        [span(0, 24, "P1"), span(24, 27, "P2"), span(27, 30, "P3")]
    );
    assert!(model.rows[0]
        .segments
        .iter()
        .all(|segment| matches!(segment.kind, SegmentKind::Run { .. })));
    assert_eq!(spans(&model, 1), [span(0, 24, "run")]);
    assert_eq!(
        spans(&model, 2),
        [span(0, 24, "ready"), span(24, 27, "run")]
    );
    assert_eq!(
        spans(&model, 3),
        [span(0, 27, "ready"), span(27, 30, "run")]
    );
    let p2 = &model.rows[2].segments;
    assert!(matches!(p2[0].kind, SegmentKind::Ready { thread } if thread.pid == 1));
    assert!(matches!(p2[1].kind, SegmentKind::Running { thread, cpu: Some(0) } if thread.pid == 1));
}

#[wasm_bindgen_test(unsupported = test)]
fn takeaway_states_the_end_and_the_average_waiting() {
    let simulation = simulation(&silberschatz(PolicySpec::Fcfs));
    let english = gantt_takeaway(&simulation, Lang::En);
    assert!(
        english.contains("3 processes on 1 CPU finish at t=30"),
        "{english}"
    );
    assert!(english.contains("average waiting 17.00 ticks"), "{english}");
    let korean = gantt_takeaway(&simulation, Lang::Ko);
    assert!(
        korean.contains("프로세스 3개") && korean.contains("17.00"),
        "{korean}"
    );
    assert_eq!(gantt_model(&simulation, Lang::En).takeaway, english);
}

#[wasm_bindgen_test(unsupported = test)]
fn idle_dispatch_and_stall_differ_by_pattern_and_label() {
    let mut spec = ScenarioSpec {
        processes: vec![
            process(0, &[BurstSpec::Cpu(3)]),
            process(20, &[BurstSpec::Cpu(3)]),
        ],
        machine: MachineSpec {
            dispatch_latency: 1,
            ..MachineSpec::default()
        },
        ..ScenarioSpec::default()
    };
    spec.machine.cache.enabled = true;
    spec.machine.cache.capacity = 16;
    spec.machine.cache.refill_per_unit = 1;
    let model = gantt_model(&simulation(&spec), Lang::En);
    let cpu = &model.rows[0].segments;
    let find = |wanted: fn(&SegmentKind) -> bool| {
        cpu.iter()
            .find(|segment| wanted(&segment.kind))
            .unwrap_or_else(|| panic!("missing kind in {cpu:?}"))
    };
    let idle = find(|kind| matches!(kind, SegmentKind::Idle));
    let dispatch = find(|kind| matches!(kind, SegmentKind::Dispatch { .. }));
    let stall = find(|kind| matches!(kind, SegmentKind::CacheStall { .. }));
    assert_eq!(idle.label, "idle");
    assert_eq!(dispatch.label, "CS");
    assert!(stall.label.starts_with('$'), "{}", stall.label);
    let patterns = [
        idle.kind.fill().pattern,
        dispatch.kind.fill().pattern,
        stall.kind.fill().pattern,
    ];
    assert_eq!(
        patterns,
        [Pattern::Solid, Pattern::Hatch, Pattern::CrossHatch]
    );
    assert_ne!(idle.kind.fill().colour, dispatch.kind.fill().colour);
    assert_ne!(dispatch.kind.fill().colour, stall.kind.fill().colour);
    // The CPU row covers [0, extent) without gaps.
    assert_eq!(cpu.first().map(|segment| segment.start), Some(0));
    assert_eq!(cpu.last().map(|segment| segment.end), Some(model.extent));
    assert!(cpu.windows(2).all(|pair| pair[0].end == pair[1].start));
    // The legend names each kind present.
    let legend: Vec<&str> = model
        .legend
        .iter()
        .map(|entry| entry.text.as_str())
        .collect();
    assert!(
        legend.iter().any(|text| text.starts_with("idle")),
        "{legend:?}"
    );
    assert!(
        legend.iter().any(|text| text.starts_with("CS")),
        "{legend:?}"
    );
    assert!(
        legend.iter().any(|text| text.starts_with('$')),
        "{legend:?}"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn io_shows_as_blocked_and_threads_get_their_own_rows() {
    let spec = ScenarioSpec {
        processes: vec![
            process(0, &[BurstSpec::Cpu(2), BurstSpec::Io(3), BurstSpec::Cpu(2)]),
            ProcessSpec {
                threads: vec![
                    ThreadSpec {
                        bursts: vec![BurstSpec::Cpu(1)],
                        ..ThreadSpec::default()
                    },
                    ThreadSpec {
                        bursts: vec![BurstSpec::Cpu(1)],
                        ..ThreadSpec::default()
                    },
                ],
                ..ProcessSpec::default()
            },
        ],
        ..ScenarioSpec::default()
    };
    let model = gantt_model(&simulation(&spec), Lang::En);
    let labels: Vec<&str> = model.rows.iter().map(|row| row.label.as_str()).collect();
    assert_eq!(labels, ["CPU0", "P1", "P2.T1", "P2.T2"]);
    let p1 = &model.rows[1].segments;
    assert!(p1.iter().any(
        |segment| matches!(segment.kind, SegmentKind::Blocked { .. })
            && (segment.start, segment.end) == (2, 5)
            && segment.label == "I/O"
    ));
    assert!(model.rows[0]
        .segments
        .iter()
        .any(|segment| segment.label == "P2.T2"));
}

#[wasm_bindgen_test]
fn svg_download_contains_the_process_labels() {
    let model = gantt_model(&simulation(&silberschatz(PolicySpec::Fcfs)), Lang::En);
    let svg = gantt_svg(&model);
    assert!(svg.contains("<svg"), "{svg}");
    for label in ["P1", "P2", "P3", "CPU0"] {
        assert!(svg.contains(label), "{label} missing");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn compare_rows_match_silberschatz() {
    let rows = compare_rows(&silberschatz(PolicySpec::Fcfs));
    let kinds: Vec<&str> = rows.iter().map(|row| row.policy.kind_name()).collect();
    assert_eq!(
        kinds,
        ["fcfs", "sjf", "srtf", "priority", "priority", "hrrn", "rr", "mlq", "mlfq", "lottery"]
    );
    let waiting = |index: usize| {
        rows[index]
            .outcome
            .as_ref()
            .expect("ran")
            .average_waiting
            .to_string()
    };
    assert_eq!(waiting(0), "17.00");
    assert_eq!(waiting(1), "3.00");
    assert_eq!(waiting(2), "3.00");
    assert_eq!(rows[6].policy, PolicySpec::Rr { quantum: 4 });
    assert!(rows.iter().all(|row| row.outcome.is_ok()));
    // The spec's own quantum is used.
    let rows = compare_rows(&silberschatz(PolicySpec::Rr { quantum: 6 }));
    assert_eq!(rows[6].policy, PolicySpec::Rr { quantum: 6 });
}

#[wasm_bindgen_test(unsupported = test)]
fn a_workload_that_cannot_run_is_reported_not_hidden() {
    let rows = compare_rows(&ScenarioSpec::default());
    assert_eq!(rows.len(), 10);
    assert!(rows.iter().all(|row| row.outcome.is_err()));
    let sentence = compare_takeaway(&rows, Lang::En);
    assert!(sentence.contains("Nothing to compare"), "{sentence}");
}

#[wasm_bindgen_test(unsupported = test)]
fn quantum_sweep_runs_rr_from_one_to_the_longest_burst_capped_at_twenty() {
    let spec = silberschatz(PolicySpec::Fcfs);
    let points = quantum_sweep(&spec);
    let quanta: Vec<u64> = points.iter().map(|point| point.quantum).collect();
    assert_eq!(quanta, (1..=20).collect::<Vec<u64>>());
    let rr4 = compare_rows(&spec).swap_remove(6);
    assert_eq!(points[3].outcome, rr4.outcome);
    let switches = |index: usize| {
        points[index]
            .outcome
            .as_ref()
            .expect("ran")
            .context_switches
    };
    assert!(switches(0) > switches(19));
    let short = ScenarioSpec {
        processes: vec![
            process(0, &[BurstSpec::Cpu(3)]),
            process(0, &[BurstSpec::Cpu(2)]),
        ],
        ..ScenarioSpec::default()
    };
    assert_eq!(quantum_sweep(&short).len(), 3);
    let sentence = sweep_takeaway(&points, Lang::En);
    assert!(sentence.contains("q from 1 to 20"), "{sentence}");
}

fn mount_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    root.set_attribute("style", "width: 800px").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn canvas(root: &Element, id: &str) -> HtmlCanvasElement {
    root.query_selector(&format!("canvas#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no canvas #{id}"))
        .unchecked_into()
}

/// True if some pixel of the canvas is not white (the charts paint a white background).
fn has_ink(canvas: &HtmlCanvasElement) -> bool {
    let context = canvas.get_context("2d").unwrap().unwrap();
    let get_image_data: js_sys::Function = js_sys::Reflect::get(&context, &"getImageData".into())
        .unwrap()
        .unchecked_into();
    let arguments = js_sys::Array::of4(
        &0.into(),
        &0.into(),
        &canvas.width().into(),
        &canvas.height().into(),
    );
    let image = get_image_data.apply(&context, &arguments).unwrap();
    let data = js_sys::Reflect::get(&image, &"data".into()).unwrap();
    let bytes = js_sys::Uint8ClampedArray::from(data).to_vec();
    bytes
        .chunks(4)
        .any(|pixel| pixel[3] > 0 && (pixel[0] < 200 || pixel[1] < 200 || pixel[2] < 200))
}

fn row_count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
async fn gantt_chart_mounts_a_labelled_canvas_and_a_table() {
    let root = mount_root();
    let simulation = Rc::new(simulation(&silberschatz(PolicySpec::Fcfs)));
    let props = proclab_web::chart::gantt::GanttChartProps {
        simulation,
        lang: Lang::En,
        cursor: None,
        onjump: None,
        onselect: None,
    };
    yew::Renderer::<GanttChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let canvas = canvas(&root, "gantt-canvas");
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    let label = canvas.get_attribute("aria-label").unwrap_or_default();
    assert!(label.contains("t=30"), "{label}");
    // CPU0: 3 slices; P1: running; P2 and P3: ready then running.
    assert_eq!(row_count(&root, "details table tbody tr"), 8);
    assert!(canvas.width() > 0 && canvas.height() > 0);
    assert!(has_ink(&canvas), "the canvas is blank");
    let url = proclab_web::chart::gantt_png_data_url("gantt-canvas").unwrap();
    assert!(url.starts_with("data:image/png;base64,"));
    root.remove();
}

#[wasm_bindgen_test]
async fn gantt_chart_speaks_korean() {
    let root = mount_root();
    let simulation = Rc::new(simulation(&silberschatz(PolicySpec::Fcfs)));
    let props = proclab_web::chart::gantt::GanttChartProps {
        simulation,
        lang: Lang::Ko,
        cursor: None,
        onjump: None,
        onselect: None,
    };
    yew::Renderer::<GanttChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let label = canvas(&root, "gantt-canvas")
        .get_attribute("aria-label")
        .unwrap_or_default();
    assert!(label.contains("프로세스 3개"), "{label}");
    let summary = root.query_selector("details summary").unwrap().unwrap();
    assert_eq!(summary.text_content().as_deref(), Some("차트 데이터 (표)"));
    root.remove();
}

#[wasm_bindgen_test]
async fn compare_view_draws_both_charts_with_tables() {
    let root = mount_root();
    let props = proclab_web::chart::compare::CompareViewProps {
        spec: Rc::new(silberschatz(PolicySpec::Fcfs)),
        lang: Lang::En,
    };
    yew::Renderer::<CompareView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    for id in ["compare-canvas", "sweep-canvas"] {
        let canvas = canvas(&root, id);
        assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
        let label = canvas.get_attribute("aria-label").unwrap_or_default();
        assert!(!label.is_empty(), "{id} has no aria-label");
        assert!(has_ink(&canvas), "{id} is blank");
    }
    let compare_label = canvas(&root, "compare-canvas")
        .get_attribute("aria-label")
        .unwrap();
    assert!(
        compare_label.contains("SJF (3.00 ticks)"),
        "{compare_label}"
    );
    assert!(
        compare_label.contains("FCFS (17.00 ticks)"),
        "{compare_label}"
    );
    assert_eq!(row_count(&root, ".compare-chart table tbody tr"), 10);
    assert_eq!(row_count(&root, ".sweep-chart table tbody tr"), 20);
    let first = root
        .query_selector(".compare-chart table tbody tr td")
        .unwrap()
        .unwrap();
    assert_eq!(first.text_content().as_deref(), Some("17.00"));
    root.remove();
}

#[wasm_bindgen_test(unsupported = test)]
fn a_policy_that_would_take_too_long_is_skipped_and_said_so() {
    let spec = ScenarioSpec {
        processes: vec![process(0, &[BurstSpec::Cpu(1_000_000)])],
        ..ScenarioSpec::default()
    };
    let rows = compare_rows(&spec);
    assert!(rows[0].outcome.is_ok(), "FCFS runs at once");
    let errors = rows[6].outcome.as_ref().expect_err("RR q=4 is skipped");
    assert!(matches!(
        errors.as_slice(),
        [proclab_core::ScenarioError::TooManySlices { .. }]
    ));
    let sentence = compare_takeaway(&rows, Lang::En);
    assert!(sentence.contains("could not run"), "{sentence}");
}

#[wasm_bindgen_test]
async fn the_canvas_buffer_follows_the_device_pixel_ratio() {
    js_sys::eval(
        "Object.defineProperty(window, 'devicePixelRatio', { value: 2, configurable: true })",
    )
    .unwrap();
    let root = mount_root();
    let props = proclab_web::chart::gantt::GanttChartProps {
        simulation: Rc::new(simulation(&silberschatz(PolicySpec::Fcfs))),
        lang: Lang::En,
        cursor: None,
        onjump: None,
        onselect: None,
    };
    yew::Renderer::<GanttChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let canvas = canvas(&root, "gantt-canvas");
    let (css_width, css_height) = (canvas.client_width() as u32, canvas.client_height() as u32);
    js_sys::eval("delete window.devicePixelRatio").unwrap();
    assert!(css_width > 0 && css_height > 0);
    assert_eq!(canvas.width(), 2 * css_width);
    assert_eq!(canvas.height(), 2 * css_height);
    assert!(has_ink(&canvas));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_very_large_run_is_drawn_in_part_and_says_so() {
    let spec = ScenarioSpec {
        processes: (0..150).map(|_| process(0, &[BurstSpec::Cpu(1)])).collect(),
        ..ScenarioSpec::default()
    };
    let root = mount_root();
    let props = proclab_web::chart::gantt::GanttChartProps {
        simulation: Rc::new(simulation(&spec)),
        lang: Lang::En,
        cursor: None,
        onjump: None,
        onselect: None,
    };
    yew::Renderer::<GanttChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let note = root.query_selector(".chart-note").unwrap().unwrap();
    assert_eq!(
        note.text_content().as_deref(),
        Some("Showing the first 120 of 151.")
    );
    let canvas = canvas(&root, "gantt-canvas");
    assert!(
        canvas.client_height() < 120 * 28 + 200,
        "{}",
        canvas.client_height()
    );
    assert!(has_ink(&canvas));
    root.remove();
}

#[wasm_bindgen_test(unsupported = test)]
fn on_several_cpus_a_running_segment_names_its_cpu() {
    let spec = ScenarioSpec {
        processes: vec![
            process(0, &[BurstSpec::Cpu(5)]),
            process(0, &[BurstSpec::Cpu(5)]),
        ],
        machine: MachineSpec {
            cpus: 2,
            ..MachineSpec::default()
        },
        ..ScenarioSpec::default()
    };
    let model = gantt_model(&simulation(&spec), Lang::En);
    let labels: Vec<&str> = model.rows.iter().map(|row| row.label.as_str()).collect();
    assert_eq!(labels, ["CPU0", "CPU1", "P1", "P2"]);
    assert_eq!(spans(&model, 0), [span(0, 5, "P1")]);
    assert_eq!(spans(&model, 1), [span(0, 5, "P2")]);
    assert_eq!(spans(&model, 2), [span(0, 5, "CPU0")]);
    assert_eq!(spans(&model, 3), [span(0, 5, "CPU1")]);
    assert!(
        model.takeaway.contains("2 processes on 2 CPUs"),
        "{}",
        model.takeaway
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn comparison_sentences_exist_in_both_languages() {
    let spec = silberschatz(PolicySpec::Fcfs);
    let rows = compare_rows(&spec);
    let points = quantum_sweep(&spec);
    let english = compare_takeaway(&rows, Lang::En);
    assert!(english.starts_with("10 policies compared"), "{english}");
    assert!(english.contains("SJF (3.00 ticks)"), "{english}");
    let korean = compare_takeaway(&rows, Lang::Ko);
    assert!(korean.contains("SJF (3.00틱)"), "{korean}");
    let korean = sweep_takeaway(&points, Lang::Ko);
    assert!(korean.contains("q=1..20"), "{korean}");
}

#[wasm_bindgen_test]
async fn the_cursor_follows_playback_and_a_click_jumps() {
    use std::cell::Cell;
    let root = mount_root();
    let simulation = Rc::new(simulation(&silberschatz(PolicySpec::Fcfs)));
    let jumped = Rc::new(Cell::new(None::<u64>));
    let props = proclab_web::chart::gantt::GanttChartProps {
        simulation,
        lang: Lang::En,
        cursor: Some(12),
        onjump: Some({
            let jumped = Rc::clone(&jumped);
            Callback::from(move |tick: u64| jumped.set(Some(tick)))
        }),
        onselect: None,
    };
    yew::Renderer::<GanttChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
    let cursor = root
        .query_selector(".gantt-cursor")
        .unwrap()
        .expect("a cursor line");
    assert_eq!(cursor.get_attribute("data-tick").as_deref(), Some("12"));
    let style = cursor.get_attribute("style").unwrap_or_default();
    let left: f64 = style
        .split("left:")
        .nth(1)
        .and_then(|rest| rest.split("px").next())
        .and_then(|v| v.parse().ok())
        .unwrap();

    let canvas = canvas(&root, "gantt-canvas");
    let bounds = canvas.get_bounding_client_rect();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((bounds.left() + left + 1.0) as i32);
    init.set_client_y((bounds.top() + bounds.height() / 2.0) as i32);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    canvas.dispatch_event(&click).unwrap();
    yew::scheduler::flush().await;
    let tick = jumped.get().expect("a click on the axis jumps");
    assert!(
        (11..=13).contains(&tick),
        "clicked at the cursor (tick 12), jumped to {tick}"
    );
    root.remove();
}
