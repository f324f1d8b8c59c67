use std::rc::Rc;

use report_core::template::is_builtin_name;
use report_core::Template;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::adapter::files;
use crate::components::drafts::template_row::TemplateRow;
use crate::components::SharedDraft;
use crate::hooks::use_dispatch;
use crate::state::library::{import_file, resolve_clash, save_as_template};
use crate::state::{Action, SessionAction};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The open draft, offered to be saved as a template.
    pub draft: SharedDraft,
    pub templates: Rc<Vec<Template>>,
    /// A template waiting for the user's choice because its name is taken.
    pub clash: Option<Rc<Template>>,
}

/// 模板: save the open draft as a template, import template files, and the user's
/// template library.
#[function_component]
pub fn TemplatesSection(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let with_body = use_state(|| true);
    let with_plan = use_state(|| true);

    let toggle = |flag: &UseStateHandle<bool>| {
        let flag = flag.clone();
        Callback::from(move |e: Event| {
            flag.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let save = {
        let (dispatch, draft) = (dispatch.clone(), props.draft.clone());
        let (with_body, with_plan) = (*with_body, *with_plan);
        Callback::from(move |_| save_as_template(&dispatch, &draft, with_body, with_plan))
    };
    let import = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(file) = files::take_chosen_file(&e) else {
                return;
            };
            import_file(&dispatch, file);
        })
    };

    let clash = props.clash.as_ref().map(|template| {
        let choose = |keep_both: bool| {
            let (dispatch, template) = (dispatch.clone(), (**template).clone());
            Callback::from(move |_| resolve_clash(&dispatch, template.clone(), keep_both))
        };
        let cancel = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::from(SessionAction::CancelTemplateClash)))
        };
        let builtin = is_builtin_name(&template.name);
        html! {
            <div class="confirm template-clash" role="alert" data-testid="template-clash">
                <span>{ if builtin {
                    format!("已有同名的内置模板“{}”，内置模板不能替换：", template.name)
                } else {
                    format!("模板库中已有名为“{}”的模板：", template.name)
                } }</span>
                <button type="button" onclick={choose(true)}>{ "保留两者（自动改名）" }</button>
                if !builtin {
                    <button type="button" class="danger" onclick={choose(false)}>{ "仅替换同名模板" }</button>
                }
                <button type="button" onclick={cancel}>{ "取消" }</button>
            </div>
        }
    });
    let rows = props.templates.iter().map(|template| {
        html! { <TemplateRow key={template.name.clone()} name={template.name.clone()}
        description={template.description.clone()} /> }
    });

    html! {
        <section class="templates" aria-labelledby="templates-title">
            <h2 id="templates-title">{ "模板" }</h2>
            <div class="drafts-actions">
                <label class="check"><input type="checkbox" checked={*with_body} onchange={toggle(&with_body)} />
                    { "包含正文" }</label>
                <label class="check"><input type="checkbox" checked={*with_plan} onchange={toggle(&with_plan)} />
                    { "包含计划任务" }</label>
                <button type="button" onclick={save}>{ "将当前草稿保存为模板" }</button>
                <input id="template-file" class="visually-hidden" type="file"
                    accept=".json,application/json" onchange={import} />
                <label class="file-button" for="template-file">{ "导入模板文件…" }</label>
            </div>
            <p class="hint">{ "保存为模板会下载模板文件（.template.json）并加入“我的模板”。也可以把模板文件拖放到本页导入；导入不会覆盖已有模板。" }</p>
            { for clash }
            if props.templates.is_empty() {
                <p class="hint">{ "“我的模板”中还没有模板。" }</p>
            } else {
                <ul class="drafts" data-testid="templates">{ for rows }</ul>
            }
        </section>
    }
}
