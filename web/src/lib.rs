//! ProcLab's web app: a Yew single-page app on top of `proclab-core`.
//!
//! The root [`App`] owns the session state; components below it take props and
//! send callbacks up. Browser access (storage, language) is in [`browser`].

pub mod browser;
pub mod chart;
pub mod i18n;
pub mod simulation;

use i18n::{Lang, Text};
use yew::prelude::*;

/// The root component: header with the language switch, then the workspace.
#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(browser::initial_language);

    {
        let lang = *lang;
        use_effect_with(lang, move |lang| {
            browser::apply_language(*lang);
        });
    }

    let choose = |choice: Lang| {
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| lang.set(choice))
    };

    let current = *lang;
    html! {
        <div class="app">
            <header class="app-header">
                <div class="brand">
                    <h1 id="app-title">{ Text::AppTitle.get(current) }</h1>
                    <p class="tagline">{ Text::Tagline.get(current) }</p>
                </div>
                <div class="lang-switch" role="group" aria-label={ Text::LanguageLabel.get(current) }>
                    <button id="lang-ko" lang="ko" aria-pressed={ (current == Lang::Ko).to_string() }
                        onclick={ choose(Lang::Ko) }>{ "한국어" }</button>
                    <button id="lang-en" lang="en" aria-pressed={ (current == Lang::En).to_string() }
                        onclick={ choose(Lang::En) }>{ "English" }</button>
                </div>
            </header>
            <main class="workspace">
                <section class="empty-state" aria-labelledby="empty-title">
                    <h2 id="empty-title">{ Text::EmptyTitle.get(current) }</h2>
                    <p>{ Text::EmptyBody.get(current) }</p>
                </section>
            </main>
        </div>
    }
}
