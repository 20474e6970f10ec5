//! The teacher's mixed set: topic, difficulty and seed (typed, or drawn when left empty), added
//! one at a time to an ordered list whose entries move up, down or out, and one link for the whole
//! set. The list and its edits are `proclab_app::practice::builder`; this draws them.

use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use proclab_app::practice::builder::{entry, entry_label, Builder, BuilderAction};
use proclab_app::practice::exercise::{Difficulty, Topic};
use proclab_app::practice::set::{ExerciseSet, SetupError};
use proclab_app::practice::text::PracticeText as T;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BuilderProps {
    pub lang: Lang,
    /// Opens the built set on this page.
    pub on_open: Callback<ExerciseSet>,
    /// The set open below: whether it is the list built here is said under the list's link (a
    /// teacher had sent the random set open below instead).
    pub open_set: ExerciseSet,
}

#[function_component(SetBuilder)]
pub fn set_builder(props: &BuilderProps) -> Html {
    let lang = props.lang;
    // The list survives leaving the page and reloading, as a student's answers do.
    let builder = use_state(|| Builder::from_saved(&crate::storage::load_builder()));
    {
        let saved = builder.saved();
        use_effect_with(saved, |saved| crate::storage::save_builder(saved));
    }
    let topic = use_state(|| Topic::Fcfs);
    let difficulty = use_state(|| Difficulty::Easy);
    let seed = use_state(String::new);
    let error = use_state(|| None::<SetupError>);
    let copied = use_state(|| false);
    let apply = {
        let (builder, error, copied) = (builder.clone(), error.clone(), copied.clone());
        // Whether the list changed.
        move |action: BuilderAction| -> bool {
            let mut next = (*builder).clone();
            match next.apply(action) {
                Ok(true) => {
                    builder.set(next);
                    error.set(None);
                    copied.set(false);
                    true
                }
                Ok(false) => false,
                Err(problem) => {
                    error.set(Some(problem));
                    false
                }
            }
        }
    };
    let add = {
        let (topic, difficulty, seed, error) = (
            topic.clone(),
            difficulty.clone(),
            seed.clone(),
            error.clone(),
        );
        let apply = apply.clone();
        Callback::from(move |_: MouseEvent| {
            match entry(*topic, *difficulty, &seed, super::fresh_seed) {
                Ok(id) => {
                    // The list shows the entry's seed; an empty field draws a new one for the
                    // next entry, so adding twice never repeats an exercise unasked. A refused
                    // entry keeps the seed as typed.
                    if apply(BuilderAction::Add(id)) {
                        seed.set(String::new());
                    }
                }
                Err(problem) => error.set(Some(problem)),
            }
        })
    };
    let draw = {
        let (seed, error) = (seed.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            seed.set(super::fresh_seed().to_string());
            if *error == Some(SetupError::Seed) {
                error.set(None);
            }
        })
    };
    let select_topic = {
        let topic = topic.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(chosen) = Topic::from_code(&value) {
                topic.set(chosen);
            }
        })
    };
    let select_difficulty = {
        let difficulty = difficulty.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(level) = Difficulty::from_code(&value) {
                difficulty.set(level);
            }
        })
    };
    let type_seed = {
        let seed = seed.clone();
        Callback::from(move |event: InputEvent| {
            seed.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let set = Builder::set(&builder);
    let link_language = use_state(|| super::LinkLanguage::Page);
    let link = set
        .as_ref()
        .map(|set| super::set_link(&set.encode(), lang, *link_language));
    let copy = {
        let link = link.clone().unwrap_or_default();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let promise = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&link);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                copied.set(true);
            });
        })
    };
    let open = {
        let on_open = props.on_open.clone();
        let set = set.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(set) = set.clone() {
                on_open.emit(set)
            }
        })
    };
    let built_is_open = set.as_ref() == Some(&props.open_set);
    let count = builder.entries.len();
    // Open at first when a list is kept, then as the teacher leaves it (taking out the last
    // entry had folded it).
    let first_open = use_state(|| count > 0);
    let set_rules = {
        let apply = apply.clone();
        Callback::from(move |rules| {
            apply(BuilderAction::Rules(rules));
        })
    };
    // After a move or a removal the keyboard's place follows the entry: the moved entry's arrow
    // (the other one at an end of the list), or the remove button of the entry that took the
    // removed one's place (the add button when the list is empty). Buttons are reused by position,
    // so without this the focus stayed on whatever entry slid under it.
    let focus_next = use_mut_ref(|| None::<String>);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(id) = focus_next.borrow_mut().take() {
                crate::browser::focus(&id);
            }
        });
    }
    let focus_after = move |action: &BuilderAction| match *action {
        BuilderAction::Remove(index) => Some(match count - 1 {
            0 => String::from("builder-add"),
            left => format!("builder-remove-{}", index.min(left - 1) + 1),
        }),
        BuilderAction::Move { from, to } if to < count => {
            let upward = to < from;
            Some(match (upward, to) {
                (true, 0) => String::from("builder-down-1"),
                (true, _) => format!("builder-up-{}", to + 1),
                (false, _) if to + 1 == count => format!("builder-up-{count}"),
                (false, _) => format!("builder-down-{}", to + 1),
            })
        }
        _ => None,
    };
    let button =
        |id: String, text: &'static str, label: String, action: BuilderAction, off: bool| {
            let apply = apply.clone();
            let focus_next = focus_next.clone();
            let target = focus_after(&action);
            html! {
                <button type="button" {id} class="small" aria-label={label} disabled={off}
                    onclick={Callback::from(move |_: MouseEvent| {
                        *focus_next.borrow_mut() = target.clone();
                        apply(action);
                    })}>{ text }</button>
            }
        };
    html! {
        <details class="practice-builder" id="practice-builder" open={*first_open}>
            <summary>{ T::Builder.get(lang) }</summary>
            <p class="hint">{ T::BuilderIntro.get(lang) }</p>
            <div class="practice-setup" role="group" aria-label={ T::Builder.get(lang) }>
                <div class="field">
                    <label for="builder-topic">{ T::Topic.get(lang) }</label>
                    <select id="builder-topic" onchange={select_topic}>
                        { for Topic::ALL.iter().map(|choice| html! {
                            <option value={choice.code()} selected={*choice == *topic}>{ choice.label(lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="builder-difficulty">{ T::Difficulty.get(lang) }</label>
                    <select id="builder-difficulty" onchange={select_difficulty}>
                        { for Difficulty::ALL.iter().map(|level| html! {
                            <option value={level.code()} selected={*level == *difficulty}>{ level.label_for(*topic, lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="field narrow">
                    <label for="builder-seed">{ T::Seed.get(lang) }</label>
                    <input id="builder-seed" inputmode="numeric" autocomplete="off" value={(*seed).clone()} oninput={type_seed}
                        aria-invalid={(*error == Some(SetupError::Seed)).then_some("true")}
                        aria-describedby={(*error).is_some().then_some("builder-error")} />
                </div>
                <button type="button" id="builder-draw" onclick={draw}>{ T::Draw.get(lang) }</button>
                <button type="button" id="builder-add" class="primary" onclick={add}>{ T::AddExercise.get(lang) }</button>
                if let Some(problem) = *error {
                    <p id="builder-error" class="field-error" role="alert">{ problem.message(lang) }</p>
                }
            </div>
            <h4 id="builder-list-title">{ format!("{} ({count})", T::BuilderList.get(lang)) }</h4>
            if count == 0 {
                <p class="hint" id="builder-empty">{ T::BuilderEmpty.get(lang) }</p>
            } else {
                <ol id="builder-list" class="builder-list" aria-labelledby="builder-list-title">
                    { for builder.entries.iter().enumerate().map(|(index, id)| {
                        let name = entry_label(id, lang);
                        let number = index + 1;
                        let spoken = |verb: T| format!("{}: {number}. {name}", verb.get(lang));
                        html! {
                            <li class="builder-entry">
                                <span class="builder-number" aria-hidden="true">{ format!("{number}.") }</span>
                                <span class="builder-name">{ &name }</span>
                                <span class="builder-moves">
                                    { button(format!("builder-up-{number}"), "↑", spoken(T::MoveUp), BuilderAction::Move { from: index, to: index.wrapping_sub(1) }, index == 0) }
                                    { button(format!("builder-down-{number}"), "↓", spoken(T::MoveDown), BuilderAction::Move { from: index, to: index + 1 }, number == count) }
                                    { button(format!("builder-remove-{number}"), "✕", spoken(T::RemoveExercise), BuilderAction::Remove(index), false) }
                                </span>
                            </li>
                        }
                    }) }
                </ol>
            }
            if count > 0 {
                <super::rules::SetRulesForm {lang} rules={builder.rules} on_change={set_rules} in_builder=true />
            }
            if let Some(link) = link {
                <div class="practice-share">
                    <label class="share-label" for="builder-link">{ T::BuilderLink.get(lang) }</label>
                    <input id="builder-link" class="link-box" readonly=true value={link} />
                    { super::link_language_select("builder-link-lang", lang, *link_language, {
                        let (link_language, copied) = (link_language.clone(), copied.clone());
                        Callback::from(move |choice| {
                            link_language.set(choice);
                            copied.set(false);
                        })
                    }) }
                    <button type="button" id="builder-copy" onclick={copy}>{ T::CopyBuilderLink.get(lang) }</button>
                    <button type="button" id="builder-open" onclick={open}>{ T::OpenBuilt.get(lang) }</button>
                    if *copied { <span class="hint" role="status">{ T::LinkCopied.get(lang) }</span> }
                    <p id="builder-open-state" class={classes!("hint", (!built_is_open).then_some("warning"))}>
                        { match built_is_open { true => T::BuiltIsOpen, false => T::BuiltIsNotOpen }.get(lang) }
                    </p>
                </div>
            }
        </details>
    }
}
