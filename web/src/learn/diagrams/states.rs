//! Graphs of nodes and arrows: the five-state diagram and a deadlocked resource-allocation graph.

use super::{arrow, arrow_marker, label, labelled_box, wide_or_upright};
use crate::learn::words::tr;
use proclab_app::i18n::Lang;
use yew::prelude::*;

/// The five states and their transitions, with the four scheduling moments numbered.
pub fn states(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    let marker = "state-arrow";
    let body = html! {
        <>
            { arrow_marker(marker) }
            { labelled_box(20, 20, 110, 40, "state new", &[t(["생성 New", "New"])]) }
            { labelled_box(510, 20, 110, 40, "state exit", &[t(["종료 Exit", "Exit"])]) }
            { labelled_box(130, 120, 130, 44, "state ready", &[t(["준비 Ready", "Ready"])]) }
            { labelled_box(380, 120, 130, 44, "state running", &[t(["실행 Running", "Running"])]) }
            { labelled_box(255, 250, 130, 44, "state blocked", &[t(["대기 Blocked", "Blocked"])]) }

            // An arrival is a moment a preemptive scheduler decides at too (SRTF preempts for a
            // shorter newcomer): drawn in their colour.
            <g class="preemptive">
                { arrow(marker, (100, 60), (165, 118), false) }
                { label(60, 100, "start", "small", t(["승인", "admitted"])) }
            </g>

            { arrow(marker, (260, 130), (378, 130), false) }
            { label(320, 122, "middle", "small", t(["디스패치", "dispatch"])) }

            <g class="preemptive">
                { arrow(marker, (378, 155), (262, 155), false) }
                { label(320, 180, "middle", "small", t(["② 인터럽트 (타임아웃)", "② interrupt (timeout)"])) }
            </g>
            <g class="non-preemptive">
                { arrow(marker, (440, 166), (370, 248), false) }
                { label(420, 224, "start", "small", t(["① I/O·이벤트 대기", "① I/O or event wait"])) }
            </g>
            <g class="preemptive">
                { arrow(marker, (270, 248), (200, 166), false) }
                { label(220, 224, "end", "small", t(["③ I/O·이벤트 완료", "③ I/O or event done"])) }
            </g>
            <g class="non-preemptive">
                { arrow(marker, (480, 118), (550, 62), false) }
                { label(525, 100, "start", "small", t(["④ 종료", "④ exit"])) }
            </g>
            <g class="non-preemptive">
                <line class="arrow" x1="20" y1="322" x2="50" y2="322" />
                { label(58, 326, "start", "small", t(["①④ CPU가 빔: 모든 스케줄러가 여기서 결정", "①④ the CPU falls free: every scheduler decides here"])) }
            </g>
            <g class="preemptive">
                <line class="arrow" x1="20" y1="344" x2="50" y2="344" />
                { label(58, 348, "start", "small", t(["②③과 새 프로세스의 도착에서도 결정하면 선점형", "②③ and arrivals: deciding there too makes a scheduler preemptive"])) }
            </g>
        </>
    };
    let label = t([
            "다섯 가지 상태: 생성된 프로세스는 준비 상태가 되고, 디스패치되면 실행 상태가 됩니다. 인터럽트가 발생하면 준비 상태로 돌아가고(②), I/O를 기다리면 대기 상태가 되며(①), I/O가 끝나면 다시 준비 상태가 되고(③), 실행을 마치면 종료됩니다(④). ①과 ④에서만 스케줄링하면 비선점형, ②나 ③에서도, 그리고 새 프로세스가 준비 상태에 들어올 때도 스케줄링하면 선점형입니다(SRTF는 더 짧은 프로세스가 도착하면 선점합니다).",
            "Five states: new to ready, dispatched to running, back to ready on an interrupt (②), blocked while waiting for I/O (①), ready again when it completes (③), exit at the end (④). Scheduling only at ① and ④ is non-preemptive; also at ② or ③, and when a new process enters Ready, preemptive (SRTF preempts when a shorter process arrives).",
        ]);
    // A phone gets the same graph stood upright, its texts at their own size and nothing off
    // the screen (the wide one scrolled, Running and Exit out of sight).
    wide_or_upright(
        lang,
        label,
        (640, 356, body),
        (370, 470, states_upright(lang)),
    )
}

