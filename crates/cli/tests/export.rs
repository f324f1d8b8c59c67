//! The `report-drafter export` command run as a user would: the draft's own layout
//! options, overrides from the command line, and bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use report_core::docx::read;

mod common;
use common::fixture;

const MARK: &str = "嘉兴市卫生健康委员会文件";

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-drafter-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn export(draft: &Path, output: &Path, flags: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-drafter"))
        .arg("export")
        .arg(draft)
        .arg("-o")
        .arg(output)
        .args(flags)
        .output()
        .expect("the binary runs")
}

fn exported_paragraphs(draft: &Path, flags: &[&str]) -> Vec<String> {
    // Tests run in parallel: one output per draft and flags.
    let stem = draft.file_stem().unwrap().to_string_lossy();
    let output = temp_dir().join(format!("{stem}{}.docx", flags.join("")));
    let out = export(draft, &output, flags);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("已导出"), "{stdout}");
    read::paragraphs(&std::fs::read(&output).unwrap()).expect("a readable .docx")
}

#[test]
fn the_fixture_exports_with_every_element_in_order() {
    let paragraphs = exported_paragraphs(&fixture("draft-jiaxing-2022.json"), &[]);
    let position = |needle: &str| {
        paragraphs
            .iter()
            .position(|p| p.contains(needle))
            .unwrap_or_else(|| panic!("{needle} is missing from {paragraphs:#?}"))
    };
    let order = [
        MARK,
        "嘉卫〔2023〕24号",
        "关于2022年度法治政府建设工作的报告",
        "中共嘉兴市委、嘉兴市人民政府：",
        "2023年2月27日",
        "抄送：",
        "2023年2月27日印发",
    ];
    let positions: Vec<usize> = order.iter().map(|n| position(n)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

#[test]
fn the_drafts_own_options_apply_and_flags_override_them() {
    let text = std::fs::read_to_string(fixture("draft-jiaxing-2022.json")).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    file["version"] = 2.into();
    file["draft"]["export"] = serde_json::json!({
        "profile": "portable", "fonts": "gb2312", "red_header": false, "sealed": true
    });
    let plain = temp_dir().join("no-red-header.json");
    std::fs::write(&plain, file.to_string()).unwrap();
    assert!(!exported_paragraphs(&plain, &[])
        .iter()
        .any(|p| p.contains(MARK)));

    let with_header = fixture("draft-jiaxing-2022.json");
    assert!(exported_paragraphs(&with_header, &[])
        .iter()
        .any(|p| p.contains(MARK)));
    let overridden = exported_paragraphs(&with_header, &["--no-red-header"]);
    assert!(!overridden.iter().any(|p| p.contains(MARK)));
}

#[test]
fn unreadable_and_broken_drafts_are_reported_not_panicked_on() {
    let output = temp_dir().join("never.docx");
    let missing = export(&temp_dir().join("no-such-file.json"), &output, &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stdout).contains("无法读取文件"));

    let garbage = temp_dir().join("garbage.json");
    std::fs::write(&garbage, [0xff, 0x00, 0x13, 0x37]).unwrap();
    let broken = export(&garbage, &output, &[]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stdout).contains("错误"));
    assert!(!output.exists(), "no file is written for a broken draft");
}
