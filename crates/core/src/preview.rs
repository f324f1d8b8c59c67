//! The draft laid out into A4 pages the way the exported .docx lays out, for a live
//! preview: the same elements in the same order with the same line heights, indents and
//! fonts (all taken from [`crate::docx`]), lines broken at 28 字 with Chinese
//! line-breaking rules, and pages broken where LibreOffice breaks them as far as
//! counting can tell (keep-with-next headings and 署名, two-line widow and orphan
//! control, the 版记 at the bottom of the last page).
//!
//! Every length is in twips (1/20 pt); vertical positions count from the 版心 top.

use std::collections::VecDeque;

use crate::attachment::AttachmentTable;
use crate::docx::build::{
    annotation_text, attachment_items, attachment_label, balanced_lines, imprint_texts,
    recipients_text, run_in_label, signer_layout, split_lines, ATTACHMENT_HANG, ATTACHMENT_LEFT,
    CC_HANG, CC_LEFT, SIGNER_LABEL,
};
use crate::docx::layout::{
    border_twips, mark_line, mark_size_pt, signature_blank_lines, signature_indents, zi_of, Page,
    FOOTER, IMPRINT_LINE, IMPRINT_THICK, IMPRINT_THIN, LINE_ZI, MARGIN_LEFT, MARK_SPACER,
    PAGE_HEIGHT, PAGE_WIDTH, RED_LINE_SIZE, RED_LINE_SPACE, SIZE_2, SIZE_3, SIZE_4, TEXT_WIDTH,
    TITLE_LINE, TITLE_LINE_ZI, ZI_4,
};
use crate::docx::{ExportOptions, FontRole};
use crate::labels::heading_label;
use crate::model::{Draft, Node, NodeId};
use crate::xml_text::clean_text;
use crate::MetaField;

/// LibreOffice's default widow and orphan control (the export sets none of its own):
/// a paragraph split across pages leaves at least two lines on each.
const MIN_SPLIT_LINES: usize = 2;

/// The red line's distance below its line box and its thickness, in twips.
const RED_LINE: (i32, i32) = (RED_LINE_SPACE as i32 * 20, border_twips(RED_LINE_SIZE));

/// The laid-out document.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub geometry: Geometry,
    pub pages: Vec<PreviewPage>,
}

/// Page geometry of the draft's layout profile, in twips.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    pub page_width: i32,
    pub page_height: i32,
    pub margin_top: i32,
    pub margin_left: i32,
    /// The 版心.
    pub text_width: i32,
    pub text_height: i32,
    /// Bottom of the page number above the page's bottom edge.
    pub footer: i32,
    /// Character spacing of 3号 text, in twips.
    pub run_spacing: i32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PreviewPage {
    /// 1-based; printed as "— N —", right on odd pages and left on even ones.
    pub number: usize,
    pub lines: Vec<Line>,
    pub rules: Vec<Rule>,
    /// The 版记 did not fit under the text and stands alone on this last page.
    pub imprint_only: bool,
}

impl PreviewPage {
    pub fn page_number_text(&self) -> String {
        format!("— {} —", self.number)
    }
}

/// One printed line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub kind: LineKind,
    /// Text in its fonts: one run, or two for a run-in heading or the 签发人.
    pub runs: Vec<Run>,
    pub align: Align,
    /// Top of the line box below the 版心 top, and its exact height.
    pub top: i32,
    pub height: i32,
    /// Indents from the 版心's left and right edges.
    pub left: i32,
    pub right: i32,
    /// Font size in half-points (`w:sz`).
    pub size: usize,
    /// Where the text is edited.
    pub source: Source,
}

impl Line {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub font: FontRole,
}

/// What a line is, for its colour and spacing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// 发文机关标志, red.
    Mark,
    DocNumber,
    Signer,
    Title,
    Recipients,
    /// Level 1–4 heading line (stand-alone or run-in).
    Heading(u8),
    Body,
    Attachment,
    Signature,
    Date,
    Note,
    /// 版记 (抄送, 印发机关, 印发日期).
    Imprint,
    /// The attachment's label, title and table summary, on pages after the 署名.
    AttachmentPage,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Stretched to the full width: a line of a justified paragraph other than its last.
    Justify,
}

