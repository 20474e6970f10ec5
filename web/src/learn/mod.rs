//! The Learn section: one page per concept of the course, in Korean and English, each ending in
//! buttons that open a scenario showing the point in the simulator.

use crate::i18n::Lang;
use proclab_core::ScenarioSpec;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LearnProps {
    pub lang: Lang,
    /// The topic's slug; `None` is the index.
    pub topic: Option<AttrValue>,
    /// Loads a scenario into the simulator and shows it.
    pub on_open: Callback<ScenarioSpec>,
}

#[function_component(Learn)]
pub fn learn(props: &LearnProps) -> Html {
    let _ = (&props.lang, &props.topic, &props.on_open);
    html! { <main class="learn"></main> }
}
