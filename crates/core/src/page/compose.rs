//! The walk through the draft in GB/T 9704-2012 order, done once for the writer and
//! the preview.

use super::measures::{
    mark_line, mark_size_pt, profile_page, signature_blank_lines, signature_indents, ProfilePage,
    ATTACHMENT_HANG, ATTACHMENT_LEFT, MARK_SPACER, SIZE_2, SIZE_3, TEXT_WIDTH, TITLE_LINE,
    TITLE_LINE_ZI,
};
use super::text::{
    annotation_text, attachment_items, attachment_label, balanced_lines, imprint_texts,
    recipients_text, run_in_label, signer_layout, split_lines, SIGNER_LABEL,
};
use super::{
    Align, Block, Column, Document, FontRole, Imprint, Lead, LineHeight, Paragraph, Part, Run,
    Source, TabStop, Table,
};
use crate::attachment::AttachmentTable;
use crate::attachment::ColumnSource;
use crate::empty_parts;
use crate::export_options::ExportOptions;
use crate::labels::heading_label;
use crate::model::{Draft, Node};
use crate::xml_text::clean_text;
use crate::MetaField;

/// The draft as the blocks of its document, laid out with `options`.
pub fn compose(draft: &Draft, options: &ExportOptions) -> Document {
    // The page is the draft as written with the chosen treatment of empty parts.
    let draft = &*empty_parts::apply(draft, options.empty_parts);
    let mut composer = Composer {
        geometry: profile_page(options.profile),
        blocks: Vec::new(),
    };
    let meta = &draft.meta;
    if options.red_header {
        composer.red_header(draft);
    }
    composer.title(&meta.title, Part::Title, Source::Field(MetaField::Title));
    if let Some(recipients) = recipients_text(meta) {
        composer.blank();
        composer.push(paragraph(
            Part::Recipients,
            Source::Field(MetaField::Recipients),
            vec![run(&recipients, FontRole::FangSong)],
        ));
    }
    composer.body(draft);
    composer.attachment_note(&meta.attachments);
    composer.signature(draft, options.sealed);
    if let Some(note) = annotation_text(meta) {
        composer.push(Paragraph {
            first: 2 * composer.geometry.zi,
            ..paragraph(
                Part::Note,
                Source::Field(MetaField::Annotation),
                vec![run(&note, FontRole::FangSong)],
            )
        });
    }
    if let Some(table) = &draft.attachment_table {
        composer.attachment(draft, table);
    }
    let (cc, printer, print_date) = imprint_texts(meta);
    let imprint =
        (!cc.is_empty() || !printer.is_empty() || !print_date.is_empty()).then_some(Imprint {
            cc,
            printer,
            print_date,
        });
    Document {
        page: composer.geometry,
        blocks: composer.blocks,
        imprint,
    }
}

/// A 3号 paragraph on the grid, left-aligned without indents, for the caller to adjust.
fn paragraph(part: Part, source: Source, runs: Vec<Run>) -> Paragraph {
    Paragraph {
        part,
        source,
        runs,
        size: SIZE_3,
        line: LineHeight::Grid,
        left: 0,
        first: 0,
        right: 0,
        align: Align::Left,
        keep_next: false,
        page_break_before: false,
        outline_level: None,
        red_line: false,
        tab: None,
    }
}

/// A run of `text` as the file holds it.
fn run(text: &str, font: FontRole) -> Run {
    Run {
        text: clean_text(text),
        font,
    }
}

struct Composer {
    geometry: ProfilePage,
    blocks: Vec<Block>,
}

impl Composer {
    /// A blank line of the grid.
    fn blank(&mut self) {
        self.blocks.push(Block::Blank {
            line: LineHeight::Grid,
            keep_next: false,
        });
    }

    fn push(&mut self, paragraph: Paragraph) {
        self.blocks.push(Block::Paragraph(paragraph));
    }

    /// Body text: justified, first line indented 2 字.
    fn body_paragraph(&self, part: Part, source: Source, runs: Vec<Run>) -> Paragraph {
        Paragraph {
            first: 2 * self.geometry.zi,
            align: Align::Justify,
            ..paragraph(part, source, runs)
        }
    }

