//! Topics 3, 4 and 6: the process states, the dispatcher, and the PCB.

use crate::learn::diagrams::{os, states, switch};
use crate::learn::words::{bullets, heading, para, steps, terms, tr};
use proclab_app::i18n::Lang;
use yew::prelude::*;

pub fn states(lang: Lang) -> Html {
    html! {
        <>
            { states::states(lang) }
            { heading(lang, ["다섯 가지 상태", "The five states"]) }
            { terms(lang, &[
                (["생성 (New)", "New"], [
                    "프로그램이 메모리에 적재되고 운영체제가 PCB를 만드는 중인 상태입니다.",
                    "The program is being loaded and the OS is creating its PCB.",
                ]),
                (["준비 (Ready)", "Ready"], [
                    "CPU만 할당받으면 바로 실행할 수 있는 상태로, PCB가 준비 큐에서 차례를 기다립니다. 준비 큐에서 다음에 꺼낼 프로세스는 CPU 스케줄러가 결정합니다.",
                    "Could run if it had a CPU; its PCB waits in the ready queue. The CPU scheduler decides who comes out next.",
                ]),
                (["실행 (Running)", "Running"], [
                    "CPU를 할당받아 명령어를 실행하는 상태입니다. 시분할 시스템에서는 타임 슬라이스(퀀텀)가 끝나면 타이머 인터럽트가 발생해 준비 상태로 돌아갑니다.",
                    "Has a CPU and executes instructions. In a time-sharing system a timer interrupt sends it back to ready when its time slice (quantum) ends.",
                ]),
                (["대기 (Blocked)", "Blocked (waiting)"], [
                    "I/O나 다른 이벤트가 끝나기를 기다리는 상태입니다. CPU를 할당받아도 할 일이 없으므로 준비 큐에 들어 있지 않습니다.",
                    "Waits for I/O or another event. A CPU would be useless to it, so it is not in the ready queue.",
                ]),
                (["종료 (Exit)", "Exit (terminated)"], [
                    "실행을 마친 상태입니다. 운영체제가 프로세스의 메모리와 PCB를 회수합니다.",
                    "Has finished. The OS reclaims its memory and its PCB.",
                ]),
            ]) }
            { para(lang, [
                "I/O가 끝난 프로세스는 곧바로 실행 상태가 되지 않고 준비 상태로 돌아갑니다. 그 순간 다른 프로세스가 CPU를 쓰고 있을 수 있기 때문입니다.",
                "A process whose I/O completes goes to ready, not straight to running: another process may be using the CPU at that moment.",
            ]) }
            { heading(lang, ["스케줄링 결정이 일어나는 네 시점", "The four moments of a scheduling decision"]) }
            { steps(lang, &[
                ["실행 → 대기: I/O를 요청하거나 이벤트를 기다리기 시작할 때", "Running → blocked: the process requests I/O or waits for an event"],
                ["실행 → 준비: 인터럽트(예: 타이머 인터럽트)가 발생했을 때", "Running → ready: an interrupt (a timer, say) occurs"],
                ["대기 → 준비: I/O가 끝났을 때", "Blocked → ready: its I/O completes"],
                ["프로세스가 종료될 때", "The process exits"],
            ]) }
            { para(lang, [
                "①과 ④에서는 CPU가 비므로 반드시 새 프로세스를 골라야 합니다. 이 두 시점에만 스케줄링하는 방식이 비선점형(협력형)입니다. ②나 ③에서도 실행 중인 프로세스로부터 CPU를 빼앗을 수 있으면 선점형입니다.",
                "At ① and ④ the CPU becomes free, so a new process must be chosen. A scheduler that decides only then is non-preemptive (cooperative). One that may also take the CPU away at ② or ③ is preemptive.",
            ]) }
            { bullets(lang, &[
                [
                    "선점형: 실행 시간이 긴 프로세스가 CPU를 독점하지 못하게 하고 응답이 빠르지만, 문맥 교환이 잦아 오버헤드가 커지고 공유 데이터를 보호해야 합니다.",
                    "Preemptive: no process can monopolize the CPU and response is quick, but switches are more frequent (overhead) and shared data needs protection.",
                ],
                [
                    "비선점형: 꼭 필요한 문맥 교환만 일어나 오버헤드가 적지만, 긴 작업 뒤에 있는 짧은 작업이 오래 기다릴 수 있습니다.",
                    "Non-preemptive: only necessary switches, so little overhead, but short jobs can wait long behind a long one.",
                ],
            ]) }
        </>
    }
}

