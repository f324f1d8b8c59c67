//! Heavy work in a Web Worker: .docx and .xlsx export, the checker, plan coverage and
//! reading plans from files and pastes. docx-rs, the zip reader, the plan parser, the
//! checker's rules and the coverage engine with its lexicon stay out of the first-paint
//! bundle, and a long export or a 5 MB paste never blocks typing. Both ends of the
//! message protocol live here: [`export_file`], [`check()`], [`coverage`] and
//! [`read_plan`] on the page, [`serve`] in the worker (`src/bin/worker.rs`).
//!
//! The worker is started once, right after the app's first paint ([`warm_up`]), and then
//! kept: its files load while the page is loading, not on the first click, so the app
//! makes no request after load and the first export does not wait for a download. It
//! exports a short draft before saying it is ready ([`warm_up_export`]), so the first
//! real export runs compiled code.
//!
//! Worker → page, once its wasm runs: `{ ready: true }`. A message posted before that
//! would be lost (the handler does not exist yet), so the page waits for it.
//!
//! The worker keeps the latest draft: when typing pauses, the page sends
//! `{ hold: { revision, draft: <draft file JSON> } }` (no reply), tagged with the app
//! state's revision, so that an export need not send, nor the worker read, a 30-page
//! draft. An export names the revision it wants and carries the draft only when the
//! page has not sent that revision; the worker exports exactly the revision named or
//! answers `{ not_held: true }`, and the page sends it again with the draft.
//!
//! Requests carry an `id`, and so does their reply, so that a late reply (to a request
//! that timed out) is never taken for another request:
//! - `{ id, export: { revision, now: <RFC 3339>, draft? } }` → `{ id, file: Uint8Array }`
//!   (the .docx);
//! - `{ id, coverage_table: { revision, now, draft? } }` → `{ id, file: Uint8Array }`
//!   (the plan coverage as a Word table);
//! - `{ id, coverage_workbook: { revision, now, draft? } }` → `{ id, file: Uint8Array }`
//!   (the same as an .xlsx workbook);
//! - `{ id, check: { revision, draft?, inputs: <JSON [today, Setup]> } }` →
//!   `{ id, findings: <JSON [Checked]> }` (the checker, run when typing pauses);
//! - `{ id, coverage: { revision, draft? } }` → `{ id, coverage: <CoverageReport JSON
//!   or null without a plan> }` (run when typing pauses, off the page's bundle);
//! - `{ id, plan: { source: "text" | "file" | "report", text?, bytes?, name? } }` →
//!   `{ id, plan: <PlanImport JSON> }` (`report`: last year's report, as a draft file,
//!   .docx or .txt, whose next-year section becomes the checklist);
//! - `{ id, report: { bytes, name, year, template: <template file JSON> } }` →
//!   `{ id, report: <ReportImport JSON> }` (导入已有报告: a .docx or .txt report as a
//!   new draft on the template, with what went where);
//! - any failure → `{ id, error: <Chinese message> }`.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, TextDecoder, TextDecoderOptions, Worker};

use super::offline;
use super::worker_state::{Awaited, HeldDraft};
use report_core::check::{self, Finding, Setup};
use report_core::coverage::CoverageReport;
use report_core::plan::{self, PlanImport};
use report_core::report_import::{import_report, ReportImport};
use report_core::{report_text, CalendarDate, Draft};
use serde::{Deserialize, Serialize};

/// The loader Trunk writes for `src/bin/worker.rs` (`data-loader-shim`), relative to the
/// page; the single file makes its worker from a Blob instead.
const WORKER_URL: &str = "./worker_loader.js";
/// A worker that has not answered by then is replaced: a 30-page report takes milliseconds.
const TIMEOUT_MS: i32 = 60_000;
const FAILED: &str = "后台处理程序出错";
const TIMED_OUT: &str = "后台处理超时";

/// The started worker and a promise that resolves when it is ready for requests.
#[derive(Clone)]
struct ExportWorker {
    worker: Worker,
    ready: Promise,
}

/// How a request's promise is settled when its reply comes.
struct Waiter {
    resolve: Function,
    reject: Function,
}

