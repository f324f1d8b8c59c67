//! The composed page (see [`crate::page`]) as a docx-rs document, block by block, with
//! "— N —" page numbers on odd (right) and even (left) pages.

use docx_rs::{
    AlignmentType, BorderType, DocGrid, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, SpecialIndentType, Tab, TabValueType,
};

use super::layout::font_name;
use super::tables::{attachment_table, imprint, word_tables};
use crate::export_options::{ExportOptions, FontFamily};
use crate::model::Draft;
use crate::page::measures::{
    FOOTER, MARGIN_LEFT, MARGIN_RIGHT, PAGE_HEIGHT, PAGE_WIDTH, RED_LINE_SIZE, RED_LINE_SPACE,
    SIZE_3, SIZE_4, ZI_4,
};
use crate::page::{self, Align, Block, FontRole as Role, LineHeight, Part, ProfilePage};
use crate::preview;

pub(super) const RED: &str = "FF0000";

pub(super) struct Writer {
    pub page: ProfilePage,
    family: FontFamily,
}

impl Writer {
    /// Every run names its East Asian font, with the hint that keeps “”—…… in it too.
    pub fn fonts(&self, role: Role) -> RunFonts {
        let name = font_name(role, self.family);
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

    fn exact(&self, twips: i32) -> LineSpacing {
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(twips)
            .before(0)
            .after(0)
    }

    /// A paragraph of exact lines with the given indents: on the 3号 line grid, or off
    /// it at a height of its own (mark, title, 版记, table cells).
    fn paragraph(&self, line: LineHeight, left: i32, first: i32, right: i32) -> Paragraph {
        let special = if first >= 0 {
            SpecialIndentType::FirstLine(first)
        } else {
            SpecialIndentType::Hanging(-first)
        };
        let paragraph = match line {
            LineHeight::Grid => Paragraph::new().line_spacing(self.exact(self.page.line_pitch)),
            LineHeight::Exact(height) => Paragraph::new()
                .snap_to_grid(false)
                .line_spacing(self.exact(height)),
        };
        paragraph.indent(Some(left), Some(special), Some(right), None)
    }

    /// A paragraph without indents off the grid.
    pub fn free(&self, line: i32) -> Paragraph {
        self.paragraph(LineHeight::Exact(line), 0, 0, 0)
    }

    /// A run of the page in `size`; runs on the 3号 grid take the profile's spacing.
    fn run(&self, run: &page::Run, size: usize, on_grid: bool) -> Run {
        let mut out = Run::new().size(size).fonts(self.fonts(run.font));
        for (i, line) in run.text.split('\n').enumerate() {
            if i > 0 {
                out = out.add_break(docx_rs::BreakType::TextWrapping);
            }
            out = out.add_text(line);
        }
        if on_grid && self.page.run_spacing != 0 {
            out.character_spacing(self.page.run_spacing)
        } else {
            out
        }
    }

    /// A paragraph of the page with all its measures.
    fn write(&self, paragraph: &page::Paragraph) -> Paragraph {
        let p = paragraph;
        let mut out = self
            .paragraph(p.line, p.left, p.first, p.right)
            .keep_next(p.keep_next)
            .page_break_before(p.page_break_before);
        out = match p.align {
            Align::Left => out,
            Align::Center => out.align(AlignmentType::Center),
            Align::Right => out.align(AlignmentType::Right),
            Align::Justify => out.align(AlignmentType::Both),
        };
        if let Some(level) = p.outline_level {
            out = out.outline_lvl(usize::from(level));
        }
        let on_grid = p.line == LineHeight::Grid;
        if let Some(tab) = &p.tab {
            out = out.add_tab(
                Tab::new()
                    .val(TabValueType::Left)
                    .pos(tab.position.max(0) as usize),
            );
            let empty = page::Run {
                text: String::new(),
                font: Role::FangSong,
            };
            let lead = tab.lead.as_ref().map_or(&empty, |lead| &lead.run);
            out = out.add_run(self.run(lead, p.size, on_grid).add_tab());
        }
        for run in &p.runs {
            let run = self.run(run, p.size, on_grid);
            // The 发文机关标志 is printed in red.
            out = out.add_run(if p.part == Part::Mark {
                run.color(RED)
            } else {
                run
            });
        }
        if p.red_line {
            out = out.set_borders(
                ParagraphBorders::with_empty().set(
                    ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                        .val(BorderType::Single)
                        .size(RED_LINE_SIZE)
                        .space(RED_LINE_SPACE)
                        .color(RED),
                ),
            );
        }
        out
    }
}

/// Builds the document; the caller patches and packs it.
pub(super) fn document(draft: &Draft, options: &ExportOptions) -> Docx {
    let composed = page::compose(draft, options);
    let writer = Writer {
        page: composed.page,
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

    for block in &composed.blocks {
        docx = match block {
            Block::Paragraph(paragraph) => docx.add_paragraph(w.write(paragraph)),
            Block::Blank { line, keep_next } => {
                docx.add_paragraph(w.paragraph(*line, 0, 0, 0).keep_next(*keep_next))
            }
            // The paragraph after each table keeps it apart from the next one and from
            // the 版记 table, which Word would otherwise merge into it.
            Block::Table(table) => word_tables(table).iter().fold(docx, |docx, table| {
                docx.add_table(attachment_table(w, table))
                    .add_paragraph(w.free(20))
            }),
        };
    }
    if let Some(texts) = &composed.imprint {
        // A floating table cannot break across pages: a 版记 taller than the 版心 (a
        // 抄送 of sixty 机关) pinned to the bottom of one runs off it, and its last lines
        // are lost in print. It flows with the text instead, as the preview shows it.
        let floating =
            preview::imprint_floats(texts, PAGE_HEIGHT as i32 - w.page.top - w.page.bottom);
        // A floating table needs a paragraph after it to anchor to (and a body must not
        // end in a table); 1 pt high so it never starts a page of its own.
        docx = docx
            .add_table(imprint(w, texts, floating))
            .add_paragraph(w.free(20));
    }
    docx
}

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
