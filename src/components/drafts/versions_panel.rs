use report_core::versions::{self, Change, Versions};
use report_core::Draft;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::adapter::{clock, storage};
use crate::components::SharedDraft;
use crate::hooks::use_dispatch;
use crate::state::{versions as stored_versions, Action, NavAction, Notice, SessionAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
    /// Whether a snapshot is being stored: when it is done the panel renders again,
    /// reading the list with it.
    pub snapshot_pending: bool,
}

/// What a comparison side shows: the open draft's text, or a snapshot (by its time).
const CURRENT: &str = "current";

/// A snapshot's key in the page: its time's bits, which tell apart snapshots taken
/// within one millisecond and need no float formatting (see [`report_core::text::decimal`]).
fn snapshot_key(snapshot: &versions::Snapshot) -> String {
    snapshot.taken_ms.to_bits().to_string()
}

/// 版本记录: the open draft's snapshots, taking one by hand, the difference between any
/// two (or one and the current text) part by part, restoring and deleting.
#[function_component]
pub fn VersionsPanel(props: &Props) -> Html {
    let dispatch = use_dispatch();
    // Set after each change made here, so the panel renders and reads storage again
    // (as it does on every render: snapshots taken elsewhere show at once).
    let generation = use_state(|| 0u32);
    let from = use_state(|| None::<String>);
    let to = use_state(|| CURRENT.to_string());
    let name_ref = use_node_ref();
    let versions: Versions = match storage::load_versions(&props.draft.id) {
        Ok(versions) => versions,
        Err(message) => {
            return html! {
                <main class="versions-view"><h2>{ "版本记录" }</h2><p class="import-error" role="alert">{ message }</p></main>
            }
        }
    };

    let take = {
        let (dispatch, draft, generation, name_ref) = (
            dispatch.clone(),
            props.draft.clone(),
            generation.clone(),
            name_ref.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = name_ref.cast::<HtmlInputElement>() else {
                return;
            };
            let name = input.value();
            if name.trim().is_empty() {
                dispatch.dispatch(Action::from(SessionAction::Notify(Notice::error(
                    "请填写版本名称，如“报局长审阅稿”。",
                ))));
                return;
            }
            let (dispatch, draft, generation) =
                (dispatch.clone(), draft.clone(), generation.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match stored_versions::take_named(&draft, &name).await {
                    Ok(()) => {
                        input.set_value("");
                        dispatch.dispatch(Action::from(SessionAction::Notify(Notice::info(
                            format!("已保存版本“{}”。", name.trim()),
                        ))));
                    }
                    Err(message) => dispatch
                        .dispatch(Action::from(SessionAction::Notify(Notice::error(message)))),
                }
                generation.set(*generation + 1);
            });
        })
    };

    let snapshot_draft = |key: &str| -> Option<Result<Draft, String>> {
        if key == CURRENT {
            return Some(Ok((**props.draft).clone()));
        }
        let snapshot = versions.snapshots.iter().find(|s| snapshot_key(s) == key)?;
        Some(snapshot.draft().map_err(|e| e.to_string()))
    };

    let rows = versions.snapshots.iter().rev().map(|snapshot| {
        let key = snapshot_key(snapshot);
        let time = clock::local_time_label(&report_core::date::rfc3339_from_unix_ms(
            snapshot.taken_ms,
        ));
        let label = if snapshot.is_named() {
            snapshot.name.clone()
        } else {
            snapshot.reason.label().to_string()
        };
        let compare = {
            let (from, key) = (from.clone(), key.clone());
            Callback::from(move |_| from.set(Some(key.clone())))
        };
        let restore = {
            let dispatch = dispatch.clone();
            let restored = snapshot.draft();
            let label = format!("{time} {label}");
            Callback::from(move |_| match &restored {
                Ok(draft) => {
                    dispatch.dispatch(Action::from(SessionAction::RestoreVersion(draft.clone())));
                    dispatch.dispatch(Action::from(SessionAction::Notify(Notice::info(format!(
                        "已恢复到版本“{label}”。恢复前的内容已另存为“恢复版本前”，可随时恢复回去。"
                    )))));
                }
                Err(err) => dispatch.dispatch(Action::from(SessionAction::Notify(Notice::error(format!(
                    "这个版本无法读取：{err}"
                ))))),
            })
        };
        let delete = {
            let (dispatch, generation) = (dispatch.clone(), generation.clone());
            let (id, taken_ms) = (props.draft.id.clone(), snapshot.taken_ms);
            Callback::from(move |_| {
                if let Err(message) = stored_versions::delete(&id, taken_ms) {
                    dispatch.dispatch(Action::from(SessionAction::Notify(Notice::error(message))));
                }
                generation.set(*generation + 1);
            })
        };
        html! {
            <tr key={key.clone()} data-testid="version">
                <td>{ time }</td>
                <td class={classes!(snapshot.is_named().then_some("named"))}>{ label.clone() }</td>
                <td>{ format!("{} KB", snapshot.file.len().div_ceil(1024)) }</td>
                <td>{ format!("{} 字", snapshot.changed_chars) }</td>
                <td>
                    <button type="button" onclick={compare} aria-label={format!("与当前内容比较：{label}")}>{ "比较" }</button>
                    <button type="button" onclick={restore} aria-label={format!("恢复此版本：{label}")}>{ "恢复" }</button>
                    if snapshot.is_named() {
                        <button type="button" onclick={delete} aria-label={format!("删除版本：{label}")}>{ "删除" }</button>
                    }
                </td>
            </tr>
        }
    });

    let option = |selected: &str| {
        let selected = selected.to_string();
        move |snapshot: &versions::Snapshot| {
            let key = snapshot_key(snapshot);
            let time = clock::local_time_label(&report_core::date::rfc3339_from_unix_ms(
                snapshot.taken_ms,
            ));
            let label = if snapshot.is_named() {
                snapshot.name.as_str()
            } else {
                snapshot.reason.label()
            };
            html! { <option value={key.clone()} selected={key == selected}>{ format!("{time} {label}") }</option> }
        }
    };
    let choose = |side: UseStateHandle<String>| {
        Callback::from(move |e: Event| {
            side.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let comparison = from.as_ref().map(|from_key| {
        let from_state = {
            let from = from.clone();
            move |e: Event| from.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
        };
        let diff = match (snapshot_draft(from_key), snapshot_draft(&to)) {
            (Some(Ok(old)), Some(Ok(new))) => {
                let parts: Vec<_> = versions::diff(&old, &new)
                    .into_iter()
                    .filter(|p| p.changed())
                    .collect();
                if parts.is_empty() {
                    html! { <p data-testid="version-diff">{ "两者内容相同。" }</p> }
                } else {
                    html! {
                        <div data-testid="version-diff">
                            { for parts.iter().map(|part| html! {
                                <section class="version-diff-part">
                                    <h3>{ format!("{}（改动 {} 字）", part.title, part.changed_chars()) }</h3>
                                    <p class="version-diff-text">
                                        { for part.runs.iter().map(|(change, text)| match change {
                                            Change::Same => html! { <span>{ text.clone() }</span> },
                                            Change::Added => html! { <ins>{ text.clone() }</ins> },
                                            Change::Removed => html! { <del>{ text.clone() }</del> },
                                        }) }
                                    </p>
                                </section>
                            }) }
                        </div>
                    }
                }
            }
            (Some(Err(message)), _) | (_, Some(Err(message))) => {
                html! { <p class="import-error" role="alert">{ format!("这个版本无法读取：{message}") }</p> }
            }
            _ => html! {},
        };
        html! {
            <section class="version-compare" aria-label="版本比较">
                <label for="compare-from">{ "比较" }</label>
                <select id="compare-from" onchange={Callback::from(from_state)}>
                    { for versions.snapshots.iter().rev().map(option(from_key)) }
                </select>
                <label for="compare-to">{ "与" }</label>
                <select id="compare-to" onchange={choose(to.clone())}>
                    <option value={CURRENT} selected={*to == CURRENT}>{ "当前内容" }</option>
                    { for versions.snapshots.iter().rev().map(option(&to)) }
                </select>
                <p class="hint">{ "绿色下划线为新增文字，红色删除线为删去文字。" }</p>
                { diff }
            </section>
        }
    });

    let close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::from(NavAction::ShowVersions(false))))
    };
    html! {
        <main class="versions-view" aria-labelledby="versions-title">
            <h2 id="versions-title">{ "版本记录" }</h2>
            <p class="hint">{ "编辑停顿后、导入计划、全部修正、更改报告年度和恢复版本之前自动保存版本；较早的自动版本逐步精简（当天全部保留，一个月内每天一份，更早每周一份）。手动保存的版本一直保留，直到删除。" }</p>
            <form class="version-name" onsubmit={take}>
                <label for="version-name">{ "版本名称" }</label>
                <input id="version-name" ref={name_ref} placeholder="如：报局长审阅稿" data-native-undo="" />
                <button type="submit">{ "保存当前版本" }</button>
            </form>
            if versions.snapshots.is_empty() {
                <p>{ "还没有保存的版本。" }</p>
            } else {
                <table class="versions" data-testid="versions">
                    <thead><tr><th>{ "时间" }</th><th>{ "名称" }</th><th>{ "大小" }</th><th>{ "改动字数" }</th><th>{ "操作" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
            { for comparison }
            <button type="button" onclick={close}>{ "返回编辑" }</button>
        </main>
    }
}
