//! The body of every page, by topic. Each page is written in both languages; the frame
//! (title, buttons, navigation) is added by [`crate::learn::Learn`].

mod algorithms;
mod basics;
mod glossary;
mod ipc;
mod scheduling;
mod switching;
mod sync;
mod threads;

use super::topic::Topic;
use proclab_app::i18n::Lang;
use yew::Html;

/// The body of `topic`'s page in `lang`.
pub fn content(topic: Topic, lang: Lang) -> Html {
    match topic {
        Topic::Os => basics::os(lang),
        Topic::Process => basics::process(lang),
        Topic::States => scheduling::states(lang),
        Topic::Dispatcher => scheduling::dispatcher(lang),
        Topic::Algorithms => algorithms::algorithms(lang),
        Topic::Pcb => scheduling::pcb(lang),
        Topic::ContextSwitch => switching::context_switch(lang),
        Topic::Threads => threads::threads(lang),
        Topic::Multi => threads::multi(lang),
        Topic::Ipc => ipc::ipc(lang),
        Topic::Sync => sync::sync(lang),
        Topic::ProcessVsThread => sync::process_vs_thread(lang),
        Topic::Glossary => glossary::glossary(lang),
    }
}
