//! Topics 8 and 9: threads and their two models; the four "multi" words and concurrency vs
//! parallelism.

use crate::learn::diagrams::{threads, timeline};
use crate::learn::words::{bullets, heading, para, terms};
use proclab_app::i18n::Lang;
use yew::prelude::*;

pub fn threads(lang: Lang) -> Html {
    html! {
        <>
            { para(lang, [
                "스레드는 프로세스 안의 실행 흐름입니다. 한 프로세스의 스레드들은 그 프로세스의 자원(코드, 데이터, 힙, 열린 파일)을 함께 쓰고, 각자 자신의 스택, 레지스터, 프로그램 카운터를 갖습니다. 커널 수준 스레드라면 CPU 스케줄러가 디스패치하는 단위는 스레드입니다.",
                "A thread is a flow of execution inside a process. The threads of a process share its resources (code, data, heap, open files), and each has its own stack, registers and program counter. With kernel-level threads, the thread is the unit the CPU scheduler dispatches.",
            ]) }
            { threads::sharing(lang) }
            { para(lang, [
                "스레드는 힙과 전역 변수를 공유하므로 별도의 통신 수단 없이 데이터를 주고받을 수 있습니다. 대신 같은 데이터를 동시에 고치면 경쟁 상태가 생기므로 동기화가 필요합니다.",
                "Because threads share the heap and globals, they exchange data without any IPC mechanism; in exchange, updating the same data at once causes races, so they need synchronization.",
            ]) }
            { heading(lang, ["커널 수준 스레드와 사용자 수준 스레드", "Kernel-level and user-level threads"]) }
            { threads::models(lang) }
            { terms(lang, &[
                (["커널 수준 스레드 (일대일)", "Kernel-level threads (one-to-one)"], [
                    "커널이 스레드를 직접 알고 관리하며 하나씩 스케줄합니다. 한 스레드가 I/O로 막혀도 다른 스레드는 계속 실행되고, 여러 코어에서 병렬로 실행될 수 있습니다. 대신 생성과 전환에 커널 진입이 필요해 더 느립니다. (Linux, Windows)",
                    "The kernel knows and schedules each thread. When one blocks on I/O the others keep running, and they can run in parallel on several cores. Creating and switching them needs the kernel, so they are slower. (Linux, Windows)",
                ]),
                (["사용자 수준 스레드 (다대일)", "User-level threads (many-to-one)"], [
                    "사용자 공간의 라이브러리가 스레드를 만들고 스케줄합니다. 커널은 프로세스 하나만 보므로 스레드 전환에 커널 진입이 없어 빠릅니다. 그러나 한 스레드가 막히는 시스템 콜을 하면 프로세스 전체가 막히고, 코어를 여러 개 쓸 수 없습니다.",
                    "A library in user space creates and schedules the threads. The kernel sees one process, so switching threads needs no kernel entry and is fast. But one thread's blocking system call blocks the whole process, and it cannot use several cores.",
                ]),
            ]) }
        </>
    }
}

pub fn multi(lang: Lang) -> Html {
    html! {
        <>
            { terms(lang, &[
                (["멀티프로그래밍", "Multiprogramming"], [
                    "여러 프로그램을 메모리에 함께 올려 두고, 실행 중인 프로그램이 I/O를 기다리면 CPU를 다른 프로그램에 줍니다. 목표는 CPU 이용률입니다.",
                    "Several programs are kept in memory at once; when the running one waits for I/O, the CPU goes to another. The goal is CPU utilization.",
                ]),
                (["멀티태스킹", "Multitasking"], [
                    "멀티프로그래밍에 시분할을 더한 것입니다. CPU가 작업들 사이를 짧은 퀀텀마다 바꿔, CPU 하나로도 여러 작업이 동시에 실행되는 것처럼 보입니다. 목표는 빠른 응답입니다.",
                    "Multiprogramming plus time sharing: the CPU switches among tasks every short quantum, so even one CPU seems to run them all at once. The goal is quick response.",
                ]),
                (["멀티프로세싱", "Multiprocessing"], [
                    "CPU(코어)가 둘 이상인 시스템에서 여러 프로세스나 스레드를 실제로 동시에, 병렬로 실행합니다. (여러 프로세스로 프로그램을 짜는 '멀티 프로세스' 설계와는 다른 말입니다.)",
                    "A system with two or more CPUs (cores) runs several processes or threads truly at the same time, in parallel. (Not the same as a multi-process program design.)",
                ]),
                (["멀티스레딩", "Multithreading"], [
                    "한 프로세스 안에서 여러 실행 흐름(스레드)이 함께 진행됩니다. 코어가 하나면 번갈아, 여럿이면 병렬로 실행됩니다.",
                    "Several flows of execution (threads) progress within one process: taking turns on one core, in parallel on several.",
                ]),
            ]) }
            { heading(lang, ["동시성과 병렬성", "Concurrency and parallelism"]) }
            { timeline::concurrency(lang) }
            { bullets(lang, &[
                [
                    "동시성: 여러 작업이 겹치는 시간 동안 함께 진행되는 것. 코어 하나에서 번갈아 실행해도 동시성입니다.",
                    "Concurrency: several tasks make progress over overlapping periods of time. Taking turns on one core is concurrency.",
                ],
                [
                    "병렬성: 여러 작업이 같은 순간에 실제로 실행되는 것. 코어가 여러 개 있어야 합니다.",
                    "Parallelism: several tasks actually execute at the same instant. It needs several cores.",
                ],
                [
                    "한 프로세스의 멀티스레딩은 코어 하나에서는 동시성을, 여러 코어에서는 병렬성까지 높입니다.",
                    "Multithreading in one process gives concurrency on one core, and parallelism as well on several cores.",
                ],
            ]) }
        </>
    }
}
