//! Plans as tables: tab-separated rows, as an indicator table saved as text or a Word
//! table (序号 | 重点任务 | 责任单位 | 完成时限) pasted, with or without a header row.

use std::borrow::Cow;

use super::text::{
    item_from_text, item_number_of_label, number_within_groups, plan_import, starts_with_item_label,
};
use super::{check_text, is_deadline, unit_names, PlanError, PlanImport, Skipped};
use crate::import_text::squeeze_spaces;
use crate::labels::{parse_chinese_numeral, parse_label};
use crate::plan_items::PlanItem;
use crate::text::fold_width;

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

/// `text` with the cells a spreadsheet quotes as it copies them (a cell holding line
/// breaks or quotes: `"1.…；⏎2.…"`, `""` for a quote), as Excel and WPS put them on the
/// clipboard, read back as one line each: their line breaks become spaces, as the .xlsx
/// reader reads the same cells. Text that does not follow that quoting (a line opening
/// with a quotation of its own, a quote never closed) is left as it is.
pub fn spreadsheet_cells_joined(text: &str) -> Cow<'_, str> {
    if !text.contains('\t') || !text.contains('"') {
        return Cow::Borrowed(text);
    }
    let mut joined = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut cell_start = true;
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    joined.push('"');
                }
                '"' if matches!(chars.peek(), None | Some('\t' | '\r' | '\n')) => quoted = false,
                '"' => return Cow::Borrowed(text),
                '\r' => {}
                '\n' => joined.push(' '),
                c => joined.push(c),
            }
        } else if cell_start && c == '"' {
            quoted = true;
            cell_start = false;
        } else {
            cell_start = matches!(c, '\t' | '\n');
            joined.push(c);
        }
    }
    if quoted {
        return Cow::Borrowed(text);
    }
    Cow::Owned(joined)
}

/// The cells of a tab-separated line, widths folded and spaces squeezed.
fn cells_of(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split('\t').map(|c| squeeze_spaces(&fold_width(c)))
}

/// Whether a tab-separated line is a table row: its first cell an item number, its
/// second one not empty.
fn is_item_row(line: &str) -> bool {
    let mut cells = cells_of(line);
    cells.next().is_some_and(|number| is_item_number(&number))
        && cells.next().is_some_and(|content| !content.is_empty())
}

