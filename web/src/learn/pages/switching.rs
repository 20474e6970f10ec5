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
                ["프로세스 A가 실행되는 중에 인터럽트나 시스템 콜이 일어나 커널로 진입합니다.", "Process A is running when an interrupt or a system call enters the kernel."],
                ["운영체제가 A의 PC와 레지스터를 PCB A에 저장합니다.", "The OS saves A's program counter and registers into PCB A."],
                ["스케줄러가 B를 고르고, 디스패처가 PCB B의 상태를 CPU에 적재합니다.", "The scheduler picks B and the dispatcher loads PCB B's state into the CPU."],
                ["B가 멈췄던 곳부터 실행됩니다. 그동안 A는 준비 큐에서 차례를 기다립니다 (I/O를 요청해서 CPU를 내놓았다면 대기 상태입니다).", "B resumes where it stopped; meanwhile A waits in the ready queue for its turn (or is blocked, if it gave up the CPU to wait for I/O)."],
                ["B가 실행되는 중에 다시 인터럽트나 시스템 콜이 일어나면, B의 상태를 PCB B에 저장하고 PCB A를 적재합니다.", "When an interrupt or a system call stops B, B is saved into PCB B and PCB A is loaded."],
                ["A가 멈췄던 곳부터 다시 실행됩니다.", "A resumes exactly where it left off."],
            ]) }
            { heading(lang, ["인터럽트", "Interrupts"]) }
            { para(lang, [
                "인터럽트는 장치(타이머, 디스크, 키보드)나 프로그램(시스템 콜, 0으로 나누기 같은 예외)이 CPU에 지금 처리해야 할 일이 생겼음을 알리는 신호입니다. CPU는 하던 일을 멈추고 상태를 저장한 뒤 인터럽트를 처리하고, 처리가 끝나면 하던 일로 돌아갑니다.",
                "An interrupt is a signal from a device (timer, disk, keyboard) or from a program (a system call, an exception such as division by zero) telling the CPU something needs handling now. The CPU stops, saves its state, handles it, and then returns to what it was doing.",
            ]) }
            { terms(lang, &[
                (["인터럽트 벡터 테이블 (IVT)", "Interrupt vector table (IVT)"], [
                    "인터럽트 번호마다 처리 루틴의 주소를 적어 둔 표입니다. CPU는 인터럽트 번호로 표를 찾아 해당 루틴으로 바로 분기합니다.",
                    "A table holding, for each interrupt number, the address of its handler. The CPU indexes it by number and jumps straight there.",
                ]),
                (["인터럽트 서비스 루틴 (ISR)", "Interrupt service routine (ISR)"], [
                    "한 종류의 인터럽트를 처리하는 커널 코드입니다. 예를 들어 타이머 ISR은 퀀텀이 끝났는지 확인하고, 끝났으면 스케줄러를 호출합니다.",
                    "The kernel code that handles one kind of interrupt. The timer's ISR, for instance, checks whether the quantum has run out and calls the scheduler.",
                ]),
            ]) }
            { heading(lang, ["유휴 시간", "Idle time"]) }
            { para(lang, [
                "준비 상태인 프로세스가 하나도 없으면(모두 I/O를 기다리고 있으면) CPU는 할 일 없이 쉽니다. 이 시간이 유휴 시간이며, 운영체제는 보통 이때 유휴 프로세스를 실행합니다. 유휴 시간과는 다르지만, 문맥 교환으로 상태를 저장하고 적재하는 시간도 CPU가 유용한 일을 하지 못하는 시간입니다.",
                "When no process is ready (all are waiting for I/O), the CPU has nothing to do: that is idle time, and the OS usually runs an idle process then. Not idle time, but also without useful work: the time a context switch spends saving and loading state.",
            ]) }
            { heading(lang, ["문맥 교환과 캐시 미스", "Context switches and cache misses"]) }
            { para(lang, [
                "캐시 미스는 CPU가 찾는 데이터가 캐시에 없어 더 느린 메모리에서 가져와야 하는 상황입니다. CPU가 하나뿐이어도 문맥 교환은 캐시 미스를 부릅니다. 캐시는 작아서, B가 실행되는 동안 B의 코드와 데이터를 캐시에 채우면 그 자리에 있던 A의 데이터가 밀려납니다. 그래서 A가 다시 CPU를 받으면 자기 데이터를 메모리에서 다시 가져오느라 한동안 캐시 미스를 겪습니다. 주소 공간이 바뀌면 TLB(주소 변환 캐시)도 비워야 할 수 있습니다. 이런 간접 비용이 레지스터를 저장하고 적재하는 비용보다 클 때가 많습니다.",
                "A cache miss happens when the data the CPU wants is not in the cache and must come from slower memory. Even with one CPU, a context switch causes misses: the cache is small, so while B runs and fills it with B's code and data, A's lines are evicted. When A gets the CPU back, it misses for a while as it fetches its data from memory again. A change of address space may also flush the TLB (the address-translation cache). This indirect cost often exceeds saving and loading the registers.",
            ]) }
            { para(lang, [
                "여러 CPU가 있으면 캐시 미스가 생기는 경우가 하나 더 있습니다. 프로세스가 다른 CPU로 옮겨 가면(이주), 그 CPU의 캐시에는 자기 데이터가 전혀 없습니다. 그래서 스케줄러는 가능하면 프로세스를 전에 실행되던 CPU에서 다시 실행합니다 (캐시 친화성).",
                "With several CPUs there is a second way to miss: a process that moves to another CPU (migration) finds none of its data in that CPU's cache. That is why schedulers prefer to run a process again on the CPU it last ran on (cache affinity).",
            ]) }
            { heading(lang, ["스레드 전환의 비용이 더 적은 이유", "Why a thread switch costs less"]) }
            { para(lang, [
                "같은 프로세스의 스레드들은 코드·데이터·힙·열린 파일과 주소 공간을 공유하고, 스택·레지스터·PC는 각자 가집니다. 그래서 스레드 전환은 레지스터, PC, 스택 포인터만 바꾸면 되고, 주소 공간과 TLB는 그대로 둡니다. 공유하는 데이터는 형제 스레드가 실행되는 동안에도 캐시에 남아 있으므로 캐시 미스도 적습니다. 이런 이유로 스레드 전환은 프로세스 전환보다 빠릅니다.",
                "Threads of one process share code, data, heap, open files and the address space; each keeps its own stack, registers and PC. A thread switch changes only the registers, PC and stack pointer; the address space and TLB stay. The shared data stays in the cache while a sibling thread runs, so there are fewer cache misses too. That is why a thread switch is faster than a process switch.",
            ]) }
        </>
    }
}
