//! `report-drafter template validate` and `report-drafter new --template`: template
//! files (or built-ins, `builtin:<id>`) checked and turned into draft backups.

use std::path::Path;

use report_core::template::file::MAX_TEMPLATE_BYTES;
use report_core::template::{self, Template};
use report_core::CalendarDate;

use crate::files::{self, outln};

const BUILTIN_PREFIX: &str = "builtin:";

/// Loads a template from a file or names a built-in; the error carries the exit status:
/// 1 for an invalid template, 2 for a file that cannot be read or an unknown built-in.
pub fn load(source: &str) -> Result<Template, (u8, String)> {
    if let Some(id) = source.strip_prefix(BUILTIN_PREFIX) {
        return Template::builtin(id).ok_or_else(|| {
            let known: Vec<_> = Template::builtin_ids()
                .map(|id| format!("{BUILTIN_PREFIX}{id}"))
                .collect();
            (
                2,
                format!("没有名为“{id}”的内置模板；可用：{}", known.join("、")),
            )
        });
    }
    let bytes = files::read_bounded(Path::new(source), MAX_TEMPLATE_BYTES)
        .map_err(|message| (2, message))?;
    template::from_json_bytes(&bytes).map_err(|err| (1, format!("错误：{err}")))
}

/// Checks one template and prints its summary; returns the exit status.
pub fn validate(source: &str) -> u8 {
    match load(source) {
        Ok(t) => {
            files::out(format_args!("{source}: {}", summary(&t)));
            0
        }
        Err((status, message)) => {
            outln!("{source}: {message}");
            status
        }
    }
}

fn summary(t: &Template) -> String {
    let mut out = format!("模板有效：“{}”\n", t.name);
    let created = t.created.map_or("日期不详".to_string(), |d| d.to_string());
    let by = if t.created_by.is_empty() {
        "制作者不详"
    } else {
        &t.created_by
    };
    out += &format!("  制作：{by}，{created}\n");
    out += &format!("  标题（{{year}} 为报告年度）：{}\n", t.title);
    out += &format!("  正文 {} 个部分：\n", t.sections.len());
    for s in &t.sections {
        let mark = if s.numbered { "" } else { "（不编号）" };
        let filled = if s.content.is_empty() {
            String::new()
        } else {
            format!("（预填 {} 项）", s.content.len())
        };
        out += &format!("    {}{mark}{filled}\n", s.title);
    }
    let d = &t.defaults;
    let defaults: Vec<String> = [
        ("发文机关", d.issuer_name.clone()),
        ("发文机关标志", d.issuer_mark.clone()),
        ("机关代字", d.agency_code.clone()),
        ("主送机关", d.recipients.clone()),
        ("抄送机关", d.cc.clone()),
        ("印发机关", d.printer.clone()),
        ("签发人", d.signers.join("、")),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .map(|(label, value)| format!("{label} {value}"))
    .collect();
    if defaults.is_empty() {
        out += "  版头与版记：未预设\n";
    } else {
        out += &format!("  版头与版记：{}\n", defaults.join("；"));
    }
    let e = &t.export;
    out += &format!(
        "  版式：{}；{}；{}\n",
        e.profile.label(),
        if e.red_header {
            "红色版头"
        } else {
            "无红色版头"
        },
        if e.sealed {
            "加盖印章"
        } else {
            "不加盖印章"
        }
    );
    if let Some(table) = &t.attachment_table {
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|c| match c.max_chars {
                Some(max) if !c.name.contains(&max.to_string()) => {
                    format!("{}（{max}字以内）", c.name)
                }
                _ => c.name.clone(),
            })
            .collect();
        out += &format!("  附件表格：{}：{}\n", table.title, columns.join("、"));
    }
    match &t.plan {
        Some(plan) => {
            let year = plan.year.map_or(String::new(), |y| format!("{y}年，"));
            out += &format!("  计划条目：{}{} 条\n", year, plan.items.len());
        }
        None => out += "  计划条目：无\n",
    }
    if !t.checker.disabled_rules.is_empty() {
        out += &format!(
            "  关闭的检查规则：{}\n",
            t.checker.disabled_rules.join("、")
        );
    }
    let dl = &t.deadlines;
    out += &format!(
        "  截止日期：次年{}月{}日前报送，{}月{}日前公开\n",
        dl.submit.month, dl.submit.day, dl.publish.month, dl.publish.day
    );
    out
}

/// Writes a new draft backup on a template; returns the exit status. An existing file
/// is kept unless `overwrite`; the template file itself always is.
pub fn new_draft(source: &str, output: &Path, year: Option<u16>, overwrite: bool) -> u8 {
    let t = match load(source) {
        Ok(t) => t,
        Err((status, message)) => {
            outln!("{source}: {message}");
            return status;
        }
    };
    let now = crate::now_ms();
    // Early in a year one writes the report on the year before.
    let year = year.unwrap_or_else(|| CalendarDate::from_unix_ms(now).year - 1);
    let draft = t.new_draft(format!("cli-{now}"), year);
    let json = report_core::to_json(&draft, now);
    let template_file = (!source.starts_with(BUILTIN_PREFIX)).then(|| Path::new(source));
    let inputs: Vec<&Path> = template_file.into_iter().collect();
    if let Err(message) = files::write_output(output, json.as_bytes(), &inputs, overwrite) {
        outln!("{}: {message}", output.display());
        return 2;
    }
    outln!(
        "{}: 已按模板“{}”生成{}年度草稿《{}》，{} 个部分",
        output.display(),
        t.name,
        year,
        draft.meta.title,
        draft.sections.len()
    );
    0
}