/// Whether `text` is a table rather than numbered paragraphs: it has at least as many
/// table rows as lines with an item label (`1.`, `（一）`, `1.1`, `①`), and a header row
/// or a row at all. A row counts with three cells or more, or two when its number is
/// bare (`1`, a 序号 | 任务 table copied without its header): Word's list numbering
/// pastes as `1.<tab>item`, one tab, and such a list is numbered paragraphs, as is a
/// label typed with a tab after it (`（一）<tab>item`, `1.1<tab>item`): those lines count
/// as labelled. Numbered paragraphs with a small table after them (a .docx plan's
/// indicator table) stay paragraphs.
pub(super) fn is_table(text: &str) -> bool {
    let header = find_header(text).is_some();
    let (mut rows, mut labelled) = (0usize, 0usize);
    let bare_number = |line: &str| {
        cells_of(line)
            .next()
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    for line in text.lines() {
        let tabs = line.matches('\t').count();
        if tabs > 0 && (tabs > 1 || bare_number(line)) && is_item_row(line) {
            rows += 1;
        } else if tabs <= 1 {
            labelled += usize::from(starts_with_item_label(&line.replacen('\t', "", 1)));
        }
    }
    (header || rows > 0) && rows >= labelled
}

/// The group a row of merged cells opens (`一、深入学习贯彻习近平法治思想`, `（一）…`), read from
/// its non-empty cells: its number and title. With `bare_numerals` (a table whose items
/// are numbered in digits), `一、` or `一` and the title in two cells open one too;
/// otherwise such a row is an item numbered `一、` whose other cells are empty. A cell
/// alone that starts with a number and goes on with a title (`1 深入学习…`,
/// `1.深入学习…`, the group over items 1.1, 1.2 …) opens group 1: an item's row has its
/// task in a cell of its own.
fn group_heading(cells: &[String], bare_numerals: bool) -> Option<(usize, String)> {
    let filled: Vec<&str> = cells
        .iter()
        .map(String::as_str)
        .filter(|c| !c.is_empty())
        .collect();
    if filled.len() > 2 || (filled.len() == 2 && !bare_numerals) {
        return None;
    }
    let joined = match filled[..] {
        [numeral, title] if bare_numerals && parse_chinese_numeral(numeral).is_some() => {
            format!("{numeral}、{title}")
        }
        _ => filled.concat(),
    };
    // `（一）` opens a group too, as under a plan's `二、重点任务` section.
    if let Some(label) = parse_label(&joined).filter(|l| l.level <= 2) {
        return Some((label.number, label.rest.trim().to_string()));
    }
    if filled.len() != 1 {
        return None;
    }
    let digits = joined.find(|c: char| !c.is_ascii_digit())?;
    let number: usize = joined[..digits].parse().ok().filter(|_| digits <= 3)?;
    let title = joined[digits..].trim_start_matches(['.', '、']);
    let titled = !title.is_empty() && !title.starts_with(|c: char| c.is_ascii_digit());
    titled.then(|| (number, title.trim().to_string()))
}

/// Where the header row of an indicator table is: the first tab-separated line with a
/// number column, a short cell naming 序号 or 编号 (an item's text that mentions 统一编号
/// is no header).
fn find_header(text: &str) -> Option<usize> {
    text.lines().position(|line| {
        line.contains('\t')
            && cells_of(line).any(|cell| {
                cell.chars().count() <= MAX_NUMBER_HEADER_CHARS
                    && (cell.contains("序号") || cell.contains("编号"))
            })
    })
}

/// The longest header cell of a number column: `序号`, `编号`, `任务编号`, `序号（编号）`.
const MAX_NUMBER_HEADER_CHARS: usize = 6;

/// A table row: the group heading above it, its cells, and each cell read as a list of
/// unit names ([`unit_list`]).
struct Row {
    group: String,
    /// The number of the group heading above it (一、 → 1), when it has one.
    group_number: Option<usize>,
    cells: Vec<String>,
    unit_lists: Vec<String>,
}

/// A cell as a list of unit names, `、`-separated: a line break or space between two
/// names (`审批科↵执法队`, a cell written with Alt+Enter) separates them, while spaces
/// among single characters (`办 公 室`, spaced to fill the cell) do not.
fn unit_list(cell: &str) -> String {
    let mut list = String::new();
    let mut last_len = 0;
    for token in fold_width(cell).split_whitespace() {
        let len = token.chars().count();
        // `审批科 （牵头）` and `牵头单位： 审批科` are one name with its role.
        let attached = token.starts_with(['（', '(', '：', ':']) || list.ends_with(['：', ':']);
        if !list.is_empty() && last_len > 1 && len > 1 && !attached {
            list.push('、');
        }
        list.push_str(token);
        last_len = len;
    }
    list
}

/// Where a row's departments are.
enum DepartmentCell {
    /// The column the header names 责任单位 (or 部门, 牵头…).
    Column(usize),
    /// Without a header: the first filled cell after the task that is not a deadline.
    FirstAfterContent,
    /// A header that names no such column.
    Nowhere,
}

struct Columns {
    number: usize,
    content: usize,
    detail: Option<usize>,
    departments: DepartmentCell,
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
        let departments = find(&["责任", "部门", "单位", "牵头"], &[number, content])
            .map_or(DepartmentCell::Nowhere, DepartmentCell::Column);
        Columns {
            number,
            content,
            detail,
            departments,
        }
    }

    /// The cell of a row's unit lists that lists its departments; empty when there is
    /// none.
    fn departments_of<'r>(&self, cells: &'r [String]) -> &'r str {
        let found = match self.departments {
            DepartmentCell::Column(c) => cells.get(c),
            DepartmentCell::FirstAfterContent => cells
                .iter()
                .skip(self.content + 1)
                .find(|c| !c.is_empty() && !is_deadline(c)),
            DepartmentCell::Nowhere => None,
        };
        found.map_or("", String::as_str)
    }
}

/// The items' numbers from their 序号 cells, under groups numbered `groups`: as written,
/// less a closing `.` or `、` (`12`, `九-1-1`), unless every cell is a label of one kind
/// that is no bare number (`（一）`, `一`, `①`, `1.1`, as typed or as Word's automatic
/// numbering shows it), numbered then as the same labels starting paragraphs are: 一 as
/// 1, （一） restarting in every group as 一（一）.
fn item_numbers(cells: &[String], groups: &[Option<usize>]) -> Vec<String> {
    let as_written = || {
        cells
            .iter()
            .map(|cell| cell.trim_end_matches(['.', '、']).to_string())
            .collect()
    };
    let labels: Option<Vec<(u8, String)>> = cells
        .iter()
        .map(|cell| item_number_of_label(cell))
        .collect();
    let Some(labels) = labels else {
        return as_written();
    };
    let level = labels.first().map(|(level, _)| *level);
    let bare_digits = cells.iter().all(|cell| {
        cell.trim_end_matches(['.', '、'])
            .chars()
            .all(|c| c.is_ascii_digit())
    });
    if bare_digits || labels.iter().any(|(l, _)| Some(*l) != level) {
        return as_written();
    }
    let mut numbers: Vec<String> = labels.into_iter().map(|(_, number)| number).collect();
    number_within_groups(&mut numbers, groups, level.unwrap_or_default());
    numbers
}

