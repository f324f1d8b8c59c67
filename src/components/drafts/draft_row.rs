use report_core::Edit;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::adapter::clock;
use crate::adapter::storage::DraftSummary;
use crate::components::shell::confirm_delete::ConfirmDelete;
use crate::hooks::use_dispatch;
use crate::state::library::start_next_year;
use crate::state::persistence::{
    delete_stored, download_raw, duplicate_stored, open_stored, rename_stored,
};
use crate::state::{Action, DraftAction, Notice, SessionAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub summary: DraftSummary,
    pub is_open: bool,
    pub open_id: AttrValue,
    pub save_now: Callback<()>,
}

#[derive(Clone, PartialEq)]
enum Mode {
    Normal,
    Renaming(String),
    ConfirmDelete,
}

/// One draft in the list with its actions.
#[function_component]
pub fn DraftRow(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let mode = use_state(|| Mode::Normal);
    let id = props.summary.id.clone();
    let name = props.summary.name.clone();
    let action = |f: Box<dyn Fn()>| Callback::from(move |_: MouseEvent| f());

    let open = {
        let (dispatch, id, save_now) = (dispatch.clone(), id.clone(), props.save_now.clone());
        action(Box::new(move || {
            save_now.emit(());
            open_stored(&dispatch, &id);
        }))
    };
    let duplicate = {
        let (dispatch, id, save_now) = (dispatch.clone(), id.clone(), props.save_now.clone());
        action(Box::new(move || {
            save_now.emit(());
            duplicate_stored(&dispatch, &id);
        }))
    };
    let next_year = {
        let (dispatch, id, save_now) = (dispatch.clone(), id.clone(), props.save_now.clone());
        action(Box::new(move || {
            save_now.emit(());
            start_next_year(&dispatch, &id);
        }))
    };
    let start_rename = {
        let (mode, name) = (mode.clone(), name.clone());
        action(Box::new(move || mode.set(Mode::Renaming(name.clone()))))
    };
    let ask_delete = {
        let mode = mode.clone();
        action(Box::new(move || mode.set(Mode::ConfirmDelete)))
    };
    let cancel = {
        let mode = mode.clone();
        Callback::from(move |()| mode.set(Mode::Normal))
    };
    let delete = {
        let (dispatch, id, open_id, mode) = (
            dispatch.clone(),
            id.clone(),
            props.open_id.clone(),
            mode.clone(),
        );
        action(Box::new(move || {
            mode.set(Mode::Normal);
            delete_stored(&dispatch, &id, &open_id);
        }))
    };
    let download = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        action(Box::new(move || {
            if let Err(message) = download_raw(&id) {
                dispatch.dispatch(Action::from(SessionAction::Notify(Notice::error(message))));
            }
        }))
    };

    let body = match &*mode {
        Mode::Renaming(new_name) => {
            let on_input = {
                let mode = mode.clone();
                Callback::from(move |e: InputEvent| {
                    mode.set(Mode::Renaming(
                        e.target_unchecked_into::<HtmlInputElement>().value(),
                    ))
                })
            };
            let confirm = {
                let (dispatch, id, mode, is_open) =
                    (dispatch.clone(), id.clone(), mode.clone(), props.is_open);
                let new_name = new_name.trim().to_string();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    if new_name.is_empty() {
                        return;
                    }
                    if is_open {
                        dispatch.dispatch(Action::from(DraftAction::Apply(Edit::Rename(
                            new_name.clone(),
                        ))));
                    } else {
                        rename_stored(&dispatch, &id, new_name.clone());
                    }
                    mode.set(Mode::Normal);
                })
            };
            html! {
                <form class="rename" onsubmit={confirm}>
                    <label for={format!("rename-{id}")}>{ "新名称" }</label>
                    <input id={format!("rename-{id}")} value={new_name.clone()} oninput={on_input} data-native-undo="" />
                    <button type="submit">{ "确定" }</button>
                    <button type="button" onclick={cancel.reform(|_| ())}>{ "取消" }</button>
                </form>
            }
        }
        Mode::ConfirmDelete => html! {
            <ConfirmDelete question={format!("确定删除“{name}”？删除后无法恢复（除非另有备份文件）。")}
                on_delete={delete} on_cancel={cancel} />
        },
        Mode::Normal if props.summary.damaged.is_some() => html! {
            <div class="row-actions">
                <button type="button" onclick={download}>{ "下载原始数据" }</button>
                <button type="button" onclick={ask_delete}>{ "删除" }</button>
            </div>
        },
        Mode::Normal => html! {
            <div class="row-actions">
                <button type="button" onclick={open} disabled={props.is_open}>
                    { if props.is_open { "正在编辑" } else { "打开" } }
                </button>
                <button type="button" onclick={start_rename} aria-label={format!("重命名“{name}”")}>{ "重命名" }</button>
                <button type="button" onclick={duplicate} aria-label={format!("复制“{name}”")}>{ "复制" }</button>
                <button type="button" onclick={next_year} aria-label={format!("从“{name}”开始下一年度报告")}>{ "开始下一年度报告" }</button>
                <button type="button" onclick={ask_delete} aria-label={format!("删除“{name}”")}>{ "删除" }</button>
            </div>
        },
    };
    html! {
        <li class={classes!("draft", props.is_open.then_some("open"))}>
            <div class="draft-info">
                <span class="draft-title">{ name.clone() }</span>
                if let Some(problem) = &props.summary.damaged {
                    <span class="damaged">{ format!("无法读取：{problem}") }</span>
                } else {
                    <span class="saved-at">{ format!("保存于 {}", clock::local_time_label(&props.summary.saved_at)) }</span>
                }
            </div>
            { body }
        </li>
    }
}
