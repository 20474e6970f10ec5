//! Topic 7: the context switch, interrupts, idle time, cache misses, and cheaper thread switches.

use crate::learn::diagrams::switch;
use crate::learn::words::{heading, para, steps, terms};
use proclab_app::i18n::Lang;
use yew::prelude::*;

pub fn context_switch(lang: Lang) -> Html {
    html! {
        <>
            { para(lang, [
                "문맥 교환은 CPU를 쓰던 프로세스의 상태(문맥)를 저장하고 다른 프로세스의 상태를 불러와 CPU를 넘기는 과정입니다. 코어 하나는 한 순간에 한 프로세스만 실행하지만, 이 전환이 아주 빠르게 반복되어 여러 프로세스가 동시에 실행되는 것처럼 보입니다.",
                "A context switch saves the state (context) of the process using the CPU and loads another's, handing it the CPU. One core runs one process at a time; switching very quickly makes many processes seem to run at once.",
            ]) }
            { switch::context_switch(lang) }
            { heading(lang, ["단계별로", "Step by step"]) }
            { steps(lang, &[
                ["프로세스 A가 실행 중에 인터럽트나 시스템 콜이 일어나 커널로 들어갑니다.", "Process A is running when an interrupt or a system call enters the kernel."],
                ["운영체제가 A의 PC와 레지스터를 PCB A에 저장합니다.", "The OS saves A's program counter and registers into PCB A."],
                ["스케줄러가 B를 고르고, 디스패처가 PCB B의 상태를 CPU에 적재합니다.", "The scheduler picks B and the dispatcher loads PCB B's state into the CPU."],
                ["B가 멈췄던 곳부터 실행됩니다. 그동안 A는 쉽니다.", "B resumes where it stopped; meanwhile A is idle."],
                ["B 실행 중에 다시 인터럽트나 시스템 콜이 일어나면 B를 PCB B에 저장하고 PCB A를 적재합니다.", "When an interrupt or system call interrupts B, B is saved into PCB B and PCB A is loaded."],
                ["A가 멈췄던 곳부터 다시 실행됩니다.", "A resumes exactly where it left off."],
            ]) }
            { heading(lang, ["인터럽트", "Interrupts"]) }
            { para(lang, [
                "인터럽트는 장치(타이머, 디스크, 키보드)나 프로그램(시스템 콜, 0으로 나누기 같은 예외)이 CPU에 '지금 처리할 일이 있다'고 알리는 신호입니다. CPU는 현재 작업을 멈추고 상태를 저장한 뒤 처리하고, 끝나면 원래 작업으로 돌아갑니다.",
                "An interrupt is a signal from a device (timer, disk, keyboard) or from a program (a system call, an exception such as division by zero) telling the CPU something needs handling now. The CPU stops, saves its state, handles it, and then returns to what it was doing.",
            ]) }
            { terms(lang, &[
                (["인터럽트 벡터 테이블 (IVT)", "Interrupt vector table (IVT)"], [
                    "인터럽트 번호마다 처리 루틴의 주소를 적어 둔 표. CPU는 번호로 표를 찾아 바로 그 루틴으로 점프합니다.",
                    "A table holding, for each interrupt number, the address of its handler. The CPU indexes it by number and jumps straight there.",
                ]),
                (["인터럽트 서비스 루틴 (ISR)", "Interrupt service routine (ISR)"], [
                    "한 종류의 인터럽트를 처리하는 커널 코드. 예를 들어 타이머 ISR은 퀀텀이 끝났는지 확인하고 스케줄러를 부릅니다.",
                    "The kernel code that handles one kind of interrupt. The timer's ISR, for instance, checks whether the quantum has run out and calls the scheduler.",
                ]),
            ]) }
            { heading(lang, ["유휴 시간", "Idle time"]) }
            { para(lang, [
                "준비된 프로세스가 하나도 없으면(모두 I/O를 기다리는 중이면) CPU는 할 일 없이 쉽니다. 이것이 유휴 시간이며, 운영체제는 보통 이때 유휴 프로세스를 실행합니다. 저장·적재하는 동안의 전환 시간도 유용한 일을 하지 못하는 시간입니다.",
                "When no process is ready (all are waiting for I/O), the CPU has nothing to do: that is idle time, and the OS usually runs an idle process then. The time spent saving and loading during a switch is also time with no useful work.",
            ]) }
            { heading(lang, ["문맥 교환과 캐시 미스", "Context switches and cache misses"]) }
            { para(lang, [
                "캐시 미스는 CPU가 찾는 데이터가 캐시에 없어 느린 메모리에서 가져와야 하는 것입니다. 전환 직후 캐시에는 이전 프로세스의 데이터가 남아 있으므로, 새 프로세스는 한동안 캐시 미스를 많이 겪습니다. 주소 공간이 바뀌면 TLB(주소 변환 캐시)도 비워야 할 수 있습니다. 이 간접 비용은 레지스터 저장·적재보다 클 때가 많습니다.",
                "A cache miss happens when the data the CPU wants is not in the cache and must come from slower memory. Right after a switch the cache still holds the previous process's data, so the new process suffers many misses for a while; a change of address space may also flush the TLB (the address-translation cache). This indirect cost often exceeds saving and loading the registers.",
            ]) }
            { heading(lang, ["스레드 전환이 더 싼 이유", "Why a thread switch is cheaper"]) }
            { para(lang, [
                "같은 프로세스의 스레드들은 스택을 뺀 코드·데이터·힙을 공유하고 주소 공간도 같습니다. 그래서 스레드 전환은 레지스터, PC, 스택 포인터만 바꾸면 되고, 주소 공간과 TLB를 바꿀 필요가 없으며 공유 데이터가 캐시에 남아 있습니다. 프로세스 전환보다 빠르고 캐시 미스도 적습니다.",
                "Threads of one process share code, data and heap, everything but their stacks, and the same address space. A thread switch changes only the registers, PC and stack pointer; the address space and TLB stay, and the shared data stays warm in the cache. It is faster than a process switch and causes fewer cache misses.",
            ]) }
        </>
    }
}
