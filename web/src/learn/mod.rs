//! The Learn section: one page per concept of the course, in Korean and English, each ending in
//! buttons that open a scenario showing the point in the simulator.
//!
//! [`topic::Topic`] lists the pages and their slugs; [`pages`] holds their bodies, [`diagrams`]
//! the inline SVG pictures, [`scenarios`] the scenario behind every button, and [`words`] the
//! `[Korean, English]` helpers, so a page missing a language does not compile.

pub mod diagrams;
pub mod pages;
pub mod scenarios;
pub mod topic;
pub mod words;

use crate::route::Route;
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_core::ScenarioSpec;
use scenarios::Demo;
use topic::Topic;
use words::{tr, Word};
use yew::prelude::*;
use yew_router::prelude::Link;

#[derive(Properties, PartialEq)]
pub struct LearnProps {
    pub lang: Lang,
    /// The topic's slug; `None` is the index.
    pub topic: Option<AttrValue>,
    /// Loads an example into the simulator and shows it, with its title and what to notice.
    pub on_open: Callback<Opened>,
}

/// An example a Learn page opens in the simulator.
pub struct Opened {
    pub spec: ScenarioSpec,
    pub title: words::Pair,
    pub notice: words::Pair,
}

fn topic_link(topic: Topic, lang: Lang, class: &'static str) -> Html {
    html! {
        <Link<Route> to={Route::LearnTopic { topic: topic.slug().to_string() }} classes={class}>
            { topic.title(lang) }
        </Link<Route>>
    }
}

fn index(lang: Lang, heading: NodeRef) -> Html {
    html! {
        <main class="learn learn-index" aria-labelledby="learn-title">
            <h2 id="learn-title" tabindex="-1" ref={heading}>{ Word::LearnTitle.get(lang) }</h2>
            <p>{ Word::LearnIntro.get(lang) }</p>
            <h3>{ Word::TopicsHeading.get(lang) }</h3>
            <ol class="topic-list">
                { for Topic::ALL.iter().filter(|topic| topic.number().is_some()).map(|topic| html! {
                    <li>
                        { topic_link(*topic, lang, "topic-link") }
                        <p class="hint">{ topic.summary(lang) }</p>
                    </li>
                }) }
            </ol>
            <h3>{ Word::GlossaryLink.get(lang) }</h3>
            <p>
                { topic_link(Topic::Glossary, lang, "topic-link") }
                { " — " }{ Topic::Glossary.summary(lang) }
            </p>
        </main>
    }
}

fn demo_card(lang: Lang, demo: Demo, on_open: &Callback<Opened>) -> Html {
    // An example's program opens with its comments in the page's language.
    let spec = demo
        .spec()
        .map(|spec| proclab_app::program_words::spec_in(&spec, lang));
    let available = spec.is_some();
    let onclick = {
        let on_open = on_open.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(spec) = &spec {
                on_open.emit(Opened {
                    spec: spec.clone(),
                    title: demo.label,
                    notice: demo.notice,
                });
            }
        })
    };
    let verb = Word::OpenInSimulator.get(lang);
    let label = tr(lang, demo.label);
    // An example named for this page: its name in the simulator's examples menu too, so a
    // student can find it there again.
    let menu_title = match demo.source {
        scenarios::Source::Preset(id) => proclab_core::presets::preset(id)
            .map(|preset| proclab_app::i18n::preset_text(preset.id, lang).0)
            .filter(|title| title != label),
        scenarios::Source::Built(_) => None,
    };
    html! {
        <li class="demo">
            <h4>{ label }</h4>
            if let Some(title) = menu_title {
                <p class="hint demo-example">{ format!("{} “{title}”", Word::InExamplesMenu.get(lang)) }</p>
            }
            <p>{ tr(lang, demo.notice) }</p>
            <button type="button" class="open-sim primary" data-scenario={demo.id}
                aria-label={format!("{verb}: {label}")} disabled={!available} {onclick}>
                { verb }
            </button>
            if !available {
                <p class="hint">{ Word::Unavailable.get(lang) }</p>
            }
        </li>
    }
}

