use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What is about to be deleted, and what that means.
    pub question: AttrValue,
    pub on_delete: Callback<MouseEvent>,
    pub on_cancel: Callback<()>,
}

/// A delete that waits for a second click. The question takes the focus on 取消, so
/// that Enter keeps what a slip of the key would lose, and Escape anywhere in it cancels.
#[function_component]
pub fn ConfirmDelete(props: &Props) -> Html {
    let cancel_button = use_node_ref();
    {
        let cancel_button = cancel_button.clone();
        use_effect_with((), move |_| {
            if let Some(button) = cancel_button.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let on_key = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_cancel.emit(());
            }
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="confirm" role="alert" onkeydown={on_key}>
            <span>{ format!("{}（Esc 取消）", props.question) }</span>
            <button type="button" class="danger" onclick={props.on_delete.clone()}>{ "确认删除" }</button>
            <button type="button" ref={cancel_button} onclick={cancel}>{ "取消" }</button>
        </div>
    }
}
