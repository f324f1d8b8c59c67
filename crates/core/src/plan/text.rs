//! Plans as numbered paragraphs: items (`1.` … or `（一）` …) under 一、 group headings, the
//! plan's title and year, and one item's title, body, departments and targets. Besides the
//! heading labels of [`parse_label`], plans number their items in shapes no report uses
//! (`1.1`, `第一，`, `①`), read here only.

use std::borrow::Cow;
use std::mem::take;

use super::{
    check_text, unit_names, PlanError, PlanImport, Skipped, MAX_NUMBERED_ITEMS, TITLE_WORDS,
};
use crate::import_text::{first_year, logical_lines_split_at, starts_with_field_role};
use crate::labels::{chinese_numeral, parse_chinese_numeral, parse_label, Label, CHINESE_DIGITS};
use crate::plan_items::{extract_targets, Plan, PlanItem};
use crate::text::{fold_width, split_names};

/// The levels of the labels only plans use, deeper than parse_label's 1–4: `1.1` (the
/// item in group 1), `第一，`, `①`.
const DECIMAL: u8 = 5;
const ORDINAL: u8 = 6;
const CIRCLED: u8 = 7;
const CIRCLED_MARKS: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/// Reads a plan of numbered items (`1.` … or, without those, `（一）` …) under 一、
/// group headings.
pub(super) fn parse_numbered_text(text: &str) -> Result<PlanImport, PlanError> {
    check_text(text)?;
    let text = &with_unit_cells_bracketed(text);
    let decimal = is_decimal_numbered(text);
    // A line that starts with a number is an item or a group (`1深入学习…`) of a plan
    // numbered 1.1; when it is neither, the item above takes it in again.
    let lines = logical_lines_split_at(text, &|line| {
        circled_label(line).is_some()
            || ordinal_label(line).is_some()
            || (decimal && leading_number(line).is_some())
    });
    let labels = plan_labels(&lines, decimal);
    let levels: Vec<Option<u8>> = labels.iter().map(|l| l.as_ref().map(|l| l.level)).collect();
    // 1.1 items, else 1. items, else （一）, else （1） (a flat list or under 一、 groups),
    // else 第一，, else ①, else 一、; but not （一） lines that mostly have deeper ones under
    // them (subgroups of （1） items): items are what is numbered last. 1. lines stay the
    // items whatever is under them (（1） points of a task), as plans number their tasks
    // 1. most of all.
    let present: Vec<u8> = [DECIMAL, 3, 2, 4, ORDINAL, CIRCLED, 1]
        .into_iter()
        .filter(|level| levels.contains(&Some(*level)))
        .collect();
    let heads_deeper = heads_of_deeper_lines(&levels);
    let item_level = present
        .iter()
        .copied()
        .find(|&level| {
            if level != 2 {
                return true;
            }
            let (lines, heads) = levels
                .iter()
                .zip(&heads_deeper)
                .filter(|(label, _)| **label == Some(level))
                .fold((0, 0), |(lines, heads), (_, &head)| {
                    (lines + 1, heads + usize::from(head))
                });
            2 * heads <= lines
        })
        .or(present.first().copied())
        .ok_or(PlanError::NoItems)?;
    let item_level = if matches!(item_level, 3 | 4) && groups_are_items(&lines, &labels, item_level)
    {
        1
    } else {
        item_level
    };

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
    // The title of the last 一、 heading: the group of a subgroup heading read as an item.
    let mut top_group = String::new();
    for (((line_number, line), label), &heads_deeper) in lines.iter().zip(labels).zip(&heads_deeper)
    {
        let labelled = label.is_some();
        match label {
            Some(l) if l.level == item_level => {
                // 2.1 after 1.2 starts group 2, headed or not.
                let major = decimal_major(&l);
                if major.is_some() && major != group_number {
                    group.clear();
                    group_number = major;
                    group_changed = true;
                }
                let in_sequence = match last_number {
                    None => true,
                    Some(previous) => l.number == previous + 1 || (group_changed && l.number == 1),
                };
                if in_sequence {
                    let number = match major {
                        Some(major) => format!("{major}.{}", l.number),
                        None => l.number.to_string(),
                    };
                    items.push((number, group.clone(), l.rest.to_string()));
                    item_groups.push(group_number);
                    last_number = Some(l.number);
                    group_changed = false;
                    item_closed = split_departments(l.rest).1.is_some();
                    continue;
                }
            }
            // A subgroup heading with nothing numbered under it (（三） among （一）（二）
            // whose tasks are numbered 1. 2.) is a task of its own, not an empty group.
            Some(l) if l.level < item_level && l.level > 1 && !heads_deeper => {
                items.push((
                    l.raw.trim().to_string(),
                    top_group.clone(),
                    l.rest.to_string(),
                ));
                item_groups.push(None);
                group_changed = true;
                item_closed = split_departments(l.rest).1.is_some();
                continue;
            }
            Some(l) if l.level < item_level => {
                let title = l.rest.trim_end_matches(['。', '.']);
                if l.level == 1 {
                    top_group = title.to_string();
                }
                group = title.to_string();
                group_number = Some(l.number);
                group_changed = true;
                item_closed = true;
                continue;
            }
            _ => {}
        }
        match items.last_mut() {
            // A field on a line of its own (`责任单位：办公室`, then `完成时限：…`) belongs
            // to the item above it, after what closed it too.
            Some((_, _, text)) if is_fields(line) => {
                text.push(' ');
                text.push_str(line);
            }
            Some((_, _, text)) if !item_closed => {
                // An item's line of one phrase without a closing mark, which the next line
                // did not continue, is its heading (`（一）学习贯彻习近平法治思想`, the tasks
                // on a line of their own): its first sentence. A line starting with a
                // figure, not a label, was cut from the line above (`…全年投入资金` /
                // `1.5亿元，…`).
                let heading = !text.contains(['，', '。', '；', '：', ','])
                    && text.ends_with(|c: char| c.is_alphanumeric() || "”’》".contains(c));
                if heading && (labelled || !line.starts_with(|c: char| c.is_ascii_digit())) {
                    text.push('。');
                }
                text.push_str(line);
            }
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
    let mut numbers: Vec<String> = items
        .iter_mut()
        .map(|(number, _, _)| take(number))
        .collect();
    number_within_groups(&mut numbers, &item_groups, item_level);
    let items = items
        .into_iter()
        .zip(numbers)
        .map(|((_, group, text), number)| item_from_text(number, group, &text, None))
        .collect();
    Ok(plan_import(&preamble, items, skipped))
}

/// Most characters of a cell read as an item's units or deadline (`局办公室、人事科`,
/// `2024年12月底前`).
const UNIT_CELL_CHARS: usize = 40;

/// `text` with the trailing cells of a task pasted from a two- or three-column Word table
/// (`1.深入学习……。\t局办公室、人事科`) written as the item's bracketed departments, as
/// plans write them in text (`……。（局办公室、人事科）`): squeezing spaces would run the
/// cells together. Only where the first cell is a task (or empty) and every other one
/// reads as unit names or a deadline; other lines are left as they are.
fn with_unit_cells_bracketed(text: &str) -> Cow<'_, str> {
    if !text.contains('\t') {
        return Cow::Borrowed(text);
    }
    let line = |line: &str| -> String {
        let mut cells = line.split('\t').map(str::trim);
        let task = cells.next().unwrap_or_default();
        let units: Vec<&str> = cells.filter(|cell| !cell.is_empty()).collect();
        // An empty first cell: the task's text ended on the line above (a line break in
        // its cell).
        let is_task = task.is_empty() || task.chars().count() >= UNIT_CELL_CHARS / 4;
        let reads_as_units = |cell: &&str| {
            cell.chars().count() <= UNIT_CELL_CHARS
                && !cell.contains(['。', '%', '％'])
                && !split_names(cell).is_empty()
        };
        if is_task && !units.is_empty() && units.iter().all(reads_as_units) {
            format!("{task}（{}）", units.join("、"))
        } else {
            line.to_string()
        }
    };
    Cow::Owned(text.lines().map(line).collect::<Vec<_>>().join("\n"))
}

/// Each line's label: [`parse_label`]'s, and the plans' own. In a plan numbered 1.1 those
/// are the items, under 1. (or bare `1`) and 一、 groups; （一） and （1） lines are points
/// of an item then. `第一，` and `①` are items only where nothing is numbered （一）, 1. or
/// （1）: under those they are points of an item too.
fn plan_labels(lines: &[(usize, String)], decimal: bool) -> Vec<Option<Label<'_>>> {
    let mut labels: Vec<Option<Label>> = lines
        .iter()
        .map(|(_, line)| match decimal {
            true => decimal_label(line)
                .or_else(|| parse_label(line).filter(|l| matches!(l.level, 1 | 3))),
            false => parse_label(line),
        })
        .collect();
    if decimal {
        // A group written `1 深入学习…` (the space squeezed out): a bare number directly
        // over its group's first item.
        for i in 1..labels.len() {
            let first_of_group = labels[i]
                .as_ref()
                .filter(|next| next.number == 1)
                .and_then(decimal_major);
            if let (None, Some(major), Some((_, line))) =
                (&labels[i - 1], first_of_group, lines.get(i - 1))
            {
                labels[i - 1] = bare_group_label(line, major);
            }
        }
    } else if !labels.iter().flatten().any(|l| (2..=4).contains(&l.level)) {
        for (label, (_, line)) in labels.iter_mut().zip(lines) {
            if label.is_none() {
                *label = ordinal_label(line).or_else(|| circled_label(line));
            }
        }
    }
    labels
}

