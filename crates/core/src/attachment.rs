//! The attached table of a draft (附件, e.g. 青浦's 指标分解表): its columns come from
//! the template, its rows are the draft's plan items, and the user writes the cells of
//! the columns the plan does not fill (具体分解内容, 已完成情况, 下一步举措).

use serde::{Deserialize, Serialize};

use crate::plan_items::{Plan, PlanItem};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentTable {
    /// The attachment's title as printed, year filled in.
    pub title: String,
    pub columns: Vec<TableColumn>,
    /// What the user wrote, one entry per plan item with any cell filled in.
    #[serde(default)]
    pub entries: Vec<TableEntry>,
}

/// The user's cells of one row. Keyed by the plan item's number, not by position, so a
/// re-imported plan keeps them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableEntry {
    /// The plan item's number (三级指标序号), as written.
    pub number: String,
    /// One text per column with source `entry`, in column order.
    pub cells: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableColumn {
    /// The header as printed, e.g. `已完成情况 (200 字以内)`.
    pub name: String,
    /// Where the cells come from.
    #[serde(default)]
    pub source: ColumnSource,
    /// Most characters a cell may hold (rule T1).
    #[serde(default)]
    pub max_chars: Option<u32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnSource {
    /// The plan item's number (三级指标序号), kept as written.
    ItemNumber,
    /// The plan item's text (三级指标内容).
    ItemContent,
    /// The plan item's responsible departments (责任部门).
    ItemDepartments,
    /// Written by the reporting bureau (已完成情况, 下一步举措).
    #[default]
    Entry,
}

/// A row as printed: every column's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    /// The plan item's number, which identifies the row for edits.
    pub number: String,
    /// One text per column of the table.
    pub cells: Vec<String>,
}

/// A cell holding more characters than its column allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverlongCell {
    /// Where it is among the printed rows.
    pub at: CellRef,
    /// The row's plan item number and the column's name, as the user reads them.
    pub number: String,
    pub column: String,
    pub chars: usize,
    pub max_chars: u32,
}

/// A cell of the printed table: its row (in plan order) and column, counted from 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellRef {
    pub row: usize,
    pub column: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TableEditError {
    #[error("附件表格没有第 {0} 列，或该列由计划填写，不能编辑")]
    NotAnEntryColumn(usize),
}

impl AttachmentTable {
    /// Where column `column`'s cells sit in a [`TableEntry`], if the user writes them.
    fn entry_slot(&self, column: usize) -> Option<usize> {
        let source = self.columns.get(column)?.source;
        (source == ColumnSource::Entry).then(|| {
            self.columns[..column]
                .iter()
                .filter(|c| c.source == ColumnSource::Entry)
                .count()
        })
    }

    fn entry_count(&self) -> usize {
        self.columns
            .iter()
            .filter(|c| c.source == ColumnSource::Entry)
            .count()
    }

    /// The user's text in a cell; empty when not written.
    pub fn cell(&self, number: &str, column: usize) -> &str {
        let Some(slot) = self.entry_slot(column) else {
            return "";
        };
        self.entries
            .iter()
            .find(|e| e.number == number)
            .and_then(|e| e.cells.get(slot))
            .map_or("", String::as_str)
    }

    /// Writes a user cell. Over-long text is kept: the checker reports it and the
    /// export prints it, so nothing the user wrote is lost.
    pub fn set_cell(
        &mut self,
        number: &str,
        column: usize,
        text: String,
    ) -> Result<(), TableEditError> {
        let slot = self
            .entry_slot(column)
            .ok_or(TableEditError::NotAnEntryColumn(column))?;
        let count = self.entry_count();
        let at = match self.entries.iter().position(|e| e.number == number) {
            Some(at) => at,
            None => {
                self.entries.push(TableEntry {
                    number: number.to_string(),
                    cells: Vec::new(),
                });
                self.entries.len() - 1
            }
        };
        let entry = &mut self.entries[at];
        entry
            .cells
            .resize(count.max(entry.cells.len()), String::new());
        entry.cells[slot] = text;
        if entry.cells.iter().all(|c| c.is_empty()) {
            self.entries.remove(at);
        }
        Ok(())
    }

    /// The user's cells of the row of plan item `number` and the entry's place in
    /// [`Self::entries`]; `None` when none of them is written.
    pub fn entry(&self, number: &str) -> Option<(usize, &TableEntry)> {
        self.entries
            .iter()
            .enumerate()
            .find(|(_, e)| e.number == number)
    }

