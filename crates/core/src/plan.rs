//! The year's plan (工作要点) a report is checked against: importing it from pasted
//! text, a .txt/.docx file, an indicator table (tab-separated) or last year's report,
//! and the user's coverage decisions that are saved with the draft.
//!
//! Plan items look like `N. 标题句。正文。（责任单位）` under 一、… group headings; see
//! shared/docs/annual-report.md section 4 for the formats and their pitfalls.

use serde::{Deserialize, Serialize};

use crate::coverage::Status;
use crate::docx::read::{self, ReadError};
use crate::import_text::{
    decode_text, first_year, fold_width, is_han, logical_lines, looks_binary, squeeze_spaces,
    MAX_IMPORT_BYTES,
};
use crate::labels::{chinese_numeral, parse_label};
use crate::model::{Draft, Node, NodeId, Section};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The plan's title as found in the document; may be empty.
    pub title: String,
    /// The year the plan is for, when the document states it.
    pub year: Option<u16>,
    pub items: Vec<PlanItem>,
    /// Vocabulary the coverage check reads besides the built-in lexicon: lines in the
    /// lexicon's entry format (docs/coverage-lexicon.md), e.g. a city's own reforms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// The number as written: `5`, `九-1-1`, `一是`. Never renumbered.
    pub number: String,
    /// The group heading the item sits under (`强化法治建设主体责任落实`); may be empty.
    pub group: String,
    /// The item's first sentence, without its full stop.
    pub title: String,
    /// The rest of the item, departments excluded.
    pub body: String,
    /// Responsible units, lead unit first.
    pub departments: Vec<String>,
    pub targets: Vec<Target>,
}

impl PlanItem {
    /// Title and body as one text.
    pub fn text(&self) -> String {
        if self.body.is_empty() {
            self.title.clone()
        } else {
            format!("{}。{}", self.title, self.body)
        }
    }
}

/// A numeric target of an item, such as `无证明率90%以上`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// What is measured: the Chinese phrase before the figure (`无证明率`).
    pub measure: String,
    pub comparator: Comparator,
    /// `None` for a target relative to last year (`低于上一年度`).
    pub value: Option<f64>,
    /// `%`, `学时`, `小时` …; empty for a bare count or a relative target.
    pub unit: String,
    /// The target as written: `90%以上`, `低于6%`, `全覆盖`.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// 以上, 不低于, 不少于, 达到, or a bare figure: at least the value.
    AtLeast,
    /// 高于, 超过.
    Above,
    /// 不高于, 不超过, 以下, 以内, 内.
    AtMost,
    /// 低于, 少于.
    Below,
}

impl Comparator {
    pub fn holds(self, actual: f64, target: f64) -> bool {
        match self {
            Comparator::AtLeast => actual >= target,
            Comparator::Above => actual > target,
            Comparator::AtMost => actual <= target,
            Comparator::Below => actual < target,
        }
    }
}

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
    #[error("没有识别出任何计划条目：条目应以“1.”“2.”等编号开头，或为带“序号”表头、以制表符分隔的指标表")]
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

const TITLE_WORDS: [&str; 6] = [
    "工作要点",
    "工作计划",
    "实施方案",
    "任务清单",
    "责任清单",
    "要点",
];