/// Whether a line starts with a label an item may have: a heading label below 一、, or
/// a plan's own (`1.1`, `第一，`, `①`).
pub(super) fn starts_with_item_label(line: &str) -> bool {
    let line = fold_width(line);
    parse_label(&line).is_some_and(|l| l.level > 1)
        || decimal_label(&line).is_some()
        || ordinal_label(&line).is_some()
        || circled_label(&line).is_some()
}

/// The number and level an item labelled `cell` gets in a plan written as paragraphs:
/// a table's 序号 cell written as a label (`（一）`, `一`, `①`, `第一`, `1.1`, or as Word's
/// automatic numbering shows it, `一、`), numbered as the same label starting a line
/// would be (一 → 1, 1.1 → 1.1). `None` for a cell that is no such label.
pub(super) fn item_number_of_label(cell: &str) -> Option<(u8, String)> {
    let cell = fold_width(cell.trim());
    if let Some(label) = decimal_label(&cell).filter(|l| l.rest.is_empty()) {
        let major = decimal_major(&label)?;
        return Some((DECIMAL, format!("{major}.{}", label.number)));
    }
    // A label alone in its cell may lack its closing mark (`一`, `第一`, `1`).
    [cell.clone(), format!("{cell}、")].iter().find_map(|cell| {
        let label = parse_label(cell)
            .or_else(|| ordinal_label(cell))
            .or_else(|| circled_label(cell))?;
        label
            .rest
            .is_empty()
            .then(|| (label.level, label.number.to_string()))
    })
}