/// The Practice topics of a page's subject, each a link to a set of three medium exercises (the
/// same three for every student, as any set link).
fn practise_it(lang: Lang, topic: Topic) -> Html {
    use proclab_app::practice::exercise::{Difficulty, Topic as Exercise};
    use proclab_app::practice::set::ExerciseSet;
    let exercises: &[Exercise] = match topic {
        Topic::Algorithms => &[
            Exercise::Fcfs,
            Exercise::Sjf,
            Exercise::Srtf,
            Exercise::Priority,
            Exercise::Rr,
            Exercise::Hrrn,
            Exercise::Mlfq,
        ],
        Topic::ContextSwitch => &[Exercise::Switch],
        Topic::Sync => &[Exercise::Race, Exercise::Semaphore, Exercise::Deadlock],
        Topic::Ipc => &[Exercise::Pipe],
        _ => return Html::default(),
    };
    html! {
        <section class="practise-it" aria-labelledby="practise-it-title">
            <h3 id="practise-it-title">{ Word::PractiseIt.get(lang) }</h3>
            <p>{ Word::PractiseItIntro.get(lang) }</p>
            <ul class="practice-links">
                { for exercises.iter().map(|exercise| {
                    let code = ExerciseSet::generated(*exercise, Difficulty::Medium, 1, 3).encode();
                    html! {
                        <li><a href={format!("#/practice?set={code}")} data-topic={exercise.code()}>{ exercise.label(lang) }</a></li>
                    }
                }) }
            </ul>
        </section>
    }
}

fn topic_nav(lang: Lang, topic: Topic) -> Html {
    html! {
        <nav class="topic-nav" aria-label={Word::TopicNav.get(lang)}>
            <span class="previous">
                if let Some(previous) = topic.previous() {
                    <span class="hint">{ Word::Previous.get(lang) }</span>
                    { topic_link(previous, lang, "previous-topic") }
                }
            </span>
            <Link<Route> to={Route::Learn} classes="all-topics">{ Word::AllTopics.get(lang) }</Link<Route>>
            <span class="next">
                if let Some(next) = topic.next() {
                    <span class="hint">{ Word::Next.get(lang) }</span>
                    { topic_link(next, lang, "next-topic") }
                }
            </span>
        </nav>
    }
}

fn page(lang: Lang, topic: Topic, heading: NodeRef, on_open: &Callback<Opened>) -> Html {
    html! {
        <main class="learn learn-topic" aria-labelledby="learn-title" data-topic={topic.slug()}>
            <article>
                <header class="topic-header">
                    if let Some(number) = topic.number() {
                        <p class="topic-number">{ format!("{} {number} / 12", Word::TopicNumber.get(lang)) }</p>
                    }
                    <h2 id="learn-title" tabindex="-1" ref={heading}>{ topic.title(lang) }</h2>
                </header>
                { pages::content(topic, lang) }
                <section class="try-it" aria-labelledby="try-it-title">
                    <h3 id="try-it-title">{ Word::TryIt.get(lang) }</h3>
                    <p>{ Word::TryItIntro.get(lang) }</p>
                    <ul class="demos">
                        { for scenarios::demos(topic).into_iter().map(|demo| demo_card(lang, demo, on_open)) }
                    </ul>
                </section>
                { practise_it(lang, topic) }
            </article>
            { topic_nav(lang, topic) }
        </main>
    }
}

fn not_found(lang: Lang, heading: NodeRef) -> Html {
    html! {
        <main class="learn learn-missing" aria-labelledby="learn-title">
            <h2 id="learn-title" tabindex="-1" ref={heading}>{ Word::NotFoundTitle.get(lang) }</h2>
            <p>{ Word::NotFoundBody.get(lang) }</p>
            <Link<Route> to={Route::Learn} classes="all-topics">{ Word::AllTopics.get(lang) }</Link<Route>>
        </main>
    }
}

#[function_component(Learn)]
pub fn learn(props: &LearnProps) -> Html {
    let lang = props.lang;
    let heading = use_node_ref();
    let first_page = use_mut_ref(|| true);
    {
        // Moving to another page moves the reading position (and a screen reader) to its
        // title; the first page of a visit keeps the browser's own starting point.
        let heading = heading.clone();
        use_effect_with(props.topic.clone(), move |_| {
            if !first_page.replace(false) {
                crate::browser::scroll_to_top();
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    match props.topic.as_deref() {
        None => index(lang, heading),
        Some(slug) => match Topic::from_slug(slug) {
            Some(topic) => page(lang, topic, heading, &props.on_open),
            None => not_found(lang, heading),
        },
    }
}
