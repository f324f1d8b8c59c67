//! 计划落实情况表 for the 科长: the plan coverage as a Word table, one row per plan item
//! ([`crate::coverage::table`] gives the cells), on a landscape A4 page, written with
//! the same docx-rs and package finishing as the report.

use docx_rs::{
    AlignmentType, Docx, PageMargin, PageOrientationType, Paragraph, Run, RunFonts, Table,
    TableCell, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::package;
use super::tables::ruled_all_round;
use crate::coverage::table::{row_texts, summary_line, title, CoverageTableError, HEADERS};
use crate::coverage::{compute, CoverageReport};
use crate::model::Draft;
use crate::xml_text::clean_text;

/// Landscape A4 in twips, with 2 cm margins.
const PAGE_WIDTH: u32 = 16838;
const PAGE_HEIGHT: u32 = 11906;
const MARGIN: i32 = 1134;
/// Column widths in twips, in the order of [`HEADERS`]; they fill the width between
/// the margins.
const WIDTHS: [usize; 5] = [3600, 1700, 2600, 4268, 2400];
/// 小四 (12 pt) in the table, 三号 (16 pt) for the title, in half-points.
const SIZE_TABLE: usize = 24;
const SIZE_TITLE: usize = 32;

/// The coverage of `draft`'s plan as a .docx table. `now` is an RFC 3339 timestamp for
/// the file's properties.
pub fn coverage_table(draft: &Draft, now: &str) -> Result<Vec<u8>, CoverageTableError> {
    let plan = draft.plan.as_ref().ok_or(CoverageTableError::NoPlan)?;
    let report = compute(draft, plan);
    let title = title(draft);
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
        .map_err(|e| CoverageTableError::Word(e.to_string()))
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
        HEADERS
            .iter()
            .zip(WIDTHS)
            .map(|(name, width)| cell(&[name.to_string()], width, "黑体", AlignmentType::Center))
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
                .zip(WIDTHS)
                .map(|(lines, width)| cell(lines, width, "仿宋_GB2312", AlignmentType::Left))
                .collect(),
        )
    }));
    Table::new(rows)
        .set_borders(ruled_all_round())
        .set_grid(WIDTHS.to_vec())
        .width(WIDTHS.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::table::test_drafts::{report_only, report_with_plan};

    #[test]
    fn one_row_per_plan_item_with_its_status_units_evidence_and_targets() {
        let draft = report_with_plan();
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
        let draft = report_only();
        assert!(matches!(
            coverage_table(&draft, "2024-01-15T00:00:00Z"),
            Err(CoverageTableError::NoPlan)
        ));
    }
}
