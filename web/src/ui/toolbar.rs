//! Loading and taking away scenarios: presets, the seeded generator, share links and files.

use proclab_app::lang::Words;
use std::rc::Rc;

use crate::files;
use crate::session::Dispatch;
use proclab_app::files as file_formats;
use proclab_app::i18n::{preset_text, Lang, PresetGroup, Text};
use proclab_app::session::{Action, Notice};
use proclab_app::share;
use proclab_core::gen::{generate, GenOptions};
use proclab_core::presets::{presets, warmup_presets, PresetId};

/// How long the keys rest on the Examples list before the choice loads.
const KEYS_REST_MS: u32 = 600;
use proclab_core::ScenarioSpec;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    /// The last valid scenario (links and exports need one).
    pub spec: Option<Rc<ScenarioSpec>>,
    pub has_problems: bool,
    /// The example the workspace holds, while its banner is up (the menu shows it).
    #[prop_or_default]
    pub preset: Option<PresetId>,
    pub dispatch: Dispatch,
}

/// The full address that opens `spec` in `lang` at `tick`, on the comparison if `compare`.
pub fn share_url(spec: &ScenarioSpec, lang: Lang, tick: u64, compare: bool) -> String {
    let location = gloo::utils::window().location();
    let base = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    format!("{base}{}", share::encode_at(spec, lang, tick, compare))
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let seed = use_state(|| String::from("1"));
    // The lessons of the event engine, then those of the warm-up cache model.
    let all_presets = use_memo((), |_| {
        let mut all = presets();
        all.extend(warmup_presets());
        all
    });

    // Choosing with the mouse loads at once. On a closed list the arrow keys change the choice
    // at every press, and loading each would replace the workload at every step (WCAG's "on
    // input"): a choice made from the keyboard loads once the keys rest, or at Enter or on
    // leaving the list.
    let keyed = use_mut_ref(|| false);
    let pending = use_mut_ref(|| None::<(gloo::timers::callback::Timeout, Callback<()>)>);
    let load_preset = {
        let dispatch = props.dispatch.clone();
        let all_presets = all_presets.clone();
        let lang = props.lang;
        move |value: String| {
            if let Some(preset) = all_presets
                .iter()
                .find(|preset| preset.id.as_str() == value)
            {
                dispatch.dispatch(Action::Load(
                    // Its program's comments in the page's language.
                    Box::new(proclab_app::program_words::spec_in(&preset.spec, lang)),
                    Some(Notice::Preset(preset.id)),
                ));
            }
        }
    };
    let on_preset = {
        let (keyed, pending) = (keyed.clone(), pending.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if !keyed.replace(false) {
                pending.borrow_mut().take();
                load_preset(value);
                return;
            }
            let load = {
                let (load_preset, pending) = (load_preset.clone(), pending.clone());
                Callback::from(move |()| {
                    pending.borrow_mut().take();
                    load_preset(value.clone());
                })
            };
            let timer = {
                let load = load.clone();
                gloo::timers::callback::Timeout::new(KEYS_REST_MS, move || load.emit(()))
            };
            *pending.borrow_mut() = Some((timer, load));
        })
    };
    // The pending choice now (Enter, or the focus leaving the list).
    let load_pending = {
        let pending = pending.clone();
        move || {
            let load = pending.borrow_mut().take().map(|(timer, load)| {
                timer.cancel();
                load
            });
            if let Some(load) = load {
                load.emit(());
            }
        }
    };
    let on_preset_key = {
        let (keyed, load_pending) = (keyed.clone(), load_pending.clone());
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" => load_pending(),
            "Tab" | "Shift" | "Control" | "Alt" | "Meta" => {}
            _ => *keyed.borrow_mut() = true,
        })
    };
    let on_preset_blur = {
        let keyed = keyed.clone();
        Callback::from(move |_: FocusEvent| {
            *keyed.borrow_mut() = false;
            load_pending();
        })
    };
    let preset_select = use_node_ref();
    crate::ui::field::use_select_value(
        preset_select.clone(),
        props
            .preset
            .map(|id| id.as_str().to_string())
            .unwrap_or_default(),
    );
    let on_seed = {
        let seed = seed.clone();
        Callback::from(move |event: InputEvent| {
            seed.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let seed_value: Option<u64> = proclab_app::lang::whole_number(&seed);
    let on_generate = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            if let Some(value) = seed_value {
                let mut spec = generate(value, &GenOptions::default());
                spec.seed = value;
                dispatch.dispatch(Action::Load(Box::new(spec), None));
            }
        })
    };
    let on_copy = {
        let dispatch = props.dispatch.clone();
        let spec = props.spec.clone();
        Callback::from(move |_| {
            let Some(spec) = spec.clone() else { return };
            // At the instant on screen: a teacher's "look at t=13" opens at t=13; and on the
            // comparison, if that is what is shown.
            let url = share_url(
                &spec,
                lang,
                crate::watch::watched_tick(),
                crate::ui::results_panel::compare_shown(),
            );
            let _ = gloo::utils::window().history().map(|history| {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            });
            let dispatch = dispatch.clone();
            spawn_local(async move {
                let clipboard = gloo::utils::window().navigator().clipboard();
                let copied = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&url)).await;
                dispatch.dispatch(Action::Notify(Some(match copied {
                    Ok(_) => Notice::LinkCopied,
                    Err(_) => Notice::LinkNotCopied(url),
                })));
            });
        })
    };
    let on_json = {
        let spec = props.spec.clone();
        Callback::from(move |_| {
            if let Some(spec) = &spec {
                files::download_text(
                    &file_formats::download_name(spec, "scenario", "json"),
                    "application/json",
                    &file_formats::scenario_json(spec),
                );
            }
        })
    };
    let on_upload = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|list| list.get(0)) else {
                return;
            };
            input.set_value("");
            // Refused by its size before a byte is read: a huge file would freeze the tab.
            if let Err(error) = file_formats::check_file_size(file.size() as u64) {
                dispatch.dispatch(Action::Notify(Some(Notice::FileBroken(error))));
                return;
            }
            let dispatch = dispatch.clone();
            spawn_local(async move {
                let blob = gloo::file::Blob::from(file);
                match gloo::file::futures::read_as_bytes(&blob).await {
                    Err(_) => dispatch.dispatch(Action::Notify(Some(Notice::FileBroken(
                        file_formats::FileError::Unreadable,
                    )))),
                    Ok(bytes) => match file_formats::parse_scenario_bytes(&bytes) {
                        Ok(spec) => {
                            // Opened in a task of its own: reading the largest file the page
                            // takes (32 MB) is hundreds of milliseconds, and so is turning it
                            // into the form, checking it and running it (the session turns the
                            // notice into the file's problems if it has any).
                            let load = Action::Load(Box::new(spec), Some(Notice::FileOpened));
                            gloo::timers::callback::Timeout::new(0, move || {
                                dispatch.dispatch(load)
                            })
                            .forget();
                        }
                        Err(error) => {
                            dispatch.dispatch(Action::Notify(Some(Notice::FileBroken(error))))
                        }
                    },
                }
            });
        })
    };
    let disabled = props.spec.is_none();
    html! {
        <section class="toolbar" aria-label={Text::Toolbar.get(lang)}>
            <div class="field choice">
                <label for="preset-select">{ Text::Presets.get(lang) }</label>
                <select id="preset-select" ref={preset_select} onchange={on_preset} onkeydown={on_preset_key} onblur={on_preset_blur}>
                    <option value="" selected={props.preset.is_none()}>{ Text::ChoosePreset.get(lang) }</option>
                    // Grouped by subject, each group in the presets' own order.
                    { for PresetGroup::ALL.into_iter().map(|group| html! {
                        <optgroup label={group.label(lang)}>
                            { for all_presets.iter().filter(|preset| PresetGroup::of(preset.id) == group).map(|preset| {
                                let (title, notice) = preset_text(preset.id, lang);
                                html! { <option value={preset.id.as_str()} title={notice}>{ title }</option> }
                            }) }
                        </optgroup>
                    }) }
                </select>
            </div>
            <div class="field generator">
                <label for="gen-seed">{ Text::RandomSeed.get(lang) }</label>
                <div class="generator-row">
                <input id="gen-seed" type="text" inputmode="numeric" value={(*seed).clone()} oninput={on_seed}
                    aria-invalid={seed_value.is_none().to_string()}
                    aria-describedby={seed_value.is_none().then_some("gen-seed-error")} />
                <button type="button" id="generate" onclick={on_generate} disabled={seed_value.is_none()}>{ Text::Generate.get(lang) }</button>
                </div>
                if seed_value.is_none() {
                    <p class="field-error" id="gen-seed-error" role="alert">{ Text::SeedNeedsNumber.get(lang) }</p>
                }
            </div>
            <div class="actions">
                <button type="button" id="copy-link" class="primary" onclick={on_copy} disabled={disabled || props.has_problems}
                    title={ if props.has_problems { Text::FixFirst.get(lang) } else { Text::CopyLinkHint.get(lang) } }>{ Text::CopyLink.get(lang) }</button>
                <button type="button" id="download-json" onclick={on_json} disabled={disabled}>{ Text::DownloadJson.get(lang) }</button>
                <input type="file" id="upload-json" class="visually-hidden" accept=".json,application/json" onchange={on_upload} />
                <label class="button" for="upload-json">{ Text::UploadJson.get(lang) }</label>
            </div>
        </section>
    }
}
