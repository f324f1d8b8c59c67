//! The page's blocks as rows of printed lines: paragraphs broken at the 字 a line holds,
//! the 签发人 lines split at their tab, the 版记 under its rules.

use super::breaking::break_line;
use super::paginate::{Block, Imprint};
use super::{Align, Line, Part, Rule, Run, Source};
use crate::page::measures::{
    border_twips, CC_HANG, CC_LEFT, IMPRINT_LINE, IMPRINT_THICK, IMPRINT_THIN, LINE_ZI, SIZE_2,
    SIZE_3, SIZE_4, TEXT_WIDTH, TITLE_LINE_ZI, ZI_4,
};
use crate::page::{self, FontRole, LineHeight, ProfilePage, TabStop};
use crate::MetaField;

fn row_height(line: LineHeight, page: &ProfilePage) -> i32 {
    match line {
        LineHeight::Grid => page.line_pitch,
        LineHeight::Exact(height) => height,
    }
}

/// 字 of a size a line of the 版心 holds; `None` for the 发文机关标志, which is sized
/// to fit its line.
fn line_zi(size: usize) -> Option<f64> {
    match size {
        SIZE_3 => Some(LINE_ZI),
        SIZE_2 => Some(TITLE_LINE_ZI),
        _ => None,
    }
}

/// One 字 of a size, in twips: the profile's for 3号 text, the size itself otherwise.
fn zi_twips(size: usize, page: &ProfilePage) -> i32 {
    if size == SIZE_3 {
        page.zi
    } else {
        size as i32 * 10
    }
}

pub(super) fn blank(line: LineHeight, keep_next: bool, page: &ProfilePage) -> Block {
    Block {
        rows: vec![Vec::new()],
        row_height: row_height(line, page),
        red_line: false,
        keep_next,
        page_break_before: false,
    }
}

pub(super) fn paragraph(paragraph: &page::Paragraph, page: &ProfilePage) -> Block {
    let rows = match &paragraph.tab {
        Some(tab) => vec![tabbed_row(paragraph, tab)],
        None => flowed_rows(paragraph, page),
    };
    Block {
        rows,
        row_height: row_height(paragraph.line, page),
        red_line: paragraph.red_line,
        keep_next: paragraph.keep_next,
        page_break_before: paragraph.page_break_before,
    }
}

/// The attached table in one line: the preview does not lay out table cells.
pub(super) fn table_summary(table: &page::Table, page: &ProfilePage) -> Block {
    let summary = Line {
        kind: Part::AttachmentPage,
        runs: vec![Run {
            text: format!("（表格，共{}行，见导出文件）", table.rows.len()),
            font: FontRole::FangSong,
        }],
        align: Align::Center,
        top: 0,
        height: 0,
        left: 0,
        right: 0,
        size: SIZE_3,
        source: Source::Field(MetaField::Attachments),
    };
    Block {
        rows: vec![vec![summary]],
        ..blank(LineHeight::Grid, false, page)
    }
}

/// A line of the paragraph holding `runs`, before it is placed.
fn unplaced(
    paragraph: &page::Paragraph,
    runs: Vec<Run>,
    align: Align,
    left: i32,
    right: i32,
) -> Line {
    Line {
        kind: paragraph.part,
        runs,
        align,
        top: 0,
        height: 0,
        left,
        right,
        size: paragraph.size,
        source: paragraph.source,
    }
}

/// The paragraph's text broken into lines, its placed breaks kept; justified paragraphs
/// stretch every line but the last. Indents count in whole 字, as the grid places text.
fn flowed_rows(paragraph: &page::Paragraph, page: &ProfilePage) -> Vec<Vec<Line>> {
    let p = paragraph;
    let zi = zi_twips(p.size, page);
    let in_zi = |twips: i32| (f64::from(twips) / f64::from(zi)).round() as i32;
    let (left, first, right) = (in_zi(p.left), in_zi(p.first), in_zi(p.right));
    let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    // The whole paragraph on one line: the 发文机关标志, sized to fit it, or an empty
    // paragraph, which still takes its line.
    let one_line = || {
        vec![vec![unplaced(
            p,
            p.runs.clone(),
            p.align,
            (left + first) * zi,
            right * zi,
        )]]
    };
    let Some(line_zi) = line_zi(p.size) else {
        return one_line();
    };
    let width = line_zi - f64::from(left + right);
    // Each line as the character it starts at in the joined runs and its length.
    let mut spans = Vec::new();
    let mut at = 0;
    for (i, segment) in text.split('\n').enumerate() {
        let first_width = if i == 0 {
            width - f64::from(first)
        } else {
            width
        };
        for line in break_line(segment, first_width, width) {
            let chars = line.chars().count();
            spans.push((at, chars));
            at += chars;
        }
        // The placed line break.
        at += 1;
    }
    if spans.is_empty() {
        return one_line();
    }
    let count = spans.len();
    spans
        .into_iter()
        .enumerate()
        .map(|(i, (at, chars))| {
            let align = match p.align {
                Align::Justify if i + 1 == count => Align::Left,
                align => align,
            };
            let indent = if i == 0 { left + first } else { left };
            vec![unplaced(
                p,
                split_runs(&p.runs, at, chars),
                align,
                indent * zi,
                right * zi,
            )]
        })
        .collect()
}

