//! Topic 10: the six IPC mechanisms, who talks to whom through each, and what blocks.

use crate::learn::diagrams::ipc::{channel, Channel};
use crate::learn::words::{heading, para, terms, tr, Pair};
use proclab_app::i18n::Lang;
use yew::prelude::*;

struct Mechanism {
    name: Pair,
    channel: Channel,
    who: Pair,
    blocks: Pair,
}

const PARENT: Pair = ["부모 프로세스", "parent process"];
const CHILD: Pair = ["자식 프로세스", "child process"];
const A: Pair = ["프로세스 A", "process A"];
const B: Pair = ["프로세스 B", "process B"];
const C: Pair = ["프로세스 C", "process C"];

const MECHANISMS: [Mechanism; 6] = [
    Mechanism {
        name: ["익명 파이프", "Anonymous pipe"],
        channel: Channel {
            id: "ipc-pipe",
            left: &[PARENT],
            middle: [["파이프 (커널 버퍼)", "pipe (kernel buffer)"], ["쓰기 → 읽기", "write → read"]],
            right: &[CHILD],
            two_way: false,
            waits: ["비면 읽는 쪽이, 차면 쓰는 쪽이 대기", "empty: the reader waits · full: the writer waits"],
            takeaway: ["익명 파이프: 부모가 쓰고 자식이 읽는 한 방향 통로입니다. 이름이 없으므로 파이프를 물려받은 관련 프로세스끼리만 사용할 수 있습니다.", "Anonymous pipe: a one-way channel, the parent writes and the child reads. It has no name, so only related processes that inherit it can use it."],
        },
        who: ["부모와 자식처럼 파이프를 물려받은 관련 프로세스끼리 통신합니다. 데이터가 한 방향으로만 흐르므로(단방향) 양방향으로 주고받으려면 파이프가 두 개 필요합니다. (반이중은 양쪽으로 흐르되 한 번에 한 방향만 흐르는 것입니다.)", "Related processes that inherit the pipe, such as parent and child. One direction only (unidirectional): two-way talk needs two pipes. (Half-duplex is two-way, one direction at a time.)"],
        blocks: ["파이프가 비어 있으면 읽는 쪽이, 가득 차 있으면 쓰는 쪽이 막힙니다. 쓰는 쪽이 파이프를 모두 닫은 뒤에는 읽는 쪽이 기다리지 않고 곧바로 파일의 끝(EOF)을 받습니다.", "A reader blocks while the pipe is empty; a writer blocks while it is full. Once every writer has closed the pipe, a reader no longer waits: it gets end-of-file at once."],
    },
    Mechanism {
        name: ["명명된 파이프 (FIFO)", "Named pipe (FIFO)"],
        channel: Channel {
            id: "ipc-fifo",
            left: &[A],
            middle: [["/tmp/myfifo", "/tmp/myfifo"], ["파일 시스템의 이름", "a name in the file system"]],
            right: &[B],
            two_way: false,
            waits: ["open은 반대쪽이 열릴 때까지 대기", "open waits until the other end opens"],
            takeaway: ["명명된 파이프: 파일 시스템에 이름이 있으므로 서로 관련 없는 프로세스 A와 B도 그 이름으로 파이프를 열어 한 방향으로 데이터를 주고받습니다.", "Named pipe: it has a name in the file system, so unrelated processes A and B meet through that name and pass data one way."],
        },
        who: ["이름을 아는 프로세스라면 부모-자식 관계가 아니어도 사용할 수 있습니다. 양쪽이 읽고 쓸 수 있지만 한 번에 한 방향으로만 흐릅니다(반이중). 보통은 방향마다 FIFO를 하나씩 씁니다.", "Any processes that know the name, related or not. Both sides may read and write, but data flows one way at a time (half-duplex); two-way talk usually uses one FIFO each way."],
        blocks: ["반대쪽 끝이 열릴 때까지 open이 막히고, 그 뒤에는 익명 파이프와 똑같이 동작합니다.", "Opening blocks until the other end is opened too; after that, as an anonymous pipe."],
    },
    Mechanism {
        name: ["메시지 큐", "Message queue"],
        channel: Channel {
            id: "ipc-queue",
            left: &[A, B],
            middle: [["메시지 큐 (커널)", "message queue (kernel)"], ["[m3][m2][m1] →", "[m3][m2][m1] →"]],
            right: &[C],
            two_way: false,
            waits: ["비면 받는 쪽이, 차면 보내는 쪽이 대기", "empty: receivers wait · full: senders wait"],
            takeaway: ["메시지 큐: 여러 프로세스가 커널의 큐에 메시지를 넣고, 받는 쪽은 메시지 단위로 꺼냅니다.", "Message queue: several processes put messages into a queue kept by the kernel, and a receiver takes them out one message at a time."],
        },
        who: ["큐의 식별자를 아는 프로세스라면 여럿이 보내고 여럿이 받을 수 있습니다. 파이프가 경계 없는 바이트의 흐름이라면, 메시지 큐는 경계가 있는 메시지 단위로 데이터를 담습니다(메시지 종류별로 골라 받을 수도 있습니다).", "Any number of senders and receivers that know the queue's identifier. A pipe is a stream of bytes; a queue holds separate messages (which can be picked by type)."],
        blocks: ["큐가 비어 있으면 받는 쪽이, 가득 차 있으면 보내는 쪽이 막힙니다 (막히지 않는 모드로 쓸 수도 있습니다).", "A receiver blocks on an empty queue, a sender on a full one (unless non-blocking mode is asked for)."],
    },
    Mechanism {
        name: ["공유 메모리", "Shared memory"],
        channel: Channel {
            id: "ipc-shm",
            left: &[A],
            middle: [["공유 메모리 영역", "shared memory region"], ["두 주소 공간에 매핑", "mapped into both"]],
            right: &[B],
            two_way: true,
            waits: ["아무도 자동으로 막히지 않음: 동기화는 직접", "nobody is blocked for you: synchronize yourself"],
            takeaway: ["공유 메모리: 같은 물리 메모리가 A와 B의 주소 공간에 모두 매핑되어 커널을 거치지 않고 직접 읽고 씁니다.", "Shared memory: the same physical memory is mapped into both A's and B's address spaces; they read and write it directly, without the kernel."],
        },
        who: ["공유 메모리 영역을 자신의 주소 공간에 붙인(attach) 프로세스들입니다. 한 번 설정한 뒤에는 커널을 거치지 않고 데이터 복사도 없어서, 메시지를 주고받는 방식보다 빠를 수 있습니다(동기화 비용은 따로 듭니다).", "The processes that attached the region. After setup there is no kernel call and no copy, so it can be faster than message passing (the synchronization it needs costs extra)."],
        blocks: ["공유 메모리 자체로는 아무도 막히지 않습니다. 그래서 동시에 고치지 않도록 세마포어나 뮤텍스로 직접 동기화해야 합니다.", "Nothing blocks by itself, which is why the processes must synchronize with a semaphore or mutex."],
    },
    Mechanism {
        name: ["소켓", "Socket"],
        channel: Channel {
            id: "ipc-socket",
            left: &[["호스트 1의 A", "A on host 1"]],
            middle: [["네트워크 (TCP/UDP)", "network (TCP/UDP)"], ["또는 같은 컴퓨터 안", "or within one machine"]],
            right: &[["호스트 2의 B", "B on host 2"]],
            two_way: true,
            waits: ["recv는 데이터가, accept는 연결이 올 때까지 대기", "recv waits for data, accept for a connection"],
            takeaway: ["소켓: 두 끝점 사이의 양방향 통신입니다. 네트워크를 통해 다른 컴퓨터의 프로세스와도 데이터를 주고받습니다.", "Socket: two-way communication between two endpoints, even with a process on another machine across the network."],
        },
        who: ["주소(IP 주소와 포트, 또는 로컬 경로)로 연결된 두 끝점입니다. 양방향이며, 다른 컴퓨터와도 통신할 수 있습니다. 스트림 소켓(TCP)은 양방향 파이프처럼 동작합니다: 방향마다 파이프가 하나씩 있는 것과 같아서, 아래 파이프 예제의 막힘과 파일 끝이 그대로 적용됩니다. 데이터그램 소켓(UDP)은 메시지 큐처럼 메시지 단위로 오가며, 연결도 파일 끝도 없습니다.", "Two endpoints joined by an address (IP and port, or a local path). Two-way, across machines too. A stream socket (TCP) behaves as a two-way pipe, one pipe each way: the blocking and end-of-file of the pipe example below apply as they are. A datagram socket (UDP) carries separate messages, as a message queue does, with no connection and no end-of-file."],
        blocks: ["accept는 연결이 들어올 때까지, recv는 데이터가 도착할 때까지 막힙니다. send는 송신 버퍼가 가득 차 있으면 빈 자리가 생길 때까지 막힙니다.", "accept blocks until a connection arrives and recv until data arrives; send blocks while the send buffer is full, until there is room."],
    },
    Mechanism {
        name: ["메모리 맵", "Memory map"],
        channel: Channel {
            id: "ipc-mmap",
            left: &[A, B],
            middle: [["매핑된 파일 페이지", "mapped file pages"], ["(메모리)", "(in memory)"]],
            right: &[["디스크의 파일", "file on disk"]],
            two_way: true,
            waits: ["없는 페이지는 디스크에서 읽을 때까지 대기", "a page not in memory waits for the disk"],
            takeaway: ["메모리 맵: 열린 파일을 메모리에 매핑해 A와 B가 같은 페이지를 공유하고, 변경 내용은 파일에 반영됩니다.", "Memory map: an open file is mapped into memory, A and B share the same pages, and changes reach the file."],
        },
        who: ["같은 파일을 공유 모드로 매핑한 프로세스들입니다. 메모리 맵 파일은 파일이 뒤에 있는 공유 메모리입니다: 아래 공유 메모리 예제처럼 경쟁하고, 내용은 파일에 남습니다.", "Processes that map the same file in shared mode. A memory-mapped file is shared memory backed by a file: it races as in the shared memory examples below, and the data persists in the file."],
        blocks: ["아직 메모리에 올라오지 않은 페이지에 접근하면 디스크에서 읽어 올 때까지 막힙니다 (페이지 폴트). 동기화는 공유 메모리처럼 직접 해야 합니다.", "Touching a page not yet in memory blocks until it is read from disk (a page fault). Synchronization is up to the processes, as with shared memory."],
    },
];

