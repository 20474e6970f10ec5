//! The memory layout of a process as an interactive diagram: pick a segment to see what lives
//! there and whether its size is fixed at compile time; call functions and allocate to watch the
//! stack and the heap grow toward each other.

use super::{arrow, arrow_marker, figure, label};
use crate::learn::words::{tr, Pair};
use proclab_app::i18n::Lang;
use yew::prelude::*;

/// A segment of the address space, from high addresses to low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    Stack,
    Heap,
    Bss,
    Data,
    Code,
}

impl Segment {
    const ALL: [Segment; 5] = [
        Segment::Stack,
        Segment::Heap,
        Segment::Bss,
        Segment::Data,
        Segment::Code,
    ];

    fn name(self) -> Pair {
        match self {
            Segment::Stack => ["스택", "Stack"],
            Segment::Heap => ["힙", "Heap"],
            Segment::Bss => ["BSS", "BSS"],
            Segment::Data => ["데이터", "Data"],
            Segment::Code => ["코드 (텍스트)", "Code (text)"],
        }
    }

    fn holds(self) -> Pair {
        match self {
            Segment::Stack => [
                "함수를 호출할 때마다 스택 프레임(지역 변수, 매개변수, 복귀 주소)이 쌓이고, 함수가 반환되면 그 프레임이 사라집니다. 스택은 스레드마다 하나씩 있습니다.",
                "One frame per function call: local variables, parameters, the return address. A frame disappears when its function returns. Each thread has its own stack.",
            ],
            Segment::Heap => [
                "실행 중에 malloc이나 new로 할당받은 메모리입니다. free나 delete로 해제하거나 가비지 컬렉터가 회수할 때까지 남아 있습니다.",
                "Memory requested while running with malloc or new. It stays until free or delete (or a garbage collector) gives it back.",
            ],
            Segment::Bss => [
                "초깃값이 없거나 0으로 초기화된 전역·정적 변수가 들어갑니다. 실행 파일에는 크기만 기록되고, 프로그램을 적재할 때 0으로 채워집니다.",
                "Global and static variables with no initial value or initialized to zero. The executable records only their size; the loader fills them with zeros.",
            ],
            Segment::Data => [
                "0이 아닌 값으로 초기화된 전역·정적 변수가 들어갑니다. 초깃값은 실행 파일에 저장되어 있고, 값은 실행 중에 바뀔 수 있습니다. (const 전역 상수나 문자열 리터럴 같은 읽기 전용 데이터는 보통 코드 옆의 읽기 전용 영역(.rodata)에 놓입니다.)",
                "Global and static variables initialized to a non-zero value. The initial values are stored in the executable; the values may change while running. (Read-only data, such as const globals and string literals, usually sits in a read-only section (.rodata) beside the code.)",
            ],
            Segment::Code => [
                "CPU가 실행할 기계어 명령어가 들어갑니다. 읽기 전용이므로 같은 프로그램을 실행하는 프로세스끼리 공유할 수 있습니다.",
                "The machine instructions the CPU executes. Read-only, so processes running the same program can share it.",
            ],
        }
    }

    fn size(self) -> Pair {
        match self {
            Segment::Stack => [
                "크기: 실행 중에 변합니다. 함수를 호출하면 아래로(낮은 주소 쪽으로) 자라고, 반환하면 줄어듭니다. 호출이 너무 깊어지면 스택 오버플로가 일어납니다.",
                "Size: changes at run time. Grows down (toward lower addresses) on each call, shrinks on return. Too deep: stack overflow.",
            ],
            Segment::Heap => [
                "크기: 실행 중에 변합니다. 메모리를 할당하면 위로(높은 주소 쪽으로) 자랍니다.",
                "Size: changes at run time. Grows up (toward higher addresses) as memory is allocated.",
            ],
            Segment::Bss | Segment::Data | Segment::Code => [
                "크기: 컴파일(링크) 때 정해지고 실행 중에는 변하지 않습니다.",
                "Size: fixed at compile (link) time; it does not change while running.",
            ],
        }
    }

