use std::rc::Rc;

use report_core::check;
use report_core::empty_parts::{empty_parts, EmptyParts};
use report_core::export_options::{ExportOptions, FontFamily, LayoutProfile};
use report_core::Edit;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::adapter::worker::OfficeFile;
use crate::components::checks::check_panel::CheckPanel;
use crate::components::SharedDraft;
use crate::components::{open_place, place_of};
use crate::hooks::{use_backup_download, use_dispatch, use_file_download};
use crate::state::{Action, CheckSetup, DraftAction};

/// The id of the 保密审查 checkbox, for jumping to it.
pub const SECRECY_REVIEWED_ID: &str = "secrecy-reviewed";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
    /// The app state's revision of `draft`, which the worker may hold already.
    pub revision: u64,
    /// The checker as the draft's template sets it up, with the dates the report is due.
    pub setup: Rc<CheckSetup>,
}

/// 检查与导出: what is still missing, the Word file with its layout options, and the backup.
#[function_component]
pub fn ExportStep(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let (export_docx, exporting) = use_file_download(OfficeFile::Report, "导出 Word 文件失败");
    let missing = use_memo(
        (props.draft.clone(), props.setup.clone()),
        |(draft, setup)| check::missing(draft, &draft.export, setup.get()),
    );
    let options = props.draft.export.clone();

    let set_options = {
        let dispatch = dispatch.clone();
        move |change: fn(&mut ExportOptions, &str, bool), options: ExportOptions| {
            let dispatch = dispatch.clone();
            move |value: String, checked: bool| {
                let mut options = options.clone();
                change(&mut options, &value, checked);
                dispatch.dispatch(Action::from(DraftAction::SetExportOptions(options)));
            }
        }
    };
    let on_profile = {
        let set = set_options(
            |o, v, _| o.profile = LayoutProfile::from_key(v).unwrap_or_default(),
            options.clone(),
        );
        Callback::from(move |e: Event| {
            set(
                e.target_unchecked_into::<HtmlSelectElement>().value(),
                false,
            )
        })
    };
    let on_fonts = {
        let set = set_options(
            |o, v, _| {
                o.fonts = if v == "plain" {
                    FontFamily::Plain
                } else {
                    FontFamily::Gb2312
                }
            },
            options.clone(),
        );
        Callback::from(move |e: Event| {
            set(
                e.target_unchecked_into::<HtmlSelectElement>().value(),
                false,
            )
        })
    };
    let checkbox = |change: fn(&mut ExportOptions, &str, bool)| {
        let set = set_options(change, options.clone());
        Callback::from(move |e: Event| {
            set(
                String::new(),
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            )
        })
    };
    let on_empty_parts = {
        let set = set_options(
            |o, v, _| o.empty_parts = EmptyParts::from_key(v).unwrap_or_default(),
            options.clone(),
        );
        Callback::from(move |e: Event| {
            set(e.target_unchecked_into::<HtmlInputElement>().value(), false)
        })
    };
    let empty: Vec<String> = empty_parts(&props.draft)
        .map(|s| s.title.trim().to_string())
        .collect();
    let empty_choices = EmptyParts::ALL.iter().map(|choice| {
        html! {
            <label class="check">
                <input type="radio" name="empty-parts" value={choice.key()}
                    checked={*choice == options.empty_parts} onchange={on_empty_parts.clone()} />
                { choice.label() }
            </label>
        }
    });
    let on_red_header = checkbox(|o, _, checked| o.red_header = checked);
    let on_sealed = checkbox(|o, _, checked| o.sealed = checked);
    let on_secrecy = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let done = e.target_unchecked_into::<HtmlInputElement>().checked();
            dispatch.dispatch(Action::from(DraftAction::Apply(Edit::SetSecrecyReviewed(
                done,
            ))));
        })
    };

    // Each missing thing leads to the field or section that supplies it.
    let missing_items = missing
        .iter()
        .map(|m| match place_of(&m.location) {
            Some(place) => {
                let dispatch = dispatch.clone();
                let onclick = Callback::from(move |_| open_place(&dispatch, place));
                html! { <li><button type="button" class="link" {onclick}>{ m.message.clone() }</button></li> }
            }
            None => html! { <li>{ m.message.clone() }</li> },
        })
        .collect::<Html>();

    let export_word = {
        let draft = props.draft.clone();
        let revision = props.revision;
        Callback::from(move |_| {
            let name = if draft.meta.title.trim().is_empty() {
                &draft.name
            } else {
                &draft.meta.title
            };
            export_docx.emit((revision, draft.clone(), name.clone()));
        })
    };
    let backup = use_backup_download(props.draft.clone());

    let year = props.draft.report_year;
    let due =
        |date: Option<report_core::CalendarDate>| date.map_or_else(String::new, |d| d.to_string());
    let deadlines = format!(
        "{year}年度报告应于 {} 前报送，{} 前向社会公开。",
        due(props.setup.get().deadlines.submit_by(year)),
        due(props.setup.get().deadlines.publish_by(year))
    );

    let profiles = LayoutProfile::ALL.iter().map(|p| {
        html! { <option value={p.key()} selected={*p == options.profile}>{ p.label() }</option> }
    });
    html! {
        <section class="export-step" aria-labelledby="step-title">
            <h2 id="step-title">{ "检查与导出" }</h2>
            <p class="deadlines" data-testid="deadlines">{ deadlines }</p>

            <h3>{ "导出 Word 文件" }</h3>
            if !missing.is_empty() {
                <div class="missing" role="note" data-testid="missing">
                    <p>{ "以下内容尚未完成，仍可导出，完成后再导出一次即可：" }</p>
                    <ul>{ missing_items }</ul>
                </div>
            }
            if !empty.is_empty() {
                <fieldset class="empty-parts" data-testid="empty-parts">
                    <legend>{ format!("以下 {} 个部分没有内容，导出时：", empty.len()) }</legend>
                    <ul>{ for empty.iter().map(|title| html! { <li>{ title.clone() }</li> }) }</ul>
                    <div class="choices">{ for empty_choices }</div>
                </fieldset>
            }
            <div class="export-options">
                <div class="field">
                    <label for="export-profile">{ "版式" }</label>
                    <select id="export-profile" onchange={on_profile}>{ for profiles }</select>
                </div>
                <div class="field">
                    <label for="export-fonts">{ "字体" }</label>
                    <select id="export-fonts" onchange={on_fonts}>
                        <option value="gb2312" selected={options.fonts == FontFamily::Gb2312}>{ "仿宋_GB2312、楷体_GB2312" }</option>
                        <option value="plain" selected={options.fonts == FontFamily::Plain}>{ "仿宋、楷体（含生僻字）" }</option>
                    </select>
                </div>
                <label class="check"><input type="checkbox" checked={options.red_header} onchange={on_red_header} />
                    { "红头（发文机关标志、发文字号、签发人）；网上公开的版本可不带红头" }</label>
                <label class="check"><input type="checkbox" checked={options.sealed} onchange={on_sealed} />
                    { "加盖印章（决定署名和成文日期的位置）" }</label>
            </div>
            <button type="button" class="primary" onclick={export_word} disabled={exporting}>
                { if exporting { "正在生成…" } else { "导出 Word（.docx）" } }
            </button>

            <h3>{ "公开前" }</h3>
            <label class="check">
                <input id={SECRECY_REVIEWED_ID} type="checkbox" checked={props.draft.secrecy_reviewed} onchange={on_secrecy} />
                { "已完成保密审查（报告向社会公开前必须经过保密审查）" }
            </label>

            <CheckPanel draft={props.draft.clone()} revision={props.revision} setup={props.setup.clone()} absences_listed=true />

            <h3>{ "备份" }</h3>
            <p>{ "草稿只保存在本浏览器中。清除浏览器数据会删除草稿，请定期下载备份文件（.json），需要时在“草稿列表”中恢复。" }</p>
            <button type="button" onclick={backup}>{ "下载备份文件" }</button>
        </section>
    }
}