/// The editor field a line comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A section (its 一、 heading) or a heading or paragraph node.
    Node(NodeId),
    Field(MetaField),
}

/// A horizontal rule across the 版心: the red line under the 发文字号, the 版记's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Top edge below the 版心 top.
    pub top: i32,
    pub thickness: i32,
    pub red: bool,
}

/// Lays the draft out with its own export options.
pub fn layout(draft: &Draft) -> Preview {
    layout_with(draft, &draft.export)
}

pub fn layout_with(draft: &Draft, options: &ExportOptions) -> Preview {
    let draft = &*crate::empty_parts::apply(draft, options.empty_parts);
    let page = options.profile.page();
    let mut blocks = Blocks {
        page,
        out: Vec::new(),
    };
    let meta = &draft.meta;
    if options.red_header {
        blocks.red_header(draft);
    }
    blocks.title(
        &meta.title,
        LineKind::Title,
        Source::Field(MetaField::Title),
    );
    if let Some(recipients) = recipients_text(meta) {
        blocks.blank();
        blocks.paragraph(
            LineKind::Recipients,
            &[(recipients, FontRole::FangSong)],
            0,
            0,
            Align::Left,
            Source::Field(MetaField::Recipients),
        );
    }
    blocks.body(draft);
    blocks.attachments(&meta.attachments);
    blocks.signature(draft, options.sealed);
    if let Some(note) = annotation_text(meta) {
        blocks.paragraph(
            LineKind::Note,
            &[(clean_text(&note), FontRole::FangSong)],
            2,
            0,
            Align::Left,
            Source::Field(MetaField::Annotation),
        );
    }
    if let Some(table) = &draft.attachment_table {
        blocks.attachment_table(draft, table);
    }
    let imprint = imprint(draft);
    let geometry = Geometry {
        page_width: PAGE_WIDTH as i32,
        page_height: PAGE_HEIGHT as i32,
        margin_top: page.top,
        margin_left: MARGIN_LEFT,
        text_width: TEXT_WIDTH,
        text_height: PAGE_HEIGHT as i32 - page.top - page.bottom,
        footer: FOOTER,
        run_spacing: page.run_spacing,
    };
    Preview {
        pages: paginate(blocks.out, imprint, geometry.text_height),
        geometry,
    }
}

impl Line {
    fn new(kind: LineKind, font: FontRole, text: String, size: usize) -> Line {
        Line {
            kind,
            runs: vec![Run { text, font }],
            align: Align::Left,
            top: 0,
            height: 0,
            left: 0,
            right: 0,
            size,
            source: Source::Field(MetaField::Title),
        }
    }

    fn align(self, align: Align) -> Line {
        Line { align, ..self }
    }

    fn source(self, source: Source) -> Line {
        Line { source, ..self }
    }

    fn indent(self, left: i32, right: i32) -> Line {
        Line {
            left,
            right,
            ..self
        }
    }
}

/// A paragraph: rows of one height (an empty row for an empty paragraph), kept together
/// with the next block or not.
struct Block {
    /// The lines of each row: usually one, two where a tab splits the row.
    rows: Vec<Vec<Line>>,
    row_height: i32,
    /// The red line drawn as the block's bottom border, which adds to its height.
    red_line: bool,
    keep_next: bool,
    /// Starts a new page, as an attachment does.
    page_break_before: bool,
}

impl Block {
    fn new(rows: Vec<Vec<Line>>, row_height: i32) -> Block {
        Block {
            rows,
            row_height,
            red_line: false,
            keep_next: false,
            page_break_before: false,
        }
    }

    fn keep_next(self) -> Block {
        Block {
            keep_next: true,
            ..self
        }
    }

    fn height(&self) -> i32 {
        self.rows.len() as i32 * self.row_height
            + if self.red_line {
                RED_LINE.0 + RED_LINE.1
            } else {
                0
            }
    }

    /// The least of the block that must share a page with what is kept with it.
    fn first_part_height(&self) -> i32 {
        let rows = self.rows.len();
        let first = if rows < 2 * MIN_SPLIT_LINES {
            rows
        } else {
            MIN_SPLIT_LINES
        };
        first as i32 * self.row_height
    }
}

struct Blocks {
    page: Page,
    out: Vec<Block>,
}