thread_local! {
    static WORKER: RefCell<Option<ExportWorker>> = const { RefCell::new(None) };
    static AWAITED: RefCell<Awaited<Waiter>> = RefCell::new(Awaited::default());
    /// The draft revision last sent to the worker (the worker checks it again).
    static SENT: Cell<Option<u64>> = const { Cell::new(None) };
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

/// A revision or an id as a message carries it (a JS number: exact below 2^53).
fn number(value: u64) -> JsValue {
    JsValue::from(value as f64)
}

/// Hands a reply to the request that awaits it; a reply nobody awaits any more (its
/// request timed out) is dropped.
fn on_reply(reply: JsValue, id: f64) {
    if let Some(waiter) = AWAITED.with(|awaited| awaited.borrow_mut().take(id as u64)) {
        let _ = waiter.resolve.call1(&JsValue::NULL, &reply);
    }
}

/// Replaces a failed or silent worker: every request still waiting fails with
/// `message`, and the next request starts a fresh worker.
fn give_up(message: &str) {
    if let Some(old) = WORKER.with(|slot| slot.borrow_mut().take()) {
        old.worker.terminate();
    }
    SENT.with(|sent| sent.set(None));
    for waiter in AWAITED.with(|awaited| awaited.borrow_mut().take_all()) {
        let _ = waiter
            .reject
            .call1(&JsValue::NULL, &JsValue::from_str(message));
    }
}

fn start_worker() -> Result<ExportWorker, String> {
    let url = offline::inlined_worker_url().unwrap_or_else(|| WORKER_URL.into());
    let worker = Worker::new(&url).map_err(|_| "浏览器无法启动后台处理程序".to_string())?;
    let ready = Promise::new(&mut |resolve, _| {
        // Worker → page: `{ ready: true }` once, then replies that carry their request's id.
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            match get(&data, "id").and_then(|id| id.as_f64()) {
                Some(id) => on_reply(data, id),
                None => {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handlers live as long as the worker, which is only replaced after a failure.
        on_message.forget();
    });
    let on_error = Closure::<dyn Fn(JsValue)>::new(|_: JsValue| give_up(FAILED));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(ExportWorker { worker, ready })
}

fn current_worker() -> Result<ExportWorker, String> {
    WORKER.with(|slot| {
        if let Some(existing) = slot.borrow().as_ref() {
            return Ok(existing.clone());
        }
        let started = start_worker()?;
        *slot.borrow_mut() = Some(started.clone());
        Ok(started)
    })
}

/// Posts `message` once the worker is ready; messages keep the order they were posted
/// in. A worker that fails before it is ready never gets it: [`give_up`] answers then.
fn post_when_ready(started: &ExportWorker, message: JsValue) {
    let ExportWorker { worker, ready, .. } = started.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if JsFuture::from(ready).await.is_ok() {
            let _ = worker.post_message(&message);
        }
    });
}

/// Starts the worker in the background. Failing here is not reported: the
/// export button tries again and reports then.
pub fn warm_up() {
    let _ = current_worker();
}

/// Sends the worker `draft` as `revision` (no reply), so that an export of that
/// revision need not send it: called when typing pauses, not per keystroke.
pub fn hold_draft(revision: u64, draft: &Draft) {
    if SENT.with(|sent| sent.replace(Some(revision))) == Some(revision) {
        return;
    }
    let hold = object(&[
        ("revision", &number(revision)),
        ("draft", &draft_json(draft)),
    ]);
    send(object(&[("hold", &hold)]));
}

fn draft_json(draft: &Draft) -> JsValue {
    // The time saved is not what the worker reads a draft for.
    JsValue::from_str(&report_core::to_compact_json(draft, 0.0))
}

/// Sends one request `{ <kind>: fields }` and waits for its reply; a reply that reports
/// a failure is an error.
async fn request(kind: &str, fields: &JsValue) -> Result<JsValue, String> {
    let reply = round_trip(kind, fields).await?;
    match get(&reply, "error").and_then(|e| e.as_string()) {
        Some(message) => Err(message),
        None => Ok(reply),
    }
}

/// Component tests (tests/browser.rs) have no worker files to load: with the
/// `worker-in-page` feature, which only their build turns on, the worker's own
/// [`answer`] runs in the page instead, so they still go through the whole protocol
/// but the postMessage. In the app this is `false` and the branches that use it are
/// compiled away, with the worker's code they would link.
const IN_PAGE: bool = cfg!(feature = "worker-in-page");

/// Posts a message that asks for no reply.
fn send(message: JsValue) {
    if IN_PAGE {
        let _ = answer(&message);
    } else if let Ok(started) = current_worker() {
        post_when_ready(&started, message);
    }
}

/// Posts `{ id, <kind>: fields }` to the worker and waits for the reply that carries
/// the same id; a failure or timeout replaces the worker.
async fn round_trip(kind: &str, fields: &JsValue) -> Result<JsValue, String> {
    if IN_PAGE {
        return Ok(answer(&object(&[(kind, fields)]))
            .unwrap_or_else(|message| object(&[("error", &JsValue::from_str(&message))])));
    }
    let started = current_worker()?;
    let reply = Promise::new(&mut |resolve, reject| {
        let id = AWAITED.with(|awaited| awaited.borrow_mut().add(Waiter { resolve, reject }));
        post_when_ready(&started, object(&[("id", &number(id)), (kind, fields)]));
        // A request still awaited then fails, and so does every other on that worker.
        let on_timeout = Closure::once_into_js(move || {
            if let Some(waiter) = AWAITED.with(|awaited| awaited.borrow_mut().take(id)) {
                let _ = waiter
                    .reject
                    .call1(&JsValue::NULL, &JsValue::from_str(TIMED_OUT));
                give_up(TIMED_OUT);
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.unchecked_ref(),
                TIMEOUT_MS,
            );
        }
    });
    JsFuture::from(reply)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| FAILED.into()))
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

/// A request `kind` about `draft`, the app's `revision` of it, with `fields`. The draft
/// goes along only when the worker does not hold that revision already, or says it
/// does not (a draft it could not read); the worker then keeps it.
async fn about_draft(
    kind: &str,
    revision: u64,
    draft: &Draft,
    fields: &[(&str, &JsValue)],
) -> Result<JsValue, String> {
    let message = |draft: Option<&Draft>| {
        let message = object(fields);
        let _ = Reflect::set(&message, &JsValue::from_str("revision"), &number(revision));
        if let Some(draft) = draft {
            let _ = Reflect::set(&message, &JsValue::from_str("draft"), &draft_json(draft));
        }
        message
    };
    let reply = if SENT.with(|sent| sent.replace(Some(revision))) == Some(revision) {
        request(kind, &message(None)).await?
    } else {
        request(kind, &message(Some(draft))).await?
    };
    if get(&reply, "not_held").is_some() {
        return request(kind, &message(Some(draft))).await;
    }
    Ok(reply)
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

/// Makes the file `kind` of `draft`, the app's `revision` of it, in the worker.
pub async fn export_file(
    kind: OfficeFile,
    revision: u64,
    draft: &Draft,
    now_ms: f64,
) -> Result<Vec<u8>, String> {
    let now = JsValue::from_str(&report_core::date::rfc3339_from_unix_ms(now_ms));
    let reply = about_draft(kind.request(), revision, draft, &[("now", &now)]).await?;
    get(&reply, "file")
        .map(|bytes| bytes.unchecked_into::<Uint8Array>().to_vec())
        .ok_or_else(|| "后台处理程序没有返回文件".into())
}

/// The coverage of the plan of `draft`, the app's `revision` of it, computed in the
/// worker; `None` without a plan.
pub async fn coverage(revision: u64, draft: &Draft) -> Result<Option<CoverageReport>, String> {
    let reply = about_draft("coverage", revision, draft, &[]).await?;
    let json = get(&reply, "coverage")
        .and_then(|c| c.as_string())
        .ok_or(FAILED)?;
    serde_json::from_str(&json).map_err(|_| FAILED.into())
}

/// A finding of the checker with its fix in words ([`check::fix_label`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    pub finding: Finding,
    pub fix_label: String,
}

/// The checker's findings on `draft`, the app's `revision` of it, found in the worker;
/// `today` dates the deadline reminders.
pub async fn check(
    revision: u64,
    draft: &Draft,
    today: CalendarDate,
    setup: &Setup,
) -> Result<Vec<Checked>, String> {
    let inputs = serde_json::to_string(&(today, setup)).map_err(|_| FAILED.to_string())?;
    let reply = about_draft("check", revision, draft, &[("inputs", &inputs.into())]).await?;
    let json = get(&reply, "findings")
        .and_then(|f| f.as_string())
        .ok_or(FAILED)?;
    serde_json::from_str(&json).map_err(|_| FAILED.into())
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
    let reply = request("plan", &fields).await?;
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
    let reply = request("report", &fields).await?;
    let json = get(&reply, "report")
        .and_then(|r| r.as_string())
        .ok_or(FAILED)?;
    serde_json::from_str(&json).map_err(|_| FAILED.into())
}

thread_local! {
    /// Worker side: the draft the page last sent.
    static HELD: RefCell<HeldDraft> = RefCell::new(HeldDraft::default());
}

/// Worker side: announces that it is ready, then answers every request that carries an
/// id, under that id. Never panics on a bad request, so the worker stays usable.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request = event.data();
        let reply = answer(&request)
            .unwrap_or_else(|message| object(&[("error", &JsValue::from_str(&message))]));
        // A draft to hold asks for no reply.
        let Some(id) = get(&request, "id") else {
            return;
        };
        let _ = Reflect::set(&reply, &JsValue::from_str("id"), &id);
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

/// Reads and exports [`WARM_UP_DRAFT`] before the worker says it is ready, without
/// holding it. Chromium compiles wasm functions on their first call and memory grows on
/// first use; without this the user's first export of a session pays for both (about
/// 100 ms for a 30-page draft instead of about 30 ms; BENCHMARKS.md). It runs while the
/// page is loading, behind the first paint.
fn warm_up_export() {
    if let Ok(draft) = report_core::from_json(WARM_UP_DRAFT) {
        let _ = report_core::docx::export(&draft, &draft.export, "2026-02-20T00:00:00Z");
    }
}

/// Reads the draft a request carries and holds it as the request's revision; a draft
/// that cannot be read leaves none held.
fn hold_sent(fields: &JsValue) -> Result<(), String> {
    let revision = number_of(fields, "revision")? as u64;
    let read = report_core::from_json(&text(fields, "draft")?);
    let error = read.as_ref().err().map(ToString::to_string);
    HELD.with(|held| held.borrow_mut().hold(revision, read.ok()));
    error.map_or(Ok(()), Err)
}

/// The reply `answer` makes from the held draft of the request's revision (after
/// holding the draft the request carries, if any), or `{ not_held: true }` when the
/// worker holds another revision: a stale draft is never used.
fn with_held(
    fields: &JsValue,
    answer: impl FnOnce(&Draft) -> Result<JsValue, String>,
) -> Result<JsValue, String> {
    if get(fields, "draft").is_some() {
        hold_sent(fields)?;
    }
    let revision = number_of(fields, "revision")? as u64;
    HELD.with(|held| match held.borrow().at(revision) {
        Some(draft) => answer(draft),
        None => Ok(object(&[("not_held", &JsValue::TRUE)])),
    })
}

/// An Office file made by `make` from the held draft and the request's time.
fn export_held(
    fields: &JsValue,
    make: impl FnOnce(&Draft, &str) -> Result<Vec<u8>, String>,
) -> Result<JsValue, String> {
    let now = text(fields, "now")?;
    with_held(fields, |draft| Ok(file(&make(draft, &now)?)))
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

/// The number a request gives under `key` (a draft revision, a report year).
fn number_of(request: &JsValue, key: &str) -> Result<f64, String> {
    get(request, key)
        .and_then(|v| v.as_f64())
        .ok_or_else(|| INCOMPLETE.into())
}

/// The reply that carries a made file.
fn file(bytes: &[u8]) -> JsValue {
    object(&[("file", &Uint8Array::from(bytes).into())])
}

fn answer(request: &JsValue) -> Result<JsValue, String> {
    if let Some(hold) = get(request, "hold") {
        hold_sent(&hold)?;
        return Ok(Object::new().into());
    }
    if let Some(export) = get(request, "export") {
        return export_held(&export, |draft, now| {
            report_core::docx::export(draft, &draft.export, now).map_err(|e| e.to_string())
        });
    }
    if let Some(export) = get(request, "coverage_table") {
        return export_held(&export, |draft, now| {
            report_core::docx::coverage_table::coverage_table(draft, now).map_err(|e| e.to_string())
        });
    }
    if let Some(export) = get(request, "coverage_workbook") {
        return export_held(&export, |draft, now| {
            report_core::xlsx::coverage_workbook::coverage_workbook(draft, now)
                .map_err(|e| e.to_string())
        });
    }
    if let Some(fields) = get(request, "check") {
        let (today, setup): (CalendarDate, Setup) =
            serde_json::from_str(&text(&fields, "inputs")?).map_err(|_| INCOMPLETE.to_string())?;
        return with_held(&fields, |draft| {
            let findings: Vec<Checked> = check::check_draft(draft, today, &setup)
                .into_iter()
                .map(|finding| Checked {
                    fix_label: finding
                        .fix
                        .as_ref()
                        .map(|fix| check::fix_label(draft, fix))
                        .unwrap_or_default(),
                    finding,
                })
                .collect();
            let json = serde_json::to_string(&findings).map_err(|_| FAILED.to_string())?;
            Ok(object(&[("findings", &JsValue::from_str(&json))]))
        });
    }
    if let Some(fields) = get(request, "coverage") {
        return with_held(&fields, |draft| {
            let report = draft
                .plan
                .as_ref()
                .map(|plan| report_core::coverage::compute(draft, plan));
            let json = serde_json::to_string(&report).map_err(|_| FAILED.to_string())?;
            Ok(object(&[("coverage", &JsValue::from_str(&json))]))
        });
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

#[cfg(test)]
mod tests {
    /// The warm-up draft is read as any draft file is, and has every part the export
    /// writes, so that all of the export code runs once.
    #[test]
    fn the_warm_up_draft_is_a_complete_draft() {
        let draft = report_core::from_json(super::WARM_UP_DRAFT).unwrap();
        assert!(report_core::check::missing(&draft, &draft.export, &Default::default()).is_empty());
        assert!(report_core::docx::export(&draft, &draft.export, "2026-02-20T00:00:00Z").is_ok());
    }
}
