//! Work off the page, in two Web Workers, each a wasm entry of its own loaded behind the
//! first paint, so that their code stays out of the first-paint bundle and a long export
//! or a 5 MB file never blocks typing:
//! - the draft worker ([`Role::Draft`], `src/bin/worker.rs`) follows typing and exports:
//!   it holds the draft and runs the checker, plan coverage and the .docx/.xlsx writers;
//! - the import worker ([`Role::Import`], `src/bin/import_worker.rs`,
//!   `adapter/import_worker.rs`) reads the files a user brings in: plans, reports
//!   (.docx, .txt in any encoding), draft, template and backup files (naming where one
//!   is wrong), so that neither the draft worker nor the app carries those readers.
//!
//! Both speak the protocol below through one request/reply path ([`request`],
//! [`serve`]); this module holds it and the draft worker's requests: [`export_file`],
//! [`check()`] and [`coverage`] on the page, [`serve_drafts`] in the worker.
//!
//! Both workers are started once, right after the app's first paint ([`warm_up`]), and
//! then kept: their files load while the page is loading, not on the first click, so the
//! app makes no request after load and the first export or import does not wait for a
//! download. The draft worker exports a short draft before saying it is ready
//! ([`warm_up_export`]), so the first real export runs compiled code.
//!
//! Worker → page, once its wasm runs: `{ ready: true }`. A message posted before that
//! would be lost (the handler does not exist yet), so the page waits for it.
//!
//! The draft worker keeps the latest draft: when typing pauses, the page sends
//! `{ hold: { revision, draft: <draft file JSON> } }` (no reply), tagged with the app
//! state's revision, so that an export need not send, nor the worker read, a 30-page
//! draft. An export names the revision it wants and carries the draft only when the
//! page has not sent that revision; the worker exports exactly the revision named or
//! answers `{ not_held: true }`, and the page sends it again with the draft. The draft
//! is the app's own write, read with plain serde_json ([`report_core::from_own_json`]).
//!
//! Requests carry an `id`, and so does their reply, so that a late reply (to a request
//! that timed out) is never taken for another request; each worker has its own waiting
//! requests, and a worker that fails or times out fails only those. The draft worker's:
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
//! - any failure → `{ id, error: <Chinese message> }`.
//!
//! The import worker's requests: see `adapter/import_worker.rs`.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

use super::import_worker;
use super::offline;
use super::worker_state::{Awaited, HeldDraft};
use report_core::check::{self, Finding, Setup};
use report_core::coverage::CoverageReport;
use report_core::{CalendarDate, Draft};
use serde::{Deserialize, Serialize};

/// A worker that has not answered by then is replaced: a 30-page report takes milliseconds.
const TIMEOUT_MS: i32 = 60_000;
pub(super) const FAILED: &str = "后台处理程序出错";
const TIMED_OUT: &str = "后台处理超时";

/// The two workers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Follows typing and exports (`src/bin/worker.rs`).
    Draft,
    /// Reads the files a user brings in (`src/bin/import_worker.rs`).
    Import,
}

impl Role {
    const ALL: [Role; 2] = [Role::Draft, Role::Import];

    /// The name of its bin, which Trunk gives its files (index.html).
    fn bin(self) -> &'static str {
        match self {
            Role::Draft => "worker",
            Role::Import => "import_worker",
        }
    }

    /// Its place in the per-worker slots below.
    fn index(self) -> usize {
        self as usize
    }

    /// What answers its requests: in the worker, or in the page with `worker-in-page`.
    fn answer(self) -> fn(&JsValue) -> Result<JsValue, String> {
        match self {
            Role::Draft => answer,
            Role::Import => import_worker::answer,
        }
    }
}

/// A started worker and a promise that resolves when it is ready for requests.
#[derive(Clone)]
struct Started {
    worker: Worker,
    ready: Promise,
}

/// How a request's promise is settled when its reply comes.
struct Waiter {
    resolve: Function,
    reject: Function,
}

thread_local! {
    /// Per worker ([`Role::index`]): the started worker, and the requests it has to answer.
    static WORKERS: RefCell<[Option<Started>; 2]> = const { RefCell::new([None, None]) };
    static AWAITED: RefCell<[Awaited<Waiter>; 2]> = RefCell::new(Default::default());
    /// The draft revision last sent to the draft worker (the worker checks it again).
    static SENT: Cell<Option<u64>> = const { Cell::new(None) };
}

