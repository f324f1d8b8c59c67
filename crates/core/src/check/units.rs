//! The located text both inputs are turned into: one unit per printed line of text,
//! with its role in the document and the place a finding or a fix refers to.

use std::ops::Range;

use crate::attachment::OverlongCell;
use crate::date::CalendarDate;
use crate::labels::parse_label;
use crate::meta_field::MetaField;
use crate::model::{Draft, Node, NodeId, TextField};
use crate::report_text::{has_labelled_parts, part_heading};
use crate::rules::Rule;

use super::{CharRange, Edit, Finding, Fix, Location, Severity, TextRef};
use crate::date::{is_date_line, parse_date};
use crate::scan::doc_numbers;
use crate::scan::{self, is_trailing_punct};

/// What a unit of text is in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role<'a> {
    IssuerMark,
    DocNumber,
    Signers,
    Title,
    Recipients,
    /// A heading. In a draft its label comes from position and is not part of the text
    /// (`typed == false`); in plain text the line starts with the typed label.
    Heading {
        level: u8,
        typed: bool,
        /// The template key of a draft section (level 1 only).
        key: Option<&'a str>,
    },
    /// A body paragraph or a heading's run-in text.
    Body,
    Attachment,
    Signature,
    Date,
    Cc,
    Printer,
    PrintDate,
}

impl Role<'_> {
    /// Header and footer elements, where a slip is an error rather than a hint.
    pub fn is_header(self) -> bool {
        !matches!(self, Role::Heading { .. } | Role::Body)
    }
}

pub struct Unit<'a> {
    pub text: &'a str,
    pub target: TextRef,
    /// Character offset of `text` within the target's whole text.
    pub base: usize,
    pub role: Role<'a>,
    /// The unit begins a printed paragraph, so a label at its start is a heading label.
    pub starts_paragraph: bool,
    /// A hard-wrapped line of plain text that the next unit continues.
    pub joins_next: bool,
}

impl Unit<'_> {
    pub fn char_range(&self, bytes: Range<usize>) -> CharRange {
        let start = self.base + self.text[..bytes.start].chars().count();
        CharRange {
            start,
            end: start + self.text[bytes].chars().count(),
        }
    }

    pub fn at(&self, bytes: Range<usize>) -> Location {
        Location::Text {
            target: self.target,
            range: Some(self.char_range(bytes)),
        }
    }

    /// A fix replacing byte ranges of this unit, given in text order.
    pub fn fix(&self, edits: impl IntoIterator<Item = (Range<usize>, String)>) -> Fix {
        Fix {
            target: self.target,
            edits: edits
                .into_iter()
                .map(|(bytes, replacement)| Edit {
                    range: self.char_range(bytes.clone()),
                    expected: self.text[bytes].to_string(),
                    replacement,
                })
                .collect(),
        }
    }

    pub fn finding(
        &self,
        rule: Rule,
        severity: Severity,
        bytes: Range<usize>,
        message: String,
        fix: Option<Fix>,
    ) -> Finding {
        Finding {
            rule,
            severity,
            location: self.at(bytes),
            message,
            fix,
        }
    }

    /// A heading's words without a typed label.
    pub fn heading_title(&self) -> &str {
        match self.role {
            Role::Heading { typed: true, .. } => {
                parse_label(self.text).map_or(self.text, |l| l.rest)
            }
            _ => self.text,
        }
    }

    /// Byte range of the text without surrounding whitespace.
    pub fn trimmed(&self) -> Range<usize> {
        let start = self.text.len() - self.text.trim_start().len();
        start..self.text.trim_end().len().max(start)
    }
}

/// A date of the header or footer and where it is.
#[derive(Clone, Debug)]
pub struct Dated {
    pub date: CalendarDate,
    pub location: Location,
}

