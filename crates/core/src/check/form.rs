//! Form of the document's elements: 发文字号, dates, title, 主送机关, 抄送, 附件说明,
//! and the consistency of years and dates between them.

use std::ops::Range;

use crate::date::CalendarDate;
use crate::labels::{parse_label, CHINESE_DIGITS};
use crate::text::is_han;

use super::scan::{char_at, digits_at, is_trailing_punct, prev_visible, skip_spaces, years};
use super::units::{Doc, Role, Unit};
use super::{Finding, Location, Severity};

/// A document number such as `嘉卫〔2023〕24号` or a mistaken `浙卫发[2023]第05号`.
pub struct DocNumber {
    pub open: Range<usize>,
    pub close: Range<usize>,
    /// The year when it has four digits.
    pub year: Option<u16>,
    pub year_bytes: Range<usize>,
    pub di: Option<Range<usize>>,
    pub serial: Range<usize>,
}

const OPENERS: &str = "〔[【(（［〖";
const CLOSERS: &str = "〕]】)）］〗";

/// The document numbers cited in `text`: a Han agency code, a bracketed year, a serial, 号.
pub fn doc_numbers(text: &str) -> impl Iterator<Item = DocNumber> + '_ {
    text.char_indices()
        .filter(|&(_, c)| OPENERS.contains(c))
        .filter_map(|(i, open)| {
            if !prev_visible(text, i).is_some_and(is_han) {
                return None;
            }
            let y = skip_spaces(text, i + open.len_utf8());
            let year = digits_at(text, y);
            if !(2..=4).contains(&year.len()) {
                return None;
            }
            let c = skip_spaces(text, y + year.len());
            let close = char_at(text, c).filter(|&ch| CLOSERS.contains(ch))?;
            let mut s = skip_spaces(text, c + close.len_utf8());
            let di = (char_at(text, s) == Some('第')).then(|| s..s + '第'.len_utf8());
            if let Some(di) = &di {
                s = skip_spaces(text, di.end);
            }
            let serial = digits_at(text, s);
            let after = skip_spaces(text, s + serial.len());
            (!serial.is_empty() && char_at(text, after) == Some('号')).then(|| DocNumber {
                open: i..i + open.len_utf8(),
                close: c..c + close.len_utf8(),
                year: year.parse().ok().filter(|_| year.len() == 4),
                year_bytes: y..y + year.len(),
                di,
                serial: s..s + serial.len(),
            })
        })
}

/// A date written `2023年2月27日`, found from its 月: the parts present and their bytes.
struct WrittenDate {
    year: Option<Range<usize>>,
    month: Range<usize>,
    day: Option<Range<usize>>,
    /// 日, or the colloquial 号.
    suffix: Option<Range<usize>>,
}

impl WrittenDate {
    fn bytes(&self) -> Range<usize> {
        let start = self.year.as_ref().unwrap_or(&self.month).start;
        let end = self
            .suffix
            .as_ref()
            .map_or(self.month.end + '月'.len_utf8(), |s| s.end);
        start..end
    }
}

fn written_dates(text: &str) -> impl Iterator<Item = WrittenDate> + '_ {
    text.char_indices()
        .filter(|&(_, c)| c == '月')
        .filter_map(|(i, _)| {
            let before = text[..i].trim_end();
            let month_len = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            if !(1..=2).contains(&month_len) {
                return None;
            }
            let month = before.len() - month_len..before.len();
            let head = text[..month.start].trim_end();
            let year = head.strip_suffix('年').and_then(|head| {
                let head = head.trim_end();
                let len = head.bytes().rev().take_while(u8::is_ascii_digit).count();
                (len == 4).then(|| head.len() - 4..head.len())
            });
            let d = skip_spaces(text, i + '月'.len_utf8());
            let day = digits_at(text, d);
            let s = skip_spaces(text, d + day.len());
            let suffix = char_at(text, s).filter(|c| *c == '日' || *c == '号');
            let (day, suffix) = match suffix {
                Some(c) if (1..=2).contains(&day.len()) => {
                    (Some(d..d + day.len()), Some(s..s + c.len_utf8()))
                }
                _ => (None, None),
            };
            Some(WrittenDate {
                year,
                month,
                day,
                suffix,
            })
        })
}

