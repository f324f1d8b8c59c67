//! The `report-drafter check` command run as a user would, on real files.

use std::path::PathBuf;
use std::process::{Command, Output};

mod common;
use common::{builtin_template, fixture};

fn check(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-drafter"))
        .arg("check")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-drafter-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn a_text_report_with_errors_exits_1_and_names_lines() {
    let path = fixture("report-2023-shangcheng-district-health-bureau.txt");
    let out = check(&[path.as_os_str(), "--today".as_ref(), "2024-02-20".as_ref()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("5 个错误"), "{text}");
    assert!(
        text.contains("[错误] 第3行第1字：标题编号“(一)”应写作“（一）”"),
        "{text}"
    );
    assert!(text.contains("可一键修正：“(一)”→“（一）”"), "{text}");
    assert!(
        text.contains("距报送截止日期2024年3月1日还有10天"),
        "{text}"
    );
}

#[test]
fn a_draft_without_errors_exits_0_and_locates_by_outline() {
    let path = fixture("draft-shangcheng-2023.json");
    let out = check(&[path.as_os_str(), "--today".as_ref(), "2024-02-20".as_ref()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains(": 0 个错误"), "{text}");
    // Paragraph findings name the heading path a clerk sees in the outline.
    assert!(text.contains("一、2023年主要工作及成效 › （一）"), "{text}");
    assert!(text.contains("五、其他需要报告的情况："), "{text}");
}

#[test]
fn json_output_lists_every_finding_with_its_fix() {
    let path = fixture("report-2022-jiaxing-city-health-commission.txt");
    let out = check(&[
        path.as_os_str(),
        "--json".as_ref(),
        "--today".as_ref(),
        "2023-02-20".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    let first = &findings[0];
    assert_eq!(first["rule"], "heading-label-form");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["location"]["target"]["line"], 17);
    assert_eq!(first["location"]["range"]["start"], 0);
    assert_eq!(first["fix"]["edits"][0]["expected"], "(一)");
    assert_eq!(first["fix"]["edits"][0]["replacement"], "（一）");
    assert!(findings.iter().any(|f| f["rule"] == "secrecy-review"));
}

#[test]
fn unreadable_input_exits_2() {
    let missing = PathBuf::from("/nonexistent/report.txt");
    let out = check(&[missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("无法读取文件"));

    let binary = temp_file("report.txt", &[0x80, 0xff, 0x00, 0x50]);
    let out = check(&[binary.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("UTF-8"));

    let broken = temp_file("draft.json", b"{\"format\": ");
    let out = check(&[broken.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));

    let path = fixture("draft-jiaxing-2022.json");
    let out = check(&[path.as_os_str(), "--today".as_ref(), "2023-02-30".as_ref()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("不是有效日期"));
}

#[test]
fn today_defaults_to_the_system_clock() {
    let path = fixture("draft-jiaxing-2022.json");
    let out = check(&[path.as_os_str()]);
    let text = stdout(&out);
    // The 2022 report was due on 2023-03-01: on any machine running this, a year or
    // more ago, so an old report whose date is named as past, uncounted.
    assert!(
        text.contains("2022年度报告的报送截止日期2023年3月1日已过"),
        "{text}"
    );
}

/// A city hands its districts a template with an earlier 报送 date and a rule turned
/// off; checking a district's draft with it follows both. Without it, the draft's
/// built-in template (the regulation's dates) applies.
#[test]
fn a_template_sets_the_deadlines_and_the_rules() {
    let builtin = String::from_utf8(builtin_template("annual-report")).unwrap();
    let mut template: serde_json::Value = serde_json::from_str(&builtin).unwrap();
    template["template"]["name"] = "市卫健委下发模板".into();
    template["template"]["deadlines"]["submit"] = serde_json::json!({ "month": 2, "day": 15 });
    template["template"]["checker"]["disabled_rules"] = serde_json::json!(["secrecy-review"]);
    let template = temp_file("city.template.json", template.to_string().as_bytes());
    let draft = fixture("draft-shangcheng-2023.json");
    let today = ["--today".as_ref(), "2024-02-20".as_ref()];

    let out = check(
        &[
            &[
                draft.as_os_str(),
                "--template".as_ref(),
                template.as_os_str(),
            ][..],
            &today[..],
        ]
        .concat(),
    );
    let text = stdout(&out);
    assert!(
        text.contains("已超过报送截止日期2024年2月15日5天"),
        "{text}"
    );
    assert!(
        text.contains("模板要求2月15日前报送（规定为3月1日前）"),
        "{text}"
    );
    assert!(!text.contains("保密审查"), "{text}");

    let out = check(&[&[draft.as_os_str()][..], &today[..]].concat());
    let text = stdout(&out);
    assert!(
        text.contains("距报送截止日期2024年3月1日还有10天"),
        "{text}"
    );
    assert!(text.contains("保密审查"), "{text}");

    let missing = check(&[
        draft.as_os_str(),
        "--template".as_ref(),
        "builtin:nonesuch".as_ref(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("没有名为“nonesuch”的内置模板"));
}

/// A city checks all its districts' reports in one run: each file's findings, a count
/// at the end, and the worst status; with --json, one entry per file.
#[test]
fn several_files_are_checked_in_one_run() {
    let clean = fixture("draft-shangcheng-2023.json");
    let with_errors = fixture("report-2023-shangcheng-district-health-bureau.txt");
    let missing = PathBuf::from("/nonexistent/district.json");
    let files = [
        clean.as_os_str(),
        with_errors.as_os_str(),
        missing.as_os_str(),
    ];
    let today = ["--today".as_ref(), "2024-02-20".as_ref()];

    let out = check(&[&files[..], &today[..]].concat());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("draft-shangcheng-2023.json: 0 个错误"),
        "{text}"
    );
    assert!(
        text.contains("district-health-bureau.txt: 5 个错误"),
        "{text}"
    );
    assert!(
        text.contains("共 3 个文件：1 个无错误，1 个有错误，1 个无法读取"),
        "{text}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("district.json: 无法读取文件"));

    let out = check(&[&files[..2], &today[..], &["--json".as_ref()][..]].concat());
    assert_eq!(out.status.code(), Some(1));
    let entries: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert!(entries[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("draft-shangcheng-2023.json"));
    let errors = |entry: &serde_json::Value| {
        entry["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .count()
    };
    assert_eq!((errors(&entries[0]), errors(&entries[1])), (0, 5));
}

/// A report saved from the website it was published on is checked as its text: the
/// same findings on the same lines, nothing of the page around it.
#[test]
fn a_published_web_page_is_checked_as_its_text() {
    let text_path = fixture("report-2023-shangcheng-district-health-bureau.txt");
    let text = std::fs::read_to_string(&text_path).unwrap();
    let paragraphs: String = text
        .lines()
        .map(|line| {
            format!(
                "<p>{}</p>\n",
                line.replace('&', "&amp;").replace('<', "&lt;")
            )
        })
        .collect();
    let page = format!(
        "<!DOCTYPE html><html><head><title>上城区</title><script>if (a < b) {{}}</script></head>\
         <body><nav>首页 政务公开</nav><div>当前位置：首页 &gt; 法治政府</div>{paragraphs}\
         <div>主办单位：上城区人民政府办公室</div></body></html>"
    );
    let page_path = temp_file("上城区报告.html", page.as_bytes());
    let today = ["--today".as_ref(), "2024-02-20".as_ref()];
    let from_text = check(&[&[text_path.as_os_str()], &today[..]].concat());
    let from_page = check(&[&[page_path.as_os_str()], &today[..]].concat());
    assert_eq!(from_page.status.code(), Some(1));
    assert_eq!(
        stdout(&from_page).replace(&page_path.display().to_string(), "FILE"),
        stdout(&from_text).replace(&text_path.display().to_string(), "FILE")
    );
}
