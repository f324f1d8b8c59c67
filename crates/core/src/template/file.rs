//! The template file: the same versioned envelope as a draft backup.
//!
//! ```json
//! { "format": "report-drafter.template", "version": 1, "template": { … } }
//! ```
//!
//! Version history:
//! 0 — the shape built into the app before template files existed: `name`,
//!     `description`, `title`, `sections` (`key`, `title`, `guidance`, `numbered`);
//! 1 — first published format: `created_by`, `created`, section `content`,
//!     `defaults`, `export`, `attachment_table`, `plan`, `checker`, `deadlines`.
//!
//! Loading never trusts its input: every way a file can be wrong maps to a
//! [`TemplateError`] whose Chinese message names the field and the problem.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{OutlineNode, Template};
use crate::format::{
    envelope_text, field_fault, indented, read_envelope, EnvelopeFault, NOT_JSON_TEXT,
};
use crate::model::MAX_LEVEL;
use crate::text::clip;

pub const TEMPLATE_FORMAT: &str = "report-drafter.template";
/// The version this build writes; see the module documentation for the history.
pub const TEMPLATE_VERSION: u64 = 1;
/// A template with every guidance text written out is a few dozen KB.
pub const MAX_TEMPLATE_BYTES: usize = 2 * 1024 * 1024;
pub const MAX_SECTIONS: usize = 200;
/// Most characters in any one text of a template (a 30-page report has ~20 000).
pub const MAX_TEXT_CHARS: usize = 50_000;
/// Most items in any other list (pre-filled nodes of a section, signers, columns…).
pub const MAX_LIST_ITEMS: usize = 1_000;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("文件是空的")]
    Empty,
    #[error("{NOT_JSON_TEXT}")]
    NotText,
    #[error("文件过大（{0} 字节），模板文件最大 2 MB")]
    TooLarge(usize),
    #[error("文件不完整，可能在下载或复制时被截断（第 {line} 行后内容缺失）")]
    Truncated { line: usize },
    #[error("文件不是有效的 JSON 格式（第 {line} 行第 {column} 列附近有错误）")]
    NotJson { line: usize, column: usize },
    #[error("这不是报告模板文件：缺少格式标识 format")]
    MissingFormat,
    #[error("这不是报告模板文件：格式标识为“{0}”，应为“report-drafter.template”")]
    WrongFormat(String),
    #[error("模板文件缺少版本号 version，或版本号不是非负整数")]
    BadVersion,
    #[error("此模板由更新版本的起草助手生成（文件版本 {found}，本程序只能读取版本 {supported} 及以下），请使用新版本打开")]
    NewerVersion { found: u64, supported: u64 },
    #[error("模板文件缺少模板内容 template")]
    MissingTemplate,
    #[error("字段“{path}”{problem}")]
    Field { path: String, problem: String },
    #[error("模板内容已损坏：有字段缺失、多余或类型不对")]
    Damaged,
}

impl From<EnvelopeFault> for TemplateError {
    fn from(fault: EnvelopeFault) -> Self {
        match fault {
            EnvelopeFault::Empty => TemplateError::Empty,
            EnvelopeFault::NotText => TemplateError::NotText,
            EnvelopeFault::TooLarge(size) => TemplateError::TooLarge(size),
            EnvelopeFault::Truncated { line } => TemplateError::Truncated { line },
            EnvelopeFault::NotJson { line, column } => TemplateError::NotJson { line, column },
            EnvelopeFault::MissingFormat => TemplateError::MissingFormat,
            EnvelopeFault::WrongFormat(found) => TemplateError::WrongFormat(found),
            EnvelopeFault::BadVersion => TemplateError::BadVersion,
            EnvelopeFault::NewerVersion { found, supported } => {
                TemplateError::NewerVersion { found, supported }
            }
        }
    }
}

#[derive(Serialize)]
struct TemplateFile<'a> {
    format: &'static str,
    version: u64,
    template: &'a Template,
}

/// Serializes a template with its envelope.
pub fn to_json(template: &Template) -> String {
    let file = TemplateFile {
        format: TEMPLATE_FORMAT,
        version: TEMPLATE_VERSION,
        template,
    };
    indented(&serde_json::to_string(&file).expect("a template always serializes"))
}

/// Reads a template from a file's bytes; see [`from_json`].
pub fn from_json_bytes(bytes: &[u8]) -> Result<Template, TemplateError> {
    if bytes.len() > MAX_TEMPLATE_BYTES {
        return Err(TemplateError::TooLarge(bytes.len()));
    }
    from_json(&envelope_text(bytes)?)
}

/// Reads a template from its JSON form, migrating older versions, and checks it: a file
/// a user brings in, whose faults are named by field ([`TemplateError::Field`]).
pub fn from_json(text: &str) -> Result<Template, TemplateError> {
    read_template(text, |template| {
        serde_path_to_error::deserialize(template).map_err(|err| {
            let (path, problem) = field_fault(err, "template");
            TemplateError::Field { path, problem }
        })
    })
}

