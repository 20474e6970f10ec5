//! Yew's `use_reducer` over the page's pure reducers: [`Store`] wraps any
//! [`Reduce`](proclab_app::reduce::Reduce) state so that components keep it in a reducer hook,
//! while the state and its transitions stay in `proclab-app`, testable without a browser.

use std::ops::Deref;
use std::rc::Rc;

use proclab_app::reduce::Reduce;
use yew::Reducible;

/// A pure state held by a Yew reducer hook.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Store<T>(pub T);

impl<T> Deref for Store<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Reduce> Reducible for Store<T> {
    type Action = T::Action;

    fn reduce(self: Rc<Self>, action: T::Action) -> Rc<Self> {
        match self.0.reduce(action) {
            Some(next) => Rc::new(Store(next)),
            // The same `Rc`: Yew skips the re-render.
            None => self,
        }
    }
}
