use yew::prelude::*;

use crate::components::shell::confirm_delete::ConfirmDelete;
use crate::hooks::use_dispatch;
use crate::state::library::delete;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub name: AttrValue,
    pub description: AttrValue,
}

/// One of the user's templates, deleted only after confirming.
#[function_component]
pub fn TemplateRow(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let confirming = use_state(|| false);
    let name = props.name.clone();
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |()| confirming.set(false))
    };
    let confirm = {
        let (confirming, name) = (confirming.clone(), name.clone());
        Callback::from(move |_| {
            confirming.set(false);
            delete(&dispatch, &name);
        })
    };
    html! {
        <li class="draft">
            <div class="draft-info">
                <span class="draft-title">{ name.clone() }</span>
                <span class="saved-at">{ props.description.clone() }</span>
            </div>
            if *confirming {
                <ConfirmDelete question={format!("确定删除模板“{name}”？已用它新建的草稿不受影响。")}
                    on_delete={confirm} on_cancel={cancel} />
            } else {
                <div class="row-actions">
                    <button type="button" onclick={ask} aria-label={format!("删除模板“{name}”")}>{ "删除" }</button>
                </div>
            }
        </li>
    }
}