/// Reads a plan from a table: one tab-separated row per line, under a header row with a
/// 序号 column or, without one, read as 序号 | task | departments, where a deadline
/// cell (完成时限) is dropped: a plan item has no place for it. A line whose number cell
/// is empty continues the row above, cell by cell (wrapped cells); a row of merged cells
/// labelled `一、` (or `一`, among rows numbered in digits) opens a group. Numbers are kept as written (`九-1-1`), gaps and all,
/// less a closing `.` or `、`.
pub fn parse_plan_tsv(text: &str) -> Result<PlanImport, PlanError> {
    check_text(text)?;
    parse_rows(&spreadsheet_cells_joined(text))
}

/// [`parse_plan_tsv`] on text already checked, its spreadsheet cells joined.
pub(super) fn parse_rows(text: &str) -> Result<PlanImport, PlanError> {
    let lines: Vec<&str> = text.lines().collect();
    let header_at = find_header(text);
    let columns = header_at.map_or(
        Columns {
            number: 0,
            content: 1,
            detail: None,
            departments: DepartmentCell::FirstAfterContent,
        },
        |at| Columns::from_header(lines[at]),
    );
    let digit_numbers = lines.iter().any(|line| {
        line.contains('\t')
            && cells_of(line)
                .nth(columns.number)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
    });
    // Without a header, what comes before the first row or group heading is the notice
    // and title the plan is named by.
    let preamble_end = header_at.unwrap_or_else(|| {
        lines
            .iter()
            .position(|line| {
                is_item_row(line)
                    || group_heading(&cells_of(line).collect::<Vec<_>>(), digit_numbers).is_some()
            })
            .unwrap_or(0)
    });
    let first_row = header_at.map_or(preamble_end, |at| at + 1);
    let mut skipped = Vec::new();
    let preamble: Vec<String> = lines[..preamble_end]
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
    let mut group = String::new();
    let mut group_number = None;
    let mut rows: Vec<Row> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(first_row) {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<String> = cells_of(line).collect();
        let unit_lists: Vec<String> = line.split('\t').map(unit_list).collect();
        if let Some((number, title)) = group_heading(&cells, digit_numbers) {
            group = title;
            group_number = Some(number);
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
        let number = cells.get(columns.number).map_or("", String::as_str);
        match rows.last_mut() {
            Some(row) if number.is_empty() => {
                for (k, (cell, units)) in cells.into_iter().zip(unit_lists).enumerate() {
                    if k >= row.cells.len() {
                        row.cells.resize(k + 1, String::new());
                        row.unit_lists.resize(k + 1, String::new());
                    }
                    row.cells[k].push_str(&cell);
                    // A unit on the row below (a merged 序号 cell) is a name of its own.
                    if !row.unit_lists[k].is_empty() && !units.is_empty() {
                        row.unit_lists[k].push('、');
                    }
                    row.unit_lists[k].push_str(&units);
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
            _ => rows.push(Row {
                group: group.clone(),
                group_number,
                cells,
                unit_lists,
            }),
        }
    }
    let cell = |row: &Row, column: Option<usize>| {
        column
            .and_then(|c| row.cells.get(c))
            .cloned()
            .unwrap_or_default()
    };
    let rows: Vec<&Row> = rows
        .iter()
        .filter(|row| !cell(row, Some(columns.content)).is_empty())
        .collect();
    let numbers = item_numbers(
        &rows
            .iter()
            .map(|row| cell(row, Some(columns.number)))
            .collect::<Vec<_>>(),
        &rows.iter().map(|row| row.group_number).collect::<Vec<_>>(),
    );
    let items: Vec<PlanItem> = rows
        .iter()
        .zip(numbers)
        .map(|(row, number)| {
            let mut item = item_from_text(
                number,
                row.group.clone(),
                &cell(row, Some(columns.content)),
                Some(&cell(row, columns.detail)),
            );
            if item.departments.is_empty() {
                item.departments = unit_names(columns.departments_of(&row.unit_lists));
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
