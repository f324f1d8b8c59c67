//! The versioned JSON form of a draft, used for autosave and for backup files.
//!
//! ```json
//! { "format": "report-drafter.draft", "version": 3, "saved_at": "2024-02-27T08:30:00Z", "draft": { … } }
//! ```
//!
//! Loading never trusts its input: every way a file can be wrong maps to a [`LoadError`]
//! whose message says, in Chinese, what is wrong and where.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::date::rfc3339_from_unix_ms;
use crate::decode::decode_text;
use crate::model::Draft;
use crate::text::clip;
use crate::validate;

pub const DRAFT_FORMAT: &str = "report-drafter.draft";
/// The version this build writes. Version history:
/// 1 — first release;
/// 2 — `draft.export` (the .docx layout options) added;
/// 3 — `draft.plan` (the year's plan with coverage decisions, or null),
///     `draft.secrecy_reviewed` and `draft.attachment_table` (or null) added;
///     later `draft.ignored_rules`, optional and written only when not empty, so
///     every version 3 file still loads and one without ignored rules reads the same.
pub const DRAFT_VERSION: u64 = 3;
/// A 30-page report is about 100 KB of JSON; anything this large is not a draft.
pub const MAX_DRAFT_BYTES: usize = 20 * 1024 * 1024;

#[derive(Serialize)]
struct DraftFile<'a> {
    format: &'static str,
    version: u64,
    saved_at: String,
    draft: &'a Draft,
}

/// Serializes a draft with its envelope, indented, for files people may open;
/// `saved_at_ms` is milliseconds since the epoch.
pub fn to_json(draft: &Draft, saved_at_ms: f64) -> String {
    indented(&to_compact_json(draft, saved_at_ms))
}

/// Compact JSON text as `serde_json::to_string_pretty` writes the same value (two spaces
/// a level, `"key": value`, `[]` and `{}` when empty). Serializing pretty instead would
/// instantiate every model type's serializer a second time, for the pretty formatter:
/// about 3 KB gzip in the first paint, which writes files for people and compact JSON
/// for its storage.
pub(crate) fn indented(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let new_line = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        out.push(c);
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => match chars.next_if(|&next| next == '}' || next == ']') {
                Some(close) => out.push(close),
                None => {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            },
            '}' | ']' => {
                out.pop();
                depth -= 1;
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => new_line(&mut out, depth),
            ':' => out.push(' '),
            _ => {}
        }
    }
    out
}

/// [`to_json`] without indentation, for browser storage and the worker: smaller and
/// quicker to write and read, which matters for the autosave while typing.
pub fn to_compact_json(draft: &Draft, saved_at_ms: f64) -> String {
    serde_json::to_string(&DraftFile::new(draft, saved_at_ms)).expect("a draft always serializes")
}

impl<'a> DraftFile<'a> {
    fn new(draft: &'a Draft, saved_at_ms: f64) -> Self {
        DraftFile {
            format: DRAFT_FORMAT,
            version: DRAFT_VERSION,
            saved_at: rfc3339_from_unix_ms(saved_at_ms),
            draft,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("文件是空的")]
    Empty,
    #[error("{NOT_JSON_TEXT}")]
    NotText,
    #[error("文件过大（{0} 字节），不是报告草稿备份文件")]
    TooLarge(usize),
    #[error("文件不完整，可能在下载或复制时被截断（第 {line} 行后内容缺失）")]
    Truncated { line: usize },
    #[error("文件不是有效的 JSON 格式（第 {line} 行第 {column} 列附近有错误）")]
    NotJson { line: usize, column: usize },
    #[error("这不是报告草稿备份文件：缺少格式标识 format")]
    MissingFormat,
    #[error("这不是报告草稿备份文件：格式标识为“{0}”，应为“report-drafter.draft”")]
    WrongFormat(String),
    #[error("备份文件缺少版本号 version，或版本号不是正整数")]
    BadVersion,
    #[error("此备份由更新版本的起草助手生成（文件版本 {found}，本程序只能读取版本 {supported} 及以下），请使用新版本打开")]
    NewerVersion { found: u64, supported: u64 },
    #[error("备份文件缺少草稿内容 draft")]
    MissingDraft,
    #[error("字段“{path}”{problem}")]
    Field { path: String, problem: String },
    #[error("草稿结构有误：{0}")]
    Structure(String),
    #[error("草稿内容已损坏：有字段缺失、多余或类型不对")]
    Damaged,
}

/// Reads a draft from a file's bytes; see [`envelope_text`] for the encodings read.
pub fn from_json_bytes(bytes: &[u8]) -> Result<Draft, LoadError> {
    if bytes.len() > MAX_DRAFT_BYTES {
        return Err(LoadError::TooLarge(bytes.len()));
    }
    from_json(&envelope_text(bytes)?)
}

/// Why a JSON file's bytes are refused before parsing.
pub const NOT_JSON_TEXT: &str =
    "文件内容不是可识别的文本（既不是 UTF-8，也不是 GBK 或 UTF-16 编码），无法读取；文件可能已损坏";

/// The text of a JSON file: UTF-8 (a byte-order mark dropped), UTF-16 with its mark, or
/// GBK as [`decode_text`] reads text files. A file cut off in the middle of its last
/// character keeps the replacement character, so it still reports as truncated; other
/// bytes that are no text are refused rather than read as `�`.
pub(crate) fn envelope_text(bytes: &[u8]) -> Result<Cow<'_, str>, EnvelopeFault> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(err) if err.error_len().is_none() => Ok(String::from_utf8_lossy(body)),
        Err(_) => decode_text(bytes).ok_or(EnvelopeFault::NotText),
    }
}

