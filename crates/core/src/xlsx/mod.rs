//! A small SpreadsheetML (.xlsx) writer: one worksheet of text with a title row, a note
//! row, a header row that filters (筛选) and stays in view, wrapped cells and set column
//! widths, printed landscape on A4 one page wide. Text goes to a shared-strings part,
//! as Excel itself writes it. The package parts are the same as the .docx's
//! ([`crate::opc`]). A maintained crate (`rust_xlsxwriter`) weighed 157 KB gzip in the
//! worker; this is what the coverage table needs of it.

pub mod coverage_workbook;

use crate::opc::{
    self, CORE_PROPERTIES_PART, CORE_PROPERTIES_RELATIONSHIP, CORE_PROPERTIES_TYPE,
    OFFICE_RELATIONSHIP, THEME, THEME_TYPE,
};
use crate::xml_text::{clean_text, escape};

const MAIN_NAMESPACE: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const SPREADSHEET: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
/// Excel refuses longer text in a cell (it counts UTF-16 code units).
const MAX_CELL_UNITS: usize = 32_767;
/// The rows above the data: title, note, header.
const HEADER_ROW: usize = 3;

/// Cell formats, as indexes into the styles part's `cellXfs`.
const STYLE_TITLE: usize = 1;
const STYLE_NOTE: usize = 2;
const STYLE_HEADER: usize = 3;
const STYLE_BODY: usize = 4;

/// Fonts: 宋体 11 pt in the body, bold 黑体 in the header, 黑体 16 pt in the title (the
/// 公文 fonts, so the sheet looks like the Word table); thin borders round the table and
/// a light grey header.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="3"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="黑体"/><family val="3"/><charset val="134"/></font><font><sz val="16"/><name val="黑体"/><family val="3"/><charset val="134"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

/// One worksheet of text.
pub(crate) struct Sheet<'a> {
    /// The tab's name: at most 31 characters, none of `[]:*?/\`.
    pub name: &'a str,
    /// Row 1, across the table; also the file's title property.
    pub title: &'a str,
    /// Row 2, across the table.
    pub note: &'a str,
    /// Row 3: each column's header and its width in Excel's units (the width of a "0";
    /// a CJK character takes about two). Whole units: formatting a float would add its
    /// code to the worker.
    pub columns: &'a [(&'a str, u16)],
    /// The data, from row 4: a cell's lines, shown wrapped one under another.
    pub rows: Vec<Vec<Vec<String>>>,
}

/// The workbook of `sheet`. `creator` and `now` (RFC 3339) are the file's properties.
pub(crate) fn workbook(sheet: &Sheet, creator: &str, now: &str) -> std::io::Result<Vec<u8>> {
    let mut strings = SharedStrings::default();
    let worksheet = worksheet(sheet, &mut strings);
    let sheet_type = format!("{SPREADSHEET}worksheet+xml");
    let workbook_type = format!("{SPREADSHEET}sheet.main+xml");
    let styles_type = format!("{SPREADSHEET}styles+xml");
    let strings_type = format!("{SPREADSHEET}sharedStrings+xml");
    let content_types = opc::content_types([
        ("xl/workbook.xml", workbook_type.as_str()),
        ("xl/worksheets/sheet1.xml", &sheet_type),
        ("xl/styles.xml", &styles_type),
        ("xl/sharedStrings.xml", &strings_type),
        ("xl/theme/theme1.xml", THEME_TYPE),
        (CORE_PROPERTIES_PART, CORE_PROPERTIES_TYPE),
    ]);
    let office = |kind: &str| format!("{OFFICE_RELATIONSHIP}{kind}");
    let package_rels = opc::relationships(&[
        ("rId1", &office("officeDocument"), "xl/workbook.xml"),
        ("rId2", CORE_PROPERTIES_RELATIONSHIP, CORE_PROPERTIES_PART),
    ]);
    let workbook_rels = opc::relationships(&[
        ("rId1", &office("worksheet"), "worksheets/sheet1.xml"),
        ("rId2", &office("styles"), "styles.xml"),
        ("rId3", &office("sharedStrings"), "sharedStrings.xml"),
        ("rId4", &office("theme"), "theme/theme1.xml"),
    ]);
    let parts = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", package_rels),
        (
            CORE_PROPERTIES_PART,
            opc::core_properties(sheet.title, creator, now),
        ),
        ("xl/workbook.xml", workbook_part(sheet)),
        ("xl/_rels/workbook.xml.rels", workbook_rels),
        ("xl/worksheets/sheet1.xml", worksheet),
        ("xl/styles.xml", STYLES.to_string()),
        ("xl/sharedStrings.xml", strings.part()),
        ("xl/theme/theme1.xml", THEME.to_string()),
    ];
    opc::zip_deflated(
        parts
            .into_iter()
            .map(|(name, xml)| (name.to_string(), xml.into_bytes()))
            .collect(),
    )
}

