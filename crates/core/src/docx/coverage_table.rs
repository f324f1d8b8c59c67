//! 计划落实情况表 for the 科长: the plan coverage as a Word table, one row per plan item
//! (计划任务 | 责任单位 | 落实情况 | 佐证段落 | 指标完成情况), on a landscape A4 page,
//! written with the same docx-rs and package finishing as the report.

use docx_rs::{
    AlignmentType, Docx, PageMargin, PageOrientationType, Paragraph, Run, RunFonts, Table,
    TableCell, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::package;
use super::tables::ruled_all_round;
use crate::coverage::{compute, CoverageReport, Evidence, ItemCoverage};
use crate::model::Draft;
use crate::xml_text::clean_text;

/// Landscape A4 in twips, with 2 cm margins.
const PAGE_WIDTH: u32 = 16838;
const PAGE_HEIGHT: u32 = 11906;
const MARGIN: i32 = 1134;
/// Column widths in twips; they fill the width between the margins.
const COLUMNS: [(&str, usize); 5] = [
    ("计划任务", 3600),
    ("责任单位", 1700),
    ("落实情况", 2600),
    ("佐证段落", 4268),
    ("指标完成情况", 2400),
];
/// 小四 (12 pt) in the table, 三号 (16 pt) for the title, in half-points.
const SIZE_TABLE: usize = 24;
const SIZE_TITLE: usize = 32;
/// Evidence shown per item, and characters of each paragraph quoted.
const EVIDENCE_SHOWN: usize = 2;
const QUOTE_CHARS: usize = 80;

#[derive(Debug, thiserror::Error)]
pub enum CoverageTableError {
    #[error("这份草稿还没有导入年度工作要点，无法生成落实情况表")]
    NoPlan,
    #[error("生成 Word 文件时出错：{0}")]
    Package(String),
}

/// The coverage of `draft`'s plan as a .docx table. `now` is an RFC 3339 timestamp for
/// the file's properties.
pub fn coverage_table(draft: &Draft, now: &str) -> Result<Vec<u8>, CoverageTableError> {
    let plan = draft.plan.as_ref().ok_or(CoverageTableError::NoPlan)?;
    let report = compute(draft, plan);
    let title = format!("{}年度法治政府建设工作要点落实情况表", draft.report_year);
    let docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(PageMargin {
            top: MARGIN,
            left: MARGIN,
            bottom: MARGIN,
            right: MARGIN,
            header: 851,
            footer: 992,
            gutter: 0,
        })
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(run(&title, "黑体", SIZE_TITLE)),
        )
        .add_paragraph(Paragraph::new().add_run(run(
            &summary_line(draft, &report),
            "仿宋_GB2312",
            SIZE_TABLE,
        )))
        .add_table(table(&report));
    package::finish(docx.build(), &title, &draft.meta.issuer_name, now)
        .map_err(|e| CoverageTableError::Package(e.to_string()))
}

/// The one-line count under the title.
fn summary_line(draft: &Draft, report: &CoverageReport) -> String {
    let s = &report.summary;
    let name = if draft.meta.title.trim().is_empty() {
        draft.name.trim()
    } else {
        draft.meta.title.trim()
    };
    format!(
        "对照报告：{name}。共 {} 项：已覆盖 {}，部分覆盖 {}，未覆盖 {}，不适用 {}。",
        report.items.len(),
        s.covered,
        s.partial,
        s.missing,
        s.not_applicable
    )
}

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new()
        .size(size)
        .fonts(
            RunFonts::new()
                .east_asia(font)
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman"),
        )
        .add_text(clean_text(text))
}

/// A cell of `lines`, one paragraph each.
fn cell(lines: &[String], width: usize, font: &str, align: AlignmentType) -> TableCell {
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    for line in lines {
        cell = cell.add_paragraph(
            Paragraph::new()
                .align(align)
                .add_run(run(line, font, SIZE_TABLE)),
        );
    }
    // A cell needs a paragraph, even an empty one.
    if lines.is_empty() {
        cell = cell.add_paragraph(Paragraph::new());
    }
    cell
}

