use yew::prelude::*;

use crate::components::SharedDraft;
use crate::hooks::{use_backup_download, use_dispatch};
use crate::state::persistence::{keep_mine, take_theirs};
use crate::state::{Action, Notice, SaveState, SessionAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notice: Option<Notice>,
    pub save: SaveState,
    pub draft: SharedDraft,
}

/// Messages for the user: the latest notice, and what to do when saving is impossible
/// or another tab changed the same draft.
#[function_component]
pub fn NoticeBar(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let backup = use_backup_download(props.draft.clone());
    let notice = props.notice.as_ref().map(|notice| {
        let dismiss = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::from(SessionAction::DismissNotice)))
        };
        let (class, role) = if notice.error {
            ("notice error", "alert")
        } else {
            ("notice info", "status")
        };
        html! {
            <div class={class} role={role} data-testid="notice">
                <span>{ notice.text.clone() }</span>
                <button type="button" onclick={dismiss}>{ "关闭" }</button>
            </div>
        }
    });
    let save = match &props.save {
        SaveState::Saved => None,
        SaveState::Failed(message) => Some(html! {
            <div class="notice error" role="alert">
                <span>{ message.clone() }</span>
                <button type="button" onclick={backup}>{ "下载备份文件" }</button>
            </div>
        }),
        SaveState::Conflict => {
            let id = props.draft.id.clone();
            let theirs = {
                let dispatch = dispatch.clone();
                let id = id.clone();
                Callback::from(move |_| take_theirs(&dispatch, &id))
            };
            let mine = Callback::from(move |_| keep_mine(&dispatch, &id));
            Some(html! {
                <div class="notice error" role="alert" data-testid="conflict">
                    <span>{ "这份草稿已在另一个标签页中修改。本页的修改尚未保存，请选择保留哪一份（可先下载本页备份）：" }</span>
                    <button type="button" onclick={backup}>{ "下载本页备份" }</button>
                    <button type="button" onclick={theirs}>{ "载入另一标签页的版本" }</button>
                    <button type="button" onclick={mine}>{ "保留本页版本" }</button>
                </div>
            })
        }
    };
    html! { <div class="notices">{ for notice }{ for save }</div> }
}
