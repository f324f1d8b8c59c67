//! A draft as a docx-rs document, element by element in GB/T 9704-2012 order:
//! 版头 → 标题 → 主送机关 → 正文 → 附件说明 → 署名/成文日期 → 附注 → 附件 → 版记, with
//! "— N —" page numbers on odd (right) and even (left) pages.

use docx_rs::{
    AlignmentType, BorderType, DocGrid, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, SpecialIndentType, Tab, TabValueType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellBorder, TableCellBorderPosition,
    TableCellBorders, TableCellMargins, TableLayoutType, TablePositionProperty, TableRow,
    WidthType,
};

use super::clean_text;
use super::layout::{
    mark_line, mark_size_pt, signature_blank_lines, signature_indents, width_in_zi, zi_of,
    FontRole as Role, Page, FOOTER, IMPRINT_LINE, IMPRINT_THICK, IMPRINT_THIN, MARGIN_LEFT,
    MARGIN_RIGHT, MARK_SPACER, PAGE_HEIGHT, PAGE_WIDTH, RED_LINE_SIZE, RED_LINE_SPACE, SIZE_2,
    SIZE_3, SIZE_4, SIZE_XIAO_4, TABLE_CELL_MARGIN, TABLE_LINE, TABLE_RULE, TEXT_WIDTH, TITLE_LINE,
    TITLE_LINE_ZI, ZI_4,
};
use crate::attachment::{AttachmentTable, ColumnSource};
use crate::export_options::{ExportOptions, FontFamily};
use crate::labels::heading_label;
use crate::model::{Draft, Metadata, Node};

const RED: &str = "FF0000";

struct Writer {
    page: Page,
    family: FontFamily,
}

impl Writer {
    /// Every run names its East Asian font, with the hint that keeps “”—…… in it too.
    fn fonts(&self, role: Role) -> RunFonts {
        let name = role.name(self.family);
        let latin = match role {
            Role::SongTi => name,
            _ => "Times New Roman",
        };
        RunFonts::new()
            .ascii(latin)
            .hi_ansi(latin)
            .east_asia(name)
            .cs(latin)
            .hint("eastAsia")
    }

    /// A 3号 run in the given font.
    fn run(&self, text: &str, role: Role) -> Run {
        let run = Run::new()
            .add_text(clean_text(text))
            .size(SIZE_3)
            .fonts(self.fonts(role));
        if self.page.run_spacing != 0 {
            run.character_spacing(self.page.run_spacing)
        } else {
            run
        }
    }

    fn exact(&self, twips: i32) -> LineSpacing {
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(twips)
            .before(0)
            .after(0)
    }

    /// A 3号 paragraph on the line grid with the given indents.
    fn line(&self, left: i32, first: i32, right: i32) -> Paragraph {
        let special = if first >= 0 {
            SpecialIndentType::FirstLine(first)
        } else {
            SpecialIndentType::Hanging(-first)
        };
        Paragraph::new()
            .line_spacing(self.exact(self.page.line_pitch))
            .indent(Some(left), Some(special), Some(right), None)
    }

    fn blank(&self) -> Paragraph {
        self.line(0, 0, 0)
    }

    /// Body text: justified, first line indented 2 字.
    fn body(&self, text: &str) -> Paragraph {
        self.line(0, 2 * self.page.zi, 0)
            .align(AlignmentType::Both)
            .add_run(self.run(text, Role::FangSong))
    }

    /// A paragraph of any size off the 3号 grid (mark, title, 版记, footers).
    fn free(&self, line: i32) -> Paragraph {
        Paragraph::new()
            .snap_to_grid(false)
            .line_spacing(self.exact(line))
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(0)),
                Some(0),
                None,
            )
    }
}

