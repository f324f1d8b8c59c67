//! The attached table: cells over their column's limit (填表说明: 200 字以内).

use super::units::Doc;
use super::{Finding, Location, Severity, TextRef};
use crate::rules::Rule;

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    for cell in &doc.overlong_cells {
        out.push(Finding {
            rule: Rule::TableCellLength,
            severity: Severity::Error,
            location: Location::Text {
                target: TextRef::TableCell { cell: cell.at },
                range: None,
            },
            message: format!(
                "附件表格序号“{}”的“{}”有 {} 字，超过 {} 字的限制，请精简",
                cell.number, cell.column, cell.chars, cell.max_chars
            ),
            fix: None,
        });
    }
}
