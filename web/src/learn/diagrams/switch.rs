//! Time pictures of a switch: the dispatcher between two processes, and the context switch
//! between two PCBs.

use super::{arrow, arrow_marker, label, labelled_box, wide_or_upright};
use crate::learn::words::{tr, Pair};
use proclab_app::i18n::Lang;
use yew::prelude::*;

/// Process P1 runs, the dispatcher runs (latency), process P2 runs.
pub fn dispatch(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    let marker = "dispatch-arrow";
    let body = html! {
        <>
            { arrow_marker(marker) }
            { labelled_box(20, 20, 220, 44, "run p1", &[t(["P1 실행", "P1 running"])]) }
            { labelled_box(240, 20, 160, 44, "dispatcher", &[t(["디스패처", "Dispatcher"])]) }
            { labelled_box(400, 20, 220, 44, "run p2", &[t(["P2 실행", "P2 running"])]) }
            <path class="bracket" d="M 240 74 L 240 84 L 400 84 L 400 74" />
            { label(320, 104, "middle", "strong", t(["디스패치 지연", "dispatch latency"])) }
            { label(320, 124, "middle", "small", t(["P1 상태 저장 · P2 상태 적재 · 사용자 모드로 전환 · P2의 PC로 분기", "save P1 · load P2 · switch to user mode · jump to P2's PC"])) }
            { arrow(marker, (20, 146), (620, 146), false) }
            { label(620, 164, "end", "small", t(["시간", "time"])) }
        </>
    };
    // On a phone the three pieces narrower, the steps on two lines.
    let marker = "dispatch-arrow-narrow";
    let narrow = html! {
        <>
            { arrow_marker(marker) }
            { labelled_box(10, 20, 120, 44, "run p1", &[t(["P1 실행", "P1 running"])]) }
            { labelled_box(130, 20, 110, 44, "dispatcher", &[t(["디스패처", "Dispatcher"])]) }
            { labelled_box(240, 20, 120, 44, "run p2", &[t(["P2 실행", "P2 running"])]) }
            <path class="bracket" d="M 130 74 L 130 84 L 240 84 L 240 74" />
            { label(185, 104, "middle", "strong", t(["디스패치 지연", "dispatch latency"])) }
            { label(185, 124, "middle", "small", t(["P1 상태 저장 · P2 상태 적재 ·", "save P1 · load P2 ·"])) }
            { label(185, 140, "middle", "small", t(["사용자 모드로 전환 · P2의 PC로 분기", "switch to user mode · jump to P2's PC"])) }
            { arrow(marker, (10, 162), (360, 162), false) }
            { label(360, 180, "end", "small", t(["시간", "time"])) }
        </>
    };
    wide_or_upright(
        lang,
        t([
            "디스패치 지연: 디스패처가 P1을 멈추고 P2를 시작하기까지 CPU는 어느 프로세스의 일도 하지 않습니다.",
            "Dispatch latency: while the dispatcher stops P1 and starts P2, the CPU does neither process's work.",
        ]),
        (640, 172, body),
        (370, 188, narrow),
    )
}

