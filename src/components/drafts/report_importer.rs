use std::rc::Rc;

use report_core::import_text::MAX_IMPORT_BYTES;
use report_core::report_import::ReportImport;
use report_core::Template;
use yew::prelude::*;

use crate::adapter::{clock, files, import_worker};
use crate::hooks::use_dispatch;
use crate::state::persistence::open_new;
use crate::state::{Action, Notice, SessionAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The template the new draft's outline comes from (the one chosen for 新建草稿).
    pub template: Template,
    /// The year of a report whose title names none.
    pub fallback_year: u16,
    /// Saves the open draft before the new one replaces it.
    pub save_now: Callback<()>,
}

#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    Reading,
    Review(Rc<ReportImport>),
    Failed(String),
}

/// 导入已有报告: reads a .docx, .txt or web-page report in the import worker, shows which part of the
/// outline each of its parts goes to, and only on 导入 stores it as a new draft; the
/// open draft is never changed.
#[function_component]
pub fn ReportImporter(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let stage = use_state(|| Stage::Idle);
    let on_file = {
        let stage = stage.clone();
        let (template, year) = (props.template.clone(), props.fallback_year);
        Callback::from(move |e: Event| {
            let Some(file) = files::take_chosen_file(&e) else {
                return;
            };
            stage.set(Stage::Reading);
            let (stage, template) = (stage.clone(), template.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let read = async {
                    let bytes = files::read_bytes(file, MAX_IMPORT_BYTES).await?;
                    import_worker::read_report(&bytes, &name, &template, &clock::new_id(), year)
                        .await
                };
                stage.set(match read.await {
                    Ok(import) => Stage::Review(Rc::new(import)),
                    Err(message) => Stage::Failed(format!(
                        "无法导入“{name}”：{message}。现有草稿没有任何改动。"
                    )),
                });
            });
        })
    };
    let review = match &*stage {
        Stage::Idle => Html::default(),
        Stage::Reading => html! { <p role="status">{ "正在识别报告……" }</p> },
        Stage::Failed(message) => {
            html! { <p class="import-error" role="alert">{ message.clone() }</p> }
        }
        Stage::Review(import) => {
            let create = {
                let (dispatch, stage, save_now) =
                    (dispatch.clone(), stage.clone(), props.save_now.clone());
                let draft = import.draft.clone();
                Callback::from(move |_| {
                    save_now.emit(());
                    let name = draft.name.clone();
                    open_new(&dispatch, draft.clone());
                    dispatch.dispatch(Action::from(SessionAction::Notify(Notice::info(format!(
                        "已导入为新草稿“{name}”，原有草稿没有改动。"
                    )))));
                    stage.set(Stage::Idle);
                })
            };
            let cancel = {
                let stage = stage.clone();
                Callback::from(move |_| stage.set(Stage::Idle))
            };
            let rows = import.parts.iter().map(|part| {
                let source = if part.source_title.is_empty() {
                    "（一、之前的段落）".to_string()
                } else {
                    part.source_title.clone()
                };
                let (target, class) = match &part.placed_in {
                    Some(title) => (title.clone(), ""),
                    None => (
                        "模板中没有对应部分，单独保留在末尾".to_string(),
                        "warning-text",
                    ),
                };
                html! {
                    <tr>
                        <td>{ source }</td>
                        <td class={class}>{ target }</td>
                        <td>{ format!("{} 个标题、{} 段", part.headings, part.paragraphs) }</td>
                    </tr>
                }
            });
            let unplaced = import
                .parts
                .iter()
                .filter(|p| p.placed_in.is_none())
                .count();
            let draft = &import.draft;
            html! {
                <div class="plan-review" data-testid="report-import-review">
                    <p role="status">{ format!(
                        "将新建草稿“{}”（{}年度，模板“{}”），共 {} 个部分{}。现有草稿不会改动。",
                        draft.name, draft.report_year, draft.template, import.parts.len(),
                        if unplaced > 0 { format!("，其中 {unplaced} 个未对应模板") } else { String::new() },
                    ) }</p>
                    <table class="plan-items">
                        <thead><tr><th>{ "报告中的部分" }</th><th>{ "放入" }</th><th>{ "内容" }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    <div class="row-actions">
                        <button type="button" class="primary" onclick={create}>{ "导入" }</button>
                        <button type="button" onclick={cancel}>{ "取消" }</button>
                    </div>
                </div>
            }
        }
    };
    let busy = *stage == Stage::Reading;
    html! {
        <div class="report-importer">
            <input id="report-file" class="visually-hidden" type="file" accept=".docx,.txt,.html,.htm,.mhtml,.mht,text/plain,text/html" onchange={on_file} disabled={busy} />
            <label class="file-button" for="report-file">{ "导入已有报告（.docx、.txt、网页）…" }</label>
            { review }
        </div>
    }
}
