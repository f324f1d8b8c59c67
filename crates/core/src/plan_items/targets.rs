//! Numeric targets in a plan item's text (`无证明率90%以上`, `全覆盖`): read again
//! whenever an item's text changes, so the reading lives with the item.

use super::{Comparator, Target};
use crate::text::{decimal_value, fold_char, fold_width, is_han};

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
/// Units a figure may carry, longest first where one starts another: `3个月` is a
/// duration, not three things.
const UNITS: [&str; 16] = [
    "个工作日",
    "工作日",
    "个月",
    "周",
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
    // Every target holds a digit, 全覆盖 or …上一年度: coverage asks this of every task
    // of every plan item, and most have none of them.
    let may_hold_target = |c: char| fold_char(c).is_ascii_digit() || matches!(c, '覆' | '度');
    if !text.chars().any(may_hold_target) {
        return Vec::new();
    }
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
        let Some(value) = decimal_value(&number) else {
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
/// [`MEASURE_CHARS`] characters. A longer run is cut where a word starts, after a
/// linking character ([`LINKING_CHARS`]: `…经济活动的|政策措施出台前公平竞争审查率`),
/// and kept whole when it has none: a long name beats one cut mid-word
/// (`可事项承诺办理时限…` for `许可事项承诺办理时限…`).
fn measure_before(chars: &[char], end: usize) -> String {
    let start = (0..end)
        .rev()
        .take_while(|&k| is_han(chars[k]))
        .last()
        .unwrap_or(end);
    let run = &chars[start..end];
    let cut = if run.len() <= MEASURE_CHARS {
        0
    } else {
        let word_starts: Vec<usize> = (1..=run.len() - MIN_MEASURE_CHARS)
            .filter(|&k| LINKING_CHARS.contains(&run[k - 1]))
            .collect();
        word_starts
            .iter()
            .copied()
            .find(|&k| run.len() - k <= MEASURE_CHARS)
            .or_else(|| word_starts.last().copied())
            .unwrap_or(0)
    };
    run[cut..]
        .iter()
        .collect::<String>()
        .trim_start_matches(['的', '之', '涉'])
        .to_string()
}

const MEASURE_CHARS: usize = 16;
/// A cut leaves a measure at least this long (`参保率` alone names nothing).
const MIN_MEASURE_CHARS: usize = 4;
/// Characters that link two words and start none: a measure may begin after them.
const LINKING_CHARS: [char; 8] = ['的', '之', '及', '与', '和', '并', '将', '把'];