/// Whether a file's content is JSON (an object, after any byte-order mark and
/// whitespace) rather than report text, whatever its name.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    body.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{')
}

/// Reads a draft from its JSON form, migrating older versions: a file a user brings in
/// (a backup, a draft file), whose faults are named by field ([`LoadError::Field`]).
pub fn from_json(text: &str) -> Result<Draft, LoadError> {
    read_draft(text, |draft| {
        serde_path_to_error::deserialize(draft).map_err(|err| {
            let (path, problem) = field_fault(err, "draft");
            LoadError::Field { path, problem }
        })
    })
}

/// [`from_json`] for a draft this program wrote itself (browser storage, the page's
/// messages to its worker), with plain serde_json: the path-tracking deserializer weighs
/// about 99 KB in a wasm bundle before wasm-opt, which the first paint and the export
/// worker need not carry for their own writes. A fault, which only damage to the stored
/// text can cause, is [`LoadError::Damaged`], not named by field.
///
/// A file at the current version (every write of this build) is read straight from its
/// text; an older or damaged one takes the migrating path, whose `draft` object is read
/// back from its text too, never with `serde_json::from_value`: a second deserializer of
/// every model type would weigh about 19 KB gzip in the first-paint bundle.
pub fn from_own_json(text: &str) -> Result<Draft, LoadError> {
    #[derive(Deserialize)]
    struct Current {
        format: String,
        version: u64,
        draft: Draft,
    }
    match serde_json::from_str::<Current>(text) {
        Ok(file)
            if file.format == DRAFT_FORMAT
                && file.version == DRAFT_VERSION
                && text.len() <= MAX_DRAFT_BYTES =>
        {
            checked(file.draft)
        }
        _ => read_draft(text, |draft| {
            serde_json::from_str(&draft.to_string()).map_err(|_| LoadError::Damaged)
        }),
    }
}

/// The envelope, migration and structure checks of every draft read; `deserialize`
/// turns the migrated `draft` object into a [`Draft`].
fn read_draft(
    text: &str,
    deserialize: impl FnOnce(Value) -> Result<Draft, LoadError>,
) -> Result<Draft, LoadError> {
    let (mut root, version) =
        read_envelope(text, DRAFT_FORMAT, 1..=DRAFT_VERSION, MAX_DRAFT_BYTES)?;
    let draft = root.remove("draft").ok_or(LoadError::MissingDraft)?;
    checked(deserialize(migrate(draft, version))?)
}

/// A draft read from a file once its structure is checked.
fn checked(mut draft: Draft) -> Result<Draft, LoadError> {
    if let Some(problem) = validate::errors(&draft).into_iter().next() {
        return Err(LoadError::Structure(problem.to_string()));
    }
    // A hand-edited file may leave next_id behind its ids; moving it up loses nothing.
    if let Some(max) = draft.ids().into_iter().max() {
        draft.next_id = draft.next_id.max(max + 1);
    }
    Ok(draft)
}

