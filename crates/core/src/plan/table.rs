//! Plans as indicator tables: tab-separated rows under a header row with a 序号 column.

use super::text::{item_from_text, plan_import};
use super::{check_text, PlanError, PlanImport, Skipped};
use crate::import_text::squeeze_spaces;
use crate::plan_items::PlanItem;
use crate::text::{fold_width, split_names};

/// Whether a table's first cell, in a table without a header row, is an item number
/// (`12`, `九-1-1`, `（三）`): garbage decoded as text has tabs too.
fn is_item_number(cell: &str) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十百".contains(c);
    cell.chars().count() <= 12
        && cell.chars().any(numeral)
        && cell
            .chars()
            .all(|c| numeral(c) || "-—.．、()（）".contains(c))
}

/// Where the header row of an indicator table is: the first tab-separated line naming a
/// number (序号/编号) column.
pub(super) fn find_header(text: &str) -> Option<usize> {
    text.lines()
        .position(|line| line.contains('\t') && (line.contains("序号") || line.contains("编号")))
}

struct Columns {
    number: usize,
    content: usize,
    detail: Option<usize>,
    departments: Option<usize>,
}

impl Columns {
    fn from_header(header: &str) -> Columns {
        let cells: Vec<&str> = header.split('\t').collect();
        let find = |words: &[&str], skip: &[usize]| {
            cells
                .iter()
                .enumerate()
                .position(|(i, cell)| !skip.contains(&i) && words.iter().any(|w| cell.contains(w)))
        };
        let number = find(&["序号", "编号"], &[]).unwrap_or(0);
        let content = find(&["内容", "指标", "任务", "事项"], &[number]).unwrap_or(number + 1);
        let detail = find(&["分解", "具体"], &[number, content]);
        let departments = find(&["责任", "部门", "单位", "牵头"], &[number, content]);
        Columns {
            number,
            content,
            detail,
            departments,
        }
    }
}

/// Reads a plan from an indicator table: one tab-separated row per line under a header
/// row with a 序号 column; a line whose number cell is empty continues the row above,
/// cell by cell (wrapped cells). Numbers are kept as written (`九-1-1`), gaps and all.
pub fn parse_plan_tsv(text: &str) -> Result<PlanImport, PlanError> {
    check_text(text)?;
    let lines: Vec<&str> = text.lines().collect();
    let header_at = find_header(text);
    let columns = header_at.map_or(
        Columns {
            number: 0,
            content: 1,
            detail: None,
            departments: None,
        },
        |at| Columns::from_header(lines[at]),
    );
    let first_row = header_at.map_or(0, |at| at + 1);
    let mut skipped = Vec::new();
    let preamble: Vec<String> = lines[..header_at.unwrap_or(0)]
        .iter()
        .map(|l| squeeze_spaces(&fold_width(l)))
        .filter(|l| !l.is_empty())
        .collect();
    for (i, line) in lines[..first_row].iter().enumerate() {
        if !line.trim().is_empty() {
            skipped.push(Skipped {
                line: i + 1,
                text: line.trim().to_string(),
                reason: if Some(i) == header_at {
                    "表头".into()
                } else {
                    "在表格之前（通知或说明）".into()
                },
            });
        }
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(first_row) {
        if line.trim().is_empty() {
            continue;
        }
        if !line.contains('\t') {
            skipped.push(Skipped {
                line: i + 1,
                text: line.trim().to_string(),
                reason: "不是表格行（没有制表符分隔的单元格）".into(),
            });
            continue;
        }
        let cells: Vec<String> = line
            .split('\t')
            .map(|c| squeeze_spaces(&fold_width(c)))
            .collect();
        let number = cells.get(columns.number).map_or("", String::as_str);
        match rows.last_mut() {
            Some(row) if number.is_empty() => {
                for (k, cell) in cells.into_iter().enumerate() {
                    if k >= row.len() {
                        row.resize(k + 1, String::new());
                    }
                    row[k].push_str(&cell);
                }
            }
            None if number.is_empty() => skipped.push(Skipped {
                line: i + 1,
                text: line.trim().to_string(),
                reason: "表格行缺少序号".into(),
            }),
            _ if header_at.is_none() && !number.is_empty() && !is_item_number(number) => skipped
                .push(Skipped {
                    line: i + 1,
                    text: line.trim().to_string(),
                    reason: "第一列不是序号（表格没有表头时，每行须以编号开头）".into(),
                }),
            _ => rows.push(cells),
        }
    }
    let cell = |row: &[String], column: Option<usize>| {
        column.and_then(|c| row.get(c)).cloned().unwrap_or_default()
    };
    let items: Vec<PlanItem> = rows
        .iter()
        .filter(|row| !cell(row, Some(columns.content)).is_empty())
        .map(|row| {
            let mut item = item_from_text(
                cell(row, Some(columns.number)),
                String::new(),
                &cell(row, Some(columns.content)),
                Some(&cell(row, columns.detail)),
            );
            if item.departments.is_empty() {
                item.departments = split_names(&cell(row, columns.departments));
            }
            item
        })
        .collect();
    if items.is_empty() {
        return Err(PlanError::NoItems);
    }
    let preamble: Vec<&str> = preamble.iter().map(String::as_str).collect();
    Ok(plan_import(&preamble, items, skipped))
}
