use report_core::NodeId;
use yew::prelude::*;

use crate::hooks::use_dispatch;
use crate::state::{Action, NavAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: NodeId,
    /// 1 for a section, 2–4 for headings below it.
    pub level: u8,
    pub label: AttrValue,
    pub title: AttrValue,
    pub chars: usize,
    /// The section shown in the editor.
    pub current: bool,
}

#[cfg(feature = "render-count")]
thread_local! {
    static ENTRY_RENDERS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many times an outline entry has rendered in this page: the component tests count
/// that typing renders only the entries whose count changes (`render-count` feature).
#[cfg(feature = "render-count")]
pub fn entry_renders() -> u64 {
    ENTRY_RENDERS.get()
}

/// One entry of the outline: its number, title and count; a click jumps to it. A
/// component of its own so that a keystroke renders the entries whose count it changes
/// (the headings above the paragraph), not the whole outline.
#[function_component]
pub fn OutlineEntry(props: &Props) -> Html {
    #[cfg(feature = "render-count")]
    ENTRY_RENDERS.set(ENTRY_RENDERS.get() + 1);
    let dispatch = use_dispatch();
    let id = props.id;
    let jump = Callback::from(move |_| dispatch.dispatch(Action::from(NavAction::JumpTo(id))));
    html! {
        <li class={classes!("outline-entry", format!("level-{}", props.level))}>
            <button type="button" aria-current={props.current.then_some("step")} onclick={jump}>
                <span class="label">{ props.label.clone() }</span>
                <span class="title">{ props.title.clone() }</span>
                <span class="count">{ format!("{}字", props.chars) }</span>
            </button>
        </li>
    }
}
