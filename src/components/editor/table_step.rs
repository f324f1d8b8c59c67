use std::rc::Rc;

use yew::prelude::*;

use crate::components::editor::table_row_editor::TableRowEditor;
use crate::components::SharedDraft;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
}

/// 附件表格: one editor per plan item, the plan's columns read-only and the columns the
/// bureau writes as text areas held to their length limits.
#[function_component]
pub fn TableStep(props: &Props) -> Html {
    let Some(table) = &props.draft.attachment_table else {
        return html! {
            <section class="table-step" aria-labelledby="step-title">
                <h2 id="step-title">{ "附件表格" }</h2>
                <p>{ "此草稿的模板没有附件表格。" }</p>
            </section>
        };
    };
    let rows = table.rows(props.draft.plan.as_ref().map(|state| &state.plan));
    let columns = Rc::new(table.columns.clone());
    // Keyed by position too: a hand-made plan may repeat a number.
    let editors = rows.into_iter().enumerate().map(|(index, row)| {
        let key = format!("{index}:{}", row.number);
        html! {
            <TableRowEditor {key} {index} columns={columns.clone()}
                number={row.number} cells={row.cells} />
        }
    });
    html! {
        <section class="table-step" aria-labelledby="step-title">
            <h2 id="step-title">{ format!("附件表格：{}", table.title) }</h2>
            if props.draft.plan.is_none() {
                <p>{ "表格的行来自本年度计划的各项指标。请先在“计划覆盖”中导入指标表（如青浦区指标分解表），再逐行填写。" }</p>
            } else {
                <p>{ "逐条填写已完成情况和下一步举措，写明具体的工作、指标和落实措施，不要照抄指标内容。超过字数限制的内容会在检查中报错。" }</p>
            }
            <ol class="table-rows">{ for editors }</ol>
        </section>
    }
}
