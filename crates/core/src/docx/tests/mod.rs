//! XML-level checks of the exported package: what a render cannot show.

mod attachment;
mod robustness;

pub(super) use attachment::with_table_and_signers;

use std::io::{Cursor, Read};

use super::*;
use crate::export_options::{FontFamily, LayoutProfile};
use crate::model::{NewNode, Node, Parent, TextField};
pub(super) use crate::page::tests::jiaxing;
use crate::page::tests::with_qingpu_table;
use crate::template::Template;

pub(super) const NOW: &str = "2023-02-27T08:00:00Z";

pub(super) fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The `<w:p>…</w:p>` whose text contains `needle`.
pub(super) fn paragraph_with<'a>(xml: &'a str, needle: &str) -> &'a str {
    let at = xml.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    let start = xml[..at]
        .rfind("<w:p ")
        .or_else(|| xml[..at].rfind("<w:p>"))
        .unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap();
    &xml[start..end]
}

/// The `<w:r>…</w:r>` whose text contains `needle`.
pub(super) fn run_with<'a>(xml: &'a str, needle: &str) -> &'a str {
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
        let pitch = crate::page::profile_page(profile).line_pitch;
        let body = paragraph_with(&doc, "2022年，市卫生健康委");
        assert!(
            body.contains(&format!(r#"w:line="{pitch}" w:lineRule="exact""#)),
            "{body}"
        );
        let first_line = 2 * crate::page::profile_page(profile).zi;
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