/// Brings the `draft` object of an older file up to [`DRAFT_VERSION`], one version at
/// a time, so every old file keeps loading.
fn migrate(mut draft: Value, version: u64) -> Value {
    if version < 2 {
        if let Value::Object(fields) = &mut draft {
            let defaults = serde_json::to_value(crate::export_options::ExportOptions::default())
                .expect("export options serialize");
            fields.entry("export").or_insert(defaults);
        }
    }
    if version < 3 {
        if let Value::Object(fields) = &mut draft {
            fields.entry("plan").or_insert(Value::Null);
            fields
                .entry("secrecy_reviewed")
                .or_insert(Value::Bool(false));
            fields.entry("attachment_table").or_insert(Value::Null);
        }
    }
    draft
}

/// What can be wrong with a versioned JSON envelope (`{"format", "version", …}`),
/// whatever document it holds. Each document kind words these in its own error type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum EnvelopeFault {
    Empty,
    NotText,
    TooLarge(usize),
    Truncated { line: usize },
    NotJson { line: usize, column: usize },
    MissingFormat,
    WrongFormat(String),
    BadVersion,
    NewerVersion { found: u64, supported: u64 },
}

impl From<EnvelopeFault> for LoadError {
    fn from(fault: EnvelopeFault) -> Self {
        match fault {
            EnvelopeFault::Empty => LoadError::Empty,
            EnvelopeFault::NotText => LoadError::NotText,
            EnvelopeFault::TooLarge(size) => LoadError::TooLarge(size),
            EnvelopeFault::Truncated { line } => LoadError::Truncated { line },
            EnvelopeFault::NotJson { line, column } => LoadError::NotJson { line, column },
            EnvelopeFault::MissingFormat => LoadError::MissingFormat,
            EnvelopeFault::WrongFormat(found) => LoadError::WrongFormat(found),
            EnvelopeFault::BadVersion => LoadError::BadVersion,
            EnvelopeFault::NewerVersion { found, supported } => {
                LoadError::NewerVersion { found, supported }
            }
        }
    }
}

/// Parses `text` as an envelope of `format` and returns its fields and version, which
/// lies in `versions`.
pub(crate) fn read_envelope(
    text: &str,
    format: &str,
    versions: std::ops::RangeInclusive<u64>,
    max_bytes: usize,
) -> Result<(serde_json::Map<String, Value>, u64), EnvelopeFault> {
    if text.len() > max_bytes {
        return Err(EnvelopeFault::TooLarge(text.len()));
    }
    // Notepad saves UTF-8 with a byte-order mark; text handed over as a string may keep it.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(EnvelopeFault::Empty);
    }
    let root: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => EnvelopeFault::Truncated { line: e.line() },
        _ => EnvelopeFault::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })?;
    let Value::Object(root) = root else {
        return Err(EnvelopeFault::MissingFormat);
    };
    match root.get("format") {
        Some(Value::String(f)) if f == format => {}
        Some(Value::String(f)) => return Err(EnvelopeFault::WrongFormat(clip(f, CLIP).into())),
        Some(other) => {
            return Err(EnvelopeFault::WrongFormat(
                clip(&other.to_string(), CLIP).into(),
            ))
        }
        None => return Err(EnvelopeFault::MissingFormat),
    }
    let version = match root.get("version").and_then(Value::as_u64) {
        Some(v) if v >= *versions.start() => v,
        _ => return Err(EnvelopeFault::BadVersion),
    };
    if version > *versions.end() {
        return Err(EnvelopeFault::NewerVersion {
            found: version,
            supported: *versions.end(),
        });
    }
    Ok((root, version))
}

/// Characters of a value from the file that an error message repeats: enough to find
/// it, not a 5 MB line.
const CLIP: usize = 40;

/// The field path (under `root`) and the Chinese problem of a deserialization error.
/// Values (and keys) from the file are cut at [`CLIP`] characters.
pub(crate) fn field_fault(
    err: serde_path_to_error::Error<serde_json::Error>,
    root: &str,
) -> (String, String) {
    let (path, problem) = field_fault_whole(err, root);
    (
        clip(&path, 4 * CLIP).into(),
        clip(&problem, 2 * CLIP).into(),
    )
}

