use std::collections::BTreeMap;
use std::rc::Rc;

use report_core::coverage::{ItemCoverage, TargetOutcome};
use report_core::plan_items::Status;
use report_core::Draft;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::adapter::storage::DraftSummary;
use crate::adapter::worker::OfficeFile;
use crate::components::coverage::coverage_item::CoverageItem;
use crate::components::coverage::plan_importer::PlanImporter;
use crate::components::shell::request_failed::RequestFailed;
use crate::components::SharedDraft;
use crate::hooks::{use_coverage, use_file_download};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SharedDraft,
    /// The app state's revision of `draft`, which the worker may hold already.
    pub revision: u64,
    pub drafts: Vec<DraftSummary>,
}

/// Which plan items the list shows.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    All,
    Missing,
    Partial,
    TargetNotReported,
}

impl Shown {
    const ALL: [Shown; 4] = [
        Shown::All,
        Shown::Missing,
        Shown::Partial,
        Shown::TargetNotReported,
    ];

    fn label(self) -> &'static str {
        match self {
            Shown::All => "全部",
            Shown::Missing => "未覆盖",
            Shown::Partial => "部分覆盖",
            Shown::TargetNotReported => "指标未报告",
        }
    }

    fn admits(self, item: &ItemCoverage) -> bool {
        match self {
            Shown::All => true,
            Shown::Missing => item.status == Status::Missing,
            Shown::Partial => item.status == Status::Partial,
            Shown::TargetNotReported => item
                .targets
                .iter()
                .any(|t| t.outcome == TargetOutcome::NotReported),
        }
    }
}