/// Whether the text numbers its items 1.1, 1.2, 2.1 …: lines that start so follow each
/// other in sequence more than once. A sentence that starts with a figure (`1.5亿元`) is
/// no label in any other plan.
fn is_decimal_numbered(text: &str) -> bool {
    let mut previous: Option<(usize, usize)> = None;
    let mut steps = 0;
    for line in text.lines() {
        let line = fold_width(line);
        let Some(label) = decimal_label(&line) else {
            continue;
        };
        let Some(major) = decimal_major(&label) else {
            continue;
        };
        let current = (major, label.number);
        if previous.is_some_and(|(major, minor)| {
            current == (major, minor + 1) || current == (major + 1, 1)
        }) {
            steps += 1;
            if steps == 2 {
                return true;
            }
        }
        previous = Some(current);
    }
    false
}

/// `1.1` (`1.1、`, `1.1.`) at the start of a line: the label of item 1 of group 1. A third
/// level (`1.1.1`) is none: its lines are points of the 1.1 item.
fn decimal_label(line: &str) -> Option<Label<'_>> {
    let trimmed = line.trim_start();
    let (_, after) = leading_number(trimmed)?;
    let (minor, after) = leading_number(after.strip_prefix('.')?)?;
    let rest = after.strip_prefix(['、', '.', ',']).unwrap_or(after);
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(plan_label(trimmed, DECIMAL, minor, rest))
}

/// The group number of a `1.1` label.
fn decimal_major(label: &Label) -> Option<usize> {
    leading_number(label.raw)
        .filter(|_| label.level == DECIMAL)
        .map(|(major, _)| major)
}

/// A group line numbered `major` without a separator (`1深入学习…`), read as `1.`.
fn bare_group_label(line: &str, major: usize) -> Option<Label<'_>> {
    let trimmed = line.trim_start();
    let (number, rest) = leading_number(trimmed)?;
    (number == major && !rest.starts_with('.')).then(|| plan_label(trimmed, 3, number, rest))
}

