//! Reading the cells of an Excel workbook (.xlsx, SpreadsheetML): its first visible
//! worksheet as lines of tab-separated cell text, as Excel copies a range, for readers
//! of tables (a plan kept as a workbook reads as the same table pasted). A small
//! scanner, as for the .docx: a spreadsheet crate would cost wasm size and is not
//! hardened against hostile zips.
//!
//! The first visible worksheet rather than the tab the workbook was saved on
//! (`activeTab`): which tab a clerk last looked at is chance, while the plan is the
//! sheet that comes first; a hidden sheet (lookup lists, old versions) is no one's plan.

use crate::date::CalendarDate;
use crate::import_text::MAX_IMPORT_BYTES;
use crate::package_read::{Package, PackageError};
use crate::text::decimal;
use crate::xml_text::{clean_text, unescape, Tag, Tags};

/// Each part is read within this many bytes, counted as it inflates: a sheet of 5 000
/// rows by 64 columns of short text is about 15 MB, and two parts are held at once
/// (the sheet and the shared strings) in a browser worker.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// A cell with text below this row is refused: no plan is this long, and a reference
/// like `XFD1048576` must not make a million lines.
pub const MAX_ROWS: usize = 5_000;
/// Cells right of this column are left out: a plan's columns are the first few, and a
/// note far to the right is none of them.
pub const MAX_COLUMNS: usize = 64;
/// Shared strings past this many are not kept (a cell naming one reads empty): the
/// cells read cannot use more.
const MAX_SHARED_STRINGS: usize = MAX_ROWS * MAX_COLUMNS;
/// Sheets and relationships of a workbook past this many are not looked at: a workbook
/// has a few dozen, and each sheet looks its part up among the relationships.
const MAX_PARTS: usize = 1_024;
/// Excel's own limit on cell formats is 64 000.
const MAX_STYLES: usize = 65_536;
/// Custom date and percent formats past this many are not told from numbers: a workbook
/// has a few, and each cell format looks its number format up among them (a map type
/// would weigh more in the wasm than this search).
const MAX_CUSTOM_FORMATS: usize = 256;

const WORKBOOK: &str = "xl/workbook.xml";
const WORKBOOK_RELS: &str = "xl/_rels/workbook.xml.rels";

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error("文件不是 Excel 工作簿（.xlsx），无法读取")]
    NotZip,
    #[error("压缩包中没有 Excel 工作簿（xl/workbook.xml），可能是 Word 或其他格式的文件")]
    NotWorkbook,
    #[error("Excel 文件已损坏，无法读取表格（压缩包结构有误、数据不完整或缺少工作表）")]
    Damaged,
    #[error(
        "Excel 文件使用了不支持的压缩方式或加密，无法读取；请用 Excel 或 WPS 打开后另存为 .xlsx 再试"
    )]
    Unsupported,
    #[error("Excel 文件中的表格过大（解压后超过 32 MB），无法读取")]
    TooLarge,
    #[error(
        "这是旧版 Excel 格式（.xls、.et）或设置了打开密码的文件，无法直接读取；请用 Excel 或 WPS 打开，去掉密码后另存为 .xlsx 再试"
    )]
    LegacyOffice,
    #[error("Excel 工作簿中没有可读取的工作表（工作表都已隐藏，或只有图表）")]
    NoWorksheet,
    #[error(
        "Excel 工作簿的第一个工作表“{0}”是空的，没有可读取的内容；请把工作要点放在第一个工作表中"
    )]
    EmptySheet(String),
    #[error("Excel 工作表“{0}”超过 {MAX_ROWS} 行（第 {1} 行仍有内容），超出可导入的上限；请只保留工作要点所在的行")]
    TooManyRows(String, usize),
    #[error("Excel 工作表“{0}”的文字超过 5 MB，超出可导入的上限；请只保留工作要点所在的表格")]
    TooMuchText(String),
}