/// Builds the document; the caller patches and packs it.
pub(super) fn document(draft: &Draft, options: &ExportOptions) -> Docx {
    let writer = Writer {
        page: options.profile.page(),
        family: options.fonts,
    };
    let w = &writer;
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(PageMargin {
            top: w.page.top,
            left: MARGIN_LEFT,
            bottom: w.page.bottom,
            right: MARGIN_RIGHT,
            header: 851,
            footer: FOOTER,
            gutter: 0,
        })
        .default_size(SIZE_3)
        .default_fonts(w.fonts(Role::FangSong))
        .footer(page_number_footer(w, true))
        .even_footer(page_number_footer(w, false));
    let grid = match w.page.char_space {
        Some(char_space) => DocGrid::new()
            .grid_type(docx_rs::DocGridType::LinesAndChars)
            .line_pitch(w.page.line_pitch as usize)
            .char_space(char_space as isize),
        None => DocGrid::new()
            .grid_type(docx_rs::DocGridType::Lines)
            .line_pitch(w.page.line_pitch as usize),
    };
    docx.document = docx.document.doc_grid(grid);

    let meta = &draft.meta;
    if options.red_header {
        for p in red_header(w, draft) {
            docx = docx.add_paragraph(p);
        }
    }
    for p in title(w, &meta.title) {
        docx = docx.add_paragraph(p);
    }
    if let Some(recipients) = recipients_text(meta) {
        docx = docx.add_paragraph(w.blank());
        docx = docx.add_paragraph(w.line(0, 0, 0).add_run(w.run(&recipients, Role::FangSong)));
    }
    for p in body(w, draft) {
        docx = docx.add_paragraph(p);
    }
    for p in attachment_note(w, &meta.attachments) {
        docx = docx.add_paragraph(p);
    }
    for p in signature(w, draft, options.sealed) {
        docx = docx.add_paragraph(p);
    }
    if let Some(note) = annotation_text(meta) {
        docx = docx.add_paragraph(
            w.line(0, 2 * w.page.zi, 0)
                .add_run(w.run(&note, Role::FangSong)),
        );
    }
    if let Some(table) = &draft.attachment_table {
        for p in attachment_heading(w, &meta.attachments, table) {
            docx = docx.add_paragraph(p);
        }
        // The paragraph after the table keeps it apart from the 版记 table, which Word
        // would otherwise merge into it.
        docx = docx
            .add_table(attachment_table(w, draft, table))
            .add_paragraph(w.free(20));
    }
    if let Some(table) = imprint(w, draft) {
        // A floating table needs a paragraph after it to anchor to (and a body must not
        // end in a table); 1 pt high so it never starts a page of its own.
        docx = docx.add_table(table).add_paragraph(w.free(20));
    }
    docx
}

/// 发文机关标志 35 mm below the 版心 top, 发文字号 (and 签发人 for a 上行文) two lines
/// below it, with the red line under them.
fn red_header(w: &Writer, draft: &Draft) -> Vec<Paragraph> {
    let meta = &draft.meta;
    let mark = clean_text(meta.issuer_mark.trim());
    let size_pt = mark_size_pt(&mark);
    let half_points = (size_pt * 2.0).floor() as usize;
    let mut out = vec![
        w.free(MARK_SPACER),
        w.free(mark_line(size_pt))
            .align(AlignmentType::Center)
            .add_run(
                Run::new()
                    .add_text(mark)
                    .size(half_points)
                    .color(RED)
                    .fonts(w.fonts(Role::XiaoBiaoSong)),
            ),
        w.blank(),
        w.blank(),
    ];
    let number = meta.doc_number.display();
    let red_line = ParagraphBorders::with_empty().set(
        ParagraphBorder::new(ParagraphBorderPosition::Bottom)
            .val(BorderType::Single)
            .size(RED_LINE_SIZE)
            .space(RED_LINE_SPACE)
            .color(RED),
    );
    let Some(signers) = signer_layout(meta, w.page.zi) else {
        let line = w
            .line(0, 0, 0)
            .align(AlignmentType::Center)
            .add_run(w.run(&number, Role::FangSong));
        out.push(line.set_borders(red_line));
        out.push(w.blank());
        out.push(w.blank());
        return out;
    };
    // 上行文: 发文字号 居左空一字 on the last line of the 签发人, which 居右空一字; a
    // left tab at the label (first line) or at the names (later lines) places them.
    let last = signers.lines.len() - 1;
    for (i, names) in signers.lines.iter().enumerate() {
        let stop = if i == 0 {
            signers.label_left
        } else {
            signers.names_left
        };
        let mut line = w
            .line(0, w.page.zi, 0)
            .add_tab(Tab::new().val(TabValueType::Left).pos(stop.max(0) as usize));
        let lead = if i == last { number.as_str() } else { "" };
        line = line.add_run(w.run(lead, Role::FangSong).add_tab());
        if i == 0 {
            line = line.add_run(w.run(SIGNER_LABEL, Role::FangSong));
        }
        line = line.add_run(w.run(names, Role::KaiTi));
        out.push(if i == last {
            line.set_borders(red_line.clone())
        } else {
            line
        });
    }
    out.push(w.blank());
    out.push(w.blank());
    out
}

