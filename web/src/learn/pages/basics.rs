//! Topics 1 and 2: what an operating system does, and what a process is.

use crate::learn::diagrams::{memory::MemoryLayout, os};
use crate::learn::words::{bullets, heading, notes_differ, para, terms, tr};
use proclab_app::i18n::Lang;
use yew::prelude::*;

pub fn os(lang: Lang) -> Html {
    html! {
        <>
            { para(lang, [
                "운영체제(OS)는 하드웨어를 관리하고, 그 위에서 실행되는 프로그램들이 하드웨어를 안전하고 공평하게 나눠 쓸 수 있게 하는 소프트웨어입니다.",
                "An operating system (OS) is the software that manages the hardware and lets the programs running on it share that hardware safely and fairly.",
            ]) }
            { heading(lang, ["운영체제의 네 가지 일", "The four jobs of an OS"]) }
            { terms(lang, &[
                (["CPU 스케줄링과 프로세스 관리", "CPU scheduling and process management"], [
                    "어느 프로세스가 언제 CPU를 쓸지 결정하고, 프로세스의 생성과 종료, 자원의 할당과 회수를 관리합니다.",
                    "Decides which process uses the CPU and when; creates and destroys processes, hands out resources and takes them back.",
                ]),
                (["메모리 관리", "Memory management"], [
                    "한정된 메모리를 어느 프로세스에 얼마나 할당할지 결정하고, 프로세스가 서로의 메모리를 침범하지 못하게 보호합니다.",
                    "Decides how much of the limited memory each process gets, and keeps processes out of each other's memory.",
                ]),
                (["파일 관리", "File management"], [
                    "디스크의 데이터를 파일과 디렉터리로 정리해 보관하고, 누가 읽고 쓸 수 있는지 관리합니다.",
                    "Organizes the data on disk into files and directories, and controls who may read and write them.",
                ]),
                (["입출력 장치 관리", "I/O device management"], [
                    "키보드, 마우스, 디스크, 네트워크 같은 장치와 컴퓨터 사이의 데이터 전달을 관리합니다.",
                    "Manages the data moving between the computer and devices such as keyboards, mice, disks and network cards.",
                ]),
            ]) }
            { heading(lang, ["운영체제의 구조", "The structure of an OS"]) }
            { os::layers(lang) }
            { terms(lang, &[
                (["GUI와 CLI", "GUI and CLI"], [
                    "사용자가 운영체제를 사용하는 인터페이스입니다. GUI는 창과 아이콘으로, CLI(셸)는 직접 입력하는 명령어로 조작합니다. GUI 없이 CLI만 제공하는 서버도 많습니다.",
                    "How a user works the system: a GUI with windows and icons, a CLI (shell) with typed commands. Many servers have only a CLI.",
                ]),
                (["시스템 콜", "System calls"], [
                    "응용 프로그램이 커널에 서비스를 요청하는 유일한 통로입니다(파일 열기, 프로세스 생성, 메모리 요청 등). 시스템 콜을 호출하면 CPU가 사용자 모드에서 커널 모드로 전환됩니다.",
                    "The only door through which a program asks the kernel for a service (open a file, create a process, get memory). A call switches the CPU from user mode to kernel mode.",
                ]),
                (["커널", "Kernel"], [
                    "운영체제의 핵심으로, 프로세스·메모리·파일·장치를 관리하고 시스템 콜 인터페이스를 제공합니다. 보호된 메모리 영역에서 커널 모드로 실행됩니다.",
                    "The core of the OS: it manages processes, memory, files and devices and provides the system call interface. It runs in kernel mode, in protected memory.",
                ]),
                (["드라이버", "Drivers"], [
                    "특정 하드웨어를 제어하는 소프트웨어입니다. 커널의 일반적인 요청을 그 장치가 알아듣는 명령으로 바꾸어 전달하고, 장치의 응답을 커널에 돌려줍니다.",
                    "Software that controls one kind of hardware: it turns the kernel's general requests into commands that device understands, and passes the device's answers back to the kernel.",
                ]),
            ]) }
            { para(lang, [
                "커널이 프로그램을 메모리에 적재해 프로세스로 만들면, CPU는 메모리에 있는 그 명령어를 실행할 뿐입니다. 어느 프로세스의 명령어를 언제 실행할지는 운영체제가 결정합니다.",
                "Once the kernel has loaded a program into memory as a process, the CPU simply executes its instructions from memory. Which process's instructions run, and when, is the OS's decision.",
            ]) }
        </>
    }
}