pub fn dispatcher(lang: Lang) -> Html {
    html! {
        <>
            { para(lang, [
                "CPU 스케줄러는 준비 큐에서 다음에 실행할 프로세스를 고르고, 디스패처는 그 프로세스에 실제로 CPU 제어권을 넘겨줍니다.",
                "The CPU scheduler picks the next process from the ready queue; the dispatcher is the module that actually gives that process control of the CPU.",
            ]) }
            { heading(lang, ["디스패처가 하는 일", "What the dispatcher does"]) }
            { steps(lang, &[
                ["이전 프로세스의 레지스터를 그 프로세스의 PCB에 저장하고, 새 프로세스의 레지스터를 새 프로세스의 PCB에서 적재합니다 (문맥 교환).", "Saves the old process's registers into its PCB and loads the new one's from its PCB (the context switch)."],
                ["커널 모드에서 사용자 모드로 전환합니다.", "Switches from kernel mode to user mode."],
                ["새 프로세스가 멈췄던 위치(프로그램 카운터)로 분기해 실행을 이어 갑니다.", "Jumps to the place where the new process left off (its program counter) so it resumes there."],
            ]) }
            { heading(lang, ["디스패치 지연", "Dispatch latency"]) }
            { switch::dispatch(lang) }
            { para(lang, [
                "디스패처가 한 프로세스를 멈추고 다른 프로세스를 시작하기까지 걸리는 시간을 디스패치 지연이라고 합니다. 이 시간 동안에는 어느 프로세스의 일도 진행되지 않으므로 순수한 오버헤드이며, 디스패처는 문맥 교환 때마다 실행되므로 최대한 빨라야 합니다.",
                "Dispatch latency is the time the dispatcher takes to stop one process and start another. No process makes progress during it: it is pure overhead, and since the dispatcher runs at every switch it must be as fast as possible.",
            ]) }
            <p class="hint">{ tr(lang, [
                "시뮬레이터의 '머신 설정'에서 디스패치 지연을 틱 단위로 정할 수 있습니다. 간트 차트에는 전환 구간으로 표시됩니다.",
                "In the simulator, the machine settings set the dispatch latency in ticks; the Gantt chart shows it as switch slices.",
            ]) }</p>
        </>
    }
}

pub fn pcb(lang: Lang) -> Html {
    html! {
        <>
            { para(lang, [
                "PCB(프로세스 제어 블록)는 운영체제가 프로세스 하나를 관리하는 데 필요한 정보를 모아 둔 자료 구조입니다. 운영체제에게는 PCB가 곧 프로세스이며, 프로세스가 생성될 때 만들어지고 종료되면 삭제됩니다. PCB는 커널의 보호된 메모리 영역에 있습니다.",
                "The PCB (process control block) is the structure in which the OS keeps everything it needs to manage one process. To the OS the PCB is the process: it is created with the process and removed when the process ends, and it lives in the kernel's protected memory.",
            ]) }
            { heading(lang, ["PCB의 필드", "The fields of a PCB"]) }
            <div class="side-by-side">
            { os::pcb(lang) }
            { terms(lang, &[
                (["프로세스 ID (PID)", "Process ID (PID)"], ["프로세스를 구별하는 고유 번호입니다.", "A unique number identifying the process."]),
                (["프로세스 상태", "Process state"], ["생성, 준비, 실행, 대기, 종료 중 현재 상태입니다.", "New, ready, running, blocked or exit."]),
                (["프로그램 카운터 (PC)", "Program counter (PC)"], ["다음에 실행할 명령어의 주소입니다. 다시 실행될 때 이 주소부터 이어 갑니다.", "The address of the next instruction; execution resumes there."]),
                (["CPU 레지스터", "CPU registers"], ["누산기, 인덱스 레지스터, 스택 포인터 등입니다. 실행이 중단될 때 저장하고, 다시 실행될 때 복원합니다.", "Accumulators, index registers, the stack pointer...: saved when the process is interrupted and restored when it resumes."]),
                (["CPU 스케줄링 정보", "CPU-scheduling information"], ["우선순위, 스케줄링 큐를 가리키는 포인터, 마지막으로 실행된 시각, 사용한 CPU 시간 등입니다.", "Priority, pointers into scheduling queues, when it last ran, CPU time used..."]),
                (["메모리 관리 정보", "Memory-management information"], ["베이스·한계 레지스터나 페이지 테이블처럼 프로세스의 메모리가 어디에 있는지 알려 주는 정보입니다.", "Where the process's memory is: base and limit registers, or page tables."]),
                (["계정 정보", "Accounting information"], ["사용한 CPU 시간, 프로세스를 실행한 사용자, 시간 제한 등입니다.", "CPU time used, the owning user, time limits..."]),
                (["입출력 상태 정보", "I/O status information"], ["프로세스에 할당된 입출력 장치와 열린 파일의 목록입니다.", "The I/O devices allocated to the process and its open files."]),
                (["포인터", "Pointers"], ["부모·자식 프로세스와 같은 큐에 있는 다음 PCB를 가리키는 포인터입니다.", "Links to the parent and children, and to the next PCB in the same queue."]),
            ]) }
            </div>
            <p class="hint">{ tr(lang, [
                "시뮬레이터의 '기계가 실행되는 모습 보기'에는 매 틱의 PCB 내용을 보여 주는 검사기가 있습니다.",
                "The simulator's \"Watch the machine run\" view has an inspector showing each PCB at any tick.",
            ]) }</p>
        </>
    }
}