    /// 发文机关标志 35 mm below the 版心 top, 发文字号 (and 签发人 for a 上行文) two lines
    /// below it, with the red line under them.
    fn red_header(&mut self, draft: &Draft) {
        let meta = &draft.meta;
        let zi = self.geometry.zi;
        self.blocks.push(Block::Blank {
            line: LineHeight::Exact(MARK_SPACER),
            keep_next: false,
        });
        let mark = clean_text(meta.issuer_mark.trim());
        let size_pt = mark_size_pt(&mark);
        self.push(Paragraph {
            size: (size_pt * 2.0).floor() as usize,
            line: LineHeight::Exact(mark_line(size_pt)),
            align: Align::Center,
            ..paragraph(
                Part::Mark,
                Source::Field(MetaField::IssuerMark),
                vec![Run {
                    text: mark,
                    font: FontRole::XiaoBiaoSong,
                }],
            )
        });
        self.blank();
        self.blank();
        let number = run(&meta.doc_number.display(), FontRole::FangSong);
        let number_source = Source::Field(MetaField::AgencyCode);
        match signer_layout(meta, zi) {
            None => {
                self.push(Paragraph {
                    align: Align::Center,
                    red_line: true,
                    ..paragraph(Part::DocNumber, number_source, vec![number])
                });
            }
            // 上行文: 发文字号 居左空一字 on the last line of the 签发人, which 居右空一字;
            // a left tab at the label (first line) or at the names (later lines) places them.
            Some(signers) => {
                let last = signers.lines.len() - 1;
                for (i, names) in signers.lines.iter().enumerate() {
                    let mut runs = Vec::new();
                    if i == 0 {
                        runs.push(run(SIGNER_LABEL, FontRole::FangSong));
                    }
                    runs.push(run(names, FontRole::KaiTi));
                    let lead = (i == last).then(|| Lead {
                        run: number.clone(),
                        part: Part::DocNumber,
                        source: number_source,
                    });
                    let position = if i == 0 {
                        signers.label_left
                    } else {
                        signers.names_left
                    };
                    self.push(Paragraph {
                        first: zi,
                        tab: Some(TabStop { position, lead }),
                        red_line: i == last,
                        ..paragraph(Part::Signer, Source::Field(MetaField::Signers), runs)
                    });
                }
            }
        }
        self.blank();
        self.blank();
    }

    /// A title in 2号 小标宋, centred; a long title is broken into balanced lines.
    fn title(&mut self, title: &str, part: Part, source: Source) {
        let title = clean_text(title.trim());
        if title.is_empty() {
            return;
        }
        let text = balanced_lines(&title, TITLE_LINE_ZI).join("\n");
        self.push(Paragraph {
            size: SIZE_2,
            line: LineHeight::Exact(TITLE_LINE),
            align: Align::Center,
            keep_next: true,
            ..paragraph(
                part,
                source,
                vec![Run {
                    text,
                    font: FontRole::XiaoBiaoSong,
                }],
            )
        });
    }

