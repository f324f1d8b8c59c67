//! The page, composed once: a draft and its export options as the ordered blocks of a
//! GB/T 9704-2012 document (版头, 标题, 主送机关, 正文, 附件说明, 署名/成文日期, 附注,
//! 附件, 版记) with their measures. The .docx writer writes these blocks and the
//! preview paginates the same blocks, so the two cannot disagree on what the page holds.
//!
//! Every length is in twips (1/20 pt); every text is as the file holds it (through
//! [`clean_text`](crate::xml_text::clean_text)).

mod compose;
pub(crate) mod measures;
pub(crate) mod text;

pub use compose::compose;
pub use measures::{profile_page, ProfilePage};

use crate::model::NodeId;
use crate::MetaField;

/// The document's blocks in reading order, with the 版记 apart: it sits at the bottom
/// of the last page rather than after the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The page geometry of the export's layout profile.
    pub page: ProfilePage,
    pub blocks: Vec<Block>,
    pub imprint: Option<Imprint>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    /// An empty paragraph: a blank line of the grid, or a spacer of its own height.
    Blank {
        line: LineHeight,
        keep_next: bool,
    },
    /// The attached table.
    Table(Table),
}

/// A paragraph of one size, its runs broken into lines by whoever lays it out.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub part: Part,
    /// Where its text is edited.
    pub source: Source,
    pub runs: Vec<Run>,
    /// Font size in half-points (`w:sz`).
    pub size: usize,
    pub line: LineHeight,
    /// Indents from the 版心's left and right edges, and of the first line from the
    /// left indent (negative: hanging).
    pub left: i32,
    pub first: i32,
    pub right: i32,
    pub align: Align,
    pub keep_next: bool,
    pub page_break_before: bool,
    /// The heading level as Word's navigation pane shows it (0 for 一、).
    pub outline_level: Option<u8>,
    /// The red line under the 发文字号, drawn as the paragraph's bottom border.
    pub red_line: bool,
    /// A left tab stop the runs start at, after the lead (a 签发人 line).
    pub tab: Option<TabStop>,
}

/// Text in one font. A `'\n'` is a line break the composition placed (the lines of a
/// balanced title): every other line break was taken out with the control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub font: FontRole,
}

/// The exact height of a paragraph's lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineHeight {
    /// A line of the 3号 grid: the profile's line pitch.
    Grid,
    /// Off the grid, of its own height in twips (mark, title, spacer).
    Exact(i32),
}

/// A left tab stop, and what stands before it on the line.
#[derive(Clone, Debug, PartialEq)]
pub struct TabStop {
    /// From the 版心's left edge.
    pub position: i32,
    /// The 发文字号 on the last 签发人 line; nothing on the others.
    pub lead: Option<Lead>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lead {
    pub run: Run,
    pub part: Part,
    pub source: Source,
}

/// The attached table: a header row that repeats on every page, then one row per plan
/// item, in 小四.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    /// The cells of each row, one per column; a cell's text may hold several lines.
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    /// In twips; the columns span the 版心.
    pub width: i32,
    /// Of the column's cells below the header (the header is centred).
    pub align: Align,
}

/// 版记: 抄送 and 印发机关/印发日期 between thick and thin rules, in 4号; empty strings
/// where not filled in, never all three.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imprint {
    /// "抄送：…。"
    pub cc: String,
    pub printer: String,
    /// "…印发"
    pub print_date: String,
}

/// What a paragraph is, for its colour and spacing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// 发文机关标志, red.
    Mark,
    DocNumber,
    Signer,
    Title,
    Recipients,
    /// Level 1–4 heading (stand-alone or run-in).
    Heading(u8),
    Body,
    Attachment,
    Signature,
    Date,
    Note,
    /// 版记 (抄送, 印发机关, 印发日期).
    Imprint,
    /// The attachment's label, title and table, on pages after the 署名.
    AttachmentPage,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Stretched to the full width: every line of the paragraph but its last.
    Justify,
}

/// The editor field a text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A section (its 一、 heading) or a heading or paragraph node.
    Node(NodeId),
    Field(MetaField),
}

/// The font roles of GB/T 9704.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontRole {
    /// 小标宋: 发文机关标志 and 标题.
    XiaoBiaoSong,
    /// 仿宋: body text and most elements.
    FangSong,
    /// 黑体: level-1 headings.
    HeiTi,
    /// 楷体: level-2 headings and the 签发人's name.
    KaiTi,
    /// 宋体: page numbers.
    SongTi,
}

#[cfg(test)]
pub(crate) mod tests;
