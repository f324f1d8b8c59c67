//! `report-drafter check`: the 公文 rule checker on a draft backup (.json) or a
//! plain-text report (any other file).

use std::path::Path;

use report_core::check::{self, Finding, Location, Severity, TextRef};
use report_core::model::TextField;
use report_core::{outline, validate, CalendarDate, Draft};

/// Runs the checker on one file and prints its findings; returns the exit status:
/// 0 without errors, 1 with errors, 2 when the file (or `today`) cannot be read.
pub fn run(path: &Path, json: bool, today: Option<&str>) -> u8 {
    let name = path.display();
    let today = match today {
        Some(text) => match CalendarDate::parse_iso(text) {
            Some(date) => date,
            None => {
                eprintln!("--today “{text}”不是有效日期（应为 YYYY-MM-DD）");
                return 2;
            }
        },
        None => CalendarDate::from_unix_ms(crate::now_ms()),
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("{name}: 无法读取文件：{err}");
            return 2;
        }
    };
    let is_draft = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let (findings, draft) = if is_draft {
        match report_core::from_json_bytes(&bytes) {
            Ok(draft) => (check::check_draft(&draft, today), Some(draft)),
            Err(err) => {
                eprintln!("{name}: 无法读取草稿：{err}");
                return 2;
            }
        }
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => (check::check_text(&text, today), None),
            Err(_) => {
                eprintln!("{name}: 不是 UTF-8 编码的纯文本");
                return 2;
            }
        }
    };
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    if json {
        let out = serde_json::to_string_pretty(&findings).expect("findings serialize");
        println!("{out}");
    } else {
        println!(
            "{name}: {} 个错误，{} 个提示",
            errors,
            findings.len() - errors
        );
        for finding in &findings {
            print_finding(finding, draft.as_ref());
        }
    }
    u8::from(errors > 0)
}

fn print_finding(finding: &Finding, draft: Option<&Draft>) {
    let place = describe(&finding.location, draft);
    let place = if place.is_empty() {
        String::new()
    } else {
        format!("{place}：")
    };
    println!(
        "  [{}] {place}{}（{}）",
        finding.severity.label(),
        finding.message,
        finding.rule
    );
    if let Some(fix) = &finding.fix {
        const SHOWN: usize = 3;
        let edits: Vec<String> = fix
            .edits
            .iter()
            .take(SHOWN)
            .map(|e| format!("“{}”→“{}”", e.expected, e.replacement))
            .collect();
        let more = if fix.edits.len() > SHOWN {
            "……"
        } else {
            ""
        };
        println!("      可一键修正：{}{more}", edits.join("，"));
    }
}

/// A location in words a clerk recognises: line and column, a form field, a heading path.
fn describe(location: &Location, draft: Option<&Draft>) -> String {
    let (target, range) = match location {
        Location::Document => return String::new(),
        Location::Section { id } => {
            return draft.map_or_else(String::new, |d| {
                validate::location(&outline::outline(d), *id)
            })
        }
        Location::Text { target, range } => (target, range),
    };
    let column = range.map_or(String::new(), |r| format!("第{}字", r.start + 1));
    match target {
        TextRef::Line { line } => format!("第{line}行{column}"),
        TextRef::Field { field } => format!("{}{column}", field.label()),
        TextRef::Node { id, part } => {
            let Some(draft) = draft else {
                return String::new();
            };
            let entries = outline::outline(draft);
            let node = match part {
                TextField::Title => validate::location(&entries, *id),
                TextField::Text if entries.iter().any(|e| e.id == *id) => {
                    format!("{}（正文）", validate::location(&entries, *id))
                }
                TextField::Text => validate::paragraph_location(draft, &entries, *id),
            };
            format!("{node} {column}")
        }
    }
}
