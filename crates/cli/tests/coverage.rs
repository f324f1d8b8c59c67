//! The `report-drafter coverage` command run as a user would, on the seed documents
//! and on files that are not plans or reports.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::fixture;

const PLAN: &str = "plan-2023-linan-district-health-bureau.txt";
const REPORT: &str = "report-2023-shangcheng-district-health-bureau.txt";

fn run(plan: &PathBuf, report: &PathBuf, json: bool) -> (Option<i32>, String, String) {
    run_many(plan, std::slice::from_ref(report), json)
}

fn run_many(plan: &PathBuf, reports: &[PathBuf], json: bool) -> (Option<i32>, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_report-drafter"));
    command.arg("coverage").arg("--plan").arg(plan);
    for report in reports {
        command.arg("--report").arg(report);
    }
    if json {
        command.arg("--json");
    }
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().expect("the binary runs");
    (
        status.code(),
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-drafter-coverage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn json_output_for_the_seed_pair() {
    let (code, stdout, stderr) = run(&fixture(PLAN), &fixture(REPORT), true);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 20);
    assert_eq!(items[0]["number"], "1");
    assert_eq!(items[1]["status"], "missing");
    assert_eq!(
        items[4]["departments"],
        serde_json::json!(["局法制科", "区卫生健康行政执法队"])
    );
    let evidence = &items[4]["evidence"][0];
    assert!(evidence["text"]
        .as_str()
        .unwrap()
        .starts_with("深入推进“放管服”改革"));
    assert_eq!(evidence["section"], "2023年主要工作及成效");
    assert!(evidence["paragraph"].as_u64().unwrap() >= 1);
    assert_eq!(items[4]["targets"][0]["outcome"], "not_reported");
    assert_eq!(items[9]["targets"][0]["outcome"], "met");
    let summary = &v["summary"];
    let total: u64 = ["covered", "partial", "missing", "not_applicable"]
        .iter()
        .map(|k| summary[k].as_u64().unwrap())
        .sum();
    assert_eq!(total, 20);
    assert!(summary["departments"].as_array().unwrap().len() > 5);
    assert_eq!(summary["warnings"].as_array().unwrap().len(), 0);
    for item in items {
        let status = item["status"].as_str().unwrap();
        assert!(["covered", "partial", "missing", "not_applicable"].contains(&status));
    }
}

#[test]
fn readable_table_and_a_draft_backup_as_report() {
    let draft = fixture("draft-shangcheng-2023.json");
    let (code, stdout, stderr) = run(&fixture(PLAN), &draft, false);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("计划：杭州市临安区卫生健康局2023年法治政府建设工作要点（2023年，20 项）"),
        "{stdout}"
    );
    assert!(
        stdout.contains("已覆盖") && stdout.contains("未覆盖"),
        "{stdout}"
    );
    assert!(stdout.contains("合计：已覆盖"), "{stdout}");
}

