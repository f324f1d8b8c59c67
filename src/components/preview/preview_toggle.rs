use yew::prelude::*;

use crate::hooks::use_dispatch;
use crate::state::{Action, NavAction, PreviewMode};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub mode: PreviewMode,
}

/// Chooses where the paged preview shows: not at all, beside the editor, or instead of it.
#[function_component]
pub fn PreviewToggle(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let choices = [
        (PreviewMode::Hidden, "仅编辑"),
        (PreviewMode::Beside, "并排预览"),
        (PreviewMode::Instead, "仅预览"),
    ];
    let buttons = choices.into_iter().map(|(mode, label)| {
        let dispatch = dispatch.clone();
        html! {
            <button type="button" aria-pressed={(props.mode == mode).to_string()}
                onclick={move |_| dispatch.dispatch(Action::from(NavAction::SetPreview(mode)))}>
                { label }
            </button>
        }
    });
    html! {
        <div class="preview-toggle" role="group" aria-label="版式预览">{ for buttons }</div>
    }
}
