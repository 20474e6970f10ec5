//! A long text cut to its first lines, with a button for the rest: an example's description had
//! filled a phone's first screen (about 30 lines), pushing the examples' menu and the picture
//! below it, and at a laptop's width stood seven lines tall above the form while the machine's
//! "What to watch" said the same lesson again.

use proclab_app::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClampedProps {
    pub lang: Lang,
    pub text: AttrValue,
}

/// The text, cut to four lines on a phone and two elsewhere (the style sheet's
/// `.clampable.clamped`), with a "More" button that shows the rest and then folds it again; the
/// button only where the lines cut something off, measured after each render and when the
/// window is resized (a count of characters had shown it under a text that fitted). Give it the
/// text as its `key` so a new text starts folded.
#[function_component(Clamped)]
pub fn clamped(props: &ClampedProps) -> Html {
    let open = use_state_eq(|| false);
    let text_ref = use_node_ref();
    let cut = use_cut_off(text_ref.clone(), *open, ());
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <>
            // In its own language from the first layout: the page's `lang` is set by an effect
            // that may come after this one measures, and Korean's line breaking (`keep-all`) had
            // turned two lines into three, cut with no button.
            <p ref={text_ref} lang={props.lang.tag()} class={classes!("clampable", (!*open).then_some("clamped"))}>{ props.text.clone() }</p>
            if cut || *open {
                <button type="button" class="clamp-more small" aria-expanded={open.to_string()} onclick={toggle}>
                    { if *open { props.lang.pick(["접기 ▴", "Less ▴"]) } else { props.lang.pick(["더 보기 ▾", "More ▾"]) } }
                </button>
            }
        </>
    }
}

/// Whether the element of `text_ref`, folded (`open` false), cuts its text off: measured after
/// each render where `open` or `deps` changed, and when the window is resized. Unfolded, the
/// last answer stands (the text is whole then, and its button stays to fold it again).
#[hook]
pub fn use_cut_off<D: PartialEq + 'static>(text_ref: NodeRef, open: bool, deps: D) -> bool {
    let cut = use_state_eq(|| false);
    {
        let cut = cut.clone();
        use_effect_with((open, deps), move |(open, _)| {
            let measure = {
                let open = *open;
                move || {
                    if !open {
                        if let Some(element) = text_ref.cast::<web_sys::Element>() {
                            cut.set(element.scroll_height() > element.client_height() + 1);
                        }
                    }
                }
            };
            measure();
            let resized = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "resize", move |_| measure())
            });
            move || drop(resized)
        });
    }
    *cut
}
