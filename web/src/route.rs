//! The page's routes: the simulator at `/`, the Learn section under `/learn`.

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
