use yew::prelude::*;

use crate::state::Dispatch;

/// The dispatcher from the root's context.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside App")
}
