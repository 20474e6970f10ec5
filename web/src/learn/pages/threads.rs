//! Topics 8 and 9: threads and their two models; the four "multi" words and concurrency vs
//! parallelism.

use crate::learn::diagrams::{threads, timeline};
use crate::learn::words::{bullets, heading, notes_differ, para, terms};
use proclab_app::i18n::Lang;
use yew::prelude::*;

pub fn threads(lang: Lang) -> Html {
    html! {
        <>
            { para(lang, [
                "스레드는 프로세스 안의 실행 흐름입니다. 한 프로세스의 스레드들은 그 프로세스의 자원(코드, 데이터, 힙, 열린 파일)을 함께 쓰고, 스택, 레지스터, 프로그램 카운터는 스레드마다 따로 갖습니다. 커널 수준 스레드에서는 CPU 스케줄러가 디스패치하는 단위가 스레드입니다.",
                "A thread is a flow of execution inside a process. The threads of a process share its resources (code, data, heap, open files), and each has its own stack, registers and program counter. With kernel-level threads, the thread is the unit the CPU scheduler dispatches.",
            ]) }
            { threads::sharing(lang) }
            { para(lang, [
                "스레드는 힙과 전역 변수를 공유하므로 IPC 같은 별도의 통신 수단 없이 데이터를 주고받을 수 있습니다. 그 대신 여러 스레드가 같은 데이터를 동시에 고치면 경쟁 조건이 생기므로 동기화가 필요합니다.",
                "Because threads share the heap and globals, they exchange data without any IPC mechanism; in exchange, updating the same data at once causes races, so they need synchronization.",
            ]) }
            { heading(lang, ["커널 수준 스레드와 사용자 수준 스레드", "Kernel-level and user-level threads"]) }
            { threads::models(lang) }
            { terms(lang, &[
                (["커널 수준 스레드 (일대일)", "Kernel-level threads (one-to-one)"], [
                    "커널이 스레드 하나하나를 알고 관리하며 스레드 단위로 스케줄링합니다. 한 스레드가 I/O로 막혀도 다른 스레드는 계속 실행되고, 여러 코어에서 병렬로 실행될 수 있습니다. 그 대신 스레드를 만들거나 전환할 때 커널에 진입해야 하므로 더 느립니다. (Linux, Windows)",
                    "The kernel knows and schedules each thread. When one blocks on I/O the others keep running, and they can run in parallel on several cores. Creating and switching them needs the kernel, so they are slower. (Linux, Windows)",
                ]),
                (["사용자 수준 스레드 (다대일)", "User-level threads (many-to-one)"], [
                    "사용자 공간의 스레드 라이브러리가 스레드를 만들고 스케줄링합니다. 커널에는 프로세스 하나로만 보이므로, 스레드를 전환할 때 커널에 진입하지 않아 빠릅니다. 그러나 한 스레드가 블로킹 시스템 콜을 호출하면 프로세스 전체가 막히고, 여러 코어를 동시에 쓸 수 없습니다.",
                    "A library in user space creates and schedules the threads. The kernel sees one process, so switching threads needs no kernel entry and is fast. But one thread's blocking system call blocks the whole process, and it cannot use several cores.",
                ]),
                (["다대다", "Many-to-many"], [
                    "사용자 수준 스레드 여럿을 그보다 적거나 같은 수의 커널 스레드에 나눠 올립니다. 스레드를 많이 만들어도 커널 스레드는 몇 개면 되고, 한 스레드가 막혀도 다른 커널 스레드에서 나머지가 실행되며, 여러 코어도 씁니다. 그 대신 두 스케줄러(라이브러리와 커널)가 맞물려야 해서 구현이 어렵고, 코어가 많아지면서 Linux와 Windows는 일대일을 택했습니다.",
                    "Many user-level threads are multiplexed onto a smaller or equal number of kernel threads: a program may create many threads while the kernel runs a few, one blocking thread leaves the others running on another kernel thread, and several cores are used. The price is two schedulers (the library's and the kernel's) that must cooperate, which is hard to build; with cores plentiful, Linux and Windows chose one-to-one.",
                ]),
                (["2단계 모델", "Two-level model"], [
                    "다대다에 더해, 특정 사용자 스레드 하나를 커널 스레드 하나에 묶어 둘 수도 있는(일대일) 방식입니다.",
                    "Many-to-many, with the option of binding one user-level thread to a kernel thread of its own (one-to-one for that thread).",
                ]),
            ]) }
            { para(lang, [
                "이 시뮬레이터의 머신 설정은 두 끝을 보여 줍니다: 커널 수준(일대일)과 사용자 수준(다대일).",
                "This simulator's machine settings show the two ends: kernel-level (one-to-one) and user-level (many-to-one).",
            ]) }
            { notes_differ(lang, [
                "“사용자 수준 스레드는 커널이 스레드의 존재를 모르기 때문에 문맥 교환이 없다.”",
                "user-level threads have no context switch, because the kernel does not know they exist.",
            ], [
                "사용자 수준 스레드 사이에도 전환은 일어납니다. 다만 커널이 아니라 사용자 공간의 스레드 라이브러리가 레지스터와 스택 포인터를 저장하고 바꿉니다. 커널에 진입하지 않고(모드 전환 없음) 주소 공간도 그대로이므로 커널이 하는 문맥 교환보다 비용이 훨씬 적을 뿐, 전환 비용이 0은 아닙니다. 그리고 커널은 여전히 이 프로세스와 다른 프로세스 사이에서 문맥 교환을 합니다.",
                "User-level threads are still switched, but by the thread library in user space, which saves and swaps the registers and the stack pointer itself. With no kernel entry (no mode switch) and no change of address space, such a switch costs far less than one done by the kernel, but not nothing. And the kernel still switches between this process and the others.",
            ]) }
        </>
    }
}

