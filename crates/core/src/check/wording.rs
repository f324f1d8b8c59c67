//! Wording: misused terms, obsolete organ names, 请示 phrases inside a 报告, relative
//! time words.

use std::ops::Range;

use super::units::{Doc, Unit};
use super::{Finding, Severity};
use crate::rules::Rule;
use crate::scan::{char_at, find_terms, quoted_titles, skip_spaces};

/// The 2018 reform renamed 卫生和计划生育委员会 to 卫生健康委员会; the old names are right
/// only in reports on years before 2019 and in cited titles.
const RENAMED_FROM: u16 = 2019;

const ORGANS: [(&str, Option<&str>); 5] = [
    ("卫生和计划生育委员会", Some("卫生健康委员会")),
    ("卫生计生委", Some("卫生健康委")),
    ("卫计委", Some("卫生健康委")),
    ("计生委", Some("卫生健康委")),
    ("法制办", None),
];

const TERMS: [(&str, (Rule, &str)); 4] = [
    ("法制建设", (Rule::WordingFazhi, "法治建设")),
    ("法制政府", (Rule::WordingFazhi, "法治政府")),
    ("法制思维", (Rule::WordingFazhi, "法治思维")),
    ("其它", (Rule::WordingQita, "其他")),
];

/// A 报告 may not carry a request (《党政机关公文处理工作条例》: 报告不得夹带请示事项).
const REQUESTS: [(&str, ()); 7] = [
    ("妥否，请批示", ()),
    ("当否，请批示", ()),
    ("请批示", ()),
    ("请审批", ()),
    ("请予批准", ()),
    ("请批复", ()),
    ("妥否", ()),
];

/// Relative time words and the year offset they stand for, if any.
const RELATIVE: [(&str, Option<i32>); 5] = [
    ("今年", Some(0)),
    ("去年", Some(-1)),
    ("明年", Some(1)),
    ("近日", None),
    ("目前", None),
];

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    let renamed = doc.report_year.is_some_and(|y| y >= RENAMED_FROM);
    for unit in &doc.units {
        if renamed {
            organs(unit, out);
        }
        for (bytes, (rule, right)) in find_terms(unit.text, &TERMS) {
            let wrong = &unit.text[bytes.clone()];
            out.push(unit.finding(
                rule,
                Severity::Warning,
                bytes.clone(),
                format!("“{wrong}”应为“{right}”"),
                Some(unit.fix([(bytes, right.to_string())])),
            ));
        }
        jiezhi(unit, out);
        for (bytes, ()) in find_terms(unit.text, &REQUESTS) {
            out.push(unit.finding(
                Rule::RequestPhrase,
                Severity::Error,
                bytes.clone(),
                format!(
                    "报告中不得夹带请示事项：“{}”是请示的用语，需要上级批复的事项应另行请示",
                    &unit.text[bytes]
                ),
                None,
            ));
        }
        relative_time(doc, unit, out);
    }
}

fn organs(unit: &Unit, out: &mut Vec<Finding>) {
    let cited = quoted_titles(unit.text);
    let severity = if unit.role.is_header() {
        Severity::Error
    } else {
        Severity::Warning
    };
    for (bytes, right) in find_terms(unit.text, &ORGANS) {
        if cited
            .iter()
            .any(|c| c.start <= bytes.start && bytes.end <= c.end)
        {
            continue;
        }
        let wrong = &unit.text[bytes.clone()];
        let (message, fix) = match right {
            Some(right) => (
                format!("机构改革后“{wrong}”已更名为“{right}”"),
                Some(unit.fix([(bytes.clone(), right.to_string())])),
            ),
            None => (
                format!("机构改革后“{wrong}”已并入司法行政部门，请改用现名"),
                None,
            ),
        };
        out.push(unit.finding(Rule::ObsoleteOrgan, severity, bytes, message, fix));
    }
}

/// 截止 (to end) before a date means 截至 (up to): "截至2023年底".
fn jiezhi(unit: &Unit, out: &mut Vec<Finding>) {
    let text = unit.text;
    for (i, m) in text.match_indices("截止") {
        let after = skip_spaces(text, i + m.len());
        let before_date = char_at(text, after).is_some_and(|c| c.is_ascii_digit())
            || ["今年", "目前", "去年", "本年", "年底", "年末"]
                .iter()
                .any(|w| text[after..].starts_with(w));
        if before_date {
            let bytes: Range<usize> = i..i + m.len();
            out.push(unit.finding(
                Rule::WordingJiezhi,
                Severity::Warning,
                bytes.clone(),
                "表示“到某时为止”应写“截至”，“截止”只用于“截止日期”等".into(),
                Some(unit.fix([(bytes, "截至".to_string())])),
            ));
        }
    }
}

fn relative_time(doc: &Doc, unit: &Unit, out: &mut Vec<Finding>) {
    for (bytes, offset) in find_terms(unit.text, &RELATIVE) {
        let word = &unit.text[bytes.clone()];
        let year = offset.zip(doc.report_year).map(|(o, y)| i32::from(y) + o);
        let (message, fix) = match year {
            Some(year) => (
                format!("“{word}”含义随阅读时间而变，宜写明具体年份，如“{year}年”"),
                Some(unit.fix([(bytes.clone(), format!("{year}年"))])),
            ),
            None => (format!("“{word}”含义随阅读时间而变，宜写明具体时间"), None),
        };
        out.push(unit.finding(Rule::RelativeTime, Severity::Warning, bytes, message, fix));
    }
}
