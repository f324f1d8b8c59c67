//! 计划落实情况表 as a workbook, for a 科长 who sorts and filters (筛选 by 落实情况 or
//! 责任单位): the same title, count and cells as the Word table
//! ([`crate::coverage::table`]), one row per plan item.

use super::{workbook, Sheet};
use crate::coverage::compute;
use crate::coverage::table::{row_texts, summary_line, title, CoverageTableError, HEADERS};
use crate::model::Draft;

/// Column widths in Excel's units, in the order of [`HEADERS`]: about the Word table's
/// proportions, the evidence widest.
const WIDTHS: [f64; 5] = [40.0, 16.0, 24.0, 56.0, 32.0];

/// The coverage of `draft`'s plan as an .xlsx workbook. `now` is an RFC 3339 timestamp
/// for the file's properties.
pub fn coverage_workbook(draft: &Draft, now: &str) -> Result<Vec<u8>, CoverageTableError> {
    let plan = draft.plan.as_ref().ok_or(CoverageTableError::NoPlan)?;
    let report = compute(draft, plan);
    let columns: Vec<(&str, f64)> = HEADERS.into_iter().zip(WIDTHS).collect();
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