/// The workbook part: the one sheet, the filter's range as Excel names it (it writes
/// `_xlnm._FilterDatabase` with every autofilter) and the header row repeated on every
/// printed page.
fn workbook_part(sheet: &Sheet) -> String {
    let name = escape(sheet.name);
    // In a formula the sheet's name is quoted, with its own quotes doubled.
    let quoted = escape(&format!("'{}'", sheet.name.replace('\'', "''")));
    let filter = absolute_range(&filter_range(sheet));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN_NAMESPACE}" xmlns:r="{OFFICE_RELATIONSHIP_NS}"><bookViews><workbookView/></bookViews><sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{quoted}!{filter}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">{quoted}!${HEADER_ROW}:${HEADER_ROW}</definedName></definedNames></workbook>"#,
        OFFICE_RELATIONSHIP_NS = OFFICE_RELATIONSHIP.trim_end_matches('/'),
    )
}

/// The worksheet part, its text added to `strings`.
fn worksheet(sheet: &Sheet, strings: &mut SharedStrings) -> String {
    let last_column = column_name(sheet.columns.len() - 1);
    let last_row = HEADER_ROW + sheet.rows.len();
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN_NAMESPACE}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:{last_column}{last_row}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="{HEADER_ROW}" topLeftCell="A{first_data}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A{first_data}" sqref="A{first_data}"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.25"/><cols>"#,
        first_data = HEADER_ROW + 1,
    );
    for (i, (_, width)) in sheet.columns.iter().enumerate() {
        let n = i + 1;
        xml.push_str(&format!(
            r#"<col min="{n}" max="{n}" width="{width}" customWidth="1"/>"#
        ));
    }
    xml.push_str("</cols><sheetData>");
    // The title and the note are merged across the table; merged cells do not grow to
    // fit their text, so their rows are set tall enough for one line of each.
    for (row, text, style, height) in [
        (1, sheet.title, STYLE_TITLE, 30),
        (2, sheet.note, STYLE_NOTE, 30),
    ] {
        xml.push_str(&format!(
            r#"<row r="{row}" ht="{height}" customHeight="1">{}</row>"#,
            cell(
                &format!("A{row}"),
                Some(strings.index(&cell_text(&[text.to_string()]))),
                style
            )
        ));
    }
    let header: Vec<Vec<String>> = sheet
        .columns
        .iter()
        .map(|(name, _)| vec![name.to_string()])
        .collect();
    let rows = std::iter::once((STYLE_HEADER, &header))
        .chain(sheet.rows.iter().map(|row| (STYLE_BODY, row)));
    for (i, (style, cells)) in rows.enumerate() {
        let row = HEADER_ROW + i;
        xml.push_str(&format!(r#"<row r="{row}">"#));
        for (column, lines) in cells.iter().enumerate() {
            let text = cell_text(lines);
            let index = (!text.is_empty()).then(|| strings.index(&text));
            xml.push_str(&cell(
                &format!("{}{row}", column_name(column)),
                index,
                style,
            ));
        }
        xml.push_str("</row>");
    }
    xml.push_str(&format!(
        r#"</sheetData><autoFilter ref="{}"/><mergeCells count="2"><mergeCell ref="A1:{last_column}1"/><mergeCell ref="A2:{last_column}2"/></mergeCells><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/></worksheet>"#,
        filter_range(sheet)
    ));
    xml
}

/// The header row and every data row: `A3:E23`.
fn filter_range(sheet: &Sheet) -> String {
    format!(
        "A{HEADER_ROW}:{}{}",
        column_name(sheet.columns.len() - 1),
        HEADER_ROW + sheet.rows.len()
    )
}

/// `A3:E23` as `$A$3:$E$23`, as a defined name holds it.
fn absolute_range(range: &str) -> String {
    range
        .split(':')
        .map(|reference| {
            let digits = reference.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            format!("${}${}", &reference[..digits], &reference[digits..])
        })
        .collect::<Vec<_>>()
        .join(":")
}

/// A cell of shared string `index` (none: an empty cell, still styled so that its
/// borders show).
fn cell(reference: &str, index: Option<usize>, style: usize) -> String {
    match index {
        Some(index) => format!(r#"<c r="{reference}" s="{style}" t="s"><v>{index}</v></c>"#),
        None => format!(r#"<c r="{reference}" s="{style}"/>"#),
    }
}

/// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
fn column_name(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        letters.push(char::from(b'A' + ((n - 1) % 26) as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A cell's lines as its text: each as XML allows it, one per line, cut to what Excel
/// accepts.
fn cell_text(lines: &[String]) -> String {
    let text = lines
        .iter()
        .map(|line| clean_text(line))
        .collect::<Vec<_>>()
        .join("\n");
    let mut units = 0;
    match text.char_indices().find(|(_, c)| {
        units += c.len_utf16();
        units > MAX_CELL_UNITS
    }) {
        Some((end, _)) => text[..end].to_string(),
        None => text,
    }
}

/// The workbook's text, each distinct string once.
#[derive(Default)]
struct SharedStrings {
    strings: Vec<String>,
    /// How many cells refer to a string (the part's `count`).
    uses: usize,
}

impl SharedStrings {
    /// Found by a linear search: the table has five cells per plan item, and a hash
    /// map would add its code to the worker.
    fn index(&mut self, text: &str) -> usize {
        self.uses += 1;
        if let Some(index) = self.strings.iter().position(|s| s == text) {
            return index;
        }
        self.strings.push(text.to_string());
        self.strings.len() - 1
    }

    fn part(&self) -> String {
        let mut xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{MAIN_NAMESPACE}" count="{}" uniqueCount="{}">"#,
            self.uses,
            self.strings.len()
        );
        for text in &self.strings {
            // Kept as written: the line breaks, and spaces at either end.
            xml.push_str(&format!(
                r#"<si><t xml:space="preserve">{}</t></si>"#,
                escape(text)
            ));
        }
        xml.push_str("</sst>");
        xml
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The text of part `name` of the package `bytes`.
    pub(crate) fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
        xml
    }

    /// The shared strings in order, unescaped.
    pub(crate) fn shared_strings(bytes: &[u8]) -> Vec<String> {
        part(bytes, "xl/sharedStrings.xml")
            .split(r#"<si><t xml:space="preserve">"#)
            .skip(1)
            .map(|si| {
                si.split("</t>")
                    .next()
                    .unwrap()
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&")
            })
            .collect()
    }

    /// Each cell of the worksheet as (reference, text), empty cells with "".
    pub(crate) fn cells(bytes: &[u8]) -> Vec<(String, String)> {
        let strings = shared_strings(bytes);
        part(bytes, "xl/worksheets/sheet1.xml")
            .split(r#"<c r=""#)
            .skip(1)
            .map(|c| {
                let reference = c.split('"').next().unwrap().to_string();
                let text = c
                    .split_once("<v>")
                    .map(|(_, v)| {
                        strings[v.split('<').next().unwrap().parse::<usize>().unwrap()].clone()
                    })
                    .unwrap_or_default();
                (reference, text)
            })
            .collect()
    }

    fn sheet(rows: Vec<Vec<Vec<String>>>) -> Vec<u8> {
        let columns = [("甲", 10), ("乙", 20), ("丙", 30)];
        workbook(
            &Sheet {
                name: "2023年落实情况表",
                title: "标题",
                note: "说明",
                columns: &columns,
                rows,
            },
            "某局",
            "2024-01-15T00:00:00Z",
        )
        .unwrap()
    }

    fn lines(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn cells_hold_their_lines_row_by_row_after_the_title_note_and_header() {
        let bytes = sheet(vec![
            vec![
                lines(&["1. 任务"]),
                lines(&["局法制科"]),
                lines(&["已覆盖", "有依据"]),
            ],
            vec![lines(&["2. 任务"]), lines(&[]), lines(&["未覆盖"])],
        ]);
        let got = cells(&bytes);
        let want: Vec<(String, String)> = [
            ("A1", "标题"),
            ("A2", "说明"),
            ("A3", "甲"),
            ("B3", "乙"),
            ("C3", "丙"),
            ("A4", "1. 任务"),
            ("B4", "局法制科"),
            ("C4", "已覆盖\n有依据"),
            ("A5", "2. 任务"),
            ("B5", ""),
            ("C5", "未覆盖"),
        ]
        .iter()
        .map(|(r, t)| (r.to_string(), t.to_string()))
        .collect();
        assert_eq!(got, want);
        // Each distinct text is stored once.
        let strings = shared_strings(&bytes);
        assert_eq!(strings.len(), 10);
        assert!(part(&bytes, "xl/sharedStrings.xml").contains(r#"count="10" uniqueCount="10""#));
    }

    #[test]
    fn markup_is_escaped_and_control_characters_dropped_in_cells_and_names() {
        let bytes = workbook(
            &Sheet {
                name: "甲'乙&丙",
                title: "A&B <局>\u{b}",
                note: "\"说明\"",
                columns: &[("<列>", 10)],
                rows: vec![vec![lines(&["x < y & z\u{0}", "第二行"])]],
            },
            "某局 & <所>",
            "2024-01-15T00:00:00Z",
        )
        .unwrap();
        let strings = part(&bytes, "xl/sharedStrings.xml");
        assert!(strings.contains("A&amp;B &lt;局&gt;</t>"), "{strings}");
        assert!(
            strings.contains("x &lt; y &amp; z\n第二行</t>"),
            "{strings}"
        );
        assert!(strings.contains("&lt;列&gt;"), "{strings}");
        let workbook = part(&bytes, "xl/workbook.xml");
        assert!(
            workbook.contains(r#"<sheet name="甲&apos;乙&amp;丙""#),
            "{workbook}"
        );
        // In a formula the quote is doubled, then escaped.
        assert!(
            workbook.contains("&apos;甲&apos;&apos;乙&amp;丙&apos;!$A$3:$A$4"),
            "{workbook}"
        );
        let core = part(&bytes, "docProps/core.xml");
        assert!(
            core.contains("<dc:title>A&amp;B &lt;局&gt;</dc:title>"),
            "{core}"
        );
        assert!(
            core.contains("<dc:creator>某局 &amp; &lt;所&gt;</dc:creator>"),
            "{core}"
        );
    }

    #[test]
    fn the_filter_spans_the_header_and_every_row_and_the_header_stays_in_view() {
        let row = || vec![lines(&["a"]), lines(&["b"]), lines(&["c"])];
        let bytes = sheet((0..20).map(|_| row()).collect());
        let worksheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(
            worksheet.contains(r#"<autoFilter ref="A3:C23"/>"#),
            "{worksheet}"
        );
        assert!(worksheet.contains(r#"<dimension ref="A1:C23"/>"#));
        assert!(worksheet.contains(
            r#"<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>"#
        ));
        assert!(worksheet.contains(r#"<mergeCell ref="A1:C1"/><mergeCell ref="A2:C2"/>"#));
        assert!(worksheet.contains(r#"<col min="3" max="3" width="30" customWidth="1"/>"#));
        let workbook = part(&bytes, "xl/workbook.xml");
        assert!(
            workbook.contains(r#"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;2023年落实情况表&apos;!$A$3:$C$23</definedName>"#),
            "{workbook}"
        );
        assert!(workbook.contains("&apos;2023年落实情况表&apos;!$3:$3</definedName>"));
    }

    #[test]
    fn a_workbook_without_rows_has_the_header_alone_under_its_filter() {
        let bytes = sheet(Vec::new());
        let worksheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(
            worksheet.contains(r#"<autoFilter ref="A3:C3"/>"#),
            "{worksheet}"
        );
        assert!(worksheet.contains(r#"<dimension ref="A1:C3"/>"#));
        assert_eq!(cells(&bytes).len(), 5);
        assert!(!worksheet.contains(r#"<row r="4""#));
    }

    #[test]
    fn every_part_is_named_in_the_content_types_and_related() {
        let bytes = sheet(Vec::new());
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let names: Vec<String> = zip.file_names().map(str::to_string).collect();
        let types = part(&bytes, "[Content_Types].xml");
        let rels = part(&bytes, "_rels/.rels") + &part(&bytes, "xl/_rels/workbook.xml.rels");
        for name in names
            .iter()
            .filter(|n| !n.ends_with(".rels") && *n != "[Content_Types].xml")
        {
            assert!(
                types.contains(&format!(r#"PartName="/{name}""#)),
                "{name} has a type"
            );
            let from_workbook = name.strip_prefix("xl/").unwrap_or(name);
            assert!(
                [name.as_str(), from_workbook]
                    .iter()
                    .any(|target| rels.contains(&format!(r#"Target="{target}""#))),
                "{name} is related"
            );
        }
        assert_eq!(names.len(), 9);
        // Every entry is deflated.
        for i in 0..zip.len() {
            assert_eq!(
                zip.by_index(i).unwrap().compression(),
                zip::CompressionMethod::Deflated
            );
        }
    }

    #[test]
    fn column_names_run_past_z() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 701, 702].map(column_name).to_vec();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
    }

    #[test]
    fn a_cell_is_cut_to_what_excel_accepts_never_inside_a_character() {
        // An astral character is two UTF-16 units; the last one would cross the limit.
        let long = "字".repeat(MAX_CELL_UNITS - 1) + "😀";
        let text = cell_text(&[long]);
        assert_eq!(text.encode_utf16().count(), MAX_CELL_UNITS - 1);
        assert!(!text.ends_with('😀'));
        let exact = "a".repeat(MAX_CELL_UNITS);
        assert_eq!(cell_text(std::slice::from_ref(&exact)), exact);
        assert_eq!(cell_text(&lines(&["甲\t乙\u{7}", "丙"])), "甲 乙\n丙");
    }
}