/// The number of up to three digits at the start of `text`, and what follows it.
fn leading_number(text: &str) -> Option<(usize, &str)> {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let number = text[..end].parse().ok().filter(|&n| n > 0 && end <= 3)?;
    Some((number, &text[end..]))
}

/// `第一，` or `第一、` at the start of a line.
fn ordinal_label(line: &str) -> Option<Label<'_>> {
    let trimmed = line.trim_start();
    let after = trimmed.strip_prefix('第')?;
    let end = after.find(|c: char| !(CHINESE_DIGITS.contains(c) || c == '十'))?;
    let number = parse_chinese_numeral(&after[..end])?;
    let rest = after[end..].strip_prefix(['，', '、', ','])?;
    Some(plan_label(trimmed, ORDINAL, number, rest))
}

/// `①` … `⑳` at the start of a line.
fn circled_label(line: &str) -> Option<Label<'_>> {
    let trimmed = line.trim_start();
    let mark = trimmed.chars().next()?;
    let number = CIRCLED_MARKS.chars().position(|c| c == mark)? + 1;
    let rest = trimmed[mark.len_utf8()..].trim_start_matches(['、', '.']);
    Some(plan_label(trimmed, CIRCLED, number, rest))
}

/// The label that starts `trimmed` and is followed by `rest`, a part of it.
fn plan_label<'a>(trimmed: &'a str, level: u8, number: usize, rest: &'a str) -> Label<'a> {
    Label {
        level,
        number,
        raw: &trimmed[..trimmed.len() - rest.len()],
        rest: rest.trim_start(),
        canonical: false,
    }
}

/// For each line, whether the next labelled line after it is of a deeper level (a
/// heading over numbered lines rather than a numbered line itself).
fn heads_of_deeper_lines(labels: &[Option<u8>]) -> Vec<bool> {
    let mut heads = vec![false; labels.len()];
    let mut next_label: Option<u8> = None;
    for (head, &label) in heads.iter_mut().zip(labels).rev() {
        if let Some(level) = label {
            *head = next_label.is_some_and(|next| next > level);
            next_label = Some(level);
        }
    }
    heads
}

/// Whether the 一、 lines are the items and the lines numbered under them (`1.`, `（1）`)
/// their tasks: every 一、 block numbers its lines from 1 and is given its departments
/// once, on a line of their own after its last numbered line (`（责任股室：办公室）`), none
/// of its numbered lines having any. A plan assigns work where it names who does it: a
/// group of items gives each item its own departments.
fn groups_are_items(lines: &[(usize, String)], labels: &[Option<Label>], item_level: u8) -> bool {
    #[derive(Default)]
    struct Block {
        numbers: Vec<usize>,
        closed: bool,
        broken: bool,
    }
    let mut blocks: Vec<Block> = Vec::new();
    for ((_, line), label) in lines.iter().zip(labels) {
        match label {
            Some(l) if l.level == 1 => blocks.push(Block::default()),
            Some(l) if l.level == item_level => {
                let Some(block) = blocks.last_mut() else {
                    return false;
                };
                block.broken |= block.closed || split_departments(l.rest).1.is_some();
                block.numbers.push(l.number);
            }
            Some(_) => return false,
            None => {
                let (before, departments) = split_departments(line);
                let departments_line =
                    is_fields(line) || departments.is_some() && before.trim().is_empty();
                match blocks.last_mut() {
                    Some(block) if departments_line => {
                        block.broken |= block.numbers.is_empty() || block.closed;
                        block.closed = true;
                    }
                    _ => {}
                }
            }
        }
    }
    blocks.len() >= 3
        && blocks.iter().all(|block| {
            !block.broken
                && block.closed
                && block.numbers.iter().copied().eq(1..=block.numbers.len())
        })
}

/// When `（一）`, `（1）`, `第一，` or `①` items restart in every group (（一）（二） under
/// 一、, again under 二、), numbers them with their group's (二（一）, 二（1）, 二第一, 二①) so
/// that each number names one item. Numbers that are unique already, and `1.` items (whose
/// numbers a reader gives as written), stay as they are.
pub(super) fn number_within_groups(
    numbers: &mut [String],
    groups: &[Option<usize>],
    item_level: u8,
) {
    let mut sorted: Vec<&str> = numbers.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    if sorted.windows(2).all(|w| w[0] != w[1]) {
        return;
    }
    for (number, group) in numbers.iter_mut().zip(groups) {
        if let (Some(group), Ok(n)) = (group, number.parse::<usize>()) {
            let within = match item_level {
                2 => format!("（{}）", chinese_numeral(n)),
                4 => format!("（{n}）"),
                ORDINAL => format!("第{}", chinese_numeral(n)),
                CIRCLED => CIRCLED_MARKS
                    .chars()
                    .nth(n - 1)
                    .map_or(n.to_string(), String::from),
                _ => return,
            };
            *number = format!("{}{within}", chinese_numeral(*group));
        }
    }
}

