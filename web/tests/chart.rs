//! Tests of the mounted chart components in headless Chromium: canvas, words, tables, cursor.

use std::rc::Rc;

use proclab_app::i18n::Lang;
use proclab_app::simulation::Simulation;
use proclab_core::{BurstSpec, PolicySpec, ProcessSpec, ScenarioSpec};
use proclab_web::chart::Comparison;
use proclab_web::chart::{gantt_download, gantt_model, CompareView, GanttChart};
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

/// Silberschatz's first example (P1 24, P2 3, P3 3, all at time 0) under `policy`.
fn silberschatz(policy: PolicySpec) -> ScenarioSpec {
    let mut spec = proclab_core::presets::preset("rr-silberschatz")
        .expect("the preset")
        .spec;
    spec.policy = policy;
    spec
}

fn simulation(spec: &ScenarioSpec) -> Simulation {
    Simulation::new(spec).expect("valid scenario")
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
/// Waits for the Gantt chart's drawing, made in a task after the render (`chart/gantt.rs`), and
/// for the render that follows it (the plot's span, which clicks read).
async fn drawn() {
    gloo::timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

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
fn svg_download_contains_the_process_labels_and_says_what_it_shows() {
    let model = gantt_model(&simulation(&silberschatz(PolicySpec::Fcfs)), Lang::En);
    let download = gantt_download(&model);
    let svg = &download.svg;
    assert!(svg.contains("<svg"), "{svg}");
    for label in ["P1", "P2", "P3", "CPU0"] {
        assert!(svg.contains(label), "{label} missing");
    }
    // The caption names the policy and the run, so a pasted picture still says what it shows.
    assert!(svg.contains("FCFS") && svg.contains("t=30"), "{svg}");
    assert!(
        svg.contains(&format!(r#"height="{}""#, download.height)),
        "{svg}"
    );

    let rr = gantt_model(
        &simulation(&silberschatz(PolicySpec::Rr { quantum: 4 })),
        Lang::Ko,
    );
    let svg = gantt_download(&rr).svg;
    assert!(
        svg.contains("RR (q=4)") && svg.contains("프로세스 3개"),
        "{svg}"
    );
    assert!(!svg.contains("부스트"), "no boost under RR");
}

#[wasm_bindgen_test]
fn an_mlfq_boost_is_drawn_across_the_chart_and_named_in_the_legend() {
    let spec = proclab_core::presets::preset("mlfq-ostep-boost")
        .unwrap()
        .spec;
    let model = gantt_model(&simulation(&spec), Lang::En);
    let period = model.boost_every.expect("it boosts");
    let svg = gantt_download(&model).svg;
    assert!(
        svg.contains(&format!("dashed: a priority boost every {period} ticks")),
        "{svg}"
    );
    // Each boost a dashed line down every band: many short grey strokes, a line per multiple of
    // the period within the run.
    let lines = (model.extent - 1) / period;
    let dashes = svg.matches(r##"stroke="#6E7781""##).count();
    assert!(lines > 0 && dashes > 10 * lines as usize, "{dashes} dashes");
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
        canvas_id: yew::AttrValue::Static(proclab_web::chart::GANTT_CANVAS_ID),
        zoom: 1.0,
        bare: false,
    };
    yew::Renderer::<GanttChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    drawn().await;

    let canvas = canvas(&root, "gantt-canvas");
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    let label = canvas.get_attribute("aria-label").unwrap_or_default();
    assert!(label.contains("t=30"), "{label}");
    // The data table is built when its <details> opens (the toggle event comes in a later task).
    assert_eq!(row_count(&root, "details table tbody tr"), 0);
    root.query_selector("details.chart-data summary")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    gloo::timers::future::TimeoutFuture::new(20).await;
    yew::scheduler::flush().await;
    // CPU0: 3 slices; P1: running; P2 and P3: ready then running.
    assert_eq!(row_count(&root, "details table tbody tr"), 8);
    assert!(canvas.width() > 0 && canvas.height() > 0);
    assert!(has_ink(&canvas), "the canvas is blank");
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
        canvas_id: yew::AttrValue::Static(proclab_web::chart::GANTT_CANVAS_ID),
        zoom: 1.0,
        bare: false,
    };
    yew::Renderer::<GanttChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    drawn().await;
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
        comparison: Rc::new(Comparison::of(&silberschatz(PolicySpec::Fcfs))),
        lang: Lang::En,
        file_stem: "proclab-fcfs-3-processes".into(),
        note: None,
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
    // Ties are all named: every job arrives at 0, so SRTF is SJF.
    assert!(
        compare_label.contains("3.00 ticks, by SJF, SRTF;"),
        "{compare_label}"
    );
    assert!(
        compare_label.contains("the highest 17.00 ticks, by FCFS, "),
        "{compare_label}"
    );
    assert_eq!(row_count(&root, ".compare-chart table tbody tr"), 10);
    assert_eq!(row_count(&root, ".sweep-chart table tbody tr"), 20);
    let first = root
        .query_selector(".compare-chart table tbody tr td")
        .unwrap()
        .unwrap();
    assert_eq!(first.text_content().as_deref(), Some("17.00"));
    // The comparison's RR ran with the default q = 4: its row is marked, and nothing is beyond.
    let marked = root
        .query_selector(".sweep-chart tr.marked th")
        .unwrap()
        .expect("a marked row");
    assert_eq!(marked.text_content().as_deref(), Some("4 (RR above)"));
    assert!(root.query_selector("#sweep-beyond").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_quantum_beyond_the_sweep_is_said_under_it() {
    let root = mount_root();
    let props = proclab_web::chart::compare::CompareViewProps {
        comparison: Rc::new(Comparison::of(&silberschatz(PolicySpec::Rr {
            quantum: 25,
        }))),
        lang: Lang::En,
        file_stem: "proclab-rr-q25-3-processes".into(),
        note: None,
    };
    yew::Renderer::<CompareView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let beyond = root.query_selector("#sweep-beyond").unwrap().expect("said");
    assert_eq!(
        beyond.text_content().as_deref(),
        Some("The policy comparison's RR ran with q = 25, beyond this sweep (q 1 to 20).")
    );
    assert!(root
        .query_selector(".sweep-chart tr.marked")
        .unwrap()
        .is_none());
    root.remove();
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
        canvas_id: yew::AttrValue::Static(proclab_web::chart::GANTT_CANVAS_ID),
        zoom: 1.0,
        bare: false,
    };
    yew::Renderer::<GanttChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    drawn().await;
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
        canvas_id: yew::AttrValue::Static(proclab_web::chart::GANTT_CANVAS_ID),
        zoom: 1.0,
        bare: false,
    };
    yew::Renderer::<GanttChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    drawn().await;
    let note = root.query_selector(".chart-note").unwrap().unwrap();
    assert_eq!(
        note.text_content().as_deref(),
        Some("Showing the first 120 of the chart's 151 rows (one per CPU and per thread).")
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
        canvas_id: yew::AttrValue::Static(proclab_web::chart::GANTT_CANVAS_ID),
        zoom: 1.0,
        bare: false,
    };
    yew::Renderer::<GanttChart>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
    drawn().await;
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

/// The sweep of `comparison` drawn as SVG, 640 pixels wide.
fn sweep_svg(comparison: &Comparison, lang: Lang) -> String {
    use plotters::prelude::*;
    let mut svg = String::new();
    let marked = proclab_app::chart::compare_model::rr_quantum(&comparison.rows);
    let height = proclab_web::chart::sweep::sweep_height(&comparison.points, marked, lang, 640);
    {
        let area = SVGBackend::with_string(&mut svg, (640, height)).into_drawing_area();
        proclab_web::chart::sweep::draw_sweep(&comparison.points, marked, lang, area).unwrap();
    }
    svg
}

#[wasm_bindgen_test]
fn the_sweep_hatches_the_quanta_whose_run_stopped_early() {
    let spec = proclab_core::presets::preset("deadlock-two-locks")
        .unwrap()
        .spec;
    let comparison = Comparison::of(&spec);
    let stopped = comparison
        .points
        .iter()
        .filter(|point| point.cut_short.is_some())
        .count();
    assert!(stopped > 0, "some quantum deadlocks");
    let svg = sweep_svg(&comparison, Lang::En);
    assert!(
        svg.contains("hatched: q stopped early (deadlock or budget)"),
        "the legend says what the band means"
    );
    // One light band per stopped quantum, and one in the legend.
    let bands = svg.matches(r##"fill="#F2F2F2""##).count();
    assert_eq!(bands, stopped + 1, "{svg}");
    assert!(sweep_svg(&comparison, Lang::Ko).contains("빗금: 교착 상태나 명령어 한도로 멈춘 q"));

    let finished = Comparison::of(&silberschatz(PolicySpec::Rr { quantum: 4 }));
    let svg = sweep_svg(&finished, Lang::En);
    assert!(!svg.contains("hatched"));
    assert_eq!(svg.matches(r##"fill="#F2F2F2""##).count(), 0);
}

#[wasm_bindgen_test]
fn the_sweep_marks_the_quantum_of_the_comparisons_round_robin_when_it_tried_it() {
    // Dashes are short strokes of the ink colour; a sweep without a mark draws none of them.
    let dashes = |svg: &str| {
        svg.matches(r##"stroke="#222222" stroke-width="2""##)
            .count()
    };
    let marked = sweep_svg(
        &Comparison::of(&silberschatz(PolicySpec::Rr { quantum: 7 })),
        Lang::En,
    );
    assert!(
        marked.contains("dashed: q = 7, the policy comparison&apos;s RR"),
        "{marked}"
    );
    // Silberschatz's longest burst is 24: the sweep goes to 20, and q = 30 is not on it.
    let beyond = sweep_svg(
        &Comparison::of(&silberschatz(PolicySpec::Rr { quantum: 30 })),
        Lang::En,
    );
    assert!(!beyond.contains("dashed"), "{beyond}");
    assert!(
        dashes(&marked) > dashes(&beyond) + 10,
        "a dashed line across the plot"
    );
}
