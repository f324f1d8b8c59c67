//! The lines around a report's text when it is copied from the document as sent: the
//! 版头 before its title (发文机关标志, 发文字号, 签发人) and, after its body, the 署名,
//! 成文日期, 附注 and the 版记 (抄送, 印发机关 and 印发日期). They are read into the
//! draft's metadata, so that an imported report's title is its title alone and its body
//! ends with its last paragraph. A line is taken only when it has the field's exact
//! form; anything else stays where it is.

use crate::date::{parse_date, CalendarDate};
use crate::labels::parse_label;
use crate::model::{DocNumber, Metadata};
use crate::scan;
use crate::text::{is_han, split_names};

/// Longest line read as an organ's name (署名, 印发机关, 发文机关标志).
const ORGAN_CHARS: usize = 40;

/// The number of leading lines that are 版头 fields, with the fields written into `meta`.
pub fn read_header(lines: &[(usize, String)], meta: &mut Metadata) -> usize {
    let mut taken = 0;
    for (_, line) in lines {
        if let Some(names) = field(line, "签发人") {
            meta.signers = split_names(names);
        } else if let Some(number) = doc_number(line) {
            meta.doc_number = number;
        } else if let Some(name) = line.strip_suffix("文件").filter(|name| is_organ(name)) {
            meta.issuer_mark = line.clone();
            meta.issuer_name = name.to_string();
        } else {
            break;
        }
        taken += 1;
    }
    taken
}

/// The number of trailing lines that are 署名, 成文日期, 附注 or 版记 fields, with the
/// fields written into `meta`. Read from the end, in the reverse of their order on the
/// page; the 署名 is taken only above a 成文日期.
pub fn read_footer(lines: &[(usize, String)], meta: &mut Metadata) -> usize {
    let mut rest = lines;
    let last = |rest: &[(usize, String)]| rest.last().map(|(_, line)| line.clone());
    if let Some(line) = last(rest) {
        if let Some(before) = line.strip_suffix("印发") {
            let dated = split_trailing_date(before)
                .filter(|(printer, _)| printer.is_empty() || is_organ(printer));
            if let Some((printer, date)) = dated {
                rest = &rest[..rest.len() - 1];
                meta.print_date = Some(date);
                meta.printer = printer.to_string();
                if printer.is_empty() {
                    if let Some(organ) = last(rest).filter(|l| is_organ(l)) {
                        meta.printer = organ;
                        rest = &rest[..rest.len() - 1];
                    }
                }
            }
        }
    }
    if let Some(cc) = last(rest).as_deref().and_then(|line| field(line, "抄送")) {
        meta.cc = cc.trim_end_matches('。').to_string();
        rest = &rest[..rest.len() - 1];
    }
    if let Some(line) = last(rest).filter(|l| is_annotation(l)) {
        meta.annotation = line;
        rest = &rest[..rest.len() - 1];
    }
    let dated = last(rest).and_then(|line| {
        split_trailing_date(&line)
            .filter(|(p, _)| p.is_empty())
            .map(|(_, d)| d)
    });
    if let Some(date) = dated {
        meta.date = Some(date);
        rest = &rest[..rest.len() - 1];
        if let Some(organ) = last(rest).filter(|l| is_organ(l)) {
            meta.signature = organ;
            rest = &rest[..rest.len() - 1];
        }
    }
    lines.len() - rest.len()
}

/// The value of a `name：value` line (`签发人：王伟荣`, `抄送：省卫生健康委员会`).
fn field<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(name)?.trim_start();
    let value = rest.strip_prefix(['：', ':'])?.trim();
    (!value.is_empty()).then_some(value)
}

/// A line that is only an organ's name: Han characters (brackets allowed), no
/// punctuation of a sentence, no heading label, not too long.
fn is_organ(line: &str) -> bool {
    let chars = line.chars().count();
    (2..=ORGAN_CHARS).contains(&chars)
        && parse_label(line).is_none()
        && line.chars().all(|c| is_han(c) || "（）()".contains(c))
}

/// 附注: one bracketed line, such as （此件公开发布）.
fn is_annotation(line: &str) -> bool {
    line.starts_with('（')
        && line.ends_with('）')
        && line.chars().count() <= ORGAN_CHARS
        && !line.contains('。')
}

/// A whole-line 发文字号 (`嘉卫〔2023〕24号`), found as the checker finds them.
fn doc_number(line: &str) -> Option<DocNumber> {
    let found = scan::doc_numbers(line).next()?;
    let agency_code = line[..found.open.start].trim();
    let whole = !agency_code.is_empty()
        && agency_code.chars().all(is_han)
        && line[found.serial.end..].trim() == "号";
    (whole && found.year.is_some()).then(|| DocNumber {
        agency_code: agency_code.to_string(),
        year: found.year,
        serial: line[found.serial].parse().ok(),
    })
}

