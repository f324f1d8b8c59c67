//! A report given as plain text (a paste, a .txt file, or the paragraphs of a .docx)
//! turned into a [`Draft`]: 一、 headings become sections, （一）/1./（1） headings
//! become headings below them, everything else paragraphs.

use crate::decode::looks_binary;
use crate::docx::read::{self, ReadError};
use crate::export_options::ExportOptions;
use crate::format::LoadError;
use crate::html_read;
use crate::import_text::{first_year, logical_lines, MAX_IMPORT_BYTES};
use crate::labels::{heading_parts, parse_label};
use crate::model::{Draft, Metadata, Node, NodeId, Section};
use crate::report_frame;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReportImportError {
    #[error("报告内容是空的")]
    Empty,
    #[error("报告内容过大（{0} 字节，上限 5 MB）")]
    TooLarge(usize),
    #[error("内容不是文本（可能是图片、压缩包或其他二进制文件），无法识别为报告")]
    Binary,
    #[error("{0}")]
    Docx(#[from] ReadError),
    #[error("{0}")]
    Backup(#[from] LoadError),
}

/// Template name recorded in drafts made by this import.
pub const IMPORTED_TEMPLATE: &str = "导入的报告";

/// Reads a report from a file: a draft backup (`.json`, or any file holding JSON), a
/// .docx, or text in UTF-8, UTF-16 or GBK, a web page's (.html) included. A report whose title names no year is taken to be about `fallback_year`.
pub fn draft_from_file(
    bytes: &[u8],
    file_name: &str,
    fallback_year: u16,
) -> Result<Draft, ReportImportError> {
    let name = file_name.to_ascii_lowercase();
    // A backup renamed (`草稿.bak`) is still a backup: its content says so.
    if name.ends_with(".json") || crate::format::looks_like_json(bytes) {
        Ok(crate::format::from_json_bytes(bytes)?)
    } else if name.ends_with(".docx")
        || bytes.starts_with(b"PK\x03\x04")
        || read::is_legacy_office(bytes)
    {
        draft_from_docx(bytes, fallback_year)
    } else {
        let text = html_read::file_text(bytes).ok_or(ReportImportError::Binary)?;
        draft_from_text(&text, fallback_year)
    }
}

/// Reads a report from a .docx file's bytes.
pub fn draft_from_docx(bytes: &[u8], fallback_year: u16) -> Result<Draft, ReportImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ReportImportError::TooLarge(bytes.len()));
    }
    let paragraphs = read::paragraphs(bytes)?;
    draft_from_text(&paragraphs.join("\n"), fallback_year)
}

/// Reads a report from text. The report year is the first `YYYY年` of the title or of
/// the first 一、 heading, else `fallback_year`. A report copied as sent has its 版头 and
/// 版记 lines read into the metadata (see [`report_frame`]).
pub fn draft_from_text(text: &str, fallback_year: u16) -> Result<Draft, ReportImportError> {
    let lines = report_lines(text)?;
    let mut meta = Metadata::default();
    let header = report_frame::read_header(&lines, &mut meta);
    let footer = report_frame::read_footer(&lines[header..], &mut meta);
    Ok(draft_from_lines(
        &lines[header..lines.len() - footer],
        fallback_year,
        meta,
    ))
}

/// Reads pasted text as [`draft_from_text`] reads a report, every line kept in the body:
/// a pasted passage that ends with a date or a 抄送 line keeps it.
pub fn draft_from_pasted_text(text: &str) -> Result<Draft, ReportImportError> {
    Ok(draft_from_lines(
        &report_lines(text)?,
        PASTE_YEAR,
        Metadata::default(),
    ))
}

/// The year of a pasted passage's draft, which only its nodes are taken from.
const PASTE_YEAR: u16 = 2000;

