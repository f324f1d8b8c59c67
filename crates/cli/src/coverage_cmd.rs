//! `report-drafter coverage`: which items of the year's plan a report covers.

use std::path::{Path, PathBuf};

use clap::Args;
use report_core::coverage::{self, CoverageReport, ParagraphRef};
use report_core::docx::coverage_table::coverage_table;
use report_core::format::MAX_DRAFT_BYTES;
use report_core::import_text::MAX_IMPORT_BYTES;
use report_core::plan::PlanImport;
use report_core::plan_items::{Comparator, PlanState};
use report_core::text::clip;
use report_core::xlsx::coverage_workbook::coverage_workbook;
use report_core::{report_text, Draft};
use serde_json::{json, Value};

use crate::files::{self, outln};
use crate::plan_cmd::{file_name, load_plan, read_input};

/// Check a report against the year's plan (工作要点): for every plan item whether the
/// report covers it, with the paragraphs that do and the numeric targets; with
/// --output, write that as the 落实情况表 for the 科长 instead.
/// Exit status: 0 checked, 1 a file is not a usable plan or report, 2 a file cannot be
/// read or the table cannot be written.
#[derive(Args)]
pub struct CoverageArgs {
    /// The plan: .txt (pasted text), .docx, .xlsx (its first visible sheet), .tsv
    /// (indicator table), or .html (the page it was published on).
    #[arg(long)]
    plan: PathBuf,
    /// The report: a draft backup (.json), or the report as .txt, .docx or .html (the
    /// page it was published on, without the site around it). Repeat it to
    /// check several reports against one plan (a city and its districts).
    #[arg(long, required = true)]
    report: Vec<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long, conflicts_with = "output")]
    json: bool,
    /// Write the 落实情况表 (one report only): a Word table if the name ends in .docx,
    /// a workbook with filters if it ends in .xlsx. Whole or not at all; an existing
    /// file is replaced, the plan and the report never are.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// The formats of the 落实情况表, by the output's extension.
#[derive(Clone, Copy)]
enum TableFormat {
    Word,
    Excel,
}

impl TableFormat {
    fn of(path: &Path) -> Option<TableFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "docx" => Some(TableFormat::Word),
            "xlsx" => Some(TableFormat::Excel),
            _ => None,
        }
    }
}

/// Prints the coverage of each report and returns the worst exit status. One report
/// gives its table or JSON object; several give one after another with a comparison at
/// the end, or with `--json` an array of those objects, each with its `file` (or only
/// `file` and `error` for a report that could not be read).
pub fn run(args: &CoverageArgs) -> u8 {
    if let Some(output) = &args.output {
        return write_table(args, output);
    }
    let import = match load_plan(&args.plan) {
        Ok(import) => import,
        Err((status, message)) => {
            outln!("{message}");
            return status;
        }
    };
    let state = PlanState::new(import.plan.clone());
    let results: Vec<(&PathBuf, Outcome)> = args
        .report
        .iter()
        .map(|path| {
            let checked = load_report(path, import.plan.year).map(|draft| {
                let report = coverage::compute(&draft, &state);
                (draft, report)
            });
            (path, checked)
        })
        .collect();
    let status = results
        .iter()
        .map(|(_, r)| r.as_ref().map_or_else(|(status, _)| *status, |_| 0))
        .max()
        .unwrap_or(0);
    if let [(_, result)] = &results[..] {
        match result {
            Ok((draft, report)) if args.json => {
                outln!("{}", pretty(&to_json(&import, draft, report)))
            }
            Ok((draft, report)) => outln!("{}", to_table(&import, draft, report)),
            Err((_, message)) => outln!("{message}"),
        }
        return status;
    }
    if args.json {
        let entries: Vec<Value> = results
            .iter()
            .map(|(path, result)| match result {
                Ok((draft, report)) => {
                    let mut value = to_json(&import, draft, report);
                    value["file"] = json!(path);
                    value
                }
                Err((_, message)) => json!({ "file": path, "error": message }),
            })
            .collect();
        outln!("{}", pretty(&Value::Array(entries)));
        return status;
    }
    let mut totals = String::from("各报告合计：\n");
    for (path, result) in &results {
        outln!("== {}", path.display());
        match result {
            Ok((draft, report)) => {
                outln!("{}", to_table(&import, draft, report));
                let s = &report.summary;
                totals.push_str(&format!(
                    "{}：已覆盖 {}，部分覆盖 {}，未覆盖 {}，不适用 {}\n",
                    path.display(),
                    s.covered,
                    s.partial,
                    s.missing,
                    s.not_applicable
                ));
            }
            Err((_, message)) => {
                outln!("{message}");
                totals.push_str(&format!("{}：无法读取\n", path.display()));
            }
        }
    }
    files::out(format_args!("{totals}"));
    status
}