/// The first full date in `text` (zero padding and 号 tolerated) and its bytes.
pub fn parse_date(text: &str) -> Option<(CalendarDate, Range<usize>)> {
    written_dates(text).find_map(|d| {
        let number = |r: &Range<usize>| text[r.clone()].parse::<u16>().ok();
        let date = CalendarDate::new(
            number(d.year.as_ref()?)?,
            u8::try_from(number(&d.month)?).ok()?,
            u8::try_from(number(d.day.as_ref()?)?).ok()?,
        )?;
        Some((date, d.bytes()))
    })
}

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

fn severity_of(unit: &Unit) -> Severity {
    if unit.role.is_header() {
        Severity::Error
    } else {
        Severity::Warning
    }
}

fn doc_number_form(unit: &Unit, out: &mut Vec<Finding>) {
    let text = unit.text;
    let severity = severity_of(unit);
    for n in doc_numbers(text) {
        let whole = n.open.start..n.serial.end;
        let written = &text[whole.clone()];
        if &text[n.open.clone()] != "〔" || &text[n.close.clone()] != "〕" {
            let fix = unit.fix([
                (n.open.clone(), "〔".to_string()),
                (n.close.clone(), "〕".to_string()),
            ]);
            out.push(unit.finding(
                "doc-number-brackets",
                severity,
                whole.clone(),
                format!("发文字号“{written}”的年份应使用六角括号“〔〕”，不用“[]”“【】”或圆括号"),
                Some(fix),
            ));
        }
        if n.year.is_none() {
            out.push(unit.finding(
                "doc-number-year",
                severity,
                n.year_bytes.clone(),
                format!("发文字号“{written}”的年份应写全四位数字，如“〔2023〕”"),
                None,
            ));
        }
        let zeros = text[n.serial.clone()]
            .bytes()
            .take_while(|b| *b == b'0')
            .count();
        let zeros = zeros.min(n.serial.len() - 1);
        if n.di.is_some() || zeros > 0 {
            let mut edits = Vec::new();
            if let Some(di) = &n.di {
                edits.push((di.clone(), String::new()));
            }
            if zeros > 0 {
                edits.push((n.serial.start..n.serial.start + zeros, String::new()));
            }
            out.push(unit.finding(
                "doc-number-serial",
                severity,
                whole,
                format!(
                    "发文字号“{written}”的序号不加“第”，不编虚位（如“24号”，不写“第24号”“024号”）"
                ),
                Some(unit.fix(edits)),
            ));
        }
    }
}

/// A draft's 机关代字 holds only the code; year and serial have their own fields.
fn agency_code(unit: &Unit, out: &mut Vec<Finding>) {
    let code = unit.trimmed();
    if let Some((i, _)) = unit.text[code.clone()]
        .char_indices()
        .find(|(_, c)| !is_han(*c))
    {
        let junk = code.start + i..code.end;
        out.push(unit.finding(
            "doc-number-agency",
            Severity::Error,
            junk.clone(),
            format!(
                "机关代字只填代字本身（如“嘉卫”），“{}”不要写在这里：年份和序号在各自的栏内填写，括号和“号”自动生成",
                &unit.text[junk.clone()]
            ),
            Some(unit.fix([(junk, String::new())])),
        ));
    }
}

fn date_form(unit: &Unit, out: &mut Vec<Finding>) {
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
                "date-format",
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
                out.push(unit.finding("date-format", severity, bytes, message, Some(fix)));
            }
        }
        let run_start = CHINESE_DIGITS.contains(c)
            && !text[..i].ends_with(|p: char| CHINESE_DIGITS.contains(p));
        if run_start {
            if let Some(bytes) = chinese_numeral_year(text, i) {
                let message = format!(
                    "日期“{}”应使用阿拉伯数字，如“2023年2月27日”",
                    &text[bytes.clone()]
                );
                out.push(unit.finding("date-format", severity, bytes, message, None));
            }
        }
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