    fn body(&mut self, draft: &Draft) {
        let zi = self.geometry.zi;
        let mut ordinal = 0;
        for section in &draft.sections {
            if section.numbered {
                ordinal += 1;
                let heading = format!("{}{}", heading_label(1, ordinal), section.title.trim());
                self.push(Paragraph {
                    first: 2 * zi,
                    keep_next: true,
                    outline_level: Some(0),
                    ..paragraph(
                        Part::Heading(1),
                        Source::Node(section.id),
                        vec![run(&heading, FontRole::HeiTi)],
                    )
                });
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
                        let body = self.body_paragraph(
                            Part::Body,
                            Source::Node(*id),
                            vec![run(line, FontRole::FangSong)],
                        );
                        self.push(body);
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
                    let source = Source::Node(*id);
                    let mut lines = split_lines(text);
                    match lines.next() {
                        // Run-in: "（一）标题。正文……" in one paragraph.
                        Some(first) => {
                            let runs = vec![
                                run(&run_in_label(&label), font),
                                run(first, FontRole::FangSong),
                            ];
                            self.push(Paragraph {
                                outline_level: Some(level - 1),
                                ..self.body_paragraph(Part::Heading(level), source, runs)
                            });
                            for line in lines {
                                let body = self.body_paragraph(
                                    Part::Body,
                                    source,
                                    vec![run(line, FontRole::FangSong)],
                                );
                                self.push(body);
                            }
                        }
                        None => {
                            self.push(Paragraph {
                                outline_level: Some(level - 1),
                                keep_next: true,
                                ..self.body_paragraph(
                                    Part::Heading(level),
                                    source,
                                    vec![run(&label, font)],
                                )
                            });
                        }
                    }
                    self.nodes(children, level + 1);
                }
            }
        }
    }

    /// 附件说明: one line after the body, "附件：1. 名称", later items aligned under the first.
    fn attachment_note(&mut self, attachments: &[String]) {
        let items = attachment_items(attachments);
        if items.is_empty() {
            return;
        }
        let zi = self.geometry.zi;
        self.blank();
        for (i, item) in items.iter().enumerate() {
            self.push(Paragraph {
                left: ATTACHMENT_LEFT * zi,
                first: if i == 0 { -ATTACHMENT_HANG * zi } else { 0 },
                ..paragraph(
                    Part::Attachment,
                    Source::Field(MetaField::Attachments),
                    vec![run(item, FontRole::FangSong)],
                )
            });
        }
    }

    /// 署名 and 成文日期, placed for a sealed or an unsealed document (GB/T 9704 7.3.5).
    fn signature(&mut self, draft: &Draft, sealed: bool) {
        let name = clean_text(draft.meta.signature.trim());
        let date = draft.meta.date.map(|d| d.to_string()).unwrap_or_default();
        if name.is_empty() && date.is_empty() {
            return;
        }
        let (name_right, date_right) = signature_indents(&name, &date, sealed);
        let zi = f64::from(self.geometry.zi);
        let right = |z: f64| (z * zi).round() as i32;
        // keepNext from the blank lines on keeps the 署名 with the text above it without
        // dragging the last body paragraph onto the next page.
        for _ in 0..signature_blank_lines(sealed) {
            self.blocks.push(Block::Blank {
                line: LineHeight::Grid,
                keep_next: true,
            });
        }
        if !name.is_empty() {
            self.push(Paragraph {
                right: right(name_right),
                align: Align::Right,
                keep_next: true,
                ..paragraph(
                    Part::Signature,
                    Source::Field(MetaField::Signature),
                    vec![run(&name, FontRole::FangSong)],
                )
            });
        }
        if !date.is_empty() {
            self.push(Paragraph {
                right: right(date_right),
                align: Align::Right,
                ..paragraph(
                    Part::Date,
                    Source::Field(MetaField::Date),
                    vec![run(&date, FontRole::FangSong)],
                )
            });
        }
    }

    /// The attachment on a new page: the label 顶格 in 3号 黑体 on line 1, the title
    /// centred on line 3 like the document's title, then the table.
    fn attachment(&mut self, draft: &Draft, table: &AttachmentTable) {
        let label = attachment_label(&draft.meta.attachments, &table.title);
        let source = Source::Field(MetaField::Attachments);
        self.push(Paragraph {
            page_break_before: true,
            ..paragraph(
                Part::AttachmentPage,
                source,
                vec![run(&label, FontRole::HeiTi)],
            )
        });
        self.blank();
        self.title(&table.title, Part::AttachmentPage, source);
        self.blank();
        self.blocks.push(Block::Table(attached_table(draft, table)));
    }
}

/// The attached table's columns, sized by [`column_widths`], and its rows of cells.
fn attached_table(draft: &Draft, table: &AttachmentTable) -> Table {
    let columns = table
        .columns
        .iter()
        .zip(column_widths(table))
        .map(|(column, width)| Column {
            name: clean_lines(&column.name),
            width,
            align: match column.source {
                ColumnSource::ItemNumber | ColumnSource::ItemDepartments => Align::Center,
                ColumnSource::ItemContent | ColumnSource::Entry => Align::Justify,
            },
        })
        .collect();
    let plan = draft.plan.as_ref().map(|state| &state.plan);
    Table {
        columns,
        rows: table
            .rows(plan)
            .into_iter()
            .map(|row| row.cells.iter().map(|cell| clean_lines(cell)).collect())
            .collect(),
    }
}

/// A table cell's text as the file holds it, line by line: its line breaks stay.
fn clean_lines(text: &str) -> String {
    text.lines().map(clean_text).collect::<Vec<_>>().join("\n")
}

/// Relative column widths: the plan item's text and the user's cells get the room,
/// the number and the departments what they need.
fn column_weight(source: ColumnSource) -> i32 {
    match source {
        ColumnSource::ItemNumber => 3,
        ColumnSource::ItemDepartments => 4,
        ColumnSource::ItemContent | ColumnSource::Entry => 6,
    }
}

/// Column widths in twips, spanning the 版心; the last column takes the rounding.
fn column_widths(table: &AttachmentTable) -> Vec<i32> {
    let weights: Vec<i32> = table
        .columns
        .iter()
        .map(|c| column_weight(c.source))
        .collect();
    let total: i32 = weights.iter().sum::<i32>().max(1);
    let mut widths: Vec<i32> = weights.iter().map(|w| TEXT_WIDTH * w / total).collect();
    let spanned: i32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH - spanned;
    }
    widths
}
