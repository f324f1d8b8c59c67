//! The import worker's requests (`src/bin/import_worker.rs`): it reads the files a user
//! brings in, so that the plan reader, the .docx reader with its zip inflater, the
//! report importer and the readers that name where a draft, backup or template file is
//! wrong (`serde_path_to_error`) stay out of the draft worker and the first-paint
//! bundle. It speaks the protocol of `adapter/worker.rs`, through the same request/reply
//! path:
//! - `{ id, plan: { source: "text" | "file" | "report", text?, bytes?, name?, year? } }`
//!   → `{ id, plan: <PlanImport JSON> }` (`file`: .txt, .tsv, .docx, .xlsx or a web page;
//!   `report`: last year's report, as a draft file, .docx, .txt or a web page, whose
//!   next-year section becomes the checklist);
//! - `{ id, report: { bytes, name, id, year, template: <template file JSON> } }` →
//!   `{ id, report: <ReportImport JSON> }` (导入已有报告: a .docx, .txt or web-page report as a
//!   new draft on the template, with what went where);
//! - `{ id, user_file: { kind: "draft" | "template" | "backup", bytes } }` →
//!   `{ id, json: <the file as this program writes it> }`: a draft file (从备份文件恢复),
//!   a template file (导入模板) or a backup of everything, read and checked here and
//!   written again, so that the page reads it as its own write (`from_own_json`);
//! - any failure → `{ id, error: <Chinese message> }` (for a user's file, the message
//!   that names where it is wrong).

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{TextDecoder, TextDecoderOptions};

use super::worker::{self, get, number_of, object, reply_json, text, Role, FAILED, INCOMPLETE};
use report_core::backup::{self, Backup};
use report_core::plan::{self, PlanImport};
use report_core::report_import::{import_report, ReportImport};
use report_core::{report_text, template, Draft, Template};

/// The import worker (`src/bin/import_worker.rs`).
pub fn serve() {
    worker::serve(answer);
}

/// Where a plan comes from.
pub enum PlanSource<'a> {
    /// Pasted text.
    Text(&'a str),
    /// A plan file (.txt, .tsv, .docx, .xlsx) and its name.
    File(&'a [u8], &'a str),
    /// Last year's report (draft backup .json, .docx or .txt) and its name.
    Report(&'a [u8], &'a str),
}

/// Reads a plan in the import worker; `report_year` is the year a report file without
/// one in its title is taken to be about.
pub async fn read_plan(source: PlanSource<'_>, report_year: u16) -> Result<PlanImport, String> {
    let bytes = |b: &[u8]| JsValue::from(Uint8Array::from(b));
    let fields = match source {
        PlanSource::Text(text) => object(&[("source", &"text".into()), ("text", &text.into())]),
        PlanSource::File(b, name) => object(&[
            ("source", &"file".into()),
            ("bytes", &bytes(b)),
            ("name", &name.into()),
        ]),
        PlanSource::Report(b, name) => object(&[
            ("source", &"report".into()),
            ("bytes", &bytes(b)),
            ("name", &name.into()),
            ("year", &JsValue::from(report_year)),
        ]),
    };
    let reply = worker::request(Role::Import, "plan", &fields).await?;
    reply_json(&reply, "plan")
}

/// Reads a report file (.docx or .txt) in the import worker into a new draft on
/// `template`, under storage id `id`; `report_year` is the year of a report whose title
/// names none.
pub async fn read_report(
    bytes: &[u8],
    name: &str,
    template: &report_core::Template,
    id: &str,
    report_year: u16,
) -> Result<ReportImport, String> {
    let fields = object(&[
        ("bytes", &Uint8Array::from(bytes).into()),
        ("name", &name.into()),
        ("id", &id.into()),
        ("year", &JsValue::from(report_year)),
        (
            "template",
            &report_core::template::file::to_json(template).into(),
        ),
    ]);
    let reply = worker::request(Role::Import, "report", &fields).await?;
    reply_json(&reply, "report")
}

/// The kinds of file this program writes that a user brings back.
#[derive(Clone, Copy)]
enum UserFile {
    Draft,
    Template,
    Backup,
}

impl UserFile {
    fn name(self) -> &'static str {
        match self {
            UserFile::Draft => "draft",
            UserFile::Template => "template",
            UserFile::Backup => "backup",
        }
    }

    /// Worker side: reads `bytes` as this kind of file and writes it again.
    fn rewrite(self, bytes: &[u8]) -> Result<String, String> {
        match self {
            UserFile::Draft => report_core::from_json_bytes(bytes)
                .map(|draft| report_core::to_compact_json(&draft, 0.0))
                .map_err(|e| e.to_string()),
            UserFile::Template => template::from_json_bytes(bytes)
                .map(|t| template::to_json(&t))
                .map_err(|e| e.to_string()),
            UserFile::Backup => backup::from_json_bytes(bytes)
                .map(|b| backup::to_json(&b.drafts, &b.templates, 0.0))
                .map_err(|e| e.to_string()),
        }
    }
}