/// `text` split before a date that ends it (`2023年2月27日`), with the date.
fn split_trailing_date(text: &str) -> Option<(&str, CalendarDate)> {
    let text = text.trim_end();
    let (date, bytes) = parse_date(text)?;
    (bytes.end == text.len()).then(|| (text[..bytes.start].trim(), date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(usize, String)> {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.to_string()))
            .collect()
    }

    #[test]
    fn the_header_fields_are_read_and_the_title_left() {
        let mut meta = Metadata::default();
        let header = lines("嘉兴市卫生健康委员会文件\n嘉卫〔2023〕24号\n签发人：王伟荣、李明\n关于2022年度法治政府建设工作的报告");
        assert_eq!(read_header(&header, &mut meta), 3);
        assert_eq!(meta.issuer_mark, "嘉兴市卫生健康委员会文件");
        assert_eq!(meta.issuer_name, "嘉兴市卫生健康委员会");
        assert_eq!(meta.doc_number.display(), "嘉卫〔2023〕24号");
        assert_eq!(meta.signers, ["王伟荣", "李明"]);
    }

    #[test]
    fn dates_in_chinese_numerals_are_read_as_dates() {
        let mut meta = Metadata::default();
        let footer = lines("全面推进依法行政。\n嘉兴市卫生健康委员会\n二〇二三年二月二十日\n抄送：省卫生健康委员会。\n嘉兴市卫生健康委员会办公室\n二〇二三年二月二十七日印发");
        assert_eq!(read_footer(&footer, &mut meta), 5);
        assert_eq!(meta.signature, "嘉兴市卫生健康委员会");
        assert_eq!(meta.date, CalendarDate::new(2023, 2, 20));
        assert_eq!(meta.printer, "嘉兴市卫生健康委员会办公室");
        assert_eq!(meta.print_date, CalendarDate::new(2023, 2, 27));
    }

    #[test]
    fn the_footer_fields_are_read_from_the_end() {
        let mut meta = Metadata::default();
        let footer = lines("全面推进依法行政。\n嘉兴市卫生健康委员会\n2023年2月20日\n（此件公开发布）\n抄送：省卫生健康委员会、市委依法治市办。\n嘉兴市卫生健康委员会办公室\n2023年2月27日印发");
        assert_eq!(read_footer(&footer, &mut meta), 6);
        assert_eq!(meta.signature, "嘉兴市卫生健康委员会");
        assert_eq!(meta.date, CalendarDate::new(2023, 2, 20));
        assert_eq!(meta.annotation, "（此件公开发布）");
        assert_eq!(meta.cc, "省卫生健康委员会、市委依法治市办");
        assert_eq!(meta.printer, "嘉兴市卫生健康委员会办公室");
        assert_eq!(meta.print_date, CalendarDate::new(2023, 2, 27));

        // The 印发 line as one line, and no 版记 at all.
        let mut meta = Metadata::default();
        let one_line = lines("全面推进依法行政。\n嘉兴市卫生健康委员会办公室 2023年2月27日印发");
        assert_eq!(read_footer(&one_line, &mut meta), 1);
        assert_eq!(meta.printer, "嘉兴市卫生健康委员会办公室");
        let mut meta = Metadata::default();
        let signed = lines("全面推进依法行政。\n嘉兴市卫生健康委员会\n2023年2月20日");
        assert_eq!(read_footer(&signed, &mut meta), 2);
        assert_eq!(meta.signature, "嘉兴市卫生健康委员会");
    }

    #[test]
    fn body_lines_are_not_fields() {
        let mut meta = Metadata::default();
        let body = lines(
            "2023年，我委坚持依法行政。\n全年办理复议案件3件。\n一、主要举措\n截至2023年12月31日",
        );
        assert_eq!(read_header(&body, &mut meta), 0);
        assert_eq!(read_footer(&body, &mut meta), 0);
        assert_eq!(meta, Metadata::default());
        // A heading or a sentence above a date is not a 署名; a 2月30日 is no date.
        let mut meta = Metadata::default();
        assert_eq!(
            read_footer(&lines("三、下一步安排\n2023年2月20日"), &mut meta),
            1
        );
        assert_eq!(meta.signature, "");
        assert_eq!(
            read_footer(
                &lines("全面推进。\n2023年2月30日"),
                &mut Metadata::default()
            ),
            0
        );
        // A sentence about a document issued is not the 印发 line.
        let issued = lines("全面推进。\n《实施方案》于2023年2月27日印发");
        assert_eq!(read_footer(&issued, &mut Metadata::default()), 0);
        assert_eq!(doc_number("嘉卫〔23〕24号"), None);
        assert_eq!(doc_number("依据〔2023〕的规定号"), None);
    }
}