/// Writes the 落实情况表 of the one report against the plan to `output`.
fn write_table(args: &CoverageArgs, output: &Path) -> u8 {
    let Some(format) = TableFormat::of(output) else {
        outln!(
            "{}: 落实情况表只能写成 .docx（Word）或 .xlsx（Excel）文件",
            output.display()
        );
        return 2;
    };
    let [report] = &args.report[..] else {
        outln!("落实情况表一次只对照一份报告；请只给一个 --report");
        return 2;
    };
    let loaded = load_plan(&args.plan).and_then(|import| {
        let mut draft = load_report(report, import.plan.year)?;
        draft.plan = Some(PlanState::new(import.plan).into());
        Ok(draft)
    });
    let draft = match loaded {
        Ok(draft) => draft,
        Err((status, message)) => {
            outln!("{message}");
            return status;
        }
    };
    let now = report_core::date::rfc3339_from_unix_ms(crate::now_ms());
    let made = match format {
        TableFormat::Word => coverage_table(&draft, &now),
        TableFormat::Excel => coverage_workbook(&draft, &now),
    };
    let bytes = match made {
        Ok(bytes) => bytes,
        Err(err) => {
            outln!("{}: {err}", output.display());
            return 2;
        }
    };
    if let Err(message) = files::write_output(output, &bytes, &[&args.plan, report], true) {
        outln!("{}: {message}", output.display());
        return 2;
    }
    outln!(
        "{}: 已导出落实情况表（{} 字节）",
        output.display(),
        bytes.len()
    );
    0
}

/// A report read and checked against the plan, or the exit status and message that
/// say why it could not be.
type Outcome = Result<(Draft, CoverageReport), (u8, String)>;

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON values always serialize")
}

/// A draft backup, a .docx, a web page or text; a report whose title names no year is taken to be
/// of the plan's year.
fn load_report(path: &Path, plan_year: Option<u16>) -> Result<Draft, (u8, String)> {
    // A draft backup may be larger than a text or .docx report; the core checks each.
    let bytes = read_input(path, MAX_DRAFT_BYTES.max(MAX_IMPORT_BYTES))?;
    let fallback_year = plan_year.unwrap_or_default();
    report_text::draft_from_file(&bytes, file_name(path), fallback_year)
        .map_err(|err| (1, format!("{}: 报告无法读取：{err}", path.display())))
}

fn comparator_key(comparator: Comparator) -> &'static str {
    match comparator {
        Comparator::AtLeast => "at_least",
        Comparator::Above => "above",
        Comparator::AtMost => "at_most",
        Comparator::Below => "below",
    }
}

fn paragraph_json(p: &ParagraphRef) -> Value {
    json!({
        "section": p.section_title,
        "section_index": p.section_index,
        "paragraph": p.paragraph_index + 1,
        "text": p.text,
    })
}

