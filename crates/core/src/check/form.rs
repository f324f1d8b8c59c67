//! Form of the document's elements: title, 主送机关, 抄送, 附件说明, and the
//! consistency of years and dates between them; 发文字号 and dates have files of their
//! own ([`super::doc_number`], [`super::dates`]).

use std::ops::Range;

use crate::labels::parse_label;
use crate::rules::Rule;

use super::dates::date_form;
use super::doc_number::{agency_code, doc_number_form};
use super::units::{Doc, Role, Unit};
use super::{Finding, Location, Severity};
use crate::scan::{digits_at, is_trailing_punct, skip_spaces, years};

pub fn check(doc: &Doc, out: &mut Vec<Finding>) {
    for unit in &doc.units {
        doc_number_form(unit, out);
        date_form(unit, out);
        if unit.role == Role::DocNumber && doc.from_draft {
            agency_code(unit, out);
        }
    }
    title(doc, out);
    recipients(doc, out);
    cc(doc, out);
    attachments(doc, out);
    consistency(doc, out);
}

pub(super) fn severity_of(unit: &Unit) -> Severity {
    if unit.role.is_header() {
        Severity::Error
    } else {
        Severity::Warning
    }
}

fn title(doc: &Doc, out: &mut Vec<Finding>) {
    let titles: Vec<&Unit> = doc.units.iter().filter(|u| u.role == Role::Title).collect();
    let Some(last) = titles.last() else {
        // A draft's empty title field is among what the document lacks (`missing`).
        if !doc.from_draft {
            out.push(Finding {
                rule: Rule::TitleMissing,
                severity: Severity::Warning,
                location: Location::Document,
                message: "没有标题：标题应写明年度、“法治政府建设”并以“报告”结尾，如“关于2023年度法治政府建设工作情况的报告”".into(),
                fix: None,
            });
        }
        return;
    };
    let words = last.trimmed();
    let text = &last.text[words.clone()];
    if let Some(c) = text.chars().last().filter(|c| is_trailing_punct(*c)) {
        let bytes = words.end - c.len_utf8()..words.end;
        out.push(last.finding(
            Rule::TitleForm,
            Severity::Error,
            bytes.clone(),
            format!("标题末尾不加标点“{c}”"),
            Some(last.fix([(bytes, String::new())])),
        ));
    }
    let body = text.trim_end_matches(is_trailing_punct);
    if let Some(stem) = body.strip_suffix("汇报") {
        let bytes = words.start + stem.len()..words.start + body.len();
        out.push(last.finding(
            Rule::TitleForm,
            Severity::Error,
            bytes.clone(),
            "年度报告是“报告”，标题不用“汇报”".into(),
            Some(last.fix([(bytes, "报告".to_string())])),
        ));
    } else if !body.ends_with("报告") {
        out.push(last.finding(
            Rule::TitleForm,
            Severity::Error,
            words,
            "标题应以文种“报告”结尾，如“关于2023年度法治政府建设工作情况的报告”".into(),
            None,
        ));
    }
    let year = titles
        .iter()
        .find_map(|u| years(u.text).next().map(|y| (u, y)));
    match (year, doc.report_year) {
        (None, _) => out.push(last.finding(
            Rule::TitleYear,
            Severity::Error,
            last.trimmed(),
            "标题应写明报告的年度，如“关于2023年度法治政府建设工作情况的报告”".into(),
            None,
        )),
        (Some((unit, (year, bytes))), Some(report_year)) if year != report_year => {
            out.push(unit.finding(
                Rule::TitleYear,
                Severity::Error,
                bytes.clone(),
                format!("标题中的年度{year}年与报告年度{report_year}年不一致"),
                Some(unit.fix([(bytes, report_year.to_string())])),
            ))
        }
        _ => {}
    }
}

