//! Small Gantt pictures: concurrency against parallelism, and the convoy effect.

use super::{label, labelled_box, wide_or_upright};
use crate::learn::words::tr;
use proclab_app::i18n::Lang;
use yew::prelude::*;

fn slice(x: i32, y: i32, width: i32, name: &str) -> Html {
    let class = format!("slice job-{}", name.to_lowercase());
    labelled_box(x, y, width, 30, &class, &[name])
}

/// One core interleaving A and B, against two cores running them at the same time.
pub fn concurrency(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    // The cores' rows from `left`, a turn `unit` wide, the axis to `right`.
    let body = |left: i32, unit: i32| {
        let right = left + 6 * unit;
        html! {
            <>
                { label(10, 20, "start", "strong", t(["동시성: 코어 1개에서 번갈아", "Concurrency: interleaved on one core"])) }
                { label(left - 10, 52, "end", "small", t(["코어 1", "core 1"])) }
                { for (0..6).map(|index| slice(left + index * unit, 32, unit, if index % 2 == 0 { "A" } else { "B" })) }
                { label(10, 104, "start", "strong", t(["병렬성: 코어 2개에서 동시에", "Parallelism: at the same time on two cores"])) }
                { label(left - 10, 136, "end", "small", t(["코어 1", "core 1"])) }
                { slice(left, 116, 3 * unit, "A") }
                { label(left - 10, 172, "end", "small", t(["코어 2", "core 2"])) }
                { slice(left, 152, 3 * unit, "B") }
                <line class="axis" x1={left.to_string()} y1="192" x2={right.to_string()} y2="192" />
                { label(right, 208, "end", "small", t(["시간 →", "time →"])) }
            </>
        }
    };
    wide_or_upright(
        lang,
        t([
            "동시성은 코어 하나에서 A와 B가 번갈아 실행되며 함께 진행되는 것이고, 병렬성은 코어 두 개에서 A와 B가 같은 순간에 실행되는 것입니다. 병렬로 실행하면 같은 일이 절반의 시간에 끝납니다.",
            "Concurrency: A and B take turns on one core and both make progress. Parallelism: A and B run at the same instant on two cores, so the same work ends in half the time.",
        ]),
        (620, 214, body(120, 80)),
        // On a phone the same turns, narrower.
        (370, 214, body(70, 48)),
    )
}

/// FCFS with the long job first (average waiting 17) and last (average waiting 3).
pub fn convoy(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    // Rows from `left` at `scale` pixels a tick.
    let row = |y: i32, order: &[(&str, i32)], left: i32, scale: i32| {
        let mut start = 0;
        let mut slices = Vec::new();
        let mut ticks = vec![0];
        for (name, length) in order {
            slices.push(slice(left + start * scale, y, length * scale, name));
            start += length;
            ticks.push(start);
        }
        html! {
            <>
                { for slices }
                { for ticks.iter().map(|tick| label(left + tick * scale, y + 46, "middle", "small", &tick.to_string())) }
            </>
        }
    };
    let first = [
        t(["P1(24)이 먼저 오면:", "P1 (24) first:"]),
        t([
            "평균 대기 (0+24+27)/3 = 17",
            "average waiting (0+24+27)/3 = 17",
        ]),
    ];
    let last = [
        t(["P2, P3가 먼저 오면:", "P2 and P3 first:"]),
        t(["평균 대기 (0+3+6)/3 = 3", "average waiting (0+3+6)/3 = 3"]),
    ];
    let wide = html! {
        <>
            { label(10, 22, "start", "strong", &format!("{} {}", first[0], first[1])) }
            { row(32, &[("P1", 24), ("P2", 3), ("P3", 3)], 120, 16) }
            { label(10, 118, "start", "strong", &format!("{} {}", last[0], last[1])) }
            { row(128, &[("P2", 3), ("P3", 3), ("P1", 24)], 120, 16) }
        </>
    };
    // On a phone each heading on two lines, 10 px a tick.
    let narrow = html! {
        <>
            { label(10, 22, "start", "strong", first[0]) }
            { label(10, 42, "start", "strong", first[1]) }
            { row(52, &[("P1", 24), ("P2", 3), ("P3", 3)], 30, 10) }
            { label(10, 138, "start", "strong", last[0]) }
            { label(10, 158, "start", "strong", last[1]) }
            { row(168, &[("P2", 3), ("P3", 3), ("P1", 24)], 30, 10) }
        </>
    };
    wide_or_upright(
        lang,
        t([
            "호위 효과(콘보이 효과): FCFS에서 긴 P1이 먼저 도착하면 짧은 P2, P3가 그 뒤에서 기다려 평균 대기 시간이 17이 되고, 짧은 작업이 먼저 오면 3이 됩니다.",
            "The convoy effect: under FCFS, when long P1 comes first the short P2 and P3 wait behind it (average waiting 17); short jobs first, it is 3.",
        ]),
        (620, 196, wide),
        (350, 236, narrow),
    )
}