impl From<PackageError> for SheetError {
    fn from(err: PackageError) -> Self {
        match err {
            PackageError::NotZip => SheetError::NotZip,
            PackageError::Damaged => SheetError::Damaged,
            PackageError::Unsupported => SheetError::Unsupported,
            PackageError::TooLarge => SheetError::TooLarge,
            PackageError::LegacyOffice => SheetError::LegacyOffice,
        }
    }
}

/// Whether `bytes` are a zip holding an Excel workbook.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && Package::open(bytes).is_ok_and(|package| package.has_part(WORKBOOK))
}

/// The rows of the first visible worksheet, from the first to the last with text, each
/// a line of its cells' text separated by tabs: a cell is placed in the column its
/// reference names (a gap is an empty cell), a row on the line its number names (line
/// `n - 1` is row `n`, an empty row an empty line). A cell's line breaks and tabs
/// become spaces, as it is one field of the line; a number in a date format is written
/// as the date (`2024年12月31日`), booleans as `TRUE`/`FALSE`, any other value as stored.
pub fn first_sheet_lines(bytes: &[u8]) -> Result<Vec<String>, SheetError> {
    let mut package = Package::open(bytes)?;
    let workbook = package
        .part(WORKBOOK, MAX_PART_BYTES)?
        .ok_or(SheetError::NotWorkbook)?;
    let relationships = package
        .part(WORKBOOK_RELS, MAX_PART_BYTES)?
        .unwrap_or_default();
    let parts = Relationships::of(&relationships);
    let (name, sheet_part) = first_visible_worksheet(&workbook, &parts)?;
    let sheet = package
        .part(&sheet_part, MAX_PART_BYTES)?
        .ok_or(SheetError::Damaged)?;
    let mut optional_part =
        |kind, default| package.part(&parts.target_of_type(kind, default), MAX_PART_BYTES);
    let shared_strings = optional_part("sharedStrings", "xl/sharedStrings.xml")?
        .map(|xml| shared_strings(&xml))
        .unwrap_or_default();
    let styles = optional_part("styles", "xl/styles.xml")?
        .map(|xml| number_styles(&xml))
        .unwrap_or_default();
    let values = Values {
        shared_strings,
        styles,
        date1904: Tags::new(&workbook).any(|tag| {
            tag.local_name() == "workbookPr"
                && tag
                    .attribute("date1904")
                    .is_some_and(|v| v == "1" || v == "true")
        }),
    };
    let mut rows = sheet_rows(&sheet, &values).map_err(|limit| match limit {
        Limit::Rows(row) => SheetError::TooManyRows(name.clone(), row),
        Limit::Text => SheetError::TooMuchText(name.clone()),
    })?;
    fill_merged_columns(&mut rows, &sheet);
    if rows.is_empty() {
        return Err(SheetError::EmptySheet(name));
    }
    Ok(rows.iter().map(|cells| cells.join("\t")).collect())
}

/// The workbook's relationships to its parts: (id, type, part name).
struct Relationships(Vec<(String, String, String)>);

impl Relationships {
    fn of(xml: &str) -> Relationships {
        let found = Tags::new(xml).filter(|tag| tag.local_name() == "Relationship" && !tag.closing);
        Relationships(
            found
                .filter(|tag| tag.attribute("TargetMode") != Some("External"))
                .filter_map(|tag| {
                    Some((
                        unescape(tag.attribute("Id")?),
                        unescape(tag.attribute("Type")?),
                        part_name(&unescape(tag.attribute("Target")?)),
                    ))
                })
                .take(MAX_PARTS)
                .collect(),
        )
    }

    /// The part a relationship of type `…/kind` points to, or `default`.
    fn target_of_type(&self, kind: &str, default: &str) -> String {
        self.0
            .iter()
            .find(|(_, t, _)| t.rsplit('/').next() == Some(kind))
            .map_or(default.to_string(), |(_, _, part)| part.clone())
    }
}

