//! Hostile and huge drafts still make a readable file.

use super::*;

/// Hostile text: control characters, characters outside GB2312, emoji, markup, a
/// 300-character title, empty sections and headings.
pub(crate) fn hostile_draft() -> Draft {
    let mut d = Template::builtin_default().new_draft("x".into(), 2025);
    d.meta.title = format!(
        "关于<b>&amp;\u{0}\u{1b}{}的报告😀",
        "法治政府建设".repeat(50)
    );
    d.meta.issuer_mark = "𠀀𪚥龘😀 \u{7}文件".into();
    d.meta.signers = vec!["王\u{8}伟荣".into(), String::new()];
    d.meta.recipients = "区委、区政府\u{c}".into();
    d.meta.issuer_name = "某某\u{b}卫生\u{ffff}健康局\u{0}".into();
    d.meta.cc = "]]><w:p>".into();
    let s = d.sections[1].id;
    let h = d.add_node(Parent::Section(s), NewNode::Heading).unwrap();
    d.add_node(Parent::Heading(h), NewNode::Heading).unwrap();
    let p = d.add_node(Parent::Heading(h), NewNode::Paragraph).unwrap();
    d.set_text(
        p,
        TextField::Text,
        "第一行\n\n第二行\t带制表符\u{b}\u{fffe}\u{1F600}".into(),
    )
    .unwrap();
    d
}

#[test]
fn hostile_text_still_makes_a_readable_file() {
    let bytes = export(&hostile_draft(), &ExportOptions::default(), NOW).unwrap();
    let doc = part(&bytes, "word/document.xml");
    assert!(!doc.contains('\u{0}') && !doc.contains('\u{1b}') && !doc.contains('\u{fffe}'));
    assert!(!doc.contains("<b>") && !doc.contains("]]><w:p>"));
    let text = read::paragraphs(&bytes).unwrap();
    assert!(
        text.iter().any(|p| p == "第一行") && text.iter().any(|p| p == "第二行 带制表符😀"),
        "{text:?}"
    );
    assert!(text.iter().any(|p| p.contains("𠀀𪚥龘😀")));
    assert!(
        text.iter().any(|p| p.contains("]]><w:p>")),
        "markup survives as text"
    );
    // Every part, the document properties included, holds only what XML 1.0 allows.
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    for i in 0..zip.len() {
        let mut xml = String::new();
        let mut entry = zip.by_index(i).unwrap();
        entry.read_to_string(&mut xml).unwrap();
        let bad = xml.chars().find(|&c| {
            (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                || matches!(c, '\u{fffe}' | '\u{ffff}')
        });
        assert_eq!(bad, None, "{}", entry.name());
    }
    let core = part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>某某卫生健康局</dc:creator>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:title>关于&lt;b&gt;&amp;amp;法治政府建设"),
        "{core}"
    );
}

#[test]
fn ten_thousand_paragraphs() {
    let mut d = Template::builtin_default().new_draft("x".into(), 2025);
    let s = d.sections[1].id;
    for i in 0..10_000 {
        let p = d.add_node(Parent::Section(s), NewNode::Paragraph).unwrap();
        d.set_text(
            p,
            TextField::Text,
            format!("第{i}段：深入推进“放管服”改革，无证明率达到90%以上。"),
        )
        .unwrap();
    }
    let bytes = export(&d, &ExportOptions::default(), NOW).unwrap();
    let text = read::paragraphs(&bytes).unwrap();
    assert!(text.iter().any(|p| p.starts_with("第9999段")));
    assert!(bytes.len() < 400_000, "deflated: {} bytes", bytes.len());
}

/// A 发文机关标志 far too long for one line still gets a font size the file and the
/// preview can use: no `w:sz="0"`, no row of height 0 to divide by.
#[test]
fn a_huge_issuer_mark_keeps_a_usable_size() {
    let mut d = Template::builtin_default().new_draft("x".into(), 2025);
    d.meta.issuer_mark = "某".repeat(40_000);
    let bytes = export(&d, &ExportOptions::default(), NOW).unwrap();
    let doc = part(&bytes, "word/document.xml");
    assert!(doc.contains("某某某"), "the mark is in the file");
    assert!(!doc.contains(r#"w:sz w:val="0""#), "a zero font size");
    let preview = crate::preview::layout(&d);
    assert!(preview
        .pages
        .iter()
        .flat_map(|page| &page.lines)
        .all(|line| line.height > 0));
}

/// A 署名 longer than a line leaves the 署名 and the 成文日期 inside the 版心, sealed
/// or not: no indent wider than the text it leaves room for.
#[test]
fn a_signature_longer_than_a_line_keeps_both_lines_inside_the_text_area() {
    let mut d = jiaxing();
    d.meta.signature = "署".repeat(500);
    for sealed in [true, false] {
        let options = ExportOptions {
            sealed,
            ..ExportOptions::default()
        };
        let doc = part(&export(&d, &options, NOW).unwrap(), "word/document.xml");
        for text in ["署署署", "2023年2月27日"] {
            let paragraph = paragraph_with(&doc, text);
            let right = paragraph
                .split(r#"w:right=""#)
                .nth(1)
                .and_then(|rest| rest[..rest.find('"')?].parse::<i32>().ok())
                .unwrap();
            assert!(
                (0..8845 - 6 * 316).contains(&right),
                "sealed {sealed}: {text}: {paragraph}"
            );
        }
    }
}

/// A 版记 taller than a page cannot float at the bottom of one (it would run off the
/// page, its last lines lost): it flows with the text; a short one still floats.
#[test]
fn an_imprint_taller_than_a_page_flows_with_the_text() {
    let floats = |cc: String| {
        let mut d = jiaxing();
        d.meta.cc = cc;
        let doc = part(
            &export(&d, &ExportOptions::default(), NOW).unwrap(),
            "word/document.xml",
        );
        let table = &doc[doc.rfind("<w:tbl>").unwrap()..doc.rfind("</w:tbl>").unwrap()];
        assert!(table.contains("印发"), "{table}");
        table.contains("<w:tblpPr")
    };
    let organs = |n: usize| {
        (0..n)
            .map(|i| format!("某某市第{i}人民政府办公室"))
            .collect::<Vec<_>>()
            .join("、")
    };
    assert!(floats(organs(3)));
    assert!(!floats(organs(60)));
}
