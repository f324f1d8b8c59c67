//! XML-level checks of the exported package: what a render cannot show.

use std::io::{Cursor, Read};

use super::*;
use crate::export_options::{FontFamily, LayoutProfile};
use crate::model::{NewNode, Node, Parent, TextField};
use crate::template::Template;

pub(super) fn jiaxing() -> Draft {
    let json = include_str!("../../tests/fixtures/draft-jiaxing-2022.json");
    crate::from_json(json).unwrap()
}

pub(super) const NOW: &str = "2023-02-27T08:00:00Z";

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The `<w:p>…</w:p>` whose text contains `needle`.
fn paragraph_with<'a>(xml: &'a str, needle: &str) -> &'a str {
    let at = xml.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    let start = xml[..at]
        .rfind("<w:p ")
        .or_else(|| xml[..at].rfind("<w:p>"))
        .unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap();
    &xml[start..end]
}

/// The `<w:r>…</w:r>` whose text contains `needle`.
fn run_with<'a>(xml: &'a str, needle: &str) -> &'a str {
    let at = xml.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    let start = xml[..at].rfind("<w:r>").unwrap();
    &xml[start..at]
}

fn east_asia(run: &str) -> &str {
    let at = run.find("w:eastAsia=\"").unwrap() + "w:eastAsia=\"".len();
    &run[at..at + run[at..].find('"').unwrap()]
}

