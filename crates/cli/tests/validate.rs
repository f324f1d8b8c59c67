//! The `report-drafter validate` command run as a user would, on real files.

use std::path::PathBuf;
use std::process::{Command, Output};

mod common;
use common::fixture;

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-drafter"))
        .arg("validate")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-drafter-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn a_good_draft_passes_with_its_summary() {
    let path = fixture("draft-shangcheng-2023.json");
    let out = run(&[path.as_os_str()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("0 个错误"), "{stdout}");
    // The checker's finding for a part with no text, with its place; the message names
    // the part because 检查与导出 lists it without one.
    assert!(
        stdout.contains("五、其他需要报告的情况：“其他需要报告的情况”部分没有内容"),
        "{stdout}"
    );
}

#[test]
fn a_truncated_draft_fails_with_a_chinese_message() {
    let good = std::fs::read(fixture("draft-shangcheng-2023.json")).unwrap();
    let path = temp_file("truncated.json", &good[..good.len() / 3]);
    let out = run(&[path.as_os_str()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("文件不完整"), "{stdout}");
}

#[test]
fn binary_input_and_missing_files_are_reported_not_panicked_on() {
    let binary = temp_file("binary.json", &[0xff, 0xfe, 0x00, 0x50, 0x4b]);
    let missing = PathBuf::from("/nonexistent/draft.json");
    let out = run(&[binary.as_os_str(), missing.as_os_str()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(2), "worst status wins: {stdout}");
    // Bytes that are no text are refused as such, not read as `�` into JSON.
    assert!(stdout.contains("不是可识别的文本"), "{stdout}");
    assert!(stdout.contains("无法读取文件"), "{stdout}");
    assert!(String::from_utf8(out.stderr).unwrap().is_empty());
}