/// 计划覆盖: the year's plan, and for every item whether the report answers it, with
/// the evidence; per plan heading and per responsible unit.
#[function_component]
pub fn CoverageStep(props: &Props) -> Html {
    let coverage = use_coverage(props.draft.clone(), props.revision);
    let (export_docx, exporting_docx) =
        use_file_download(OfficeFile::CoverageTable, "导出落实情况表失败");
    let (export_xlsx, exporting_xlsx) =
        use_file_download(OfficeFile::CoverageWorkbook, "导出落实情况表（Excel）失败");
    let shown = use_state(|| Shown::All);
    // Empty: every unit.
    let department = use_state(String::new);
    let importer =
        html! { <PlanImporter draft={props.draft.clone()} drafts={props.drafts.clone()} /> };
    if props.draft.plan.is_none() {
        return html! {
            <section class="coverage-step" aria-labelledby="step-title">
                <h2 id="step-title">{ "计划覆盖检查" }</h2>
                <p>{ "导入本年度的法治政府建设工作要点后，这里逐项列出报告是否写到了每一项任务、依据是哪些段落，以及数字目标是否报告和达标。" }</p>
                { importer }
            </section>
        };
    }
    // An answer about another plan's items (a plan imported since) is not shown: its
    // decisions would land on whichever items now hold those places.
    let answer = coverage.report().filter(|(draft, _)| {
        Rc::ptr_eq(draft, &props.draft)
            || draft.plan.as_ref().map(|p| &p.plan.items)
                == props.draft.plan.as_ref().map(|p| &p.plan.items)
    });
    let failed = coverage.failure.clone().map(|failure| {
        html! { <RequestFailed what="计划覆盖检查" {failure} /> }
    });
    let Some((draft, report)) = answer else {
        return html! {
            <section class="coverage-step" aria-labelledby="step-title">
                <h2 id="step-title">{ "计划覆盖检查" }</h2>
                if let Some(failed) = failed {
                    { failed }
                } else {
                    <p role="status">{ "正在检查计划覆盖情况…" }</p>
                }
            </section>
        };
    };
    let summary = &report.summary;
    let applicable = summary.covered + summary.partial + summary.missing;
    let items = draft.plan.as_ref().map_or(&[][..], |p| &p.plan.items[..]);

    // Per plan heading: covered / partial / missing of its items, in plan order.
    let mut groups: Vec<(String, [usize; 3])> = Vec::new();
    for item in &report.items {
        let group = items.get(item.index).map_or("", |i| i.group.as_str());
        if groups.last().is_none_or(|(g, _)| g != group) {
            groups.push((group.to_string(), [0; 3]));
        }
        let counts = &mut groups.last_mut().expect("just pushed").1;
        match item.status {
            Status::Covered => counts[0] += 1,
            Status::Partial => counts[1] += 1,
            Status::Missing => counts[2] += 1,
            Status::NotApplicable => {}
        }
    }
    let group_rows = groups.iter().map(|(group, [covered, partial, missing])| {
        html! {
            <tr>
                <td>{ if group.is_empty() { "（无分组）".to_string() } else { group.clone() } }</td>
                <td>{ covered }</td><td>{ partial }</td><td>{ missing }</td>
            </tr>
        }
    });
    // Extended rather than collected: collecting into a map sorts first, with a sort
    // compiled for this type alone.
    let mut uncovered: BTreeMap<&str, &Vec<String>> = BTreeMap::new();
    uncovered.extend(
        summary
            .departments
            .iter()
            .filter(|d| !d.uncovered.is_empty())
            .map(|d| (d.department.as_str(), &d.uncovered)),
    );
    let department_rows = uncovered.iter().map(|(department, numbers)| {
        html! {
            <li>{ format!("{department}：第 {} 项", numbers.join("、")) }</li>
        }
    });
    let in_department = |item: &ItemCoverage| {
        department.is_empty() || item.departments.iter().any(|d| d == &*department)
    };
    let filters = Shown::ALL.iter().map(|&filter| {
        let count = report
            .items
            .iter()
            .filter(|i| filter.admits(i) && in_department(i))
            .count();
        let onclick = {
            let shown = shown.clone();
            Callback::from(move |_| shown.set(filter))
        };
        html! {
            <button type="button" aria-pressed={(*shown == filter).to_string()} {onclick}>
                { format!("{}（{count}）", filter.label()) }
            </button>
        }
    });
    let on_department = {
        let department = department.clone();
        Callback::from(move |e: Event| {
            department.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let department_options = summary.departments.iter().map(|d| {
        html! {
            <option value={d.department.clone()} selected={d.department == *department}>{ d.department.clone() }</option>
        }
    });
    let listed: Vec<&ItemCoverage> = report
        .items
        .iter()
        .filter(|i| shown.admits(i) && in_department(i))
        .collect();
    // Both formats of the table under the same name.
    let export_table = |export: Callback<(u64, Rc<Draft>, String)>| {
        let draft = props.draft.clone();
        let revision = props.revision;
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}年度工作要点落实情况表", draft.report_year);
            export.emit((revision, draft.clone(), name));
        })
    };
    let unmatched = summary.unmatched.iter().map(|p| html! {
        <li>{ format!("{} 第{}段：", p.section_title, p.paragraph_index + 1) }{ p.text.chars().take(60).collect::<String>() }</li>
    });
    html! {
        <section class="coverage-step" aria-labelledby="step-title">
            <h2 id="step-title">{ "计划覆盖检查" }</h2>
            { for failed }
            <div class="coverage-summary" data-testid="coverage-summary">
                <progress max={applicable.max(1).to_string()} value={summary.covered.to_string()}></progress>
                <p role="status">
                    { format!("已覆盖 {}，部分覆盖 {}，未覆盖 {}，不适用 {}（共 {} 项）",
                        summary.covered, summary.partial, summary.missing, summary.not_applicable, report.items.len()) }
                </p>
                { for summary.warnings.iter().map(|w| html! { <p class="warning-text">{ w.clone() }</p> }) }
            </div>
            <div class="coverage-breakdown">
                <table>
                    <thead><tr><th>{ "计划部分" }</th><th>{ "已覆盖" }</th><th>{ "部分" }</th><th>{ "未覆盖" }</th></tr></thead>
                    <tbody>{ for group_rows }</tbody>
                </table>
                if !uncovered.is_empty() {
                    <div>
                        <h3>{ "各责任单位未覆盖的任务" }</h3>
                        <ul>{ for department_rows }</ul>
                    </div>
                }
            </div>
            <div class="coverage-actions">
                <button type="button" onclick={export_table(export_docx)} disabled={exporting_docx}>
                    { if exporting_docx { "正在生成…" } else { "导出落实情况表（Word，供科长审阅）" } }
                </button>
                <button type="button" onclick={export_table(export_xlsx)} disabled={exporting_xlsx}>
                    { if exporting_xlsx { "正在生成…" } else { "导出落实情况表（Excel，可筛选）" } }
                </button>
            </div>
            <div class="coverage-filters" role="group" aria-label="筛选计划任务">
                { for filters }
                <label for="coverage-department">{ "责任单位" }</label>
                <select id="coverage-department" onchange={on_department}>
                    <option value="" selected={department.is_empty()}>{ "全部科室" }</option>
                    { for department_options }
                </select>
            </div>
            <ul class="coverage-items">
                { for listed.iter().map(|item| html! { <CoverageItem key={item.index} item={(*item).clone()} /> }) }
            </ul>
            if listed.is_empty() {
                <p class="hint">{ "没有符合筛选条件的计划任务。" }</p>
            }
            if !summary.unmatched.is_empty() {
                <details>
                    <summary>{ format!("没有对应计划任务的成效段落（{} 段）", summary.unmatched.len()) }</summary>
                    <ul>{ for unmatched }</ul>
                </details>
            }
            <details>
                <summary>{ "更换或重新导入计划" }</summary>
                { importer }
            </details>
        </section>
    }
}
