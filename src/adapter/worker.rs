//! Heavy work in a Web Worker: .docx and .xlsx export and reading plans from files and
//! pastes. docx-rs, the zip reader and the plan parser stay out of the first-paint
//! bundle, and a long export or a 5 MB paste never blocks typing. Both ends of the
//! message protocol live here: [`export_file`] and [`read_plan`] on the page, [`serve`]
//! in the worker (`src/bin/worker.rs`).
//!
//! The worker is started once, right after the app's first paint ([`warm_up`]), and then
//! kept: its files load while the page is loading, not on the first click, so the app
//! makes no request after load and the first export does not wait for a download. It
//! exports a short draft before saying it is ready ([`warm_up_export`]), so the first
//! real export runs compiled code.
//!
//! Worker → page, once its wasm runs: `{ ready: true }`. A message posted before that
//! would be lost (the handler does not exist yet), so the page waits for it.
//! Requests, one at a time:
//! - `{ export: { draft: <draft file JSON>, now: <RFC 3339> } }` → `{ file: Uint8Array }`
//!   (the .docx);
//! - `{ coverage_table: { draft, now } }` → `{ file: Uint8Array }` (the plan coverage as
//!   a Word table);
//! - `{ coverage_workbook: { draft, now } }` → `{ file: Uint8Array }` (the same as an
//!   .xlsx workbook);
//! - `{ plan: { source: "text" | "file" | "report", text?, bytes?, name? } }` →
//!   `{ plan: <PlanImport JSON> }` (`report`: last year's report, as a draft file,
//!   .docx or .txt, whose next-year section becomes the checklist);
//! - `{ report: { bytes, name, year, template: <template file JSON> } }` →
//!   `{ report: <ReportImport JSON> }` (导入已有报告: a .docx or .txt report as a new
//!   draft on the template, with what went where);
//! - any failure → `{ error: <Chinese message> }`.

use std::cell::RefCell;

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, TextDecoder, TextDecoderOptions, Worker};

use super::offline;
use report_core::plan::{self, PlanImport};
use report_core::report_import::{import_report, ReportImport};
use report_core::{report_text, Draft};

/// The loader Trunk writes for `src/bin/worker.rs` (`data-loader-shim`), relative to the
/// page; the single file makes its worker from a Blob instead.
const WORKER_URL: &str = "./worker_loader.js";
/// A worker that has not answered by then is replaced: a 30-page report takes milliseconds.
const TIMEOUT_MS: i32 = 60_000;
const FAILED: &str = "后台处理程序出错";

/// The started worker and a promise that settles when it is ready for requests.
#[derive(Clone)]
struct ExportWorker {
    worker: Worker,
    ready: Promise,
}

thread_local! {
    static WORKER: RefCell<Option<ExportWorker>> = const { RefCell::new(None) };
}

fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined())
}

fn object(entries: &[(&str, &JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in entries {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// A promise for the next message from `worker`, rejected on a worker error or after
/// [`TIMEOUT_MS`]. Replaces the worker's handlers, so only one may be pending at a time.
fn next_message(worker: &Worker) -> Promise {
    Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let on_error = {
            let reject = reject.clone();
            Closure::once_into_js(move |_: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(FAILED));
            })
        };
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
        let on_timeout = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("导出超时"));
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.unchecked_ref(),
                TIMEOUT_MS,
            );
        }
    })
}

fn current_worker() -> Result<ExportWorker, String> {
    WORKER.with(|slot| {
        if let Some(existing) = slot.borrow().as_ref() {
            return Ok(existing.clone());
        }
        let url = offline::inlined_worker_url().unwrap_or_else(|| WORKER_URL.into());
        let worker = Worker::new(&url).map_err(|_| "浏览器无法启动后台处理程序".to_string())?;
        let started = ExportWorker {
            ready: next_message(&worker),
            worker,
        };
        // Nobody may be waiting when a warm-up fails; the rejection is reported by the
        // export that awaits it, not as an unhandled one in the console.
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = started.ready.catch(&ignore);
        ignore.forget();
        *slot.borrow_mut() = Some(started.clone());
        Ok(started)
    })
}

/// Stops the worker after a failure, so the next export starts a fresh one.
fn discard_worker() {
    if let Some(old) = WORKER.with(|slot| slot.borrow_mut().take()) {
        old.worker.terminate();
    }
}

