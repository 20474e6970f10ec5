//! The Learn section's own words and the small helpers its pages are written with.
//!
//! Every text is a `[Korean, English]` pair, as in [`proclab_app::i18n`]: a page cannot leave a
//! language out without failing to compile.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use yew::prelude::*;

/// A `[Korean, English]` pair.
pub type Pair = [&'static str; 2];

/// The half of `pair` in `lang` (shorthand for [`Lang::pick`], which the pages call a lot).
pub fn tr(lang: Lang, pair: Pair) -> &'static str {
    lang.pick(pair)
}

/// A paragraph.
pub fn para(lang: Lang, pair: Pair) -> Html {
    html! { <p>{ tr(lang, pair) }</p> }
}

/// A section heading (the page title is the only `h2`).
pub fn heading(lang: Lang, pair: Pair) -> Html {
    html! { <h3>{ tr(lang, pair) }</h3> }
}

/// A bulleted list.
pub fn bullets(lang: Lang, items: &[Pair]) -> Html {
    html! {
        <ul>{ for items.iter().map(|item| html! { <li>{ tr(lang, *item) }</li> }) }</ul>
    }
}

/// A numbered list.
pub fn steps(lang: Lang, items: &[Pair]) -> Html {
    html! {
        <ol>{ for items.iter().map(|item| html! { <li>{ tr(lang, *item) }</li> }) }</ol>
    }
}

/// A definition list of (term, definition) pairs.
pub fn terms(lang: Lang, items: &[(Pair, Pair)]) -> Html {
    html! {
        <dl class="terms">
            { for items.iter().map(|(term, definition)| html! {
                <>
                    <dt>{ tr(lang, *term) }</dt>
                    <dd>{ tr(lang, *definition) }</dd>
                </>
            }) }
        </dl>
    }
}

/// How a "common simplification" box looks. Kept here, next to the one function that draws the
/// box, so every such box looks the same.
const NOTES_DIFFER_STYLE: &str = "border-left: 4px solid #b07800; background: #fffaf0; \
    border-radius: 4px; padding: 0.4rem 0.9rem; margin: 1rem 0;";

/// A short "common simplification" box, for the places where a lesson is more precise than the
/// way the topic is often taught: what is often said, then what is more exact.
pub fn notes_differ(lang: Lang, notes_say: Pair, precisely: Pair) -> Html {
    let title = Word::NotesDiffer.get(lang);
    html! {
        <aside class="notes-differ" aria-label={title} style={NOTES_DIFFER_STYLE}>
            <p><strong>{ title }</strong></p>
            <p><strong>{ Word::NotesSay.get(lang) }</strong>{ " " }{ tr(lang, notes_say) }</p>
            <p><strong>{ Word::MorePrecisely.get(lang) }</strong>{ " " }{ tr(lang, precisely) }</p>
        </aside>
    }
}

/// The words of the Learn section's frame (index, navigation, buttons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    LearnTitle,
    LearnIntro,
    TopicsHeading,
    GlossaryLink,
    GlossaryIntro,
    TopicNav,
    Previous,
    Next,
    AllTopics,
    NotFoundTitle,
    NotFoundBody,
    TryIt,
    TryItIntro,
    PractiseIt,
    PractiseItIntro,
    OpenInSimulator,
    /// Before an example's name in the simulator's examples menu.
    InExamplesMenu,
    Unavailable,
    Korean,
    English,
    Meaning,
    Page,
    TopicNumber,
    NotesDiffer,
    NotesSay,
    MorePrecisely,
    DiagramScroller,
    DiagramScrollHint,
}

impl Words for Word {
    fn pair(self) -> Pair {
        match self {
            Word::LearnTitle => ["배우기: 프로세스와 스레드", "Learn: processes and threads"],
            Word::LearnIntro => [
                "운영체제가 프로세스와 스레드를 어떻게 실행하는지 12개의 주제로 정리했습니다. 각 페이지의 끝에는 그 내용을 직접 보여 주는 시나리오를 시뮬레이터에서 여는 버튼이 있습니다.",
                "How an operating system runs processes and threads, in twelve topics. Every page ends with buttons that open a scenario showing the point in the simulator.",
            ],
            Word::TopicsHeading => ["주제", "Topics"],
            Word::GlossaryLink => ["용어 찾아보기", "Looking up a term"],
            Word::GlossaryIntro => [
                "이 과정의 용어를 한국어와 영어로 정리했습니다. 용어를 누르면 그 내용을 다루는 페이지로 갑니다.",
                "The course's terms in Korean and English. Each term links to the page that explains it.",
            ],
            Word::TopicNav => ["주제 이동", "Topic navigation"],
            Word::Previous => ["이전", "Previous"],
            Word::Next => ["다음", "Next"],
            Word::AllTopics => ["전체 주제", "All topics"],
            Word::NotFoundTitle => ["없는 주제입니다", "No such topic"],
            Word::NotFoundBody => [
                "주소의 주제를 찾지 못했습니다. 전체 주제 목록에서 고르세요.",
                "The topic in the address does not exist. Pick one from the list of all topics.",
            ],
            Word::TryIt => ["시뮬레이터에서 확인하기", "See it in the simulator"],
            Word::PractiseIt => ["직접 풀어 보기", "Practise it"],
            Word::PractiseItIntro => [
                "링크마다 그 종류의 문제 세 개가 연습 페이지에 열립니다. 손으로 풀고, 칸마다 확인하고, 틀린 곳의 설명을 볼 수 있습니다.",
                "Each link opens three exercises of its kind in Practice, to work out by hand: every cell is checked, and the first mistake explained.",
            ],
            Word::TryItIntro => [
                "버튼을 누르면 시나리오가 결과와 함께 시뮬레이터에 열립니다. 재생을 누르면 실행되는 모습을 볼 수 있습니다.",
                "Each button opens a scenario in the simulator with its results; press Play to watch it run.",
            ],
            Word::OpenInSimulator => ["시뮬레이터에서 열기", "Open in the simulator"],
            Word::InExamplesMenu => ["예제 목록의 이름:", "In the Examples menu:"],
            Word::Unavailable => [
                "이 시나리오를 지금 불러올 수 없습니다.",
                "This scenario cannot be loaded right now.",
            ],
            Word::Korean => ["한국어", "Korean"],
            Word::English => ["영어", "English"],
            Word::Meaning => ["뜻", "Meaning"],
            Word::Page => ["페이지", "Page"],
            Word::TopicNumber => ["주제", "Topic"],
            Word::NotesDiffer => ["흔한 단순화", "A common simplification"],
            Word::NotesSay => ["흔히 이렇게 설명합니다:", "Often said:"],
            Word::MorePrecisely => ["더 정확히는:", "More precisely:"],
            Word::DiagramScroller => [
                "그림 (옆으로 스크롤됩니다)",
                "Diagram (scrolls sideways)",
            ],
            Word::DiagramScrollHint => [
                "↔ 그림을 옆으로 밀어 전체를 보세요",
                "↔ Swipe the diagram sideways to see all of it",
            ],
        }
    }
}
