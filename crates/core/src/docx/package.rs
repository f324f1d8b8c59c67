//! Finishing the package docx-rs builds: the parts it gets wrong are replaced or
//! patched, then everything is deflated (docx-rs 0.4.22 stores entries uncompressed).

use std::io::{Cursor, Read, Write};

use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// Font-table entries for every CJK font the document names, with a substitute Word
/// and WPS use when the font is missing (docx-rs lists only Latin fonts).
const FONT_TABLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="楷体"><w:altName w:val="KaiTi"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
</w:fonts>"#;

pub(super) fn finish(
    mut xml: XMLDocx,
    title: &str,
    creator: &str,
    now: &str,
) -> zip::result::ZipResult<Vec<u8>> {
    xml.font_table = FONT_TABLE.as_bytes().to_vec();
    xml.doc_props.core = core_properties(title, creator, now).into_bytes();
    xml.styles = keep_punctuation_inside(&xml.styles);
    xml.document = repeat_header_rows(&xml.document);
    let mut stored = Cursor::new(Vec::new());
    xml.pack(&mut stored)?;
    deflate(&stored.into_inner())
}

fn core_properties(title: &str, creator: &str, now: &str) -> String {
    let (title, creator, now) = (escape(title), escape(creator), escape(now));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator><cp:lastModifiedBy>{creator}</cp:lastModifiedBy><dc:language>zh-CN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>"#
    )
}

/// Adds `<w:overflowPunct w:val="1"/>` to the default paragraph properties: without it
/// LibreOffice hangs a final ，or 。 outside the 版心 and may drop it from a PDF.
/// Word's default is the same value, so Word's layout does not change.
fn keep_punctuation_inside(styles: &[u8]) -> Vec<u8> {
    const PUNCT: &str = r#"<w:overflowPunct w:val="1" />"#;
    let styles = String::from_utf8_lossy(styles);
    let patched = if let Some(at) = styles.find("<w:pPrDefault><w:pPr>") {
        let at = at + "<w:pPrDefault><w:pPr>".len();
        format!("{}{PUNCT}{}", &styles[..at], &styles[at..])
    } else if let Some(at) = styles.find("</w:rPrDefault>") {
        let at = at + "</w:rPrDefault>".len();
        format!(
            "{}<w:pPrDefault><w:pPr>{PUNCT}</w:pPr></w:pPrDefault>{}",
            &styles[..at],
            &styles[at..]
        )
    } else {
        styles.into_owned()
    };
    patched.into_bytes()
}

/// Marks the header row of the attached table to repeat on every page (`w:tblHeader`,
/// which docx-rs 0.4.22 cannot write). The writer gives `w:cantSplit` to that row and
/// to no other, so the patch finds it by that mark.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(document)
        .replace(
            HEADER_ROW_MARK,
            concat!("<w:cantSplit />", "<w:tblHeader />"),
        )
        .into_bytes()
}

const HEADER_ROW_MARK: &str = "<w:cantSplit />";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Re-writes a zip with every entry deflated.
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut input = ZipArchive::new(Cursor::new(stored))?;
    let mut output = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 8)));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let mut buf = Vec::new();
    for i in 0..input.len() {
        let mut entry = input.by_index(i)?;
        if entry.is_dir() {
            continue;
        }
        buf.clear();
        entry.read_to_end(&mut buf)?;
        output.start_file(entry.name().to_string(), options)?;
        output.write_all(&buf)?;
    }
    Ok(output.finish()?.into_inner())
}