impl Blocks {
    fn push(&mut self, block: Block) {
        self.out.push(block);
    }

    fn blank(&mut self) {
        self.push(Block::new(vec![Vec::new()], self.page.line_pitch));
    }

    /// A 3号 paragraph of `runs`, its first line indented `first_zi` 字, broken into
    /// lines; justified paragraphs stretch every line but the last.
    fn paragraph(
        &mut self,
        kind: LineKind,
        runs: &[(String, FontRole)],
        first_zi: i32,
        right_zi: i32,
        align: Align,
        source: Source,
    ) -> &mut Block {
        let zi = self.page.zi;
        let text: String = runs.iter().map(|(t, _)| t.as_str()).collect();
        let width = LINE_ZI - f64::from(right_zi);
        let lines = break_line(&text, width - f64::from(first_zi), width);
        let count = lines.len();
        let mut at = 0;
        let rows = lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                let chars = line.chars().count();
                let runs = split_runs(runs, at, chars);
                at += chars;
                let align = match align {
                    Align::Justify if i + 1 == count => Align::Left,
                    align => align,
                };
                let first = if i == 0 { first_zi } else { 0 };
                vec![Line {
                    kind,
                    runs,
                    align,
                    top: 0,
                    height: 0,
                    left: first * zi,
                    right: right_zi * zi,
                    size: SIZE_3,
                    source,
                }]
            })
            .collect();
        self.push(Block::new(rows, self.page.line_pitch));
        self.out.last_mut().expect("just pushed")
    }

    fn red_header(&mut self, draft: &Draft) {
        let meta = &draft.meta;
        let pitch = self.page.line_pitch;
        self.push(Block::new(vec![Vec::new()], MARK_SPACER));
        let mark = clean_text(meta.issuer_mark.trim());
        let size_pt = mark_size_pt(&mark);
        let mark_row = Line::new(
            LineKind::Mark,
            FontRole::XiaoBiaoSong,
            mark,
            (size_pt * 2.0).floor() as usize,
        )
        .align(Align::Center)
        .source(Source::Field(MetaField::IssuerMark));
        self.push(Block::new(vec![vec![mark_row]], mark_line(size_pt)));
        self.blank();
        self.blank();
        let number = Line::new(
            LineKind::DocNumber,
            FontRole::FangSong,
            meta.doc_number.display(),
            SIZE_3,
        )
        .source(Source::Field(MetaField::AgencyCode));
        let rows = match signer_layout(meta, self.page.zi) {
            None => vec![vec![number.align(Align::Center)]],
            // As the writer: names two a line under the first, 发文字号 on the last line.
            Some(signers) => {
                let last = signers.lines.len() - 1;
                let mut rows: Vec<Vec<Line>> = signers
                    .lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, names)| {
                        let mut runs = vec![Run {
                            text: names,
                            font: FontRole::KaiTi,
                        }];
                        if i == 0 {
                            runs.insert(
                                0,
                                Run {
                                    text: SIGNER_LABEL.into(),
                                    font: FontRole::FangSong,
                                },
                            );
                        }
                        let left = if i == 0 {
                            signers.label_left
                        } else {
                            signers.names_left
                        };
                        vec![Line {
                            runs,
                            ..Line::new(LineKind::Signer, FontRole::FangSong, String::new(), SIZE_3)
                                .indent(left, 0)
                                .source(Source::Field(MetaField::Signers))
                        }]
                    })
                    .collect();
                rows[last].insert(0, number.indent(self.page.zi, 0));
                rows
            }
        };
        self.push(Block::new(rows, pitch));
        self.out.last_mut().expect("just pushed").red_line = true;
        self.blank();
        self.blank();
    }

    fn body(&mut self, draft: &Draft) {
        let mut ordinal = 0;
        for section in &draft.sections {
            if section.numbered {
                ordinal += 1;
                let heading = format!("{}{}", heading_label(1, ordinal), section.title.trim());
                self.paragraph(
                    LineKind::Heading(1),
                    &[(clean_text(&heading), FontRole::HeiTi)],
                    2,
                    0,
                    Align::Left,
                    Source::Node(section.id),
                )
                .keep_next = true;
            }
            self.nodes(&section.children, 2);
        }
    }

    fn nodes(&mut self, nodes: &[Node], level: u8) {
        let mut ordinal = 0;
        for node in nodes {
            match node {
                Node::Paragraph { id, text } => {
                    for line in split_lines(text) {
                        self.body_paragraph(line, Source::Node(*id));
                    }
                }
                Node::Heading {
                    id,
                    title,
                    text,
                    children,
                } => {
                    ordinal += 1;
                    let font = if level == 2 {
                        FontRole::KaiTi
                    } else {
                        FontRole::FangSong
                    };
                    let label = format!("{}{}", heading_label(level, ordinal), title.trim());
                    let mut lines = split_lines(text);
                    let source = Source::Node(*id);
                    match lines.next() {
                        Some(first) => {
                            self.paragraph(
                                LineKind::Heading(level),
                                &[
                                    (clean_text(&run_in_label(&label)), font),
                                    (clean_text(first), FontRole::FangSong),
                                ],
                                2,
                                0,
                                Align::Justify,
                                source,
                            );
                            for line in lines {
                                self.body_paragraph(line, source);
                            }
                        }
                        None => {
                            self.paragraph(
                                LineKind::Heading(level),
                                &[(clean_text(&label), font)],
                                2,
                                0,
                                Align::Justify,
                                source,
                            )
                            .keep_next = true;
                        }
                    }
                    self.nodes(children, level + 1);
                }
            }
        }
    }

    fn body_paragraph(&mut self, text: &str, source: Source) {
        self.paragraph(
            LineKind::Body,
            &[(clean_text(text), FontRole::FangSong)],
            2,
            0,
            Align::Justify,
            source,
        );
    }

    /// A title in 2号 小标宋, centred and broken into balanced lines.
    fn title(&mut self, title: &str, kind: LineKind, source: Source) {
        let title = clean_text(title.trim());
        if title.is_empty() {
            return;
        }
        let mut rows = Vec::new();
        for line in balanced_lines(&title, TITLE_LINE_ZI) {
            for text in break_line(&line, TITLE_LINE_ZI, TITLE_LINE_ZI) {
                rows.push(vec![Line::new(kind, FontRole::XiaoBiaoSong, text, SIZE_2)
                    .align(Align::Center)
                    .source(source)]);
            }
        }
        self.push(Block::new(rows, TITLE_LINE).keep_next());
    }

    /// The attachment's first page as the export starts it (label, title), with the
    /// table summarised in one line: the preview does not lay out table cells.
    fn attachment_table(&mut self, draft: &Draft, table: &AttachmentTable) {
        let label = attachment_label(&draft.meta.attachments, &table.title);
        let source = Source::Field(MetaField::Attachments);
        let block = self.paragraph(
            LineKind::AttachmentPage,
            &[(label, FontRole::HeiTi)],
            0,
            0,
            Align::Left,
            source,
        );
        block.page_break_before = true;
        block.keep_next = true;
        self.blank();
        self.title(&table.title, LineKind::AttachmentPage, source);
        self.blank();
        let rows = table
            .rows(draft.plan.as_ref().map(|state| &state.plan))
            .len();
        self.paragraph(
            LineKind::AttachmentPage,
            &[(
                format!("（表格，共{rows}行，见导出文件）"),
                FontRole::FangSong,
            )],
            0,
            0,
            Align::Center,
            source,
        );
    }

    fn attachments(&mut self, attachments: &[String]) {
        let items = attachment_items(attachments);
        if items.is_empty() {
            return;
        }
        self.blank();
        let zi = self.page.zi;
        for (i, item) in items.iter().enumerate() {
            // Indented 5 字 throughout; the first line starts 3 字 further left.
            let first = if i == 0 { -ATTACHMENT_HANG } else { 0 };
            let text = clean_text(item);
            let width = LINE_ZI - f64::from(ATTACHMENT_LEFT);
            let lines = break_line(&text, width - f64::from(first), width);
            let rows = lines
                .into_iter()
                .enumerate()
                .map(|(n, line)| {
                    let left = ATTACHMENT_LEFT + if n == 0 { first } else { 0 };
                    vec![
                        Line::new(LineKind::Attachment, FontRole::FangSong, line, SIZE_3)
                            .indent(left * zi, 0)
                            .source(Source::Field(MetaField::Attachments)),
                    ]
                })
                .collect();
            self.push(Block::new(rows, self.page.line_pitch));
        }
    }

    fn signature(&mut self, draft: &Draft, sealed: bool) {
        let name = clean_text(draft.meta.signature.trim());
        let date = draft.meta.date.map(|d| d.to_string()).unwrap_or_default();
        if name.is_empty() && date.is_empty() {
            return;
        }
        let (name_right, date_right) = signature_indents(&name, &date, sealed);
        let right = |zi: f64| zi.round() as i32;
        for _ in 0..signature_blank_lines(sealed) {
            self.blank();
            self.out.last_mut().expect("just pushed").keep_next = true;
        }
        if !name.is_empty() {
            self.paragraph(
                LineKind::Signature,
                &[(name, FontRole::FangSong)],
                0,
                right(name_right),
                Align::Right,
                Source::Field(MetaField::Signature),
            )
            .keep_next = true;
        }
        if !date.is_empty() {
            self.paragraph(
                LineKind::Date,
                &[(date, FontRole::FangSong)],
                0,
                right(date_right),
                Align::Right,
                Source::Field(MetaField::Date),
            );
        }
    }
}