/// A relationship's target as a part name in the zip: relative to `xl/`, or from the
/// package root when it starts with `/`.
fn part_name(target: &str) -> String {
    let mut segments: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        vec!["xl"]
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            segment => segments.push(segment),
        }
    }
    segments.join("/")
}

/// The name and the part of the first sheet in workbook order that is neither hidden
/// nor a chart sheet.
fn first_visible_worksheet(
    workbook: &str,
    parts: &Relationships,
) -> Result<(String, String), SheetError> {
    Tags::new(workbook)
        .filter(|tag| tag.local_name() == "sheet" && !tag.closing)
        .take(MAX_PARTS)
        .filter(|tag| !matches!(tag.attribute("state"), Some("hidden" | "veryHidden")))
        .find_map(|tag| {
            let id = unescape(tag.attribute("id")?);
            let (_, _, part) = parts
                .0
                .iter()
                .find(|(i, t, _)| *i == id && t.rsplit('/').next() == Some("worksheet"))?;
            let name = clean_text(&unescape(tag.attribute("name").unwrap_or_default()));
            Some((name, part.clone()))
        })
        .ok_or(SheetError::NoWorksheet)
}

/// What a cell's stored value needs to be read: the shared strings, how each cell format
/// (by index) shows a number, and the workbook's date system.
struct Values {
    shared_strings: Vec<String>,
    styles: Vec<Shown>,
    date1904: bool,
}

/// How a cell format shows a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    AsStored,
    Date,
    /// A percentage with this many decimals: 0.95 shown as 95%, a plan's target.
    Percent(u32),
}

/// The strings of `xl/sharedStrings.xml`, a rich text's runs joined and its phonetic
/// guide (`rPh`) left out.
fn shared_strings(xml: &str) -> Vec<String> {
    let mut strings = Vec::new();
    let mut current = String::new();
    let mut phonetic = false;
    for tag in Tags::new(xml) {
        if strings.len() >= MAX_SHARED_STRINGS {
            break;
        }
        match (tag.local_name(), tag.closing) {
            ("si", false) if tag.empty => strings.push(String::new()),
            ("si", false) => current.clear(),
            ("si", true) => strings.push(cell_text(&current)),
            ("rPh", false) => phonetic = !tag.empty,
            ("rPh", true) => phonetic = false,
            ("t", true) if !phonetic => current.push_str(tag.before),
            _ => {}
        }
    }
    strings
}

/// For each cell format of `xl/styles.xml` (`cellXfs`, in order), how it shows a
/// number: a built-in date format (14–22, and the East Asian 27–36 and 50–58), a built-in
/// percentage (9 and 10), or as its custom format's code says ([`shown_by`]).
fn number_styles(xml: &str) -> Vec<Shown> {
    let mut custom = Vec::new();
    let mut styles = Vec::new();
    let mut in_cell_formats = false;
    let format_id = |tag: &Tag| {
        tag.attribute("numFmtId")
            .and_then(|id| id.parse::<u32>().ok())
    };
    for tag in Tags::new(xml) {
        match (tag.local_name(), tag.closing) {
            ("numFmt", false) if custom.len() < MAX_CUSTOM_FORMATS => {
                let code = tag.attribute("formatCode").map(unescape);
                if let (Some(id), Some(code)) = (format_id(&tag), code) {
                    let shown = shown_by(&code);
                    if shown != Shown::AsStored {
                        custom.push((id, shown));
                    }
                }
            }
            ("cellXfs", false) => in_cell_formats = !tag.empty,
            ("cellXfs", true) => in_cell_formats = false,
            ("xf", false) if in_cell_formats && styles.len() < MAX_STYLES => {
                let id = format_id(&tag).unwrap_or(0);
                styles.push(match id {
                    14..=22 | 27..=36 | 50..=58 => Shown::Date,
                    9 => Shown::Percent(0),
                    10 => Shown::Percent(2),
                    _ => custom
                        .iter()
                        .find(|&&(custom_id, _)| custom_id == id)
                        .map_or(Shown::AsStored, |&(_, shown)| shown),
                });
            }
            _ => {}
        }
    }
    styles
}