/// [`from_json`] for a template this program wrote itself (the library in browser
/// storage, the built-ins, a file the import worker has read), with plain serde_json,
/// as [`crate::format::from_own_json`] reads drafts: a fault is
/// [`TemplateError::Damaged`], not named by field.
/// At the current version, read straight from the text, as drafts are.
pub fn from_own_json(text: &str) -> Result<Template, TemplateError> {
    #[derive(Deserialize)]
    struct Current {
        format: String,
        version: u64,
        template: Template,
    }
    match serde_json::from_str::<Current>(text) {
        Ok(file)
            if file.format == TEMPLATE_FORMAT
                && file.version == TEMPLATE_VERSION
                && text.len() <= MAX_TEMPLATE_BYTES =>
        {
            check(&file.template)?;
            Ok(file.template)
        }
        _ => read_template(text, |template| {
            serde_json::from_str(&template.to_string()).map_err(|_| TemplateError::Damaged)
        }),
    }
}

/// The envelope, migration and checks of every template read; `deserialize` turns the
/// migrated `template` object into a [`Template`].
fn read_template(
    text: &str,
    deserialize: impl FnOnce(Value) -> Result<Template, TemplateError>,
) -> Result<Template, TemplateError> {
    let (mut root, version) = read_envelope(
        text,
        TEMPLATE_FORMAT,
        0..=TEMPLATE_VERSION,
        MAX_TEMPLATE_BYTES,
    )?;
    let template = root
        .remove("template")
        .ok_or(TemplateError::MissingTemplate)?;
    let template = deserialize(migrate(template, version))?;
    check(&template)?;
    Ok(template)
}

/// Brings the `template` object of an older file up to [`TEMPLATE_VERSION`].
fn migrate(mut template: Value, version: u64) -> Value {
    if version < 1 {
        if let Value::Object(fields) = &mut template {
            fields.entry("created_by").or_insert("".into());
            fields.entry("created").or_insert(Value::Null);
        }
    }
    template
}

fn field(path: impl Into<String>, problem: impl Into<String>) -> TemplateError {
    TemplateError::Field {
        path: path.into(),
        problem: problem.into(),
    }
}

/// What the types cannot say: sizes, non-empty names, known rule ids, real dates.
fn check(t: &Template) -> Result<(), TemplateError> {
    let mut texts: Vec<(String, &str)> = vec![
        ("template.name".into(), &t.name),
        ("template.description".into(), &t.description),
        ("template.created_by".into(), &t.created_by),
        ("template.title".into(), &t.title),
    ];
    if t.name.trim().is_empty() {
        return Err(field("template.name", "不能为空"));
    }
    if t.sections.is_empty() {
        return Err(field("template.sections", "不能为空：模板至少要有一个部分"));
    }
    count("template.sections", t.sections.len(), MAX_SECTIONS)?;
    let mut keys = std::collections::HashSet::new();
    for (i, s) in t.sections.iter().enumerate() {
        let path = format!("template.sections[{i}]");
        if !keys.insert(s.key.as_str()) {
            return Err(field(
                format!("{path}.key"),
                format!(
                    "“{}”与前面的部分重复：每个部分的 key 必须不同",
                    clip(&s.key, CLIP)
                ),
            ));
        }
        texts.push((format!("{path}.key"), &s.key));
        texts.push((format!("{path}.title"), &s.title));
        texts.push((format!("{path}.guidance"), &s.guidance));
        check_nodes(
            &format!("{path}.content"),
            &s.content,
            s.numbered,
            2,
            &mut texts,
        )?;
    }
    let d = &t.defaults;
    for (name, value) in [
        ("issuer_name", &d.issuer_name),
        ("issuer_mark", &d.issuer_mark),
        ("agency_code", &d.agency_code),
        ("recipients", &d.recipients),
        ("cc", &d.cc),
        ("printer", &d.printer),
    ] {
        texts.push((format!("template.defaults.{name}"), value));
    }
    count("template.defaults.signers", d.signers.len(), MAX_LIST_ITEMS)?;
    for (i, signer) in d.signers.iter().enumerate() {
        texts.push((format!("template.defaults.signers[{i}]"), signer));
    }
    if let Some(table) = &t.attachment_table {
        texts.push(("template.attachment_table.title".into(), &table.title));
        if table.columns.is_empty() {
            return Err(field("template.attachment_table.columns", "不能为空"));
        }
        count(
            "template.attachment_table.columns",
            table.columns.len(),
            MAX_LIST_ITEMS,
        )?;
        for (i, column) in table.columns.iter().enumerate() {
            let path = format!("template.attachment_table.columns[{i}]");
            texts.push((format!("{path}.name"), &column.name));
            match column.max_chars {
                Some(0) => return Err(field(format!("{path}.max_chars"), "必须大于 0")),
                Some(n) if n as usize > MAX_TEXT_CHARS => {
                    return Err(field(
                        format!("{path}.max_chars"),
                        format!("过大（{n}，最多 {MAX_TEXT_CHARS}）"),
                    ))
                }
                _ => {}
            }
        }
    }
    if let Some(plan) = &t.plan {
        texts.push(("template.plan.title".into(), &plan.title));
        count(
            "template.plan.terms",
            plan.terms.len(),
            crate::lexicon::MAX_TERMS,
        )?;
        if let Err(err) = crate::lexicon::parse_lines(&plan.terms) {
            return Err(field(
                format!("template.plan.terms[{}]", err.line - 1),
                format!("（{}）{}", err.field, err.problem),
            ));
        }
        for (i, line) in plan.terms.iter().enumerate() {
            texts.push((format!("template.plan.terms[{i}]"), line));
        }
        count("template.plan.items", plan.items.len(), MAX_LIST_ITEMS)?;
        for (i, item) in plan.items.iter().enumerate() {
            let path = format!("template.plan.items[{i}]");
            texts.push((format!("{path}.number"), &item.number));
            texts.push((format!("{path}.group"), &item.group));
            texts.push((format!("{path}.title"), &item.title));
            texts.push((format!("{path}.body"), &item.body));
            count(
                &format!("{path}.departments"),
                item.departments.len(),
                MAX_LIST_ITEMS,
            )?;
            for (j, department) in item.departments.iter().enumerate() {
                texts.push((format!("{path}.departments[{j}]"), department));
            }
            count(
                &format!("{path}.targets"),
                item.targets.len(),
                MAX_LIST_ITEMS,
            )?;
            for (j, target) in item.targets.iter().enumerate() {
                texts.push((format!("{path}.targets[{j}].measure"), &target.measure));
                texts.push((format!("{path}.targets[{j}].unit"), &target.unit));
                texts.push((format!("{path}.targets[{j}].text"), &target.text));
            }
        }
    }
    count(
        "template.checker.disabled_rules",
        t.checker.disabled_rules.len(),
        MAX_LIST_ITEMS,
    )?;
    for (i, rule) in t.checker.disabled_rules.iter().enumerate() {
        if crate::rules::Rule::from_id(rule).is_none() {
            return Err(field(
                format!("template.checker.disabled_rules[{i}]"),
                format!("的取值“{}”不是已知的检查规则", clip(rule, CLIP)),
            ));
        }
    }
    for (name, day) in [
        ("submit", t.deadlines.submit),
        ("publish", t.deadlines.publish),
    ] {
        // 2023 is not a leap year: a deadline must exist every year.
        if day.in_year(2023).is_none() {
            return Err(field(
                format!("template.deadlines.{name}"),
                format!("不是每年都有的日期（{}月{}日）", day.month, day.day),
            ));
        }
    }
    for (path, text) in texts {
        if let Some(bad) = bad_placeholder(text) {
            return Err(field(
                path,
                format!(
                    "含有无法识别的占位符“{}”：只能使用 {{year}}（报告年度）和 {{next_year}}（下一年度），花括号不能单独出现",
                    clip(bad, CLIP)
                ),
            ));
        }
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Err(field(
                path,
                format!("过长（{chars} 字，最多 {MAX_TEXT_CHARS} 字）"),
            ));
        }
    }
    Ok(())
}