fn recipients(doc: &Doc, out: &mut Vec<Finding>) {
    let Some(unit) = doc.units.iter().find(|u| u.role == Role::Recipients) else {
        // A draft's empty recipients field is among what the document lacks (`missing`).
        if !doc.from_draft && doc.units.iter().any(|u| u.role == Role::Title) {
            out.push(Finding {
                rule: Rule::RecipientsMissing,
                severity: Severity::Warning,
                location: Location::Document,
                message: "没有主送机关：年度报告是上行文，应写明主送的本级党委、政府或上级部门，如“区委、区政府：”".into(),
                fix: None,
            });
        }
        return;
    };
    let words = unit.trimmed();
    let Some(last) = unit.text[words.clone()].chars().last() else {
        return;
    };
    let last_bytes = words.end - last.len_utf8()..words.end;
    let finding = |message: &str, edit: (Range<usize>, String)| {
        unit.finding(
            Rule::RecipientsColon,
            Severity::Error,
            edit.0.clone(),
            message.to_string(),
            Some(unit.fix([edit])),
        )
    };
    if doc.from_draft {
        // Stored without the colon: the exporter adds "：" unless the text ends in one.
        if last == ':' {
            out.push(finding(
                "主送机关后应为全角冒号“：”（冒号会自动添加，这里不必输入）",
                (last_bytes, String::new()),
            ));
        } else if is_trailing_punct(last) && last != '：' {
            out.push(finding(
                &format!("主送机关末尾不加“{last}”，导出时自动加全角冒号“：”"),
                (last_bytes, String::new()),
            ));
        }
    } else if last == ':' || (is_trailing_punct(last) && last != '：') {
        out.push(finding(
            "主送机关末尾应为全角冒号“：”",
            (last_bytes, "：".to_string()),
        ));
    } else if last != '：' {
        out.push(finding(
            "主送机关末尾应加全角冒号“：”",
            (words.end..words.end, "：".to_string()),
        ));
    }
}

fn cc(doc: &Doc, out: &mut Vec<Finding>) {
    for unit in doc.units.iter().filter(|u| u.role == Role::Cc) {
        let words = unit.trimmed();
        let text = &unit.text[words.clone()];
        let mut names = words.clone();
        if let Some(rest) = text.strip_prefix("抄送") {
            let colon_at = words.start + "抄送".len();
            match rest.chars().next() {
                Some('：') => names.start = colon_at + '：'.len_utf8(),
                Some(':') => {
                    names.start = colon_at + 1;
                    out.push(unit.finding(
                        Rule::CcForm,
                        Severity::Warning,
                        colon_at..colon_at + 1,
                        "“抄送”后应为全角冒号“：”".into(),
                        Some(unit.fix([(colon_at..colon_at + 1, "：".to_string())])),
                    ));
                }
                _ if !doc.from_draft => {
                    names.start = colon_at;
                    out.push(unit.finding(
                        Rule::CcForm,
                        Severity::Warning,
                        words.start..colon_at,
                        "“抄送”后应加全角冒号“：”".into(),
                        Some(unit.fix([(colon_at..colon_at, "：".to_string())])),
                    ));
                }
                _ => names.start = colon_at,
            }
        }
        let separators: Vec<Range<usize>> = unit.text[names.clone()]
            .match_indices('、')
            .map(|(i, s)| names.start + i..names.start + i + s.len())
            .collect();
        if let (Some(first), Some(last)) = (separators.first(), separators.last()) {
            out.push(unit.finding(
                Rule::CcForm,
                Severity::Warning,
                first.start..last.end,
                "抄送机关之间用逗号“，”分隔".into(),
                Some(unit.fix(separators.iter().map(|r| (r.clone(), "，".to_string())))),
            ));
        }
        let Some(end) = unit.text[names.clone()].chars().last() else {
            continue;
        };
        let end_bytes = names.end - end.len_utf8()..names.end;
        if doc.from_draft {
            if is_trailing_punct(end) || end == '；' {
                out.push(unit.finding(
                    Rule::CcForm,
                    Severity::Warning,
                    end_bytes.clone(),
                    format!("抄送机关末尾不加“{end}”，导出时自动加句号"),
                    Some(unit.fix([(end_bytes, String::new())])),
                ));
            }
        } else if end != '。' {
            let edit = if is_trailing_punct(end) {
                (end_bytes, "。".to_string())
            } else {
                (names.end..names.end, "。".to_string())
            };
            out.push(unit.finding(
                Rule::CcForm,
                Severity::Warning,
                edit.0.clone(),
                "抄送机关末尾应加句号“。”".into(),
                Some(unit.fix([edit])),
            ));
        }
    }
}