pub(super) fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined())
}

pub(super) fn object(entries: &[(&str, &JsValue)]) -> JsValue {
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

/// Hands a reply of `role`'s worker to the request that awaits it; a reply nobody awaits
/// any more (its request timed out) is dropped.
fn on_reply(role: Role, reply: JsValue, id: f64) {
    let waiter = AWAITED.with(|awaited| awaited.borrow_mut()[role.index()].take(id as u64));
    if let Some(waiter) = waiter {
        let _ = waiter.resolve.call1(&JsValue::NULL, &reply);
    }
}

/// Replaces a failed or silent worker: every request still waiting for it fails with
/// `message`, and its next request starts a fresh worker.
fn give_up(role: Role, message: &str) {
    if let Some(old) = WORKERS.with(|slots| slots.borrow_mut()[role.index()].take()) {
        old.worker.terminate();
    }
    if role == Role::Draft {
        SENT.with(|sent| sent.set(None));
    }
    for waiter in AWAITED.with(|awaited| awaited.borrow_mut()[role.index()].take_all()) {
        let _ = waiter
            .reject
            .call1(&JsValue::NULL, &JsValue::from_str(message));
    }
}

fn start_worker(role: Role) -> Result<Started, String> {
    // The loader Trunk writes for the bin (`data-loader-shim`), relative to the page; the
    // single file makes its workers from Blobs instead.
    let url = offline::inlined_worker_url(role.bin())
        .unwrap_or_else(|| format!("./{}_loader.js", role.bin()));
    let worker = Worker::new(&url).map_err(|_| "浏览器无法启动后台处理程序".to_string())?;
    let ready = Promise::new(&mut |resolve, _| {
        // Worker → page: `{ ready: true }` once, then replies that carry their request's id.
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            match get(&data, "id").and_then(|id| id.as_f64()) {
                Some(id) => on_reply(role, data, id),
                None => {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handlers live as long as the worker, which is only replaced after a failure.
        on_message.forget();
    });
    let on_error = Closure::<dyn Fn(JsValue)>::new(move |_: JsValue| give_up(role, FAILED));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Ok(Started { worker, ready })
}

fn current_worker(role: Role) -> Result<Started, String> {
    WORKERS.with(|slots| {
        if let Some(existing) = slots.borrow()[role.index()].as_ref() {
            return Ok(existing.clone());
        }
        let started = start_worker(role)?;
        slots.borrow_mut()[role.index()] = Some(started.clone());
        Ok(started)
    })
}

/// Posts `message` once the worker is ready; messages keep the order they were posted
/// in. A worker that fails before it is ready never gets it: [`give_up`] answers then.
fn post_when_ready(started: &Started, message: JsValue) {
    let Started { worker, ready } = started.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if JsFuture::from(ready).await.is_ok() {
            let _ = worker.post_message(&message);
        }
    });
}

/// Starts both workers in the background. Failing here is not reported: the button
/// that needs a worker tries again and reports then.
pub fn warm_up() {
    for role in Role::ALL {
        let _ = current_worker(role);
    }
}

/// Sends the draft worker `draft` as `revision` (no reply), so that an export of that
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

/// The JSON a reply carries under `key`, read as `T`.
pub(super) fn reply_json<T: serde::de::DeserializeOwned>(
    reply: &JsValue,
    key: &str,
) -> Result<T, String> {
    let json = get(reply, key).and_then(|v| v.as_string()).ok_or(FAILED)?;
    serde_json::from_str(&json).map_err(|_| FAILED.into())
}

/// Sends `role`'s worker one request `{ <kind>: fields }` and waits for its reply; a
/// reply that reports a failure is an error.
pub(super) async fn request(role: Role, kind: &str, fields: &JsValue) -> Result<JsValue, String> {
    let reply = round_trip(role, kind, fields).await?;
    match get(&reply, "error").and_then(|e| e.as_string()) {
        Some(message) => Err(message),
        None => Ok(reply),
    }
}

/// Component tests (tests/browser.rs) have no worker files to load: with the
/// `worker-in-page` feature, which only their build turns on, the workers' own answers
/// ([`Role::answer`]) run in the page instead, so they still go through the whole
/// protocol but the postMessage. In the app this is `false` and the branches that use it
/// are compiled away, with the workers' code they would link.
const IN_PAGE: bool = cfg!(feature = "worker-in-page");

/// Posts the draft worker a message that asks for no reply.
fn send(message: JsValue) {
    if IN_PAGE {
        let _ = answer(&message);
    } else if let Ok(started) = current_worker(Role::Draft) {
        post_when_ready(&started, message);
    }
}

/// Posts `{ id, <kind>: fields }` to `role`'s worker and waits for the reply that
/// carries the same id; a failure or timeout replaces the worker.
async fn round_trip(role: Role, kind: &str, fields: &JsValue) -> Result<JsValue, String> {
    if IN_PAGE {
        return Ok(role.answer()(&object(&[(kind, fields)]))
            .unwrap_or_else(|message| object(&[("error", &JsValue::from_str(&message))])));
    }
    let started = current_worker(role)?;
    let reply = Promise::new(&mut |resolve, reject| {
        let id = AWAITED
            .with(|awaited| awaited.borrow_mut()[role.index()].add(Waiter { resolve, reject }));
        post_when_ready(&started, object(&[("id", &number(id)), (kind, fields)]));
        // A request still awaited then fails, and so does every other on that worker.
        let on_timeout = Closure::once_into_js(move || {
            let waiter = AWAITED.with(|awaited| awaited.borrow_mut()[role.index()].take(id));
            if let Some(waiter) = waiter {
                let _ = waiter
                    .reject
                    .call1(&JsValue::NULL, &JsValue::from_str(TIMED_OUT));
                give_up(role, TIMED_OUT);
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
        request(Role::Draft, kind, &message(None)).await?
    } else {
        request(Role::Draft, kind, &message(Some(draft))).await?
    };
    if get(&reply, "not_held").is_some() {
        return request(Role::Draft, kind, &message(Some(draft))).await;
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
    reply_json(&reply, "coverage")
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
    reply_json(&reply, "findings")
}

thread_local! {
    /// Worker side: the draft the page last sent.
    static HELD: RefCell<HeldDraft> = RefCell::new(HeldDraft::default());
}

/// The draft worker (`src/bin/worker.rs`): warms its export up, then [`serve`]s.
pub fn serve_drafts() {
    warm_up_export();
    serve(answer);
}

/// Worker side: announces that it is ready, then answers every request that carries an
/// id with what `answer` makes of it, under that id. Never panics on a bad request, so
/// the worker stays usable.
pub(super) fn serve(answer: fn(&JsValue) -> Result<JsValue, String>) {
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
    if let Ok(draft) = report_core::from_own_json(WARM_UP_DRAFT) {
        let _ = report_core::docx::export(&draft, &draft.export, "2026-02-20T00:00:00Z");
    }
}

/// Reads the draft a request carries and holds it as the request's revision; a draft
/// that cannot be read leaves none held.
fn hold_sent(fields: &JsValue) -> Result<(), String> {
    let revision = number_of(fields, "revision")? as u64;
    let read = report_core::from_own_json(&text(fields, "draft")?);
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

pub(super) const INCOMPLETE: &str = "请求不完整";

pub(super) fn text(request: &JsValue, key: &str) -> Result<String, String> {
    get(request, key)
        .and_then(|v| v.as_string())
        .ok_or_else(|| INCOMPLETE.into())
}

/// The number a request gives under `key` (a draft revision, a report year).
pub(super) fn number_of(request: &JsValue, key: &str) -> Result<f64, String> {
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
    Err(INCOMPLETE.into())
}

#[cfg(test)]
mod tests {
    /// The warm-up draft is read as the page's drafts are, and has every part the export
    /// writes, so that all of the export code runs once.
    #[test]
    fn the_warm_up_draft_is_a_complete_draft() {
        let draft = report_core::from_own_json(super::WARM_UP_DRAFT).unwrap();
        assert!(report_core::check::missing(&draft, &draft.export, &Default::default()).is_empty());
        assert!(report_core::docx::export(&draft, &draft.export, "2026-02-20T00:00:00Z").is_ok());
    }
}
