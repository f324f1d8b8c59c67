//! `report-drafter plan`: how a plan (工作要点) reads, item by item, before any report
//! is checked against it: a city can see that the plan it hands out parses as meant.

use std::path::Path;

use report_core::import_text::MAX_IMPORT_BYTES;
use report_core::plan::{self, PlanImport};
use report_core::text::clip;

use crate::files::{self, outln};

/// Prints the plan's items (number, group, title, departments, targets) and the lines
/// left out of them, as a table or as JSON; returns the exit status.
pub fn run(path: &Path, json: bool) -> u8 {
    match load_plan(path) {
        Ok(import) if json => {
            let text =
                serde_json::to_string_pretty(&import).expect("a plan import always serializes");
            outln!("{text}");
            0
        }
        Ok(import) => {
            print_table(&import);
            0
        }
        Err((status, message)) => {
            outln!("{message}");
            status
        }
    }
}

fn print_table(import: &PlanImport) {
    let plan = &import.plan;
    let year = plan
        .year
        .map_or("未注明年度".to_string(), |y| format!("{y}年"));
    let title = if plan.title.is_empty() {
        "未命名计划".into()
    } else {
        clip(&plan.title, 40)
    };
    outln!("计划：{title}（{year}，{} 项）", plan.items.len());
    outln!("编号\t分组\t条目\t责任单位\t指标");
    for item in &plan.items {
        let targets: Vec<&str> = item.targets.iter().map(|t| t.text.as_str()).collect();
        outln!(
            "{}\t{}\t{}\t{}\t{}",
            item.number,
            clip(&item.group, 12),
            clip(&item.title, 40),
            item.departments.join("、"),
            targets.join("；")
        );
    }
    for skipped in &import.skipped {
        outln!(
            "[未读入] 第{}行：{}：{}",
            skipped.line,
            skipped.reason,
            clip(&skipped.text, 30)
        );
    }
}

/// Reads a plan file (.txt, .docx or .tsv); the error carries the exit status: 1 not a
/// usable plan, 2 unreadable.
pub fn load_plan(path: &Path) -> Result<PlanImport, (u8, String)> {
    let bytes = read_input(path, MAX_IMPORT_BYTES)?;
    plan::parse_plan_bytes(&bytes, file_name(path))
        .map_err(|err| (1, format!("{}: 计划无法导入：{err}", path.display())))
}

/// A file read whole up to `limit` bytes; unreadable is exit status 2.
pub fn read_input(path: &Path, limit: usize) -> Result<Vec<u8>, (u8, String)> {
    files::read_bounded(path, limit)
        .map_err(|message| (2, format!("{}: {message}", path.display())))
}

/// The file's name, whose extension tells the readers what the bytes are.
pub fn file_name(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}