/// 标题 in 2号 小标宋, centred; a long title is broken into balanced lines.
fn title(w: &Writer, title: &str) -> Vec<Paragraph> {
    let title = clean_text(title.trim());
    if title.is_empty() {
        return Vec::new();
    }
    let mut run = Run::new().size(SIZE_2).fonts(w.fonts(Role::XiaoBiaoSong));
    for (i, line) in balanced_lines(&title, TITLE_LINE_ZI).iter().enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(line.as_str());
    }
    vec![w
        .free(TITLE_LINE)
        .align(AlignmentType::Center)
        .keep_next(true)
        .add_run(run)]
}

/// Splits text into the fewest lines of at most `max_zi` 字, of near-equal width
/// (the 梯形 a long 公文 title takes).
pub(crate) fn balanced_lines(text: &str, max_zi: f64) -> Vec<String> {
    let total = width_in_zi(text);
    let lines = (total / max_zi).ceil().max(1.0);
    let target = total / lines;
    let mut out = vec![String::new()];
    let mut width = 0.0;
    for c in text.chars() {
        let w = zi_of(c);
        let last = out.len() as f64 >= lines;
        if !last && width + w / 2.0 > target {
            out.push(String::new());
            width = 0.0;
        }
        out.last_mut().expect("never empty").push(c);
        width += w;
    }
    out
}

fn body(w: &Writer, draft: &Draft) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut ordinal = 0;
    for section in &draft.sections {
        if section.numbered {
            ordinal += 1;
            let heading = format!("{}{}", heading_label(1, ordinal), section.title.trim());
            out.push(
                w.line(0, 2 * w.page.zi, 0)
                    .keep_next(true)
                    .outline_lvl(0)
                    .add_run(w.run(&heading, Role::HeiTi)),
            );
        }
        nodes(w, &section.children, 2, &mut out);
    }
    out
}

fn nodes(w: &Writer, nodes: &[Node], level: u8, out: &mut Vec<Paragraph>) {
    let mut ordinal = 0;
    for node in nodes {
        match node {
            Node::Paragraph { text, .. } => {
                out.extend(split_lines(text).map(|line| w.body(line)));
            }
            Node::Heading {
                title,
                text,
                children,
                ..
            } => {
                ordinal += 1;
                let role = if level == 2 {
                    Role::KaiTi
                } else {
                    Role::FangSong
                };
                let label = format!("{}{}", heading_label(level, ordinal), title.trim());
                let mut lines = split_lines(text);
                let paragraph = w
                    .line(0, 2 * w.page.zi, 0)
                    .align(AlignmentType::Both)
                    .outline_lvl(usize::from(level - 1));
                match lines.next() {
                    // Run-in: "（一）标题。正文……" in one paragraph.
                    Some(first) => {
                        let label = run_in_label(&label);
                        out.push(
                            paragraph
                                .add_run(w.run(&label, role))
                                .add_run(w.run(first, Role::FangSong)),
                        );
                        out.extend(lines.map(|line| w.body(line)));
                    }
                    None => out.push(paragraph.keep_next(true).add_run(w.run(&label, role))),
                }
                self::nodes(w, children, level + 1, out);
            }
        }
    }
}

/// A heading label followed by run-in text ends in a full stop: "（一）标题。".
pub(crate) fn run_in_label(label: &str) -> String {
    ensure_suffix(label, "。", &['。', '！', '？', '：', '；'])
}

/// Non-empty lines of a text, each its own paragraph.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// 附件说明: one line after the body, "附件：1. 名称", later items aligned under the first.
fn attachment_note(w: &Writer, attachments: &[String]) -> Vec<Paragraph> {
    let items = attachment_items(attachments);
    if items.is_empty() {
        return Vec::new();
    }
    let zi = w.page.zi;
    let mut out = vec![w.blank()];
    for (i, text) in items.iter().enumerate() {
        let first = if i == 0 { -ATTACHMENT_HANG * zi } else { 0 };
        out.push(
            w.line(ATTACHMENT_LEFT * zi, first, 0)
                .add_run(w.run(text, Role::FangSong)),
        );
    }
    out
}

/// 附件说明 lines are indented 5 字, the first hanging 3 字 back for "附件：".
pub(crate) const ATTACHMENT_LEFT: i32 = 5;
pub(crate) const ATTACHMENT_HANG: i32 = 3;

