use report_core::model::{Direction, Parent, TextField, MAX_LEVEL};
use report_core::{outline, Node};
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::section_editor::node_list;
use super::use_dispatch;
use crate::adapter::clock::keystroke_ms;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub node: Node,
    /// The heading's number (`（一）`); empty for a paragraph.
    pub label: AttrValue,
    pub level: u8,
    pub first: bool,
    pub last: bool,
}

/// A heading with its subtree, or a paragraph, with move and delete buttons.
#[function_component]
pub fn NodeEditor(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let confirming = use_state(|| false);
    let id = props.node.id();
    let set_text = |field: TextField| {
        let dispatch = dispatch.clone();
        move |text: String| {
            dispatch.dispatch(Action::SetText {
                id,
                field,
                text,
                at_ms: keystroke_ms(),
            })
        }
    };
    let mover = |direction: Direction| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::MoveNode { id, direction }))
    };
    let kind = if props.node.is_heading() {
        "标题"
    } else {
        "段落"
    };
    let has_content = outline::node_chars(&props.node) > 0;
    let remove = {
        let dispatch = dispatch.clone();
        let confirming = confirming.clone();
        Callback::from(move |_| {
            if has_content && !*confirming {
                confirming.set(true);
            } else {
                dispatch.dispatch(Action::RemoveNode(id));
            }
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    // The confirmation takes the focus, so that Escape (or Enter) answers it at once.
    let confirm_button = use_node_ref();
    {
        let confirm_button = confirm_button.clone();
        use_effect_with(*confirming, move |confirming| {
            if let Some(button) = confirming
                .then(|| confirm_button.cast::<HtmlElement>())
                .flatten()
            {
                let _ = button.focus();
            }
        });
    }
    let on_key = {
        let confirming = confirming.clone();
        Callback::from(move |e: KeyboardEvent| {
            if *confirming && e.key() == "Escape" {
                e.prevent_default();
                confirming.set(false);
            }
        })
    };
    let name = if props.label.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}{}", props.label)
    };
    let tools = html! {
        <div class="node-tools" role="group" aria-label={format!("{name}操作")} onkeydown={on_key}>
            <button type="button" onclick={mover(Direction::Up)} disabled={props.first} aria-label={format!("上移{name}")}>{ "↑" }</button>
            <button type="button" onclick={mover(Direction::Down)} disabled={props.last} aria-label={format!("下移{name}")}>{ "↓" }</button>
            if *confirming {
                <span class="confirm" role="alert">{ format!("删除{name}及其全部内容？（Esc 取消）") }</span>
                <button type="button" class="danger" ref={confirm_button} onclick={remove}>{ "确认删除" }</button>
                <button type="button" onclick={cancel}>{ "取消" }</button>
            } else {
                <button type="button" onclick={remove} aria-label={format!("删除{name}")}>{ "删除" }</button>
            }
        </div>
    };
    match &props.node {
        Node::Paragraph { text, .. } => {
            let set = set_text(TextField::Text);
            html! {
                <div class="node paragraph">
                    <textarea id={format!("node-{id}")} class="paragraph-text" aria-label="段落" value={text.clone()}
                        placeholder="在此输入段落内容"
                        oninput={move |e: InputEvent| set(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
                    <div class="node-foot">
                        <span class="count">{ format!("{}字", outline::char_count(text)) }</span>
                        { tools }
                    </div>
                </div>
            }
        }
        Node::Heading {
            title,
            text,
            children,
            ..
        } => {
            let set_title = set_text(TextField::Title);
            let set_run_in = set_text(TextField::Text);
            html! {
                <div class={classes!("node", "heading", format!("level-{}", props.level))}>
                    <div class="heading-line">
                        <span class="label">{ props.label.clone() }</span>
                        <input id={format!("node-{id}")} class="heading-title" aria-label={format!("标题{}", props.label)}
                            value={title.clone()} placeholder="标题"
                            oninput={move |e: InputEvent| set_title(e.target_unchecked_into::<HtmlInputElement>().value())} />
                        { tools }
                    </div>
                    <textarea id={format!("node-{id}-text")} class="run-in-text" aria-label={format!("标题{}后同段正文（可选）", props.label)} value={text.clone()}
                        placeholder="（可选）接在标题后的同段正文，如“（一）标题。正文……”"
                        oninput={move |e: InputEvent| set_run_in(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
                    { node_list(&dispatch, children, Parent::Heading(id), props.level + 1, MAX_LEVEL) }
                </div>
            }
        }
    }
}