fn to_json(import: &PlanImport, draft: &Draft, report: &CoverageReport) -> Value {
    let items: Vec<Value> = report
        .items
        .iter()
        .map(|item| {
            let evidence: Vec<Value> = item
                .evidence
                .iter()
                .map(|e| {
                    let mut value = paragraph_json(&e.paragraph);
                    value["phrases"] = json!(e.phrases);
                    value["score"] = json!(e.score);
                    value["sentences"] = json!(e.sentences);
                    value["highlights"] = json!(e.highlights);
                    value
                })
                .collect();
            let targets: Vec<Value> = item
                .targets
                .iter()
                .map(|t| {
                    json!({
                        "measure": t.target.measure,
                        "text": t.target.text,
                        "comparator": comparator_key(t.target.comparator),
                        "value": t.target.value,
                        "unit": t.target.unit,
                        "outcome": serde_json::to_value(t.outcome).expect("outcomes serialize"),
                        "reported": t.reported,
                        "quote": t.quote,
                    })
                })
                .collect();
            let tasks: Vec<Value> = item
                .tasks
                .iter()
                .map(|t| {
                    json!({
                        "text": t.text,
                        "status": t.status.key(),
                        "evidence": t.evidence.as_ref().map(|e| json!({
                            "section_index": e.section_index,
                            "paragraph": e.paragraph_index + 1,
                            "sentence": e.sentence,
                            "highlights": e.highlights,
                        })),
                    })
                })
                .collect();
            json!({
                "number": item.number,
                "title": item.title,
                "departments": item.departments,
                "status": item.status.key(),
                "score": item.score,
                "targets": targets,
                "evidence": evidence,
                "hints": item.hints,
                "tasks": tasks,
                "reason": item.explanation,
            })
        })
        .collect();
    let s = &report.summary;
    json!({
        "plan": { "title": import.plan.title, "year": import.plan.year, "items": import.plan.items.len() },
        "report": { "title": draft.meta.title, "year": draft.report_year },
        "items": items,
        "summary": {
            "covered": s.covered,
            "partial": s.partial,
            "missing": s.missing,
            "not_applicable": s.not_applicable,
            "departments": s.departments.iter().map(|d| json!({
                "department": d.department,
                "items": d.items,
                "uncovered": d.uncovered,
            })).collect::<Vec<_>>(),
            "unmatched": s.unmatched.iter().map(paragraph_json).collect::<Vec<_>>(),
            "warnings": s.warnings,
            "skipped_plan_lines": import.skipped.len(),
        },
    })
}

fn where_is(p: &ParagraphRef) -> String {
    let section = if p.section_title.is_empty() {
        "导语".to_string()
    } else {
        clip(&p.section_title, 12).into_owned()
    };
    format!("{section}第{}段", p.paragraph_index + 1)
}

fn to_table(import: &PlanImport, draft: &Draft, report: &CoverageReport) -> String {
    let plan = &import.plan;
    let mut out = String::new();
    let year = plan
        .year
        .map_or("未注明年度".to_string(), |y| format!("{y}年"));
    out.push_str(&format!(
        "计划：{}（{year}，{} 项）；报告：{}年\n",
        if plan.title.is_empty() {
            "未命名计划".into()
        } else {
            clip(&plan.title, 40)
        },
        plan.items.len(),
        draft.report_year
    ));
    for warning in &report.summary.warnings {
        out.push_str(&format!("[警告] {warning}\n"));
    }
    out.push_str("编号\t状态\t得分\t条目\t证据\n");
    for item in &report.items {
        let evidence: Vec<String> = item
            .evidence
            .iter()
            .take(2)
            .map(|e| {
                format!(
                    "{}（{}）",
                    where_is(&e.paragraph),
                    e.phrases
                        .iter()
                        .take(3)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("、")
                )
            })
            .collect();
        out.push_str(&format!(
            "{}\t{}\t{:.2}\t{}\t{}\n",
            item.number,
            item.status.label(),
            item.score,
            clip(&item.title, 20),
            if evidence.is_empty() {
                "—".to_string()
            } else {
                evidence.join("；")
            }
        ));
        for t in &item.targets {
            let reported = t
                .reported
                .map_or(String::new(), |v| format!("（报告：{v}）"));
            out.push_str(&format!(
                "\t\t\t指标 {}{}：{}{reported}\n",
                t.target.measure,
                t.target.text,
                t.outcome.label()
            ));
        }
        for hint in &item.hints {
            out.push_str(&format!("\t\t\t提示：{hint}\n"));
        }
    }
    let s = &report.summary;
    out.push_str(&format!(
        "合计：已覆盖 {}，部分覆盖 {}，未覆盖 {}，不适用 {}\n",
        s.covered, s.partial, s.missing, s.not_applicable
    ));
    let uncovered: Vec<String> = s
        .departments
        .iter()
        .filter(|d| !d.uncovered.is_empty())
        .map(|d| format!("{}：{}", d.department, d.uncovered.join("、")))
        .collect();
    if !uncovered.is_empty() {
        out.push_str(&format!(
            "按责任单位，未覆盖或部分覆盖的条目：{}\n",
            uncovered.join("；")
        ));
    }
    if !s.unmatched.is_empty() {
        out.push_str("未对应计划条目的段落：\n");
        for p in &s.unmatched {
            out.push_str(&format!("\t{}：{}\n", where_is(p), clip(&p.text, 30)));
        }
    }
    out.trim_end().to_string()
}