/// The 附件说明 paragraphs: "附件：1. 名称", then "2. 名称" …; no numbers for one attachment.
pub(crate) fn attachment_items(attachments: &[String]) -> Vec<String> {
    let names: Vec<&str> = attachments
        .iter()
        .map(|a| a.trim().trim_end_matches(['。', '.', '；', ';', '，', ',']))
        .filter(|a| !a.is_empty())
        .collect();
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let numbered = if names.len() > 1 {
                format!("{}. {name}", i + 1)
            } else {
                name.to_string()
            };
            if i == 0 {
                format!("附件：{numbered}")
            } else {
                numbered
            }
        })
        .collect()
}

/// The label of an attachment: "附件", or "附件2" when the 附件说明 lists several and
/// this one second (GB/T 9704 7.3.7).
pub(crate) fn attachment_label(attachments: &[String], title: &str) -> String {
    let names: Vec<&str> = attachments
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    match names.iter().position(|name| *name == title.trim()) {
        Some(at) if names.len() > 1 => format!("附件{}", at + 1),
        _ => "附件".to_string(),
    }
}

/// The attachment's first page: the label 顶格 in 3号 黑体 on line 1 of a new page,
/// the title centred on line 3 like the document's title.
fn attachment_heading(
    w: &Writer,
    attachments: &[String],
    table: &AttachmentTable,
) -> Vec<Paragraph> {
    let label = attachment_label(attachments, &table.title);
    let mut out = vec![
        w.line(0, 0, 0)
            .page_break_before(true)
            .add_run(w.run(&label, Role::HeiTi)),
        w.blank(),
    ];
    out.extend(title(w, &table.title));
    out.push(w.blank());
    out
}

/// Relative column widths: the plan item's text and the user's cells get the room,
/// the number and the departments what they need.
pub(crate) fn column_weight(source: ColumnSource) -> i32 {
    match source {
        ColumnSource::ItemNumber => 3,
        ColumnSource::ItemDepartments => 4,
        ColumnSource::ItemContent | ColumnSource::Entry => 6,
    }
}

/// Column widths in twips, spanning the 版心; the last column takes the rounding.
pub(crate) fn column_widths(table: &AttachmentTable) -> Vec<i32> {
    let weights: Vec<i32> = table
        .columns
        .iter()
        .map(|c| column_weight(c.source))
        .collect();
    let total: i32 = weights.iter().sum::<i32>().max(1);
    let mut widths: Vec<i32> = weights.iter().map(|w| TEXT_WIDTH * w / total).collect();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH - weights.iter().map(|w| TEXT_WIDTH * w / total).sum::<i32>();
    }
    widths
}

/// The attached table in 小四, which fits six columns in the 版心 where 3号 would
/// leave four characters a line: a 黑体 header row that repeats on every page (the
/// package step marks it `w:tblHeader`, which docx-rs lacks) and 仿宋 rows, one per
/// plan item, with single rules all round.
fn attachment_table(w: &Writer, draft: &Draft, table: &AttachmentTable) -> Table {
    let widths = column_widths(table);
    let cell = |text: &str, width: i32, role: Role, align: AlignmentType| {
        let mut run = Run::new().size(SIZE_XIAO_4).fonts(w.fonts(role));
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                run = run.add_break(docx_rs::BreakType::TextWrapping);
            }
            run = run.add_text(clean_text(line));
        }
        let paragraph = w.free(TABLE_LINE).align(align).add_run(run);
        TableCell::new()
            .width(width as usize, WidthType::Dxa)
            .vertical_align(docx_rs::VAlignType::Center)
            .add_paragraph(paragraph)
    };
    let header = TableRow::new(
        table
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, &width)| cell(&c.name, width, Role::HeiTi, AlignmentType::Center))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    let plan = draft.plan.as_ref().map(|state| &state.plan);
    for row in table.rows(plan) {
        rows.push(TableRow::new(
            table
                .columns
                .iter()
                .zip(&row.cells)
                .zip(&widths)
                .map(|((column, text), &width)| {
                    let align = match column.source {
                        ColumnSource::ItemNumber | ColumnSource::ItemDepartments => {
                            AlignmentType::Center
                        }
                        ColumnSource::ItemContent | ColumnSource::Entry => AlignmentType::Both,
                    };
                    cell(text, width, Role::FangSong, align)
                })
                .collect(),
        ));
    }
    let rule = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(TABLE_RULE)
            .color("000000")
    };
    Table::new(rows)
        .set_borders(
            TableBorders::with_empty()
                .set(rule(TableBorderPosition::Top))
                .set(rule(TableBorderPosition::Left))
                .set(rule(TableBorderPosition::Bottom))
                .set(rule(TableBorderPosition::Right))
                .set(rule(TableBorderPosition::InsideH))
                .set(rule(TableBorderPosition::InsideV)),
        )
        .set_grid(widths.iter().map(|&w| w as usize).collect())
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(
            0,
            TABLE_CELL_MARGIN as usize,
            0,
            TABLE_CELL_MARGIN as usize,
        ))
}