/// The text's logical lines, or why it is no report.
fn report_lines(text: &str) -> Result<Vec<(usize, String)>, ReportImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ReportImportError::TooLarge(text.len()));
    }
    if text.trim().is_empty() {
        return Err(ReportImportError::Empty);
    }
    if looks_binary(text.as_bytes()) {
        return Err(ReportImportError::Binary);
    }
    Ok(logical_lines(text))
}

/// The draft of a report's lines, its frame already read into `meta`.
fn draft_from_lines(lines: &[(usize, String)], fallback_year: u16, meta: Metadata) -> Draft {
    let unlabeled_parts = !has_labelled_parts(lines.iter().map(|(_, l)| l.as_str()));
    // Leading lines without sentence punctuation that name a 报告 are the title (and a
    // part's heading, which may follow it directly, is not).
    let title_lines = lines
        .iter()
        .take_while(|(_, l)| {
            parse_label(l).is_none()
                && !l.contains(['。', '，', ',', '；'])
                && recipients_line(l).is_none()
                && (l.contains("报告") || part_heading(l, unlabeled_parts).is_none())
        })
        .count();
    let title: String = lines[..title_lines]
        .iter()
        .map(|(_, l)| l.as_str())
        .collect();
    let (title, body) = if title.contains("报告") {
        (title, &lines[title_lines..])
    } else {
        (String::new(), lines)
    };
    let (recipients, body) = match body.split_first() {
        Some(((_, first), rest)) => match recipients_line(first) {
            Some(recipients) => (recipients.to_string(), rest),
            None => (String::new(), body),
        },
        None => (String::new(), body),
    };

    let mut next_id: NodeId = 1;
    let mut take_id = || {
        next_id += 1;
        next_id - 1
    };
    let mut sections = vec![Section {
        id: take_id(),
        key: "intro".into(),
        title: String::new(),
        guidance: String::new(),
        numbered: false,
        children: Vec::new(),
    }];
    for (_, line) in body {
        let label = parse_label(line);
        let part = label
            .as_ref()
            .filter(|l| l.level == 1)
            .map(|l| l.rest)
            .or_else(|| part_heading(line, unlabeled_parts));
        if let Some(title) = part {
            sections.push(Section {
                id: take_id(),
                key: section_key(title, sections.len()),
                title: title.to_string(),
                guidance: String::new(),
                numbered: true,
                children: Vec::new(),
            });
            continue;
        }
        let section = sections.last_mut().expect("there is always a section");
        match label {
            Some(l) if section.numbered => {
                let (title, text) = heading_parts(l.rest);
                let heading = Node::Heading {
                    id: take_id(),
                    title,
                    text,
                    children: Vec::new(),
                };
                insert_heading(&mut section.children, heading, l.level);
            }
            _ => {
                let paragraph = Node::Paragraph {
                    id: take_id(),
                    text: line.clone(),
                };
                deepest_open(&mut section.children).push(paragraph);
            }
        }
    }
    let year_source = if title.is_empty() {
        sections.get(1).map_or("", |s| s.title.as_str())
    } else {
        &title
    };
    let report_year = first_year(year_source).unwrap_or(fallback_year);
    Draft {
        id: "imported".into(),
        name: if title.is_empty() {
            format!("{report_year}年度报告（导入）")
        } else {
            title.clone()
        },
        report_year,
        template: IMPORTED_TEMPLATE.into(),
        meta: Metadata {
            title,
            recipients,
            ..meta
        },
        sections,
        export: ExportOptions::default(),
        plan: None,
        secrecy_reviewed: false,
        attachment_table: None,
        ignored_rules: Vec::new(),
        next_id,
    }
}

/// Whether a report's lines divide it into parts with 一、 labels.
pub(crate) fn has_labelled_parts<'a>(mut lines: impl Iterator<Item = &'a str>) -> bool {
    lines.any(|line| parse_label(line).is_some_and(|l| l.level == 1))
}

