//! A deadlock's resource-allocation graph.

use proclab_core::Run;

use super::*;

/// A node of the resource-allocation graph: a thread (circle) or a mutex or semaphore
/// (square), placed on a circle of radius 1 around the origin.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    pub label: String,
    pub resource: bool,
    pub x: f32,
    pub y: f32,
    pub in_cycle: bool,
}

/// An edge: a thread requests a resource (`request`), or a resource is held by a thread.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphEdge {
    pub from: usize,
    pub to: usize,
    pub request: bool,
    pub in_cycle: bool,
}

/// The resource-allocation graph of a deadlocked run: every waiting thread, what it requests
/// and who holds that; the cycle's nodes first, alternating thread and resource around the
/// circle, so the circular wait reads as a circle.
pub fn wait_graph(run: &Run) -> Option<(Vec<GraphNode>, Vec<GraphEdge>)> {
    let report = run.deadlock()?;
    let scenario = run.scenario();
    let mut labels: Vec<(String, bool)> = Vec::new();
    let index_of = |label: String, resource: bool, labels: &mut Vec<(String, bool)>| {
        labels
            .iter()
            .position(|(existing, kind)| *existing == label && *kind == resource)
            .unwrap_or_else(|| {
                labels.push((label, resource));
                labels.len() - 1
            })
    };
    // A process's own mutex, semaphore or condition is named with its process (P1's `m` is not
    // P2's); a queue, a pipe or an object of the shared segment is one for every process.
    let resource_label = |edge: &proclab_core::program::WaitEdge| {
        use proclab_core::SyncKind;
        if matches!(
            edge.object.kind,
            SyncKind::Queue | SyncKind::Pipe | SyncKind::SharedSemaphore | SyncKind::SharedMutex
        ) {
            return edge.name.clone();
        }
        let pid = scenario.threads()[edge.thread as usize].pid();
        let process = scenario.processes()[pid as usize].name();
        format!("{process}:{}", edge.name)
    };
    // The cycle first, in order: thread, the resource it waits for, the next thread...
    let mut edges: Vec<(usize, usize, bool)> = Vec::new();
    for thread in &report.cycle {
        let Some(edge) = report.waits.iter().find(|edge| edge.thread == *thread) else {
            continue;
        };
        let t = index_of(thread_name(scenario, *thread), false, &mut labels);
        let r = index_of(resource_label(edge), true, &mut labels);
        edges.push((t, r, true));
    }
    for edge in &report.waits {
        let t = index_of(thread_name(scenario, edge.thread), false, &mut labels);
        let r = index_of(resource_label(edge), true, &mut labels);
        if !edges
            .iter()
            .any(|(from, to, request)| *from == t && *to == r && *request)
        {
            edges.push((t, r, true));
        }
        if let Some(holder) = edge.holder {
            let h = index_of(thread_name(scenario, holder), false, &mut labels);
            if !edges
                .iter()
                .any(|(from, to, request)| *from == r && *to == h && !*request)
            {
                edges.push((r, h, false));
            }
        }
    }
    let cycle_threads: Vec<String> = report
        .cycle
        .iter()
        .map(|thread| thread_name(scenario, *thread))
        .collect();
    let cycle_resources: Vec<String> = report
        .cycle
        .iter()
        .filter_map(|thread| report.waits.iter().find(|edge| edge.thread == *thread))
        .map(resource_label)
        .collect();
    let count = labels.len().max(1) as f32;
    let nodes: Vec<GraphNode> = labels
        .iter()
        .enumerate()
        .map(|(index, (label, resource))| {
            let angle =
                core::f32::consts::TAU * index as f32 / count - core::f32::consts::FRAC_PI_2;
            let in_cycle = if *resource {
                cycle_resources.contains(label)
            } else {
                cycle_threads.contains(label)
            };
            GraphNode {
                label: label.clone(),
                resource: *resource,
                x: angle.cos(),
                y: angle.sin(),
                in_cycle,
            }
        })
        .collect();
    let edges = edges
        .into_iter()
        .map(|(from, to, request)| GraphEdge {
            from,
            to,
            request,
            in_cycle: nodes[from].in_cycle && nodes[to].in_cycle,
        })
        .collect();
    Some((nodes, edges))
}
