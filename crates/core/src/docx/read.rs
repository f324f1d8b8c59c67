//! Reading the text back out of a .docx: the paragraphs of `word/document.xml` in
//! order. A small scanner rather than docx-rs's reader, which hangs on some zips that
//! are not .docx files and costs about 235 KB gzip in wasm.

mod numbering;

use crate::package_read::{Package, PackageError};
use std::mem::take;

use crate::xml_text::{unescape, Tag, Tags};
use numbering::{Counters, NumberProperties, Numbering};

/// Entries larger than this are not a report's text: refuse rather than inflate them.
/// Counted in bytes actually inflated, not as the zip's header claims.
pub const MAX_DOCUMENT_XML: u64 = 64 * 1024 * 1024;

/// `word/numbering.xml` and `word/styles.xml` are read up to this size each: Word's own
/// are kilobytes, a long report's a few hundred.
pub const MAX_NUMBERING_PART: u64 = 8 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("文件不是 Word 文档（.docx），无法读取")]
    NotZip,
    #[error("压缩包中没有 Word 正文（word/document.xml），可能是 Excel 或其他格式的文件")]
    NotDocx,
    #[error("Word 文档已损坏，无法读取正文（压缩包结构有误或数据不完整）")]
    Damaged,
    #[error(
        "Word 文档使用了不支持的压缩方式或加密，无法读取；请用 Word 或 WPS 打开后另存为 .docx 再试"
    )]
    Unsupported,
    #[error("Word 文档的正文过大（解压后超过 64 MB），无法读取")]
    TooLarge,
    #[error(
        "这是旧版 Word/WPS/Excel 格式（.doc、.wps、.xls 等）或设置了打开密码的文件，无法直接读取；请用 Word、Excel 或 WPS 打开，去掉密码后另存为 .docx（表格另存为 .xlsx）再试"
    )]
    LegacyOffice,
}

/// Whether `bytes` are an OLE compound file: what Word 97–2003 (.doc), WPS (.wps,
/// .et), Excel 97–2003 (.xls) and a password-protected .docx are all stored as.
pub use crate::package_read::is_legacy_office;

/// The text of every paragraph of the document body, tables included, in order, each
/// automatically numbered one starting with the label Word shows (`一、`, `（1）`).
/// Tabs are `\t`, line breaks `\n`.
pub fn paragraphs(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    let (document, numbering) = document(bytes)?;
    Ok(scan(&document, Tables::CellParagraphs, &numbering))
}

/// The document body as lines: a paragraph outside tables is a line, as in
/// [`paragraphs`], and a table row is one line of tab-separated cells, as Word copies a
/// table, for readers of tables (a plan kept as a Word table).
pub fn lines_with_table_rows(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    let (document, numbering) = document(bytes)?;
    Ok(scan(&document, Tables::RowPerLine, &numbering))
}

/// `word/document.xml`, inflated within [`MAX_DOCUMENT_XML`], and the automatic
/// numbering its paragraphs may use: none when the numbering or style part is missing,
/// too large or unreadable, which costs the labels only, never the text.
fn document(bytes: &[u8]) -> Result<(String, Numbering), ReadError> {
    let mut package = Package::open(bytes)?;
    let document = package
        .part("word/document.xml", MAX_DOCUMENT_XML)?
        .ok_or(ReadError::NotDocx)?;
    let mut optional_part = |name| {
        package
            .part(name, MAX_NUMBERING_PART)
            .ok()
            .flatten()
            .unwrap_or_default()
    };
    let numbering = optional_part("word/numbering.xml");
    let styles = optional_part("word/styles.xml");
    Ok((document, Numbering::read(&numbering, &styles)))
}

impl From<PackageError> for ReadError {
    fn from(err: PackageError) -> Self {
        match err {
            PackageError::NotZip => ReadError::NotZip,
            PackageError::Damaged => ReadError::Damaged,
            PackageError::Unsupported => ReadError::Unsupported,
            PackageError::TooLarge => ReadError::TooLarge,
            PackageError::LegacyOffice => ReadError::LegacyOffice,
        }
    }
}

