use report_core::outline;
use yew::prelude::*;

use crate::components::shell::outline_entry::OutlineEntry;
use crate::components::SharedDraft;
use crate::hooks::use_dispatch;
use crate::state::{Action, NavAction, Step};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
    pub step: Step,
}

/// The steps and the whole outline with its numbering; any entry jumps to its place.
#[function_component]
pub fn OutlineNav(props: &Props) -> Html {
    let dispatch = use_dispatch();
    let collapsed = use_state(|| false);
    let toggle = {
        let collapsed = collapsed.clone();
        Callback::from(move |_| collapsed.set(!*collapsed))
    };
    let step_button = |step: Step, label: &'static str| {
        let dispatch = dispatch.clone();
        let current = (props.step == step).then_some("step");
        html! {
            <li class="outline-step">
                <button type="button" aria-current={current} onclick={move |_| dispatch.dispatch(Action::from(NavAction::GoTo(step)))}>
                    { label }
                </button>
            </li>
        }
    };
    let outline = outline::outline(&props.draft);
    let total: usize = outline
        .iter()
        .filter(|e| e.level == 1)
        .map(|e| e.chars)
        .sum();
    let entries = outline.into_iter().map(|entry| {
        let current = entry.level == 1 && props.step == Step::Section(entry.id);
        let title = if entry.title.trim().is_empty() {
            "（未填标题）".to_string()
        } else {
            entry.title
        };
        html! {
            <OutlineEntry key={entry.id} id={entry.id} level={entry.level} label={entry.label}
                {title} chars={entry.chars} {current} />
        }
    });
    html! {
        <nav class={classes!("outline", collapsed.then_some("collapsed"))} aria-label="步骤与大纲">
            <button type="button" class="outline-toggle" onclick={toggle} aria-expanded={(!*collapsed).to_string()}
                aria-label={if *collapsed { "展开大纲" } else { "收起大纲" }} title={if *collapsed { "展开大纲" } else { "收起大纲" }}>
                { if *collapsed { "»" } else { "«" } }
            </button>
            <ol>
                { step_button(Step::Basics, "基本信息") }
                { for entries }
                { step_button(Step::Closing, "落款与版记") }
                { step_button(Step::Coverage, "计划覆盖") }
                if props.draft.attachment_table.is_some() {
                    { step_button(Step::Table, "附件表格") }
                }
                { step_button(Step::Export, "检查与导出") }
            </ol>
            <p class="total">{ format!("正文共 {total} 字") }</p>
        </nav>
    }
}