/// Starts the worker in the background. Failing here is not reported: the
/// export button tries again and reports then.
pub fn warm_up() {
    let _ = current_worker();
}

/// Sends one request to the worker and waits for its reply; a failure or timeout stops
/// the worker so the next request gets a fresh one. The caller lets one request finish
/// before the next.
async fn request(request: JsValue) -> Result<JsValue, String> {
    let ExportWorker { worker, ready } = current_worker()?;
    let reply = async {
        JsFuture::from(ready).await?;
        let reply = next_message(&worker);
        worker.post_message(&request)?;
        JsFuture::from(reply).await
    }
    .await
    .map_err(|e| {
        discard_worker();
        e.as_string().unwrap_or_else(|| FAILED.into())
    })?;
    match get(&reply, "error").and_then(|e| e.as_string()) {
        Some(message) => Err(message),
        None => Ok(reply),
    }
}

/// The Office files the worker makes from a draft.
#[derive(Clone, Copy, PartialEq)]
pub enum OfficeFile {
    /// The report itself, in Word.
    Report,
    /// The coverage of its plan as a Word table (计划落实情况表).
    CoverageTable,
    /// The same table as an Excel workbook, for filtering.
    CoverageWorkbook,
}

impl OfficeFile {
    /// The request that asks the worker for it.
    fn request(self) -> &'static str {
        match self {
            OfficeFile::Report => "export",
            OfficeFile::CoverageTable => "coverage_table",
            OfficeFile::CoverageWorkbook => "coverage_workbook",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            OfficeFile::Report | OfficeFile::CoverageTable => "docx",
            OfficeFile::CoverageWorkbook => "xlsx",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            OfficeFile::Report | OfficeFile::CoverageTable => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            OfficeFile::CoverageWorkbook => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }
}

/// Makes the file `kind` of `draft` in the worker.
pub async fn export_file(kind: OfficeFile, draft: &Draft, now_ms: f64) -> Result<Vec<u8>, String> {
    let export = object(&[
        (
            "draft",
            &JsValue::from_str(&report_core::to_compact_json(draft, now_ms)),
        ),
        (
            "now",
            &JsValue::from_str(&report_core::date::rfc3339_from_unix_ms(now_ms)),
        ),
    ]);
    let reply = request(object(&[(kind.request(), &export)])).await?;
    get(&reply, "file")
        .map(|bytes| bytes.unchecked_into::<Uint8Array>().to_vec())
        .ok_or_else(|| "后台处理程序没有返回文件".into())
}

/// Where a plan comes from.
pub enum PlanSource<'a> {
    /// Pasted text.
    Text(&'a str),
    /// A plan file (.txt, .tsv, .docx) and its name.
    File(&'a [u8], &'a str),
    /// Last year's report (draft backup .json, .docx or .txt) and its name.
    Report(&'a [u8], &'a str),
}

/// Reads a plan in the worker; `report_year` is the year a report file without one in
/// its title is taken to be about.
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
    let reply = request(object(&[("plan", &fields)])).await?;
    let json = get(&reply, "plan")
        .and_then(|p| p.as_string())
        .ok_or(FAILED)?;
    serde_json::from_str(&json).map_err(|_| FAILED.into())
}

/// Reads a report file (.docx or .txt) in the worker into a new draft on `template`,
/// under storage id `id`; `report_year` is the year of a report whose title names none.
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
    let reply = request(object(&[("report", &fields)])).await?;
    let json = get(&reply, "report")
        .and_then(|r| r.as_string())
        .ok_or(FAILED)?;
    serde_json::from_str(&json).map_err(|_| FAILED.into())
}

/// Worker side: announces that it is ready, then answers every request. Never panics
/// on a bad request, so the worker stays usable.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let reply = answer(&event.data())
            .unwrap_or_else(|message| object(&[("error", &JsValue::from_str(&message))]));
        // The file's bytes are handed over to the page rather than copied once more.
        let _ = match get(&reply, "file") {
            Some(file) => reply_to.post_message_with_transfer(
                &reply,
                &Array::of1(&file.unchecked_into::<Uint8Array>().buffer()),
            ),
            None => reply_to.post_message(&reply),
        };
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    warm_up_export();
    let _ = scope.post_message(&object(&[("ready", &JsValue::TRUE)]));
}