/// Checks pre-filled nodes at heading `level` (a section's own nodes are level 2)
/// and collects their texts.
fn check_nodes<'a>(
    path: &str,
    nodes: &'a [OutlineNode],
    numbered: bool,
    level: u8,
    texts: &mut Vec<(String, &'a str)>,
) -> Result<(), TemplateError> {
    count(path, nodes.len(), MAX_LIST_ITEMS)?;
    for (i, node) in nodes.iter().enumerate() {
        match node {
            OutlineNode::Heading {
                title,
                text,
                children,
            } => {
                let path = format!("{path}[{i}].heading");
                if !numbered {
                    return Err(field(
                        path,
                        "不能出现在不编号的部分（如导语）中，只能是段落",
                    ));
                }
                if level > MAX_LEVEL {
                    return Err(field(path, "超过四级标题（一、（一）1.（1））"));
                }
                texts.push((format!("{path}.title"), title));
                texts.push((format!("{path}.text"), text));
                check_nodes(
                    &format!("{path}.children"),
                    children,
                    numbered,
                    level + 1,
                    texts,
                )?;
            }
            OutlineNode::Paragraph { text } => {
                texts.push((format!("{path}[{i}].paragraph.text"), text));
            }
        }
    }
    Ok(())
}

fn count(path: &str, found: usize, max: usize) -> Result<(), TemplateError> {
    if found > max {
        return Err(field(path, format!("有 {found} 项，最多 {max} 项")));
    }
    Ok(())
}

/// A value quoted in a message, cut so a hostile file cannot flood the screen.
/// Characters of a value an error message repeats.
const CLIP: usize = 40;

/// The first brace in `text` that is not part of `{year}` or `{next_year}`, up to the
/// `}` after it: `{yaer}`, `{{year}`, a stray `{` with the rest of the text, or `}`.
fn bad_placeholder(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        let tail = &rest[at..];
        match ["{year}", "{next_year}"]
            .iter()
            .find(|p| tail.starts_with(*p))
        {
            Some(placeholder) => rest = &tail[placeholder.len()..],
            None if tail.starts_with('{') => {
                let end = tail[1..].find('}').map_or(tail.len(), |e| e + 2);
                return Some(&tail[..end]);
            }
            None => return Some("}"),
        }
    }
    None
}
