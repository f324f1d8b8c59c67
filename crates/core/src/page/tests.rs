//! The composition's own rules: the texts it adds, the order of its blocks.

use super::text::{attachment_label, balanced_lines};
use super::*;
use crate::export_options::ExportOptions;
use crate::model::Draft;
use crate::template::Template;

/// The 嘉兴 2022 draft of the fixtures: the tests' full, ordinary draft.
pub(crate) fn jiaxing() -> Draft {
    let json = include_str!("../../tests/fixtures/draft-jiaxing-2022.json");
    crate::from_json(json).unwrap()
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
    d.plan = Some(crate::plan_items::PlanState::new(plan).into());
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
fn long_titles_break_into_balanced_lines() {
    assert_eq!(
        balanced_lines("关于2022年度法治政府建设工作的报告", 20.0).len(),
        1
    );
    let title =
        "杭州市上城区卫生健康局关于二〇二三年度法治政府建设工作情况和二〇二四年工作安排的报告";
    let lines = balanced_lines(title, 20.0);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines.concat(), title);
    let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    assert!(
        widths.iter().max().unwrap() - widths.iter().min().unwrap() <= 1,
        "{widths:?}"
    );
}

#[test]
fn the_label_is_numbered_only_among_several_attachments() {
    let title = "指标分解表";
    assert_eq!(attachment_label(&[title.into()], title), "附件");
    let several = ["自查报告".to_string(), title.into()];
    assert_eq!(attachment_label(&several, title), "附件2");
}

#[test]
fn the_label_finds_the_attachment_as_the_note_lists_it() {
    // The 附件说明 drops the closing punctuation; the label compares the same names.
    let several = ["自查报告".to_string(), " 指标表。".into()];
    assert_eq!(attachment_label(&several, "指标表"), "附件2");
    assert_eq!(attachment_label(&several, "指标表；"), "附件2");
}

/// The parts in the order the blocks hold them, headings and body text as one, each
/// run of one part once.
fn part_order(document: &Document) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    for block in &document.blocks {
        let part = match block {
            Block::Paragraph(paragraph) => match paragraph.part {
                Part::Heading(_) => Part::Body,
                part => part,
            },
            Block::Blank { .. } => continue,
            Block::Table(_) => Part::AttachmentPage,
        };
        if parts.last() != Some(&part) {
            parts.push(part);
        }
    }
    parts
}

#[test]
fn the_blocks_come_in_the_order_of_gb_t_9704() {
    let mut draft = with_qingpu_table();
    draft.meta.annotation = "联系人：张三".into();
    let document = compose(&draft, &ExportOptions::default());
    assert_eq!(
        part_order(&document),
        [
            Part::Mark,
            Part::Signer,
            Part::Title,
            Part::Recipients,
            Part::Body,
            Part::Attachment,
            Part::Signature,
            Part::Date,
            Part::Note,
            Part::AttachmentPage,
        ]
    );
    assert!(matches!(document.blocks.last(), Some(Block::Table(_))));
    let imprint = document.imprint.expect("the fixture has a 版记");
    assert!(imprint.cc.starts_with("抄送：") && imprint.cc.ends_with('。'));
    // The 发文字号 shares the last 签发人 line, which carries the red line.
    let signers: Vec<&Paragraph> = document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(p) if p.part == Part::Signer => Some(p),
            _ => None,
        })
        .collect();
    let (last, others) = signers.split_last().unwrap();
    let lead = last.tab.as_ref().and_then(|tab| tab.lead.as_ref()).unwrap();
    assert_eq!(lead.run.text, draft.meta.doc_number.display());
    assert!(last.red_line);
    assert!(others
        .iter()
        .all(|p| !p.red_line && p.tab.as_ref().is_some_and(|tab| tab.lead.is_none())));
}

#[test]
fn without_the_red_header_the_title_opens_the_page() {
    let draft = jiaxing();
    let options = ExportOptions {
        red_header: false,
        sealed: false,
        ..ExportOptions::default()
    };
    let document = compose(&draft, &options);
    assert_eq!(part_order(&document).first(), Some(&Part::Title));
    // One blank line before the 署名 of an unsealed document, two when sealed.
    let blanks_before_signature = |document: &Document| {
        let at = document
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Paragraph(p) if p.part == Part::Signature))
            .unwrap();
        document.blocks[..at]
            .iter()
            .rev()
            .take_while(|b| matches!(b, Block::Blank { .. }))
            .count()
    };
    assert_eq!(blanks_before_signature(&document), 1);
    let sealed = compose(&draft, &ExportOptions::default());
    assert_eq!(blanks_before_signature(&sealed), 2);
}
