//! A long text cut to its first lines on a phone, with a button for the rest: an example's
//! description had filled a phone's first screen (about 30 lines), pushing the examples' menu
//! and the picture below it, while the same lesson is said again by the machine.

use proclab_app::i18n::Lang;
use yew::prelude::*;

/// Texts up to this many characters fit in the lines a phone shows of them: no button.
const SHORT: usize = 160;

#[derive(Properties, PartialEq)]
pub struct ClampedProps {
    pub lang: Lang,
    pub text: AttrValue,
}

/// The text, cut to four lines at phone widths (the style sheet's `.clampable.clamped`) with a
/// "More" button that shows the rest and then folds it again; whole everywhere else. Give it
/// the text as its `key` so a new text starts folded.
#[function_component(Clamped)]
pub fn clamped(props: &ClampedProps) -> Html {
    let open = use_state_eq(|| false);
    let long = props.text.chars().count() > SHORT;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <>
            <p class={classes!("clampable", (long && !*open).then_some("clamped"))}>{ props.text.clone() }</p>
            if long {
                <button type="button" class="clamp-more small" aria-expanded={open.to_string()} onclick={toggle}>
                    { if *open { props.lang.pick(["접기 ▴", "Less ▴"]) } else { props.lang.pick(["더 보기 ▾", "More ▾"]) } }
                </button>
            }
        </>
    }
}
