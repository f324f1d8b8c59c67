use std::rc::Rc;

use report_core::validate::{self, Severity};
use report_core::Draft;
use yew::prelude::*;

use super::use_backup_download;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: Rc<Draft>,
}

/// 检查与导出: what is still missing, and the backup file.
#[function_component]
pub fn ExportStep(props: &Props) -> Html {
    let problems = use_memo(props.draft.clone(), |draft| validate::problems(draft));
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let items = problems.iter().map(|p| {
        let class = if p.severity == Severity::Error { "problem error" } else { "problem warning" };
        html! { <li class={class}><strong>{ p.severity.label() }</strong>{ " " }{ p.to_string() }</li> }
    });
    let backup = use_backup_download(props.draft.clone());
    html! {
        <section class="export-step" aria-labelledby="step-title">
            <h2 id="step-title">{ "检查与导出" }</h2>
            <h3>{ "完整性检查" }</h3>
            if problems.is_empty() {
                <p class="ok">{ "未发现问题。" }</p>
            } else {
                <p>{ format!("{} 个错误，{} 个提示：", errors, problems.len() - errors) }</p>
                <ul class="problems" data-testid="problems">{ for items }</ul>
            }
            <h3>{ "备份" }</h3>
            <p>{ "草稿只保存在本浏览器中。清除浏览器数据会删除草稿，请定期下载备份文件（.json），需要时在“草稿列表”中恢复。" }</p>
            <button type="button" onclick={backup}>{ "下载备份文件" }</button>
        </section>
    }
}