/// 签发人 names as printed after "签发人：".
/// Where the 签发人 go (GB/T 9704 7.2.6): two names a line, later lines aligned under
/// the first name, the block 居右空一字; 发文字号 shares the last line.
pub(crate) struct SignerLayout {
    /// The names of each line, joined by a full-width space.
    pub lines: Vec<String>,
    /// Where "签发人：" starts on the first line, in twips from the 版心's left edge.
    pub label_left: i32,
    /// Where the names start on every line.
    pub names_left: i32,
}

pub(crate) const SIGNER_LABEL: &str = "签发人：";

/// The layout of the draft's 签发人 for a page whose 字 is `zi` twips; `None` without any.
pub(crate) fn signer_layout(meta: &Metadata, zi: i32) -> Option<SignerLayout> {
    let names: Vec<String> = meta
        .signers
        .iter()
        .map(|s| clean_text(s.trim()))
        .filter(|s| !s.is_empty())
        .collect();
    let lines: Vec<String> = names.chunks(2).map(|pair| pair.join("　")).collect();
    let widest = lines.iter().map(|l| width_in_zi(l)).fold(0.0, f64::max);
    let twips = |zi_count: f64| (zi_count * f64::from(zi)).ceil() as i32;
    // An absurdly long name cannot push the label past the left edge.
    let names_left = (TEXT_WIDTH - zi - twips(widest)).max(twips(width_in_zi(SIGNER_LABEL)));
    (!lines.is_empty()).then(|| SignerLayout {
        lines,
        label_left: names_left - twips(width_in_zi(SIGNER_LABEL)),
        names_left,
    })
}

/// 主送机关 ending in a full-width colon, if any.
pub(crate) fn recipients_text(meta: &Metadata) -> Option<String> {
    let recipients = meta.recipients.trim();
    (!recipients.is_empty()).then(|| ensure_suffix(recipients, "：", &[':', '：']))
}

/// 附注 in full-width parentheses, if any.
pub(crate) fn annotation_text(meta: &Metadata) -> Option<String> {
    let note = meta.annotation.trim();
    (!note.is_empty()).then(|| format!("（{}）", note.trim_matches(['（', '）', '(', ')'])))
}

/// 版记 texts: "抄送：…。", the 印发机关 and "…印发"; empty strings where not filled in.
pub(crate) fn imprint_texts(meta: &Metadata) -> (String, String, String) {
    let cc = clean_text(meta.cc.trim());
    let cc = if cc.is_empty() {
        cc
    } else {
        let cc = ensure_suffix(&cc, "。", &['。']);
        if cc.starts_with("抄送") {
            cc
        } else {
            format!("抄送：{cc}")
        }
    };
    let printer = clean_text(meta.printer.trim());
    let print_date = meta
        .print_date
        .map(|d| format!("{d}印发"))
        .unwrap_or_default();
    (cc, printer, print_date)
}

/// 署名 and 成文日期, placed for a sealed or an unsealed document (GB/T 9704 7.3.5).
fn signature(w: &Writer, draft: &Draft, sealed: bool) -> Vec<Paragraph> {
    let name = clean_text(draft.meta.signature.trim());
    let date = draft.meta.date.map(|d| d.to_string()).unwrap_or_default();
    if name.is_empty() && date.is_empty() {
        return Vec::new();
    }
    let (name_right, date_right) = signature_indents(&name, &date, sealed);
    let zi = f64::from(w.page.zi);
    let right = |z: f64| (z * zi).round() as i32;
    let blank_lines = signature_blank_lines(sealed);
    // keepNext from the blank lines on keeps the 署名 with the text above it without
    // dragging the last body paragraph onto the next page.
    let mut out: Vec<Paragraph> = (0..blank_lines)
        .map(|_| w.blank().keep_next(true))
        .collect();
    if !name.is_empty() {
        out.push(
            w.line(0, 0, right(name_right))
                .align(AlignmentType::Right)
                .keep_next(true)
                .add_run(w.run(&name, Role::FangSong)),
        );
    }
    if !date.is_empty() {
        out.push(
            w.line(0, 0, right(date_right))
                .align(AlignmentType::Right)
                .add_run(w.run(&date, Role::FangSong)),
        );
    }
    out
}

