use yew::prelude::*;

use crate::hooks::Failure;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the worker was asked to do, as the message names it (`检查`).
    pub what: AttrValue,
    pub failure: Failure,
}

/// A request to the worker that failed: what, why, and a button to ask again. Without
/// it the page would keep saying it is working until the next edit.
#[function_component]
pub fn RequestFailed(props: &Props) -> Html {
    let retry = props.failure.retry.reform(|_: MouseEvent| ());
    html! {
        <p class="request-failed" role="alert">
            { format!("{}未能完成（{}），请重试。", props.what, props.failure.message) }
            <button type="button" class="link" onclick={retry}>{ "重试" }</button>
        </p>
    }
}
