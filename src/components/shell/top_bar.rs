use yew::prelude::*;

use crate::components::preview::preview_toggle::PreviewToggle;
use crate::components::SharedDraft;
use crate::hooks::{use_backup_download, use_dispatch};
use crate::state::{Action, DraftAction, NavAction, PreviewMode, SaveState};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft_name: AttrValue,
    pub save: SaveState,
    pub unsaved: bool,
    pub show_drafts: bool,
    pub show_checks: bool,
    pub show_versions: bool,
    pub draft: SharedDraft,
    pub preview: PreviewMode,
    pub can_undo: bool,
    pub can_redo: bool,
}

#[function_component]
pub fn TopBar(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let (status, class) = match (&props.save, props.unsaved) {
        (SaveState::Conflict, _) => ("有冲突，未保存", "save-status conflict"),
        (SaveState::Failed(_), _) => ("保存失败", "save-status failed"),
        (SaveState::Saved, true) => ("未保存…", "save-status pending"),
        (SaveState::Saved, false) => ("已保存", "save-status saved"),
    };
    let toggle_drafts = {
        let dispatch = dispatch.clone();
        let show = !props.show_drafts;
        Callback::from(move |_| dispatch.dispatch(Action::from(NavAction::ShowDrafts(show))))
    };
    let toggle_checks = {
        let dispatch = dispatch.clone();
        let show = !props.show_checks;
        Callback::from(move |_| dispatch.dispatch(Action::from(NavAction::ShowChecks(show))))
    };
    let toggle_versions = {
        let dispatch = dispatch.clone();
        let show = !props.show_versions;
        Callback::from(move |_| dispatch.dispatch(Action::from(NavAction::ShowVersions(show))))
    };
    let history = |action: fn() -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(action()))
    };
    let backup = use_backup_download(props.draft.clone());
    html! {
        <header class="top-bar">
            <h1 class="app-name">{ "法治政府建设年度报告起草助手" }</h1>
            <span class="draft-name" title={props.draft_name.clone()}>{ props.draft_name.clone() }</span>
            <span class={class} role="status" aria-live="polite" data-testid="save-status">{ status }</span>
            <button type="button" onclick={history(|| Action::from(DraftAction::Undo))} disabled={!props.can_undo}
                title="撤销上一步修改（Ctrl+Z）">{ "撤销" }</button>
            <button type="button" onclick={history(|| Action::from(DraftAction::Redo))} disabled={!props.can_redo}
                title="重做撤销的修改（Ctrl+Y）">{ "重做" }</button>
            <button type="button" onclick={toggle_drafts} aria-pressed={props.show_drafts.to_string()}>
                { if props.show_drafts { "返回编辑" } else { "草稿列表" } }
            </button>
            <button type="button" onclick={toggle_checks} aria-pressed={props.show_checks.to_string()}>
                { "格式检查" }
            </button>
            <button type="button" onclick={toggle_versions} aria-pressed={props.show_versions.to_string()}>
                { "版本记录" }
            </button>
            <PreviewToggle mode={props.preview} />
            <button type="button" onclick={backup}>{ "下载备份" }</button>
        </header>
    }
}