/// `二〇二三年…` starting at byte `start`: four Chinese digits with a 〇 or 零 (which
/// only years have) before 年, up to the 日 of the date if there is one.
fn chinese_numeral_year(text: &str, start: usize) -> Option<Range<usize>> {
    let run: usize = text[start..]
        .chars()
        .take_while(|c| CHINESE_DIGITS.contains(*c))
        .map(char::len_utf8)
        .sum();
    let end = start + run;
    let digits = &text[start..end];
    let is_year = digits.chars().count() == 4
        && digits.contains(['〇', '零'])
        && char_at(text, end) == Some('年');
    is_year.then(|| {
        let tail = &text[end..];
        let date_end = tail
            .find('日')
            .filter(|&i| tail[..i].chars().count() <= 8)
            .map_or(end + '年'.len_utf8(), |i| end + i + '日'.len_utf8());
        start..date_end
    })
}

fn title(doc: &Doc, out: &mut Vec<Finding>) {
    let titles: Vec<&Unit> = doc.units.iter().filter(|u| u.role == Role::Title).collect();
    let Some(last) = titles.last() else {
        let (severity, location) = if doc.from_draft {
            let target = super::TextRef::Field {
                field: crate::meta_field::MetaField::Title,
            };
            (
                Severity::Error,
                Location::Text {
                    target,
                    range: None,
                },
            )
        } else {
            (Severity::Warning, Location::Document)
        };
        out.push(Finding {
            rule: "title-missing",
            severity,
            location,
            message: "没有标题：标题应写明年度、“法治政府建设”并以“报告”结尾，如“关于2023年度法治政府建设工作情况的报告”".into(),
            fix: None,
        });
        return;
    };
    let words = last.trimmed();
    let text = &last.text[words.clone()];
    if let Some(c) = text.chars().last().filter(|c| is_trailing_punct(*c)) {
        let bytes = words.end - c.len_utf8()..words.end;
        out.push(last.finding(
            "title-form",
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
            "title-form",
            Severity::Error,
            bytes.clone(),
            "年度报告是“报告”，标题不用“汇报”".into(),
            Some(last.fix([(bytes, "报告".to_string())])),
        ));
    } else if !body.ends_with("报告") {
        out.push(last.finding(
            "title-form",
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
            "title-year",
            Severity::Error,
            last.trimmed(),
            "标题应写明报告的年度，如“关于2023年度法治政府建设工作情况的报告”".into(),
            None,
        )),
        (Some((unit, (year, bytes))), Some(report_year)) if year != report_year => {
            out.push(unit.finding(
                "title-year",
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
        if doc.units.iter().any(|u| u.role == Role::Title) {
            let location = if doc.from_draft {
                Location::Text {
                    target: super::TextRef::Field {
                        field: crate::meta_field::MetaField::Recipients,
                    },
                    range: None,
                }
            } else {
                Location::Document
            };
            out.push(Finding {
                rule: "recipients-missing",
                severity: Severity::Warning,
                location,
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
            "recipients-colon",
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
                        "cc-form",
                        Severity::Warning,
                        colon_at..colon_at + 1,
                        "“抄送”后应为全角冒号“：”".into(),
                        Some(unit.fix([(colon_at..colon_at + 1, "：".to_string())])),
                    ));
                }
                _ if !doc.from_draft => {
                    names.start = colon_at;
                    out.push(unit.finding(
                        "cc-form",
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
                "cc-form",
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
                    "cc-form",
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
                "cc-form",
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
                        "attachment-note",
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
                    "attachment-note",
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
                    "attachment-note",
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
                    "attachment-note",
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
                    "attachment-note",
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
            out.push(unit.finding("attachment-note", Severity::Error, bytes, message, None));
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
                "date-order",
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
                "date-year",
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
                "doc-number-year",
                location,
                format!("发文字号的年份“{doc_year}”应写全四位数字"),
            ));
        } else if let Some(issue) = doc.issue_date.as_ref().filter(|i| i.date.year != *doc_year) {
            out.push(error(
                "doc-number-year",
                location,
                format!(
                    "发文字号的年份{doc_year}应为发文（成文）当年{}",
                    issue.date.year
                ),
            ));
        }
    }
}
