use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use report_core::import_text::MAX_IMPORT_BYTES;
use report_core::plan::PlanImport;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::adapter::files;
use crate::adapter::import_worker::{self, PlanSource};
use crate::adapter::storage::{self, DraftSummary};
use crate::components::SharedDraft;
use crate::hooks::use_dispatch;
use crate::state::{Action, DraftAction};

/// One read of a plan, from whatever source, in the import worker.
type Task = Pin<Box<dyn Future<Output = Result<PlanImport, String>>>>;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
    /// The other drafts, any of which may be last year's report.
    pub drafts: Vec<DraftSummary>,
}

/// What the import is showing: nothing yet, work in the import worker, a result to review, a
/// message naming what went wrong.
#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    Reading,
    Review(Rc<PlanImport>),
    Failed(String),
}

/// Reads the year's plan from a paste, a file or last year's report, shows what was
/// recognised and what was skipped, and only then puts it into the draft.
#[function_component]
pub fn PlanImporter(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let stage = use_state(|| Stage::Idle);
    let pasted = use_node_ref();
    let report_year = props.draft.report_year;

    // Runs one read and shows its outcome.
    let read = {
        let stage = stage.clone();
        move |task: Task| {
            stage.set(Stage::Reading);
            let stage = stage.clone();
            wasm_bindgen_futures::spawn_local(async move {
                stage.set(match task.await {
                    Ok(import) => Stage::Review(Rc::new(import)),
                    Err(message) => Stage::Failed(message),
                });
            });
        }
    };
    let on_paste = {
        let (read, pasted) = (read.clone(), pasted.clone());
        Callback::from(move |_| {
            let text = pasted
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            read(Box::pin(async move {
                import_worker::read_plan(PlanSource::Text(&text), report_year).await
            }));
        })
    };
    let file_reader = |as_report: bool| {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let Some(file) = files::take_chosen_file(&e) else {
                return;
            };
            read(Box::pin(async move {
                let name = file.name();
                let bytes = files::read_bytes(file, MAX_IMPORT_BYTES).await?;
                let source = if as_report {
                    PlanSource::Report(&bytes, &name)
                } else {
                    PlanSource::File(&bytes, &name)
                };
                import_worker::read_plan(source, report_year).await
            }));
        })
    };
    let on_plan_file = file_reader(false);
    let on_report_file = file_reader(true);
    let on_stored = {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let id = select.value();
            select.set_value("");
            if id.is_empty() {
                return;
            }
            read(Box::pin(async move {
                let (draft, _) = storage::load_draft(&id)?;
                let json = report_core::to_compact_json(&draft, 0.0);
                import_worker::read_plan(
                    PlanSource::Report(json.as_bytes(), "draft.json"),
                    report_year,
                )
                .await
            }));
        })
    };

    let review = match &*stage {
        Stage::Idle => Html::default(),
        Stage::Reading => html! { <p role="status">{ "正在识别……" }</p> },
        Stage::Failed(message) => html! {
            <p class="import-error" role="alert">{ format!("未能导入计划：{message}。草稿没有任何改动。") }</p>
        },
        Stage::Review(import) => {
            let apply = {
                let (dispatch, stage, plan) =
                    (dispatch.clone(), stage.clone(), import.plan.clone());
                Callback::from(move |_| {
                    dispatch.dispatch(Action::from(DraftAction::SetPlan(plan.clone())));
                    stage.set(Stage::Idle);
                })
            };
            let cancel = {
                let stage = stage.clone();
                Callback::from(move |_| stage.set(Stage::Idle))
            };
            let year_note = match import.plan.year {
                Some(year) if year != report_year => html! {
                    <p class="warning-text">{ format!("注意：这份计划是 {year} 年的，本报告是 {report_year} 年度的。") }</p>
                },
                _ => Html::default(),
            };
            let rows = import.plan.items.iter().map(|item| html! {
                <tr>
                    <td>{ item.number.clone() }</td>
                    <td>{ item.title.clone() }</td>
                    <td>{ item.departments.join("、") }</td>
                    <td>{ item.targets.iter().map(|t| t.text.clone()).collect::<Vec<_>>().join("；") }</td>
                </tr>
            });
            let skipped = import.skipped.iter().map(|s| {
                html! {
                    <li>{ format!("第{}行“{}”：{}", s.line, s.text, s.reason) }</li>
                }
            });
            let apply_label = if props.draft.plan.is_some() {
                "替换现有计划（已作的判断按编号和标题保留）"
            } else {
                "使用这份计划"
            };
            html! {
                <div class="plan-review" data-testid="plan-review">
                    <p role="status">{ format!("识别出 {} 项计划任务，跳过 {} 行。", import.plan.items.len(), import.skipped.len()) }</p>
                    { year_note }
                    <table class="plan-items">
                        <thead><tr><th>{ "序号" }</th><th>{ "任务" }</th><th>{ "责任单位" }</th><th>{ "目标" }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    if !import.skipped.is_empty() {
                        <details><summary>{ "跳过的行及原因" }</summary><ul>{ for skipped }</ul></details>
                    }
                    <div class="row-actions">
                        <button type="button" class="primary" onclick={apply}>{ apply_label }</button>
                        <button type="button" onclick={cancel}>{ "取消" }</button>
                    </div>
                </div>
            }
        }
    };
    let others = props
        .drafts
        .iter()
        .filter(|d| d.id != props.draft.id && d.damaged.is_none())
        .map(|d| {
            html! { <option value={d.id.clone()}>{ d.name.clone() }</option> }
        });
    let busy = *stage == Stage::Reading;
    html! {
        <section class="plan-importer" aria-labelledby="plan-import-title">
            <h3 id="plan-import-title">{ "导入年度工作要点" }</h3>
            <div class="field">
                <label for="plan-paste">{ "粘贴工作要点全文（编号如“1.”“（一）”，责任单位写在括号中；也可直接粘贴 Word 表格）" }</label>
                <textarea id="plan-paste" ref={pasted} rows="6" data-native-undo="" />
            </div>
            <div class="drafts-actions">
                <button type="button" onclick={on_paste} disabled={busy}>{ "识别粘贴的文本" }</button>
                <input id="plan-file" class="visually-hidden" type="file" accept=".txt,.tsv,.docx,.xlsx,.html,.htm,.mhtml,.mht,text/plain,text/html" onchange={on_plan_file} disabled={busy} />
                <label class="file-button" for="plan-file">{ "选择计划文件（.txt、.tsv、.docx、.xlsx、网页）…" }</label>
                <input id="plan-report-file" class="visually-hidden" type="file" accept=".json,.txt,.docx,.html,.htm,.mhtml,.mht" onchange={on_report_file} disabled={busy} />
                <label class="file-button" for="plan-report-file">{ "从上一年度报告文件生成…" }</label>
                <label for="plan-report-draft">{ "或从草稿：" }</label>
                <select id="plan-report-draft" onchange={on_stored} disabled={busy}>
                    <option value="">{ "选择上一年度报告草稿" }</option>
                    { for others }
                </select>
            </div>
            <p class="hint">{ "从上一年度报告生成时，其“下一年度主要安排”部分的各项成为本年度的核对清单。" }</p>
            { review }
        </section>
    }
}