/// The runs of `chars` characters starting at character `at` of the joined runs.
fn split_runs(runs: &[(String, FontRole)], at: usize, chars: usize) -> Vec<Run> {
    let mut out = Vec::new();
    let mut start = 0;
    for (text, font) in runs {
        let len = text.chars().count();
        let (from, to) = (at.max(start), (at + chars).min(start + len));
        if from < to {
            out.push(Run {
                text: text.chars().skip(from - start).take(to - from).collect(),
                font: *font,
            });
        }
        start += len;
    }
    out
}

/// The 版记 rows with their rules, laid out from its own top; `None` when empty.
struct Imprint {
    lines: Vec<Line>,
    rules: Vec<Rule>,
    height: i32,
}

fn imprint(draft: &Draft) -> Option<Imprint> {
    let (cc, printer, print_date) = imprint_texts(&draft.meta);
    if cc.is_empty() && printer.is_empty() && print_date.is_empty() {
        return None;
    }
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
        for (i, text) in break_line(&cc, width + f64::from(CC_HANG), width)
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
            lines.push(imprint_line(printer, y, Align::Left, MetaField::Printer).indent(ZI_4, 0));
        }
        if !print_date.is_empty() {
            lines.push(
                imprint_line(print_date, y, Align::Right, MetaField::PrintDate).indent(0, ZI_4),
            );
        }
        y += IMPRINT_LINE;
    }
    rules.push(rule(y, thick));
    Some(Imprint {
        lines,
        rules,
        height: y + thick,
    })
}