    /// Puts the row of plan item `number` back as [`Self::entry`] gave it: the entry at
    /// its place, or no entry.
    pub fn put_entry(&mut self, number: &str, entry: Option<(usize, TableEntry)>) {
        self.entries.retain(|e| e.number != number);
        if let Some((at, entry)) = entry {
            self.entries.insert(at.min(self.entries.len()), entry);
        }
    }

    /// The printed rows: one per plan item, in plan order; none without a plan.
    pub fn rows(&self, plan: Option<&Plan>) -> Vec<TableRow> {
        let items = plan.map_or(&[][..], |p| p.items.as_slice());
        items
            .iter()
            .map(|item| TableRow {
                number: item.number.clone(),
                cells: (0..self.columns.len())
                    .map(|column| self.text(item, column))
                    .collect(),
            })
            .collect()
    }

    fn text(&self, item: &PlanItem, column: usize) -> String {
        match self.columns[column].source {
            ColumnSource::ItemNumber => item.number.clone(),
            ColumnSource::ItemContent => item.text(),
            ColumnSource::ItemDepartments => item.departments.join("、"),
            ColumnSource::Entry => self.cell(&item.number, column).to_string(),
        }
    }

    /// Cells of the printed rows longer than their column's `max_chars`.
    pub fn overlong_cells(&self, plan: Option<&Plan>) -> Vec<OverlongCell> {
        let mut out = Vec::new();
        for (row_index, row) in self.rows(plan).into_iter().enumerate() {
            for (column_index, (column, text)) in self.columns.iter().zip(&row.cells).enumerate() {
                let chars = text.chars().count();
                match column.max_chars {
                    Some(max) if chars > max as usize => out.push(OverlongCell {
                        at: CellRef {
                            row: row_index,
                            column: column_index,
                        },
                        number: row.number.clone(),
                        column: column.name.clone(),
                        chars,
                        max_chars: max,
                    }),
                    _ => {}
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Template;

    fn table() -> AttachmentTable {
        let template = Template::builtin("indicator-table").unwrap();
        template
            .attachment_table
            .as_ref()
            .unwrap()
            .new_table(&|s: &str| s.replace("{year}", "2023"))
    }

    fn plan(numbers: &[&str]) -> Plan {
        Plan {
            items: numbers
                .iter()
                .map(|n| PlanItem {
                    number: n.to_string(),
                    title: format!("指标{n}"),
                    body: "具体要求".into(),
                    departments: vec!["审批办".into(), "监督所".into()],
                    ..PlanItem::default()
                })
                .collect(),
            ..Plan::default()
        }
    }

    #[test]
    fn rows_come_from_the_plan_and_the_user_cells() {
        let mut t = table();
        assert_eq!(t.title, "2023年度法治政府建设指标分解表");
        t.set_cell("6", 4, "已完成".into()).unwrap();
        let rows = t.rows(Some(&plan(&["1", "6"])));
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[1].cells,
            ["6", "指标6。具体要求", "", "审批办、监督所", "已完成", ""]
        );
        assert!(t.rows(None).is_empty());
    }

    #[test]
    fn plan_columns_cannot_be_edited() {
        let mut t = table();
        assert_eq!(
            t.set_cell("1", 1, "x".into()),
            Err(TableEditError::NotAnEntryColumn(1))
        );
        assert_eq!(
            t.set_cell("1", 9, "x".into()),
            Err(TableEditError::NotAnEntryColumn(9))
        );
    }

    #[test]
    fn cells_survive_a_reimported_plan_and_clearing_removes_the_entry() {
        let mut t = table();
        t.set_cell("九-1-1", 5, "下一步".into()).unwrap();
        let reordered = plan(&["2", "九-1-1"]);
        assert_eq!(t.rows(Some(&reordered))[1].cells[5], "下一步");
        t.set_cell("九-1-1", 5, String::new()).unwrap();
        assert!(t.entries.is_empty());
    }

    #[test]
    fn overlong_cells_are_reported() {
        let mut t = table();
        t.set_cell("1", 4, "字".repeat(201)).unwrap();
        t.set_cell("1", 5, "字".repeat(200)).unwrap();
        let over = t.overlong_cells(Some(&plan(&["1"])));
        assert_eq!(over.len(), 1);
        assert_eq!((over[0].chars, over[0].max_chars), (201, 200));
        assert_eq!(over[0].column, "已完成情况（200字以内）");
    }
}
