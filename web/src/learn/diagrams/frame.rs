//! The frame every Learn diagram is drawn in, and how it stays readable on a phone.
//!
//! On a wide screen the SVG scales with its column, capped at its natural width (one viewBox unit
//! per CSS pixel). Below the phone breakpoint in `web/style.css` it keeps that natural width, so
//! its smallest text (12 px) is still 12 px, and the frame scrolls sideways instead (issue 11).
//! Every diagram has a phone's drawing ([`super::wide_or_upright`]) within 370 px, so on a phone
//! of 390 px none scrolls; a narrower one still may.
//!
//! Whether the frame overflows is measured, on mount and on every window resize: only a frame
//! that scrolls is a tab stop (so the arrow keys scroll it) with a label, and shows the hint. The
//! measurement is this module's one imperative island; it holds no app state.

use crate::learn::words::Word;
use proclab_app::i18n::Lang;
use proclab_app::lang::Words;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub lang: Lang,
    /// What a screen reader hears and what the picture should teach.
    pub label: AttrValue,
    /// The viewBox width, which is also the natural width in CSS pixels.
    pub width: u32,
    /// The viewBox height.
    pub height: u32,
    pub children: Html,
}

/// A `<figure class="diagram">` holding one SVG in a frame that scrolls sideways when the SVG is
/// wider than the column.
#[function_component(Frame)]
pub fn frame(props: &FrameProps) -> Html {
    let scroller = use_node_ref();
    let overflows = use_state_eq(|| false);
    {
        let scroller = scroller.clone();
        let overflows = overflows.clone();
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(element) = scroller.cast::<web_sys::Element>() {
                    overflows.set(element.scroll_width() > element.client_width());
                }
            };
            measure();
            let listener = web_sys::window().map(|window| {
                let measure = measure.clone();
                gloo::events::EventListener::new(&window, "resize", move |_| measure())
            });
            move || drop(listener)
        });
    }
    let lang = props.lang;
    let scrolls = *overflows;
    let width = props.width;
    let view_box = format!("0 0 {width} {}", props.height);
    let style = format!("max-width: {width}px; --natural-width: {width}px");
    html! {
        <figure class="diagram">
            if scrolls {
                <p class="diagram-hint" aria-hidden="true">{ Word::DiagramScrollHint.get(lang) }</p>
            }
            <div ref={scroller} class={classes!("diagram-scroll", scrolls.then_some("overflows"))}
                tabindex={scrolls.then_some("0")} role={scrolls.then_some("group")}
                aria-label={scrolls.then(|| Word::DiagramScroller.get(lang))}>
                <svg viewBox={view_box} role="img" aria-label={props.label.clone()} {style}>
                    <title>{ props.label.clone() }</title>
                    { props.children.clone() }
                </svg>
            </div>
        </figure>
    }
}
