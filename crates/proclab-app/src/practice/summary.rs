//! The line under a checked answer: how many of the exercise's cells are right, worked out
//! right from an earlier slip (≈), empty, left out of the chart, and the chart's segments the
//! run does not have, which are counted apart so that every answer is out of the same cells.

use super::grade::Grading;
use crate::i18n::Lang;

/// The summary of `grading` in `lang`.
pub fn summary(grading: &Grading, lang: Lang) -> String {
    let (right, consistent, total) = grading.counts();
    let empty = grading.left_empty();
    if empty == total && grading.extra_segments() == 0 {
        return lang
            .pick([
                "아직 아무 칸도 채우지 않았습니다. 답을 적은 뒤 확인을 누르세요.",
                "Nothing is filled in yet: write your answers, then press Check.",
            ])
            .to_string();
    }
    // A cell marked ≈ is worked out right from an earlier wrong cell: said only when there is
    // one, with what the mark means.
    let mut summary = match consistent {
        0 => lang.pick([
            format!("{total}칸 중 {right}칸 맞음."),
            format!("{right} of {total} cells right."),
        ]),
        _ => lang.pick([
            format!("{total}칸 중 {right}칸 맞음. ≈ 표시 {consistent}칸은 틀린 값이지만, 앞의 틀린 칸에서 올바르게 계산한 값입니다."),
            format!(
                "{right} of {total} cells right. {}, but worked out right from an earlier wrong cell.",
                match consistent {
                    1 => String::from("The cell marked ≈ is wrong"),
                    _ => format!("The {consistent} cells marked ≈ are wrong"),
                }
            ),
        ]),
    };
    // Empty cells are counted wrong; said so, so that a half-done answer reads as half done.
    // A segment the chart leaves out counts as its two cells, but is said as a segment (the
    // student left no box empty). An empty chart is empty cells, as its boxes are to fill.
    let left_out = match grading.segments.is_empty() {
        true => 0,
        false => grading.omitted.len(),
    };
    let mut add = |words: String| {
        summary.push(' ');
        summary.push_str(&words);
    };
    // The wrong ones counted too, so the sentences add up to the total without subtracting.
    let wrong = total - right - consistent - empty - grading.unreadable();
    match wrong {
        0 => {}
        1 => add(lang
            .pick(["틀린 칸 1개(✗ 표시).", "1 cell is wrong (marked ✗)."])
            .to_string()),
        _ => add(lang.pick([
            format!("틀린 칸 {wrong}개(✗ 표시)."),
            format!("{wrong} cells are wrong (marked ✗)."),
        ])),
    }
    match empty.saturating_sub(2 * left_out) {
        0 => {}
        1 => add(lang.pick(["빈 칸 1개.", "1 cell is empty."]).to_string()),
        boxes => add(lang.pick([
            format!("빈 칸 {boxes}개."),
            format!("{boxes} cells are empty."),
        ])),
    }
    match grading.unreadable() {
        0 => {}
        1 => add(lang
            .pick([
                "읽을 수 없는 칸 1개(? 표시).",
                "1 cell cannot be read (marked ?).",
            ])
            .to_string()),
        unread => add(lang.pick([
            format!("읽을 수 없는 칸 {unread}개(? 표시)."),
            format!("{unread} cells cannot be read (marked ?)."),
        ])),
    }
    match left_out {
        0 => {}
        1 => add(lang
            .pick([
                "차트에 실행의 구간 1개가 빠졌습니다(2칸).",
                "Your chart leaves out 1 segment of the run (2 cells).",
            ])
            .to_string()),
        _ => add(lang.pick([
            format!(
                "차트에 실행의 구간 {left_out}개가 빠졌습니다({}칸).",
                2 * left_out
            ),
            format!(
                "Your chart leaves out {left_out} segments of the run ({} cells).",
                2 * left_out
            ),
        ])),
    }
    match grading.extra_segments() {
        0 => {}
        1 => add(lang.pick([
            "차트에 실행에 없는 구간이 1개 있습니다: 칸 수에는 넣지 않지만, 지워야 다 맞습니다.",
            "Your chart has 1 segment the run does not have: it is not one of the cells, but the chart is right only without it.",
        ]).to_string()),
        extra => add(lang.pick([
            format!("차트에 실행에 없는 구간이 {extra}개 있습니다: 칸 수에는 넣지 않지만, 지워야 다 맞습니다."),
            format!("Your chart has {extra} segments the run does not have: they are not among the cells, but the chart is right only without them."),
        ])),
    }
    summary
}