/// Reads a plan from bytes of a .docx, .tsv or .txt file; `file_name` decides when the
/// content does not (a .tsv without tabs is still read as a table).
pub fn parse_plan_bytes(bytes: &[u8], file_name: &str) -> Result<PlanImport, PlanError> {
    check_size(bytes.len())?;
    if bytes.starts_with(b"PK\x03\x04") || file_name.to_lowercase().ends_with(".docx") {
        return parse_plan_docx(bytes);
    }
    let text = decode_text(bytes).ok_or(PlanError::Binary)?;
    if looks_binary(text.as_bytes()) {
        return Err(PlanError::Binary);
    }
    if file_name.to_lowercase().ends_with(".tsv") || find_header(&text).is_some() {
        parse_plan_tsv(&text)
    } else {
        parse_plan_text(&text)
    }
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

/// Reads a plan from a .docx: its paragraphs, parsed as text or, when they hold a
/// tab-separated table with a header row, as an indicator table.
pub fn parse_plan_docx(bytes: &[u8]) -> Result<PlanImport, PlanError> {
    check_size(bytes.len())?;
    let text = read::paragraphs(bytes)?.join("\n");
    if find_header(&text).is_some() {
        parse_plan_tsv(&text)
    } else {
        parse_plan_text(&text)
    }
}

/// Reads a plan from pasted text: numbered items (`1.` … or, without those, `（一）` …)
/// under 一、 group headings.
pub fn parse_plan_text(text: &str) -> Result<PlanImport, PlanError> {
    check_text(text)?;
    let lines = logical_lines(text);
    let labels: Vec<Option<u8>> = lines
        .iter()
        .map(|(_, line)| parse_label(line).map(|l| l.level))
        .collect();
    let item_level = [3, 2, 1]
        .into_iter()
        .find(|level| labels.contains(&Some(*level)))
        .ok_or(PlanError::NoItems)?;

    let mut skipped = Vec::new();
    let mut preamble = Vec::new();
    let mut items: Vec<(String, String, String)> = Vec::new();
    // The number of each item's group label (一、 → 1), when it has one.
    let mut item_groups: Vec<Option<usize>> = Vec::new();
    let mut group = String::new();
    let mut group_number: Option<usize> = None;
    let mut group_changed = false;
    let mut last_number: Option<usize> = None;
    // Whether the current item is closed by its departments, so that stray text after
    // it is not taken into it.
    let mut item_closed = false;
    for (line_number, line) in &lines {
        let label = parse_label(line);
        match label {
            Some(l) if l.level == item_level => {
                let in_sequence = match last_number {
                    None => true,
                    Some(previous) => l.number == previous + 1 || (group_changed && l.number == 1),
                };
                if in_sequence {
                    items.push((l.number.to_string(), group.clone(), l.rest.to_string()));
                    item_groups.push(group_number);
                    last_number = Some(l.number);
                    group_changed = false;
                    item_closed = split_departments(l.rest).1.is_some();
                    continue;
                }
            }
            Some(l) if l.level < item_level => {
                group = l.rest.to_string();
                group_number = Some(l.number);
                group_changed = true;
                item_closed = true;
                continue;
            }
            _ => {}
        }
        match items.last_mut() {
            Some((_, _, text)) if !item_closed => text.push_str(line),
            Some(_) => skipped.push(Skipped {
                line: *line_number,
                text: line.clone(),
                reason: "在条目的责任单位之后，不属于任何条目".into(),
            }),
            None => {
                preamble.push(line.as_str());
                skipped.push(Skipped {
                    line: *line_number,
                    text: line.clone(),
                    reason: "在第一个条目之前（通知、标题或总体要求）".into(),
                });
            }
        }
        if let Some((_, _, text)) = items.last() {
            item_closed = split_departments(text).1.is_some();
        }
    }
    if items.is_empty() {
        return Err(PlanError::NoItems);
    }
    if last_number == Some(MAX_NUMBERED_ITEMS) {
        if let Some(line) = line_of_item_past_limit(text) {
            return Err(PlanError::TooManyItems(line));
        }
    }
    number_within_groups(&mut items, &item_groups, item_level);
    let items = items
        .into_iter()
        .map(|(number, group, text)| item_from_text(number, group, &text, None))
        .collect();
    let (title, year) = plan_title_and_year(&preamble);
    Ok(PlanImport {
        plan: Plan {
            title,
            year,
            items,
            terms: Vec::new(),
        },
        skipped,
    })
}

/// When `（一）` items restart in every group (（一）（二） under 一、, again under 二、),
/// numbers them with their group's (二（一）) so that each number names one item.
/// Numbers that are unique already, and `1.` items (whose numbers a reader gives as
/// written), stay as they are.
fn number_within_groups(
    items: &mut [(String, String, String)],
    groups: &[Option<usize>],
    item_level: u8,
) {
    let mut numbers: Vec<&str> = items.iter().map(|(number, _, _)| number.as_str()).collect();
    numbers.sort_unstable();
    if item_level != 2 || numbers.windows(2).all(|w| w[0] != w[1]) {
        return;
    }
    for ((number, _, _), group) in items.iter_mut().zip(groups) {
        if let (Some(group), Ok(n)) = (group, number.parse::<usize>()) {
            *number = format!("{}（{}）", chinese_numeral(*group), chinese_numeral(n));
        }
    }
}

/// The plan's title (the last title-like line before the items) and its year: from the
/// title, else from a 发文字号 `〔2023〕`, else from the first year in the preamble.
fn plan_title_and_year(preamble: &[&str]) -> (String, Option<u16>) {
    let title = preamble
        .iter()
        .rev()
        .find(|line| {
            TITLE_WORDS.iter().any(|w| line.contains(w)) && !line.contains(['。', '，', '；'])
        })
        .map(|line| line.trim_start_matches("关于印发").to_string())
        .unwrap_or_default();
    let doc_number_year = preamble.iter().find_map(|line| {
        let start = line.find('〔')? + '〔'.len_utf8();
        let digits = line.get(start..start + 4)?;
        let year: u16 = digits.parse().ok()?;
        (line.get(start + 4..)?.starts_with('〕') && (2000..2100).contains(&year)).then_some(year)
    });
    let year = first_year(&title)
        .or(doc_number_year)
        .or_else(|| preamble.iter().find_map(|line| first_year(line)));
    (title, year)
}

/// Builds an item from its text after the label: departments from the closing bracket,
/// title from the first sentence, targets from the whole text.
fn item_from_text(number: String, group: String, text: &str, detail: Option<&str>) -> PlanItem {
    let (rest, departments) = split_departments(text);
    let departments = departments.unwrap_or_default();
    let rest = rest.trim_end_matches(['。', '.']);
    let (title, mut body) = match rest.find('。') {
        Some(end) => (
            rest[..end].to_string(),
            rest[end + '。'.len_utf8()..].to_string(),
        ),
        None => (rest.to_string(), String::new()),
    };
    if let Some(detail) = detail.filter(|d| !d.is_empty()) {
        if !body.is_empty() {
            body.push('。');
        }
        body.push_str(detail);
    }
    let targets = extract_targets(&format!("{title}。{body}"));
    PlanItem {
        number,
        group,
        title,
        body,
        departments,
        targets,
    }
}

/// Splits the final bracketed list of departments off an item's text. Brackets in the
/// body (`党委（党组）`, `败诉率（低于6%）`) stay: only a group that closes the item and
/// reads like unit names counts.
fn split_departments(text: &str) -> (&str, Option<Vec<String>>) {
    let trimmed = text.trim_end_matches(['。', '.', ' ']);
    let Some(last) = trimmed.chars().next_back() else {
        return (text, None);
    };
    if !matches!(last, '）' | ')' | '】' | ']') {
        return (text, None);
    }
    let mut depth = 0;
    let mut open_at = None;
    for (i, c) in trimmed.char_indices().rev() {
        match c {
            '）' | ')' | '】' | ']' => depth += 1,
            '（' | '(' | '【' | '[' => {
                depth -= 1;
                if depth == 0 {
                    open_at = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(open_at) = open_at else {
        return (text, None);
    };
    let open_len = trimmed[open_at..].chars().next().map_or(1, char::len_utf8);
    let inner = &trimmed[open_at + open_len..trimmed.len() - last.len_utf8()];
    let units = split_units(inner);
    let plausible = !units.is_empty()
        && !inner.contains(['%', '。'])
        && units.iter().all(|u| u.chars().count() <= 25);
    if plausible {
        (&trimmed[..open_at], Some(units))
    } else {
        (text, None)
    }
}

fn split_units(text: &str) -> Vec<String> {
    text.split(['、', '，', ',', '；', ';', '/'])
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_string)
        .collect()
}

const COMPARATORS_BEFORE: [(&str, Comparator); 10] = [
    ("不低于", Comparator::AtLeast),
    ("不少于", Comparator::AtLeast),
    ("不高于", Comparator::AtMost),
    ("不超过", Comparator::AtMost),
    ("达到", Comparator::AtLeast),
    ("低于", Comparator::Below),
    ("少于", Comparator::Below),
    ("高于", Comparator::Above),
    ("超过", Comparator::Above),
    ("达", Comparator::AtLeast),
];
const COMPARATORS_AFTER: [(&str, Comparator); 4] = [
    ("以上", Comparator::AtLeast),
    ("以下", Comparator::AtMost),
    ("以内", Comparator::AtMost),
    ("内", Comparator::AtMost),
];
const UNITS: [&str; 14] = [
    "个工作日",
    "工作日",
    "学时",
    "小时",
    "人次",
    "个",
    "家",
    "次",
    "期",
    "人",
    "件",
    "起",
    "天",
    "项",
];

/// Numeric targets in a plan text: a figure with `%`, or with a comparator before or
/// after it; `全覆盖` (100%); and `低于上一年度`. Dates, `4+X`, hotline numbers and
/// figures in quotes (`“12.4”国家宪法日`) are not targets.
pub fn extract_targets(text: &str) -> Vec<Target> {
    let chars: Vec<char> = fold_width(text)
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | ' '))
        .collect();
    let at = |i: usize, word: &str| -> bool {
        word.chars()
            .enumerate()
            .all(|(k, w)| chars.get(i + k) == Some(&w))
    };
    let ends_at = |end: usize, word: &str| -> bool {
        let len = word.chars().count();
        end >= len && at(end - len, word)
    };
    let mut targets = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if at(i, "全覆盖") {
            targets.push(Target {
                measure: measure_before(&chars, i),
                comparator: Comparator::AtLeast,
                value: Some(100.0),
                unit: "%".into(),
                text: "全覆盖".into(),
            });
            i += 3;
            continue;
        }
        for (word, comparator) in [
            ("低于上一年度", Comparator::Below),
            ("不高于上一年度", Comparator::AtMost),
        ] {
            if at(i, word) {
                let start = if i > 0 && matches!(chars[i - 1], '（' | '(') {
                    i - 1
                } else {
                    i
                };
                targets.push(Target {
                    measure: measure_before(&chars, start),
                    comparator,
                    value: None,
                    unit: String::new(),
                    text: word.into(),
                });
            }
        }
        let starts_number = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.'));
        if !starts_number {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && (chars[end].is_ascii_digit() || chars[end] == '.') {
            end += 1;
        }
        let number: String = chars[i..end].iter().collect();
        let next = chars.get(end).copied();
        let previous = i.checked_sub(1).map(|p| chars[p]);
        let not_a_target = matches!(next, Some('年' | '月' | '日' | '+' | '号'))
            || previous == Some('+')
            || number.ends_with('.');
        let Ok(value) = number.parse::<f64>() else {
            i = end;
            continue;
        };
        if not_a_target {
            i = end;
            continue;
        }
        let unit = if next == Some('%') {
            "%".to_string()
        } else {
            UNITS
                .iter()
                .find(|u| at(end, u))
                .map(|u| u.to_string())
                .unwrap_or_default()
        };
        let after = end + unit.chars().count();
        let mut start = i;
        let mut comparator = None;
        if let Some((word, c)) = COMPARATORS_BEFORE.iter().find(|(w, _)| ends_at(i, w)) {
            comparator = Some(*c);
            start = i - word.chars().count();
        }
        let mut finish = after;
        if let Some((word, c)) = COMPARATORS_AFTER.iter().find(|(w, _)| at(after, w)) {
            comparator = comparator.or(Some(*c));
            finish = after + word.chars().count();
        }
        if unit == "%" || comparator.is_some() {
            let measure_end = if start > 0 && matches!(chars[start - 1], '（' | '(') {
                start - 1
            } else {
                start
            };
            targets.push(Target {
                measure: measure_before(&chars, measure_end),
                comparator: comparator.unwrap_or(Comparator::AtLeast),
                value: Some(value),
                unit,
                text: chars[start..finish].iter().collect(),
            });
        }
        i = finish.max(end);
    }
    targets
}

/// The Chinese phrase a figure qualifies, whole: the Han run ending at `end` (back to
/// the previous punctuation mark), without a leading 的, 之 or 涉. A target's measure
/// is a name (`政策文件出台前公平竞争审查率`); the clause that holds it rarely runs past
/// [`MEASURE_CHARS`] characters, and a longer run keeps its end, where the name is.
fn measure_before(chars: &[char], end: usize) -> String {
    let start = (0..end)
        .rev()
        .take_while(|&k| is_han(chars[k]))
        .last()
        .unwrap_or(end);
    let run = &chars[start..end];
    let cut = &run[run.len().saturating_sub(MEASURE_CHARS)..];
    cut.iter()
        .collect::<String>()
        .trim_start_matches(['的', '之', '涉'])
        .to_string()
}

const MEASURE_CHARS: usize = 16;

/// The 1-based line of item 1000 (`1000.`, `1000、`), which no label reads.
fn line_of_item_past_limit(text: &str) -> Option<usize> {
    let wanted = (MAX_NUMBERED_ITEMS + 1).to_string();
    text.lines()
        .position(|line| {
            let line = fold_width(line.trim_start());
            line.strip_prefix(wanted.as_str())
                .and_then(|rest| rest.strip_prefix(['.', '、', ',']))
                .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_digit()))
        })
        .map(|i| i + 1)
}

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
fn find_header(text: &str) -> Option<usize> {
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
                item.departments = split_units(&cell(row, columns.departments));
            }
            item
        })
        .collect();
    if items.is_empty() {
        return Err(PlanError::NoItems);
    }
    let preamble: Vec<&str> = preamble.iter().map(String::as_str).collect();
    let (title, year) = plan_title_and_year(&preamble);
    Ok(PlanImport {
        plan: Plan {
            title,
            year,
            items,
            terms: Vec::new(),
        },
        skipped,
    })
}