/// The classic picture: A runs, the OS saves A into PCB A and loads PCB B, B runs, and back.
pub fn context_switch(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    let marker = "switch-arrow";
    let trigger = t(["인터럽트 또는 시스템 콜", "interrupt or system call"]);
    let running = t(["실행 중", "executing"]);
    let waiting = t(["준비 상태", "ready"]);
    let body = html! {
        <>
            { arrow_marker(marker) }
            { label(110, 18, "middle", "strong", t(["프로세스 A", "Process A"])) }
            { label(320, 18, "middle", "strong", t(["운영체제", "Operating system"])) }
            { label(530, 18, "middle", "strong", t(["프로세스 B", "Process B"])) }

            { labelled_box(30, 30, 160, 50, "run p1", &[running]) }
            <line class="idle" x1="530" y1="30" x2="530" y2="200" />
            { label(540, 60, "start", "small", waiting) }

            { arrow(marker, (190, 80), (218, 100), false) }
            { label(110, 98, "middle", "small", trigger) }
            { labelled_box(220, 96, 200, 40, "os", &[t(["A의 상태를 PCB A에 저장", "save state into PCB A"])]) }
            { labelled_box(220, 144, 200, 40, "os", &[t(["PCB B에서 상태 적재", "reload state from PCB B"])]) }
            { arrow(marker, (420, 184), (448, 204), false) }

            { labelled_box(450, 200, 160, 50, "run p2", &[running]) }
            <line class="idle" x1="110" y1="108" x2="110" y2="370" />
            { label(100, 240, "end", "small", waiting) }

            { arrow(marker, (450, 250), (422, 270), false) }
            { label(530, 268, "middle", "small", trigger) }
            { labelled_box(220, 266, 200, 40, "os", &[t(["B의 상태를 PCB B에 저장", "save state into PCB B"])]) }
            { labelled_box(220, 314, 200, 40, "os", &[t(["PCB A에서 상태 적재", "reload state from PCB A"])]) }
            { arrow(marker, (220, 354), (192, 374), false) }
            <line class="idle" x1="530" y1="278" x2="530" y2="430" />

            { labelled_box(30, 370, 160, 50, "run p1", &[running]) }
        </>
    };
    let label_text = t([
            "문맥 교환: A가 실행되는 중에 인터럽트나 시스템 콜이 일어나면 운영체제가 A의 상태를 PCB A에 저장하고 PCB B의 상태를 적재해 B를 실행합니다. 나중에 B를 PCB B에 저장하고 PCB A를 적재해 A로 돌아옵니다. CPU를 내준 프로세스는 준비 상태로 차례를 기다리고(I/O를 요청했다면 대기 상태), 저장과 적재가 진행되는 동안에는 어느 쪽도 실행되지 않습니다.",
            "A context switch: on an interrupt or system call the OS saves A into PCB A, loads PCB B and runs B; later it saves B into PCB B, loads PCB A and resumes A. The process that gave up the CPU is ready, waiting its turn (blocked, if it asked for I/O); during the saving and loading, neither runs.",
        ]);
    // A phone gets the three columns narrowed, their words on two lines: on the screen whole
    // (the wide one scrolled, process B and the OS's words cut off).
    wide_or_upright(
        lang,
        label_text,
        (640, 430, body),
        (370, 430, context_switch_narrow(lang)),
    )
}

/// [`context_switch`] in 370 px: the same three columns and steps, the words on two lines.
fn context_switch_narrow(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    // Its own marker: a marker in the hidden wide picture would not be drawn.
    let marker = "switch-arrow-narrow";
    let trigger = [
        t(["인터럽트 또는", "interrupt or"]),
        t(["시스템 콜", "system call"]),
    ];
    let running = t(["실행 중", "executing"]);
    let waiting = t(["준비 상태", "ready"]);
    let os =
        |y: i32, lines: [Pair; 2]| labelled_box(130, y, 130, 40, "os", &[t(lines[0]), t(lines[1])]);
    html! {
        <>
            { arrow_marker(marker) }
            { label(60, 18, "middle", "strong", t(["프로세스 A", "Process A"])) }
            { label(195, 18, "middle", "strong", t(["운영체제", "Operating system"])) }
            { label(317, 18, "middle", "strong", t(["프로세스 B", "Process B"])) }

            { labelled_box(10, 30, 100, 50, "run p1", &[running]) }
            <line class="idle" x1="317" y1="30" x2="317" y2="196" />
            { label(308, 60, "end", "small", waiting) }

            { arrow(marker, (110, 80), (128, 98), false) }
            { label(60, 98, "middle", "small", trigger[0]) }
            { label(60, 113, "middle", "small", trigger[1]) }
            { os(96, [["A의 상태를", "save state"], ["PCB A에 저장", "into PCB A"]]) }
            { os(144, [["PCB B에서", "reload state"], ["상태 적재", "from PCB B"]]) }
            { arrow(marker, (260, 184), (272, 200), false) }

            { labelled_box(270, 200, 95, 50, "run p2", &[running]) }
            <line class="idle" x1="60" y1="124" x2="60" y2="370" />
            { label(66, 240, "start", "small", waiting) }

            { arrow(marker, (270, 250), (262, 268), false) }
            { label(317, 268, "middle", "small", trigger[0]) }
            { label(317, 283, "middle", "small", trigger[1]) }
            { os(266, [["B의 상태를", "save state"], ["PCB B에 저장", "into PCB B"]]) }
            { os(314, [["PCB A에서", "reload state"], ["상태 적재", "from PCB A"]]) }
            { arrow(marker, (130, 354), (112, 370), false) }
            <line class="idle" x1="317" y1="290" x2="317" y2="430" />

            { labelled_box(10, 370, 100, 50, "run p1", &[running]) }
        </>
    }
}
