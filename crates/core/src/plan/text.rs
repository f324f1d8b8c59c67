//! Plans as numbered paragraphs: items (`1.` … or `（一）` …) under 一、 group headings, the
//! plan's title and year, and one item's title, body, departments and targets.

use super::{
    check_text, unit_names, PlanError, PlanImport, Skipped, MAX_NUMBERED_ITEMS, TITLE_WORDS,
};
use crate::import_text::{first_year, logical_lines, starts_with_field_role};
use crate::labels::{chinese_numeral, parse_label};
use crate::plan_items::{extract_targets, Plan, PlanItem};
use crate::text::{fold_width, split_names};

/// Reads a plan of numbered items (`1.` … or, without those, `（一）` …) under 一、
/// group headings.
pub(super) fn parse_numbered_text(text: &str) -> Result<PlanImport, PlanError> {
    check_text(text)?;
    let lines = logical_lines(text);
    let labels: Vec<Option<u8>> = lines
        .iter()
        .map(|(_, line)| parse_label(line).map(|l| l.level))
        .collect();
    // 1. items, else （一）, else （1） (a flat list or under 一、 groups), else 一、; but
    // not （一） lines that mostly have deeper ones under them (subgroups of （1） items):
    // items are what is numbered last. 1. lines stay the items whatever is under them
    // (（1） points of a task), as plans number their tasks 1. most of all.
    let present: Vec<u8> = [3, 2, 4, 1]
        .into_iter()
        .filter(|level| labels.contains(&Some(*level)))
        .collect();
    let heads_deeper = heads_of_deeper_lines(&labels);
    let item_level = present
        .iter()
        .copied()
        .find(|&level| {
            if level != 2 {
                return true;
            }
            let (lines, heads) = labels
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
    for ((line_number, line), &heads_deeper) in lines.iter().zip(&heads_deeper) {
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
    Ok(plan_import(&preamble, items, skipped))
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

/// When `（一）` or `（1）` items restart in every group (（一）（二） under 一、, again
/// under 二、), numbers them with their group's (二（一）, 二（1）) so that each number
/// names one item. Numbers that are unique already, and `1.` items (whose numbers a
/// reader gives as written), stay as they are.
fn number_within_groups(
    items: &mut [(String, String, String)],
    groups: &[Option<usize>],
    item_level: u8,
) {
    let mut numbers: Vec<&str> = items.iter().map(|(number, _, _)| number.as_str()).collect();
    numbers.sort_unstable();
    if !matches!(item_level, 2 | 4) || numbers.windows(2).all(|w| w[0] != w[1]) {
        return;
    }
    for ((number, _, _), group) in items.iter_mut().zip(groups) {
        if let (Some(group), Ok(n)) = (group, number.parse::<usize>()) {
            let within = if item_level == 2 {
                chinese_numeral(n)
            } else {
                n.to_string()
            };
            *number = format!("{}（{within}）", chinese_numeral(*group));
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
