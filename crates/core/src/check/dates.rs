//! Dates (`2023年2月27日`): the rules on how they are written (found by
//! [`written_dates`]).

use std::ops::Range;

use crate::date::{chinese_numeral_dates, written_dates, CalendarDate};
use crate::rules::Rule;
use crate::scan::{char_at, digits_at};

use super::form::severity_of;
use super::units::Unit;
use super::Finding;

pub(super) fn date_form(unit: &Unit, out: &mut Vec<Finding>) {
    let text = unit.text;
    let severity = severity_of(unit);
    for d in written_dates(text) {
        let mut edits = Vec::new();
        for part in [Some(&d.month), d.day.as_ref()].into_iter().flatten() {
            if part.len() == 2 && text[part.clone()].starts_with('0') {
                edits.push((part.start..part.start + 1, String::new()));
            }
        }
        if let Some(suffix) = d.suffix.clone().filter(|s| &text[s.clone()] == "号") {
            edits.push((suffix, "日".to_string()));
        }
        if !edits.is_empty() {
            let bytes = d.bytes();
            let message = format!(
                "日期“{}”：月、日不编虚位（不写“02月”“07日”），用“日”不用“号”，如“2023年2月7日”",
                &text[bytes.clone()]
            );
            out.push(unit.finding(
                Rule::DateFormat,
                severity,
                bytes,
                message,
                Some(unit.fix(edits)),
            ));
        }
    }
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() && !text[..i].ends_with(|p: char| p.is_ascii_digit()) {
            if let Some((bytes, date)) = dotted_date(text, i) {
                let message = format!("日期“{}”应写作“{date}”", &text[bytes.clone()]);
                let fix = unit.fix([(bytes.clone(), date.to_string())]);
                out.push(unit.finding(Rule::DateFormat, severity, bytes, message, Some(fix)));
            }
        }
    }
    for d in chinese_numeral_dates(text) {
        let written = &text[d.bytes.clone()];
        let (message, fix) = match d.date {
            Some(date) => (
                format!("日期“{written}”应使用阿拉伯数字，写作“{date}”"),
                Some(unit.fix([(d.bytes.clone(), date.to_string())])),
            ),
            None => (
                format!("日期“{written}”应使用阿拉伯数字，如“2023年2月27日”"),
                None,
            ),
        };
        out.push(unit.finding(Rule::DateFormat, severity, d.bytes, message, fix));
    }
}

/// `2023.2.27`, `2023-02-27` or `2023/2/27` starting at byte `at`, if a real date.
fn dotted_date(text: &str, at: usize) -> Option<(Range<usize>, CalendarDate)> {
    let year = digits_at(text, at);
    let sep = char_at(text, at + year.len()).filter(|c| ".-/．".contains(*c))?;
    let m = at + year.len() + sep.len_utf8();
    let month = digits_at(text, m);
    if year.len() != 4
        || !(1..=2).contains(&month.len())
        || char_at(text, m + month.len()) != Some(sep)
    {
        return None;
    }
    let d = m + month.len() + sep.len_utf8();
    let day = digits_at(text, d);
    let end = d + day.len();
    let continues = char_at(text, end).is_some_and(|c| c == sep || c.is_ascii_digit());
    if !(1..=2).contains(&day.len()) || continues {
        return None;
    }
    let date = CalendarDate::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)?;
    Some((at..end, date))
}