#[test]
fn an_indicator_table_and_a_report_of_another_year() {
    let (code, stdout, _) = run(
        &fixture("indicator-table-2023-qingpu-district-health-commission.txt"),
        &fixture("report-2018-hangzhou-city-health-commission.txt"),
        true,
    );
    assert_eq!(code, Some(0), "{stdout}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["items"].as_array().unwrap().len(), 62);
    assert_eq!(v["items"][58]["number"], "九-1-1");
    let warnings = v["summary"]["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("不一致")),
        "{warnings:?}"
    );
}

#[test]
fn bad_input_gives_a_chinese_message_and_a_failure_status() {
    let empty = temp_file("empty.txt", b"");
    let garbage: Vec<u8> = (0..2048u32).map(|i| (i * 7919 % 251) as u8).collect();
    let binary = temp_file("garbage.txt", &garbage);
    let mut xlsx = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut xlsx);
        zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, b"<workbook/>").unwrap();
        zip.finish().unwrap();
    }
    let sheet = temp_file("plan.xlsx", &xlsx.into_inner());
    let cases = [
        (empty.clone(), fixture(REPORT), "计划内容是空的"),
        (binary.clone(), fixture(REPORT), "不是文本"),
        (sheet.clone(), fixture(REPORT), "Excel"),
        (fixture(PLAN), empty, "报告内容是空的"),
        (fixture(PLAN), binary, "不是文本"),
        (fixture(PLAN), sheet, "Excel"),
        (
            fixture(PLAN),
            PathBuf::from("/nonexistent/report.txt"),
            "无法读取文件",
        ),
    ];
    for (plan, report, message) in cases {
        let (code, stdout, stderr) = run(&plan, &report, true);
        assert!(
            matches!(code, Some(1 | 2)),
            "{plan:?} {report:?}: {code:?} {stdout}"
        );
        assert!(stdout.contains(message), "{plan:?} {report:?}: {stdout}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// A city checks its districts' reports against its plan in one run: every report's
/// table, then one line per report; with --json, one object per report.
#[test]
fn several_reports_against_one_plan() {
    let draft = fixture("draft-shangcheng-2023.json");
    let unreadable = PathBuf::from("/nonexistent/district.txt");
    let reports = [fixture(REPORT), draft, unreadable];

    let (code, stdout, _) = run_many(&fixture(PLAN), &reports, false);
    assert_eq!(code, Some(2), "{stdout}");
    assert_eq!(stdout.matches("合计：已覆盖").count(), 2, "{stdout}");
    assert!(stdout.contains("各报告合计："), "{stdout}");
    assert!(stdout.contains("district.txt：无法读取"), "{stdout}");
    assert!(stdout.contains("district.txt: 无法读取文件"), "{stdout}");

    let (code, stdout, _) = run_many(&fixture(PLAN), &reports[..2], true);
    assert_eq!(code, Some(0), "{stdout}");
    let entries: Value = serde_json::from_str(&stdout).unwrap();
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let (single_code, single, _) = run(&fixture(PLAN), &fixture(REPORT), true);
    assert_eq!(single_code, Some(0));
    let mut single: Value = serde_json::from_str(&single).unwrap();
    single["file"] = serde_json::json!(fixture(REPORT));
    assert_eq!(
        entries[0], single,
        "each entry is the single-report object with its file"
    );
    assert!(entries[1]["file"]
        .as_str()
        .unwrap()
        .ends_with("draft-shangcheng-2023.json"));
    assert_eq!(entries[1]["items"].as_array().unwrap().len(), 20);
}

/// `coverage --output` with these reports; status and stdout.
fn write_table(plan: &PathBuf, reports: &[PathBuf], output: &PathBuf) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_report-drafter"));
    command.arg("coverage").arg("--plan").arg(plan);
    for report in reports {
        command.arg("--report").arg(report);
    }
    let out = command.arg("--output").arg(output).output().unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

/// The text of part `name` of the zip at `path`.
fn zip_part(path: &PathBuf, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
    xml
}

#[test]
fn the_table_is_written_as_word_or_excel_by_the_output_extension() {
    let dir = temp_file("placeholder", b"").with_file_name("tables");
    std::fs::create_dir_all(&dir).unwrap();
    let (plan, report) = (fixture(PLAN), fixture(REPORT));

    let xlsx = dir.join("落实情况表.XLSX");
    let (code, stdout) = write_table(&plan, std::slice::from_ref(&report), &xlsx);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("已导出落实情况表"), "{stdout}");
    let sheet = zip_part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"<autoFilter ref="A3:E23"/>"#), "20 items");

    let docx = dir.join("落实情况表.docx");
    let (code, stdout) = write_table(&plan, std::slice::from_ref(&report), &docx);
    assert_eq!(code, Some(0), "{stdout}");
    let document = zip_part(&docx, "word/document.xml");
    assert_eq!(
        document.matches("<w:tr>").count(),
        21,
        "a header and 20 items"
    );

    // Another extension, or several reports: nothing is written.
    let csv = dir.join("落实情况表.csv");
    let (code, stdout) = write_table(&plan, std::slice::from_ref(&report), &csv);
    assert_eq!(code, Some(2));
    assert!(
        stdout.contains(".docx（Word）或 .xlsx（Excel）"),
        "{stdout}"
    );
    assert!(!csv.exists());
    let both = dir.join("两份.xlsx");
    let (code, stdout) = write_table(&plan, &[report.clone(), report.clone()], &both);
    assert_eq!(code, Some(2));
    assert!(stdout.contains("只对照一份报告"), "{stdout}");
    assert!(!both.exists());
}

#[test]
fn the_table_is_never_written_over_the_plan_or_the_report() {
    let plan = temp_file("plan-kept.txt", &std::fs::read(fixture(PLAN)).unwrap());
    let report = temp_file("report-kept.txt", &std::fs::read(fixture(REPORT)).unwrap());
    // The plan by another name, as a careless user might give it.
    let plan_link = plan.with_file_name("plan-link.xlsx");
    let _ = std::fs::remove_file(&plan_link);
    std::fs::hard_link(&plan, &plan_link).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let (code, stdout) = write_table(&plan, std::slice::from_ref(&report), &plan_link);
    assert_eq!(code, Some(2), "{stdout}");
    assert!(stdout.contains("输出文件就是输入文件"), "{stdout}");
    assert_eq!(std::fs::read(&plan).unwrap(), before);
}