fn imprint_line(text: String, top: i32, align: Align, field: MetaField) -> Line {
    Line {
        top,
        height: IMPRINT_LINE,
        ..Line::new(LineKind::Imprint, FontRole::FangSong, text, SIZE_4)
            .align(align)
            .source(Source::Field(field))
    }
}

/// Fills pages of `text_height` with the blocks, then pins the 版记 to the bottom of the
/// last page, or of a page of its own when it does not fit under the text.
fn paginate(blocks: Vec<Block>, imprint: Option<Imprint>, text_height: i32) -> Vec<PreviewPage> {
    let mut pages = Pager {
        pages: vec![PreviewPage {
            number: 1,
            lines: Vec::new(),
            rules: Vec::new(),
            imprint_only: false,
        }],
        y: 0,
        text_height,
    };
    let mut blocks = VecDeque::from(blocks);
    while !blocks.is_empty() {
        // A chain of keep-with-next blocks and the start of the block that ends it.
        let mut end = 0;
        let mut needed = 0;
        while blocks[end].keep_next && end + 1 < blocks.len() {
            needed += blocks[end].height();
            end += 1;
        }
        needed += blocks[end].first_part_height();
        if pages.y > 0 && (blocks[0].page_break_before || pages.y + needed > text_height) {
            pages.new_page();
        }
        for block in blocks.drain(..=end) {
            pages.place(block);
        }
    }
    if let Some(imprint) = imprint {
        if pages.y > 0 && pages.y + imprint.height > text_height {
            pages.new_page();
            pages.current().imprint_only = true;
        }
        let top = text_height - imprint.height;
        let page = pages.current();
        page.lines
            .extend(imprint.lines.into_iter().map(|line| Line {
                top: top + line.top,
                ..line
            }));
        page.rules
            .extend(imprint.rules.into_iter().map(|rule| Rule {
                top: top + rule.top,
                ..rule
            }));
    }
    pages.pages
}

