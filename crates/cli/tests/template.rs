//! `report-drafter template validate` and `report-drafter new --template` run as a
//! user would, on built-ins and on files.

mod common;
use std::path::PathBuf;
use std::process::{Command, Output};

use common::fixture;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-drafter"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-drafter-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn builtin_file(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/templates")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn a_valid_template_file_exits_0_with_a_summary() {
    let path = builtin_file("indicator-table.json");
    let out = run(&["template", "validate", &path]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("模板有效：“法治政府建设年度报告（附指标分解表）”"),
        "{text}"
    );
    assert!(text.contains("正文 6 个部分"), "{text}");
    assert!(text.contains("    导语（不编号）\n"), "{text}");
    assert!(text.contains("版头与版记：未预设"), "{text}");
    assert!(text.contains("计划条目：无"), "{text}");
    assert!(
        text.contains("已完成情况（200字以内）、下一步举措（200字以内）"),
        "{text}"
    );
    assert!(
        text.contains("截止日期：次年3月1日前报送，4月1日前公开"),
        "{text}"
    );
}

#[test]
fn a_template_with_defaults_lists_them() {
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(builtin_file("annual-report.json")).unwrap())
            .unwrap();
    json["template"]["defaults"]["issuer_name"] = "杭州市上城区卫生健康局".into();
    json["template"]["defaults"]["signers"] = serde_json::json!(["张三", "李四"]);
    json["template"]["deadlines"]["submit"] = serde_json::json!({ "month": 2, "day": 15 });
    json["template"]["plan"] = serde_json::json!({
        "title": "2024年法治政府建设工作要点",
        "year": 2024,
        "items": [{ "number": "1", "group": "", "title": "保护市场公平竞争", "body": "",
                    "departments": ["局法制科"], "targets": [] }]
    });
    let path = temp_path("defaults.json");
    std::fs::write(&path, json.to_string()).unwrap();
    let out = run(&["template", "validate", path.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("版头与版记：发文机关 杭州市上城区卫生健康局；签发人 张三、李四"),
        "{text}"
    );
    assert!(text.contains("次年2月15日前报送"), "{text}");
    assert!(text.contains("计划条目：2024年，1 条"), "{text}");
}

#[test]
fn an_invalid_template_exits_1_with_the_apps_message() {
    let path = temp_path("bad.json");
    std::fs::write(
        &path,
        r#"{"format":"report-drafter.template","version":1,"template":{"name":"x","created_by":"","created":null,"title":"t","sections":[{"key":"a","title":5}]}}"#,
    )
    .unwrap();
    let out = run(&["template", "validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!(
            "{}: 错误：字段“template.sections[0].title”的类型不对，应为文本\n",
            path.display()
        )
    );
    let draft = fixture("draft-jiaxing-2022.json");
    let out = run(&["template", "validate", draft.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("格式标识为“report-drafter.draft”"));
}

#[test]
fn an_unreadable_file_or_unknown_builtin_exits_2() {
    let out = run(&["template", "validate", "/no/such/template.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("无法读取文件"));
    let out = run(&["template", "validate", "builtin:nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains(
        "没有名为“nope”的内置模板；可用：builtin:annual-report、builtin:thematic-2018、builtin:indicator-table"
    ));
}

#[test]
fn new_writes_a_draft_backup_on_a_builtin() {
    let output = temp_path("thematic.json");
    let out = run(&[
        "new",
        "--template",
        "builtin:thematic-2018",
        "-o",
        output.to_str().unwrap(),
        "--year",
        "2024",
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("2024年度草稿《2024年度法治政府建设（依法行政）工作情况报告》，7 个部分"),
        "{text}"
    );
    let draft = report_core::from_json(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(draft.report_year, 2024);
    assert_eq!(draft.template, "专题式年度报告（杭州2018年体例）");
    assert!(!draft.export.red_header);
    // The file is a draft backup the rest of the tool reads.
    let out = run(&["validate", output.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn new_from_a_template_file_and_its_failures() {
    let output = temp_path("from-file.json");
    let path = builtin_file("annual-report.json");
    let out = run(&[
        "new",
        "--template",
        &path,
        "-o",
        output.to_str().unwrap(),
        "--year",
        "2023",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let draft = report_core::from_json(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(draft.meta.title, "关于2023年度法治政府建设工作情况的报告");

    let bad = temp_path("not-a-template.json");
    std::fs::write(&bad, "{").unwrap();
    let out = run(&[
        "new",
        "--template",
        bad.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("错误：文件不完整"));

    let out = run(&[
        "new",
        "--template",
        "builtin:annual-report",
        "-o",
        "/no/such/dir/d.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("无法写入"));
}