/// A line of its own that heads a part, in a report that labels no part (`unlabeled`):
/// short, without sentence marks, naming one of the parts the regulation requires
/// (`2023年法治政府建设主要举措和成效`, `存在的不足和原因`, `2024年工作安排`). A part numbered
/// in words (`第一部分 …`) has a label ([`parse_label`]).
pub(crate) fn part_heading(line: &str, unlabeled: bool) -> Option<&str> {
    let line = line.trim();
    let plain = line.chars().count() <= PART_TITLE_CHARS
        && !line.contains(['。', '，', '；', '：', ',', ';', ':', '！', '？']);
    (unlabeled && plain && PART_NAMES.iter().any(|name| line.contains(name))).then_some(line)
}

/// The longest line read as a part's title without a label.
const PART_TITLE_CHARS: usize = 40;
/// Words that name a part the regulation requires, specific enough to stand for it in a
/// line of their own.
const PART_NAMES: [&str; 13] = [
    "主要举措",
    "举措和成效",
    "工作成效",
    "不足",
    "存在的问题",
    "存在问题",
    "第一责任人",
    "主要安排",
    "工作安排",
    "工作打算",
    "工作思路",
    "下一步",
    "其他需要报告",
];

/// The 主送机关 in a line that holds only them and a colon (`区委、区政府：`).
fn recipients_line(line: &str) -> Option<&str> {
    let line = line.trim();
    let names = line.strip_suffix('：').or_else(|| line.strip_suffix(':'))?;
    let names = names.trim_end();
    let only_names = !names.is_empty()
        && parse_label(line).is_none()
        && !names.contains(['。', '，', ',', '；', '：', ':']);
    only_names.then_some(names)
}

/// The built-in template's key for a part, from the words of its title.
fn section_key(title: &str, position: usize) -> String {
    let keys: [(&str, &[&str]); 5] = [
        ("first_responsibility", &["第一责任人"]),
        ("next_year", &["安排", "下一步", "思路", "计划"]),
        ("shortcomings", &["不足", "问题"]),
        ("measures", &["成效", "举措", "主要工作"]),
        ("other", &["其他需要报告"]),
    ];
    keys.iter()
        .find(|(_, words)| words.iter().any(|w| title.contains(w)))
        .map_or_else(|| format!("part{position}"), |(key, _)| key.to_string())
}

/// Puts a heading of label level 2–4 under the last heading one level up, or as high as
/// the tree allows when that level is missing (a `1.` directly under 一、).
fn insert_heading(nodes: &mut Vec<Node>, heading: Node, level: u8) {
    insert_at(nodes, heading, level, 2);
}

fn insert_at(nodes: &mut Vec<Node>, heading: Node, level: u8, depth: u8) {
    if depth < level {
        if let Some(Node::Heading { children, .. }) = nodes.last_mut() {
            return insert_at(children, heading, level, depth + 1);
        }
    }
    nodes.push(heading);
}