/// A short draft with every part of the document, as the page sends drafts.
const WARM_UP_DRAFT: &str = include_str!("warm_up_draft.json");

/// Answers one export request for [`WARM_UP_DRAFT`] before the worker says it is ready.
/// Chromium compiles wasm functions on their first call and memory grows on first use;
/// without this the user's first export of a session pays for both (about 100 ms for a
/// 30-page draft instead of about 30 ms; BENCHMARKS.md). It runs while the page is
/// loading, behind the first paint.
fn warm_up_export() {
    let export = object(&[
        ("draft", &JsValue::from_str(WARM_UP_DRAFT)),
        ("now", &JsValue::from_str("2026-02-20T00:00:00Z")),
    ]);
    let _ = answer(&object(&[("export", &export)]));
}

const INCOMPLETE: &str = "请求不完整";

fn text(request: &JsValue, key: &str) -> Result<String, String> {
    get(request, key)
        .and_then(|v| v.as_string())
        .ok_or_else(|| INCOMPLETE.into())
}

/// The bytes of a file, with text in GBK (as Windows Notepad and WPS save it in China)
/// turned into UTF-8 by the browser's own decoder: the core's would add 124 KB gzip of
/// tables to the worker. Anything else (a .docx, UTF-8, UTF-16) is passed on as it is,
/// for the core to read or refuse.
fn file_bytes(request: &JsValue) -> Result<Vec<u8>, String> {
    let bytes = get(request, "bytes")
        .filter(|v| v.is_instance_of::<Uint8Array>())
        .map(|v| v.unchecked_into::<Uint8Array>().to_vec())
        .ok_or(INCOMPLETE)?;
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

/// The report year a request names.
fn year(request: &JsValue) -> Result<u16, String> {
    get(request, "year")
        .and_then(|y| y.as_f64())
        .map(|y| y as u16)
        .ok_or_else(|| INCOMPLETE.into())
}

/// The reply that carries a made file.
fn file(bytes: &[u8]) -> JsValue {
    object(&[("file", &Uint8Array::from(bytes).into())])
}

fn answer(request: &JsValue) -> Result<JsValue, String> {
    if let Some(export) = get(request, "export") {
        let draft = report_core::from_json(&text(&export, "draft")?).map_err(|e| e.to_string())?;
        let docx = report_core::docx::export(&draft, &draft.export, &text(&export, "now")?)
            .map_err(|e| e.to_string())?;
        return Ok(file(&docx));
    }
    if let Some(export) = get(request, "coverage_table") {
        let draft = report_core::from_json(&text(&export, "draft")?).map_err(|e| e.to_string())?;
        let docx =
            report_core::docx::coverage_table::coverage_table(&draft, &text(&export, "now")?)
                .map_err(|e| e.to_string())?;
        return Ok(file(&docx));
    }
    if let Some(export) = get(request, "coverage_workbook") {
        let draft = report_core::from_json(&text(&export, "draft")?).map_err(|e| e.to_string())?;
        let xlsx =
            report_core::xlsx::coverage_workbook::coverage_workbook(&draft, &text(&export, "now")?)
                .map_err(|e| e.to_string())?;
        return Ok(file(&xlsx));
    }
    if let Some(report) = get(request, "report") {
        let template = report_core::template::file::from_json(&text(&report, "template")?)
            .map_err(|e| e.to_string())?;
        let read = report_text::draft_from_file(
            &file_bytes(&report)?,
            &text(&report, "name")?,
            year(&report)?,
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
                year(&plan)?,
            )
            .map_err(|e| e.to_string())?;
            plan::plan_from_report(&report).map_err(|e| e.to_string())?
        }
        _ => return Err(INCOMPLETE.into()),
    };
    let json = serde_json::to_string(&import).map_err(|_| FAILED.to_string())?;
    Ok(object(&[("plan", &JsValue::from_str(&json))]))
}

#[cfg(test)]
mod tests {
    /// The warm-up draft is read as any draft file is, and has every part the export
    /// writes, so that all of the export code runs once.
    #[test]
    fn the_warm_up_draft_is_a_complete_draft() {
        let draft = report_core::from_json(super::WARM_UP_DRAFT).unwrap();
        assert!(report_core::check::missing(&draft, &draft.export).is_empty());
        assert!(report_core::docx::export(&draft, &draft.export, "2026-02-20T00:00:00Z").is_ok());
    }
}