/// Last year's report as this year's checklist: the items of its section on next
/// year's plans (title with 下一年度, 主要安排, 下一步 or the following year). Headings
/// become items; without headings, each `一是……` of a paragraph does.
pub fn plan_from_report(draft: &Draft) -> Result<PlanImport, PlanError> {
    let next_year = format!("{}年", u32::from(draft.report_year) + 1);
    let is_next_year = |title: &str| {
        ["下一年度", "主要安排", "下一步", "工作思路"]
            .iter()
            .any(|w| title.contains(w))
            || (title.contains(&next_year) && title.contains("安排"))
    };
    let section: &Section = draft
        .sections
        .iter()
        .rev()
        .find(|s| is_next_year(&s.title))
        .ok_or(PlanError::NoNextYearSection)?;
    let mut items = Vec::new();
    let mut skipped = Vec::new();
    let mut paragraph_number = 0;
    // With headings, they are the plans and paragraphs around them are narrative (the
    // 杭州 2018 report reviews its problems, 一是…三是, before its （一）…（七）).
    let has_headings = section.children.iter().any(Node::is_heading);
    for node in &section.children {
        match node {
            Node::Heading {
                title,
                text,
                children,
                ..
            } => {
                let mut body = vec![text.clone()];
                collect_text(children, &mut body);
                let body: Vec<&str> = body
                    .iter()
                    .map(String::as_str)
                    .filter(|t| !t.is_empty())
                    .collect();
                let number = (items.len() + 1).to_string();
                let mut item = item_from_text(number, section.title.clone(), title, None);
                item.body = body.join("");
                item.targets = extract_targets(&item.text());
                items.push(item);
            }
            Node::Paragraph { text, .. } if has_headings => {
                paragraph_number += 1;
                skipped.push(Skipped {
                    line: paragraph_number,
                    text: text.clone(),
                    reason: "标题之外的叙述段落，不是具体安排".into(),
                });
            }
            Node::Paragraph { text, .. } => {
                paragraph_number += 1;
                let chunks = enumerated_chunks(text);
                if chunks.is_empty() {
                    let number = (items.len() + 1).to_string();
                    items.push(item_from_text(
                        number,
                        section.title.clone(),
                        &first_clause_as_title(text),
                        None,
                    ));
                    continue;
                }
                let lead = &text[..chunks[0].1];
                if !lead.trim().is_empty() {
                    skipped.push(Skipped {
                        line: paragraph_number,
                        text: lead.trim().to_string(),
                        reason: "引导语，不是具体安排".into(),
                    });
                }
                for (k, (number, start)) in chunks.iter().enumerate() {
                    let end = chunks.get(k + 1).map_or(text.len(), |c| c.1);
                    let chunk = &text[start + number.len()..end];
                    items.push(item_from_text(
                        number.clone(),
                        section.title.clone(),
                        &first_clause_as_title(chunk),
                        None,
                    ));
                }
            }
        }
    }
    if items.is_empty() {
        return Err(PlanError::NoItems);
    }
    Ok(PlanImport {
        plan: Plan {
            title: section.title.clone(),
            year: Some(draft.report_year + 1),
            items,
            terms: Vec::new(),
        },
        skipped,
    })
}