/// The children of the last (deepest) heading, where a following paragraph belongs.
fn deepest_open(nodes: &mut Vec<Node>) -> &mut Vec<Node> {
    match nodes.last() {
        Some(Node::Heading { .. }) => match nodes.last_mut() {
            Some(Node::Heading { children, .. }) => deepest_open(children),
            _ => unreachable!("checked above"),
        },
        _ => nodes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::errors;

    #[test]
    fn headings_become_sections_and_headings() {
        let text = "关于2023年度法治政府建设工作情况的报告\n2023年,我局坚持依法行政。\n一、2023年主要工作及成效\n(一)强化法治建设\n深入学习。常态化开展学习。\n1. 推进立法。制定规章2件。\n（1）细则\n二、存在的不足和原因\n一是宣传不够。\n四、2024年主要安排\n";
        let d = draft_from_text(text, 2000).unwrap();
        assert_eq!(d.report_year, 2023);
        assert_eq!(d.meta.title, "关于2023年度法治政府建设工作情况的报告");
        let keys: Vec<&str> = d.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["intro", "measures", "shortcomings", "next_year"]);
        let Node::Heading {
            title, children, ..
        } = &d.sections[1].children[0]
        else {
            panic!("heading expected");
        };
        assert_eq!(title, "强化法治建设");
        assert!(
            matches!(&children[0], Node::Paragraph { text, .. } if text == "深入学习。常态化开展学习。")
        );
        assert!(
            matches!(&children[1], Node::Heading { title, text, children, .. }
            if title == "推进立法" && text == "制定规章2件。" && children.len() == 1)
        );
        assert!(errors(&d).is_empty());
        assert!(d.ids().iter().all(|&id| id < d.next_id));
    }

    /// A .doc (or .wps, or a .docx with a password) is an OLE compound file, whatever
    /// its name: the user is told to save it as .docx, not that it is not text.
    #[test]
    fn a_legacy_office_file_is_named_as_one() {
        let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        doc.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
        for name in ["报告.doc", "报告.wps", "报告.docx", "报告"] {
            let err = draft_from_file(&doc, name, 2023).unwrap_err();
            assert_eq!(
                err,
                ReportImportError::Docx(ReadError::LegacyOffice),
                "{name}"
            );
            assert!(err.to_string().contains("另存为 .docx"), "{err}");
        }
    }

    #[test]
    fn the_recipients_line_is_not_part_of_the_title() {
        let text = "关于2025年度法治政府建设\n工作情况的报告\n区委、区政府：\n2025年，我局坚持依法行政。\n一、主要举措和成效\n";
        let d = draft_from_text(text, 2000).unwrap();
        assert_eq!(d.meta.title, "关于2025年度法治政府建设工作情况的报告");
        assert_eq!(d.meta.recipients, "区委、区政府");
        assert!(
            matches!(&d.sections[0].children[..], [Node::Paragraph { text, .. }] if text.starts_with("2025年"))
        );
        // A colon ending a sentence of the body is not 主送机关.
        let d = draft_from_text(
            "关于2025年度工作情况的报告\n主要做法如下：全面推进。\n",
            2000,
        )
        .unwrap();
        assert_eq!(d.meta.recipients, "");
    }

    #[test]
    fn a_report_copied_as_sent_keeps_its_frame_in_the_metadata() {
        let text = "嘉兴市卫生健康委员会文件\n\n嘉卫〔2023〕24号\n签发人：王伟荣\n关于 2022 年度法治政府建设工作的报告\n中共嘉兴市委、嘉兴市人民政府：\n2022年，我委坚持依法行政。\n一、主要举措和成效\n全面推进。\n嘉兴市卫生健康委员会\n2023年2月20日\n抄送：省卫生健康委员会、市委依法治市办\n嘉兴市卫生健康委员会办公室\n2023年2月27日印发\n";
        let d = draft_from_text(text, 2000).unwrap();
        assert_eq!(d.meta.title, "关于2022年度法治政府建设工作的报告");
        assert_eq!(d.meta.recipients, "中共嘉兴市委、嘉兴市人民政府");
        assert_eq!(d.meta.doc_number.display(), "嘉卫〔2023〕24号");
        assert_eq!(d.meta.signers, ["王伟荣"]);
        assert_eq!(d.meta.signature, "嘉兴市卫生健康委员会");
        assert_eq!(d.meta.cc, "省卫生健康委员会、市委依法治市办");
        assert_eq!(d.meta.printer, "嘉兴市卫生健康委员会办公室");
        assert_eq!(d.report_year, 2022);
        assert!(
            matches!(&d.sections[1].children[..], [Node::Paragraph { text, .. }] if text == "全面推进。")
        );
    }

    #[test]
    fn bad_input() {
        assert_eq!(draft_from_text(" \n", 2023), Err(ReportImportError::Empty));
        let garbage: String = (0u8..200).map(char::from).collect();
        assert_eq!(
            draft_from_text(&garbage, 2023),
            Err(ReportImportError::Binary)
        );
        assert!(matches!(
            draft_from_docx(b"PK\x03\x04junk", 2023),
            Err(ReportImportError::Docx(_))
        ));
    }
}