    fn example(self) -> &'static str {
        match self {
            Segment::Stack => "void f(int n) { int local = n * 2; }",
            Segment::Heap => "int *buffer = malloc(100 * sizeof(int));",
            Segment::Bss => "static int counter;  int table[1024];",
            Segment::Data => "int limit = 10;  static char *name = \"proc\";",
            Segment::Code => "main: push rbp; mov rbp, rsp; ...",
        }
    }

    fn dynamic(self) -> bool {
        matches!(self, Segment::Stack | Segment::Heap)
    }
}

const TOP: i32 = 40;
const UNIT: i32 = 30;
const HEAP_BASE: i32 = 250;
/// Frames and heap blocks that fit between the top and the heap's base: once they are this many
/// together, the stack and the heap have met.
const ROOM: i32 = (HEAP_BASE - TOP) / UNIT;

/// Why a growth button did nothing: the stack and the heap have met (whichever grew last: the
/// stack grown down onto the heap had been told as the heap reaching the stack), or there is
/// nothing to take away.
fn limit_note(segment: Segment, delta: i32) -> Pair {
    match (segment, delta > 0) {
        (Segment::Stack, true) => [
            "빈 공간이 없습니다: 스택과 힙이 만났습니다. 실제 프로그램이라면 여기서 함수를 호출할 때 스택 오버플로가 일어납니다.",
            "No free space left: the stack and the heap have met. A real program calling a function here would get a stack overflow.",
        ],
        (_, true) => [
            "빈 공간이 없습니다: 스택과 힙이 만났습니다. 실제 프로그램이라면 여기서 malloc이 NULL을 돌려줍니다(할당 실패).",
            "No free space left: the stack and the heap have met. A real malloc here would return NULL (the allocation fails).",
        ],
        (Segment::Stack, false) => [
            "main()의 프레임만 남았습니다. main이 반환하면 프로세스가 끝납니다.",
            "Only main()'s frame is left: when main returns, the process exits.",
        ],
        (_, false) => [
            "힙에 할당된 블록이 없어 free할 것이 없습니다.",
            "Nothing is allocated on the heap, so there is nothing to free.",
        ],
    }
}

/// Where the segments' column is: the brackets and their words to its left, the growth arrows
/// and the "no free space" note to its right.
struct Columns {
    /// Marker id: a marker in a hidden picture would not be drawn in the other.
    marker: &'static str,
    x: i32,
    width: i32,
}

impl Columns {
    const WIDE: Columns = Columns {
        marker: "memory-arrow",
        x: 120,
        width: 200,
    };
    const NARROW: Columns = Columns {
        marker: "memory-arrow-narrow",
        x: 100,
        width: 150,
    };

    fn middle(&self) -> i32 {
        self.x + self.width / 2
    }

    fn right(&self) -> i32 {
        self.x + self.width
    }

    fn arrow(&self) -> i32 {
        self.right() + 20
    }

    fn bracket(&self) -> i32 {
        self.x - 10
    }
}

#[derive(Properties, PartialEq)]
pub struct MemoryLayoutProps {
    pub lang: Lang,
}