fn collect_text(nodes: &[Node], out: &mut Vec<String>) {
    for node in nodes {
        match node {
            Node::Heading {
                title,
                text,
                children,
                ..
            } => {
                out.push(format!("{title}{text}"));
                collect_text(children, out);
            }
            Node::Paragraph { text, .. } => out.push(text.clone()),
        }
    }
}

/// `一是重视制度建设,更好地统领工作。对照…` reads its title up to the first comma: ends
/// that clause with a full stop so [`item_from_text`] splits it there.
fn first_clause_as_title(text: &str) -> String {
    let text = text.trim();
    match text.find(['，', ',', '。', '；', ';']) {
        Some(end) => {
            let separator_len = text[end..].chars().next().map_or(1, char::len_utf8);
            format!("{}。{}", &text[..end], &text[end + separator_len..])
        }
        None => text.to_string(),
    }
}

/// Byte offsets of `一是` `二是` … in order, with the marker as written.
fn enumerated_chunks(text: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for n in 1..=20 {
        let marker = format!("{}是", crate::labels::chinese_numeral(n));
        let from = out.last().map_or(0, |(m, at)| at + m.len());
        match text[from..].find(&marker) {
            Some(at) => out.push((marker, from + at)),
            None => break,
        }
    }
    out
}

/// The plan with the user's decisions, saved with the draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanState {
    pub plan: Plan,
    pub decisions: Vec<Decision>,
}