/// A 签发人 line: the lead (the 发文字号) at the first-line indent, the names at the stop.
fn tabbed_row(paragraph: &page::Paragraph, tab: &TabStop) -> Vec<Line> {
    let p = paragraph;
    let mut row = Vec::new();
    if let Some(lead) = &tab.lead {
        row.push(Line {
            kind: lead.part,
            source: lead.source,
            ..unplaced(p, vec![lead.run.clone()], Align::Left, p.left + p.first, 0)
        });
    }
    row.push(unplaced(p, p.runs.clone(), p.align, tab.position, p.right));
    row
}

/// The runs of `chars` characters starting at character `at` of the joined runs.
fn split_runs(runs: &[Run], at: usize, chars: usize) -> Vec<Run> {
    let mut out = Vec::new();
    let mut start = 0;
    for run in runs {
        let len = run.text.chars().count();
        let (from, to) = (at.max(start), (at + chars).min(start + len));
        if from < to {
            out.push(Run {
                text: run
                    .text
                    .chars()
                    .skip(from - start)
                    .take(to - from)
                    .collect(),
                font: run.font,
            });
        }
        start += len;
    }
    out
}

/// The 版记's lines and rules from its own top.
pub(super) fn imprint(imprint: &page::Imprint) -> Imprint {
    let page::Imprint {
        cc,
        printer,
        print_date,
    } = imprint;
    let thick = border_twips(IMPRINT_THICK);
    let thin = border_twips(IMPRINT_THIN);
    let rule = |top, thickness| Rule {
        top,
        thickness,
        red: false,
    };
    let mut rules = vec![rule(0, thick)];
    let mut lines = Vec::new();
    let mut y = thick;
    // 4号 characters on a line of the 版心.
    let line_zi = f64::from(TEXT_WIDTH / ZI_4);
    if !cc.is_empty() {
        let width = line_zi - 1.0 - f64::from(CC_LEFT);
        for (i, text) in break_line(cc, width + f64::from(CC_HANG), width)
            .into_iter()
            .enumerate()
        {
            let left = if i == 0 { CC_LEFT - CC_HANG } else { CC_LEFT };
            lines.push(imprint_line(text, y, Align::Left, MetaField::Cc).indent(left * ZI_4, ZI_4));
            y += IMPRINT_LINE;
        }
    }
    if !printer.is_empty() || !print_date.is_empty() {
        if !lines.is_empty() {
            rules.push(rule(y, thin));
            y += thin;
        }
        if !printer.is_empty() {
            lines.push(
                imprint_line(printer.clone(), y, Align::Left, MetaField::Printer).indent(ZI_4, 0),
            );
        }
        if !print_date.is_empty() {
            lines.push(
                imprint_line(print_date.clone(), y, Align::Right, MetaField::PrintDate)
                    .indent(0, ZI_4),
            );
        }
        y += IMPRINT_LINE;
    }
    rules.push(rule(y, thick));
    Imprint {
        lines,
        rules,
        height: y + thick,
    }
}

fn imprint_line(text: String, top: i32, align: Align, field: MetaField) -> Line {
    Line {
        kind: Part::Imprint,
        runs: vec![Run {
            text,
            font: FontRole::FangSong,
        }],
        align,
        top,
        height: IMPRINT_LINE,
        left: 0,
        right: 0,
        size: SIZE_4,
        source: Source::Field(field),
    }
}

impl Line {
    fn indent(self, left: i32, right: i32) -> Line {
        Line {
            left,
            right,
            ..self
        }
    }
}
