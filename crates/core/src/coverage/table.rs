//! 计划落实情况表 for the 科长, as text: its title, the count under it, the header and
//! one row per plan item (计划任务 | 责任单位 | 落实情况 | 佐证段落 | 指标完成情况). The
//! Word table (`docx::coverage_table`) and the workbook (`xlsx::coverage_workbook`)
//! write these same cells.

use super::{CoverageReport, Evidence, ItemCoverage};
use crate::model::Draft;

pub const HEADERS: [&str; 5] = [
    "计划任务",
    "责任单位",
    "落实情况",
    "佐证段落",
    "指标完成情况",
];
/// Evidence shown per item, and characters of each paragraph quoted.
const EVIDENCE_SHOWN: usize = 2;
const QUOTE_CHARS: usize = 80;

#[derive(Debug, thiserror::Error)]
pub enum CoverageTableError {
    #[error("这份草稿还没有导入年度工作要点，无法生成落实情况表")]
    NoPlan,
    #[error("生成 Word 文件时出错：{0}")]
    Word(String),
    #[error("生成 Excel 文件时出错：{0}")]
    Excel(String),
}

/// `2023年度法治政府建设工作要点落实情况表`.
pub fn title(draft: &Draft) -> String {
    format!("{}年度法治政府建设工作要点落实情况表", draft.report_year)
}

/// The one-line count under the title, naming the draft.
pub fn summary_line(draft: &Draft, report: &CoverageReport) -> String {
    let s = &report.summary;
    format!(
        "对照报告：{}。共 {} 项：已覆盖 {}，部分覆盖 {}，未覆盖 {}，不适用 {}。",
        draft.shown_name(),
        report.items.len(),
        s.covered,
        s.partial,
        s.missing,
        s.not_applicable
    )
}

/// The five cells of an item's row, as lines.
pub fn row_texts(item: &ItemCoverage) -> [Vec<String>; 5] {
    let task = format!("{}. {}", item.number, item.title);
    let departments = if item.departments.is_empty() {
        "—".to_string()
    } else {
        item.departments.join("、")
    };
    let mut status = vec![item.status.label().to_string()];
    if !item.reason.is_empty() {
        status.push(item.reason.clone());
    }
    let evidence: Vec<String> = item
        .evidence
        .iter()
        .take(EVIDENCE_SHOWN)
        .map(evidence_line)
        .collect();
    let targets: Vec<String> = item
        .targets
        .iter()
        .map(|t| {
            let reported = if t.quote.is_empty() {
                String::new()
            } else {
                format!("（报告：{}）", t.quote)
            };
            format!("{}：{}{reported}", t.target.text, t.outcome.label())
        })
        .collect();
    [vec![task], vec![departments], status, evidence, targets]
}

/// Where the evidence is and its first sentence: `一、主要举措和成效 第3段：……`.
fn evidence_line(evidence: &Evidence) -> String {
    let p = &evidence.paragraph;
    let chars: Vec<char> = p.text.chars().collect();
    let [start, end] = evidence
        .sentences
        .first()
        .copied()
        .unwrap_or([0, chars.len()]);
    let end = end.min(chars.len());
    let start = start.min(end);
    let mut quote: String = chars[start..end].iter().take(QUOTE_CHARS).collect();
    if end - start > QUOTE_CHARS {
        quote.push('…');
    }
    format!(
        "{} 第{}段：{quote}",
        p.section_title.trim(),
        p.paragraph_index + 1
    )
}

/// The drafts the Word and Excel tables' tests are made from: the 上城 2023 report read
/// as text, without or with the 临安 2023 plan.
#[cfg(test)]
pub(crate) mod test_drafts {
    use crate::model::Draft;
    use crate::plan::parse_plan_text;
    use crate::plan_items::PlanState;
    use crate::report_text::draft_from_text;

    const PLAN: &str =
        include_str!("../../tests/fixtures/plan-2023-linan-district-health-bureau.txt");
    const REPORT: &str =
        include_str!("../../tests/fixtures/report-2023-shangcheng-district-health-bureau.txt");

    pub fn report_only() -> Draft {
        draft_from_text(REPORT, 2023).unwrap()
    }

    pub fn report_with_plan() -> Draft {
        let mut draft = report_only();
        draft.plan = Some(PlanState::new(parse_plan_text(PLAN).unwrap().plan).into());
        draft
    }
}
