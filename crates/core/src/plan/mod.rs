//! Importing the year's plan (工作要点) a report is checked against: from pasted
//! text, a .txt/.docx/.xlsx file, an indicator table (tab-separated) or last year's
//! report.
//! The plan itself and the user's decisions on it are [`crate::plan_items`].
//!
//! Plan items look like `N. 标题句。正文。（责任单位）` under 一、… group headings; see
//! docs/annual-report.md section 2 for the formats and their pitfalls.

mod from_report;
mod table;
mod text;

use serde::{Deserialize, Serialize};

use crate::decode::looks_binary;
use crate::docx::read::{self, ReadError};
use crate::html_read;
use crate::import_text::MAX_IMPORT_BYTES;
use crate::plan_items::Plan;
use crate::sheet_read::{self, SheetError};
use crate::text::split_names;
pub use from_report::plan_from_report;
use table::{is_table, parse_rows};
pub use table::{parse_plan_tsv, spreadsheet_cells_joined};
use text::parse_numbered_text;

/// A line of the input that did not become (part of) an item, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// 1-based line (or paragraph) number in the input.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

/// The result of an import: the plan and what was left out of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanImport {
    pub plan: Plan,
    pub skipped: Vec<Skipped>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("计划内容是空的")]
    Empty,
    #[error("计划内容过大（{0} 字节，上限 5 MB），请只导入工作要点正文")]
    TooLarge(usize),
    #[error("内容不是文本（可能是图片、压缩包或其他二进制文件），无法识别为工作计划")]
    Binary,
    #[error("{0}")]
    Docx(#[from] ReadError),
    #[error("{0}")]
    Sheet(#[from] SheetError),
    #[error("没有识别出任何计划条目：条目应以“1.”“（一）”“1.1”“①”“第一，”等编号开头，或为首列是序号的表格（Word 或 Excel 表格，或从中复制的内容）")]
    NoItems,
    #[error("计划条目超过 {MAX_NUMBERED_ITEMS} 项（第 {0} 行起的条目编号为 {num}），超出可导入的上限；请拆分计划后分别导入", num = MAX_NUMBERED_ITEMS + 1)]
    TooManyItems(usize),
    #[error("报告中没有找到下一年度工作安排部分（标题含“下一年度”“主要安排”或“下一步”）")]
    NoNextYearSection,
}

/// Items numbered `1.` … are read up to this number: a label has at most three digits,
/// so that `2023.` is not taken for item 2023. A plan that goes on past it is refused
/// rather than silently cut.
pub const MAX_NUMBERED_ITEMS: usize = 999;

const TITLE_WORDS: [&str; 9] = [
    "工作要点",
    "工作计划",
    "实施方案",
    "任务清单",
    "责任清单",
    "要点",
    "重点任务",
    "任务分解",
    "工作安排",
];

/// Reads a plan from bytes of a .xlsx, .docx, .tsv, .txt or web page (.html) file;
/// `file_name` decides when the content does not (a .tsv without tabs is still read as a
/// table). An OLE file (.xls, or an .xlsx with a password) is refused as the .docx reader
/// words it.
pub fn parse_plan_bytes(bytes: &[u8], file_name: &str) -> Result<PlanImport, PlanError> {
    check_size(bytes.len())?;
    let name = file_name.to_ascii_lowercase();
    let legacy = read::is_legacy_office(bytes);
    if !legacy && (name.ends_with(".xlsx") || sheet_read::is_workbook(bytes)) {
        return parse_plan_xlsx(bytes);
    }
    if legacy || bytes.starts_with(b"PK\x03\x04") || name.ends_with(".docx") {
        return parse_plan_docx(bytes);
    }
    let text = html_read::file_text(bytes).ok_or(PlanError::Binary)?;
    if looks_binary(text.as_bytes()) {
        return Err(PlanError::Binary);
    }
    if name.ends_with(".tsv") {
        parse_plan_tsv(&text)
    } else {
        parse_plan_text(&text)
    }
}

/// Reads a plan from pasted text: a table (tab-separated rows, as a Word table pasted,
/// cells copied from a spreadsheet or an indicator table saved as text) as a table,
/// anything else as numbered items (`1.` … or, without those, `（一）` …) under 一、
/// group headings.
pub fn parse_plan_text(text: &str) -> Result<PlanImport, PlanError> {
    check_text(text)?;
    let joined = spreadsheet_cells_joined(text);
    if is_table(&joined) {
        parse_rows(&joined)
    } else {
        parse_numbered_text(text)
    }
}

/// The unit names of an item's department list, as a plan writes them:
/// `牵头处室：办公室；配合：执法队、医政科` names 办公室, 执法队 and 医政科 (a role's label
/// is not a unit), and a deadline written among them (`完成时限：2023年12月底前`,
/// `2023年底前`) is no unit at all.
fn unit_names(list: &str) -> Vec<String> {
    split_names(list)
        .into_iter()
        .filter_map(|name| {
            let (role, unit) = match name.rfind(['：', ':']) {
                Some(at) => {
                    let colon_len = name[at..].chars().next().map_or(1, char::len_utf8);
                    (&name[..at], name[at + colon_len..].trim())
                }
                None => ("", name.as_str()),
            };
            let deadline =
                ["时限", "时间", "期限"].iter().any(|w| role.contains(w)) || is_deadline(unit);
            (!unit.is_empty() && !deadline).then(|| unit.to_string())
        })
        .collect()
}

/// Whether a cell or a name is a deadline (完成时限: `2023年12月底前`, `十二月`, `全年`,
/// `长期坚持`) rather than a unit: a date needs a numeral, so that 老年健康科 stays a unit.
fn is_deadline(text: &str) -> bool {
    let numeral = text.contains(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    let dated = numeral && ["年", "月", "日", "季度"].iter().any(|w| text.contains(w));
    let standing = ["长期", "持续", "常态", "全年", "年底", "年内"]
        .iter()
        .any(|w| text.contains(w));
    text.chars().count() <= 20 && (dated || standing)
}

fn check_size(len: usize) -> Result<(), PlanError> {
    match len {
        0 => Err(PlanError::Empty),
        n if n > MAX_IMPORT_BYTES => Err(PlanError::TooLarge(n)),
        _ => Ok(()),
    }
}

fn check_text(text: &str) -> Result<(), PlanError> {
    check_size(text.len())?;
    if text.trim().is_empty() {
        return Err(PlanError::Empty);
    }
    if looks_binary(text.as_bytes()) {
        return Err(PlanError::Binary);
    }
    Ok(())
}

/// Reads a plan from a .docx: its paragraphs and, a row to a line, its tables' rows
/// (tab-separated cells), parsed as text: a plan kept as a Word table reads as one
/// pasted from it.
pub fn parse_plan_docx(bytes: &[u8]) -> Result<PlanImport, PlanError> {
    check_size(bytes.len())?;
    parse_plan_text(&read::lines_with_table_rows(bytes)?.join("\n"))
}

/// Reads a plan from an Excel workbook: its first visible worksheet's rows, read as the
/// table copied out of it and pasted would be. A sheet of one column (paragraphs typed
/// into column A) has no table to read and reads as pasted text.
pub fn parse_plan_xlsx(bytes: &[u8]) -> Result<PlanImport, PlanError> {
    check_size(bytes.len())?;
    let lines = sheet_read::first_sheet_lines(bytes)?;
    let text = lines.join("\n");
    if lines.iter().any(|line| line.contains('\t')) {
        parse_plan_tsv(&text)
    } else {
        parse_plan_text(&text)
    }
}