/// How a number format code shows a number, read outside its quoted text (`"年"`), its
/// bracketed parts (`[Red]`, `[$-804]`) and escaped characters (`\d`): a `y` or `d` is a
/// date (`m` alone says nothing: it is also minutes), a `%` a percentage with as many
/// decimals as the digits after its point.
fn shown_by(code: &str) -> Shown {
    let mut chars = code.chars();
    let mut decimals: Option<u32> = None;
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                chars.by_ref().find(|&c| c == '"');
            }
            '[' => {
                chars.by_ref().find(|&c| c == ']');
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            'y' | 'Y' | 'd' | 'D' => return Shown::Date,
            '.' => decimals = Some(0),
            '0' | '#' | '?' => decimals = decimals.map(|d| (d + 1).min(9)),
            '%' => return Shown::Percent(decimals.unwrap_or(0)),
            // A section for negative numbers or zero: the first one decides.
            ';' => break,
            _ => {}
        }
    }
    Shown::AsStored
}

/// Why a sheet is refused: a row with text past [`MAX_ROWS`] (1-based), or text past
/// [`MAX_IMPORT_BYTES`] (shared strings repeated in many cells can make much text of a
/// small part).
enum Limit {
    Rows(usize),
    Text,
}

/// A cell being read: where it is, its type (`t`) and format (`s`), its value.
struct Cell<'x> {
    column: usize,
    kind: &'x str,
    style: usize,
    value: Option<&'x str>,
    inline: String,
}

/// The cells of a worksheet's rows (up to the last row with text), each row's up to its
/// last cell with text.
fn sheet_rows(xml: &str, values: &Values) -> Result<Vec<Vec<String>>, Limit> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut text_bytes = 0usize;
    let (mut row, mut next_row, mut next_column) = (0usize, 0usize, 0usize);
    let mut cell: Option<Cell> = None;
    let mut phonetic = false;
    for tag in Tags::new(xml) {
        match (tag.local_name(), tag.closing) {
            ("row", false) => {
                row = tag.attribute("r").and_then(index_of).unwrap_or(next_row);
                next_row = row.saturating_add(1);
                next_column = 0;
            }
            ("c", false) => {
                let column = tag
                    .attribute("r")
                    .and_then(column_of)
                    .unwrap_or(next_column);
                next_column = column.saturating_add(1);
                cell = (!tag.empty).then(|| Cell {
                    column,
                    kind: tag.attribute("t").unwrap_or("n"),
                    style: tag.attribute("s").and_then(|s| s.parse().ok()).unwrap_or(0),
                    value: None,
                    inline: String::new(),
                });
            }
            ("v", true) => {
                if let Some(cell) = cell.as_mut() {
                    cell.value = Some(tag.before);
                }
            }
            ("rPh", false) => phonetic = !tag.empty,
            ("rPh", true) => phonetic = false,
            ("t", true) if !phonetic => {
                if let Some(cell) = cell.as_mut() {
                    cell.inline.push_str(tag.before);
                }
            }
            ("c", true) => {
                let Some(cell) = cell.take() else {
                    continue;
                };
                let text = value_text(&cell, values);
                if text.trim().is_empty() || cell.column >= MAX_COLUMNS {
                    continue;
                }
                if row >= MAX_ROWS {
                    return Err(Limit::Rows(row.saturating_add(1)));
                }
                text_bytes += text.len();
                if text_bytes > MAX_IMPORT_BYTES {
                    return Err(Limit::Text);
                }
                if rows.len() <= row {
                    rows.resize(row + 1, Vec::new());
                }
                let cells = &mut rows[row];
                if cells.len() <= cell.column {
                    cells.resize(cell.column + 1, String::new());
                }
                cells[cell.column] = text;
            }
            _ => {}
        }
    }
    Ok(rows)
}