/// Scans WordprocessingML for `w:p`, `w:t`, `w:tab` and `w:br`: every paragraph,
/// table cells' included, as its own line.
pub fn paragraphs_of_xml(xml: &str) -> Vec<String> {
    scan(xml, Tables::CellParagraphs, &Numbering::default())
}

/// How [`scan`] gives a table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tables {
    /// Each paragraph of each cell as its own line.
    CellParagraphs,
    /// Each row of an outermost table as one line, its cells separated by tabs: a
    /// cell's paragraphs (and a nested table's, whose rows do not make lines of their
    /// own) joined by a space, its tabs and breaks made spaces, and a cell spanning `n`
    /// grid columns followed by `n - 1` empty cells, so that columns keep their place.
    RowPerLine,
}

/// A cell of the row being read in [`Tables::RowPerLine`].
struct Cell {
    text: String,
    span: usize,
    merge: VerticalMerge,
}

/// A cell's part in a vertical merge (`w:vMerge`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum VerticalMerge {
    None,
    /// `w:val="restart"`: the top cell, which holds the text.
    Top,
    /// The cells below it, empty in the file.
    Below,
}

/// The grid columns a row's merged cells are read for: Word's own limit.
const MAX_GRID_COLUMNS: usize = 64;

/// The cells of a row below the top of a vertical merge get the top cell's text when
/// the row is an item of its own (its first cell filled: a 责任单位 shared by several
/// tasks), as Word shows it beside each; a row whose first cell is empty or merged
/// continues the one above and is left as it is. `tops` holds each grid column's last
/// top text; `budget`, the bytes copies may still take (a long cell merged down ten
/// thousand rows must not make gigabytes).
fn fill_merged_cells(row: &mut [Cell], tops: &mut Vec<String>, budget: &mut u64) {
    let own_item = row.first().is_some_and(|cell| !cell.text.is_empty());
    let mut column = 0;
    for cell in row.iter_mut() {
        if column < MAX_GRID_COLUMNS {
            if tops.len() <= column {
                tops.resize(column + 1, String::new());
            }
            match cell.merge {
                VerticalMerge::Top => tops[column].clone_from(&cell.text),
                VerticalMerge::Below if own_item && cell.text.is_empty() => {
                    let cost = tops[column].len() as u64;
                    if cost <= *budget {
                        *budget -= cost;
                        cell.text.clone_from(&tops[column]);
                    }
                }
                _ => {}
            }
        }
        column += cell.span;
    }
}

/// A cell spans at most this many grid columns: Word's own limit is 63, and a
/// `w:gridSpan` claiming a billion must not make a billion tabs.
const MAX_GRID_SPAN: usize = 64;

/// Paragraphs inside paragraphs (a text box in a text box's paragraph) are kept apart to
/// this depth: Word's own documents nest two or three.
const MAX_NESTED_PARAGRAPHS: usize = 16;

/// A paragraph being read: its text so far, what its properties say about its
/// automatic number, and what they say about its mark.
#[derive(Default)]
struct OpenParagraph<'x> {
    text: String,
    numbered: NumberProperties<&'x str>,
    /// Inside its `w:pPr`, and inside the `w:rPr` there that formats its mark.
    in_properties: bool,
    in_mark_properties: bool,
    /// Its mark deleted (or moved away) under tracked changes (修订): Word shows it run
    /// into the next paragraph.
    mark_deleted: bool,
    /// Inside a run whose properties hide it (`w:vanish`): Word neither shows nor prints
    /// hidden text unless asked to, and a report is read as it prints.
    in_hidden_run: bool,
    /// Inside a run's previous properties (`w:rPrChange`), which are no longer its own.
    in_old_run_properties: bool,
}