/// The interactive memory layout.
#[function_component(MemoryLayout)]
pub fn memory_layout(props: &MemoryLayoutProps) -> Html {
    let lang = props.lang;
    let selected = use_state(|| Segment::Stack);
    let frames = use_state(|| 1_i32);
    let blocks = use_state(|| 1_i32);
    // Said when a button cannot do what it says; the buttons stay enabled, so the focus stays.
    let note = use_state(|| None::<Pair>);
    let select = |segment: Segment| {
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| selected.set(segment))
    };
    let used = *frames + *blocks;
    let change = |counter: &UseStateHandle<i32>, delta: i32, segment: Segment| {
        let counter = counter.clone();
        let selected = selected.clone();
        let note = note.clone();
        // main()'s frame stays: the stack is never empty while the process runs.
        let lowest = if segment == Segment::Stack { 1 } else { 0 };
        Callback::from(move |_: MouseEvent| {
            let next = *counter + delta;
            selected.set(segment);
            if next < lowest || (delta > 0 && used >= ROOM) {
                note.set(Some(limit_note(segment, delta)));
            } else {
                counter.set(next);
                note.set(None);
            }
        })
    };
    let stack_bottom = TOP + *frames * UNIT;
    let heap_top = HEAP_BASE - *blocks * UNIT;
    let fixed = [
        (Segment::Bss, HEAP_BASE),
        (Segment::Data, HEAP_BASE + 36),
        (Segment::Code, HEAP_BASE + 72),
    ];
    let class_of = |segment: Segment| {
        classes!(
            "segment",
            if segment.dynamic() {
                "dynamic"
            } else {
                "static"
            },
            (*selected == segment).then_some("selected")
        )
    };
    let frame_names = ["main()", "f()", "g()", "h()", "k()", "m()", "n()"];
    let gap = heap_top - stack_bottom;
    let diagram_label = tr(lang, [
        "프로세스의 메모리 구조: 높은 주소부터 스택, 빈 공간, 힙, BSS, 데이터, 코드 순서입니다. 스택은 아래로, 힙은 위로 자라며 서로를 향해 다가갑니다.",
        "A process's memory layout: from high addresses, stack, free space, heap, BSS, data, code. The stack grows down and the heap grows up, toward each other.",
    ]);
    let current = *selected;
    let body = |at: &Columns| {
        html! {
            <>
                { arrow_marker(at.marker) }
                { label(10, 24, "start", "small", tr(lang, ["높은 주소", "high address"])) }
                { label(10, 372, "start", "small", tr(lang, ["낮은 주소 (0)", "low address (0)"])) }
                <g class={class_of(Segment::Stack)} onclick={select(Segment::Stack)}>
                    { for (0..*frames).map(|index| html! {
                        <>
                            <rect x={at.x.to_string()} y={(TOP + index * UNIT).to_string()} width={at.width.to_string()} height={UNIT.to_string()} />
                            <text x={at.middle().to_string()} y={(TOP + index * UNIT + 20).to_string()} text-anchor="middle">
                                { format!("{} {}", tr(lang, ["스택 프레임", "stack frame"]), frame_names[index as usize]) }
                            </text>
                        </>
                    }) }
                    if *frames == 0 {
                        <rect x={at.x.to_string()} y={TOP.to_string()} width={at.width.to_string()} height="4" />
                    }
                </g>
                // The arrows need two units of free space to stay apart; with less, the labels say it.
                if gap >= 2 * UNIT {
                    { arrow(at.marker, (at.arrow(), stack_bottom - 10), (at.arrow(), stack_bottom + 20), false) }
                    { label(at.arrow() + 10, stack_bottom + 10, "start", "small", tr(lang, ["스택 ↓", "stack ↓"])) }
                    { arrow(at.marker, (at.arrow(), heap_top + 10), (at.arrow(), heap_top - 20), false) }
                    { label(at.arrow() + 10, heap_top - 2, "start", "small", tr(lang, ["힙 ↑", "heap ↑"])) }
                }
                if gap > 0 {
                    <rect class="free" x={at.x.to_string()} y={stack_bottom.to_string()} width={at.width.to_string()} height={gap.to_string()} />
                    { label(at.middle(), (stack_bottom + heap_top) / 2 + 5, "middle", "muted", tr(lang, ["빈 공간", "free space"])) }
                } else {
                    { label(at.right() + 6, stack_bottom + 5, "start", "small", tr(lang, ["← 빈 공간 없음", "← no free space"])) }
                }
                <g class={class_of(Segment::Heap)} onclick={select(Segment::Heap)}>
                    { for (0..*blocks).map(|index| html! {
                        <>
                            <rect x={at.x.to_string()} y={(HEAP_BASE - (index + 1) * UNIT).to_string()} width={at.width.to_string()} height={UNIT.to_string()} />
                            <text x={at.middle().to_string()} y={(HEAP_BASE - (index + 1) * UNIT + 20).to_string()} text-anchor="middle">
                                { format!("{} malloc #{}", tr(lang, ["힙 블록", "heap block"]), index + 1) }
                            </text>
                        </>
                    }) }
                    if *blocks == 0 {
                        <rect x={at.x.to_string()} y={(HEAP_BASE - 4).to_string()} width={at.width.to_string()} height="4" />
                    }
                </g>
                { for fixed.iter().map(|(segment, y)| html! {
                    <g class={class_of(*segment)} onclick={select(*segment)}>
                        <rect x={at.x.to_string()} y={y.to_string()} width={at.width.to_string()} height="36" />
                        <text x={at.middle().to_string()} y={(y + 23).to_string()} text-anchor="middle">{ tr(lang, segment.name()) }</text>
                    </g>
                }) }
                <line class="bracket" x1={at.bracket().to_string()} y1={TOP.to_string()} x2={at.bracket().to_string()} y2={HEAP_BASE.to_string()} />
                { label(at.bracket() - 6, 130, "end", "small", tr(lang, ["실행 중", "run time"])) }
                <line class="bracket" x1={at.bracket().to_string()} y1={HEAP_BASE.to_string()} x2={at.bracket().to_string()} y2={(HEAP_BASE + 108).to_string()} />
                { label(at.bracket() - 6, HEAP_BASE + 58, "end", "small", tr(lang, ["컴파일 때", "compile time"])) }
            </>
        }
    };
    html! {
        <div class="memory-layout">
            // Wide enough for "← 빈 공간 없음" right of the column (cut at 440); a phone gets
            // the column narrowed to fit its screen (the wide one scrolled).
            <div class="diagram-landscape">{ figure(lang, diagram_label, 470, 380, body(&Columns::WIDE)) }</div>
            <div class="diagram-portrait">{ figure(lang, diagram_label, 360, 380, body(&Columns::NARROW)) }</div>
            <div class="memory-controls">
                <div class="segment-picker" role="group" aria-label={tr(lang, ["영역 고르기", "Pick a segment"])}>
                    { for Segment::ALL.iter().map(|segment| html! {
                        <button type="button" class="segment-button" data-segment={format!("{segment:?}").to_lowercase()}
                            aria-pressed={(current == *segment).to_string()} onclick={select(*segment)}>
                            { tr(lang, segment.name()) }
                        </button>
                    }) }
                </div>
                <div class="segment-detail" aria-live="polite">
                    <h4>{ tr(lang, current.name()) }</h4>
                    <p>{ tr(lang, current.holds()) }</p>
                    <p><strong>{ tr(lang, current.size()) }</strong></p>
                    <p><code>{ current.example() }</code></p>
                </div>
                <div class="grow-controls" role="group" aria-label={tr(lang, ["스택과 힙 키우기", "Grow the stack and the heap"])}>
                    <button type="button" onclick={change(&frames, 1, Segment::Stack)}>
                        { tr(lang, ["함수 호출 (프레임 추가)", "Call a function (push a frame)"]) }
                    </button>
                    <button type="button" onclick={change(&frames, -1, Segment::Stack)}>
                        { tr(lang, ["반환 (프레임 제거)", "Return (pop a frame)"]) }
                    </button>
                    <button type="button" onclick={change(&blocks, 1, Segment::Heap)}>
                        { "malloc" }
                    </button>
                    <button type="button" onclick={change(&blocks, -1, Segment::Heap)}>
                        { "free" }
                    </button>
                </div>
                <p class="hint memory-note" role="status">
                    { note.map(|words| tr(lang, words)).unwrap_or_default() }
                </p>
                <p class="hint">{ tr(lang, [
                    "스택과 힙은 빈 공간을 사이에 두고 서로를 향해 자랍니다. 둘이 만나면 더 이상 자랄 수 없습니다.",
                    "The stack and the heap grow toward each other across the free space; if they met, neither could grow further.",
                ]) }</p>
            </div>
        </div>
    }
}