/// Merged ranges past this many are not looked at: a plan has a few dozen.
const MAX_MERGES: usize = 10_000;

/// A cell merged down over rows that are items of their own (their first cell filled:
/// a 责任单位 or 完成时限 shared by several tasks) holds its text in its top row only;
/// each of those rows gets it, as Excel shows it beside each. Rows below it with an
/// empty first cell continue the row above (a task told over several rows) and are left
/// as they are, as are merges across columns (a group's title row). The copies stop where
/// the sheet's text would pass [`MAX_IMPORT_BYTES`]: a long cell merged down five
/// thousand rows must not make gigabytes.
fn fill_merged_columns(rows: &mut [Vec<String>], sheet: &str) {
    let mut text_bytes: usize = rows.iter().flatten().map(String::len).sum();
    let ranges = Tags::new(sheet)
        .filter(|tag| tag.local_name() == "mergeCell" && !tag.closing)
        .take(MAX_MERGES)
        .filter_map(|tag| {
            let (first, last) = tag.attribute("ref")?.split_once(':')?;
            let column = column_of(first)?;
            let (top, bottom) = (row_of(first)?, row_of(last)?);
            (column_of(last)? == column && top < bottom).then_some((column, top, bottom))
        });
    for (column, top, bottom) in ranges {
        let Some(text) = rows.get(top).and_then(|row| row.get(column)).cloned() else {
            continue;
        };
        for row in rows.iter_mut().take(bottom.saturating_add(1)).skip(top + 1) {
            let own_item = row.first().is_some_and(|first| !first.is_empty());
            if own_item && column < MAX_COLUMNS && row.get(column).is_none_or(String::is_empty) {
                text_bytes += text.len();
                if text_bytes > MAX_IMPORT_BYTES {
                    return;
                }
                if row.len() <= column {
                    row.resize(column + 1, String::new());
                }
                row[column] = text.clone();
            }
        }
    }
}

/// A cell's text as Excel shows it, near enough: see [`first_sheet_lines`].
fn value_text(cell: &Cell, values: &Values) -> String {
    let value = cell.value.unwrap_or_default();
    match cell.kind {
        "s" => value
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| values.shared_strings.get(i))
            .cloned()
            .unwrap_or_default(),
        "inlineStr" => cell_text(&cell.inline),
        "b" => match value.trim() {
            "1" => "TRUE".into(),
            "0" => "FALSE".into(),
            _ => String::new(),
        },
        _ => match values.styles.get(cell.style) {
            Some(Shown::Date) => excel_date(value, values.date1904).map(|date| date.to_string()),
            Some(&Shown::Percent(decimals)) => value
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(|v| format!("{}%", decimal(v * 100.0, decimals))),
            _ => None,
        }
        .unwrap_or_else(|| cell_text(value)),
    }
}

/// The day of a stored date serial number (`45657`, `45657.75` with the time of day):
/// days since 1899-12-30 (Excel's 1900 system, whose serials from 61, 1900-03-01, on
/// are right; it counts a 1900-02-29 that never was) or since 1904-01-01. Read as
/// digits, not as a float: no date is written with an exponent or a sign, and float
/// parsing would weigh several KB in the wasm.
fn excel_date(value: &str, date1904: bool) -> Option<CalendarDate> {
    const UNIX_EPOCH_1900_SYSTEM: usize = 25_569;
    const UNIX_EPOCH_1904_SYSTEM: usize = 24_107;
    let (first, epoch) = if date1904 {
        (0, UNIX_EPOCH_1904_SYSTEM)
    } else {
        (61, UNIX_EPOCH_1900_SYSTEM)
    };
    let (days, fraction) = value.trim().split_once('.').unwrap_or((value.trim(), ""));
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Past any date CalendarDate holds, and small enough for an i64.
    let days = digits_value(days).filter(|d| (first..1_000_000).contains(d))?;
    CalendarDate::from_unix_days(days as i64 - epoch as i64)
}