impl OpenParagraph<'_> {
    /// Records `tag` if it says something of the paragraph's mark or of a run's
    /// visibility; whether it did.
    fn read(&mut self, tag: &Tag) -> bool {
        match (tag.name, tag.closing) {
            ("w:pPr", closing) if !tag.empty => self.in_properties = !closing,
            ("w:rPr", closing) if self.in_properties && !tag.empty => {
                self.in_mark_properties = !closing;
            }
            ("w:del" | "w:moveFrom", false) if self.in_mark_properties => self.mark_deleted = true,
            ("w:r", _) => self.in_hidden_run = false,
            ("w:rPrChange", closing) if !tag.empty => self.in_old_run_properties = !closing,
            ("w:vanish", false) if !self.in_properties && !self.in_old_run_properties => {
                self.in_hidden_run = !matches!(tag.attribute("w:val"), Some("0" | "false" | "off"));
            }
            _ => return false,
        }
        true
    }
}

fn scan(xml: &str, tables: Tables, numbering: &Numbering) -> Vec<String> {
    let rows = tables == Tables::RowPerLine;
    let mut out = Vec::new();
    // The open paragraphs, innermost last: a text box's paragraphs sit inside the
    // paragraph that anchors the box, and must neither end nor take over that
    // paragraph's text.
    let mut open: Vec<OpenParagraph> = Vec::new();
    // The text of paragraphs whose mark was deleted, which the next paragraph opens with.
    let mut run_in = String::new();
    // The list counters, which run through the whole body in order.
    let mut lists = numbering.counters();
    // How many tables the scan is inside, and the cells of the outermost one's row.
    let mut table_depth = 0usize;
    let mut row: Vec<Cell> = Vec::new();
    // The outermost table's merged cells' top texts, by grid column, and what their
    // copies may still take: as much as the document itself.
    let mut merged_tops: Vec<String> = Vec::new();
    let mut copies_budget = MAX_DOCUMENT_XML;
    // How deep inside `mc:Fallback`: the same content again for older readers (Word
    // writes a text box twice, as DrawingML in `mc:Choice` and as VML here); read once.
    let mut fallback_depth = 0usize;
    // How deep inside text deleted or moved away under tracked changes (`w:del`,
    // `w:moveFrom`): Word shows the document as it is after the changes, and so is it
    // read.
    let mut removed_depth = 0usize;
    // Paragraphs opened past [`MAX_NESTED_PARAGRAPHS`]: their text goes to the innermost
    // one kept.
    let mut too_deep = 0usize;
    let mut tags = Tags::new(xml);
    while let Some(tag) = tags.next() {
        if tag.name == "mc:Fallback" && !tag.empty {
            fallback_depth = tag.nesting(fallback_depth);
            continue;
        }
        if fallback_depth > 0 {
            continue;
        }
        if let Some(paragraph) = open.last_mut() {
            if paragraph.numbered.read(&tag) || paragraph.read(&tag) {
                continue;
            }
        }
        let in_row = rows && table_depth > 0;
        let visible = removed_depth == 0 && !open.last().is_some_and(|p| p.in_hidden_run);
        match (tag.name, tag.closing) {
            ("w:del" | "w:moveFrom", _) if !tag.empty => removed_depth = tag.nesting(removed_depth),
            ("w:tbl", false) if !tag.empty => {
                table_depth += 1;
                if table_depth == 1 {
                    merged_tops.clear();
                }
            }
            ("w:tbl", true) => table_depth = table_depth.saturating_sub(1),
            ("w:tr", false) if in_row && table_depth == 1 => row.clear(),
            ("w:tr", true) if in_row && table_depth == 1 => {
                fill_merged_cells(&mut row, &mut merged_tops, &mut copies_budget);
                out.push(row_line(&row));
            }
            ("w:tc", false) if in_row && table_depth == 1 => row.push(Cell {
                text: String::new(),
                span: 1,
                merge: VerticalMerge::None,
            }),
            ("w:vMerge", false) if in_row && table_depth == 1 => {
                if let Some(cell) = row.last_mut() {
                    cell.merge = match tag.attribute("w:val") {
                        Some("restart") => VerticalMerge::Top,
                        _ => VerticalMerge::Below,
                    };
                }
            }
            ("w:gridSpan", false) if in_row && table_depth == 1 => {
                if let Some(cell) = row.last_mut() {
                    cell.span = tag
                        .attribute("w:val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, MAX_GRID_SPAN);
                }
            }
            ("w:p", false) if tag.empty => {
                let text = labelled(&mut lists, &NumberProperties::default(), take(&mut run_in));
                match row.last_mut() {
                    Some(cell) if in_row => add_to_cell(cell, &text),
                    _ => out.push(text),
                }
            }
            ("w:p", false) if open.len() == MAX_NESTED_PARAGRAPHS => too_deep += 1,
            ("w:p", false) => open.push(OpenParagraph {
                text: take(&mut run_in),
                ..OpenParagraph::default()
            }),
            ("w:p", true) if too_deep > 0 => too_deep -= 1,
            ("w:p", true) => match open.pop() {
                // Its text opens the next paragraph, which numbers the two as one.
                Some(paragraph) if paragraph.mark_deleted => run_in = paragraph.text,
                Some(paragraph) => {
                    let text = labelled(&mut lists, &paragraph.numbered, paragraph.text);
                    match row.last_mut() {
                        Some(cell) if in_row => add_to_cell(cell, &text),
                        _ => out.push(text),
                    }
                }
                None => {}
            },
            ("w:t", false) if !tag.empty => {
                let text = tags.text_until("</w:t>");
                if let Some(paragraph) = open.last_mut().filter(|_| visible) {
                    paragraph.text.push_str(&unescape(text));
                }
            }
            ("w:tab", false) if visible => push_char(&mut open, '\t'),
            ("w:br" | "w:cr", false) if visible => push_char(&mut open, '\n'),
            _ => {}
        }
    }
    // A deleted mark on the last paragraph has nothing to run into: its text stays.
    if !run_in.is_empty() {
        out.push(run_in);
    }
    out
}

/// A paragraph's text after the label its properties give it, if any: an empty
/// numbered paragraph is its label alone (a table's 序号 cell).
fn labelled(lists: &mut Counters, numbered: &NumberProperties<&str>, text: String) -> String {
    match lists.label(numbered) {
        Some(label) if text.is_empty() => label.trim_end().to_string(),
        Some(label) => label + &text,
        None => text,
    }
}

/// Adds a tab or a break to the innermost open paragraph.
fn push_char(open: &mut [OpenParagraph], c: char) {
    if let Some(paragraph) = open.last_mut() {
        paragraph.text.push(c);
    }
}

/// Adds a paragraph's text to a table cell read as part of a row line: tabs and breaks
/// made spaces, paragraphs joined by a space, empty ones left out.
fn add_to_cell(cell: &mut Cell, text: &str) {
    let text = text.replace(['\t', '\n'], " ");
    if !text.trim().is_empty() {
        if !cell.text.is_empty() {
            cell.text.push(' ');
        }
        cell.text.push_str(text.trim());
    }
}

/// A table row as one line: its cells separated by tabs, a spanning cell followed by
/// the empty cells of the columns it covers.
fn row_line(row: &[Cell]) -> String {
    let mut line = String::new();
    for (i, cell) in row.iter().enumerate() {
        if i > 0 {
            line.push('\t');
        }
        line.push_str(&cell.text);
        line.extend(std::iter::repeat_n('\t', cell.span - 1));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn scans_text_tabs_breaks_and_entities() {
        let xml = r#"<w:body><w:p><w:r><w:t xml:space="preserve">甲 &amp; </w:t><w:tab/><w:t>乙&#x4E19;</w:t></w:r></w:p><w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t>丁</w:t><w:br/><w:t>戊</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>"#;
        assert_eq!(paragraphs_of_xml(xml), ["甲 & \t乙丙", "", "丁\n戊"]);
    }

    #[test]
    fn a_table_row_is_one_line_only_when_asked() {
        let cell = |inner: &str| format!("<w:tc>{inner}</w:tc>");
        let p = |text: &str| format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>");
        let nested = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            cell(&p("己")),
            cell(&p("庚"))
        );
        let xml = format!(
            "<w:body>{}<w:tbl><w:tr>{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>{}</w:body>",
            p("甲"),
            cell(&format!(
                r#"<w:tcPr><w:gridSpan w:val="3"/></w:tcPr>{}"#,
                p("一、乙")
            )),
            cell(&format!(
                "{}<w:p/>{}",
                p("丙"),
                p("丁</w:t><w:tab/><w:t>戊")
            )),
            cell(&nested),
            cell("<w:p/>"),
            p("辛"),
        );
        assert_eq!(
            scan(&xml, Tables::RowPerLine, &Numbering::default()),
            ["甲", "一、乙\t\t", "丙 丁 戊\t己 庚\t", "辛"]
        );
        assert_eq!(
            paragraphs_of_xml(&xml),
            ["甲", "一、乙", "丙", "", "丁\t戊", "己", "庚", "", "辛"]
        );
    }

    #[test]
    fn a_cell_merged_down_over_rows_of_their_own_is_read_in_each() {
        let cell = |merge: &str, text: &str| {
            format!("<w:tc><w:tcPr>{merge}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
        };
        let top = r#"<w:vMerge w:val="restart"/>"#;
        let below = "<w:vMerge/>";
        let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
        let xml = format!(
            "<w:body><w:tbl>{}{}{}{}</w:tbl></w:body>",
            row(&[cell("", "1"), cell("", "任务甲"), cell(top, "法规科")]),
            row(&[cell("", "2"), cell("", "任务乙"), cell(below, "")]),
            // The 序号 merged too: the row continues the one above.
            row(&[cell(below, ""), cell("", "乙的第二行"), cell(below, "")]),
            row(&[cell("", "3"), cell("", "任务丙"), cell("", "办公室")]),
        );
        assert_eq!(
            scan(&xml, Tables::RowPerLine, &Numbering::default()),
            [
                "1\t任务甲\t法规科",
                "2\t任务乙\t法规科",
                "\t乙的第二行\t",
                "3\t任务丙\t办公室"
            ]
        );
    }

    #[test]
    fn copies_of_a_merged_cell_stop_at_the_documents_own_limit() {
        let long = "科".repeat(1 << 20);
        let mut xml = format!(
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>{long}</w:t></w:r></w:p></w:tc></w:tr>"#
        );
        let below = "<w:tr><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>";
        xml.push_str(&below.repeat(100));
        xml.push_str("</w:tbl>");
        let lines = scan(&xml, Tables::RowPerLine, &Numbering::default());
        assert_eq!(lines.len(), 101);
        let copied: u64 = lines[1..].iter().map(|l| l.len() as u64).sum();
        assert!(copied <= MAX_DOCUMENT_XML + 100 * 2, "{copied}");
        assert!(lines[1].ends_with('科') && lines[100] == "2\t");
    }

    #[test]
    fn a_text_box_is_read_once_and_apart_from_its_anchor_paragraph() {
        // As Word writes a text box: DrawingML for readers that know it, the same
        // paragraphs as VML for those that do not.
        let in_box = "<w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent>";
        let xml = format!(
            r#"<w:body><w:p><w:r><w:t>正文前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{in_box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{in_box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:tab/><w:t>正文后</w:t></w:r></w:p><w:p><w:r><w:t>下一段</w:t></w:r></w:p></w:body>"#
        );
        assert_eq!(
            paragraphs_of_xml(&xml),
            ["框内", "正文前\t正文后", "下一段"]
        );
    }

    #[test]
    fn tracked_changes_read_as_the_document_is_after_them() {
        // Inserted and moved-here text is read; deleted and moved-away text is not, in
        // w:delText as Word writes it or in w:t as some writers do, its tabs and breaks
        // neither.
        let xml = r#"<w:body><w:p><w:r><w:t>全年</w:t></w:r><w:del w:id="1" w:author="甲"><w:r><w:delText>开展</w:delText></w:r><w:r><w:tab/><w:t>组织</w:t><w:br/></w:r></w:del><w:ins w:id="2" w:author="甲"><w:r><w:t>举办</w:t></w:r></w:ins><w:moveFrom w:id="3" w:author="甲"><w:r><w:t>专题</w:t></w:r></w:moveFrom><w:r><w:t>培训</w:t></w:r><w:moveTo w:id="4" w:author="甲"><w:r><w:t>3次</w:t></w:r></w:moveTo></w:p><w:p><w:del w:id="5" w:author="甲"><w:r><w:t>删去</w:t></w:r></w:del><w:r><w:t>下一段</w:t></w:r></w:p></w:body>"#;
        assert_eq!(paragraphs_of_xml(xml), ["全年举办培训3次", "下一段"]);
    }

    #[test]
    fn a_paragraph_whose_mark_was_deleted_runs_into_the_next() {
        let deleted_mark =
            r#"<w:pPr><w:jc w:val="both"/><w:rPr><w:del w:id="1" w:author="甲"/></w:rPr></w:pPr>"#;
        let moved_mark = r#"<w:pPr><w:rPr><w:moveFrom w:id="2" w:author="甲"/></w:rPr></w:pPr>"#;
        // An inserted mark, and a deletion in the old properties of a run, change nothing.
        let inserted_mark = r#"<w:pPr><w:rPr><w:ins w:id="3" w:author="甲"/></w:rPr></w:pPr>"#;
        let xml = format!(
            r#"<w:body><w:p>{deleted_mark}<w:r><w:t>第一句。</w:t></w:r></w:p><w:p><w:r><w:t>第二句。</w:t></w:r></w:p><w:p>{moved_mark}<w:moveFrom w:id="4"><w:r><w:t>移走的段落</w:t></w:r></w:moveFrom></w:p><w:p>{inserted_mark}<w:r><w:rPr><w:b/></w:rPr><w:t>新段</w:t></w:r></w:p><w:p>{deleted_mark}<w:r><w:t>末段</w:t></w:r></w:p></w:body>"#
        );
        // The last paragraph's deleted mark has no paragraph to run into: its text stays.
        assert_eq!(
            paragraphs_of_xml(&xml),
            ["第一句。第二句。", "新段", "末段"]
        );
    }

    #[test]
    fn hidden_text_is_not_read() {
        // Word neither shows nor prints it; `w:val="0"` shows it again, and a run's old
        // properties (w:rPrChange) are not its own.
        let xml = r#"<w:body><w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t><w:tab/></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r><w:r><w:rPr><w:rPrChange w:id="1"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>曾隐藏</w:t></w:r></w:p><w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>段落标记隐藏</w:t></w:r></w:p></w:body>"#;
        assert_eq!(paragraphs_of_xml(xml), ["可见显示曾隐藏", "段落标记隐藏"]);
    }

    #[test]
    fn paragraphs_nested_past_the_limit_join_the_innermost_kept() {
        let depth = 10_000;
        let xml = format!(
            "{}<w:r><w:t>甲</w:t></w:r>{}<w:p><w:r><w:t>乙</w:t></w:r></w:p>",
            "<w:p>".repeat(depth),
            "</w:p>".repeat(depth)
        );
        let lines = paragraphs_of_xml(&xml);
        assert_eq!(lines.len(), MAX_NESTED_PARAGRAPHS + 1);
        assert_eq!(lines[0], "甲");
        assert_eq!(lines[MAX_NESTED_PARAGRAPHS], "乙");
    }

    #[test]
    fn refuses_what_is_not_a_docx() {
        assert_eq!(paragraphs(b"not a zip"), Err(ReadError::NotZip));
        let mut xlsx = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut xlsx);
            zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut zip, b"<workbook/>").unwrap();
            zip.finish().unwrap();
        }
        assert_eq!(paragraphs(&xlsx.into_inner()), Err(ReadError::NotDocx));
    }
}