/// The checked document: its units and the facts the consistency rules compare.
pub struct Doc<'a> {
    pub units: Vec<Unit<'a>>,
    /// The year the report is about.
    pub report_year: Option<u16>,
    pub issue_date: Option<Dated>,
    pub print_date: Option<Dated>,
    /// The year of the 发文字号 and where it is.
    pub doc_year: Option<(u16, Location)>,
    /// The input was a draft: the exporter prints the heading labels, the colon after
    /// 主送机关, 抄送：…。 and the attachment numbers, so those must not be typed.
    pub from_draft: bool,
    /// The draft records that the 保密审查 is done; a text cannot say so.
    pub secrecy_reviewed: bool,
    /// Cells of the attached table over their column's limit; a text has no table.
    pub overlong_cells: Vec<OverlongCell>,
    /// A draft's numbered sections with no text at all, which the list of what the
    /// document lacks names; a text has none.
    pub no_text: Vec<NodeId>,
}

impl<'a> Doc<'a> {
    pub fn from_draft(draft: &'a Draft) -> Doc<'a> {
        let meta = &draft.meta;
        let mut units = Vec::new();
        let field = |field: MetaField| TextRef::Field { field };
        let push_field = |units: &mut Vec<Unit<'a>>, text: &'a str, f: MetaField, role| {
            push_lines(units, text, field(f), role, true);
        };
        push_field(
            &mut units,
            &meta.issuer_mark,
            MetaField::IssuerMark,
            Role::IssuerMark,
        );
        push_field(
            &mut units,
            &meta.doc_number.agency_code,
            MetaField::AgencyCode,
            Role::DocNumber,
        );
        push_field(&mut units, &meta.title, MetaField::Title, Role::Title);
        push_field(
            &mut units,
            &meta.recipients,
            MetaField::Recipients,
            Role::Recipients,
        );
        for section in &draft.sections {
            let target = TextRef::Node {
                id: section.id,
                part: TextField::Title,
            };
            if section.numbered {
                let role = Role::Heading {
                    level: 1,
                    typed: false,
                    key: Some(section.key.as_str()),
                };
                push_lines(&mut units, &section.title, target, role, true);
            }
            push_nodes(&mut units, &section.children, 2);
        }
        let attachments = MetaField::Attachments;
        // The form value of 附件说明 is the names joined by newlines: fixes edit that.
        let mut base = 0;
        for name in &meta.attachments {
            units.push(Unit {
                text: name,
                target: field(attachments),
                base,
                role: Role::Attachment,
                starts_paragraph: true,
                joins_next: false,
            });
            base += name.chars().count() + 1;
        }
        push_field(
            &mut units,
            &meta.signature,
            MetaField::Signature,
            Role::Signature,
        );
        push_field(&mut units, &meta.cc, MetaField::Cc, Role::Cc);
        push_field(&mut units, &meta.printer, MetaField::Printer, Role::Printer);
        let dated = |date: Option<CalendarDate>, f| {
            date.map(|date| Dated {
                date,
                location: Location::Text {
                    target: field(f),
                    range: None,
                },
            })
        };
        Doc {
            units,
            report_year: Some(draft.report_year),
            issue_date: dated(meta.date, MetaField::Date),
            print_date: dated(meta.print_date, MetaField::PrintDate),
            doc_year: meta.doc_number.year.map(|y| {
                let location = Location::Text {
                    target: field(MetaField::DocYear),
                    range: None,
                };
                (y, location)
            }),
            from_draft: true,
            secrecy_reviewed: draft.secrecy_reviewed,
            overlong_cells: draft
                .attachment_table
                .as_ref()
                .map(|t| t.overlong_cells(draft.plan.as_ref().map(|p| &p.plan)))
                .unwrap_or_default(),
            no_text: crate::empty_parts::empty_parts(draft)
                .map(|s| s.id)
                .collect(),
        }
    }

    pub fn from_text(text: &'a str) -> Doc<'a> {
        let lines: Vec<(usize, &str)> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l))
            .collect();
        let roles = classify(&lines);
        let mut units: Vec<Unit> = lines
            .iter()
            .zip(&roles)
            .map(|(&(line, text), &role)| Unit {
                text,
                target: TextRef::Line { line },
                base: 0,
                role,
                starts_paragraph: true,
                joins_next: false,
            })
            .collect();
        for i in 1..units.len() {
            let continues = units[i].role == Role::Body && parse_label(units[i].text).is_none();
            let previous = &units[i - 1];
            let wraps = matches!(
                previous.role,
                Role::Body | Role::Heading { .. } | Role::Title
            ) && !ends_sentence(previous.text.trim_end());
            if continues && wraps {
                units[i - 1].joins_next = true;
                units[i].starts_paragraph = false;
            }
        }
        let first_date = |role: Role| {
            units.iter().find(|u| u.role == role).and_then(|u| {
                parse_date(u.text).map(|(date, bytes)| Dated {
                    date,
                    location: u.at(bytes),
                })
            })
        };
        let issue_date = first_date(Role::Date);
        let print_date = first_date(Role::PrintDate);
        let doc_year = units
            .iter()
            .filter(|u| u.role == Role::DocNumber)
            .find_map(|u| doc_numbers(u.text).next().map(|n| (n, u)))
            .and_then(|(n, u)| Some((n.year?, u.at(n.year_bytes))));
        let title: String = units
            .iter()
            .filter(|u| u.role == Role::Title)
            .map(|u| u.text)
            .collect();
        let report_year = scan::years(&title)
            .next()
            .or_else(|| units.iter().find_map(|u| scan::years(u.text).next()))
            .map(|(year, _)| year);
        Doc {
            units,
            report_year,
            issue_date,
            print_date,
            doc_year,
            from_draft: false,
            secrecy_reviewed: false,
            overlong_cells: Vec::new(),
            no_text: Vec::new(),
        }
    }
}

