//! The composed page (see [`crate::page`]) laid out into A4 pages the way the exported
//! .docx lays out, for a live preview: the blocks the writer writes, with their line
//! heights, indents and fonts, lines broken at 28 字 with Chinese line-breaking rules,
//! and pages broken where LibreOffice breaks them as far as counting can tell
//! (keep-with-next headings and 署名, two-line widow and orphan control, the 版记 at the
//! bottom of the last page).
//!
//! Every length is in twips (1/20 pt); vertical positions count from the 版心 top.

mod breaking;
mod lines;
mod paginate;

// A preview line carries the composition's alignment, runs and source (its part and
// fonts: `crate::page::{Part, FontRole}`).
pub use crate::page::{Align, Run, Source};

use crate::model::Draft;
use crate::page::measures::{FOOTER, MARGIN_LEFT, PAGE_HEIGHT, PAGE_WIDTH, TEXT_WIDTH};
use crate::page::{self, Block, Document, Part};

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
    pub kind: Part,
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
    layout_document(&page::compose(draft, &draft.export))
}

/// Lays out a composed page.
pub(crate) fn layout_document(document: &Document) -> Preview {
    let page = document.page;
    let blocks = document
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(paragraph) => lines::paragraph(paragraph, &page),
            Block::Blank { line, keep_next } => lines::blank(*line, *keep_next, &page),
            Block::Table(table) => lines::table_summary(table, &page),
        })
        .collect();
    let imprint = document.imprint.as_ref().map(lines::imprint);
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
        pages: paginate::paginate(blocks, imprint, geometry.text_height),
        geometry,
    }
}

/// Whether the 版记 floats at the bottom of a page of `text_height`, its lines broken
/// as the preview breaks them (else it flows with the text).
pub(crate) fn imprint_floats(imprint: &page::Imprint, text_height: i32) -> bool {
    lines::imprint(imprint).floats(text_height)
}

#[cfg(test)]
mod tests;
