//! The page's routes: the simulator at `/`, the Learn section under `/learn`, Practice at `/practice` (a set's
//! link adds `?set=`), all kept in the address's fragment (`index.html#/learn/states`, see `App`), so a static
//! host needs no rewrite rule.

use yew_router::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Simulator,
    #[at("/learn")]
    Learn,
    #[at("/practice")]
    Practice,
    #[at("/learn/:topic")]
    LearnTopic { topic: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}
