//! The topics of the course, in reading order, with their slugs, titles and one-line summaries.

use super::words::{tr, Pair};
use proclab_app::i18n::Lang;

/// One page of the Learn section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Os,
    Process,
    States,
    Dispatcher,
    Algorithms,
    Pcb,
    ContextSwitch,
    Threads,
    Multi,
    Ipc,
    Sync,
    ProcessVsThread,
    Glossary,
}

impl Topic {
    /// Every page in reading order; the glossary comes last.
    pub const ALL: [Topic; 13] = [
        Topic::Os,
        Topic::Process,
        Topic::States,
        Topic::Dispatcher,
        Topic::Algorithms,
        Topic::Pcb,
        Topic::ContextSwitch,
        Topic::Threads,
        Topic::Multi,
        Topic::Ipc,
        Topic::Sync,
        Topic::ProcessVsThread,
        Topic::Glossary,
    ];

    /// The path segment after `/learn/`.
    pub fn slug(self) -> &'static str {
        match self {
            Topic::Os => "os",
            Topic::Process => "process",
            Topic::States => "states",
            Topic::Dispatcher => "dispatcher",
            Topic::Algorithms => "algorithms",
            Topic::Pcb => "pcb",
            Topic::ContextSwitch => "context-switch",
            Topic::Threads => "threads",
            Topic::Multi => "multi",
            Topic::Ipc => "ipc",
            Topic::Sync => "sync",
            Topic::ProcessVsThread => "process-vs-thread",
            Topic::Glossary => "glossary",
        }
    }

    /// The topic with this slug.
    pub fn from_slug(slug: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|topic| topic.slug() == slug)
    }

    fn position(self) -> usize {
        Topic::ALL
            .iter()
            .position(|topic| *topic == self)
            .unwrap_or_default()
    }

    /// The topic's number in the course (1 to 12); `None` for the glossary.
    pub fn number(self) -> Option<usize> {
        (self != Topic::Glossary).then_some(self.position() + 1)
    }

    /// The page before this one.
    pub fn previous(self) -> Option<Topic> {
        self.position()
            .checked_sub(1)
            .map(|index| Topic::ALL[index])
    }

    /// The page after this one.
    pub fn next(self) -> Option<Topic> {
        Topic::ALL.get(self.position() + 1).copied()
    }

    fn title_pair(self) -> Pair {
        match self {
            Topic::Os => ["운영체제가 하는 일과 구조", "What an operating system does"],
            Topic::Process => [
                "프로그램과 프로세스, 메모리 구조",
                "Program, process and memory layout",
            ],
            Topic::States => [
                "프로세스의 상태와 스케줄링 시점",
                "Process states and scheduling moments",
            ],
            Topic::Dispatcher => [
                "디스패처와 디스패치 지연",
                "The dispatcher and dispatch latency",
            ],
            Topic::Algorithms => ["CPU 스케줄링 알고리즘", "CPU scheduling algorithms"],
            Topic::Pcb => [
                "프로세스 제어 블록 (PCB)",
                "The process control block (PCB)",
            ],
            Topic::ContextSwitch => ["문맥 교환과 인터럽트", "Context switches and interrupts"],
            Topic::Threads => [
                "스레드: 커널 수준과 사용자 수준",
                "Threads: kernel-level and user-level",
            ],
            Topic::Multi => [
                "멀티프로그래밍·멀티태스킹·멀티프로세싱·멀티스레딩",
                "Multiprogramming, multitasking, multiprocessing, multithreading",
            ],
            Topic::Ipc => [
                "프로세스 간 통신 (IPC)",
                "Inter-process communication (IPC)",
            ],
            Topic::Sync => [
                "동기화: 경쟁 조건, 뮤텍스, 세마포어, 교착 상태",
                "Synchronization: races, mutexes, semaphores, deadlock",
            ],
            Topic::ProcessVsThread => [
                "멀티 프로세스와 멀티 스레드 비교",
                "Multi-process vs multi-thread",
            ],
            Topic::Glossary => ["용어집", "Glossary"],
        }
    }

    /// The page title.
    pub fn title(self, lang: Lang) -> &'static str {
        tr(lang, self.title_pair())
    }

    fn summary_pair(self) -> Pair {
        match self {
            Topic::Os => [
                "CPU·메모리·파일·입출력 장치를 관리하는 운영체제와, 사용자에서 하드웨어까지의 계층.",
                "The OS manages the CPU, memory, files and I/O devices; the layers from user to hardware.",
            ],
            Topic::Process => [
                "정적인 프로그램과 실행 중인 프로세스의 차이, 코드·데이터·BSS·힙·스택.",
                "A static program versus a running process; code, data, BSS, heap and stack.",
            ],
            Topic::States => [
                "생성·준비·실행·대기·종료 상태와 상태 전이, 선점형과 비선점형을 가르는 스케줄링 시점.",
                "New, ready, running, blocked, exit; the moments that make a scheduler preemptive.",
            ],
            Topic::Dispatcher => [
                "스케줄러가 고른 프로세스에 CPU를 넘겨주는 디스패처와 그 비용.",
                "The dispatcher hands the CPU to the chosen process, and what that costs.",
            ],
            Topic::Algorithms => [
                "FCFS, SJF, SRTF, 우선순위, HRRN, RR, 다단계 큐, 다단계 피드백 큐가 프로세스를 고르는 규칙과 장단점.",
                "FCFS, SJF, SRTF, priority, HRRN, RR, multilevel and feedback queues: rules, strengths, weaknesses.",
            ],
            Topic::Pcb => [
                "운영체제가 프로세스를 관리하려고 만드는 자료 구조와 그 필드.",
                "The structure by which the OS represents a process, field by field.",
            ],
            Topic::ContextSwitch => [
                "상태를 PCB에 저장하고 적재하는 과정, 인터럽트, 유휴 시간, 캐시 미스, 스레드 전환의 비용이 더 적은 이유.",
                "Save into one PCB, load from another; interrupts, idle time, cache misses, why thread switches cost less.",
            ],
            Topic::Threads => [
                "프로그램 카운터, 레지스터, 스택은 각자 갖고 코드, 데이터, 힙, 열린 파일은 공유하는 실행 흐름, 그리고 일대일 모델과 다대일 모델.",
                "Flows of execution with their own PC, registers and stack, sharing code, data, heap and open files; one-to-one and many-to-one models.",
            ],
            Topic::Multi => [
                "네 가지 '멀티'의 뜻과 동시성·병렬성의 차이.",
                "What the four \"multi\" words mean, and concurrency versus parallelism.",
            ],
            Topic::Ipc => [
                "파이프, 명명된 파이프, 메시지 큐, 공유 메모리, 소켓, 메모리 맵: 누가 누구와 통신하고 언제 막히는지.",
                "Pipes, named pipes, message queues, shared memory, sockets, memory maps: who talks, what blocks.",
            ],
            Topic::Sync => [
                "공유 데이터를 함께 쓸 때 생기는 경쟁 조건과 그 해결책, 교착 상태의 네 가지 조건.",
                "Races on shared data, the tools that prevent them, and the four conditions of deadlock.",
            ],
            Topic::ProcessVsThread => [
                "메모리, 비용, 통신, 안정성의 비교와 시뮬레이터로 확인하는 전환 비용.",
                "Memory, cost, communication and isolation side by side, with the switch cost simulated.",
            ],
            Topic::Glossary => [
                "한국어·영어 용어와 한 줄 설명.",
                "Korean and English terms, one line each.",
            ],
        }
    }

    /// One line saying what the page covers.
    pub fn summary(self, lang: Lang) -> &'static str {
        tr(lang, self.summary_pair())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    fn slugs_round_trip_and_pages_chain_in_order() {
        for (index, topic) in Topic::ALL.into_iter().enumerate() {
            assert_eq!(Topic::from_slug(topic.slug()), Some(topic));
            assert_eq!(
                topic.previous(),
                index.checked_sub(1).map(|i| Topic::ALL[i])
            );
            assert_eq!(topic.next(), Topic::ALL.get(index + 1).copied());
            for lang in [Lang::Ko, Lang::En] {
                assert!(!topic.title(lang).is_empty() && !topic.summary(lang).is_empty());
            }
        }
        assert_eq!(Topic::Sync.number(), Some(11));
        assert_eq!(Topic::Glossary.number(), None);
        assert_eq!(Topic::from_slug("nope"), None);
    }
}
