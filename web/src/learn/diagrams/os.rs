//! The layers of an operating system, and the PCB as a stack of fields.

use super::{figure, label, labelled_box, wide_or_upright};
use crate::learn::words::tr;
use proclab_app::i18n::Lang;
use yew::prelude::*;

/// From users down to hardware: each layer only talks to its neighbours.
pub fn layers(lang: Lang) -> Html {
    let t = |pair| tr(lang, pair);
    let kernel_parts = [
        [
            ["CPU 스케줄링", "프로세스 관리"],
            ["CPU scheduling", "and processes"],
        ],
        [["메모리", "관리"], ["Memory", "management"]],
        [["파일", "시스템"], ["File", "system"]],
        [["입출력", "장치 관리"], ["I/O device", "management"]],
    ];
    let body = html! {
        <>
            { labelled_box(20, 10, 540, 40, "layer user", &[t(["사용자와 응용 프로그램", "Users and application programs"])]) }
            { labelled_box(20, 60, 265, 40, "layer ui", &[t(["GUI (그래픽 인터페이스)", "GUI (graphical interface)"])]) }
            { labelled_box(295, 60, 265, 40, "layer ui", &[t(["CLI (명령줄, 셸)", "CLI (command line, shell)"])]) }
            { labelled_box(20, 110, 540, 40, "layer syscall", &[t(["시스템 콜 인터페이스", "System call interface"])]) }
            <g class="layer kernel">
                <rect x="20" y="160" width="540" height="90" rx="5" />
                { label(290, 178, "middle", "strong", t(["커널", "Kernel"])) }
            </g>
            { for kernel_parts.iter().enumerate().map(|(index, pair)| {
                let lines = lang.pick(*pair);
                labelled_box(30 + index as i32 * 132, 188, 124, 52, "layer part", &lines)
            }) }
            { labelled_box(20, 260, 540, 40, "layer driver", &[t(["디바이스 드라이버", "Device drivers"])]) }
            { labelled_box(20, 310, 540, 40, "layer hardware", &[t(["하드웨어: CPU, 메모리, 디스크, 입출력 장치", "Hardware: CPU, memory, disk, I/O devices"])]) }
            <line class="bracket" x1="572" y1="12" x2="572" y2="98" />
            { label(582, 60, "start", "small", t(["사용자", "user"])) }
            { label(582, 76, "start", "small", t(["모드", "mode"])) }
            <line class="bracket" x1="572" y1="162" x2="572" y2="298" />
            { label(582, 224, "start", "small", t(["커널", "kernel"])) }
            { label(582, 240, "start", "small", t(["모드", "mode"])) }
        </>
    };
    // On a phone the layers narrower: the kernel's parts two by two, long words on two lines.
    let narrow = html! {
        <>
            { labelled_box(8, 10, 300, 40, "layer user", &[t(["사용자와 응용 프로그램", "Users and application programs"])]) }
            { labelled_box(8, 58, 147, 44, "layer ui", &[t(["GUI", "GUI"]), t(["그래픽 인터페이스", "graphical interface"])]) }
            { labelled_box(161, 58, 147, 44, "layer ui", &[t(["CLI", "CLI"]), t(["명령줄, 셸", "command line, shell"])]) }
            { labelled_box(8, 110, 300, 40, "layer syscall", &[t(["시스템 콜 인터페이스", "System call interface"])]) }
            <g class="layer kernel">
                <rect x="8" y="160" width="300" height="144" rx="5" />
                { label(158, 178, "middle", "strong", t(["커널", "Kernel"])) }
            </g>
            { for kernel_parts.iter().enumerate().map(|(index, pair)| {
                let lines = lang.pick(*pair);
                let (column, row) = (index as i32 % 2, index as i32 / 2);
                labelled_box(16 + column * 146, 188 + row * 54, 138, 48, "layer part", &lines)
            }) }
            { labelled_box(8, 314, 300, 40, "layer driver", &[t(["디바이스 드라이버", "Device drivers"])]) }
            { labelled_box(8, 364, 300, 44, "layer hardware", &[t(["하드웨어:", "Hardware:"]), t(["CPU, 메모리, 디스크, 입출력 장치", "CPU, memory, disk, I/O devices"])]) }
            <line class="bracket" x1="316" y1="12" x2="316" y2="100" />
            { label(322, 52, "start", "small", t(["사용자", "user"])) }
            { label(322, 68, "start", "small", t(["모드", "mode"])) }
            <line class="bracket" x1="316" y1="162" x2="316" y2="352" />
            { label(322, 250, "start", "small", t(["커널", "kernel"])) }
            { label(322, 266, "start", "small", t(["모드", "mode"])) }
        </>
    };
    wide_or_upright(
        lang,
        t([
            "운영체제의 계층: 사용자와 응용 프로그램은 GUI나 CLI를 사용하고, 시스템 콜을 통해서만 커널에 요청하며, 커널은 드라이버를 통해 하드웨어를 제어합니다.",
            "Layers of an OS: users and programs use a GUI or CLI, reach the kernel only through system calls, and the kernel drives the hardware through drivers.",
        ]),
        (640, 360, body),
        (366, 416, narrow),
    )
}

/// The fields of a PCB, top to bottom.
pub fn pcb(lang: Lang) -> Html {
    let fields: [[&str; 2]; 9] = [
        ["프로세스 ID (PID)", "Process ID (PID)"],
        ["프로세스 상태", "Process state"],
        ["프로그램 카운터 (PC)", "Program counter (PC)"],
        ["CPU 레지스터", "CPU registers"],
        ["CPU 스케줄링 정보", "CPU-scheduling information"],
        ["메모리 관리 정보", "Memory-management information"],
        ["계정 정보", "Accounting information"],
        ["입출력 상태 정보", "I/O status information"],
        [
            "포인터 (부모, 자식, 큐)",
            "Pointers (parent, children, queue)",
        ],
    ];
    let body = html! {
        <>
            { label(180, 20, "middle", "strong", tr(lang, ["PCB (프로세스마다 하나)", "PCB (one per process)"])) }
            { for fields.iter().enumerate().map(|(index, pair)| {
                labelled_box(20, 32 + index as i32 * 34, 320, 34, "pcb-field", &[tr(lang, *pair)])
            }) }
        </>
    };
    figure(
        lang,
        tr(lang, [
            "PCB에는 운영체제가 프로세스 하나를 관리하는 데 필요한 모든 정보가 들어 있습니다: ID, 상태, 프로그램 카운터, 레지스터, 스케줄링·메모리·계정·입출력 정보, 포인터.",
            "A PCB is everything the OS remembers about one process: ID, state, program counter, registers, scheduling, memory, accounting and I/O information, pointers.",
        ]),
        360,
        346,
        body,
    )
}
