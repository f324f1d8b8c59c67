//! The `report-drafter plan` command run as a user would: a seed plan, a table plan
//! (as text and as an Excel workbook), and files that are not plans.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;
use common::fixture;

fn run(args: &[&str], file: &Path) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_report-drafter"))
        .arg("plan")
        .args(args)
        .arg(file)
        .output()
        .expect("the binary runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-drafter-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn the_seed_plan_prints_one_line_per_item() {
    let (code, stdout) = run(&[], &fixture("plan-2023-linan-district-health-bureau.txt"));
    assert_eq!(code, Some(0), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].contains("2023年，20 项"), "{}", lines[0]);
    assert_eq!(lines[1], "编号\t分组\t条目\t责任单位\t指标");
    assert_eq!(lines.iter().filter(|l| l.contains('\t')).count(), 21);
    assert!(
        lines[6].starts_with(
            "5\t打造法治化营商环境\t深入推进“放管服”改革\t局法制科、区卫生健康行政执法队\t"
        ),
        "{}",
        lines[6]
    );
}

#[test]
fn json_holds_items_and_skipped_lines() {
    let file = temp_file(
        "table.txt",
        "序号\t重点任务\t责任单位\t完成时限\n1\t落实行政执法三项制度\t牵头：执法队；配合：法规科\t2024年12月底前\n我局解释。\n",
    );
    let (code, stdout) = run(&["--json"], &file);
    assert_eq!(code, Some(0), "{stdout}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let item = &v["plan"]["items"][0];
    assert_eq!(item["title"], "落实行政执法三项制度");
    assert_eq!(item["departments"], serde_json::json!(["执法队", "法规科"]));
    assert_eq!(v["plan"]["items"].as_array().unwrap().len(), 1);
    assert!(v["skipped"].is_array());
}

#[test]
fn a_file_that_is_no_plan_or_cannot_be_read_says_so() {
    let (code, stdout) = run(&[], &temp_file("prose.txt", "今年我们做了很多工作。"));
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("计划无法导入：没有识别出任何计划条目"),
        "{stdout}"
    );
    let (code, stdout) = run(&[], Path::new("/nonexistent/plan.txt"));
    assert_eq!(code, Some(2));
    assert!(stdout.contains("无法读取文件"), "{stdout}");
}

#[test]
fn an_excel_workbook_prints_its_rows_as_items() {
    let cell =
        |r: &str, text: &str| format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#);
    let rows = [
        format!(
            "<row r=\"1\">{}{}{}{}</row>",
            cell("A1", "序号"),
            cell("B1", "重点任务"),
            cell("C1", "责任单位"),
            cell("D1", "完成时限")
        ),
        format!("<row r=\"2\">{}</row>", cell("A2", "一、推进依法行政")),
        format!(
            "<row r=\"3\"><c r=\"A3\"><v>1</v></c>{}{}{}</row>",
            cell("B3", "落实行政执法三项制度"),
            cell("C3", "执法队"),
            cell("D3", "2024年12月底前")
        ),
    ];
    const NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts = [
        (
            "xl/workbook.xml",
            format!(
                r#"<workbook xmlns:r="{NS}"><sheets><sheet name="要点" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<Relationships><Relationship Id="rId1" Type="{NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                "<worksheet><sheetData>{}</sheetData></worksheet>",
                rows.concat()
            ),
        ),
    ];
    let mut xlsx = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, xml) in &parts {
        xlsx.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut xlsx, xml.as_bytes()).unwrap();
    }
    let file = temp_file("工作要点.xlsx", xlsx.finish().unwrap().into_inner());
    let (code, stdout) = run(&[], &file);
    assert_eq!(code, Some(0), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines.contains(&"1\t推进依法行政\t落实行政执法三项制度\t执法队\t"),
        "{stdout}"
    );
}