struct Pager {
    pages: Vec<PreviewPage>,
    /// Filled height of the current page.
    y: i32,
    text_height: i32,
}

impl Pager {
    fn current(&mut self) -> &mut PreviewPage {
        self.pages.last_mut().expect("never empty")
    }

    fn new_page(&mut self) {
        let number = self.pages.len() + 1;
        self.pages.push(PreviewPage {
            number,
            lines: Vec::new(),
            rules: Vec::new(),
            imprint_only: false,
        });
        self.y = 0;
    }

    /// Places a block's rows, splitting it across pages with widow and orphan control.
    fn place(&mut self, block: Block) {
        let height = block.row_height;
        let mut rows = block.rows.into_iter();
        let mut first_part = true;
        while rows.len() > 0 {
            let fit = usize::try_from((self.text_height - self.y) / height).unwrap_or(0);
            let mut take = fit.min(rows.len());
            if take < rows.len() {
                if first_part && take < MIN_SPLIT_LINES {
                    take = 0;
                }
                if rows.len() - take < MIN_SPLIT_LINES {
                    take = rows.len().saturating_sub(MIN_SPLIT_LINES);
                    if first_part && take < MIN_SPLIT_LINES {
                        take = 0;
                    }
                }
                if take == 0 && self.y == 0 {
                    // Nothing fits even on an empty page: overflow rather than loop.
                    take = fit.max(1).min(rows.len());
                }
            }
            for row in rows.by_ref().take(take) {
                let top = self.y;
                self.y += height;
                let lines = row.into_iter().map(|line| Line {
                    top,
                    height,
                    ..line
                });
                self.current().lines.extend(lines);
            }
            if rows.len() > 0 {
                self.new_page();
            }
            first_part = false;
        }
        if block.red_line {
            let (space, thickness) = RED_LINE;
            let top = self.y + space;
            self.current().rules.push(Rule {
                top,
                thickness,
                red: true,
            });
            self.y = top + thickness;
        }
    }
}

/// Characters that may not start a line (GB/T 15834 and common 禁则).
const NO_LINE_START: &str = "，。、；：？！）》」』”’〕】〉〗｝］%‰℃,.;:?!)]}";
/// Characters that may not end a line.
const NO_LINE_END: &str = "（《「『“‘〔【〈〖｛［([{";

fn may_break_between(before: char, after: char) -> bool {
    let word = |c: char| c.is_ascii_graphic();
    !(NO_LINE_START.contains(after)
        || NO_LINE_END.contains(before)
        || (word(before) && word(after))
        // LibreOffice keeps a number with the closing punctuation before it ("。2022").
        || (NO_LINE_START.contains(before) && after.is_ascii_alphanumeric())
        || (before == after && matches!(before, '—' | '…')))
}

/// Breaks `text` into lines of at most `first` 字 (the first line) and `rest` 字, at the
/// last place the line-breaking rules allow; a run that cannot be broken is cut.
pub fn break_line(text: &str, first: f64, rest: f64) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    // Widths in half 字, so that sums are exact.
    let half = |c: char| (zi_of(c) * 2.0) as u32;
    let mut capacity = (first * 2.0).max(2.0) as u32;
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut width = 0;
        let mut end = start;
        while end < chars.len() && width + half(chars[end]) <= capacity {
            width += half(chars[end]);
            end += 1;
        }
        if end == start {
            end = start + 1;
        } else if end < chars.len() {
            if let Some(at) = (start + 1..=end)
                .rev()
                .find(|&i| may_break_between(chars[i - 1], chars[i]))
            {
                end = at;
            }
        }
        out.push(chars[start..end].iter().collect());
        start = end;
        capacity = (rest * 2.0).max(2.0) as u32;
    }
    out
}

#[cfg(test)]
mod tests;
