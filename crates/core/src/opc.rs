//! The package both Office files are (Open Packaging Conventions, ECMA-376 part 2): the
//! content types, relationships and core document properties, and the zip that holds
//! the parts. The .docx and the .xlsx writers share them.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::xml_text::{clean_text, escape};

/// The relationship types Office defines are this namespace and a name
/// (`officeDocument`, `theme`, `worksheet`…).
pub(crate) const OFFICE_RELATIONSHIP: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
/// The package's own relationship to its core properties.
pub(crate) const CORE_PROPERTIES_RELATIONSHIP: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
pub(crate) const CORE_PROPERTIES_TYPE: &str =
    "application/vnd.openxmlformats-package.core-properties+xml";
pub(crate) const CORE_PROPERTIES_PART: &str = "docProps/core.xml";

/// The theme Word and Excel expect every document to relate to (its absence is a
/// schema finding): Office's colours, with the 公文 fonts as theme fonts, though no run
/// or cell names a theme font (WPS would turn 黑体 into 等线).
pub(crate) const THEME: &str = include_str!("docx/theme1.xml");
pub(crate) const THEME_TYPE: &str = "application/vnd.openxmlformats-officedocument.theme+xml";

/// The document properties: title and author as the body writes them, through the
/// same [`clean_text`] (a control character here made core.xml malformed). `now` is an
/// RFC 3339 timestamp (the core has no clock).
pub(crate) fn core_properties(title: &str, creator: &str, now: &str) -> String {
    let [title, creator, now] = [title, creator, now].map(|text| escape(&clean_text(text.trim())));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator><cp:lastModifiedBy>{creator}</cp:lastModifiedBy><dc:language>zh-CN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>"#
    )
}

/// `[Content_Types].xml` with defaults for `.rels` and `.xml` and an override for each
/// of `parts` (name without the leading `/`, content type).
pub(crate) fn content_types<'a>(parts: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#,
    );
    for (name, content_type) in parts {
        xml.push_str(&format!(
            r#"<Override PartName="/{name}" ContentType="{content_type}"/>"#
        ));
    }
    xml.push_str("</Types>");
    xml
}

/// One `<Relationship>` of a `.rels` part, written as docx-rs writes its own.
pub(crate) fn relationship(id: &str, kind: &str, target: &str) -> String {
    format!(r#"<Relationship Id="{id}" Type="{kind}" Target="{target}" />"#)
}

/// A whole `.rels` part of `(id, type, target)` relationships.
pub(crate) fn relationships(all: &[(&str, &str, &str)]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (id, kind, target) in all {
        xml.push_str(&relationship(id, kind, target));
    }
    xml.push_str("</Relationships>");
    xml
}

/// Zips the parts in one pass, every one deflated at level 1, zlib's fastest: on the
/// 30-page draft it takes a quarter off the whole export natively (1.8 → 1.4 ms at
/// p50) for a file of 26 KB instead of 17 KB, a size nobody waits on.
pub(crate) fn zip_deflated(parts: Vec<(String, Vec<u8>)>) -> zip::result::ZipResult<Vec<u8>> {
    let size: usize = parts.iter().map(|(_, part)| part.len()).sum();
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(size / 4)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, part) in parts {
        zip.start_file(name, options)?;
        zip.write_all(&part)?;
    }
    Ok(zip.finish()?.into_inner())
}