/// What the user decided about one item. Keyed by number and title, not by position, so
/// decisions survive a re-import of the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub number: String,
    pub title: String,
    /// A status set by hand; overrides the computed one.
    pub status: Option<Status>,
    /// Why the user set the status; for 不适用 it is what reviewers read.
    pub reason: String,
    /// Report paragraphs the user confirmed as evidence for the item.
    pub confirmed: Vec<NodeId>,
    /// Report paragraphs the user rejected as evidence for the item.
    pub rejected: Vec<NodeId>,
}

impl Decision {
    fn concerns(&self, item: &PlanItem) -> bool {
        self.number == item.number && key_title(&self.title) == key_title(&item.title)
    }

    /// Marks a paragraph as evidence (and no longer rejected).
    pub fn confirm(&mut self, paragraph: NodeId) {
        self.rejected.retain(|&id| id != paragraph);
        if !self.confirmed.contains(&paragraph) {
            self.confirmed.push(paragraph);
        }
    }

    /// Marks a paragraph as not evidence (and no longer confirmed).
    pub fn reject(&mut self, paragraph: NodeId) {
        self.confirmed.retain(|&id| id != paragraph);
        if !self.rejected.contains(&paragraph) {
            self.rejected.push(paragraph);
        }
    }

    /// Sets or clears (`None`) the status by hand.
    pub fn set_status(&mut self, status: Option<Status>, reason: String) {
        self.status = status;
        self.reason = reason;
    }
}

