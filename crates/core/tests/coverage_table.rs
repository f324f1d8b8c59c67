//! The coverage table for the 科长 opens in LibreOffice: converted to PDF, every plan
//! item is on it. Needs `soffice` and `pdftotext` (scripts/setup.sh installs them); a
//! missing tool fails the test.

use std::path::PathBuf;
use std::process::Command;

use report_core::coverage::compute;
use report_core::docx::coverage_table::coverage_table;
use report_core::plan::parse_plan_text;
use report_core::plan_items::PlanState;
use report_core::report_text::draft_from_text;

mod pdf_tools;
use pdf_tools::{convert_to_pdf, run};

const PLAN: &str = include_str!("fixtures/plan-2023-linan-district-health-bureau.txt");
const REPORT: &str = include_str!("fixtures/report-2023-shangcheng-district-health-bureau.txt");

#[test]
fn the_table_converts_to_pdf_with_every_plan_item() {
    let mut draft = draft_from_text(REPORT, 2023).unwrap();
    draft.plan = Some(PlanState::new(parse_plan_text(PLAN).unwrap().plan));
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