/// 版记: 抄送 and 印发机关/印发日期 between thick/thin/thick lines, as a table floating at
/// the bottom of the 版心 on the last page.
fn imprint(w: &Writer, draft: &Draft) -> Option<Table> {
    let (cc, printer, print_date) = imprint_texts(&draft.meta);
    if cc.is_empty() && printer.is_empty() && print_date.is_empty() {
        return None;
    }
    let run = |text: &str| {
        Run::new()
            .add_text(clean_text(text))
            .size(SIZE_4)
            .fonts(w.fonts(Role::FangSong))
    };
    let line = || w.free(IMPRINT_LINE);
    let mut rows = Vec::new();
    if !cc.is_empty() {
        let paragraph = line()
            .indent(
                Some(CC_LEFT * ZI_4),
                Some(SpecialIndentType::Hanging(CC_HANG * ZI_4)),
                Some(ZI_4),
                None,
            )
            .add_run(run(&cc));
        rows.push(TableRow::new(vec![TableCell::new()
            .width(TEXT_WIDTH as usize, WidthType::Dxa)
            .add_paragraph(paragraph)]));
    }
    if !printer.is_empty() || !print_date.is_empty() {
        let paragraph = line()
            .indent(
                Some(ZI_4),
                Some(SpecialIndentType::FirstLine(0)),
                Some(0),
                None,
            )
            .add_tab(
                Tab::new()
                    .val(TabValueType::Right)
                    .pos((TEXT_WIDTH - ZI_4) as usize),
            )
            .add_run(run(&printer).add_tab())
            .add_run(run(&print_date));
        let mut cell = TableCell::new()
            .width(TEXT_WIDTH as usize, WidthType::Dxa)
            .add_paragraph(paragraph);
        if !rows.is_empty() {
            cell = cell.set_borders(
                TableCellBorders::with_empty().set(
                    TableCellBorder::new(TableCellBorderPosition::Top)
                        .border_type(BorderType::Single)
                        .size(IMPRINT_THIN)
                        .color("000000"),
                ),
            );
        }
        rows.push(TableRow::new(vec![cell]));
    }
    let thick = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(IMPRINT_THICK)
            .color("000000")
    };
    Some(
        Table::without_borders(rows)
            .set_borders(
                TableBorders::with_empty()
                    .set(thick(TableBorderPosition::Top))
                    .set(thick(TableBorderPosition::Bottom)),
            )
            .set_grid(vec![TEXT_WIDTH as usize])
            .width(TEXT_WIDTH as usize, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(0, 0, 0, 0))
            // Anchored to the page at the left margin: LibreOffice keeps a table of
            // the 版心's full width inline when it is anchored to the margin.
            .position(
                TablePositionProperty::new()
                    .horizontal_anchor("page")
                    .position_x(MARGIN_LEFT)
                    .vertical_anchor("margin")
                    .position_y_alignment("bottom"),
            ),
    )
}

/// 抄送 is indented 4 字 of 4号, its first line hanging 3 字 back for "抄送：".
pub(crate) const CC_LEFT: i32 = 4;
pub(crate) const CC_HANG: i32 = 3;

/// "— N —" in 4号 宋体, 1 字 in from the outer edge: right on odd pages, left on even.
fn page_number_footer(w: &Writer, odd: bool) -> Footer {
    let fonts = w.fonts(Role::SongTi);
    let run = || Run::new().size(SIZE_4).fonts(fonts.clone());
    let (align, indent) = if odd {
        (AlignmentType::Right, (0, ZI_4))
    } else {
        (AlignmentType::Left, (ZI_4, 0))
    };
    let paragraph = Paragraph::new()
        .snap_to_grid(false)
        .align(align)
        .indent(
            Some(indent.0),
            Some(SpecialIndentType::FirstLine(0)),
            Some(indent.1),
            None,
        )
        .add_run(run().add_text("— "))
        .add_run(
            run()
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
                .add_field_char(FieldCharType::Separate, false)
                // A cached value: fields without one make Word offer to repair the file.
                .add_text("1")
                .add_field_char(FieldCharType::End, false),
        )
        .add_run(run().add_text(" —"));
    Footer::new().add_paragraph(paragraph)
}

/// `text` ending in `suffix`, unless it already ends in one of `enders`.
fn ensure_suffix(text: &str, suffix: &str, enders: &[char]) -> String {
    if text.ends_with(enders) {
        text.to_string()
    } else {
        format!("{text}{suffix}")
    }
}
