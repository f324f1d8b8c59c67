//! Finishing the package docx-rs builds: the parts it gets wrong are replaced or
//! patched, then zipped here in one pass with every entry deflated (docx-rs 0.4.22's
//! own `pack` stores entries uncompressed).

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use memchr::memmem;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

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
    keep_punctuation_inside(&mut xml.styles);
    repeat_header_rows(&mut xml.document);
    zip_deflated(parts(xml))
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
fn keep_punctuation_inside(styles: &mut Vec<u8>) {
    const PUNCT: &str = r#"<w:overflowPunct w:val="1" />"#;
    if !insert_after(styles, "<w:pPrDefault><w:pPr>", PUNCT) {
        insert_after(
            styles,
            "</w:rPrDefault>",
            &format!("<w:pPrDefault><w:pPr>{PUNCT}</w:pPr></w:pPrDefault>"),
        );
    }
}

/// Marks the header row of the attached table to repeat on every page (`w:tblHeader`,
/// which docx-rs 0.4.22 cannot write). The writer gives `w:cantSplit` to that row and
/// to no other, so the patch finds it by that mark.
fn repeat_header_rows(document: &mut Vec<u8>) {
    insert_after(document, "<w:cantSplit />", "<w:tblHeader />");
}

/// Inserts `text` after every occurrence of `mark` in an XML part; whether there was
/// one. Works on the bytes: the parts are large, and the marks are ASCII.
fn insert_after(part: &mut Vec<u8>, mark: &str, text: &str) -> bool {
    let ends: Vec<usize> = memmem::find_iter(part.as_slice(), mark)
        .map(|at| at + mark.len())
        .collect();
    for &end in ends.iter().rev() {
        part.splice(end..end, text.bytes());
    }
    !ends.is_empty()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The parts under the names and in the order docx-rs's `XMLDocx::pack` gives them,
/// without its directory entries, which a package does not need.
fn parts(xml: XMLDocx) -> Vec<(String, Vec<u8>)> {
    let mut parts: Vec<(String, Vec<u8>)> = [
        ("[Content_Types].xml", xml.content_type),
        ("_rels/.rels", xml.rels),
        ("docProps/app.xml", xml.doc_props.app),
        ("docProps/core.xml", xml.doc_props.core),
        ("docProps/custom.xml", xml.doc_props.custom),
        ("word/_rels/document.xml.rels", xml.document_rels),
        ("word/document.xml", xml.document),
        ("word/styles.xml", xml.styles),
        ("word/settings.xml", xml.settings),
        ("word/fontTable.xml", xml.font_table),
        ("word/comments.xml", xml.comments),
        ("word/numbering.xml", xml.numberings),
        ("word/commentsExtended.xml", xml.comments_extended),
        ("word/footnotes.xml", xml.footnotes),
    ]
    .into_iter()
    .map(|(name, part)| (name.to_string(), part))
    .collect();
    for (kind, xmls, rels) in [
        ("header", xml.headers, xml.header_rels),
        ("footer", xml.footers, xml.footer_rels),
    ] {
        let mut rels = rels.into_iter();
        for (i, part) in xmls.into_iter().enumerate() {
            let n = i + 1;
            parts.push((format!("word/{kind}{n}.xml"), part));
            if let Some(rels) = rels.next() {
                parts.push((format!("word/_rels/{kind}{n}.xml.rels"), rels));
            }
        }
    }
    for (id, image) in xml.media {
        parts.push((format!("word/media/{id}.png"), image));
    }
    if let Some(taskpanes) = xml.taskpanes {
        parts.push(("word/webextensions/taskpanes.xml".into(), taskpanes));
        parts.push((
            "word/webextensions/_rels/taskpanes.xml.rels".into(),
            xml.taskpanes_rels,
        ));
        for (i, extension) in xml.web_extensions.into_iter().enumerate() {
            parts.push((
                format!("word/webextensions/webextension{}.xml", i + 1),
                extension,
            ));
        }
    }
    let custom = xml
        .custom_items
        .into_iter()
        .zip(xml.custom_item_rels)
        .zip(xml.custom_item_props);
    for (i, ((item, rels), props)) in custom.enumerate() {
        let n = i + 1;
        parts.push((format!("customXml/_rels/item{n}.xml.rels"), rels));
        parts.push((format!("customXml/item{n}.xml"), item));
        parts.push((format!("customXml/itemProps{n}.xml"), props));
    }
    parts
}

/// Zips the parts in one pass, every one deflated.
fn zip_deflated(parts: Vec<(String, Vec<u8>)>) -> zip::result::ZipResult<Vec<u8>> {
    let size: usize = parts.iter().map(|(_, part)| part.len()).sum();
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(size / 8)));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, part) in parts {
        zip.start_file(name, options)?;
        zip.write_all(&part)?;
    }
    Ok(zip.finish()?.into_inner())
}
