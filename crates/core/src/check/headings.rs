//! Heading labels: 一、 → （一） → 1. → （1）, without skipped levels, numbered 1, 2, 3…
//! under each parent, in the GB/T 9704 form.
//!
//! A draft numbers its headings from position, so those are right by construction and
//! only set the context; labels typed at the start of paragraphs (run-in sub-headings
//! such as "1.加强学习。…") and every label of a plain-text report are checked.

use crate::labels::heading_label;
use crate::labels::{parse_label, Label};
use crate::model::MAX_LEVEL;
use crate::rules::Rule;

use super::content::heading_parts;
use super::units::{Doc, Role, Unit};
use super::{Finding, Severity};
use crate::scan::{is_trailing_punct, years};

/// Position in the heading hierarchy while walking the document.
#[derive(Default)]
struct Numbering {
    /// The last number seen at each level (index 1–4) under the current parents.
    last: [usize; MAX_LEVEL as usize + 1],
    depth: u8,
    /// The last level-3 number anywhere: 1. 2. 3. may also run on across parents.
    last_item: usize,
}

impl Numbering {
    fn enter(&mut self, level: u8, number: usize) {
        let level = usize::from(level.min(MAX_LEVEL));
        self.last[level] = number;
        self.last[level + 1..].fill(0);
        self.depth = level as u8;
        if level == 3 {
            self.last_item = number;
        }
    }
}

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    let mut numbering = Numbering::default();
    for unit in &doc.units {
        match unit.role {
            Role::Heading {
                level,
                typed: false,
                ..
            } => {
                let number = numbering.last[usize::from(level.min(MAX_LEVEL))] + 1;
                numbering.enter(level, number);
                if let Some(label) = parse_label(unit.text) {
                    typed_into_title(unit, &label, out);
                }
                if level == 1 {
                    end_punct(unit, unit.trimmed().end, out);
                }
            }
            Role::Heading { typed: true, .. } | Role::Body if unit.starts_paragraph => {
                if let Some(label) = parse_label(unit.text) {
                    typed_label(unit, &label, &mut numbering, out);
                }
            }
            _ => {}
        }
        if let Role::Heading { level: 1, key, .. } = unit.role {
            heading_year(doc, unit, key, out);
        }
    }
}

fn offset(unit: &Unit, part: &str) -> usize {
    part.as_ptr() as usize - unit.text.as_ptr() as usize
}

/// A draft heading whose title repeats a label the exporter already prints.
fn typed_into_title(unit: &Unit, label: &Label, out: &mut Vec<Finding>) {
    let bytes = offset(unit, label.raw)..offset(unit, label.rest);
    out.push(unit.finding(
        Rule::HeadingTypedLabel,
        Severity::Error,
        bytes.clone(),
        format!(
            "标题编号按位置自动生成，标题文字中不要再输入“{}”，否则会重复",
            label.raw
        ),
        Some(unit.fix([(bytes, String::new())])),
    ));
}

fn typed_label(unit: &Unit, label: &Label, numbering: &mut Numbering, out: &mut Vec<Finding>) {
    let raw = offset(unit, label.raw)..offset(unit, label.raw) + label.raw.len();
    let number = label.number;
    // `2）` is written for 2. as often as for （2）: it is the 1. level where the headings
    // before it expect that one (under a （一）, or going on from 1.).
    let half_bracketed = label.level == 4 && !label.raw.starts_with(['（', '(']);
    let level = if half_bracketed
        && (numbering.depth < 3
            || numbering.last[3] + 1 == number && numbering.last[4] + 1 != number)
    {
        3
    } else {
        label.level
    };
    if level > numbering.depth + 1 {
        let missing = heading_label(numbering.depth + 1, 1);
        out.push(unit.finding(
            Rule::HeadingLevelSkip,
            Severity::Warning,
            raw.clone(),
            format!(
                "“{}”跳过了上一级标题（如“{missing}”）：标题层级应依次为“一、”“（一）”“1.”“（1）”",
                label.raw
            ),
            None,
        ));
    }
    let previous = numbering.last[usize::from(level)];
    let runs_on = level == 3 && numbering.last_item > 0 && number == numbering.last_item + 1;
    if number != previous + 1 && !runs_on {
        let expected = heading_label(level, previous + 1);
        let message = if previous == 0 {
            format!("标题编号“{}”应从“{expected}”开始", label.raw)
        } else {
            format!(
                "标题编号不连续：上一个同级标题是“{}”，这里应为“{expected}”",
                heading_label(level, previous)
            )
        };
        out.push(unit.finding(
            Rule::HeadingNumber,
            Severity::Error,
            raw.clone(),
            message,
            None,
        ));
    }
    numbering.enter(level, number);
    if !label.canonical {
        let canonical = heading_label(level, number);
        out.push(unit.finding(
            Rule::HeadingLabelForm,
            Severity::Error,
            raw.clone(),
            format!(
                "标题编号“{}”应写作“{canonical}”：一级用“一、”，二级用全角括号“（一）”，三级用“1.”，四级用“（1）”",
                label.raw.trim_end()
            ),
            Some(unit.fix([(raw, canonical)])),
        ));
    }
    if level == 1 {
        let words = unit.trimmed();
        // A run-in level-1 heading ("一、…。正文…") has sentences; only a stand-alone one is checked.
        if unit.text[words.clone()].matches('。').count() <= 1 {
            end_punct(unit, words.end, out);
        }
    }
}

/// A stand-alone level-1 heading ends without punctuation.
fn end_punct(unit: &Unit, end: usize, out: &mut Vec<Finding>) {
    if let Some(c) = unit.text[..end]
        .chars()
        .last()
        .filter(|c| is_trailing_punct(*c))
    {
        let bytes = end - c.len_utf8()..end;
        out.push(unit.finding(
            Rule::HeadingEndPunct,
            Severity::Warning,
            bytes.clone(),
            format!("单独成行的一级标题末尾不加标点“{c}”"),
            Some(unit.fix([(bytes, String::new())])),
        ));
    }
}

/// Years in level-1 headings: the report year, or the next year in the plans part.
fn heading_year(doc: &Doc, unit: &Unit, key: Option<&str>, out: &mut Vec<Finding>) {
    let (Some(report_year), Some((year, bytes))) = (doc.report_year, years(unit.text).next())
    else {
        return;
    };
    let parts: Vec<&str> = heading_parts(key, unit.heading_title())
        .map(|p| p.key)
        .collect();
    let next_year_part = parts.contains(&"next_year");
    let allowed_next = next_year_part && year == report_year + 1;
    let allowed_this = (!next_year_part || parts.len() > 1) && year == report_year;
    if allowed_next || allowed_this {
        return;
    }
    let expected = if next_year_part {
        report_year + 1
    } else {
        report_year
    };
    let what = if next_year_part {
        "下一年度安排"
    } else {
        "报告年度"
    };
    out.push(unit.finding(
        Rule::HeadingYear,
        Severity::Error,
        bytes.clone(),
        format!("标题中的{year}年与{what}{expected}年不符（报告年度{report_year}年）"),
        Some(unit.fix([(bytes, expected.to_string())])),
    ));
}