pub fn process(lang: Lang) -> Html {
    html! {
        <>
            { heading(lang, ["프로그램과 프로세스", "Program and process"]) }
            { terms(lang, &[
                (["프로그램 (정적)", "Program (static)"], [
                    "디스크에 저장된 실행 파일입니다. 명령어와 초기 데이터의 묶음일 뿐, 스스로는 아무 일도 하지 않습니다.",
                    "An executable file stored on disk: instructions and initial data that do nothing by themselves.",
                ]),
                (["프로세스 (동적)", "Process (dynamic)"], [
                    "메모리에 적재되어 실행 중인 프로그램입니다. 운영체제가 PCB를 만들어 관리하며, 프로세스마다 자신의 메모리와 상태(프로그램 카운터, 레지스터 등)를 갖습니다.",
                    "A program loaded into memory and running. The OS tracks it with a PCB; it has its own memory and state (program counter, registers...).",
                ]),
            ]) }
            { para(lang, [
                "예를 들어 chrome.exe는 프로그램 하나이지만, 실행할 때마다 각자의 메모리와 PCB를 가진 프로세스가 새로 생깁니다.",
                "For example, chrome.exe is one program, but each time it starts, a separate process is created with its own memory and PCB.",
            ]) }
            { heading(lang, ["프로세스의 메모리 구조", "The memory layout of a process"]) }
            { para(lang, [
                "운영체제는 프로세스마다 아래와 같은 구조의 주소 공간을 할당합니다. 영역을 눌러 무엇이 저장되는지 확인하고, 함수 호출과 malloc으로 스택과 힙을 키워 보세요.",
                "The OS gives every process an address space laid out as below. Pick a segment to see what lives there, and call functions or malloc to grow the stack and the heap.",
            ]) }
            <MemoryLayout {lang} />
            { heading(lang, ["정적 영역과 동적 영역", "Static and dynamic segments"]) }
            { bullets(lang, &[
                [
                    "정적 영역 (코드, 데이터, BSS): 크기가 컴파일(링크) 때 정해집니다.",
                    "Static segments (code, data, BSS): their size is fixed at compile (link) time.",
                ],
                [
                    "동적 영역 (힙, 스택): 실행 중에 크기가 변합니다. 힙은 높은 주소 쪽으로, 스택은 낮은 주소 쪽으로 자라며 그 사이의 빈 공간을 함께 씁니다.",
                    "Dynamic segments (heap, stack): their size changes at run time. The heap grows up, the stack grows down, sharing the free space between them.",
                ]
            ]) }
            { notes_differ(lang, [
                "“BSS 영역과 데이터 영역에 전역 변수와 static·const로 선언한 변수가 들어가며, 0이거나 초기화하지 않은 것은 BSS에, 0이 아닌 값으로 초기화한 것은 데이터 영역에 있다. 정적 영역은 컴파일 단계에서 메모리를 할당받는다.”",
                "the BSS segment and the data segment hold global variables and those declared static or const: zero or uninitialized ones in BSS, ones with a non-zero initial value in data. The static segments get their memory at compile time.",
            ], [
                "BSS(Block Started by Symbol)와 데이터 영역에는 값을 바꿀 수 있는 전역·정적 변수가 들어갑니다. const로 선언한 전역 상수와 문자열 리터럴은 보통 코드 옆의 읽기 전용 데이터 영역(.rodata)에 놓이고, 함수 안의 const 지역 변수는 다른 지역 변수처럼 스택에 있거나 컴파일러가 명령어 안의 값으로 바꿔 버립니다. 또 컴파일(링크) 때 정해지는 것은 이 영역들의 크기이고, 실제 메모리는 프로그램을 적재할 때 할당됩니다.",
                "BSS (block started by symbol) and data hold the global and static variables whose values can change. Constants declared const at file scope, and string literals, usually go into a read-only data section (.rodata) beside the code; a const local variable lives on the stack like any other local, or the compiler turns it into a value inside the instructions. And what compile (link) time fixes is the size of these segments; the memory itself is given when the program is loaded.",
            ]) }
            <p class="hint">{ tr(lang, [
                "실제 운영체제는 주소 공간의 배치를 무작위로 바꾸고(ASLR) 스레드마다 스택을 따로 두지만, 영역의 순서와 자라는 방향은 같습니다.",
                "Real systems randomize the placement (ASLR) and add a stack per thread, but the order and the directions of growth are the same.",
            ]) }</p>
        </>
    }
}