fn attachments(doc: &Doc, out: &mut Vec<Finding>) {
    let units: Vec<&Unit> = doc
        .units
        .iter()
        .filter(|u| u.role == Role::Attachment)
        .collect();
    // Each item: its unit, the byte where its label (if any) starts, and the label.
    let mut items = Vec::new();
    for unit in &units {
        let words = unit.trimmed();
        let mut start = words.start;
        if let Some(rest) = unit.text[words.clone()].strip_prefix("附件") {
            let head = words.start + "附件".len();
            match rest.chars().next() {
                Some('：') => start = head + '：'.len_utf8(),
                Some(':') if !doc.from_draft => {
                    start = head + 1;
                    out.push(unit.finding(
                        Rule::AttachmentNote,
                        Severity::Error,
                        head..head + 1,
                        "“附件”后应为全角冒号“：”".into(),
                        Some(unit.fix([(head..head + 1, "：".to_string())])),
                    ));
                }
                _ => {}
            }
        }
        start = skip_spaces(unit.text, start);
        items.push((*unit, start, parse_label(&unit.text[start..])));
    }
    let count = items.len();
    for (index, (unit, start, label)) in items.iter().enumerate() {
        let end = unit.trimmed().end;
        if doc.from_draft {
            let prefix_end = label.as_ref().map_or(*start, |l| end - l.rest.len());
            if prefix_end > unit.trimmed().start {
                let bytes = unit.trimmed().start..prefix_end;
                out.push(unit.finding(
                    Rule::AttachmentNote,
                    Severity::Error,
                    bytes.clone(),
                    "附件名称前不要输入“附件：”或序号，导出时自动生成".into(),
                    Some(unit.fix([(bytes, String::new())])),
                ));
            }
        } else if count == 1 {
            if let Some(l) = label {
                let bytes = *start..end - l.rest.len();
                out.push(unit.finding(
                    Rule::AttachmentNote,
                    Severity::Error,
                    bytes.clone(),
                    "只有一个附件时不编序号".into(),
                    Some(unit.fix([(bytes, String::new())])),
                ));
            }
        } else {
            let want = format!("{}. ", index + 1);
            let bytes = *start..label.as_ref().map_or(*start, |l| end - l.rest.len());
            if label
                .as_ref()
                .is_none_or(|l| l.number != index + 1 || !l.canonical)
            {
                out.push(unit.finding(
                    Rule::AttachmentNote,
                    Severity::Error,
                    bytes.clone(),
                    format!(
                        "多个附件应依次编为“1.”“2.”……，这里应为“{}”",
                        want.trim_end()
                    ),
                    Some(unit.fix([(bytes, want)])),
                ));
            }
        }
        let name = &unit.text[*start..end];
        if let Some(c) = name.chars().last().filter(|c| is_trailing_punct(*c)) {
            if !doc.from_draft {
                let bytes = end - c.len_utf8()..end;
                out.push(unit.finding(
                    Rule::AttachmentNote,
                    Severity::Error,
                    bytes.clone(),
                    format!("附件名称后不加标点“{c}”"),
                    Some(unit.fix([(bytes, String::new())])),
                ));
            }
        }
    }
    for unit in doc.units.iter().filter(|u| u.role == Role::Body) {
        for (i, _) in unit.text.match_indices("附件") {
            let after = i + "附件".len();
            let number = digits_at(unit.text, after);
            let cited = number.parse::<usize>().ok();
            let refers = cited.is_some() || unit.text[..i].ends_with('见');
            if !refers || cited.is_some_and(|n| n <= count) || (cited.is_none() && count > 0) {
                continue;
            }
            let bytes = i..after + number.len();
            let message = if count == 0 {
                "正文提到附件，但没有附件说明".to_string()
            } else {
                format!(
                    "正文提到“{}”，但附件说明只有{count}个附件",
                    &unit.text[bytes.clone()]
                )
            };
            out.push(unit.finding(Rule::AttachmentNote, Severity::Error, bytes, message, None));
        }
    }
}

fn consistency(doc: &Doc, out: &mut Vec<Finding>) {
    let error = |rule, location: &Location, message: String| Finding {
        rule,
        severity: Severity::Error,
        location: location.clone(),
        message,
        fix: None,
    };
    if let (Some(issue), Some(print)) = (&doc.issue_date, &doc.print_date) {
        if print.date < issue.date {
            out.push(error(
                Rule::DateOrder,
                &print.location,
                format!(
                    "印发日期{}早于成文日期{}，印发不能在成文之前",
                    print.date, issue.date
                ),
            ));
        }
    }
    if let (Some(issue), Some(year)) = (&doc.issue_date, doc.report_year) {
        if issue.date.year != year && issue.date.year != year + 1 {
            out.push(error(
                Rule::DateYear,
                &issue.location,
                format!(
                    "成文日期{}与报告年度{year}年不符：年度报告一般在次年{}年3月1日前成文报送",
                    issue.date,
                    year + 1
                ),
            ));
        }
    }
    if let Some((doc_year, location)) = &doc.doc_year {
        if !(1900..3000).contains(doc_year) {
            out.push(error(
                Rule::DocNumberYear,
                location,
                format!("发文字号的年份“{doc_year}”应写全四位数字"),
            ));
        } else if let Some(issue) = doc.issue_date.as_ref().filter(|i| i.date.year != *doc_year) {
            out.push(error(
                Rule::DocNumberYear,
                location,
                format!(
                    "发文字号的年份{doc_year}应为发文（成文）当年{}",
                    issue.date.year
                ),
            ));
        }
    }
}