fn key_title(title: &str) -> String {
    fold_width(title)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

impl PlanState {
    pub fn new(plan: Plan) -> PlanState {
        PlanState {
            plan,
            decisions: Vec::new(),
        }
    }

    /// The decision on an item, if the user made one.
    pub fn decision(&self, item: &PlanItem) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.concerns(item))
    }

    /// The decision on the item at `index`, created empty on first use; `None` when
    /// there is no such item.
    pub fn decision_mut(&mut self, index: usize) -> Option<&mut Decision> {
        let item = self.plan.items.get(index)?;
        let at = match self.decisions.iter().position(|d| d.concerns(item)) {
            Some(at) => at,
            None => {
                self.decisions.push(Decision {
                    number: item.number.clone(),
                    title: item.title.clone(),
                    ..Decision::default()
                });
                self.decisions.len() - 1
            }
        };
        self.decisions.get_mut(at)
    }

    /// Replaces the plan by a re-imported one; decisions on items that are still there
    /// apply to them again, the others are kept in case the item comes back.
    /// A plan read from a document has no vocabulary of its own: the terms the old plan
    /// had (from the template) stay.
    pub fn replace_plan(&mut self, mut plan: Plan) {
        if plan.terms.is_empty() {
            plan.terms = std::mem::take(&mut self.plan.terms);
        }
        self.plan = plan;
    }

    /// Corrects an item by hand (a misread title or department list); its decision
    /// follows it. Targets are re-read from the corrected title and body.
    pub fn edit_item(&mut self, index: usize, title: String, departments: Vec<String>) -> bool {
        let Some(item) = self.plan.items.get(index) else {
            return false;
        };
        let decision = self.decisions.iter().position(|d| d.concerns(item));
        let item = &mut self.plan.items[index];
        item.title = title;
        item.departments = departments;
        item.targets = extract_targets(&item.text());
        if let Some(at) = decision {
            self.decisions[at].title = item.title.clone();
        }
        true
    }
}