/// The import of `items` read after `preamble`, which names and dates the plan.
pub(super) fn plan_import(
    preamble: &[&str],
    items: Vec<PlanItem>,
    skipped: Vec<Skipped>,
) -> PlanImport {
    let (title, year) = plan_title_and_year(preamble);
    PlanImport {
        plan: Plan {
            title,
            year,
            items,
            terms: Vec::new(),
        },
        skipped,
    }
}

/// The plan's title (the last title-like line before the items, with the line or two
/// of it set above, `嘉兴市卫生健康委员会` over `2022年法治政府建设工作要点`) and its year:
/// from the title, else from a 发文字号 `〔2023〕`, else from the first year in the
/// preamble. A section heading (`二、重点任务` above a table of tasks) is no title.
fn plan_title_and_year(preamble: &[&str]) -> (String, Option<u16>) {
    let title_like = |line: &&str| {
        !line.contains(['。', '，', '；']) && parse_label(&fold_width(line.trim())).is_none()
    };
    let title = preamble
        .iter()
        .rposition(|line| TITLE_WORDS.iter().any(|w| line.contains(w)) && title_like(line))
        .map(|last| {
            let first = (last.saturating_sub(MAX_TITLE_LINES - 1)..last)
                .rev()
                .take_while(|&i| is_title_start(preamble[i]))
                .last()
                .unwrap_or(last);
            preamble[first..=last]
                .concat()
                .trim_start_matches("关于印发")
                .to_string()
        })
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

/// The most lines a plan's title is set over.
const MAX_TITLE_LINES: usize = 3;

/// Whether a line above a plan's title line is the start of the title (the issuer's
/// name, the title's first half) rather than the notice it comes with: no sentence, no
/// title of its own, no 发文字号, 版头 (`…文件`), 附件 mark or date.
fn is_title_start(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().count() <= 30
        && !line.contains(['。', '，', '；', '：', ':', '〔', '['])
        && !TITLE_WORDS.iter().any(|w| line.contains(w))
        && !line.ends_with("文件")
        && !line.starts_with("附件")
        && !line.ends_with('日')
        && !line.ends_with('号')
}

/// Builds an item from its text after the label: departments from the closing bracket,
/// title from the first sentence, targets from the whole text.
pub(super) fn item_from_text(
    number: String,
    group: String,
    text: &str,
    detail: Option<&str>,
) -> PlanItem {
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
        return match fields_start(trimmed) {
            Some(start) => (
                trimmed[..start].trim_end_matches([' ', '\u{3000}', '；', ';']),
                Some(unit_names(&trimmed[start..])),
            ),
            None => (text, None),
        };
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
    let names = split_names(inner);
    let plausible = !names.is_empty()
        && !inner.contains(['%', '。'])
        && names.iter().all(|u| u.chars().count() <= 25);
    if plausible {
        (&trimmed[..open_at], Some(unit_names(inner)))
    } else {
        (text, None)
    }
}

/// Where the item's closing fields start, when its text ends with them unbracketed:
/// `…决策程序。责任单位：法规科`, `…审核 牵头科室：法规科；配合科室：各科室；完成时限：
/// 2023年12月` (a field line joined to its item with a space). The earliest start after a
/// sentence, clause or space from which the rest is fields.
fn fields_start(text: &str) -> Option<usize> {
    // Fields hold no sentence: they start at the text's last 。 or after it.
    let last_stop = text.rfind('。').unwrap_or(0);
    text[last_stop..]
        .char_indices()
        .filter(|&(_, c)| matches!(c, '。' | '；' | ';' | ' ' | '\u{3000}'))
        .map(|(i, c)| last_stop + i + c.len_utf8())
        .find(|&start| starts_with_field_role(&text[start..]))
}

/// Whether a line is nothing but fields of an item (see [`starts_with_field_role`]).
fn is_fields(line: &str) -> bool {
    let line = line.trim();
    starts_with_field_role(line) && !line.trim_end_matches('。').contains('。')
}

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