/// [`states`] for a phone: New, Ready, Running and Exit down the left, Blocked to the right
/// between Ready and Running.
fn states_upright(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    // Its own marker: a marker in the hidden wide picture would not be drawn.
    let marker = "state-arrow-upright";
    html! {
        <>
            { arrow_marker(marker) }
            { labelled_box(70, 10, 120, 40, "state new", &[t(["생성 New", "New"])]) }
            { labelled_box(70, 100, 120, 44, "state ready", &[t(["준비 Ready", "Ready"])]) }
            { labelled_box(70, 230, 120, 44, "state running", &[t(["실행 Running", "Running"])]) }
            { labelled_box(70, 340, 120, 40, "state exit", &[t(["종료 Exit", "Exit"])]) }
            { labelled_box(250, 168, 110, 44, "state blocked", &[t(["대기 Blocked", "Blocked"])]) }
            <g class="preemptive">
                { arrow(marker, (130, 50), (130, 98), false) }
                { label(138, 79, "start", "small", t(["승인", "admitted"])) }
            </g>
            { arrow(marker, (100, 144), (100, 228), false) }
            { label(92, 190, "end", "small", t(["디스패치", "dispatch"])) }
            <g class="preemptive">
                { arrow(marker, (156, 228), (156, 146), false) }
                { label(163, 182, "start", "small", t(["② 인터럽트", "② interrupt"])) }
                { label(163, 197, "start", "small", t(["(타임아웃)", "(timeout)"])) }
            </g>
            <g class="non-preemptive">
                { arrow(marker, (192, 262), (300, 214), false) }
                { label(222, 268, "start", "small", t(["① I/O·이벤트 대기", "① I/O or event wait"])) }
            </g>
            <g class="preemptive">
                { arrow(marker, (300, 166), (192, 112), false) }
                { label(222, 120, "start", "small", t(["③ I/O·이벤트 완료", "③ I/O or event done"])) }
            </g>
            <g class="non-preemptive">
                { arrow(marker, (130, 274), (130, 338), false) }
                { label(138, 310, "start", "small", t(["④ 종료", "④ exit"])) }
            </g>
            <g class="non-preemptive">
                <line class="arrow" x1="10" y1="402" x2="40" y2="402" />
                { label(48, 406, "start", "small", t(["①④ CPU가 빔:", "①④ the CPU falls free:"])) }
                { label(48, 421, "start", "small", t(["모든 스케줄러가 여기서 결정", "every scheduler decides here"])) }
            </g>
            <g class="preemptive">
                <line class="arrow" x1="10" y1="442" x2="40" y2="442" />
                { label(48, 446, "start", "small", t(["②③과 새 프로세스의 도착에서도", "②③ and arrivals: deciding there too"])) }
                { label(48, 461, "start", "small", t(["결정하면 선점형", "makes a scheduler preemptive"])) }
            </g>
        </>
    }
}

/// Two threads, two resources, a cycle: each holds one and waits for the other.
pub fn deadlock(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    // The picture with its across positions passed through `x` (a phone's narrower).
    let body = |marker: &'static str, x: &dyn Fn(i32) -> i32| {
        let point = |(across, down): (i32, i32)| (x(across), down);
        let width = x(280) - x(200);
        html! {
            <>
                { arrow_marker(marker) }
                <g class="thread-node">
                    <circle cx={x(90).to_string()} cy="120" r="34" />
                    { label(x(90), 125, "middle", "", "T1") }
                    <circle cx={x(390).to_string()} cy="120" r="34" />
                    { label(x(390), 125, "middle", "", "T2") }
                </g>
                { labelled_box(x(200), 20, width, 40, "resource", &["R1"]) }
                { labelled_box(x(200), 180, width, 40, "resource", &["R2"]) }
                { arrow(marker, point((198, 48)), point((118, 100)), false) }
                { label(x(120), 62, "middle", "small", t(["T1이 가짐", "held by T1"])) }
                <g class="request">{ arrow(marker, point((118, 142)), point((198, 192)), false) }</g>
                { label(x(120), 192, "middle", "small", t(["T1이 기다림", "T1 waits"])) }
                { arrow(marker, point((282, 192)), point((362, 142)), false) }
                { label(x(360), 192, "middle", "small", t(["T2가 가짐", "held by T2"])) }
                <g class="request">{ arrow(marker, point((362, 100)), point((282, 48)), false) }</g>
                { label(x(360), 62, "middle", "small", t(["T2가 기다림", "T2 waits"])) }
            </>
        }
    };
    wide_or_upright(
        lang,
        t([
            "교착 상태: T1은 R1을 가진 채 R2를 기다리고, T2는 R2를 가진 채 R1을 기다립니다(스레드에서 자원으로 가는 화살표는 요청, 자원에서 스레드로 오는 화살표는 할당). 대기가 원을 이루므로(순환 대기) 어느 쪽도 진행하지 못합니다.",
            "Deadlock: T1 holds R1 and waits for R2; T2 holds R2 and waits for R1 (an arrow from a thread to a resource is a request, from a resource to a thread an assignment). The wait is circular, so neither can proceed.",
        ]),
        (480, 240, body("deadlock-arrow", &|across| across)),
        // On a phone four fifths as wide across, T1 and T2 kept round.
        (
            360,
            240,
            body("deadlock-arrow-narrow", &|across| 60 + (across - 90) * 4 / 5),
        ),
    )
}
