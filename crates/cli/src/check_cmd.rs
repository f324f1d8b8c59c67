//! `report-drafter check`: the 公文 rule checker on a draft backup (.json) or a
//! plain-text report (any other file).

use std::path::{Path, PathBuf};

use serde_json::json;

use report_core::check::{self, Finding, Places, Severity};
use report_core::decode::{looks_binary, NOT_TEXT};
use report_core::format::looks_like_json;
use report_core::format::MAX_DRAFT_BYTES;
use report_core::html_read;
use report_core::import_text::MAX_IMPORT_BYTES;
use report_core::{outline, CalendarDate, Draft, Template};

use crate::files::{self, errln, outln};

/// Runs the checker on each file and prints the findings; returns the exit status, the
/// worst over the files: 0 without errors, 1 with errors (or an invalid template), 2
/// when a file, `today` or `template` cannot be read. With several files, a summary
/// follows; with `json`, one file gives its findings as an array and several give an
/// array of `{ file, findings }` or `{ file, error }`.
pub fn run(paths: &[PathBuf], json: bool, today: Option<&str>, template: Option<&str>) -> u8 {
    let today = match today {
        Some(text) => match CalendarDate::parse_iso(text) {
            Some(date) => date,
            None => {
                errln!("--today “{text}”不是有效日期（应为 YYYY-MM-DD）");
                return 2;
            }
        },
        None => CalendarDate::from_unix_ms(crate::now_ms()),
    };
    let template = match template.map(crate::template_cmd::load).transpose() {
        Ok(template) => template,
        Err((status, message)) => {
            errln!("--template: {message}");
            return status;
        }
    };
    let results: Vec<(&PathBuf, Result<Checked, String>)> = paths
        .iter()
        .map(|path| (path, check_file(path, today, template.as_ref())))
        .collect();
    let status = |result: &Result<Checked, String>| match result {
        Ok(checked) => u8::from(checked.errors() > 0),
        Err(_) => 2,
    };
    for (path, result) in &results {
        if let Err(message) = result {
            errln!("{}: {message}", path.display());
        }
    }
    if json {
        let out = match &results[..] {
            [(_, Ok(checked))] => serde_json::to_value(&checked.findings),
            [(_, Err(_))] => return 2,
            _ => serde_json::to_value(
                results
                    .iter()
                    .map(|(path, result)| match result {
                        Ok(checked) => json!({ "file": path, "findings": checked.findings }),
                        Err(message) => json!({ "file": path, "error": message }),
                    })
                    .collect::<Vec<_>>(),
            ),
        };
        let out = out.and_then(|v| serde_json::to_string_pretty(&v));
        outln!("{}", out.expect("findings serialize"));
    } else {
        for (path, result) in &results {
            if let Ok(checked) = result {
                print_findings(path, checked);
            }
        }
        if results.len() > 1 {
            let count = |wanted: u8| results.iter().filter(|(_, r)| status(r) == wanted).count();
            outln!(
                "共 {} 个文件：{} 个无错误，{} 个有错误，{} 个无法读取",
                results.len(),
                count(0),
                count(1),
                count(2)
            );
        }
    }
    results.iter().map(|(_, r)| status(r)).max().unwrap_or(0)
}

/// One file's findings, and the draft they point into (none for a text report).
struct Checked {
    findings: Vec<Finding>,
    draft: Option<Draft>,
}

impl Checked {
    fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }
}

fn check_file(
    path: &Path,
    today: CalendarDate,
    template: Option<&Template>,
) -> Result<Checked, String> {
    let bytes = files::read_bounded(path, MAX_DRAFT_BYTES.max(MAX_IMPORT_BYTES))?;
    // A backup renamed (`草稿.bak`, `草稿.txt`) is still a backup: the content decides.
    let is_draft = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || looks_like_json(&bytes);
    if is_draft {
        let draft =
            report_core::from_json_bytes(&bytes).map_err(|err| format!("无法读取草稿：{err}"))?;
        let setup = setup(template, Some(&draft.template));
        Ok(Checked {
            findings: check::check_draft(&draft, today, &setup),
            draft: Some(draft),
        })
    } else {
        if bytes.len() > MAX_IMPORT_BYTES {
            return Err(format!(
                "文件过大（{} 字节，文本报告上限 5 MB），未检查",
                bytes.len()
            ));
        }
        // A report saved from the website it was published on is checked as its text.
        let text = html_read::file_text(&bytes).ok_or(NOT_TEXT)?;
        if looks_binary(text.as_bytes()) {
            return Err(NOT_TEXT.into());
        }
        if text.trim().is_empty() {
            return Err("文件为空（没有任何文字），未检查".into());
        }
        Ok(Checked {
            findings: check::check_text(&text, today, &setup(template, None)),
            draft: None,
        })
    }
}

fn print_findings(path: &Path, checked: &Checked) {
    let errors = checked.errors();
    outln!(
        "{}: {} 个错误，{} 个提示",
        path.display(),
        errors,
        checked.findings.len() - errors
    );
    // One index of places for every finding of the file: a draft may have thousands.
    let entries = checked
        .draft
        .as_ref()
        .map(outline::outline)
        .unwrap_or_default();
    let places = Places::new(checked.draft.as_ref(), &entries);
    for finding in &checked.findings {
        print_finding(finding, &places);
    }
}

/// One finding: its severity, place, message and rule, and its fix when it has one.
pub(crate) fn print_finding(finding: &Finding, places: &Places) {
    let place = finding.location.describe(places);
    let place = if place.is_empty() {
        String::new()
    } else {
        format!("{place}：")
    };
    outln!(
        "  [{}] {place}{}（{}）",
        finding.severity.label(),
        finding.message,
        finding.rule
    );
    if let Some(fix) = &finding.fix {
        outln!("      可一键修正：{}", fix.summary());
    }
}

/// The checker as `template` sets it up; without one, as the built-in template a draft
/// names does; else the regulation's dates and every rule.
fn setup(template: Option<&Template>, named: Option<&str>) -> check::Setup {
    template
        .or_else(|| Template::named(&[], named?))
        .map(check::Setup::of_template)
        .unwrap_or_default()
}
