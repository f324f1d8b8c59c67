//! The coverage table for the 科长 opens in LibreOffice: the Word table converted to
//! PDF has every plan item on it; the workbook converted to CSV by Calc has every cell.
//! Needs `soffice` (Writer and Calc) and `pdftotext` (scripts/setup.sh installs them);
//! a missing tool fails the test.

use std::path::PathBuf;
use std::process::Command;

use report_core::coverage::compute;
use report_core::coverage::table::{row_texts, summary_line, title, HEADERS};
use report_core::docx::coverage_table::coverage_table;
use report_core::plan::parse_plan_text;
use report_core::plan_items::PlanState;
use report_core::report_text::draft_from_text;
use report_core::xlsx::coverage_workbook::coverage_workbook;
use report_core::Draft;

mod pdf_tools;
use pdf_tools::{convert, convert_to_pdf, run};

const PLAN: &str = include_str!("fixtures/plan-2023-linan-district-health-bureau.txt");
const REPORT: &str = include_str!("fixtures/report-2023-shangcheng-district-health-bureau.txt");

fn draft_with_plan() -> Draft {
    let mut draft = draft_from_text(REPORT, 2023).unwrap();
    draft.plan = Some(PlanState::new(parse_plan_text(PLAN).unwrap().plan).into());
    draft
}

#[test]
fn the_table_converts_to_pdf_with_every_plan_item() {
    let draft = draft_with_plan();
    let report = compute(&draft, draft.plan.as_ref().unwrap());
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("coverage-table");
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("table.docx");
    let pdf = dir.join("table.pdf");
    let _ = std::fs::remove_file(&pdf);
    std::fs::write(
        &docx,
        coverage_table(&draft, "2024-01-15T00:00:00Z").unwrap(),
    )
    .unwrap();
    convert_to_pdf(&dir, &[&docx]);
    assert!(pdf.exists(), "LibreOffice made no PDF");
    let text = String::from_utf8(run(Command::new("pdftotext").arg(&pdf).arg("-"))).unwrap();
    // Cells wrap, so compare without line breaks and spaces.
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains("2023年度法治政府建设工作要点落实情况表"));
    for header in [
        "计划任务",
        "责任单位",
        "落实情况",
        "佐证段落",
        "指标完成情况",
    ] {
        assert!(text.contains(header), "{header}");
    }
    assert!(report.items.len() >= 10, "{} items", report.items.len());
    for item in &report.items {
        let task: String = format!("{}.{}", item.number, item.title)
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(12)
            .collect();
        assert!(text.contains(&task), "item {task} is in the PDF");
        assert!(text.contains(item.status.label()));
    }
}

#[test]
fn calc_reads_every_cell_of_the_workbook() {
    let draft = draft_with_plan();
    let report = compute(&draft, draft.plan.as_ref().unwrap());
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("coverage-workbook");
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("table.xlsx");
    let csv = dir.join("table.csv");
    let _ = std::fs::remove_file(&csv);
    std::fs::write(
        &xlsx,
        coverage_workbook(&draft, "2024-01-15T00:00:00Z").unwrap(),
    )
    .unwrap();
    // Comma-separated, double-quoted, UTF-8 (76), the first sheet.
    convert(&dir, &[&xlsx], "csv:Text - txt - csv (StarCalc):44,34,76,1");
    let text = std::fs::read_to_string(&csv).expect("Calc made no CSV");
    let blank = || String::new();
    let mut want = vec![
        vec![title(&draft), blank(), blank(), blank(), blank()],
        vec![
            summary_line(&draft, &report),
            blank(),
            blank(),
            blank(),
            blank(),
        ],
        HEADERS.map(str::to_string).to_vec(),
    ];
    for item in &report.items {
        want.push(row_texts(item).map(|lines| lines.join("\n")).to_vec());
    }
    assert_eq!(want.len(), 23, "title, count, header and the 20 plan items");
    assert_eq!(parse_csv(&text), want);
}

/// The rows of a CSV as Calc writes it: fields separated by commas, quoted when they
/// hold a comma, a quote (doubled) or a line break.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