fn field_fault_whole(
    err: serde_path_to_error::Error<serde_json::Error>,
    root: &str,
) -> (String, String) {
    let path = err.path().to_string();
    let path = if path == "." {
        root.to_string()
    } else {
        format!("{root}.{path}")
    };
    let message = err.inner().to_string();
    // serde_json appends " at line X column Y" to some messages; positions in a Value are meaningless.
    let message = message.split(" at line ").next().unwrap_or_default();
    if let Some(field) = between(message, "missing field `", "`") {
        return (format!("{path}.{field}"), "缺失".into());
    }
    if let Some(field) = between(message, "unknown field `", "`") {
        // The path already ends in the unknown key, which was read before it was refused.
        let path = if path.ends_with(&format!(".{field}")) {
            path
        } else {
            format!("{path}.{field}")
        };
        return (path, "无法识别（本程序不认识这个字段）".into());
    }
    if let Some(value) = between(message, "unknown variant `", "`") {
        return (path, format!("的取值“{value}”无法识别"));
    }
    let problem = if let Some(expected) = message.strip_prefix("invalid type: ") {
        let expected = expected.split(", expected ").nth(1).unwrap_or_default();
        format!("的类型不对，应为{}", describe_type(expected))
    } else if message.starts_with("invalid value") || message.starts_with("invalid length") {
        "的取值超出允许范围".to_string()
    } else {
        // Our own deserializers (dates) already speak Chinese.
        format!("有误：{message}")
    };
    (path, problem)
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

fn describe_type(expected: &str) -> &'static str {
    if expected.contains("string") {
        "文本"
    } else if expected.contains("sequence") {
        "列表"
    } else if expected.contains("bool") {
        "true 或 false"
    } else if ["u8", "u16", "u32", "u64", "integer"]
        .iter()
        .any(|t| expected.contains(t))
    {
        "非负整数"
    } else if expected.contains("struct") || expected.contains("map") || expected.contains("enum") {
        "对象"
    } else {
        "其他类型"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewNode, Parent, TextField};
    use crate::template::Template;

    fn sample() -> Draft {
        let mut d = Template::builtin_default().new_draft("draft-1".into(), 2023);
        let s = d.sections[1].id;
        let h = d.add_node(Parent::Section(s), NewNode::Heading).unwrap();
        d.set_text(h, TextField::Title, "打造法治化营商环境".into())
            .unwrap();
        let p = d.add_node(Parent::Heading(h), NewNode::Paragraph).unwrap();
        d.set_text(
            p,
            TextField::Text,
            "保护市场公平竞争。“谁起草、谁负责”".into(),
        )
        .unwrap();
        d.meta.signers = vec!["王伟荣".into()];
        d.meta.date = crate::date::CalendarDate::new(2024, 2, 27);
        d
    }

    fn with(json: &str, edit: impl FnOnce(&mut Value)) -> String {
        let mut v: Value = serde_json::from_str(json).unwrap();
        edit(&mut v);
        v.to_string()
    }

    #[test]
    fn version_1_files_load_with_default_export_options() {
        let mut v1: Value = serde_json::from_str(&to_json(&sample(), 0.0)).unwrap();
        v1["version"] = 1.into();
        v1["draft"].as_object_mut().unwrap().remove("export");
        let draft = from_json(&v1.to_string()).unwrap();
        assert_eq!(
            draft.export,
            crate::export_options::ExportOptions::default()
        );
        // Without the migration the field would be reported missing.
        v1["version"] = DRAFT_VERSION.into();
        assert_eq!(
            from_json(&v1.to_string()).unwrap_err().to_string(),
            "字段“draft.export”缺失"
        );
        // The committed fixtures are version 1 files, as an older app wrote them.
        for fixture in [
            include_str!("../tests/fixtures/draft-shangcheng-2023.json"),
            include_str!("../tests/fixtures/draft-jiaxing-2022.json"),
        ] {
            assert!(fixture.contains("\"version\": 1"));
            assert!(from_json(fixture).is_ok());
        }
    }

    #[test]
    fn version_2_files_load_without_a_plan_and_plans_round_trip() {
        let mut v2: Value = serde_json::from_str(&to_json(&sample(), 0.0)).unwrap();
        v2["version"] = 2.into();
        let fields = v2["draft"].as_object_mut().unwrap();
        fields.remove("plan");
        fields.remove("secrecy_reviewed");
        fields.remove("attachment_table");
        let loaded = from_json(&v2.to_string()).unwrap();
        assert_eq!(loaded.plan, None);
        assert_eq!(loaded.attachment_table, None);
        assert!(!loaded.secrecy_reviewed, "no 保密审查 is assumed done");

        let mut with_plan = sample();
        let import =
            crate::plan::parse_plan_text("1.保护市场公平竞争。出台前100%审查。（局法制科）")
                .unwrap();
        let mut state = crate::plan_items::PlanState::new(import.plan);
        let decision = state.decision_mut(0).unwrap();
        decision.set_status(
            Some(crate::plan_items::Status::NotApplicable),
            "本局无此职能".into(),
        );
        decision.confirm(7);
        with_plan.plan = Some(state.into());
        let json = to_json(&with_plan, 0.0);
        assert!(json.contains("\"version\": 3"));
        assert_eq!(from_json(&json).unwrap(), with_plan);

        // The plan is held to the same strictness as the rest of the draft.
        let unknown = with(&json, |v| {
            v["draft"]["plan"]["decisions"][0]["colour"] = "red".into()
        });
        let msg = from_json(&unknown).unwrap_err().to_string();
        assert!(
            msg.contains("draft.plan.decisions[0]") && msg.contains("无法识别"),
            "{msg}"
        );
    }

    #[test]
    fn attachment_tables_round_trip_strictly() {
        let mut d = Template::builtin("indicator-table")
            .unwrap()
            .new_draft("draft-1".into(), 2023);
        let table = d
            .attachment_table
            .as_mut()
            .expect("the template has a table");
        table
            .set_cell("九-1-1", 4, "已完成“双随机”抽查".into())
            .unwrap();
        let json = to_json(&d, 0.0);
        let value: Value = serde_json::from_str(&json).unwrap();
        let table = &value["draft"]["attachment_table"];
        assert_eq!(table["title"], "2023年度法治政府建设指标分解表");
        assert_eq!(table["columns"][4]["max_chars"], 200);
        assert_eq!(
            table["entries"][0],
            serde_json::json!({"number": "九-1-1", "cells": ["", "已完成“双随机”抽查", ""]})
        );
        assert_eq!(from_json(&json).unwrap(), d);

        let unknown = with(&json, |v| {
            v["draft"]["attachment_table"]["entries"][0]["row"] = 3.into()
        });
        let msg = from_json(&unknown).unwrap_err().to_string();
        assert!(
            msg.contains("draft.attachment_table.entries[0]") && msg.contains("无法识别"),
            "{msg}"
        );
        let without = with(&json, |v| v["draft"]["attachment_table"] = Value::Null);
        assert_eq!(from_json(&without).unwrap().attachment_table, None);
    }

    #[test]
    fn round_trip() {
        let d = sample();
        let json = to_json(&d, 1_709_022_600_000.0);
        assert!(json.contains("\"format\": \"report-drafter.draft\""));
        assert!(json.contains("\"saved_at\": \"2024-02-27T08:30:00Z\""));
        assert_eq!(from_json(&json).unwrap(), d);
        let compact = to_compact_json(&d, 1_709_022_600_000.0);
        assert!(compact.len() < json.len() && !compact.contains('\n'));
        assert_eq!(
            serde_json::from_str::<Value>(&compact).unwrap(),
            serde_json::from_str::<Value>(&json).unwrap()
        );
        assert_eq!(from_json(&compact).unwrap(), d);
    }

    #[test]
    fn ignored_rules_are_written_only_when_there_are_some() {
        let mut d = sample();
        let plain = to_json(&d, 0.0);
        assert!(!plain.contains("ignored_rules"), "{plain}");
        d.ignored_rules = vec!["halfwidth-punct".into()];
        let json = to_json(&d, 0.0);
        assert!(json.contains("\"ignored_rules\""));
        assert!(json.contains(&format!("\"version\": {DRAFT_VERSION}")));
        assert_eq!(from_json(&json).unwrap(), d);
        // Still strict: a misspelt field is refused, not dropped.
        let misspelt = json.replace("\"ignored_rules\"", "\"ignore_rules\"");
        assert!(matches!(
            from_json(&misspelt),
            Err(LoadError::Field { path, .. }) if path.contains("ignore_rules")
        ));
    }

    #[test]
    fn corrupt_inputs_have_specific_messages() {
        let good = to_json(&sample(), 0.0);
        assert_eq!(from_json(""), Err(LoadError::Empty));
        assert!(matches!(
            from_json("PK\u{3}\u{4}binary"),
            Err(LoadError::NotJson { .. })
        ));
        assert!(matches!(
            from_json(&good[..good.len() / 2]),
            Err(LoadError::Truncated { .. })
        ));
        assert_eq!(from_json("[1,2]"), Err(LoadError::MissingFormat));
        assert_eq!(from_json("{}"), Err(LoadError::MissingFormat));
        let wrong = with(&good, |v| v["format"] = "report-drafter.template".into());
        assert_eq!(
            from_json(&wrong),
            Err(LoadError::WrongFormat("report-drafter.template".into()))
        );
        let newer = with(&good, |v| v["version"] = 99.into());
        assert_eq!(
            from_json(&newer),
            Err(LoadError::NewerVersion {
                found: 99,
                supported: DRAFT_VERSION
            })
        );
        let zero = with(&good, |v| v["version"] = 0.into());
        assert_eq!(from_json(&zero), Err(LoadError::BadVersion));
        let text_version = with(&good, |v| v["version"] = "1".into());
        assert_eq!(from_json(&text_version), Err(LoadError::BadVersion));
        let no_draft = with(&good, |v| {
            v.as_object_mut().unwrap().remove("draft");
        });
        assert_eq!(from_json(&no_draft), Err(LoadError::MissingDraft));
        let huge = " ".repeat(MAX_DRAFT_BYTES + 1);
        assert!(matches!(from_json(&huge), Err(LoadError::TooLarge(_))));
    }

    #[test]
    fn bytes_cut_inside_a_character_are_truncated_not_binary() {
        let good = to_json(&sample(), 0.0);
        let cut = good.find("营商").unwrap() + 1;
        assert!(matches!(
            from_json_bytes(&good.as_bytes()[..cut]),
            Err(LoadError::Truncated { .. })
        ));
        assert!(matches!(
            from_json_bytes(&[0xff, 0xfe, 0x00, 0x50]),
            Err(LoadError::NotJson { .. })
        ));
    }

    #[test]
    fn field_errors_name_the_field() {
        let good = to_json(&sample(), 0.0);
        let missing = with(&good, |v| {
            v["draft"]["meta"].as_object_mut().unwrap().remove("title");
        });
        assert_eq!(
            from_json(&missing).unwrap_err().to_string(),
            "字段“draft.meta.title”缺失"
        );
        let wrong_type = with(&good, |v| v["draft"]["meta"]["title"] = 5.into());
        assert_eq!(
            from_json(&wrong_type).unwrap_err().to_string(),
            "字段“draft.meta.title”的类型不对，应为文本"
        );
        let nested = with(&good, |v| {
            v["draft"]["sections"][1]["children"][0]["heading"]["children"][0]["paragraph"]
                ["text"] = Value::Null
        });
        assert_eq!(
            from_json(&nested).unwrap_err().to_string(),
            "字段“draft.sections[1].children[0].heading.children[0].paragraph.text”的类型不对，应为文本"
        );
        let bad_date = with(&good, |v| v["draft"]["meta"]["date"] = "2024-02-30".into());
        let msg = from_json(&bad_date).unwrap_err().to_string();
        assert!(msg.starts_with("字段“draft.meta.date”有误"), "{msg}");
        let bad_kind = with(&good, |v| {
            let node = &mut v["draft"]["sections"][1]["children"][0];
            *node = serde_json::json!({ "table": node["heading"].take() });
        });
        let msg = from_json(&bad_kind).unwrap_err().to_string();
        assert!(msg.contains("table") && msg.contains("无法识别"), "{msg}");
        let unknown = with(&good, |v| v["draft"]["meta"]["seal"] = "公章".into());
        assert_eq!(
            from_json(&unknown).unwrap_err().to_string(),
            "字段“draft.meta.seal”无法识别（本程序不认识这个字段）"
        );
        let year = with(&good, |v| v["draft"]["report_year"] = 70000.into());
        assert_eq!(
            from_json(&year).unwrap_err().to_string(),
            "字段“draft.report_year”的取值超出允许范围"
        );
    }

    #[test]
    fn own_writes_read_back_and_damage_is_reported_in_chinese() {
        let d = sample();
        let stored = to_compact_json(&d, 0.0);
        assert_eq!(from_own_json(&stored).unwrap(), d);
        let damaged = with(&stored, |v| v["draft"]["meta"]["title"] = 5.into());
        assert_eq!(from_own_json(&damaged), Err(LoadError::Damaged));
        assert_eq!(
            LoadError::Damaged.to_string(),
            "草稿内容已损坏：有字段缺失、多余或类型不对"
        );
        // The envelope and the structure are checked as in a user's file.
        assert!(matches!(
            from_own_json(&stored[..stored.len() / 2]),
            Err(LoadError::Truncated { .. })
        ));
        let dup = with(&stored, |v| {
            let id = v["draft"]["sections"][0]["id"].clone();
            v["draft"]["sections"][1]["id"] = id;
        });
        assert!(matches!(from_own_json(&dup), Err(LoadError::Structure(_))));
        let stale = with(&stored, |v| v["draft"]["next_id"] = 1.into());
        let repaired = from_own_json(&stale).unwrap();
        assert!(repaired.ids().iter().all(|&id| id < repaired.next_id));
    }

    #[test]
    fn files_for_people_are_indented_as_serde_json_indents() {
        let mut d = sample();
        d.meta.title = "引号\"、反斜杠\\、括号{[]}：冒号, 逗号".into();
        assert_eq!(
            to_json(&d, 0.0),
            serde_json::to_string_pretty(&DraftFile::new(&d, 0.0)).unwrap()
        );
        for template in Template::builtins() {
            let file = serde_json::json!({ "template": template, "empty": [{}, []], "n": -1.5 });
            assert_eq!(
                indented(&file.to_string()),
                serde_json::to_string_pretty(&file).unwrap()
            );
        }
    }

    #[test]
    fn own_writes_of_older_versions_are_migrated() {
        // Drafts stored by earlier releases: version 1 fixtures and a version 2 write.
        for fixture in [
            include_str!("../tests/fixtures/draft-shangcheng-2023.json"),
            include_str!("../tests/fixtures/draft-jiaxing-2022.json"),
        ] {
            assert_eq!(from_own_json(fixture), from_json(fixture));
            assert!(from_own_json(fixture).is_ok());
        }
        let v2 = with(&to_compact_json(&sample(), 0.0), |v| {
            v["version"] = 2.into();
            let fields = v["draft"].as_object_mut().unwrap();
            fields.remove("plan");
            fields.remove("secrecy_reviewed");
            fields.remove("attachment_table");
        });
        assert_eq!(from_own_json(&v2).unwrap(), sample());
        let newer = with(&v2, |v| v["version"] = (DRAFT_VERSION + 1).into());
        assert_eq!(
            from_own_json(&newer),
            Err(LoadError::NewerVersion {
                found: DRAFT_VERSION + 1,
                supported: DRAFT_VERSION
            })
        );
    }

    #[test]
    fn duplicate_ids_are_refused_and_a_stale_next_id_is_repaired() {
        let good = to_json(&sample(), 0.0);
        let dup = with(&good, |v| {
            let id = v["draft"]["sections"][0]["id"].clone();
            v["draft"]["sections"][1]["id"] = id;
        });
        assert!(matches!(from_json(&dup), Err(LoadError::Structure(_))));
        let stale = with(&good, |v| v["draft"]["next_id"] = 1.into());
        let d = from_json(&stale).unwrap();
        assert!(d.ids().iter().all(|&id| id < d.next_id));
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        // A cheap deterministic fuzz: every prefix of a real file, and byte flips in it.
        let good = to_json(&sample(), 0.0);
        for end in (0..good.len()).filter(|&i| good.is_char_boundary(i)) {
            let _ = from_json(&good[..end]);
        }
        let mut bytes = good.into_bytes();
        for i in (0..bytes.len()).step_by(7) {
            let original = bytes[i];
            bytes[i] = b"{}[]\",:0a"[i % 9];
            let _ = from_json(&String::from_utf8_lossy(&bytes));
            bytes[i] = original;
        }
    }
}
