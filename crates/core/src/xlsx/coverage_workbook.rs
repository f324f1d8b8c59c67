//! 计划落实情况表 as a workbook, for a 科长 who sorts and filters (筛选 by 落实情况 or
//! 责任单位): the same title, count and cells as the Word table
//! ([`crate::coverage::table`]), one row per plan item.

use super::{workbook, Sheet};
use crate::coverage::compute;
use crate::coverage::table::{row_texts, summary_line, title, CoverageTableError, HEADERS};
use crate::model::Draft;

/// Column widths in Excel's units, in the order of [`HEADERS`]: about the Word table's
/// proportions, the evidence widest.
const WIDTHS: [u16; 5] = [40, 16, 24, 56, 32];

/// The coverage of `draft`'s plan as an .xlsx workbook. `now` is an RFC 3339 timestamp
/// for the file's properties.
pub fn coverage_workbook(draft: &Draft, now: &str) -> Result<Vec<u8>, CoverageTableError> {
    let plan = draft.plan.as_ref().ok_or(CoverageTableError::NoPlan)?;
    let report = compute(draft, plan);
    let columns: Vec<(&str, u16)> = HEADERS.into_iter().zip(WIDTHS).collect();
    let sheet = Sheet {
        name: &sheet_name(draft),
        title: &title(draft),
        note: &summary_line(draft, &report),
        columns: &columns,
        rows: report
            .items
            .iter()
            .map(|item| row_texts(item).into())
            .collect(),
    };
    workbook(&sheet, &draft.meta.issuer_name, now)
        .map_err(|e| CoverageTableError::Excel(e.to_string()))
}

/// `2023年落实情况表`: short enough for a sheet tab, and of the report's year.
fn sheet_name(draft: &Draft) -> String {
    format!("{}年落实情况表", draft.report_year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::table::test_drafts::{report_only, report_with_plan};
    use crate::plan_items::{Plan, PlanState};
    use crate::xlsx::tests::{cells, part};

    #[test]
    fn one_row_per_plan_item_with_the_word_tables_cells() {
        let draft = report_with_plan();
        let report = compute(&draft, draft.plan.as_ref().unwrap());
        let bytes = coverage_workbook(&draft, "2024-01-15T00:00:00Z").unwrap();
        let texts: Vec<String> = cells(&bytes).into_iter().map(|(_, text)| text).collect();
        let mut want = vec![title(&draft), summary_line(&draft, &report)];
        want.extend(HEADERS.map(str::to_string));
        for item in &report.items {
            want.extend(row_texts(item).map(|lines| lines.join("\n")));
        }
        assert_eq!(texts, want);
        assert_eq!(report.items.len(), 20);
        assert!(part(&bytes, "xl/worksheets/sheet1.xml").contains(r#"<autoFilter ref="A3:E23"/>"#));
        assert!(part(&bytes, "xl/workbook.xml").contains(r#"<sheet name="2023年落实情况表""#));
        // The figures are the coverage engine's, not made up here.
        assert!(report.items.iter().any(|i| !i.evidence.is_empty()));
        assert!(report.items.iter().any(|i| !i.targets.is_empty()));
    }

    #[test]
    fn a_plan_without_items_gives_the_header_alone() {
        let mut draft = report_only();
        draft.plan = Some(PlanState::new(Plan::default()).into());
        let bytes = coverage_workbook(&draft, "2024-01-15T00:00:00Z").unwrap();
        assert_eq!(cells(&bytes).len(), 2 + HEADERS.len());
        assert!(part(&bytes, "xl/worksheets/sheet1.xml").contains(r#"<autoFilter ref="A3:E3"/>"#));
    }

    #[test]
    fn a_draft_without_a_plan_is_refused() {
        let draft = report_only();
        assert!(matches!(
            coverage_workbook(&draft, "2024-01-15T00:00:00Z"),
            Err(CoverageTableError::NoPlan)
        ));
    }
}