/// Reads a user's `kind` of file in the import worker, and its answer in the page with
/// `read`; a file the worker could read but the page cannot is the worker's failure.
async fn read_user_file<T, E>(
    kind: UserFile,
    bytes: &[u8],
    read: fn(&str) -> Result<T, E>,
) -> Result<T, String> {
    let fields = object(&[
        ("kind", &kind.name().into()),
        ("bytes", &Uint8Array::from(bytes).into()),
    ]);
    let reply = worker::request(Role::Import, "user_file", &fields).await?;
    let json = text(&reply, "json").map_err(|_| FAILED.to_string())?;
    read(&json).map_err(|_| FAILED.into())
}

/// A draft file (a backup of one draft) as the user picked it.
pub async fn read_draft_file(bytes: &[u8]) -> Result<Draft, String> {
    read_user_file(UserFile::Draft, bytes, report_core::from_own_json).await
}

/// A template file as the user picked it.
pub async fn read_template_file(bytes: &[u8]) -> Result<Template, String> {
    read_user_file(UserFile::Template, bytes, template::file::from_own_json).await
}

/// A backup of everything as the user picked it.
pub async fn read_backup_file(bytes: &[u8]) -> Result<Backup, String> {
    read_user_file(UserFile::Backup, bytes, backup::from_own_json).await
}

/// The bytes of a file as the request carries them.
fn raw_bytes(request: &JsValue) -> Result<Vec<u8>, String> {
    get(request, "bytes")
        .filter(|v| v.is_instance_of::<Uint8Array>())
        .map(|v| v.unchecked_into::<Uint8Array>().to_vec())
        .ok_or_else(|| INCOMPLETE.into())
}

/// The bytes of a file, with text in GBK (as Windows Notepad and WPS save it in China)
/// turned into UTF-8 by the browser's own decoder: the core's would add 124 KB gzip of
/// tables to the worker. Anything else (a .docx or .xlsx, UTF-8, UTF-16) is passed on as it is,
/// for the core to read or refuse.
fn file_bytes(request: &JsValue) -> Result<Vec<u8>, String> {
    let bytes = raw_bytes(request)?;
    // UTF-16 (Excel's "Unicode 文本") is for the core to read: GB18030 would garble it.
    let utf16 = report_core::decode::utf16_order(&bytes).is_some();
    if bytes.starts_with(b"PK\x03\x04") || utf16 || std::str::from_utf8(&bytes).is_ok() {
        return Ok(bytes);
    }
    let options = TextDecoderOptions::new();
    options.set_fatal(true);
    let text = TextDecoder::new_with_label_and_options("gb18030", &options)
        .and_then(|decoder| decoder.decode_with_u8_array(&bytes));
    Ok(text.map_or(bytes, String::into_bytes))
}

/// Worker side: the reply to one request (in the page with `worker-in-page`).
pub(super) fn answer(request: &JsValue) -> Result<JsValue, String> {
    if let Some(file) = get(request, "user_file") {
        let kind = match text(&file, "kind")?.as_str() {
            "draft" => UserFile::Draft,
            "template" => UserFile::Template,
            "backup" => UserFile::Backup,
            _ => return Err(INCOMPLETE.into()),
        };
        // As the core reads them: a JSON file's encodings are its own (format::envelope_text).
        let json = kind.rewrite(&raw_bytes(&file)?)?;
        return Ok(object(&[("json", &JsValue::from_str(&json))]));
    }
    if let Some(report) = get(request, "report") {
        let template = report_core::template::file::from_json(&text(&report, "template")?)
            .map_err(|e| e.to_string())?;
        let read = report_text::draft_from_file(
            &file_bytes(&report)?,
            &text(&report, "name")?,
            number_of(&report, "year")? as u16,
        )
        .map_err(|e| e.to_string())?;
        let import = import_report(&read, &template, text(&report, "id")?);
        let json = serde_json::to_string(&import).map_err(|_| FAILED.to_string())?;
        return Ok(object(&[("report", &JsValue::from_str(&json))]));
    }
    let plan = get(request, "plan").ok_or(INCOMPLETE)?;
    let import = match text(&plan, "source")?.as_str() {
        "text" => plan::parse_plan_text(&text(&plan, "text")?).map_err(|e| e.to_string())?,
        "file" => plan::parse_plan_bytes(&file_bytes(&plan)?, &text(&plan, "name")?)
            .map_err(|e| e.to_string())?,
        "report" => {
            let report = report_text::draft_from_file(
                &file_bytes(&plan)?,
                &text(&plan, "name")?,
                number_of(&plan, "year")? as u16,
            )
            .map_err(|e| e.to_string())?;
            plan::plan_from_report(&report).map_err(|e| e.to_string())?
        }
        _ => return Err(INCOMPLETE.into()),
    };
    let json = serde_json::to_string(&import).map_err(|_| FAILED.to_string())?;
    Ok(object(&[("plan", &JsValue::from_str(&json))]))
}