/// Stored text as a cell's text: entities and Excel's `_x000D_` escapes decoded, line
/// breaks and tabs made spaces, other control characters dropped.
fn cell_text(raw: &str) -> String {
    let text = unescape(raw);
    let text = if text.contains("_x") {
        decode_escapes(&text)
    } else {
        text
    };
    clean_text(&text.replace(['\r', '\n'], " "))
}

/// Decodes `_xHHHH_`, how SpreadsheetML writes a character XML cannot carry (`_x000D_`
/// for a carriage return; `_x005F_` for an `_` that would start one).
fn decode_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest
            .get(2..6)
            .filter(|_| rest.as_bytes().get(6) == Some(&b'_'))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[7..];
            }
            None => {
                out.push_str("_x");
                rest = &rest[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A 1-based row number as a 0-based index; `None` when it is not one.
fn index_of(number: &str) -> Option<usize> {
    let n = digits_value(number)?;
    n.checked_sub(1)
}

/// The 0-based row of a cell reference (`C7` → 6).
fn row_of(reference: &str) -> Option<usize> {
    index_of(reference.trim_start_matches(|c: char| c.is_ascii_alphabetic()))
}

/// The 0-based column of a cell reference (`C7` → 2); `None` without letters.
fn column_of(reference: &str) -> Option<usize> {
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .fold(0usize, |n, b| {
            n.saturating_mul(26)
                .saturating_add(usize::from(b.to_ascii_uppercase() - b'A' + 1))
        });
    letters.checked_sub(1)
}

/// The value of a string of decimal digits, saturating: `99999999999999999999` is
/// past any limit, not an error to be read as another row.
fn digits_value(text: &str) -> Option<usize> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(text.bytes().fold(0usize, |n, b| {
        n.saturating_mul(10).saturating_add(usize::from(b - b'0'))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(shared: &[&str]) -> Values {
        Values {
            shared_strings: shared.iter().map(|s| s.to_string()).collect(),
            styles: vec![
                Shown::AsStored,
                Shown::Date,
                Shown::Percent(0),
                Shown::Percent(1),
            ],
            date1904: false,
        }
    }

    fn lines(sheet: &str, values: &Values) -> Vec<String> {
        let xml = format!("<worksheet><sheetData>{sheet}</sheetData></worksheet>");
        match sheet_rows(&xml, values) {
            Ok(rows) => rows.iter().map(|cells| cells.join("\t")).collect(),
            Err(Limit::Rows(row)) => vec![format!("rows past {row}")],
            Err(Limit::Text) => vec!["text".into()],
        }
    }

    #[test]
    fn shared_strings_join_rich_text_runs_and_leave_out_phonetic_guides() {
        let xml = r#"<sst count="4"><si><t>序号</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">落实 </t></r><r><t>三项&amp;制度</t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh></si><si/><si><t>第一行_x000D_
第二行</t></si></sst>"#;
        assert_eq!(
            shared_strings(xml),
            ["序号", "落实 三项&制度", "", "第一行  第二行"]
        );
    }

    #[test]
    fn cells_are_placed_by_their_reference_with_gaps_as_empty_cells() {
        let sheet = r#"
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
            <row r="3" spans="1:4"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><r><t>一、</t></r><r><t>学习</t></r></is></c><c r="D3" s="1"><v>45657</v></c></row>
            <row r="4"><c r="B4" t="str"><f>A1&amp;"x"</f><v>序号x</v></c><c t="b"><v>1</v></c><c r="E4" s="3"/><c t="s"><v>99</v></c></row>
            <row><c t="inlineStr"><is><t>甲	乙
丙</t></is></c></row>"#;
        assert_eq!(
            lines(sheet, &values(&["序号", "重点任务"])),
            [
                "序号\t\t重点任务",
                "",
                "1\t一、学习\t\t2024年12月31日",
                "\t序号x\tTRUE",
                "甲 乙 丙",
            ]
        );
    }

    #[test]
    fn only_date_formatted_numbers_in_range_become_dates() {
        let sheet = r#"<row r="1"><c s="1"><v>45657.75</v></c><c s="0"><v>45657</v></c><c s="1"><v>12</v></c><c s="1"><v>1e300</v></c><c s="1"><v>NaN</v></c><c s="1"><v>45657.7e1</v></c><c s="1"><v>-45657</v></c><c s="7"><v>3</v></c></row>"#;
        assert_eq!(
            lines(sheet, &values(&[])),
            ["2024年12月31日\t45657\t12\t1e300\tNaN\t45657.7e1\t-45657\t3"]
        );
        let date1904 = Values {
            date1904: true,
            ..values(&[])
        };
        assert_eq!(
            lines(r#"<row><c s="1"><v>44195</v></c></row>"#, &date1904),
            ["2024年12月31日"]
        );
    }

    /// A plan's 目标值 typed as 95% is stored as 0.95: it reads as shown.
    #[test]
    fn percent_formatted_numbers_read_as_percentages() {
        let sheet = r#"<row r="1"><c s="2"><v>0.95</v></c><c s="2"><v>1</v></c><c s="3"><v>0.9055</v></c><c s="2"><v>NaN</v></c><c s="2"><v>1e400</v></c><c s="0"><v>0.95</v></c></row>"#;
        assert_eq!(
            lines(sheet, &values(&[])),
            ["95%\t100%\t90.6%\tNaN\t1e400\t0.95"]
        );
    }

    #[test]
    fn date_formats_are_told_from_others() {
        let styles = r#"<styleSheet><numFmts count="3"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.0&quot;天&quot;"/><numFmt numFmtId="178" formatCode="[$-804]\d0;[Red]0"/></numFmts>
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
            <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"><alignment/></xf><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="58"/></cellXfs></styleSheet>"#;
        use Shown::{AsStored, Date, Percent};
        assert_eq!(
            number_styles(styles),
            [AsStored, Date, Date, AsStored, AsStored, Date]
        );
        assert_eq!(shown_by("m/d/yy"), Date);
        assert_eq!(shown_by("General"), AsStored);
        assert_eq!(shown_by("[h]:mm:ss"), AsStored);
        assert_eq!(shown_by("0%"), Percent(0));
        assert_eq!(shown_by("0.0%;[Red]-0.0%"), Percent(1));
        assert_eq!(shown_by("#,##0.00\"%\""), AsStored);
        assert_eq!(shown_by("0;-0;0%"), AsStored);
    }

    #[test]
    fn hostile_references_neither_allocate_nor_panic() {
        let huge_row = r#"<row r="1"><c r="XFD1" t="s"><v>0</v></c></row><row r="1048576"><c r="A1048576" t="s"><v>0</v></c></row>"#;
        assert_eq!(lines(huge_row, &values(&["甲"])), ["rows past 1048576"]);
        // Empty cells that far down are what Excel writes for formatting: no rows.
        let styled = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1048576"><c r="A1048576" s="1"/><c r="B1048576"><v> </v></c></row>"#;
        assert_eq!(lines(styled, &values(&["甲"])), ["甲"]);
        let far_right = r#"<row r="99999999999999999999999"><c r="ZZZZZZZZZZZZZZZZ1"><v>1</v></c></row><row r="2"><c r="BM2"><v>2</v></c><c r="BL2"><v>3</v></c></row>"#;
        assert_eq!(
            lines(far_right, &values(&[])),
            ["".to_string(), format!("{}3", "\t".repeat(63))]
        );
        let junk = r#"<row r="-1"><c r="1A" t="s"><v>-4</v></c><c t="b"><v>x</v></c><c t="s"><v>18446744073709551616</v></c></row><row r="0"><c><v>_x12_x0041__x</v></c>"#;
        assert_eq!(lines(junk, &values(&[])), ["", "_x12A_x"]);
        let amplified: String = (1..=100)
            .map(|r| {
                format!(
                    "<row r=\"{r}\">{}</row>",
                    "<c t=\"s\"><v>0</v></c>".repeat(64)
                )
            })
            .collect();
        assert_eq!(lines(&amplified, &values(&[&"长".repeat(1000)])), ["text"]);
    }

    #[test]
    fn the_first_visible_worksheet_is_read() {
        let workbook = r#"<workbook><sheets><sheet name="说明" sheetId="1" state="hidden" r:id="rId1"/><sheet name="图" sheetId="2" r:id="rId2"/><sheet name="工作要点&amp;分工" sheetId="3" r:id="rId3"/></sheets></workbook>"#;
        let rels = r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/../worksheets/sheet3.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
        let parts = Relationships::of(rels);
        assert_eq!(
            first_visible_worksheet(workbook, &parts),
            Ok(("工作要点&分工".into(), "xl/worksheets/sheet3.xml".into()))
        );
        assert_eq!(
            parts.target_of_type("sharedStrings", "x"),
            "xl/sharedStrings.xml"
        );
        assert_eq!(
            parts.target_of_type("styles", "xl/styles.xml"),
            "xl/styles.xml"
        );
        let all_hidden = r#"<workbook><sheets><sheet name="a" state="veryHidden" r:id="rId3"/></sheets></workbook>"#;
        assert_eq!(
            first_visible_worksheet(all_hidden, &parts),
            Err(SheetError::NoWorksheet)
        );
        // Sheets past the first 1 024 are not looked at, each a search of the parts.
        let unmatched = r#"<sheet name="x" r:id="none"/>"#.repeat(MAX_PARTS);
        let past_the_limit = format!(
            r#"<workbook><sheets>{unmatched}<sheet name="y" r:id="rId3"/></sheets></workbook>"#
        );
        assert_eq!(
            first_visible_worksheet(&past_the_limit, &parts),
            Err(SheetError::NoWorksheet)
        );
    }

    #[test]
    fn a_cell_merged_down_over_items_of_their_own_is_given_to_each() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let mut rows = vec![
            row(&["一、依法行政"]),
            row(&["1", "任务甲", "法规科", "12月"]),
            row(&["2", "任务乙"]),
            row(&["", "（续）乙的第二行"]),
            row(&["3", "任务丙", "", "6月"]),
            row(&["4", "任务丁"]),
        ];
        // 责任单位 C2:C5 over items 1–3 and a continuation row, a title row A1:D1, a
        // 完成时限 across two columns D5:E6, a range past the sheet, a broken one.
        let sheet = r#"<worksheet><sheetData/><mergeCells count="5"><mergeCell ref="C2:C5"/><mergeCell ref="A1:D1"/><mergeCell ref="D5:E6"/><mergeCell ref="B6:B9999999"/><mergeCell ref="C"/></mergeCells></worksheet>"#;
        fill_merged_columns(&mut rows, sheet);
        assert_eq!(
            rows,
            [
                row(&["一、依法行政"]),
                row(&["1", "任务甲", "法规科", "12月"]),
                row(&["2", "任务乙", "法规科"]),
                row(&["", "（续）乙的第二行"]),
                row(&["3", "任务丙", "法规科", "6月"]),
                row(&["4", "任务丁"]),
            ]
        );
    }

    #[test]
    fn copies_of_a_merged_cell_stop_at_the_text_limit() {
        let long = "科".repeat(100_000);
        let mut rows: Vec<Vec<String>> = (0..5_000)
            .map(|n| vec![n.to_string(), "任务".to_string()])
            .collect();
        rows[0].push(long.clone());
        let sheet = r#"<mergeCells><mergeCell ref="C1:C5000"/></mergeCells>"#;
        fill_merged_columns(&mut rows, sheet);
        let text: usize = rows.iter().flatten().map(String::len).sum();
        assert!(text <= MAX_IMPORT_BYTES, "{text}");
        assert_eq!(rows[1][2], long);
        assert_eq!(rows[4_999].len(), 2);
    }
}
