//! The attached table in the package, and the table fixture the browser test shares.

use super::*;

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

/// The attached tables of an export: every `w:tbl` but the last, the 版记.
fn attached_tables(doc: &str) -> Vec<&str> {
    let mut tables: Vec<&str> = doc
        .split("<w:tbl>")
        .skip(1)
        .map(|t| &t[..t.find("</w:tbl>").unwrap()])
        .collect();
    tables.pop();
    tables
}

#[test]
fn a_table_without_columns_is_left_out_not_written_with_empty_rows() {
    let mut d = with_qingpu_table();
    d.attachment_table.as_mut().unwrap().columns.clear();
    let bytes = export(&d, &ExportOptions::default(), NOW).unwrap();
    let doc = part(&bytes, "word/document.xml");
    assert_eq!(attached_tables(&doc), Vec::<&str>::new(), "{doc}");
    // The attachment page itself stays: its label and title are the user's.
    assert!(doc.contains(">附件<"));
}

#[test]
fn a_table_wider_than_word_allows_is_written_as_tables_word_can_hold() {
    let mut d = with_qingpu_table();
    let table = d.attachment_table.as_mut().unwrap();
    let entry = table.columns[4].clone();
    for n in 0..100 {
        table.columns.push(crate::attachment::TableColumn {
            name: format!("第{n}列"),
            ..entry.clone()
        });
    }
    let bytes = export(&d, &ExportOptions::default(), NOW).unwrap();
    let doc = part(&bytes, "word/document.xml");
    let tables = attached_tables(&doc);
    // 106 columns: 63 and 43, each spanning the 版心, every header printed once.
    let grid = |t: &str| -> Vec<i32> {
        t.split("<w:gridCol w:w=\"")
            .skip(1)
            .map(|c| c[..c.find('"').unwrap()].parse().unwrap())
            .collect()
    };
    assert_eq!(
        tables.iter().map(|t| grid(t).len()).collect::<Vec<_>>(),
        [63, 43]
    );
    for table in &tables {
        assert_eq!(grid(table).iter().sum::<i32>(), 8845);
        assert_eq!(table.matches("<w:tblHeader />").count(), 1);
    }
    assert!(tables[0].contains(">三级指标序号<") && tables[0].contains(">第56列<"));
    assert!(tables[1].contains(">第57列<") && tables[1].contains(">第99列<"));
    assert!(tables[0].contains("网上可办率达到98%"));
}

/// The 嘉兴 draft with the 青浦 indicator table attached and three 签发人: the fixture
/// that `scripts/ooxml-audit.sh` exports with an attachment table.
pub(crate) fn with_table_and_signers() -> Draft {
    let mut d = with_qingpu_table();
    d.meta.signers = vec!["王伟荣".into(), "李明".into(), "陈晓华".into()];
    d
}

#[test]
fn the_table_fixture_is_the_draft_the_tests_build() {
    let fixture = include_str!("../../../tests/fixtures/draft-jiaxing-2022-table.json");
    assert!(
        crate::from_json(fixture).unwrap() == with_table_and_signers(),
        "regenerate the fixture with crate::to_json(&with_table_and_signers(), 1677484800000.0)"
    );
}

/// The export of the table fixture at [`NOW`], as its length and CRC-32: the browser
/// test `the_worker_exports_the_bytes_the_native_core_does` expects the same in wasm.
#[test]
fn the_export_is_the_same_bytes_every_time_and_on_every_target() {
    let fixture = include_str!("../../../tests/fixtures/draft-jiaxing-2022-table.json");
    let draft = crate::from_json(fixture).unwrap();
    let bytes = export(&draft, &draft.export, NOW).unwrap();
    let again = export(&draft, &draft.export, NOW).unwrap();
    assert!(bytes == again, "deterministic");
    let digest = format!("{} {:08x}", bytes.len(), crc32fast::hash(&bytes));
    assert_eq!(
        digest,
        include_str!("../../../tests/fixtures/draft-jiaxing-2022-table.docx.digest").trim(),
        "after a change to the export, write the new digest into the .digest file"
    );
}
