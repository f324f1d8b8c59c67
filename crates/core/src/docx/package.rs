//! Finishing the package docx-rs builds: the parts it gets wrong or lacks are replaced,
//! patched or added (fonts table, properties, theme, content types), then zipped here
//! in one pass with every entry deflated (docx-rs 0.4.22's own `pack` stores entries
//! uncompressed).

use docx_rs::XMLDocx;
use memchr::memmem;

use crate::opc::{
    self, CORE_PROPERTIES_PART, CORE_PROPERTIES_TYPE, OFFICE_RELATIONSHIP, THEME, THEME_TYPE,
};

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
) -> std::io::Result<Vec<u8>> {
    xml.font_table = FONT_TABLE.as_bytes().to_vec();
    xml.doc_props.core = opc::core_properties(title, creator, now).into_bytes();
    keep_punctuation_inside(&mut xml.styles);
    repeat_header_rows(&mut xml.document);
    relate_theme(&mut xml.document_rels);
    opc::zip_deflated(parts(xml))
}

/// Adds `<w:overflowPunct w:val="1"/>` to the default paragraph properties: without it
/// LibreOffice hangs a final ，or 。 outside the 版心 and may drop it from a PDF.
/// Word's default is the same value, so Word's layout does not change.
/// The writer sets no other default paragraph property, so docx-rs writes the defaults'
/// `w:pPr` empty; were it to hold one, `w:overflowPunct` goes first, before every
/// property the writer could set there (`w:spacing`, `w:ind`, `w:jc`, `w:snapToGrid`).
fn keep_punctuation_inside(styles: &mut Vec<u8>) {
    const PUNCT: &str = r#"<w:overflowPunct w:val="1" />"#;
    const EMPTY: &str = "<w:pPrDefault><w:pPr />";
    if let Some(at) = memmem::find(styles, EMPTY.as_bytes()) {
        let filled = format!("<w:pPrDefault><w:pPr>{PUNCT}</w:pPr>");
        styles.splice(at..at + EMPTY.len(), filled.bytes());
    } else if !insert_after(styles, "<w:pPrDefault><w:pPr>", PUNCT) {
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

/// What the package's relationships and content types name.
const THEME_PART: &str = "word/theme/theme1.xml";
const WORD: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

/// Relates the theme to the document, beside what docx-rs relates.
fn relate_theme(document_rels: &mut Vec<u8>) {
    const END: &[u8] = b"</Relationships>";
    let relationship = opc::relationship(
        "rIdTheme1",
        &format!("{OFFICE_RELATIONSHIP}theme"),
        "theme/theme1.xml",
    );
    if let Some(at) = memmem::rfind(document_rels, END) {
        document_rels.splice(at..at, relationship.bytes());
    }
}

/// The parts in the order docx-rs's `XMLDocx::pack` gives them, with the theme, and
/// without its directory entries and the parts nothing relates to (docx-rs always
/// writes comments, numbering and footnotes, but relates them only when used).
fn parts(xml: XMLDocx) -> Vec<(String, Vec<u8>)> {
    let related = |target: &str| {
        memmem::find(
            &xml.document_rels,
            format!(r#"Target="{target}""#).as_bytes(),
        )
        .is_some()
    };
    let keep = [
        related("comments.xml"),
        related("numbering.xml"),
        related("commentsExtended.xml"),
        related("footnotes.xml"),
    ];
    let mut parts: Vec<(String, Vec<u8>)> = [
        ("_rels/.rels", xml.rels),
        ("docProps/app.xml", xml.doc_props.app),
        (CORE_PROPERTIES_PART, xml.doc_props.core),
        ("docProps/custom.xml", xml.doc_props.custom),
        ("word/_rels/document.xml.rels", xml.document_rels),
        ("word/document.xml", xml.document),
        ("word/styles.xml", xml.styles),
        ("word/settings.xml", xml.settings),
        ("word/fontTable.xml", xml.font_table),
        (THEME_PART, THEME.as_bytes().to_vec()),
    ]
    .into_iter()
    .chain(
        [
            ("word/comments.xml", xml.comments),
            ("word/numbering.xml", xml.numberings),
            ("word/commentsExtended.xml", xml.comments_extended),
            ("word/footnotes.xml", xml.footnotes),
        ]
        .into_iter()
        .zip(keep)
        .filter_map(|(part, keep)| keep.then_some(part)),
    )
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
    // Content types for exactly these parts: docx-rs's own names parts it does not
    // write, and the writer adds one (the theme).
    let types: Vec<(&str, String)> = parts
        .iter()
        .filter_map(|(name, _)| Some((name.as_str(), content_type(name)?)))
        .collect();
    let content_types = opc::content_types(types.iter().map(|(name, kind)| (*name, kind.as_str())));
    parts.insert(
        0,
        ("[Content_Types].xml".into(), content_types.into_bytes()),
    );
    parts
}

/// The content type of a part the package holds; `None` where the defaults for `.rels`
/// and `.xml` cover it.
fn content_type(name: &str) -> Option<String> {
    let word = |kind: &str| Some(format!("{WORD}{kind}+xml"));
    match name {
        "docProps/app.xml" => {
            Some("application/vnd.openxmlformats-officedocument.extended-properties+xml".into())
        }
        CORE_PROPERTIES_PART => Some(CORE_PROPERTIES_TYPE.into()),
        "docProps/custom.xml" => {
            Some("application/vnd.openxmlformats-officedocument.custom-properties+xml".into())
        }
        "word/document.xml" => word("document.main"),
        "word/styles.xml" => word("styles"),
        "word/settings.xml" => word("settings"),
        "word/fontTable.xml" => word("fontTable"),
        "word/comments.xml" => word("comments"),
        "word/numbering.xml" => word("numbering"),
        "word/commentsExtended.xml" => word("commentsExtended"),
        "word/footnotes.xml" => word("footnotes"),
        THEME_PART => Some(THEME_TYPE.into()),
        _ if name.ends_with(".rels") => None,
        _ if name.starts_with("word/header") => word("header"),
        _ if name.starts_with("word/footer") => word("footer"),
        _ => None,
    }
}