pub fn multi(lang: Lang) -> Html {
    html! {
        <>
            { terms(lang, &[
                (["멀티프로그래밍", "Multiprogramming"], [
                    "여러 프로그램을 메모리에 함께 올려 두고, 실행 중인 프로그램이 I/O를 기다리는 동안 CPU를 다른 프로그램에 할당합니다. 목표는 CPU 이용률을 높이는 것입니다.",
                    "Several programs are kept in memory at once; when the running one waits for I/O, the CPU goes to another. The goal is CPU utilisation.",
                ]),
                (["멀티태스킹", "Multitasking"], [
                    "멀티프로그래밍에 시분할을 더한 방식입니다. CPU가 짧은 퀀텀마다 실행할 작업을 바꾸므로, CPU가 하나여도 여러 작업이 동시에 실행되는 것처럼 보입니다. 목표는 응답 시간을 줄이는 것입니다.",
                    "Multiprogramming plus time sharing: the CPU switches among tasks every short quantum, so even one CPU seems to run them all at once. The goal is quick response.",
                ]),
                (["멀티프로세싱", "Multiprocessing"], [
                    "CPU(코어)가 둘 이상인 시스템에서 여러 프로세스나 스레드를 실제로 같은 순간에, 병렬로 실행합니다. (프로그램을 여러 프로세스로 나눠 작성하는 '멀티 프로세스' 설계와는 다른 개념입니다.)",
                    "A system with two or more CPUs (cores) runs several processes or threads truly at the same time, in parallel. (Not the same as a multi-process program design.)",
                ]),
                (["멀티스레딩", "Multithreading"], [
                    "한 프로세스 안에서 여러 실행 흐름(스레드)이 함께 진행됩니다. 코어가 하나면 번갈아 실행되고, 여러 개면 병렬로 실행됩니다.",
                    "Several flows of execution (threads) progress within one process: taking turns on one core, in parallel on several.",
                ]),
            ]) }
            { heading(lang, ["동시성과 병렬성", "Concurrency and parallelism"]) }
            { timeline::concurrency(lang) }
            { bullets(lang, &[
                [
                    "동시성: 여러 작업이 겹치는 시간 동안 함께 진행되는 것입니다. 코어 하나에서 번갈아 실행해도 동시성이 있습니다.",
                    "Concurrency: several tasks make progress over overlapping periods of time. Taking turns on one core is concurrency.",
                ],
                [
                    "병렬성: 여러 작업이 같은 순간에 실제로 실행되는 것입니다. 코어가 여러 개 있어야 합니다.",
                    "Parallelism: several tasks actually execute at the same instant. It needs several cores.",
                ],
                [
                    "한 프로세스를 멀티스레딩하면 코어가 하나일 때는 동시성을 얻고, 코어가 여러 개일 때는 병렬성까지 얻습니다.",
                    "Multithreading in one process gives concurrency on one core, and parallelism as well on several cores.",
                ],
            ]) }
        </>
    }
}