/// One unit per non-empty line of `text`, with character offsets into the whole text.
fn push_lines<'a>(
    units: &mut Vec<Unit<'a>>,
    text: &'a str,
    target: TextRef,
    role: Role<'a>,
    starts_paragraph: bool,
) {
    let mut base = 0;
    for (i, line) in text.split('\n').enumerate() {
        if !line.trim().is_empty() {
            units.push(Unit {
                text: line.strip_suffix('\r').unwrap_or(line),
                target,
                base,
                role,
                starts_paragraph: starts_paragraph || i > 0,
                joins_next: false,
            });
        }
        base += line.chars().count() + 1;
    }
}

fn push_nodes<'a>(units: &mut Vec<Unit<'a>>, nodes: &'a [Node], level: u8) {
    for node in nodes {
        match node {
            Node::Paragraph { id, text } => {
                let target = TextRef::Node {
                    id: *id,
                    part: TextField::Text,
                };
                push_lines(units, text, target, Role::Body, true);
            }
            Node::Heading {
                id,
                title,
                text,
                children,
            } => {
                let role = Role::Heading {
                    level,
                    typed: false,
                    key: None,
                };
                let title_ref = TextRef::Node {
                    id: *id,
                    part: TextField::Title,
                };
                push_lines(units, title, title_ref, role, true);
                let text_ref = TextRef::Node {
                    id: *id,
                    part: TextField::Text,
                };
                // The first line of run-in text is printed after the title, in its paragraph.
                push_lines(units, text, text_ref, Role::Body, false);
                push_nodes(units, children, level + 1);
            }
        }
    }
}

/// Whether a line ends a sentence (so the next line is not its continuation).
fn ends_sentence(line: &str) -> bool {
    let mut rev = line.chars().rev();
    match rev.next() {
        Some('。' | '！' | '？' | '；' | '：' | '…' | ':' | ';') => true,
        Some('”' | '’' | '）' | ')') => matches!(rev.next(), Some('。' | '！' | '？')),
        _ => false,
    }
}