fn table(report: &CoverageReport) -> Table {
    let header = TableRow::new(
        COLUMNS
            .iter()
            .map(|(name, width)| cell(&[name.to_string()], *width, "黑体", AlignmentType::Center))
            .collect(),
    )
    // The package marks the row that cannot split as the header repeated on every page.
    .cant_split();
    let mut rows = vec![header];
    rows.extend(report.items.iter().map(|item| {
        let columns = row_texts(item);
        TableRow::new(
            columns
                .iter()
                .zip(COLUMNS)
                .map(|(lines, (_, width))| cell(lines, width, "仿宋_GB2312", AlignmentType::Left))
                .collect(),
        )
    }));
    Table::new(rows)
        .set_borders(ruled_all_round())
        .set_grid(COLUMNS.iter().map(|(_, w)| *w).collect())
        .width(COLUMNS.iter().map(|(_, w)| *w).sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// The five cells of an item's row, as lines.
pub(crate) fn row_texts(item: &ItemCoverage) -> [Vec<String>; 5] {
    let task = format!("{}. {}", item.number, item.title);
    let departments = if item.departments.is_empty() {
        "—".to_string()
    } else {
        item.departments.join("、")
    };
    let mut status = vec![item.status.label().to_string()];
    if !item.reason.is_empty() {
        status.push(item.reason.clone());
    }
    let evidence: Vec<String> = item
        .evidence
        .iter()
        .take(EVIDENCE_SHOWN)
        .map(evidence_line)
        .collect();
    let targets: Vec<String> = item
        .targets
        .iter()
        .map(|t| {
            let reported = if t.quote.is_empty() {
                String::new()
            } else {
                format!("（报告：{}）", t.quote)
            };
            format!("{}：{}{reported}", t.target.text, t.outcome.label())
        })
        .collect();
    [vec![task], vec![departments], status, evidence, targets]
}

/// Where the evidence is and its first sentence: `一、主要举措和成效 第3段：……`.
fn evidence_line(evidence: &Evidence) -> String {
    let p = &evidence.paragraph;
    let chars: Vec<char> = p.text.chars().collect();
    let [start, end] = evidence
        .sentences
        .first()
        .copied()
        .unwrap_or([0, chars.len()]);
    let end = end.min(chars.len());
    let start = start.min(end);
    let mut quote: String = chars[start..end].iter().take(QUOTE_CHARS).collect();
    if end - start > QUOTE_CHARS {
        quote.push('…');
    }
    format!(
        "{} 第{}段：{quote}",
        p.section_title.trim(),
        p.paragraph_index + 1
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::parse_plan_text;
    use crate::plan_items::PlanState;
    use crate::report_text::draft_from_text;

    const PLAN: &str =
        include_str!("../../tests/fixtures/plan-2023-linan-district-health-bureau.txt");
    const REPORT: &str =
        include_str!("../../tests/fixtures/report-2023-shangcheng-district-health-bureau.txt");

    fn draft_with_plan() -> Draft {
        let mut draft = draft_from_text(REPORT, 2023).unwrap();
        draft.plan = Some(PlanState::new(parse_plan_text(PLAN).unwrap().plan));
        draft
    }

    #[test]
    fn one_row_per_plan_item_with_its_status_units_evidence_and_targets() {
        let draft = draft_with_plan();
        let report = compute(&draft, draft.plan.as_ref().unwrap());
        let bytes = coverage_table(&draft, "2024-01-15T00:00:00Z").unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert_eq!(
            xml.matches("<w:tr>").count() + xml.matches("<w:tr ").count(),
            report.items.len() + 1
        );
        assert!(
            xml.contains("<w:tblHeader />"),
            "the header repeats on each page"
        );
        let paragraphs = crate::docx::read::paragraphs(&bytes).unwrap();
        for item in &report.items {
            let [task, departments, status, ..] = row_texts(item);
            for text in [&task[0], &departments[0], &status[0]] {
                assert!(paragraphs.iter().any(|p| p == text), "{text}");
            }
        }
        // The figures are the coverage engine's, not made up here.
        assert!(report.items.iter().any(|i| !i.evidence.is_empty()));
        assert!(report.items.iter().any(|i| !i.targets.is_empty()));
    }

    #[test]
    fn a_draft_without_a_plan_is_refused() {
        let draft = draft_from_text(REPORT, 2023).unwrap();
        assert!(matches!(
            coverage_table(&draft, "2024-01-15T00:00:00Z"),
            Err(CoverageTableError::NoPlan)
        ));
    }
}
