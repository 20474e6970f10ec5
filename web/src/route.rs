//! The page's routes: the simulator at `/`, the Learn section under `/learn`, kept in the address's
//! fragment (`index.html#/learn/states`, see `App`).

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Simulator,
    #[at("/learn")]
    Learn,
    #[at("/learn/:topic")]
    LearnTopic { topic: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}