/// Roles of the non-empty lines of a plain-text report: header lines from the top,
/// footer lines from the bottom, everything between is body.
fn classify<'a>(lines: &[(usize, &str)]) -> Vec<Role<'a>> {
    let text = |i: usize| lines[i].1.trim();
    let mut roles = vec![Role::Body; lines.len()];
    let mut start = 0;
    while start < lines.len() && start < 4 {
        let t = text(start);
        roles[start] = if t.starts_with("签发人") {
            Role::Signers
        } else if doc_numbers(t).next().is_some()
            && !has_sentence_punct(t)
            && t.chars().count() <= 40
        {
            Role::DocNumber
        } else if t.ends_with("文件") && is_short_plain(t) {
            Role::IssuerMark
        } else {
            break;
        };
        start += 1;
    }
    // A title may end in a stray mark (which `title-form` reports), not hold sentences.
    let is_title_line = |t: &str| {
        let words = t.trim_end_matches(is_trailing_punct);
        words.chars().count() <= 60
            && !words.contains(['，', '。', '；', ',', ';'])
            && parse_label(t).is_none()
            && parse_date(t).is_none()
    };
    let names_report = |t: &str| ["报告", "汇报", "总结"].iter().any(|w| t.contains(w));
    if start < lines.len() && is_title_line(text(start)) {
        let second = start + 1 < lines.len() && is_title_line(text(start + 1));
        if names_report(text(start)) {
            roles[start] = Role::Title;
            start += 1;
        } else if second && names_report(text(start + 1)) {
            roles[start] = Role::Title;
            roles[start + 1] = Role::Title;
            start += 2;
        }
        if start > 0 && roles[start - 1] == Role::Title && start < lines.len() {
            let t = text(start);
            let colon = t.ends_with('：') || t.ends_with(':');
            let organ = ["委", "政府", "局", "厅", "办", "部"]
                .iter()
                .any(|s| t.ends_with(s));
            if t.chars().count() <= 50
                && !t.contains('。')
                && parse_label(t).is_none()
                && (colon || organ && !t.contains('，'))
            {
                roles[start] = Role::Recipients;
                start += 1;
            }
        }
    }
    let mut end = lines.len();
    while end > start {
        let t = text(end - 1);
        let role = if t.ends_with("印发") {
            Role::PrintDate
        } else if t.starts_with("抄送") {
            Role::Cc
        } else if is_date_line(t) {
            Role::Date
        } else if is_short_plain(t) && parse_label(t).is_none() && end < lines.len() {
            match roles[end] {
                Role::Date => Role::Signature,
                Role::PrintDate => Role::Printer,
                _ => break,
            }
        } else {
            break;
        };
        roles[end - 1] = role;
        end -= 1;
    }
    let unlabeled_parts = !has_labelled_parts(lines[start..end].iter().map(|&(_, l)| l));
    let mut in_attachments = false;
    for (role, &(_, line)) in roles[start..end].iter_mut().zip(&lines[start..end]) {
        let t = line.trim();
        let note = t.starts_with("附件：") || t.starts_with("附件:");
        let item =
            in_attachments && parse_label(t).is_some_and(|l| l.level == 3) && !t.contains('。');
        in_attachments = note || item;
        *role = if in_attachments {
            Role::Attachment
        } else if let Some(label) = parse_label(t) {
            Role::Heading {
                level: label.level,
                typed: true,
                key: None,
            }
        } else if part_heading(t, unlabeled_parts).is_some() {
            Role::Heading {
                level: 1,
                typed: true,
                key: None,
            }
        } else {
            Role::Body
        };
    }
    roles
}

/// Short, without sentence punctuation: a title, organ name or signature line.
fn is_short_plain(t: &str) -> bool {
    t.chars().count() <= 40 && !has_sentence_punct(t)
}

fn has_sentence_punct(t: &str) -> bool {
    t.contains(['，', '。', '；', ',', ';'])
        || t.ends_with(|c| is_trailing_punct(c) && c != '：' && c != ':')
}
