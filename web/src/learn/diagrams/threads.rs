//! What threads share: two processes side by side against one process with three threads, and
//! the two ways user threads map onto kernel threads.

use super::{arrow, arrow_marker, label, labelled_box, wide_or_upright};
use crate::learn::words::tr;
use proclab_app::i18n::Lang;
use yew::prelude::*;

/// Separate address spaces for processes; shared code, data and heap with one stack per thread.
pub fn sharing(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    let segments = [
        t(["코드", "code"]),
        t(["데이터", "data"]),
        t(["힙", "heap"]),
        t(["스택", "stack"]),
    ];
    let process = |x: i32, name: &str| {
        html! {
            <g>
                { label(x + 65, 44, "middle", "strong", name) }
                <rect class="space" x={x.to_string()} y="52" width="130" height="184" rx="6" />
                { for segments.iter().enumerate().map(|(index, segment)| {
                    labelled_box(x + 10, 62 + index as i32 * 42, 110, 36, "segment-box", &[*segment])
                }) }
            </g>
        }
    };
    let processes = html! {
        <>
            { label(150, 18, "middle", "strong", t(["멀티 프로세스", "Multi-process"])) }
            { process(15, "P1") }
            { process(155, "P2") }
            { label(150, 260, "middle", "small", t(["주소 공간이 따로", "separate address spaces"])) }
        </>
    };
    let threads = html! {
        <>
            { label(480, 18, "middle", "strong", t(["멀티 스레드 (한 프로세스)", "Multi-thread (one process)"])) }
            <rect class="space" x="330" y="52" width="296" height="184" rx="6" />
            { labelled_box(340, 62, 276, 32, "shared", &[t(["코드 (공유)", "code (shared)"])]) }
            { labelled_box(340, 98, 276, 32, "shared", &[t(["데이터 (공유)", "data (shared)"])]) }
            { labelled_box(340, 134, 276, 32, "shared", &[t(["힙 (공유)", "heap (shared)"])]) }
            { for (0..3).map(|index| labelled_box(340 + index * 94, 172, 88, 54, "own",
                &[format!("{} T{}", t(["스택", "stack"]), index + 1).as_str(), t(["+ 레지스터", "+ registers"])])) }
            { label(480, 260, "middle", "small", t(["코드·데이터·힙은 공유, 스택은 각자", "code, data, heap shared; own stacks"])) }
        </>
    };
    let wide = html! {
        <>
            { processes.clone() }
            <line class="divider" x1="310" y1="10" x2="310" y2="270" />
            { threads.clone() }
        </>
    };
    // On a phone the two sides one above the other.
    let upright = html! {
        <>
            { processes }
            <line class="divider" x1="10" y1="272" x2="310" y2="272" />
            <g transform="translate(-315 276)">{ threads }</g>
        </>
    };
    wide_or_upright(
        lang,
        t([
            "프로세스는 코드·데이터·힙·스택을 각자 따로 갖습니다. 한 프로세스의 스레드들은 코드·데이터·힙을 공유하고, 스택과 레지스터만 스레드마다 따로 갖습니다.",
            "Each process has its own code, data, heap and stack. The threads of one process share code, data and heap, and each has only its own stack and registers.",
        ]),
        (640, 272, wide),
        (320, 548, upright),
    )
}

/// Many-to-one (user-level) and one-to-one (kernel-level) mappings.
pub fn models(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    let user_threads = |x: i32| {
        html! {
            { for (0..3).map(|index| labelled_box(x + index * 90, 40, 70, 34, "user-thread", &[format!("T{}", index + 1).as_str()])) }
        }
    };
    // The boundary between user and kernel space, from `from` to `to` across.
    let boundary = |from: i32, to: i32| {
        html! {
            <>
                <line class="divider" x1={from.to_string()} y1="166" x2={to.to_string()} y2="166" />
                { label(from, 160, "start", "small", t(["사용자 공간 ↑", "user space ↑"])) }
                { label(from, 182, "start", "small", t(["커널 공간 ↓", "kernel space ↓"])) }
            </>
        }
    };
    let many_to_one = |marker: &str| {
        html! {
            <>
                { label(150, 20, "middle", "strong", t(["다대일: 사용자 수준 스레드", "Many-to-one: user-level threads"])) }
                { user_threads(30) }
                // Into the library side by side: heads meeting at one point had made one blob.
                { for (0..3).map(|index| arrow(marker, (65 + index * 90, 76), (120 + index * 30, 110), false)) }
                { labelled_box(70, 112, 160, 32, "library", &[t(["스레드 라이브러리", "thread library"])]) }
                { arrow(marker, (150, 146), (150, 186), false) }
                { labelled_box(90, 190, 120, 34, "kernel-thread", &[t(["커널 스레드 1개", "1 kernel thread"])]) }
            </>
        }
    };
    let one_to_one = |marker: &str| {
        html! {
            <>
                { label(480, 20, "middle", "strong", t(["일대일: 커널 수준 스레드", "One-to-one: kernel-level threads"])) }
                { user_threads(360) }
                { for (0..3).map(|index| arrow(marker, (395 + index * 90, 76), (395 + index * 90, 186), false)) }
                { for (0..3).map(|index| labelled_box(360 + index * 90, 190, 70, 34, "kernel-thread", &[format!("K{}", index + 1).as_str()])) }
            </>
        }
    };
    let wide = html! {
        <>
            { arrow_marker("model-arrow") }
            { many_to_one("model-arrow") }
            { one_to_one("model-arrow") }
            { boundary(10, 630) }
            <line class="divider" x1="320" y1="10" x2="320" y2="150" />
        </>
    };
    // On a phone the two models one above the other, each with its boundary.
    let upright = html! {
        <>
            { arrow_marker("model-arrow-upright") }
            { many_to_one("model-arrow-upright") }
            { boundary(4, 326) }
            <line class="divider" x1="10" y1="240" x2="320" y2="240" />
            // Its threads shifted right of the boundary's words (they had crossed, then touched,
            // the first arrow).
            <g transform="translate(-286 244)">
                { one_to_one("model-arrow-upright") }
                { boundary(292, 612) }
            </g>
        </>
    };
    wide_or_upright(
        lang,
        t([
            "다대일 모델에서는 여러 사용자 스레드가 커널 스레드 하나에 대응되므로, 커널에는 프로세스 하나로만 보입니다. 일대일 모델에서는 스레드마다 커널 스레드가 있어 커널이 각 스레드를 스케줄링합니다.",
            "Many-to-one: several user threads ride on one kernel thread, so the kernel sees one process. One-to-one: each thread has its own kernel thread, and the kernel schedules each.",
        ]),
        (640, 236, wide),
        (330, 484, upright),
    )
}
