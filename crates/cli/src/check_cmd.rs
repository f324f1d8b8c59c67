//! `report-drafter check`: the 公文 rule checker on a draft backup (.json) or a
//! plain-text report (any other file).

use std::path::Path;

use report_core::check::{self, Finding, Severity};
use report_core::import_text::{decode_text, NOT_TEXT};
use report_core::{outline, CalendarDate, Draft, Template};

/// Runs the checker on one file and prints its findings; returns the exit status:
/// 0 without errors, 1 with errors, 2 when the file (or `today`, or `template`) cannot
/// be read, 1 for an invalid template.
pub fn run(path: &Path, json: bool, today: Option<&str>, template: Option<&str>) -> u8 {
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
    let template = match template.map(crate::template_cmd::load).transpose() {
        Ok(template) => template,
        Err((status, message)) => {
            eprintln!("--template: {message}");
            return status;
        }
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
            Ok(draft) => {
                let setup = setup(template, Some(&draft.template));
                (check::check_draft(&draft, today, &setup), Some(draft))
            }
            Err(err) => {
                eprintln!("{name}: 无法读取草稿：{err}");
                return 2;
            }
        }
    } else {
        match decode_text(&bytes) {
            Some(text) => (
                check::check_text(&text, today, &setup(template, None)),
                None,
            ),
            None => {
                eprintln!("{name}: {NOT_TEXT}");
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
    let entries = draft.map(outline::outline).unwrap_or_default();
    let place = finding.location.describe(draft, &entries);
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
        println!("      可一键修正：{}", fix.summary());
    }
}

/// The checker as `template` sets it up; without one, as the built-in template a draft
/// names does; else the regulation's dates and every rule.
fn setup(template: Option<Template>, named: Option<&str>) -> check::Setup {
    template
        .as_ref()
        .or_else(|| {
            let name = named?;
            Template::builtins().iter().find(|t| t.name == name)
        })
        .map(Template::check_setup)
        .unwrap_or_default()
}