pub fn ipc(lang: Lang) -> Html {
    html! {
        <>
            { para(lang, [
                "프로세스는 각자 독립된 주소 공간을 가지므로 서로의 변수를 읽을 수 없습니다. 데이터를 주고받으려면 운영체제가 제공하는 프로세스 간 통신(IPC)을 사용해야 합니다. 파이프와 메시지 큐는 커널을 거쳐 데이터를 전달하고, 공유 메모리와 메모리 맵은 메모리 영역 자체를 공유합니다.",
                "Processes have separate address spaces and cannot read each other's variables. To exchange data they use the inter-process communication (IPC) the OS provides. Pipes and message queues pass data through the kernel; shared memory and memory maps share a region of memory itself.",
            ]) }
            { for MECHANISMS.iter().map(|mechanism| html! {
                <section class="mechanism">
                    <h3>{ tr(lang, mechanism.name) }</h3>
                    { channel(lang, &mechanism.channel) }
                    <dl class="terms">
                        <dt>{ tr(lang, ["누가 누구와 통신하나", "Who talks to whom"]) }</dt>
                        <dd>{ tr(lang, mechanism.who) }</dd>
                        <dt>{ tr(lang, ["무엇이 막히나", "What blocks"]) }</dt>
                        <dd>{ tr(lang, mechanism.blocks) }</dd>
                    </dl>
                </section>
            }) }
            { heading(lang, ["메시지 전달을 설계할 때 고르는 것", "Choices in designing message passing"]) }
            { terms(lang, &[
                (["이름 붙이기: 직접과 간접", "Naming: direct or indirect"], [
                    "직접 통신은 send(P, 메시지)처럼 받는 프로세스를 이름으로 부릅니다. 간접 통신은 메일박스(포트)에 보내고 그 메일박스에서 받습니다. 메시지 큐가 간접 통신이며, 여러 프로세스가 같은 메일박스를 쓸 수 있습니다.",
                    "Direct communication names the other process (send(P, message)); indirect communication sends to and receives from a mailbox (a port). A message queue is indirect, and several processes may share one mailbox.",
                ]),
                (["동기화: 막힘과 막히지 않음", "Synchronization: blocking or non-blocking"], [
                    "막히는 send는 메시지가 받아질 때까지(또는 버퍼에 들어갈 때까지) 기다리고, 막히는 receive는 메시지가 올 때까지 기다립니다. 막히지 않는 쪽은 곧바로 돌아옵니다. 둘 다 막히는 경우를 랑데부라고 합니다.",
                    "A blocking send waits until the message is received (or buffered), a blocking receive until a message arrives; a non-blocking one returns at once. Both blocking is called a rendezvous.",
                ]),
                (["버퍼: 0, 유한, 무한", "Buffering: zero, bounded or unbounded"], [
                    "용량이 0이면 보내는 쪽은 받는 쪽이 받을 때까지 기다립니다. 유한하면 가득 찼을 때만 기다리고(이 시뮬레이터의 파이프와 큐), 무한하면 보내는 쪽은 기다리지 않습니다.",
                    "With zero capacity the sender waits until the receiver takes the message; with a bounded one it waits only when the buffer is full (this simulator's pipes and queues); with an unbounded one it never waits.",
                ]),
            ]) }
            { para(lang, [
                "어떤 IPC를 쓰든 여러 프로세스가 같은 자원에 접근한다면 동기화가 필요합니다. 한 번에 하나의 프로세스만 접근하게 하려면 뮤텍스나 세마포어를 씁니다.",
                "Whatever the IPC, processes touching the same resource need synchronization: a mutex or semaphore lets one in at a time.",
            ]) }
        </>
    }
}
