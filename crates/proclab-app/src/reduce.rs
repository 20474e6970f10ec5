//! The shape of every piece of page state: a value and a pure function from an action to the next
//! value. Front ends adapt it to their own store (the web crate to Yew's `use_reducer`).

/// State changed only by actions, with no side effects.
pub trait Reduce: Sized {
    type Action;

    /// The state after `action`, or `None` when nothing changed (so the front end can skip a
    /// re-render).
    fn reduce(&self, action: Self::Action) -> Option<Self>;
}
