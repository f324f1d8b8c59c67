use std::rc::Rc;

use report_core::format::MAX_DRAFT_BYTES;
use report_core::text::decimal;
use report_core::Template;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::adapter::storage::DraftSummary;
use crate::adapter::{clock, files};
use crate::components::drafts::draft_row::DraftRow;
use crate::components::drafts::report_importer::ReportImporter;
use crate::components::drafts::templates_section::TemplatesSection;
use crate::components::SharedDraft;
use crate::hooks::use_dispatch;
use crate::state::backup_all;
use crate::state::library::{all_templates, import_file, new_draft_from};
use crate::state::persistence::restore_backup;
use crate::state::{Action, Notice, SessionAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub drafts: Vec<DraftSummary>,
    pub open_id: AttrValue,
    /// Saves the open draft before another one replaces it.
    pub save_now: Callback<()>,
    /// The open draft, which can be saved as a template.
    pub draft: SharedDraft,
    /// The user's templates.
    pub templates: Rc<Vec<Template>>,
    pub template_clash: Option<Rc<Template>>,
}

/// The list of drafts: create on a template, restore from a backup file, per-draft
/// actions, and the templates. A template file dropped anywhere on the page is imported.
#[function_component]
pub fn DraftsView(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let year = use_state(clock::default_report_year);
    // Names are unique among built-ins and user templates; empty means the default.
    let template_name = use_state(String::new);
    let choices = all_templates(&props.templates);
    let chosen = choices
        .iter()
        .find(|t| t.name == *template_name)
        .unwrap_or(&choices[0])
        .clone();
    let on_template = {
        let template_name = template_name.clone();
        Callback::from(move |e: Event| {
            template_name.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let on_year = {
        let year = year.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(y) = e
                .target_unchecked_into::<HtmlInputElement>()
                .value()
                .parse::<u16>()
            {
                if report_core::model::REPORT_YEARS.contains(&y) {
                    year.set(y);
                }
            }
        })
    };
    let create = {
        let dispatch = dispatch.clone();
        let save_now = props.save_now.clone();
        let (year, template) = (*year, chosen.clone());
        Callback::from(move |_| {
            save_now.emit(());
            new_draft_from(&dispatch, &template, year);
        })
    };
    // Without `preventDefault` on dragover the browser refuses the drop and opens the file.
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let file = e
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|list| list.get(0));
            if let Some(file) = file {
                import_file(&dispatch, file);
            }
        })
    };
    let builtin_count = choices.len() - props.templates.len();
    let option = |t: &Template| {
        html! { <option value={t.name.clone()} selected={t.name == chosen.name}>{ t.name.clone() }</option> }
    };
    let restore = {
        let dispatch = dispatch.clone();
        let save_now = props.save_now.clone();
        Callback::from(move |e: Event| {
            let Some(file) = files::take_chosen_file(&e) else {
                return;
            };
            let name = file.name();
            let dispatch = dispatch.clone();
            let save_now = save_now.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match files::read_bytes(file, MAX_DRAFT_BYTES).await {
                    Ok(bytes) => {
                        save_now.emit(());
                        restore_backup(&dispatch, &name, &bytes).await;
                    }
                    Err(message) => dispatch.dispatch(Action::from(SessionAction::Notify(
                        Notice::error(format!("{message}。现有草稿没有任何改动。")),
                    ))),
                }
            });
        })
    };
    let backup_all = {
        let dispatch = dispatch.clone();
        let save_now = props.save_now.clone();
        Callback::from(move |_| {
            save_now.emit(());
            backup_all::download(&dispatch);
        })
    };
    let restore_all = {
        let dispatch = dispatch.clone();
        let save_now = props.save_now.clone();
        Callback::from(move |e: Event| {
            let Some(file) = files::take_chosen_file(&e) else {
                return;
            };
            save_now.emit(());
            backup_all::restore_file(&dispatch, file);
        })
    };
    let rows = props.drafts.iter().map(|summary| {
        html! {
            <DraftRow key={summary.id.clone()} summary={summary.clone()}
                is_open={summary.id == props.open_id.as_str()} open_id={props.open_id.clone()}
                save_now={props.save_now.clone()} />
        }
    });
    html! {
        <main class="drafts-view" aria-labelledby="drafts-title" ondragover={on_drag_over} ondrop={on_drop}>
            <h2 id="drafts-title">{ "草稿列表" }</h2>
            <div class="drafts-actions">
                <label for="new-template">{ "模板" }</label>
                <select id="new-template" onchange={on_template}>
                    <optgroup label="内置模板">{ for choices[..builtin_count].iter().map(option) }</optgroup>
                    if builtin_count < choices.len() {
                        <optgroup label="我的模板">{ for choices[builtin_count..].iter().map(option) }</optgroup>
                    }
                </select>
                <label for="new-year">{ "报告年度" }</label>
                <input id="new-year" type="number" min={report_core::model::REPORT_YEARS.start().to_string()} max={report_core::model::REPORT_YEARS.end().to_string()} value={year.to_string()} oninput={on_year} data-native-undo="" />
                <button type="button" onclick={create}>{ "新建草稿" }</button>
                <input id="restore-file" class="visually-hidden" type="file" accept=".json,application/json" onchange={restore} />
                <label class="file-button" for="restore-file">{ "从备份文件恢复…" }</label>
            </div>
            <ReportImporter template={chosen.clone()} fallback_year={*year} save_now={props.save_now.clone()} />
            <div class="drafts-actions">
                <button type="button" onclick={backup_all}>{ "下载完整备份" }</button>
                <input id="restore-all-file" class="visually-hidden" type="file" accept=".json,application/json" onchange={restore_all} />
                <label class="file-button" for="restore-all-file">{ "从完整备份恢复…" }</label>
            </div>
            <p class="hint">{ "恢复备份和导入已有报告总是新建草稿（导入时按所选模板的大纲归入各部分），不会覆盖现有草稿。完整备份包括全部草稿及其版本记录和我的模板，可在其他浏览器或电脑上恢复。" }</p>
            <StorageUsage />
            <ul class="drafts" data-testid="drafts">{ for rows }</ul>
            <TemplatesSection draft={props.draft.clone()} templates={props.templates.clone()}
                clash={props.template_clash.clone()} />
        </main>
    }
}

/// 已用 … / 可用 …: the browser's estimate of what the origin stores and may store.
#[function_component]
fn StorageUsage() -> Html {
    let estimate = use_state(|| None);
    {
        let estimate = estimate.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                estimate.set(crate::adapter::storage::estimate().await);
            });
        });
    }
    match *estimate {
        Some((usage, quota)) => html! {
            <p class="hint" data-testid="storage-usage">
                { format!("浏览器存储：已用 {} / 可用 {}", byte_size(usage), byte_size(quota)) }
            </p>
        },
        None => html! {},
    }
}

/// A size for people: in KB below a megabyte, in MB below a gigabyte, else in GB.
fn byte_size(bytes: f64) -> String {
    const KB: f64 = 1024.0;
    if bytes < KB * KB {
        format!("{} KB", decimal(bytes / KB, 0))
    } else if bytes < KB * KB * KB {
        format!("{} MB", decimal(bytes / (KB * KB), 1))
    } else {
        format!("{} GB", decimal(bytes / (KB * KB * KB), 1))
    }
}