#[test]
fn every_element_in_its_font_and_size() {
    let bytes = export(&jiaxing(), &ExportOptions::default(), NOW).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let mark = run_with(&doc, "嘉兴市卫生健康委员会文件");
    assert_eq!(east_asia(mark), "方正小标宋简体");
    assert!(
        mark.contains(r#"<w:color w:val="FF0000""#),
        "red mark: {mark}"
    );
    assert_eq!(
        east_asia(run_with(&doc, "关于2022年度法治政府建设工作的报告")),
        "方正小标宋简体"
    );
    assert!(
        run_with(&doc, "关于2022年度").contains(r#"<w:sz w:val="44""#),
        "title 2号"
    );
    assert_eq!(east_asia(run_with(&doc, "一、抓好学法宣法")), "黑体");
    assert_eq!(east_asia(run_with(&doc, "（一）认真学法。")), "楷体_GB2312");
    assert_eq!(east_asia(run_with(&doc, "王伟荣")), "楷体_GB2312");
    assert_eq!(east_asia(run_with(&doc, "签发人：")), "仿宋_GB2312");
    assert_eq!(east_asia(run_with(&doc, "嘉卫〔2023〕24号")), "仿宋_GB2312");
    let body = run_with(&doc, "2022年，市卫生健康委");
    assert_eq!(east_asia(body), "仿宋_GB2312");
    assert!(body.contains(r#"<w:sz w:val="32""#) && body.contains(r#"w:hint="eastAsia""#));
    assert!(
        body.contains(r#"<w:spacing w:val="-5""#),
        "portable run spacing: {body}"
    );
    // No theme fonts anywhere: they turn 黑体 into 等线 in WPS.
    for name in ["word/document.xml", "word/styles.xml", "word/footer1.xml"] {
        assert!(
            !part(&bytes, name).contains("Theme=\""),
            "{name} has theme fonts"
        );
    }
    let plain = ExportOptions {
        fonts: FontFamily::Plain,
        ..ExportOptions::default()
    };
    let doc = part(
        &export(&jiaxing(), &plain, NOW).unwrap(),
        "word/document.xml",
    );
    assert_eq!(east_asia(run_with(&doc, "（一）认真学法。")), "楷体");
    assert_eq!(east_asia(run_with(&doc, "2022年，市卫生健康委")), "仿宋");
}

#[test]
fn page_setup_and_grid_per_profile() {
    let cases = [
        (
            LayoutProfile::Portable,
            r#"w:type="lines" w:linePitch="579""#,
            r#"w:top="2098""#,
            r#"w:bottom="1984""#,
        ),
        (
            LayoutProfile::WordGrid,
            r#"w:type="linesAndChars" w:linePitch="579" w:charSpace="-849""#,
            r#"w:top="2098""#,
            r#"w:bottom="1984""#,
        ),
        (
            LayoutProfile::PrintAccurate,
            r#"w:type="lines" w:linePitch="592""#,
            r#"w:top="1960""#,
            r#"w:bottom="1847""#,
        ),
    ];
    for (profile, grid, top, bottom) in cases {
        let options = ExportOptions {
            profile,
            ..ExportOptions::default()
        };
        let doc = part(
            &export(&jiaxing(), &options, NOW).unwrap(),
            "word/document.xml",
        );
        let sect = &doc[doc.rfind("<w:sectPr").unwrap()..];
        assert!(
            sect.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
            "{profile:?}: {sect}"
        );
        for want in [
            grid,
            top,
            bottom,
            r#"w:left="1587""#,
            r#"w:right="1474""#,
            r#"w:footer="1418""#,
        ] {
            assert!(sect.contains(want), "{profile:?} lacks {want}: {sect}");
        }
        let pitch = profile.page().line_pitch;
        let body = paragraph_with(&doc, "2022年，市卫生健康委");
        assert!(
            body.contains(&format!(r#"w:line="{pitch}" w:lineRule="exact""#)),
            "{body}"
        );
        let first_line = 2 * profile.page().zi;
        assert!(
            body.contains(&format!(r#"w:firstLine="{first_line}""#)),
            "{body}"
        );
        let run = run_with(&doc, "2022年，市卫生健康委");
        assert_eq!(
            run.contains("<w:spacing w:val=\"-5\""),
            profile != LayoutProfile::WordGrid
        );
    }
}

#[test]
fn red_line_footers_and_imprint_lines() {
    let bytes = export(&jiaxing(), &ExportOptions::default(), NOW).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let number = paragraph_with(&doc, "嘉卫〔2023〕24号");
    let bottom = &number[number.find("<w:bottom ").unwrap()..];
    let bottom = &bottom[..bottom.find("/>").unwrap()];
    for attr in [r#"w:val="single""#, r#"w:sz="12""#, r#"w:color="FF0000""#] {
        assert!(bottom.contains(attr), "red line {attr}: {bottom}");
    }
    for side in ["<w:top ", "<w:left ", "<w:right "] {
        let borders = &number[number.find("<w:pBdr>").unwrap()..number.find("</w:pBdr>").unwrap()];
        assert!(!borders.contains(side), "only a bottom border: {borders}");
    }
    // "签发人：王伟荣" is 7 字 of 315 twips ending 1 字 before the 版心's right edge
    // (8845): its left tab stands at 8845 − 315 − 7 × 315 = 6325.
    assert!(
        number.contains(r#"<w:tab w:val="left" w:pos="6325""#),
        "签发人 1 字 from the right: {number}"
    );
    // 版记: thick lines above and below, a thin one between 抄送 and 印发.
    let table = &doc[doc.find("<w:tbl>").unwrap()..doc.find("</w:tbl>").unwrap()];
    assert!(
        table.contains(r#"<w:top w:val="single" w:sz="8""#)
            && table.contains(r#"<w:bottom w:val="single" w:sz="8""#)
    );
    assert!(
        table.contains(r#"<w:tcBorders><w:top w:val="single" w:sz="6""#),
        "{table}"
    );
    assert!(
        table.contains(r#"w:vertAnchor="margin""#) && table.contains(r#"w:tblpYSpec="bottom""#)
    );
    assert!(table.contains("抄送：省卫生健康委员会、市委依法治市办。"));
    assert!(table.contains("2023年2月27日印发"));
    // Page numbers: odd right, even left, 1 字 (4号) in, 宋体 4号, a PAGE field with a cached value.
    let settings = part(&bytes, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders"), "{settings}");
    let sect = &doc[doc.rfind("<w:sectPr").unwrap()..];
    assert!(
        sect.contains(r#"<w:footerReference w:type="default""#)
            && sect.contains(r#"<w:footerReference w:type="even""#)
    );
    for (file, jc, indent) in [
        ("word/footer1.xml", "right", r#"w:right="280""#),
        ("word/footer2.xml", "left", r#"w:left="280""#),
    ] {
        let footer = part(&bytes, file);
        assert!(
            footer.contains(&format!(r#"<w:jc w:val="{jc}""#)),
            "{file}: {footer}"
        );
        assert!(footer.contains(indent), "{file}: {footer}");
        assert!(footer.contains("— ") && footer.contains(" —"), "{file}");
        assert!(footer.contains("PAGE") && footer.contains(r#"w:fldCharType="separate""#));
        assert_eq!(east_asia(run_with(&footer, "— ")), "宋体");
        assert!(footer.contains(r#"<w:sz w:val="28""#));
    }
}

#[test]
fn package_parts_docx_rs_gets_wrong_are_fixed() {
    let bytes = export(&jiaxing(), &ExportOptions::default(), NOW).unwrap();
    let fonts = part(&bytes, "word/fontTable.xml");
    for font in [
        "仿宋_GB2312",
        "楷体_GB2312",
        "黑体",
        "宋体",
        "方正小标宋简体",
    ] {
        assert!(
            fonts.contains(&format!(r#"<w:font w:name="{font}">"#)),
            "{font}"
        );
    }
    let core = part(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>关于2022年度法治政府建设工作的报告</dc:title>"),
        "{core}"
    );
    assert!(core.contains("<dc:creator>嘉兴市卫生健康委员会</dc:creator>"));
    assert!(core.contains(NOW));
    assert!(part(&bytes, "word/styles.xml").contains(r#"<w:overflowPunct w:val="1" />"#));
    // The package step zips the parts itself: docx-rs's own `pack` files in its order,
    // without the parts nothing relates to and with the theme, each deflated, each
    // part it does not patch unchanged.
    let mut packed = Cursor::new(Vec::new());
    build::document(&jiaxing(), &ExportOptions::default())
        .build()
        .pack(&mut packed)
        .unwrap();
    let packed = packed.into_inner();
    let mut docx_rs = zip::ZipArchive::new(Cursor::new(&packed[..])).unwrap();
    let files = |zip: &zip::ZipArchive<_>| -> Vec<String> {
        zip.file_names()
            .filter(|name| !name.ends_with('/'))
            .map(String::from)
            .collect()
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    let mut expected = files(&docx_rs);
    expected.retain(|name| {
        ![
            "word/comments.xml",
            "word/numbering.xml",
            "word/footnotes.xml",
        ]
        .contains(&name.as_str())
    });
    let theme_at = expected
        .iter()
        .position(|n| n == "word/fontTable.xml")
        .unwrap()
        + 1;
    expected.insert(theme_at, "word/theme/theme1.xml".into());
    assert_eq!(files(&zip), expected);
    let patched = [
        "[Content_Types].xml",
        "docProps/core.xml",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/fontTable.xml",
        "word/theme/theme1.xml",
    ];
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        assert_eq!(
            entry.compression(),
            zip::CompressionMethod::Deflated,
            "{}",
            entry.name()
        );
        let mut ours = Vec::new();
        entry.read_to_end(&mut ours).unwrap();
        if !patched.contains(&entry.name()) {
            let mut theirs = Vec::new();
            let mut original = docx_rs.by_name(entry.name()).unwrap();
            original.read_to_end(&mut theirs).unwrap();
            assert!(ours == theirs, "{}", entry.name());
        }
    }
    assert!(bytes.len() < 30_000, "compressed: {} bytes", bytes.len());
}

#[test]
fn reading_the_file_back_recovers_every_paragraph_in_order() {
    let draft = jiaxing();
    let bytes = export(&draft, &ExportOptions::default(), NOW).unwrap();
    let text: Vec<String> = read::paragraphs(&bytes)
        .unwrap()
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let mut expected = vec![
        "嘉兴市卫生健康委员会文件".to_string(),
        "嘉卫〔2023〕24号\t签发人：王伟荣".into(),
        "关于2022年度法治政府建设工作的报告".into(),
        "中共嘉兴市委、嘉兴市人民政府：".into(),
    ];
    let mut ordinal = 0;
    for section in &draft.sections {
        if section.numbered {
            ordinal += 1;
            expected.push(format!(
                "{}{}",
                crate::labels::heading_label(1, ordinal),
                section.title
            ));
        }
        for (i, node) in section.children.iter().enumerate() {
            match node {
                Node::Heading { title, text, .. } => expected.push(format!(
                    "{}{title}。{text}",
                    crate::labels::heading_label(2, i + 1)
                )),
                Node::Paragraph { text, .. } => expected.push(text.clone()),
            }
        }
    }
    expected.extend([
        "嘉兴市卫生健康委员会".to_string(),
        "2023年2月27日".into(),
        "抄送：省卫生健康委员会、市委依法治市办。".into(),
        "嘉兴市卫生健康委员会办公室\t2023年2月27日印发".into(),
    ]);
    assert_eq!(text, expected);
}

#[test]
fn several_signers_two_a_line_aligned_under_the_first_name() {
    let mut d = jiaxing();
    d.meta.signers = vec!["王伟荣".into(), "李明".into(), "欧阳晓红".into()];
    let bytes = export(&d, &ExportOptions::default(), NOW).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let first = paragraph_with(&doc, "王伟荣");
    let last = paragraph_with(&doc, "欧阳晓红");
    assert!(
        first.contains("签发人：") && first.contains("王伟荣　李明"),
        "{first}"
    );
    assert!(!first.contains("嘉卫〔2023〕24号") && !first.contains("<w:pBdr>"));
    // 发文字号 and the red line go with the last line of names.
    assert!(
        last.contains("嘉卫〔2023〕24号") && last.contains("<w:pBdr>"),
        "{last}"
    );
    assert!(!last.contains("签发人"));
    // The widest line (王伟荣　李明, 6 字) ends 1 字 from the right edge: names start at
    // 8845 − 315 − 6 × 315 = 6640, the label 4 字 before them; later lines at 6640.
    assert!(
        first.contains(r#"<w:tab w:val="left" w:pos="5380""#),
        "{first}"
    );
    assert!(
        last.contains(r#"<w:tab w:val="left" w:pos="6640""#),
        "{last}"
    );
}

#[test]
fn plain_version_has_no_red_header() {
    let options = ExportOptions {
        red_header: false,
        ..ExportOptions::default()
    };
    let bytes = export(&jiaxing(), &options, NOW).unwrap();
    let doc = part(&bytes, "word/document.xml");
    assert!(!doc.contains("FF0000") && !doc.contains("签发人") && !doc.contains("嘉卫〔2023〕"));
    assert!(read::paragraphs(&bytes)
        .unwrap()
        .iter()
        .any(|p| p == "关于2022年度法治政府建设工作的报告"));
}

#[test]
fn signature_and_date_placement() {
    let doc = |sealed| {
        let options = ExportOptions {
            sealed,
            ..ExportOptions::default()
        };
        part(
            &export(&jiaxing(), &options, NOW).unwrap(),
            "word/document.xml",
        )
    };
    let right = |p: &str| {
        let at = p.find("<w:ind ").unwrap();
        let ind = &p[at..at + p[at..].find("/>").unwrap()];
        let v = &ind[ind.find("w:right=\"").unwrap() + 9..];
        v[..v.find('"').unwrap()].parse::<i32>().unwrap()
    };
    // 署名 10 字, 成文日期 "2023年2月27日" 6.5 字; 1 字 = 315 twips (portable).
    let sealed = doc(true);
    assert_eq!(right(paragraph_with(&sealed, ">2023年2月27日<")), 4 * 315);
    assert_eq!(
        right(paragraph_with(&sealed, ">嘉兴市卫生健康委员会<")),
        (2.25f64 * 315.0).round() as i32
    );
    let unsealed = doc(false);
    assert_eq!(
        right(paragraph_with(&unsealed, ">嘉兴市卫生健康委员会<")),
        2 * 315
    );
    assert_eq!(
        right(paragraph_with(&unsealed, ">2023年2月27日<")),
        (3.5f64 * 315.0).round() as i32
    );
}

#[test]
fn long_titles_break_into_balanced_lines() {
    assert_eq!(
        build::balanced_lines("关于2022年度法治政府建设工作的报告", 20.0).len(),
        1
    );
    let title =
        "杭州市上城区卫生健康局关于二〇二三年度法治政府建设工作情况和二〇二四年工作安排的报告";
    let lines = build::balanced_lines(title, 20.0);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines.concat(), title);
    let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    assert!(
        widths.iter().max().unwrap() - widths.iter().min().unwrap() <= 1,
        "{widths:?}"
    );
}

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

/// The 嘉兴 draft with 青浦's indicator table attached: the 青浦 plan as its rows and
/// two cells filled in.
pub(crate) fn with_qingpu_table() -> Draft {
    let mut d = jiaxing();
    let template = Template::builtin("indicator-table").unwrap();
    let table = template
        .new_draft("t".into(), 2022)
        .attachment_table
        .unwrap();
    let qingpu = include_str!(
        "../../tests/fixtures/indicator-table-2023-qingpu-district-health-commission.txt"
    );
    let plan = crate::plan::parse_plan_tsv(qingpu).unwrap().plan;
    d.plan = Some(crate::plan_items::PlanState::new(plan));
    d.meta.attachments = vec![table.title.clone()];
    d.attachment_table = Some(table);
    let table = d.attachment_table.as_mut().unwrap();
    table
        .set_cell("6", 4, "网上可办率达到98%，实现“一窗”分类受理。".into())
        .unwrap();
    table
        .set_cell("九-1-1", 5, "继续推进“互联网+监管”。".into())
        .unwrap();
    d
}

#[test]
fn the_attached_table_follows_the_signature_on_a_new_page_before_the_imprint() {
    let d = with_qingpu_table();
    let bytes = export(&d, &ExportOptions::default(), NOW).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let label = paragraph_with(&doc, ">附件<");
    assert!(label.contains(r#"<w:pageBreakBefore"#), "{label}");
    assert_eq!(east_asia(run_with(&doc, ">附件<")), "黑体");
    let label_at = doc.find(">附件<").unwrap();
    let title = run_with(&doc[label_at..], "2022年度法治政府建设指标分解表");
    assert_eq!(east_asia(title), "方正小标宋简体");
    assert!(title.contains(r#"<w:sz w:val="44""#));
    // Order: 成文日期, label, table, 版记.
    let date = doc.find("2023年2月27日").unwrap();
    let table_at = doc[label_at..].find("<w:tbl>").unwrap() + label_at;
    let imprint = doc.find("嘉兴市卫生健康委员会办公室").unwrap();
    assert!(date < label_at && label_at < table_at && table_at < imprint);
    let table = &doc[table_at..table_at + doc[table_at..].find("</w:tbl>").unwrap()];
    // One header row that repeats, then one row per plan item.
    assert_eq!(table.matches("<w:tblHeader />").count(), 1);
    let header_row = &table[..table.find("</w:tr>").unwrap()];
    assert!(header_row.contains("<w:tblHeader />") && header_row.contains("三级指标序号"));
    let items = d.plan.as_ref().unwrap().plan.items.len();
    assert_eq!(table.matches("<w:tr>").count(), 1 + items);
    assert!(
        table.contains(r#"<w:tblW w:w="8845" w:type="dxa" />"#),
        "spans the 版心"
    );
    assert_eq!(table.matches("<w:gridCol").count(), 6);
    assert_eq!(
        table.matches(r#"w:val="single" w:sz="4""#).count(),
        6,
        "single rules"
    );
    let cell = run_with(table, "网上可办率达到98%");
    assert_eq!(east_asia(cell), "仿宋_GB2312");
    assert!(cell.contains(r#"<w:sz w:val="24""#), "小四: {cell}");
    assert_eq!(east_asia(run_with(table, "三级指标序号")), "黑体");
    // 附件说明 names the attachment.
    assert!(doc.contains("附件：2022年度法治政府建设指标分解表"));
}

#[test]
fn reading_the_file_back_recovers_the_table_cells() {
    let bytes = export(&with_qingpu_table(), &ExportOptions::default(), NOW).unwrap();
    let paragraphs = read::paragraphs(&bytes).unwrap();
    let at = |text: &str| {
        paragraphs
            .iter()
            .position(|p| p == text)
            .unwrap_or_else(|| panic!("no {text}"))
    };
    assert!(at("附件") < at("三级指标序号"));
    assert!(at("已完成情况（200字以内）") < at("九-1-1"));
    assert!(at("九-1-1") < at("继续推进“互联网+监管”。"));
    at("网上可办率达到98%，实现“一窗”分类受理。");
    at("审批办");
}

#[test]
fn the_label_is_numbered_only_among_several_attachments() {
    let title = "指标分解表";
    assert_eq!(build::attachment_label(&[title.into()], title), "附件");
    let several = ["自查报告".to_string(), title.into()];
    assert_eq!(build::attachment_label(&several, title), "附件2");
}

/// The 嘉兴 draft with the 青浦 indicator table attached and three 签发人: the fixture
/// that `scripts/ooxml-audit.sh` exports with an attachment table.
pub(super) fn with_table_and_signers() -> Draft {
    let mut d = with_qingpu_table();
    d.meta.signers = vec!["王伟荣".into(), "李明".into(), "陈晓华".into()];
    d
}

#[test]
fn the_table_fixture_is_the_draft_the_tests_build() {
    let fixture = include_str!("../../tests/fixtures/draft-jiaxing-2022-table.json");
    assert!(
        crate::from_json(fixture).unwrap() == with_table_and_signers(),
        "regenerate the fixture with crate::to_json(&with_table_and_signers(), 1677484800000.0)"
    );
}

/// The export of the table fixture at [`NOW`], as its length and CRC-32: the browser
/// test `the_worker_exports_the_bytes_the_native_core_does` expects the same in wasm.
#[test]
fn the_export_is_the_same_bytes_every_time_and_on_every_target() {
    let fixture = include_str!("../../tests/fixtures/draft-jiaxing-2022-table.json");
    let draft = crate::from_json(fixture).unwrap();
    let bytes = export(&draft, &draft.export, NOW).unwrap();
    let again = export(&draft, &draft.export, NOW).unwrap();
    assert!(bytes == again, "deterministic");
    let digest = format!("{} {:08x}", bytes.len(), crc32fast::hash(&bytes));
    assert_eq!(
        digest,
        include_str!("../../tests/fixtures/draft-jiaxing-2022-table.docx.digest").trim(),
        "after a change to the export, write the new digest into the .digest file"
    );
}
